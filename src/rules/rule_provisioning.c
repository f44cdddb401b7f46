/*
 * rule_provisioning.c - "connected by the date we promised": each order
 * for new service must be done by its deadline.
 *
 * The deadline is the promised date (its end when promised_at is a date
 * alone, else the promised time) and, with `within_working_days` or
 * `by_class` (working days by location_class, e.g. urban: 5), the end of
 * the Nth working day after the day of the order (working days: the open
 * days of `calendar`, every day without one); when both apply the earlier
 * binds, as the CSG makes a shorter promise binding. `use_promised = no`
 * judges by the interval alone.
 *
 * Orders whose deadline falls in the period are judged; one still open at
 * the end of the period is late if its deadline has passed. Orders the
 * customer asked to be later (customer_requested_later) or with an
 * exclusion in `exclude` are counted apart. Each late order is a breach;
 * with `per_day` it owes, per day late, per_day (tiered by
 * `tier_after`/`per_day_then`): `late_days = calendar` counts the calendar
 * days from the missed date up to the day before completion (Ofcom: the
 * missed start date counts, the activation day does not); `working`
 * counts the working days after the deadline up to and including the day
 * of completion. With `target` the status follows the share on time.
 *
 * With `paid_within_days` (Ofcom's automatic compensation returns) each
 * late order that owes something is also a case of the returns
 * (credit.h), counted in the month it became due: its completion, when
 * the days late and so the amount are final. Those cases are the orders
 * completed in the period after their deadline, whenever the deadline
 * fell (an order due last month and done this month is this month's
 * case; one due now and still open is no case yet), excluded orders
 * left out. Its credits are the account's posted from the deadline to
 * `credit_grace` (60 days) after completion, matched by reference naming
 * the order_id, then by the order's service (a credit naming another
 * order, an outage or an appointment the store holds is that record's).
 */
#include <stdio.h>
#include <string.h>

#include "ombud/credit.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/value.h"

enum { K_USE_PROMISED, K_WITHIN_WD, K_BY_CLASS, K_CALENDAR, K_TARGET,
       K_EXCLUDE, K_PER_DAY, K_LATE_DAYS, K_TIER_AFTER, K_PER_DAY_THEN,
       K_SERVICES, K_AREAS, K_PAID_WITHIN, K_CREDIT_GRACE, K_N };

static const ombud_param_def params[K_N] = {
    [K_USE_PROMISED] = {"use_promised", OMBUD_P_BOOL, 0, "yes", NULL,
                        "the promised date is a deadline"},
    [K_WITHIN_WD] = {"within_working_days", OMBUD_P_COUNT, 0, NULL, NULL,
                     "done by the end of this many working days after the order"},
    [K_BY_CLASS] = {"by_class", OMBUD_P_COUNTMAP, 0, NULL, NULL,
                    "working days by location_class, e.g. urban: 5, remote: 15"},
    [K_CALENDAR] = {"calendar", OMBUD_P_CALENDAR, 0, NULL, NULL,
                    "its open days are the working days (default: every day)"},
    [K_TARGET] = {"target", OMBUD_P_PERCENT, 0, NULL, NULL,
                  "share of orders that must be on time, e.g. 90%"},
    [K_EXCLUDE] = {"exclude", OMBUD_P_LIST, 0, "customer_requested_later", NULL,
                   "orders with these exclusion reasons are not judged"},
    [K_PER_DAY] = {"per_day", OMBUD_P_MONEY, 0, NULL, NULL,
                   "compensation for each day late"},
    [K_LATE_DAYS] = {"late_days", OMBUD_P_WORD, 0, "calendar",
                     "calendar|working", "days late as calendar or working days"},
    [K_TIER_AFTER] = {"tier_after", OMBUD_P_COUNT, 0, "0", NULL,
                      "after this many days late, per_day_then applies"},
    [K_PER_DAY_THEN] = {"per_day_then", OMBUD_P_MONEY, 0, NULL, NULL,
                        "compensation per day after tier_after days"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only orders of these services (default: all)"},
    [K_AREAS] = {"areas", OMBUD_P_LIST, 0, NULL, NULL,
                 "only orders in these areas (default: all)"},
    [K_PAID_WITHIN] = {"paid_within_days", OMBUD_P_COUNT, 0, NULL, NULL,
                       "count the returns: cases, owed, paid per month, and "
                       "the share paid in full within this many days"},
    [K_CREDIT_GRACE] = {"credit_grace", OMBUD_P_DURATION, 0, NULL, NULL,
                        "returns: credits posted up to this long after "
                        "completion count (default 60d)"},
};

/* Credits counted for the returns up to this long after completion, when
 * credit_grace is not given (outage_credit's grace). */
#define CREDIT_GRACE (60 * 86400)

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t on_time, unclassed, open_late;
    ombud_exclusions ex;
    ombud_cases *returns;     /* with paid_within_days, else NULL */
    ombud_err err;
} state;

