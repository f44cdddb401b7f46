# run-cases.sh - the case runner every shell suite shares; sourced by the
# suite's run.sh after it has set:
#   T_HERE     the suite's folder (holds lib.sh and the cases)
#   T_GLOB     the cases, relative to T_HERE, e.g. 'cases/*.sh' or '*/[0-9]*.sh'
#   T_MARK     end-of-case marker word (E2E, RULES, ...)
#   T_TIMEOUT  seconds a case may take: a guard against hangs, never a
#              measure (OMBUD_TEST_CASE_TIMEOUT overrides it)
#   T_TOOLS    commands the cases need
#   T_LABEL    prefix of the summary line ("" or "rules: ")
#   T_KEEP, T_VERBOSE   1 to keep temporary folders / print passing logs
# and defined suite_env(), which exports what its cases need besides
# OMBUD, T_ROOT and T_DIR.
#
# Usage of a suite: sh tests/SUITE/run.sh path/to/ombud [NAME...]
# Runs every case in sorted order (or only those whose name contains one of
# the NAMEs), each in a fresh `sh` whose current directory is a new empty
# temporary directory, with the suite's lib.sh sourced first. A case passes
# when every assertion held and it ran to its end. The last line printed is
# always "<label>N passed, N failed"; the exit status is non-zero when any
# case failed.

set -u

summary() {
    echo "$T_LABEL$1 passed, $2 failed"
}

if [ $# -lt 1 ]; then
    echo "usage: sh $0 path/to/ombud [NAME...]" >&2
    summary 0 1
    exit 2
fi

T_ROOT=$(cd "$T_HERE/../.." && pwd)
bin=$1
shift
case $bin in
/*) ;;
*) bin=$(pwd)/$bin ;;
esac
if [ ! -f "$bin" ] || [ ! -x "$bin" ]; then
    echo "$0: $bin is not an executable file (build it with make)" >&2
    summary 0 1
    exit 2
fi
for tool in $T_TOOLS; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "$0: $tool is needed by these tests" >&2
        summary 0 1
        exit 2
    fi
done

tmproot=$(mktemp -d "${TMPDIR:-/tmp}/ombud-$T_MARK.XXXXXX") || exit 2
if [ "$T_KEEP" != 1 ]; then
    trap 'rm -rf "$tmproot"' EXIT
    trap 'rm -rf "$tmproot"; exit 130' INT TERM
fi

# Sanitizer builds: report and stop at the first error, keep stderr short
# enough to read; common.sh fails the case when a report appears.
ASAN_OPTIONS=${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}abort_on_error=0:halt_on_error=1
UBSAN_OPTIONS=${UBSAN_OPTIONS:-}${UBSAN_OPTIONS:+:}print_stacktrace=1:halt_on_error=1
# The binary must never depend on the caller's zone or locale: give it an
# odd one (UTC+12:45/+13:45), so any use of the local zone shows.
TZ=Pacific/Chatham
LC_ALL=C
export ASAN_OPTIONS UBSAN_OPTIONS TZ LC_ALL
export OMBUD="$bin" T_ROOT T_DIR="$T_HERE" T_MARK
suite_env

passed=0
failed=0
failed_names=
for f in "$T_HERE"/$T_GLOB; do
    [ -f "$f" ] || continue
    name=${f#"$T_HERE"/}
    name=${name#cases/}
    name=${name%.sh}
    if [ $# -gt 0 ]; then
        want=0
        for pat in "$@"; do
            case $name in *"$pat"*) want=1 ;; esac
        done
        [ $want = 1 ] || continue
    fi
    dir=$tmproot/$name
    mkdir -p "$dir"
    log=$dir.log
    (
        cd "$dir" || exit 1
        T_CASE=$name timeout "${OMBUD_TEST_CASE_TIMEOUT:-$T_TIMEOUT}" sh -c \
            '. "$T_DIR/lib.sh" && . "$1" && t_end' sh "$f"
    ) >"$log" 2>&1
    status=$?
    if [ $status -eq 0 ] && grep -q "^$T_MARK-END fails=0 " "$log"; then
        passed=$((passed + 1))
        echo "ok   $name"
        [ "$T_VERBOSE" = 1 ] && sed 's/^/     /' "$log"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $name"
        echo "FAIL $name"
        grep -v "^$T_MARK-END " "$log" | sed 's/^/     /'
        if ! grep -q "^$T_MARK-END " "$log"; then
            if [ $status -eq 124 ]; then
                echo "     (the case timed out after $T_TIMEOUT s)"
            else
                echo "     (the case stopped before its end, status $status)"
            fi
        fi
        [ "$T_KEEP" = 1 ] && echo "     files kept in $dir"
    fi
done

if [ $failed -gt 0 ]; then
    echo "failed:$failed_names"
fi
summary "$passed" "$failed"
[ $failed -eq 0 ]
