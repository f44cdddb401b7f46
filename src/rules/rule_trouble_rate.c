/*
 * rule_trouble_rate.c - "no more than 5.5 trouble reports per 100 lines a
 * month": customer trouble reports per 100 working lines.
 *
 * A report is a row of outages.csv (a trouble ticket) whose clock start
 * (started_at, or reported_at with `clock = reported`) falls in the
 * period; with `count = customers` a row counts its customers_affected
 * (one report per line identified, as NY 603.3 counts multi-line
 * customers). Planned work is left out by default (it is not a trouble
 * report); rows whose exclusion is in `exclude` are counted apart and
 * listed. The denominator is the line count given in the guarantees file:
 * `lines` for the whole company, or `lines_by_area` per area (wire centre,
 * central office), since the inputs do not hold line counts. Reports in an
 * area without a line count are not judged and are listed in the method.
 *
 * Each month of the period (or the whole period with `per = period`) and
 * area is a subject; one whose rate exceeds `max_per_100` is a breach, its
 * evidence every report counted. The rate is compared exactly
 * (reports x 10000 > max x lines), shown rounded to 1/100.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

enum { K_MAX, K_LINES, K_LINES_BY_AREA, K_PER, K_COUNT, K_CLOCK, K_EXCLUDE,
       K_SERVICES, K_PLANNED, K_N };

static const ombud_param_def params[K_N] = {
    [K_MAX] = {"max_per_100", OMBUD_P_PERCENT, 1, NULL, NULL,
               "most reports per 100 lines, e.g. 5.5"},
    [K_LINES] = {"lines", OMBUD_P_COUNT, 0, NULL, NULL,
                 "working lines of the whole company"},
    [K_LINES_BY_AREA] = {"lines_by_area", OMBUD_P_COUNTMAP, 0, NULL, NULL,
                         "working lines per area, e.g. North: 1200, South: 800"},
    [K_PER] = {"per", OMBUD_P_WORD, 0, "month", "month|period",
               "a rate per month (default) or over the whole period"},
    [K_COUNT] = {"count", OMBUD_P_WORD, 0, "tickets", "tickets|customers",
                 "a ticket counts once, or customers_affected times"},
    [K_CLOCK] = {"clock", OMBUD_P_WORD, 0, "started", "started|reported",
                 "a report is dated by started_at or reported_at"},
    [K_EXCLUDE] = {"exclude", OMBUD_P_LIST, 0, NULL, NULL,
                   "tickets with these exclusion reasons are not counted"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only tickets of these services (default: all)"},
    [K_PLANNED] = {"planned", OMBUD_P_WORD, 0, "exclude", "include|exclude",
                   "planned work: exclude (default) or include"},
};

/* One month (or the period) of one area. */
typedef struct bucket {
    int64_t reports;
    int64_t at;           /* first report, for the breach */
    GArray *rows;         /* outage rows counted */
    int year, month;      /* its month; 0 with per = period */
    char *area;           /* its area (owned); NULL without lines_by_area */
} bucket;

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    GHashTable *buckets;  /* "2026-10 North" -> bucket */
    int64_t unmapped, highest;
    ombud_rate pooled;    /* every group's reports of its lines */
    ombud_exclusions ex;
    ombud_err err;
} state;

static void bucket_free(gpointer p)
{
    bucket *b = p;
    g_array_free(b->rows, TRUE);
    g_free(b->area);
    g_free(b);
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    int64_t t = g->v[K_CLOCK].num == 1 && o->reported_at != OMBUD_TIME_NONE
        ? o->reported_at : o->started_at, n;
    const char *area = g->v[K_LINES_BY_AREA].set ? o->area : "all";
    char *key;
    ombud_tm tm;
    bucket *b;

    if (t < s->ctx->from || t >= s->ctx->to || (o->planned &&
        g->v[K_PLANNED].num == 1) || !ombud_param_has(&g->v[K_SERVICES],
                                                      o->service))
        return 0;
    if (ombud_excluded(&g->v[K_EXCLUDE], o->exclusion)) {
        ombud_exclusions_add(&s->ex, o->exclusion, o->outage_id);
        return 0;
    }
    if (g->v[K_LINES_BY_AREA].set &&
        !ombud_param_count(&g->v[K_LINES_BY_AREA], area, &n)) {
        s->unmapped++;
        return 0;
    }
    ombud_tm_from_instant(s->ctx->tz, t, &tm);
    /* Whole, however long the area's name: cut to a buffer, two areas
     * alike for their first 150 bytes were one group. */
    key = g->v[K_PER].num == 0
          ? g_strdup_printf("%04d-%02d %s", tm.year, tm.month, area)
          : g_strdup_printf("period %s", area);
    if (!(b = g_hash_table_lookup(s->buckets, key))) {
        b = g_new0(bucket, 1);
        b->rows = g_array_new(FALSE, FALSE, sizeof(int64_t));
        b->at = t;
        b->year = g->v[K_PER].num == 0 ? tm.year : 0;
        b->month = g->v[K_PER].num == 0 ? tm.month : 0;
        b->area = g->v[K_LINES_BY_AREA].set ? g_strdup(area) : NULL;
        g_hash_table_insert(s->buckets, key, b);
    } else {
        g_free(key);
    }
    b->reports += g->v[K_COUNT].num == 1 ? o->customers_affected : 1;
    g_array_append_val(b->rows, row);
    return 0;
}

