#!/bin/bash
# make bench: time ombud against what a user would script instead
# (sqlite3 .mode csv + .import, no validation, no provenance) on the same
# generated month, and report rows/s and peak RSS per stage.
#
#   BENCH_ROWS=1000000 (call legs; the month is written by `ombud synth`:
#                       outages about N/49, billing about N/1.9 rows)
#   BENCH_REPEAT=3     (each stage; the median is reported)
#   BENCH_STAGES="import ingest check xlsx pdf run calls profile" by
#                      default (calls: calls.csv alone in ombud's layout;
#                      profile: the same through tests/bench/calls-profile.ini,
#                      whose goal is at most 1.3x calls, issue 29); add
#                      pg-ingest pg-check pg-xlsx pg-pdf for PostgreSQL
#                      (not by default: they need a server, and at 1M legs
#                      they add about two minutes)
#   BENCH_PG=1         the default stages plus the pg-* ones
#   BENCH_PG_DB=CONNINFO  run the pg-* stages on this server's database
#                      (emptied before each ingest); without it a throwaway
#                      server is started in a temporary folder
#                      (tests/pg/server.sh) and stopped at the end
# Generated inputs are cached in build/bench/synth-N/. Results: stdout and
# build/bench/results-N.md.
set -euo pipefail
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_ROWS:-1000000}
REPEAT=${BENCH_REPEAT:-3}
PG_STAGES=
if [ "${BENCH_PG:-0}" = 1 ] || [ -n "${BENCH_PG_DB:-}" ]; then
    PG_STAGES=" pg-ingest pg-check pg-xlsx pg-pdf"
fi
STAGES=" ${BENCH_STAGES:-import ingest check xlsx pdf run calls profile$PG_STAGES} "
D=$ROOT/build/bench/synth-$N
W=$(mktemp -d)
chmod 755 "$W"
. "$ROOT/tests/pg/server.sh"
trap 'pg_stop "$W/pg"; rm -rf "$W"' EXIT

# calls.csv is renamed into place last: its presence means a whole month.
if [ ! -s "$D/calls.csv" ]; then
    echo "generating $N call legs into $D ..." >&2
    rm -rf "$D"
    "$OMBUD" synth -q --rows "$N" --out "$D"
