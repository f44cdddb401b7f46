# A file must be UTF-8 as a whole: one invalid sequence anywhere refuses
# the file before any row is stored (issue 22; 130 has the encodings).
# Every used field must be without NUL or control characters (tab, CR, LF
# allowed). The bytes are written with printf octal escapes. The value in
# messages and in the rejects table shows bad bytes as \xNN.

H='call_id,account_id,queue,arrived_at,ended_at,outcome'
T='2026-10-01T10:00:00Z,2026-10-01T10:01:00Z,closed'
{
    echo "$H"
    printf 'C-2,ACC-\377\376,tech,%s\n' "$T"          # 2: FF FE: invalid UTF-8 at byte 5
    printf 'C-3,AC\000C,tech,%s\n' "$T"               # 3: NUL at byte 3
    printf 'C-4,ACC-4,te\001ch,%s\n' "$T"             # 4: control 0x01 at byte 3
    printf 'C-5,ACC-5,tech\033[31m,%s\n' "$T"         # 5: ESC (0x1B) at byte 5
    printf 'C-6,Zo\303\253-\305\201\303\263d\305\272,tech,%s\n' "$T"  # 6: valid: Zoë-Łódź
    printf 'C-7,\300\257,tech,%s\n' "$T"              # 7: overlong '/' at byte 1
    printf 'C-8,"a\tb",tech,%s\n' "$T"                # 8: tab inside: fine
    printf 'C-9,\355\240\200x,tech,%s\n' "$T"         # 9: UTF-16 surrogate D800
    printf 'C-10,ACC\303,tech,%s\n' "$T"              # 10: truncated sequence
    printf 'C-11,ACC-11,tech,%s\177\n' "$T"           # 11: DEL (0x7F) in outcome
    printf 'C-12,ACC-12,tech,%s\n' "$T"               # 12: fine
} > c.csv
ingest -v --calls c.csv
expect_exit 65
expect_stderr_has 'c.csv:2:9: error: not UTF-8: byte 0xFF at column 9 (the first of 8 such bytes)'
expect_sql "SELECT count(*) FROM sources" 0
expect_sql "SELECT count(*) FROM rejects" 0
# The same file with the lines that are not UTF-8 made good: the control
# characters reject their rows.
sed -e "2s/.*/C-2,ACC-2,tech,$T/" -e "7s/.*/C-7,ACC-7,tech,$T/" \
    -e "9s/.*/C-9,ACC-9,tech,$T/" -e "10s/.*/C-10,ACC-10,tech,$T/" c.csv > c2.csv
mv c2.csv c.csv
ingest -v --calls c.csv
expect_exit 0
expect_counts c.csv 11 7 4
expect_reject c.csv 3 2 account_id "NUL byte at byte 3"
expect_sql "SELECT value FROM rejects WHERE line = 3" 'AC\x00C'
expect_reject c.csv 4 3 queue "control character 0x01 at byte 3"
expect_reject c.csv 5 3 queue "control character 0x1B at byte 5"
expect_reject c.csv 11 6 outcome "control character 0x7F"
# The message itself stays printable: no raw control bytes on stderr.
expect_eq "control bytes (other than newline) on stderr" 0 \
    "$(tr -d '\n\040-\176\200-\377' < "$ERR" | wc -c | tr -d ' ')"
expect_sql "SELECT call_id, line FROM call_legs ORDER BY line" "C-2|2
C-6|6
C-7|7
C-8|8
C-9|9
C-10|10
C-12|12"
expect_sql "SELECT account_id FROM call_legs WHERE call_id = 'C-6'" "Zoë-Łódź"
expect_sql "SELECT account_id = 'a' || char(9) || 'b' FROM call_legs WHERE call_id = 'C-8'" 1

# Invalid UTF-8 even in the name of a column ombud does not use refuses
# the file (it is not UTF-8); with --encoding it is read, and the name is
# listed as not used.
printf 'outage_id,started_at,Bem\377rkung\nO-1,2026-10-01T00:00:00Z,x\n' > o.csv
ingest --outages o.csv
expect_exit 65
expect_stderr_has 'o.csv:1:25: error: not UTF-8: byte 0xFF at column 25 looks like ISO-8859-1 (Latin-1), where it is ÿ; nothing from this file was stored; use --encoding ISO-8859-1'
ingest --encoding ISO-8859-1 --outages o.csv
expect_exit 0
expect_counts o.csv 1 1 0
expect_stderr_has 'o.csv:1: warning: 1 column not used: "Bemÿrkung"'
expect_accounting
