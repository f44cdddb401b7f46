# The delimiter is the one of , ; TAB | that splits the header into known
# column names, or --delimiter (issue 22). 081 has the hostile cases.

T='2026-10-01T00:00:00Z'
printf 'outage_id;started_at;cause\nO-1;%s;"a, b; c"\n' "$T" > semi.csv
ingest --outages semi.csv
expect_exit 0
expect_counts semi.csv 1 1 0
expect_sql "SELECT cause FROM outages" "a, b; c"
expect_sql "SELECT notes FROM sources" "fields delimited by ';'"

printf 'outage_id|started_at\nO-2|%s\n' "$T" > bar.csv
ingest --delimiter '|' --outages bar.csv
expect_exit 0
expect_counts bar.csv 1 1 0

printf 'outage_id\tstarted_at\nO-3\t%s\n' "$T" > tab.csv
ingest --delimiter outages=tab --outages tab.csv
expect_exit 0
expect_counts tab.csv 1 1 0

ingest --delimiter : --outages tab.csv
expect_exit 64
expect_stderr_has "--delimiter takes ',', ';', tab or '|', got :"
expect_accounting
