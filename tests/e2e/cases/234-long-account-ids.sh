# Account ids longer than 255 bytes reach a queue_log's legs whole, from
# the accounts map and from a CDR's accountcode, so that two accounts
# that agree on a long prefix stay two in customer_effort. (They were
# copied into 256-byte buffers: cut to 255 bytes, both became one
# account, and the cut left half of a two-byte character, invalid UTF-8.)
#
# P is 130 "é" (260 bytes); a 255-byte cut ends in the lead byte of the
# 128th. A = P-1001 and B = P-1002 (265 bytes each) agree on their first
# 264 bytes. T0 = 2026-10-05 09:00:00 UTC = 1791190800 (samples/asterisk).
#
#   callid  caller   account from          leg
#   .1      5550101  map: A                T0,     abandoned after 30 s
#   .2      5550101  map: A                T0+1h,  abandoned after 30 s
#   .3      5550102  map: B                T0+2h,  abandoned after 30 s
#   .4      5550102  map: B                T0+3h,  abandoned after 30 s
#   .5      5550199  CDR accountcode: A    T0+4h,  abandoned after 30 s
#                    (the number is not in the map)
#
# customer_effort with max_calls = 1, grouped by account (no tickets):
# A has 3 calls (.1, .2, .5), B 2 (.3, .4): two groups, two breaches.
E=$(printf '\303\251')   # é
P=$(repeat_char x 130 | sed "s/x/$E/g")
A=$P-1001
B=$P-1002
# The inputs, shared with tests/pg/run.sh (long-accounts): accounts.csv
# (A and B), queue_log (the table above), Master.csv (an 18-column CDR:
# accountcode A for callid .5, column 17) and one-call.ini.
cp "$FIXTURES/long-accounts/"* .
ingest --guarantees one-call.ini --cdr-tz UTC --cdr Master.csv \
    --accounts accounts.csv --calls-format asterisk-queue-log --calls queue_log
expect_exit 0
expect_stderr_has "accounts: 1 from the CDR, 4 from the accounts map"
expect_counts queue_log 10 10 0
expect_accounting
# Each leg's account whole (265 bytes) and the one the table names.
expect_sql "SELECT substr(call_id, 12), length(CAST(account_id AS BLOB)),
            CASE account_id WHEN $(sql_q "$A") THEN 'A'
                            WHEN $(sql_q "$B") THEN 'B' END
            FROM call_legs ORDER BY call_id" "1|265|A
2|265|A
3|265|B
4|265|B
5|265|A"
expect_sql "SELECT count(DISTINCT account_id) FROM call_legs" 2

run_ombud check --db "$DB" --guarantees one-call.ini --period 2026-10
expect_exit 0
expect_stdout_has "2 breaches"
# Two groups: A's 3 calls, B's 2 (figure "calls" per group).
expect_sql "SELECT CASE subject WHEN $(sql_q "$A") THEN 'A'
                                WHEN $(sql_q "$B") THEN 'B' END, value
            FROM figures WHERE name = 'calls' ORDER BY value DESC" "A|3
B|2"
expect_sql "SELECT count(*) FROM breaches" 2
