# --strict: exit 65 when any row was rejected, but the good rows are still
# stored and the rejects recorded. Without rejects it exits 0.

printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\nO-2,2026-13-01T00:00:00Z\nO-3,2026-10-01T00:00:00Z\n' > o.csv
ingest --strict --outages o.csv
expect_exit 65
expect_stderr_has "1 rows rejected (--strict)"
expect_counts o.csv 3 2 1
expect_reject o.csv 3 2 started_at "month out of range"
expect_sql "SELECT group_concat(outage_id) FROM outages" "O-1,O-3"

printf 'call_id,queue,arrived_at,ended_at,outcome\nC-1,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed\n' > c.csv
ingest --strict --calls c.csv
expect_exit 0
expect_counts c.csv 1 1 0

# Rejects are counted over all files of the run.
printf 'outage_id,started_at\nO-9,bad\n' > o2.csv
printf 'account_id,kind,posted_at,amount\nA,refund,2026-10-01,1\n' > b.csv
ingest --strict --outages o2.csv --billing b.csv
expect_exit 65
expect_stderr_has "2 rows rejected (--strict)"
expect_accounting
