/*
 * dossier.c - the complaint dossier of one account (PDF and XLSX).
 *
 * For a consumer filing a formal complaint: the complaint letter filled
 * from a template, a timeline of the outage and every call, the account in
 * numbers, the chronology of every event with its file:line, and each
 * broken promise quoted with its source.
 *
 * It reads the stored findings of a check (results, figures, breaches
 * whose evidence touches the account) and the account's own rows; it
 * recomputes no rule. Numbers come from the rules' figures: effort from
 * customer_effort (the account's tickets, or the account), credits from
 * outage_credit (subjects "OUTAGE/ACCOUNT"), promises and notices from the
 * breaches of commitments and payment_notice.
 *
 * The letter's date is the one thing not taken from the findings: the
 * complainant's --date, else today in the findings' zone. The manifest
 * records it, so verify writes the same dossier again on a later day.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <xlsxwriter.h>

#include "ombud/time.h"
#include "ombud/chart.h"
#include "ombud/diag.h"
#include "ombud/evidence.h"
#include "ombud/i18n.h"
#include "ombud/manifest.h"
#include "ombud/outfile.h"
#include "ombud/report.h"
#include "ombud/rule.h"
#include "ombud/sha256.h"
#include "ombud/text.h"
#include "ombud/value.h"
#include "pdfdoc.h"
#include "sheet.h"

static const char *bill_kind(const char *kind);

#define MAX_RESULTS 128

/* A result and how many of its breaches concern the account. */
typedef struct dres {
    int64_t id;
    char *gid, *kind, *promise, *source;
    int64_t breaches;          /* the account's */
    int money;                 /* 1: the guarantee deals in money (amounts
                                  shown); 0: no amount, not even 0.00 */
    int accuses;               /* 1: its breaches are promises broken (a
                                  FAIL or REPORTABLE result); 0: a list
                                  kept with a verdict that accuses no one
                                  (a call_kpis pack PASS, MEASURED or NO
                                  DATA lists its unanswered calls) */
} dres;

/* The account in numbers. */
typedef struct numbers {
    int64_t outages, out_seconds;
    int64_t calls, phone, agents, repeat, transfers, closed, days;
    int64_t promises_missed, wrongful_notices;
    int64_t owed, credited;
    int64_t appts, appts_missed, orders, orders_late; /* when the account has any */
} numbers;

typedef struct dossier {
    pdoc d;
    ombud_store *st;
    const ombud_complaint *c;
    ombud_check_info chk;
    ombud_tz *tz;
    char period[80];
    dres res[MAX_RESULTS];
    int nres;
    numbers n;
    int64_t nbreaches;         /* the account's, over every result */
    const char *ask;           /* --ask, or the standard request (static) */
    GPtrArray *tickets;        /* outage_ids of the account (owned strings) */
    ombud_timeline tl;         /* arrays below */
    GArray *call_at, *call_kind, *promise_at;
    char *letter;              /* filled letter (g_free) */
    int year, month, day;      /* the letter's date: --date, else today in
                                  the findings' zone */
    char date[11];             /* the same as YYYY-MM-DD, for the manifest */
    char *manifest;            /* the manifest line, as written (free) */
    int pdf;                   /* drawing the PDF: input text isolated (in()) */
} dossier;

/* ---- gathering ------------------------------------------------------------- */

static ombud_tl_kind kind_of(const ombud_call_leg *c)
{
    if (!strcmp(c->outcome, "answered"))
        return OMBUD_TL_ANSWERED;
    if (!strcmp(c->outcome, "transferred"))
        return c->answered_at != OMBUD_TIME_NONE ? OMBUD_TL_TRANSFERRED
                                                 : OMBUD_TL_NOBODY;
    if (!strcmp(c->outcome, "closed"))
        return OMBUD_TL_CLOSED;
    return OMBUD_TL_NOBODY;
}

/* From the account's events: the timeline's marks, its outages, tickets. */
static int gather_event(void *ud, const ombud_event *e)
{
    dossier *x = ud;

    if (e->leg) {
        ombud_tl_kind k = kind_of(e->leg);
        g_array_append_val(x->call_at, e->at);
        g_array_append_val(x->call_kind, k);
        if (e->leg->promised_restore_at != OMBUD_TIME_NONE)
            g_array_append_val(x->promise_at, e->leg->promised_restore_at);
    } else if (e->outage && !strcmp(e->what, "start")) {
        const ombud_outage *o = e->outage;
        int64_t end = o->restored_at != OMBUD_TIME_NONE ? o->restored_at : x->chk.to;
        x->n.outages++;
        x->n.out_seconds += end - o->started_at;
        g_ptr_array_add(x->tickets, g_strdup(o->outage_id));
        if (x->tl.out_start == OMBUD_TIME_NONE) {
            x->tl.out_start = o->started_at;
            x->tl.out_end = o->restored_at;
            x->tl.scheduled = o->scheduled_at;
            x->tl.notified = o->notified_at;
        }
    } else if (e->appt) {
        x->n.appts++;
    } else if (e->order && (!strcmp(e->what, "ordered") ||
                            e->order->ordered_at < x->chk.from)) {
        /* Once each: placed in the period, or placed before and completed
         * in it (the provisioning rule judges both). */
        x->n.orders++;
    }
    return 0;
}

static int is_ticket(const dossier *x, const char *subject)
{
    for (guint i = 0; i < x->tickets->len; i++)
        if (!strcmp(g_ptr_array_index(x->tickets, i), subject))
            return 1;
    return 0;
}

/* Figures of effort (the account's tickets or the account) and credit. */
static int gather_figure(void *ud, const char *subject, const char *name,
                         int64_t v, const char *unit)
{
    dossier *x = ud;
    size_t sl = strlen(subject), al = strlen(x->c->account);
    numbers *n = &x->n;

    (void)unit;
    if (sl > al && subject[sl - al - 1] == '/' &&
        !strcmp(subject + sl - al, x->c->account)) {
        n->owed += !strcmp(name, OMBUD_FIG_OWED) ? v : 0;
        n->credited += !strcmp(name, OMBUD_FIG_CREDITED) ? v : 0;
        return 0;
    }
    if (strcmp(subject, x->c->account) && !is_ticket(x, subject))
        return 0;
    if (!strcmp(name, OMBUD_FIG_CALLS)) n->calls += v;
    else if (!strcmp(name, OMBUD_FIG_PHONE_TIME)) n->phone += v;
    else if (!strcmp(name, OMBUD_FIG_AGENTS)) n->agents += v;
    else if (!strcmp(name, OMBUD_FIG_REPEAT_AGENTS)) n->repeat += v;
    else if (!strcmp(name, OMBUD_FIG_TRANSFERS)) n->transfers += v;
    else if (!strcmp(name, OMBUD_FIG_CLOSED_TRANSFERS)) n->closed += v;
    else if (!strcmp(name, OMBUD_FIG_DAYS) && v > n->days) n->days = v;
    return 0;
}

