/*
 * rule_restoration.c - "service restored within 24 hours": each outage
 * must be restored by a deadline.
 *
 * The deadline is either `within` after the clock starts, counted in
 * calendar time or, with `calendar`, in that calendar's working time (the
 * clock stops outside it); or, with `by_class`, the end of the Nth working
 * day after the day the clock started, N by the outage's location_class
 * ("urban: 1" = by the end of the next working day, as in the Australian
 * CSG). The clock starts at started_at, or with `clock = reported` at the
 * customer's reported_at (started_at when that is blank).
 *
 * Outages open at any moment of the period count (started before its end,
 * restored after its start or not at all), so one spanning two periods is
 * judged in each. One still open at the end of the period (restored later
 * or never) is open: a breach measured to that end when its deadline had
 * already passed by then, else pending: counted apart (figure `pending`)
 * and neither in time nor late, since it may yet be restored in time.
 * Outages whose exclusion is in
 * `exclude` (catastrophic, force_majeure, ...) are counted apart, listed in
 * the method and not judged: they leave the denominator, as in the CPUC's
 * "adjusted" measure. With `target`, the guarantee holds when at least that
 * share of outages was restored in time (as in "90% within 24 h"); without
 * it, every late outage fails it. Either way, each late outage is listed as
 * a breach; with `per_day_late` its amount is the compensation for the days
 * late (calendar days, or working days with `late_days = working`, tiered
 * by `tier_after`/`per_day_then`), else 0.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/value.h"

enum { K_WITHIN, K_CALENDAR, K_TARGET, K_SERVICES, K_AREAS, K_PLANNED,
       K_EXCLUDE, K_CLOCK, K_BY_CLASS, K_PER_DAY, K_LATE_DAYS, K_TIER_AFTER,
       K_PER_DAY_THEN, K_N };

static const ombud_param_def params[K_N] = {
    [K_WITHIN] = {"within", OMBUD_P_DURATION, 0, NULL, NULL,
                  "longest outage allowed, e.g. 24h (or give by_class)"},
    [K_CALENDAR] = {"calendar", OMBUD_P_CALENDAR, 0, NULL, NULL,
                    "count only this calendar's working time; with by_class "
                    "its open days are the working days"},
    [K_TARGET] = {"target", OMBUD_P_PERCENT, 0, NULL, NULL,
                  "share of outages that must meet the deadline, e.g. 90%"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only outages of these services (default: all)"},
    [K_AREAS] = {"areas", OMBUD_P_LIST, 0, NULL, NULL,
                 "only outages in these areas (default: all)"},
    [K_PLANNED] = {"planned", OMBUD_P_WORD, 0, "include", "include|exclude|only",
                   "planned work: include, exclude or only"},
    [K_EXCLUDE] = {"exclude", OMBUD_P_LIST, 0, NULL, NULL,
                   "outages with these exclusion reasons are not judged"},
    [K_CLOCK] = {"clock", OMBUD_P_WORD, 0, "started", "started|reported",
                 "the clock starts at started_at or at reported_at"},
    [K_BY_CLASS] = {"by_class", OMBUD_P_COUNTMAP, 0, NULL, NULL,
                    "deadline: end of the Nth working day by location_class, "
                    "e.g. urban: 1, major_rural: 2, remote: 3"},
    [K_PER_DAY] = {"per_day_late", OMBUD_P_MONEY, 0, NULL, NULL,
                   "compensation for each day late"},
    [K_LATE_DAYS] = {"late_days", OMBUD_P_WORD, 0, "calendar",
                     "calendar|working", "days late counted as calendar or "
                     "working days"},
    [K_TIER_AFTER] = {"tier_after", OMBUD_P_COUNT, 0, "0", NULL,
                      "after this many days late, per_day_then applies"},
    [K_PER_DAY_THEN] = {"per_day_then", OMBUD_P_MONEY, 0, NULL, NULL,
                        "compensation per day after tier_after days"},
};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t in_time, longest, unclassed, no_report;
    int64_t open_late, pending;  /* still open at the period's end */
    ombud_exclusions ex;
    ombud_err err;
} state;

/* When and how long one outage was judged. */
typedef struct judged {
    int64_t clock, end;   /* clock start; restoration or the period's end */
    int64_t dur, limit;   /* measured and allowed, seconds */
    int64_t deadline;     /* instant it had to be restored by */
    int late;
    int open;             /* not restored by the period's end */
} judged;

