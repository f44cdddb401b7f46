# Size limits in each format. A field of 1 MB (a record of more than
# OMBUD_MAX_RECORD = 1048576 bytes) is rejected as one row at FILE:LINE and
# the next line is read; a header of 100,000 columns is refused with 65 in
# well under a second of work; a data row of 100,000 fields is rejected at
# the first extra field. Memory stays bounded and nothing is lost.

T='2026-10-01T00:00:00Z'
MB=1048576

# ---- a 1 MB field (plus the rest of the row: over the limit) -----------
{
    echo 'outage_id,started_at,cause'
    printf 'O-2,%s,' "$T"; repeat_char x $MB; echo
    echo "O-3,$T,after"
} > o.csv
{
    echo 'call_id,queue,arrived_at,ended_at,outcome,agent_id'
    printf 'C-2,tech,%s,%s,closed,"' "$T" "$T"; repeat_char a $MB; echo '"'
    echo "C-3,tech,$T,$T,closed,"
} > c.csv
{
    echo 'account_id,kind,posted_at,amount,description'
    printf 'A,charge,2026-10-01,'; repeat_char 9 $MB; echo ',desc'
    echo 'A,charge,2026-10-01,1.00,after'
} > b.csv
ingest --outages o.csv --calls c.csv --billing b.csv
expect_exit 0
for f in o.csv c.csv b.csv; do
    expect_counts $f 2 1 1
    expect_reject $f 2 0 - "longer than 1048576 bytes"
done
expect_sql "SELECT line FROM outages" 3
expect_sql "SELECT line FROM call_legs" 3
expect_sql "SELECT line, amount FROM billing_events" "3|100"
expect_sql "SELECT max(length(coalesce(value, '')) + length(reason)) < 1000 FROM rejects" 1

# A 1 MB field that fits: 1048576 bytes in all with the rest of the line.
# "O-9," 4 + "$T," 21 + newline 1 = 26 bytes around the cause.
{ echo 'outage_id,started_at,cause'; printf 'O-9,%s,' "$T"; repeat_char y $((MB - 26)); echo; } > fit.csv
ingest --outages fit.csv
expect_exit 0
expect_counts fit.csv 1 1 0
expect_sql "SELECT length(cause) FROM outages WHERE outage_id = 'O-9'" $((MB - 26))

# ---- 100,000 columns in the header: 65, quickly -------------------------
for k in outages calls billing; do
    awk -v k=$k 'BEGIN {
        h["outages"] = "outage_id,started_at"
        h["calls"] = "call_id,queue,arrived_at,ended_at,outcome"
        h["billing"] = "account_id,kind,posted_at,amount"
        printf "%s", h[k]
        for (i = 0; i < 100000; i++) printf ",col%d", i
        print ""
        print "x"
    }' > wide-$k.csv
    # Quickly: under a CPU-time limit (ulimit -t counts the process's own
    # CPU seconds, so busy cores do not matter, unlike a wall clock). The
    # plain build needs ~0.05 s, ASan ~0.5 s; work quadratic in the
    # columns would need far more than 10 s and die by SIGXCPU.
    T_LAST="ulimit -t 10; ombud ingest --$k wide-$k.csv"
    sh -c 'ulimit -t 10 && exec "$@"' sh "$OMBUD" ingest --db "$DB" --tz UTC --$k wide-$k.csv \
        >wide.out 2>wide-$k.err </dev/null
    RC=$?; ERR=wide-$k.err
    expect_exit 65
    expect_stderr_line "wide-$k.csv:1: error: " "header has more than 4096 columns"
done
expect_sql "SELECT count(*) FROM sources WHERE path LIKE 'wide-%'" 0

# ---- a data row of 100,000 fields ----------------------------------------
awk -v t=$T 'BEGIN {
    print "outage_id,started_at"
    printf "W-2,%s", t
    for (i = 0; i < 99998; i++) printf ",f%d", i
    print ""
    print "W-3," t
}' > widerow.csv
ingest --outages widerow.csv
expect_exit 0
expect_counts widerow.csv 2 1 1
expect_reject widerow.csv 2 3 - "expected 2 fields as in the header, found more than 4096"
# The same with an empty header-sized row of 100k empty fields in calls.
{ echo "call_id,queue,arrived_at,ended_at,outcome"; repeat_char , 99999; echo;
  echo "C-9,tech,$T,$T,closed"; } > commas.csv
ingest --calls commas.csv
expect_exit 0
expect_counts commas.csv 2 1 1
expect_reject commas.csv 2 6 - "found more than 4096"
expect_accounting
