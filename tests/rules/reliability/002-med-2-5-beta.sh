# Major event days by the 2.5 beta method, from a written-down history.
#
# Zone UTC, period 2026-01, med_history = 1: the window is 2025-01-01 to
# 2025-12-31 (365 days). One area A, 100 customers served.
#
# History (customers x minutes -> daily SAIDI = CMI / 100):
#   2024-12-31 100 x 600 = 60000 -> 600 min: before the window, left out
#   2025-02-03 10 x 10 = 100 -> 1 min        ln 1 = 0
#   2025-05-04 10 x 10 = 100 -> 1 min        ln 1 = 0
#   2025-08-05 10 x 40 = 400 -> 4 min        ln 4 = 1.386294
#   2025-11-06 10 x 40 = 400 -> 4 min        ln 4 = 1.386294
#   2025-11-07 50 x 3 min: momentary, not in daily SAIDI
#   every other day: no interruption, left out of the statistics.
# n = 4; alpha = (0 + 0 + 2 ln 4) / 4 = ln 2 = 0.693147;
# deviations -ln 2, -ln 2, +ln 2, +ln 2; beta (sample, n - 1 = 3) =
# sqrt(4 (ln 2)^2 / 3) = ln 2 x 1.154701 = 0.800377;
# T_MED = exp(0.693147 + 2.5 x 0.800377) = exp(2.694089) = 14.7921 min
#   -> stored 14792 thousandths.
#
# Period: 01-05 10 x 100 min = 1000 -> 10 min (not a MED);
#         01-12 100 x 15 min = 1500 -> 15 min > 14.79: a MED;
#         01-20 20 x 30 min = 600 -> 6 min.
# All days: CI 130, CMI 3100: SAIFI 1.300, SAIDI 31.000, CAIDI 23.846.
# Without the MED: CI 30, CMI 1600: SAIFI 0.300, SAIDI 16.000,
#   CAIDI 53.333.
# saidi_max = 20m: all days would fail (31 > 20); judged without MEDs
# (the default) 16 <= 20: PASS. With meds = include: FAIL by 11 min.

cat > customers.csv <<'CSV'
area,customers_served
A,100
CSV
cat > outages.csv <<'CSV'
outage_id,area,started_at,restored_at,customers_affected
H0,A,2024-12-31 10:00,2024-12-31 20:00,100
H1,A,2025-02-03 10:00,2025-02-03 10:10,10
H2,A,2025-05-04 10:00,2025-05-04 10:10,10
H3,A,2025-08-05 10:00,2025-08-05 10:40,10
H4,A,2025-11-06 10:00,2025-11-06 10:40,10
H5,A,2025-11-07 10:00,2025-11-07 10:03,50
P1,A,2026-01-05 10:00,2026-01-05 11:40,10
P2,A,2026-01-12 10:00,2026-01-12 10:15,100
P3,A,2026-01-20 10:00,2026-01-20 10:30,20
CSV
cat > "$G" <<'INI'
[filing]
carrier = Example Electric
commission = K
timezone = UTC

[guarantee rel]
promise = reliable supply
source = tariff
kind = reliability
saidi_max = 20m
med_history = 1
INI

ingest UTC --outages outages.csv --customers customers.csv
check --period 2026-01
expect_exit 0
expect_result rel "PASS|16000|20000|milli|1|0"
expect_sql "SELECT subject, name, value FROM figures WHERE result_id = $(rid rel)
            AND name IN ('alpha', 'beta', 't_med', 'med_saidi') ORDER BY run, k" \
"2026-01-12|med_saidi|15000
system|alpha|693147
system|beta|800377
system|t_med|14792"
expect_sql "SELECT subject, name, value FROM figures WHERE result_id = $(rid rel)
            AND subject IN ('system', 'system excl. MEDs')
            AND name IN ('saifi', 'saidi', 'caidi') ORDER BY run, k" \
"system|saifi|1300
system|saidi|31000
system|caidi|23846
system excl. MEDs|saifi|300
system excl. MEDs|saidi|16000
system excl. MEDs|caidi|53333"
expect_sql "SELECT method LIKE '%2025-01-01 to 2025-12-31 (365 days; interruptions from 2025-02-03 on, 4 days with interruptions used%'
            AND method LIKE '%alpha = 0.6931, beta = 0.8004 (sample)%'
            AND method LIKE '%= 14.79 min per day.%'
            AND method LIKE '%Major event days: 2026-01-12 (15.00 min > 14.79).%'
            AND measured_text LIKE '%(without 1 major event day)'
            FROM results WHERE id = $(rid rel)" "1"

# The same days judged with the MED: 31.000 > 20.000 by 11.000.
printf 'meds = include\n' >> "$G"
check --period 2026-01
expect_result rel "FAIL|31000|20000|milli|1|1"
expect_breaches rel "system SAIDI|31000|20000|11000"

# T_MED given by the guarantees file: 12 min; 01-12 (15) is above it,
# 01-05 (10) is not.
sed -i 's/^meds = include/t_med = 12m/' "$G"
check --period 2026-01
expect_sql "SELECT subject, value FROM figures WHERE result_id = $(rid rel)
            AND name IN ('med_saidi', 't_med') ORDER BY run, k" \
"2026-01-12|15000
system|12000"
expect_sql "SELECT method LIKE '%T_MED = 12.00 min per day, given by the guarantees file (t_med).%'
            FROM results WHERE id = $(rid rel)" "1"

# Too little history: the period 2025-02 has the window 2024-02-01 to
# 2025-01-31 (366 days, a leap year), which holds only H0 (2024-12-31):
# 1 day, no T_MED, no MED; the method says so. H1 (2025-02-03, 1 min)
# is the period's: SAIDI 1.000 min.
sed -i '/^t_med/d' "$G"
check --period 2025-02
expect_result rel "PASS|1000|20000|milli|1|0"
expect_sql "SELECT method LIKE '%History 2024-02-01 to 2025-01-31 (366 days): 1 days with interruptions, fewer than the 2 the 2.5 beta method needs%'
            FROM results WHERE id = $(rid rel)" "1"

# No customers served: NO DATA, never PASS.
cat > c0.csv <<'CSV'
area,customers_served
B,0
CSV
rm -f "$DB"
ingest UTC --outages outages.csv --customers c0.csv
check --period 2026-01
expect_sql "SELECT status FROM results WHERE id = $(rid rel)" "NO DATA"
