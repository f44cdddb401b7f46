# Ofcom automatic compensation returns (paid_within_days = 30): per type
# and month, cases / owed / paid / short / paid in full within 30 days,
# over October 2026 and then the quarter 2026-Q4 (Europe/London; BST ends
# Sun 2026-10-25). Amounts from April 2026: 10.34 / 32.31 / 6.46 GBP.
# A case is one owing something, counted in the month it became due:
# repair -> restored_at; missed appointment -> window end (+ grace 0) for
# a no-show or late arrival, the cancellation time for a short-notice
# provider cancellation; provision -> completed_at. Paid in time: paid in
# full (all owed) by credits the last of which was posted on or before the
# 30th calendar day after the local day it became due. Credits matched by
# reference naming the case id (whole word), then by service.
#
# Delayed repair (2 full working days after the report day, then per
# started calendar day):
#   R1 ACC1 rep Thu 10-01 10:00, rest Wed 10-07 12:00: WD Fri 10-02, Mon
#      10-05 -> from Tue 10-06 00:00, 1 d 12 h -> 2 days = 20.68. Credit
#      20.68 "R1" 10-20 (13 days) -> in full, in time.
#   R2 ACC2 rep Mon 10-05 09:00, rest Mon 10-12 09:00: WD Tue, Wed -> from
#      Thu 10-08, 4 d 9 h -> 5 days = 51.70. Credit 20.00 "R2" 10-15:
#      paid 20.00, short 31.70, not in full.
#   R3 ACC3 rep Tue 10-06 08:00, rest Fri 10-16 08:00: WD Wed, Thu -> from
#      Fri 10-09, 7 d 8 h -> 8 days = 82.72. Credit 82.72 "R3" 11-20:
#      35 days after 10-16 -> in full, late.
#   R4 ACC4 rep Mon 10-26, still open: still accruing, no case.
#   R5 ACC5 rep Mon 10-19 09:00, rest Tue 10-20 10:00: owed 0, no case.
#   R6 ACC6 rep Wed 10-14 09:00, rest Mon 10-19 09:00: WD Thu, Fri -> from
#      Sat 10-17, 2 d 9 h -> 3 days = 31.02. Credit 31.02 with no reference
#      (by service) 11-18: day 30 exactly -> in time.
#   R7 ACC7 rep Tue 09-29 09:00, rest Fri 10-02 09:00: WD Wed 09-30, Thu
#      10-01 -> from Fri 10-02, 9 h -> 1 day = 10.34; no credit. Started
#      in September, due (restored) in October: an October case.
#   October: 5 cases; owed 20.68+51.70+82.72+31.02+10.34 = 196.46;
#   paid 20.68+20.00+82.72+31.02+0 = 154.42; short 42.04; in time R1, R6
#   = 2 of 5 = 40.00%.
#
# Missed appointment (24 h notice, 32.31 each):
#   A1 arrived in the window: kept. A4 cancelled exactly 24 h before, A5
#   customer absent: not missed.
#   A2 ACC11 10-06 08:00-13:00, nobody came: due 10-06 13:00. Credit 32.31
#      "Missed appointment A2" 10-10 -> in time.
#   A3 ACC12 10-08 08:00-13:00 cancelled 10-07 20:00 (12 h): due 10-07
#      20:00. Credit 20.00 "A3" 10-09: paid 20.00, short 12.31.
#   A6 ACC15 10-13 08:00-12:00, came 14:00: due 10-13 12:00. Credit 32.31
#      "A6" 11-20: 38 days -> late.
#   A7 ACC17 window Sun 11-01 09:00-13:00 cancelled 10-31 15:00 (18 h):
#      due 10-31 -> an October case, though its window is November's; no
#      credit.
#   A8 ACC18 10-20 08:00-13:00, nobody came: due 10-20. Credit 32.31 with
#      no reference (by service) 11-30: 41 days -> late.
#   A9 ACC31 10-21 08:00-13:00, nobody came: due 10-21 13:00. ACC31's only
#      credit, 10.34 on 10-22, names its outage R8 (fixed within the two
#      working days, so owing nothing): the outage's, not taken by service
#      for A9 -> paid 0.
#   October: 6 cases; owed 6 x 32.31 = 193.86; paid 32.31+20.00+32.31+0+
#   32.31+0 = 116.93; short 76.93; in time A2 = 1 of 6 = 16.67% (1667 bp).
#
# Delayed provision (per calendar day from the missed date to the day
# before completion, 6.46):
#   P1 ACC21 promised 10-05, done 10-08 10:00: Oct 5, 6, 7 = 19.38. Credit
#      19.38 "P1" 10-12 -> in time.
#   P2 on time; P3 customer asked for later (excluded); P4 still open.
#   P5 ACC25 promised 10-24, done Mon 10-26 09:00: Oct 24, 25 = 12.92.
#      Credit 6.46 "P5" 10-28: short 6.46.
#   P6 ACC26 broadband, promised 09-28, done 10-02 10:00: Sep 28, 29, 30,
#      Oct 1 = 25.84. Credit 25.84 broadband, no reference (by service)
#      11-05: 34 days -> late. Due (done) in October: an October case,
#      though its deadline was September's.
#   P7 ACC27 promised 11-02, done 11-04 10:00: Nov 2, 3 = 12.92. Credit
#      12.92 "P7" 11-10 -> in time. November's: not in October.
#   October: 3 cases; owed 19.38+12.92+25.84 = 58.14; paid 19.38+6.46+
#   25.84 = 51.68; short 6.46; in time P1 = 1 of 3 = 33.33%.
#
# 2026-Q4: October as above; November: no repair, no appointment case (0,
# share none: -1), provision P7 (1 case, 12.92 paid in full, 100.00%);
# December 0 everywhere. Provision total: 4 cases, 71.06 owed, 64.60
# paid, 6.46 short, 2 of 4 in time = 50.00%.
#
# Rows below: subject|cases|owed|paid|short|in_time|share (bp).

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,reported_at,restored_at
R1,ACC1,2026-10-01 09:00,2026-10-01 10:00,2026-10-07 12:00
R2,ACC2,2026-10-05 08:00,2026-10-05 09:00,2026-10-12 09:00
R3,ACC3,2026-10-06 07:00,2026-10-06 08:00,2026-10-16 08:00
R4,ACC4,2026-10-26 08:00,2026-10-26 09:00,
R5,ACC5,2026-10-19 08:00,2026-10-19 09:00,2026-10-20 10:00
R6,ACC6,2026-10-14 08:00,2026-10-14 09:00,2026-10-19 09:00
R7,ACC7,2026-09-29 08:00,2026-09-29 09:00,2026-10-02 09:00
R8,ACC31,2026-10-21 07:00,2026-10-21 08:00,2026-10-21 18:00
CSV

