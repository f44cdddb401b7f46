/*
 * rule_customer_effort.c - what a failure cost the customer in effort.
 *
 * Per ticket (legs with a ticket_id), and per account for legs with none:
 *   calls        distinct call_id
 *   phone_time   for each call, last leg's end minus first leg's arrival, summed
 *   wait_time    for each leg, time until a person answered (the whole leg
 *                when nobody did), summed
 *   agents       distinct agent_id; repeat_agents: those on more than one leg
 *                (continuity: did anyone take ownership?)
 *   transfers    legs ending in a transfer; closed_transfers: those whose
 *                next leg was `closed`, or whose target queue's calendar
 *                (`queue_hours`) was closed at that moment
 *   days         started days from the first call to the ticket's
 *                restoration (to the last call when not restored or no ticket)
 * Every figure is stored for every group. A limit given in the guarantee
 * (max_calls, ...) makes a breach of the group that exceeds it, with all of
 * the group's legs as evidence; each transfer into a closed queue is a
 * breach of its own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_MAX_CALLS, K_MAX_PHONE, K_MAX_WAIT, K_MAX_AGENTS, K_MAX_TRANSFERS,
       K_MAX_DAYS, K_QUEUE_HOURS, K_N };

static const ombud_param_def params[K_N] = {
    [K_MAX_CALLS] = {"max_calls", OMBUD_P_COUNT, 0, NULL, NULL,
                     "most calls one problem should take"},
    [K_MAX_PHONE] = {"max_phone_time", OMBUD_P_DURATION, 0, NULL, NULL,
                     "most time on the phone for one problem, e.g. 1h"},
    [K_MAX_WAIT] = {"max_wait_time", OMBUD_P_DURATION, 0, NULL, NULL,
                    "most time waiting for a person, in all"},
    [K_MAX_AGENTS] = {"max_agents", OMBUD_P_COUNT, 0, NULL, NULL,
                      "most different employees the customer must talk to"},
    [K_MAX_TRANSFERS] = {"max_transfers", OMBUD_P_COUNT, 0, NULL, NULL,
                         "most transfers"},
    [K_MAX_DAYS] = {"max_days", OMBUD_P_COUNT, 0, NULL, NULL,
                    "most days from first call to restoration"},
    [K_QUEUE_HOURS] = {"queue_hours", OMBUD_P_CALMAP, 0, NULL, NULL,
                       "opening hours per queue, e.g. billing: billing-hours"},
};

/* One call within the current group. */
typedef struct call {
    int64_t first, last;      /* first arrival, last end */
    char *transfer_to;        /* queue of a transfer awaiting its next leg */
    int64_t transfer_row, transfer_at;
} call;

/* The figures of one group, in the order they are stored. */
enum { F_CALLS, F_PHONE, F_WAIT, F_AGENTS, F_REPEAT, F_TRANSFERS, F_CLOSED,
       F_DAYS, F_LEGS, F_N };
static const struct { const char *name, *unit; int limit; } figs[F_N] = {
    {OMBUD_FIG_CALLS, "count", K_MAX_CALLS},
    {OMBUD_FIG_PHONE_TIME, "s", K_MAX_PHONE},
    {OMBUD_FIG_WAIT_TIME, "s", K_MAX_WAIT},
    {OMBUD_FIG_AGENTS, "count", K_MAX_AGENTS},
    {OMBUD_FIG_REPEAT_AGENTS, "count", -1},
    {OMBUD_FIG_TRANSFERS, "count", K_MAX_TRANSFERS},
    {OMBUD_FIG_CLOSED_TRANSFERS, "count", -1},
    {OMBUD_FIG_DAYS, "count", K_MAX_DAYS},
    {"legs", "count", -1},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    char *group;              /* current group (owned), NULL before the first */
    int is_ticket;
    GHashTable *calls;        /* call_id -> call */
    GHashTable *agents;       /* agent_id -> legs handled (GINT_TO_POINTER) */
    GArray *rows;             /* the group's leg rows, the evidence */
    int64_t f[F_N];
    int64_t first, last;
    int64_t best[F_N];        /* figures of the group with most calls */
    char best_group[96];
    int64_t groups;
    int64_t incomplete;       /* legs left out: no end in the log */
    ombud_err err;
} state;

static void call_free(void *p)
{
    call *c = p;
    g_free(c->transfer_to);
    g_free(c);
}

