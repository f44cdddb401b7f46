# A synthetic month in queue_log form (`ombud synth --format
# asterisk-queue-log`: DIR/queue_log in the 13+ file form and
# DIR/accounts.csv) through `ombud run` to a report. The synthetic figures
# are not worked out by hand here (106-asterisk-month does that for a
# generated month); this checks that the synth's file goes through whole:
# one leg per requested row, every line stored, rejected or counted, every
# leg with its lines, and both reports written.

run_ombud synth --rows 1500 --format asterisk-queue-log --out syn -q
expect_exit 0
run_ombud run -q --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" \
    --calls syn/queue_log --accounts syn/accounts.csv --outages syn/outages.csv \
    --billing syn/billing.csv --out out
# queue_log carries no promised restore times, so promised-times has no
# data: the reports are written and the run exits 2 (evidence incomplete).
expect_exit 2
expect_stderr_has "data quality: promised-times: no data"
DB=out/evidence.db
expect_sql "SELECT count(*) FROM call_legs c JOIN sources s ON s.id = c.source_id
            WHERE s.kind = 'queue_log'" 1500
expect_sql "SELECT rows_rejected, rows_read = rows_stored + rows_counted
            FROM sources WHERE kind = 'queue_log'" "0|1"
expect_sql "SELECT count(*) FROM call_legs WHERE nlines > 1 AND lines IS NULL" 0
expect_accounting
expect_true "report.xlsx written" test -s out/report.xlsx
expect_true "report.pdf written" test -s out/report.pdf
