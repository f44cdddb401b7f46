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
#   T_CASE    name of the case being run
#
# The shared helpers (run_ombud, expect_exit, expect_eq, expect_true,
# expect_stdout_*, expect_stderr_*, expect_no_file, expect_sql, sql, sql_q,
# utc, repeat_char) are in tests/lib/common.sh. This file adds (all record
# a failure and carry on; the case fails at the end):
#   ingest ARGS...             run_ombud ingest --db "$DB" ARGS... (with
#                              --tz UTC unless --tz or --guarantees given)
#   ingest_la ARGS...          ingest --tz America/Los_Angeles ARGS...
#   expect_counts PATH READ STORED REJECTED   the sources row of PATH
#   expect_counted PATH COUNTED    its rows counted (queue_log: no leg)
#   expect_accounting          read = stored + rejected for every source,
#                              and the tables hold exactly those rows
#   expect_reject PATH LINE COL FIELD REASON  one rejected row, checked in
#                              stderr (PATH:LINE:COL: error: rejected: ...)
#                              and in the rejects table (FIELD - for NULL)
#   expect_xlsx_xml FILE...    every XML part of each workbook (sheets,
#                              workbook, properties) is well-formed
#                              (xmllint --noout)
#   expect_line_start TXT TOKEN...  each TOKEN whole at the start of a line
#                              of TXT (pdftotext -layout): a table's first
#                              column holds it unbroken
#   expect_whole TXT TOKEN...  each TOKEN whole within a line of TXT
#   expect_no_hyphen_break TXT no table line of TXT has a word cut after a
#                              hyphen ("promised-" / "times")

. "$T_DIR/../lib/common.sh"

DB=ev.db
LA=America/Los_Angeles
SAMPLES=$E2E_ROOT/samples
FOUNDING=$SAMPLES/founding-case

# ingest: without --tz or --guarantees, `ombud ingest` refuses (times
# without an offset need a zone); the cases written before that read their
# times as UTC, so the helper says so for them. A case about the refusal
# calls run_ombud ingest itself.
ingest() {
    case " $* " in
    *" --tz "*|*" --guarantees "*) run_ombud ingest --db "$DB" "$@" ;;
    *) run_ombud ingest --db "$DB" --tz UTC "$@" ;;
    esac
}

ingest_la() {
    ingest --tz "$LA" "$@"
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
                        + (SELECT count(*) FROM appointments
                           WHERE source_id = s.id)
                        + (SELECT count(*) FROM orders WHERE source_id = s.id)
                        + (SELECT count(*) FROM customers
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

# Every XML part of each workbook parses: a raw U+FFFE in a sheet is not
# XML and LibreOffice drops the rest of the row.
expect_xlsx_xml() { # FILE...
    for E2E_X in "$@"; do
        # (unzip reads a name as a pattern: "[" is written "[[]".)
        for E2E_P in $(unzip -Z1 "$E2E_X" | grep -E '\.(xml|rels)$' |
                       sed 's/\[/[[]/g'); do
            if unzip -p "$E2E_X" "$E2E_P" | xmllint --noout - 2>/dev/null; then
                _t_ok
            else
                _t_fail "well-formed XML: $E2E_X $E2E_P" "xmllint ok" \
                    "$(unzip -p "$E2E_X" "$E2E_P" | xmllint --noout - 2>&1 | head -3)"
            fi
        done
    done
}

# TOKEN at the start of a line (after spaces), followed by a space or the
# line's end.
expect_line_start() { # TXT TOKEN...
    E2E_T=$1
    shift
    for E2E_K in "$@"; do
        if awk -v t="$E2E_K" '{ sub(/^ +/, "") }
                index($0, t) == 1 && (length($0) == length(t) ||
                substr($0, length(t) + 1, 1) == " ") { f = 1 }
                END { exit !f }' "$E2E_T"; then
            _t_ok
        else
            _t_fail "whole at the start of a line of $E2E_T: $E2E_K" "$E2E_K" \
                "$(grep -F -- "$(printf '%s' "$E2E_K" | cut -c1-6)" "$E2E_T" | head -3)"
        fi
    done
}

expect_whole() { # TXT TOKEN...
    E2E_T=$1
    shift
    for E2E_K in "$@"; do
        if grep -qF -- "$E2E_K" "$E2E_T"; then
            _t_ok
        else
            _t_fail "whole on a line of $E2E_T: $E2E_K" "$E2E_K" "(not found)"
        fi
    done
}

# The lines of a pdftotext -layout text that hold table cells: two texts
# with a gap of 3 spaces or more between them, or a line indented by 3 or
# more (a cell's next line). Paragraphs are flush left, single-spaced.
# In them, a letter then a hyphen (ASCII or U+2010) ending a cell (before
# 2 spaces or the line's end) is a word broken after its hyphen.
expect_no_hyphen_break() { # TXT
    E2E_H=$(grep -E '(^   )|([^ ]   +[^ ])' "$1" |
            grep -E '[[:alpha:]](-|‐)(  |$)' | head -5)
    expect_eq "no word broken after a hyphen in the tables of $1" "" "$E2E_H"
}
