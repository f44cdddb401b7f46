#!/bin/bash
# make bench: time ombud against what a user would script instead
# (sqlite3 .mode csv + .import, no validation, no provenance) on the same
# month, and report per stage rows/s, peak RSS, the ratio to that import
# and, beside them, the stage's target and whether it was met.
#
# The month (one of):
#   BENCH_ROWS=1000000 call legs written by `ombud synth` (outages about
#                      N/49, billing about N/1.9 rows), cached in
#                      build/bench/synth-N/; results in
#                      build/bench/results-N.md
#   BENCH_INPUT=DIR    a month of your own instead: DIR holds any of
#                      outages.csv, calls.csv, billing.csv (at least one),
#                      in ombud's own layout. Only the files present are
#                      imported by (a) and passed to ombud (--outages,
#                      --calls, --billing), and the row count is theirs
#                      (lines minus header); stages calls and profile run
#                      only when DIR has calls.csv (profile only when it
#                      has every column calls-profile.ini reads). check and
#                      run exiting 2 (evidence incomplete for the
#                      guarantees, e.g. no billing.csv) are timed all the
#                      same. Results in build/bench/results-input.md. A
#                      missing DIR, or one with none of the three files,
#                      exits 2.
# Knobs:
#   BENCH_TZ=America/Los_Angeles  ombud ingest --tz: the zone of times
#                      without an offset (`ombud run` has no --tz: it reads
#                      them in the guarantees' [filing] timezone)
#   BENCH_PERIOD       check and run --period. Default 2026-10 (the
#                      synthetic month); with BENCH_INPUT, the YYYY-MM of
#                      the first data row of calls.csv (column arrived_at),
#                      else outages.csv (started_at), else billing.csv
#                      (posted_at)
#   BENCH_GUARANTEES=tests/bench/month.ini  the guarantees file of check
#                      and run (the default: one guarantee of each core
#                      kind, eight in all)
#   BENCH_REPEAT=3     runs of each stage; the median is reported
#   BENCH_STAGES="import ingest check xlsx pdf run calls profile reliability"
#                      by default (calls: calls.csv alone in ombud's layout;
#                      profile: the same through tests/bench/calls-profile.ini,
#                      whose goal is at most 1.3x calls, issue 29;
#                      reliability: see below; not with BENCH_INPUT); add
#                      pg-import pg-ingest pg-check pg-xlsx pg-pdf for
#                      PostgreSQL (not by default: they need a server, and
#                      at 1M legs they add about two minutes)
#   BENCH_PG=1         the default stages plus the pg-* ones
#   BENCH_PG_DB=CONNINFO  run the pg-* stages on this server's database
#                      (ombud's tables are dropped before each ingest, and
#                      pg-import's bench_import_* tables before each copy
#                      and at the end); without it a throwaway server is
#                      started in a temporary folder (tests/pg/server.sh)
#                      and stopped at the end
#
# Stage reliability (issue 27): `ombud synth --rows N --history-years 5
# --tz America/New_York` writes an electric utility's interruption history,
# exactly N outages.csv rows over the 5 years before 2026-10 and 2026-10
# itself, and customers.csv (48 rows), cached in build/bench/history-N/.
# Timed: sqlite3 .import of both files (its own reference), ombud ingest
# of them into a fresh store, and ombud check with
# tests/bench/reliability.ini over 2026-10, whose major event days come
# from the 5 years of daily SAIDI read back from the store. It is on by
# default: at N = 1M the three take about 8 s a repeat.
#
# Targets. Issue 24, "Speed: run in 1.5x the time sqlite3 takes to import",
# sets the one for `ombud run`; the others are per-stage targets set
# beside it. All are ratios to stage (a), sqlite3 .import of the same files:
#   ingest <= 0.80x   check <= 0.40x   report xlsx <= 0.30x
#   report pdf <= 0.30x   run (all of it) <= 1.50x
# Issue 27, "5 years of daily history over 1M interruption rows in under
# 2x the time sqlite3 .import takes for the same rows": ingest + check of
# the history <= 2.00x the history's own import (the ingest and check
# rows show their ratios to it too, without a target).
# PostgreSQL has its own reference, pg-import: psql \copy of the same files
# into tables of text columns (bench_import_outages, _calls, _billing,
# created fresh before each repeat): pg ingest <= 1.50x of it, and its
# other rows show their ratio to it. Every stage with a target, the
# PostgreSQL ones included, must also peak under 256 MB RSS. calls and
# profile have none ("-"; profile keeps its own goal line). "met?" says
# met, or missed and which: (x) the ratio, (MB) the RSS. The last line
# counts the targets met; a target is not counted when its reference
# stage did not run.
set -euo pipefail
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_ROWS:-1000000}
REPEAT=${BENCH_REPEAT:-3}
TZONE=${BENCH_TZ:-America/Los_Angeles}
INPUT=${BENCH_INPUT:-}
G=${BENCH_GUARANTEES:-$ROOT/tests/bench/month.ini}
[ -f "$G" ] || { echo "ombud bench: BENCH_GUARANTEES=$G: no such file (expected a guarantees .ini file)" >&2; exit 2; }
G=$(cd "$(dirname "$G")" && pwd)/$(basename "$G")
PG_STAGES=
if [ "${BENCH_PG:-0}" = 1 ] || [ -n "${BENCH_PG_DB:-}" ]; then
    PG_STAGES=" pg-import pg-ingest pg-check pg-xlsx pg-pdf"
