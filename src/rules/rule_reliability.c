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
#include "reliability_baseline.h"
#include "reliability_snapshots.h"

enum { K_AREAS, K_SUSTAINED, K_PLANNED, K_EXCLUDE, K_SAIFI, K_SAIDI, K_CAIDI,
       K_MAIFI, K_JUDGE, K_MEDS, K_HISTORY, K_TMED, K_CEMI_N, K_CELID_T,
       K_BASELINE, K_BASE_YEARS, K_BASE_MARGIN, K_N };

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
    [K_BASELINE] = {"baseline", OMBUD_P_LIST, 0, NULL, NULL,
                    "indices judged against their past years' average: "
                    "saifi, saidi, caidi, maifi"},
    /* No written defaults (3 and 0%, in base_start() and unset = 0): the
     * parameters a result lists stay those of a guarantee without a
     * baseline, and so do its findings' digest and reports. */
    [K_BASE_YEARS] = {"baseline_years", OMBUD_P_COUNT, 0, NULL, NULL,
                      "how many years before the period the baseline "
                      "averages (3)"},
    [K_BASE_MARGIN] = {"baseline_margin", OMBUD_P_PERCENT, 0, NULL, NULL,
                       "how much worse than the average is allowed, e.g. 10% "
                       "(0%)"},
};

/* Years a baseline averages unless baseline_years says. */
#define BASE_YEARS 3

/* The baseline's index words, in the order of OMBUD_BASE_*. */
static const char *const base_words[OMBUD_BASE_N] = {"saifi", "saidi",
                                                     "caidi", "maifi"};
static const char *const base_names[OMBUD_BASE_N] = {"SAIFI", "SAIDI",
                                                     "CAIDI", "MAIFI_E"};

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
    int64_t read_from;    /* start of what is read: the history window, or
                             the baseline's earliest year's window */
    int has_base;         /* the guarantee has a baseline */
    ombud_base base;      /* the past years' sums */
    int base_med[OMBUD_BASE_MAX_YEARS]; /* 1: T_MED found, 2: given */
    double base_t_med[OMBUD_BASE_MAX_YEARS];
    int64_t judged;       /* comparisons with a target made */
    int64_t sys_limit;    /* the system SAIDI limit from the baseline */
    int64_t uncounted;    /* interruptions outside the areas judged */
    ombud_exclusions ex;
    int64_t planned_out;
    int64_t day_from, day_to, day; /* the last local day found (day_in) */
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

/* The local day of @t, remembering the last day's span: interruptions
 * come mostly in time order, and finding the zone's offset for each of a
 * million was a tenth of a 5-year check. */
