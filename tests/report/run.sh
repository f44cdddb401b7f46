#!/bin/sh
# End-to-end tests of the reports: run ombud on the founding case and read
# the XLSX back with unzip (the sheet XML) and the expected figures worked
# out by hand from samples/founding-case (see its README).
#
# usage: sh tests/report/run.sh path/to/ombud
set -u
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0 failed=0

check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s\n     expected: %s\n     actual:   %s\n' "$1" "$2" "$3"
    fi
}

# cell FILE SHEET REF: the value of one cell (number or inline string).
cell() {
    unzip -p "$1" "xl/worksheets/$2.xml" |
        grep -o "<c r=\"$3\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" |
        sed 's/<[^>]*>//g; s/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g'
}
cents() { awk -v v="$1" 'BEGIN { printf "%.2f", v }'; }
# sound FILE...: each workbook's XML parses and each PDF passes qpdf --check
# (xlsx_wellformed and pdf_wellformed, tests/lib/common.sh), checked right
# after ombud writes it.
. "$ROOT/tests/lib/common.sh"
sound() {
    for f in "$@"; do
        case $f in
        *.xlsx) check "well-formed XML: ${f#"$WORK"/}" "" "$(xlsx_wellformed "$f")" ;;
        *.pdf) check "qpdf --check: ${f#"$WORK"/}" "" "$(pdf_wellformed "$f")" ;;
        esac
    done
}

S=$ROOT/samples/founding-case
run() { # run OUTDIR [extra args]
    out=$1; shift
    "$OMBUD" run -q --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
        --outages "$S/outages.csv" --calls "$S/calls.csv" \
        --billing "$S/billing.csv" --period 2026-10 --out "$out" "$@" >/dev/null
}

run "$WORK/a"; check "run exits 0" 0 $?
X=$WORK/a/report.xlsx
sound "$X" "$WORK/a/report.pdf"

# Sheets, in order.
check "sheet names" "Summary live-support restoration promised-times planned-work-notice effort outage-credit no-wrongful-notices Inputs Rejects Method Manifest live-support heat map" \
    "$(unzip -p "$X" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"//' | tr '\n' ' ' | sed 's/ $//')"

# Summary: rows 14-20 are the guarantees in file order, row 21 the totals.
# Breaches (October 2026): five unreachable tech-support calls; TT-4471 the
# one outage over 24 h; three promises; TT-4471's notice; effort: 22 calls > 3,
# 12h59m > 1h, and the Saturday transfer to closed billing = 3; one credit
# short; ACC-1002's October notice (2026-10-28) the one notice in October.
i=14
for g in "live-support 5" "restoration 1" "promised-times 3" "planned-work-notice 1" \
         "effort 3" "outage-credit 1" "no-wrongful-notices 1"; do
    set -- $g
    check "summary row $i guarantee" "$1" "$(cell "$X" sheet1 A$i)"
    check "summary $1 status" "FAIL" "$(cell "$X" sheet1 G$i)"
    check "summary $1 breaches" "$2" "$(cell "$X" sheet1 H$i)"
    i=$((i + 1))
done
# Pro-rata credit: 64.99 USD x 112 h / (31 d x 24 h) = 9.7834... -> 9.78.
check "credit owed" "9.78" "$(cents "$(cell "$X" sheet1 I19)")"
check "total breaches" "15" "$(cell "$X" sheet1 H21)"
check "total owed" "9.78" "$(cents "$(cell "$X" sheet1 I21)")"
check "verdict" "7 of 7 guarantees breached" "$(cell "$X" sheet1 E21)"
check "promise quoted" '"24/7 live tech support"' "$(cell "$X" sheet1 B14)"
check "period" "2026-10-01 to 2026-10-31" "$(cell "$X" sheet1 B6)"

# live-support: first breach is C-20261015-01 (Thu 07:05:40 PDT), calls.csv:12,
# a real date: 2026-10-15 07:05:40 is Excel day 46310 + 25540/86400.
check "first live breach" "C-20261015-01" "$(cell "$X" sheet2 B6)"
check "first live breach evidence" "calls.csv:12" "$(cell "$X" sheet2 I6)"
check "first live breach date" "46310.2956" "$(awk -v v="$(cell "$X" sheet2 C6)" 'BEGIN { printf "%.4f", v }')"
check "live breaches are the 5 calls" "C-20261015-01 C-20261016-01 C-20261017-05 C-20261018-01 C-20261018-02" \
    "$(for r in 6 7 8 9 10; do cell "$X" sheet2 B$r; done | tr '\n' ' ' | sed 's/ $//')"
