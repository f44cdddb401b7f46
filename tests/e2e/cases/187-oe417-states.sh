# Per-state reliability figures from the public DOE OE-417 data set (the
# Purdue layout, samples/oe417/outage-excerpt.csv): the same file read
# twice, as outages through oe417-purdue-outages.ini and as the customers
# served per state (TOTAL.CUSTOMERS of the event's YEAR, as of 1 January)
# through oe417-purdue-customers.ini.
#
# Worked from the excerpt's rows for 2011 (zone America/Chicago):
#   MN, N = 2,595,696 (2011's count): OBS 1 70,000 customers, 07-01 17:00
#     -> 07-03 20:00 = 3,060 min; OBS 13 0 customers, 0 min (momentary);
#     OBS 14 0 customers, 1,322 min (sustained, nobody).
#     CI 70,000: SAIFI 70000/2595696 = 0.02697 -> 27 thousandths;
#     CMI 70,000 x 3,060 = 214,200,000: SAIDI 82.52122 -> 82521;
#     CAIDI 3,060.000 min.
#   TN, N = 3,174,123: OBS 19 64,000 customers, 04-19 22:44 -> 04-20 02:00
#     = 196 min. SAIFI 0.02016 -> 20; SAIDI 12,544,000/3,174,123 = 3.95196
#     -> 3952; CAIDI 196.000.
#   System, N = 5,769,819: CI 134,000, SAIFI 0.02322 -> 23; CMI
#     226,744,000, SAIDI 39.29829 -> 39298, CAIDI 226744000/134000 =
#     1,692.119 min.
# Target SAIDI 1 h per state: MN (82.521 min) breaches by 22.521, TN not.
POUT=$E2E_ROOT/templates/profiles/oe417-purdue-outages.ini
PCUS=$E2E_ROOT/templates/profiles/oe417-purdue-customers.ini
CSV=$SAMPLES/oe417/outage-excerpt.csv
cat > g.ini <<'INI'
[filing]
carrier = Utilities of MN and TN (DOE OE-417 major events)
commission = Example Commission
timezone = America/Chicago

[guarantee states]
promise = major-event SAIDI per state no worse than an hour
source = example target
kind = reliability
judge = areas
saidi_max = 1h
meds = include
INI
run_ombud profile check "$PCUS" "$CSV"
expect_exit 0
expect_stdout_has "23 read, 23 stored, 0 rejected (through oe417-purdue-customers.ini, customers"
run_ombud run --guarantees g.ini --profile "$POUT" --profile "$PCUS" \
    --outages "$CSV" --customers "$CSV" --period 2011 --out out
expect_exit 0
expect_stderr_has "outage-excerpt.csv: 23 read, 23 stored, 0 rejected"
DB=out/evidence.db
expect_sql "SELECT kind, rows_read, rows_stored, rows_rejected FROM sources ORDER BY id" \
"outages|23|23|0
customers|23|23|0"
expect_sql "SELECT area, customers_served FROM customers WHERE as_of =
            $(utc '2011-01-01 06:00:00') GROUP BY area ORDER BY area" \
"MN|2595696
TN|3174123"
expect_sql "SELECT subject, name, value FROM figures
            WHERE name IN ('customers_served', 'saifi', 'saidi', 'caidi')
            AND subject IN ('MN', 'TN', 'system') ORDER BY run, k" \
"MN|customers_served|2595696
MN|saifi|27
MN|saidi|82521
MN|caidi|3060000
TN|customers_served|3174123
TN|saifi|20
TN|saidi|3952
TN|caidi|196000
system|customers_served|5769819
system|saifi|23
system|saidi|39298
system|caidi|1692119"
expect_sql "SELECT subject, measured, limit_value FROM breaches" "MN SAIDI|82521|60000"
for f in out/report.xlsx out/report.pdf; do
    run_ombud verify --report "$f" --guarantees g.ini --profile "$POUT" \
        --profile "$PCUS" --outages "$CSV" --customers "$CSV"
    expect_exit 0
done
