# billing.csv of the founding case: date-only values are local midnight in
# America/Los_Angeles; amounts are integer cents.

B=$FOUNDING/billing.csv
ingest_la --billing "$B"
expect_exit 0
expect_counts "$B" 18 18 0

# 9 charges, 6 payments, 3 notices, 0 credits.
expect_sql "SELECT kind, count(*) FROM billing_events GROUP BY kind ORDER BY kind" \
"charge|9
notice|3
payment|6"
expect_sql "SELECT count(*) FROM billing_events WHERE kind = 'credit'" 0
# 64.99 -> 6499 cents, 49.99 -> 4999; stored as integers.
expect_sql "SELECT DISTINCT amount, typeof(amount) FROM billing_events ORDER BY amount" \
"4999|integer
6499|integer"
# ACC-1001: charged 3 x 64.99 = 194.97, paid 2 x 64.99 = 129.98.
expect_sql "SELECT kind, sum(amount) FROM billing_events WHERE account_id = 'ACC-1001'
            GROUP BY kind ORDER BY kind" "charge|19497
payment|12998"
expect_sql "SELECT DISTINCT currency FROM billing_events" USD

# Line 2: ACC-1001 charge posted 2026-09-01, period 09-01 .. 09-30, due
# 09-25; local midnight PDT (UTC-7) = 07:00 UTC the same day.
expect_sql "SELECT posted_at, period_start, period_end, due_at, reference
            FROM billing_events WHERE line = 2" \
    "$(utc '2026-09-01 07:00:00')|$(utc '2026-09-01 07:00:00')|$(utc '2026-09-30 07:00:00')|$(utc '2026-09-25 07:00:00')|INV-1001-2609"
# Line 17: posted 2026-11-01, the day DST ends at 02:00: midnight is still
# PDT -> 07:00 UTC; period_end 2026-11-30 is PST (UTC-8) -> 08:00 UTC.
expect_sql "SELECT posted_at, period_end, due_at FROM billing_events WHERE line = 17" \
    "$(utc '2026-11-01 07:00:00')|$(utc '2026-11-30 08:00:00')|$(utc '2026-11-25 08:00:00')"
# Payments have blank period and due date -> NULL.
expect_sql "SELECT count(*) FROM billing_events WHERE kind = 'payment'
            AND period_start IS NULL AND period_end IS NULL AND due_at IS NULL" 6
# Quoted description with a comma, verbatim.
expect_sql "SELECT description FROM billing_events WHERE line = 5" \
    "cheque 2207 for INV-1002-2609, received at Oakridge office"
