/*
 * rule_outage_credit.c - "credit for every outage day": the credit owed for
 * each outage longer than `min_duration`, against the credits posted.
 *
 * Outages open at some moment of the period count (started before its
 * end, restored after its start or not at all), each for its whole
 * duration.
 *
 * Owed, by `method`:
 *   pro_rata  the prorated charge: the account's charge for the outage's
 *             service (a charge naming no service serves any; an outage
 *             naming none takes any charge) whose billing period covers the
 *             clock start, the last posted when several do; times the
 *             outage duration, divided by the length of that billing period
 *             (period_start to the end of period_end's day), rounded to
 *             minor units by `rounding` (half_up by default). Computed in
 *             integers: exact. The breach names the charge's reference.
 *   per_day   `per_day` for each started day of outage; with
 *             `after_working_days` N (and a `calendar` of working days, e.g.
 *             mon-fri 00:00-24:00) only the days after the first N working
 *             days count, as in Ofcom's automatic compensation.
 * The whole duration counts (to restoration even after the period; to the
 * end of the period if still open). An outage with no account_id applies to
 * every account of its area that has a charge for the service.
 * The charge is searched for up to a year before the outage (annual
 * charges); the billing period ends at the local midnight after
 * period_end, so a period with a DST change has its true length. When no
 * charge covers the outage start, nothing can be computed pro rata: the
 * outage is counted and said ("no charge found"), not given a zero.
 * Credited: the account's credits posted from the outage start to `grace`
 * after its end, matched first by reference, then by service: first every
 * credit whose reference or description names the outage (its outage_id
 * as a whole word, letters, digits, '-' and '_' bounding it), whatever its
 * service; then the credits for the outage's service (or for no named
 * service) that name no other outage being credited. Each credit is used
 * once, in posting order within each pass, across all outages, so one
 * credit never pays for two outages. A shortfall is a breach whose amount is what
 * is still owed; its evidence is the outage, the charge and the credits
 * used. The matching is credit.c's, shared with the returns of
 * appointments and provisioning.
 *
 * With `paid_within_days` (Ofcom's automatic compensation returns) each
 * account outage restored in the period and owed something is also a
 * case of the returns (credit.h): due at its restoration, paid what its
 * credits cover. An outage still open is still accruing: no case yet.
 * Then a credit that names another outage, appointment or order the store
 * holds is not taken by service (one credit, one record, across the
 * three types of the return).
 */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/credit.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/value.h"

enum { K_METHOD, K_MIN_DURATION, K_PER_DAY, K_AFTER_WD, K_CALENDAR, K_GRACE,
       K_SERVICES, K_ROUNDING, K_EXCLUDE, K_CLOCK, K_PAID_WITHIN, K_N };

static const ombud_param_def params[K_N] = {
    [K_METHOD] = {"method", OMBUD_P_WORD, 1, NULL, "pro_rata|per_day",
                  "pro_rata (share of the monthly charge) or per_day"},
    [K_MIN_DURATION] = {"min_duration", OMBUD_P_DURATION, 0, "0s", NULL,
                        "only outages longer than this earn a credit"},
    [K_PER_DAY] = {"per_day", OMBUD_P_MONEY, 0, NULL, NULL,
                   "per_day: amount for each day, e.g. 9.76"},
    [K_AFTER_WD] = {"after_working_days", OMBUD_P_COUNT, 0, "0", NULL,
                    "per_day: days count only after this many working days"},
    [K_CALENDAR] = {"calendar", OMBUD_P_CALENDAR, 0, NULL, NULL,
                    "working days for after_working_days"},
    [K_GRACE] = {"grace", OMBUD_P_DURATION, 0, "60d", NULL,
                 "credits posted up to this long after the outage count"},
    [K_SERVICES] = {"services", OMBUD_P_LIST, 0, NULL, NULL,
                    "only outages of these services (default: all)"},
    [K_ROUNDING] = {"rounding", OMBUD_P_WORD, 0, "half_up", "half_up|down|up",
                    "pro_rata: how the share is rounded to minor units"},
    [K_EXCLUDE] = {"exclude", OMBUD_P_LIST, 0, NULL, NULL,
                   "outages with these exclusion reasons earn no credit"},
    [K_CLOCK] = {"clock", OMBUD_P_WORD, 0, "started", "started|reported",
                 "the outage counts from started_at or from reported_at"},
    [K_PAID_WITHIN] = {"paid_within_days", OMBUD_P_COUNT, 0, NULL, NULL,
                       "count the returns: cases, owed, paid per month, and "
                       "the share paid in full within this many days"},
};

