/*
 * test_ingest_encoding.c - the UTF-8 scan and the encoding guess: where the
 * first bad byte is (line, byte column, across chunk ends), and which
 * encoding ombud names for it. Expected values worked out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "ombud/ingest.h"

/* Scan @s in chunks of @step bytes. */
static void scan(ombud_utf8_scan *sc, const char *s, size_t n, size_t step)
{
    ombud_utf8_scan_init(sc);
    for (size_t i = 0; i < n; i += step)
        ombud_utf8_scan_feed(sc, s + i, n - i < step ? n - i : step);
    ombud_utf8_scan_end(sc);
}

/* 1: a table of inputs, each scanned whole and one byte at a time. */
static void test_guess(void **state)
{
    static const struct {
        const char *s;
        long line, col;
        const char *guess;
    } cases[] = {
        {"a,b\nc\xC3\xA9,d\n", 0, 0, NULL},                 /* UTF-8 */
        {"a,b\ncaf\xE9 \x93ok\x94\n", 2, 4, "WINDOWS-1252"},
        {"a\r\nb\xE9\n", 2, 2, "ISO-8859-1"},              /* CRLF lines */
        {"a\rb\rc\xE9\r", 3, 2, "ISO-8859-1"},             /* CR lines */
        {"x\x81y\n", 1, 2, NULL},                          /* undefined */
        {"\xC3\xA9\n\xE9\n", 2, 1, NULL},                  /* mixed */
        {"ab\xC0\xAF\n", 1, 3, "ISO-8859-1"},              /* overlong: C0 AF */
        {"ab\xED\xA0\x80\n", 1, 3, "WINDOWS-1252"},        /* surrogate */
        {"ab\xF4\x90\x80\x80", 1, 3, NULL},  /* > U+10FFFF: 0x90 undefined */
        {"ab\xE2\x82", 1, 3, "WINDOWS-1252"},              /* cut by EOF */
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        for (size_t step = 1; step <= 64; step += 63) {
            ombud_utf8_scan sc;
            const char *g;
            scan(&sc, cases[i].s, strlen(cases[i].s), step);
            assert_int_equal(sc.bad_line, cases[i].line);
            assert_int_equal(sc.bad_col, cases[i].col);
            g = ombud_encoding_guess(&sc);
            if (cases[i].guess)
                assert_string_equal(g, cases[i].guess);
            else
                assert_null(g);
        }
    }
}

/* 2: a binary file (many control bytes) gets no guess. */
static void test_binary(void **state)
{
    static const char bin[] = "\x1F\x8B\x08\x00\x00\x00\x00\x00\xE9\x01";
    ombud_utf8_scan sc;
    (void)state;
    scan(&sc, bin, sizeof bin - 1, 4);
    assert_true(ombud_encoding_binary(&sc));
    assert_null(ombud_encoding_guess(&sc));
    assert_int_equal(sc.bad_col, 2);
}

/* 3: the characters named in messages. */
static void test_char(void **state)
{
    char b[5];
    (void)state;
    assert_string_equal(ombud_encoding_char("WINDOWS-1252", 0x92, b), "\xE2\x80\x99");
    assert_string_equal(ombud_encoding_char("WINDOWS-1252", 0x80, b), "\xE2\x82\xAC");
    assert_string_equal(ombud_encoding_char("ISO-8859-1", 0xE9, b), "\xC3\xA9");
    assert_string_equal(ombud_encoding_char("WINDOWS-1252", 0x81, b), "");
    assert_string_equal(ombud_encoding_char(NULL, 0xE9, b), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_guess),
        cmocka_unit_test(test_binary),
        cmocka_unit_test(test_char),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
