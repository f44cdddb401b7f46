#!/bin/sh
# make demo-large: a synthetic carrier month of N call legs (default
# 1,000,000) run end to end through every guarantees template.
#
#   sh tests/bench/demo-large.sh path/to/ombud [N]
#
# The month is generated once with `ombud synth` into build/demo-large/N/
# (cached: a complete month has calls.csv, renamed into place last) and run
# with `ombud run` through each templates/guarantees/*.ini into
# demo-large-out/<template>/ (report.xlsx, report.pdf, evidence.db). The
# inputs a build of ombud does not read yet (appointments, orders) are left
# out, with a note. Each stage prints its wall time and peak memory.
set -eu
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
N=${2:-1000000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
D=$ROOT/build/demo-large/$N
OUT=$ROOT/demo-large-out

timed() { # LABEL CMD...: run CMD, then print its wall time and peak RSS
    label=$1; shift
    /usr/bin/time -f "$label: %e s, peak %M KB" "$@"
}

if [ ! -s "$D/calls.csv" ]; then
    rm -rf "$D"
    timed "synth $N call legs" "$OMBUD" synth --rows "$N" --out "$D"
else
    echo "using the month cached in $D"
fi

extra=
for kind in appointments orders; do
    if "$OMBUD" help run | grep -q -- "--$kind"; then
        extra="$extra --$kind $D/$kind.csv"
    else
        echo "note: this ombud does not read $kind yet; $kind.csv left out"
    fi
done

mkdir -p "$OUT"
for g in "$ROOT"/templates/guarantees/*.ini; do
    name=$(basename "$g" .ini)
    rm -rf "$OUT/$name"
    # shellcheck disable=SC2086 # $extra is a list of options
    timed "run $name" "$OMBUD" run -q --guarantees "$g" \
        --outages "$D/outages.csv" --calls "$D/calls.csv" \
        --billing "$D/billing.csv" $extra --period 2026-10 --out "$OUT/$name"
    echo "reports: $OUT/$name/report.pdf, $OUT/$name/report.xlsx"
done