cat > appointments.csv <<'CSV'
appointment_id,account_id,kind,window_start,window_end,arrived_at,cancelled_at,cancelled_by,customer_absent
A1,ACC1,repair,2026-10-05 08:00,2026-10-05 13:00,2026-10-05 12:59,,,no
A2,ACC11,repair,2026-10-06 08:00,2026-10-06 13:00,,,,no
A3,ACC12,install,2026-10-08 08:00,2026-10-08 13:00,,2026-10-07 20:00,provider,no
A4,ACC13,install,2026-10-09 08:00,2026-10-09 13:00,,2026-10-08 08:00,provider,no
A5,ACC14,repair,2026-10-12 08:00,2026-10-12 13:00,2026-10-12 09:00,,,yes
A6,ACC15,repair,2026-10-13 08:00,2026-10-13 12:00,2026-10-13 14:00,,,no
A7,ACC17,install,2026-11-01 09:00,2026-11-01 13:00,,2026-10-31 15:00,provider,no
A8,ACC18,repair,2026-10-20 08:00,2026-10-20 13:00,,,,no
A9,ACC31,repair,2026-10-21 08:00,2026-10-21 13:00,,,,no
CSV

cat > orders.csv <<'CSV'
order_id,account_id,service,ordered_at,promised_at,completed_at,customer_requested_later
P1,ACC21,,2026-09-28 10:00,2026-10-05,2026-10-08 10:00,no
P2,ACC22,,2026-09-28 10:00,2026-10-06,2026-10-06 18:00,no
P3,ACC23,,2026-09-28 10:00,2026-10-07,2026-10-20 10:00,yes
P4,ACC24,,2026-10-10 10:00,2026-10-30,,no
P5,ACC25,,2026-10-10 10:00,2026-10-24,2026-10-26 09:00,no
P6,ACC26,broadband,2026-09-20 10:00,2026-09-28,2026-10-02 10:00,no
P7,ACC27,,2026-10-20 10:00,2026-11-02,2026-11-04 10:00,no
CSV

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,reference,description
ACC1,credit,2026-10-20,20.68,,R1,automatic compensation
ACC2,credit,2026-10-15,20.00,,R2,automatic compensation
ACC3,credit,2026-11-20,82.72,,R3,automatic compensation
ACC6,credit,2026-11-18,31.02,,,goodwill
ACC11,credit,2026-10-10,32.31,,,Missed appointment A2
ACC12,credit,2026-10-09,20.00,,A3,
ACC15,credit,2026-11-20,32.31,,A6,
ACC18,credit,2026-11-30,32.31,,,engineer visit
ACC21,credit,2026-10-12,19.38,,P1,
ACC25,credit,2026-10-28,6.46,,P5,
ACC26,credit,2026-11-05,25.84,broadband,,late connection
ACC27,credit,2026-11-10,12.92,,P7,
ACC31,credit,2026-10-22,10.34,,,goodwill for R8
CSV