static int count_breach(void *ud, const ombud_breach *b, const char *refs,
                        int64_t nrefs, int64_t shown)
{
    (void)b;
    (void)refs;
    (void)nrefs;
    (void)shown;
    (*(int64_t *)ud)++;
    return 0;
}

static int copy_result(void *ud, const ombud_result_row *r)
{
    dossier *x = ud;
    dres *c;

    if (x->nres == MAX_RESULTS)
        return 1;
    c = &x->res[x->nres++];
    c->id = r->id;
    c->gid = g_strdup(r->guarantee_id);
    c->kind = g_strdup(r->kind);
    c->promise = g_strdup(r->promise);
    c->source = g_strdup(r->source);
    c->money = r->r.amount != OMBUD_AMOUNT_NONE;
    c->accuses = r->r.pass == OMBUD_FAIL || r->r.pass == OMBUD_REPORTABLE;
    return 0;
}

static ombud_err gather(dossier *x)
{
    ombud_err err;

    if ((err = ombud_store_each_result(x->st, x->chk.id, copy_result, x)) ||
        (err = ombud_store_each_event(x->st, x->c->account, x->chk.from,
                                      x->chk.to, gather_event, x)))
        return err;
    for (int i = 0; i < x->nres; i++) {
        dres *r = &x->res[i];
        if ((r->accuses &&
             (err = ombud_store_each_breach_of(x->st, r->id, x->c->account,
                                               count_breach, &r->breaches))) ||
            (err = ombud_store_each_figure(x->st, r->id, gather_figure, x)))
            return err;
        x->nbreaches += r->breaches;
        /* the dossier line the kind's breaches count in (its drawing) */
        switch (ombud_rule_drawing(r->kind)->counter) {
        case OMBUD_COUNTER_PROMISES: x->n.promises_missed += r->breaches; break;
        case OMBUD_COUNTER_NOTICES: x->n.wrongful_notices += r->breaches; break;
        case OMBUD_COUNTER_APPOINTMENTS:
            x->n.appts_missed += r->breaches;
            break;
        case OMBUD_COUNTER_ORDERS: x->n.orders_late += r->breaches; break;
        case OMBUD_COUNTER_NONE: case OMBUD_COUNTER_COUNT: break;
        }
    }
    return OMBUD_OK;
}

/* ---- words ------------------------------------------------------------------ */

/* Input text inside ombud's sentences: isolated in the PDF (pdoc_iso()),
 * as it is in the workbook, whose cells keep the plain value. */
static const char *in(dossier *x, const char *s)
{
    return x->pdf ? pdoc_iso(&x->d, s) : s;
}

static char *hours(int64_t s, char *buf, size_t size)
{
    /* In hours, never days, as the letter counts them: "112 h". */
    return ombud_fmt_hours(s, buf, size);
}

/*
 * The account in numbers, as label/value pairs. For the letter
 * (@p letter) a row whose figures are all zero is left out: the letter
 * leads with what happened to this account, not with a block of zeros;
 * the numbers page and sheet keep every row, so that a zero is seen to
 * have been counted.
 */
static int numbers_rows(const dossier *x, int letter, char labels[][192],
                        char values[][192])
{
    const numbers *n = &x->n;
    char a[48], b[48];
    int k = 0;

#define ROW(l, ...) (snprintf(labels[k], 192, "%s", l), \
                     snprintf(values[k], 192, __VA_ARGS__), k++)
#define SHOW(nonzero) (!letter || (nonzero))
    if (SHOW(n->outages || n->out_seconds))
        ROW(_("Hours without service"), ombud_ngettext("%s (%lld outage)",
            "%s (%lld outages)", (unsigned long)n->outages),
            hours(n->out_seconds, a, sizeof a), (long long)n->outages);
    if (SHOW(n->calls))
        ROW(_("Calls made"), "%lld", (long long)n->calls);
    if (SHOW(n->phone))
        ROW(_("Time on the phone"), "%s", hours(n->phone, a, sizeof a));
    if (SHOW(n->agents)) {
        if (!n->agents)
            ROW(_("Employees spoken to"), "0");
        else if (!n->repeat)
            ROW(_("Employees spoken to"), _("%lld (none handled more than "
                "one call leg)"), (long long)n->agents);
        else
            ROW(_("Employees spoken to"), _("%lld (only %lld handled more "
                "than one call leg)"), (long long)n->agents,
                (long long)n->repeat);
    }
    if (SHOW(n->transfers)) {
        if (n->closed)
            ROW(_("Transfers"), _("%lld (%lld into a department that was "
                "closed)"), (long long)n->transfers, (long long)n->closed);
        else
            ROW(_("Transfers"), "%lld", (long long)n->transfers);
    }
    if (SHOW(n->days))
        ROW(_("Days from first call to restoration"), "%lld", (long long)n->days);
    if (SHOW(n->promises_missed))
        ROW(_("Promised restoration times missed"), "%lld",
            (long long)n->promises_missed);
    if (SHOW(n->owed || n->credited))
        ROW(_("Credits owed / received"), "%s / %s", pdoc_money(&x->d, n->owed,
            a, sizeof a), pdoc_money(&x->d, n->credited, b, sizeof b));
    if (SHOW(n->wrongful_notices))
        ROW(_("Wrongful late-payment notices"), "%lld",
            (long long)n->wrongful_notices);
    /* Only for accounts with appointments or orders: the others' numbers
     * (and letters) stay as they were. */
    if (n->appts && SHOW(n->appts_missed))
        ROW(_("Engineer appointments missed"), _("%lld of %lld"),
            (long long)n->appts_missed, (long long)n->appts);
    if (n->orders && SHOW(n->orders_late))
        ROW(_("Orders completed late or still open"), _("%lld of %lld"),
            (long long)n->orders_late, (long long)n->orders);
#undef SHOW
#undef ROW
    return k;
}

/* From @p a to @p b in local time; @p b as the time alone on the same day. */
static char *span(const dossier *x, int64_t a, int64_t b, char *buf, size_t size)
{
    char t0[40], t1[40], d0[24], d1[24];

    ombud_fmt_local(x->tz, a, t0, sizeof t0);
    ombud_fmt_local(x->tz, b, t1, sizeof t1);
    ombud_fmt_day_of(x->tz, a, d0, sizeof d0);
    ombud_fmt_day_of(x->tz, b, d1, sizeof d1);
    /* TRANSLATORS: a time window, e.g. "Tue 2026-10-06 08:00 to 13:00". */
    snprintf(buf, size, _("%s to %s"), t0, strcmp(d0, d1) ? t1 :
             t1 + strlen(t1) - 5);
    return buf;
}

