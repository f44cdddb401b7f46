/*
 * rule_reliability.c - electric reliability: the IEEE Std 1366 indices
 * per area and system-wide, with and without major event days.
 *
 * Interruptions are the rows of outages.csv (area, started_at, restored_at,
 * customers_affected) that began in the period in an area with a count in
 * customers.csv; planned work and rows whose exclusion is in `exclude` are
 * left out as the guarantee says, and counted in the method. One lasting
 * more than `sustained_over` (5 min) is sustained; the others are
 * momentary events, counted only in MAIFI_E. An interruption still open
 * runs to the end of the period. Customer-minutes are customers x whole
 * seconds / 60; an event crossing midnight belongs wholly to the day it
 * began (local days of the filing's zone, so a DST day has 23 or 25 hours).
 *
 * With N the customers served (the customers.csv count in effect on the
 * period's last day; for a history day, on that day), CI the customer
 * interruptions and CMI the customer-minutes of sustained interruptions:
 * SAIFI = CI/N, SAIDI = CMI/N, CAIDI = CMI/CI, CAIFI = CI/CN, MAIFI_E =
 * momentary customer events / N, CEMI_n = customers with more than n
 * sustained interruptions / N, CELID_t = customers whose sustained
 * interruptions total more than t / N. The records name no customer of an
 * area-wide outage, so CN, CEMI and CELID count the customers that can be
 * told apart: an outage row with an account_id is that account's, and an
 * outage hitting at least every customer served in its area is everyone's;
 * the customer interruptions of partial area-wide outages are counted in
 * the method as not attributable (CEMI and CELID are then lower bounds).
 *
 * Major event days (IEEE 1366 2.5 beta): daily SAIDI of the selected areas
 * over `med_history` years before the period, from the store; days without
 * interruptions are left out of the statistics; alpha and beta are the mean
 * and sample standard deviation of the natural logs of the daily SAIDI in
 * minutes; T_MED = exp(alpha + 2.5 beta). A day of the period whose SAIDI
 * exceeds T_MED is a major event day. `t_med` gives T_MED directly instead.
 * Fewer than two history days with interruptions give no T_MED, and then
 * no major event day; the method says so.
 *
 * Every index is computed with and without the major event days and stored
 * as figures (subjects: each area, "system", and the same with " excl.
 * MEDs"); targets are judged system-wide (`judge = system`) or per area on
 * the indices without MEDs (`meds = include` judges all days). Ratios are
 * stored in thousandths ("milli"), CEMI and CELID in basis points; targets
 * are compared exactly in integers. Nothing judged (no customers served,
 * or no interruption in the period) is NO DATA.
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "reliability_snapshots.h"

enum { K_AREAS, K_SUSTAINED, K_PLANNED, K_EXCLUDE, K_SAIFI, K_SAIDI, K_CAIDI,
       K_MAIFI, K_JUDGE, K_MEDS, K_HISTORY, K_TMED, K_CEMI_N, K_CELID_T, K_N };

static const ombud_param_def params[K_N] = {
    [K_AREAS] = {"areas", OMBUD_P_LIST, 0, NULL, NULL,
                 "only these areas (default: every area of customers.csv)"},
    [K_SUSTAINED] = {"sustained_over", OMBUD_P_DURATION, 0, "5m", NULL,
                     "an interruption longer than this is sustained"},
    [K_PLANNED] = {"planned", OMBUD_P_WORD, 0, "include", "include|exclude",
                   "planned work: include (default) or exclude"},
    [K_EXCLUDE] = {"exclude", OMBUD_P_LIST, 0, NULL, NULL,
                   "interruptions with these exclusion reasons are left out"},
    [K_SAIFI] = {"saifi_max", OMBUD_P_PERCENT, 0, NULL, NULL,
                 "most interruptions per customer, e.g. 1.20"},
    [K_SAIDI] = {"saidi_max", OMBUD_P_DURATION, 0, NULL, NULL,
                 "most interruption time per customer, e.g. 2h"},
    [K_CAIDI] = {"caidi_max", OMBUD_P_DURATION, 0, NULL, NULL,
                 "longest average restoration, e.g. 1h45m"},
    [K_MAIFI] = {"maifi_max", OMBUD_P_PERCENT, 0, NULL, NULL,
                 "most momentary events per customer, e.g. 5.00"},
    [K_JUDGE] = {"judge", OMBUD_P_WORD, 0, "system", "system|areas",
                 "targets apply to the system (default) or to each area"},
    [K_MEDS] = {"meds", OMBUD_P_WORD, 0, "exclude", "exclude|include",
                "judge without major event days (default) or with them"},
    [K_HISTORY] = {"med_history", OMBUD_P_COUNT, 0, "5", NULL,
                   "years of daily SAIDI before the period for T_MED"},
    [K_TMED] = {"t_med", OMBUD_P_DURATION, 0, NULL, NULL,
                "the major event day threshold, given instead of computed"},
    [K_CEMI_N] = {"cemi_n", OMBUD_P_COUNT, 0, "3", NULL,
                  "CEMI_n counts customers with more than n interruptions"},
    [K_CELID_T] = {"celid_t", OMBUD_P_DURATION, 0, "8h", NULL,
                   "CELID_t counts customers out longer than t in all"},
};

/* The subject of the system-wide figures. */
#define SYSTEM OMBUD_RELIABILITY_SYSTEM
/* Most areas judged; more are listed as not judged. */
#define MAX_AREAS 256
/* Most major event days named in the method (all are figures). */
#define MEDS_NAMED 8

/* One customers.csv count of an area. */
typedef struct count {
    int64_t as_of, served, row;
} count;

/* One restoration step of an outage restored in steps. */
typedef struct step {
    const char *table;    /* static: "outages" or "outage_steps" */
    int64_t row, at, customers;
} step;

