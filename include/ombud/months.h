/*
 * months.h - the calendar months inside a filing's period, and the runs
 * of months below standard that call for corrective action.
 *
 * Standards such as California's GO 133-D compile their measures monthly
 * and report them quarterly: a `--period 2026-Q4` filing judges each rate
 * over the quarter and, beside it, over each month of the quarter in the
 * filing's zone. The engine evaluates a rate kind (ombud_rule.monthly)
 * once per month and writes what it found as figures of the guarantee's
 * result, under the OMBUD_FIG_MONTH_* names below; the reports read them
 * back (ombud_months_read()) and never evaluate a rule again.
 *
 * Figures of one guarantee, each about a subject "COLUMN" or
 * "COLUMN UNIT": COLUMN is a month ("2026-10") or OMBUD_MONTHS_PERIOD (the
 * whole period); UNIT a reporting unit (an area of trouble_rate's
 * lines_by_area), none for the guarantee as a whole. A run of failing
 * months is the subject "run 2026-10" (its first month), or "run 2026-10
 * UNIT": a guarantee with units has its runs per unit.
 */
#ifndef OMBUD_MONTHS_H
#define OMBUD_MONTHS_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/store.h"
#include "ombud/time.h"

/** Most months one period is split into (a year, with room to spare). */
#define OMBUD_MONTHS_MAX 24

/** Most runs one guarantee's table keeps (its units' together). */
#define OMBUD_MONTHS_RUNS 64

/** The subject's column naming the whole period. */
#define OMBUD_MONTHS_PERIOD "period"

#define OMBUD_FIG_MONTH_STATUS "month.status"     /**< verdict, OMBUD_PASS.. */
#define OMBUD_FIG_MONTH_MEASURED "month.measured" /**< the rule's figure */
#define OMBUD_FIG_MONTH_TARGET "month.target"     /**< its target */
#define OMBUD_FIG_MONTH_NUM "month.num"           /**< the rate's numerator */
#define OMBUD_FIG_MONTH_DEN "month.den"           /**< its denominator */
#define OMBUD_FIG_MONTH_RUN "month.run"           /**< a run's months */
#define OMBUD_FIG_MONTH_DUE "month.run_due"       /**< 1: corrective action due */
#define OMBUD_FIG_MONTH_AFTER "month.corrective_after" /**< the setting */

/** One calendar month of a period, cut to the period. */
typedef struct ombud_month {
    int year, month;      /**< 2026, 10 */
    int64_t from, to;     /**< its instants [from, to) inside the period */
} ombud_month;

/**
 * @brief Split [@p from, @p to) into the calendar months of zone @p tz
 * it touches, in order, into @p out (room for @p max). A period that
 * starts or ends inside a month gives that month cut to the period.
 * @return how many months (0 for an empty period, at most @p max; a
 * period of more months gives -1 and fills nothing useful).
 */
int ombud_months_split(const ombud_tz *tz, int64_t from, int64_t to,
                       ombud_month *out, int max);

/**
 * @brief Is [@p from, @p to) whole calendar months of @p tz: from local
 * midnight on a 1st to local midnight on a 1st? 1 or 0. Only such a
 * period gets a months table: a range of days from 15 October to 14
 * November would show two half months as if they were months.
 */
int ombud_months_whole(const ombud_tz *tz, int64_t from, int64_t to);

/** A run of consecutive months below standard. */
typedef struct ombud_month_run {
    int first;            /**< index of its first month */
    int len;              /**< how many months */
    int due;              /**< 1: at least corrective_after months long */
} ombud_month_run;

/**
 * @brief The maximal runs of OMBUD_FAIL in @p status (@p n verdicts, one
 * per month in order) into @p out (room for @p max), each flagged due when
 * it is at least @p after months long (@p after 0: never). A NO DATA month
 * breaks a run: nothing measured is no failure, and no pass either.
 * @return how many runs were found (those past @p max are not written).
 */
int ombud_months_runs(const int *status, int n, int after,
                      ombud_month_run *out, int max);

