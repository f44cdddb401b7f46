/*
 * credit.c - credits set against the cases a rule finds owed, and the
 * automatic compensation returns counted from them (credit.h).
 *
 * The matching is outage_credit's, moved here so that appointments and
 * provisioning find the credits of a missed appointment or a late order
 * the same way (by reference naming the case, then by service, each credit
 * used once). outage_credit keeps its own billing look-up (charges for pro
 * rata, area-wide outages) and uses the matcher; appointments and
 * provisioning queue their cases through ombud_cases, which asks the
 * store for each case's account and settles them in the order added.
 *
 * Returns: a case is counted in the local calendar month (filing zone)
 * in which it became due, an instant at local midnight ending the day
 * before (so a check of [from, to) counts cases due in (from, to], as
 * provisioning judges deadlines); every month of the period is written, so a
 * month with no case says 0 cases, not nothing. "Paid in time" compares
 * local calendar days, not seconds: billing credits are mostly dates, and
 * a DST change inside the 30 days must not move one across the line.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/credit.h"
#include "ombud/i18n.h"
#include "ombud/time.h"

/* ---- matching ---------------------------------------------------------------- */

struct ombud_credits {
    GHashTable *ids;          /* case id (owned) -> itself */
    GHashTable *records;      /* other records' ids (owned) -> themselves */
    GHashTable *spent;        /* credit row -> minor units already used */
};

/* A credit kept for a claim. */
typedef struct kept {
    int64_t row, amount, posted_at;
} kept;

struct ombud_claim {
    GArray *named;            /* kept: credits naming the case */
    GArray *by_service;       /* kept: credits for its service */
    GArray *used;             /* int64_t: rows used, in order */
    int64_t paid, paid_at;
};

ombud_credits *ombud_credits_new(void)
{
    ombud_credits *m = g_new0(ombud_credits, 1);

    m->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    m->records = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    m->spent = g_hash_table_new(g_direct_hash, g_direct_equal);
    return m;
}

void ombud_credits_free(ombud_credits *m)
{
    if (!m)
        return;
    g_hash_table_destroy(m->ids);
    g_hash_table_destroy(m->records);
    g_hash_table_destroy(m->spent);
    g_free(m);
}

void ombud_credits_add_case(ombud_credits *m, const char *id)
{
    if (id && !g_hash_table_contains(m->ids, id))
        g_hash_table_add(m->ids, g_strdup(id));
}

static void add_record(ombud_credits *m, const char *id)
{
    if (id && !g_hash_table_contains(m->records, id))
        g_hash_table_add(m->records, g_strdup(id));
}

static int on_outage_id(void *ud, int64_t row, const ombud_outage *o)
{
    (void)row;
    add_record(ud, o->outage_id);
    return 0;
}

static int on_appointment_id(void *ud, int64_t row,
                             const ombud_appointment *a)
{
    (void)row;
    add_record(ud, a->appointment_id);
    return 0;
}

static int on_order_id(void *ud, int64_t row, const ombud_order *o)
{
    (void)row;
    add_record(ud, o->order_id);
    return 0;
}

ombud_err ombud_credits_add_records(ombud_credits *m, ombud_store *st)
{
    ombud_err err;

    if ((err = ombud_store_each_outage(st, INT64_MIN + 1, INT64_MAX,
                                       on_outage_id, m)) ||
        (err = ombud_store_each_appointment(st, INT64_MIN + 1, INT64_MAX,
                                           on_appointment_id, m)))
        return err;
    return ombud_store_each_order(st, INT64_MIN + 1, INT64_MAX, on_order_id,
                                  m);
}

/* A character that can be part of an id's word. */
static int word_char(char c)
{
    return g_ascii_isalnum(c) || c == '-' || c == '_';
}

