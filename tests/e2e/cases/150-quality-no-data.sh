# No verdict without evidence (issue 22): a guarantee whose records are
# missing is NO DATA, and `check` and `run` say the evidence is incomplete
# (exit 2) on stderr, on the PDF cover, before the PDF summary and under the
# workbook's total, unless --allow-incomplete. The period's rows are counted
# per file: before, in and after it.
#
# Worked by hand: outages.csv holds O-1 (September), O-2 (October, 12 h)
# and O-3 (November). No calls file: `live` (queues = tech) has nothing to
# judge, and "tech" is no stored queue: two serious items.

cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h

[guarantee live]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech
max_wait = 10m
INI
cat > outages.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,north,2026-09-20T00:00:00Z,2026-09-20T06:00:00Z,cut
O-2,A2,north,2026-10-02T00:00:00Z,2026-10-02T12:00:00Z,cut
O-3,A3,north,2026-11-01T05:00:00Z,2026-11-01T06:00:00Z,cut
CSV

NODATA='live: no data: nothing it judges is in the records of the period, so it is not assessed'
NOQUEUE='live: queues = tech matches nothing in the records (no value of it is stored): it selects no row'
NOTE='outages.csv (outages): 3 read, 3 stored, 0 rejected (0.00%); records dated before the period: 1, in it: 1, after it: 1'

ingest --tz UTC --outages outages.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 2
expect_stdout_line '^live +NO DATA +0 breaches$'
expect_stdout_line '^restore +PASS +0 breaches$'
expect_stderr_line 'ombud: error: ' "data quality: $NODATA"
expect_stderr_line 'ombud: error: ' "data quality: $NOQUEUE"
expect_stderr_has '2 serious data-quality problems (above, and under "Data quality" in the reports)'
expect_stderr_has 'give --allow-incomplete to file it as it is'
# Notes are for the reports, not for stderr.
expect_stderr_lacks 'records dated before the period'

# -q keeps the errors: they are why the exit status is 2.
run_ombud check -q --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 2
expect_stderr_line 'ombud: error: ' "data quality: $NODATA"

# --allow-incomplete: exit 0, the items as warnings.
run_ombud check --allow-incomplete --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 0
expect_stderr_line 'ombud: warning: ' "data quality: $NODATA"
expect_stderr_lacks 'error:'

# run: the reports are written, then exit 2.
run_ombud run --guarantees g.ini --outages outages.csv --period 2026-10 --out out
expect_exit 2
expect_true "report.xlsx written" test -s out/report.xlsx
expect_true "report.pdf written" test -s out/report.pdf
expect_stderr_line 'ombud: error: ' "data quality: $NOQUEUE"

pdftotext -layout out/report.pdf - | tr -s ' \n' '  ' > pdf.txt
expect_true "cover: evidence incomplete" grep -q 'Evidence incomplete: 2 serious data-quality problems, listed under "Data quality"' pdf.txt
expect_true "cover: one not assessed" grep -q '1 not assessed: no data in the period' pdf.txt
expect_true "PDF: the no-data item" grep -qF "Serious: $NODATA" pdf.txt
expect_true "PDF: the queue item" grep -qF "Serious: $NOQUEUE" pdf.txt
expect_true "PDF: the note on outages.csv" grep -qF "Note: $NOTE" pdf.txt
# Data quality comes before the summary table.
expect_true "Data quality before Summary" sh -c \
    "pdftotext out/report.pdf - | awk '/^Data quality\$/ { d = NR } /^Summary\$/ && !s { s = NR } END { exit !(d && s && d < s) }'"

S=$(unzip -p out/report.xlsx xl/worksheets/sheet1.xml)
for t in 'Data quality' "$NODATA" "$NOQUEUE" "$NOTE" \
         'Evidence incomplete: 2 serious data-quality problems, listed under "Data quality"'; do
    expect_true "Summary sheet has: $t" sh -c 'printf "%s" "$1" | grep -qF "$2"' sh "$S" "$t"
done
# Serious rows first: both before the note.
expect_true "serious before notes" sh -c 'printf "%s" "$1" |
    grep -o ">Serious<\|>Note<" | tr "\n" " " | grep -q "^>Serious< >Serious< >Note< $"' sh "$S"
expect_xlsx_xml out/report.xlsx

# verify writes the reports again, Data quality included, byte for byte.
run_ombud verify --report out/report.pdf --guarantees g.ini --outages outages.csv
expect_exit 0
# Authentic is not complete: verify says what the report says.
expect_stdout_has 'note: the evidence is incomplete, as the report says: 1 guarantee not assessed (no data), 2 serious data-quality problems (under "Data quality")'
run_ombud verify --report out/report.xlsx --guarantees g.ini --outages outages.csv
expect_exit 0

# --allow-incomplete on run: exit 0, and the reports say the filer chose
# to file it as it is; the manifest records it, so verify writes the same.
run_ombud run --allow-incomplete --guarantees g.ini --outages outages.csv \
    --period 2026-10 --out out2
expect_exit 0
pdftotext -layout out2/report.pdf - | tr -s ' \n' '  ' > pdf2.txt
expect_true "PDF: filed as it is" grep -qF 'Filed as it is: the filer chose to file with the evidence incomplete (--allow-incomplete).' pdf2.txt
expect_true "PDF without the flag: not said" sh -c '! grep -q "Filed as it is" pdf.txt'
expect_true "workbook: filed as it is" sh -c 'unzip -p out2/report.xlsx xl/worksheets/sheet1.xml | grep -qF "listed under \"Data quality\". Filed as it is"'
expect_true "manifest records allow=1" sh -c 'pdfinfo out2/report.pdf | grep -q "allow=1"'
expect_true "manifest without the flag: no allow" sh -c '! pdfinfo out/report.pdf | grep -q "allow="'
run_ombud verify --report out2/report.pdf --guarantees g.ini --outages outages.csv
expect_exit 0
expect_stdout_has '(under "Data quality"); filed as it is (--allow-incomplete)'
run_ombud verify --report out2/report.xlsx --guarantees g.ini --outages outages.csv
expect_exit 0
DB=out2/evidence.db
expect_sql "SELECT allow_incomplete, max_rejected_bp FROM checks" "1|50"
DB=out/evidence.db
expect_sql "SELECT allow_incomplete FROM checks" "0"
