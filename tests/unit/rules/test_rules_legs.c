/*
 * test_rules_legs.c - one reading of the legs for several guarantees
 * (src/rules/legs.c), with passes made up here: each sees every leg of
 * the period in arrival order; a pass that stops the reading ends with
 * its own error and the others with it; every state begun is ended.
 */
#include "testutil.h"

#include <string.h>
#include <unistd.h>

#include "ombud/rule.h"

static ombud_store *st;
static char path[64];

/* What a made-up pass saw. */
typedef struct seen {
    char order[64];      /* the legs' call ids, in the order given */
    int begun, ended;
    ombud_err end_err;   /* the error end() was given */
    int stop_at;         /* stop at this leg (1-based), or 0 */
} seen;

static seen log_of[3];

static void *fake_begin(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                        ombud_result *res)
{
    seen *s = &log_of[g->id[0] - 'a'];
    (void)ctx;
    (void)res;
    s->begun++;
    return s;
}

static int fake_leg(void *ud, int64_t row, const ombud_call_leg *c)
{
    seen *s = ud;
    size_t n = strlen(s->order);
    (void)row;
    snprintf(s->order + n, sizeof s->order - n, "%s ", c->call_id);
    return s->stop_at && (int)(strlen(s->order) / 3) == s->stop_at;
}

static ombud_err fake_end(void *ud, ombud_err err)
{
    seen *s = ud;
    s->ended++;
    s->end_err = err;
    /* The one that stopped knows why. */
    return s->stop_at ? OMBUD_E_STORE : err;
}

static const ombud_leg_pass fake = {fake_begin, fake_leg, fake_end};
static const ombud_rule fake_rule = {"fake", "", "", &ombud_drawing_none,
                                     NULL, 0, ombud_legs_evaluate, NULL,
                                     NULL, &fake, 0, 0};

/* Legs L1..L4 arriving in this order, though stored 3, 1, 4, 2; L5 after
 * the period. */
static int setup(void **state)
{
    static const char *id[5] = {"L3", "L1", "L4", "L2", "L5"};
    static const int64_t at[5] = {1790900300, 1790900100, 1790900400,
                                  1790900200, 1800000000};
    ombud_source src = {"calls", "calls.csv", "/in/calls.csv",
                        "0000000000000000000000000000000000000000000000000"
                        "000000000000001", 10, "UTC", 1790000000, NULL,
                        NULL, NULL};
    ombud_counts c = {5, 5, 0, 0};
    int64_t sid;

    (void)state;
    snprintf(path, sizeof path, "/tmp/ombud-unit-%d-legs.db", (int)getpid());
    unlink(path);
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_int_equal(ombud_store_begin_file(st, &src, &sid), OMBUD_OK);
    for (int i = 0; i < 5; i++) {
        ombud_call_leg l = {id[i], NULL, "q", at[i], OMBUD_TIME_NONE,
                            at[i] + 10, "closed", NULL, NULL, NULL,
                            OMBUD_TIME_NONE, NULL};
        assert_int_equal(ombud_store_add_call_leg(st, sid, 2 + i, &l),
                         OMBUD_OK);
    }
    assert_int_equal(ombud_store_end_file(st, sid, &c), OMBUD_OK);
    memset(log_of, 0, sizeof log_of);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ombud_store_close(st);
    unlink(path);
    return 0;
}

/* Run the passes of guarantees "a", "b", "c" over October 2026 (UTC). */
static ombud_err share(int n)
{
    static ombud_guarantee g[3];
    const ombud_guarantee *gp[3];
    ombud_rule_ctx ctx[3];
    const ombud_rule_ctx *cp[3];
    ombud_result res[3], *rp[3];
    static char ids[3][2] = {"a", "b", "c"};

    for (int i = 0; i < n; i++) {
        memset(&g[i], 0, sizeof g[i]);
        g[i].id = ids[i];
        g[i].rule = &fake_rule;
        gp[i] = &g[i];
        ctx[i] = (ombud_rule_ctx){st, 1790812800, 1793491200, NULL, "USD",
                                  0, ids[i], NULL};
        cp[i] = &ctx[i];
        rp[i] = &res[i];
    }
    return ombud_legs_share(st, 1790812800, 1793491200, gp, cp, rp, n);
}

static void test_each_sees_all(void **state)
{
    (void)state;
    assert_int_equal(share(3), OMBUD_OK);
    for (int i = 0; i < 3; i++) {
        assert_string_equal(log_of[i].order, "L1 L2 L3 L4 ");
        assert_int_equal(log_of[i].begun, 1);
        assert_int_equal(log_of[i].ended, 1);
        assert_int_equal(log_of[i].end_err, OMBUD_OK);
    }
}

/* b stops at its second leg: c never sees it, and every pass is ended,
 * a and c with b's error, not as if the period were read. */
static void test_stop(void **state)
{
    (void)state;
    log_of[1].stop_at = 2;
    assert_int_equal(share(3), OMBUD_E_STORE);
    assert_string_equal(log_of[0].order, "L1 L2 ");
    assert_string_equal(log_of[1].order, "L1 L2 ");
    assert_string_equal(log_of[2].order, "L1 ");
    for (int i = 0; i < 3; i++)
        assert_int_equal(log_of[i].ended, 1);
    assert_int_equal(log_of[0].end_err, OMBUD_E_STORE);
    assert_int_equal(log_of[1].end_err, OMBUD_OK);
    assert_int_equal(log_of[2].end_err, OMBUD_E_STORE);
}

/* Alone, as a month of a quarter is judged: the same reading. */
static void test_alone(void **state)
{
    ombud_guarantee g;
    ombud_rule_ctx ctx = {NULL, 1790812800, 1793491200, NULL, "USD", 0,
                          "a", NULL};
    ombud_result res = {0};
    (void)state;
    memset(&g, 0, sizeof g);
    g.id = (char[]){"a"};
    g.rule = &fake_rule;
    ctx.store = st;
    assert_int_equal(fake_rule.evaluate(&ctx, &g, &res), OMBUD_OK);
    assert_string_equal(log_of[0].order, "L1 L2 L3 L4 ");
    assert_int_equal(log_of[0].ended, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_each_sees_all, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_alone, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
