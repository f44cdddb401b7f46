# Times without an offset are local in --tz America/Los_Angeles, DST
# included. 2026: DST starts Sunday 2026-03-08 at 02:00 PST (clocks jump to
# 03:00 PDT) and ends Sunday 2026-11-01 at 02:00 PDT (clocks go back to
# 01:00 PST). (2026-03-01 and 2026-11-01 are Sundays: 2026-01-01 is a
# Thursday.) PST = UTC-8, PDT = UTC-7.
#
#   winter 2026-01-15 12:00:00      PST -> 20:00:00 UTC
#   summer 2026-07-15 12:00:00      PDT -> 19:00:00 UTC
#   2026-03-08 01:59:59             PST -> 09:59:59 UTC (last second before)
#   2026-03-08 02:00:00 (gap)       read with the offset before the change,
#                                   -08:00 -> 10:00:00 UTC (= 03:00 PDT)
#   2026-03-08 02:30:00 (gap)       -08:00 -> 10:30:00 UTC (= 03:30 PDT)
#   2026-03-08 03:00:00             PDT -> 10:00:00 UTC
#   2026-03-08 03:30:00             PDT -> 10:30:00 UTC (same as 02:30)
#   2026-11-01 00:59:59             PDT -> 07:59:59 UTC
#   2026-11-01 01:00:00 (overlap)   earlier instant, PDT -> 08:00:00 UTC
#   2026-11-01 01:30:00 (overlap)   earlier instant, PDT -> 08:30:00 UTC
#   2026-11-01 01:59:59 (overlap)   PDT -> 08:59:59 UTC
#   2026-11-01 02:00:00             PST -> 10:00:00 UTC
#   2026-11-01 01:30:00-08:00       explicit offset: the later 01:30 -> 09:30 UTC

cat > d.csv <<'CSV'
outage_id,started_at
W,2026-01-15 12:00:00
S,2026-07-15 12:00:00
G0,2026-03-08 01:59:59
G1,2026-03-08 02:00:00
G2,2026-03-08 02:30:00
G3,2026-03-08 03:00:00
G4,2026-03-08 03:30:00
O0,2026-11-01 00:59:59
O1,2026-11-01 01:00:00
O2,2026-11-01 01:30:00
O3,2026-11-01 01:59:59
O4,2026-11-01 02:00:00
O5,2026-11-01T01:30:00-08:00
CSV
ingest_la --outages d.csv
expect_exit 0
expect_counts d.csv 13 13 0
expect_sql "SELECT outage_id, started_at FROM outages ORDER BY line" \
"W|$(utc '2026-01-15 20:00:00')
S|$(utc '2026-07-15 19:00:00')
G0|$(utc '2026-03-08 09:59:59')
G1|$(utc '2026-03-08 10:00:00')
G2|$(utc '2026-03-08 10:30:00')
G3|$(utc '2026-03-08 10:00:00')
G4|$(utc '2026-03-08 10:30:00')
O0|$(utc '2026-11-01 07:59:59')
O1|$(utc '2026-11-01 08:00:00')
O2|$(utc '2026-11-01 08:30:00')
O3|$(utc '2026-11-01 08:59:59')
O4|$(utc '2026-11-01 10:00:00')
O5|$(utc '2026-11-01 09:30:00')"
# Spelled out, the two cases of the brief:
expect_sql "SELECT started_at FROM outages WHERE outage_id = 'G2'" "$(utc '2026-03-08T10:30:00')"
expect_sql "SELECT started_at FROM outages WHERE outage_id = 'O2'" "$(utc '2026-11-01T08:30:00')"

# A call leg across the fall-back hour: arrived 01:50 PDT (08:50 UTC) and
# ended at 01:10 in the repeated hour, PST. Written without an offset the
# end is ambiguous; ombud takes the earlier instant, 01:10 PDT = 08:10 UTC,
# which is before the arrival: rejected (field 4, ended_at). Written with
# its offset the end is 01:10-08:00 = 09:10 UTC, 20 min = 1200 s after the
# arrival: stored.
cat > c.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
N-1,tech,2026-11-01 01:50:00,2026-11-01 01:10:00,abandoned
N-2,tech,2026-11-01 01:50:00,2026-11-01T01:10:00-08:00,abandoned
CSV
ingest_la --calls c.csv
expect_exit 0
expect_counts c.csv 2 1 1
expect_reject c.csv 2 4 ended_at "ended before it arrived"
expect_sql "SELECT ended_at - arrived_at FROM call_legs WHERE call_id = 'N-2'" 1200

# The same local text with --tz UTC is taken as UTC (no shift).
rm -f "$DB"*
ingest --tz UTC --outages d.csv
expect_exit 0
expect_sql "SELECT started_at FROM outages WHERE outage_id = 'G2'" "$(utc '2026-03-08 02:30:00')"
expect_sql "SELECT tz FROM sources" UTC

# Other zones, worked out the same way.
# Australia/Lord_Howe moves by 30 minutes: +10:30 (LHST) / +11 (LHDT).
# 2026-10-04 (first Sunday of October) 02:00 LHST -> 02:30 LHDT: local
# 02:15 does not exist; read with the offset before the change, +10:30:
# 02:15 - 10:30 = 2026-10-03 15:45 UTC (= 02:45 LHDT).
# 2026-04-05 (first Sunday of April) 02:00 LHDT -> 01:30 LHST: local 01:45
# happens twice; the first is +11: 2026-04-04 14:45 UTC.
printf 'outage_id,started_at\nLH-GAP,2026-10-04 02:15:00\nLH-OVL,2026-04-05 01:45:00\n' > lh.csv
ingest --tz Australia/Lord_Howe --outages lh.csv
expect_exit 0
expect_sql "SELECT outage_id, started_at FROM outages WHERE outage_id LIKE 'LH-%' ORDER BY line" \
"LH-GAP|$(utc '2026-10-03 15:45:00')
LH-OVL|$(utc '2026-04-04 14:45:00')"
# Pacific/Apia skipped the whole of Friday 2011-12-30, from 23:59:59 on
# the 29th at -10 straight to the 31st at +14. Local 2011-12-30 12:00 is
# read with -10: 22:00 UTC, which is 2011-12-31 12:00 in Apia (moved
# forward by the 24 h gap).
printf 'outage_id,started_at\nAPIA,2011-12-30 12:00:00\n' > apia.csv
ingest --tz Pacific/Apia --outages apia.csv
expect_exit 0
expect_sql "SELECT started_at FROM outages WHERE outage_id = 'APIA'" "$(utc '2011-12-30 22:00:00')"
