# Step restoration (IEEE 1366: customer-minutes summed step by step),
# worked out on paper.
#
# Zone America/New_York, period 2026-11, one area East serving 1000.
# sustained_over 5m (default), cemi_n = 1, celid_t = 1h, t_med = 10h (no
# major event day: the largest day below is 240 min).
#
# outages.csv (line: what it is):
#  2 E1 600 out at 11-03 08:00; first step 08:04 gives 200 back: 4 min,
#       a momentary event for those 200 (MAIFI_E), not sustained.
#  3 E1 step 09:00: 300 back after 60 min.
#  4 E1 step 11:00: 50 back after 180 min.
#  5 E1 step 11:00 again: the same step twice, a duplicate (rejected).
#  6 E2 the whole area (1000) 11-10 22:00 -> 11-11 02:00, one row that
#       is its own single step (1000 back): 240 min, all on 11-10.
#  7 E3 account A1, 11-20 10:00 -> 10:30, no steps: 30 min.
#  8 E4 a step without restored_at: rejected (restored_at).
#  9 E5 a step restoring 120 of 100 customers: rejected.
# outages2.csv, a later export:
#  2 E1 step 10:00: 20 back after 120 min (a step may come in another file).
#  3 E1 with another started_at: not a step of it, a duplicate.
#
# E1: steps restore 200 + 300 + 50 + 20 = 570 of 600; the 30 no step gave
#   back are counted out until the last step (11:00, 180 min).
#   Sustained CI = 300 + 50 + 20 + 30 = 400 (the 200 momentary are not);
#   CMI = 300x60 + 50x180 + 20x120 + 30x180 = 18000 + 9000 + 2400 + 5400
#   = 34800 min. Area-wide, 400 < 1000 served: not attributable.
# E2: CI 1000, CMI 1000 x 240 = 240000 min; it hit the whole area.
# E3: CI 1, CMI 30.
# East (= system), N = 1000: CI = 1401, CMI = 274830 min, momentary 200.
#   SAIFI 1.401; SAIDI 274.830 min; CAIDI 274830/1401 = 196.16702 ->
#   196.167; MAIFI_E 0.200; CN = 1000 (E2 hit everyone): CAIFI 1.401.
#   CEMI_1 (more than 1): everyone has 1 (E2), A1 has 2: 1/1000 = 10 bp.
#   CELID_1h: E2 alone is 4 h > 1 h for everyone: 10000 bp.
# Daily SAIDI: 11-03 34800/1000 = 34.800; 11-10 240.000; 11-20 0.030.
# Target SAIFI 1.00: 1.401 above it by 0.401. Evidence: the interruptions
# counted and every later step of them (outages.csv 2, 3, 4, 6, 7 and
# outages2.csv 2).

cat > customers.csv <<'CSV'
area,customers_served
East,1000
CSV
cat > outages.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,customers_affected,customers_restored
E1,,East,2026-11-03 08:00,2026-11-03 08:04,600,200
E1,,East,2026-11-03 08:00,2026-11-03 09:00,600,300
E1,,East,2026-11-03 08:00,2026-11-03 11:00,600,50
E1,,East,2026-11-03 08:00,2026-11-03 11:00,600,50
E2,,East,2026-11-10 22:00,2026-11-11 02:00,1000,1000
E3,A1,East,2026-11-20 10:00,2026-11-20 10:30,1,
E4,,East,2026-11-21 10:00,,200,50
E5,,East,2026-11-25 09:00,2026-11-25 09:20,100,120
CSV
cat > outages2.csv <<'CSV'
outage_id,area,started_at,restored_at,customers_affected,customers_restored
E1,East,2026-11-03 08:00,2026-11-03 10:00,600,20
E1,East,2026-11-03 07:00,2026-11-03 12:00,600,10
CSV
cat > "$G" <<'INI'
[filing]
carrier = Example Electric
commission = K
timezone = America/New_York

[guarantee rel]
promise = reliable supply
source = tariff
kind = reliability
saifi_max = 1.00
cemi_n = 1
celid_t = 1h
t_med = 10h
INI

# Rejects are expected here, so not the clean ingest helper.
run_ombud ingest --db "$DB" --tz America/New_York --outages outages.csv \
    --outages outages2.csv --customers customers.csv
expect_exit 0
expect_sql "SELECT kind, name, rows_read, rows_stored, rows_rejected
            FROM sources ORDER BY id" \
"outages|outages.csv|8|5|3
outages|outages2.csv|2|1|1
customers|customers.csv|1|1|0"
expect_sql "SELECT s.name, r.line, r.field, r.reason FROM rejects r
            JOIN sources s ON s.id = r.source_id ORDER BY r.source_id, r.line" \
"outages.csv|5|outage_id|duplicate outage_id, first stored from outages.csv:2
outages.csv|8|restored_at|a restoration step (it has customers_restored) needs restored_at: when those customers got power back
outages.csv|9|customers_restored|customers_restored is more than customers_affected
outages2.csv|3|outage_id|duplicate outage_id, first stored from outages.csv:2"
expect_sql "SELECT outage_id, line, customers_restored FROM outage_steps
            ORDER BY restored_at" \
"E1|3|300
E1|2|20
E1|4|50"
check --period 2026-11 --allow-incomplete
expect_exit 0
expect_result rel "FAIL|274830|0|milli|1|1"
expect_breaches rel "system SAIFI|1401|1000|401"
expect_evidence rel "system SAIFI" \
    "outages.csv:2 outages.csv:3 outages.csv:4 outages.csv:6 outages.csv:7 outages2.csv:2"
expect_sql "SELECT subject, name, value, unit FROM figures
            WHERE result_id = $(rid rel) AND subject = 'system'
            ORDER BY run, k" \
"system|customers_served|1000|count
system|saifi|1401|milli
system|saidi|274830|milli
system|caidi|196167|milli
system|caifi|1401|milli
system|maifi_e|200|milli
system|cemi|10|bp
system|celid|10000|bp
system|t_med|600000|milli"
expect_series rel daily.saidi "$(daynum 2026-11-03)" 34800
expect_series rel daily.saidi "$(daynum 2026-11-10)" 240000
expect_series rel daily.saidi "$(daynum 2026-11-20)" 30
expect_sql "SELECT method LIKE '%400 customer interruptions of partial%'
            FROM results WHERE id = $(rid rel)" "1"
# E1 and E2 were restored in steps; E1's steps gave back 570 of 600.
expect_sql "SELECT method LIKE '%Outages restored in steps: 2;%'
            AND method LIKE '%than affected: 1 (the rest%'
            AND method LIKE '%more than affected: 0 (%'
            FROM results WHERE id = $(rid rel)" "1"

# Another kind reads an outage restored in steps as ending at its last
# step: E1 began 08:00 and its last step is 11:00 (the 12:00 row was a
# duplicate), 3 h. Restoration within 2h30m: E1 is late by 30 min (E2's
# 4 h is late too, by 1h30m); E3's 30 min is on time.
cat >> "$G" <<'INI'

[guarantee fix]
promise = restored within 2 hours 30 minutes
source = tariff
kind = restoration
within = 2h30m
INI
check --period 2026-11 --allow-incomplete
expect_exit 0
expect_sql "SELECT subject, measured, limit_value FROM breaches
            WHERE result_id = $(rid fix) ORDER BY subject" \
"E1|10800|9000
E2|14400|9000"
