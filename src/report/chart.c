/*
 * chart.c - heat map, line and bar charts and the dossier's timeline for
 * the PDF, with cairo.
 *
 * Kept deliberately small: fixed styles, no configuration. Text goes
 * through pango so any label (a Hebrew outage id included) renders. The
 * charts must read when printed in black and white, so colour is never
 * the only carrier of meaning: cells print their numbers, the target line
 * is dashed, bars over the limit are hatched.
 *
 * They must also read at any size of data: 3 outages or 40 of 400, a
 * week of calls or a month. So no text is placed blindly: every label is
 * measured first, and chart_layout.c decides which axis labels are drawn
 * (every k-th, upright or turned along the axis), which calls share a
 * timeline marker (with their count beside it) and how a legend breaks
 * into lines; a value is printed on its bar only when it fits there, and
 * a bar above zero is never thinner than a hairline. In a right-to-left
 * language the legends run from the right; time still runs left to right.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <pango/pangocairo.h>

#include "ombud/chart.h"
#include "ombud/i18n.h"

#define PI 3.14159265358979323846
#define MIN_BAR 1.5     /* points: the least a bar above zero is drawn */
#define LABEL_GAP 3     /* points between two upright axis labels */

/* ---- text --------------------------------------------------------------------- */

/* Flags of a text: bold; ombud's own (translated) words, which read right
 * to left in a right-to-left language, unlike an input's label such as
 * "TT-4471", which keeps the direction of its own letters. */
enum { T_BOLD = 1, T_OURS = 2 };

/* A layout of @t, @size points; wrapped at @wrap points when > 0. The
 * caller unrefs it. */
static PangoLayout *layout(cairo_t *cr, const char *t, double size, int flags,
                           double wrap)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *f = pango_font_description_from_string(OMBUD_CHART_FONT);

    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (flags & T_BOLD)
        pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    if (wrap > 0) {
        pango_layout_set_width(l, (int)(wrap * PANGO_SCALE));
        pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    }
    if ((flags & T_OURS) && ombud_i18n_rtl()) {
        pango_context_set_base_dir(pango_layout_get_context(l),
                                   PANGO_DIRECTION_RTL);
        pango_layout_context_changed(l);
        pango_layout_set_auto_dir(l, FALSE);
        pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
    }
    pango_layout_set_text(l, t, -1);
    return l;
}

/* The extent of @l's ink-independent (logical) box, in points. */
static void extent(PangoLayout *l, double *w, double *h)
{
    PangoRectangle r;

    pango_layout_get_extents(l, NULL, &r);
    if (w)
        *w = (double)(r.x + r.width) / PANGO_SCALE;
    if (h)
        *h = (double)r.height / PANGO_SCALE;
}

static double text_width(cairo_t *cr, const char *t, double size, int flags)
{
    PangoLayout *l = layout(cr, t, size, flags, 0);
    double w;

    extent(l, &w, NULL);
    g_object_unref(l);
    return w;
}

/* Draw @l with its top-left (@align 0), top-centre (1) or top-right (2)
 * at (x, y). */
static void show(cairo_t *cr, PangoLayout *l, double x, double y, int align)
{
    double w;

    extent(l, &w, NULL);
    cairo_move_to(cr, x - (align ? w / (align == 1 ? 2 : 1) : 0), y);
    pango_cairo_show_layout(cr, l);
    /* pango leaves the current point; a later arc would join it. */
    cairo_new_path(cr);
}

/* Draw @t, @size points, placed as show() does; returns its width. */
static double text(cairo_t *cr, double x, double y, const char *t, double size,
                   int align, int flags)
{
    PangoLayout *l = layout(cr, t, size, flags, 0);
    double w;

    extent(l, &w, NULL);
    show(cr, l, x, y, align);
    g_object_unref(l);
    return w;
}

/* Where text @w wide starting at @x goes: rightwards, or, when that
 * would pass @hi, ending at @x; never left of @lo. Returns its left. */
static double place(double x, double w, double lo, double hi)
{
    double l = x + w <= hi ? x : x - w;

    return l < lo ? lo : l;
}

/* ---- glyphs and legends ----------------------------------------------------------- */

/* Every sample a legend shows, drawn by glyph(). */
typedef enum glyph_id {
    G_ANSWERED = OMBUD_TL_ANSWERED, G_TRANSFERRED = OMBUD_TL_TRANSFERRED,
    G_CLOSED = OMBUD_TL_CLOSED, G_NOBODY = OMBUD_TL_NOBODY,
    G_PROMISE, G_NIGHT, G_WEEKEND, G_COUNT, G_LIMIT, G_OVER, G_WITHIN,
    G_MEASURE, G_TARGET
} glyph_id;

static const double dash[] = {4, 3};

