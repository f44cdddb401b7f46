# The queue_log's database export (Wazo, FreePBX with MySQL, QueueMetrics
# loaders): CSV, time as local "%F %T.%6q" text read in --tz
# (America/Los_Angeles: PDT, UTC-7 in October 2026), then callid,
# queuename, agent, event and data1..data5 (padding blanks) or one data
# column holding data1|data2|...

# 1. A header with an extra id column; line 1 is the header.
#   lines 2,3,4  ENTERQUEUE 10:00:00.1, CONNECT 10:00:30 (hold 30),
#                COMPLETEAGENT 10:05:30 (hold 30, talk 300): answered
#   line 5       ABANDON 10:10:00.5, waittime 6, no ENTERQUEUE: rebuilt,
#                arrival 10:10:00 - 6 s = 10:09:54 (fraction truncated)
#   line 6       the same ABANDON again: counted (duplicate)
#   line 7       CLOSED written by the dialplan: closed, arrival = its time
# read 6 = stored 5 (3 + 1 + 1) + counted 1.
cat > ql.csv <<'CSV'
id,time,callid,queuename,agent,event,data1,data2,data3,data4,data5
1,2026-10-05 10:00:00.100000,1791194400.1,support,NONE,ENTERQUEUE,,5550101,1,,
2,2026-10-05 10:00:30.939802,1791194400.1,support,Agent/3001,CONNECT,30,1791194400.2,30,,
3,2026-10-05 10:05:30.000001,1791194400.1,support,Agent/3001,COMPLETEAGENT,30,300,1,,
4,2026-10-05 10:10:00.5,1791195000.1,support,NONE,ABANDON,1,1,6,,
5,2026-10-05 10:10:00.5,1791195000.1,support,NONE,ABANDON,1,1,6,,
6,2026-10-05 10:20:00,1791195600.1,support,NONE,CLOSED,,,,,
CSV
ingest_la --calls-format asterisk-queue-log --calls ql.csv
expect_exit 0
expect_counts ql.csv 6 5 0
expect_counted ql.csv 1
expect_sql "SELECT arrived_at, coalesce(answered_at, '-'), ended_at, outcome,
            coalesce(agent_id, '-'), line, coalesce(lines, '-')
            FROM call_legs ORDER BY arrived_at" \
"$(utc '2026-10-05 17:00:00')|$(utc '2026-10-05 17:00:30')|$(utc '2026-10-05 17:05:30')|answered|Agent/3001|4|2,3,4
$(utc '2026-10-05 17:09:54')|-|$(utc '2026-10-05 17:10:00')|abandoned|-|5|-
$(utc '2026-10-05 17:20:00')|-|$(utc '2026-10-05 17:20:00')|closed|-|7|-"

# 2. No header: the columns in their table order. EXITWITHTIMEOUT after
#    45 s: voicemail (the default). Arrival 11:00 PDT = 18:00 UTC.
cat > noheader.csv <<'CSV'
2026-10-05 11:00:00,1791198000.1,sales,NONE,ENTERQUEUE,,5550101,1,,
2026-10-05 11:00:45,1791198000.1,sales,NONE,EXITWITHTIMEOUT,1,1,45,,
CSV
ingest_la --calls-format asterisk-queue-log --calls noheader.csv
expect_exit 0
expect_counts noheader.csv 2 2 0
expect_sql "SELECT arrived_at, ended_at, outcome, lines FROM call_legs WHERE queue = 'sales'" \
"$(utc '2026-10-05 18:00:00')|$(utc '2026-10-05 18:00:45')|voicemail|1,2"

# 3. One data column, '|'-separated; a bad time is rejected at its column.
cat > onedata.csv <<'CSV'
time,callid,queuename,agent,event,data
2026-10-05 12:00:00,1791201600.1,q1,NONE,ENTERQUEUE,|5550102|1
2026-10-05 12:00:06,1791201600.1,q1,NONE,ABANDON,1|1|6
2026-10-05 25:00:00,1791201600.2,q1,NONE,ABANDON,1|1|6
CSV
ingest_la --calls-format asterisk-queue-log --calls onedata.csv
expect_exit 0
expect_counts onedata.csv 3 2 1
expect_reject onedata.csv 4 1 time "hour"
expect_sql "SELECT arrived_at, ended_at, outcome, lines FROM call_legs WHERE queue = 'q1'" \
"$(utc '2026-10-05 19:00:00')|$(utc '2026-10-05 19:00:06')|abandoned|2,3"
expect_accounting

# 4. A header without an event column is no queue_log export.
printf 'time,callid,queuename,agent\n2026-10-05 12:00:00,1.1,q,NONE\n' > bad.csv
ingest_la --calls-format asterisk-queue-log --calls bad.csv
expect_exit 65
expect_stderr_has "bad.csv:1: error: not a queue_log export: the header lacks event"
