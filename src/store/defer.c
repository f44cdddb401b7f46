/*
 * defer.c - a guarantee judged on another thread (store.h's
 * ombud_store_defer()).
 *
 * customer_effort reads the legs sorted by ticket and works out nine
 * figures per group: at 1M legs a third of a check, on one core while the
 * other idles. Judged on a thread of its own, it reads through a reader
 * (the backend's open_reader: its own connection) whose backend table is
 * copied here with the findings' operations replaced: they append to a
 * log, in chunks. The check's thread replays the log when the
 * guarantee's turn comes, through the same operations on its own store,
 * so the rows go in in the same order, with the same ids, as when the
 * rule runs there. (The façade's figure runs are packed on the reader's
 * side, as they would have been, and replayed as runs.)
 *
 * The reader sees what the check sees: the check holds the store's write
 * lock from its start, so nothing commits while it runs, and it writes
 * only findings, which no deferred rule reads.
 *
 * Memory stays bounded: at most MAX_CHUNKS chunks of CHUNK bytes wait;
 * the judging thread then waits for the replay. A breach's id is a
 * stand-in (1, 2, ...) until replayed; the replay keeps each stand-in's
 * real id (8 bytes a breach).
 */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/store.h"
#include "backend.h"

#define CHUNK (256 * 1024)
#define MAX_CHUNKS 16

enum { OP_BREACH = 1, OP_EVIDENCE, OP_LEG_EVIDENCE, OP_FIGURE, OP_SERIES };

struct ombud_defer {
    pthread_mutex_t lock; /* POSIX's, not GLib's futex: ThreadSanitizer */
    pthread_cond_t cond;  /* sees these (a test build can check the log) */
    GQueue full;          /* chunks written, not yet replayed (GByteArray) */
    GByteArray *cur;      /* the chunk being written (judging thread) */
    int ended;            /* the judging thread has ended */
    int abandoned;        /* the replay gave up: writes fail */
    ombud_err end_err;    /* the judging thread's outcome */
    int64_t breaches;     /* stand-in ids given */
    const struct ombud_store_be *reader_be;  /* the reader's own table */
    struct ombud_store_be be;                /* it, writing here */
};

/* ---- the judging thread's side ------------------------------------------------ */

static void put(GByteArray *a, const void *p, size_t n)
{
    g_byte_array_append(a, p, (guint)n);
}

static void put_int(GByteArray *a, int64_t v)
{
    put(a, &v, sizeof v);
}

/* A string, NULL kept apart from "". */
static void put_str(GByteArray *a, const char *s)
{
    uint32_t n = s ? (uint32_t)strlen(s) : UINT32_MAX;

    put(a, &n, sizeof n);
    if (s)
        put(a, s, n);
}

/* Begin an operation in the current chunk; a full chunk first waits for
 * the replay. OMBUD_E_STORE once the replay gave up (seen when a chunk
 * is handed over: the log then stops within a chunk). */
static ombud_err begin_op(struct ombud_defer *d, int op)
{
    uint8_t c = (uint8_t)op;
    int gave_up = 0;

    if (d->cur && d->cur->len >= CHUNK) {
        pthread_mutex_lock(&d->lock);
        while (d->full.length >= MAX_CHUNKS && !d->abandoned)
            pthread_cond_wait(&d->cond, &d->lock);
        gave_up = d->abandoned;
        if (!gave_up) {
            g_queue_push_tail(&d->full, d->cur);
            d->cur = NULL;
            pthread_cond_broadcast(&d->cond);
        }
        pthread_mutex_unlock(&d->lock);
    }
    if (gave_up)
        return OMBUD_E_STORE;
    if (!d->cur)
        d->cur = g_byte_array_sized_new(CHUNK + 4096);
    put(d->cur, &c, 1);
    return OMBUD_OK;
}

static ombud_err log_breach(ombud_store *st, int64_t result_id,
                            const ombud_breach *b, int64_t *breach_id)
{
    struct ombud_defer *d = st->defer;
    ombud_err err;

    if ((err = begin_op(d, OP_BREACH)))
        return err;
    put_int(d->cur, result_id);
    put_str(d->cur, b->subject_kind);
    put_str(d->cur, b->subject);
    put_int(d->cur, b->at);
    put_int(d->cur, b->measured);
    put_int(d->cur, b->limit);
    put_int(d->cur, b->shortfall);
    put_str(d->cur, b->unit);
    put_int(d->cur, b->amount);
    put_str(d->cur, b->detail);
    *breach_id = ++d->breaches;
    return OMBUD_OK;
}

static ombud_err log_leg_evidence(ombud_store *st, int64_t breach_id,
                                  const ombud_leg_place *p)
{
    struct ombud_defer *d = st->defer;
    ombud_err err;

    if ((err = begin_op(d, OP_LEG_EVIDENCE)))
        return err;
    put_int(d->cur, breach_id);
    put(d->cur, p, sizeof *p);
    return OMBUD_OK;
}

