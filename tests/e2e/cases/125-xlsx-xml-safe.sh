# Every string that reaches sheet XML is XML 1.0 text. Input rows are
# checked at ingest (case 122); a file name is not, and libxlsxwriter
# writes U+FFFE as it is, which no XML parser accepts. ombud writes such a
# character visibly as "<U+FFFE>" in the cell, and in the PDF. --account,
# --customer and --ask go into the dossier and are checked as input text
# is (exit 64).
NC=$(printf '\357\277\276')     # U+FFFE
C1=$(printf '\302\205')         # U+0085
CALLS="calls${NC}.csv"
cp "$FOUNDING"/outages.csv "$FOUNDING"/billing.csv .
cp "$FOUNDING"/calls.csv "$CALLS"
G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini

run_ombud run -q --guarantees "$G" --outages outages.csv --calls "$CALLS" \
    --billing billing.csv --out out --account ACC-1001 --customer "Jane Doe"
expect_exit 0
expect_xlsx_xml out/report.xlsx out/complaint-ACC-1001.xlsx
# The Inputs sheet names the file, escaped; no raw U+FFFE anywhere.
expect_eq "no raw U+FFFE in report.xlsx" 0 "$(unzip -p out/report.xlsx | grep -c "$NC")"
expect_eq "no raw U+FFFE in the dossier" 0 "$(unzip -p out/complaint-ACC-1001.xlsx | grep -c "$NC")"
expect_true "the file name escaped in report.xlsx" \
    sh -c "unzip -p out/report.xlsx | grep -q 'calls&lt;U+FFFE&gt;.csv'"
# Evidence references name it too: calls.csv line 2 is C-20261014-01's
# first leg, evidence of the transfers (customer_effort).
expect_true "evidence escaped in report.xlsx" \
    sh -c "unzip -p out/report.xlsx | grep -q 'calls&lt;U+FFFE&gt;.csv:2'"
expect_true "the chronology's file escaped in the dossier" \
    sh -c "unzip -p out/complaint-ACC-1001.xlsx xl/worksheets/sheet2.xml | grep -q 'calls&lt;U+FFFE&gt;.csv'"

# The PDF too: cairo refuses a whole document for one noncharacter, so it
# is drawn, and kept in the manifest, as "<U+FFFE>". calls.csv line 12 is
# the call closed at 07:05 on 10-15: live-support's first breach, whose
# evidence reads "calls<U+FFFE>.csv line 12" (the cell may wrap before
# the number: lines are joined).
pdftotext out/report.pdf report.txt
expect_eq "the PDF names the file escaped" 1 \
    "$(tr '\n' ' ' < report.txt | grep -o 'calls<U+FFFE>.csv line 12 ' | wc -l | tr -d ' ')"
expect_eq "no raw U+FFFE in the PDF's text" 0 "$(grep -c "$NC" report.txt)"
# verify matches files by checksum: both reports still verify.
for r in out/report.xlsx out/report.pdf; do
    run_ombud verify --report "$r" --guarantees "$G" --outages outages.csv \
        --calls "$CALLS" --billing billing.csv
    expect_exit 0
done

# ombud report writes the workbook again from the store: well-formed too.
run_ombud report --db out/evidence.db -o again.xlsx
expect_exit 0
expect_xlsx_xml again.xlsx

# --customer and --ask: no noncharacter, no C1 control; nothing written.
run_ombud complaint --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane${NC}" --out d1
expect_exit 64
expect_stderr_has "error: --customer: Unicode noncharacter U+FFFE at byte 5"
expect_no_file d1/complaint-ACC-1001.pdf
run_ombud complaint --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane Doe" --ask "refund${C1}now" --out d2
expect_exit 64
expect_stderr_has "error: --ask: control character U+0085 at byte 7"
expect_no_file d2/complaint-ACC-1001.pdf