/* The hatching of a bar over its limit, inside (x, y, w, h). */
static void hatch(cairo_t *cr, double x, double y, double w, double h)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_set_line_width(cr, 0.7);
    for (double d = -h; d < w; d += 4) {
        cairo_move_to(cr, x + d, y + h);
        cairo_line_to(cr, x + d + h, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

/* A bar: red and hatched over the limit, else light blue. */
static void bar(cairo_t *cr, double x, double y, double w, double h, int over)
{
    cairo_rectangle(cr, x, y, w, h);
    if (over)
        cairo_set_source_rgb(cr, 0.75, 0.22, 0.17);
    else
        cairo_set_source_rgb(cr, 0.55, 0.70, 0.85);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    if (over && w > 2)
        hatch(cr, x, y, w, h);
}

/* One call mark, @r points above and below (x, y): shape and colour both
 * say the outcome. */
static void call_mark(cairo_t *cr, double x, double y, ombud_tl_kind k, double r)
{
    cairo_new_path(cr);
    cairo_set_line_width(cr, 1.2);
    switch (k) {
    case OMBUD_TL_ANSWERED:
    case OMBUD_TL_TRANSFERRED:
        if (k == OMBUD_TL_ANSWERED)
            cairo_set_source_rgb(cr, 0.10, 0.55, 0.25);
        else
            cairo_set_source_rgb(cr, 0.15, 0.35, 0.75);
        cairo_move_to(cr, x, y - r);
        cairo_line_to(cr, x, y + r);
        cairo_stroke(cr);
        if (k == OMBUD_TL_TRANSFERRED) {
            cairo_arc(cr, x, y - r - 1.2, 1.6, 0, 2 * PI);
            cairo_fill(cr);
        }
        break;
    case OMBUD_TL_CLOSED:
        cairo_set_source_rgb(cr, 0.80, 0.10, 0.10);
        cairo_move_to(cr, x - r * 0.7, y - r * 0.7);
        cairo_line_to(cr, x + r * 0.7, y + r * 0.7);
        cairo_move_to(cr, x - r * 0.7, y + r * 0.7);
        cairo_line_to(cr, x + r * 0.7, y - r * 0.7);
        cairo_stroke(cr);
        break;
    case OMBUD_TL_NOBODY:
        cairo_set_source_rgb(cr, 0.90, 0.50, 0.05);
        cairo_arc(cr, x, y, r * 0.7, 0, 2 * PI);
        cairo_stroke(cr);
        break;
    }
}

/* A promised restoration time: a purple triangle pointing down at (x, y). */
static void promise_mark(cairo_t *cr, double x, double y)
{
    cairo_new_path(cr);
    cairo_set_source_rgb(cr, 0.45, 0.10, 0.55);
    cairo_move_to(cr, x - 4, y - 5);
    cairo_line_to(cr, x + 4, y - 5);
    cairo_line_to(cr, x, y + 2);
    cairo_close_path(cr);
    cairo_fill(cr);
}

static void night_colour(cairo_t *cr) { cairo_set_source_rgba(cr, 0.35, 0.35, 0.35, 0.16); }
static void weekend_colour(cairo_t *cr) { cairo_set_source_rgb(cr, 0.86, 0.91, 0.98); }

/* A count beside a mark: "x3". */
static char *count_text(int n, char *buf, size_t size)
{
    /* TRANSLATORS: the count beside one timeline mark of several calls */
    snprintf(buf, size, _("×%d"), n);
    return buf;
}

/* Legend sample @g centred at (x, y), @w points wide. */
static void glyph(cairo_t *cr, glyph_id g, double x, double y, double w)
{
    char buf[16];

    cairo_save(cr);
    switch (g) {
    case G_ANSWERED: case G_TRANSFERRED: case G_CLOSED: case G_NOBODY:
        call_mark(cr, x, y + 0.5, (ombud_tl_kind)g, 3.6);
        break;
    case G_PROMISE:
        promise_mark(cr, x, y + 1.5);
        break;
    case G_NIGHT: case G_WEEKEND:
        cairo_rectangle(cr, x - w / 2, y - 3.5, w, 7);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_fill_preserve(cr);
        if (g == G_NIGHT)
            night_colour(cr);
        else
            weekend_colour(cr);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
        cairo_set_line_width(cr, 0.4);
        cairo_stroke(cr);
        break;
    case G_COUNT:
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, x, y - 3.5, count_text(2, buf, sizeof buf), 5.5, 1, T_OURS);
        break;
    case G_LIMIT: case G_TARGET:
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, 1);
        cairo_move_to(cr, x - w / 2, y);
        cairo_line_to(cr, x + w / 2, y);
        cairo_stroke(cr);
        break;
    case G_OVER: case G_WITHIN:
        bar(cr, x - w / 2, y - 3.5, w, 7, g == G_OVER);
        break;
    case G_MEASURE:
        cairo_set_source_rgb(cr, 0.12, 0.31, 0.62);
        cairo_set_line_width(cr, 1.6);
        cairo_move_to(cr, x - w / 2, y);
        cairo_line_to(cr, x + w / 2, y);
        cairo_stroke(cr);
        cairo_arc(cr, x, y, 1.8, 0, 2 * PI);
        cairo_fill(cr);
        break;
    }
    cairo_restore(cr);
}

/* One legend entry: a sample and what it means (a msgid). */
typedef struct key { glyph_id g; const char *label; } key;

#define KEY_GLYPH 10    /* points: the width of a sample */
#define KEY_PAD 3       /* points between a sample and its words */
#define KEY_GAP 10      /* points between two entries on a line */
#define MAX_KEYS 12

/*
 * A legend of @n entries in the band (x, y, w, ...), lines broken by
 * measured widths (ombud_chart_legend_lines) so a sample never crosses
 * words; words longer than the band wrap inside their entry. Entries run
 * from the left, or from the right in a right-to-left language, samples
 * before their words in reading order. Drawn only when @draw; returns
 * the height it takes.
 */
