/*
 * filings.h - the filings `ombud compare` puts side by side.
 *
 * Each filing is a report as `ombud run` writes it and the folder of its
 * inputs. ombud_filings_open() opens one: its manifest read, its
 * guarantees file found among the inputs by checksum, and its standard
 * (the guarantees' ids and kinds) held against the first filing's, so
 * that a filing of another standard is refused before any work. Then
 * ombud_filings_verify() verifies each by verify's own steps (verify.h)
 * and takes its figures from the findings its inputs give (carriers.h),
 * never from the report. The comparison (carriers.h) fills as they go.
 *
 * The command (cmd_compare.c) parses the options and prints; this module
 * holds the filings. Messages about a filing that cannot be opened go
 * through diag.h, as everywhere.
 */
#ifndef OMBUD_FILINGS_H
#define OMBUD_FILINGS_H

#include "ombud/carriers.h"
#include "ombud/err.h"
#include "ombud/i18n.h"
#include "ombud/verify.h"

/** The filings of one comparison (opaque). */
typedef struct ombud_filings ombud_filings;

/** @brief None yet, or NULL when out of memory. Free with
 *  ombud_filings_free(). */
ombud_filings *ombud_filings_new(void);
void ombud_filings_free(ombud_filings *fs);

/**
 * @brief Open the next filing: report @p report (XLSX or PDF), its inputs
 * in folder @p dir (both borrowed; they must outlive @p fs).
 * @return OMBUD_OK; OMBUD_E_USAGE when @p dir holds more files than a
 * verification takes (nothing said: the caller says it as a usage
 * error); OMBUD_E_DATA when @p report is no filing (a dossier, not
 * ombud's) or a filing of another standard than the first one's, said;
 * OMBUD_E_NOINPUT and the like when a file cannot be read, said.
 * A filing whose guarantees file is not among its inputs is opened:
 * verifying it says why it cannot be recomputed.
 */
ombud_err ombud_filings_open(ombud_filings *fs, const char *report,
                             const char *dir);

/** @brief How many filings are open. */
int ombud_filings_count(const ombud_filings *fs);

/** @brief The language every open filing shares, else English. */
ombud_lang ombud_filings_lang(const ombud_filings *fs);

/**
 * @brief Verify filing @p i in its own language (its findings' texts, and
 * so their digest, are written in it), keep its figures and verdict,
 * then set the language back to @p out. Each step is said through
 * @p say (may be NULL).
 * @return the filing (borrowed from @p fs), its verified, reason and
 * figures filled, or NULL when @p out cannot be set again.
 */
const ombud_carrier_filing *ombud_filings_verify(ombud_filings *fs, int i,
                                                 ombud_lang out,
                                                 ombud_verify_say_fn say,
                                                 void *ud);

/**
 * @brief The comparison of the filings verified, sorted by carrier and
 * period (borrowed from @p fs).
 */
const ombud_comparison *ombud_filings_comparison(ombud_filings *fs);

#endif
