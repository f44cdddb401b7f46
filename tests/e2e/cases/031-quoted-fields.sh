# Quoted fields: commas, doubled quotes, embedded newlines. A record that
# spans several lines is reported at the line where it starts, and the
# records after it keep their physical line numbers.

cat > q.csv <<'CSV'
outage_id,started_at,cause
O-1,2026-10-01T00:00:00Z,"a, b, c"
O-2,2026-10-01T00:00:00Z,"he said ""no"", twice"
O-3,2026-10-01T00:00:00Z,"first line
second line

fourth line"
O-4,2026-10-01T00:00:00Z,plain
"O-5
",2026-10-01T00:00:00Z,id with a newline
O-6,2026-13-01T00:00:00Z,"bad month
on two lines"
O-7,2026-10-01T00:00:00Z,""
"O-8",2026-10-01T00:00:00Z,"x"
O-9,2026-02-30T00:00:00Z,after everything
CSV
# Lines: 1 header, 2 O-1, 3 O-2, 4-7 O-3, 8 O-4, 9-10 O-5, 11-12 O-6 (bad),
# 13 O-7, 14 O-8, 15 O-9 (bad). 9 records: 7 stored, 2 rejected.
ingest --outages q.csv
expect_exit 0
expect_counts q.csv 9 7 2
expect_reject q.csv 11 2 started_at "month out of range"
expect_reject q.csv 15 2 started_at "day out of range"
expect_sql "SELECT outage_id, line FROM outages ORDER BY line" "O-1|2
O-2|3
O-3|4
O-4|8
O-5
|9
O-7|13
O-8|14"
expect_sql "SELECT cause FROM outages WHERE outage_id = 'O-1'" "a, b, c"
expect_sql "SELECT cause FROM outages WHERE outage_id = 'O-2'" 'he said "no", twice'
expect_sql "SELECT cause = 'first line' || char(10) || 'second line' || char(10)
            || char(10) || 'fourth line' FROM outages WHERE outage_id = 'O-3'" 1
# "" is an empty field, so a blank cause: NULL.
expect_sql "SELECT cause FROM outages WHERE outage_id = 'O-7'" NULL

# A rejected multi-line value is shown on one line, the newline as \x0A.
printf 'outage_id,started_at\nM-1,"2026-10-01\nT00:00:00Z"\nM-2,2026-10-01T00:00:00Z\n' > m.csv
ingest --outages m.csv
expect_exit 0
expect_counts m.csv 2 1 1
expect_reject m.csv 2 2 started_at "unexpected text after the date"
expect_stderr_has 'm.csv:2:2: error: rejected: started_at "2026-10-01\x0AT00:00:00Z": '
expect_sql "SELECT line FROM outages WHERE outage_id = 'M-2'" 4
expect_accounting
