# A store that an ingest makes is loaded through a rollback journal, held
# by that ingest alone, and switched to WAL when the ingest ends (sqlite.c,
# hold and settle). Killed at random moments of such a load, the store is
# sound (PRAGMA integrity_check, which rolls the hot journal back), its
# tables all there or none (killed while they were being made), each file
# whole or absent, and an ingest run again completes it and leaves it in
# WAL with no journal beside it. A reader that starts during the load
# waits for the load to end, and sees both files whole.

N=100000
awk -v n=$N 'BEGIN { print "outage_id,account_id,area,service,started_at,restored_at,cause"
    for (i = 1; i <= n; i++)
        printf "K-%06d,ACC-%d,Elm,voice,2026-10-%02d %02d:%02d:00,2026-10-%02d %02d:%02d:30,row %d\n",
            i, i % 977, 1 + i % 28, int(i / 60) % 24, i % 60, 1 + i % 28, int(i / 60) % 24, i % 60, i }' > big.csv
awk 'BEGIN { print "call_id,queue,arrived_at,ended_at,outcome,ticket_id"
    for (i = 1; i <= 20000; i++)
        printf "L-%05d,tech,2026-10-%02d 10:%02d:00,2026-10-%02d 10:%02d:30,abandoned,K-%06d\n",
            i, 1 + i % 28, i % 60, 1 + i % 28, i % 60, i }' > calls.csv

# Time the whole load once (on a store it makes) to place the kills.
t0=$(date +%s%N)
run_ombud ingest --db timed.db --tz UTC --outages big.csv --calls calls.csv
t1=$(date +%s%N)
expect_exit 0
DB=timed.db
expect_sql "PRAGMA journal_mode" wal
expect_no_file timed.db-journal
ms=$(( (t1 - t0) / 1000000 ))
seed=${KILL_SEED:-$(date +%s)}
echo "kill seed $seed; load $ms ms"
delays=$(awk -v s=$seed -v ms=$ms 'BEGIN { srand(s); printf "0.005"
    for (i = 0; i < 4; i++) printf " %.3f", (0.05 + rand() * 0.9) * ms / 1000 }')

DB=k.db
for d in $delays; do
    rm -f k.db k.db-journal k.db-wal k.db-shm
    "$OMBUD" ingest --db k.db --tz UTC --outages big.csv --calls calls.csv \
        >/dev/null 2>kill.err </dev/null &
    pid=$!
    sleep "$d"
    kill -9 $pid 2>/dev/null
    wait $pid
    st=$?
    T_LAST="SIGKILL after $d s (seed $seed), exit $st"
    if [ $st != 137 ] && [ $st != 0 ]; then
        _t_fail "killed import exits 137 (or 0 when it finished first)" "137" "$st"
        sed 's/^/      | /' kill.err
    fi
    if [ -s k.db ]; then
        expect_eq "integrity_check after a kill at $d s" ok \
            "$(sqlite3 k.db 'PRAGMA integrity_check' 2>&1)"
        # The tables are made in one transaction: killed before it
        # committed (the hot journal rolled back), the store has none.
        tables=$(sqlite3 k.db "SELECT count(*) FROM sqlite_master WHERE
            type = 'table' AND name IN ('sources', 'outages', 'call_legs')")
        case $tables in
        0) ;;
        3) expect_sql "SELECT (SELECT count(*) FROM sources WHERE path = 'big.csv') || '/' ||
                    (SELECT count(*) FROM outages) || '/' ||
                    (SELECT count(*) FROM sources WHERE path = 'calls.csv') || '/' ||
                    (SELECT count(*) FROM call_legs)
                    IN ('0/0/0/0', '1/$N/0/0', '1/$N/1/20000')" 1 ;;
        *) _t_fail "the store's tables after a kill at $d s: all or none" \
               "0 or 3" "$tables" ;;
        esac
    fi
    # Run again: what is missing goes in, nothing twice, WAL at the end.
    ingest --tz UTC --outages big.csv --calls calls.csv
    expect_exit 0
    expect_sql "SELECT count(*), count(DISTINCT outage_id) FROM outages" "$N|$N"
    expect_sql "SELECT count(*) FROM call_legs" 20000
    expect_sql "SELECT count(*) FROM sources" 2
    expect_sql "PRAGMA journal_mode" wal
    expect_no_file k.db-journal
    expect_accounting
done

# A reader during the load waits for it (sqlite3 with a 60 s timeout; the
# ombud that makes the store holds it alone until it is done).
rm -f r.db r.db-journal r.db-wal r.db-shm
"$OMBUD" ingest -q --db r.db --tz UTC --outages big.csv --calls calls.csv \
    2>load.err </dev/null &
pid=$!
while [ ! -s r.db ] && kill -0 $pid 2>/dev/null; do sleep 0.01; done
seen=$(sqlite3 -cmd ".timeout 60000" r.db "SELECT (SELECT count(*) FROM outages) || '/' || (SELECT count(*) FROM call_legs)" 2>&1)
wait $pid
expect_eq "the load ends well" 0 "$?"
expect_eq "what a reader started during the load sees" "$N/20000" "$seen"
DB=r.db
expect_sql "PRAGMA journal_mode" wal
expect_sql "SELECT count(*) FROM sources" 2
