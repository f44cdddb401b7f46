# Targets relative to past years ("no worse than the last 3 years'
# average + 10 %"), worked out on paper.
#
# Zone America/Chicago, period 2026, baseline_years 3 (2023, 2024, 2025:
# the same period each year before), t_med = 10h = 600 min per day (given,
# so every year's major event days are the days above 600 min).
# customers.csv: North 100 from 2020, 200 from 2025-06-01; South 50. A
# year's N is the count in effect on its last day: 2023 and 2024 North
# 100, system 150; 2025 and 2026 North 200, system 250.
#
# 2023: no interruption at all: taken as not loaded, left out of the
#   averages (not a perfect year).
# 2024:
#   A1 North 2024-03-10 10:00 -> 12:00, 50 cust: 120 min, CMI 6000.
#   A2 North 2024-07-01 08:00 -> 08:03, 100 cust: momentary (3 min).
#   A3 South 2024-05-05 09:00 -> 10:30, 25 cust: 90 min, CMI 2250.
#   A4 North 2024-08-20 00:00 -> 08-21 00:00, 100 cust: 1440 min, CMI
#      144000; that day's system SAIDI 144000/150 = 960 > 600: a major
#      event day, left out (meds = exclude). Other days: 40, 15 min.
#   North: CI 50, CMI 6000, N 100: SAIFI 0.500, SAIDI 60.000, CAIDI
#     120.000, MAIFI_E 1.000.
#   South: CI 25, CMI 2250, N 50: SAIFI 0.500, SAIDI 45.000, CAIDI 90.000,
#     MAIFI_E 0.
#   System: CI 75, CMI 8250, N 150: SAIFI 0.500, SAIDI 55.000, CAIDI
#     110.000, MAIFI_E 100/150 = 0.6667 -> 0.667.
# 2025:
#   B1 North 2025-02-02 10:00 -> 11:00, 40 cust: 60 min, CMI 2400.
#   B2 North 2025-09-09 10:00 -> 13:00, 60 cust: 180 min, CMI 10800.
#   B3 South 2025-12-31 20:00, never restored, 10 cust: counts to its
#      year's end, 2026-01-01 00:00: 240 min, CMI 2400 (9.6 min that day).
#   North: CI 100, CMI 13200, N 200: SAIFI 0.500, SAIDI 66.000, CAIDI
#     132.000, MAIFI_E 0.
#   South: CI 10, CMI 2400, N 50: SAIFI 0.200, SAIDI 48.000, CAIDI 240.000.
#   System: CI 110, CMI 15600, N 250: SAIFI 0.440, SAIDI 62.400, CAIDI
#     15600/110 = 141.818, MAIFI_E 0.
# 2026 (the period):
#   C1 North 2026-04-04 10:00 -> 11:30, 110 cust: 90 min, CMI 9900.
#   C2 North 2026-10-10 10:00 -> 10:40, 5 cust: 40 min, CMI 200.
#   C3 South 2026-06-06 10:00 -> 13:20, 10 cust: 200 min, CMI 2000.
#   North N 200: CI 115, SAIFI 0.575, SAIDI 10100/200 = 50.500, CAIDI
#     10100/115 = 87.826. South N 50: CI 10, SAIFI 0.200, SAIDI 40.000,
#     CAIDI 200.000. System N 250: CI 125, SAIFI 0.500, SAIDI 12100/250 =
#     48.400.
#
# Part 1: judge = areas, baseline = saifi, saidi, caidi, margin 10%.
#   Averages over 2024 and 2025 (2023 left out):
#   North SAIFI (500 + 500)/2 = 500, SAIDI (60000 + 66000)/2 = 63000,
#     CAIDI (120000 + 132000)/2 = 126000, MAIFI_E (1000 + 0)/2 = 500.
#   South SAIFI 350, SAIDI 46500, CAIDI 165000, MAIFI_E 0.
#   Limits x 1.10: North SAIFI 550, SAIDI 69300, CAIDI 138600; South
#     SAIFI 385, SAIDI 51150, CAIDI 181500.
#   North SAIFI 0.575 > 0.550 (115 x 1000 > 550 x 200): breach, short 25.
#   South CAIDI 200.000 > 181.500 (120000 s x 1000 > 181500 x 60 x 10):
#     breach, short 18500. Everything else within.
#   Result FAIL, measured = system SAIDI 48400, no SAIDI target (judged
#   per area), 2 areas, 2 breaches.
# Part 2: judge = system, baseline = saifi, saidi, maifi, margin 5%.
#   System averages: SAIFI (500 + 440)/2 = 470, SAIDI (55000 + 62400)/2 =
#   58700, MAIFI_E (667 + 0)/2 = 333.5 -> 334. Limits x 1.05: SAIFI 493.5
#   -> 494, SAIDI 61635, MAIFI_E 350.7 -> 351. SAIFI 0.500 > 0.494: breach
#   short 6; SAIDI 48.400 and MAIFI_E 0 within. The result's target is
#   the system SAIDI limit, 61635.
# Part 3: meds = include: 2024 keeps A4: system CI 175, CMI 152250, N 150:
#   SAIFI 1.1667 -> 1167, SAIDI 1015.000.
# Part 4: --period 2024 with only a baseline: its years 2021 to 2023 have
#   no interruption, so there is no average, nothing is judged: NO DATA.

