# File names that look like evidence references, and one too long for
# any column, in the PDF's evidence cells (issue 25). The store joins a
# breach's references as "NAME:LINE, NAME:LINE"; a name holding ":7, "
# makes that list read as twice as many rows as the breach has, so the
# cell shows the references as they came instead of guessing; a name
# holding only ':' still reads as one name.
#
# The founding case (hand-worked in 191), with:
# - calls.csv named "calls:7, x.csv": live-support's first breach is
#   line 12, its references "calls:7, x.csv:12" (1 row, read as 2):
#   shown as they are, never as "calls line 7; x.csv line 12"; effort's
#   two breaches name all 64 rows: shown as the store gave them, cut
#   short with "... (64 rows in all; see the XLSX)";
# - outages.csv named "out:3.csv": TT-4471 is line 3: "out:3.csv line 3";
# - billing.csv under a 135-character name of words and hyphens: wider
#   than half the page even set smaller, so it is broken; the report is
#   still written, and no letter of it is lost.
C='calls:7, x.csv'
O='out:3.csv'
B=$(printf 'billing-records-exported-from-the-carrier-s-system-%s.csv' \
    'for-october-2026-with-every-charge-payment-credit-and-notice-of-every-account-ok')
cp "$FOUNDING"/calls.csv "$C"
cp "$FOUNDING"/outages.csv "$O"
cp "$FOUNDING"/billing.csv "$B"
expect_eq "the long name's length" 135 "$(printf '%s' "$B" | wc -c | tr -d ' ')"
G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini

# count TEXT FILE: how many times TEXT is in FILE, lines joined.
count() {
    tr '\n' ' ' < "$2" | sed 's/  */ /g' | grep -oF -- "$1" | wc -l | tr -d ' '
}

run_ombud run -q --guarantees "$G" --outages "$O" --calls "$C" \
    --billing "$B" --period 2026-10 --out out --account ACC-1001 \
    --customer "Jane Doe"
expect_exit 0
pdftotext out/report.pdf r.txt
expect_eq "line 12 as it came, a cell of its own" 1 "$(grep -cxF "calls:7, x.csv:12" r.txt)"
expect_eq "never read as two files" 0 "$(count "x.csv line" r.txt)"
expect_eq "nor as lines of 'calls'" 0 "$(count "calls line" r.txt)"
expect_eq "effort's rows as they came, cut" 2 \
    "$(count "calls:7, x.csv:2, calls:7, x.csv:3, " r.txt)"
expect_eq "effort's rows counted" 2 "$(count "(64 rows in all; see the XLSX)" r.txt)"
# TT-4471 in restoration, planned-work-notice and outage-credit (with
# the charge); promised-times' cells name the calls file too, so they
# are shown as they came ("calls:7, x.csv:17, out:3.csv:3").
expect_eq "a name with ':' read whole" 3 "$(count "$O line 3" r.txt)"
expect_eq "promised-times as they came" 1 "$(count "calls:7, x.csv:17, out:3.csv:3" r.txt)"
# Every letter of the long name is there, wherever its lines broke
# (pdftotext drops a hyphen that ends a line, so hyphens are left out).
# shellcheck disable=SC2016 # $1 is the inner shell's
expect_true "the long name, lines joined" sh -c \
    'tr -d " \n-" < r.txt | grep -qF "$(printf %s "$1" | tr -d -)"' sh "$B"
for f in out/report.pdf out/complaint-ACC-1001.pdf; do
    expect_eq "qpdf --check $f" "" "$(pdf_wellformed "$f")"
done
# The reports still verify against the files.
run_ombud verify --report out/report.pdf --guarantees "$G" --outages "$O" \
    --calls "$C" --billing "$B"
expect_exit 0
