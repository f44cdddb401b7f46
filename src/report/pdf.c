/*
 * pdf.c - the PDF filing report (cairo + pango).
 *
 * Contents: cover page with the verdict; summary table; one section per
 * guarantee (promise, method, chart, first breaches); inputs and
 * integrity; certification page. Header and footer on every page.
 *
 * Decisions:
 * - Layout is a simple flow: a cursor moves down the page and every block
 *   asks for the room it needs first (ensure()); tables repeat their header
 *   on each new page. Nothing is ever drawn past the bottom margin.
 * - "page N of M" needs M before page 1 is drawn, so the document is laid
 *   out twice: the first pass writes to nowhere and counts pages.
 * - All text is laid out by pango with a named font family (DejaVu, from
 *   fonts-dejavu-core, which covers Latin and Hebrew) so the output does
 *   not depend on whatever fonts a machine has, and right-to-left text in
 *   an input field is shaped and ordered correctly. Fonts are embedded.
 * - Deterministic: creation and modification dates in the metadata are
 *   the period's end, never the clock.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "ombud/cal.h"
#include "ombud/chart.h"
#include "ombud/diag.h"
#include "ombud/report.h"
#include "ombud/rule.h"
#include "ombud/value.h"

#define FONT OMBUD_CHART_FONT
#define MONO "DejaVu Sans Mono"
#define MAX_RESULTS 128
#define BREACH_ROWS 25        /* breaches shown per guarantee; the rest are in the XLSX */
#define CHART_BARS 40         /* outages drawn in the durations chart */

/* A result copied out of the store (strings owned). */
typedef struct presult {
    int64_t id;
    char *gid, *kind, *promise, *source, *status;
    ombud_result r;
} presult;

typedef struct pdf {
    ombud_store *st;
    ombud_check_info chk;
    ombud_tz *tz;
    int digits;
    presult res[MAX_RESULTS];
    int nres;
    cairo_surface_t *surf;
    cairo_t *cr;
    double pw, ph;            /* page size, points */
    double ml, mr, mt, mb;    /* margins; the left one wider for binding */
    double y;                 /* the cursor */
    int page;                 /* pages begun */
    int total;                /* pages in all (from the counting pass; 0 in it) */
    char period[80];
} pdf;

/* ---- text --------------------------------------------------------------------- */

static PangoLayout *layout(pdf *p, const char *t, double size, int bold,
                           double width, const char *family)
{
    PangoLayout *l = pango_cairo_create_layout(p->cr);
    PangoFontDescription *f = pango_font_description_from_string(family ? family : FONT);

    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(l, t ? t : "", -1);
    return l;
}