/* A transfer into a queue that was closed: a breach of its own. */
static ombud_err closed_transfer(state *s, const char *call_id,
                                 const char *queue, int64_t at, int64_t row1,
                                 int64_t row2)
{
    ombud_breach b = {"transfer", "", at, 1, 0, 1, "count", 0, ""};
    char when[40];

    s->f[F_CLOSED]++;
    snprintf(b.subject, sizeof b.subject, "%s", call_id);
    snprintf(b.detail, sizeof b.detail, _("%s: on call %s (%s) the customer "
             "was transferred to %s, which was closed"),
             ombud_fmt_local(s->ctx->tz, at, when, sizeof when), call_id,
             s->group, queue);
    return ombud_breach_write(s->ctx, s->res, &b, "call_legs", row1,
                              row2 ? "call_legs" : NULL, row2);
}

/* Was the leg after a transfer closed, by its outcome or its calendar? */
static int closed_on_arrival(state *s, const ombud_call_leg *c)
{
    const ombud_calendar *cal =
        ombud_param_calendar(&s->g->v[K_QUEUE_HOURS], c->queue);
    return !strcmp(c->outcome, "closed") ||
           (cal && !ombud_calendar_is_open(cal, c->arrived_at));
}

static ombud_err take_leg(state *s, int64_t row, const ombud_call_leg *c)
{
    call *k = g_hash_table_lookup(s->calls, c->call_id);
    int64_t until = c->answered_at != OMBUD_TIME_NONE ? c->answered_at : c->ended_at;
    ombud_err err = OMBUD_OK;

    if (!k) {
        k = g_new0(call, 1);
        k->first = c->arrived_at;
        k->last = c->ended_at;
        g_hash_table_insert(s->calls, g_strdup(c->call_id), k);
    }
    if (c->ended_at > k->last)
        k->last = c->ended_at;
    if (k->transfer_to) {
        if (closed_on_arrival(s, c))
            err = closed_transfer(s, c->call_id, c->queue, c->arrived_at,
                                  k->transfer_row, row);
        g_clear_pointer(&k->transfer_to, g_free);
    }
    if (!strcmp(c->outcome, "transferred")) {
        s->f[F_TRANSFERS]++;
        k->transfer_to = g_strdup(c->transferred_to ? c->transferred_to : "");
        k->transfer_row = row;
        k->transfer_at = c->ended_at;
    }
    if (c->agent_id) {
        int n = GPOINTER_TO_INT(g_hash_table_lookup(s->agents, c->agent_id));
        g_hash_table_insert(s->agents, g_strdup(c->agent_id), GINT_TO_POINTER(n + 1));
    }
    s->f[F_WAIT] += until - c->arrived_at;
    s->f[F_LEGS]++;
    if (s->first == OMBUD_TIME_NONE || c->arrived_at < s->first)
        s->first = c->arrived_at;
    if (c->ended_at > s->last)
        s->last = c->ended_at;
    g_array_append_val(s->rows, row);
    return err;
}

/* Calls: phone time, and transfers that never got a next leg. */
static ombud_err sum_calls(state *s)
{
    GHashTableIter it;
    gpointer key, val;
    ombud_err err;

    g_hash_table_iter_init(&it, s->calls);
    while (g_hash_table_iter_next(&it, &key, &val)) {
        call *k = val;
        const ombud_calendar *cal;
        s->f[F_CALLS]++;
        s->f[F_PHONE] += k->last - k->first;
        cal = k->transfer_to ? ombud_param_calendar(&s->g->v[K_QUEUE_HOURS],
                                                    k->transfer_to) : NULL;
        if (cal && !ombud_calendar_is_open(cal, k->transfer_at) &&
            (err = closed_transfer(s, key, k->transfer_to, k->transfer_at,
                                   k->transfer_row, 0)))
            return err;
    }
    return OMBUD_OK;
}

/* Started days from the first call to restoration (or the last call). */
static ombud_err count_days(state *s)
{
    int64_t row = 0, restored = OMBUD_TIME_NONE, end;
    ombud_err err;

    if (s->is_ticket &&
        (err = ombud_store_outage_restored(s->ctx->store, s->group, &row,
                                           &restored)))
        return err;
    end = restored != OMBUD_TIME_NONE ? restored : s->last;
    s->f[F_DAYS] = end > s->first ? (end - s->first + 86399) / 86400 : 0;
    return OMBUD_OK;
}

/* @n of count figure @f as a reader writes it: "4 calls", "1 agent". */
static char *count_say(int f, int64_t n, char *buf, size_t size)
{
    unsigned long k = (unsigned long)n;
    const char *fmt;

    switch (f) {
    case F_CALLS: fmt = ombud_ngettext("%lld call", "%lld calls", k); break;
    case F_AGENTS: fmt = ombud_ngettext("%lld agent", "%lld agents", k); break;
    case F_TRANSFERS:
        fmt = ombud_ngettext("%lld transfer", "%lld transfers", k);
        break;
    default: fmt = ombud_ngettext("%lld day", "%lld days", k); break;
    }
    snprintf(buf, size, fmt, (long long)n);
    return buf;
}

