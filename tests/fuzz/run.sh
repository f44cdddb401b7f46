#!/bin/sh
# run.sh - build the libFuzzer harnesses and fuzz each target for a while.
#
#   sh tests/fuzz/run.sh [--smoke] [--build-only] [--merge] [TARGET...]
#
# Targets: outages, calls, billing, queue_log, cdr (the ingest of each format through
# ombud_ingest_file(), checking read = stored + rejected after every input)
# guarantees (ombud_guarantees_load()) and report (fuzz_report.c: input
# text through the real import and rules into the XLSX and PDF reports and
# the complaint dossier; every workbook's XML must parse and every PDF
# pass `qpdf --check`). Default: all seven.
#
# The harnesses are built with clang (-fsanitize=fuzzer,address,undefined)
# against the sources in src/ directly: src/*.c, src/ingest/, src/rules/,
# src/report/, src/cmd/ and src/store/ (not main, not synth, not nopg) and build/gen/letters.c
# (the compiled-in letters, made by `make`), compiled into build/fuzz/.
# build/libombud.a is gcc's and is not used. Clang's warnings are shown,
# not fatal: the gcc build owns -Werror.
#
# Each target first runs every input of tests/fuzz/regress/TARGET/ (inputs
# that once crashed; each must now pass), then fuzzes for FUZZ_SECONDS
# (default 60; --smoke: FUZZ_SMOKE_SECONDS, default 25) starting from the
# seed corpus tests/fuzz/corpus/TARGET/ plus what earlier runs found in
# build/fuzz/work/TARGET/ (report's smoke run: the seeds only, since
# libFuzzer replays the corpus before its clock starts). Up to FUZZ_JOBS
# targets (default: the number of CPUs, at most 4) run at once. A crash
# leaves its input in
# build/fuzz/crashes/ and fails the target: minimise it, fix the bug and
# copy the input into tests/fuzz/regress/TARGET/.
#
# --merge adds to tests/fuzz/corpus/TARGET/ the fewest inputs found in
# build/fuzz/work/TARGET/ that reach code edges the seed corpus does not
# (libFuzzer -merge=1 -use_counters=0: edges, not hit counts, so the corpus
# stays small).
#
# Environment: CLANG (default clang), FUZZ_SECONDS, FUZZ_SMOKE_SECONDS,
# FUZZ_JOBS, FUZZ_MAX_LEN (default 65536; 4096 for report, whose cost
# grows with the rows: each input writes four documents), FUZZ_CHUNK (default 61: the
# reader's read size in the fuzz build, src/ingest/reader.c's
# OMBUD_READ_CHUNK, small and odd so that chunk boundaries fall anywhere in
# an input, CR/LF pairs and quotes included; 65536 in ombud itself) and
# FUZZ_LIMITS (default "small": tests/fuzz/limits.h gives the reader a
# 400-byte record and 20-field limit so small inputs reach the oversize
# paths; "real" keeps ombud's 1 MiB and 4096). The last line printed is
# "fuzz: N passed, N failed"; the exit status is non-zero when any failed.

set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/build/fuzz
CLANG=${CLANG:-clang}
seconds=${FUZZ_SECONDS:-60}
max_len=${FUZZ_MAX_LEN:-65536}
chunk=${FUZZ_CHUNK:-61}
limits=${FUZZ_LIMITS:-small}
build_only=0
merge=0
smoke=0
targets=

for a in "$@"; do
    case $a in
    --smoke) seconds=${FUZZ_SMOKE_SECONDS:-25} smoke=1 ;;
    --build-only) build_only=1 ;;
    --merge) merge=1 ;;
    outages|calls|billing|queue_log|cdr|guarantees|report) targets="$targets $a" ;;
    *)
        echo "usage: sh tests/fuzz/run.sh [--smoke] [--build-only] [--merge] [outages|calls|billing|queue_log|cdr|guarantees|report]..." >&2
        echo "fuzz: 0 passed, 1 failed"
        exit 2 ;;
    esac
done
[ -n "$targets" ] || targets="outages calls billing queue_log cdr guarantees report"

jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 1)}
[ "$jobs" -gt 4 ] && jobs=4
[ "$jobs" -lt 1 ] && jobs=1

die() {
    echo "fuzz: $*" >&2
    echo "fuzz: 0 passed, 1 failed"
    exit 1
}

command -v "$CLANG" >/dev/null 2>&1 ||
    die "$CLANG not found (apt-get install clang libclang-rt-14-dev)"
# libxml-2.0 is the report harness's own: it parses the workbooks' XML.
PKGS="sqlite3 libpq glib-2.0 inih xlsxwriter libcrypto cairo pangocairo
    fontconfig minizip libxml-2.0"
