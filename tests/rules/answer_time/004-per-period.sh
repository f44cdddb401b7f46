# answer_time: per = period judges the period as a whole; per = day judges
# each day. Zone UTC, queues tech_support, within 60s.
#
# line leg  day         outcome            in time?
#  2   D1   10-05       answered 10 s      yes
#  3   D2   10-05       closed 20 s        no
#  4   E1   10-06       answered 10 s      yes
#  5   E2   10-06       answered 20 s      yes
#  6   E3   10-06       answered 30 s      yes
#  7   E4   10-06       answered 40 s      yes
#
# Days: 10-05 1 of 2 = 5000 bp; 10-06 4 of 4 = 10000 bp.
# Period: 5 of 6 = 83.333% -> 8333 bp.
#
# period80 (per period, 80%): 8333 >= 8000 -> PASS, no breach, although
#          10-05 alone was below 80%.
# period90 (per period, 90%): 8333 < 9000 -> one breach, subject 'period'
#          (kind 'period', at the period start 2026-10-01 00:00 UTC),
#          measured 8333, limit 9000, shortfall 667; evidence line 3. FAIL.
# day80    (per day, 80%): breach '2026-10-05' 5000 vs 8000, shortfall 3000,
#          evidence line 3. FAIL.
# The daily series is written either way: 10-05 -> 5000, 10-06 -> 10000.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
D1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:10,2026-10-05 10:05:00,answered
D2,tech_support,2026-10-05 11:00:00,,2026-10-05 11:00:20,closed
E1,tech_support,2026-10-06 10:00:00,2026-10-06 10:00:10,2026-10-06 10:05:00,answered
E2,tech_support,2026-10-06 10:10:00,2026-10-06 10:10:20,2026-10-06 10:15:00,answered
E3,tech_support,2026-10-06 10:20:00,2026-10-06 10:20:30,2026-10-06 10:25:00,answered
E4,tech_support,2026-10-06 10:30:00,2026-10-06 10:30:40,2026-10-06 10:35:00,answered
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee period80]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
per = period

[guarantee period90]
promise = 90% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 90%
per = period

[guarantee day80]
promise = 80% of calls answered within 60 seconds, every day
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
per = day
INI

ingest UTC --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result period80 "PASS|8333|8000|bp|6|0"
expect_series period80 daily.level "$(daynum 2026-10-05)" 5000
expect_series period80 daily.level "$(daynum 2026-10-06)" 10000
expect_result period90 "FAIL|8333|9000|bp|6|1"
expect_breaches period90 "period|8333|9000|667"
expect_sql "SELECT subject_kind, at FROM breaches WHERE result_id = $(rid period90)" \
    "period|$(utc '2026-10-01 00:00:00')"
expect_evidence period90 period "calls.csv:3"
expect_result day80 "FAIL|8333|8000|bp|6|1"
expect_breaches day80 "2026-10-05|5000|8000|3000"
expect_evidence day80 2026-10-05 "calls.csv:3"
expect_stdout_last "2 of 3 guarantees breached"
