/*
 * test_calendar_hours.c - opening hours: parsing, is_open, open_seconds and
 * add_open, including both DST changes in Los Angeles and Madrid.
 *
 * Expected instants are UTC civil times worked out by hand. For reading
 * ease, local times are written with the macros below, which add the
 * zone's offset by hand: Los Angeles is PDT (UTC-7) from 2026-03-08 02:00
 * to 2026-11-01 02:00 and PST (UTC-8) otherwise; Madrid is CEST (UTC+2)
 * from 2026-03-29 02:00 to 2026-10-25 03:00 and CET (UTC+1) otherwise.
 */
#include "testutil.h"
#include "ombud/calendar.h"

#define HOUR 3600
#define PDT(y, mo, d, h, mi, s) (UTC(y, mo, d, h, mi, s) + 7 * HOUR)
#define PST(y, mo, d, h, mi, s) (UTC(y, mo, d, h, mi, s) + 8 * HOUR)
#define CEST(y, mo, d, h, mi, s) (UTC(y, mo, d, h, mi, s) - 2 * HOUR)
#define CET(y, mo, d, h, mi, s) (UTC(y, mo, d, h, mi, s) - 1 * HOUR)

/* The founding case's real support hours. */
#define SUPPORT "mon-fri 08:00-20:00, sat 09:00-13:00"

static ombud_tz *la, *madrid;

static int setup(void **state)
{
    (void)state;
    return ombud_tz_open("America/Los_Angeles", &la) ||
           ombud_tz_open("Europe/Madrid", &madrid);
}

static int teardown(void **state)
{
    (void)state;
    ombud_tz_free(la);
    ombud_tz_free(madrid);
    return 0;
}

/* A calendar in @tz with hours @spec and holidays @hol (may be NULL). */
static ombud_calendar make(const ombud_tz *tz, const char *spec, const char *hol)
{
    ombud_calendar cal;
    char why[128] = "";

    ombud_calendar_24x7(&cal, tz);
    if (ombud_calendar_parse_hours(&cal, spec, why, sizeof why))
        fail_msg("hours '%s' rejected: %s", spec, why);
    if (hol && ombud_calendar_parse_holidays(&cal, hol, why, sizeof why))
        fail_msg("holidays '%s' rejected: %s", hol, why);
    return cal;
}

/* Parsing @spec fails with a reason containing @part; the week is kept. */
static void bad_hours(const char *spec, const char *part)
{
    ombud_calendar cal, before;
    char why[128] = "";

    ombud_calendar_24x7(&cal, la);
    before = cal;
    assert_int_equal(ombud_calendar_parse_hours(&cal, spec, why, sizeof why),
                     OMBUD_E_DATA);
    if (!strstr(why, part))
        fail_msg("'%s': reason '%s' lacks '%s'", spec, why, part);
    assert_memory_equal(&cal, &before, sizeof cal);
}

static void bad_holidays(const char *list, const char *part)
{
    ombud_calendar cal = make(la, "24x7", "2026-01-01");
    ombud_calendar before = cal;
    char why[128] = "";

    assert_int_equal(ombud_calendar_parse_holidays(&cal, list, why, sizeof why),
                     OMBUD_E_DATA);
    if (!strstr(why, part))
        fail_msg("'%s': reason '%s' lacks '%s'", list, why, part);
    assert_memory_equal(&cal, &before, sizeof cal);
}

static void range_is(const ombud_calendar *cal, int w, int i, int start, int end)
{
    assert_true(i < cal->nranges[w]);
    assert_int_equal(cal->day[w][i].start, start);
    assert_int_equal(cal->day[w][i].end, end);
}

/* 1: 24x7 is one 00:00-24:00 range every day, no holidays. */
static void test_24x7(void **state)
{
    ombud_calendar cal;
    (void)state;
    memset(&cal, 0xab, sizeof cal);
    ombud_calendar_24x7(&cal, madrid);
    for (int w = 0; w < 7; w++) {
        assert_int_equal(cal.nranges[w], 1);
        range_is(&cal, w, 0, 0, 1440);
    }
    assert_int_equal(cal.nholidays, 0);
    assert_ptr_equal(cal.tz, madrid);
}

