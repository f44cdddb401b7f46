# Missing required values: the row is rejected at the blank field, with a
# reason containing "required"; the other rows are stored.

cat > o.csv <<'CSV'
outage_id,account_id,started_at,restored_at
,ACC-1,2026-10-01T00:00:00Z,
O-2,ACC-1,,
O-3,ACC-1,2026-10-01T00:00:00Z,
"",ACC-1,2026-10-01T00:00:00Z,
  ,ACC-1,2026-10-01T00:00:00Z,
CSV
# line 2: blank outage_id (field 1); line 3: blank started_at (field 3);
# line 5: "" is blank too; line 6: blanks around an unquoted field are not
# data, so it is blank as well.
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 5 1 4
expect_reject o.csv 2 1 outage_id "outage_id is required"
expect_reject o.csv 3 3 started_at "required"
expect_reject o.csv 5 1 outage_id "outage_id is required"
expect_reject o.csv 6 1 outage_id "outage_id is required"
expect_sql "SELECT outage_id, line FROM outages" "O-3|4"

cat > c.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
,tech,2026-10-01T00:00:00Z,,2026-10-01T00:01:00Z,abandoned
C-2,,2026-10-01T00:00:00Z,,2026-10-01T00:01:00Z,abandoned
C-3,tech,,,2026-10-01T00:01:00Z,abandoned
C-4,tech,2026-10-01T00:00:00Z,,,abandoned
C-5,tech,2026-10-01T00:00:00Z,,2026-10-01T00:01:00Z,
C-6,tech,2026-10-01T00:00:00Z,,2026-10-01T00:01:00Z,answered
C-7,tech,2026-10-01T00:00:00Z,2026-10-01T00:00:30Z,2026-10-01T00:01:00Z,
CSV
# line 6: no outcome and nobody answered: abandoned/closed/... cannot be
# told apart -> rejected at outcome (field 6). line 7: "answered" without
# answered_at -> rejected at answered_at (field 4). line 8: answered and no
# outcome -> outcome "answered", stored.
ingest --calls c.csv
expect_exit 0
expect_counts c.csv 7 1 6
expect_reject c.csv 2 1 call_id "call_id is required"
expect_reject c.csv 3 2 queue "queue is required"
expect_reject c.csv 4 3 arrived_at "required"
expect_reject c.csv 5 5 ended_at "required"
expect_reject c.csv 6 6 outcome "cannot be told apart"
expect_reject c.csv 7 4 answered_at "answered_at is blank"
expect_sql "SELECT call_id, outcome FROM call_legs" "C-7|answered"
# Blank outcome, answered and transferred_to set: "transferred".
printf 'call_id,queue,arrived_at,answered_at,ended_at,outcome,transferred_to\nC-8,tech,2026-10-01T00:00:00Z,2026-10-01T00:00:30Z,2026-10-01T00:01:00Z,,repair\n' > t.csv
ingest --calls t.csv
expect_exit 0
expect_sql "SELECT outcome, transferred_to FROM call_legs WHERE call_id = 'C-8'" "transferred|repair"

cat > b.csv <<'CSV'
account_id,kind,posted_at,amount
,charge,2026-10-01,1.00
A-2,,2026-10-01,1.00
A-3,charge,,1.00
A-4,charge,2026-10-01,
A-5,notice,2026-10-01,
A-6,payment,2026-10-01,
CSV
# A notice may have no amount (NULL); a charge or payment may not.
ingest --billing b.csv
expect_exit 0
expect_counts b.csv 6 1 5
expect_reject b.csv 2 1 account_id "account_id is required"
expect_reject b.csv 3 2 kind "kind must be charge, credit, payment or notice"
expect_reject b.csv 4 3 posted_at "required"
expect_reject b.csv 5 4 amount "amount is required for a charge"
expect_reject b.csv 7 4 amount "amount is required for a payment"
expect_sql "SELECT account_id, kind, amount FROM billing_events" "A-5|notice|NULL"
expect_accounting
