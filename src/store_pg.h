/*
 * store_pg.h - the PostgreSQL backend of the evidence store (private).
 *
 * store.c owns the public API (include/ombud/store.h). When the --db string
 * names a PostgreSQL server, ombud_store_open() opens one of these and every
 * public function forwards to its ombud_pg_* twin here, with the same
 * arguments, contract and ownership as documented in store.h. Nothing
 * outside src/store.c includes this header.
 */
#ifndef OMBUD_STORE_PG_H
#define OMBUD_STORE_PG_H

#include "ombud/store.h"

/**
 * A breach's evidence written as "calls.csv:17, outages.csv:3" into a
 * caller's buffer, cut where the next reference might not fit and ended
 * with " and N more": both backends build it with these two functions, so
 * that their reports match byte for byte (store.c).
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
/** Say how many were left out, if any. */
void ombud_refs_end(ombud_refs *r);

/*
 * How an evidence row e finds the row it names (as c, o, x, a or d), that
 * row's source file and its account: one definition for every query of
 * both backends that follows evidence, so a new evidence table is added
 * once. (A row's line(s), EVIDENCE_LINES, differ by backend: PostgreSQL
 * needs the numbers cast to text.)
 */
#define OMBUD_EVIDENCE_JOINS "LEFT JOIN call_legs c ON e.tbl = 'call_legs' " \
    "AND c.id = e.row_id LEFT JOIN outages o ON e.tbl = 'outages' AND o.id " \
    "= e.row_id LEFT JOIN billing_events x ON e.tbl = 'billing_events' AND " \
    "x.id = e.row_id LEFT JOIN appointments a ON e.tbl = 'appointments' AND " \
    "a.id = e.row_id LEFT JOIN orders d ON e.tbl = 'orders' AND d.id = " \
    "e.row_id LEFT JOIN customers u ON e.tbl = 'customers' AND u.id = " \
    "e.row_id"
#define OMBUD_EVIDENCE_SOURCE "JOIN sources src ON src.id = " \
    "coalesce(c.source_id, o.source_id, x.source_id, a.source_id, " \
    "d.source_id, u.source_id)"
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

/** A connection to a PostgreSQL evidence store. Opaque. */
typedef struct ombud_pg ombud_pg;

/**
 * @brief Does @p db name a PostgreSQL server rather than an SQLite file?
 * Yes for a "postgresql://" or "postgres://" URI, for "pg:" followed by
 * an optional libpq connection string (bare "pg:" uses only the PG*
 * environment variables), and for a libpq key=value string such as
 * "host=/run/pg dbname=ombud" (it starts with a lower-case keyword and '=').
 */
int ombud_pg_wanted(const char *db);

/**
 * @brief Connect and create the schema if needed.
 * @return OMBUD_OK; OMBUD_E_USAGE for a malformed connection string;
 * OMBUD_E_CANTCREAT when the server cannot be reached or refuses us;
 * OMBUD_E_STORE when the database holds something else. A message naming
 * the server (never its password) has been printed on error.
 */
ombud_err ombud_pg_open(const char *db, ombud_pg **out);
void ombud_pg_close(ombud_pg *pg);

ombud_err ombud_pg_find_source(ombud_pg *pg, const char *kind,
                               const char *sha256, int64_t *id,
                               ombud_counts *counts);
ombud_err ombud_pg_has_size(ombud_pg *pg, const char *kind, int64_t bytes,
                            int *found);
ombud_err ombud_pg_begin_file(ombud_pg *pg, const ombud_source *src,
                              int64_t *id);
ombud_err ombud_pg_end_file(ombud_pg *pg, int64_t source_id,
                            ombud_counts *counts);
ombud_err ombud_pg_set_source_checksum(ombud_pg *pg, int64_t id,
                                       const char *sha256, int64_t bytes);
void ombud_pg_abort_file(ombud_pg *pg);
ombud_err ombud_pg_add_outage(ombud_pg *pg, int64_t source_id, long line,
                              const ombud_outage *o);
ombud_err ombud_pg_add_call_leg(ombud_pg *pg, int64_t source_id, long line,
                                const ombud_call_leg *c, char *dup,
                                size_t dupsize);
ombud_err ombud_pg_add_billing(ombud_pg *pg, int64_t source_id, long line,
                               const ombud_billing *b);
ombud_err ombud_pg_add_appointment(ombud_pg *pg, int64_t source_id, long line,
                                   const ombud_appointment *a);
ombud_err ombud_pg_add_order(ombud_pg *pg, int64_t source_id, long line,
                             const ombud_order *o);
ombud_err ombud_pg_add_customers(ombud_pg *pg, int64_t source_id, long line,
                                 const ombud_customers *c);
ombud_err ombud_pg_each_customers(ombud_pg *pg, ombud_customers_fn fn,
                                  void *ud);
ombud_err ombud_pg_each_appointment(ombud_pg *pg, int64_t from, int64_t to,
                                    ombud_appointment_fn fn, void *ud);
ombud_err ombud_pg_each_order(ombud_pg *pg, int64_t from, int64_t to,
                              ombud_order_fn fn, void *ud);
/* The Asterisk inputs. Legs of a queue_log are built while the staged
 * events are read back (each_staged): their duplicates are found then, as
 * with SQLite, not when the file ends. */
ombud_err ombud_pg_add_account(ombud_pg *pg, int64_t source_id, long line,
                               const char *number, const char *account_id,
                               const char *given, long key_col);
ombud_err ombud_pg_account_of(ombud_pg *pg, const char *number, char *out,
                              size_t size);
ombud_err ombud_pg_add_cdr(ombud_pg *pg, int64_t source_id, long line,
                           const ombud_cdr *c);
