/*
 * store.c - the evidence store's façade.
 *
 * Picks a backend from the --db string (backends[]), forwards each call to
 * it, and keeps here what must not differ between backends: a file's row
 * accounting, checked before its transaction commits; the findings digest
 * that `ombud verify` trusts, computed from the same canonical text over
 * the same statements (sql.c); the data-quality look-ups. See backend.h.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/sha256.h"
#include "ombud/store.h"
#include "ombud/text.h"
#include "ombud/time.h"
#include "store/backend.h"

/* The backends, most particular first: the last takes any --db. */
static const struct ombud_store_be *const backends[] = {
    &ombud_store_pg,
    &ombud_store_sqlite,
};

ombud_err ombud_store_open(const char *path, ombud_store **out)
{
    const size_t n = sizeof backends / sizeof *backends;
    ombud_err err;

    assert(path && out);
    *out = NULL;
    for (size_t i = 0; i < n; i++) {
        const struct ombud_store_be *be = backends[i];
        if (i + 1 < n && !be->wants(path))
            continue;
        if ((err = be->open(path, out)))
            return err;
        (*out)->be = be;
        return OMBUD_OK;
    }
    return OMBUD_E_INTERNAL;
}

/* The figures gathered and not yet written: a run of one result's figures
 * about one subject. Bounded: a run longer than FIGURES_RUN bytes is
 * written and a new one begun. */
#define FIGURES_RUN 4096
struct ombud_figure_run {
    int pending;       /* first holds a figure */
    int64_t result_id;
    GString *subject, *name, *unit, *more;
    int64_t value;
};

static void figures_free(ombud_store *st);
static int early_digest_take(ombud_store *st, int64_t check_id, char hex[65]);

/*
 * The next figure of a run's more ("name\tvalue\tunit\n" each, as
 * ombud_store_add_figure() writes them): its line without the newline in
 * @line, @len; @p moves past it. 0 at the end.
 */
static int run_line(const char **p, const char **line, size_t *len)
{
    const char *end;

    if (!*p || !**p)
        return 0;
    end = strchr(*p, '\n');
    *line = *p;
    *len = end ? (size_t)(end - *p) : strlen(*p);
    *p += *len + (end != NULL);
    return 1;
}

void ombud_store_close(ombud_store *st)
{
    if (!st)
        return;
    /* What was left unfinished is rolled back, whatever the backend. */
    if (st->in_file)
        ombud_store_abort_file(st);
    if (st->in_check)
        ombud_store_abort_check(st);
    early_digest_take(st, 0, (char[65]){0});
    figures_free(st);
    st->be->close(st);
}

/* ---- shared statements ------------------------------------------------------ */

static ombud_sql_arg num_arg(int64_t v)
{
    return (ombud_sql_arg){NULL, v, 1};
}

static ombud_sql_arg text_arg(const char *v)
{
    return (ombud_sql_arg){v, 0, 0};
}

/* The first row's columns as numbers (NULL as 0); how many rows came. */
typedef struct first_row {
    int64_t *out;
    int nout;
    int rows;
} first_row;

static int take_first(void *ud, int ncol, const char *const *val,
                      const size_t *len)
{
    first_row *f = ud;

    (void)len;
    if (f->rows++ == 0)
        for (int i = 0; i < f->nout && i < ncol; i++)
            f->out[i] = val[i] ? strtoll(val[i], NULL, 10) : 0;
    return 0;
}

/* Run @sql and keep the numbers of its first row in @out; @rows (may be
 * NULL) receives how many rows it gave. */
static ombud_err query_ints(ombud_store *st, const char *what, const char *sql,
                            const ombud_sql_arg *args, int nargs,
                            int64_t *out, int nout, int *rows)
{
    first_row f = {out, nout, 0};
    ombud_err err;

    for (int i = 0; i < nout; i++)
        out[i] = 0;
    err = st->be->each_row(st, what, sql, args, nargs, take_first, &f);
    if (rows)
        *rows = f.rows;
    return err;
}

/* ---- files and the row accounting ------------------------------------------ */

void ombud_store_abort_file(ombud_store *st)
{
    st->on_dup = NULL;
    st->in_file = 0;
    st->be->abort_file(st);
}

/*
 * The promise of the tool: no row read is unaccounted for. The counters
 * must add up, and agree with the rows really in the tables, before
 * anything is committed.
 */
static ombud_err check_counts(ombud_store *st, int64_t source_id,
                              const ombud_counts *c)
{
    ombud_sql_arg a[1 + OMBUD_ROW_TABLES] = {num_arg(source_id)};
    int64_t n[2] = {-1, -1};
    ombud_err err;

    for (int i = 0; i < OMBUD_ROW_TABLES; i++)
        a[1 + i] = num_arg(st->floor[i]);
    if ((err = query_ints(st, "counting rows", ombud_count_rows_sql, a,
                          1 + OMBUD_ROW_TABLES, n, 2, NULL)))
        return err;
    if (c->read == c->stored + c->rejected + c->counted &&
        n[0] == c->stored && n[1] == c->rejected && c->counted >= 0)
        return OMBUD_OK;
    return ombud_error(OMBUD_E_INTERNAL, NULL,
                       "row accounting failed for source #%lld: read %lld, "
                       "counted %lld stored + %lld rejected + %lld not "
                       "records, tables hold %lld + %lld; nothing was "
                       "stored", (long long)source_id, (long long)c->read,
                       (long long)c->stored, (long long)c->rejected,
                       (long long)c->counted, (long long)n[0],
                       (long long)n[1]);
}

/*
 * The file's span (sources.span_*): when a source's rows lie wholly before,
 * in or after a period, the data-quality notes say so without counting
 * them (ombud_store_source_spread). Counting read every row of every
 * file in the store for every report: on a store of ten months, most of
 * the time of a month's PDF. A backend that saw each row go in gives the
 * span (SQLite); else it is read back from the file's rows, which at 1M
 * legs took 7 % of an ingest.
 */
static ombud_err record_span(ombud_store *st, int64_t source_id)
{
    const char *what = "recording the file's span";
    char *sql;
    ombud_err err;

    if (st->span_tbl < 0)
        return OMBUD_OK;
    if (st->span_known) {
        int timed = st->span[2] > 0;
        ombud_sql_arg a[4] = {num_arg(source_id), num_arg(st->span[0]),
                              num_arg(st->span[1]), num_arg(st->span[2])};

        if (!timed)  /* as min() and max() of no value: NULL */
            a[1] = a[2] = text_arg(NULL);
        return st->be->exec(st, what, ombud_span_set_sql, a, 4, NULL);
    }
    sql = ombud_span_sql(st->file_kind);
    ombud_sql_arg a[2] = {num_arg(source_id),
                          num_arg(st->floor[st->span_tbl])};
    err = st->be->exec(st, what, sql, a, 2, NULL);
    g_free(sql);
    return err;
}

