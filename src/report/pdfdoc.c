/*
 * pdfdoc.c - page flow, text, tables and output for the PDF reports.
 * See pdfdoc.h for the model.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/outfile.h"
#include "ombud/rule.h"
#include "ombud/text.h"
#include "ombud/value.h"
#include "pdfdoc.h"

#define PAD 3.0

void pdoc_init(pdoc *d, ombud_paper paper, const char *currency)
{
    memset(d, 0, sizeof *d);
    d->pw = paper == OMBUD_PAPER_A4 ? 595.28 : 612;
    d->ph = paper == OMBUD_PAPER_A4 ? 841.89 : 792;
    d->ml = 72;   /* an inch on the left for binding */
    d->mr = 50;
    d->mt = 64;
    d->mb = 56;
    snprintf(d->currency, sizeof d->currency, "%s", currency ? currency : "USD");
    d->digits = ombud_currency_digits(d->currency);
    d->rtl = ombud_i18n_rtl();
    if (d->rtl) {             /* a right-to-left document is bound on the right */
        d->ml = 50;
        d->mr = 72;
    }
}

/* ---- text ------------------------------------------------------------------ */

const char *pdoc_iso(pdoc *d, const char *s)
{
    char **slot = &d->iso[d->iso_next];

    if (!s)
        return NULL;
    d->iso_next = (d->iso_next + 1) % PDOC_ISO_RING;
    free(*slot);
    *slot = ombud_bidi_isolate(s);
    return *slot ? *slot : "";
}

void pdoc_release(pdoc *d)
{
    for (int i = 0; i < PDOC_ISO_RING; i++) {
        free(d->iso[i]);
        d->iso[i] = NULL;
    }
}

/* Cairo refuses a whole PDF for one noncharacter (U+FFFE in a file name,
 * say: input rows are checked at ingest, file names are not): such
 * characters are drawn visibly as "<U+FFFE>" (ombud_xml_text()). */
static void set_text(PangoLayout *l, const char *t)
{
    int nomem;
    char *safe = ombud_xml_text(t, &nomem);

    pango_layout_set_text(l, nomem ? "" : safe ? safe : t, -1);
    free(safe);
}

