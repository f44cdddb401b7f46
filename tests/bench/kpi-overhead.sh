#!/bin/sh
# kpi-overhead.sh - what the call-centre KPI pack (call_kpis) adds to
# `ombud check` on a generated month (issue 26: at most 20 % at 1M legs).
#
#   sh tests/bench/kpi-overhead.sh path/to/ombud [ROWS] [REPEAT]
#
# Writes `ombud synth --rows ROWS` (default 1000000) into
# build/bench/kpi-ROWS/ once, ingests it once, then runs `ombud check
# --period 2026-10` REPEAT times (default 5) with tests/bench/month.ini
# and with month.ini plus a call_kpis guarantee (every queue, 15-minute
# intervals, all three targets: the most work the kind does), the two
# interleaved so that a busy machine slows both alike. Prints each run's
# CPU time (user + sys, less shaken by other work than the wall clock)
# and wall time, then the medians and the overhead of the median CPU.
# Not part of any test suite: it takes minutes and measures a machine.
set -eu
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROWS=${2:-1000000}
REPEAT=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
D=$HERE/../../build/bench/kpi-$ROWS
mkdir -p "$D"
cd "$D"
if [ ! -f ev.db ]; then
    "$OMBUD" synth --rows "$ROWS" --out month -q --force
    "$OMBUD" ingest --db ev.db --tz America/Los_Angeles -q \
        --outages month/outages.csv --calls month/calls.csv \
        --billing month/billing.csv
fi
cp "$HERE/month.ini" base.ini
cp "$HERE/month.ini" kpi.ini
cat >> kpi.ini <<'INI'
[guarantee kpis]
promise = call-centre figures
source = bench
kind = call_kpis
interval = 15m
asa_max = 60s
abandon_max = 5%
sl_target = 80%
INI
: > times.txt
i=0
while [ $i -lt "$REPEAT" ]; do
    for g in base kpi; do
        /usr/bin/time -f "$g %U %S %e" "$OMBUD" check --db ev.db \
            --guarantees $g.ini --period 2026-10 -q >/dev/null 2>>times.txt ||
            true
    done
    i=$((i + 1))
done
grep -E '^(base|kpi) ' times.txt | awk '
    { cpu = $2 + $3; printf "%-5s cpu %6.2f s  wall %6.2f s\n", $1, cpu, $4
      n[$1]++; c[$1, n[$1]] = cpu; w[$1, n[$1]] = $4 }
    function med(a, k, m,   i, j, t, v) {
        for (i = 1; i <= m; i++) v[i] = a[k, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++)
            if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2 }
    END {
        bc = med(c, "base", n["base"]); kc = med(c, "kpi", n["kpi"])
        bw = med(w, "base", n["base"]); kw = med(w, "kpi", n["kpi"])
        printf "median: base cpu %.2f s wall %.2f s; with call_kpis cpu %.2f s wall %.2f s\n", bc, bw, kc, kw
        printf "call_kpis adds %.1f%% cpu, %.1f%% wall\n", (kc / bc - 1) * 100, (kw / bw - 1) * 100 }'
