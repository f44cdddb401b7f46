# advance_notice: planned work announced at least min_notice (24h) ahead.
#
# Zone America/Los_Angeles (PDT). Notice runs from notified_at to the
# earlier of the scheduled and the actual start.
#
# line outage planned sched        started       notified        notice  verdict
#  2   N1     yes     10-10 10:00  10-10 10:00   10-09 10:00     86400   ok (exactly 24h)
#  3   N2     yes     10-11 10:00  10-11 10:00   10-10 10:00:01  86399   breach, short 1
#  4   N3     yes     10-12 10:00  10-12 10:00   (never)         0       breach, short 86400
#  5   N5     no      -            10-13 02:00   10-13 02:30     -       ignored (unplanned)
#  6   N6     yes     09-30 22:00  09-30 22:00   (never)         -       ignored: started
#                                                                        before the period
#                                                                        (though open in it)
#  7   N7     yes     10-14 10:00  10-14 12:00   10-13 10:00     86400   ok: started late,
#                                                                        notice to the
#                                                                        scheduled start
#  8   N8     yes     -            10-15 10:00   10-14 09:00     90000   ok (no schedule:
#                                                                        to the start)
#  9   N9     (blank) 10-16 10:00  10-16 10:00   10-16 09:00     3600    planned because a
#                                                                        schedule is given:
#                                                                        breach, short 82800
# 10   N12    yes     10-17 10:00  10-17 10:00   10-17 11:00     -3600   told after it began:
#                                                                        measured 0, short 86400
# 11   N11    yes     11-01 00:00  11-01 00:00   (never)         -       ignored: after the period
#
# subjects 7 (N1 N2 N3 N7 N8 N9 N12), compliant 3 (N1 N7 N8): measured 3,
# target 7, unit count; breaches N2 N3 N9 N12 in start order; FAIL.
# measured_text "3 of 7 planned outages announced 24h ahead".

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at
N1,North,voice,2026-10-10 10:00:00,2026-10-10 12:00:00,yes,2026-10-10 10:00:00,2026-10-09 10:00:00
N2,North,voice,2026-10-11 10:00:00,2026-10-11 12:00:00,yes,2026-10-11 10:00:00,2026-10-10 10:00:01
N3,North,voice,2026-10-12 10:00:00,2026-10-12 12:00:00,yes,2026-10-12 10:00:00,
N5,North,voice,2026-10-13 02:00:00,2026-10-13 04:00:00,no,,2026-10-13 02:30:00
N6,North,voice,2026-09-30 22:00:00,2026-10-01 04:00:00,yes,2026-09-30 22:00:00,
N7,North,voice,2026-10-14 12:00:00,2026-10-14 14:00:00,yes,2026-10-14 10:00:00,2026-10-13 10:00:00
N8,North,voice,2026-10-15 10:00:00,2026-10-15 12:00:00,yes,,2026-10-14 09:00:00
N9,North,voice,2026-10-16 10:00:00,2026-10-16 12:00:00,,2026-10-16 10:00:00,2026-10-16 09:00:00
N12,North,voice,2026-10-17 10:00:00,2026-10-17 12:00:00,yes,2026-10-17 10:00:00,2026-10-17 11:00:00
N11,North,voice,2026-11-01 00:00:00,2026-11-01 04:00:00,yes,2026-11-01 00:00:00,
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee notice]
promise = We always tell you at least 24 hours before planned work
source = terms of service
kind = advance_notice
min_notice = 24h
INI

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result notice "FAIL|3|7|count|7|4"
expect_breaches notice "N2|86399|86400|1
N3|4|86400|86400
N9|3600|86400|82800
N12|0|86400|86400"
expect_evidence notice N2 "outages.csv:3"
expect_evidence notice N3 "outages.csv:4"
expect_evidence notice N9 "outages.csv:9"
expect_evidence notice N12 "outages.csv:10"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'never notified') > 0 FROM breaches
            WHERE result_id = $(rid notice) ORDER BY id" "0
1
0
0"
expect_sql "SELECT subject_kind, at FROM breaches
            WHERE result_id = $(rid notice) AND subject = 'N2'" \
    "outage|$(utc '2026-10-11 17:00:00')"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid notice)" \
    "3 of 7 planned outages announced 24 h ahead"
