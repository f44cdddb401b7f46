# ombud run: inputs are read in the [filing] timezone and the check uses
# the same zone.
#
# [filing] timezone = America/New_York (EDT, UTC-4 in October).
# calls.csv line 2: N1 arrived 2026-10-05 20:30:00 (a Monday), closed
# after 20 s. Stored as 2026-10-06 00:30:00 UTC.
# Guarantee: tech_support, hours mon-fri 08:00-20:00, max_wait 10m.
# 20:30 New York time is outside the hours: subjects 0, NO DATA. (Read as
# UTC it would be 16:30 in New York, inside the hours, and a breach.)

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
N1,tech_support,2026-10-05 20:30:00,2026-10-05 20:30:20,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/New_York

[guarantee live]
promise = Live support 8 am to 8 pm on weekdays
source = brochure
kind = live_support
queues = tech_support
hours = mon-fri 08:00-20:00
max_wait = 10m
INI

run_ombud run --guarantees "$G" --calls calls.csv --period 2026-10 --out out
expect_exit 2
expect_stderr_has "data quality: live: no data"
DB=out/evidence.db
expect_sql "SELECT tz FROM sources" "America/New_York"
expect_sql "SELECT arrived_at FROM call_legs" "$(utc '2026-10-06 00:30:00')"
expect_sql "SELECT tz FROM checks" "America/New_York"
expect_result live "NO DATA|-1|10000|bp|0|0"
expect_stdout_has "period 2026-10-01 to 2026-10-31 (America/New_York)"
expect_stdout_has "0 of 1 guarantees breached"
expect_stdout_last "1 not assessed: no data in the period"
