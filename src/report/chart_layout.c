/*
 * chart_layout.c - where chart text and marks go, without drawing them.
 *
 * The charts must stay readable however many subjects a month brings (3
 * outages or 400, 5 calls or 5,000), so the decisions that keep text
 * from overlapping are made here, on measured widths and plain numbers,
 * where unit tests can pin them: which axis labels are drawn, which calls
 * share a timeline marker, how a legend breaks into lines. chart.c
 * measures with pango and draws with cairo.
 *
 * Everything is deterministic: the same input gives the same layout.
 */
#include <assert.h>

#include "ombud/chart.h"

/* Does drawing every @k-th label leave @gap between neighbours? */
static int labels_fit(const double *centre, const double *width, int n,
                      double lo, double hi, double gap, int k)
{
    double prev = 0;

    for (int i = 0; i < n; i += k) {
        double l = centre[i] - width[i] / 2, r = l + width[i];
        /* An end label is moved inside the axis, not cut. */
        if (l < lo) {
            r += lo - l;
            l = lo;
        } else if (r > hi) {
            l -= r - hi;
            r = hi;
        }
        if (i > 0 && l < prev + gap)
            return 0;
        prev = r;
    }
    return 1;
}

int ombud_chart_label_step(const double *centre, const double *width, int n,
                           double lo, double hi, double gap)
{
    assert(n == 0 || (centre && width));
    /* Trying k upwards costs n/1 + n/2 + ... : n log n at worst, and
     * k = n (one label) always fits. */
    for (int k = 1; k < n; k++)
        if (labels_fit(centre, width, n, lo, hi, gap, k))
            return k;
    return n > 1 ? n : 1;
}

/* The minute of @t, rounding down before 1970 too. */
static int64_t minute_of(int64_t t)
{
    return t >= 0 ? t / 60 : -((-t + 59) / 60);
}

int ombud_chart_group_marks(const int64_t *at, int n, double scale, double sep,
                            ombud_chart_group *out)
{
    int ng = 0;

    assert(n == 0 || (at && out));
    for (int i = 0; i < n; i++) {
        ombud_chart_group *g = ng ? &out[ng - 1] : NULL;
        assert(i == 0 || at[i] >= at[i - 1]);
        /* A call joins its predecessor's marker when they share a minute
         * (then every call of that minute does), or when it would be
         * drawn too close to the marker's first call to tell apart. */
        if (g && (minute_of(at[i]) == minute_of(at[i - 1]) ||
                  (double)(at[i] - at[g->first]) * scale < sep)) {
            g->count++;
            continue;
        }
        out[ng].first = i;
        out[ng].count = 1;
        ng++;
    }
    return ng;
}

int ombud_chart_legend_lines(const double *width, int n, double avail,
                             double gap, int *line, double *at)
{
    int ln = 0;
    double x = 0; /* where the next item on line ln would start */

    assert(n == 0 || (width && line && at));
    for (int i = 0; i < n; i++) {
        /* The first item of a line stays there however wide it is. */
        if (x > 0 && x + width[i] > avail) {
            ln++;
            x = 0;
        }
        line[i] = ln;
        at[i] = x;
        x += width[i] + gap;
    }
    return n ? ln + 1 : 0;
}
