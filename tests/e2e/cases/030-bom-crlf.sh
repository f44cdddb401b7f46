# A UTF-8 byte order mark before the header is not part of the first column
# name; CRLF line ends leave no CR in the values and do not disturb the
# physical line numbers.

T=2026-10-01T00:00:00Z

# BOM (EF BB BF) then an LF file.
printf '\357\273\277outage_id,started_at,cause\nO-1,%s,bom\n' "$T" > bom.csv
ingest --outages bom.csv
expect_exit 0
expect_counts bom.csv 1 1 0
expect_sql "SELECT outage_id, line, cause FROM outages" "O-1|2|bom"

# CRLF. Line 3 has month 13 (rejected at field 2); line 4 a quoted field;
# line 5 is the last and has a CRLF too.
printf 'outage_id,started_at,cause\r\nO-2,%s,first\r\nO-3,2026-13-01T00:00:00Z,bad\r\nO-4,%s,"quoted, comma"\r\nO-5,%s,last\r\n' \
    "$T" "$T" "$T" > crlf.csv
ingest --outages crlf.csv
expect_exit 0
expect_counts crlf.csv 4 3 1
expect_reject crlf.csv 3 2 started_at "month out of range"
expect_sql "SELECT outage_id, line, cause, length(cause) FROM outages
            WHERE source_id = 2 ORDER BY line" "O-2|2|first|5
O-4|4|quoted, comma|13
O-5|5|last|4"
expect_sql "SELECT count(*) FROM outages WHERE instr(cause, char(13)) > 0
            OR instr(outage_id, char(13)) > 0" 0

# BOM and CRLF together, the last line without a line end, and a quoted
# field spanning two lines (CRLF inside the quotes is kept as data).
printf '\357\273\277"outage_id",started_at,cause\r\nO-6,%s,"two\r\nlines"\r\nO-7,2026-10-01T00:00:00+25:00,bad offset\r\nO-8,%s,end' \
    "$T" "$T" > both.csv
ingest --outages both.csv
expect_exit 0
expect_counts both.csv 3 2 1
# O-6 starts on line 2 and runs to line 3, so O-7 is on line 4, O-8 line 5.
expect_reject both.csv 4 2 started_at "UTC offset out of range"
expect_sql "SELECT outage_id, line FROM outages WHERE source_id = 3 ORDER BY line" "O-6|2
O-8|5"
expect_sql "SELECT cause = 'two' || char(13) || char(10) || 'lines' FROM outages
            WHERE outage_id = 'O-6'" 1
expect_sql "SELECT cause FROM outages WHERE outage_id = 'O-8'" end
expect_accounting
