/*
 * pdfdoc.c - page flow, text, tables and output for the PDF reports.
 * See pdfdoc.h for the model.
 */
#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include "ombud/diag.h"
#include "ombud/evidence.h"
#include "ombud/i18n.h"
#include "ombud/ingest.h"
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
    PangoAttrList *al;

    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    /* A word broken for want of room is broken, never hyphenated: a
     * hyphen added to "appointments" or to an id reads as part of it. */
    al = pango_attr_list_new();
    pango_attr_list_insert(al, pango_attr_insert_hyphens_new(FALSE));
    pango_layout_set_attributes(l, al);
    pango_attr_list_unref(al);
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
    const double rgb[3] = {grey, grey, grey};

    pdoc_show_rgb(d, l, x, y, rgb);
}

void pdoc_show_rgb(pdoc *d, PangoLayout *l, double x, double y,
                   const double *rgb)
{
    if (d->rtl) {
        int w = pango_layout_get_width(l), h;
        if (w < 0)
            pango_layout_get_size(l, &w, &h);
        x = pdoc_mx(d, x, (double)w / PANGO_SCALE);
    }
    cairo_set_source_rgb(d->cr, rgb[0], rgb[1], rgb[2]);
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

void pdoc_short_refs(const char *refs, int64_t n, int64_t shown, char *buf,
                     size_t size)
{
    size_t len = strlen(refs);

    if (len < 240 && len < size) {
        ombud_evidence_refs_text(refs, n, shown, buf, size);
        return;
    }
    /* Cut at a comma: references are ASCII-separated, so UTF-8 stays whole. */
    len = 200 < size / 2 ? 200 : size / 2;
    while (len > 0 && refs[len] != ',')
        len--;
    snprintf(buf, size, _("%.*s ... (%lld rows in all; see the XLSX)"),
             (int)len, refs, (long long)n);
}

/* A cell of references: six or seven lines of a table column at most. */
#define REFS_MAX 200

void pdoc_refs(pdoc *d, const char *refs, int64_t n, int64_t shown, char *buf,
               size_t size)
{
    char raw[400];

    if (!ombud_evidence_compact(refs, n, shown, 1, buf, size < REFS_MAX
                                ? size : REFS_MAX))
        return;
    /* Not the store's references (or no memory): as they came. */
    pdoc_short_refs(refs ? refs : "", n, shown, raw, sizeof raw);
    snprintf(buf, size, "%s", pdoc_iso(d, raw));
    ombud_utf8_trim(buf);
}

/* ---- tables ---------------------------------------------------------------------- */

/*
 * How a cell may break across lines. pango finds the break opportunities
 * of the text (UAX #14); a column's kind keeps some and takes the others
 * away by putting a WORD JOINER there (pango 1.50's allow-breaks
 * attribute only stops breaks between characters, not at these). The
 * joiners and the ZERO WIDTH SPACEs that open a checksum's group breaks
 * draw nothing and are not in the text a PDF reader extracts.
 */
#define WJ "\xe2\x81\xa0"
#define ZWSP "\xe2\x80\x8b"
#define BADGE_PAD 2.0         /* points around a status word in its badge */
#define CHECKSUM_GROUP 16     /* a checksum breaks only between such groups */

typedef enum brk {
    BRK_PROSE,                /* at words, never right after a hyphen */
    BRK_TOKEN,                /* never */
    BRK_REFS,                 /* at spaces outside names and "(...)" */
    BRK_CHECKSUM,             /* between groups of CHECKSUM_GROUP */
    BRK_LOOSE                 /* wherever pango would (a last resort) */
} brk;

static brk col_brk(const pdoc_col *col, int header)
{
    if (header)
        return BRK_PROSE;
    if (col->flags & PDOC_COL_CHECKSUM)
        return BRK_CHECKSUM;
    if (col->flags & PDOC_COL_REFS)
        return BRK_REFS;
    if (col->flags & (PDOC_COL_TOKEN | PDOC_COL_BADGE))
        return BRK_TOKEN;
    return BRK_PROSE;
}

/* May a line break before a character, after @p prev, inside @p iso
 * isolates and @p paren parentheses? */
static int may_break(brk b, gunichar prev, int iso, int paren)
{
    switch (b) {
    case BRK_PROSE:
        return prev != '-' && prev != 0x2010;
    case BRK_REFS:
        return prev == ' ' && !iso && !paren;
    case BRK_LOOSE:
        return 1;
    default:
        return 0;
    }
}

/* @p t (valid UTF-8) with its breaks limited to @p b's (malloc), or NULL
 * when out of memory (then @p t is drawn as it is). */
static char *with_breaks(const char *t, brk b)
{
    size_t len = strlen(t);
    int n = (int)g_utf8_strlen(t, -1), iso = 0, paren = 0;
    PangoLogAttr *a = malloc(sizeof *a * (size_t)(n + 1));
    char *out = malloc(len * 4 + 4), *o = out;
    const char *s = t;
    gunichar prev = 0;

    if (!a || !out) {
        free(a);
        free(out);
        return NULL;
    }
    pango_get_log_attrs(t, (int)len, -1, pango_language_from_string("en"), a,
                        n + 1);
    for (int i = 0; i < n; i++) {
        gunichar c = g_utf8_get_char(s);
        const char *next = g_utf8_next_char(s);
        if (i > 0 && a[i].is_line_break && !a[i].is_mandatory_break &&
            !may_break(b, prev, iso, paren)) {
            memcpy(o, WJ, 3);
            o += 3;
        }
        if (b == BRK_CHECKSUM && i > 0 && i % CHECKSUM_GROUP == 0) {
            memcpy(o, ZWSP, 3);
            o += 3;
        }
        memcpy(o, s, (size_t)(next - s));
        o += next - s;
        iso += c >= 0x2066 && c <= 0x2068;
        iso -= c == 0x2069 && iso > 0;
        paren += c == '(' && !iso;
        paren -= c == ')' && !iso && paren > 0;
        prev = c;
        s = next;
    }
    *o = '\0';
    free(a);
    return out;
}

/* Evidence: the file names (the isolates) in monospace, as ids are. */
static void mono_names(PangoLayout *l, const char *t)
{
    PangoAttrList *al = pango_attr_list_copy(pango_layout_get_attributes(l));
    const char *s = t, *open = NULL;
    int depth = 0;

    if (!al)
        al = pango_attr_list_new();
    for (; *s; s = g_utf8_next_char(s)) {
        gunichar c = g_utf8_get_char(s);
        if (c >= 0x2066 && c <= 0x2068 && depth++ == 0)
            open = s;
        if (c == 0x2069 && depth > 0 && --depth == 0) {
            PangoAttribute *f = pango_attr_family_new(PDOC_MONO);
            f->start_index = (guint)(open - t);
            f->end_index = (guint)(g_utf8_next_char(s) - t);
            pango_attr_list_insert(al, f);
        }
    }
    pango_layout_set_attributes(l, al);
    pango_attr_list_unref(al);
}

static double col_width(const pdoc *d, const pdoc_table *t, int c)
{
    if (d->fit.cols == t->cols && d->fit.fitted && d->fit.w[c] > 0)
        return d->fit.w[c];
    return pdoc_width(d) * t->cols[c].share;
}

/* The text a cell shows: a title in the current language, or the cell,
 * isolated when it is input text; escaped as set_text() would, so that
 * byte offsets hold in what pango gets. Free with free(). */
static char *cell_text(pdoc *d, const pdoc_col *col, const char *cell,
                       int header)
{
    const char *t = header ? _(col->title) : (col->flags & PDOC_COL_INPUT)
                    ? pdoc_iso(d, cell) : cell;
    int nomem;
    char *safe = ombud_xml_text(t ? t : "", &nomem);

    return safe ? safe : strdup(nomem ? "" : t ? t : "");
}

/* One try at a cell: @p step 0 as it is; 1 and 2 smaller; 3 smaller
 * still, an id or a reference broken where the words would; 4 broken
 * between any characters (never with a hyphen added), so that nothing is
 * ever drawn over the next column. */
static PangoLayout *cell_try(pdoc *d, const pdoc_table *t, int c,
                             const char *text, int header, double width,
                             int step)
{
    static const double scale[] = {1, 0.9, 0.8, 0.75, 0.75};
    const pdoc_col *col = &t->cols[c];
    brk b = col_brk(col, header);
    int mono = !header && (col->flags & (PDOC_COL_MONO | PDOC_COL_CHECKSUM));
    char *marked;
    PangoLayout *l;

    if (step >= 3 && (b == BRK_TOKEN || b == BRK_REFS))
        b = BRK_LOOSE;
    marked = with_breaks(text, b);
    l = pdoc_layout(d, marked ? marked : text, t->size * scale[step],
                    header || (col->flags & PDOC_COL_BADGE), width,
                    mono ? PDOC_MONO : NULL);
    if (width > 0)
        pango_layout_set_wrap(l, step == 4 ? PANGO_WRAP_WORD_CHAR
                                           : PANGO_WRAP_WORD);
    if (!header && (col->flags & PDOC_COL_REFS))
        mono_names(l, marked ? marked : text);
    if (col->right && width > 0)
        pango_layout_set_alignment(l, d->rtl ? PANGO_ALIGN_LEFT
                                             : PANGO_ALIGN_RIGHT);
    free(marked);
    return l;
}

/* The layout's widest line, points. */
static double layout_w(PangoLayout *l)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    return (double)r.width / PANGO_SCALE;
}

