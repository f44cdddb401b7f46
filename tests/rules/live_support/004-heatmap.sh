# live_support: the heat map is kept in the filing zone's local time,
# k = ISO weekday * 24 + local hour (Monday = 0), across a DST change.
#
# Guarantee: queues = tech_support, 24x7, max_wait = 10m. Zone
# America/Los_Angeles. Period 2026-10-12..2026-11-08 (local days).
# PDT (UTC-7) until Sun 2026-11-01 02:00, PST (UTC-8) after.
#
# line leg  local arrival          wday/hour  k    outcome           calls live
#  2   M1   Wed 10-14 16:40:12     2 / 16     64   answered 120 s    +1    +1
#  3   M2   Thu 10-15 07:05:40     3 / 07     79   closed            +1
#  4   M3   Thu 10-15 07:50:00     3 / 07     79   answered 60 s     +1    +1
#  5   M4   Sun 10-18 23:30:00     6 / 23     167  closed            +1
#  6   M5   Mon 10-19 00:10:00     0 / 00     0    answered 30 s     +1    +1
#  7   M6   Sat 10-17 21:30:20     5 / 21     141  abandoned 30 s    (not counted)
#  8   M7   Sun 11-01 10:00:00 PST 6 / 10     154  answered 300 s    +1    +1
#  9   M8   Sun 10-11 12:00:00     before the period: not counted
#
# Expected: k64 1/1, k79 2/1, k167 1/0, k0 1/1, k141 0/0, k154 1/1;
# totals calls 6, live 4. Had UTC been used: M2 at 14:05 UTC -> k 86 and
# M7 at 18:00 UTC -> k 162, which must stay 0. Had PDT been kept after the
# change, M7 would read 11:00 -> k 155, which must stay 0.
# Result: subjects 6, live 4 -> 4/6 = 66.667% -> 6667 bp; breaches M2 M4.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
M1,tech_support,2026-10-14 16:40:12,2026-10-14 16:42:12,2026-10-14 16:50:00,answered
M2,tech_support,2026-10-15 07:05:40,,2026-10-15 07:06:27,closed
M3,tech_support,2026-10-15 07:50:00,2026-10-15 07:51:00,2026-10-15 07:59:00,answered
M4,tech_support,2026-10-18 23:30:00,,2026-10-18 23:30:40,closed
M5,tech_support,2026-10-19 00:10:00,2026-10-19 00:10:30,2026-10-19 00:20:00,answered
M6,tech_support,2026-10-17 21:30:20,,2026-10-17 21:30:50,abandoned
M7,tech_support,2026-11-01 10:00:00,2026-11-01 10:05:00,2026-11-01 10:15:00,answered
M8,tech_support,2026-10-11 12:00:00,,2026-10-11 12:00:40,closed
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
max_wait = 10m
INI

ingest "$LA" --calls calls.csv
check --period 2026-10-12..2026-11-08
expect_exit 0
expect_result live "FAIL|6667|10000|bp|6|2"
expect_breaches live "M2|1|600|600
M4|1|600|600"
expect_series live heatmap.calls 64 1
expect_series live heatmap.live 64 1
expect_series live heatmap.calls 79 2
expect_series live heatmap.live 79 1
expect_series live heatmap.calls 167 1
expect_series live heatmap.live 167 0
expect_series live heatmap.calls 0 1
expect_series live heatmap.live 0 1
expect_series live heatmap.calls 141 0
expect_series live heatmap.calls 154 1
expect_series live heatmap.live 154 1
expect_series live heatmap.calls 86 0
expect_series live heatmap.calls 162 0
expect_series live heatmap.calls 155 0
expect_sql "SELECT name, count(*), min(k), max(k), sum(v) FROM series
            WHERE result_id = $(rid live) GROUP BY name ORDER BY name" \
"heatmap.calls|168|0|167|6
heatmap.live|168|0|167|4"