static int64_t day_in(state *s, int64_t t)
{
    if (t < s->day_from || t >= s->day_to) {
        s->day = day_of(s->ctx->tz, t);
        s->day_from = day_start(s->ctx->tz, s->day);
        s->day_to = day_start(s->ctx->tz, s->day + 1);
        assert(t >= s->day_from && t < s->day_to);
    }
    return s->day;
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

/*
 * Where an outage never restored stops counting: one of the period at the
 * period's end; one of the history at the end of the baseline year it
 * began in, else at the period's start, so that no history day borrows
 * minutes from the period it is the history of.
 */
static int64_t open_end(const state *s, int64_t started, int64_t day)
{
    int k = s->has_base ? ombud_base_year_of(&s->base, day) : -1;

    if (started >= s->ctx->from)
        return s->ctx->to;
    return k >= 0 ? s->base.y[k].to : s->ctx->from;
}

/* A history interruption falling in one of the baseline's past years. */
static ombud_err base_add(state *s, const intr *it)
{
    if (!s->has_base || ombud_base_year_of(&s->base, it->day) < 0)
        return OMBUD_OK;
    return ombud_base_add(&s->base, s->ctx, it->day, it->area, it->ci, it->cs,
                          it->mi);
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    const ombud_rule_ctx *ctx = s->ctx;
    int in_period = o->started_at >= ctx->from;
    int64_t day, end = o->restored_at;
    gpointer a;

    if (o->started_at < s->read_from || o->started_at >= ctx->to)
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
    day = day_in(s, o->started_at);
    if (end == OMBUD_TIME_NONE)
        end = open_end(s, o->started_at, day);
    intr it = {row, 0, 0, 0, 0, day, GPOINTER_TO_INT(a) - 1, 0, NULL,
               o->customers_restored > 0 ?
                   g_hash_table_lookup(s->steps, &row) : NULL};
    if ((s->err = intr_fill(s, &it, o, end, in_period)))
        return 1;
    if (!in_period) {
        if (it.cs > 0)
            s->err = day_add(s, s->hist, it.day, it.cs);
        if (!s->err)
            s->err = base_add(s, &it);
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
    int64_t first;        /* first day with an interruption, or INT64_MAX */
    int64_t win_from;     /* the history window's start */
} med;

static gint by_day(gconstpointer a, gconstpointer b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The log of the SAIDI in minutes of each history day in [@d0, @d1), in
 * day order (so the floating-point sums are the same whatever order the
 * days were met in); the first such day into @first. */
static GArray *history_logs(const state *s, int64_t d0, int64_t d1,
                            int64_t *first)
{
    GList *keys = g_list_sort(g_hash_table_get_keys(s->hist), by_day);
    GArray *logs = g_array_new(FALSE, FALSE, sizeof(double));

    *first = INT64_MAX;
    for (GList *k = keys; k; k = k->next) {
        int64_t day = *(int64_t *)k->data;
        int64_t cs = *(int64_t *)g_hash_table_lookup(s->hist, &day);
        int64_t served;
        double l;
        if (day < d0 || day >= d1)
            continue;
        if (cs > 0 && day < *first)
            *first = day;
        served = system_served(s, day_start(s->ctx->tz, day));
        if (served <= 0 || cs <= 0)
            continue;
        l = log((double)cs / 60.0 / (double)served);
        g_array_append_val(logs, l);
    }
    g_list_free(keys);
    return logs;
}

/* T_MED for a period starting at @from from the history window starting
 * at @win_from (up to @from). */
static void compute_med(const state *s, med *m, int64_t win_from,
                        int64_t from)
{
    GArray *logs;
    double sum = 0, sq = 0;
    int64_t n, d0 = day_of(s->ctx->tz, win_from), d1 = day_of(s->ctx->tz,
                                                                from);

    m->win_from = win_from;
    m->hist_days = d1 - d0;
    m->first = INT64_MAX;
    if (s->g->v[K_TMED].set) {
        m->have = m->given = 1;
        m->t_med = (double)s->g->v[K_TMED].num / 60.0;
        return;
    }
    logs = history_logs(s, d0, d1, &m->first);
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

/* The SAIDI in minutes of day @day from the customer-seconds in @h. */
static double day_saidi(const state *s, GHashTable *h, int64_t day)
{
    int64_t *v = g_hash_table_lookup(h, &day);
    int64_t served = v ? system_served(s, day_start(s->ctx->tz, day)) : 0;

    return v && served > 0 ? (double)*v / 60.0 / (double)served : 0;
}

/* Is period day @day a major event day? Its SAIDI in minutes into @saidi. */
static int is_med(const state *s, const med *m, int64_t day, double *saidi)
{
    *saidi = day_saidi(s, s->days, day);
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

static ombud_err figures(state *s, const char *subject, const sums *u)
{
    ombud_store *st = s->ctx->store;
    int64_t id = s->ctx->result_id;
    ombud_err err;

    if ((err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CUSTOMERS_SERVED,
                                      u->served, "count")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_SAIFI,
                                      ombud_milli_ratio(u->ci, u->served), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_SAIDI,
                                      ombud_milli_min(u->cmi_secs, u->served),
                                      "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CAIDI,
                                      ombud_milli_min(u->cmi_secs, u->ci), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_CAIFI,
                                      ombud_milli_ratio(u->ci, u->cn), "milli")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_MAIFI_E,
                                      ombud_milli_ratio(u->mi, u->served), "milli")) ||
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

    s->judged++;
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
                             ombud_milli_ratio(u->ci, u->served), g->v[K_SAIFI].num * 10,
                             ombud_milli_say(ombud_milli_ratio(u->ci, u->served), a, sizeof a),
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
                             ombud_milli_ratio(u->mi, u->served), g->v[K_MAIFI].num * 10,
                             ombud_milli_say(ombud_milli_ratio(u->mi, u->served), a, sizeof a),
                             ombud_fmt_amount(g->v[K_MAIFI].num, 2, b,
                                              sizeof b))))
            return err;
    }
    return OMBUD_OK;
}