fi
ROWS=$(( $(wc -l < "$D/calls.csv") + $(wc -l < "$D/outages.csv") + $(wc -l < "$D/billing.csv") - 3 ))
MB=$(du -cm "$D"/*.csv | tail -1 | cut -f1)

cp "$ROOT/tests/bench/month.ini" "$W/g.ini"

# measure NAME PREP CMD...: run CMD REPEAT times (PREP before each, untimed);
# prints "seconds peak_kb" of the median run.
measure() {
    local name=$1 prep=$2; shift 2
    local runs=()
    case "$STAGES" in *" $name "*) ;; *) echo "- -"; return ;; esac
    for _ in $(seq "$REPEAT"); do
        eval "$prep"
        /usr/bin/time -f '%e %M' -o "$W/t" "$@" >/dev/null 2>"$W/err" || {
            echo "$name failed:" >&2; cat "$W/err" >&2; exit 1; }
        runs+=("$(cat "$W/t")")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (REPEAT + 1) / 2 ))p"
}

sqlite_import() {
    sqlite3 "$W/import.db" <<SQL
.mode csv
.import $D/outages.csv outages
.import $D/calls.csv calls
.import $D/billing.csv billing
SQL
}

echo "ombud bench: $N call legs, $ROWS rows in all, $MB MB of CSV; median of $REPEAT" >&2
A=$(measure import "rm -f $W/import.db*" bash -c "$(declare -f sqlite_import); W=$W D=$D sqlite_import")
B=$(measure ingest "rm -f $W/e.db*" "$OMBUD" ingest -q --db "$W/e.db" \
    --tz America/Los_Angeles --outages "$D/outages.csv" --calls "$D/calls.csv" \
    --billing "$D/billing.csv")
C=$(measure check ":" "$OMBUD" check -q --db "$W/e.db" --guarantees "$W/g.ini" --period 2026-10)
X=$(measure xlsx ":" "$OMBUD" report -q --db "$W/e.db" -o "$W/r.xlsx")
P=$(measure pdf ":" "$OMBUD" report -q --db "$W/e.db" -o "$W/r.pdf")
CL=$(measure calls "rm -f $W/c.db*" "$OMBUD" ingest -q --db "$W/c.db" \
    --tz America/Los_Angeles --calls "$D/calls.csv")
PF=$(measure profile "rm -f $W/c.db*" "$OMBUD" ingest -q --db "$W/c.db" \
    --tz America/Los_Angeles --profile "$ROOT/tests/bench/calls-profile.ini" \
    --calls "$D/calls.csv")
R=$(measure run "rm -rf $W/out" "$OMBUD" run -q --guarantees "$W/g.ini" \
    --outages "$D/outages.csv" --calls "$D/calls.csv" --billing "$D/billing.csv" \
    --period 2026-10 --out "$W/out")

# The same on PostgreSQL: ingest (COPY), check and reports.
PGDB=${BENCH_PG_DB:-}
case "$STAGES" in
*" pg-"*)
    if [ -z "$PGDB" ]; then
        if pg_start "$W/pg" >"$W/pg.why"; then
            PGDB=$OMBUD_PG_DB
        else
            echo "PostgreSQL stages skipped: $(cat "$W/pg.why")" >&2
            STAGES=$(echo "$STAGES" | sed 's/ pg-[a-z]*//g')
            STAGES=" $STAGES "
        fi
    fi ;;
esac
# Empty the PostgreSQL store: drop ombud's tables (the database may be shared).
pg_empty() {
    pg_drop_ombud "$PGDB"
}
export PGDB
export -f pg_empty pg_drop_ombud
PB=$(measure pg-ingest "pg_empty" "$OMBUD" ingest -q --db "$PGDB" \
    --tz America/Los_Angeles --outages "$D/outages.csv" --calls "$D/calls.csv" \
    --billing "$D/billing.csv")
PC=$(measure pg-check ":" "$OMBUD" check -q --db "$PGDB" --guarantees "$W/g.ini" --period 2026-10)
PX=$(measure pg-xlsx ":" "$OMBUD" report -q --db "$PGDB" -o "$W/pr.xlsx")
PP=$(measure pg-pdf ":" "$OMBUD" report -q --db "$PGDB" -o "$W/pr.pdf")

imp=${A%% *}
row() { # stage "seconds kb" rows
    local s=${2%% *} kb=${2##* }
    [ "$s" = "-" ] && return
    awk -v st="$1" -v s="$s" -v kb="$kb" -v rows="$3" -v imp="$imp" 'BEGIN {
        rate = (rows > 0 && s > 0) ? sprintf("%.0f", rows / s) : "-";
        x = (imp != "-" && imp > 0) ? sprintf("%.2f", s / imp) : "-";
        printf "| %-28s | %8.2f | %10s | %7.0f | %6s |\n", st, s, rate,
            kb / 1024, x }'
}
{
    echo "ombud $("$OMBUD" --version | cut -d' ' -f2), $N call legs ($ROWS rows, $MB MB CSV), $(nproc) cores, $(uname -m), median of $REPEAT"
    echo
    echo "| stage                        |  seconds |     rows/s | peak MB | × import |"
    echo "|------------------------------|---------:|-----------:|--------:|---------:|"
    row "(a) sqlite3 .import"          "$A" "$ROWS"
    row "(b) ombud ingest"             "$B" "$ROWS"
    row "(c) ombud check (8 rules)"    "$C" "$ROWS"
    row "(d) report xlsx"              "$X" 0
    row "(d) report pdf"               "$P" 0
    row "(e) ombud run (all of it)"    "$R" "$ROWS"
    row "(f) ingest calls.csv"         "$CL" "$N"
    row "(f) the same, --profile"      "$PF" "$N"
    row "(b) ingest, PostgreSQL"       "$PB" "$ROWS"
    row "(c) check, PostgreSQL"        "$PC" "$ROWS"
    row "(d) report xlsx, PostgreSQL"  "$PX" 0
    row "(d) report pdf, PostgreSQL"   "$PP" 0
    if [ "${CL%% *}" != - ] && [ "${PF%% *}" != - ]; then
        awk -v a="${CL%% *}" -v b="${PF%% *}" 'BEGIN { if (a > 0)
            printf "\nprofile / own layout: %.2fx (goal: at most 1.30x)\n", b / a }'
    fi
} | tee "$ROOT/build/bench/results-$N.md"
