# Impossible and edge dates in every time column kind: 2026-02-30, 24:00,
# years 0000 and 9999, second 60, minute 60, offsets out of range. Each is
# rejected at FILE:LINE:COL with its reason; the edges that exist are
# stored (2024-02-29, 23:59:59, 2199-12-31, 1900-01-01, +14:00).

cat > o.csv <<'CSV'
outage_id,started_at,restored_at,scheduled_at,notified_at
D-2,2026-02-30T10:00:00Z,,,
D-3,2026-10-01 24:00,,,
D-4,0000-01-01T00:00:00Z,,,
D-5,9999-12-31T23:59:59Z,,,
D-6,2026-10-01T10:00:00Z,2026-02-30 10:00,,
D-7,2026-10-01T10:00:00Z,,2026-10-01T24:00:00Z,
D-8,2026-10-01T10:00:00Z,,,9999-01-01T00:00:00Z
D-9,2026-10-01T23:59:60Z,,,
D-10,2026-10-01T10:60:00Z,,,
D-11,2026-10-01T10:00:00+24:00,,,
D-12,2026-10-01T10:00:00-00:60,,,
D-13,2024-02-29T23:59:59Z,,,
D-14,2199-12-31T23:59:59Z,,,
D-15,1900-01-01T00:00:00+14:00,,,
D-16,2026-10-01T00:00:00.999999999999999999999999Z,,,
CSV
ingest_la -v --outages o.csv
expect_exit 0
expect_counts o.csv 15 4 11
expect_reject o.csv 2 2 started_at "day out of range (2026-02 has 28 days)"
expect_reject o.csv 3 2 started_at "hour out of range"
expect_reject o.csv 4 2 started_at "year out of range (1900-2199)"
expect_reject o.csv 5 2 started_at "year out of range (1900-2199)"
expect_reject o.csv 6 3 restored_at "day out of range"
expect_reject o.csv 7 4 scheduled_at "hour out of range"
expect_reject o.csv 8 5 notified_at "year out of range"
expect_reject o.csv 9 2 started_at "second out of range"
expect_reject o.csv 10 2 started_at "minute out of range"
expect_reject o.csv 11 2 started_at "UTC offset out of range"
expect_reject o.csv 12 2 started_at "UTC offset out of range"
expect_sql "SELECT outage_id, started_at FROM outages ORDER BY line" \
"D-13|$(utc '2024-02-29 23:59:59')
D-14|$(utc '2199-12-31 23:59:59')
D-15|$(utc '1899-12-31 10:00:00')
D-16|$(utc '2026-10-01 00:00:00')"

cat > c.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,promised_restore_at
C-2,tech,2026-02-30 10:00,,2026-10-01 10:00,closed,
C-3,tech,2026-10-01 10:00,2026-10-01 24:00,2026-10-01 11:00,answered,
C-4,tech,2026-10-01 10:00,,0000-10-01 11:00,closed,
C-5,tech,2026-10-01 10:00,,2026-10-01 11:00,closed,9999-12-31 00:00
C-6,tech,2026-10-01 10:00,,2026-10-01 11:00,closed,2026-02-29 00:00
CSV
ingest_la -v --calls c.csv
expect_exit 0
expect_counts c.csv 5 0 5
expect_reject c.csv 2 3 arrived_at "day out of range (2026-02 has 28 days)"
expect_reject c.csv 3 4 answered_at "hour out of range"
expect_reject c.csv 4 5 ended_at "year out of range"
expect_reject c.csv 5 7 promised_restore_at "year out of range"
expect_reject c.csv 6 7 promised_restore_at "day out of range (2026-02 has 28 days)"

# Billing dates alone: the same checks.
cat > b.csv <<'CSV'
account_id,kind,posted_at,amount,period_start,period_end,due_at
A,charge,2026-02-30,1.00,,,
A,charge,2026-10-01,1.00,0000-01-01,2026-10-31,
A,charge,2026-10-01,1.00,2026-10-01,9999-12-31,
A,charge,2026-10-01,1.00,,,2026-10-01 24:00
A,charge,2026-10-01,1.00,,,2026-13-01
A,charge,2199-12-31,1.00,1900-01-01,2199-12-31,2199-12-31
CSV
ingest_la -v --billing b.csv
expect_exit 0
expect_counts b.csv 6 1 5
expect_reject b.csv 2 3 posted_at "day out of range (2026-02 has 28 days)"
expect_reject b.csv 3 5 period_start "year out of range"
expect_reject b.csv 4 6 period_end "year out of range"
expect_reject b.csv 5 7 due_at "hour out of range"
expect_reject b.csv 6 7 due_at "month out of range"
expect_sql "SELECT line FROM billing_events" 7
expect_accounting
