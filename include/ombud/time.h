/*
 * time.h - instants, time zones and civil dates.
 *
 * An instant is an int64_t count of seconds since 1970-01-01T00:00:00Z
 * (Unix time, leap seconds ignored). The store keeps only instants; local
 * time exists only at the edges (parsing input, writing reports).
 *
 * Time zones are IANA names ("America/Los_Angeles") resolved through GLib's
 * GTimeZone, which reads the system zoneinfo database (Debian's tzdata).
 * GLib is already present as a dependency of pango, so this costs nothing
 * and keeps ombud away from the process-global TZ variable of mktime().
 *
 * Supported civil range: years 1900 to 2199. Only this module reads the
 * clock; tests pin it with ombud_clock_set() or SOURCE_DATE_EPOCH.
 */
#ifndef OMBUD_TIME_H
#define OMBUD_TIME_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"

/** Marks "no instant" (a blank optional time field). */
#define OMBUD_TIME_NONE INT64_MIN

/** Earliest and latest year accepted in input. */
#define OMBUD_YEAR_MIN 1900
#define OMBUD_YEAR_MAX 2199

/** The instants of those years, a day wider at each end for any UTC
 *  offset: 1899-12-31 00:00 UTC and 2200-01-02 00:00 UTC. */
#define OMBUD_TIME_FIRST INT64_C(-2209075200)
#define OMBUD_TIME_LAST INT64_C(7258204800)

/** Non-zero when @p t lies within [OMBUD_TIME_FIRST, OMBUD_TIME_LAST]:
 *  what an import or a check can have stored. */
int ombud_time_in_range(int64_t t);

/** An IANA time zone. Opaque; create with ombud_tz_open(). */
typedef struct ombud_tz ombud_tz;

/**
 * @brief Open a time zone by IANA name ("UTC", "Europe/Madrid").
 * @param name  zone name (borrowed; copied).
 * @param out   receives the zone; the caller frees it with ombud_tz_free().
 * @return OMBUD_OK, or OMBUD_E_DATA when the name is not a known zone.
 */
ombud_err ombud_tz_open(const char *name, ombud_tz **out);

/** Free a zone; NULL is a no-op. */
void ombud_tz_free(ombud_tz *tz);

/** The zone's name as given to ombud_tz_open (owned by the zone). */
const char *ombud_tz_name(const ombud_tz *tz);

/** Offset from UTC in seconds (east positive) in force at instant @p t. */
int32_t ombud_tz_offset_at(const ombud_tz *tz, int64_t t);

/** How a local wall-clock time maps to instants. */
typedef enum ombud_local_kind {
    OMBUD_LOCAL_UNIQUE = 0, /**< exactly one instant */
    OMBUD_LOCAL_GAP,        /**< skipped by a DST change; shifted forward */
    OMBUD_LOCAL_OVERLAP     /**< repeated by a DST change; earlier taken */
} ombud_local_kind;

/**
 * @brief Convert local wall-clock seconds (as if the local time were UTC)
 * to an instant.
 *
 * In a spring-forward gap the time does not exist; it is read with the
 * offset in force before the change, which moves it forward by the gap
 * (02:30 on a 02:00->03:00 night becomes 03:30), as RFC 5545 and most
 * libraries do. In a fall-back overlap the earlier instant is taken.
 * @param kind may be NULL; receives which case applied.
 */
int64_t ombud_tz_local_to_utc(const ombud_tz *tz, int64_t local,
                              ombud_local_kind *kind);

/** Broken-down civil time. */
typedef struct ombud_tm {
    int year;    /**< e.g. 2026 */
    int month;   /**< 1..12 */
    int day;     /**< 1..31 */
    int hour;    /**< 0..23 */
    int min;     /**< 0..59 */
    int sec;     /**< 0..59 */
    int wday;    /**< 0 = Monday .. 6 = Sunday (ISO order) */
    int32_t utc_offset; /**< seconds east of UTC that applied */
} ombud_tm;

/** Days since 1970-01-01 of a proleptic Gregorian date. */
int64_t ombud_days_from_civil(int year, int month, int day);

/** Inverse of ombud_days_from_civil(). Days beyond OMBUD_TIME_FIRST and
 *  OMBUD_TIME_LAST (only an altered store holds them) are taken as those
 *  ends, so that no figure overflows. */
