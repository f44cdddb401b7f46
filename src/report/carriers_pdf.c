/*
 * carriers_pdf.c - the comparison of filings as a PDF (carriers.h).
 *
 * First the filings: a table with each one's number, carrier, period,
 * verify status as a badge, report file, and under each row its report
 * SHA-256, findings digest and verify's reason. Then the figures side by
 * side: a column per filing headed by its number, carrier, period,
 * status and the start of its findings digest (so each figure is read
 * under the digest it comes from), a row per guarantee and figure.
 *
 * Decisions:
 * - The figures' grid is drawn here rather than with pdoc's tables: each
 *   cell of a NOT VERIFIED filing is set grey, struck through and marked
 *   with a cross, and pdoc's tables style a whole table, not a cell. It
 *   uses pdoc's text, pages and mirroring all the same, so a Hebrew page
 *   reads right to left and input text (carrier names) is drawn isolated
 *   (pdoc_iso()) so it cannot reorder the words around it.
 * - Landscape when more than three filings; at most three (portrait) or
 *   six (landscape) filings a grid, further ones in a grid below, each
 *   with the guarantee and figure column again.
 * - Deterministic: the document's dates are the latest period's end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/carriers.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/store.h"
#include "ombud/text.h"
#include "ombud/time.h"
#include "ombud/version.h"
#include "pdfdoc.h"

#define CELL_PAD 3.0
#define TEXT 7.5            /* figures' text size, points */
#define CROSS "\xE2\x9C\x97" /* U+2717 BALLOT X: the mark of a filing
                                NOT VERIFIED */

typedef struct cp {
    pdoc d;
    const ombud_comparison *c;
    int per_grid;           /* filings a grid holds */
} cp;

/* ---- the filings ------------------------------------------------------------- */

static const pdoc_col filing_cols[] = {
    {"#", 0.05, 0, PDOC_COL_TOKEN},
    {N_("Carrier"), 0.25, 0, PDOC_COL_INPUT},
    {N_("Period"), 0.22, 0, 0},
    {N_("Verify status"), 0.18, 0, PDOC_COL_BADGE},
    {N_("Report"), 0.30, 0, PDOC_COL_INPUT | PDOC_COL_MONO},
    {N_("Report SHA-256"), 0, 0, PDOC_COL_CHECKSUM | PDOC_COL_BELOW},
    {N_("Findings digest"), 0, 0, PDOC_COL_CHECKSUM | PDOC_COL_BELOW},
    /* verify's sentence, in English whatever the page's language */
    {N_("Why"), 0, 0, PDOC_COL_BELOW | PDOC_COL_INPUT}};

/* A filings row's texts. */
typedef struct frow {
    char n[16], period[80];
    const char *cells[8];
} frow;

static void filing_cells(const ombud_carrier_filing *f, int i, frow *r)
{
    const char *base = strrchr(f->report, '/');

    snprintf(r->n, sizeof r->n, "%d", i + 1);
    r->cells[0] = r->n;
    r->cells[1] = f->carrier[0] ? f->carrier : _("(carrier unknown)");
    r->cells[2] = ombud_filing_period(f, r->period, sizeof r->period);
    r->cells[3] = f->verified ? _("VERIFIED") : _("NOT VERIFIED");
    r->cells[4] = base ? base + 1 : f->report;
    r->cells[5] = f->report_sha256;
    r->cells[6] = f->findings_sha256;
    r->cells[7] = f->verified ? _("every step matched: the report is the "
                                  "one its inputs give") : f->reason;
}

static void filings(cp *p)
{
    static const pdoc_table t = {filing_cols, 8, 7.5};
    frow r;

    for (int i = 0; i < p->c->nf; i++) {
        filing_cells(p->c->f[i], i, &r);
        pdoc_table_measure(&p->d, &t, r.cells);
    }
    pdoc_table_fit(&p->d, &t);
    filing_cells(p->c->f[0], 0, &r);
    pdoc_table_start_with(&p->d, &t, r.cells);
    for (int i = 0; i < p->c->nf; i++) {
        filing_cells(p->c->f[i], i, &r);
        pdoc_table_row(&p->d, &t, r.cells, 3, p->c->f[i]->verified ? "PASS"
                       : "FAIL");
    }
}

/* ---- the grid of figures ------------------------------------------------------- */

/* The colour a verdict is written in (the badges' colours). */
static void verdict_rgb(int pass, double *rgb)
{
    static const double c[5][3] = {{0.75, 0.10, 0.10}, {0.12, 0.50, 0.22},
                                   {0.40, 0.40, 0.40}, {0.72, 0.42, 0.02},
                                   {0.16, 0.36, 0.62}};

    memcpy(rgb, c[pass >= 0 && pass < 5 ? pass : 0], sizeof c[0]);
}

