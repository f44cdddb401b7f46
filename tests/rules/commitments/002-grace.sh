# commitments: grace tolerates lateness up to and including its length.
#
# grace = 30m (1800 s). Zone UTC. Both promises: 2026-10-05 18:00:00.
#
# outages.csv                         calls.csv
# line ticket restored                line call ticket  lateness  verdict
#  2   G1     10-05 18:30:00           2   Q1   G1      1800      kept (= grace)
#  3   G2     10-05 18:30:01           3   Q2   G2      1801      broken
#
# subjects 2, kept 1, breaches 1 -> FAIL|1|2|count|2|1. The breach measures
# the lateness against the promised time: 1801 s.
# target_text: "every promise kept (grace 30m)".

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,restored_at
G1,ACC-1,2026-10-05 08:00:00,2026-10-05 18:30:00
G2,ACC-2,2026-10-05 08:00:00,2026-10-05 18:30:01
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,ticket_id,promised_restore_at
Q1,repair,2026-10-05 09:00:00,2026-10-05 09:01:00,2026-10-05 09:10:00,answered,A-1,G1,2026-10-05 18:00:00
Q2,repair,2026-10-05 09:20:00,2026-10-05 09:21:00,2026-10-05 09:30:00,answered,A-2,G2,2026-10-05 18:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee promises]
promise = Back up by the time we give you, give or take half an hour
source = customer pledge
kind = commitments
grace = 30m
INI

ingest UTC --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result promises "FAIL|1|2|count|2|1"
expect_sql "SELECT subject, measured FROM breaches WHERE result_id = $(rid promises)" \
    "Q2|1801"
expect_evidence promises Q2 "calls.csv:3 outages.csv:3"
expect_sql "SELECT target_text FROM results WHERE id = $(rid promises)" \
    "every promise kept (grace 30 min)"
