# The call-centre KPI pack (call_kpis) in both reports, read back: the
# workbook's "ID KPIs" and "ID intervals" sheets hold the figures as typed
# cells, the PDF's section the same figures in words, the calls not
# answered are listed with file:line in both, and a pack with no target
# is MEASURED, never PASS. The figures are worked by hand in
# tests/rules/call_kpis/001-figures.sh (same legs, same settings):
#   all calls: 14 offered, 8 answered, 4 abandoned (1 short), 2 no person;
#   ASA 514/8 = 64.25 -> 64 s; AHT 2220/8 = 277.5 -> 278 s; abandon rate
#   4/14 = 28.57%; without short 3/13 = 23.08%; SL 4/13 = 30.77%
#   waits answered 4 2 1 1 0, abandoned 2 0 1 0 1
#   SL per 30 min: 06 09:00 66.67%, 09:30 0, 10:00 33.33%, 07 14:00 0,
#   14:30 33.33%
cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to
K01,sales,2026-10-06 09:00:00,2026-10-06 09:00:10,2026-10-06 09:05:10,answered,A1,
K02,sales,2026-10-06 09:10:00,2026-10-06 09:10:20,2026-10-06 09:12:20,answered,A2,
K03,sales,2026-10-06 09:20:00,2026-10-06 09:20:45,2026-10-06 09:30:45,answered,A1,
K04,sales,2026-10-06 09:35:00,,2026-10-06 09:35:03,abandoned,,
K05,sales,2026-10-06 09:40:00,,2026-10-06 09:41:30,abandoned,,
K06,support,2026-10-06 09:50:00,2026-10-06 09:52:00,2026-10-06 09:54:00,answered,A2,
K07,support,2026-10-06 10:05:00,,2026-10-06 10:05:05,abandoned,,
K08,support,2026-10-06 10:10:00,,2026-10-06 10:10:30,voicemail,,
K09,support,2026-10-06 10:20:00,,2026-10-06 10:20:40,transferred,,sales
K10,support,2026-10-06 10:25:00,2026-10-06 10:25:15,2026-10-06 10:26:15,answered,A3,
K11,sales,2026-10-07 14:00:00,2026-10-07 14:04:00,2026-10-07 14:06:00,answered,A1,
K12,sales,2026-10-07 14:10:00,,2026-10-07 14:21:00,abandoned,,
K13,sales,2026-10-07 14:40:00,2026-10-07 14:40:05,2026-10-07 14:50:05,answered,A3,
K14,support,2026-10-07 14:45:00,,2026-10-07 14:45:00,closed,,
K15,billing,2026-10-07 14:50:00,2026-10-07 14:50:20,2026-10-07 14:51:20,answered,A1,
K16,support,2026-10-07 14:55:00,2026-10-07 14:55:59,2026-10-07 15:00:59,transferred,A2,billing
CSV
cat > g.ini <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee kpi]
promise = Call-centre figures
source = service standards
kind = call_kpis
queues = sales, support

[guarantee kpit]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales, support
asa_max = 65s
abandon_max = 25%
sl_target = 30%
INI
run_ombud run -q --guarantees g.ini --calls calls.csv --period 2026-10 --out out
expect_exit 0
expect_eq "workbook well-formed" "" "$(xlsx_wellformed out/report.xlsx)"
expect_eq "PDF well-formed" "" "$(pdf_wellformed out/report.pdf)"

