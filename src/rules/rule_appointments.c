/*
 * rule_appointments.c - "we keep the appointments we make": each booked
 * engineer appointment whose window starts in the period.
 *
 * An appointment is missed when the engineer did not arrive by the end of
 * the window (plus `grace`), or when the provider cancelled it with less
 * than `min_notice` before the window started (Ofcom: under 24 hours). A
 * provider cancellation with enough notice, a customer cancellation and a
 * customer who was not there (customer_absent) are not judged: they are
 * counted and said in the method. A window still running at the end of
 * the period with no arrival yet is pending, not judged. With
 * `max_window`, a window longer than that is a breach of its own (the CSG
 * allows at most 5 hours). Each missed appointment owes `per_missed`.
 * With `target` the status follows the share kept; without it any breach
 * fails the guarantee.
 *
 * With `paid_within_days` (Ofcom's automatic compensation returns) each
 * missed appointment owed `per_missed` is also a case of the returns
 * (credit.h), counted in the month it became due: when it was missed,
 * i.e. the end of the window plus `grace` for an engineer who never came
 * or came late, the moment of the cancellation for a provider's
 * cancellation with too little notice. Those cases are every appointment
 * missed in the period, whenever its window started (a window of the
 * day before, a cancellation for the day after), so they are read apart
 * from the judged ones. Its credits are the account's posted from the
 * window's start (or the cancellation, if earlier) to `credit_grace`
 * (60 days) after it became due, matched by reference naming the
 * appointment_id, then by service (an appointment names none: any credit
 * that names no other appointment of the guarantee, and no outage or
 * order the store holds).
 */
#include <stdio.h>
#include <string.h>

#include "ombud/credit.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/value.h"

enum { K_MIN_NOTICE, K_GRACE, K_MAX_WINDOW, K_PER_MISSED, K_TARGET, K_KINDS,
       K_PAID_WITHIN, K_CREDIT_GRACE, K_N };

static const ombud_param_def params[K_N] = {
    [K_MIN_NOTICE] = {"min_notice", OMBUD_P_DURATION, 0, "24h", NULL,
                      "a provider cancellation with less notice is a miss"},
    [K_GRACE] = {"grace", OMBUD_P_DURATION, 0, "0s", NULL,
                 "an arrival this long after the window still counts"},
    [K_MAX_WINDOW] = {"max_window", OMBUD_P_DURATION, 0, NULL, NULL,
                      "longest window allowed, e.g. 5h"},
    [K_PER_MISSED] = {"per_missed", OMBUD_P_MONEY, 0, NULL, NULL,
                      "compensation for each missed appointment"},
    [K_TARGET] = {"target", OMBUD_P_PERCENT, 0, NULL, NULL,
                  "share of appointments that must be kept"},
    [K_KINDS] = {"kinds", OMBUD_P_LIST, 0, NULL, NULL,
                 "only these kinds: repair, install (default: all)"},
    [K_PAID_WITHIN] = {"paid_within_days", OMBUD_P_COUNT, 0, NULL, NULL,
                       "count the returns: cases, owed, paid per month, and "
                       "the share paid in full within this many days"},
    [K_CREDIT_GRACE] = {"credit_grace", OMBUD_P_DURATION, 0, NULL, NULL,
                        "returns: credits posted up to this long after a miss "
                        "count (default 60d)"},
};

/* Credits counted for the returns up to this long after a miss, when
 * credit_grace is not given (outage_credit's grace). */
#define CREDIT_GRACE (60 * 86400)

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t kept, missed, customer, noticed, pending, long_windows;
    ombud_err err;
} state;

