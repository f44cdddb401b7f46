# ombud compare (issue 26): two carriers' filings of one standard side by
# side, each verified. North Fibre's workbook was altered after it was
# written (its Summary's measured words say 2 of 2 outages restored): the
# comparison is written all the same, exit 1, North Fibre flagged NOT
# VERIFIED with verify's reason (the sheet and cell), South Net VERIFIED;
# the figures are the ones the inputs give. A filing of another standard
# is refused (exit 65) before any work.
cat > north.ini <<'INI'
[filing]
carrier = North Fibre
commission = K
timezone = UTC
currency = USD
period = 2026-10

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
per_day_late = 10.00
INI
sed 's/North Fibre/South Net/' north.ini > south.ini
# By hand, a deadline 24 h after the start, 10.00 a day started after it:
#   North: N-1 10 h, N-2 30 h (6 h late: 1 day)   -> FAIL, longest 30 h,
#          2 examined, 1 breach, 10.00; 1 of 2 restored (50.00%)
#   South: S-1 60 h (36 h late: 2 days), S-2 1 h, S-3 5 h -> FAIL,
#          longest 60 h, 3 examined, 1 breach, 20.00; 2 of 3 (66.67%)
cat > north.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
N-1,A1,n,2026-10-03T00:00:00Z,2026-10-03T10:00:00Z,cut
N-2,A2,n,2026-10-05T00:00:00Z,2026-10-06T06:00:00Z,cut
CSV
cat > south.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
S-1,B1,s,2026-10-01T00:00:00Z,2026-10-03T12:00:00Z,cut
S-2,B2,s,2026-10-07T00:00:00Z,2026-10-07T01:00:00Z,cut
S-3,B3,s,2026-10-09T00:00:00Z,2026-10-09T05:00:00Z,cut
CSV
run_ombud run -q --guarantees north.ini --outages north.csv --out n
expect_exit 0
run_ombud run -q --guarantees south.ini --outages south.csv --out s
expect_exit 0
# Each filing's folder of inputs, under other names (matched by checksum).
mkdir nin sin
cp north.ini nin/g; cp north.csv nin/1; cp south.ini sin/g; cp south.csv sin/1

# North's workbook altered: its Summary's measured words (cell E14).
mkdir z
(cd z && unzip -q ../n/report.xlsx &&
    sed -i 's|1 of 2 outages restored within 24\xc2\xa0h (50.00%); longest 30\xc2\xa0h|2 of 2 outages restored within 24\xc2\xa0h (100.00%); longest 10\xc2\xa0h|' \
        xl/worksheets/sheet1.xml &&
    zip -q -r -X -D ../north-altered.xlsx .)
expect_true "the workbook was altered" \
    sh -c '! cmp -s n/report.xlsx north-altered.xlsx'

# South first on the command line: the columns still go North, South.
run_ombud compare --filing s/report.pdf --inputs sin \
    --filing north-altered.xlsx --inputs nin --out cmp
expect_exit 1
expect_stdout_line '^VERIFIED +South Net, 2026-10-01 to 2026-10-31: s/report.pdf$'
expect_stdout_line "^NOT VERIFIED +North Fibre, 2026-10-01 to 2026-10-31: north-altered.xlsx: report: it is not the report these inputs give: sheet 'Summary', cell E14: the report has \"2 of 2 outages"
expect_stdout_has 'wrote cmp/comparison.xlsx'
expect_stdout_has 'wrote cmp/comparison.pdf'
expect_xlsx_xml cmp/comparison.xlsx

X=cmp/comparison.xlsx
cell() { # SHEET REF: the cell's value, text or number
    unzip -p "$X" "xl/worksheets/$1.xml" |
        grep -o "<c r=\"$2\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" |
        sed 's/<[^>]*>//g' | sed 's/\xc2\xa0/ /g'
}
style() { # SHEET REF: the cell's style index
    unzip -p "$X" "xl/worksheets/$1.xml" | grep -o "<c r=\"$2\" s=\"[0-9]*\"" |
        sed 's/.*s="//; s/"//'
}
expect_eq "sheets" 'Comparison|Filings' \
    "$(unzip -p $X xl/workbook.xml | grep -o 'sheet name="[^"]*"' |
       sed 's/sheet name="//; s/"//' | paste -sd'|')"
