# call_kpis: intervals and days follow the local wall clock across the
# fall-back night. America/Los_Angeles, 2026-11-01: 02:00 PDT becomes
# 01:00 PST, so 01:00-02:00 happens twice. interval 60m, within 20s.
#
# line leg arrived (offset)                   outcome     wait  reads as
#  2   D0  2026-10-31 23:50 -07:00            answered      5   October: not in the period
#  3   D1  2026-11-01 01:10 -07:00 (PDT)      answered     10   01:00, in time
#  4   D2  2026-11-01 01:10 -08:00 (PST)      abandoned    30   01:00 again (an hour later)
#  5   D3  2026-11-01 01:40 -08:00            answered     30   01:00
#  6   D4  2026-11-01 23:59:59 -08:00         answered     25   23:00, still 1 November
#
# 2026-11-01: offered 4, answered 3 (D1 D3 D4), abandoned 1 (D2, not
# short), ASA (10+30+25)/3 = 21.67 -> 22 s, in time 1 (D1): SL 1/4 = 2500.
# Per 60 min of the wall clock: 01:00 D1 D2 D3: offered 3, SL 1/3 = 3333;
# 23:00 D4: offered 1, SL 0/1 = 0. The same by time of day (minute 60 and
# 1380). Listed: D2, line 4. No figures for 31 October.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id
D0,tech,2026-10-31T23:50:00-07:00,2026-10-31T23:50:05-07:00,2026-10-31T23:55:00-07:00,answered,A1
D1,tech,2026-11-01T01:10:00-07:00,2026-11-01T01:10:10-07:00,2026-11-01T01:15:00-07:00,answered,A1
D2,tech,2026-11-01T01:10:00-08:00,,2026-11-01T01:10:30-08:00,abandoned,
D3,tech,2026-11-01T01:40:00-08:00,2026-11-01T01:40:30-08:00,2026-11-01T01:45:00-08:00,answered,A2
D4,tech,2026-11-01T23:59:59-08:00,2026-11-02T00:00:24-08:00,2026-11-02T00:05:00-08:00,answered,A2
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee kpi]
promise = Call-centre figures
source = service standards
kind = call_kpis
interval = 60m
INI

ingest "$LA" --calls calls.csv
check --period 2026-11 --allow-incomplete
expect_exit 0
expect_result kpi "MEASURED|2500|0|bp|4|1"
expect_breaches kpi "D2|30|20|10"
expect_evidence kpi D2 "calls.csv:4"
expect_sql "SELECT group_concat(subject, ' ') FROM figures
            WHERE result_id = $(rid kpi) AND name = 'group' AND value = 3" \
    "2026-11-01"
expect_sql "SELECT group_concat(name || '=' || value, ' ') FROM figures
            WHERE result_id = $(rid kpi) AND subject = '2026-11-01'
            AND name IN ('offered', 'answered', 'abandoned', 'asa',
                         'service_level')" \
    "offered=4 answered=3 abandoned=1 asa=22 service_level=2500"
N1=$(( $(daynum 2026-11-01) * 86400 ))
expect_sql "SELECT group_concat(k || ':' || v, ' ') FROM (SELECT k, v
            FROM series WHERE result_id = $(rid kpi)
            AND name = 'interval.level' ORDER BY k)" \
    "$((N1 + 3600)):3333 $((N1 + 82800)):0"
expect_sql "SELECT group_concat(k || ':' || v, ' ') FROM (SELECT k, v
            FROM series WHERE result_id = $(rid kpi)
            AND name = 'interval.offered' ORDER BY k)" \
    "$((N1 + 3600)):3 $((N1 + 82800)):1"
expect_sql "SELECT group_concat(k || ':' || v, ' ') FROM (SELECT k, v
            FROM series WHERE result_id = $(rid kpi)
            AND name = 'slot.level' ORDER BY k)" "60:3333 1380:0"
