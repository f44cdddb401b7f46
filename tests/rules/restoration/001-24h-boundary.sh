# restoration: within = 24h in calendar time; exactly 24 h is in time,
# 24 h + 1 s is a breach by 1 s.
#
# Zone America/Los_Angeles (PDT all through; no DST change in between).
#
# line outage  started (local)       restored (local)      duration     result
#  2   R1      2026-10-05 10:00:00   2026-10-06 10:00:00   86400 (24h)  in time
#  3   R2      2026-10-07 10:00:00   2026-10-08 10:00:01   86401        breach, shortfall 1
#  4   R3      2026-10-09 10:00:00   2026-10-09 10:30:00    1800        in time
#
# No target: measured = the longest duration (86401 s), target = 86400 s,
# FAIL on any breach. subjects 3, breaches 1 (R2, at its start
# 2026-10-07 17:00 UTC, evidence outages.csv:3).
# durations series (k = outage row): R1 86400, R2 86401, R3 1800.
# measured_text: "2 of 3 outages restored within 24h (66.67%); longest 24h1s"
# (2/3 = 66.667% -> 6667 bp; 86401 s = 24 h 0 min 1 s, written 24h1s).

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
R1,North,voice,2026-10-05 10:00:00,2026-10-06 10:00:00
R2,North,voice,2026-10-07 10:00:00,2026-10-08 10:00:01
R3,North,voice,2026-10-09 10:00:00,2026-10-09 10:30:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee restore]
promise = Service restored within 24 hours
source = terms of service
kind = restoration
within = 24h
INI

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result restore "FAIL|86401|86400|s|3|1"
expect_breaches restore "R2|86401|86400|1"
expect_evidence restore R2 "outages.csv:3"
expect_sql "SELECT subject_kind, at, unit FROM breaches WHERE result_id = $(rid restore)" \
    "outage|$(utc '2026-10-07 17:00:00')|s"
expect_sql "SELECT o.outage_id, s.v FROM series s JOIN outages o ON o.id = s.k
            WHERE s.result_id = $(rid restore) AND s.name = 'durations'
            ORDER BY o.outage_id" "R1|86400
R2|86401
R3|1800"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid restore)" \
    "2 of 3 outages restored within 24 h (66.67%); longest 24 h 0 min 1 s"
