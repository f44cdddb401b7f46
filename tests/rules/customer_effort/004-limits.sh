# customer_effort: limits. A group over a limit is a breach (subject_kind
# ticket or account) with measured, limit, shortfall = measured - limit, and
# all of the group's legs as evidence. A figure equal to its limit is not
# over it. Without limits the same data gives figures only and PASS.
#
# Zone America/Los_Angeles (PDT, UTC-7). Outage T-400 restored
# 2026-10-06 09:00.
#
# line call acct   ticket queue         arrived         answered ended    outcome     agent
#  2   L1   ACC-4  T-400  tech_support  10-05 08:00:00  08:00:20 08:15:00 answered    A1
#  3   L2   ACC-4  T-400  tech_support  10-05 10:00:00  10:00:30 10:20:00 transferred A2 -> repair
#  4   L2   ACC-4  T-400  repair        10-05 10:20:00  10:21:00 10:35:00 answered    A3
#  5   L3   ACC-4  T-400  tech_support  10-05 14:00:00  14:00:10 14:05:00 answered    A1
#  6   L4   ACC-4  T-400  tech_support  10-06 08:00:00  08:01:00 08:06:40 answered    A2
#  7   M1   ACC-9  -      tech_support  10-07 09:00:00  09:00:30 09:05:00 transferred B1 -> repair
#  8   M1   ACC-9  -      repair        10-07 09:05:00  09:05:30 09:10:00 transferred B2 -> billing
#  9   M1   ACC-9  -      billing       10-07 09:10:00  09:10:30 09:15:00 answered    B3
# 10   M2   ACC-9  -      tech_support  10-07 11:00:00  11:00:30 11:05:00 answered    B4
#
# T-400: calls 4; phone 900 + 2100 + 300 + 400 = 3700; wait 20 + 30 + 60 +
#   10 + 60 = 180; agents A1 A2 A3 = 3, repeat 2 (A1 lines 2, 5; A2 lines
#   3, 6); transfers 1; days 10-05 08:00 -> restored 10-06 09:00 = 25 h -> 2;
#   legs 5.
# ACC-9: calls 2; phone 900 + 300 = 1200; wait 4 x 30 = 120; agents
#   B1..B4 = 4, repeat 0; transfers 2; days 2 h 5 min -> 1; legs 4.
#
# [guarantee limits] max_calls 3, max_phone_time 1h (3600), max_agents 3:
#   T-400 calls     4 > 3     -> ticket  T-400 4|3|1       unit count
#   T-400 phone     3700>3600 -> ticket  T-400 3700|3600|100 unit s
#   T-400 agents    3 = 3     -> no breach
#   ACC-9 calls 2, phone 1200: within
#   ACC-9 agents    4 > 3     -> account ACC-9 4|3|1       unit count
#   Written per group (T-400 then ACC-9), per figure in figure order. `at`
#   is the group's first arrival: T-400 10-05 15:00 UTC, ACC-9 10-07 16:00
#   UTC. Evidence: T-400 lines 2-6, ACC-9 lines 7-10.
#   Result FAIL, measured 4 (T-400 has most calls), target 3, 2 subjects,
#   3 breaches.
# [guarantee more-limits] max_wait_time 2m (120), max_transfers 1,
#   max_days 1:
#   T-400 wait 180 > 120 -> 180|120|60 (s); transfers 1 = 1: none;
#   days 2 > 1 -> 2|1|1; ACC-9 wait 120 = 120: none; transfers 2 > 1 ->
#   2|1|1; days 1 = 1: none. FAIL, measured 4, target 0 (no max_calls),
#   3 breaches.
# [guarantee no-limits]: PASS, measured 4, target 0, 2 subjects, 0 breaches.

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
T-400,ACC-4,North,voice,2026-10-05 07:00:00,2026-10-06 09:00:00
CSV

cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id
L1,ACC-4,tech_support,2026-10-05 08:00:00,2026-10-05 08:00:20,2026-10-05 08:15:00,answered,A1,,T-400
L2,ACC-4,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:30,2026-10-05 10:20:00,transferred,A2,repair,T-400
L2,ACC-4,repair,2026-10-05 10:20:00,2026-10-05 10:21:00,2026-10-05 10:35:00,answered,A3,,T-400
L3,ACC-4,tech_support,2026-10-05 14:00:00,2026-10-05 14:00:10,2026-10-05 14:05:00,answered,A1,,T-400
L4,ACC-4,tech_support,2026-10-06 08:00:00,2026-10-06 08:01:00,2026-10-06 08:06:40,answered,A2,,T-400
M1,ACC-9,tech_support,2026-10-07 09:00:00,2026-10-07 09:00:30,2026-10-07 09:05:00,transferred,B1,repair,
M1,ACC-9,repair,2026-10-07 09:05:00,2026-10-07 09:05:30,2026-10-07 09:10:00,transferred,B2,billing,
M1,ACC-9,billing,2026-10-07 09:10:00,2026-10-07 09:10:30,2026-10-07 09:15:00,answered,B3,,
M2,ACC-9,tech_support,2026-10-07 11:00:00,2026-10-07 11:00:30,2026-10-07 11:05:00,answered,B4,,
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee limits]
promise = One call is all it takes
source = brochure
kind = customer_effort
max_calls = 3
max_phone_time = 1h
max_agents = 3

[guarantee more-limits]
promise = Fixed in a day, without a runaround
source = brochure
kind = customer_effort
max_wait_time = 2m
max_transfers = 1
max_days = 1

[guarantee no-limits]
promise = We care
source = brochure
kind = customer_effort
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0

expect_result limits "FAIL|4|3|count|2|3"
expect_breach_rows limits "ticket|T-400|$(utc '2026-10-05 15:00:00')|4|3|1|count|0
ticket|T-400|$(utc '2026-10-05 15:00:00')|3700|3600|100|s|0
account|ACC-9|$(utc '2026-10-07 16:00:00')|4|3|1|count|0"
expect_evidence_each limits "T-400 calls.csv:2 calls.csv:3 calls.csv:4 calls.csv:5 calls.csv:6
T-400 calls.csv:2 calls.csv:3 calls.csv:4 calls.csv:5 calls.csv:6
ACC-9 calls.csv:7 calls.csv:8 calls.csv:9 calls.csv:10"
expect_sql "SELECT detail FROM breaches WHERE result_id = $(rid limits) ORDER BY id" \
    "T-400: 4 calls against at most 3
T-400: 1 h 1 min on the phone against at most 1 h
ACC-9: 4 agents against at most 3"
expect_figures limits T-400 "calls=4 phone_time=3700 wait_time=180 agents=3 repeat_agents=2 transfers=1 closed_transfers=0 days=2 legs=5"
expect_figures limits ACC-9 "calls=2 phone_time=1200 wait_time=120 agents=4 repeat_agents=0 transfers=2 closed_transfers=0 days=1 legs=4"
expect_sql "SELECT target_text FROM results WHERE id = $(rid limits)" \
    "at most 3 calls, 1 h on the phone, 3 agents; no transfer into a closed queue"

expect_result more-limits "FAIL|4|0|count|2|3"
expect_breach_rows more-limits "ticket|T-400|$(utc '2026-10-05 15:00:00')|180|120|60|s|0
ticket|T-400|$(utc '2026-10-05 15:00:00')|2|1|1|count|0
account|ACC-9|$(utc '2026-10-07 16:00:00')|2|1|1|count|0"

expect_result no-limits "PASS|4|0|count|2|0"
expect_figures no-limits T-400 "calls=4 phone_time=3700 wait_time=180 agents=3 repeat_agents=2 transfers=1 closed_transfers=0 days=2 legs=5"
expect_figures no-limits ACC-9 "calls=2 phone_time=1200 wait_time=120 agents=4 repeat_agents=0 transfers=2 closed_transfers=0 days=1 legs=4"
expect_stdout_last "2 of 3 guarantees breached"
