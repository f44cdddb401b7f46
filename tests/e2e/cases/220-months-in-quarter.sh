# Months inside a quarter in both reports (issue 26): samples/months-quarter
# over 2026-Q4. Every figure is worked out by hand in
# tests/rules/months/001-quarter.sh: repair 4/4, 1/2, 0/1, quarter 5/7
# (71.43%, pooled, not the 50.00% mean of the months); answer 4/5, no
# call in November (NO DATA), 0/1, quarter 4/6; troubles per reporting
# unit (North 100 lines, South 200), North above 2 per 100 in October,
# South in November: runs are per unit, so neither is two months in a
# row. corrective_after = 2.
S=$E2E_ROOT/samples/months-quarter
G=$S/guarantees.ini
IN="--outages $S/outages.csv --calls $S/calls.csv"
run_ombud run -q --guarantees "$G" $IN --period 2026-Q4 --out out
expect_exit 0
X=out/report.xlsx
n=$(unzip -p "$X" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
    grep -n '"Months"' | cut -d: -f1)
expect_eq "the months sheet is the last" 9 "$n"
unzip -p "$X" "xl/worksheets/sheet$n.xml" > months.xml
xmllint --noout months.xml || _t_fail "months sheet is XML" ok bad
# Row R as "A|B|...|H": text as written, numbers as %.10g, "" when empty.
row() {
    for c in A B C D E F G H; do
        v=$(grep -o "<c r=\"$c$1\"[^>]*\(/>\|>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)\)" months.xml |
            sed 's/<[^>]*>//g' | awk '/^-?[0-9.]+$/ { printf "%.10g\n", $0; next } { print }')
        printf '%s\n' "$v"
    done | paste -sd'|' -
}
expect_eq "header" "Guarantee|Unit|Month|Rate|Count|Base|Target|Status" "$(row 4)"
expect_eq "repair rows" "repair|all|2026-10|1|4|4|0.8|PASS
repair|all|2026-11|0.5|1|2|0.8|FAIL
repair|all|2026-12|0|0|1|0.8|FAIL
repair|all|2026-Q4|0.7143|5|7|0.8|FAIL" "$(row 5; row 6; row 7; row 8)"
expect_eq "answer rows: November NO DATA, no figure" "answer|all|2026-10|0.8|4|5|0.8|PASS
answer|all|2026-11||||0.8|NO DATA
answer|all|2026-12|0|0|1|0.8|FAIL
answer|all|2026-Q4|0.6667|4|6|0.8|FAIL" "$(row 9; row 10; row 11; row 12)"
# Trouble rates per 100 lines (reports / lines x 100), as the rule states them.
expect_eq "troubles rows, per unit" "troubles|all|2026-10|1.67|5|300|2|FAIL
troubles|all|2026-11|2|6|300|2|FAIL
troubles|all|2026-12|0.67|2|300|2|PASS
troubles|all|2026-Q4|1.44|13|900|2|FAIL
troubles|North|2026-10|3|3|100|2|FAIL
troubles|North|2026-11|1|1|100|2|PASS
troubles|North|2026-12|1|1|100|2|PASS
troubles|North|2026-Q4|1.67|5|300|2|FAIL
troubles|South|2026-10|1|2|200|2|PASS
troubles|South|2026-11|2.5|5|200|2|FAIL
troubles|South|2026-12|0.5|1|200|2|PASS
troubles|South|2026-Q4|1.33|8|600|2|FAIL" \
    "$(for r in 13 14 15 16 17 18 19 20 21 22 23 24; do row $r; done)"
expect_eq "nothing else in the table" "|||||||" "$(row 25)"
expect_eq "runs" "Runs of months below standard|||||||
repair|2026-11–2026-12: 2 consecutive months below standard: corrective action report due (after 2 in a row).||||||
answer|2026-12: 1 month below standard, fewer than the 2 in a row that call for corrective action.||||||
troubles|North: 2026-10: 1 month below standard, fewer than the 2 in a row that call for corrective action. South: 2026-11: 1 month below standard, fewer than the 2 in a row that call for corrective action.||||||" \
    "$(row 26; row 27; row 28; row 29)"
expect_eq "header frozen, filtered" "1|1" \
    "$(grep -c 'ySplit="4"' months.xml)|$(grep -c '<autoFilter ref="A4:H24"' months.xml)"

# The PDF: the same rows on a page of their own.
pdftotext -layout out/report.pdf out.txt
rows() {
    grep -E "^ *(all|North|South) +20[0-9-]+(Q4)? " out.txt | tr -s ' ' |
        sed 's/^ //; s# */ *#/#g'
}
expect_eq "PDF months rows" "all 2026-10 100.00% 4/4 80.00% PASS
all 2026-11 50.00% 1/2 80.00% FAIL
all 2026-12 0.00% 0/1 80.00% FAIL
all 2026-Q4 71.43% 5/7 80.00% FAIL
all 2026-10 80.00% 4/5 80.00% PASS
all 2026-11 - - 80.00% NO DATA
all 2026-12 0.00% 0/1 80.00% FAIL
all 2026-Q4 66.67% 4/6 80.00% FAIL
all 2026-10 1.67 per 100 lines 5/300 2.00 per 100 lines FAIL
all 2026-11 2.00 per 100 lines 6/300 2.00 per 100 lines FAIL
all 2026-12 0.67 per 100 lines 2/300 2.00 per 100 lines PASS
all 2026-Q4 1.44 per 100 lines 13/900 2.00 per 100 lines FAIL
North 2026-10 3.00 per 100 lines 3/100 2.00 per 100 lines FAIL
North 2026-11 1.00 per 100 lines 1/100 2.00 per 100 lines PASS
North 2026-12 1.00 per 100 lines 1/100 2.00 per 100 lines PASS
North 2026-Q4 1.67 per 100 lines 5/300 2.00 per 100 lines FAIL
South 2026-10 1.00 per 100 lines 2/200 2.00 per 100 lines PASS
South 2026-11 2.50 per 100 lines 5/200 2.00 per 100 lines FAIL
South 2026-12 0.50 per 100 lines 1/200 2.00 per 100 lines PASS
South 2026-Q4 1.33 per 100 lines 8/600 2.00 per 100 lines FAIL" "$(rows)"
expect_eq "PDF heading, runs" "1|1|1" \
    "$(grep -c '^Months inside the period$' out.txt)|$(grep -c '2 consecutive months below standard: corrective action report due' out.txt)|$(grep -c '^2026-12: 1 month below standard, fewer than the 2 in a row' out.txt)"
run_ombud verify --report out/report.pdf --guarantees "$G" $IN
expect_exit 0
run_ombud verify --report out/report.xlsx --guarantees "$G" $IN
expect_exit 0

# One month: no months sheet, no months page.
run_ombud run -q --guarantees "$G" $IN --period 2026-10 --out nov
expect_exit 0
expect_eq "no Months sheet for a month" 0 \
    "$(unzip -p nov/report.xlsx xl/workbook.xml | grep -c '"Months"')"
pdftotext -layout nov/report.pdf nov.txt
expect_eq "no months page for a month" 0 \
    "$(grep -c '^Months inside the period$' nov.txt)"
