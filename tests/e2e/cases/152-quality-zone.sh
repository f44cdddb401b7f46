# A file read in another zone than the filing's (issue 22): its times
# without an offset were placed in the wrong zone. The filing is in
# America/Los_Angeles; outages.csv imported with --tz UTC is a serious
# item naming the fix; imported again with the filing's zone, it is not.

cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = America/Los_Angeles

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
INI
cat > outages.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,north,2026-10-02 08:00:00,2026-10-02 20:00:00,cut
CSV

ingest --tz UTC --outages outages.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 2
expect_stderr_line 'ombud: error: ' 'data quality: outages.csv was read in the time zone UTC, the filing'"'"'s is America/Los_Angeles: times without an offset were placed in the wrong zone (import it again with --tz America/Los_Angeles)'
expect_stderr_has '1 serious data-quality problem (above'

DB=la.db
ingest --tz "$LA" --outages outages.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 0
expect_stderr_lacks 'data quality'

# --guarantees instead of --tz: the filing's zone (and currency).
DB=g.db
run_ombud ingest --db "$DB" --guarantees g.ini --outages outages.csv
expect_exit 0
expect_sql "SELECT tz FROM sources" "America/Los_Angeles"
expect_sql "SELECT started_at FROM outages" "$(utc '2026-10-02 15:00:00')"
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 0