static double legend(cairo_t *cr, const key *k, int n, double x, double y,
                     double w, double size, int draw)
{
    PangoLayout *l[MAX_KEYS];
    double iw[MAX_KEYS], ih[MAX_KEYS], at[MAX_KEYS], lh[MAX_KEYS] = {0}, top = 0;
    int line[MAX_KEYS], nl, rtl = ombud_i18n_rtl();

    if (n > MAX_KEYS)
        n = MAX_KEYS;
    for (int i = 0; i < n; i++) {
        double tw;
        l[i] = layout(cr, _(k[i].label), size, T_OURS, 0);
        extent(l[i], &tw, NULL);
        if (KEY_GLYPH + KEY_PAD + tw > w) {
            g_object_unref(l[i]);
            l[i] = layout(cr, _(k[i].label), size, T_OURS, w - KEY_GLYPH - KEY_PAD);
        }
        extent(l[i], &tw, &ih[i]);
        iw[i] = KEY_GLYPH + KEY_PAD + tw;
    }
    nl = ombud_chart_legend_lines(iw, n, w, KEY_GAP, line, at);
    for (int i = 0; i < n; i++)
        if (ih[i] > lh[line[i]])
            lh[line[i]] = ih[i];
    for (int ln = 0, i = 0; ln < nl; ln++) {
        for (; i < n && line[i] == ln; i++) {
            double left = rtl ? x + w - at[i] - iw[i] : x + at[i];
            double gx = rtl ? left + iw[i] - KEY_GLYPH / 2.0 : left + KEY_GLYPH / 2.0;
            double tx = rtl ? left : left + KEY_GLYPH + KEY_PAD;
            if (!draw)
                continue;
            glyph(cr, k[i].g, gx, y + top + size * 0.65, KEY_GLYPH);
            cairo_set_source_rgb(cr, 0, 0, 0);
            show(cr, l[i], tx, y + top, 0);
        }
        top += lh[ln] + 1;
    }
    for (int i = 0; i < n; i++)
        g_object_unref(l[i]);
    return top;
}

/* ---- heat map --------------------------------------------------------------------- */

/* Red (0) through amber (0.5) to green (1). */
static void share_colour(cairo_t *cr, double s)
{
    double r, g, b;

    if (s < 0.5) {
        r = 0.91; g = 0.42 + s * 2 * (0.80 - 0.42); b = 0.40 - s * 2 * 0.10;
    } else {
        r = 0.91 - (s - 0.5) * 2 * (0.91 - 0.39); g = 0.80 - (s - 0.5) * 2 * 0.05;
        b = 0.30 + (s - 0.5) * 2 * 0.18;
    }
    cairo_set_source_rgb(cr, r, g, b);
}

void ombud_chart_heatmap(cairo_t *cr, double x, double y, double w, double h,
                         const int64_t calls[168], const int64_t live[168])
{
    double left = 30, top = 14, legend_h = 26;
    double cw = (w - left) / 24, ch = (h - top - legend_h) / 7;
    char buf[16];
    PangoLayout *l;

    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, x + left + (w - left) / 2, y - 2, _("local hour of the day"), 7, 1, T_OURS);
    for (int hr = 0; hr < 24; hr++) {
        snprintf(buf, sizeof buf, "%d", hr);
        text(cr, x + left + (hr + 0.5) * cw, y + 6, buf, 6, 1, 0);
    }
    for (int d = 0; d < 7; d++) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, x, y + top + d * ch + ch / 2 - 4, ombud_fmt_weekday(d), 7, 0, T_OURS);
        for (int hr = 0; hr < 24; hr++) {
            int64_t n = calls[d * 24 + hr];
            double cx = x + left + hr * cw, cy = y + top + d * ch;
            double s = n ? (double)live[d * 24 + hr] / (double)n : 0;
            if (n)
                share_colour(cr, s);
            else
                cairo_set_source_rgb(cr, 0.93, 0.93, 0.93);
            cairo_rectangle(cr, cx, cy, cw, ch);
            cairo_fill_preserve(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 0.6);
            cairo_stroke(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            if (n)
                snprintf(buf, sizeof buf, "%.0f", s * 100);
            else
                snprintf(buf, sizeof buf, "-");
            text(cr, cx + cw / 2, cy + ch / 2 - 3.5, buf, 5.5, 1, 0);
        }
    }
    /* Legend: the scale, and what the numbers and the grey mean, its
     * words wrapped in the room beside the scale. */
    for (int i = 0; i < 10; i++) {
        share_colour(cr, i / 9.0);
        cairo_rectangle(cr, x + left + i * 14, y + h - 14, 14, 8);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    l = layout(cr, _("0 % to 100 % of calls answered live in time (numbers "
               "are %); grey '-': no calls"), 6.5, T_OURS, w - left - 144);
    show(cr, l, x + left + 144, y + h - 15, 0);
    g_object_unref(l);
    cairo_restore(cr);
}

/* ---- axes and their labels ----------------------------------------------------------- */

/* How the labels under a plot are drawn. */
typedef struct xlabels {
    int rotate;     /* turned to run up from the axis, one line wide each */
    int step;       /* every step-th label is drawn */
    double band;    /* the height they take under the plot, in points */
} xlabels;

