# commitments: a promise whose grace runs past the end of the period, on a
# ticket restored after the grace, is broken.
#
# Zone UTC; grace = 30m; period 2026-10 = [10-01 00:00, 11-01 00:00).
#
# outages.csv
# line ticket  started          restored
#  2   X1      10-31 20:00      11-01 01:00
#  3   X2      10-31 20:00      (still open)
#
# calls.csv
# line call  ticket  promised          due (promised + grace)
#  2   K1    X1      10-31 23:50       11-01 00:20
#  3   K2    X2      10-31 23:50       11-01 00:20
#
# K1: rule_commitments.c: "kept when the outage was restored at or before
#     the promised time (plus grace)". X1 was restored at 01:00, 40 min
#     after the due time: not kept.
# K2: "A ticket still open once the promised time has passed breaks the
#     promise": X2 is still open, and the promised time (23:50) passed
#     before the period ended: not kept.
# Both promise times lie in October, so October is the only period that
# judges them: subjects 2, kept 0, two breaches -> FAIL|0|2|count|2|2.
# (How late each is counted - to the period end or beyond - is not
# asserted here.)

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,restored_at
X1,ACC-1,2026-10-31 20:00:00,2026-11-01 01:00:00
X2,ACC-2,2026-10-31 20:00:00,
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,ticket_id,promised_restore_at
K1,repair,2026-10-31 20:10:00,2026-10-31 20:11:00,2026-10-31 20:20:00,answered,A-1,X1,2026-10-31 23:50:00
K2,repair,2026-10-31 20:30:00,2026-10-31 20:31:00,2026-10-31 20:40:00,answered,A-2,X2,2026-10-31 23:50:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee promises]
promise = Back up by the time we give you, give or take half an hour
source = customer pledge
kind = commitments
grace = 30m
INI

ingest UTC --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result promises "FAIL|0|2|count|2|2"
expect_sql "SELECT group_concat(subject, ' ') FROM breaches
            WHERE result_id = $(rid promises)" "K1 K2"
check --period 2026-11
expect_exit 2
expect_stderr_has "data quality: promises: no data"
expect_sql "SELECT subjects FROM results WHERE id = $(rid promises)" 0
