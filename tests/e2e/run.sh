#!/bin/sh
# run.sh - run the ombud end-to-end cases.
#
#   sh tests/e2e/run.sh path/to/ombud [NAME...]
#
# Runs every tests/e2e/cases/*.sh in sorted order (or only the cases whose
# file name contains one of the NAMEs), each in a fresh `sh` whose current
# directory is a new empty temporary directory, with tests/e2e/lib.sh
# sourced first. A case passes when every assertion in it held and it ran
# to its end. The last line printed is always "N passed, N failed"; the
# exit status is non-zero when any case failed.
#
# E2E_KEEP=1 keeps the temporary directories (their path is printed).
# E2E_VERBOSE=1 prints the log of passing cases too.

set -u

if [ $# -lt 1 ]; then
    echo "usage: sh tests/e2e/run.sh path/to/ombud [NAME...]" >&2
    echo "0 passed, 1 failed"
    exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$1
shift
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "run.sh: $bin is not an executable file (build it with make)" >&2
    echo "0 passed, 1 failed"
    exit 2
fi
for tool in sqlite3 timeout date awk; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run.sh: $tool is needed by the end-to-end tests" >&2
        echo "0 passed, 1 failed"
        exit 2
    fi
done

tmproot=$(mktemp -d "${TMPDIR:-/tmp}/ombud-e2e.XXXXXX") || exit 2
if [ "${E2E_KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$tmproot"' EXIT
    trap 'rm -rf "$tmproot"; exit 130' INT TERM
fi

# Sanitizer builds: report and stop at the first error, keep stderr short
# enough to read; lib.sh fails the case when a report appears.
ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}abort_on_error=0:halt_on_error=1
UBSAN_OPTIONS=${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1:halt_on_error=1
# The binary must never depend on the caller's zone or locale: give it an
# odd one.
TZ=Pacific/Chatham   # UTC+12:45/+13:45: shows any use of the local zone
LC_ALL=C
export ASAN_OPTIONS UBSAN_OPTIONS TZ LC_ALL

export OMBUD="$bin" E2E_ROOT="$root" E2E_DIR="$here" FIXTURES="$here/fixtures"

passed=0
failed=0
failed_names=
for f in "$here"/cases/*.sh; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .sh)
    if [ $# -gt 0 ]; then
        want=0
        for pat in "$@"; do
            case $name in *"$pat"*) want=1 ;; esac
        done
        [ $want = 1 ] || continue
    fi
    dir=$tmproot/$name
    mkdir -p "$dir"
    log=$tmproot/$name.log
    (
        cd "$dir" || exit 1
        E2E_CASE=$name timeout 300 sh -c '. "$E2E_DIR/lib.sh" && . "$1" && e2e_end' \
            sh "$f"
    ) >"$log" 2>&1
    status=$?
    if [ $status -eq 0 ] && grep -q '^E2E-END fails=0 ' "$log"; then
        passed=$((passed + 1))
        echo "ok   $name"
        [ "${E2E_VERBOSE:-0}" = 1 ] && sed 's/^/     /' "$log"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $name"
        echo "FAIL $name"
        grep -v '^E2E-END ' "$log" | sed 's/^/     /'
        if ! grep -q '^E2E-END ' "$log"; then
            if [ $status -eq 124 ]; then
                echo "     (the case timed out after 300 s)"
            else
                echo "     (the case stopped before its end, status $status)"
            fi
        fi
        [ "${E2E_KEEP:-0}" = 1 ] && echo "     files kept in $dir"
    fi
done

if [ $failed -gt 0 ]; then
    echo "failed:$failed_names"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
