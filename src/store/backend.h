/*
 * backend.h - what a backend of the evidence store provides (private).
 *
 * store.c is the façade: it owns the public API (include/ombud/store.h),
 * picks a backend from the --db string, forwards to it, and keeps what
 * must be the same whatever the backend: the row accounting of a file
 * (read = stored + rejected + counted, checked against the tables), the
 * findings digest that `ombud verify` trusts, the billing look-up bounds.
 * A backend stores and reads rows in its own SQL dialect; it never calls
 * the façade. Modelled on git's struct ref_storage_be (refs-internal.h):
 * each backend embeds struct ombud_store first and downcasts.
 *
 * Backends: src/store/sqlite.c (a file) and src/store/pg.c (a server;
 * left out of a build with NO_PG=1). To add one: define a
 * struct ombud_store_be in its own file, add it to backends[] in
 * store.c, and run tests/unit/store/test_store_conformance.c against it.
 *
 * Every operation has the contract of its ombud_store_* twin in store.h,
 * except where said below.
 */
#ifndef OMBUD_STORE_BACKEND_H
#define OMBUD_STORE_BACKEND_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ombud/store.h"
#include "ombud/time.h"

/**
 * The part of every open store the façade keeps. Each backend's handle
 * starts with one (so a pointer to either is a pointer to both).
 */
/** The tables ombud_count_rows_sql counts a file's rows in: those of
 *  ombud_source_tables, then rejects. */
#define OMBUD_ROW_TABLES 11

struct ombud_store {
    const struct ombud_store_be *be; /**< the backend it was opened with */
    int64_t last_file;     /**< source id of the last file committed, 0 */
    int in_file;           /**< a file is being imported */
    int in_check;          /**< a check is being written */
    int64_t digest_check;  /**< check whose digest is in digest, or 0 */
    char digest[65];       /**< its findings digest (a run writes the XLSX
                                and the PDF: one pass, not two) */
    int billing_last_known; /**< billing_last holds the open check's */
    int64_t billing_last;  /**< where the billing ends (ombud_store_
                                billing_last), once asked in a check */
    int64_t asks;          /**< billing look-ups queued */
    int64_t asks_lo;       /**< their least from */
    int64_t asks_hi;       /**< their greatest to */
    /** Below these ids (ombud_count_rows_sql's tables, in its order) lie
     *  no rows of the file being imported: a backend that knows sets them
     *  in begin_file, else they stay INT64_MIN. The row count then reads
     *  the file's rows, not every month's. */
    int64_t floor[OMBUD_ROW_TABLES];
    char file_kind[32];    /**< the kind of the file being imported */
    /** The file's span (sources.span_*: first time, last time, rows
     *  timed) in the table span_tbl (an ombud_source_tables index, -1:
     *  the kind has none). A backend that sees each row as it is kept
     *  sets span_known in begin_file and hands each one to
     *  ombud_be_span(); else the façade reads the span back from the
     *  table when the file ends (a second pass over the file's rows). */
    int span_tbl;
    int span_known;
    int64_t span[3];
    ombud_dup_fn on_dup;   /**< the file's (ombud_source), while one is */
    void *dup_ud;          /**< being imported */
    struct ombud_figure_run *figs; /**< figures not yet written (store.c) */
    struct ombud_early_digest *early; /**< a digest being computed on
                                           another thread (store.c) */
    struct ombud_defer *defer; /**< set: a handle whose findings wait for
                                    ombud_store_replay() (defer.c) */
};

/** Write what the façade still holds (a run of figures) to the backend
 *  (defer.c replays into a store whose last run may wait). */
ombud_err ombud_store_flush(ombud_store *st);

/*
 * A row of figures: the first figure of a run about one subject, and the
 * rest of the run in @p more (NULL when none), each "name\tvalue\tunit\n".
 * The façade gathers a rule's consecutive figures about a subject into
 * one row (customer_effort writes nine per ticket: 2.1M rows at 1M legs
 * were a third of a check) and spreads them out again when read, so the
 * findings digest and the reports see each figure as before.
 */
typedef int (*ombud_be_figure_fn)(void *ud, const char *subject,
                                  const char *name, int64_t value,
                                  const char *unit, const char *more);

