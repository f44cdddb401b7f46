# Reports of a store edited by hand: values no import or check writes
# are refused with a message or shown without overflow, never a crash or
# undefined arithmetic (the ASan/UBSan pass runs this case too).
#   - a check whose period is out of the years ombud reads, or empty:
#     refused, exit 70, the check named;
#   - a months run of 99 months, and one of -1, in a quarter of 3: left
#     out of the table's runs;
#   - series keys at int64's ends (a day of the daily level, a minute of
#     the KPI slots): shown at the range's ends.
S=$E2E_ROOT/samples/months-quarter
run_ombud run -q --guarantees "$S/guarantees.ini" --outages "$S/outages.csv" \
    --calls "$S/calls.csv" --period 2026-Q4 --out q
expect_exit 0
run_ombud run -q --guarantees "$E2E_ROOT/samples/call-centre/call-kpis.ini" \
    --calls "$FOUNDING/calls.csv" --period 2026-10 --out k
expect_exit 0
altered() { # STORE SQL: a copy of STORE, SQL applied, as a.db
    rm -f a.db a.db-wal a.db-shm
    cp "$1" a.db
    sqlite3 a.db "$2"
}
reports() { # EXIT: both reports of a.db exit so
    for f in r.xlsx r.pdf; do
        rm -f "$f"
        run_ombud report -q --db a.db -o "$f"
        expect_exit "$1"
    done
}
for sql in "UPDATE checks SET period_start = -9223372036854775808" \
           "UPDATE checks SET period_start = 9223372036854775000, period_end = 9223372036854775807" \
           "UPDATE checks SET period_end = period_start"; do
    altered q/evidence.db "$sql"
    reports 70
    expect_stderr_has "check #1 in the store has a period no check writes"
    expect_stderr_has "the store was altered"
done
altered q/evidence.db "UPDATE figure_runs SET value = 99 WHERE name = 'month.run'"
reports 0
altered q/evidence.db "UPDATE figure_runs SET value = -1 WHERE name = 'month.run'"
reports 0
altered q/evidence.db "UPDATE series SET k = 9223372036854775807"
reports 0
altered q/evidence.db "UPDATE series SET k = -9223372036854775808"
reports 0
altered k/evidence.db "UPDATE series SET k = 9223372036854775807"
reports 0
altered k/evidence.db "UPDATE series SET k = -9223372036854775808"
reports 0
