# Command-line mistakes exit 64 with a message naming the problem, before
# any store is created.

printf 'outage_id,started_at\nO-1,2026-10-01T00:00:00Z\n' > o.csv

ingest --outages o.csv --bogus
expect_exit 64
expect_stderr_has "unknown option --bogus"

ingest --tz Mars/Base --outages o.csv
expect_exit 64
expect_stderr_has "unknown time zone"
expect_stderr_has "Mars/Base"

# A POSIX offset string is refused too (a typo must not become an offset).
ingest --tz +05:00 --outages o.csv
expect_exit 64

ingest --tz '' --outages o.csv
expect_exit 64

# No input file at all.
ingest --tz UTC
expect_exit 64
expect_stderr_has "nothing to import"

# Option without its value.
ingest --outages
expect_exit 64
expect_stderr_has "needs a value"

ingest --outages o.csv --map nonsense
expect_exit 64
expect_stderr_has "--map needs [KIND.]COLUMN=HEADER"

ingest --outages o.csv --currency usd
expect_exit 64
expect_stderr_has "--currency"

ingest --outages o.csv stray
expect_exit 64
expect_stderr_has "unexpected argument stray"

expect_no_file "$DB"
