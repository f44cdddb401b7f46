# Input that is not a regular file: a FIFO, as made by
# `ombud ingest --outages <(zcat outages.csv.gz)` or `--outages /dev/stdin`.
# Its bytes can be read only once. ombud must either import it (3 rows of
# the founding case) or refuse it with a clear message (66); it must not
# call a non-empty input an "empty file".

mkfifo pipe.csv
cat "$FOUNDING/outages.csv" > pipe.csv &
writer=$!
ingest --outages pipe.csv
if [ "$RC" = 0 ]; then
    expect_counts pipe.csv 3 3 0
    expect_sql "SELECT count(*) FROM outages" 3
else
    expect_exit 66
    expect_stderr_has "pipe.csv"
    expect_stderr_lacks "empty file"
fi
# Unblock the writer if ombud never opened the FIFO: opening it read-write
# never blocks (Linux), lets the writer's open return, and closing it
# ends the writer (EPIPE) -- no timeout, so a busy machine changes nothing.
if kill -0 $writer 2>/dev/null; then
    : 3<>pipe.csv
fi
wait