/*
 * An outage that earns a credit (or was excluded), in outage order. Its
 * accounts' billing is asked of the store for all outages at once and
 * comes back by claim: one index probe per account was what made a year's
 * store slow (store.h, ombud_store_ask_billing).
 */
typedef struct claim {
    int64_t outage_row;
    const char *outage_id, *service;  /* in the state's strings */
    int64_t start, end;               /* the outage as credited */
    int excluded;                     /* left out by `exclude` */
    int open;                         /* not restored by the period's end */
} claim;

/* The credit search for one account. */
typedef struct account {
    const struct state *s;
    const claim *c;
    int64_t charge_row, charge, period_len;
    char *charge_ref;         /* the prorated charge's reference (owned) */
    ombud_claim *claim;       /* its credits (credit.h), owned */
} account;

/* The roundings in words, in the order of the rounding key's values. */
static const char *const rounding_words[] = {N_("half up"), N_("down"),
                                             N_("up")};

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    int64_t owed, credited, uncharged;
    ombud_credits *m;         /* every claim's outage_id, credits used */
    ombud_returns *returns;   /* with paid_within_days, else NULL */
    ombud_exclusions ex;      /* outages left out by `exclude` */
    GArray *claims;           /* claim, by tag */
    GStringChunk *strings;    /* the claims' texts */
    guint settled;            /* claims before this one are done */
    account cur;              /* the account being read, if open */
    int open;
    char *acct;               /* its account id (owned) */
    ombud_err err;
} state;

/*
 * amount * num / den in integers, rounded by @mode (0 half up, 1 down,
 * 2 up), into *@out. Split as q * num + r * num / den so that ordinary
 * figures never come near 64 bits; absurd ones (a charge of 10^13 for an
 * outage of centuries) are an error, never a wrapped, negative amount.
 */
static ombud_err share(const state *s, const char *subject, int64_t amount,
                       int64_t num, int64_t den, int64_t mode, int64_t *out)
{
    static const char what[] = "the amount owed";
    int64_t q = amount / den, r = amount % den, whole, part, rem;
    ombud_err err;

    if ((err = ombud_checked_mul(s->ctx, subject, what, q, num, &whole)) ||
        (err = ombud_checked_mul(s->ctx, subject, what, r, num, &part)) ||
        (err = ombud_checked_add(s->ctx, subject, what, whole, part / den,
                                 &whole)))
        return err;
    rem = part % den;
    if ((mode == 0 && 2 * rem >= den) || (mode == 2 && rem > 0))
        return ombud_checked_add(s->ctx, subject, what, whole, 1, out);
    *out = whole;
    return OMBUD_OK;
}

static int on_billing(void *ud, int64_t row, const ombud_billing *b)
{
    account *a = ud;
    int64_t grace = a->s->g->v[K_GRACE].num, end;

    if (!strcmp(b->kind, "credit") && b->posted_at >= a->c->start &&
        b->posted_at <= a->c->end + grace) {
        ombud_claim_offer(a->claim, a->s->m, a->c->outage_id, a->c->service,
                          row, b);
        return 0;
    }
    if (a->c->service && b->service && strcmp(a->c->service, b->service))
        return 0;
    if (!strcmp(b->kind, "charge") && b->period_start != OMBUD_TIME_NONE &&
        b->period_end != OMBUD_TIME_NONE && b->period_start <= a->c->start &&
        a->c->start < (end = ombud_next_midnight(a->s->ctx->tz,
                                                  b->period_end))) {
        a->charge_row = row;
        a->charge = b->amount;
        a->period_len = end - b->period_start;
        g_free(a->charge_ref);
        a->charge_ref = g_strdup(b->reference);
    }
    return 0;
}

/*
 * per_day: the days owed. The count starts after `after_working_days` full
 * working days following the day the outage began (a working day is one
 * on which the calendar is open at all; every day without a calendar).
 */
