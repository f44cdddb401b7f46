#!/bin/bash
# make bench-pg-year: many months of call legs in one PostgreSQL store, then
# one month checked and reported - what a carrier keeping a year of legs
# does. With the defaults, 10 months of 10M legs: 100M legs.
#
#   PG_YEAR_ROWS=10000000   call legs per month (ombud synth)
#   PG_YEAR_MONTHS=10       months, 2026-01 onwards (at most 12)
#   BENCH_PG_DB=CONNINFO    use this server's database (ombud's tables are
#                           dropped first); without it a throwaway server is
#                           started in a temporary folder (tests/pg/server.sh)
#   PG_YEAR_TMP=DIR         where each month is generated (default: a
#                           temporary folder); each month's CSV is deleted
#                           once imported, so the disk holds one month of
#                           CSV plus the store (about 4.4 GB per 10M legs)
#
# Each month is generated, imported and deleted. After the first month the
# one-month store is checked and reported (the 10M column), after the last
# the last month is checked and reported again on the whole store: with
# monthly partitions the second should cost about what the first did.
# Prints "stage seconds peak-KB" lines and the store's size; writes them to
# build/bench/pg-year-N.md too.
set -euo pipefail
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${PG_YEAR_ROWS:-10000000}
MONTHS=${PG_YEAR_MONTHS:-10}
G=$ROOT/tests/bench/month.ini
W=$(mktemp -d)
chmod 755 "$W"
T=${PG_YEAR_TMP:-$W}/month
. "$ROOT/tests/pg/server.sh"
trap 'pg_stop "$W/pg"; rm -rf "$W" "$T"' EXIT
[ "$MONTHS" -ge 1 ] && [ "$MONTHS" -le 12 ] || { echo "PG_YEAR_MONTHS: 1 to 12" >&2; exit 64; }

DB=${BENCH_PG_DB:-}
if [ -z "$DB" ]; then
    pg_start "$W/pg" >"$W/pg.why" || { echo "no PostgreSQL server: $(cat "$W/pg.why")" >&2; exit 1; }
    DB=$OMBUD_PG_DB
fi
pg_drop_ombud "$DB" || true

OUT=$ROOT/build/bench/pg-year-$N.md
mkdir -p "$(dirname "$OUT")"
: >"$OUT"
say() { echo "$*" | tee -a "$OUT"; }
# stage NAME CMD...: run once, print "NAME seconds peak-KB".
stage() {
    local name=$1; shift
    /usr/bin/time -f '%e %M' -o "$W/t" "$@" >/dev/null 2>"$W/err" || {
        echo "$name failed:" >&2; cat "$W/err" >&2; exit 1; }
    say "$name $(cat "$W/t")"
}
check_month() { # YYYY-MM LABEL
    stage "check-$2" "$OMBUD" check -q --db "$DB" --guarantees "$G" --period "$1"
    stage "xlsx-$2" "$OMBUD" report -q --db "$DB" -o "$W/r.xlsx"
    stage "pdf-$2" "$OMBUD" report -q --db "$DB" -o "$W/r.pdf"
}

say "ombud $("$OMBUD" --version | cut -d' ' -f2): $MONTHS months of $N call legs in one PostgreSQL store, $(nproc) cores"
for i in $(seq 1 "$MONTHS"); do
    m=$(printf '2026-%02d' "$i")
    rm -rf "$T"
    stage "synth-$m" "$OMBUD" synth -q --rows "$N" --month "$m" --out "$T"
    stage "ingest-$m" "$OMBUD" ingest -q --db "$DB" --tz America/Los_Angeles \
        --outages "$T/outages.csv" --calls "$T/calls.csv" --billing "$T/billing.csv"
    rm -rf "$T"
    [ "$i" -eq 1 ] && check_month "$m" one-month-store
done
[ "$MONTHS" -gt 1 ] && check_month "$m" whole-store
say "legs $(psql "$DB" -qAtX -c "SELECT count(*) FROM call_legs")"
say "billing $(psql "$DB" -qAtX -c "SELECT count(*) FROM billing_events")"
say "size $(psql "$DB" -qAtX -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