static double height_of(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

static double content_width(const pdf *p) { return p->pw - p->ml - p->mr; }

/* Draw @l at (x, y) in grey level @grey (0 black). */
static void show(pdf *p, PangoLayout *l, double x, double y, double grey)
{
    cairo_set_source_rgb(p->cr, grey, grey, grey);
    cairo_move_to(p->cr, x, y);
    pango_cairo_show_layout(p->cr, l);
}

/* ---- pages -------------------------------------------------------------------- */

static void header_footer(pdf *p)
{
    char left[600], right[64];
    PangoLayout *l;

    snprintf(left, sizeof left, "%s  |  Service quality compliance report  |  %s",
             p->chk.carrier, p->period);
    l = layout(p, left, 7, 0, content_width(p) - 60, NULL);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    show(p, l, p->ml, p->mt - 28, 0.35);
    g_object_unref(l);
    cairo_set_source_rgb(p->cr, 0.7, 0.7, 0.7);
    cairo_set_line_width(p->cr, 0.5);
    cairo_move_to(p->cr, p->ml, p->mt - 16);
    cairo_line_to(p->cr, p->pw - p->mr, p->mt - 16);
    cairo_stroke(p->cr);
    if (p->total)
        snprintf(right, sizeof right, "page %d of %d", p->page, p->total);
    else
        snprintf(right, sizeof right, "page %d", p->page);
    l = layout(p, right, 7, 0, 0, NULL);
    pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    show(p, l, p->pw - p->mr - 60, p->ph - p->mb + 18, 0.35);
    g_object_unref(l);
    snprintf(left, sizeof left, "ombud %s; figures from the stored findings, "
             "evidence by file and line", p->chk.tool_version);
    l = layout(p, left, 7, 0, 0, NULL);
    show(p, l, p->ml, p->ph - p->mb + 18, 0.35);
    g_object_unref(l);
}

static void new_page(pdf *p)
{
    if (p->page)
        cairo_show_page(p->cr);
    p->page++;
    header_footer(p);
    p->y = p->mt;
}

/* Make sure @need points fit below the cursor; else start a page. */
static void ensure(pdf *p, double need)
{
    if (p->y + need > p->ph - p->mb)
        new_page(p);
}

/* A paragraph across the content width; returns its height. */
static double para(pdf *p, const char *t, double size, int bold, double grey)
{
    PangoLayout *l = layout(p, t, size, bold, content_width(p), NULL);
    double h = height_of(l);

    ensure(p, h);
    show(p, l, p->ml, p->y, grey);
    p->y += h + size * 0.5;
    g_object_unref(l);
    return h;
}

/* ---- figures as text ------------------------------------------------------------- */

/* 1234567 minor units as "12,345.67 USD". */
static char *money_text(const pdf *p, int64_t minor, char *buf, size_t size)
{
    char plain[32], grouped[48];
    const char *dot;
    size_t n = 0, intlen;

    ombud_amount_format(minor, p->digits, plain, sizeof plain);
    dot = strchr(plain, '.');
    intlen = dot ? (size_t)(dot - plain) : strlen(plain);
    for (size_t i = 0; i < intlen; i++) {
        size_t left = intlen - i;
        grouped[n++] = plain[i];
        if (left > 1 && left % 3 == 1 && plain[i] != '-')
            grouped[n++] = ',';
    }
    snprintf(grouped + n, sizeof grouped - n, "%s", dot ? dot : "");
    snprintf(buf, size, "%s %s", grouped, p->chk.currency);
    return buf;
}

/* A figure in its unit as people read it. */
static char *value_text(const pdf *p, int64_t v, const char *unit, char *buf,
                        size_t size)
{
    if (!unit || !strcmp(unit, "count"))
        snprintf(buf, size, "%lld", (long long)v);
    else if (!strcmp(unit, "s"))
        ombud_duration_format(v, buf, size);
    else if (!strcmp(unit, "bp"))
        snprintf(buf, size, "%lld.%02lld%%", (long long)(v / 100),
                 (long long)(v % 100));
    else
        money_text(p, v, buf, size);
    return buf;
}

/* ---- tables ---------------------------------------------------------------------- */

/* A column: its title, share of the content width, and alignment. */
typedef struct col {
    const char *title;
    double share;
    int right;             /* right-aligned (numbers) */
    int mono;              /* monospace (checksums) */
} col;

typedef struct table {
    const col *cols;
    int n;
    double size;           /* font size */
} table;

#define PAD 3.0

/* Lay out one row's cells; returns its height. */
static double row_layouts(pdf *p, const table *t, const char *const *cells,
                          int bold, PangoLayout **out)
{
    double h = 0;

    for (int c = 0; c < t->n; c++) {
        double w = content_width(p) * t->cols[c].share - 2 * PAD;
        out[c] = layout(p, cells[c], t->size, bold, w,
                        t->cols[c].mono ? MONO : NULL);
        if (t->cols[c].right)
            pango_layout_set_alignment(out[c], PANGO_ALIGN_RIGHT);
        if (height_of(out[c]) > h)
            h = height_of(out[c]);
    }
    return h + 2 * PAD;
}

/* Draw a laid-out row at the cursor; @status colours a PASS/FAIL cell. */
static void draw_row(pdf *p, const table *t, PangoLayout **cells, double h,
                     int shaded, int status_col, const char *status)
{
    double x = p->ml;

    if (shaded) {
        cairo_set_source_rgb(p->cr, 0.87, 0.90, 0.95);
        cairo_rectangle(p->cr, p->ml, p->y, content_width(p), h);
        cairo_fill(p->cr);
    }
    for (int c = 0; c < t->n; c++) {
        double w = content_width(p) * t->cols[c].share;
        int fail = c == status_col && status && !strcmp(status, "FAIL");
        if (c == status_col && status) {
            /* Colour and the word itself, so it reads in black and white. */
            if (fail)
                cairo_set_source_rgb(p->cr, 0.75, 0.10, 0.10);
            else
                cairo_set_source_rgb(p->cr, 0.12, 0.50, 0.22);
            cairo_rectangle(p->cr, x + 1, p->y + 1, w - 2, h - 2);
            cairo_fill(p->cr);
        }
        show(p, cells[c], x + PAD, p->y + PAD, c == status_col && status ? 1 : 0);
        g_object_unref(cells[c]);
        x += w;
    }
    cairo_set_source_rgb(p->cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(p->cr, 0.4);
    cairo_move_to(p->cr, p->ml, p->y + h);
    cairo_line_to(p->cr, p->ml + content_width(p), p->y + h);
    cairo_stroke(p->cr);
    p->y += h;
}

static void table_header(pdf *p, const table *t)
{
    PangoLayout *cells[16];
    const char *titles[16];
    double h;

    for (int c = 0; c < t->n; c++)
        titles[c] = t->cols[c].title;
    h = row_layouts(p, t, titles, 1, cells);
    draw_row(p, t, cells, h, 1, -1, NULL);
}

/*
 * One row: on a new page when it does not fit (with the header again).
 * A row taller than a page is cut by its cells' own height limit.
 */
static void table_row(pdf *p, const table *t, const char *const *cells,
                      int status_col, const char *status)
{
    PangoLayout *l[16];
    double h = row_layouts(p, t, cells, 0, l);

    if (p->y + h > p->ph - p->mb) {
        for (int c = 0; c < t->n; c++)
            g_object_unref(l[c]);
        new_page(p);
        table_header(p, t);
        h = row_layouts(p, t, cells, 0, l);
    }
    draw_row(p, t, l, h, 0, status_col, status);
}

/* Start a table: its header, with room for at least one row below. */
static void table_start(pdf *p, const table *t, double first_row)
{
    ensure(p, 24 + first_row);
    table_header(p, t);
}

/* ---- cover and summary ----------------------------------------------------------- */

static void cover(pdf *p)
{
    char line[800], owed[64], end[32];
    int failed = 0;
    int64_t amount = 0;
    ombud_tm tm;

    for (int i = 0; i < p->nres; i++) {
        failed += strcmp(p->res[i].status, "PASS") != 0;
        amount += p->res[i].r.amount;
    }
    ombud_tm_from_instant(p->tz, p->chk.to - 1, &tm);
    snprintf(end, sizeof end, "%04d-%02d-%02d", tm.year, tm.month, tm.day);
    new_page(p);
    p->y = p->mt + 90;
    para(p, "Service quality compliance report", 24, 1, 0);
    p->y += 10;
    para(p, p->chk.carrier, 16, 1, 0.15);
    snprintf(line, sizeof line, "Filed with the %s", p->chk.commission);
    para(p, line, 12, 0, 0.15);
    if (p->chk.docket[0]) {
        snprintf(line, sizeof line, "Docket %s", p->chk.docket);
        para(p, line, 12, 0, 0.15);
    }
    p->y += 24;
    snprintf(line, sizeof line, "Period: %s (%s)", p->period, p->chk.tz);
    para(p, line, 11, 0, 0);
    snprintf(line, sizeof line, "Prepared by: %s", p->chk.prepared_by[0] ?
             p->chk.prepared_by : "-");
    para(p, line, 11, 0, 0);
    snprintf(line, sizeof line, "Date: %s (end of the period)", end);
    para(p, line, 11, 0, 0);
    p->y += 30;
    snprintf(line, sizeof line, "%d of %d guarantees breached; %s in credits "
             "owed", failed, p->nres, money_text(p, amount, owed, sizeof owed));
    para(p, line, 14, 1, 0);
    p->y += 40;
    para(p, "Every figure in this report was computed by ombud from the input "
         "files listed under \"Inputs and integrity\", identified by their "
         "SHA-256 checksums. Each breach names the file and line of the rows "
         "that prove it. The complete list of breaches is in the companion "
         "XLSX workbook.", 9, 0, 0.25);
}

static void summary(pdf *p)
{
    static const col cols[] = {
        {"Guarantee", 0.12, 0, 0}, {"Promise as advertised (source)", 0.25, 0, 0},
        {"Measured", 0.21, 0, 0}, {"Target", 0.16, 0, 0}, {"Status", 0.07, 0, 0},
        {"Breaches", 0.08, 1, 0}, {"Owed", 0.11, 1, 0}};
    table t = {cols, 7, 7.5};
    char promise[1400], n[32], owed[64];

    new_page(p);
    para(p, "Summary", 16, 1, 0);
    table_start(p, &t, 30);
    for (int i = 0; i < p->nres; i++) {
        const presult *r = &p->res[i];
        const char *cells[7];
        snprintf(promise, sizeof promise, "\"%s\" (%s)", r->promise, r->source);
        snprintf(n, sizeof n, "%lld", (long long)r->r.breaches);
        cells[0] = r->gid;
        cells[1] = promise;
        cells[2] = r->r.measured_text;
        cells[3] = r->r.target_text;
        cells[4] = r->status;
        cells[5] = n;
        cells[6] = money_text(p, r->r.amount, owed, sizeof owed);
        table_row(p, &t, cells, 4, r->status);
    }
}

/* ---- charts of a guarantee ------------------------------------------------------- */

typedef struct hm { int64_t calls[168], live[168]; } hm;
static int hm_calls(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < 168) ((hm *)ud)->calls[k] = v; return 0; }
static int hm_live(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < 168) ((hm *)ud)->live[k] = v; return 0; }

