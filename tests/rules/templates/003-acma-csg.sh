# templates/guarantees/acma-csg.ini over October 2026 (Australia/Sydney;
# daylight saving starts Sun 2026-10-04, 02:00 -> 03:00). Working days:
# Mon-Fri, no national holiday in October. Damages 14.52 AUD per working
# day for 5 days, then 48.40.
#
# fault-rectification (from the report: urban end of next WD, rural 2nd,
# remote 3rd):
#   F1 urban   Fri 10-02 10:00, deadline end of Mon 10-05, restored Mon
#      10-05 18:00 -> in time.
#   F2 remote  Tue 10-06 09:00, deadline end of Fri 10-09 (Wed, Thu, Fri) =
#      Sat 10-10 00:00, restored Wed 10-14 12:00 -> late. Measured 10-06
#      09:00 -> 10-14 12:00 = 8 d 3 h = 195 h = 702000 s, limit to 10-10 00:00
#      = 87 h = 313200, shortfall 388800. Working days late (days beginning from the
#      deadline up to restoration): Mon 12, Tue 13, Wed 14 = 3 x 14.52 = 43.56.
#   F3 urban   catastrophic -> excluded.
#   F4 major_rural Thu 10-29 10:00, still open; deadline end of Mon 11-02,
#      after the period: pending, not judged (issue 23; it used to count
#      as in time).
#   F5 urban   Thu 10-01 09:00 (AEST, +10), deadline end of Fri 10-02 = Sat
#      10-03 00:00 (+10), restored Mon 10-12 10:00 (AEDT, +11): measured
#      11 d 1 h of wall clock less the lost DST hour = 264 h = 950400 s,
#      limit 39 h = 140400, shortfall 810000. Working days late: Mon 5, Tue
#      6, Wed 7, Thu 8, Fri 9, Mon 12 = 6 -> 5 x 14.52 + 1 x 48.40 = 121.00.
#   No target: measured = longest 950400, FAIL, subjects 3, breaches F5, F2
#   (start order), owed 43.56 + 121.00 = 164.56.
#
# connection (urban 5 WD, remote 15 WD, or an earlier promised date):
#   C1 urban ordered Thu 10-01 10:00, promised 10-20 (later): 5th working
#      day after the order day is Thu 10-08 -> due Fri 10-09 00:00; done
#      Fri 10-09 10:00: 1 working day (Fri) = 14.52.
#   C2 remote ordered 10-01, promised 10-06 (earlier than 15 WD, binding):
#      due Wed 10-07 00:00; done Wed 10-07 09:00: 1 working day = 14.52.
#   C3 the customer asked for a later date -> excluded.
#   0 of 2 on time, FAIL, 2 breaches, 29.04.
#
# appointments (window at most 5 h): AP1 window 08:00-14:00 = 6 h: a breach
#   (21600 against 18000, +3600), kept (arrived 09:00). AP2 08:00-12:00,
#   arrived 12:30: missed, 14.52. kept 1 of 2 = 50%, FAIL, 2 breaches.

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,reported_at,restored_at,location_class,exclusion
F5,A5,2026-10-01 09:00,2026-10-01 09:00,2026-10-12 10:00,urban,
F1,A1,2026-10-02 10:00,2026-10-02 10:00,2026-10-05 18:00,urban,
F2,A2,2026-10-06 09:00,2026-10-06 09:00,2026-10-14 12:00,remote,
F3,A3,2026-10-07 09:00,2026-10-07 09:00,2026-10-20 12:00,urban,catastrophic
F4,A4,2026-10-29 10:00,2026-10-29 10:00,,major_rural,
CSV

cat > orders.csv <<'CSV'
order_id,account_id,location_class,ordered_at,promised_at,completed_at,customer_requested_later
C1,A1,urban,2026-10-01 10:00,2026-10-20,2026-10-09 10:00,no
C2,A2,remote,2026-10-01 10:00,2026-10-06,2026-10-07 09:00,no
C3,A3,urban,2026-10-01 10:00,2026-10-06,2026-10-27 09:00,yes
CSV

cat > appointments.csv <<'CSV'
appointment_id,account_id,window_start,window_end,arrived_at
AP1,A1,2026-10-05 08:00,2026-10-05 14:00,2026-10-05 09:00
AP2,A2,2026-10-06 08:00,2026-10-06 12:00,2026-10-06 12:30
CSV

run_ombud run --guarantees "$TEMPLATES/acma-csg.ini" --outages outages.csv \
    --orders orders.csv --appointments appointments.csv --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_result fault-rectification "FAIL|950400|0|s|3|2"
expect_sql "SELECT subject, measured, limit_value, shortfall, amount FROM breaches
            WHERE result_id = $(rid fault-rectification) ORDER BY id" \
    "F5|950400|140400|810000|12100
F2|702000|313200|388800|4356"
expect_result connection "FAIL|0|10000|bp|2|2"
expect_sql "SELECT subject, amount FROM breaches WHERE result_id = $(rid connection)
            ORDER BY id" "C1|1452
C2|1452"
expect_result appointments "FAIL|5000|10000|bp|2|2"
expect_sql "SELECT subject, measured, limit_value, amount FROM breaches
            WHERE result_id = $(rid appointments) ORDER BY id" \
    "AP1|21600|18000|0
AP2|16200|14400|1452"
