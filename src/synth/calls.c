/*
 * calls.c - the synthetic month's call legs: calls.csv, or an Asterisk
 * queue_log plus accounts.csv (caller number -> account).
 *
 * Arrivals: the month is cut into quarter hours; each gets a share of the
 * N legs by an hour-of-day curve (quiet at night, peaks at 10:00 and
 * 14:00) times a day-of-week factor (Monday busiest, Sunday quietest).
 * Customers with a ticket call about it from soon after the outage until
 * it is restored (the repeat calls), merged in time order from a small
 * heap; the rest are general calls, 60 % of them from a caller identified
 * with an account (the others skipped the account prompt or are not
 * customers).
 *
 * Service: each queue has opening hours (tech_support 07-22 daily with a
 * skeleton crew to midnight and nobody after; billing weekdays 08-18;
 * repair, escalation, retention business hours) and a load per hour:
 * comfortable most of the day, overloaded on Monday mornings, at the
 * evening shift change, on weekends and on the late skeleton shift. The
 * mean wait grows as load / (1 - load); a caller abandons after a patience
 * drawn around five minutes; a queue that is closed answers with nobody
 * (`closed`, or voicemail for tech support at night). An answered leg may
 * be transferred on, possibly into a queue that has closed. Agents give
 * restoration times on ticket calls; about 45 % are missed.
 *
 * The queue_log is written in time order through a heap of pending lines
 * (one per event, held until its time has passed), except that a few
 * lines come late and a few ENTERQUEUE lines twice, as in real logs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "synth_int.h"
#include "rng.h"
#include "clock.h"
#include "out.h"

#define HOUR 3600
#define SLOT 900

/* Arrivals per hour of day (relative) and per weekday, Monday first. */
static const int hour_curve[24] = {
    10, 6, 4, 3, 3, 5, 12, 30, 65, 95, 100, 95, 85, 85, 90, 88, 85, 80, 70,
    60, 45, 35, 25, 15
};
static const int day_curve[7] = {125, 110, 100, 100, 95, 60, 45};

/* A ticket call waiting for its time. */
typedef struct tcall {
    int64_t t, j;
    int i;
} tcall;

/* A queue_log line waiting for its time. */
#define QL_MAX 176
typedef struct qline {
    int64_t key;           /* when it may be written */
    uint64_t seq;          /* ties keep generation order */
    int len;
    char text[QL_MAX];
} qline;

typedef struct gen {
    const synth *s;
    synth_out w;           /* calls.csv or queue_log */
    int qlog;
    synth_rng rng;
    int64_t legs;          /* written so far */
    int64_t calls;
    tcall *th;             /* heap of ticket calls */
    size_t tn, tcap;
    qline *lh;             /* heap of queue_log lines */
    size_t ln, lcap;
    uint64_t lseq;
    int64_t lines;
    int nomem;
} gen;

/* ---- heaps ---------------------------------------------------------------------- */

static int tless(const tcall *a, const tcall *b)
{
    return a->t != b->t ? a->t < b->t : a->j < b->j;
}

static void tpush(gen *g, tcall c)
{
    size_t i;

    if (g->tn == g->tcap) {
        size_t cap = g->tcap ? g->tcap * 2 : 1024;
        tcall *p = realloc(g->th, cap * sizeof *p);
        if (!p) {
            g->nomem = 1;
            return;
        }
        g->th = p;
        g->tcap = cap;
    }
    for (i = g->tn++; i && tless(&c, &g->th[(i - 1) / 2]); i = (i - 1) / 2)
        g->th[i] = g->th[(i - 1) / 2];
    g->th[i] = c;
}

static tcall tpop(gen *g)
{
    tcall top = g->th[0], last = g->th[--g->tn];
    size_t i = 0;

    for (;;) {
        size_t k = 2 * i + 1;
        if (k >= g->tn)
            break;
        if (k + 1 < g->tn && tless(&g->th[k + 1], &g->th[k]))
            k++;
        if (!tless(&g->th[k], &last))
            break;
        g->th[i] = g->th[k];
        i = k;
    }
    if (g->tn)
        g->th[i] = last;
    return top;
}

static int lless(const qline *a, const qline *b)
{
    return a->key != b->key ? a->key < b->key : a->seq < b->seq;
}

/* Swap-based sift: the entries are large, but only log2(n) move. */
static void lswap(gen *g, size_t a, size_t b)
{
    qline t = g->lh[a];
    g->lh[a] = g->lh[b];
    g->lh[b] = t;
}

