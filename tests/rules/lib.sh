# lib.sh - helpers for the rule-kind cases (tests/rules/<kind>/NNN-*.sh).
#
# Sourced by tests/rules/run.sh into a fresh `sh` for every case, with the
# current directory set to an empty temporary directory. POSIX sh only (the
# cases also run under dash): no arrays, no [[ ]], no local.
#
# Environment set by run.sh:
#   OMBUD       absolute path of the binary under test
#   RULES_ROOT  repository root
#   RULES_CASE  name of the case being run (kind/NNN-name)
#
# Every expected figure in the cases is worked out by hand from the inputs
# written in the case; the helpers only fetch what the program stored.
#
# Running the binary (each run is checked for crashes, time-outs and
# sanitizer reports on stderr):
#   run_ombud ARGS...        sets RC, OUT, ERR (files)
#   ingest ZONE ARGS...      ombud ingest --db "$DB" --tz ZONE ARGS...
#   check [ARGS...]          ombud check --db "$DB" --guarantees "$G" ARGS...
#
# Assertions (each records a failure and carries on; the case fails at the
# end when any failed):
#   expect_exit N
#   expect_eq WHAT EXPECTED ACTUAL
#   expect_sql SQL EXPECTED          sqlite3 output, '|' between columns
#   expect_stdout_has TEXT / expect_stdout_lacks TEXT
#   expect_stdout_line REGEX         a stdout line matches the ERE
#   expect_stdout_last LINE          the last stdout line is exactly LINE
#   expect_stderr_has TEXT
#   expect_stderr_line PREFIX TEXT   a stderr line starts with PREFIX and
#                                    contains TEXT
#   expect_result GID EXPECTED       status|measured|target|unit|subjects|breaches
#                                    of the latest result of guarantee GID
#   expect_breaches GID EXPECTED     subject|measured|limit|shortfall per
#                                    breach, in the order they were written
#   expect_evidence GID SUBJECT EXPECTED
#                                    "calls.csv:3 outages.csv:2": the
#                                    evidence rows of that breach as
#                                    file:line, sorted by file then line
#   expect_series GID NAME K V       one series value
#
# Values:
#   utc 'YYYY-MM-DD HH:MM:SS'        epoch seconds of a UTC time (GNU date)
#   lt ZONE 'YYYY-MM-DD HH:MM:SS'    epoch seconds of a local time in ZONE
#   daynum YYYY-MM-DD                days since 1970-01-01
#   sql SQL                          run a query on $DB
#   q TEXT                           TEXT as an SQL string literal
#   rid GID                          SQL expression: latest result id of GID

DB=ev.db
G=g.ini
LA=America/Los_Angeles
FOUNDING=$RULES_ROOT/samples/founding-case
TEMPLATE=$RULES_ROOT/templates/guarantees/fibre-bundle.ini
TEMPLATES=$RULES_ROOT/templates/guarantees
R_FAILS=0
R_ASSERTS=0
R_RUNS=0
R_LAST="(no command run yet)"
RC=
OUT=/dev/null
ERR=/dev/null

# ---- bookkeeping -------------------------------------------------------------

_r_fail() { # WHAT EXPECTED ACTUAL
    R_FAILS=$((R_FAILS + 1))
    printf 'FAIL [%s] %s\n' "$RULES_CASE" "$1"
    printf '    after:    %s\n' "$R_LAST"
    printf '    expected: %s\n' "$2" | sed '2,$s/^/              /'
    printf '    actual:   %s\n' "$3" | sed '2,$s/^/              /'
}

_r_ok() {
    R_ASSERTS=$((R_ASSERTS + 1))
}

_r_show_stderr() {
    if [ -s "$ERR" ]; then
        printf '    stderr of the last run (first 15 lines):\n'
        head -n 15 "$ERR" | sed 's/^/      | /'
    else
        printf '    stderr of the last run: (empty)\n'
    fi
}

# Called by run.sh after the case; the marker proves the case ran through.
rules_end() {
    if [ "$R_ASSERTS" -eq 0 ] && [ "$R_FAILS" -eq 0 ]; then
        _r_fail "case made no assertion" "at least one" "none"
    fi
    echo "RULES-END fails=$R_FAILS asserts=$R_ASSERTS"
    [ "$R_FAILS" -eq 0 ]
}

# ---- running the binary -------------------------------------------------------

run_ombud() {
    R_RUNS=$((R_RUNS + 1))
    R_LAST="ombud $*"
    OUT=run$R_RUNS.out
    ERR=run$R_RUNS.err
    timeout 60 "$OMBUD" "$@" >"$OUT" 2>"$ERR" </dev/null
    RC=$?
    if [ "$RC" -eq 124 ]; then
        _r_fail "ombud finished within 60 s" "exit" "timed out"
    elif [ "$RC" -ge 128 ]; then
        _r_fail "ombud did not crash" "an exit status < 128" \
            "exit $RC (killed by signal $((RC - 128)))"
        _r_show_stderr
    fi
    if grep -Eq 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|BUG at ' "$ERR"; then
        _r_fail "no sanitizer report or BUG on stderr" "none" \
            "$(grep -Em1 'Sanitizer|runtime error:|BUG at ' "$ERR")"
        _r_show_stderr
    fi
}

ingest() { # ZONE ARGS...
    R_Z=$1
    shift
    run_ombud ingest --db "$DB" --tz "$R_Z" "$@"
    if [ "$RC" != 0 ] || grep -q 'error' "$ERR"; then
        _r_fail "ingest of the case's inputs is clean" "exit 0, no error" \
            "exit $RC"
        _r_show_stderr
    fi
}

