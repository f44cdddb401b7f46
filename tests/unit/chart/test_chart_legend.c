/*
 * test_chart_legend.c - a legend broken into lines by measured widths:
 * items in order, a new line when the next would not fit, an item too
 * long for any line alone on its own.
 */
#include "testutil.h"
#include "ombud/chart.h"

static void expect_items(const int *line, const double *at, int n,
                         const int *want_line, const double *want_at)
{
    for (int i = 0; i < n; i++) {
        assert_int_equal(line[i], want_line[i]);
        assert_true(at[i] == want_at[i]);
    }
}

static void test_none_and_one(void **state)
{
    int line[1];
    double at[1], w = 150;
    (void)state;
    assert_int_equal(ombud_chart_legend_lines(NULL, 0, 100, 10, NULL, NULL), 0);
    /* Longer than the line: still on the first line, at its start. */
    assert_int_equal(ombud_chart_legend_lines(&w, 1, 100, 10, line, at), 1);
    assert_int_equal(line[0], 0);
    assert_true(at[0] == 0);
}

static void test_breaks(void **state)
{
    double w[] = {30, 30, 30}, exact[] = {45, 45};
    int line[3], want_line[] = {0, 0, 1};
    double at[3], want_at[] = {0, 40, 0};
    (void)state;
    /* 0..30, 40..70; the third would end at 110 > 100: next line. */
    assert_int_equal(ombud_chart_legend_lines(w, 3, 100, 10, line, at), 2);
    expect_items(line, at, 3, want_line, want_at);
    /* 45 + 10 + 45 = 100 exactly fits. */
    assert_int_equal(ombud_chart_legend_lines(exact, 2, 100, 10, line, at), 1);
}

static void test_long_item(void **state)
{
    double w[] = {30, 150, 30};
    int line[3], want_line[] = {0, 1, 2};
    double at[3], want_at[] = {0, 0, 0};
    (void)state;
    /* The long one leaves the first line for a line of its own; the
     * next cannot share that line either. */
    assert_int_equal(ombud_chart_legend_lines(w, 3, 100, 10, line, at), 3);
    expect_items(line, at, 3, want_line, want_at);
}

static void test_many(void **state)
{
    enum { N = 10000 };
    static double w[N], at[N];
    static int line[N];
    (void)state;
    /* 9 wide, 1 apart: ten to a line of 100 (the tenth ends at 99). */
    for (int i = 0; i < N; i++)
        w[i] = 9;
    assert_int_equal(ombud_chart_legend_lines(w, N, 100, 1, line, at), 1000);
    assert_int_equal(line[9], 0);
    assert_true(at[9] == 90);
    assert_int_equal(line[10], 1);
    assert_true(at[10] == 0);
    assert_int_equal(line[N - 1], 999);
    assert_true(at[N - 1] == 90);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_none_and_one), cmocka_unit_test(test_breaks),
        cmocka_unit_test(test_long_item), cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests_name("chart legend", tests, NULL, NULL);
}