/* ---- the texts ----------------------------------------------------------- */

/* The baseline's texts (below, with its arithmetic). */
static void base_held(const struct state *s, char *held, size_t n,
                      size_t size);
static void base_say(const struct state *s, char *out, size_t size);

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
    say_date(day_of(s->ctx->tz, m->win_from), from, sizeof from);
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
    say_date(m->first, first, sizeof first);
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

    ombud_milli_say(ombud_milli_ratio(j->ci, j->served), f[0], sizeof f[0]);
    ombud_milli_say(ombud_milli_min(j->cmi_secs, j->served), f[1], sizeof f[1]);
    ombud_milli_say(ombud_milli_min(j->cmi_secs, j->ci), f[2], sizeof f[2]);
    ombud_milli_say(ombud_milli_ratio(j->mi, j->served), f[3], sizeof f[3]);
    res->unit = "milli";
    res->measured = ombud_milli_min(j->cmi_secs, j->served);
    res->target = g->v[K_SAIDI].set ? g->v[K_SAIDI].num * 1000 / 60
                : s->sys_limit;
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
        n += (size_t)snprintf(held + n, sizeof held - n, "%sMAIFI_E %s",
                              n ? ", " : "", ombud_fmt_amount(g->v[K_MAIFI].num,
                              2, lim[3], sizeof lim[3]));
    base_held(s, held, n, sizeof held);
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
    base_say(s, res->method, sizeof res->method);
    (void)sys_ex;
}

/* The local midnight @years years before local midnight @t (29 February
 * goes to the 28th). */
static int64_t years_before(const ombud_rule_ctx *ctx, int64_t t,
                            int64_t years)
{
    ombud_tm tm;
    int64_t d;

    ombud_tm_from_instant(ctx->tz, t, &tm);
    d = ombud_days_from_civil(tm.year - (int)years, tm.month,
                              tm.month == 2 && tm.day == 29 ? 28 : tm.day);
    return day_start(ctx->tz, d);
}

/* ---- targets relative to past years ------------------------------------ */

/* The baseline's years: the period shifted back 1 to baseline_years years,
 * and what must be read for them and their own major event days. A period
 * longer than a year would overlap its own past years: refused. */
static ombud_err base_start(state *s)
{
    const ombud_rule_ctx *ctx = s->ctx;
    int years = s->g->v[K_BASE_YEARS].set ? (int)s->g->v[K_BASE_YEARS].num
              : BASE_YEARS;
    int64_t oldest;

    if (!s->g->v[K_BASELINE].set || !s->g->v[K_BASELINE].nlist)
        return OMBUD_OK;
    if (years_before(ctx, ctx->to, 1) > ctx->from)
        return ombud_error(OMBUD_E_USAGE, NULL, "[guarantee %s] baseline: "
                           "the period is longer than a year, so it overlaps "
                           "the same period a year before; check a year or "
                           "less (--period 2026, 2026-Q4 or 2026-10)",
                           ctx->guarantee ? ctx->guarantee : "?");
    s->has_base = 1;
    ombud_base_init(&s->base, years);
    for (int k = 0; k < years; k++) {
        ombud_base_year *y = &s->base.y[k];
        y->from = years_before(ctx, ctx->from, k + 1);
        y->to = years_before(ctx, ctx->to, k + 1);
        y->d0 = day_of(ctx->tz, y->from);
        y->d1 = day_of(ctx->tz, y->to);
    }
    oldest = years_before(ctx, s->base.y[years - 1].from,
                          s->g->v[K_HISTORY].num);
    s->read_from = MIN(s->hist_from, oldest);
    return OMBUD_OK;
}

/* Each past year's own major event days, by its own T_MED (from the
 * med_history years before it, as the period's): left out of its sums
 * unless meds = include. */
static void base_meds(state *s)
{
    const ombud_rule_ctx *ctx = s->ctx;

    for (int k = 0; s->has_base && k < s->base.years; k++) {
        const ombud_base_year *y = &s->base.y[k];
        med m = {0};
        compute_med(s, &m, years_before(ctx, y->from, s->g->v[K_HISTORY].num),
                    y->from);
        s->base_med[k] = m.given ? 2 : m.have;
        s->base_t_med[k] = m.t_med;
        if (!m.have || s->g->v[K_MEDS].num == 1)
            continue;
        for (int64_t d = y->d0; d < y->d1; d++)
            if (day_saidi(s, s->hist, d) > m.t_med)
                ombud_base_leave_out(&s->base, d);
    }
}

