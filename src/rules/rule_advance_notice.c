/*
 * rule_advance_notice.c - planned work is announced at least `min_notice`
 * before it starts.
 *
 * Planned outages (planned = yes, or a scheduled_at given) that started in
 * the period count. The notice is measured up to the earlier of the
 * scheduled and the actual start: work that began before its announced
 * time cut customers off with less notice than they were given. A breach
 * is work that started early, was never announced, or was announced late.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_MIN_NOTICE, K_SERVICES, K_AREAS, K_N };

static const ombud_param_def params[K_N] = {
    [K_MIN_NOTICE] = {"min_notice", OMBUD_P_DURATION, 1, NULL, NULL,
                      "notice required before planned work, e.g. 24h"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only outages of these services (default: all)"},
    [K_AREAS] = {"areas", OMBUD_P_LIST, 0, NULL, NULL,
                 "only outages in these areas (default: all)"},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t compliant;
    ombud_err err;
} state;

/* Say what went wrong with the notice of outage @o, into @buf. */
static void describe(const state *s, const ombud_outage *o, int64_t notice,
                     char *buf, size_t size)
{
    char sched[40], early[32], n[32], need[32], who[160];
    size_t len;

    /* TRANSLATORS: the start of a breach of advance notice; the parts
     * below follow it ("X: planned work started 2h before its scheduled
     * start (...); announced 3h before the start; 24h notice required"). */
    /* The id in 160 bytes at most: the detail keeps room for why. */
    len = (size_t)snprintf(buf, size, _("%s: planned work"),
                           ombud_subject_say(o->outage_id, NULL, who,
                                             sizeof who));
    /* An outage id can fill the buffer alone: each part is added only
     * while there is room (snprintf gives the length it wanted). */
    if (len < size && o->scheduled_at != OMBUD_TIME_NONE &&
        o->started_at < o->scheduled_at)
        len += (size_t)snprintf(buf + len, size - len, _(" started %s before "
                 "its scheduled start (%s)"), ombud_fmt_duration(o->scheduled_at
                 - o->started_at, early, sizeof early), ombud_fmt_local(
                 s->ctx->tz, o->scheduled_at, sched, sizeof sched));
    if (len < size && o->notified_at == OMBUD_TIME_NONE)
        len += (size_t)snprintf(buf + len, size - len, "%s",
                                _("; customers were never notified"));
    else if (len < size)
        len += (size_t)snprintf(buf + len, size - len, _("; announced %s "
                                "before the start"), ombud_fmt_duration(notice < 0
                                ? 0 : notice, n, sizeof n));
    if (len < size)
        snprintf(buf + len, size - len, _("; %s notice required"),
                 ombud_fmt_duration(s->g->v[K_MIN_NOTICE].num, need,
                                    sizeof need));
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    int64_t need = s->g->v[K_MIN_NOTICE].num, start, notice;
    ombud_breach b = {"outage", "", 0, 0, need, 0, "s", 0, ""};

    if (!o->planned || o->started_at < s->ctx->from ||
        !ombud_param_has(&s->g->v[K_SERVICES], o->service) ||
        !ombud_param_has(&s->g->v[K_AREAS], o->area))
        return 0;
    s->res->subjects++;
    start = o->started_at;
    if (o->scheduled_at != OMBUD_TIME_NONE && o->scheduled_at < start)
        start = o->scheduled_at;
    notice = o->notified_at == OMBUD_TIME_NONE ? 0 : start - o->notified_at;
    if (o->notified_at != OMBUD_TIME_NONE && notice >= need &&
        !(o->scheduled_at != OMBUD_TIME_NONE && o->started_at < o->scheduled_at)) {
        s->compliant++;
        return 0;
    }
    snprintf(b.subject, sizeof b.subject, "%s", o->outage_id);
    b.at = o->started_at;
    b.measured = notice < 0 ? 0 : notice;
    /* Enough notice but an early start: the notice itself fell short by
     * nothing; the early start is what the detail says. */
    b.shortfall = need > b.measured ? need - b.measured : 0;
    if (o->notified_at == OMBUD_TIME_NONE) {
        /* No notice took no time: "never notified", not "0 s". */
        b.unit = "state|s";
        b.measured = OMBUD_STATE_NEVER_NOTIFIED;
    }
    describe(s, o, notice, b.detail, sizeof b.detail);
    s->err = ombud_breach_write(s->ctx, s->res, &b, "outages", row, NULL, 0);
    return s->err != OMBUD_OK;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, OMBUD_OK};
    char need[32];
    ombud_err err;

    if ((err = ombud_store_each_outage(ctx->store, ctx->from, ctx->to,
                                       on_outage, &s)))
        return err;
    if (s.err)
        return s.err;
    ombud_fmt_duration(g->v[K_MIN_NOTICE].num, need, sizeof need);
    res->unit = "count";
    res->measured = s.compliant;
    res->target = res->subjects;
    res->pass = res->breaches == 0;
    snprintf(res->measured_text, sizeof res->measured_text, _("%s of %s "
             "planned outages announced %s ahead"), ombud_n(s.compliant),
             ombud_n(res->subjects), need);
    snprintf(res->target_text, sizeof res->target_text, _("every planned outage "
             "announced at least %s ahead"), need);
    snprintf(res->method, sizeof res->method, _("Planned outages (planned = yes "
             "or a scheduled start given) that started in the period count. "
             "Notice runs from notified_at to the earlier of the scheduled and "
             "the actual start. Work that started before its scheduled time, "
             "was never announced, or was announced less than %s ahead is a "
             "breach."), need);
    return OMBUD_OK;
}

const ombud_rule ombud_rule_advance_notice = {
    "advance_notice", "planned work announced min_notice ahead",
    N_("notice of planned work"), &ombud_drawing_none,
    params, K_N, evaluate, NULL,
    NULL,
    NULL,
    0,
    0
};
