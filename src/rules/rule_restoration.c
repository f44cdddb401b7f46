/*
 * rule_restoration.c - "service restored within 24 hours": each outage
 * must be restored within `within`, counted in calendar time or, with
 * `calendar`, in that calendar's working time (the clock stops outside it).
 *
 * Outages open at any moment of the period count; one still open at the
 * end of the period is measured to that end. With `target`, the guarantee
 * holds when at least that share of outages was restored in time (as in
 * "90% within 24 h"); without it, every late outage fails it. Either way,
 * each late outage is listed as a breach, its amount the hours over.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_WITHIN, K_CALENDAR, K_TARGET, K_SERVICES, K_AREAS, K_PLANNED, K_N };

static const ombud_param_def params[K_N] = {
    [K_WITHIN] = {"within", OMBUD_P_DURATION, 1, NULL, NULL,
                  "longest outage allowed, e.g. 24h"},
    [K_CALENDAR] = {"calendar", OMBUD_P_CALENDAR, 0, NULL, NULL,
                    "count only this calendar's working time (default: all hours)"},
    [K_TARGET] = {"target", OMBUD_P_PERCENT, 0, NULL, NULL,
                  "share of outages that must meet `within`, e.g. 90%"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only outages of these services (default: all)"},
    [K_AREAS] = {"areas", OMBUD_P_LIST, 0, NULL, NULL,
                 "only outages in these areas (default: all)"},
    [K_PLANNED] = {"planned", OMBUD_P_WORD, 0, "include", "include|exclude|only",
                   "planned work: include, exclude or only"},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t in_time, longest;
    ombud_err err;
} state;

static int wanted(const ombud_guarantee *g, const ombud_outage *o)
{
    int64_t planned = g->v[K_PLANNED].num; /* 0 include, 1 exclude, 2 only */

    if ((planned == 1 && o->planned) || (planned == 2 && !o->planned))
        return 0;
    return ombud_param_has(&g->v[K_SERVICES], o->service) &&
           ombud_param_has(&g->v[K_AREAS], o->area);
}

static ombud_err breach(state *s, int64_t row, const ombud_outage *o,
                        int64_t end, int64_t dur)
{
    int64_t within = s->g->v[K_WITHIN].num;
    ombud_breach b = {"outage", "", o->started_at, dur, within, dur - within,
                      "s", 0, ""};
    char a[40], z[40], d[32], w[32], over[32];

    snprintf(b.subject, sizeof b.subject, "%s", o->outage_id);
    ombud_local_format(s->ctx->tz, o->started_at, a, sizeof a);
    ombud_local_format(s->ctx->tz, end, z, sizeof z);
    snprintf(b.detail, sizeof b.detail, _("%s%s%s%s: out from %s to %s%s: %s%s "
             "against %s, %s over"), o->outage_id, o->account_id ? _(" (account ") : "",
             o->account_id ? o->account_id : "", o->account_id ? ")" : "", a, z,
             o->restored_at == OMBUD_TIME_NONE ? _(" (still open at the end of "
             "the period)") : "", ombud_duration_format(dur, d, sizeof d),
             s->g->v[K_CALENDAR].cal ? _(" of working time") : "",
             ombud_duration_format(within, w, sizeof w),
             ombud_duration_format(dur - within, over, sizeof over));
    return ombud_breach_write(s->ctx, s->res, &b, "outages", row, NULL, 0);
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    const ombud_calendar *cal = s->g->v[K_CALENDAR].cal;
    int64_t end, dur;
    ombud_err err;

    if (!wanted(s->g, o))
        return 0;
    end = o->restored_at == OMBUD_TIME_NONE || o->restored_at > s->ctx->to
        ? s->ctx->to : o->restored_at;
    dur = cal ? ombud_calendar_open_seconds(cal, o->started_at, end)
              : end - o->started_at;
    s->res->subjects++;
    if (dur > s->longest)
        s->longest = dur;
    if ((err = ombud_store_add_series(s->ctx->store, s->ctx->result_id,
                                      "durations", row, dur)) ||
        (err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      o->outage_id, "duration", dur, "s")) ||
        (err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      o->outage_id, "limit",
                                      s->g->v[K_WITHIN].num, "s")))
        return (s->err = err) != OMBUD_OK;
    if (dur <= s->g->v[K_WITHIN].num) {
        s->in_time++;
        return 0;
    }
    return (s->err = breach(s, row, o, end, dur)) != OMBUD_OK;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, 0, OMBUD_OK};
    const ombud_param *target = &g->v[K_TARGET];
    char w[32], l[32], pct[16], tp[16];
    ombud_err err;

    if ((err = ombud_store_each_outage(ctx->store, ctx->from, ctx->to,
                                       on_outage, &s)))
        return err;
    if (s.err)
        return s.err;
    ombud_duration_format(g->v[K_WITHIN].num, w, sizeof w);
    ombud_duration_format(s.longest, l, sizeof l);
    if (target->set) {
        res->unit = "bp";
        res->measured = ombud_share_bp(s.in_time, res->subjects);
        res->target = target->num;
        /* Compare exactly, not after rounding: 2 of 3 is below 66.67%. */
        res->pass = s.in_time * 10000 >= target->num * res->subjects;
        snprintf(res->target_text, sizeof res->target_text, _("%s of outages "
                 "restored within %s"), ombud_bp_format(target->num, tp, sizeof tp), w);
    } else {
        res->unit = "s";
        res->measured = s.longest;
        res->target = g->v[K_WITHIN].num;
        res->pass = res->breaches == 0;
        snprintf(res->target_text, sizeof res->target_text, _("every outage "
                 "restored within %s"), w);
    }
    snprintf(res->measured_text, sizeof res->measured_text, _("%lld of %lld "
             "outages restored within %s (%s); longest %s"), (long long)s.in_time,
             (long long)res->subjects, w, ombud_bp_format(ombud_share_bp(
             s.in_time, res->subjects), pct, sizeof pct), l);
    snprintf(res->method, sizeof res->method, _("Every outage open at some "
             "moment of the period counts (services: %s; areas: %s; planned "
             "work: %s). Its duration runs from started_at to restored_at, or "
             "to the end of the period if it was still open, counted in %s%s. "
             "An outage longer than %s is a breach; the amount over is its "
             "shortfall."), g->v[K_SERVICES].set ? g->v[K_SERVICES].text : _("all"),
             g->v[K_AREAS].set ? g->v[K_AREAS].text : _("all"),
             g->v[K_PLANNED].text, g->v[K_CALENDAR].set ? _("working time of "
             "calendar ") : _("calendar time"), g->v[K_CALENDAR].set ?
             g->v[K_CALENDAR].text : "", w);
    return OMBUD_OK;
}

const ombud_rule ombud_rule_restoration = {
    "restoration", "each outage restored within a time limit",
    params, K_N, evaluate, NULL
};
