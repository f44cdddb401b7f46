#!/bin/sh
# tests/i18n/run.sh OMBUD - the founding case in Spanish, Catalan and Hebrew.
#
# Each language runs in a clean environment (env -i: no LANG, no LC_*,
# and again with LC_ALL=C), as on a fresh machine where no es/ca/he
# locale was ever generated, and the PDF (pdftotext) must show that
# language's headings and the founding-case figures written its way.
#
# Founding-case figures, by hand from samples/founding-case (see
# tests/report/run.sh for the derivations):
#   live-support: 24 of 29 calls live within 10m: 24/29 = 0.827586 -> 82.76 %
#   restoration: 2 of 3 outages within 24h: 2/3 = 0.666667 -> 66.67 %; longest 112 h
#   outage-credit: owed 9.78 USD, credited 0.00
#   verdict: 7 of 7 guarantees breached; the period 2026-10-01..2026-10-31
# Written: es/ca "82,76 %" "9,78 USD" (no-break space) "01/10/2026 a 31/10/2026";
#          he "82.76%" "9.78 USD" "01.10.2026 עד 31.10.2026".
set -u
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
F=$ROOT/samples/founding-case
G=$ROOT/templates/guarantees/fibre-bundle.ini
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
pass=0 fail=0
NB=$(printf '\302\240')

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
# has NAME FILE TEXT: the text (a fixed string) is in FILE.
has() { if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no '$3' in $2"; fi; }
# sound FILE...: each workbook's XML parses and each PDF passes qpdf
# --check (tests/lib/common.sh), checked right after ombud writes it.
. "$ROOT/tests/lib/common.sh"
sound() {
    for f in "$@"; do
        case $f in
        *.xlsx) w=$(xlsx_wellformed "$f") ;;
        *.pdf) w=$(pdf_wellformed "$f") ;;
        esac
        if [ -z "$w" ]; then ok "sound: ${f#"$T"/}"; else bad "sound: $w"; fi
    done
}

# run LANG DIR ENV...: the whole job in a clean environment.
run() {
    l=$1 d=$2; shift 2
    env -i PATH=/usr/bin:/bin "$@" "$OMBUD" run --guarantees "$G" \
        --outages "$F/outages.csv" --calls "$F/calls.csv" \
        --billing "$F/billing.csv" --period 2026-10 --out "$d" \
        --account ACC-1001 --customer "Jane Doe" --lang "$l" >"$d.out" 2>"$d.err"
}

# The PDF's text without the bidi marks pdftotext adds around runs and
# the isolates (U+2066-2069) the Hebrew catalogue puts around amounts
# (pdftotext also writes the no-break space before % and USD as a space).
text() { pdftotext "$1" - | sed 's/\xe2\x80[\xaa-\xae]//g; s/\xe2\x81[\xa6-\xa9]//g'; }

