/*
 * verify.h - check a report against its inputs by writing it again.
 *
 * A report is verified by re-deriving it. Its manifest (manifest.h) names
 * each input and the guarantees file by SHA-256 and records every option
 * it was written with; the files offered are matched to it by checksum,
 * never by name, imported into a temporary store as the report names
 * them, the findings recomputed, the same report written again with the
 * same options and compared with the given file byte for byte
 * (compare.h says where they differ). A signature beside the report is
 * checked too (sign.h).
 *
 * `ombud verify` prints each step; `ombud compare` verifies several
 * filings and reads each one's re-derived findings. Both drive the same
 * steps through this module, so a filing compare calls VERIFIED is one
 * verify calls verified, for the same reason, in the same words.
 *
 * Steps are said through a callback, one sentence each, "ok" or not
 * (the sentences are verify's own, in English, as they always were).
 *
 * @code
 * ombud_verify *v = ombud_verify_new();
 * ombud_verify_offer_dir(v, "folder/");
 * ombud_verify_set(v, "report.xlsx", NULL, NULL, NULL);
 * if (!ombud_verify_open(v)) {
 *     ombud_verify_run(v, print_line, NULL, NULL, NULL);
 *     puts(ombud_verify_failures(v) ? ombud_verify_first(v) : "verified");
 * }
 * ombud_verify_free(v);
 * @endcode
 */
#ifndef OMBUD_VERIFY_H
#define OMBUD_VERIFY_H

#include <stdint.h>
#include "ombud/err.h"
#include "ombud/manifest.h"
#include "ombud/store.h"

/** One verification (opaque). */
typedef struct ombud_verify ombud_verify;

/**
 * @brief A step's outcome: @p ok 1 for "ok", 0 for a failure; @p line the
 * sentence (borrowed for the call).
 */
typedef void (*ombud_verify_say_fn)(void *ud, int ok, const char *line);

/**
 * @brief Called once the findings have been recomputed from the inputs
 * in the temporary store @p st (check @p check_id), before the report is
 * written again; @p digest is the recomputed findings digest (it may
 * differ from the report's). @p st is borrowed for the call: copy what is
 * needed. A non-zero return is taken as out of memory (the step fails).
 */
typedef int (*ombud_verify_derived_fn)(void *ud, ombud_store *st,
                                       int64_t check_id, const char *digest);

/** @brief A new verification, or NULL when out of memory. Free with
 *  ombud_verify_free(). */
ombud_verify *ombud_verify_new(void);

/** @brief Free @p v and every file it took; NULL is a no-op. */
void ombud_verify_free(ombud_verify *v);

/**
 * @brief Offer @p path (copied) as an input of option kind @p kind
 * ("outages", "calls", "letter", "profile"...; NULL: any kind, as from a
 * folder). @p kind is borrowed: a static string. Its SHA-256 is read now.
 * @return OMBUD_OK; OMBUD_E_USAGE when too many files were offered (no
 * message: the caller says it); OMBUD_E_NOINPUT when the file is not a
 * regular file or cannot be read (a message names it).
 */
ombud_err ombud_verify_offer(ombud_verify *v, const char *kind,
                             const char *path);

/** @brief Offer every regular file of folder @p dir (kind unknown).
 *  @return as ombud_verify_offer(); OMBUD_E_NOINPUT when @p dir cannot be
 *  opened (a message names it). */
ombud_err ombud_verify_offer_dir(ombud_verify *v, const char *dir);

/** @brief How many files were offered. */
int ombud_verify_nfiles(const ombud_verify *v);

/**
 * @brief The report to verify and what is given beside it (all borrowed:
 * they must outlive @p v): the guarantees file (NULL: looked for among
 * the offered files by checksum), the public key --key (NULL: any) and
 * the signature file (NULL: REPORT.sig when it exists).
 */
void ombud_verify_set(ombud_verify *v, const char *report,
                      const char *guarantees, const char *key,
                      const char *sig);

/**
 * @brief Read the report's manifest and make its language current (the
 * findings' texts, and so their digest, are in it).
 * @return OMBUD_OK; OMBUD_E_NOINPUT when unreadable; OMBUD_E_DATA when it
 * is not an ombud report, its manifest cannot be read or its language is
 * unknown (a message says which).
 */
ombud_err ombud_verify_open(ombud_verify *v);

/** @brief The report's manifest (after ombud_verify_open()); borrowed. */
const ombud_manifest *ombud_verify_manifest(const ombud_verify *v);

/** @brief 1 when the report is a PDF, 0 an XLSX. */
int ombud_verify_is_pdf(const ombud_verify *v);

/**
 * @brief Run every step: the version, the signature, each input and the
 * guarantees file by checksum, the findings recomputed, the report
 * written again and compared. Each step is said through @p say; @p
 * derived (may be NULL) is called with the recomputed findings.
 * @return the number of failed steps (0: verified).
 */
int ombud_verify_run(ombud_verify *v, ombud_verify_say_fn say, void *say_ud,
                     ombud_verify_derived_fn derived, void *derived_ud);

/** @brief Failed steps so far. */
int ombud_verify_failures(const ombud_verify *v);

/** @brief The first failed step's sentence ("" when none); borrowed. */
const char *ombud_verify_first(const ombud_verify *v);

/**
 * @brief What the re-derived findings rest on: guarantees with no data
 * and serious data-quality items (0 and 0 when nothing was recomputed).
 */
void ombud_verify_quality(const ombud_verify *v, int *nodata, int *serious);

/**
 * @brief The guarantees file the report was made with, after
 * ombud_verify_open(): the one given when its SHA-256 is the manifest's,
 * else an offered file that has it; NULL when there is none. Says
 * nothing (ombud_verify_run() says it). Borrowed while @p v lives.
 */
const char *ombud_verify_guarantees(ombud_verify *v);

#endif
