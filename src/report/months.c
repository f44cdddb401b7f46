/*
 * months.c (report) - the months inside a period of several months, in
 * the PDF and the XLSX (months.h).
 *
 * What the engine stored as figures of each rate guarantee's result: per
 * month and for the whole period, the rule's verdict, its rate with the
 * rate's parts, per reporting unit too, and the runs of failing months.
 * Read back as stored: nothing here judges a month or adds one up.
 *
 * Decisions:
 * - One row per month and unit, the period last (a long table, not a
 *   month per column): a year's twelve months and the period still fit a
 *   portrait page, each row can carry its verdict as a badge, and a
 *   spreadsheet filter picks a unit or a month.
 * - A month with nothing judged is NO DATA, as the engine stored it:
 *   never a pass.
 * - Nothing is drawn or written when no result has months figures, so a
 *   one-month filing's reports are as they were.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ombud/i18n.h"
#include "ombud/months.h"
#include "ombud/rule.h"
#include "ombud/text.h"
#include "pdfdoc.h"
#include "sheet.h"

/* ---- reading ------------------------------------------------------------------- */

typedef struct reader {
    ombud_months_table *t;
    ombud_err err;
} reader;

static int col_of(ombud_months_table *t, const char *col, size_t len)
{
    int i;

    for (i = 0; i < t->ncols; i++)
        if (strlen(t->col[i]) == len && !strncmp(t->col[i], col, len))
            return i;
    if (t->ncols > OMBUD_MONTHS_MAX || len >= sizeof t->col[0])
        return -1;
    memcpy(t->col[i], col, len);
    t->col[i][len] = '\0';
    return t->ncols++;
}

static ombud_month_row *row_of(reader *r, const char *unit)
{
    ombud_months_table *t = r->t;
    ombud_month_row *n;

    for (size_t i = 0; i < t->nrows; i++)
        if (!strcmp(t->rows[i].unit, unit))
            return &t->rows[i];
    if (!(n = realloc(t->rows, (t->nrows + 1) * sizeof *n))) {
        r->err = OMBUD_E_NOMEM;
        return NULL;
    }
    t->rows = n;
    n = &t->rows[t->nrows];
    memset(n, 0, sizeof *n);
    /* Whole: cut to a buffer, a long unit's name never equalled itself
     * again, and each of its figures made a row of its own. */
    if (!(n->unit = strdup(unit))) {
        r->err = OMBUD_E_NOMEM;
        return NULL;
    }
    t->nrows++;
    return n;
}

/* A run's figure about "MONTH" or "MONTH UNIT". */
static void take_run(reader *r, const char *subject, const char *name,
                     int64_t v)
{
    ombud_months_table *t = r->t;
    const char *sp = strchr(subject, ' ');
    int c = col_of(t, subject, sp ? (size_t)(sp - subject) : strlen(subject));
    ombud_month_row *row = row_of(r, sp ? sp + 1 : "");
    ombud_month_run *run = t->nruns ? &t->runs[t->nruns - 1] : NULL;
    size_t ri;

    if (c < 0 || !row)
        return;
    ri = (size_t)(row - t->rows);
    if (!run || run->first != c || t->run_row[t->nruns - 1] != ri) {
        if (t->nruns == OMBUD_MONTHS_RUNS)
            return;
        t->run_row[t->nruns] = ri;
        run = &t->runs[t->nruns++];
        *run = (ombud_month_run){c, 0, 0};
    }
    if (!strcmp(name, OMBUD_FIG_MONTH_RUN))
        run->len = (int)v;
    else if (!strcmp(name, OMBUD_FIG_MONTH_DUE))
        run->due = (int)v;
}