# The header block: carrier, period, status, reason, digests.
expect_eq "carriers, North first" "North Fibre|South Net" \
    "$(cell sheet1 C4)|$(cell sheet1 D4)"
expect_eq "statuses" "NOT VERIFIED|VERIFIED" "$(cell sheet1 C6)|$(cell sheet1 D6)"
expect_eq "North's reason names the sheet and cell" \
    "report: it is not the report these inputs give: sheet 'Summary', cell E14" \
    "$(cell sheet1 C7 | cut -d: -f1-3)"
expect_eq "South has no reason" "" "$(cell sheet1 D7)"
NSHA=$(sha256sum north-altered.xlsx | cut -c1-64)
SSHA=$(sha256sum s/report.pdf | cut -c1-64)
expect_eq "report SHA-256s" "$NSHA|$SSHA" "$(cell sheet1 C8)|$(cell sheet1 D8)"
# The findings digest each report states (the workbook's custom property;
# the PDF's manifest in its Keywords).
NFIND=$(unzip -p n/report.xlsx docProps/custom.xml |
    grep -o 'ombud.findings_sha256"[^>]*><vt:lpwstr>[0-9a-f]*' | grep -o '[0-9a-f]*$')
SFIND=$(pdfinfo s/report.pdf | grep -o 'findings=[0-9a-f]*' | cut -d= -f2)
expect_eq "findings digests" "$NFIND|$SFIND" "$(cell sheet1 C9)|$(cell sheet1 D9)"
# The figures, worked out above: typed cells (durations in days).
row() { echo "$(cell sheet1 A$1)|$(cell sheet1 B$1)|$(cell sheet1 C$1)|$(cell sheet1 D$1)"; }
expect_eq "table header" "Guarantee|Figure|North Fibre|South Net" "$(row 11)"
expect_eq "status" "restore|Status|FAIL|FAIL" "$(row 12)"
expect_eq "measured: longest 30 h, 60 h" "restoration time|Measured|1.25|2.5" "$(row 13)"
expect_eq "target 24 h" "|Target|1|1" "$(row 14)"
expect_eq "in words (North's as its inputs give, not as altered)" \
    "|Measured, in words|1 of 2 outages restored within 24 h (50.00%); longest 30 h|2 of 3 outages restored within 24 h (66.67%); longest 60 h" \
    "$(row 15)"
expect_eq "examined" "|Examined|2|3" "$(row 16)"
expect_eq "breaches" "|Breaches|1|1" "$(row 17)"
expect_eq "owed" "|Owed|10|20" "$(row 18)"
# North's cells are flagged (struck through), South's are not.
NST=$(style sheet1 C13)
SST=$(style sheet1 D13)
strike_of() { # STYLE INDEX: 1 when its font is struck through
    st=$(unzip -p "$X" xl/styles.xml | tr -d '\n')
    font=$(printf '%s' "$st" | sed 's/.*<cellXfs[^>]*>//; s|</cellXfs>.*||' |
        sed 's|<xf |\n<xf |g' | grep '^<xf ' | sed -n "$(($1 + 1))p" |
        sed 's/.*fontId="\([0-9]*\)".*/\1/')
    printf '%s' "$st" | sed 's/.*<fonts[^>]*>//; s|</fonts>.*||' |
        sed 's|<font>|\n<font>|g' | grep '^<font>' | sed -n "$((font + 1))p" |
        grep -c '<strike/>'
}
expect_eq "North's figures struck through, South's not" "1|0" \
    "$(strike_of $NST)|$(strike_of $SST)"
# The Filings sheet: one row per filing, inputs' checksums.
expect_eq "Filings header" "Carrier|Report|Verify status" \
    "$(cell sheet2 A3)|$(cell sheet2 B3)|$(cell sheet2 E3)"
expect_eq "Filings rows" "North Fibre|north-altered.xlsx|NOT VERIFIED|South Net|report.pdf|VERIFIED" \
    "$(cell sheet2 A4)|$(cell sheet2 B4)|$(cell sheet2 E4)|$(cell sheet2 A5)|$(cell sheet2 B5)|$(cell sheet2 E5)"
expect_eq "guarantees checksums" "$(sha256sum north.ini | cut -c1-64)|$(sha256sum south.ini | cut -c1-64)" \
    "$(cell sheet2 I4)|$(cell sheet2 I5)"
