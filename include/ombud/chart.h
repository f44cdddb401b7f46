/*
 * chart.h - the few charts a filing needs, drawn with cairo, labelled with
 * pango.
 *
 * Each function draws into the rectangle (x, y, w, h) of a cairo context
 * (in points) and leaves the context's state as it found it. Every chart
 * has its axes labelled with units, and reads in black and white too:
 * colours are doubled by numbers, line styles or hatching.
 */
#ifndef OMBUD_CHART_H
#define OMBUD_CHART_H

#include <stdint.h>
#include <cairo.h>
#include "ombud/time.h"

/** The font family all chart text uses (a Debian font package's). */
#define OMBUD_CHART_FONT "DejaVu Sans"

/**
 * @brief The 7 x 24 heat map of live-answer share: days down (Monday
 * first), local hours across, each cell coloured red (0 %) to green
 * (100 %) and printed with its percentage; grey with a dash where there
 * were no calls. A legend explains the scale.
 * @param calls counted calls per hour of the week (index day*24 + hour)
 * @param live  of which answered live in time
 */
void ombud_chart_heatmap(cairo_t *cr, double x, double y, double w, double h,
                         const int64_t calls[168], const int64_t live[168]);

/**
 * @brief A line of values (0..1, e.g. daily service level) against a
 * dashed target line, x labels (e.g. "10-05") under the points: upright
 * when all fit, else turned along the axis, every k-th when even so they
 * do not fit (ombud_chart_label_step()); a legend above the plot.
 * @param labels n labels (borrowed), values n shares, target a share.
 */
void ombud_chart_line(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double target, const char *y_title, const char *x_title);

/**
 * @brief Bars (e.g. outage durations in hours) against a dashed limit
 * line; bars over the limit are hatched and darker. A bar above zero is
 * never thinner than a hairline (a 5-minute outage beside a 112-hour one
 * still shows); each carries its value above it when that fits in the
 * bar's slot, and none when not. x labels as ombud_chart_line()'s.
 * The caller chooses which subjects to pass and says so below the chart.
 * @param labels n labels (borrowed), values n values >= 0, limit > 0, or
 * 0 for none (no line, no hatching, no legend).
 */
void ombud_chart_bars(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double limit, const char *y_title, const char *x_title);

/** How a call leg ended, as the timeline marks it. */
typedef enum ombud_tl_kind {
    OMBUD_TL_ANSWERED,     /**< a person answered: green bar */
    OMBUD_TL_TRANSFERRED,  /**< answered, then transferred: blue bar with a dot */
    OMBUD_TL_CLOSED,       /**< the queue was closed: red cross */
    OMBUD_TL_NOBODY        /**< abandoned, voicemail or IVR only: orange ring */
} ombud_tl_kind;

/** What the timeline shows (arrays borrowed). */
typedef struct ombud_timeline {
    const ombud_tz *tz;            /**< local days, nights and weekends */
    int64_t from, to;              /**< the time axis */
    int64_t out_start, out_end;    /**< the outage; OMBUD_TIME_NONE if none */
    int64_t scheduled;             /**< announced start of planned work, or NONE */
    int64_t notified;              /**< when customers were told, or NONE */
    const int64_t *call_at;        /**< each call leg's arrival */
    const ombud_tl_kind *call_kind;
    int ncalls;
    const int64_t *promise_at;     /**< each promised restoration time */
    int npromises;
} ombud_timeline;

/**
 * @brief The account's story on one time axis: the outage as a bar from
 * loss to restoration, each call leg as a mark by outcome (a row per
 * outcome), each promised restoration time as a marker with how late it
 * was missed, the planned start and the notice (or its absence); nights
 * (20:00-08:00) and weekends shaded; a legend below, wrapped by measured
 * widths. Calls (and promises) too close to draw apart share one mark
 * with their count beside it (ombud_chart_group_marks()).
 */
void ombud_chart_timeline(cairo_t *cr, double x, double y, double w, double h,
                          const ombud_timeline *t);

/* ---- layout: pure functions, no drawing (unit-tested) ------------------------- */

/**
 * @brief Which axis labels to draw so that no two overlap: every k-th,
 * from the first, for the smallest k that fits.
 *
 * Label i is @p width[i] long along the axis and centred at @p centre[i]
 * (ascending); a label that would stick out of [@p lo, @p hi] is moved
 * inside. Drawn labels must be at least @p gap apart. A single label
 * always "fits" (the caller shortens one longer than the axis), so k is
 * at most n.
 * @return k >= 1 (1: every label; n: only the first); 1 when @p n is 0.
 * @code
 *   double c[] = {10, 30, 50, 70}, w[] = {19, 19, 19, 19};
 *   int k = ombud_chart_label_step(c, w, 4, 0, 80, 2);  // 2: labels 0 and 2
 * @endcode
 */
int ombud_chart_label_step(const double *centre, const double *width, int n,
                           double lo, double hi, double gap);

/** One marker of the timeline standing for one or more calls. */
typedef struct ombud_chart_group {
    int first;   /**< index (into the times given) of its earliest call */
    int count;   /**< calls it stands for, >= 1 */
} ombud_chart_group;

/**
 * @brief Group call times into the markers drawn for them: calls in the
 * same minute always share a marker, and so does a later minute whose
 * calls would be drawn less than @p sep points after the marker's first
 * call (they would overlap it). A marker is drawn at its first call, so
 * markers end up at least @p sep points apart.
 * @param at    @p n times in seconds (borrowed), ascending
 * @param scale points per second on the drawn axis
 * @param sep   the room one marker and its count take, in points
 * @param out   room for @p n groups (the caller's), filled in time order
 * @return the number of groups written; 0 when @p n is 0.
 */
int ombud_chart_group_marks(const int64_t *at, int n, double scale, double sep,
                            ombud_chart_group *out);

/**
 * @brief Break a legend into lines of at most @p avail points: items in
 * order, @p gap apart, a new line whenever the next item would not fit.
 * An item longer than @p avail gets a line of its own (the caller wraps
 * its text).
 * @param width @p n item widths in points (glyph and label)
 * @param line  out: each item's line, 0 first
 * @param at    out: each item's offset from the line's start (the left
 *              edge, or the right one in a right-to-left language)
 * @return the number of lines; 0 when @p n is 0.
 */
int ombud_chart_legend_lines(const double *width, int n, double avail,
                             double gap, int *line, double *at);

#endif
