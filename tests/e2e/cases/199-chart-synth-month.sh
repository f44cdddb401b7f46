# A synthetic month of hundreds of outages: the durations chart's caption
# counts the same outages as the restoration rule's verdict ("N of M
# outages restored" and "the 40 longest of M outages"), the 40 drawn are
# named under their bars, and the same inputs give the same PDF.
run_ombud synth -q --rows 25000 --out m
expect_exit 0
cat > g.ini <<'INI'
[filing]
carrier = Example Fibre Co
commission = Example Commission
timezone = America/Los_Angeles
currency = USD
period = 2026-10

[guarantee restoration]
promise = Service restored within 24 hours
source = Terms of service, section 7.1
kind = restoration
within = 24h
INI

run_ombud run -q --guarantees g.ini --outages m/outages.csv --out a
expect_exit 0
pdftotext a/report.pdf a.txt
total=$(grep -o 'Measured: [0-9]* of [0-9]* outages restored' a.txt | head -n 1 |
        sed 's/.* of \([0-9]*\) outages.*/\1/')
expect_true "hundreds of outages ($total)" test "${total:-0}" -gt 400
expect_eq "the caption counts them all" 1 \
    "$(grep -c "The 40 longest of $total outages are drawn; all are in the XLSX workbook." a.txt)"
# 40 labels under the bars, each alone on its line (some cut short with
# an ellipsis), besides any subject in the breaches' table.
expect_true "40 bars labelled" test \
    "$(grep -c '^\(TT\|OUT\)-2610-[0-9A-Z…-]*$' a.txt)" -ge 40
expect_true "report PDF sound" test -z "$(pdf_wellformed a/report.pdf)"

run_ombud run -q --guarantees g.ini --outages m/outages.csv --out b
expect_exit 0
expect_true "same inputs, same PDF" cmp -s a/report.pdf b/report.pdf
