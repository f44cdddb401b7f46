/*
 * history.c - the last periods of each guarantee, in the PDF and the XLSX.
 *
 * What history.h says: the results of earlier checks of the same
 * guarantees file, zone, language and ombud version, of whole periods of
 * the report's kind just before it, read from the store as stored (a
 * report never recomputes a rule).
 *
 * Decisions:
 * - A period's kind is read from its bounds in the filing's zone: local
 *   midnight on the first of a month to the first of the next (a month),
 *   three months from January, April, July or October (a quarter), twelve
 *   from January (a year). Anything else (a day, a range) has no history:
 *   "the period before" means nothing for it.
 * - Periods are numbered by how far back they are (back 1 is the period
 *   just before), so a period not checked leaves a gap, never a shift.
 * - Nothing here is drawn or written when there is no earlier period, so
 *   a store with one check gives the reports it always gave.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ombud/history.h"
#include "ombud/i18n.h"
#include "ombud/text.h"
#include "ombud/time.h"
#include "pdfdoc.h"
#include "sheet.h"

static int depth = OMBUD_HISTORY_DEFAULT;

void ombud_history_set_depth(int n)
{
    depth = n < 0 ? 0 : n > OMBUD_HISTORY_MAX ? OMBUD_HISTORY_MAX : n;
}

int ombud_history_depth(void)
{
    return depth;
}

/* ---- periods ------------------------------------------------------------------ */

/*
 * The kind of period [@from, @to) in @tz as its length in months (1, 3 or
 * 12; 0 when it is none of them) and its index counted in such periods
 * since year 0, so that the period before has index - 1.
 */
static int period_kind(const ombud_tz *tz, int64_t from, int64_t to,
                       int64_t *index)
{
    ombud_tm a, b;
    int64_t ma, mb;
    int len;

    ombud_tm_from_instant(tz, from, &a);
    ombud_tm_from_instant(tz, to, &b);
    if (a.day != 1 || a.hour || a.min || a.sec || b.day != 1 || b.hour ||
        b.min || b.sec)
        return 0;
    ma = (int64_t)a.year * 12 + a.month - 1;
    mb = (int64_t)b.year * 12 + b.month - 1;
    len = (int)(mb - ma);
    if (len != 1 && len != 3 && len != 12)
        return 0;
    if (ma % len)
        return 0;   /* a quarter from February is not a calendar quarter */
    *index = ma / len;
    return len;
}

/* "2026-09", "2026-Q3" or "2026" for period @index of @len months. */
static void period_label(int len, int64_t index, char *buf, size_t size)
{
    int64_t m = index * len;
    int y = (int)(m / 12);    /* a period is within the zone data's years */

    if (len == 1)
        snprintf(buf, size, "%04d-%02d", y, (int)(m % 12) + 1);
    else if (len == 3)
        snprintf(buf, size, "%04d-Q%d", y, (int)(m % 12) / 3 + 1);
    else
        snprintf(buf, size, "%04d", y);
}

/* ---- loading -------------------------------------------------------------------- */

typedef struct loader {
    ombud_history *h;
    const ombud_tz *tz;
    int len;                /* the report's period kind, in months */
    int64_t index;          /* and its index */
    int depth;
    int period;             /* the period being read (results) */
} loader;

static int take_earlier(void *ud, int64_t id, int64_t from, int64_t to)
{
    loader *L = ud;
    ombud_history *h = L->h;
    int64_t index, back;

    if (period_kind(L->tz, from, to, &index) != L->len)
        return 0;
    back = L->index - index;
    if (back < 1 || back > L->depth || h->np > OMBUD_HISTORY_MAX)
        return 0;
    /* Latest first: the array is reversed when all are in. */
    h->p[h->np] = (ombud_history_period){id, from, to, (int)back, ""};
    period_label(L->len, index, h->p[h->np].label, sizeof h->p[h->np].label);
    h->np++;
    return 0;
}

static int take_gid(void *ud, const ombud_result_row *r)
{
    ombud_history *h = ud;

    if (h->ng == OMBUD_HISTORY_GUARANTEES)
        return 1;
    snprintf(h->gid[h->ng++], sizeof h->gid[0], "%s", r->guarantee_id);
    return 0;
}

