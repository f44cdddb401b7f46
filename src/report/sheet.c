/*
 * sheet.c - cells every workbook writes alike (sheet.h).
 */
#include <stdlib.h>

#include "ombud/i18n.h"
#include "ombud/text.h"
#include "ombud/value.h"
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

double ombud_sheet_money(const char *currency, int64_t v)
{
    double scale = 1;

    for (int i = ombud_currency_digits(currency); i > 0; i--)
        scale *= 10;
    return (double)v / scale;
}

void ombud_sheet_figure(lxw_worksheet *ws, int row, int col, int64_t v,
                        const char *unit, const char *currency,
                        const ombud_figure_formats *f)
{
    const ombud_unit *u = ombud_unit_find(unit);
    lxw_format *nf = u->cell == OMBUD_CELL_DURATION ? f->dur
                     : u->cell == OMBUD_CELL_PERCENT ? f->pct
                     : u->cell == OMBUD_CELL_RATIO ? f->ratio
                     : u->cell == OMBUD_CELL_MONEY ? f->money : f->num;
    char text[128];

    if (u->cell == OMBUD_CELL_TEXT) {
        ombud_sheet_text(ws, row, col, ombud_fmt_figure(v, unit,
                         ombud_currency_digits(currency), currency, text,
                         sizeof text), f->text);
        return;
    }
    worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
                           u->cell == OMBUD_CELL_MONEY ? ombud_sheet_money(currency, v)
                           : (double)v / u->scale, nf ? nf : f->num);
}
