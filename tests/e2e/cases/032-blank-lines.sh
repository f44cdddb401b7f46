# Blank lines are not rows (not read, not rejected) and do not shift the
# line numbers of the rows after them.

printf 'outage_id,started_at\n\nO-1,2026-10-01T00:00:00Z\n\n\nO-2,2026-10-01T24:00:00Z\nO-3,2026-10-01T00:00:00Z\n\n' > b.csv
# Lines: 1 header, 2 blank, 3 O-1, 4-5 blank, 6 O-2 (hour 24), 7 O-3, 8 blank.
ingest --outages b.csv
expect_exit 0
expect_counts b.csv 3 2 1
expect_reject b.csv 6 2 started_at "hour out of range"
expect_sql "SELECT outage_id, line FROM outages ORDER BY line" "O-1|3
O-3|7"

# Blank lines before the header: the header is found on line 3.
printf '\n\noutage_id,started_at\nO-4,2026-10-01T00:00:00Z\n' > lead.csv
ingest --outages lead.csv
expect_exit 0
expect_counts lead.csv 1 1 0
expect_sql "SELECT line FROM outages WHERE outage_id = 'O-4'" 4
expect_accounting
