# answer_time per day is judged in one pass: each day's unanswered legs
# are held until the day ends, then named if the day failed and dropped if
# it passed. A passing day's late leg between two failing days must not
# reach either breach's evidence, and a failing day's evidence is all its
# unanswered legs, whichever came first.
#
# Guarantee: queues = tech_support, within = 60s, target = 80%, per = day.
# Zone America/Los_Angeles (PDT, UTC-7).
#
# line leg  local arrival     outcome   wait  in time?
# Mon 2026-10-12
#  2   D1   10-12 08:00:00    closed      5    no
#  3   D2   10-12 08:05:00    answered   10    yes
#  4   D3   10-12 08:10:00    answered   90    no
#        -> 1 of 3 = 33.33% = 3333 bp < 8000: breach '2026-10-12',
#           shortfall 4667, evidence lines 2, 4
# Tue 2026-10-13
#  5   E1   10-13 08:00:00    answered  120    no
#  6   E2   10-13 08:01:00    answered   10    yes
#  7   E3   10-13 08:02:00    answered   10    yes
#  8   E4   10-13 08:03:00    answered   10    yes
#  9   E5   10-13 08:04:00    answered   10    yes
#        -> 4 of 5 = 80.00%: passes; E1 is named nowhere
# 10   Q1   billing, 10-13 09:00, closed: not covered, held by no day
# Wed 2026-10-14
# 11   F1   10-14 23:59:00    voicemail  30    no  (10-15 06:59 UTC)
#        -> 0 of 1 = 0 bp: breach '2026-10-14', shortfall 8000,
#           evidence line 11 only
#
# Period: 5 of 9 = 55.56% = 5556 bp, two breaches -> FAIL.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
D1,tech_support,2026-10-12 08:00:00,,2026-10-12 08:00:05,closed
D2,tech_support,2026-10-12 08:05:00,2026-10-12 08:05:10,2026-10-12 08:10:00,answered
D3,tech_support,2026-10-12 08:10:00,2026-10-12 08:11:30,2026-10-12 08:15:00,answered
E1,tech_support,2026-10-13 08:00:00,2026-10-13 08:02:00,2026-10-13 08:05:00,answered
E2,tech_support,2026-10-13 08:01:00,2026-10-13 08:01:10,2026-10-13 08:05:00,answered
E3,tech_support,2026-10-13 08:02:00,2026-10-13 08:02:10,2026-10-13 08:05:00,answered
E4,tech_support,2026-10-13 08:03:00,2026-10-13 08:03:10,2026-10-13 08:05:00,answered
E5,tech_support,2026-10-13 08:04:00,2026-10-13 08:04:10,2026-10-13 08:05:00,answered
Q1,billing,2026-10-13 09:00:00,,2026-10-13 09:00:20,closed
F1,tech_support,2026-10-14 23:59:00,,2026-10-14 23:59:30,voicemail
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee sl]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result sl "FAIL|5556|8000|bp|9|2"
expect_breaches sl "2026-10-12|3333|8000|4667
2026-10-14|0|8000|8000"
expect_evidence sl 2026-10-12 "calls.csv:2 calls.csv:4"
expect_evidence sl 2026-10-14 "calls.csv:11"
expect_sql "SELECT count(*) FROM evidence e JOIN call_legs c ON c.id = e.row_id
            WHERE c.call_id IN ('E1', 'Q1')" "0"
