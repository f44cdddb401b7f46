# Columns ombud does not use are listed once per file as a warning, with
# a --map suggestion; every missing required column is listed at once
# (issue 22: it was one a run, and unknown columns vanished silently).

T='2026-10-01T00:00:00Z'
printf 'call_id,queue,arrived_at,ended_at,outcome,Xfer To,Site\nC-1,tech,%s,%s,closed,billing,LA\n' "$T" "$T" > calls.csv
ingest --calls calls.csv
expect_exit 0
expect_counts calls.csv 1 1 0
expect_stderr_line "calls.csv:1: warning: " '2 columns not used: "Xfer To", "Site" (known columns: call_id, account_id, queue, arrived_at, answered_at, ended_at, outcome, agent_id, transferred_to, ticket_id, promised_restore_at; map one with --map calls.transferred_to="Xfer To" if it is one)'
expect_eq "warnings" 1 "$(grep -c 'not used' "$ERR")"

printf 'call_id,account_id\nC-1,A\n' > short.csv
ingest --calls short.csv
expect_exit 65
expect_stderr_has "short.csv:1: error: header lacks 3 required columns: queue, arrived_at and ended_at (use --map calls.COLUMN=NAME for each the file calls something else)"
expect_sql "SELECT count(*) FROM sources WHERE path = 'short.csv'" 0