returns() { # GID
    sql "SELECT subject,
                max(CASE WHEN name = 'comp_cases' THEN value END),
                max(CASE WHEN name = 'comp_owed' THEN value END),
                max(CASE WHEN name = 'comp_paid' THEN value END),
                max(CASE WHEN name = 'comp_short' THEN value END),
                max(CASE WHEN name = 'comp_in_time' THEN value END),
                max(CASE WHEN name = 'comp_in_time_share' THEN value END)
         FROM figures WHERE result_id = $(rid "$1") AND name LIKE 'comp%'
         GROUP BY subject ORDER BY subject"
}

ingest Europe/London --outages outages.csv --appointments appointments.csv \
    --orders orders.csv --billing billing.csv
G=$TEMPLATES/ofcom-auto-comp.ini
check --period 2026-10
expect_exit 0
expect_eq "delayed repair, October" "2026-10|5|19646|15442|4204|2|4000
total|5|19646|15442|4204|2|4000" "$(returns delayed-repair)"
expect_eq "missed appointments, October" "2026-10|6|19386|11693|7693|1|1667
total|6|19386|11693|7693|1|1667" "$(returns missed-appointment)"
expect_eq "delayed provision, October" "2026-10|3|5814|5168|646|1|3333
total|3|5814|5168|646|1|3333" "$(returns delayed-provision)"
expect_sql "SELECT value FROM figures WHERE result_id = $(rid delayed-repair)
            AND name = 'comp_days'" 30
# The judged rules are as before (A1-A6, A8 and A9 start in October;
# kept 1 of 6 judged): the returns add figures, not breaches.
expect_result missed-appointment "FAIL|1667|10000|bp|8|5"

check --period 2026-Q4
expect_exit 0
expect_eq "delayed repair, Q4" "2026-10|5|19646|15442|4204|2|4000
2026-11|0|0|0|0|0|-1
2026-12|0|0|0|0|0|-1
total|5|19646|15442|4204|2|4000" "$(returns delayed-repair)"
expect_eq "missed appointments, Q4" "2026-10|6|19386|11693|7693|1|1667
2026-11|0|0|0|0|0|-1
2026-12|0|0|0|0|0|-1
total|6|19386|11693|7693|1|1667" "$(returns missed-appointment)"
expect_eq "delayed provision, Q4" "2026-10|3|5814|5168|646|1|3333
2026-11|1|1292|1292|0|1|10000
2026-12|0|0|0|0|0|-1
total|4|7106|6460|646|2|5000" "$(returns delayed-provision)"

