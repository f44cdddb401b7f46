# Bidirectional controls inside identifiers are rejected at ingest, in
# every CSV format, with FILE:LINE:COL and the byte where the control
# starts: drawn in a PDF, a right-to-left override in a ticket id would
# reverse the words and figures after it ("54 agents" as "stnega 45"). In
# free text (outages.cause, billing.description) they stay: the PDF draws
# free text isolated (case 124).
#
# The twelve controls, in UTF-8 (octal for printf):
LRM='\342\200\216'   # U+200E LEFT-TO-RIGHT MARK
RLM='\342\200\217'   # U+200F RIGHT-TO-LEFT MARK
ALM='\330\234'       # U+061C ARABIC LETTER MARK
LRE='\342\200\252'   # U+202A LEFT-TO-RIGHT EMBEDDING
RLE='\342\200\253'   # U+202B RIGHT-TO-LEFT EMBEDDING
PDF='\342\200\254'   # U+202C POP DIRECTIONAL FORMATTING
LRO='\342\200\255'   # U+202D LEFT-TO-RIGHT OVERRIDE
RLO='\342\200\256'   # U+202E RIGHT-TO-LEFT OVERRIDE
LRI='\342\201\246'   # U+2066 LEFT-TO-RIGHT ISOLATE
RLI='\342\201\247'   # U+2067 RIGHT-TO-LEFT ISOLATE
FSI='\342\201\250'   # U+2068 FIRST STRONG ISOLATE
PDI='\342\201\251'   # U+2069 POP DIRECTIONAL ISOLATE
WHY='not allowed in an identifier'

# calls.csv: each control once, in each identifier column.
# Columns: 1 call_id, 2 account_id, 3 queue, 7 agent_id, 8 transferred_to,
# 9 ticket_id.
T='2026-10-01T10:00:00Z,2026-10-01T10:01:00Z'
{
    echo 'call_id,account_id,queue,arrived_at,ended_at,outcome,agent_id,transferred_to,ticket_id'
    printf "C-2${LRM},ACC-2,tech,$T,closed,,,\n"          # 2: col 1, byte 4
    printf "C-3,A${RLM}CC-3,tech,$T,closed,,,\n"          # 3: col 2, byte 2
    printf "C-4,ACC-4,tech${ALM},$T,closed,,,\n"          # 4: col 3, byte 5
    printf "C-5,ACC-5,tech,$T,closed,${LRE}A-5,,\n"       # 5: col 7, byte 1
    printf "C-6,ACC-6,tech,$T,closed,,bill${RLE}ing,\n"   # 6: col 8, byte 5
    printf "C-7,ACC-7,tech,$T,closed,,,TT-${PDF}7\n"      # 7: col 9, byte 4
    printf "C-${LRO}8,ACC-8,tech,$T,closed,,,\n"          # 8: col 1, byte 3
    printf "C-9,ACC-9,tech,$T,closed,,,TT-${RLO}4471\n"   # 9: col 9, byte 4
    printf "C-10,ACC${LRI}-10,tech,$T,closed,,,\n"        # 10: col 2, byte 4
    printf "C-11,ACC-11,${RLI}tech,$T,closed,,,\n"        # 11: col 3, byte 1
    printf "C-12,ACC-12,tech,$T,closed,A-${FSI}12,,\n"    # 12: col 7, byte 3
    printf "C-13${PDI},ACC-13,tech,$T,closed,,,\n"        # 13: col 1, byte 5
    # 14: Hebrew letters are no control: stored as they are.
    printf 'C-14,\327\227\327\251\327\221\327\225\327\237-14,tech,%s,closed,,,\n' "$T"
} > c.csv
ingest -v --calls c.csv
expect_exit 0
expect_counts c.csv 13 1 12
expect_reject c.csv 2 1 call_id "bidirectional control character U+200E at byte 4: $WHY"
expect_reject c.csv 3 2 account_id "bidirectional control character U+200F at byte 2"
expect_reject c.csv 4 3 queue "bidirectional control character U+061C at byte 5"
expect_reject c.csv 5 7 agent_id "bidirectional control character U+202A at byte 1"
expect_reject c.csv 6 8 transferred_to "bidirectional control character U+202B at byte 5"
expect_reject c.csv 7 9 ticket_id "bidirectional control character U+202C at byte 4"
expect_reject c.csv 8 1 call_id "bidirectional control character U+202D at byte 3"
expect_reject c.csv 9 9 ticket_id "bidirectional control character U+202E at byte 4"
expect_reject c.csv 10 2 account_id "bidirectional control character U+2066 at byte 4"
expect_reject c.csv 11 3 queue "bidirectional control character U+2067 at byte 1"
expect_reject c.csv 12 7 agent_id "bidirectional control character U+2068 at byte 3"
expect_reject c.csv 13 1 call_id "bidirectional control character U+2069 at byte 5"
expect_sql "SELECT call_id, account_id FROM call_legs" "C-14|חשבון-14"

