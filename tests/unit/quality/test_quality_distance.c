/*
 * test_quality_distance.c - the edit distances behind "did you mean":
 * ombud_edit_distance() (filter words, first 64 bytes) and
 * ombud_edit_distance_upto() (account ids, whole or not at all).
 * Expected values worked out by hand.
 */
#include "testutil.h"
#include "ombud/quality.h"

/* 1: hand-counted distances, the same from both sides. */
static void test_small(void **state)
{
    static const struct { const char *a, *b; int d; } v[] = {
        {"", "", 0},
        {"", "abc", 3},
        {"kitten", "sitting", 3},          /* k->s, e->i, +g */
        {"ACC-1001", "ACC-9999", 4},
        {"acc-1002", "ACC-1002", 3},       /* bytes: case counts */
        {"billing", "biling", 1},
    };
    (void)state;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        assert_int_equal(ombud_edit_distance(v[i].a, v[i].b), v[i].d);
        assert_int_equal(ombud_edit_distance(v[i].b, v[i].a), v[i].d);
        assert_true(ombud_edit_distance_upto(v[i].a, v[i].b, 256) ==
                    (size_t)v[i].d);
    }
}

/* 2: past 64 bytes the short form compares beginnings; upto refuses
 * words longer than its limit instead of guessing. */
static void test_limits(void **state)
{
    char a[80], b[80];

    (void)state;
    memset(a, 'x', 70);
    a[70] = '\0';
    memcpy(b, a, sizeof a);
    b[69] = 'y';                      /* differs after byte 64 only */
    assert_int_equal(ombud_edit_distance(a, b), 0);
    assert_true(ombud_edit_distance_upto(a, b, 256) == 1);
    assert_true(ombud_edit_distance_upto(a, b, 69) == (size_t)-1);
    assert_true(ombud_edit_distance_upto("", a, 70) == 70);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
