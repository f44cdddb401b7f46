# Formula-looking cells (=HYPERLINK(...), +cmd|..., @SUM(...), -2+3, =1+1)
# in every input format, in rejected values, in the guarantees file and in
# an input file's name, taken through `ombud run` to the XLSX report and
# through `ombud report`: the workbook holds no formula at all (no <f>
# element in any sheet), and the texts are there as strings. (070 checks
# that the store keeps them verbatim.)

cat > g.ini <<'INI'
[filing]
carrier = =HYPERLINK("http://evil.example/","Example Fibre Co")
commission = @SUM(1+1)*cmd|' /C calc'!A0
timezone = UTC
prepared_by = +cmd|' /C notepad'!A1
docket = -2+3

[guarantee =restore]
promise = =1+1
source = @SUM(A1:A9)
kind = restoration
within = 24h

[guarantee live]
promise = +cmd
source = =HYPERLINK("http://x")
kind = live_support
queues = =tech, @billing
max_wait = 10m

[guarantee notices]
promise = -cmd
source = s
kind = payment_notice
INI

cat > '=HYPERLINK("x")outages.csv' <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
=O-1,=1+1,@SUM(A1),2026-10-02T00:00:00Z,2026-10-04T00:00:00Z,"=HYPERLINK(""http://evil"",""click"")"
+O-2,+cmd,-2+3,2026-10-05T00:00:00Z,2026-10-07T00:00:00Z,+cmd|' /C calc'!A0
@O-3,@x,=a,2026-13-05T00:00:00Z,,=rejected month
CSV
cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,ticket_id
=C-1,=1+1,=tech,2026-10-02T10:00:00Z,,2026-10-02T10:30:00Z,abandoned,,=O-1
@C-2,@SUM(A1),@billing,2026-10-03T10:00:00Z,2026-10-03T10:20:00Z,2026-10-03T10:40:00Z,answered,=AGENT(),+O-2
+C-3,+cmd,=tech,2026-10-03T11:00:00Z,,2026-10-03T11:30:00Z,=closed,,
CSV
cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference,description
=1+1,charge,2026-10-01,50.00,2026-10-15,=INV-1,=HYPERLINK("http://evil")
=1+1,payment,2026-10-10,50.00,,@PAY,+cmd|' /C calc'!A0
=1+1,notice,2026-10-20,,,=INV-1,-2+3 late
=1+1,charge,2026-10-01,=50*2,,,@SUM(A1)
CSV

run_ombud run --guarantees g.ini --outages '=HYPERLINK("x")outages.csv' \
    --calls calls.csv --billing billing.csv --period 2026-10 --out out
# A third of each file rejected: the reports are written, and the run says
# the evidence is incomplete (exit 2).
expect_exit 2
expect_stderr_has 'data quality: =HYPERLINK("x")outages.csv: 1 of 3 rows rejected (33.33%)'
# Rejected rows (bad month, outcome "=closed", amount "=50*2") still print
# FILE:LINE:COL, here with the formula-looking file name.
expect_stderr_line '=HYPERLINK("x")outages.csv:4:4: error: rejected: ' 'started_at "2026-13-05T00:00:00Z": month out of range'
expect_stderr_line 'calls.csv:4:7: error: rejected: ' 'outcome "=closed": unknown outcome'
expect_stderr_line 'billing.csv:5:4: error: rejected: ' 'amount "=50*2": not a decimal amount'
DB=out/evidence.db
expect_accounting
expect_counts '=HYPERLINK("x")outages.csv' 3 2 1
expect_counts calls.csv 3 2 1
expect_counts billing.csv 4 3 1
# The breaches concern the formula-named subjects.
expect_sql "SELECT count(*) FROM breaches WHERE subject IN ('=O-1', '+O-2', '=C-1')" 3

X=out/report.xlsx
expect_true "report.xlsx written" test -s "$X"
expect_no_file "$X.tmp"
sheets() { unzip -p "$1" 'xl/worksheets/*.xml'; }
expect_eq "formulas in the run's workbook" 0 "$(sheets "$X" | grep -c '<f>')"
expect_eq "formulas in any part of the workbook" 0 "$(unzip -p "$X" | grep -c '<f>')"
# The texts are there, as strings (inline strings in constant-memory mode).
for t in '=HYPERLINK("http://evil.example/","Example Fibre Co")' \
         "@SUM(1+1)*cmd|' /C calc'!A0" '=O-1 (account =1+1)' '+O-2' \
         '=HYPERLINK("x")outages.csv:2' '=closed' '=50*2' '@SUM(A1:A9)'; do
    expect_true "text $t kept as a string" \
        sh -c 'unzip -p "$1" "xl/worksheets/*.xml" | grep -F -e "$2" | grep -q "<is><t"' sh "$X" "$t"
done

# ombud report from the same store: the same guarantee of no formula.
run_ombud report --db out/evidence.db -o again.xlsx
expect_exit 0
expect_eq "formulas in ombud report's workbook" 0 "$(sheets again.xlsx | grep -c '<f>')"
expect_true "ombud report gives the run's bytes" cmp -s again.xlsx "$X"