# Heat map, on its own sheet after the Manifest (sheet13: Summary, seven
# guarantees, Inputs, Rejects, Method, Manifest, then it): the grid's
# header on row 3, Mon on row 4, so Thu is row 7; hour 0 in column B, so
# hour 7 is column I. Thursday 07:00: 0 of 1 live -> 0; Thursday 08:00
# (column J): 1 of 1 -> 1. Its print area: the title, the link, the header,
# 7 days, a blank row and the note: A1:Y12 (24 hours in B..Y).
check "heat map Thu 07h" "0" "$(cell "$X" sheet13 I7)"
check "heat map Thu 08h" "1" "$(cell "$X" sheet13 J7)"
check "heat map sheet's title" "live-support: live-answer share by hour of the week" "$(cell "$X" sheet13 A1)"
check "heat map prints on its own" 1 "$(unzip -p "$X" xl/workbook.xml | grep -cF "localSheetId=\"12\">'live-support heat map'!\$A\$1:\$Y\$12<")"
check "guarantee sheet links to its heat map" 1 "$(unzip -p "$X" xl/worksheets/sheet2.xml | grep -c '<hyperlink ref="C4"')"
# Print areas: a guarantee's sheet prints its title rows and its table,
# not the chart data beside it (restoration: header row 5, one breach on
# row 6 -> A1:I6); Rejects, none rejected, its note on row 3 -> A1:F3.
check "restoration print area" 1 "$(unzip -p "$X" xl/workbook.xml | grep -cF "restoration!\$A\$1:\$I\$6<")"
check "rejects print area" 1 "$(unzip -p "$X" xl/workbook.xml | grep -cF "Rejects!\$A\$1:\$F\$3<")"

# restoration: TT-4471 measured 112 h = 4.6667 days as an Excel duration.
check "restoration subject" "TT-4471" "$(cell "$X" sheet3 B6)"
check "restoration measured" "4.6667" "$(awk -v v="$(cell "$X" sheet3 D6)" 'BEGIN { printf "%.4f", v }')"
check "restoration shortfall 88 h" "3.6667" "$(awk -v v="$(cell "$X" sheet3 F6)" 'BEGIN { printf "%.4f", v }')"

# Inputs: three files, 3 + 64 + 18 rows, none rejected.
check "inputs outages" "outages.csv 3 3 0 yes" "$(for c in A G H I J; do cell "$X" sheet9 ${c}3; done | tr '\n' ' ' | sed 's/ $//')"
check "inputs calls" "calls.csv 64 64 0 yes" "$(for c in A G H I J; do cell "$X" sheet9 ${c}4; done | tr '\n' ' ' | sed 's/ $//')"
check "inputs billing" "billing.csv 18 18 0 yes" "$(for c in A G H I J; do cell "$X" sheet9 ${c}5; done | tr '\n' ' ' | sed 's/ $//')"
check "inputs sha256" "$(sha256sum "$S/calls.csv" | cut -c1-64)" "$(cell "$X" sheet9 D4)"

# Deterministic: a second run gives the same bytes.
run "$WORK/b"
sound "$WORK/b/report.xlsx" "$WORK/b/report.pdf"
if cmp -s "$X" "$WORK/b/report.xlsx"; then check "identical bytes" same same
else check "identical bytes" same different; fi

# Formula-looking input stays a string; rejects are listed.
mkdir -p "$WORK/f"
printf 'outage_id,account_id,area,started_at,restored_at,cause\n' > "$WORK/f/o.csv"
printf 'F-1,=HYPERLINK("http://x"),@SUM(A1),2026-10-02T00:00:00Z,2026-10-04T00:00:00Z,+cmd\n' >> "$WORK/f/o.csv"
printf 'F-2,,,2026-13-02T00:00:00Z,,bad month\n' >> "$WORK/f/o.csv"
cat > "$WORK/f/g.ini" <<'INI'
[filing]
carrier = C
commission = K
[guarantee r]
promise = P
source = S
kind = restoration
within = 24h
INI
"$OMBUD" run -q --guarantees "$WORK/f/g.ini" --outages "$WORK/f/o.csv" \
    --period 2026-10 --out "$WORK/f/out" >/dev/null 2>&1
F=$WORK/f/out/report.xlsx
sound "$F" "$WORK/f/out/report.pdf"
check "no formula anywhere" "0" "$(unzip -p "$F" 'xl/worksheets/*.xml' | grep -c '<f>')"
# The breach detail quotes the account as written, inside a text cell.
check "formula text kept as text" "1" \
    "$(unzip -p "$F" xl/worksheets/sheet2.xml | grep -c '<is><t>F-1 (account =HYPERLINK(')"
# Sheets here: Summary, r, Inputs, Rejects (sheet4), Method.
check "reject listed" "o.csv 3 4 started_at" "$(for c in A B C D; do cell "$F" sheet4 ${c}3; done | tr '\n' ' ' | sed 's/ $//')"

# report command: the latest check, same content as run's.
"$OMBUD" report -q --db "$WORK/a/evidence.db" -o "$WORK/c.xlsx"
check "report exit" 0 $?
sound "$WORK/c.xlsx"
check "report = run" same "$(cmp -s "$WORK/c.xlsx" "$X" && echo same || echo different)"
"$OMBUD" report -q --db "$WORK/a/evidence.db" -o "$WORK/c.pdfx" 2>/dev/null
check "unknown format exit" 64 $?
mkdir -p "$WORK/ro" && chmod 555 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
    "$OMBUD" report -q --db "$WORK/a/evidence.db" -o "$WORK/ro/r.xlsx" 2>/dev/null
    check "unwritable exit" 73 $?
