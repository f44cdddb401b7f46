/*
 * rule_commitments.c - every restoration time promised to a caller is kept.
 *
 * A promise is a call leg's promised_restore_at about a ticket (ticket_id =
 * an outage_id); it belongs to the period its promised time falls in (not
 * the time of the call that gave it). It is kept when the outage was restored at or before the
 * promised time (plus `grace`), judged on the real restoration time even
 * when it falls after the period (a promise due at the period's end must
 * not escape both months). A ticket with no restoration recorded breaks
 * the promise. Lateness is measured within the period, as restoration
 * measures outages: to the restoration, or to the period's end when that
 * comes first. A breach's measure is that lateness, its limit the grace,
 * its shortfall the excess; a lateness cut at the period's end is said to
 * be, next to the real restoration time. Promises naming a ticket that is not in the store cannot be
 * judged: they are counted and said, not counted as breaches.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_GRACE, K_N };

static const ombud_param_def params[K_N] = {
    [K_GRACE] = {"grace", OMBUD_P_DURATION, 0, "0s", NULL,
                 "lateness tolerated before a promise counts as broken"},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t kept, unknown;
    ombud_err err;
} state;

static ombud_err breach(state *s, const ombud_promise *p, int64_t late)
{
    const ombud_call_leg *c = p->leg;
    int64_t grace = s->g->v[K_GRACE].num;
    ombud_breach b = {"promise", "", c->promised_restore_at, late, grace,
                      late > grace ? late - grace : 0, "late", 0, ""};
    char given[40], promised[40], restored[40], l[32];
    int clipped = p->restored_at == OMBUD_TIME_NONE ||
                  p->restored_at > s->ctx->to;

    snprintf(b.subject, sizeof b.subject, "%s", c->call_id);
    ombud_fmt_local(s->ctx->tz, c->arrived_at, given, sizeof given);
    ombud_fmt_local(s->ctx->tz, c->promised_restore_at, promised,
                    sizeof promised);
    ombud_fmt_duration(late, l, sizeof l);
    if (p->restored_at != OMBUD_TIME_NONE)
        ombud_fmt_local(s->ctx->tz, p->restored_at, restored,
                        sizeof restored);
    if (!clipped)
        snprintf(b.detail, sizeof b.detail, _("on call %s (%s, agent %s) "
                 "restoration of %s was promised by %s; restored %s: %s late"),
                 c->call_id, given, c->agent_id ? c->agent_id : _("unknown"),
                 c->ticket_id, promised, restored, l);
    else if (p->restored_at == OMBUD_TIME_NONE)
        /* TRANSLATORS: as the sentence before, for a ticket never
         * restored: its lateness is counted up to the period's end. */
        snprintf(b.detail, sizeof b.detail, _("on call %s (%s, agent %s) "
                 "restoration of %s was promised by %s; still open at the end "
                 "of the period: %s late by then (lateness counted to the end "
                 "of the period)"), c->call_id, given, c->agent_id ?
                 c->agent_id : _("unknown"), c->ticket_id, promised, l);
    else
        /* TRANSLATORS: as the sentence before, restored only after the
         * period: the lateness is cut at the period's end. */
        snprintf(b.detail, sizeof b.detail, _("on call %s (%s, agent %s) "
                 "restoration of %s was promised by %s; restored %s, after the "
                 "period: %s late at the end of the period (lateness counted "
                 "to the end of the period only)"), c->call_id, given,
                 c->agent_id ? c->agent_id : _("unknown"), c->ticket_id,
                 promised, restored, l);
    return ombud_breach_write(s->ctx, s->res, &b, "call_legs", p->leg_row,
                              "outages", p->outage_row);
}

static int on_promise(void *ud, const ombud_promise *p)
{
    state *s = ud;
    int64_t due = p->leg->promised_restore_at + s->g->v[K_GRACE].num;
    int64_t done = p->restored_at;

    if (!p->outage_row) {
        s->unknown++;
        return 0;
    }
    s->res->subjects++;
    if (done != OMBUD_TIME_NONE && done <= due) {
        s->kept++;
        return 0;
    }
    if (done == OMBUD_TIME_NONE || done > s->ctx->to)
        done = s->ctx->to;
    if (done < p->leg->promised_restore_at)
        done = p->leg->promised_restore_at;
    return (s->err = breach(s, p, done - p->leg->promised_restore_at)) != OMBUD_OK;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, 0, OMBUD_OK};
    char gr[64], plus[96];
    ombud_err err;

    if ((err = ombud_store_each_promise(ctx->store, ctx->from, ctx->to,
                                        on_promise, &s)))
        return err;
    if (s.err)
        return s.err;
    res->unit = "count";
    res->measured = s.kept;
    res->target = res->subjects;
    res->pass = res->breaches == 0;
    snprintf(res->measured_text, sizeof res->measured_text, _("%s of %s "
             "promised restoration times kept"), ombud_n(s.kept),
             ombud_n(res->subjects));
    if (s.unknown)
        snprintf(res->measured_text, sizeof res->measured_text, _("%s of %s "
                 "promised restoration times kept; %s more name unknown "
                 "tickets"), ombud_n(s.kept), ombud_n(res->subjects),
                 ombud_n(s.unknown));
    /* No "(grace 0s)": a key and a zero are nothing a reader needs. */
    ombud_fmt_duration(g->v[K_GRACE].num, gr, sizeof gr);
    /* TRANSLATORS: the grace after a promised time, e.g. " plus 30 min". */
    ombud_fmt_phrase_duration(_(" plus %s"), g->v[K_GRACE].num, plus,
                              sizeof plus);
    if (g->v[K_GRACE].num)
        snprintf(res->target_text, sizeof res->target_text, _("every promise "
                 "kept (grace %s)"), gr);
    else
        snprintf(res->target_text, sizeof res->target_text, "%s",
                 _("every promise kept"));
    snprintf(res->method, sizeof res->method, _("Each call leg whose promised "
             "restoration time falls in the period (whenever the call was) is "
             "a promise about its ticket. It is kept when that outage is "
             "restored at or before the promised time%s, judged "
             "on the real restoration time even when it comes after the "
             "period. A broken promise's lateness runs from the promised time "
             "to restoration, or to the end of the period when the outage was "
             "still open then: such a lateness is said to be counted to the "
             "end of the period. Promises naming a ticket not in the outage "
             "records cannot be judged and are only counted."), plus);
    return OMBUD_OK;
}

/* An account's missed promises, in its dossier. */
static const ombud_drawing drawing = {OMBUD_CHART_NONE, NULL, NULL, 0,
                                      OMBUD_COUNTER_PROMISES, NULL, 0};

const ombud_rule ombud_rule_commitments = {
    "commitments", "every promised restoration time is kept",
    N_("promised restoration times"), &drawing,
    params, K_N, evaluate, NULL,
    NULL,
    NULL,
    0,
    OMBUD_LOOKS_PROMISES
};
