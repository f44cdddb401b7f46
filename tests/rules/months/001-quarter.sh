# Months inside a quarter: each rate guarantee judged on each calendar
# month of 2026-Q4 in the filing's zone (America/Los_Angeles), then over
# the quarter, with runs of failing months (corrective_after = 2).
# Every figure below is worked out by hand from the rows written here.
#
# repair (restoration, within 24h, target 80%, services oos):
#   Oct R1 2 h, R2 12 h, R3 23 h, R4 24 h exactly (not over): 4 of 4 =
#       100.00% -> PASS.
#   Nov R5 1 h in time, R6 25 h late: 1 of 2 = 50.00% -> FAIL.
#   (Breaches over the quarter: R6 and R7, 2.)
#   Dec R7 48 h late: 0 of 1 = 0.00% -> FAIL.
#   Quarter: pooled 5 of 7 = 71.4285...% -> 7143 bp -> FAIL (the mean of
#   the monthly rates would be (100 + 50 + 0) / 3 = 50.00%: not it).
#   Runs: Nov-Dec, 2 months -> corrective action due.
#
# every (restoration as repair, no target: every outage within 24 h):
#   the same months and verdicts (a month fails with any late outage):
#   PASS, FAIL, FAIL, quarter FAIL; its target is the time, 86400 s,
#   stored in seconds (not a share).
#
# answer (answer_time, queue repair, 60 s, 80%, per = period):
#   Oct A1-A4 answered in 10-50 s, A5 at 120 s: 4 of 5 = 80.00% -> PASS.
#   Nov: no call -> NO DATA (never a pass); no share: -1.
#   Dec A6 answered at 90 s: 0 of 1 -> FAIL.
#   Quarter: 4 of 6 = 66.666...% -> 6667 bp -> FAIL.
#   Runs: Dec alone, 1 month (Nov's NO DATA breaks it): not due.
#
# troubles (trouble_rate, max 2 per 100 lines a month, lines_by_area
# North: 100, South: 200, services trouble):
#   Oct North T1 T2 T3 = 3/100 = 3.00 > 2 FAIL; South T4 T5 = 2/200 =
#       1.00 PASS. T3 is 2026-10-31 23:30 local (11-01 06:30 UTC): an
#       October report in the filing's zone. Month FAIL, pooled 5/300 =
#       1.666... -> 167 bp.
#   Nov North T6 = 1/100 PASS; South T7-T11 = 5/200 = 2.50 FAIL. Month
#       FAIL, pooled 6/300 = 200 bp.
#   Dec North T12 (12-01 00:00 local) = 1/100 PASS; South T13 (12-31
#       23:59 local, 2027-01-01 07:59 UTC) = 1/200 = 0.50 PASS. Month
#       PASS, pooled 2/300 = 0.666... -> 67 bp.
#   Quarter: FAIL (the rule's highest month, 300 bp, as stored before);
#       pooled 13/900 = 1.444... -> 144 bp. North 5/300 -> 167 bp FAIL
#       (October breached); South 8/600 -> 133 bp FAIL (November).
#   Runs are per unit (the standard judges each unit): North fails
#   October alone, South November alone: two runs of 1 month, none due,
#   though the guarantee as a whole failed October and November.
#
# tight (trouble_rate as troubles, max 0.9 per 100 = 90 bp; a unit fails
# when reports x 10000 > 90 x lines):
#   North 3/100, 1/100, 1/100: 10000 > 9000 each month -> FAIL x 3.
#   South 2/200 (20000 > 18000) FAIL, 5/200 FAIL, 1/200 (10000) PASS.
#   Months FAIL, FAIL, FAIL (North); quarter FAIL with 5 breaches.
#   Runs: North Oct-Dec, 3 months -> due; South Oct-Nov, 2 -> due.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
R1,North,oos,2026-10-05 08:00:00,2026-10-05 10:00:00
R2,North,oos,2026-10-12 08:00:00,2026-10-12 20:00:00
R3,North,oos,2026-10-19 08:00:00,2026-10-20 07:00:00
R4,North,oos,2026-10-26 08:00:00,2026-10-27 08:00:00
R5,North,oos,2026-11-09 08:00:00,2026-11-09 09:00:00
R6,North,oos,2026-11-16 08:00:00,2026-11-17 09:00:00
R7,North,oos,2026-12-07 08:00:00,2026-12-09 08:00:00
T1,North,trouble,2026-10-02 10:00:00,2026-10-02 11:00:00
T2,North,trouble,2026-10-15 10:00:00,2026-10-15 11:00:00
T3,North,trouble,2026-10-31 23:30:00,2026-11-01 00:30:00
T4,South,trouble,2026-10-03 10:00:00,2026-10-03 11:00:00
T5,South,trouble,2026-10-20 10:00:00,2026-10-20 11:00:00
T6,North,trouble,2026-11-10 10:00:00,2026-11-10 11:00:00
T7,South,trouble,2026-11-02 10:00:00,2026-11-02 11:00:00
T8,South,trouble,2026-11-05 10:00:00,2026-11-05 11:00:00
T9,South,trouble,2026-11-12 10:00:00,2026-11-12 11:00:00
T10,South,trouble,2026-11-19 10:00:00,2026-11-19 11:00:00
T11,South,trouble,2026-11-26 10:00:00,2026-11-26 11:00:00
T12,North,trouble,2026-12-01 00:00:00,2026-12-01 01:00:00
T13,South,trouble,2026-12-31 23:59:00,2026-12-31 23:59:30
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
A1,repair,2026-10-05 10:00:00,2026-10-05 10:00:10,2026-10-05 10:05:00,answered
A2,repair,2026-10-06 10:00:00,2026-10-06 10:00:20,2026-10-06 10:05:00,answered
A3,repair,2026-10-07 10:00:00,2026-10-07 10:00:30,2026-10-07 10:05:00,answered
A4,repair,2026-10-08 10:00:00,2026-10-08 10:00:50,2026-10-08 10:05:00,answered
A5,repair,2026-10-09 10:00:00,2026-10-09 10:02:00,2026-10-09 10:05:00,answered
A6,repair,2026-12-10 10:00:00,2026-12-10 10:01:30,2026-12-10 10:05:00,answered
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles
corrective_after = 2