/* 2: the forms of the header; minutes since midnight, 08:00 = 480. */
static void test_parse_forms(void **state)
{
    ombud_calendar cal, all;
    (void)state;
    cal = make(la, SUPPORT, NULL);
    for (int w = 0; w < 5; w++)
        range_is(&cal, w, 0, 480, 1200);
    range_is(&cal, 5, 0, 540, 780);
    assert_int_equal(cal.nranges[6], 0);

    /* "daily 00:00-24:00" and "24x7" (any case, blanks around) are the
     * same week as ombud_calendar_24x7(). */
    ombud_calendar_24x7(&all, la);
    cal = make(la, "daily 00:00-24:00", NULL);
    assert_memory_equal(&cal, &all, sizeof cal);
    cal = make(la, "  24X7 ", NULL);
    assert_memory_equal(&cal, &all, sizeof cal);

    cal = make(la, "weekdays 08:00-12:00 13:00-17:00, weekends 10:00-14:00", NULL);
    for (int w = 0; w < 5; w++) {
        assert_int_equal(cal.nranges[w], 2);
        range_is(&cal, w, 0, 480, 720);
        range_is(&cal, w, 1, 780, 1020);
    }
    range_is(&cal, 5, 0, 600, 840);
    range_is(&cal, 6, 0, 600, 840);

    /* Day lists: ',' joins days until the entry has a time range. */
    cal = make(la, "mon,wed,fri 09:00-17:00", NULL);
    for (int w = 0; w < 7; w++)
        assert_int_equal(cal.nranges[w], w % 2 == 0 && w < 5);
    cal = make(la, "Mon , WED,  fri 09:00-17:00,sat 10:00-11:00", NULL);
    for (int w = 0; w < 7; w++)
        assert_int_equal(cal.nranges[w], (w % 2 == 0 && w < 5) || w == 5);

    /* fri-mon wraps: fri sat sun mon. Full names, any case. */
    cal = make(la, "mon,mon-tue 10:00-11:00", NULL);   /* a day twice: once */
    assert_int_equal(cal.nranges[0], 1);
    assert_int_equal(cal.nranges[1], 1);
    cal = make(la, "fri-mon 10:00-11:00", NULL);
    for (int w = 0; w < 7; w++)
        assert_int_equal(cal.nranges[w], w == 0 || w >= 4);
    cal = make(la, "Monday-TUESDAY 09:00-10:00, sunday 01:00-02:00", NULL);
    for (int w = 0; w < 7; w++)
        assert_int_equal(cal.nranges[w], w <= 1 || w == 6);

    /* An overnight shift as two entries. */
    cal = make(la, "mon-fri 22:00-24:00, tue-sat 00:00-06:00", NULL);
    range_is(&cal, 0, 0, 1320, 1440);
    range_is(&cal, 1, 0, 0, 360);
    range_is(&cal, 1, 1, 1320, 1440);
    range_is(&cal, 5, 0, 0, 360);
    assert_int_equal(cal.nranges[6], 0);
}

/* 3: ranges are sorted, touching ones merged; holidays survive a reparse. */
static void test_parse_sort_merge(void **state)
{
    ombud_calendar cal;
    (void)state;
    cal = make(la, "mon 13:00-17:00 08:00-12:00", NULL);
    range_is(&cal, 0, 0, 480, 720);
    range_is(&cal, 0, 1, 780, 1020);

    cal = make(la, "mon 12:00-13:00 13:00-14:00", NULL);
    assert_int_equal(cal.nranges[0], 1);
    range_is(&cal, 0, 0, 720, 840);
    cal = make(la, "mon 13:00-14:00, mon 12:00-13:00", NULL);
    assert_int_equal(cal.nranges[0], 1);
    range_is(&cal, 0, 0, 720, 840);
    /* 09:00-10:00 bridges the two others into one 08:00-11:00. */
    cal = make(la, "mon 08:00-09:00 10:00-11:00 09:00-10:00", NULL);
    assert_int_equal(cal.nranges[0], 1);
    range_is(&cal, 0, 0, 480, 660);

    /* Eight separate ranges fit. */
    cal = make(la, "sun 01:00-02:00 03:00-04:00 05:00-06:00 07:00-08:00 "
               "09:00-10:00 11:00-12:00 13:00-14:00 15:00-16:00", NULL);
    assert_int_equal(cal.nranges[6], OMBUD_CAL_MAX_RANGES);
    range_is(&cal, 6, 7, 900, 960);

    cal = make(la, "24x7", "2026-12-25");
    assert_int_equal(ombud_calendar_parse_hours(&cal, SUPPORT, NULL, 0), OMBUD_OK);
    assert_int_equal(cal.nholidays, 1);
    assert_int_equal(cal.nranges[6], 0);
}