ombud_err ombud_store_end_file(ombud_store *st, int64_t source_id,
                               ombud_counts *counts)
{
    ombud_err err;

    if ((err = st->be->end_rows(st, source_id, counts)) ||
        (err = check_counts(st, source_id, counts)) ||
        (err = record_span(st, source_id)) ||
        (err = st->be->commit_file(st, source_id, counts))) {
        ombud_store_abort_file(st);
        return err;
    }
    st->on_dup = NULL;
    st->in_file = 0;
    st->last_file = source_id;
    return OMBUD_OK;
}

int64_t ombud_store_last_file(const ombud_store *st)
{
    return st->last_file;
}

/* ---- data quality ------------------------------------------------------------ */

/* The spread from the source's span (record_span) when its rows lie
 * wholly before, in or after [@from, @to): *@done then. A store made
 * before spans were recorded has none: the rows are counted. */
static ombud_err spread_of_span(ombud_store *st, int64_t source_id,
                                int64_t from, int64_t to, int64_t out[3],
                                int *done)
{
    ombud_sql_arg a = num_arg(source_id);
    int64_t span[3];   /* first_at, last_at, timed */
    int rows = 0, place = -1;
    ombud_err err;

    *done = 0;
    if ((err = query_ints(st, "reading a file's span", ombud_span_get_sql,
                          &a, 1, span, 3, &rows)) || rows != 1)
        return err;
    if (!span[2])
        place = 1;               /* no row has a time: 0, 0, 0 */
    else if (span[1] < from)
        place = 0;
    else if (span[0] >= to)
        place = 2;
    else if (span[0] >= from && span[1] < to)
        place = 1;
    if (place < 0)
        return OMBUD_OK;
    out[place] = span[2];
    *done = 1;
    return OMBUD_OK;
}

ombud_err ombud_store_source_spread(ombud_store *st, int64_t source_id,
                                    const char *kind, int64_t from, int64_t to,
                                    int64_t out[3])
{
    char *sql = ombud_spread_sql(kind);
    ombud_sql_arg a[3] = {num_arg(source_id), num_arg(from), num_arg(to)};
    ombud_err err;
    int done;

    out[0] = out[1] = out[2] = 0;
    if (!sql)
        return OMBUD_OK;
    err = spread_of_span(st, source_id, from, to, out, &done);
    if (!err && !done && st->be->source_spread)
        err = st->be->source_spread(st, source_id, kind, from, to, out, &done);
    if (!err && !done)
        err = query_ints(st, "counting rows by period", sql, a, 3, out, 3,
                         NULL);
    g_free(sql);
    return err;
}

ombud_err ombud_store_any_call(ombud_store *st, int64_t from, int64_t to,
                               int *any)
{
    static const char sql[] = "SELECT count(*) FROM (SELECT 1 FROM call_legs "
                              "WHERE arrived_at >= $1 AND arrived_at < $2 "
                              "LIMIT 1) x";
    ombud_sql_arg a[2] = {num_arg(from), num_arg(to)};
    int64_t n = 0;
    ombud_err err = query_ints(st, "looking for calls", sql, a, 2, &n, 1, NULL);

    *any = n > 0;
    return err;
}

/* A filter value listed: to the caller's function, "" for NULL. */
typedef struct each_value {
    int (*fn)(void *ud, const char *v);
    void *ud;
} each_value;

static int give_value(void *ud, int ncol, const char *const *val,
                      const size_t *len)
{
    each_value *e = ud;

    (void)ncol;
    (void)len;
    return e->fn(e->ud, val[0] ? val[0] : "");
}

ombud_err ombud_store_filter_values(ombud_store *st, const char *what,
                                    const char *value, int *known, int max,
                                    int (*fn)(void *ud, const char *v),
                                    void *ud)
{
    const char *sql = ombud_filter_sql(what, value != NULL);
    each_value e = {fn, ud};
    ombud_sql_arg a;
    int64_t n;
    int rows = 0;
    ombud_err err;

    if (!sql)
        return ombud_error(OMBUD_E_INTERNAL, NULL, "no filter '%s'", what);
    if (!value) {
        a = num_arg(max);
        return st->be->each_row(st, "listing filter values", sql, &a, 1,
                                give_value, &e);
    }
    a = text_arg(value);
    err = query_ints(st, "finding a filter value", sql, &a, 1, &n, 1, &rows);
    *known = rows > 0;
    return err;
}

/* ---- billing look-ups --------------------------------------------------------- */

ombud_err ombud_store_ask_billing(ombud_store *st, int64_t tag,
                                  const ombud_billing_ask *ask)
{
    /* The bounds are constants the planner can prune by (backend.h). */
    if (!st->asks || ask->from < st->asks_lo)
        st->asks_lo = ask->from;
    if (!st->asks || ask->to > st->asks_hi)
        st->asks_hi = ask->to;
    st->asks++;
    return st->be->ask_billing(st, tag, ask);
}

ombud_err ombud_store_each_asked_billing(ombud_store *st, ombud_asked_fn fn,
                                         void *ud)
{
    if (!st->asks)
        return OMBUD_OK;
    st->asks = 0;
    return st->be->each_asked_billing(st, st->asks_lo, st->asks_hi, fn, ud);
}

static ombud_err figures_flush(ombud_store *st);

/* ---- checks -------------------------------------------------------------------- */

/* A new check of a period replaces the last one's findings: all the
 * findings when the store holds no other period's (sql.c says why). */
static ombud_err purge_period(ombud_store *st, const ombud_check *c)
{
    ombud_sql_arg a[2] = {num_arg(c->from), num_arg(c->to)};
    const char *const *sql;
    int64_t others;
    ombud_err err;

    if ((err = query_ints(st, "replacing earlier findings",
                          ombud_other_checks_sql, a, 2, &others, 1, NULL)))
        return err;
    sql = others ? ombud_purge_check_sql : ombud_purge_all_sql;
    for (int i = 0; sql[i]; i++)
        if ((err = st->be->exec(st, "replacing earlier findings", sql[i],
                                others ? a : NULL, others ? 2 : 0, NULL)))
            return err;
    return OMBUD_OK;
}

