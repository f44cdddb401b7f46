# The evidence store: created where --db says (evidence.db by default);
# a path that cannot be created exits 73 (EX_CANTCREAT, include/ombud/err.h);
# a database that is not an ombud store is refused (70) and left untouched.

printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\n' > o.csv

# No zone, no import: a time without an offset would be a guess.
run_ombud ingest --outages o.csv
expect_exit 64
expect_stderr_has "ombud ingest: no time zone: give --tz ZONE (the zone the export writes its times in, e.g. America/Los_Angeles), or --guarantees FILE to take the filing's"
expect_no_file evidence.db

run_ombud ingest --tz UTC --outages o.csv
expect_exit 0
expect_true "evidence.db is created by default" test -f evidence.db
expect_eq "outages in evidence.db" 1 "$(sqlite3 evidence.db 'SELECT count(*) FROM outages')"

ingest --outages o.csv --db no/such/dir/ev.db
expect_exit 73
expect_stderr_has "no/such/dir/ev.db"

sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (42);"
ingest --outages o.csv --db other.db
expect_exit 70
expect_stderr_has "other.db: not an ombud evidence store"
expect_eq "tables of the foreign database" t \
    "$(sqlite3 other.db "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")"

# A file that is not SQLite at all (here, a CSV given as --db).
cp o.csv notdb.csv
ingest --outages o.csv --db notdb.csv
expect_exit 70
expect_true "the CSV given as --db is unchanged" cmp -s o.csv notdb.csv