ombud_err ombud_pg_cdr_of(ombud_pg *pg, const char *uniqueid, char *account,
                          size_t asize, char *src, size_t ssize,
                          int64_t *found);
ombud_err ombud_pg_stage_event(ombud_pg *pg, const ombud_staged_event *e);
ombud_err ombud_pg_staged_duplicates(ombud_pg *pg, int64_t *n);
ombud_err ombud_pg_each_staged(ombud_pg *pg, ombud_staged_fn fn, void *ud);
ombud_err ombud_pg_clear_staged(ombud_pg *pg);
ombud_err ombud_pg_set_source_notes(ombud_pg *pg, int64_t id,
                                    const char *notes);
ombud_err ombud_pg_add_reject(ombud_pg *pg, int64_t source_id,
                              const ombud_reject *r);
ombud_err ombud_pg_totals_get(ombud_pg *pg, ombud_store_totals *t);

ombud_err ombud_pg_data_span(ombud_pg *pg, int64_t *from, int64_t *to);
ombud_err ombud_pg_each_leg(ombud_pg *pg, int64_t from, int64_t to,
                            ombud_leg_fn fn, void *ud);
ombud_err ombud_pg_each_outage(ombud_pg *pg, int64_t from, int64_t to,
                               ombud_outage_fn fn, void *ud);
ombud_err ombud_pg_each_promise(ombud_pg *pg, int64_t from, int64_t to,
                                ombud_promise_fn fn, void *ud);
ombud_err ombud_pg_each_billing(ombud_pg *pg, int64_t from, int64_t to,
                                ombud_billing_fn fn, void *ud);
ombud_err ombud_pg_outage_restored(ombud_pg *pg, const char *outage_id,
                                   int64_t *row_id, int64_t *restored_at);
ombud_err ombud_pg_ask_billing(ombud_pg *pg, int64_t tag,
                               const ombud_billing_ask *ask);
/* @lo, @hi: the look-ups' least from and greatest to (kept by store.c). */
ombud_err ombud_pg_each_asked_billing(ombud_pg *pg, int64_t lo, int64_t hi,
                                      ombud_asked_fn fn, void *ud);
ombud_err ombud_pg_each_leg_grouped(ombud_pg *pg, int64_t from, int64_t to,
                                    ombud_group_leg_fn fn, void *ud);

ombud_err ombud_pg_begin_check(ombud_pg *pg, const ombud_check *c,
                               int64_t *check_id);
ombud_err ombud_pg_end_check(ombud_pg *pg);
void ombud_pg_abort_check(ombud_pg *pg);
ombud_err ombud_pg_add_result(ombud_pg *pg, int64_t check_id, int seq,
                              const char *guarantee_id, const char *kind,
                              const char *promise, const char *source,
                              const char *params, int64_t *result_id);
ombud_err ombud_pg_set_result(ombud_pg *pg, int64_t result_id,
                              const ombud_result *r);
ombud_err ombud_pg_add_breach(ombud_pg *pg, int64_t result_id,
                              const ombud_breach *b, int64_t *breach_id);
ombud_err ombud_pg_add_evidence(ombud_pg *pg, int64_t breach_id,
                                const char *table, int64_t row_id);
ombud_err ombud_pg_add_figure(ombud_pg *pg, int64_t result_id,
                              const char *subject, const char *name,
                              int64_t value, const char *unit);
ombud_err ombud_pg_add_series(ombud_pg *pg, int64_t result_id,
                              const char *name, int64_t key, int64_t value);

ombud_err ombud_pg_check_get(ombud_pg *pg, int64_t check_id,
                             ombud_check_info *out);
ombud_err ombud_pg_each_result(ombud_pg *pg, int64_t check_id,
                               ombud_result_fn fn, void *ud);
ombud_err ombud_pg_each_breach_of(ombud_pg *pg, int64_t result_id,
                                  const char *account, ombud_breach_fn fn,
                                  void *ud);
ombud_err ombud_pg_each_event(ombud_pg *pg, const char *account,
                              int64_t from, int64_t to, ombud_event_fn fn,
                              void *ud);
ombud_err ombud_pg_each_account(ombud_pg *pg, ombud_account_fn fn, void *ud);
ombud_err ombud_pg_findings_digest(ombud_pg *pg, int64_t check_id,
                                   char hex[65]);
ombud_err ombud_pg_each_series(ombud_pg *pg, int64_t result_id,
                               const char *name, ombud_series_fn fn, void *ud);
ombud_err ombud_pg_each_figure(ombud_pg *pg, int64_t result_id,
                               ombud_figure_fn fn, void *ud);
ombud_err ombud_pg_each_source(ombud_pg *pg, ombud_source_fn fn, void *ud);
ombud_err ombud_pg_each_reject(ombud_pg *pg, ombud_reject_fn fn, void *ud);
ombud_err ombud_pg_query_counts(ombud_pg *pg, const char *what,
                                const char *sql, const char *const *params,
                                int n, int64_t *out, int nout, int *rows);
ombud_err ombud_pg_each_text(ombud_pg *pg, const char *what, const char *sql,
                             const char *param, int max,
                             int (*fn)(void *ud, const char *v), void *ud);

/* ---- correcting a store (ombud forget, the re-import warning) ------------ */

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

int64_t ombud_pg_last_file(const ombud_pg *pg);
ombud_err ombud_pg_name_clash(ombud_pg *pg, int64_t source_id,
                              int64_t *other, int64_t *dups);
ombud_err ombud_pg_forget(ombud_pg *pg, const int64_t *ids, size_t n,
                          ombud_forgotten *out, ombud_check_fn fn, void *ud);

#endif
