/*
 * rule_call_kpis.c - the call-centre KPI pack: what an ACD report
 * (QueueMetrics, Asternic) gives, from the same legs the other call kinds
 * read, with each unanswered call listed with its evidence.
 *
 * Which legs count: legs to `queues` (all when not given) arriving in
 * `hours`, read by ombud_leg_fate_of() as every call kind reads them:
 * incomplete legs (no end in the log) and legs handed on without a person
 * are left out; the rest are offered. Of the offered:
 *   answered      a person answered; wait = answered_at - arrived_at,
 *                 handle time = ended_at - answered_at (talk time: the
 *                 inputs hold no wrap-up time);
 *   abandoned     the caller hung up; wait = ended_at - arrived_at; short
 *                 when the wait is under `short_abandon`;
 *   no person     closed queue, voicemail, IVR only.
 * Figures, per subject (all calls, each queue, each local day, each agent
 * who answered):
 *   ASA = sum of answered waits / answered        (s, half up)
 *   AHT = sum of handle times / answered          (s, half up)
 *   abandon rate = abandoned / offered            (bp, half up)
 *   abandon rate, net = (abandoned - short) / (offered - short)
 *   service level = answered within `within` / (offered - short)
 * (an abandon quicker than `short_abandon` is left out of both sides of the
 * net rate and of the service level, as answer_time does). The service
 * level is also kept per `interval` of the local wall clock, for each
 * interval of the period and per time of day over the period; the waits
 * are counted in buckets 0-20 s, 20-60 s, 1-3 min, 3-10 min, over 10 min
 * (upper edge included: a wait of exactly 20 s is in 0-20 s, as it is
 * answered "within 20 s"), answered and abandoned apart.
 *
 * Verdict: each target given (asa_max, abandon_max on the net rate,
 * sl_target) is judged on the exact figure over the period; one missed is
 * FAIL. All met is PASS. A target whose figure has an empty denominator
 * (asa_max with no call answered) cannot be shown met: NO DATA, unless
 * another target failed. With no target the figures are MEASURED, never
 * PASS: nothing was promised. Nothing offered is NO DATA (the engine).
 *
 * Breaches are the list of calls not answered: every abandoned leg (short
 * ones too, marked so) and every leg that met no person, with its wait and
 * cause and the leg as evidence (file:line), so a reader sees the calls
 * behind the percentages.
 *
 * One pass over the legs, writing each listed call as it is met; per
 * queue and per agent counters in hash tables, per day and per interval in
 * arrays over the period.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_QUEUES, K_HOURS, K_WITHIN, K_SHORT_ABANDON, K_INTERVAL, K_ASA_MAX,
       K_ABANDON_MAX, K_SL_TARGET, K_N };

static const ombud_param_def params[K_N] = {
    [K_QUEUES] = {"queues", OMBUD_P_LIST, 0, NULL, NULL,
                  "queues measured (all when not given), e.g. tech_support"},
    [K_HOURS] = {"hours", OMBUD_P_HOURS, 0, "24x7", NULL,
                 "only calls arriving in these hours"},
    [K_WITHIN] = {"within", OMBUD_P_DURATION, 0, "20s", NULL,
                  "service-level threshold: answered within this time"},
    [K_SHORT_ABANDON] = {"short_abandon", OMBUD_P_DURATION, 0, "5s", NULL,
                         "abandons quicker than this are short"},
    [K_INTERVAL] = {"interval", OMBUD_P_WORD, 0, "30m", "15m|30m|60m",
                    "service level per interval of this length"},
    [K_ASA_MAX] = {"asa_max", OMBUD_P_DURATION, 0, NULL, NULL,
                   "target: average speed of answer at most this"},
    [K_ABANDON_MAX] = {"abandon_max", OMBUD_P_PERCENT, 0, NULL, NULL,
                       "target: abandon rate without short abandons at most this"},
    [K_SL_TARGET] = {"sl_target", OMBUD_P_PERCENT, 0, NULL, NULL,
                     "target: share answered within `within` at least this"},
};

static const int64_t interval_len[] = {900, 1800, 3600};

/* The counts behind every figure of one subject. */
typedef struct kpi {
    int64_t offered;     /* legs offered */
    int64_t answered;    /* answered by a person */
    int64_t in_time;     /* of those, within `within` */
    int64_t abandoned;   /* abandons, short ones included */
    int64_t short_ab;    /* abandons quicker than short_abandon */
    int64_t no_person;   /* closed, voicemail, IVR only */
    int64_t wait;        /* sum of answered waits, s */
    int64_t handle;      /* sum of handle times, s */
} kpi;

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    kpi all;
    GHashTable *queues, *agents;  /* name -> kpi (both owned) */
    int64_t first_day, ndays;     /* local day numbers of the period */
    kpi *days;                    /* ndays */
    int64_t len;                  /* interval length, s */
    int64_t per_day;              /* intervals a day */
    kpi *ivals;                   /* ndays x per_day */
    kpi slots[96];                /* per time of day (at most 96) */
    int64_t wait_ans[OMBUD_WAIT_BUCKETS], wait_ab[OMBUD_WAIT_BUCKETS];
    int64_t incomplete;           /* legs left out: no end in the log */
    ombud_err err;
} state;