/* An appointment: its window, then what came of it. */
static void describe_appt(dossier *x, const ombud_appointment *a,
                          char *buf, size_t size)
{
    char w[96], t[40];
    size_t n;

    span(x, a->window_start, a->window_end, w, sizeof w);
    if (a->kind && !strcmp(a->kind, "repair"))
        /* TRANSLATORS: an appointment's id and its booked window. */
        n = (size_t)snprintf(buf, size, _("Repair visit %s booked: window %s"),
                             in(x, a->appointment_id), w);
    else if (a->kind && !strcmp(a->kind, "install"))
        n = (size_t)snprintf(buf, size, _("Installation visit %s booked: "
                             "window %s"), in(x, a->appointment_id), w);
    else
        n = (size_t)snprintf(buf, size, _("Engineer visit %s booked: window "
                             "%s"), in(x, a->appointment_id), w);
    if (n >= size)
        return;
    if (a->cancelled_by)
        snprintf(buf + n, size - n, !strcmp(a->cancelled_by, "customer") ?
                 _("; cancelled by the customer %s") :
                 _("; cancelled by the provider %s"), ombud_fmt_local(
                 x->tz, a->cancelled_at, t, sizeof t));
    else if (a->arrived_at != OMBUD_TIME_NONE)
        snprintf(buf + n, size - n, a->customer_absent ?
                 _("; the engineer came %s and the customer was not there") :
                 _("; the engineer came %s"), ombud_fmt_local(x->tz,
                 a->arrived_at, t, sizeof t));
    else if (a->customer_absent)
        snprintf(buf + n, size - n, "%s", _("; the customer was not there"));
    else if (a->window_end <= x->chk.to)
        snprintf(buf + n, size - n, "; %s", _("the engineer never came"));
    else
        snprintf(buf + n, size - n, "%s", _("; no arrival recorded by the "
                 "end of the period"));
}

/* An order, when placed (its promise and fate) or when completed. */
static void describe_order(dossier *x, const ombud_event *e,
                           char *buf, size_t size)
{
    const ombud_order *o = e->order;
    char p[40], t[40];
    size_t n;

    if (o->promised_all_day)
        ombud_fmt_day_of(x->tz, o->promised_at, p, sizeof p);
    else
        ombud_fmt_local(x->tz, o->promised_at, p, sizeof p);
    if (!strcmp(e->what, "completed")) {
        /* TRANSLATORS: an order done: its id and the promised date. */
        snprintf(buf, size, _("Service connected: order %s completed "
                 "(promised for %s)"), in(x, o->order_id), p);
        return;
    }
    n = (size_t)(o->service ? snprintf(buf, size, _("Order %s placed for %s: "
                 "promised for %s"), in(x, o->order_id), in(x, o->service), p) :
                 snprintf(buf, size, _("Order %s placed: promised for %s"),
                          in(x, o->order_id), p));
    if (n < size)
        n += (size_t)(o->completed_at != OMBUD_TIME_NONE ?
             snprintf(buf + n, size - n, _("; completed %s"), ombud_fmt_local(
                      x->tz, o->completed_at, t, sizeof t)) :
             snprintf(buf + n, size - n, "%s", _("; still open at the end of "
                      "the period")));
    if (o->customer_requested_later && n < size)
        snprintf(buf + n, size - n, "%s", _("; the customer asked for a later "
                 "date"));
}

/* One sentence for an event of the chronology. */
static void describe(dossier *x, const ombud_event *e, char *buf,
                     size_t size)
{
    char t[40], m[48];

    if (e->leg) {
        const ombud_call_leg *c = e->leg;
        int64_t wait = (c->answered_at != OMBUD_TIME_NONE ? c->answered_at
                        : c->ended_at) - c->arrived_at;
        size_t n = (size_t)snprintf(buf, size, _("Call %s to %s: %s"),
                                    in(x, c->call_id), in(x, c->queue),
                                    ombud_fmt_outcome(c->outcome));
        if (c->agent_id && n < size)
            n += (size_t)snprintf(buf + n, size - n, _(" by %s"),
                                  in(x, c->agent_id));
        if (n < size)
            n += (size_t)snprintf(buf + n, size - n, _(" after %s; %s on the "
                     "line"), ombud_fmt_duration(wait, t, sizeof t),
                     ombud_fmt_duration(c->ended_at - c->arrived_at, m, sizeof m));
        if (c->transferred_to && n < size)
            n += (size_t)snprintf(buf + n, size - n, _("; transferred to %s"),
                                  in(x, c->transferred_to));
        if (c->promised_restore_at != OMBUD_TIME_NONE && n < size)
            snprintf(buf + n, size - n, _("; promised restoration by %s"),
                     ombud_fmt_local(x->tz, c->promised_restore_at, t, sizeof t));
    } else if (e->outage) {
        const ombud_outage *o = e->outage;
        if (!strcmp(e->what, "restored"))
            snprintf(buf, size, _("Service restored (%s)"),
                     in(x, o->outage_id));
        else
            snprintf(buf, size, _("Service lost (%s%s%s%s)%s"),
                     in(x, o->outage_id),
                     o->planned ? _(", planned work") : "",
                     o->scheduled_at != OMBUD_TIME_NONE ? _(", announced for ") : "",
                     o->scheduled_at != OMBUD_TIME_NONE ? ombud_fmt_local(
                     x->tz, o->scheduled_at, t, sizeof t) : "",
                     o->notified_at == OMBUD_TIME_NONE ? _("; no notice was given") : "");
    } else if (e->appt) {
        describe_appt(x, e->appt, buf, size);
    } else if (e->order) {
        describe_order(x, e, buf, size);
    } else {
        const ombud_billing *b = e->bill;
        snprintf(buf, size, "%s %s%s%s%s%s", bill_kind(b->kind),
                 b->has_amount ? pdoc_money(&x->d, b->amount, m, sizeof m) : "",
                 b->reference ? " " : "", b->reference ? in(x, b->reference) : "",
                 b->description ? ": " : "",
                 b->description ? in(x, b->description) : "");
    }
}

/* ---- the letter ---------------------------------------------------------------- */

/* A billing record's kind as a capitalised word in the reader's language. */
static const char *bill_kind(const char *kind)
{
    static const char *const k[][2] = {{"charge", N_("Charge")},
        {"credit", N_("Credit")}, {"payment", N_("Payment")},
        {"notice", N_("Notice")}};
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (!strcmp(kind, k[i][0]))
            return _(k[i][1]);
    return kind;
}

/* A sheet of the dossier's workbook; right to left in Hebrew. */
static lxw_worksheet *add_sheet(const dossier *x, lxw_workbook *wb,
                                const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    if (ws && ombud_i18n_rtl())
        worksheet_right_to_left(ws);
    if (ws)
        ombud_xlsx_print_setup(ws, &x->chk, x->tz);
    return ws;
}

/* Breaches stated in the letter per promise; the rest are counted there
 * and listed in the dossier's "Broken promises" pages. */
#define LETTER_BREACHES 6

typedef struct lbreach { GString *s; int64_t shown; } lbreach;

/* One breach's facts as the rule stated them: dates, amounts, references. */
static int letter_breach(void *ud, const ombud_breach *b, const char *refs,
                         int64_t nrefs, int64_t shown)
{
    lbreach *l = ud;

    (void)refs;
    (void)nrefs;
    (void)shown;
    if (l->shown++ < LETTER_BREACHES)
        g_string_append_printf(l->s, "\n    %s", b->detail);
    return 0;
}

