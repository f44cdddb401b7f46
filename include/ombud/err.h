/*
 * err.h - the error codes every ombud module returns.
 *
 * Functions that can fail return an ombud_err and hand results back through
 * out-parameters. OMBUD_OK is zero so `if (err)` reads naturally. Each code
 * maps to one process exit status (sysexits.h convention), so the command
 * layer can turn any error into the right exit code without a second table.
 */
#ifndef OMBUD_ERR_H
#define OMBUD_ERR_H

typedef enum ombud_err {
    /** No error. */
    OMBUD_OK = 0,
    /** The command line was wrong: unknown option, missing argument. */
    OMBUD_E_USAGE,
    /** Input data is unusable as a whole (no recognisable header, bad config). */
    OMBUD_E_DATA,
    /** A single field or row is invalid; the row is rejected, the run goes on. */
    OMBUD_E_FIELD,
    /** An input file could not be opened or read. */
    OMBUD_E_NOINPUT,
    /** An output file or the store could not be created or written. */
    OMBUD_E_CANTCREAT,
    /** A row duplicates one already stored (same unique key). */
    OMBUD_E_DUPLICATE,
    /** Out of memory. */
    OMBUD_E_NOMEM,
    /** The evidence store failed (SQLite error) or was found inconsistent. */
    OMBUD_E_STORE,
    /** An invariant did not hold: a bug in ombud, never bad input. */
    OMBUD_E_INTERNAL,
    /** Sentinel: the number of codes. Not an error. */
    OMBUD_E_MAX
} ombud_err;

/**
 * @brief A short English description of an error code.
 * @param err  any ombud_err value; out-of-range values give "unknown error".
 * @return a static string: do not free.
 */
const char *ombud_strerror(ombud_err err);

/**
 * @brief The process exit status for an error code (sysexits.h values):
 * 0 ok, 64 usage, 65 data, 66 no input, 73 cannot create, 70 internal.
 */
int ombud_exit_code(ombud_err err);

#endif