/* The deadline of @o, or OMBUD_TIME_NONE when none applies. */
static int64_t deadline(state *s, const ombud_order *o)
{
    const ombud_guarantee *g = s->g;
    int64_t d = OMBUD_TIME_NONE, n;
    int has_n = 0;

    if (g->v[K_USE_PROMISED].num)
        d = o->promised_all_day ? ombud_next_midnight(s->ctx->tz, o->promised_at)
                                : o->promised_at;
    if (g->v[K_BY_CLASS].set)
        has_n = ombud_param_count(&g->v[K_BY_CLASS], o->location_class ?
                                  o->location_class : "other", &n);
    else if (g->v[K_WITHIN_WD].set)
        has_n = 1, n = g->v[K_WITHIN_WD].num;
    if (has_n) {
        int64_t w = ombud_calendar_working_day_end(g->v[K_CALENDAR].cal,
                                                   s->ctx->tz, o->ordered_at,
                                                   n);
        if (d == OMBUD_TIME_NONE || w < d)
            d = w;
    } else if (g->v[K_BY_CLASS].set && !g->v[K_USE_PROMISED].num) {
        s->unclassed++;
    }
    return d;
}

static int64_t days_late(const state *s, int64_t due, int64_t done)
{
    const ombud_tz *tz = s->ctx->tz;
    int64_t missed_day = ombud_next_midnight(tz, due - 1) - 1; /* in the last due day */
    ombud_tm a, b;

    /* Working days after the deadline's day, the completion day included. */
    if (s->g->v[K_LATE_DAYS].num == 1)
        return ombud_calendar_working_days(s->g->v[K_CALENDAR].cal, tz,
                                           ombud_next_midnight(tz, due - 1),
                                           ombud_next_midnight(tz, done));
    /* Calendar days from the day the deadline fell on to the day before
     * completion: the civil day numbers' difference, at least 1. */
    ombud_tm_from_instant(tz, missed_day, &a);
    ombud_tm_from_instant(tz, done, &b);
    {
        int64_t n = ombud_days_from_civil(b.year, b.month, b.day) -
                    ombud_days_from_civil(a.year, a.month, a.day);
        return n < 1 ? 1 : n;
    }
}

/*
 * For the returns: order @o, due at @due, completed in the period after
 * it and not excluded, owing something, is a case.
 */
static ombud_err count_case(state *s, const ombud_order *o, int64_t due)
{
    const ombud_guarantee *g = s->g;
    int64_t owed;
    ombud_comp_case c;
    ombud_err err;

    if (!g->v[K_PER_DAY].set || o->completed_at == OMBUD_TIME_NONE ||
        o->completed_at <= due || o->completed_at <= s->ctx->from ||
        o->completed_at > s->ctx->to ||
        ombud_excluded(&g->v[K_EXCLUDE], o->exclusion) ||
        (o->customer_requested_later &&
         ombud_excluded(&g->v[K_EXCLUDE], "customer_requested_later")))
        return OMBUD_OK;
    if ((err = ombud_tiered_amount(s->ctx, o->order_id,
                                   days_late(s, due, o->completed_at),
                                   g->v[K_PER_DAY].num, g->v[K_TIER_AFTER].num,
                                   g->v[K_PER_DAY_THEN].set ?
                                   g->v[K_PER_DAY_THEN].num : -1, &owed)))
        return err;
    if (owed <= 0)
        return OMBUD_OK;
    c = (ombud_comp_case){o->order_id, o->account_id, o->service, due,
                          o->completed_at, owed};
    return ombud_cases_add(s->returns, &c);
}