fi
STAGES=" ${BENCH_STAGES:-import ingest check xlsx pdf run calls profile reliability$PG_STAGES} "
KINDS="outages calls billing"

if [ -n "$INPUT" ]; then
    [ -d "$INPUT" ] || { echo "ombud bench: BENCH_INPUT=$INPUT: no such folder (expected a folder holding outages.csv, calls.csv and/or billing.csv)" >&2; exit 2; }
    D=$(cd "$INPUT" && pwd)
    FILES=
    for k in $KINDS; do
        if [ -s "$D/$k.csv" ]; then FILES="$FILES $k"; fi
    done
    [ -n "$FILES" ] || { echo "ombud bench: BENCH_INPUT=$INPUT holds none of outages.csv, calls.csv, billing.csv (expected at least one, in ombud's own layout)" >&2; exit 2; }
    FILES=${FILES# }
    OUT=$ROOT/build/bench/results-input.md
    # a month of one's own has no 5-year interruption history
    STAGES=${STAGES/ reliability / }
else
    D=$ROOT/build/bench/synth-$N
    FILES=$KINDS
    OUT=$ROOT/build/bench/results-$N.md
fi

# first_month FILE COLUMN: the first 7 characters of COLUMN (found by its
# header) in FILE's first data row; quotes are understood, a BOM and CRs
# dropped. Prints nothing when there is no such column or row.
first_month() {
    awk -v col="$2" '
    function csv(line, out,   n, i, c, f, q) {
        n = 0; f = ""; q = 0
        for (i = 1; i <= length(line); i++) {
            c = substr(line, i, 1)
            if (q) {
                if (c != "\"") f = f c
                else if (substr(line, i + 1, 1) == "\"") { f = f c; i++ }
                else q = 0
            } else if (c == "\"") q = 1
            else if (c == ",") { out[++n] = f; f = "" }
            else f = f c
        }
        out[++n] = f
        return n
    }
    { sub(/\r$/, "") }
    NR == 1 { sub(/^\357\273\277/, ""); n = csv($0, h)
              for (i = 1; i <= n; i++) if (h[i] == col) k = i
              if (!k) exit; next }
    $0 != "" { csv($0, v); print substr(v[k], 1, 7); exit }' "$1"
}

PERIOD=${BENCH_PERIOD:-}
if [ -z "$PERIOD" ] && [ -z "$INPUT" ]; then
    PERIOD=2026-10
elif [ -z "$PERIOD" ]; then
    for kc in calls:arrived_at outages:started_at billing:posted_at; do
        k=${kc%%:*}
        case " $FILES " in *" $k "*) ;; *) continue ;; esac
        PERIOD=$(first_month "$D/$k.csv" "${kc#*:}")
        [[ $PERIOD =~ ^[0-9]{4}-[0-9]{2}$ ]] && break
        PERIOD=
    done
    [ -n "$PERIOD" ] || { echo "ombud bench: BENCH_INPUT=$INPUT: no YYYY-MM in the first data row of calls.csv (arrived_at), outages.csv (started_at) or billing.csv (posted_at); set BENCH_PERIOD" >&2; exit 2; }