ombud_err ombud_store_begin_check(ombud_store *st, const ombud_check *c,
                                  int64_t *check_id)
{
    ombud_err err;

    assert(!st->in_check && !st->in_file);
    /* A cached digest may be of the check about to be replaced. */
    st->digest_check = 0;
    st->billing_last_known = 0;
    st->in_check = 1;
    if ((err = st->be->begin_check(st, c)) || (err = purge_period(st, c)) ||
        (err = st->be->add_check(st, c, check_id)))
        ombud_store_abort_check(st);
    return err;
}

static ombud_err figures_flush(ombud_store *st);

ombud_err ombud_store_end_check(ombud_store *st)
{
    ombud_err err = figures_flush(st);

    if (err) {
        ombud_store_abort_check(st);
        return err;
    }
    st->in_check = 0;
    return st->be->end_check(st);
}

void ombud_store_abort_check(ombud_store *st)
{
    st->in_check = 0;
    st->asks = 0;  /* the rollback took the queued look-ups with it */
    if (st->figs)
        st->figs->pending = 0;
    st->be->abort_check(st);
}

ombud_err ombud_store_each_breach(ombud_store *st, int64_t result_id,
                                  ombud_breach_fn fn, void *ud)
{
    return st->be->each_breach_of(st, result_id, NULL, fn, ud);
}

/* ---- correcting a store (ombud forget) ---------------------------------------- */

/* Findings hold no source of their own: every check goes (and is redone). */
static const char *const purge_findings_sql[] = {
    "DELETE FROM evidence", "DELETE FROM breaches", "DELETE FROM series",
    "DELETE FROM figure_runs", "DELETE FROM results", "DELETE FROM checks", NULL
};

/* Each check, to the caller's @fn before it goes: non-zero refuses. */
typedef struct each_check {
    ombud_check_fn fn;
    void *ud;
    int stop;
} each_check;

static int tell_check(void *ud, int ncol, const char *const *val,
                      const size_t *len)
{
    each_check *c = ud;

    (void)ncol;
    (void)len;
    c->stop = c->fn(c->ud, strtoll(val[0], NULL, 10), strtoll(val[1], NULL, 10),
                    strtoll(val[2], NULL, 10), val[3]);
    return c->stop;
}

/* Remove source @id: its rows, rejects and itself, counted into @out. */
static ombud_err forget_source(ombud_store *st, int64_t id,
                               ombud_forgotten *out)
{
    ombud_sql_arg a = num_arg(id);
    char sql[128];
    int64_t k;
    ombud_err err;

    *out = (ombud_forgotten){0, 0};
    for (int t = 0; ombud_source_tables[t]; t++) {
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE source_id = $1",
                 ombud_source_tables[t]);
        if ((err = st->be->exec(st, "removing a source's rows", sql, &a, 1,
                                &k)))
            return err;
        out->rows += k;
    }
    if ((err = st->be->exec(st, "removing a source's rejects", "DELETE FROM "
                            "rejects WHERE source_id = $1", &a, 1,
                            &out->rejects)) ||
        (err = st->be->exec(st, "removing a source", "DELETE FROM sources "
                            "WHERE id = $1", &a, 1, &k)))
        return err;
    if (k != 1)
        return ombud_error(OMBUD_E_DATA, NULL, "source %lld is not in the "
                           "store (forgotten by another run?); nothing "
                           "removed", (long long)id);
    return OMBUD_OK;
}

static ombud_err forget_all(ombud_store *st, const int64_t *ids, size_t n,
                            ombud_forgotten *out, ombud_check_fn fn, void *ud)
{
    each_check c = {fn, ud, 0};
    ombud_err err;

    if (fn && (err = st->be->each_row(st, "reading checks", "SELECT id, "
                                      "period_start, period_end, tz FROM "
                                      "checks ORDER BY period_start, "
                                      "period_end, id", NULL, 0, tell_check,
                                      &c)))
        return err;
    if (c.stop)
        return OMBUD_E_INTERNAL;
    for (int i = 0; purge_findings_sql[i]; i++)
        if ((err = st->be->exec(st, "removing checks", purge_findings_sql[i],
                                NULL, 0, NULL)))
            return err;
    for (size_t i = 0; i < n; i++)
        if ((err = forget_source(st, ids[i], &out[i])))
            return err;
    return OMBUD_OK;
}

ombud_err ombud_store_forget(ombud_store *st, const int64_t *ids, size_t n,
                             ombud_forgotten *out, ombud_check_fn fn,
                             void *ud)
{
    ombud_err err;

    assert(!st->in_file && !st->in_check && ids && out);
    st->digest_check = 0;
    if ((err = st->be->begin_forget(st)))
        return err;
    if ((err = forget_all(st, ids, n, out, fn, ud)) ||
        (err = st->be->commit(st)))
        st->be->rollback(st);
    return err;
}

/* ---- the findings digest ------------------------------------------------------ */

/*
 * The canonical text: a line per row of each digest statement, its
 * columns joined with '|'; a breach's line ends with '|' and its evidence
 * (source checksum:line) joined with ','. Read breach by breach, evidence
 * row by evidence row, so that no breach's list (a day's 300,000 legs at
 * 10M) is ever held whole.
 */
typedef struct digest {
    ombud_sha256 *ck;
    char *text;      /* canonical text not yet hashed (DIGEST_BUF bytes):
                        hashing it a column at a time was a tenth of
                        writing the 1M-leg XLSX, and a GString's append a
                        twelfth of the digest */
    size_t len;      /* bytes in text */
    const char *src; /* the last evidence row's source id as text (in sha's
                        keys), and its checksum: most rows name the one
                        before's source */
    const char *src_sha;
    int open;        /* a breach line is open */
    int refs;        /* evidence written on it */
    GArray *ids;     /* result ids, when collecting them */
    GHashTable *sha; /* a source's id as text -> its checksum (owned) */
    GArray *heads;   /* the chunk of breaches being read (digest_head) */
    GString *head_text; /* their lines up to the evidence, one after another */
    guint next;      /* the first of heads whose line is not written yet */
} digest;

/* A breach of the chunk: its id, and where its line starts in head_text. */
typedef struct digest_head {
    int64_t id;
    gsize off;
} digest_head;

/* Breaches read at a time: their text is held until their evidence is
 * read (a breach's text is a few hundred bytes at most). */