static int64_t days_owed(const state *s, int64_t start, int64_t end)
{
    const ombud_calendar *cal = s->g->v[K_CALENDAR].cal;
    int64_t t0 = start, n = s->g->v[K_AFTER_WD].num;

    if (n > 0) {
        int64_t day = ombud_next_midnight(s->ctx->tz, start);
        for (int64_t worked = 0, i = 0; worked < n && i < 3660; i++) {
            int64_t next = ombud_next_midnight(s->ctx->tz, day);
            worked += !cal || ombud_calendar_open_seconds(cal, day, next) > 0;
            day = next;
        }
        t0 = day;
    }
    return end > t0 ? (end - t0 + 86399) / 86400 : 0;
}

static ombud_err breach(const state *s, const account *a, int64_t owed,
                        char *subject)
{
    int digits = ombud_currency_digits(s->ctx->currency);
    int64_t credited = ombud_claim_paid(a->claim);
    ombud_breach b = {"outage", "", a->c->start, credited, owed,
                      owed - credited, "minor", owed - credited, ""};
    char d[32], o[32], c[32], ch[32], chr[160];
    int64_t id;
    ombud_err err;

    snprintf(b.subject, sizeof b.subject, "%s", subject);
    ombud_fmt_duration(a->c->end - a->c->start, d, sizeof d);
    ombud_fmt_amount(owed, digits, o, sizeof o);
    ombud_fmt_amount(credited, digits, c, sizeof c);
    /* The prorated charge by its amount and, when it has one, reference:
     * "64.99 (INV-1001-2610)". */
    ombud_fmt_amount(a->charge, digits, ch, sizeof ch);
    snprintf(chr, sizeof chr, a->charge_ref ? "%s (%s)" : "%s", ch,
             a->charge_ref);
    if (s->g->v[K_METHOD].num == 0) {
        char od[32], pd[32]; /* the outage and the billing period, as read */

        ombud_fmt_hours(a->c->end - a->c->start, od, sizeof od);
        ombud_fmt_hours(a->period_len, pd, sizeof pd);
        /* TRANSLATORS: "TT-1/ACC-1: out 112 h; owed 9.78 USD = 64.99 × 112 h
         * / 744 h (pro rata, rounded half up); credited 0.00". */
        snprintf(b.detail, sizeof b.detail, _("%s: out %s; owed %s %s = %s × "
                 "%s / %s (pro rata, rounded %s); credited %s"), subject, d, o,
                 ombud_fmt_currency(s->ctx->currency), chr, od, pd,
                 _(rounding_words[s->g->v[K_ROUNDING].num]), c);
    } else
        snprintf(b.detail, sizeof b.detail, ombud_ngettext("%s: out %s; "
                 "owed %s %s = %s day × %s; credited %s", "%s: out %s; owed "
                 "%s %s = %s days × %s; credited %s", (unsigned long)
                 days_owed(s, a->c->start, a->c->end)), subject, d, o,
                 ombud_fmt_currency(s->ctx->currency),
                 ombud_n(days_owed(s, a->c->start, a->c->end)),
                 ombud_fmt_amount(s->g->v[K_PER_DAY].num, digits, ch,
                                  sizeof ch), c);
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &b, &id)) ||
        (err = ombud_store_add_evidence(s->ctx->store, id, "outages",
                                        a->c->outage_row)))
        return err;
    if (a->charge_row &&
        (err = ombud_store_add_evidence(s->ctx->store, id, "billing_events",
                                        a->charge_row)))
        return err;
    for (size_t i = 0; i < ombud_claim_nused(a->claim); i++)
        if ((err = ombud_store_add_evidence(s->ctx->store, id, "billing_events",
                   ombud_claim_used(a->claim, i))))
            return err;
    return OMBUD_OK;
}

/* Add one account's owed and credited to the guarantee's totals, checked. */
static ombud_err totals(state *s, int64_t owed, int64_t credited)
{
    ombud_err err;

    if ((err = ombud_checked_add(s->ctx, "all accounts", "the total owed",
                                 s->owed, owed, &s->owed)))
        return err;
    return ombud_checked_add(s->ctx, "all accounts", "the total credited",
                             s->credited, credited, &s->credited);
}