/* Series or figures gathered as labelled values for a chart. */
typedef struct points {
    char labels[400][24];
    const char *lp[400];
    double v[400], limit[400];
    int n, total;
    int want;               /* figures: 0 duration, 1 limit */
} points;

static int daily_point(void *ud, int64_t k, int64_t v)
{
    points *pt = ud;
    int y, m, d;

    pt->total++;
    if (pt->n == 400)
        return 0;
    ombud_civil_from_days(k, &y, &m, &d);
    snprintf(pt->labels[pt->n], 24, "%02d-%02d", m, d);
    pt->lp[pt->n] = pt->labels[pt->n];
    pt->v[pt->n++] = (double)v / 10000.0;
    return 0;
}

static int duration_point(void *ud, const char *subject, const char *name,
                          int64_t v, const char *unit)
{
    points *pt = ud;

    (void)unit;
    if (!strcmp(name, "duration")) {
        pt->total++;
        if (pt->n >= CHART_BARS)
            return 0;
        snprintf(pt->labels[pt->n], 24, "%s", subject);
        pt->lp[pt->n] = pt->labels[pt->n];
        pt->v[pt->n++] = (double)v / 3600.0;
    } else if (!strcmp(name, "limit") && pt->n > 0 && pt->n <= CHART_BARS) {
        pt->limit[pt->n - 1] = (double)v / 3600.0;
    }
    return 0;
}