static ombud_err log_evidence(ombud_store *st, int64_t breach_id,
                              const char *table, int64_t row_id)
{
    struct ombud_defer *d = st->defer;
    ombud_leg_place p;
    ombud_err err;

    /* A leg the rule has just read: its place travels with it, so that
     * the replay need not look it up. */
    if (!strcmp(table, "call_legs")) {
        ombud_store_leg_place(st, row_id, &p);
        if (p.known)
            return log_leg_evidence(st, breach_id, &p);
    }
    if ((err = begin_op(d, OP_EVIDENCE)))
        return err;
    put_int(d->cur, breach_id);
    put_str(d->cur, table);
    put_int(d->cur, row_id);
    return OMBUD_OK;
}

/* A run of figures, as the reader's façade packed it. */
static ombud_err log_figure(ombud_store *st, int64_t result_id,
                            const char *subject, const char *name,
                            int64_t value, const char *unit, const char *more)
{
    struct ombud_defer *d = st->defer;
    ombud_err err;

    if ((err = begin_op(d, OP_FIGURE)))
        return err;
    put_int(d->cur, result_id);
    put_str(d->cur, subject);
    put_str(d->cur, name);
    put_int(d->cur, value);
    put_str(d->cur, unit);
    put_str(d->cur, more);
    return OMBUD_OK;
}

static ombud_err log_series(ombud_store *st, int64_t result_id,
                            const char *name, int64_t key, int64_t value)
{
    struct ombud_defer *d = st->defer;
    ombud_err err;

    if ((err = begin_op(d, OP_SERIES)))
        return err;
    put_int(d->cur, result_id);
    put_str(d->cur, name);
    put_int(d->cur, key);
    put_int(d->cur, value);
    return OMBUD_OK;
}

int ombud_store_deferred_given_up(ombud_store *st)
{
    struct ombud_defer *d = st->defer;
    int gave_up;

    pthread_mutex_lock(&d->lock);
    gave_up = d->abandoned;
    pthread_mutex_unlock(&d->lock);
    return gave_up;
}

void ombud_store_deferred_end(ombud_store *st, ombud_err err)
{
    struct ombud_defer *d = st->defer;

    /* The façade's last run of figures joins the log. */
    if (!err)
        err = ombud_store_flush(st);
    pthread_mutex_lock(&d->lock);
    if (d->cur && !d->abandoned)
        g_queue_push_tail(&d->full, d->cur);
    else if (d->cur)
        g_byte_array_free(d->cur, TRUE);
    d->cur = NULL;
    d->ended = 1;
    d->end_err = err;
    pthread_cond_broadcast(&d->cond);
    pthread_mutex_unlock(&d->lock);
}

/* ---- the replay --------------------------------------------------------------- */

typedef struct reader {
    const guint8 *p, *end;
} reader;

static int64_t get_int(reader *r)
{
    int64_t v;

    assert(r->p + sizeof v <= r->end);
    memcpy(&v, r->p, sizeof v);
    r->p += sizeof v;
    return v;
}

/* A string of the chunk, copied into @buf (the caller's; the next call
 * with it overwrites it), NUL-terminated there. */
static const char *get_str(reader *r, GString *buf)
{
    uint32_t n;

    assert(r->p + sizeof n <= r->end);
    memcpy(&n, r->p, sizeof n);
    r->p += sizeof n;
    if (n == UINT32_MAX)
        return NULL;
    assert(r->p + n <= r->end);
    g_string_truncate(buf, 0);
    g_string_append_len(buf, (const char *)r->p, n);
    r->p += n;
    return buf->str;
}

typedef struct replay {
    ombud_store *st;
    GArray *ids;          /* the real id of stand-in i + 1 */
    GString *s[4];        /* string buffers */
} replay;

static int64_t real_id(replay *x, int64_t standin)
{
    assert(standin >= 1 && standin <= (int64_t)x->ids->len);
    return g_array_index(x->ids, int64_t, standin - 1);
}

static ombud_err replay_breach(replay *x, reader *r)
{
    ombud_breach b;
    int64_t rid = get_int(r), id;
    const char *subject, *detail;
    ombud_err err;

    b.subject_kind = get_str(r, x->s[0]);
    subject = get_str(r, x->s[1]);
    b.at = get_int(r);
    b.measured = get_int(r);
    b.limit = get_int(r);
    b.shortfall = get_int(r);
    b.unit = get_str(r, x->s[2]);
    b.amount = get_int(r);
    detail = get_str(r, x->s[3]);
    g_strlcpy(b.subject, subject ? subject : "", sizeof b.subject);
    g_strlcpy(b.detail, detail ? detail : "", sizeof b.detail);
    if ((err = x->st->be->add_breach(x->st, rid, &b, &id)))
        return err;
    g_array_append_val(x->ids, id);
    return OMBUD_OK;
}

