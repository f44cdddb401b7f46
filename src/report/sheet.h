/*
 * sheet.h - cells every workbook writes alike (the filing's sheets of
 * history and months, the dossier's, compare's).
 */
#ifndef OMBUD_REPORT_SHEET_H
#define OMBUD_REPORT_SHEET_H

#include <stdint.h>
#include <xlsxwriter.h>

/**
 * @brief Write @p s (NULL: "") into a cell as a string, never a formula:
 * libxlsxwriter writes a string cell as such, whatever it begins with. A
 * character XML cannot hold is written visibly ("<U+FFFE>",
 * ombud_xml_text()); out of memory, the cell is left empty rather than
 * written with it.
 */
void ombud_sheet_text(lxw_worksheet *ws, int row, int col, const char *s,
                      lxw_format *f);

/** @brief @p v minor units of @p currency in its units (1234 cents:
 *  12.34), as a money cell holds them. */
double ombud_sheet_money(const char *currency, int64_t v);

/** The formats of figure cells, by how a unit is shown (ombud_unit.cell);
 *  one left NULL is num's. Borrowed: the workbook owns them. */
typedef struct ombud_figure_formats {
    lxw_format *text, *num, *dur, *pct, *ratio, *money;
} ombud_figure_formats;

/**
 * @brief Figure @p v in @p unit (value.h's unit table) at (@p row,
 * @p col) as a typed cell: a share as a fraction for a percentage
 * format, a duration in days for [h]:mm, money in @p currency's units;
 * or, for a unit shown in words, its text (ombud_fmt_figure()), never a
 * formula. @p currency may be NULL (no money among the figures).
 */
void ombud_sheet_figure(lxw_worksheet *ws, int row, int col, int64_t v,
                        const char *unit, const char *currency,
                        const ombud_figure_formats *f);

#endif
