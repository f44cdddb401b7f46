# A field that is not free text holds at most 1,000 bytes (OMBUD_ID_MAX):
# PostgreSQL refuses an index entry past about 2,700 bytes, so a longer id
# failed a whole import there while SQLite kept it. Both refuse the row
# alike now, with its place and the reason; free text stays unlimited.
#
# Worked by hand: calls.csv rows 2 (a 1,000-byte call id: stored), 3
# (1,001 bytes: rejected, column 1), 4 (a 1,001-byte agent of 500 "é"
# and one "x": rejected, column 8); outages.csv row 2 (a 5,000-byte
# cause: free text, stored), row 3 (a 1,001-byte area: rejected, col 2).
A=$(repeat_char a 1000)
B=$(repeat_char b 1001)
E= i=0
while [ "$i" -lt 500 ]; do E="${E}é"; i=$((i + 1)); done
E="${E}x"
C=$(repeat_char c 5000)
cat > calls.csv <<CSV
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id
$A,ACC-1,repair,2026-10-10 09:00:00,2026-10-10 09:01:00,2026-10-10 09:05:00,answered,A-1
$B,ACC-1,repair,2026-10-10 10:00:00,2026-10-10 10:01:00,2026-10-10 10:05:00,answered,A-1
C-3,ACC-1,repair,2026-10-10 11:00:00,2026-10-10 11:01:00,2026-10-10 11:05:00,answered,$E
CSV
cat > outages.csv <<CSV
outage_id,area,started_at,restored_at,cause
O-1,North,2026-10-05 00:00:00,2026-10-05 02:00:00,$C
O-2,$B,2026-10-06 00:00:00,2026-10-06 02:00:00,x
CSV
ingest --calls calls.csv --outages outages.csv
expect_exit 0
expect_counts calls.csv 3 1 2
expect_counts outages.csv 2 1 1
expect_reject calls.csv 3 1 call_id "1001 bytes, at most 1000 here (only free text, such as a cause, is longer)"
expect_reject calls.csv 4 8 agent_id "1001 bytes, at most 1000 here"
expect_reject outages.csv 3 2 area "1001 bytes, at most 1000 here"
expect_sql "SELECT length(call_id) FROM call_legs" 1000
expect_sql "SELECT length(cause) FROM outages" 5000
expect_accounting
