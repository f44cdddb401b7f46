# check -q: "print errors only" (ombud help check), so no summary on
# stdout; the findings are still written.
#
# One closed tech_support leg: live FAILs with 1 breach.

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
check --period 2026-10 -q
expect_exit 0
expect_result live "FAIL|0|10000|bp|1|1"
expect_eq "stdout of check -q" "" "$(cat "$OUT")"
