# snapshots.csv (issue 27): a public feed's customers out per area every
# 15 minutes, read with provenance and rejects, and the reliability
# rule's SAIDI estimate from it beside the records' own, worked by hand.
#
# March 2026 in UTC; customers served North 1000, South 400.
# The records (outages.csv): North 100 customers 10:00-11:00 on 03-10 =
# 6,000 customer-minutes, South 40 customers 10:00-10:30 = 1,200.
# SAIDI from the records: North 6000/1000 = 6.000 min, South 1200/400 =
# 3.000, system 7200/1400 = 5.142857 -> 5.143.
#
# The snapshots (line: area time out). Each counts until its area's next
# snapshot in the period; a gap over 30 min, and an area's last snapshot,
# count 15 min; never past the period's end (04-01 00:00).
#   North   2 10:00 100 -> 10:15      15 min x 100 = 1,500
#           3 10:15 100 -> 10:30      15 min x 100 = 1,500
#           4 10:30  80 -> 11:30: a 60-min gap, 15 min x 80 = 1,200
#           5 11:30  50 last          15 min x 50  =   750
#           12 02-28 23:45 70: before the period, not read
#   North: 4 used, 4,950 customer-minutes, SAIDI 4.950, diff -1.050.
#   South   6 10:00  40 -> 10:30 (7 dropped): 30 min x 40 = 1,200
#           7 10:15 500 > 400 served: flagged, not used
#           8 10:30  20 -> 03-31 23:50: gap, 15 min x 20 = 300
#           13 03-31 23:50 10 last: 15 min cut at 24:00, 10 x 10 = 100
#   South: 3 used, 1 flagged, 1,600 customer-minutes, SAIDI 4.000,
#   diff +1.000.
#   West    11: no customers served: 1 not used.
#   Rejects: line 9 (hour 25), line 10 (a negative count).
# System: 7 used, 1 flagged, 6,550 customer-minutes, 6550/1400 =
# 4.678571 -> 4.679 (4.68 shown in words), diff 4.679 - 5.143 = -0.464.
# The target (SAIDI 1h) passes either way: the estimate judges nothing.

cat > g.ini <<'INI'
[filing]
carrier = Example Electric Co
commission = K
timezone = UTC

[guarantee rel]
promise = SAIDI at most an hour
source = terms
kind = reliability
saidi_max = 1h
INI
cat > customers.csv <<'CSV'
area,customers_served
North,1000
South,400
CSV
cat > outages.csv <<'CSV'
outage_id,area,started_at,restored_at,customers_affected
N1,North,2026-03-10 10:00,2026-03-10 11:00,100
S1,South,2026-03-10 10:00,2026-03-10 10:30,40
CSV
cat > snapshots.csv <<'CSV'
county,run_start_time,out
North,2026-03-10 10:00,100
North,2026-03-10 10:15,100
North,2026-03-10 10:30,80
North,2026-03-10 11:30,50
South,2026-03-10 10:00,40
South,2026-03-10 10:15,500
South,2026-03-10 10:30,20
North,2026-03-10 25:00,10
South,2026-03-10 10:45,-5
West,2026-03-10 10:00,30
North,2026-02-28 23:45,70
South,2026-03-31 23:50,10
CSV

# Without snapshots: nothing about them anywhere.
run_ombud run -q --guarantees g.ini --outages outages.csv \
    --customers customers.csv --period 2026-03 --out plain
expect_exit 0
pdftotext -layout plain/report.pdf plain.txt
expect_true "no cross-check without snapshots" sh -c \
    '! grep -q "Snapshot cross-check" plain.txt'
expect_true "no snapshot columns without snapshots" sh -c \
    '! unzip -p plain/report.xlsx xl/worksheets/sheet2.xml | grep -q "Snapshots used"'

# (2 of 12 rows rejected is a serious data-quality item: filed anyway)
run_ombud run --allow-incomplete --guarantees g.ini --outages outages.csv \
    --customers customers.csv --snapshots snapshots.csv --period 2026-03 \
    --out out
expect_exit 0
expect_stdout_has "rel                      PASS"
expect_stderr_has "snapshots.csv: 12 read, 10 stored, 2 rejected"
DB=out/evidence.db
expect_reject snapshots.csv 9 2 at "hour out of range"
expect_reject snapshots.csv 10 3 customers_out "a negative count"
expect_sql "SELECT area, at, customers_out, line FROM snapshots ORDER BY line LIMIT 2" \
"North|$(utc '2026-03-10 10:00:00')|100|2
North|$(utc '2026-03-10 10:15:00')|100|3"

