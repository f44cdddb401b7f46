# The dossier's timeline draws calls too close together to tell apart
# as one mark with their number beside it, so marks never pile up. Hand-
# made calls of ACC-1001 (UTC): three answered calls in the minute
# 2026-10-15 10:00 (10:00:05, 10:00:20, 10:00:47) are one mark, "×3"; a
# call closed in that same minute is another outcome, drawn in its own
# row, alone (no count); an answered call two days later is a mark of its
# own. So the PDF holds "×3" once, and no other count but the legend's
# sample, "×2". The same inputs give the same PDF, byte for byte.
cat > g.ini <<'INI'
[filing]
carrier = Example Fibre Co
commission = Example Commission
timezone = UTC
currency = USD
period = 2026-10

[guarantee restoration]
promise = Service restored within 24 hours
source = Terms of service, section 7.1
kind = restoration
within = 24h

[guarantee live-support]
promise = 24/7 live tech support
source = Brochure, page 2
kind = live_support
queues = tech_support
hours = 24x7
max_wait = 10m
INI
cat > outages.csv <<'CSV'
outage_id,account_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at,customers_affected,cause
TT-4471,ACC-1001,Oakridge,voice,2026-10-14T16:00:00Z,2026-10-19T08:00:00Z,no,,,1,line cut
CSV
cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,promised_restore_at
C-1,ACC-1001,tech_support,2026-10-15T10:00:05Z,2026-10-15T10:00:30Z,2026-10-15T10:05:00Z,answered,A-1,,TT-4471,
C-2,ACC-1001,tech_support,2026-10-15T10:00:20Z,2026-10-15T10:01:00Z,2026-10-15T10:06:00Z,answered,A-2,,TT-4471,
C-3,ACC-1001,tech_support,2026-10-15T10:00:47Z,2026-10-15T10:01:10Z,2026-10-15T10:07:00Z,answered,A-3,,TT-4471,
C-4,ACC-1001,tech_support,2026-10-15T10:00:50Z,,2026-10-15T10:01:20Z,closed,,,TT-4471,
C-5,ACC-1001,tech_support,2026-10-17T15:00:00Z,2026-10-17T15:01:00Z,2026-10-17T15:09:00Z,answered,A-4,,TT-4471,
CSV

# counts FILE: every "×N" in the PDF's text, sorted, one a line.
counts() { pdftotext "$1" - | grep -o '×[0-9]*' | sort | tr '\n' ' ' | sed 's/ $//'; }

run_ombud run -q --guarantees g.ini --outages outages.csv --calls calls.csv \
    --out a --account ACC-1001 --customer "Jane Doe"
expect_exit 0
DB=a/evidence.db expect_sql "SELECT count(*) FROM call_legs" 5
expect_eq "one mark of 3, and the legend's sample" "×2 ×3" \
    "$(counts a/complaint-ACC-1001.pdf)"
expect_eq "the legend says what a count is" 1 \
    "$(pdftotext a/complaint-ACC-1001.pdf - | grep -c 'calls or promises too close together to draw apart, with their number')"
expect_true "dossier PDF sound" test -z "$(pdf_wellformed a/complaint-ACC-1001.pdf)"

run_ombud run -q --guarantees g.ini --outages outages.csv --calls calls.csv \
    --out b --account ACC-1001 --customer "Jane Doe"
expect_exit 0
expect_true "same inputs, same dossier" \
    cmp -s a/complaint-ACC-1001.pdf b/complaint-ACC-1001.pdf

# In Spanish and Catalan the mark reads the same.
for l in es ca; do
    run_ombud run -q --lang $l --guarantees g.ini --outages outages.csv \
        --calls calls.csv --out $l --account ACC-1001 --customer "Jane Doe"
    expect_exit 0
    expect_eq "$l: one mark of 3" "×2 ×3" "$(counts $l/complaint-ACC-1001.pdf)"
done
