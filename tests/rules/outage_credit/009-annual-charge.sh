# outage_credit: the charge used is the one whose billing period covers the
# outage start, however long ago it was posted - here a yearly charge
# posted eight months before the outage.
#
# Zone America/Los_Angeles. ACC-Y pays 365.00 (36500) a year for voice,
# billing period 2026-01-01 .. 2026-12-31: 01-01 00:00 PST to 2027-01-01
# 00:00 PST = 365 days = 31536000 s (the hour lost in March comes back in
# November).
#
# billing.csv  2  ACC-Y charge 365.00 voice posted 01-01, period 01-01..12-31
# outages.csv  2  Y1 ACC-Y voice 09-10 00:00 -> 09-11 00:00 PDT = 86400 s
#
# owed = 36500 x 86400 / 31536000 = 100 exactly; nothing credited:
# breach Y1/ACC-Y 0|100|100, evidence outages.csv:2 and billing.csv:2.
# FAIL, 1 subject, 1 breach, amount 100.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at
ACC-Y,charge,2026-01-01,365.00,voice,2026-01-01,2026-12-31,2026-01-25
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
Y1,ACC-Y,North,voice,2026-09-10 00:00:00,2026-09-11 00:00:00
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
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0
expect_figures credit Y1/ACC-Y "owed=100 credited=0"
expect_result credit "FAIL|0|100|minor|1|1"
expect_breaches credit "Y1/ACC-Y|0|100|100"
expect_evidence_all credit Y1/ACC-Y "billing.csv:2 outages.csv:2"