/* One interruption of the period, kept to be counted twice. An outage
 * restored in steps may be both: the customers of steps within
 * sustained_over had a momentary event, the others a sustained one. */
typedef struct intr {
    int64_t row;
    int64_t ci;           /* customers of its sustained interruption */
    int64_t cs;           /* their customer-seconds */
    int64_t mi;           /* customers of its momentary event */
    int64_t secs;         /* the longest any of its customers were out in
                             a sustained interruption (CEMI, CELID) */
    int64_t day;          /* the day it began */
    int area;
    int sustained;        /* some of its customers were out longer than
                             sustained_over */
    char *account;        /* owned; NULL for an area-wide row */
    GArray *steps;        /* borrowed from state.steps; NULL if none */
} intr;

/* What one area (or the system) sums, for one set of days. */
typedef struct sums {
    int64_t served, ci, cmi_secs, mi, cn, cemi, celid, unattributed;
} sums;

/* An area judged. */
typedef struct area {
    char *name;           /* owned */
    GArray *counts;       /* count, in as_of order */
    int64_t served, served_row; /* in effect at the period's end */
} area;

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    area areas[MAX_AREAS];
    int nareas;
    GHashTable *by_name;  /* area name -> index + 1 */
    GArray *intrs;        /* intr of the period */
    GHashTable *hist;     /* day -> customer-seconds (int64 boxed) */
    GHashTable *days;     /* period day -> customer-seconds */
    GHashTable *meds;     /* the period's major event days (int64 keys) */
    GHashTable *steps;    /* outage row -> GArray of step, in time order */
    int64_t stepped;      /* outages of the period restored in steps */
    int64_t steps_short;  /* ... whose steps restore fewer than affected */
    int64_t steps_over;   /* ... whose steps restore more */
    int64_t hist_from;    /* start of the history window */
    int64_t hist_first;   /* first day with an interruption, or INT64_MAX */
    int64_t uncounted;    /* interruptions outside the areas judged */
    ombud_exclusions ex;
    int64_t planned_out;
    ombud_err err;
} state;

/* ---- areas and their customers ------------------------------------------- */

static int on_customers(void *ud, int64_t row, const char *file, long line,
                        const ombud_customers *c)
{
    state *s = ud;
    count k = {c->as_of == OMBUD_TIME_NONE ? INT64_MIN : c->as_of,
               c->customers_served, row};
    gpointer v;
    int i;

    (void)file;
    (void)line;
    if (!ombud_param_has(&s->g->v[K_AREAS], c->area))
        return 0;
    if (!(v = g_hash_table_lookup(s->by_name, c->area))) {
        if (s->nareas == MAX_AREAS)
            return 0;
        i = s->nareas++;
        s->areas[i].name = g_strdup(c->area);
        s->areas[i].counts = g_array_new(FALSE, FALSE, sizeof(count));
        g_hash_table_insert(s->by_name, s->areas[i].name,
                            GINT_TO_POINTER(i + 1));
    } else {
        i = GPOINTER_TO_INT(v) - 1;
    }
    /* Rows come in as_of then row order: a later one of the same date
     * replaces (corrects) the one before. */
    g_array_append_val(s->areas[i].counts, k);
    return 0;
}

/* The count of area @a in effect at @t (0 when none yet), and its row. */
static int64_t served_at(const area *a, int64_t t, int64_t *row)
{
    int64_t n = 0;

    *row = 0;
    for (guint i = 0; i < a->counts->len; i++) {
        const count *k = &g_array_index(a->counts, count, i);
        if (k->as_of > t)
            break;
        n = k->served;
        *row = k->row;
    }
    return n;
}

/* Customers served by all areas judged on the local day starting @t. */
static int64_t system_served(const state *s, int64_t t)
{
    int64_t n = 0, row;

    for (int i = 0; i < s->nareas; i++)
        n += served_at(&s->areas[i], t, &row);
    return n;
}

/* ---- days ---------------------------------------------------------------- */

/* The local day number (days since 1970-01-01) of instant @t. */
static int64_t day_of(const ombud_tz *tz, int64_t t)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    return ombud_days_from_civil(tm.year, tm.month, tm.day);
}

/* The instant of local midnight starting day number @d. */
static int64_t day_start(const ombud_tz *tz, int64_t d)
{
    int y, m, dd;
    char buf[16], why[80];
    int64_t t = 0;

    ombud_civil_from_days(d, &y, &m, &dd);
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
    if (ombud_time_parse(buf, tz, OMBUD_TIME_DATE_OK, &t, why, sizeof why))
        OMBUD_BUG("a civil day without a local midnight");
    return t;
}

static ombud_err day_add(state *s, GHashTable *h, int64_t day, int64_t secs)
{
    gpointer k = g_hash_table_lookup(h, &day);
    int64_t *v = k, sum;
    ombud_err err;

    if (!v) {
        int64_t *key = g_new(int64_t, 1);
        *key = day;
        v = g_new0(int64_t, 1);
        g_hash_table_insert(h, key, v);
    }
    if ((err = ombud_checked_add(s->ctx, "daily SAIDI", "the customer-seconds "
                                 "of a day", *v, secs, &sum)))
        return err;
    *v = sum;
    return OMBUD_OK;
}

/* ---- interruptions ------------------------------------------------------- */

static int on_step(void *ud, const ombud_step *p)
{
    state *s = ud;
    GArray *a = g_hash_table_lookup(s->steps, &p->outage_row);
    step k = {strcmp(p->table, "outages") ? "outage_steps" : "outages",
              p->row_id, p->restored_at, p->customers_restored};

    if (!a) {
        int64_t *key = g_new(int64_t, 1);
        *key = p->outage_row;
        a = g_array_new(FALSE, FALSE, sizeof(step));
        g_hash_table_insert(s->steps, key, a);
    }
    g_array_append_val(a, k);
    return 0;
}

