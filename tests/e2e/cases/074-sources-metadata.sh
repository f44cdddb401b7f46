# The sources row: kind, base name, path as given, SHA-256 and size of the
# bytes read, zone, import time (SOURCE_DATE_EPOCH when set), counts.
# Files are imported outages, calls, billing, in command-line order within
# a kind, whatever the order of the options.

mkdir -p in/deep
printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\n' > in/deep/o.csv
printf 'call_id,queue,arrived_at,ended_at,outcome\nK-1,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed\n' > in/c1.csv
printf 'call_id,queue,arrived_at,ended_at,outcome\nK-2,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed\n' > in/c2.csv
printf 'account_id,kind,posted_at,amount\nA,charge,2026-10-01,1.00\n' > b.csv

SOURCE_DATE_EPOCH=1790000000
export SOURCE_DATE_EPOCH
ingest --tz Europe/Madrid --billing b.csv --calls in/c2.csv --outages ./in/deep/o.csv --calls in/c1.csv
unset SOURCE_DATE_EPOCH
expect_exit 0
expect_sql "SELECT id, kind, name, path, tz, imported_at FROM sources ORDER BY id" \
"1|outages|o.csv|./in/deep/o.csv|Europe/Madrid|1790000000
2|calls|c2.csv|in/c2.csv|Europe/Madrid|1790000000
3|calls|c1.csv|in/c1.csv|Europe/Madrid|1790000000
4|billing|b.csv|b.csv|Europe/Madrid|1790000000"
expect_sql "SELECT bytes FROM sources WHERE name = 'b.csv'" "$(wc -c < b.csv | tr -d ' ')"
expect_sql "SELECT sha256 FROM sources WHERE name = 'c1.csv'" "$(sha256sum < in/c1.csv | cut -d' ' -f1)"
# Europe/Madrid in October 2026 is CEST (UTC+2): the billing date
# 2026-10-01 is 2026-09-30 22:00 UTC.
expect_sql "SELECT posted_at FROM billing_events" "$(utc '2026-09-30 22:00:00')"
# Without SOURCE_DATE_EPOCH the import time is the clock's (within 10 min).
# A path with spaces is kept as given; the same file twice in one run is
# imported once.
printf 'outage_id,started_at\nO-2,2026-10-01T00:00:00Z\n' > "my outages.csv"
ingest --outages "my outages.csv" --outages "my outages.csv"
expect_exit 0
expect_stderr_has "my outages.csv: 1 read, 1 stored, 0 rejected"
expect_stderr_has "my outages.csv: already imported"
expect_sql "SELECT name, abs(imported_at - $(date +%s)) < 600 FROM sources
            WHERE path = 'my outages.csv'" "my outages.csv|1"
expect_sql "SELECT count(*) FROM outages WHERE outage_id = 'O-2'" 1

# A file is identified by kind and checksum: the same bytes as another kind
# are a different source (and here simply lack that kind's columns).
cp in/c1.csv as-outages.csv
ingest --outages as-outages.csv
expect_exit 65
expect_stderr_has "as-outages.csv"
expect_stderr_lacks "already imported"