static int bucket(int64_t wait)
{
    static const int64_t edges[] = OMBUD_WAIT_EDGES;
    int b = 0;

    while (b < OMBUD_WAIT_BUCKETS - 1 && wait > edges[b])
        b++;
    return b;
}

static kpi *kpi_of(GHashTable *h, const char *name)
{
    kpi *k = g_hash_table_lookup(h, name);

    if (!k) {
        k = g_new0(kpi, 1);
        g_hash_table_insert(h, g_strdup(name), k);
    }
    return k;
}

/* Count one offered leg of fate @f and wait @w into @k. */
static void count(const state *s, kpi *k, ombud_leg_fate f, int64_t w,
                  int64_t handle)
{
    k->offered++;
    if (f == OMBUD_LEG_ANSWERED) {
        k->answered++;
        k->in_time += w <= s->g->v[K_WITHIN].num;
        k->wait += w;
        k->handle += handle;
    } else if (f == OMBUD_LEG_ABANDONED) {
        k->abandoned++;
        k->short_ab += w < s->g->v[K_SHORT_ABANDON].num;
    } else {
        k->no_person++;
    }
}

/* List a call not answered, with its leg as the evidence. */
static ombud_err list_call(state *s, int64_t row, const ombud_call_leg *c,
                           ombud_leg_fate f, int64_t w)
{
    int64_t within = s->g->v[K_WITHIN].num;
    ombud_breach b = {"call", "", c->arrived_at, w, within,
                      w > within ? w - within : 0, "s", 0, ""};
    char when[40], wt[32], after[64];

    snprintf(b.subject, sizeof b.subject, "%s", c->call_id);
    ombud_fmt_local(s->ctx->tz, c->arrived_at, when, sizeof when);
    ombud_fmt_duration(w, wt, sizeof wt);
    /* TRANSLATORS: how long a call waited before it ended without a
     * person, after "the queue was closed"; left out when no time. */
    ombud_fmt_phrase_duration(_(" after %s"), w, after, sizeof after);
    if (f == OMBUD_LEG_ABANDONED && w < s->g->v[K_SHORT_ABANDON].num)
        /* TRANSLATORS: when; the queue's name as the log has it; the wait. */
        snprintf(b.detail, sizeof b.detail, _("%s: call to %s abandoned by "
                 "the caller after %s (a short abandon)"), when, c->queue, wt);
    else if (f == OMBUD_LEG_ABANDONED)
        snprintf(b.detail, sizeof b.detail, _("%s: call to %s abandoned by "
                 "the caller after %s"), when, c->queue, wt);
    else {
        /* TRANSLATORS: when; the queue; how the call ended ("the queue was
         * closed"); " after 30 s", or nothing. */
        snprintf(b.detail, sizeof b.detail, _("%s: call to %s: %s%s; no "
                 "person"), when, c->queue, ombud_fmt_outcome(c->outcome),
                 after);
        /* ended by the company before the threshold: no wait to judge */
        ombud_breach_no_person(c, &b);
    }
    return ombud_breach_write(s->ctx, s->res, &b, "call_legs", row, NULL, 0);
}