fi

# Past the row limit a guarantee's breaches continue on "Name (2)"...
# OMBUD_TEST_XLSX_ROWS=8 leaves rows 6-8 (3 breaches) per sheet: the five
# unreachable calls of the founding case need two sheets (the second right
# after the first). Sheet names must stay unique: a guarantee called
# "Summary" becomes "Summary (2)".
OMBUD_TEST_XLSX_ROWS=8 "$OMBUD" report -q --db "$WORK/a/evidence.db" -o "$WORK/split.xlsx"
check "split exit" 0 $?
sound "$WORK/split.xlsx"
check "split sheets" "Summary live-support live-support (2) restoration promised-times planned-work-notice effort outage-credit no-wrongful-notices Inputs Rejects Method Manifest live-support heat map" \
    "$(unzip -p "$WORK/split.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"//' | tr '\n' ' ' | sed 's/ $//')"
check "split continues with the 4th breach" "C-20261018-01" "$(cell "$WORK/split.xlsx" sheet3 B6)"
check "split said in Summary" "sheets 'live-support' and 1 more (row limit)" "$(cell "$WORK/split.xlsx" sheet1 J14)"
sed 's/^\[guarantee r\]/[guarantee Summary]/' "$WORK/f/g.ini" > "$WORK/f/g2.ini"
"$OMBUD" check -q --db "$WORK/f/out/evidence.db" --guarantees "$WORK/f/g2.ini" --period 2026-11 >/dev/null 2>&1
"$OMBUD" report -q --db "$WORK/f/out/evidence.db" -o "$WORK/names.xlsx"
sound "$WORK/names.xlsx"
check "unique sheet names" "Summary Summary (2) Inputs Rejects Method Manifest" \
    "$(unzip -p "$WORK/names.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"//' | tr '\n' ' ' | sed 's/ $//')"

