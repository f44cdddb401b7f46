# Faults: the disk fills up while a report is written (ulimit -f in a
# subshell, SIGXFSZ ignored so that writes fail with EFBIG; and a full
# tmpfs when mounts are allowed). `ombud report` must exit 73 with a clear
# message and leave no report that looks complete: no FILE, no FILE.tmp
# (and the store unchanged). A report cut short but renamed into place with
# exit 0 is the failure this case exists to catch.

# 3000 outages over their 24 h limit and 2000 rejected rows: a workbook whose
# sheet data (~2.4 MB of XML) cannot fit under the limit.
awk 'BEGIN { print "outage_id,account_id,started_at,restored_at,cause"
    for (i = 1; i <= 3000; i++)
        printf "R-%05d,ACC-%d,2026-10-%02dT00:00:00Z,2026-10-%02dT12:00:00Z,cause of outage %d\n",
            i, i, 1 + i % 20, 3 + i % 20, i
    for (i = 1; i <= 2000; i++) print "BAD-" i ",ACC,2026-13-01T00:00:00Z,,bad month" }' > o.csv
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
[guarantee r]
promise = P
source = S
kind = restoration
within = 24h
INI
run_ombud run -q --allow-incomplete --guarantees g.ini --outages o.csv \
    --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
before=$(sqlite3 "$DB" .dump | cksum)

# The shell's ulimit -f unit (512 in dash, 1024 in bash), measured.
unit=$(sh -c 'trap "" XFSZ; ulimit -f 1; head -c 4096 /dev/zero > probe' 2>/dev/null; wc -c < probe | tr -d ' ')
expect_true "ulimit -f unit is 512 or 1024 (got $unit)" test "$unit" = 512 -o "$unit" = 1024
# 40 KB: enough to open the store (its -shm file is 32 KB), not for a report.
blocks=$((40960 / ${unit:-512}))

for f in r.xlsx r.pdf; do
    T_LAST="ulimit -f $blocks ($((blocks * unit)) bytes); ombud report -o $f"
    sh -c 'trap "" XFSZ; ulimit -f "$1"; shift; exec "$@"' sh "$blocks" \
        "$OMBUD" report --db "$DB" -o "$f" >lim.out 2>lim.err </dev/null
    RC=$?
    ERR=lim.err
    expect_exit 73
    expect_stderr_line "ombud: error: cannot write $f" ""
    expect_stderr_lacks "Sanitizer"
    expect_no_file "$f"
    expect_no_file "$f.tmp"
done
expect_eq "store unchanged by the failed reports" "$before" "$(sqlite3 "$DB" .dump | cksum)"

# A full file system (ENOSPC) for the report file itself.
if unshare -m --propagation private sh -c \
        'mkdir -p m && mount -t tmpfs -o size=32k tmpfs m' 2>/dev/null; then
    OMBUD="$OMBUD" DB="$DB" unshare -m --propagation private sh -c '
        mount -t tmpfs -o size=32k tmpfs m || exit 9
        for f in r.xlsx r.pdf; do
            "$OMBUD" report --db "$DB" -o m/$f >full-$f.out 2>full-$f.err
            echo $? >full-$f.rc
        done
        ls -A m >full.ls'
    for f in r.xlsx r.pdf; do
        RC=$(cat full-$f.rc); ERR=full-$f.err; T_LAST="ombud report -o m/$f on a full 32 KB tmpfs"
        expect_exit 73
        expect_stderr_has "m/$f"
    done
    expect_eq "files left on the full file system" "" "$(cat full.ls)"
else
    echo "note: mounts are not allowed here: the full-tmpfs sub-check is skipped (ulimit -f above covers a full disk)"
fi

# With room again, the same report is written.
run_ombud report --db "$DB" -o r.xlsx
expect_exit 0
expect_true "r.xlsx is a zip with the breaches sheet" \
    sh -c 'unzip -l r.xlsx | grep -q "xl/worksheets/sheet2.xml"'
