# Duplicated ids and files: the same outage_id or call leg many times in one
# file and across files, a header naming one column twice, the same file
# given twice in one command, and the same bytes under another name. Each
# duplicate row is rejected at FILE:LINE:1 naming the first copy; a file
# already imported adds nothing; read = stored + rejected throughout.

T='2026-10-01T00:00:00Z'
# 5000 copies of one outage_id after a first good one.
{ echo 'outage_id,started_at'; awk -v t=$T 'BEGIN { for (i = 0; i < 5001; i++) print "DUP-1," t }'; } > o.csv
ingest -q --outages o.csv
expect_exit 0
expect_counts o.csv 5001 1 5000
expect_sql "SELECT count(*) FROM rejects WHERE reason = 'duplicate outage_id, first stored from o.csv:2'" 5000
expect_sql "SELECT min(line), max(line) FROM rejects" "3|5002"

# Across files, and in calls (call_id, queue, arrived_at).
printf 'outage_id,started_at\nNEW-1,%s\nDUP-1,%s\n' "$T" "$T" > o2.csv
printf 'call_id,queue,arrived_at,ended_at,outcome\nK-1,tech,%s,%s,closed\nK-1,tech,%s,%s,abandoned\nK-1,repair,%s,%s,closed\n' \
    "$T" "$T" "$T" "$T" "$T" "$T" > c.csv
ingest --outages o2.csv --calls c.csv
expect_exit 0
expect_counts o2.csv 2 1 1
expect_reject o2.csv 3 1 outage_id "duplicate outage_id, first stored from o.csv:2"
expect_counts c.csv 3 2 1
expect_reject c.csv 3 1 call_id "first stored from c.csv:2"

# Billing rows have no natural key: two identical charges are two events
# (a customer can be charged twice); both are stored.
printf 'account_id,kind,posted_at,amount\nA,charge,2026-10-01,5.00\nA,charge,2026-10-01,5.00\n' > b.csv
ingest --billing b.csv
expect_exit 0
expect_counts b.csv 2 2 0

# One column named twice in the header (directly or by alias): 65, both
# positions named, nothing stored.
printf 'outage_id,started_at,ticket_id\nX,%s,Y\n' "$T" > twice.csv
ingest --outages twice.csv
expect_exit 65
expect_stderr_line "twice.csv:1:3: error: " "columns 1 and 3 both name outage_id"
printf 'call_id,queue,arrived_at,ended_at,outcome,Outcome\n' > twice2.csv
ingest --calls twice2.csv
expect_exit 65
expect_stderr_line "twice2.csv:1:6: error: " "columns 5 and 6 both name outcome"

# The same file twice in one command, and its bytes under another name:
# imported once; the others are "already imported", nothing added.
cp o2.csv copy-of-o2.csv
ingest --outages o2.csv --outages copy-of-o2.csv
expect_exit 0
expect_stderr_has "o2.csv: already imported (same SHA-256); nothing added"
expect_stderr_has "copy-of-o2.csv: already imported (same SHA-256); nothing added"
expect_sql "SELECT count(*) FROM sources WHERE path LIKE '%o2.csv'" 1
expect_sql "SELECT count(*) FROM outages" 2
expect_accounting
