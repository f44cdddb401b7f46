# Guarantees that judge call legs one at a time (live_support,
# answer_time, call_kpis) share one reading of the legs. Each must still
# see every leg of the period, in arrival order, as a reading of its own
# gave it: two kinds and two guarantees of one kind, in one check, each
# with the figures worked out for it alone.
#
# The legs are answer_time/001's (Zone America/Los_Angeles):
# line leg  local arrival     queue         outcome   wait
#  2   A1   10-05 10:00:00    tech_support  answered   10
#  3   A2   10-05 10:10:00    tech_support  answered   60
#  4   A3   10-05 10:20:00    tech_support  answered   30
#  5   A4   10-05 10:30:00    tech_support  answered   45
#  6   A5   10-05 10:40:00    tech_support  answered   61
#  7   B1   10-06 09:00:00    tech_support  answered    5
#  8   B2   10-06 09:10:00    tech_support  answered   60
#  9   B3   10-06 09:20:00    tech_support  answered   20
# 10   B4   10-06 09:30:00    tech_support  answered   59
# 11   B5   10-06 09:40:00    tech_support  answered   61
# 12   B6   10-06 23:59:30    tech_support  closed     20
# 13   C1   10-07 00:00:10    tech_support  answered   10
# 14   X1   10-08 10:00:00    billing       closed     20
#
# [guarantee live] live_support, tech_support, max_wait 60s, 24x7:
#   12 legs count (X1 is billing). A person within 60 s: all but A5 (61),
#   B5 (61) and B6 (closed: no person) -> 9 of 12 = 7500 bp against
#   10000, FAIL, 3 breaches: A5 61|60|1, B5 61|60|1, and B6, a closed
#   queue within the limit: measured is the state, 1 (OMBUD_STATE_QUEUE_
#   CLOSED), the shortfall the whole 60 s (ombud_breach_no_person) ->
#   1|60|60.
# [guarantee sl] answer_time, tech_support, 60 s, 80 %: as answer_time/001,
#   FAIL 7500|8000, one breach, 2026-10-06 6667|8000|1333, lines 11, 12.
# [guarantee billing] answer_time, billing, 60 s, 80 %: X1 alone, offered
#   and not answered: 0 of 1 = 0 bp, breach 2026-10-08 0|8000|8000, line 14.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
A1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:10,2026-10-05 10:05:00,answered
A2,tech_support,2026-10-05 10:10:00,2026-10-05 10:11:00,2026-10-05 10:15:00,answered
A3,tech_support,2026-10-05 10:20:00,2026-10-05 10:20:30,2026-10-05 10:25:00,answered
A4,tech_support,2026-10-05 10:30:00,2026-10-05 10:30:45,2026-10-05 10:35:00,answered
A5,tech_support,2026-10-05 10:40:00,2026-10-05 10:41:01,2026-10-05 10:45:00,answered
B1,tech_support,2026-10-06 09:00:00,2026-10-06 09:00:05,2026-10-06 09:05:00,answered
B2,tech_support,2026-10-06 09:10:00,2026-10-06 09:11:00,2026-10-06 09:15:00,answered
B3,tech_support,2026-10-06 09:20:00,2026-10-06 09:20:20,2026-10-06 09:25:00,answered
B4,tech_support,2026-10-06 09:30:00,2026-10-06 09:30:59,2026-10-06 09:35:00,answered
B5,tech_support,2026-10-06 09:40:00,2026-10-06 09:41:01,2026-10-06 09:45:00,answered
B6,tech_support,2026-10-06 23:59:30,,2026-10-06 23:59:50,closed
C1,tech_support,2026-10-07 00:00:10,2026-10-07 00:00:20,2026-10-07 00:05:00,answered
X1,billing,2026-10-08 10:00:00,,2026-10-08 10:00:20,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee live]
promise = 24/7 live tech support
source = advertising
kind = live_support
queues = tech_support
max_wait = 60s

[guarantee sl]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%

[guarantee billing]
promise = 80% of billing calls answered within 60 seconds
source = service standards
kind = answer_time
queues = billing
within = 60s
target = 80%
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result live "FAIL|7500|10000|bp|12|3"
expect_breaches live "A5|61|60|1
B5|61|60|1
B6|1|60|60"
expect_evidence live A5 "calls.csv:6"
expect_evidence live B6 "calls.csv:12"
expect_result sl "FAIL|7500|8000|bp|12|1"
expect_breaches sl "2026-10-06|6667|8000|1333"
expect_evidence sl 2026-10-06 "calls.csv:11 calls.csv:12"
expect_result billing "FAIL|0|8000|bp|1|1"
expect_breaches billing "2026-10-08|0|8000|8000"
expect_evidence billing 2026-10-08 "calls.csv:14"
# The results keep the file's order.
expect_sql "SELECT group_concat(guarantee_id, ' ') FROM (SELECT guarantee_id
            FROM results ORDER BY seq)" "live sl billing"
