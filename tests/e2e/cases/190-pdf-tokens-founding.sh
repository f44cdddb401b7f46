# The PDF's tables never break an id, a file name or a checksum inside
# it, and never hyphenate a word (issue 25). Before, the summary read
# "promised-" / "times" and "planned-" / "work-notice", and the evidence
# column "calls.csv:" / "11".
#
# The founding case. Worked by hand from samples/founding-case:
# - the guarantees of fibre-bundle.ini, one summary row each: live-support,
#   restoration, promised-times, planned-work-notice, effort,
#   outage-credit, no-wrongful-notices;
# - the breaches (first column of each guarantee's table):
#   live-support: the five tech_support legs nobody answered, calls.csv
#   lines 12, 33, 63, 64, 65: C-20261015-01, C-20261016-01,
#   C-20261017-05, C-20261018-01, C-20261018-02;
#   restoration and planned-work-notice: outage TT-4471 (112 h; started
#   18 h before its scheduled start, never announced);
#   promised-times: the calls promising a restoration before TT-4471's
#   (10-19 08:00): C-20261015-02, C-20261016-02, C-20261017-01;
#   effort: C-20261017-04 (escalation transferred into the closed billing
#   queue) and TT-4471 twice (22 calls; time on the phone);
#   outage-credit: TT-4471/ACC-1001 (the outage on ACC-1001's account);
#   no-wrongful-notices: ACC-1002's notice of 2026-10-28 on INV-1002-2610,
#   subject "ACC-1002 2026-10-28 INV-1002-2610" (billing.csv line 16);
# - the inputs' SHA-256, computed here by sha256sum, not by ombud.
cp "$FOUNDING"/outages.csv "$FOUNDING"/calls.csv "$FOUNDING"/billing.csv .
G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini

run_ombud run -q --guarantees "$G" --outages outages.csv --calls calls.csv \
    --billing billing.csv --period 2026-10 --out out --account ACC-1001 \
    --customer "Jane Doe"
expect_exit 0
pdftotext -layout out/report.pdf r.txt

expect_line_start r.txt live-support restoration promised-times \
    planned-work-notice effort outage-credit no-wrongful-notices
expect_line_start r.txt C-20261015-01 C-20261016-01 C-20261017-05 \
    C-20261018-01 C-20261018-02 TT-4471 C-20261015-02 C-20261016-02 \
    C-20261017-01 C-20261017-04 TT-4471/ACC-1001 \
    "ACC-1002 2026-10-28 INV-1002-2610"
# Each input's checksum whole on a line (under its file's row), and the
# guarantees file's.
for f in outages.csv calls.csv billing.csv "$G"; do
    expect_whole r.txt "$(sha256sum "$f" | cut -c1-64)"
done
# The file names in the inputs table: first column, whole.
expect_line_start r.txt outages.csv calls.csv billing.csv
expect_no_hyphen_break r.txt

# Those are all the breaches: 5 + 1 + 3 + 1 + 3 + 1 + 1 (fewer than 25 a
# guarantee, so every one has its row). The dossier's tables too.
DB=out/evidence.db
expect_sql "SELECT count(*) FROM breaches" 15
pdftotext -layout out/complaint-ACC-1001.pdf d.txt
for f in outages.csv calls.csv billing.csv; do
    expect_whole d.txt "$(sha256sum "$f" | cut -c1-64)"
done
expect_no_hyphen_break d.txt
for f in out/report.pdf out/complaint-ACC-1001.pdf; do
    expect_eq "qpdf --check $f" "" "$(pdf_wellformed "$f")"
done
