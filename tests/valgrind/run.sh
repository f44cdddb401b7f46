#!/bin/sh
# run.sh - the key commands of the suite under valgrind's memcheck.
#
#   sh tests/valgrind/run.sh path/to/ombud
#
# Use the plain build (build/ombud: gcc -O2 -g), not the ASan one. Each
# command must exit with its usual status, with no memcheck error (invalid
# read or write, use of uninitialised memory, bad free...) and no definite
# or indirect leak:
#   valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect
#            --error-exitcode=99
# Memory that GLib, fontconfig or pango keep until exit ("still reachable",
# "possibly lost") is not an error. tests/valgrind/glib.supp holds
# suppressions for library-internal reports, should any be needed (none
# are today). The last line printed is "valgrind: N passed, N failed".
#
# VALGRIND_KEEP=1 keeps the work directory (its path is printed);
# VALGRIND_ORIGINS=1 adds --track-origins=yes (slower; says where an
# uninitialised value came from).

set -u

if [ $# -ne 1 ]; then
    echo "usage: sh tests/valgrind/run.sh path/to/ombud" >&2
    echo "valgrind: 0 passed, 1 failed"
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind: not installed (apt-get install valgrind)" >&2
    echo "valgrind: 0 passed, 1 failed"
    exit 2
fi
if [ ! -x "$bin" ]; then
    echo "valgrind: $bin is not an executable (build it with make)" >&2
    echo "valgrind: 0 passed, 1 failed"
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/ombud-valgrind.XXXXXX") || exit 2
if [ "${VALGRIND_KEEP:-0}" = 1 ]; then
    echo "valgrind: work directory $work"
else
    trap 'rm -rf "$work"' EXIT
fi
cd "$work" || exit 2
TZ=Pacific/Chatham LC_ALL=C
export TZ LC_ALL

F=$root/samples/founding-case
G=$root/templates/guarantees/fibre-bundle.ini
LA=America/Los_Angeles
passed=0
failed=0
n=0
origins=
[ "${VALGRIND_ORIGINS:-0}" = 1 ] && origins=--track-origins=yes

# vg EXPECTED-EXIT NAME ARGS...: run ombud ARGS under memcheck.
vg() {
    want=$1 name=$2
    shift 2
    n=$((n + 1))
    log=vg$n.log
    valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
        $origins --suppressions="$here/glib.supp" \
        --log-file="$log" "$bin" "$@" >out$n.txt 2>err$n.txt </dev/null
    rc=$?
    if [ "$rc" = "$want" ] && [ ! -s "$log" ]; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "FAIL $name: exit $rc (expected $want)"
        echo "     ombud $*"
        [ -s "$log" ] && head -n 60 "$log" | sed 's/^/     | /'
        [ -s "err$n.txt" ] && head -n 10 "err$n.txt" | sed 's/^/     stderr: /'
    fi
}

# Hostile input for the reject paths: NUL, a duplicate, a field count
# mismatch, a record over 1 MiB (parser restart), a month 13, and a quote
# left open at the end of the file. Bad UTF-8 refuses a file whole (issue
# 22), so it has a file of its own.
{
    echo 'outage_id,account_id,started_at,restored_at,cause'
    printf 'H-3,A\000B,2026-10-01T00:00:00Z,,x\n'
    echo 'H-4,A,2026-10-01T00:00:00Z,2026-10-02T00:00:00Z,ok'
    echo 'H-4,A,2026-10-01T00:00:00Z,,dup'
    echo 'H-6,A,2026-10-01T00:00:00Z'
    printf 'H-7,A,2026-10-01T00:00:00Z,,'
    head -c 1100000 /dev/zero | tr '\000' x
    echo
    echo 'H-8,A,2026-13-01T00:00:00Z,,x'
    echo 'H-9,A,2026-10-01T00:00:00Z,,"never closed'
} > hostile.csv
printf '[filing]\ncarrier = C\ntimezone = Nowhere/City\n[guarantee g]\nkind = nosuch\nwithin = 3 days\n' > bad.ini

vg 0 "ingest the founding case" ingest --db ev.db --tz $LA \
    --outages "$F/outages.csv" --calls "$F/calls.csv" --billing "$F/billing.csv"
vg 0 "ingest again (already imported)" ingest --db ev.db --tz $LA \
    --outages "$F/outages.csv" --calls "$F/calls.csv" --billing "$F/billing.csv"
vg 0 "ingest hostile rows (-v)" ingest -v --db ev.db --tz $LA --outages hostile.csv
printf 'outage_id,account_id,started_at\nH-2,\300\257,2026-10-01T00:00:00Z\n' > latin1.csv
vg 65 "ingest a file that is not UTF-8" ingest --db ev.db --tz $LA --outages latin1.csv
vg 66 "ingest a missing file" ingest --db ev.db --tz $LA --calls no-such.csv
vg 65 "ingest a binary file" ingest --db ev.db --tz $LA --billing "$bin"
vg 64 "ingest with an unknown zone" ingest --db ev.db --tz Nowhere/City --calls "$F/calls.csv"
vg 2 "check the founding case (hostile rows: incomplete)" check --db ev.db --guarantees "$G" --period 2026-10
vg 0 "check, --allow-incomplete" check --allow-incomplete --db ev.db --guarantees "$G" --period 2026-10
vg 65 "check with a bad guarantees file" check --db ev.db --guarantees bad.ini
vg 0 "report (XLSX)" report --db ev.db -o report.xlsx
vg 0 "run: ingest, check, XLSX and PDF" run -q --guarantees "$G" \
    --outages "$F/outages.csv" --calls "$F/calls.csv" --billing "$F/billing.csv" \
    --period 2026-10 --out out
vg 0 "keygen" keygen --out filer
vg 0 "run, signed, with a dossier" run -q --guarantees "$G" \
    --outages "$F/outages.csv" --calls "$F/calls.csv" --billing "$F/billing.csv" \
    --period 2026-10 --out signed --account ACC-1001 --customer "Jane Doe" \
    --sign filer.key
vg 0 "verify a signed PDF (written again)" verify --report signed/report.pdf \
    --guarantees "$G" --outages "$F/outages.csv" --calls "$F/calls.csv" \
    --billing "$F/billing.csv" --key filer.pub
qpdf signed/report.pdf --pages . 1-2 -- cut.pdf 2>/dev/null
cp signed/complaint-ACC-1001.xlsx edited.xlsx && echo x | zip -q -z edited.xlsx
vg 1 "verify a cut PDF (page by page)" verify --report cut.pdf \
    --guarantees "$G" --outages "$F/outages.csv" --calls "$F/calls.csv" \
    --billing "$F/billing.csv"
vg 1 "verify an edited dossier workbook" verify --report edited.xlsx \
    --guarantees "$G" --outages "$F/outages.csv" --calls "$F/calls.csv" \
    --billing "$F/billing.csv"
# compare (issue 26): two filings of one standard, one edited (a zip
# comment): both verified by verify's steps, the comparison written.
mkdir cmpin && cp "$F/outages.csv" "$F/calls.csv" "$F/billing.csv" "$G" cmpin/
cp out/report.xlsx cmp-edited.xlsx && echo x | zip -q -z cmp-edited.xlsx
vg 1 "compare two filings, one edited" compare -q --filing out/report.pdf \
    --inputs cmpin --filing cmp-edited.xlsx --inputs cmpin --out cmp
# Import profiles (issue 29): both shipped ones, rejects through one, a
# profile refused, guess, check, and verify needing the profile.
P=$root/templates/profiles
printf '[profile]\nkind = outages\n[columns]\noutage_id = {a\n' > badp.ini
sed '8s/July 1, 2011/July 32, 2011/' "$root/samples/oe417/outage-excerpt.csv" > oe417.csv
printf '[filing]\ncarrier = C\ncommission = M\ntimezone = America/Chicago\n[guarantee r]\npromise = p\nsource = s\nkind = restoration\nwithin = 24h\n' > oe.ini
vg 0 "ingest through profiles (OE-417, Excel calls)" ingest --db pr.db \
    --profile "$P/oe417-purdue-outages.ini" --outages "$root/samples/oe417/outage-excerpt.csv" \
    --profile "$P/excel-calls-semicolon.ini" --calls "$root/samples/excel-calls/calls-export.csv"
vg 0 "ingest rejects through a profile (-v)" ingest -v --db pr2.db \
    --profile "$P/oe417-purdue-outages.ini" --outages oe417.csv
vg 65 "ingest with a bad profile" ingest --db pr3.db --profile badp.ini --outages oe417.csv
vg 0 "profile guess" profile guess "$root/samples/oe417/outage-excerpt.csv" --kind outages
vg 0 "profile check" profile check "$P/excel-calls-semicolon.ini" \
    "$root/samples/excel-calls/calls-export.csv"
vg 0 "run through a profile" run -q --guarantees oe.ini --allow-incomplete \
    --profile "$P/oe417-purdue-outages.ini" --outages "$root/samples/oe417/outage-excerpt.csv" \
    --period 2011-07 --out oe-out
vg 0 "verify through a profile" verify --report oe-out/report.xlsx --guarantees oe.ini \
    --outages "$root/samples/oe417/outage-excerpt.csv" --profile "$P/oe417-purdue-outages.ini"
vg 0 "help" --help

echo "valgrind: $passed passed, $failed failed"
[ $failed -eq 0 ]