static int on_order(void *ud, int64_t row, const ombud_order *o)
{
    state *s = ud;
    const ombud_guarantee *g = s->g;
    int64_t due, done, days;
    ombud_breach b = {"order", "", 0, 0, 0, 0, "s", 0, ""};
    char who[160], dl[40], dn[40], state_t[96], amt[32];
    ombud_err err;

    if (!ombud_param_has(&g->v[K_SERVICES], o->service) ||
        !ombud_param_has(&g->v[K_AREAS], o->area))
        return 0;
    due = deadline(s, o);
    if (s->returns && due != OMBUD_TIME_NONE &&
        (s->err = count_case(s, o, due)))
        return 1;
    if (due == OMBUD_TIME_NONE || due <= s->ctx->from || due > s->ctx->to)
        return 0; /* not due in this period (a deadline at its very end is) */
    if (ombud_excluded(&g->v[K_EXCLUDE], o->exclusion) ||
        (o->customer_requested_later &&
         ombud_excluded(&g->v[K_EXCLUDE], "customer_requested_later"))) {
        ombud_exclusions_add(&s->ex, o->exclusion ? o->exclusion :
                             "customer_requested_later", o->order_id);
        return 0;
    }
    s->res->subjects++;
    done = o->completed_at != OMBUD_TIME_NONE ? o->completed_at : s->ctx->to;
    if (done <= due) {
        s->on_time++;
        return 0;
    }
    s->open_late += o->completed_at == OMBUD_TIME_NONE;
    days = days_late(s, due, done);
    b.at = due;
    b.measured = done - o->ordered_at;
    b.limit = due - o->ordered_at;
    /* The shortfall in the days the detail counts and money is owed for,
     * so "12 days late" and the column agree. */
    b.shortfall = days;
    b.unit = g->v[K_LATE_DAYS].num == 1 ? "s|s|wday" : "s|s|day";
    if (g->v[K_PER_DAY].set &&
        (s->err = ombud_tiered_amount(s->ctx, o->order_id, days,
                                      g->v[K_PER_DAY].num,
                                      g->v[K_TIER_AFTER].num,
                                      g->v[K_PER_DAY_THEN].set ?
                                      g->v[K_PER_DAY_THEN].num : -1,
                                      &b.amount)))
        return 1;
    snprintf(b.subject, sizeof b.subject, "%s", o->order_id);
    ombud_fmt_local(s->ctx->tz, due, dl, sizeof dl);
    ombud_fmt_local(s->ctx->tz, done, dn, sizeof dn);
    ombud_subject_say(o->order_id, o->account_id, who, sizeof who);
    snprintf(state_t, sizeof state_t, o->completed_at != OMBUD_TIME_NONE ?
             _("done %s") : _("still open at %s"), dn);
    if (g->v[K_LATE_DAYS].num == 1)
        /* TRANSLATORS: a late order: its id (and account), its deadline,
         * "done <time>" or "still open at <time>", and the days late. */
        snprintf(b.detail, sizeof b.detail, ombud_ngettext("%s: due by %s, "
                 "%s; %s working day late", "%s: due by %s, %s; %s working "
                 "days late", (unsigned long)days), who, dl, state_t,
                 ombud_n(days));
    else
        snprintf(b.detail, sizeof b.detail, ombud_ngettext("%s: due by %s, "
                 "%s; %s calendar day late", "%s: due by %s, %s; %s "
                 "calendar days late", (unsigned long)days), who, dl, state_t,
                 ombud_n(days));
    if (b.amount) {
        size_t k = strlen(b.detail);
        /* TRANSLATORS: the compensation owed for a late order. */
        snprintf(b.detail + k, sizeof b.detail - k, _("; owed %s %s"),
                 ombud_fmt_amount(b.amount, ombud_currency_digits(
                 s->ctx->currency), amt, sizeof amt),
                 ombud_fmt_currency(s->ctx->currency));
    }
    if ((err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id,
                                      o->order_id, "days_late", days, "count")))
        return (s->err = err) != OMBUD_OK;
    return (s->err = ombud_breach_write(s->ctx, s->res, &b, "orders", row,
                                        NULL, 0)) != OMBUD_OK;
}