/* A cell laid out in @p width (< 0: on one line), smaller or broken
 * further only when it would not fit. */
static PangoLayout *cell_layout(pdoc *d, const pdoc_table *t, int c,
                                const char *cell, int header, double width)
{
    char *text = cell_text(d, &t->cols[c], cell, header);
    PangoLayout *l = NULL;

    for (int step = 0; step < 5; step++) {
        if (l)
            g_object_unref(l);
        l = cell_try(d, t, c, text ? text : "", header, width, step);
        if (width <= 0 || layout_w(l) <= width + 0.25)
            break;
    }
    free(text);
    return l;
}

/* ---- column widths ----------------------------------------------------------------- */

/* Widest unbreakable part of a cell (its lines laid out 1 pt wide), and
 * the cell on one line, into lo and hi (and the row's one). */
static void measure_cell(pdoc *d, const pdoc_table *t, int c,
                         const char *cell, int header)
{
    pdoc_fit *f = &d->fit;
    char *text = cell_text(d, &t->cols[c], cell, header);
    double pad = 2 * PAD + ((t->cols[c].flags & PDOC_COL_BADGE) && !header
                            ? 2 * BADGE_PAD : 0) + 0.5;
    PangoLayout *l = cell_try(d, t, c, text ? text : "", header, 1, 0);

    f->pad[c] = pad;
    if (layout_w(l) + pad > f->lo[c])
        f->lo[c] = layout_w(l) + pad;
    g_object_unref(l);
    if (!header) {
        l = cell_try(d, t, c, text ? text : "", header, -1, 0);
        if (layout_w(l) + pad > f->hi[c])
            f->hi[c] = layout_w(l) + pad;
        if (f->nrows < PDOC_FIT_ROWS)
            f->one[f->nrows][c] = layout_w(l);
        g_object_unref(l);
    }
    free(text);
}

