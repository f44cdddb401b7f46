# The PDF's evidence cells say which rows prove a breach the way a
# reviewer looks them up (issue 25): per file, in the order first named,
# consecutive lines as a range with an en dash, then the rows' count when
# more than one; before, every row was listed ("calls.csv:2, calls.csv:3,
# ...") and a ticket's 64 calls took fifteen lines of a row.
#
# Worked by hand from samples/founding-case:
# - every row of calls.csv (lines 2 to 65, 64 legs) is ticket TT-4471:
#   effort's breaches "22 calls" and "time on the phone" rest on all of
#   them: "calls.csv lines 2–65 (64 rows)", twice;
# - C-20261017-04 was transferred by escalation (line 61) into billing,
#   closed (line 62): "calls.csv lines 61–62 (2 rows)";
# - promised-times: the promising call, then the outage (outages.csv
#   line 3): "calls.csv line 17; outages.csv line 3", and lines 36, 53;
# - outage-credit: the outage, then ACC-1001's October charge (billing.csv
#   line 9): "outages.csv line 3; billing.csv line 9";
# - the wrongful notice (billing.csv line 16) against ACC-1002's charges
#   (lines 3, 10) and payments (5, 13), in line order:
#   "billing.csv lines 3, 5, 10, 13, 16 (5 rows)".
# pdftotext without -layout writes a cell's lines one after another:
# they are joined with spaces, so a cell may wrap anywhere.
cp "$FOUNDING"/outages.csv "$FOUNDING"/calls.csv "$FOUNDING"/billing.csv .
G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
DASH=$(printf '\342\200\223')

# count TEXT FILE: how many times TEXT is in FILE, lines joined.
count() {
    tr '\n' ' ' < "$2" | sed 's/  */ /g' | grep -oF -- "$1" | wc -l | tr -d ' '
}

run_ombud run -q --guarantees "$G" --outages outages.csv --calls calls.csv \
    --billing billing.csv --period 2026-10 --out out --account ACC-1001 \
    --customer "Jane Doe"
expect_exit 0
pdftotext out/report.pdf r.txt
expect_eq "effort: all 64 legs" 2 "$(count "calls.csv lines 2${DASH}65 (64 rows)" r.txt)"
expect_eq "effort: the closed transfer" 1 "$(count "calls.csv lines 61${DASH}62 (2 rows)" r.txt)"
for l in 17 36 53; do
    expect_eq "promised-times: line $l" 1 "$(count "calls.csv line $l; outages.csv line 3" r.txt)"
done
expect_eq "outage-credit" 1 "$(count "outages.csv line 3; billing.csv line 9" r.txt)"
expect_eq "wrongful notice" 1 "$(count "billing.csv lines 3, 5, 10, 13, 16 (5 rows)" r.txt)"
# live-support: one row each, no count
for l in 12 33 63 64 65; do
    expect_eq "live-support: line $l" 1 "$(count "calls.csv line $l " r.txt)"
done
expect_eq "no reference left as file:line" 0 "$(grep -cE '\.csv:[0-9]' r.txt)"

# The dossier's broken promises: ACC-1001's, the same cells.
pdftotext out/complaint-ACC-1001.pdf d.txt
expect_eq "dossier: all 64 legs" 2 "$(count "calls.csv lines 2${DASH}65 (64 rows)" d.txt)"
expect_eq "dossier: the closed transfer" 1 "$(count "calls.csv lines 61${DASH}62 (2 rows)" d.txt)"
# The credit's row: its evidence cell, read in layout order (the narrow
# column may break it after a file's name).
pdftotext -layout out/complaint-ACC-1001.pdf dl.txt
expect_eq "dossier: outage-credit" "outages.csv line 3; billing.csv line 9" \
    "$(grep -A1 '(INV-1001-2610) × 112 h / 744 h  *outages' dl.txt |
       grep -o 'outages\.csv line 3; billing\.csv\( line 9\)\?$\|line 9$' |
       tr '\n' ' ' | sed 's/ $//')"

# In Spanish: "líneas", "filas" (po/es.po).
run_ombud run -q --lang es --guarantees "$G" --outages outages.csv \
    --calls calls.csv --billing billing.csv --period 2026-10 --out es
expect_exit 0
pdftotext es/report.pdf es.txt
expect_eq "es: all 64 legs" 2 "$(count "calls.csv líneas 2${DASH}65 (64 filas)" es.txt)"
expect_eq "es: one line" 1 "$(count "calls.csv línea 12 " es.txt)"
expect_eq "es: the notice" 1 "$(count "billing.csv líneas 3, 5, 10, 13, 16 (5 filas)" es.txt)"

# The workbook keeps every reference as the store gives it.
expect_true "xlsx: calls.csv:2 in a cell" sh -c \
    "unzip -p out/report.xlsx | grep -q 'calls.csv:2, calls.csv:3'"