/* A past year's name: "2025", "2025-10", "2025-10 – 2025-12", or its
 * first and last dates. */
static void base_label(const ombud_base_year *y, char *buf, size_t size)
{
    int y0, m0, d0, y1, m1, d1, yn, mn, dn;
    char a[24], b[24];

    ombud_civil_from_days(y->d0, &y0, &m0, &d0);
    ombud_civil_from_days(y->d1 - 1, &y1, &m1, &d1);
    ombud_civil_from_days(y->d1, &yn, &mn, &dn);
    if (m0 == 1 && d0 == 1 && mn == 1 && dn == 1 && y0 == y1)
        snprintf(buf, size, "%04d", y0);
    else if (d0 == 1 && dn == 1 && y0 == y1 && m0 == m1)
        snprintf(buf, size, "%04d-%02d", y0, m0);
    else if (d0 == 1 && dn == 1)
        snprintf(buf, size, "%04d-%02d \u2013 %04d-%02d", y0, m0, y1, m1);
    else {
        say_date(y->d0, a, sizeof a);
        say_date(y->d1 - 1, b, sizeof b);
        snprintf(buf, size, "%s \u2013 %s", a, b);
    }
}

/* Is index @i of the baseline list? */
static int base_has(const state *s, int i)
{
    return s->has_base && ombud_param_has(&s->g->v[K_BASELINE], base_words[i]);
}

/* Is current index @i of @u above @lim thousandths? Exact, in integers:
 * SAIFI CI x 1000 > lim x N, SAIDI CMI_secs x 1000 > lim x 60 x N, CAIDI
 * the same over CI, MAIFI_E momentary x 1000 > lim x N. */
static ombud_err base_over(const state *s, const char *subject, int i,
                           const sums *u, int64_t lim, int *over)
{
    const ombud_rule_ctx *c = s->ctx;
    int64_t num = i == OMBUD_BASE_SAIFI ? u->ci : i == OMBUD_BASE_MAIFI ? u->mi
                : u->cmi_secs;
    int64_t den = i == OMBUD_BASE_CAIDI ? u->ci : u->served, per = 1, x, y;
    ombud_err err;

    if (i == OMBUD_BASE_SAIDI || i == OMBUD_BASE_CAIDI)
        per = 60;
    if ((err = ombud_checked_mul(c, subject, base_names[i], num, 1000, &x)) ||
        (err = ombud_checked_mul(c, subject, base_names[i], lim, per, &y)) ||
        (err = ombud_checked_mul(c, subject, base_names[i], y, den, &y)))
        return err;
    *over = x > y;
    return OMBUD_OK;
}

/* The current value of index @i of @u, in thousandths. */
static int64_t now_index(int i, const sums *u)
{
    ombud_base_sums b = {u->served, u->ci, u->cmi_secs, u->mi};
    return ombud_base_index(i, &b);
}

/* An area's (or the system's) subject, whole (g_free): its name, or with
 * @ex its figures without major event days. */
static char *subject_of(const char *name, int ex)
{
    /* TRANSLATORS: an area's figures without major event days. */
    return ex ? g_strdup_printf(_("%s excl. MEDs"), name) : g_strdup(name);
}

/* One subject's past years, average and limit as figures (rows of the
 * indices table), then its indices judged against the limits. @b holds
 * the past years' sums, column @col of each year's nareas + 1. */