int ombud_credit_has_word(const char *text, const char *id)
{
    size_t n = id ? strlen(id) : 0;

    for (const char *p = text; text && n && (p = strstr(p, id)); p++)
        if ((p == text || !word_char(p[-1])) && !word_char(p[n]))
            return 1;
    return 0;
}

/* Does @text name a case or record of @m other than @id? */
static int names_other(const ombud_credits *m, const char *text,
                       const char *id)
{
    char word[128];

    while (text && *text) {
        size_t n = 0;
        while (*text && !word_char(*text))
            text++;
        while (word_char(text[n]))
            n++;
        if (n && n < sizeof word) {
            memcpy(word, text, n);
            word[n] = '\0';
            if (strcmp(word, id) && (g_hash_table_contains(m->ids, word) ||
                                     g_hash_table_contains(m->records, word)))
                return 1;
        }
        text += n;
    }
    return 0;
}

static int service_matches(const char *want, const char *have)
{
    return !want || !have || !strcmp(want, have);
}

ombud_claim *ombud_claim_new(void)
{
    ombud_claim *c = g_new0(ombud_claim, 1);

    c->named = g_array_new(FALSE, FALSE, sizeof(kept));
    c->by_service = g_array_new(FALSE, FALSE, sizeof(kept));
    c->used = g_array_new(FALSE, FALSE, sizeof(int64_t));
    c->paid_at = OMBUD_TIME_NONE;
    return c;
}

void ombud_claim_free(ombud_claim *c)
{
    if (!c)
        return;
    g_array_free(c->named, TRUE);
    g_array_free(c->by_service, TRUE);
    g_array_free(c->used, TRUE);
    g_free(c);
}

void ombud_claim_offer(ombud_claim *c, const ombud_credits *m, const char *id,
                       const char *service, int64_t row,
                       const ombud_billing *b)
{
    kept k = {row, b->amount, b->posted_at};

    assert(id);
    if (ombud_credit_has_word(b->reference, id) ||
        ombud_credit_has_word(b->description, id))
        g_array_append_val(c->named, k);
    else if (service_matches(service, b->service) &&
             !names_other(m, b->reference, id) &&
             !names_other(m, b->description, id))
        g_array_append_val(c->by_service, k);
}

/* Set @credits against @owed, each credit's unused part once, in order. */
static void use(ombud_claim *c, ombud_credits *m, const GArray *credits,
                int64_t owed)
{
    for (guint i = 0; i < credits->len && c->paid < owed; i++) {
        const kept *k = &g_array_index(credits, kept, i);
        gpointer key = (gpointer)(intptr_t)k->row;  /* 64-bit: whole */
        int64_t spent = (int64_t)(intptr_t)g_hash_table_lookup(m->spent, key);
        int64_t take = k->amount - spent;
        if (take <= 0)
            continue;
        if (take > owed - c->paid)
            take = owed - c->paid;
        c->paid += take;
        g_hash_table_insert(m->spent, key, (gpointer)(intptr_t)(spent + take));
        g_array_append_val(c->used, k->row);
        if (c->paid_at == OMBUD_TIME_NONE || k->posted_at > c->paid_at)
            c->paid_at = k->posted_at;
    }
}

void ombud_claim_settle(ombud_claim *c, ombud_credits *m, int64_t owed)
{
    /* By reference first: a credit filed under another service still
     * pays the case it names. Then by service. */
    use(c, m, c->named, owed);
    use(c, m, c->by_service, owed);
}

int64_t ombud_claim_paid(const ombud_claim *c) { return c->paid; }
int64_t ombud_claim_paid_at(const ombud_claim *c) { return c->paid_at; }
size_t ombud_claim_nused(const ombud_claim *c) { return c->used->len; }

int64_t ombud_claim_used(const ombud_claim *c, size_t i)
{
    assert(i < c->used->len);
    return g_array_index(c->used, int64_t, i);
}

/* ---- returns ----------------------------------------------------------------- */

