# Garbage after a valid header must never crash ombud (this case matters
# most under the ASan/UBSan build) and must keep read = stored + rejected.

# 64 KiB of an executable after a calls header.
# Not UTF-8: refused whole, nothing stored (issue 22). 065 shows what the
# parser does with such bytes when they get past that check.
{ echo 'call_id,queue,arrived_at,ended_at,outcome'; head -c 65536 /bin/ls; } > bin.csv
ingest --calls bin.csv
expect_exit 65
expect_stderr_line "bin.csv:2:" "error: not a text file"
expect_sql "SELECT count(*) FROM sources WHERE path = 'bin.csv'" 0

# Quotes, commas, CRs and NULs in every combination.
{
    echo 'outage_id,started_at,cause'
    printf '"""",",,,","\r\n\000"\n'
    printf '"a"b"c,2026-10-01T00:00:00Z,x\n'
    printf ',,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n'
    printf '\000\000\000\n'
    printf '"\000",2026-10-01T00:00:00Z,"\000"\n'
    printf 'O-1,2026-10-01T00:00:00Z,ok\n'
    printf '"'
} > quotes.csv
ingest --outages quotes.csv
expect_exit 0
expect_accounting
expect_sql "SELECT count(*) FROM outages WHERE outage_id = 'O-1'" 1

# One line of 200000 commas (200001 fields, 200 KiB).
{ echo 'outage_id,started_at'; repeat_char , 200000; echo; echo 'O-2,2026-10-01T00:00:00Z'; } > commas.csv
ingest --outages commas.csv
expect_exit 0
expect_counts commas.csv 2 1 1
expect_reject commas.csv 2 3 - "expected 2 fields"

# Many tiny records: 50000 lines of a lone comma under a 2-column header:
# each is 2 blank fields, rejected as a missing outage_id.
{ echo 'outage_id,started_at'; awk 'BEGIN { for (i = 0; i < 50000; i++) print "," }'; } > many.csv
ingest -q --outages many.csv
expect_exit 0
expect_counts many.csv 50000 0 50000
expect_accounting
