# Columns are found by header name in any order; header names are matched
# ignoring case, surrounding blanks, and ' ', '-', '.' versus '_'; unknown
# columns are ignored, with one warning listing them (even when they hold
# a control character or a bidi mark that would be rejected in a used column).

printf ' Cause ,Notes,STARTED-AT,Outage.ID,Restored At,Internal\n' > o.csv
printf 'cable cut,see \001 log,2026-10-01T00:00:00Z,O-1,2026-10-01T02:00:00Z,=1+1\n' >> o.csv
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 1 1 0
expect_sql "SELECT outage_id, cause, restored_at - started_at, line FROM outages" \
    "O-1|cable cut|7200|2"
expect_stderr_line "o.csv:1: warning: " '2 columns not used: "Notes", "Internal"'

# calls.csv with its columns reversed and two extra columns.
cat > c.csv <<'CSV'
promised_restore_at,ticket_id,transferred_to,agent_id,outcome,ended_at,answered_at,arrived_at,queue,account_id,call_id,wrapup_code,notes
,TT-1,,A-1,answered,2026-10-01T00:10:00Z,2026-10-01T00:01:00Z,2026-10-01T00:00:00Z,tech,ACC-9,C-1,42,"free, text"
CSV
ingest --calls c.csv
expect_exit 0
expect_counts c.csv 1 1 0
expect_sql "SELECT call_id, account_id, queue, ended_at - arrived_at,
            answered_at - arrived_at, outcome, agent_id, ticket_id
            FROM call_legs" "C-1|ACC-9|tech|600|60|answered|A-1|TT-1"

# Two header columns naming the same canonical column is ambiguous: 65.
printf 'outage_id,start,started_at\nO-2,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z\n' > dup.csv
ingest --outages dup.csv
expect_exit 65
expect_stderr_has "both name started_at"
expect_sql "SELECT count(*) FROM sources WHERE path = 'dup.csv'" 0
