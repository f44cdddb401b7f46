# payment_notice: a notice whose charge cannot be found (or has no due
# date) is counted, not judged: it is not among the subjects, and the
# measured text says some notices name no known charge. Notices posted
# before the period are not looked at.
#
# Zone America/Los_Angeles (PDT). Period 2026-10.
#
# line acct    kind     posted amount due    ref
#  2   ACC-Z1  notice   10-20  25.00         INV-404  no charge at all
#  3   ACC-Z2  charge   10-18  25.00  10-25  INV-Z2
#  4   ACC-Z2  notice   10-20  25.00         (none)   only charge due after it
#  5   ACC-Z3  charge   10-01  25.00  10-15  INV-Z3
#  6   ACC-Z3  notice   10-20  25.00         INV-Z3   judged: nothing paid -> rightful
#  7   ACC-Z4  charge   09-01  25.00  09-15  INV-Z4
#  8   ACC-Z4  payment  09-10  25.00         INV-Z4
#  9   ACC-Z4  notice   09-28  25.00         INV-Z4   before the period: ignored
# 10   ACC-Z5  charge   10-01  25.00  (none) INV-Z5
# 11   ACC-Z5  notice   10-20  25.00         INV-Z5   its charge has no due date
#
# Judged: ACC-Z3 only -> 1 subject, 0 breaches: PASS, measured 0.
# (ACC-Z4's notice would be wrongful, but it is in September.)

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,due_at,reference
ACC-Z1,notice,2026-10-20,25.00,,INV-404
ACC-Z2,charge,2026-10-18,25.00,2026-10-25,INV-Z2
ACC-Z2,notice,2026-10-20,25.00,,
ACC-Z3,charge,2026-10-01,25.00,2026-10-15,INV-Z3
ACC-Z3,notice,2026-10-20,25.00,,INV-Z3
ACC-Z4,charge,2026-09-01,25.00,2026-09-15,INV-Z4
ACC-Z4,payment,2026-09-10,25.00,,INV-Z4
ACC-Z4,notice,2026-09-28,25.00,,INV-Z4
ACC-Z5,charge,2026-10-01,25.00,,INV-Z5
ACC-Z5,notice,2026-10-20,25.00,,INV-Z5
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

ingest "$LA" --billing billing.csv
check --period 2026-10
expect_exit 0
expect_result notices "PASS|0|0|count|1|0"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid notices)" \
    "0 of 1 late-payment notices wrongful (paid by the due date); some notices name no known charge"
expect_stdout_last "0 of 1 guarantees breached"
