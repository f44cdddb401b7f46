# restoration: the target share is compared exactly, not after rounding
# the measured share to basis points.
#
# Zone UTC; within = 24h. Three outages, two in time:
# line 2 A 1 h, line 3 B 1 h, line 4 C 25 h (late).
# In time: 2 of 3 = 66.666...%, shown as 6667 bp (66.67%).
#
# two-thirds (target 66.66% = 6666 bp): 66.666...% >= 66.66% -> PASS.
# strict     (target 66.67% = 6667 bp): 66.666...% <  66.67% -> FAIL
#            (rule_restoration.c: the guarantee holds "when at least that
#            share of outages was restored in time"; 2 of 3 is less than
#            66.67% of 3 = 2.0001).

cat > outages.csv <<'CSV'
outage_id,started_at,restored_at
A,2026-10-01 00:00:00,2026-10-01 01:00:00
B,2026-10-02 00:00:00,2026-10-02 01:00:00
C,2026-10-03 00:00:00,2026-10-04 01:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee two-thirds]
promise = Two in three faults fixed within 24 hours
source = service standards
kind = restoration
within = 24h
target = 66.66%

[guarantee strict]
promise = 66.67% of faults fixed within 24 hours
source = service standards
kind = restoration
within = 24h
target = 66.67%
INI

ingest UTC --outages outages.csv
check --period 2026-10
expect_exit 0
expect_sql "SELECT status FROM results WHERE id = $(rid two-thirds)" PASS
expect_sql "SELECT status FROM results WHERE id = $(rid strict)" FAIL
