/*
 * test_i18n_format.c - figures written the reader's way, and catalogues
 * found without any system locale. Expected strings are written by hand
 * from the conventions in include/ombud/i18n.h.
 */
#include <stdlib.h>
#include <unistd.h>
#include "testutil.h"
#include "ombud/i18n.h"

#define NB "\xc2\xa0"

/* The catalogues of this build: build[/asan]/locale beside ../../ of us. */
static int setup(void **state)
{
    char exe[4096], dir[4200];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    (void)state;
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    *strrchr(exe, '/') = '\0';
    snprintf(dir, sizeof dir, "%s/../../locale", exe);
    setenv("OMBUD_LOCALEDIR", dir, 1);
    unsetenv("LANG");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    return 0;
}

static void use(ombud_lang l) { assert_int_equal(ombud_i18n_set(l), OMBUD_OK); }

/* 1: English keeps the formats ombud always wrote. */
static void test_english(void **state)
{
    char b[64];
    (void)state;
    use(OMBUD_LANG_EN);
    assert_string_equal(ombud_fmt_money(123456, 2, "USD", b, sizeof b), "1,234.56 USD");
    assert_string_equal(ombud_fmt_amount(123456, 2, b, sizeof b), "1234.56");
    assert_string_equal(ombud_fmt_bp(8276, b, sizeof b), "82.76%");
    assert_string_equal(ombud_fmt_date(2026, 10, 23, b, sizeof b), "2026-10-23");
    assert_string_equal(ombud_fmt_duration(5400, b, sizeof b), "1" NB "h" NB "30" NB "min");
    assert_string_equal(ombud_fmt_count(1234, b, sizeof b), "1,234");
    assert_string_equal(ombud_fmt_count(190573955, b, sizeof b), "190,573,955");
    assert_string_equal(ombud_fmt_count(-12345, b, sizeof b), "-12,345");
    assert_string_equal(ombud_fmt_count(999, b, sizeof b), "999");
    assert_string_equal(ombud_fmt_status("FAIL"), "FAIL");
}

/* 1b: durations as people write them: two units at most, cut not rounded,
 * never a round figure beside a round limit when something was cut. */
static void test_durations(void **state)
{
    char b[64];
    static const struct { int64_t s; const char *want; } cases[] = {
        {0, "0" NB "s"},
        {47, "47" NB "s"},
        {60, "1" NB "min"},
        {512, "8" NB "min" NB "32" NB "s"},
        {600, "10" NB "min"},
        {3600, "1" NB "h"},
        {3630, "1" NB "h" NB "0" NB "min" NB "30" NB "s"},
        {46783, "12" NB "h" NB "59" NB "min"},        /* 12:59:43 */
        {86430, "24" NB "h" NB "0" NB "min" NB "30" NB "s"},
        {112 * 3600, "112" NB "h"},
        {6 * 86400 + 23 * 3600, "167" NB "h"},         /* under a week: hours */
        {7 * 86400, "7" NB "days"},
        {37 * 86400 + 5483, "37" NB "days" NB "1" NB "h"}, /* 37d1h31m23s */
        {8 * 86400 + 300, "8" NB "days" NB "0" NB "h" NB "5" NB "min"},
        {-90, "-1" NB "min" NB "30" NB "s"},
    };
    (void)state;
    use(OMBUD_LANG_EN);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(ombud_fmt_duration(cases[i].s, b, sizeof b),
                            cases[i].want);
    assert_string_equal(ombud_fmt_hours(37 * 86400, b, sizeof b), "888" NB "h");
    /* A small buffer holds whole parts only, never half a character. */
    assert_string_equal(ombud_fmt_duration(46783, b, 4), "");
    assert_string_equal(ombud_fmt_duration(46783, b, 8), "12" NB "h");
    (void)ombud_fmt_duration(INT64_MIN, b, sizeof b);
    use(OMBUD_LANG_ES);
    assert_string_equal(ombud_fmt_duration(7 * 86400 + 3600, b, sizeof b),
                        "7" NB "días" NB "1" NB "h");
    assert_string_equal(ombud_fmt_duration(86400 * 9, b, sizeof b), "9" NB "días");
    use(OMBUD_LANG_CA);
    assert_string_equal(ombud_fmt_duration(86400 * 9, b, sizeof b), "9" NB "dies");
    use(OMBUD_LANG_HE);
    assert_string_equal(ombud_fmt_duration(46783, b, sizeof b),
                        "12" NB "שע׳" NB "59" NB "דק׳");
}