/* Add @n customers out for @secs to @it: sustained or momentary. */
static ombud_err intr_add(const state *s, intr *it, const char *id,
                          int64_t n, int64_t secs)
{
    const ombud_rule_ctx *ctx = s->ctx;
    int64_t cs;
    ombud_err err;

    if (secs <= s->g->v[K_SUSTAINED].num)
        return ombud_checked_add(ctx, id, "the momentary events", it->mi, n,
                                 &it->mi);
    if ((err = ombud_checked_mul(ctx, id, "the customer-seconds", n, secs,
                                 &cs)) ||
        (err = ombud_checked_add(ctx, id, "the customer-seconds", it->cs, cs,
                                 &it->cs)))
        return err;
    if (secs > it->secs)
        it->secs = secs;
    it->sustained = 1;
    return ombud_checked_add(ctx, id, "the customer interruptions", it->ci, n,
                             &it->ci);
}

/*
 * Fill @it from the outage: all its customers out until @end, or, restored
 * in steps, each step's customers until that step; customers no step gave
 * back are counted out until the last step (the outage's @end).
 */
static ombud_err intr_fill(state *s, intr *it, const ombud_outage *o,
                           int64_t end, int in_period)
{
    int64_t back = 0, rest;
    ombud_err err;

    if (!it->steps)
        return intr_add(s, it, o->outage_id, o->customers_affected,
                        end > o->started_at ? end - o->started_at : 0);
    for (guint i = 0; i < it->steps->len; i++) {
        const step *k = &g_array_index(it->steps, step, i);
        if ((err = intr_add(s, it, o->outage_id, k->customers,
                            k->at - o->started_at)) ||
            (err = ombud_checked_add(s->ctx, o->outage_id, "the customers "
                                     "restored", back, k->customers, &back)))
            return err;
    }
    rest = o->customers_affected - back;
    s->stepped += in_period;
    s->steps_short += in_period && rest > 0;
    s->steps_over += in_period && rest < 0;
    return rest > 0 ? intr_add(s, it, o->outage_id, rest,
                               end - o->started_at) : OMBUD_OK;
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    const ombud_rule_ctx *ctx = s->ctx;
    int64_t end = o->restored_at == OMBUD_TIME_NONE ? ctx->to : o->restored_at;
    int in_period = o->started_at >= ctx->from;
    gpointer a;

    if (o->started_at < s->hist_from || o->started_at >= ctx->to)
        return 0;
    if (o->planned && g->v[K_PLANNED].num == 1) {
        s->planned_out += in_period;
        return 0;
    }
    if (ombud_excluded(&g->v[K_EXCLUDE], o->exclusion)) {
        if (in_period)
            ombud_exclusions_add(&s->ex, o->exclusion, o->outage_id);
        return 0;
    }
    if (!o->area || !(a = g_hash_table_lookup(s->by_name, o->area))) {
        s->uncounted += in_period;
        return 0;
    }
    intr it = {row, 0, 0, 0, 0, day_of(ctx->tz, o->started_at),
               GPOINTER_TO_INT(a) - 1, 0, NULL,
               o->customers_restored > 0 ?
                   g_hash_table_lookup(s->steps, &row) : NULL};
    if ((s->err = intr_fill(s, &it, o, end, in_period)))
        return 1;
    if (!in_period) {
        if (it.cs > 0) {
            if (it.day < s->hist_first)
                s->hist_first = it.day;
            s->err = day_add(s, s->hist, it.day, it.cs);
        }
        return s->err != OMBUD_OK;
    }
    it.account = o->account_id ? g_strdup(o->account_id) : NULL;
    g_array_append_val(s->intrs, it);
    s->err = it.sustained ? day_add(s, s->days, it.day, it.cs) : OMBUD_OK;
    return s->err != OMBUD_OK;
}

/* ---- the 2.5 beta method ------------------------------------------------- */

typedef struct med {
    int have;             /* a T_MED exists */
    int given;            /* from the guarantees file */
    double alpha, beta, t_med; /* t_med in minutes */
    int64_t hist_days, used_days;
} med;

static gint by_day(gconstpointer a, gconstpointer b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The log of each history day's SAIDI in minutes, in day order (so the
 * floating-point sums are the same whatever order the days were met in). */
static GArray *history_logs(const state *s)
{
    GList *keys = g_list_sort(g_hash_table_get_keys(s->hist), by_day);
    GArray *logs = g_array_new(FALSE, FALSE, sizeof(double));

    for (GList *k = keys; k; k = k->next) {
        int64_t day = *(int64_t *)k->data;
        int64_t cs = *(int64_t *)g_hash_table_lookup(s->hist, &day);
        int64_t served = system_served(s, day_start(s->ctx->tz, day));
        double l;
        if (served <= 0 || cs <= 0)
            continue;
        l = log((double)cs / 60.0 / (double)served);
        g_array_append_val(logs, l);
    }
    g_list_free(keys);
    return logs;
}

static void compute_med(const state *s, med *m)
{
    GArray *logs;
    double sum = 0, sq = 0;
    int64_t n;

    m->hist_days = day_of(s->ctx->tz, s->ctx->from) -
                   day_of(s->ctx->tz, s->hist_from);
    if (s->g->v[K_TMED].set) {
        m->have = m->given = 1;
        m->t_med = (double)s->g->v[K_TMED].num / 60.0;
        return;
    }
    logs = history_logs(s);
    n = m->used_days = logs->len;
    for (guint i = 0; i < logs->len; i++)
        sum += g_array_index(logs, double, i);
    if (n >= 2) {
        m->alpha = sum / (double)n;
        for (guint i = 0; i < logs->len; i++) {
            double d = g_array_index(logs, double, i) - m->alpha;
            sq += d * d;
        }
        m->beta = sqrt(sq / (double)(n - 1));
        m->t_med = exp(m->alpha + 2.5 * m->beta);
        m->have = 1;
    }
    g_array_free(logs, TRUE);
}

