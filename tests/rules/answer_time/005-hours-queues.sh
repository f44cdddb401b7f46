# answer_time: only legs to the named queues arriving in `hours` count.
#
# queues = tech_support, billing; hours = mon-fri 08:00-20:00; within 60s;
# target 80%. Zone America/Los_Angeles. 10-05 is a Monday, 10-10 a Saturday.
#
# line leg  local arrival      queue          outcome           counted?
#  2   H1   Sat 10-10 10:00    tech_support   closed            no (weekend)
#  3   H2   Mon 10-05 07:00    tech_support   closed            no (before 8)
#  4   H3   Mon 10-05 09:00    billing        answered 30 s     yes, in time
#  5   H4   Mon 10-05 09:30    tech_support   answered 50 s     yes, in time
#  6   H5   Mon 10-05 10:00    repair         closed            no (queue)
#  7   H6   Mon 10-05 19:00    tech_support   voicemail 30 s    yes, not answered
#
# 10-05: 2 of 3 = 66.667% -> 6667 bp < 8000: breach '2026-10-05',
# shortfall 1333, evidence line 7 only. No figure for 10-10 (nothing
# counted that day): one daily.level row.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
H1,tech_support,2026-10-10 10:00:00,,2026-10-10 10:00:20,closed
H2,tech_support,2026-10-05 07:00:00,,2026-10-05 07:00:20,closed
H3,billing,2026-10-05 09:00:00,2026-10-05 09:00:30,2026-10-05 09:05:00,answered
H4,tech_support,2026-10-05 09:30:00,2026-10-05 09:30:50,2026-10-05 09:35:00,answered
H5,repair,2026-10-05 10:00:00,,2026-10-05 10:00:20,closed
H6,tech_support,2026-10-05 19:00:00,,2026-10-05 19:00:30,voicemail
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee sl]
promise = 80% of calls answered within 60 seconds during business hours
source = service standards
kind = answer_time
queues = tech_support, billing
hours = mon-fri 08:00-20:00
within = 60s
target = 80%
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result sl "FAIL|6667|8000|bp|3|1"
expect_breaches sl "2026-10-05|6667|8000|1333"
expect_evidence sl 2026-10-05 "calls.csv:7"
expect_sql "SELECT count(*), k, v FROM series WHERE result_id = $(rid sl)
            AND name = 'daily.level'" "1|$(daynum 2026-10-05)|6667"
