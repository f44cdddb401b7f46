/*
 * chart.c - heat map, line and bar charts for the PDF, with cairo.
 *
 * Kept deliberately small: fixed styles, no configuration. Text goes
 * through pango so any label (a Hebrew outage id included) renders. The
 * charts must read when printed in black and white, so colour is never
 * the only carrier of meaning: cells print their numbers, the target line
 * is dashed, bars over the limit are hatched.
 */
#include <math.h>

#define PI 3.14159265358979323846
#include <stdio.h>
#include <pango/pangocairo.h>

#include "ombud/chart.h"
#include "ombud/i18n.h"

/* Draw @text with its top-left (or, with @align 1, its top-centre; 2,
 * top-right) at (x, y) in a @size-point font. */
static void text(cairo_t *cr, double x, double y, const char *t, double size,
                 int align, int bold)
{
    PangoLayout *l = pango_cairo_create_layout(cr);
    PangoFontDescription *f = pango_font_description_from_string(OMBUD_CHART_FONT);
    int w, h;

    pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
    if (bold)
        pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l, f);
    pango_layout_set_text(l, t, -1);
    pango_layout_get_size(l, &w, &h);
    cairo_move_to(cr, x - (align ? (double)w / PANGO_SCALE / (align == 1 ? 2 : 1) : 0), y);
    pango_cairo_show_layout(cr, l);
    pango_font_description_free(f);
    g_object_unref(l);
}

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
    double left = 30, top = 14, legend = 26;
    double cw = (w - left) / 24, ch = (h - top - legend) / 7;
    char buf[16];

    cairo_save(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, x + left + (w - left) / 2, y - 2, _("local hour of the day"), 7, 1, 0);
    for (int hr = 0; hr < 24; hr++) {
        snprintf(buf, sizeof buf, "%d", hr);
        text(cr, x + left + (hr + 0.5) * cw, y + 6, buf, 6, 1, 0);
    }
    for (int d = 0; d < 7; d++) {
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, x, y + top + d * ch + ch / 2 - 4, ombud_fmt_weekday(d), 7, 0, 0);
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
    /* Legend: the scale, and what the numbers and the grey mean. */
    for (int i = 0; i < 10; i++) {
        share_colour(cr, i / 9.0);
        cairo_rectangle(cr, x + left + i * 14, y + h - 14, 14, 8);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, x + left + 144, y + h - 15, _("0 % to 100 % of calls answered live "
         "in time (numbers are %); grey '-': no calls"), 6.5, 0, 0);
    cairo_restore(cr);
}

/* Axes: a frame with y ticks 0..max at @steps; returns the plot rectangle. */
static void axes(cairo_t *cr, double x, double y, double w, double h,
                 double max, int steps, int percent, const char *y_title,
                 const char *x_title, double *px, double *py, double *pw,
                 double *ph)
{
    char buf[32];

    *px = x + 40;
    *py = y + 12;
    *pw = w - 48;
    *ph = h - 46;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.6);
    for (int i = 0; i <= steps; i++) {
        double v = max * i / steps, ty = *py + *ph - *ph * i / steps;
        cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
        cairo_move_to(cr, *px, ty);
        cairo_line_to(cr, *px + *pw, ty);
        cairo_stroke(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        if (percent)
            snprintf(buf, sizeof buf, "%.0f %%", v * 100);
        else
            snprintf(buf, sizeof buf, "%.0f", v);
        text(cr, *px - 3, ty - 4, buf, 6, 2, 0);
    }
    cairo_rectangle(cr, *px, *py, *pw, *ph);
    cairo_stroke(cr);
    /* The y title, rotated along the axis. */
    cairo_save(cr);
    cairo_translate(cr, x, *py + *ph / 2);
    cairo_rotate(cr, -PI / 2);
    text(cr, 0, -1, y_title, 7, 1, 0);
    cairo_restore(cr);
    text(cr, *px + *pw / 2, y + h - 10, x_title, 7, 1, 0);
}

