# answer_time: a day's share is compared with the target exactly, not
# after rounding it to basis points.
#
# Zone UTC; queues tech_support, within 60s, target 71.43% (7143 bp),
# per day. On 2026-10-05, 7 legs: 5 answered in 10 s (lines 2-6), 2 closed
# after 20 s (lines 7-8). Level: 5 of 7 = 71.428571...%, shown as 7143 bp
# (71.43%), but below the target 71.43%: the day fails
# (5/7 * 10000 = 7142.857 < 7143). Breach '2026-10-05', evidence lines 7, 8.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
A1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:10,2026-10-05 10:05:00,answered
A2,tech_support,2026-10-05 10:10:00,2026-10-05 10:10:10,2026-10-05 10:15:00,answered
A3,tech_support,2026-10-05 10:20:00,2026-10-05 10:20:10,2026-10-05 10:25:00,answered
A4,tech_support,2026-10-05 10:30:00,2026-10-05 10:30:10,2026-10-05 10:35:00,answered
A5,tech_support,2026-10-05 10:40:00,2026-10-05 10:40:10,2026-10-05 10:45:00,answered
A6,tech_support,2026-10-05 10:50:00,,2026-10-05 10:50:20,closed
A7,tech_support,2026-10-05 11:00:00,,2026-10-05 11:00:20,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee sl]
promise = 71.43% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 71.43%
INI

ingest UTC --calls calls.csv
check --period 2026-10
expect_exit 0
expect_sql "SELECT status, breaches FROM results WHERE id = $(rid sl)" "FAIL|1"
expect_evidence sl 2026-10-05 "calls.csv:7 calls.csv:8"