/* One month's (or the period's) counts. */
typedef struct month {
    int year, month;          /* the local calendar month; 0 for the period */
    int64_t cases, owed, paid, in_time, pending;
} month;

struct ombud_returns {
    const ombud_rule_ctx *ctx;
    int64_t days;             /* paid in time: within this many days */
    int64_t last;             /* the latest billing row, or OMBUD_TIME_NONE */
    GArray *months;           /* month, every month of the period in order */
    month total;
    ombud_err err;            /* reading where the billing ends */
};

/* The local civil day number of @t. */
static int64_t day_of(const ombud_tz *tz, int64_t t)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    return ombud_days_from_civil(tm.year, tm.month, tm.day);
}

ombud_returns *ombud_returns_new(const ombud_rule_ctx *ctx, int64_t days)
{
    ombud_returns *r = g_new0(ombud_returns, 1);
    ombud_tm a, z;

    r->ctx = ctx;
    r->days = days;
    r->err = ombud_store_billing_last(ctx->store, &r->last);
    r->months = g_array_new(FALSE, TRUE, sizeof(month));
    ombud_tm_from_instant(ctx->tz, ctx->from, &a);
    ombud_tm_from_instant(ctx->tz, ctx->to > ctx->from ? ctx->to - 1 :
                          ctx->from, &z);
    for (int y = a.year, mo = a.month;
         y < z.year || (y == z.year && mo <= z.month); ) {
        month m = {y, mo, 0, 0, 0, 0, 0};
        g_array_append_val(r->months, m);
        if (++mo > 12)
            mo = 1, y++;
    }
    return r;
}

void ombud_returns_free(ombud_returns *r)
{
    if (!r)
        return;
    g_array_free(r->months, TRUE);
    g_free(r);
}

int64_t ombud_returns_cases(const ombud_returns *r) { return r->total.cases; }

/* Add one case to @m, checked. */
static ombud_err add(const ombud_returns *r, month *m, const char *subject,
                     int64_t owed, int64_t paid, int in_time, int pending)
{
    ombud_err err;

    m->cases++;
    m->in_time += in_time;
    m->pending += pending;
    if ((err = ombud_checked_add(r->ctx, subject, "the total owed", m->owed,
                                 owed, &m->owed)))
        return err;
    return ombud_checked_add(r->ctx, subject, "the total paid", m->paid,
                             paid, &m->paid);
}

ombud_err ombud_returns_count(ombud_returns *r, const char *subject,
                              int64_t due, int64_t owed, int64_t paid,
                              int64_t paid_at)
{
    int in_time, pending;
    int64_t day, last;
    ombud_tm tm;
    ombud_err err;

    assert(owed > 0 && paid >= 0 && paid <= owed);
    assert(due > r->ctx->from && due <= r->ctx->to);
    /* An instant at local midnight ends the day before (as a deadline of
     * a date does): a repair done at 00:00 on 1 November is October's,
     * and its 30 days count from 31 October. */
    day = day_of(r->ctx->tz, due - 1);
    in_time = paid == owed && paid_at != OMBUD_TIME_NONE &&
              day_of(r->ctx->tz, paid_at) - day <= r->days;
    /* No verdict without evidence: a case not paid in time whose days
     * end after the last billing row could still be paid in time by a
     * credit the store does not hold yet. It is pending, not late. (Its
     * own last credit shows the billing reaches at least that far.) */
    last = r->last;
    if (paid_at != OMBUD_TIME_NONE && (last == OMBUD_TIME_NONE ||
                                       paid_at > last))
        last = paid_at;
    pending = !in_time && (last == OMBUD_TIME_NONE ||
                           day + r->days > day_of(r->ctx->tz, last));
    ombud_tm_from_instant(r->ctx->tz, due - 1, &tm);
    for (guint i = 0; i < r->months->len; i++) {
        month *m = &g_array_index(r->months, month, i);
        if (m->year == tm.year && m->month == tm.month) {
            if ((err = add(r, m, subject, owed, paid, in_time, pending)))
                return err;
            break;
        }
    }
    return add(r, &r->total, subject, owed, paid, in_time, pending);
}

