# Asterisk queue_log field layouts by version, told apart by the number of
# data fields (research note telephony.md 1.2). Times are offsets from
# 1700000000; each expected leg is written out by hand below.
#
# 1.4  ENTERQUEUE url|callerid; CONNECT holdtime|uniqueid; EXITWITHTIMEOUT
#      position; EXITWITHKEY key|position; TRANSFER exten|context|hold|talk
# 1.8  ENTERQUEUE +origposition; CONNECT +ringtime; EXITWITHTIMEOUT
#      position|origposition|waittime; EXITWITHKEY key|pos|origpos|wait;
#      TRANSFER +origposition
# 11   ENTERQUEUE + caller name (log-caller-id-name)
# 13+  ATTENDEDTRANSFER in its LINK and APP forms, read from the right

cat > queue_log <<'LOG'
1700000000|1700000000.1|q14|NONE|ENTERQUEUE||5550001
1700000012|1700000000.1|q14|SIP/100|CONNECT|12|1700000000.2
1700000100|1700000000.1|q14|SIP/100|COMPLETEAGENT|12|88|1
1700000200|1700000200.1|q14|NONE|ENTERQUEUE||5550002
1700000260|1700000200.1|q14|NONE|EXITWITHTIMEOUT|2
1700000300|1700000300.1|q14|NONE|ENTERQUEUE||
1700000310|1700000300.1|q14|NONE|EXITWITHKEY|2|1
1700000400|1700000400.1|q14|NONE|ENTERQUEUE||5550004
1700000405|1700000400.1|q14|SIP/101|CONNECT|5|1700000400.9
1700000465|1700000400.1|q14|SIP/101|TRANSFER|200|from-internal|5|60
1700000500|1700000500.1|q14|NONE|EXITWITHTIMEOUT|1
1700001000|1700001000.1|q18|NONE|ENTERQUEUE||5550011|1
1700001009|1700001000.1|q18|SIP/200|CONNECT|9|1700001000.5|3
1700001100|1700001000.1|q18|SIP/200|TRANSFER|300|from-internal|9|91|1
1700001200|1700001200.1|q18|NONE|ENTERQUEUE||5550012|1
1700001250|1700001200.1|q18|NONE|EXITWITHTIMEOUT|1|1|50
1700001300|1700001300.1|q18|NONE|EXITWITHKEY|3|1|1|20
1700002000|1700002000.1|q11|NONE|ENTERQUEUE||5550021|1|Jane Doe
1700002030|1700002000.1|q11|SIP/300|CONNECT|30|1700002000.7|30
1700002090|1700002000.1|q11|SIP/300|COMPLETECALLER|30|60|1
1700003000|1700003000.1|q13|NONE|ENTERQUEUE||5550031|1
1700003010|1700003000.1|q13|PJSIP/400|CONNECT|10|1700003000.4|10
1700003110|1700003000.1|q13|PJSIP/400|ATTENDEDTRANSFER|LINK|PJSIP/400-0001|PJSIP/500-0002|10|100|1
1700003200|1700003200.1|q13|NONE|ENTERQUEUE||5550032|1
1700003207|1700003200.1|q13|PJSIP/401|CONNECT|7|1700003200.4|7
1700003300|1700003200.1|q13|PJSIP/401|ATTENDEDTRANSFER|APP|Voicemail|7|93|1
LOG

ingest --calls-format asterisk-queue-log --calls queue_log
expect_exit 0
# 26 lines: 25 in 10 legs (3+2+2+3 | 3+2+1 | 3 | 3+3); line 11, a 1.4
# EXITWITHTIMEOUT with neither ENTERQUEUE nor wait time, cannot be placed
# in time: counted.
expect_counts queue_log 26 25 0
expect_counted queue_log 1
expect_accounting

expect_sql "SELECT queue, arrived_at - 1700000000, coalesce(answered_at - 1700000000, '-'),
            ended_at - 1700000000, outcome, coalesce(agent_id, '-'),
            coalesce(transferred_to, '-'), line, coalesce(lines, '-')
            FROM call_legs ORDER BY arrived_at" \
"q14|0|12|100|answered|SIP/100|-|3|1,2,3
q14|200|-|260|voicemail|-|-|5|4,5
q14|300|-|310|ivr|-|-|7|6,7
q14|400|405|465|transferred|SIP/101|200@from-internal|10|8,9,10
q18|1000|1009|1100|transferred|SIP/200|300@from-internal|14|12,13,14
q18|1200|-|1250|voicemail|-|-|16|15,16
q18|1280|-|1300|ivr|-|-|17|-
q11|2000|2030|2090|answered|SIP/300|-|20|18,19,20
q13|3000|3010|3110|transferred|PJSIP/400|attended (LINK)|23|21,22,23
q13|3200|3207|3300|transferred|PJSIP/401|attended (APP)|26|24,25,26"
expect_sql "SELECT notes FROM sources" \
"10 call legs: 1 rebuilt from its terminal event (ENTERQUEUE not in the file); accounts: 1 caller withheld the number, 8 numbers not in the accounts map, 1 no caller number known; counted, not legs: 1 line of a stint that cannot be placed in time"