/** Hand a row not kept for its key to the file's on_dup. */
static inline ombud_err ombud_be_dup(ombud_store *st, const ombud_dup *d)
{
    return st->on_dup ? st->on_dup(st->dup_ud, d) : OMBUD_E_INTERNAL;
}

/** A text a look-up hands back whole (account_of, cdr_of): a copy of
 *  @p v in @p out for the caller to free(), NULL for a blank or NULL @p v.
 *  The copy, not a buffer of the caller's size, so that a long id is
 *  never cut (two ids that agree on a prefix stay two). */
static inline ombud_err ombud_be_text_copy(const char *v, char **out)
{
    *out = NULL;
    if (!v || !*v)
        return OMBUD_OK;
    return (*out = strdup(v)) ? OMBUD_OK : OMBUD_E_NOMEM;
}

/** cdr_of's copies of accountcode @p acct and src @p src: both NULL
 *  unless both were copied. */
static inline ombud_err ombud_be_cdr_copy(const char *acct, const char *src,
                                          char **account, char **srcout)
{
    ombud_err err = ombud_be_text_copy(acct, account);

    *srcout = NULL;
    if (!err && (err = ombud_be_text_copy(src, srcout))) {
        free(*account);
        *account = NULL;
    }
    return err;
}

/** ombud_source_tables' indices, for ombud_be_span(). */
enum { OMBUD_T_OUTAGES, OMBUD_T_CALL_LEGS, OMBUD_T_BILLING,
       OMBUD_T_APPOINTMENTS, OMBUD_T_ORDERS, OMBUD_T_ACCOUNTS, OMBUD_T_CDR,
       OMBUD_T_CUSTOMERS, OMBUD_T_STEPS, OMBUD_T_SNAPSHOTS };

/** A row kept in table @p tbl whose spread time is @p t (OMBUD_TIME_NONE:
 *  stored as NULL): into the file's span if that is the table it is read
 *  from. */
static inline void ombud_be_span(ombud_store *st, int tbl, int64_t t)
{
    if (tbl != st->span_tbl || t == OMBUD_TIME_NONE)
        return;
    if (!st->span[2] || t < st->span[0])
        st->span[0] = t;
    if (!st->span[2] || t > st->span[1])
        st->span[1] = t;
    st->span[2]++;
}

/**
 * The place (file and line(s)) of the call legs a check read last, by
 * row id modulo OMBUD_LEG_MEMO (legmemo.c says why). Each backend fills
 * it as it reads legs and empties it when a check begins: rows do not
 * change within one. PostgreSQL keeps a second one for the billing
 * histories payment_notice reads (one table per memo: ids are a table's).
 */
#define OMBUD_LEG_MEMO 4096
typedef struct ombud_leg_memo {
    ombud_leg_place slot[OMBUD_LEG_MEMO];
} ombud_leg_memo;

/** Remember leg @p row's place: @p lines, @p n bytes (NULL: none kept). */
void ombud_leg_memo_put(ombud_leg_memo *m, int64_t row, int64_t source_id,
                        const char *lines, size_t n);
/** 1 with leg @p row's place in @p out (known set), 0 if not kept. */
int ombud_leg_memo_get(const ombud_leg_memo *m, int64_t row,
                       ombud_leg_place *out);
/** Forget every place (a check begins). */
void ombud_leg_memo_clear(ombud_leg_memo *m);

/** One parameter of a shared statement: a number, or text (NULL: NULL). */
typedef struct ombud_sql_arg {
    const char *text;  /**< the text, when !is_num */
    int64_t num;       /**< the number, when is_num */
    int is_num;
} ombud_sql_arg;

/**
 * A row of a shared statement: @p val[i] is column i as text (NULL for
 * SQL NULL), @p len[i] its length; valid during the call only. Non-zero
 * stops the walk (not an error).
 */
typedef int (*ombud_row_fn)(void *ud, int ncol, const char *const *val,
                            const size_t *len);

/** The most columns a shared statement may return. */
#define OMBUD_SQL_MAX_COLS 16

