# The IEEE 1366 indices of a small month, worked out on paper.
#
# Zone America/New_York, period 2026-11. Sunday 2026-11-01 is the day
# DST ends: it has 25 hours. customers.csv: North 100, South 50 (system
# 150). sustained_over = 5m (default); cemi_n = 2; celid_t = 4h.
#
# outages.csv (line: what it is):
#  2 O0 North 10 cust, 10-31 23:00 -> 11-01 00:30: began before the period,
#       not counted (only in the history).
#  3 N1 North 100 cust (its whole area), 11-01 00:30 EDT -> 03:30 EST:
#       3 h on the wall clock, 4 h = 240 min really (the DST day).
#  4 N2 North account A1, 11-10 23:00 -> 11-11 01:00: crosses midnight,
#       120 min, all of it on 11-10.
#  5 N3 North 40 cust, 11-12 10:00 -> 10:03: 3 min, momentary.
#  6 N4 North account A1, 11-20 10:00 -> 10:10: 10 min.
#  7 N5 North account A2, 11-20 11:00 -> 11:30: 30 min.
#  8 S1 South 20 cust (part of the area), 11-15 08:00 -> 09:00: 60 min.
#  9 S2 South 50 cust, 11-16 08:00 -> 08:05: exactly 5 min: momentary
#       (sustained means longer than 5 min).
# 10 X1 West (no customers.csv row): not counted.
#
# North, N = 100. Sustained CI = 100 + 1 + 1 + 1 = 103;
#   CMI = 100 x 240 + 120 + 10 + 30 = 24160 min.
#   SAIFI = 103/100 = 1.030; SAIDI = 24160/100 = 241.600 min;
#   CAIDI = 24160/103 = 234.5631 -> 234.563 min; MAIFI_E = 40/100 = 0.400.
#   N1 hit the whole area, so every customer is interrupted: CN = 100,
#   CAIFI = 103/100 = 1.030. CEMI_2 (more than 2): everyone has 1 from N1;
#   A1 has 1 + 2 = 3 > 2, A2 1 + 1 = 2: 1 customer = 1.00% (100 bp).
#   CELID_4h (more than 4 h in all): N1 alone is 4 h exactly, not more;
#   A1 4h + 130 min and A2 4h + 30 min are more: 2 = 2.00% (200 bp).
# South, N = 50. CI = 20, CMI = 1200 min: SAIFI 0.400, SAIDI 24.000,
#   CAIDI 60.000; MAIFI_E = 50/50 = 1.000. No account, no whole-area
#   outage: CN = the largest partial outage, 20: CAIFI 1.000; CEMI 0,
#   CELID 0.
# System, N = 150: CI 123, CMI 25360, momentary 90.
#   SAIFI = 0.820; SAIDI = 25360/150 = 169.0667 -> 169.067;
#   CAIDI = 25360/123 = 206.1789 -> 206.179; CAIFI = 123/(100+20) = 1.025;
#   MAIFI_E = 90/150 = 0.600; CEMI = 1/150 = 66.7 bp -> 67;
#   CELID = 2/150 = 133.3 bp -> 133.
#
# Daily SAIDI (system, sustained, by the day an interruption began):
#   11-01 24000/150 = 160 min; 11-10 120/150 = 0.800; 11-15 1200/150 =
#   8.000; 11-20 40/150 = 0.2667 -> 0.267. t_med = 3h = 180 min: no day
#   above it, so the figures without MEDs equal those with.
#
# Targets per area (judge = areas): SAIFI 1.00, SAIDI 4h = 240 min, CAIDI
# 3h = 180 min, MAIFI_E 0.50. North: SAIFI 1.030 > 1.000 (short 0.030),
# SAIDI 241.600 > 240 (1.600), CAIDI 234.563 > 180 (54.563), MAIFI 0.40
# fine. South: only MAIFI_E 1.000 > 0.500. Result FAIL, measured = the
# system SAIDI 169067 thousandths of a minute, target 240000, 2 areas.

