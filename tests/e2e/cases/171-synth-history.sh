# ombud synth --history-years (issue 27): an electric utility's
# interruption history for the 2.5 beta method. Options and refusals,
# determinism, the documented row counts, and a check of the month with
# the Pennsylvania template finding the storm planted on the 14th.
#
# Worked by hand:
# - 20,000 rows asked for: outages.csv is exactly 20,000 data lines;
#   customers.csv 8 areas x (5 + 1) yearly counts = 48 data lines, as of
#   2021-10-01 ... 2026-10-01.
# - The history window of med_history = 5 before 2026-10: 2021-10-01 to
#   2026-09-30, 5 x 365 days + 2024-02-29 = 1,826 days.
# - The planted storm: one row per area on 2026-10-14, customers_affected
#   = that area's count as of 2026-10-01, 20 h or more. The system then
#   served the sum of those counts, all of them out 20 h = 1,200 min or
#   more: the day's SAIDI is at least 1,200 min.
# - T_MED is computed below by an awk of its own from the two files
#   (daily SAIDI of the history's sustained rows, over 299 s as the
#   template's sustained_over = 4m59s says, each day over the customers
#   served that day; mean and sample deviation of the logs); it is below
#   1,200 min, so the 14th must be a major event day, and ombud's T_MED
#   must be the same to the hundredth (its figure is in thousandths).

# ---- options and refusals ---------------------------------------------------------

run_ombud help synth
expect_exit 0
expect_stdout_has "--history-years Y"
run_ombud synth --rows 1000 --out x --history-years 0
expect_exit 64
expect_stderr_has "--history-years must be a whole number from 1 to 20, got 0"
run_ombud synth --rows 1000 --out x --history-years 21
expect_exit 64
run_ombud synth --rows 1000 --out x --history-years five
expect_exit 64
run_ombud synth --rows 1000 --out x --history-years 5 --month 1904-01
expect_exit 64
run_ombud synth --rows 1000 --out x --history-years 5 --format asterisk-queue-log
expect_exit 64
expect_stderr_has "--history-years writes no call legs"
expect_no_file x

# ---- determinism and counts -----------------------------------------------------------

NY=America/New_York
run_ombud synth --rows 20000 --history-years 5 --tz $NY --out a
expect_exit 0
expect_stderr_has "a: 20000 interruptions over 5 years and 2026-10 (outages.csv), 48 customers.csv rows"
run_ombud synth -q --rows 20000 --history-years 5 --tz $NY --out b
run_ombud synth -q --rows 20000 --history-years 5 --tz $NY --out c --seed 2
for f in outages.csv customers.csv; do
    expect_true "same seed, same $f" cmp -s "a/$f" "b/$f"
done
expect_true "seed 2 changes outages.csv" sh -c '! cmp -s a/outages.csv c/outages.csv'
expect_eq "only the two files" "customers.csv outages.csv" "$(ls a | tr '\n' ' ' | sed 's/ $//')"
expect_eq "outages.csv lines" 20001 "$(wc -l < a/outages.csv | tr -d ' ')"
expect_eq "customers.csv lines" 49 "$(wc -l < a/customers.csv | tr -d ' ')"
expect_eq "outages.csv header" "outage_id,area,started_at,restored_at,customers_affected,cause" \
    "$(head -1 a/outages.csv)"
expect_eq "as_of dates" "2021-10-01 2022-10-01 2023-10-01 2024-10-01 2025-10-01 2026-10-01" \
    "$(tail -n +2 a/customers.csv | cut -d, -f3 | sort -u | tr '\n' ' ' | sed 's/ $//')"
# counts grow every year in every area
expect_eq "counts grow" "" "$(tail -n +2 a/customers.csv | sort -t, -k1,1 -k3,3 | awk -F, '
    $1 == a && $2 + 0 <= n + 0 { print $1, $3 } { a = $1; n = $2 }')"