static int on_figure(void *ud, const char *subject, const char *name,
                     int64_t v, const char *unit)
{
    reader *r = ud;
    ombud_months_table *t = r->t;
    const char *sp = strchr(subject, ' ');
    ombud_month_cell *cell;
    ombud_month_row *row;
    int c;

    if (strncmp(name, "month.", 6))
        return 0;
    if (!strcmp(name, OMBUD_FIG_MONTH_AFTER)) {
        t->after = (int)v;
        return 0;
    }
    if (!strncmp(subject, "run ", 4)) {
        take_run(r, subject + 4, name, v);
        return r->err != OMBUD_OK;
    }
    if ((c = col_of(t, subject, sp ? (size_t)(sp - subject) : strlen(subject)))
        < 0 || !(row = row_of(r, sp ? sp + 1 : "")))
        return r->err != OMBUD_OK;
    cell = &row->cell[c];
    cell->set = 1;
    if (!strcmp(name, OMBUD_FIG_MONTH_STATUS))
        cell->status = (int)v;
    else if (!strcmp(name, OMBUD_FIG_MONTH_MEASURED)) {
        cell->measured = v;
        snprintf(cell->unit, sizeof cell->unit, "%s", unit);
    } else if (!strcmp(name, OMBUD_FIG_MONTH_TARGET)) {
        cell->target = v;
        snprintf(cell->tunit, sizeof cell->tunit, "%s", unit);
    }
    else if (!strcmp(name, OMBUD_FIG_MONTH_NUM))
        cell->num = v;
    else if (!strcmp(name, OMBUD_FIG_MONTH_DEN))
        cell->den = v;
    return 0;
}

/*
 * Only runs that lie within the months read: the engine writes no other,
 * but a store edited by hand may hold a run of -1 or 99 months, and the
 * reports index the months by a run's ends.
 */
static void keep_whole_runs(ombud_months_table *t)
{
    int n = 0;

    for (int i = 0; i < t->nruns; i++) {
        const ombud_month_run *r = &t->runs[i];
        if (r->first < 0 || r->len < 1 || r->len > t->ncols - r->first)
            continue;
        t->run_row[n] = t->run_row[i];
        t->runs[n++] = *r;
    }
    t->nruns = n;
}

ombud_err ombud_months_read(ombud_store *st, int64_t result_id,
                            ombud_months_table *t)
{
    reader r = {t, OMBUD_OK};
    ombud_err err;

    ombud_months_table_free(t);
    err = ombud_store_each_figure(st, result_id, on_figure, &r);
    if (!err)
        err = r.err;
    if (err)
        ombud_months_table_free(t);
    else
        keep_whole_runs(t);
    return err;
}

void ombud_months_table_free(ombud_months_table *t)
{
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].unit);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

int ombud_months_kind(const char *kind)
{
    const ombud_rule *r = ombud_rule_find(kind);

    return !r || r->months;
}

int ombud_months_any(ombud_store *st, const int64_t *ids, int n)
{
    ombud_months_table t = {0};
    int any = 0;

    for (int i = 0; i < n && !any; i++)
        if (!ombud_months_read(st, ids[i], &t))
            any = t.ncols > 0;
    ombud_months_table_free(&t);
    return any;
}

char *ombud_months_run_say(const ombud_months_table *t,
                           const ombud_month_run *r, char *buf, size_t size)
{
    const char *a = t->col[r->first], *z = t->col[r->first + r->len - 1];
    char span[48];

    /* On a right-to-left page the months stay in reading order inside
     * a left-to-right isolate: "2026-10–2026-11", never reversed. */
    if (r->len > 1)
        snprintf(span, sizeof span, ombud_i18n_rtl() ?
                 "\u2066%s\u2013%s\u2069" : "%s\u2013%s", a, z);
    else
        snprintf(span, sizeof span, ombud_i18n_rtl() ? "\u2066%s\u2069" :
                 "%s", a);
    if (r->due)
        /* TRANSLATORS: months ("2026-10–2026-11"), how many, then the
         * filing's corrective_after. */
        snprintf(buf, size, ombud_ngettext("%s: %d month below standard: "
                 "corrective action report due (after %d in a row)", "%s: %d "
                 "consecutive months below standard: corrective action report "
                 "due (after %d in a row)", (unsigned long)r->len), span,
                 r->len, t->after);
    else if (t->after > 0)
        /* TRANSLATORS: as above; a run too short to call for action. */
        snprintf(buf, size, ombud_ngettext("%s: %d month below standard, "
                 "fewer than the %d in a row that call for corrective action",
                 "%s: %d consecutive months below standard, fewer than the "
                 "%d in a row that call for corrective action",
                 (unsigned long)r->len), span, r->len, t->after);
    else
        snprintf(buf, size, ombud_ngettext("%s: %d month below standard",
                 "%s: %d consecutive months below standard",
                 (unsigned long)r->len), span, r->len);
    return buf;
}