/* Owed and credited for the account read (s->cur); a breach if short. */
static ombud_err settle(state *s)
{
    account *a = &s->cur;
    const claim *c = a->c;
    /* Whole, however long the ids: cut to a buffer, two accounts of one
     * long outage id became one subject. */
    char *subject = g_strdup_printf("%s/%s", c->outage_id, s->acct);
    int64_t owed, credited;
    ombud_err err = OMBUD_OK;

    s->open = 0;
    s->res->subjects++;
    if (s->g->v[K_METHOD].num == 0 && a->period_len <= 0) {
        s->uncharged++;
        err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id, subject,
                                     "no_charge_found", 1, "count");
        goto done;
    }
    if (s->g->v[K_METHOD].num == 0)
        err = share(s, subject, a->charge, c->end - c->start, a->period_len,
                    s->g->v[K_ROUNDING].num, &owed);
    else
        err = ombud_checked_mul(s->ctx, subject, "the amount owed",
                                s->g->v[K_PER_DAY].num,
                                days_owed(s, c->start, c->end), &owed);
    if (err)
        goto done;
    /* By reference first, then by service (credit.h). */
    ombud_claim_settle(a->claim, s->m, owed);
    credited = ombud_claim_paid(a->claim);
    if ((err = totals(s, owed, credited)))
        goto done;
    err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id, subject,
                                 OMBUD_FIG_OWED, owed, "minor");
    if (!err)
        err = ombud_store_add_figure(s->ctx->store, s->ctx->result_id, subject,
                                     OMBUD_FIG_CREDITED, credited, "minor");
    if (!err && owed > credited &&
        !(err = ombud_checked_add(s->ctx, subject, "the total owed",
                                  s->res->amount, owed - credited,
                                  &s->res->amount))) {
        err = breach(s, a, owed, subject);
        s->res->breaches++;
    }
    /* The returns count a repair when it is done: restored in the period,
     * with something owed (credit.h). */
    if (!err && s->returns && !c->open && owed > 0 &&
        c->end > s->ctx->from && c->end <= s->ctx->to)
        err = ombud_returns_count(s->returns, subject, c->end, owed, credited,
                                  ombud_claim_paid_at(a->claim));
done:
    ombud_claim_free(a->claim);
    g_free(a->charge_ref);
    g_free(subject);
    return err;
}

/* Claims before @upto that asked nothing: an excluded outage's figure is
 * written in its place among the others, as outage order puts it. */
static ombud_err settle_claims(state *s, guint upto)
{
    for (; s->settled < upto; s->settled++) {
        const claim *c = &g_array_index(s->claims, claim, s->settled);
        ombud_err err;
        if (c->excluded && (err = ombud_store_add_figure(s->ctx->store,
                            s->ctx->result_id, c->outage_id, "excluded", 1,
                            "count")))
            return err;
    }
    return OMBUD_OK;
}

/* One billing row (or none) of account @acct of claim @tag. */
static int on_asked(void *ud, int64_t tag, const char *acct, int64_t row,
                    const ombud_billing *b)
{
    state *s = ud;

    if (!s->open || (guint)tag + 1 != s->settled || strcmp(acct, s->acct)) {
        if (s->open && (s->err = settle(s)))
            return 1;
        assert(tag >= 0 && (guint)tag < s->claims->len);
        if ((s->err = settle_claims(s, (guint)tag)))
            return 1;
        s->settled = (guint)tag + 1;
        s->cur = (account){s, &g_array_index(s->claims, claim, tag), 0, 0, 0,
                           NULL, ombud_claim_new()};
        g_free(s->acct);
        s->acct = g_strdup(acct);
        s->open = 1;
    }
    if (b)
        on_billing(&s->cur, row, b);
    return 0;
}

/* Remember outage @o as a claim; its look-up, if it asks one. */
static ombud_err add_claim(state *s, int64_t row, const ombud_outage *o,
                           int64_t start, int64_t end, int excluded)
{
    claim c = {row, g_string_chunk_insert_const(s->strings, o->outage_id),
               o->service ? g_string_chunk_insert_const(s->strings,
                                                        o->service) : NULL,
               start, end, excluded, o->restored_at == OMBUD_TIME_NONE};
    /* A year back finds annual charges; credits come up to grace after. */
    ombud_billing_ask ask = {o->account_id, o->area, o->service,
                             start - 366 * 86400,
                             end + s->g->v[K_GRACE].num + 1, start};

    g_array_append_val(s->claims, c);
    ombud_credits_add_case(s->m, c.outage_id);
    if (excluded)
        return OMBUD_OK;
    return ombud_store_ask_billing(s->ctx->store, s->claims->len - 1, &ask);
}