void pdoc_table_measure(pdoc *d, const pdoc_table *t,
                        const char *const *cells)
{
    assert(t->n <= PDOC_MAX_COLS);
    if (d->fit.cols != t->cols || d->fit.fitted) {
        memset(&d->fit, 0, sizeof d->fit);
        d->fit.cols = t->cols;
    }
    for (int c = 0; c < t->n; c++)
        if (!(t->cols[c].flags & PDOC_COL_BELOW))
            measure_cell(d, t, c, cells[c], 0);
    d->fit.nrows += d->fit.nrows < PDOC_FIT_ROWS;
}

/* Lines a cell @p one points long on one line takes in @p w: an estimate
 * (a line wrapped at words is filled to about nine tenths). */
static double est_lines(double one, double w, double pad)
{
    double room = (w - pad) * 0.9;

    if (one <= w - pad)
        return 1;
    return room > 1 ? ceil(one / room) : one;
}

/* The measured rows' lines in all, each row as tall as its tallest cell,
 * were the columns @p w wide. */
static double rows_lines(const pdoc_fit *f, const pdoc_table *t,
                         const double *w)
{
    double sum = 0;

    for (int r = 0; r < f->nrows; r++) {
        double most = 1;
        for (int c = 0; c < t->n; c++) {
            double n;
            if (t->cols[c].flags & PDOC_COL_BELOW)
                continue;
            n = est_lines(f->one[r][c], w[c], f->pad[c]);
            most = n > most ? n : most;
        }
        sum += most;
    }
    return sum;
}

