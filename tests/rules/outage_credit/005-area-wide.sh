# outage_credit: an area-wide outage (blank account_id) applies to every
# account of its area (an account is in the area when one of its billing
# rows carries that area) that has a charge for the outage's service.
#
# Zone America/Los_Angeles (PDT). Billing periods 2026-09-01 .. 09-30 =
# 2592000 s. No credits.
#
# billing.csv
#  2  ACC-X1 charge  30.00 voice    area Oakridge
#  3  ACC-X2 charge  45.00 voice    (area blank on the charge)
#  4  ACC-X2 payment 45.00 voice    area Oakridge  <- puts ACC-X2 in Oakridge
#  5  ACC-Y1 charge  30.00 voice    area Westfield <- another area
#  6  ACC-X3 charge  30.00 internet area Oakridge  <- no voice charge
# outages.csv
#  2  AW1 (no account) Oakridge voice    09-10 00:00 -> 09-12 00:00 = 48 h
#  3  AW3 (no account) Oakridge internet 09-20 00:00 -> 09-21 12:00 = 36 h
#
# AW1 -> ACC-X1 and ACC-X2 (not ACC-Y1: Westfield; not ACC-X3: no voice
#        charge): two breaches, in account order:
#        AW1/ACC-X1 owed 3000 x 172800 / 2592000 = 200, evidence the
#        outage (outages.csv:2) and ACC-X1's charge (billing.csv:2);
#        AW1/ACC-X2 owed 4500 x 172800 / 2592000 = 300, evidence
#        outages.csv:2 and billing.csv:3.
# AW3 -> only ACC-X3 (the one Oakridge account charged for internet):
#        owed 3000 x 129600 / 2592000 = 150; evidence outages.csv:3,
#        billing.csv:6.
# Result: FAIL, credited 0 of 650, 3 subjects, 3 breaches, amount 650.
# [voice-only] (services = voice): AW3 is not judged -> the two AW1
# breaches only, owed 500.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at,area
ACC-X1,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,Oakridge
ACC-X2,charge,2026-09-01,45.00,voice,2026-09-01,2026-09-30,2026-09-25,
ACC-X2,payment,2026-09-05,45.00,voice,,,,Oakridge
ACC-Y1,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,Westfield
ACC-X3,charge,2026-09-01,30.00,internet,2026-09-01,2026-09-30,2026-09-25,Oakridge
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
AW1,,Oakridge,voice,2026-09-10 00:00:00,2026-09-12 00:00:00
AW3,,Oakridge,internet,2026-09-20 00:00:00,2026-09-21 12:00:00
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

[guarantee voice-only]
promise = Voice outages are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
services = voice
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0
expect_result credit "FAIL|0|650|minor|3|3"
expect_sql "SELECT amount FROM results WHERE id = $(rid credit)" 650
expect_breaches credit "AW1/ACC-X1|0|200|200
AW1/ACC-X2|0|300|300
AW3/ACC-X3|0|150|150"
expect_evidence_each credit "AW1/ACC-X1 billing.csv:2 outages.csv:2
AW1/ACC-X2 billing.csv:3 outages.csv:2
AW3/ACC-X3 billing.csv:6 outages.csv:3"
expect_sql "SELECT count(*) FROM figures WHERE result_id = $(rid credit)
            AND subject LIKE '%ACC-Y1'" 0
expect_result voice-only "FAIL|0|500|minor|2|2"
expect_breaches voice-only "AW1/ACC-X1|0|200|200
AW1/ACC-X2|0|300|300"