expect_eq "inputs' checksums" "north.csv (outages) $(sha256sum north.csv | cut -c1-64)|south.csv (outages) $(sha256sum south.csv | cut -c1-64)" \
    "$(cell sheet2 J4)|$(cell sheet2 J5)"

# The PDF says the same.
pdftotext -layout cmp/comparison.pdf cmp.txt
expect_true "PDF: 1 of 2 verified" grep -q '1 of 2 filings verified\.' cmp.txt
expect_true "PDF: North NOT VERIFIED, with the cell" \
    grep -q "Why report: it is not the report these inputs give: sheet 'Summary', cell E14" cmp.txt
expect_true "PDF: South's digest" grep -q "Findings digest $SFIND" cmp.txt
expect_true "PDF: North's figures marked with a cross" \
    grep -q '10.00 USD ✗ *20.00 USD' cmp.txt
expect_true "PDF: measured side by side" grep -q '30 h ✗ *60 h' cmp.txt
expect_true "PDF: the keywords list each filing" \
    sh -c "pdfinfo cmp/comparison.pdf | grep -q 'filing=$NSHA|$NFIND|not-verified; filing=$SSHA|$SFIND|verified'"

# The same filings in the other order: the same bytes.
run_ombud compare -q --filing north-altered.xlsx --inputs nin \
    --filing s/report.pdf --inputs sin --out cmp2
expect_exit 1
expect_true "the same workbook whatever the order" cmp -s cmp/comparison.xlsx cmp2/comparison.xlsx
expect_true "the same PDF whatever the order" cmp -s cmp/comparison.pdf cmp2/comparison.pdf

# Untouched, both verify: exit 0.
run_ombud compare --filing n/report.xlsx --inputs nin --filing s/report.pdf \
    --inputs sin --out ok --format xlsx
expect_exit 0
expect_stdout_line '^VERIFIED +North Fibre'
expect_no_file ok/comparison.pdf

# Four filings (each given twice): landscape, the four columns side by
# side in one grid; a letter page is 612 x 792 points.
run_ombud compare -q --filing n/report.xlsx --inputs nin --filing s/report.pdf \
    --inputs sin --filing n/report.xlsx --inputs nin --filing s/report.pdf \
    --inputs sin --out four --format pdf
expect_exit 0
expect_eq "landscape past three filings" "792 x 612 pts (letter)" \
    "$(pdfinfo four/comparison.pdf | sed -n 's/^Page size: *//p')"
pdftotext -layout four/comparison.pdf four.txt
expect_true "four columns in one grid" \
    grep -Eq '1\. North Fibre +2\. North Fibre +3\. South Net +4\. South Net' four.txt

# Another standard: the guarantee renamed. Refused, naming the file.
sed 's/\[guarantee restore\]/[guarantee restore-48]/' south.ini > other.ini
mkdir oin; cp other.ini oin/g; cp south.csv oin/1
run_ombud run -q --guarantees other.ini --outages south.csv --out o
expect_exit 0
run_ombud compare --filing n/report.xlsx --inputs nin --filing o/report.xlsx \
    --inputs oin --out refused
expect_exit 65
expect_stderr_has "o/report.xlsx is not a filing of the same standard as n/report.xlsx: guarantee 'restore' (restoration) is in one and not in the other"
expect_no_file refused/comparison.xlsx

# Usage: a --filing without its --inputs; one filing only.
run_ombud compare --filing n/report.xlsx --filing s/report.pdf --inputs sin --out u
expect_exit 64
expect_stderr_has '--inputs DIR must follow each --filing'
run_ombud compare --filing n/report.xlsx --inputs nin --out u
expect_exit 64
expect_stderr_has 'give at least two filings'
# A folder that cannot be read.
run_ombud compare --filing n/report.xlsx --inputs missing --filing s/report.pdf \
    --inputs sin --out u
expect_exit 66

# Its help teaches the pairing and the exit statuses.
run_ombud help compare
expect_exit 0
expect_stdout_has 'usage: ombud compare --filing REPORT --inputs DIR'
expect_stdout_has 'exit status: 0 every filing verified; 1 a filing is NOT VERIFIED'
run_ombud help
expect_stdout_has 'compare'