# The figures, as stored (thousandths of a minute for SAIDI).
expect_sql "SELECT subject, group_concat(value, ' ') FROM (SELECT subject, value FROM figures WHERE name LIKE 'snapshot%' ORDER BY run, k) GROUP BY subject ORDER BY subject" \
"North|4 0 4950 4950 -1050
South|3 1 1600 4000 1000
system|7 1 6550 4679 -464"
expect_sql "SELECT status FROM results" "PASS"
expect_sql "SELECT instr(method, 'Snapshot cross-check, not judged: 7 snapshots of customers out in the areas judged estimate 6,550 customer-minutes, a system SAIDI of 4.68 min beside the records'' 5.14 min.') > 0 FROM results" 1
expect_sql "SELECT instr(method, '1 snapshot above its area''s customers served was flagged and not used: snapshots.csv:7 (South, 500 > 400).') > 0 FROM results" 1
expect_sql "SELECT instr(method, '1 snapshot of an area without customers served was not used (West).') > 0 FROM results" 1

# The PDF: the records' SAIDI, the estimate, the difference, used, flagged.
pdftotext -layout out/report.pdf out.txt
expect_whole out.txt "Snapshot cross-check (not judged)"
# (the cross-check's table comes after the indices', so its row is last)
row() { sed 's/^ *//' out.txt | grep -E "^$1 " | tr -s ' ' | tail -1; }
expect_eq "PDF North" "North 6.000 4.950 -1.050 4 0" "$(row North)"
expect_eq "PDF South" "South 3.000 4.000 1.000 3 1" "$(row South)"
expect_eq "PDF system" "system 5.143 4.679 -0.464 7 1" "$(row system)"

# The workbook: the same beside each area's indices (sheet 2, the
# guarantee's), each value in its area's row under its header.
unzip -p out/report.xlsx xl/worksheets/sheet2.xml | sed 's/<c /\n<c /g' |
    sed -n 's/^<c r="\([A-Z]*[0-9]*\)".*<[tv]>\([^<]*\)<\/[tv]>.*/\1 \2/p' \
    > cells.txt
# beside SUBJECT HEADER: the cell of SUBJECT's row under HEADER.
beside() {
    c=$(awk -v h="$2" '{ r = $1; $1 = ""; sub(/^ /, "") }
        $0 == h { sub(/[0-9]+$/, "", r); print r; exit }' cells.txt)
    n=$(awk -v s="$1" '{ r = $1; $1 = ""; sub(/^ /, "") }
        $0 == s { sub(/^[A-Z]+/, "", r); print r; exit }' cells.txt)
    awk -v r="$c$n" '$1 == r { $1 = ""; sub(/^ /, ""); print }' cells.txt
}
for s in "North 6 4.95 -1.05 4 0" "South 3 4 1 3 1" \
         "system 5.143 4.679 -0.464 7 1"; do
    set -- $s
    expect_eq "XLSX $1 SAIDI" "$2" "$(beside "$1" "SAIDI (min)")"
    expect_eq "XLSX $1 estimate" "$3" "$(beside "$1" "SAIDI, snapshots (min)")"
    expect_eq "XLSX $1 difference" "$4" "$(beside "$1" "Snapshots - records (min)")"
    expect_eq "XLSX $1 used" "$5" "$(beside "$1" "Snapshots used")"
    expect_eq "XLSX $1 flagged" "$6" "$(beside "$1" "Snapshots flagged")"
done
expect_xlsx_xml out/report.xlsx

# verify re-imports the snapshots named in the manifest.
run_ombud verify --report out/report.xlsx --guarantees g.ini \
    --outages outages.csv --customers customers.csv --snapshots snapshots.csv
expect_exit 0
expect_stdout_has "ok   input snapshots.csv (snapshots)"

# forget takes the rows with their source.
run_ombud forget --db "$DB" snapshots.csv
expect_exit 0
expect_sql "SELECT count(*) FROM snapshots" "0"

# A version 4 store (no snapshots table) gains it when opened.
DB=v4.db
ingest --customers customers.csv
sqlite3 v4.db "DROP TABLE snapshots; UPDATE meta SET value = '4' WHERE key = 'schema_version'"
ingest --snapshots snapshots.csv
expect_exit 0
expect_sql "SELECT value FROM meta WHERE key = 'schema_version'" 5
expect_sql "SELECT count(*) FROM snapshots" 10

# EAGLE-I's own layout through its profile: "{county}, {state}", UTC.
cat > eaglei.csv <<'CSV'
fips_code,county,state,customers_out,run_start_time
42043,Dauphin,Pennsylvania,120,2023-01-01 00:00:00
42043,Dauphin,Pennsylvania,-3,2023-01-01 00:15:00
42071,Lancaster,Pennsylvania,45,2023-01-01 00:15:00
CSV
DB=e.db
run_ombud ingest --db e.db \
    --profile "$E2E_ROOT/templates/profiles/eagle-i-snapshots.ini" \
    --snapshots eaglei.csv
expect_exit 0
expect_stderr_has "eaglei.csv: 3 read, 2 stored, 1 rejected"
expect_stderr_has 'eaglei.csv:3:4: error: rejected: customers_out "-3": a negative count'
expect_sql "SELECT area, at, customers_out, line FROM snapshots ORDER BY id" \
"Dauphin, Pennsylvania|$(utc '2023-01-01 00:00:00')|120|2
Lancaster, Pennsylvania|$(utc '2023-01-01 00:15:00')|45|4"
