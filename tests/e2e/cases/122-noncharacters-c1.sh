# Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, the last two code
# points of every plane) and C1 controls (U+0080-U+009F, e.g. U+0085 NEXT
# LINE) are valid UTF-8 but no text: U+FFFE written raw into sheet XML
# makes the sheet ill-formed. They are rejected in every field of every
# format, free text included, with FILE:LINE:COL and the byte offset.
# Characters next to them stay: U+FDCF, U+FFFD (the replacement
# character), U+00A0 (no-break space).

T='2026-10-01T10:00:00Z,2026-10-01T10:01:00Z'
{
    echo 'call_id,account_id,queue,arrived_at,ended_at,outcome,agent_id'
    printf 'C-2\357\277\276,ACC-2,tech,%s,closed,\n' "$T"      # 2: U+FFFE col 1, byte 4
    printf 'C-3,ACC\357\277\277,tech,%s,closed,\n' "$T"        # 3: U+FFFF col 2, byte 4
    printf 'C-4,ACC-4,te\357\267\220ch,%s,closed,\n' "$T"      # 4: U+FDD0 col 3, byte 3
    printf 'C-5,ACC-5,tech,%s,closed,A-\357\267\257\n' "$T"    # 5: U+FDEF col 7, byte 3
    printf 'C-6,ACC-6,tech\360\237\277\276,%s,closed,\n' "$T"  # 6: U+1FFFE col 3, byte 5
    printf 'C-7,\364\217\277\277,tech,%s,closed,\n' "$T"       # 7: U+10FFFF col 2, byte 1
    printf 'C-8,ACC\302\205-8,tech,%s,closed,\n' "$T"          # 8: U+0085 col 2, byte 4
    printf 'C-9,ACC-9,\302\200tech,%s,closed,\n' "$T"          # 9: U+0080 col 3, byte 1
    printf 'C-10,ACC-10,tech\302\237,%s,closed,\n' "$T"        # 10: U+009F col 3, byte 5
    # 11: U+FDCF, U+FFFD and U+00A0 are text: stored.
    printf 'C-11,A\357\267\217\357\277\275\302\240,tech,%s,closed,\n' "$T"
} > c.csv
ingest -v --calls c.csv
expect_exit 0
expect_counts c.csv 10 1 9
expect_reject c.csv 2 1 call_id "Unicode noncharacter U+FFFE at byte 4"
expect_reject c.csv 3 2 account_id "Unicode noncharacter U+FFFF at byte 4"
expect_reject c.csv 4 3 queue "Unicode noncharacter U+FDD0 at byte 3"
expect_reject c.csv 5 7 agent_id "Unicode noncharacter U+FDEF at byte 3"
expect_reject c.csv 6 3 queue "Unicode noncharacter U+1FFFE at byte 5"
expect_reject c.csv 7 2 account_id "Unicode noncharacter U+10FFFF at byte 1"
expect_reject c.csv 8 2 account_id "control character U+0085 at byte 4"
expect_reject c.csv 9 3 queue "control character U+0080 at byte 1"
expect_reject c.csv 10 3 queue "control character U+009F at byte 5"
expect_sql "SELECT call_id, hex(account_id) FROM call_legs" "C-11|41EFB78FEFBFBDC2A0"
# The message shows the bytes, not the characters: \xNN.
expect_stderr_has 'c.csv:2:1: error: rejected: call_id "C-2\xEF\xBF\xBE": Unicode noncharacter U+FFFE'

