# A subject is an input's id, and ids have no length limit: findings and
# reports keep each whole. Cut to a buffer, two ids alike for their first
# 95 bytes were one subject, and a long id was a new row of the figures
# table at each of its figures.
#
# Worked by hand, period 2026-10 (UTC); L = "x" 100 times:
#   effort: ticket "TT-" L "-é" (106 bytes, the é cut at byte 95 and 96),
#     two legs of two calls: one subject, one row of the figures table
#     (calls 2) and the note none (one subject of at most 1,000).
#   credit: an area-wide outage "OUT-" L (104 bytes) in area North,
#     2026-10-05 00:00 to 2026-10-07 00:00 (48 h >= 24 h), and two
#     accounts of North with an internet charge for October: subjects
#     "OUT-" L "/ACC-1" and "OUT-" L "/ACC-2", two of them.
#   kpis: agents "A-" L "-1" and "A-" L "-2" each answer one call:
#     subjects "agent A-" L "-1" and "agent A-" L "-2".
L=$(repeat_char x 100)
T="TT-$L-é"
O="OUT-$L"
cat > calls.csv <<CSV
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,promised_restore_at
C-1,ACC-1,tech_support,2026-10-10 09:00:00,2026-10-10 09:00:10,2026-10-10 09:10:00,answered,A-$L-1,,$T,
C-2,ACC-1,tech_support,2026-10-10 10:00:00,2026-10-10 10:00:10,2026-10-10 10:10:00,answered,A-$L-2,,$T,
CSV
cat > outages.csv <<CSV
outage_id,account_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at,customers_affected,cause
$O,,North,internet,2026-10-05 00:00:00,2026-10-07 00:00:00,no,,,2,fibre cut
CSV
cat > billing.csv <<CSV
account_id,kind,posted_at,amount,currency,service,period_start,period_end,due_at,reference,description,area
ACC-1,charge,2026-10-01,31.00,USD,internet,2026-10-01,2026-10-31,2026-10-25,INV-1,October,North
ACC-2,charge,2026-10-01,31.00,USD,internet,2026-10-01,2026-10-31,2026-10-25,INV-2,October,North
CSV
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC
currency = USD
[guarantee effort]
promise = one call fixes it
source = test
kind = customer_effort
max_calls = 3
[guarantee credit]
promise = credit per outage day
source = test
kind = outage_credit
method = pro_rata
min_duration = 24h
[guarantee kpis]
promise = call-centre figures
source = test
kind = call_kpis
within = 20s
INI
ingest --calls calls.csv --outages outages.csv --billing billing.csv
expect_exit 0
run_ombud check -q --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 0
expect_sql "SELECT f.subject FROM figure_runs f JOIN results r ON r.id = f.result_id WHERE r.guarantee_id = 'effort'" "$T"
expect_sql "SELECT DISTINCT f.subject FROM figures f JOIN results r ON r.id = f.result_id WHERE r.guarantee_id = 'credit' AND f.subject LIKE 'OUT-%' ORDER BY 1" "$O/ACC-1
$O/ACC-2"
expect_sql "SELECT DISTINCT f.subject FROM figures f JOIN results r ON r.id = f.result_id WHERE r.guarantee_id = 'kpis' AND f.subject LIKE 'agent %' ORDER BY 1" "agent A-$L-1
agent A-$L-2"
run_ombud report -q --db "$DB" -o r.xlsx
expect_exit 0
expect_xlsx_xml r.xlsx
sheet=$(unzip -p r.xlsx xl/workbook.xml | grep -o '<sheet [^>]*>' | grep -n 'name="effort"' | cut -d: -f1)
x=$(unzip -p r.xlsx "xl/worksheets/sheet$sheet.xml")
n=$(printf '%s' "$x" | grep -o '<c r="K[0-9]*"[^>]*><is><t>TT-[^<]*</t>' | wc -l)
expect_eq "rows of the long ticket in the figures table" 1 "$n"
expect_true "its row holds the whole id and its 2 calls" \
    sh -c 'printf "%s" "$1" | grep -q "<c r=\"K6\"[^>]*><is><t>$2</t></is></c><c r=\"L6\"[^>]*><v>2</v>"' - "$x" "$T"
run_ombud report -q --db "$DB" -o r.pdf
expect_exit 0
expect_stderr_lacks "Invalid UTF-8"
expect_stderr_lacks "Pango"