static int on_leg(void *ud, int64_t row, const ombud_call_leg *c)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    int64_t w, handle = 0, day, tod, i;
    ombud_leg_fate f;
    ombud_tm tm;

    if (!ombud_param_has(&g->v[K_QUEUES], c->queue) ||
        !ombud_calendar_is_open(g->v[K_HOURS].cal, c->arrived_at))
        return 0;
    f = ombud_leg_fate_of(c, &w);
    if (f == OMBUD_LEG_INCOMPLETE)
        return (s->incomplete++, 0);
    if (f == OMBUD_LEG_HANDED_ON)
        return 0;
    ombud_tm_from_instant(s->ctx->tz, c->arrived_at, &tm);
    day = ombud_days_from_civil(tm.year, tm.month, tm.day) - s->first_day;
    if (day < 0 || day >= s->ndays)
        return 0;
    if (f == OMBUD_LEG_ANSWERED)
        handle = c->ended_at - c->answered_at;
    tod = tm.hour * 3600 + tm.min * 60 + tm.sec;
    i = tod / s->len;
    count(s, &s->all, f, w, handle);
    count(s, kpi_of(s->queues, c->queue), f, w, handle);
    count(s, &s->days[day], f, w, handle);
    count(s, &s->ivals[day * s->per_day + i], f, w, handle);
    count(s, &s->slots[i], f, w, handle);
    if (f == OMBUD_LEG_ANSWERED) {
        s->wait_ans[bucket(w)]++;
        if (c->agent_id)
            count(s, kpi_of(s->agents, c->agent_id), f, w, handle);
        return 0;
    }
    if (f == OMBUD_LEG_ABANDONED)
        s->wait_ab[bucket(w)]++;
    return (s->err = list_call(s, row, c, f, w)) != OMBUD_OK;
}

/* @p sum / @p n in whole seconds, half up. */
static int64_t mean_s(int64_t sum, int64_t n)
{
    return (2 * sum + n) / (2 * n);
}

static ombud_err fig(state *s, const char *subject, const char *name,
                     int64_t v, const char *unit)
{
    return ombud_store_add_figure(s->ctx->store, s->ctx->result_id, subject,
                                  name, v, unit);
}

/* The figures of one subject: its group first, then what it has (an
 * agent's: what answering tells; a share of nothing is not written). */