static ombud_err replay_op(replay *x, reader *r)
{
    ombud_store *st = x->st;
    int op = *r->p++;
    int64_t a, k;
    const char *s1, *s2, *s3;
    ombud_leg_place p;

    switch (op) {
    case OP_BREACH:
        return replay_breach(x, r);
    case OP_EVIDENCE:
        a = real_id(x, get_int(r));
        s1 = get_str(r, x->s[0]);
        return st->be->add_evidence(st, a, s1, get_int(r));
    case OP_LEG_EVIDENCE:
        a = real_id(x, get_int(r));
        assert(r->p + sizeof p <= r->end);
        memcpy(&p, r->p, sizeof p);
        r->p += sizeof p;
        return st->be->add_leg_evidence(st, a, &p);
    case OP_FIGURE:
        a = get_int(r);
        s1 = get_str(r, x->s[0]);
        s2 = get_str(r, x->s[1]);
        k = get_int(r);
        s3 = get_str(r, x->s[2]);
        return st->be->add_figure(st, a, s1, s2, k, s3, get_str(r, x->s[3]));
    case OP_SERIES:
        a = get_int(r);
        s1 = get_str(r, x->s[0]);
        k = get_int(r);
        return st->be->add_series(st, a, s1, k, get_int(r));
    }
    assert(!"an operation the log cannot hold");
    return OMBUD_E_INTERNAL;
}

/* The next chunk, waiting for it; NULL once the judging thread ended
 * and every chunk was taken. */
static GByteArray *next_chunk(struct ombud_defer *d)
{
    GByteArray *c;

    pthread_mutex_lock(&d->lock);
    while (!d->full.length && !d->ended)
        pthread_cond_wait(&d->cond, &d->lock);
    c = g_queue_pop_head(&d->full);
    pthread_cond_broadcast(&d->cond);
    pthread_mutex_unlock(&d->lock);
    return c;
}

/* Give up: the judging thread's next write fails, and what waits is
 * dropped. Then wait for its end. */
static void abandon(struct ombud_defer *d)
{
    GByteArray *c;

    pthread_mutex_lock(&d->lock);
    d->abandoned = 1;
    while ((c = g_queue_pop_head(&d->full)))
        g_byte_array_free(c, TRUE);
    pthread_cond_broadcast(&d->cond);
    while (!d->ended)
        pthread_cond_wait(&d->cond, &d->lock);
    pthread_mutex_unlock(&d->lock);
}

ombud_err ombud_store_replay(ombud_store *st, ombud_store *deferred,
                             int give_up)
{
    struct ombud_defer *d = deferred->defer;
    replay x = {st, g_array_new(FALSE, FALSE, sizeof(int64_t)), {NULL}};
    ombud_err err = OMBUD_OK;
    GByteArray *c;

    for (int i = 0; i < 4; i++)
        x.s[i] = g_string_new(NULL);
    /* A run of the guarantee before may still wait in the façade: it
     * goes first, as it would have. */
    if (!give_up)
        err = ombud_store_flush(st);
    while (!give_up && !err && (c = next_chunk(d))) {
        reader r = {c->data, c->data + c->len};
        while (!err && r.p < r.end)
            err = replay_op(&x, &r);
        g_byte_array_free(c, TRUE);
    }
    if (give_up || err)
        abandon(d);
    for (int i = 0; i < 4; i++)
        g_string_free(x.s[i], TRUE);
    g_array_free(x.ids, TRUE);
    return err ? err : give_up ? OMBUD_OK : d->end_err;
}

/* ---- the handle ----------------------------------------------------------------- */

static void free_log(struct ombud_defer *d)
{
    GByteArray *c;

    while ((c = g_queue_pop_head(&d->full)))
        g_byte_array_free(c, TRUE);
    if (d->cur)
        g_byte_array_free(d->cur, TRUE);
    pthread_mutex_destroy(&d->lock);
    pthread_cond_destroy(&d->cond);
    g_free(d);
}

/* The reader closed as it closes itself, and the log let go. */
static void close_deferred(ombud_store *st)
{
    struct ombud_defer *d = st->defer;

    st->be = d->reader_be;
    st->defer = NULL;
    free_log(d);
    st->be->close(st);
}

void ombud_store_defer(ombud_store *st, ombud_store **out)
{
    struct ombud_defer *d;
    ombud_store *r;

    *out = NULL;
    if (!st->in_check || !st->be->open_reader ||
        !(r = st->be->open_reader(st, 0)))
        return;
    d = g_new0(struct ombud_defer, 1);
    pthread_mutex_init(&d->lock, NULL);
    pthread_cond_init(&d->cond, NULL);
    g_queue_init(&d->full);
    d->reader_be = r->be;
    d->be = *r->be;
    d->be.add_breach = log_breach;
    d->be.add_evidence = log_evidence;
    d->be.add_leg_evidence = log_leg_evidence;
    d->be.add_figure = log_figure;
    d->be.add_series = log_series;
    d->be.close = close_deferred;
    r->be = &d->be;
    r->defer = d;
    /* The façade's figures want a check open; the reader's own check is
     * never begun (it only reads). */
    r->in_check = 1;
    *out = r;
}
