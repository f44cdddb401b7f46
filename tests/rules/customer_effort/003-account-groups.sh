# customer_effort: grouping. Legs with a ticket_id are grouped by ticket
# (whatever their account); legs without one by account; legs with neither
# are skipped; legs arriving outside the period are not counted.
#
# Zone America/Los_Angeles (PDT, UTC-7). Outage T-300 (ACC-7) restored
# 2026-10-06 12:00. No limits.
#
# line call acct   ticket queue         arrived         answered ended    outcome     agent
#  2   P1   ACC-7  -      tech_support  10-05 10:00:00  10:01:00 10:10:00 answered    A1
#  3   P3   ACC-7  T-300  tech_support  10-06 11:00:00  11:02:00 11:10:00 answered    A9
#  4   P2   ACC-7  -      tech_support  10-07 09:00:00  09:01:00 09:10:00 transferred A1 -> billing
#  5   P2   ACC-7  -      billing       10-07 09:10:01  09:12:01 09:30:00 answered    A5
#  6   P4   -      -      tech_support  10-07 10:00:00  -        10:00:30 abandoned        (no group)
#  7   P5   ACC-8  -      tech_support  10-08 10:00:00  10:00:40 10:05:00 answered    A2
#  8   P6   ACC-8  -      tech_support  09-30 10:00:00  10:00:40 10:05:00 answered    A2 (before the period)
#  9   P7   ACC-8  -      tech_support  11-01 10:00:00  10:00:40 10:05:00 answered    A2 (after the period)
# 10   P8   -      T-300  tech_support  10-06 11:30:00  11:31:00 11:40:00 answered    A9
# 11   P9   ACC-7  -      tech_support  10-07 15:00:00  15:00:30 15:05:00 answered    A3
#
# T-300 (lines 3, 10): calls 2; phone 600 + 600 = 1200; wait 120 + 60 = 180;
#   agents A9 = 1, on two legs -> repeat 1; transfers 0; days: first call
#   10-06 11:00 -> restoration 10-06 12:00 = 3600 s -> 1; legs 2.
# ACC-7 (lines 2, 4, 5, 11; line 3 belongs to T-300): calls P1 P2 P9 = 3;
#   phone P1 600 + P2 09:00:00->09:30:00 1800 + P9 300 = 2700;
#   wait 60 + 60 + 120 + 30 = 270; agents A1 (lines 2, 4), A5, A3 = 3,
#   repeat 1 (A1); transfers 1 (line 4, next leg answered: not closed);
#   days: an account group runs to the last call: 10-05 10:00:00 ->
#   10-07 15:05:00 = 2 d 5 h 5 min -> 3; legs 4.
# ACC-8 (line 7 only): calls 1; phone 300; wait 40; agents 1; repeat 0;
#   transfers 0; days 300 s -> 1; legs 1.
# Line 6 is in no group.
#
# Groups: tickets first, then accounts, each in name order: T-300, ACC-7,
# ACC-8 -> 3 subjects, 9 figures each = 27 rows. The measured figure is the
# group with most calls, ACC-7 (3 calls; 2700 s = 45m). PASS, no breach.

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
T-300,ACC-7,North,voice,2026-10-06 08:00:00,2026-10-06 12:00:00
CSV

cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id
P1,ACC-7,tech_support,2026-10-05 10:00:00,2026-10-05 10:01:00,2026-10-05 10:10:00,answered,A1,,
P3,ACC-7,tech_support,2026-10-06 11:00:00,2026-10-06 11:02:00,2026-10-06 11:10:00,answered,A9,,T-300
P2,ACC-7,tech_support,2026-10-07 09:00:00,2026-10-07 09:01:00,2026-10-07 09:10:00,transferred,A1,billing,
P2,ACC-7,billing,2026-10-07 09:10:01,2026-10-07 09:12:01,2026-10-07 09:30:00,answered,A5,,
P4,,tech_support,2026-10-07 10:00:00,,2026-10-07 10:00:30,abandoned,,,
P5,ACC-8,tech_support,2026-10-08 10:00:00,2026-10-08 10:00:40,2026-10-08 10:05:00,answered,A2,,
P6,ACC-8,tech_support,2026-09-30 10:00:00,2026-09-30 10:00:40,2026-09-30 10:05:00,answered,A2,,
P7,ACC-8,tech_support,2026-11-01 10:00:00,2026-11-01 10:00:40,2026-11-01 10:05:00,answered,A2,,
P8,,tech_support,2026-10-06 11:30:00,2026-10-06 11:31:00,2026-10-06 11:40:00,answered,A9,,T-300
P9,ACC-7,tech_support,2026-10-07 15:00:00,2026-10-07 15:00:30,2026-10-07 15:05:00,answered,A3,,
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee effort]
promise = One call is all it takes
source = brochure
kind = customer_effort
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result effort "PASS|3|0|count|3|0"
expect_figures effort T-300 "calls=2 phone_time=1200 wait_time=180 agents=1 repeat_agents=1 transfers=0 closed_transfers=0 days=1 legs=2"
expect_figures effort ACC-7 "calls=3 phone_time=2700 wait_time=270 agents=3 repeat_agents=1 transfers=1 closed_transfers=0 days=3 legs=4"
expect_figures effort ACC-8 "calls=1 phone_time=300 wait_time=40 agents=1 repeat_agents=0 transfers=0 closed_transfers=0 days=1 legs=1"
expect_sql "SELECT count(*), count(DISTINCT subject) FROM figures
            WHERE result_id = $(rid effort)" "27|3"
expect_sql "SELECT subject FROM figures WHERE result_id = $(rid effort)
            AND name = 'calls' ORDER BY rowid" "T-300
ACC-7
ACC-8"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid effort)" \
    "ACC-7: 3 calls, 45 min on the phone, 3 agents (1 on more than one leg), 1 transfer (0 into a closed queue), 3 days"