/* 4: every rejection of an hours spec, with its reason. */
static void test_parse_errors(void **state)
{
    (void)state;
    bad_hours("", "empty hours");
    bad_hours("   ", "empty hours");
    bad_hours("mnd 08:00-20:00", "unknown day 'mnd'");
    bad_hours("mon-frx 08:00-20:00", "unknown day 'frx'");
    bad_hours("noon 08:00-20:00", "unknown day 'noon'");
    bad_hours("mondaymondaymondaymonday 08:00-20:00", "unknown day 'monday");
    bad_hours("mon-mon 08:00-09:00", "day range 'mon-mon' names one day twice");
    bad_hours("mon 20:00-08:00", "range '20:00-08:00' ends before it starts");
    bad_hours("mon 09:00-09:00", "range '09:00-09:00' is empty");
    bad_hours("mon 25:00-26:00", "hour out of range (00-24) in '25:00-26:00'");
    bad_hours("mon 08:60-09:00", "minute out of range (00-59) in '08:60-09:00'");
    bad_hours("mon 24:00-24:00", "range '24:00-24:00' starts at 24:00");
    bad_hours("mon 08:00-24:30", "time after 24:00 in '08:00-24:30'");
    bad_hours("mon 8:00-17:00", "bad time range '8:00-17:00' (expected HH:MM-HH:MM)");
    bad_hours("mon 08:00 - 17:00", "bad time range '08:00'");
    bad_hours("mon 08:00-12:00 11:00-13:00",
              "ranges '08:00-12:00' and '11:00-13:00' overlap on mon");
    bad_hours("daily 08:00-20:00, sat 09:00-13:00",
              "ranges '08:00-20:00' and '09:00-13:00' overlap on sat");
    bad_hours("sun 01:00-02:00 03:00-04:00 05:00-06:00 07:00-08:00 09:00-10:00 "
              "11:00-12:00 13:00-14:00 15:00-16:00 17:00-18:00",
              "more than 8 ranges on sun");
    bad_hours("08:00-20:00", "time range '08:00-20:00' has no days");
    bad_hours("mon 08:00-12:00, 13:00-17:00", "time range '13:00-17:00' has no days");
    bad_hours("mon, 08:00-12:00", "',' between the days and the time range '08:00-12:00'");
    bad_hours("mon wed 09:00-17:00", "missing ',' before 'wed'");
    bad_hours("mon 08:00-20:00 sat 09:00-13:00", "missing ',' before 'sat'");
    bad_hours("mon", "no time range after 'mon'");
    bad_hours("mon 08:00-20:00, sat", "no time range after 'sat'");
    bad_hours("mon 08:00-20:00,", "empty entry after '08:00-20:00'");
    bad_hours(", mon 08:00-20:00", "empty entry before 'mon'");
    bad_hours("mon 08:00-20:00,, sat 09:00-13:00", "empty entry before 'sat'");
    bad_hours("24x7, sat 09:00-13:00", "'24x7' must stand alone");
    bad_hours("mon 08:00-20:00, 24x7", "'24x7' must stand alone");
}

/* 5: holidays are local day numbers, sorted and unique. */
static void test_holidays(void **state)
{
    ombud_calendar cal;
    (void)state;
    cal = make(la, "24x7", "");
    assert_int_equal(cal.nholidays, 0);
    assert_int_equal(ombud_calendar_parse_holidays(&cal, "  ", NULL, 0), OMBUD_OK);
    assert_int_equal(cal.nholidays, 0);

    assert_int_equal(ombud_calendar_parse_holidays(&cal,
        "2026-12-25, 2026-11-26 ,2026-12-25", NULL, 0), OMBUD_OK);
    assert_int_equal(cal.nholidays, 2);
    assert_int_equal(cal.holidays[0], ombud_days_from_civil(2026, 11, 26));
    assert_int_equal(cal.holidays[1], ombud_days_from_civil(2026, 12, 25));
    /* A second list adds to the first; duplicates ignored. */
    assert_int_equal(ombud_calendar_parse_holidays(&cal,
        "2027-01-01,2026-11-26,2026-01-01", NULL, 0), OMBUD_OK);
    assert_int_equal(cal.nholidays, 4);
    assert_int_equal(cal.holidays[0], ombud_days_from_civil(2026, 1, 1));
    assert_int_equal(cal.holidays[3], ombud_days_from_civil(2027, 1, 1));
    /* Before the epoch too: 1969-12-31 is day -1. */
    assert_int_equal(ombud_calendar_parse_holidays(&cal, "1969-12-31", NULL, 0),
                     OMBUD_OK);
    assert_int_equal(cal.holidays[0], -1);
}