struct ombud_store_be {
    const char *name;   /**< "sqlite", "postgresql" */
    /** The column that orders rows of the findings tables that have no id
     *  column in every dialect (evidence, figures): rowid, id. */
    const char *row_key;
    /** Is @p uri one of this backend's? The last backend takes the rest. */
    int (*wants)(const char *uri);
    /** Open or create; @p out receives the handle (be set by the façade). */
    ombud_err (*open)(const char *uri, ombud_store **out);
    /**
     * Run a shared statement (sql.h): parameters are written $1..$n, as
     * PostgreSQL writes them; rows are passed to @p fn as text. @p fn may
     * call the store between rows. @p what names the step for messages.
     */
    ombud_err (*each_row)(ombud_store *st, const char *what, const char *sql,
        const ombud_sql_arg *args, int nargs, ombud_row_fn fn, void *ud);
    /**
     * All rows of the file being imported have been given: store what is
     * still pending. A backend that finds duplicate keys only now rejects
     * them here and moves them in @p counts from stored to rejected.
     */
    ombud_err (*end_rows)(ombud_store *st, int64_t source_id,
        ombud_counts *counts);
    /** Record the file's @p counts (already checked) and commit. */
    ombud_err (*commit_file)(ombud_store *st, int64_t source_id,
        const ombud_counts *counts);
    void (*close)(ombud_store *st);
    ombud_err (*find_source)(ombud_store *st, const char *kind,
        const char *sha256, int64_t *id, ombud_counts *counts);
    ombud_err (*has_size)(ombud_store *st, const char *kind, int64_t bytes,
        int *found);
    ombud_err (*begin_file)(ombud_store *st, const ombud_source *src,
        int64_t *id);
    ombud_err (*set_source_checksum)(ombud_store *st, int64_t id,
        const char *sha256, int64_t bytes);
    ombud_err (*set_source_notes)(ombud_store *st, int64_t id,
        const char *notes);
    void (*abort_file)(ombud_store *st);
    ombud_err (*add_outage)(ombud_store *st, int64_t source_id, long line,
        const ombud_outage *o);
    ombud_err (*add_call_leg)(ombud_store *st, int64_t source_id, long line,
        const ombud_call_leg *c);
    ombud_err (*add_billing)(ombud_store *st, int64_t source_id, long line,
        const ombud_billing *b);
    ombud_err (*add_appointment)(ombud_store *st, int64_t source_id, long line,
        const ombud_appointment *a);
    ombud_err (*add_order)(ombud_store *st, int64_t source_id, long line,
        const ombud_order *o);
    ombud_err (*add_customers)(ombud_store *st, int64_t source_id, long line,
        const ombud_customers *c);
    ombud_err (*add_snapshot)(ombud_store *st, int64_t source_id, long line,
        const ombud_snapshot *s);
    ombud_err (*add_account)(ombud_store *st, int64_t source_id, long line,
        const char *number, const char *account_id, const char *given);
    ombud_err (*account_of)(ombud_store *st, const char *number, char **out);
    ombud_err (*add_cdr)(ombud_store *st, int64_t source_id, long line,
        const ombud_cdr *c);
    ombud_err (*cdr_of)(ombud_store *st, const char *uniqueid, char **account,
        char **src, int64_t *found);
    ombud_err (*stage_event)(ombud_store *st, const ombud_staged_event *e,
        long *first);
    ombud_err (*each_staged)(ombud_store *st, ombud_staged_fn fn, void *ud);
    ombud_err (*staged_duplicates)(ombud_store *st, int64_t *n);
    ombud_err (*clear_staged)(ombud_store *st);
    ombud_err (*add_reject)(ombud_store *st, int64_t source_id,
        const ombud_reject *r);
    ombud_err (*totals_get)(ombud_store *st, ombud_store_totals *t);
    ombud_err (*data_span)(ombud_store *st, int64_t *from, int64_t *to);
    ombud_err (*billing_last)(ombud_store *st, int64_t *last);
    ombud_err (*each_leg)(ombud_store *st, int64_t from, int64_t to,
        ombud_leg_fn fn, void *ud);
    ombud_err (*each_outage)(ombud_store *st, int64_t from, int64_t to,
        ombud_outage_fn fn, void *ud);
    ombud_err (*each_outage_started)(ombud_store *st, int64_t from,
        int64_t to, int ordered, ombud_outage_fn fn, void *ud);
    ombud_err (*each_step)(ombud_store *st, int64_t from, int64_t to,
        ombud_step_fn fn, void *ud);
    ombud_err (*each_appointment)(ombud_store *st, int64_t from, int64_t to,
        ombud_appointment_fn fn, void *ud);
    ombud_err (*each_order)(ombud_store *st, int64_t from, int64_t to,
        ombud_order_fn fn, void *ud);
    ombud_err (*each_customers)(ombud_store *st, ombud_customers_fn fn,
        void *ud);
    ombud_err (*each_snapshot)(ombud_store *st, int64_t from, int64_t to,
        ombud_snapshot_fn fn, void *ud);
    ombud_err (*each_promise)(ombud_store *st, int64_t from, int64_t to,
        ombud_promise_fn fn, void *ud);
    ombud_err (*each_noticed_billing)(ombud_store *st, int64_t notice_from,
        int64_t notice_to, int64_t to, ombud_billing_fn fn, void *ud);
    ombud_err (*outage_restored)(ombud_store *st, const char *outage_id,
        int64_t *row_id, int64_t *restored_at);
    ombud_err (*ask_billing)(ombud_store *st, int64_t tag,
        const ombud_billing_ask *ask);
    ombud_err (*each_asked_billing)(ombud_store *st, int64_t lo, int64_t hi,
        ombud_asked_fn fn, void *ud);
    ombud_err (*each_leg_grouped)(ombud_store *st, int64_t from, int64_t to,
        ombud_group_leg_fn fn, void *ud);
    /** Open the transaction a check's findings are written in (the façade
     *  then removes the period's earlier findings, and adds the check). */
    ombud_err (*begin_check)(ombud_store *st, const ombud_check *c);
    /** Record the check; @p check_id receives its id. */
    ombud_err (*add_check)(ombud_store *st, const ombud_check *c,
        int64_t *check_id);
    ombud_err (*end_check)(ombud_store *st);
    void (*abort_check)(ombud_store *st);
    ombud_err (*add_result)(ombud_store *st, int64_t check_id, int seq,
        const char *guarantee_id, const char *kind, const char *promise,
        const char *source, const char *params, int64_t *result_id);
    ombud_err (*set_result)(ombud_store *st, int64_t result_id,
        const ombud_result *r);
    ombud_err (*add_breach)(ombud_store *st, int64_t result_id,
        const ombud_breach *b, int64_t *breach_id);
    ombud_err (*add_evidence)(ombud_store *st, int64_t breach_id,
        const char *table, int64_t row_id);
    void (*leg_place)(ombud_store *st, int64_t row, ombud_leg_place *out);
    ombud_err (*add_leg_evidence)(ombud_store *st, int64_t breach_id,
        const ombud_leg_place *p);
    ombud_err (*add_figure)(ombud_store *st, int64_t result_id,
        const char *subject, const char *name, int64_t value,
        const char *unit, const char *more);
    ombud_err (*add_series)(ombud_store *st, int64_t result_id,
        const char *name, int64_t key, int64_t value);
    ombud_err (*check_get)(ombud_store *st, int64_t check_id,
        ombud_check_info *out);
    ombud_err (*each_result)(ombud_store *st, int64_t check_id,
        ombud_result_fn fn, void *ud);
    ombud_err (*each_breach_of)(ombud_store *st, int64_t result_id,
        const char *account, ombud_breach_fn fn, void *ud);
    ombud_err (*each_event)(ombud_store *st, const char *account, int64_t from,
        int64_t to, ombud_event_fn fn, void *ud);
    ombud_err (*each_account)(ombud_store *st, ombud_account_fn fn, void *ud);
    ombud_err (*each_series)(ombud_store *st, int64_t result_id,
        const char *name, ombud_series_fn fn, void *ud);
    ombud_err (*each_figure)(ombud_store *st, int64_t result_id,
        ombud_be_figure_fn fn, void *ud);
    ombud_err (*each_source)(ombud_store *st, ombud_source_fn fn, void *ud);
    ombud_err (*name_clash)(ombud_store *st, int64_t source_id, int64_t *other,
        int64_t *dups);
    /** Open the write transaction ombud_store_forget() runs in (the
     *  façade runs the statements, then commit or rollback). */
    ombud_err (*begin_forget)(ombud_store *st);
    /** Run a shared statement that returns no rows; @p changed (may be
     *  NULL) receives how many rows it changed. */
    ombud_err (*exec)(ombud_store *st, const char *what, const char *sql,
        const ombud_sql_arg *args, int nargs, int64_t *changed);
    ombud_err (*commit)(ombud_store *st);
    void (*rollback)(ombud_store *st);
    ombud_err (*each_reject)(ombud_store *st, ombud_reject_fn fn, void *ud);
    /**
     * Optional (NULL: the shared statement, ombud_spread_sql()): a faster
     * way to ombud_store_source_spread()'s counts when the backend can
     * tell. Sets *@p done when it has filled @p out.
     */
    ombud_err (*source_spread)(ombud_store *st, int64_t source_id,
        const char *kind, int64_t from, int64_t to, int64_t out[3],
        int *done);
    /** Optional (NULL: none): a second handle on the same store, for
     *  reading only, that another thread may use while this one goes on:
     *  all it reads is one snapshot, as of the last commit. With @p quiet
     *  it says nothing of its errors (the caller falls back to @p st).
     *  It need answer only the readings a judging thread or the digest
     *  makes (SQLite's: those that prepare their own statement). NULL
     *  when the backend cannot give one. Closed with
     *  ombud_store_close(). */
    ombud_store *(*open_reader)(ombud_store *st, int quiet);
    /** With open_reader: what @p st has committed so far, in two numbers
     *  that change when any connection commits a change (a reader opened
     *  after one mark sees what @p st sees while the mark is the same). */
    void (*commit_mark)(ombud_store *st, int64_t mark[2]);
};