/*
 * Each broken promise quoted with its source, then the facts of each of
 * its breaches in this account's records (the notice, the invoice and its
 * due date, the payment; the outage's start, end and hours; the calls and
 * time on the phone), so that the letter itself says what happened. ""
 * when nothing was breached: the letter's {{#breaches}} sections then
 * leave every accusation out.
 */
static char *breaches_text(dossier *x)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; i < x->nres; i++) {
        const dres *r = &x->res[i];
        lbreach l = {s, 0};
        if (!r->breaches)
            continue;
        g_string_append_printf(s, ombud_ngettext("%s- \"%s\" (%s): broken "
                               "%lld time:", "%s- \"%s\" (%s): broken %lld "
                               "times:", (unsigned long)r->breaches),
                               s->len ? "\n" : "", in(x, r->promise),
                               in(x, r->source), (long long)r->breaches);
        ombud_store_each_breach_of(x->st, r->id, x->c->account, letter_breach,
                                   &l);
        if (l.shown > LETTER_BREACHES) {
            int64_t more = l.shown - LETTER_BREACHES;
            g_string_append(s, "\n    ");
            g_string_append_printf(s, ombud_ngettext("and %lld more, listed "
                                   "in the enclosed dossier", "and %lld more, "
                                   "listed in the enclosed dossier",
                                   (unsigned long)more), (long long)more);
        }
    }
    return g_string_free(s, FALSE);
}

/* The request when --ask is not given: an account with a breach asks for
 * a finding and the credits (when some are owed); one without accuses no
 * one. */
static const char ask_breach[] = N_(
    "- find that the company broke the promises listed above;\n"
    "- order it to pay the credits owed, and to refund any fee charged\n"
    "  because of these failures;\n"
    "- require it to keep the service and support it advertises.");
static const char ask_no_credit[] = N_(
    "- find that the company broke the promises listed above;\n"
    "- order it to refund any fee charged because of these failures;\n"
    "- require it to keep the service and support it advertises.");
static const char ask_record[] = N_(
    "- keep this record of my service in the period on file;\n"
    "- tell me whether the Commission needs anything more from me.");

static const char *ask_of(const dossier *x)
{
    if (x->c->ask)
        return x->c->ask;
    if (!x->nbreaches)
        return _(ask_record);
    return x->n.owed > x->n.credited ? _(ask_breach) : _(ask_no_credit);
}

static ombud_err fill_letter(dossier *x)
{
    char labels[12][192], values[12][192], owed[48], date[24];
    GString *nums = g_string_new(NULL);
    char *br = breaches_text(x);
    int n = numbers_rows(x, 1, labels, values);
    int64_t unpaid = x->n.owed > x->n.credited ? x->n.owed - x->n.credited : 0;
    const ombud_complaint *c = x->c;
    ombud_err err;

    for (int i = 0; i < n; i++)
        g_string_append_printf(nums, "%s- %s: %s", i ? "\n" : "", labels[i],
                               values[i]);
    pdoc_money(&x->d, unpaid, owed, sizeof owed);
    ombud_fmt_date(x->year, x->month, x->day, date, sizeof date);
    {
        /* Optional texts stay NULL when not given: their sections go. */
#define OPT(v) ((v) && (v)[0] ? in(x, v) : NULL)
        const ombud_letter_field f[] = {
            {"date", date, 0}, {"commission", in(x, x->chk.commission), 0},
            {"carrier", in(x, x->chk.carrier), 0},
            {"account", in(x, c->account), 0},
            {"customer", in(x, c->customer), 0}, {"period", x->period, 0},
            {"docket", x->chk.docket[0] ? in(x, x->chk.docket)
                                        : _("no docket yet"), 0},
            {"numbers", nums->str, 0}, {"breaches", br, 0},
            {"total_owed", owed, unpaid == 0},
            {"ask", in(x, x->ask), 0},
            {"address", OPT(c->address), 0},
            {"service_address", OPT(c->service_address), 0},
            {"tried", OPT(c->tried), 0}};
#undef OPT
        err = ombud_letter_fill(c->letter_path, c->letter, f,
                                (int)(sizeof f / sizeof f[0]), &x->letter);
    }
    g_string_free(nums, TRUE);
    g_free(br);
    return err;
}

/* ---- manifest -------------------------------------------------------------- */

/*
 * The dossier's manifest: the check's, plus every option the dossier was
 * written with, so that `ombud verify` can write it again byte for byte.
 * The letter is recorded by its SHA-256: verify finds the template among
 * the files it is given (or knows it as the compiled-in one).
 */
/* An optional text as the manifest records it: "" when not given, which
 * verify gives back as "" (the same letter: its sections test for ""). */
static const char *opt(const char *s)
{
    return s ? s : "";
}

/*
 * The letter's date as the manifest records it: "" for the last day of
 * the period, the date every dossier bore before --date, so that those
 * dossiers keep the manifest they were written with and verify still
 * writes them again (it reads no date as that day).
 */
static const char *manifest_date(const dossier *x)
{
    ombud_tm end;

    ombud_tm_from_instant(x->tz, x->chk.to - 1, &end);
    return end.year == x->year && end.month == x->month && end.day == x->day
           ? "" : x->date;
}

static ombud_err make_manifest(dossier *x, const char *paper)
{
    ombud_manifest *m = calloc(1, sizeof *m);
    ombud_sha256 *h = ombud_sha256_new();
    ombud_err err;

    free(x->manifest);
    x->manifest = malloc(OMBUD_MANIFEST_MAX);
    if (!m || !h || !x->manifest) {
        err = OMBUD_E_NOMEM;
    } else if (!(err = ombud_manifest_build(x->st, x->chk.id, m))) {
        snprintf(m->doc, sizeof m->doc, "dossier");
        snprintf(m->paper, sizeof m->paper, "%s", paper);
        snprintf(m->account, sizeof m->account, "%s", x->c->account);
        snprintf(m->customer, sizeof m->customer, "%s", x->c->customer);
        snprintf(m->ask, sizeof m->ask, "%s", x->ask);
        snprintf(m->address, sizeof m->address, "%s", opt(x->c->address));
        snprintf(m->service_address, sizeof m->service_address, "%s",
                 opt(x->c->service_address));
        snprintf(m->tried, sizeof m->tried, "%s", opt(x->c->tried));
        snprintf(m->date, sizeof m->date, "%s", manifest_date(x));
        ombud_sha256_update(h, x->c->letter, strlen(x->c->letter));
        snprintf(m->letter, sizeof m->letter, "%s", ombud_sha256_hex(h));
        if (strlen(x->c->account) >= sizeof m->account ||
            strlen(x->c->customer) >= sizeof m->customer ||
            strlen(x->ask) >= sizeof m->ask)
            err = ombud_error(OMBUD_E_USAGE, NULL, "the account, --customer "
                              "or --ask is too long to record in the "
                              "dossier's manifest (at most %zu, %zu and %zu "
                              "bytes)", sizeof m->account - 1,
                              sizeof m->customer - 1, sizeof m->ask - 1);
        else if (strlen(opt(x->c->address)) >= sizeof m->address ||
                 strlen(opt(x->c->service_address)) >=
                 sizeof m->service_address ||
                 strlen(opt(x->c->tried)) >= sizeof m->tried)
            err = ombud_error(OMBUD_E_USAGE, NULL, "--address, "
                              "--service-address or --tried is too long to "
                              "record in the dossier's manifest (at most %zu, "
                              "%zu and %zu bytes)", sizeof m->address - 1,
                              sizeof m->service_address - 1,
                              sizeof m->tried - 1);
        else if (!ombud_manifest_format(m, x->manifest, OMBUD_MANIFEST_MAX))
            err = ombud_error(OMBUD_E_DATA, NULL, "the dossier's manifest is "
                              "longer than %d bytes: import the files from "
                              "shorter paths", OMBUD_MANIFEST_MAX);
    }
    ombud_sha256_free(h);
    free(m);
    return err;
}

