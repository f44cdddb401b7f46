# A file that is not UTF-8 is refused whole, before any row is stored
# (issue 22 item 6): one Windows-1252 byte in a billing description used
# to reject that row alone, and its charge vanished from the verdicts.
# The message names the first bad byte's line and byte column and the
# likely encoding. With --encoding the same file is converted: the text is
# stored as UTF-8, later rejects keep grep -n's line numbers, and the
# source keeps the SHA-256 of the original bytes.

{
    echo 'account_id,kind,posted_at,amount,description'
    echo 'ACC-1,charge,2026-10-01,89.99,October service'
    printf 'ACC-1,charge,2026-10-02,12.00,Caf\351 \223late fee\224 \200 5\n'
    echo 'ACC-1,charge,2026-13-01,1.00,bad month'
    echo 'ACC-1,payment,2026-10-20,50.00,cheque'
} > b.csv
ingest --billing b.csv
expect_exit 65
# "ACC-1,charge,2026-10-02,12.00,Caf" is 33 bytes: the 0xE9 is column 34.
expect_stderr_has "b.csv:3:34: error: not UTF-8: byte 0xE9 at column 34 (the first of 4 such bytes) looks like Windows-1252, where it is é; nothing from this file was stored; use --encoding WINDOWS-1252"
expect_sql "SELECT count(*) FROM sources" 0
expect_sql "SELECT count(*) FROM billing_events" 0
expect_sql "SELECT count(*) FROM rejects" 0

# Only bytes 0xA0-0xFF: ISO-8859-1.
printf 'outage_id,started_at,cause\nO-1,2026-10-01T00:00:00Z,c\342ble\n' > o.csv
ingest --outages o.csv
expect_exit 65
expect_stderr_has "o.csv:2:27: error: not UTF-8: byte 0xE2 at column 27 looks like ISO-8859-1 (Latin-1), where it is â"
# A byte Windows-1252 leaves undefined: no guess.
printf 'outage_id,started_at,cause\nO-1,2026-10-01T00:00:00Z,x\201\n' > u.csv
ingest --outages u.csv
expect_exit 65
expect_stderr_has "u.csv:2:27: error: not UTF-8: byte 0x81 at column 27, and not a Western encoding ombud can guess"
# Valid UTF-8 and a stray Latin-1 byte: two encodings mixed.
printf 'outage_id,started_at,cause\nO-1,2026-10-01T00:00:00Z,caf\303\251\nO-2,2026-10-01T00:00:00Z,caf\351\n' > m.csv
ingest --outages m.csv
expect_exit 65
expect_stderr_has "m.csv:3:29: error: not UTF-8: byte 0xE9 at column 29, in a file that is otherwise partly UTF-8"
expect_sql "SELECT count(*) FROM sources" 0

# From a pipe (no first pass): refused, and rolled back.
mkfifo pipe
cat b.csv > pipe &
ingest --billing pipe
wait
expect_exit 65
expect_stderr_has "pipe:3:34: error: not UTF-8: byte 0xE9"
expect_sql "SELECT count(*) FROM sources" 0

# The same file with --encoding: stored, converted.
sha=$(sha256sum b.csv | cut -d' ' -f1)
ingest --encoding WINDOWS-1252 --billing b.csv
expect_exit 0
expect_counts b.csv 4 3 1
expect_sql "SELECT hex(description) FROM billing_events WHERE line = 3" \
    "436166C3A920E2809C6C61746520666565E2809D20E282AC2035"
expect_sql "SELECT description FROM billing_events WHERE line = 3" "Café “late fee” € 5"
# The reject's line is the one grep -n gives.
expect_eq "grep -n line of the bad month" "4" "$(grep -n 2026-13-01 b.csv | cut -d: -f1)"
expect_reject b.csv 4 3 posted_at "month out of range"
expect_sql "SELECT sha256 FROM sources WHERE path = 'b.csv'" "$sha"
expect_sql "SELECT notes FROM sources WHERE path = 'b.csv'" \
    "read as WINDOWS-1252, converted to UTF-8"
expect_accounting

# --encoding for one kind only; an unknown name is a usage error.
ingest --encoding calls=ISO-8859-1 --outages o.csv
expect_exit 65
ingest --encoding outages=ISO-8859-1 --outages o.csv
expect_exit 0
expect_sql "SELECT cause FROM outages" "câble"
ingest --encoding KLINGON --outages o.csv
expect_exit 64
expect_stderr_has "--encoding: unknown encoding (use an iconv name such as WINDOWS-1252"
ingest --encoding fax=UTF-8 --outages o.csv
expect_exit 64
# A byte the named encoding lacks: refused, with the offset.
printf 'outage_id,started_at,cause\nO-9,2026-10-01T00:00:00Z,x\201\n' > u2.csv
ingest --encoding WINDOWS-1252 --outages u2.csv
expect_exit 65
expect_stderr_has "u2.csv:2: error: not WINDOWS-1252: byte 0x81 at offset 53 of the file"
