# founding case: late-payment notices, with templates/guarantees/
# fibre-bundle.ini ([guarantee no-wrongful-notices]: grace 0s).
#
# billing.csv (samples/founding-case/README.md, section 3):
#  3  ACC-1002 charge  64.99 INV-1002-2609 due 09-25
#  5  ACC-1002 payment 64.99 CHK-2207 09-20 "cheque 2207 for INV-1002-2609"
#  7  ACC-1002 notice  09-28 INV-1002-2609
# 10  ACC-1002 charge  64.99 INV-1002-2610 due 10-25
# 13  ACC-1002 payment 64.99 CHK-2231 10-19 "cheque 2231 for INV-1002-2610"
# 16  ACC-1002 notice  10-28 INV-1002-2610
#  4  ACC-1003 charge  49.99 INV-1003-2609 due 09-25
#  8  ACC-1003 notice  09-28 INV-1003-2609
# 12  ACC-1003 payment 49.99 CHK-0918 10-03 "cheque 918 for INV-1003-2609"
#
# Each notice is judged against the account's balance at the due date of
# the charge it names (README, payment_notice): every charge due by the
# end of that day against every payment and credit posted by then.
#
# Period 2026-09-01 .. 2026-11-30: three notices.
#   ACC-1002 09-28 (INV-1002-2609, due 09-25): charged 64.99 (line 3);
#     paid CHK-2207 64.99 on 09-20 -> 64.99 >= 64.99 -> wrongful;
#     evidence lines 3, 5, 7.
#   ACC-1002 10-28 (INV-1002-2610, due 10-25): charged 64.99 + 64.99 =
#     129.98 (lines 3, 10); paid 64.99 + 64.99 = 129.98 (lines 5, 13) ->
#     wrongful; evidence lines 3, 5, 10, 13, 16 (the balance's rows: the
#     September charge and cheque count too).
#   ACC-1003 09-28 (INV-1003-2609, due 09-25): charged 49.99, nothing paid
#     by the end of 09-25 (CHK-0918 came 10-03) -> rightful.
#   3 judged, 2 wrongful: FAIL. at = the notice, local midnight PDT
#   (07:00 UTC); measured = the amount the notice is for (the named
#   charge, 64.99 -> 6499), limit = what was unpaid at its due date
#   (charged 129.98 - paid 129.98 = 0), shortfall = 6499 - 0 = 6499: the
#   whole notice was for money already paid. Subjects name the notice's
#   reference: "ACC-1002 2026-10-28 INV-1002-2610".
# Period 2026-10 (the filing's default) holds only the 10-28 notice:
#   1 judged, 1 wrongful.

. "$RULES_DIR/customer_effort/_helpers.sh"
G=$TEMPLATE

ingest "$LA" --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv"

check
expect_exit 0
expect_result no-wrongful-notices "FAIL|1|0|count|1|1"
expect_breaches no-wrongful-notices "ACC-1002 2026-10-28 INV-1002-2610|6499|0|6499"

check --period 2026-09-01..2026-11-30
expect_exit 0
expect_result no-wrongful-notices "FAIL|2|0|count|3|2"
expect_breach_rows no-wrongful-notices "notice|ACC-1002 2026-09-28 INV-1002-2609|$(utc '2026-09-28 07:00:00')|6499|0|6499|minor|0
notice|ACC-1002 2026-10-28 INV-1002-2610|$(utc '2026-10-28 07:00:00')|6499|0|6499|minor|0"
expect_evidence_each no-wrongful-notices "ACC-1002 2026-09-28 INV-1002-2609 billing.csv:3 billing.csv:5 billing.csv:7
ACC-1002 2026-10-28 INV-1002-2610 billing.csv:3 billing.csv:5 billing.csv:10 billing.csv:13 billing.csv:16"
expect_sql "SELECT b.reference FROM evidence e
            JOIN billing_events b ON e.tbl = 'billing_events' AND b.id = e.row_id
            WHERE b.kind = 'payment' AND e.breach_id IN (SELECT id FROM breaches
                  WHERE result_id = $(rid no-wrongful-notices))
            ORDER BY b.reference" "CHK-2207
CHK-2207
CHK-2231"
expect_sql "SELECT count(*) FROM breaches WHERE result_id = $(rid no-wrongful-notices)
            AND subject LIKE 'ACC-1003%'" 0
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'CHK-2207 received 2026-09-20') > 0 FROM breaches
            WHERE result_id = $(rid no-wrongful-notices)
            AND subject = 'ACC-1002 2026-09-28 INV-1002-2609'" 1
