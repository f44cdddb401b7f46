# Billing rows are read by account and time (payment_notice in time order
# within each account, outage_credit over a span): the check indexes them
# on both, and replaces the index on the account alone that stores made
# before it have. The findings do not change.
run_ombud run -q --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" \
    --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv" --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_sql "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'billing_events' AND name LIKE 'billing_account%'" billing_account_at
# payment_notice's reading needs no sort of its own.
expect_sql "SELECT count(*) FROM (SELECT 1 FROM billing_events WHERE posted_at >= 0 AND posted_at < 9 ORDER BY account_id, posted_at, id)" 0
plan=$(sqlite3 "$DB" "EXPLAIN QUERY PLAN SELECT id FROM billing_events WHERE posted_at >= 0 AND posted_at < 9 ORDER BY account_id, posted_at, id")
expect_true "billing read in index order, no sort: $plan" \
    sh -c 'case "$1" in *billing_account_at*) case "$1" in *"TEMP B-TREE"*) exit 1 ;; esac ;; *) exit 1 ;; esac' - "$plan"
n=$(sql "SELECT count(*) FROM breaches")
expect_true "the founding case has breaches" [ "$n" -gt 0 ]
before=$(sql "SELECT r.guarantee_id, r.verdict, b.subject, b.amount, b.detail FROM breaches b JOIN results r ON r.id = b.result_id ORDER BY b.id")

# A store of before: the old index back, the new one gone.
sqlite3 "$DB" "DROP INDEX billing_account_at;
  CREATE INDEX billing_account ON billing_events(account_id)"
run_ombud check -q --db "$DB" \
    --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" --period 2026-10
expect_exit 0
expect_sql "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'billing_events' AND name LIKE 'billing_account%'" billing_account_at
expect_sql "SELECT r.guarantee_id, r.verdict, b.subject, b.amount, b.detail FROM breaches b JOIN results r ON r.id = b.result_id ORDER BY b.id" "$before"
