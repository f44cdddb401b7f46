/*
 * test_report_sheet_name.c - Excel sheet names: valid, at most 31
 * characters (UTF-8 safe), unique case-insensitively.
 */
#include "testutil.h"
#include "ombud/report.h"

static const char *name(const char *want, const char *const *taken, int n)
{
    static char out[OMBUD_SHEET_NAME_MAX];
    return ombud_sheet_name(want, taken, n, out, sizeof out);
}

static void test_forbidden(void **state)
{
    (void)state;
    assert_string_equal(name("a[b]c:d*e?f/g\\h", NULL, 0), "a_b_c_d_e_f_g_h");
    assert_string_equal(name("'quoted", NULL, 0), "quoted");
    /* Nor last: a guarantee id "live-suppor'" (found by fuzz_report). */
    assert_string_equal(name("live-suppor'", NULL, 0), "live-suppor");
    assert_string_equal(name("''a''", NULL, 0), "a");
    assert_string_equal(name("'''", NULL, 0), "Sheet");
    assert_string_equal(name("it's", NULL, 0), "it's");
    /* A quote that the cut at 31 characters leaves last goes too. */
    assert_string_equal(name("abcdefghijklmnopqrstuvwxyz0123'tail", NULL, 0),
                        "abcdefghijklmnopqrstuvwxyz0123");
    assert_string_equal(name("", NULL, 0), "Sheet");
}

static void test_length(void **state)
{
    (void)state;
    /* 40 ASCII characters are cut to 31. */
    assert_string_equal(name("abcdefghijklmnopqrstuvwxyz0123456789ABCD", NULL, 0),
                        "abcdefghijklmnopqrstuvwxyz01234");
    /* 31 Hebrew letters (2 bytes each) are kept whole; a 32nd is cut. */
    assert_string_equal(name("אבגדהוזחטיכלמנסעפצקרשתאבגדהוזחטי", NULL, 0),
                        "אבגדהוזחטיכלמנסעפצקרשתאבגדהוזחט");
}

/* 31 characters, some of 3 and 2 bytes (14 + 4 + 4 + 6 + 3 = 31: the
 * last word cut to two letters), are 48 bytes: a buffer of 32, as the
 * workbook's once was, cut the name inside a letter, and a link to the
 * sheet was no XML (fuzz: regress/report/fixed-sheet-name-cut-in-a-
 * character). A short buffer now keeps whole characters only: 18 bytes
 * of "liv中文e-support", 7 of " מפת", 5 of " חו" = 30 of the 31. */
static void test_wide(void **state)
{
    const char *want = "liv中文e-support מפת חום ארוכה ארוכה מאוד";
    char small[32];
    (void)state;
    assert_string_equal(name(want, NULL, 0),
                        "liv中文e-support מפת חום ארוכה אר");
    ombud_sheet_name(want, NULL, 0, small, sizeof small);
    assert_string_equal(small, "liv中文e-support מפת חו");
}

static void test_unique(void **state)
{
    const char *taken[] = {"Summary", "live-support", "live-support (2)",
                           "abcdefghijklmnopqrstuvwxyz01234"};
    (void)state;
    assert_string_equal(name("summary", taken, 4), "summary (2)");
    assert_string_equal(name("live-support", taken, 4), "live-support (3)");
    assert_string_equal(name("Inputs", taken, 4), "Inputs");
    /* The suffix still fits within 31 characters. */
    assert_string_equal(name("abcdefghijklmnopqrstuvwxyz0123456789", taken, 4),
                        "abcdefghijklmnopqrstuvwxyz0 (2)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forbidden), cmocka_unit_test(test_length),
        cmocka_unit_test(test_unique), cmocka_unit_test(test_wide),
    };
    return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
