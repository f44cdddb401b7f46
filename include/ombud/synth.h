/*
 * synth.h - a synthetic carrier month (`ombud synth`).
 *
 * Writes a deterministic, realistic month of a carrier's records in ombud's
 * input formats, for demonstrations, benchmarks and tests: call legs across
 * five queues (or an Asterisk queue_log with a caller-number map), outages,
 * billing, engineer appointments and orders. Everything is scaled from one
 * number, the call legs N:
 *
 *   accounts             N / 4   (at least 50)
 *   account outages      N / 50  (trouble tickets, one account each)
 *   areas                accounts / 1000 (at least 20), 0-3 area-wide outages each
 *   billing rows         about 2 per account (charge, payment; notices, credits)
 *   orders               N / 100 (at least 10)
 *   appointments         about 1 per 2 long account outages + 3 per 4 orders
 *
 * With history_years Y > 0 it writes an electric utility's interruption
 * history instead (src/synth/history.c): outages.csv of exactly N rows
 * over the Y years before the month and the month, with log-normal daily
 * SAIDI, storm days and a storm planted on the month's 14th, and
 * customers.csv with 8 areas x (Y + 1) yearly counts; nothing else.
 *
 * The same options give the same bytes: all randomness comes from a
 * splitmix64 hash of (seed, stream, index) and one splitmix64 sequence for
 * the calls, never from rand(); no floating point decides a value; and
 * every time is converted with time.h's zone functions.
 *
 * Memory does not grow with N beyond a few MiB: files are streamed, every
 * record is a function of its index, and only the calls in flight (and,
 * for the queue_log, their pending lines) are held.
 */
#ifndef OMBUD_SYNTH_H
#define OMBUD_SYNTH_H

#include <stdint.h>
#include "ombud/time.h"
#include "ombud/err.h"

/** Fewest and most call legs `ombud synth` writes. */
#define OMBUD_SYNTH_MIN_ROWS 100
#define OMBUD_SYNTH_MAX_ROWS 200000000
/** Most years of interruption history (the reliability kind's
 * med_history allows 1 to 20). */
#define OMBUD_SYNTH_MAX_HISTORY_YEARS 20

/** How the call legs are written. */
typedef enum ombud_synth_format {
    OMBUD_SYNTH_CSV = 0,          /**< calls.csv (ombud's canonical legs) */
    OMBUD_SYNTH_QUEUE_LOG         /**< queue_log (Asterisk) + accounts.csv */
} ombud_synth_format;

/** What to generate. */
typedef struct ombud_synth_opts {
    int64_t rows;                 /**< call legs, MIN_ROWS..MAX_ROWS */
    uint64_t seed;                /**< any value; same seed => same bytes */
    ombud_synth_format format;
    int year, month;              /**< the month generated, e.g. 2026, 10 */
    const ombud_tz *tz;           /**< the carrier's zone (borrowed) */
    const char *dir;              /**< output folder, must exist (borrowed) */
    int history_years;            /**< 0: the carrier month; 1..MAX_HISTORY_YEARS:
                                   * the interruption history instead, rows
                                   * being its outages.csv rows */
} ombud_synth_opts;

/** How many records of each kind were written. */
typedef struct ombud_synth_counts {
    int64_t legs;                 /**< call legs (= rows) */
    int64_t queue_log_lines;      /**< lines of queue_log (0 for CSV) */
    int64_t accounts;
    int64_t outages;
    int64_t billing;
    int64_t appointments;
    int64_t orders;
    int64_t customers;            /**< customers.csv rows (history only) */
} ombud_synth_counts;

/**
 * @brief Write the month into @p o->dir: calls.csv (or queue_log and
 * accounts.csv), outages.csv, billing.csv, appointments.csv, orders.csv,
 * lines.csv (working lines per area, for trouble-report rates). With
 * o->history_years > 0, the interruption history instead: outages.csv
 * (exactly o->rows rows) and customers.csv only, counted in c->outages
 * and c->customers.
 *
 * Each file is written as NAME.tmp and renamed when complete, so a failure
 * (disk full) leaves no half-written file under the final name.
 * @param o  options (borrowed); rows and history_years must be within
 *           the bounds above, and the month minus history_years years
 *           after OMBUD_YEAR_MIN.
 * @param c  receives the counts; may be NULL.
 * @return OMBUD_OK, OMBUD_E_CANTCREAT when a file cannot be written (a
 * message has been printed), OMBUD_E_NOMEM.
 */
ombud_err ombud_synth_write(const ombud_synth_opts *o, ombud_synth_counts *c);

#endif
