# restoration: durations are real elapsed time across DST changes.
#
# Zone America/Los_Angeles. In 2026 DST starts Sun 03-08 at 02:00 (the day
# has 23 h) and ends Sun 11-01 at 02:00 (the day has 25 h).
#
# line outage  local start        local end          elapsed
#  2   D1      11-01 00:00        11-02 00:00        25h = 90000: 24h limit
#                                                    breached by 3600
#  3   D2      03-08 00:00        03-09 00:00        23h = 82800: in time
#
# Period 2026 (the whole year). Both guarantees: within 24h; one in
# calendar time, one in the working time of a calendar open around the
# clock ("daily 00:00-24:00"), whose days follow the wall clock, so it
# counts the same 25 h and 23 h.
# Each: subjects 2, breaches 1 (D1, +3600), longest 90000 -> FAIL.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
D1,North,voice,2026-11-01 00:00:00,2026-11-02 00:00:00
D2,North,voice,2026-03-08 00:00:00,2026-03-09 00:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[calendar allday]
hours = daily 00:00-24:00

[guarantee clock]
promise = Service restored within 24 hours
source = terms of service
kind = restoration
within = 24h

[guarantee allday]
promise = Service restored within 24 hours
source = terms of service
kind = restoration
within = 24h
calendar = allday
INI

# The hand figures, cross-checked with the system's zone data:
expect_eq "25-hour day" 90000 \
    $(( $(lt "$LA" '2026-11-02 00:00:00') - $(lt "$LA" '2026-11-01 00:00:00') ))
expect_eq "23-hour day" 82800 \
    $(( $(lt "$LA" '2026-03-09 00:00:00') - $(lt "$LA" '2026-03-08 00:00:00') ))

ingest "$LA" --outages outages.csv
check --period 2026
expect_exit 0
for g in clock allday; do
    expect_result $g "FAIL|90000|86400|s|2|1"
    expect_breaches $g "D1|90000|86400|3600"
    expect_sql "SELECT o.outage_id, s.v FROM series s JOIN outages o ON o.id = s.k
                WHERE s.result_id = $(rid $g) AND s.name = 'durations'
                ORDER BY o.outage_id" "D1|90000
D2|82800"
done
