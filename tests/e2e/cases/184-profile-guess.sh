# `ombud profile guess` (issue 29): a starting profile from the file's
# first lines. What it should find, by reading the files by hand.

run_ombud profile guess "$SAMPLES/oe417/outage-excerpt.csv" --kind outages
expect_exit 0
expect_stdout_line '^kind = outages$'
expect_stdout_line '^delimiter = comma$'
expect_stdout_line '^encoding = UTF-8$'
expect_stdout_line '^skip_lines = 5$'
expect_stdout_line '^skip_after_header = 1$'
expect_stdout_line '^started_at = \{OUTAGE\.START\.DATE\} \{OUTAGE\.START\.TIME\}$'
expect_stdout_line '^started_at = %A, %B %d, %Y %I:%M:%S %p$'
expect_stdout_line '^; outage_id = \{\.\.\.\}  \(required; no header matched\)$'
# what it could not match keeps the profile from loading until filled in
cp "$OUT" guessed.ini
ingest --profile guessed.ini --outages "$SAMPLES/oe417/outage-excerpt.csv"
expect_exit 65
expect_stderr_has "[columns] lacks what outages requires: outage_id"
# filled in, it reads every row
sed 's/^; outage_id = {...}.*/outage_id = X-{OBS}/' guessed.ini > filled.ini
ingest --profile filled.ini --outages "$SAMPLES/oe417/outage-excerpt.csv"
expect_exit 0
expect_counts "$SAMPLES/oe417/outage-excerpt.csv" 23 23 0

run_ombud profile guess "$SAMPLES/excel-calls/calls-export.csv" --kind calls
expect_exit 0
expect_stdout_line '^delimiter = semicolon$'
# only bytes 0xA0-0xFF (é, è): ISO-8859-1 by the rule of --encoding's guess
expect_stdout_line '^encoding = ISO-8859-1$'
expect_stdout_line '^skip_lines = 0$'

run_ombud profile guess "$SAMPLES/excel-calls/calls-export.csv" --kind cdr
expect_exit 64
run_ombud profile guess "$SAMPLES/excel-calls/calls-export.csv"
expect_exit 64
expect_stderr_has "guess needs --kind KIND"
run_ombud profile frobnicate
expect_exit 64