# ---- PDF ------------------------------------------------------------------
P=$WORK/a/report.pdf
T=$WORK/a.txt
pdftotext -layout "$P" "$T"
# 8 pages: cover, summary, findings (4 pages for 7 guarantees), inputs,
# certification; every page says "page N of 8".
check "pdf pages" "8" "$(pdfinfo "$P" | sed -n 's/^Pages: *//p')"
check "pdf page N of M" "8" "$(grep -c 'page [1-8] of 8' "$T")"
check "pdf verdict" "1" "$(grep -c '7 of 7 guarantees breached; 9.78 USD in credits owed' "$T")"
check "pdf FAIL labels in summary" "7" "$(sed -n '/^ *Summary/,/Findings by guarantee/p' "$T" | grep -c 'FAIL')"
check "pdf live-support measured" "1" "$(grep -c '24 of 29 calls reached a person within 10 min (82.76%)' "$T")"
check "pdf restoration row: 112h vs 24h" "1" "$(grep -c '^ *TT-4471  .* 112 h *24 h' "$T")"
# Each unreachable call's row names its line in calls.csv ("calls.csv
# line 12": one row, one line).
for cr in C-20261015-01:12 C-20261016-01:33 C-20261017-05:63 C-20261018-01:64 C-20261018-02:65; do
    call=${cr%%:*} line=${cr##*:}
    check "pdf evidence $call" "1" "$(grep -c "^ *$call .*calls.csv line $line\$" "$T")"
done
# The credit's arithmetic, as written in its breach row (wrapped where
# the column's width falls: the cell's lines are joined).
check "pdf credit owed" "1" "$(pdftotext "$P" - | tr '\n' ' ' | grep -o 'owed 9.78 USD = 64.99' | wc -l | tr -d ' ')"
# The detail names the prorated charge (issue 23).
check "pdf credit formula" "1" "$(grep -c '64.99 (INV-1001-2610) × 112 h / 744 h' "$T")"
# The checksum appears in the inputs table and in the printed manifest.
check "pdf inputs sha" "2" "$(grep -c "$(sha256sum "$S/outages.csv" | cut -c1-40)" "$T")"
check "pdf certification" "1" "$(grep -c '^ *Certification' "$T")"
check "pdf creation date = period end" "1" "$(pdfinfo "$P" | grep -c 'CreationDate: *Sun Nov  1 07:00:00 2026 UTC')"
check "pdf fonts embedded" "0" "$(pdffonts "$P" | tail -n +3 | awk '$(NF-4) != "yes"' | wc -l)"
if cmp -s "$P" "$WORK/b/report.pdf"; then check "pdf identical bytes" same same
else check "pdf identical bytes" same different; fi
"$OMBUD" report -q --db "$WORK/a/evidence.db" -o "$WORK/a4.pdf" --paper a4
sound "$WORK/a4.pdf"
check "pdf a4" "1" "$(pdfinfo "$WORK/a4.pdf" | grep -c '595.28 x 841.89')"
check "pdf letter" "1" "$(pdfinfo "$P" | grep -c '612 x 792')"

# Hebrew (right to left) and Catalan text from the inputs and the
# guarantees file come back out of the PDF.
mkdir -p "$WORK/he"
printf 'outage_id,account_id,started_at,restored_at
' > "$WORK/he/o.csv"
printf 'TQ-7,Compte-Lleida-Çà,2026-10-02T00:00:00Z,2026-10-04T00:00:00Z
' >> "$WORK/he/o.csv"
cat > "$WORK/he/g.ini" <<'INI'
[filing]
carrier = בזק Bezeq
commission = Ministry of Communications
[guarantee r]
promise = שירות יחודש תוך 24 שעות
source = La reposició del servei, pàgina 2
kind = restoration
within = 24h
INI
"$OMBUD" run -q --guarantees "$WORK/he/g.ini" --outages "$WORK/he/o.csv" \
    --period 2026-10 --out "$WORK/he/out" >/dev/null
sound "$WORK/he/out/report.xlsx" "$WORK/he/out/report.pdf"
pdftotext "$WORK/he/out/report.pdf" "$WORK/he.txt"
check "pdf Catalan account" "1" "$(grep -c 'Compte-Lleida-Çà' "$WORK/he.txt" | sed 's/[2-9]/1/')"
check "pdf Catalan source" "1" "$(grep -c 'reposició del servei, pàgina 2' "$WORK/he.txt" | sed 's/[2-9]/1/')"
check "pdf Hebrew carrier" "1" "$(grep -c 'בזק' "$WORK/he.txt" | sed 's/[2-9][0-9]*/1/')"
check "pdf Hebrew promise" "1" "$(grep -c 'שירות' "$WORK/he.txt" | sed 's/[2-9][0-9]*/1/')"

# A long breach list: 60 outages of 25 h each (all over 24 h). The PDF
# shows the first 25 rows, its table header again on each new page, and
# says the other 35 are in the XLSX.
mkdir -p "$WORK/long"
{ echo 'outage_id,account_id,started_at,restored_at,cause'
  awk 'BEGIN { for (i = 1; i <= 60; i++)
      printf "L-%02d,ACC-%02d,2026-10-%02dT00:00:00Z,2026-10-%02dT01:00:00Z,x\n", i, i, i % 28 + 1, i % 28 + 2 }'
} > "$WORK/long/o.csv"
"$OMBUD" run -q --guarantees "$WORK/f/g.ini" --outages "$WORK/long/o.csv" \
    --period 2026-10 --out "$WORK/long/out" >/dev/null
sound "$WORK/long/out/report.xlsx" "$WORK/long/out/report.pdf"
pdftotext -layout "$WORK/long/out/report.pdf" "$WORK/long.txt"
check "long list: 60 breaches" "60" "$(cell "$WORK/long/out/report.xlsx" sheet1 H14)"
check "long list: the rest in the XLSX" "1" "$(grep -c '35 more breaches are listed in the XLSX' "$WORK/long.txt")"
heads=$(grep -c 'What happened' "$WORK/long.txt")
check "long list: header repeated on a new page" "yes" "$([ "$heads" -ge 2 ] && echo yes || echo "no ($heads)")"
check "long list: rows L-01..L-25 shown" "25" "$(grep -c '^ *L-[0-9][0-9]  *[A-Z][a-z][a-z] 2026-' "$WORK/long.txt")"

