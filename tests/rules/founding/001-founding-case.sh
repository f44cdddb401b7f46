# The founding case: samples/founding-case with
# templates/guarantees/fibre-bundle.ini, period 2026-10, through `ombud run`
# (which reads the inputs in the [filing] zone, America/Los_Angeles).
# Figures from samples/founding-case/README.md and the inputs, by hand;
# calls.csv lines found with grep -n.
#
# live-support (tech_support, 24x7, max_wait 10m): 29 tech_support legs,
# none abandoned and none handed on without a person, so 29 counted; 24
# answered within 10 min; the five with no person are breaches:
#   call           line  arrived (local)       outcome    wait
#   C-20261015-01   12   Thu 10-15 07:05:40    closed     47 s (07:06:27)
#   C-20261016-01   33   Fri 10-16 07:20:05    closed     58 s (07:21:03)
#   C-20261017-05   63   Sat 10-17 21:30:20    closed     41 s (21:31:01)
#   C-20261018-01   64   Sun 10-18 08:15:05    voicemail  512 s (08:23:37)
#   C-20261018-02   65   Sun 10-18 09:40:30    closed     36 s (09:41:06)
#   none waited past 600 s, so every shortfall is 0.
#   measured 24/29 = 82.7586% -> 8276 bp; FAIL.
#   heat map k = weekday*24 + hour: Thu 07 -> 79, Fri 07 -> 103,
#   Sat 21 -> 141, Sun 08 -> 152, Sun 09 -> 153: one call each, none live.
#
# restoration (within 24h): October's outages OUT-2610-07 (3h30 = 12600),
# TT-4471 (Wed 10-14 16:00 -> Mon 10-19 08:00 = 112 h = 403200) and
# OUT-2610-21 (2 h = 7200). One breach: TT-4471 403200 vs 86400,
# shortfall 316800 (88 h); evidence outages.csv:3. FAIL.
#
# promised-times (commitments, grace 0s): three promises on TT-4471
# (restored 10-19 08:00), all broken:
#   C-20261015-02 line 17 promised 10-15 18:00 -> 86 h late = 309600
#   C-20261016-02 line 36 promised 10-16 17:00 -> 63 h late = 226800
#   C-20261017-01 line 53 promised 10-17 20:00 -> 36 h late = 129600
#   measured 0 of 3 kept; evidence: the leg and outages.csv:3. FAIL.
#
# planned-work-notice (min_notice 24h): planned outages starting in
# October: TT-4471 (started 18 h before its scheduled 10-15 10:00, never
# notified: measured 0, shortfall 86400) and OUT-2610-21 (notified 10-14
# 09:00 for 10-21 01:00: 160 h, fine). 1 of 2 compliant. FAIL.
#
# 4 of 4 guarantees breached.

# The template's [filing], calendars and these four guarantees, as written
# there (other kinds' guarantees, if the template gains any, are left out so
# that "4 of 4" is about the kinds tested here).
awk '/^\[/ { keep = $0 == "[filing]" || $0 ~ /^\[calendar / ||
              $0 == "[guarantee live-support]" ||
              $0 == "[guarantee restoration]" ||
              $0 == "[guarantee promised-times]" ||
              $0 == "[guarantee planned-work-notice]" }
     keep' "$TEMPLATE" > fibre-bundle.ini
expect_eq "guarantees taken from the template" 4 \
    "$(grep -c '^\[guarantee ' fibre-bundle.ini)"

run_ombud run --guarantees fibre-bundle.ini --outages "$FOUNDING/outages.csv" \
    --calls "$FOUNDING/calls.csv" --billing "$FOUNDING/billing.csv" \
    --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db

expect_sql "SELECT tz FROM sources GROUP BY tz" "America/Los_Angeles"
expect_sql "SELECT guarantee_id, kind, status FROM results ORDER BY seq" \
"live-support|live_support|FAIL
restoration|restoration|FAIL
promised-times|commitments|FAIL
planned-work-notice|advance_notice|FAIL"

# live-support
expect_result live-support "FAIL|8276|10000|bp|29|5"
expect_breaches live-support "C-20261015-01|1|600|600
C-20261016-01|1|600|600
C-20261017-05|1|600|600
C-20261018-01|2|600|600
C-20261018-02|1|600|600"
expect_evidence live-support C-20261015-01 "calls.csv:12"
expect_evidence live-support C-20261016-01 "calls.csv:33"
expect_evidence live-support C-20261017-05 "calls.csv:63"
expect_evidence live-support C-20261018-01 "calls.csv:64"
expect_evidence live-support C-20261018-02 "calls.csv:65"
for k in 79 103 141 152 153; do
    expect_series live-support heatmap.calls $k 1
    expect_series live-support heatmap.live $k 0
done
expect_sql "SELECT name, sum(v) FROM series WHERE result_id = $(rid live-support)
            GROUP BY name ORDER BY name" "heatmap.calls|29
heatmap.live|24"

# restoration
expect_result restoration "FAIL|403200|86400|s|3|1"
expect_breaches restoration "TT-4471|403200|86400|316800"
expect_evidence restoration TT-4471 "outages.csv:3"
expect_sql "SELECT o.outage_id, s.v FROM series s JOIN outages o ON o.id = s.k
            WHERE s.result_id = $(rid restoration) AND s.name = 'durations'
            ORDER BY o.outage_id" "OUT-2610-07|12600
OUT-2610-21|7200
TT-4471|403200"

# promised-times
expect_result promised-times "FAIL|0|3|count|3|3"
expect_breaches promised-times "C-20261015-02|309600|0|309600
C-20261016-02|226800|0|226800
C-20261017-01|129600|0|129600"
expect_evidence promised-times C-20261015-02 "calls.csv:17 outages.csv:3"
expect_evidence promised-times C-20261016-02 "calls.csv:36 outages.csv:3"
expect_evidence promised-times C-20261017-01 "calls.csv:53 outages.csv:3"
expect_eq "hours late" "86 63 36" \
    "$(sql "SELECT group_concat(measured / 3600, ' ') FROM breaches
            WHERE result_id = $(rid promised-times)")"

# planned-work-notice
expect_result planned-work-notice "FAIL|1|2|count|2|1"
expect_breaches planned-work-notice "TT-4471|4|86400|86400"
expect_evidence planned-work-notice TT-4471 "outages.csv:3"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'started 18 h before its scheduled start') > 0,
                   instr(replace(detail, char(160), ' '), 'never notified') > 0
            FROM breaches WHERE result_id = $(rid planned-work-notice)" "1|1"

# The summary on stdout.
expect_stdout_has "period 2026-10-01 to 2026-10-31 (America/Los_Angeles)"
expect_stdout_line '^live-support +FAIL +5 breaches$'
expect_stdout_line '^restoration +FAIL +1 breach$'
expect_stdout_line '^promised-times +FAIL +3 breaches$'
expect_stdout_line '^planned-work-notice +FAIL +1 breach$'
expect_stdout_has "  measured: 24 of 29 calls reached a person within 10 min (82.76%)"
expect_stdout_last "4 of 4 guarantees breached"