PangoLayout *pdoc_layout(pdoc *d, const char *t, double size, int bold,
                         double width, const char *family)
{
    PangoLayout *l = pango_cairo_create_layout(d->cr);
    PangoFontDescription *f = pango_font_description_from_string(family ? family
                                                                 : PDOC_FONT);

    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    if (width > 0) {
        pango_layout_set_width(l, (int)(width * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if (d->rtl) {
        /* Base direction right to left, whatever the first letter: a
         * Hebrew sentence that starts with "TT-4471" still reads RTL. */
        pango_context_set_base_dir(pango_layout_get_context(l),
                                   PANGO_DIRECTION_RTL);
        pango_layout_context_changed(l);
        pango_layout_set_auto_dir(l, FALSE);
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    }
    set_text(l, t ? t : "");
    return l;
}

double pdoc_height(PangoLayout *l)
{
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return (double)h / PANGO_SCALE;
}

double pdoc_width(const pdoc *d) { return d->pw - d->ml - d->mr; }

double pdoc_mx(const pdoc *d, double x, double w)
{
    return d->rtl ? d->pw - x - w : x;
}

void pdoc_hline(pdoc *d, double x0, double x1, double y)
{
    cairo_move_to(d->cr, pdoc_mx(d, x0, 0), y);
    cairo_line_to(d->cr, pdoc_mx(d, x1, 0), y);
    cairo_stroke(d->cr);
}

void pdoc_show(pdoc *d, PangoLayout *l, double x, double y, double grey)
{
    if (d->rtl) {
        int w = pango_layout_get_width(l), h;
        if (w < 0)
            pango_layout_get_size(l, &w, &h);
        x = pdoc_mx(d, x, (double)w / PANGO_SCALE);
    }
    cairo_set_source_rgb(d->cr, grey, grey, grey);
    cairo_move_to(d->cr, x, y);
    pango_cairo_show_layout(d->cr, l);
}

/* ---- pages ----------------------------------------------------------------- */

static void header_footer(pdoc *d)
{
    char right[64];
    PangoLayout *l;

    l = pdoc_layout(d, d->head, 7, 0, pdoc_width(d) - 60, NULL);
    pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
    pdoc_show(d, l, d->ml, d->mt - 28, 0.35);
    g_object_unref(l);
    cairo_set_source_rgb(d->cr, 0.7, 0.7, 0.7);
    cairo_set_line_width(d->cr, 0.5);
    pdoc_hline(d, d->ml, d->pw - d->mr, d->mt - 16);
    if (d->total)
        snprintf(right, sizeof right, _("page %d of %d"), d->page, d->total);
    else
        snprintf(right, sizeof right, _("page %d"), d->page);
    l = pdoc_layout(d, right, 7, 0, 0, NULL);
    pdoc_show(d, l, d->pw - d->mr - 60, d->ph - d->mb + 18, 0.35);
    g_object_unref(l);
    l = pdoc_layout(d, d->foot, 7, 0, 0, NULL);
    pdoc_show(d, l, d->ml, d->ph - d->mb + 18, 0.35);
    g_object_unref(l);
}

void pdoc_new_page(pdoc *d)
{
    if (d->page)
        cairo_show_page(d->cr);
    d->page++;
    header_footer(d);
    d->y = d->mt;
}

void pdoc_ensure(pdoc *d, double need)
{
    if (d->y + need > d->ph - d->mb)
        pdoc_new_page(d);
}

double pdoc_para(pdoc *d, const char *t, double size, int bold, double grey)
{
    PangoLayout *l = pdoc_layout(d, t, size, bold, pdoc_width(d), NULL);
    double h = pdoc_height(l);

    pdoc_ensure(d, h);
    pdoc_show(d, l, d->ml, d->y, grey);
    d->y += h + size * 0.5;
    g_object_unref(l);
    return h;
}

/* ---- figures as text ------------------------------------------------------------ */

char *pdoc_money(const pdoc *d, int64_t minor, char *buf, size_t size)
{
    return ombud_fmt_money(minor, d->digits, d->currency, buf, size);
}

char *pdoc_value(const pdoc *d, int64_t v, const char *unit, char *buf,
                 size_t size)
{
    return ombud_fmt_figure(v, unit, d->digits, d->currency, buf, size);
}

void pdoc_short_refs(const char *refs, int64_t n, char *buf, size_t size)
{
    size_t len = strlen(refs);

    if (len < 240 && len < size) {
        snprintf(buf, size, "%s", refs);
        return;
    }
    /* Cut at a comma: references are ASCII-separated, so UTF-8 stays whole. */
    len = 200 < size / 2 ? 200 : size / 2;
    while (len > 0 && refs[len] != ',')
        len--;
    snprintf(buf, size, _("%.*s ... (%lld rows in all; see the XLSX)"),
             (int)len, refs, (long long)n);
}

/* ---- tables ---------------------------------------------------------------------- */

/* The layouts of a row; @p header: the column titles (ombud's words). */
static double row_layouts(pdoc *d, const pdoc_table *t, const char *const *cells,
                          int header, PangoLayout **out)
{
    double h = 0;

    for (int c = 0; c < t->n; c++) {
        double w = pdoc_width(d) * t->cols[c].share - 2 * PAD;
        int input = !header && (t->cols[c].flags & PDOC_COL_INPUT);
        const char *cell = input ? pdoc_iso(d, cells[c]) : cells[c];
        out[c] = pdoc_layout(d, cell, t->size, header, w,
                             (t->cols[c].flags & PDOC_COL_MONO) ? PDOC_MONO
                                                                : NULL);
        if (t->cols[c].right)
            pango_layout_set_alignment(out[c], d->rtl ? PANGO_ALIGN_LEFT
                                                      : PANGO_ALIGN_RIGHT);
        if (pdoc_height(out[c]) > h)
            h = pdoc_height(out[c]);
    }
    return h + 2 * PAD;
}

static void draw_row(pdoc *d, const pdoc_table *t, PangoLayout **cells,
                     double h, int shaded, int status_col, const char *status)
{
    double x = d->ml;

    if (shaded) {
        cairo_set_source_rgb(d->cr, 0.87, 0.90, 0.95);
        cairo_rectangle(d->cr, pdoc_mx(d, d->ml, pdoc_width(d)), d->y,
                        pdoc_width(d), h);
        cairo_fill(d->cr);
    }
    for (int c = 0; c < t->n; c++) {
        double w = pdoc_width(d) * t->cols[c].share;
        int boxed = c == status_col && status;
        if (boxed) {
            /* Colour and the word itself, so it reads in black and white. */
            if (!strcmp(status, "FAIL"))
                cairo_set_source_rgb(d->cr, 0.75, 0.10, 0.10);
            else if (!strcmp(status, "NO DATA"))
                cairo_set_source_rgb(d->cr, 0.40, 0.40, 0.40);
            else if (!strcmp(status, "REPORTABLE"))
                cairo_set_source_rgb(d->cr, 0.72, 0.42, 0.02);
            else
                cairo_set_source_rgb(d->cr, 0.12, 0.50, 0.22);
            cairo_rectangle(d->cr, pdoc_mx(d, x + 1, w - 2), d->y + 1, w - 2,
                            h - 2);
            cairo_fill(d->cr);
        }
        pdoc_show(d, cells[c], x + PAD, d->y + PAD, boxed ? 1 : 0);
        g_object_unref(cells[c]);
        x += w;
    }
    cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(d->cr, 0.4);
    pdoc_hline(d, d->ml, d->ml + pdoc_width(d), d->y + h);
    d->y += h;
}

static void table_header(pdoc *d, const pdoc_table *t)
{
    PangoLayout *cells[16];
    const char *titles[16];
    double h;

    for (int c = 0; c < t->n; c++)
        titles[c] = _(t->cols[c].title);
    h = row_layouts(d, t, titles, 1, cells);
    draw_row(d, t, cells, h, 1, -1, NULL);
}

void pdoc_table_row(pdoc *d, const pdoc_table *t, const char *const *cells,
                    int status_col, const char *status)
{
    PangoLayout *l[16];
    double h = row_layouts(d, t, cells, 0, l);

    if (d->y + h > d->ph - d->mb) {
        for (int c = 0; c < t->n; c++)
            g_object_unref(l[c]);
        pdoc_new_page(d);
        table_header(d, t);
        h = row_layouts(d, t, cells, 0, l);
    }
    draw_row(d, t, l, h, 0, status_col, status);
}

void pdoc_table_start(pdoc *d, const pdoc_table *t, double first_row)
{
    pdoc_ensure(d, 24 + first_row);
    table_header(d, t);
}

void pdoc_table_start_with(pdoc *d, const pdoc_table *t,
                           const char *const *first)
{
    PangoLayout *l[16];
    double h = row_layouts(d, t, first, 0, l);

    for (int c = 0; c < t->n; c++)
        g_object_unref(l[c]);
    pdoc_table_start(d, t, h);
}

/* ---- the sources table both reports end with ---------------------------------- */

static const pdoc_col source_cols[] = {
    {N_("File"), 0.13, 0, PDOC_COL_INPUT}, {N_("Kind"), 0.08, 0, 0},
    {"SHA-256", 0.37, 0, PDOC_COL_MONO},
    {N_("Read"), 0.07, 1, 0}, {N_("Stored"), 0.08, 1, 0},
    {N_("Rejected"), 0.09, 1, 0}, {N_("Counted"), 0.09, 1, 0},
    {N_("Balanced"), 0.09, 0, 0}};
static const pdoc_table source_table = {source_cols, 8, 6.5};

static int source_row(void *ud, const ombud_source_row *s)
{
    char rd[24], st[24], rj[24], ct[24];
    const char *cells[8] = {s->name, ombud_fmt_source_kind(s->kind), s->sha256,
        rd, st, rj, ct, s->counts.read == s->counts.stored +
        s->counts.rejected + s->counts.counted ? _("yes") : _("NO")};

    ombud_fmt_count(s->counts.read, rd, sizeof rd);
    ombud_fmt_count(s->counts.stored, st, sizeof st);
    ombud_fmt_count(s->counts.rejected, rj, sizeof rj);
    ombud_fmt_count(s->counts.counted, ct, sizeof ct);
    pdoc_table_row(ud, &source_table, cells, -1, NULL);
    return 0;
}

/* A file's notes and settings under the table: what its lines became. */
static int source_note(void *ud, const ombud_source_row *s)
{
    pdoc *d = ud;
    char line[1600];

    if (!s->notes && !s->settings)
        return 0;
    snprintf(line, sizeof line, "%s (%s): %s%s%s%s", pdoc_iso(d, s->name),
             ombud_fmt_source_kind(s->kind),
             s->notes ? s->notes : "", s->notes && s->settings ? ". " : "",
             s->settings ? _("Site settings applied: ") : "",
             s->settings ? s->settings : "");
    pdoc_para(d, line, 8, 0, 0);
    return 0;
}

void pdoc_sources(pdoc *d, ombud_store *st)
{
    pdoc_table_start(d, &source_table, 20);
    ombud_store_each_source(st, source_row, d);
    d->y += 6;
    ombud_store_each_source(st, source_note, d);
}

/* ---- output ------------------------------------------------------------------------ */

static cairo_status_t discard(void *closure, const unsigned char *data,
                              unsigned int length)
{
    (void)closure;
    (void)data;
    (void)length;
    return CAIRO_STATUS_SUCCESS;
}

/*
 * Give back the font caches pango, cairo and fontconfig keep for the life
 * of the process, so that the leak checkers (ASan, valgrind) can vouch for
 * ombud's own memory: fontconfig's caches hold pointers they cannot follow.
 * Once, at exit: cairo_debug_reset_static_data() is allowed only when no
 * cairo object is alive, which after each document is not always so (a
 * process writing tens of reports failed cairo's assertion).
 */
static void release_fonts(void)
{
    pango_cairo_font_map_set_default(NULL);
    cairo_debug_reset_static_data();
    FcFini();
}

static void release_fonts_at_exit(void)
{
    static int registered;

    if (!registered && atexit(release_fonts) == 0)
        registered = 1;
}

/*
 * Where the PDF goes. cairo does not notice a failed write to a file it
 * opened itself (a full disk gave a cut-short PDF and success), so the
 * bytes come through here and every write is checked.
 */
typedef struct pdf_out {
    FILE *fp;
    int err;                    /* errno of the first failed write, or 0 */
} pdf_out;

static cairo_status_t write_out(void *closure, const unsigned char *data,
                                unsigned int length)
{
    pdf_out *o = closure;

    if (o->err)
        return CAIRO_STATUS_WRITE_ERROR;
    if (fwrite(data, 1, length, o->fp) != length) {
        o->err = errno ? errno : EIO;
        return CAIRO_STATUS_WRITE_ERROR;
    }
    return CAIRO_STATUS_SUCCESS;
}

static void run(pdoc *d, cairo_surface_t *surf, void (*draw)(pdoc *, void *),
                void *ud)
{
    d->cr = cairo_create(surf);
    d->page = 0;
    draw(d, ud);
    cairo_show_page(d->cr);
    cairo_destroy(d->cr);
    d->cr = NULL;
}

ombud_err pdoc_write(pdoc *d, const char *path, void (*draw)(pdoc *, void *),
                     void *ud, const char *title, const char *author,
                     const char *subject, const char *keywords,
                     const char *creator, const char *date)
{
    cairo_surface_t *surf;
    cairo_status_t status;
    ombud_outfile of;
    pdf_out out = {NULL, 0};
    ombud_err err;

    surf = cairo_pdf_surface_create_for_stream(discard, NULL, d->pw, d->ph);
    run(d, surf, draw, ud);
    d->total = d->page;
    cairo_surface_destroy(surf);
    release_fonts_at_exit();
    if ((err = ombud_outfile_open(&of, path)))
        return err;
    if (!(out.fp = ombud_outfile_stream(&of))) {
        ombud_outfile_abort(&of, NULL);
        return ombud_error(OMBUD_E_NOMEM, NULL, "cannot write %s: out of "
                           "memory", path);
    }
    surf = cairo_pdf_surface_create_for_stream(write_out, &out, d->pw, d->ph);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_AUTHOR, author);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_SUBJECT, subject);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_KEYWORDS, keywords);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, creator);
    /* The period's end, never the clock: same findings, same bytes. */
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_MOD_DATE, date);
    run(d, surf, draw, ud);
    cairo_surface_finish(surf);
    status = cairo_surface_status(surf);
    cairo_surface_destroy(surf);
    if (out.err || status != CAIRO_STATUS_SUCCESS) {
        ombud_outfile_abort(&of, out.fp);
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s", path,
                          out.err ? strerror(out.err)
                                  : cairo_status_to_string(status));
    } else {
        err = ombud_outfile_commit(&of, out.fp);
    }
    return err;
}
