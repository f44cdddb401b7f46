# live_support: hours may name a [calendar NAME]: its holidays are closed,
# and a calendar with its own timezone is read in that zone (the heat map
# stays in the filing zone).
#
# Filing zone America/Los_Angeles (PDT, UTC-7); 10-12 is a Monday.
# [calendar support] mon-fri 08:00-20:00, holiday 2026-10-12 (filing zone)
# [calendar east]    mon-fri 09:00-17:00 in America/New_York (EDT, UTC-4,
#                    i.e. 06:00-14:00 in Los Angeles)
# max_wait = 10m for both guarantees.
#
# line leg  local (LA) arrival   outcome                 support       east
#  2   C1   Mon 10-12 10:00      closed 20 s             holiday: no   yes: breach
#  3   C2   Tue 10-13 10:00      closed 20 s             yes: breach   yes: breach
#  4   C3   Tue 10-13 06:30      answered 60 s           no (< 08:00)  yes (09:30 NY): live
#  5   C4   Tue 10-13 14:30      answered 60 s           yes: live     no (17:30 NY)
#  6   C5   Wed 10-14 09:00      transferred, a person   yes: breach   yes: breach
#                                after 660 s
#
# support: subjects C2 C4 C5 = 3, live 1 -> 3333 bp; breaches C2, C5
#          (C5 measured 660, shortfall 60).
# east:    subjects C1 C2 C3 C5 = 4 (arrival order C1, C3, C2, C5), live 1
#          -> 2500 bp; breaches C1, C2, C5.
# east's heat map, LA hours: C3 Tue 06 -> k 30: calls 1, live 1
# (not k 33, which would be New York's hour).

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,transferred_to
C1,tech_support,2026-10-12 10:00:00,,2026-10-12 10:00:20,closed,
C2,tech_support,2026-10-13 10:00:00,,2026-10-13 10:00:20,closed,
C3,tech_support,2026-10-13 06:30:00,2026-10-13 06:31:00,2026-10-13 06:40:00,answered,
C4,tech_support,2026-10-13 14:30:00,2026-10-13 14:31:00,2026-10-13 14:40:00,answered,
C5,tech_support,2026-10-14 09:00:00,2026-10-14 09:11:00,2026-10-14 09:15:00,transferred,repair
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[calendar support]
hours = mon-fri 08:00-20:00
holidays = 2026-10-12

[calendar east]
hours = mon-fri 09:00-17:00
timezone = America/New_York

[guarantee support]
promise = Live support on working days
source = brochure
kind = live_support
queues = tech_support
hours = support
max_wait = 10m

[guarantee east]
promise = Live support in East Coast office hours
source = brochure
kind = live_support
queues = tech_support
hours = east
max_wait = 10m
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result support "FAIL|3333|10000|bp|3|2"
expect_breaches support "C2|1|600|600
C5|660|600|60"
expect_result east "FAIL|2500|10000|bp|4|3"
expect_breaches east "C1|1|600|600
C2|1|600|600
C5|660|600|60"
expect_series east heatmap.calls 30 1
expect_series east heatmap.live 30 1
expect_series east heatmap.calls 33 0
