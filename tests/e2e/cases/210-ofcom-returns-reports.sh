# The automatic compensation returns in both reports (issue 26):
# samples/ofcom over the quarter 2026-Q4 through the Ofcom template. The
# figures are worked by hand in tests/rules/templates/007-ofcom-returns.sh
# and samples/ofcom/README.md: October holds every case but P7 (November);
# November has only P7 (12.92 paid in full in time); December none.
# Per type: cases|owed|paid|short|paid in full within 30 days|pending|share.
# Nothing is pending: the billing runs to 30 November, and every case
# not paid in time (all due by 31 October; P7, November's, was paid in
# time) has its 30 days end by then.
S=$E2E_ROOT/samples/ofcom
G=$E2E_ROOT/templates/guarantees/ofcom-auto-comp.ini
IN="--outages $S/outages.csv --appointments $S/appointments.csv --orders $S/orders.csv --billing $S/billing.csv"
run_ombud run -q --guarantees "$G" $IN --period 2026-Q4 --out out
expect_exit 0
X=out/report.xlsx
# The sheet is the last one: its number is its place in workbook.xml.
n=$(unzip -p "$X" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
    grep -n '"Automatic compensation"' | cut -d: -f1)
expect_eq "the returns sheet is the last" 9 "$n"
unzip -p "$X" "xl/worksheets/sheet$n.xml" > returns.xml
xmllint --noout returns.xml || _t_fail "returns sheet is XML" ok bad
# Row R as "A|B|...|J": text as written, numbers as %.10g.
row() {
    for c in A B C D E F G H I J; do
        grep -o "<c r=\"$c$1\"[^>]*\(/>\|>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)\)" returns.xml |
            sed 's/<[^>]*>//g; s/^$/ /' | awk '/^-?[0-9.]+$/ { printf "%.10g\n", $0; next } { print }'
    done | paste -sd'|' -
}
expect_eq "header" "Type|Guarantee|Month|Cases|Owed|Paid|Short|Paid in full within 30 days|Pending|% paid in full within 30 days" "$(row 4)"
expect_eq "repair, October" "Delayed repair|delayed-repair|2026-10|5|196.46|154.42|42.04|2|0|0.4" "$(row 5)"
expect_eq "repair, November: 0 cases, no share" "Delayed repair|delayed-repair|2026-11|0|0|0|0|0|0|-" "$(row 6)"
expect_eq "repair, quarter" "Delayed repair|delayed-repair|Period total|5|196.46|154.42|42.04|2|0|0.4" "$(row 8)"
expect_eq "appointments, October" "Missed appointment|missed-appointment|2026-10|6|193.86|116.93|76.93|1|0|0.1667" "$(row 9)"
expect_eq "appointments, quarter" "Missed appointment|missed-appointment|Period total|6|193.86|116.93|76.93|1|0|0.1667" "$(row 12)"
expect_eq "provision, October" "Delayed provision|delayed-provision|2026-10|3|58.14|51.68|6.46|1|0|0.3333" "$(row 13)"
expect_eq "provision, November" "Delayed provision|delayed-provision|2026-11|1|12.92|12.92|0|1|0|1" "$(row 14)"
expect_eq "provision, December" "Delayed provision|delayed-provision|2026-12|0|0|0|0|0|0|-" "$(row 15)"
expect_eq "provision, quarter" "Delayed provision|delayed-provision|Period total|4|71.06|64.6|6.46|2|0|0.5" "$(row 16)"
expect_eq "nothing below the table" "" "$(row 17)"
expect_eq "header frozen, filtered" "1|1" \
    "$(grep -c 'ySplit="4"' returns.xml)|$(grep -c '<autoFilter ref="A4:J16"' returns.xml)"

