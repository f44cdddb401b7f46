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
#include "ombud/cal.h"

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
 * dashed target line, with x labels (e.g. "10-05") under some points.
 * @param labels n labels (borrowed), values n shares, target a share.
 */
void ombud_chart_line(cairo_t *cr, double x, double y, double w, double h,
                      const char *const *labels, const double *values, int n,
                      double target, const char *y_title, const char *x_title);

/**
 * @brief Bars (e.g. outage durations in hours) against a dashed limit
 * line; bars over the limit are hatched and darker.
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
 * loss to restoration, each call leg as a mark by outcome, each promised
 * restoration time as a marker with how late it was missed, the planned
 * start and the notice (or its absence); nights (20:00-08:00) and weekends
 * shaded; a legend below.
 */
void ombud_chart_timeline(cairo_t *cr, double x, double y, double w, double h,
                          const ombud_timeline *t);

#endif