[guarantee repair]
promise = 80% of out-of-service tickets restored within 24 hours
source = service standards
kind = restoration
within = 24h
target = 80%
services = oos

[guarantee every]
promise = Every out-of-service ticket restored within 24 hours
source = service standards
kind = restoration
within = 24h
services = oos

[guarantee answer]
promise = 80% of repair calls answered within 60 seconds
source = service standards
kind = answer_time
queues = repair
within = 60s
target = 80%
per = period

[guarantee troubles]
promise = At most 2 trouble reports per 100 lines a month
source = service standards
kind = trouble_rate
max_per_100 = 2
lines_by_area = North: 100, South: 200
services = trouble

[guarantee tight]
promise = At most 0.9 trouble reports per 100 lines a month
source = service standards
kind = trouble_rate
max_per_100 = 0.9
lines_by_area = North: 100, South: 200
services = trouble
INI

# subject|status|measured|num|den of each column, in the order written.
months() { # GID
    sql "SELECT subject,
                max(CASE WHEN name = 'month.status' THEN value END),
                max(CASE WHEN name = 'month.measured' THEN value END),
                max(CASE WHEN name = 'month.num' THEN value END),
                max(CASE WHEN name = 'month.den' THEN value END)
         FROM figures WHERE result_id = $(rid "$1")
         AND name IN ('month.status', 'month.measured', 'month.num',
                      'month.den')
         GROUP BY subject ORDER BY min(run), min(k)"
}
runs() { # GID
    sql "SELECT subject, name, value FROM figures
         WHERE result_id = $(rid "$1") AND (subject LIKE 'run %'
               OR subject = 'corrective') ORDER BY run, k"
}

ingest "$LA" --outages outages.csv --calls calls.csv
check --period 2026-Q4
expect_exit 0
# The quarter's results are as they were (1 = PASS, 0 = FAIL, 2 = NO DATA).
expect_result repair "FAIL|7143|8000|bp|7|2"
expect_result answer "FAIL|6667|8000|bp|6|1"
expect_result troubles "FAIL|300|200|bp|6|2"
expect_eq "repair by month" "2026-10|1|10000|4|4
2026-11|0|5000|1|2
2026-12|0|0|0|1
period|0|7143|5|7" "$(months repair)"
expect_eq "repair runs" "corrective|month.corrective_after|2
run 2026-11|month.run|2
run 2026-11|month.run_due|1" "$(runs repair)"
expect_eq "every by month" "2026-10|1|10000|4|4
2026-11|0|5000|1|2
2026-12|0|0|0|1
period|0|7143|5|7" "$(months every)"
expect_sql "SELECT value, unit FROM figures WHERE result_id = $(rid every)
            AND subject = 'period' AND name = 'month.target'" "86400|s"
expect_eq "answer by month" "2026-10|1|8000|4|5
2026-11|2|-1|0|0
2026-12|0|0|0|1
period|0|6667|4|6" "$(months answer)"
expect_eq "answer runs" "corrective|month.corrective_after|2
run 2026-12|month.run|1
run 2026-12|month.run_due|0" "$(runs answer)"
expect_eq "troubles by month and unit" "2026-10|0|167|5|300
2026-10 North|0|300|3|100
2026-10 South|1|100|2|200
2026-11|0|200|6|300
2026-11 North|1|100|1|100
2026-11 South|0|250|5|200
2026-12|1|67|2|300
2026-12 North|1|100|1|100
2026-12 South|1|50|1|200
period|0|144|13|900
period North|0|167|5|300
period South|0|133|8|600" "$(months troubles)"
expect_eq "troubles runs: per unit, none due" "corrective|month.corrective_after|2
run 2026-10 North|month.run|1
run 2026-10 North|month.run_due|0
run 2026-11 South|month.run|1
run 2026-11 South|month.run_due|0" "$(runs troubles)"
expect_result tight "FAIL|300|90|bp|6|5"
expect_eq "tight: statuses by month and unit" "2026-10|0
2026-10 North|0
2026-10 South|0
2026-11|0
2026-11 North|0
2026-11 South|0
2026-12|0
2026-12 North|0
2026-12 South|1
period|0
period North|0
period South|0" "$(months tight | cut -d'|' -f1,2)"
expect_eq "tight runs: both units due" "corrective|month.corrective_after|2
run 2026-10 North|month.run|3
run 2026-10 North|month.run_due|1
run 2026-10 South|month.run|2
run 2026-10 South|month.run_due|1" "$(runs tight)"
# No scratch result outlives the check: five results, no more.
expect_sql "SELECT count(*) FROM results" 5

# A one-month period has no months figures.
check --period 2026-10
expect_exit 0
expect_sql "SELECT count(*) FROM figures WHERE name LIKE 'month.%'
            AND result_id IN (SELECT id FROM results WHERE check_id =
                              (SELECT max(id) FROM checks))" 0

# Days across two months are no months: no table of half months.
check --allow-incomplete --period 2026-10-15..2026-11-14
expect_exit 0
expect_sql "SELECT count(*) FROM figures WHERE name LIKE 'month.%'
            AND result_id IN (SELECT id FROM results WHERE check_id =
                              (SELECT max(id) FROM checks))" 0
