# On A4 (17 points narrower than Letter) and on a right-to-left page, ids,
# the file name and the checksums stay whole in the PDF's tables too
# (issue 25). The month of case 192, worked by hand there: the 23 late
# tickets TT-2610-00089|02 to TT-2610-00111|02 (oos-over-24h), CO-1's
# trouble-report rate (ctr-rate, subject "2026-10 CO-1").
F=co-trouble-tickets-2026-10-export.csv
G=$E2E_ROOT/templates/guarantees/ny-part603.ini
{
    echo "outage_id,area,started_at,restored_at"
    k=1
    while [ $k -le 111 ]; do
        if [ $k -le 56 ]; then
            printf 'TT-2610-%05d|01,CO-1,2026-10-03 12:00,2026-10-05 10:00\n' $k
        elif [ $k -le 88 ]; then
            printf 'TT-2610-%05d|02,CO-2,2026-10-06 12:00,2026-10-06 13:00\n' $k
        else
            printf 'TT-2610-%05d|02,CO-2,2026-10-06 12:00,2026-10-07 13:00\n' $k
        fi
        k=$((k + 1))
    done
} > "$F"
ids=
k=89
while [ $k -le 111 ]; do
    ids="$ids $(printf 'TT-2610-%05d|02' $k)"
    k=$((k + 1))
done
sums="$(sha256sum "$F" | cut -c1-64) $(sha256sum "$G" | cut -c1-64)"

# English on A4: the ids start their rows.
run_ombud run -q --paper a4 --guarantees "$G" --outages "$F" --period 2026-10 --out a4
expect_exit 2
expect_eq "A4" "595.28 x 841.89 pts (A4)" "$(pdfinfo a4/report.pdf | sed -n 's/^Page size: *//p')"
pdftotext -layout a4/report.pdf a4.txt
# shellcheck disable=SC2086 # $ids and $sums are lists of words
expect_line_start a4.txt ctr-rate oos-over-24h "2026-10 CO-1" $ids
# shellcheck disable=SC2086
expect_whole a4.txt $sums
expect_eq "A4: lines with part of the name only" "" \
    "$(grep -E 'co-trouble|tickets-2026|export\.csv' a4.txt | grep -vF "$F")"
expect_no_hyphen_break a4.txt

# Hebrew on A4: the page is mirrored (the ids end the rows' lines), and
# each id, the name and the checksums still read whole.
run_ombud run -q --lang he --paper a4 --guarantees "$G" --outages "$F" \
    --period 2026-10 --out he
expect_exit 2
pdftotext -layout he/report.pdf he.txt
# shellcheck disable=SC2086
expect_whole he.txt "2026-10 CO-1" $ids $sums
expect_eq "he: lines with part of the name only" "" \
    "$(grep -E 'co-trouble|tickets-2026|export\.csv' he.txt | grep -vF "$F")"
expect_true "he: the name in 24 evidence cells and more" \
    test "$(grep -cF "$F" he.txt)" -ge 24
expect_no_hyphen_break he.txt
for f in a4/report.pdf he/report.pdf; do
    expect_eq "qpdf --check $f" "" "$(pdf_wellformed "$f")"
done
