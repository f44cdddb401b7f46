/*
 * test_text_classes.c - character classes, the bidi isolate and the
 * visible escape for sheet XML (src/text.c). Expected values are written
 * from the Unicode standard (UAX #9 section 2, chapter 23.7 for
 * noncharacters) and the XML 1.0 Char production, not from the code.
 */
#include "testutil.h"
#include <glib.h>
#include "ombud/text.h"

typedef struct cp_case {
    uint32_t c;
    int want;
} cp_case;

static void check_class(int (*is)(uint32_t), const cp_case *t, size_t n,
                        const char *what)
{
    for (size_t i = 0; i < n; i++)
        if (is(t[i].c) != t[i].want)
            fail_msg("%s(U+%04X): expected %d", what, (unsigned)t[i].c,
                     t[i].want);
}

#define CHECK(fn, table) check_class(fn, table, sizeof table / sizeof *table, #fn)

static void test_bidi_controls(void **state)
{
    static const cp_case t[] = {
        {0x200E, 1}, {0x200F, 1}, {0x061C, 1}, {0x202A, 1}, {0x202B, 1},
        {0x202C, 1}, {0x202D, 1}, {0x202E, 1}, {0x2066, 1}, {0x2067, 1},
        {0x2068, 1}, {0x2069, 1},
        /* neighbours that are not: ZWJ, paragraph separator, narrow
         * no-break space, invisible operators, Arabic semicolon, alef */
        {0x200D, 0}, {0x2029, 0}, {0x202F, 0}, {0x2065, 0}, {0x206A, 0},
        {0x061B, 0}, {0x05D0, 0}, {'A', 0},
    };
    (void)state;
    CHECK(ombud_char_is_bidi_control, t);
}

static void test_noncharacters(void **state)
{
    static const cp_case t[] = {
        {0xFFFE, 1}, {0xFFFF, 1}, {0xFDD0, 1}, {0xFDE0, 1}, {0xFDEF, 1},
        {0x1FFFE, 1}, {0x1FFFF, 1}, {0x5FFFE, 1}, {0x10FFFE, 1},
        {0x10FFFF, 1},
        {0xFDCF, 0}, {0xFDF0, 0}, {0xFFFD, 0}, {0xFFFC, 0}, {0x10000, 0},
        {0xEFFFD, 0}, {0x1FFFD, 0}, {'a', 0},
    };
    (void)state;
    CHECK(ombud_char_is_noncharacter, t);
}

static void test_controls_and_xml(void **state)
{
    static const cp_case ctl[] = {
        {0x00, 1}, {0x09, 1}, {0x0A, 1}, {0x0D, 1}, {0x1F, 1}, {0x7F, 1},
        {0x80, 1}, {0x85, 1}, {0x9F, 1},
        {0x20, 0}, {0x7E, 0}, {0xA0, 0}, {0x2028, 0},
    };
    static const cp_case xml[] = {
        {0x09, 1}, {0x0A, 1}, {0x0D, 1}, {0x20, 1}, {0xD7FF, 1}, {0xE000, 1},
        {0xFFFD, 1}, {0x10000, 1}, {0x10FFFF, 1}, {0x85, 1},
        {0x00, 0}, {0x01, 0}, {0x0B, 0}, {0x1F, 0}, {0xD800, 0}, {0xDFFF, 0},
        {0xFFFE, 0}, {0xFFFF, 0}, {0x110000, 0},
    };
    (void)state;
    CHECK(ombud_char_is_control, ctl);
    CHECK(ombud_char_is_xml, xml);
}

static void test_utf8_next(void **state)
{
    static const struct { const char *s; size_t n; uint32_t c; size_t len; } t[] = {
        {"a", 1, 'a', 1},
        {"\xC3\xA9", 2, 0xE9, 2},                /* é */
        {"\xE2\x82\xAC", 3, 0x20AC, 3},          /* € */
        {"\xF0\x9F\x93\x9E", 4, 0x1F4DE, 4},     /* 📞 */
        {"\xEF\xBF\xBE", 3, 0xFFFE, 3},
        {"\xFF", 1, 0xFF, 1},                    /* no UTF-8: the byte */
        {"\xE2\x82", 2, 0xE2, 1},                /* cut short */
        {"\xE2\x41\x41", 3, 0xE2, 1},            /* bad continuation */
    };
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        uint32_t c = 0;
        size_t len = ombud_utf8_next(t[i].s, t[i].s + t[i].n, &c);
        assert_int_equal(len, t[i].len);
        assert_int_equal(c, t[i].c);
    }
}

#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"
#define LRI "\xE2\x81\xA6"
#define RLI "\xE2\x81\xA7"
#define RLO "\xE2\x80\xAE"

static void test_isolate(void **state)
{
    static const struct { const char *in, *want; } t[] = {
        {"", FSI PDI},
        {"TT-4471", FSI "TT-4471" PDI},
        /* an override needs nothing: the closing PDI ends it (X6a) */
        {"TT-" RLO "4471", FSI "TT-" RLO "4471" PDI},
        /* a PDI that would close ombud's isolate is dropped */
        {"a" PDI "b", FSI "ab" PDI},
        /* an isolate left open is closed before ombud's */
        {"a" RLI "b", FSI "a" RLI "b" PDI PDI},
        /* a matched pair stays; the extra PDI after it is dropped */
        {"a" LRI "b" PDI "c" PDI "d", FSI "a" LRI "b" PDI "cd" PDI},
        /* a newline ends the bidi paragraph: closed before, opened after */
        {"a\nb", FSI "a" PDI "\n" FSI "b" PDI},
        {"x" LRI "y\nz", FSI "x" LRI "y" PDI PDI "\n" FSI "z" PDI},
        {"a\r\nb", FSI "a" PDI "\r" FSI PDI "\n" FSI "b" PDI},
        /* Hebrew keeps its letters and order */
        {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", FSI "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D" PDI},
    };
    (void)state;
    assert_null(ombud_bidi_isolate(NULL));
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        char *got = ombud_bidi_isolate(t[i].in);
        assert_non_null(got);
        assert_string_equal(got, t[i].want);
        free(got);
    }
}

