# templates/guarantees/fcc-part4.ini over October 2026 (America/New_York).
# Reportable: >= 30 min and >= 900,000 user-minutes (whole minutes x
# customers_affected), from discovery (started_at).
#   N1 30 min exactly x 30000 = 900,000            -> reportable (both limits met exactly)
#   N2 29 min 59 s x 100000 (29 whole min = 2.9M)  -> not: under 30 min
#   N3 120 min x 7499 = 899,880                    -> not: under 900,000
#   N4 from Sat 10-31 23:00, still open: to the period end (Nov 1 00:00
#      EDT) = 60 min x 20000 = 1,200,000           -> reportable
#   REPORTABLE (a duty to report met, not a broken promise), measured 2,
#   subjects 4; most user-minutes 2,900,000 (N2).
#   N1 notification due 10-05 10:00 + 120 min = Mon 2026-10-05 12:00,
#   initial report + 72 h = Thu 2026-10-08 10:00, final + 30 x 24 h = Wed
#   2026-11-04 09:00 (DST ends Nov 1: 10:00 EDT + 720 h is 09:00 EST).

cat > outages.csv <<'CSV'
outage_id,area,started_at,restored_at,customers_affected
N1,NYC,2026-10-05 10:00:00,2026-10-05 10:30:00,30000
N2,NYC,2026-10-06 10:00:00,2026-10-06 10:29:59,100000
N3,NYC,2026-10-07 10:00:00,2026-10-07 12:00:00,7499
N4,NYC,2026-10-31 23:00:00,,20000
CSV

run_ombud run --guarantees "$TEMPLATES/fcc-part4.ini" --outages outages.csv \
    --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_result nors-reportable "REPORTABLE|2|0|count|4|2"
# Said apart from breaches: on stdout, on the cover and in the summary.
expect_stdout_has "1 duty to report met: reports were due, at the times listed"
pdftotext -layout out/report.pdf out/r.txt
expect_true "cover: the duty to report" grep -q "1 duty to report met: reports were due" out/r.txt
expect_true "summary: REPORTABLE, not FAIL" grep -q "REPORTABLE" out/r.txt
expect_breaches nors-reportable "N1|900000|900000|0
N4|1200000|900000|300000"
expect_evidence nors-reportable N4 "outages.csv:5"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'notification due Mon 2026-10-05 12:00, initial report due Thu 2026-10-08 10:00, final report due Wed 2026-11-04 09:00') > 0
            FROM breaches WHERE result_id = $(rid nors-reportable) AND subject = 'N1'" 1
expect_sql "SELECT instr(replace(measured_text, char(160), ' '), 'most: 2,900,000 user-minutes') > 0 FROM results
            WHERE id = $(rid nors-reportable)" 1
