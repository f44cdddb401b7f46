/*
 * test_rules_leg_fate.c - ombud_leg_fate_of(), the one reading of a call
 * leg that live_support, answer_time and call_kpis share: which legs are
 * answered, abandoned, handed on, met no person or are left out, and the
 * wait each one measures. Expected values are written by hand.
 */
#include "testutil.h"
#include "ombud/rule.h"

/* A leg arriving at 1000, answered at @answered (or not), ended at 1100. */
static ombud_call_leg leg(const char *outcome, int64_t answered)
{
    ombud_call_leg c = {"C1", NULL, "q", 1000, answered, 1100, outcome,
                        NULL, NULL, NULL, OMBUD_TIME_NONE, NULL};
    return c;
}

static void test_fates(void **state)
{
    static const struct {
        const char *outcome;
        int64_t answered;
        ombud_leg_fate fate;
        int64_t wait;
    } cases[] = {
        /* 1 a person answered: the wait runs to the answer */
        {"answered", 1020, OMBUD_LEG_ANSWERED, 20},
        /* 2 answered, then transferred: still answered by a person */
        {"transferred", 1059, OMBUD_LEG_ANSWERED, 59},
        /* 3 handed on without a person: the next leg decides */
        {"transferred", OMBUD_TIME_NONE, OMBUD_LEG_HANDED_ON, 100},
        /* 4 the caller hung up: the wait runs to the end */
        {"abandoned", OMBUD_TIME_NONE, OMBUD_LEG_ABANDONED, 100},
        /* 5-7 the company ended it without a person */
        {"closed", OMBUD_TIME_NONE, OMBUD_LEG_NO_PERSON, 100},
        {"voicemail", OMBUD_TIME_NONE, OMBUD_LEG_NO_PERSON, 100},
        {"ivr", OMBUD_TIME_NONE, OMBUD_LEG_NO_PERSON, 100},
        /* 8 no end in the telephony log: left out, even if connected */
        {"incomplete", OMBUD_TIME_NONE, OMBUD_LEG_INCOMPLETE, 100},
        {"incomplete", 1030, OMBUD_LEG_INCOMPLETE, 30},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ombud_call_leg c = leg(cases[i].outcome, cases[i].answered);
        int64_t wait = -1;
        assert_int_equal(ombud_leg_fate_of(&c, &wait), cases[i].fate);
        assert_int_equal(wait, cases[i].wait);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
