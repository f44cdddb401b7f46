# restoration: with `target`, the guarantee holds when that share of
# outages was restored in time; each late outage is still a breach.
#
# Zone UTC. within = 24h. Ten outages, one a day from 2026-10-01 00:00:
# O01..O09 last 1 h, O10 (line 11) lasts 25 h (90000 s, 3600 over).
# In time: 9 of 10 = 90.00% = 9000 bp.
#
# t90   (target 90%    = 9000 bp): 9000 >= 9000 -> PASS, with 1 breach (O10).
# t9001 (target 90.01% = 9001 bp): 9000 <  9001 -> FAIL, 1 breach.
# unit bp, measured 9000, subjects 10 for both.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
O01,North,voice,2026-10-01 00:00:00,2026-10-01 01:00:00
O02,North,voice,2026-10-02 00:00:00,2026-10-02 01:00:00
O03,North,voice,2026-10-03 00:00:00,2026-10-03 01:00:00
O04,North,voice,2026-10-04 00:00:00,2026-10-04 01:00:00
O05,North,voice,2026-10-05 00:00:00,2026-10-05 01:00:00
O06,North,voice,2026-10-06 00:00:00,2026-10-06 01:00:00
O07,North,voice,2026-10-07 00:00:00,2026-10-07 01:00:00
O08,North,voice,2026-10-08 00:00:00,2026-10-08 01:00:00
O09,North,voice,2026-10-09 00:00:00,2026-10-09 01:00:00
O10,North,voice,2026-10-10 00:00:00,2026-10-11 01:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee t90]
promise = 90% of faults fixed within 24 hours
source = service standards
kind = restoration
within = 24h
target = 90%

[guarantee t9001]
promise = 90.01% of faults fixed within 24 hours
source = service standards
kind = restoration
within = 24h
target = 90.01%
INI

ingest UTC --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result t90 "PASS|9000|9000|bp|10|1"
expect_breaches t90 "O10|90000|86400|3600"
expect_evidence t90 O10 "outages.csv:11"
expect_result t9001 "FAIL|9000|9001|bp|10|1"
expect_breaches t9001 "O10|90000|86400|3600"
expect_stdout_line '^t90 +PASS +1 breach$'
expect_stdout_line '^t9001 +FAIL +1 breach$'
expect_stdout_last "1 of 2 guarantees breached"
