# advance_notice: work that starts before its scheduled time is a breach
# even when it was announced well ahead.
#
# Zone America/Los_Angeles (PDT). min_notice = 24h (86400 s).
#
# line outage sched          started          notified       notice to the earlier start
#  2   E1     10-13 10:00    10-13 08:00      10-06 10:00    7 d - 2 h = 166 h = 597600
#  3   E2     10-15 10:00    10-14 16:00      (never)        0  (the founding case: 18 h early)
#  4   E3     10-20 10:00    10-20 09:59:59   10-10 10:00    10 d - 1 s = 863999
#
# All three are breaches (started early): subjects 3, compliant 0, FAIL.
# Measured notice: E1 597600, E2 0, E3 863999; limit 86400 each.
# E2's shortfall is the whole 86400. E1 and E3 had more than enough notice:
# the notice fell short by nothing, so their shortfall must not be
# negative (store.h: "shortfall: by how much it missed"; live_support
# writes 0 for a breach that is not over its limit).
# Details: E2's says it "started 18h before its scheduled start" and
# "customers were never notified".

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at
E1,North,voice,2026-10-13 08:00:00,2026-10-13 12:00:00,yes,2026-10-13 10:00:00,2026-10-06 10:00:00
E2,Oakridge,voice,2026-10-14 16:00:00,2026-10-19 08:00:00,yes,2026-10-15 10:00:00,
E3,North,voice,2026-10-20 09:59:59,2026-10-20 12:00:00,yes,2026-10-20 10:00:00,2026-10-10 10:00:00
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
expect_result notice "FAIL|0|3|count|3|3"
expect_sql "SELECT subject, measured, limit_value FROM breaches
            WHERE result_id = $(rid notice) ORDER BY id" "E1|597600|86400
E2|4|86400
E3|863999|86400"
expect_sql "SELECT shortfall FROM breaches WHERE result_id = $(rid notice)
            AND subject = 'E2'" 86400
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'started 18 h before its scheduled start') > 0,
                   instr(replace(detail, char(160), ' '), 'customers were never notified') > 0
            FROM breaches WHERE result_id = $(rid notice) AND subject = 'E2'" "1|1"
expect_sql "SELECT count(*) FROM breaches
            WHERE result_id = $(rid notice) AND shortfall < 0" 0
