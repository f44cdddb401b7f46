# outage_credit: method = per_day needs a per_day amount. Without one the
# check stops with exit 65 (bad guarantees) and a message naming the
# guarantee and the key, and stores no findings (the check is rolled back).

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
D1,ACC-1,North,voice,2026-10-15 16:00:00,2026-10-21 12:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee daily]
promise = Compensation for every day without service
source = terms of service
kind = outage_credit
method = per_day
INI

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 65
expect_stderr_has "[guarantee daily] per_day: required when method = per_day"
expect_sql "SELECT count(*) FROM results" 0
expect_sql "SELECT count(*) FROM checks" 0