# ---- the complaint dossier (ombud run --account, ombud complaint) ----------
# Dated (--date): two dossiers compared below are the same on any day.
run "$WORK/d" --account ACC-1001 --customer "Jane Doe" --date 2026-11-02
check "dossier run exit" 0 $?
sound "$WORK/d"/*.xlsx "$WORK/d"/*.pdf
D=$WORK/d/complaint-ACC-1001.pdf
pdftotext -layout "$D" "$WORK/d.txt"
dl() { grep -c "$1" "$WORK/d.txt"; }
# The founding case: 112 h without service (10-14 16:00 to 10-19 08:00),
# 22 calls, 46783 s = 12 h 59 min on the phone, 54 agents of whom 2 took
# more than one leg, 3 missed promises, 9.78 USD owed (64.99 x 112/744).
check "dossier hours without service" "1" "$(dl 'Hours without service *112 h (1 outage)')"
check "dossier calls" "1" "$(dl 'Calls made  *22$')"
check "dossier phone time" "1" "$(dl 'Time on the phone  *12 h 59 min')"
check "dossier agents" "1" "$(dl 'Employees spoken to  *54 (only 2 handled more than one call leg)')"
check "dossier closed transfer" "1" "$(dl 'Transfers  *42 (1 into a department that was closed)')"
check "dossier promises missed" "1" "$(dl 'Promised restoration times missed  *3$')"
check "dossier credits" "1" "$(dl 'Credits owed / received  *9.78 USD / 0.00 USD')"
check "dossier notices" "1" "$(dl 'Wrongful late-payment notices  *0$')"
# The letter, filled: no placeholder left.
check "letter customer" "1" "$(dl 'I, Jane Doe, hold account ACC-1001 with Example Fibre Co.')"
check "letter dated --date" "1" "$(dl '^2026-11-02$')"
check "letter total owed" "1" "$(dl 'not paid: 9.78 USD.')"
check "letter commission" "1" "$(dl '^California Public Utilities Commission')"
check "letter no placeholder left" "0" "$(dl '{{')"
check "letter quotes a promise" "1" "$(dl '"24/7 live tech support" (Fibre bundle brochure, 2026, page 2): broken 5 times')"
check "dossier timeline" "1" "$(dl '^ *Timeline')"
check "dossier records used" "1" "$(dl '^ *Records used')"
check "dossier chronology line" "1" "$(dl 'Service lost (TT-4471, planned work, announced for Thu 2026-10-15 10:00); no notice')"
# XLSX: Numbers, Chronology, Breaches; 68 events + a header row.
DX=$WORK/d/complaint-ACC-1001.xlsx
check "dossier sheets" "Numbers Chronology Breaches Manifest" \
    "$(unzip -p "$DX" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"//' | tr '\n' ' ' | sed 's/ $//')"
check "dossier chronology rows" "69" "$(unzip -p "$DX" xl/worksheets/sheet2.xml | grep -o '<row ' | wc -l)"
check "dossier chronology first" "Charge 64.99 USD INV-1001-2610: Monthly voice service, October 2026" "$(cell "$DX" sheet2 B2)"
# Deterministic.
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --date 2026-11-02 \
    --out "$WORK/d2"
check "complaint exit" 0 $?
sound "$WORK/d2"/*.xlsx "$WORK/d2"/*.pdf
check "dossier pdf identical" same "$(cmp -s "$D" "$WORK/d2/complaint-ACC-1001.pdf" && echo same || echo different)"
check "dossier xlsx identical" same "$(cmp -s "$DX" "$WORK/d2/complaint-ACC-1001.xlsx" && echo same || echo different)"
# A letter template with an unknown placeholder fails, naming it and its line.
printf 'Dear {{commission}},\n\nPlease refund {{refund_amount}} to {{customer}}.\n' > "$WORK/bad-letter.txt"
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --letter "$WORK/bad-letter.txt" \
    --out "$WORK/d3" 2>"$WORK/bad.err"
check "bad letter exit" 65 $?
check "bad letter message" "1" "$(grep -c 'bad-letter.txt:3: error: unknown placeholder {{refund_amount}}' "$WORK/bad.err")"
check "bad letter leaves no dossier" "0" "$(ls "$WORK/d3" 2>/dev/null | grep -c complaint)"
# A letter of one's own, filled.
printf '{{customer}} v. {{carrier}}: {{total_owed}} owed.\n' > "$WORK/own.txt"
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --period 2026-10 --letter "$WORK/own.txt" --customer "J. Doe" --out "$WORK/d4"
sound "$WORK/d4"/*.xlsx "$WORK/d4"/*.pdf
check "own letter" "1" "$(pdftotext "$WORK/d4/complaint-ACC-1001.pdf" - | grep -c 'J. Doe v. Example Fibre Co: 9.78 USD owed.')"

# ---- complaints that stand up (issue 22, item 7) ----------------------------------
# The letter states each breach's facts (samples/founding-case/README.md):
# TT-4471 out Wed 10-14 16:00 to Mon 10-19 08:00 = 112 h, against 24 h:
# 88 h over; 9.78 USD owed (64.99 x 112/744), none credited; the three
# promises (Thu 18:00, Fri 17:00, Sat 20:00) missed by 86, 63 and 36 h.
# pdftotext -layout wraps at the page width: the facts are matched by
# their first part. The letter is the text up to "Sincerely," (the
# breaches pages repeat the facts).
sed -n '1,/^Sincerely,$/p' "$WORK/d.txt" > "$WORK/dl.txt"
dl() { grep -c "$1" "$WORK/dl.txt"; }
check "letter: TT-4471's outage" 1 "$(dl '^ *TT-4471 (account ACC-1001): out from Wed 2026-10-14 16:00 to Mon 2026-10-19$')"
check "letter: 112 h, 88 over" 1 "$(dl '^ *08:00: 112 h against 24 h, 88 h over$')"
check "letter: the credit owed" 1 "$(dl '^ *TT-4471/ACC-1001: out 112 h; owed 9.78 USD = 64.99 (INV-1001-2610) × 112 h /')"
check "letter: a promise missed" 1 "$(dl 'promised by Fri 2026-10-16 17:00; restored Mon 2026-10-19 08:00: 63 h late')"
check "letter: calls" 1 "$(dl '^ *TT-4471: 22 calls against at most 3$')"
check "letter: the closed department" 1 "$(dl 'Sat 2026-10-17 14:08: on call C-20261017-04 (TT-4471) the customer was transferred')"
# The letter's numbers leave out the zero (no wrongful notice for
# ACC-1001); the numbers page keeps it.
check "letter: no zero row" 0 "$(dl '^- Wrongful late-payment notices')"
check "letter: calls row" 1 "$(dl '^- Calls made: 22$')"
check "numbers page keeps the zero" 1 "$(grep -c 'Wrongful late-payment notices  *0$' "$WORK/d.txt")"
# No --address, --service-address or --tried: their lines are left out.
check "letter: no empty service address" 0 "$(dl 'Service address')"
check "letter: no empty tried line" 0 "$(dl 'already tried')"
check "letter: accusation with breaches" 1 "$(dl '^- find that the company broke the promises listed above;$')"

# ACC-1002, the neighbour: one breach in October, the wrongful notice of
# 2026-10-28 on INV-1002-2610 (64.99 USD due 2026-10-25) although the
# account's balance at the due date was settled: 64.99 + 64.99 = 129.98
# charged due by then, 129.98 paid (CHK-2207 received 2026-09-20, CHK-2231
# received 2026-10-19). Its one figure that is not zero is
# that notice; nothing is owed, so the request asks for no credit.
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1002 --customer "John Roe" --period 2026-10 --out "$WORK/n2"
check "ACC-1002 exit" 0 $?
pdftotext -layout "$WORK/n2/complaint-ACC-1002.pdf" "$WORK/n2.txt"
n2() { grep -c -- "$1" "$WORK/n2.txt"; }
check "ACC-1002 notice" 1 "$(n2 '^ *ACC-1002: notice of 2026-10-28 on INV-1002-2610 (64.99 USD due 2026-10-25) is$')"
check "ACC-1002 payment" 1 "$(n2 '^ *wrongful: 129.98 USD was paid or credited by the due date against 129.98 USD charged$')"
check "ACC-1002 payments" 1 "$(n2 '^ *due by then (CHK-2207 received 2026-09-20, CHK-2231 received 2026-10-19)$')"
check "ACC-1002 numbers: only the notice" "- Wrongful late-payment notices: 1" "$(grep '^- [A-Z][a-z]*[^:]*: ' "$WORK/n2.txt" | grep -v '^- find\|^- order\|^- require' | head -5)"
check "ACC-1002 no credit asked" 0 "$(n2 'pay the credits owed')"
check "ACC-1002 refund asked" 1 "$(n2 '^- order it to refund any fee charged because of these failures;$')"
check "ACC-1002 no owed line" 0 "$(n2 'not paid:')"

# ACC-1003 in October: no breach (its late payment is September's,
# paid 10-03; October's INV-1003-2610 was paid 10-21, before 10-25, and
# no notice followed). The dossier says so and accuses no one.
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1003 --customer "Ann Poe" --period 2026-10 --out "$WORK/n3"
check "ACC-1003 exit" 0 $?
pdftotext -layout "$WORK/n3/complaint-ACC-1003.pdf" "$WORK/n3.txt"
n3() { grep -c -- "$1" "$WORK/n3.txt"; }
check "no breach: subject" 1 "$(n3 '^Re: Service record of account ACC-1003 with Example Fibre Co (C.26-10-0447)$')"
check "no breach: says so" 1 "$(n3 '^Checked against the promises the company publishes, its records of the period show no$')"
check "no breach: no accusation" 0 "$(n3 'broke\|formal complaint\|Formal complaint\|listed above\|not paid')"
check "no breach: the request" 1 "$(n3 '^- keep this record of my service in the period on file;$')"
check "no breach: running head" 0 "$(n3 'Complaint of')"
check "no breach: breaches page" 1 "$(n3 '^None: checked against every guarantee in the file, this account.s records of the period show$')"
check "no breach: no zero figures in the letter" 0 "$(n3 '^- [A-Z][a-z ]*: 0')"

# An account no record names is refused, with the accounts there are;
# nothing is written and the store keeps its findings.
before=$(sqlite3 "$WORK/d/evidence.db" 'SELECT count(*) FROM checks')
"$OMBUD" complaint --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-9999 --customer "Jane Doe" --period 2026-10 --out "$WORK/n9" 2>"$WORK/n9.err"
check "unknown account exit" 65 $?
check "unknown account message" "ombud: error: no record names account ACC-9999; accounts with records: ACC-1001, ACC-1002, ACC-1003; did you mean ACC-1001?" "$(cat "$WORK/n9.err")"
check "unknown account: nothing written" 0 "$(ls "$WORK/n9" 2>/dev/null | wc -l)"
check "unknown account: no check run" "$before" "$(sqlite3 "$WORK/d/evidence.db" 'SELECT count(*) FROM checks')"
"$OMBUD" complaint --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account acc-1002 --customer "Jane Doe" --out "$WORK/n9" 2>"$WORK/n9.err"
check "near account exit" 65 $?
check "near account: the one meant" 1 "$(grep -c 'did you mean ACC-1002?$' "$WORK/n9.err")"
"$OMBUD" complaint --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account XYZ-77777777 --customer "Jane Doe" --out "$WORK/n9" 2>"$WORK/n9.err"
check "far account: no guess" 0 "$(grep -c 'did you mean' "$WORK/n9.err")"

# --customer is required ([filing] prepared_by is the filer, not the
# complainant), by complaint and by run --account.
"$OMBUD" complaint --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --out "$WORK/n9" 2>"$WORK/n9.err"
check "no customer exit" 64 $?
check "no customer message" 1 "$(grep -c -- '--customer NAME is required' "$WORK/n9.err")"
run "$WORK/n8" --account ACC-1001 2>"$WORK/n8.err"
check "run --account without --customer" 64 $?
check "run: nothing written" 0 "$(ls "$WORK/n8" 2>/dev/null | wc -l)"

# The sender's address, the service address and what was tried.
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --out "$WORK/n7" \
    --address "12 Oak Lane, Oakridge, CA 94000" --service-address "Unit 4, 7 Cabinet Road, Oakridge" \
    --tried "called 22 times; asked billing for a credit on 15 October"
check "fields exit" 0 $?
pdftotext -layout "$WORK/n7/complaint-ACC-1001.pdf" "$WORK/n7.txt"
n7() { grep -c -- "$1" "$WORK/n7.txt"; }
check "service address" 1 "$(n7 '^Service address: Unit 4, 7 Cabinet Road, Oakridge$')"
check "tried" 1 "$(n7 '^What I already tried with Example Fibre Co: called 22 times; asked billing for a credit on 15$')"
check "address under the name" 1 "$(grep -A1 '^Jane Doe$' "$WORK/n7.txt" | grep -c '^12 Oak Lane, Oakridge, CA 94000$')"

# Sections in a template of one's own: kept or left out, lines and all;
# a section never closed is an error with its line.
printf 'A\n{{#tried}}\nTried: {{tried}}\n{{/tried}}\n{{^tried}}\nNothing tried.\n{{/tried}}\n{{#total_owed}}Owed {{total_owed}}.{{/total_owed}}{{^total_owed}}Nothing owed.{{/total_owed}}\nZ\n' > "$WORK/sec.txt"
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1002 --customer "John Roe" --period 2026-10 --letter "$WORK/sec.txt" --out "$WORK/n6"
check "sections: without --tried" "A|Nothing tried.|Nothing owed.|Z" \
    "$(pdftotext -l 1 "$WORK/n6/complaint-ACC-1002.pdf" - | grep -v '^$' | sed -n 2,5p | tr '\n' '|' | sed 's/|$//')"
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --letter "$WORK/sec.txt" --tried "wrote twice" --out "$WORK/n6"
check "sections: with --tried" "A|Tried: wrote twice|Owed 9.78 USD.|Z" \
    "$(pdftotext -l 1 "$WORK/n6/complaint-ACC-1001.pdf" - | grep -v '^$' | sed -n 2,5p | tr '\n' '|' | sed 's/|$//')"
printf 'Dear {{commission}},\n\n{{#breaches}}\nYou broke {{breaches}}\n' > "$WORK/open.txt"
"$OMBUD" complaint -q --db "$WORK/d/evidence.db" --guarantees "$ROOT/templates/guarantees/fibre-bundle.ini" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --letter "$WORK/open.txt" --out "$WORK/n5" 2>"$WORK/open.err"
check "open section exit" 65 $?
check "open section message" 1 "$(grep -c 'open.txt:3: error: {{#breaches}} is never closed: end it with {{/breaches}}' "$WORK/open.err")"

# ---- NO DATA: a month that measured nothing is not green --------------------------
# September 2026 in the founding case: no call, no outage (calls.csv and
# outages.csv hold October only). Billing has two late-payment notices of
# 2026-09-28: ACC-1002 paid INV-1002-2609 on 09-20, before its due date
# 09-25 (wrongful), ACC-1003 paid INV-1003-2609 only on 10-03 (not
# wrongful): 1 of 2 wrongful, FAIL with 1 breach. The six other
# guarantees examined nothing: NO DATA, never PASS.
run "$WORK/sep" --period 2026-09 > "$WORK/sep.out"
NX=$WORK/sep/report.xlsx
i=14
for g in "live-support NO DATA 0" "restoration NO DATA 0" "promised-times NO DATA 0" \
         "planned-work-notice NO DATA 0" "effort NO DATA 0" "outage-credit NO DATA 0" \
         "no-wrongful-notices FAIL 1"; do
    set -- $g
    st=$2; n=$3
    [ "$st" = NO ] && st="NO DATA" && n=$4
    check "sep summary $1 status" "$st" "$(cell "$NX" sheet1 G$i)"
    check "sep summary $1 breaches" "$n" "$(cell "$NX" sheet1 H$i)"
    i=$((i + 1))
done
check "sep total line" "1 of 7 guarantees breached; 6 not assessed: no data in the period" \
    "$(cell "$NX" sheet1 E21)"
check "sep live-support share is no data, not 100%" \
    "0 of 0 calls reached a person within 10 min (no data)" "$(cell "$NX" sheet1 E14 | sed 's/\xc2\xa0/ /g')"
check "sep NO DATA has its own colour rule" 1 \
    "$(unzip -p "$NX" xl/worksheets/sheet1.xml | grep -c '<formula>"NO DATA"</formula>')"
pdftotext "$WORK/sep/report.pdf" "$WORK/sep.txt"
check "sep cover verdict" 1 "$(grep -c '^1 of 7 guarantees breached; 0.00 USD in credits owed$' "$WORK/sep.txt")"
check "sep cover not assessed" 1 "$(grep -c '^6 not assessed: no data in the period$' "$WORK/sep.txt")"
check "sep PDF says NO DATA six times in the summary" 6 "$(sed -n '/^Summary$/,/^Inputs/p' "$WORK/sep.txt" | grep -c '^NO DATA$')"
check "sep PDF never PASS" 0 "$(grep -c '^PASS$' "$WORK/sep.txt")"

# ---- ombud verify -------------------------------------------------------------
G=$ROOT/templates/guarantees/fibre-bundle.ini
vrun() { "$OMBUD" verify --report "$1" --guarantees "$2" --outages "$3" \
         --calls "$4" --billing "$5" > "$WORK/v.out" 2>&1; }
vrun "$X" "$G" "$S/outages.csv" "$S/calls.csv" "$S/billing.csv"
check "verify xlsx" 0 $?
check "verify xlsx says verified" 1 "$(grep -c '^verified:' "$WORK/v.out")"
vrun "$P" "$G" "$S/outages.csv" "$S/calls.csv" "$S/billing.csv"
check "verify pdf" 0 $?
# By checksum, not by name: renamed copies in a folder.
mkdir -p "$WORK/inp"
cp "$S/outages.csv" "$WORK/inp/a.csv"; cp "$S/calls.csv" "$WORK/inp/b.txt"
cp "$S/billing.csv" "$WORK/inp/c"; cp "$G" "$WORK/inp/g"
"$OMBUD" verify --report "$X" --inputs "$WORK/inp" > "$WORK/v.out" 2>&1
check "verify --inputs" 0 $?
check "verify --inputs found calls by checksum" 1 "$(grep -c '^ok   input calls.csv (calls): .* matches .*/inp/b.txt' "$WORK/v.out")"
# One byte of one input changed (line 12, the first unreachable call: 07:05:40 -> 07:05:41).
sed '12s/07:05:40/07:05:41/' "$S/calls.csv" > "$WORK/calls-changed.csv"
vrun "$X" "$G" "$S/outages.csv" "$WORK/calls-changed.csv" "$S/billing.csv"
check "verify changed input exit" 1 $?
check "verify changed input says which" 1 "$(grep -c '^NOT VERIFIED: input calls.csv (calls): the report was made from a file with SHA-256 .*calls-changed.csv has SHA-256 .*: it is not the same file' "$WORK/v.out")"
# One guarantee parameter changed.
sed 's/^max_wait = 10m$/max_wait = 11m/' "$G" > "$WORK/g-changed.ini"
vrun "$X" "$WORK/g-changed.ini" "$S/outages.csv" "$S/calls.csv" "$S/billing.csv"
check "verify changed guarantee exit" 1 $?
check "verify changed guarantee says so" 1 "$(grep -c '^NOT VERIFIED: guarantees: .*a promise or a parameter differs' "$WORK/v.out")"
# A figure edited inside the workbook: live-support's 5 breaches made 4.
mkdir -p "$WORK/edit" && (cd "$WORK/edit" && unzip -q "$X" &&
    sed -i 's|<c r="H14" \([^>]*\)><v>5</v>|<c r="H14" \1><v>4</v>|' xl/worksheets/sheet1.xml &&
    zip -q -r -X ../edited.xlsx .)
check "the edit happened" "4" "$(cell "$WORK/edited.xlsx" sheet1 H14)"
vrun "$WORK/edited.xlsx" "$G" "$S/outages.csv" "$S/calls.csv" "$S/billing.csv"
check "verify edited xlsx exit" 1 $?
check "verify edited xlsx explains" 1 "$(grep -c "^NOT VERIFIED: report: it is not the report these inputs give: sheet 'Summary', cell H14: the report has \"4\", the re-derived report \"5\"" "$WORK/v.out")"
# Not a report at all.
"$OMBUD" verify --report "$S/calls.csv" --guarantees "$G" --calls "$S/calls.csv" >/dev/null 2>&1
check "verify non-report" 65 $?

echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
