# The complaint dossier of an account with engineer appointments and
# orders (templates/guarantees/ofcom-auto-comp.ini, October 2026,
# Europe/London: BST, UTC+1, until Sun 2026-10-25). The chronology lists
# each appointment at its window's start and each order when placed and,
# if completed, when completed, with its file:line; ACC1's rows stay out.
#
# ACC9:
#   F9 outage Mon 10-05 09:00, reported 09:30, restored Tue 10-06 17:00:
#      allowance to the end of Wed 10-07 (2 working days) -> no breach.
#   B1 repair, window Tue 10-06 08:00-13:00, nobody came    -> missed (1)
#   B2 install, window Wed 10-14 13:00-18:00, came 17:30    -> kept
#   B3 repair, window Tue 10-20 08:00-12:00, cancelled by the customer on
#      Mon 10-19 09:00                                      -> not judged
#   => "Engineer appointments missed: 1 of 3"
#   Q1 broadband ordered Thu 10-01 10:00, promised Fri 10-09, done Tue
#      10-13 11:00 -> late: Oct 9, 10, 11, 12 = 4 days x 6.46 = 25.84 GBP
#   Q2 ordered Tue 10-27 09:00 (GMT), promised 11-10, open, the customer
#      asked for a later date -> excluded
#   => "Orders completed late or still open: 1 of 2"
# ACC1 (another account): B4 missed, Q3 late; not in ACC9's dossier.
#
# The chronology in time order (8 events):
#   Thu 2026-10-01 10:00  Q1 placed                 orders.csv:2
#   Mon 2026-10-05 09:00  F9 lost                   outages.csv:2
#   Tue 2026-10-06 08:00  B1 window, nobody came    appointments.csv:2
#   Tue 2026-10-06 17:00  F9 restored               outages.csv:2
#   Tue 2026-10-13 11:00  Q1 completed              orders.csv:2
#   Wed 2026-10-14 13:00  B2 window, came 17:30     appointments.csv:3
#   Tue 2026-10-20 08:00  B3 window, cancelled      appointments.csv:4
#   Tue 2026-10-27 09:00  Q2 placed, still open     orders.csv:3

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,reported_at,restored_at
F9,ACC9,2026-10-05 09:00,2026-10-05 09:30,2026-10-06 17:00
CSV

cat > appointments.csv <<'CSV'
appointment_id,account_id,kind,window_start,window_end,arrived_at,cancelled_at,cancelled_by,customer_absent
B1,ACC9,repair,2026-10-06 08:00,2026-10-06 13:00,,,,no
B2,ACC9,install,2026-10-14 13:00,2026-10-14 18:00,2026-10-14 17:30,,,no
B3,ACC9,repair,2026-10-20 08:00,2026-10-20 12:00,,2026-10-19 09:00,customer,no
B4,ACC1,repair,2026-10-06 08:00,2026-10-06 13:00,,,,no
CSV

cat > orders.csv <<'CSV'
order_id,account_id,service,ordered_at,promised_at,completed_at,customer_requested_later
Q1,ACC9,broadband,2026-10-01 10:00,2026-10-09,2026-10-13 11:00,no
Q2,ACC9,,2026-10-27 09:00,2026-11-10,,yes
Q3,ACC1,,2026-10-01 10:00,2026-10-09,2026-10-13 11:00,no
CSV

run_ombud run --guarantees "$TEMPLATES/ofcom-auto-comp.ini" --outages outages.csv \
    --appointments appointments.csv --orders orders.csv --period 2026-10 \
    --account ACC9 --customer "Test Customer" --out out
expect_exit 0
DB=out/evidence.db
expect_sql "SELECT subject, amount FROM breaches WHERE result_id = $(rid missed-appointment)" \
    "B1|3231
B4|3231"
expect_sql "SELECT subject, amount FROM breaches WHERE result_id = $(rid delayed-provision)" \
    "Q1|2584
Q3|2584"

# The XLSX chronology holds each event whole: when (an Excel date), what,
# file, line. Row 1 is the header.
mkdir x && (cd x && unzip -q ../out/complaint-ACC9.xlsx)
cellv() { # REF: one cell of the Chronology sheet (sheet2)
    grep -o "<c r=\"$1\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" \
        x/xl/worksheets/sheet2.xml | sed 's/<[^>]*>//g; s/&quot;/"/g; s/&amp;/\&/g'
}
row() { # N: what|file|line
    printf '%s|%s|%s' "$(cellv B$1)" "$(cellv C$1)" "$(cellv D$1)"
}
expect_eq "chronology rows (8 events + header)" 9 \
    "$(grep -o '<row ' x/xl/worksheets/sheet2.xml | wc -l | tr -d ' ')"
expect_eq "chronology 1: Q1 placed" \
    "Order Q1 placed for broadband: promised for 2026-10-09; completed Tue 2026-10-13 11:00|orders.csv|2" "$(row 2)"
