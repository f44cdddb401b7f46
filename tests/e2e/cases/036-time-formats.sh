# ISO 8601 forms accepted for times (outages.started_at), read with
# --tz America/Los_Angeles. Expected instants worked out by hand:
#   2026-10-03T14:05:00Z         -> 14:05:00 UTC
#   2026-10-03 14:05:00z         -> 14:05:00 UTC (lower-case z, space)
#   2026-10-03T14:05:00+02:00    -> 12:05:00 UTC (14:05 - 2 h)
#   2026-10-03T14:05:00-0700     -> 21:05:00 UTC (14:05 + 7 h)
#   2026-10-03T14:05:00+05       -> 09:05:00 UTC (hours-only offset)
#   2026-10-03T14:05:00+05:45    -> 08:20:00 UTC (Nepal-style offset)
#   2026-10-03T14:05:00.999Z     -> 14:05:00 UTC (fractions truncated)
#   2026-10-03T14:05:59,5-07:00  -> 21:05:59 UTC (decimal comma)
#   2026-10-03T14:05             -> local PDT (UTC-7): 21:05:00 UTC
#   2026-10-03 14:05:07.123456   -> local PDT: 21:05:07 UTC
#   2026-10-03t14:05:00Z         -> 14:05:00 UTC (lower-case t)
#   1900-01-01T00:00:00Z         -> the first accepted second
#   2199-12-31T23:59:59Z         -> the last accepted second

cat > t.csv <<'CSV'
outage_id,started_at
Z,2026-10-03T14:05:00Z
z,2026-10-03 14:05:00z
P2,2026-10-03T14:05:00+02:00
M7,2026-10-03T14:05:00-0700
P5,2026-10-03T14:05:00+05
P545,2026-10-03T14:05:00+05:45
FR,2026-10-03T14:05:00.999Z
FRC,"2026-10-03T14:05:59,5-07:00"
HM,2026-10-03T14:05
FRL,2026-10-03 14:05:07.123456
LT,2026-10-03t14:05:00Z
Y1900,1900-01-01T00:00:00Z
Y2199,2199-12-31T23:59:59Z
CSV
ingest --tz America/Los_Angeles --outages t.csv
expect_exit 0
expect_counts t.csv 13 13 0
expect_sql "SELECT outage_id, started_at FROM outages ORDER BY line" \
"Z|$(utc '2026-10-03 14:05:00')
z|$(utc '2026-10-03 14:05:00')
P2|$(utc '2026-10-03 12:05:00')
M7|$(utc '2026-10-03 21:05:00')
P5|$(utc '2026-10-03 09:05:00')
P545|$(utc '2026-10-03 08:20:00')
FR|$(utc '2026-10-03 14:05:00')
FRC|$(utc '2026-10-03 21:05:59')
HM|$(utc '2026-10-03 21:05:00')
FRL|$(utc '2026-10-03 21:05:07')
LT|$(utc '2026-10-03 14:05:00')
Y1900|$(utc '1900-01-01 00:00:00')
Y2199|$(utc '2199-12-31 23:59:59')"

# Malformed times are rejected with a reason (line, field 2).
cat > bad.csv <<'CSV'
outage_id,started_at
B1,2026-10-03
B2,03/10/2026 14:05
B3,2026-10-03T14:05:00 -07:00
B4,2026-10-03T14:05:00+7
B5,2026-10-03T14:5
B6,2026-10-03T14:05:60Z
B7,2026-10-03T14:60Z
B8,2026-10-03X14:05
B9,2026-10-03T14:05:00.Z
CSV
ingest --tz America/Los_Angeles --outages bad.csv
expect_exit 0
expect_counts bad.csv 9 0 9
expect_reject bad.csv 2 2 started_at "time of day missing"
expect_reject bad.csv 3 2 started_at "not an ISO 8601 date"
expect_reject bad.csv 4 2 started_at "unexpected text after the time"
expect_reject bad.csv 5 2 started_at "bad UTC offset"
expect_reject bad.csv 6 2 started_at "bad time of day"
expect_reject bad.csv 7 2 started_at "second out of range"
expect_reject bad.csv 8 2 started_at "minute out of range"
expect_reject bad.csv 9 2 started_at "unexpected text after the date"
expect_reject bad.csv 10 2 started_at "bad fraction of a second"
expect_accounting
