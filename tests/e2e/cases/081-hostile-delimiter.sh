# Other delimiters. A whole file written with ';', TAB or '|' is read with
# the delimiter that splits its header into known column names (issue 22;
# it used to be 65, "no recognisable header"), and the source's notes say
# which. A file with a comma header but rows written with ';' is read:
# every such row is rejected for its field count at FILE:LINE:COL, and
# read = stored + rejected.

T='2026-10-01T00:00:00Z'
n=0
for d in ';' '	' '|'; do
    n=$((n + 1))
    printf 'outage_id%sstarted_at\nO-%s%s%s\n' "$d" $n "$d" "$T" > o$n.csv
    printf 'call_id%squeue%sarrived_at%sended_at%soutcome\nC-%s%stech%s%s%s%s%sclosed\n' \
        "$d" "$d" "$d" "$d" $n "$d" "$d" "$T" "$d" "$T" "$d" > c$n.csv
    printf 'account_id%skind%sposted_at%samount\nA%s%scharge%s2026-10-01%s1.00\n' \
        "$d" "$d" "$d" $n "$d" "$d" "$d" > b$n.csv
    ingest --outages o$n.csv --calls c$n.csv --billing b$n.csv
    expect_exit 0
    expect_counts o$n.csv 1 1 0
    expect_counts c$n.csv 1 1 0
    expect_counts b$n.csv 1 1 0
done
expect_sql "SELECT count(*) FROM sources" 9
expect_sql "SELECT DISTINCT notes FROM sources ORDER BY 1" "fields delimited by ';'
fields delimited by '|'
fields delimited by tab"
# A wrong --delimiter: the header is one unknown name, and the message
# says how it was split.
printf 'outage_id;started_at\nO-9;%s\n' "$T" > semi.csv
ingest --delimiter tab --outages semi.csv
expect_exit 65
expect_stderr_line "semi.csv:1: error: " "no recognisable outages header"
expect_stderr_has "it was split at 'tab' as --delimiter says"

# A comma header over semicolon rows (a spreadsheet's regional setting).
{
    echo 'account_id,kind,posted_at,amount'
    echo 'A;charge;2026-10-01;1,00'
    echo 'A,charge,2026-10-01,1.00'
    echo 'A;credit;2026-10-02;0,50'
} > mixed.csv
ingest --billing mixed.csv
expect_exit 0
expect_counts mixed.csv 3 1 2
# "A;charge;2026-10-01;1" and "00": 2 fields, the third is missing.
expect_reject mixed.csv 2 3 - "expected 4 fields as in the header, found 2"
expect_reject mixed.csv 4 3 - "expected 4 fields as in the header, found 2"
expect_sql "SELECT line, amount FROM billing_events WHERE source_id =
            (SELECT id FROM sources WHERE path = 'mixed.csv')" "3|100"

# A header with one delimiter but a required column glued to another by
# the wrong one: the column is missing (65), the message says which.
printf 'outage_id,started_at;restored_at\nO-1,%s;%s\n' "$T" "$T" > glued.csv
ingest --outages glued.csv
expect_exit 65
expect_stderr_line "glued.csv:1: error: " "header lacks required column started_at"
expect_accounting
