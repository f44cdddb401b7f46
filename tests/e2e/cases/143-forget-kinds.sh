# ombud forget removes the rows of every kind of source and nothing of the
# others: appointments, orders, the accounts map and a queue_log's legs.
# A corrected orders file and accounts map get the re-import warning too.
# (samples/asterisk: accounts.csv maps 8 numbers; queue_log gives 13 legs
# from 29 of its 36 lines, see case 100.)

A=$SAMPLES/asterisk
cp "$A/accounts.csv" "$A/queue_log" .
cat > appointments.csv <<'CSV'
appointment_id,account_id,window_start,window_end,arrived_at
AP-1,ACC-1,2026-10-05T08:00:00Z,2026-10-05T12:00:00Z,2026-10-05T09:00:00Z
AP-2,ACC-2,2026-10-06T08:00:00Z,2026-10-06T12:00:00Z,
CSV
cat > orders.csv <<'CSV'
order_id,account_id,ordered_at,promised_at,completed_at
OR-1,ACC-1,2026-10-01T08:00:00Z,2026-10-08,2026-10-07T10:00:00Z
OR-2,ACC-2,2026-10-01T08:00:00Z,2026-10-08,
OR-3,ACC-3,2026-10-02T08:00:00Z,2026-10-09,
CSV
ingest --accounts accounts.csv --calls queue_log --appointments appointments.csv \
    --orders orders.csv
expect_exit 0
expect_sql "SELECT id || ':' || kind FROM sources ORDER BY id" "1:accounts
2:queue_log
3:appointments
4:orders"
expect_sql "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM call_legs),
            (SELECT count(*) FROM appointments), (SELECT count(*) FROM orders)" "8|13|2|3"

# A corrected orders file: OR-2 was completed after all. OR-1 and OR-3 are
# unchanged and collide with the stored ones; OR-2 too (same order_id).
mkdir fix
sed 's/^OR-2,ACC-2,2026-10-01T08:00:00Z,2026-10-08,$/OR-2,ACC-2,2026-10-01T08:00:00Z,2026-10-08,2026-10-08T10:00:00Z/' \
    orders.csv > fix/orders.csv
sed 's/^5550102,ACC-1002$/5550102,ACC-1009/' accounts.csv > fix/accounts.csv
ingest --orders fix/orders.csv --accounts fix/accounts.csv
expect_exit 0
expect_stderr_has "fix/orders.csv: warning: differs from the orders.csv already stored (source 4): 3 of 3 rows rejected as duplicates of it; use a new store, or 'ombud forget 4' and import again"
expect_stderr_has "fix/accounts.csv: warning: differs from the accounts.csv already stored (source 1): 8 of 8 rows rejected as duplicates of it; use a new store, or 'ombud forget 1' and import again"

# Forget the old orders: the others keep every row.
run_ombud forget --db "$DB" 4
expect_exit 0
expect_stdout_has "forgot orders.csv (source 4, orders,"
expect_stdout_has "): 3 rows, 0 rejects"
expect_sql "SELECT (SELECT count(*) FROM accounts), (SELECT count(*) FROM call_legs),
            (SELECT count(*) FROM appointments), (SELECT count(*) FROM orders)" "8|13|2|0"

# The accounts map: its rows go, the legs built with it keep the account
# they were given when imported.
run_ombud forget --db "$DB" 1
expect_exit 0
expect_stdout_has "forgot accounts.csv (source 1, accounts,"
expect_stdout_has "): 8 rows, 0 rejects"
expect_sql "SELECT count(*) FROM accounts WHERE source_id = 1" 0
# (13 legs, of which calls 4, 6 and 12 had no number in the map: 10.)
expect_sql "SELECT count(*) FROM call_legs WHERE account_id IS NOT NULL" 10

# The queue_log: its 13 legs (29 lines) go.
run_ombud forget --db "$DB" queue_log
expect_exit 0
expect_stdout_has "forgot queue_log (source 2, queue_log,"
expect_stdout_has "): 13 rows, 0 rejects"
expect_sql "SELECT count(*) FROM call_legs" 0
run_ombud forget --db "$DB" appointments.csv
expect_exit 0
expect_stdout_has "): 2 rows, 0 rejects"

# What is left: the two corrected files, with their rejects.
expect_sql "SELECT path FROM sources ORDER BY id" "fix/accounts.csv
fix/orders.csv"
expect_sql "SELECT count(*) FROM orders" 0
expect_sql "SELECT count(*) FROM rejects" 11
run_ombud forget --db "$DB" fix/orders.csv fix/accounts.csv
expect_exit 0
expect_sql "SELECT (SELECT count(*) FROM sources) + (SELECT count(*) FROM rejects)" 0
ingest --orders fix/orders.csv
expect_counts fix/orders.csv 3 3 0
expect_sql "SELECT completed_at IS NOT NULL FROM orders WHERE order_id = 'OR-2'" 1
expect_sql "PRAGMA integrity_check" ok
expect_sql "PRAGMA foreign_key_check" ""
expect_accounting