#define DIGEST_CHUNK 4096

#define DIGEST_BUF 65536

static void flush_text(digest *d)
{
    ombud_sha256_update(d->ck, d->text, d->len);
    d->len = 0;
}

/* Add @n bytes to the canonical text, hashed 64 KiB at a time. */
static void put_text(digest *d, const char *p, size_t n)
{
    if (d->len + n > DIGEST_BUF) {
        flush_text(d);
        if (n > DIGEST_BUF) {
            ombud_sha256_update(d->ck, p, n);
            return;
        }
    }
    memcpy(d->text + d->len, p, n);
    d->len += n;
}

/* @n bytes of a figure's "name\tvalue\tunit" line, its tabs as '|'. */
static void put_tabbed(digest *d, const char *p, size_t n)
{
    const char *tab;

    while ((tab = memchr(p, '\t', n))) {
        put_text(d, p, (size_t)(tab - p));
        put_text(d, "|", 1);
        n -= (size_t)(tab - p) + 1;
        p = tab + 1;
    }
    put_text(d, p, n);
}

static void hash_columns(digest *d, const char *const *val, const size_t *len,
                         int from, int to)
{
    for (int i = from; i < to; i++) {
        if (i > from)
            put_text(d, "|", 1);
        if (val[i])
            put_text(d, val[i], len[i]);
    }
}

static int digest_line(void *ud, int ncol, const char *const *val,
                       const size_t *len)
{
    digest *d = ud;

    hash_columns(d, val, len, 0, ncol);
    put_text(d, "\n", 1);
    return 0;
}

/* A figures row: its first figure's line as it is, then a line for each
 * figure in its last column (name\tvalue\tunit\n each), the same as the
 * rows they would have been alone. */
static int digest_figures(void *ud, int ncol, const char *const *val,
                          const size_t *len)
{
    digest *d = ud;
    const char *p = val[ncol - 1], *line;
    size_t n;

    hash_columns(d, val, len, 0, ncol - 1);
    put_text(d, "\n", 1);
    while (run_line(&p, &line, &n)) {
        hash_columns(d, val, len, 0, 3);
        put_text(d, "|", 1);
        put_tabbed(d, line, n);
        put_text(d, "\n", 1);
    }
    return 0;
}

/* The checksum of the source whose id is @id (as text), or NULL. */
static const char *source_sha(digest *d, const char *id)
{
    gpointer key, sha;

    if (d->src && !strcmp(d->src, id))
        return d->src_sha;
    if (!g_hash_table_lookup_extended(d->sha, id, &key, &sha))
        return NULL;
    d->src = key;
    d->src_sha = sha;
    return sha;
}

/* A breach of the chunk (ombud_digest_breach_sql): its line's text up to
 * its evidence, each column followed by '|'. */
static int collect_head(void *ud, int ncol, const char *const *val,
                        const size_t *len)
{
    digest *d = ud;
    digest_head h = {strtoll(val[0], NULL, 10), d->head_text->len};

    assert(ncol == 12);
    for (int i = 1; i < ncol; i++) {
        if (val[i])
            g_string_append_len(d->head_text, val[i], (gssize)len[i]);
        g_string_append_c(d->head_text, '|');
    }
    g_array_append_val(d->heads, h);
    return 0;
}

/* Write the lines of the chunk's breaches up to the one of @id; the last
 * stays open for its evidence. */
static void open_heads(digest *d, int64_t id)
{
    const digest_head *h = (const digest_head *)(void *)d->heads->data;
    guint n = d->heads->len;

    for (; d->next < n && h[d->next].id <= id; d->next++) {
        gsize end = d->next + 1 < n ? h[d->next + 1].off : d->head_text->len;

        if (d->open)
            put_text(d, "\n", 1);
        put_text(d, d->head_text->str + h[d->next].off,
                 end - h[d->next].off);
        d->open = 1;
        d->refs = 0;
    }
}

/* An evidence row (ombud_digest_evidence_sql): "checksum:lines" on its
 * breach's line; nothing, as the join's NULL was, when the row names no
 * source, no source that is kept, or no line. */
static int digest_evidence(void *ud, int ncol, const char *const *val,
                           const size_t *len)
{
    digest *d = ud;
    int64_t id = strtoll(val[0], NULL, 10);
    const char *sha = val[1] && val[2] ? source_sha(d, val[1]) : NULL;

    assert(ncol == 3);
    open_heads(d, id);
    assert(d->next > 0 && ((const digest_head *)(void *)
                           d->heads->data)[d->next - 1].id == id);
    if (sha) {
        if (d->refs++)
            put_text(d, ",", 1);
        put_text(d, sha, strlen(sha));
        put_text(d, ":", 1);
        put_text(d, val[2], len[2]);
    }
    return 0;
}

static int collect_sha(void *ud, int ncol, const char *const *val,
                       const size_t *len)
{
    digest *d = ud;

    (void)len;
    if (ncol == 2 && val[0] && val[1])
        g_hash_table_insert(d->sha, g_strdup(val[0]), g_strdup(val[1]));
    return 0;
}

static int collect_id(void *ud, int ncol, const char *const *val,
                      const size_t *len)
{
    digest *d = ud;
    int64_t id = strtoll(val[0], NULL, 10);

    (void)ncol;
    (void)len;
    g_array_append_val(d->ids, id);
    return 0;
}

/* The breach lines of result @result, a chunk of breaches at a time. */
static ombud_err digest_result_breaches(ombud_store *st, digest *d,
                                        int64_t result, const char *heads,
                                        const char *evidence)
{
    const char *what = "computing the findings digest";
    ombud_sql_arg a[3] = {num_arg(result), num_arg(INT64_MIN), num_arg(0)};
    ombud_err err;
    guint n;

    do {
        g_array_set_size(d->heads, 0);
        g_string_truncate(d->head_text, 0);
        d->next = 0;
        err = st->be->each_row(st, what, heads, a, 2, collect_head, d);
        if (err || !(n = d->heads->len))
            break;
        a[2] = num_arg(g_array_index(d->heads, digest_head, n - 1).id);
        err = st->be->each_row(st, what, evidence, a, 3, digest_evidence, d);
        open_heads(d, INT64_MAX);
        a[1] = a[2];
    } while (!err && n == DIGEST_CHUNK);
    return err;
}