static ombud_err figures(state *s, const char *subject, int group,
                         const kpi *k)
{
    int64_t net = k->offered - k->short_ab;
    ombud_err err = OMBUD_OK;

    if ((err = fig(s, subject, OMBUD_FIG_KPI_GROUP, group, "count")))
        return err;
    if (group != OMBUD_KPI_AGENT &&
        ((err = fig(s, subject, OMBUD_FIG_OFFERED, k->offered, "count")) ||
         (err = fig(s, subject, OMBUD_FIG_ANSWERED, k->answered, "count")) ||
         (err = fig(s, subject, OMBUD_FIG_ABANDONED, k->abandoned, "count")) ||
         (err = fig(s, subject, OMBUD_FIG_SHORT_ABANDONS, k->short_ab,
                    "count")) ||
         (err = fig(s, subject, OMBUD_FIG_NO_PERSON, k->no_person, "count"))))
        return err;
    if (group == OMBUD_KPI_AGENT &&
        (err = fig(s, subject, OMBUD_FIG_ANSWERED, k->answered, "count")))
        return err;
    if (k->answered &&
        ((err = fig(s, subject, OMBUD_FIG_ASA, mean_s(k->wait, k->answered),
                    "s")) ||
         (err = fig(s, subject, OMBUD_FIG_AHT, mean_s(k->handle, k->answered),
                    "s"))))
        return err;
    if (group == OMBUD_KPI_AGENT)
        return OMBUD_OK;
    if ((err = fig(s, subject, OMBUD_FIG_ABANDON_RATE,
                   ombud_share_bp(k->abandoned, k->offered), "bp")) ||
        (err = fig(s, subject, OMBUD_FIG_ABANDON_NET,
                   ombud_share_bp(k->abandoned - k->short_ab, net), "bp")) ||
        (err = fig(s, subject, OMBUD_FIG_SERVICE_LEVEL,
                   ombud_share_bp(k->in_time, net), "bp")))
        return err;
    return OMBUD_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The subjects of @p h in byte order of their names, as @p fmt names them. */
static ombud_err named_figures(state *s, GHashTable *h, const char *fmt,
                               int group)
{
    guint n;
    char **keys = (char **)g_hash_table_get_keys_as_array(h, &n);
    ombud_err err = OMBUD_OK;

    qsort(keys, n, sizeof *keys, by_name);
    for (guint i = 0; i < n && !err; i++) {
        /* Whole: two long names cut to one buffer were one subject. */
        char *subject = g_strdup_printf(fmt, keys[i]);
        err = figures(s, subject, group, g_hash_table_lookup(h, keys[i]));
        g_free(subject);
    }
    g_free(keys);
    return err;
}

static ombud_err series(state *s, const char *name, int64_t k, int64_t v)
{
    return ombud_store_add_series(s->ctx->store, s->ctx->result_id, name, k, v);
}

/* The four series of one interval (or time of day) @p k with calls. */
static ombud_err interval_series(state *s, int slot, int64_t k, const kpi *x)
{
    if (!x->offered)
        return OMBUD_OK;
    ombud_err err;
    if ((err = series(s, slot ? OMBUD_SERIES_SLOT_OFFERED :
                      OMBUD_SERIES_INTERVAL_OFFERED, k, x->offered)) ||
        (err = series(s, slot ? OMBUD_SERIES_SLOT_ANSWERED :
                      OMBUD_SERIES_INTERVAL_ANSWERED, k, x->answered)) ||
        (err = series(s, slot ? OMBUD_SERIES_SLOT_ABANDONED :
                      OMBUD_SERIES_INTERVAL_ABANDONED, k, x->abandoned)) ||
        (err = series(s, slot ? OMBUD_SERIES_SLOT_LEVEL :
                      OMBUD_SERIES_INTERVAL_LEVEL, k,
                      ombud_share_bp(x->in_time, x->offered - x->short_ab))))
        return err;
    return OMBUD_OK;
}

static ombud_err store_all(state *s)
{
    char name[32];
    int y, m, d;
    ombud_err err;

    /* TRANSLATORS: the subject of the call-centre figures over every
     * queue, day and agent. */
    if ((err = figures(s, _("all calls"), OMBUD_KPI_ALL, &s->all)) ||
        (err = fig(s, _("all calls"), OMBUD_FIG_INTERVAL, s->len, "s")) ||
        /* TRANSLATORS: a subject of the call-centre figures; %s is the
         * queue's name as the log has it. */
        (err = named_figures(s, s->queues, _("queue %s"), OMBUD_KPI_QUEUE)))
        return err;
    for (int64_t i = 0; i < s->ndays; i++) {
        if (!s->days[i].offered)
            continue;
        ombud_civil_from_days(s->first_day + i, &y, &m, &d);
        ombud_fmt_date(y, m, d, name, sizeof name);
        if ((err = figures(s, name, OMBUD_KPI_DAY, &s->days[i])))
            return err;
    }
    /* TRANSLATORS: a subject of the call-centre figures; %s is the agent's
     * id as the log has it. */
    if ((err = named_figures(s, s->agents, _("agent %s"), OMBUD_KPI_AGENT)))
        return err;
    for (int b = 0; b < OMBUD_WAIT_BUCKETS; b++)
        if ((err = series(s, OMBUD_SERIES_WAIT_ANSWERED, b, s->wait_ans[b])) ||
            (err = series(s, OMBUD_SERIES_WAIT_ABANDONED, b, s->wait_ab[b])))
            return err;
    for (int64_t i = 0; i < s->ndays * s->per_day; i++)
        if ((err = interval_series(s, 0, (s->first_day + i / s->per_day) *
                                   86400 + i % s->per_day * s->len,
                                   &s->ivals[i])))
            return err;
    for (int64_t i = 0; i < s->per_day; i++)
        if ((err = interval_series(s, 1, i * s->len / 60, &s->slots[i])))
            return err;
    return OMBUD_OK;
}

/* Append target phrase @p fmt (of @p x and @p y) to @p buf, after "; "
 * when it holds one already. */
static void join(char *buf, size_t size, const char *fmt, const char *x,
                 const char *y)
{
    size_t n = strlen(buf);

    if (n && n + 2 < size) {
        memcpy(buf + n, "; ", 3);
        n += 2;
    }
    snprintf(buf + n, size - n, fmt, x, y);
}

/* Judge the targets given. Sets res->pass; appends to @p target. */
static void judge(state *s, char *target, size_t size)
{
    const ombud_guarantee *g = s->g;
    const kpi *k = &s->all;
    int64_t net = k->offered - k->short_ab;
    int any = 0, failed = 0, unknown = 0;
    char a[32], b[32];

    target[0] = '\0';
    if (g->v[K_ASA_MAX].set) {
        any = 1;
        if (!k->answered)
            unknown = 1;
        else
            failed |= k->wait > g->v[K_ASA_MAX].num * k->answered;
        join(target, size, _("ASA at most %s"),
             ombud_fmt_duration(g->v[K_ASA_MAX].num, a, sizeof a), NULL);
    }
    if (g->v[K_ABANDON_MAX].set) {
        any = 1;
        if (!net)
            unknown = 1;
        else
            failed |= (k->abandoned - k->short_ab) * 10000 >
                      g->v[K_ABANDON_MAX].num * net;
        join(target, size, _("abandon rate at most %s"),
             ombud_fmt_bp(g->v[K_ABANDON_MAX].num, a, sizeof a), NULL);
    }
    if (g->v[K_SL_TARGET].set) {
        any = 1;
        if (!net)
            unknown = 1;
        else
            failed |= k->in_time * 10000 < g->v[K_SL_TARGET].num * net;
        join(target, size, _("%s answered within %s"),
             ombud_fmt_bp(g->v[K_SL_TARGET].num, a, sizeof a),
             ombud_fmt_duration(g->v[K_WITHIN].num, b, sizeof b));
    }
    if (!any)
        snprintf(target, size, "%s", _("no target set: the figures are "
                 "reported, not judged"));
    s->res->pass = failed ? OMBUD_FAIL : unknown ? OMBUD_NO_DATA :
                   any ? OMBUD_PASS : OMBUD_MEASURED;
}

static void describe(state *s)
{
    const ombud_guarantee *g = s->g;
    ombud_result *res = s->res;
    const kpi *k = &s->all;
    int64_t net = k->offered - k->short_ab;
    char asa[40], aht[40], ab[16], abn[16], sl[16], w[32], sa[32], iv[32];

    ombud_fmt_duration(g->v[K_WITHIN].num, w, sizeof w);
    ombud_fmt_duration(g->v[K_SHORT_ABANDON].num, sa, sizeof sa);
    ombud_fmt_duration(s->len, iv, sizeof iv);
    if (k->answered) {
        ombud_fmt_duration(mean_s(k->wait, k->answered), asa, sizeof asa);
        ombud_fmt_duration(mean_s(k->handle, k->answered), aht, sizeof aht);
    } else {
        snprintf(asa, sizeof asa, "%s", _("no data"));
        snprintf(aht, sizeof aht, "%s", _("no data"));
    }
    ombud_fmt_bp(ombud_share_bp(k->abandoned, k->offered), ab, sizeof ab);
    ombud_fmt_bp(ombud_share_bp(k->abandoned - k->short_ab, net), abn,
                 sizeof abn);
    ombud_fmt_bp(ombud_share_bp(k->in_time, net), sl, sizeof sl);
    res->unit = "bp";
    res->measured = ombud_share_bp(k->in_time, net);
    res->target = g->v[K_SL_TARGET].set ? g->v[K_SL_TARGET].num : 0;
    res->subjects = k->offered;
    judge(s, res->target_text, sizeof res->target_text);
    /* TRANSLATORS: calls offered; ASA; AHT; the abandon rate; the rate
     * without short abandons; the short-abandon limit; the service level;
     * its threshold; how many abandoned and no-person calls are listed. */
    snprintf(res->measured_text, sizeof res->measured_text, ombud_ngettext(
             "%s call offered: ASA %s, AHT %s, abandoned %s (%s without "
             "abandons under %s), %s answered within %s; not answered: %s, "
             "listed", "%s calls offered: ASA %s, AHT %s, abandoned %s (%s "
             "without abandons under %s), %s answered within %s; not "
             "answered: %s, listed", (unsigned long)k->offered),
             ombud_n(k->offered), asa, aht, ab, abn, sa, sl, w,
             ombud_n(k->abandoned + k->no_person));
    snprintf(res->method, sizeof res->method, _("Call legs to %s arriving "
             "in the hours %s are offered, except legs handed on without a "
             "person. ASA is the mean wait of the answered legs (arrival to "
             "answer) and AHT their mean time from answer to end, in whole "
             "seconds rounded half up. The abandon rate is abandons over "
             "offered legs; without short abandons, abandons under %s are "
             "left out of both sides, as they are of the service level: the "
             "share answered by a person within %s. Closed, voicemail and "
             "IVR legs count as not answered. Figures are given for all "
             "calls, each queue, each local day and each agent, the service "
             "level for each %s of the local clock, and waits in buckets "
             "with the upper edge included. Targets are judged on the exact "
             "figures over the period (the abandon rate without short "
             "abandons); with none set the figures are reported, not judged. "
             "Every abandoned or unanswered call is listed with its leg as "
             "evidence."), g->v[K_QUEUES].set ? g->v[K_QUEUES].text :
             _("every queue"), g->v[K_HOURS].text, sa, w, iv);
    ombud_method_incomplete(res->method, sizeof res->method, s->incomplete);
}

static void free_state(state *s)
{
    if (s->queues)
        g_hash_table_destroy(s->queues);
    if (s->agents)
        g_hash_table_destroy(s->agents);
    free(s->days);
    free(s->ivals);
    free(s);
}

static void *begin(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                   ombud_result *res)
{
    state *s = calloc(1, sizeof *s);
    ombud_tm a, z;

    if (!s)
        return NULL;
    s->ctx = ctx;
    s->g = g;
    s->res = res;
    s->len = interval_len[g->v[K_INTERVAL].num];
    s->per_day = 86400 / s->len;
    ombud_tm_from_instant(ctx->tz, ctx->from, &a);
    ombud_tm_from_instant(ctx->tz, ctx->to - 1, &z);
    s->first_day = ombud_days_from_civil(a.year, a.month, a.day);
    s->ndays = ombud_days_from_civil(z.year, z.month, z.day) - s->first_day + 1;
    s->queues = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    s->agents = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    s->days = calloc((size_t)s->ndays, sizeof *s->days);
    s->ivals = calloc((size_t)(s->ndays * s->per_day), sizeof *s->ivals);
    if (!s->days || !s->ivals) {
        free_state(s);
        return NULL;
    }
    return s;
}

static ombud_err end(void *ud, ombud_err err)
{
    state *s = ud;

    if (!err && !(err = s->err)) {
        describe(s);
        err = store_all(s);
    }
    free_state(s);
    return err;
}

static const ombud_leg_pass pass = {begin, on_leg, end};

/* The columns of the figures table, in this order. The reports give it
 * a sheet and a section of its own (OMBUD_CHART_KPIS), durations as
 * durations, rather than the side table beside the listed calls. */
static const ombud_figure_col cols[] = {
    {OMBUD_FIG_OFFERED, N_("Offered")},
    {OMBUD_FIG_ANSWERED, N_("Answered")},
    {OMBUD_FIG_ABANDONED, N_("Abandoned")},
    {OMBUD_FIG_SHORT_ABANDONS, N_("Short abandons")},
    {OMBUD_FIG_NO_PERSON, N_("No person")},
    {OMBUD_FIG_ASA, N_("ASA")},
    {OMBUD_FIG_AHT, N_("AHT")},
    {OMBUD_FIG_ABANDON_RATE, N_("Abandon rate")},
    {OMBUD_FIG_ABANDON_NET, N_("Abandon rate, no short")},
    {OMBUD_FIG_SERVICE_LEVEL, N_("Service level")}};

static const ombud_drawing drawing = {OMBUD_CHART_KPIS, N_("Calls of"), cols,
                                      (int)(sizeof cols / sizeof cols[0]),
                                      OMBUD_COUNTER_NONE, NULL, 1};

const ombud_rule ombud_rule_call_kpis = {
    "call_kpis", "call-centre KPIs: ASA, abandons, AHT, service level",
    N_("call-centre figures"), &drawing,
    params, K_N, ombud_legs_evaluate, NULL,
    NULL,
    &pass,
    0,
    0
};
