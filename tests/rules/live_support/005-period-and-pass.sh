# live_support: the period is local days of the filing zone, and a
# guarantee with no breach passes.
#
# Guarantee: tech_support, 24x7, max_wait = 10m; zone America/Los_Angeles.
# Period 2026-10 = [2026-10-01 00:00 PDT, 2026-11-01 00:00 PDT).
#
# line leg  local arrival         outcome           in period?  result
#  2   P1   2026-09-30 23:59:59   closed            no          -
#  3   P2   2026-10-01 00:00:00   answered 599 s    yes         live
#  4   P3   2026-10-31 23:59:59   answered 1 s      yes         live
#  5   P4   2026-11-01 00:00:00   closed            no          -
#  6   P5   2026-10-15 12:00:00   abandoned 30 s    yes         not counted
#
# subjects 2, live 2 -> 10000 bp, 0 breaches, PASS.
# In September the only leg is P1 (closed): subjects 1, 0 bp, FAIL.
# In a month with no legs (2026-12): subjects 0; a share of nothing is no
# share (-1, OMBUD_BP_NONE, printed "no data"), and nothing measured is
# NO DATA, never PASS.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
P1,tech_support,2026-09-30 23:59:59,,2026-10-01 00:00:30,closed
P2,tech_support,2026-10-01 00:00:00,2026-10-01 00:09:59,2026-10-01 00:15:00,answered
P3,tech_support,2026-10-31 23:59:59,2026-11-01 00:00:00,2026-11-01 00:05:00,answered
P4,tech_support,2026-11-01 00:00:00,,2026-11-01 00:00:30,closed
P5,tech_support,2026-10-15 12:00:00,,2026-10-15 12:00:30,abandoned
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee live]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech_support
max_wait = 10m
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result live "PASS|10000|10000|bp|2|0"
expect_sql "SELECT count(*) FROM breaches" 0
expect_stdout_line '^live +PASS +0 breaches$'
expect_stdout_last "0 of 1 guarantees breached"

check --period 2026-09
expect_exit 0
expect_result live "FAIL|0|10000|bp|1|1"
expect_breaches live "P1|1|600|600"
expect_evidence live P1 "calls.csv:2"

check --period 2026-12
expect_exit 2
expect_stderr_has "data quality: live: no data"
expect_result live "NO DATA|-1|10000|bp|0|0"
expect_stdout_line '^live +NO DATA +0 breaches$'
expect_stdout_has "measured: 0 of 0 calls reached a person within 10 min (no data)"
expect_stdout_last "1 not assessed: no data in the period"
