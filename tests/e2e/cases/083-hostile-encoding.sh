# Hostile bytes in every format: NUL bytes, invalid UTF-8, overlong forms
# (C0 AF is an overlong '/', E0 80 AF and F0 80 80 AF the same in three
# and four bytes), a 5-byte form, a code point past U+10FFFF, and a NUL in
# a header name. A file holding any sequence that is not UTF-8 is refused
# whole at the first one's line and byte column, nothing stored (issue 22);
# a NUL (valid UTF-8) rejects its row at FILE:LINE:COL with the byte offset.
# (046 covers the control characters and more of calls.csv.)

T='2026-10-01T00:00:00Z'
{
    echo 'outage_id,started_at,cause,area'
    printf 'O-2,%s,\300\257,Elm\n' "$T"                  # 2: overlong '/' in cause (3)
    printf 'O-3,%s,ok,\340\200\257\n' "$T"               # 3: 3-byte overlong in area (4)
    printf 'O-4\000,%s,ok,Elm\n' "$T"                    # 4: NUL in outage_id (1)
    printf 'O-5,%s\000,ok,Elm\n' "$T"                    # 5: NUL after the time (2)
    printf 'O-6,%s,"a\000b",Elm\n' "$T"                  # 6: NUL inside quotes (3)
    printf 'O-7,%s,\370\210\200\200\200,Elm\n' "$T"      # 7: 5-byte form (3)
    printf 'O-8,%s,\364\220\200\200,Elm\n' "$T"          # 8: past U+10FFFF (3)
    printf 'O-9,%s,caf\303\251 \342\202\254 \360\237\223\236,Elm\n' "$T"  # 9: valid: café € 📞
    printf '\000\000,%s,x,y\n' "$T"                      # 10: NULs as the id (1)
} > o.csv
ingest -v --outages o.csv
expect_exit 65
expect_stderr_has "o.csv:2:26: error: not UTF-8: byte 0xC0 at column 26"
expect_sql "SELECT count(*) FROM sources" 0

{
    echo 'call_id,queue,arrived_at,ended_at,outcome,agent_id'
    printf 'C-2,te\300\257ch,%s,%s,closed,\n' "$T" "$T"          # 2: queue (2)
    printf 'C-3,tech,%s,%s,clo\000sed,\n' "$T" "$T"              # 3: outcome (5)
    printf 'C-4,tech,%s,%s,closed,\360\200\200\257\n' "$T" "$T"  # 4: agent_id (6)
    printf 'C-5,tech,%s,%s,closed,\n' "$T" "$T"                  # 5: fine
} > c.csv
ingest -v --calls c.csv
expect_exit 65
expect_stderr_has "c.csv:2:7: error: not UTF-8: byte 0xC0 at column 7"
expect_sql "SELECT count(*) FROM sources" 0

{
    echo 'account_id,kind,posted_at,amount,description'
    printf 'A\300\257,charge,2026-10-01,1.00,x\n'        # 2: account_id (1)
    printf 'A,charge,2026-10-01,1.0\0000,x\n'            # 3: amount with a NUL (4)
    printf 'A,charge,2026-10-01,1.00,\377\376\n'         # 4: description (5)
    printf 'A,charge,2026-10-01,1.00,ok\n'               # 5: fine
} > b.csv
ingest -v --billing b.csv
expect_exit 65
expect_stderr_has "b.csv:2:2: error: not UTF-8: byte 0xC0 at column 2"
expect_sql "SELECT count(*) FROM sources" 0
# Messages stay printable: no raw control or invalid bytes on stderr.
expect_eq "NUL or control bytes on stderr" 0 \
    "$(tr -d '\n\040-\176\200-\377' < "$ERR" | wc -c | tr -d ' ')"

# A NUL inside a header name names no column: "started\0_at" must not pass
# for started_at (nor for its alias "started", where the NUL would cut it).
printf 'outage_id,started\000_at\nN-1,%s\n' "$T" > nulhead.csv
ingest --outages nulhead.csv
expect_exit 65
expect_stderr_line "nulhead.csv:1: error: " "header lacks required column started_at"
printf 'outage_id,\000started_at\nN-1,%s\n' "$T" > nulhead2.csv
ingest --outages nulhead2.csv
expect_exit 65
# Invalid UTF-8 in a header name: the file is not UTF-8.
printf 'outage_id\377,started_at\nN-1,%s\n' "$T" > badhead.csv
ingest --outages badhead.csv
expect_exit 65
expect_stderr_line "badhead.csv:1:10: error: " "not UTF-8: byte 0xFF"
expect_sql "SELECT count(*) FROM sources WHERE path LIKE '%head%.csv'" 0
expect_accounting