static int take_cell(void *ud, const ombud_result_row *r)
{
    loader *L = ud;
    ombud_history *h = L->h;

    for (int g = 0; g < h->ng; g++) {
        ombud_history_cell *c;
        if (strcmp(h->gid[g], r->guarantee_id))
            continue;
        c = &h->cell[g * h->np + L->period];
        c->present = 1;
        c->pass = r->r.pass;
        snprintf(c->status, sizeof c->status, "%s", r->status ? r->status : "");
        c->measured = r->r.measured;
        snprintf(c->unit, sizeof c->unit, "%s", r->r.unit ? r->r.unit : "");
        c->breaches = r->r.breaches;
        c->amount = r->r.amount;
        snprintf(c->measured_text, sizeof c->measured_text, "%s",
                 r->r.measured_text);
        break;
    }
    return 0;
}

ombud_err ombud_history_load(ombud_store *st, const ombud_check_info *chk,
                             int want, ombud_history *h)
{
    loader L = {h, NULL, 0, 0, want, 0};
    ombud_tz *tz = NULL;
    ombud_err err;

    assert(st && chk && h);
    memset(h, 0, sizeof *h);
    h->p[0] = (ombud_history_period){chk->id, chk->from, chk->to, 0, ""};
    h->np = 1;
    if (want <= 0 || ombud_tz_open(chk->tz, &tz))
        return OMBUD_OK;
    L.tz = tz;
    if (!(L.len = period_kind(tz, chk->from, chk->to, &L.index))) {
        ombud_tz_free(tz);
        return OMBUD_OK;
    }
    period_label(L.len, L.index, h->p[0].label, sizeof h->p[0].label);
    period_label(L.len, L.index - 1, h->prev_label, sizeof h->prev_label);
    err = ombud_store_each_earlier_check(st, chk, take_earlier, &L);
    ombud_tz_free(tz);
    if (err)
        return err;
    if (h->np == 1)
        return OMBUD_OK;
    /* Oldest first: the report's own (read first) goes last. */
    for (int i = 0, j = h->np - 1; i < j; i++, j--) {
        ombud_history_period t = h->p[i];
        h->p[i] = h->p[j];
        h->p[j] = t;
    }
    if ((err = ombud_store_each_result(st, chk->id, take_gid, h)))
        return err;
    if (!(h->cell = calloc((size_t)(h->ng ? h->ng : 1) * h->np,
                           sizeof *h->cell)))
        return OMBUD_E_NOMEM;
    for (L.period = 0; L.period < h->np; L.period++)
        if ((err = ombud_store_each_result(st, h->p[L.period].check_id,
                                           take_cell, &L)))
            return err;
    return OMBUD_OK;
}

void ombud_history_free(ombud_history *h)
{
    if (!h)
        return;
    free(h->cell);
    h->cell = NULL;
}

const ombud_history_cell *ombud_history_at(const ombud_history *h, int g,
                                           int i)
{
    assert(g >= 0 && g < h->ng && i >= 0 && i < h->np);
    return &h->cell[g * h->np + i];
}

int ombud_history_breached(const ombud_history *h, int g, int *checked)
{
    int n = 0;

    *checked = 0;
    for (int i = 0; i < h->np; i++) {
        const ombud_history_cell *c = ombud_history_at(h, g, i);
        if (h->p[i].back >= OMBUD_HISTORY_WINDOW || !c->present)
            continue;
        (*checked)++;
        n += c->pass == OMBUD_FAIL;
    }
    return n;
}

/* ---- the manifest ----------------------------------------------------------------- */

char *ombud_history_periods(const ombud_history *h, char *buf, size_t size)
{
    size_t o = 0;

    if (size)
        buf[0] = '\0';
    for (int i = 0; i + 1 < h->np; i++) {
        int n = snprintf(buf + o, size - o, "%s%lld-%lld", i ? "," : "",
                         (long long)h->p[i].from, (long long)h->p[i].to);
        if (n < 0 || (size_t)n >= size - o)
            return NULL;
        o += (size_t)n;
    }
    return buf;
}

