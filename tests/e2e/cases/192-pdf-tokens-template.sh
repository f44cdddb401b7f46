# A regulatory template's report keeps ids, a long file name and the
# checksums whole (issue 25), with ids of the form a ticket system
# exports ("TT-2610-00089|02": ticket, then office) and a file name
# longer than the evidence column's share of the page.
#
# templates/guarantees/ny-part603.ini over October 2026 with its
# placeholder line counts (CO-1: 1000, CO-2: 1000), as in
# tests/rules/templates/005-ny-part603.sh. Ticket k (1 to 111) is on line
# k + 1 of the file, id TT-2610-<k, 5 digits>|<office, 2 digits>:
#   k 1-56    CO-1, Sat 10-03 12:00 to Mon 10-05 10:00: 22 h of working
#             time (no Sundays), in time;
#   k 57-88   CO-2, Tue 10-06 12:00 to 13:00, in time;
#   k 89-111  CO-2, Tue 10-06 12:00 to Wed 10-07 13:00, 25 h: late.
# ctr-rate: CO-1's 56 reports on 1000 lines = 5.60 > 5.50: one breach,
#   "2026-10 CO-1", whose evidence is lines 2 to 57, 56 rows (cut short
#   by the store, see below);
# oos-over-24h: the 23 late tickets, TT-2610-00089|02 to
#   TT-2610-00111|02, each on its own line, 90 to 112.
F=co-trouble-tickets-2026-10-export.csv
G=$E2E_ROOT/templates/guarantees/ny-part603.ini
DASH=$(printf '\342\200\223')
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

# count TEXT FILE: how many times TEXT is in FILE, lines joined.
count() {
    tr '\n' ' ' < "$2" | sed 's/  */ /g' | grep -oF -- "$1" | wc -l | tr -d ' '
}

run_ombud run -q --guarantees "$G" --outages "$F" --period 2026-10 --out out
# The line counts are placeholders: serious, the reports are written.
expect_exit 2
DB=out/evidence.db
expect_sql "SELECT guarantee_id, breaches FROM results ORDER BY seq" "ctr-rate|1
oos-over-24h|23"
pdftotext -layout out/report.pdf r.txt
pdftotext out/report.pdf raw.txt

expect_line_start r.txt ctr-rate oos-over-24h "2026-10 CO-1"
k=89
while [ $k -le 111 ]; do
    id=$(printf 'TT-2610-%05d|02' $k)
    expect_line_start r.txt "$id"
    expect_eq "evidence of $id" 1 "$(count "$F line $((k + 1)) " raw.txt)"
    k=$((k + 1))
done
# CO-1's 56 references with this long a name pass the store's ~2,000
# bytes: it lists the first S (lines 2 to S + 1, in evidence order) and
# says how many more, M; S + M = 56.
ev=$(tr '\n' ' ' < raw.txt | sed 's/  */ /g' |
     grep -o "$F lines 2${DASH}[0-9]* ([0-9]* rows); [0-9]* more rows")
k=$(echo "$ev" | sed "s/^.*lines 2${DASH}\([0-9]*\) .*$/\1/")
s=$(echo "$ev" | sed 's/^.*(\([0-9]*\) rows).*$/\1/')
m=$(echo "$ev" | sed 's/^.*; \([0-9]*\) more rows$/\1/')
expect_eq "evidence of 2026-10 CO-1: one cell" 1 "$(echo "$ev" | grep -c .)"
expect_eq "evidence of 2026-10 CO-1: a range of its rows" "$((s + 1))" "$k"
expect_eq "evidence of 2026-10 CO-1: all 56 counted" 56 "$((s + m))"
# The workbook's cell lists the same S as the store gave them and says
# the M left out in words (the report's, not the store's, since 0.5.0).
xl=$(unzip -p out/report.xlsx 'xl/worksheets/*.xml' | tr '\n' ' ')
expect_eq "XLSX evidence of CO-1 ends with its M more" 1 \
    "$(echo "$xl" | grep -o "$F:$((s + 1)) and $m more<" | grep -c .)"
# The file's name is never cut: every line naming part of it names all
# of it (evidence cells, the inputs table, the data-quality notes).
expect_eq "lines with part of the name only" "" \
    "$(grep -E 'co-trouble|tickets-2026|export\.csv' r.txt | grep -vF "$F")"
expect_true "the name in 24 evidence cells and more" \
    test "$(grep -cF "$F" r.txt)" -ge 24
expect_whole r.txt "$(sha256sum "$F" | cut -c1-64)" "$(sha256sum "$G" | cut -c1-64)"
expect_no_hyphen_break r.txt
expect_eq "qpdf --check" "" "$(pdf_wellformed out/report.pdf)"