/* The smallest "round" maximum (steps x 1, 2 or 5 x 10^k) at least @v. */
static double nice_max(double v, int steps)
{
    double raw = (v > 0 ? v : 1) / steps, mag = pow(10, floor(log10(raw)));
    double step = raw <= mag ? mag : raw <= 2 * mag ? 2 * mag
                : raw <= 5 * mag ? 5 * mag : 10 * mag;

    return step * steps;
}

/* Label every k-th of @n points under the plot so labels do not collide. */
static int label_step(int n, double pw)
{
    int k = 1;
    while (n / k * 30.0 > pw)
        k++;
    return k;
}

void ombud_chart_line(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double target, const char *y_title, const char *x_title)
{
    double px, py, pw, ph, step;
    static const double dash[] = {4, 3};

    cairo_save(cr);
    axes(cr, x, y, w, h, 1.0, 4, 1, y_title, x_title, &px, &py, &pw, &ph);
    step = n > 1 ? pw / (n - 1) : pw;
    for (int i = 0, k = label_step(n, pw); i < n; i += k)
        text(cr, px + (n > 1 ? i * step : pw / 2), py + ph + 2, labels[i], 5.5, 1, 0);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, px, py + ph * (1 - target));
    cairo_line_to(cr, px + pw, py + ph * (1 - target));
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    cairo_set_source_rgb(cr, 0.12, 0.31, 0.62);
    cairo_set_line_width(cr, 1.6);
    for (int i = 0; i < n; i++) {
        double vx = px + (n > 1 ? i * step : pw / 2), vy = py + ph * (1 - values[i]);
        if (i)
            cairo_line_to(cr, vx, vy);
        else
            cairo_move_to(cr, vx, vy);
    }
    cairo_stroke(cr);
    for (int i = 0; i < n; i++) {
        cairo_arc(cr, px + (n > 1 ? i * step : pw / 2), py + ph * (1 - values[i]),
                  1.8, 0, 2 * PI);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, px + pw, py - 9, _("line: the measure; dashed: the target"), 6, 2, 0);
    cairo_restore(cr);
}

void ombud_chart_bars(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double limit, const char *y_title, const char *x_title)
{
    double px, py, pw, ph, max = limit, bw;
    static const double dash[] = {4, 3};
    int steps = 4;

    for (int i = 0; i < n; i++)
        if (values[i] > max)
            max = values[i];
    max = nice_max(max * 1.05, steps);
    cairo_save(cr);
    axes(cr, x, y, w, h, max, steps, 0, y_title, x_title, &px, &py, &pw, &ph);
    bw = n ? pw / n : pw;
    for (int i = 0; i < n; i++) {
        double bh = ph * values[i] / max, bx = px + i * bw + bw * 0.15;
        int over = values[i] > limit;
        cairo_rectangle(cr, bx, py + ph - bh, bw * 0.7, bh);
        if (over)
            cairo_set_source_rgb(cr, 0.75, 0.22, 0.17);
        else
            cairo_set_source_rgb(cr, 0.55, 0.70, 0.85);
        cairo_fill_preserve(cr);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, 0.5);
        cairo_stroke(cr);
        if (over) {
            /* Hatching, so "over the limit" survives a grey-scale print. */
            cairo_save(cr);
            cairo_rectangle(cr, bx, py + ph - bh, bw * 0.7, bh);
            cairo_clip(cr);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_set_line_width(cr, 0.7);
            for (double d = -bh; d < bw; d += 4) {
                cairo_move_to(cr, bx + d, py + ph);
                cairo_line_to(cr, bx + d + bh, py + ph - bh);
            }
            cairo_stroke(cr);
            cairo_restore(cr);
        }
    }
    for (int i = 0, k = label_step(n, pw); i < n; i += k)
        text(cr, px + (i + 0.5) * bw, py + ph + 2, labels[i], 5.5, 1, 0);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, px, py + ph - ph * limit / max);
    cairo_line_to(cr, px + pw, py + ph - ph * limit / max);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
    text(cr, px + pw, py - 9, _("dashed: the limit; hatched bars: over the "
         "limit"), 6, 2, 0);
    cairo_restore(cr);
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

