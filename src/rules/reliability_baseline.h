/*
 * reliability_baseline.h - the reliability kind's targets relative to past
 * years ("no worse than the last 3 years' average + 10 %"), internal to
 * src/rules/. rule_reliability.c reads the interruptions and decides the
 * major event days; this file keeps each past year's sums per area and day
 * and does the arithmetic of the averages and limits, so that it can be
 * tested on its own.
 */
#ifndef OMBUD_RELIABILITY_BASELINE_H
#define OMBUD_RELIABILITY_BASELINE_H

#include <stdint.h>
#include <glib.h>
#include "ombud/rule.h"

/** Most past years a baseline averages. */
#define OMBUD_BASE_MAX_YEARS 10

/** The indices a baseline can hold, in this order everywhere. */
enum { OMBUD_BASE_SAIFI, OMBUD_BASE_SAIDI, OMBUD_BASE_CAIDI, OMBUD_BASE_MAIFI,
       OMBUD_BASE_N };

/** One past year: the filing's period shifted back k years. */
typedef struct ombud_base_year {
    int64_t from, to;      /**< its period [from, to), instants */
    int64_t d0, d1;        /**< its local days [d0, d1) */
    int loaded;            /**< some interruption was recorded in it */
    int64_t meds;          /**< its days left out as major event days */
} ombud_base_year;

/** What one area (or all) sums in a past year. */
typedef struct ombud_base_sums {
    int64_t served, ci, cs, mi; /* customers, interruptions, customer-
                                   seconds (sustained), momentary */
} ombud_base_sums;

/** A baseline being gathered; ombud_base_free() releases it. */
typedef struct ombud_base {
    int years;
    ombud_base_year y[OMBUD_BASE_MAX_YEARS]; /**< y[0] the year before */
    GHashTable *cells;     /**< (day, area) -> ombud_base_sums, owned */
    GHashTable *left_out;  /**< days not counted (major event days) */
} ombud_base;

/** Start an empty baseline of @p years (1..OMBUD_BASE_MAX_YEARS); the
 *  caller fills y[k].from, to, d0 and d1. */
void ombud_base_init(ombud_base *b, int years);
void ombud_base_free(ombud_base *b);

/** The past year (0 = the year before) local day @p day falls in, or -1. */
int ombud_base_year_of(const ombud_base *b, int64_t day);

/** Add an interruption of area @p area (0..255) begun on @p day of a past
 *  year. OMBUD_E_DATA (said through @p ctx) when a sum would overflow. */
ombud_err ombud_base_add(ombud_base *b, const ombud_rule_ctx *ctx,
                         int64_t day, int area, int64_t ci, int64_t cs,
                         int64_t mi);

/** Leave day @p day out of the sums (a major event day of its year). */
void ombud_base_leave_out(ombud_base *b, int64_t day);

/**
 * The sums of each past year per area: @p out[k * (nareas + 1) + a] for
 * area a, and at a = nareas all areas together. The served counts are left
 * for the caller. @p out holds years x (nareas + 1) entries.
 */
void ombud_base_sum(const ombud_base *b, int nareas, ombud_base_sums *out);

/** Index @p idx of @p u in thousandths (minutes for SAIDI and CAIDI),
 *  rounded half up; OMBUD_BP_NONE when undefined (nothing served, or
 *  CAIDI without an interruption). */
int64_t ombud_base_index(int idx, const ombud_base_sums *u);

/** The mean of the @p n values that are not OMBUD_BP_NONE, rounded half
 *  up; OMBUD_BP_NONE when there are none. */
int64_t ombud_base_mean(const int64_t *v, int n);

/** @p avg raised by @p margin_bp basis points, rounded half up;
 *  OMBUD_BP_NONE stays so. */
int64_t ombud_base_limit(int64_t avg, int64_t margin_bp);

#endif
