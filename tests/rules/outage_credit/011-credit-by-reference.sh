# outage_credit: credits are matched to an outage first by reference, then
# by service (issue 23). A credit whose reference or description names the
# outage (its outage_id as a whole word) pays it whatever service it was
# filed under; the credits of the outage's service that name no other
# outage come next; a credit of another service naming nothing is never
# used. The detail names the prorated charge.
#
# Zone America/Los_Angeles (PDT). Billing period 2026-09-01 .. 09-30 =
# 30 days = 2592000 s. method pro_rata, rounding half_up, grace 60d.
#
# billing.csv
# line acct  kind    posted service  amount ref      description
#  2   ACC-R charge  09-01  voice    30.00  INV-R-V  (prorated: voice)
#  3   ACC-R charge  09-01  internet 60.00  INV-R-I
#  4   ACC-R credit  09-13  internet  1.50  CR-1     credit for outage OR1
#  5   ACC-R credit  09-16  voice     1.00  OR2      (names OR2)
#  6   ACC-R credit  09-20  voice     0.25  CR-4     goodwill
#  7   ACC-R credit  09-26  internet  5.00  CR-5     goodwill
# outages.csv
# line id   acct  service started      restored     seconds
#  2   OR1  ACC-R voice   09-10 00:00  09-12 00:00  172800
#  3   OR2  ACC-R voice   09-15 00:00  09-16 00:00   86400
#  4   OR3  ACC-R voice   09-25 00:00  09-25 12:00   43200
#
# Owed (the voice charge INV-R-V, 3000 minor, covers every start):
#   OR1 3000 x 172800 / 2592000 = 200; OR2 3000 x 86400 / 2592000 = 100;
#   OR3 3000 x 43200 / 2592000 = 50.
# In outage order, each credit used once:
#   OR1 (credits posted 09-10 .. 11-11): by reference CR-1 (internet,
#     names OR1) 150; then by service: line 5 names OR2, another outage
#     credited here -> skipped; CR-4 25 -> 175 of 200: breach, short 25;
#     evidence outages.csv:2, billing.csv:2 (charge), 4 and 6 (credits).
#   OR2 (09-15 ..): by reference line 5 (names OR2) 100 -> paid.
#   OR3 (09-25 ..): nothing names it; CR-5 is internet and names nothing
#     -> not used; CR-4 is spent (and before 09-25) -> 0 of 50: breach.
# Result: FAIL, credited 175 + 100 + 0 = 275 of 350, 3 subjects, 2
# breaches, amount 25 + 50 = 75.
# (Before issue 23 credits were matched by service only: OR1 would take
# line 5 and CR-4, 125 of 200, and OR2 nothing: three breaches.)

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at,reference,description
ACC-R,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,INV-R-V,voice September
ACC-R,charge,2026-09-01,60.00,internet,2026-09-01,2026-09-30,2026-09-25,INV-R-I,internet September
ACC-R,credit,2026-09-13,1.50,internet,,,,CR-1,credit for outage OR1
ACC-R,credit,2026-09-16,1.00,voice,,,,OR2,
ACC-R,credit,2026-09-20,0.25,voice,,,,CR-4,goodwill
ACC-R,credit,2026-09-26,5.00,internet,,,,CR-5,goodwill
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,service,started_at,restored_at
OR1,ACC-R,voice,2026-09-10 00:00:00,2026-09-12 00:00:00
OR2,ACC-R,voice,2026-09-15 00:00:00,2026-09-16 00:00:00
OR3,ACC-R,voice,2026-09-25 00:00:00,2026-09-25 12:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee credit]
promise = Outages are credited pro rata
source = terms of service
kind = outage_credit
method = pro_rata
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0
expect_result credit "FAIL|275|350|minor|3|2"
expect_sql "SELECT amount FROM results WHERE id = $(rid credit)" 75
expect_breaches credit "OR1/ACC-R|175|200|25
OR3/ACC-R|0|50|50"
expect_evidence_each credit "OR1/ACC-R billing.csv:2 billing.csv:4 billing.csv:6 outages.csv:2
OR3/ACC-R billing.csv:2 outages.csv:4"
expect_figures credit OR1/ACC-R "owed=200 credited=175"
expect_figures credit OR2/ACC-R "owed=100 credited=100"
expect_figures credit OR3/ACC-R "owed=50 credited=0"
expect_sql "SELECT detail FROM breaches WHERE result_id = $(rid credit)
            AND subject = 'OR3/ACC-R'" \
    "OR3/ACC-R: out 12 h; owed 0.50 USD = 30.00 (INV-R-V) × 12 h / 720 h (pro rata, rounded half up); credited 0.00"
