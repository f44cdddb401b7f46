# customer_effort: transfers into a closed queue - by the next leg's
# outcome (`closed`) or by the target queue's `queue_hours` calendar.
#
# Zone America/Los_Angeles (PDT, UTC-7). 10-05 is a Monday, 10-10 a
# Saturday, 10-11 a Sunday. [calendar billing-hours] mon-fri 08:00-18:00.
# All legs name ticket T-200, which is not in the store (no outages file).
#
# line call queue         arrived         answered  ended     outcome     agent
#  2   X1   tech_support  Mon 10-05 10:00:00 10:01:00 10:05:00 transferred A1 -> escalation
#  3   X1   escalation    Mon 10-05 10:05:02 -        10:05:30 closed
#  4   X5   tech_support  Tue 10-06 10:00:00 10:01:00 10:05:00 transferred A2 -> billing
#  5   X5   billing       Tue 10-06 10:05:01 10:06:01 10:15:00 answered    B1
#  6   X2   tech_support  Sat 10-10 11:00:00 11:02:00 11:10:00 transferred A3 -> billing
#  7   X2   billing       Sat 10-10 11:10:03 -        11:12:03 voicemail
#  8   X4   tech_support  Sun 10-11 12:00:00 12:03:00 12:20:00 transferred A4 -> billing
#                                          (no next leg: the call ends here)
#  9   X3   tech_support  Mon 10-12 17:50:00 17:51:00 17:59:57 transferred A5 -> billing
# 10   X3   billing       Mon 10-12 17:59:59 18:00:30 18:05:00 answered    B2
# 11   X6   tech_support  Tue 10-13 11:00:00 11:01:00 11:05:00 transferred A6 -> billing
#                                          (no next leg)
# 12   X7   tech_support  Tue 10-13 12:00:00 12:01:00 12:05:00 transferred A7 -> repair
#                                          (no next leg)
#
# Guarantee `hours` (queue_hours = billing: billing-hours):
#   X1  next leg `closed` (escalation has no calendar): breach, evidence
#       lines 2, 3; at = its arrival 10-05 10:05:02 PDT = 17:05:02 UTC
#   X5  billing open on Tuesday 10:05:01, leg answered: no breach
#   X2  next leg is voicemail, not `closed`, but billing's calendar is
#       closed on Saturday 11:10:03: breach, evidence lines 6, 7;
#       at 10-10 18:10:03 UTC
#   X4  no next leg; billing's calendar closed at the transfer (Sunday
#       12:20:00): breach, evidence line 8 only; at 10-11 19:20:00 UTC
#   X3  billing open at 17:59:59 (it closes at 18:00): no breach
#   X6  no next leg, billing open on Tuesday 11:05: no breach
#   X7  no next leg, repair has no calendar: no breach
#   Each breach: subject_kind transfer, subject the call_id, measured 1,
#   limit 0, shortfall 1, unit count, amount 0. Written in the order found:
#   X1, X2 while reading legs, X4 when the call is summed at the end.
#
# Figures of T-200:
#   calls 7 (X1 X5 X2 X4 X3 X6 X7); legs 11; transfers 7 (lines 2 4 6 8 9
#   11 12); closed_transfers 3; agents A1..A7, B1, B2 = 9, none on two legs
#   phone_time X1 330 + X5 900 + X2 723 + X4 1200 + X3 900 + X6 300 + X7 300
#              = 4653
#   wait_time  X1 60+28, X5 60+60, X2 120+120 (voicemail: whole leg),
#              X4 180, X3 60+31, X6 60, X7 60 = 839
#   days       T-200 is unknown, so to the last call: 10-05 10:00:00 ->
#              10-13 12:05:00 = 8 d 2 h 5 min -> 9 started days
# Result: FAIL, measured 7 calls, target 0, 1 subject, 3 breaches.
#
# Guarantee `outcome-only` (no queue_hours), same data: only X1 (its next
# leg is `closed`) -> closed_transfers 1, one breach, FAIL.

cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id
X1,ACC-2,tech_support,2026-10-05 10:00:00,2026-10-05 10:01:00,2026-10-05 10:05:00,transferred,A1,escalation,T-200
X1,ACC-2,escalation,2026-10-05 10:05:02,,2026-10-05 10:05:30,closed,,,T-200
X5,ACC-2,tech_support,2026-10-06 10:00:00,2026-10-06 10:01:00,2026-10-06 10:05:00,transferred,A2,billing,T-200
X5,ACC-2,billing,2026-10-06 10:05:01,2026-10-06 10:06:01,2026-10-06 10:15:00,answered,B1,,T-200
X2,ACC-2,tech_support,2026-10-10 11:00:00,2026-10-10 11:02:00,2026-10-10 11:10:00,transferred,A3,billing,T-200
X2,ACC-2,billing,2026-10-10 11:10:03,,2026-10-10 11:12:03,voicemail,,,T-200
X4,ACC-2,tech_support,2026-10-11 12:00:00,2026-10-11 12:03:00,2026-10-11 12:20:00,transferred,A4,billing,T-200
X3,ACC-2,tech_support,2026-10-12 17:50:00,2026-10-12 17:51:00,2026-10-12 17:59:57,transferred,A5,billing,T-200
X3,ACC-2,billing,2026-10-12 17:59:59,2026-10-12 18:00:30,2026-10-12 18:05:00,answered,B2,,T-200
X6,ACC-2,tech_support,2026-10-13 11:00:00,2026-10-13 11:01:00,2026-10-13 11:05:00,transferred,A6,billing,T-200
X7,ACC-2,tech_support,2026-10-13 12:00:00,2026-10-13 12:01:00,2026-10-13 12:05:00,transferred,A7,repair,T-200
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[calendar billing-hours]
hours = mon-fri 08:00-18:00

[guarantee hours]
promise = We own your problem until it is fixed
source = brochure
kind = customer_effort
queue_hours = billing: billing-hours

[guarantee outcome-only]
promise = We own your problem until it is fixed
source = brochure
kind = customer_effort
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result hours "FAIL|7|0|count|1|3"
expect_breach_rows hours "transfer|X1|$(utc '2026-10-05 17:05:02')|1|0|1|count|0
transfer|X2|$(utc '2026-10-10 18:10:03')|1|0|1|count|0
transfer|X4|$(utc '2026-10-11 19:20:00')|1|0|1|count|0"
expect_evidence_all hours X1 "calls.csv:2 calls.csv:3"
expect_evidence_all hours X2 "calls.csv:6 calls.csv:7"
expect_evidence_all hours X4 "calls.csv:8"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'transferred to billing, which was closed') > 0
            FROM breaches WHERE result_id = $(rid hours) AND subject = 'X2'" 1
expect_figures hours T-200 "calls=7 phone_time=4653 wait_time=839 agents=9 repeat_agents=0 transfers=7 closed_transfers=3 days=9 legs=11"
# customer_effort deals in no money: no amount at all (NULL), not 0
expect_sql "SELECT amount FROM results WHERE id = $(rid hours)" NULL

expect_result outcome-only "FAIL|7|0|count|1|1"
expect_breach_rows outcome-only "transfer|X1|$(utc '2026-10-05 17:05:02')|1|0|1|count|0"
expect_evidence_all outcome-only X1 "calls.csv:2 calls.csv:3"
expect_figures outcome-only T-200 "calls=7 phone_time=4653 wait_time=839 agents=9 repeat_agents=0 transfers=7 closed_transfers=1 days=9 legs=11"
expect_stdout_last "2 of 2 guarantees breached"
