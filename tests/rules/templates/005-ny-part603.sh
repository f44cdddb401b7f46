# templates/guarantees/ny-part603.ini over October 2026 (America/New_York),
# with the template's placeholder line counts CO-1: 1000, CO-2: 1000.
#
# ctr-rate (at most 5.5 per 100 lines per CO per month):
#   CO-1: 56 tickets -> 56 x 100 / 1000 = 5.6 per 100 = 560 bp > 550: breach
#         "2026-10 CO-1", shortfall 10 bp, evidence all 56 tickets
#   CO-2: 55 tickets -> 5.5 exactly = 550: not a breach
#   FAIL, highest 560, subjects 2, 1 breach. Each CO's figures: reports,
#   lines, and over (1 for CO-1 above the limit, 0 for CO-2).
#
# oos-over-24h (80% within 24 h, Sundays and holidays not counted):
#   CO-1 56 tickets Sat 10-03 12:00 -> Mon 10-05 10:00: 46 h of clock but
#        Sat 12 h + Sun 0 + Mon 10 h = 22 h -> in time
#   CO-2 32 tickets Tue 10-06 12:00 -> 13:00 (1 h) -> in time
#        23 tickets Tue 10-06 12:00 -> Wed 10-07 13:00 (25 h) -> late, +1 h
#   in time 88 of 111 = 79.28% (88 x 20000 + 111) / 222 = 7928 bp < 8000:
#   FAIL, 23 breaches.
# (The rows are written by a loop: each line is the same ticket pattern.)

{
    echo "outage_id,area,started_at,restored_at"
    i=1
    while [ $i -le 56 ]; do
        echo "A$i,CO-1,2026-10-03 12:00,2026-10-05 10:00"; i=$((i + 1))
    done
    i=1
    while [ $i -le 32 ]; do
        echo "B$i,CO-2,2026-10-06 12:00,2026-10-06 13:00"; i=$((i + 1))
    done
    i=1
    while [ $i -le 23 ]; do
        echo "L$i,CO-2,2026-10-06 12:00,2026-10-07 13:00"; i=$((i + 1))
    done
} > outages.csv

run_ombud run --guarantees "$TEMPLATES/ny-part603.ini" --outages outages.csv \
    --period 2026-10 --out out
# The template's access lines per office are marked PLACEHOLDER: the
# reports are written, and the run says the filing is incomplete.
expect_exit 2
expect_stderr_has "data quality: ctr-rate: lines_by_area is a placeholder in the guarantees file"
expect_stderr_has "1 serious data-quality problem (above"
DB=out/evidence.db
expect_result ctr-rate "FAIL|560|550|bp|2|1"
expect_breaches ctr-rate "2026-10 CO-1|560|550|10"
expect_sql "SELECT count(*) FROM evidence WHERE breach_id = (SELECT id FROM breaches
            WHERE result_id = $(rid ctr-rate))" 56
expect_sql "SELECT subject, name, value FROM figures WHERE result_id = $(rid ctr-rate)
            ORDER BY run, k" "2026-10 CO-1|reports|56
2026-10 CO-1|lines|1000
2026-10 CO-1|over|1
2026-10 CO-2|reports|55
2026-10 CO-2|lines|1000
2026-10 CO-2|over|0"
expect_result oos-over-24h "FAIL|7928|8000|bp|111|23"
expect_sql "SELECT DISTINCT measured, shortfall FROM breaches WHERE result_id = $(rid oos-over-24h)" \
    "90000|3600"
