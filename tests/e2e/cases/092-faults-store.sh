# Faults while writing the evidence store: a disk that fills up during an
# import (a file size limit set with ulimit -f in a subshell; a full tmpfs
# too when mounts are allowed), the same limit with its SIGXFSZ killing
# ombud, a read-only store file, and a read-only folder holding the store.
# Expected: a clear message, a non-zero exit (70 store error, 73 cannot
# write), the store exactly as before (same SQL dump, integrity ok), and a
# later import that works once the fault is gone.
#
# ulimit -f counts 512-byte blocks in dash and 1024-byte ones in bash: the
# limits below work with either.

T='2026-10-01T00:00:00Z'
dump() { sqlite3 "$1" .dump | cksum; }
# 100,000 outages (~7 MB): far more than the limit lets the store grow.
awk -v t=$T 'BEGIN { print "outage_id,account_id,started_at,cause"
    for (i = 1; i <= 100000; i++) printf "F-%06d,ACC-%d,%s,cause %d\n", i, i % 97, t, i }' > big.csv
ingest_la --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv"
expect_exit 0
before=$(dump "$DB")

# run_limited LIMIT IGNORE-XFSZ ARGS...: ombud ingest under ulimit -f.
run_limited() {
    lim=$1 ign=$2
    shift 2
    T_LAST="ulimit -f $lim; ombud ingest $*"
    sh -c 'if [ "$1" = 1 ]; then trap "" XFSZ; fi; ulimit -f "$2"; shift 2; exec "$@"' \
        sh "$ign" "$lim" "$OMBUD" ingest --tz UTC --db "$DB" "$@" >lim.out 2>lim.err </dev/null
    RC=$?
    ERR=lim.err
    expect_stderr_lacks "Sanitizer"
    expect_stderr_lacks "runtime error"
}

# ---- disk full (EFBIG): 70, the store says why, nothing of the file stored
run_limited 1000 1 --outages big.csv
expect_exit 70
expect_stderr_line "ombud: error: $DB: " "disk I/O error"
expect_eq "integrity after a full disk" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
expect_eq "store unchanged after a full disk" "$before" "$(dump "$DB")"

# ---- the same, but the limit's signal kills ombud mid-write --------------
run_limited 1000 0 --outages big.csv
expect_true "ombud killed by SIGXFSZ (exit $RC) or failing cleanly (70)" \
    test "$RC" = $((128 + 25)) -o "$RC" = 70
expect_eq "integrity after SIGXFSZ" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
expect_eq "store unchanged after SIGXFSZ" "$before" "$(dump "$DB")"

# Without the limit the same file imports whole.
ingest --outages big.csv
expect_exit 0
expect_counts big.csv 100000 100000 0
expect_accounting
after_big=$(dump "$DB")

# ---- a read-only store file -------------------------------------------------
printf 'outage_id,started_at\nRO-1,%s\n' "$T" > small.csv
if [ "$(id -u)" != 0 ]; then
    chmod 444 "$DB"
    ingest --outages small.csv
    expect_exit 73
    expect_stderr_has "cannot write store $DB: the file is read-only"
    # Nothing was created beside it: a read-only -shm left behind would keep
    # the store unwritable after the chmod below.
    expect_no_file "$DB-shm"
    expect_no_file "$DB-wal"
    chmod 644 "$DB"
    mkdir rodir && cp "$DB" rodir/ev.db && chmod 555 rodir
    ingest --outages small.csv --db rodir/ev.db
    expect_exit 73
    expect_stderr_has "cannot write store rodir/ev.db: cannot create rodir/ev.db-wal"
    chmod 755 rodir
    expect_eq "store in the read-only folder unchanged" "$after_big" "$(dump rodir/ev.db)"
elif unshare -m --propagation private sh -c \
        'mkdir -p m && mount -t tmpfs -o size=1m tmpfs m' 2>/dev/null; then
    # As root: the store on a tmpfs remounted read-only (a read-only file
    # and a read-only folder at once), and a full tmpfs; in a private
    # mount namespace, checked out here.
    cp "$DB" ro-copy.db
    OMBUD="$OMBUD" unshare -m --propagation private sh -c '
        mount -t tmpfs -o size=64m tmpfs m || exit 9
        cp ro-copy.db m/ev.db
        mount -o remount,ro m || exit 9
        "$OMBUD" ingest --tz UTC --db m/ev.db --outages small.csv >ro1.out 2>ro1.err
        echo $? >ro1.rc
        "$OMBUD" ingest --tz UTC --db m/new.db --outages small.csv >ro2.out 2>ro2.err
        echo $? >ro2.rc
        ls -A m >ro.ls
        cp m/ev.db ro-after.db'
    RC=$(cat ro1.rc); ERR=ro1.err; T_LAST="ingest into a store on a read-only file system"
    expect_exit 73
    expect_stderr_has "cannot write store m/ev.db: the file is read-only"
    RC=$(cat ro2.rc); ERR=ro2.err; T_LAST="a new store on a read-only file system"
    expect_exit 73
    expect_stderr_has "cannot open store m/new.db"
    expect_eq "files on the read-only file system" "ev.db" "$(cat ro.ls)"
    expect_eq "read-only store unchanged" "$after_big" "$(dump ro-after.db)"

    # A full disk for real (ENOSPC): a 2 MB tmpfs with the store on it.
    rm -f full.db
    cp "$FOUNDING/outages.csv" full-o.csv
    OMBUD="$OMBUD" unshare -m --propagation private sh -c '
        mount -t tmpfs -o size=2m tmpfs m || exit 9
        "$OMBUD" ingest --tz UTC --db m/ev.db --tz UTC --outages full-o.csv >/dev/null 2>&1
        sqlite3 m/ev.db .dump | cksum >full-before.sum
        "$OMBUD" ingest --tz UTC --db m/ev.db --outages big.csv >full.out 2>full.err
        echo $? >full.rc
        sqlite3 m/ev.db "PRAGMA integrity_check" >full.ic
        sqlite3 m/ev.db .dump | cksum >full-after.sum'
    RC=$(cat full.rc); ERR=full.err; T_LAST="ingest onto a full tmpfs"
    expect_exit 70
    expect_stderr_has "database or disk is full"
    expect_eq "integrity on the full disk" ok "$(cat full.ic)"
    expect_eq "store unchanged on the full disk" "$(cat full-before.sum)" "$(cat full-after.sum)"
else
    echo "note: running as root and mounts are not allowed here: the read-only store sub-checks are skipped (root writes read-only files anyway)"
fi

# After all that, the store still takes a new file.
ingest --outages small.csv
expect_exit 0
expect_counts small.csv 1 1 0
expect_eq "final integrity" ok "$(sqlite3 "$DB" 'PRAGMA integrity_check')"
expect_accounting