/*
 * A backend's table: { .name, .row_key, OMBUD_STORE_OPS(p) } with every
 * operation named <p>_<operation>, so that a backend lacking one does not
 * build.
 */
#define OMBUD_STORE_OPS(p) \
    .wants = p##_wants, .open = p##_open, \
    .each_row = p##_each_row, .end_rows = p##_end_rows, \
    .commit_file = p##_commit_file, .close = p##_close, \
    .find_source = p##_find_source, .has_size = p##_has_size, \
    .begin_file = p##_begin_file, \
    .set_source_checksum = p##_set_source_checksum, \
    .set_source_notes = p##_set_source_notes, .abort_file = p##_abort_file, \
    .add_outage = p##_add_outage, .add_call_leg = p##_add_call_leg, \
    .add_billing = p##_add_billing, .add_appointment = p##_add_appointment, \
    .add_order = p##_add_order, .add_customers = p##_add_customers, \
    .add_snapshot = p##_add_snapshot, .each_snapshot = p##_each_snapshot, \
    .add_account = p##_add_account, .account_of = p##_account_of, \
    .add_cdr = p##_add_cdr, .cdr_of = p##_cdr_of, \
    .stage_event = p##_stage_event, .each_staged = p##_each_staged, \
    .staged_duplicates = p##_staged_duplicates, \
    .clear_staged = p##_clear_staged, .add_reject = p##_add_reject, \
    .totals_get = p##_totals_get, .data_span = p##_data_span, \
    .billing_last = p##_billing_last, \
    .each_leg = p##_each_leg, .each_outage = p##_each_outage, \
    .each_outage_started = p##_each_outage_started, \
    .each_step = p##_each_step, \
    .each_appointment = p##_each_appointment, .each_order = p##_each_order, \
    .each_customers = p##_each_customers, .each_promise = p##_each_promise, \
    .each_noticed_billing = p##_each_noticed_billing, \
    .outage_restored = p##_outage_restored, .ask_billing = p##_ask_billing, \
    .each_asked_billing = p##_each_asked_billing, \
    .each_leg_grouped = p##_each_leg_grouped, \
    .begin_check = p##_begin_check, .add_check = p##_add_check, \
    .end_check = p##_end_check, .abort_check = p##_abort_check, \
    .add_result = p##_add_result, .set_result = p##_set_result, \
    .add_breach = p##_add_breach, .add_evidence = p##_add_evidence, \
    .leg_place = p##_leg_place, .add_leg_evidence = p##_add_leg_evidence, \
    .add_figure = p##_add_figure, .add_series = p##_add_series, \
    .check_get = p##_check_get, .each_result = p##_each_result, \
    .each_breach_of = p##_each_breach_of, .each_event = p##_each_event, \
    .each_account = p##_each_account, .each_series = p##_each_series, \
    .each_figure = p##_each_figure, .each_source = p##_each_source, \
    .name_clash = p##_name_clash, .begin_forget = p##_begin_forget, \
    .exec = p##_exec, .commit = p##_commit, .rollback = p##_rollback, \
    .each_reject = p##_each_reject