/* The sentence under a guarantee's table: its runs, or that none is due. */
static void runs_say(const ombud_months_table *t, char *buf, size_t size)
{
    size_t k = 0;
    char one[300];

    buf[0] = '\0';
    for (int i = 0; i < t->nruns && k < size; i++) {
        const char *unit = t->rows[t->run_row[i]].unit;
        ombud_months_run_say(t, &t->runs[i], one, sizeof one);
        /* A unit's run names the unit first: "North: 2026-10: ...". */
        k += (size_t)snprintf(buf + k, size - k, "%s%s%s%s.", k ? " " : "",
                              unit, unit[0] ? ": " : "", one);
    }
    if (k < size && !t->nruns)
        k += (size_t)snprintf(buf + k, size - k, "%s",
                              _("No month below standard."));
    if (k < size && t->after > 0 && !t->nruns)
        snprintf(buf + k, size - k, " %s", _("No corrective action due."));
    else if (k < size && t->after <= 0)
        snprintf(buf + k, size - k, " %s", _("The filing sets no "
                 "corrective_after: no run is judged."));
}

/* A cell's status word, as stored. */
static const char *status_of(const ombud_month_cell *c)
{
    return c->set ? ombud_verdict_name(c->status) : "NO DATA";
}

/* The column's name: a month, or the period's @label. */
static const char *col_name(const ombud_months_table *t, int c,
                            const char *label)
{
    return strcmp(t->col[c], OMBUD_MONTHS_PERIOD) ? t->col[c] : label;
}

/* ---- the PDF --------------------------------------------------------------------- */

#define MCOLS 6

static const pdoc_col month_cols[MCOLS] = {
    {N_("Unit"), 0.22, 0, PDOC_COL_INPUT},
    /* Isolated: "2026-Q4" and "4 / 5" keep their order on a
     * right-to-left page. */
    {N_("Month"), 0.16, 0, PDOC_COL_TOKEN | PDOC_COL_MONO | PDOC_COL_INPUT},
    {N_("Rate"), 0.14, 1, PDOC_COL_TOKEN},
    {N_("Count / base"), 0.18, 1, PDOC_COL_TOKEN | PDOC_COL_INPUT},
    {N_("Target"), 0.13, 1, PDOC_COL_TOKEN},
    {N_("Status"), 0.17, 0, PDOC_COL_BADGE}};

typedef struct mrow {
    char rate[48], parts[64], target[48];
    const char *cells[MCOLS];
} mrow;

static void row_cells(pdoc *d, const ombud_months_table *t, size_t r, int c,
                      const char *label, mrow *m)
{
    const ombud_month_cell *x = &t->rows[r].cell[c];
    char n[32], k[32];

    m->rate[0] = m->parts[0] = m->target[0] = '\0';
    if (x->set && x->den > 0) {
        pdoc_value(d, x->measured, x->unit, m->rate, sizeof m->rate);
        snprintf(m->parts, sizeof m->parts, "%s / %s",
                 ombud_fmt_count(x->num, n, sizeof n),
                 ombud_fmt_count(x->den, k, sizeof k));
    } else {
        snprintf(m->rate, sizeof m->rate, "-");
        snprintf(m->parts, sizeof m->parts, "-");
    }
    if (x->set)
        pdoc_value(d, x->target, x->tunit, m->target, sizeof m->target);
    m->cells[0] = t->rows[r].unit[0] ? t->rows[r].unit : _("all");
    m->cells[1] = col_name(t, c, label);
    m->cells[2] = m->rate;
    m->cells[3] = m->parts;
    m->cells[4] = m->target;
    m->cells[5] = ombud_fmt_status(status_of(x));
}

