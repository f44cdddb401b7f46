/*
 * diag.h - every message ombud prints goes through here.
 *
 * Messages about input carry a location in the compiler style that editors
 * and reviewers already know:
 *
 *     calls.csv:17:5: error: answered_at "2026-13-01 08:00": month out of range
 *
 * Wording follows git: lowercase, the problem first, the subject quoted, no
 * final full stop. Keeping all output in one module means --quiet and
 * --verbose live in one place, and tests can capture it.
 */
#ifndef OMBUD_DIAG_H
#define OMBUD_DIAG_H

#include <stdarg.h>
#include <stdio.h>
#include "ombud/err.h"

/** A place in an input file. Line and column count from 1; 0 means unknown. */
typedef struct ombud_loc {
    const char *file; /**< file name as shown to the user (borrowed) */
    long line;        /**< 1-based physical line where the record starts */
    long col;         /**< 1-based field number within the record */
} ombud_loc;

/** How chatty the process is; set once by the command layer. */
typedef enum ombud_verbosity {
    OMBUD_QUIET = 0,   /**< errors only */
    OMBUD_NORMAL = 1,  /**< errors, warnings, summaries */
    OMBUD_VERBOSE = 2  /**< everything, including every rejected row */
} ombud_verbosity;

void ombud_diag_set_verbosity(ombud_verbosity v);
ombud_verbosity ombud_diag_verbosity(void);

/** Send messages to @p fp instead of stderr (tests); NULL restores stderr. */
void ombud_diag_set_stream(FILE *fp);

/** The program name used as a prefix when there is no location ("ombud"). */
void ombud_diag_set_progname(const char *name);

/**
 * @brief Print "LOC: error: MESSAGE" to stderr and return @p err, so a caller
 * can write `return ombud_error(OMBUD_E_DATA, &loc, "...")`.
 * @param loc may be NULL (then the program name is the prefix).
 */
ombud_err ombud_error(ombud_err err, const ombud_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/** Print "LOC: warning: MESSAGE" unless quiet. */
void ombud_warn(const ombud_loc *loc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/** Print an informational line to stderr unless quiet. */
void ombud_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Print a line to stderr only when verbose. */
void ombud_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** Print to stdout: results a user asked for (tables, summaries); not when quiet. */
void ombud_out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * @brief Progress line on stderr, redrawn in place; only when stderr is a
 * terminal and not quiet. Pass NULL to clear the line when done.
 */
void ombud_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * @brief Write @p n bytes of @p s into @p buf as printable text for a
 * message: control characters (C0, DEL, C1), noncharacters, bidi controls
 * and invalid UTF-8 become \xNN (one per byte), and the result
 * is cut at about @p size - 1 bytes with "..." when too long.
 * @return @p buf, always NUL-terminated.
 */
char *ombud_quote_bytes(const char *s, size_t n, char *buf, size_t size);

/**
 * @brief Turn a crash under an address-space limit into exit 70 with a
 * message, instead of death by a signal.
 *
 * Under `ulimit -v` the libraries ombud draws with fail inside: GLib aborts
 * (SIGTRAP/SIGABRT) when g_malloc or a thread fails, fontconfig and cairo
 * dereference NULL (SIGSEGV). They cannot be made to return an error, so
 * when RLIMIT_AS or RLIMIT_DATA is finite a handler for SIGSEGV, SIGBUS,
 * SIGABRT, SIGTRAP and SIGILL writes (write(2) only) "ombud: out of memory
 * (the address-space limit is N MB) while writing FILE; nothing was
 * written", calls @p discard (which removes the private temporary report
 * files), and _exit(70)s. The store needs nothing: SQLite rolls back an
 * unfinished transaction when it is next opened. Without a limit, or in a
 * sanitizer build (whose own reports matter more), nothing is installed.
 * Under a limit any such crash is taken for memory running out: a real
 * bug would say so wrongly, but exits 70 and cleans up all the same
 * (OMBUD_BUG() disarms the handler first, so it still reads as a bug).
 * @param command the command's name, for the message ("run").
 * @param discard async-signal-safe clean-up, or NULL.
 * @param current async-signal-safe: the report being written, or NULL.
 * @return 1 when the handler was installed, else 0.
 */
int ombud_diag_oom_guard(const char *command, void (*discard)(void),
                         const char *(*current)(void));

/** Report an impossible state with file and line; aborts. */
#define OMBUD_BUG(msg) ombud_bug(__FILE__, __LINE__, (msg))
_Noreturn void ombud_bug(const char *file, int line, const char *msg);

#endif
