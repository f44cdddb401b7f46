/*
 * carriers.h - several carriers' filings of one standard, side by side.
 *
 * The regulator's comparison (`ombud compare`, issue 26): each filing (a
 * report as `ombud run` writes it, and the folder of its inputs) is
 * verified as `ombud verify` verifies it (verify.h), and its figures are
 * those its inputs give, re-derived in verify's temporary store: what
 * the inputs prove, never what a report says of itself. A filing that
 * is NOT VERIFIED keeps its column, flagged (struck through, grey,
 * marked), with verify's reason beside it.
 *
 * Filings are comparable when they are of the same standard: the same
 * guarantee ids, each of the same kind (ombud_standard_differs()). Their
 * periods may differ: a column is a filing, so one carrier's two periods
 * are two columns, side by side (ombud_comparison_sort()).
 *
 * The writers never recompute a rule: they lay out what the comparison
 * holds. Both are deterministic (their dates are the latest period's end)
 * and write privately, renaming into place (outfile.h).
 */
#ifndef OMBUD_CARRIERS_H
#define OMBUD_CARRIERS_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/manifest.h"
#include "ombud/report.h"
#include "ombud/store.h"

/** Most filings compared at once. */
#define OMBUD_CARRIERS_MAX 32
/** Most guarantees a standard has (as a guarantees file). */
#define OMBUD_STANDARD_MAX 128

/** A standard: the guarantees a filing answers to, by id and kind. */
typedef struct ombud_standard {
    int ng;                               /**< guarantees, in file order */
    char id[OMBUD_STANDARD_MAX][96];      /**< section names */
    char kind[OMBUD_STANDARD_MAX][32];    /**< rule kinds ("restoration") */
} ombud_standard;

/** One guarantee of one filing, as re-derived from its inputs. */
typedef struct ombud_carrier_figure {
    int present;            /**< 1: the re-derived check has a result */
    int pass;               /**< OMBUD_PASS, OMBUD_FAIL, OMBUD_NO_DATA... */
    char status[16];        /**< as stored: "PASS", "FAIL", "NO DATA"... */
    int64_t measured;       /**< the figure, in @c unit */
    int64_t target;         /**< the limit, in @c unit */
    char unit[24];          /**< "s", "bp", "count", money... (value.h) */
    int64_t subjects;       /**< subjects examined */
    int64_t breaches;       /**< breaches found */
    int64_t amount;         /**< owed, minor units; OMBUD_AMOUNT_NONE */
    char measured_text[640];/**< the figure in words, the filing's language */
} ombud_carrier_figure;

/** An input file as the filing's manifest names it. */
typedef struct ombud_carrier_input {
    char kind[16];          /**< outages, calls... */
    char name[256];         /**< its file name */
    char sha256[65];
} ombud_carrier_input;

/** One filing: its report, its verify status and its figures. */
typedef struct ombud_carrier_filing {
    char report[1024];        /**< the report's path, as given */
    char report_sha256[65];   /**< the report file's SHA-256 */
    char findings_sha256[65]; /**< the findings digest its manifest states */
    int is_pdf;               /**< 1 PDF, 0 XLSX */
    char carrier[256];        /**< [filing] carrier; "" when unknown */
    char currency[4];         /**< the filing's currency ("USD") */
    char tz[64];              /**< the filing's zone */
    int64_t from, to;         /**< its period [from, to) */
    char guarantees_sha256[65]; /**< of its guarantees file */
    ombud_carrier_input in[OMBUD_MANIFEST_MAX_INPUTS]; /**< its inputs */
    int nin;
    int verified;             /**< 1: VERIFIED; 0: NOT VERIFIED */
    char reason[600];         /**< NOT VERIFIED: verify's first failure */
    int derived;              /**< 1: the figures were re-derived */
    ombud_carrier_figure fig[OMBUD_STANDARD_MAX]; /**< by the standard's
                                 guarantee index */
} ombud_carrier_filing;

/** What `ombud compare` lays out. */
typedef struct ombud_comparison {
    ombud_standard std;       /**< the standard all filings share */
    int nf;                   /**< filings */
    ombud_carrier_filing *f[OMBUD_CARRIERS_MAX]; /**< (owned: free()) */
} ombud_comparison;

/**
 * @brief Whether @p b answers to the same guarantees as @p a: the same
 * ids, each of the same kind (order does not matter). Pure.
 * @param why receives, when they differ, the first difference in words
 * ("guarantee 'restore' is of kind 'restoration' in one and
 * 'commitments' in the other"); may be NULL.
 * @return 0 the same, 1 they differ.
 */
int ombud_standard_differs(const ombud_standard *a, const ombud_standard *b,
                           char *why, size_t size);

/**
 * @brief Put the filings in the order they are shown: by carrier (bytes),
 * then period start, then report SHA-256; so a comparison reads the same
 * whatever the order the filings were given in. Pure.
 */
void ombud_comparison_sort(ombud_comparison *c);

/**
 * @brief Copy check @p check_id's results from store @p st into @p f's
 * figures (matched to @p std by guarantee id), and the filing's carrier
 * and currency. @return OMBUD_OK or the store's error.
 */
ombud_err ombud_carrier_take(ombud_carrier_filing *f, const ombud_standard *std,
                             ombud_store *st, int64_t check_id);

/** The figures shown for each guarantee, a row each, in this order. */
enum ombud_figure_row {
    OMBUD_FIGURE_STATUS,    /**< PASS, FAIL, NO DATA... */
    OMBUD_FIGURE_MEASURED,  /**< the figure, in its unit */
    OMBUD_FIGURE_TARGET,    /**< the limit it is held to */
    OMBUD_FIGURE_WORDS,     /**< the figure in words */
    OMBUD_FIGURE_SUBJECTS,  /**< subjects examined */
    OMBUD_FIGURE_BREACHES,  /**< breaches */
    OMBUD_FIGURE_OWED,      /**< owed; "-" when the guarantee deals in no
                                 money */
    OMBUD_FIGURE_ROWS
};

/** @brief Row @p k's label in the current language. Static. */
const char *ombud_figure_label(int k);

/**
 * @brief Figure @p k of guarantee @p g of filing @p f as the reader writes
 * it, in the current language (money in the filing's currency); "" when
 * it was not re-derived. @return @p buf.
 */
char *ombud_figure_text(const ombud_carrier_filing *f, int g, int k,
                        char *buf, size_t size);

/** @brief The period of @p f in its zone, as reports write it. @return @p buf. */
char *ombud_filing_period(const ombud_carrier_filing *f, char *buf, size_t size);

/** @brief Free every filing of @p c; @p c may then be reused. */
void ombud_comparison_free(ombud_comparison *c);

/**
 * @brief The comparison as a workbook at @p path: a Comparison sheet
 * (a row per guarantee and figure, a column per filing under its carrier,
 * period, verify status and digests) and a Filings sheet (carrier, report,
 * SHA-256s, period, status and reason, inputs' checksums).
 * @return OMBUD_OK, OMBUD_E_NOMEM or OMBUD_E_CANTCREAT (a message names
 * @p path).
 */
ombud_err ombud_compare_xlsx(const ombud_comparison *c, const char *path);

/**
 * @brief The comparison as a PDF at @p path: the filings with their
 * status and digests, then the figures side by side (landscape when more
 * than three filings), a NOT VERIFIED filing's struck through in grey.
 * @return as ombud_compare_xlsx().
 */
ombud_err ombud_compare_pdf(const ombud_comparison *c, const char *path,
                            ombud_paper paper);

#endif