int ombud_history_parse(const char *s, int64_t *from, int64_t *to, int max)
{
    int n = 0;
    char *end;

    while (*s) {
        if (n == max)
            return -1;
        from[n] = strtoll(s, &end, 10);
        if (end == s || *end != '-')
            return -1;
        s = end + 1;
        to[n] = strtoll(s, &end, 10);
        if (end == s || (*end && *end != ',') || to[n] <= from[n])
            return -1;
        n++;
        s = *end ? end + 1 : end;
    }
    return n;
}

ombud_err ombud_history_manifest(ombud_store *st, int64_t check_id,
                                 ombud_manifest *m)
{
    ombud_check_info chk;
    ombud_history h;
    ombud_err err;

    m->history[0] = '\0';
    if ((err = ombud_store_check_get(st, check_id, &chk)) ||
        (err = ombud_history_load(st, &chk, depth, &h)))
        return err;
    if (!ombud_history_periods(&h, m->history, sizeof m->history))
        err = OMBUD_E_DATA;   /* cannot happen: OMBUD_HISTORY_MAX fit */
    ombud_history_free(&h);
    return err;
}

/* ---- words shared by both reports ----------------------------------------------- */

/* @v with its sign: "+3", "-2", "0". */
static void signed_count(int64_t v, char *buf, size_t size)
{
    char n[32];

    ombud_fmt_count(v < 0 ? -v : v, n, sizeof n);
    snprintf(buf, size, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "", n);
}

/* "Periods breached in the last 12: 2 of 3 checked." */
static void breached_line(const ombud_history *h, int g, char *buf,
                          size_t size)
{
    int checked, n = ombud_history_breached(h, g, &checked);

    snprintf(buf, size, _("Periods breached in the last %d: %s of %s checked."),
             OMBUD_HISTORY_WINDOW, ombud_n(n), ombud_n(checked));
}

/*
 * The change from the period before: status, breaches and what is owed,
 * or that the period before was not checked. Money with @currency and
 * @digits decimals.
 */
static void change_line(const ombud_history *h, int g, const char *currency,
                        int digits, char *buf, size_t size)
{
    const ombud_history_cell *now = ombud_history_at(h, g, h->np - 1), *was;
    char d[40], a[64], b[64], da[72];

    if (h->np < 2 || h->p[h->np - 2].back != 1 ||
        !(was = ombud_history_at(h, g, h->np - 2))->present || !now->present) {
        snprintf(buf, size, _("Change from %s: that period was not checked."),
                 h->prev_label);
        return;
    }
    signed_count(now->breaches - was->breaches, d, sizeof d);
    if (now->amount == OMBUD_AMOUNT_NONE || was->amount == OMBUD_AMOUNT_NONE) {
        snprintf(buf, size, _("Change from %s: %s to %s; breaches %s to %s "
                 "(%s)."), h->prev_label, ombud_fmt_status(was->status),
                 ombud_fmt_status(now->status), ombud_n(was->breaches),
                 ombud_n(now->breaches), d);
        return;
    }
    ombud_fmt_money(was->amount, digits, currency, a, sizeof a);
    ombud_fmt_money(now->amount, digits, currency, b, sizeof b);
    {
        int64_t delta = now->amount - was->amount;
        char m[64];
        ombud_fmt_money(delta < 0 ? -delta : delta, digits, currency, m,
                        sizeof m);
        snprintf(da, sizeof da, "%s%s", delta > 0 ? "+" : delta < 0 ? "-" : "",
                 m);
    }
    snprintf(buf, size, _("Change from %s: %s to %s; breaches %s to %s (%s); "
             "owed %s to %s (%s)."), h->prev_label,
             ombud_fmt_status(was->status), ombud_fmt_status(now->status),
             ombud_n(was->breaches), ombud_n(now->breaches), d, a, b, da);
}

/* ---- the PDF ---------------------------------------------------------------------- */

static const pdoc_col history_cols[] = {
    {N_("Period"), 0.12, 0, PDOC_COL_TOKEN | PDOC_COL_MONO},
    {N_("Status"), 0.13, 0, PDOC_COL_BADGE},
    {N_("Measured"), 0.49, 0, 0},
    {N_("Breaches"), 0.11, 1, PDOC_COL_TOKEN},
    {N_("Owed"), 0.15, 1, PDOC_COL_TOKEN}};

