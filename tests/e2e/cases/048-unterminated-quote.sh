# A quote opened and never closed runs to the end of the file: that last
# record is rejected at the line where it starts ("the closing quote is
# missing"); the rows before it are stored. A quote inside an unquoted
# field is ordinary data.

cat > o.csv <<'CSV'
outage_id,started_at,cause
O-2,2026-10-01T00:00:00Z,ok
O-3,2026-10-01T00:00:00Z,say "hi" twice
O-4,2026-10-01T00:00:00Z,"never closed
O-5,2026-10-01T00:00:00Z,swallowed by the open quote
CSV
# The open quote is in field 3 of line 4; two fields were complete, so the
# reject points at field 3.
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 3 2 1
expect_reject o.csv 4 3 - "closing quote is missing"
expect_stderr_has "opened on line 4"
expect_sql "SELECT outage_id, cause FROM outages ORDER BY line" 'O-2|ok
O-3|say "hi" twice'

# An open quote in the header: no usable header, 65, nothing stored.
printf 'outage_id,"started_at\nO-1,2026-10-01T00:00:00Z\n' > h.csv
ingest --outages h.csv
expect_exit 65
expect_stderr_has "h.csv"
expect_stderr_has "quoted header field"
expect_sql "SELECT count(*) FROM sources WHERE path = 'h.csv'" 0
expect_accounting
