#!/bin/sh
# fill-lines.sh TEMPLATE LINES.CSV - print TEMPLATE with the working-line
# counts of trouble_rate guarantees (`lines = N`, `lines_by_area = A: N, ...`)
# replaced by those of LINES.CSV (area,lines, as `ombud synth` writes it).
# The templates ship placeholders there, because only the carrier knows its
# lines; this is what a filer does by hand, done for the synthetic month.
set -eu
awk -F, '
    NR == FNR { if (FNR > 1) { area[++n] = $1; num[n] = $2; total += $2 } next }
    # a continuation line of a replaced value: drop it
    skip && /^[ \t]+[^ \t;#]/ { next }
    { skip = 0 }
    /^lines[ \t]*=/ { print "lines = " total "    ; from lines.csv"; skip = 1; next }
    /^lines_by_area[ \t]*=/ {
        printf "lines_by_area = %s: %s", area[1], num[1]
        for (i = 2; i <= n; i++) printf ",\n    %s: %s", area[i], num[i]
        print ""
        skip = 1
        next
    }
    { print }
' "$2" "$1"
