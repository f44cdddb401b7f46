# Whole-file problems: exit 66 when a file cannot be opened, 65 when it has
# no usable header; such a file leaves no sources row. A header with no
# data rows is fine.

good() {
    printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\n'
}

# Missing file: 66, the message names the path as given.
ingest --outages no/such/outages.csv
expect_exit 66
expect_stderr_has "cannot open no/such/outages.csv"
expect_sql "SELECT count(*) FROM sources" 0

# A directory: 66.
mkdir adir
ingest --calls adir
expect_exit 66
expect_stderr_has "cannot open adir: it is a directory"

# Unreadable file (only meaningful when not running as root).
if [ "$(id -u)" != 0 ]; then
    good > secret.csv
    chmod 000 secret.csv
    ingest --outages secret.csv
    expect_exit 66
    expect_stderr_has "cannot open secret.csv"
fi

# Empty file: 65.
: > empty.csv
ingest --billing empty.csv
expect_exit 65
expect_stderr_has "empty.csv"
expect_stderr_has "empty file"

# Only blank lines: no header either.
printf '\n\n\n' > blank.csv
ingest --billing blank.csv
expect_exit 65
expect_stderr_has "empty file"

# Header only: exit 0, 0 rows read.
printf 'call_id,queue,arrived_at,ended_at\n' > header.csv
ingest --calls header.csv
expect_exit 0
expect_counts header.csv 0 0 0
expect_stderr_has "header.csv: 0 read, 0 stored, 0 rejected"

# Binary bytes (the start of an executable): no recognisable header, 65.
head -c 2000 /bin/ls > binary.csv
ingest --outages binary.csv
expect_exit 65
expect_stderr_has "binary.csv"
expect_sql "SELECT count(*) FROM sources WHERE path = 'binary.csv'" 0

# Read with ',' as --delimiter says, a ';' header is one unknown name: 65,
# and the message says which delimiter split it (081: the detection).
printf 'outage_id;started_at\nO-1;2026-10-01T00:00:00Z\n' > semi.csv
ingest --delimiter , --outages semi.csv
expect_exit 65
expect_stderr_has "semi.csv:1: error: no recognisable outages header"
expect_stderr_has "it was split at ',' as --delimiter says"
expect_sql "SELECT count(*) FROM sources WHERE path = 'semi.csv'" 0

# UTF-16 (LE with BOM), as some spreadsheet exports write it, is converted
# (issue 22; 132 has more): a header alone is an empty file, 0 rows.
printf '\377\376o\000u\000t\000a\000g\000e\000_\000i\000d\000,\000s\000t\000a\000r\000t\000e\000d\000_\000a\000t\000\n\000' > utf16.csv
ingest --outages utf16.csv
expect_exit 0
expect_counts utf16.csv 0 0 0
expect_sql "SELECT notes FROM sources WHERE path = 'utf16.csv'" \
    "read as UTF-16LE, converted to UTF-8"

# Required column missing: 65, the message names it.
printf 'outage_id,restored_at\nO-1,2026-10-01T00:00:00Z\n' > noreq.csv
ingest --outages noreq.csv
expect_exit 65
expect_stderr_has "header lacks required column started_at"
printf 'call_id,queue,arrived_at\nC-1,tech,2026-10-01T00:00:00Z\n' > noend.csv
ingest --calls noend.csv
expect_exit 65
expect_stderr_has "header lacks required column ended_at"
expect_sql "SELECT count(*) FROM sources" 2

# The right file under the wrong option: the calls file of the founding
# case as outages matches outage columns (account_id, ticket_id is an
# outage_id alias) but lacks started_at.
ingest --outages "$FOUNDING/calls.csv"
expect_exit 65
expect_stderr_has "header lacks required column started_at"
ingest --calls "$FOUNDING/billing.csv"
expect_exit 65
# All the missing columns at once (issue 22), not one a run.
expect_stderr_has "header lacks 4 required columns: call_id, queue, arrived_at and ended_at"
expect_sql "SELECT count(*) FROM sources" 2

# Files are imported outages, calls, billing, each committed on its own:
# a good outages file is kept when the calls file after it is missing ...
good > o.csv
ingest --calls missing.csv --outages o.csv
expect_exit 66
expect_sql "SELECT count(*) FROM sources WHERE path = 'o.csv'" 1
expect_counts o.csv 1 1 0
# ... and a bad outages file stops the run before the calls file.
printf 'call_id,queue,arrived_at,ended_at,outcome\nC-1,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed\n' > c.csv
ingest --calls c.csv --delimiter , --outages semi.csv
expect_exit 65
expect_sql "SELECT count(*) FROM sources WHERE path = 'c.csv'" 0
expect_accounting