static int wanted(const ombud_guarantee *g, const ombud_outage *o)
{
    int64_t planned = g->v[K_PLANNED].num; /* 0 include, 1 exclude, 2 only */

    if ((planned == 1 && o->planned) || (planned == 2 && !o->planned))
        return 0;
    return ombud_param_has(&g->v[K_SERVICES], o->service) &&
           ombud_param_has(&g->v[K_AREAS], o->area);
}

/* Days late past the deadline, for compensation. */
static int64_t days_late(const state *s, const judged *j)
{
    const ombud_calendar *cal = s->g->v[K_CALENDAR].cal;
    int64_t from;

    if (!j->late)
        return 0;
    if (s->g->v[K_LATE_DAYS].num == 0)
        return (j->end - j->deadline + 86399) / 86400;
    /* Working days that begin at or after the deadline, up to restoration
     * (the day of restoration counts when it is a working day). */
    from = ombud_next_midnight(s->ctx->tz, j->deadline - 1);
    return ombud_calendar_working_days(cal, s->ctx->tz, from, j->end);
}

/* "; 2 calendar days late, owed 20.00 GBP" for a breach, else "". */
static void pay_text(const state *s, int64_t days, int64_t amount, char *buf,
                     size_t size)
{
    char amt[40];

    buf[0] = '\0';
    if (!s->g->v[K_PER_DAY].set)
        return;
    ombud_fmt_amount(amount, ombud_currency_digits(s->ctx->currency), amt,
                     sizeof amt);
    if (s->g->v[K_LATE_DAYS].num == 1)
        snprintf(buf, size, ombud_ngettext("; %s working day late, owed %s "
                 "%s", "; %s working days late, owed %s %s",
                 (unsigned long)days), ombud_n(days), amt,
                 ombud_fmt_currency(s->ctx->currency));
    else
        snprintf(buf, size, ombud_ngettext("; %s calendar day late, owed %s "
                 "%s", "; %s calendar days late, owed %s %s",
                 (unsigned long)days), ombud_n(days), amt,
                 ombud_fmt_currency(s->ctx->currency));
}

static ombud_err breach(state *s, int64_t row, const ombud_outage *o,
                        const judged *j)
{
    const ombud_guarantee *g = s->g;
    int64_t days = days_late(s, j);
    ombud_breach b = {"outage", "", j->clock, j->dur, j->limit,
                      j->dur - j->limit, "s", 0, ""};
    char who[160], a[40], z[40], d[32], dur[96], w[32], over[32], pay[128];
    ombud_err err;

    if (g->v[K_PER_DAY].set &&
        (err = ombud_tiered_amount(s->ctx, o->outage_id, days,
                                   g->v[K_PER_DAY].num, g->v[K_TIER_AFTER].num,
                                   g->v[K_PER_DAY_THEN].set ?
                                   g->v[K_PER_DAY_THEN].num : -1, &b.amount)))
        return err;
    pay_text(s, days, b.amount, pay, sizeof pay);
    snprintf(b.subject, sizeof b.subject, "%s", o->outage_id);
    ombud_subject_say(o->outage_id, o->account_id, who, sizeof who);
    ombud_fmt_local(s->ctx->tz, j->clock, a, sizeof a);
    ombud_fmt_local(s->ctx->tz, j->end, z, sizeof z);
    ombud_fmt_duration(j->dur, d, sizeof d);
    if (g->v[K_CALENDAR].cal && !g->v[K_BY_CLASS].set)
        /* TRANSLATORS: a duration such as "9h" counted in working hours. */
        snprintf(dur, sizeof dur, _("%s of working time"), d);
    else
        snprintf(dur, sizeof dur, "%s", d);
    ombud_fmt_duration(j->limit, w, sizeof w);
    ombud_fmt_duration(j->dur - j->limit, over, sizeof over);
    /* TRANSLATORS: an outage that breached the deadline: its id (and
     * account), when it went out, until when, " (still open at the end of
     * the period)" or nothing, its time out against the time allowed, the
     * time over, and what is owed for it ("; 2 calendar days late, owed
     * 20.00 GBP") or nothing. */
    snprintf(b.detail, sizeof b.detail, j->clock == o->started_at ?
             _("%s: out from %s to %s%s: %s against %s, %s over%s") :
             /* TRANSLATORS: as above, the clock starting at the customer's
              * report of the outage. */
             _("%s: reported %s, out to %s%s: %s against %s, %s over%s"),
             who, a, z, o->restored_at == OMBUD_TIME_NONE ||
             o->restored_at > s->ctx->to ?
             _(" (still open at the end of the period)") : "", dur, w, over,
             pay);
    return ombud_breach_write(s->ctx, s->res, &b, "outages", row, NULL, 0);
}