/* A row's texts. */
typedef struct hrow {
    char label[40], n[32], owed[64];
    const char *cells[5];
} hrow;

static void row_cells(pdoc *d, const ombud_history *h, int g, int i, hrow *r)
{
    const ombud_history_cell *c = ombud_history_at(h, g, i);

    snprintf(r->label, sizeof r->label, "%s%s", h->p[i].label,
             h->p[i].back ? "" : " *");
    ombud_fmt_count(c->breaches, r->n, sizeof r->n);
    r->cells[0] = r->label;
    r->cells[1] = ombud_fmt_status(c->status);
    r->cells[2] = c->measured_text;
    r->cells[3] = r->n;
    r->cells[4] = c->amount == OMBUD_AMOUNT_NONE ? "-"
                  : pdoc_money(d, c->amount, r->owed, sizeof r->owed);
}

/* The fill of a status, as the badges have it. */
static void status_rgb(const char *status, double *rgb)
{
    static const double fail[3] = {0.75, 0.10, 0.10},
        nodata[3] = {0.40, 0.40, 0.40}, rep[3] = {0.72, 0.42, 0.02},
        pass[3] = {0.12, 0.50, 0.22};
    const double *c = !strcmp(status, "FAIL") ? fail
                      : !strcmp(status, "NO DATA") ? nodata
                      : !strcmp(status, "REPORTABLE") ? rep : pass;

    memcpy(rgb, c, sizeof fail);
}

#define CHART_H 70.0    /* bar area height, points */
#define BAR_MAX 36.0    /* widest bar slot, points */

/*
 * Breaches per period as bars in the status colours, each with its count
 * above and its period below: the status is also in the table beside, so
 * the chart reads in black and white too.
 */
static void bars(pdoc *d, const ombud_history *h, int g)
{
    double slot, x0 = d->ml, base, rgb[3];
    int64_t top = 0;

    for (int i = 0; i < h->np; i++) {
        const ombud_history_cell *c = ombud_history_at(h, g, i);
        if (c->present && c->breaches > top)
            top = c->breaches;
    }
    pdoc_ensure(d, CHART_H + 40);
    d->y += 14;                   /* room for the counts above */
    base = d->y + CHART_H;
    slot = pdoc_width(d) / h->np;
    if (slot > BAR_MAX)
        slot = BAR_MAX;
    cairo_set_line_width(d->cr, 0.5);
    cairo_set_source_rgb(d->cr, 0, 0, 0);
    pdoc_hline(d, x0, x0 + slot * h->np, base);
    for (int i = 0; i < h->np; i++) {
        const ombud_history_cell *c = ombud_history_at(h, g, i);
        double x = x0 + slot * i + slot * 0.15, w = slot * 0.7, bh;
        PangoLayout *l;
        char n[32];
        if (!c->present)
            continue;
        bh = top ? CHART_H * (double)c->breaches / (double)top : 0;
        if (bh < 1.5)
            bh = 1.5;             /* a PASS still shows its colour */
        status_rgb(c->status, rgb);
        cairo_set_source_rgb(d->cr, rgb[0], rgb[1], rgb[2]);
        cairo_rectangle(d->cr, pdoc_mx(d, x, w), base - bh, w, bh);
        cairo_fill(d->cr);
        ombud_fmt_count(c->breaches, n, sizeof n);
        l = pdoc_layout(d, n, 6.5, 0, -1, NULL);
        pdoc_show(d, l, x, base - bh - 9, 0);
        g_object_unref(l);
        l = pdoc_layout(d, h->p[i].label, 5.5, 0, -1, PDOC_MONO);
        pdoc_show(d, l, x - slot * 0.1, base + 2, 0.25);
        g_object_unref(l);
    }
    d->y = base + 12;
}

