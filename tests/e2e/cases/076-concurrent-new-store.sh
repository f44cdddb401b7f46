# README: "a second ombud on the same store waits for the first (30 s)".
# That must hold also when the store does not exist yet and two imports
# start together (two cron jobs, a script that runs the kinds in
# parallel). Each attempt uses a new store; the race is timing-dependent,
# so it is tried 60 times and every failure is reported.

printf 'outage_id,started_at\nP-1,2026-10-01T00:00:00Z\n' > p1.csv
printf 'call_id,queue,arrived_at,ended_at,outcome\nK-1,tech,2026-10-01T00:00:00Z,2026-10-01T00:01:00Z,closed\n' > p2.csv
bad=0
i=1
while [ $i -le 60 ]; do
    "$OMBUD" ingest -q --tz UTC --db new$i.db --outages p1.csv 2>a$i.err &
    a=$!
    "$OMBUD" ingest -q --tz UTC --db new$i.db --calls p2.csv 2>b$i.err &
    b=$!
    wait $a; ra=$?
    wait $b; rb=$?
    # Both files stored, and the store sound: a switch of journal mode
    # during such a race once left rows missing from the sources key.
    if [ "$ra$rb" != 00 ] ||
       [ "$(sqlite3 new$i.db 'SELECT count(*) FROM sources' 2>&1)" != 2 ] ||
       [ "$(sqlite3 new$i.db 'PRAGMA integrity_check' 2>&1)" != ok ]; then
        bad=$((bad + 1))
        [ $bad = 1 ] && first="attempt $i: exits $ra and $rb: $(cat a$i.err b$i.err | head -n 2 | tr '\n' ' ')"
    fi
    i=$((i + 1))
done
expect_eq "attempts in which one of two concurrent imports into a new store failed" \
    0 "$bad${first:+ (first: $first)}"