static void lpush(gen *g, int64_t key, const char *text, int len)
{
    size_t i;

    if (g->ln == g->lcap) {
        size_t cap = g->lcap ? g->lcap * 2 : 4096;
        qline *p = realloc(g->lh, cap * sizeof *p);
        if (!p) {
            g->nomem = 1;
            return;
        }
        g->lh = p;
        g->lcap = cap;
    }
    i = g->ln++;
    g->lh[i].key = key;
    g->lh[i].seq = g->lseq++;
    g->lh[i].len = len < QL_MAX ? len : QL_MAX - 1;
    memcpy(g->lh[i].text, text, (size_t)g->lh[i].len);
    for (; i && lless(&g->lh[i], &g->lh[(i - 1) / 2]); i = (i - 1) / 2)
        lswap(g, i, (i - 1) / 2);
}

/* Write every pending line due before @p until. */
static void lflush(gen *g, int64_t until)
{
    while (g->ln && g->lh[0].key < until) {
        char *p = synth_room(&g->w, QL_MAX + 1);
        size_t i = 0;

        memcpy(p, g->lh[0].text, (size_t)g->lh[0].len);
        p[g->lh[0].len] = '\n';
        g->w.len += (size_t)g->lh[0].len + 1;
        g->lines++;
        g->lh[0] = g->lh[--g->ln];
        for (;;) {
            size_t k = 2 * i + 1;
            if (k >= g->ln)
                break;
            if (k + 1 < g->ln && lless(&g->lh[k + 1], &g->lh[k]))
                k++;
            if (!lless(&g->lh[k], &g->lh[i]))
                break;
            lswap(g, i, k);
            i = k;
        }
    }
}

/* ---- service model -------------------------------------------------------------- */

/* Load of queue @p q in percent (100+ = overloaded), or -1 when closed. */
static int queue_load(int q, int wday, int hour)
{
    int weekday = wday < 5, load = 55;

    switch (q) {
    case Q_TECH:
        if (hour < 7)
            return -1;
        if (hour >= 22)
            return 104;                 /* skeleton crew */
        break;
    case Q_REPAIR:
        if (wday == 6 || hour < 7 || hour >= 21)
            return -1;
        break;
    case Q_BILLING:
        if (!weekday || hour < 8 || hour >= 18)
            return -1;
        break;
    case Q_ESCALATION:
        if (!weekday || hour < 9 || hour >= 17)
            return -1;
        break;
    default:
        if (wday == 6 || hour < 8 || hour >= 20)
            return -1;
    }
    if (wday == 0)
        load = hour >= 9 && hour < 12 ? 97 : 75;
    if (hour >= 17 && hour < 20 && load < 90)
        load = 90;
    if (!weekday && load < 85)
        load = 85;
    return load;
}

/* What happened to one leg. */
typedef struct leg {
    int q;
    int64_t arrived, answered, ended;
    const char *outcome;   /* answered, abandoned, closed, voicemail, transferred */
    int64_t agent;
    int next_q;            /* transferred_to, or -1 */
    int64_t promise;
} leg;

#define QUEUE_TIMEOUT 1200   /* then voicemail */

static void serve(gen *g, leg *l)
{
    int sec, wday, load;
    uint64_t h = synth_next(&g->rng);
    int64_t wait, patience;

    synth_local(g->s, l->arrived, &sec, &wday);
    load = queue_load(l->q, wday, sec / HOUR);
    l->answered = OMBUD_TIME_NONE;
    l->agent = -1;
    if (load < 0) {
        int vm = l->q == Q_TECH && synth_below(h, 10) < 3;
        l->outcome = vm ? "voicemail" : "closed";
        l->ended = l->arrived + synth_range(synth_mix(h), vm ? 40 : 15, vm ? 150 : 45);
        return;
    }
    wait = synth_exp(synth_mix(h), load >= 100 ? 1500 : 20 * load / (100 - load));
    patience = 60 + synth_exp(synth_mix(h + 1), 240);
    if (wait > patience || wait > QUEUE_TIMEOUT) {
        int vm = patience > QUEUE_TIMEOUT && wait > QUEUE_TIMEOUT;
        l->outcome = vm ? "voicemail" : "abandoned";
        l->ended = l->arrived + (vm ? QUEUE_TIMEOUT + 60 : patience);
        return;
    }
    l->outcome = "answered";
    l->answered = l->arrived + wait;
    l->agent = l->q * g->s->agents + synth_below(synth_mix(h + 2), g->s->agents);
    l->ended = l->answered + 90 + synth_exp(synth_mix(h + 3), 300);
}

