# outage_credit: the whole outage counts - to its restoration even after
# the period, to the period end when still open - and the charge used is
# the one whose billing period covers the outage start, even when that is
# the previous month. Outages over before the period are not judged.
#
# Zone America/Los_Angeles (PDT from August to October 2026). Period
# 2026-09. No credits. August = 31 days = 2678400 s; September = 30 days =
# 2592000 s.
#
# billing.csv
#  2  ACC-W1 charge 30.00 voice period 09-01..09-30
#  3  ACC-W2 charge 30.00 voice period 09-01..09-30
#  4  ACC-W3 charge 31.00 voice period 08-01..08-31   <- covers W3's start
#  5  ACC-W3 charge 30.00 voice period 09-01..09-30
#  6  ACC-W4 charge 30.00 voice period 08-01..08-31
# outages.csv
#  2  W3 ACC-W3 08-31 12:00 -> 09-01 18:00 = 30 h = 108000 s
#  3  W2 ACC-W2 09-28 00:00 -> open: runs to the period end 10-01 00:00
#                                     = 72 h = 259200 s
#  4  W1 ACC-W1 09-29 00:00 -> 10-02 00:00 = 72 h = 259200 s (not just
#                                     the 48 h inside September)
#  5  W4 ACC-W4 08-10 00:00 -> 08-12 00:00: over before September, no subject
#
# W3: 3100 x 108000 / 2678400 = 125 exactly (evidence billing.csv:4)
# W2: 3000 x 259200 / 2592000 = 300 (with only 09-28..10-01 counted)
# W1: 3000 x 259200 / 2592000 = 300 (48 h would give 200)
# Subjects in start order: W3, W2, W1. Owed 725, credited 0: FAIL,
# 3 subjects, 3 breaches, amount 725.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at
ACC-W1,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
ACC-W2,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
ACC-W3,charge,2026-08-01,31.00,voice,2026-08-01,2026-08-31,2026-08-25
ACC-W3,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
ACC-W4,charge,2026-08-01,30.00,voice,2026-08-01,2026-08-31,2026-08-25
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
W3,ACC-W3,North,voice,2026-08-31 12:00:00,2026-09-01 18:00:00
W2,ACC-W2,North,voice,2026-09-28 00:00:00,
W1,ACC-W1,North,voice,2026-09-29 00:00:00,2026-10-02 00:00:00
W4,ACC-W4,North,voice,2026-08-10 00:00:00,2026-08-12 00:00:00
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
expect_result credit "FAIL|0|725|minor|3|3"
expect_breaches credit "W3/ACC-W3|0|125|125
W2/ACC-W2|0|300|300
W1/ACC-W1|0|300|300"
expect_evidence_each credit "W3/ACC-W3 billing.csv:4 outages.csv:2
W2/ACC-W2 billing.csv:3 outages.csv:3
W1/ACC-W1 billing.csv:2 outages.csv:4"
expect_sql "SELECT amount FROM results WHERE id = $(rid credit)" 725