/* Work out @j for outage @o; 0 when it cannot be judged (no deadline). */
static int judge(state *s, const ombud_outage *o, judged *j)
{
    const ombud_guarantee *g = s->g;
    const ombud_calendar *cal = g->v[K_CALENDAR].cal;
    int64_t n;

    j->clock = o->started_at;
    if (g->v[K_CLOCK].num == 1 && o->reported_at != OMBUD_TIME_NONE)
        j->clock = o->reported_at;
    else if (g->v[K_CLOCK].num == 1)
        s->no_report++;
    j->open = o->restored_at == OMBUD_TIME_NONE || o->restored_at > s->ctx->to;
    j->end = j->open ? s->ctx->to : o->restored_at;
    if (j->end < j->clock)
        j->end = j->clock; /* reported after restoration: no time out */
    if (g->v[K_BY_CLASS].set &&
        ombud_param_count(&g->v[K_BY_CLASS], o->location_class ?
                          o->location_class : "other", &n)) {
        j->deadline = ombud_calendar_working_day_end(cal, s->ctx->tz,
                                                     j->clock, n);
        j->dur = j->end - j->clock;
        j->limit = j->deadline - j->clock;
        j->late = j->end > j->deadline;
        return 1;
    }
    if (!g->v[K_WITHIN].set) {
        s->unclassed++;
        return 0;
    }
    j->limit = g->v[K_WITHIN].num;
    j->dur = cal ? ombud_calendar_open_seconds(cal, j->clock, j->end)
                 : j->end - j->clock;
    j->deadline = cal ? ombud_calendar_add_open(cal, j->clock, j->limit)
                      : j->clock + j->limit;
    j->late = j->dur > j->limit;
    return 1;
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    judged j;
    ombud_err err;

    if (!wanted(s->g, o))
        return 0;
    if (ombud_excluded(&s->g->v[K_EXCLUDE], o->exclusion)) {
        ombud_exclusions_add(&s->ex, o->exclusion, o->outage_id);
        return (s->err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                o->outage_id, "excluded", 1, "count")) != OMBUD_OK;
    }
    if (!judge(s, o, &j))
        return 0;
    if (j.open && !j.late) {
        /* Its deadline is still ahead: not late, not yet in time. */
        s->pending++;
        return (s->err = ombud_store_add_figure(s->ctx->store,
                s->ctx->result_id, o->outage_id, "pending", 1, "count")) !=
               OMBUD_OK;
    }
    s->open_late += j.open;
    s->res->subjects++;
    if (j.dur > s->longest)
        s->longest = j.dur;
    if ((err = ombud_store_add_series(s->ctx->store, s->ctx->result_id,
                                      "durations", row, j.dur)) ||
        (err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      o->outage_id, OMBUD_FIG_DURATION, j.dur, "s")) ||
        (err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      o->outage_id, OMBUD_FIG_LIMIT, j.limit, "s")))
        return (s->err = err) != OMBUD_OK;
    if (!j.late) {
        s->in_time++;
        return 0;
    }
    return (s->err = breach(s, row, o, &j)) != OMBUD_OK;
}

/* The deadline after "restored": "by the end of working day N (urban: 1,
 * remote: 3)", with ", else within 24h" for the classes not listed. */
static void by_class_text(const ombud_guarantee *g, char *buf, size_t size)
{
    char w[32];

    if (g->v[K_WITHIN].set)
        snprintf(buf, size, _("by the end of working day N (%s), else within "
                 "%s"), g->v[K_BY_CLASS].text, ombud_fmt_duration(
                 g->v[K_WITHIN].num, w, sizeof w));
    else
        snprintf(buf, size, _("by the end of working day N (%s)"),
                 g->v[K_BY_CLASS].text);
}

/* How the clock is counted: "calendar time", "working time of calendar X". */
static void counted_text(const ombud_guarantee *g, char *buf, size_t size)
{
    int cal = g->v[K_CALENDAR].set, by_class = g->v[K_BY_CLASS].set;

    if (cal && !by_class)
        snprintf(buf, size, _("working time of calendar %s"),
                 g->v[K_CALENDAR].text);
    else if (cal)
        snprintf(buf, size, _("working days of calendar %s"),
                 g->v[K_CALENDAR].text);
    else if (by_class)
        snprintf(buf, size, "%s", _("working days (every day)"));
    else
        snprintf(buf, size, "%s", _("calendar time"));
}