/* The method's "The deadline is ..." part: the rule and its calendar. */
static void deadline_rule(const ombud_guarantee *g, char *buf, size_t size)
{
    char rule[200], n[32];
    size_t k;

    if (g->v[K_BY_CLASS].set)
        snprintf(rule, sizeof rule, _("the end of working day N after the "
                 "order (%s)"), g->v[K_BY_CLASS].text);
    else if (g->v[K_WITHIN_WD].set)
        snprintf(rule, sizeof rule, _("the end of working day %s after the "
                 "order"), ombud_fmt_count(g->v[K_WITHIN_WD].num, n, sizeof n));
    else
        snprintf(rule, sizeof rule, "%s", _("the promised date"));
    k = (size_t)snprintf(buf, size, "%s", rule);
    if (k < size && g->v[K_USE_PROMISED].num && (g->v[K_WITHIN_WD].set ||
        g->v[K_BY_CLASS].set))
        k += (size_t)snprintf(buf + k, size - k, "%s",
                              _(", or the promised date when earlier"));
    if (k < size && !g->v[K_USE_PROMISED].num)
        k += (size_t)snprintf(buf + k, size - k, "%s",
                              _(" (promised dates not used)"));
    if (k < size && g->v[K_CALENDAR].set)
        snprintf(buf + k, size - k, _(" (working days: %s)"),
                 g->v[K_CALENDAR].text);
    else if (k < size)
        snprintf(buf + k, size - k, "%s", _(" (working days: every day)"));
}

