# founding case: the pro-rata credit owed to ACC-1001 for TT-4471, with
# templates/guarantees/fibre-bundle.ini ([guarantee outage-credit]:
# pro_rata, min_duration 24h, rounding half_up, grace 60d) over 2026-10.
#
# TT-4471 (outages.csv line 3): 2026-10-14 16:00 -> 2026-10-19 08:00 PDT =
# 112 h = 403200 s. ACC-1001's October voice charge (billing.csv line 9):
# 64.99 for 2026-10-01 .. 2026-10-31 = 31 days = 744 h = 2678400 s (PDT
# throughout; the change to PST is on 11-01 at 02:00).
#   owed = 6499 x 403200 / 2678400 = 978.34.. -> 978 (half up; README:
#   "64.99 x 112 / 744 = 9.783441... -> 9.78 USD")
# billing.csv holds no credit row: credited 0, breach amount 978.
# OUT-2610-07 (3 h 30 min) and OUT-2610-21 (2 h) are not longer than 24 h:
# not subjects.
# Result: FAIL, measured = credited 0, target = owed 978, unit minor,
# 1 subject, 1 breach, amount 978; evidence outages.csv:3, billing.csv:9.

. "$RULES_DIR/customer_effort/_helpers.sh"
G=$TEMPLATE

ingest "$LA" --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv"
check --period 2026-10
expect_exit 0
expect_result outage-credit "FAIL|0|978|minor|1|1"
expect_sql "SELECT amount FROM results WHERE id = $(rid outage-credit)" 978
expect_breach_rows outage-credit "outage|TT-4471/ACC-1001|$(utc '2026-10-14 23:00:00')|0|978|978|minor|978"
expect_figures outage-credit TT-4471/ACC-1001 "owed=978 credited=0"
expect_evidence_all outage-credit TT-4471/ACC-1001 "billing.csv:9 outages.csv:3"