/* The backends (store.c picks among them). A build with NO_PG=1 has, for
 * ombud_store_pg, src/store/nopg.c: it knows a server's --db string and
 * says it cannot open it. */
extern const struct ombud_store_be ombud_store_sqlite;
extern const struct ombud_store_be ombud_store_pg;

/** Does @p db name a PostgreSQL server (sql.c)? See ombud_store_open(). */
int ombud_pg_uri(const char *db);

/* ---- what both backends share (sql.c) -------------------------------------- */

/**
 * A breach's evidence written as "calls.csv:17, outages.csv:3" into a
 * caller's buffer, cut where the next reference might not fit (leaving
 * room for the report's " and N more"): both backends build it with these
 * functions, so that their reports match byte for byte (sql.c).
 */
typedef struct ombud_refs {
    char *buf;       /**< the caller's buffer */
    size_t size, n;  /**< its size, and the length written */
    int64_t count;   /**< references offered */
    int64_t shown;   /**< references written */
} ombud_refs;

/** Start @p r on @p buf (emptied). */
void ombud_refs_init(ombud_refs *r, char *buf, size_t size);
/** Offer one reference: file @p name (@p nlen bytes), lines @p lines. */
void ombud_refs_add(ombud_refs *r, const char *name, size_t nlen,
                    const char *lines, size_t llen);

