# templates/guarantees/cpuc-go133d.ini over a hand-made October 2026
# (America/Los_Angeles), run through `ombud run`.
#
# oos-repair: 90% of tickets restored within 24 h of repair days (the clock
# stops on Sundays and federal holidays: Mon 2026-10-12 is Columbus Day);
# catastrophic outages excluded.
#   line ticket  start              restored            repair-day time     result
#    2   T1      Mon 10-05 10:00    Tue 10-06 09:00     23h = 82800         in time
#    3   T2      Sat 10-10 12:00    Tue 10-13 08:00     Sat 12h + Sun 0 +   in time
#                                                       Mon (holiday) 0 +
#                                                       Tue 8h = 20h = 72000
#    4   T3      Wed 10-14 08:00    Thu 10-15 10:00     26h = 93600         late, +2h = 7200
#    5   T4      Thu 10-15 08:00    Sat 10-17 08:00     excluded (catastrophic), 400 customers
#    6-12 T5-T11 Mon 10-19 .. 1h each                   3600                in time
#   judged 10 (T4 out), in time 9: 9/10 = 90.00% >= 90% -> PASS (exactly
#   at the target), 1 breach T3 (93600 against 86400, shortfall 7200).
#
# installation-commitments (95%): O1 promised 10-05 (a date: by its end),
#   done 10-05 15:00 -> on time; O2 promised 10-06, done 10-07 09:00 -> late;
#   O3 asked for a later date -> excluded. 1 of 2 = 50.00% -> FAIL, breach O2:
#   measured 10-01 09:00 -> 10-07 09:00 = 518400 s, limit 10-01 09:00 ->
#   10-07 00:00 = 486000 s, shortfall 1 day late (calendar days from
#   the missed day 10-06 to the day before completion, at least 1; unit
#   s|s|day so the column agrees with "1 day late").
#
# trouble-reports: 11 tickets dated in October on 10000 lines (template
#   placeholder): 11 x 100 / 10000 = 0.11 per 100 = 11 bp <= 600 -> PASS,
#   1 subject (2026-10 all).
#
# major-service-interruption: T4 48h = 2880 min x 400 = 1,152,000
#   user-minutes >= 900,000 and >= 30 min -> reportable (REPORTABLE: a duty to report, 1 row,
#   shortfall 252,000); the others have 1 customer.
#
# answer-time-trouble (80% in 60 s over the period): 5 repair legs, answered
#   after 10, 20, 30, 60 and 61 s: 4 of 5 = 80.00% -> PASS.
# answer-time-billing: 2 billing legs, one answered after 30 s, one
#   abandoned after 120 s: 1 of 2 = 50.00% -> FAIL.

cat > outages.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,customers_affected,exclusion
T1,A1,LA,2026-10-05 10:00,2026-10-06 09:00,1,
T2,A2,LA,2026-10-10 12:00,2026-10-13 08:00,1,
T3,A3,LA,2026-10-14 08:00,2026-10-15 10:00,1,
T4,,LA,2026-10-15 08:00,2026-10-17 08:00,400,catastrophic
T5,A5,LA,2026-10-19 08:00,2026-10-19 09:00,1,
T6,A6,LA,2026-10-19 08:00,2026-10-19 09:00,1,
T7,A7,LA,2026-10-19 08:00,2026-10-19 09:00,1,
T8,A8,LA,2026-10-19 08:00,2026-10-19 09:00,1,
T9,A9,LA,2026-10-19 08:00,2026-10-19 09:00,1,
T10,A10,LA,2026-10-19 08:00,2026-10-19 09:00,1,
T11,A11,LA,2026-10-19 08:00,2026-10-19 09:00,1,
CSV

cat > orders.csv <<'CSV'
order_id,account_id,ordered_at,promised_at,completed_at,customer_requested_later
O1,A1,2026-10-01 09:00,2026-10-05,2026-10-05 15:00,no
O2,A2,2026-10-01 09:00,2026-10-06,2026-10-07 09:00,no
O3,A3,2026-10-01 09:00,2026-10-06,2026-10-20 09:00,yes
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
C1,repair,2026-10-05 09:00:00,2026-10-05 09:00:10,2026-10-05 09:05:00,answered
C2,repair,2026-10-05 10:00:00,2026-10-05 10:00:20,2026-10-05 10:05:00,answered
C3,repair,2026-10-05 11:00:00,2026-10-05 11:00:30,2026-10-05 11:05:00,answered
C4,repair,2026-10-05 12:00:00,2026-10-05 12:01:00,2026-10-05 12:05:00,answered
C5,repair,2026-10-05 13:00:00,2026-10-05 13:01:01,2026-10-05 13:05:00,answered
C6,billing,2026-10-06 09:00:00,2026-10-06 09:00:30,2026-10-06 09:05:00,answered
C7,billing,2026-10-06 10:00:00,,2026-10-06 10:02:00,abandoned
CSV

run_ombud run --guarantees "$TEMPLATES/cpuc-go133d.ini" --outages outages.csv \
    --orders orders.csv --calls calls.csv --period 2026-10 --out out
expect_exit 2
expect_stderr_has "queues = tech_support matches nothing in the records (stored: billing, repair)"
# The template's line count is marked PLACEHOLDER: serious until replaced.
expect_stderr_has "trouble-reports: lines is a placeholder in the guarantees file"
DB=out/evidence.db
expect_result oos-repair "PASS|9000|9000|bp|10|1"
expect_breaches oos-repair "T3|93600|86400|7200"
expect_evidence oos-repair T3 "outages.csv:4"
expect_sql "SELECT subject FROM figures WHERE result_id = $(rid oos-repair)
            AND name = 'excluded'" "T4"
expect_sql "SELECT instr(replace(method, char(160), ' '), '1 excluded (T4 (catastrophic))') > 0 FROM results
            WHERE id = $(rid oos-repair)" 1
expect_result installation-commitments "FAIL|5000|9500|bp|2|1"
expect_breaches installation-commitments "O2|518400|486000|1"
expect_evidence installation-commitments O2 "orders.csv:3"
expect_result trouble-reports "PASS|11|600|bp|1|0"
expect_result major-service-interruption "REPORTABLE|1|0|count|11|1"
expect_breaches major-service-interruption "T4|1152000|900000|252000"
expect_result answer-time-trouble "PASS|8000|8000|bp|5|0"
expect_sql "SELECT status, measured FROM results WHERE id = $(rid answer-time-billing)" \
    "FAIL|5000"
# the order's evidence reads orders.csv:3 in the workbook and "orders.csv
# line 3" in the PDF (the cell may wrap: lines are joined)
pdftotext out/report.pdf out/report.txt
expect_eq "PDF names orders.csv line 3" 1 "$(tr '\n' ' ' < out/report.txt | grep -c 'orders.csv line 3 ')"
mkdir x && (cd x && unzip -q ../out/report.xlsx)
expect_eq "XLSX names orders.csv:3" 1 "$(cat x/xl/worksheets/*.xml x/xl/sharedStrings.xml 2>/dev/null | grep -c 'orders.csv:3' | awk '{print ($1 > 0)}')"
run_ombud verify --report out/report.xlsx --guarantees "$TEMPLATES/cpuc-go133d.ini" \
    --outages outages.csv --orders orders.csv --calls calls.csv
expect_exit 0