fi

W=$(mktemp -d)
chmod 755 "$W"
. "$ROOT/tests/pg/server.sh"
PGDB=${BENCH_PG_DB:-}
PG_IMPORTED=0
cleanup() {
    if [ "$PG_IMPORTED" = 1 ]; then pg_import_drop; fi
    pg_stop "$W/pg"
    rm -rf "$W"
}
trap cleanup EXIT

# calls.csv is renamed into place last: its presence means a whole month.
if [ -z "$INPUT" ] && [ ! -s "$D/calls.csv" ]; then
    echo "generating $N call legs into $D ..." >&2
    rm -rf "$D"
    "$OMBUD" synth -q --rows "$N" --out "$D"
fi
mkdir -p "$ROOT/build/bench"
# The interruption history; customers.csv is written last.
H=$ROOT/build/bench/history-$N
HTZ=America/New_York
HROWS=0
case "$STAGES" in
*" reliability "*)
    if [ ! -s "$H/customers.csv" ]; then
        echo "generating $N interruptions over 5 years into $H ..." >&2
        rm -rf "$H"
        "$OMBUD" synth -q --rows "$N" --history-years 5 --tz "$HTZ" --out "$H"
    fi
    HROWS=$(( $(wc -l < "$H/outages.csv") + $(wc -l < "$H/customers.csv") - 2 ))
    printf '.mode csv\n.import %s outages\n.import %s customers\n' \
        "'$H/outages.csv'" "'$H/customers.csv'" > "$W/rel-import.sql" ;;
esac

# The files present: ombud's options for them, their rows and size.
IN=()
ROWS=0
MBS=()
for k in $FILES; do
    IN+=("--$k" "$D/$k.csv")
    ROWS=$(( ROWS + $(wc -l < "$D/$k.csv") - 1 ))
    MBS+=("$D/$k.csv")
done
MB=$(du -cm "${MBS[@]}" | tail -1 | cut -f1)
case " $FILES " in
*" calls "*) CALLS=$(( $(wc -l < "$D/calls.csv") - 1 )) ;;
*)  CALLS=0
    STAGES=${STAGES/ calls / }; STAGES=${STAGES/ profile / } ;;
