# answer_time: 80% within 60 s, judged per local day.
#
# Guarantee: queues = tech_support, within = 60s, target = 80% (8000 bp),
# per = day (default), count_abandoned = yes, short_abandon = 0s.
# Zone America/Los_Angeles (PDT, UTC-7).
#
# line leg  local arrival          outcome            wait  in time?
# Mon 2026-10-05
#  2   A1   10-05 10:00:00         answered           10    yes
#  3   A2   10-05 10:10:00         answered           60    yes (exactly 60)
#  4   A3   10-05 10:20:00         answered           30    yes
#  5   A4   10-05 10:30:00         answered           45    yes
#  6   A5   10-05 10:40:00         answered           61    no
#        -> 4 of 5 = 80.00% = 8000 bp: exactly the target, passes
# Tue 2026-10-06
#  7   B1   10-06 09:00:00         answered            5    yes
#  8   B2   10-06 09:10:00         answered           60    yes
#  9   B3   10-06 09:20:00         answered           20    yes
# 10   B4   10-06 09:30:00         answered           59    yes
# 11   B5   10-06 09:40:00         answered           61    no
# 12   B6   10-06 23:59:30         closed             20    no  (still 10-06
#                                  locally; 10-07 06:59:30 in UTC)
#        -> 4 of 6 = 66.667% -> 6667 bp < 8000: breach '2026-10-06',
#           measured 6667, limit 8000, shortfall 1333, evidence lines 11, 12
# Wed 2026-10-07
# 13   C1   10-07 00:00:10         answered           10    yes -> 1 of 1
# Thu 2026-10-08
# 14   X1   billing, closed: not a covered queue -> no figure for 10-08
#
# Period: 9 of 12 in time = 75.00% = 7500 bp; one breach -> FAIL.
# daily.level / daily.offered by local day number (days since 1970-01-01;
# 2026-01-01 is day 56*365 + 14 leap days = 20454, so 10-05 = 20454 + 277
# = 20731): 20731 -> 8000 / 5, 20732 -> 6667 / 6, 20733 -> 10000 / 1.
# The breach is at local midnight of 10-06 = 2026-10-06 07:00 UTC.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
A1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:10,2026-10-05 10:05:00,answered
A2,tech_support,2026-10-05 10:10:00,2026-10-05 10:11:00,2026-10-05 10:15:00,answered
A3,tech_support,2026-10-05 10:20:00,2026-10-05 10:20:30,2026-10-05 10:25:00,answered
A4,tech_support,2026-10-05 10:30:00,2026-10-05 10:30:45,2026-10-05 10:35:00,answered
A5,tech_support,2026-10-05 10:40:00,2026-10-05 10:41:01,2026-10-05 10:45:00,answered
B1,tech_support,2026-10-06 09:00:00,2026-10-06 09:00:05,2026-10-06 09:05:00,answered
B2,tech_support,2026-10-06 09:10:00,2026-10-06 09:11:00,2026-10-06 09:15:00,answered
B3,tech_support,2026-10-06 09:20:00,2026-10-06 09:20:20,2026-10-06 09:25:00,answered
B4,tech_support,2026-10-06 09:30:00,2026-10-06 09:30:59,2026-10-06 09:35:00,answered
B5,tech_support,2026-10-06 09:40:00,2026-10-06 09:41:01,2026-10-06 09:45:00,answered
B6,tech_support,2026-10-06 23:59:30,,2026-10-06 23:59:50,closed
C1,tech_support,2026-10-07 00:00:10,2026-10-07 00:00:20,2026-10-07 00:05:00,answered
X1,billing,2026-10-08 10:00:00,,2026-10-08 10:00:20,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee sl]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result sl "FAIL|7500|8000|bp|12|1"
expect_breaches sl "2026-10-06|6667|8000|1333"
expect_evidence sl 2026-10-06 "calls.csv:11 calls.csv:12"
expect_sql "SELECT subject_kind, at, unit FROM breaches WHERE result_id = $(rid sl)" \
    "day|$(utc '2026-10-06 07:00:00')|bp"
expect_eq "day number of 2026-10-05" 20731 "$(daynum 2026-10-05)"
expect_sql "SELECT k, v FROM series WHERE result_id = $(rid sl)
            AND name = 'daily.level' ORDER BY k" "20731|8000
20732|6667
20733|10000"
expect_sql "SELECT k, v FROM series WHERE result_id = $(rid sl)
            AND name = 'daily.offered' ORDER BY k" "20731|5
20732|6
20733|1"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid sl)" \
    "9 of 12 calls answered within 1 min (75.00%)"
