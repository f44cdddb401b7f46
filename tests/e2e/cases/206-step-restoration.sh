# Step restoration (schema 5): a store of schema 4 gains the column and
# the table when opened, its reports unchanged byte for byte; steps then
# imported into it are stored, counted, cited and forgotten like any row.
S=$E2E_ROOT/samples/reliability
sed 's/ *; PLACEHOLDER.*//' "$E2E_ROOT/templates/guarantees/pa-reliability.ini" > pa.ini
# The sample without its steps (one outage row each) is a schema 4 input.
awk -F, 'NR == 1 || $1 != "E2026-00579" || $NF == 102' "$S/outages.csv" |
    sed 's/,[0-9]*$/,/' > flat.csv
run_ombud ingest -q --db "$DB" --guarantees pa.ini --outages flat.csv \
    --customers "$S/customers.csv"
expect_exit 0
run_ombud check -q --db "$DB" --guarantees pa.ini --period 2026
expect_exit 0
run_ombud report --db "$DB" -o a.xlsx
run_ombud report --db "$DB" -o a.pdf
sqlite3 "$DB" "DROP TABLE outage_steps;
  ALTER TABLE outages DROP COLUMN customers_restored;
  UPDATE meta SET value = '4' WHERE key = 'schema_version'"
run_ombud report --db "$DB" -o b.xlsx
expect_exit 0
run_ombud report --db "$DB" -o b.pdf
expect_exit 0
expect_true "the upgraded store's XLSX is byte-identical" cmp -s a.xlsx b.xlsx
expect_true "the upgraded store's PDF is byte-identical" cmp -s a.pdf b.pdf
expect_sql "SELECT value FROM meta WHERE key = 'schema_version'" 5
expect_sql "SELECT count(*) FROM pragma_table_info('outages') WHERE name = 'customers_restored'" 1

# A later export gives E2026-00579's steps (York, 802 out 06:00 on
# 12-25): 300 back at 06:03 (momentary), 400 at 07:30, 102 at 09:07. Its
# first row is stored already without steps, so these are duplicates.
grep -e '^outage_id' -e '^E2026-00579' "$S/outages.csv" > steps.csv
run_ombud ingest --db "$DB" --tz America/New_York --outages steps.csv
expect_exit 0
expect_stderr_has "steps.csv: 3 read, 0 stored, 3 rejected"
run_ombud forget --db "$DB" flat.csv
expect_exit 0
run_ombud forget --db "$DB" steps.csv
expect_exit 0
# Imported whole, the first row is a step and the other two its steps.
run_ombud ingest --db "$DB" --tz America/New_York --outages "$S/outages.csv"
expect_exit 0
expect_stderr_has "outages.csv: 585 read, 585 stored, 0 rejected"
expect_sql "SELECT count(*), sum(customers_restored) FROM outage_steps" "2|502"
# The interruption's customer-minutes by step: 400 x 90 + 102 x 187 =
# 55074; all of it on 12-25, whose daily SAIDI is read from the series.
run_ombud check -q --db "$DB" --guarantees pa.ini --period 2026
expect_exit 0
# Both breaches (SAIFI and CAIDI) cite the interruptions counted and
# their later steps: 2 step rows each.
expect_sql "SELECT count(*) FROM evidence WHERE tbl = 'outage_steps'" 4
expect_sql "SELECT count(*) FROM evidence e JOIN outage_steps p ON p.id = e.row_id
            WHERE e.tbl = 'outage_steps' AND e.lines = CAST(p.line AS TEXT)" 4
expect_sql "SELECT method LIKE '%Outages restored in steps: 1;%' FROM results
            WHERE id = (SELECT max(id) FROM results)" 1
run_ombud forget --db "$DB" outages.csv
expect_exit 0
expect_sql "SELECT count(*) FROM outage_steps" 0
