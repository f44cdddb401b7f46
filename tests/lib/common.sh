# common.sh - what every shell test suite shares: running the binary under
# test, recording failures, and the assertions that do not depend on a suite.
#
# Sourced (via the suite's own lib.sh) into a fresh `sh` for every case, with
# the current directory set to an empty temporary directory. POSIX sh only
# (the cases also run under dash): no arrays, no [[ ]], no local, printf
# escapes in octal (\377), never \x.
#
# Set before sourcing: OMBUD (the binary), T_CASE (the case's name), and
# T_MARK (the end-of-case marker word run-cases.sh looks for).
#
# Every run of the binary is checked for crashes (signal, timeout) and for
# sanitizer reports on stderr, so a case fails under an ASan/UBSan build
# even when it does not look at the exit code.
#
# Running:
#   run_ombud ARGS...          sets RC, OUT, ERR (files)
# Assertions (each records a failure and carries on; the case fails at its
# end when any failed):
#   expect_exit N
#   expect_eq WHAT EXPECTED ACTUAL
#   expect_true WHAT COMMAND...      the command succeeds
#   expect_stdout_has TEXT / expect_stdout_lacks TEXT
#   expect_stdout_line REGEX         a stdout line matches the ERE
#   expect_stdout_last LINE          the last stdout line is exactly LINE
#   expect_stderr_has TEXT / expect_stderr_lacks TEXT
#   expect_stderr_line PREFIX TEXT   a stderr line starts with PREFIX and
#                                    contains TEXT (both fixed strings)
#   expect_no_file PATH
#   expect_sql SQL EXPECTED          sqlite3 output on $DB (NULL shown as
#                                    NULL, '|' between columns)
# Values:
#   sql SQL                          run a query on $DB
#   q TEXT (also sql_q)              TEXT as an SQL string literal
#   utc 'YYYY-MM-DD HH:MM:SS'        epoch seconds of a UTC time (GNU date)
#   lt ZONE 'YYYY-MM-DD HH:MM:SS'    epoch seconds of a local time in ZONE
#   daynum YYYY-MM-DD                days since 1970-01-01
#   repeat_char C N                  N copies of character C on stdout
# Reports (print nothing when the file is sound, else what is wrong, and
# return 1; a suite compares the output with "" in its own assertion):
#   xlsx_wellformed FILE             every XML part of the workbook parses
#                                    (xmllint --noout)
#   pdf_wellformed FILE              qpdf --check finds no error or warning

T_FAILS=0
T_ASSERTS=0
T_RUNS=0
T_LAST="(no command run yet)"
RC=
OUT=/dev/null
ERR=/dev/null

# ---- bookkeeping -------------------------------------------------------------

_t_fail() { # WHAT EXPECTED ACTUAL
    T_FAILS=$((T_FAILS + 1))
    printf 'FAIL [%s] %s\n' "$T_CASE" "$1"
    printf '    after:    %s\n' "$T_LAST"
    printf '    expected: %s\n' "$2" | sed '2,$s/^/              /'
    printf '    actual:   %s\n' "$3" | sed '2,$s/^/              /'
}

_t_ok() {
    T_ASSERTS=$((T_ASSERTS + 1))
}

# Show the stderr of the last run, indented (for failure messages).
_t_show_stderr() {
    if [ -s "$ERR" ]; then
        printf '    stderr of the last run (first 15 lines):\n'
        head -n 15 "$ERR" | sed 's/^/      | /'
    else
        printf '    stderr of the last run: (empty)\n'
    fi
}

# Called by run-cases.sh after the case; the marker proves it ran through.
t_end() {
    if [ "$T_ASSERTS" -eq 0 ] && [ "$T_FAILS" -eq 0 ]; then
        _t_fail "case made no assertion" "at least one" "none"
    fi
    echo "$T_MARK-END fails=$T_FAILS asserts=$T_ASSERTS"
    [ "$T_FAILS" -eq 0 ]
}

# ---- running the binary ---------------------------------------------------

run_ombud() {
    T_RUNS=$((T_RUNS + 1))
    T_LAST="ombud $*"
    OUT=run$T_RUNS.out
    ERR=run$T_RUNS.err
    # A guard against hangs only, never a measure of speed: generous
    # enough for an ASan build on a machine whose cores are all busy
    # (OMBUD_TEST_CMD_TIMEOUT overrides it).
    timeout "${OMBUD_TEST_CMD_TIMEOUT:-600}" "$OMBUD" "$@" >"$OUT" 2>"$ERR" </dev/null
    RC=$?
    if [ "$RC" -eq 124 ]; then
        _t_fail "ombud finished within ${OMBUD_TEST_CMD_TIMEOUT:-600} s (a hang?)" \
            "exit" "timed out"
    elif [ "$RC" -ge 128 ]; then
        _t_fail "ombud did not crash" "an exit status < 128" \
            "exit $RC (killed by signal $((RC - 128)))"
        _t_show_stderr
    fi
    if grep -Eq 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|BUG at ' "$ERR"; then
        _t_fail "no sanitizer report or BUG on stderr" "none" \
            "$(grep -Em1 'Sanitizer|runtime error:|BUG at ' "$ERR")"
        _t_show_stderr
    fi
}

# ---- assertions --------------------------------------------------------------

expect_exit() {
    if [ "$RC" = "$1" ]; then
        _t_ok
    else
        _t_fail "exit status" "$1" "$RC"
        _t_show_stderr
    fi
}

expect_eq() { # WHAT EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        _t_ok
    else
        _t_fail "$1" "$2" "$3"
    fi
}

expect_true() { # WHAT COMMAND...
    T_WHAT=$1
    shift
    if "$@"; then
        _t_ok
    else
        _t_fail "$T_WHAT" "true" "false: $*"
    fi
}