/* The chart a guarantee's kind calls for, if any, at the cursor. */
static void chart(pdf *p, const presult *r)
{
    double w = content_width(p), h = 170;
    points *pt;
    char note[120];

    if (!strcmp(r->kind, "live_support")) {
        hm m = {{0}, {0}};
        ombud_store_each_series(p->st, r->id, "heatmap.calls", hm_calls, &m);
        ombud_store_each_series(p->st, r->id, "heatmap.live", hm_live, &m);
        ensure(p, h + 30);
        para(p, "Live-answer share by hour of the week", 9, 1, 0);
        ombud_chart_heatmap(p->cr, p->ml, p->y + 10, w, h, m.calls, m.live);
        p->y += h + 18;
        return;
    }
    if (strcmp(r->kind, "answer_time") && strcmp(r->kind, "restoration"))
        return;
    if (!(pt = calloc(1, sizeof *pt)))
        return;
    if (!strcmp(r->kind, "answer_time"))
        ombud_store_each_series(p->st, r->id, "daily.level", daily_point, pt);
    else
        ombud_store_each_figure(p->st, r->id, duration_point, pt);
    if (pt->n) {
        ensure(p, h + 40);
        if (!strcmp(r->kind, "answer_time")) {
            para(p, "Daily service level against the target", 9, 1, 0);
            ombud_chart_line(p->cr, p->ml, p->y, w, h, pt->lp, pt->v, pt->n,
                             (double)r->r.target / 10000.0,
                             "answered in time", "day (local)");
        } else {
            para(p, "Outage durations against the limit", 9, 1, 0);
            ombud_chart_bars(p->cr, p->ml, p->y, w, h, pt->lp, pt->v, pt->n,
                             pt->limit[0], "hours", "outage");
        }
        p->y += h + 8;
        if (pt->total > pt->n) {
            snprintf(note, sizeof note, "The chart shows %d of %d; all are in "
                     "the XLSX workbook.", pt->n, pt->total);
            para(p, note, 7, 0, 0.3);
        }
    }
    free(pt);
}

