# payment_notice: every breach has its own subject (issue 23). A subject
# is "ACCOUNT DATE REFERENCE" (the notice's reference, none when blank);
# two notices of one account on one day that would share it get " #1",
# " #2" in posting order, and so does the account at the start of their
# details.
#
# Zone America/Los_Angeles (PDT). grace 0s. Every charge is paid in time.
#
# line acct    kind     posted  amount  due    ref
#  2   ACC-S1  charge   10-01    50.00  10-15  INV-S1
#  3   ACC-S1  payment  10-10    50.00         CHK-S1
#  4   ACC-S1  notice   10-20                  INV-S1   sent twice the
#  5   ACC-S1  notice   10-20                  INV-S1   same day
#  6   ACC-S2  charge   09-20    20.00  10-05  INV-S2a
#  7   ACC-S2  charge   10-01    20.00  10-15  INV-S2b
#  8   ACC-S2  payment  10-01    40.00         CHK-S2
#  9   ACC-S2  notice   10-20                  INV-S2a  references differ:
# 10   ACC-S2  notice   10-20                  INV-S2b  no #k needed
# 11   ACC-S3  charge   10-01    25.00  10-15  INV-S3
# 12   ACC-S3  payment  10-14    25.00         CHK-S3
# 13   ACC-S3  notice   10-20                  (none)   two notices with
# 14   ACC-S3  notice   10-20                  (none)   no reference
#
# ACC-S1: both at 10-15: 50.00 charged, 50.00 paid -> wrongful, 5000|5000;
#   subjects "ACC-S1 2026-10-20 INV-S1 #1" and "... #2".
# ACC-S2: INV-S2a's notice at 10-05: charged 20.00 (line 6), paid 40.00
#   (10-01) -> wrongful, measured 40.00 -> 4000|2000. INV-S2b's at 10-15:
#   charged 40.00, paid 40.00 -> wrongful, 40.00 - 20.00 = 20.00 ->
#   2000|2000.
# ACC-S3: no reference -> the most recent charge due before the notice,
#   INV-S3: 25.00 vs 25.00 -> wrongful twice, "ACC-S3 2026-10-20 #1", "#2".
# 6 judged, 6 wrongful; six distinct subjects and six distinct details.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference
ACC-S1,charge,2026-10-01,50.00,2026-10-15,INV-S1
ACC-S1,payment,2026-10-10,50.00,,CHK-S1
ACC-S1,notice,2026-10-20,50.00,,INV-S1
ACC-S1,notice,2026-10-20,50.00,,INV-S1
ACC-S2,charge,2026-09-20,20.00,2026-10-05,INV-S2a
ACC-S2,charge,2026-10-01,20.00,2026-10-15,INV-S2b
ACC-S2,payment,2026-10-01,40.00,,CHK-S2
ACC-S2,notice,2026-10-20,20.00,,INV-S2a
ACC-S2,notice,2026-10-20,20.00,,INV-S2b
ACC-S3,charge,2026-10-01,25.00,2026-10-15,INV-S3
ACC-S3,payment,2026-10-14,25.00,,CHK-S3
ACC-S3,notice,2026-10-20,25.00,,
ACC-S3,notice,2026-10-20,25.00,,
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
expect_result notices "FAIL|6|0|count|6|6"
expect_breaches notices "ACC-S1 2026-10-20 INV-S1 #1|5000|0|5000
ACC-S1 2026-10-20 INV-S1 #2|5000|0|5000
ACC-S2 2026-10-20 INV-S2a|2000|0|2000
ACC-S2 2026-10-20 INV-S2b|2000|0|2000
ACC-S3 2026-10-20 #1|2500|0|2500
ACC-S3 2026-10-20 #2|2500|0|2500"
expect_sql "SELECT count(DISTINCT subject), count(DISTINCT detail)
            FROM breaches WHERE result_id = $(rid notices)" "6|6"
expect_sql "SELECT substr(detail, 1, instr(replace(detail, char(160), ' '), ':') - 1) FROM breaches
            WHERE result_id = $(rid notices) ORDER BY id" "ACC-S1 #1
ACC-S1 #2
ACC-S2
ACC-S2
ACC-S3 #1
ACC-S3 #2"
expect_evidence_each notices "ACC-S1 2026-10-20 INV-S1 #1 billing.csv:2 billing.csv:3 billing.csv:4
ACC-S1 2026-10-20 INV-S1 #2 billing.csv:2 billing.csv:3 billing.csv:5
ACC-S2 2026-10-20 INV-S2a billing.csv:6 billing.csv:8 billing.csv:9
ACC-S2 2026-10-20 INV-S2b billing.csv:6 billing.csv:7 billing.csv:8 billing.csv:10
ACC-S3 2026-10-20 #1 billing.csv:11 billing.csv:12 billing.csv:13
ACC-S3 2026-10-20 #2 billing.csv:11 billing.csv:12 billing.csv:14"
