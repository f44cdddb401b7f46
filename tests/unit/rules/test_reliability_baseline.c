/*
 * test_reliability_baseline.c - the arithmetic of targets relative to past
 * years (src/rules/reliability_baseline.c): which past year a day is in,
 * the sums per area with major event days left out, the indices, the mean
 * that skips years without a value and the limit, all rounded half up.
 * Expected values are worked out by hand in the comments.
 */
#include "testutil.h"
#include "ombud/i18n.h"
#include "../../../src/rules/reliability_baseline.h"

static const ombud_rule_ctx ctx = {NULL, 0, 0, NULL, "USD", 0, "rel",
                                    NULL};

/* Two past years: days [100, 200) the year before, [0, 100) the one
 * before that. */
static void two_years(ombud_base *b)
{
    ombud_base_init(b, 2);
    b->y[0] = (ombud_base_year){0, 0, 100, 200, 0, 0};
    b->y[1] = (ombud_base_year){0, 0, 0, 100, 0, 0};
}

/* 1: days fall in their year; others in none. */
static void test_year_of(void **state)
{
    ombud_base b;

    (void)state;
    two_years(&b);
    assert_int_equal(ombud_base_year_of(&b, 0), 1);
    assert_int_equal(ombud_base_year_of(&b, 99), 1);
    assert_int_equal(ombud_base_year_of(&b, 100), 0);
    assert_int_equal(ombud_base_year_of(&b, 199), 0);
    assert_int_equal(ombud_base_year_of(&b, 200), -1);
    assert_int_equal(ombud_base_year_of(&b, -1), -1);
    ombud_base_free(&b);
}

/* 2: sums per year and area, and for all areas; a day left out is not
 * counted, twice leaving out counts once; a year with nothing added is
 * not loaded. */
static void test_sums(void **state)
{
    ombud_base b;
    ombud_base_sums u[2 * 3];

    (void)state;
    two_years(&b);
    assert_int_equal(ombud_base_add(&b, &ctx, 120, 0, 10, 600, 0), OMBUD_OK);
    assert_int_equal(ombud_base_add(&b, &ctx, 120, 0, 5, 300, 7), OMBUD_OK);
    assert_int_equal(ombud_base_add(&b, &ctx, 150, 1, 2, 240, 0), OMBUD_OK);
    assert_int_equal(ombud_base_add(&b, &ctx, 160, 1, 100, 9999, 0), OMBUD_OK);
    ombud_base_leave_out(&b, 160);
    ombud_base_leave_out(&b, 160);
    ombud_base_leave_out(&b, 500);          /* in no year: ignored */
    assert_int_equal(b.y[0].meds, 1);
    assert_true(b.y[0].loaded);
    assert_false(b.y[1].loaded);
    ombud_base_sum(&b, 2, u);
    /* year 0, area 0: 10 + 5 interruptions, 900 customer-seconds, 7 */
    assert_int_equal(u[0].ci, 15);
    assert_int_equal(u[0].cs, 900);
    assert_int_equal(u[0].mi, 7);
    /* year 0, area 1: day 160 left out */
    assert_int_equal(u[1].ci, 2);
    assert_int_equal(u[1].cs, 240);
    /* year 0, all: 17, 1140 */
    assert_int_equal(u[2].ci, 17);
    assert_int_equal(u[2].cs, 1140);
    /* year 1: nothing */
    assert_int_equal(u[3].ci + u[4].ci + u[5].ci, 0);
    ombud_base_free(&b);
}

/* 3: indices in thousandths, half up. N 150, CI 75, 8250 customer-minutes
 * (495000 s), 100 momentary: SAIFI 0.500, SAIDI 55.000, CAIDI 110.000,
 * MAIFI_E 0.6667 -> 667. CAIDI without interruptions, or anything
 * without customers served, is undefined. */
static void test_index(void **state)
{
    ombud_base_sums u = {150, 75, 495000, 100}, z = {150, 0, 0, 0},
                    none = {0, 5, 60, 0};

    (void)state;
    assert_int_equal(ombud_base_index(OMBUD_BASE_SAIFI, &u), 500);
    assert_int_equal(ombud_base_index(OMBUD_BASE_SAIDI, &u), 55000);
    assert_int_equal(ombud_base_index(OMBUD_BASE_CAIDI, &u), 110000);
    assert_int_equal(ombud_base_index(OMBUD_BASE_MAIFI, &u), 667);
    assert_int_equal(ombud_base_index(OMBUD_BASE_SAIFI, &z), 0);
    assert_int_equal(ombud_base_index(OMBUD_BASE_CAIDI, &z), OMBUD_BP_NONE);
    assert_int_equal(ombud_base_index(OMBUD_BASE_SAIDI, &none), OMBUD_BP_NONE);
    assert_int_equal(ombud_base_index(OMBUD_BASE_CAIDI, &none), OMBUD_BP_NONE);
}

/* 4: the mean skips undefined years and rounds half up; the limit adds
 * the margin and rounds half up. (667 + 0) / 2 = 333.5 -> 334; x 1.05 =
 * 350.7 -> 351. 470 x 1.05 = 493.5 -> 494. 0% keeps the average. */
static void test_mean_limit(void **state)
{
    int64_t a[3] = {OMBUD_BP_NONE, 667, 0}, n[2] = {OMBUD_BP_NONE,
                                                    OMBUD_BP_NONE};

    (void)state;
    assert_int_equal(ombud_base_mean(a, 3), 334);
    assert_int_equal(ombud_base_mean(n, 2), OMBUD_BP_NONE);
    assert_int_equal(ombud_base_limit(334, 500), 351);
    assert_int_equal(ombud_base_limit(470, 500), 494);
    assert_int_equal(ombud_base_limit(63000, 1000), 69300);
    assert_int_equal(ombud_base_limit(777, 0), 777);
    assert_int_equal(ombud_base_limit(OMBUD_BP_NONE, 1000), OMBUD_BP_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_year_of),
        cmocka_unit_test(test_sums),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_mean_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
