/*
 * engine.h - the job the commands share: import files, evaluate the
 * guarantees, write a complaint dossier (src/engine.c).
 *
 * The engine sits between the commands (src/cmd/, which parse arguments
 * and print) and the modules below (ingest, rules, store, report). It
 * never prints a command's output itself: what a command says about a
 * file imported or a guarantee evaluated is handed to a callback the
 * command supplies, so `check` can print a summary and `verify` nothing,
 * from the same code. Diagnostics about the input (rejected rows, a
 * corrected export) still go through diag.h, as every module's do.
 * Nothing here exits or chooses an exit status.
 */
#ifndef OMBUD_ENGINE_H
#define OMBUD_ENGINE_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/guarantees.h"
#include "ombud/ingest.h"
#include "ombud/report.h"
#include "ombud/store.h"

/* ---- import ---------------------------------------------------------------- */

/** An input file named on the command line. */
typedef struct ombud_input {
    const ombud_format *fmt;
    const char *path;     /**< borrowed from argv */
    ombud_decoding dec;   /**< its --encoding and --delimiter (strings
                               borrowed from argv); zero: UTF-8, detected */
} ombud_input;

/**
 * @brief Told after each file is imported: @p c holds its counts, or
 * @p already is 1 when its SHA-256 was stored before (nothing added, @p c
 * unset). @p in and @p c are borrowed for the call.
 */
typedef void (*ombud_import_cb)(void *ud, const ombud_input *in,
                                const ombud_counts *c, int already);

/**
 * @brief Import @p n files in the import order of their kinds
 * (ombud_input_kind.order: outages, accounts, cdr, calls, queue_log,
 * billing, appointments, orders, customers; a queue_log's legs look up the
 * accounts map and the CDR), each in its own transaction.
 *
 * After each file @p done (may be NULL) is called with @p ud; then a file
 * that looks like a corrected export of a stored one is warned about.
 * The rows rejected are added to @p *rejected. @p in and @p opts are
 * borrowed.
 * @return OMBUD_OK; else the first file's error (the files before it stay
 * committed).
 */
ombud_err ombud_import_files(ombud_store *st, const ombud_input *in, int n,
                             const ombud_ingest_opts *opts,
                             ombud_import_cb done, void *ud,
                             int64_t *rejected);

/* ---- evaluate -------------------------------------------------------------- */

/** What a check came to, for the summary's last lines. */
typedef struct ombud_eval_totals {
    int guarantees;   /**< evaluated */
    int failed;       /**< FAIL */
    int nodata;       /**< NO DATA: nothing examined */
    int reportable;   /**< REPORTABLE */
} ombud_eval_totals;

/**
 * What ombud_evaluate() tells as it goes; any member may be NULL. Every
 * pointer handed over is borrowed for the call.
 */
typedef struct ombud_eval_sink {
    /** the check began, over [@p from, @p to) */
    void (*begin)(void *ud, const ombud_guarantees *gs, int64_t from,
                  int64_t to);
    /** guarantee @p g was evaluated into @p r (and stored) */
    void (*result)(void *ud, const ombud_guarantee *g, const ombud_result *r);
    /** every guarantee was evaluated */
    void (*end)(void *ud, const ombud_eval_totals *t);
    void *ud;         /**< handed to each */
} ombud_eval_sink;

/**
 * @brief Evaluate every guarantee over a period and replace that period's
 * findings in the store, in one transaction.
 *
 * @p period may be NULL: then the file's [filing] period; with neither,
 * the span of the data is named in an error and nothing is evaluated.
 * @p sink (NULL: tell nothing) hears of the check as it goes.
 * @p failed (may be NULL) receives the number of guarantees that failed,
 * @p check_id (may be NULL) the new check's id.
 * @return OMBUD_OK; OMBUD_E_USAGE for no or a bad period (said); a store
 * or rule error, after which the store's earlier findings are kept.
 */
ombud_err ombud_evaluate(ombud_store *st, const ombud_guarantees *gs,
                         const char *period, const ombud_eval_sink *sink,
                         int *failed, int64_t *check_id);

/** @brief ombud_evaluate() for an explicit period [@p from, @p to). */
ombud_err ombud_evaluate_span(ombud_store *st, const ombud_guarantees *gs,
                              int64_t from, int64_t to,
                              const ombud_eval_sink *sink, int *failed,
                              int64_t *check_id);

/* ---- the complaint dossier --------------------------------------------------- */

/** The files ombud_write_complaint() wrote. */
typedef struct ombud_dossier_paths {
    char pdf[4400];   /**< OUT/complaint-NAME.pdf (ombud_dossier_name()) */
    char xlsx[4400];  /**< OUT/complaint-NAME.xlsx */
} ombud_dossier_paths;

/** Room ombud_write_complaint() gives ombud_dossier_name(). */
#define OMBUD_DOSSIER_NAME_MAX 200

/**
 * @brief The NAME of a dossier's file complaint-NAME.pdf: @p account
 * itself when it is all [A-Za-z0-9._-] and fits @p size; otherwise the
 * account with every other byte made '_', cut to leave room for '-' and
 * the first 8 hex digits of the SHA-256 of the whole account, which are
 * appended, so two accounts never share a dossier's file.
 *
 * @code
 * ombud_dossier_name("ACC-1001", name, sizeof name);  // "ACC-1001"
 * ombud_dossier_name("ACC-אב", name, sizeof name);    // "ACC-____-" + 8 hex
 * @endcode
 * @param account  the account's id (a string)
 * @param out      where the name goes (always NUL-terminated)
 * @param size     the size of @p out: more than 10
 * @return OMBUD_OK; OMBUD_E_NOMEM when the hash cannot be made.
 */
ombud_err ombud_dossier_name(const char *account, char *out, size_t size);

/**
 * @brief Write the complaint dossier of @p c->account from check
 * @p c->check_id into @p out/complaint-NAME.{pdf,xlsx}, NAME made by
 * ombud_dossier_name() in OMBUD_DOSSIER_NAME_MAX bytes; their paths go
 * into @p paths.
 *
 * @p c->customer is required (the letter's signatory: no input names an
 * account's holder); NULL @p c->ask, @p c->letter_path and @p c->letter
 * take the defaults (the standard request for an account with or without
 * a breach, the compiled-in template of the current language). Every text
 * from the command line must pass ombud_text_check(). @p c is borrowed.
 * @return OMBUD_OK; OMBUD_E_USAGE without a customer or for a bad text;
 * OMBUD_E_DATA when no record names the account (the accounts that have
 * records are named); a report's error.
 */
ombud_err ombud_write_complaint(ombud_store *st, const ombud_complaint *c,
                                const char *out, ombud_dossier_paths *paths);

/**
 * @brief Refuse @p account when no record names it: OMBUD_E_DATA after a
 * message naming the accounts that have records (and the nearest, when
 * one is near). @return OMBUD_OK when some record names it.
 */
ombud_err ombud_account_has_records(ombud_store *st, const char *account);

/**
 * @brief The compiled-in complaint letter of the current language; its
 * template's path (for messages) goes into @p path. Static: do not free.
 */
const char *ombud_letter_default(char *path, size_t size);

#endif
