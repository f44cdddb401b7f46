# answer_time: count_abandoned = no leaves abandons out of the offered
# calls; the default (yes) counts them as offered and not answered.
#
# Two guarantees over the same legs: queues tech_support, within 60s,
# target 80%, per day. Zone UTC. All legs on Monday 2026-10-05.
#
# line leg  outcome               wait  no-abandons   with-abandons
#  2   A1   answered              10    in time       in time
#  3   A2   answered              20    in time       in time
#  4   A3   answered              30    in time       in time
#  5   A4   answered              40    in time       in time
#  6   A5   abandoned              5    left out      offered, not in time
#  7   A6   abandoned            300    left out      offered, not in time
#  8   A7   closed                10    offered, no   offered, no
#
# no-abandons:   4 of 5 = 8000 bp >= 8000 -> PASS, 0 breaches.
# with-abandons: 4 of 7 = 57.142857% -> 5714 bp: breach '2026-10-05',
#                shortfall 8000 - 5714 = 2286, evidence lines 6, 7, 8. FAIL.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
A1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:10,2026-10-05 10:05:00,answered
A2,tech_support,2026-10-05 10:10:00,2026-10-05 10:10:20,2026-10-05 10:15:00,answered
A3,tech_support,2026-10-05 10:20:00,2026-10-05 10:20:30,2026-10-05 10:25:00,answered
A4,tech_support,2026-10-05 10:30:00,2026-10-05 10:30:40,2026-10-05 10:35:00,answered
A5,tech_support,2026-10-05 10:40:00,,2026-10-05 10:40:05,abandoned
A6,tech_support,2026-10-05 10:50:00,,2026-10-05 10:55:00,abandoned
A7,tech_support,2026-10-05 11:00:00,,2026-10-05 11:00:10,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee no-abandons]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
count_abandoned = no

[guarantee with-abandons]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
INI

ingest UTC --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result no-abandons "PASS|8000|8000|bp|5|0"
expect_series no-abandons daily.offered "$(daynum 2026-10-05)" 5
expect_result with-abandons "FAIL|5714|8000|bp|7|1"
expect_breaches with-abandons "2026-10-05|5714|8000|2286"
expect_evidence with-abandons 2026-10-05 "calls.csv:6 calls.csv:7 calls.csv:8"
expect_stdout_line '^no-abandons +PASS +0 breaches$'
expect_stdout_line '^with-abandons +FAIL +1 breach$'
expect_stdout_last "1 of 2 guarantees breached"
