# lib.sh - helpers for the rule-kind cases (tests/rules/<kind>/NNN-*.sh).
#
# Sourced by tests/rules/run.sh into a fresh `sh` for every case, with the
# current directory set to an empty temporary directory. POSIX sh only (the
# cases also run under dash): no arrays, no [[ ]], no local.
#
# Environment set by run.sh:
#   OMBUD       absolute path of the binary under test
#   RULES_ROOT  repository root
#   T_CASE      name of the case being run (kind/NNN-name)
#
# Every expected figure in the cases is worked out by hand from the inputs
# written in the case; the helpers only fetch what the program stored.
#
# The shared helpers (run_ombud, expect_exit, expect_eq, expect_sql,
# expect_stdout_*, expect_stderr_*, sql, q, utc, lt, daynum) are in
# tests/lib/common.sh. This file adds:
#   ingest ZONE ARGS...      ombud ingest --db "$DB" --tz ZONE ARGS...
#   check [ARGS...]          ombud check --db "$DB" --guarantees "$G" ARGS...
#
# Assertions (each records a failure and carries on):
#   expect_result GID EXPECTED       status|measured|target|unit|subjects|breaches
#                                    of the latest result of guarantee GID
#   expect_breaches GID EXPECTED     subject|measured|limit|shortfall per
#                                    breach, in the order they were written
#   expect_evidence GID SUBJECT EXPECTED
#                                    "calls.csv:3 outages.csv:2": the
#                                    evidence rows of that breach as
#                                    file:line, sorted by file then line
#   expect_series GID NAME K V       one series value
#   rid GID                          SQL expression: latest result id of GID

. "$T_DIR/../lib/common.sh"

DB=ev.db
G=g.ini
LA=America/Los_Angeles
FOUNDING=$RULES_ROOT/samples/founding-case
TEMPLATE=$RULES_ROOT/templates/guarantees/fibre-bundle.ini
TEMPLATES=$RULES_ROOT/templates/guarantees

ingest() { # ZONE ARGS...
    T_Z=$1
    shift
    run_ombud ingest --db "$DB" --tz "$T_Z" "$@"
    if [ "$RC" != 0 ] || grep -q 'error' "$ERR"; then
        _t_fail "ingest of the case's inputs is clean" "exit 0, no error" \
            "exit $RC"
        _t_show_stderr
    fi
}

check() {
    run_ombud check --db "$DB" --guarantees "$G" "$@"
}

rid() {
    printf '(SELECT max(id) FROM results WHERE guarantee_id = %s)' "$(q "$1")"
}

expect_result() { # GID EXPECTED
    T_GOT=$(sql "SELECT status, measured, target, unit, subjects, breaches
                 FROM results WHERE id = $(rid "$1")")
    expect_eq "result of [guarantee $1]: status|measured|target|unit|subjects|breaches" \
        "$2" "$T_GOT"
}

expect_breaches() { # GID EXPECTED
    T_GOT=$(sql "SELECT subject, measured, limit_value, shortfall FROM breaches
                 WHERE result_id = $(rid "$1") ORDER BY id")
    expect_eq "breaches of [guarantee $1]: subject|measured|limit|shortfall" \
        "$2" "$T_GOT"
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
               SELECT 'orders', id, source_id, line FROM orders
               UNION ALL
               SELECT 'outage_steps', id, source_id, line FROM outage_steps) x
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
    T_GOT=$(sql "SELECT group_concat(v) FROM series WHERE result_id = $(rid "$1")
                 AND name = $(q "$2") AND k = $3")
    expect_eq "series $2[$3] of [guarantee $1]" "$4" "$T_GOT"
}