static ombud_err base_subject(state *s, ombud_result *res, const char *name,
                              int ai, const sums *u,
                              const ombud_base_sums *b, int col)
{
    static const char *const figs[OMBUD_BASE_N] = {OMBUD_FIG_SAIFI,
        OMBUD_FIG_SAIDI, OMBUD_FIG_CAIDI, OMBUD_FIG_MAIFI_E};
    ombud_store *st = s->ctx->store;
    int64_t id = s->ctx->result_id, v[OMBUD_BASE_N][OMBUD_BASE_MAX_YEARS];
    int64_t avg[OMBUD_BASE_N], lim;
    int years = s->base.years, over;
    char lbl[64], shown[32], a[32], m[32], ls[120], idx[64];
    /* The subjects whole, however long the area's name: cut to a buffer,
     * two areas named alike for their first 150 bytes were one. */
    char *base = subject_of(name, s->g->v[K_MEDS].num == 0);
    char *sub = NULL;
    ombud_err err = OMBUD_OK;

    for (int k = years - 1; k >= 0 && !err; k--) {
        const ombud_base_sums *x = &b[k * (s->nareas + 1) + col];
        int ok = s->base.y[k].loaded && x->served > 0;
        base_label(&s->base.y[k], lbl, sizeof lbl);
        g_free(sub);
        sub = g_strdup_printf("%s, %s", base, lbl);
        err = ombud_store_add_figure(st, id, sub, OMBUD_FIG_CUSTOMERS_SERVED,
                                     x->served, "count");
        for (int i = 0; i < OMBUD_BASE_N && !err; i++) {
            v[i][k] = ok ? ombud_base_index(i, x) : OMBUD_BP_NONE;
            err = ombud_store_add_figure(st, id, sub, figs[i], v[i][k],
                                         "milli");
        }
    }
    /* TRANSLATORS: a row of the indices table: an area's average over
     * the baseline's past years ("North excl. MEDs, average"). */
    g_free(sub);
    sub = g_strdup_printf(_("%s, average"), base);
    for (int i = 0; i < OMBUD_BASE_N && !err; i++) {
        avg[i] = ombud_base_mean(v[i], years);
        err = ombud_store_add_figure(st, id, sub, figs[i], avg[i], "milli");
    }
    /* TRANSLATORS: a row of the indices table: an area's limits from the
     * baseline ("North excl. MEDs, limit"). */
    g_free(sub);
    sub = g_strdup_printf(_("%s, limit"), base);
    g_free(base);
    ombud_fmt_bp(s->g->v[K_BASE_MARGIN].num, m, sizeof m);
    for (int i = 0; i < OMBUD_BASE_N && !err; i++) {
        if (!base_has(s, i))
            continue;
        lim = ombud_base_limit(avg[i], s->g->v[K_BASE_MARGIN].num);
        if ((err = ombud_store_add_figure(st, id, sub, figs[i], lim, "milli")))
            break;
        if (lim == OMBUD_BP_NONE || (i == OMBUD_BASE_CAIDI && u->ci <= 0))
            continue;
        if (ai < 0 && i == OMBUD_BASE_SAIDI)
            s->sys_limit = lim;
        if ((err = base_over(s, name, i, u, lim, &over)))
            break;
        ombud_milli_say(now_index(i, u), shown, sizeof shown);
        /* TRANSLATORS: a limit from the baseline, the past years' average
         * and the margin ("1.40 (average 1.27 + 10.00%)"). */
        snprintf(ls, sizeof ls, _("%s (average %s + %s)"),
                 ombud_milli_say(lim, lbl, sizeof lbl),
                 ombud_milli_say(avg[i], a, sizeof a), m);
        /* TRANSLATORS: an index judged against its baseline ("SAIFI
         * (baseline)"), in a breach's subject. */
        snprintf(idx, sizeof idx, _("%s (baseline)"), base_names[i]);
        err = judge_one(s, res, name, ai, idx, over, now_index(i, u), lim,
                        shown, ls);
    }
    g_free(sub);
    return err;
}

/* The baseline of every subject judged: the system, or each area. */
static ombud_err base_all(state *s, ombud_result *res, const sums *per,
                          const sums *sys)
{
    int n = s->nareas, years = s->base.years;
    ombud_base_sums *b;
    int64_t row;
    ombud_err err = OMBUD_OK;

    if (!s->has_base)
        return OMBUD_OK;
    b = g_new0(ombud_base_sums, (gsize)years * (gsize)(n + 1));
    ombud_base_sum(&s->base, n, b);
    for (int k = 0; k < years; k++)
        for (int a = 0; a < n; a++) {
            int64_t sv = served_at(&s->areas[a], s->base.y[k].to - 1, &row);
            b[k * (n + 1) + a].served = sv;
            b[k * (n + 1) + n].served += sv;
        }
    if (s->g->v[K_JUDGE].num == 0)
        err = sys->served > 0 ? base_subject(s, res, SYSTEM, -1, sys, b, n)
                              : OMBUD_OK;
    for (int a = 0; !err && s->g->v[K_JUDGE].num == 1 && a < n; a++)
        if (per[a].served > 0)
            err = base_subject(s, res, s->areas[a].name, a, &per[a], b, a);
    g_free(b);
    return err;
}

