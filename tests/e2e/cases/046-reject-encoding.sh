# Every used field must be valid UTF-8 without NUL or control characters
# (tab, CR, LF allowed). The bytes are written with printf octal escapes.
# The value in messages and in the rejects table shows bad bytes as \xNN.

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
expect_exit 0
expect_counts c.csv 11 3 8
expect_reject c.csv 2 2 account_id "invalid UTF-8 at byte 5"
expect_stderr_has 'c.csv:2:2: error: rejected: account_id "ACC-\xFF\xFE": invalid UTF-8'
expect_sql "SELECT value FROM rejects WHERE line = 2" 'ACC-\xFF\xFE'
expect_reject c.csv 3 2 account_id "NUL byte at byte 3"
expect_sql "SELECT value FROM rejects WHERE line = 3" 'AC\x00C'
expect_reject c.csv 4 3 queue "control character 0x01 at byte 3"
expect_reject c.csv 5 3 queue "control character 0x1B at byte 5"
expect_reject c.csv 7 2 account_id "invalid UTF-8 at byte 1"
expect_reject c.csv 9 2 account_id "invalid UTF-8 at byte 1"
expect_reject c.csv 10 2 account_id "invalid UTF-8 at byte 4"
expect_reject c.csv 11 6 outcome "control character 0x7F"
# The message itself stays printable: no raw control bytes on stderr.
expect_eq "control bytes (other than newline) on stderr" 0 \
    "$(tr -d '\n\040-\176\200-\377' < "$ERR" | wc -c | tr -d ' ')"
expect_sql "SELECT call_id, line FROM call_legs ORDER BY line" "C-6|6
C-8|8
C-12|12"
expect_sql "SELECT account_id FROM call_legs WHERE call_id = 'C-6'" "Zoë-Łódź"
expect_sql "SELECT account_id = 'a' || char(9) || 'b' FROM call_legs WHERE call_id = 'C-8'" 1

# Invalid UTF-8 in the header line of a column ombud does not use is
# harmless; in a field of a used column it rejects the row.
printf 'outage_id,started_at,Bem\377rkung\nO-1,2026-10-01T00:00:00Z,x\n' > o.csv
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 1 1 0
expect_accounting
