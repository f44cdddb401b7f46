# commitments: a promise is kept when the ticket was restored at or before
# the promised time (grace defaults to 0s); an open ticket is late until the
# end of the period; a promise about an unknown ticket is only counted.
#
# Zone America/Los_Angeles (PDT in October, PST from 11-01 02:00).
#
# outages.csv
# line ticket  started          restored
#  2   T1      10-05 08:00      10-05 17:59:59
#  3   T2      10-05 08:00      10-05 18:00:00
#  4   T3      10-05 08:00      10-05 18:00:01
#  5   T4      10-19 08:00      (still open)
#
# calls.csv (each a repair leg a person answered, with a promise)
# line call  ticket   promised            verdict (period 2026-10)
#  2   P1    T1       10-05 18:00:00      kept (restored 1 s before)
#  3   P2    T2       10-05 18:00:00      kept (restored exactly then)
#  4   P3    T3       10-05 18:00:00      broken: 1 s late, shortfall 1
#  5   P4    T-NOPE   10-06 12:00:00      unknown ticket: counted apart
#  6   P5    T4       10-20 12:00:00      broken: open, late until the period
#                                         end 11-01 00:00 = 11 d 12 h =
#                                         993600 s
#  7   P6    T4       11-02 12:00:00      not in October (promised time is
#                                         what places a promise in a period)
#
# October: subjects 4 (P1 P2 P3 P5), kept 2 -> measured 2, target 4
# (unit count); breaches P3, P5 in promise order, limit 0 (unit late: shown "on time"). FAIL.
# measured_text: "2 of 4 promised restoration times kept; 1 more name
# unknown tickets". Evidence of each breach: the promise's call leg line and
# the ticket's outage line. P3's breach is at its promised time
# (10-05 18:00 PDT = 10-06 01:00 UTC).
#
# November: only P6; T4 still open: late from 11-02 12:00 PST to the period
# end 12-01 00:00 PST = 28 d 12 h = 28.5 * 86400 = 2462400 s.
# subjects 1, kept 0.

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at
T1,ACC-1,North,voice,2026-10-05 08:00:00,2026-10-05 17:59:59
T2,ACC-2,North,voice,2026-10-05 08:00:00,2026-10-05 18:00:00
T3,ACC-3,North,voice,2026-10-05 08:00:00,2026-10-05 18:00:01
T4,ACC-4,North,voice,2026-10-19 08:00:00,
CSV

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,ticket_id,promised_restore_at
P1,repair,2026-10-05 09:00:00,2026-10-05 09:01:00,2026-10-05 09:10:00,answered,A-1,T1,2026-10-05 18:00:00
P2,repair,2026-10-05 09:20:00,2026-10-05 09:21:00,2026-10-05 09:30:00,answered,A-2,T2,2026-10-05 18:00:00
P3,repair,2026-10-05 09:40:00,2026-10-05 09:41:00,2026-10-05 09:50:00,answered,A-3,T3,2026-10-05 18:00:00
P4,repair,2026-10-05 10:00:00,2026-10-05 10:01:00,2026-10-05 10:10:00,answered,A-4,T-NOPE,2026-10-06 12:00:00
P5,repair,2026-10-19 09:00:00,2026-10-19 09:01:00,2026-10-19 09:10:00,answered,A-5,T4,2026-10-20 12:00:00
P6,repair,2026-10-30 09:00:00,2026-10-30 09:01:00,2026-10-30 09:10:00,answered,A-6,T4,2026-11-02 12:00:00
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
INI

expect_eq "P5's lateness" 993600 \
    $(( $(lt "$LA" '2026-11-01 00:00:00') - $(lt "$LA" '2026-10-20 12:00:00') ))
expect_eq "P6's lateness" 2462400 \
    $(( $(lt "$LA" '2026-12-01 00:00:00') - $(lt "$LA" '2026-11-02 12:00:00') ))

ingest "$LA" --outages outages.csv --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result promises "FAIL|2|4|count|4|2"
expect_breaches promises "P3|1|0|1
P5|993600|0|993600"
expect_evidence promises P3 "calls.csv:4 outages.csv:4"
expect_evidence promises P5 "calls.csv:6 outages.csv:5"
expect_sql "SELECT subject_kind, at, unit FROM breaches
            WHERE result_id = $(rid promises) AND subject = 'P3'" \
    "promise|$(utc '2026-10-06 01:00:00')|late"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'still open at the end of the period') > 0
            FROM breaches WHERE result_id = $(rid promises) AND subject = 'P5'" 1
expect_sql "SELECT measured_text FROM results WHERE id = $(rid promises)" \
    "2 of 4 promised restoration times kept; 1 more name unknown tickets"
expect_sql "SELECT target_text FROM results WHERE id = $(rid promises)" \
    "every promise kept"

check --period 2026-11
expect_exit 0
expect_result promises "FAIL|0|1|count|1|1"
expect_breaches promises "P6|2462400|0|2462400"
expect_evidence promises P6 "calls.csv:7 outages.csv:5"
