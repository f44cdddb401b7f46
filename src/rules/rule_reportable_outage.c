/*
 * rule_reportable_outage.c - FCC Part 4 outage reporting: each outage
 * that reaches the reporting threshold must be reported to the regulator.
 *
 * An outage starting in the period lasting at least `min_duration` (30
 * min) whose user-minutes reach `min_user_minutes` (900,000) is
 * reportable. User-minutes (47 CFR 4.7(e)) are the outage's whole minutes
 * (from discovery, started_at or with `clock = reported` reported_at, to
 * restoration, or to the end of the period if still open) times its
 * customers_affected (the numbers or users potentially affected). The
 * inputs do not say whether a report was filed, so each reportable outage
 * is listed as a finding with its deadlines: notification `notify_within`
 * (120 min) after discovery, initial report `initial_within` (72 h),
 * final report `final_within` (30 days). The guarantee is FAIL while any
 * outage is reportable, meaning "reports were due": the filer checks each
 * against what was sent.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_MIN_UM, K_MIN_DURATION, K_NOTIFY, K_INITIAL, K_FINAL, K_CLOCK,
       K_SERVICES, K_PLANNED, K_N };

static const ombud_param_def params[K_N] = {
    [K_MIN_UM] = {"min_user_minutes", OMBUD_P_COUNT, 0, "900000", NULL,
                  "reportable from this many user-minutes"},
    [K_MIN_DURATION] = {"min_duration", OMBUD_P_DURATION, 0, "30m", NULL,
                        "and lasting at least this long"},
    [K_NOTIFY] = {"notify_within", OMBUD_P_DURATION, 0, "120m", NULL,
                  "notification due this long after discovery"},
    [K_INITIAL] = {"initial_within", OMBUD_P_DURATION, 0, "72h", NULL,
                   "initial report due this long after discovery"},
    [K_FINAL] = {"final_within", OMBUD_P_DURATION, 0, "30d", NULL,
                 "final report due this long after discovery"},
    [K_CLOCK] = {"clock", OMBUD_P_WORD, 0, "started", "started|reported",
                 "discovery is started_at or reported_at"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only outages of these services (default: all)"},
    [K_PLANNED] = {"planned", OMBUD_P_WORD, 0, "include", "include|exclude",
                   "planned work: include (default) or exclude"},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t most;
    ombud_err err;
} state;

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    int64_t t0 = g->v[K_CLOCK].num == 1 && o->reported_at != OMBUD_TIME_NONE ?
        o->reported_at : o->started_at, end, minutes, um;
    ombud_breach b = {"outage", "", 0, 0, 0, 0, "count", 0, ""};
    char a[40], n1[40], n2[40], n3[40], d[32], dur[64], ca[32], umt[32];
    ombud_err err;

    if (o->started_at < s->ctx->from || !ombud_param_has(&g->v[K_SERVICES],
        o->service) || (o->planned && g->v[K_PLANNED].num == 1))
        return 0;
    end = o->restored_at == OMBUD_TIME_NONE || o->restored_at > s->ctx->to ?
        s->ctx->to : o->restored_at;
    minutes = end > t0 ? (end - t0) / 60 : 0;
    if ((s->err = ombud_checked_mul(s->ctx, o->outage_id, "the user-minutes",
                                    minutes, o->customers_affected, &um)))
        return 1;
    s->res->subjects++;
    if (um > s->most)
        s->most = um;
    if (end - t0 < g->v[K_MIN_DURATION].num || um < g->v[K_MIN_UM].num)
        return 0;
    b.at = t0;
    b.measured = um;
    b.limit = g->v[K_MIN_UM].num;
    b.shortfall = um - b.limit;
    snprintf(b.subject, sizeof b.subject, "%s", o->outage_id);
    ombud_fmt_local(s->ctx->tz, t0, a, sizeof a);
    ombud_fmt_local(s->ctx->tz, t0 + g->v[K_NOTIFY].num, n1, sizeof n1);
    ombud_fmt_local(s->ctx->tz, t0 + g->v[K_INITIAL].num, n2, sizeof n2);
    ombud_fmt_local(s->ctx->tz, t0 + g->v[K_FINAL].num, n3, sizeof n3);
    ombud_fmt_duration(minutes * 60, d, sizeof d);
    if (o->restored_at == OMBUD_TIME_NONE)
        /* TRANSLATORS: a duration ("52h") of an outage not yet restored. */
        snprintf(dur, sizeof dur, _("%s (still open)"), d);
    else
        snprintf(dur, sizeof dur, "%s", d);
    /* TRANSLATORS: a reportable outage: its id, its discovery time, its
     * duration x customers affected = user-minutes, and the times its
     * notification, initial report and final report are due. */
    snprintf(b.detail, sizeof b.detail, _("%s: from %s, %s x %s affected = "
             "%s user-minutes; notification due %s, initial report due %s, "
             "final report due %s"), o->outage_id, a, dur,
             ombud_fmt_count(o->customers_affected, ca, sizeof ca),
             ombud_fmt_count(um, umt, sizeof umt), n1, n2, n3);
    if ((err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      o->outage_id, "user_minutes", um,
                                      "count")))
        return (s->err = err) != OMBUD_OK;
    return (s->err = ombud_breach_write(s->ctx, s->res, &b, "outages", row,
                                        NULL, 0)) != OMBUD_OK;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, OMBUD_OK};
    char md[32], nw[32], iw[32], fw[32], most[32], um[32];
    ombud_err err;

    if ((err = ombud_store_each_outage(ctx->store, ctx->from, ctx->to,
                                       on_outage, &s)))
        return err;
    if (s.err)
        return s.err;
    ombud_fmt_duration(g->v[K_MIN_DURATION].num, md, sizeof md);
    res->unit = "count";
    res->measured = res->breaches;
    res->target = 0;
    /* A duty to report, not a broken promise: its own verdict. */
    res->pass = res->breaches == 0 ? OMBUD_PASS : OMBUD_REPORTABLE;
    snprintf(res->measured_text, sizeof res->measured_text,
             ombud_ngettext("%s of %s outage reached the reporting "
             "threshold (most: %s user-minutes)", "%s of %s outages "
             "reached the reporting threshold (most: %s user-minutes)",
             (unsigned long)res->subjects), ombud_n(res->breaches),
             ombud_n(res->subjects), ombud_fmt_count(s.most, most,
             sizeof most));
    ombud_fmt_count(g->v[K_MIN_UM].num, um, sizeof um);
    snprintf(res->target_text, sizeof res->target_text, _("each outage of %s "
             "user-minutes and %s reported"), um, md);
    /* TRANSLATORS: services (a list or "all"), planned work ("included",
     * "excluded"), the clock's column ("started_at (discovery)"), the
     * thresholds (a duration, user-minutes) and the three due times. */
    snprintf(res->method, sizeof res->method, _("Each outage starting in the "
             "period (services: %s; planned work: %s) is measured from %s to "
             "restoration (or the end of the period): whole minutes x "
             "customers_affected = user-minutes. One lasting at least %s with "
             "at least %s user-minutes is reportable and listed with its "
             "deadlines: notification %s, initial report %s, final report %s "
             "after discovery. Whether reports were filed is not in the "
             "inputs: each listed outage must be checked against the reports "
             "sent."), g->v[K_SERVICES].set ? g->v[K_SERVICES].text : _("all"),
             ombud_planned_say(g->v[K_PLANNED].num), g->v[K_CLOCK].num ?
             _("reported_at (else started_at)") : _("started_at (discovery)"),
             md, um, ombud_fmt_duration(g->v[K_NOTIFY].num, nw, sizeof nw),
             ombud_fmt_duration(g->v[K_INITIAL].num, iw, sizeof iw),
             ombud_fmt_duration(g->v[K_FINAL].num, fw, sizeof fw));
    return OMBUD_OK;
}

const ombud_rule ombud_rule_reportable_outage = {
    "reportable_outage", "outages over a reporting threshold, with due times",
    N_("outages to report"), &ombud_drawing_none,
    params, K_N, evaluate, NULL,
    NULL,
    NULL,
    0,
    0
};