/* The best split of columns @p a and @p b's joint width, in steps of
 * 2 pt, each within its lo and hi; the current one when none is better.
 * Returns 1 when it moved. */
static int balance_pair(pdoc_fit *f, const pdoc_table *t, int a, int b)
{
    double w[PDOC_MAX_COLS], both = f->w[a] + f->w[b], best, best_a = f->w[a];

    memcpy(w, f->w, sizeof w);
    best = rows_lines(f, t, w);
    for (double wa = f->lo[a]; wa <= f->hi[a] && both - wa >= f->lo[b];
         wa += 2) {
        double lines;
        w[a] = wa;
        w[b] = both - wa;
        if (w[b] > f->hi[b])
            continue;
        lines = rows_lines(f, t, w);
        if (lines < best - 0.5) {
            best = lines;
            best_a = wa;
        }
    }
    if (best_a == f->w[a])
        return 0;
    f->w[a] = best_a;
    f->w[b] = both - best_a;
    return 1;
}

/* Move width between the columns that wrap while it saves lines: a long
 * evidence cell and a long sentence share the room they both need. */
static void balance(pdoc_fit *f, const pdoc_table *t)
{
    int moved = 1;

    for (int round = 0; round < 8 && moved; round++) {
        moved = 0;
        for (int a = 0; a < t->n; a++)
            for (int b = a + 1; b < t->n; b++)
                if (!((t->cols[a].flags | t->cols[b].flags) & PDOC_COL_BELOW)
                    && (f->w[a] < f->hi[a] || f->w[b] < f->hi[b]))
                    moved |= balance_pair(f, t, a, b);
    }
}

/* Give @p extra points to the columns that can use them (below their hi),
 * by share; what none can use goes to all by share. */
static void spread(pdoc_fit *f, const pdoc_table *t, double extra)
{
    for (int round = 0; round < PDOC_MAX_COLS && extra > 0.01; round++) {
        double share = 0, given = 0;
        for (int c = 0; c < t->n; c++)
            if (f->w[c] > 0 && f->w[c] < f->hi[c])
                share += t->cols[c].share;
        if (share <= 0)
            break;
        for (int c = 0; c < t->n; c++) {
            double add;
            if (!(f->w[c] > 0 && f->w[c] < f->hi[c]))
                continue;
            add = extra * t->cols[c].share / share;
            if (f->w[c] + add > f->hi[c])
                add = f->hi[c] - f->w[c];
            f->w[c] += add;
            given += add;
        }
        extra -= given;
    }
    if (extra > 0.01) {
        double share = 0;
        for (int c = 0; c < t->n; c++)
            share += f->w[c] > 0 ? t->cols[c].share : 0;
        for (int c = 0; c < t->n && share > 0; c++)
            if (f->w[c] > 0)
                f->w[c] += extra * t->cols[c].share / share;
    }
}

/* Take @p excess points from the columns wider than their lo, in
 * proportion to what each can give. */
static void squeeze(pdoc_fit *f, const pdoc_table *t, double excess)
{
    double slack = 0;

    for (int c = 0; c < t->n; c++)
        if (f->w[c] > f->lo[c])
            slack += f->w[c] - f->lo[c];
    for (int c = 0; c < t->n && slack > 0; c++)
        if (f->w[c] > f->lo[c])
            f->w[c] -= excess * (f->w[c] - f->lo[c]) / slack;
}

