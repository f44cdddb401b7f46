# Amounts are decimal text turned into integer minor units; anything else
# is rejected at the amount field (4) or currency field (5).

cat > b.csv <<'CSV'
account_id,kind,posted_at,amount,currency
A,charge,2026-10-01,"12,34",USD
A,charge,2026-10-01,1e309,USD
A,charge,2026-10-01,NaN,USD
A,charge,2026-10-01,abc,USD
A,charge,2026-10-01,1.234,USD
A,charge,2026-10-01,inf,USD
A,charge,2026-10-01,1.5,JPY
A,charge,2026-10-01,10000000000000.01,USD
A,charge,2026-10-01,0x10,USD
A,charge,2026-10-01,$5.00,USD
A,charge,2026-10-01,"1 000",USD
A,charge,2026-10-01,1.00,usd
A,charge,2026-10-01,1.00,DOLLARS
B,charge,2026-10-01,1.234,BHD
B,charge,2026-10-01,500,JPY
B,credit,2026-10-01,-0,USD
B,credit,2026-10-01,-12.5,USD
B,charge,2026-10-01,.5,USD
B,charge,2026-10-01,10000000000000.00,USD
B,payment,2026-10-01,+7,
B,charge,2026-10-01,64.99,USD
B,charge,2026-10-01,"1,234.56",USD
CSV
ingest -v --billing b.csv
expect_exit 0
# 22 rows: lines 2-14 and 23 rejected (14), lines 15-22 stored (8).
expect_counts b.csv 22 8 14
expect_reject b.csv 2 4 amount "comma in amount"
expect_reject b.csv 3 4 amount "not a decimal amount"
expect_reject b.csv 4 4 amount "not a decimal amount"
expect_reject b.csv 5 4 amount "not a decimal amount"
expect_reject b.csv 6 4 amount "more than 2 decimals for this currency"
expect_reject b.csv 7 4 amount "not a decimal amount"
expect_reject b.csv 8 4 amount "more than 0 decimals"
# 10^13 dollars = 10^15 cents is the largest amount; one cent more is not.
expect_reject b.csv 9 4 amount "amount too large"
expect_reject b.csv 10 4 amount "not a decimal amount"
expect_reject b.csv 11 4 amount "not a decimal amount"
expect_reject b.csv 12 4 amount "not a decimal amount"
expect_reject b.csv 13 5 currency "ISO 4217"
expect_reject b.csv 14 5 currency "ISO 4217"
expect_reject b.csv 23 4 amount "comma in amount"
# BHD has 3 decimals: 1.234 -> 1234; JPY none: 500 -> 500; -0 -> 0;
# -12.5 -> -1250; .5 -> 50; 10^13.00 -> 10^15; blank currency -> USD, +7 ->
# 700; 64.99 -> 6499.
expect_sql "SELECT line, kind, amount, currency FROM billing_events ORDER BY line" \
"15|charge|1234|BHD
16|charge|500|JPY
17|credit|0|USD
18|credit|-1250|USD
19|charge|50|USD
20|charge|1000000000000000|USD
21|payment|700|USD
22|charge|6499|USD"
expect_sql "SELECT count(*) FROM billing_events WHERE typeof(amount) != 'integer'" 0

# --currency sets the currency of rows with a blank one.
printf 'account_id,kind,posted_at,amount,currency\nC,charge,2026-10-01,1500,\nC,charge,2026-10-01,1.5,\n' > jpy.csv
ingest -v --currency JPY --billing jpy.csv
expect_exit 0
expect_counts jpy.csv 2 1 1
expect_sql "SELECT amount, currency FROM billing_events WHERE account_id = 'C'" "1500|JPY"
expect_reject jpy.csv 3 4 amount "more than 0 decimals"
expect_accounting