/* A rate in reports per 100 lines, from basis points: "5.60" ("5,60"). */
static char *rate_format(int64_t bp, char *buf, size_t size)
{
    return ombud_fmt_amount(bp, 2, buf, size);
}

/* The group's name, whole (g_free): "2026-10 CO-1", "2026-10",
 * "period CO-1", "period". */
static char *group_name(const bucket *b)
{
    char when[32];

    if (b->month)
        snprintf(when, sizeof when, "%04d-%02d", b->year, b->month);
    else
        /* TRANSLATORS: a group of trouble reports over the whole period. */
        snprintf(when, sizeof when, "%s", _("period"));
    return b->area ? g_strdup_printf("%s %s", when, b->area) : g_strdup(when);
}

/* Group @group (its name, whole) of bucket @b: its figures, and a breach
 * when its rate is above the limit. */
static ombud_err judge_group(state *s, bucket *b, const char *group)
{
    const ombud_guarantee *g = s->g;
    int64_t lines = g->v[K_LINES].num, max = g->v[K_MAX].num, rate, id;
    char r[32], m[32], n[32], l[32], who[160];
    ombud_breach br = {"period", "", b->at, 0, max, 0, "bp", 0, ""};
    ombud_err err;
    int over;

    if (b->area)
        ombud_param_count(&g->v[K_LINES_BY_AREA], b->area, &lines);
    /* ombud_share_bp() and the comparison below scale reports by 20000. */
    if ((err = ombud_checked_mul(s->ctx, group, "the reports per 100 "
                                 "lines", b->reports, 20000, &rate)))
        return err;
    rate = ombud_share_bp(b->reports, lines);
    s->res->subjects++;
    s->pooled.num += b->reports;
    s->pooled.den += lines;
    if (rate > s->highest)
        s->highest = rate;
    over = b->reports * 10000 > max * lines;
    /* The figures name the group whole, "over" included: the months table
     * finds a unit's verdict there (the breach's subject is cut). */
    if ((err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      group, "reports", b->reports,
                                      "count")) ||
        (err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      group, "lines", lines, "count")) ||
        (err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      group, "over", over, "count")))
        return err;
    if (!over)
        return OMBUD_OK;
    snprintf(br.subject, sizeof br.subject, "%s", group);
    br.measured = rate;
    br.shortfall = rate - max;
    /* TRANSLATORS: a group (a month and area such as "2026-10 CO-1"), its
     * trouble reports, working lines, the rate per 100 lines and the most
     * allowed ("5.60 per 100 lines, above 5.50"). */
    snprintf(br.detail, sizeof br.detail, ombud_ngettext("%s: %s trouble "
             "report on %s lines = %s per 100 lines, above %s", "%s: %s trouble "
             "reports on %s lines = %s per 100 lines, above %s",
             (unsigned long)b->reports),
             ombud_subject_say(group, NULL, who, sizeof who),
             ombud_fmt_count(b->reports, n, sizeof n),
             ombud_fmt_count(lines, l, sizeof l), rate_format(rate, r, sizeof r),
             rate_format(max, m, sizeof m));
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &br,
                                      &id)))
        return err;
    s->res->breaches++;
    /* The evidence is every report counted in the group. */
    for (guint i = 0; i < b->rows->len; i++)
        if ((err = ombud_store_add_evidence(s->ctx->store, id, "outages",
                   g_array_index(b->rows, int64_t, i))))
            return err;
    return OMBUD_OK;
}

static ombud_err judge(state *s, bucket *b)
{
    char *group = group_name(b);
    ombud_err err = judge_group(s, b, group);

    g_free(group);
    return err;
}

static gint by_name(gconstpointer a, gconstpointer b)
{
    return strcmp(a, b);
}

