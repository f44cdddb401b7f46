# founding case: the customer-effort figures of ticket TT-4471, with
# templates/guarantees/fibre-bundle.ini ([guarantee effort]: max_calls 3,
# max_phone_time 1h, queue_hours billing: billing-hours = mon-fri
# 08:00-18:00) over 2026-10.
#
# From samples/founding-case/README.md ("Key call figures") and calls.csv:
# every one of the 64 legs names TT-4471, so there is one group.
#   calls            22 distinct call_ids
#   phone_time       46783 s = 12 h 59 min 43 s (> 12 h = 43200 s)
#   wait_time        25919 s before a person answered + 2163 s on legs
#                    nobody answered (counted whole) = 28082 s
#   agents           54 distinct agent_ids (46 A-..., 8 E-...), > 50
#   repeat_agents    2: A-3107 (3 legs) and E-201 (2 legs)
#   transfers        42 legs ending `transferred`
#   closed_transfers 1: call C-20261017-04, escalation leg (calls.csv line
#                    61, Sat 10-17 13:55:10, E-201 -> billing) followed by
#                    the billing leg (line 62, arrived 14:08:51, `closed`;
#                    billing's hours are closed on Saturday as well).
#                    (grep -n C-20261017-04 samples/founding-case/calls.csv)
#   days             first call 10-14 16:40:12 -> restoration 10-19
#                    08:00:00 = 4 d 15 h 19 min 48 s -> 5 started days
#   legs             64
#
# Breaches, in the order written: the closed transfer while reading legs
# (at = the billing leg's arrival, 14:08:51 PDT = 21:08:51 UTC; measured 1,
# limit 0, shortfall 1), then the ticket's limits in figure order:
# calls 22 > 3 (shortfall 19), phone_time 46783 > 3600 (shortfall 43183);
# both at the first call, 10-14 16:40:12 PDT = 23:40:12 UTC, with all 64
# legs (calls.csv lines 2..65) as evidence.
# Result: FAIL, measured 22 calls, target 3, 1 subject, 3 breaches.

. "$RULES_DIR/customer_effort/_helpers.sh"
G=$TEMPLATE

ingest "$LA" --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv"
check --period 2026-10
expect_exit 0
expect_figures effort TT-4471 "calls=22 phone_time=46783 wait_time=28082 agents=54 repeat_agents=2 transfers=42 closed_transfers=1 days=5 legs=64"
expect_sql "SELECT value > 12 * 3600 FROM figures WHERE result_id = $(rid effort)
            AND subject = 'TT-4471' AND name = 'phone_time'" 1
expect_sql "SELECT value > 50 FROM figures WHERE result_id = $(rid effort)
            AND subject = 'TT-4471' AND name = 'agents'" 1
expect_result effort "FAIL|22|3|count|1|3"
expect_breach_rows effort "transfer|C-20261017-04|$(utc '2026-10-17 21:08:51')|1|0|1|count|0
ticket|TT-4471|$(utc '2026-10-14 23:40:12')|22|3|19|count|0
ticket|TT-4471|$(utc '2026-10-14 23:40:12')|46783|3600|43183|s|0"
expect_evidence_all effort C-20261017-04 "calls.csv:61 calls.csv:62" transfer
expect_sql "SELECT count(*), count(DISTINCT c.line), min(c.line), max(c.line)
            FROM evidence e JOIN call_legs c ON e.tbl = 'call_legs' AND c.id = e.row_id
            WHERE e.breach_id = (SELECT min(id) FROM breaches
                                 WHERE result_id = $(rid effort)
                                 AND subject_kind = 'ticket')" "64|64|2|65"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid effort)" \
    "TT-4471: 22 calls, 12 h 59 min on the phone, 54 agents (2 on more than one leg), 42 transfers (1 into a closed queue), 5 days"
