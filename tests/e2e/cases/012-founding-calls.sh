# calls.csv of the founding case: local times without offset, read in
# America/Los_Angeles (PDT, UTC-07:00 all October 2026).

C=$FOUNDING/calls.csv
ingest_la --calls "$C"
expect_exit 0
expect_counts "$C" 64 64 0

# README: 22 calls, 54 distinct agents, 57 legs handled by a person,
# 3 promises, every leg for ACC-1001 and TT-4471.
expect_sql "SELECT count(DISTINCT call_id) FROM call_legs WHERE account_id = 'ACC-1001'" 22
expect_sql "SELECT count(DISTINCT agent_id) FROM call_legs" 54
expect_sql "SELECT count(*) FROM call_legs WHERE agent_id IS NOT NULL" 57
expect_sql "SELECT count(*) FROM call_legs WHERE promised_restore_at IS NOT NULL" 3
expect_sql "SELECT count(*) FROM call_legs WHERE account_id = 'ACC-1001' AND ticket_id = 'TT-4471'" 64
# Outcomes: 42 transferred, 15 answered, 5 closed, 1 voicemail, 1 abandoned.
expect_sql "SELECT outcome, count(*) FROM call_legs GROUP BY outcome ORDER BY outcome" \
"abandoned|1
answered|15
closed|5
transferred|42
voicemail|1"
# Queues: 29 tech_support, 22 repair, 9 escalation, 3 billing, 1 retention.
expect_sql "SELECT queue, count(*) FROM call_legs GROUP BY queue ORDER BY queue" \
"billing|3
escalation|9
repair|22
retention|1
tech_support|29"

# First call: arrived 2026-10-14 16:40:12 local PDT = 23:40:12 UTC.
expect_sql "SELECT arrived_at, answered_at, ended_at, line FROM call_legs
            WHERE call_id = 'C-20261014-01' AND queue = 'tech_support'
            ORDER BY arrived_at LIMIT 1" \
    "$(utc '2026-10-14 23:40:12')|$(utc '2026-10-14 23:43:46')|$(utc '2026-10-14 23:47:44')|2"
# Last call: arrived 2026-10-18 09:40:30 local = 16:40:30 UTC, 36 s long.
expect_sql "SELECT arrived_at, ended_at - arrived_at, answered_at, agent_id
            FROM call_legs WHERE call_id = 'C-20261018-02'" \
    "$(utc '2026-10-18 16:40:30')|36|NULL|NULL"

# Total phone time = sum over calls of last ended_at - first arrived_at =
# 46783 s = 12:59:43 (README, "Key call figures").
expect_sql "SELECT sum(d) FROM (SELECT max(ended_at) - min(arrived_at) AS d
            FROM call_legs GROUP BY call_id)" 46783
# Per day (local dates; PDT = UTC-7 so subtract 25200 s before dividing):
# Wed 2:04:24 = 7464, Thu 4:25:40 = 15940, Fri 4:05:22 = 14722,
# Sat 2:15:09 = 8109, Sun 0:09:08 = 548.
expect_sql "SELECT (s - 25200) / 86400 * 86400 + 25200, sum(d) FROM
            (SELECT min(arrived_at) AS s, max(ended_at) - min(arrived_at) AS d
             FROM call_legs GROUP BY call_id)
            GROUP BY (s - 25200) / 86400 ORDER BY 1" \
"$(utc '2026-10-14 07:00:00')|7464
$(utc '2026-10-15 07:00:00')|15940
$(utc '2026-10-16 07:00:00')|14722
$(utc '2026-10-17 07:00:00')|8109
$(utc '2026-10-18 07:00:00')|548"

# The three promises (local PDT -> UTC = +7 h):
#   2026-10-15 18:00 -> 2026-10-16 01:00 UTC (A-3440, line 17)
#   2026-10-16 17:00 -> 2026-10-17 00:00 UTC (E-201, line 36)
#   2026-10-17 20:00 -> 2026-10-18 03:00 UTC (A-3107, line 53)
expect_sql "SELECT line, agent_id, promised_restore_at FROM call_legs
            WHERE promised_restore_at IS NOT NULL ORDER BY line" \
"17|A-3440|$(utc '2026-10-16 01:00:00')
36|E-201|$(utc '2026-10-17 00:00:00')
53|A-3107|$(utc '2026-10-18 03:00:00')"
# A-3107 handled 3 legs, E-201 2, every other agent 1.
expect_sql "SELECT agent_id, count(*) FROM call_legs WHERE agent_id IS NOT NULL
            GROUP BY agent_id HAVING count(*) > 1 ORDER BY agent_id" "A-3107|3
E-201|2"
# Blank answered_at / agent_id / transferred_to are NULL, not ''.
expect_sql "SELECT count(*) FROM call_legs WHERE answered_at = '' OR agent_id = ''
            OR transferred_to = '' OR promised_restore_at = ''" 0
expect_sql "SELECT count(*) FROM call_legs WHERE transferred_to IS NULL" 22