/*
 * How an evidence row e finds the row it names (as c, o, x, a or d) for
 * the queries that need the row's account (OMBUD_EVIDENCE_ACCOUNT; rows
 * of customers have none): one definition for both backends, so a new
 * evidence table is added once (and to ombud_evidence_fill_sql). The
 * row's source and line(s) are copied into the evidence row itself.
 */
#define OMBUD_EVIDENCE_JOINS "LEFT JOIN call_legs c ON e.tbl = 'call_legs' " \
    "AND c.id = e.row_id LEFT JOIN outages o ON e.tbl = 'outages' AND o.id " \
    "= e.row_id LEFT JOIN billing_events x ON e.tbl = 'billing_events' AND " \
    "x.id = e.row_id LEFT JOIN appointments a ON e.tbl = 'appointments' AND " \
    "a.id = e.row_id LEFT JOIN orders d ON e.tbl = 'orders' AND d.id = " \
    "e.row_id"
#define OMBUD_EVIDENCE_ACCOUNT "coalesce(c.account_id, o.account_id, " \
    "x.account_id, a.account_id, d.account_id)"

/*
 * The answer to the queued billing look-ups (ombud_store_each_asked_billing),
 * one statement for both backends so both answer alike. Each backend keeps
 * the look-ups in a temporary table ombud_asks(tag, account, area, service,
 * f, t, at); @lo and @hi are its parameters for the least f and the
 * greatest t: constants the planner can prune monthly partitions with (the
 * per-look-up bounds are join conditions, known only per row). Columns:
 * tag, account, then the billing row (NULL when the account has none) in
 * the order id, account_id, kind, posted_at, amount, currency, service,
 * period_start, period_end, due_at, reference, description, area.
 * An area's accounts are those its billing rows or its outages name that
 * have a charge for the service at any time, as each account outage would
 * have been credited one by one.
 */