/* Is period day @day a major event day? Its SAIDI in minutes into @saidi. */
static int is_med(const state *s, const med *m, int64_t day, double *saidi)
{
    int64_t *v = g_hash_table_lookup(s->days, &day);
    int64_t served = system_served(s, day_start(s->ctx->tz, day));

    *saidi = v && served > 0 ? (double)*v / 60.0 / (double)served : 0;
    return m->have && *saidi > m->t_med;
}

/* ---- the indices --------------------------------------------------------- */

/* Per-customer tallies of one area for CN, CEMI and CELID. */
typedef struct tally {
    GHashTable *acct;     /* account -> int64[2]: interruptions, seconds */
    int64_t whole_n, whole_secs, partial_max;
} tally;

static ombud_err add_intr(state *s, sums *u, tally *t, const intr *it)
{
    const ombud_rule_ctx *ctx = s->ctx;
    int64_t *a;
    ombud_err err;

    if ((err = ombud_checked_add(ctx, SYSTEM, "the momentary events", u->mi,
                                 it->mi, &u->mi)))
        return err;
    if (!it->sustained)
        return OMBUD_OK;
    if ((err = ombud_checked_add(ctx, SYSTEM, "the customer-seconds",
                                 u->cmi_secs, it->cs, &u->cmi_secs)) ||
        (err = ombud_checked_add(ctx, SYSTEM, "the customer interruptions",
                                 u->ci, it->ci, &u->ci)))
        return err;
    if (it->account) {
        if (!(a = g_hash_table_lookup(t->acct, it->account))) {
            a = g_new0(int64_t, 2);
            g_hash_table_insert(t->acct, it->account, a);
        }
        a[0]++;
        a[1] += it->secs;
    } else if (it->ci >= u->served) {
        t->whole_n++;
        t->whole_secs += it->secs;
    } else {
        u->unattributed += it->ci;
        if (it->ci > t->partial_max)
            t->partial_max = it->ci;
    }
    return OMBUD_OK;
}

/* CN, CEMI_n and CELID_t of one area from its tally. */
static void attribute(const state *s, sums *u, const tally *t)
{
    int64_t n = s->g->v[K_CEMI_N].num, lim = s->g->v[K_CELID_T].num;
    int64_t accts = g_hash_table_size(t->acct), cemi = 0, celid = 0;
    GHashTableIter it;
    gpointer k, v;

    g_hash_table_iter_init(&it, t->acct);
    while (g_hash_table_iter_next(&it, &k, &v)) {
        const int64_t *a = v;
        cemi += t->whole_n + a[0] > n;
        celid += t->whole_secs + a[1] > lim;
    }
    u->cn = t->whole_n ? u->served : MAX(accts, t->partial_max);
    u->cemi = t->whole_n > n ? u->served : cemi;
    u->celid = t->whole_secs > lim ? u->served : celid;
    if (u->cn > u->served)
        u->cn = u->served;
    if (u->cemi > u->served)
        u->cemi = u->served;
    if (u->celid > u->served)
        u->celid = u->served;
}

/* Sum the period's interruptions per area and for the system, leaving out
 * major event days when @ex. */
static ombud_err count_all(state *s, const med *m, int ex, sums *per,
                           sums *sys)
{
    tally t[MAX_AREAS];
    ombud_err err = OMBUD_OK;

    memset(sys, 0, sizeof *sys);
    for (int i = 0; i < s->nareas; i++) {
        memset(&per[i], 0, sizeof per[i]);
        per[i].served = s->areas[i].served;
        t[i] = (tally){g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
                                             g_free), 0, 0, 0};
    }
    for (guint i = 0; !err && i < s->intrs->len; i++) {
        const intr *it = &g_array_index(s->intrs, intr, i);
        if (ex && g_hash_table_contains(s->meds, &it->day))
            continue;
        err = add_intr(s, &per[it->area], &t[it->area], it);
    }
    for (int i = 0; i < s->nareas; i++) {
        attribute(s, &per[i], &t[i]);
        g_hash_table_destroy(t[i].acct);
        if (err)
            continue;
        sys->served += per[i].served;
        /* Area sums were checked; their total is bounded by the same
         * checks times MAX_AREAS, so it is checked too. */
        if ((err = ombud_checked_add(s->ctx, SYSTEM, "the customer-seconds",
                                     sys->cmi_secs, per[i].cmi_secs,
                                     &sys->cmi_secs)))
            break;
        sys->ci += per[i].ci;
        sys->mi += per[i].mi;
        sys->cn += per[i].cn;
        sys->cemi += per[i].cemi;
        sys->celid += per[i].celid;
        sys->unattributed += per[i].unattributed;
    }
    (void)m;
    return err;
}

/* @a / @b in thousandths, rounded half up; OMBUD_BP_NONE when @b is 0. */
static int64_t milli(int64_t a, int64_t b)
{
    if (b <= 0)
        return OMBUD_BP_NONE;
    return (int64_t)(((__int128)a * 2000 + b) / (2 * (__int128)b));
}

