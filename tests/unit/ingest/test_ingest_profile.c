/*
 * test_ingest_profile.c - import profiles (profile.h): the strptime-like
 * patterns, "number", and templates (fields, literal text, fallbacks,
 * the one expression) made into rows. Expected texts are written by hand.
 */
#include "testutil.h"
#include "ombud/diag.h"
#include "ombud/profile.h"

/* A pattern reads @s as @want. */
static void reads(const char *pattern, const char *s, const char *want)
{
    char out[80], why[200] = "";
    if (ombud_profile_time(pattern, s, out, sizeof out, why, sizeof why))
        fail_msg("'%s' with '%s' rejected: %s", s, pattern, why);
    assert_string_equal(out, want);
}

/* A pattern refuses @s with a reason holding @part. */
static void refuses(const char *pattern, const char *s, const char *part)
{
    char out[80], why[200] = "";
    assert_int_equal(ombud_profile_time(pattern, s, out, sizeof out, why,
                                        sizeof why), OMBUD_E_FIELD);
    if (!strstr(why, part))
        fail_msg("'%s': reason '%s' lacks '%s'", s, why, part);
}

/* 1: the OE-417 layout, 12-hour clock, names of days and months. */
static void test_time_names(void **state)
{
    (void)state;
    reads("%A, %B %d, %Y %I:%M:%S %p", "Friday, July 1, 2011 5:00:00 PM",
          "2011-07-01T17:00:00");
    reads("%A, %B %d, %Y %I:%M:%S %p", "sunday, june 15, 2014 12:00:00 am",
          "2014-06-15T00:00:00");
    reads("%A, %B %d, %Y %I:%M:%S %p", "Sunday, June 15, 2014 12:30:00 PM",
          "2014-06-15T12:30:00");
    reads("%d-%b-%Y", "07-Sep-2026", "2026-09-07");
    reads("%a %d %b %y %H:%M", "Mon 07 Sep 26 09:05", "2026-09-07T09:05:00");
}

/* 2: numbers, offsets, epochs, days of the year, spaces. */
static void test_time_numbers(void **state)
{
    (void)state;
    reads("%d/%m/%Y %H:%M", "01/10/2026 08:00", "2026-10-01T08:00:00");
    reads("%d/%m/%Y %H:%M", "1/10/2026  8:00", "2026-10-01T08:00:00");
    reads("%Y-%m-%d %H:%M:%S %z", "2026-10-01 08:00:00 -0700",
          "2026-10-01T08:00:00-07:00");
    reads("%Y-%m-%dT%H:%M%z", "2026-10-01T08:00+05:30",
          "2026-10-01T08:00:00+05:30");
    reads("%Y-%m-%d %H:%M %z", "2026-10-01 08:00 Z", "2026-10-01T08:00:00+00:00");
    reads("%s", "1790838000", "2026-10-01T07:00:00Z");
    reads("%Y %j", "2024 366", "2024-12-31");
    reads("%Y %j", "2026 032", "2026-02-01");
    reads("%y%m%d", "991231", "1999-12-31");
    reads("%y%m%d", "680101", "2068-01-01");
    reads("%Y-%m-%d %%", "2026-10-01 %", "2026-10-01");
}

/* 3: what is refused, and why. */
static void test_time_refused(void **state)
{
    (void)state;
    refuses("%A, %B %d, %Y", "Friday, July 32, 2011", "day out of range");
    refuses("%A, %B %d, %Y", "Saturday, July 1, 2011",
            "2011-07-01 is a Friday, not a Saturday");
    refuses("%d/%m/%Y", "31/09/2026", "day out of range");
    refuses("%d/%m/%Y", "29/02/2026", "day out of range");
    refuses("%d/%m/%Y", "01/13/2026", "month out of range");
    refuses("%d/%m/%Y %H:%M", "01/10/2026 24:00", "hour out of range");
    refuses("%d/%m/%Y %I:%M %p", "01/10/2026 13:00 PM", "hour out of range");
    refuses("%d/%m/%Y %H:%M", "01/10/2026 08:60", "minute out of range");
    refuses("%B %d %Y", "Jully 1 2011", "expected the month name (%B)");
    refuses("%d/%m/%Y", "2026-10-01", "expected '/'");
    refuses("%d/%m/%Y", "01/10/2026 08:00", "text after the pattern");
    refuses("%Y %j", "2026 366", "day of the year out of range");
    refuses("%Y-%m-%d %z", "2026-10-01 +15:00", "expected the offset");
    refuses("%s", "12345678901234", "expected seconds since 1970");
    refuses("%d/%m/%Y", "", "expected the day of the month");
}