static int on_outage(void *ud, int64_t row, const ombud_outage *o)
{
    state *s = ud;
    int64_t end = o->restored_at != OMBUD_TIME_NONE ? o->restored_at : s->ctx->to;
    int64_t start = s->g->v[K_CLOCK].num == 1 && o->reported_at !=
        OMBUD_TIME_NONE ? o->reported_at : o->started_at;

    if (!ombud_param_has(&s->g->v[K_SERVICES], o->service))
        return 0;
    if (ombud_excluded(&s->g->v[K_EXCLUDE], o->exclusion)) {
        ombud_exclusions_add(&s->ex, o->exclusion, o->outage_id);
        return (s->err = add_claim(s, row, o, start, end, 1)) != OMBUD_OK;
    }
    if (end < start)
        end = start;
    if (end - start <= s->g->v[K_MIN_DURATION].num ||
        (!o->account_id && !o->area))
        return 0;
    return (s->err = add_claim(s, row, o, start, end, 0)) != OMBUD_OK;
}

static void describe(const state *s, ombud_result *res)
{
    /* TRANSLATORS: the `method` key's words, shown after the target. */
    static const char *const methods[] = {N_("pro rata"), N_("per day")};
    int digits = ombud_currency_digits(s->ctx->currency);
    char o[32], c[32], sh[32], min[64], gr[64], ex[260], rounding[400],
         longer[128];
    char unch[120] = "";

    res->unit = "minor";
    res->measured = s->credited;
    res->target = s->owed;
    res->pass = res->breaches == 0;
    if (s->uncharged) /* counted, so that the reader sees how many */
        snprintf(unch, sizeof unch, ombud_ngettext("; %s outage has no "
                 "charge to prorate", "; %s outages have no charge to "
                 "prorate", (unsigned long)s->uncharged),
                 ombud_n(s->uncharged));
    snprintf(res->measured_text, sizeof res->measured_text, ombud_ngettext(
             "credited %s of %s %s owed for %s account outage; %s short%s",
             "credited %s of %s %s owed for %s account outages; %s short%s",
             (unsigned long)res->subjects),
             ombud_fmt_amount(s->credited, digits, c, sizeof c),
             ombud_fmt_amount(s->owed, digits, o, sizeof o),
             ombud_fmt_currency(s->ctx->currency), ombud_n(res->subjects),
             ombud_fmt_amount(res->amount, digits, sh, sizeof sh),
             unch);
    ombud_fmt_duration(s->g->v[K_MIN_DURATION].num, min, sizeof min);
    /* TRANSLATORS: %s is the rounding: "half up", "down" or "up". */
    snprintf(rounding, sizeof rounding, _("Pro rata: the prorated charge is "
             "the account's charge for the outage's service (a charge naming "
             "no service serves any) whose billing period covers the clock "
             "start, the last posted if several do; owed = that charge x the "
             "outage's seconds / the billing period's seconds, rounded %s to "
             "minor units."), _(rounding_words[s->g->v[K_ROUNDING].num]));
    /* No "over 0 s": with no minimum every outage counts. */
    if (s->g->v[K_MIN_DURATION].num)
        snprintf(res->target_text, sizeof res->target_text, _("every outage "
                 "over %s credited (%s)"), min,
                 _(methods[s->g->v[K_METHOD].num]));
    else
        snprintf(res->target_text, sizeof res->target_text, _("every outage "
                 "credited (%s)"), _(methods[s->g->v[K_METHOD].num]));
    /* TRANSLATORS: the minimum duration an outage must pass to earn a
     * credit, as a phrase inside the method (" and longer than 24 h"). */
    ombud_fmt_phrase_duration(_(" and longer than %s"),
                              s->g->v[K_MIN_DURATION].num, longer,
                              sizeof longer);
    /* TRANSLATORS: the minimum duration, where the clock starts, the
     * owed sentence (pro rata or per day), the grace and the exclusions. */
    snprintf(res->method, sizeof res->method, _("Each outage open at some "
             "moment of the period (started before its end, restored after "
             "its start or still open)%s earns a credit for "
             "its whole duration, from %s to restoration (to the end of the "
             "period if still open), for its account or every charged account "
             "of its area. %s Credits posted from the outage start to %s after "
             "its end are set against it: first those whose reference or "
             "description names the outage (its outage_id as a whole word), "
             "whatever their service; then those for its service, or for no "
             "service, that name no other outage. Each credit is used once, "
             "in posting order. What is still owed is the breach amount. %s"),
             longer, s->g->v[K_CLOCK].num ? _("the customer's report, else its "
             "start") : _("its start"),
             s->g->v[K_METHOD].num == 0 ? rounding : _("Per day: the amount set "
             "per day for each started day, after the working days allowed."),
             ombud_fmt_duration(s->g->v[K_GRACE].num, gr, sizeof gr),
             ombud_exclusions_say(&s->ex, &s->g->v[K_EXCLUDE], ex, sizeof ex));
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {.ctx = ctx, .g = g, .res = res};
    ombud_err err;

    s.m = ombud_credits_new();
    /* The returns count each credit for one record only: one naming an
     * appointment or an order is not this outage's by service. */
    if (g->v[K_PAID_WITHIN].set) {
        s.returns = ombud_returns_new(ctx, g->v[K_PAID_WITHIN].num);
        err = ombud_credits_add_records(s.m, ctx->store);
    } else
        err = OMBUD_OK;
    s.claims = g_array_new(FALSE, FALSE, sizeof(claim));
    s.strings = g_string_chunk_new(4096);
    if (!err)
        err = ombud_store_each_outage(ctx->store, ctx->from, ctx->to,
                                      on_outage, &s);
    if (!err && !s.err)
        err = ombud_store_each_asked_billing(ctx->store, on_asked, &s);
    if (!err && !s.err && s.open)
        s.err = settle(&s);
    if (s.open) {             /* an error stopped the reading */
        ombud_claim_free(s.cur.claim);
        g_free(s.cur.charge_ref);
    }
    if (!err && !s.err)
        s.err = settle_claims(&s, s.claims->len);
    if (!err && !s.err && s.returns)
        s.err = ombud_returns_write(s.returns);
    ombud_credits_free(s.m);
    ombud_returns_free(s.returns);
    g_array_free(s.claims, TRUE);
    g_string_chunk_free(s.strings);
    g_free(s.acct);
    if (err)
        return err;
    describe(&s, res);
    if (g->v[K_PAID_WITHIN].set)
        /* TRANSLATORS: when a case of the returns became due. */
        ombud_returns_method(res, g->v[K_PAID_WITHIN].num,
                             _("its restoration; an outage still "
                               "open is not due yet"));
    return s.err;
}

