# trouble_rate with two areas whose names agree for their first 170 bytes
# (85 "é") and end "North" and "South", over a quarter. Their reports
# were pooled twice: in the rule's groups (names cut to 160 bytes) and in
# the months table's units (cut to the breach's 95 bytes), which then
# also joined the two areas' failing months into one corrective run.
#
# Worked by hand, at most 2 reports per 100 lines a month:
#   P North, 100 lines: 3 reports in October -> 3.00: FAIL; no report in
#   November or December (NO DATA); the quarter 3 / 100 -> 3.00: FAIL.
#   P South, 200 lines: 2 reports in November -> 1.00: PASS; the quarter
#   2 / 200 -> 1.00: PASS.
#   All areas: October 3 reports of 300 lines, FAIL (North is over);
#   November 2 of 300, PASS; the quarter FAIL.
#   Runs of failing months per unit: North 2026-10, one month; nothing due
#   (corrective_after 2).
P= i=0
while [ "$i" -lt 85 ]; do P="${P}é"; i=$((i + 1)); done
cat > g.ini <<INI
[filing]
carrier = C
commission = K
timezone = UTC
corrective_after = 2
[guarantee troubles]
promise = At most 2 trouble reports per 100 lines a month
source = test
kind = trouble_rate
max_per_100 = 2
lines_by_area = ${P}North: 100,
  ${P}South: 200
services = trouble
INI
cat > outages.csv <<CSV
outage_id,area,service,started_at,restored_at
R1,${P}North,trouble,2026-10-05 08:00:00,2026-10-05 10:00:00
R2,${P}North,trouble,2026-10-06 08:00:00,2026-10-06 10:00:00
R3,${P}North,trouble,2026-10-07 08:00:00,2026-10-07 10:00:00
R4,${P}South,trouble,2026-11-07 08:00:00,2026-11-07 10:00:00
R5,${P}South,trouble,2026-11-08 08:00:00,2026-11-08 10:00:00
CSV
run_ombud run -q --guarantees g.ini --outages outages.csv --period 2026-Q4 --out out
expect_exit 0
DB=out/evidence.db
# The quarter's column is "period UNIT": the unit from character 93
# ("period " 7, then 85 "é"); a run's is "run 2026-10 UNIT": from 98
# (its subject was cut to 160 bytes, the area's ending lost).
expect_sql "SELECT substr(f.subject, 93), f.name, f.value FROM figures f JOIN results r ON r.id = f.result_id WHERE r.seq >= 0 AND f.name IN ('month.num', 'month.den', 'month.status') AND f.subject LIKE 'period %' ORDER BY 1, 2" "North|month.den|100
North|month.num|3
North|month.status|0
South|month.den|200
South|month.num|2
South|month.status|1"
expect_sql "SELECT substr(f.subject, 98), f.name, f.value FROM figures f WHERE f.subject LIKE 'run %' ORDER BY 1, 2" "North|month.run|1
North|month.run_due|0"
# The October breach's detail names the group in 160 bytes ("2026-10 "
# and 75 "é"; the half of the 76th goes) and says why in full.
P75=$(printf '%s' "$P" | cut -c1-150)
expect_sql "SELECT DISTINCT b.detail FROM breaches b JOIN results r ON r.id = b.result_id WHERE r.seq >= 0 AND b.subject LIKE '2026-10 %'" \
    "2026-10 $P75: 3 trouble reports on 100 lines = 3.00 per 100 lines, above 2.00"
pdftotext -layout out/report.pdf r.txt
expect_stdout_lacks "corrective action report due"
expect_true "no corrective report due in the PDF" sh -c '! grep -q "corrective action report due" r.txt'