static void describe(state *s, ombud_result *res)
{
    const ombud_guarantee *g = s->g;
    int by_rule = g->v[K_WITHIN_WD].set || g->v[K_BY_CLASS].set;
    char pct[16], tp[16], rule[400], ex[260], owes[200] = "";

    res->unit = "bp";
    res->measured = ombud_share_bp(s->on_time, res->subjects);
    ombud_rate_set(s->ctx, s->on_time, res->subjects);
    res->target = g->v[K_TARGET].set ? g->v[K_TARGET].num : 10000;
    res->pass = g->v[K_TARGET].set ? s->on_time * 10000 >=
        g->v[K_TARGET].num * res->subjects : res->breaches == 0;
    snprintf(res->measured_text, sizeof res->measured_text,
             ombud_ngettext("%s of %s order done on time (%s); %s late "
             "(%s still open)", "%s of %s orders done on time (%s); %s "
             "late (%s still open)", (unsigned long)res->subjects),
             ombud_n(s->on_time), ombud_n(res->subjects),
             ombud_fmt_bp(res->measured, pct, sizeof pct),
             ombud_n(res->breaches), ombud_n(s->open_late));
    ombud_fmt_bp(g->v[K_TARGET].num, tp, sizeof tp);
    if (g->v[K_TARGET].set)
        snprintf(res->target_text, sizeof res->target_text, by_rule ?
                 _("%s of orders done by the deadline") :
                 _("%s of orders done by the promised date"), tp);
    else
        snprintf(res->target_text, sizeof res->target_text, "%s", by_rule ?
                 _("every order done by the deadline") :
                 _("every order done by the promised date"));
    deadline_rule(g, rule, sizeof rule);
    if (g->v[K_PER_DAY].set)
        snprintf(owes, sizeof owes, "%s", g->v[K_LATE_DAYS].num ?
                 _("; it owes the amount set per day for each working day after the deadline "
                 "up to and including the day of completion") :
                 _("; it owes the amount set per day for each calendar day from the missed "
                 "date to the day before completion"));
    /* TRANSLATORS: services and areas (lists or "all"), the deadline rule
     * with its working days, what a late order owes or nothing, then
     * sentences on exclusions and orders not judged. */
    snprintf(res->method, sizeof res->method, _("Each order whose deadline "
             "falls in the period is judged (services: %s; areas: %s). The "
             "deadline is %s. An order done after it, or still open at the "
             "end of the period, is a breach%s. %s%s"),
             g->v[K_SERVICES].set ? g->v[K_SERVICES].text : _("all"),
             g->v[K_AREAS].set ? g->v[K_AREAS].text : _("all"), rule, owes,
             ombud_exclusions_say(&s->ex, &g->v[K_EXCLUDE], ex, sizeof ex),
             s->unclassed ? _(" Orders whose location class is not in "
             "by_class were not judged.") : "");
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, 0, 0, {0, ""}, NULL, OMBUD_OK};
    int64_t n;
    ombud_err err;

    if (g->v[K_PAID_WITHIN].set)
        s.returns = ombud_cases_new(ctx, g->v[K_PAID_WITHIN].num,
                                    g->v[K_CREDIT_GRACE].set ?
                                    g->v[K_CREDIT_GRACE].num : CREDIT_GRACE);
    /* Every order placed before the period's end: a deadline can be far. */
    err = ombud_store_each_order(ctx->store, INT64_MIN + 1, ctx->to, on_order,
                                 &s);
    if (!err)
        err = s.err;
    if (!err && s.returns)
        err = ombud_cases_settle(s.returns, &n);
    ombud_cases_free(s.returns);
    if (err)
        return err;
    describe(&s, res);
    if (g->v[K_PAID_WITHIN].set)
        /* TRANSLATORS: when a case of the returns became due. */
        ombud_returns_method(res, g->v[K_PAID_WITHIN].num,
                             _("its completion; an order still "
                               "open is not due yet"));
    return OMBUD_OK;
}

static const char *check(const ombud_guarantee *g, const char **key)
{
    *key = "use_promised";
    if (!g->v[K_USE_PROMISED].num && !g->v[K_WITHIN_WD].set &&
        !g->v[K_BY_CLASS].set)
        return "with use_promised = no, give within_working_days or by_class";
    *key = "by_class";
    for (size_t i = 0; g->v[K_BY_CLASS].set && i < g->v[K_BY_CLASS].nlist; i++)
        if (!ombud_word_in(g->v[K_BY_CLASS].list[i],
                           OMBUD_LOCATION_WORDS "|other"))
            return "classes are urban, major_rural, minor_rural, remote or "
                   "other (a blank location_class)";
    *key = "exclude";
    if (ombud_exclude_check(&g->v[K_EXCLUDE]))
        return ombud_exclude_check(&g->v[K_EXCLUDE]);
    return ombud_tier_check(&g->v[K_PER_DAY], &g->v[K_TIER_AFTER],
                            &g->v[K_PER_DAY_THEN], "per_day", key);
}

/* An account's late orders, in its dossier. */
static const ombud_drawing drawing = {OMBUD_CHART_NONE, NULL, NULL, 0,
                                      OMBUD_COUNTER_ORDERS,
                                      N_("Delayed provision"), 0};

const ombud_rule ombud_rule_provisioning = {
    "provisioning", "orders for new service done by the deadline",
    N_("new service installed on time"), &drawing,
    params, K_N, evaluate, check,
    &ombud_months_rate,
    NULL,
    0,
    OMBUD_LOOKS_BILLING | OMBUD_LOOKS_AREAS
};
