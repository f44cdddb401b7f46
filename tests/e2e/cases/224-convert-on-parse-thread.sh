# Rows converted on the parsing thread (ombud_format.convert): what is
# stored and what is rejected is what take_row() gives on one thread.
#
# calls.csv has its columns out of order (call_id is field 5) and 2,500
# rows, more than one batch of 1,024 records, so that records of both
# kinds (converted, and left for take_row) fall at the batch edges:
#   line 2 + k (k = 0..2499) is leg L-k, arrived 2026-10-01 00:00 + k min,
#   ended 30 s later, abandoned; except
#   line 3 (k 1): L-0 again, a duplicate before any row has gone to
#     take_row(), rejected at field 5 (call_id), first copy line 2;
#   line 1026 (k 1024, the first of the second batch): outcome "maybe",
#     rejected at field 4 (outcome);
#   line 1027 (k 1025): a copy of line 1026's key with a good outcome, so
#     stored (1026 was rejected, so its key is not taken);
#   line 1028 (k 1026): L-1025 again (same queue and arrival): a
#     duplicate, rejected at field 5 (call_id), its first copy line 1027;
#   line 2050 (k 2048): four fields, rejected at field 5 (the first one
#     missing);
#   line 2051 (k 2049): queue "técnico" (not plain ASCII: the text checks
#     run there), stored as written;
#   line 2052 (k 2050): a right-to-left override in call_id, rejected at
#     field 5.
# Read 2,500; rejected 5 (lines 3, 1026, 1028, 2050, 2052); stored 2,495.

awk 'BEGIN {
    print "queue,arrived_at,ended_at,outcome,call_id"
    for (k = 0; k < 2500; k++) {
        m = k % 60; h = int(k / 60) % 24; d = 1 + int(k / 1440)
        t = sprintf("2026-10-%02dT%02d:%02d:00Z", d, h, m)
        e = sprintf("2026-10-%02dT%02d:%02d:30Z", d, h, m)
        q = "tech"; o = "abandoned"; id = "L-" k
        if (k == 1) {
            id = "L-0"; t = "2026-10-01T00:00:00Z"; e = "2026-10-01T00:00:30Z"
        }
        if (k == 1024) o = "maybe"
        if (k == 1025 || k == 1026) {
            id = "L-1025"; t = "2026-10-01T17:04:00Z"
            e = "2026-10-01T17:04:30Z"
        }
        if (k == 2048) { printf "%s,%s,%s,%s\n", q, t, e, o; continue }
        if (k == 2049) q = "t\303\251cnico"
        if (k == 2050) id = "L-\342\200\256" k
        printf "%s,%s,%s,%s,%s\n", q, t, e, o, id
    }
}' > calls.csv
expect_eq "lines in calls.csv" 2501 "$(wc -l < calls.csv | tr -d ' ')"

ingest --calls calls.csv
expect_exit 0
expect_counts calls.csv 2500 2495 5
expect_stderr_has "calls.csv:3:5: error: rejected: call_id \"L-0\": duplicate leg (same call_id, queue and arrived_at), first stored from calls.csv:2"
expect_reject calls.csv 1026 4 outcome "unknown outcome"
expect_reject calls.csv 1028 5 call_id "duplicate leg"
expect_stderr_has "calls.csv:1028:5: error: rejected: call_id \"L-1025\": duplicate leg (same call_id, queue and arrived_at), first stored from calls.csv:1027"
expect_reject calls.csv 2050 5 - "expected 5 fields as in the header, found 4"
expect_reject calls.csv 2052 5 call_id "bidirectional control character U+202E at byte 3"
expect_accounting
# Every stored leg is on its line, with its own times.
expect_sql "SELECT count(*) FROM call_legs WHERE line = 2 + CAST(substr(call_id, 3) AS INTEGER)
            AND ended_at = arrived_at + 30" 2495
expect_sql "SELECT line, arrived_at FROM call_legs WHERE call_id = 'L-1025'" \
    "1027|$(utc 2026-10-01T17:04:00Z)"
expect_sql "SELECT call_id, line FROM call_legs WHERE queue <> 'tech'" "L-2049|2051"
expect_sql "SELECT hex(queue) FROM call_legs WHERE line = 2051" "74C3A9636E69636F"
expect_sql "SELECT min(line), max(line) FROM call_legs" "2|2501"

# The same rows through an import profile (converted on the parsing
# thread with its own copy of the binding), after a units line the
# profile skips: every line number one more, the columns the same.
sed '1a units,utc,utc,-,-' calls.csv > units.csv
cat > p.ini <<'INI'
[profile]
kind = calls
delimiter = comma
skip_after_header = 1
[columns]
call_id = {call_id}
queue = {queue}
arrived_at = {arrived_at}
ended_at = {ended_at}
outcome = {outcome}
INI
DB=p.db
ingest --profile p.ini --calls units.csv
expect_exit 0
expect_counts units.csv 2500 2495 5
expect_stderr_has "units.csv:4:5: error: rejected: call_id \"L-0\": duplicate leg (same call_id, queue and arrived_at), first stored from units.csv:3"
expect_reject units.csv 1027 4 outcome "unknown outcome (expected answered, abandoned, closed, voicemail, transferred or ivr) (profile p.ini:10)"
expect_reject units.csv 1029 5 call_id "duplicate leg"
expect_reject units.csv 2051 5 - "expected 5 fields as in the header, found 4"
expect_reject units.csv 2053 5 call_id "bidirectional control character U+202E at byte 3"
expect_accounting
expect_sql "SELECT count(*) FROM call_legs WHERE line = 3 + CAST(substr(call_id, 3) AS INTEGER)
            AND ended_at = arrived_at + 30" 2495
expect_sql "SELECT call_id, line FROM call_legs WHERE queue <> 'tech'" "L-2049|2052"
