# payment_notice: a payment received by the end of the due date (local
# midnight ending it) makes a later late-payment notice wrongful; one
# received the day after makes it rightful.
#
# Zone America/Los_Angeles (PDT, UTC-7). grace 0s (default). Every charge
# is 50.00 due 2026-10-15; every notice is posted 2026-10-20 and names the
# invoice; every payment names the invoice in its description.
#
# line acct   kind     posted               amount ref     verdict
#  2   ACC-P1 charge   10-01                50.00  INV-P1
#  3   ACC-P1 payment  10-15 (00:00)        50.00  CHK-1   on the due date: counts
#  4   ACC-P1 notice   10-20                       INV-P1  -> wrongful
#  5   ACC-P2 charge   10-01                50.00  INV-P2
#  6   ACC-P2 payment  10-16                50.00  CHK-2   a day late
#  7   ACC-P2 notice   10-20                       INV-P2  -> rightful
#  8   ACC-P3 charge   10-01                50.00  INV-P3
#  9   ACC-P3 payment  10-15 23:59:59       50.00  CHK-3   last second of the due date
# 10   ACC-P3 notice   10-20                       INV-P3  -> wrongful
# 11   ACC-P4 charge   10-01                50.00  INV-P4
# 12   ACC-P4 payment  10-16 00:00:00       50.00  CHK-4   first second after it
# 13   ACC-P4 notice   10-20                       INV-P4  -> rightful
#
# 4 notices judged, 2 wrongful: FAIL, measured 2, target 0, unit count.
# Breach per wrongful notice: subject_kind notice, subject "ACCOUNT DATE
# REFERENCE" (the notice's),
# at = the notice (10-20 00:00 PDT = 07:00 UTC), measured = the charge the
# notice is for, 5000, limit = what was unpaid at its due date (0: all
# paid), shortfall 5000 - 0 = 5000, unit minor, amount 0; evidence the
# notice, the charge and the payment.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,due_at,reference,description
ACC-P1,charge,2026-10-01,50.00,voice,2026-10-15,INV-P1,October
ACC-P1,payment,2026-10-15,50.00,voice,,CHK-1,cheque for INV-P1
ACC-P1,notice,2026-10-20,50.00,voice,2026-10-15,INV-P1,late payment notice
ACC-P2,charge,2026-10-01,50.00,voice,2026-10-15,INV-P2,October
ACC-P2,payment,2026-10-16,50.00,voice,,CHK-2,cheque for INV-P2
ACC-P2,notice,2026-10-20,50.00,voice,2026-10-15,INV-P2,late payment notice
ACC-P3,charge,2026-10-01,50.00,voice,2026-10-15,INV-P3,October
ACC-P3,payment,2026-10-15 23:59:59,50.00,voice,,CHK-3,cheque for INV-P3
ACC-P3,notice,2026-10-20,50.00,voice,2026-10-15,INV-P3,late payment notice
ACC-P4,charge,2026-10-01,50.00,voice,2026-10-15,INV-P4,October
ACC-P4,payment,2026-10-16 00:00:00,50.00,voice,,CHK-4,cheque for INV-P4
ACC-P4,notice,2026-10-20,50.00,voice,2026-10-15,INV-P4,late payment notice
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
expect_result notices "FAIL|2|0|count|4|2"
AT=$(utc '2026-10-20 07:00:00')
expect_breach_rows notices "notice|ACC-P1 2026-10-20 INV-P1|$AT|5000|0|5000|minor|0
notice|ACC-P3 2026-10-20 INV-P3|$AT|5000|0|5000|minor|0"
expect_evidence_all notices "ACC-P1 2026-10-20 INV-P1" "billing.csv:2 billing.csv:3 billing.csv:4"
expect_evidence_all notices "ACC-P3 2026-10-20 INV-P3" "billing.csv:8 billing.csv:9 billing.csv:10"
expect_sql "SELECT detail FROM breaches WHERE result_id = $(rid notices)
            AND subject = 'ACC-P1 2026-10-20 INV-P1'" \
    "ACC-P1: notice of 2026-10-20 on INV-P1 (50.00 USD due 2026-10-15) is wrongful: 50.00 USD was paid or credited by the due date against 50.00 USD charged due by then (CHK-1 received 2026-10-15)"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid notices)" \
    "2 of 4 late-payment notices wrongful (paid by the due date)"
