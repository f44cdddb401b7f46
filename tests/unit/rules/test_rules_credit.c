/*
 * test_rules_credit.c - credits set against cases and the automatic
 * compensation returns (credit.h): whole-word references, the two passes,
 * each credit used once, and the month figures with the 30-day line, a
 * case due at the period's last instant and a DST change inside the 30
 * days (Europe/London, BST ends 2026-10-25). Expected values by hand.
 */
#include "testutil.h"
#include "ombud/credit.h"
#include "ombud/i18n.h"
#include "ombud/time.h"

/* 1: an id as a whole word, letters, digits, '-' and '_' bounding it. */
static void test_has_word(void **state)
{
    (void)state;
    assert_true(ombud_credit_has_word("R1", "R1"));
    assert_true(ombud_credit_has_word("comp R1.", "R1"));
    assert_true(ombud_credit_has_word("(R1) and R12", "R1"));
    assert_false(ombud_credit_has_word("R12", "R1"));
    assert_false(ombud_credit_has_word("XR1", "R1"));
    assert_false(ombud_credit_has_word("R1-2", "R1"));
    assert_false(ombud_credit_has_word("R1_b", "R1"));
    assert_false(ombud_credit_has_word(NULL, "R1"));
    assert_false(ombud_credit_has_word("R1", ""));
}

static ombud_billing credit(int64_t amount, int64_t at, const char *service,
                            const char *ref, const char *desc)
{
    return (ombud_billing){"ACC", "credit", at, amount, 1, "GBP", service,
                           OMBUD_TIME_NONE, OMBUD_TIME_NONE, OMBUD_TIME_NONE,
                           ref, desc, NULL};
}

/* 2: named first, then by service; a credit naming another case is not
 * taken by service; what is left of a credit pays the next claim. */
static void test_claims(void **state)
{
    ombud_credits *m = ombud_credits_new();
    ombud_claim *a = ombud_claim_new(), *b = ombud_claim_new(),
                *a2 = ombud_claim_new();
    ombud_billing c1 = credit(500, 100, NULL, "B", NULL),
                  c2 = credit(300, 200, "tv", NULL, NULL),
                  c3 = credit(400, 150, NULL, NULL, "for A"),
                  c4 = credit(100, 250, NULL, NULL, NULL);

    (void)state;
    ombud_credits_add_case(m, "A");
    ombud_credits_add_case(m, "B");
    ombud_credits_add_case(m, "A");     /* twice is once */
    /* A names no service: c1 names B (ignored), c2 by service, c3 named. */
    ombud_claim_offer(a, m, "A", NULL, 1, &c1);
    ombud_claim_offer(a, m, "A", NULL, 2, &c2);
    ombud_claim_offer(a, m, "A", NULL, 3, &c3);
    /* owed 600: c3 (named) 400 first, then 200 of c2 */
    ombud_claim_settle(a, m, 600);
    assert_int_equal(ombud_claim_paid(a), 600);
    assert_int_equal(ombud_claim_paid_at(a), 200);
    assert_int_equal(ombud_claim_nused(a), 2);
    assert_int_equal(ombud_claim_used(a, 0), 3);
    assert_int_equal(ombud_claim_used(a, 1), 2);
    /* B (broadband): c1 named; c2 is tv, not its service; c4 names none. */
    ombud_claim_offer(b, m, "B", "broadband", 1, &c1);
    ombud_claim_offer(b, m, "B", "broadband", 2, &c2);
    ombud_claim_offer(b, m, "B", "broadband", 4, &c4);
    ombud_claim_settle(b, m, 1000);
    assert_int_equal(ombud_claim_paid(b), 600);
    assert_int_equal(ombud_claim_paid_at(b), 250);
    /* A second case A: only the 100 left of c2; c3 is spent. */
    ombud_claim_offer(a2, m, "A", NULL, 2, &c2);
    ombud_claim_offer(a2, m, "A", NULL, 3, &c3);
    ombud_claim_settle(a2, m, 1000);
    assert_int_equal(ombud_claim_paid(a2), 100);
    assert_int_equal(ombud_claim_nused(a2), 1);
    ombud_claim_free(a);
    ombud_claim_free(b);
    ombud_claim_free(a2);
    ombud_claim_free(NULL);
    ombud_credits_free(m);
    ombud_credits_free(NULL);
}

static int on_figure(void *ud, const char *subject, const char *name,
                     int64_t v, const char *unit)
{
    char *buf = ud;
    size_t n = strlen(buf);

    snprintf(buf + n, 1024 - n, "%s %s %lld %s\n", subject, name,
             (long long)v, unit);
    return 0;
}

