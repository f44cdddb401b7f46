/*
 * rule_live_support.c - "24/7 live tech support": every call to the named
 * queues, in the promised hours, reaches a live person within max_wait.
 *
 * Which legs count: legs to the queues that arrived while the promised
 * hours were open. Not counted: a leg handed on without a person (an IVR
 * transfer: the next leg decides), and a caller who hung up before
 * max_wait had passed (the company was not yet late).
 * A counted leg is a breach unless a person answered within max_wait: a
 * closed queue, voicemail, IVR only, or a wait past the limit.
 *
 * The share answered live is also kept for each of the 168 hours of the
 * week (local time), the heat map that shows when support was unreachable.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_QUEUES, K_HOURS, K_MAX_WAIT, K_N };

static const ombud_param_def params[K_N] = {
    [K_QUEUES] = {"queues", OMBUD_P_LIST, 1, NULL, NULL,
                  "queues the promise covers, e.g. tech_support"},
    [K_HOURS] = {"hours", OMBUD_P_HOURS, 0, "24x7", NULL,
                 "promised hours: 24x7, a calendar name or e.g. mon-fri 08:00-20:00"},
    [K_MAX_WAIT] = {"max_wait", OMBUD_P_DURATION, 1, NULL, NULL,
                    "longest wait for a live person, e.g. 10m"},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t live;             /* counted legs answered in time */
    int64_t calls[168];       /* counted legs per hour of the week */
    int64_t answered[168];    /* of which answered live in time */
    int64_t incomplete;       /* legs left out: no end in the log */
    ombud_err err;
} state;

/* Write the breach for a leg that did not reach a person in time. */
static ombud_err breach(state *s, int64_t row, const ombud_call_leg *c,
                        int64_t wait)
{
    int64_t max = s->g->v[K_MAX_WAIT].num;
    ombud_breach b = {"call", "", c->arrived_at, wait, max,
                      wait > max ? wait - max : 0, "s", 0, ""};
    char when[40], w[32], m[32];

    snprintf(b.subject, sizeof b.subject, "%s", c->call_id);
    ombud_fmt_local(s->ctx->tz, c->arrived_at, when, sizeof when);
    ombud_fmt_duration(wait, w, sizeof w);
    ombud_fmt_duration(max, m, sizeof m);
    if (c->answered_at != OMBUD_TIME_NONE) {
        /* TRANSLATORS: when; the queue's name as the log has it; the wait;
         * the limit. */
        snprintf(b.detail, sizeof b.detail, _("%s: call to %s answered by a "
                 "person only after %s (limit %s)"), when, c->queue, w, m);
    } else {
        /* TRANSLATORS: when; the queue's name as the log has it; how the
         * call ended ("the queue was closed"); after how long; the limit. */
        snprintf(b.detail, sizeof b.detail, _("%s: call to %s: %s after %s; "
                 "no live person (limit %s)"), when, c->queue,
                 ombud_fmt_outcome(c->outcome), w, m);
        ombud_breach_no_person(c, &b);
    }
    return ombud_breach_write(s->ctx, s->res, &b, "call_legs", row, NULL, 0);
}

static int on_leg(void *ud, int64_t row, const ombud_call_leg *c)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    int64_t max = g->v[K_MAX_WAIT].num, wait;
    ombud_leg_fate fate;
    int answered;
    ombud_tm tm;
    int how;

    if (!ombud_param_has(&g->v[K_QUEUES], c->queue) ||
        !ombud_calendar_is_open(g->v[K_HOURS].cal, c->arrived_at))
        return 0;
    fate = ombud_leg_fate_of(c, &wait);
    if (fate == OMBUD_LEG_INCOMPLETE)
        return (s->incomplete++, 0);
    if (fate == OMBUD_LEG_HANDED_ON ||
        (fate == OMBUD_LEG_ABANDONED && wait <= max))
        return 0;
    answered = fate == OMBUD_LEG_ANSWERED;
    ombud_tm_from_instant(s->ctx->tz, c->arrived_at, &tm);
    how = tm.wday * 24 + tm.hour;
    s->res->subjects++;
    s->calls[how]++;
    if (answered && wait <= max) {
        s->live++;
        s->answered[how]++;
        return 0;
    }
    return (s->err = breach(s, row, c, wait)) != OMBUD_OK;
}

static void *begin(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                   ombud_result *res)
{
    state *s = calloc(1, sizeof *s);

    if (s) {
        s->ctx = ctx;
        s->g = g;
        s->res = res;
    }
    return s;
}

/* The heat map's two series, the figures and the texts. */
static ombud_err finish(state *s)
{
    const ombud_rule_ctx *ctx = s->ctx;
    const ombud_guarantee *g = s->g;
    ombud_result *res = s->res;
    char m[32], pct[16];
    ombud_err err;

    for (int k = 0; k < 168; k++)
        if ((err = ombud_store_add_series(ctx->store, ctx->result_id,
                                          OMBUD_SERIES_HEAT_CALLS, k, s->calls[k])) ||
            (err = ombud_store_add_series(ctx->store, ctx->result_id,
                                          OMBUD_SERIES_HEAT_LIVE, k, s->answered[k])))
            return err;
    ombud_fmt_duration(g->v[K_MAX_WAIT].num, m, sizeof m);
    res->unit = "bp";
    res->measured = ombud_share_bp(s->live, res->subjects);
    res->target = 10000;
    res->pass = res->breaches == 0;
    snprintf(res->measured_text, sizeof res->measured_text, _("%s of %s "
             "calls reached a person within %s (%s)"), ombud_n(s->live),
             ombud_n(res->subjects), m,
             ombud_fmt_bp(res->measured, pct, sizeof pct));
    snprintf(res->target_text, sizeof res->target_text, _("every call, %s, a "
             "person within %s"), g->v[K_HOURS].text, m);
    snprintf(res->method, sizeof res->method, _("Call legs to %s that arrived "
             "in the promised hours (%s) count. A leg breaches the promise "
             "unless a person answered within %s of its arrival: closed "
             "queues, voicemail, IVR-only legs and waits past the limit are "
             "breaches. Legs handed on without a person, and callers who hung "
             "up before %s had passed, are not counted. Times are local "
             "(%s)."), g->v[K_QUEUES].text, g->v[K_HOURS].text, m, m,
             ombud_tz_name(ctx->tz));
    ombud_method_incomplete(res->method, sizeof res->method, s->incomplete);
    return OMBUD_OK;
}

static ombud_err end(void *ud, ombud_err err)
{
    state *s = ud;

    if (!err)
        err = s->err;
    if (!err)
        err = finish(s);
    free(s);
    return err;
}

static const ombud_leg_pass pass = {begin, on_leg, end};

/* The share answered live, by hour of the week. */
static const ombud_drawing drawing = {OMBUD_CHART_HEATMAP, NULL, NULL, 0,
                                      OMBUD_COUNTER_NONE, NULL, 0};

const ombud_rule ombud_rule_live_support = {
    "live_support", "a live person answers every call within max_wait",
    N_("live support"), &drawing,
    params, K_N, ombud_legs_evaluate, NULL,
    NULL,
    &pass,
    0,
    0
};