static void test_xml_text(void **state)
{
    static const struct { const char *in, *want; } t[] = {
        {"plain", NULL},
        {"a\tb\nc", NULL},
        {"Zo\xC3\xAB \xE2\x82\xAC", NULL},             /* Zoë € */
        {"TT-" RLO "4471", NULL},                      /* bidi kept */
        {"calls\xEF\xBF\xBE.csv", "calls<U+FFFE>.csv"},
        {"\xEF\xBF\xBF", "<U+FFFF>"},
        {"x\xEF\xB7\x90", "x<U+FDD0>"},
        {"\xF4\x8F\xBF\xBF", "<U+10FFFF>"},
        {"a\x01" "b", "a<U+0001>b"},
        {"a\rb", "a<U+000D>b"},
        {"\x7F", "<U+007F>"},
        {"N\xC2\x85L", "N<U+0085>L"},
        {"bad\xFF", "bad<0xFF>"},
    };
    int nomem;
    (void)state;
    assert_null(ombud_xml_text(NULL, &nomem));
    assert_int_equal(nomem, 0);
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        char *got = ombud_xml_text(t[i].in, &nomem);
        assert_int_equal(nomem, 0);
        if (!t[i].want) {
            if (got)
                fail_msg("'%s' changed to '%s'", t[i].in, got);
            continue;
        }
        assert_non_null(got);
        assert_string_equal(got, t[i].want);
        free(got);
    }
}

/* Cutting never leaves part of a character: "é" is C3 A9, "€" E2 82 AC,
 * "😀" F0 9F 98 80. */
static void test_utf8_cut(void **state)
{
    char b[8];
    static const struct { const char *in; size_t size; const char *want; } t[] = {
        {"abc", 8, "abc"}, {"abcdefghij", 8, "abcdefg"},
        {"ab\xC3\xA9", 4, "ab"}, {"ab\xC3\xA9", 5, "ab\xC3\xA9"},
        {"a\xE2\x82\xAC", 3, "a"}, {"a\xE2\x82\xAC", 4, "a"},
        {"a\xE2\x82\xAC", 5, "a\xE2\x82\xAC"},
        {"\xF0\x9F\x98\x80x", 4, ""}, {"\xF0\x9F\x98\x80x", 5, "\xF0\x9F\x98\x80"},
        {NULL, 8, ""}};
    char s[16];

    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        assert_string_equal(ombud_utf8_copy(b, t[i].size, t[i].in), t[i].want);
    /* ombud_utf8_trim: what snprintf() leaves. */
    snprintf(s, sizeof s, "%s", "ab\xE2\x82");
    assert_string_equal(ombud_utf8_trim(s), "ab");
    snprintf(s, sizeof s, "%s", "ab\xE2\x82\xAC");
    assert_string_equal(ombud_utf8_trim(s), "ab\xE2\x82\xAC");
    snprintf(s, sizeof s, "%s", "\xF0\x9F\x98");
    assert_string_equal(ombud_utf8_trim(s), "");
    snprintf(s, sizeof s, "%s", "abc\xC3");
    assert_string_equal(ombud_utf8_trim(s), "abc");
    snprintf(s, sizeof s, "%s", "");
    assert_string_equal(ombud_utf8_trim(s), "");
    /* ombud_utf8_whole: the length trim would keep, the string as is. */
    assert_int_equal(ombud_utf8_whole("ab\xE2\x82"), 2);
    assert_int_equal(ombud_utf8_whole("ab\xE2\x82\xAC"), 5);
    assert_int_equal(ombud_utf8_whole("\xF0\x9F\x98"), 0);
    assert_int_equal(ombud_utf8_whole("x\xF0\x9F\x98\x80"), 5);
    assert_int_equal(ombud_utf8_whole("abc\xC3"), 3);
    assert_int_equal(ombud_utf8_whole("plain"), 5);
    assert_int_equal(ombud_utf8_whole(""), 0);
    /* ombud_utf8_scrub: NULL for whole text, else every stray byte out
     * and what follows kept (an id cut inside a character, text after). */
    assert_null(ombud_utf8_scrub("ab\xC3\xA9"));
    assert_null(ombud_utf8_scrub(""));
    {
        static const struct { const char *in, *want; } sc[] = {
            {"TT-\xC3\xA9\xC3: out", "TT-\xC3\xA9: out"},
            {"\xC3", ""},
            {"a\xE2\x82" "b\xF0\x9F\x98" "c", "abc"},
            {"\xFF\xFE ok \xC3\xA9\x80", " ok \xC3\xA9"},
            {"x\xED\xA0\x80y", "xy"}};   /* a surrogate: three bad bytes */
        for (size_t i = 0; i < sizeof sc / sizeof *sc; i++) {
            char *got = ombud_utf8_scrub(sc[i].in);
            assert_non_null(got);
            assert_string_equal(got, sc[i].want);
            g_free(got);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bidi_controls), cmocka_unit_test(test_noncharacters),
        cmocka_unit_test(test_controls_and_xml), cmocka_unit_test(test_utf8_next),
        cmocka_unit_test(test_isolate), cmocka_unit_test(test_xml_text),
        cmocka_unit_test(test_utf8_cut),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
