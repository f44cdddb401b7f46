#!/bin/sh
# layers.sh - no two source files use each other, directly or round a
# loop (issue 28): data flows one way, ingest -> store -> rules ->
# findings -> reports, and inside a stage a table uses its entries, never
# the reverse.
#
#   sh tests/layers.sh OBJECT...
#
# Reads the objects (the build's, as the Makefile lists them) with nm: an
# edge a -> b when a uses a symbol b defines. Prints each loop found (its files and the symbols that
# close it) and fails; prints "layers: 1 passed" when there is none.
set -u
[ $# -gt 0 ] || { echo "FAIL layers: no objects given"; exit 1; }
for o in "$@"; do
    nm "$o" | awk -v f="${o#*/src/}" '
        NF == 3 && $2 ~ /^[TDBRV]$/ { print "D", $3, f }
        NF == 2 && $1 == "U" { print "U", $2, f }'
done | awk '
    $1 == "D" { def[$2] = $3; next }
    { use[++n] = $2; by[n] = $3 }
    END {
        for (i = 1; i <= n; i++) {
            d = def[use[i]]
            if (d == "" || d == by[i]) continue
            k = by[i] SUBSEP d
            if (!(k in edge)) { edge[k] = use[i]; out[by[i]] = out[by[i]] " " d }
        }
        # Tarjan: strongly connected components of more than one file.
        for (v in out) nodes[v] = 1
        for (k in edge) { split(k, p, SUBSEP); nodes[p[2]] = 1 }
        for (v in nodes) if (!(v in idx)) scc(v)
        if (!loops) print "layers: 1 passed, 0 failed"
        else { print "layers: 0 passed, 1 failed"; exit 1 }
    }
    function scc(v,   m, w, i, ws, comp) {
        idx[v] = low[v] = ++cnt; stack[++sp] = v; on[v] = 1
        m = split(out[v], ws, " ")
        for (i = 1; i <= m; i++) {
            w = ws[i]
            if (!(w in idx)) { scc(w); if (low[w] < low[v]) low[v] = low[w] }
            else if (on[w] && idx[w] < low[v]) low[v] = idx[w]
        }
        if (low[v] == idx[v]) {
            comp = ""; size = 0
            do { w = stack[sp--]; on[w] = 0; comp = comp " " w; size++
                 member[w] = v } while (w != v)
            if (size > 1) {
                loops++
                print "FAIL layers: these files use each other:" comp
                for (k in edge) {
                    split(k, p, SUBSEP)
                    if (member[p[1]] == v && member[p[2]] == v)
                        print "  " p[1] " -> " p[2] " (" edge[k] ")"
                }
            }
        }
    }'
