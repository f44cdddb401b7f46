# outage_credit: min_duration means "longer than": an outage of exactly
# min_duration earns nothing (and is not a subject); one an hour longer
# earns the pro-rata credit. Without min_duration (0s) every outage is a
# subject, and one whose share rounds to 0 owes nothing.
#
# Zone America/Los_Angeles (PDT). Charges: ACC-D and ACC-E, voice, 30.00
# for 2026-09-01 .. 2026-09-30 = 30 days = 2592000 s. No credits.
#
# outages.csv
#  2  O-EX    ACC-D voice 09-03 08:00 -> 09-04 08:00 = 24 h = 86400 s
#  3  O-OVER  ACC-E voice 09-05 08:00 -> 09-06 09:00 = 25 h = 90000 s
#  4  O-TINY  ACC-D voice 09-20 10:00 -> 10:05      = 300 s
#
# owed (half_up): O-EX 3000 x 86400 / 2592000 = 100 exactly;
#                 O-OVER 104.1666.. -> 104; O-TINY 0.3472.. -> 0.
# [over24]  min_duration 24h: O-EX 86400 is not longer than 86400 -> no
#           subject; O-TINY too short; O-OVER -> breach 0|104|104.
#           FAIL, credited 0 of 104, 1 subject, 1 breach, amount 104.
# [any]     min_duration 0s (default): 3 subjects in start order; O-EX
#           breach 100, O-OVER breach 104, O-TINY owes 0 = credited 0: no
#           breach, but its figures are stored. Owed in all 204.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at
ACC-D,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
ACC-E,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
O-EX,ACC-D,North,voice,2026-09-03 08:00:00,2026-09-04 08:00:00
O-OVER,ACC-E,North,voice,2026-09-05 08:00:00,2026-09-06 09:00:00
O-TINY,ACC-D,North,voice,2026-09-20 10:00:00,2026-09-20 10:05:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee over24]
promise = Outages over 24 hours are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
min_duration = 24h

[guarantee any]
promise = Every outage is credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0

expect_result over24 "FAIL|0|104|minor|1|1"
expect_breaches over24 "O-OVER/ACC-E|0|104|104"
expect_sql "SELECT count(*) FROM figures WHERE result_id = $(rid over24)
            AND subject LIKE 'O-EX/%'" 0
expect_sql "SELECT amount FROM results WHERE id = $(rid over24)" 104

expect_result any "FAIL|0|204|minor|3|2"
expect_breaches any "O-EX/ACC-D|0|100|100
O-OVER/ACC-E|0|104|104"
expect_figures any O-TINY/ACC-D "owed=0 credited=0"
expect_sql "SELECT amount FROM results WHERE id = $(rid any)" 204
