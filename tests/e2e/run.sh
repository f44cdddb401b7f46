#!/bin/sh
# run.sh - run the ombud end-to-end cases (tests/e2e/cases/*.sh).
#
#   sh tests/e2e/run.sh path/to/ombud [NAME...]
#
# The runner is tests/lib/run-cases.sh; the helpers the cases use are in
# tests/e2e/lib.sh and tests/lib/common.sh.
# E2E_KEEP=1 keeps the temporary directories (their path is printed).
# E2E_VERBOSE=1 prints the log of passing cases too.

T_HERE=$(cd "$(dirname "$0")" && pwd)
T_GLOB=${E2E_ONLY:-'cases/*.sh'}
T_MARK=E2E
# Hang guard only: the slowest case (090) takes ~60 s under ASan on two busy cores.
T_TIMEOUT=1800
T_TOOLS="sqlite3 timeout date awk sed"
T_LABEL=
T_KEEP=${E2E_KEEP:-0}
T_VERBOSE=${E2E_VERBOSE:-0}

suite_env() {
    export E2E_ROOT="$T_ROOT" E2E_DIR="$T_HERE" FIXTURES="$T_HERE/fixtures"
}

. "$T_HERE/../lib/run-cases.sh"
