# The new inputs and keys refuse words they do not know, with file:line:col.
#
# outages.csv: line 3's exclusion "storm" and line 4's location_class
# "suburban" are rejected; appointments.csv: line 3 kind "fix", line 4 a
# window ending before it starts, line 5 cancelled_at without cancelled_by;
# orders.csv: line 3 promised before it was ordered, line 4
# customer_requested_later "maybe". read = stored + rejected everywhere.

cat > outages.csv <<'CSV'
outage_id,started_at,exclusion,location_class
X1,2026-10-01 10:00,catastrophic,urban
X2,2026-10-01 10:00,storm,
X3,2026-10-01 10:00,,suburban
CSV
cat > appointments.csv <<'CSV'
appointment_id,kind,window_start,window_end,cancelled_at,cancelled_by
A1,repair,2026-10-05 08:00,2026-10-05 13:00,,
A2,fix,2026-10-05 08:00,2026-10-05 13:00,,
A3,repair,2026-10-05 08:00,2026-10-05 07:00,,
A4,repair,2026-10-05 08:00,2026-10-05 13:00,2026-10-04 08:00,
CSV
cat > orders.csv <<'CSV'
order_id,ordered_at,promised_at,customer_requested_later
O1,2026-10-01 10:00,2026-10-05,no
O2,2026-10-01 10:00,2026-09-30,no
O3,2026-10-01 10:00,2026-10-05,maybe
CSV

run_ombud ingest --db "$DB" --tz UTC --outages outages.csv \
    --appointments appointments.csv --orders orders.csv
expect_exit 0
expect_stderr_line "outages.csv:3:3: error:" "expected one of: catastrophic, force_majeure"
expect_stderr_line "outages.csv:4:4: error:" "expected one of: urban, major_rural"
expect_stderr_line "appointments.csv:3:2: error:" "expected one of: repair, install"
expect_stderr_line "appointments.csv:4:4: error:" "window ends before it starts"
expect_stderr_line "appointments.csv:5:6: error:" "required when cancelled_at"
expect_stderr_line "orders.csv:3:3: error:" "promised before it was ordered"
expect_stderr_line "orders.csv:4:4: error:" "expected yes or no"
expect_sql "SELECT kind, rows_read, rows_stored, rows_rejected FROM sources ORDER BY id" \
    "outages|3|1|2
appointments|4|1|3
orders|3|1|2"

# guarantees: unknown exclusion word, unknown class, a rate with no lines
cat > "$G" <<'INI'
[filing]
carrier = C
commission = K

[guarantee r]
promise = p
source = s
kind = restoration
by_class = urban: 1, suburban: 2
exclude = storm

[guarantee t]
promise = p
source = s
kind = trouble_rate
max_per_100 = 5.5

[guarantee p]
promise = p
source = s
kind = provisioning
by_class = urban 5
INI
check --period 2026-10
expect_exit 65
expect_stderr_has "exclude: expected exclusion words"
expect_stderr_has "lines: give either lines or lines_by_area"
expect_stderr_has "by_class: expected word: number pairs"
