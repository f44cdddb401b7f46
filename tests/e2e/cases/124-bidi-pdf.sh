# Input text drawn in a PDF cannot reorder ombud's own words and figures:
# every input string is drawn inside a Unicode isolate (FSI ... PDI), so
# a right-to-left override (U+202E) in it reverses only itself. The
# founding case with an override in a free-text description
# (the October charges of ACC-1001, billing.csv line 9, and ACC-1002),
# in the carrier's name and a promise (the guarantees file), and in
# --customer.
#
# Hand-worked, from UAX #9: an override reverses the characters after it
# up to the end of its isolate, so "Jane <RLO>Doe" is drawn "Jane eoD",
# "Example <RLO>Fibre Co" "Example oC erbiF", and everything outside them
# (the period's dates, "54 agents", the verdict) in its own order.
# Without the isolates the override ran to the end of the line: the page
# header read "Example 13-01-6202 ot 10-01-6202 | ...".
RLO=$(printf '\342\200\256')
FSI=$(printf '\342\201\250')

cp "$FOUNDING"/outages.csv "$FOUNDING"/calls.csv .
sed "s/\"Monthly voice service, October 2026\"/\"Monthly ${RLO}voice service, October 2026\"/" \
    "$FOUNDING/billing.csv" > billing.csv
sed "s/^carrier = Example Fibre Co\$/carrier = Example ${RLO}Fibre Co/
     s/^promise = 24\/7 live tech support\$/promise = 24\/7 live ${RLO}tech support/" \
    "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" > g.ini
expect_eq "overrides planted in billing.csv" 2 "$(grep -c "$RLO" billing.csv)"
expect_eq "overrides planted in g.ini" 2 "$(grep -c "$RLO" g.ini)"

run_ombud run -q --guarantees g.ini --outages outages.csv --calls calls.csv \
    --billing billing.csv --out out --account ACC-1001 --customer "Jane ${RLO}Doe"
expect_exit 0
# Free text keeps its override in the store: it is data.
DB=out/evidence.db
expect_sql "SELECT count(*) FROM billing_events WHERE instr(description, char(8238)) > 0" 2
expect_sql "SELECT count(*) FROM rejects" 0

# The filing: the figures and the verdict in their order.
pdftotext out/report.pdf report.txt
expect_eq "report: 54 agents" 1 "$(grep -c '54 agents (2 on more than one leg)' report.txt)"
expect_eq "report: no 'stnega 45'" 0 "$(grep -c 'stnega' report.txt)"
expect_eq "report: the verdict" 1 \
    "$(grep -c '7 of 7 guarantees breached; 9.78 USD in credits owed' report.txt)"
# The page header on all 8 pages: the carrier reversed inside its isolate,
# the title and the period after it in order.
expect_eq "report: page headers in order" 8 \
    "$(grep -c 'Example oC erbiF *| *Service quality compliance report *| *2026-10-01 to 2026-10-31' report.txt)"
expect_eq "report: the promise reversed in itself only" 1 \
    "$(grep -c '^live-support: "24/7 live troppus hcet"$' report.txt)"
expect_eq "report: the source after it in order" 1 \
    "$(grep -c '^Published in: Fibre bundle brochure, 2026, page 2. Kind of guarantee: live support.$' report.txt)"

# The dossier: its header, the letter and the chronology. 8 pages: the
# letter, which states each breach's facts, takes two; the broken
# promises one, each breach's evidence in a line or two ("calls.csv
# lines 2-65 (64 rows)" for the ticket's 64 legs).
pdftotext -layout out/complaint-ACC-1001.pdf d.txt
expect_eq "dossier: page headers, dates in order" 8 \
    "$(grep -c 'Complaint of Jane eoD against Example oC erbiF | account ACC-1001 | 2026-10-01 to 2026-10-31' d.txt)"
expect_eq "dossier: the letter's opening" 1 \
    "$(grep -c '^I, Jane eoD, hold account ACC-1001 with Example' d.txt)"
expect_eq "dossier: the letter's period" 1 \
    "$(grep -c 'the service I received in the period 2026-10-01 to 2026-10-31.' d.txt)"
expect_eq "dossier: 54 employees" 1 \
    "$(grep -c 'Employees spoken to *54 (only 2 handled more than one call leg)' d.txt)"
# The charge's row: its time first, ombud's words, then the description
# (reversed in itself), then its record, on one line.
expect_eq "dossier: the charge's row in order" 1 \
    "$(grep -c '^Thu 2026-10-01 00:00 *Charge 64.99 USD INV-1001-2610: Monthly .* *billing.csv:9$' d.txt)"
# The chronology's times are in time order (its rows: a time first, a
# record file:line last; the broken promises' rows have "time:" first).
grep -E '^[A-Z][a-z]{2} 2026-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} .*[a-z]+\.csv:[0-9]+$' d.txt |
    cut -c5-20 > times
expect_eq "dossier: chronology rows" 68 "$(wc -l < times | tr -d ' ')"
expect_eq "dossier: chronology in time order" "" "$(sort -c times 2>&1)"

# The isolates are in what is drawn only: the workbooks keep the plain
# values (the override, no FSI), and their XML parses.
expect_eq "report.xlsx: no FSI" 0 "$(unzip -p out/report.xlsx | grep -c "$FSI")"
expect_eq "dossier xlsx: no FSI" 0 "$(unzip -p out/complaint-ACC-1001.xlsx | grep -c "$FSI")"
expect_eq "dossier xlsx: the description as it was" 1 \
    "$(unzip -p out/complaint-ACC-1001.xlsx xl/worksheets/sheet2.xml | grep -c "Monthly ${RLO}voice service, October 2026")"
expect_xlsx_xml out/report.xlsx out/complaint-ACC-1001.xlsx
# Nor in the manifest: the PDF's keywords hold none, and verify agrees
# with both reports.
expect_eq "manifest: no FSI" 0 "$(pdfinfo out/report.pdf | grep -c "$FSI")"
run_ombud verify --report out/report.xlsx --guarantees g.ini --outages outages.csv \
    --calls calls.csv --billing billing.csv
expect_exit 0
run_ombud verify --report out/report.pdf --guarantees g.ini --outages outages.csv \
    --calls calls.csv --billing billing.csv
expect_exit 0
