/*
 * reliability_snapshots.h - the reliability kind's snapshot cross-check,
 * internal to src/rules/ (rule_reliability.c calls it once).
 */
#ifndef OMBUD_RELIABILITY_SNAPSHOTS_H
#define OMBUD_RELIABILITY_SNAPSHOTS_H

#include <stdint.h>
#include "ombud/rule.h"

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