static ombud_err write_month(const ombud_returns *r, const month *m,
                             const char *subject)
{
    ombud_store *st = r->ctx->store;
    int64_t id = r->ctx->result_id;
    ombud_err err;

    if ((err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_CASES,
                                      m->cases, "count")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_OWED,
                                      m->owed, "minor")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_PAID,
                                      m->paid, "minor")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_SHORT,
                                      m->owed - m->paid, "minor")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_IN_TIME,
                                      m->in_time, "count")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_PENDING,
                                      m->pending, "count")))
        return err;
    /* Of the cases decided: a pending case is neither in time nor late. */
    return ombud_store_add_figure(st, id, subject, OMBUD_FIG_COMP_SHARE,
                                  ombud_share_bp(m->in_time,
                                                 m->cases - m->pending), "bp");
}

ombud_err ombud_returns_write(const ombud_returns *r)
{
    char subject[16];
    ombud_err err;

    if (r->err)
        return r->err;
    for (guint i = 0; i < r->months->len; i++) {
        const month *m = &g_array_index(r->months, month, i);
        snprintf(subject, sizeof subject, "%04d-%02d", m->year, m->month);
        if ((err = write_month(r, m, subject)))
            return err;
    }
    if ((err = write_month(r, &r->total, OMBUD_COMP_TOTAL)))
        return err;
    return ombud_store_add_figure(r->ctx->store, r->ctx->result_id,
                                  OMBUD_COMP_TOTAL, OMBUD_FIG_COMP_DAYS,
                                  r->days, "count");
}

