/*
 * rule_payment_notice.c - no late-payment notice when the bill was paid.
 *
 * A notice (billing kind `notice`) posted in the period refers to a charge:
 * the charge whose reference equals the notice's, else the account's most
 * recent charge due before the notice. The notice is wrongful when payments
 * received by the end of the due date (plus `grace`) covered that charge:
 * payments whose reference or description names the charge's reference,
 * or, when none does, payments received after the previous charge fell due.
 * Each wrongful notice is a breach naming the payments that disprove it
 * (evidence: the notice, the charge and those payments). A notice whose
 * charge cannot be found is counted, not judged.
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
    char *kind, *reference, *description;
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


static int is(const event *e, const char *kind) { return !strcmp(e->kind, kind); }

/* Does @text contain @ref as a whole token (INV-7 is not in INV-71)? */
static int has_token(const char *text, const char *ref)
{
    size_t n = strlen(ref);

    for (const char *p = text; p && (p = strstr(p, ref)); p++) {
        int before = p > text && (g_ascii_isalnum(p[-1]) || p[-1] == '-');
        int after = g_ascii_isalnum(p[n]) || p[n] == '-';
        if (!before && !after)
            return 1;
    }
    return 0;
}

/* Does payment @p name reference @ref? */
static int names(const event *p, const char *ref)
{
    return ref && *ref && (has_token(p->reference, ref) ||
                           has_token(p->description, ref));
}

/* The charge notice @n refers to, and the one due before it; NULL if none. */
static const event *charge_of(const state *s, const event *n, const event **prev)
{
    const event *by_ref = NULL, *by_due = NULL;

    *prev = NULL;
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
    by_ref = by_ref ? by_ref : by_due;
    for (guint i = 0; by_ref && i < s->events->len; i++) {
        const event *e = &g_array_index(s->events, event, i);
        if (is(e, "charge") && e != by_ref && e->due != OMBUD_TIME_NONE &&
            by_ref->due != OMBUD_TIME_NONE && e->due < by_ref->due &&
            (!*prev || e->due > (*prev)->due))
            *prev = e;
    }
    return by_ref;
}

static char *date_of(const ombud_tz *tz, int64_t t, char *buf, size_t size)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    ombud_fmt_date(tm.year, tm.month, tm.day, buf, size);
    return buf;
}

/* Payments that count toward charge @c: rows into @rows, sum returned. */
static int64_t payments_for(const state *s, const event *c, const event *prev,
                            GArray *rows, GString *refs)
{
    int64_t due_end = ombud_next_midnight(s->ctx->tz, c->due) + s->g->v[K_GRACE].num;
    int64_t after = prev ? ombud_next_midnight(s->ctx->tz, prev->due) : INT64_MIN, sum = 0;
    int named = 0;
    char d[16];

    for (guint i = 0; i < s->events->len; i++)
        named |= is(&g_array_index(s->events, event, i), "payment") &&
                 names(&g_array_index(s->events, event, i), c->reference);
    for (guint i = 0; i < s->events->len; i++) {
        const event *p = &g_array_index(s->events, event, i);
        if (!is(p, "payment") || p->posted >= due_end ||
            (named ? !names(p, c->reference) : p->posted < after))
            continue;
        sum += p->amount;
        g_array_append_val(rows, p->row);
        if (refs->len)
            g_string_append(refs, ", ");
        /* TRANSLATORS: a payment's reference (or "payment") and the day
         * it was received. */
        g_string_append_printf(refs, _("%s received %s"), p->reference ?
                               p->reference : _("payment"),
                               date_of(s->ctx->tz, p->posted, d, sizeof d));
    }
    return sum;
}