static void target_text(const state *s, ombud_result *res)
{
    const ombud_guarantee *g = s->g;
    const ombud_param *target = &g->v[K_TARGET];
    char w[32], tp[16], dl[160];

    ombud_fmt_duration(g->v[K_WITHIN].num, w, sizeof w);
    ombud_fmt_bp(target->num, tp, sizeof tp);
    if (!g->v[K_BY_CLASS].set && target->set)
        snprintf(res->target_text, sizeof res->target_text, _("%s of outages "
                 "restored within %s"), tp, w);
    else if (!g->v[K_BY_CLASS].set)
        snprintf(res->target_text, sizeof res->target_text, _("every outage "
                 "restored within %s"), w);
    else if (by_class_text(g, dl, sizeof dl), target->set)
        /* TRANSLATORS: the second %s is "by the end of working day N (...)". */
        snprintf(res->target_text, sizeof res->target_text, _("%s of outages "
                 "restored %s"), tp, dl);
    else
        /* TRANSLATORS: %s is "by the end of working day N (...)". */
        snprintf(res->target_text, sizeof res->target_text, _("every outage "
                 "restored %s"), dl);
}

/* The method's last sentences: exclusions and outages not judged. */
static void method_notes(const state *s, char *buf, size_t size)
{
    char ex[260];
    size_t n;

    n = (size_t)snprintf(buf, size, "%s", ombud_exclusions_say(&s->ex,
                         &s->g->v[K_EXCLUDE], ex, sizeof ex));
    if (s->unclassed && n < size)
        n += (size_t)snprintf(buf + n, size - n, ombud_ngettext(" %s outage "
             "had a location class not in by_class (blank is 'other') and was "
             "not judged.", " %s outages had a location class not in "
             "by_class (blank is 'other') and were not judged.",
             (unsigned long)s->unclassed), ombud_n(s->unclassed));
    if (s->no_report && n < size)
        snprintf(buf + n, size - n, ombud_ngettext(" %s outage had no "
                 "reported_at: its clock starts at started_at.", " %s "
                 "outages had no reported_at: their clock starts at "
                 "started_at.", (unsigned long)s->no_report),
                 ombud_n(s->no_report));
}

/* "; 3 still open at the end of the period: 1 past its deadline, 2
 * pending" after the measured text, when any is. */
static void open_text(const state *s, ombud_result *res)
{
    size_t n = strlen(res->measured_text);
    int64_t open = s->open_late + s->pending;
    char late[96], pending[96];

    if (!open)
        return;
    snprintf(late, sizeof late, ombud_ngettext("%s past its deadline",
             "%s past their deadline", (unsigned long)s->open_late),
             ombud_n(s->open_late));
    snprintf(pending, sizeof pending, ombud_ngettext("%s pending, not "
             "judged", "%s pending, not judged", (unsigned long)s->pending),
             ombud_n(s->pending));
    /* TRANSLATORS: after the measured text: outages not restored by the
     * period's end, those already late and those whose deadline is ahead. */
    snprintf(res->measured_text + n, sizeof res->measured_text - n,
             ombud_ngettext("; %s still open at the end of the period: %s, "
             "%s", "; %s still open at the end of the period: %s, %s",
             (unsigned long)open), ombud_n(open), late, pending);
}