#define XLABEL_SIZE 5.5

/*
 * Upright labels when every one fits; otherwise turned along the axis
 * (a label then takes only its line height across), thinned if even so
 * they do not all fit, and cut (with an ellipsis) past @most points.
 */
static xlabels plan_labels(cairo_t *cr, const char *const *labels, int n,
                           const double *centre, double lo, double hi,
                           double most)
{
    xlabels p = {0, 1, 0};
    double *wd = n ? calloc((size_t)n, sizeof *wd) : NULL, lh, longest = 0;
    PangoLayout *l = layout(cr, "0", XLABEL_SIZE, 0, 0);

    extent(l, NULL, &lh);
    g_object_unref(l);
    p.band = lh;
    if (!wd)
        return p;
    for (int i = 0; i < n; i++) {
        wd[i] = text_width(cr, labels[i], XLABEL_SIZE, 0);
        if (wd[i] > longest)
            longest = wd[i];
    }
    if (ombud_chart_label_step(centre, wd, n, lo, hi, LABEL_GAP) > 1) {
        p.rotate = 1;
        for (int i = 0; i < n; i++)
            wd[i] = lh;
        p.step = ombud_chart_label_step(centre, wd, n, lo, hi, 0.5);
        p.band = longest < most ? longest : most;
    }
    free(wd);
    return p;
}

/* Draw the planned labels, label i under @centre[i], from @top down. */
static void draw_labels(cairo_t *cr, const xlabels *p, const char *const *labels,
                        int n, const double *centre, double top, double lo,
                        double hi)
{
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int i = 0; i < n; i += p->step) {
        PangoLayout *l = layout(cr, labels[i], XLABEL_SIZE, 0, 0);
        double w, h;
        extent(l, &w, &h);
        if (p->rotate) {
            if (w > p->band) {
                pango_layout_set_width(l, (int)(p->band * PANGO_SCALE));
                pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_MIDDLE);
            }
            cairo_save(cr);
            cairo_translate(cr, centre[i] - h / 2, top);
            cairo_rotate(cr, -PI / 2);
            /* Turned: its end at the axis, reading upwards. */
            show(cr, l, 0, 0, 2);
            cairo_restore(cr);
        } else {
            /* Kept inside the axis, as ombud_chart_label_step() counts it. */
            double left = centre[i] - w / 2;
            left = left < lo ? lo : left + w > hi ? hi - w : left;
            show(cr, l, left, top, 0);
        }
        g_object_unref(l);
    }
}

/* The plot rectangle of a chart and what sits around it. */
typedef struct plot {
    double x, y, w, h;  /* the plot, inside the axes */
} plot;

/* The frame, grid and y ticks 0..max at @steps (with @dec decimals, or as
 * percentages), and both titles. */
static void axes(cairo_t *cr, double x, double y, double h, const plot *p,
                 double max, int steps, int percent, const char *y_title,
                 const char *x_title)
{
    char buf[32];
    double step = max / steps;
    int dec = percent || step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);

    cairo_set_line_width(cr, 0.6);
    for (int i = 0; i <= steps; i++) {
        double v = step * i, ty = p->y + p->h - p->h * i / steps;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, p->x, ty);
        cairo_line_to(cr, p->x + p->w, ty);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        if (percent)
            snprintf(buf, sizeof buf, "%.0f %%", v * 100);
        else
            ombud_fmt_amount((int64_t)llround(v * pow(10, dec)), dec, buf, sizeof buf);
        text(cr, p->x - 3, ty - 4, buf, 6, 2, 0);
    }
    cairo_rectangle(cr, p->x, p->y, p->w, p->h);
    cairo_stroke(cr);
    /* The y title, turned along the axis. */
    cairo_save(cr);
    cairo_translate(cr, x, p->y + p->h / 2);
    cairo_rotate(cr, -PI / 2);
    text(cr, 0, -1, y_title, 7, 1, T_OURS);
    cairo_restore(cr);
    text(cr, p->x + p->w / 2, y + h - 10, x_title, 7, 1, T_OURS);
}

/* The scale of a bar chart: the smallest "round" maximum at least @v,
 * in 3 to 6 steps each 1, 2 or 5 x 10^k (fewer steps when equal). */
static double nice_max(double v, int *steps)
{
    double best = 0;

    for (int n = 3; n <= 6; n++) {
        double raw = (v > 0 ? v : 1) / n, mag = pow(10, floor(log10(raw)));
        double step = raw <= mag ? mag : raw <= 2 * mag ? 2 * mag
                    : raw <= 5 * mag ? 5 * mag : 10 * mag;
        if (!best || step * n < best - 1e-9 * best) {
            best = step * n;
            *steps = n;
        }
    }
    return best;
}

/*
 * The plot of a chart in (x, y, w, h): the key on top (its height
 * @key_h), the labels' band and the x title below. The labels are
 * planned on the plot's width, which does not depend on their height.
 */
static plot frame(double x, double y, double w, double h, double key_h,
                  double band)
{
    plot p;

    p.x = x + 40;
    p.w = w - 48;
    p.y = y + key_h + 4;
    p.h = h - (p.y - y) - 2 - band - 3 - 11;
    if (p.h < 20)
        p.h = 20;
    return p;
}

