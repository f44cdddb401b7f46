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

# The month is cached for the binary that wrote it (the generator changes
# with the code; writing 1M legs again takes about a second).
stamp=$(sha256sum < "$OMBUD" | cut -c1-16)
if [ "$(cat "$D/.made-by" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$D"
    timed "synth $N call legs" "$OMBUD" synth --rows "$N" --out "$D"
    echo "$stamp" > "$D/.made-by"
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
for t in "$ROOT"/templates/guarantees/*.ini; do
    name=$(basename "$t" .ini)
    rm -rf "$OUT/$name"
    mkdir -p "$OUT/$name"
    # the templates' line-count placeholders, filled with the month's lines
    g=$OUT/$name/guarantees.ini
    sh "$ROOT/tests/bench/fill-lines.sh" "$t" "$D/lines.csv" > "$g"
    # shellcheck disable=SC2086 # $extra is a list of options
    timed "run $name" "$OMBUD" run -q --guarantees "$g" \
        --outages "$D/outages.csv" --calls "$D/calls.csv" \
        --billing "$D/billing.csv" $extra --period 2026-10 --out "$OUT/$name"
    echo "reports: $OUT/$name/report.pdf, $OUT/$name/report.xlsx"
done