/* Where a transfer from @p q goes. */
static int next_queue(int q, uint64_t h, int ticket)
{
    int64_t u = synth_below(h, 100);

    switch (q) {
    case Q_TECH:
        if (ticket)
            return u < 70 ? Q_REPAIR : u < 90 ? Q_ESCALATION : Q_BILLING;
        return u < 45 ? Q_REPAIR : u < 75 ? Q_BILLING : Q_ESCALATION;
    case Q_REPAIR:
        return u < 60 ? Q_ESCALATION : Q_TECH;
    case Q_BILLING:
        return u < 40 ? Q_RETENTION : u < 80 ? Q_TECH : Q_ESCALATION;
    case Q_ESCALATION:
        return u < 70 ? Q_REPAIR : Q_BILLING;
    default:
        return Q_BILLING;
    }
}

/* ---- writing one leg ------------------------------------------------------------- */

typedef struct callctx {
    int64_t id;            /* call number */
    int64_t first;         /* first leg's arrival (queue_log uniqueid) */
    int64_t account;       /* -1: caller not identified */
    char number[24];       /* caller number, "" when withheld */
    const synth_outage *ticket;
} callctx;

static void csv_leg(gen *g, const callctx *cc, const leg *l)
{
    synth_out *w = &g->w;

    synth_str(w, "C-");
    synth_str(w, g->s->tag);
    synth_ch(w, '-');
    synth_intw(w, cc->id, 9);
    synth_ch(w, ',');
    if (cc->account >= 0) {
        synth_str(w, "ACC-");
        synth_intw(w, cc->account + 1, 7);
    }
    synth_ch(w, ',');
    synth_str(w, synth_queues[l->q]);
    synth_ch(w, ',');
    synth_time(w, l->arrived);
    synth_ch(w, ',');
    synth_time(w, l->answered);
    synth_ch(w, ',');
    synth_time(w, l->ended);
    synth_ch(w, ',');
    synth_str(w, l->outcome);
    synth_ch(w, ',');
    if (l->agent >= 0) {
        synth_str(w, "A-");
        synth_intw(w, l->agent + 1, 5);
    }
    synth_ch(w, ',');
    if (l->next_q >= 0)
        synth_str(w, synth_queues[l->next_q]);
    synth_ch(w, ',');
    if (cc->ticket)
        synth_str(w, cc->ticket->id);
    synth_ch(w, ',');
    synth_time(w, l->promise);
    synth_eol(w);
}

#define QL(t, ...) do { \
    char b_[QL_MAX]; \
    int n_ = snprintf(b_, sizeof b_, __VA_ARGS__); \
    lpush(g, (t), b_, n_); \
} while (0)

static void qlog_leg(gen *g, const callctx *cc, const leg *l, uint64_t h)
{
    const char *q = synth_queues[l->q];
    char cid[32];
    long long wait = (long long)((l->answered == OMBUD_TIME_NONE ? l->ended
                                  : l->answered) - l->arrived);
    long long at = (long long)l->arrived;
    /* A few terminal lines come late, as after a log buffer stall. */
    int64_t late = synth_below(h, 1000) == 0 ? synth_range(synth_mix(h), 60, 600) : 0;

    snprintf(cid, sizeof cid, "%lld.%lld", (long long)cc->first,
             (long long)cc->id);
    QL(l->arrived, "%lld|%s|%s|NONE|ENTERQUEUE||%s|1", at, cid, q, cc->number);
    if (synth_below(synth_mix(h + 1), 1000) < 2)
        QL(l->arrived, "%lld|%s|%s|NONE|ENTERQUEUE||%s|1", at, cid, q,
           cc->number);
    if (l->answered == OMBUD_TIME_NONE) {
        const char *ev = !strcmp(l->outcome, "voicemail") ? "EXITWITHTIMEOUT"
                         : !strcmp(l->outcome, "closed") ? "EXITEMPTY" : "ABANDON";
        QL(l->ended + late, "%lld|%s|%s|NONE|%s|1|1|%lld", (long long)l->ended,
           cid, q, ev, wait);
        return;
    }
    long long agent = (long long)l->agent + 1001;
    long long talk = (long long)(l->ended - l->answered);
    if (wait > 20 && synth_below(synth_mix(h + 2), 4) == 0)
        QL(l->arrived + wait / 2, "%lld|%s|%s|PJSIP/%lld|RINGNOANSWER|15000",
           at + wait / 2, cid, q, agent + 1);
    QL(l->answered, "%lld|%s|%s|PJSIP/%lld|CONNECT|%lld|%lld.%lld|%lld",
       (long long)l->answered, cid, q, agent, wait, (long long)l->answered,
       (long long)cc->id * 2 + 1, wait < 12 ? wait : 12);
    if (l->next_q >= 0)
        QL(l->ended + late, "%lld|%s|%s|PJSIP/%lld|BLINDTRANSFER|%s|from-queue|"
           "%lld|%lld|1", (long long)l->ended, cid, q, agent,
           synth_queues[l->next_q], wait, talk);
    else
        QL(l->ended + late, "%lld|%s|%s|PJSIP/%lld|%s|%lld|%lld|1",
           (long long)l->ended, cid, q, agent,
           synth_below(synth_mix(h + 3), 10) < 6 ? "COMPLETECALLER"
           : "COMPLETEAGENT", wait, talk);
}

