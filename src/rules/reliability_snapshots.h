/*
 * reliability_snapshots.h - the reliability kind's snapshot cross-check,
 * internal to src/rules/ (rule_reliability.c calls it once), and the
 * rounding both files share, so that the snapshots' SAIDI and the
 * records' compare figure for figure.
 */
#ifndef OMBUD_RELIABILITY_SNAPSHOTS_H
#define OMBUD_RELIABILITY_SNAPSHOTS_H

#include <stdint.h>
#include <stdio.h>
#include "ombud/i18n.h"
#include "ombud/rule.h"

/** The subject of the system-wide figures. */
#define OMBUD_RELIABILITY_SYSTEM "system"

/** Customer-seconds @p secs per @p b in thousandths of a minute, rounded
 *  half up; OMBUD_BP_NONE when @p b is 0. */
static inline int64_t ombud_milli_min(int64_t secs, int64_t b)
{
    if (b <= 0)
        return OMBUD_BP_NONE;
    return (int64_t)(((__int128)secs * 100 + 3 * (__int128)b) /
                     (6 * (__int128)b));
}

/** @p a / @p b in thousandths, rounded half up; OMBUD_BP_NONE when @p b
 *  is 0 (SAIFI, CAIFI, MAIFI_E). */
static inline int64_t ombud_milli_ratio(int64_t a, int64_t b)
{
    if (b <= 0)
        return OMBUD_BP_NONE;
    return (int64_t)(((__int128)a * 2000 + b) / (2 * (__int128)b));
}

/** "1.23" into @p buf from thousandths (hundredths shown, half up); "-"
 *  for OMBUD_BP_NONE. Returns @p buf. */
static inline char *ombud_milli_say(int64_t m, char *buf, size_t size)
{
    if (m == OMBUD_BP_NONE)
        return snprintf(buf, size, "-"), buf;
    return ombud_fmt_amount((m + 5) / 10, 2, buf, size);
}

/** An area the reliability rule judged, as the cross-check needs it. */
typedef struct ombud_snap_area {
    const char *name;          /**< as customers.csv names it (borrowed) */
    int64_t served;            /**< N: the rule's customers served */
    int64_t records_cmi_secs;  /**< the records' customer-seconds of
                                    sustained interruptions, all days */
} ombud_snap_area;

/** The longest step one snapshot stands for, and what a longer gap
 *  counts: EAGLE-I publishes every 15 minutes (seconds). */
#define OMBUD_SNAP_INTERVAL 900
#define OMBUD_SNAP_MAX_STEP (2 * OMBUD_SNAP_INTERVAL)

/**
 * @brief Estimate customer-minutes and SAIDI per area and system from the
 * snapshots of the period, store them as figures (OMBUD_FIG_SNAPSHOT_*,
 * subjects the area names and "system") and append a sentence to
 * @p res->method. Judges nothing: @p res's status and breaches are not
 * touched. No snapshot in the period: nothing is stored or said.
 *
 * @param ctx    the rule's context (store, period, result id)
 * @param areas  the @p n areas judged (borrowed)
 * @param n      how many
 * @param res    the result whose method gains the sentence
 * @return OMBUD_OK, or the store's error, or OMBUD_E_DATA on an overflow.
 */
ombud_err ombud_reliability_snapshots(const ombud_rule_ctx *ctx,
                                      const ombud_snap_area *areas, int n,
                                      ombud_result *res);

#endif
