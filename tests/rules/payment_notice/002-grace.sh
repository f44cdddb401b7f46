# payment_notice: `grace` extends the due date. With grace 1d a payment
# one day late still counts (received before the end of the day after the
# due date); two days late does not.
#
# Zone America/Los_Angeles (PDT). Charges 40.00 due 2026-10-15, notices
# 2026-10-22, payments name the invoice in their reference.
#
# line acct   kind     posted            amount ref
#  2   ACC-G1 charge   10-01             40.00  INV-G1
#  3   ACC-G1 payment  10-16             40.00  INV-G1   1 day late
#  4   ACC-G1 notice   10-22                    INV-G1
#  5   ACC-G2 charge   10-01             40.00  INV-G2
#  6   ACC-G2 payment  10-17             40.00  INV-G2   2 days late
#  7   ACC-G2 notice   10-22                    INV-G2
#  8   ACC-G3 charge   10-01             40.00  INV-G3
#  9   ACC-G3 payment  10-16 23:59:59    40.00  INV-G3   last second of the grace day
# 10   ACC-G3 notice   10-22                    INV-G3
#
# [strict] grace 0s: payments must arrive before 10-16 00:00: none does ->
#          3 notices judged, none wrongful: PASS, measured 0.
# [lenient] grace 1d: before 10-17 00:00: G1 and G3 count -> wrongful;
#          G2 (10-17 00:00) does not. FAIL, measured 2, 3 subjects.
#          Evidence G1: lines 2, 3, 4.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference
ACC-G1,charge,2026-10-01,40.00,2026-10-15,INV-G1
ACC-G1,payment,2026-10-16,40.00,,INV-G1
ACC-G1,notice,2026-10-22,40.00,2026-10-15,INV-G1
ACC-G2,charge,2026-10-01,40.00,2026-10-15,INV-G2
ACC-G2,payment,2026-10-17,40.00,,INV-G2
ACC-G2,notice,2026-10-22,40.00,2026-10-15,INV-G2
ACC-G3,charge,2026-10-01,40.00,2026-10-15,INV-G3
ACC-G3,payment,2026-10-16 23:59:59,40.00,,INV-G3
ACC-G3,notice,2026-10-22,40.00,2026-10-15,INV-G3
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee strict]
promise = We never charge you late when you paid on time
source = billing terms
kind = payment_notice
grace = 0s

[guarantee lenient]
promise = Payments are on time up to a day after the due date
source = billing terms
kind = payment_notice
grace = 1d
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --billing billing.csv
check --period 2026-10
expect_exit 0
expect_result strict "PASS|0|0|count|3|0"
expect_result lenient "FAIL|2|0|count|3|2"
expect_breaches lenient "ACC-G1 2026-10-22 INV-G1|4000|0|4000
ACC-G3 2026-10-22 INV-G3|4000|0|4000"
expect_evidence_all lenient "ACC-G1 2026-10-22 INV-G1" "billing.csv:2 billing.csv:3 billing.csv:4"
expect_sql "SELECT target_text FROM results WHERE id = $(rid lenient)" \
    "no notice for a bill paid by its due date (grace 24 h)"