/* ---- line chart ------------------------------------------------------------------ */

void ombud_chart_line(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double target, const char *y_title, const char *x_title)
{
    static const key keys[] = {{G_MEASURE, N_("the measure")},
                               {G_TARGET, N_("the target")}};
    double *cx = n ? calloc((size_t)n, sizeof *cx) : NULL, key_h;
    plot p = frame(x, y, w, h, 0, 0);
    xlabels xl;

    if (n && !cx)
        return;
    cairo_save(cr);
    key_h = legend(cr, keys, 2, p.x, y, p.w, 6, 0);
    for (int i = 0; i < n; i++)
        cx[i] = p.x + (n > 1 ? i * p.w / (n - 1) : p.w / 2);
    xl = plan_labels(cr, labels, n, cx, p.x - 20, p.x + p.w + 6, 0.3 * h);
    p = frame(x, y, w, h, key_h, xl.band);
    axes(cr, x, y, h, &p, 1.0, 4, 1, y_title, x_title);
    draw_labels(cr, &xl, labels, n, cx, p.y + p.h + 2, p.x - 20, p.x + p.w + 6);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, p.x, p.y + p.h * (1 - target));
    cairo_line_to(cr, p.x + p.w, p.y + p.h * (1 - target));
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_source_rgb(cr, 0.12, 0.31, 0.62);
    cairo_set_line_width(cr, 1.6);
    for (int i = 0; i < n; i++) {
        if (i)
            cairo_line_to(cr, cx[i], p.y + p.h * (1 - values[i]));
        else
            cairo_move_to(cr, cx[i], p.y + p.h * (1 - values[i]));
    }
    cairo_stroke(cr);
    for (int i = 0; i < n; i++) {
        cairo_arc(cr, cx[i], p.y + p.h * (1 - values[i]), 1.8, 0, 2 * PI);
        cairo_fill(cr);
    }
    legend(cr, keys, 2, p.x, y, p.w, 6, 1);
    cairo_restore(cr);
    free(cx);
}

/* ---- bar chart ------------------------------------------------------------------- */

/* A bar's value as printed on it: whole from 10, else with up to 3
 * decimals, the reader's way ("0,08" in Spanish); a value above zero
 * never reads "0": below 0.001 it is "<0.001". */
static char *bar_value(double v, char *buf, size_t size)
{
    int dec = v >= 10 || v <= 0 ? 0 : v >= 0.1 ? 1 : v >= 0.01 ? 2 : 3;
    int64_t m = (int64_t)llround(v * pow(10, dec));

    if (v > 0 && m == 0) {
        buf[0] = '<';
        ombud_fmt_amount(1, 3, buf + 1, size - 1);
        return buf;
    }
    return ombud_fmt_amount(m, dec, buf, size);
}

/* Each bar's value above it, on white, when it fits within the bar's
 * slot (so two never meet); left out when it does not. */
static void bar_values(cairo_t *cr, const plot *p, const double *values, int n,
                       double max, double bw)
{
    char buf[32];

    for (int i = 0; i < n; i++) {
        double bh = values[i] > 0 ? fmax(p->h * values[i] / max, MIN_BAR) : 0;
        PangoLayout *l = layout(cr, bar_value(values[i], buf, sizeof buf), 5,
                                0, 0);
        double tw, th, cx = p->x + (i + 0.5) * bw, ty;
        extent(l, &tw, &th);
        ty = p->y + p->h - bh - th - 0.5;
        if (tw <= bw - 1 && ty >= p->y) {
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_rectangle(cr, cx - tw / 2, ty, tw, th);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, 0, 0, 0);
            show(cr, l, cx, ty, 1);
        }
        g_object_unref(l);
    }
}

void ombud_chart_bars(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double limit, const char *y_title, const char *x_title)
{
    static const key keys[] = {{G_LIMIT, N_("the limit")},
                               {G_OVER, N_("over the limit")},
                               {G_WITHIN, N_("within the limit")}};
    double *cx = n ? calloc((size_t)n, sizeof *cx) : NULL, key_h = 0, max = 0, bw;
    int steps = 4, nkeys = limit > 0 ? 3 : 0;
    plot p = frame(x, y, w, h, 0, 0);
    xlabels xl;

    if (n && !cx)
        return;
    cairo_save(cr);
    key_h = nkeys ? legend(cr, keys, nkeys, p.x, y, p.w, 6, 0) : 0;
    bw = n ? p.w / n : p.w;
    for (int i = 0; i < n; i++) {
        cx[i] = p.x + (i + 0.5) * bw;
        if (values[i] > max)
            max = values[i];
    }
    xl = plan_labels(cr, labels, n, cx, p.x, p.x + p.w, 0.3 * h);
    p = frame(x, y, w, h, key_h, xl.band);
    /* Room above the longest bar for its value (about 7 points). */
    max = nice_max(fmax(max * p.h / (p.h - 8), limit * 1.05), &steps);
    axes(cr, x, y, h, &p, max, steps, 0, y_title, x_title);
    for (int i = 0; i < n; i++) {
        /* A bar above zero is never thinner than MIN_BAR: a 5-minute
         * outage beside a 112-hour one still shows. */
        double bh = values[i] > 0 ? fmax(p.h * values[i] / max, MIN_BAR) : 0;
        double bwid = bw * 0.7 >= 1.2 ? bw * 0.7 : fmin(bw, 1.2);
        if (bh > 0)
            bar(cr, cx[i] - bwid / 2, p.y + p.h - bh, bwid, bh,
                limit > 0 && values[i] > limit);
    }
    if (limit > 0) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_dash(cr, dash, 2, 0);
        cairo_set_line_width(cr, 1);
        cairo_move_to(cr, p.x, p.y + p.h - p.h * limit / max);
        cairo_line_to(cr, p.x + p.w, p.y + p.h - p.h * limit / max);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
    }
    bar_values(cr, &p, values, n, max, bw);
    draw_labels(cr, &xl, labels, n, cx, p.y + p.h + 2, p.x, p.x + p.w);
    if (nkeys)
        legend(cr, keys, nkeys, p.x, y, p.w, 6, 1);
    cairo_restore(cr);
    free(cx);
}