static ombud_err missed(state *s, int64_t row, const ombud_appointment *a,
                        const char *why, int64_t measured, int64_t limit)
{
    ombud_breach b = {"appointment", "", a->window_start, measured, limit,
                      measured - limit, "s", 0, ""};
    char who[160], w0[40], w1[40], amt[32];

    if (s->g->v[K_PER_MISSED].set)
        b.amount = s->g->v[K_PER_MISSED].num;
    snprintf(b.subject, sizeof b.subject, "%s", a->appointment_id);
    ombud_subject_say(a->appointment_id, a->account_id, who, sizeof who);
    ombud_fmt_local(s->ctx->tz, a->window_start, w0, sizeof w0);
    ombud_fmt_local(s->ctx->tz, a->window_end, w1, sizeof w1);
    if (b.amount)
        /* TRANSLATORS: a missed appointment: its id (and account), the
         * booked window from/to, why it was missed ("the engineer never
         * came"), and the compensation owed with its currency. */
        snprintf(b.detail, sizeof b.detail, _("%s: window %s to %s: %s; owed "
                 "%s %s"), who, w0, w1, why, ombud_fmt_amount(b.amount,
                 ombud_currency_digits(s->ctx->currency), amt, sizeof amt),
                 ombud_fmt_currency(s->ctx->currency));
    else
        snprintf(b.detail, sizeof b.detail, _("%s: window %s to %s: %s"), who,
                 w0, w1, why);
    s->missed++;
    return ombud_breach_write(s->ctx, s->res, &b, "appointments", row, NULL, 0);
}

/* Kept, missed (a breach) or not judged. */
static ombud_err judge_kept(state *s, int64_t row, const ombud_appointment *a)
{
    int64_t due = a->window_end + s->g->v[K_GRACE].num, notice;
    char why[160], n[32], late[32];

    if (a->cancelled_by && !strcmp(a->cancelled_by, "customer")) {
        s->customer++;
        return OMBUD_OK;
    }
    if (a->cancelled_by) {
        notice = a->window_start - a->cancelled_at;
        if (notice >= s->g->v[K_MIN_NOTICE].num) {
            s->noticed++;
            return OMBUD_OK;
        }
        if (notice < 0)
            snprintf(why, sizeof why, "%s",
                     _("cancelled by the provider with no notice"));
        else
            snprintf(why, sizeof why, _("cancelled by the provider with %s "
                     "notice"), ombud_fmt_duration(notice, n, sizeof n));
        return missed(s, row, a, why, notice < 0 ? 0 : notice,
                      s->g->v[K_MIN_NOTICE].num);
    }
    if (a->customer_absent) {
        s->customer++;
        return OMBUD_OK;
    }
    if (a->arrived_at != OMBUD_TIME_NONE && a->arrived_at <= due) {
        s->kept++;
        return OMBUD_OK;
    }
    if (a->arrived_at == OMBUD_TIME_NONE && due > s->ctx->to) {
        s->pending++;
        return OMBUD_OK;
    }
    if (a->arrived_at == OMBUD_TIME_NONE)
        snprintf(why, sizeof why, "%s", _("the engineer never came"));
    else
        snprintf(why, sizeof why, _("the engineer came %s after the window"),
                 ombud_fmt_duration(a->arrived_at - a->window_end, late,
                                    sizeof late));
    return missed(s, row, a, why, (a->arrived_at == OMBUD_TIME_NONE ?
                  s->ctx->to : a->arrived_at) - a->window_start,
                  a->window_end - a->window_start);
}

static int on_appointment(void *ud, int64_t row, const ombud_appointment *a)
{
    state *s = ud;
    const ombud_param *maxw = &s->g->v[K_MAX_WINDOW];
    int64_t len = a->window_end - a->window_start;
    ombud_err err;

    if (!ombud_param_has(&s->g->v[K_KINDS], a->kind))
        return 0;
    s->res->subjects++;
    if (maxw->set && len > maxw->num) {
        ombud_breach b = {"appointment", "", a->window_start, len, maxw->num,
                          len - maxw->num, "s", 0, ""};
        char l[32], m[32];
        s->long_windows++;
        snprintf(b.subject, sizeof b.subject, "%s", a->appointment_id);
        snprintf(b.detail, sizeof b.detail, _("%s: a window of %s, longer "
                 "than the %s allowed"), a->appointment_id,
                 ombud_fmt_duration(len, l, sizeof l),
                 ombud_fmt_duration(maxw->num, m, sizeof m));
        if ((err = ombud_breach_write(s->ctx, s->res, &b, "appointments", row,
                                      NULL, 0)))
            return (s->err = err) != OMBUD_OK;
    }
    return (s->err = judge_kept(s, row, a)) != OMBUD_OK;
}

