# --map [KIND.]COLUMN=HEADER reads a canonical column from a header that no
# alias covers; the mapped header is matched like any other (case, spaces).
# An explicit map wins over names and aliases.

cat > c.csv <<'CSV'
Call ID,Queue,Start,Queue Entry Time,Ended At,Outcome
Q-1,tech,2026-10-01T09:00:00Z,2026-10-01T10:00:00Z,2026-10-01T10:05:00Z,abandoned
CSV
# Without the map, "Start" is the arrived_at alias.
ingest --calls c.csv
expect_exit 0
expect_sql "SELECT arrived_at FROM call_legs" "$(utc '2026-10-01 09:00:00')"

# With the map, "Queue Entry Time" (10:00) is arrived_at and "Start" is
# ignored. (A fresh store each time, or the same file would be "already
# imported".)
rm -f "$DB"*
ingest --calls c.csv --map calls.arrived_at='Queue Entry Time'
expect_exit 0
expect_counts c.csv 1 1 0
expect_sql "SELECT arrived_at, ended_at - arrived_at FROM call_legs" \
    "$(utc '2026-10-01 10:00:00')|300"

# Without the KIND. prefix the map applies to every kind; case-insensitive.
rm -f "$DB"*
ingest --calls c.csv --map arrived_at='queue entry time'
expect_exit 0
expect_sql "SELECT arrived_at FROM call_legs" "$(utc '2026-10-01 10:00:00')"

# A map for another kind does not apply to calls.
rm -f "$DB"*
ingest --calls c.csv --map outages.started_at='Queue Entry Time'
expect_exit 0
expect_sql "SELECT arrived_at FROM call_legs" "$(utc '2026-10-01 09:00:00')"

# A map to a header the file does not have leaves a required column
# missing: 65, and the message suggests --map.
rm -f "$DB"*
ingest --calls c.csv --map calls.arrived_at='Entered'
expect_exit 65
expect_stderr_has "header lacks required column arrived_at"
expect_stderr_has "--map calls.arrived_at=NAME"
