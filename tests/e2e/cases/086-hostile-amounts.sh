# Hostile amounts: 1e309 (a double overflow), -0, 12,34 (decimal comma),
# NaN and friends, integers past int64, signs alone, non-ASCII digits.
# Money never goes through floating point: each is rejected at
# FILE:LINE:4 with a reason, or stored as exact integer minor units.
# (042 covers the currencies and the largest amount.)

{
    echo 'account_id,kind,posted_at,amount,currency'
    for a in 1e309 -0 '"12,34"' NaN -nan Infinity 1e-309 0.1e1 \
             9223372036854775808 -9223372036854775808 99999999999999999999999 \
             . - + --5 5- 0x1p3 1_000 '١٢' '１２' '½' \
             -0.00 000000000000000000000000000001.50 '"  7.25  "'; do
        printf 'A,charge,2026-10-01,%s,USD\n' "$a"
    done
} > b.csv
ingest -v --billing b.csv
expect_exit 0
expect_counts b.csv 24 3 21
expect_reject b.csv 2 4 amount "not a decimal amount"
expect_stderr_has 'b.csv:2:4: error: rejected: amount "1e309": not a decimal amount'
expect_reject b.csv 4 4 amount "comma in amount"
expect_stderr_has 'b.csv:4:4: error: rejected: amount "12,34": comma in amount'
for line in 5 6 7 8 9; do
    expect_reject b.csv $line 4 amount "not a decimal amount"
done
for line in 10 11 12; do
    expect_reject b.csv $line 4 amount "amount too large"
done
line=13
while [ $line -le 22 ]; do
    expect_reject b.csv $line 4 amount "not a decimal amount"
    line=$((line + 1))
done
expect_reject b.csv 25 4 amount "not a decimal amount"
# -0 and -0.00 are zero (never a negative zero); leading zeros are fine;
# spaces inside quotes are part of the value (line 25 is rejected).
expect_sql "SELECT line, amount, typeof(amount) FROM billing_events ORDER BY line" \
"3|0|integer
23|0|integer
24|150|integer"

# A credit with no currency column (the default, USD): the same rules.
printf 'account_id,kind,posted_at,amount\nB,credit,2026-10-01,NaN\nB,credit,2026-10-01,-0\n' > c.csv
ingest --billing c.csv
expect_exit 0
expect_counts c.csv 2 1 1
expect_reject c.csv 2 4 amount "not a decimal amount"
expect_accounting