static void describe(state *s, ombud_result *res)
{
    const ombud_guarantee *g = s->g;
    int per_period = g->v[K_PER].num == 1;
    char m[32], h[32], ex[260], lines[160], n[32];

    rate_format(g->v[K_MAX].num, m, sizeof m);
    rate_format(s->highest, h, sizeof h);
    res->unit = "bp";
    res->measured = s->highest;
    /* The months table's rate: a quarter's is its reports over its
     * area-months' lines, not the highest month's. */
    ombud_rate_set(s->ctx, s->pooled.num, s->pooled.den);
    res->target = g->v[K_MAX].num;
    res->pass = res->breaches == 0;
    if (per_period)
        snprintf(res->measured_text, sizeof res->measured_text,
                 ombud_ngettext("highest %s reports per 100 lines over %s "
                 "period with reports", "highest %s reports per 100 lines over "
                 "%s periods with reports", (unsigned long)res->subjects), h,
                 ombud_n(res->subjects));
    else if (!g->v[K_LINES_BY_AREA].set)
        snprintf(res->measured_text, sizeof res->measured_text,
                 ombud_ngettext("highest %s reports per 100 lines over %s "
                 "month with reports", "highest %s reports per 100 lines over "
                 "%s months with reports", (unsigned long)res->subjects), h,
                 ombud_n(res->subjects));
    else
        snprintf(res->measured_text, sizeof res->measured_text,
                 ombud_ngettext("highest %s reports per 100 lines over %s "
                 "area-month with reports", "highest %s reports per 100 lines "
                 "over %s area-months with reports",
                 (unsigned long)res->subjects), h, ombud_n(res->subjects));
    snprintf(res->target_text, sizeof res->target_text, per_period ?
             _("at most %s trouble reports per 100 lines over the period") :
             _("at most %s trouble reports per 100 lines a month"), m);
    if (g->v[K_LINES_BY_AREA].set)
        snprintf(lines, sizeof lines, _("the lines of its area (%s)"),
                 g->v[K_LINES_BY_AREA].text);
    else
        snprintf(lines, sizeof lines, _("%s lines"),
                 ombud_fmt_count(g->v[K_LINES].num, n, sizeof n));
    /* TRANSLATORS: the clock column(s) a report is dated by; how a ticket
     * counts ("each counts once"); planned work "included"/"excluded";
     * services (a list or "all"); the groups ("month and area"); the lines
     * ("1000 lines", "the lines of its area (...)"); the most allowed
     * ("5.50"); then sentences on exclusions and areas not judged. */
    snprintf(res->method, sizeof res->method, _("Trouble tickets (rows of "
             "outages.csv) dated by %s in the period are reports (%s; planned "
             "work: %s; services: %s), grouped by %s; each group's reports "
             "x 100 / %s is its rate, and a rate above %s is a breach. %s%s"),
             g->v[K_CLOCK].num ? _("reported_at (else started_at)") :
             "started_at", g->v[K_COUNT].num ?
             _("each counts its customers_affected") : _("each counts once"),
             ombud_planned_say(g->v[K_PLANNED].num), g->v[K_SERVICES].set ?
             g->v[K_SERVICES].text : _("all"), per_period ?
             (g->v[K_LINES_BY_AREA].set ? _("period and area") : _("period")) :
             (g->v[K_LINES_BY_AREA].set ? _("month and area") : _("month")),
             lines, m, ombud_exclusions_say(&s->ex, &g->v[K_EXCLUDE], ex,
             sizeof ex), s->unmapped ? _(" Some reports are in areas with no "
             "line count and were not judged.") : "");
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, NULL, 0, 0, {0, 0}, {0, ""}, OMBUD_OK};
    GList *keys, *k;
    ombud_err err;

    s.buckets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      bucket_free);
    err = ombud_store_each_outage(ctx->store, ctx->from, ctx->to, on_outage, &s);
    /* Groups in name order ("2026-10 North" < "2026-11 North"): stable. */
    keys = g_list_sort(g_hash_table_get_keys(s.buckets), by_name);
    for (k = keys; !err && k; k = k->next)
        err = judge(&s, g_hash_table_lookup(s.buckets, k->data));
    g_list_free(keys);
    g_hash_table_destroy(s.buckets);
    if (!err)
        describe(&s, res);
    return err;
}

static const char *check(const ombud_guarantee *g, const char **key)
{
    *key = "lines";
    if (g->v[K_LINES].set == g->v[K_LINES_BY_AREA].set)
        return "give either lines or lines_by_area";
    if (g->v[K_LINES].set && g->v[K_LINES].num == 0)
        return "must be at least 1";
    *key = "lines_by_area";
    for (size_t i = 0; g->v[K_LINES_BY_AREA].set &&
                       i < g->v[K_LINES_BY_AREA].nlist; i++)
        if (g->v[K_LINES_BY_AREA].nums[i] == 0)
            return "each area needs at least 1 line";
    *key = "exclude";
    return ombud_exclude_check(&g->v[K_EXCLUDE]);
}

/* Per reporting unit (lines_by_area): its reports of its lines. */
/* Its rate, reports per 100 lines, is num / den x 100: in hundredths the
 * same number as a share in basis points, shown per 100 lines. */
static const ombud_months_def months = {"reports", "lines", "per100", "over"};

const ombud_rule ombud_rule_trouble_rate = {
    "trouble_rate", "trouble reports per 100 lines",
    N_("trouble report rate"), &ombud_drawing_none,
    params, K_N, evaluate, check,
    &months,
    NULL,
    0,
    0
};