/* ---- timeline ----------------------------------------------------------------- */

typedef struct axis { double x, w; int64_t from, to; } axis;

static double tx(const axis *a, int64_t t)
{
    if (t < a->from)
        t = a->from;
    if (t > a->to)
        t = a->to;
    return a->x + a->w * (double)(t - a->from) / (double)(a->to - a->from);
}

/* The local days of the axis (at most @cap): each one's first instant in
 * @start (one more: the end of the last), its day number in @civil and
 * its weekday (0 Monday) in @wday. Returns how many. */
static int axis_days(const ombud_timeline *t, int cap, int64_t *start,
                     int64_t *civil, int *wday)
{
    ombud_tm tm;
    int64_t day;
    int n = 0;

    ombud_tm_from_instant(t->tz, t->from, &tm);
    day = ombud_days_from_civil(tm.year, tm.month, tm.day);
    for (; n < cap; day++, n++) {
        int64_t d0 = ombud_tz_local_to_utc(t->tz, day * 86400, NULL);
        if (d0 >= t->to)
            break;
        start[n] = d0;
        civil[n] = day;
        wday[n] = (int)(((day % 7) + 7 + 3) % 7);
    }
    start[n] = ombud_tz_local_to_utc(t->tz, day * 86400, NULL);
    return n;
}

/* Each day's label ("Wed 10-14"), every k-th when they would overlap. */
static void day_labels(cairo_t *cr, const axis *a, double y,
                       const int64_t *start, const int *wday,
                       const int64_t *civil, int n)
{
    char (*lab)[48] = calloc((size_t)n + 1, sizeof *lab), dm[16];
    double *c = calloc((size_t)n + 1, sizeof *c), *wd = calloc((size_t)n + 1, sizeof *wd);
    int k;

    if (lab && c && wd) {
        for (int i = 0; i < n; i++) {
            int yy, mm, dd;
            ombud_civil_from_days(civil[i], &yy, &mm, &dd);
            snprintf(lab[i], sizeof lab[i], "%s %s", ombud_fmt_weekday(wday[i]),
                     ombud_fmt_daymonth(mm, dd, dm, sizeof dm));
            c[i] = (tx(a, start[i]) + tx(a, start[i + 1])) / 2;
            wd[i] = text_width(cr, lab[i], 6.5, T_OURS);
        }
        k = ombud_chart_label_step(c, wd, n, a->x, a->x + a->w, LABEL_GAP);
        cairo_set_source_rgb(cr, 0, 0, 0);
        for (int i = 0; i < n; i += k) {
            double left = c[i] - wd[i] / 2;
            left = left < a->x ? a->x : left + wd[i] > a->x + a->w ? a->x + a->w - wd[i] : left;
            text(cr, left, y, lab[i], 6.5, 0, T_OURS);
        }
    }
    free(lab);
    free(c);
    free(wd);
}

/* Nights and weekends shaded, a tick at each local midnight, day labels. */
static void days_background(cairo_t *cr, const ombud_timeline *t,
                            const axis *a, double y, double h)
{
    /* No local day is shorter than 20 hours (a DST change takes one). */
    int cap = (int)((t->to - t->from) / 72000) + 3, n;
    int64_t *start = malloc((size_t)(cap + 1) * sizeof *start);
    int64_t *civil = malloc((size_t)cap * sizeof *civil);
    int *wday = malloc((size_t)cap * sizeof *wday);

    n = start && civil && wday ? axis_days(t, cap, start, civil, wday) : 0;
    for (int i = 0; i < n; i++) {
        int64_t d0 = start[i], d1 = start[i + 1];
        int64_t n0 = ombud_tz_local_to_utc(t->tz, civil[i] * 86400 + 8 * 3600, NULL);
        int64_t n1 = ombud_tz_local_to_utc(t->tz, civil[i] * 86400 + 20 * 3600, NULL);
        if (wday[i] >= 5) {
            weekend_colour(cr);
            cairo_rectangle(cr, tx(a, d0), y, tx(a, d1) - tx(a, d0), h);
            cairo_fill(cr);
        }
        night_colour(cr);
        cairo_rectangle(cr, tx(a, d0), y, tx(a, n0) - tx(a, d0), h);
        cairo_rectangle(cr, tx(a, n1), y, tx(a, d1) - tx(a, n1), h);
        cairo_fill(cr);
        if (d0 >= t->from) {
            cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
            cairo_set_line_width(cr, 0.5);
            cairo_move_to(cr, tx(a, d0), y);
            cairo_line_to(cr, tx(a, d0), y + h + 3);
            cairo_stroke(cr);
        }
    }
    if (n)
        day_labels(cr, a, y + h + 3, start, wday, civil, n);
    free(start);
    free(wday);
    free(civil);
}

