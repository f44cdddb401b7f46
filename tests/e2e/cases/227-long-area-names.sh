# Two areas whose names agree for their first 165 bytes stay two areas
# in the reliability kind's figures and in the PDF's indices table (their
# names were cut to 160 bytes and became one subject).
#
# The reliability sample with Lancaster and York renamed P-Lancaster and
# P-York, P = "Area-" and 160 zeros, judged per area: figures about four
# subjects with P (each area, with all days and "excl. MEDs"), by hand
# from the renaming; Harrisburg and the system unchanged.
S=$E2E_ROOT/samples/reliability
P=$(printf 'Area-%0160d' 0)
sed "s/,Lancaster,/,$P-Lancaster,/; s/,York,/,$P-York,/" "$S/outages.csv" > outages.csv
sed "s/^Lancaster,/$P-Lancaster,/; s/^York,/$P-York,/" "$S/customers.csv" > customers.csv
sed 's/^judge = system/judge = areas/' \
    "$E2E_ROOT/templates/guarantees/pa-reliability.ini" > g.ini
run_ombud run -q --guarantees g.ini --outages outages.csv \
    --customers customers.csv --period 2026 --out out
# the template's targets are placeholders (issue 22): exit 2
expect_exit 2
DB=out/evidence.db
expect_sql "SELECT DISTINCT substr(subject, 167) FROM figures WHERE subject LIKE 'Area-%' ORDER BY 1" "Lancaster
Lancaster excl. MEDs
York
York excl. MEDs"
expect_sql "SELECT count(DISTINCT subject) FROM figures WHERE subject IN ('Harrisburg', 'Harrisburg excl. MEDs', 'system', 'system excl. MEDs')" 4
pdftotext -layout out/report.pdf r.txt
expect_true "the PDF shows both areas' names to their ends" \
    sh -c 'tr -d "\n " < r.txt | grep -q "Lancaster" && tr -d "\n " < r.txt | grep -q "York"'