/* Keys that depend on each other, checked when the file is loaded. */
static const char *check(const ombud_guarantee *g, const char **key)
{
    *key = "per_day";
    if (g->v[K_METHOD].num == 1 && !g->v[K_PER_DAY].set)
        return "required when method = per_day";
    *key = "calendar";
    if (g->v[K_AFTER_WD].num > 0 && !g->v[K_CALENDAR].set)
        return "required when after_working_days is given (the working days)";
    *key = "exclude";
    return ombud_exclude_check(&g->v[K_EXCLUDE]);
}

/* The credit owed and given for each outage and account, as a table. */
static const ombud_figure_col drawn[] = {
    {OMBUD_FIG_OWED, N_("Owed")}, {OMBUD_FIG_CREDITED, N_("Credited")}};
static const ombud_drawing drawing = {OMBUD_CHART_NONE, N_("Outage / account"),
                                      drawn, 2, OMBUD_COUNTER_NONE,
                                      N_("Delayed repair"), 0};

const ombud_rule ombud_rule_outage_credit = {
    "outage_credit", "outages credited as promised",
    N_("outage credits"), &drawing,
    params, K_N, evaluate, check,
    NULL,
    NULL,
    0,
    OMBUD_LOOKS_BILLING | OMBUD_LOOKS_AREAS
};