/* 6: bad holiday lists; a failure adds none of the list. */
static void test_holiday_errors(void **state)
{
    ombud_calendar cal;
    char list[OMBUD_CAL_MAX_HOLIDAYS * 12 + 16], why[128];
    size_t len = 0;
    (void)state;
    bad_holidays("2026-13-01", "bad holiday '2026-13-01': month out of range");
    bad_holidays("2026-02-29", "bad holiday '2026-02-29': day out of range");
    bad_holidays("2026-11-26, 26-12-25", "bad holiday '26-12-25' (expected YYYY-MM-DD)");
    bad_holidays("2026-11-26T10:00", "bad holiday '2026-11-26T10:00' (expected");
    bad_holidays("2026/11/26", "bad holiday '2026/11/26': not an ISO 8601 date");
    bad_holidays("2026-11-26,,2026-12-25", "empty date in holiday list");
    bad_holidays("2026-11-26, ", "empty date in holiday list");
    bad_holidays(",2026-11-26", "empty date in holiday list");

    /* 513 distinct days from 2026-01-01: one too many. */
    for (int i = 0; i <= OMBUD_CAL_MAX_HOLIDAYS; i++) {
        int y, m, d;
        ombud_civil_from_days(ombud_days_from_civil(2026, 1, 1) + i, &y, &m, &d);
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%04d-%02d-%02d",
                                i ? "," : "", y, m, d);
    }
    ombud_calendar_24x7(&cal, la);
    assert_int_equal(ombud_calendar_parse_holidays(&cal, list, why, sizeof why),
                     OMBUD_E_DATA);
    assert_string_equal(why, "more than 512 holidays");
    assert_int_equal(cal.nholidays, 0);
    /* Drop the last date ("," + 10 characters): exactly 512 fit. */
    list[len - 11] = '\0';
    assert_int_equal(ombud_calendar_parse_holidays(&cal, list, why, sizeof why),
                     OMBUD_OK);
    assert_int_equal(cal.nholidays, OMBUD_CAL_MAX_HOLIDAYS);
}

/* 7: the founding case in Los Angeles, October 2026 (PDT, UTC-7).
 * 2026-10-15 is a Thursday, 10-17 Saturday, 10-18 Sunday. */
static void test_is_open_founding(void **state)
{
    ombud_calendar cal = make(la, SUPPORT, NULL);
    (void)state;
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 15, 7, 5, 0)));
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 17, 21, 30, 0)));
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 18, 8, 15, 0)));
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 18, 9, 40, 0)));
    assert_true(ombud_calendar_is_open(&cal, PDT(2026, 10, 17, 10, 0, 0)));
    /* Range edges: [08:00, 20:00) to the second. 08:00 PDT is 15:00Z. */
    assert_int_equal(PDT(2026, 10, 15, 8, 0, 0), UTC(2026, 10, 15, 15, 0, 0));
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 15, 7, 59, 59)));
    assert_true(ombud_calendar_is_open(&cal, PDT(2026, 10, 15, 8, 0, 0)));
    assert_true(ombud_calendar_is_open(&cal, PDT(2026, 10, 15, 19, 59, 59)));
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 15, 20, 0, 0)));
    /* Saturday closes at 13:00. */
    assert_true(ombud_calendar_is_open(&cal, PDT(2026, 10, 17, 12, 59, 59)));
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 17, 13, 0, 0)));
    /* In winter (PST, UTC-8) the same wall-clock hours hold. */
    assert_true(ombud_calendar_is_open(&cal, PST(2026, 12, 1, 8, 0, 0)));
    assert_false(ombud_calendar_is_open(&cal, PST(2026, 12, 1, 7, 59, 59)));
}