/* ---- guarantee sections ---------------------------------------------------------- */

typedef struct btab {
    pdf *p;
    table t;
    int shown;
} btab;

/* Evidence for a PDF cell: at most ~240 characters, the rest in the XLSX. */
static void short_refs(const char *refs, int64_t n, char *buf, size_t size)
{
    size_t len = strlen(refs);

    if (len < 240) {
        snprintf(buf, size, "%s", refs);
        return;
    }
    len = 200;
    while (len > 0 && refs[len] != ',')
        len--;
    snprintf(buf, size, "%.*s ... (%lld rows in all; see the XLSX)", (int)len,
             refs, (long long)n);
}

static int breach_row(void *ud, const ombud_breach *b, const char *refs,
                      int64_t n)
{
    btab *bt = ud;
    char when[40] = "", m[64], l[64], ev[400];
    const char *cells[6];

    if (bt->shown == BREACH_ROWS)
        return 1;
    if (b->at != OMBUD_TIME_NONE)
        ombud_local_format(bt->p->tz, b->at, when, sizeof when);
    value_text(bt->p, b->measured, b->unit, m, sizeof m);
    value_text(bt->p, b->limit, b->unit, l, sizeof l);
    short_refs(refs, n, ev, sizeof ev);
    cells[0] = b->subject;
    cells[1] = when;
    cells[2] = m;
    cells[3] = l;
    cells[4] = b->detail;
    cells[5] = ev;
    table_row(bt->p, &bt->t, cells, -1, NULL);
    bt->shown++;
    return 0;
}

static void section(pdf *p, const presult *r)
{
    static const col cols[] = {
        {"Subject", 0.12, 0, 0}, {"When (local)", 0.15, 0, 0},
        {"Measured", 0.10, 1, 0}, {"Limit", 0.10, 1, 0},
        {"What happened", 0.35, 0, 0}, {"Evidence (file:line)", 0.18, 0, 0}};
    btab bt = {p, {cols, 6, 7}, 0};
    char line[1400];

    /* Heading, result and method with room for the first rows below, so a
     * heading is never left alone at the foot of a page. */
    ensure(p, r->r.breaches ? 230 : 120);
    p->y += 8;
    snprintf(line, sizeof line, "%s: \"%s\"", r->gid, r->promise);
    para(p, line, 13, 1, 0);
    snprintf(line, sizeof line, "Published in: %s. Kind of guarantee: %s.",
             r->source, r->kind);
    para(p, line, 8.5, 0, 0.2);
    snprintf(line, sizeof line, "%s. Measured: %s. Target: %s. Breaches: %lld.",
             r->status, r->r.measured_text, r->r.target_text,
             (long long)r->r.breaches);
    para(p, line, 9, 1, strcmp(r->status, "PASS") ? 0.0 : 0.0);
    snprintf(line, sizeof line, "How it was measured: %s", r->r.method);
    para(p, line, 8, 0, 0.2);
    chart(p, r);
    if (!r->r.breaches) {
        para(p, "No breaches.", 8.5, 0, 0);
        return;
    }
    table_start(p, &bt.t, 30);
    ombud_store_each_breach(p->st, r->id, breach_row, &bt);
    if (r->r.breaches > bt.shown) {
        snprintf(line, sizeof line, "%lld more breaches are listed in the XLSX "
                 "workbook (sheet \"%s\").", (long long)(r->r.breaches - bt.shown),
                 r->gid);
        p->y += 4;
        para(p, line, 8, 0, 0.25);
    }
}

/* ---- inputs and certification -------------------------------------------------- */