# epoch(T): seconds of "YYYY-MM-DDTHH:MM:SS+hh:mm" (days from civil, by hand)
EPOCH='function epoch(s,   y, m, d, era, yoe, doy, doe, off) {
    y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
    if (m <= 2) y--
    era = int(y / 400); yoe = y - era * 400
    doy = int((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    off = (substr(s, 21, 2) * 3600 + substr(s, 24, 2) * 60) * (substr(s, 20, 1) == "-" ? -1 : 1)
    return (era * 146097 + doe - 719468) * 86400 + substr(s, 12, 2) * 3600 \
        + substr(s, 15, 2) * 60 + substr(s, 18, 2) - off }'

expect_eq "every start from 2021-10-01 to 2026-10-31" "" "$(tail -n +2 a/outages.csv |
    awk -F, '{ d = substr($3, 1, 10) } d < "2021-10-01" || d > "2026-10-31" { print; exit }')"
# 13 % of the drawn rows (5 % on storm days) are momentary, under 5 min
mom=$(tail -n +2 a/outages.csv | awk -F, "$EPOCH"'
    { s = epoch($4) - epoch($3); if (s < 5) bad++; if (s <= 299) n++ }
    END { print (bad ? "bad" : n + 0) }')
expect_true "momentary rows: 8-15 % (got $mom)" test "$mom" -ge 1600 -a "$mom" -le 3000
# storms: about 6 days in 1,000 of the 1,826 (11), and the planted one
expect_true "storm days in the history" test "$(awk -F, '$6 == "storm" &&
    $3 < "2026-10" { print substr($3, 1, 10) }' a/outages.csv | sort -u | wc -l)" -ge 3

# ---- the planted storm ------------------------------------------------------------------

planted=$(awk -F, "$EPOCH"'
    NR == FNR { if ($3 == "2026-10-01") n[$1] = $2; next }
    FNR > 1 && substr($3, 1, 10) == "2026-10-14" && $5 == n[$2] &&
    epoch($4) - epoch($3) >= 72000 { print $2 }' a/customers.csv a/outages.csv | sort -u | wc -l)
expect_eq "a whole-area row of 20 h or more in each of the 8 areas on the 14th" 8 "$planted"

# ---- T_MED, worked out apart from ombud -------------------------------------------------

tmed=$(awk -F, "$EPOCH"'
    NR == FNR { if (FNR > 1) { k++; ar[k] = $1; cnt[k] = $2; asof[k] = $3 }; next }
    FNR > 1 && $3 < "2026-10" { s = epoch($4) - epoch($3)
        if (s > 299) cs[substr($3, 1, 10)] += $5 * s }
    END {
        for (day in cs) {
            # the count of each area in effect: its latest as_of not after the day
            delete best; served = 0
            for (i = 1; i <= k; i++)
                if (asof[i] <= day && asof[i] >= best[ar[i]]) { best[ar[i]] = asof[i]; v[ar[i]] = cnt[i] }
            for (a in best) served += v[a]
            l[++n] = log(cs[day] / 60 / served); sum += l[n]
        }
        al = sum / n
        for (i = 1; i <= n; i++) sq += (l[i] - al) ^ 2
        printf "%.2f\n", exp(al + 2.5 * sqrt(sq / (n - 1)))
    }' a/customers.csv a/outages.csv)
expect_true "T_MED ($tmed min) below the planted storm's 1,200 min" \
    awk -v t="$tmed" 'BEGIN { exit !(t > 0 && t < 1200) }'

# ---- the check ----------------------------------------------------------------------------

sed 's/; PLACEHOLDER.*$//' "$E2E_ROOT/templates/guarantees/pa-reliability.ini" > g.ini
run_ombud ingest --db "$DB" --guarantees g.ini --outages a/outages.csv \
    --customers a/customers.csv
expect_exit 0
expect_stderr_has "outages.csv: 20000 read, 20000 stored, 0 rejected"
expect_stderr_has "customers.csv: 48 read, 48 stored, 0 rejected"
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_stdout_has "major event day"
expect_sql "SELECT method LIKE '%2.5 beta method over 2021-10-01 to 2026-09-30 (1,826 days;%'
            FROM results" "1"
expect_sql "SELECT count(*) FROM figures WHERE name = 'med_saidi'
            AND subject = '2026-10-14' AND value >= 1200000" "1"
got=$(sql "SELECT value FROM figures WHERE name = 't_med'")
expect_true "ombud's T_MED ($got thousandths) is $tmed min to the hundredth" \
    awk -v g="$got" -v t="$tmed" 'BEGIN { d = g / 1000 - t; exit !(g != "" && d <= 0.006 && d >= -0.006) }'
