# A long id in a finding's text. Rules compose texts in fixed buffers:
# an id may be cut there, inside a character, and the text goes on.
#   - advance_notice: a planned outage with a 1,000-byte id, started an
#     hour before its scheduled start, announced 9 days 1 h before: its
#     detail names it in 160 bytes (159 "X") and says why in full (the id
#     filled the detail and the rest was written past the buffer: a
#     crash, or silent damage);
#   - restoration: an outage "T-" and 100 "é" (202 bytes), out 48 h
#     against 24 h: its detail names it through a 160-byte buffer, "T-"
#     and 78 "é" and half of the 79th (159 bytes); the half character
#     goes and the rest of the sentence stays (it used to end there);
#   - customer_effort: the worst ticket's name through 96 bytes, "T-" and
#     46 "é" and half of one; the measured text goes on after it.
# Durations join their parts with a space in the cases' C locale.
N=' '
E100= E78= E46= i=0
while [ "$i" -lt 100 ]; do
    E100="${E100}é"
    [ "$i" -lt 78 ] && E78="${E78}é"
    [ "$i" -lt 46 ] && E46="${E46}é"
    i=$((i + 1))
done
X=$(repeat_char X 1000)
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC
[guarantee notice]
promise = planned work announced 24 h ahead
source = s
kind = advance_notice
min_notice = 24h
[guarantee restoration]
promise = Service restored within 24 hours
source = s
kind = restoration
within = 24h
[guarantee effort]
promise = one call fixes it
source = s
kind = customer_effort
max_calls = 1
INI
cat > outages.csv <<CSV
outage_id,account_id,started_at,restored_at,planned,scheduled_at,notified_at
$X,,2026-10-10 01:00,2026-10-10 03:00,yes,2026-10-10 02:00,2026-10-01 00:00
T-$E100,ACC-1,2026-10-10 00:00,2026-10-12 00:00,no,,
CSV
cat > calls.csv <<CSV
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,ticket_id
C1,ACC-1,repair,2026-10-10 09:00,2026-10-10 09:01,2026-10-10 09:05,answered,T-$E100
C2,ACC-1,repair,2026-10-11 09:00,2026-10-11 09:01,2026-10-11 09:05,answered,T-$E100
CSV
run_ombud run -q --guarantees g.ini --outages outages.csv --calls calls.csv \
    --period 2026-10 --out out --account ACC-1 --customer Jane --date 2026-11-02
expect_exit 0
DB=out/evidence.db
X159=$(repeat_char X 159)
expect_sql "SELECT detail FROM breaches b JOIN results r ON r.id = b.result_id WHERE r.guarantee_id = 'notice'" \
    "$X159: planned work started 1 h before its scheduled start (Sat 2026-10-10 02:00); announced 9 days 1 h before the start; 24 h notice required"
expect_sql "SELECT detail FROM breaches b JOIN results r ON r.id = b.result_id WHERE r.guarantee_id = 'restoration'" \
    "T-$E78: out from Sat 2026-10-10 00:00 to Mon 2026-10-12 00:00: 48${N}h against 24${N}h, 24${N}h over"
expect_sql "SELECT substr(measured_text, 1, 65) FROM results WHERE guarantee_id = 'effort'" \
    "T-$E46: 2 calls, 10${N}min"
pdftotext out/report.pdf r.txt
expect_true "the PDF keeps the restoration sentence" grep -q "24${N}h over" r.txt
