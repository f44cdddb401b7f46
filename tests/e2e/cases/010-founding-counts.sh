# The founding-case sample (samples/founding-case/README.md, section 4):
# every row of every file is stored, none rejected.
#   outages.csv  3 read, 3 stored, 0 rejected  (wc -l = 4: header + 3)
#   calls.csv   64 read, 64 stored, 0 rejected (wc -l = 65)
#   billing.csv 18 read, 18 stored, 0 rejected (wc -l = 19)

O=$FOUNDING/outages.csv
C=$FOUNDING/calls.csv
B=$FOUNDING/billing.csv
ingest_la --outages "$O" --calls "$C" --billing "$B"
expect_exit 0
expect_counts "$O" 3 3 0
expect_counts "$C" 64 64 0
expect_counts "$B" 18 18 0
expect_stderr_has "$O: 3 read, 3 stored, 0 rejected"
expect_stderr_has "$C: 64 read, 64 stored, 0 rejected"
expect_stderr_has "$B: 18 read, 18 stored, 0 rejected"
expect_stderr_lacks "error"
expect_sql "SELECT count(*) FROM outages" 3
expect_sql "SELECT count(*) FROM call_legs" 64
expect_sql "SELECT count(*) FROM billing_events" 18
expect_sql "SELECT count(*) FROM rejects" 0
expect_accounting

# One sources row per file: kind, base name, path as given, checksum and
# size as computed by coreutils, and the zone used.
expect_sql "SELECT id, kind, name FROM sources ORDER BY id" "1|outages|outages.csv
2|calls|calls.csv
3|billing|billing.csv"
for f in "$O" "$C" "$B"; do
    sum=$(sha256sum < "$f" | cut -d' ' -f1)
    size=$(wc -c < "$f" | tr -d ' ')
    expect_sql "SELECT sha256, bytes, tz FROM sources WHERE path = $(sql_q "$f")" \
        "$sum|$size|America/Los_Angeles"
done

# Every stored row remembers its physical line: data rows are lines 2..N+1.
expect_sql "SELECT min(line), max(line), count(DISTINCT line) FROM outages" "2|4|3"
expect_sql "SELECT min(line), max(line), count(DISTINCT line) FROM call_legs" "2|65|64"
expect_sql "SELECT min(line), max(line), count(DISTINCT line) FROM billing_events" "2|19|18"
expect_sql "SELECT count(*) FROM call_legs WHERE source_id != 2" 0
