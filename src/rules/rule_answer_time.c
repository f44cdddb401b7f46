/*
 * rule_answer_time.c - "80% of calls answered within 60 seconds": the
 * service level of the named queues, per day (or over the whole period).
 *
 * Offered calls: legs to the queues in the given hours, less legs handed
 * on without a person (IVR transfers), less abandons shorter than
 * `short_abandon` (excluded from both sides, as regulators allow), and
 * less all abandons when `count_abandoned = no`. Closed, voicemail and IVR
 * legs stay offered and unanswered. Answered in time: a person answered
 * within `within` of arrival.
 *
 * Judged per day, one pass: legs come in arrival order, so local days
 * come one after another. The current day's unanswered legs are held
 * (their rows and places) until the day ends; a failing day then gets
 * its breach and those legs as evidence, a passing one drops them. At
 * most HELD_MAX legs are held: a day with more (a hostile file can put
 * every leg on one day) is read again after the pass for its evidence,
 * as a period judged whole is, since holding a whole period's legs
 * would be unbounded.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_QUEUES, K_WITHIN, K_TARGET, K_COUNT_ABANDONED, K_SHORT_ABANDON,
       K_HOURS, K_PER, K_N };

static const ombud_param_def params[K_N] = {
    [K_QUEUES] = {"queues", OMBUD_P_LIST, 1, NULL, NULL,
                  "queues measured, e.g. tech_support, billing"},
    [K_WITHIN] = {"within", OMBUD_P_DURATION, 1, NULL, NULL,
                  "answer within this time, e.g. 60s"},
    [K_TARGET] = {"target", OMBUD_P_PERCENT, 1, NULL, NULL,
                  "share that must be answered in time, e.g. 80%"},
    [K_COUNT_ABANDONED] = {"count_abandoned", OMBUD_P_BOOL, 0, "yes", NULL,
                           "abandoned calls count as offered and unanswered"},
    [K_SHORT_ABANDON] = {"short_abandon", OMBUD_P_DURATION, 0, "0s", NULL,
                         "abandons quicker than this are left out entirely"},
    [K_HOURS] = {"hours", OMBUD_P_HOURS, 0, "24x7", NULL,
                 "only calls arriving in these hours"},
    [K_PER] = {"per", OMBUD_P_WORD, 0, "day", "day|period",
               "judge each local day, or the period as a whole"},
};

/* A day's unanswered legs held, at most (48 bytes each: 12 MB). A month
 * of 10M legs has about 100,000 a day in the bench month; at 65,536 every
 * day of it was read twice, 13 % of its check. */
enum { HELD_MAX = 262144 };

/* Counters for one local day. */
typedef struct day {
    int64_t offered, in_time;
    int64_t breach_id;   /* 0 unless the day is a breach */
    int again;           /* its evidence is read in the second pass */
} day;

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t first_day;   /* local day number of the period start */
    day *days;
    int64_t ndays;
    int64_t offered, in_time;
    int64_t incomplete;  /* legs left out: no end in the log */
    int pass;            /* 1 counting, 2 linking evidence */
    day *open;           /* per day: the day whose legs come now */
    GArray *held;        /* ombud_leg_place: its unanswered legs */
    ombud_err err;
} state;

/* -1: not offered; 0: offered, not in time; 1: answered in time;
 * -2: left out, its end unknown (incomplete). */
static int classify(const ombud_guarantee *g, const ombud_call_leg *c)
{
    int64_t wait;

    if (!ombud_param_has(&g->v[K_QUEUES], c->queue) ||
        !ombud_calendar_is_open(g->v[K_HOURS].cal, c->arrived_at))
        return -1;
    switch (ombud_leg_fate_of(c, &wait)) {
    case OMBUD_LEG_INCOMPLETE:
        return -2;
    case OMBUD_LEG_ANSWERED:
        return wait <= g->v[K_WITHIN].num;
    case OMBUD_LEG_HANDED_ON:
        return -1;
    case OMBUD_LEG_ABANDONED:
        return wait < g->v[K_SHORT_ABANDON].num ||
               !g->v[K_COUNT_ABANDONED].num ? -1 : 0;
    case OMBUD_LEG_NO_PERSON:
        break;
    }
    return 0;
}

static day *day_of(state *s, int64_t t)
{
    ombud_tm tm;
    int64_t i;

    ombud_tm_from_instant(s->ctx->tz, t, &tm);
    i = ombud_days_from_civil(tm.year, tm.month, tm.day) - s->first_day;
    return i >= 0 && i < s->ndays ? &s->days[i] : NULL;
}

static ombud_err day_end(state *s);