/* A promised restoration time: most often the next round hour after a
 * guess; missed about 45 % of the time. */
static int64_t promise(const leg *l, const synth_outage *t, uint64_t h)
{
    int64_t p, from = l->answered + HOUR;

    if (t->restored == OMBUD_TIME_NONE)
        p = from + synth_range(h, 3 * HOUR, 48 * HOUR);
    else if (synth_below(h, 100) < 45 && t->restored > from + 2 * HOUR)
        p = from + synth_below(synth_mix(h), t->restored - from - 2 * HOUR);
    else
        p = (t->restored > from ? t->restored : from)
            + synth_range(synth_mix(h), 0, 6 * HOUR);
    return (p + HOUR - 1) / HOUR * HOUR;
}

/* One call from arrival @p t into queue @p q: legs until it ends or the
 * budget of legs runs out. */
static void one_call(gen *g, callctx *cc, int64_t t, int q, int64_t budget)
{
    int promised = 0;

    cc->id = ++g->calls;
    cc->first = t;
    for (int64_t n = 0; n < budget; n++) {
        leg l = {q, t, 0, 0, NULL, -1, -1, OMBUD_TIME_NONE};
        uint64_t h = synth_next(&g->rng);

        serve(g, &l);
        if (l.answered != OMBUD_TIME_NONE && n + 1 < budget &&
            synth_below(h, 100) < (cc->ticket ? 35 : 18)) {
            l.outcome = "transferred";
            l.next_q = next_queue(q, synth_mix(h), cc->ticket != NULL);
            l.ended = l.answered + 60 + synth_below(synth_mix(h + 1), 240);
        }
        if (cc->ticket && !promised && l.answered != OMBUD_TIME_NONE &&
            (l.next_q < 0 || q == Q_REPAIR) &&
            synth_below(synth_mix(h + 2), 100) < 60) {
            l.promise = promise(&l, cc->ticket, synth_mix(h + 3));
            promised = 1;
        }
        if (g->qlog)
            qlog_leg(g, cc, &l, synth_mix(h + 4));
        else
            csv_leg(g, cc, &l);
        g->legs++;
        if (l.next_q < 0)
            return;
        q = l.next_q;
        t = l.ended + 1 + synth_below(synth_mix(h + 5), 5);
    }
}

static void caller_number(const gen *g, callctx *cc, uint64_t h)
{
    if (cc->account >= 0)
        snprintf(cc->number, sizeof cc->number, "+1%lld",
                 (long long)(6502000000LL + cc->account));
    else if (synth_below(h, 100) < 20)
        cc->number[0] = '\0';              /* withheld */
    else
        snprintf(cc->number, sizeof cc->number, "+1%lld",
                 (long long)synth_range(synth_mix(h), 2002000000LL, 9899999999LL));
    (void)g;
}

/* ---- the month ------------------------------------------------------------------ */

static void ticket_calls(gen *g, int64_t *next_j, int64_t until)
{
    const synth *s = g->s;
    synth_outage o;

    while (*next_j < s->n_aout && synth_ticket_start(s, *next_j) < until) {
        int64_t t = synth_ticket_call(s, *next_j, 0);
        if (t != OMBUD_TIME_NONE)
            tpush(g, (tcall){t, *next_j, 0});
        ++*next_j;
    }
    while (g->tn && g->th[0].t < until && g->legs < s->rows && !g->nomem) {
        tcall c = tpop(g);
        callctx cc = {0};
        uint64_t h = synth_next(&g->rng);
        int64_t t;

        synth_ticket_outage(s, c.j, &o);
        cc.account = o.account;
        cc.ticket = &o;
        caller_number(g, &cc, h);
        one_call(g, &cc, c.t, synth_below(h, 10) < 7 ? Q_TECH : Q_REPAIR,
                 s->rows - g->legs);
        if ((t = synth_ticket_call(s, c.j, c.i + 1)) != OMBUD_TIME_NONE)
            tpush(g, (tcall){t, c.j, c.i + 1});
    }
}

