# History of periods (issue 26): a store holding three monthly checks of
# the same guarantees shows, in the October filing, each guarantee in
# August, September and October: the table, "periods breached in the last
# 12" and the change from September; the manifest lists the earlier
# periods and verify checks them again before October, so the report is
# written again byte for byte. A check of another guarantees file, or of
# a quarter, is no part of a monthly history; a store with one month has
# no history at all.
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC
currency = USD

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
per_day_late = 10.00
INI
# By hand, a deadline 24 h after the start, 10.00 a day started after it:
#   2026-08: O-1 10 h                                 PASS, 0 breaches, 0.00
#   2026-09: O-2 30 h (1 day late), O-3 2 h           FAIL, 1 breach,  10.00
#   2026-10: O-4 60 h (2 days), O-5 30 h (1), O-6 1 h FAIL, 2 breaches, 30.00
# Breached in 2 of the 3 months; from September: breaches 1 to 2 (+1),
# owed 10.00 USD to 30.00 USD (+20.00 USD).
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-08-03T00:00:00Z,2026-08-03T10:00:00Z,cut
O-2,A2,n,2026-09-02T00:00:00Z,2026-09-03T06:00:00Z,cut
O-3,A3,n,2026-09-10T00:00:00Z,2026-09-10T02:00:00Z,cut
O-4,A4,n,2026-10-01T00:00:00Z,2026-10-03T12:00:00Z,cut
O-5,A5,n,2026-10-05T00:00:00Z,2026-10-06T06:00:00Z,cut
O-6,A6,n,2026-10-07T00:00:00Z,2026-10-07T01:00:00Z,cut
CSV
# Another guarantees file (a 48 h promise) checked July: not this history.
sed 's/within = 24h/within = 48h/' g.ini > other.ini
run_ombud ingest -q --db s.db --tz UTC --outages o.csv
expect_exit 0
run_ombud check -q --db s.db --guarantees other.ini --period 2026-07 --allow-incomplete
expect_exit 0
run_ombud check -q --db s.db --guarantees g.ini --period 2026-Q2 --allow-incomplete
expect_exit 0
for p in 2026-08 2026-09 2026-10; do
    run_ombud check -q --db s.db --guarantees g.ini --period $p
    expect_exit 0
done
run_ombud report --db s.db -o r.xlsx
expect_exit 0
run_ombud report --db s.db -o r.pdf
expect_exit 0

# The workbook's History sheet (the 7th: Summary, restore, Inputs,
# Rejects, Method, Manifest, History).
X=r.xlsx
expect_eq "the History sheet is the last" 'name="History" sheetId="7"' \
    "$(unzip -p $X xl/workbook.xml | grep -o 'name="History" sheetId="7"')"
cell() { # SHEET REF: the cell's value, text or number
    unzip -p "$X" "xl/worksheets/$1.xml" |
        grep -o "<c r=\"$2\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" |
        sed 's/<[^>]*>//g'
}
row() { # ROW: columns A to F joined by |
    echo "$(cell sheet7 A$1)|$(cell sheet7 B$1)|$(cell sheet7 C$1)|$(cell sheet7 E$1)|$(cell sheet7 F$1)"
}
expect_eq "header" "Guarantee|Period|Status|Breaches|Owed" "$(row 4)"
expect_eq "August" "restore|2026-08|PASS|0|0" "$(row 5)"
expect_eq "September" "restore|2026-09|FAIL|1|10" "$(row 6)"
expect_eq "October" "restore|2026-10|FAIL|2|30" "$(row 7)"
expect_eq "no July (other guarantees) nor Q2 (a quarter)" "" "$(cell sheet7 B8)"
expect_eq "measured in September" \
    "1 of 2 outages restored within 24 h (50.00%); longest 30 h" \
    "$(cell sheet7 D6 | nbsp_plain)"
expect_eq "breached in the last 12, checked" "2|3" \
    "$(cell sheet7 B10)|$(cell sheet7 C10)"
expect_eq "change from September" "Change from 2026-09: FAIL to FAIL; breaches 1 to 2 (+1); owed 10.00 USD to 30.00 USD (+20.00 USD)." \
    "$(cell sheet7 D10 | sed 's/\xc2\xa0/ /g')"
expect_true "a chart of breaches per period" \
    sh -c "unzip -p $X xl/charts/chart2.xml | grep -q 'History!\$E\$5:\$E\$7'"
