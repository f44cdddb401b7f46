/*
 * rule_payment_notice.c - no late-payment notice when the bill was paid.
 *
 * A notice (billing kind `notice`) posted in the period is judged against
 * the account's balance, not against one charge:
 *   - its due date D: the due date of the charge whose reference equals the
 *     notice's, else of the account's most recent charge due before the
 *     notice (due_at before its posted_at; of charges due at the same
 *     instant, the last posted). A notice with neither, or whose charge has
 *     no due date, is counted, not judged.
 *   - charged: every charge of the account due by the end of D's local day
 *     (a charge without a due date is never due);
 *   - paid: every payment and credit of the account posted before the end
 *     of D's local day plus `grace`, whatever it names. A surplus (a
 *     prepayment, an overpayment) is so carried forward to later charges,
 *     and a payment goes to the oldest charge first.
 * The whole history of the account counts, up to the period's end plus
 * `grace`. The notice is wrongful when paid >= charged: nothing due by D
 * was still owed at D. A breach's measured is what was left for the
 * notice's charge (paid - the other charges due by D), its limit that
 * charge's amount; its evidence the notice, every charge counted and every
 * payment and credit counted. Its subject is "ACCOUNT DATE REFERENCE"
 * (the notice's reference; without one "ACCOUNT DATE"), with " #k" (the
 * k-th such notice of the account that day, in posting order) when two
 * notices would share it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/value.h"

enum { K_GRACE, K_N };

static const ombud_param_def params[K_N] = {
    [K_GRACE] = {"grace", OMBUD_P_DURATION, 0, "0s", NULL,
                 "payments received this long after the due date still count"},
};

/* A billing event kept while its account is judged (strings owned). */
typedef struct event {
    int64_t row, posted, due, amount;
    char *kind, *reference;
} event;

typedef struct state {
    const ombud_rule_ctx *ctx;
    const ombud_guarantee *g;
    ombud_result *res;
    char *account;          /* the account being collected (owned) */
    GArray *events;         /* its events, in posting order */
    int64_t unjudged;
    ombud_err err;
} state;

/* The account's balance at a notice's due date. */
typedef struct balance {
    int64_t charged;        /* minor units due by the end of the due date */
    int64_t paid;           /* paid and credited by then plus grace */
    GArray *rows;           /* evidence: the charges, payments and credits */
    GString *refs;          /* "CHK-1 received 2026-10-05, ..." */
} balance;


static int is(const event *e, const char *kind) { return !strcmp(e->kind, kind); }

/* Payments and credits both lower what the account owes. */
static int pays(const event *e) { return is(e, "payment") || is(e, "credit"); }

/* The charge notice @n is about; NULL if none can be found. */
static const event *charge_of(const state *s, const event *n)
{
    const event *by_ref = NULL, *by_due = NULL;

    for (guint i = 0; i < s->events->len; i++) {
        const event *e = &g_array_index(s->events, event, i);
        if (!is(e, "charge"))
            continue;
        if (n->reference && e->reference && !strcmp(n->reference, e->reference))
            by_ref = e;
        if (e->due != OMBUD_TIME_NONE && e->due < n->posted &&
            (!by_due || e->due >= by_due->due))
            by_due = e;
    }
    return by_ref ? by_ref : by_due;
}

static char *date_of(const ombud_tz *tz, int64_t t, char *buf, size_t size)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    ombud_fmt_date(tm.year, tm.month, tm.day, buf, size);
    return buf;
}

/* Name payment or credit @p in @b's list. Past 400 bytes it is only
 * counted: a breach's detail is one sentence; its evidence has them all. */
static void name_payment(const state *s, balance *b, const event *p,
                         int64_t *unnamed)
{
    char d[16];

    if (b->refs->len > 400) {
        (*unnamed)++;
        return;
    }
    if (b->refs->len)
        g_string_append(b->refs, ", ");
    /* TRANSLATORS: a payment's reference (or "payment", "credit") and the
     * day it was received. */
    g_string_append_printf(b->refs, _("%s received %s"), p->reference ?
                           p->reference : is(p, "credit") ? _("credit") :
                           _("payment"),
                           date_of(s->ctx->tz, p->posted, d, sizeof d));
}

/* Add @e's amount to *@sum and its row to the evidence, checked. */
static ombud_err count(const state *s, balance *b, const event *e,
                       int64_t *sum)
{
    g_array_append_val(b->rows, e->row);
    return ombud_checked_add(s->ctx, s->account, "the account's balance",
                             *sum, e->amount, sum);
}

/* Into @b: the charges due by the end of @due's local day, and the
 * payments and credits posted by then plus grace. */
