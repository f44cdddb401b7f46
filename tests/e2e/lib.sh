# lib.sh - assertion helpers for the ombud end-to-end cases.
#
# Sourced by tests/e2e/run.sh into a fresh `sh` for every case, with the
# current directory set to an empty temporary directory. POSIX sh only (the
# cases also run under dash): no arrays, no [[ ]], and printf escapes in
# octal (\377), never \x.
#
# Environment set by run.sh:
#   OMBUD     absolute path of the binary under test
#   E2E_ROOT  repository root; SAMPLES=$E2E_ROOT/samples
#   FIXTURES  tests/e2e/fixtures
#   E2E_CASE  name of the case being run
#
# Every run of the binary is checked for crashes (signal, timeout) and for
# sanitizer reports on stderr, so a case fails under an ASan/UBSan build
# even when it does not look at the exit code.
#
# Helpers (all record a failure and carry on; the case fails at the end):
#   run_ombud ARGS...          run the binary; sets RC, OUT, ERR (files)
#   ingest ARGS...             run_ombud ingest --db "$DB" ARGS...
#   ingest_la ARGS...          ingest --tz America/Los_Angeles ARGS...
#   expect_exit N
#   expect_stderr_has TEXT     fixed string somewhere in stderr
#   expect_stderr_lacks TEXT
#   expect_stderr_line PREFIX TEXT   a stderr line starts with PREFIX and
#                              contains TEXT
#   expect_stdout_has TEXT / expect_stdout_lacks TEXT
#   expect_sql SQL EXPECTED    sqlite3 output (NULL shown as NULL, '|'
#                              between columns, rows on separate lines)
#   expect_counts PATH READ STORED REJECTED   the sources row of PATH
#   expect_counted PATH COUNTED    its rows counted (queue_log: no leg)
#   expect_accounting          read = stored + rejected for every source,
#                              and the tables hold exactly those rows
#   expect_reject PATH LINE COL FIELD REASON  one rejected row, checked in
#                              stderr (PATH:LINE:COL: error: rejected: ...)
#                              and in the rejects table (FIELD - for NULL)
#   expect_eq WHAT EXPECTED ACTUAL
#   expect_true WHAT COMMAND...      the command succeeds
#   expect_no_file PATH
#   utc 'YYYY-MM-DD HH:MM:SS'  epoch seconds of that UTC time (GNU date)
#   sql_q TEXT                 TEXT as an SQL string literal
#   repeat_char C N            N copies of character C on stdout

DB=ev.db
LA=America/Los_Angeles
SAMPLES=$E2E_ROOT/samples
FOUNDING=$SAMPLES/founding-case
E2E_FAILS=0
E2E_ASSERTS=0
E2E_RUNS=0
E2E_LAST="(no command run yet)"
RC=
OUT=/dev/null
ERR=/dev/null

# ---- bookkeeping ---------------------------------------------------------

_e2e_fail() { # WHAT EXPECTED ACTUAL
    E2E_FAILS=$((E2E_FAILS + 1))
    printf 'FAIL [%s] %s\n' "$E2E_CASE" "$1"
    printf '    after:    %s\n' "$E2E_LAST"
    printf '    expected: %s\n' "$2"
    printf '    actual:   %s\n' "$3"
}

_e2e_ok() {
    E2E_ASSERTS=$((E2E_ASSERTS + 1))
}

# Show the stderr of the last run, indented (for failure messages).
_e2e_show_stderr() {
    if [ -s "$ERR" ]; then
        printf '    stderr of the last run (first 15 lines):\n'
        head -n 15 "$ERR" | sed 's/^/      | /'
    else
        printf '    stderr of the last run: (empty)\n'
    fi
}

# Called by run.sh after the case; the marker proves the case ran through.
e2e_end() {
    if [ "$E2E_ASSERTS" -eq 0 ] && [ "$E2E_FAILS" -eq 0 ]; then
        _e2e_fail "case made no assertion" "at least one" "none"
    fi
    echo "E2E-END fails=$E2E_FAILS asserts=$E2E_ASSERTS"
    [ "$E2E_FAILS" -eq 0 ]
}

# ---- running the binary ---------------------------------------------------

run_ombud() {
    E2E_RUNS=$((E2E_RUNS + 1))
    E2E_LAST="ombud $*"
    OUT=run$E2E_RUNS.out
    ERR=run$E2E_RUNS.err
    timeout 60 "$OMBUD" "$@" >"$OUT" 2>"$ERR" </dev/null
    RC=$?
    if [ "$RC" -eq 124 ]; then
        _e2e_fail "ombud finished within 60 s" "exit" "timed out"
    elif [ "$RC" -ge 128 ]; then
        _e2e_fail "ombud did not crash" "an exit status < 128" \
            "exit $RC (killed by signal $((RC - 128)))"
        _e2e_show_stderr
    fi
    if grep -Eq 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|BUG at ' "$ERR"; then
        _e2e_fail "no sanitizer report or BUG on stderr" "none" \
            "$(grep -Em1 'Sanitizer|runtime error:|BUG at ' "$ERR")"
        _e2e_show_stderr
    fi
}

ingest() {
    run_ombud ingest --db "$DB" "$@"
}

ingest_la() {
    ingest --tz "$LA" "$@"
}

# ---- assertions --------------------------------------------------------------

expect_exit() {
    if [ "$RC" = "$1" ]; then
        _e2e_ok
    else
        _e2e_fail "exit status" "$1" "$RC"
        _e2e_show_stderr
    fi
}

