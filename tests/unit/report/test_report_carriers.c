/*
 * test_report_carriers.c - the comparison's model (carriers.h): which
 * filings are of one standard, the order their columns take, and each
 * figure as the reader writes it. Expectations worked out by hand.
 */
#include <stdlib.h>
#include <unistd.h>
#include "testutil.h"
#include "ombud/carriers.h"
#include "ombud/i18n.h"

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
    return ombud_i18n_set(OMBUD_LANG_EN) == OMBUD_OK ? 0 : -1;
}

/* A standard of "id:kind" pairs, NULL-terminated. */
static void standard(ombud_standard *s, const char *const *pairs)
{
    memset(s, 0, sizeof *s);
    for (; *pairs; pairs++, s->ng++) {
        const char *colon = strchr(*pairs, ':');
        snprintf(s->id[s->ng], sizeof s->id[0], "%.*s",
                 (int)(colon - *pairs), *pairs);
        snprintf(s->kind[s->ng], sizeof s->kind[0], "%s", colon + 1);
    }
}

static void test_same_standard(void **state)
{
    static const char *const a[] = {"restore:restoration",
                                    "live:live_support", NULL};
    static const char *const b[] = {"live:live_support",
                                    "restore:restoration", NULL};
    static const char *const none[] = {NULL};
    ombud_standard sa, sb;
    char why[200] = "x";

    (void)state;
    standard(&sa, a);
    standard(&sb, b);
    /* The order of the sections does not matter. */
    assert_int_equal(ombud_standard_differs(&sa, &sb, why, sizeof why), 0);
    assert_string_equal(why, "");
    assert_int_equal(ombud_standard_differs(&sb, &sa, NULL, 0), 0);
    standard(&sa, none);
    standard(&sb, none);
    assert_int_equal(ombud_standard_differs(&sa, &sb, why, sizeof why), 0);
}

static void test_other_standard(void **state)
{
    static const char *const a[] = {"restore:restoration",
                                    "live:live_support", NULL};
    static const char *const fewer[] = {"restore:restoration", NULL};
    static const char *const more[] = {"restore:restoration",
                                       "live:live_support",
                                       "notice:advance_notice", NULL};
    static const char *const kind[] = {"restore:commitments",
                                       "live:live_support", NULL};
    ombud_standard sa, sb;
    char why[200];

    (void)state;
    standard(&sa, a);
    standard(&sb, fewer);
    assert_int_equal(ombud_standard_differs(&sa, &sb, why, sizeof why), 1);
    assert_string_equal(why, "guarantee 'live' (live_support) is in one and "
                        "not in the other");
    standard(&sb, more);
    assert_int_equal(ombud_standard_differs(&sa, &sb, why, sizeof why), 1);
    assert_string_equal(why, "guarantee 'notice' (advance_notice) is in one "
                        "and not in the other");
    standard(&sb, kind);
    assert_int_equal(ombud_standard_differs(&sa, &sb, why, sizeof why), 1);
    assert_string_equal(why, "guarantee 'restore' is of kind 'restoration' "
                        "in one and 'commitments' in the other");
    /* Ids are compared as written: "Restore" is another guarantee. */
    snprintf(sb.id[0], sizeof sb.id[0], "Restore");
    snprintf(sb.kind[0], sizeof sb.kind[0], "restoration");
    assert_int_equal(ombud_standard_differs(&sa, &sb, why, sizeof why), 1);
    assert_string_equal(why, "guarantee 'restore' (restoration) is in one "
                        "and not in the other");
}

static ombud_carrier_filing *filing(const char *carrier, int64_t from,
                                    const char *sha)
{
    ombud_carrier_filing *f = calloc(1, sizeof *f);

    assert_non_null(f);
    snprintf(f->carrier, sizeof f->carrier, "%s", carrier);
    snprintf(f->report_sha256, sizeof f->report_sha256, "%s", sha);
    snprintf(f->report, sizeof f->report, "%s.xlsx", sha);
    f->from = from;
    f->to = from + 86400;
    return f;
}

