# outage_credit: pro rata, and the three roundings.
#
# Zone America/Los_Angeles; September 2026 is PDT (UTC-7) throughout. Each
# account's September voice charge is 30.00 (3000 minor) for the billing
# period 2026-09-01 .. 2026-09-30 (period_end inclusive): 09-01 00:00 to
# 10-01 00:00 local = 30 days = 2592000 s. min_duration 24h; no credits.
#
# billing.csv
#  2  ACC-A charge voice    30.00  period 09-01..09-30  <- covers O-A's start
#  3  ACC-B charge voice    30.00  period 09-01..09-30
#  4  ACC-C charge voice    30.00  period 09-01..09-30
#  5  ACC-A charge voice    99.00  period 08-01..08-31  (does not cover 09-10)
#  6  ACC-A charge voice    77.00  period 10-01..10-31  (does not cover 09-10)
#  7  ACC-A charge internet 50.00  period 09-01..09-30  (another service)
#  8  ACC-D charge voice    30.00  period 09-01..09-30
# outages.csv
#  2  O-A ACC-A voice 09-10 00:00 -> 09-11 01:00 = 25 h = 90000 s
#  3  O-B ACC-B voice 09-10 06:00 -> 09-11 09:00 = 27 h = 97200 s
#  4  O-C ACC-C voice 09-14 12:00 -> 09-15 16:00 = 28 h = 100800 s
#  5  O-D ACC-D voice 09-20 00:00 -> 09-22 00:00 = 48 h = 172800 s
#
# owed = 3000 x seconds / 2592000:
#   O-A 270000000 / 2592000 = 104.1666..  half_up 104  up 105  down 104
#   O-B 291600000 / 2592000 = 112.5 exactly half_up 113  up 113  down 112
#   O-C 302400000 / 2592000 = 116.6666..  half_up 117  up 117  down 116
#   O-D 518400000 / 2592000 = 200 exactly half_up 200  up 200  down 200
# Totals: half_up 534, up 535, down 532. Nothing credited, so every
# subject is a breach: measured = credited 0, limit = owed, shortfall =
# amount = owed. Breach `at` = the outage start: O-A 09-10 07:00 UTC, O-B
# 09-10 13:00 UTC, O-C 09-14 19:00 UTC, O-D 09-20 07:00 UTC. Evidence: the
# outage and the charge used (line 2, 3, 4 or 8).
# Result: FAIL, measured = credited 0, target = owed in all, unit minor,
# 4 subjects, 4 breaches, amount = owed in all.
# [guarantee half] gives no `rounding`: the default is half_up.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at,reference
ACC-A,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,INV-A-09
ACC-B,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,INV-B-09
ACC-C,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,INV-C-09
ACC-A,charge,2026-08-01,99.00,voice,2026-08-01,2026-08-31,2026-08-25,INV-A-08
ACC-A,charge,2026-10-01,77.00,voice,2026-10-01,2026-10-31,2026-10-25,INV-A-10
ACC-A,charge,2026-09-01,50.00,internet,2026-09-01,2026-09-30,2026-09-25,INV-A-09I
ACC-D,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,INV-D-09
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
O-A,ACC-A,North,voice,2026-09-10 00:00:00,2026-09-11 01:00:00
O-B,ACC-B,North,voice,2026-09-10 06:00:00,2026-09-11 09:00:00
O-C,ACC-C,North,voice,2026-09-14 12:00:00,2026-09-15 16:00:00
O-D,ACC-D,North,voice,2026-09-20 00:00:00,2026-09-22 00:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles
currency = USD

[guarantee half]
promise = Outages over 24 hours are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
min_duration = 24h

[guarantee up]
promise = Outages over 24 hours are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
min_duration = 24h
rounding = up

[guarantee down]
promise = Outages over 24 hours are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
min_duration = 24h
rounding = down
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0

A=$(utc '2026-09-10 07:00:00')
B=$(utc '2026-09-10 13:00:00')
C=$(utc '2026-09-14 19:00:00')
D=$(utc '2026-09-20 07:00:00')

expect_result half "FAIL|0|534|minor|4|4"
expect_sql "SELECT amount FROM results WHERE id = $(rid half)" 534
expect_breach_rows half "outage|O-A/ACC-A|$A|0|104|104|minor|104
outage|O-B/ACC-B|$B|0|113|113|minor|113
outage|O-C/ACC-C|$C|0|117|117|minor|117
outage|O-D/ACC-D|$D|0|200|200|minor|200"
expect_evidence_each half "O-A/ACC-A billing.csv:2 outages.csv:2
O-B/ACC-B billing.csv:3 outages.csv:3
O-C/ACC-C billing.csv:4 outages.csv:4
O-D/ACC-D billing.csv:8 outages.csv:5"
expect_figures half O-A/ACC-A "owed=104 credited=0"
expect_figures half O-B/ACC-B "owed=113 credited=0"
expect_figures half O-C/ACC-C "owed=117 credited=0"
# The detail names the prorated charge by its reference (issue 23).
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'owed 1.04 USD = 30.00 (INV-A-09) × 25 h / 720 h') > 0
            FROM breaches WHERE result_id = $(rid half) AND subject = 'O-A/ACC-A'" 1

expect_result up "FAIL|0|535|minor|4|4"
expect_sql "SELECT amount FROM results WHERE id = $(rid up)" 535
expect_breach_rows up "outage|O-A/ACC-A|$A|0|105|105|minor|105
outage|O-B/ACC-B|$B|0|113|113|minor|113
outage|O-C/ACC-C|$C|0|117|117|minor|117
outage|O-D/ACC-D|$D|0|200|200|minor|200"

expect_result down "FAIL|0|532|minor|4|4"
expect_sql "SELECT amount FROM results WHERE id = $(rid down)" 532
expect_breach_rows down "outage|O-A/ACC-A|$A|0|104|104|minor|104
outage|O-B/ACC-B|$B|0|112|112|minor|112
outage|O-C/ACC-C|$C|0|116|116|minor|116
outage|O-D/ACC-D|$D|0|200|200|minor|200"
expect_figures down O-B/ACC-B "owed=112 credited=0"
