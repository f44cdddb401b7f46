# _helpers.sh - helpers shared by the customer_effort, outage_credit,
# payment_notice and founding_effort_billing cases, on top of lib.sh.
#
# run.sh only runs files named [0-9]*.sh, so this file is never run as a
# case; the cases source it:
#   . "$RULES_DIR/customer_effort/_helpers.sh"
#
#   evidence_all_of GID SUBJECT [KIND]
#                       the evidence rows of the breach(es) of SUBJECT (and
#                       subject_kind KIND, if given) as "file:line ...",
#                       sorted by file then line; unlike lib.sh's
#                       evidence_of it also resolves billing_events rows
#   expect_evidence_all GID SUBJECT EXPECTED [KIND]
#   figures_of GID SUBJECT
#                       "name=value name=value ..." in the order stored
#   expect_figures GID SUBJECT EXPECTED
#   expect_evidence_each GID EXPECTED
#                       one line per breach, in the order written:
#                       "SUBJECT file:line file:line" (evidence sorted)
#   expect_breach_rows GID EXPECTED
#                       subject_kind|subject|at|measured|limit|shortfall|unit|amount
#                       per breach, in the order they were written

evidence_all_of() { # GID SUBJECT [KIND]
    if [ $# -ge 3 ]; then
        R_KF="AND subject_kind = $(q "$3")"
    else
        R_KF=
    fi
    sql "SELECT s.name || ':' || x.line FROM evidence e
         JOIN (SELECT 'call_legs' AS tbl, id, source_id, line FROM call_legs
               UNION ALL
               SELECT 'outages', id, source_id, line FROM outages
               UNION ALL
               SELECT 'billing_events', id, source_id, line
               FROM billing_events) x
           ON x.tbl = e.tbl AND x.id = e.row_id
         JOIN sources s ON s.id = x.source_id
         WHERE e.breach_id IN (SELECT id FROM breaches
                               WHERE result_id = $(rid "$1")
                               AND subject = $(q "$2") $R_KF)
         ORDER BY s.name, x.line" | tr '\n' ' ' | sed 's/ $//'
}

expect_evidence_all() { # GID SUBJECT EXPECTED [KIND]
    if [ $# -ge 4 ]; then
        R_GOT=$(evidence_all_of "$1" "$2" "$4")
    else
        R_GOT=$(evidence_all_of "$1" "$2")
    fi
    expect_eq "evidence of breach $2 of [guarantee $1]" "$3" "$R_GOT"
}

figures_of() { # GID SUBJECT
    sql "SELECT name || '=' || value FROM figures
         WHERE result_id = $(rid "$1") AND subject = $(q "$2")
         ORDER BY run, k" | tr '\n' ' ' | sed 's/ $//'
}

expect_figures() { # GID SUBJECT EXPECTED
    expect_eq "figures of $2 in [guarantee $1]" "$3" "$(figures_of "$1" "$2")"
}

expect_breach_rows() { # GID EXPECTED
    R_GOT=$(sql "SELECT subject_kind, subject, at, measured, limit_value,
                        shortfall, unit, amount
                 FROM breaches WHERE result_id = $(rid "$1") ORDER BY id")
    expect_eq "breaches of [guarantee $1]: kind|subject|at|measured|limit|shortfall|unit|amount" \
        "$2" "$R_GOT"
}

# One line per breach, in the order written: "SUBJECT file:line file:line".
evidence_each_of() { # GID
    sql "SELECT b.subject || ' ' || coalesce((
             SELECT group_concat(ref, ' ') FROM (
                 SELECT s.name || ':' || x.line AS ref FROM evidence e
                 JOIN (SELECT 'call_legs' AS tbl, id, source_id, line
                       FROM call_legs
                       UNION ALL
                       SELECT 'outages', id, source_id, line FROM outages
                       UNION ALL
                       SELECT 'billing_events', id, source_id, line
                       FROM billing_events) x
                   ON x.tbl = e.tbl AND x.id = e.row_id
                 JOIN sources s ON s.id = x.source_id
                 WHERE e.breach_id = b.id
                 ORDER BY s.name, x.line)), '-')
         FROM breaches b WHERE b.result_id = $(rid "$1") ORDER BY b.id"
}

expect_evidence_each() { # GID EXPECTED
    expect_eq "evidence of each breach of [guarantee $1]" "$2" \
        "$(evidence_each_of "$1")"
}