/* The paragraph that opens the months, in both reports; @label names
 * the period. */
static void intro(char *buf, size_t size, const char *label)
{
    /* TRANSLATORS: %s names the period ("2026-Q4"). */
    snprintf(buf, size, _("Each rate guarantee judged again on each "
             "calendar month of %s in the filing's time zone, by the same "
             "rule, then over the whole period. The period's rate pools its "
             "months (all met over all judged), so it is not the mean of the "
             "monthly rates. Count / base are the rate's parts: outages "
             "restored in time of outages, calls answered in time of calls, "
             "trouble reports of working lines. A month with nothing judged "
             "is NO DATA, never a pass. Runs of months below standard are "
             "counted within the period only."), label);
}

static void guarantee_pdf(pdoc *d, const ombud_months_table *t,
                          const char *gid, const char *promise,
                          const char *label)
{
    static const pdoc_table tab = {month_cols, MCOLS, 7.5};
    char line[1600];
    mrow m;

    pdoc_ensure(d, 120);
    d->y += 8;
    snprintf(line, sizeof line, _("%s: \"%s\""), pdoc_iso(d, gid),
             pdoc_iso(d, promise));
    pdoc_para(d, line, 11, 1, 0);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            row_cells(d, t, r, c, label, &m);
            pdoc_table_measure(d, &tab, m.cells);
        }
    pdoc_table_fit(d, &tab);
    pdoc_table_start(d, &tab, 20);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++) {
            row_cells(d, t, r, c, label, &m);
            pdoc_table_row(d, &tab, m.cells, 5, status_of(&t->rows[r].cell[c]));
        }
    runs_say(t, line, sizeof line);
    d->y += 4;
    pdoc_para(d, line, 8.5, 1, 0);
}

void ombud_months_pdf(struct pdoc *d, ombud_store *st, const int64_t *ids,
                      char *const *gids, char *const *promises, int n,
                      const char *label)
{
    ombud_months_table t = {0};
    char line[1200];

    if (!ombud_months_any(st, ids, n))
        return;
    pdoc_new_page(d);
    pdoc_para(d, _("Months inside the period"), 16, 1, 0);
    intro(line, sizeof line, pdoc_iso(d, label));
    pdoc_para(d, line, 8.5, 0, 0.2);
    for (int i = 0; i < n; i++) {
        if (ombud_months_read(st, ids[i], &t) || !t.ncols)
            continue;
        guarantee_pdf(d, &t, gids[i], promises[i], label);
    }
    ombud_months_table_free(&t);
}

/* ---- the XLSX ------------------------------------------------------------------- */


typedef struct fmts {
    lxw_format *bold, *head, *pct, *num, *wrap, *pass, *fail, *nodata, *dur;
} fmts;

/* A figure in its unit (i18n.h's table): a share as a percentage, a
 * duration as [h]:mm, a rate per 100 lines as its number. */
static void put_value(lxw_worksheet *ws, int row, int col, int64_t v,
                      const char *unit, const fmts *f)
{
    const ombud_figure_formats ff = {NULL, f->num, f->dur, f->pct, NULL, NULL};

    ombud_sheet_figure(ws, row, col, v, unit, NULL, &ff);
}

/* The status cell's format: the Summary's colours. */
static lxw_format *status_format(lxw_workbook *wb, const char *status)
{
    lxw_format *f = workbook_add_format(wb);

    if (f) {
        format_set_bold(f);
        format_set_font_color(f, LXW_COLOR_WHITE);
        format_set_bg_color(f, !strcmp(status, "FAIL") ? 0xC00000 :
                            !strcmp(status, "PASS") ? 0x1F7F38 : 0x808080);
    }
    return f;
}