cat > customers.csv <<'CSV'
area,customers_served,as_of
North,100,2020-01-01
North,200,2025-06-01
South,50,2020-01-01
CSV
cat > outages.csv <<'CSV'
outage_id,area,started_at,restored_at,customers_affected
A1,North,2024-03-10 10:00,2024-03-10 12:00,50
A2,North,2024-07-01 08:00,2024-07-01 08:03,100
A3,South,2024-05-05 09:00,2024-05-05 10:30,25
A4,North,2024-08-20 00:00,2024-08-21 00:00,100
B1,North,2025-02-02 10:00,2025-02-02 11:00,40
B2,North,2025-09-09 10:00,2025-09-09 13:00,60
B3,South,2025-12-31 20:00,,10
C1,North,2026-04-04 10:00,2026-04-04 11:30,110
C2,North,2026-10-10 10:00,2026-10-10 10:40,5
C3,South,2026-06-06 10:00,2026-06-06 13:20,10
CSV
cat > "$G" <<'INI'
[filing]
carrier = Example Electric
commission = K
timezone = America/Chicago

[guarantee rel]
promise = no worse than the last three years, give or take a tenth
source = tariff
kind = reliability
judge = areas
baseline = saifi, saidi, caidi
baseline_years = 3
baseline_margin = 10%
t_med = 10h
INI