/* The breach lines of the check, result by result in order (@d's ids). */
static ombud_err digest_breaches(ombud_store *st, digest *d)
{
    char *heads = g_strdup_printf(ombud_digest_breach_sql, DIGEST_CHUNK);
    char *evidence = g_strdup_printf(ombud_digest_evidence_sql,
                                     st->be->row_key);
    ombud_err err;

    d->sha = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    d->heads = g_array_new(FALSE, FALSE, sizeof(digest_head));
    d->head_text = g_string_new(NULL);
    err = st->be->each_row(st, "computing the findings digest",
                           ombud_digest_sources_sql, NULL, 0, collect_sha, d);
    for (guint i = 0; i < d->ids->len && !err; i++)
        err = digest_result_breaches(st, d, g_array_index(d->ids, int64_t, i),
                                     heads, evidence);
    if (d->open)
        put_text(d, "\n", 1);
    g_hash_table_destroy(d->sha);
    g_array_free(d->heads, TRUE);
    g_string_free(d->head_text, TRUE);
    d->src = d->src_sha = NULL;
    g_free(heads);
    g_free(evidence);
    return err;
}

/* The figure lines of the check, result by result in order. */
static ombud_err digest_figure_runs(ombud_store *st, digest *d)
{
    char *sql = g_strdup_printf(ombud_digest_figures_sql, st->be->row_key);
    ombud_err err = OMBUD_OK;

    for (guint i = 0; i < d->ids->len && !err; i++) {
        ombud_sql_arg a = num_arg(g_array_index(d->ids, int64_t, i));
        err = st->be->each_row(st, "computing the findings digest", sql, &a,
                               1, digest_figures, d);
    }
    g_free(sql);
    return err;
}

/* Part @q of the digest (ombud_digest_sql). */
static ombud_err digest_part(ombud_store *st, digest *d, int q,
                             const ombud_sql_arg *a)
{
    char *sql;
    ombud_err err;

    if (q == OMBUD_DIGEST_BREACHES)
        return digest_breaches(st, d);
    if (q == OMBUD_DIGEST_FIGURES)
        return digest_figure_runs(st, d);
    sql = g_strdup_printf(ombud_digest_sql[q], st->be->row_key);
    err = st->be->each_row(st, "computing the findings digest", sql, a, 1,
                           digest_line, d);
    g_free(sql);
    return err;
}

/*
 * The digest computed on another thread while a report is written: at 1M
 * legs it reads 3M rows, 1.0-1.1 s, a third of the XLSX and most of the
 * PDF. The reader (the backend's open_reader) sees the store in one
 * snapshot, as committed after the mark was taken. When the digest is
 * taken, the same mark says that nothing was committed since by any
 * connection: this handle has then seen what the reader saw, and the
 * digest is the one it would compute. Else (a check of the period ran
 * meanwhile, and may have reused the check's id) it computes it anew.
 */
struct ombud_early_digest {
    GThread *thread;
    ombud_store *reader;      /* owned */
    int64_t check_id;
    int64_t mark[2];          /* the store's commit_mark before the reader */
    ombud_err err;
    char hex[65];
};

static gpointer digest_run(gpointer p)
{
    struct ombud_early_digest *e = p;
    ombud_check_info chk;

    /* OMBUD_E_DATA when the check is not in the reader's snapshot. */
    e->err = ombud_store_check_get(e->reader, e->check_id, &chk);
    if (!e->err)
        e->err = ombud_store_findings_digest(e->reader, e->check_id, e->hex);
    return NULL;
}

void ombud_store_expect_digest(ombud_store *st, int64_t check_id)
{
    struct ombud_early_digest *e;

    /* 0 would ask check_get for the latest check: reports name theirs. */
    if (!check_id || st->in_check || st->early || !st->be->open_reader ||
        st->digest_check == check_id ||
        !(e = g_try_new0(struct ombud_early_digest, 1)))
        return;
    e->check_id = check_id;
    st->be->commit_mark(st, e->mark);
    if (!(e->reader = st->be->open_reader(st, 1)) ||
        !(e->thread = g_thread_try_new("ombud-digest", digest_run, e, NULL))) {
        ombud_store_close(e->reader);
        g_free(e);
        return;
    }
    st->early = e;
}

/* Wait for the early digest and let it go; 1 with its digest in @hex when
 * it is of @check_id and went well. */
static int early_digest_take(ombud_store *st, int64_t check_id, char hex[65])
{
    struct ombud_early_digest *e = st->early;
    int64_t mark[2];
    int ok;

    if (!e)
        return 0;
    g_thread_join(e->thread);
    st->be->commit_mark(st, mark);
    ok = e->check_id == check_id && !e->err && !st->in_check &&
         mark[0] == e->mark[0] && mark[1] == e->mark[1] && mark[0] != -1;
    if (ok)
        memcpy(hex, e->hex, 65);
    ombud_store_close(e->reader);
    g_free(e);
    st->early = NULL;
    return ok;
}

ombud_err ombud_store_findings_digest(ombud_store *st, int64_t check_id,
                                      char hex[65])
{
    digest d = {0};
    ombud_sql_arg a = num_arg(check_id);
    ombud_err err = OMBUD_OK;

    /* Findings of a finished check never change: reuse its digest (at 1M
     * call legs one pass reads ~3M rows). A new check forgets it. */
    if (check_id && st->digest_check == check_id) {
        memcpy(hex, st->digest, 65);
        return OMBUD_OK;
    }
    if (early_digest_take(st, check_id, hex)) {
        st->digest_check = check_id;
        memcpy(st->digest, hex, 65);
        return OMBUD_OK;
    }
    if ((err = figures_flush(st)))
        return err;
    if (!(d.ck = ombud_sha256_new()))
        return OMBUD_E_NOMEM;
    d.text = g_malloc(DIGEST_BUF);
    d.ids = g_array_new(FALSE, FALSE, sizeof(int64_t));
    err = st->be->each_row(st, "computing the findings digest",
                           ombud_digest_results_sql, &a, 1, collect_id, &d);
    for (int q = 0; q < OMBUD_DIGEST_PARTS && !err; q++)
        err = digest_part(st, &d, q, &a);
    g_array_free(d.ids, TRUE);
    flush_text(&d);
    g_free(d.text);
    snprintf(hex, 65, "%s", ombud_sha256_hex(d.ck));
    ombud_sha256_free(d.ck);
    if (!err && !st->in_check) {
        st->digest_check = check_id;
        memcpy(st->digest, hex, 65);
    }
    return err;
}

/* ---- forwarded as they are ------------------------------------------------------ */

