# UTF-16 with a byte order mark (LE and BE, as spreadsheets save "Unicode
# text") is converted by itself (issue 22); so is the TAB such files use.

T='2026-10-01T00:00:00Z'
printf 'outage_id\tstarted_at\tcause\nO-1\t%s\tcâble\nO-2\t2026-10-01T25:00:00Z\tx\n' "$T" > src.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE src.txt; } > le.csv
ingest --outages le.csv
expect_exit 0
expect_counts le.csv 2 1 1
expect_sql "SELECT cause FROM outages WHERE outage_id = 'O-1'" "câble"
expect_reject le.csv 3 2 started_at ""
expect_sql "SELECT notes FROM sources WHERE path = 'le.csv'" \
    "read as UTF-16LE, converted to UTF-8; fields delimited by tab"
expect_sql "SELECT sha256 FROM sources WHERE path = 'le.csv'" \
    "$(sha256sum le.csv | cut -d' ' -f1)"

sed 's/O-/P-/' src.txt > src2.txt
{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE src2.txt; } > be.csv
ingest --outages be.csv
expect_exit 0
expect_counts be.csv 2 1 1
expect_sql "SELECT cause FROM outages WHERE outage_id = 'P-1'" "câble"
expect_accounting

# A UTF-16 file of many 64 KiB chunks: its converted text outgrows the
# first chunk's buffer, which the reader then moves (a use after free
# once, caught by the fuzzer; this case under ASan keeps it fixed).
# 4000 rows, each "Q-N<TAB>T<TAB>câble ... ", every one stored.
awk -v t="$T" 'BEGIN { print "outage_id\tstarted_at\tcause";
    for (i = 1; i <= 4000; i++)
        printf "Q-%d\t%s\tcâble coupé près de l'\''église n° %d\n", i, t, i }' > big.txt
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE big.txt; } > big.csv
ingest --outages big.csv
expect_exit 0
expect_counts big.csv 4000 4000 0
expect_sql "SELECT cause FROM outages WHERE outage_id = 'Q-4000'" \
    "câble coupé près de l'église n° 4000"
expect_sql "SELECT count(*) FROM outages WHERE outage_id LIKE 'Q-%' AND cause LIKE 'câble coupé près de l''église n° %'" "4000"
