# A --map that names no column of ombud (a typo in KIND or COLUMN) would
# silently do nothing, and the column the user meant would not be read.
# It should be a usage error (64) naming the bad entry, like --map without
# '='. (Judgement: --help documents --map [KIND.]COLUMN=HEADER with COLUMN
# one of ombud's columns.)

cat > c.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome,ETA Time
C-1,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed,2026-10-02T00:00:00Z
CSV
# "promise_restore_at" is a typo for promised_restore_at.
ingest --calls c.csv --map calls.promise_restore_at='ETA Time'
expect_exit 64
expect_stderr_has "promise_restore_at"
# "cals" is a typo for calls.
ingest --calls c.csv --map cals.promised_restore_at='ETA Time'
expect_exit 64
expect_stderr_has "cals"

# The correct spelling reads the column. (A fresh store: had a typo'd run
# imported the file, this run would only say "already imported".)
rm -f "$DB"*
ingest --calls c.csv --map calls.promised_restore_at='ETA Time'
expect_exit 0
expect_sql "SELECT promised_restore_at FROM call_legs" "$(utc '2026-10-02 00:00:00')"
