# outage_credit: a billing period whose last day is a DST change day. The
# period runs from period_start to the end of period_end's day in the
# filing's zone; on 2026-11-01 Los Angeles goes from PDT to PST, so that
# day has 25 hours.
#
# Zone America/Los_Angeles. Charges 31.00 (3100) voice for the billing
# period 2026-10-02 .. 2026-11-01 (period_end inclusive):
#   from 10-02 00:00 PDT = 10-02 07:00 UTC
#   to the end of 11-01 = 11-02 00:00 PST = 11-02 08:00 UTC
#   = 31 days + 1 hour = 2678400 + 3600 = 2682000 s
#
# billing.csv
#  2  ACC-Z1 charge 31.00 voice period 10-02..11-01
#  3  ACC-Z2 charge 31.00 voice period 10-02..11-01
# outages.csv
#  2  Z1 ACC-Z1 voice 10-10 00:00 PDT -> 10-20 00:00 PDT = 10 d = 864000 s
#  3  Z2 ACC-Z2 voice 11-01 23:30 PST -> 11-02 23:30 PST = 24 h = 86400 s
#     (starts in the last half hour of 11-01, the billing period's last
#     day: the charge covers it)
#
# Z1: 3100 x 864000 / 2682000 = 998.657.. -> 999 (half up)
#     (dividing by 31 x 86400 = 2678400 instead would give exactly 1000)
# Z2: 3100 x 86400 / 2682000 = 99.866.. -> 100; evidence outages.csv:3
#     and the charge billing.csv:3
# Period 2026-10-01 .. 2026-11-30: FAIL, owed 1099, credited 0,
# 2 subjects, 2 breaches, amount 1099.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at
ACC-Z1,charge,2026-10-02,31.00,voice,2026-10-02,2026-11-01,2026-10-25
ACC-Z2,charge,2026-10-02,31.00,voice,2026-10-02,2026-11-01,2026-10-25
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
Z1,ACC-Z1,North,voice,2026-10-10 00:00:00,2026-10-20 00:00:00
Z2,ACC-Z2,North,voice,2026-11-01 23:30:00,2026-11-02 23:30:00
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
check --period 2026-10-01..2026-11-30
expect_exit 0
expect_figures credit Z1/ACC-Z1 "owed=999 credited=0"
expect_figures credit Z2/ACC-Z2 "owed=100 credited=0"
expect_result credit "FAIL|0|1099|minor|2|2"
expect_breaches credit "Z1/ACC-Z1|0|999|999
Z2/ACC-Z2|0|100|100"
expect_evidence_all credit Z2/ACC-Z2 "billing.csv:3 outages.csv:3"
