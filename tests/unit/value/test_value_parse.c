/*
 * test_value_parse.c - amounts, integers, booleans and text checks.
 */
#include "testutil.h"
#include "ombud/value.h"

static int64_t amount(const char *s, int digits)
{
    int64_t v = -999;
    char why[128] = "";
    if (ombud_amount_parse(s, digits, &v, why, sizeof why))
        fail_msg("'%s' rejected: %s", s, why);
    return v;
}

static void bad_amount(const char *s, int digits, const char *part)
{
    int64_t v;
    char why[128] = "";
    assert_int_equal(ombud_amount_parse(s, digits, &v, why, sizeof why), OMBUD_E_FIELD);
    if (!strstr(why, part))
        fail_msg("'%s': reason '%s' lacks '%s'", s, why, part);
}

/* 1: decimal text becomes exact minor units. */
static void test_amounts(void **state)
{
    (void)state;
    assert_int_equal(amount("89.99", 2), 8999);
    assert_int_equal(amount("64.99", 2), 6499);
    assert_int_equal(amount("0.1", 2), 10);
    assert_int_equal(amount("12", 2), 1200);
    assert_int_equal(amount("-12.5", 2), -1250);
    assert_int_equal(amount("+3.00", 2), 300);
    assert_int_equal(amount("-0", 2), 0);
    assert_int_equal(amount("1500", 0), 1500);
    assert_int_equal(amount("1.234", 3), 1234);
    assert_int_equal(amount(".5", 2), 50);
    assert_int_equal(amount("5.", 2), 500);
    assert_int_equal(amount("9999999999999.99", 2), INT64_C(999999999999999));
}

/* 2: what money must never be read as. */
static void test_amount_rejects(void **state)
{
    (void)state;
    bad_amount("12,34", 2, "comma");
    bad_amount("1,234.56", 2, "comma");
    bad_amount("1e309", 2, "not a decimal amount");
    bad_amount("NaN", 2, "not a decimal amount");
    bad_amount("inf", 2, "not a decimal amount");
    bad_amount("1.234", 2, "more than 2 decimals");
    bad_amount("1.5", 0, "more than 0 decimals");
    bad_amount("", 2, "not a decimal amount");
    bad_amount("-", 2, "not a decimal amount");
    bad_amount(".", 2, "not a decimal amount");
    bad_amount("$5", 2, "not a decimal amount");
    bad_amount("5 USD", 2, "not a decimal amount");
    bad_amount("99999999999999999999", 2, "too large");
    bad_amount("10000000000000.01", 2, "too large");
}

/* 3: formatting is the inverse. */
static void test_amount_format(void **state)
{
    char b[32];
    (void)state;
    assert_string_equal(ombud_amount_format(978, 2, b, sizeof b), "9.78");
    assert_string_equal(ombud_amount_format(-1250, 2, b, sizeof b), "-12.50");
    assert_string_equal(ombud_amount_format(5, 2, b, sizeof b), "0.05");
    assert_string_equal(ombud_amount_format(1500, 0, b, sizeof b), "1500");
    assert_string_equal(ombud_amount_format(INT64_MIN, 2, b, sizeof b),
                        "-92233720368547758.08");
}

/* 4: currencies. */
static void test_currency(void **state)
{
    (void)state;
    assert_int_equal(ombud_currency_digits("USD"), 2);
    assert_int_equal(ombud_currency_digits("EUR"), 2);
    assert_int_equal(ombud_currency_digits("JPY"), 0);
    assert_int_equal(ombud_currency_digits("KWD"), 3);
    assert_true(ombud_currency_valid("ILS"));
    assert_false(ombud_currency_valid("usd"));
    assert_false(ombud_currency_valid("US"));
    assert_false(ombud_currency_valid("USDX"));
}