/* 2: Spanish: 1.234,56 €, 23/10/2026, a space before %, unit symbols. */
static void test_spanish(void **state)
{
    char b[64];
    (void)state;
    use(OMBUD_LANG_ES);
    assert_string_equal(ombud_fmt_money(123456, 2, "EUR", b, sizeof b), "1.234,56" NB "€");
    assert_string_equal(ombud_fmt_money(978, 2, "USD", b, sizeof b), "9,78" NB "USD");
    assert_string_equal(ombud_fmt_money(-123456789, 2, "EUR", b, sizeof b), "-1.234.567,89" NB "€");
    assert_string_equal(ombud_fmt_money(1234, 0, "JPY", b, sizeof b), "1.234" NB "JPY");
    assert_string_equal(ombud_fmt_bp(8276, b, sizeof b), "82,76" NB "%");
    assert_string_equal(ombud_fmt_date(2026, 10, 23, b, sizeof b), "23/10/2026");
    assert_string_equal(ombud_fmt_duration(5400, b, sizeof b), "1" NB "h" NB "30" NB "min");
    assert_string_equal(ombud_fmt_duration(112 * 3600, b, sizeof b), "112" NB "h");
    assert_string_equal(ombud_fmt_count(1234, b, sizeof b), "1234");
    assert_string_equal(ombud_fmt_count(12345, b, sizeof b), "12.345");
    assert_string_equal(ombud_fmt_weekday(3), "jue");
    assert_string_equal(ombud_fmt_status("FAIL"), "INCUMPLE");
    assert_string_equal(_("Summary"), "Resumen");
}

/* 3: Catalan. */
static void test_catalan(void **state)
{
    char b[64];
    (void)state;
    use(OMBUD_LANG_CA);
    assert_string_equal(ombud_fmt_money(123456, 2, "EUR", b, sizeof b), "1.234,56" NB "€");
    assert_string_equal(ombud_fmt_date(2026, 10, 23, b, sizeof b), "23/10/2026");
    assert_string_equal(ombud_fmt_weekday(3), "dj.");
    assert_string_equal(_("Summary"), "Resum");
}

/* 4: Hebrew: day first with dots, shekel sign for ILS, right to left. */
static void test_hebrew(void **state)
{
    char b[64];
    (void)state;
    use(OMBUD_LANG_HE);
    assert_true(ombud_i18n_rtl());
    assert_string_equal(ombud_fmt_money(123456, 2, "ILS", b, sizeof b), "1,234.56" NB "₪");
    assert_string_equal(ombud_fmt_money(978, 2, "USD", b, sizeof b), "9.78" NB "USD");
    assert_string_equal(ombud_fmt_bp(8276, b, sizeof b), "82.76%");
    assert_string_equal(ombud_fmt_date(2026, 10, 23, b, sizeof b), "23.10.2026");
    assert_string_equal(ombud_fmt_duration(600, b, sizeof b), "10" NB "דק׳");
    assert_string_equal(_("Summary"), "סיכום");
    use(OMBUD_LANG_EN);
    assert_false(ombud_i18n_rtl());
    assert_string_equal(_("Summary"), "Summary");
}

/* 5: codes, and a missing catalogue is an error that leaves English. */
static void test_codes(void **state)
{
    ombud_lang l;
    (void)state;
    assert_int_equal(ombud_lang_parse("ES", &l), OMBUD_OK);
    assert_int_equal(l, OMBUD_LANG_ES);
    assert_int_equal(ombud_lang_parse("fr", &l), OMBUD_E_USAGE);
    assert_int_equal(ombud_lang_parse("", &l), OMBUD_E_USAGE);
    assert_string_equal(ombud_lang_code(OMBUD_LANG_HE), "he");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english), cmocka_unit_test(test_durations),
        cmocka_unit_test(test_spanish),
        cmocka_unit_test(test_catalan), cmocka_unit_test(test_hebrew),
        cmocka_unit_test(test_codes),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