static int sheet_rows(lxw_worksheet *ws, const fmts *f,
                      const ombud_months_table *t, const char *gid,
                      const char *label, int row)
{
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < t->ncols; c++, row++) {
            const ombud_month_cell *x = &t->rows[r].cell[c];
            const char *s = status_of(x);
            ombud_sheet_text(ws, row, 0, gid, NULL);
            ombud_sheet_text(ws, row, 1, t->rows[r].unit[0] ?
                             t->rows[r].unit : _("all"), NULL);
            ombud_sheet_text(ws, row, 2, col_name(t, c, label), NULL);
            if (x->set && x->den > 0) {
                put_value(ws, row, 3, x->measured, x->unit, f);
                worksheet_write_number(ws, (lxw_row_t)row, 4, (double)x->num,
                                       f->num);
                worksheet_write_number(ws, (lxw_row_t)row, 5, (double)x->den,
                                       f->num);
            }
            if (x->set)
                put_value(ws, row, 6, x->target, x->tunit, f);
            ombud_sheet_text(ws, row, 7, ombud_fmt_status(s),
                             !strcmp(s, "FAIL") ? f->fail :
                             !strcmp(s, "PASS") ? f->pass : f->nodata);
        }
    return row;
}

ombud_err ombud_months_sheet(struct lxw_workbook *wb, struct lxw_worksheet *ws,
                             ombud_store *st, const int64_t *ids,
                             char *const *gids, int n, const char *label)
{
    static const double widths[] = {24, 14, 12, 10, 10, 10, 10, 12};
    const char *head[] = {_("Guarantee"), _("Unit"), _("Month"), _("Rate"),
                          _("Count"), _("Base"), _("Target"), _("Status")};
    fmts f = {workbook_add_format(wb), workbook_add_format(wb),
              workbook_add_format(wb), workbook_add_format(wb),
              workbook_add_format(wb), status_format(wb, "PASS"),
              status_format(wb, "FAIL"), status_format(wb, "NO DATA"),
              workbook_add_format(wb)};
    ombud_months_table t = {0};
    char line[1600];
    int row = 3, first;
    ombud_err err = OMBUD_OK;

    if (!f.bold || !f.head || !f.pct || !f.num || !f.wrap || !f.pass ||
        !f.fail || !f.nodata || !f.dur)
        return OMBUD_E_NOMEM;
    format_set_bold(f.bold);
    format_set_bold(f.head);
    format_set_bottom(f.head, LXW_BORDER_THIN);
    format_set_num_format(f.pct, "0.00%");
    format_set_num_format(f.num, "#,##0.##");
    format_set_num_format(f.dur, "[h]:mm");
    format_set_text_wrap(f.wrap);
    ombud_sheet_text(ws, 0, 0, _("Months inside the period"), f.bold);
    intro(line, sizeof line, label);
    ombud_sheet_text(ws, 1, 0, line, NULL);
    for (int c = 0; c < 8; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
        ombud_sheet_text(ws, row, c, head[c], f.head);
    }
    first = row++;
    for (int i = 0; i < n && !err; i++)
        if (!(err = ombud_months_read(st, ids[i], &t)) && t.ncols)
            row = sheet_rows(ws, &f, &t, gids[i], label, row);
    worksheet_autofilter(ws, (lxw_row_t)first, 0, (lxw_row_t)(row - 1), 7);
    worksheet_freeze_panes(ws, (lxw_row_t)(first + 1), 0);
    row++;
    ombud_sheet_text(ws, row++, 0, _("Runs of months below standard"), f.bold);
    for (int i = 0; i < n && !err; i++)
        if (!(err = ombud_months_read(st, ids[i], &t)) && t.ncols) {
            runs_say(&t, line, sizeof line);
            ombud_sheet_text(ws, row, 0, gids[i], NULL);
            ombud_sheet_text(ws, row++, 1, line, NULL);
        }
    ombud_months_table_free(&t);
    return err;
}
