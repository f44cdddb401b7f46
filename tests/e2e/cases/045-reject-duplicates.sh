# Unique keys: outage_id, and a call leg's (call_id, queue, arrived_at)
# instant. A duplicate is rejected naming where the first copy is stored
# (base name of its file : line). A rejected row stores no key.

cat > o.csv <<'CSV'
outage_id,started_at
O-1,2026-10-01T10:00:00Z
O-2,2026-10-01T10:00:00Z
O-1,2026-10-02T10:00:00Z
O-3,2026-13-01T10:00:00Z
O-3,2026-10-01T10:00:00Z
O-2,2026-10-01T10:00:00Z
CSV
# line 4 duplicates line 2; line 5 rejected (month 13) so line 6's O-3 is
# the first stored; line 7 duplicates line 3.
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 6 3 3
expect_reject o.csv 4 1 outage_id "duplicate outage_id, first stored from o.csv:2"
expect_reject o.csv 5 2 started_at "month out of range"
expect_reject o.csv 7 1 outage_id "duplicate outage_id, first stored from o.csv:3"
expect_sql "SELECT outage_id, line, started_at FROM outages ORDER BY line" \
"O-1|2|$(utc '2026-10-01 10:00:00')
O-2|3|$(utc '2026-10-01 10:00:00')
O-3|6|$(utc '2026-10-01 10:00:00')"

# Call legs, --tz America/Los_Angeles: 2026-10-14 16:40:12 PDT is
# 2026-10-14T23:40:12Z, so line 4 is the same leg as line 2 written
# differently; line 3 (other queue) and line 5 (other call) are not.
mkdir sub
cat > sub/c.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
C-1,tech,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
C-1,repair,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
C-1,tech,2026-10-14T23:40:12Z,2026-10-14T23:50:00Z,closed
C-2,tech,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
C-1,tech,2026-10-14 16:40:13,2026-10-14 16:45:00,abandoned
CSV
ingest_la --calls sub/c.csv
expect_exit 0
expect_counts sub/c.csv 5 4 1
expect_reject sub/c.csv 4 1 call_id "duplicate leg (same call_id, queue and arrived_at), first stored from c.csv:2"

# Across files: a second calls file repeating the leg of sub/c.csv line 2.
printf 'call_id,queue,arrived_at,ended_at,outcome\nC-9,tech,2026-10-14 17:00:00,2026-10-14 17:01:00,closed\nC-1,tech,2026-10-14 16:40:12,2026-10-14 16:41:00,closed\n' > c2.csv
ingest_la --calls c2.csv
expect_exit 0
expect_counts c2.csv 2 1 1
expect_reject c2.csv 3 1 call_id "first stored from c.csv:2"
expect_accounting
