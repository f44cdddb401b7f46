# answer_time: days are local days of the filing zone, also on the 25-hour
# day when DST ends (America/Los_Angeles, Sun 2026-11-01: 01:00-02:00 is
# lived twice, PDT then PST).
#
# queues tech_support, within 60s, target 60% (6000 bp), per day.
# Period 2026-11 = [11-01 00:00 PDT = 07:00 UTC, 12-01 00:00 PST).
#
# line leg  local arrival                 UTC              local day  outcome
#  2   V1   11-01 00:30 PDT               11-01 07:30      11-01      answered 10 s
#  3   V2   11-01 01:30 PST (-08:00)      11-01 09:30      11-01      answered 10 s
#  4   V3   11-01 23:59 PST               11-02 07:59      11-01      closed 30 s
#  5   V4   11-02 00:00:30 PST            11-02 08:00:30   11-02      closed 20 s
#  6   V5   11-02 10:00 PST               11-02 18:00      11-02      answered 10 s
#  7   V6   10-31 23:59 PDT               before the period: ignored
#
# 11-01: 2 of 3 = 66.667% -> 6667 bp >= 6000: in time.
# 11-02: 1 of 2 = 5000 bp < 6000: breach '2026-11-02' (shortfall 1000),
#        at its local midnight 00:00 PST = 08:00 UTC, evidence line 5.
# Period: 3 of 5 = 6000 bp; subjects 5; FAIL (a failing day).
# (Read in UTC, V3 would fall on 11-02 and turn both days around.)

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
V1,tech_support,2026-11-01 00:30:00,2026-11-01 00:30:10,2026-11-01 00:35:00,answered
V2,tech_support,2026-11-01T01:30:00-08:00,2026-11-01T01:30:10-08:00,2026-11-01T01:35:00-08:00,answered
V3,tech_support,2026-11-01 23:59:00,,2026-11-01 23:59:30,closed
V4,tech_support,2026-11-02 00:00:30,,2026-11-02 00:00:50,closed
V5,tech_support,2026-11-02 10:00:00,2026-11-02 10:00:10,2026-11-02 10:05:00,answered
V6,tech_support,2026-10-31 23:59:00,,2026-10-31 23:59:30,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee sl]
promise = 60% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 60%
INI

ingest "$LA" --calls calls.csv
check --period 2026-11
expect_exit 0
expect_result sl "FAIL|6000|6000|bp|5|1"
expect_breaches sl "2026-11-02|5000|6000|1000"
expect_evidence sl 2026-11-02 "calls.csv:5"
expect_sql "SELECT at FROM breaches WHERE result_id = $(rid sl)" \
    "$(utc '2026-11-02 08:00:00')"
D=$(daynum 2026-11-01)
expect_sql "SELECT k - $D, v FROM series WHERE result_id = $(rid sl)
            AND name = 'daily.level' ORDER BY k" "0|6667
1|5000"
