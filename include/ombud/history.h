/*
 * history.h - the last periods of each guarantee, side by side.
 *
 * A store that holds several periods' checks lets a filing show, beside
 * its own period, what each guarantee did in the periods before: a table
 * (period, status, measured, breaches, owed), a small chart, how many of
 * the last 12 periods were breached and the change from the period
 * before. A report never recomputes a rule: the history is read from the
 * earlier checks' stored results.
 *
 * Which checks: only those `ombud verify` can make again from the
 * report's own inputs. An earlier check counts when it was made with the
 * same guarantees file (SHA-256), time zone, language and ombud version
 * (ombud_store_each_earlier_check()), and its period is a whole period of
 * the same kind (month, quarter or year) as the report's, one of the
 * @c depth periods just before it. A period not checked is left out (the
 * table shows the periods there are). The report's manifest lists the
 * periods shown ("history=FROM-TO,..."), and verify checks them again,
 * oldest first, before the report's own, so the report it writes again
 * shows the same history. A report with no earlier period (a store with
 * one check, a day or a range of days, --history 0) has no history: no
 * section, no sheet, no manifest key, byte for byte the report it was.
 */
#ifndef OMBUD_HISTORY_H
#define OMBUD_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/manifest.h"
#include "ombud/store.h"

/** Earlier periods shown unless --history says otherwise. */
#define OMBUD_HISTORY_DEFAULT 12
/** The most earlier periods --history takes. */
#define OMBUD_HISTORY_MAX 60
/** "Periods breached in the last 12": the report's own and 11 before. */
#define OMBUD_HISTORY_WINDOW 12
/** Guarantees a history holds (a report's results, MAX_RESULTS). */
#define OMBUD_HISTORY_GUARANTEES 128

/** One guarantee in one period, as its check stored it. */
typedef struct ombud_history_cell {
    int present;            /**< 1: the check has a result for it */
    int pass;               /**< OMBUD_PASS, OMBUD_FAIL, OMBUD_NO_DATA... */
    char status[16];        /**< as stored: "PASS", "FAIL", "NO DATA" */
    int64_t measured;       /**< the figure, in @c unit */
    char unit[24];          /**< "s", "bp", "count", "minor"... */
    int64_t breaches;       /**< breaches written */
    int64_t amount;         /**< owed, minor units; OMBUD_AMOUNT_NONE */
    char measured_text[640];/**< the figure as people read it */
} ombud_history_cell;

/** A period of the history. */
typedef struct ombud_history_period {
    int64_t check_id;       /**< the check that covered it */
    int64_t from, to;       /**< [from, to), instants */
    int back;               /**< periods before the report's: 0 is its own */
    char label[32];         /**< "2026-09", "2026-Q3" or "2026" */
} ombud_history_period;

/** The history of a report's guarantees. */
typedef struct ombud_history {
    int np;                 /**< periods, oldest first; the last (back 0)
                                 is the report's own. 1: no history */
    ombud_history_period p[OMBUD_HISTORY_MAX + 1];
    int ng;                 /**< guarantees: the report's, in its order */
    char gid[OMBUD_HISTORY_GUARANTEES][96]; /**< their ids */
    ombud_history_cell *cell; /**< ng * np cells, guarantee g in period i
                                 at [g * np + i] (owned) */
    char prev_label[32];    /**< the label of the period just before the
                                 report's, checked or not */
} ombud_history;

/**
 * @brief How many earlier periods reports show (--history N; 0 none).
 * Set by `ombud report`, `ombud run` and `ombud verify` before a report
 * is written; OMBUD_HISTORY_DEFAULT until then. Values past
 * OMBUD_HISTORY_MAX are cut to it.
 */
void ombud_history_set_depth(int n);

/** @brief The depth ombud_history_set_depth() set. */
int ombud_history_depth(void);

/**
 * @brief The history of check @p chk (borrowed) over at most @p depth
 * earlier periods into @p h (free with ombud_history_free()).
 * @return OMBUD_OK (h->np == 1 when there is no history); OMBUD_E_NOMEM;
 * OMBUD_E_STORE.
 */
ombud_err ombud_history_load(ombud_store *st, const ombud_check_info *chk,
                             int depth, ombud_history *h);

/** @brief Free what ombud_history_load() allocated; h may be empty. */
void ombud_history_free(ombud_history *h);

/** @brief The cell of guarantee @p g in period @p i. */
const ombud_history_cell *ombud_history_at(const ombud_history *h, int g,
                                           int i);

/**
 * @brief How many of the last OMBUD_HISTORY_WINDOW periods (the report's
 * own included) guarantee @p g failed in; @p checked receives how many of
 * them it has a result in.
 */
int ombud_history_breached(const ombud_history *h, int g, int *checked);

/**
 * @brief The earlier periods of @p h as the manifest records them:
 * "FROM-TO,FROM-TO" (instants, oldest first) into @p buf; "" when there
 * is no history. @return @p buf, or NULL when it does not fit.
 */
char *ombud_history_periods(const ombud_history *h, char *buf, size_t size);

/**
 * @brief Read "FROM-TO,..." back into @p from and @p to (at most @p max).
 * @return the number of periods, or -1 when @p s is not such a list.
 */
int ombud_history_parse(const char *s, int64_t *from, int64_t *to, int max);

/**
 * @brief Record in @p m (a filing's manifest) the earlier periods the
 * report of check @p check_id shows at the current depth. Leaves
 * m->history "" when it shows none. @return OMBUD_OK or the store's error.
 */
ombud_err ombud_history_manifest(ombud_store *st, int64_t check_id,
                                 ombud_manifest *m);

struct pdoc;
/**
 * @brief The PDF's "History of periods" section (a new page): per
 * guarantee a line of the last 12 periods, the change from the period
 * before, a table and a bar chart of breaches in the status colours.
 * Draws nothing when @p h has no history. @p promises[g] is guarantee
 * g's promise (borrowed).
 */
void ombud_history_pdf(struct pdoc *d, const ombud_history *h,
                       const char *const *promises);

struct lxw_workbook;
struct lxw_worksheet;
/**
 * @brief Fill sheet @p ws (added by the caller, named and set up to print)
 * with the history table, a line per guarantee of the last 12 periods and
 * the change from the period before, and a column chart of breaches per
 * guarantee. Money is in @p currency with @p digits decimals;
 * @p money_format is its number format
 * (ombud_xlsx_money_format()). Nothing is written when @p h has no history.
 * @return OMBUD_OK, or OMBUD_E_NOMEM.
 */
ombud_err ombud_history_sheet(struct lxw_workbook *wb,
                              struct lxw_worksheet *ws,
                              const char *sheet_name, const ombud_history *h,
                              const char *currency, int digits,
                              const char *money_format);

#endif