# outages.csv: id, account, area and service are identifiers; cause is
# free text and keeps its override.
S='2026-10-01T00:00:00Z'
{
    echo 'outage_id,account_id,area,service,started_at,cause'
    printf "O-${RLO}2,ACC-1,Elm,voice,$S,x\n"              # 2: col 1, byte 3
    printf "O-3,ACC-1${RLO},Elm,voice,$S,x\n"              # 3: col 2, byte 6
    printf "O-4,ACC-1,${RLM}Elm,voice,$S,x\n"              # 4: col 3, byte 1
    printf "O-5,ACC-1,Elm,voi${LRM}ce,$S,x\n"              # 5: col 4, byte 4
    printf "O-6,ACC-1,Elm,voice,$S,cut ${RLO}by road works\n"  # 6: stored
} > o.csv
ingest -v --outages o.csv
expect_exit 0
expect_counts o.csv 5 1 4
expect_reject o.csv 2 1 outage_id "bidirectional control character U+202E at byte 3"
expect_reject o.csv 3 2 account_id "bidirectional control character U+202E at byte 6"
expect_reject o.csv 4 3 area "bidirectional control character U+200F at byte 1"
expect_reject o.csv 5 4 service "bidirectional control character U+200E at byte 4"
expect_sql "SELECT outage_id, cause = 'cut ' || char(8238) || 'by road works' FROM outages" "O-6|1"

# billing.csv: account, reference and area are identifiers; description
# is free text.
{
    echo 'account_id,kind,posted_at,amount,reference,description,area'
    printf "ACC-${RLO}1,charge,2026-10-01,1.00,INV-1,x,Elm\n"   # 2: col 1, byte 5
    printf "ACC-1,charge,2026-10-01,1.00,INV${RLI}-2,x,Elm\n"   # 3: col 5, byte 4
    printf "ACC-1,charge,2026-10-01,1.00,INV-3,x,E${ALM}lm\n"   # 4: col 7, byte 2
    printf "ACC-1,charge,2026-10-01,1.00,INV-4,Monthly ${RLO}voice,Elm\n"  # 5: stored
} > b.csv
ingest -v --billing b.csv
expect_exit 0
expect_counts b.csv 4 1 3
expect_reject b.csv 2 1 account_id "bidirectional control character U+202E at byte 5"
expect_reject b.csv 3 5 reference "bidirectional control character U+2067 at byte 4"
expect_reject b.csv 4 7 area "bidirectional control character U+061C at byte 2"
expect_sql "SELECT reference, description = 'Monthly ' || char(8238) || 'voice'
            FROM billing_events" "INV-4|1"

# appointments.csv, orders.csv and the Asterisk accounts map.
{
    echo 'appointment_id,account_id,window_start,window_end'
    printf "AP-${RLO}1,ACC-1,2026-10-02 08:00,2026-10-02 12:00\n"  # 2: col 1, byte 4
    printf "AP-2,${LRO}ACC-1,2026-10-02 08:00,2026-10-02 12:00\n"  # 3: col 2, byte 1
} > a.csv
ingest -v --appointments a.csv
expect_exit 0
expect_counts a.csv 2 0 2
expect_reject a.csv 2 1 appointment_id "bidirectional control character U+202E at byte 4"
expect_reject a.csv 3 2 account_id "bidirectional control character U+202D at byte 1"
{
    echo 'order_id,account_id,ordered_at,promised_at'
    printf "OR-1${PDF},ACC-1,2026-10-01,2026-10-05\n"              # 2: col 1, byte 5
} > r.csv
ingest -v --orders r.csv
expect_exit 0
expect_counts r.csv 1 0 1
expect_reject r.csv 2 1 order_id "bidirectional control character U+202C at byte 5"
{
    echo 'caller_number,account_id'
    printf "555${RLO}0100,ACC-1\n"                                  # 2: col 1, byte 4
    printf "5550101,ACC${RLM}-2\n"                                  # 3: col 2, byte 4
    printf "5550102,ACC-3\n"                                        # 4: stored
} > m.csv
ingest -v --accounts m.csv
expect_exit 0
expect_counts m.csv 3 1 2
expect_reject m.csv 2 1 caller_number "bidirectional control character U+202E at byte 4"
expect_reject m.csv 3 2 account_id "bidirectional control character U+200F at byte 4"
expect_accounting