esac
SKIPPED=
# profile reads every column of the synthetic layout: skip it on a
# calls.csv that lacks one (ombud's layout has optional columns).
case "$STAGES" in
*" profile "*)
    need=$(grep -o '{[a-z_]*}' "$ROOT/tests/bench/calls-profile.ini" | tr -d '{}' | sort -u)
    have=$(head -1 "$D/calls.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r"' | tr ',' '\n' | sort -u)
    lack=$(comm -23 <(echo "$need") <(echo "$have") | tr '\n' ' ')
    if [ -n "$lack" ]; then
        SKIPPED="stage profile skipped: calls.csv has no column ${lack% } (tests/bench/calls-profile.ini reads them)"
        STAGES=${STAGES/ profile / }
    fi ;;
esac
RULES=$(grep -c '^\[guarantee ' "$G" || true)

if [ -n "$INPUT" ]; then
    WHAT="$D: $(echo $FILES | sed 's/\([a-z]*\)/\1.csv/g; s/ /, /g')"
else
    WHAT="$N call legs from ombud synth"
fi

# measure NAME PREP CMD...: run CMD REPEAT times (PREP before each, untimed);
# prints "seconds peak_kb" of the median run. check and run exit 2 when the
# evidence is incomplete for the guarantees (a month of your own may lack a
# file): timed all the same.
measure() {
    local name=$1 prep=$2; shift 2
    local runs=() rc said=0
    case "$STAGES" in *" $name "*) ;; *) echo "- -"; return ;; esac
    for _ in $(seq "$REPEAT"); do
        eval "$prep"
        rc=0
        /usr/bin/time -f '%e %M' -o "$W/t" "$@" >/dev/null 2>"$W/err" || rc=$?
        case "$rc,$name" in
        0,*) ;;
        2,check | 2,run | 2,pg-check)
            [ $said = 1 ] || echo "$name: evidence incomplete for $(basename "$G") (exit 2), timed all the same" >&2
            said=1 ;;
        *) echo "$name failed:" >&2; cat "$W/err" >&2; exit 1 ;;
        esac
        runs+=("$(tail -n 1 "$W/t")")
    done
    printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (REPEAT + 1) / 2 ))p"
}

# (a): sqlite3 .import of the files present, one table each.
for k in $FILES; do echo ".import '$D/$k.csv' $k"; done |
    sed '1i .mode csv' > "$W/import.sql"

echo "ombud bench: $WHAT, $ROWS rows in all, $MB MB of CSV, period $PERIOD; median of $REPEAT" >&2
[ -z "$SKIPPED" ] || echo "$SKIPPED" >&2
[ "$HROWS" = 0 ] || echo "reliability: $H, $HROWS rows ($(du -cm "$H"/*.csv | tail -1 | cut -f1) MB of CSV), period 2026-10, reliability.ini" >&2
A=$(measure import "rm -f $W/import.db*" bash -c 'sqlite3 "$0" < "$1"' "$W/import.db" "$W/import.sql")
B=$(measure ingest "rm -f $W/e.db*" "$OMBUD" ingest -q --db "$W/e.db" \
    --tz "$TZONE" "${IN[@]}")
C=$(measure check ":" "$OMBUD" check -q --db "$W/e.db" --guarantees "$G" --period "$PERIOD")
X=$(measure xlsx ":" "$OMBUD" report -q --db "$W/e.db" -o "$W/r.xlsx")
P=$(measure pdf ":" "$OMBUD" report -q --db "$W/e.db" -o "$W/r.pdf")
CL=$(measure calls "rm -f $W/c.db*" "$OMBUD" ingest -q --db "$W/c.db" \
    --tz "$TZONE" --calls "$D/calls.csv")
PF=$(measure profile "rm -f $W/c.db*" "$OMBUD" ingest -q --db "$W/c.db" \
    --tz "$TZONE" --profile "$ROOT/tests/bench/calls-profile.ini" \
    --calls "$D/calls.csv")
R=$(measure run "rm -rf $W/out" "$OMBUD" run -q --guarantees "$G" \
    "${IN[@]}" --period "$PERIOD" --out "$W/out")
# (g) the 5-year interruption history: its import, ingest and check.
HA=$(measure reliability "rm -f $W/h-import.db*" bash -c 'sqlite3 "$0" < "$1"' \
    "$W/h-import.db" "$W/rel-import.sql")
HB=$(measure reliability "rm -f $W/h.db*" "$OMBUD" ingest -q --db "$W/h.db" \
    --tz "$HTZ" --outages "$H/outages.csv" --customers "$H/customers.csv")
HC=$(measure reliability ":" "$OMBUD" check -q --db "$W/h.db" \
    --guarantees "$ROOT/tests/bench/reliability.ini" --period 2026-10)
