# payment_notice: the payments must cover the charge. Less than the charge
# by the due date -> the notice is rightful; several payments adding up to
# it (or more) -> wrongful, with every payment as evidence.
#
# Zone America/Los_Angeles (PDT). Charges 50.00 due 10-15; notices 10-20;
# every payment names the invoice in its description.
#
# line acct    kind     posted amount  ref
#  2   ACC-H1  charge   10-01  50.00   INV-H1
#  3   ACC-H1  payment  10-10  49.99   CHK-1    one cent short
#  4   ACC-H1  notice   10-20          INV-H1   -> rightful
#  5   ACC-H2  charge   10-01  50.00   INV-H2
#  6   ACC-H2  payment  10-05  20.00   CHK-2
#  7   ACC-H2  payment  10-12  30.00   CHK-3    20 + 30 = 50.00
#  8   ACC-H2  notice   10-20          INV-H2   -> wrongful (5000 paid)
#  9   ACC-H3  charge   10-01  50.00   INV-H3
# 10   ACC-H3  payment  10-10  60.00   CHK-4    overpaid
# 11   ACC-H3  notice   10-20          INV-H3   -> wrongful (6000 paid against 5000)
#
# Each account has one charge, so its balance at the due date is that
# charge against everything paid by then.
# 3 judged, 2 wrongful: FAIL. Breaches: measured = the charge the
# notice is for (5000), limit = unpaid at the due date (0), shortfall 5000. Evidence H2: lines 5, 6, 7, 8.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference,description
ACC-H1,charge,2026-10-01,50.00,2026-10-15,INV-H1,October
ACC-H1,payment,2026-10-10,49.99,,CHK-1,for INV-H1
ACC-H1,notice,2026-10-20,50.00,,INV-H1,late payment notice
ACC-H2,charge,2026-10-01,50.00,2026-10-15,INV-H2,October
ACC-H2,payment,2026-10-05,20.00,,CHK-2,for INV-H2
ACC-H2,payment,2026-10-12,30.00,,CHK-3,for INV-H2
ACC-H2,notice,2026-10-20,50.00,,INV-H2,late payment notice
ACC-H3,charge,2026-10-01,50.00,2026-10-15,INV-H3,October
ACC-H3,payment,2026-10-10,60.00,,CHK-4,for INV-H3
ACC-H3,notice,2026-10-20,50.00,,INV-H3,late payment notice
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
expect_breaches notices "ACC-H2 2026-10-20 INV-H2|5000|0|5000
ACC-H3 2026-10-20 INV-H3|5000|0|5000"
expect_evidence_all notices "ACC-H2 2026-10-20 INV-H2" \
    "billing.csv:5 billing.csv:6 billing.csv:7 billing.csv:8"
expect_sql "SELECT instr(replace(detail, char(160), ' '), '(CHK-2 received 2026-10-05, CHK-3 received 2026-10-12)') > 0
            FROM breaches WHERE result_id = $(rid notices)
            AND subject = 'ACC-H2 2026-10-20 INV-H2'" 1