/* Strike a layout's text through: the flag of a NOT VERIFIED filing. */
static void strike(PangoLayout *l)
{
    PangoAttrList *al = pango_attr_list_copy(pango_layout_get_attributes(l));

    if (!al)
        al = pango_attr_list_new();
    pango_attr_list_insert(al, pango_attr_strikethrough_new(TRUE));
    pango_layout_set_attributes(l, al);
    pango_attr_list_unref(al);
}

typedef struct grid {
    int first, n;           /* the filings it shows */
    double w0, wc;          /* label column, each filing's column, points */
} grid;

/* A column's x (left-to-right terms; pdoc mirrors on a right-to-left page). */
static double col_x(const cp *p, const grid *g, int k)
{
    return p->d.ml + g->w0 + g->wc * k;
}

/* The head of filing @i's column: number and carrier, period, status,
 * start of the findings digest. Drawn at the cursor when @draw, else
 * only measured. @return its height. */
static double column_head(cp *p, const grid *g, int k, int draw)
{
    const ombud_carrier_filing *f = p->c->f[g->first + k];
    double x = col_x(p, g, k) + CELL_PAD, w = g->wc - 2 * CELL_PAD, y = 0;
    char line[400], period[80];
    PangoLayout *l;

    /* "1." isolated too: on a right-to-left page it would read ".1". */
    snprintf(period, sizeof period, "%d.", g->first + k + 1);
    snprintf(line, sizeof line, "%s %s", pdoc_iso(&p->d, period),
             pdoc_iso(&p->d, f->carrier[0] ? f->carrier :
                      _("(carrier unknown)")));
    for (int part = 0; part < 4; part++) {
        double grey = 0;
        int bold = part == 0 || part == 2;
        if (part == 1)
            snprintf(line, sizeof line, "%s", ombud_filing_period(f, period,
                     sizeof period));
        else if (part == 2)
            snprintf(line, sizeof line, f->verified ? "%s" : CROSS " %s",
                     f->verified ? _("VERIFIED") : _("NOT VERIFIED"));
        else if (part == 3)
            snprintf(line, sizeof line, _("findings %.16s..."),
                     f->findings_sha256);
        l = pdoc_layout(&p->d, line, part ? 6.5 : 7.5, bold, w,
                        part == 3 ? PDOC_MONO : NULL);
        if (draw) {
            if (part == 3)
                grey = 0.35;
            if (part == 2) {
                double rgb[3];
                verdict_rgb(f->verified ? OMBUD_PASS : OMBUD_FAIL, rgb);
                pdoc_show_rgb(&p->d, l, x, p->d.y + y, rgb);
            } else {
                pdoc_show(&p->d, l, x, p->d.y + y, grey);
            }
        }
        y += pdoc_height(l) + 1;
        g_object_unref(l);
    }
    return y + CELL_PAD;
}

static void grid_head(cp *p, const grid *g)
{
    double h = 0;
    PangoLayout *l;

    for (int k = 0; k < g->n; k++) {
        double hk = column_head(p, g, k, 0);
        if (hk > h)
            h = hk;
    }
    h += CELL_PAD;
    pdoc_ensure(&p->d, h + 60);
    cairo_set_source_rgb(p->d.cr, 0.87, 0.90, 0.95);
    cairo_rectangle(p->d.cr, pdoc_mx(&p->d, p->d.ml, pdoc_width(&p->d)),
                    p->d.y, pdoc_width(&p->d), h);
    cairo_fill(p->d.cr);
    l = pdoc_layout(&p->d, _("Guarantee and figure"), 7.5, 1, g->w0 - 6, NULL);
    pdoc_show(&p->d, l, p->d.ml + CELL_PAD, p->d.y + CELL_PAD, 0);
    g_object_unref(l);
    for (int k = 0; k < g->n; k++) {
        double y0 = p->d.y;
        p->d.y += CELL_PAD;
        column_head(p, g, k, 1);
        p->d.y = y0;
    }
    p->d.y += h;
    cairo_set_source_rgb(p->d.cr, 0.5, 0.5, 0.5);
    cairo_set_line_width(p->d.cr, 0.6);
    pdoc_hline(&p->d, p->d.ml, p->d.ml + pdoc_width(&p->d), p->d.y);
}

