# Asterisk queue_log, file form (13+ layout): samples/asterisk/queue_log with
# its accounts.csv. Every figure below is worked out by hand from the file
# (cat -n samples/asterisk/queue_log); T0 = 2026-10-05 09:00:00 UTC =
# 1791190800.
#
# line  what                                           fate
#  1,2  QUEUESTART, ADDMEMBER                           counted (queue events)
#  3,5,6   C1 ENTERQUEUE T0, CONNECT +20, COMPLETECALLER  leg answered
#  7    C1 CONNECT again, byte for byte                 counted (duplicate)
#  4,9,10  C2 ENTER +600, COMPLETEAGENT before CONNECT   leg answered (+75)
#  8    C2 RINGNOANSWER                                  counted (agent event)
#  11,12  C3 ENTER +1200, ABANDON 30 s                   leg abandoned
#  13,14  C4 ABANDON before its ENTERQUEUE (withheld)    leg abandoned, no account
#  15,16  C5 EXITWITHTIMEOUT after 300 s                 leg voicemail (default)
#  17,18  C6 EXITEMPTY after 5 s                         leg closed
#  19,20  C7 EXITWITHKEY key 1 after 40 s               leg ivr (default: other: ivr)
#  21-23  C8 tech_support, BLINDTRANSFER                 leg transferred (+30)
#  24-26  C8 billing (same callid, 2nd queue)            leg answered (+10)
#  27-29  C9 ATTENDEDTRANSFER                            leg transferred (+45)
#  30,31  C10 WITHDRAW after 50 s                        leg transferred, nobody
#  32   C11 ENTERQUEUE, nothing after                    leg incomplete
#  33   PAUSE                                            counted (agent event)
#  34   C12 COMPLETECALLER only (rotation): 15 s hold,
#       100 s talk at T0+7000                            leg answered, arrival
#                                                        rebuilt T0+7000-115
#  35   FOOBAR                                           counted (unknown)
#  36   C3 ABANDON again                                 counted (duplicate)
#
# read 36 = stored 29 (3+3+2+2+2+2+2+3+3+3+2+1+1 lines in 13 legs)
#          + rejected 0 + counted 7 (2 duplicates + 4 events + 1 unknown).

S=$SAMPLES/asterisk
T0=1791190800
ingest --calls "$S/queue_log" --accounts "$S/accounts.csv"
expect_exit 0
expect_counts "$S/queue_log" 36 29 0
expect_counted "$S/queue_log" 7
expect_counts "$S/accounts.csv" 8 8 0
expect_accounting
expect_sql "SELECT kind FROM sources ORDER BY id" "accounts
queue_log"
expect_stderr_has "queue_log: 36 read, 29 stored, 0 rejected, 7 counted"

# 4 answered (C1 C2 C8-billing C12), 3 transferred (C8 C9 C10),
# 2 abandoned (C3 C4), 1 voicemail (C5), 1 ivr (C7), 1 closed (C6),
# 1 incomplete (C11): 13 legs.
expect_sql "SELECT outcome, count(*) FROM call_legs GROUP BY outcome ORDER BY outcome" \
"abandoned|2
answered|4
closed|1
incomplete|1
ivr|1
transferred|3
voicemail|1"

# Each leg: queue, arrival, answer and end as offsets from T0, agent,
# account, line (the terminal event's) and the lines it was built from.
expect_sql "SELECT substr(call_id, 12), queue, arrived_at - $T0,
            coalesce(answered_at - $T0, '-'), ended_at - $T0, outcome,
            coalesce(agent_id, '-'), coalesce(account_id, '-'), line,
            coalesce(lines, '-'), coalesce(transferred_to, '-')
            FROM call_legs ORDER BY arrived_at, queue" \
"1|tech_support|0|20|320|answered|PJSIP/201|ACC-1001|6|3,5,6|-
2|tech_support|600|675|875|answered|PJSIP/202|ACC-1002|9|4,9,10|-
3|tech_support|1200|-|1230|abandoned|-|ACC-1003|12|11,12|-
4|tech_support|1800|-|2000|abandoned|-|-|13|13,14|-
5|tech_support|2400|-|2700|voicemail|-|ACC-1005|16|15,16|-
6|tech_support|3000|-|3005|closed|-|-|18|17,18|-
7|tech_support|3600|-|3640|ivr|-|ACC-1007|20|19,20|-
8|tech_support|4200|4230|4290|transferred|PJSIP/201|ACC-1001|23|21,22,23|2000@from-internal
8|billing|4295|4305|4425|answered|PJSIP/301|ACC-1001|26|24,25,26|-
9|tech_support|4800|4845|4945|transferred|PJSIP/203|ACC-1009|29|27,28,29|attended (BRIDGE)
10|tech_support|5400|-|5450|transferred|-|ACC-1010|31|30,31|-
11|tech_support|6000|-|6000|incomplete|-|ACC-1011|32|-|-
12|tech_support|6885|6900|7000|answered|PJSIP/204|-|34|-|-"

# Agents who answered: PJSIP/201 202 203 204 301 = 5.
expect_sql "SELECT count(DISTINCT agent_id) FROM call_legs" 5

# The file's notes: what became of the lines.
expect_sql "SELECT notes FROM sources WHERE kind = 'queue_log'" \
"13 call legs: 1 incomplete (no terminal event), 1 rebuilt from its terminal event (ENTERQUEUE not in the file); accounts: 10 from the accounts map, 1 caller withheld the number, 1 number not in the accounts map, 1 no caller number known; counted, not legs: 2 duplicate lines, 4 agent or queue events (RINGNOANSWER, PAUSE, ...), 1 unknown event"
expect_sql "SELECT settings FROM sources WHERE kind = 'queue_log'" \
"exitwithtimeout = voicemail; exitwithkey = other: ivr"

# The scratch table is empty after the import; a re-import adds nothing.
ingest --calls "$S/queue_log"
expect_exit 0
expect_stderr_has "already imported"
expect_sql "SELECT count(*) FROM call_legs" 13

# Without --calls-format the file was recognised by its first line; with
# --calls-format csv it is read as calls.csv and refused (no such header).
DB=csv.db
ingest --calls-format csv --calls "$S/queue_log"
expect_exit 65
expect_stderr_has "no recognisable calls header"
DB=ev.db
