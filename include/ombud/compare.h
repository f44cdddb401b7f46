/*
 * compare.h - where a report differs from the same report written again.
 *
 * `ombud verify` writes the report again from the inputs and compares the
 * two files byte for byte. Any difference fails; these functions only say
 * where it is, in a reader's terms: for a workbook the part, sheet and
 * first cell that differ (with both values), for a PDF the page (or the
 * document information, or bytes outside any object).
 *
 * Only the re-derived file is known to be ombud's own; the given one may be
 * anything, so every read of it is bounded and nothing in it is trusted to
 * be well formed.
 */
#ifndef OMBUD_COMPARE_H
#define OMBUD_COMPARE_H

#include <stddef.h>

/**
 * @brief Compare report @p given with @p derived (the same report written
 * again by verify).
 * @param where receives, when they differ, one sentence saying where and
 * how (NUL-terminated, cut to @p size).
 * @return 0 when the files are byte-identical, 1 when they differ, -1 when
 * either cannot be read (@p where says which).
 */
int ombud_compare_reports(const char *given, const char *derived, int is_pdf,
                          char *where, size_t size);

#endif
