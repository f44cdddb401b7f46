/*
 * test_time_parse.c - ombud_time_parse(): accepted forms and every rejection.
 * Expected instants are written as UTC civil times worked out by hand.
 */
#include "testutil.h"
#include "ombud/time.h"

static ombud_tz *utc, *la, *madrid;

static int setup(void **state)
{
    (void)state;
    return ombud_tz_open("UTC", &utc) || ombud_tz_open("America/Los_Angeles", &la)
        || ombud_tz_open("Europe/Madrid", &madrid);
}

static int teardown(void **state)
{
    (void)state;
    ombud_tz_free(utc);
    ombud_tz_free(la);
    ombud_tz_free(madrid);
    return 0;
}

static int64_t ok(const char *s, const ombud_tz *tz, unsigned flags)
{
    int64_t t = 0;
    char why[128] = "";
    ombud_err err = ombud_time_parse(s, tz, flags, &t, why, sizeof why);
    if (err)
        fail_msg("'%s' rejected: %s", s, why);
    return t;
}

static void bad(const char *s, const char *reason_part)
{
    int64_t t;
    char why[128] = "";
    assert_int_equal(ombud_time_parse(s, la, OMBUD_TIME_DATE_OK, &t, why,
                                      sizeof why), OMBUD_E_FIELD);
    if (!strstr(why, reason_part))
        fail_msg("'%s': reason '%s' lacks '%s'", s, why, reason_part);
}

/* 1: offsets make a time exact whatever the zone. */
static void test_offsets(void **state)
{
    (void)state;
    assert_int_equal(ok("2026-10-03T14:05:00-07:00", utc, 0), UTC(2026, 10, 3, 21, 5, 0));
    assert_int_equal(ok("2026-10-03T14:05:00-07:00", madrid, 0), UTC(2026, 10, 3, 21, 5, 0));
    assert_int_equal(ok("2026-10-03T14:05:00Z", la, 0), UTC(2026, 10, 3, 14, 5, 0));
    assert_int_equal(ok("2026-10-03 14:05:00+02:00", la, 0), UTC(2026, 10, 3, 12, 5, 0));
    assert_int_equal(ok("2026-10-03T14:05-0700", la, 0), UTC(2026, 10, 3, 21, 5, 0));
    assert_int_equal(ok("2026-10-03T14:05+05", la, 0), UTC(2026, 10, 3, 9, 5, 0));
    assert_int_equal(ok("2026-10-03T14:05:00.987Z", la, 0), UTC(2026, 10, 3, 14, 5, 0));
    assert_int_equal(ok("2026-10-03t14:05:09z", la, 0), UTC(2026, 10, 3, 14, 5, 9));
}

/* 2: without an offset a time is local; PDT is UTC-7, PST UTC-8, CEST UTC+2. */
static void test_local(void **state)
{
    (void)state;
    assert_int_equal(ok("2026-10-14 16:40:12", la, 0), UTC(2026, 10, 14, 23, 40, 12));
    assert_int_equal(ok("2026-12-01 09:00", la, 0), UTC(2026, 12, 1, 17, 0, 0));
    assert_int_equal(ok("2026-07-01T12:00", madrid, 0), UTC(2026, 7, 1, 10, 0, 0));
    assert_int_equal(ok("2026-07-01T12:00", utc, 0), UTC(2026, 7, 1, 12, 0, 0));
}

/* 3: DST gap: 2026-03-08 02:00 PST jumps to 03:00 PDT; 02:30 is read with
 * the old offset (-8) and so lands on 10:30Z = 03:30 PDT. */
static void test_dst_gap(void **state)
{
    ombud_local_kind k;
    int64_t local = UTC(2026, 3, 8, 2, 30, 0);
    (void)state;
    assert_int_equal(ok("2026-03-08 02:30", la, 0), UTC(2026, 3, 8, 10, 30, 0));
    assert_int_equal(ombud_tz_local_to_utc(la, local, &k), UTC(2026, 3, 8, 10, 30, 0));
    assert_int_equal(k, OMBUD_LOCAL_GAP);
    /* One minute before the gap and at its end are ordinary. */
    assert_int_equal(ok("2026-03-08 01:59", la, 0), UTC(2026, 3, 8, 9, 59, 0));
    assert_int_equal(ok("2026-03-08 03:00", la, 0), UTC(2026, 3, 8, 10, 0, 0));
    /* Madrid: 2026-03-29 02:00 CET -> 03:00 CEST. */
    assert_int_equal(ok("2026-03-29 02:15", madrid, 0), UTC(2026, 3, 29, 1, 15, 0));
}

/* 4: DST overlap: 2026-11-01 01:00-02:00 happens twice in LA; the earlier
 * (PDT, -7) is taken: 01:30 -> 08:30Z. */
static void test_dst_overlap(void **state)
{
    ombud_local_kind k;
    (void)state;
    assert_int_equal(ok("2026-11-01 01:30", la, 0), UTC(2026, 11, 1, 8, 30, 0));
    ombud_tz_local_to_utc(la, UTC(2026, 11, 1, 1, 30, 0), &k);
    assert_int_equal(k, OMBUD_LOCAL_OVERLAP);
    assert_int_equal(ok("2026-11-01 02:00", la, 0), UTC(2026, 11, 1, 10, 0, 0));
    assert_int_equal(ok("2026-11-01 00:59", la, 0), UTC(2026, 11, 1, 7, 59, 0));
    /* The offset really steps from -7 h to -8 h at 09:00Z. */
    assert_int_equal(ombud_tz_offset_at(la, UTC(2026, 11, 1, 8, 59, 59)), -7 * 3600);
    assert_int_equal(ombud_tz_offset_at(la, UTC(2026, 11, 1, 9, 0, 0)), -8 * 3600);
}