/* 8: a holiday closes the whole local day, not the UTC day. */
static void test_is_open_holiday(void **state)
{
    ombud_calendar cal = make(la, SUPPORT, "2026-10-15");
    ombud_calendar all = make(la, "daily 00:00-24:00", "2026-10-15");
    (void)state;
    assert_false(ombud_calendar_is_open(&cal, PDT(2026, 10, 15, 10, 0, 0)));
    assert_true(ombud_calendar_is_open(&cal, PDT(2026, 10, 16, 10, 0, 0)));
    /* 23:30 PDT on the 15th is already the 16th in UTC: still closed. */
    assert_false(ombud_calendar_is_open(&all, PDT(2026, 10, 15, 23, 30, 0)));
    assert_true(ombud_calendar_is_open(&all, PDT(2026, 10, 16, 0, 0, 0)));
    assert_true(ombud_calendar_is_open(&all, PDT(2026, 10, 14, 23, 59, 59)));
    assert_false(ombud_calendar_is_open(&all, PDT(2026, 10, 15, 0, 0, 0)));
}

/* 9: open_seconds within a day and across a weekend (founding hours). */
static void test_open_seconds_days(void **state)
{
    ombud_calendar cal = make(la, SUPPORT, NULL);
    (void)state;
    /* Thu 10:00-15:30: 5.5 h, all open. */
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 15, 10, 0, 0),
                     PDT(2026, 10, 15, 15, 30, 0)), 5 * HOUR + 1800);
    /* Thu 06:00-09:00: open only 08:00-09:00. 19:00-23:00: 19:00-20:00. */
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 15, 6, 0, 0),
                     PDT(2026, 10, 15, 9, 0, 0)), HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 15, 19, 0, 0),
                     PDT(2026, 10, 15, 23, 0, 0)), HOUR);
    /* Empty and reversed intervals. */
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 15, 10, 0, 0),
                     PDT(2026, 10, 15, 10, 0, 0)), 0);
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 15, 11, 0, 0),
                     PDT(2026, 10, 15, 10, 0, 0)), 0);
    /* Fri 18:00 to Mon 10:00: Fri 2 h + Sat 4 h + Sun 0 + Mon 2 h = 8 h. */
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 16, 18, 0, 0),
                     PDT(2026, 10, 19, 10, 0, 0)), 8 * HOUR);
    /* All of Sunday: nothing. */
    assert_int_equal(ombud_calendar_open_seconds(&cal, PDT(2026, 10, 18, 0, 0, 0),
                     PDT(2026, 10, 19, 0, 0, 0)), 0);
}

/* 10: open_seconds over weeks, with holidays. 2026-10-05 is a Monday. */
static void test_open_seconds_weeks(void **state)
{
    ombud_calendar cal = make(la, "mon-fri 08:00-20:00", NULL);
    int64_t from = PDT(2026, 10, 5, 0, 0, 0), to = PDT(2026, 10, 19, 0, 0, 0);
    (void)state;
    /* Two weeks of five 12-hour days. */
    assert_int_equal(ombud_calendar_open_seconds(&cal, from, to), 2 * 5 * 12 * HOUR);
    /* A holiday on Sunday 10-11 changes nothing; Monday 10-12 takes 12 h. */
    assert_int_equal(ombud_calendar_parse_holidays(&cal, "2026-10-11", NULL, 0), OMBUD_OK);
    assert_int_equal(ombud_calendar_open_seconds(&cal, from, to), 2 * 5 * 12 * HOUR);
    assert_int_equal(ombud_calendar_parse_holidays(&cal, "2026-10-12", NULL, 0), OMBUD_OK);
    assert_int_equal(ombud_calendar_open_seconds(&cal, from, to), 9 * 12 * HOUR);
    /* Holidays outside [from, to) do not count against it. */
    assert_int_equal(ombud_calendar_parse_holidays(&cal, "2026-10-19, 2026-10-02",
                     NULL, 0), OMBUD_OK);
    assert_int_equal(ombud_calendar_open_seconds(&cal, from, to), 9 * 12 * HOUR);
}

/* 11: Los Angeles DST. Spring forward 2026-03-08 02:00 PST -> 03:00 PDT,
 * fall back 2026-11-01 02:00 PDT -> 01:00 PST (both Sundays). */