/*
 * Data-quality statements, one text for both stores ($1, $2... are named
 * parameters in SQLite too, bound by position in order of appearance).
 * @tbl and @col come from ombud_quality_table(), never from input.
 */

/** The statement counting a source's rows before, in and after a period
 *  (g_free), or NULL for a kind whose rows have no time. */
char *ombud_spread_sql(const char *kind);
/** The index into ombud_source_tables (and struct ombud_store's floor)
 *  of the table a file of @p kind has its span in, or -1 for a kind
 *  whose rows have no time. */
int ombud_span_table(const char *kind);
/** The statement recording the span of a file of @p kind from its rows
 *  (g_free; $1 its source id, $2 the floor of its table), or NULL for a
 *  kind whose rows have no time. */
char *ombud_span_sql(const char *kind);
/** The statement recording a span given ($1 the source id, $2..$4
 *  first, last, timed; NULL first and last when none is timed). */
extern const char ombud_span_set_sql[];
/** A source's span as recorded ($1: its id): span_first, span_last,
 *  span_timed; no row when none was. */
extern const char ombud_span_get_sql[];
/** The table of @p kind's rows and its time column (static strings)
 *  into @p tbl, @p col: 1, or 0 for a kind whose rows have no time. */
int ombud_spread_table(const char *kind, const char **tbl, const char **col);

/** The statement listing (@value NULL) or finding a filter value. */
const char *ombud_filter_sql(const char *what, int find);

#define OMBUD_ASKED_BILLING_SQL(lo, hi) \
    "WITH wanted AS (SELECT DISTINCT area FROM ombud_asks WHERE account IS " \
    " NULL), members AS (SELECT area, account_id FROM billing_events WHERE " \
    " area IN (SELECT area FROM wanted) UNION SELECT area, account_id FROM " \
    " outages WHERE account_id IS NOT NULL AND area IN (SELECT area FROM " \
    " wanted)), hit AS (SELECT k.tag, k.account AS account_id FROM " \
    " ombud_asks k WHERE k.account IS NOT NULL UNION ALL SELECT k.tag, " \
    " m.account_id FROM ombud_asks k JOIN members m ON m.area = k.area " \
    " WHERE k.account IS NULL AND EXISTS (SELECT 1 FROM billing_events c " \
    " WHERE c.account_id = m.account_id AND c.kind = 'charge' AND " \
    " (k.service IS NULL OR c.service = k.service))) " \
    "SELECT h.tag, h.account_id, b.id, b.account_id, b.kind, b.posted_at, " \
    " b.amount, b.currency, b.service, b.period_start, b.period_end, " \
    " b.due_at, b.reference, b.description, b.area FROM hit h JOIN " \
    " ombud_asks k ON k.tag = h.tag LEFT JOIN billing_events b ON " \
    " b.account_id = h.account_id AND b.posted_at >= " lo " AND " \
    " b.posted_at < " hi " AND b.posted_at >= k.f AND b.posted_at < k.t " \
    " AND ((b.kind = 'charge' AND b.period_start <= k.at AND " \
    " b.period_end > k.at - 172800) OR (b.kind = 'credit' AND " \
    " b.posted_at >= k.at)) ORDER BY h.tag, h.account_id, b.posted_at, b.id"

/**
 * The query of ombud_store_name_clash() for sources of @p kind, one text
 * for both backends: parameters are written "<mark>1" .. "<mark>3" (mark
 * '?' for SQLite, '$' for PostgreSQL): 1 the new source, 2 the reject
 * reason's text before the key, 3 its text between the key and the first
 * copy's name (the OMBUD_DUP_*_REASON split at its "%s"), written into
 * @p pre and @p mid. Columns: the earlier source's id, the collisions.
 * @return a string to g_free(), or NULL for a kind whose rows have no
 * unique key (billing, cdr, queue_log).
 */
char *ombud_name_clash_sql(const char *kind, char mark, char *pre,
                           size_t presize, char *mid, size_t midsize);

/**
 * The tables holding a source's rows, children of sources, in the order
 * ombud_store_forget() empties them; NULL-terminated. Names are static.
 */
extern const char *const ombud_source_tables[];

