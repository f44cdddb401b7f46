# Closed vocabularies: call outcome, billing kind, planned yes/no, and
# whole numbers for customers_affected.

cat > c.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
C-1,tech,2026-10-01T10:00:00Z,2026-10-01T10:01:00Z,hung up
C-2,tech,2026-10-01T10:00:00Z,2026-10-01T10:01:00Z,VoiceMail
C-3,tech,2026-10-01T10:00:00Z,2026-10-01T10:01:00Z,IVR
C-4,tech,2026-10-01T10:00:00Z,2026-10-01T10:01:00Z,abandon
CSV
ingest --calls c.csv
expect_exit 0
expect_counts c.csv 4 2 2
expect_reject c.csv 2 5 outcome "unknown outcome"
expect_reject c.csv 5 5 outcome "unknown outcome"
expect_stderr_has 'c.csv:2:5: error: rejected: outcome "hung up": unknown outcome (expected answered, abandoned, closed, voicemail, transferred or ivr)'
expect_sql "SELECT call_id, outcome FROM call_legs ORDER BY line" "C-2|voicemail
C-3|ivr"

cat > b.csv <<'CSV'
account_id,kind,posted_at,amount
A,refund,2026-10-01,1.00
A,CREDIT,2026-10-01,1.00
A,adjustment,2026-10-01,1.00
CSV
ingest --billing b.csv
expect_exit 0
expect_counts b.csv 3 1 2
expect_reject b.csv 2 2 kind "kind must be charge, credit, payment or notice"
expect_reject b.csv 4 2 kind "kind must be charge, credit, payment or notice"
expect_sql "SELECT kind, amount FROM billing_events" "credit|100"

cat > o.csv <<'CSV'
outage_id,started_at,planned,customers_affected
O-1,2026-10-01T10:00:00Z,maybe,1
O-2,2026-10-01T10:00:00Z,Y,-5
O-3,2026-10-01T10:00:00Z,TRUE,12.5
O-4,2026-10-01T10:00:00Z,0,lots
O-5,2026-10-01T10:00:00Z,no,2000000000
O-6,2026-10-01T10:00:00Z,n,0
O-7,2026-10-01T10:00:00Z,,
CSV
# O-6: planned n -> 0, 0 customers; O-7: blank planned with no
# scheduled_at -> 0, blank customers -> 1.
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 7 2 5
expect_reject o.csv 2 3 planned "expected yes or no"
expect_reject o.csv 3 4 customers_affected "not a whole number"
expect_reject o.csv 4 4 customers_affected "not a whole number"
expect_reject o.csv 5 4 customers_affected "not a whole number"
expect_reject o.csv 6 4 customers_affected "number too large"
expect_sql "SELECT outage_id, planned, customers_affected FROM outages ORDER BY line" "O-6|0|0
O-7|0|1"

# A blank planned is yes when scheduled_at is given (README), no otherwise;
# an explicit value wins.
cat > s.csv <<'CSV'
outage_id,started_at,scheduled_at,planned
S-1,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,
S-2,2026-10-01T10:00:00Z,,
S-3,2026-10-01T10:00:00Z,2026-10-01T11:00:00Z,no
CSV
ingest --outages s.csv
expect_exit 0
expect_sql "SELECT outage_id, planned FROM outages WHERE outage_id LIKE 'S-%' ORDER BY line" "S-1|1
S-2|0
S-3|0"
expect_accounting
