# Import profiles (issue 29): hostile and broken profiles are refused
# before anything is read, with the profile's file:line; a profile that
# fits no row rejects every row with its reason (nothing lost).

printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\n' > o.csv

bad() { # EXIT MESSAGE (the profile is p.ini)
    ingest --profile p.ini --outages o.csv
    expect_exit "$1"
    expect_stderr_has "$2"
    expect_no_file "$DB" # refused before the store is opened
}

printf '[profile]\nkind = outages\ncolour = blue\n' > p.ini
bad 65 "p.ini:3: error: unknown key 'colour' in [profile]"
printf '[profile]\nkind = outages\n[colums]\na = b\n' > p.ini
bad 65 "p.ini:4: error: unknown section [colums]"
printf '[profile]\nkind = telegrams\n' > p.ini
bad 65 "p.ini:2: error: kind 'telegrams' is not one a profile reads"
printf '[profile]\nkind = outages\nencoding = KLINGON-8\n' > p.ini
bad 65 "p.ini:3: error: encoding 'KLINGON-8' is not one iconv knows"
printf '[profile]\nkind = outages\ntimezone = UTC+5\n' > p.ini
bad 65 "p.ini:3: error: timezone 'UTC+5' is not an IANA zone name"
printf '[profile]\nkind = outages\n[columns]\noutage_id = {id\n' > p.ini
bad 65 "p.ini:4: error: outage_id = {id: '{' without its '}'"
printf '[profile]\nkind = outages\n[columns]\noutage_id = {a}\nstarted_at = {b}\n[formats]\nstarted_at = %%Y-%%q\n' > p.ini
bad 65 "p.ini:7: error: started_at = %Y-%q: unknown directive %q"
printf '[profile]\nkind = outages\n[columns]\noutage_id = {a}\nstarted_at = {b} + {c} fortnights\n' > p.ini
bad 65 "p.ini:5: error: started_at = {b} + {c} fortnights: unknown unit 'fortnights'"
printf '[profile]\nkind = outages\n[columns]\noutage_id = {a}\n' > p.ini
bad 65 "p.ini: error: [columns] lacks what outages requires: started_at"
printf '[profile]\nkind = outages\n[columns]\noutage_id = {#5000}\n' > p.ini
bad 65 "p.ini:4: error: outage_id = {#5000}: {#5000} must be a field number from 1 to 4096"
# 10,000 columns: refused at the first name the kind does not have
{ printf '[profile]\nkind = outages\n[columns]\n'
  i=0; while [ $i -lt 10000 ]; do echo "c$i = {c$i}"; i=$((i + 1)); done
} > p.ini
bad 65 "p.ini:4: error: [columns]: outages has no column 'c0'"
# ... and 10,000 of a real one: refused at the second
{ printf '[profile]\nkind = outages\n[columns]\n'
  i=0; while [ $i -lt 10000 ]; do echo "outage_id = {c$i}"; i=$((i + 1)); done
} > p.ini
bad 65 "p.ini:5: error: [columns] names outage_id twice"
# a line longer than inih reads, and bytes that are not UTF-8
{ printf '[profile]\nkind = outages\nname = '; repeat_char x 300; echo; } > p.ini
bad 65 "p.ini:3: error: line longer than 198 bytes"
printf '[profile]\nkind = outages\nname = caf\351\n' > p.ini
bad 65 "p.ini:3: error: not UTF-8 text"
ingest --profile missing.ini --outages o.csv
expect_exit 66
expect_stderr_has "cannot open profile missing.ini"

# A template naming a header the file lacks: the profile line and the
# file's headers are named; nothing stored.
printf '[profile]\nkind = outages\n[columns]\noutage_id = {Ticket}\nstarted_at = {started_at}\n' > p.ini
ingest --profile p.ini --outages o.csv
expect_exit 65
expect_stderr_has 'o.csv:1: error: profile p.ini:4: outage_id names {Ticket}, which the header lacks (headers are matched as written; this file'"'"'s: "outage_id", "started_at")'
expect_sql "SELECT count(*) FROM sources" "0"

# A format that never matches: every row rejected, with its reason.
printf '[profile]\nkind = outages\n[columns]\noutage_id = {outage_id}\nstarted_at = {started_at}\n[formats]\nstarted_at = %%d/%%m/%%Y\n' > p.ini
printf 'outage_id,started_at\nO-1,2026-10-01\nO-2,2026-10-02\n' > o2.csv
ingest --profile p.ini --outages o2.csv
expect_exit 0
expect_counts o2.csv 2 0 2
expect_reject o2.csv 2 2 started_at \
    "expected '/' at \"26-10-01\" (profile p.ini:7)"
expect_accounting

# A header-less file by position; a NUL byte in a field is refused whole.
printf '[profile]\nkind = outages\nheader = no\n[columns]\noutage_id = X-{#1}\nstarted_at = {#2} {#3}\n' > p.ini
printf '7,2026-10-01,08:00\n8,2026-10-02\0,09:00\n' > nohead.csv
ingest --tz UTC --profile p.ini --outages nohead.csv
expect_exit 0
expect_counts nohead.csv 2 1 1
expect_sql "SELECT outage_id, started_at FROM outages" "X-7|$(utc '2026-10-01 08:00:00')"
expect_reject nohead.csv 2 2 - "a NUL byte inside the field"
expect_accounting