ombud_err ombud_store_find_source(ombud_store *st, const char *kind,
                                  const char *sha256, int64_t *id,
                                  ombud_counts *counts)
{
    return st->be->find_source(st, kind, sha256, id, counts);
}

ombud_err ombud_store_has_size(ombud_store *st, const char *kind,
                               int64_t bytes, int *found)
{
    return st->be->has_size(st, kind, bytes, found);
}

ombud_err ombud_store_begin_file(ombud_store *st, const ombud_source *src,
                                 int64_t *id)
{
    ombud_err err;

    st->on_dup = src->on_dup;
    st->dup_ud = src->dup_ud;
    for (int i = 0; i < OMBUD_ROW_TABLES; i++)
        st->floor[i] = INT64_MIN;
    snprintf(st->file_kind, sizeof st->file_kind, "%s", src->kind);
    st->span_tbl = ombud_span_table(src->kind);
    st->span_known = 0;
    st->span[0] = st->span[1] = st->span[2] = 0;
    err = st->be->begin_file(st, src, id);
    st->in_file = 1;  /* even on error: close rolls back what was begun */
    return err;
}

ombud_err ombud_store_set_source_checksum(ombud_store *st, int64_t id,
                                          const char *sha256, int64_t bytes)
{
    return st->be->set_source_checksum(st, id, sha256, bytes);
}

ombud_err ombud_store_set_source_notes(ombud_store *st, int64_t id,
                                       const char *notes)
{
    return st->be->set_source_notes(st, id, notes);
}

ombud_err ombud_store_add_outage(ombud_store *st, int64_t source_id, long line,
                                 const ombud_outage *o)
{
    return st->be->add_outage(st, source_id, line, o);
}

ombud_err ombud_store_add_call_leg(ombud_store *st, int64_t source_id,
                                   long line, const ombud_call_leg *c)
{
    return st->be->add_call_leg(st, source_id, line, c);
}

ombud_err ombud_store_add_billing(ombud_store *st, int64_t source_id,
                                  long line, const ombud_billing *b)
{
    return st->be->add_billing(st, source_id, line, b);
}

ombud_err ombud_store_add_appointment(ombud_store *st, int64_t source_id,
                                      long line, const ombud_appointment *a)
{
    return st->be->add_appointment(st, source_id, line, a);
}

ombud_err ombud_store_add_order(ombud_store *st, int64_t source_id, long line,
                                const ombud_order *o)
{
    return st->be->add_order(st, source_id, line, o);
}

ombud_err ombud_store_add_customers(ombud_store *st, int64_t source_id,
                                    long line, const ombud_customers *c)
{
    return st->be->add_customers(st, source_id, line, c);
}

ombud_err ombud_store_add_snapshot(ombud_store *st, int64_t source_id,
                                   long line, const ombud_snapshot *s)
{
    return st->be->add_snapshot(st, source_id, line, s);
}

ombud_err ombud_store_add_account(ombud_store *st, int64_t source_id,
                                  long line, const char *number,
                                  const char *account_id, const char *given)
{
    return st->be->add_account(st, source_id, line, number, account_id,
                               given);
}

ombud_err ombud_store_account_of(ombud_store *st, const char *number,
                                 char **out)
{
    return st->be->account_of(st, number, out);
}

ombud_err ombud_store_add_cdr(ombud_store *st, int64_t source_id, long line,
                              const ombud_cdr *c)
{
    return st->be->add_cdr(st, source_id, line, c);
}

ombud_err ombud_store_cdr_of(ombud_store *st, const char *uniqueid,
                             char **account, char **src, int64_t *found)
{
    return st->be->cdr_of(st, uniqueid, account, src, found);
}

ombud_err ombud_store_stage_event(ombud_store *st, const ombud_staged_event *e,
                                  long *first)
{
    return st->be->stage_event(st, e, first);
}

ombud_err ombud_store_each_staged(ombud_store *st, ombud_staged_fn fn,
                                  void *ud)
{
    return st->be->each_staged(st, fn, ud);
}

ombud_err ombud_store_staged_duplicates(ombud_store *st, int64_t *n)
{
    return st->be->staged_duplicates(st, n);
}

ombud_err ombud_store_clear_staged(ombud_store *st)
{
    return st->be->clear_staged(st);
}

ombud_err ombud_store_add_reject(ombud_store *st, int64_t source_id,
                                 const ombud_reject *r)
{
    return st->be->add_reject(st, source_id, r);
}

ombud_err ombud_store_totals_get(ombud_store *st, ombud_store_totals *t)
{
    return st->be->totals_get(st, t);
}

ombud_err ombud_store_data_span(ombud_store *st, int64_t *from, int64_t *to)
{
    return st->be->data_span(st, from, to);
}

/* Asked by every guarantee that counts compensation returns, and a scan
 * of all billing (no index on posted_at; 0.1 s at 1M rows): within a
 * check the billing cannot change (SQLite's check holds the write lock,
 * PostgreSQL's reads one snapshot), so it is read once per check. */
ombud_err ombud_store_billing_last(ombud_store *st, int64_t *last)
{
    ombud_err err;

    if (st->in_check && st->billing_last_known) {
        *last = st->billing_last;
        return OMBUD_OK;
    }
    if ((err = st->be->billing_last(st, last)))
        return err;
    if (st->in_check) {
        st->billing_last = *last;
        st->billing_last_known = 1;
    }
    return OMBUD_OK;
}

ombud_err ombud_store_each_leg(ombud_store *st, int64_t from, int64_t to,
                               ombud_leg_fn fn, void *ud)
{
    return st->be->each_leg(st, from, to, fn, ud);
}

ombud_err ombud_store_each_outage(ombud_store *st, int64_t from, int64_t to,
                                  ombud_outage_fn fn, void *ud)
{
    return st->be->each_outage(st, from, to, fn, ud);
}

ombud_err ombud_store_each_outage_started(ombud_store *st, int64_t from,
                                          int64_t to, int ordered,
                                          ombud_outage_fn fn, void *ud)
{
    return st->be->each_outage_started(st, from, to, ordered, fn, ud);
}

ombud_err ombud_store_each_step(ombud_store *st, int64_t from, int64_t to,
                                ombud_step_fn fn, void *ud)
{
    return st->be->each_step(st, from, to, fn, ud);
}

ombud_err ombud_store_each_appointment(ombud_store *st, int64_t from,
                                       int64_t to, ombud_appointment_fn fn,
                                       void *ud)
{
    return st->be->each_appointment(st, from, to, fn, ud);
}