static int input_row(void *ud, const ombud_source_row *s)
{
    btab *bt = ud;
    char rd[24], st[24], rj[24], ok[8];
    const char *cells[7];

    snprintf(rd, sizeof rd, "%lld", (long long)s->counts.read);
    snprintf(st, sizeof st, "%lld", (long long)s->counts.stored);
    snprintf(rj, sizeof rj, "%lld", (long long)s->counts.rejected);
    snprintf(ok, sizeof ok, "%s", s->counts.read == s->counts.stored +
             s->counts.rejected ? "yes" : "NO");
    cells[0] = s->name;
    cells[1] = s->kind;
    cells[2] = s->sha256;
    cells[3] = rd;
    cells[4] = st;
    cells[5] = rj;
    cells[6] = ok;
    table_row(bt->p, &bt->t, cells, -1, NULL);
    return 0;
}

static void inputs(pdf *p)
{
    static const col cols[] = {
        {"File", 0.13, 0, 0}, {"Kind", 0.07, 0, 0}, {"SHA-256", 0.46, 0, 1},
        {"Read", 0.07, 1, 0}, {"Stored", 0.08, 1, 0}, {"Rejected", 0.10, 1, 0},
        {"Balanced", 0.09, 0, 0}};
    btab bt = {p, {cols, 7, 6.5}, 0};
    char line[1400];

    new_page(p);
    para(p, "Inputs and integrity", 16, 1, 0);
    para(p, "Every input row was either stored or rejected with its reason; "
         "\"Balanced\" confirms read = stored + rejected for each file. "
         "Rejected rows are listed in the XLSX workbook.", 8.5, 0, 0.2);
    table_start(p, &bt.t, 20);
    ombud_store_each_source(p->st, input_row, &bt);
    p->y += 10;
    snprintf(line, sizeof line, "Guarantees file: %s\nSHA-256: %s",
             p->chk.guarantees, p->chk.guarantees_sha256);
    para(p, line, 8, 0, 0);
    snprintf(line, sizeof line, "Produced by ombud %s. Times are local to %s. "
             "Durations are in hours and minutes; money in %s.",
             p->chk.tool_version, p->chk.tz, p->chk.currency);
    para(p, line, 8, 0, 0);
}

static void certification(pdf *p)
{
    static const char *const blanks[] = {"Name", "Title", "Signature", "Date"};
    char line[2000];

    new_page(p);
    para(p, "Certification", 16, 1, 0);
    p->y += 6;
    snprintf(line, sizeof line, "I certify that the figures in this report "
             "for %s, for the period %s, were derived by ombud %s from the "
             "input files listed under \"Inputs and integrity\", whose SHA-256 "
             "checksums are stated there, according to the guarantees file "
             "%s and the methods stated for each guarantee, and that the "
             "evidence references name the rows of those files on which each "
             "finding rests.", p->chk.carrier, p->period, p->chk.tool_version,
             p->chk.guarantees);
    para(p, line, 10, 0, 0);
    p->y += 30;
    for (int i = 0; i < 4; i++) {
        PangoLayout *l = layout(p, blanks[i], 10, 0, 0, NULL);
        ensure(p, 40);
        show(p, l, p->ml, p->y, 0);
        g_object_unref(l);
        cairo_set_source_rgb(p->cr, 0, 0, 0);
        cairo_set_line_width(p->cr, 0.6);
        cairo_move_to(p->cr, p->ml + 70, p->y + 12);
        cairo_line_to(p->cr, p->ml + 360, p->y + 12);
        cairo_stroke(p->cr);
        p->y += 40;
    }
}

ombud_err ombud_paper_parse(const char *s, ombud_paper *out)
{
    if (!g_ascii_strcasecmp(s, "letter"))
        *out = OMBUD_PAPER_LETTER;
    else if (!g_ascii_strcasecmp(s, "a4"))
        *out = OMBUD_PAPER_A4;
    else
        return OMBUD_E_USAGE;
    return OMBUD_OK;
}

/* ---- the document ------------------------------------------------------------------ */

static int copy_result(void *ud, const ombud_result_row *r)
{
    pdf *p = ud;
    presult *c;

    if (p->nres == MAX_RESULTS)
        return 1;
    c = &p->res[p->nres++];
    c->id = r->id;
    c->gid = strdup(r->guarantee_id);
    c->kind = strdup(r->kind);
    c->promise = strdup(r->promise);
    c->source = strdup(r->source);
    c->status = strdup(r->status ? r->status : "");
    c->r = r->r;
    c->r.unit = NULL;
    return 0;
}