# The manifest lists August and September (instants, oldest first).
AUG="$(utc '2026-08-01 00:00:00')-$(utc '2026-09-01 00:00:00')"
SEP="$(utc '2026-09-01 00:00:00')-$(utc '2026-10-01 00:00:00')"
expect_true "manifest lists the earlier periods" \
    sh -c "unzip -p $X xl/worksheets/sheet6.xml | grep -q 'history=$AUG,$SEP;'"

# The PDF's History of periods.
pdftotext -layout r.pdf r.txt
sed -n '/^History of periods/,/^Breaches per period/p' r.txt | nbsp_plain > h.txt
expect_whole h.txt "Periods breached in the last 12: 2 of 3 checked." \
    "Change from 2026-09: FAIL to FAIL; breaches 1 to 2 (+1); owed 10.00 USD to 30.00 USD (+20.00 USD)."
expect_eq "PDF rows" "2026-08 PASS 0 0.00 USD|2026-09 FAIL 1 10.00 USD|2026-10 * FAIL 2 30.00 USD" \
    "$(grep -E '^ *2026-[0-9]{2} .*(PASS|FAIL)' h.txt | sed 's/ 1 of .* h  */ /; s/   */ /g; s/^ //' | paste -sd'|')"

# verify re-derives both, the earlier months included.
run_ombud verify --report r.xlsx --guarantees g.ini --outages o.csv
expect_exit 0
expect_stdout_has "ok   history: the earlier periods the report shows were checked again from these inputs"
expect_stdout_last "verified: the report was produced from these inputs by these rules and has not been changed"
run_ombud verify --report r.pdf --guarantees g.ini --outages o.csv
expect_exit 0
# One byte of the History sheet changed (October's 2 breaches made 3).
mkdir ed && (cd ed && unzip -q ../r.xlsx &&
    sed -i 's|<c r="E7"><v>2</v>|<c r="E7"><v>3</v>|' xl/worksheets/sheet7.xml &&
    zip -q -X -r ../edited.xlsx '[Content_Types].xml' _rels docProps xl)
run_ombud verify --report edited.xlsx --guarantees g.ini --outages o.csv
expect_exit 1
expect_stdout_has "sheet 'History', cell E7"
# One byte of the PDF's manifest changed (August's start a second later).
AUG2="$(($(utc '2026-08-01 00:00:00') + 1))"
sed "s/history=$(utc '2026-08-01 00:00:00')-/history=$AUG2-/" r.pdf > edited.pdf
expect_eq "one byte edited" 1 "$(cmp -l r.pdf edited.pdf | wc -l | tr -d ' ')"
run_ombud verify --report edited.pdf --guarantees g.ini --outages o.csv
expect_exit 1
expect_stdout_has "NOT VERIFIED"

# --history 1: September only; 0: none.
run_ombud report --db s.db -o r1.xlsx --history 1
expect_exit 0
X=r1.xlsx
expect_eq "--history 1" "restore|2026-09|FAIL|1|10 restore|2026-10|FAIL|2|30 ||||" \
    "$(row 5) $(row 6) $(row 7)"
expect_eq "breached in the last 12, of those shown" "2|2" \
    "$(cell sheet7 B9)|$(cell sheet7 C9)"
run_ombud report --db s.db -o r0.xlsx --history 0
expect_exit 0
expect_eq "--history 0: no History sheet" "" \
    "$(unzip -p r0.xlsx xl/workbook.xml | grep -o 'name="History"')"
run_ombud report --db s.db -o bad.xlsx --history -1
expect_exit 64

# One month alone: no history, no manifest key, the report it always was.
run_ombud ingest -q --db one.db --tz UTC --outages o.csv
run_ombud check -q --db one.db --guarantees g.ini --period 2026-10
expect_exit 0
run_ombud report --db one.db -o one.xlsx
expect_exit 0
expect_eq "one month: no History sheet" "" \
    "$(unzip -p one.xlsx xl/workbook.xml | grep -o 'name="History"')"
expect_eq "one month: no history in the manifest" "" \
    "$(unzip -p one.xlsx xl/worksheets/sheet6.xml | grep -o 'history=')"
expect_true "--history 0 is the one-month report, byte for byte" cmp -s r0.xlsx one.xlsx
