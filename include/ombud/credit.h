/*
 * credit.h - credits set against what a case is owed, and the automatic
 * compensation returns a regulator counts (cases, owed, paid, short, the
 * share paid in time) per month.
 *
 * A case is one subject a rule says is owed compensation: an outage of an
 * account (outage_credit), a missed appointment (appointments), a late
 * order (provisioning). Its credits are found as outage_credit always
 * found them, now shared by the three kinds:
 *
 *   1. by reference: every credit whose reference or description names the
 *      case (its id as a whole word: letters, digits, '-' and '_' bound
 *      it), whatever its service;
 *   2. by service: credits for the case's service (a case or a credit
 *      naming no service matches any) that name no other case of the
 *      same guarantee (and, for the returns, no other outage,
 *      appointment or order the store holds).
 *
 * Each credit is used once across all the cases of a guarantee (what is
 * left of it after one case may pay the next), in posting order within
 * each pass, and a case takes at most what it is owed: paid never exceeds
 * owed, so short (owed - paid) is never negative.
 *
 * Only the rules use this module; it reads billing through the store's
 * look-ups (ombud_store_ask_billing) and writes figures through
 * ombud_store_add_figure, never SQL and never files.
 */
#ifndef OMBUD_CREDIT_H
#define OMBUD_CREDIT_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/rule.h"
#include "ombud/store.h"

/* ---- matching credits to cases ------------------------------------------- */

/** The cases of one guarantee and the credits already used (opaque). */
typedef struct ombud_credits ombud_credits;

/** The credits one case may take (opaque). */
typedef struct ombud_claim ombud_claim;

/** @brief A new, empty matcher. Never NULL (GLib aborts on no memory).
 *  Free with ombud_credits_free(). */
ombud_credits *ombud_credits_new(void);

/** @brief Free @p m; NULL is a no-op. */
void ombud_credits_free(ombud_credits *m);

/**
 * @brief Make @p id (copied) one of the guarantee's cases, so that a
 * credit naming it is not taken by service for another case. Add every
 * case before the first ombud_claim_offer().
 */
void ombud_credits_add_case(ombud_credits *m, const char *id);

/**
 * @brief Make every outage, appointment and order the store holds a
 * record a credit may name: one that names such a record (other than the
 * case) is that record's, never taken by service for the case. What the
 * returns (paid_within_days) match with, so that a credit for a repair is
 * not also counted as paying a missed appointment of the same account.
 * Call before the first ombud_claim_offer().
 * @return OMBUD_OK or the store's error.
 */
ombud_err ombud_credits_add_records(ombud_credits *m, ombud_store *st);

/** @brief Does @p text hold @p id as a whole word ("T1" is not in "T12"
 *  nor in "XT-1")? 0 for a NULL text or an empty id. */
int ombud_credit_has_word(const char *text, const char *id);

/** @brief A new claim with no credit. Never NULL. Free with
 *  ombud_claim_free(). */
ombud_claim *ombud_claim_new(void);

/** @brief Free @p c; NULL is a no-op. */
void ombud_claim_free(ombud_claim *c);

/**
 * @brief Offer credit @p b (billing row @p row, kind "credit", posted in
 * the window the caller allows) to the claim of case @p id, whose service
 * is @p service (NULL: none named). Kept for the first pass when it names
 * @p id, for the second when its service matches and it names no other
 * case of @p m; else ignored. Offer in posting order.
 */
void ombud_claim_offer(ombud_claim *c, const ombud_credits *m, const char *id,
                       const char *service, int64_t row,
                       const ombud_billing *b);

/**
 * @brief Set the claim's credits against @p owed (minor units): first
 * those naming the case, then those by service, each credit's unused part
 * once. Records what was used in @p m. Call once per claim.
 */
void ombud_claim_settle(ombud_claim *c, ombud_credits *m, int64_t owed);

/** @brief What the settled claim was paid, minor units (at most owed). */
int64_t ombud_claim_paid(const ombud_claim *c);

