# Import profiles (issue 29): the generic Excel calls export (semicolons,
# Windows-1252, dd/mm/yyyy hh:mm, "-" for none, coded outcomes, a
# duration instead of an end). samples/excel-calls/calls-export.csv,
# counted by hand; Paris is UTC+2 (CEST) on these days.

PROF=$E2E_ROOT/templates/profiles/excel-calls-semicolon.ini
CSV=$SAMPLES/excel-calls/calls-export.csv

ingest --tz UTC --profile "$PROF" --calls "$CSV"
expect_exit 0
expect_counts "$CSV" 5 3 2
expect_accounting
expect_sql "SELECT tz FROM sources" "Europe/Paris"
expect_sql "SELECT notes FROM sources" \
    "read as WINDOWS-1252, converted to UTF-8; fields delimited by ';'"
# line 2: all times given; the agent's name converted from Windows-1252
expect_sql "SELECT line, arrived_at, answered_at, ended_at, outcome, agent_id,
            queue FROM call_legs WHERE call_id = 'C-001'" \
    "2|$(utc '2026-10-01 06:00:00')|$(utc '2026-10-01 06:04:00')|$(utc '2026-10-01 06:20:00')|answered|Hélène|Dépannage"
# line 3: no end written: arrived + 3 minutes; ABANDON is abandoned; "-" no agent
expect_sql "SELECT ended_at, outcome, agent_id IS NULL, answered_at IS NULL
            FROM call_legs WHERE call_id = 'C-002'" \
    "$(utc '2026-10-01 07:03:00')|abandoned|1|1"
# line 4: 14:30 + 12 minutes
expect_sql "SELECT ended_at FROM call_legs WHERE call_id = 'C-003'" \
    "$(utc '2026-10-02 12:42:00')"
expect_reject "$CSV" 5 4 arrived_at \
    "day out of range (profile excel-calls-semicolon.ini:24)"
expect_reject "$CSV" 6 7 outcome \
    "unknown outcome (expected answered, abandoned, closed, voicemail, transferred or ivr) (profile excel-calls-semicolon.ini:20)"

# profile check reads it the same way and keeps nothing
run_ombud profile check "$PROF" "$CSV"
expect_exit 0
expect_stdout_has "calls-export.csv: 5 read, 3 stored, 2 rejected (through excel-calls-semicolon.ini, calls; nothing kept)"
expect_stderr_has "calls-export.csv:5:4: error: rejected: arrived_at \"31/09/2026 10:00\": day out of range"

# one profile a kind
ingest --profile "$PROF" --profile "$PROF" --calls "$CSV"
expect_exit 64
expect_stderr_has "--profile: one profile a kind"