/* Figure @f's value @v as a reader writes it: "22 calls", "12h59m43s on
 * the phone", never the figure's key ("phone_time"). */
static char *figure_say(int f, int64_t v, char *buf, size_t size)
{
    char d[32];

    if (f != F_PHONE && f != F_WAIT)
        return count_say(f, v, buf, size);
    /* TRANSLATORS: a duration, then "on the phone" or "waiting for a
     * person": "12h59m43s on the phone". */
    snprintf(buf, size, _("%s %s"), ombud_fmt_duration(v, d, sizeof d),
             f == F_PHONE ? _("on the phone") : _("waiting for a person"));
    return buf;
}

/* The limits set, in the figures' order: "3 calls, 1h on the phone". */
static void limits_say(const ombud_guarantee *g, char *buf, size_t size)
{
    GString *out = g_string_new(NULL);
    char p[96];

    for (int f = 0; f < F_N; f++)
        if (figs[f].limit >= 0 && g->v[figs[f].limit].set)
            g_string_append_printf(out, "%s%s", out->len ? ", " : "",
                                   figure_say(f, g->v[figs[f].limit].num, p,
                                              sizeof p));
    snprintf(buf, size, "%s", out->str);
    g_string_free(out, TRUE);
}

/* A group over one of the guarantee's limits. */
static ombud_err limit_breach(state *s, int f, int64_t limit)
{
    ombud_breach b = {s->is_ticket ? "ticket" : "account", "", s->first,
                      s->f[f], limit, s->f[f] - limit, figs[f].unit, 0, ""};
    char m[96], l[32];
    ombud_err err;
    int64_t id;

    snprintf(b.subject, sizeof b.subject, "%s", s->group);
    if (f == F_PHONE || f == F_WAIT)
        ombud_fmt_duration(limit, l, sizeof l);
    else
        snprintf(l, sizeof l, "%lld", (long long)limit);
    /* TRANSLATORS: "TT-4471: 22 calls against at most 3", "TT-4471:
     * 12h59m43s on the phone against at most 1h". */
    snprintf(b.detail, sizeof b.detail, _("%s: %s against at most %s"),
             s->group, figure_say(f, s->f[f], m, sizeof m), l);
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &b, &id)))
        return err;
    s->res->breaches++;
    for (guint i = 0; i < s->rows->len; i++)
        if ((err = ombud_store_add_evidence(s->ctx->store, id, "call_legs",
                                            g_array_index(s->rows, int64_t, i))))
            return err;
    return OMBUD_OK;
}

static ombud_err finish_group(state *s)
{
    GHashTableIter it;
    gpointer key, val;
    ombud_err err;

    if ((err = sum_calls(s)) || (err = count_days(s)))
        return err;
    s->f[F_AGENTS] = g_hash_table_size(s->agents);
    g_hash_table_iter_init(&it, s->agents);
    while (g_hash_table_iter_next(&it, &key, &val))
        s->f[F_REPEAT] += GPOINTER_TO_INT(val) > 1;
    for (int f = 0; f < F_N; f++) {
        int k = figs[f].limit;
        if ((err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                          s->group, figs[f].name, s->f[f],
                                          figs[f].unit)))
            return err;
        if (k >= 0 && s->g->v[k].set && s->f[f] > s->g->v[k].num &&
            (err = limit_breach(s, f, s->g->v[k].num)))
            return err;
    }
    if (s->f[F_CALLS] > s->best[F_CALLS]) {
        memcpy(s->best, s->f, sizeof s->best);
        snprintf(s->best_group, sizeof s->best_group, "%s", s->group);
    }
    s->groups++;
    return OMBUD_OK;
}

static void reset_group(state *s, const char *group, int is_ticket)
{
    g_free(s->group);
    s->group = g_strdup(group);
    s->is_ticket = is_ticket;
    g_hash_table_remove_all(s->calls);
    g_hash_table_remove_all(s->agents);
    g_array_set_size(s->rows, 0);
    memset(s->f, 0, sizeof s->f);
    s->first = OMBUD_TIME_NONE;
    s->last = OMBUD_TIME_NONE;
}

static int on_leg(void *ud, const char *group, int is_ticket, int64_t row,
                  const ombud_call_leg *c)
{
    state *s = ud;

    if (ombud_leg_incomplete(c))
        return (s->incomplete++, 0);
    if (!s->group || s->is_ticket != is_ticket || strcmp(s->group, group)) {
        if (s->group && (s->err = finish_group(s)))
            return 1;
        reset_group(s, group, is_ticket);
    }
    return (s->err = take_leg(s, row, c)) != OMBUD_OK;
}