# ingest + check: the sum of the two medians, the larger peak
HBC=$(echo "$HB $HC" | awk '$1 == "-" { print "- -"; next }
    { printf "%.2f %d\n", $1 + $3, ($2 > $4 ? $2 : $4) }')

# The same on PostgreSQL: psql \copy (the reference), ingest (COPY), check
# and reports.
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
# The server's own psql, not Debian's wrapper (a Perl script) on PATH.
PSQL=psql
if d=$(pg_bin) && [ -x "$d/psql" ]; then PSQL=$d/psql; fi
# pg-import: every column text, named by the file's header, in tables of
# names ombud does not use; dropped again after the stage.
for k in $FILES; do
    cols=$(head -1 "$D/$k.csv" | sed 's/^\xef\xbb\xbf//' | tr -d '\r' | awk -F, '{
        for (i = 1; i <= NF; i++) { c = $i; gsub(/^"|"$/, "", c); gsub(/"/, "\"\"", c)
            printf "%s\"%s\" text", (i > 1 ? ", " : ""), c } }')
    echo "DROP TABLE IF EXISTS bench_import_$k; CREATE TABLE bench_import_$k ($cols);" >> "$W/pg-create.sql"
    echo "\\copy bench_import_$k FROM '$D/$k.csv' WITH (FORMAT csv, HEADER true)" >> "$W/pg-copy.sql"
    echo "DROP TABLE IF EXISTS bench_import_$k;" >> "$W/pg-drop.sql"
done
pg_import_prep() {
    "$PSQL" "$PGDB" -qAtX -v ON_ERROR_STOP=1 -f "$W/pg-create.sql" >/dev/null 2>&1 || {
        echo "pg-import: cannot create the bench_import_* tables" >&2; exit 1; }
}
pg_import_drop() {
    "$PSQL" "$PGDB" -qAtX -f "$W/pg-drop.sql" >/dev/null 2>&1 || true
}
# Empty the PostgreSQL store: drop ombud's tables (the database may be shared).
pg_empty() {
    pg_drop_ombud "$PGDB"
}
export PGDB
export -f pg_empty pg_drop_ombud
case "$STAGES" in *" pg-import "*) PG_IMPORTED=1 ;; esac
PI=$(measure pg-import "pg_import_prep" env PGCLIENTENCODING=UTF8 "$PSQL" "$PGDB" \
    -qAtX -v ON_ERROR_STOP=1 -f "$W/pg-copy.sql")
[ "$PG_IMPORTED" = 0 ] || { pg_import_drop; PG_IMPORTED=0; }
PB=$(measure pg-ingest "pg_empty" "$OMBUD" ingest -q --db "$PGDB" \
    --tz "$TZONE" "${IN[@]}")
PC=$(measure pg-check ":" "$OMBUD" check -q --db "$PGDB" --guarantees "$G" --period "$PERIOD")
PX=$(measure pg-xlsx ":" "$OMBUD" report -q --db "$PGDB" -o "$W/pr.xlsx")
PP=$(measure pg-pdf ":" "$OMBUD" report -q --db "$PGDB" -o "$W/pr.pdf")

