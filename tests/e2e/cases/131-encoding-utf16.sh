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
