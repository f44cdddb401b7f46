# payment_notice: what a payment names does not decide which charge it
# pays. The balance at the due date counts every payment and credit, and a
# payment settles the oldest charge first, so naming an invoice neither
# adds a payment to nor takes one from a notice's judgement. (Before
# issue 23 only the payments naming the charge counted: ACC-N's and
# ACC-T's verdicts are the same either way; they are here to show why.)
#
# Zone America/Los_Angeles (PDT). grace 0s. Each account has a September-
# issued charge due 10-05 (30.00) and an October charge due 10-15 (50.00);
# the notice (10-20) names the October invoice, so it is judged at 10-15:
# charged 30.00 + 50.00 = 80.00.
#
# line acct   kind     posted amount due    ref     description
#  2   ACC-N  charge   09-20  30.00  10-05  INV-N0
#  3   ACC-N  charge   10-01  50.00  10-15  INV-N1
#  4   ACC-N  payment  10-01  50.00         CHK-78  cheque 78 for INV-N1
#  5   ACC-N  payment  10-02  30.00         CHK-77  cheque 77 for INV-N0
#  6   ACC-N  notice   10-20                INV-N1
#  7   ACC-S  charge   09-20  30.00  10-05  INV-S0
#  8   ACC-S  charge   10-01  50.00  10-15  INV-S1
#  9   ACC-S  payment  10-01  50.00         INV-S1  (none)
# 10   ACC-S  payment  10-03  30.00         CHK-S0  (none)
# 11   ACC-S  notice   10-20                INV-S1
# 12   ACC-T  charge   09-20  30.00  10-05  INV-T0
# 13   ACC-T  charge   10-01  50.00  10-15  INV-T1
# 14   ACC-T  payment  10-08  40.00         CHK-90  late cheque for INV-T0
# 15   ACC-T  payment  10-09  20.00         CHK-91  part payment of INV-T1
# 16   ACC-T  notice   10-20                INV-T1
#
# ACC-N: paid by the end of 10-15: 50.00 + 30.00 = 80.00 >= 80.00 ->
#   wrongful; measured INV-N1's 50.00, limit 0 unpaid; evidence
#   lines 2, 3, 4, 5, 6 (both charges, both cheques, the notice).
# ACC-S: 50.00 + 30.00 = 80.00 -> wrongful, 50.00 left; evidence 7-11.
# ACC-T: 40.00 + 20.00 = 60.00 < 80.00 -> rightful (INV-T0 took 30.00 of
#   CHK-90 first; 30.00 was left for INV-T1's 50.00).
# 3 judged, 2 wrongful: FAIL.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference,description
ACC-N,charge,2026-09-20,30.00,2026-10-05,INV-N0,September
ACC-N,charge,2026-10-01,50.00,2026-10-15,INV-N1,October
ACC-N,payment,2026-10-01,50.00,,CHK-78,cheque 78 for INV-N1
ACC-N,payment,2026-10-02,30.00,,CHK-77,cheque 77 for INV-N0
ACC-N,notice,2026-10-20,50.00,,INV-N1,late payment notice
ACC-S,charge,2026-09-20,30.00,2026-10-05,INV-S0,September
ACC-S,charge,2026-10-01,50.00,2026-10-15,INV-S1,October
ACC-S,payment,2026-10-01,50.00,,INV-S1,
ACC-S,payment,2026-10-03,30.00,,CHK-S0,
ACC-S,notice,2026-10-20,50.00,,INV-S1,late payment notice
ACC-T,charge,2026-09-20,30.00,2026-10-05,INV-T0,September
ACC-T,charge,2026-10-01,50.00,2026-10-15,INV-T1,October
ACC-T,payment,2026-10-08,40.00,,CHK-90,late cheque for INV-T0
ACC-T,payment,2026-10-09,20.00,,CHK-91,part payment of INV-T1
ACC-T,notice,2026-10-20,50.00,,INV-T1,late payment notice
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
expect_result notices "FAIL|2|0|count|3|2"
expect_breaches notices "ACC-N 2026-10-20 INV-N1|5000|0|5000
ACC-S 2026-10-20 INV-S1|5000|0|5000"
expect_evidence_each notices "ACC-N 2026-10-20 INV-N1 billing.csv:2 billing.csv:3 billing.csv:4 billing.csv:5 billing.csv:6
ACC-S 2026-10-20 INV-S1 billing.csv:7 billing.csv:8 billing.csv:9 billing.csv:10 billing.csv:11"
