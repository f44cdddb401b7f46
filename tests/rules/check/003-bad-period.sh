# check: a bad --period is a usage error (exit 64) that names the period,
# and writes no findings.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
K1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:20,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee live]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech_support
max_wait = 10m
INI

ingest UTC --calls calls.csv
for p in 2026-13 2026-00 2026-Q5 2026-Q0 2026-10-32 2026-02-30 \
         2026-10-31..2026-10-01 2026-10-01..2026-13-01 2026-10-01.. \
         ..2026-10-31 oct-2026 26-10 2026-10x 1899 ''; do
    check --period "$p"
    expect_exit 64
    expect_stderr_has "period '$p'"
done
expect_sql "SELECT count(*) FROM checks" 0
expect_sql "SELECT count(*) FROM results" 0

# --guarantees is required: a usage error.
run_ombud check --db "$DB" --period 2026-10
expect_exit 64

# No period anywhere and an empty store: refused, saying both.
run_ombud check --db empty.db --guarantees "$G"
expect_exit 64
expect_stderr_has "no period given, and the store holds no data"