# The PDF: the same rows on a page of their own.
pdftotext -layout out/report.pdf out.txt
rows() { grep -E "^ *(Delayed|Missed) [a-z]+ +(20|Period|NO)" out.txt | tr -s ' ' | sed 's/^ //'; }
expect_eq "PDF returns rows" "Delayed repair 2026-10 5 196.46 154.42 42.04 0 40.00%
Delayed repair 2026-11 0 0.00 0.00 0.00 0 -
Delayed repair 2026-12 0 0.00 0.00 0.00 0 -
Delayed repair Period total 5 196.46 154.42 42.04 0 40.00%
Missed appointment 2026-10 6 193.86 116.93 76.93 0 16.67%
Missed appointment 2026-11 0 0.00 0.00 0.00 0 -
Missed appointment 2026-12 0 0.00 0.00 0.00 0 -
Missed appointment Period total 6 193.86 116.93 76.93 0 16.67%
Delayed provision 2026-10 3 58.14 51.68 6.46 0 33.33%
Delayed provision 2026-11 1 12.92 12.92 0.00 0 100.00%
Delayed provision 2026-12 0 0.00 0.00 0.00 0 -
Delayed provision Period total 4 71.06 64.60 6.46 0 50.00%" "$(rows)"
expect_eq "PDF heading and columns" "1|1" \
    "$(grep -c '^Automatic compensation$' out.txt)|$(grep -c '^Type *Month *Cases *Owed *Paid (GBP) *Short *Pending *% paid in full' out.txt)"
run_ombud verify --report out/report.pdf --guarantees "$G" $IN
expect_exit 0
run_ombud verify --report out/report.xlsx --guarantees "$G" $IN
expect_exit 0

# In Spanish, the same figures written the reader's way.
run_ombud run -q --lang es --guarantees "$G" $IN --period 2026-10 --out es
expect_exit 0
pdftotext -layout es/report.pdf es.txt
expect_eq "PDF in Spanish" "Reparación tardía 2026-10 5 196,46 154,42 42,04 0 40,00 %
Cita incumplida 2026-10 6 193,86 116,93 76,93 0 16,67 %
Alta tardía 2026-10 3 58,14 51,68 6,46 0 33,33 %" \
    "$(grep -E '^ *(Reparación|Cita|Alta) [a-zí]+ +2026-10 ' es.txt | tr -s ' ' | sed 's/^ //')"

# In Hebrew, the page's heading, and no text cut inside a letter (its
# paragraph once ended in a drawn "<0xD7>": two bytes a letter overran a
# buffer measured for English).
run_ombud run -q --lang he --guarantees "$G" $IN --period 2026-10 --out he
expect_exit 0
pdftotext he/report.pdf he.txt
expect_eq "PDF in Hebrew: heading, nothing cut" "1|0" \
    "$(grep -c 'פיצוי אוטומטי' he.txt)|$(grep -c '<0x' he.txt)"
sqlite3 he/evidence.db "SELECT method FROM results" > he-methods.txt
expect_eq "Hebrew methods end with the returns' full stop" 3 \
    "$(grep -c 'אותם\.$' he-methods.txt)"

# A type with no data at all is NO DATA in both reports, never zeros
# (and a serious data-quality item: filed with --allow-incomplete).
run_ombud run -q --allow-incomplete --guarantees "$G" --outages "$S/outages.csv" \
    --billing "$S/billing.csv" --period 2026-10 --out nodata
expect_exit 0
pdftotext -layout nodata/report.pdf nodata.txt
expect_eq "PDF: NO DATA rows" "Missed appointment NO DATA
Delayed provision NO DATA" \
    "$(grep -E '^ *(Missed appointment|Delayed provision) +NO DATA' nodata.txt | tr -s ' ' | sed 's/^ //')"
unzip -p nodata/report.xlsx xl/worksheets/sheet9.xml > returns.xml
expect_eq "XLSX: repair's rows, then NO DATA" "Delayed repair|delayed-repair|Period total|5|196.46|154.42|42.04|2|0|0.4
Missed appointment|missed-appointment|NO DATA
Delayed provision|delayed-provision|NO DATA" "$(row 6; row 7; row 8)"