static void describe(const state *s, ombud_result *res)
{
    const int64_t *f = s->best;
    char phone[64], wait[64], lim[200], c[4][48];

    res->unit = "count";
    res->measured = f[F_CALLS];
    res->target = s->g->v[K_MAX_CALLS].set ? s->g->v[K_MAX_CALLS].num : 0;
    res->subjects = s->groups;
    res->pass = res->breaches == 0;
    /* Each count with its own plural: "1 transfer", never "1 transfers". */
    count_say(F_CALLS, f[F_CALLS], c[0], sizeof c[0]);
    count_say(F_AGENTS, f[F_AGENTS], c[1], sizeof c[1]);
    count_say(F_TRANSFERS, f[F_TRANSFERS], c[2], sizeof c[2]);
    count_say(F_DAYS, f[F_DAYS], c[3], sizeof c[3]);
    /* TRANSLATORS: the worst ticket; "22 calls"; a duration; "54 agents";
     * how many of them on more than one leg; "42 transfers"; how many of
     * them into a closed queue; "5 days". */
    snprintf(res->measured_text, sizeof res->measured_text, _("%s: %s, %s on "
             "the phone, %s (%s on more than one leg), %s (%s into a closed "
             "queue), %s"), s->groups ? s->best_group : _("no calls"), c[0],
             ombud_fmt_duration(f[F_PHONE], phone, sizeof phone), c[1],
             ombud_n(f[F_REPEAT]), c[2], ombud_n(f[F_CLOSED]), c[3]);
    limits_say(s->g, lim, sizeof lim);
    if (lim[0])
        /* TRANSLATORS: %s lists the limits: "3 calls, 1h on the phone". */
        snprintf(res->target_text, sizeof res->target_text, _("at most %s; "
                 "no transfer into a closed queue"), lim);
    else
        snprintf(res->target_text, sizeof res->target_text, "%s",
                 _("no transfer into a closed queue"));
    snprintf(res->method, sizeof res->method, _("Call legs arriving in the period are "
             "grouped by ticket, or by account when they name no ticket. Per "
             "group: distinct calls; time on the phone (each call's first "
             "arrival to last end, summed); time waiting for a person; "
             "distinct agents and how many handled more than one leg; "
             "transfers, and transfers whose next leg met a closed queue or "
             "whose target queue's hours were closed; started days from the "
             "first call to restoration. The measured figure is the group "
             "with most calls (%s wait in all there)."),
             ombud_fmt_duration(f[F_WAIT], wait, sizeof wait));
    ombud_method_incomplete(res->method, sizeof res->method, s->incomplete);
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, NULL, 0, NULL, NULL, NULL, {0}, 0, 0, {0}, "",
               0, 0, OMBUD_OK};
    ombud_err err;

    s.calls = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, call_free);
    s.agents = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    s.rows = g_array_new(FALSE, FALSE, sizeof(int64_t));
    err = ombud_store_each_leg_grouped(ctx->store, ctx->from, ctx->to, on_leg, &s);
    if (!err)
        err = s.err;
    if (!err && s.group)
        err = finish_group(&s);
    describe(&s, res);
    g_free(s.group);
    g_hash_table_destroy(s.calls);
    g_hash_table_destroy(s.agents);
    g_array_free(s.rows, TRUE);
    return err;
}

/* The effort of each ticket or account, as a table. */
static const ombud_figure_col drawn[] = {
    {OMBUD_FIG_CALLS, N_("Calls")}, {OMBUD_FIG_PHONE_TIME, N_("Phone (h)")},
    {OMBUD_FIG_WAIT_TIME, N_("Waiting (h)")}, {OMBUD_FIG_AGENTS, N_("Agents")},
    {OMBUD_FIG_REPEAT_AGENTS, N_("Agents on >1 leg")},
    {OMBUD_FIG_TRANSFERS, N_("Transfers")},
    {OMBUD_FIG_CLOSED_TRANSFERS, N_("Into closed queue")},
    {OMBUD_FIG_DAYS, N_("Days")}};
static const ombud_drawing drawing = {OMBUD_CHART_NONE, N_("Ticket / account"),
                                      drawn, 8, OMBUD_COUNTER_NONE, NULL, 0};

const ombud_rule ombud_rule_customer_effort = {
    "customer_effort", "the effort a problem cost the customer",
    N_("customer effort"), &drawing,
    params, K_N, evaluate, NULL,
    NULL,
    NULL,
    1,
    0
};
