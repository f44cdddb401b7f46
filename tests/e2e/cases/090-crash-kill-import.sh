# Crash safety: `ombud ingest` of a 200,000-row outages file and a 20,000-
# row calls file, killed with SIGKILL at several random moments, one at the
# very start (while the file is being hashed) and one just after the
# outages file committed (in the calls file). Each kill hits a copy of a
# store holding one file committed earlier. After every kill: PRAGMA
# integrity_check is ok, the earlier file is intact, each of the two files
# is in the store whole or not at all (no partial source), calls only after
# outages (the import order), and read = stored + rejected. A re-run on the
# store killed mid-calls completes it, with no duplicate row, and a run
# after that is a no-op.
#
# The moments are random fractions of a timed import of a tenth of the
# data; KILL_SEED=N repeats a run's moments (the seed is printed).

N=200000
awk -v n=$N 'BEGIN { print "outage_id,account_id,area,service,started_at,restored_at,cause"
    for (i = 1; i <= n; i++)
        printf "K-%06d,ACC-%d,Elm,voice,2026-10-%02d %02d:%02d:00,2026-10-%02d %02d:%02d:30,row %d\n",
            i, i % 977, 1 + i % 28, int(i / 60) % 24, i % 60, 1 + i % 28, int(i / 60) % 24, i % 60, i }' > big.csv
awk 'BEGIN { print "call_id,queue,arrived_at,ended_at,outcome,ticket_id"
    for (i = 1; i <= 20000; i++)
        printf "L-%05d,tech,2026-10-%02d 10:%02d:00,2026-10-%02d 10:%02d:30,abandoned,K-%06d\n",
            i, 1 + i % 28, i % 60, 1 + i % 28, i % 60, i }' > calls.csv
expect_eq "rows in big.csv" $((N + 1)) "$(wc -l < big.csv | tr -d ' ')"

# A file committed before the crashes, in base.db (closed: no WAL left).
printf 'outage_id,started_at\nBASE-1,2026-09-01T00:00:00Z\nBASE-2,2026-09-02T00:00:00Z\n' > base.csv
DB=base.db
ingest --tz UTC --outages base.csv
expect_exit 0
expect_no_file base.db-wal
DB=k.db
fresh_store() {
    rm -f k.db k.db-wal k.db-shm
    cp base.db k.db
}

# Time a tenth of the work (the first 20,000 rows) to place the kills.
head -n 20001 big.csv > tenth.csv
t0=$(date +%s%N)
run_ombud ingest --db tenth.db --tz UTC --outages tenth.csv
t1=$(date +%s%N)
expect_exit 0
full_ms=$(( (t1 - t0) / 1000000 * 11 ))
seed=${KILL_SEED:-$(date +%s)}
echo "kill seed $seed; estimated full import $full_ms ms"
delays=$(awk -v s=$seed -v ms=$full_ms 'BEGIN { srand(s); printf "0.01"
    for (i = 0; i < 4; i++) printf " %.3f", (0.05 + rand() * 1.05) * ms / 1000 }')

# State check after a kill: $1 describes the moment.
check_store() {
    T_LAST="SIGKILL after $1 s (seed $seed)"
    expect_eq "integrity_check after a kill at $1 s" ok \
        "$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1)"
    expect_sql "SELECT group_concat(outage_id) FROM outages WHERE outage_id LIKE 'BASE-%'" "BASE-1,BASE-2"
    # Each file whole or absent; calls never without outages.
    expect_sql "SELECT (SELECT count(*) FROM sources WHERE path = 'big.csv') || '/' ||
                (SELECT count(*) FROM outages WHERE outage_id LIKE 'K-%') || '/' ||
                (SELECT count(*) FROM sources WHERE path = 'calls.csv') || '/' ||
                (SELECT count(*) FROM call_legs)
                IN ('0/0/0/0', '1/$N/0/0', '1/$N/1/20000')" 1
    expect_sql "SELECT count(*) FROM rejects" 0
    expect_accounting
}

for d in $delays; do
    fresh_store
    "$OMBUD" ingest --db "$DB" --tz UTC --outages big.csv --calls calls.csv \
        >/dev/null 2>kill.err </dev/null &
    pid=$!
    sleep "$d"
    kill -9 $pid 2>/dev/null
    wait $pid
    st=$?
    echo "kill after $d s: exit $st; store: $(sqlite3 "$DB" "SELECT
        (SELECT count(*) FROM outages) || ' outages, ' ||
        (SELECT count(*) FROM call_legs) || ' call legs'")"
    if [ $st != 137 ] && [ $st != 0 ]; then
        _t_fail "killed import exits 137 (or 0 when it finished first)" "137" "$st"
        sed 's/^/      | /' kill.err
    fi
    check_store "$d"
done

# Once more, killed as soon as the outages file is committed: inside the
# calls file (or, if this machine is fast, after it).
fresh_store
"$OMBUD" ingest --db "$DB" --tz UTC --outages big.csv --calls calls.csv \
    >/dev/null 2>kill.err </dev/null &
pid=$!
# (No cap on the wait: the import either commits the file or ends, however
# slowly a busy machine runs it; a cap made the check below fail there.)
while kill -0 $pid 2>/dev/null &&
      [ "$(sqlite3 "$DB" "SELECT count(*) FROM sources WHERE path = 'big.csv'" 2>/dev/null)" != 1 ]; do
    sleep 0.02
done
kill -9 $pid 2>/dev/null
wait $pid
echo "kill after the outages commit: exit $?; store: $(sqlite3 "$DB" "SELECT
    (SELECT count(*) FROM outages) || ' outages, ' ||
    (SELECT count(*) FROM call_legs) || ' call legs'")"
check_store "the outages commit"
expect_sql "SELECT count(*) FROM sources WHERE path = 'big.csv'" 1

# The last run completes (importing what is missing, or saying "already
# imported" for what is there), and nothing is doubled.
ingest --tz UTC --outages big.csv --calls calls.csv
expect_exit 0
expect_eq "integrity_check at the end" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
expect_counts big.csv $N $N 0
expect_counts calls.csv 20000 20000 0
expect_sql "SELECT count(*), count(DISTINCT outage_id) FROM outages" "$((N + 2))|$((N + 2))"
expect_sql "SELECT count(*), count(DISTINCT call_id) FROM call_legs" "20000|20000"
expect_sql "SELECT count(*) FROM sources" 3
expect_sql "SELECT count(*) FROM (SELECT kind, sha256 FROM sources GROUP BY 1, 2 HAVING count(*) > 1)" 0
expect_sql "SELECT min(line), max(line) FROM outages WHERE outage_id LIKE 'K-%'" "2|$((N + 1))"
expect_accounting
# And once more: a no-op.
ingest --tz UTC --outages big.csv --calls calls.csv
expect_exit 0
expect_stderr_has "big.csv: already imported"
expect_stderr_has "calls.csv: already imported"
expect_sql "SELECT count(*) FROM outages" $((N + 2))
