# A reporting unit with a long name in the months table of a quarter.
# Its name was kept cut to 63 bytes and compared so: it never equalled
# itself again, each of its figures made a row of its own, and the XLSX
# crashed on a row with a status but no target unit. A store whose
# target unit is one no ombud writes (edited by hand) is reported too.
#
# Worked by hand, period 2026-Q4 (UTC), at most 2 reports per 100 lines:
#   area A = "Zx" and "é" 60 times (122 bytes), 100 lines: 3 reports in
#   October (3.00 per 100: FAIL), none after (NO DATA);
#   South, 200 lines: 1 report in November (0.50: PASS).
# trouble_rate names a unit "MONTH AREA" in its figures, whole: the
# months table shows A whole, and its verdict comes from the figures (a
# breach's subject, cut at 95 bytes, names "Zx" and 42 "é": the 43rd é
# cut there is dropped whole).
A=Zx K=Zx i=0
while [ "$i" -lt 60 ]; do
    A="${A}é"
    [ "$i" -lt 42 ] && K="${K}é"
    i=$((i + 1))
done
cat > g.ini <<INI
[filing]
carrier = C
commission = K
timezone = UTC
[guarantee troubles]
promise = At most 2 trouble reports per 100 lines a month
source = test
kind = trouble_rate
max_per_100 = 2
lines_by_area = $A: 100, South: 200
services = trouble
INI
cat > outages.csv <<CSV
outage_id,area,service,started_at,restored_at
R1,$A,trouble,2026-10-05 08:00:00,2026-10-05 10:00:00
R2,$A,trouble,2026-10-06 08:00:00,2026-10-06 10:00:00
R3,$A,trouble,2026-10-07 08:00:00,2026-10-07 10:00:00
R4,South,trouble,2026-11-07 08:00:00,2026-11-07 10:00:00
CSV
run_ombud run -q --guarantees g.ini --outages outages.csv --period 2026-Q4 --out out
expect_exit 0
X=out/report.xlsx
expect_xlsx_xml "$X"
n=$(unzip -p "$X" xl/workbook.xml | grep -o '<sheet name="[^"]*"' |
    grep -n '"Months"' | cut -d: -f1)
unzip -p "$X" "xl/worksheets/sheet$n.xml" | sed 's/<\/row>/\n/g' |
    sed 's/<[^>]*>/|/g; s/|\{2,\}/|/g' | grep '^|troubles|[^|]*|20[0-9][0-9]-' > rows.txt
expect_eq "the months table, a row per unit and month" "|troubles|all|2026-10|3|3|100|2|FAIL|
|troubles|all|2026-11|0.5|1|200|2|PASS|
|troubles|all|2026-12|2|NO DATA|
|troubles|all|2026-Q4|1.33|4|300|2|FAIL|
|troubles|$A|2026-10|3|3|100|2|FAIL|
|troubles|$A|2026-11|NO DATA|
|troubles|$A|2026-12|NO DATA|
|troubles|$A|2026-Q4|3|3|100|2|FAIL|
|troubles|South|2026-10|NO DATA|
|troubles|South|2026-11|0.5|1|200|2|PASS|
|troubles|South|2026-12|NO DATA|
|troubles|South|2026-Q4|0.5|1|200|2|PASS|" "$(cat rows.txt)"
DB=out/evidence.db
# The stored unit as trouble_rate wrote it, and the breach cut to whole
# characters.
expect_sql "SELECT DISTINCT subject FROM figures WHERE name = 'reports' ORDER BY 1" "2026-10 $A
2026-11 South"
expect_sql "SELECT DISTINCT b.subject FROM breaches b JOIN results r ON r.id = b.result_id JOIN checks c ON c.id = r.check_id WHERE c.id = (SELECT max(id) FROM checks) AND b.subject LIKE '2026-10 %'" "2026-10 $K"

# A target unit no ombud writes: shown as a plain number, no crash.
DB=out/evidence.db
sqlite3 "$DB" "UPDATE figure_runs SET unit = 'bogus' WHERE name = 'month.target';
    UPDATE figure_runs SET more = replace(more, 'month.target' || char(9) || '200' || char(9) || 'per100', 'month.target' || char(9) || '200' || char(9) || 'bogus')"
for f in r.xlsx r.pdf; do
    run_ombud report -q --db "$DB" -o "$f"
    expect_exit 0
done