static ombud_err figures(state *s, const char *subject, const sums *u)
{
    ombud_store *st = s->ctx->store;
    int64_t id = s->ctx->result_id;
    ombud_err err;

    if ((err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CUSTOMERS_SERVED,
                                      u->served, "count")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_SAIFI,
                                      milli(u->ci, u->served), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_SAIDI,
                                      ombud_milli_min(u->cmi_secs, u->served),
                                      "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CAIDI,
                                      ombud_milli_min(u->cmi_secs, u->ci), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CAIFI,
                                      milli(u->ci, u->cn), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_MAIFI_E,
                                      milli(u->mi, u->served), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CEMI,
                                      ombud_share_bp(u->cemi, u->served),
                                      "bp")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CELID,
                                      ombud_share_bp(u->celid, u->served),
                                      "bp")))
        return err;
    return OMBUD_OK;
}

/* ---- judging ------------------------------------------------------------- */

/* One index against its target: a breach when above it. */
static ombud_err judge_one(state *s, ombud_result *res, const char *subject,
                           int ai, const char *index, int over,
                           int64_t measured, int64_t limit, const char *shown,
                           const char *lim_shown)
{
    ombud_breach b = {"area", "", s->ctx->from, measured, limit,
                      measured - limit, "milli", 0, ""};
    int64_t id;
    ombud_err err;

    if (!over)
        return OMBUD_OK;
    snprintf(b.subject, sizeof b.subject, "%s %s", subject, index);
    /* TRANSLATORS: an area ("North" or "system"), an index (SAIFI), its
     * value and the most allowed ("1.35 above 1.20"). */
    snprintf(b.detail, sizeof b.detail, _("%s: %s %s, above %s"), subject,
             index, shown, lim_shown);
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &b,
                                      &id)))
        return err;
    res->breaches++;
    /* The evidence: the interruptions counted (all areas for the system). */
    for (guint i = 0; i < s->intrs->len; i++) {
        const intr *it = &g_array_index(s->intrs, intr, i);
        if (ai >= 0 && it->area != ai)
            continue;
        if ((err = ombud_store_add_evidence(s->ctx->store, id, "outages",
                                            it->row)))
            return err;
        for (guint k = 0; it->steps && k < it->steps->len; k++) {
            const step *p = &g_array_index(it->steps, step, k);
            if (strcmp(p->table, "outages") &&
                (err = ombud_store_add_evidence(s->ctx->store, id, p->table,
                                                p->row)))
                return err;
        }
    }
    return OMBUD_OK;
}

static ombud_err judge(state *s, ombud_result *res, const char *subject,
                       int ai, const sums *u)
{
    const ombud_guarantee *g = s->g;
    const ombud_rule_ctx *c = s->ctx;
    char a[32], b[32];
    int64_t x, y;
    ombud_err err;

    if (u->served <= 0)
        return OMBUD_OK;
    res->subjects++;
    if (g->v[K_SAIFI].set) {
        /* CI / N > max / 100  <=>  CI x 100 > max x N */
        if ((err = ombud_checked_mul(c, subject, "SAIFI", u->ci, 100, &x)) ||
            (err = ombud_checked_mul(c, subject, "SAIFI", g->v[K_SAIFI].num,
                                     u->served, &y)) ||
            (err = judge_one(s, res, subject, ai, "SAIFI", x > y,
                             milli(u->ci, u->served), g->v[K_SAIFI].num * 10,
                             ombud_milli_say(milli(u->ci, u->served), a, sizeof a),
                             ombud_fmt_amount(g->v[K_SAIFI].num, 2, b,
                                              sizeof b))))
            return err;
    }
    if (g->v[K_SAIDI].set) {
        if ((err = ombud_checked_mul(c, subject, "SAIDI", g->v[K_SAIDI].num,
                                     u->served, &y)) ||
            (err = judge_one(s, res, subject, ai, "SAIDI", u->cmi_secs > y,
                             ombud_milli_min(u->cmi_secs, u->served),
                             g->v[K_SAIDI].num * 1000 / 60,
                             ombud_milli_say(ombud_milli_min(u->cmi_secs, u->served), a,
                                       sizeof a),
                             ombud_milli_say(g->v[K_SAIDI].num * 1000 / 60, b,
                                       sizeof b))))
            return err;
    }
    if (g->v[K_CAIDI].set && u->ci > 0) {
        if ((err = ombud_checked_mul(c, subject, "CAIDI", g->v[K_CAIDI].num,
                                     u->ci, &y)) ||
            (err = judge_one(s, res, subject, ai, "CAIDI", u->cmi_secs > y,
                             ombud_milli_min(u->cmi_secs, u->ci),
                             g->v[K_CAIDI].num * 1000 / 60,
                             ombud_milli_say(ombud_milli_min(u->cmi_secs, u->ci), a,
                                       sizeof a),
                             ombud_milli_say(g->v[K_CAIDI].num * 1000 / 60, b,
                                       sizeof b))))
            return err;
    }
    if (g->v[K_MAIFI].set) {
        if ((err = ombud_checked_mul(c, subject, "MAIFI_E", u->mi, 100, &x)) ||
            (err = ombud_checked_mul(c, subject, "MAIFI_E", g->v[K_MAIFI].num,
                                     u->served, &y)) ||
            (err = judge_one(s, res, subject, ai, "MAIFI_E", x > y,
                             milli(u->mi, u->served), g->v[K_MAIFI].num * 10,
                             ombud_milli_say(milli(u->mi, u->served), a, sizeof a),
                             ombud_fmt_amount(g->v[K_MAIFI].num, 2, b,
                                              sizeof b))))
            return err;
    }
    return OMBUD_OK;
}

/* ---- the texts ----------------------------------------------------------- */

static void say_date(int64_t day, char *buf, size_t size)
{
    int y, m, d;

    ombud_civil_from_days(day, &y, &m, &d);
    ombud_fmt_date(y, m, d, buf, size);
}