ingest America/Chicago --outages outages.csv --customers customers.csv
check --period 2026
expect_exit 0
expect_result rel "FAIL|48400|0|milli|2|2"
expect_breaches rel "North SAIFI (baseline)|575|550|25
South CAIDI (baseline)|200000|181500|18500"
expect_evidence rel "North SAIFI (baseline)" "outages.csv:9 outages.csv:10"
expect_sql "SELECT subject, name, value FROM figures
            WHERE result_id = $(rid rel) AND subject LIKE 'North excl. MEDs, %'
            ORDER BY run, k" \
"North excl. MEDs, 2023|customers_served|100
North excl. MEDs, 2023|saifi|-1
North excl. MEDs, 2023|saidi|-1
North excl. MEDs, 2023|caidi|-1
North excl. MEDs, 2023|maifi_e|-1
North excl. MEDs, 2024|customers_served|100
North excl. MEDs, 2024|saifi|500
North excl. MEDs, 2024|saidi|60000
North excl. MEDs, 2024|caidi|120000
North excl. MEDs, 2024|maifi_e|1000
North excl. MEDs, 2025|customers_served|200
North excl. MEDs, 2025|saifi|500
North excl. MEDs, 2025|saidi|66000
North excl. MEDs, 2025|caidi|132000
North excl. MEDs, 2025|maifi_e|0
North excl. MEDs, average|saifi|500
North excl. MEDs, average|saidi|63000
North excl. MEDs, average|caidi|126000
North excl. MEDs, average|maifi_e|500
North excl. MEDs, limit|saifi|550
North excl. MEDs, limit|saidi|69300
North excl. MEDs, limit|caidi|138600"
expect_sql "SELECT subject, name, value FROM figures
            WHERE result_id = $(rid rel) AND subject LIKE 'South excl. MEDs, %'
            AND subject NOT LIKE '%2023' ORDER BY run, k" \
"South excl. MEDs, 2024|customers_served|50
South excl. MEDs, 2024|saifi|500
South excl. MEDs, 2024|saidi|45000
South excl. MEDs, 2024|caidi|90000
South excl. MEDs, 2024|maifi_e|0
South excl. MEDs, 2025|customers_served|50
South excl. MEDs, 2025|saifi|200
South excl. MEDs, 2025|saidi|48000
South excl. MEDs, 2025|caidi|240000
South excl. MEDs, 2025|maifi_e|0
South excl. MEDs, average|saifi|350
South excl. MEDs, average|saidi|46500
South excl. MEDs, average|caidi|165000
South excl. MEDs, average|maifi_e|0
South excl. MEDs, limit|saifi|385
South excl. MEDs, limit|saidi|51150
South excl. MEDs, limit|caidi|181500"
expect_sql "SELECT method LIKE '%Baseline for SAIFI, SAIDI, CAIDI: each index''s average over the same period of each of the 3 years before (2023, 2024, 2025; major event days: without the days above the t_med given); a year without any interruption recorded is taken as not loaded and left out of the average (2023); the limit is the average + 10.00%.%'
            FROM results WHERE id = $(rid rel)" "1"
expect_sql "SELECT target_text FROM results WHERE id = $(rid rel)" \
"at most SAIFI, SAIDI, CAIDI: the average of the 3 years before + 10.00%, in each area, major event days excluded"

sed -i 's/^judge = areas/judge = system/; s/^baseline = .*/baseline = saifi, saidi, maifi/; s/^baseline_margin = .*/baseline_margin = 5%/' "$G"
check --period 2026
expect_result rel "FAIL|48400|61635|milli|1|1"
expect_breaches rel "system SAIFI (baseline)|500|494|6"
expect_sql "SELECT subject, name, value FROM figures
            WHERE result_id = $(rid rel) AND subject LIKE 'system excl. MEDs, %'
            AND subject NOT LIKE '%2023' ORDER BY run, k" \
"system excl. MEDs, 2024|customers_served|150
system excl. MEDs, 2024|saifi|500
system excl. MEDs, 2024|saidi|55000
system excl. MEDs, 2024|caidi|110000
system excl. MEDs, 2024|maifi_e|667
system excl. MEDs, 2025|customers_served|250
system excl. MEDs, 2025|saifi|440
system excl. MEDs, 2025|saidi|62400
system excl. MEDs, 2025|caidi|141818
system excl. MEDs, 2025|maifi_e|0
system excl. MEDs, average|saifi|470
system excl. MEDs, average|saidi|58700
system excl. MEDs, average|caidi|125909
system excl. MEDs, average|maifi_e|334
system excl. MEDs, limit|saifi|494
system excl. MEDs, limit|saidi|61635
system excl. MEDs, limit|maifi_e|351"

echo "meds = include" >> "$G"
check --period 2026
expect_sql "SELECT name, value FROM figures WHERE result_id = $(rid rel)
            AND subject = 'system, 2024' AND name IN ('saifi', 'saidi')
            ORDER BY k" \
"saifi|1167
saidi|1015000"

# NO DATA is a serious data-quality problem: exit 2 without
# --allow-incomplete.
check --period 2024
expect_exit 2
expect_sql "SELECT status, breaches FROM results WHERE id = $(rid rel)" "NO DATA|0"