expect_stderr_has() {
    if grep -Fq -e "$1" "$ERR"; then
        _e2e_ok
    else
        _e2e_fail "stderr contains the text" "$1" "(not found)"
        _e2e_show_stderr
    fi
}

expect_stderr_lacks() {
    if grep -Fq -e "$1" "$ERR"; then
        _e2e_fail "stderr does not contain the text" "no \"$1\"" \
            "$(grep -Fm1 -e "$1" "$ERR")"
    else
        _e2e_ok
    fi
}

expect_stdout_has() {
    if grep -Fq -e "$1" "$OUT"; then
        _e2e_ok
    else
        _e2e_fail "stdout contains the text" "$1" \
            "(not found; stdout starts: $(head -c 200 "$OUT"))"
    fi
}

expect_stdout_lacks() {
    if grep -Fq -e "$1" "$OUT"; then
        _e2e_fail "stdout does not contain the text" "no \"$1\"" \
            "$(grep -Fm1 -e "$1" "$OUT")"
    else
        _e2e_ok
    fi
}

# A line of stderr starts with $1 and contains $2 (both fixed strings).
_e2e_has_line() { # FILE PREFIX TEXT
    E2E_P=$2 E2E_T=$3 awk 'index($0, ENVIRON["E2E_P"]) == 1 &&
        index($0, ENVIRON["E2E_T"]) > 0 { found = 1 }
        END { exit !found }' "$1"
}

expect_stderr_line() {
    if _e2e_has_line "$ERR" "$1" "$2"; then
        _e2e_ok
    else
        _e2e_fail "a stderr line starts with \"$1\" and contains \"$2\"" \
            "such a line" "(none)"
        _e2e_show_stderr
    fi
}

expect_eq() { # WHAT EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        _e2e_ok
    else
        _e2e_fail "$1" "$2" "$3"
    fi
}

expect_true() { # WHAT COMMAND...
    E2E_WHAT=$1
    shift
    if "$@"; then
        _e2e_ok
    else
        _e2e_fail "$E2E_WHAT" "true" "false: $*"
    fi
}

expect_no_file() {
    if [ -e "$1" ]; then
        _e2e_fail "no file $1 is created" "absent" "exists"
    else
        _e2e_ok
    fi
}

sql() {
    sqlite3 -batch -bail -nullvalue NULL "$DB" "$1" 2>&1
}

expect_sql() { # SQL EXPECTED
    if [ ! -f "$DB" ]; then
        _e2e_fail "SQL: $1" "$2" "(no store $DB)"
        return
    fi
    E2E_SQL_GOT=$(sql "$1")
    if [ "$E2E_SQL_GOT" = "$2" ]; then
        _e2e_ok
    else
        _e2e_fail "SQL: $1" "$2" "$E2E_SQL_GOT"
    fi
}

sql_q() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"
}

expect_counts() { # PATH READ STORED REJECTED
    expect_sql "SELECT rows_read || '/' || rows_stored || '/' || rows_rejected
                FROM sources WHERE path = $(sql_q "$1")" "$2/$3/$4"
}

expect_counted() { # PATH COUNTED
    expect_sql "SELECT rows_counted FROM sources WHERE path = $(sql_q "$1")" "$2"
}

# For every source: read = stored + rejected + counted (counted: lines of a
# queue_log that are part of no call leg), and the evidence tables and the
# rejects table hold exactly that many rows for it (a queue_log leg stands
# for the nlines lines it was built from).
expect_accounting() {
    expect_sql "SELECT count(*) FROM sources s WHERE
        rows_read != rows_stored + rows_rejected + rows_counted
        OR rows_stored != (SELECT count(*) FROM outages WHERE source_id = s.id)
                        + (SELECT coalesce(sum(nlines), 0) FROM call_legs
                           WHERE source_id = s.id)
                        + (SELECT count(*) FROM billing_events
                           WHERE source_id = s.id)
                        + (SELECT count(*) FROM accounts WHERE source_id = s.id)
                        + (SELECT count(*) FROM cdr_records
                           WHERE source_id = s.id)
        OR rows_rejected != (SELECT count(*) FROM rejects
                             WHERE source_id = s.id)" "0"
}

# One rejected row: stderr line "PATH:LINE:COL: error: rejected: ..." (no
# ":COL" when COL is 0) containing REASON, and exactly one row in rejects
# with that source path, line, col, field (- for NULL) and REASON inside.
expect_reject() { # PATH LINE COL FIELD REASON
    if [ "$3" = 0 ]; then
        E2E_PFX="$1:$2: error: rejected: "
    else
        E2E_PFX="$1:$2:$3: error: rejected: "
    fi
    if [ "$4" = - ]; then
        E2E_FLD="r.field IS NULL"
    else
        E2E_FLD="r.field = $(sql_q "$4")"
        # a field with a value is shown as: FIELD "VALUE": REASON
        case $(sql "SELECT r.value IS NOT NULL FROM rejects r
                    JOIN sources s ON s.id = r.source_id
                    WHERE s.path = $(sql_q "$1") AND r.line = $2 LIMIT 1") in
        1) E2E_PFX="$E2E_PFX$4 \"" ;;
        esac
    fi
    expect_stderr_line "$E2E_PFX" "$5"
    expect_sql "SELECT count(*) FROM rejects r JOIN sources s
                ON s.id = r.source_id WHERE s.path = $(sql_q "$1")
                AND r.line = $2 AND r.col = $3 AND $E2E_FLD
                AND instr(r.reason, $(sql_q "$5")) > 0" "1"
}

utc() {
    date -u -d "$1" +%s
}

repeat_char() { # C N
    head -c "$2" /dev/zero | tr '\000' "$1"
}