void pdoc_table_fit(pdoc *d, const pdoc_table *t)
{
    pdoc_fit *f = &d->fit;
    double width = pdoc_width(d), share = 0, lo = 0, sum = 0;

    assert(t->n <= PDOC_MAX_COLS);
    if (f->cols != t->cols || f->fitted) {   /* no row measured */
        memset(f, 0, sizeof *f);
        f->cols = t->cols;
    }
    f->fitted = 1;
    for (int c = 0; c < t->n; c++) {
        if (t->cols[c].flags & PDOC_COL_BELOW)
            continue;
        measure_cell(d, t, c, NULL, 1);
        /* A name wider than half the page is set smaller or broken in
         * any case: it does not take the other columns' room with it. */
        if (f->lo[c] > width / 2)
            f->lo[c] = width / 2;
        if (f->hi[c] < f->lo[c])
            f->hi[c] = f->lo[c];
        share += t->cols[c].share;
        lo += f->lo[c];
    }
    if (share <= 0)
        return;
    for (int c = 0; c < t->n; c++) {
        double w;
        if (t->cols[c].flags & PDOC_COL_BELOW)
            continue;
        if (lo >= width) {    /* cannot fit: each cell shrinks to fit */
            f->w[c] = f->lo[c] * width / lo;
            continue;
        }
        /* Its share, but no narrower than its widest id and no wider
         * than its widest cell. */
        w = width * t->cols[c].share / share;
        w = w < f->lo[c] ? f->lo[c] : w > f->hi[c] ? f->hi[c] : w;
        f->w[c] = w;
        sum += w;
    }
    if (lo >= width)
        return;
    if (sum > width)
        squeeze(f, t, sum - width);
    else
        spread(f, t, width - sum);
    balance(f, t);
}

/* ---- rows ---------------------------------------------------------------------------- */

/* A row laid out: its cells, and their titles for those under the row. */
typedef struct prow {
    PangoLayout *l[PDOC_MAX_COLS];
    PangoLayout *title[PDOC_MAX_COLS];
    double top;               /* from the row's top to the cells' text end */
    double h;                 /* the whole row */
} prow;

/* A cell drawn under the row: its title, then the value beside it. */
static void below_layouts(pdoc *d, const pdoc_table *t, int c,
                          const char *cell, prow *r)
{
    double w;

    r->title[c] = pdoc_layout(d, _(t->cols[c].title), t->size, 1, 0, NULL);
    w = pdoc_width(d) - 2 * PAD - layout_w(r->title[c]) - 4;
    r->l[c] = cell_layout(d, t, c, cell, 0, w);
}

static void row_layouts(pdoc *d, const pdoc_table *t, const char *const *cells,
                        int header, prow *r)
{
    double top = 0, below = 0;

    for (int c = 0; c < t->n; c++) {
        const pdoc_col *col = &t->cols[c];
        int badge = !header && (col->flags & PDOC_COL_BADGE);
        r->l[c] = r->title[c] = NULL;
        if (col->flags & PDOC_COL_BELOW) {
            if (!header) {
                below_layouts(d, t, c, cells[c], r);
                below += 1 + pdoc_height(r->l[c]);
            }
            continue;
        }
        /* A badge is as wide as its word, on one line. */
        r->l[c] = cell_layout(d, t, c, header ? NULL : cells[c], header,
                              badge ? -1 : col_width(d, t, c) - 2 * PAD);
        if (pdoc_height(r->l[c]) > top)
            top = pdoc_height(r->l[c]);
    }
    r->top = PAD + top;
    r->h = r->top + below + PAD;
}