/* 5: integers and booleans. */
static void test_uint_bool(void **state)
{
    int64_t v;
    int b;
    char why[64];
    (void)state;
    assert_int_equal(ombud_uint_parse("250", 1000, &v, why, sizeof why), OMBUD_OK);
    assert_int_equal(v, 250);
    assert_int_equal(ombud_uint_parse("1001", 1000, &v, why, sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "number too large (max 1000)");
    assert_int_equal(ombud_uint_parse("-1", 1000, &v, why, sizeof why), OMBUD_E_FIELD);
    assert_int_equal(ombud_uint_parse("2.5", 1000, &v, why, sizeof why), OMBUD_E_FIELD);
    assert_int_equal(ombud_bool_parse("YES", &b, why, sizeof why), OMBUD_OK);
    assert_int_equal(b, 1);
    assert_int_equal(ombud_bool_parse("n", &b, why, sizeof why), OMBUD_OK);
    assert_int_equal(b, 0);
    assert_int_equal(ombud_bool_parse("maybe", &b, why, sizeof why), OMBUD_E_FIELD);
}

/* 6: text must be clean UTF-8 without control characters. */
static void test_text(void **state)
{
    char why[64];
    (void)state;
    assert_int_equal(ombud_text_check("Oakridge", 8, why, sizeof why), OMBUD_OK);
    assert_int_equal(ombud_text_check("שירות", strlen("שירות"), why, sizeof why), OMBUD_OK);
    assert_int_equal(ombud_text_check("reposició", strlen("reposició"), why, sizeof why), OMBUD_OK);
    assert_int_equal(ombud_text_check("a\tb\nc", 5, why, sizeof why), OMBUD_OK);
    assert_int_equal(ombud_text_check("ab\0c", 4, why, sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "NUL byte at byte 3");
    assert_int_equal(ombud_text_check("a\x01", 2, why, sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "control character 0x01 at byte 2");
    assert_int_equal(ombud_text_check("ok\xff\xfe", 4, why, sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "invalid UTF-8 at byte 3");
    /* Overlong encoding of '/' and a UTF-16 surrogate are not UTF-8. */
    assert_int_equal(ombud_text_check("\xc0\xaf", 2, why, sizeof why), OMBUD_E_FIELD);
    assert_int_equal(ombud_text_check("\xed\xa0\x80", 3, why, sizeof why), OMBUD_E_FIELD);
    /* Truncated sequence at the end. */
    assert_int_equal(ombud_text_check("caf\xc3", 4, why, sizeof why), OMBUD_E_FIELD);
    assert_string_equal(why, "invalid UTF-8 at byte 4");
}

/* Identifiers, CRs, noncharacters and C1 controls (README "Input
 * formats"): each case with its flags and the reason, "" when accepted. */
static void test_text_classes(void **state)
{
    static const struct {
        const char *s;
        unsigned flags;
        const char *why;
    } t[] = {
        {"A\xE2\x80\xAE" "B", OMBUD_TEXT_ID, "bidirectional control character "
         "U+202E at byte 2: not allowed in an identifier"},
        {"A\xE2\x80\xAE" "B", 0, ""},              /* free text keeps it */
        {"\xD8\x9C" "x", OMBUD_TEXT_ID, "bidirectional control character "
         "U+061C at byte 1: not allowed in an identifier"},
        {"ab\xE2\x81\xA9", OMBUD_TEXT_ID, "bidirectional control character "
         "U+2069 at byte 3: not allowed in an identifier"},
        {"\xD7\xA9\xD7\x9C", OMBUD_TEXT_ID, ""},    /* Hebrew letters */
        {"a\rb", 0, "control character 0x0D at byte 2"},
        {"a\r", 0, "control character 0x0D at byte 2"},
        {"a\r\nb", 0, ""},                         /* CRLF is a newline */
        {"a\rb", OMBUD_TEXT_CR_EOL, ""},            /* a CR file's newline */
        {"\xEF\xBF\xBF", 0, "Unicode noncharacter U+FFFF at byte 1"},
        {"x\xF0\x9F\xBF\xBE", 0, "Unicode noncharacter U+1FFFE at byte 2"},
        {"\xEF\xB7\x8F", OMBUD_TEXT_ID, ""},        /* U+FDCF is a character */
        {"ab\xC2\x85", 0, "control character U+0085 at byte 3"},
        {"\xC2\xA0", OMBUD_TEXT_ID, ""},             /* no-break space */
    };
    char why[160];
    (void)state;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        ombud_err want = t[i].why[0] ? OMBUD_E_FIELD : OMBUD_OK;
        why[0] = '\0';
        assert_int_equal(ombud_text_check_as(t[i].s, strlen(t[i].s), t[i].flags,
                                             why, sizeof why), want);
        assert_string_equal(why, t[i].why);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_amounts), cmocka_unit_test(test_amount_rejects),
        cmocka_unit_test(test_amount_format), cmocka_unit_test(test_currency),
        cmocka_unit_test(test_uint_bool), cmocka_unit_test(test_text),
        cmocka_unit_test(test_text_classes),
    };
    return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
