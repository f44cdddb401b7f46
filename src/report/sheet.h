/*
 * sheet.h - cells every workbook writes alike (the filing's sheets of
 * history and months, the dossier's, compare's).
 */
#ifndef OMBUD_REPORT_SHEET_H
#define OMBUD_REPORT_SHEET_H

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

#endif