void ombud_history_pdf(struct pdoc *d, const ombud_history *h,
                       const char *const *promises)
{
    static const pdoc_table t = {history_cols, 5, 7.5};
    char line[1200];
    hrow r;

    if (h->np < 2)
        return;
    pdoc_new_page(d);
    pdoc_para(d, _("History of periods"), 16, 1, 0);
    pdoc_para(d, _("Each guarantee in the periods checked before this one "
              "with the same guarantees file, time zone and ombud version, "
              "as each period's own check found it; * marks this report's "
              "period. The manifest lists the periods, and 'ombud verify' "
              "checks them again from the same input files."), 8.5, 0, 0.2);
    for (int g = 0; g < h->ng; g++) {
        pdoc_ensure(d, 220);
        d->y += 8;
        snprintf(line, sizeof line, _("%s: \"%s\""), pdoc_iso(d, h->gid[g]),
                 pdoc_iso(d, promises[g]));
        pdoc_para(d, line, 11, 1, 0);
        breached_line(h, g, line, sizeof line);
        pdoc_para(d, line, 8.5, 1, 0);
        change_line(h, g, d->currency, d->digits, line, sizeof line);
        pdoc_para(d, line, 8.5, 0, 0);
        d->y += 4;
        for (int i = 0; i < h->np; i++) {
            row_cells(d, h, g, i, &r);
            pdoc_table_measure(d, &t, r.cells);
        }
        pdoc_table_fit(d, &t);
        pdoc_table_start(d, &t, 20);
        for (int i = 0; i < h->np; i++) {
            row_cells(d, h, g, i, &r);
            pdoc_table_row(d, &t, r.cells, 1,
                           ombud_history_at(h, g, i)->status);
        }
        bars(d, h, g);
        pdoc_para(d, _("Breaches per period, each bar in its status's "
                  "colour (as in the table)."), 7, 0, 0.3);
    }
}

/* ---- the XLSX ------------------------------------------------------------------------ */


/* The colour of a status for cells and bars (as the Summary's). */
static lxw_color_t status_color(const char *status)
{
    return !strcmp(status, "FAIL") ? 0xC00000 : !strcmp(status, "NO DATA")
           ? 0x808080 : !strcmp(status, "REPORTABLE") ? 0xB86B05 : 0x1F7F38;
}