/* Text @t in dark red beside the outage bar [x0, x1]: right of it, or
 * left when the axis ends first. */
static void outage_label(cairo_t *cr, const axis *a, double x0, double x1,
                         double y, const char *t)
{
    double w = text_width(cr, t, 7, T_BOLD | T_OURS), end = a->x + a->w;

    cairo_set_source_rgb(cr, 0.60, 0.08, 0.08);
    if (x1 + 3 + w <= end)
        text(cr, x1 + 3, y, t, 7, 0, T_BOLD | T_OURS);
    else
        text(cr, place(x0 - 3 - w, w, a->x, end), y, t, 7, 0, T_BOLD | T_OURS);
}

static void outage_lane(cairo_t *cr, const ombud_timeline *t, const axis *a,
                        double y)
{
    char buf[192], dur[64];
    double x0, x1, w, end = a->x + a->w;

    if (t->out_start == OMBUD_TIME_NONE)
        return;
    int64_t stop = t->out_end == OMBUD_TIME_NONE ? t->to : t->out_end;
    x0 = tx(a, t->out_start);
    x1 = fmax(tx(a, stop), x0 + 2);  /* a short outage still shows */
    cairo_set_source_rgb(cr, 0.80, 0.12, 0.12);
    cairo_rectangle(cr, x0, y - 6, x1 - x0, 12);
    cairo_fill(cr);
    /* The shared duration format: a 5-minute outage is not "0 h". */
    snprintf(buf, sizeof buf, _("no service: %s"),
             ombud_fmt_hours(stop - t->out_start, dur, sizeof dur));
    /* Inside the bar when it fits, else beside it. */
    w = text_width(cr, buf, 7, T_BOLD | T_OURS);
    if (w + 6 <= x1 - x0) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        text(cr, (x0 + x1) / 2, y - 4.5, buf, 7, 1, T_BOLD | T_OURS);
    } else {
        outage_label(cr, a, x0, x1, y - 4.5, buf);
    }
    if (t->scheduled != OMBUD_TIME_NONE) {
        double sx = tx(a, t->scheduled);
        const char *s = _("announced start of the work");
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, sx, y - 12);
        cairo_line_to(cr, sx + 4, y - 8);
        cairo_line_to(cr, sx, y - 4);
        cairo_line_to(cr, sx - 4, y - 8);
        cairo_close_path(cr);
        cairo_fill(cr);
        w = text_width(cr, s, 6, T_OURS);
        text(cr, sx + 6 + w <= end ? sx + 6 : place(sx - 6 - w, w, a->x, end),
             y - 16, s, 6, 0, T_OURS);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (t->notified == OMBUD_TIME_NONE) {
        const char *s = _("cut off here: no notice given");
        w = text_width(cr, s, 6, T_BOLD | T_OURS);
        text(cr, place(x0, w, a->x, end), y + 8, s, 6, 0, T_BOLD | T_OURS);
    } else {
        promise_mark(cr, tx(a, t->notified), y - 8);
    }
}

static int cmp_time(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return (x > y) - (x < y);
}

/* The room a mark and a count up to @most take: the mark's halves, the
 * count beside it, a gap. */
static double mark_room(cairo_t *cr, int most)
{
    char buf[24];

    return 4 + 4 + 1 + text_width(cr, count_text(most, buf, sizeof buf), 5.5,
                                  T_OURS) + 2;
}

/* Times @at (n, sorted here) grouped into marks; *out is the caller's
 * to free. Returns the number of marks, -1 out of memory. */
static int group(cairo_t *cr, const axis *a, int64_t *at, int n,
                 ombud_chart_group **out)
{
    double scale = a->w / (double)(a->to - a->from);

    *out = malloc((size_t)(n ? n : 1) * sizeof **out);
    if (!*out)
        return -1;
    if (n > 0)
        qsort(at, (size_t)n, sizeof *at, cmp_time);
    return ombud_chart_group_marks(at, n, scale, mark_room(cr, n), *out);
}

/* "x3" right of a mark at (x, y) standing for @n > 1 things. */
static void mark_count(cairo_t *cr, double x, double y, int n)
{
    char buf[24];

    if (n < 2)
        return;
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, x + 5, y - 3.8, count_text(n, buf, sizeof buf), 5.5, 0, T_OURS);
}

/*
 * The calls lane: one row per outcome (answered, transferred, closed, no
 * person), so marks of different outcomes never cover each other; within
 * a row, calls too close to draw apart share one mark with their count.
 */