/* The layout of figure @k of guarantee @gi of filing @i, flagged when the
 * filing is NOT VERIFIED. (g_object_unref) */
static PangoLayout *figure_layout(cp *p, const grid *g, int i, int gi, int k)
{
    const ombud_carrier_filing *f = p->c->f[i];
    char text[720], shown[740];
    PangoLayout *l;

    ombud_figure_text(f, gi, k, text, sizeof text);
    if (!f->derived || !f->fig[gi].present)
        snprintf(text, sizeof text, "%s", k == OMBUD_FIGURE_STATUS ?
                 _("not re-derived") : "");
    /* The words are in the filing's language, maybe not the page's. */
    if (k == OMBUD_FIGURE_WORDS && text[0])
        snprintf(text, sizeof text, "%s", pdoc_iso(&p->d, text));
    snprintf(shown, sizeof shown, f->verified || !text[0] ||
             !strcmp(text, "-") ? "%s" : "%s " CROSS, text);
    l = pdoc_layout(&p->d, shown, k == OMBUD_FIGURE_WORDS ? 6.5 : TEXT,
                    k == OMBUD_FIGURE_STATUS, g->wc - 2 * CELL_PAD, NULL);
    if (!f->verified && text[0])
        strike(l);
    return l;
}

/* One figure row: the label, then each filing's cell. */
static void figure_row(cp *p, const grid *g, int gi, int k)
{
    PangoLayout *label, *cells[OMBUD_CARRIERS_MAX];
    double h;

    label = pdoc_layout(&p->d, ombud_figure_label(k), TEXT, 0,
                        g->w0 - 2 * CELL_PAD - 8, NULL);
    h = pdoc_height(label);
    for (int k2 = 0; k2 < g->n; k2++) {
        cells[k2] = figure_layout(p, g, g->first + k2, gi, k);
        if (pdoc_height(cells[k2]) > h)
            h = pdoc_height(cells[k2]);
    }
    h += 2 * CELL_PAD;
    if (p->d.y + h > p->d.ph - p->d.mb) {
        pdoc_new_page(&p->d);
        grid_head(p, g);
    }
    pdoc_show(&p->d, label, p->d.ml + CELL_PAD + 8, p->d.y + CELL_PAD, 0.3);
    g_object_unref(label);
    for (int k2 = 0; k2 < g->n; k2++) {
        const ombud_carrier_filing *f = p->c->f[g->first + k2];
        double x = col_x(p, g, k2) + CELL_PAD, rgb[3];
        if (!f->verified) {
            cairo_set_source_rgb(p->d.cr, 0.93, 0.93, 0.93);
            cairo_rectangle(p->d.cr, pdoc_mx(&p->d, col_x(p, g, k2), g->wc),
                            p->d.y, g->wc, h);
            cairo_fill(p->d.cr);
            pdoc_show(&p->d, cells[k2], x, p->d.y + CELL_PAD, 0.45);
        } else if (k == OMBUD_FIGURE_STATUS && f->derived &&
                   f->fig[gi].present) {
            verdict_rgb(f->fig[gi].pass, rgb);
            pdoc_show_rgb(&p->d, cells[k2], x, p->d.y + CELL_PAD, rgb);
        } else {
            pdoc_show(&p->d, cells[k2], x, p->d.y + CELL_PAD, 0);
        }
        g_object_unref(cells[k2]);
    }
    p->d.y += h;
    cairo_set_source_rgb(p->d.cr, 0.85, 0.85, 0.85);
    cairo_set_line_width(p->d.cr, 0.3);
    pdoc_hline(&p->d, p->d.ml, p->d.ml + pdoc_width(&p->d), p->d.y);
}

/* A guarantee's title row: its id (input text) and its kind in words. */
static void guarantee_row(cp *p, const grid *g, int gi)
{
    const ombud_standard *std = &p->c->std;
    char line[400];
    PangoLayout *l;
    double h;

    snprintf(line, sizeof line, "%s  (%s)", pdoc_iso(&p->d, std->id[gi]),
             ombud_rule_label(std->kind[gi]));
    l = pdoc_layout(&p->d, line, 8.5, 1, pdoc_width(&p->d) - 2 * CELL_PAD,
                    NULL);
    h = pdoc_height(l) + 2 * CELL_PAD;
    /* A title is never left alone at the foot of a page. */
    if (p->d.y + h + 4 * (TEXT + 2 * CELL_PAD) > p->d.ph - p->d.mb) {
        pdoc_new_page(&p->d);
        grid_head(p, g);
    }
    pdoc_show(&p->d, l, p->d.ml + CELL_PAD, p->d.y + CELL_PAD + 2, 0);
    g_object_unref(l);
    p->d.y += h + 2;
}

