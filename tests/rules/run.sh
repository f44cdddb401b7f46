#!/bin/sh
# run.sh - run the rule-kind cases (tests/rules/<kind>/NNN-name.sh).
#
#   sh tests/rules/run.sh path/to/ombud [NAME...]
#
# NAME matches kind/NNN-name. The runner is tests/lib/run-cases.sh; the
# helpers the cases use are in tests/rules/lib.sh and tests/lib/common.sh.
# RULES_KEEP=1 keeps the temporary directories (their path is printed).
# RULES_VERBOSE=1 prints the log of passing cases too.

T_HERE=$(cd "$(dirname "$0")" && pwd)
T_GLOB='*/[0-9]*.sh'
T_MARK=RULES
# Hang guard only, generous for ASan on busy cores.
T_TIMEOUT=900
T_TOOLS="sqlite3 timeout date awk sed"
T_LABEL="rules: "
T_KEEP=${RULES_KEEP:-0}
T_VERBOSE=${RULES_VERBOSE:-0}

suite_env() {
    export RULES_ROOT="$T_ROOT" RULES_DIR="$T_HERE"
}

. "$T_HERE/../lib/run-cases.sh"
