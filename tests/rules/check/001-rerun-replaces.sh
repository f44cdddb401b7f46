# check: re-running a check for the same period replaces its findings (same
# counts in checks/results/breaches/evidence/series after two runs); a
# different period adds its own findings beside them.
#
# Data: the founding case, read with --tz America/Los_Angeles. Guarantees:
# the four of the founding case. Per check of 2026-10, by hand (see
# founding/001):
#   results 4
#   breaches 5 (live) + 1 (restoration) + 3 (promises) + 1 (notice) = 10
#   evidence 5 legs + 1 outage + 3 x (leg + outage) + 1 outage     = 13
#   series   168 x 2 heat map + 3 durations                       = 339
# 2026-Q4 holds the same records (all in October), so the same figures.

cat > "$G" <<'INI'
[filing]
carrier = Example Fibre Co
commission = Test Commission
timezone = America/Los_Angeles

[guarantee live-support]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech_support
hours = 24x7
max_wait = 10m

[guarantee restoration]
promise = Service restored within 24 hours
source = terms
kind = restoration
within = 24h

[guarantee promised-times]
promise = Back up by the time we give you
source = pledge
kind = commitments
grace = 0s

[guarantee planned-work-notice]
promise = 24 hours notice of planned work
source = terms
kind = advance_notice
min_notice = 24h
INI

counts() {
    sql "SELECT (SELECT count(*) FROM checks) || ' ' ||
                (SELECT count(*) FROM results) || ' ' ||
                (SELECT count(*) FROM breaches) || ' ' ||
                (SELECT count(*) FROM evidence) || ' ' ||
                (SELECT count(*) FROM series)"
}
# The findings of the latest check, without row ids.
findings() {
    sql "SELECT r.seq, r.guarantee_id, r.status, r.measured, b.subject,
                b.measured, b.shortfall,
                (SELECT group_concat(e.tbl || ':' || e.row_id, ',')
                 FROM evidence e WHERE e.breach_id = b.id)
         FROM results r LEFT JOIN breaches b ON b.result_id = r.id
         WHERE r.check_id = (SELECT max(id) FROM checks)
         ORDER BY r.seq, b.id"
}

ingest "$LA" --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv"
check --period 2026-10
expect_exit 0
expect_eq "checks results breaches evidence series after one check" \
    "1 4 10 13 339" "$(counts)"
first=$(findings)

check --period 2026-10
expect_exit 0
expect_eq "the same counts after checking 2026-10 again" \
    "1 4 10 13 339" "$(counts)"
expect_eq "the same findings after checking 2026-10 again" "$first" "$(findings)"
expect_sql "SELECT count(*) FROM results WHERE check_id NOT IN (SELECT id FROM checks)" 0
expect_sql "SELECT count(*) FROM breaches WHERE result_id NOT IN (SELECT id FROM results)" 0
expect_sql "SELECT count(*) FROM evidence WHERE breach_id NOT IN (SELECT id FROM breaches)" 0
expect_sql "SELECT count(*) FROM series WHERE result_id NOT IN (SELECT id FROM results)" 0
expect_sql "SELECT count(*) FROM figure_runs WHERE result_id NOT IN (SELECT id FROM results)" 0
# A check writes with the foreign keys off (the store alone was checked
# before): no row may name a parent that is not there.
expect_sql "PRAGMA foreign_key_check" ""

# Another period adds a check; October's findings stay.
check --period 2026-Q4
expect_exit 0
expect_eq "counts with 2026-10 and 2026-Q4" "2 8 20 26 678" "$(counts)"
# Re-checking October replaces only October.
check --period 2026-10
expect_exit 0
expect_eq "counts after re-checking 2026-10 beside 2026-Q4" "2 8 20 26 678" "$(counts)"
expect_sql "SELECT period_start, period_end FROM checks ORDER BY period_end" \
"$(utc '2026-10-01 07:00:00')|$(utc '2026-11-01 07:00:00')
$(utc '2026-10-01 07:00:00')|$(utc '2027-01-01 08:00:00')"
# Replacing October beside Q4 deleted October's rows only, each with its
# children.
expect_sql "PRAGMA foreign_key_check" ""
expect_sql "SELECT count(*) FROM figure_runs WHERE result_id NOT IN (SELECT id FROM results)" 0
