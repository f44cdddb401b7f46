# The Asterisk sample through `ombud run`: answer_time, live_support and
# customer_effort on the legs built from samples/asterisk/queue_log, and
# what the report says about the file. The legs, by hand (offsets from
# 2026-10-05 09:00:00 UTC; see tests/e2e/cases/100-asterisk-sample.sh):
#
# leg        outcome      person after   answer_time(60s)   live_support(2m)
# C1         answered      20 s          offered, in time   counted, live
# C2         answered      75 s          offered, late      counted, live
# C3         abandoned     (30 s)        offered, no        not counted (<= 2m)
# C4         abandoned     (200 s)       offered, no        counted, breach
# C5         voicemail     (300 s)       offered, no        counted, breach
# C6         closed        (5 s)         offered, no        counted, breach
# C7         voicemail     (40 s, key 1) offered, no        counted, breach
# C8 tech    transferred   30 s          offered, in time   counted, live
# C9         transferred   45 s          offered, in time   counted, live
# C10        transferred   nobody        not offered        not counted
# C11        incomplete    -             left out           left out
# C12        answered      15 s          offered, in time   counted, live
# C8 billing (queue not covered by either guarantee)
#
# answer_time: 4 in time (C1 C8 C9 C12) of 10 offered = 40.00% < 80%:
#   FAIL, one breach (per = period), measured 4000 bp, shortfall 4000.
# live_support: 5 live (C1 C2 C8 C9 C12) of 9 counted = 55.56% (5/9 =
#   0.5556): FAIL, 4 breaches C4 C5 C6 C7 with waits 200, 300, 5, 40.
# Answered by a person: 6 legs (C1 C2 C8 C8-billing C9 C12); abandoned 2;
#   agents 5 (PJSIP/201 202 203 204 301).
# customer_effort (max_calls = 1), by account: ACC-1001 has calls C1 and
#   C8: 2 > 1, one breach; phone time 320 + (4425 - 4200) = 545 s; agents
#   PJSIP/201 and PJSIP/301 = 2, PJSIP/201 on two legs; 1 transfer.
#   Groups: ACC-1001 1002 1003 1005 1007 1009 1010 = 7 (C4, C6, C12 have
#   no account; C11's ACC-1011 has only its incomplete leg, left out).

S=$RULES_ROOT/samples/asterisk
run_ombud run --guarantees "$S/guarantees.ini" --calls "$S/queue_log" \
    --accounts "$S/accounts.csv" --out out
expect_exit 0
DB=out/evidence.db
expect_result answer-60 "FAIL|4000|8000|bp|10|1"
expect_breaches answer-60 "period|4000|8000|4000"
expect_result live-support "FAIL|5556|10000|bp|9|4"
expect_breaches live-support "1791190800.4|200|120|80
1791190800.5|300|120|180
1791190800.6|1|120|120
1791190800.7|2|120|120"
# A breach's evidence is the leg; the leg names every line it came from.
expect_sql "SELECT s.name || ':' || coalesce(c.lines, c.line) FROM evidence e
            JOIN call_legs c ON c.id = e.row_id JOIN sources s ON s.id = c.source_id
            WHERE e.breach_id IN (SELECT id FROM breaches WHERE result_id = $(rid live-support))
            ORDER BY c.arrived_at" \
"queue_log:13,14
queue_log:15,16
queue_log:17,18
queue_log:19,20"
expect_sql "SELECT count(*) FROM call_legs WHERE answered_at IS NOT NULL AND outcome != 'incomplete'" 6
expect_sql "SELECT count(*) FROM call_legs WHERE outcome = 'abandoned'" 2
expect_sql "SELECT count(DISTINCT agent_id) FROM call_legs" 5
expect_result one-call "FAIL|2|1|count|7|1"
expect_sql "SELECT name, value FROM figures WHERE result_id = $(rid one-call)
            AND subject = 'ACC-1001' AND name IN ('calls', 'phone_time', 'agents',
            'repeat_agents', 'transfers') ORDER BY rowid" \
"calls|2
phone_time|545
agents|2
repeat_agents|1
transfers|1"
# The method says how many incomplete legs were left out.
expect_sql "SELECT instr(replace(method, char(160), ' '), '1 call leg with no end in the telephony log (incomplete) was left out') > 0
            FROM results WHERE id IN ($(rid answer-60), $(rid live-support), $(rid one-call))" "1
1
1"

# The workbook: Inputs (sheet5) row 4 is the queue_log: read 36, stored
# 29, rejected 0, balanced, counted 7, and its notes and settings; the
# Method sheet (sheet7) names the site settings applied.
cell() { # BOOK SHEET CELL
    unzip -p "$1" "xl/worksheets/$2.xml" |
        grep -o "<c r=\"$3\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" |
        sed 's/<[^>]*>//g; s/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g'
}
X=out/report.xlsx
expect_eq "Inputs queue_log row" "queue_log 36 29 0 yes 7" \
    "$(for c in A G H I J K; do cell $X sheet5 ${c}4; done | tr '\n' ' ' | sed 's/ $//')"
expect_eq "Inputs notes" "13 call legs: 1 incomplete (no terminal event), 1 rebuilt from its terminal event (ENTERQUEUE not in the file); accounts: 10 from the accounts map, 1 caller withheld the number, 1 number not in the accounts map, 1 no caller number known; counted, not legs: 2 duplicate lines, 4 agent or queue events (RINGNOANSWER, PAUSE, ...), 1 unknown event. Site settings applied: exitwithtimeout = voicemail; exitwithkey = 1: voicemail, 2: ivr, other: ivr" \
    "$(cell $X sheet5 L4)"
expect_eq "Method site settings" "queue_log (queue_log): site settings exitwithtimeout = voicemail; exitwithkey = 1: voicemail, 2: ivr, other: ivr" \
    "$(cell $X sheet7 A12)"
expect_true "live-support sheet cites queue_log:13,14" \
    grep -q 'queue_log:13,14' "$(mkdir -p x && cd x && unzip -oq ../$X && pwd)/xl/worksheets/sheet3.xml"

# The PDF: the results, the evidence and the inputs page.
pdftotext -layout out/report.pdf out/report.txt
expect_true "pdf: 4 of 10 calls" grep -q '4 of 10 calls answered within 1 min (40.00%)' out/report.txt
expect_true "pdf: 5 of 9 calls" grep -q '5 of 9 calls reached a person within 2 min (55.56%)' out/report.txt
# The leg of 1791190800.5 came from lines 15 and 16: one row, two lines.
expect_true "pdf: evidence queue_log lines 15-16" grep -q 'queue_log lines 15–16' out/report.txt
expect_true "pdf: counted column" grep -Eq 'queue_log +queue_log .* 36 +29 +0 +7 yes' out/report.txt
expect_true "pdf: site settings" grep -q 'Site settings applied: exitwithtimeout = voicemail' out/report.txt

# verify recomputes it from the folder (queue_log, accounts.csv and the
# guarantees file found by checksum).
run_ombud verify --report out/report.xlsx --inputs "$S"
expect_exit 0
expect_stdout_has "ok   input queue_log (queue_log)"
