# Numbers are numbers in the dossier's workbook (issue 25): counts are
# numeric cells, times of the account are Excel durations (days) shown as
# [h]:mm, money is a number in the currency's format, dates are dates;
# never text. Read from the sheet XML: a cell with no t= attribute holds a
# number, and its style s= leads (styles.xml cellXfs) to its number format.
#
# Figures by hand from samples/founding-case (its README), ACC-1001 in
# October 2026:
#   TT-4471 out 2026-10-14 16:00 to 10-19 08:00 = 112 h = 112/24 = 4.666667 days
#   22 calls; 12 h 59 min 43 s on the phone = 46783 s = 46783/86400 = 0.541470 days
#   54 employees, 2 of them on more than one leg; 42 transfers, 1 into a
#   closed department; 3 promised restoration times missed;
#   credit owed 64.99 x 112 / 744 = 9.7834 -> 9.78 USD, none received.
G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
run_ombud run -q --guarantees "$G" --outages "$FOUNDING/outages.csv" \
    --calls "$FOUNDING/calls.csv" --billing "$FOUNDING/billing.csv" \
    --period 2026-10 --out out --account ACC-1001 --customer "Jane Doe" \
    --date 2026-11-02
expect_exit 0
D=out/complaint-ACC-1001.xlsx

# tag FILE SHEET REF: the cell's opening tag.
tag() { unzip -p "$1" "xl/worksheets/$2.xml" | grep -o "<c r=\"$3\"[^>]*>" | head -1; }
# kind FILE SHEET REF: "number" for a cell without t=, else its t= value.
kind() {
    tag "$1" "$2" "$3" | sed -n 's/.* t="\([^"]*\)".*/\1/p; / t="/!s/.*/number/p'
}
# value FILE SHEET REF: a number's <v>, or an inline string's text.
value() {
    unzip -p "$1" "xl/worksheets/$2.xml" |
        grep -o "<c r=\"$3\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" |
        sed 's/<[^>]*>//g; s/&amp;/\&/g'
}
# fmt FILE SHEET REF: the format code of the cell's style ("" for General).
fmt() {
    fmt_s=$(tag "$1" "$2" "$3" | sed -n 's/.* s="\([0-9]*\)".*/\1/p')
    fmt_id=$(unzip -p "$1" xl/styles.xml | sed 's/.*<cellXfs[^>]*>//; s/<\/cellXfs>.*//' |
        grep -o '<xf [^>]*>' | sed -n "$((${fmt_s:-0} + 1))p" |
        sed -n 's/.*numFmtId="\([0-9]*\)".*/\1/p')
    unzip -p "$1" xl/styles.xml | grep -o "<numFmt numFmtId=\"$fmt_id\" formatCode=\"[^\"]*\"" |
        sed 's/.*formatCode="//; s/"$//; s/&quot;/"/g'
}
six() { awk -v v="$1" 'BEGIN { printf "%.6f", v }'; }
# figure SHEET REF LABEL-REF LABEL KIND VALUE FORMAT
figure() {
    expect_eq "$4: label" "$4" "$(value "$D" "$1" "$3")"
    expect_eq "$4: a number, not text" number "$(kind "$D" "$1" "$2")"
    expect_eq "$4: value" "$6" "$(six "$(value "$D" "$1" "$2")")"
    expect_eq "$4: format" "$7" "$(fmt "$D" "$1" "$2")"
}

# Numbers (sheet1): one figure a row, label in A, value in B.
expect_eq "Numbers header" "The account in numbers|Value" \
    "$(value "$D" sheet1 A1)|$(value "$D" sheet1 B1)"
figure sheet1 B2 A2 "Outages" number 1.000000 '#,##0'
figure sheet1 B3 A3 "Hours without service" number 4.666667 '[h]:mm'
figure sheet1 B4 A4 "Calls made" number 22.000000 '#,##0'
figure sheet1 B5 A5 "Time on the phone" number 0.541470 '[h]:mm'
figure sheet1 B6 A6 "Employees spoken to" number 54.000000 '#,##0'
figure sheet1 B7 A7 "Employees who handled more than one call leg" number 2.000000 '#,##0'
figure sheet1 B8 A8 "Transfers" number 42.000000 '#,##0'
figure sheet1 B9 A9 "Transfers into a department that was closed" number 1.000000 '#,##0'
figure sheet1 B11 A11 "Promised restoration times missed" number 3.000000 '#,##0'
figure sheet1 B12 A12 "Credits owed" number 9.780000 '#,##0.00 "USD"'
figure sheet1 B13 A13 "Credits received" number 0.000000 '#,##0.00 "USD"'
figure sheet1 B14 A14 "Wrongful late-payment notices" number 0.000000 '#,##0'