static ombud_err balance_at(const state *s, int64_t due, balance *b)
{
    int64_t due_end = ombud_next_midnight(s->ctx->tz, due);
    int64_t deadline = due_end + s->g->v[K_GRACE].num, unnamed = 0;
    ombud_err err = OMBUD_OK;

    b->charged = b->paid = 0;
    g_array_set_size(b->rows, 0);
    g_string_truncate(b->refs, 0);
    for (guint i = 0; !err && i < s->events->len; i++) {
        const event *e = &g_array_index(s->events, event, i);
        if (is(e, "charge") && e->due != OMBUD_TIME_NONE && e->due < due_end)
            err = count(s, b, e, &b->charged);
    }
    for (guint i = 0; !err && i < s->events->len; i++) {
        const event *e = &g_array_index(s->events, event, i);
        if (pays(e) && e->posted < deadline) {
            err = count(s, b, e, &b->paid);
            name_payment(s, b, e, &unnamed);
        }
    }
    if (unnamed)
        g_string_append_printf(b->refs, _(" and %lld more"),
                               (long long)unnamed);
    return err;
}

/* How many notices of the account share @n's subject (posted the same
 * local day, the same reference or both none); *@k is @n's rank. */
static int same_day(const state *s, const event *n, int *k)
{
    int64_t day = ombud_next_midnight(s->ctx->tz, n->posted);
    int count = 0;

    *k = 0;
    for (guint i = 0; i < s->events->len; i++) {
        const event *e = &g_array_index(s->events, event, i);
        if (!is(e, "notice") || g_strcmp0(e->reference, n->reference) ||
            ombud_next_midnight(s->ctx->tz, e->posted) != day)
            continue;
        count++;
        if (e == n)
            *k = count;
    }
    return count;
}

/* The breach's subject, and who to name at the start of its detail. */
static void subject_of(const state *s, const event *n, const char *date,
                       ombud_breach *b, char *who, size_t size)
{
    int k, same = same_day(s, n, &k);

    snprintf(b->subject, sizeof b->subject, "%s %s%s%s", s->account, date,
             n->reference ? " " : "", n->reference ? n->reference : "");
    snprintf(who, size, "%s", s->account);
    if (same > 1) {
        size_t len = strlen(b->subject);
        snprintf(b->subject + len, sizeof b->subject - len, " #%d", k);
        snprintf(who, size, "%s #%d", s->account, k);
    }
}

static gint by_row(gconstpointer a, gconstpointer b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

    return (x > y) - (x < y);
}

static ombud_err wrongful(state *s, const event *n, const event *c,
                          balance *bal)
{
    int digits = ombud_currency_digits(s->ctx->currency);
    const char *cur = ombud_fmt_currency(s->ctx->currency);
    /* The notice's amount against what was unpaid at the due date
     * (nothing: it is wrongful), so the columns differ where it matters. */
    int64_t unpaid = bal->charged > bal->paid ? bal->charged - bal->paid : 0;
    ombud_breach b = {"notice", "", n->posted, c->amount, unpaid,
                      c->amount - unpaid, "minor", 0, ""};
    char nd[16], dd[16], a[32], p[32], ch[32], who[128];
    int64_t id;
    ombud_err err;

    subject_of(s, n, date_of(s->ctx->tz, n->posted, nd, sizeof nd), &b, who,
               sizeof who);
    /* TRANSLATORS: a wrongful late-payment notice: the account, the
     * notice's day, the charge's reference, its amount and due date; then
     * what the account paid and was credited by the due date against all
     * it was charged due by then, and those payments ("CHK-2231 received
     * 2026-10-19"). */
    snprintf(b.detail, sizeof b.detail, _("%s: notice of %s on %s (%s %s due "
             "%s) is wrongful: %s %s was paid or credited by the due date "
             "against %s %s charged due by then (%s)"), who, nd,
             c->reference ? c->reference : _("the charge"),
             ombud_fmt_amount(c->amount, digits, a, sizeof a), cur,
             date_of(s->ctx->tz, c->due, dd, sizeof dd),
             ombud_fmt_amount(bal->paid, digits, p, sizeof p), cur,
             ombud_fmt_amount(bal->charged, digits, ch, sizeof ch), cur,
             bal->refs->str);
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &b, &id)))
        return err;
    s->res->breaches++;
    /* In row order (the files' order), so the reports list them as a
     * ledger: the notice among the charges and payments before it. */
    g_array_append_val(bal->rows, n->row);
    g_array_sort(bal->rows, by_row);
    for (guint i = 0; i < bal->rows->len; i++)
        if ((err = ombud_store_add_evidence(s->ctx->store, id, "billing_events",
                                            g_array_index(bal->rows, int64_t, i))))
            return err;
    return OMBUD_OK;
}

