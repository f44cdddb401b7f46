# How many rejects are printed: the first 10 of each file by default, then
# a note that the rest are in the rejects table; -v prints all; -q prints
# errors only (no summary). Results go to stderr; stdout stays empty.

{
    echo 'outage_id,started_at'
    i=1
    while [ $i -le 12 ]; do
        echo "O-$i,2026-13-01T00:00:00Z"      # lines 2..13, all month 13
        i=$((i + 1))
    done
    echo 'O-OK,2026-10-01T00:00:00Z'          # line 14
} > o.csv

ingest --outages o.csv
expect_exit 0
expect_eq "reject lines printed by default" 10 "$(grep -c ': error: rejected: ' "$ERR")"
expect_stderr_has "o.csv:11:2: error: rejected:"
expect_stderr_lacks "o.csv:12:2: error: rejected:"
expect_stderr_has "o.csv: 2 more rejected rows not shown"
expect_stderr_has "o.csv: 13 read, 1 stored, 12 rejected"
expect_eq "stdout" "" "$(cat "$OUT")"
expect_sql "SELECT count(*) FROM rejects" 12

rm -f "$DB"*
ingest -v --outages o.csv
expect_exit 0
expect_eq "reject lines printed with -v" 12 "$(grep -c ': error: rejected: ' "$ERR")"
expect_stderr_has "o.csv:13:2: error: rejected:"
expect_stderr_lacks "more rejected rows not shown"

rm -f "$DB"*
ingest --quiet --outages o.csv
expect_exit 0
expect_stderr_lacks "read,"
expect_stderr_lacks "not shown"
expect_sql "SELECT count(*) FROM rejects" 12

# Quiet and a clean file: nothing at all on stderr.
rm -f "$DB"*
printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\n' > clean.csv
ingest -q --outages clean.csv
expect_exit 0
expect_eq "stderr with -q and no rejects" "" "$(cat "$ERR")"