ombud_err ombud_store_each_order(ombud_store *st, int64_t from, int64_t to,
                                 ombud_order_fn fn, void *ud)
{
    return st->be->each_order(st, from, to, fn, ud);
}

ombud_err ombud_store_each_customers(ombud_store *st, ombud_customers_fn fn,
                                     void *ud)
{
    return st->be->each_customers(st, fn, ud);
}

ombud_err ombud_store_each_snapshot(ombud_store *st, int64_t from, int64_t to,
                                    ombud_snapshot_fn fn, void *ud)
{
    assert(fn);
    return st->be->each_snapshot(st, from, to, fn, ud);
}

ombud_err ombud_store_each_promise(ombud_store *st, int64_t from, int64_t to,
                                   ombud_promise_fn fn, void *ud)
{
    return st->be->each_promise(st, from, to, fn, ud);
}

ombud_err ombud_store_each_noticed_billing(ombud_store *st,
                                           int64_t notice_from,
                                           int64_t notice_to, int64_t to,
                                           ombud_billing_fn fn, void *ud)
{
    return st->be->each_noticed_billing(st, notice_from, notice_to, to, fn,
                                        ud);
}

ombud_err ombud_store_outage_restored(ombud_store *st, const char *outage_id,
                                      int64_t *row_id, int64_t *restored_at)
{
    return st->be->outage_restored(st, outage_id, row_id, restored_at);
}

ombud_err ombud_store_each_leg_grouped(ombud_store *st, int64_t from,
                                       int64_t to, ombud_group_leg_fn fn,
                                       void *ud)
{
    return st->be->each_leg_grouped(st, from, to, fn, ud);
}

ombud_err ombud_store_add_result(ombud_store *st, int64_t check_id, int seq,
                                 const char *guarantee_id, const char *kind,
                                 const char *promise, const char *source,
                                 const char *params, int64_t *result_id)
{
    return st->be->add_result(st, check_id, seq, guarantee_id, kind, promise,
                              source, params, result_id);
}

ombud_err ombud_store_set_result(ombud_store *st, int64_t result_id,
                                 const ombud_result *r)
{
    return st->be->set_result(st, result_id, r);
}

ombud_err ombud_store_drop_result(ombud_store *st, int64_t result_id)
{
    ombud_sql_arg a = num_arg(result_id);
    ombud_err err;

    assert(st->in_check);
    /* A figure still held for the result would be written after it went. */
    if ((err = figures_flush(st)))
        return err;
    for (int i = 0; ombud_drop_result_sql[i]; i++)
        if ((err = st->be->exec(st, "removing a scratch result",
                                ombud_drop_result_sql[i], &a, 1, NULL)))
            return err;
    return OMBUD_OK;
}

/*
 * A rule writes the subject into a fixed buffer, where a long id is cut,
 * perhaps inside a character: stored so it was no UTF-8, which SQL readers
 * of the store trip on and PostgreSQL refused, failing the check. The cut
 * character goes (the detail, longer, each backend stores whole).
 */
ombud_err ombud_store_add_breach(ombud_store *st, int64_t result_id,
                                 const ombud_breach *b, int64_t *breach_id)
{
    ombud_breach cut;

    if (ombud_utf8_whole(b->subject) < strlen(b->subject)) {
        cut = *b;
        ombud_utf8_trim(cut.subject);
        b = &cut;
    }
    return st->be->add_breach(st, result_id, b, breach_id);
}

ombud_err ombud_store_add_evidence(ombud_store *st, int64_t breach_id,
                                   const char *table, int64_t row_id)
{
    return st->be->add_evidence(st, breach_id, table, row_id);
}

void ombud_store_leg_place(ombud_store *st, int64_t row, ombud_leg_place *out)
{
    out->row = row;
    out->known = 0;
    st->be->leg_place(st, row, out);
}

ombud_err ombud_store_add_leg_evidence(ombud_store *st, int64_t breach_id,
                                       const ombud_leg_place *p)
{
    return st->be->add_leg_evidence(st, breach_id, p);
}

/* ---- figures, a row per run about one subject ----------------------------------- */

static void figures_free(ombud_store *st)
{
    struct ombud_figure_run *r = st->figs;

    if (!r)
        return;
    g_string_free(r->subject, TRUE);
    g_string_free(r->name, TRUE);
    g_string_free(r->unit, TRUE);
    g_string_free(r->more, TRUE);
    g_free(r);
    st->figs = NULL;
}

static ombud_err figures_flush(ombud_store *st)
{
    struct ombud_figure_run *r = st->figs;

    if (!r || !r->pending)
        return OMBUD_OK;
    r->pending = 0;
    return st->be->add_figure(st, r->result_id, r->subject->str, r->name->str,
                              r->value, r->unit->str,
                              r->more->len ? r->more->str : NULL);
}

ombud_err ombud_store_flush(ombud_store *st)
{
    return figures_flush(st);
}

/* @v in decimal into @out (room for 21 characters and the NUL); its
 * length. */
static gssize int_text(int64_t v, char out[24])
{
    char tmp[24];
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int n = 0, k = 0;

    do
        tmp[n++] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    out[k] = '\0';
    return k;
}

ombud_err ombud_store_add_figure(ombud_store *st, int64_t result_id,
                                 const char *subject, const char *name,
                                 int64_t value, const char *unit)
{
    struct ombud_figure_run *r = st->figs;
    /* A subject a rule cut in its buffer loses the cut character, as a
     * breach's does (ombud_store_add_breach): the two stay equal, and
     * the store whole UTF-8. */
    size_t len;
    ombud_err err;

    /* Names and units are the rules' words: they never hold the marks
     * a run is written with. */
    assert(st->in_check && subject && name && unit);
    assert(!strpbrk(name, "\t\n") && !strpbrk(unit, "\t\n"));
    len = ombud_utf8_whole(subject);
    if (!r) {
        r = st->figs = g_new0(struct ombud_figure_run, 1);
        r->subject = g_string_new(NULL);
        r->name = g_string_new(NULL);
        r->unit = g_string_new(NULL);
        r->more = g_string_new(NULL);
    }
    if (r->pending && r->result_id == result_id && r->subject->len == len &&
        !memcmp(r->subject->str, subject, len) && r->more->len < FIGURES_RUN) {
        /* Not printf: a ticket's figures are 2M at 1M legs. */
        char num[24];
        g_string_append(r->more, name);
        g_string_append_c(r->more, '\t');
        g_string_append_len(r->more, num, int_text(value, num));
        g_string_append_c(r->more, '\t');
        g_string_append(r->more, unit);
        g_string_append_c(r->more, '\n');
        return OMBUD_OK;
    }
    if ((err = figures_flush(st)))
        return err;
    r->pending = 1;
    r->result_id = result_id;
    r->value = value;
    g_string_truncate(r->subject, 0);
    g_string_append_len(r->subject, subject, (gssize)len);
    g_string_assign(r->name, name);
    g_string_assign(r->unit, unit);
    g_string_truncate(r->more, 0);
    return OMBUD_OK;
}