static void test_open_seconds_dst_la(void **state)
{
    ombud_calendar all = make(la, "24x7", NULL);
    ombud_calendar daily = make(la, "daily 00:00-24:00", NULL);
    ombud_calendar work = make(la, "daily 08:00-20:00", NULL);
    int64_t a = PST(2026, 3, 7, 12, 0, 0), b = PDT(2026, 3, 8, 12, 0, 0);
    int64_t c = PDT(2026, 10, 31, 12, 0, 0), d = PST(2026, 11, 1, 12, 0, 0);
    (void)state;
    /* Noon to noon across the change: 23 h in spring, 25 h in autumn. */
    assert_int_equal(b - a, 23 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&all, a, b), 23 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&daily, a, b), 23 * HOUR);
    assert_int_equal(d - c, 25 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&all, c, d), 25 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&daily, c, d), 25 * HOUR);
    /* The whole DST days: 23 h and 25 h of wall-clock day. */
    assert_int_equal(ombud_calendar_open_seconds(&all, PST(2026, 3, 8, 0, 0, 0),
                     PDT(2026, 3, 9, 0, 0, 0)), 23 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&all, PDT(2026, 11, 1, 0, 0, 0),
                     PST(2026, 11, 2, 0, 0, 0)), 25 * HOUR);
    /* 08:00-20:00 lies after the change on both days: 12 h each day.
     * Sat 03-07 12:00 to Sun 11-01 12:00: 8 h on 03-07, the 238 whole days
     * 03-08..10-31 (24+30+31+30+31+31+30+31), 4 h on 11-01: 239 x 12 h. */
    assert_int_equal(ombud_calendar_open_seconds(&work, a, d), 239 * 12 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&work, PST(2026, 3, 7, 0, 0, 0),
                     PDT(2026, 3, 9, 0, 0, 0)), 24 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&work, PDT(2026, 10, 31, 0, 0, 0),
                     PST(2026, 11, 2, 0, 0, 0)), 24 * HOUR);
}

/* 12: ranges that straddle the change follow the wall clock. */
static void test_dst_wall_clock(void **state)
{
    ombud_calendar night = make(la, "daily 01:00-03:00", NULL);
    ombud_calendar gap = make(la, "sun 02:30-04:00", NULL);
    ombud_calendar split = make(la, "sun 02:00-02:45 03:00-04:00", NULL);
    (void)state;
    /* Spring: 01:00 PST (09:00Z) to 03:00 PDT (10:00Z) is 1 h. */
    assert_int_equal(ombud_calendar_open_seconds(&night, PST(2026, 3, 8, 0, 0, 0),
                     PDT(2026, 3, 9, 0, 0, 0)), HOUR);
    /* Autumn: 01:00 PDT (08:00Z) to 03:00 PST (11:00Z) is 3 h, and the
     * repeated 01:30 (PST, 09:30Z) is inside the interval: open. */
    assert_int_equal(ombud_calendar_open_seconds(&night, PDT(2026, 11, 1, 0, 0, 0),
                     PST(2026, 11, 2, 0, 0, 0)), 3 * HOUR);
    assert_true(ombud_calendar_is_open(&night, PST(2026, 11, 1, 1, 30, 0)));
    /* 02:30 does not exist on 2026-03-08: opening "at 02:30" means opening
     * when the clock jumps to 03:00 PDT (10:00Z), so 03:00-04:00 is open. */
    assert_int_equal(ombud_calendar_open_seconds(&gap, PST(2026, 3, 8, 0, 0, 0),
                     PDT(2026, 3, 9, 0, 0, 0)), HOUR);
    assert_true(ombud_calendar_is_open(&gap, PDT(2026, 3, 8, 3, 0, 0)));
    assert_false(ombud_calendar_is_open(&gap, PST(2026, 3, 8, 1, 59, 59)));
    /* 02:00-02:45 lies wholly in the gap: no open time, and no hour is
     * counted twice with 03:00-04:00. A normal Sunday has 1:45 h. */
    assert_int_equal(ombud_calendar_open_seconds(&split, PST(2026, 3, 8, 0, 0, 0),
                     PDT(2026, 3, 9, 0, 0, 0)), HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&split, PST(2026, 3, 1, 0, 0, 0),
                     PST(2026, 3, 2, 0, 0, 0)), HOUR + 45 * 60);
}

/* 13: for 24x7, open time is elapsed time, whatever the span. */
static void test_24x7_is_elapsed(void **state)
{
    ombud_calendar all = make(la, "24x7", NULL);
    ombud_calendar mad = make(madrid, "daily 00:00-24:00", NULL);
    int64_t a0 = UTC(2026, 3, 1, 0, 0, 0);
    (void)state;
    /* Start points every 7 h 13 min 7 s over most of 2026 (covering both
     * changes in both zones), spans from 1 s to about 40 days. */
    for (int64_t a = a0; a < UTC(2026, 11, 20, 0, 0, 0); a += 7 * HOUR + 793) {
        int64_t b = a + 1 + (a - a0) % (40 * 24 * HOUR);
        assert_int_equal(ombud_calendar_open_seconds(&all, a, b), b - a);
        assert_int_equal(ombud_calendar_open_seconds(&mad, a, b), b - a);
        assert_true(ombud_calendar_is_open(&all, a));
        assert_int_equal(ombud_calendar_add_open(&all, a, b - a), b);
    }
}

