# Text that a spreadsheet would run as a formula is stored verbatim, as
# text (reports guard it on output; the evidence keeps what the file said).

cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,cause
O-1,=1+1,+cmd,2026-10-01T00:00:00Z,"=HYPERLINK(""http://x"")"
O-2,@SUM(A1),-2+3,2026-10-01T00:00:00Z,+cmd|' /C calc'!A0
=O3,ACC,"=cmd|' /C notepad'!'A1'",2026-10-01T00:00:00Z,@SUM(A1)
CSV
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 3 3 0
expect_sql "SELECT outage_id, account_id, area, cause FROM outages ORDER BY line" \
"O-1|=1+1|+cmd|=HYPERLINK(\"http://x\")
O-2|@SUM(A1)|-2+3|+cmd|' /C calc'!A0
=O3|ACC|=cmd|' /C notepad'!'A1'|@SUM(A1)"
expect_sql "SELECT count(*) FROM outages WHERE typeof(account_id) != 'text'
            OR typeof(area) != 'text' OR typeof(cause) != 'text'" 0

printf 'account_id,kind,posted_at,amount,description\nACC,charge,2026-10-01,1.00,=HYPERLINK("http://x")\n' > b.csv
ingest --billing b.csv
expect_exit 0
expect_sql "SELECT description FROM billing_events" '=HYPERLINK("http://x")'
# A formula in a numeric column is not a number.
printf 'account_id,kind,posted_at,amount\nACC,charge,2026-10-01,=1+1\n' > b2.csv
ingest --billing b2.csv
expect_exit 0
expect_reject b2.csv 2 4 amount "not a decimal amount"
expect_accounting
