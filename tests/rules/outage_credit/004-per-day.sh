# outage_credit: method per_day. `per_day` is owed for each started day
# (each 24 h begun) of the outage; with after_working_days N and a calendar
# of working days, counting starts only after the first N working days
# that follow the day the outage began (local midnight after the N-th).
#
# Zone America/Los_Angeles (PDT all October). 2026-10-02 is a Friday,
# 10-05 a Monday, 10-10 a Saturday, 10-15 a Thursday, 10-26 a Monday.
# [calendar workdays] mon-fri 00:00-24:00. No billing: per_day needs no
# charge, and nothing is credited.
#
# line outage acct   started          restored            duration
#  2   D2     ACC-2  Fri 10-02 18:00  Thu 10-08 06:00     132 h = 475200 s
#  3   D3     ACC-3  Mon 10-05 09:00  Wed 10-07 00:00      39 h = 140400 s
#  4   D5     ACC-5  Sat 10-10 00:00  Sun 10-11 00:00      24 h =  86400 s
#  5   D1     ACC-1  Thu 10-15 16:00  Wed 10-21 12:00     140 h = 504000 s
#  6   D4     ACC-4  Mon 10-26 10:00  Fri 10-30 00:00:01  309601 s
#
# [plain] per_day 5.00, counted from the start: started days =
#   ceil(seconds / 86400): D2 5.5 -> 6, D3 1.625 -> 2, D5 exactly 1 -> 1,
#   D1 5.83 -> 6, D4 3.58 -> 4. Owed 3000, 1000, 500, 3000, 2000 = 9500,
#   five breaches (in start order: D2 D3 D5 D1 D4). FAIL.
# [ofcom] per_day 9.76 (976), after_working_days 2, calendar workdays.
#   Counting starts at local midnight after the 2nd working day following
#   the start day:
#   D2 Fri: Sat, Sun not working; Mon 10-05 (1), Tue 10-06 (2) -> from
#      Wed 10-07 00:00 to Thu 10-08 06:00 = 30 h -> 2 days -> 1952
#   D3 Mon: Tue 10-06 (1), Wed 10-07 (2) -> from Thu 10-08 00:00; restored
#      Wed 10-07 00:00, before it -> 0 days -> owes 0, no breach
#   D5 Sat: Sun no; Mon 10-12 (1), Tue 10-13 (2) -> from Wed 10-14: 0 days
#   D1 Thu: Fri 10-16 (1), Sat, Sun no, Mon 10-19 (2) -> from Tue 10-20
#      00:00 to Wed 10-21 12:00 = 36 h -> 2 days -> 1952
#   D4 Mon: Tue 10-27 (1), Wed 10-28 (2) -> from Thu 10-29 00:00 to Fri
#      10-30 00:00:01 = 86401 s -> 2 started days -> 1952
#   Owed 3 x 1952 = 5856; 5 subjects, 3 breaches (D2, D1, D4). FAIL.
#   Evidence of each breach: its outage row only (no charge, no credit).

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
D2,ACC-2,North,voice,2026-10-02 18:00:00,2026-10-08 06:00:00
D3,ACC-3,North,voice,2026-10-05 09:00:00,2026-10-07 00:00:00
D5,ACC-5,North,voice,2026-10-10 00:00:00,2026-10-11 00:00:00
D1,ACC-1,North,voice,2026-10-15 16:00:00,2026-10-21 12:00:00
D4,ACC-4,North,voice,2026-10-26 10:00:00,2026-10-30 00:00:01
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[calendar workdays]
hours = mon-fri 00:00-24:00

[guarantee plain]
promise = 5.00 for every day without service
source = terms of service
kind = outage_credit
method = per_day
per_day = 5.00

[guarantee ofcom]
promise = Automatic compensation after two working days
source = terms of service
kind = outage_credit
method = per_day
per_day = 9.76
after_working_days = 2
calendar = workdays
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 0

expect_result plain "FAIL|0|9500|minor|5|5"
expect_breaches plain "D2/ACC-2|0|3000|3000
D3/ACC-3|0|1000|1000
D5/ACC-5|0|500|500
D1/ACC-1|0|3000|3000
D4/ACC-4|0|2000|2000"
expect_sql "SELECT amount FROM results WHERE id = $(rid plain)" 9500

expect_result ofcom "FAIL|0|5856|minor|5|3"
expect_breaches ofcom "D2/ACC-2|0|1952|1952
D1/ACC-1|0|1952|1952
D4/ACC-4|0|1952|1952"
expect_figures ofcom D3/ACC-3 "owed=0 credited=0"
expect_figures ofcom D5/ACC-5 "owed=0 credited=0"
expect_evidence_all ofcom D1/ACC-1 "outages.csv:5"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'owed 19.52 USD = 2 days × 9.76') > 0
            FROM breaches WHERE result_id = $(rid ofcom) AND subject = 'D1/ACC-1'" 1
expect_sql "SELECT amount FROM results WHERE id = $(rid ofcom)" 5856
