# live_support: only the named queues count (queues is a list).
#
# Guarantee: queues = tech_support, escalation; hours 24x7 (default);
# max_wait = 5m (300 s). Zone UTC (times taken as written).
#
# line leg  queue          outcome                    result
#  2   Q1   tech_support   answered at 100 s          live
#  3   Q2   escalation     closed after 15 s          breach (15 s, shortfall 0)
#  4   Q3   billing        closed after 15 s          ignored (queue not covered)
#  5   Q4   repair         voicemail after 400 s      ignored (queue not covered)
#  6   Q5   escalation     answered at 301 s          breach (301, shortfall 1)
#
# subjects 3 (Q1 Q2 Q5), live 1 -> 1/3 = 3333 bp; breaches Q2 Q5; FAIL.
# A second guarantee on billing alone sees only Q3: subjects 1, live 0,
# measured 0 bp, one breach.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
Q1,tech_support,2026-10-06 09:00:00,2026-10-06 09:01:40,2026-10-06 09:10:00,answered
Q2,escalation,2026-10-06 10:00:00,,2026-10-06 10:00:15,closed
Q3,billing,2026-10-06 11:00:00,,2026-10-06 11:00:15,closed
Q4,repair,2026-10-06 12:00:00,,2026-10-06 12:06:40,voicemail
Q5,escalation,2026-10-06 13:00:00,2026-10-06 13:05:01,2026-10-06 13:10:00,answered
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee two-queues]
promise = A person within 5 minutes
source = brochure
kind = live_support
queues = tech_support, escalation
max_wait = 5m

[guarantee billing]
promise = A person within 5 minutes
source = brochure
kind = live_support
queues = billing
max_wait = 5m
INI

ingest UTC --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result two-queues "FAIL|3333|10000|bp|3|2"
expect_breaches two-queues "Q2|1|300|300
Q5|301|300|1"
expect_evidence two-queues Q2 "calls.csv:3"
expect_evidence two-queues Q5 "calls.csv:6"
expect_result billing "FAIL|0|10000|bp|1|1"
expect_breaches billing "Q3|1|300|300"
expect_evidence billing Q3 "calls.csv:4"
expect_stdout_last "2 of 2 guarantees breached"