/* The manifest sheet: its first cell is what `ombud verify` reads. */
static void manifest_sheet(dossier *x, lxw_workbook *wb)
{
    lxw_worksheet *ws = add_sheet(x, wb, _("Manifest"));

    if (!ws)
        return;
    worksheet_set_column(ws, 0, 0, 120, NULL);
    worksheet_write_string(ws, 0, 0, x->manifest, NULL);
    worksheet_write_string(ws, 2, 0, _("What the figures were made from "
                           "(checked by ombud verify)"), NULL);
    worksheet_print_area(ws, 0, 0, 2, 0);
}

/* ---- PDF -------------------------------------------------------------------- */

static int chrono_row(void *ud, const ombud_event *e)
{
    dossier *x = ud;
    static const pdoc_col cols[] = {
        {N_("When (local)"), 0.17, 0, 0}, {N_("What happened"), 0.65, 0, 0},
        {N_("Record"), 0.18, 0, PDOC_COL_INPUT}};
    const pdoc_table t = {cols, 3, 7};
    char when[40], what[1200], src[300];
    const char *cells[3] = {when, what, src};

    ombud_fmt_local(x->tz, e->at, when, sizeof when);
    describe(x, e, what, sizeof what);
    /* Isolated whole (an input column): "billing.csv:9" reads so on a
     * right-to-left page too, as it did before isolates. */
    snprintf(src, sizeof src, "%s:%ld", e->file, e->line);
    pdoc_table_row(&x->d, &t, cells, -1, NULL);
    return 0;
}

typedef struct brow { dossier *x; const pdoc_table *t; int shown; } brow;

static int breach_row(void *ud, const ombud_breach *b, const char *refs,
                      int64_t n, int64_t shown)
{
    brow *br = ud;
    char ev[400];
    const char *cells[2] = {b->detail, ev};

    pdoc_refs(&br->x->d, refs, n, shown, ev, sizeof ev);
    if (!br->shown++) /* the header goes where its first row fits */
        pdoc_table_start_with(&br->x->d, br->t, cells);
    pdoc_table_row(&br->x->d, br->t, cells, -1, NULL);
    return 0;
}

static void draw_breaches(dossier *x)
{
    static const pdoc_col cols[] = {{N_("What happened"), 0.70, 0, 0},
                                    {N_("Evidence (file and lines)"), 0.30,
                                     0, PDOC_COL_REFS}};
    const pdoc_table t = {cols, 2, 7.5};
    brow br = {x, &t, 0};
    char line[2400];

    pdoc_new_page(&x->d);
    pdoc_para(&x->d, _("Broken promises"), 16, 1, 0);
    if (!x->nbreaches)
        pdoc_para(&x->d, _("None: checked against every guarantee in the "
                  "file, this account's records of the period show no "
                  "breach."), 10.5, 0, 0);
    for (int i = 0; i < x->nres; i++) {
        const dres *r = &x->res[i];
        if (!r->breaches)
            continue;
        pdoc_ensure(&x->d, 90);
        x->d.y += 6;
        snprintf(line, sizeof line, "\"%s\"", in(x, r->promise));
        pdoc_para(&x->d, line, 11, 1, 0);
        snprintf(line, sizeof line, ombud_ngettext("Published in: %s. Broken "
                 "%lld time in this account's records.", "Published in: %s. "
                 "Broken %lld times in this account's records.",
                 (unsigned long)r->breaches), in(x, r->source),
                 (long long)r->breaches);
        pdoc_para(&x->d, line, 8.5, 0, 0.2);
        br.shown = 0;
        ombud_store_each_breach_of(x->st, r->id, x->c->account, breach_row, &br);
    }
}

static void draw_numbers(dossier *x)
{
    static const pdoc_col cols[] = {{"", 0.45, 0, 0}, {"", 0.55, 0, 0}};
    const pdoc_table t = {cols, 2, 9};
    char labels[12][192], values[12][192], head[300];
    int n = numbers_rows(x, 0, labels, values);

    pdoc_new_page(&x->d);
    snprintf(head, sizeof head, _("Account %s in numbers"),
             in(x, x->c->account));
    pdoc_para(&x->d, head, 16, 1, 0);
    x->d.y += 4;
    for (int i = 0; i < n; i++) {
        const char *cells[2] = {labels[i], values[i]};
        pdoc_table_row(&x->d, &t, cells, -1, NULL);
    }
    x->d.y += 16;
    if (x->tl.out_start != OMBUD_TIME_NONE || x->call_at->len) {
        pdoc_ensure(&x->d, 250);
        pdoc_para(&x->d, _("Timeline"), 12, 1, 0);
        ombud_chart_timeline(x->d.cr, x->d.ml, x->d.y + 4, pdoc_width(&x->d),
                             220, &x->tl);
        x->d.y += 240;
    }
}

/*
 * The letter, line by line, so that a long one breaks between lines
 * onto the next page. A list item ("- ...") wraps under its own text
 * (a hanging indent); a breach's facts ("    ...", under their promise)
 * are indented as a block; a blank line is a paragraph's gap.
 */
static void draw_letter(dossier *x)
{
    pdoc *d = &x->d;
    const double size = 10.5, hang = 8, block = 16;
    gchar **lines = g_strsplit(x->letter, "\n", -1);

    for (int i = 0; lines[i]; i++) {
        const char *t = lines[i];
        double in_by = 0, h;
        PangoLayout *l;

        if (!t[strspn(t, " ")]) {
            d->y += size * 0.8;
            continue;
        }
        if (!strncmp(t, "    ", 4)) {
            in_by = block;
            t += strspn(t, " ");
        }
        l = pdoc_layout(d, t, size, 0, pdoc_width(d) - in_by, NULL);
        if (!strncmp(t, "- ", 2) || in_by)
            pango_layout_set_indent(l, (int)(-hang * PANGO_SCALE));
        h = pdoc_height(l);
        pdoc_ensure(d, h);
        pdoc_show(d, l, d->ml + in_by, d->y, 0);
        d->y += h;
        g_object_unref(l);
    }
    g_strfreev(lines);
}

