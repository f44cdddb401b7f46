/*
 * guarantees.h - the guarantees file: what was promised, and to whom it is
 * filed.
 *
 * An INI file (parsed with libinih) with three kinds of section:
 *
 *     [filing]                  carrier, commission, timezone, currency,
 *                               docket, prepared_by, period
 *     [calendar NAME]           hours, holidays, timezone
 *     [guarantee ID]            promise, source, kind, and the kind's keys
 *     [source asterisk]         what the site's queue exits mean
 *                               (exitwithtimeout, exitwithkey)
 *
 * Every problem is reported as "FILE:LINE: error: [section] key: reason"
 * and loading goes on to report the rest before failing. Long values may
 * continue on indented lines (joined with a space); a line may hold at most
 * OMBUD_INI_MAX_LINE bytes, a section name OMBUD_INI_MAX_SECTION.
 */
#ifndef OMBUD_GUARANTEES_H
#define OMBUD_GUARANTEES_H

#include "ombud/time.h"
#include "ombud/calendar.h"
#include "ombud/err.h"
#include "ombud/ingest.h"
#include "ombud/rule.h"

/** Longest line libinih reads here (its INI_MAX_LINE less the newline), in
 *  bytes. */
#define OMBUD_INI_MAX_LINE 198
/** Longest section name libinih passes whole (MAX_SECTION in its ini.c,
 *  50, less the NUL), in bytes: an id of 39 in [guarantee ID]. */
#define OMBUD_INI_MAX_SECTION 49
/** Most calendars and guarantees in one file. */
#define OMBUD_MAX_CALENDARS 32
#define OMBUD_MAX_GUARANTEES 128

/** The [filing] section. Strings owned by the guarantees; NULL when absent. */
typedef struct ombud_filing {
    char *carrier;      /**< the company the filing is about (required) */
    char *commission;   /**< who it is filed with (required) */
    char *timezone;     /**< IANA zone of the filing (default UTC) */
    char *currency;     /**< ISO 4217 code (default USD) */
    char *docket;       /**< docket or case number */
    char *prepared_by;  /**< who prepared it */
    char *period;       /**< default period, e.g. 2026-10 */
    char *language;     /**< language of reports and letters: en, es, ca, he */
    int64_t max_rejected_bp; /**< largest share of a file's rows rejected
                                  before the data are incomplete (bp) */
    int allow_incomplete;    /**< set by --allow-incomplete, not the file */
    int corrective_after;    /**< months below standard in a row that call
                                  for corrective action (months.h); 0: not
                                  said */
} ombud_filing;

/** Default [filing] max_rejected: 0.50%. */
#define OMBUD_DEFAULT_MAX_REJECTED_BP 50

/** A [calendar NAME] section. */
typedef struct ombud_named_calendar {
    char *name;          /**< (owned) */
    long line;           /**< line of the section header */
    ombud_calendar cal;  /**< schedule and holidays */
    ombud_tz *tz;        /**< its own zone if given, else NULL (owned) */
} ombud_named_calendar;

/** A loaded guarantees file. Free with ombud_guarantees_free(). */
typedef struct ombud_guarantees {
    char *path;                 /**< as given (owned) */
    char sha256[65];            /**< of the file's bytes */
    ombud_filing filing;
    ombud_tz *tz;               /**< the filing zone (owned) */
    ombud_named_calendar cals[OMBUD_MAX_CALENDARS];
    int ncals;
    ombud_calendar inline_cals[OMBUD_MAX_GUARANTEES]; /**< hours written inline */
    int ninline;
    ombud_guarantee g[OMBUD_MAX_GUARANTEES]; /**< in file order */
    int ng;
    ombud_asterisk_site asterisk; /**< [source asterisk], or the defaults */
} ombud_guarantees;

/**
 * @brief Load and check a guarantees file.
 * @param out receives the guarantees (caller frees) or NULL on error.
 * @return OMBUD_OK; OMBUD_E_NOINPUT when unreadable; OMBUD_E_DATA when any
 * error was found (all were printed).
 */
ombud_err ombud_guarantees_load(const char *path, ombud_guarantees **out);

/** Free; NULL is a no-op. */
void ombud_guarantees_free(ombud_guarantees *gs);

/**
 * @brief The guarantee's keys as "key=value; key=value" in declaration
 * order, defaults included, for the findings (what was applied).
 * @return @p buf.
 */
char *ombud_guarantee_params(const ombud_guarantee *g, char *buf, size_t size);

#endif
