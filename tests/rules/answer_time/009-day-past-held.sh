# answer_time holds at most 262,144 of a day's unanswered legs (HELD_MAX)
# while the day is read; a day with more is read again after the pass for
# its evidence. Either way a failing day names every unanswered leg.
#
# Zone America/Los_Angeles; within 60s, target 80%, per day.
# Tue 2026-10-20: lines 2..270001 are 270,000 legs to tech_support, four a
#   second from 00:00:00 local (to 18:44:59), each closed after 5 s:
#   offered, not answered. Line 270002, 20:00:00, answered after 10 s: in
#   time.
#   -> 1 of 270,001 = 0.0004% -> 0 bp (rounded) < 8000: breach
#      '2026-10-20' 0|8000|8000, evidence the 270,000 closed legs, lines 2
#      to 270001, past the 262,144 held: read in the second pass.
# Wed 2026-10-21: line 270003 closed, line 270004 answered after 10 s.
#   -> 1 of 2 = 5000 bp: breach '2026-10-21' 5000|8000|3000, evidence
#      line 270003, held in the first pass.
# Period: 2 of 270,003 in time -> 0 bp, 2 breaches -> FAIL.

awk 'function at(s) { return sprintf("2026-10-20 %02d:%02d:%02d", int(s / 3600), int(s % 3600 / 60), s % 60) }
BEGIN {
    print "call_id,queue,arrived_at,answered_at,ended_at,outcome"
    for (i = 0; i < 270000; i++) {
        s = int(i / 4)
        printf "K%d,tech_support,%s,,%s,closed\n", i, at(s), at(s + 5)
    }
    print "Z1,tech_support,2026-10-20 20:00:00,2026-10-20 20:00:10,2026-10-20 20:05:00,answered"
    print "W1,tech_support,2026-10-21 09:00:00,,2026-10-21 09:00:05,closed"
    print "W2,tech_support,2026-10-21 09:10:00,2026-10-21 09:10:10,2026-10-21 09:15:00,answered"
}' > calls.csv

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee sl]
promise = 80% of calls answered within 60 seconds
source = service standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
INI

ingest "$LA" --calls calls.csv
check --period 2026-10
expect_exit 0
expect_result sl "FAIL|0|8000|bp|270003|2"
expect_breaches sl "2026-10-20|0|8000|8000
2026-10-21|5000|8000|3000"
expect_sql "SELECT count(*), min(c.line), max(c.line), count(DISTINCT c.id)
            FROM evidence e JOIN breaches b ON b.id = e.breach_id
            JOIN call_legs c ON c.id = e.row_id
            WHERE b.result_id = $(rid sl) AND b.subject = '2026-10-20'" \
    "270000|2|270001|270000"
expect_sql "SELECT count(*) FROM evidence e JOIN breaches b ON b.id = e.breach_id
            WHERE b.result_id = $(rid sl) AND b.subject = '2026-10-20'
            AND e.lines IS NULL" "0"
expect_evidence sl 2026-10-21 "calls.csv:270003"
