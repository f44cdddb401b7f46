# check: the summary on stdout names each guarantee with its status and
# breach count, and ends with "N of M guarantees breached"; failed
# guarantees do not change the exit status (0).
#
# Data (UTC): line 2 S1 tech_support answered after 30 s; line 3 S2 billing
# closed after 10 s.
#   ok-support  (tech_support, max_wait 1m): 1 of 1 live -> PASS, 0 breaches
#   billing     (billing, max_wait 1m): S2 closed -> FAIL, 1 breach
#   restore     (restoration within 24h, no outages) -> NO DATA, 0 breaches
# -> "1 of 3 guarantees breached", then "1 not assessed: no data in the
# period".

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
S1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:30,2026-10-05 10:05:00,answered
S2,billing,2026-10-05 11:00:00,,2026-10-05 11:00:10,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee ok-support]
promise = A person within a minute
source = brochure
kind = live_support
queues = tech_support
max_wait = 1m

[guarantee billing]
promise = Billing answers within a minute
source = brochure, page 3
kind = live_support
queues = billing
max_wait = 1m

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
INI

ingest UTC --calls calls.csv
check --period 2026-10
expect_exit 2
expect_stderr_has "data quality: restore: no data"
expect_stdout_has "Test Carrier, filed with: Test Commission"
expect_stdout_has "period 2026-10-01 to 2026-10-31 (UTC)"
expect_stdout_line '^ok-support +PASS +0 breaches$'
expect_stdout_line '^billing +FAIL +1 breach$'
expect_stdout_line '^restore +NO DATA +0 breaches$'
expect_stdout_has '  promise:  "Billing answers within a minute" (brochure, page 3)'
expect_stdout_has "  measured: 0 of 1 calls reached a person within 1 min (0.00%)"
expect_stdout_has "1 of 3 guarantees breached"
expect_stdout_last "1 not assessed: no data in the period"
expect_eq "summary lines" 1 "$(grep -c 'guarantees breached' "$OUT")"
expect_sql "SELECT guarantee_id, status FROM results ORDER BY seq" "ok-support|PASS
billing|FAIL
restore|NO DATA"
