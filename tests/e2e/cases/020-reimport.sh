# Importing a file whose SHA-256 is already in the store adds nothing; a
# copy with one byte changed is a new source whose rows duplicate the
# outage_ids already stored and are rejected, naming the first location.

cp "$FOUNDING/outages.csv" "$FOUNDING/calls.csv" "$FOUNDING/billing.csv" .
ingest_la --outages outages.csv --calls calls.csv --billing billing.csv
expect_exit 0
expect_sql "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM outages),
            (SELECT count(*) FROM call_legs), (SELECT count(*) FROM billing_events),
            (SELECT count(*) FROM rejects)" "3|3|64|18|0"

# Same files again: exit 0, "already imported", nothing added.
ingest_la --outages outages.csv --calls calls.csv --billing billing.csv
expect_exit 0
expect_stderr_has "outages.csv: already imported"
expect_stderr_has "calls.csv: already imported"
expect_stderr_has "billing.csv: already imported"
expect_sql "SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM outages),
            (SELECT count(*) FROM call_legs), (SELECT count(*) FROM billing_events),
            (SELECT count(*) FROM rejects)" "3|3|64|18|0"

# Same bytes under another name and path: still the same source.
mkdir other
cp calls.csv other/calls-copy.csv
ingest_la --calls other/calls-copy.csv
expect_exit 0
expect_stderr_has "other/calls-copy.csv: already imported"
expect_sql "SELECT count(*) FROM sources" 3

# One byte changed (last row's "ahead" -> "ahcad"): a new source. All three
# outage_ids are already stored, so all three rows are rejected (column 1,
# outage_id) naming where the first copy came from: outages.csv line 2, 3, 4
# (the base name of the first source).
mkdir mod
sed 's/notified 7 days ahead/notified 7 days ahcad/' outages.csv > mod/outages.csv
expect_true "the copy differs from the original" \
    sh -c '! cmp -s outages.csv mod/outages.csv'
ingest_la --outages mod/outages.csv
expect_exit 0
expect_counts mod/outages.csv 3 0 3
expect_reject mod/outages.csv 2 1 outage_id "duplicate outage_id, first stored from outages.csv:2"
expect_reject mod/outages.csv 3 1 outage_id "duplicate outage_id, first stored from outages.csv:3"
expect_reject mod/outages.csv 4 1 outage_id "duplicate outage_id, first stored from outages.csv:4"
expect_stderr_has 'mod/outages.csv:3:1: error: rejected: outage_id "TT-4471": duplicate outage_id, first stored from outages.csv:3'
expect_stderr_has "mod/outages.csv: 3 read, 0 stored, 3 rejected"
expect_sql "SELECT count(*) FROM sources" 4
expect_sql "SELECT count(*) FROM outages" 3
# The stored rows still come from the first source.
expect_sql "SELECT DISTINCT source_id FROM outages" 1
expect_sql "SELECT value FROM rejects WHERE line = 2" OUT-2610-07
expect_accounting

# Importing the modified copy again is a no-op too.
ingest_la --outages mod/outages.csv
expect_exit 0
expect_stderr_has "already imported"
expect_sql "SELECT count(*) FROM sources" 4
expect_sql "SELECT count(*) FROM rejects" 3