static int slot_weight(const synth *s, int64_t t)
{
    int sec, wday;

    synth_local(s, t, &sec, &wday);
    return hour_curve[sec / HOUR] * day_curve[wday];
}

/* Most callers who find their department closed (the greeting says so)
 * choose technical support instead; some still try it. */
static int first_queue(const synth *s, int64_t t, int q, uint64_t h)
{
    int sec, wday;

    synth_local(s, t, &sec, &wday);
    if (q != Q_TECH && queue_load(q, wday, sec / HOUR) < 0 &&
        synth_below(h, 100) < 80)
        return Q_TECH;
    return q;
}

static void general_calls(gen *g, int64_t from, int64_t n)
{
    static const int first_q[] = {Q_TECH, Q_TECH, Q_TECH, Q_TECH, Q_TECH,
                                  Q_BILLING, Q_BILLING, Q_BILLING, Q_REPAIR,
                                  Q_RETENTION};
    int64_t done = 0;

    while (done < n && !g->nomem) {
        uint64_t h = synth_next(&g->rng);
        callctx cc = {0};
        int64_t before = g->legs;
        int64_t t = from + done * SLOT / n + synth_below(h, SLOT / n + 1);

        if (t >= from + SLOT)
            t = from + SLOT - 1;
        cc.account = synth_below(synth_mix(h), 100) < 60
                     ? synth_below(synth_mix(h + 1), g->s->accounts) : -1;
        caller_number(g, &cc, synth_mix(h + 2));
        one_call(g, &cc, t, first_queue(g->s, t, first_q[synth_below(
                 synth_mix(h + 3), 10)], synth_mix(h + 4)), n - done);
        done += g->legs - before;
    }
}

static ombud_err month(gen *g)
{
    const synth *s = g->s;
    int64_t total = 0, cum = 0, next_j = 0;

    for (int64_t t = s->t0; t < s->t1; t += SLOT)
        total += slot_weight(s, t);
    for (int64_t t = s->t0; t < s->t1 && !g->nomem; t += SLOT) {
        int64_t target;

        cum += slot_weight(s, t);
        target = t + SLOT >= s->t1 ? s->rows : s->rows * cum / total;
        if (g->qlog)
            lflush(g, t);
        ticket_calls(g, &next_j, t + SLOT);
        if (target > g->legs)
            general_calls(g, t, target - g->legs);
    }
    if (g->qlog)
        lflush(g, INT64_MAX);
    return g->nomem ? OMBUD_E_NOMEM : OMBUD_OK;
}

static ombud_err write_accounts(const synth *s)
{
    synth_out w;
    ombud_err err;

    if ((err = synth_open(&w, s, "accounts.csv")))
        return err;
    synth_str(&w, "caller_number,account_id\n");
    for (int64_t a = 0; a < s->accounts; a++) {
        synth_str(&w, "+1");
        synth_int(&w, 6502000000LL + a);
        synth_str(&w, ",ACC-");
        synth_intw(&w, a + 1, 7);
        synth_eol(&w);
    }
    return synth_close(&w, OMBUD_OK);
}

ombud_err synth_write_calls(const synth *s, ombud_synth_counts *c)
{
    gen g;
    ombud_err err;

    memset(&g, 0, sizeof g);
    g.s = s;
    g.qlog = s->o->format == OMBUD_SYNTH_QUEUE_LOG;
    g.rng.state = synth_hash(s, S_CALLS, 0, 0);
    if (g.qlog && (err = write_accounts(s)))
        return err;
    if ((err = synth_open(&g.w, s, g.qlog ? "queue_log" : "calls.csv")))
        return err;
    if (!g.qlog)
        synth_str(&g.w, "call_id,account_id,queue,arrived_at,answered_at,"
                  "ended_at,outcome,agent_id,transferred_to,ticket_id,"
                  "promised_restore_at\n");
    err = month(&g);
    free(g.th);
    free(g.lh);
    c->legs = g.legs;
    c->queue_log_lines = g.lines;
    return synth_close(&g.w, err);
}
