# restoration: with `calendar`, only that calendar's working time counts
# (the clock stops outside it, and on its holidays).
#
# [calendar office]      mon-fri 08:00-17:00
# [calendar office-hol]  the same, with 2026-10-19 (a Monday) a holiday
# Zone America/Los_Angeles. 2026-10-16 is a Friday.
#
# line outage  started             restored            calendar   office   office-hol
#  2   W1      Fri 10-16 16:00     Mon 10-19 10:00     66h        1h+2h=3h   1h (Mon off)
#                                                      =237600    =10800     =3600
#  3   W2      Mon 10-19 09:00     Tue 10-20 09:00     24h        8h+1h=9h   1h (Tue 08-09)
#                                                      =86400     =32400     =3600
#
# work4h    (within 4h = 14400, calendar office): W1 in time, W2 breach,
#           shortfall 32400 - 14400 = 18000 (9h of working time, 5h over).
#           FAIL, measured (longest) 32400.
# clock4h   (within 4h, calendar time): both late: W1 237600 (+223200),
#           W2 86400 (+72000). FAIL, longest 237600.
# holiday4h (within 4h, calendar office-hol): both 3600: PASS.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
W1,North,voice,2026-10-16 16:00:00,2026-10-19 10:00:00
W2,North,voice,2026-10-19 09:00:00,2026-10-20 09:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[calendar office]
hours = mon-fri 08:00-17:00

[calendar office-hol]
hours = mon-fri 08:00-17:00
holidays = 2026-10-19

[guarantee work4h]
promise = Restored within 4 working hours
source = terms of service
kind = restoration
within = 4h
calendar = office

[guarantee clock4h]
promise = Restored within 4 hours
source = terms of service
kind = restoration
within = 4h

[guarantee holiday4h]
promise = Restored within 4 working hours
source = terms of service
kind = restoration
within = 4h
calendar = office-hol
INI

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result work4h "FAIL|32400|14400|s|2|1"
expect_breaches work4h "W2|32400|14400|18000"
expect_evidence work4h W2 "outages.csv:3"
expect_sql "SELECT instr(replace(detail, char(160), ' '), '9 h of working time against 4 h, 5 h over') > 0
            FROM breaches WHERE result_id = $(rid work4h)" 1
expect_sql "SELECT o.outage_id, s.v FROM series s JOIN outages o ON o.id = s.k
            WHERE s.result_id = $(rid work4h) AND s.name = 'durations'
            ORDER BY o.outage_id" "W1|10800
W2|32400"
expect_result clock4h "FAIL|237600|14400|s|2|2"
expect_breaches clock4h "W1|237600|14400|223200
W2|86400|14400|72000"
expect_result holiday4h "PASS|3600|14400|s|2|0"
expect_stdout_last "2 of 3 guarantees breached"
