# A record with more than OMBUD_MAX_FIELDS (4096) fields is rejected as a
# whole row; the parser goes on. A header with more than 4096 columns is no
# usable header (65).

P='2026-10-01T00:00:00Z'
{
    echo 'outage_id,started_at,cause'
    echo "O-2,$P,ok"
    # 5000 fields: O-3, the time, then 4998 more "c"
    printf 'O-3,%s' "$P"; i=0; while [ $i -lt 4998 ]; do printf ',c'; i=$((i + 1)); done; echo
    echo "O-4,$P,after"
} > wide.csv
ingest --outages wide.csv
expect_exit 0
expect_counts wide.csv 3 2 1
# The header has 3 fields: the first extra field is field 4.
expect_reject wide.csv 3 4 - "expected 3 fields as in the header"
# The message should give the real count or the limit, not a wrong bound:
# 5000 fields were found (or "more than 4096").
expect_true "reject reason states the field count correctly" \
    grep -Eq 'wide.csv:3:4: error: rejected: expected 3 fields as in the header, found (5000|more than 4096)$' "$ERR"
expect_sql "SELECT outage_id, line FROM outages ORDER BY line" "O-2|2
O-4|4"

# Header of 4097 columns: outage_id, started_at and 4095 others.
{
    printf 'outage_id,started_at'; i=0; while [ $i -lt 4095 ]; do printf ',x%d' $i; i=$((i + 1)); done; echo
    echo "O-1,$P"
} > wideh.csv
ingest --outages wideh.csv
expect_exit 65
expect_stderr_has "more than 4096 columns"
expect_sql "SELECT count(*) FROM sources WHERE path = 'wideh.csv'" 0
expect_accounting
