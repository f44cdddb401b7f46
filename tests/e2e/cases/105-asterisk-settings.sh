# [source asterisk] in the guarantees file: what EXITWITHTIMEOUT and
# EXITWITHKEY mean at this site, given to ingest with --guarantees (run
# takes them from its own guarantees file). Recorded with the source.

cat > queue_log <<'LOG'
1700000000|1700000000.1|q|NONE|ENTERQUEUE||5550001|1
1700000060|1700000000.1|q|NONE|EXITWITHTIMEOUT|1|1|60
1700000100|1700000100.1|q|NONE|ENTERQUEUE||5550002|1
1700000110|1700000100.1|q|NONE|EXITWITHKEY|2|1|1|10
1700000200|1700000200.1|q|NONE|ENTERQUEUE||5550003|1
1700000220|1700000200.1|q|NONE|EXITWITHKEY|5|1|1|20
1700000300|1700000300.1|q|NONE|ENTERQUEUE||5550004|1
1700000330|1700000300.1|q|NONE|EXITWITHKEY|*|1|1|30
LOG
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K

[source asterisk]
exitwithtimeout = abandoned
exitwithkey = 2: voicemail, *: closed,
  other: transferred

[guarantee g]
promise = p
source = s
kind = restoration
within = 24h
INI
# timeout -> abandoned; key 2 -> voicemail; key 5 (unnamed) -> other:
# transferred; key * -> closed.
ingest --guarantees g.ini --calls queue_log
expect_exit 0
expect_sql "SELECT substr(call_id, 1, 10) - 1700000000, outcome FROM call_legs ORDER BY arrived_at" \
"0|abandoned
100|voicemail
200|transferred
300|closed"
expect_sql "SELECT settings FROM sources" \
"exitwithtimeout = abandoned; exitwithkey = 2: voicemail, *: closed, other: transferred"

# Without --guarantees the defaults: timeout voicemail, any key ivr.
DB=default.db
ingest --calls queue_log
expect_sql "SELECT group_concat(outcome, ',') FROM (SELECT outcome FROM call_legs ORDER BY arrived_at)" \
"voicemail,ivr,ivr,ivr"
DB=ev.db

# Mistakes are reported with the file's line, and nothing is imported.
cat > bad.ini <<'INI'
[filing]
carrier = C
commission = K

[source asterisk]
exitwithtimeout = answered
exitwithkey = 1 voicemail
colour = blue

[source freeswitch]

[guarantee g]
promise = p
source = s
kind = restoration
within = 24h
INI
DB=bad.db
ingest --guarantees bad.ini --calls queue_log
expect_exit 65
expect_stderr_has "bad.ini:6: error: [source asterisk] exitwithtimeout: 'answered' is not one of voicemail, abandoned, closed, ivr, transferred"
expect_stderr_has "bad.ini:7: error: [source asterisk] exitwithkey: expected KEY: OUTCOME pairs"
expect_stderr_has "bad.ini:8: error: [source asterisk] colour: unknown key (expected one of: exitwithtimeout, exitwithkey)"
expect_stderr_has "bad.ini:10: error: unknown section [source freeswitch]"
expect_no_file bad.db
DB=ev.db

# A store of schema version 2 (before the Asterisk inputs) is migrated in
# place when opened: made here by taking version 2's additions away.
DB=v2.db
ingest_la --calls "$FOUNDING/calls.csv"
sqlite3 v2.db "ALTER TABLE sources DROP COLUMN rows_counted;
  ALTER TABLE sources DROP COLUMN settings; ALTER TABLE sources DROP COLUMN notes;
  ALTER TABLE call_legs DROP COLUMN lines; ALTER TABLE call_legs DROP COLUMN nlines;
  DROP TABLE accounts; DROP TABLE cdr_records;
  ALTER TABLE evidence DROP COLUMN source_id; ALTER TABLE evidence DROP COLUMN lines;
  UPDATE meta SET value = '2' WHERE key = 'schema_version'"
ingest --calls queue_log
expect_exit 0
expect_sql "SELECT value FROM meta WHERE key = 'schema_version'" 5
expect_sql "SELECT kind, rows_read, rows_stored, rows_counted FROM sources ORDER BY id" \
"calls|64|64|0
queue_log|8|8|0"
expect_sql "SELECT count(*), sum(nlines) FROM call_legs" "68|72"
expect_accounting
