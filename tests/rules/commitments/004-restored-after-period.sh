# commitments: a ticket restored only after the period is measured to the
# period's end, and a promise kept before it was even due is kept.
#
# Zone America/Los_Angeles.
#
# outages.csv
# line ticket  started          restored
#  2   L1      10-30 08:00      11-03 00:00 (after the period)
#  3   L2      10-10 08:00      10-10 09:00
#
# calls.csv
# line call ticket promised         verdict in 2026-10
#  2   C1   L1     10-31 12:00      broken: late to the period end
#                                   11-01 00:00 PDT = 12 h = 43200 s
#  3   C2   L2     10-12 12:00      kept (restored two days early)
#  4   C3   L1     10-31 23:59:59   broken: 1 s to the period end
#
# subjects 3, kept 1, breaches C1 (43200) and C3 (1), in promise order.
# C1's detail names the real restoration (Tue 2026-11-03 00:00) and says
# its 12h of lateness were counted to the end of the period only (issue
# 23: a clipped lateness is said to be clipped).
# November has no promise: subjects 0, measured 0, target 0, NO DATA.

cat > outages.csv <<'CSV'
outage_id,account_id,started_at,restored_at
L1,ACC-1,2026-10-30 08:00:00,2026-11-03 00:00:00
L2,ACC-2,2026-10-10 08:00:00,2026-10-10 09:00:00
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,ticket_id,promised_restore_at
C1,repair,2026-10-30 09:00:00,2026-10-30 09:01:00,2026-10-30 09:10:00,answered,A-1,L1,2026-10-31 12:00:00
C2,repair,2026-10-10 08:10:00,2026-10-10 08:11:00,2026-10-10 08:20:00,answered,A-2,L2,2026-10-12 12:00:00
C3,repair,2026-10-30 10:00:00,2026-10-30 10:01:00,2026-10-30 10:10:00,answered,A-3,L1,2026-10-31 23:59:59
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee promises]
promise = We'll have you back up by the time we give you
source = customer pledge
kind = commitments
grace = 0s
INI

ingest "$LA" --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result promises "FAIL|1|3|count|3|2"
expect_sql "SELECT detail FROM breaches WHERE result_id = $(rid promises)
            AND subject = 'C1'" \
    "on call C1 (Fri 2026-10-30 09:00, agent A-1) restoration of L1 was promised by Sat 2026-10-31 12:00; restored Tue 2026-11-03 00:00, after the period: 12 h late at the end of the period (lateness counted to the end of the period only)"
expect_breaches promises "C1|43200|0|43200
C3|1|0|1"
expect_evidence promises C1 "calls.csv:2 outages.csv:2"
expect_evidence promises C3 "calls.csv:4 outages.csv:2"

check --period 2026-11
expect_exit 2
expect_stderr_has "data quality: promises: no data"
expect_result promises "NO DATA|0|0|count|0|0"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid promises)" \
    "0 of 0 promised restoration times kept"