static void test_order(void **state)
{
    ombud_comparison c = {0};
    const char *want[] = {"North/100/bb", "North/200/aa", "South/100/aa",
                          "South/100/cc", "south/50/aa"};

    (void)state;
    /* Given in an order of their own. */
    c.f[c.nf++] = filing("south", 50, "aa");
    c.f[c.nf++] = filing("South", 100, "cc");
    c.f[c.nf++] = filing("North", 200, "aa");
    c.f[c.nf++] = filing("South", 100, "aa");
    c.f[c.nf++] = filing("North", 100, "bb");
    ombud_comparison_sort(&c);
    /* By carrier (bytes: upper case first), period, then report. */
    for (int i = 0; i < c.nf; i++) {
        char got[400];
        snprintf(got, sizeof got, "%s/%lld/%s", c.f[i]->carrier,
                 (long long)c.f[i]->from, c.f[i]->report_sha256);
        assert_string_equal(got, want[i]);
    }
    ombud_comparison_free(&c);
    assert_int_equal(c.nf, 0);
    ombud_comparison_free(NULL);
}

/* Figure @k as text, no-break spaces read as spaces. */
static const char *text(const ombud_carrier_filing *f, int g, int k)
{
    static char buf[800];
    char *o = buf;

    ombud_figure_text(f, g, k, buf, sizeof buf);
    for (const char *c = buf; *c; c++) {
        if ((unsigned char)c[0] == 0xC2 && (unsigned char)c[1] == 0xA0) {
            *o++ = ' ';
            c++;
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return buf;
}

static void test_figures(void **state)
{
    ombud_carrier_filing *f = filing("North", 0, "aa");
    ombud_carrier_figure *x = &f->fig[1];

    (void)state;
    snprintf(f->currency, sizeof f->currency, "USD");
    *x = (ombud_carrier_figure){1, 0, "FAIL", 108000, 86400, "s", 1234, 1,
                                1000, "1 of 2 outages restored"};
    /* Not re-derived: nothing to show. */
    assert_string_equal(text(f, 1, OMBUD_FIGURE_STATUS), "");
    f->derived = 1;
    assert_string_equal(text(f, 1, OMBUD_FIGURE_STATUS), "FAIL");
    assert_string_equal(text(f, 1, OMBUD_FIGURE_MEASURED), "30 h");
    assert_string_equal(text(f, 1, OMBUD_FIGURE_TARGET), "24 h");
    assert_string_equal(text(f, 1, OMBUD_FIGURE_WORDS),
                        "1 of 2 outages restored");
    assert_string_equal(text(f, 1, OMBUD_FIGURE_SUBJECTS), "1,234");
    assert_string_equal(text(f, 1, OMBUD_FIGURE_BREACHES), "1");
    assert_string_equal(text(f, 1, OMBUD_FIGURE_OWED), "10.00 USD");
    /* A guarantee that deals in no money owes "-", not 0.00. */
    x->amount = OMBUD_AMOUNT_NONE;
    assert_string_equal(text(f, 1, OMBUD_FIGURE_OWED), "-");
    /* A yen filing has no decimals. */
    snprintf(f->currency, sizeof f->currency, "JPY");
    x->amount = 1500;
    assert_string_equal(text(f, 1, OMBUD_FIGURE_OWED), "1,500 JPY");
    /* A guarantee the filing has no result for shows nothing. */
    assert_string_equal(text(f, 0, OMBUD_FIGURE_STATUS), "");
    assert_string_equal(ombud_figure_label(OMBUD_FIGURE_OWED), "Owed");
    free(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_standard),
        cmocka_unit_test(test_other_standard),
        cmocka_unit_test(test_order),
        cmocka_unit_test(test_figures),
    };
    return cmocka_run_group_tests_name("carriers", tests, setup, NULL);
}