/* Nights and weekends, and a labelled tick at each local midnight. */
static void days_background(cairo_t *cr, const ombud_timeline *t,
                            const axis *a, double y, double h)
{
    char dm[16];
    ombud_tm tm;
    int64_t day;
    char buf[64];

    ombud_tm_from_instant(t->tz, t->from, &tm);
    day = ombud_days_from_civil(tm.year, tm.month, tm.day);
    for (;; day++) {
        int64_t d0 = ombud_tz_local_to_utc(t->tz, day * 86400, NULL);
        int64_t d1 = ombud_tz_local_to_utc(t->tz, (day + 1) * 86400, NULL);
        int64_t n0 = ombud_tz_local_to_utc(t->tz, day * 86400 + 8 * 3600, NULL);
        int64_t n1 = ombud_tz_local_to_utc(t->tz, day * 86400 + 20 * 3600, NULL);
        int y_, m_, dd_, wd;
        if (d0 >= t->to)
            break;
        ombud_civil_from_days(day, &y_, &m_, &dd_);
        wd = (int)(((day % 7) + 7 + 3) % 7);
        if (wd >= 5) {
            cairo_set_source_rgb(cr, 0.86, 0.91, 0.98);
            cairo_rectangle(cr, tx(a, d0), y, tx(a, d1) - tx(a, d0), h);
            cairo_fill(cr);
        }
        cairo_set_source_rgba(cr, 0.35, 0.35, 0.35, 0.16);
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
        cairo_set_source_rgb(cr, 0, 0, 0);
        snprintf(buf, sizeof buf, "%s %s", ombud_fmt_weekday(wd),
                 ombud_fmt_daymonth(m_, dd_, dm, sizeof dm));
        text(cr, (tx(a, d0) + tx(a, d1)) / 2, y + h + 3, buf, 6.5, 1, 0);
    }
}

/* One call mark: shape and colour both say the outcome. */
static void call_mark(cairo_t *cr, double x, double y, ombud_tl_kind k)
{
    cairo_set_line_width(cr, 1.2);
    switch (k) {
    case OMBUD_TL_ANSWERED:
    case OMBUD_TL_TRANSFERRED:
        if (k == OMBUD_TL_ANSWERED)
            cairo_set_source_rgb(cr, 0.10, 0.55, 0.25);
        else
            cairo_set_source_rgb(cr, 0.15, 0.35, 0.75);
        cairo_move_to(cr, x, y - 7);
        cairo_line_to(cr, x, y + 7);
        cairo_stroke(cr);
        if (k == OMBUD_TL_TRANSFERRED) {
            cairo_arc(cr, x, y - 8.5, 1.8, 0, 2 * PI);
            cairo_fill(cr);
        }
        break;
    case OMBUD_TL_CLOSED:
        cairo_set_source_rgb(cr, 0.80, 0.10, 0.10);
        cairo_move_to(cr, x - 3.5, y - 3.5);
        cairo_line_to(cr, x + 3.5, y + 3.5);
        cairo_move_to(cr, x - 3.5, y + 3.5);
        cairo_line_to(cr, x + 3.5, y - 3.5);
        cairo_stroke(cr);
        break;
    case OMBUD_TL_NOBODY:
        cairo_set_source_rgb(cr, 0.90, 0.50, 0.05);
        cairo_arc(cr, x, y, 3.2, 0, 2 * PI);
        cairo_stroke(cr);
        break;
    }
}

static void promise_mark(cairo_t *cr, double x, double y)
{
    cairo_set_source_rgb(cr, 0.45, 0.10, 0.55);
    cairo_move_to(cr, x - 4, y - 5);
    cairo_line_to(cr, x + 4, y - 5);
    cairo_line_to(cr, x, y + 2);
    cairo_close_path(cr);
    cairo_fill(cr);
}