/* The baseline's indices, "SAIFI, SAIDI", into @buf. */
static void base_which(const state *s, char *buf, size_t size)
{
    size_t w = 0;

    buf[0] = '\0';
    for (int i = 0; i < OMBUD_BASE_N; i++)
        if (base_has(s, i) && w < size)
            w += (size_t)snprintf(buf + w, size - w, "%s%s", w ? ", " : "",
                                  base_names[i]);
}

/* The targets' text gains the baseline ("SAIFI, SAIDI: the average of the
 * 3 years before + 10.00%"), after the @n bytes of @held. */
static void base_held(const state *s, char *held, size_t n, size_t size)
{
    char which[64], m[32];

    if (!s->has_base || n + 1 >= size)
        return;
    base_which(s, which, sizeof which);
    ombud_fmt_bp(s->g->v[K_BASE_MARGIN].num, m, sizeof m);
    /* TRANSLATORS: targets from the baseline: the indices, the number of
     * past years and the margin ("SAIFI, SAIDI: the average of the 3
     * years before + 10.00%"). */
    snprintf(held + n, size - n, ombud_ngettext("%s%s: the average of the "
             "%s year before + %s", "%s%s: the average of the %s years before "
             "+ %s", (unsigned long)s->base.years), n ? "; " : "", which,
             ombud_n(s->base.years), m);
}

/* The method's sentence on the baseline, added to @out. */
static void base_say(const state *s, char *out, size_t size)
{
    GString *years = g_string_new(""), *meds = g_string_new("");
    GString *gone = g_string_new("");
    char which[64], lbl[64], t[32], m[32];
    size_t n = strlen(out);

    if (!s->has_base || n + 1 >= size)
        goto done;
    base_which(s, which, sizeof which);
    for (int k = s->base.years - 1; k >= 0; k--) {
        const ombud_base_year *py = &s->base.y[k];
        base_label(py, lbl, sizeof lbl);
        g_string_append_printf(years, "%s%s", years->len ? ", " : "", lbl);
        if (!py->loaded)
            g_string_append_printf(gone, "%s%s", gone->len ? ", " : "", lbl);
        if (s->base_med[k] == 1) {
            ombud_milli_say((int64_t)llround(s->base_t_med[k] * 1000.0), t,
                            sizeof t);
            /* TRANSLATORS: a past year, its T_MED in minutes and how many
             * of its days were left out ("2025 T_MED 5.10 min, 2 days"). */
            g_string_append_printf(meds, _("%s%s T_MED %s min, %s days"),
                                   meds->len ? "; " : "", lbl, t,
                                   ombud_n(py->meds));
        } else if (s->base_med[k] == 0) {
            /* TRANSLATORS: a past year without a T_MED ("2023 no T_MED"). */
            g_string_append_printf(meds, _("%s%s no T_MED"),
                                   meds->len ? "; " : "", lbl);
        }
    }
    if (s->g->v[K_MEDS].num == 1)
        g_string_assign(meds, _("all days"));
    else if (s->base_med[0] == 2)
        g_string_assign(meds, _("without the days above the t_med given"));
    ombud_fmt_bp(s->g->v[K_BASE_MARGIN].num, m, sizeof m);
    /* TRANSLATORS: the baseline sentence of the method. The %s are: the
     * indices ("SAIFI, SAIDI"), the number of years, the past years
     * ("2023, 2024, 2025"), their major event days, the years left out
     * ("none" or a list) and the margin ("10.00%"). */
    snprintf(out + n, size - n, ombud_ngettext(" Baseline for %s: each "
             "index's average over the same period of each of the %s year "
             "before (%s; major event days: %s); a year without any "
             "interruption recorded is taken as not loaded and left out of "
             "the average (%s); the limit is the average + %s.", " Baseline "
             "for %s: each index's average over the same period of each of "
             "the %s years before (%s; major event days: %s); a year without "
             "any interruption recorded is taken as not loaded and left out "
             "of the average (%s); the limit is the average + %s.",
             (unsigned long)s->base.years), which, ombud_n(s->base.years),
             years->str, meds->str, gone->len ? gone->str : _("none"), m);
done:
    g_string_free(years, TRUE);
    g_string_free(meds, TRUE);
    g_string_free(gone, TRUE);
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
    if (s->has_base)
        ombud_base_free(&s->base);
}