# Pending: the billing cut after 5 November (the rows posted up to then;
# the last is P6's credit of 11-05). A case not paid in time whose 30
# days end after 11-05 (due on or after 10-07) is pending: counted, but
# not in the share, which is of the others.
#   Repair: R1 in time (10-20). R7 due 10-02, its days end 11-01: unpaid,
#   late. R2 (10-12, 20.00 of 51.70), R3 (10-16, its 11-20 credit not
#   there), R6 (10-19, its 11-18 credit not there): pending. 5 cases,
#   owed 196.46, paid 20.68+20.00 = 40.68, short 155.78, 1 in time,
#   3 pending: 1 of 2 = 50.00%.
#   Appointments: A2 in time (10-10). A3 due 10-07 20:00, its days end
#   11-06, one day past the billing: pending (20.00 of 32.31). A6, A7, A8,
#   A9 unpaid and due after 10-07: pending. 6 cases, owed 193.86, paid
#   32.31+20.00 = 52.31, short 141.55, 1 in time, 5 pending: 1 of 1 =
#   100.00%.
#   Provision: P1 in time. P6 due 10-02, paid in full 11-05 (34 days):
#   decided, late. P5 due 10-26, 6.46 of 12.92: pending. 3 cases, owed
#   58.14, paid 19.38+6.46+25.84 = 51.68, short 6.46, 1 in time, 1
#   pending: 1 of 2 = 50.00%.
pending() { # GID
    sql "SELECT subject, value FROM figures WHERE result_id = $(rid "$1")
         AND name = 'comp_pending' ORDER BY subject"
}
DB=cut.db
awk -F, 'NR == 1 || $3 <= "2026-11-05"' billing.csv > billing-cut.csv
ingest Europe/London --outages outages.csv --appointments appointments.csv \
    --orders orders.csv --billing billing-cut.csv
check --period 2026-10
expect_exit 0
expect_eq "delayed repair, billing to 11-05" "2026-10|5|19646|4068|15578|1|5000
total|5|19646|4068|15578|1|5000" "$(returns delayed-repair)"
expect_eq "delayed repair: pending" "2026-10|3
total|3" "$(pending delayed-repair)"
expect_eq "missed appointments, billing to 11-05" "2026-10|6|19386|5231|14155|1|10000
total|6|19386|5231|14155|1|10000" "$(returns missed-appointment)"
expect_eq "missed appointments: pending" "2026-10|5
total|5" "$(pending missed-appointment)"
expect_eq "delayed provision, billing to 11-05" "2026-10|3|5814|5168|646|1|5000
total|3|5814|5168|646|1|5000" "$(returns delayed-provision)"
expect_eq "delayed provision: pending" "2026-10|1
total|1" "$(pending delayed-provision)"
# With the whole billing nothing is pending (every case's 30 days end by
# 11-30, the last row).
DB=whole.db
ingest Europe/London --outages outages.csv --appointments appointments.csv \
    --orders orders.csv --billing billing.csv
check --period 2026-10
expect_eq "nothing pending with the whole billing" "0|0|0" \
    "$(pending delayed-repair | tail -n 1 | cut -d'|' -f2)|$(pending missed-appointment | tail -n 1 | cut -d'|' -f2)|$(pending delayed-provision | tail -n 1 | cut -d'|' -f2)"

# A type with no data at all is NO DATA, its months 0 cases.
DB=empty.db
ingest Europe/London --outages outages.csv
check --period 2026-10
expect_sql "SELECT status FROM results WHERE id = $(rid missed-appointment)" \
    "NO DATA"
expect_eq "missed appointments, no data" "2026-10|0|0|0|0|0|-1
total|0|0|0|0|0|-1" "$(returns missed-appointment)"
