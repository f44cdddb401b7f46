# payment_notice: a notice is judged against the account's balance
# (issue 23), not against one charge and the payments since the previous
# one. The first two accounts are the cases a second implementation found:
# ombud used to call ACC-B1's notice rightful and ACC-B2's wrongful.
#
# Zone America/Los_Angeles (PDT). grace 0s.
#
# line acct    kind     posted  amount  due    ref
#  2   ACC-B1  charge   10-01    69.99  10-23  INV-B1a
#  3   ACC-B1  charge   10-03    69.99  10-26  INV-B1b
#  4   ACC-B1  charge   10-05   158.30  11-10  INV-B1c
#  5   ACC-B1  payment  10-19   298.28         CHK-B1   pays all three ahead
#  6   ACC-B1  notice   10-27                  (none)
#  7   ACC-B2  charge   10-01    45.00  10-15  INV-B2a
#  8   ACC-B2  charge   10-01    30.00  10-15  INV-B2b  due the same day
#  9   ACC-B2  payment  10-10    45.00         CHK-B2   covers only one
# 10   ACC-B2  notice   10-20                  (none)
# 11   ACC-B3  charge   10-01    50.00  10-15  INV-B3
# 12   ACC-B3  payment  10-10    40.00         CHK-B3
# 13   ACC-B3  credit   10-12    10.00         CR-B3    a credit pays too
# 14   ACC-B3  notice   10-20                  INV-B3
#
# ACC-B1: no reference; the most recent charge due before 10-27 is
#   INV-B1b (10-26). Charged by the end of 10-26: 69.99 + 69.99 = 139.98
#   (INV-B1c is due 11-10, after). Paid by then: 298.28 (10-19). 298.28 >=
#   139.98 -> wrongful. Measured = 298.28 - 69.99 (the other charge due) =
#   228.29 -> 22829; limit INV-B1b's 69.99 -> 6999. Evidence 2, 3, 5, 6.
#   (Old reading: only payments after INV-B1a's due date, 10-24 on, counted
#   for INV-B1b: none -> rightful. The surplus was not carried forward.)
# ACC-B2: no reference; the charges due before 10-20 both fall due 10-15.
#   Charged 45.00 + 30.00 = 75.00; paid 45.00 < 75.00 -> rightful.
#   (Old reading: one charge of 45.00 or 30.00 against 45.00 -> wrongful.)
# ACC-B3: INV-B3 due 10-15: charged 50.00; paid 40.00 + credited 10.00 =
#   50.00, an exact tie -> wrongful (nothing was owed). Measured 5000,
#   limit 5000. Evidence 11, 12, 13, 14.
#
# 3 judged, 2 wrongful (account order B1, B3): FAIL, measured 2.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference,description
ACC-B1,charge,2026-10-01,69.99,2026-10-23,INV-B1a,voice
ACC-B1,charge,2026-10-03,69.99,2026-10-26,INV-B1b,internet
ACC-B1,charge,2026-10-05,158.30,2026-11-10,INV-B1c,equipment
ACC-B1,payment,2026-10-19,298.28,,CHK-B1,cheque
ACC-B1,notice,2026-10-27,69.99,,,late payment notice
ACC-B2,charge,2026-10-01,45.00,2026-10-15,INV-B2a,voice
ACC-B2,charge,2026-10-01,30.00,2026-10-15,INV-B2b,internet
ACC-B2,payment,2026-10-10,45.00,,CHK-B2,for INV-B2a
ACC-B2,notice,2026-10-20,30.00,,,late payment notice
ACC-B3,charge,2026-10-01,50.00,2026-10-15,INV-B3,October
ACC-B3,payment,2026-10-10,40.00,,CHK-B3,cheque
ACC-B3,credit,2026-10-12,10.00,,CR-B3,goodwill credit
ACC-B3,notice,2026-10-20,50.00,,INV-B3,late payment notice
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
expect_breaches notices "ACC-B1 2026-10-27|6999|0|6999
ACC-B3 2026-10-20 INV-B3|5000|0|5000"
expect_evidence_each notices "ACC-B1 2026-10-27 billing.csv:2 billing.csv:3 billing.csv:5 billing.csv:6
ACC-B3 2026-10-20 INV-B3 billing.csv:11 billing.csv:12 billing.csv:13 billing.csv:14"
expect_sql "SELECT detail FROM breaches WHERE result_id = $(rid notices)
            ORDER BY id" \
"ACC-B1: notice of 2026-10-27 on INV-B1b (69.99 USD due 2026-10-26) is wrongful: 298.28 USD was paid or credited by the due date against 139.98 USD charged due by then (CHK-B1 received 2026-10-19)
ACC-B3: notice of 2026-10-20 on INV-B3 (50.00 USD due 2026-10-15) is wrongful: 50.00 USD was paid or credited by the due date against 50.00 USD charged due by then (CHK-B3 received 2026-10-10, CR-B3 received 2026-10-12)"