static ombud_err judge_all(state *s, ombud_result *res, sums *per, sums *sys)
{
    ombud_err err;

    if (s->g->v[K_JUDGE].num == 0)
        return judge(s, res, SYSTEM, -1, sys);
    for (int i = 0; i < s->nareas; i++)
        if ((err = judge(s, res, s->areas[i].name, i, &per[i])))
            return err;
    return OMBUD_OK;
}

/* Each area's figures, under its whole name (base_subject). */
static ombud_err store_figures(state *s, sums *per, sums *sys, int ex)
{
    ombud_err err = OMBUD_OK;

    for (int i = 0; i <= s->nareas && !err; i++) {
        const char *name = i < s->nareas ? s->areas[i].name : SYSTEM;
        char *sub = subject_of(name, ex);
        err = figures(s, sub, i < s->nareas ? &per[i] : sys);
        g_free(sub);
    }
    return err;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {.ctx = ctx, .g = g};
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
    s.hist_from = years_before(ctx, ctx->from, g->v[K_HISTORY].num);
    s.read_from = s.hist_from;
    err = base_start(&s);
    if (!err)
        err = ombud_store_each_customers(ctx->store, on_customers, &s);
    for (int i = 0; i < s.nareas; i++)
        s.areas[i].served = served_at(&s.areas[i], ctx->to - 1,
                                      &s.areas[i].served_row);
    if (!err)
        err = ombud_store_each_step(ctx->store, s.read_from, ctx->to, on_step,
                                    &s);
    /* The history is only summed (by day, area and year, in integers), so
     * it is read in the store's own order; the period's interruptions are
     * listed, so they come in start order. */
    if (!err && s.read_from < ctx->from)
        err = ombud_store_each_outage_started(ctx->store, s.read_from,
                                              ctx->from, 0, on_outage, &s);
    if (!err)
        err = ombud_store_each_outage_started(ctx->store, ctx->from, ctx->to,
                                              1, on_outage, &s);
    if (!err)
        err = s.err;
    if (!err) {
        compute_med(&s, &m, s.hist_from, ctx->from);
        base_meds(&s);
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
    if (!err)
        err = base_all(&s, res, g->v[K_MEDS].num == 0 ? ex : all,
                       g->v[K_MEDS].num == 0 ? &sys_ex : &sys_all);
    if (!err) {
        describe(&s, res, &m, &sys_all, &sys_ex, nmeds, meds);
        /* No customers served, nothing happened, or no target could be
         * set against anything (a baseline without past years): nothing
         * was measured. */
        res->pass = sys_all.served <= 0 || s.intrs->len == 0 ||
                    s.judged == 0 ? OMBUD_NO_DATA : res->breaches == 0;
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
    const ombud_param *b = &g->v[K_BASELINE];

    *key = "saifi_max";
    if (!g->v[K_SAIFI].set && !g->v[K_SAIDI].set && !g->v[K_CAIDI].set &&
        !g->v[K_MAIFI].set && !(b->set && b->nlist))
        return "give at least one of saifi_max, saidi_max, caidi_max, "
               "maifi_max, or a baseline";
    *key = "baseline";
    for (size_t i = 0; b->set && i < b->nlist; i++) {
        int known = 0;
        for (int k = 0; k < OMBUD_BASE_N; k++)
            known |= !strcmp(b->list[i], base_words[k]);
        if (!known)
            return "name indices: saifi, saidi, caidi, maifi";
    }
    *key = "baseline_years";
    if (g->v[K_BASE_YEARS].set && (g->v[K_BASE_YEARS].num < 1 ||
                                   g->v[K_BASE_YEARS].num >
                                   OMBUD_BASE_MAX_YEARS))
        return "must be 1 to 10 years";
    *key = "baseline_margin";
    if (g->v[K_BASE_MARGIN].num > 100000)
        return "must be at most 1000%";
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
                                      drawn, 10, OMBUD_COUNTER_NONE, NULL, 0};

const ombud_rule ombud_rule_reliability = {
    "reliability", "electric reliability indices (IEEE 1366)",
    N_("reliability indices (IEEE 1366)"), &drawing,
    params, K_N, evaluate, check,
    NULL,
    NULL,
    0,
    OMBUD_LOOKS_STEPS
};