/* The major event days of the period, stored and named in @out. */
static ombud_err meds_say(state *s, const med *m, int64_t *nmeds, char *out,
                          size_t size)
{
    int64_t d0 = day_of(s->ctx->tz, s->ctx->from);
    int64_t d1 = day_of(s->ctx->tz, s->ctx->to - 1);
    char date[24], v[32], t[32];
    size_t len = 0;
    ombud_err err;
    double saidi;

    out[0] = '\0';
    *nmeds = 0;
    for (int64_t d = d0; d <= d1; d++) {
        int med_day = is_med(s, m, d, &saidi);
        int64_t mm = (int64_t)llround(saidi * 1000.0);
        if ((err = ombud_store_add_series(s->ctx->store, s->ctx->result_id,
                                          OMBUD_SERIES_DAILY_SAIDI, d, mm)))
            return err;
        if (!med_day)
            continue;
        (*nmeds)++;
        int64_t *key = g_new(int64_t, 1);
        *key = d;
        g_hash_table_add(s->meds, key);
        say_date(d, date, sizeof date);
        if ((err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                          date, OMBUD_FIG_MED_SAIDI, mm, "milli")))
            return err;
        if (*nmeds <= MEDS_NAMED && len + 80 < size) {
            /* TRANSLATORS: a major event day, its SAIDI in minutes and
             * T_MED ("2026-07-14 (12.50 min > 4.10)"). */
            len += (size_t)snprintf(out + len, size - len, _("%s%s (%s min > "
                                    "%s)"), *nmeds > 1 ? ", " : "", date,
                                    ombud_milli_say(mm, v, sizeof v),
                                    ombud_milli_say((int64_t)llround(m->t_med *
                                              1000.0), t, sizeof t));
        }
    }
    if (*nmeds > MEDS_NAMED && len + 40 < size)
        snprintf(out + len, size - len, _(" and %s more"),
                 ombud_n((*nmeds - MEDS_NAMED)));
    return OMBUD_OK;
}

static void med_method(const state *s, const med *m, char *buf, size_t size)
{
    char t[32], a[32], b[32], from[24], to[24], first[24];

    ombud_milli_say((int64_t)llround(m->t_med * 1000.0), t, sizeof t);
    if (m->given) {
        snprintf(buf, size, _("T_MED = %s min per day, given by the "
                 "guarantees file (t_med)."), t);
        return;
    }
    say_date(day_of(s->ctx->tz, s->hist_from), from, sizeof from);
    say_date(day_of(s->ctx->tz, s->ctx->from) - 1, to, sizeof to);
    if (!m->have) {
        snprintf(buf, size, _("History %s to %s (%s days): %s days with "
                 "interruptions, fewer than the 2 the 2.5 beta method needs, "
                 "so no T_MED and no major event day; give t_med in the "
                 "guarantees file."), from, to, ombud_n(m->hist_days),
                 ombud_n(m->used_days));
        return;
    }
    ombud_fmt_amount((int64_t)llround(m->alpha * 10000.0), 4, a, sizeof a);
    ombud_fmt_amount((int64_t)llround(m->beta * 10000.0), 4, b, sizeof b);
    say_date(s->hist_first, first, sizeof first);
    snprintf(buf, size, _("2.5 beta method over %s to %s (%s days; "
             "interruptions from %s on, %s days with interruptions used, "
             "days without left out): alpha = %s, beta = %s (sample), "
             "T_MED = exp(alpha + 2.5 beta) = %s min per day."), from, to,
             ombud_n(m->hist_days), first, ombud_n(m->used_days), a, b, t);
}

/* The method's sentence on step restoration, added to @out when some
 * outage of the period was restored in steps. */
static void steps_say(const state *s, const char *sus, char *out, size_t size)
{
    size_t n = strlen(out);

    if (!s->stepped || n + 1 >= size)
        return;
    /* TRANSLATORS: how many outages were restored in steps, the sustained
     * limit ("5m"), how many steps lists gave back fewer customers than
     * affected, and how many more. */
    snprintf(out + n, size - n, _(" Outages restored in steps: %s; each "
             "step's customers are counted out until that step, and those "
             "back within %s as a momentary event. Steps giving back fewer "
             "customers than affected: %s (the rest counted out until the "
             "last step); more than affected: %s (the steps' customers "
             "counted)."), ombud_n(s->stepped), sus,
             ombud_n(s->steps_short), ombud_n(s->steps_over));
}

