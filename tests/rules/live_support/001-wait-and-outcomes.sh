# live_support: which legs count, and the max_wait boundary.
#
# Guarantee: queues = tech_support, hours = 24x7, max_wait = 10m (600 s).
# All times local America/Los_Angeles (PDT, UTC-7), Monday 2026-10-05.
#
# line leg  what                                   wait  counted  live  breach
#  2   L1   answered at exactly 600 s              600   yes      yes   -
#  3   L2   answered at 601 s                      601   yes      no    601 vs 600, shortfall 1
#  4   L3   closed after 30 s                       30   yes      no    30, shortfall 0
#  5   L4   voicemail after 300 s                  300   yes      no    300, shortfall 0
#  6   L5   ivr only, 60 s                          60   yes      no    60, shortfall 0
#  7   L6   abandoned after 599 s (before limit)   599   no       -     -
#  8   L7   abandoned after exactly 600 s          600   no       -     -  (not yet late)
#  9   L8   abandoned after 601 s                  601   yes      no    601, shortfall 1
# 10   L9   transferred by IVR, nobody answered   1200   no       -     -  (next leg decides)
# 11   L10  transferred after a person at 120 s    120   yes      yes   -
# 12   L10  its repair leg, answered after 1200 s   -    no (queue not covered)
# 13   L11  billing, closed                          -    no (queue not covered)
#
# Counted legs (subjects): L1 L2 L3 L4 L5 L8 L10 = 7; live: L1 L10 = 2;
# breaches: L2 L3 L4 L5 L8 = 5, in arrival order, each with its leg's line.
# measured = share_bp(2, 7) = 2/7 = 28.5714% -> 2857 bp; target 10000 bp.
# The status is FAIL: a live_support guarantee fails on any breach.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to
L1,tech_support,2026-10-05 10:00:00,2026-10-05 10:10:00,2026-10-05 10:15:00,answered,A-1,
L2,tech_support,2026-10-05 11:00:00,2026-10-05 11:10:01,2026-10-05 11:20:00,answered,A-2,
L3,tech_support,2026-10-05 12:00:00,,2026-10-05 12:00:30,closed,,
L4,tech_support,2026-10-05 13:00:00,,2026-10-05 13:05:00,voicemail,,
L5,tech_support,2026-10-05 14:00:00,,2026-10-05 14:01:00,ivr,,
L6,tech_support,2026-10-05 15:00:00,,2026-10-05 15:09:59,abandoned,,
L7,tech_support,2026-10-05 15:30:00,,2026-10-05 15:40:00,abandoned,,
L8,tech_support,2026-10-05 16:00:00,,2026-10-05 16:10:01,abandoned,,
L9,tech_support,2026-10-05 17:00:00,,2026-10-05 17:20:00,transferred,,repair
L10,tech_support,2026-10-05 18:00:00,2026-10-05 18:02:00,2026-10-05 18:05:00,transferred,A-3,repair
L10,repair,2026-10-05 18:05:01,2026-10-05 18:25:01,2026-10-05 18:30:00,answered,A-4,
L11,billing,2026-10-05 19:00:00,,2026-10-05 19:00:20,closed,,
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee live]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech_support
hours = 24x7
max_wait = 10m
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result live "FAIL|2857|10000|bp|7|5"
expect_breaches live "L2|601|600|1
L3|1|600|600
L4|2|600|600
L5|3|600|600
L8|601|600|1"
expect_evidence live L2 "calls.csv:3"
expect_evidence live L3 "calls.csv:4"
expect_evidence live L4 "calls.csv:5"
expect_evidence live L5 "calls.csv:6"
expect_evidence live L8 "calls.csv:9"
# Every breach is one call, at its arrival (10-05 11:00 PDT = 18:00 UTC).
expect_sql "SELECT subject_kind, at, unit FROM breaches WHERE subject = 'L2'" \
    "call|$(utc '2026-10-05 18:00:00')|s"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid live)" \
    "2 of 7 calls reached a person within 10 min (28.57%)"
expect_stdout_line '^live +FAIL +5 breaches$'
expect_stdout_last "1 of 1 guarantees breached"