static void describe(state *s, ombud_result *res)
{
    const ombud_guarantee *g = s->g;
    const ombud_param *target = &g->v[K_TARGET];
    char dl[160], w[32], l[32], pct[16], cnt[160], notes[600];
    int64_t share = ombud_share_bp(s->in_time, res->subjects);

    ombud_rate_set(s->ctx, s->in_time, res->subjects);
    if (target->set) {
        res->unit = "bp";
        res->measured = share;
        res->target = target->num;
        /* Compare exactly, not after rounding: 2 of 3 is below 66.67%. */
        res->pass = s->in_time * 10000 >= target->num * res->subjects;
    } else {
        res->unit = "s";
        res->measured = s->longest;
        res->target = g->v[K_WITHIN].set ? g->v[K_WITHIN].num : 0;
        res->pass = res->breaches == 0;
    }
    target_text(s, res);
    ombud_fmt_duration(g->v[K_WITHIN].num, w, sizeof w);
    ombud_fmt_duration(s->longest, l, sizeof l);
    ombud_fmt_bp(share, pct, sizeof pct);
    if (g->v[K_BY_CLASS].set)
        snprintf(res->measured_text, sizeof res->measured_text, _("%s of "
                 "%s outages restored in time (%s); longest %s"),
                 ombud_n(s->in_time), ombud_n(res->subjects), pct, l);
    else
        snprintf(res->measured_text, sizeof res->measured_text, _("%s of "
                 "%s outages restored within %s (%s); longest %s"),
                 ombud_n(s->in_time), ombud_n(res->subjects), w, pct, l);
    if (s->ex.count) {
        size_t n = strlen(res->measured_text);
        snprintf(res->measured_text + n, sizeof res->measured_text - n, "%s",
                 _("; some excluded"));
    }
    open_text(s, res);
    if (g->v[K_BY_CLASS].set)
        by_class_text(g, dl, sizeof dl);
    else
        snprintf(dl, sizeof dl, _("within %s"), w);
    counted_text(g, cnt, sizeof cnt);
    method_notes(s, notes, sizeof notes);
    /* TRANSLATORS: services and areas are lists or "all"; planned work is
     * "included", "excluded" or "only"; the clock starts at started_at or
     * reported_at (column names); then how time is counted ("calendar
     * time", "working time of calendar X"), the deadline ("within 24h",
     * "by the end of working day N (...)"), what a late outage owes or
     * nothing, and sentences on exclusions. */
    snprintf(res->method, sizeof res->method, _("Every outage open at some "
             "moment of the period (started before its end, restored after "
             "its start or not at all) counts (services: %s; areas: %s; "
             "planned work: %s). Its clock runs from %s to restored_at, "
             "counted in %s; it must be restored %s, else it is a breach%s. "
             "An outage still open at the end of the period is a breach "
             "measured to that end when its deadline had passed by then, "
             "else pending: counted apart, neither in time nor late. A share "
             "is rounded half up to 0.01%%; the target is met when the exact "
             "share reaches it. %s"),
             g->v[K_SERVICES].set ? g->v[K_SERVICES].text : _("all"),
             g->v[K_AREAS].set ? g->v[K_AREAS].text : _("all"),
             ombud_planned_say(g->v[K_PLANNED].num), g->v[K_CLOCK].num ?
             "reported_at" : "started_at", cnt, dl, g->v[K_PER_DAY].set ?
             _(", owing the amount set per day late for each day late") : "", notes);
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, 0, 0, 0, 0, 0, {0, ""}, OMBUD_OK};
    ombud_err err;

    if ((err = ombud_store_each_outage(ctx->store, ctx->from, ctx->to,
                                       on_outage, &s)))
        return err;
    if (s.err)
        return s.err;
    describe(&s, res);
    return OMBUD_OK;
}

static const char *check(const ombud_guarantee *g, const char **key)
{
    const char *why;

    *key = "within";
    if (!g->v[K_WITHIN].set && !g->v[K_BY_CLASS].set)
        return "required (or give by_class)";
    *key = "exclude";
    if ((why = ombud_exclude_check(&g->v[K_EXCLUDE])))
        return why;
    *key = "by_class";
    for (size_t i = 0; g->v[K_BY_CLASS].set && i < g->v[K_BY_CLASS].nlist; i++)
        if (!ombud_word_in(g->v[K_BY_CLASS].list[i],
                           OMBUD_LOCATION_WORDS "|other"))
            return "classes are urban, major_rural, minor_rural, remote or "
                   "other (a blank location_class)";
    return ombud_tier_check(&g->v[K_PER_DAY], &g->v[K_TIER_AFTER],
                            &g->v[K_PER_DAY_THEN], "per_day_late", key);
}

/* Each outage's duration against its limit, in hours. */
static const ombud_figure_col drawn[] = {
    {OMBUD_FIG_DURATION, N_("Duration (h)")},
    {OMBUD_FIG_LIMIT, N_("Limit (h)")}};
static const ombud_drawing drawing = {OMBUD_CHART_DURATIONS, N_("Outage"),
                                      drawn, 2, OMBUD_COUNTER_NONE, NULL, 0};

const ombud_rule ombud_rule_restoration = {
    "restoration", "each outage restored within a time limit",
    N_("restoration time"), &drawing,
    params, K_N, evaluate, check,
    &ombud_months_rate,
    NULL,
    0,
    0
};
