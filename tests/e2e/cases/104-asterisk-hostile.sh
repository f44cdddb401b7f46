# Hostile queue_log lines: each is rejected with FILE:LINE:COL and a
# reason, the good lines around them still make their legs, and
# read = stored + rejected + counted holds.

big=$(repeat_char x 300)
{
    printf '1700000000|1700000000.1|q|NONE|ENTERQUEUE||5550001|1\n'       # 1 ok
    printf 'abc|1700000000.2|q|NONE|ABANDON|1|1|5\n'                      # 2 epoch
    printf -- '-5|1700000000.3|q|NONE|ABANDON|1|1|5\n'                    # 3 epoch
    printf '1700000000.5|1700000000.4|q|NONE|ABANDON|1|1|5\n'             # 4 epoch
    printf '99999999999999999999|1700000000.5|q|NONE|ABANDON|1|1|5\n'     # 5 epoch
    printf '7258118400|1700000000.6|q|NONE|ABANDON|1|1|5\n'               # 6 2200
    printf '1700000010|%s|q|NONE|ABANDON|1|1|5\n' "$big"                  # 7 callid
    printf '1700000010|1700000000.7|q|SIP/\300\257|CONNECT|5|x|1\n'       # 8 UTF-8
    printf '1700000010|1700000000.8|q|SIP/1|CONNECT|soon|x|1\n'           # 9 holdtime
    printf '1700000010|1700000000.9|q|NONE\n'                             # 10 fields
    printf '1700000010|NONE|q|NONE|ABANDON|1|1|5\n'                       # 11 no call
    printf '1700000010|1700000000.10|q|NONE||1\n'                         # 12 no event
    printf '1700000010|1700000000.11|q|NONE|ABANDON|1|1|5\000\n'          # 13 NUL
    printf '1700000010|1700000000.12|q|NONE|COMPLETECALLER|5\n'           # 14 calltime
    printf '1700000010|1700000000.13|q|NONE|EXITWITHKEY|12|1|1|5\n'       # 15 key
    printf '1700000030|1700000000.1|q|"quoted|ABANDON|1|1|30\n'           # 16 ok: no quoting
    printf '1700000040|1700000000.14|q|NONE|INFO|"unclosed\n'             # 17 counted
    printf '1700000050|1700000000.15|q|\377"|ABANDON|1|1|5\n'             # 18 0xFF
    printf '1700000060|1700000000.16|q|NONE|INFO|after\n'                 # 19 counted
} > queue_log
# Lines 8 and 18 are not UTF-8: the whole log is refused, nothing stored
# (issue 22). Made good (a C1 control U+0085 for the bad bytes of lines
# 8 and 18), its lines are judged one by one.
ingest -v --calls-format asterisk-queue-log --calls queue_log
expect_exit 65
expect_stderr_has "queue_log:8:31: error: not UTF-8: byte 0xC0 at column 31"
expect_sql "SELECT count(*) FROM sources" 0
sed -e '8s/\xC0\xAF/\xC2\x85/' -e '18s/\xFF/\xC2\x85/' queue_log > ql && mv ql queue_log
ingest -v --calls-format asterisk-queue-log --calls queue_log
expect_exit 0
# 19 lines: 2 in one leg (1, 16), 15 rejected, 2 counted (INFO). The file
# form has no quoting: a '"' is text (lines 16, 17), and a line holding
# a control character rejects its line (8, 18).
expect_counts queue_log 19 2 15
expect_counted queue_log 2
expect_accounting
expect_reject queue_log 2 1 epoch "not a time in Unix seconds (digits only, before 2200)"
expect_reject queue_log 3 1 epoch "not a time in Unix seconds"
expect_reject queue_log 4 1 epoch "not a time in Unix seconds"
expect_reject queue_log 5 1 epoch "not a time in Unix seconds"
expect_reject queue_log 6 1 epoch "not a time in Unix seconds"
expect_reject queue_log 7 2 callid "longer than 200 bytes"
expect_reject queue_log 8 4 "field 4" "control character U+0085"
expect_reject queue_log 9 6 "field 6" "not a whole number"
expect_reject queue_log 10 0 - "expected epoch|callid|queuename|agent|event|data..., found 4 fields"
expect_reject queue_log 11 2 callid "ABANDON names no call"
expect_reject queue_log 12 5 event "the event name is blank"
expect_reject queue_log 13 8 "field 8" "NUL"
expect_reject queue_log 14 0 - "COMPLETECALLER needs holdtime and calltime"
expect_reject queue_log 15 6 "field 6" "EXITWITHKEY key is not one key"
expect_reject queue_log 18 4 "field 4" "control character U+0085"
expect_sql "SELECT outcome, lines, ended_at - arrived_at FROM call_legs" "abandoned|1,16|30"

# A line of 2 MB is one rejected record; reading resumes on the next line.
{
    printf '1700000000|1700000001.1|q|NONE|ENTERQUEUE||5550001|1\n'
    printf '1700000001|1700000001.2|q|NONE|INFO|'
    repeat_char y 2000000
    printf '\n1700000020|1700000001.1|q|NONE|ABANDON|1|1|20\n'
} > big_log
ingest --calls-format asterisk-queue-log --calls big_log
expect_exit 0
expect_counts big_log 3 2 1
expect_stderr_has "big_log:2: error: rejected: record longer than"
expect_accounting

# Empty and binary files.
: > empty_log
ingest --calls-format asterisk-queue-log --calls empty_log
expect_exit 65
expect_stderr_has "empty file: no queue_log records"
# Bytes of an executable: not UTF-8 and full of control bytes, refused
# whole before any line is read, whichever form it would be taken for.
printf '\177ELF\002\001|\001\000\000|\377\376\n\000\000|x|y|z|w\n\001|2|3|4|ABANDON|1|1|1\n' > binary_log
ingest --calls-format asterisk-queue-log --calls binary_log
expect_exit 65
expect_stderr_has "binary_log:1:12: error: not a text file: byte 0xFF"
expect_sql "SELECT count(*) FROM sources WHERE name = 'binary_log'" 0
printf '\177ELF,\001\000|\377\n1,2\n' > binary_log2
ingest --calls-format asterisk-queue-log --calls binary_log2
expect_exit 65
expect_stderr_has "binary_log2:1:9: error: not a text file: byte 0xFF"
expect_sql "SELECT count(*) FROM sources WHERE name = 'binary_log2'" 0
expect_accounting
