# fixtures/calls-mixed.csv: 13 data rows (lines 2-14, one line each), good
# and bad mixed. By hand:
#   2  M-01 tech      good
#   3  M-01 repair    good
#   4  M-02           good
#   5  M-03           answered 09:31 after ended 09:30:30 -> field 5
#   6  M-04           outcome "busy"                     -> field 7
#   7  M-05           good
#   8  M-06           promised 25:00                     -> field 11
#   9  M-07           10 fields                          -> field 11
#   10 M-08           good (queue with a comma, quoted)
#   11 M-01 tech      duplicate of line 2                -> field 1
#   12 M-09           good (blank outcome, answered -> "answered")
#   13 (blank id)     call_id required                   -> field 1
#   14 M-10           good
# read 13 = stored 7 (lines 2,3,4,7,10,12,14) + rejected 6.
F=$FIXTURES/calls-mixed.csv
ingest_la --calls "$F"
expect_exit 0
expect_eq "data rows in the fixture" 13 "$(($(wc -l < "$F") - 1))"
expect_counts "$F" 13 7 6
expect_sql "SELECT count(*) FROM call_legs" 7
expect_sql "SELECT count(*) FROM rejects" 6
expect_reject "$F" 5 5 answered_at "answered after it ended"
expect_reject "$F" 6 7 outcome "unknown outcome"
expect_reject "$F" 8 11 promised_restore_at "hour out of range"
expect_reject "$F" 9 11 - "expected 11 fields as in the header, found 10"
expect_reject "$F" 11 1 call_id "first stored from calls-mixed.csv:2"
expect_reject "$F" 13 1 call_id "call_id is required"
expect_sql "SELECT group_concat(line) FROM (SELECT line FROM call_legs ORDER BY line)" \
    "2,3,4,7,10,12,14"
expect_sql "SELECT outcome FROM call_legs WHERE call_id = 'M-09'" answered
expect_sql "SELECT queue FROM call_legs WHERE call_id = 'M-08'" "tech, priority"
expect_stderr_has "$F: 13 read, 7 stored, 6 rejected"
expect_accounting