static void free_row(const pdoc_table *t, prow *r)
{
    for (int c = 0; c < t->n; c++) {
        if (r->l[c])
            g_object_unref(r->l[c]);
        if (r->title[c])
            g_object_unref(r->title[c]);
    }
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h,
                         double rad)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - rad, y + rad, rad, -G_PI / 2, 0);
    cairo_arc(cr, x + w - rad, y + h - rad, rad, 0, G_PI / 2);
    cairo_arc(cr, x + rad, y + h - rad, rad, G_PI / 2, G_PI);
    cairo_arc(cr, x + rad, y + rad, rad, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

/* The status word in a small box of its colour, at the top of the row:
 * colour and the word itself, so it reads in black and white. */
static void badge(pdoc *d, PangoLayout *l, double x, double y,
                  const char *status)
{
    PangoRectangle r;
    double w, h;

    pango_layout_get_extents(l, NULL, &r);
    w = (double)r.width / PANGO_SCALE + 2 * BADGE_PAD;
    h = (double)r.height / PANGO_SCALE + 1;
    if (!strcmp(status, "FAIL"))
        cairo_set_source_rgb(d->cr, 0.75, 0.10, 0.10);
    else if (!strcmp(status, "NO DATA"))
        cairo_set_source_rgb(d->cr, 0.40, 0.40, 0.40);
    else if (!strcmp(status, "REPORTABLE"))
        cairo_set_source_rgb(d->cr, 0.72, 0.42, 0.02);
    else if (!strcmp(status, "MEASURED"))
        cairo_set_source_rgb(d->cr, 0.16, 0.36, 0.62);
    else
        cairo_set_source_rgb(d->cr, 0.12, 0.50, 0.22);
    rounded_rect(d->cr, pdoc_mx(d, x, w), y - 0.5, w, h, 2);
    cairo_fill(d->cr);
    pdoc_show(d, l, x + BADGE_PAD, y, 1);
}

static void draw_row(pdoc *d, const pdoc_table *t, prow *r, int shaded,
                     int status_col, const char *status)
{
    double x = d->ml, y = d->y + r->top;

    if (shaded) {
        cairo_set_source_rgb(d->cr, 0.87, 0.90, 0.95);
        cairo_rectangle(d->cr, pdoc_mx(d, d->ml, pdoc_width(d)), d->y,
                        pdoc_width(d), r->h);
        cairo_fill(d->cr);
    }
    for (int c = 0; c < t->n; c++) {
        if (t->cols[c].flags & PDOC_COL_BELOW)
            continue;
        if (c == status_col && status && r->l[c])
            badge(d, r->l[c], x + PAD, d->y + PAD, status);
        else
            pdoc_show(d, r->l[c], x + PAD, d->y + PAD, 0);
        x += col_width(d, t, c);
    }
    for (int c = 0; c < t->n; c++) {
        double tw;
        if (!r->l[c] || !r->title[c])
            continue;
        y += 1;
        tw = layout_w(r->title[c]);
        pdoc_show(d, r->title[c], d->ml + PAD, y, 0.35);
        pdoc_show(d, r->l[c], d->ml + PAD + tw + 4, y, 0);
        y += pdoc_height(r->l[c]);
    }
    free_row(t, r);
    cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
    cairo_set_line_width(d->cr, 0.4);
    pdoc_hline(d, d->ml, d->ml + pdoc_width(d), d->y + r->h);
    d->y += r->h;
}

static void table_header(pdoc *d, const pdoc_table *t)
{
    prow r;

    row_layouts(d, t, NULL, 1, &r);
    draw_row(d, t, &r, 1, -1, NULL);
}

void pdoc_table_row(pdoc *d, const pdoc_table *t, const char *const *cells,
                    int status_col, const char *status)
{
    prow r;

    row_layouts(d, t, cells, 0, &r);
    if (d->y + r.h > d->ph - d->mb) {
        free_row(t, &r);
        pdoc_new_page(d);
        table_header(d, t);
        row_layouts(d, t, cells, 0, &r);
    }
    draw_row(d, t, &r, 0, status_col, status);
}

void pdoc_table_start(pdoc *d, const pdoc_table *t, double first_row)
{
    pdoc_ensure(d, 24 + first_row);
    table_header(d, t);
}

void pdoc_table_start_with(pdoc *d, const pdoc_table *t,
                           const char *const *first)
{
    prow r;
    double h;

    row_layouts(d, t, first, 0, &r);
    h = r.h;
    free_row(t, &r);
    pdoc_table_start(d, t, h);
}

/* ---- the sources table both reports end with ---------------------------------- */

/* The sources table and what its rows are drawn into. */
typedef struct srctab {
    pdoc *d;
    const pdoc_table *t;
    int measuring;            /* 1: only measure the rows */
} srctab;

/* The checksum goes under its file's row, whole: beside the counts it
 * had to break. */
static const pdoc_col source_cols[] = {
    {N_("File"), 0.22, 0, PDOC_COL_INPUT | PDOC_COL_TOKEN | PDOC_COL_MONO},
    {N_("Kind"), 0.14, 0, 0},
    {N_("Read"), 0.12, 1, PDOC_COL_TOKEN}, {N_("Stored"), 0.12, 1, PDOC_COL_TOKEN},
    {N_("Rejected"), 0.12, 1, PDOC_COL_TOKEN},
    {N_("Counted"), 0.12, 1, PDOC_COL_TOKEN},
    {N_("Balanced"), 0.12, 0, 0},
    {"SHA-256", 0, 0, PDOC_COL_CHECKSUM | PDOC_COL_BELOW}};

static int source_row(void *ud, const ombud_source_row *s)
{
    srctab *x = ud;
    char rd[24], st[24], rj[24], ct[24];
    const char *cells[8] = {s->name, ombud_input_label(s->kind), rd, st,
        rj, ct, s->counts.read == s->counts.stored + s->counts.rejected +
        s->counts.counted ? _("yes") : _("NO"), s->sha256};

    ombud_fmt_count(s->counts.read, rd, sizeof rd);
    ombud_fmt_count(s->counts.stored, st, sizeof st);
    ombud_fmt_count(s->counts.rejected, rj, sizeof rj);
    ombud_fmt_count(s->counts.counted, ct, sizeof ct);
    if (x->measuring)
        pdoc_table_measure(x->d, x->t, cells);
    else
        pdoc_table_row(x->d, x->t, cells, -1, NULL);
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
             ombud_input_label(s->kind),
             s->notes ? s->notes : "", s->notes && s->settings ? ". " : "",
             s->settings ? _("Site settings applied: ") : "",
             s->settings ? s->settings : "");
    pdoc_para(d, line, 8, 0, 0);
    return 0;
}