/* Judge every notice of the collected account posted in the period. */
static ombud_err judge_account(state *s)
{
    balance bal = {0, 0, g_array_new(FALSE, FALSE, sizeof(int64_t)),
                   g_string_new(NULL)};
    ombud_err err = OMBUD_OK;

    for (guint i = 0; !err && i < s->events->len; i++) {
        const event *n = &g_array_index(s->events, event, i), *c;
        if (!is(n, "notice") || n->posted < s->ctx->from ||
            n->posted >= s->ctx->to)
            continue;
        if (!(c = charge_of(s, n)) || c->due == OMBUD_TIME_NONE) {
            s->unjudged++;
            continue;
        }
        s->res->subjects++;
        if (!(err = balance_at(s, c->due, &bal)) && bal.paid >= bal.charged)
            err = wrongful(s, n, c, &bal);
    }
    g_array_free(bal.rows, TRUE);
    g_string_free(bal.refs, TRUE);
    return err;
}

static void clear_events(GArray *events)
{
    for (guint i = 0; i < events->len; i++) {
        event *e = &g_array_index(events, event, i);
        g_free(e->kind);
        g_free(e->reference);
    }
    g_array_set_size(events, 0);
}

static int on_billing(void *ud, int64_t row, const ombud_billing *b)
{
    state *s = ud;
    event e = {row, b->posted_at, b->due_at, b->amount, g_strdup(b->kind),
               g_strdup(b->reference)};

    if (!s->account || strcmp(s->account, b->account_id)) {
        if (s->account && (s->err = judge_account(s)))
            return 1;
        clear_events(s->events);
        g_free(s->account);
        s->account = g_strdup(b->account_id);
    }
    g_array_append_val(s->events, e);
    return 0;
}

static ombud_err evaluate(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res)
{
    state s = {ctx, g, res, NULL, NULL, 0, OMBUD_OK};
    char gr[48], plus[96];
    ombud_err err;

    s.events = g_array_new(FALSE, FALSE, sizeof(event));
    /* The balance is the account's whole history: any year cut from it
     * would turn the payment of a bill before the cut into a surplus.
     * Only accounts with a notice in the period are judged, so only
     * theirs is read. */
    err = ombud_store_each_noticed_billing(ctx->store, ctx->from, ctx->to,
                                           ctx->to + g->v[K_GRACE].num,
                                           on_billing, &s);
    if (!err)
        err = s.err;
    if (!err && s.account)
        err = judge_account(&s);
    clear_events(s.events);
    g_array_free(s.events, TRUE);
    g_free(s.account);
    ombud_fmt_duration(g->v[K_GRACE].num, gr, sizeof gr);
    ombud_fmt_phrase_duration(_(" plus %s"), g->v[K_GRACE].num, plus,
                              sizeof plus);
    res->unit = "count";
    res->measured = res->breaches;
    res->target = 0;
    res->pass = res->breaches == 0;
    snprintf(res->measured_text, sizeof res->measured_text, _("%s of %s "
             "late-payment notices wrongful (paid by the due date)%s"),
             ombud_n(res->breaches), ombud_n(res->subjects),
             s.unjudged ? _("; some notices name no known charge") : "");
    if (g->v[K_GRACE].num)
        snprintf(res->target_text, sizeof res->target_text, _("no notice for "
                 "a bill paid by its due date (grace %s)"), gr);
    else
        snprintf(res->target_text, sizeof res->target_text, "%s",
                 _("no notice for a bill paid by its due date"));
    /* TRANSLATORS: both %s before the last are " plus <grace>" or empty, the last the
     * filing's time zone. */
    snprintf(res->method, sizeof res->method, _("Each late-payment notice "
             "posted in the period is judged against the account's balance at "
             "a due date: that of the charge with the notice's reference, else "
             "of the most recent charge due before the notice. Every charge "
             "due by the end of that day is set against every payment and "
             "credit posted by then%s, whatever it names, over the "
             "account's whole history up to the period's end%s: a "
             "surplus is carried forward and a payment settles the oldest "
             "charge first. The notice is wrongful when payments and credits "
             "reach the charges (an exact tie is wrongful). A notice whose "
             "charge cannot be found, or has no due date, is counted, not "
             "judged. Days are local (%s)."), plus, plus, ombud_tz_name(ctx->tz));
    return err;
}

/* An account's wrongful notices, in its dossier. */
static const ombud_drawing drawing = {OMBUD_CHART_NONE, NULL, NULL, 0,
                                      OMBUD_COUNTER_NOTICES, NULL, 0};

const ombud_rule ombud_rule_payment_notice = {
    "payment_notice", "no late-payment notice for a paid bill",
    N_("late-payment notices"), &drawing,
    params, K_N, evaluate, NULL,
    NULL,
    NULL,
    1,
    OMBUD_LOOKS_BILLING
};