check() {
    run_ombud check --db "$DB" --guarantees "$G" "$@"
}

# ---- assertions -------------------------------------------------------------------

expect_exit() {
    if [ "$RC" = "$1" ]; then
        _r_ok
    else
        _r_fail "exit status" "$1" "$RC"
        _r_show_stderr
    fi
}

expect_eq() { # WHAT EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        _r_ok
    else
        _r_fail "$1" "$2" "$3"
    fi
}

expect_stdout_has() {
    if grep -Fq -e "$1" "$OUT"; then
        _r_ok
    else
        _r_fail "stdout contains the text" "$1" \
            "(not found; stdout starts: $(head -c 300 "$OUT"))"
    fi
}

expect_stdout_lacks() {
    if grep -Fq -e "$1" "$OUT"; then
        _r_fail "stdout does not contain the text" "no \"$1\"" \
            "$(grep -Fm1 -e "$1" "$OUT")"
    else
        _r_ok
    fi
}

expect_stdout_line() { # ERE
    if grep -Eq -e "$1" "$OUT"; then
        _r_ok
    else
        _r_fail "a stdout line matches /$1/" "such a line" \
            "(none; stdout: $(cat "$OUT"))"
    fi
}

expect_stdout_last() {
    expect_eq "last line of stdout" "$1" "$(tail -n 1 "$OUT")"
}

expect_stderr_has() {
    if grep -Fq -e "$1" "$ERR"; then
        _r_ok
    else
        _r_fail "stderr contains the text" "$1" "(not found)"
        _r_show_stderr
    fi
}

_r_has_line() { # FILE PREFIX TEXT
    R_P=$2 R_T=$3 awk 'index($0, ENVIRON["R_P"]) == 1 &&
        index($0, ENVIRON["R_T"]) > 0 { found = 1 }
        END { exit !found }' "$1"
}

expect_stderr_line() { # PREFIX TEXT
    if _r_has_line "$ERR" "$1" "$2"; then
        _r_ok
    else
        _r_fail "a stderr line starts with \"$1\" and contains \"$2\"" \
            "such a line" "(none)"
        _r_show_stderr
    fi
}

sql() {
    sqlite3 -batch -bail -nullvalue NULL "$DB" "$1" 2>&1
}

q() {
    printf "'%s'" "$(printf '%s' "$1" | sed "s/'/''/g")"
}

expect_sql() { # SQL EXPECTED
    if [ ! -f "$DB" ]; then
        _r_fail "SQL: $1" "$2" "(no store $DB)"
        return
    fi
    R_GOT=$(sql "$1")
    if [ "$R_GOT" = "$2" ]; then
        _r_ok
    else
        _r_fail "SQL: $1" "$2" "$R_GOT"
    fi
}

rid() {
    printf '(SELECT max(id) FROM results WHERE guarantee_id = %s)' "$(q "$1")"
}

expect_result() { # GID EXPECTED
    R_GOT=$(sql "SELECT status, measured, target, unit, subjects, breaches
                 FROM results WHERE id = $(rid "$1")")
    expect_eq "result of [guarantee $1]: status|measured|target|unit|subjects|breaches" \
        "$2" "$R_GOT"
}

expect_breaches() { # GID EXPECTED
    R_GOT=$(sql "SELECT subject, measured, limit_value, shortfall FROM breaches
                 WHERE result_id = $(rid "$1") ORDER BY id")
    expect_eq "breaches of [guarantee $1]: subject|measured|limit|shortfall" \
        "$2" "$R_GOT"
}

# The evidence rows of one breach, as "file:line file:line".
evidence_of() { # GID SUBJECT
    sql "SELECT s.name || ':' || x.line FROM evidence e
         JOIN (SELECT 'call_legs' AS tbl, id, source_id, line FROM call_legs
               UNION ALL
               SELECT 'outages', id, source_id, line FROM outages
               UNION ALL
               SELECT 'billing_events', id, source_id, line FROM billing_events
               UNION ALL
               SELECT 'appointments', id, source_id, line FROM appointments
               UNION ALL
               SELECT 'orders', id, source_id, line FROM orders) x
           ON x.tbl = e.tbl AND x.id = e.row_id
         JOIN sources s ON s.id = x.source_id
         WHERE e.breach_id IN (SELECT id FROM breaches
                               WHERE result_id = $(rid "$1")
                               AND subject = $(q "$2"))
         ORDER BY s.name, x.line" | tr '\n' ' ' | sed 's/ $//'
}

expect_evidence() { # GID SUBJECT EXPECTED
    expect_eq "evidence of breach $2 of [guarantee $1]" "$3" \
        "$(evidence_of "$1" "$2")"
}

expect_series() { # GID NAME K V
    R_GOT=$(sql "SELECT group_concat(v) FROM series WHERE result_id = $(rid "$1")
                 AND name = $(q "$2") AND k = $3")
    expect_eq "series $2[$3] of [guarantee $1]" "$4" "$R_GOT"
}

# ---- values ---------------------------------------------------------------------------

utc() {
    date -u -d "$1" +%s
}

lt() { # ZONE 'YYYY-MM-DD HH:MM:SS'
    TZ=$1 date -d "$2" +%s
}

daynum() {
    echo $(( $(date -u -d "$1 00:00:00" +%s) / 86400 ))
}
