/*
 * test_chart_labels.c - which axis labels a chart draws: every k-th, for
 * the smallest k whose labels keep their gap. Expectations worked by hand
 * from the label edges (centre -/+ width / 2, moved inside the axis).
 */
#include "testutil.h"
#include "ombud/chart.h"

static void test_none_and_one(void **state)
{
    double c = 25, w = 100;
    (void)state;
    /* No labels: nothing to thin; k is still a usable step. */
    assert_int_equal(ombud_chart_label_step(NULL, NULL, 0, 0, 50, 2), 1);
    /* One label, even one longer than the axis: drawn alone. */
    assert_int_equal(ombud_chart_label_step(&c, &w, 1, 0, 50, 2), 1);
}

static void test_even(void **state)
{
    double c[] = {10, 30, 50, 70}, w15[] = {15, 15, 15, 15},
           w18[] = {18, 18, 18, 18}, w19[] = {19, 19, 19, 19},
           w60[] = {60, 60, 60, 60};
    (void)state;
    /* 20 apart: 15 wide leaves 5 >= 2; 18 wide leaves exactly 2. */
    assert_int_equal(ombud_chart_label_step(c, w15, 4, 0, 80, 2), 1);
    assert_int_equal(ombud_chart_label_step(c, w18, 4, 0, 80, 2), 1);
    /* 19 wide leaves 1 < 2: every other one (10 and 50, 40 apart). */
    assert_int_equal(ombud_chart_label_step(c, w19, 4, 0, 80, 2), 2);
    /* 60 wide: 0 and 2 would be 40 apart < 62; 0 and 3 are 60 apart,
     * but 3 (40..100) is moved to 20..80 and meets 0 (0..60): only 0. */
    assert_int_equal(ombud_chart_label_step(c, w60, 4, 0, 80, 2), 4);
}

static void test_uneven(void **state)
{
    double c[] = {10, 30, 50, 70}, w[] = {10, 30, 10, 10};
    (void)state;
    /* The long second label (15..45) meets the first (5..15) at k = 1;
     * k = 2 draws 5..15 and 45..55. */
    assert_int_equal(ombud_chart_label_step(c, w, 4, 0, 80, 2), 2);
}

static void test_moved_inside(void **state)
{
    double c[] = {0, 20, 40}, w[] = {16, 16, 16};
    (void)state;
    /* Centred on the axis ends they would fit (-8..8, 12..28, 32..48),
     * but the first is moved to 0..16, 4 short of the second at 12:
     * every other one, 0..16 and 24..40 (moved too). */
    assert_int_equal(ombud_chart_label_step(c, w, 3, 0, 40, 2), 2);
    /* On a wider axis nothing moves and all fit. */
    assert_int_equal(ombud_chart_label_step(c, w, 3, -10, 50, 2), 1);
}

static void test_many(void **state)
{
    enum { N = 10000 };
    static double c[N], w[N];
    (void)state;
    /* 1 point apart, 7 wide, gap 1: labels k apart leave k - 7 >= 1,
     * on an axis with room at the ends. */
    for (int i = 0; i < N; i++) {
        c[i] = i + 0.5;
        w[i] = 7;
    }
    assert_int_equal(ombud_chart_label_step(c, w, N, -10, N + 10, 1), 8);
    /* On an axis from 0, the first (-3..4) is moved to 0..7, and the
     * next drawn (k - 3 .. k + 4) must start at 8 or later: k = 11 (the
     * last, 9999 = 11 x 909, is moved to 9993..10000, 1 clear of 9988.5's
     * 9985..9992). */
    assert_int_equal(ombud_chart_label_step(c, w, N, 0, N, 1), 11);
    /* Zero-width labels 1 apart with gap 1 all fit. */
    for (int i = 0; i < N; i++)
        w[i] = 0;
    assert_int_equal(ombud_chart_label_step(c, w, N, 0, N, 1), 1);
    /* All at one point: only the first. */
    for (int i = 0; i < N; i++) {
        c[i] = 50;
        w[i] = 10;
    }
    assert_int_equal(ombud_chart_label_step(c, w, N, 0, 100, 1), N);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_none_and_one), cmocka_unit_test(test_even),
        cmocka_unit_test(test_uneven), cmocka_unit_test(test_moved_inside),
        cmocka_unit_test(test_many),
    };
    return cmocka_run_group_tests_name("chart labels", tests, NULL, NULL);
}
