# Unparseable times: the reject names file:line:field and the reason, on
# stderr and in the rejects table. Line 17, field 5 reproduces the example
# of src/diag.h: calls.csv:17:5: error: answered_at "2026-13-01 08:00": ...

{
    echo "call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,promised_restore_at"
    # lines 2..16: 15 good legs
    i=1
    while [ $i -le 15 ]; do
        printf 'G-%02d,ACC-1,tech,2026-10-01 08:%02d:00,,2026-10-01 08:%02d:30,abandoned,,,,\n' $i $i $i
        i=$((i + 1))
    done
    echo 'B-17,ACC-1,tech,2026-10-01 07:00,2026-13-01 08:00,2026-10-01 09:00,answered,A-1,,,'
    echo 'B-18,ACC-1,tech,2026-02-30 07:00,,2026-10-01 09:00,closed,,,,'
    echo 'B-19,ACC-1,tech,2026-10-01 07:00,,2026-10-01 24:00,closed,,,,'
    echo 'B-20,ACC-1,tech,2026-10-01 07:00,2026-10-01 07:01,2026-10-01 09:00,answered,A-1,,,0000-10-01 00:00'
    echo 'B-21,ACC-1,tech,2100-02-29 07:00,,2100-03-01 09:00,closed,,,,'
    echo 'B-22,ACC-1,tech,1899-12-31 23:59,,2026-10-01 09:00,closed,,,,'
    echo 'B-23,ACC-1,tech,2200-01-01 00:00,,2200-01-01 00:01,closed,,,,'
    echo 'B-24,ACC-1,tech,2026-00-10 07:00,,2026-10-01 09:00,closed,,,,'
    echo 'B-25,ACC-1,tech,2026-04-31 07:00,,2026-10-01 09:00,closed,,,,'
    echo 'G-26,ACC-1,tech,2028-02-29 07:00,,2028-02-29 08:00,closed,,,,'
} > calls.csv
ingest_la -v --calls calls.csv
expect_exit 0
# 25 data rows: 16 good (G-01..G-15, G-26 on a leap day), 9 rejected.
expect_counts calls.csv 25 16 9
expect_stderr_has 'calls.csv:17:5: error: rejected: answered_at "2026-13-01 08:00": month out of range'
expect_reject calls.csv 17 5 answered_at "month out of range"
expect_reject calls.csv 18 4 arrived_at "day out of range (2026-02 has 28 days)"
expect_reject calls.csv 19 6 ended_at "hour out of range"
expect_reject calls.csv 20 11 promised_restore_at "year out of range"
# 2100 is not a leap year (divisible by 100, not by 400).
expect_reject calls.csv 21 4 arrived_at "day out of range (2100-02 has 28 days)"
expect_reject calls.csv 22 4 arrived_at "year out of range"
expect_reject calls.csv 23 4 arrived_at "year out of range"
expect_reject calls.csv 24 4 arrived_at "month out of range"
expect_reject calls.csv 25 4 arrived_at "day out of range (2026-04 has 30 days)"
# The raw value is kept in the rejects table.
expect_sql "SELECT value FROM rejects WHERE line = 17" "2026-13-01 08:00"
expect_sql "SELECT call_id, line FROM call_legs WHERE call_id = 'G-26'" "G-26|26"
expect_accounting

# A long bad value is cut in the message and in the rejects table (about
# 200 bytes, ending in "..."). Past OMBUD_ID_MAX (1,000 bytes) a field
# that is not free text is refused for its length first.
{ printf 'outage_id,started_at\nL-1,'; repeat_char 9 5000; echo; } > long.csv
ingest --outages long.csv
expect_exit 0
expect_reject long.csv 2 2 started_at "5000 bytes, at most 1000 here (only free text, such as a cause, is longer)"
expect_sql "SELECT length(value) <= 200, substr(value, -3) FROM rejects r
            JOIN sources s ON s.id = r.source_id WHERE s.path = 'long.csv'" "1|..."
expect_true "the reject message is shorter than 400 bytes" \
    test "$(grep 'long.csv:2:2:' "$ERR" | wc -c)" -lt 400

# Outages: year 0000 and 24:00 in started_at.
printf 'outage_id,started_at\nO-1,0000-01-01T00:00:00Z\nO-2,2026-10-01T24:00:00Z\n' > o.csv
ingest --outages o.csv
expect_exit 0
expect_counts o.csv 2 0 2
expect_reject o.csv 2 2 started_at "year out of range"
expect_reject o.csv 3 2 started_at "hour out of range"