/*
 * For the returns: is @a a miss that owes compensation, and when did it
 * become due (*@due)? The same reading as judge_kept(), without counting.
 */
static int miss_due(const state *s, const ombud_appointment *a, int64_t *due)
{
    int64_t end = a->window_end + s->g->v[K_GRACE].num;

    if (a->cancelled_by && !strcmp(a->cancelled_by, "customer"))
        return 0;
    if (a->cancelled_by) {
        *due = a->cancelled_at;
        return a->window_start - a->cancelled_at < s->g->v[K_MIN_NOTICE].num;
    }
    if (a->customer_absent ||
        (a->arrived_at != OMBUD_TIME_NONE && a->arrived_at <= end))
        return 0;
    *due = end;
    return 1;
}

typedef struct returns {
    const state *s;
    ombud_cases *cs;
    ombud_err err;
} returns;

static int on_returned(void *ud, int64_t row, const ombud_appointment *a)
{
    returns *r = ud;
    const state *s = r->s;
    int64_t due;
    ombud_comp_case c;

    (void)row;
    if (!ombud_param_has(&s->g->v[K_KINDS], a->kind) || !miss_due(s, a, &due) ||
        due <= s->ctx->from || due > s->ctx->to)
        return 0;
    c = (ombud_comp_case){a->appointment_id, a->account_id, NULL,
                          a->window_start < due ? a->window_start : due, due,
                          s->g->v[K_PER_MISSED].num};
    return (r->err = ombud_cases_add(r->cs, &c)) != OMBUD_OK;
}

/*
 * The returns: every appointment missed in the period that owes
 * something, whenever its window was (a provider may cancel up to
 * min_notice before the window starts).
 */
static ombud_err count_returns(state *s)
{
    const ombud_guarantee *g = s->g;
    returns r = {s, ombud_cases_new(s->ctx, g->v[K_PAID_WITHIN].num,
                 g->v[K_CREDIT_GRACE].set ? g->v[K_CREDIT_GRACE].num :
                 CREDIT_GRACE), OMBUD_OK};
    int64_t n;
    ombud_err err;

    if (g->v[K_PER_MISSED].num > 0)
        err = ombud_store_each_appointment(s->ctx->store, INT64_MIN + 1,
                                           s->ctx->to + g->v[K_MIN_NOTICE].num,
                                           on_returned, &r);
    else
        err = OMBUD_OK;
    if (!err)
        err = r.err;
    if (!err)
        err = ombud_cases_settle(r.cs, &n);
    ombud_cases_free(r.cs);
    return err;
}