ombud_err ombud_store_add_series(ombud_store *st, int64_t result_id,
                                 const char *name, int64_t key, int64_t value)
{
    return st->be->add_series(st, result_id, name, key, value);
}

/*
 * A check's period as every report prints and splits it: one no import or
 * check can have written (a store edited by hand) is refused here, once,
 * rather than met by each report's date arithmetic.
 */
ombud_err ombud_store_check_get(ombud_store *st, int64_t check_id,
                                ombud_check_info *out)
{
    ombud_err err = st->be->check_get(st, check_id, out);

    if (err || (ombud_time_in_range(out->from) &&
                ombud_time_in_range(out->to) && out->from < out->to))
        return err;
    return ombud_error(OMBUD_E_STORE, NULL, "check #%lld in the store has "
                       "a period no check writes (from %lld to %lld): the "
                       "store was altered; check the period again",
                       (long long)out->id, (long long)out->from,
                       (long long)out->to);
}

typedef struct earlier {
    ombud_earlier_fn fn;
    void *ud;
} earlier;

static int tell_earlier(void *ud, int ncol, const char *const *val,
                        const size_t *len)
{
    earlier *e = ud;

    (void)len;
    if (ncol < 3 || !val[0] || !val[1] || !val[2])
        return 1;
    return e->fn(e->ud, strtoll(val[0], NULL, 10), strtoll(val[1], NULL, 10),
                 strtoll(val[2], NULL, 10));
}

ombud_err ombud_store_each_earlier_check(ombud_store *st,
                                         const ombud_check_info *chk,
                                         ombud_earlier_fn fn, void *ud)
{
    ombud_sql_arg a[5] = {text_arg(chk->guarantees_sha256), text_arg(chk->tz),
                          text_arg(chk->lang[0] ? chk->lang : "en"),
                          text_arg(chk->tool_version), num_arg(chk->from)};
    earlier e = {fn, ud};

    assert(chk && fn);
    return st->be->each_row(st, "reading earlier checks",
                            ombud_earlier_checks_sql, a, 5, tell_earlier, &e);
}

ombud_err ombud_store_each_result(ombud_store *st, int64_t check_id,
                                  ombud_result_fn fn, void *ud)
{
    return st->be->each_result(st, check_id, fn, ud);
}

ombud_err ombud_store_each_breach_of(ombud_store *st, int64_t result_id,
                                     const char *account, ombud_breach_fn fn,
                                     void *ud)
{
    return st->be->each_breach_of(st, result_id, account, fn, ud);
}

ombud_err ombud_store_each_event(ombud_store *st, const char *account,
                                 int64_t from, int64_t to, ombud_event_fn fn,
                                 void *ud)
{
    return st->be->each_event(st, account, from, to, fn, ud);
}

ombud_err ombud_store_each_account(ombud_store *st, ombud_account_fn fn,
                                   void *ud)
{
    return st->be->each_account(st, fn, ud);
}

ombud_err ombud_store_each_series(ombud_store *st, int64_t result_id,
                                  const char *name, ombud_series_fn fn,
                                  void *ud)
{
    return st->be->each_series(st, result_id, name, fn, ud);
}

typedef struct figure_walk {
    ombud_figure_fn fn;
    void *ud;
    char *skip;     /* the subject whose figures are skipped (owned), or NULL */
} figure_walk;

/* One figure to the reader: 0 to go on, 1 to stop, 2 to skip the rest of
 * the run (the reader is past its subject). */
static int hand_figure(figure_walk *w, const char *subject, const char *name,
                       int64_t value, const char *unit)
{
    int rc = w->fn(w->ud, subject, name, value, unit);

    if (rc != OMBUD_FIGURES_NEXT_SUBJECT)
        return rc != 0;
    w->skip = g_strdup(subject);
    return 2;
}

/* A stored row: its first figure, then each of @more's. */
static int spread_figures(void *ud, const char *subject, const char *name,
                          int64_t value, const char *unit, const char *more)
{
    figure_walk *w = ud;
    const char *line;
    char buf[256], *tab1, *tab2;
    size_t n;
    int rc;

    if (w->skip) {
        if (!strcmp(w->skip, subject))
            return 0;
        g_clear_pointer(&w->skip, g_free);
    }
    if ((rc = hand_figure(w, subject, name, value, unit)))
        return rc == 1;
    while (run_line(&more, &line, &n)) {
        if (n >= sizeof buf)
            break;  /* never written so: a store edited by hand */
        memcpy(buf, line, n);
        buf[n] = '\0';
        if (!(tab1 = strchr(buf, '\t')) || !(tab2 = strchr(tab1 + 1, '\t')))
            break;
        *tab1 = *tab2 = '\0';
        if ((rc = hand_figure(w, subject, buf, strtoll(tab1 + 1, NULL, 10),
                              tab2 + 1)))
            return rc == 1;
    }
    return 0;
}

ombud_err ombud_store_each_figure(ombud_store *st, int64_t result_id,
                                  ombud_figure_fn fn, void *ud)
{
    figure_walk w = {fn, ud, NULL};
    ombud_err err = figures_flush(st);

    if (!err)
        err = st->be->each_figure(st, result_id, spread_figures, &w);
    g_free(w.skip);
    return err;
}

ombud_err ombud_store_each_source(ombud_store *st, ombud_source_fn fn,
                                  void *ud)
{
    return st->be->each_source(st, fn, ud);
}

ombud_err ombud_store_name_clash(ombud_store *st, int64_t source_id,
                                 int64_t *other, int64_t *dups)
{
    return st->be->name_clash(st, source_id, other, dups);
}

ombud_err ombud_store_each_reject(ombud_store *st, ombud_reject_fn fn,
                                  void *ud)
{
    return st->be->each_reject(st, fn, ud);
}