static int on_leg(void *ud, int64_t row, const ombud_call_leg *c)
{
    state *s = ud;
    int k = classify(s->g, c);
    day *d;

    if (k == -2 && s->pass == 1 && day_of(s, c->arrived_at))
        s->incomplete++;
    if (k < 0 || !(d = day_of(s, c->arrived_at)))
        return 0;
    if (s->pass == 2) {
        if (k == 0 && d->breach_id && d->again)
            s->err = ombud_store_add_evidence(s->ctx->store, d->breach_id,
                                              "call_legs", row);
        return s->err != OMBUD_OK;
    }
    d->offered++;
    d->in_time += k;
    s->offered++;
    s->in_time += k;
    if (s->g->v[K_PER].num != 0)
        return 0;
    /* Arrival order: a later day means the open one has ended. */
    assert(!s->open || d >= s->open);
    if (d != s->open && (s->err = day_end(s)))
        return 1;
    s->open = d;
    if (k == 0 && s->held->len < HELD_MAX) {
        ombud_leg_place p;
        ombud_store_leg_place(s->ctx->store, row, &p);
        g_array_append_val(s->held, p);
    } else if (k == 0) {
        d->again = 1;
    }
    return 0;
}

/* Write a breach for @n offered, @ok in time, at @at named @subject. */
static ombud_err breach(state *s, const char *kind, const char *subject,
                        int64_t at, int64_t n, int64_t ok, int64_t *id)
{
    int64_t level = ombud_share_bp(ok, n), target = s->g->v[K_TARGET].num;
    ombud_breach b = {kind, "", at, level, target, target - level, "bp", 0, ""};
    char l[16], t[16], w[48];
    ombud_err err;

    snprintf(b.subject, sizeof b.subject, "%s", subject);
    snprintf(b.detail, sizeof b.detail, _("%s: %s of %s calls answered "
             "within %s: %s against %s"), subject, ombud_n(ok), ombud_n(n),
             ombud_fmt_duration(s->g->v[K_WITHIN].num, w, sizeof w),
             ombud_fmt_bp(level, l, sizeof l),
             ombud_fmt_bp(target, t, sizeof t));
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &b, id)))
        return err;
    s->res->breaches++;
    return OMBUD_OK;
}

/* The local midnight that starts day @i of the period. */
static int64_t day_start(const state *s, int64_t i)
{
    return ombud_tz_local_to_utc(s->ctx->tz, (s->first_day + i) * 86400, NULL);
}

/* The open day has ended (per day): a breach if it fell short, with its
 * held legs as evidence. Exact comparison: 5 of 7 is below a 71.43%
 * target. */
static ombud_err day_end(state *s)
{
    day *d = s->open;
    int64_t i, target = s->g->v[K_TARGET].num;
    char name[16];
    int y, m, dd;
    ombud_err err = OMBUD_OK;

    if (!d)
        return OMBUD_OK;
    i = d - s->days;
    if (d->in_time * 10000 < target * d->offered) {
        ombud_civil_from_days(s->first_day + i, &y, &m, &dd);
        ombud_fmt_date(y, m, dd, name, sizeof name); /* the reader's way */
        err = breach(s, "day", name, day_start(s, i), d->offered, d->in_time,
                     &d->breach_id);
        for (guint j = 0; !err && !d->again && j < s->held->len; j++)
            err = ombud_store_add_leg_evidence(s->ctx->store, d->breach_id,
                      &g_array_index(s->held, ombud_leg_place, j));
    }
    g_array_set_size(s->held, 0);
    s->open = NULL;
    return err;
}

/* After counting: series of daily levels, and a breach for the period
 * when it is judged whole. */
static ombud_err judge(state *s)
{
    int64_t target = s->g->v[K_TARGET].num;
    ombud_err err;

    for (int64_t i = 0; i < s->ndays; i++) {
        day *d = &s->days[i];
        if (!d->offered)
            continue;
        if ((err = ombud_store_add_series(s->ctx->store, s->ctx->result_id,
                   OMBUD_SERIES_DAILY_LEVEL, s->first_day + i, ombud_share_bp(d->in_time,
                   d->offered))) ||
            (err = ombud_store_add_series(s->ctx->store, s->ctx->result_id,
                   "daily.offered", s->first_day + i, d->offered)))
            return err;
    }
    if (s->g->v[K_PER].num == 1 && s->offered &&
        s->in_time * 10000 < target * s->offered) {
        int64_t id;
        /* TRANSLATORS: the subject of a breach over the whole period. */
        if ((err = breach(s, "period", _("period"), s->ctx->from, s->offered,
                          s->in_time, &id)))
            return err;
        for (int64_t i = 0; i < s->ndays; i++) {
            s->days[i].breach_id = id;
            s->days[i].again = 1;
        }
    }
    return OMBUD_OK;
}

/* Pass 2: the legs of the breached days marked again (all, per period)
 * for their evidence; contiguous days read at once. */
