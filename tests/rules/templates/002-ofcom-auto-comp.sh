# templates/guarantees/ofcom-auto-comp.ini over October 2026 (Europe/London;
# BST ends Sun 2026-10-25), amounts from April 2026: 10.34 / 32.31 / 6.46 GBP.
#
# delayed-repair (per calendar day after 2 full working days, clock from
# the customer's report):
#   F1 ACC1 reported Thu 10-01 10:00, restored Wed 10-07 12:00. Working days
#      after the report day: Fri 10-02 (1), Mon 10-05 (2): paid from Tue
#      10-06 00:00; to 10-07 12:00 = 36 h -> 2 started days x 10.34 = 20.68.
#   F2 planned_notified -> excluded.
#   F3 ACC2 reported Mon 10-12 09:00, restored Tue 10-13 17:00: allowance to
#      Thu 10-15 00:00 -> 0 days, owed 0.
#   No credits: FAIL, credited 0 of 20.68, subjects 2, 1 breach, amount 2068.
#
# missed-appointment (24 h notice): A1 arrived 12:59 in an 08:00-13:00
#   window -> kept; A2 nobody came -> missed; A3 cancelled by the provider
#   12 h before -> missed; A4 cancelled exactly 24 h before -> not judged;
#   A5 customer absent -> not judged. kept 1 of 3 = 33.33% (3333 bp), FAIL,
#   2 breaches x 32.31 = 64.62.
#
# delayed-provision (per calendar day including the missed date, not the
# activation day):
#   P1 promised 10-05, done 10-08 10:00: Oct 5, 6, 7 = 3 days = 19.38
#   P2 promised 10-06, done 10-06 18:00: on time
#   P3 customer asked for a later date -> excluded
#   P4 promised 10-30, still open at the period end: Oct 30, 31 = 2 days = 12.92
#   P5 promised 10-24, done Mon 10-26 09:00 (across the BST change): Oct 24,
#      25 = 2 days = 12.92
#   on time 1 of 4 = 25.00%, FAIL, 3 breaches, 19.38 + 12.92 + 12.92 = 45.22,
#   written in order-time order (P1; P4 and P5 ordered at the same moment,
#   by row).
# Owed in all: 20.68 + 64.62 + 45.22 = 130.52 GBP = 13052.

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,reported_at,restored_at,exclusion
F1,ACC1,2026-10-01 09:00,2026-10-01 10:00,2026-10-07 12:00,
F2,ACC3,2026-10-02 09:00,2026-10-02 09:00,2026-10-20 09:00,planned_notified
F3,ACC2,2026-10-12 08:00,2026-10-12 09:00,2026-10-13 17:00,
CSV

cat > appointments.csv <<'CSV'
appointment_id,account_id,kind,window_start,window_end,arrived_at,cancelled_at,cancelled_by,customer_absent
A1,ACC1,repair,2026-10-05 08:00,2026-10-05 13:00,2026-10-05 12:59,,,no
A2,ACC1,repair,2026-10-06 08:00,2026-10-06 13:00,,,,no
A3,ACC2,install,2026-10-08 08:00,2026-10-08 13:00,,2026-10-07 20:00,provider,no
A4,ACC2,install,2026-10-09 08:00,2026-10-09 13:00,,2026-10-08 08:00,provider,no
A5,ACC3,repair,2026-10-12 08:00,2026-10-12 13:00,2026-10-12 09:00,,,yes
CSV

cat > orders.csv <<'CSV'
order_id,account_id,ordered_at,promised_at,completed_at,customer_requested_later
P1,ACC4,2026-09-28 10:00,2026-10-05,2026-10-08 10:00,no
P2,ACC5,2026-09-28 10:00,2026-10-06,2026-10-06 18:00,no
P3,ACC6,2026-09-28 10:00,2026-10-07,2026-10-20 10:00,yes
P4,ACC7,2026-10-10 10:00,2026-10-30,,no
P5,ACC8,2026-10-10 10:00,2026-10-24,2026-10-26 09:00,no
CSV

run_ombud run --guarantees "$TEMPLATES/ofcom-auto-comp.ini" --outages outages.csv \
    --appointments appointments.csv --orders orders.csv --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_result delayed-repair "FAIL|0|2068|minor|2|1"
expect_sql "SELECT subject, amount FROM breaches WHERE result_id = $(rid delayed-repair)" \
    "F1/ACC1|2068"
expect_sql "SELECT instr(replace(method, char(160), ' '), '1 excluded (F2 (planned_notified))') > 0 FROM results
            WHERE id = $(rid delayed-repair)" 1
expect_result missed-appointment "FAIL|3333|10000|bp|5|2"
expect_sql "SELECT subject, amount FROM breaches WHERE result_id = $(rid missed-appointment)" \
    "A2|3231
A3|3231"
expect_evidence missed-appointment A3 "appointments.csv:4"
expect_result delayed-provision "FAIL|2500|10000|bp|4|3"
expect_sql "SELECT subject, amount FROM breaches WHERE result_id = $(rid delayed-provision)" \
    "P1|1938
P4|1292
P5|1292"
expect_sql "SELECT sum(amount) FROM results WHERE check_id = (SELECT max(id) FROM checks)" \
    "13052"
pdftotext out/report.pdf out/report.txt
# A3 is appointments.csv line 4: its evidence cell reads "appointments.csv
# line 4" (the narrow column may wrap it after the file's name).
pdftotext -layout out/report.pdf out/report-layout.txt
expect_eq "PDF names appointments.csv line 4" "appointments.csv line 4" \
    "$(grep -A1 '^ *A3 ' out/report-layout.txt | grep -o 'appointments\.csv\( line 4\)\?$\|line 4$' | tr '\n' ' ' | sed 's/ $//')"
mkdir x && (cd x && unzip -q ../out/report.xlsx)
expect_eq "XLSX names appointments.csv:4" 1 "$(cat x/xl/worksheets/*.xml x/xl/sharedStrings.xml 2>/dev/null | grep -c 'appointments.csv:4' | awk '{print ($1 > 0)}')"
run_ombud complaint --db out/evidence.db --guarantees "$TEMPLATES/ofcom-auto-comp.ini" \
    --account ACC2 --customer "Test Customer" --period 2026-10 --out dossier
expect_exit 0
pdftotext dossier/complaint-ACC2.pdf dossier/c.txt
expect_eq "dossier names appointments.csv:4" 1 "$(grep -c 'appointments.csv:4' dossier/c.txt | awk '{print ($1 > 0)}')"
run_ombud verify --report out/report.pdf --guarantees "$TEMPLATES/ofcom-auto-comp.ini" \
    --outages outages.csv --appointments appointments.csv --orders orders.csv
expect_exit 0
