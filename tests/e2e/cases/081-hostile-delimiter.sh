# Wrong delimiter. A whole file written with ';', TAB or '|' has a header
# that is one unknown column name: 65 at FILE:1, nothing stored. A file with
# a comma header but rows written with ';' is read: every row is rejected
# for its field count at FILE:LINE:COL, and read = stored + rejected.

T='2026-10-01T00:00:00Z'
n=0
for d in ';' '	' '|'; do
    n=$((n + 1))
    printf 'outage_id%sstarted_at\nO-1%s%s\n' "$d" "$d" "$T" > o$n.csv
    printf 'call_id%squeue%sarrived_at%sended_at%soutcome\nC-1%stech%s%s%s%s%sclosed\n' \
        "$d" "$d" "$d" "$d" "$d" "$d" "$T" "$d" "$T" "$d" > c$n.csv
    printf 'account_id%skind%sposted_at%samount\nA%scharge%s2026-10-01%s1.00\n' \
        "$d" "$d" "$d" "$d" "$d" "$d" > b$n.csv
    ingest --outages o$n.csv
    expect_exit 65
    expect_stderr_line "o$n.csv:1: error: " "no recognisable outages header"
    ingest --calls c$n.csv
    expect_exit 65
    expect_stderr_line "c$n.csv:1: error: " "no recognisable calls header"
    ingest --billing b$n.csv
    expect_exit 65
    expect_stderr_line "b$n.csv:1: error: " "no recognisable billing header"
done
expect_sql "SELECT count(*) FROM sources" 0

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
expect_sql "SELECT line, amount FROM billing_events" "3|100"

# A header with one delimiter but a required column glued to another by
# the wrong one: the column is missing (65), the message says which.
printf 'outage_id,started_at;restored_at\nO-1,%s;%s\n' "$T" "$T" > glued.csv
ingest --outages glued.csv
expect_exit 65
expect_stderr_line "glued.csv:1: error: " "header lacks required column started_at"
expect_accounting
