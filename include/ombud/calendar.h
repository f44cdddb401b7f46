/*
 * calendar.h - opening hours and working time.
 *
 * A calendar is a weekly schedule of open intervals in local time, a set of
 * holidays (whole local days closed) and a zone. Rules use it to ask "was
 * support open at this instant?" and "how much working time lies between
 * two instants?" (the clock stops outside the schedule, as in
 * "restored within 2 working days") and "which day ends the Nth working
 * day?" (a working day being one the calendar is open at all).
 *
 * Hours are written as comma-separated entries, each days then one or more
 * time ranges:
 *
 *     mon-fri 08:00-20:00, sat 09:00-13:00
 *     daily 00:00-24:00          (same as 24x7)
 *     weekdays 08:00-12:00 13:00-17:00, weekends 10:00-14:00
 *     mon,wed,fri 09:00-17:00
 *     24x7
 *
 * Days: mon tue wed thu fri sat sun, ranges like mon-fri (also wrapping,
 * fri-mon), lists joined with ',' inside one entry only when no time range
 * is between them, "daily", "weekdays" (mon-fri), "weekends" (sat,sun).
 * A range is HH:MM-HH:MM with the end after the start; 24:00 is allowed as
 * an end. Ranges of one day may not overlap. An overnight shift is written
 * as two entries (mon-fri 22:00-24:00, tue-sat 00:00-06:00).
 *
 * Local times are converted with the calendar's zone, so a DST night has a
 * 23- or 25-hour day and open intervals follow the wall clock.
 */
#ifndef OMBUD_CALENDAR_H
#define OMBUD_CALENDAR_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/time.h"
#include "ombud/err.h"

/** Most open intervals per weekday. */
#define OMBUD_CAL_MAX_RANGES 8
/** Most holidays in one calendar. */
#define OMBUD_CAL_MAX_HOLIDAYS 512

/** An open interval within a local day, in minutes since local midnight. */
typedef struct ombud_cal_range {
    int start; /**< 0..1439 */
    int end;   /**< start+1..1440 (1440 = 24:00) */
} ombud_cal_range;

/** A weekly schedule with holidays. Plain data: copy freely. */
typedef struct ombud_calendar {
    ombud_cal_range day[7][OMBUD_CAL_MAX_RANGES]; /**< by ISO weekday, 0 = Monday; sorted */
    int nranges[7];                     /**< ranges used per weekday */
    int64_t holidays[OMBUD_CAL_MAX_HOLIDAYS]; /**< local days (days since 1970-01-01), sorted */
    int nholidays;
    const ombud_tz *tz;                 /**< zone (borrowed; must outlive the calendar) */
} ombud_calendar;

/**
 * @brief Make a calendar open all week, 24 hours, with no holidays.
 * @param tz zone (borrowed).
 */
void ombud_calendar_24x7(ombud_calendar *cal, const ombud_tz *tz);

/**
 * @brief Parse an hours specification (see above) into @p cal's weekly
 * schedule, replacing it. Holidays are kept.
 * @param why receives a short reason on failure, e.g.
 *   "unknown day 'mnd'" or "range 20:00-08:00 ends before it starts".
 * @return OMBUD_OK or OMBUD_E_DATA.
 */
ombud_err ombud_calendar_parse_hours(ombud_calendar *cal, const char *spec,
                                     char *why, size_t whylen);

/**
 * @brief Parse a comma-separated list of ISO dates ("2026-11-26, 2026-12-25")
 * and add them as holidays (duplicates ignored).
 * @return OMBUD_OK or OMBUD_E_DATA with the bad date in @p why.
 */
ombud_err ombud_calendar_parse_holidays(ombud_calendar *cal, const char *list,
                                        char *why, size_t whylen);

/** @brief Is the calendar open at instant @p t? (Holidays are closed.) */
int ombud_calendar_is_open(const ombud_calendar *cal, int64_t t);

/**
 * @brief Seconds of open time in [@p from, @p to). 0 when to <= from.
 * Cost grows with the number of local days spanned.
 */
int64_t ombud_calendar_open_seconds(const ombud_calendar *cal, int64_t from,
                                    int64_t to);

/**
 * @brief The instant at which @p seconds of open time have elapsed after
 * @p from (the deadline of "within N working hours"). When the calendar has
 * no open time at all, returns INT64_MAX.
 */
int64_t ombud_calendar_add_open(const ombud_calendar *cal, int64_t from,
                                int64_t seconds);

/**
 * @brief The end of the @p n-th working day after the local day of @p t
 * (n = 0: the end of that day itself), as in "by the end of the next
 * working day". A working day is a day on which @p cal is open at all;
 * with a NULL calendar every day is one. Stops after ten years of days.
 */
int64_t ombud_calendar_working_day_end(const ombud_calendar *cal,
                                       const ombud_tz *tz, int64_t t,
                                       int64_t n);

/**
 * @brief Working days of @p cal (every day when NULL) whose local day
 * starts in [@p from, @p to), @p from and @p to being local midnights.
 */
int64_t ombud_calendar_working_days(const ombud_calendar *cal,
                                    const ombud_tz *tz, int64_t from,
                                    int64_t to);

#endif
