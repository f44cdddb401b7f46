/*
 * quality.h - the data-quality items of a check: what the evidence is
 * made of, and what would make a verdict rest on nothing.
 *
 * A verdict is only as good as the rows behind it. Before any figure, a
 * reader is told, from the store alone (so `check`, the PDF cover and the
 * workbook say the same, and `ombud verify` re-derives it with the rest):
 *   - per input file: rows read, stored and rejected (with the share, over
 *     [filing] max_rejected serious), and
 *     how many of its rows fall before, inside and after the period;
 *   - a file read in another time zone than the filing's;
 *   - a filter word (queues, services, areas, kinds) that matches no
 *     stored value, with the nearest one that does;
 *   - each guarantee that examined nothing (NO DATA);
 *   - a value the guarantees file marks as a placeholder (serious) or as
 *     an unverified threshold (a note);
 *   - days of the period with no call at all.
 * Items are serious (the filing is incomplete: `check` and `run` exit 2
 * unless --allow-incomplete) or notes.
 */
#ifndef OMBUD_QUALITY_H
#define OMBUD_QUALITY_H

#include <stddef.h>

#include "ombud/err.h"
#include "ombud/store.h"

/** How much an item weighs. */
typedef enum ombud_q_level {
    OMBUD_Q_NOTE = 0,     /**< for the reader; the verdicts stand */
    OMBUD_Q_SERIOUS       /**< a verdict may rest on missing evidence */
} ombud_q_level;

/** One item (valid during the callback only). */
typedef struct ombud_quality_item {
    ombud_q_level level;
    char text[900];       /**< one sentence, in the current language */
} ombud_quality_item;

typedef int (*ombud_quality_fn)(void *ud, const ombud_quality_item *it);

/**
 * @brief Each data-quality item of check @p check_id (0 = the latest):
 * serious ones first, each group in a fixed order, so reports are
 * deterministic. @p serious (may be NULL) receives how many are serious.
 * @p isolate: wrap the input text inside each sentence (file names, ids,
 * filter words) in Unicode isolates, for the PDF (ombud_bidi_isolate()).
 * @return OMBUD_OK, or the store's error.
 */
ombud_err ombud_quality_each(ombud_store *st, int64_t check_id, int isolate,
                             ombud_quality_fn fn, void *ud, int *serious);

/** Every item of a check, for a report that needs them all before it
 *  draws (the cover says how many are serious). */
typedef struct ombud_quality_list {
    ombud_quality_item *items;   /**< serious first (owned: free the list) */
    int n, serious;
} ombud_quality_list;

/**
 * @brief Collect the items of check @p check_id into @p out (zeroed first).
 * @return OMBUD_OK, OMBUD_E_NOMEM, or the store's error; on error @p out
 * is empty. Free with ombud_quality_list_free().
 */
ombud_err ombud_quality_list_get(ombud_store *st, int64_t check_id,
                                 int isolate, ombud_quality_list *out);

/** @brief Free what ombud_quality_list_get() allocated (NULL-safe). */
void ombud_quality_list_free(ombud_quality_list *l);

/** Edit distance of two short words (at most 64 bytes each compared). */
int ombud_edit_distance(const char *a, const char *b);

/** The longest word ombud_edit_distance_upto() measures, in bytes. */
#define OMBUD_EDIT_MAX 256

/**
 * @brief Edit distance of @p a and @p b in bytes, whole: (size_t)-1 when
 * either is longer than @p max (at most OMBUD_EDIT_MAX), rather than a
 * distance of their beginnings. Allocates nothing; cannot fail.
 */
size_t ombud_edit_distance_upto(const char *a, const char *b, size_t max);

#endif
