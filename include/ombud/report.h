/*
 * report.h - reports written from the findings in the store.
 *
 * A report never recomputes a rule: it reads a stored check (results,
 * breaches with their evidence references, figures and series), the
 * sources and the rejects, and lays them out. Every report is written to a
 * temporary name beside the target and renamed into place when complete,
 * so a failure never leaves a partial report that looks finished.
 * Reports are deterministic: document dates come from the period, never
 * from the clock.
 */
#ifndef OMBUD_REPORT_H
#define OMBUD_REPORT_H

#include <stdint.h>
#include "ombud/err.h"
#include "ombud/store.h"

/** Excel's last row index plus one (1,048,576 rows). */
#define OMBUD_XLSX_MAX_ROWS 1048576

/**
 * @brief Write the XLSX compliance report of check @p check_id (0 = the
 * latest) to @p path: Summary, one sheet per guarantee (split into
 * "Name (2)"... past Excel's row limit), Inputs, Rejects, Method.
 * @return OMBUD_OK; OMBUD_E_DATA when the store has no check;
 * OMBUD_E_CANTCREAT when the file cannot be written. A message is printed.
 */
ombud_err ombud_report_xlsx(ombud_store *st, int64_t check_id, const char *path);

/** Paper sizes of the PDF. */
typedef enum ombud_paper {
    OMBUD_PAPER_LETTER = 0, /**< US Letter, 8.5 x 11 in */
    OMBUD_PAPER_A4          /**< ISO A4, 210 x 297 mm */
} ombud_paper;

/** Parse "letter" or "a4" (any case); OMBUD_E_USAGE otherwise. */
ombud_err ombud_paper_parse(const char *s, ombud_paper *out);

/**
 * @brief Write the PDF filing report of check @p check_id (0 = the latest)
 * to @p path: cover with the verdict, summary, a section per guarantee
 * (promise, method, chart, first breaches), inputs with checksums, and a
 * certification page; "page N of M" on every page. Deterministic.
 * @return OMBUD_OK; OMBUD_E_DATA when the store has no check;
 * OMBUD_E_CANTCREAT when the file cannot be written.
 */
ombud_err ombud_report_pdf(ombud_store *st, int64_t check_id, const char *path,
                           ombud_paper paper);

/**
 * @brief Make @p name a valid, unique Excel sheet name into @p out: the
 * characters []:*?/\ become '_', at most 31 characters (UTF-8 safe), and
 * " (2)", " (3)"... is added when it clashes (case-insensitively) with one
 * of the @p n names in @p taken.
 * @return @p out.
 */
char *ombud_sheet_name(const char *name, const char *const *taken, int n,
                       char *out, size_t size);

#endif
