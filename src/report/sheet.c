/*
 * sheet.c - cells every workbook writes alike (sheet.h).
 */
#include <stdlib.h>

#include "ombud/text.h"
#include "sheet.h"

void ombud_sheet_text(lxw_worksheet *ws, int row, int col, const char *s,
                      lxw_format *f)
{
    int nomem;
    char *safe = ombud_xml_text(s ? s : "", &nomem);

    if (!nomem)
        worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col,
                               safe ? safe : s ? s : "", f);
    free(safe);
}
