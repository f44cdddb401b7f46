# Unbalanced quotes at the end of the file, in each format: a lone '"' as
# the last line, a quote opened in the last field with no newline after
# it, a quote opened in a middle field, and a stray closing quote. The open
# quote swallows the rest of the file into one record, which is rejected
# at the line (and field) where it starts; the rows before it are stored.

T='2026-10-01T00:00:00Z'
printf 'outage_id,started_at,cause\nO-2,%s,ok\n"' "$T" > o1.csv
printf 'outage_id,started_at,cause\nP-2,%s,ok\nP-3,%s,"no end' "$T" "$T" > o2.csv
printf 'outage_id,started_at,cause\nQ-2,%s,ok\nQ-3,"%s,x\nQ-4,%s,y\n' "$T" "$T" "$T" > o3.csv
printf 'call_id,queue,arrived_at,ended_at,outcome\nC-2,tech,%s,%s,closed\r\n"\r\n' "$T" "$T" > c1.csv
printf 'call_id,queue,arrived_at,ended_at,outcome\nD-2,tech,%s,%s,closed\nD-3,"tech\n\n\n' "$T" "$T" > c2.csv
printf 'account_id,kind,posted_at,amount,description\nA,charge,2026-10-01,1.00,ok\nA,charge,2026-10-01,2.00,"a ""quoted"" word' > b1.csv
printf 'account_id,kind,posted_at,amount,description\nA,charge,2026-10-01,1.00,ok\n"A,charge,2026-10-01,2.00,x\n' > b2.csv
ingest --outages o1.csv --outages o2.csv --outages o3.csv --calls c1.csv \
    --calls c2.csv --billing b1.csv --billing b2.csv
expect_exit 0
for f in o1.csv o2.csv o3.csv c1.csv c2.csv b1.csv b2.csv; do
    expect_counts $f 2 1 1
done
# FILE:LINE:COL = where the open quote's record starts; COL the field that
# holds the quote (the fields before it were complete).
expect_reject o1.csv 3 1 - "the closing quote is missing"
expect_reject o2.csv 3 3 - "the closing quote is missing"
expect_reject o3.csv 3 2 - "the closing quote is missing"
expect_reject c1.csv 3 1 - "the closing quote is missing"
expect_reject c2.csv 3 2 - "the closing quote is missing"
expect_reject b1.csv 3 5 - "the closing quote is missing"
expect_reject b2.csv 3 1 - "the closing quote is missing"
expect_stderr_has "o3.csv:3:2: error: rejected: file ends inside a quoted field opened on line 3 or later"

# A stray quote after a closed one is data, not an open quote: the row
# is read and its field rejected for what it holds.
printf 'outage_id,started_at\nO-2,%s"\n' "$T" > stray.csv
ingest --outages stray.csv
expect_exit 0
expect_counts stray.csv 1 0 1
expect_reject stray.csv 2 2 started_at "unexpected text after the time"
expect_accounting