static void describe(state *s, ombud_result *res, const med *m,
                     const sums *sys_all, const sums *sys_ex, int64_t nmeds,
                     const char *meds)
{
    const ombud_guarantee *g = s->g;
    const sums *j = g->v[K_MEDS].num == 0 ? sys_ex : sys_all;
    char f[4][32], lim[4][32], medtext[600], ex[260], sus[32], held[400];
    char cemi[32], celid[32], which[80];
    size_t n = 0;

    ombud_milli_say(milli(j->ci, j->served), f[0], sizeof f[0]);
    ombud_milli_say(ombud_milli_min(j->cmi_secs, j->served), f[1], sizeof f[1]);
    ombud_milli_say(ombud_milli_min(j->cmi_secs, j->ci), f[2], sizeof f[2]);
    ombud_milli_say(milli(j->mi, j->served), f[3], sizeof f[3]);
    res->unit = "milli";
    res->measured = ombud_milli_min(j->cmi_secs, j->served);
    res->target = g->v[K_SAIDI].set ? g->v[K_SAIDI].num * 1000 / 60 : 0;
    /* TRANSLATORS: system-wide indices (SAIFI, SAIDI and CAIDI in minutes,
     * MAIFI_E), then which days ("without 2 major event days"). */
    if (g->v[K_MEDS].num == 1)
        snprintf(which, sizeof which, "%s", _("all days"));
    else if (nmeds)
        snprintf(which, sizeof which, ombud_ngettext("without %s major "
                 "event day", "without %s major event days",
                 (unsigned long)nmeds), ombud_n(nmeds));
    else
        snprintf(which, sizeof which, "%s", _("no major event day"));
    snprintf(res->measured_text, sizeof res->measured_text, _("system SAIFI "
             "%s, SAIDI %s min, CAIDI %s min, MAIFI_E %s (%s)"), f[0], f[1],
             f[2], f[3], which);
    held[0] = '\0';
    if (g->v[K_SAIFI].set)
        n += (size_t)snprintf(held + n, sizeof held - n, "SAIFI %s",
                              ombud_fmt_amount(g->v[K_SAIFI].num, 2, lim[0],
                                               sizeof lim[0]));
    if (g->v[K_SAIDI].set)
        n += (size_t)snprintf(held + n, sizeof held - n, "%sSAIDI %s min",
                              n ? ", " : "", ombud_milli_say(g->v[K_SAIDI].num *
                              1000 / 60, lim[1], sizeof lim[1]));
    if (g->v[K_CAIDI].set)
        n += (size_t)snprintf(held + n, sizeof held - n, "%sCAIDI %s min",
                              n ? ", " : "", ombud_milli_say(g->v[K_CAIDI].num *
                              1000 / 60, lim[2], sizeof lim[2]));
    if (g->v[K_MAIFI].set)
        snprintf(held + n, sizeof held - n, "%sMAIFI_E %s", n ? ", " : "",
                 ombud_fmt_amount(g->v[K_MAIFI].num, 2, lim[3], sizeof lim[3]));
    /* TRANSLATORS: the targets ("SAIFI 1.20, SAIDI 90.00 min"), where
     * ("system-wide" or "in each area") and which days. */
    snprintf(res->target_text, sizeof res->target_text, _("at most %s, %s, "
             "%s"), held, g->v[K_JUDGE].num ? _("in each area") :
             _("system-wide"), g->v[K_MEDS].num ? _("all days") :
             _("major event days excluded"));
    med_method(s, m, medtext, sizeof medtext);
    ombud_fmt_duration(g->v[K_SUSTAINED].num, sus, sizeof sus);
    ombud_fmt_duration(g->v[K_CELID_T].num, celid, sizeof celid);
    snprintf(cemi, sizeof cemi, "%lld", (long long)g->v[K_CEMI_N].num);
    /* TRANSLATORS: a long method paragraph. The %s are, in order: the
     * sustained limit ("5m"), planned work ("included"), the number of
     * areas, the T_MED sentence, the major event days ("none" or a list),
     * CEMI's n, CELID's t, customer interruptions not attributable, the
     * exclusions sentence. */
    snprintf(res->method, sizeof res->method, _("IEEE Std 1366 indices from "
             "outages.csv rows that began in the period, by local day of "
             "their start, in %s areas with customers served in "
             "customers.csv (the count in effect on the last day). An "
             "interruption longer than %s is sustained (SAIFI, SAIDI, CAIDI, "
             "CAIFI, CEMI, CELID), a shorter one a momentary event (MAIFI_E); "
             "planned work: %s; one still open runs to the period end. %s "
             "Major event days: %s. CEMI_%s and CELID_%s count customers "
             "with an account_id or hit by an outage of their whole area; "
             "%s customer interruptions of partial area-wide outages "
             "cannot be told apart, so CAIFI is an upper bound and CEMI and "
             "CELID lower bounds. %s interruptions outside the areas "
             "judged were not counted. %s"), ombud_n(s->nareas), sus,
             ombud_planned_say(g->v[K_PLANNED].num), medtext,
             nmeds ? meds : _("none"), cemi, celid,
             ombud_n(sys_all->unattributed), ombud_n(s->uncounted),
             ombud_exclusions_say(&s->ex, &g->v[K_EXCLUDE], ex, sizeof ex));
    steps_say(s, sus, res->method, sizeof res->method);
    (void)sys_ex;
}

/* ---- evaluate ------------------------------------------------------------ */

static void free_steps(gpointer a)
{
    g_array_free(a, TRUE);
}

/* The snapshot cross-check (reliability_snapshots.c), on all days. */
static ombud_err cross_check(const state *s, const sums *all,
                             ombud_result *res)
{
    ombud_snap_area a[MAX_AREAS];

    for (int i = 0; i < s->nareas; i++)
        a[i] = (ombud_snap_area){s->areas[i].name, all[i].served,
                                 all[i].cmi_secs};
    return ombud_reliability_snapshots(s->ctx, a, s->nareas, res);
}

static void free_state(state *s)
{
    for (int i = 0; i < s->nareas; i++) {
        g_array_free(s->areas[i].counts, TRUE);
        g_free(s->areas[i].name);
    }
    for (guint i = 0; s->intrs && i < s->intrs->len; i++)
        g_free(g_array_index(s->intrs, intr, i).account);
    if (s->intrs)
        g_array_free(s->intrs, TRUE);
    g_hash_table_destroy(s->by_name);
    g_hash_table_destroy(s->hist);
    g_hash_table_destroy(s->days);
    g_hash_table_destroy(s->meds);
    g_hash_table_destroy(s->steps);
}

/* The window start: the local midnight med_history years before the period. */
static int64_t history_start(const ombud_rule_ctx *ctx, int64_t years)
{
    ombud_tm tm;
    int64_t d;

    ombud_tm_from_instant(ctx->tz, ctx->from, &tm);
    d = ombud_days_from_civil(tm.year - (int)years, tm.month,
                              tm.month == 2 && tm.day == 29 ? 28 : tm.day);
    return day_start(ctx->tz, d);
}

static ombud_err judge_all(state *s, ombud_result *res, sums *per, sums *sys)
{
    char sub[160];
    ombud_err err;

    if (s->g->v[K_JUDGE].num == 0)
        return judge(s, res, SYSTEM, -1, sys);
    for (int i = 0; i < s->nareas; i++) {
        snprintf(sub, sizeof sub, "%s", s->areas[i].name);
        if ((err = judge(s, res, sub, i, &per[i])))
            return err;
    }
    return OMBUD_OK;
}

