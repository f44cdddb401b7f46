# customer_effort: an open ticket's days run to the last call (not to the
# period end); calls that overlap in time are followed call by call, so a
# closed leg of another call between a transfer and its next leg is not
# that transfer's next leg.
#
# Zone America/Los_Angeles (PDT, UTC-7). Outage T-500 is open (restored_at
# blank). No limits, no queue_hours.
#
# line call queue         arrived         answered ended    outcome     agent
#  2   Q1   tech_support  10-05 10:00:00  10:01:00 10:15:00 transferred A1 -> repair
#  3   Q2   tech_support  10-05 10:10:00  -        10:10:20 closed
#  4   Q1   repair        10-05 10:15:02  10:16:02 10:30:00 answered    A2
#  5   Q3   tech_support  10-07 09:00:00  09:00:50 09:30:00 answered    A1
#
# Legs in arrival order: Q1, Q2, Q1, Q3. Q1's transfer is followed by Q1's
# repair leg (answered), not by Q2's closed leg: closed_transfers 0, PASS.
# calls 3; phone Q1 10:00:00 -> 10:30:00 = 1800, Q2 20, Q3 1800 -> 3620
# (Q1 and Q2 overlap; each call's own time is summed);
# wait 60 + 20 (closed: whole leg) + 60 + 50 = 190; agents A1, A2 = 2,
# repeat 1 (A1, lines 2 and 5); transfers 1; legs 4;
# days: T-500 is open, so from the first call 10-05 10:00:00 to the last
# call's end 10-07 09:30:00 = 1 d 23 h 30 min -> 2 (to the period end,
# 11-01 00:00, it would be 27).

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
T-500,ACC-5,North,voice,2026-10-05 08:00:00,
CSV

cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id
Q1,ACC-5,tech_support,2026-10-05 10:00:00,2026-10-05 10:01:00,2026-10-05 10:15:00,transferred,A1,repair,T-500
Q2,ACC-5,tech_support,2026-10-05 10:10:00,,2026-10-05 10:10:20,closed,,,T-500
Q1,ACC-5,repair,2026-10-05 10:15:02,2026-10-05 10:16:02,2026-10-05 10:30:00,answered,A2,,T-500
Q3,ACC-5,tech_support,2026-10-07 09:00:00,2026-10-07 09:00:50,2026-10-07 09:30:00,answered,A1,,T-500
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
expect_figures effort T-500 "calls=3 phone_time=3620 wait_time=190 agents=2 repeat_agents=1 transfers=1 closed_transfers=0 days=2 legs=4"
