# A guarantee that deals in no money shows no "0.00 USD" owed (issue 25):
# Owed is "-" in the PDF's summary and blank in the workbook's, and the
# store has no amount (NULL). One that deals in money shows its amount,
# 0.00 included: it owed nothing, which is a finding.
#
# Worked by hand: one outage, 2026-10-02 00:00 to 2026-10-03 06:00 UTC,
# 30 h. [guarantee plain] within 24h, no money key: FAIL, 1 breach, no
# amount. [guarantee credit] within 48h, per_day_late = 5.00: PASS, 0
# breaches, owes 0.00 USD. Total owed 0.00 USD.
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee plain]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h

[guarantee credit]
promise = Restored within 48 hours, or 5.00 a day
source = terms
kind = restoration
within = 48h
per_day_late = 5.00
INI
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-03T06:00:00Z,cut
CSV
run_ombud run -q --guarantees g.ini --outages o.csv --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_sql "SELECT guarantee_id, status, breaches, coalesce(amount, 'none')
            FROM results ORDER BY seq" "plain|FAIL|1|none
credit|PASS|0|0"
# The workbook's Summary: header row 13, plain row 14, credit row 15, the
# Total row 16; Amount owed is column I.
unzip -p out/report.xlsx xl/worksheets/sheet1.xml > s1.xml
expect_true "plain: no Amount owed cell" sh -c '! grep -q "<c r=\"I14\"" s1.xml'
expect_true "credit: 0 owed, a number" grep -q '<c r="I15" s="[0-9]*"><v>0</v></c>' s1.xml
expect_true "Total: 0 owed" grep -q '<c r="I16" s="[0-9]*"><v>0</v></c>' s1.xml
# The PDF's summary table: the Owed column is "-" for plain, 0.00 USD for
# credit.
pdftotext -layout out/report.pdf - > r.txt
expect_true "PDF: plain owes -" grep -Eq '^plain +"Restored within 24.* FAIL +1 +-$' r.txt
expect_true "PDF: credit owes 0.00 USD" grep -Eq '^credit +"Restored within 48.* PASS +0 +0\.00 USD$' r.txt