void pdoc_sources(pdoc *d, ombud_store *st)
{
    static const pdoc_table t = {source_cols, 8, 6.5};
    srctab x = {d, &t, 1};

    ombud_store_each_source(st, source_row, &x);
    pdoc_table_fit(d, &t);
    x.measuring = 0;
    pdoc_table_start(d, &t, 28);
    ombud_store_each_source(st, source_row, &x);
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
    memset(&d->fit, 0, sizeof d->fit);   /* each pass fits its tables */
    draw(d, ud);
    cairo_show_page(d->cr);
    cairo_destroy(d->cr);
    d->cr = NULL;
}

void pdoc_count(pdoc *d, void (*draw)(pdoc *, void *), void *ud)
{
    cairo_surface_t *surf;

    surf = cairo_pdf_surface_create_for_stream(discard, NULL, d->pw, d->ph);
    run(d, surf, draw, ud);
    d->total = d->page;
    cairo_surface_destroy(surf);
    release_fonts_at_exit();
}

ombud_err pdoc_write(pdoc *d, const char *path, void (*draw)(pdoc *, void *),
                     void *ud, const char *title, const char *author,
                     const char *subject, const char *keywords,
                     const char *creator, const char *date)
{
    pdoc_count(d, draw, ud);
    return pdoc_emit(d, path, draw, ud, title, author, subject, keywords,
                     creator, date);
}

ombud_err pdoc_emit(pdoc *d, const char *path, void (*draw)(pdoc *, void *),
                    void *ud, const char *title, const char *author,
                    const char *subject, const char *keywords,
                    const char *creator, const char *date)
{
    cairo_surface_t *surf;
    cairo_status_t status;
    ombud_outfile of;
    pdf_out out = {NULL, 0};
    ombud_err err;

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
