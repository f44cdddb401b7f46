# Bidirectional controls in the identifiers of the Asterisk exports are
# rejected with FILE:LINE:COL, as in the CSV formats (case 120): the
# queue_log's callid, queuename, agent and event (file form and database
# export), and Master.csv's naming fields (accountcode, src, dst,
# dcontext, channel, dstchannel, lastapp, disposition, uniqueid,
# linkedid). Free text keeps them: a queue_log event's data (the caller's
# name) and Master.csv's clid, lastdata and userfield.
LRM='\342\200\216'   # U+200E
RLM='\342\200\217'   # U+200F
RLO='\342\200\256'   # U+202E
LRI='\342\201\246'   # U+2066
PDI='\342\201\251'   # U+2069
WHY='not allowed in an identifier'

# The file form. Lines 1 and 6 make one abandoned leg (the caller's name
# on line 1 holds an override: data, kept); lines 2-5 are rejected.
{
    printf "1700000000|1700000000.1|q|NONE|ENTERQUEUE||5550001|1|Jane ${RLO}Doe\n"
    printf "1700000010|1700000000.1${RLO}|q|NONE|ABANDON|1|1|10\n"   # 2: col 2, byte 13
    printf "1700000010|1700000000.2|q${RLM}|NONE|ABANDON|1|1|10\n"   # 3: col 3, byte 2
    printf "1700000010|1700000000.3|q|SIP/${LRI}201|CONNECT|5|x|1\n" # 4: col 4, byte 5
    printf "1700000010|1700000000.4|q|NONE|ABAN${RLO}DON|1|1|10\n"   # 5: col 5, byte 5
    printf "1700000030|1700000000.1|q|NONE|ABANDON|1|1|30\n"         # 6: ends line 1's stint
} > queue_log
ingest -v --calls-format asterisk-queue-log --calls queue_log
expect_exit 0
expect_counts queue_log 6 2 4
expect_reject queue_log 2 2 callid "bidirectional control character U+202E at byte 13: $WHY"
expect_reject queue_log 3 3 queuename "bidirectional control character U+200F at byte 2"
expect_reject queue_log 4 4 agent "bidirectional control character U+2066 at byte 5"
expect_reject queue_log 5 5 event "bidirectional control character U+202E at byte 5"
expect_sql "SELECT call_id, outcome, lines FROM call_legs" "1700000000.1|abandoned|1,6"
expect_accounting

# The database export: line 2's queuename (column 3) holds an override.
{
    echo 'time,callid,queuename,agent,event,data1,data2,data3,data4,data5'
    printf "2026-10-05 10:00:00,1791194400.1,supp${RLO}ort,NONE,ENTERQUEUE,,5550101,1,,\n"
    printf '2026-10-05 10:00:10,1791194400.2,support,NONE,ABANDON,1,1,10,,\n'
} > ql.csv
ingest -v --calls-format asterisk-queue-log --calls ql.csv
expect_exit 0
expect_counts ql.csv 2 1 1
expect_reject ql.csv 2 3 queuename "bidirectional control character U+202E at byte 5"
expect_accounting

# Master.csv, 18 columns (uniqueid is column 17, userfield 18). Rows 1-3
# are rejected; row 4 keeps its overrides in clid (5) and userfield (18).
R='"100","from-pstn","""Ann"" <5550188>","SIP/trunk-0003","SIP/202-0004","Queue","support","2026-10-05 09:00:00",,"2026-10-05 09:00:30",30,0,"NO ANSWER","DOCUMENTATION"'
{
    printf "\"ACC-${RLO}8\",\"5550188\",$R,\"1791190800.8\",\"\"\n"        # 1: col 1, byte 5
    printf "\"ACC-8\",\"555${LRM}0188\",$R,\"1791190800.9\",\"\"\n"         # 2: col 2, byte 4
    printf "\"ACC-8\",\"5550188\",$R,\"1791190800.10${PDI}\",\"\"\n"       # 3: col 17, byte 14
    printf "\"ACC-8\",\"5550188\",\"100\",\"from-pstn\",\"\"\"${RLO}Ann\"\" <5550188>\",\"SIP/trunk-0003\",\"SIP/202-0004\",\"Queue\",\"support\",\"2026-10-05 09:00:00\",,\"2026-10-05 09:00:30\",30,0,\"NO ANSWER\",\"DOCUMENTATION\",\"1791190800.11\",\"note ${RLO}x\"\n"
} > m.csv
ingest -v --cdr m.csv
expect_exit 0
expect_counts m.csv 4 1 3
expect_reject m.csv 1 1 accountcode "bidirectional control character U+202E at byte 5"
expect_reject m.csv 2 2 src "bidirectional control character U+200E at byte 4"
expect_reject m.csv 3 17 uniqueid "bidirectional control character U+2069 at byte 14"
expect_sql "SELECT uniqueid, userfield = 'note ' || char(8238) || 'x' FROM cdr_records" "1791190800.11|1"
expect_accounting