/* 14: Europe/Madrid. Spring 2026-03-29 02:00 CET -> 03:00 CEST, autumn
 * 2026-10-25 03:00 CEST -> 02:00 CET (both Sundays). */
static void test_madrid(void **state)
{
    ombud_calendar all = make(madrid, "24x7", NULL);
    ombud_calendar work = make(madrid, "mon-fri 09:00-18:00", "2026-12-25");
    (void)state;
    assert_int_equal(ombud_calendar_open_seconds(&all, CET(2026, 3, 28, 12, 0, 0),
                     CEST(2026, 3, 29, 12, 0, 0)), 23 * HOUR);
    assert_int_equal(ombud_calendar_open_seconds(&all, CEST(2026, 10, 24, 12, 0, 0),
                     CET(2026, 10, 25, 12, 0, 0)), 25 * HOUR);
    /* Mon 10-19 00:00 CEST to Mon 10-26 00:00 CET: five days of 9 h. */
    assert_int_equal(ombud_calendar_open_seconds(&work, CEST(2026, 10, 19, 0, 0, 0),
                     CET(2026, 10, 26, 0, 0, 0)), 45 * HOUR);
    /* Christmas week (Mon 12-21 to Mon 12-28): Friday 12-25 is off. */
    assert_int_equal(ombud_calendar_open_seconds(&work, CET(2026, 12, 21, 0, 0, 0),
                     CET(2026, 12, 28, 0, 0, 0)), 36 * HOUR);
    /* Monday after the change opens at 09:00 CET = 08:00Z. */
    assert_int_equal(CET(2026, 10, 26, 9, 0, 0), UTC(2026, 10, 26, 8, 0, 0));
    assert_true(ombud_calendar_is_open(&work, CET(2026, 10, 26, 9, 0, 0)));
    assert_false(ombud_calendar_is_open(&work, CET(2026, 10, 26, 8, 59, 59)));
    assert_false(ombud_calendar_is_open(&work, CET(2026, 12, 25, 12, 0, 0)));
    /* 8 working hours from Fri 10-23 16:00 CEST: 2 h Friday, 6 h Monday
     * from 09:00 CET: Mon 15:00 CET = 14:00Z. */
    assert_int_equal(ombud_calendar_add_open(&work, CEST(2026, 10, 23, 16, 0, 0),
                     8 * HOUR), UTC(2026, 10, 26, 14, 0, 0));
}

/* 15: add_open on working hours (mon-fri 08:00-20:00, Los Angeles). */
static void test_add_open(void **state)
{
    ombud_calendar cal = make(la, "mon-fri 08:00-20:00", NULL);
    ombud_calendar sup = make(la, SUPPORT, NULL);
    int64_t fri = PDT(2026, 10, 16, 18, 0, 0);
    (void)state;
    /* From Fri 18:00: Fri 18-20 gives 2 h, Mon 12 h (14 h so far). 20 h
     * then ends Tue 14:00 (6 h into Tuesday); 24 h ends Tue 18:00. */
    assert_int_equal(ombud_calendar_add_open(&cal, fri, 20 * HOUR),
                     PDT(2026, 10, 20, 14, 0, 0));
    assert_int_equal(ombud_calendar_add_open(&cal, fri, 24 * HOUR),
                     PDT(2026, 10, 20, 18, 0, 0));
    assert_int_equal(ombud_calendar_open_seconds(&cal, fri,
                     PDT(2026, 10, 20, 18, 0, 0)), 24 * HOUR);
    /* Exactly used up at closing: the earliest instant, Fri 20:00. */
    assert_int_equal(ombud_calendar_add_open(&cal, fri, 2 * HOUR),
                     PDT(2026, 10, 16, 20, 0, 0));
    /* Zero (or less) is from itself, even when closed. */
    assert_int_equal(ombud_calendar_add_open(&cal, PDT(2026, 10, 17, 3, 0, 0), 0),
                     PDT(2026, 10, 17, 3, 0, 0));
    assert_int_equal(ombud_calendar_add_open(&cal, fri, -5), fri);
    /* From Saturday night (founding hours) one second lands after Monday
     * 08:00:00, as Sunday is closed. */
    assert_int_equal(ombud_calendar_add_open(&sup, PDT(2026, 10, 17, 21, 30, 0), 1),
                     PDT(2026, 10, 19, 8, 0, 1));
    /* With a holiday on Monday the 12 h of Monday move to Tuesday. */
    assert_int_equal(ombud_calendar_parse_holidays(&cal, "2026-10-19", NULL, 0), OMBUD_OK);
    assert_int_equal(ombud_calendar_add_open(&cal, fri, 14 * HOUR),
                     PDT(2026, 10, 20, 20, 0, 0));
}