# shellcheck disable=SC2086
PKG_CFLAGS=$(pkg-config --cflags $PKGS) ||
    die "pkg-config cannot find the libraries (run sh .ci/deps.sh)"
# shellcheck disable=SC2086
PKG_LIBS="$(pkg-config --libs $PKGS) -lcsv -lm"

# ---- build ------------------------------------------------------------------

SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer
    -Wall -Wextra -Wno-unused-command-line-argument
    -I$root/include $PKG_CFLAGS $SAN -fsanitize=fuzzer-no-link"
export CLANG CFLAGS

mkdir -p "$out/obj" "$out/crashes" || die "cannot create $out"

# Compile each library source whose object is missing or older than the
# source or any header; then archive them (only the members a harness
# needs are linked).
newest_h=$(ls -t "$root"/include/ombud/*.h "$root"/src/*/*.h | head -n 1)
reader_flags="-DOMBUD_READ_CHUNK=$chunk"
[ "$limits" = real ] || reader_flags="$reader_flags -include $here/limits.h"
if [ "$(cat "$out/reader-flags" 2>/dev/null)" != "$reader_flags" ] ||
   [ "$here/limits.h" -nt "$out/obj/src_ingest_reader.o" ]; then
    rm -f "$out/obj/src_ingest_reader.o"
    echo "$reader_flags" > "$out/reader-flags"
fi
srcs=$(cd "$root" && ls src/*.c src/ingest/*.c src/rules/*.c src/report/*.c \
    src/cmd/*.c src/store/*.c | grep -v '^src/main\.c$' |
    grep -v '^src/store/nopg\.c$')
# The letters are generated by make (build/gen/letters.c from
# templates/letters/); `make fuzz` makes them first.
[ -f "$root/build/gen/letters.c" ] ||
    (cd "$root" && make -s build/gen/letters.c) ||
    die "cannot make build/gen/letters.c"
srcs="$srcs build/gen/letters.c"
stale=
for s in $srcs; do
    o=$out/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')
    if [ ! -f "$o" ] || [ "$root/$s" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
        stale="$stale $s"
    fi
done
if [ -n "$stale" ]; then
    echo "fuzz: compiling$(echo $stale | wc -w | sed 's/^/ /') sources with $CLANG"
    # shellcheck disable=SC2086
    if ! (cd "$root" && printf '%s\n' $stale | xargs -P "$jobs" -I{} sh -c \
        'o=$1/obj/$(echo "$2" | tr / _ | sed "s/\.c\$/.o/")
         case $2 in src/ingest/reader.c) x=$3 ;; *) x= ;; esac
         $CLANG $CFLAGS $x -c "$2" -o "$o"' \
        sh "$out" {} "$reader_flags"); then
        die "compiling the sources failed"
    fi
    rm -f "$out/libombud-fuzz.a"
fi
if [ ! -f "$out/libombud-fuzz.a" ]; then
    # shellcheck disable=SC2046
    ar rcs "$out/libombud-fuzz.a" $(for s in $srcs; do
        echo "$out/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')"; done) ||
        die "ar failed"
fi

# build HARNESS.c NAME EXTRA-FLAGS
build() {
    bin=$out/fuzz_$2
    if [ -f "$bin" ] && [ ! "$here/$1" -nt "$bin" ] &&
       [ ! "$out/libombud-fuzz.a" -nt "$bin" ]; then
        return 0
    fi
    # shellcheck disable=SC2086
    $CLANG $CFLAGS $3 -fsanitize=fuzzer "$here/$1" "$out/libombud-fuzz.a" \
        $PKG_LIBS -o "$bin" || die "linking fuzz_$2 failed"
}

for t in $targets; do
    case $t in
    guarantees) build fuzz_guarantees.c guarantees "" ;;
    report) build fuzz_report.c report "" ;;
    *) build fuzz_ingest.c "$t" "-DFUZZ_FORMAT=$t" ;;
    esac
done
if [ $build_only = 1 ]; then
    echo "fuzz: built$(for t in $targets; do printf ' %s' "build/fuzz/fuzz_$t"; done)"
    exit 0
fi

# ---- run ------------------------------------------------------------------------

dict_of() {
    case $1 in
    guarantees) echo "$here/ini.dict" ;;
    report) echo "$here/report.dict" ;;
    *) echo "$here/csv.dict" ;;
    esac
}

# fuzz TARGET: regressions, then fuzzing; writes build/fuzz/TARGET.{log,result}
fuzz_one() {
    t=$1
    bin=$out/fuzz_$t
    log=$out/$t.log
    res=$out/$t.result
    work=$out/work/$t
    # libFuzzer replays the whole corpus before its time limit starts: at
    # about a second an input, the report target's smoke run replays only
    # the seeds and keeps what it finds in this run's temporary folder.
    [ $smoke = 1 ] && [ "$t" = report ] && work=$FUZZ_TMPDIR/work-$t
    mkdir -p "$work"
    : > "$log"
    # ASan's leak checker runs at exit: a leak fails the run too.
    # A report input writes four documents, two PDFs rendered twice each:
    # it may take seconds under ASan with both cores busy. The timeout
    # only catches hangs.
    len=$max_len timeout=20
    [ "$t" = report ] && len=${FUZZ_MAX_LEN:-4096} timeout=120
    LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
    export LSAN_OPTIONS
    opts="-rss_limit_mb=2048 -timeout=$timeout -max_len=$len -dict=$(dict_of "$t")"
    n=0
    if [ -d "$here/regress/$t" ] && [ -n "$(ls -A "$here/regress/$t")" ]; then
        n=$(ls "$here/regress/$t" | wc -l)
        # shellcheck disable=SC2086
        if ! "$bin" -runs=1 $opts "$here/regress/$t"/* >>"$log" 2>&1; then
            echo "FAIL regressions" > "$res"
            return
        fi
    fi
    # shellcheck disable=SC2086
    "$bin" $opts -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$out/crashes/$t-" "$work" "$here/corpus/$t" \
        >>"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    secs=$(sed -n 's/^stat::.*//; s/^#[0-9]*.*DONE.*//; s/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -n 1)
    cov=$(grep -Eo 'cov: [0-9]+' "$log" | tail -n 1 | sed 's/cov: //')
    if [ $rc -eq 0 ]; then
        echo "ok $n ${execs:-?} ${secs:-$seconds} ${cov:-?}" > "$res"
    else
        echo "FAIL fuzzing" > "$res"
    fi
    if [ $merge = 1 ] && [ $rc -eq 0 ]; then
        "$bin" -merge=1 -use_counters=0 -max_len="$len" \
            "$here/corpus/$t" "$work" >>"$log" 2>&1
    fi
}

