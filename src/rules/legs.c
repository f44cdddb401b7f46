/*
 * legs.c - one reading of the call legs for every guarantee that judges
 * them one at a time (ombud_leg_pass).
 *
 * Reading a month's legs out of the store is most of what such a rule
 * costs: at 1M legs a scan is about 0.7 s, and live_support, answer_time
 * and call_kpis each needed one. The engine now begins each of them,
 * reads the legs once, hands each leg to each, and ends them. Each rule
 * still sees every leg of the period in arrival order, as a scan of its
 * own would give, so its figures cannot change. What changes is only the
 * order in which two guarantees' breaches reach the store, and nothing
 * reads that order: each result's breaches keep theirs.
 */
#include <assert.h>
#include <stdlib.h>

#include "ombud/rule.h"

typedef struct shared {
    const ombud_leg_pass *const *pass;   /* each guarantee's */
    void **state;
    int n;
    int stopped;                         /* the one that stopped, or -1 */
} shared;

static int each(void *ud, int64_t row, const ombud_call_leg *c)
{
    shared *x = ud;

    for (int i = 0; i < x->n; i++)
        if (x->pass[i]->leg(x->state[i], row, c)) {
            x->stopped = i;
            return 1;
        }
    return 0;
}

/* Begin, read, end. @p pass and @p state have room for @p n. */
static ombud_err run(ombud_store *st, int64_t from, int64_t to,
                     const ombud_guarantee *const *g,
                     const ombud_rule_ctx *const *ctx,
                     ombud_result *const *res, int n,
                     const ombud_leg_pass **pass, void **state)
{
    shared x = {pass, state, 0, -1};
    ombud_err err = OMBUD_OK, e;

    for (; x.n < n; x.n++) {
        pass[x.n] = g[x.n]->rule->legs;
        assert(pass[x.n]);
        if (!(state[x.n] = pass[x.n]->begin(ctx[x.n], g[x.n], res[x.n]))) {
            err = OMBUD_E_NOMEM;
            break;
        }
    }
    if (!err)
        err = ombud_store_each_leg(st, from, to, each, &x);
    /* The one that stopped the reading knows why: the others end with
     * its error, not with a period read only in part. */
    if (!err && x.stopped >= 0) {
        err = pass[x.stopped]->end(state[x.stopped], OMBUD_OK);
        assert(err);
        state[x.stopped] = NULL;
    }
    /* Every state begun is ended (and freed), whatever failed. */
    for (int i = 0; i < x.n; i++)
        if (state[i] && (e = pass[i]->end(state[i], err)) && !err)
            err = e;
    return err;
}

ombud_err ombud_legs_share(ombud_store *st, int64_t from, int64_t to,
                           const ombud_guarantee *const *g,
                           const ombud_rule_ctx *const *ctx,
                           ombud_result *const *res, int n)
{
    const ombud_leg_pass **pass = calloc((size_t)n + 1, sizeof *pass);
    void **state = calloc((size_t)n + 1, sizeof *state);
    ombud_err err = OMBUD_E_NOMEM;

    if (pass && state)
        err = run(st, from, to, g, ctx, res, n, pass, state);
    free(pass);
    free(state);
    return err;
}

ombud_err ombud_legs_evaluate(const ombud_rule_ctx *ctx,
                              const ombud_guarantee *g, ombud_result *res)
{
    const ombud_leg_pass *pass;
    void *state;

    return run(ctx->store, ctx->from, ctx->to, &g, &ctx, &res, 1, &pass,
               &state);
}