/* 3: the month's figures. Europe/London, October 2026; 30 days. */
static void test_returns(void **state)
{
    char path[64], why[128], got[1024] = "";
    ombud_store *st;
    ombud_tz *tz;
    ombud_check chk;
    ombud_rule_ctx ctx;
    ombud_returns *r;
    int64_t check, rid;
    int64_t d7, nov1;

    (void)state;
    assert_int_equal(ombud_tz_open("Europe/London", &tz), OMBUD_OK);
    snprintf(path, sizeof path, "/tmp/ombud-unit-%d-credit.db", (int)getpid());
    unlink(path);
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    ctx = (ombud_rule_ctx){st, 0, 0, tz, "GBP", 0, "g", NULL};
    assert_int_equal(ombud_period_parse("2026-10", tz, &ctx.from, &ctx.to, why,
                                        sizeof why), OMBUD_OK);
    chk = (ombud_check){ctx.from, ctx.to, "Europe/London", "g.ini", "00",
                        "C", "K", NULL, NULL, "GBP", NULL, 50, 0,
                        OMBUD_LOOKS_ALL};
    assert_int_equal(ombud_store_begin_check(st, &chk, &check), OMBUD_OK);
    assert_int_equal(ombud_store_add_result(st, check, 0, "g", "appointments",
                                            "p", "s", "", &rid), OMBUD_OK);
    ctx.result_id = rid;
    r = ombud_returns_new(&ctx, 30);
    d7 = UTC(2026, 10, 7, 11, 0, 0);          /* 12:00 BST */
    nov1 = UTC(2026, 11, 1, 0, 0, 0);         /* GMT: the period's end */
    assert_int_equal(nov1, ctx.to);
    /* a: paid in full on Nov 6 (local midnight, GMT), day 30: in time,
     * across the change back to GMT on Oct 25 */
    assert_int_equal(ombud_returns_count(r, "a", d7, 1000, 1000,
                     UTC(2026, 11, 6, 0, 0, 0)), OMBUD_OK);
    /* b: on Nov 7, day 31: late */
    assert_int_equal(ombud_returns_count(r, "b", d7, 1000, 1000,
                     UTC(2026, 11, 7, 0, 0, 0)), OMBUD_OK);
    /* c: 4.99 of 5.00 at once: not in full, not in time */
    assert_int_equal(ombud_returns_count(r, "c", UTC(2026, 10, 10, 9, 0, 0),
                     500, 499, UTC(2026, 10, 11, 0, 0, 0)), OMBUD_OK);
    /* d: due at 00:00 on Nov 1, the end of Oct 31: October's, and Nov 30
     * is its day 30 */
    assert_int_equal(ombud_returns_count(r, "d", nov1, 200, 200,
                     UTC(2026, 11, 30, 0, 0, 0)), OMBUD_OK);
    /* e: nothing paid */
    assert_int_equal(ombud_returns_count(r, "e", UTC(2026, 10, 20, 9, 0, 0),
                     300, 0, OMBUD_TIME_NONE), OMBUD_OK);
    assert_int_equal(ombud_returns_cases(r), 5);
    assert_int_equal(ombud_returns_write(r), OMBUD_OK);
    assert_int_equal(ombud_store_each_figure(st, rid, on_figure, got),
                     OMBUD_OK);
    /* 5 cases; owed 10+10+5+2+3 = 30.00, paid 10+10+4.99+2 = 26.99,
     * short 3.01; in time a and d. The store holds no billing, so where
     * it ends is known only from the credits used: b's own credit on
     * Nov 7 is past its day 30 (Nov 6): late. c (its 30 days end Nov 9,
     * its last credit Oct 11) and e (nothing paid) are pending: in time
     * 2 of the 3 decided = 66.67%. */
    assert_string_equal(got,
        "2026-10 comp_cases 5 count\n"
        "2026-10 comp_owed 3000 minor\n"
        "2026-10 comp_paid 2699 minor\n"
        "2026-10 comp_short 301 minor\n"
        "2026-10 comp_in_time 2 count\n"
        "2026-10 comp_pending 2 count\n"
        "2026-10 comp_in_time_share 6667 bp\n"
        "total comp_cases 5 count\n"
        "total comp_owed 3000 minor\n"
        "total comp_paid 2699 minor\n"
        "total comp_short 301 minor\n"
        "total comp_in_time 2 count\n"
        "total comp_pending 2 count\n"
        "total comp_in_time_share 6667 bp\n"
        "total comp_days 30 count\n");
    ombud_returns_free(r);
    ombud_returns_free(NULL);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    ombud_store_close(st);
    ombud_tz_free(tz);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_has_word),
        cmocka_unit_test(test_claims),
        cmocka_unit_test(test_returns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
