# A "CSV" that is really a binary: an executable, a gzip of a good CSV, an
# SQLite database, an XLSX workbook (a zip), 2 MB of NUL bytes. Not UTF-8
# and full of control bytes, the first three are refused whole before any
# row is read (issue 22): 65, "not a text file" at the first bad byte's
# line and column, nothing stored. The NUL file and the zip start are
# valid UTF-8: they have no usable header, 65 naming the file. After a
# valid header the binary bytes are still refused whole; only NULs (valid
# UTF-8) become rows, rejected, with read = stored + rejected.

gzip -9n -c "$FOUNDING/calls.csv" > calls.csv.gz
cp calls.csv.gz gz.csv
head -c 300000 /bin/ls > ls.csv
sqlite3 db.csv "CREATE TABLE outages (outage_id TEXT, started_at TEXT);
                INSERT INTO outages VALUES ('O-1', '2026-10-01T00:00:00Z');"
head -c 2000000 /dev/zero > zero.csv
# The start of a zip (an XLSX is one): its local file header, then a name
# that looks like a header line. The NUL bytes keep "outage_id" from
# counting as a column name.
printf 'PK\003\004\024\000\000\000\010\000outage_id,started_at\n' > zip.csv

for f in gz.csv ls.csv db.csv; do
    for k in outages calls billing; do
        ingest --$k $f
        expect_exit 65
        expect_stderr_line "$f:" "error: not a text file: byte 0x"
        expect_stderr_has "nothing from this file was stored"
        expect_stderr_lacks "internal"
    done
done
# gzip's second byte is 0x8B: line 1, column 2.
ingest --calls gz.csv
expect_stderr_has "gz.csv:1:2: error: not a text file: byte 0x8B at column 2"
for f in zero.csv zip.csv; do
    for k in outages calls billing; do
        ingest --$k $f
        expect_exit 65
        expect_stderr_line "$f:1: error: " "header"
        expect_stderr_lacks "internal"
    done
done
# The NULs make one line of 2 MB: too long for a header.
ingest --billing zero.csv
expect_stderr_has "zero.csv:1: error: header longer than 1048576 bytes"
expect_sql "SELECT count(*) FROM sources" 0

# After a valid header, binary bytes are data rows.
T='2026-10-01T00:00:00Z'
{ echo 'outage_id,started_at,cause'; head -c 300000 /bin/ls; echo; echo "END-1,$T,x"; } > o.csv
{ echo 'account_id,kind,posted_at,amount'; cat calls.csv.gz; } > b.csv
{ echo 'call_id,queue,arrived_at,ended_at,outcome'; head -c 2000000 /dev/zero; echo; echo "END-2,tech,$T,$T,closed"; } > c.csv
ingest -q --outages o.csv
expect_exit 65
expect_stderr_line "o.csv:2:" "error: not a text file"
ingest -q --billing b.csv
expect_exit 65
expect_stderr_line "b.csv:2:2: error: " "not a text file: byte 0x8B"
expect_sql "SELECT count(*) FROM sources" 0
ingest -q --calls c.csv
expect_exit 0
expect_sql "SELECT count(*) FROM sources" 1
expect_counts c.csv 2 1 1
expect_reject c.csv 2 0 - "longer than 1048576 bytes"
expect_sql "SELECT line FROM call_legs WHERE call_id = 'END-2'" 3
expect_accounting
