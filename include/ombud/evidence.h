/*
 * evidence.h - a breach's evidence references written for a reader.
 *
 * The store names the rows behind a breach one by one, in evidence order:
 * "calls.csv:2, calls.csv:3, queue_log:12,15" (see ombud_breach_fn). That
 * is exact, and in a table cell it is a wall: a ticket's 64 call legs took
 * fifteen lines of a PDF row. ombud_evidence_compact() says the same in
 * the way a reviewer looks rows up: "calls.csv lines 2-11, 14 (11 rows)".
 */
#ifndef OMBUD_EVIDENCE_H
#define OMBUD_EVIDENCE_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"

/** Longest line number read, in digits: past it a reference is not one. */
#define OMBUD_EVIDENCE_DIGITS 15

/**
 * @brief Write the references @p refs compactly into @p buf: grouped by
 * file name in the order the files are first named, each file's line
 * numbers sorted, repeats dropped and consecutive ones joined into ranges
 * with an en dash, then "(N rows)" when the file stands for more than one
 * evidence row; files are separated by "; ".
 *
 * @p refs is what ombud_breach_fn receives: "NAME:LINES" joined by ", ",
 * LINES being line numbers joined by "," (a queue_log leg names all its
 * lines): the first @p shown of @p nrefs rows. The rows left out become
 * "; N more rows". Words go through the catalogue (ngettext).
 *
 * A file name may itself hold ':' or ", ", so the references are read
 * strictly and cross-checked: the rows read must be @p shown. When they
 * are not, nothing is guessed.
 *
 * When the whole text does not fit in @p size bytes, each file shows
 * fewer ranges, ended by "…", then fewer files ("; …"); a name or a range
 * is never cut.
 *
 * @param refs    the references (borrowed; NULL reads as "").
 * @param nrefs   the evidence rows in all (ombud_breach_fn's nrefs).
 * @param shown   the rows @p refs names (ombud_breach_fn's shown).
 * @param isolate 1: every file name is written as a Unicode isolate
 *                (ombud_bidi_isolate()), for a PDF; 0: as it is.
 * @param buf     receives the text, NUL-terminated ("" on failure); owned
 *                by the caller.
 * @param size    bytes of @p buf (at least 1).
 * @return OMBUD_OK; OMBUD_E_DATA when @p refs does not read as store
 * references (missing ':', a count that does not add up, a number longer
 * than OMBUD_EVIDENCE_DIGITS, empty) or even one range of one file does
 * not fit: the caller shows @p refs as it is; OMBUD_E_NOMEM.
 * @code
 *   char b[200];
 *   ombud_evidence_compact("calls.csv:3, calls.csv:2, outages.csv:7", 3,
 *                          3, 0, b, sizeof b);
 *   // b: "calls.csv lines 2–3 (2 rows); outages.csv line 7"
 * @endcode
 */
ombud_err ombud_evidence_compact(const char *refs, int64_t nrefs,
                                 int64_t shown, int isolate, char *buf,
                                 size_t size);

/**
 * @brief The references as the store gave them, then, when it left some
 * out, " and N more" (in the current language): "calls.csv:2,
 * calls.csv:3 and 62 more". Into @p buf (the caller's, cut whole at
 * @p size); returns @p buf.
 */
char *ombud_evidence_refs_text(const char *refs, int64_t nrefs,
                               int64_t shown, char *buf, size_t size);

#endif
