# A record must have as many fields as the header. The reject points at the
# first missing field (too few) or the first extra one (too many); it is a
# whole-row reject with no field name.

H=outage_id,account_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at,customers_affected,cause
cat > o.csv <<CSV
$H
O-2,A,Elm,voice,2026-10-01T00:00:00Z,,no,,,1,ok
O-3,A,Elm,voice,2026-10-01T00:00:00Z,,no,,,1
O-4,A,Elm,voice,2026-10-01T00:00:00Z,,no,,,1,cause,extra
O-5,A,Elm,voice,2026-10-01T00:00:00Z,,no,,,1,trailing comma,
just one field
O-7,A,Elm,voice,2026-10-01T00:00:00Z,,no,,,1,"quoted, comma is one field"
CSV
# 11 columns. line 3: 10 fields -> column 11 missing; line 4: 12 fields ->
# field 12 is extra; line 5: a trailing comma makes 12; line 6: 1 field.
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 6 2 4
expect_reject o.csv 3 11 - "expected 11 fields as in the header, found 10"
expect_reject o.csv 4 12 - "expected 11 fields as in the header, found 12"
expect_reject o.csv 5 12 - "expected 11 fields as in the header, found 12"
expect_reject o.csv 6 2 - "expected 11 fields as in the header, found 1"
expect_stderr_has "o.csv:3:11: error: rejected: expected 11 fields as in the header, found 10"
expect_sql "SELECT outage_id, line FROM outages ORDER BY line" "O-2|2
O-7|7"
expect_accounting