R=out/report.xlsx
names() { unzip -p "$R" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"$//'; }
# sheet NAME: its XML, one cell a line
sheet() {
    _n=$(names | grep -n -x -F "$1" | cut -d: -f1)
    unzip -p "$R" "xl/worksheets/sheet$_n.xml" | sed 's/<c /\n<c /g'
}
# cell NAME REF: the cell's value or inline text
cell() {
    sheet "$1" | grep "^<c r=\"$2\"" | sed -n 's/.*<v>\([^<]*\)<\/v>.*/\1/p; s/.*<t[^>]*>\([^<]*\)<\/t>.*/\1/p' | head -n 1
}
# row NAME N COLS...: the cells of row N, '|'-joined
row() {
    _s=$1 _r=$2
    shift 2
    _o=
    for _c in "$@"; do _o="$_o$(cell "$_s" "$_c$_r")|"; done
    echo "${_o%|}"
}
# secs V: a duration cell (days) in whole seconds
secs() { awk -v v="$1" 'BEGIN { printf "%.0f", v * 86400 }'; }

expect_eq "sheets" "Summary
kpi
kpit
Inputs
Rejects
Method
Manifest
kpi KPIs
kpi intervals
kpit KPIs
kpit intervals" "$(names)"
expect_eq "Summary: no target is MEASURED" 1 \
    "$(sheet Summary | grep -c '<t>MEASURED</t>')"
expect_eq "Summary: targets met are PASS" 1 \
    "$(sheet Summary | grep -c '<t>PASS</t>')"
# The 6 calls not answered (K04, K05, K07, K08, K12, K14) are listed, not
# breaches, whatever the verdict: the Total counts no breach.
expect_eq "Summary: listed, not breaches" 2 \
    "$(sheet Summary | grep -c '<t>6 listed</t>')"
expect_eq "Summary: the Total counts no listed call" 0 \
    "$(sheet Summary | grep '^<c r="H' | grep -v '<t>' | sed -n 's/.*<v>\([^<]*\)<\/v>.*/\1/p' | tail -n 1)"

expect_eq "KPIs header" "Calls of|Offered|Answered|Abandoned|Short abandons|No person|ASA|AHT|Abandon rate|Abandon rate, no short|Service level" \
    "$(row 'kpi KPIs' 5 A B C D E F G H I J K)"
expect_eq "all calls: counts and shares" "all calls|14|8|4|1|2|0.2857|0.2308|0.3077" \
    "$(row 'kpi KPIs' 6 A B C D E F I J K)"
expect_eq "all calls: ASA 64 s" 64 "$(secs "$(cell 'kpi KPIs' G6)")"
expect_eq "all calls: AHT 278 s" 278 "$(secs "$(cell 'kpi KPIs' H6)")"
expect_eq "queue sales" "queue sales|8|5|3|1|0|0.375|0.2857|0.4286" \
    "$(row 'kpi KPIs' 7 A B C D E F I J K)"
expect_eq "queue support" "queue support|6|3|1|0|2|0.1667|0.1667|0.1667" \
    "$(row 'kpi KPIs' 8 A B C D E F I J K)"
expect_eq "day 10-06" "2026-10-06|9|5|3|1|1|0.3333|0.25|0.375" \
    "$(row 'kpi KPIs' 9 A B C D E F I J K)"
expect_eq "day 10-07: ASA 101 s" 101 "$(secs "$(cell 'kpi KPIs' G10)")"
expect_eq "agent A1: answered only" "agent A1||3||||||" \
    "$(row 'kpi KPIs' 11 A B C D E F I J K)"
expect_eq "agent A1: ASA 98 s, AHT 340 s" "98 340" \
    "$(secs "$(cell 'kpi KPIs' G11)") $(secs "$(cell 'kpi KPIs' H11)")"
# the waits below the figures (rows 16-21) and the time of day (24-29)
expect_eq "waits header" "Wait|Answered|Abandoned" "$(row 'kpi KPIs' 16 A B C)"
expect_eq "waits" "0-20 s|4|2 20-60 s|2|0 1-3 min|1|1 3-10 min|1|0 over 10 min|0|1" \
    "$(for r in 17 18 19 20 21; do row 'kpi KPIs' $r A B C; done | tr '\n' ' ' | sed 's/ $//')"
expect_eq "SL by time of day" "09:00-09:30|3|3|0|0.6667 09:30-10:00|3|1|2|0 10:00-10:30|3|1|1|0.3333 14:00-14:30|2|1|1|0 14:30-15:00|3|2|0|0.3333" \
    "$(for r in 25 26 27 28 29; do row 'kpi KPIs' $r A B C D E; done | tr '\n' ' ' | sed 's/ $//')"
# every interval of the period: Excel's serial day (1899-12-30 = 0)
S6=$(( $(daynum 2026-10-06) + 25569 ))
S7=$(( $(daynum 2026-10-07) + 25569 ))
expect_eq "interval starts" "$S6.375 $S6.396 $S6.417 $S7.583 $S7.604" \
    "$(for r in 6 7 8 9 10; do awk -v v="$(cell 'kpi intervals' A$r)" 'BEGIN { printf "%.3f\n", v }'; done | tr '\n' ' ' | sed 's/ $//')"
expect_eq "interval levels" "0.6667 0 0.3333 0 0.3333" \
    "$(for r in 6 7 8 9 10; do cell 'kpi intervals' E$r; done | tr '\n' ' ' | sed 's/ $//')"
expect_eq "intervals: filtered and frozen" "A5:E10" \
    "$(sheet 'kpi intervals' | grep -o '<autoFilter ref="[^"]*"' | sed 's/.*ref="//; s/"$//')"
# the calls not answered, with their lines
expect_eq "listed calls" "K04|calls.csv:5 K05|calls.csv:6 K07|calls.csv:8 K08|calls.csv:9 K12|calls.csv:13 K14|calls.csv:15" \
    "$(for r in 6 7 8 9 10 11; do row kpi $r B I; done | tr '\n' ' ' | sed 's/ $//')"

# The PDF: the same figures in words, one spacing.
pdftotext -layout out/report.pdf - | nbsp_plain | tr -s ' ' > r.txt
has() { expect_eq "PDF: $1" 1 "$(grep -c -F -- "$1" r.txt | sed 's/^[1-9][0-9]*$/1/')"; }
has "MEASURED. Measured: 14 calls offered: ASA 1 min 4 s, AHT 4 min 38 s, abandoned 28.57% (23.08%"
has "PASS. Measured: 14 calls offered"
has "not answered: 6, listed. Target: no"
has "reported, not judged. Listed: 6."
has "MEASURED 6 listed"
has "target set: the figures are reported, not judged."
has "all calls 14 8 4 1 2 1 min 4 s 4 min 38 s 28.57% 23.08% 30.77%"
has "queue sales 8 5 3 1 0 1 min 4 s 5 min 48 s 37.50% 28.57% 42.86%"
has "2026-10-07 5 3 1 0 1 1 min 41 s 5 min 40 s 20.00% 20.00% 20.00%"
has "agent A3 2 10 s 5 min 30 s"
has "0-20 s 4 2"
has "over 10 min 0 1"
has "09:00-09:30 3 3 0 66.67%"
has "14:30-15:00 3 2 0 33.33%"
has "K12 Wed 2026-10-07 14:10 11 min 20 s"
has "calls.csv line 13"
has "calls.csv line 15"

# both reports verify against the inputs
run_ombud verify --report out/report.xlsx --guarantees g.ini --calls calls.csv
expect_exit 0
run_ombud verify --report out/report.pdf --guarantees g.ini --calls calls.csv
expect_exit 0

# In Spanish: the verdict and the figures the reader's way.
run_ombud check --lang es --db out/evidence.db --guarantees g.ini --period 2026-10 -q
expect_exit 0
run_ombud report --db out/evidence.db -o es.pdf
expect_exit 0
pdftotext -layout es.pdf - | nbsp_plain | tr -s ' ' > r.txt
has "MEDIDO. Medido: 14 llamadas ofrecidas: TMR 1 min 4 s, TMO 4 min 38 s"
has "todas las llamadas 14 8 4 1 2 1 min 4 s 4 min 38 s 28,57 % 23,08 % 30,77 %"
has "más de 10 min 0 1"
