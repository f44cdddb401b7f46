# ombud forget refuses, with exit 65 and nothing removed, a SOURCE that
# names no stored source (listing those stored) or several (listing the
# candidates); one bad SOURCE among good ones removes none of them. No
# SOURCE, an unknown option: exit 64.

cp "$FOUNDING/outages.csv" "$FOUNDING/calls.csv" .
mkdir fix
# A corrected export of the same name: line 2's queue fixed.
sed '2s/,tech_support,2026-10-14 16:40:12/,repair,2026-10-14 16:40:12/' \
    calls.csv > fix/calls.csv
expect_true "the corrected file differs" sh -c '! cmp -s calls.csv fix/calls.csv'
ingest_la --outages outages.csv --calls calls.csv
ingest_la --calls fix/calls.csv
expect_exit 0
expect_sql "SELECT id, path FROM sources ORDER BY id" "1|outages.csv
2|calls.csv
3|fix/calls.csv"

# Two sources are called calls.csv.
run_ombud forget --db "$DB" calls.csv
expect_exit 65
expect_stderr_has "ombud: error: 'calls.csv' is ambiguous: 2 sources match; name one by its id or SHA-256"
expect_stderr_has "  source 2: calls.csv, kind calls, path calls.csv,"
expect_stderr_has "  source 3: calls.csv, kind calls, path fix/calls.csv,"
expect_sql "SELECT count(*) FROM sources" 3

# Unknown: the sources stored are listed.
run_ombud forget --db "$DB" nothing.csv
expect_exit 65
expect_stderr_has "ombud: error: 'nothing.csv' names no stored source"
expect_stderr_has "  source 1: outages.csv, kind outages, path outages.csv,"
run_ombud forget --db "$DB" 9
expect_exit 65
expect_stderr_has "'9' names no stored source"

# One bad among good: nothing removed.
run_ombud forget --db "$DB" 1 fix/calls.csv nothing.csv
expect_exit 65
expect_stdout_lacks "forgot"
expect_sql "SELECT count(*) FROM sources" 3
expect_sql "SELECT (SELECT count(*) FROM outages), (SELECT count(*) FROM call_legs)" "3|65"

run_ombud forget --db "$DB"
expect_exit 64
expect_stderr_has "none given"
run_ombud forget --db "$DB" --bogus 1
expect_exit 64
expect_sql "SELECT count(*) FROM sources" 3

# The same source named twice is forgotten once; by its path as stored.
run_ombud forget --db "$DB" fix/calls.csv 3
expect_exit 0
expect_stdout_has "forgot calls.csv (source 3, calls,"
expect_eq "one line per source" 1 "$(grep -c '^forgot' "$OUT")"
expect_sql "SELECT id FROM sources ORDER BY id" "1
2"

run_ombud help forget
expect_exit 0
expect_stdout_has "usage: ombud forget"