static void outage_lane(cairo_t *cr, const ombud_timeline *t, const axis *a,
                        double y)
{
    char buf[192];

    if (t->out_start == OMBUD_TIME_NONE)
        return;
    int64_t end = t->out_end == OMBUD_TIME_NONE ? t->to : t->out_end;
    cairo_set_source_rgb(cr, 0.80, 0.12, 0.12);
    cairo_rectangle(cr, tx(a, t->out_start), y - 6, tx(a, end) - tx(a, t->out_start), 12);
    cairo_fill(cr);
    snprintf(buf, sizeof buf, _("no service: %lld h"), (long long)((end - t->out_start) / 3600));
    cairo_set_source_rgb(cr, 1, 1, 1);
    text(cr, (tx(a, t->out_start) + tx(a, end)) / 2, y - 4.5, buf, 7, 1, 1);
    if (t->scheduled != OMBUD_TIME_NONE) {
        double sx = tx(a, t->scheduled);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_move_to(cr, sx, y - 12);
        cairo_line_to(cr, sx + 4, y - 8);
        cairo_line_to(cr, sx, y - 4);
        cairo_line_to(cr, sx - 4, y - 8);
        cairo_close_path(cr);
        cairo_fill(cr);
        snprintf(buf, sizeof buf, _("announced start of the work"));
        text(cr, sx + 6, y - 16, buf, 6, 0, 0);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (t->notified == OMBUD_TIME_NONE)
        text(cr, tx(a, t->out_start), y + 8, _("cut off here: no notice given"), 6, 0, 1);
    else
        promise_mark(cr, tx(a, t->notified), y - 8);
}

static void legend(cairo_t *cr, double x, double y)
{
    static const char *const names[] = {N_("answered"), N_("transferred"), N_("queue closed"),
                                        N_("no person (abandoned, voicemail, IVR)")};
    static const double at[] = {0, 52, 116, 182};

    for (int k = 0; k < 4; k++) {
        call_mark(cr, x + at[k] + 4, y + 5, (ombud_tl_kind)k);
        cairo_set_source_rgb(cr, 0, 0, 0);
        text(cr, x + at[k] + 11, y + 1, _(names[k]), 6.5, 0, 0);
    }
    promise_mark(cr, x + 330, y + 16);
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, x + 337, y + 11, _("promised restoration"), 6.5, 0, 0);
    text(cr, x, y + 12, _("Shaded: nights 20:00-08:00 (grey) and weekends (blue), local time."),
         6.5, 0, 0);
}

void ombud_chart_timeline(cairo_t *cr, double x, double y, double w, double h,
                          const ombud_timeline *t)
{
    axis a = {x + 52, w - 58, t->from, t->to};
    double lanes = h - 40, ly[3];
    char buf[160];

    if (t->to <= t->from)
        return;
    cairo_save(cr);
    days_background(cr, t, &a, y, lanes);
    for (int i = 0; i < 3; i++)
        ly[i] = y + lanes * (i + 0.5) / 3;
    cairo_set_source_rgb(cr, 0, 0, 0);
    text(cr, x, ly[0] - 4, _("Service"), 7, 0, 1);
    text(cr, x, ly[1] - 4, _("Calls"), 7, 0, 1);
    text(cr, x, ly[2] - 4, _("Promises"), 7, 0, 1);
    outage_lane(cr, t, &a, ly[0]);
    for (int i = 0; i < t->ncalls; i++)
        call_mark(cr, tx(&a, t->call_at[i]), ly[1], t->call_kind[i]);
    for (int i = 0; i < t->npromises; i++) {
        double px = tx(&a, t->promise_at[i]);
        promise_mark(cr, px, ly[2]);
        if (t->out_end != OMBUD_TIME_NONE && t->out_end > t->promise_at[i]) {
            static const double dash[] = {2, 2};
            cairo_set_source_rgb(cr, 0.45, 0.10, 0.55);
            cairo_set_dash(cr, dash, 2, 0);
            cairo_set_line_width(cr, 0.8);
            cairo_move_to(cr, px, ly[2] + 4 + i * 4);
            cairo_line_to(cr, tx(&a, t->out_end), ly[2] + 4 + i * 4);
            cairo_stroke(cr);
            cairo_set_dash(cr, NULL, 0, 0);
            snprintf(buf, sizeof buf, _("missed by %lld h"),
                     (long long)((t->out_end - t->promise_at[i]) / 3600));
            text(cr, px + 5, ly[2] - 12 - i * 7, buf, 6, 0, 0);
        }
    }
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, a.x, y, a.w, lanes);
    cairo_stroke(cr);
    legend(cr, a.x, y + lanes + 16);
    cairo_restore(cr);
}