/* 4: patterns checked when a profile is loaded. */
static void test_pattern_check(void **state)
{
    char why[200];
    (void)state;
    assert_int_equal(ombud_profile_pattern_check("%d/%m/%Y %H:%M", why,
                                                 sizeof why), OMBUD_OK);
    assert_int_equal(ombud_profile_pattern_check("%s", why, sizeof why),
                     OMBUD_OK);
    assert_int_equal(ombud_profile_pattern_check("%H:%M", why, sizeof why),
                     OMBUD_E_DATA);
    assert_non_null(strstr(why, "needs a whole date"));
    assert_int_equal(ombud_profile_pattern_check("%d/%m/%Y %q", why,
                                                 sizeof why), OMBUD_E_DATA);
    assert_non_null(strstr(why, "unknown directive %q"));
    assert_int_equal(ombud_profile_pattern_check("%d/%m/%Y %I:%M", why,
                                                 sizeof why), OMBUD_E_DATA);
    assert_non_null(strstr(why, "%I (a 12-hour clock) needs %p"));
    assert_int_equal(ombud_profile_pattern_check("%d/%m/%Y %", why,
                                                 sizeof why), OMBUD_E_DATA);
}

/* 5: "number": whole numbers in decimal or exponent form only. */
static void test_number(void **state)
{
    char out[40], why[100];
    (void)state;
    assert_int_equal(ombud_profile_number("3.00E+05", out, sizeof out, why,
                                          sizeof why), OMBUD_OK);
    assert_string_equal(out, "300000");
    assert_int_equal(ombud_profile_number(" 70000 ", out, sizeof out, why,
                                          sizeof why), OMBUD_OK);
    assert_string_equal(out, "70000");
    assert_int_equal(ombud_profile_number("1.5", out, sizeof out, why,
                                          sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "not a whole number");
    assert_int_equal(ombud_profile_number("NA", out, sizeof out, why,
                                          sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "not a number");
    assert_int_equal(ombud_profile_number("1e400", out, sizeof out, why,
                                          sizeof why), OMBUD_E_FIELD);
}

static ombud_profile *load(const char *text)
{
    ombud_profile *p = NULL;
    const char *path = tmp_file(1, text, strlen(text));
    ombud_err err = ombud_profile_load(path, &p);
    unlink(path);
    if (err)
        fail_msg("profile refused:\n%s", text);
    return p;
}

static const char *const header[] = {"Ref", "Queue", "Day", "Time", "End",
                                     "Mins", "Status"};
static const size_t hlen[] = {3, 5, 3, 4, 3, 4, 6};

/* A profile of calls over that header, and two records of it (tests 6 and
 * 6b). */
static const char templates[] =
    "[profile]\nkind = calls\n[columns]\n"
    "call_id = X-{Ref}\nqueue = {Queue}\n"
    "arrived_at = {Day} {Time}\n"
    "ended_at = {End} | {Day} {Time} + {Mins} minutes\n"
    "outcome = {Status}\n"
    "[formats]\narrived_at = %d/%m/%Y %H:%M\nended_at = %d/%m/%Y %H:%M\n"
    "[blank]\nended_at = - | n/a\n"
    "[values outcome]\nAGENT = answered\nHANG = abandoned\n";
static const char *const r1[] = {"7", "sales", "01/10/2026", "08:00",
                                 "01/10/2026 08:10", "3", "AGENT"};
static const char *const r2[] = {"8", "sales", "01/10/2026", "09:00", "N/A",
                                 "2.5", "hang"};

/* 6: templates over a header: literal text, two fields, fallbacks, the
 * expression (in UTC), [blank] and [values]. */
static void test_templates(void **state)
{
    ombud_profile *p = load(templates);
    const ombud_format *f = ombud_format_find("calls");
    ombud_profile_bound *b;
    ombud_profile_fail fail;
    ombud_row row;
    ombud_tz *paris;
    const char *r3[] = {"9", "sales", "01/10/2026", "", "-", "2", "OTHER"};
    (void)state;

    assert_int_equal(ombud_tz_open("Europe/Paris", &paris), OMBUD_OK);
    assert_int_equal(ombud_profile_bind(p, f, header, hlen, 7, "t.csv", 1, &b),
                     OMBUD_OK);
    assert_int_equal(ombud_profile_fill(b, paris, r1, 7, &row, &fail), OMBUD_OK);
    assert_string_equal(row.v[0], "X-7");                  /* call_id */
    assert_int_equal(row.col[0], 1);
    assert_string_equal(row.v[3], "2026-10-01T08:00:00");  /* arrived_at */
    assert_int_equal(row.col[3], 3);
    assert_string_equal(row.v[5], "2026-10-01T08:10:00");  /* ended_at */
    assert_int_equal(row.col[5], 5);
    assert_string_equal(row.v[6], "answered");
    assert_null(row.v[4]);                                 /* answered_at */
    /* N/A is blank for ended_at: 09:00 Paris (UTC+2) + 2.5 minutes */
    assert_int_equal(ombud_profile_fill(b, paris, r2, 7, &row, &fail), OMBUD_OK);
    assert_string_equal(row.v[5], "2026-10-01T07:02:30Z");
    assert_string_equal(row.v[6], "abandoned");             /* any case */
    /* Time blank: arrived_at is partly blank; OTHER passes unmapped */
    assert_int_equal(ombud_profile_fill(b, paris, r3, 7, &row, &fail),
                     OMBUD_E_FIELD);
    assert_int_equal(fail.column, 3);
    assert_int_equal(fail.col, 4);
    assert_int_equal(fail.pline, 6);
    assert_non_null(strstr(fail.why, "blank, but field 3"));
    assert_int_equal(ombud_profile_line(b, 6), 8);
    ombud_profile_unbind(b);
    ombud_tz_free(paris);
    ombud_profile_free(p);
}

/* 6b: a copy of a binding (the reader's parsing thread fills rows with
 * one) gives the same rows, with texts of its own. */
static void test_bound_copy(void **state)
{
    ombud_profile *p = load(templates);
    const ombud_format *f = ombud_format_find("calls");
    ombud_profile_bound *b, *c;
    ombud_profile_fail fail;
    ombud_row row, mine, theirs;
    (void)state;

    assert_int_equal(ombud_profile_bind(p, f, header, hlen, 7, "t.csv", 1, &b),
                     OMBUD_OK);
    assert_non_null(c = ombud_profile_bound_copy(b));
    assert_int_equal(ombud_profile_fill(b, NULL, r1, 7, &row, &fail), OMBUD_OK);
    assert_int_equal(ombud_profile_fill(c, NULL, r2, 7, &mine, &fail),
                     OMBUD_OK);
    /* the copy's fill left the first binding's row alone */
    assert_string_equal(row.v[0], "X-7");
    assert_string_equal(row.v[5], "2026-10-01T08:10:00");
    assert_int_equal(row.col[5], 5);
    /* and gave what the first binding gives for the same record */
    assert_int_equal(ombud_profile_fill(b, NULL, r2, 7, &theirs, &fail),
                     OMBUD_OK);
    for (int k = 0; k < f->ncolumns; k++) {
        assert_int_equal(mine.col[k], theirs.col[k]);
        if (theirs.v[k])
            assert_string_equal(mine.v[k], theirs.v[k]);
        else
            assert_null(mine.v[k]);
    }
    assert_string_equal(mine.v[5], "2026-10-01T09:02:30Z");
    assert_int_equal(ombud_profile_line(c, 6), 8);
    ombud_profile_unbind(c);
    ombud_profile_unbind(b);
    ombud_profile_free(p);
}

/* 7: binding refuses a header the file lacks and a field past its last. */
static void test_bind_refused(void **state)
{
    ombud_profile *p = load("[profile]\nkind = outages\n[columns]\n"
                            "outage_id = {Ticket}\nstarted_at = {#9}\n");
    ombud_profile *q = load("[profile]\nkind = outages\nheader = no\n"
                            "[columns]\noutage_id = {#1}\nstarted_at = {#9}\n");
    const ombud_format *f = ombud_format_find("outages");
    ombud_profile_bound *b = NULL;
    (void)state;

    ombud_diag_set_verbosity(OMBUD_QUIET);
    assert_int_equal(ombud_profile_bind(p, f, header, hlen, 7, "t.csv", 1, &b),
                     OMBUD_E_DATA);
    assert_null(b);
    assert_int_equal(ombud_profile_bind(q, f, NULL, NULL, 7, "t.csv", 1, &b),
                     OMBUD_E_DATA);
    assert_int_equal(ombud_profile_knows_header(p, " Ticket ", 8), 1);
    assert_int_equal(ombud_profile_knows_header(p, "ticket", 6), 0);
    ombud_profile_free(p);
    ombud_profile_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_time_names),
        cmocka_unit_test(test_time_numbers),
        cmocka_unit_test(test_time_refused),
        cmocka_unit_test(test_pattern_check),
        cmocka_unit_test(test_number),
        cmocka_unit_test(test_templates),
        cmocka_unit_test(test_bound_copy),
        cmocka_unit_test(test_bind_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
