/*
 * returns.h - the automatic compensation returns read back for the
 * reports: per guarantee, the month and period rows its rule stored
 * (credit.h writes them; the names are rule.h's OMBUD_FIG_COMP_*).
 *
 * The reports show these figures as stored: nothing here counts a case,
 * adds a month or computes a share.
 */
#ifndef OMBUD_RETURNS_H
#define OMBUD_RETURNS_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/store.h"

/** One row: a month of the period, or the period (OMBUD_COMP_TOTAL). */
typedef struct ombud_returns_row {
    char subject[16];     /**< "2026-10", or OMBUD_COMP_TOTAL */
    int64_t cases;        /**< cases, count */
    int64_t owed;         /**< minor units */
    int64_t paid;         /**< minor units */
    int64_t shortfall;    /**< owed - paid, minor units */
    int64_t in_time;      /**< cases paid in full in time, count */
    int64_t pending;      /**< cases whose days run past the billing */
    int64_t share;        /**< in_time of cases less pending, bp;
                               OMBUD_BP_NONE: none */
} ombud_returns_row;

/** A guarantee's returns, in the order stored (months, then the period). */
typedef struct ombud_returns_table {
    ombud_returns_row *rows;  /**< owned; free with ombud_returns_table_free() */
    size_t n;                 /**< rows */
    int64_t days;             /**< paid in time: within this many days */
} ombud_returns_table;

/**
 * @brief Read the returns of result @p result_id into @p t (emptied
 * first). A result without returns gives t->n == 0.
 * @return OMBUD_OK, OMBUD_E_STORE, or OMBUD_E_NOMEM.
 */
ombud_err ombud_returns_read(ombud_store *st, int64_t result_id,
                             ombud_returns_table *t);

/** @brief Free @p t's rows and empty it; an empty table is a no-op. */
void ombud_returns_table_free(ombud_returns_table *t);

/** @brief Is @p r the period's row (not a month's)? */
int ombud_returns_is_total(const ombud_returns_row *r);

#endif