static void draw_grid(cp *p, int first, int n)
{
    grid g = {first, n, 0, 0};

    g.w0 = pdoc_width(&p->d) * (n > 3 ? 0.16 : 0.22);
    g.wc = (pdoc_width(&p->d) - g.w0) / n;
    p->d.y += 10;
    grid_head(p, &g);
    for (int gi = 0; gi < p->c->std.ng; gi++) {
        guarantee_row(p, &g, gi);
        for (int k = 0; k < OMBUD_FIGURE_ROWS; k++)
            figure_row(p, &g, gi, k);
    }
}

/* ---- the document ------------------------------------------------------------- */

static void draw(pdoc *d, void *ud)
{
    cp *p = ud;
    char line[800];
    int verified = 0;

    (void)d;
    for (int i = 0; i < p->c->nf; i++)
        verified += p->c->f[i]->verified;
    pdoc_new_page(&p->d);
    pdoc_para(&p->d, _("Comparison of filings"), 16, 1, 0);
    snprintf(line, sizeof line, _("%s of %s filings verified."),
             ombud_n(verified), ombud_n(p->c->nf));
    pdoc_para(&p->d, line, 11, 1, 0);
    pdoc_para(&p->d, _("Each filing was verified as 'ombud verify' verifies "
              "it: its input files matched by checksum, its findings "
              "recomputed from them, its report written again and compared "
              "byte for byte. The figures are what each filing's inputs give, "
              "recomputed; a filing NOT VERIFIED is marked with a cross and "
              "its figures struck through in grey: its report is not the one "
              "its inputs give, and the reason says where they differ."),
              8.5, 0, 0.2);
    p->d.y += 4;
    filings(p);
    p->d.y += 8;
    pdoc_para(&p->d, _("Figures side by side"), 13, 1, 0);
    for (int i = 0; i < p->c->nf; i += p->per_grid)
        draw_grid(p, i, p->c->nf - i < p->per_grid ? p->c->nf - i
                  : p->per_grid);
}

/* "ombud-compare 1; filing=REPORT-SHA|FINDINGS|verified; ..." */
static char *keywords(const ombud_comparison *c)
{
    size_t size = 64 + (size_t)c->nf * 160, o;
    char *k = malloc(size);

    if (!k)
        return NULL;
    o = (size_t)snprintf(k, size, "ombud-compare 1; version=%s", OMBUD_VERSION);
    for (int i = 0; i < c->nf && o < size; i++)
        o += (size_t)snprintf(k + o, size - o, "; filing=%s|%s|%s",
                              c->f[i]->report_sha256, c->f[i]->findings_sha256,
                              c->f[i]->verified ? "verified" : "not-verified");
    return k;
}

ombud_err ombud_compare_pdf(const ombud_comparison *c, const char *path,
                            ombud_paper paper)
{
    cp *p = calloc(1, sizeof *p);
    char date[32], creator[64], *kw;
    int64_t end = 0;
    ombud_tm tm;
    ombud_err err;

    if (!p || !(kw = keywords(c))) {
        free(p);
        return OMBUD_E_NOMEM;
    }
    p->c = c;
    pdoc_init(&p->d, paper, "USD");
    if (c->nf > 3) {          /* landscape: the filings side by side */
        double w = p->d.pw;
        p->d.pw = p->d.ph;
        p->d.ph = w;
        p->d.mt = 56;
        p->d.mb = 48;
    }
    p->per_grid = c->nf > 3 ? 6 : 3;
    snprintf(p->d.head, sizeof p->d.head, _("Comparison of filings  |  %s "
             "filings, %s guarantees"), ombud_n(c->nf), ombud_n(c->std.ng));
    snprintf(p->d.foot, sizeof p->d.foot, _("ombud %s; figures re-derived "
             "from each filing's inputs"), OMBUD_VERSION);
    for (int i = 0; i < c->nf; i++)
        if (c->f[i]->to > end)
            end = c->f[i]->to;
    ombud_tm_from_instant(NULL, end, &tm);
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
             tm.month, tm.day, tm.hour, tm.min, tm.sec);
    snprintf(creator, sizeof creator, "ombud %s", OMBUD_VERSION);
    err = pdoc_write(&p->d, path, draw, p, _("Comparison of filings"), "ombud",
                     _("Service quality filings of one standard, side by side"),
                     kw, creator, date);
    pdoc_release(&p->d);
    free(kw);
    free(p);
    return err;
}