static ombud_err wrongful(state *s, const event *n, const event *c,
                          GArray *rows, const char *refs, int64_t paid)
{
    int digits = ombud_currency_digits(s->ctx->currency);
    ombud_breach b = {"notice", "", n->posted, paid, c->amount, 0, "minor", 0, ""};
    char nd[16], dd[16], a[32], p[32];
    int64_t id;
    ombud_err err;

    snprintf(b.subject, sizeof b.subject, "%s %s", s->account,
             date_of(s->ctx->tz, n->posted, nd, sizeof nd));
    snprintf(b.detail, sizeof b.detail, _("%s: notice of %s on %s (%s %s due "
             "%s) is wrongful: %s %s was paid by the due date (%s)"), s->account,
             nd, c->reference ? c->reference : _("the charge"),
             ombud_fmt_amount(c->amount, digits, a, sizeof a),
             ombud_fmt_currency(s->ctx->currency), date_of(s->ctx->tz, c->due, dd, sizeof dd),
             ombud_fmt_amount(paid, digits, p, sizeof p), ombud_fmt_currency(s->ctx->currency),
             refs);
    if ((err = ombud_store_add_breach(s->ctx->store, s->ctx->result_id, &b, &id)) ||
        (err = ombud_store_add_evidence(s->ctx->store, id, "billing_events", n->row)) ||
        (err = ombud_store_add_evidence(s->ctx->store, id, "billing_events", c->row)))
        return err;
    s->res->breaches++;
    for (guint i = 0; i < rows->len; i++)
        if ((err = ombud_store_add_evidence(s->ctx->store, id, "billing_events",
                                            g_array_index(rows, int64_t, i))))
            return err;
    return OMBUD_OK;
}

/* Judge every notice of the collected account posted in the period. */
static ombud_err judge_account(state *s)
{
    GArray *rows = g_array_new(FALSE, FALSE, sizeof(int64_t));
    GString *refs = g_string_new(NULL);
    ombud_err err = OMBUD_OK;

    for (guint i = 0; !err && i < s->events->len; i++) {
        const event *n = &g_array_index(s->events, event, i), *prev, *c;
        int64_t paid;
        if (!is(n, "notice") || n->posted < s->ctx->from)
            continue;
        if (!(c = charge_of(s, n, &prev)) || c->due == OMBUD_TIME_NONE) {
            s->unjudged++;
            continue;
        }
        s->res->subjects++;
        g_array_set_size(rows, 0);
        g_string_truncate(refs, 0);
        paid = payments_for(s, c, prev, rows, refs);
        if (paid >= c->amount)
            err = wrongful(s, n, c, rows, refs->str, paid);
    }
    g_array_free(rows, TRUE);
    g_string_free(refs, TRUE);
    return err;
}

static void clear_events(GArray *events)
{
    for (guint i = 0; i < events->len; i++) {
        event *e = &g_array_index(events, event, i);
        g_free(e->kind);
        g_free(e->reference);
        g_free(e->description);
    }
    g_array_set_size(events, 0);
}

static int on_billing(void *ud, int64_t row, const ombud_billing *b)
{
    state *s = ud;
    event e = {row, b->posted_at, b->due_at, b->amount, g_strdup(b->kind),
               g_strdup(b->reference), g_strdup(b->description)};

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
    ombud_err err;

    s.events = g_array_new(FALSE, FALSE, sizeof(event));
    /* A year of history before the period finds the charges notices name. */
    err = ombud_store_each_billing(ctx->store, ctx->from - 366 * 86400,
                                   ctx->to, on_billing, &s);
    if (!err)
        err = s.err;
    if (!err && s.account)
        err = judge_account(&s);
    clear_events(s.events);
    g_array_free(s.events, TRUE);
    g_free(s.account);
    res->unit = "count";
    res->measured = res->breaches;
    res->target = 0;
    res->pass = res->breaches == 0;
    snprintf(res->measured_text, sizeof res->measured_text, _("%lld of %lld "
             "late-payment notices wrongful (paid by the due date)%s"),
             (long long)res->breaches, (long long)res->subjects,
             s.unjudged ? _("; some notices name no known charge") : "");
    snprintf(res->target_text, sizeof res->target_text, _("no notice for a bill "
             "paid by its due date (grace %s)"), g->v[K_GRACE].text);
    snprintf(res->method, sizeof res->method, _("Each notice posted in the "
             "period refers to the charge with its reference, else the most "
             "recent charge due before it. It is wrongful when payments "
             "received by the end of the due date (plus %s) covered the "
             "charge: payments naming the charge's reference, or else those "
             "received after the previous charge fell due."), g->v[K_GRACE].text);
    return err;
}

const ombud_rule ombud_rule_payment_notice = {
    "payment_notice", "no late-payment notice for a paid bill",
    params, K_N, evaluate, NULL
};