/* 5: dates alone only where allowed; they mean local midnight. */
static void test_dates(void **state)
{
    int64_t t;
    char why[64];
    (void)state;
    assert_int_equal(ok("2026-10-25", la, OMBUD_TIME_DATE_OK), UTC(2026, 10, 25, 7, 0, 0));
    assert_int_equal(ok("2026-02-28", utc, OMBUD_TIME_DATE_OK), UTC(2026, 2, 28, 0, 0, 0));
    assert_int_equal(ok("2028-02-29", utc, OMBUD_TIME_DATE_OK), UTC(2028, 2, 29, 0, 0, 0));
    assert_int_equal(ombud_time_parse("2026-10-25", la, 0, &t, why, sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "time of day missing");
}

/* 6: every rejection names its reason. */
static void test_rejects(void **state)
{
    (void)state;
    bad("2026-13-01 08:00", "month out of range");
    bad("2026-00-10", "month out of range");
    bad("2026-02-30", "day out of range (2026-02 has 28 days)");
    bad("2026-02-29", "day out of range");
    bad("2026-04-31", "day out of range");
    bad("2026-10-03 24:00", "hour out of range");
    bad("2026-10-03 23:60", "minute out of range");
    bad("2026-10-03 23:59:60", "second out of range");
    bad("0000-01-01", "year out of range");
    bad("9999-12-31", "year out of range");
    bad("26-10-03", "not an ISO 8601 date");
    bad("03/10/2026", "not an ISO 8601 date");
    bad("2026-10-03X10:00", "unexpected text after the date");
    bad("2026-10-03 10", "bad time of day");
    bad("2026-10-03 10:00:00 PST", "unexpected text");
    bad("2026-10-03 10:00+25:00", "UTC offset out of range");
    bad("2026-10-03 10:00+0", "bad UTC offset");
    bad("2026-10-03 10:00:00.", "bad fraction");
    bad("", "not an ISO 8601 date");
    bad("2026-1-3", "not an ISO 8601 date");
}

/* 7: civil arithmetic round-trips and knows weekdays (ISO: 0 = Monday). */
static void test_civil(void **state)
{
    ombud_tm tm;
    int y, m, d;
    (void)state;
    assert_int_equal(ombud_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(ombud_days_from_civil(2000, 3, 1), 11017);
    for (int64_t z = -25567; z < 84000; z += 37) {
        ombud_civil_from_days(z, &y, &m, &d);
        assert_int_equal(ombud_days_from_civil(y, m, d), z);
    }
    /* 2026-10-17 was a Saturday; 19:30 PDT. */
    ombud_tm_from_instant(la, UTC(2026, 10, 18, 2, 30, 0), &tm);
    assert_int_equal(tm.year, 2026);
    assert_int_equal(tm.month, 10);
    assert_int_equal(tm.day, 17);
    assert_int_equal(tm.hour, 19);
    assert_int_equal(tm.min, 30);
    assert_int_equal(tm.wday, 5);
    assert_int_equal(tm.utc_offset, -7 * 3600);
    ombud_tm_from_instant(NULL, -1, &tm);
    assert_int_equal(tm.year, 1969);
    assert_int_equal(tm.hour, 23);
    assert_int_equal(tm.wday, 2); /* 1969-12-31: Wednesday */
}

/* 8: zones: names must be IANA identifiers. */
static void test_zones(void **state)
{
    ombud_tz *tz = NULL;
    char buf[64];
    (void)state;
    assert_int_equal(ombud_tz_open("Mars/Base", &tz), OMBUD_E_DATA);
    assert_null(tz);
    assert_int_equal(ombud_tz_open("+05:00", &tz), OMBUD_E_DATA);
    assert_int_equal(ombud_tz_open("", &tz), OMBUD_E_DATA);
    assert_int_equal(ombud_tz_open("Asia/Jerusalem", &tz), OMBUD_OK);
    assert_string_equal(ombud_tz_name(tz), "Asia/Jerusalem");
    assert_string_equal(ombud_time_format(tz, UTC(2026, 10, 23, 9, 0, 0), buf, sizeof buf),
                        "2026-10-23 12:00:00 +03:00");
    ombud_tz_free(tz);
    ombud_tz_free(NULL);
    assert_string_equal(ombud_time_format(NULL, 0, buf, sizeof buf), "1970-01-01 00:00:00Z");
}

/* 9: the clock can be pinned. */
static int64_t fixed_now(void) { return 1234567890; }
static void test_clock(void **state)
{
    (void)state;
    ombud_clock_set(fixed_now);
    assert_int_equal(ombud_clock_now(), 1234567890);
    ombud_clock_set(NULL);
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    assert_int_equal(ombud_clock_now(), 1700000000);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_true(ombud_clock_now() > 1700000000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_offsets), cmocka_unit_test(test_local),
        cmocka_unit_test(test_dst_gap), cmocka_unit_test(test_dst_overlap),
        cmocka_unit_test(test_dates), cmocka_unit_test(test_rejects),
        cmocka_unit_test(test_civil), cmocka_unit_test(test_zones),
        cmocka_unit_test(test_clock),
    };
    return cmocka_run_group_tests_name("cal", tests, setup, teardown);
}
