# customer_effort: the per-ticket figures, with no limits (figures only).
#
# Zone America/Los_Angeles (PDT, UTC-7). One ticket, T-100, an outage
# restored Thu 2026-10-08 10:00. Six legs making three calls, all naming
# T-100; no limit is given, so there are figures but no breach, and with no
# transfer into a closed queue the result is PASS.
#
# line call queue         arrived   answered  ended     outcome      agent wait
#  2   K1   tech_support  10-05 09:00:00 09:02:00 09:10:00 transferred A1  120
#  3   K1   repair        10-05 09:10:02 09:15:02 09:20:00 transferred A2  300
#  4   K1   tech_support  10-05 09:20:01 09:21:01 09:30:00 answered    A1   60
#  5   K2   tech_support  10-06 14:00:00 -        14:05:00 abandoned   -   300 (whole leg)
#  6   K3   tech_support  10-07 08:00:00 08:01:40 08:11:40 transferred A3  100
#  7   K3   repair        10-07 08:11:45 08:13:45 08:20:00 answered    A2  120
#
# calls          3 distinct call_ids (K1, K2, K3), though there are 6 legs
# phone_time     per call, first arrival to last end, summed:
#                K1 09:00:00 -> 09:30:00 = 1800 (the legs alone sum to
#                480+598+599 = 1797: the 2 s and 1 s transfer gaps count),
#                K2 300, K3 08:00:00 -> 08:20:00 = 1200; 1800+300+1200 = 3300
# wait_time      120+300+60+300+100+120 = 1000
# agents         A1, A2, A3 = 3; repeat_agents: A1 (lines 2, 4) and A2
#                (lines 3, 7) handled more than one leg = 2
# transfers      lines 2, 3, 6 = 3; closed_transfers 0 (no next leg closed,
#                no queue_hours)
# days           first call 10-05 09:00 -> restoration 10-08 10:00 = 3 d 1 h
#                = 262800 s -> 4 started days (to the last call, 10-07
#                08:20, it would be 2: the ticket's restoration is the end)
# legs           6
#
# Result: PASS, measured = calls of the group with most calls = 3, target 0
# (no max_calls), unit count, 1 subject, 0 breaches.
# measured_text: 3300 s = 55m.

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
T-100,ACC-1,North,voice,2026-10-05 07:00:00,2026-10-08 10:00:00
CSV

cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id
K1,ACC-1,tech_support,2026-10-05 09:00:00,2026-10-05 09:02:00,2026-10-05 09:10:00,transferred,A1,repair,T-100
K1,ACC-1,repair,2026-10-05 09:10:02,2026-10-05 09:15:02,2026-10-05 09:20:00,transferred,A2,tech_support,T-100
K1,ACC-1,tech_support,2026-10-05 09:20:01,2026-10-05 09:21:01,2026-10-05 09:30:00,answered,A1,,T-100
K2,ACC-1,tech_support,2026-10-06 14:00:00,,2026-10-06 14:05:00,abandoned,,,T-100
K3,ACC-1,tech_support,2026-10-07 08:00:00,2026-10-07 08:01:40,2026-10-07 08:11:40,transferred,A3,repair,T-100
K3,ACC-1,repair,2026-10-07 08:11:45,2026-10-07 08:13:45,2026-10-07 08:20:00,answered,A2,,T-100
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
expect_result effort "PASS|3|0|count|1|0"
expect_figures effort T-100 "calls=3 phone_time=3300 wait_time=1000 agents=3 repeat_agents=2 transfers=3 closed_transfers=0 days=4 legs=6"
expect_sql "SELECT group_concat(DISTINCT unit) FROM figures
            WHERE result_id = $(rid effort) AND name IN ('phone_time', 'wait_time')" "s"
expect_sql "SELECT count(*) FROM breaches WHERE result_id = $(rid effort)" 0
expect_sql "SELECT measured_text FROM results WHERE id = $(rid effort)" \
    "T-100: 3 calls, 55 min on the phone, 3 agents (2 on more than one leg), 3 transfers (0 into a closed queue), 4 days"
expect_stdout_last "0 of 1 guarantees breached"