cat > customers.csv <<'CSV'
area,customers_served
North,100
South,50
CSV
cat > outages.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,customers_affected
O0,,North,2026-10-31 23:00,2026-11-01 00:30,10
N1,,North,2026-11-01T00:30:00-04:00,2026-11-01T03:30:00-05:00,100
N2,A1,North,2026-11-10 23:00,2026-11-11 01:00,1
N3,,North,2026-11-12 10:00,2026-11-12 10:03,40
N4,A1,North,2026-11-20 10:00,2026-11-20 10:10,1
N5,A2,North,2026-11-20 11:00,2026-11-20 11:30,1
S1,,South,2026-11-15 08:00,2026-11-15 09:00,20
S2,,South,2026-11-16 08:00,2026-11-16 08:05,50
X1,,West,2026-11-03 08:00,2026-11-03 09:00,70
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
judge = areas
saifi_max = 1.00
saidi_max = 4h
caidi_max = 3h
maifi_max = 0.50
cemi_n = 2
celid_t = 4h
t_med = 3h
INI

ingest America/New_York --outages outages.csv --customers customers.csv
expect_sql "SELECT kind, rows_read, rows_stored, rows_rejected FROM sources ORDER BY id" \
"outages|9|9|0
customers|2|2|0"
check --period 2026-11
expect_exit 0
expect_result rel "FAIL|169067|240000|milli|2|4"
expect_breaches rel "North SAIFI|1030|1000|30
North SAIDI|241600|240000|1600
North CAIDI|234563|180000|54563
South MAIFI_E|1000|500|500"
expect_evidence rel "North SAIFI" \
    "outages.csv:3 outages.csv:4 outages.csv:5 outages.csv:6 outages.csv:7"
expect_evidence rel "South MAIFI_E" "outages.csv:8 outages.csv:9"
expect_sql "SELECT subject, name, value, unit FROM figures
            WHERE result_id = $(rid rel) AND subject IN ('North', 'South', 'system')
            ORDER BY run, k" \
"North|customers_served|100|count
North|saifi|1030|milli
North|saidi|241600|milli
North|caidi|234563|milli
North|caifi|1030|milli
North|maifi_e|400|milli
North|cemi|100|bp
North|celid|200|bp
South|customers_served|50|count
South|saifi|400|milli
South|saidi|24000|milli
South|caidi|60000|milli
South|caifi|1000|milli
South|maifi_e|1000|milli
South|cemi|0|bp
South|celid|0|bp
system|customers_served|150|count
system|saifi|820|milli
system|saidi|169067|milli
system|caidi|206179|milli
system|caifi|1025|milli
system|maifi_e|600|milli
system|cemi|67|bp
system|celid|133|bp
system|t_med|180000|milli"
# Without MEDs (none here) the same.
expect_sql "SELECT value FROM figures WHERE result_id = $(rid rel)
            AND subject = 'system excl. MEDs' AND name = 'saidi'" "169067"
expect_series rel daily.saidi "$(daynum 2026-11-01)" 160000
expect_series rel daily.saidi "$(daynum 2026-11-10)" 800
expect_series rel daily.saidi "$(daynum 2026-11-15)" 8000
expect_series rel daily.saidi "$(daynum 2026-11-20)" 267
expect_series rel daily.saidi "$(daynum 2026-11-11)" 0
expect_sql "SELECT count(*) FROM series WHERE result_id = $(rid rel)
            AND name = 'daily.saidi'" "30"
expect_sql "SELECT method LIKE '%Major event days: none.%'
            AND method LIKE '%1 interruptions outside the areas judged%'
            FROM results WHERE id = $(rid rel)" "1"

# Judged system-wide against SAIFI 0.80: 0.820 is above it by 0.020.
sed -i 's/^judge = areas/judge = system/; s/^saifi_max = 1.00/saifi_max = 0.80/' "$G"
sed -i '/^saidi_max/d; /^caidi_max/d; /^maifi_max/d' "$G"
check --period 2026-11
expect_result rel "FAIL|169067|0|milli|1|1"
expect_breaches rel "system SAIFI|820|800|20"
