#!/bin/sh
# nopg.sh - a build without libpq (make NO_PG=1), tried as a user would.
#
#   sh tests/nopg.sh path/to/ombud-built-with-NO_PG
#
# It must not link libpq, must run the founding case on an SQLite store
# (the reports written, verify passing), and must refuse every form of a
# server's --db string with the reason, creating no file of that name.
set -u
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
F=$root/samples/founding-case
G=$root/templates/guarantees/fibre-bundle.ini
W=$(mktemp -d "${TMPDIR:-/tmp}/ombud-nopg.XXXXXX") || exit 2
trap 'rm -rf "$W"' EXIT
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC LC_ALL=C
fails=0
fail() { fails=$((fails + 1)); echo "FAIL nopg: $*"; }

if command -v ldd >/dev/null && ldd "$bin" | grep -q libpq; then
    fail "the NO_PG binary links libpq"
fi
cd "$W" || exit 2
"$bin" run --guarantees "$G" --outages "$F/outages.csv" \
    --calls "$F/calls.csv" --billing "$F/billing.csv" --period 2026-10 \
    --out out >run.log 2>&1 || { fail "run exited $?"; sed 's/^/  | /' run.log; }
[ -s out/report.pdf ] && [ -s out/report.xlsx ] || fail "no reports written"
"$bin" verify --report out/report.xlsx --guarantees "$G" \
    --outages "$F/outages.csv" --calls "$F/calls.csv" \
    --billing "$F/billing.csv" >verify.log 2>&1 ||
    { fail "verify exited $?"; sed 's/^/  | /' verify.log; }
for db in 'host=/nowhere dbname=ombud' 'pg:' 'postgresql://u@h/db'; do
    "$bin" ingest --db "$db" --tz UTC --outages "$F/outages.csv" >pg.log 2>&1
    rc=$?
    [ "$rc" = 64 ] || fail "--db '$db': exit $rc, expected 64"
    grep -q 'built without PostgreSQL' pg.log ||
        { fail "--db '$db': no reason given"; sed 's/^/  | /' pg.log; }
    [ -e "$db" ] && fail "--db '$db' created a file of that name"
done
if [ "$fails" = 0 ]; then
    echo "nopg: 1 passed, 0 failed"
else
    echo "nopg: 0 passed, 1 failed"
    exit 1
fi
