#!/bin/sh
# run.sh - run the rule-kind cases.
#
#   sh tests/rules/run.sh path/to/ombud [NAME...]
#
# Runs every tests/rules/<kind>/NNN-name.sh in sorted order (or only the
# cases whose kind/name contains one of the NAMEs), each in a fresh `sh`
# whose current directory is a new empty temporary directory, with
# tests/rules/lib.sh sourced first. A case passes when every assertion in it
# held and it ran to its end. The last line printed is always
# "rules: N passed, N failed"; the exit status is non-zero when any case
# failed.
#
# RULES_KEEP=1 keeps the temporary directories (their path is printed).
# RULES_VERBOSE=1 prints the log of passing cases too.

set -u

summary() {
    echo "rules: $1 passed, $2 failed"
}

if [ $# -lt 1 ]; then
    echo "usage: sh tests/rules/run.sh path/to/ombud [NAME...]" >&2
    summary 0 1
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
    summary 0 1
    exit 2
fi
for tool in sqlite3 timeout date awk sed; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "run.sh: $tool is needed by the rule tests" >&2
        summary 0 1
        exit 2
    fi
done

tmproot=$(mktemp -d "${TMPDIR:-/tmp}/ombud-rules.XXXXXX") || exit 2
if [ "${RULES_KEEP:-0}" != 1 ]; then
    trap 'rm -rf "$tmproot"' EXIT
    trap 'rm -rf "$tmproot"; exit 130' INT TERM
fi

# Sanitizer builds: stop at the first error; lib.sh fails the case when a
# report appears on stderr.
ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}abort_on_error=0:halt_on_error=1
UBSAN_OPTIONS=${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1:halt_on_error=1
# The binary must not depend on the caller's zone or locale: give it an odd
# one (UTC+12:45/+13:45), so any use of the local zone shows.
TZ=Pacific/Chatham
LC_ALL=C
export ASAN_OPTIONS UBSAN_OPTIONS TZ LC_ALL
export OMBUD="$bin" RULES_ROOT="$root" RULES_DIR="$here"

passed=0
failed=0
failed_names=
for f in "$here"/*/[0-9]*.sh; do
    [ -f "$f" ] || continue
    kind=$(basename "$(dirname "$f")")
    name=$kind/$(basename "$f" .sh)
    if [ $# -gt 0 ]; then
        want=0
        for pat in "$@"; do
            case $name in *"$pat"*) want=1 ;; esac
        done
        [ $want = 1 ] || continue
    fi
    dir=$tmproot/$kind/$(basename "$f" .sh)
    mkdir -p "$dir"
    log=$dir.log
    (
        cd "$dir" || exit 1
        RULES_CASE=$name timeout 120 sh -c \
            '. "$RULES_DIR/lib.sh" && . "$1" && rules_end' sh "$f"
    ) >"$log" 2>&1
    status=$?
    if [ $status -eq 0 ] && grep -q '^RULES-END fails=0 ' "$log"; then
        passed=$((passed + 1))
        echo "ok   $name"
        [ "${RULES_VERBOSE:-0}" = 1 ] && sed 's/^/     /' "$log"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $name"
        echo "FAIL $name"
        grep -v '^RULES-END ' "$log" | sed 's/^/     /'
        if ! grep -q '^RULES-END ' "$log"; then
            if [ $status -eq 124 ]; then
                echo "     (the case timed out after 120 s)"
            else
                echo "     (the case stopped before its end, status $status)"
            fi
        fi
        [ "${RULES_KEEP:-0}" = 1 ] && echo "     files kept in $dir"
    fi
done

if [ $failed -gt 0 ]; then
    echo "failed:$failed_names"
fi
summary "$passed" "$failed"
[ $failed -eq 0 ]