static void draw(pdoc *d, void *ud)
{
    dossier *x = ud;
    static const pdoc_col cols[] = {
        {N_("When (local)"), 0.17, 0, 0}, {N_("What happened"), 0.65, 0, 0},
        {N_("Record"), 0.18, 0, PDOC_COL_INPUT}};
    const pdoc_table t = {cols, 3, 7};

    pdoc_new_page(d);
    draw_letter(x);
    draw_numbers(x);
    pdoc_new_page(d);
    pdoc_para(d, _("Chronology"), 16, 1, 0);
    pdoc_para(d, _("Every record of the account in the period, in time order, "
              "with the file and line it comes from."), 8.5, 0, 0.2);
    pdoc_table_start(d, &t, 20);
    ombud_store_each_event(x->st, x->c->account, x->chk.from, x->chk.to,
                           chrono_row, x);
    draw_breaches(x);
    pdoc_new_page(d);
    pdoc_para(d, _("Records used"), 16, 1, 0);
    pdoc_para(d, _("The carrier's records this dossier was computed from, with "
              "their SHA-256 checksums. Every row was stored or rejected with "
              "a reason; \"Balanced\" confirms read = stored + rejected."), 8.5,
              0, 0.2);
    pdoc_sources(d, x->st);
}

/* ---- XLSX --------------------------------------------------------------------- */

/*
 * The workbook's cell formats. Figures keep their type, as in xlsx.c:
 * counts are numbers, times Excel durations (days), shares percentages,
 * money in the filing currency's format (the report's code), so that a
 * reader can add, sort and compare them; never text.
 */
typedef struct xfmt {
    lxw_format *head;          /* a table's header row */
    lxw_format *date;          /* a local date and time */
    lxw_format *count;         /* a whole number: #,##0 */
    lxw_format *hm;            /* a total of time, [h]:mm: 112 h is 112:00,
                                  hours and minutes as the letter says */
    lxw_format *hms;           /* a breach's measure, [h]:mm:ss: a call
                                  closed after 47 s is not 0:00 */
    lxw_format *pct;           /* a share: 0.00% */
    lxw_format *ratio;         /* thousandths (reliability indices) */
    lxw_format *money;         /* minor units as the filing currency */
} xfmt;

typedef struct xsheet {
    dossier *x;
    lxw_worksheet *ws;
    int row;                   /* the next row to write */
    const xfmt *f;
} xsheet;

static lxw_format *num_format(lxw_workbook *wb, const char *code)
{
    lxw_format *f = workbook_add_format(wb);

    format_set_num_format(f, code);
    return f;
}

static void make_formats(const dossier *x, lxw_workbook *wb, xfmt *f)
{
    const char *tag = ombud_xlsx_locale_tag();
    char code[96];

    f->head = workbook_add_format(wb);
    format_set_bold(f->head);
    f->date = num_format(wb, ombud_xlsx_date_format());
#define CODE(...) (snprintf(code, sizeof code, __VA_ARGS__), code)
    f->count = num_format(wb, CODE("%s#,##0", tag));
    f->hm = num_format(wb, CODE("%s[h]:mm", tag));
    f->hms = num_format(wb, CODE("%s[h]:mm:ss", tag));
    f->pct = num_format(wb, CODE("%s0.00%%", tag));
    f->ratio = num_format(wb, CODE("%s0.000", tag));
#undef CODE
    f->money = num_format(wb, ombud_xlsx_money_format(x->chk.currency, code,
                                                      sizeof code));
}


static void put_num(xsheet *s, int col, double v, lxw_format *fmt)
{
    worksheet_write_number(s->ws, (lxw_row_t)s->row, (lxw_col_t)col, v, fmt);
}

static double money_of(const dossier *x, int64_t minor)
{
    double scale = 1;

    for (int i = ombud_currency_digits(x->chk.currency); i > 0; i--)
        scale *= 10;
    return (double)minor / scale;
}

/*
 * A figure in its unit, as xlsx.c writes the report's: seconds as an
 * Excel duration (days) in @p dur's format, basis points as a share,
 * thousandths as a ratio, "count" (or none) as a whole number, money
 * ("minor") in the currency's format.
 */
static void put_value(xsheet *s, int col, int64_t v, const char *unit,
                      lxw_format *dur)
{
    if (!unit || !strcmp(unit, "count"))
        put_num(s, col, (double)v, s->f->count);
    else if (!strcmp(unit, "s"))
        put_num(s, col, (double)v / 86400.0, dur);
    else if (!strcmp(unit, "bp"))
        put_num(s, col, (double)v / 10000.0, s->f->pct);
    else if (!strcmp(unit, "milli"))
        put_num(s, col, (double)v / 1000.0, s->f->ratio);
    else
        put_num(s, col, money_of(s->x, v), s->f->money);
}

static void put_local(xsheet *s, int col, int64_t t)
{
    ombud_tm tm;
    lxw_datetime dt;

    ombud_tm_from_instant(s->x->tz, t, &tm);
    dt = (lxw_datetime){tm.year, tm.month, tm.day, tm.hour, tm.min, tm.sec};
    worksheet_write_datetime(s->ws, (lxw_row_t)s->row, (lxw_col_t)col, &dt,
                             s->f->date);
}

/* A table's header in row 1, frozen in view and printed atop every page. */
static void header(lxw_worksheet *ws, lxw_format *bold, const char *const *h,
                   const double *w, int n)
{
    for (int c = 0; c < n; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], NULL);
        ombud_sheet_text(ws, 0, c, h[c][0] ? _(h[c]) : "", bold);
    }
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
}

/*
 * After a table's last row (@p last, 0 when it has none): its autofilter
 * (on the header alone when empty, so the filter buttons are where a
 * reader looks for them) and its print area, the table and nothing else.
 */
static void table_end(lxw_worksheet *ws, int last, int last_col)
{
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)last, (lxw_col_t)last_col);
    worksheet_print_area(ws, 0, 0, (lxw_row_t)last, (lxw_col_t)last_col);
}

/* The account in numbers as the workbook holds them: one figure a row,
 * each of its type, where the PDF's rows join several in words. */
typedef enum nkind { NUM_COUNT, NUM_TIME, NUM_MONEY } nkind;
typedef struct ncell { const char *label; int64_t v; nkind kind; } ncell;

#define NUMBER_CELLS 20     /* more than number_cells() writes */