void ombud_returns_method(ombud_result *res, int64_t days, const char *due)
{
    size_t k = strlen(res->method), n;
    char add[1600];

    /* TRANSLATORS: appended to a method paragraph when the guarantee
     * counts Ofcom's automatic compensation returns; the first %s says
     * when a case became due ("its restoration"), the second is a number
     * of days (30). */
    snprintf(add, sizeof add, _(" Returns: each "
             "case that owes something counts in the month it became due "
             "(%s); paid is what the credits matched to it cover (first "
             "those naming it, then by service), at most what it owes; "
             "short = owed - paid. Paid in time: in full by credits posted "
             "no later than %s calendar days after the day it became due. "
             "Pending: not paid in time yet, its days ending after the last "
             "billing row in the store; counted, but left out of the share "
             "paid in time until the billing that covers them is imported."),
             due, ombud_n(days));
    /* What does not fit is cut whole characters at a time (Hebrew is two
     * bytes a letter): never half a character in a report. */
    n = strlen(add);
    if (k + n >= sizeof res->method) {
        n = k + 1 < sizeof res->method ? sizeof res->method - k - 1 : 0;
        while (n > 0 && ((unsigned char)add[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(res->method + k, add, n);
    res->method[k + n] = '\0';
}

/* ---- cases of appointments and orders ----------------------------------------- */

/* A case waiting for its credits (strings in the chunk). */
typedef struct pending {
    const char *id, *account, *service;
    int64_t since, due, owed;
} pending;

struct ombud_cases {
    const ombud_rule_ctx *ctx;
    int64_t grace;
    ombud_credits *m;
    ombud_returns *r;
    GArray *cases;            /* pending, by tag */
    GStringChunk *strings;
    guint next;               /* cases before this one are counted */
    ombud_claim *cur;         /* the claim of case next - 1, if open */
    ombud_err err;
};

ombud_cases *ombud_cases_new(const ombud_rule_ctx *ctx, int64_t days,
                             int64_t grace)
{
    ombud_cases *cs = g_new0(ombud_cases, 1);

    cs->ctx = ctx;
    cs->grace = grace;
    cs->m = ombud_credits_new();
    cs->r = ombud_returns_new(ctx, days);
    cs->cases = g_array_new(FALSE, FALSE, sizeof(pending));
    cs->strings = g_string_chunk_new(1024);
    return cs;
}

void ombud_cases_free(ombud_cases *cs)
{
    if (!cs)
        return;
    ombud_credits_free(cs->m);
    ombud_returns_free(cs->r);
    ombud_claim_free(cs->cur);
    g_array_free(cs->cases, TRUE);
    g_string_chunk_free(cs->strings);
    g_free(cs);
}

static const char *keep(ombud_cases *cs, const char *s)
{
    return s ? g_string_chunk_insert_const(cs->strings, s) : NULL;
}

ombud_err ombud_cases_add(ombud_cases *cs, const ombud_comp_case *c)
{
    pending p = {keep(cs, c->id), keep(cs, c->account), keep(cs, c->service),
                 c->since, c->due, c->owed};
    ombud_billing_ask ask = {c->account, NULL, c->service, c->since,
                             c->due + cs->grace + 1, c->since};

    assert(c->id && c->owed > 0);
    g_array_append_val(cs->cases, p);
    ombud_credits_add_case(cs->m, c->id);
    if (!c->account)  /* no account: no credit can name it */
        return OMBUD_OK;
    return ombud_store_ask_billing(cs->ctx->store, cs->cases->len - 1, &ask);
}

/* Count case @i with what its claim (NULL: none) was paid. */
static ombud_err count(ombud_cases *cs, guint i, ombud_claim *cl)
{
    const pending *p = &g_array_index(cs->cases, pending, i);

    if (cl)
        ombud_claim_settle(cl, cs->m, p->owed);
    return ombud_returns_count(cs->r, p->id, p->due, p->owed,
                               cl ? ombud_claim_paid(cl) : 0,
                               cl ? ombud_claim_paid_at(cl) : OMBUD_TIME_NONE);
}

/* Count the cases before @upto that are not counted yet. */
static ombud_err count_upto(ombud_cases *cs, guint upto)
{
    ombud_err err;

    if (cs->cur) {
        err = count(cs, cs->next - 1, cs->cur);
        ombud_claim_free(cs->cur);
        cs->cur = NULL;
        if (err)
            return err;
    }
    for (; cs->next < upto; cs->next++)
        if ((err = count(cs, cs->next, NULL)))
            return err;
    return OMBUD_OK;
}

static int on_asked(void *ud, int64_t tag, const char *acct, int64_t row,
                    const ombud_billing *b)
{
    ombud_cases *cs = ud;
    const pending *p;

    (void)acct;  /* one account a case: the tag says it all */
    assert(tag >= 0 && (guint)tag < cs->cases->len);
    if (!cs->cur || (guint)tag + 1 != cs->next) {
        if ((cs->err = count_upto(cs, (guint)tag)))
            return 1;
        cs->cur = ombud_claim_new();
        cs->next = (guint)tag + 1;
    }
    p = &g_array_index(cs->cases, pending, tag);
    if (b && !strcmp(b->kind, "credit") && b->posted_at >= p->since &&
        b->posted_at <= p->due + cs->grace)
        ombud_claim_offer(cs->cur, cs->m, p->id, p->service, row, b);
    return 0;
}

ombud_err ombud_cases_settle(ombud_cases *cs, int64_t *ncases)
{
    ombud_err err;

    /* Read before the look-ups are answered: the store streams one
     * statement at a time. */
    if ((err = ombud_credits_add_records(cs->m, cs->ctx->store)) ||
        (err = ombud_store_each_asked_billing(cs->ctx->store, on_asked, cs)))
        return err;
    if (cs->err)
        return cs->err;
    if ((err = count_upto(cs, cs->cases->len)))
        return err;
    *ncases = ombud_returns_cases(cs->r);
    return ombud_returns_write(cs->r);
}
