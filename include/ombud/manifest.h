/*
 * manifest.h - what a report says about where its figures came from.
 *
 * Every report embeds a manifest: the tool version, the period, the
 * SHA-256 of each input file and of the guarantees file, and the findings
 * digest (store.h). It is one line of text, "; "-separated key=value pairs,
 * so that it fits an XLSX custom property and a PDF keywords entry alike:
 *
 *   ombud-manifest 1; version=0.5.0; from=1790838000; to=1793520000;
 *   tz=America/Los_Angeles; currency=USD; guarantees=<sha>; findings=<sha>;
 *   lang=es; doc=filing; paper=letter; gpath=fibre-bundle.ini;
 *   input=calls|calls.csv|<sha>|8088|64|64|0|samples/calls.csv|America/...;
 *   input=...
 *
 * An input read through an import profile has two more fields, the
 * profile's SHA-256 and name (input=...|tz|<sha>|oe417.ini); inputs read
 * without one keep the nine fields they always had, so reports without
 * profiles have the manifest they always had.
 *
 * "lang=" is written only when the findings' texts (and so their digest)
 * are in a language other than English. doc, paper and, for a dossier,
 * account, customer, ask, letter, date (the letter's, YYYY-MM-DD: chosen
 * or today's, so the dossier is written again the same on a later day;
 * left out when it is the period's last day, the date dossiers bore
 * before it was an option, so theirs keep their manifest) and (only when
 * given) address, service_address and tried are the options the report
 * was written with;
 * gpath and each input's path and zone are what the store recorded.
 * Together they are everything `ombud verify` needs to write the
 * same report again, byte for byte, from the same inputs: a report is
 * verified by re-deriving it, not by trusting what it says of itself.
 *
 * A filing that shows the periods before its own (history.h) lists them
 * as "history=FROM-TO,FROM-TO" (instants, oldest first), so that verify
 * checks them again first; a filing without any has no such key.
 *
 * Free-text values are percent-encoded (%XX) for '%', ';', '|', '=',
 * control bytes and every byte past ASCII, so the line is plain ASCII in
 * every container (an XLSX cell, a PDF /Keywords string).
 */
#ifndef OMBUD_MANIFEST_H
#define OMBUD_MANIFEST_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/store.h"
#include "ombud/value.h"

#define OMBUD_MANIFEST_MAX_INPUTS 64

/** One input file as the report states it. */
typedef struct ombud_manifest_input {
    char kind[16];          /**< outages, calls, billing */
    char name[256];         /**< file name (informational: matching is by checksum) */
    char sha256[65];
    int64_t bytes, read, stored, rejected;
    char path[1024];        /**< the path the store recorded (shown in reports) */
    char tz[64];            /**< the zone it was read in */
    char profile_sha256[65];/**< the import profile it was read through
                                 (profile.h), or "" */
    char profile[256];      /**< that profile's name as recorded, or "" */
} ombud_manifest_input;

typedef struct ombud_manifest {
    char version[32];             /**< ombud version that wrote the findings */
    int64_t from, to;             /**< the period [from, to) */
    char tz[64];
    char currency[4];
    char lang[8];                 /**< language of the findings' texts; "en" */
    char allow[4];                /**< "1": filed with --allow-incomplete; "" */
    char guarantees_sha256[65];
    char findings_sha256[65];
    ombud_manifest_input in[OMBUD_MANIFEST_MAX_INPUTS];
    int nin;
    /* How the report was written (set by the writer, not by _build): */
    char doc[12];                 /**< "filing" or "dossier" */
    char paper[8];                /**< a PDF's "letter" or "a4"; "" in XLSX */
    char gpath[1024];             /**< the guarantees path the check recorded */
    char account[OMBUD_ID_MAX + 1]; /**< dossier: the account (any id an
                                       import keeps, value.h) */
    char customer[512];           /**< dossier: who complains */
    char ask[4096];               /**< dossier: what they ask for */
    char letter[65];              /**< dossier: the letter template's SHA-256 */
    char address[512];            /**< dossier: --address, "" when not given */
    char service_address[512];    /**< dossier: --service-address, or "" */
    char tried[4096];             /**< dossier: --tried, or "" */
    char date[16];                /**< dossier: the letter's date, YYYY-MM-DD;
                                       "": the period's last day */
    char history[1600];           /**< filing: the earlier periods it shows
                                       (history.h), "FROM-TO,..." oldest
                                       first; "": none */
} ombud_manifest;

/** @brief The manifest of check @p check_id (0 = latest) from the store. */
ombud_err ombud_manifest_build(ombud_store *st, int64_t check_id,
                               ombud_manifest *m);

/**
 * @brief The manifest as its one line of text (into @p buf).
 * @return buf, or NULL when it does not fit in @p size bytes (the writer
 * then refuses to write a report whose manifest would be cut).
 */
char *ombud_manifest_format(const ombud_manifest *m, char *buf, size_t size);

/**
 * @brief Read a manifest line back.
 * @return OMBUD_OK, or OMBUD_E_DATA when @p text is not a manifest.
 */
ombud_err ombud_manifest_parse(const char *text, ombud_manifest *m);

/** Longest manifest text, in bytes (an XLSX cell holds 32,767 characters). */
#define OMBUD_MANIFEST_MAX 32000

#endif
