# outages.csv of the founding case: times with offsets, the 112 h outage.

O=$FOUNDING/outages.csv
ingest_la --outages "$O"
expect_exit 0

# TT-4471: started 2026-10-14T16:00:00-07:00 = 2026-10-14 23:00:00 UTC.
expect_sql "SELECT started_at FROM outages WHERE outage_id = 'TT-4471'" \
    "$(utc '2026-10-14 23:00:00')"
# restored 2026-10-19 08:00 PDT: Wed 16:00 -> Mon 16:00 is 5 x 24 h = 120 h,
# minus 8 h = 112 h = 112 x 3600 = 403200 s.
expect_sql "SELECT restored_at - started_at FROM outages WHERE outage_id = 'TT-4471'" 403200
# scheduled 2026-10-15 10:00 PDT: 18 h after the start = 64800 s.
expect_sql "SELECT scheduled_at - started_at FROM outages WHERE outage_id = 'TT-4471'" 64800
# blank notified_at: never notified -> NULL; planned = yes; one customer.
expect_sql "SELECT notified_at, planned, customers_affected, account_id, area,
            service, line FROM outages WHERE outage_id = 'TT-4471'" \
    "NULL|1|1|ACC-1001|Oakridge|voice|3"
# The quoted cause keeps its comma.
expect_sql "SELECT cause FROM outages WHERE outage_id = 'TT-4471'" \
    "Planned copper-to-fibre cutover, Oakridge cabinet 7 (line cut early)"

# OUT-2610-07: area-wide (blank account -> NULL), planned "no" -> 0,
# 02:10 -> 05:40 = 3 h 30 min = 12600 s, notified 35 min in = 2100 s.
expect_sql "SELECT account_id, planned, restored_at - started_at,
            notified_at - started_at, customers_affected, scheduled_at
            FROM outages WHERE outage_id = 'OUT-2610-07'" "NULL|0|12600|2100|340|NULL"
# OUT-2610-21: notified 2026-10-14T09:00:00-07:00 = 16:00 UTC, 7 days before
# its start 2026-10-21T01:00:00-07:00 = 08:00 UTC; scheduled = started.
expect_sql "SELECT notified_at, started_at, scheduled_at = started_at
            FROM outages WHERE outage_id = 'OUT-2610-21'" \
    "$(utc '2026-10-14 16:00:00')|$(utc '2026-10-21 08:00:00')|1"
