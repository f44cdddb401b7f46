# Times out of order: a leg that ends before it arrives, is answered after
# it ends or before it arrives; an outage restored before it started; a
# billing period that ends before it starts. Equal times are fine.

cat > c.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
C-1,tech,2026-10-01T10:00:00Z,,2026-10-01T09:59:59Z,abandoned
C-2,tech,2026-10-01T10:00:00Z,2026-10-01T10:05:01Z,2026-10-01T10:05:00Z,answered
C-3,tech,2026-10-01T10:00:00Z,2026-10-01T09:00:00Z,2026-10-01T10:05:00Z,answered
C-4,tech,2026-10-01T10:00:00Z,,2026-10-01T10:00:00Z,abandoned
C-5,tech,2026-10-01T10:00:00Z,2026-10-01T10:00:00Z,2026-10-01T10:00:00Z,answered
C-6,tech,2026-10-01T10:00:00Z,,2026-10-01T03:00:00-07:00,closed
CSV
# C-6 ends at 03:00-07:00 = 10:00 UTC, equal to its arrival: fine.
ingest --calls c.csv
expect_exit 0
expect_counts c.csv 6 3 3
expect_reject c.csv 2 5 ended_at "call leg ended before it arrived"
expect_reject c.csv 3 4 answered_at "answered after it ended"
expect_reject c.csv 4 4 answered_at "answered before it arrived"
expect_sql "SELECT call_id, ended_at - arrived_at FROM call_legs ORDER BY line" "C-4|0
C-5|0
C-6|0"

cat > o.csv <<'CSV'
outage_id,started_at,restored_at
O-1,2026-10-01T10:00:00Z,2026-10-01T09:00:00Z
O-2,2026-10-01T10:00:00Z,2026-10-01T10:00:00Z
O-3,2026-10-01T10:00:00Z,2026-10-01T04:00:00-07:00
CSV
# O-3 restored 04:00-07:00 = 11:00 UTC, one hour after it started.
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 3 2 1
expect_reject o.csv 2 3 restored_at "restored before it started"
expect_sql "SELECT outage_id, restored_at - started_at FROM outages ORDER BY line" "O-2|0
O-3|3600"

cat > b.csv <<'CSV'
account_id,kind,posted_at,amount,period_start,period_end
A,charge,2026-10-01,1.00,2026-10-31,2026-10-01
A,charge,2026-10-01,1.00,2026-10-01,2026-10-01
CSV
ingest --billing b.csv
expect_exit 0
expect_counts b.csv 2 1 1
expect_reject b.csv 2 6 period_end "period ends before it starts"
expect_accounting