for l in es ca he; do
    for envset in "" "LC_ALL=C"; do
        d=$T/$l${envset:+-c}
        # shellcheck disable=SC2086
        if run $l "$d" $envset; then ok "$l${envset:+ $envset}: run"; else
            bad "$l${envset:+ $envset}: run exit $?"; cat "$d.err"; fi
        sound "$d"/*.xlsx "$d"/*.pdf
    done
    d=$T/$l
    text "$d/report.pdf" >"$d.txt"
    text "$d/complaint-ACC-1001.pdf" >"$d.c.txt"
    if cmp -s "$d/report.pdf" "$T/$l-c/report.pdf"; then
        ok "$l: same PDF with LC_ALL=C and with no locale at all"
    else bad "$l: the PDF depends on the environment's locale"; fi
    case $l in
    es)
        has "es: title" "$d.txt" "Informe de cumplimiento de la calidad del servicio"
        has "es: summary heading" "$d.txt" "Resumen"
        has "es: inputs heading" "$d.txt" "Entradas e integridad"
        has "es: certification" "$d.txt" "Certificación"
        has "es: period" "$d.txt" "01/10/2026 a 31/10/2026"
        has "es: verdict" "$d.txt" "7 de 7 compromisos incumplidos; 9,78 USD"
        has "es: live share" "$d.txt" "(82,76 %)"
        has "es: restoration share" "$d.txt" "en 24 h (66,67 %); la más larga"
        # The term sits inside a method paragraph: wherever its line breaks.
        tr -s ' \n' '  ' <"$d.txt" >"$d.flat"
        has "es: regulator's term" "$d.flat" "tiempo de reposición del servicio"
        has "es: summary line" "$d.out" "24 de 29 llamadas atendidas por una persona en 10${NB}min (82,76${NB}%)"
        has "es: letter" "$d.c.txt" "Reclamación formal contra Example Fibre Co"
        has "es: letter owed" "$d.c.txt" "ha abonado: 9,78 USD" ;;
    ca)
        has "ca: title" "$d.txt" "Informe de compliment de la qualitat del servei"
        has "ca: summary heading" "$d.txt" "Resum"
        has "ca: period" "$d.txt" "01/10/2026 a 31/10/2026"
        has "ca: verdict" "$d.txt" "7 de 7 compromisos incomplerts; 9,78 USD de compensació"
        has "ca: live share" "$d.txt" "(82,76 %)"
        has "ca: letter" "$d.c.txt" "Reclamació formal contra Example Fibre Co" ;;
    he)
        has "he: title" "$d.txt" "דוח עמידה באיכות השירות"
        has "he: period" "$d.txt" "01.10.2026"
        has "he: period end" "$d.txt" "31.10.2026"
        has "he: live share" "$d.txt" "82.76%"
        has "he: owed" "$d.txt" "9.78"
        has "he: compensation" "$d.c.txt" "פיצוי"
        has "he: summary line" "$d.out" "24 מתוך 29 שיחות הגיעו לנציג תוך 10${NB}דק׳ (82.76%)" ;;
    esac
done

# A regulatory template with the newer kinds (appointments, provisioning,
# outage_credit per day), in Spanish and in Hebrew, over the fixture of
# tests/rules/templates/002-ofcom-auto-comp.sh (its CSV here-documents).
# By hand (see that test for the rows):
#   missed-appointment: A1 kept (12:59 in 08:00-13:00), A2 nobody came, A3
#     cancelled by the provider 12 h ahead (< 24 h): kept 1 of 3 judged
#     (A4 24 h notice and A5 customer absent are not) = 1/3 -> 33,33 %.
#   delayed-provision P1: promised 10-05, done 10-08 10:00: Oct 5, 6, 7 =
#     3 calendar days x 6.46 = 19.38 GBP.
#   delayed-repair F1: paid from Tue 10-06 00:00 to 10-07 12:00 = 36 h =
#     2 started days x 10.34 = 20.68 GBP; F2 (planned_notified) excluded.
#   owed in all: 20.68 + 2 x 32.31 + (19.38 + 12.92 + 12.92) = 130.52 GBP.
# The PDF's text is read flat (one line), since table cells wrap anywhere.
mkdir "$T/of"
sed -n '/^cat > [a-z]*\.csv <<.CSV.$/,/^CSV$/p' \
    "$ROOT/tests/rules/templates/002-ofcom-auto-comp.sh" | (cd "$T/of" && sh)
for l in es he; do
    env -i PATH=/usr/bin:/bin "$OMBUD" run --lang $l \
        --guarantees "$ROOT/templates/guarantees/ofcom-auto-comp.ini" \
        --outages "$T/of/outages.csv" --appointments "$T/of/appointments.csv" \
        --orders "$T/of/orders.csv" --period 2026-10 --out "$T/of/$l" \
        >"$T/of/$l.out" 2>&1
    sound "$T/of/$l"/*.xlsx "$T/of/$l"/*.pdf
    text "$T/of/$l/report.pdf" | tr '\n' ' ' | tr -s ' ' >"$T/of/$l.txt"
done
f=$T/of/es.txt
has "es ofcom: appointments kept" "$f" "Medido: 1 de 3 citas cumplidas (33,33 %); incumplidas: 2"
has "es ofcom: orders on time" "$f" "1 de 4 altas del servicio realizadas a tiempo (25,00 %)"
has "es ofcom: late order owes" "$f" "3 días naturales de retraso; compensación adeudada 19,38 GBP"
has "es ofcom: per-day repair" "$f" "se adeudan 20,68 GBP = 2 días × 10,34"
has "es ofcom: exclusion" "$f" "1 caso excluido (F2 (planned_notified))"
has "es ofcom: owed in all" "$f" "3 de 3 compromisos incumplidos; 130,52 GBP"
has "es ofcom: summary" "$T/of/es.out" "1 de 3 citas cumplidas (33,33${NB}%)"
# ombud's own words only: the promises are quoted in English as published.
for w in " window " " owed " "never came" "orders done" "appointments kept" \
    "excluded (" "day(s) late" "working day N"; do
    if grep -qF -- "$w" "$f"; then bad "es ofcom: English '$w' left in the PDF"
    else ok "es ofcom: no English '$w'"; fi
done
# (pdftotext gives Hebrew lines in visual order: whole sentences are
# checked in the summary, figures in the PDF.)
has "he ofcom: appointments kept" "$T/of/he.out" "1 מתוך 3 ביקורים קוימו (33.33%); הוחמצו: 2"
has "he ofcom: share in the PDF" "$T/of/he.txt" "33.33%"
has "he ofcom: owed in all" "$T/of/he.txt" "GBP 130.52"

# XLSX: numbers stay numbers, with the language's format.
d=$T/es
unzip -p "$d/report.xlsx" xl/styles.xml >"$T/styles.xml"
has "es xlsx: Spanish money format" "$T/styles.xml" 'formatCode="[$-C0A]#,##0.00 &quot;USD&quot;"'
has "es xlsx: Spanish date format" "$T/styles.xml" 'formatCode="[$-C0A]dd/mm/yyyy hh:mm"'
unzip -p "$d/report.xlsx" xl/worksheets/sheet1.xml >"$T/sheet1.xml"
# outage-credit owes 9.78: a numeric cell (no t=, a double near 9.78), not
# the text "9,78"; the amount column has the money format above.
if grep -q '<c r="I[0-9]*" s="[0-9]*"><v>9.7[78][0-9]*</v></c>' "$T/sheet1.xml"; then
    ok "es xlsx: 9.78 is a number cell"; else bad "es xlsx: no numeric 9.78 cell"; fi
unzip -p "$T/he/report.xlsx" xl/worksheets/sheet1.xml >"$T/he1.xml"
has "he xlsx: sheets right to left" "$T/he1.xml" 'rightToLeft="1"'

# verify recomputes in the report's language.
for l in es he; do
    if "$OMBUD" verify --report "$T/$l/report.xlsx" --guarantees "$G" \
        --outages "$F/outages.csv" --calls "$F/calls.csv" \
        --billing "$F/billing.csv" >"$T/v.out" 2>&1; then ok "$l: verify"
    else bad "$l: verify"; cat "$T/v.out"; fi
done

# report writes in the check's language and refuses another.
"$OMBUD" report --db "$T/es/evidence.db" -o "$T/again.pdf" 2>/dev/null
sound "$T/again.pdf"
if pdftotext "$T/again.pdf" - | grep -q "Resumen"; then
    ok "report: in the check's language"; else bad "report: not in Spanish"; fi
"$OMBUD" report --db "$T/es/evidence.db" -o "$T/en.pdf" --lang en 2>"$T/e.err"
rc=$?
if [ $rc -eq 64 ] && grep -q "made in 'es'" "$T/e.err"; then
    ok "report --lang en on Spanish findings: refused"
else bad "report --lang en on Spanish findings: exit $rc"; fi

# No catalogue: an error, not a silent English report.
OMBUD_LOCALEDIR=$T/none "$OMBUD" report --db "$T/es/evidence.db" \
    -o "$T/x.pdf" 2>"$T/e.err"
rc=$?
if [ $rc -eq 65 ] && grep -q "no 'es' catalogue" "$T/e.err"; then
    ok "missing catalogue: exit 65 with a message"
else bad "missing catalogue: exit $rc"; fi

# [filing] language is the default.
sed 's/^\[filing\]/[filing]\nlanguage = ca/' "$G" >"$T/g-ca.ini"
"$OMBUD" check --db "$T/es/evidence.db" --guarantees "$T/g-ca.ini" \
    --period 2026-10 >"$T/ca.out" 2>&1
has "[filing] language = ca" "$T/ca.out" "7 de 7 compromisos incomplerts"
sed 's/^\[filing\]/[filing]\nlanguage = fr/' "$G" >"$T/g-fr.ini"
"$OMBUD" check --db "$T/es/evidence.db" --guarantees "$T/g-fr.ini" >"$T/fr.out" 2>&1
rc=$?
if [ $rc -eq 65 ] && grep -q "language: 'fr' is not a language" "$T/fr.out"; then
    ok "[filing] language = fr: refused"; else bad "[filing] language = fr: exit $rc"; fi
"$OMBUD" run --lang xx --guarantees "$G" --calls "$F/calls.csv" >/dev/null 2>&1
rc=$?
if [ $rc -eq 64 ]; then ok "--lang xx: usage error"; else bad "--lang xx: exit $rc"; fi

echo "i18n: $pass passed, $fail failed"
[ $fail -eq 0 ]