ombud_err ombud_history_sheet(struct lxw_workbook *wb, struct lxw_worksheet *ws,
                              const char *sheet_name, const ombud_history *h,
                              const char *currency, int digits,
                              const char *money_format)
{
    lxw_format *bold = workbook_add_format(wb), *head = workbook_add_format(wb),
               *money = workbook_add_format(wb), *wrap = workbook_add_format(wb),
               *st[4];
    static const char *const statuses[4] = {"FAIL", "PASS", "NO DATA",
                                            "REPORTABLE"};
    char line[1200];
    int row = 0, first, last;
    double scale = 1;

    for (int i = 0; i < digits; i++)
        scale *= 10;
    if (h->np < 2)
        return OMBUD_OK;
    if (!bold || !head || !money || !wrap)
        return OMBUD_E_NOMEM;
    format_set_bold(bold);
    format_set_bold(head);
    format_set_bottom(head, LXW_BORDER_THIN);
    format_set_num_format(money, money_format);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    for (int s = 0; s < 4; s++) {
        if (!(st[s] = workbook_add_format(wb)))
            return OMBUD_E_NOMEM;
        format_set_bold(st[s]);
        format_set_font_color(st[s], LXW_COLOR_WHITE);
        format_set_bg_color(st[s], status_color(statuses[s]));
    }
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 10, NULL);
    worksheet_set_column(ws, 2, 2, 12, NULL);
    worksheet_set_column(ws, 3, 3, 60, wrap);
    worksheet_set_column(ws, 4, 4, 10, NULL);
    worksheet_set_column(ws, 5, 5, 14, NULL);
    ombud_sheet_text(ws, row++, 0, _("History of periods"), bold);
    ombud_sheet_text(ws, row++, 0, _("Each guarantee in the periods checked "
                     "before this one with the same guarantees file, time "
                     "zone and ombud version, as each period's own check "
                     "found it; the last period of each guarantee is this "
                     "report's."), NULL);
    row++;
    first = row;
    ombud_sheet_text(ws, row, 0, _("Guarantee"), head);
    ombud_sheet_text(ws, row, 1, _("Period"), head);
    ombud_sheet_text(ws, row, 2, _("Status"), head);
    ombud_sheet_text(ws, row, 3, _("Measured"), head);
    ombud_sheet_text(ws, row, 4, _("Breaches"), head);
    ombud_sheet_text(ws, row++, 5, _("Owed"), head);
    for (int g = 0; g < h->ng; g++)
        for (int i = 0; i < h->np; i++) {
            const ombud_history_cell *c = ombud_history_at(h, g, i);
            int s = c->pass >= 0 && c->pass < 4 ? c->pass : 0;
            ombud_sheet_text(ws, row, 0, h->gid[g], NULL);
            ombud_sheet_text(ws, row, 1, h->p[i].label, NULL);
            if (c->present) {
                ombud_sheet_text(ws, row, 2, ombud_fmt_status(c->status),
                                 st[s]);
                ombud_sheet_text(ws, row, 3, c->measured_text, wrap);
                worksheet_write_number(ws, (lxw_row_t)row, 4,
                                       (double)c->breaches, NULL);
                if (c->amount != OMBUD_AMOUNT_NONE)
                    worksheet_write_number(ws, (lxw_row_t)row, 5,
                                           (double)c->amount /
                                           scale, money);
            }
            row++;
        }
    last = row - 1;
    /* Printed: the tables only; the charts beside them would shrink the
     * page to fit (the PDF prints the charts). */
    worksheet_print_area(ws, 0, 0, (lxw_row_t)(last + 2 + h->ng), 5);
    worksheet_freeze_panes(ws, (lxw_row_t)(first + 1), 0);
    worksheet_autofilter(ws, (lxw_row_t)first, 0, (lxw_row_t)last, 5);
    row++;
    ombud_sheet_text(ws, row, 0, _("Guarantee"), head);
    snprintf(line, sizeof line, _("Periods breached in the last %d"),
             OMBUD_HISTORY_WINDOW);
    ombud_sheet_text(ws, row, 1, line, head);
    ombud_sheet_text(ws, row, 2, _("Periods checked"), head);
    ombud_sheet_text(ws, row++, 3, _("Change from the previous period"), head);
    for (int g = 0; g < h->ng; g++) {
        int checked, n = ombud_history_breached(h, g, &checked);
        ombud_sheet_text(ws, row, 0, h->gid[g], NULL);
        worksheet_write_number(ws, (lxw_row_t)row, 1, n, NULL);
        worksheet_write_number(ws, (lxw_row_t)row, 2, checked, NULL);
        change_line(h, g, currency, digits, line, sizeof line);
        ombud_sheet_text(ws, row++, 3, line, wrap);
    }
    for (int g = 0; g < h->ng; g++) {
        lxw_chart *ch = workbook_add_chart(wb, LXW_CHART_COLUMN);
        lxw_chart_series *se;
        lxw_chart_fill fills[OMBUD_HISTORY_MAX + 1];
        lxw_chart_point pts[OMBUD_HISTORY_MAX + 1];
        lxw_chart_point *pp[OMBUD_HISTORY_MAX + 2];
        int r0 = first + 1 + g * h->np;
        if (!ch || !(se = chart_add_series(ch, NULL, NULL)))
            return OMBUD_E_NOMEM;
        chart_series_set_categories(se, sheet_name, (lxw_row_t)r0, 1,
                                    (lxw_row_t)(r0 + h->np - 1), 1);
        chart_series_set_values(se, sheet_name, (lxw_row_t)r0, 4,
                                (lxw_row_t)(r0 + h->np - 1), 4);
        chart_series_set_name(se, _("Breaches"));
        for (int i = 0; i < h->np; i++) {
            const ombud_history_cell *c = ombud_history_at(h, g, i);
            fills[i] = (lxw_chart_fill){.color = status_color(c->status)};
            pts[i] = (lxw_chart_point){.fill = &fills[i]};
            pp[i] = &pts[i];
        }
        pp[h->np] = NULL;
        chart_series_set_points(se, pp);
        snprintf(line, sizeof line, _("%s: breaches per period"), h->gid[g]);
        chart_title_set_name(ch, line);
        chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
        worksheet_insert_chart(ws, (lxw_row_t)(first + g * 16), 7, ch);
    }
    return OMBUD_OK;
}