/*
 * The line(s) a row is cited by, as text in both dialects: a leg built
 * from several lines of a queue_log names them all ("13,14"), any other
 * row its line. @t is the table's alias with its dot, or "".
 */
#define OMBUD_LEG_LINES(t) "coalesce(" t "lines, CAST(" t "line AS TEXT))"
#define OMBUD_ROW_LINES(t) "CAST(" t "line AS TEXT)"

/*
 * When an outage ended, in both dialects: its restored_at, or for an
 * outage restored in steps (its row has customers_restored) its last
 * step's. Step rows always have restored_at, so this is never earlier
 * than the row's own. @t is the outages table's alias with its dot.
 */
#define OMBUD_OUTAGE_END(t) "CASE WHEN " t "customers_restored IS NULL " \
    "THEN " t "restored_at ELSE coalesce((SELECT max(p.restored_at) FROM " \
    "outage_steps p WHERE p.outage_id = " t "outage_id AND p.restored_at > " \
    t "restored_at), " t "restored_at) END"

/** The steps of the outages started in [$1, $2) restored in steps
 *  (ombud_store_each_step()): outage row, table, row, restored_at,
 *  customers_restored (sql.c). */
extern const char ombud_each_step_sql[];


/** Copies each evidence row's source and line(s) from the row it names,
 *  where the evidence row has none yet; several statements (sql.c). The
 *  _legs and _billing ones do it for the rows of a period [$1, $2). */
extern const char ombud_evidence_fill_sql[];
extern const char ombud_evidence_fill_legs_sql[];
extern const char ombud_evidence_fill_billing_sql[];

/** Indexes every store has (sql.c): ombud_source_index_sql from the
 *  start; ombud_lookup_index_sql by the first check (SQLite builds each
 *  part then, in one sorted pass, when the check needs it: see
 *  ombud_lookup_indexes; PostgreSQL all of it with the schema). */
extern const char ombud_source_index_sql[];
/** The bulk tables' source indexes (sql.c). */
extern const char ombud_bulk_source_index_sql[];
/** The index of legs by account: a dossier's (see sql.c). */
extern const char ombud_account_index_sql[];
extern const char ombud_lookup_index_sql[];
/** ombud_lookup_index_sql in parts: each part's SQL, built for a check
 *  whose OMBUD_LOOKS_* include @p looks (0: for every check); ends with
 *  a NULL @p sql. */
typedef struct ombud_lookup_index {
    unsigned looks;
    const char *sql;
} ombud_lookup_index;
extern const ombud_lookup_index ombud_lookup_indexes[];

/** What begins a check of a period: the last one's findings go
 *  ($1, $2 the period; NULL-terminated). */
extern const char *const ombud_purge_check_sql[];
/* How many checks the store holds of periods other than $1..$2; with
 * none, ombud_purge_all_sql (no parameters) empties the findings tables
 * instead. */
extern const char ombud_other_checks_sql[];
extern const char *const ombud_purge_all_sql[];
extern const char *const ombud_drop_result_sql[];

/** Rows stored and rejected for source $1 (store.c checks the counts),
 *  each table's above its floor ($2..$12, struct ombud_store). */
extern const char ombud_count_rows_sql[];
/** The earlier checks a report's history may show (sql.c). */
extern const char ombud_earlier_checks_sql[];

/** The parts of the findings digest, in order (sql.c); NULL marks the
 *  breaches and the figures, read per result of ombud_digest_results_sql
 *  with ombud_digest_breach_sql (a chunk of breaches, a %d), then
 *  ombud_digest_evidence_sql (their evidence), and with
 *  ombud_digest_figures_sql. A %s is the backend's row_key. */
#define OMBUD_DIGEST_PARTS 5
/** The parts read result by result. */
#define OMBUD_DIGEST_BREACHES 2
#define OMBUD_DIGEST_FIGURES 3
extern const char *const ombud_digest_sql[OMBUD_DIGEST_PARTS];
extern const char ombud_digest_results_sql[];
extern const char ombud_digest_breach_sql[];
extern const char ombud_digest_evidence_sql[];
extern const char ombud_digest_figures_sql[];
extern const char ombud_digest_sources_sql[];

#endif