static ombud_err link_evidence(state *s)
{
    ombud_err err;

    for (int64_t i = 0; i < s->ndays; i++) {
        int64_t j = i, from, to;
        if (!s->days[i].breach_id || !s->days[i].again)
            continue;
        while (j + 1 < s->ndays && s->days[j + 1].breach_id &&
               s->days[j + 1].again)
            j++;
        from = day_start(s, i);
        to = day_start(s, j + 1);
        if (from < s->ctx->from)
            from = s->ctx->from;
        if (to > s->ctx->to)
            to = s->ctx->to;
        if ((err = ombud_store_each_leg(s->ctx->store, from, to, on_leg, s)))
            return err;
        if (s->err)
            return s->err;
        i = j;
    }
    return OMBUD_OK;
}

static void describe(const state *s, ombud_result *res)
{
    const ombud_guarantee *g = s->g;
    /* "each day" or "each period", in the reader's words. */
    const char *per = g->v[K_PER].num ? _("period") : _("day");
    char l[16], t[16], w[48], quick[96];

    ombud_fmt_duration(g->v[K_WITHIN].num, w, sizeof w);
    /* No "abandons quicker than 0 s" when none is short. */
    /* TRANSLATORS: a phrase in the method's list of legs not offered. */
    ombud_fmt_phrase_duration(_(", abandons quicker than %s"),
                              g->v[K_SHORT_ABANDON].num, quick, sizeof quick);
    res->unit = "bp";
    res->measured = ombud_share_bp(s->in_time, s->offered);
    res->target = g->v[K_TARGET].num;
    res->subjects = s->offered;
    res->pass = res->breaches == 0;
    ombud_rate_set(s->ctx, s->in_time, s->offered);
    snprintf(res->measured_text, sizeof res->measured_text, _("%s of %s "
             "calls answered within %s (%s)"), ombud_n(s->in_time),
             ombud_n(s->offered), w,
             ombud_fmt_bp(res->measured, l, sizeof l));
    snprintf(res->target_text, sizeof res->target_text, _("%s within %s, each %s"),
             ombud_fmt_bp(res->target, t, sizeof t), w,
             per);
    snprintf(res->method, sizeof res->method, _("Call legs to %s arriving in "
             "the hours %s are offered calls, except legs handed on without a "
             "person%s, and %s. Closed, voicemail and "
             "IVR legs count as not answered. The share answered by a person "
             "within %s is judged for each %s against %s; each %s below it is "
             "a breach, with its unanswered legs as evidence."),
             g->v[K_QUEUES].text, g->v[K_HOURS].text,
             quick, g->v[K_COUNT_ABANDONED].num ?
             _("nothing else: abandoned calls count as offered") :
             _("all other abandons"), w,
             per, t, per);
    ombud_method_incomplete(res->method, sizeof res->method, s->incomplete);
}

static void *begin(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                   ombud_result *res)
{
    state *s = calloc(1, sizeof *s);
    ombud_tm a, z;

    if (!s)
        return NULL;
    *s = (state){ctx, g, res, 0, NULL, 0, 0, 0, 0, 1, NULL, NULL, OMBUD_OK};
    ombud_tm_from_instant(ctx->tz, ctx->from, &a);
    ombud_tm_from_instant(ctx->tz, ctx->to - 1, &z);
    s->first_day = ombud_days_from_civil(a.year, a.month, a.day);
    s->ndays = ombud_days_from_civil(z.year, z.month, z.day) - s->first_day + 1;
    if (!(s->days = calloc((size_t)s->ndays, sizeof *s->days))) {
        free(s);
        return NULL;
    }
    s->held = g_array_new(FALSE, FALSE, sizeof(ombud_leg_place));
    return s;
}

/* The legs are read: the last day, the series, and the period's own
 * breach and second pass when it is judged whole. */
static ombud_err end(void *ud, ombud_err err)
{
    state *s = ud;

    if (!err && !(err = s->err) && !(err = day_end(s)) &&
        !(err = judge(s))) {
        s->pass = 2;
        err = link_evidence(s);
    }
    if (!err)
        err = s->err;
    if (!err)
        describe(s, s->res);
    g_array_free(s->held, TRUE);
    free(s->days);
    free(s);
    return err;
}

static const ombud_leg_pass pass = {begin, on_leg, end};

/* The daily service level against the target. */
static const ombud_drawing drawing = {OMBUD_CHART_DAILY, NULL, NULL, 0,
                                      OMBUD_COUNTER_NONE, NULL, 0};

const ombud_rule ombud_rule_answer_time = {
    "answer_time", "a share of calls answered within a time",
    N_("answer time"), &drawing,
    params, K_N, ombud_legs_evaluate, NULL,
    &ombud_months_rate,
    &pass,
    0,
    0
};
