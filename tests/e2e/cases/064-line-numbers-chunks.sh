# Line numbers stay physical over a file much larger than the reader's
# 64 KiB chunks, with records and CRLF pairs falling across chunk
# boundaries. The generator writes each row and, from the same counter,
# the line it must be stored or rejected on:
#   row i = 1..6000, id O-i; every 3rd row has a quoted cause with one
#   embedded newline (2 physical lines); every 5th ends in CRLF; every 7th
#   has month 13 (rejected at field 2). Row i starts on line L(i), where
#   L(1) = 2 and L(i+1) = L(i) + (i % 3 == 0 ? 2 : 1).
# Expected: 6000 read, 6000 - 857 = 5143 stored, 857 rejected (floor(6000/7)).

awk 'BEGIN {
    print "outage_id,started_at,cause" > "big.csv"
    line = 2
    for (i = 1; i <= 6000; i++) {
        t = (i % 7 == 0) ? "2026-13-01T00:00:00Z" : "2026-10-01T00:00:00Z"
        cause = (i % 3 == 0) ? sprintf("\"padding %0*d\nsecond line\"", i % 97, 0) \
                             : sprintf("cause %0*d", i % 89, 0)
        eol = (i % 5 == 0) ? "\r\n" : "\n"
        printf "O-%d,%s,%s%s", i, t, cause, eol > "big.csv"
        if (i % 7 == 0) print line > "want-rejects.txt"
        else print "O-" i "|" line > "want-stored.txt"
        line += (i % 3 == 0) ? 2 : 1
    }
}'
expect_true "the file spans several 64 KiB chunks" test "$(wc -c < big.csv)" -gt 200000
ingest --outages big.csv
expect_exit 0
expect_counts big.csv 6000 5143 857
sql "SELECT outage_id || '|' || line FROM outages ORDER BY line" > got-stored.txt
sql "SELECT line FROM rejects ORDER BY line" > got-rejects.txt
expect_true "stored rows are on the expected lines (diff want-stored.txt got-stored.txt)" \
    cmp -s want-stored.txt got-stored.txt
expect_true "rejected rows are on the expected lines (diff want-rejects.txt got-rejects.txt)" \
    cmp -s want-rejects.txt got-rejects.txt
expect_sql "SELECT count(*) FROM rejects WHERE col != 2 OR field != 'started_at'
            OR instr(reason, 'month out of range') = 0" 0
# No CR left at the end of any value (the cause is the last column).
expect_sql "SELECT count(*) FROM outages WHERE cause LIKE '%' || char(13)" 0
expect_accounting
