# outage_credit: the accounts' billing is read for all outages at once
# (ombud_store_ask_billing); the outcome must be what reading it outage by
# outage, in outage order, gives: credits used once across outages in that
# order, an area's accounts in id order, an excluded outage's figure in its
# place, members with no usable charge said.
#
# Zone America/Los_Angeles (PDT). September period 09-01 .. 09-30 ends at
# the midnight after 09-30: 2592000 s.
#
# billing.csv
#  2  ACC-A charge 30.00 voice Sep, area Elm
#  3  ACC-A credit  2.50 voice posted 09-15
#  4  ACC-B charge 60.00 voice Aug 2025 (posted 2025-08-01: more than 366
#                             days before the outages) area Elm
#  5  ACC-C charge 30.00 voice 08-01 .. 09-09, area Elm: its period ends
#                             at 09-10 00:00, so it does not cover 09-14
# outages.csv
#  2  O1 ACC-A        voice 09-10 00:00 -> 09-11 00:00 (24 h)
#  3  OX ACC-A        voice 09-12 -> 09-13, exclusion catastrophic
#  4  O2 (area Elm)   voice 09-14 00:00 -> 09-16 00:00 (48 h)
#
# O1/ACC-A owed 3000 x 86400 / 2592000 = 100; credit row 3 (250) is
#          posted after the start and within 60 d of the end: 100 used,
#          150 left. No breach.
# OX       excluded: figure "excluded" between O1's and O2's figures.
# O2       members of Elm with a voice charge, by id: ACC-A, ACC-B, ACC-C.
#   ACC-A  owed 3000 x 172800 / 2592000 = 200; 150 of row 3 left -> credited
#          150; breach 50, evidence outages.csv:4, billing.csv:2 (charge),
#          billing.csv:3 (credit).
#   ACC-B  its only charge is outside the year searched: no charge found.
#   ACC-C  its charge's period ended before the outage: no charge found.
# Result: FAIL, credited 100 + 150 = 250 of 100 + 200 = 300, subjects 4,
# breaches 1, amount 50.

cat > billing.csv <<'CSV'
account_id,kind,posted_at,amount,service,period_start,period_end,due_at,area
ACC-A,charge,2026-09-01,30.00,voice,2026-09-01,2026-09-30,2026-09-25,Elm
ACC-A,credit,2026-09-15,2.50,voice,,,,Elm
ACC-B,charge,2025-08-01,60.00,voice,2025-08-01,2025-08-31,2025-08-25,Elm
ACC-C,charge,2026-08-01,30.00,voice,2026-08-01,2026-09-09,2026-08-25,Elm
CSV

cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at,exclusion
O1,ACC-A,Elm,voice,2026-09-10 00:00:00,2026-09-11 00:00:00,
OX,ACC-A,Elm,voice,2026-09-12 00:00:00,2026-09-13 00:00:00,catastrophic
O2,,Elm,voice,2026-09-14 00:00:00,2026-09-16 00:00:00,
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
exclude = catastrophic
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv --billing billing.csv
check --period 2026-09
expect_exit 0
expect_result credit "FAIL|250|300|minor|4|1"
expect_sql "SELECT amount FROM results WHERE id = $(rid credit)" 50
expect_breaches credit "O2/ACC-A|150|200|50"
expect_evidence_each credit "O2/ACC-A billing.csv:2 billing.csv:3 outages.csv:4"
expect_sql "SELECT group_concat(subject || ' ' || name || ' ' || value, ', ')
            FROM (SELECT * FROM figures WHERE result_id = $(rid credit)
                  ORDER BY run, k)" \
    "O1/ACC-A owed 100, O1/ACC-A credited 100, OX excluded 1, O2/ACC-A owed 200, O2/ACC-A credited 150, O2/ACC-B no_charge_found 1, O2/ACC-C no_charge_found 1"
