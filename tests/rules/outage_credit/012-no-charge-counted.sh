# outage_credit: an outage whose account has no charge for the service to
# prorate is not judged, and the measured text says how many (issue 22's
# "subjects a rule could not judge": once only "some outages").
#
# Zone America/Los_Angeles, period 2026-09 (30 days = 2592000 s). No
# credits.
#
# billing.csv
#  2  ACC-N1 charge 30.00 voice period 09-01..09-30
# outages.csv
#  2  N1 ACC-N1 09-10 00:00 -> 09-11 00:00 = 24 h = 86400 s
#  3  N2 ACC-N2 09-12 00:00 -> 09-13 00:00   (ACC-N2: no charge at all)
#  4  N3 ACC-N3 09-14 00:00 -> 09-15 00:00   (ACC-N3: no charge at all)
#
# N1: 3000 x 86400 / 2592000 = 100 owed, 0 credited: one breach of 100.
# N2, N3: subjects with nothing to prorate (owed 0), counted as 2 in the
# text: 3 account outages in all.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at
ACC-N1,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
N1,ACC-N1,North,voice,2026-09-10 00:00:00,2026-09-11 00:00:00
N2,ACC-N2,North,voice,2026-09-12 00:00:00,2026-09-13 00:00:00
N3,ACC-N3,North,voice,2026-09-14 00:00:00,2026-09-15 00:00:00
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
expect_breaches credit "N1/ACC-N1|0|100|100"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid credit)" \
    "credited 0.00 of 1.00 USD owed for 3 account outages; 1.00 short; 2 outages have no charge to prorate"
