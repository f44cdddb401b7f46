# Billing dates alone mean local midnight in --tz; outages and calls need a
# time of day. America/Los_Angeles:
#   2026-01-10 00:00 PST (UTC-8) -> 2026-01-10 08:00 UTC
#   2026-07-10 00:00 PDT (UTC-7) -> 2026-07-10 07:00 UTC
#   2026-03-08 00:00 PST (the DST day; before the 02:00 change) -> 08:00 UTC
#   2026-03-09 00:00 PDT -> 07:00 UTC (that day is 23 h long: 82800 s)
#   2026-11-02 00:00 PST -> 08:00 UTC (2026-11-01 is 25 h: 90000 s)

cat > b.csv <<'CSV'
account_id,kind,posted_at,amount,period_start,period_end,due_at
A-1,charge,2026-01-10,1.00,2026-03-08,2026-03-09,2026-07-10
A-2,charge,2026-11-01,1.00,2026-11-01,2026-11-02,2026-11-01T12:00:00Z
CSV
ingest_la --billing b.csv
expect_exit 0
expect_counts b.csv 2 2 0
expect_sql "SELECT posted_at, period_start, period_end, due_at FROM billing_events
            WHERE account_id = 'A-1'" \
    "$(utc '2026-01-10 08:00:00')|$(utc '2026-03-08 08:00:00')|$(utc '2026-03-09 07:00:00')|$(utc '2026-07-10 07:00:00')"
expect_sql "SELECT period_end - period_start FROM billing_events WHERE account_id = 'A-1'" 82800
expect_sql "SELECT period_end - period_start, due_at FROM billing_events WHERE account_id = 'A-2'" \
    "90000|$(utc '2026-11-01 12:00:00')"

# With --tz UTC the same dates are 00:00 UTC.
rm -f "$DB"*
ingest --tz UTC --billing b.csv
expect_exit 0
expect_sql "SELECT posted_at FROM billing_events WHERE account_id = 'A-1'" "$(utc '2026-01-10 00:00:00')"

# A date alone is refused for outage and call times.
printf 'outage_id,started_at\nO-1,2026-10-01\n' > o.csv
ingest_la --outages o.csv
expect_exit 0
expect_counts o.csv 1 0 1
expect_reject o.csv 2 2 started_at "time of day missing"
expect_accounting