static int number_cells(const dossier *x, ncell *c)
{
    const numbers *n = &x->n;
    int k = 0;

#define FIG(l, v, kind) (c[k++] = (ncell){l, v, kind})
    FIG(N_("Outages"), n->outages, NUM_COUNT);
    FIG(N_("Hours without service"), n->out_seconds, NUM_TIME);
    FIG(N_("Calls made"), n->calls, NUM_COUNT);
    FIG(N_("Time on the phone"), n->phone, NUM_TIME);
    FIG(N_("Employees spoken to"), n->agents, NUM_COUNT);
    FIG(N_("Employees who handled more than one call leg"), n->repeat,
        NUM_COUNT);
    FIG(N_("Transfers"), n->transfers, NUM_COUNT);
    FIG(N_("Transfers into a department that was closed"), n->closed,
        NUM_COUNT);
    FIG(N_("Days from first call to restoration"), n->days, NUM_COUNT);
    FIG(N_("Promised restoration times missed"), n->promises_missed,
        NUM_COUNT);
    FIG(N_("Credits owed"), n->owed, NUM_MONEY);
    FIG(N_("Credits received"), n->credited, NUM_MONEY);
    FIG(N_("Wrongful late-payment notices"), n->wrongful_notices, NUM_COUNT);
    /* As on the numbers page: only for accounts with appointments or
     * orders. */
    if (n->appts) {
        FIG(N_("Engineer appointments"), n->appts, NUM_COUNT);
        FIG(N_("Engineer appointments missed"), n->appts_missed, NUM_COUNT);
    }
    if (n->orders) {
        FIG(N_("Orders"), n->orders, NUM_COUNT);
        FIG(N_("Orders completed late or still open"), n->orders_late,
             NUM_COUNT);
    }
#undef FIG
    assert(k <= NUMBER_CELLS);
    return k;
}

static void numbers_sheet(xsheet *s, lxw_workbook *wb)
{
    static const char *const head[] = {N_("The account in numbers"),
                                       N_("Value")};
    static const double widths[] = {46, 14};
    ncell c[NUMBER_CELLS];
    int n = number_cells(s->x, c);

    if (!(s->ws = add_sheet(s->x, wb, _("Numbers"))))
        return;
    /* Two columns fit a portrait page; the other sheets are wide. */
    worksheet_set_portrait(s->ws);
    header(s->ws, s->f->head, head, widths, 2);
    for (s->row = 1; s->row <= n; s->row++) {
        const ncell *k = &c[s->row - 1];
        ombud_sheet_text(s->ws, s->row, 0, _(k->label), NULL);
        if (k->kind == NUM_TIME)
            put_num(s, 1, (double)k->v / 86400.0, s->f->hm);
        else if (k->kind == NUM_MONEY)
            put_num(s, 1, money_of(s->x, k->v), s->f->money);
        else
            put_num(s, 1, (double)k->v, s->f->count);
    }
    table_end(s->ws, n, 1);
}

static int x_event(void *ud, const ombud_event *e)
{
    xsheet *s = ud;
    char what[600];

    describe(s->x, e, what, sizeof what);
    put_local(s, 0, e->at);
    ombud_sheet_text(s->ws, s->row, 1, what, NULL);
    ombud_sheet_text(s->ws, s->row, 2, e->file, NULL);
    put_num(s, 3, (double)e->line, s->f->count);
    s->row++;
    return 0;
}

static void chronology_sheet(xsheet *s, lxw_workbook *wb)
{
    static const char *const head[] = {N_("When (local)"), N_("What happened"),
                                       N_("File"), N_("Line")};
    static const double widths[] = {18, 100, 14, 8};

    if (!(s->ws = add_sheet(s->x, wb, _("Chronology"))))
        return;
    header(s->ws, s->f->head, head, widths, 4);
    s->row = 1;
    ombud_store_each_event(s->x->st, s->x->c->account, s->x->chk.from,
                           s->x->chk.to, x_event, s);
    table_end(s->ws, s->row - 1, 3);
}

typedef struct xbreach { xsheet *s; const dres *r; } xbreach;

static int x_breach(void *ud, const ombud_breach *b, const char *refs,
                    int64_t n, int64_t shown)
{
    xbreach *xb = ud;
    xsheet *s = xb->s;
    char ev[2400];

    ombud_sheet_text(s->ws, s->row, 0, xb->r->gid, NULL);
    ombud_sheet_text(s->ws, s->row, 1, xb->r->promise, NULL);
    ombud_sheet_text(s->ws, s->row, 2, xb->r->source, NULL);
    if (b->at != OMBUD_TIME_NONE)
        put_local(s, 3, b->at);
    put_value(s, 4, b->measured, b->unit, s->f->hms);
    put_value(s, 5, b->limit, b->unit, s->f->hms);
    put_value(s, 6, b->shortfall, b->unit, s->f->hms);
    /* Blank for a guarantee that deals in no money, as in the report:
     * 0.00 would say that nothing was owed. */
    if (xb->r->money)
        put_num(s, 7, money_of(s->x, b->amount), s->f->money);
    ombud_sheet_text(s->ws, s->row, 8, b->detail, NULL);
    ombud_sheet_text(s->ws, s->row, 9, ombud_evidence_refs_text(refs, n,
                     shown, ev, sizeof ev), NULL);
    s->row++;
    return 0;
}

static void breaches_sheet(xsheet *s, lxw_workbook *wb)
{
    static const char *const head[] = {N_("Guarantee"), N_("Promise"),
        N_("Source"), N_("When (local)"), N_("Measured"), N_("Limit"),
        N_("Shortfall"), N_("Amount"), N_("What happened"),
        N_("Evidence (file:line)")};
    static const double widths[] = {18, 40, 30, 18, 12, 12, 12, 12, 80, 40};
    dossier *x = s->x;

    if (!(s->ws = add_sheet(x, wb, _("Breaches"))))
        return;
    header(s->ws, s->f->head, head, widths, 10);
    s->row = 1;
    for (int i = 0; i < x->nres; i++) {
        xbreach xb = {s, &x->res[i]};
        if (!x->res[i].accuses)
            continue;
        ombud_store_each_breach_of(x->st, x->res[i].id, x->c->account,
                                   x_breach, &xb);
    }
    table_end(s->ws, s->row - 1, 9);
}

/* As in xlsx.c: libxlsxwriter does not check its sheet temp files. */
static int sheet_files_ok(lxw_workbook *wb)
{
    lxw_worksheet *ws;

    LXW_FOREACH_WORKSHEET(ws, wb) {
        FILE *f = ws->optimize_tmpfile;
        if (f && (fflush(f) != 0 || ferror(f)))
            return 0;
    }
    return 1;
}

static ombud_err write_xlsx(dossier *x, const char *path)
{
    lxw_workbook_options o = {LXW_TRUE, NULL, LXW_FALSE};
    lxw_doc_properties props = {0};
    ombud_outfile of;
    lxw_workbook *wb;
    xfmt f;
    xsheet s = {x, NULL, 1, &f};
    lxw_error e;
    ombud_err err0;

    if ((err0 = make_manifest(x, "")))
        return err0;
    if (ombud_outfile_open(&of, path))
        return OMBUD_E_CANTCREAT;
    if (!(wb = workbook_new_opt(of.tmp, &o))) {
        ombud_outfile_abort(&of, NULL);
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s", path);
    }
    props.title = (char *)_("Complaint dossier");
    props.company = x->chk.carrier;
    props.created = (time_t)x->chk.to;
    workbook_set_properties(wb, &props);
    make_formats(x, wb, &f);
    numbers_sheet(&s, wb);
    chronology_sheet(&s, wb);
    breaches_sheet(&s, wb);
    manifest_sheet(x, wb);
    if (!sheet_files_ok(wb)) {
        workbook_close(wb);
        ombud_outfile_abort(&of, NULL);
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: "
                           "disk full?", path);
    }
    if ((e = workbook_close(wb)) != LXW_NO_ERROR) {
        ombud_outfile_abort(&of, NULL);
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s", path,
                           lxw_strerror(e));
    }
    return ombud_outfile_commit(&of, NULL);
}

