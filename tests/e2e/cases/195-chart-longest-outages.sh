# The durations chart draws at most 40 outages, and says which: the 40
# longest, and how many there are. 45 outages, OUT-01 to OUT-45, outage k
# lasting k hours (all in October 2026, UTC): the 40 longest are OUT-06
# to OUT-45, so OUT-01 to OUT-05 are left out; within 24 h, they are no
# breach either, so no table names them and the PDF never does. With 40
# outages the chart draws them all and says nothing. The same inputs give
# the same PDF, byte for byte.
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

# outages.csv with outages FROM..TO: outage k lasts k hours from 14 (k - 1)
# hours after 2026-10-01 00:00 UTC (OUT-45 from 2026-10-26 16:00 to
# 2026-10-28 13:00: every one in October).
outages() {
    echo "outage_id,account_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at,customers_affected,cause"
    awk -v from="$1" -v to="$2" 'BEGIN {
        for (k = from; k <= to; k++) {
            s = 3600 * 14 * (k - 1); e = s + 3600 * k;
            printf "OUT-%02d,,Oakridge,internet,%s,%s,no,,,10,cut\n", k,
                   stamp(s), stamp(e);
        }
    }
    # 2026-10-01T00:00:00Z + s seconds, s within October
    function stamp(s) {
        return sprintf("2026-10-%02dT%02d:00:00Z", int(s / 86400) + 1,
                       int(s % 86400 / 3600));
    }'
}
outages 1 45 > outages.csv
expect_eq "45 outages written" 46 "$(wc -l < outages.csv | tr -d ' ')"
expect_eq "OUT-45" "OUT-45,,Oakridge,internet,2026-10-26T16:00:00Z,2026-10-28T13:00:00Z,no,,,10,cut" \
    "$(tail -n 1 outages.csv)"

run_ombud run -q --guarantees g.ini --outages outages.csv --out a
expect_exit 0
pdftotext a/report.pdf a.txt
expect_eq "the caption" 1 \
    "$(grep -c 'The 40 longest of 45 outages are drawn; all are in the XLSX workbook.' a.txt)"
for k in 01 02 03 04 05; do
    expect_eq "OUT-$k (${k#0} h) not drawn" 0 "$(grep -c "OUT-$k" a.txt)"
done
# Those drawn within the limit (no breach, so in no table) are named only
# under their bars: the shortest drawn, and the longest within 24 h.
for k in 06 24; do
    expect_eq "OUT-$k drawn" 1 "$(grep -c "OUT-$k\$" a.txt)"
done
expect_true "report PDF sound" test -z "$(pdf_wellformed a/report.pdf)"

# Again: the same bytes.
run_ombud run -q --guarantees g.ini --outages outages.csv --out b
expect_exit 0
expect_true "same inputs, same PDF" cmp -s a/report.pdf b/report.pdf

# In Spanish, through the catalogue's plural.
run_ombud run -q --lang es --guarantees g.ini --outages outages.csv --out es
expect_exit 0
expect_eq "the caption in Spanish" 1 \
    "$(pdftotext es/report.pdf - | grep -c 'Se dibujan las 40 más largas de 45 interrupciones; todas figuran en el libro XLSX.')"

# 40 outages: all drawn, no caption.
outages 1 40 > outages40.csv
run_ombud run -q --guarantees g.ini --outages outages40.csv --out all
expect_exit 0
pdftotext all/report.pdf all.txt
expect_eq "no caption with 40" 0 "$(grep -c 'longest of' all.txt)"
expect_eq "OUT-01 drawn with 40" 1 "$(grep -c 'OUT-01$' all.txt)"
