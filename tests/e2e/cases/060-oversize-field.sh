# A record longer than OMBUD_MAX_RECORD (1 MiB = 1048576 bytes, counted
# with its line end) is rejected as one row ("longer than"), the rest of
# its line is skipped, and the rows after it are stored with their own
# line numbers. read = stored + rejected still holds.

P='2026-10-01T00:00:00Z'
# "O-n," is 4 bytes, "$P," 21, the line end 1: a cause of 1048576 - 26 =
# 1048550 bytes makes a record of exactly 1 MiB (accepted), one more byte
# is over the limit.
{
    echo 'outage_id,started_at,cause'
    echo "O-2,$P,small"
    printf 'O-3,%s,' "$P"; repeat_char x 2097152; echo      # 2 MiB field
    echo "O-4,$P,after the big one"
    printf 'O-5,%s,' "$P"; repeat_char y 1048550; echo      # exactly 1 MiB
    printf 'O-6,%s,' "$P"; repeat_char z 1048551; echo      # 1 MiB + 1
    echo "O-7,$P,last"
} > big.csv
ingest --outages big.csv
expect_exit 0
expect_counts big.csv 6 4 2
expect_reject big.csv 3 0 - "longer than 1048576 bytes"
expect_reject big.csv 6 0 - "longer than 1048576 bytes"
expect_sql "SELECT outage_id, line, length(cause) FROM outages ORDER BY line" "O-2|2|5
O-4|4|17
O-5|5|1048550
O-7|7|4"
# The reject keeps no multi-megabyte value.
expect_sql "SELECT max(length(coalesce(value, ''))) < 1000 FROM rejects" 1

# The same in a quoted field, in calls.csv.
{
    echo 'call_id,queue,arrived_at,ended_at,outcome'
    printf 'C-2,"'; repeat_char q 1500000; echo '",2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed'
    echo 'C-3,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed'
} > bigq.csv
ingest --calls bigq.csv
expect_exit 0
expect_counts bigq.csv 2 1 1
expect_reject bigq.csv 2 0 - "longer than"
expect_sql "SELECT call_id, line FROM call_legs" "C-3|3"

# A header over 1 MiB is no usable header: 65, no source recorded.
{ printf 'outage_id,started_at,'; repeat_char h 1100000; echo; echo "O-9,$P,x"; } > bigh.csv
ingest --outages bigh.csv
expect_exit 65
expect_stderr_has "header longer than 1048576 bytes"
expect_sql "SELECT count(*) FROM sources WHERE path = 'bigh.csv'" 0
expect_accounting
