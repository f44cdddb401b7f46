# A KPI pack's listed calls accuse the carrier in a complaint only when
# the pack failed: samples/call-centre/call-kpis.ini over the founding
# case's calls has a figures-only pack (MEASURED) and the brochure's
# targets (FAIL). ACC-1001's letter names the failed promise, broken 7
# times, and not the measured one; the dossier's Breaches sheet has the
# 7 calls once. The 7 are the legs of calls.csv with no answered_at
# (read with awk from the sample, lines 12, 24, 33, 62-65: 5 closed, 1
# abandoned, 1 voicemail), all in tech_support, repair and billing.
S=$E2E_ROOT/samples
run_ombud run -q --guarantees "$S/call-centre/call-kpis.ini" \
    --calls "$S/founding-case/calls.csv" --period 2026-10 --out out \
    --account ACC-1001 --customer "Jane Doe" --date 2026-11-02
expect_exit 0
pdftotext -layout out/complaint-ACC-1001.pdf - | nbsp_plain > d.txt
expect_eq "letter: the failed pack, 7 times" 1 \
    "$(grep -c 'brochure, 2026, page 2): broken 7 times:' d.txt)"
expect_eq "letter: the measured pack accuses no one" 0 \
    "$(grep -c 'section 3): broken' d.txt)"
expect_eq "letter: the abandoned call" 1 \
    "$(grep -c 'call to repair abandoned by the caller after 23 min 37 s' d.txt | sed 's/^[1-9][0-9]*$/1/')"
# the dossier workbook's Breaches sheet: 7 rows below its header, each
# citing its line
B=$(unzip -p out/complaint-ACC-1001.xlsx xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"$//' | grep -n -x Breaches | cut -d: -f1)
expect_eq "dossier: 7 listed calls, each with its line" \
    "calls.csv:12 calls.csv:24 calls.csv:33 calls.csv:62 calls.csv:63 calls.csv:64 calls.csv:65" \
    "$(unzip -p out/complaint-ACC-1001.xlsx "xl/worksheets/sheet$B.xml" | grep -o 'calls\.csv:[0-9]*' | tr '\n' ' ' | sed 's/ $//')"
