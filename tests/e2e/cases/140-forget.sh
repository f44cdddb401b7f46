# ombud forget: a source named by id, by SHA-256 (a prefix of 8 hex digits
# or more, any case) or by its name or path as stored goes with all its
# rows and rejects and with every stored check; the other sources are
# untouched. Founding case: outages.csv (source 1, 3 rows), calls.csv
# (source 2, 64 legs), billing.csv (source 3, 18 events).

G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
cp "$FOUNDING/outages.csv" "$FOUNDING/calls.csv" "$FOUNDING/billing.csv" .
CALLS_SHA=$(sha256sum calls.csv | cut -c1-64)
BILL_SHA=$(sha256sum billing.csv | cut -c1-64)
ingest_la --outages outages.csv --calls calls.csv --billing billing.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees "$G" --period 2026-10
expect_exit 0
expect_sql "SELECT count(*) FROM checks" 1

# By id: calls.csv is source 2. The check of October cited its legs.
run_ombud forget --db "$DB" 2
expect_exit 0
expect_stdout_has "forgot calls.csv (source 2, calls, SHA-256 $(printf %.12s "$CALLS_SHA")): 64 rows, 0 rejects"
expect_stdout_has "1 check removed (2026-10): run ombud check again"
expect_sql "SELECT id, name, rows_stored FROM sources ORDER BY id" "1|outages.csv|3
3|billing.csv|18"
expect_sql "SELECT (SELECT count(*) FROM outages), (SELECT count(*) FROM call_legs),
            (SELECT count(*) FROM billing_events), (SELECT count(*) FROM rejects)" "3|0|18|0"
expect_sql "SELECT (SELECT count(*) FROM checks), (SELECT count(*) FROM results),
            (SELECT count(*) FROM breaches), (SELECT count(*) FROM evidence),
            (SELECT count(*) FROM figures), (SELECT count(*) FROM series)" "0|0|0|0|0|0"
# The rows left still come from their own sources.
expect_sql "SELECT DISTINCT source_id FROM outages" 1
expect_sql "SELECT DISTINCT source_id FROM billing_events" 3
expect_sql "PRAGMA integrity_check" ok
expect_sql "PRAGMA foreign_key_check" ""
expect_accounting

# The file is no longer "already imported": importing it again stores it.
ingest_la --calls calls.csv
expect_exit 0
expect_stderr_has "calls.csv: 64 read, 64 stored, 0 rejected"
expect_sql "SELECT id FROM sources WHERE name = 'calls.csv'" 4

# With no check stored, forget says so. By SHA-256 prefix, upper case.
run_ombud forget --db "$DB" "$(printf %.8s "$BILL_SHA" | tr a-f A-F)"
expect_exit 0
expect_stdout_has "forgot billing.csv (source 3, billing, SHA-256 $(printf %.12s "$BILL_SHA")): 18 rows, 0 rejects"
expect_stdout_has "no checks were stored"
expect_sql "SELECT count(*) FROM billing_events" 0

# Seven hex digits are no SHA-256 prefix (too many files share 7): nothing
# matches, exit 65, nothing removed.
run_ombud forget --db "$DB" "$(printf %.7s "$CALLS_SHA")"
expect_exit 65
expect_stderr_has "names no stored source"
expect_sql "SELECT count(*) FROM call_legs" 64

# By the full SHA-256 and by name in one command, both in one transaction.
run_ombud forget --db "$DB" "$CALLS_SHA" outages.csv
expect_exit 0
expect_stdout_has "forgot calls.csv (source 4, calls,"
expect_stdout_has "forgot outages.csv (source 1, outages,"
expect_sql "SELECT count(*) FROM sources" 0
expect_sql "SELECT (SELECT count(*) FROM outages) + (SELECT count(*) FROM call_legs)" 0
expect_sql "PRAGMA integrity_check" ok
expect_sql "PRAGMA foreign_key_check" ""
