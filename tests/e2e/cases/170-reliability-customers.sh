# customers.csv (issue 27): read with the reader, provenance and rejects of
# every input, forgotten with its source, and re-imported by verify.
#
# Worked by hand: customers.csv line 2 (North, 1000) and line 5 (South,
# 500 as of 2026-01-01) are stored; line 3's count "12x" and line 4's
# blank area are rejected with file:line:col. 4 read = 2 stored + 2
# rejected.
#
# The sample year through the Pennsylvania template, as `run` writes it:
# both reports verify by flags and by a folder of the input files, and
# with customers.csv changed by one byte the workbook does not verify.

cat > customers.csv <<'CSV'
area,customers_served,as_of
North,1000,
South,12x,
,5,
South,500,2026-01-01
CSV
run_ombud ingest --db ev.db --tz UTC --customers customers.csv
expect_exit 0
expect_stderr_line "customers.csv:3:2: error:" 'customers_served "12x": not a whole number'
expect_stderr_line "customers.csv:4:1: error:" 'area is required'
expect_stderr_has "customers.csv: 4 read, 2 stored, 2 rejected"
expect_sql "SELECT area, customers_served, as_of, line FROM customers ORDER BY id" \
"North|1000|NULL|2
South|500|$(utc '2026-01-01 00:00:00')|5"
run_ombud ingest --db ev.db --tz UTC --customers customers.csv
expect_stderr_has "already imported"
run_ombud forget --db ev.db customers.csv
expect_exit 0
expect_sql "SELECT count(*) FROM customers" "0"

S=$E2E_ROOT/samples/reliability
T=$E2E_ROOT/templates/guarantees/pa-reliability.ini
run_ombud run --guarantees "$T" --outages "$S/outages.csv" \
    --customers "$S/customers.csv" --period 2026 --out out
# the template's three targets are marked PLACEHOLDER (issue 22): exit 2
expect_exit 2
expect_stderr_has "pa-reliability: saifi_max, saidi_max, caidi_max are placeholders in the guarantees file"
expect_stdout_has "pa-reliability           FAIL  2 breaches"
expect_stdout_has "(without 2 major event days)"
for f in out/report.xlsx out/report.pdf; do
    run_ombud verify --report "$f" --guarantees "$T" --outages "$S/outages.csv" \
        --customers "$S/customers.csv"
    expect_exit 0
    expect_stdout_has "ok   input customers.csv (customers)"
done
mkdir in
cp "$S/outages.csv" "$S/customers.csv" "$T" in/
run_ombud verify --report out/report.pdf --inputs in
expect_exit 0
sed 's/^York,18500,2026/York,18501,2026/' "$S/customers.csv" > in/customers.csv
run_ombud verify --report out/report.xlsx --inputs in
expect_exit 1