/* ---- entry --------------------------------------------------------------------- */

static void dossier_free(dossier *x)
{
    for (int i = 0; i < x->nres; i++) {
        g_free(x->res[i].gid);
        g_free(x->res[i].kind);
        g_free(x->res[i].promise);
        g_free(x->res[i].source);
    }
    g_ptr_array_free(x->tickets, TRUE);
    g_array_free(x->call_at, TRUE);
    g_array_free(x->call_kind, TRUE);
    g_array_free(x->promise_at, TRUE);
    g_free(x->letter);
    free(x->manifest);
    pdoc_release(&x->d);
    ombud_tz_free(x->tz);
    free(x);
}

/* The timeline's axis: the account's events, widened to whole local days. */
static void timeline_axis(dossier *x)
{
    int64_t a = x->tl.out_start, z = x->tl.out_end;
    ombud_tm tm;

    for (guint i = 0; i < x->call_at->len; i++) {
        int64_t t = g_array_index(x->call_at, int64_t, i);
        if (a == OMBUD_TIME_NONE || t < a) a = t;
        if (z == OMBUD_TIME_NONE || t > z) z = t;
    }
    if (a == OMBUD_TIME_NONE)
        a = x->chk.from, z = x->chk.to;
    if (z == OMBUD_TIME_NONE || z <= a)
        z = a + 86400;
    ombud_tm_from_instant(x->tz, a, &tm);
    x->tl.from = ombud_tz_local_to_utc(x->tz, ombud_days_from_civil(tm.year,
                                       tm.month, tm.day) * 86400, NULL);
    x->tl.to = ombud_next_midnight(x->tz, z);
    x->tl.tz = x->tz;
    x->tl.call_at = (const int64_t *)(void *)x->call_at->data;
    x->tl.call_kind = (const ombud_tl_kind *)(void *)x->call_kind->data;
    x->tl.ncalls = (int)x->call_at->len;
    x->tl.promise_at = (const int64_t *)(void *)x->promise_at->data;
    x->tl.npromises = (int)x->promise_at->len;
}

/*
 * The letter's date: the one given (--date, or the manifest's when verify
 * writes the dossier again), else today where the filing is, since a
 * letter is dated when it is sent, not at the period's end.
 */
static ombud_err letter_date(dossier *x)
{
    char why[96];

    if (!x->c->date)
        ombud_today(x->tz, &x->year, &x->month, &x->day);
    else if (ombud_date_parse(x->c->date, &x->year, &x->month, &x->day, why,
                              sizeof why))
        return ombud_error(OMBUD_E_USAGE, NULL, "the letter's date '%s' is "
                           "not a calendar date: %s", x->c->date, why);
    snprintf(x->date, sizeof x->date, "%04d-%02d-%02d", x->year, x->month,
             x->day);
    return OMBUD_OK;
}

ombud_err ombud_report_complaint(ombud_store *st, const ombud_complaint *c,
                                 const char *pdf_path, const char *xlsx_path)
{
    dossier *x = calloc(1, sizeof *x);
    char date[32], subject[700], creator[64];
    ombud_tm tm;
    ombud_err err;

    if (!x)
        return OMBUD_E_NOMEM;
    x->st = st;
    x->c = c;
    x->tickets = g_ptr_array_new_with_free_func(g_free);
    x->call_at = g_array_new(FALSE, FALSE, sizeof(int64_t));
    x->call_kind = g_array_new(FALSE, FALSE, sizeof(ombud_tl_kind));
    x->promise_at = g_array_new(FALSE, FALSE, sizeof(int64_t));
    x->tl.out_start = x->tl.out_end = OMBUD_TIME_NONE;
    x->tl.scheduled = x->tl.notified = OMBUD_TIME_NONE;
    if ((err = ombud_store_check_get(st, c->check_id, &x->chk))) {
        dossier_free(x);
        return err;
    }
    if (ombud_tz_open(x->chk.tz, &x->tz)) {
        err = ombud_error(OMBUD_E_DATA, NULL, "the findings' time zone '%s' "
                          "is not known on this machine", x->chk.tz);
        dossier_free(x);
        return err;
    }
    if ((err = letter_date(x))) {
        dossier_free(x);
        return err;
    }
    ombud_fmt_period(x->tz, x->chk.from, x->chk.to, x->period, sizeof x->period);
    pdoc_init(&x->d, c->paper, x->chk.currency);
    x->pdf = 1; /* the letter and the header are drawn only */
    if (!(err = gather(x)) && (x->ask = ask_of(x)) &&
        !(err = fill_letter(x))) {
        timeline_axis(x);
        /* No breach, no accusation, in the running head either. */
        if (x->nbreaches)
            snprintf(x->d.head, sizeof x->d.head, _("Complaint of %s against "
                     "%s  |  account %s  |  %s"), in(x, c->customer),
                     in(x, x->chk.carrier), in(x, c->account), x->period);
        else
            snprintf(x->d.head, sizeof x->d.head, _("Service record of %s "
                     "with %s  |  account %s  |  %s"), in(x, c->customer),
                     in(x, x->chk.carrier), in(x, c->account), x->period);
        ombud_utf8_trim(x->d.head);
        snprintf(x->d.foot, sizeof x->d.foot, _("ombud %s; every figure from the "
                 "carrier's records, by file and line"), x->chk.tool_version);
        ombud_tm_from_instant(NULL, x->chk.to, &tm);
        snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
                 tm.month, tm.day, tm.hour, tm.min, tm.sec);
        if (x->nbreaches)
            snprintf(subject, sizeof subject, _("Complaint of %s against %s, "
                     "account %s, %s"), c->customer, x->chk.carrier,
                     c->account, x->period);
        else
            snprintf(subject, sizeof subject, _("Service record of %s with "
                     "%s, account %s, %s"), c->customer, x->chk.carrier,
                     c->account, x->period);
        ombud_utf8_trim(subject);
        snprintf(creator, sizeof creator, "ombud %s", x->chk.tool_version);
        /* The keywords are the manifest: ombud verify reads them back. */
        if (pdf_path && !(err = make_manifest(x, ombud_paper_name(c->paper))))
            err = pdoc_write(&x->d, pdf_path, draw, x, _("Complaint dossier"),
                             c->customer, subject, x->manifest, creator, date);
        x->pdf = 0; /* the workbook's cells keep the plain values */
        if (!err && xlsx_path)
            err = write_xlsx(x, xlsx_path);
    }
    dossier_free(x);
    return err;
}