expect_eq "chronology 2: F9 lost" "outages.csv|2" "$(cellv C3)|$(cellv D3)"
expect_eq "chronology 3: B1 missed" \
    "Repair visit B1 booked: window Tue 2026-10-06 08:00 to 13:00; the engineer never came|appointments.csv|2" "$(row 4)"
expect_eq "chronology 4: F9 restored" "Service restored (F9)|outages.csv|2" "$(row 5)"
expect_eq "chronology 5: Q1 completed" \
    "Service connected: order Q1 completed (promised for 2026-10-09)|orders.csv|2" "$(row 6)"
expect_eq "chronology 6: B2 kept" \
    "Installation visit B2 booked: window Wed 2026-10-14 13:00 to 18:00; the engineer came Wed 2026-10-14 17:30|appointments.csv|3" "$(row 7)"
expect_eq "chronology 7: B3 cancelled" \
    "Repair visit B3 booked: window Tue 2026-10-20 08:00 to 12:00; cancelled by the customer Mon 2026-10-19 09:00|appointments.csv|4" "$(row 8)"
expect_eq "chronology 8: Q2 open" \
    "Order Q2 placed: promised for 2026-11-10; still open at the end of the period; the customer asked for a later date|orders.csv|3" "$(row 9)"
# When: Tue 2026-10-06 08:00 BST is Excel day 46301 (2026-10-06) + 8/24;
# Tue 2026-10-27 09:00 GMT is 46322 + 9/24.
expect_eq "B1 when" "46301.3333" "$(awk -v v="$(cellv A4)" 'BEGIN { printf "%.4f", v }')"
expect_eq "Q2 when" "46322.3750" "$(awk -v v="$(cellv A9)" 'BEGIN { printf "%.4f", v }')"

# The PDF: each row starts with its local time and ends with file:line
# (the description may wrap onto the next line).
pdftotext -layout out/complaint-ACC9.pdf c.txt
pl() { grep -c "$1" c.txt; }
expect_eq "pdf Q1 placed" 1 "$(pl '^ *Thu 2026-10-01 10:00 *Order Q1 placed for broadband: .*orders.csv:2$')"
expect_eq "pdf B1 missed" 1 "$(pl '^ *Tue 2026-10-06 08:00 *Repair visit B1 booked: window Tue 2026-10-06 08:00 to 13:00; .*appointments.csv:2$')"
expect_eq "pdf B1 never came" 1 "$(pl 'the engineer never came')"
expect_eq "pdf Q1 completed" 1 "$(pl '^ *Tue 2026-10-13 11:00 *Service connected: order Q1 completed (promised for .*orders.csv:2$')"
expect_eq "pdf B2 kept" 1 "$(pl '^ *Wed 2026-10-14 13:00 *Installation visit B2 booked: .*appointments.csv:3$')"
expect_eq "pdf B3 cancelled" 1 "$(pl '^ *Tue 2026-10-20 08:00 *Repair visit B3 booked: .*appointments.csv:4$')"
expect_eq "pdf Q2 open" 1 "$(pl '^ *Tue 2026-10-27 09:00 *Order Q2 placed: promised for 2026-11-10; .*orders.csv:3$')"
expect_eq "pdf ACC1 left out" 0 "$(pl 'B4\|Q3')"
expect_eq "pdf appointments missed" 1 "$(pl 'Engineer appointments missed *1 of 3$')"
expect_eq "pdf orders late" 1 "$(pl 'Orders completed late or still open *1 of 2$')"

# Spanish: the same rows, dates as dd/mm/yyyy and Spanish weekdays.
run_ombud complaint --lang es --db out/evidence.db \
    --guarantees "$TEMPLATES/ofcom-auto-comp.ini" --account ACC9 \
    --customer "Test Customer" --period 2026-10 --out es
expect_exit 0
pdftotext -layout es/complaint-ACC9.pdf es.txt
el() { grep -c "$1" es.txt; }
expect_eq "es Q1 placed" 1 "$(el '^ *jue 01/10/2026 10:00 *Pedido Q1 de broadband: fecha prometida 09/10/2026; .*orders.csv:2$')"
expect_eq "es B1 missed" 1 "$(el '^ *mar 06/10/2026 08:00 *Cita de reparación B1: ventana horaria mar 06/10/2026 08:00 a 13:00; .*appointments.csv:2$')"
expect_eq "es B1 never came" 1 "$(el 'el técnico no acudió')"
expect_eq "es Q1 completed" 1 "$(el '^ *mar 13/10/2026 11:00 *Alta del servicio: pedido Q1 completado (fecha prometida .*orders.csv:2$')"
expect_eq "es appointments missed" 1 "$(el 'Citas del técnico incumplidas *1 de 3$')"