# The report harness: qpdf checks each PDF (required: .ci/deps.sh
# installs it), and the catalogues of es, ca and he are the build's (make
# builds them before fuzzing).
FUZZ_QPDF=$(command -v qpdf || true)
case " $targets " in *" report "*)
    [ -n "$FUZZ_QPDF" ] || die "qpdf not found (run sh .ci/deps.sh)" ;;
esac
export FUZZ_QPDF
[ -d "$root/build/locale" ] && [ -z "${OMBUD_LOCALEDIR:-}" ] &&
    OMBUD_LOCALEDIR=$root/build/locale && export OMBUD_LOCALEDIR

# The harnesses' temporary files (the input, the store) go in a folder of
# this run, in memory when /dev/shm is there, removed at the end even when
# a crash kept a harness from cleaning up.
FUZZ_TMPDIR=$(mktemp -d /dev/shm/ombud-fuzz.XXXXXX 2>/dev/null ||
              mktemp -d "${TMPDIR:-/tmp}/ombud-fuzz.XXXXXX") ||
    die "cannot create a temporary folder"
export FUZZ_TMPDIR
trap 'rm -rf "$FUZZ_TMPDIR"' EXIT
trap 'rm -rf "$FUZZ_TMPDIR"; exit 130' INT TERM

echo "fuzz: $seconds s per target, $jobs at a time:$targets"
running=0
for t in $targets; do
    fuzz_one "$t" &
    running=$((running + 1))
    if [ $running -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait

passed=0
failed=0
for t in $targets; do
    st=FAIL a="no result" b= c= d=
    [ -f "$out/$t.result" ] && read -r st a b c d < "$out/$t.result"
    if [ "$st" = ok ]; then
        passed=$((passed + 1))
        rate=?
        case $b$c in *[!0-9]*|'') ;; *) [ "$c" -gt 0 ] && rate=$((b / c)) ;; esac
        printf 'ok   fuzz_%s: %s regression inputs pass; %s runs in %s s (%s/s), coverage %s, no crash\n' \
            "$t" "$a" "$b" "$c" "$rate" "$d"
    else
        failed=$((failed + 1))
        echo "FAIL fuzz_$t ($a${b:+ $b})"
        grep -E -A 30 'ERROR: |runtime error:|fuzz_ingest\(|==[0-9]+==|SUMMARY' "$out/$t.log" | head -n 60 | sed 's/^/     /'
        ls "$out/crashes/$t-"* 2>/dev/null | sed 's/^/     input: /'
        echo "     full log: $out/$t.log"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