static void describe(state *s, ombud_result *res)
{
    const ombud_guarantee *g = s->g;
    int64_t judged = s->kept + s->missed;
    char pct[16], tp[16], n[32], mn[64], mw[96] = "", notes[400],
         plus[96];
    size_t k;

    if (g->v[K_MAX_WINDOW].set)
        snprintf(mw, sizeof mw, _("; windows at most %s"),
                 ombud_fmt_duration(g->v[K_MAX_WINDOW].num, n, sizeof n));
    res->unit = "bp";
    res->measured = ombud_share_bp(s->kept, judged);
    ombud_rate_set(s->ctx, s->kept, judged);
    res->target = g->v[K_TARGET].set ? g->v[K_TARGET].num : 10000;
    res->pass = g->v[K_TARGET].set ? s->kept * 10000 >= g->v[K_TARGET].num *
        judged && !s->long_windows : res->breaches == 0;
    /* TRANSLATORS: "1 of 3 appointments kept (33.33%); 2 missed". */
    k = (size_t)snprintf(res->measured_text, sizeof res->measured_text,
             ombud_ngettext("%s of %s appointment kept (%s); %s missed",
             "%s of %s appointments kept (%s); %s missed",
             (unsigned long)judged), ombud_n(s->kept), ombud_n(judged),
             ombud_fmt_bp(res->measured, pct, sizeof pct),
             ombud_n(s->missed));
    if (s->long_windows && k < sizeof res->measured_text)
        snprintf(res->measured_text + k, sizeof res->measured_text - k, "%s",
                 _(", some windows too long"));
    if (g->v[K_TARGET].set)
        snprintf(res->target_text, sizeof res->target_text, _("%s of "
                 "appointments kept%s"), ombud_fmt_bp(g->v[K_TARGET].num,
                 tp, sizeof tp), mw);
    else
        snprintf(res->target_text, sizeof res->target_text, _("every "
                 "appointment kept%s"), mw);
    /* TRANSLATORS: the counts of appointments not judged, after the
     * method's "Not judged:". */
    k = (size_t)snprintf(notes, sizeof notes, ombud_ngettext("%s cancelled "
             "by the customer or with the customer absent", "%s cancelled "
             "by the customer or with the customer absent",
             (unsigned long)s->customer), ombud_n(s->customer));
    if (k < sizeof notes)
        k += (size_t)snprintf(notes + k, sizeof notes - k, ombud_ngettext(
                 ", %s cancelled by the provider with enough notice", ", %s "
                 "cancelled by the provider with enough notice",
                 (unsigned long)s->noticed), ombud_n(s->noticed));
    if (k < sizeof notes)
        snprintf(notes + k, sizeof notes - k, ombud_ngettext(", %s still "
                 "pending at the end of the period", ", %s still pending at "
                 "the end of the period", (unsigned long)s->pending),
                 ombud_n(s->pending));
    ombud_fmt_duration(g->v[K_MIN_NOTICE].num, mn, sizeof mn);
    /* No "plus 0 s" when there is no grace. */
    ombud_fmt_phrase_duration(_(" plus %s"), g->v[K_GRACE].num, plus,
                              sizeof plus);
    /* TRANSLATORS: kinds (a list or "all"), the grace after the window, the
     * notice a provider cancellation needs, "; each miss owes the amount
     * set per missed appointment"
     * or nothing, and the appointments not judged. */
    snprintf(res->method, sizeof res->method, _("Each appointment whose "
             "window starts in the period (kinds: %s) is kept when the "
             "engineer arrived by the end of the window%s. It is missed "
             "when nobody came or came later, or when the provider cancelled "
             "with less than %s notice%s. Not judged: %s."),
             g->v[K_KINDS].set ? g->v[K_KINDS].text : _("all"),
             plus, mn,
             g->v[K_PER_MISSED].set ? _("; each miss owes the amount set per "
             "missed appointment") : "",
             notes);
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, 0, 0, 0, 0, 0, 0, OMBUD_OK};
    ombud_err err;

    if ((err = ombud_store_each_appointment(ctx->store, ctx->from, ctx->to,
                                            on_appointment, &s)))
        return err;
    if (s.err)
        return s.err;
    if (g->v[K_PAID_WITHIN].set && (err = count_returns(&s)))
        return err;
    describe(&s, res);
    if (g->v[K_PAID_WITHIN].set)
        /* TRANSLATORS: when a case of the returns became due. */
        ombud_returns_method(res, g->v[K_PAID_WITHIN].num,
                             _("the miss: the end of the window, or "
                               "the provider's cancellation"));
    return OMBUD_OK;
}

/* An account's missed appointments, in its dossier. */
static const ombud_drawing drawing = {OMBUD_CHART_NONE, NULL, NULL, 0,
                                      OMBUD_COUNTER_APPOINTMENTS,
                                      N_("Missed appointment"), 0};

const ombud_rule ombud_rule_appointments = {
    "appointments", "booked appointments kept",
    N_("appointments kept"), &drawing,
    params, K_N, evaluate, NULL,
    &ombud_months_rate,
    NULL,
    0,
    OMBUD_LOOKS_BILLING | OMBUD_LOOKS_AREAS
};
