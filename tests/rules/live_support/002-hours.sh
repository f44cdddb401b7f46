# live_support: legs outside the promised hours are ignored.
#
# Guarantee: queues = tech_support, hours = mon-fri 08:00-20:00,
# max_wait = 10m. The hours are local America/Los_Angeles (PDT, UTC-7).
# 2026-10-05 is a Monday, 10-09 a Friday, 10-10 a Saturday, 10-11 a Sunday.
#
# line leg  local arrival         outcome             in hours?  result
#  2   H1   Mon 10-05 07:59:59    closed              no         ignored
#  3   H2   Mon 10-05 08:00:00    closed (20 s)       yes        breach
#  4   H3   Mon 10-05 19:59:59    closed (20 s)       yes        breach
#  5   H4   Mon 10-05 20:00:00    closed              no (end)   ignored
#  6   H5   Sat 10-10 10:00:00    closed              no         ignored
#  7   H6   Sun 10-11 12:00:00    answered at 60 s    no         ignored
#  8   H7   Fri 10-09 12:00:00    answered at 30 s    yes        live
#
# subjects 3 (H2 H3 H7), live 1, breaches 2 (H2 H3, arrival order).
# measured = 1/3 = 33.333% -> 3333 bp; FAIL.
# Heat map (k = ISO weekday * 24 + local hour, Monday = 0):
#   H2 Mon 08 -> k 8: calls 1, live 0;  H3 Mon 19 -> k 19: calls 1, live 0
#   H7 Fri 12 -> k 4*24+12 = 108: calls 1, live 1
#   ignored legs leave their hours empty: H1 Mon 07 -> k 7, H4 Mon 20 -> k 20,
#   H5 Sat 10 -> k 130, H6 Sun 12 -> k 156: calls 0
# Total calls over the 168 hours: 3; live: 1.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
H1,tech_support,2026-10-05 07:59:59,,2026-10-05 08:00:19,closed
H2,tech_support,2026-10-05 08:00:00,,2026-10-05 08:00:20,closed
H3,tech_support,2026-10-05 19:59:59,,2026-10-05 20:00:19,closed
H4,tech_support,2026-10-05 20:00:00,,2026-10-05 20:00:20,closed
H5,tech_support,2026-10-10 10:00:00,,2026-10-10 10:00:20,closed
H6,tech_support,2026-10-11 12:00:00,2026-10-11 12:01:00,2026-10-11 12:05:00,answered
H7,tech_support,2026-10-09 12:00:00,2026-10-09 12:00:30,2026-10-09 12:05:00,answered
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee weekday-support]
promise = Live support on weekdays, 8 am to 8 pm
source = website
kind = live_support
queues = tech_support
hours = mon-fri 08:00-20:00
max_wait = 10m
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result weekday-support "FAIL|3333|10000|bp|3|2"
expect_breaches weekday-support "H2|1|600|600
H3|1|600|600"
expect_evidence weekday-support H2 "calls.csv:3"
expect_evidence weekday-support H3 "calls.csv:4"
expect_series weekday-support heatmap.calls 8 1
expect_series weekday-support heatmap.live 8 0
expect_series weekday-support heatmap.calls 19 1
expect_series weekday-support heatmap.calls 108 1
expect_series weekday-support heatmap.live 108 1
for k in 7 20 130 156; do
    expect_series weekday-support heatmap.calls $k 0
done
expect_sql "SELECT name, count(*), sum(v) FROM series WHERE result_id = $(rid weekday-support)
            GROUP BY name ORDER BY name" "heatmap.calls|168|3
heatmap.live|168|1"