# Does FILE contain TEXT (fixed string)? Records the result either way.
# ombud joins the parts of a figure ("12 h 59 min", "9,78 USD") with
# no-break spaces so a line never breaks inside one; the expectations are
# written with plain spaces, as a reader sees them.
nbsp_plain() { sed 's/\xc2\xa0/ /g' "$@"; }

_t_file_has() { # WANT(1|0) FILE WHAT TEXT
    if nbsp_plain "$2" | grep -Fq -e "$4"; then T_GOT=1; else T_GOT=0; fi
    if [ "$T_GOT" = "$1" ]; then
        _t_ok
    elif [ "$1" = 1 ]; then
        _t_fail "$3 contains the text" "$4" \
            "(not found; it starts: $(head -c 300 "$2"))"
    else
        _t_fail "$3 does not contain the text" "no \"$4\"" \
            "$(grep -Fm1 -e "$4" "$2")"
    fi
}

expect_stdout_has() { _t_file_has 1 "$OUT" stdout "$1"; }
expect_stdout_lacks() { _t_file_has 0 "$OUT" stdout "$1"; }
expect_stderr_has() { _t_file_has 1 "$ERR" stderr "$1"; }
expect_stderr_lacks() { _t_file_has 0 "$ERR" stderr "$1"; }

expect_stdout_line() { # ERE
    if nbsp_plain "$OUT" | grep -Eq -e "$1"; then
        _t_ok
    else
        _t_fail "a stdout line matches /$1/" "such a line" \
            "(none; stdout: $(head -c 600 "$OUT"))"
    fi
}

expect_stdout_last() {
    expect_eq "last line of stdout" "$1" "$(tail -n 1 "$OUT" | nbsp_plain)"
}

_t_has_line() { # FILE PREFIX TEXT
    T_P=$2 T_T=$3 awk 'index($0, ENVIRON["T_P"]) == 1 &&
        index($0, ENVIRON["T_T"]) > 0 { found = 1 }
        END { exit !found }' "$1"
}

expect_stderr_line() { # PREFIX TEXT
    if _t_has_line "$ERR" "$1" "$2"; then
        _t_ok
    else
        _t_fail "a stderr line starts with \"$1\" and contains \"$2\"" \
            "such a line" "(none)"
        _t_show_stderr
    fi
}

expect_no_file() {
    if [ -e "$1" ]; then
        _t_fail "no file $1 is created" "absent" "exists"
    else
        _t_ok
    fi
}

sql() {
    sqlite3 -batch -bail -nullvalue NULL "$DB" "$1" 2>&1 | nbsp_plain
}

q() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"
}

sql_q() {
    q "$1"
}

expect_sql() { # SQL EXPECTED
    if [ ! -f "$DB" ]; then
        _t_fail "SQL: $1" "$2" "(no store $DB)"
        return
    fi
    T_GOT=$(sql "$1")
    if [ "$T_GOT" = "$2" ]; then
        _t_ok
    else
        _t_fail "SQL: $1" "$2" "$T_GOT"
    fi
}

# ---- values ---------------------------------------------------------------------

utc() {
    date -u -d "$1" +%s
}

lt() { # ZONE 'YYYY-MM-DD HH:MM:SS'
    TZ=$1 date -d "$2" +%s
}

daynum() {
    echo $(( $(date -u -d "$1 00:00:00" +%s) / 86400 ))
}

repeat_char() { # C N
    head -c "$2" /dev/zero | tr '\000' "$1"
}

# ---- reports --------------------------------------------------------------------

# xlsx_wellformed FILE: every part of the workbook that is XML (each sheet,
# sharedStrings, styles, workbook.xml, docProps, the .rels) must parse with
# xmllint: a character XML does not allow (U+FFFE, bytes that are not
# UTF-8) makes Excel refuse the file and LibreOffice drop the rest of the
# row, while unzip and grep read on. Prints "FILE: PART:LINE: xmllint's
# first message" per bad part; nothing when all parse.
xlsx_wellformed() {
    _xw_dir=$(mktemp -d) || return 1
    _xw_rc=0
    if ! unzip -qq -o "$1" -d "$_xw_dir" >/dev/null 2>&1; then
        echo "$1: not a zip file"
        _xw_rc=1
    elif [ ! -f "$_xw_dir/xl/workbook.xml" ]; then
        echo "$1: no xl/workbook.xml"
        _xw_rc=1
    else
        # Part names are ASCII without spaces (the writer's own).
        for _xw_p in $(cd "$_xw_dir" && find . -type f \( -name '*.xml' -o \
                       -name '*.rels' \) | sed 's|^\./||' | sort); do
            if ! xmllint --noout --nonet "$_xw_dir/$_xw_p" \
                    >"$_xw_dir.err" 2>&1; then
                # xmllint's message starts with the part's path.
                echo "$1: $(head -n 1 "$_xw_dir.err" | sed "s|^$_xw_dir/||")"
                _xw_rc=1
            fi
        done
    fi
    rm -rf "$_xw_dir" "$_xw_dir.err"
    return $_xw_rc
}

# pdf_wellformed FILE: qpdf --check (the cross-reference table, every
# object and stream) exits 0: no error (2) and no warning (3). Prints
# qpdf's complaints when it does not; nothing when the PDF is sound.
pdf_wellformed() {
    if ! _pw_out=$(qpdf --check "$1" 2>&1); then
        echo "$1: qpdf --check: $(echo "$_pw_out" |
            grep -iv '^checking\|^PDF Version\|^File is not\|^No syntax' |
            head -n 3 | tr '\n' ' ')"
        return 1
    fi
}