/** A cell of the months table: one column of one row. */
typedef struct ombud_month_cell {
    int set;              /**< 0: nothing stored for it */
    int status;           /**< OMBUD_PASS, OMBUD_FAIL, OMBUD_NO_DATA... */
    int64_t measured, target, num, den;
    char unit[8];         /**< the measured figure's unit ("bp", "s") */
    char tunit[8];        /**< the target's: restoration without a target
                               share holds its outages to a time ("s") */
} ombud_month_cell;

/** A row: the guarantee as a whole, or one reporting unit. */
typedef struct ombud_month_row {
    char *unit;           /**< "" for the guarantee, else the unit, whole
                               (owned by the table) */
    ombud_month_cell cell[OMBUD_MONTHS_MAX + 1]; /**< by column */
} ombud_month_row;

/** One guarantee's months table, read back. */
typedef struct ombud_months_table {
    int ncols;            /**< months, then the period (the last column) */
    char col[OMBUD_MONTHS_MAX + 1][16]; /**< "2026-10"..., OMBUD_MONTHS_PERIOD */
    ombud_month_row *rows; /**< owned; free with ombud_months_table_free() */
    size_t nrows;
    int after;            /**< corrective_after; 0: not set */
    ombud_month_run runs[OMBUD_MONTHS_RUNS]; /**< runs of failing months */
    size_t run_row[OMBUD_MONTHS_RUNS]; /**< the row (unit) of each run */
    int nruns;
} ombud_months_table;

/**
 * @brief Read the months figures of result @p result_id into @p t
 * (emptied first). A result without them gives t->ncols == 0.
 * @return OMBUD_OK, OMBUD_E_STORE or OMBUD_E_NOMEM.
 */
ombud_err ombud_months_read(ombud_store *st, int64_t result_id,
                            ombud_months_table *t);

/** @brief Free @p t's rows and empty it. */
void ombud_months_table_free(ombud_months_table *t);

/**
 * @brief The name of period [@p from, @p to) in @p tz for the months
 * table's last column: "2026-Q4" for a calendar quarter, "2026" for a
 * year, "2026-10..2026-11" for other whole months, else @p other.
 * @return @p buf.
 */
char *ombud_months_label(const ombud_tz *tz, int64_t from, int64_t to,
                         const char *other, char *buf, size_t size);

struct pdoc;
struct lxw_workbook;
struct lxw_worksheet;

/**
 * @brief The PDF section "Months inside the period": per guarantee with
 * months figures (results @p ids, @p gids, @p promises, @p n of them; all
 * borrowed), a table of each
 * month and the period @p label, per unit, and its runs of failing
 * months. Nothing when no result has months figures.
 */
void ombud_months_pdf(struct pdoc *d, ombud_store *st, const int64_t *ids,
                      char *const *gids, char *const *promises, int n,
                      const char *label);

/**
 * @brief Does any of results @p ids have months figures? 1 or 0.
 */
int ombud_months_any(ombud_store *st, const int64_t *ids, int n);

/**
 * @brief Can a result of @p kind have months figures: a kind judged
 * month by month (ombud_rule.months), or one this build does not know?
 * The reports look for them only there: finding none meant reading every
 * figure of every result, customer_effort's 2M at 1M legs.
 */
int ombud_months_kind(const char *kind);

/**
 * @brief The XLSX sheet of the same table, in @p ws of @p wb.
 * @return OMBUD_OK or OMBUD_E_NOMEM.
 */
ombud_err ombud_months_sheet(struct lxw_workbook *wb, struct lxw_worksheet *ws,
                             ombud_store *st, const int64_t *ids,
                             char *const *gids, int n, const char *label);

/**
 * @brief The sentence on run @p r of @p t: "2026-10 to 2026-11: 2
 * consecutive months below standard: corrective action due (after 2)".
 * @return @p buf.
 */
char *ombud_months_run_say(const ombud_months_table *t,
                           const ombud_month_run *r, char *buf, size_t size);

#endif
