# answer_time: short_abandon leaves out abandons quicker than it (on both
# sides); legs handed on without a person are not offered; IVR-only legs
# are offered and not answered.
#
# Queues tech_support, within 60s, target 80%, per day. Zone UTC.
# All legs on Tuesday 2026-10-06.
#
# line leg  outcome                      wait  sa10 (short_abandon=10s)  sa11 (=11s)
#  2   S1   answered                     10    in time                   in time
#  3   S2   answered                     20    in time                   in time
#  4   S3   answered                     30    in time                   in time
#  5   S4   answered                     40    in time                   in time
#  6   S5   abandoned                     9    left out (9 < 10)         left out
#  7   S6   abandoned                    10    offered, no (not < 10)    left out (10 < 11)
#  8   S7   transferred, nobody answered 100   not offered               not offered
#  9   S8   ivr                          45    offered, no               offered, no
#
# sa10: 4 of 6 = 66.667% -> 6667 bp: breach '2026-10-06', shortfall 1333,
#       evidence lines 7 and 9. FAIL.
# sa11: 4 of 5 = 8000 bp: PASS.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,transferred_to
S1,tech_support,2026-10-06 10:00:00,2026-10-06 10:00:10,2026-10-06 10:05:00,answered,
S2,tech_support,2026-10-06 10:10:00,2026-10-06 10:10:20,2026-10-06 10:15:00,answered,
S3,tech_support,2026-10-06 10:20:00,2026-10-06 10:20:30,2026-10-06 10:25:00,answered,
S4,tech_support,2026-10-06 10:30:00,2026-10-06 10:30:40,2026-10-06 10:35:00,answered,
S5,tech_support,2026-10-06 10:40:00,,2026-10-06 10:40:09,abandoned,
S6,tech_support,2026-10-06 10:50:00,,2026-10-06 10:50:10,abandoned,
S7,tech_support,2026-10-06 11:00:00,,2026-10-06 11:01:40,transferred,repair
S8,tech_support,2026-10-06 11:10:00,,2026-10-06 11:10:45,ivr,
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee sa10]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
short_abandon = 10s

[guarantee sa11]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
short_abandon = 11s
INI

ingest UTC --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result sa10 "FAIL|6667|8000|bp|6|1"
expect_breaches sa10 "2026-10-06|6667|8000|1333"
expect_evidence sa10 2026-10-06 "calls.csv:7 calls.csv:9"
expect_result sa11 "PASS|8000|8000|bp|5|0"
expect_series sa10 daily.offered "$(daynum 2026-10-06)" 6
expect_series sa11 daily.offered "$(daynum 2026-10-06)" 5
