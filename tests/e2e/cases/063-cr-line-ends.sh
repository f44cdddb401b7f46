# Files with bare CR line ends (classic Mac OS, Excel "CSV (Macintosh)").
# The records are split correctly by the CSV parser; the line numbers in
# the evidence must still be the physical lines (CR counts as a line end,
# as in any editor) and no row may go unaccounted for.
#
# Lines: 1 header, 2 O-2, 3 O-3 (month 13), 4 O-4.

printf 'outage_id,started_at\rO-2,2026-10-01T00:00:00Z\rO-3,2026-13-01T00:00:00Z\rO-4,2026-10-01T00:00:00Z\r' > cr.csv
ingest --outages cr.csv
expect_exit 0
expect_counts cr.csv 3 2 1
expect_reject cr.csv 3 2 started_at "month out of range"
expect_sql "SELECT outage_id, line FROM outages ORDER BY outage_id" "O-2|2
O-4|4"

# An oversized record in a CR file: it is rejected, and the rows after it
# (B-4, B-5 on lines 4 and 5) are still read and stored: read 4 =
# stored 3 + rejected 1.
{
    printf 'outage_id,started_at,cause\rB-2,2026-10-01T00:00:00Z,a\rB-3,2026-10-01T00:00:00Z,'
    repeat_char x 2000000
    printf '\rB-4,2026-10-01T00:00:00Z,c\rB-5,2026-10-01T00:00:00Z,d\r'
} > crbig.csv
ingest --outages crbig.csv
expect_exit 0
expect_counts crbig.csv 4 3 1
expect_reject crbig.csv 3 0 - "longer than 1048576 bytes"
expect_sql "SELECT group_concat(outage_id) FROM (SELECT outage_id FROM outages
            WHERE source_id = 2 ORDER BY outage_id)" "B-2,B-4,B-5"
expect_accounting
