/*
 * test_time_date.c - ombud_date_parse() (the letter's --date) and
 * ombud_today(): table-driven cases with numbered ids; expected days and
 * reasons written by hand, the clock pinned.
 */
#include "testutil.h"
#include "ombud/time.h"

/* 1: real calendar days, leap days included. */
static void test_days(void **state)
{
    static const struct { int id; const char *s; int y, m, d; } cases[] = {
        {101, "2026-11-02", 2026, 11, 2},
        {102, "2026-01-31", 2026, 1, 31},
        {103, "2026-12-31", 2026, 12, 31},
        {104, "2028-02-29", 2028, 2, 29},   /* divisible by 4 */
        {105, "2000-02-29", 2000, 2, 29},   /* by 400 */
        {106, "1900-01-01", 1900, 1, 1},    /* the first year ombud takes */
        {107, "2199-12-31", 2199, 12, 31},  /* and the last */
        {108, "2026-04-30", 2026, 4, 30},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int y = 0, m = 0, d = 0;
        char why[96] = "";
        if (ombud_date_parse(cases[i].s, &y, &m, &d, why, sizeof why))
            fail_msg("%d: '%s' rejected: %s", cases[i].id, cases[i].s, why);
        if (y != cases[i].y || m != cases[i].m || d != cases[i].d)
            fail_msg("%d: '%s' read as %04d-%02d-%02d", cases[i].id,
                     cases[i].s, y, m, d);
    }
}

/* 2: everything else is refused, with the reason. */
static void test_refused(void **state)
{
    static const struct { int id; const char *s, *why; } cases[] = {
        {201, "2026-02-30", "day out of range (2026-02 has 28 days)"},
        {202, "2026-02-29", "day out of range (2026-02 has 28 days)"},
        {203, "1900-02-29", "day out of range (1900-02 has 28 days)"},
        {204, "2026-04-31", "day out of range (2026-04 has 30 days)"},
        {205, "2026-13-01", "month out of range"},
        {206, "2026-00-10", "month out of range"},
        {207, "2026-11-00", "day out of range"},
        {208, "1899-12-31", "year out of range (1900-2199)"},
        {209, "2200-01-01", "year out of range (1900-2199)"},
        {210, "yesterday", "not an ISO 8601 date"},
        {211, "", "not an ISO 8601 date"},
        {212, "2026-11-2", "not an ISO 8601 date"},
        {213, "26-11-02", "not an ISO 8601 date"},
        {214, "2026/11/02", "not an ISO 8601 date"},
        {215, "2026-11-02T10:00", "not an ISO 8601 date"},
        {216, "2026-11-02 ", "not an ISO 8601 date"},
        {217, " 2026-11-02", "not an ISO 8601 date"},
        {218, "+2026-11-02", "not an ISO 8601 date"},
        {219, "02/11/2026", "not an ISO 8601 date"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int y = -1, m = -1, d = -1;
        char why[96] = "";
        if (ombud_date_parse(cases[i].s, &y, &m, &d, why, sizeof why) !=
            OMBUD_E_FIELD)
            fail_msg("%d: '%s' taken", cases[i].id, cases[i].s);
        if (!strstr(why, cases[i].why))
            fail_msg("%d: '%s': reason '%s' lacks '%s'", cases[i].id,
                     cases[i].s, why, cases[i].why);
        if (y != -1 || m != -1 || d != -1)
            fail_msg("%d: '%s': outputs written on failure", cases[i].id,
                     cases[i].s);
    }
}

/* 3: today is the clock's day where the filing is: 2026-11-02 05:00 UTC
 * is 2026-11-01 in Los Angeles (PST, UTC-8 since 11-01) and 2026-11-02
 * in Madrid and in UTC; 2026-11-02 10:30 UTC is 2026-11-03 in Kiritimati
 * (UTC+14). */
static int64_t clock_at;
static int64_t pinned(void) { return clock_at; }

static void test_today(void **state)
{
    static const struct { int id; const char *zone; int64_t t; int y, m, d; }
    cases[] = {
        {301, "America/Los_Angeles", 0, 2026, 11, 1},
        {302, "Europe/Madrid", 0, 2026, 11, 2},
        {303, "UTC", 0, 2026, 11, 2},
        {304, "Pacific/Kiritimati", 19800, 2026, 11, 3},
    };
    (void)state;
    ombud_clock_set(pinned);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ombud_tz *tz;
        int y, m, d;
        assert_int_equal(ombud_tz_open(cases[i].zone, &tz), OMBUD_OK);
        clock_at = UTC(2026, 11, 2, 5, 0, 0) + cases[i].t;
        ombud_today(tz, &y, &m, &d);
        if (y != cases[i].y || m != cases[i].m || d != cases[i].d)
            fail_msg("%d: today in %s is %04d-%02d-%02d", cases[i].id,
                     cases[i].zone, y, m, d);
        ombud_tz_free(tz);
    }
    clock_at = UTC(2026, 11, 2, 5, 0, 0);
    {
        int y, m, d;
        ombud_today(NULL, &y, &m, &d);    /* NULL: UTC */
        assert_int_equal(y * 10000 + m * 100 + d, 20261102);
    }
    ombud_clock_set(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_days), cmocka_unit_test(test_refused),
        cmocka_unit_test(test_today),
    };
    return cmocka_run_group_tests_name("cal date", tests, NULL, NULL);
}
