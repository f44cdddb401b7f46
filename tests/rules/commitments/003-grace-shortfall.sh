# commitments: a breach's limit is what the promise was held to, and its
# shortfall how far it missed it (store.h: "limit: the limit it is held
# to"; "shortfall: by how much it missed"), as in every other kind
# (restoration: limit = within, shortfall = duration - within).
#
# grace = 30m. Promise 2026-10-05 18:00:00 UTC, ticket restored 18:30:01:
# lateness 1801 s; the promise was held to a lateness of at most 1800 s
# (the grace) and missed it by 1 s.
#   expected breach: measured 1801, limit 1800, shortfall 1.
# With grace 0s the two readings agree (limit 0, shortfall = lateness), so
# only a grace shows the difference.

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,restored_at
G2,ACC-2,2026-10-05 08:00:00,2026-10-05 18:30:01
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,ticket_id,promised_restore_at
Q2,repair,2026-10-05 09:20:00,2026-10-05 09:21:00,2026-10-05 09:30:00,answered,A-2,G2,2026-10-05 18:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee promises]
promise = Back up by the time we give you, give or take half an hour
source = customer pledge
kind = commitments
grace = 30m
INI

ingest UTC --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0
expect_breaches promises "Q2|1801|1800|1"
