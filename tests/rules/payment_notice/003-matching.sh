# payment_notice: which due date a notice is judged at. A notice refers to
# the charge with its reference, else to the account's most recent charge
# due before the notice; it is judged against the account's balance at
# that charge's due date: every charge due by the end of that day against
# every payment and credit posted by then, whatever they name.
#
# Zone America/Los_Angeles (PDT). grace 0s.
#
# line acct  kind     posted  amount due    ref     description
#  2   ACC-R charge   09-01   60.00  09-15  INV-R1
#  3   ACC-R payment  09-10   60.00         CHK-R1  for INV-R1
#  4   ACC-R charge   10-01   60.00  10-15  INV-R2
#  5   ACC-R notice   10-20                 INV-R1
#  6   ACC-D charge   09-01   60.00  09-15  INV-D1
#  7   ACC-D payment  09-14   60.00         CHK-D1
#  8   ACC-D charge   10-01   60.00  10-15  INV-D2
#  9   ACC-D payment  10-10   60.00         CHK-D2
# 10   ACC-D charge   10-18   60.00  10-30  INV-D3
# 11   ACC-D notice   10-21                 (none)
# 12   ACC-E charge   09-01   60.00  09-15  INV-E1
# 13   ACC-E payment  09-14   60.00         CHK-E1
# 14   ACC-E charge   10-01   60.00  10-15  INV-E2
# 15   ACC-E notice   10-21                 (none)
# 16   ACC-U charge   10-01   40.00  10-15  INV-U1
# 17   ACC-U payment  10-05   40.00         CHK-U1
# 18   ACC-U notice   10-21                 INV-U9  (no such invoice)
#
# ACC-D (notice 10-21, no reference): the most recent charge due before it
#   is INV-D2 (due 10-15; INV-D3 is due 10-30, after the notice). Charged
#   by the end of 10-15: D1 + D2 = 120.00 (lines 6, 8; not D3). Paid by
#   then: 60.00 + 60.00 = 120.00 (lines 7, 9) -> 120 >= 120 -> wrongful;
#   measured = INV-D2's 60.00, limit 0 unpaid, shortfall 60.00;
#   evidence lines 6, 7, 8, 9, 11. Subject "ACC-D 2026-10-21" (the notice
#   has no reference).
# ACC-E (same, without the October payment): charged 120.00, paid 60.00
#   -> rightful.
# ACC-R (notice 10-20 naming INV-R1): judged at INV-R1's due date 09-15,
#   not at INV-R2's: charged 60.00 (line 2), paid 60.00 on 09-10 (line 3)
#   -> wrongful; evidence lines 2, 3, 5. (At INV-R2's due date it would be
#   120.00 charged against 60.00 paid: rightful.)
# ACC-U (notice naming an unknown invoice): falls back to the most recent
#   charge due before it, INV-U1: 40.00 charged, 40.00 paid -> wrongful;
#   evidence lines 16, 17, 18. Subject "ACC-U 2026-10-21 INV-U9" (the
#   notice's own reference).
#
# 4 notices judged, 3 wrongful (in account order D, R, U): FAIL.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference,description
ACC-R,charge,2026-09-01,60.00,2026-09-15,INV-R1,September
ACC-R,payment,2026-09-10,60.00,,CHK-R1,for INV-R1
ACC-R,charge,2026-10-01,60.00,2026-10-15,INV-R2,October
ACC-R,notice,2026-10-20,60.00,,INV-R1,late payment notice
ACC-D,charge,2026-09-01,60.00,2026-09-15,INV-D1,September
ACC-D,payment,2026-09-14,60.00,,CHK-D1,cheque
ACC-D,charge,2026-10-01,60.00,2026-10-15,INV-D2,October
ACC-D,payment,2026-10-10,60.00,,CHK-D2,cheque
ACC-D,charge,2026-10-18,60.00,2026-10-30,INV-D3,November
ACC-D,notice,2026-10-21,60.00,,,late payment notice
ACC-E,charge,2026-09-01,60.00,2026-09-15,INV-E1,September
ACC-E,payment,2026-09-14,60.00,,CHK-E1,cheque
ACC-E,charge,2026-10-01,60.00,2026-10-15,INV-E2,October
ACC-E,notice,2026-10-21,60.00,,,late payment notice
ACC-U,charge,2026-10-01,40.00,2026-10-15,INV-U1,October
ACC-U,payment,2026-10-05,40.00,,CHK-U1,cheque
ACC-U,notice,2026-10-21,40.00,,INV-U9,late payment notice
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee notices]
promise = We never charge you late when you paid on time
source = billing terms
kind = payment_notice
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --billing billing.csv
check --period 2026-10
expect_exit 0
expect_result notices "FAIL|3|0|count|4|3"
expect_breaches notices "ACC-D 2026-10-21|6000|0|6000
ACC-R 2026-10-20 INV-R1|6000|0|6000
ACC-U 2026-10-21 INV-U9|4000|0|4000"
expect_evidence_each notices "ACC-D 2026-10-21 billing.csv:6 billing.csv:7 billing.csv:8 billing.csv:9 billing.csv:11
ACC-R 2026-10-20 INV-R1 billing.csv:2 billing.csv:3 billing.csv:5
ACC-U 2026-10-21 INV-U9 billing.csv:16 billing.csv:17 billing.csv:18"
