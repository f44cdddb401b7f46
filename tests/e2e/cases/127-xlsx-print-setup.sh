# Every sheet of the workbook prints legibly (issue 25): landscape, one
# page wide, the carrier and the period at the top of each page, ombud's
# version and "Page N of M" at the bottom, and the table's header row
# repeated on every printed page. A '&' in the carrier is a code in an
# Excel header: it is doubled, never taken as one.
cat > g.ini <<'INI'
[filing]
carrier = A & B Telecom
commission = K
timezone = UTC

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
INI
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-03T06:00:00Z,cut
CSV
run_ombud run -q --guarantees g.ini --outages o.csv --period 2026-10 --out out
expect_exit 0
X=out/report.xlsx
n=$(unzip -l "$X" | grep -c 'xl/worksheets/sheet[0-9]*\.xml')
# In the XML, '&' is &amp;: the carrier's own '&' doubled is &amp;&amp;.
head='<oddHeader>&amp;LA &amp;&amp; B Telecom&amp;R2026-10-01 to 2026-10-31</oddHeader>'
foot='<oddFooter>&amp;Lombud 0.5.0&amp;RPage &amp;P of &amp;N</oddFooter>'
expect_eq "sheets with the page header" "$n" "$(unzip -p "$X" 'xl/worksheets/sheet*.xml' | grep -o "$head" | wc -l)"
expect_eq "sheets with the page footer" "$n" "$(unzip -p "$X" 'xl/worksheets/sheet*.xml' | grep -o "$foot" | wc -l)"
expect_eq "sheets in landscape, one page wide" "$n" \
    "$(unzip -p "$X" 'xl/worksheets/sheet*.xml' | grep -o '<pageSetup fitToHeight="0" orientation="landscape"/>' | wc -l)"
# Summary (header row 13), the breach sheet (row 5), Inputs, Rejects, Method.
W=$(unzip -p "$X" xl/workbook.xml)
for t in 'localSheetId="0">Summary!$13:$13' "localSheetId=\"1\">restore!\$5:\$5" \
         'Inputs!$2:$2' 'Rejects!$2:$2' 'Method!$6:$6'; do
    expect_true "print titles: $t" sh -c 'printf "%s" "$1" | grep -qF "$2"' sh "$W" "$t"
done
expect_xlsx_xml "$X"
# Spanish: "Página &P de &N".
run_ombud run -q --lang es --guarantees g.ini --outages o.csv --period 2026-10 --out es
expect_exit 0
expect_true "Spanish footer" sh -c "unzip -p es/report.xlsx xl/worksheets/sheet1.xml | grep -qF 'Página &amp;P de &amp;N'"
# The dossier's workbook prints the same way.
run_ombud run -q --guarantees g.ini --outages o.csv --period 2026-10 --out d \
    --account A1 --customer "Jane Doe"
expect_exit 0
D=d/complaint-A1.xlsx
n=$(unzip -l "$D" | grep -c 'xl/worksheets/sheet[0-9]*\.xml')
expect_eq "dossier sheets with the page header" "$n" "$(unzip -p "$D" 'xl/worksheets/sheet*.xml' | grep -o "$head" | wc -l)"
expect_eq "dossier sheets with the page footer" "$n" "$(unzip -p "$D" 'xl/worksheets/sheet*.xml' | grep -o "$foot" | wc -l)"