# Free text too: outages.cause and billing.description.
S='2026-10-01T00:00:00Z'
{
    echo 'outage_id,started_at,cause'
    printf 'O-2,%s,fibre \357\277\276cut\n' "$S"               # 2: col 3, byte 7
    printf 'O-3,%s,"fibre\302\205cut"\n' "$S"                  # 3: col 3, byte 6
    printf 'O-4,%s,fibre cut\n' "$S"                           # 4: stored
} > o.csv
ingest -v --outages o.csv
expect_exit 0
expect_counts o.csv 3 1 2
expect_reject o.csv 2 3 cause "Unicode noncharacter U+FFFE at byte 7"
expect_reject o.csv 3 3 cause "control character U+0085 at byte 6"
{
    echo 'account_id,kind,posted_at,amount,description'
    printf 'ACC-1,charge,2026-10-01,1.00,memo\302\234\n'       # 2: U+009C col 5, byte 5
} > b.csv
ingest -v --billing b.csv
expect_counts b.csv 1 0 1
expect_reject b.csv 2 5 description "control character U+009C at byte 5"
{
    echo 'appointment_id,window_start,window_end'
    printf 'AP-1\357\277\277,2026-10-02 08:00,2026-10-02 12:00\n'    # 2: col 1, byte 5
} > a.csv
ingest -v --appointments a.csv
expect_reject a.csv 2 1 appointment_id "Unicode noncharacter U+FFFF at byte 5"
{
    echo 'order_id,ordered_at,promised_at'
    printf 'OR-1,2026-10-01\302\205,2026-10-05\n'                  # 2: col 2, byte 11
} > r.csv
ingest -v --orders r.csv
expect_reject r.csv 2 2 ordered_at "control character U+0085 at byte 11"
{
    echo 'caller_number,account_id'
    printf '5550100,ACC\357\267\220\n'                             # 2: col 2, byte 4
} > m.csv
ingest -v --accounts m.csv
expect_reject m.csv 2 2 account_id "Unicode noncharacter U+FDD0 at byte 4"

# The Asterisk exports: the reader checks every field (named "field N").
{
    printf '1700000000|1700000000.1|q|NONE|ENTERQUEUE||5550001|1|Ann\357\277\276\n'  # 1: col 9, byte 4
    printf '1700000010|1700000000.2|q|SIP/\302\205|CONNECT|5|x|1\n'                  # 2: col 4, byte 5
    printf '1700000030|1700000000.3|q|NONE|ABANDON|1|1|30\n'                        # 3: stored
} > queue_log
ingest -v --calls-format asterisk-queue-log --calls queue_log
expect_exit 0
expect_counts queue_log 3 1 2
expect_reject queue_log 1 9 "field 9" "Unicode noncharacter U+FFFE at byte 4"
expect_reject queue_log 2 4 "field 4" "control character U+0085 at byte 5"
R='"100","from-pstn","""Ann"" <5550188>","SIP/trunk-0003","SIP/202-0004","Queue","support","2026-10-05 09:00:00",,"2026-10-05 09:00:30",30,0,"NO ANSWER","DOCUMENTATION"'
{
    printf '"ACC-8","5550188",%s,"1791190800.8","x\357\277\277"\n' "$R"   # 1: col 18, byte 2
    printf '"ACC-8","5550188",%s,"1791190800.9",""\n' "$R"                # 2: stored
} > cdr.csv
ingest -v --cdr cdr.csv
expect_exit 0
expect_counts cdr.csv 2 1 1
expect_reject cdr.csv 1 18 "field 18" "Unicode noncharacter U+FFFF at byte 2"
expect_accounting

# The guarantees file is text that reaches the reports too: a value with
# a noncharacter or a C1 control is refused naming the file and line.
NC=$(printf '\357\277\276')
sed "s/^source = Fibre bundle brochure, 2026, page 2\$/source = Fibre bundle brochure$NC, page 2/" \
    "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" > g.ini
expect_eq "g.ini: one line changed" 1 "$(grep -c "$(printf '\357\277\276')" g.ini)"
# The line the template has its first source on (31 today).
NCL=$(grep -n "$NC" g.ini | cut -d: -f1)
run_ombud check --db "$DB" --guarantees g.ini
expect_exit 65
# "Fibre bundle brochure" is 21 bytes: the noncharacter starts at byte 22.
expect_stderr_line "g.ini:$NCL: error: " "source: Unicode noncharacter U+FFFE at byte 22"
