# outage_credit: credits set against what is owed. Credits count when they
# are for the outage's service or name no service, and are posted from the
# outage start to `grace` after its end (both ends included). A shortfall
# is a breach whose amount is what is still owed; its evidence is the
# outage, the charge used and the credits found.
#
# Zone America/Los_Angeles (PDT). grace = 10d. Charges 30.00 voice for
# 2026-09-01 .. 09-30 (2592000 s).
#
# billing.csv
#  2  ACC-F charge  30.00 voice    period 09-01..09-30
#  3  ACC-F credit   0.50 voice    posted 09-09: before the outage start
#  4  ACC-F credit   1.00 voice    posted 09-15: counts
#  5  ACC-F credit   0.20 internet posted 09-16: another service
#  6  ACC-F credit   0.30 (none)   posted 09-22 00:00 = end + 10 d exactly:
#                                  counts (no service named, within grace)
#  7  ACC-F credit   0.40 voice    posted 09-23: after the grace window
#  8  ACC-G charge  30.00 voice    period 09-01..09-30
#  9  ACC-G credit   1.50 voice    posted 09-14: counts
# outages.csv
#  2  O-F ACC-F voice 09-10 00:00 -> 09-12 00:00 = 48 h = 172800 s
#  3  O-G ACC-G voice 09-10 00:00 -> 09-11 12:00 = 36 h = 129600 s
#
# O-F: owed 3000 x 172800 / 2592000 = 200 exactly; credited lines 4 + 6 =
#      100 + 30 = 130; short 70 -> breach measured 130, limit 200,
#      shortfall 70, amount 70; evidence outages.csv:2, billing.csv:2
#      (charge), billing.csv:4 and :6 (credits found).
# O-G: owed 3000 x 129600 / 2592000 = 150 exactly; credited 150 (line 9):
#      no breach.
# Result: FAIL, measured = credited 130 + 150 = 280, target = owed 200 +
# 150 = 350, unit minor, 2 subjects, 1 breach, amount 70.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at
ACC-F,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
ACC-F,credit,2026-09-09,0.50,voice,,,
ACC-F,credit,2026-09-15,1.00,voice,,,
ACC-F,credit,2026-09-16,0.20,internet,,,
ACC-F,credit,2026-09-22,0.30,,,,
ACC-F,credit,2026-09-23,0.40,voice,,,
ACC-G,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
ACC-G,credit,2026-09-14,1.50,voice,,,
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
O-F,ACC-F,North,voice,2026-09-10 00:00:00,2026-09-12 00:00:00
O-G,ACC-G,North,voice,2026-09-10 00:00:00,2026-09-11 12:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee credit]
promise = Outages are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
grace = 10d
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0
expect_result credit "FAIL|280|350|minor|2|1"
expect_sql "SELECT amount FROM results WHERE id = $(rid credit)" 70
expect_breach_rows credit "outage|O-F/ACC-F|$(utc '2026-09-10 07:00:00')|130|200|70|minor|70"
expect_evidence_all credit O-F/ACC-F \
    "billing.csv:2 billing.csv:4 billing.csv:6 outages.csv:2"
expect_figures credit O-F/ACC-F "owed=200 credited=130"
expect_figures credit O-G/ACC-G "owed=150 credited=150"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid credit)" \
    "credited 2.80 of 3.50 USD owed for 2 account outages; 0.70 short"
