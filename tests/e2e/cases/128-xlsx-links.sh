# The cover, and the Summary's Details cell links to its guarantee's sheet, and each
# guarantee sheet links back (issue 25). A guarantee id with an
# apostrophe is quoted as Excel's references want ('it''s'!A1).
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h

[guarantee it's-fast]
promise = Restored within 12 hours
source = terms
kind = restoration
within = 12h
INI
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-03T06:00:00Z,cut
CSV
run_ombud run -q --guarantees g.ini --outages o.csv --period 2026-10 --out out
expect_exit 0
X=out/report.xlsx
# Sheets in order: Summary (1), restore (2), it's-fast (3).
W=$(unzip -p "$X" xl/workbook.xml)
expect_true "sheet 2 is restore" sh -c 'printf %s "$1" | grep -q "<sheet name=\"restore\" sheetId=\"2\""' sh "$W"
printf '%s\n' "<sheet name=\"it's-fast\" sheetId=\"3\"" > want-sheet3
expect_true "sheet 3 is it's-fast" sh -c 'printf %s "$1" | grep -qF -f want-sheet3' sh "$W"
# Fixed strings, apostrophes and all, kept in files for grep -F.
unzip -p "$X" xl/worksheets/sheet1.xml > s1.xml
printf '%s\n' "location=\"'restore'!A1\"" > want-restore
printf '%s\n' "location=\"'it''s-fast'!A1\"" > want-fast
printf '%s\n' "<hyperlink ref=\"A4\" location=\"'Summary'!A1\"" > want-back
# Summary rows: the header, then restore and it's-fast; Details is column J.
expect_true "Summary links to restore" grep -qF -f want-restore s1.xml
expect_true "Summary links to it's-fast (quote doubled)" grep -qF -f want-fast s1.xml
expect_true "Summary's links are in column J" sh -c '[ "$(grep -o "<hyperlink ref=\"J1[45]\"" s1.xml | wc -l)" = 2 ]'
for k in 2 3; do
    unzip -p "$X" "xl/worksheets/sheet$k.xml" > s$k.xml
    expect_true "sheet $k links back to the Summary from A4" grep -qF -f want-back s$k.xml
    expect_true "sheet $k: the link back says so" grep -qF "<t>Back to the Summary</t>" s$k.xml
done
# The link cells show words, not the reference.
expect_true "Details says the sheet" grep -qF "<t>sheet 'restore'</t>" s1.xml
expect_xlsx_xml "$X"
# The cover names the commission as the file does, with no article of
# ombud's own ("filed with the Ofcom" once): "Filed with: K".
expect_true "PDF cover: Filed with: K" sh -c 'pdftotext out/report.pdf - | grep -qx "Filed with: K"'