imp=${A%% *}
rimp=${HA%% *}
pimp=${PI%% *}
MAX_MB=256
# row STAGE "seconds kb" ROWS REFERENCE TARGET: one line of the table.
# REFERENCE: the seconds the ratio is to ("-": not run). TARGET: the most
# ratio allowed (besides peak RSS under MAX_MB), "rss" for the RSS alone,
# "ref" for a reference stage, "-" for none. Each target met or missed is
# also written to $W/tally.
row() {
    local s=${2%% *} kb=${2##* }
    [ "$s" = "-" ] && return
    ST=$1 awk -v s="$s" -v kb="$kb" -v rows="$3" -v ref="$4" -v t="$5" \
        -v maxmb="$MAX_MB" -v tally="$W/tally" '
    function width(s) { gsub(/[\200-\277]/, "", s); return length(s) }
    function left(s, n) { while (width(s) < n) s = s " "; return s }
    BEGIN {
        st = ENVIRON["ST"]
        rate = (rows > 0 && s > 0) ? sprintf("%.0f", rows / s) : "-";
        x = (ref != "-" && ref > 0) ? sprintf("%.2f", s / ref) : "-";
        mb = sprintf("%.0f", kb / 1024);
        target = "-"; met = "-"
        if (t == "ref") target = "reference"
        else if (t != "-") {
            why = ""
            if (t == "rss") target = "< " maxmb " MB"
            else {
                target = sprintf("≤ %.2fx, < %d MB", t, maxmb)
                if (x != "-" && x + 0 > t + 0) why = "x"
            }
            if (mb + 0 >= maxmb + 0) why = why (why != "" ? ", " : "") "MB"
            if (why != "") met = "missed (" why ")"
            else if (t == "rss" || x != "-") met = "met"
            if (met != "-") print (met == "met" ? "met" : "missed") >> tally
        }
        printf "| %s | %8.2f | %10s | %7s | %8s | %s | %s |\n", left(st, 41),
            s, rate, mb, x, left(target, 17), left(met, 14) }'
}
{
    echo "ombud $("$OMBUD" --version | cut -d' ' -f2), $WHAT ($ROWS rows, $MB MB CSV), period $PERIOD, $(nproc) cores, $(uname -m), median of $REPEAT"
    echo
    echo "| stage                                     |  seconds |     rows/s | peak MB | × import | target            | met?           |"
    echo "|-------------------------------------------|---------:|-----------:|--------:|---------:|-------------------|----------------|"
    row "(a) sqlite3 .import"                        "$A"  "$ROWS" "$imp" ref
    row "(b) ombud ingest"                           "$B"  "$ROWS" "$imp" 0.80
    row "(c) ombud check ($RULES rules)"             "$C"  "$ROWS" "$imp" 0.40
    row "(d) report xlsx"                            "$X"  0       "$imp" 0.30
    row "(d) report pdf"                             "$P"  0       "$imp" 0.30
    row "(e) ombud run (all of it)"                  "$R"  "$ROWS" "$imp" 1.50
    row "(f) ingest calls.csv"                       "$CL" "$CALLS" "$imp" -
    row "(f) the same, --profile"                    "$PF" "$CALLS" "$imp" -
    row "(g) sqlite3 .import, 5-year history"       "$HA" "$HROWS" "$rimp" ref
    row "(g) ingest history (× history import)"     "$HB" "$HROWS" "$rimp" -
    row "(g) check reliability, MEDs over 5 years"  "$HC" "$HROWS" "$rimp" -
    row "(g) ingest + check (× history import)"     "$HBC" "$HROWS" "$rimp" 2.00
    row "(a) psql \\copy, PostgreSQL (pg import)"    "$PI" "$ROWS" "$pimp" ref
    row "(b) ingest, PostgreSQL (× pg import)"       "$PB" "$ROWS" "$pimp" 1.50
    row "(c) check, PostgreSQL (× pg import)"        "$PC" "$ROWS" "$pimp" rss
    row "(d) report xlsx, PostgreSQL (× pg import)"  "$PX" 0       "$pimp" rss
    row "(d) report pdf, PostgreSQL (× pg import)"   "$PP" 0       "$pimp" rss
    if [ "${CL%% *}" != - ] && [ "${PF%% *}" != - ]; then
        awk -v a="${CL%% *}" -v b="${PF%% *}" 'BEGIN { if (a > 0)
            printf "\nprofile / own layout: %.2fx (goal: at most 1.30x)\n", b / a }'
    fi
    met=$(grep -c '^met' "$W/tally" 2>/dev/null || true)
    all=$(grep -c . "$W/tally" 2>/dev/null || true)
    echo
    echo "targets met: ${met:-0} of ${all:-0}"
} | tee "$OUT"
