/*
 * test_chart_marks.c - which calls share one timeline marker: the same
 * minute always, and a later minute drawn closer than the marker's room
 * (sep) to the marker's first call. Times are written as dates (UTC()).
 */
#include "testutil.h"
#include "ombud/time.h"
#include "ombud/chart.h"

#define T(h, mi, s) UTC(2026, 10, 15, (h), (mi), (s))

static void expect_group(const ombud_chart_group *g, int first, int count)
{
    assert_int_equal(g->first, first);
    assert_int_equal(g->count, count);
}

static void test_none_and_one(void **state)
{
    ombud_chart_group g[1];
    int64_t at = T(10, 0, 0);
    (void)state;
    assert_int_equal(ombud_chart_group_marks(NULL, 0, 1, 10, NULL), 0);
    assert_int_equal(ombud_chart_group_marks(&at, 1, 1, 10, g), 1);
    expect_group(&g[0], 0, 1);
}

static void test_same_minute(void **state)
{
    int64_t at[] = {T(10, 0, 0), T(10, 0, 30), T(10, 0, 59), T(10, 1, 0)};
    ombud_chart_group g[4];
    (void)state;
    /* At 1 point a second the first three are 0, 30 and 59 points apart,
     * far more than sep = 10, yet one minute: one marker of 3. 10:01:00
     * is 60 points on: a marker of its own. */
    assert_int_equal(ombud_chart_group_marks(at, 4, 1, 10, g), 2);
    expect_group(&g[0], 0, 3);
    expect_group(&g[1], 3, 1);
}

static void test_too_close(void **state)
{
    int64_t at[] = {T(10, 0, 59), T(10, 1, 0), T(10, 5, 0), T(10, 6, 29),
                    T(10, 6, 30), T(10, 7, 0)};
    ombud_chart_group g[6];
    (void)state;
    /* 10 points a minute (1/6 point a second), sep 15 (90 s):
     * 10:01:00 is 1/6 point after 10:00:59 and joins it; 10:05:00 is
     * 40 1/6 points on and starts a marker; 10:06:29 is 14 5/6 points
     * after it and joins; 10:06:30 is 15 points after it, not less than
     * sep, but joins as it shares 10:06:29's minute; 10:07:00, 20 points
     * on, starts a marker. */
    assert_int_equal(ombud_chart_group_marks(at, 6, 1.0 / 6, 15, g), 3);
    expect_group(&g[0], 0, 2);
    expect_group(&g[1], 2, 3);
    expect_group(&g[2], 5, 1);
    /* At 100 points a second only the minute 10:06 still groups. */
    assert_int_equal(ombud_chart_group_marks(at, 6, 100, 15, g), 5);
    expect_group(&g[3], 3, 2);
}

static void test_before_1970(void **state)
{
    int64_t at[] = {-61, -30, -1, 0};
    ombud_chart_group g[4];
    (void)state;
    /* Minutes round down: -61 is in minute -2, -30 and -1 in minute -1,
     * 0 in minute 0. At 100 points a second only minutes group. */
    assert_int_equal(ombud_chart_group_marks(at, 4, 100, 10, g), 3);
    expect_group(&g[0], 0, 1);
    expect_group(&g[1], 1, 2);
    expect_group(&g[2], 3, 1);
}

static void test_many(void **state)
{
    enum { N = 10000 };
    static int64_t at[N];
    static ombud_chart_group g[N];
    (void)state;
    /* All in one minute: one marker of 10000. */
    for (int i = 0; i < N; i++)
        at[i] = T(10, 0, i % 60);
    for (int i = 1; i < N; i++)  /* ascending, as required */
        if (at[i] < at[i - 1])
            at[i] = at[i - 1];
    assert_int_equal(ombud_chart_group_marks(at, N, 1, 10, g), 1);
    expect_group(&g[0], 0, N);
    /* One a minute for 10000 minutes, a minute 1 point wide, sep 10:
     * minutes m .. m + 9 share a marker: 1000 markers of 10. */
    for (int i = 0; i < N; i++)
        at[i] = T(0, 0, 0) + (int64_t)i * 60;
    assert_int_equal(ombud_chart_group_marks(at, N, 1.0 / 60, 10, g), 1000);
    expect_group(&g[0], 0, 10);
    expect_group(&g[999], 9990, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_none_and_one), cmocka_unit_test(test_same_minute),
        cmocka_unit_test(test_too_close), cmocka_unit_test(test_before_1970),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests_name("chart marks", tests, NULL, NULL);
}
