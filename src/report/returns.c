/*
 * returns.c - the automatic compensation returns read back for the
 * reports (returns.h): the figures a rule stored per month and for the
 * period, in the order stored, as rows. Shared by the PDF and the XLSX so
 * that both show the same rows; neither recomputes any of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/returns.h"
#include "ombud/rule.h"

typedef struct reader {
    ombud_returns_table *t;
    ombud_err err;
} reader;

/* The row of @subject: the last one when it is the subject of the figure
 * before (figures come month by month), else a new one. */
static ombud_returns_row *row_of(reader *r, const char *subject)
{
    ombud_returns_table *t = r->t;
    ombud_returns_row *rows;

    if (t->n && !strcmp(t->rows[t->n - 1].subject, subject))
        return &t->rows[t->n - 1];
    if (!(rows = realloc(t->rows, (t->n + 1) * sizeof *rows))) {
        r->err = OMBUD_E_NOMEM;
        return NULL;
    }
    t->rows = rows;
    memset(&rows[t->n], 0, sizeof rows[t->n]);
    rows[t->n].share = OMBUD_BP_NONE;
    snprintf(rows[t->n].subject, sizeof rows[t->n].subject, "%s", subject);
    return &rows[t->n++];
}

static int on_figure(void *ud, const char *subject, const char *name,
                     int64_t v, const char *unit)
{
    static const char *const names[] = {OMBUD_FIG_COMP_CASES,
        OMBUD_FIG_COMP_OWED, OMBUD_FIG_COMP_PAID, OMBUD_FIG_COMP_SHORT,
        OMBUD_FIG_COMP_IN_TIME, OMBUD_FIG_COMP_SHARE, OMBUD_FIG_COMP_PENDING};
    reader *r = ud;
    ombud_returns_row *row;
    int col = -1;

    (void)unit;
    if (!strcmp(name, OMBUD_FIG_COMP_DAYS)) {
        r->t->days = v;
        return 0;
    }
    for (int i = 0; i < 7; i++)
        if (!strcmp(name, names[i]))
            col = i;
    if (col < 0)
        return 0;
    if (!(row = row_of(r, subject)))
        return 1;
    switch (col) {
    case 0: row->cases = v; break;
    case 1: row->owed = v; break;
    case 2: row->paid = v; break;
    case 3: row->shortfall = v; break;
    case 4: row->in_time = v; break;
    case 5: row->share = v; break;
    default: row->pending = v; break;
    }
    return 0;
}

ombud_err ombud_returns_read(ombud_store *st, int64_t result_id,
                             ombud_returns_table *t)
{
    reader r = {t, OMBUD_OK};
    ombud_err err;

    ombud_returns_table_free(t);
    err = ombud_store_each_figure(st, result_id, on_figure, &r);
    if (!err)
        err = r.err;
    if (err)
        ombud_returns_table_free(t);
    return err;
}

void ombud_returns_table_free(ombud_returns_table *t)
{
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
    t->days = 0;
}

int ombud_returns_is_total(const ombud_returns_row *r)
{
    return !strcmp(r->subject, OMBUD_COMP_TOTAL);
}
