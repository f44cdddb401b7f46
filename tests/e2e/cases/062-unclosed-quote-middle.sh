# An unclosed quote in the middle of a file swallows the lines after it
# into one record; once that record passes 1 MiB it is rejected as one row
# and parsing resumes on the next line, so the rest of the file is read.
#
# Line 3 opens a quote: 'O-3,2026-10-01T00:00:00Z,"unclosed' + LF = 35
# bytes. Then 10500 filler lines of exactly 100 bytes each:
# 'F-nnnnn,' (8) + time and comma (21) + 70 'p' + LF (1) = 100.
# The record holds 35 + 100 k bytes after k filler lines; it stays within
# 1048576 up to k = 10485 (1048535 bytes); filler line 10486 (file line
# 3 + 10486 = 10489) would take it to 1048635: the record is rejected at
# that point (lines 3 to 10489) and the rest of line 10489 skipped.
# Parsing resumes with filler 10487 on line 10490; fillers 10487..10500
# (14 rows) are stored, then O-END on line 10504.
# read = O-2 + the big record + 14 fillers + O-END = 17; stored 16.

P='2026-10-01T00:00:00Z'
pad=$(repeat_char p 70)
{
    echo 'outage_id,started_at,cause'
    echo "O-2,$P,ok"
    echo "O-3,$P,\"unclosed"
    awk -v p="$P" -v pad="$pad" 'BEGIN { for (i = 1; i <= 10500; i++)
        printf "F-%05d,%s,%s\n", i, p, pad }'
    echo "O-END,$P,end"
} > q.csv
expect_eq "filler line length" 100 "$(sed -n 4p q.csv | wc -c | tr -d ' ')"
expect_eq "lines in the file" 10504 "$(wc -l < q.csv | tr -d ' ')"
ingest --outages q.csv
expect_exit 0
expect_counts q.csv 17 16 1
expect_reject q.csv 3 0 - "longer than 1048576 bytes (lines 3 to 10489 and on)"
expect_sql "SELECT min(outage_id), min(line), max(line), count(*) FROM outages
            WHERE outage_id LIKE 'F-%'" "F-10487|10490|10503|14"
expect_sql "SELECT line FROM outages WHERE outage_id = 'O-END'" 10504
expect_sql "SELECT line FROM outages WHERE outage_id = 'O-2'" 2
expect_accounting
