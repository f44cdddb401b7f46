# A corrected export imported into a store holding the old one: its rows
# that kept their keys are rejected as duplicates of the old file's, and
# ingest says so once, naming the old source and the way out. Following
# it (forget, import again, check again) leaves the corrected rows only,
# and the report lists only the sources still stored.

G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
cp "$FOUNDING/outages.csv" "$FOUNDING/calls.csv" "$FOUNDING/billing.csv" .
ingest_la --outages outages.csv --calls calls.csv --billing billing.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees "$G" --period 2026-10
expect_exit 0

# The corrected export: lines 2, 5 and 9 had the wrong queue (their key,
# call_id + queue + arrived_at, changes); the other 61 rows are the same.
mkdir fix
sed -e '2s/,tech_support,2026-10-14 16:40:12/,repair,2026-10-14 16:40:12/' \
    -e '5s/,tech_support,2026-10-14 17:48:30/,repair,2026-10-14 17:48:30/' \
    -e '9s/,tech_support,2026-10-14 19:21:05/,repair,2026-10-14 19:21:05/' \
    calls.csv > fix/calls.csv
expect_eq "three lines corrected" 3 "$(diff calls.csv fix/calls.csv | grep -c '^>')"
ingest_la --calls fix/calls.csv
expect_exit 0
expect_counts fix/calls.csv 64 3 61
expect_stderr_has "fix/calls.csv: warning: differs from the calls.csv already stored (source 2): 61 of 64 rows rejected as duplicates of it; use a new store, or 'ombud forget 2' and import again"
expect_eq "one warning" 1 "$(grep -c 'warning: differs' "$ERR")"

# No warning: the same file again (already imported), a file of another
# name, a file of the same name with no row in common (next month).
ingest_la --calls fix/calls.csv
expect_stderr_lacks "warning"
mkdir next
sed -e 's/C-2026/N-2026/' -e 's/2026-10-/2026-11-/g' calls.csv > next/calls.csv
ingest_la --calls next/calls.csv
expect_exit 0
expect_counts next/calls.csv 64 64 0
expect_stderr_lacks "warning"
run_ombud forget --db "$DB" next/calls.csv
expect_exit 0
# Every check goes with any source, whatever its period.
expect_stdout_has "1 check removed (2026-10): run ombud check again"
# (CRLF line ends: other bytes, the same rows.)
sed 's/$/\r/' fix/calls.csv > corrected-calls.csv
ingest_la --calls corrected-calls.csv
expect_stderr_lacks "warning"
expect_counts corrected-calls.csv 64 0 64

# Duplicates within the file itself are no collision with the old one.
mkdir dup
sed -n '1,3p' outages.csv > dup/outages.csv
sed -n '3p' outages.csv >> dup/outages.csv
sed -i '2s/OUT-2610-07/OUT-2610-99/; 3s/TT-4471/TT-9999/; 4s/TT-4471/TT-9999/' dup/outages.csv
ingest_la --outages dup/outages.csv
expect_exit 0
expect_counts dup/outages.csv 3 2 1
expect_stderr_lacks "warning"

# Out: forget the old file and the partial imports of the new, import the
# corrected one, check again.
run_ombud forget --db "$DB" 2 fix/calls.csv corrected-calls.csv dup/outages.csv
expect_exit 0
expect_stdout_has "forgot calls.csv (source 2, calls,"
expect_stdout_has "): 64 rows, 0 rejects"
expect_stdout_has "): 3 rows, 61 rejects"
expect_stdout_has "): 0 rows, 64 rejects"
expect_stdout_has "): 2 rows, 1 rejects"
expect_stdout_has "no checks were stored"
ingest_la --calls fix/calls.csv
expect_exit 0
expect_stderr_has "fix/calls.csv: 64 read, 64 stored, 0 rejected"
expect_stderr_lacks "warning"
expect_sql "SELECT count(*) FROM call_legs WHERE queue = 'repair' AND line IN (2, 5, 9)" 3
expect_sql "SELECT DISTINCT s.path FROM call_legs c JOIN sources s ON s.id = c.source_id" fix/calls.csv
expect_sql "SELECT count(*) FROM rejects" 0
expect_accounting
expect_sql "PRAGMA integrity_check" ok
expect_sql "PRAGMA foreign_key_check" ""

run_ombud check --db "$DB" --guarantees "$G" --period 2026-10
expect_exit 0
run_ombud report --db "$DB" -o r.xlsx
expect_exit 0
unzip -p r.xlsx 'xl/worksheets/*.xml' xl/sharedStrings.xml > all.xml 2>/dev/null
OLD=$(sha256sum calls.csv | cut -c1-64)
NEW=$(sha256sum fix/calls.csv | cut -c1-64)
expect_true "the workbook lists the corrected calls.csv" grep -q "$NEW" all.xml
expect_true "the workbook lists outages.csv" grep -q "$(sha256sum outages.csv | cut -c1-64)" all.xml
expect_true "the workbook no longer lists the old calls.csv" sh -c "! grep -q $OLD all.xml"