static ombud_err store_figures(state *s, sums *per, sums *sys, int ex)
{
    char sub[160];
    ombud_err err;

    for (int i = 0; i <= s->nareas; i++) {
        const char *name = i < s->nareas ? s->areas[i].name : SYSTEM;
        if (ex)
            /* TRANSLATORS: an area's figures without major event days. */
            snprintf(sub, sizeof sub, _("%s excl. MEDs"), name);
        else
            snprintf(sub, sizeof sub, "%s", name);
        if ((err = figures(s, sub, i < s->nareas ? &per[i] : sys)))
            return err;
    }
    return OMBUD_OK;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {.ctx = ctx, .g = g, .hist_first = INT64_MAX};
    sums *all = g_new0(sums, MAX_AREAS), *ex = g_new0(sums, MAX_AREAS);
    sums sys_all, sys_ex;
    char meds[700];
    int64_t nmeds = 0;
    med m = {0};
    ombud_err err;

    s.by_name = g_hash_table_new(g_str_hash, g_str_equal);
    s.hist = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    s.days = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, g_free);
    s.meds = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free, NULL);
    s.steps = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                    free_steps);
    s.intrs = g_array_new(FALSE, FALSE, sizeof(intr));
    s.hist_from = history_start(ctx, g->v[K_HISTORY].num);
    err = ombud_store_each_customers(ctx->store, on_customers, &s);
    for (int i = 0; i < s.nareas; i++)
        s.areas[i].served = served_at(&s.areas[i], ctx->to - 1,
                                      &s.areas[i].served_row);
    if (!err)
        err = ombud_store_each_step(ctx->store, s.hist_from, ctx->to, on_step,
                                    &s);
    if (!err)
        err = ombud_store_each_outage(ctx->store, s.hist_from, ctx->to,
                                      on_outage, &s);
    if (!err)
        err = s.err;
    if (!err) {
        compute_med(&s, &m);
        err = meds_say(&s, &m, &nmeds, meds, sizeof meds);
    }
    if (!err)
        err = count_all(&s, &m, 0, all, &sys_all);
    if (!err)
        err = count_all(&s, &m, 1, ex, &sys_ex);
    if (!err)
        err = store_figures(&s, all, &sys_all, 0);
    if (!err)
        err = store_figures(&s, ex, &sys_ex, 1);
    if (!err && m.have && !m.given)
        err = ombud_store_add_figure(ctx->store, ctx->result_id, SYSTEM,
                                     "alpha", (int64_t)llround(m.alpha * 1e6),
                                     "micro");
    if (!err && m.have && !m.given)
        err = ombud_store_add_figure(ctx->store, ctx->result_id, SYSTEM,
                                     "beta", (int64_t)llround(m.beta * 1e6),
                                     "micro");
    if (!err && m.have)
        err = ombud_store_add_figure(ctx->store, ctx->result_id, SYSTEM,
                                     OMBUD_FIG_T_MED, (int64_t)llround(m.t_med * 1000.0),
                                     "milli");
    if (!err)
        err = judge_all(&s, res, g->v[K_MEDS].num == 0 ? ex : all,
                        g->v[K_MEDS].num == 0 ? &sys_ex : &sys_all);
    if (!err) {
        describe(&s, res, &m, &sys_all, &sys_ex, nmeds, meds);
        /* No customers served, or nothing happened: nothing was measured. */
        res->pass = sys_all.served <= 0 || s.intrs->len == 0 ? OMBUD_NO_DATA
                  : res->breaches == 0;
    }
    if (!err)
        err = cross_check(&s, all, res);
    free_state(&s);
    g_free(all);
    g_free(ex);
    return err;
}

static const char *check(const ombud_guarantee *g, const char **key)
{
    *key = "saifi_max";
    if (!g->v[K_SAIFI].set && !g->v[K_SAIDI].set && !g->v[K_CAIDI].set &&
        !g->v[K_MAIFI].set)
        return "give at least one of saifi_max, saidi_max, caidi_max, "
               "maifi_max";
    *key = "med_history";
    if (g->v[K_HISTORY].num < 1 || g->v[K_HISTORY].num > 20)
        return "must be 1 to 20 years";
    *key = "exclude";
    return ombud_exclude_check(&g->v[K_EXCLUDE]);
}

/* The indices of each area and day; the daily SAIDI against T_MED. */
static const ombud_figure_col drawn[] = {
    {OMBUD_FIG_CUSTOMERS_SERVED, N_("Customers served")},
    {OMBUD_FIG_SAIFI, "SAIFI"}, {OMBUD_FIG_SAIDI, N_("SAIDI (min)")},
    {OMBUD_FIG_CAIDI, N_("CAIDI (min)")}, {OMBUD_FIG_CAIFI, "CAIFI"},
    {OMBUD_FIG_MAIFI_E, "MAIFI_E"}, {OMBUD_FIG_CEMI, "CEMI_n"},
    {OMBUD_FIG_CELID, "CELID_t"},
    {OMBUD_FIG_MED_SAIDI, N_("MED: daily SAIDI (min)")},
    {OMBUD_FIG_T_MED, N_("T_MED (min)")}};
static const ombud_drawing drawing = {OMBUD_CHART_INDICES, N_("Area / day"),
                                      drawn, 10, OMBUD_COUNTER_NONE, NULL};

const ombud_rule ombud_rule_reliability = {
    "reliability", "electric reliability indices (IEEE 1366)",
    N_("reliability indices (IEEE 1366)"), &drawing,
    params, K_N, evaluate, check
};