# Chronology (sheet2): the first record, billing.csv:9, the October charge
# dated 2026-10-01 (Excel day 46296); its line a number.
expect_eq "chronology date is a number" number "$(kind "$D" sheet2 A2)"
expect_eq "chronology date: 2026-10-01" 46296 "$(value "$D" sheet2 A2)"
expect_eq "chronology date format" "yyyy-mm-dd hh:mm" "$(fmt "$D" sheet2 A2)"
expect_eq "chronology line is a number" "number|9" "$(kind "$D" sheet2 D2)|$(value "$D" sheet2 D2)"

# Breaches (sheet3), in guarantee order: live-support rows 2-6, then
# restoration row 7: TT-4471 measured 112 h against 24 h, 88 h over, as
# durations (88/24 = 3.666667 days); no amount (no money in it).
expect_eq "breaches header" "Measured|Limit|Shortfall|Amount" \
    "$(value "$D" sheet3 E1)|$(value "$D" sheet3 F1)|$(value "$D" sheet3 G1)|$(value "$D" sheet3 H1)"
expect_eq "restoration row" restoration "$(value "$D" sheet3 A7)"
for c in "E7 4.666667" "F7 1.000000" "G7 3.666667"; do
    set -- $c
    expect_eq "restoration $1 is a number" number "$(kind "$D" sheet3 "$1")"
    expect_eq "restoration $1" "$2" "$(six "$(value "$D" sheet3 "$1")")"
    expect_eq "restoration $1 format" '[h]:mm:ss' "$(fmt "$D" sheet3 "$1")"
done
expect_eq "restoration: no amount" "" "$(tag "$D" sheet3 H7)"
expect_eq "restoration when is a date" "yyyy-mm-dd hh:mm" "$(fmt "$D" sheet3 D7)"
# effort rows 12-14 (TT-4471): the transfer into closed billing, 1
# against none allowed; 22 calls against at most 3, 19 over, as counts;
# 46783 s on the phone against at most 1 h (3600 s), 43183 s over, as
# durations: 0.541470, 0.041667 and 0.499803 days.
expect_eq "effort row" effort "$(value "$D" sheet3 A13)"
row() { # REF...: "kind value format" of each cell, '|'-joined
    for r in "$@"; do
        printf '%s %s %s|' "$(kind "$D" sheet3 $r)" "$(six "$(value "$D" sheet3 $r)")" "$(fmt "$D" sheet3 $r)"
    done | sed 's/|$//'
}
expect_eq "effort: closed transfer" "number 1.000000 #,##0|number 0.000000 #,##0|number 1.000000 #,##0" \
    "$(row E12 F12 G12)"
expect_eq "effort: calls" "number 22.000000 #,##0|number 3.000000 #,##0|number 19.000000 #,##0" \
    "$(row E13 F13 G13)"
expect_eq "effort: time on the phone" "number 0.541470 [h]:mm:ss|number 0.041667 [h]:mm:ss|number 0.499803 [h]:mm:ss" \
    "$(row E14 F14 G14)"
# outage-credit row 15: 9.78 USD owed, in the currency's format.
expect_eq "outage-credit row" outage-credit "$(value "$D" sheet3 A15)"
expect_eq "outage-credit amount" "number|9.780000|#,##0.00 \"USD\"" \
    "$(kind "$D" sheet3 H15)|$(six "$(value "$D" sheet3 H15)")|$(fmt "$D" sheet3 H15)"
# No figure of the dossier is written as text that is only a number.
expect_eq "no number written as text" 0 \
    "$(unzip -p "$D" 'xl/worksheets/sheet[123].xml' | grep -c '<is><t[^>]*>[-0-9.,: ]*</t></is>')"

# Spanish: the same numbers, with the language's locale tag in the format.
run_ombud complaint -q --lang es --db out/evidence.db --guarantees "$G" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --out es \
    --date 2026-11-02
expect_exit 0
D=es/complaint-ACC-1001.xlsx
figure sheet1 B3 A3 "Horas sin servicio" number 4.666667 '[$-C0A][h]:mm'
figure sheet1 B4 A4 "Llamadas realizadas" number 22.000000 '[$-C0A]#,##0'
expect_xlsx_xml out/complaint-ACC-1001.xlsx es/complaint-ACC-1001.xlsx
