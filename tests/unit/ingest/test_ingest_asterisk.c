/*
 * test_ingest_asterisk.c - the [source asterisk] site settings: defaults,
 * parsing, the catch-all key, every error, and how they are printed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "ombud/ingest.h"

/* 1: the defaults: timeout -> voicemail, any key -> ivr. */
static void test_defaults(void **state)
{
    ombud_asterisk_site s;
    char buf[200];
    (void)state;
    ombud_asterisk_site_default(&s);
    assert_string_equal(s.exitwithtimeout, "voicemail");
    assert_string_equal(ombud_asterisk_key_outcome(&s, "1"), "ivr");
    assert_string_equal(ombud_asterisk_site_format(&s, buf, sizeof buf),
                        "exitwithtimeout = voicemail; exitwithkey = other: ivr");
    assert_string_equal(ombud_asterisk_site_format(NULL, buf, sizeof buf),
                        "exitwithtimeout = voicemail; exitwithkey = other: ivr");
}

/* 2: a key map: named keys, '*' as the star key, other for the rest;
 * without 'other' the unnamed keys keep ivr. */
static void test_keys(void **state)
{
    ombud_asterisk_site s;
    char why[200], buf[200];
    (void)state;
    ombud_asterisk_site_default(&s);
    assert_int_equal(ombud_asterisk_site_set(&s, "exitwithkey",
                     " 1 : voicemail, * : closed ,other: transferred", why,
                     sizeof why), OMBUD_OK);
    assert_string_equal(ombud_asterisk_key_outcome(&s, "1"), "voicemail");
    assert_string_equal(ombud_asterisk_key_outcome(&s, "*"), "closed");
    assert_string_equal(ombud_asterisk_key_outcome(&s, "7"), "transferred");
    assert_int_equal(ombud_asterisk_site_set(&s, "exitwithkey", "2: voicemail",
                     why, sizeof why), OMBUD_OK);
    assert_string_equal(ombud_asterisk_key_outcome(&s, "2"), "voicemail");
    assert_string_equal(ombud_asterisk_key_outcome(&s, "3"), "ivr");
    assert_int_equal(ombud_asterisk_site_set(&s, "exitwithtimeout", "Abandoned",
                     why, sizeof why), OMBUD_OK);
    assert_string_equal(ombud_asterisk_site_format(&s, buf, sizeof buf),
                        "exitwithtimeout = abandoned; exitwithkey = 2: "
                        "voicemail, other: ivr");
}

/* 3: every mistake, with its reason. */
static void test_errors(void **state)
{
    static const struct { const char *key, *value, *why; } cases[] = {
        {"exitwithtimeout", "answered", "'answered' is not one of voicemail"},
        {"exitwithkey", "1 voicemail", "expected KEY: OUTCOME pairs"},
        {"exitwithkey", "12: ivr", "'12' is not a phone key"},
        {"exitwithkey", "1: person", "key 1: 'person' is not one of"},
        {"exitwithkey", "1: ivr, 1: voicemail", "key 1 given twice"},
        {"timeout", "voicemail", "unknown key"},
    };
    ombud_asterisk_site s;
    char why[200];
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        ombud_asterisk_site_default(&s);
        why[0] = '\0';
        assert_int_equal(ombud_asterisk_site_set(&s, cases[i].key,
                         cases[i].value, why, sizeof why), OMBUD_E_DATA);
        assert_non_null(strstr(why, cases[i].why));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