/**
 * @brief The posting time of the last credit the settled claim used: when
 * it was paid in full, if ombud_claim_paid() is what was owed.
 * OMBUD_TIME_NONE when it used none.
 */
int64_t ombud_claim_paid_at(const ombud_claim *c);

/** @brief How many credits (billing rows) the settled claim used. */
size_t ombud_claim_nused(const ombud_claim *c);

/** @brief The billing row of the @p i-th credit used, in the order used. */
int64_t ombud_claim_used(const ombud_claim *c, size_t i);

/* ---- the returns: cases, owed and paid per month ------------------------- */

/* The figures' names (OMBUD_FIG_COMP_*) are in rule.h. */

/** The months of one guarantee's returns (opaque). */
typedef struct ombud_returns ombud_returns;

/**
 * @brief Returns over the period of @p ctx, a case paid in time when paid
 * in full by the end of the local day @p days calendar days after the day
 * it became due. Never NULL. Free with ombud_returns_free().
 */
ombud_returns *ombud_returns_new(const ombud_rule_ctx *ctx, int64_t days);

/** @brief Free @p r; NULL is a no-op. */
void ombud_returns_free(ombud_returns *r);

/**
 * @brief Count a case that became due at @p due (from < due <= to: an
 * instant at local midnight belongs to the day before), owed
 * @p owed (> 0), paid @p paid (<= owed), the last credit used posted at
 * @p paid_at (OMBUD_TIME_NONE: none). @p subject names it in a message.
 * @return OMBUD_OK, or OMBUD_E_DATA when a sum passes 64 bits.
 */
ombud_err ombud_returns_count(ombud_returns *r, const char *subject,
                              int64_t due, int64_t owed, int64_t paid,
                              int64_t paid_at);

/** @brief Write the figures of every month and of the period.
 *  @return OMBUD_OK or the store's error. */
ombud_err ombud_returns_write(const ombud_returns *r);

/**
 * @brief Append to @p res's method the sentence on the returns, in the
 * current language: cases counted in the month they became due (@p due
 * says when, e.g. "its restoration"), paid, short, and paid in time within
 * @p days days. Cut to fit; never overflows.
 */
void ombud_returns_method(ombud_result *res, int64_t days, const char *due);

/** @brief Cases counted so far. */
int64_t ombud_returns_cases(const ombud_returns *r);

/* ---- cases of appointments and orders: look-up, match, count ------------- */

/** One case to be paid, for ombud_cases_add(). Strings are copied. */
typedef struct ombud_comp_case {
    const char *id;        /**< the appointment_id or order_id */
    const char *account;   /**< its account; NULL: no credit can be found */
    const char *service;   /**< its service, or NULL */
    int64_t since;         /**< credits posted from here count */
    int64_t due;           /**< when it became due, in the period */
    int64_t owed;          /**< minor units, > 0 */
} ombud_comp_case;

/** A guarantee's cases waiting for their credits (opaque). */
typedef struct ombud_cases ombud_cases;

/**
 * @brief Cases of the rule of @p ctx, paid in time within @p days days
 * (see ombud_returns_new()), their credits counted up to @p grace seconds
 * after each became due. Never NULL. Free with ombud_cases_free().
 */
ombud_cases *ombud_cases_new(const ombud_rule_ctx *ctx, int64_t days,
                             int64_t grace);

/** @brief Free @p cs; NULL is a no-op. */
void ombud_cases_free(ombud_cases *cs);

/** @brief Queue case @p c and its account's billing look-up.
 *  @return OMBUD_OK or the store's error. */
ombud_err ombud_cases_add(ombud_cases *cs, const ombud_comp_case *c);

/**
 * @brief Read the queued look-ups, match each case's credits (in the
 * order added), count them in the returns and write its figures.
 * @p ncases receives the cases counted. Call once, after the last add.
 * @return OMBUD_OK, OMBUD_E_DATA on a sum past 64 bits, or a store error.
 */
ombud_err ombud_cases_settle(ombud_cases *cs, int64_t *ncases);

#endif
