# Hostile input, whole-file shapes, for each of the three formats: an empty
# file, a byte order mark alone, only white space, a header alone (with and
# without a final newline), and no header at all (the first data row taken
# as the header). A file with no usable header is refused with 65, names
# the file (FILE:1 when a line was read), and leaves no trace in the store;
# a header alone is a valid import of 0 rows.

T='2026-10-01T00:00:00Z'
for k in outages calls billing; do
    : > "$k-empty.csv"
    ingest --$k "$k-empty.csv"
    expect_exit 65
    expect_stderr_line "$k-empty.csv: error: " "empty file: no $k header"

    printf '\357\273\277' > "$k-bom.csv"
    ingest --$k "$k-bom.csv"
    expect_exit 65
    expect_stderr_line "$k-bom.csv: error: " "empty file"

    printf '   \n\t\n\r\n\n' > "$k-blank.csv"
    ingest --$k "$k-blank.csv"
    expect_exit 65
    expect_stderr_line "$k-blank.csv: error: " "empty file"
done

# Header alone: 0 read, 0 stored, 0 rejected, exit 0.
printf 'outage_id,started_at\n' > o-head.csv
printf 'call_id,queue,arrived_at,ended_at,outcome' > c-head.csv
printf '\357\273\277account_id,kind,posted_at,amount\r\n' > b-head.csv
ingest --outages o-head.csv --calls c-head.csv --billing b-head.csv
expect_exit 0
expect_counts o-head.csv 0 0 0
expect_counts c-head.csv 0 0 0
expect_counts b-head.csv 0 0 0
expect_stderr_has "c-head.csv: 0 read, 0 stored, 0 rejected"

# No header: the first data row cannot be a header. 65 at line 1.
printf 'O-1,2026-10-01T00:00:00Z\nO-2,2026-10-01T00:00:00Z\n' > o-nohead.csv
ingest --outages o-nohead.csv
expect_exit 65
expect_stderr_line "o-nohead.csv:1: error: " "no recognisable outages header"
printf 'C-1,tech,%s,%s,closed\n' "$T" "$T" > c-nohead.csv
ingest --calls c-nohead.csv
expect_exit 65
expect_stderr_line "c-nohead.csv:1: error: " "no recognisable calls header"
printf 'ACC-1,charge,2026-10-01,10.00\n' > b-nohead.csv
ingest --billing b-nohead.csv
expect_exit 65
expect_stderr_line "b-nohead.csv:1: error: " "no recognisable billing header"
# ... also when blank lines come first: the header is the first line with
# text, and the message gives that line.
printf '\n\nACC-1,charge,2026-10-01,10.00\n' > b-nohead3.csv
ingest --billing b-nohead3.csv
expect_exit 65
expect_stderr_line "b-nohead3.csv:3: error: " "no recognisable billing header"

# Nothing of the refused files reached the store: the three header-only
# files are its only sources.
expect_sql "SELECT count(*) FROM sources" 3
expect_sql "SELECT (SELECT count(*) FROM outages) + (SELECT count(*) FROM call_legs)
            + (SELECT count(*) FROM billing_events) + (SELECT count(*) FROM rejects)" 0
expect_accounting