static void render(pdf *p, cairo_surface_t *surf)
{
    p->surf = surf;
    p->cr = cairo_create(surf);
    p->page = 0;
    cover(p);
    summary(p);
    new_page(p);
    para(p, "Findings by guarantee", 16, 1, 0);
    for (int i = 0; i < p->nres; i++)
        section(p, &p->res[i]);
    inputs(p);
    certification(p);
    cairo_show_page(p->cr);
    cairo_destroy(p->cr);
    p->cr = NULL;
}

static cairo_status_t discard(void *closure, const unsigned char *data,
                              unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/* Title, author, dates: the dates are the period's end, never the clock. */
static void metadata(pdf *p, cairo_surface_t *surf)
{
    char date[32], subject[700], keywords[200], creator[64];
    ombud_tm tm;

    ombud_tm_from_instant(NULL, p->chk.to, &tm);
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
             tm.month, tm.day, tm.hour, tm.min, tm.sec);
    snprintf(subject, sizeof subject, "%s: service quality findings for the "
             "%s, %s", p->chk.carrier, p->chk.commission, p->period);
    snprintf(keywords, sizeof keywords, "service quality; compliance; "
             "guarantees SHA-256 %s", p->chk.guarantees_sha256);
    snprintf(creator, sizeof creator, "ombud %s", p->chk.tool_version);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
                                   "Service quality compliance report");
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR,
                                   p->chk.prepared_by[0] ? p->chk.prepared_by : "ombud");
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS, keywords);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, creator);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_MOD_DATE, date);
}

static void free_results(pdf *p)
{
    for (int i = 0; i < p->nres; i++) {
        presult *r = &p->res[i];
        free(r->gid);
        free(r->kind);
        free(r->promise);
        free(r->source);
        free(r->status);
    }
}

/*
 * Give back the font caches pango, cairo and fontconfig keep for the life
 * of the process. Harmless (they are rebuilt on next use) and it keeps the
 * leak checkers (ASan, valgrind) able to vouch for ombud's own memory:
 * fontconfig's caches hold pointers they cannot follow.
 */
static void release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
}

/* Lay out twice (count, then draw) into @tmp. */
static ombud_err write_pdf(pdf *p, const char *tmp)
{
    cairo_surface_t *surf;
    cairo_status_t status;

    surf = cairo_pdf_surface_create_for_stream(discard, NULL, p->pw, p->ph);
    render(p, surf);
    p->total = p->page;
    cairo_surface_destroy(surf);
    surf = cairo_pdf_surface_create(tmp, p->pw, p->ph);
    metadata(p, surf);
    render(p, surf);
    cairo_surface_finish(surf);
    status = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    if (status != CAIRO_STATUS_SUCCESS)
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s",
                           tmp, cairo_status_to_string(status));
    return OMBUD_OK;
}

ombud_err ombud_report_pdf(ombud_store *st, int64_t check_id, const char *path,
                           ombud_paper paper)
{
    pdf *p = calloc(1, sizeof *p);
    char tmp[4200];
    ombud_err err;

    if (!p)
        return OMBUD_E_NOMEM;
    p->st = st;
    if ((err = ombud_store_check_get(st, check_id, &p->chk))) {
        free(p);
        return err == OMBUD_E_DATA ? ombud_error(err, NULL, "no findings in "
               "the store: run ombud check first") : err;
    }
    if (ombud_tz_open(p->chk.tz, &p->tz))
        ombud_tz_open("UTC", &p->tz);
    p->digits = ombud_currency_digits(p->chk.currency);
    ombud_period_format(p->tz, p->chk.from, p->chk.to, p->period, sizeof p->period);
    p->pw = paper == OMBUD_PAPER_A4 ? 595.28 : 612;
    p->ph = paper == OMBUD_PAPER_A4 ? 841.89 : 792;
    p->ml = 72;   /* an inch on the left for binding */
    p->mr = 50;
    p->mt = 64;
    p->mb = 56;
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (!(err = ombud_store_each_result(st, p->chk.id, copy_result, p)))
        err = write_pdf(p, tmp);
    if (!err && rename(tmp, path) != 0)
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s", path,
                          strerror(errno));
    if (err)
        unlink(tmp);
    free_results(p);
    ombud_tz_free(p->tz);
    free(p);
    release_fonts();
    return err;
}
