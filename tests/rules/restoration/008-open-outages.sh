# restoration: outages still open at the end of the period (issue 23).
# One whose deadline had passed by the period's end is a breach measured
# to that end; one whose deadline is still ahead is pending: counted apart
# (figure pending = 1), not in time and not late, out of the share.
#
# Zone America/Los_Angeles. Period 2026-10 = [10-01 00:00 PDT, 11-01 00:00
# PDT). within 24h; [share] target 50%, [every] no target.
#
# line id  started (local)   restored (local)   deadline      verdict
#  2   O1  10-10 08:00       10-10 20:00        10-11 08:00   12h, in time
#  3   O2  10-12 08:00       10-14 08:00        10-13 08:00   48h = 172800, late +86400
#  4   O3  10-31 06:00       (open)             11-01 06:00   open, deadline ahead: pending
#  5   O4  10-30 20:00       (open)             10-31 20:00   open, deadline passed: breach
#                                                             to 11-01 00:00 = 28h = 100800, +14400
#  6   O5  10-31 12:00       11-01 10:00        11-01 12:00   restored after the period,
#                                                             deadline ahead at its end: pending
#
# Judged: O1, O2, O4 = 3 subjects, 1 in time. [share] 1 of 3 = 33.33%
# (3333 bp) < 50%: FAIL. (Counting O3 and O5 as in time, as before, gave
# 3 of 5 = 60%: PASS.) [every]: FAIL, longest 172800. Breaches in start
# order: O2, O4. Measured text ends "; 3 still open at the end of the
# period: 1 past its deadline, 2 pending, not judged" (O4; O3, O5).
# O4's detail: out from Fri 2026-10-30 20:00 to Sun 2026-11-01 00:00,
# said to be still open at the end of the period, 28h against 24h, 4h over.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
O1,North,voice,2026-10-10 08:00:00,2026-10-10 20:00:00
O2,North,voice,2026-10-12 08:00:00,2026-10-14 08:00:00
O3,North,voice,2026-10-31 06:00:00,
O4,North,voice,2026-10-30 20:00:00,
O5,North,voice,2026-10-31 12:00:00,2026-11-01 10:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee share]
promise = Half of outages restored within 24 hours
source = terms of service
kind = restoration
within = 24h
target = 50%

[guarantee every]
promise = Service restored within 24 hours
source = terms of service
kind = restoration
within = 24h
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result share "FAIL|3333|5000|bp|3|2"
expect_result every "FAIL|172800|86400|s|3|2"
expect_breaches every "O2|172800|86400|86400
O4|100800|86400|14400"
expect_figures every O3 "pending=1"
expect_figures every O5 "pending=1"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid share)" \
    "1 of 3 outages restored within 24 h (33.33%); longest 48 h; 3 still open at the end of the period: 1 past its deadline, 2 pending, not judged"
expect_sql "SELECT detail FROM breaches WHERE result_id = $(rid every)
            AND subject = 'O4'" \
    "O4: out from Fri 2026-10-30 20:00 to Sun 2026-11-01 00:00 (still open at the end of the period): 28 h against 24 h, 4 h over"