void ombud_civil_from_days(int64_t days, int *year, int *month, int *day);

/** Number of days in @p month of @p year. */
int ombud_days_in_month(int year, int month);

/**
 * @brief The local midnight that ends the day of @p t in @p tz: the end of
 * a date-only field's day ("on or before the due date"), or the start of
 * the next day.
 */
int64_t ombud_next_midnight(const ombud_tz *tz, int64_t t);

/** Break instant @p t down in zone @p tz (UTC when @p tz is NULL); one
 *  outside OMBUD_TIME_FIRST..OMBUD_TIME_LAST as the nearest end. */
void ombud_tm_from_instant(const ombud_tz *tz, int64_t t, ombud_tm *out);

/** What ombud_time_parse() accepts. */
enum {
    OMBUD_TIME_DATE_OK = 1 /**< a date alone is accepted, meaning local 00:00 */
};

/**
 * @brief Parse an ISO 8601 time.
 *
 * Accepted: "2026-10-03T14:05:00-07:00", "2026-10-03 14:05:00Z",
 * "2026-10-03T14:05", fractions of a second (truncated), offsets as
 * "+hh:mm", "+hhmm" or "+hh". Without an offset the time is local in
 * @p tz. With OMBUD_TIME_DATE_OK a date alone is local midnight.
 *
 * @param s     NUL-terminated text (borrowed).
 * @param tz    zone for times without offset (borrowed).
 * @param flags OMBUD_TIME_* bits.
 * @param out   receives the instant.
 * @param why   receives a short reason on failure ("month out of range").
 * @return OMBUD_OK or OMBUD_E_FIELD.
 */
ombud_err ombud_time_parse(const char *s, const ombud_tz *tz, unsigned flags,
                           int64_t *out, char *why, size_t whylen);

/**
 * @brief Parse a calendar date: exactly "YYYY-MM-DD", a day that exists
 * (2026-02-29 does not), in years OMBUD_YEAR_MIN to OMBUD_YEAR_MAX.
 *
 * @code
 * int y, m, d;
 * char why[80];
 * if (ombud_date_parse("2026-11-02", &y, &m, &d, why, sizeof why))
 *     ...;  // why: "day out of range (2026-02 has 28 days)" and the like
 * @endcode
 * @param s     NUL-terminated text (borrowed); nothing may follow the day.
 * @param why   receives a short reason on failure.
 * @return OMBUD_OK, or OMBUD_E_FIELD (nothing is written to the outputs).
 */
ombud_err ombud_date_parse(const char *s, int *year, int *month, int *day,
                           char *why, size_t whylen);

/**
 * @brief Format an instant as "2026-10-14 16:00:00 -07:00" in @p tz
 * (UTC with "Z" when @p tz is NULL).
 * @return @p buf.
 */
char *ombud_time_format(const ombud_tz *tz, int64_t t, char *buf, size_t size);

/**
 * @brief Parse a reporting period into [@p from, @p to), local to @p tz.
 *
 * Accepted: "2026" (a year), "2026-Q4" (a quarter), "2026-10" (a month),
 * "2026-10-17" (a day), "2026-10-01..2026-10-31" (days, both included).
 * @return OMBUD_OK or OMBUD_E_DATA with a reason in @p why.
 */
ombud_err ombud_period_parse(const char *s, const ombud_tz *tz, int64_t *from,
                             int64_t *to, char *why, size_t whylen);

/**
 * @brief Describe a period as "2026-10-01 to 2026-10-31" (whole local days)
 * or with times when it does not fall on midnights. @return @p buf.
 */
char *ombud_period_format(const ombud_tz *tz, int64_t from, int64_t to,
                          char *buf, size_t size);

/**
 * @brief The current time. From the hook set by ombud_clock_set(), else
 * SOURCE_DATE_EPOCH when set, else the system clock.
 */
int64_t ombud_clock_now(void);

/**
 * @brief Today's date in zone @p tz (UTC when NULL), by ombud_clock_now():
 * pinned by ombud_clock_set() or SOURCE_DATE_EPOCH like the clock itself.
 */
void ombud_today(const ombud_tz *tz, int *year, int *month, int *day);

/** Pin the clock (tests). NULL restores the default. */
void ombud_clock_set(int64_t (*now)(void));

#endif