/* 16: add_open inverts open_seconds, and no hours at all never ends. */
static void test_add_open_inverse(void **state)
{
    ombud_calendar cal = make(la, SUPPORT, "2026-11-26");
    ombud_calendar none;
    int64_t a0 = PDT(2026, 10, 1, 0, 0, 0);
    (void)state;
    /* Starts every 5 h 1 min 1 s, amounts up to 100 h, across fall-back
     * and Thanksgiving. T is the earliest: one second less is short. */
    for (int64_t a = a0, s = 1; a < PST(2026, 12, 1, 0, 0, 0); a += 5 * HOUR + 61) {
        int64_t t = ombud_calendar_add_open(&cal, a, s);
        assert_int_equal(ombud_calendar_open_seconds(&cal, a, t), s);
        assert_int_equal(ombud_calendar_open_seconds(&cal, a, t - 1), s - 1);
        assert_true(ombud_calendar_is_open(&cal, t - 1));
        s = (s * 7919 + 3600) % (100 * HOUR) + 1;
    }
    /* A week with no hours: never. Likewise when asking for more time
     * than ten years hold (the walk gives up). */
    memset(&none, 0, sizeof none);
    none.tz = la;
    assert_int_equal(ombud_calendar_add_open(&none, a0, 1), INT64_MAX);
    assert_int_equal(ombud_calendar_open_seconds(&none, a0, a0 + 1000 * HOUR), 0);
    assert_false(ombud_calendar_is_open(&none, a0));
    assert_int_equal(ombud_calendar_add_open(&cal, a0, INT64_MAX / 2), INT64_MAX);
}

/* 17: is_open and open_seconds agree: summing is_open over every minute
 * of a fortnight spanning fall-back gives open_seconds (all boundaries
 * fall on whole minutes, so sampling each minute's first second is exact). */
static void test_is_open_matches(void **state)
{
    ombud_calendar cal = make(la, "mon-fri 08:00-12:00 13:00-20:00, "
                              "sat 09:00-13:00, sun 00:30-02:30", "2026-10-28");
    int64_t a = PDT(2026, 10, 25, 0, 0, 0), b = PST(2026, 11, 8, 0, 0, 0), sum = 0;
    (void)state;
    for (int64_t t = a; t < b; t += 60)
        sum += 60 * ombud_calendar_is_open(&cal, t);
    assert_int_equal(sum, ombud_calendar_open_seconds(&cal, a, b));
    /* Hand count: weekdays 11 h x 9 (10-28 is off), Saturdays 4 h x 2,
     * Sundays 2 h on 10-25 and 11-01 (00:30 PDT to 02:30 PST is 3 h). */
    assert_int_equal(sum, (9 * 11 + 2 * 4 + 2 + 3) * HOUR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_24x7), cmocka_unit_test(test_parse_forms),
        cmocka_unit_test(test_parse_sort_merge), cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_holidays), cmocka_unit_test(test_holiday_errors),
        cmocka_unit_test(test_is_open_founding), cmocka_unit_test(test_is_open_holiday),
        cmocka_unit_test(test_open_seconds_days), cmocka_unit_test(test_open_seconds_weeks),
        cmocka_unit_test(test_open_seconds_dst_la), cmocka_unit_test(test_dst_wall_clock),
        cmocka_unit_test(test_24x7_is_elapsed), cmocka_unit_test(test_madrid),
        cmocka_unit_test(test_add_open), cmocka_unit_test(test_add_open_inverse),
        cmocka_unit_test(test_is_open_matches),
    };
    return cmocka_run_group_tests_name("calendar", tests, setup, teardown);
}
