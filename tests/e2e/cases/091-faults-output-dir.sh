# Faults: an output place that cannot be written, for `ombud run --out` and
# `ombud report -o`. Expected every time: exit 73, a message naming the
# path, the store unchanged, and no report file left that looks complete
# (reports are written in a private folder .FILE.tmp-XXXXXX beside FILE and
# renamed): no new report.xlsx and no .tmp folder or file. Root ignores file modes, so the main sub-checks use paths no one
# can write: a directory under a regular file (ENOTDIR), a missing
# directory, a directory where the file should be. chmod 555 is tried only
# when not root; as root, a read-only tmpfs stands in when mounts are
# allowed (in a private mount namespace, gone when the test ends).

G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
IN="--outages $FOUNDING/outages.csv --calls $FOUNDING/calls.csv --billing $FOUNDING/billing.csv"
dump() { sqlite3 "$1" .dump | cksum; }
# no_report DIR FILE: neither DIR/FILE nor any temporary (*.tmp, *.tmp-*)
# in DIR.
no_report() {
    expect_no_file "$1/$2"
    expect_eq "leftover temporaries in $1" "" \
        "$(ls -a "$1" 2>/dev/null | grep '\.tmp$\|\.tmp-')"
}

# A good run first: the store the report faults read from.
# shellcheck disable=SC2086
run_ombud run -q --guarantees "$G" $IN --period 2026-10 --out good
expect_exit 0
cp good/report.xlsx good-report.xlsx
cp good/report.pdf good-report.pdf
before=$(dump good/evidence.db)

# ---- run --out under a regular file: ENOTDIR, nothing imported ------------
echo 'not a directory' > file.txt
# shellcheck disable=SC2086
run_ombud run --guarantees "$G" $IN --period 2026-10 --out file.txt/sub
expect_exit 73
expect_stderr_has "cannot create file.txt/sub: Not a directory"
expect_eq "file.txt untouched" "not a directory" "$(cat file.txt)"

# ---- report -o into places that cannot hold a file ---------------------------
for o in file.txt/r.xlsx no/such/dir/r.xlsx; do
    run_ombud report --db good/evidence.db -o "$o"
    expect_exit 73
    expect_stderr_line "ombud: error: cannot write $o" ""
done
expect_no_file no
mkdir adir.xlsx
run_ombud report --db good/evidence.db -o adir.xlsx
expect_exit 73
expect_stderr_has "cannot write adir.xlsx: Is a directory"
no_report . adir.xlsx.tmp
expect_true "adir.xlsx is still an empty directory" test -d adir.xlsx
expect_eq "adir.xlsx holds nothing" "" "$(ls -A adir.xlsx)"
expect_eq "store unchanged by the failed reports" "$before" "$(dump good/evidence.db)"

# ---- run whose report.xlsx is a directory: import and check are done and
# committed, the report fails: 73, no report.xlsx file, no .tmp ------------
mkdir -p out2/report.xlsx
# shellcheck disable=SC2086
run_ombud run -q --guarantees "$G" $IN --period 2026-10 --out out2
expect_exit 73
expect_stderr_has "cannot write out2/report.xlsx: Is a directory"
expect_true "out2/report.xlsx is still a directory" test -d out2/report.xlsx
no_report out2 report.xlsx.tmp
DB=out2/evidence.db
expect_counts "$FOUNDING/calls.csv" 64 64 0
expect_accounting

# ---- a complete report is not replaced by a failed one ---------------------
# (The disk fills while the new one is written: ulimit -f, 40 KB as in case
# 093, SIGXFSZ ignored so that writes fail with EFBIG. The founding case's
# PDF is about 80 KB, its workbook too small to hit the limit.)
unit=$(sh -c 'trap "" XFSZ; ulimit -f 1; head -c 4096 /dev/zero > probe' 2>/dev/null; wc -c < probe | tr -d ' ')
T_LAST="ulimit -f; ombud report -o good/report.pdf over a complete one"
sh -c 'trap "" XFSZ; ulimit -f "$1"; shift; exec "$@"' sh $((40960 / ${unit:-512})) \
    "$OMBUD" report --db good/evidence.db -o good/report.pdf >lim.out 2>lim.err </dev/null
RC=$?; ERR=lim.err
expect_exit 73
expect_stderr_has "cannot write good/report.pdf"
expect_true "the earlier complete report.pdf is byte-identical" \
    cmp -s good/report.pdf good-report.pdf
no_report good report.pdf.tmp
# A directory at the old temporary name FILE.tmp is no longer in the way.
mkdir good/report.xlsx.tmp
run_ombud report --db good/evidence.db -o good/report.xlsx
expect_exit 0
expect_true "report.xlsx.tmp is still an empty directory" test -d good/report.xlsx.tmp
expect_eq "report.xlsx.tmp holds nothing" "" "$(ls -A good/report.xlsx.tmp)"
rmdir good/report.xlsx.tmp

# ---- a directory without write permission -----------------------------------
if [ "$(id -u)" != 0 ]; then
    mkdir ro && chmod 555 ro
    # shellcheck disable=SC2086
    run_ombud run -q --guarantees "$G" $IN --period 2026-10 --out ro/sub
    expect_exit 73
    expect_stderr_has "cannot create ro/sub"
    run_ombud report --db good/evidence.db -o ro/r.xlsx
    expect_exit 73
    no_report ro r.xlsx
    chmod 755 ro
elif unshare -m --propagation private sh -c \
        'mkdir -p m && mount -t tmpfs -o size=1m,ro tmpfs m' 2>/dev/null; then
    # As root: a read-only file system. The commands run inside a private
    # mount namespace; their results are checked out here.
    OMBUD="$OMBUD" G="$G" IN="$IN" unshare -m --propagation private sh -c '
        mount -t tmpfs -o size=1m,ro tmpfs m || exit 9
        "$OMBUD" run -q --guarantees "$G" $IN --period 2026-10 --out m/sub \
            >ro1.out 2>ro1.err; echo $? >ro1.rc
        "$OMBUD" report --db good/evidence.db -o m/r.xlsx >ro2.out 2>ro2.err
        echo $? >ro2.rc
        ls -A m >ro.ls'
    RC=$(cat ro1.rc); ERR=ro1.err; T_LAST="run --out on a read-only file system"
    expect_exit 73
    expect_stderr_has "cannot create m/sub: Read-only file system"
    RC=$(cat ro2.rc); ERR=ro2.err; T_LAST="report -o on a read-only file system"
    expect_exit 73
    expect_stderr_has "m/r.xlsx"
    expect_eq "files on the read-only file system" "" "$(cat ro.ls)"
else
    echo "note: running as root and mounts are not allowed here: the chmod 555 sub-check is skipped (root writes anyway); the ENOTDIR and missing-directory checks above cover it"
fi
expect_eq "store unchanged at the end" "$before" "$(dump good/evidence.db)"
