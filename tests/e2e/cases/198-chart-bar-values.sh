# Each bar of the durations chart carries its value when it fits, and a
# short outage still shows: a 5-minute outage beside a 112-hour one is
# drawn with its value, 5/60 h = 0.0833 h, printed "0.08" (two decimals
# under 0.1 h; Spanish "0,08"), the long one "112" (whole from 10 h).
# The legend names the limit and both kinds of bar.
cat > g.ini <<'INI'
[filing]
carrier = Example Fibre Co
commission = Example Commission
timezone = UTC
currency = USD
period = 2026-10

[guarantee restoration]
promise = Service restored within 24 hours
source = Terms of service, section 7.1
kind = restoration
within = 24h
INI
cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at,customers_affected,cause
OUT-LONG,,Oakridge,voice,2026-10-14T16:00:00Z,2026-10-19T08:00:00Z,no,,,1,line cut
OUT-SHORT,,Oakridge,voice,2026-10-20T10:00:00Z,2026-10-20T10:05:00Z,no,,,1,blip
CSV

run_ombud run -q --guarantees g.ini --outages outages.csv --out en
expect_exit 0
pdftotext en/report.pdf en.txt
expect_eq "the long one's value" 1 "$(grep -c '^112$' en.txt)"
expect_eq "the short one's value" 1 "$(grep -c '^0\.08$' en.txt)"
# Each bar's label on a line of its own (the breach table below names
# OUT-LONG too, on a line with its time).
expect_eq "both labelled" 2 "$(grep -c '^OUT-LONG$\|^OUT-SHORT$' en.txt)"
for k in "the limit" "over the limit" "within the limit"; do
    expect_eq "the legend: $k" 1 "$(grep -c "^$k\$" en.txt)"
done
expect_eq "all drawn: no caption" 0 "$(grep -c 'longest of' en.txt)"

run_ombud run -q --lang es --guarantees g.ini --outages outages.csv --out es
expect_exit 0
pdftotext es/report.pdf es.txt
expect_eq "es: the short one's value" 1 "$(grep -c '^0,08$' es.txt)"
for k in "el límite" "por encima del límite" "dentro del límite"; do
    expect_eq "es: the legend: $k" 1 "$(grep -c "^$k\$" es.txt)"
done
