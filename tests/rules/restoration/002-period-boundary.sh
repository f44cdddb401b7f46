# restoration: outages open at any moment of the period count; one that
# began before the period is measured from its real start. One still open
# at the period's end (or restored only after it) is measured to that end:
# a breach when its deadline had passed by then, else pending, counted
# apart and not judged (issue 23: it used to count as restored in time).
#
# Zone America/Los_Angeles. Period 2026-10 = [10-01 00:00 PDT, 11-01 00:00 PDT).
# within = 24h (86400 s).
#
# line outage  started (local)     restored (local)    counted?  duration
#  2   B1      09-30 12:00         10-01 13:00         yes       25h = 90000 (full, from
#                                                                its start): breach, +3600
#  3   B2      10-30 12:00         (open)              yes       to 11-01 00:00 = 36h =
#                                                                129600: breach, +43200
#  4   B3      10-31 12:00         11-02 12:00         pending   deadline 11-01 12:00,
#                                                                after the period end
#  5   B4      09-20 08:00         09-25 08:00         no (over before the period)
#  6   B5      09-29 00:00         10-01 00:00         no (restored at the very start)
#  7   B6      11-01 00:00         11-03 00:00         no (starts at the very end)
#
# October: subjects 2 (B1, B2), breaches B1, B2 (start order), longest
# 129600. FAIL. B3 is pending: figure pending = 1, no series value; the
# measured text says "2 still open at the end of the period: 1 past its
# deadline, 1 pending, not judged" (B2 and B3).
#
# September = [09-01 00:00, 10-01 00:00): B4 120h = 432000 (breach,
# +345600), B5 48h = 172800 (breach, +86400; restored exactly at the
# period end: not open), B1 09-30 12:00, restored after the period; its
# deadline 10-01 12:00 is after the period end -> pending. subjects 2,
# breaches B4 B5.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at
B1,North,voice,2026-09-30 12:00:00,2026-10-01 13:00:00
B2,North,voice,2026-10-30 12:00:00,
B3,North,voice,2026-10-31 12:00:00,2026-11-02 12:00:00
B4,North,voice,2026-09-20 08:00:00,2026-09-25 08:00:00
B5,North,voice,2026-09-29 00:00:00,2026-10-01 00:00:00
B6,North,voice,2026-11-01 00:00:00,2026-11-03 00:00:00
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee restore]
promise = Service restored within 24 hours
source = terms of service
kind = restoration
within = 24h
INI

. "$RULES_DIR/customer_effort/_helpers.sh"

ingest "$LA" --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result restore "FAIL|129600|86400|s|2|2"
expect_breaches restore "B1|90000|86400|3600
B2|129600|86400|43200"
expect_evidence restore B1 "outages.csv:2"
expect_evidence restore B2 "outages.csv:3"
expect_sql "SELECT instr(replace(detail, char(160), ' '), 'still open at the end of the period') > 0
            FROM breaches WHERE result_id = $(rid restore) AND subject = 'B2'" 1
expect_sql "SELECT o.outage_id, s.v FROM series s JOIN outages o ON o.id = s.k
            WHERE s.result_id = $(rid restore) AND s.name = 'durations'
            ORDER BY o.outage_id" "B1|90000
B2|129600"
expect_figures restore B3 "pending=1"
expect_sql "SELECT measured_text FROM results WHERE id = $(rid restore)" \
    "0 of 2 outages restored within 24 h (0.00%); longest 36 h; 2 still open at the end of the period: 1 past its deadline, 1 pending, not judged"

check --period 2026-09
expect_exit 0
expect_result restore "FAIL|432000|86400|s|2|2"
expect_breaches restore "B4|432000|86400|345600
B5|172800|86400|86400"
expect_sql "SELECT o.outage_id, s.v FROM series s JOIN outages o ON o.id = s.k
            WHERE s.result_id = $(rid restore) AND s.name = 'durations'
            ORDER BY o.outage_id" "B4|432000
B5|172800"
expect_figures restore B1 "pending=1"