static void calls_lane(cairo_t *cr, const ombud_timeline *t, const axis *a,
                       double y, double lane_h)
{
    int64_t *at = malloc((size_t)(t->ncalls ? t->ncalls : 1) * sizeof *at);
    double row = fmin(13, lane_h / 4.4);

    for (int k = 0; at && k < 4; k++) {
        ombud_chart_group *g;
        double ry = y + (k - 1.5) * row;
        int n = 0, ng;
        for (int i = 0; i < t->ncalls; i++)
            if ((int)t->call_kind[i] == k)
                at[n++] = t->call_at[i];
        if ((ng = group(cr, a, at, n, &g)) < 0)
            break;
        for (int i = 0; i < ng; i++) {
            double mx = tx(a, at[g[i].first]);
            call_mark(cr, mx, ry, (ombud_tl_kind)k, row * 0.33);
            mark_count(cr, mx, ry, g[i].count);
        }
        free(g);
    }
    free(at);
}

/*
 * The promises lane: promised times too close to draw apart share one
 * mark with their count; from the first of each to the restoration a
 * dashed line, with how late it was missed when the words fit (three
 * staggered rows, so neighbours' words do not meet).
 */
static void promises_lane(cairo_t *cr, const ombud_timeline *t, const axis *a,
                          double y)
{
    int64_t *at = malloc((size_t)(t->npromises ? t->npromises : 1) * sizeof *at);
    double right[3] = {-1e9, -1e9, -1e9}, end = a->x + a->w;
    ombud_chart_group *g;
    char buf[160], dur[64];
    int ng;

    if (!at)
        return;
    for (int i = 0; i < t->npromises; i++)
        at[i] = t->promise_at[i];
    if ((ng = group(cr, a, at, t->npromises, &g)) < 0) {
        free(at);
        return;
    }
    for (int i = 0; i < ng; i++) {
        int64_t p0 = at[g[i].first];
        double px = tx(a, p0), w;
        int lv = -1;
        promise_mark(cr, px, y);
        mark_count(cr, px, y - 1.5, g[i].count);
        if (t->out_end == OMBUD_TIME_NONE || t->out_end <= p0)
            continue;
        snprintf(buf, sizeof buf, _("missed by %s"),
                 ombud_fmt_hours(t->out_end - p0, dur, sizeof dur));
        w = text_width(cr, buf, 6, T_OURS);
        for (int l = 0; l < 3 && lv < 0; l++)
            if (px + 5 >= right[l] + 6 && px + 5 + w <= end)
                lv = l;
        cairo_set_source_rgb(cr, 0.45, 0.10, 0.55);
        cairo_set_dash(cr, (const double[]){2, 2}, 2, 0);
        cairo_set_line_width(cr, 0.8);
        /* Staggered, so lines from neighbouring promises stay apart. */
        cairo_move_to(cr, px, y + 4 + (i % 3) * 4);
        cairo_line_to(cr, tx(a, t->out_end), y + 4 + (i % 3) * 4);
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        if (lv >= 0) {
            text(cr, px + 5, y - 14 - lv * 7, buf, 6, 0, T_OURS);
            right[lv] = px + 5 + w;
        }
    }
    free(g);
    free(at);
}

/* The legend under the timeline; its height, drawn only when @draw. */
static double timeline_legend(cairo_t *cr, double x, double y, double w, int draw)
{
    static const key keys[] = {
        {G_ANSWERED, N_("answered")}, {G_TRANSFERRED, N_("transferred")},
        {G_CLOSED, N_("queue closed")},
        {G_NOBODY, N_("no person (abandoned, voicemail, IVR)")},
        {G_PROMISE, N_("promised restoration")},
        {G_COUNT, N_("calls or promises too close together to draw apart, "
                     "with their number")},
        {G_NIGHT, N_("night (20:00-08:00 local time)")},
        {G_WEEKEND, N_("weekend")}};

    return legend(cr, keys, (int)(sizeof keys / sizeof *keys), x, y, w, 6.5, draw);
}

/* A lane's name in the gutter left of the axis, wrapped to fit it; set
 * against the axis in a right-to-left language. */
static void lane_name(cairo_t *cr, double x, double gutter, double y,
                      const char *name)
{
    PangoLayout *l = layout(cr, name, 7, T_BOLD | T_OURS, gutter);
    double h;

    extent(l, NULL, &h);
    cairo_set_source_rgb(cr, 0, 0, 0);
    show(cr, l, x, y - h / 2, 0);
    g_object_unref(l);
}

void ombud_chart_timeline(cairo_t *cr, double x, double y, double w, double h,
                          const ombud_timeline *t)
{
    axis a = {x + 52, w - 58, t->from, t->to};
    double lanes, ly[3], key_h;

    if (t->to <= t->from)
        return;
    cairo_save(cr);
    key_h = timeline_legend(cr, a.x, 0, a.w, 0);
    lanes = fmax(h - 16 - key_h, 60);
    days_background(cr, t, &a, y, lanes);
    for (int i = 0; i < 3; i++)
        ly[i] = y + lanes * (i + 0.5) / 3;
    lane_name(cr, x, 48, ly[0], _("Service"));
    lane_name(cr, x, 48, ly[1], _("Calls"));
    lane_name(cr, x, 48, ly[2], _("Promises"));
    outage_lane(cr, t, &a, ly[0]);
    calls_lane(cr, t, &a, ly[1], lanes / 3);
    promises_lane(cr, t, &a, ly[2]);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, a.x, y, a.w, lanes);
    cairo_stroke(cr);
    timeline_legend(cr, a.x, y + lanes + 14, a.w, 1);
    cairo_restore(cr);
}
