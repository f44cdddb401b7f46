/*
 * pg.c - the PostgreSQL backend of the evidence store, through libpq.
 *
 * The same tables and the same answers as the SQLite backend (sqlite.c);
 * each pg_<operation> here has the contract of its ombud_store_* twin in
 * store.h and is reached through the façade (store.c, backend.h).
 *
 * Key decisions:
 * - Types: every integer is bigint (SQLite integers are 64-bit); every text
 *   column is COLLATE "C", so ORDER BY, DISTINCT and GROUP BY compare bytes
 *   as SQLite does whatever the server's locale. Where SQLite sorts NULLs
 *   first, the queries say NULLS FIRST or never sort on a nullable column.
 * - Partitioning: call_legs by arrived_at and billing_events by posted_at,
 *   one range partition per UTC month (call_legs_p202610, ...), created and
 *   attached by the import that first needs it (ATTACH takes no lock that
 *   blocks readers), after it is filled (move_rows). Ids come from the
 *   parent's bigserial, a block per file, each row's the block's start
 *   plus its line: unique across partitions, increasing with the lines.
 * - Ingest: rows and rejects stream with COPY ... FROM STDIN (text format)
 *   into a temporary staging table; end_file, holding an advisory lock that
 *   serialises only this last step between concurrent imports, finds
 *   duplicate keys in SQL (against stored rows and earlier lines of the
 *   same file), turns them into rejects worded exactly as the SQLite path
 *   words them, creates the month partitions, and moves the rows into the
 *   tables in line order. One transaction per file, as with SQLite.
 * - Two imports of one file at once: the source row is guarded by
 *   UNIQUE (kind, sha256) and by an advisory lock on (kind, sha256) taken
 *   before the "already imported?" look-up, so the second waits for the
 *   first and then finds it.
 * - Findings: a check is one REPEATABLE READ transaction under a session
 *   advisory lock on its period; reads outside an import or a check run in
 *   one REPEATABLE READ READ ONLY snapshot, so a report never sees half of
 *   another run's findings.
 * - Reading: every iterator walks a server-side cursor 2,000 rows at a time,
 *   so memory stays bounded and callbacks may call the store (nested
 *   cursors) between fetches.
 * - Messages name the server as user@host:port/database, never a password.
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libpq-fe.h>
#include <glib.h>

#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/store.h"
#include "ombud/text.h"
#include "ombud/version.h"
#include "backend.h"

/* Rows fetched per round trip by the iterators. */
#define FETCH_ROWS 2000
/* COPY data is sent to the server in pieces of about this size. */
#define COPY_CHUNK (256 * 1024)
/*
 * `ombud forget` holds this advisory lock exclusively for its transaction;
 * each check holds it shared for its whole run, taken before its snapshot.
 * So a forget waits for running checks, and a check started meanwhile
 * waits for the forget to commit: no check stores findings read from rows
 * a forget has removed after it removed the checks.
 */
#define FORGET_LOCK "hashtextextended('ombud:forget', 0)"
/* Findings rows wait in memory until about this much has gathered. */
#define FINDINGS_CHUNK (1024 * 1024)
/* Breach ids are taken from their sequence this many at a time. */
#define ID_BLOCK 1000

/*
 * Findings tables written by COPY, in the order their rows must reach the
 * server (evidence refers to breaches).
 */
enum { FB_BREACHES, FB_EVIDENCE, FB_FIGURES, FB_SERIES, FB_N };

/*
 * What each_staged learnt of one (callid, queue) group of a queue_log, so
 * that the leg built from it needs no round trip of its own: the CDRs of
 * the callid (cdr_of) and whether legs of the group are stored already.
 */
typedef struct staged_group {
    char *callid, *queue;  /* the group (owned); NULL: none */
    int64_t cdrs;          /* CDRs whose uniqueid is callid */
    char *acct, *src;      /* their first non-blank accountcode and src
                              (owned), or NULL */
    int stored;            /* a leg of this callid and queue is stored */
} staged_group;

typedef struct ombud_pg {
    ombud_store base;    /* the façade's part (first: we downcast) */
    PGconn *conn;        /* the connection (owned) */
    char *where;         /* "user@host:port/dbname", for messages (owned) */
    int in_file;         /* an import transaction is open */
    int in_check;        /* a findings transaction is open */
    int in_read;         /* a read-only snapshot transaction is open */
    int in_forget;       /* ombud_store_forget()'s transaction is open */
    int copying;         /* COPY into the staging table is in progress */
    unsigned cursors;    /* cursor names issued, for unique names */
    int64_t check_lock;  /* session advisory lock held by a check; 0 none */
    int64_t check_from, check_to; /* the period of the check being written */
    int forget_shared;   /* a check holds FORGET_LOCK shared (session) */
    GString *copy;       /* COPY data not yet sent (owned) */
    char kind[16];       /* kind of the file being imported */
    const char *rows;    /* what its rows are stored as: the kinds[] entry
                            (static) of the last add_*, NULL before; so a
                            new input format of an existing record type
                            needs nothing here */
    char *file_path;     /* its path as given, for reject messages (owned) */
    char *file_name;     /* its base name, for duplicate references (owned) */
    const char *copy_table; /* the table pg->copy is for (static string) */
    int batching;        /* COPY data goes in whole COPY statements of about
                            COPY_CHUNK, so a cursor can be read meanwhile */
    staged_group grp[2]; /* the current and the previous group read by
                            each_staged */
    GHashTable *group_legs; /* arrived_at (int64, owned) -> line of the legs
                               built so far of the current group (owned) */
    char *legs_callid, *legs_queue; /* the group of group_legs (owned) */
    int legs_overflow;   /* the group outgrew GROUP_LEGS_MAX: ask the stage */
    GHashTable *accounts; /* caller number -> account, the whole map when it
                             is small (owned); NULL: ask per number */
    int accounts_tried;  /* the map was looked at in this file */
    int64_t legs_built; /* legs of this queue_log built so far */
    GArray *months;      /* the months (UTC, year * 12 + month - 1, int64)
                            of the partitioned rows staged, ascending,
                            each once: their partitions (owned; NULL
                            before the first) */
    int64_t last_month;  /* the month of the row staged before, if any */
    int64_t first_line, last_line; /* the lines of those rows */
    /* A check's breaches, evidence, figures and series, as COPY text not
     * yet sent: one statement per row would cost a round trip each
     * (100k figures took 10 s that way at 50k legs). */
    GString *fb[FB_N];   /* per table (owned) */
    int64_t ids[ID_BLOCK]; /* breach ids reserved from the sequence */
    int n_ids, used_ids; /* how many reserved, how many handed out */
    GString *asks;       /* queued billing look-ups as COPY rows (owned) */
    ombud_leg_memo legs; /* the legs the check read last (backend.h) */
    ombud_leg_memo bills; /* the same for the billing histories read */
    GHashTable *outages; /* ticket id -> outage_end (row 0: none), each
                            ticket of the check's period, read once per
                            check (owned); NULL: ask per outage */
    int outages_tried;   /* load_outages ran in this check */
} ombud_pg;

/* Used before their definitions. */
static void pg_close(ombud_store *base);
static void pg_abort_file(ombud_store *base);
static void pg_abort_check(ombud_store *base);

/* Legs of one (callid, queue) group remembered for duplicate keys; a
 * longer group asks the staging table (a round trip per leg). */
#define GROUP_LEGS_MAX 65536
/* The accounts map is read whole into memory up to this many numbers. */
#define ACCOUNTS_CACHE_MAX 250000
/* So are the outages of a check's tickets, up to this many tickets. */
#define OUTAGES_CACHE_MAX 250000

/* ---- schema ----------------------------------------------------------------- */

/*
 * The SQLite schema, in PostgreSQL words. call_legs and billing_events are
 * partitioned by month; their primary keys must include the partition key.
 * Their source_id has no REFERENCES: attaching a new month would then add
 * a trigger to sources, a lock that deadlocks with a concurrent import
 * holding a new sources row. The rows' source_id always comes from
 * begin_file in the same transaction, and end_file counts them per source.
 */
static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta ("
    "  key text COLLATE \"C\" PRIMARY KEY,"
    "  value text COLLATE \"C\" NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sources ("
    "  id bigserial PRIMARY KEY,"
    "  kind text COLLATE \"C\" NOT NULL,"
    "  name text COLLATE \"C\" NOT NULL,"
    "  path text COLLATE \"C\" NOT NULL,"
    "  sha256 text COLLATE \"C\" NOT NULL,"
    "  bytes bigint NOT NULL,"
    "  tz text COLLATE \"C\" NOT NULL,"
    "  imported_at bigint NOT NULL,"
    "  rows_read bigint NOT NULL DEFAULT 0,"
    "  rows_stored bigint NOT NULL DEFAULT 0,"
    "  rows_rejected bigint NOT NULL DEFAULT 0,"
    "  rows_counted bigint NOT NULL DEFAULT 0,"
    "  settings text COLLATE \"C\","
    "  notes text COLLATE \"C\","
    "  UNIQUE (kind, sha256));"
    "CREATE TABLE IF NOT EXISTS outages ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  outage_id text COLLATE \"C\" NOT NULL UNIQUE,"
    "  account_id text COLLATE \"C\","
    "  area text COLLATE \"C\","
    "  service text COLLATE \"C\","
    "  started_at bigint NOT NULL,"
    "  restored_at bigint,"
    "  planned bigint NOT NULL,"
    "  scheduled_at bigint,"
    "  notified_at bigint,"
    "  customers_affected bigint NOT NULL,"
    "  cause text COLLATE \"C\","
    "  reported_at bigint,"
    "  exclusion text COLLATE \"C\","
    "  location_class text COLLATE \"C\","
    "  customers_restored bigint);"
    "CREATE TABLE IF NOT EXISTS call_legs ("
    "  id bigserial NOT NULL,"
    "  source_id bigint NOT NULL,"
    "  line bigint NOT NULL,"
    "  call_id text COLLATE \"C\" NOT NULL,"
    "  account_id text COLLATE \"C\","
    "  queue text COLLATE \"C\" NOT NULL,"
    "  arrived_at bigint NOT NULL,"
    "  answered_at bigint,"
    "  ended_at bigint NOT NULL,"
    "  outcome text COLLATE \"C\" NOT NULL,"
    "  agent_id text COLLATE \"C\","
    "  transferred_to text COLLATE \"C\","
    "  ticket_id text COLLATE \"C\","
    "  promised_restore_at bigint,"
    "  PRIMARY KEY (id, arrived_at),"
    "  UNIQUE (call_id, queue, arrived_at)"
    ") PARTITION BY RANGE (arrived_at);"
    "CREATE TABLE IF NOT EXISTS billing_events ("
    "  id bigserial NOT NULL,"
    "  source_id bigint NOT NULL,"
    "  line bigint NOT NULL,"
    "  account_id text COLLATE \"C\" NOT NULL,"
    "  kind text COLLATE \"C\" NOT NULL,"
    "  posted_at bigint NOT NULL,"
    "  amount bigint,"
    "  currency text COLLATE \"C\" NOT NULL,"
    "  service text COLLATE \"C\","
    "  period_start bigint,"
    "  period_end bigint,"
    "  due_at bigint,"
    "  reference text COLLATE \"C\","
    "  description text COLLATE \"C\","
    "  area text COLLATE \"C\","
    "  PRIMARY KEY (id, posted_at)"
    ") PARTITION BY RANGE (posted_at);"
    "CREATE TABLE IF NOT EXISTS rejects ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  col bigint NOT NULL,"
    "  field text COLLATE \"C\","
    "  value text COLLATE \"C\","
    "  reason text COLLATE \"C\" NOT NULL);"
    "CREATE TABLE IF NOT EXISTS checks ("
    "  id bigserial PRIMARY KEY,"
    "  period_start bigint NOT NULL,"
    "  period_end bigint NOT NULL,"
    "  tz text COLLATE \"C\" NOT NULL,"
    "  guarantees text COLLATE \"C\" NOT NULL,"
    "  guarantees_sha256 text COLLATE \"C\" NOT NULL,"
    "  carrier text COLLATE \"C\" NOT NULL,"
    "  commission text COLLATE \"C\" NOT NULL,"
    "  docket text COLLATE \"C\","
    "  prepared_by text COLLATE \"C\","
    "  currency text COLLATE \"C\" NOT NULL,"
    "  tool_version text COLLATE \"C\" NOT NULL,"
    "  lang text COLLATE \"C\" NOT NULL DEFAULT 'en',"
    "  UNIQUE (period_start, period_end));"
    "CREATE TABLE IF NOT EXISTS results ("
    "  id bigserial PRIMARY KEY,"
    "  check_id bigint NOT NULL REFERENCES checks(id),"
    "  seq bigint NOT NULL,"
    "  guarantee_id text COLLATE \"C\" NOT NULL,"
    "  kind text COLLATE \"C\" NOT NULL,"
    "  promise text COLLATE \"C\" NOT NULL,"
    "  source text COLLATE \"C\" NOT NULL,"
    "  params text COLLATE \"C\" NOT NULL,"
    "  measured bigint,"
    "  target bigint,"
    "  unit text COLLATE \"C\","
    "  status text COLLATE \"C\","
    "  subjects bigint,"
    "  breaches bigint,"
    "  amount bigint,"
    "  measured_text text COLLATE \"C\","
    "  target_text text COLLATE \"C\","
    "  method text COLLATE \"C\");"
    "CREATE TABLE IF NOT EXISTS breaches ("
    "  id bigserial PRIMARY KEY,"
    "  result_id bigint NOT NULL,"
    "  subject_kind text COLLATE \"C\" NOT NULL,"
    "  subject text COLLATE \"C\" NOT NULL,"
    "  at bigint,"
    "  measured bigint,"
    "  limit_value bigint,"
    "  shortfall bigint,"
    "  unit text COLLATE \"C\","
    "  amount bigint NOT NULL,"
    "  detail text COLLATE \"C\" NOT NULL);"
    /* SQLite orders evidence and figures by rowid: here an explicit id.
     * Breaches, evidence, figures and series name their parent without
     * REFERENCES: they arrive by the hundred thousand within the check's
     * transaction that made the parent, and the per-row trigger of a
     * foreign key doubled the time to store them. */
    "CREATE TABLE IF NOT EXISTS evidence ("
    "  id bigserial PRIMARY KEY,"
    "  breach_id bigint NOT NULL,"
    "  tbl text COLLATE \"C\" NOT NULL,"
    "  row_id bigint NOT NULL);"
    /* A run of figures per row (see revision4_sql). */
    "CREATE TABLE IF NOT EXISTS figure_runs ("
    "  id bigserial PRIMARY KEY,"
    "  result_id bigint NOT NULL,"
    "  subject text COLLATE \"C\" NOT NULL,"
    "  name text COLLATE \"C\" NOT NULL,"
    "  value bigint NOT NULL,"
    "  unit text COLLATE \"C\" NOT NULL,"
    "  more text COLLATE \"C\");"
    "CREATE TABLE IF NOT EXISTS series ("
    "  result_id bigint NOT NULL,"
    "  name text COLLATE \"C\" NOT NULL,"
    "  k bigint NOT NULL,"
    "  v bigint NOT NULL);"
    "CREATE INDEX IF NOT EXISTS outages_account ON outages(account_id);";

/*
 * Revision 2 of the PostgreSQL schema (meta 'pg_revision'): what schema 2
 * and 3 brought to SQLite, appointments and orders, the Asterisk inputs
 * and the lines a queue_log leg was built from. Run on a new store after
 * schema_sql and, once, on a store made by an ombud without them: every
 * statement is idempotent, and adding a column with a constant default
 * rewrites nothing (PostgreSQL 11 and later), partitions included.
 */
static const char revision2_sql[] =
    "ALTER TABLE call_legs ADD COLUMN IF NOT EXISTS lines text COLLATE \"C\";"
    "ALTER TABLE call_legs ADD COLUMN IF NOT EXISTS nlines bigint NOT NULL "
    "  DEFAULT 1;"
    "CREATE TABLE IF NOT EXISTS appointments ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  appointment_id text COLLATE \"C\" NOT NULL UNIQUE,"
    "  account_id text COLLATE \"C\","
    "  reference text COLLATE \"C\","
    "  kind text COLLATE \"C\","
    "  booked_at bigint,"
    "  window_start bigint NOT NULL,"
    "  window_end bigint NOT NULL,"
    "  arrived_at bigint,"
    "  cancelled_at bigint,"
    "  cancelled_by text COLLATE \"C\","
    "  customer_absent bigint NOT NULL);"
    "CREATE TABLE IF NOT EXISTS orders ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  order_id text COLLATE \"C\" NOT NULL UNIQUE,"
    "  account_id text COLLATE \"C\","
    "  service text COLLATE \"C\","
    "  area text COLLATE \"C\","
    "  location_class text COLLATE \"C\","
    "  ordered_at bigint NOT NULL,"
    "  promised_at bigint NOT NULL,"
    "  promised_all_day bigint NOT NULL,"
    "  completed_at bigint,"
    "  customer_requested_later bigint NOT NULL,"
    "  exclusion text COLLATE \"C\");"
    "CREATE TABLE IF NOT EXISTS accounts ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  caller_number text COLLATE \"C\" NOT NULL UNIQUE,"
    "  account_id text COLLATE \"C\" NOT NULL);"
    "CREATE TABLE IF NOT EXISTS cdr_records ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  uniqueid text COLLATE \"C\","
    "  linkedid text COLLATE \"C\","
    "  accountcode text COLLATE \"C\","
    "  src text COLLATE \"C\","
    "  dst text COLLATE \"C\","
    "  dcontext text COLLATE \"C\","
    "  channel text COLLATE \"C\","
    "  dstchannel text COLLATE \"C\","
    "  lastapp text COLLATE \"C\","
    "  lastdata text COLLATE \"C\","
    "  start_at bigint,"
    "  answer_at bigint,"
    "  end_at bigint,"
    "  duration bigint,"
    "  billsec bigint,"
    "  disposition text COLLATE \"C\","
    "  userfield text COLLATE \"C\");"
    "CREATE INDEX IF NOT EXISTS appointments_source ON appointments(source_id);"
    "CREATE INDEX IF NOT EXISTS orders_source ON orders(source_id);"
    "CREATE INDEX IF NOT EXISTS accounts_source ON accounts(source_id);"
    "CREATE INDEX IF NOT EXISTS cdr_source ON cdr_records(source_id);"
    "CREATE INDEX IF NOT EXISTS cdr_uniqueid ON cdr_records(uniqueid);"
    "CREATE INDEX IF NOT EXISTS appointments_window ON "
    "  appointments(window_start);"
    "CREATE INDEX IF NOT EXISTS appointments_account ON "
    "  appointments(account_id);"
    "CREATE INDEX IF NOT EXISTS orders_ordered ON orders(ordered_at);"
    "CREATE INDEX IF NOT EXISTS orders_account ON orders(account_id);"
    "INSERT INTO meta VALUES ('pg_revision', '2') ON CONFLICT (key) DO "
    "  UPDATE SET value = EXCLUDED.value;";

/* Revision 3: what a check was filed under (the data-quality limit and
 * --allow-incomplete), with the defaults that held before; customers
 * served per area (customers.csv, the reliability kind). */
static const char revision3_sql[] =
    "CREATE TABLE IF NOT EXISTS customers ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  area text COLLATE \"C\" NOT NULL,"
    "  customers_served bigint NOT NULL,"
    "  as_of bigint);"
    "CREATE INDEX IF NOT EXISTS customers_source ON customers(source_id);"
    "ALTER TABLE checks ADD COLUMN IF NOT EXISTS max_rejected_bp bigint NOT "
    "  NULL DEFAULT 50;"
    "ALTER TABLE checks ADD COLUMN IF NOT EXISTS allow_incomplete bigint NOT "
    "  NULL DEFAULT 0;"
    "INSERT INTO meta VALUES ('pg_revision', '3') ON CONFLICT (key) DO "
    "  UPDATE SET value = EXCLUDED.value;";

/* Revision 4, schema 4: each evidence row carries its row's source and
 * line(s), filled at the end of each check (ombud_evidence_fill_sql) from
 * the rows unfilled yet, which a partial index finds; the evidence of an
 * older store is filled here, once. Figures are stored a run per row, as
 * on SQLite (the first figure, then more: "name\tvalue\tunit\n" each): an
 * older store's table figures becomes figure_runs, each row a run of one,
 * and the view figures spreads the runs out, a figure per row, ordered
 * by run and k, for whoever reads the store with SQL. */
static const char revision4_sql[] =
    "DO $$ BEGIN IF to_regclass('figure_runs') IS NULL THEN ALTER TABLE "
    "  figures RENAME TO figure_runs; END IF; END $$;"
    "ALTER TABLE figure_runs ADD COLUMN IF NOT EXISTS more text COLLATE \"C\";"
    "CREATE OR REPLACE VIEW figures AS SELECT result_id, subject, name, "
    "  value, unit, id AS run, 0::bigint AS k FROM figure_runs UNION ALL "
    "  SELECT f.result_id, f.subject, split_part(m.l, E'\\t', 1), "
    "  split_part(m.l, E'\\t', 2)::bigint, split_part(m.l, E'\\t', 3), f.id, "
    "  m.k FROM figure_runs f CROSS JOIN LATERAL unnest(string_to_array("
    "  rtrim(f.more, E'\\n'), E'\\n')) WITH ORDINALITY AS m(l, k) WHERE "
    "  f.more IS NOT NULL;"
    "ALTER TABLE evidence ADD COLUMN IF NOT EXISTS source_id bigint;"
    "ALTER TABLE evidence ADD COLUMN IF NOT EXISTS lines text COLLATE \"C\";"
    "CREATE INDEX IF NOT EXISTS evidence_unfilled ON evidence(id) WHERE "
    "  source_id IS NULL;"
    "INSERT INTO meta VALUES ('pg_revision', '4') ON CONFLICT (key) DO "
    "  UPDATE SET value = EXCLUDED.value;"
    "UPDATE meta SET value = '4' WHERE key = 'schema_version';";

/* Revision 5, schema 5: step restoration (an outage's row may carry the
 * customers its restored_at gave power back to; its later steps are rows
 * of outage_steps, one per time) and snapshots of customers out per area
 * (snapshots.csv, e.g. EAGLE-I's county counts, the reliability rule's
 * cross-check; stored through COPY like the other inputs, kinds[]). */
static const char revision5_sql[] =
    "ALTER TABLE outages ADD COLUMN IF NOT EXISTS customers_restored bigint;"
    "CREATE TABLE IF NOT EXISTS outage_steps ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  outage_id text COLLATE \"C\" NOT NULL,"
    "  restored_at bigint NOT NULL,"
    "  customers_restored bigint NOT NULL,"
    "  UNIQUE (outage_id, restored_at));"
    "CREATE INDEX IF NOT EXISTS outage_steps_source ON "
    "  outage_steps(source_id);"
    "CREATE TABLE IF NOT EXISTS snapshots ("
    "  id bigserial PRIMARY KEY,"
    "  source_id bigint NOT NULL REFERENCES sources(id),"
    "  line bigint NOT NULL,"
    "  area text COLLATE \"C\" NOT NULL,"
    "  at bigint NOT NULL,"
    "  customers_out bigint NOT NULL);"
    "CREATE INDEX IF NOT EXISTS snapshots_source ON snapshots(source_id);"
    "INSERT INTO meta VALUES ('pg_revision', '5') ON CONFLICT (key) DO "
    "  UPDATE SET value = EXCLUDED.value;"
    "UPDATE meta SET value = '5' WHERE key = 'schema_version';";

/* Revision 6: each file's span on its source row (store.c, record_span),
 * so that a report need not count every file's rows against its period.
 * A store upgraded has no spans for the files it holds: those are
 * counted, as before. */
static const char revision6_sql[] =
    "ALTER TABLE sources ADD COLUMN IF NOT EXISTS span_first bigint;"
    "ALTER TABLE sources ADD COLUMN IF NOT EXISTS span_last bigint;"
    "ALTER TABLE sources ADD COLUMN IF NOT EXISTS span_timed bigint;"
    "INSERT INTO meta VALUES ('pg_revision', '6') ON CONFLICT (key) DO "
    "  UPDATE SET value = EXCLUDED.value;";

/* The revision of the PostgreSQL schema this build writes (see above). */
#define PG_REVISION 6

/* ---- parameters ------------------------------------------------------------- */

/* Bound parameters, all sent as text; NULL is SQL NULL. */
typedef struct prm {
    const char *v[16];
    char buf[16][24];
    int n;
} prm;

static void p_int(prm *p, int64_t x)
{
    assert(p->n < 16);
    snprintf(p->buf[p->n], sizeof p->buf[p->n], "%lld", (long long)x);
    p->v[p->n] = p->buf[p->n];
    p->n++;
}

static void p_text(prm *p, const char *s)
{
    assert(p->n < 16);
    p->v[p->n++] = s;
}

/* ---- errors and statements ---------------------------------------------------- */

/* The first line of a libpq message, without "ERROR:  " noise. */
static void first_line(const char *msg, char *out, size_t size)
{
    size_t n;

    if (!msg || !*msg)
        msg = "unknown error";
    if (!strncmp(msg, "ERROR:  ", 8))
        msg += 8;
    n = strcspn(msg, "\n");
    snprintf(out, size, "%.*s", (int)n, msg);
}

/* Report a failed statement; a lost connection is said in plain words. */
static ombud_err pg_fail(ombud_pg *pg, const char *what, const PGresult *res)
{
    char msg[512];

    first_line(res ? PQresultErrorMessage(res) : PQerrorMessage(pg->conn), msg,
               sizeof msg);
    if (!*msg || !strcmp(msg, "unknown error"))
        first_line(PQerrorMessage(pg->conn), msg, sizeof msg);
    if (PQstatus(pg->conn) == CONNECTION_BAD)
        return ombud_error(OMBUD_E_STORE, NULL, "PostgreSQL %s: lost the "
                           "connection to the server while %s: %s; nothing "
                           "of this step was stored", pg->where, what, msg);
    return ombud_error(OMBUD_E_STORE, NULL, "PostgreSQL %s: %s: %s",
                       pg->where, what, msg);
}

/* Run @sql with @p (may be NULL); on success the result goes to @out (may
 * be NULL: then it is freed). */
static ombud_err run(ombud_pg *pg, const char *what, const char *sql,
                     const prm *p, PGresult **out)
{
    PGresult *res;
    ExecStatusType s;
    ombud_err err;

    if (out)
        *out = NULL;
    res = PQexecParams(pg->conn, sql, p ? p->n : 0, NULL, p ? p->v : NULL,
                       NULL, NULL, 0);
    s = PQresultStatus(res);
    if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) {
        if (out)
            *out = res;
        else
            PQclear(res);
        return OMBUD_OK;
    }
    err = pg_fail(pg, what, res);
    PQclear(res);
    return err;
}

/* Several statements in one string (simple protocol, no parameters). */
static ombud_err run_script(ombud_pg *pg, const char *what, const char *sql)
{
    PGresult *res = PQexec(pg->conn, sql);
    ExecStatusType s = PQresultStatus(res);
    ombud_err err = OMBUD_OK;

    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
        err = pg_fail(pg, what, res);
    PQclear(res);
    return err;
}

/* Best effort: used on paths that are already failing. */
static void quiet_exec(ombud_pg *pg, const char *sql)
{
    if (PQstatus(pg->conn) == CONNECTION_OK)
        PQclear(PQexec(pg->conn, sql));
}

static const char *col_text(const PGresult *r, int row, int i)
{
    return PQgetisnull(r, row, i) ? NULL : PQgetvalue(r, row, i);
}

static int64_t col_int(const PGresult *r, int row, int i)
{
    return PQgetisnull(r, row, i) ? 0 : strtoll(PQgetvalue(r, row, i), NULL, 10);
}

static int64_t col_time(const PGresult *r, int row, int i)
{
    return PQgetisnull(r, row, i) ? OMBUD_TIME_NONE
                                  : strtoll(PQgetvalue(r, row, i), NULL, 10);
}

/* Cut, if it must be, at a character boundary. */
static void copy_col(const PGresult *r, int row, int i, char *dst, size_t size)
{
    ombud_utf8_copy(dst, size, col_text(r, row, i));
}

/* ---- transactions --------------------------------------------------------------- */

static ombud_err end_read(ombud_pg *pg)
{
    if (!pg->in_read)
        return OMBUD_OK;
    pg->in_read = 0;
    return run(pg, "ending a read", "COMMIT", NULL, NULL);
}

/*
 * Reads outside an import or a check share one snapshot, so a report made
 * while another run commits its findings sees either all or none of them.
 */
static ombud_err need_tx(ombud_pg *pg)
{
    ombud_err err;

    if (pg->in_file || pg->in_check || pg->in_read || pg->in_forget)
        return OMBUD_OK;
    if ((err = run(pg, "starting a read", "BEGIN ISOLATION LEVEL REPEATABLE "
                   "READ READ ONLY", NULL, NULL)))
        return err;
    pg->in_read = 1;
    return OMBUD_OK;
}

static void forget_file_caches(ombud_pg *pg);
static void forget_outages(ombud_pg *pg);

/* ---- connecting --------------------------------------------------------------- */


/* "user@host:port/dbname" of a connection attempt: never the password. */
static char *describe(PGconn *c)
{
    const char *host = c ? PQhost(c) : NULL, *port = c ? PQport(c) : NULL,
               *db = c ? PQdb(c) : NULL, *user = c ? PQuser(c) : NULL;

    return g_strdup_printf("%s@%s:%s/%s", user && *user ? user : "?",
                           host && *host ? host : "localhost",
                           port && *port ? port : "5432", db && *db ? db : "?");
}

static void no_notices(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

static ombud_err connect_server(const char *db, ombud_pg *pg)
{
    const char *conninfo = strncmp(db, "pg:", 3) ? db : db + 3;
    const char *keys[4] = {"application_name", NULL, NULL, NULL};
    const char *vals[4] = {"ombud", NULL, NULL, NULL};
    char *errmsg = NULL, msg[512];
    PQconninfoOption *opts = NULL;
    int k = 1;

    /* Check the syntax first: a typo is a usage error, not a server one. */
    if (*conninfo && !(opts = PQconninfoParse(conninfo, &errmsg))) {
        first_line(errmsg ? errmsg : "out of memory", msg, sizeof msg);
        PQfreemem(errmsg);
        return ombud_error(OMBUD_E_USAGE, NULL, "--db: not a valid PostgreSQL "
                           "connection string: %s", msg);
    } else if (*conninfo) {
        PQconninfoFree(opts);
    }
    /* Without a limit libpq waits for an unreachable host as long as TCP
     * does; PGCONNECT_TIMEOUT or connect_timeout in the string win. */
    if (!getenv("PGCONNECT_TIMEOUT")) {
        keys[k] = "connect_timeout";
        vals[k++] = "10";
    }
    keys[k] = "dbname";
    vals[k] = conninfo;
    pg->conn = PQconnectdbParams(keys, vals, 1);
    pg->where = describe(pg->conn);
    if (!pg->conn)
        return OMBUD_E_NOMEM;
    if (PQstatus(pg->conn) != CONNECTION_OK) {
        const char *m = PQerrorMessage(pg->conn), *f = strstr(m, "FATAL:  ");
        /* "connection to server ... failed: FATAL:  database "x" does not
         * exist": keep what the server said. */
        first_line(f ? f + 8 : m, msg, sizeof msg);
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot open store: "
                           "PostgreSQL %s: %s", pg->where, msg);
    }
    PQsetNoticeProcessor(pg->conn, no_notices, NULL);
    if (PQsetClientEncoding(pg->conn, "UTF8"))
        return pg_fail(pg, "setting the client encoding", NULL);
    return OMBUD_OK;
}

/* The schema version recorded in meta; 0 when there is no meta yet. */
static ombud_err schema_version(ombud_pg *pg, int *version)
{
    PGresult *res;
    ombud_err err;

    *version = 0;
    if ((err = run(pg, "reading the schema", "SELECT to_regclass('meta') IS "
                   "NOT NULL", NULL, &res)))
        return err;
    if (strcmp(PQgetvalue(res, 0, 0), "t")) {
        PQclear(res);
        return OMBUD_OK;
    }
    PQclear(res);
    if ((err = run(pg, "reading the schema version", "SELECT value FROM meta "
                   "WHERE key = 'schema_version'", NULL, &res)))
        return err;
    if (PQntuples(res) == 1)
        *version = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    return OMBUD_OK;
}

/*
 * Bring a store to PG_REVISION: a new one, or one made before appointments,
 * orders and the Asterisk inputs were stored on PostgreSQL (its meta has no
 * 'pg_revision'). A newer revision is refused as a newer schema is.
 */
static ombud_err upgrade_revision(ombud_pg *pg)
{
    PGresult *res;
    ombud_err err;
    int revision = 0;

    if ((err = run(pg, "reading the schema revision", "SELECT value FROM "
                   "meta WHERE key = 'pg_revision'", NULL, &res)))
        return err;
    if (PQntuples(res) == 1)
        revision = atoi(PQgetvalue(res, 0, 0));
    PQclear(res);
    if (revision > PG_REVISION)
        return ombud_error(OMBUD_E_STORE, NULL, "PostgreSQL %s: store schema "
                           "revision %d is newer than this ombud supports "
                           "(%d); upgrade ombud", pg->where, revision,
                           PG_REVISION);
    if (revision == PG_REVISION)
        return OMBUD_OK;
    if (revision < 2 && (err = run_script(pg, "upgrading the schema "
                                          "(appointments, orders, Asterisk "
                                          "inputs)", revision2_sql)))
        return err;
    if (revision < 3 && (err = run_script(pg, "upgrading the schema "
                                          "(data-quality settings, "
                                          "customers)", revision3_sql)))
        return err;
    if (revision < 4 && (err = run_script(pg, "upgrading the schema "
                                          "(evidence lines)", revision4_sql)))
        return err;
    if (revision < 5 &&
        (err = run_script(pg, "upgrading the schema (restoration steps)",
                          revision5_sql)))
        return err;
    if ((err = run_script(pg, "upgrading the schema (file spans)",
                          revision6_sql)))
        return err;
    /* After revision 5: the evidence may name any table, outage_steps too. */
    return revision < 4 ? run_script(pg, "upgrading the schema (evidence "
                                     "lines)", ombud_evidence_fill_sql)
                        : OMBUD_OK;
}

/* Create the schema once, under a lock so that two first runs do not race. */
static ombud_err create_schema(ombud_pg *pg)
{
    PGresult *res = NULL;
    ombud_err err;
    int version = 0, foreign = 0;

    if ((err = run(pg, "creating the schema", "BEGIN", NULL, NULL)))
        return err;
    if ((err = run(pg, "creating the schema", "SELECT pg_advisory_xact_lock("
                   "hashtextextended('ombud:schema', 0))", NULL, NULL)) ||
        (err = run(pg, "reading the schema", "SELECT to_regclass('meta') IS "
                   "NULL AND to_regclass('sources') IS NOT NULL", NULL, &res)))
        goto fail;
    foreign = PQntuples(res) == 1 && !strcmp(PQgetvalue(res, 0, 0), "t");
    PQclear(res);
    if (foreign) {
        err = ombud_error(OMBUD_E_STORE, NULL, "PostgreSQL %s: not an ombud "
                          "evidence store (it has a table sources but no "
                          "meta)", pg->where);
        goto fail;
    }
    /* A store already made is left alone: even CREATE INDEX IF NOT EXISTS
     * locks its table, which deadlocks with a check writing findings. */
    if ((err = schema_version(pg, &version)) ||
        /* The rules' look-ups too: rows arrive in bulk, so they are kept
         * from the start (SQLite builds them at the first check). */
        (!version && ((err = run_script(pg, "creating the schema", schema_sql)) ||
                      (err = run_script(pg, "creating the schema",
                                        ombud_source_index_sql)) ||
                      (err = run_script(pg, "creating the schema",
                                        ombud_bulk_source_index_sql)) ||
                      (err = run_script(pg, "creating the schema",
                                        ombud_lookup_index_sql)) ||
                      (err = run_script(pg, "creating the schema",
                                        ombud_account_index_sql)) ||
                      (err = schema_version(pg, &version)))))
        goto fail;
    if (version > OMBUD_SCHEMA_VERSION) {
        err = ombud_error(OMBUD_E_STORE, NULL, "PostgreSQL %s: store schema "
                          "version %d is newer than this ombud supports (%d); "
                          "upgrade ombud", pg->where, version,
                          OMBUD_SCHEMA_VERSION);
        goto fail;
    }
    /* Schema 3 on is upgraded by revisions (upgrade_revision); no path
     * from before: a store of an older schema is refused whole. */
    if (version && version < 3) {
        err = ombud_error(OMBUD_E_STORE, NULL, "PostgreSQL %s: store schema "
                          "version %d is older than this ombud's (%d) and "
                          "PostgreSQL stores cannot be upgraded yet",
                          pg->where, version, OMBUD_SCHEMA_VERSION);
        goto fail;
    }
    if (!version) {
        prm p = {0};
        p_int(&p, OMBUD_SCHEMA_VERSION);
        if ((err = run(pg, "recording the schema version", "INSERT INTO meta "
                       "VALUES ('schema_version', $1) ON CONFLICT (key) DO "
                       "UPDATE SET value = EXCLUDED.value", &p, NULL)))
            goto fail;
    }
    if ((err = upgrade_revision(pg)))
        goto fail;
    return run(pg, "creating the schema", "COMMIT", NULL, NULL);
fail:
    quiet_exec(pg, "ROLLBACK");
    return err;
}

static ombud_err pg_open(const char *db, ombud_store **out)
{
    ombud_pg *pg;
    ombud_err err;

    *out = NULL;
    if (!(pg = calloc(1, sizeof *pg)) || !(pg->copy = g_string_sized_new(COPY_CHUNK + 4096))) {
        free(pg);
        return OMBUD_E_NOMEM;
    }
    for (int i = 0; i < FB_N; i++)
        pg->fb[i] = g_string_new(NULL);
    if ((err = connect_server(db, pg)) ||
        (err = run(pg, "setting up the session", "SET client_min_messages = "
                   "warning", NULL, NULL)) ||
        (err = create_schema(pg))) {
        pg_close(&pg->base);
        return err;
    }
    *out = &pg->base;
    return OMBUD_OK;
}

static void pg_close(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;

    if (pg->in_read)
        quiet_exec(pg, "COMMIT");
    PQfinish(pg->conn);
    g_string_free(pg->copy, TRUE);
    for (int i = 0; i < FB_N; i++)
        g_string_free(pg->fb[i], TRUE);
    if (pg->asks)
        g_string_free(pg->asks, TRUE);
    g_free(pg->where);
    free(pg->file_path);
    free(pg->file_name);
    forget_file_caches(pg);
    forget_outages(pg);
    free(pg);
}

/* ---- iteration with cursors ------------------------------------------------------ */

/* Called per fetched row; non-zero stops the walk. */
typedef int (*row_fn)(void *ud, const PGresult *res, int row);

/*
 * Walk the rows of @sql through a cursor, FETCH_ROWS at a time. A stop by
 * @fn is not an error. @fn may call the store (other statements run
 * between fetches).
 */
static ombud_err each_row(ombud_pg *pg, const char *what, const char *sql,
                          const prm *p, row_fn fn, void *ud)
{
    char name[32], stmt[64];
    GString *decl;
    PGresult *res;
    ombud_err err;
    int n, stop = 0;

    if ((err = need_tx(pg)))
        return err;
    snprintf(name, sizeof name, "ombud_c%u", ++pg->cursors);
    decl = g_string_new(NULL);
    g_string_printf(decl, "DECLARE %s NO SCROLL CURSOR FOR %s", name, sql);
    err = run(pg, what, decl->str, p, NULL);
    g_string_free(decl, TRUE);
    if (err)
        return err;
    snprintf(stmt, sizeof stmt, "FETCH %d FROM %s", FETCH_ROWS, name);
    do {
        if ((err = run(pg, what, stmt, NULL, &res)))
            return err;
        n = PQntuples(res);
        for (int i = 0; i < n && !stop; i++)
            stop = fn(ud, res, i);
        PQclear(res);
    } while (!stop && n == FETCH_ROWS);
    snprintf(stmt, sizeof stmt, "CLOSE %s", name);
    return run(pg, what, stmt, NULL, NULL);
}

/* ---- sources ---------------------------------------------------------------------- */

/* Serialise look-ups of one (kind, checksum) until the transaction ends. */
static ombud_err lock_source(ombud_pg *pg, const char *kind, const char *sha)
{
    prm p = {0};

    p_text(&p, kind);
    p_text(&p, sha);
    return run(pg, "locking a source", "SELECT pg_advisory_xact_lock("
               "hashtextextended('ombud:source:' || $1 || ':' || $2, 0))", &p,
               NULL);
}

static ombud_err copy_end(ombud_pg *pg);

static ombud_err pg_find_source(ombud_store *base, const char *kind,
                               const char *sha256, int64_t *id,
                               ombud_counts *counts)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    *id = 0;
    /* Inside an import, wait for any other import of the same file to
     * finish, then look: so two runs of one file store it once. */
    if (pg->in_file && ((err = copy_end(pg)) ||
                        (err = lock_source(pg, kind, sha256))))
        return err;
    if ((err = need_tx(pg)))
        return err;
    p_text(&p, kind);
    p_text(&p, sha256);
    if ((err = run(pg, "looking up a source", "SELECT id, rows_read, "
                   "rows_stored, rows_rejected, rows_counted FROM sources "
                   "WHERE kind = $1 AND sha256 = $2", &p, &res)))
        return err;
    if (PQntuples(res) == 1) {
        *id = col_int(res, 0, 0);
        if (counts)
            *counts = (ombud_counts){col_int(res, 0, 1), col_int(res, 0, 2),
                                     col_int(res, 0, 3), col_int(res, 0, 4)};
    }
    PQclear(res);
    return OMBUD_OK;
}

static ombud_err pg_has_size(ombud_store *base, const char *kind, int64_t bytes,
                            int *found)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    *found = 0;
    if ((err = need_tx(pg)))
        return err;
    p_text(&p, kind);
    p_int(&p, bytes);
    if ((err = run(pg, "looking up a source", "SELECT 1 FROM sources WHERE "
                   "kind = $1 AND bytes = $2 LIMIT 1", &p, &res)))
        return err;
    *found = PQntuples(res) > 0;
    PQclear(res);
    return OMBUD_OK;
}

/* The staging table a file's rows and rejects are copied into. */
static const char stage_sql[] =
    "CREATE TEMP TABLE ombud_stage (line bigint NOT NULL, rj boolean NOT NULL,"
    " rcol bigint, t1 text COLLATE \"C\", t2 text COLLATE \"C\","
    " t3 text COLLATE \"C\", t4 text COLLATE \"C\", t5 text COLLATE \"C\","
    " t6 text COLLATE \"C\", t7 text COLLATE \"C\", t8 text COLLATE \"C\","
    " t9 text COLLATE \"C\", t10 text COLLATE \"C\", t11 text COLLATE \"C\","
    " t12 text COLLATE \"C\", t13 text COLLATE \"C\","
    " t14 text COLLATE \"C\", t15 text COLLATE \"C\", t16 text COLLATE \"C\","
    " t17 text COLLATE \"C\", t18 text COLLATE \"C\") ON COMMIT DROP;"
    "CREATE TEMP TABLE ombud_dupl (line bigint PRIMARY KEY) ON COMMIT DROP";

/* Text columns of the staging table. */
#define STAGE_TEXTS 18

/*
 * A queue_log's events, streamed in as read and read back in one ordered
 * query when the file ends (its lines are in no particular order).
 * Exact duplicates are kept here and skipped by that query.
 */
static const char events_sql[] =
    "CREATE TEMP TABLE ombud_events (line bigint NOT NULL, at bigint NOT "
    "NULL, rank bigint NOT NULL, callid text COLLATE \"C\" NOT NULL, queue "
    "text COLLATE \"C\" NOT NULL, agent text COLLATE \"C\" NOT NULL, event "
    "text COLLATE \"C\" NOT NULL, data text COLLATE \"C\" NOT NULL) ON "
    "COMMIT DROP";

static ombud_err pg_begin_file(ombud_store *base, const ombud_source *src,
                              int64_t *id)
{
    ombud_pg *pg = (ombud_pg *)base;
    int pending = !strcmp(src->sha256, "pending");
    PGresult *res;
    prm p = {0};
    ombud_err err;
    int64_t other = 0;

    assert(!pg->in_file && !pg->in_check);
    if ((err = end_read(pg)) || (err = run(pg, "starting an import", "BEGIN",
                                           NULL, NULL)))
        return err;
    pg->in_file = 1;
    /* A file hashed before parsing: another run may be importing it now.
     * Wait for it, then look again. */
    if (!pending && ((err = lock_source(pg, src->kind, src->sha256)) ||
                     (err = pg_find_source(&pg->base, src->kind, src->sha256,
                                                 &other, NULL))))
        goto fail;
    if (other) {
        err = ombud_error(OMBUD_E_STORE, NULL, "%s was imported by another "
                          "ombud run at the same time; nothing more stored",
                          src->path);
        goto fail;
    }
    p_text(&p, src->kind);
    p_text(&p, src->name);
    p_text(&p, src->path);
    p_text(&p, src->sha256);
    p_int(&p, src->bytes);
    p_text(&p, src->tz);
    p_int(&p, src->imported_at);
    p_text(&p, src->settings);
    /* Until the checksum is known it is "pending:PID", so two imports of
     * different piped files do not clash on UNIQUE (kind, sha256). */
    if ((err = run(pg, "recording the source file", "INSERT INTO sources "
                   "(kind, name, path, sha256, bytes, tz, imported_at, "
                   "settings) VALUES ($1, $2, $3, CASE WHEN $4 = 'pending' "
                   "THEN 'pending:' || pg_backend_pid() ELSE $4 END, $5, $6, "
                   "$7, $8) RETURNING id",
                   &p, &res)))
        goto fail;
    *id = col_int(res, 0, 0);
    PQclear(res);
    if ((err = run_script(pg, "preparing the import", stage_sql)) ||
        (!strcmp(src->kind, "queue_log") &&
         (err = run_script(pg, "preparing the import", events_sql))))
        goto fail;
    forget_file_caches(pg);
    snprintf(pg->kind, sizeof pg->kind, "%s", src->kind);
    pg->rows = NULL;
    free(pg->file_path);
    free(pg->file_name);
    pg->file_path = strdup(src->path);
    pg->file_name = strdup(src->name);
    if (!pg->file_path || !pg->file_name) {
        err = OMBUD_E_NOMEM;
        goto fail;
    }
    return OMBUD_OK;
fail:
    pg_abort_file(&pg->base);
    return err;
}

/* Forget what one import learnt (groups, legs, the accounts map). */
static void forget_file_caches(ombud_pg *pg)
{
    for (int i = 0; i < 2; i++) {
        staged_group *g = &pg->grp[i];
        g_free(g->callid);
        g_free(g->queue);
        g_free(g->acct);
        g_free(g->src);
        memset(g, 0, sizeof *g);
    }
    if (pg->group_legs)
        g_hash_table_destroy(pg->group_legs);
    pg->group_legs = NULL;
    g_free(pg->legs_callid);
    g_free(pg->legs_queue);
    pg->legs_callid = pg->legs_queue = NULL;
    pg->legs_overflow = 0;
    if (pg->accounts)
        g_hash_table_destroy(pg->accounts);
    pg->accounts = NULL;
    pg->accounts_tried = 0;
    pg->batching = 0;
    pg->legs_built = 0;
    if (pg->months)
        g_array_free(pg->months, TRUE);
    pg->months = NULL;
}

static ombud_err pg_set_source_checksum(ombud_store *base, int64_t id,
                                       const char *sha256, int64_t bytes)
{
    ombud_pg *pg = (ombud_pg *)base;
    prm p = {0};
    ombud_err err;

    assert(pg->in_file);
    if ((err = copy_end(pg)))
        return err;
    p_int(&p, id);
    p_text(&p, sha256);
    p_int(&p, bytes);
    return run(pg, "recording a checksum", "UPDATE sources SET sha256 = $2, "
               "bytes = $3 WHERE id = $1", &p, NULL);
}

static void pg_abort_file(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;
    if (pg->copying && PQstatus(pg->conn) == CONNECTION_OK) {
        PGresult *res;
        PQputCopyEnd(pg->conn, "import abandoned");
        while ((res = PQgetResult(pg->conn)))
            PQclear(res);
    }
    pg->copying = 0;
    g_string_truncate(pg->copy, 0);
    if (pg->in_file)
        quiet_exec(pg, "ROLLBACK");
    pg->in_file = 0;
    forget_file_caches(pg);
}

/* ---- COPY into the staging table ------------------------------------------------- */

/* Append one COPY text-format field: \N for NULL, escapes for the rest. */
static void put(GString *b, const char *s)
{
    g_string_append_c(b, '\t');
    if (!s) {
        g_string_append(b, "\\N");
        return;
    }
    for (; *s; s++) {
        switch (*s) {
        case '\\': g_string_append(b, "\\\\"); break;
        case '\t': g_string_append(b, "\\t"); break;
        case '\n': g_string_append(b, "\\n"); break;
        case '\r': g_string_append(b, "\\r"); break;
        default: g_string_append_c(b, *s);
        }
    }
}

static void put_int(GString *b, int64_t v)
{
    g_string_append_printf(b, "\t%lld", (long long)v);
}

static void put_time(GString *b, int64_t t)
{
    if (t == OMBUD_TIME_NONE)
        put(b, NULL);
    else
        put_int(b, t);
}

/* Start a staging row: line, reject flag, reject column. */
static void put_head(GString *b, long line, int rj, long col)
{
    g_string_append_printf(b, "%ld\t%c", line, rj ? 't' : 'f');
    if (rj)
        put_int(b, col);
    else
        put(b, NULL);
}

/* Pad to the STAGE_TEXTS text columns and end the row. */
static void put_end(GString *b, int used)
{
    for (int i = used; i < STAGE_TEXTS; i++)
        g_string_append(b, "\t\\N");
    g_string_append_c(b, '\n');
}

static ombud_err copy_end(ombud_pg *pg);

/* Issue the COPY of pg->copy_table. */
static ombud_err copy_start(ombud_pg *pg)
{
    char sql[64];
    PGresult *res;
    ombud_err err = OMBUD_OK;

    snprintf(sql, sizeof sql, "COPY %s FROM STDIN", pg->copy_table);
    res = PQexec(pg->conn, sql);
    if (PQresultStatus(res) != PGRES_COPY_IN)
        err = pg_fail(pg, "streaming rows", res);
    else
        pg->copying = 1;
    PQclear(res);
    return err;
}

/*
 * Rows for @table follow in pg->copy. Rows of another table end that
 * table's COPY first (a queue_log's rejects and events interleave). While
 * batching, the COPY is issued only when a chunk is sent.
 */
static ombud_err copy_into(ombud_pg *pg, const char *table)
{
    ombud_err err;

    if (pg->copy_table && strcmp(pg->copy_table, table) &&
        (pg->copying || pg->copy->len) && (err = copy_end(pg)))
        return err;
    pg->copy_table = table;
    if (pg->copying || pg->batching)
        return OMBUD_OK;
    return copy_start(pg);
}

static ombud_err copy_begin(ombud_pg *pg)
{
    return copy_into(pg, "ombud_stage");
}

static ombud_err copy_flush(ombud_pg *pg)
{
    if (!pg->copy->len || !pg->copying)
        return OMBUD_OK;
    if (PQputCopyData(pg->conn, pg->copy->str, (int)pg->copy->len) != 1)
        return pg_fail(pg, "streaming rows", NULL);
    g_string_truncate(pg->copy, 0);
    return OMBUD_OK;
}

/*
 * End the COPY in progress, or abandon it with the reason @failed (then
 * the server's refusal is the error), and collect its result.
 */
static ombud_err copy_finish(ombud_pg *pg, const char *what,
                             const char *failed)
{
    PGresult *res;
    ombud_err err = OMBUD_OK;

    if (PQputCopyEnd(pg->conn, failed) != 1 && !failed)
        err = pg_fail(pg, what, NULL);
    while ((res = PQgetResult(pg->conn))) {
        if (!err && PQresultStatus(res) != PGRES_COMMAND_OK)
            err = pg_fail(pg, what, res);
        PQclear(res);
    }
    return err;
}

/* Finish the COPY (if one is open) so other statements can run. */
static ombud_err copy_end(ombud_pg *pg)
{
    ombud_err err;

    /* Data gathered while batching is sent in a COPY of its own. */
    if (!pg->copying && pg->copy->len && (err = copy_start(pg)))
        return err;
    if (!pg->copying)
        return OMBUD_OK;
    if ((err = copy_flush(pg)))
        return err;
    pg->copying = 0;
    return copy_finish(pg, "streaming rows", NULL);
}

/* Run one whole COPY @sql FROM STDIN with the text-format rows in @data. */
static ombud_err copy_all(ombud_pg *pg, const char *what, const char *sql,
                          const GString *data)
{
    PGresult *res = PQexec(pg->conn, sql);
    ombud_err err = OMBUD_OK;
    size_t off;

    if (PQresultStatus(res) != PGRES_COPY_IN) {
        err = pg_fail(pg, what, res);
        PQclear(res);
        return err;
    }
    PQclear(res);
    for (off = 0; off < data->len; off += COPY_CHUNK) {
        size_t n = data->len - off < COPY_CHUNK ? data->len - off : COPY_CHUNK;
        if (PQputCopyData(pg->conn, data->str + off, (int)n) != 1)
            break;
    }
    err = copy_finish(pg, what, off < data->len ? "could not send the rows"
                                                : NULL);
    if (!err && off < data->len)
        err = pg_fail(pg, what, NULL);
    return err;
}

/* The row is in pg->copy: send it when enough has gathered. */
static ombud_err copy_row_done(ombud_pg *pg)
{
    if (pg->copy->len < COPY_CHUNK)
        return OMBUD_OK;
    return pg->batching ? copy_end(pg) : copy_flush(pg);
}

/* End an open COPY (not data gathered while batching) so a statement can
 * run. */
static ombud_err stop_copy(ombud_pg *pg)
{
    return pg->copying ? copy_end(pg) : OMBUD_OK;
}

static ombud_err pg_add_outage(ombud_store *base, int64_t source_id,
                               long line, const ombud_outage *o)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "outages";
    (void)source_id;
    assert(pg->in_file && o->outage_id);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, o->outage_id);
    put(b, o->account_id);
    put(b, o->area);
    put(b, o->service);
    put_time(b, o->started_at);
    put_time(b, o->restored_at);
    put_int(b, o->planned);
    put_time(b, o->scheduled_at);
    put_time(b, o->notified_at);
    put_int(b, o->customers_affected);
    put(b, o->cause);
    put_time(b, o->reported_at);
    put(b, o->exclusion);
    put(b, o->location_class);
    if (o->customers_restored <= 0)
        put(b, NULL);
    else
        put_int(b, o->customers_restored);
    put_end(b, 15);
    return copy_row_done(pg);
}

/*
 * Remember the month (UTC) of a staged row's partition key @t, for
 * make_partitions: asking the staging table for them read every staged
 * row again (1.9 s of a 1M-leg month's 24 s). Rows come mostly in time
 * order, so the month before is checked first; the list stays sorted.
 */
static void note_month(ombud_pg *pg, int64_t t, long line)
{
    int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400), m;
    int y, mo, d;
    guint lo = 0, hi;

    if (!pg->months || !pg->months->len || line < pg->first_line)
        pg->first_line = line;
    if (!pg->months || !pg->months->len || line > pg->last_line)
        pg->last_line = line;
    ombud_civil_from_days(days, &y, &mo, &d);
    m = (int64_t)y * 12 + mo - 1;
    if (pg->months && pg->months->len && m == pg->last_month)
        return;
    pg->last_month = m;
    if (!pg->months)
        pg->months = g_array_new(FALSE, FALSE, sizeof(int64_t));
    hi = pg->months->len;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        int64_t v = g_array_index(pg->months, int64_t, mid);
        if (v == m)
            return;
        if (v < m)
            lo = mid + 1;
        else
            hi = mid;
    }
    g_array_insert_val(pg->months, lo, m);
}

static ombud_err queue_log_leg_dup(ombud_pg *pg, long line,
                                   const ombud_call_leg *c, char *dup,
                                   size_t dupsize);

static ombud_err pg_add_call_leg(ombud_store *base, int64_t source_id,
                                 long line, const ombud_call_leg *c)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;
    int64_t built = 0, nlines = 1;
    char first[320];

    pg->rows = strcmp(pg->kind, "queue_log") ? "calls" : "queue_log";
    (void)source_id;
    assert(pg->in_file && c->call_id && c->queue && c->outcome);
    for (const char *s = c->lines; s && *s; s++)
        nlines += *s == ',';
    /* A queue_log counts a duplicate leg rather than rejecting it, and says
     * so in its notes before the file ends: find it now, as SQLite does. */
    if (!strcmp(pg->kind, "queue_log")) {
        err = queue_log_leg_dup(pg, line, c, first, sizeof first);
        if (err == OMBUD_E_DUPLICATE)
            return ombud_be_dup(base, &(ombud_dup){line, c->call_id,
                                                   c->call_id, first, nlines});
        if (err)
            return err;
        built = ++pg->legs_built;
    }
    if ((err = copy_begin(pg)))
        return err;
    /* A queue_log leg's reject column holds its place in the order legs
     * are built, the order they are stored in (and SQLite numbers them). */
    if (built)
        g_string_append_printf(b, "%ld\tf\t%lld", line, (long long)built);
    else
        put_head(b, line, 0, 0);
    put(b, c->call_id);
    put(b, c->account_id);
    put(b, c->queue);
    put_time(b, c->arrived_at);
    note_month(pg, c->arrived_at, line);
    put_time(b, c->answered_at);
    put_time(b, c->ended_at);
    put(b, c->outcome);
    put(b, c->agent_id);
    put(b, c->transferred_to);
    put(b, c->ticket_id);
    put_time(b, c->promised_restore_at);
    put(b, c->lines);
    put_int(b, nlines);
    put_end(b, 13);
    return copy_row_done(pg);
}

static ombud_err pg_add_billing(ombud_store *base, int64_t source_id, long line,
                               const ombud_billing *bl)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "billing";
    (void)source_id;
    assert(pg->in_file && bl->account_id && bl->kind && bl->currency);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, bl->account_id);
    put(b, bl->kind);
    put_time(b, bl->posted_at);
    note_month(pg, bl->posted_at, line);
    if (bl->has_amount)
        put_int(b, bl->amount);
    else
        put(b, NULL);
    put(b, bl->currency);
    put(b, bl->service);
    put_time(b, bl->period_start);
    put_time(b, bl->period_end);
    put_time(b, bl->due_at);
    put(b, bl->reference);
    put(b, bl->description);
    put(b, bl->area);
    put_end(b, 12);
    return copy_row_done(pg);
}

static ombud_err pg_add_reject(ombud_store *base, int64_t source_id,
                              const ombud_reject *r)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    (void)source_id;
    assert(pg->in_file && r->reason);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, r->line, 1, r->col);
    put(b, r->field);
    put(b, r->value);
    put(b, r->reason);
    put_end(b, 3);
    return copy_row_done(pg);
}

static ombud_err pg_add_appointment(ombud_store *base, int64_t source_id,
                                    long line, const ombud_appointment *a)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "appointments";
    (void)source_id;
    assert(pg->in_file && a->appointment_id);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, a->appointment_id);
    put(b, a->account_id);
    put(b, a->reference);
    put(b, a->kind);
    put_time(b, a->booked_at);
    put_time(b, a->window_start);
    put_time(b, a->window_end);
    put_time(b, a->arrived_at);
    put_time(b, a->cancelled_at);
    put(b, a->cancelled_by);
    put_int(b, a->customer_absent);
    put_end(b, 11);
    return copy_row_done(pg);
}

static ombud_err pg_add_order(ombud_store *base, int64_t source_id,
                              long line, const ombud_order *o)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "orders";
    (void)source_id;
    assert(pg->in_file && o->order_id);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, o->order_id);
    put(b, o->account_id);
    put(b, o->service);
    put(b, o->area);
    put(b, o->location_class);
    put_time(b, o->ordered_at);
    put_time(b, o->promised_at);
    put_int(b, o->promised_all_day);
    put_time(b, o->completed_at);
    put_int(b, o->customer_requested_later);
    put(b, o->exclusion);
    put_end(b, 11);
    return copy_row_done(pg);
}

static ombud_err pg_add_customers(ombud_store *base, int64_t source_id, long line,
                                 const ombud_customers *c)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "customers";
    (void)source_id;
    assert(pg->in_file && c->area && c->customers_served >= 0);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, c->area);
    put_int(b, c->customers_served);
    put_time(b, c->as_of);
    put_end(b, 3);
    return copy_row_done(pg);
}

static ombud_err pg_add_snapshot(ombud_store *base, int64_t source_id, long line,
                                 const ombud_snapshot *n)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "snapshots";
    (void)source_id;
    assert(pg->in_file && n->area && n->customers_out >= 0);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, n->area);
    put_time(b, n->at);
    put_int(b, n->customers_out);
    put_end(b, 3);
    return copy_row_done(pg);
}

static ombud_err pg_add_account(ombud_store *base, int64_t source_id, long line,
                               const char *number, const char *account_id,
                               const char *given)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "accounts";
    (void)source_id;
    assert(pg->in_file && number && account_id);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    put(b, number);
    put(b, account_id);
    put(b, given ? given : number);  /* shown in a duplicate's reject */
    put_end(b, 3);
    return copy_row_done(pg);
}

static ombud_err pg_add_cdr(ombud_store *base, int64_t source_id, long line,
                           const ombud_cdr *c)
{
    ombud_pg *pg = (ombud_pg *)base;
    const char *text[] = {c->uniqueid, c->linkedid, c->accountcode, c->src,
        c->dst, c->dcontext, c->channel, c->dstchannel, c->lastapp,
        c->lastdata};
    GString *b = pg->copy;
    ombud_err err;

    pg->rows = "cdr";
    (void)source_id;
    assert(pg->in_file);
    if ((err = copy_begin(pg)))
        return err;
    put_head(b, line, 0, 0);
    for (int i = 0; i < 10; i++)
        put(b, text[i]);
    put_time(b, c->start_at);
    put_time(b, c->answer_at);
    put_time(b, c->end_at);
    put_int(b, c->duration);
    put_int(b, c->billsec);
    put(b, c->disposition);
    put(b, c->userfield);
    put_end(b, 17);
    return copy_row_done(pg);
}

static ombud_err pg_stage_event(ombud_store *base, const ombud_staged_event *e,
                                long *first)
{
    ombud_pg *pg = (ombud_pg *)base;
    (void)first;  /* duplicates are counted by pg_staged_duplicates */
    GString *b = pg->copy;
    ombud_err err;

    assert(pg->in_file && !strcmp(pg->kind, "queue_log"));
    if ((err = copy_into(pg, "ombud_events")))
        return err;
    g_string_append_printf(b, "%ld", e->line);
    put_int(b, e->at);
    put_int(b, e->rank);
    put(b, e->callid);
    put(b, e->queue);
    put(b, e->agent);
    put(b, e->event);
    put(b, e->data);
    g_string_append_c(b, '\n');
    return copy_row_done(pg);
}

/* ---- end of a file: duplicates, partitions, the move ---------------------------- */

/*
 * What each kind needs at the end: the duplicate query (key columns of the
 * stage against the table and earlier lines), the partitioned time column
 * in the stage (NULL if the table is not partitioned; the months it needs
 * are noted as the rows are staged, note_month()), and the move.
 */
typedef struct kind_sql {
    const char *kind, *table, *key_field, *dup_reason, *stage_time, *dups, *move;
    const char *analyze;
    const char *steps;   /* run before dups: rows that are not duplicates
                            though their key is (outages' later steps) */
    const char *fresh;   /* the move with ids given, into table %s, of the
                            rows that meet %s (partitioned kinds stored in
                            line order; see move_rows) */
} kind_sql;

/*
 * The later restoration steps of outages (t15 customers_restored, t5
 * started_at, t6 restored_at): a row whose outage_id is stored, or staged
 * on an earlier line, where that outage has customers_restored, started
 * at the same time, and has no step at this time yet (its own row's
 * included). They go to outage_steps and are set aside (ombud_dupl) so
 * that neither the move nor the duplicate query sees them.
 */
static const char outage_steps_sql[] =
    "WITH x AS (SELECT line, t1, t5, t6, t15, first_value(line) OVER w fl, "
    "first_value(t5) OVER w f5, first_value(t15) OVER w f15, row_number() "
    "OVER (PARTITION BY t1, t6 ORDER BY line) rt FROM ombud_stage WHERE NOT "
    "rj WINDOW w AS (PARTITION BY t1 ORDER BY line)), st AS (SELECT x.line, "
    "x.t1, x.t6, x.t15 FROM x LEFT JOIN outages o ON o.outage_id = x.t1 "
    "WHERE x.t15 IS NOT NULL AND x.rt = 1 AND CASE WHEN o.id IS NOT NULL "
    "THEN o.customers_restored IS NOT NULL AND o.started_at = x.t5::bigint "
    "AND o.restored_at <> x.t6::bigint AND NOT EXISTS (SELECT 1 FROM "
    "outage_steps p WHERE p.outage_id = x.t1 AND p.restored_at = "
    "x.t6::bigint) ELSE x.line <> x.fl AND x.f15 IS NOT NULL AND x.f5 = "
    "x.t5 END), ins AS (INSERT INTO outage_steps (source_id, line, "
    "outage_id, restored_at, customers_restored) SELECT $1, line, t1, "
    "t6::bigint, t15::bigint FROM st ORDER BY line) INSERT INTO ombud_dupl "
    "SELECT line FROM st";

static const kind_sql kinds[] = {
    {"outages", "outages", "outage_id", OMBUD_DUP_OUTAGE_REASON, NULL,
     "SELECT x.line, x.t1, coalesce(e.ref, $1 || ':' || x.first_line) FROM "
     "(SELECT line, t1, first_value(line) OVER w first_line, row_number() "
     "OVER w rn FROM ombud_stage s WHERE NOT rj AND NOT EXISTS (SELECT 1 "
     "FROM ombud_dupl d WHERE d.line = s.line) WINDOW w AS (PARTITION BY t1 "
     "ORDER BY line)) x LEFT JOIN LATERAL (SELECT s.name || ':' || o.line ref "
     "FROM outages o JOIN sources s ON s.id = o.source_id WHERE o.outage_id "
     "= x.t1) e ON true WHERE x.rn > 1 OR e.ref IS NOT NULL ORDER BY x.line",
     "INSERT INTO outages (source_id, line, outage_id, account_id, area, "
     "service, started_at, restored_at, planned, scheduled_at, notified_at, "
     "customers_affected, cause, reported_at, exclusion, location_class, "
     "customers_restored) SELECT $1, line, t1, t2, t3, t4, t5::bigint, "
     "t6::bigint, t7::bigint, t8::bigint, t9::bigint, t10::bigint, t11, "
     "t12::bigint, t13, t14, t15::bigint FROM ombud_stage s WHERE NOT rj AND "
     "NOT EXISTS (SELECT 1 FROM ombud_dupl d WHERE d.line = s.line) ORDER BY "
     "line",
     "ANALYZE outages; ANALYZE outage_steps", outage_steps_sql, NULL},
    {"calls", "call_legs", "call_id", OMBUD_DUP_LEG_REASON, "t4",
     "SELECT x.line, x.t1, coalesce(e.ref, $1 || ':' || x.first_line) FROM "
     "(SELECT line, t1, t3, t4, first_value(line) OVER w first_line, "
     "row_number() OVER w rn FROM ombud_stage WHERE NOT rj WINDOW w AS "
     "(PARTITION BY t1, t3, t4 ORDER BY line)) x LEFT JOIN LATERAL (SELECT "
     "s.name || ':' || c.line ref FROM call_legs c JOIN sources s ON s.id = "
     "c.source_id WHERE c.call_id = x.t1 AND c.queue = x.t3 AND "
     "c.arrived_at = x.t4::bigint AND c.arrived_at >= $2 AND c.arrived_at < "
     "$3) e ON true WHERE x.rn > 1 OR e.ref IS NOT "
     "NULL ORDER BY x.line",
     "INSERT INTO call_legs (source_id, line, call_id, account_id, queue, "
     "arrived_at, answered_at, ended_at, outcome, agent_id, transferred_to, "
     "ticket_id, promised_restore_at) SELECT $1, line, t1, t2, t3, "
     "t4::bigint, t5::bigint, t6::bigint, t7, t8, t9, t10, t11::bigint FROM "
     "ombud_stage s WHERE NOT rj AND NOT EXISTS (SELECT 1 FROM ombud_dupl d "
     "WHERE d.line = s.line) ORDER BY line",
     "ANALYZE call_legs", NULL,
     "INSERT INTO %s (id, source_id, line, call_id, account_id, queue, "
     "arrived_at, answered_at, ended_at, outcome, agent_id, transferred_to, "
     "ticket_id, promised_restore_at) SELECT $2::bigint + line - $3::bigint, "
     "$1, line, t1, t2, t3, t4::bigint, t5::bigint, t6::bigint, t7, t8, t9, "
     "t10, t11::bigint FROM ombud_stage s WHERE NOT rj AND NOT EXISTS "
     "(SELECT 1 FROM ombud_dupl d WHERE d.line = s.line) AND %s ORDER BY "
     "line"},
    {"billing", "billing_events", NULL, NULL, "t3", NULL,
     "INSERT INTO billing_events (source_id, line, account_id, kind, "
     "posted_at, amount, currency, service, period_start, period_end, due_at, "
     "reference, description, area) SELECT $1, line, t1, t2, t3::bigint, "
     "t4::bigint, t5, t6, t7::bigint, t8::bigint, t9::bigint, t10, t11, t12 "
     "FROM ombud_stage WHERE NOT rj ORDER BY line",
     "ANALYZE billing_events", NULL,
     "INSERT INTO %s (id, source_id, line, account_id, kind, posted_at, "
     "amount, currency, service, period_start, period_end, due_at, "
     "reference, description, area) SELECT $2::bigint + line - $3::bigint, "
     "$1, line, t1, t2, t3::bigint, t4::bigint, t5, t6, t7::bigint, "
     "t8::bigint, t9::bigint, t10, t11, t12 FROM ombud_stage WHERE NOT rj "
     "AND %s ORDER BY line"},
    {"appointments", "appointments", "appointment_id",
     OMBUD_DUP_APPOINTMENT_REASON, NULL,
     "SELECT x.line, x.t1, coalesce(e.ref, $1 || ':' || x.first_line) FROM "
     "(SELECT line, t1, first_value(line) OVER w first_line, row_number() "
     "OVER w rn FROM ombud_stage WHERE NOT rj WINDOW w AS (PARTITION BY t1 "
     "ORDER BY line)) x LEFT JOIN LATERAL (SELECT s.name || ':' || a.line ref "
     "FROM appointments a JOIN sources s ON s.id = a.source_id WHERE "
     "a.appointment_id = x.t1) e ON true WHERE x.rn > 1 OR e.ref IS NOT NULL "
     "ORDER BY x.line",
     "INSERT INTO appointments (source_id, line, appointment_id, account_id, "
     "reference, kind, booked_at, window_start, window_end, arrived_at, "
     "cancelled_at, cancelled_by, customer_absent) SELECT $1, line, t1, t2, "
     "t3, t4, t5::bigint, t6::bigint, t7::bigint, t8::bigint, t9::bigint, "
     "t10, t11::bigint FROM ombud_stage s WHERE NOT rj AND NOT EXISTS "
     "(SELECT 1 FROM ombud_dupl d WHERE d.line = s.line) ORDER BY line",
     "ANALYZE appointments", NULL, NULL},
    {"orders", "orders", "order_id", OMBUD_DUP_ORDER_REASON, NULL,
     "SELECT x.line, x.t1, coalesce(e.ref, $1 || ':' || x.first_line) FROM "
     "(SELECT line, t1, first_value(line) OVER w first_line, row_number() "
     "OVER w rn FROM ombud_stage WHERE NOT rj WINDOW w AS (PARTITION BY t1 "
     "ORDER BY line)) x LEFT JOIN LATERAL (SELECT s.name || ':' || o.line ref "
     "FROM orders o JOIN sources s ON s.id = o.source_id WHERE o.order_id = "
     "x.t1) e ON true WHERE x.rn > 1 OR e.ref IS NOT NULL ORDER BY x.line",
     "INSERT INTO orders (source_id, line, order_id, account_id, service, "
     "area, location_class, ordered_at, promised_at, promised_all_day, "
     "completed_at, customer_requested_later, exclusion) SELECT $1, line, t1, "
     "t2, t3, t4, t5, t6::bigint, t7::bigint, t8::bigint, t9::bigint, "
     "t10::bigint, t11 FROM ombud_stage s WHERE NOT rj AND NOT EXISTS "
     "(SELECT 1 FROM ombud_dupl d WHERE d.line = s.line) ORDER BY line",
     "ANALYZE orders", NULL, NULL},
    /* The reject shows the number as written (t3); its reason names the
     * digits (t1), the key, as a fourth column. */
    {"accounts", "accounts", "caller_number", OMBUD_DUP_ACCOUNT_REASON, NULL,
     "SELECT x.line, x.t3, coalesce(e.ref, $1 || ':' || x.first_line), x.t1 "
     "FROM (SELECT line, t1, t3, first_value(line) OVER w first_line, "
     "row_number() OVER w rn FROM ombud_stage WHERE NOT rj WINDOW w AS "
     "(PARTITION BY t1 ORDER BY line)) x LEFT JOIN LATERAL (SELECT s.name || "
     "':' || a.line ref FROM accounts a JOIN sources s ON s.id = a.source_id "
     "WHERE a.caller_number = x.t1) e ON true WHERE x.rn > 1 OR e.ref IS NOT "
     "NULL ORDER BY x.line",
     "INSERT INTO accounts (source_id, line, caller_number, account_id) "
     "SELECT $1, line, t1, t2 FROM ombud_stage s WHERE NOT rj AND NOT EXISTS "
     "(SELECT 1 FROM ombud_dupl d WHERE d.line = s.line) ORDER BY line",
     "ANALYZE accounts", NULL, NULL},
    {"customers", "customers", NULL, NULL, NULL, NULL,
     "INSERT INTO customers (source_id, line, area, customers_served, as_of) "
     "SELECT $1, line, t1, t2::bigint, t3::bigint FROM ombud_stage WHERE NOT "
     "rj ORDER BY line",
     "ANALYZE customers", NULL, NULL},
    {"snapshots", "snapshots", NULL, NULL, NULL, NULL,
     "INSERT INTO snapshots (source_id, line, area, at, customers_out) "
     "SELECT $1, line, t1, t2::bigint, t3::bigint FROM ombud_stage WHERE NOT "
     "rj ORDER BY line",
     "ANALYZE snapshots", NULL, NULL},
    {"cdr", "cdr_records", NULL, NULL, NULL, NULL,
     "INSERT INTO cdr_records (source_id, line, uniqueid, linkedid, "
     "accountcode, src, dst, dcontext, channel, dstchannel, lastapp, "
     "lastdata, start_at, answer_at, end_at, duration, billsec, disposition, "
     "userfield) SELECT $1, line, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, "
     "t11::bigint, t12::bigint, t13::bigint, t14::bigint, t15::bigint, t16, "
     "t17 FROM ombud_stage WHERE NOT rj ORDER BY line",
     "ANALYZE cdr_records", NULL, NULL},
    /* Legs built from a queue_log: their duplicates were found as they were
     * built (queue_log_leg_dup); stored in the order built (rcol). */
    {"queue_log", "call_legs", NULL, NULL, "t4", NULL,
     "INSERT INTO call_legs (source_id, line, call_id, account_id, queue, "
     "arrived_at, answered_at, ended_at, outcome, agent_id, transferred_to, "
     "ticket_id, promised_restore_at, lines, nlines) SELECT $1, line, t1, t2, "
     "t3, t4::bigint, t5::bigint, t6::bigint, t7, t8, t9, t10, t11::bigint, "
     "t12, t13::bigint FROM ombud_stage WHERE NOT rj ORDER BY rcol",
     "ANALYZE call_legs", NULL, NULL},
};

static const kind_sql *kind_of(const char *kind)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (!strcmp(kinds[i].kind, kind))
            return &kinds[i];
    return NULL;
}

/* A month's partition of a table: its name and UTC bounds. */
typedef struct month_part {
    char name[64];
    int64_t from, to;
    int fresh;           /* made by this import, not attached yet */
} month_part;

/* The partition of @k->table for month @m (year * 12 + month - 1). */
static ombud_err month_bounds(const kind_sql *k, int64_t m, month_part *mp)
{
    int y = (int)(m / 12), mo = (int)(m % 12) + 1;

    /* The name is spliced into DDL: the year must have four digits. */
    if (m < 0 || y > 9999)
        return ombud_error(OMBUD_E_INTERNAL, NULL, "unexpected month %lld",
                           (long long)m);
    snprintf(mp->name, sizeof mp->name, "%s_p%04d%02d", k->table, y, mo);
    mp->from = ombud_days_from_civil(y, mo, 1) * 86400;
    mp->to = ombud_days_from_civil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1,
                                   1) * 86400;
    mp->fresh = 0;
    return OMBUD_OK;
}

/*
 * The month partitions of @k->table that the staged rows need (@parts, one
 * per pg->months): table_pYYYYMM for [first of month, first of next month)
 * in UTC. A month that has none is made as a plain table, filled by
 * move_rows and attached after it (when @k has a fresh move; else at
 * once), which blocks no reader of the parent.
 */
static ombud_err make_partitions(ombud_pg *pg, const kind_sql *k,
                                 month_part *parts)
{
    char sql[512];
    ombud_err err = OMBUD_OK;

    for (guint i = 0; i < pg->months->len && !err; i++) {
        month_part *mp = &parts[i];
        PGresult *have;
        prm p = {0};
        int exists;

        if ((err = month_bounds(k, g_array_index(pg->months, int64_t, i), mp)))
            break;
        p_text(&p, mp->name);
        if ((err = run(pg, "looking up a partition", "SELECT to_regclass($1) "
                       "IS NOT NULL", &p, &have)))
            break;
        exists = !strcmp(PQgetvalue(have, 0, 0), "t");
        PQclear(have);
        if (exists)
            continue;
        mp->fresh = k->fresh != NULL;
        snprintf(sql, sizeof sql, "CREATE TABLE %s (LIKE %s INCLUDING "
                 "DEFAULTS INCLUDING CONSTRAINTS)", mp->name, k->table);
        if (!mp->fresh)
            snprintf(sql + strlen(sql), sizeof sql - strlen(sql), "; ALTER "
                     "TABLE %s ATTACH PARTITION %s FOR VALUES FROM (%lld) TO "
                     "(%lld)", k->table, mp->name, (long long)mp->from,
                     (long long)mp->to);
        err = run_script(pg, "adding a month partition", sql);
    }
    return err;
}

/* Ids for the file's lines pg->first_line..last_line, from @k->table's
 * sequence: the first in @base. Only imports, one at a time (the rows
 * lock), draw on it. */
static ombud_err reserve_ids(ombud_pg *pg, const kind_sql *k, int64_t *base)
{
    PGresult *res;
    prm p = {0};
    ombud_err err;

    p_int(&p, pg->last_line - pg->first_line);
    p_text(&p, k->table);
    if ((err = run(pg, "numbering the rows", "SELECT setval(s::regclass, "
                   "nextval(s::regclass) + $1::bigint) - $1::bigint FROM "
                   "pg_get_serial_sequence($2, 'id') s", &p, &res)))
        return err;
    /* No sequence owned by the id column (a store restored by hand):
     * ids from 0 would collide with the stored ones. */
    if (PQgetisnull(res, 0, 0)) {
        PQclear(res);
        return ombud_error(OMBUD_E_STORE, NULL, "%s: its id column has no "
                           "sequence; restore the table with the schema "
                           "ombud makes", k->table);
    }
    *base = col_int(res, 0, 0);
    PQclear(res);
    return OMBUD_OK;
}

/* Rows of @k whose time (k->stage_time) is in @mp, or (@mp NULL) in none
 * of the fresh months of @parts, into @table: a fresh move. */
static ombud_err move_part(ombud_pg *pg, const kind_sql *k, const prm *p,
                           const char *table, const month_part *mp,
                           const month_part *parts, guint n)
{
    GString *cond = g_string_new(NULL);
    char *sql;
    ombud_err err;

    if (mp)
        g_string_printf(cond, "%s::bigint >= %lld AND %s::bigint < %lld",
                        k->stage_time, (long long)mp->from, k->stage_time,
                        (long long)mp->to);
    else
        for (guint i = 0; i < n; i++)
            if (parts[i].fresh)
                g_string_append_printf(cond, "%sNOT (%s::bigint >= %lld AND "
                                       "%s::bigint < %lld)",
                                       cond->len ? " AND " : "", k->stage_time,
                                       (long long)parts[i].from, k->stage_time,
                                       (long long)parts[i].to);
    sql = g_strdup_printf(k->fresh, table, cond->str);
    err = run(pg, "storing the rows", sql, p, NULL);
    g_free(sql);
    g_string_free(cond, TRUE);
    return err;
}

/*
 * Store the staged rows. A month new to the store is filled while its
 * table has no index, and attached after: PostgreSQL then builds each
 * index in one sort, where keeping seven up to date row by row was a
 * third of a 1M-leg import. Rows then go in more than one statement, so
 * their ids are given, from the line: they still follow the file's lines
 * across months (gaps where lines were rejected).
 */
static ombud_err move_rows(ombud_pg *pg, const kind_sql *k, const prm *p0)
{
    guint n = pg->months ? pg->months->len : 0, fresh = 0;
    month_part *parts;
    prm p = *p0;
    int64_t base = 0;
    ombud_err err;

    if (!k->stage_time || !n)
        return run(pg, "storing the rows", k->move, p0, NULL);
    parts = g_new0(month_part, n);
    if ((err = make_partitions(pg, k, parts)))
        goto out;
    for (guint i = 0; i < n; i++)
        fresh += (guint)parts[i].fresh;
    if (!fresh) {
        err = run(pg, "storing the rows", k->move, p0, NULL);
        goto out;
    }
    if ((err = reserve_ids(pg, k, &base)))
        goto out;
    p_int(&p, base);
    p_int(&p, pg->first_line);
    for (guint i = 0; i < n && !err; i++)
        if (parts[i].fresh)
            err = move_part(pg, k, &p, parts[i].name, &parts[i], parts, n);
    if (!err && fresh < n)
        err = move_part(pg, k, &p, k->table, NULL, parts, n);
    for (guint i = 0; i < n && !err; i++) {
        char sql[256];

        if (!parts[i].fresh)
            continue;
        snprintf(sql, sizeof sql, "ALTER TABLE %s ATTACH PARTITION %s FOR "
                 "VALUES FROM (%lld) TO (%lld)", k->table, parts[i].name,
                 (long long)parts[i].from, (long long)parts[i].to);
        err = run_script(pg, "adding a month partition", sql);
    }
out:
    g_free(parts);
    return err;
}

/* A late duplicate: where it is, its key value, where the first copy is. */
typedef struct dup_ctx {
    ombud_pg *pg;
    ombud_err err;
} dup_ctx;

/*
 * One duplicate key: kept out of the rows to be stored (ombud_dupl) and
 * handed to the file's on_dup, which records its reject. Columns: line,
 * the key as written, where the first copy is, and for accounts the key
 * itself (the number's digits).
 */
static int on_dup(void *ud, const PGresult *res, int row)
{
    dup_ctx *d = ud;
    long line = (long)col_int(res, row, 0);
    const char *given = col_text(res, row, 1);
    const char *key = PQnfields(res) > 3 ? col_text(res, row, 3) : given;
    prm p = {0};

    p_int(&p, line);
    if ((d->err = run(d->pg, "setting a duplicate aside", "INSERT INTO "
                      "ombud_dupl VALUES ($1)", &p, NULL)) ||
        (d->err = ombud_be_dup(&d->pg->base, &(ombud_dup){line, key, given,
                               col_text(res, row, 2), 1})))
        return 1;
    return 0;
}

/* [@lo, @hi): from the first of the staged rows' months to the end of
 * the last (UTC, month_bounds()), or nothing when none was staged. */
static ombud_err file_span(const ombud_pg *pg, const kind_sql *k, int64_t *lo,
                           int64_t *hi)
{
    month_part first, last;
    ombud_err err;

    *lo = *hi = 0;
    if (!pg->months || !pg->months->len)
        return OMBUD_OK;
    if ((err = month_bounds(k, g_array_index(pg->months, int64_t, 0),
                            &first)) ||
        (err = month_bounds(k, g_array_index(pg->months, int64_t,
                                             pg->months->len - 1), &last)))
        return err;
    *lo = first.from;
    *hi = last.to;
    return OMBUD_OK;
}

/*
 * Rows are streamed and their keys checked here, when the file ends: hand
 * each duplicate to on_dup. Its rejects are gathered in whole COPY
 * statements (batching) between the fetches of the cursor, then sent.
 */
static ombud_err late_duplicates(ombud_pg *pg, const kind_sql *k)
{
    dup_ctx d = {pg, OMBUD_OK};
    prm p = {0};
    ombud_err err;

    if (!k->dups)
        return OMBUD_OK;
    p_text(&p, pg->file_name);
    /* A partitioned kind's look-up is bounded by the file's months (its
     * key holds the time): PostgreSQL then reads their partitions only,
     * where it read every month's (1.3 s of a 1M-leg file in a one-month
     * store, 3.6 s in a four-month one). */
    if (k->stage_time) {
        int64_t lo, hi;
        if ((err = file_span(pg, k, &lo, &hi)))
            return err;
        p_int(&p, lo);
        p_int(&p, hi);
    }
    pg->batching = 1;
    err = each_row(pg, "looking for duplicates", k->dups, &p, on_dup, &d);
    pg->batching = 0;
    if (err || (err = d.err))
        return err;
    return copy_end(pg);
}

/* The file's rejects, staged with it, into rejects ($1 the source). */
static ombud_err store_rejects(ombud_pg *pg, const prm *p)
{
    return run(pg, "storing the rejected rows", "INSERT INTO rejects "
               "(source_id, line, col, field, value, reason) SELECT $1, "
               "line, rcol, t1, t2, t3 FROM ombud_stage WHERE rj ORDER BY "
               "line", p, NULL);
}

/*
 * Fresh statistics: autovacuum is minutes away, and a check planned on an
 * empty table's estimates scans where it should probe. ANALYZE of a
 * partitioned table samples every month and then analyses each one (1.0 s
 * for call_legs in a four-month store at 1M legs a month, 0.36 s in a
 * one-month one); autovacuum never does the parent. So a file's months
 * are analysed, and the parent after them only when it never was or its
 * months now hold twice the rows it had when it was: its statistics stay
 * within half of the store's. A file that moved no row changes nothing.
 */
static ombud_err analyse_rows(ombud_pg *pg, const kind_sql *k)
{
    char sql[128];
    PGresult *res;
    prm p = {0};
    ombud_err err;
    int stale;

    if (!k->stage_time)
        return run_script(pg, "analysing the rows", k->analyze);
    for (guint i = 0; pg->months && i < pg->months->len; i++) {
        month_part mp;
        if ((err = month_bounds(k, g_array_index(pg->months, int64_t, i), &mp)))
            return err;
        snprintf(sql, sizeof sql, "ANALYZE %s", mp.name);
        if ((err = run_script(pg, "analysing the rows", sql)))
            return err;
    }
    if (!pg->months || !pg->months->len)
        return OMBUD_OK;
    p_text(&p, k->table);
    if ((err = run(pg, "analysing the rows", "SELECT t.reltuples < 0 OR "
                   "(SELECT coalesce(sum(greatest(c.reltuples, 0)), 0) FROM "
                   "pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE "
                   "i.inhparent = t.oid) >= 2 * t.reltuples FROM pg_class t "
                   "WHERE t.oid = $1::regclass", &p, &res)))
        return err;
    stale = !strcmp(PQgetvalue(res, 0, 0), "t");
    PQclear(res);
    return stale ? run_script(pg, "analysing the rows", k->analyze) : OMBUD_OK;
}

static ombud_err pg_end_rows(ombud_store *base, int64_t source_id,
                             ombud_counts *c)
{
    ombud_pg *pg = (ombud_pg *)base;
    const kind_sql *k = kind_of(pg->rows ? pg->rows : pg->kind);
    prm p = {0};
    ombud_err err;

    (void)c;  /* on_dup moves the duplicates from stored to rejected */
    assert(pg->in_file);
    p_int(&p, source_id);
    if (!k) { /* no row kept, of a kind this backend does not know */
        if ((err = copy_end(pg)))
            return err;
        return store_rejects(pg, &p);
    }
    /* Only this step is serialised between concurrent imports: duplicate
     * look-ups must see the rows the other import committed. */
    if ((err = copy_end(pg)) ||
        (err = run(pg, "waiting for other imports", "SELECT "
                   "pg_advisory_xact_lock(hashtextextended('ombud:rows', 0))",
                   NULL, NULL)) ||
        (err = run(pg, "reading the staged rows", "ANALYZE ombud_stage", NULL,
                   NULL)) ||
        (k->steps && (err = run(pg, "storing the restoration steps",
                                k->steps, &p, NULL))) ||
        (err = late_duplicates(pg, k)) ||
        (err = move_rows(pg, k, &p)) ||
        (err = analyse_rows(pg, k)))
        return err;
    return store_rejects(pg, &p);
}

static ombud_err pg_commit_file(ombud_store *base, int64_t source_id,
                                const ombud_counts *c)
{
    ombud_pg *pg = (ombud_pg *)base;
    prm p = {0};
    ombud_err err;

    p_int(&p, source_id);
    p_int(&p, c->read);
    p_int(&p, c->stored);
    p_int(&p, c->rejected);
    p_int(&p, c->counted);
    if ((err = run(pg, "recording row counts", "UPDATE sources SET rows_read "
                   "= $2, rows_stored = $3, rows_rejected = $4, rows_counted "
                   "= $5 WHERE id = $1", &p, NULL)) ||
        (err = run(pg, "committing the import", "COMMIT", NULL, NULL)))
        return err;
    pg->in_file = 0;
    forget_file_caches(pg);
    return OMBUD_OK;
}

static ombud_err pg_totals_get(ombud_store *base, ombud_store_totals *t)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    ombud_err err;

    if ((err = copy_end(pg)) || (err = need_tx(pg)) ||
        (err = run(pg, "counting totals", "SELECT (SELECT count(*) FROM "
                   "sources), (SELECT count(*) FROM outages), (SELECT "
                   "count(*) FROM call_legs), (SELECT count(*) FROM "
                   "billing_events), (SELECT count(*) FROM rejects), (SELECT "
                   "count(*) FROM appointments), (SELECT count(*) FROM "
                   "orders)", NULL, &res)))
        return err;
    *t = (ombud_store_totals){col_int(res, 0, 0), col_int(res, 0, 1),
                             col_int(res, 0, 2), col_int(res, 0, 3),
                             col_int(res, 0, 4), col_int(res, 0, 5),
                             col_int(res, 0, 6)};
    PQclear(res);
    return OMBUD_OK;
}

/* ---- reading evidence ------------------------------------------------------------- */

static ombud_err pg_data_span(ombud_store *base, int64_t *from, int64_t *to)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    ombud_err err;
    int empty;

    if ((err = need_tx(pg)) ||
        (err = run(pg, "finding the span of the data", "SELECT min(a), max(b) "
                   "FROM (SELECT min(started_at) a, max(coalesce(restored_at, "
                   "started_at)) b FROM outages UNION ALL SELECT "
                   "min(arrived_at), max(ended_at) FROM call_legs UNION ALL "
                   "SELECT min(posted_at), max(posted_at) FROM billing_events "
                   "UNION ALL SELECT min(window_start), max(window_end) FROM "
                   "appointments UNION ALL SELECT min(ordered_at), "
                   "max(coalesce(completed_at, promised_at)) FROM orders) "
                   "x", NULL, &res)))
        return err;
    empty = PQgetisnull(res, 0, 0);
    if (!empty) {
        *from = col_int(res, 0, 0);
        *to = col_int(res, 0, 1) + 1;
    }
    PQclear(res);
    return empty ? OMBUD_E_DATA : OMBUD_OK;
}

static ombud_err pg_billing_last(ombud_store *base, int64_t *last)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    ombud_err err;

    *last = OMBUD_TIME_NONE;
    if ((err = need_tx(pg)) ||
        (err = run(pg, "finding where the billing ends", "SELECT "
                   "max(posted_at) FROM billing_events", NULL, &res)))
        return err;
    if (!PQgetisnull(res, 0, 0))
        *last = col_int(res, 0, 0);
    PQclear(res);
    return OMBUD_OK;
}

#define LEG_COLUMNS "id, call_id, account_id, queue, arrived_at, answered_at, " \
    "ended_at, outcome, agent_id, transferred_to, ticket_id, promised_restore_at"

/* Read a leg selected with LEG_COLUMNS starting at column @i. */
static void read_leg(const PGresult *r, int row, int i, ombud_call_leg *c)
{
    memset(c, 0, sizeof *c);
    c->call_id = col_text(r, row, i + 1);
    c->account_id = col_text(r, row, i + 2);
    c->queue = col_text(r, row, i + 3);
    c->arrived_at = col_time(r, row, i + 4);
    c->answered_at = col_time(r, row, i + 5);
    c->ended_at = col_time(r, row, i + 6);
    c->outcome = col_text(r, row, i + 7);
    c->agent_id = col_text(r, row, i + 8);
    c->transferred_to = col_text(r, row, i + 9);
    c->ticket_id = col_text(r, row, i + 10);
    c->promised_restore_at = col_time(r, row, i + 11);
}

/* An outage's columns with @restored as its restored_at (see
 * OMBUD_OUTAGE_END). */
#define OUTAGE_COLUMNS_WITH(restored) "id, outage_id, account_id, area, " \
    "service, started_at, " restored ", planned, scheduled_at, " \
    "notified_at, customers_affected, cause, reported_at, exclusion, " \
    "location_class, customers_restored"
#define OUTAGE_COLUMNS OUTAGE_COLUMNS_WITH("restored_at")

static void read_outage(const PGresult *r, int row, int i, ombud_outage *o)
{
    *o = (ombud_outage){col_text(r, row, i + 1), col_text(r, row, i + 2),
                        col_text(r, row, i + 3), col_text(r, row, i + 4),
                        col_time(r, row, i + 5), col_time(r, row, i + 6),
                        (int)col_int(r, row, i + 7), col_time(r, row, i + 8),
                        col_time(r, row, i + 9), col_int(r, row, i + 10),
                        col_text(r, row, i + 11), col_time(r, row, i + 12),
                        col_text(r, row, i + 13), col_text(r, row, i + 14),
                        PQgetisnull(r, row, i + 15) ? 0
                                                    : col_int(r, row, i + 15)};
}

#define BILLING_COLUMNS "id, account_id, kind, posted_at, amount, currency, " \
    "service, period_start, period_end, due_at, reference, description, area"

static void read_billing(const PGresult *r, int row, int i, ombud_billing *b)
{
    *b = (ombud_billing){col_text(r, row, i + 1), col_text(r, row, i + 2),
                         col_time(r, row, i + 3), col_int(r, row, i + 4),
                         !PQgetisnull(r, row, i + 4), col_text(r, row, i + 5),
                         col_text(r, row, i + 6), col_time(r, row, i + 7),
                         col_time(r, row, i + 8), col_time(r, row, i + 9),
                         col_text(r, row, i + 10), col_text(r, row, i + 11),
                         col_text(r, row, i + 12)};
}

/* A caller's callback and its data, for the row adapters below. */
typedef struct walk {
    void *fn;
    void *ud;
    ombud_pg *pg;        /* remembers the legs' places, when set */
} walk;

/* A leg's place, LEG_PLACE from column @i: kept for the evidence that
 * may name it (ombud_leg_memo). */
#define LEG_PLACE "source_id, " OMBUD_LEG_LINES("")

static void remember_leg(ombud_pg *pg, const PGresult *r, int row, int i)
{
    int none = PQgetisnull(r, row, i) || PQgetisnull(r, row, i + 1);

    ombud_leg_memo_put(&pg->legs, col_int(r, row, 0), col_int(r, row, i),
                       none ? NULL : PQgetvalue(r, row, i + 1),
                       none ? 0 : (size_t)PQgetlength(r, row, i + 1));
}

static int leg_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_call_leg c;

    read_leg(r, row, 0, &c);
    if (w->pg)
        remember_leg(w->pg, r, row, 12);
    return ((ombud_leg_fn)w->fn)(w->ud, col_int(r, row, 0), &c);
}

/* A period [from, to) as $1 and $2. (prm points into itself: never copy one.) */
static void p_period(prm *p, int64_t from, int64_t to)
{
    p_int(p, from);
    p_int(p, to);
}

static ombud_err pg_each_leg(ombud_store *base, int64_t from, int64_t to,
                            ombud_leg_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, pg->in_check ? pg : NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", "SELECT " LEG_COLUMNS ", "
                    LEG_PLACE " FROM call_legs WHERE arrived_at >= $1 AND "
                    "arrived_at < $2 ORDER BY arrived_at, id", &p, leg_row,
                    &w);
}

static int outage_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_outage o;

    read_outage(r, row, 0, &o);
    return ((ombud_outage_fn)w->fn)(w->ud, col_int(r, row, 0), &o);
}

static ombud_err pg_each_outage(ombud_store *base, int64_t from, int64_t to,
                               ombud_outage_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", "SELECT " OUTAGE_COLUMNS_WITH(
                    OMBUD_OUTAGE_END("outages.")) " FROM outages WHERE started_at < $2 "
                    "AND (restored_at IS NULL OR " OMBUD_OUTAGE_END("outages.")
                    " > $1) ORDER BY started_at, id", &p, outage_row, &w);
}

static ombud_err pg_each_outage_started(ombud_store *base, int64_t from,
                                        int64_t to, int ordered,
                                        ombud_outage_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", ordered ? "SELECT "
                    OUTAGE_COLUMNS_WITH(OMBUD_OUTAGE_END("outages.")) " FROM "
                    "outages WHERE started_at >= $1 AND started_at < $2 "
                    "ORDER BY started_at, id" : "SELECT "
                    OUTAGE_COLUMNS_WITH(OMBUD_OUTAGE_END("outages.")) " FROM "
                    "outages WHERE started_at >= $1 AND started_at < $2",
                    &p, outage_row, &w);
}

static int step_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_step p = {col_int(r, row, 0), col_text(r, row, 1),
                    col_int(r, row, 2), col_time(r, row, 3),
                    col_int(r, row, 4)};

    return ((ombud_step_fn)w->fn)(w->ud, &p);
}

static ombud_err pg_each_step(ombud_store *base, int64_t from, int64_t to,
                              ombud_step_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading restoration steps", ombud_each_step_sql, &p,
                    step_row, &w);
}

static int promise_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_call_leg c;
    ombud_promise pr;

    read_leg(r, row, 0, &c);
    pr = (ombud_promise){col_int(r, row, 0), &c, col_int(r, row, 12),
                         col_time(r, row, 13)};
    return ((ombud_promise_fn)w->fn)(w->ud, &pr);
}

static ombud_err pg_each_promise(ombud_store *base, int64_t from, int64_t to,
                                ombud_promise_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", "SELECT c.id, c.call_id, "
                    "c.account_id, c.queue, c.arrived_at, c.answered_at, "
                    "c.ended_at, c.outcome, c.agent_id, c.transferred_to, "
                    "c.ticket_id, c.promised_restore_at, o.id, o.restored_at "
                    "FROM call_legs c LEFT JOIN outages o ON o.outage_id = "
                    "c.ticket_id WHERE c.promised_restore_at >= $1 AND "
                    "c.promised_restore_at < $2 ORDER BY "
                    "c.promised_restore_at, c.id", &p, promise_row, &w);
}

static int billing_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_billing b;

    read_billing(r, row, 0, &b);
    /* Its place (columns 13, 14), for the evidence that may name it: a
     * history reaches back before the period, which the end of the
     * check's fill by period cannot prune to (ten months' partitions
     * probed per row). */
    ombud_leg_memo_put(&w->pg->bills, col_int(r, row, 0), col_int(r, row, 13),
                       PQgetvalue(r, row, 14),
                       (size_t)PQgetlength(r, row, 14));
    return ((ombud_billing_fn)w->fn)(w->ud, col_int(r, row, 0), &b);
}

/* The notices' accounts from the period's partitions; their histories
 * through each month's (account_id, posted_at) index. */
static ombud_err pg_each_noticed_billing(ombud_store *base,
                                         int64_t notice_from,
                                         int64_t notice_to, int64_t to,
                                         ombud_billing_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, pg};
    prm p = {0};

    p_period(&p, notice_from, notice_to);
    p_int(&p, to);
    return each_row(pg, "reading evidence", "SELECT " BILLING_COLUMNS ", "
                    "source_id, " OMBUD_ROW_LINES("") " FROM "
                    "billing_events WHERE posted_at < $3 AND account_id IN "
                    "(SELECT account_id FROM billing_events WHERE kind = "
                    "'notice' AND posted_at >= $1 AND posted_at < $2) "
                    "ORDER BY account_id, posted_at, id", &p, billing_row, &w);
}

#define APPT_COLUMNS "id, appointment_id, account_id, reference, kind, " \
    "booked_at, window_start, window_end, arrived_at, cancelled_at, " \
    "cancelled_by, customer_absent"

/* Read an appointment selected with APPT_COLUMNS starting at column @i. */
static void read_appt(const PGresult *r, int row, int i, ombud_appointment *a)
{
    *a = (ombud_appointment){col_text(r, row, i + 1), col_text(r, row, i + 2),
        col_text(r, row, i + 3), col_text(r, row, i + 4),
        col_time(r, row, i + 5), col_time(r, row, i + 6),
        col_time(r, row, i + 7), col_time(r, row, i + 8),
        col_time(r, row, i + 9), col_text(r, row, i + 10),
        (int)col_int(r, row, i + 11)};
}

#define ORDER_COLUMNS "id, order_id, account_id, service, area, " \
    "location_class, ordered_at, promised_at, promised_all_day, " \
    "completed_at, customer_requested_later, exclusion"

/* Read an order selected with ORDER_COLUMNS starting at column @i. */
static void read_order(const PGresult *r, int row, int i, ombud_order *o)
{
    *o = (ombud_order){col_text(r, row, i + 1), col_text(r, row, i + 2),
        col_text(r, row, i + 3), col_text(r, row, i + 4),
        col_text(r, row, i + 5), col_time(r, row, i + 6),
        col_time(r, row, i + 7), (int)col_int(r, row, i + 8),
        col_time(r, row, i + 9), (int)col_int(r, row, i + 10),
        col_text(r, row, i + 11)};
}

static int appt_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_appointment a;

    read_appt(r, row, 0, &a);
    return ((ombud_appointment_fn)w->fn)(w->ud, col_int(r, row, 0), &a);
}

static ombud_err pg_each_appointment(ombud_store *base, int64_t from, int64_t to,
                                    ombud_appointment_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", "SELECT " APPT_COLUMNS " FROM "
                    "appointments WHERE window_start >= $1 AND window_start "
                    "< $2 ORDER BY window_start, id", &p, appt_row, &w);
}

static int customers_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_customers c = {col_text(r, row, 3), col_int(r, row, 4),
                         col_time(r, row, 5)};

    return ((ombud_customers_fn)w->fn)(w->ud, col_int(r, row, 0),
                                       col_text(r, row, 1),
                                       (long)col_int(r, row, 2), &c);
}

/* As SQLite orders them: a blank as_of (NULL) sorts first there. */
static ombud_err pg_each_customers(ombud_store *base, ombud_customers_fn fn,
                                  void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    return each_row(pg, "reading customers served", "SELECT u.id, s.name, "
                    "u.line, u.area, u.customers_served, u.as_of FROM "
                    "customers u JOIN sources s ON s.id = u.source_id ORDER "
                    "BY u.area, u.as_of NULLS FIRST, u.id", &p,
                    customers_row, &w);
}

static int snapshot_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_snapshot n = {col_text(r, row, 3), col_int(r, row, 4),
                        col_int(r, row, 5)};

    return ((ombud_snapshot_fn)w->fn)(w->ud, col_int(r, row, 0),
                                      col_text(r, row, 1),
                                      (long)col_int(r, row, 2), &n);
}

/* Area names compare bytewise (COLLATE "C"), as SQLite's do. */
static ombud_err pg_each_snapshot(ombud_store *base, int64_t from, int64_t to,
                                  ombud_snapshot_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading snapshots", "SELECT n.id, s.name, n.line, "
                    "n.area, n.at, n.customers_out FROM snapshots n JOIN "
                    "sources s ON s.id = n.source_id WHERE n.at >= $1 AND "
                    "n.at < $2 ORDER BY n.area, n.at, n.id", &p, snapshot_row,
                    &w);
}

static int order_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_order o;

    read_order(r, row, 0, &o);
    return ((ombud_order_fn)w->fn)(w->ud, col_int(r, row, 0), &o);
}

static ombud_err pg_each_order(ombud_store *base, int64_t from, int64_t to,
                              ombud_order_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", "SELECT " ORDER_COLUMNS " FROM "
                    "orders WHERE ordered_at >= $1 AND ordered_at < $2 ORDER "
                    "BY ordered_at, id", &p, order_row, &w);
}

/* An outage's row and end (OMBUD_OUTAGE_END), as ombud_pg->outages holds
 * them. */
typedef struct outage_end {
    int64_t row, restored;
} outage_end;

static void forget_outages(ombud_pg *pg)
{
    if (pg->outages)
        g_hash_table_destroy(pg->outages);
    pg->outages = NULL;
    pg->outages_tried = 0;
}

/* The outage of each ticket of the check's period, as load_outages reads
 * them; stops (and says so) past OUTAGES_CACHE_MAX. */
typedef struct outage_load {
    GHashTable *map;
    int over;
} outage_load;

static int outage_loaded(void *ud, const PGresult *r, int row)
{
    outage_load *l = ud;
    outage_end *e;

    if (g_hash_table_size(l->map) >= OUTAGES_CACHE_MAX)
        return l->over = 1;
    e = g_new(outage_end, 1);
    e->row = PQgetisnull(r, row, 1) ? 0 : col_int(r, row, 1);
    e->restored = col_time(r, row, 2);
    g_hash_table_insert(l->map, g_strdup(PQgetvalue(r, row, 0)), e);
    return 0;
}

/*
 * customer_effort asks for the outage of each ticket of the period, one
 * round trip each (15,000 at 1M legs, 3 s of a 16 s check); the answers
 * cannot change within the check's snapshot. So the outage of every
 * ticket of the check's period is read at once, "none" included: as many
 * as the period's tickets, whatever the store's history (reading every
 * outage of a ten-month store held 200,000). A ticket of another period
 * is asked of the server; so is everything past OUTAGES_CACHE_MAX tickets.
 */
static ombud_err load_outages(ombud_pg *pg)
{
    outage_load l = {g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                           g_free), 0};
    prm p = {0};
    ombud_err err;

    pg->outages_tried = 1;
    p_period(&p, pg->check_from, pg->check_to);
    err = each_row(pg, "looking up an outage", "SELECT t.ticket_id, o.id, "
                   OMBUD_OUTAGE_END("o.") " FROM (SELECT DISTINCT ticket_id "
                   "FROM call_legs WHERE arrived_at >= $1 AND arrived_at < $2 "
                   "AND ticket_id IS NOT NULL) t LEFT JOIN outages o ON "
                   "o.outage_id = t.ticket_id", &p, outage_loaded, &l);
    if (err || l.over)
        g_hash_table_destroy(l.map);
    else
        pg->outages = l.map;
    return err;
}

static ombud_err pg_outage_restored(ombud_store *base, const char *outage_id,
                                   int64_t *row_id, int64_t *restored_at)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    *row_id = 0;
    *restored_at = OMBUD_TIME_NONE;
    if ((err = need_tx(pg)) ||
        (pg->in_check && !pg->outages_tried && (err = load_outages(pg))))
        return err;
    if (pg->in_check && pg->outages) {
        const outage_end *e = g_hash_table_lookup(pg->outages, outage_id);
        if (e) {
            *row_id = e->row;
            *restored_at = e->restored;
            return OMBUD_OK;
        }
    }
    p_text(&p, outage_id);
    if ((err = run(pg, "looking up an outage", "SELECT id, "
                   OMBUD_OUTAGE_END("outages.") " FROM outages WHERE outage_id = $1",
                   &p, &res)))
        return err;
    if (PQntuples(res) == 1) {
        *row_id = col_int(res, 0, 0);
        *restored_at = col_time(res, 0, 1);
    }
    PQclear(res);
    return OMBUD_OK;
}

/* The look-ups queued for ombud_pg_each_asked_billing(), as COPY rows of
 * ombud_asks. */
static ombud_err pg_ask_billing(ombud_store *base, int64_t tag,
                               const ombud_billing_ask *ask)
{
    ombud_pg *pg = (ombud_pg *)base;
    if (!pg->asks)
        pg->asks = g_string_new(NULL);
    g_string_append_printf(pg->asks, "%lld", (long long)tag);
    put(pg->asks, ask->account);
    put(pg->asks, ask->area);
    put(pg->asks, ask->service);
    put_int(pg->asks, ask->from);
    put_int(pg->asks, ask->to);
    put_int(pg->asks, ask->at);
    g_string_append_c(pg->asks, '\n');
    return OMBUD_OK;
}

static int asked_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_billing b;
    int none = PQgetisnull(r, row, 2);

    if (!none)
        read_billing(r, row, 2, &b);
    return ((ombud_asked_fn)w->fn)(w->ud, col_int(r, row, 0),
                                   col_text(r, row, 1),
                                   none ? 0 : col_int(r, row, 2),
                                   none ? NULL : &b);
}

/*
 * The look-ups go to the server as one table and are answered by one
 * statement: the planner can then join a year of billing by hashing
 * instead of probing an index per account (each probe a random read once
 * the store outgrows memory: 30-50 ms each measured on a 46 GB store).
 */
static ombud_err pg_each_asked_billing(ombud_store *base, int64_t lo, int64_t hi,
                                      ombud_asked_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    static const char what[] = "looking up the billing of outages' accounts";
    walk w = {(void *)fn, ud, NULL};
    GString *asks = pg->asks;
    prm p = {0};
    ombud_err err;

    if (!asks)
        return OMBUD_OK;
    pg->asks = NULL;
    p_int(&p, lo);
    p_int(&p, hi);
    if (!(err = need_tx(pg)) && !(err = stop_copy(pg)) &&
        !(err = run_script(pg, what, "DROP TABLE IF EXISTS pg_temp.ombud_asks;"
                           "CREATE TEMP TABLE ombud_asks (tag bigint PRIMARY "
                           "KEY, account text COLLATE \"C\", area text "
                           "COLLATE \"C\", service text COLLATE \"C\", "
                           "f bigint, t bigint, at bigint)")) &&
        !(err = copy_all(pg, what, "COPY ombud_asks FROM STDIN", asks)) &&
        !(err = run(pg, what, "ANALYZE ombud_asks", NULL, NULL)))
        err = each_row(pg, what, OMBUD_ASKED_BILLING_SQL("$1::bigint",
                       "$2::bigint"), &p, asked_row, &w);
    g_string_free(asks, TRUE);
    if (!err)
        err = run(pg, what, "DROP TABLE ombud_asks", NULL, NULL);
    return err;
}

static int grouped_row(void *ud, const PGresult *r, int row)
{
    walk *w = ud;
    ombud_call_leg c;

    read_leg(r, row, 0, &c);
    if (w->pg)
        remember_leg(w->pg, r, row, 14);
    return ((ombud_group_leg_fn)w->fn)(w->ud, col_text(r, row, 12),
                                       (int)col_int(r, row, 13),
                                       col_int(r, row, 0), &c);
}

static ombud_err pg_each_leg_grouped(ombud_store *base, int64_t from, int64_t to,
                                    ombud_group_leg_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, pg->in_check ? pg : NULL};
    prm p = {0};

    p_period(&p, from, to);
    return each_row(pg, "reading evidence", "SELECT " LEG_COLUMNS ", "
                    "coalesce(ticket_id, account_id), (ticket_id IS NOT "
                    "NULL)::int, " LEG_PLACE " FROM call_legs WHERE arrived_at >= $1 AND "
                    "arrived_at < $2 AND coalesce(ticket_id, account_id) IS "
                    "NOT NULL ORDER BY ticket_id IS NULL, coalesce(ticket_id, "
                    "account_id), arrived_at, id", &p, grouped_row, &w);
}

/* ---- findings ---------------------------------------------------------------------- */

/* The advisory lock key of a period: checks of one period take turns. */
static int64_t period_key(int64_t from, int64_t to)
{
    uint64_t h = 1469598103934665603ULL;
    int64_t v[2] = {from, to};
    const unsigned char *b = (const unsigned char *)v;

    for (size_t i = 0; i < sizeof v; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return (int64_t)(h >> 1);
}

/*
 * Two checks of one period take turns (the second replaces the first's
 * findings, as with SQLite); checks of other periods run alongside. The
 * lock is taken before the transaction so that its snapshot sees what
 * the previous holder committed.
 */
static ombud_err pg_begin_check(ombud_store *base, const ombud_check *c)
{
    ombud_pg *pg = (ombud_pg *)base;
    prm k = {0};
    ombud_err err;

    assert(!pg->in_check && !pg->in_file);
    p_int(&k, period_key(c->from, c->to));
    if ((err = end_read(pg)) ||
        (err = run(pg, "waiting for ombud forget", "SELECT "
                   "pg_advisory_lock_shared(" FORGET_LOCK ")", NULL, NULL)))
        return err;
    pg->forget_shared = 1;
    if ((err = run(pg, "waiting for another check of this period",
                   "SELECT pg_advisory_lock($1)", &k, NULL)))
        return err;
    pg->check_lock = period_key(c->from, c->to);
    pg->check_from = c->from;
    pg->check_to = c->to;
    if ((err = run(pg, "starting a check", "BEGIN ISOLATION LEVEL REPEATABLE "
                   "READ", NULL, NULL)))
        return err;
    pg->in_check = 1;
    ombud_leg_memo_clear(&pg->legs);
    ombud_leg_memo_clear(&pg->bills);
    forget_outages(pg);
    return OMBUD_OK;
}

static ombud_err pg_add_check(ombud_store *base, const ombud_check *c,
                              int64_t *check_id)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    p_period(&p, c->from, c->to);
    p_text(&p, c->tz);
    p_text(&p, c->guarantees);
    p_text(&p, c->guarantees_sha256);
    p_text(&p, c->carrier);
    p_text(&p, c->commission);
    p_text(&p, c->docket);
    p_text(&p, c->prepared_by);
    p_text(&p, c->currency);
    p_text(&p, OMBUD_VERSION);
    p_text(&p, c->lang ? c->lang : "en");
    p_int(&p, c->max_rejected_bp);
    p_int(&p, c->allow_incomplete);
    if ((err = run(pg, "recording the check", "INSERT INTO checks "
                   "(period_start, period_end, tz, guarantees, "
                   "guarantees_sha256, carrier, commission, docket, "
                   "prepared_by, currency, tool_version, lang, "
                   "max_rejected_bp, allow_incomplete) VALUES ($1, $2, $3, "
                   "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
                   "RETURNING id", &p, &res)))
        return err;
    *check_id = col_int(res, 0, 0);
    PQclear(res);
    return OMBUD_OK;
}

static void unlock_check(ombud_pg *pg)
{
    prm k = {0};

    if (pg->forget_shared && PQstatus(pg->conn) == CONNECTION_OK)
        PQclear(PQexec(pg->conn, "SELECT pg_advisory_unlock_shared("
                       FORGET_LOCK ")"));
    pg->forget_shared = 0;
    if (!pg->check_lock)
        return;
    p_int(&k, pg->check_lock);
    pg->check_lock = 0;
    if (PQstatus(pg->conn) == CONNECTION_OK)
        PQclear(PQexecParams(pg->conn, "SELECT pg_advisory_unlock($1)", k.n,
                             NULL, k.v, NULL, NULL, 0));
}

static ombud_err flush_findings(ombud_pg *pg);

/*
 * Copy each new evidence row's file and line(s) from its row. Most name
 * a leg or a billing row of the period: looked up by id alone, a row
 * could be in any month's partition, so those are filled first with the
 * period as a bound the planner prunes partitions by (in a store of ten
 * months a look-up by id read all ten); then the rest, by id.
 */
static ombud_err fill_evidence(ombud_pg *pg)
{
    prm p = {0};
    ombud_err err;

    p_int(&p, pg->check_from);
    p_int(&p, pg->check_to);
    if ((err = run(pg, "recording the evidence lines",
                   ombud_evidence_fill_legs_sql, &p, NULL)) ||
        (err = run(pg, "recording the evidence lines",
                   ombud_evidence_fill_billing_sql, &p, NULL)))
        return err;
    return run_script(pg, "recording the evidence lines",
                      ombud_evidence_fill_sql);
}

static ombud_err pg_end_check(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;
    ombud_err err;

    assert(pg->in_check);
    if ((err = flush_findings(pg)) ||
        (err = fill_evidence(pg)) ||
        (err = run_script(pg, "analysing the findings", "ANALYZE checks, "
                          "results, breaches, evidence, figure_runs, series")) ||
        (err = run(pg, "committing the findings", "COMMIT", NULL, NULL))) {
        pg_abort_check(&pg->base);
        return err;
    }
    pg->in_check = 0;
    forget_outages(pg);
    unlock_check(pg);
    return OMBUD_OK;
}

static void pg_abort_check(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;
    for (int i = 0; i < FB_N; i++)
        g_string_truncate(pg->fb[i], 0);
    if (pg->asks) {
        g_string_free(pg->asks, TRUE);
        pg->asks = NULL;
    }
    if (pg->in_check)
        quiet_exec(pg, "ROLLBACK");
    pg->in_check = 0;
    forget_outages(pg);
    unlock_check(pg);
}

/* Run an INSERT ... RETURNING id. */
static ombud_err insert_id(ombud_pg *pg, const char *what, const char *sql,
                           const prm *p, int64_t *id)
{
    PGresult *res;
    ombud_err err = run(pg, what, sql, p, &res);

    if (err)
        return err;
    *id = col_int(res, 0, 0);
    PQclear(res);
    return OMBUD_OK;
}

static ombud_err pg_add_result(ombud_store *base, int64_t check_id, int seq,
                              const char *guarantee_id, const char *kind,
                              const char *promise, const char *source,
                              const char *params, int64_t *result_id)
{
    ombud_pg *pg = (ombud_pg *)base;
    prm p = {0};

    assert(pg->in_check);
    p_int(&p, check_id);
    p_int(&p, seq);
    p_text(&p, guarantee_id);
    p_text(&p, kind);
    p_text(&p, promise);
    p_text(&p, source);
    p_text(&p, params);
    return insert_id(pg, "recording a result", "INSERT INTO results "
                     "(check_id, seq, guarantee_id, kind, promise, source, "
                     "params) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                     &p, result_id);
}

/*
 * A finding's text as stored: whole characters only (a text a rule's
 * buffer cut may hold half a character; SQLite's store keeps the same
 * text, ombud_utf8_scrub). Free with g_free().
 */
static char *whole(const char *v)
{
    char *clean;

    if (!v)
        return NULL;
    clean = ombud_utf8_scrub(v);
    return clean ? clean : g_strdup(v);
}

static ombud_err pg_set_result(ombud_store *base, int64_t result_id,
                              const ombud_result *r)
{
    ombud_pg *pg = (ombud_pg *)base;
    char *mt = whole(r->measured_text), *tt = whole(r->target_text),
         *me = whole(r->method);
    ombud_err err;
    prm p = {0};

    p_int(&p, result_id);
    p_int(&p, r->measured);
    p_int(&p, r->target);
    p_text(&p, r->unit);
    p_text(&p, ombud_verdict_name(r->pass));
    p_int(&p, r->subjects);
    p_int(&p, r->breaches);
    if (r->amount == OMBUD_AMOUNT_NONE)
        p_text(&p, NULL); /* SQL NULL: no money in this guarantee */
    else
        p_int(&p, r->amount);
    p_text(&p, mt);
    p_text(&p, tt);
    p_text(&p, me);
    err = run(pg, "recording a result", "UPDATE results SET measured = $2, "
              "target = $3, unit = $4, status = $5, subjects = $6, breaches "
              "= $7, amount = $8, measured_text = $9, target_text = $10, "
              "method = $11 WHERE id = $1", &p, NULL);
    g_free(mt);
    g_free(tt);
    g_free(me);
    return err;
}

/*
 * Send every gathered findings row, one COPY per table, breaches first
 * (evidence refers to them). Runs between a rule's fetches, when the
 * connection is idle, and at the end of the check: rules never read
 * findings back, and reports read them only after end_check.
 */
static ombud_err flush_findings(ombud_pg *pg)
{
    static const char *const sql[FB_N] = {
        "COPY breaches (id, result_id, subject_kind, subject, at, measured, "
        "limit_value, shortfall, unit, amount, detail) FROM STDIN",
        "COPY evidence (breach_id, tbl, row_id, source_id, lines) FROM STDIN",
        "COPY figure_runs (result_id, subject, name, value, unit, more) "
        "FROM STDIN",
        "COPY series (result_id, name, k, v) FROM STDIN",
    };
    ombud_err err;

    assert(pg->in_check && !pg->copying);
    for (int i = 0; i < FB_N; i++) {
        if (!pg->fb[i]->len)
            continue;
        err = copy_all(pg, "recording the findings", sql[i], pg->fb[i]);
        g_string_truncate(pg->fb[i], 0);
        if (err)
            return err;
    }
    return OMBUD_OK;
}

/*
 * Before findings are read or changed during a check: the rows still
 * gathered must be in the tables first. The engine reads back what a rule
 * wrote for one month of a quarter, and drops that scratch result
 * (engine.c); a DELETE run before its rows were sent would leave them.
 */
static ombud_err settle_findings(ombud_pg *pg)
{
    return pg->in_check && !pg->copying ? flush_findings(pg) : OMBUD_OK;
}

/* A row was gathered: send them all when enough has. */
static ombud_err findings_row_done(ombud_pg *pg)
{
    size_t bytes = 0;

    for (int i = 0; i < FB_N; i++)
        bytes += pg->fb[i]->len;
    return bytes >= FINDINGS_CHUNK ? flush_findings(pg) : OMBUD_OK;
}

/* The next breach id: the rule needs it now, for the breach's evidence. */
static ombud_err next_breach_id(ombud_pg *pg, int64_t *id)
{
    PGresult *res;
    ombud_err err;
    prm p = {0};

    if (pg->used_ids == pg->n_ids) {
        p_int(&p, ID_BLOCK);
        if ((err = run(pg, "numbering breaches", "SELECT nextval("
                       "pg_get_serial_sequence('breaches', 'id')) FROM "
                       "generate_series(1, $1::int)", &p, &res)))
            return err;
        pg->n_ids = PQntuples(res);
        for (int i = 0; i < pg->n_ids; i++)
            pg->ids[i] = col_int(res, i, 0);
        PQclear(res);
        pg->used_ids = 0;
        assert(pg->n_ids == ID_BLOCK);
    }
    *id = pg->ids[pg->used_ids++];
    return OMBUD_OK;
}

static ombud_err pg_add_breach(ombud_store *base, int64_t result_id,
                              const ombud_breach *b, int64_t *breach_id)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *f = pg->fb[FB_BREACHES];
    char *detail;
    ombud_err err;

    assert(pg->in_check && b->subject_kind);
    if ((err = next_breach_id(pg, breach_id)))
        return err;
    detail = whole(b->detail);
    g_string_append_printf(f, "%lld", (long long)*breach_id);
    put_int(f, result_id);
    put(f, b->subject_kind);
    put(f, b->subject);
    put_time(f, b->at);
    put_int(f, b->measured);
    put_int(f, b->limit);
    put_int(f, b->shortfall);
    put(f, b->unit);
    put_int(f, b->amount);
    put(f, detail);
    g_string_append_c(f, '\n');
    g_free(detail);
    return findings_row_done(pg);
}

/* An evidence row; its place as the leg @lp has it (NULL or not known:
 * filled from the rows at the end of the check, fill_evidence). */
static ombud_err add_evidence_row(ombud_pg *pg, int64_t breach_id,
                                  const char *table, int64_t row_id,
                                  const ombud_leg_place *lp)
{
    GString *f = pg->fb[FB_EVIDENCE];

    assert(pg->in_check);
    g_string_append_printf(f, "%lld", (long long)breach_id);
    put(f, table);
    put_int(f, row_id);
    if (lp && lp->known) {
        put_int(f, lp->source_id);
        put(f, lp->lines);
    } else {
        put(f, NULL);
        put(f, NULL);
    }
    g_string_append_c(f, '\n');
    return findings_row_done(pg);
}

static ombud_err pg_add_evidence(ombud_store *base, int64_t breach_id,
                                const char *table, int64_t row_id)
{
    ombud_pg *pg = (ombud_pg *)base;
    ombud_leg_place lp = {0};

    if (!strcmp(table, "call_legs"))
        ombud_leg_memo_get(&pg->legs, row_id, &lp);
    else if (!strcmp(table, "billing_events"))
        ombud_leg_memo_get(&pg->bills, row_id, &lp);
    return add_evidence_row(pg, breach_id, table, row_id, &lp);
}

static void pg_leg_place(ombud_store *base, int64_t row, ombud_leg_place *out)
{
    ombud_leg_memo_get(&((ombud_pg *)base)->legs, row, out);
}

static ombud_err pg_add_leg_evidence(ombud_store *base, int64_t breach_id,
                                     const ombud_leg_place *p)
{
    if (!p->known)
        return pg_add_evidence(base, breach_id, "call_legs", p->row);
    return add_evidence_row((ombud_pg *)base, breach_id, "call_legs", p->row,
                            p);
}

static ombud_err pg_add_figure(ombud_store *base, int64_t result_id,
                              const char *subject, const char *name,
                              int64_t value, const char *unit,
                              const char *more)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *f = pg->fb[FB_FIGURES];

    assert(pg->in_check);
    g_string_append_printf(f, "%lld", (long long)result_id);
    put(f, subject);
    put(f, name);
    put_int(f, value);
    put(f, unit);
    put(f, more);
    g_string_append_c(f, '\n');
    return findings_row_done(pg);
}

static ombud_err pg_add_series(ombud_store *base, int64_t result_id,
                              const char *name, int64_t key, int64_t value)
{
    ombud_pg *pg = (ombud_pg *)base;
    GString *f = pg->fb[FB_SERIES];

    assert(pg->in_check);
    g_string_append_printf(f, "%lld", (long long)result_id);
    put(f, name);
    put_int(f, key);
    put_int(f, value);
    g_string_append_c(f, '\n');
    return findings_row_done(pg);
}

/* ---- reading findings ------------------------------------------------------------ */

static ombud_err pg_check_get(ombud_store *base, int64_t check_id,
                             ombud_check_info *out)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;
    int found;

    memset(out, 0, sizeof *out);
    p_int(&p, check_id);
    if ((err = need_tx(pg)) ||
        (err = run(pg, "reading a check", "SELECT id, period_start, "
                   "period_end, tz, guarantees, guarantees_sha256, carrier, "
                   "commission, docket, prepared_by, currency, tool_version, "
                   "lang, max_rejected_bp, allow_incomplete FROM checks "
                   "WHERE $1::bigint = 0 OR id = $1::bigint ORDER BY id DESC "
                   "LIMIT 1", &p, &res)))
        return err;
    if ((found = PQntuples(res) == 1)) {
        out->id = col_int(res, 0, 0);
        out->from = col_int(res, 0, 1);
        out->to = col_int(res, 0, 2);
        copy_col(res, 0, 3, out->tz, sizeof out->tz);
        copy_col(res, 0, 4, out->guarantees, sizeof out->guarantees);
        copy_col(res, 0, 5, out->guarantees_sha256, sizeof out->guarantees_sha256);
        copy_col(res, 0, 6, out->carrier, sizeof out->carrier);
        copy_col(res, 0, 7, out->commission, sizeof out->commission);
        copy_col(res, 0, 8, out->docket, sizeof out->docket);
        copy_col(res, 0, 9, out->prepared_by, sizeof out->prepared_by);
        copy_col(res, 0, 10, out->currency, sizeof out->currency);
        copy_col(res, 0, 11, out->tool_version, sizeof out->tool_version);
        copy_col(res, 0, 12, out->lang, sizeof out->lang);
        out->max_rejected_bp = col_int(res, 0, 13);
        out->allow_incomplete = col_int(res, 0, 14) != 0;
    }
    PQclear(res);
    return found ? OMBUD_OK : OMBUD_E_DATA;
}

static int result_row(void *ud, const PGresult *s, int i)
{
    walk *w = ud;
    ombud_result_row r;

    memset(&r, 0, sizeof r);
    r.id = col_int(s, i, 0);
    r.seq = (int)col_int(s, i, 1);
    r.guarantee_id = col_text(s, i, 2);
    r.kind = col_text(s, i, 3);
    r.promise = col_text(s, i, 4);
    r.source = col_text(s, i, 5);
    r.params = col_text(s, i, 6);
    r.status = col_text(s, i, 7);
    r.r.measured = col_int(s, i, 8);
    r.r.target = col_int(s, i, 9);
    r.r.unit = col_text(s, i, 10);
    r.r.pass = ombud_verdict_parse(r.status);
    r.r.subjects = col_int(s, i, 11);
    r.r.breaches = col_int(s, i, 12);
    r.r.amount = PQgetisnull(s, i, 13) ? OMBUD_AMOUNT_NONE
                                        : col_int(s, i, 13);
    copy_col(s, i, 14, r.r.measured_text, sizeof r.r.measured_text);
    copy_col(s, i, 15, r.r.target_text, sizeof r.r.target_text);
    copy_col(s, i, 16, r.r.method, sizeof r.r.method);
    return ((ombud_result_fn)w->fn)(w->ud, &r);
}

static ombud_err pg_each_result(ombud_store *base, int64_t check_id,
                               ombud_result_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};

    p_int(&p, check_id);
    return each_row(pg, "reading results", "SELECT id, seq, guarantee_id, "
                    "kind, promise, source, params, status, measured, target, "
                    "unit, subjects, breaches, amount, measured_text, "
                    "target_text, method FROM results WHERE check_id = $1 "
                    "ORDER BY seq", &p, result_row, &w);
}

/* A breach's evidence rows read with it, at most this many (more than
 * its reference text can show; the count is of all of them). */
#define EVIDENCE_SHOWN 500

/*
 * Evidence of one breach as "calls.csv:17, outages.csv:3", cut near @size,
 * from @agg: the query's "<bytes>:<name><lines>;" per row, in evidence
 * order (name lengths, so that no file name can break the list apart;
 * lines are digits and commas).
 */
static int64_t evidence_refs(const char *agg, char *buf, size_t size)
{
    ombud_refs r;
    char *end;

    ombud_refs_init(&r, buf, size);
    while (agg && *agg) {
        unsigned long len = strtoul(agg, &end, 10);
        const char *name = end + 1, *semi;

        if (*end != ':' || strlen(name) < len ||
            !(semi = strchr(name + len, ';')))
            break;
        ombud_refs_add(&r, name, len, name + len,
                       (size_t)(semi - (name + len)));
        agg = semi + 1;
    }
    return r.shown;
}

typedef struct breach_walk {
    ombud_breach_fn fn;
    void *ud;
} breach_walk;

static int breach_row(void *ud, const PGresult *s, int i)
{
    breach_walk *w = ud;
    ombud_breach b;
    char refs[2200];
    int64_t n = col_int(s, i, 10);

    memset(&b, 0, sizeof b);
    b.subject_kind = col_text(s, i, 1);
    copy_col(s, i, 2, b.subject, sizeof b.subject);
    b.at = col_time(s, i, 3);
    b.measured = col_int(s, i, 4);
    b.limit = col_int(s, i, 5);
    b.shortfall = col_int(s, i, 6);
    b.unit = col_text(s, i, 7);
    b.amount = col_int(s, i, 8);
    copy_col(s, i, 9, b.detail, sizeof b.detail);
    return w->fn(w->ud, &b, refs, n,
                 evidence_refs(col_text(s, i, 11), refs, sizeof refs));
}

/* Each breach with its evidence in one walk: a query per breach cost a
 * round trip and a plan each (6,000 breaches took 6 s that way). */
static ombud_err pg_each_breach_of(ombud_store *base, int64_t result_id,
                                  const char *account, ombud_breach_fn fn,
                                  void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    breach_walk w = {fn, ud};
    prm p = {0};
    ombud_err err;

    if ((err = settle_findings(pg)))
        return err;
    p_int(&p, result_id);
    p_text(&p, account);
    p_int(&p, EVIDENCE_SHOWN);
    return each_row(pg, "reading breaches", "SELECT id, subject_kind, subject, "
                    "at, measured, limit_value, shortfall, unit, amount, "
                    "detail, (SELECT count(*) FROM evidence e WHERE "
                    "e.breach_id = b.id), (SELECT string_agg("
                    "octet_length(r.name) || ':' || r.name || r.line || ';', "
                    "'' ORDER BY r.id) FROM (SELECT e.id, src.name, e.lines "
                    "AS line FROM evidence e JOIN sources src ON src.id = "
                    "e.source_id WHERE e.breach_id = b.id ORDER BY e.id "
                    "LIMIT $3) r) FROM breaches b WHERE result_id = $1 "
                    "AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM evidence e "
                    OMBUD_EVIDENCE_JOINS " WHERE e.breach_id = b.id AND "
                    OMBUD_EVIDENCE_ACCOUNT " = $2)) ORDER BY id", &p,
                    breach_row, &w);
}

static int series_row(void *ud, const PGresult *r, int i)
{
    walk *w = ud;
    return ((ombud_series_fn)w->fn)(w->ud, col_int(r, i, 0), col_int(r, i, 1));
}

static ombud_err pg_each_series(ombud_store *base, int64_t result_id,
                               const char *name, ombud_series_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};
    ombud_err err;

    if ((err = settle_findings(pg)))
        return err;
    p_int(&p, result_id);
    p_text(&p, name);
    return each_row(pg, "reading a series", "SELECT k, v FROM series WHERE "
                    "result_id = $1 AND name = $2 ORDER BY k", &p, series_row,
                    &w);
}

static int figure_row(void *ud, const PGresult *r, int i)
{
    walk *w = ud;
    return ((ombud_be_figure_fn)w->fn)(w->ud, col_text(r, i, 0),
                                       col_text(r, i, 1), col_int(r, i, 2),
                                       col_text(r, i, 3), col_text(r, i, 4));
}

static ombud_err pg_each_figure(ombud_store *base, int64_t result_id,
                               ombud_be_figure_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};
    prm p = {0};
    ombud_err err;

    if ((err = settle_findings(pg)))
        return err;
    p_int(&p, result_id);
    return each_row(pg, "reading figures", "SELECT subject, name, value, unit, "
                    "more FROM figure_runs WHERE result_id = $1 ORDER BY id", &p,
                    figure_row, &w);
}

static int source_row(void *ud, const PGresult *s, int i)
{
    walk *w = ud;
    ombud_source_row r = {col_int(s, i, 0), col_text(s, i, 1),
        col_text(s, i, 2), col_text(s, i, 3), col_text(s, i, 4),
        col_text(s, i, 5), col_text(s, i, 12), col_text(s, i, 13),
        col_int(s, i, 6), col_int(s, i, 7),
        {col_int(s, i, 8), col_int(s, i, 9), col_int(s, i, 10),
         col_int(s, i, 11)}};

    return ((ombud_source_fn)w->fn)(w->ud, &r);
}

/* ---- correcting a store: the re-import warning and ombud forget ---------- */


static ombud_err pg_name_clash(ombud_store *base, int64_t source_id,
                              int64_t *other, int64_t *dups)
{
    ombud_pg *pg = (ombud_pg *)base;
    char kind[32] = "", pre[160], mid[160], *sql;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    assert(!pg->in_file && !pg->in_check);
    *other = *dups = 0;
    p_int(&p, source_id);
    if ((err = need_tx(pg)) ||
        (err = run(pg, "reading a source", "SELECT kind FROM sources WHERE "
                   "id = $1", &p, &res)))
        return err;
    if (PQntuples(res))
        copy_col(res, 0, 0, kind, sizeof kind);
    PQclear(res);
    if (!(sql = ombud_name_clash_sql(kind, '$', pre, sizeof pre, mid,
                                     sizeof mid)))
        return OMBUD_OK;
    p_text(&p, pre);
    p_text(&p, mid);
    err = run(pg, "comparing with earlier sources", sql, &p, &res);
    g_free(sql);
    if (err)
        return err;
    if (PQntuples(res)) {
        *other = col_int(res, 0, 0);
        *dups = col_int(res, 0, 1);
    }
    PQclear(res);
    return OMBUD_OK;
}




static ombud_err pg_each_source(ombud_store *base, ombud_source_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};

    return each_row(pg, "reading sources", "SELECT id, kind, name, path, "
                    "sha256, tz, bytes, imported_at, rows_read, rows_stored, "
                    "rows_rejected, rows_counted, settings, notes FROM sources "
                    "ORDER BY id", NULL, source_row,
                    &w);
}

static int reject_row(void *ud, const PGresult *s, int i)
{
    walk *w = ud;
    ombud_reject r = {(long)col_int(s, i, 1), (long)col_int(s, i, 2),
                      col_text(s, i, 3), col_text(s, i, 4), col_text(s, i, 5)};

    return ((ombud_reject_fn)w->fn)(w->ud, col_text(s, i, 0), &r);
}

static ombud_err pg_each_reject(ombud_store *base, ombud_reject_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    walk w = {(void *)fn, ud, NULL};

    return each_row(pg, "reading rejects", "SELECT src.name, r.line, r.col, "
                    "r.field, r.value, r.reason FROM rejects r JOIN sources "
                    "src ON src.id = r.source_id ORDER BY r.source_id, "
                    "r.line, r.id", NULL, reject_row, &w);
}

/* ---- an account's history ----------------------------------------------------------- */

#define SOURCE_NAME(t) "(SELECT name FROM sources WHERE sources.id = " t ".source_id)"

typedef struct event_walk {
    ombud_pg *pg;
    ombud_event_fn fn;
    void *ud;
    ombud_err err;
} event_walk;

static int event_row(void *ud, const PGresult *s, int i)
{
    event_walk *w = ud;
    ombud_event e = {col_int(s, i, 0), col_text(s, i, 1), col_text(s, i, 2),
                     NULL, 0, NULL, NULL, NULL, NULL, NULL};
    ombud_call_leg c;
    ombud_outage o;
    ombud_billing b;
    ombud_appointment a;
    ombud_order d;
    PGresult *q;
    prm p = {0};
    const char *one =
        !strcmp(e.table, "call_legs") ? "SELECT " SOURCE_NAME("call_legs")
            ", line, " LEG_COLUMNS " FROM call_legs WHERE id = $1" :
        !strcmp(e.table, "outages") ? "SELECT " SOURCE_NAME("outages")
            ", line, " OUTAGE_COLUMNS " FROM outages WHERE id = $1" :
        !strcmp(e.table, "appointments") ? "SELECT "
            SOURCE_NAME("appointments") ", line, " APPT_COLUMNS
            " FROM appointments WHERE id = $1" :
        !strcmp(e.table, "orders") ? "SELECT " SOURCE_NAME("orders")
            ", line, " ORDER_COLUMNS " FROM orders WHERE id = $1" :
            "SELECT " SOURCE_NAME("billing_events") ", line, " BILLING_COLUMNS
            " FROM billing_events WHERE id = $1";
    int stop;

    p_int(&p, col_int(s, i, 3));
    if ((w->err = run(w->pg, "reading an event", one, &p, &q)))
        return 1;
    if (PQntuples(q) != 1) {
        PQclear(q);
        return 0;
    }
    e.file = col_text(q, 0, 0);
    e.line = (long)col_int(q, 0, 1);
    if (!strcmp(e.table, "call_legs")) {
        read_leg(q, 0, 2, &c);
        e.leg = &c;
    } else if (!strcmp(e.table, "outages")) {
        read_outage(q, 0, 2, &o);
        e.outage = &o;
    } else if (!strcmp(e.table, "appointments")) {
        read_appt(q, 0, 2, &a);
        e.appt = &a;
    } else if (!strcmp(e.table, "orders")) {
        read_order(q, 0, 2, &d);
        e.order = &d;
    } else {
        read_billing(q, 0, 2, &b);
        e.bill = &b;
    }
    stop = w->fn(w->ud, &e);
    PQclear(q);
    return stop;
}

static ombud_err pg_each_event(ombud_store *base, const char *account,
                              int64_t from, int64_t to, ombud_event_fn fn,
                              void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    event_walk w = {pg, fn, ud, OMBUD_OK};
    prm p = {0};
    ombud_err err;

    p_period(&p, from, to);
    p_text(&p, account);
    err = each_row(pg, "reading an account's events", "SELECT t_at, tbl, "
                   "what, rid FROM ("
                   " SELECT arrived_at t_at, 'call_legs' tbl, '' what, id rid"
                   "  FROM call_legs WHERE account_id = $3"
                   " UNION ALL SELECT started_at, 'outages', 'start', id FROM"
                   "  outages WHERE account_id = $3"
                   " UNION ALL SELECT restored_at, 'outages', 'restored', id"
                   "  FROM outages WHERE account_id = $3 AND restored_at IS"
                   "  NOT NULL"
                   " UNION ALL SELECT posted_at, 'billing_events', '', id FROM"
                   "  billing_events WHERE account_id = $3"
                   " UNION ALL SELECT window_start, 'appointments', '', id"
                   "  FROM appointments WHERE account_id = $3"
                   " UNION ALL SELECT ordered_at, 'orders', 'ordered', id FROM"
                   "  orders WHERE account_id = $3"
                   " UNION ALL SELECT completed_at, 'orders', 'completed', id"
                   "  FROM orders WHERE account_id = $3 AND completed_at IS"
                   "  NOT NULL) x"
                   " WHERE t_at >= $1 AND t_at < $2"
                   " ORDER BY t_at, tbl COLLATE \"C\", rid, what COLLATE \"C\""
                   " DESC", &p, event_row, &w);
    return err ? err : w.err;
}

typedef struct account_walk { ombud_account_fn fn; void *ud; } account_walk;

static int account_row(void *ud, const PGresult *r, int row)
{
    account_walk *w = ud;

    return w->fn(w->ud, col_text(r, row, 0));
}

/* As the SQLite store's: COLLATE "C" gives the same byte order. */
static ombud_err pg_each_account(ombud_store *base, ombud_account_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    account_walk w = {fn, ud};

    return each_row(pg, "reading the accounts", "SELECT a FROM ("
                    "SELECT account_id a FROM call_legs"
                    " UNION SELECT account_id FROM outages"
                    " UNION SELECT account_id FROM billing_events"
                    " UNION SELECT account_id FROM appointments"
                    " UNION SELECT account_id FROM orders) x"
                    " WHERE a IS NOT NULL ORDER BY a COLLATE \"C\"", NULL,
                    account_row, &w);
}

/* ---- the findings digest ------------------------------------------------------------ */

static ombud_err pg_set_source_notes(ombud_store *base, int64_t id,
                                    const char *notes)
{
    ombud_pg *pg = (ombud_pg *)base;
    prm p = {0};
    ombud_err err;

    if ((err = copy_end(pg)))
        return err;
    p_int(&p, id);
    p_text(&p, notes);
    return run(pg, "recording a source's notes", "UPDATE sources SET notes = "
               "$2 WHERE id = $1", &p, NULL);
}


/* ---- the Asterisk inputs: a queue_log's events and legs -------------------------- */

/*
 * A queue_log's events are streamed into ombud_events; when the file ends
 * the importer reads them back in one ordered query and builds legs from
 * them. The query brings with each event what its leg will ask: the CDRs
 * of its callid (cdr_of) and whether legs of its (callid, queue) are
 * stored already (a duplicate leg). Legs of one (callid, queue) come one
 * after another, so their duplicates within the file are found in memory.
 * The built legs go back in COPY statements of about COPY_CHUNK between
 * the fetches of the cursor (batching). What stays a round trip per leg:
 * the accounts map when it is too big to hold, and the duplicate check of
 * a group that has legs stored from another file (overlapping logs).
 */

static ombud_err pg_staged_duplicates(ombud_store *base, int64_t *n)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    ombud_err err;

    *n = 0;
    if ((err = stop_copy(pg)) ||
        (err = run(pg, "counting duplicate events", "SELECT count(*) - "
                   "(SELECT count(*) FROM (SELECT DISTINCT callid, queue, at, "
                   "event, agent, data FROM ombud_events) x) FROM "
                   "ombud_events", NULL, &res)))
        return err;
    *n = col_int(res, 0, 0);
    PQclear(res);
    return OMBUD_OK;
}

/* Replace @g with the group of row @i (columns as in each_staged). */
static void take_group(staged_group *g, const PGresult *r, int i)
{
    g_free(g->callid);
    g_free(g->queue);
    g_free(g->acct);
    g_free(g->src);
    g->callid = g_strdup(PQgetvalue(r, i, 3));
    g->queue = g_strdup(PQgetvalue(r, i, 4));
    g->cdrs = col_int(r, i, 8);
    g->acct = g_strdup(col_text(r, i, 9));
    g->src = g_strdup(col_text(r, i, 10));
    g->stored = !strcmp(PQgetvalue(r, i, 11), "t");
}

/* The importer's callback and its data, for staged_row. */
typedef struct staged_walk {
    ombud_pg *pg;
    ombud_staged_fn fn;
    void *ud;
} staged_walk;

static int staged_row(void *ud, const PGresult *r, int i)
{
    staged_walk *w = ud;
    ombud_pg *pg = w->pg;
    staged_group *g = &pg->grp[0];
    ombud_staged_event e = {(long)col_int(r, i, 0), col_int(r, i, 1),
        (int)col_int(r, i, 2), PQgetvalue(r, i, 3), PQgetvalue(r, i, 4),
        PQgetvalue(r, i, 5), PQgetvalue(r, i, 6), PQgetvalue(r, i, 7)};

    /* A new group: the previous one's last leg may still be built (an
     * unfinished stint is stored when the next group starts). */
    if (!g->callid || strcmp(g->callid, e.callid) || strcmp(g->queue, e.queue)) {
        staged_group old = pg->grp[1];
        pg->grp[1] = pg->grp[0];
        pg->grp[0] = old;
        take_group(&pg->grp[0], r, i);
    }
    return w->fn(w->ud, &e);
}

static ombud_err pg_each_staged(ombud_store *base, ombud_staged_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    staged_walk w = {pg, fn, ud};
    ombud_err err;

    if ((err = stop_copy(pg)) ||
        (err = run(pg, "reading staged events", "ANALYZE ombud_events", NULL,
                   NULL)))
        return err;
    pg->batching = 1;
    /* Exact duplicates (counted by staged_duplicates) keep their first
     * line, as SQLite's UNIQUE key keeps the first one staged. */
    return each_row(pg, "reading staged events", "SELECT e.line, e.at, "
                    "e.rank, e.callid, e.queue, e.agent, e.event, e.data, "
                    "coalesce(k.n, 0), k.acct, k.src, s.call_id IS NOT NULL "
                    "FROM (SELECT DISTINCT ON (callid, queue, at, event, "
                    "agent, data) * FROM ombud_events ORDER BY callid, queue, "
                    "at, event, agent, data, line) e LEFT JOIN (SELECT "
                    "uniqueid, count(*) n, (array_agg(accountcode ORDER BY "
                    "id) FILTER (WHERE accountcode <> ''))[1] acct, "
                    "(array_agg(src ORDER BY id) FILTER (WHERE src <> ''))[1] "
                    "src FROM cdr_records WHERE uniqueid IN (SELECT callid "
                    "FROM ombud_events) GROUP BY uniqueid) k ON k.uniqueid = "
                    "e.callid LEFT JOIN (SELECT DISTINCT call_id, queue FROM "
                    "call_legs WHERE call_id IN (SELECT callid FROM "
                    "ombud_events)) s ON s.call_id = e.callid AND s.queue = "
                    "e.queue ORDER BY e.callid, e.queue, e.at, e.rank, e.line",
                    NULL, staged_row, &w);
}

static ombud_err pg_clear_staged(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;
    ombud_err err;

    if ((err = stop_copy(pg)))
        return err;
    return run(pg, "clearing staged events", "TRUNCATE ombud_events", NULL,
               NULL);
}

/* The group each_staged read for @callid (and @queue, unless NULL). */
static const staged_group *group_of(const ombud_pg *pg, const char *callid,
                                    const char *queue)
{
    for (int i = 0; i < 2; i++) {
        const staged_group *g = &pg->grp[i];
        if (g->callid && !strcmp(g->callid, callid) &&
            (!queue || !strcmp(g->queue, queue)))
            return g;
    }
    return NULL;
}

static ombud_err pg_cdr_of(ombud_store *base, const char *uniqueid,
                          char **account, char **src, int64_t *found)
{
    ombud_pg *pg = (ombud_pg *)base;
    const staged_group *g = group_of(pg, uniqueid, NULL);
    PGresult *res;
    prm p = {0};
    ombud_err err;

    *account = *src = NULL;
    *found = 0;
    if (g) {
        *found = g->cdrs;
        return ombud_be_cdr_copy(g->acct, g->src, account, src);
    }
    p_text(&p, uniqueid);
    if ((err = stop_copy(pg)) || (err = need_tx(pg)) ||
        (err = run(pg, "reading call-detail records", "SELECT count(*), "
                   "(SELECT accountcode FROM cdr_records WHERE uniqueid = $1 "
                   "AND accountcode <> '' ORDER BY id LIMIT 1), (SELECT src "
                   "FROM cdr_records WHERE uniqueid = $1 AND src <> '' ORDER "
                   "BY id LIMIT 1) FROM cdr_records WHERE uniqueid = $1", &p,
                   &res)))
        return err;
    *found = col_int(res, 0, 0);
    err = ombud_be_cdr_copy(col_text(res, 0, 1), col_text(res, 0, 2),
                            account, src);
    PQclear(res);
    return err;
}

/* Read the whole accounts map when it is small enough to hold. */
static ombud_err load_accounts(ombud_pg *pg)
{
    PGresult *res;
    ombud_err err;
    int64_t n;

    pg->accounts_tried = 1;
    if ((err = run(pg, "reading the accounts map", "SELECT count(*) FROM "
                   "accounts", NULL, &res)))
        return err;
    n = col_int(res, 0, 0);
    PQclear(res);
    if (n > ACCOUNTS_CACHE_MAX)
        return OMBUD_OK;
    if ((err = run(pg, "reading the accounts map", "SELECT caller_number, "
                   "account_id FROM accounts", NULL, &res)))
        return err;
    pg->accounts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         g_free);
    for (int i = 0; i < PQntuples(res); i++)
        g_hash_table_insert(pg->accounts, g_strdup(PQgetvalue(res, i, 0)),
                            g_strdup(PQgetvalue(res, i, 1)));
    PQclear(res);
    return OMBUD_OK;
}

static ombud_err pg_account_of(ombud_store *base, const char *number,
                              char **out)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    *out = NULL;
    if ((err = stop_copy(pg)) || (err = need_tx(pg)) ||
        (!pg->accounts_tried && (err = load_accounts(pg))))
        return err;
    if (pg->accounts)
        return ombud_be_text_copy(g_hash_table_lookup(pg->accounts, number),
                                  out);
    p_text(&p, number);
    if ((err = run(pg, "reading the accounts map", "SELECT account_id FROM "
                   "accounts WHERE caller_number = $1", &p, &res)))
        return err;
    if (PQntuples(res) == 1)
        err = ombud_be_text_copy(col_text(res, 0, 0), out);
    PQclear(res);
    return err;
}

/* Is there a stored leg of another file with this key? Its place in @dup. */
static ombud_err stored_leg(ombud_pg *pg, const ombud_call_leg *c, char *dup,
                            size_t dupsize, int *found)
{
    PGresult *res;
    prm p = {0};
    ombud_err err;

    p_text(&p, c->call_id);
    p_text(&p, c->queue);
    p_int(&p, c->arrived_at);
    if ((err = stop_copy(pg)) ||
        (err = run(pg, "looking for a stored leg", "SELECT s.name || ':' || "
                   "c.line FROM call_legs c JOIN sources s ON s.id = "
                   "c.source_id WHERE c.call_id = $1 AND c.queue = $2 AND "
                   "c.arrived_at = $3 LIMIT 1", &p, &res)))
        return err;
    *found = PQntuples(res) == 1;
    if (*found)
        snprintf(dup, dupsize, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    return OMBUD_OK;
}

/* A leg of this file with this key, once its group outgrew memory. */
static ombud_err staged_leg(ombud_pg *pg, const ombud_call_leg *c, char *dup,
                            size_t dupsize, int *found)
{
    PGresult *res;
    prm p = {0};
    ombud_err err;

    p_text(&p, c->call_id);
    p_text(&p, c->queue);
    p_int(&p, c->arrived_at);
    p_text(&p, pg->file_name);
    if ((err = copy_end(pg)) ||
        (err = run(pg, "looking for a leg of this file", "SELECT $4 || ':' || "
                   "line FROM ombud_stage WHERE NOT rj AND t1 = $1 AND t3 = $2 "
                   "AND t4 = $3 ORDER BY rcol LIMIT 1", &p, &res)))
        return err;
    *found = PQntuples(res) == 1;
    if (*found)
        snprintf(dup, dupsize, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    return OMBUD_OK;
}

/*
 * OMBUD_E_DUPLICATE when a leg with the key of @c (call_id, queue,
 * arrived_at) is stored or was built earlier from this file, as SQLite's
 * UNIQUE key answers; else remember @c's key.
 */
static ombud_err queue_log_leg_dup(ombud_pg *pg, long line,
                                   const ombud_call_leg *c, char *dup,
                                   size_t dupsize)
{
    const staged_group *g = group_of(pg, c->call_id, c->queue);
    gpointer first;
    ombud_err err;
    int found = 0;

    if (!pg->legs_callid || strcmp(pg->legs_callid, c->call_id) ||
        strcmp(pg->legs_queue, c->queue)) {
        if (pg->group_legs)
            g_hash_table_remove_all(pg->group_legs);
        else
            pg->group_legs = g_hash_table_new_full(g_int64_hash,
                                                   g_int64_equal, g_free, NULL);
        g_free(pg->legs_callid);
        g_free(pg->legs_queue);
        pg->legs_callid = g_strdup(c->call_id);
        pg->legs_queue = g_strdup(c->queue);
        pg->legs_overflow = 0;
    }
    if ((!g || g->stored) &&
        ((err = stored_leg(pg, c, dup, dupsize, &found)) || found))
        return err ? err : OMBUD_E_DUPLICATE;
    if (g_hash_table_lookup_extended(pg->group_legs, &c->arrived_at, NULL,
                                     &first)) {
        snprintf(dup, dupsize, "%s:%ld", pg->file_name,
                 (long)GPOINTER_TO_SIZE(first));
        return OMBUD_E_DUPLICATE;
    }
    if (pg->legs_overflow &&
        ((err = staged_leg(pg, c, dup, dupsize, &found)) || found))
        return err ? err : OMBUD_E_DUPLICATE;
    if (g_hash_table_size(pg->group_legs) < GROUP_LEGS_MAX) {
        int64_t *at = g_new(int64_t, 1);
        *at = c->arrived_at;
        g_hash_table_insert(pg->group_legs, at,
                            GSIZE_TO_POINTER((gsize)line));
    } else {
        pg->legs_overflow = 1;
    }
    return OMBUD_OK;
}

/* ---- data quality ----------------------------------------------------------- */

/* A shared statement's arguments as parameters (numbers sent as text). */
static void shared_args(prm *p, const ombud_sql_arg *args, int nargs)
{
    for (int i = 0; i < nargs; i++) {
        if (args[i].is_num)
            p_int(p, args[i].num);
        else
            p_text(p, args[i].text);
    }
}

/* A row of a shared statement, handed on as text. */
typedef struct shared_rows {
    ombud_row_fn fn;
    void *ud;
} shared_rows;

static int shared_row(void *ud, const PGresult *res, int row)
{
    shared_rows *r = ud;
    const char *val[OMBUD_SQL_MAX_COLS];
    size_t len[OMBUD_SQL_MAX_COLS];
    int n = PQnfields(res);

    assert(n <= OMBUD_SQL_MAX_COLS);
    for (int i = 0; i < n; i++) {
        val[i] = PQgetisnull(res, row, i) ? NULL : PQgetvalue(res, row, i);
        len[i] = (size_t)PQgetlength(res, row, i);
    }
    return r->fn(r->ud, n, val, len);
}

static ombud_err pg_each_row(ombud_store *base, const char *what,
                             const char *sql, const ombud_sql_arg *args,
                             int nargs, ombud_row_fn fn, void *ud)
{
    ombud_pg *pg = (ombud_pg *)base;
    shared_rows r = {fn, ud};
    prm p = {0};

    shared_args(&p, args, nargs);
    return each_row(pg, what, sql, &p, shared_row, &r);
}

/* A shared statement that returns no rows; @changed (may be NULL)
 * receives how many rows it changed. */
static ombud_err pg_exec(ombud_store *base, const char *what, const char *sql,
                         const ombud_sql_arg *args, int nargs,
                         int64_t *changed)
{
    ombud_pg *pg = (ombud_pg *)base;
    PGresult *res;
    prm p = {0};
    ombud_err err;

    if ((err = settle_findings(pg)))
        return err;
    shared_args(&p, args, nargs);
    if ((err = run(pg, what, sql, &p, &res)))
        return err;
    if (changed)
        *changed = strtoll(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    return OMBUD_OK;
}

/*
 * Correcting the store. Running checks finish first and new ones wait
 * (FORGET_LOCK); an import's duplicate pass, which may name these rows as
 * first copies, takes turns with this transaction ('ombud:rows'). The
 * accounts map cached for account_of may hold rows about to go.
 */
static ombud_err pg_begin_forget(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;
    ombud_err err;

    assert(!pg->in_file && !pg->in_check);
    forget_file_caches(pg);
    if ((err = end_read(pg)) ||
        (err = run(pg, "starting to forget", "BEGIN", NULL, NULL)))
        return err;
    if ((err = run(pg, "waiting for running checks", "SELECT "
                   "pg_advisory_xact_lock(" FORGET_LOCK ")", NULL, NULL)) ||
        (err = run(pg, "waiting for other imports", "SELECT "
                   "pg_advisory_xact_lock(hashtextextended('ombud:rows', 0))",
                   NULL, NULL)))
        quiet_exec(pg, "ROLLBACK");
    else
        pg->in_forget = 1;
    return err;
}

static ombud_err pg_commit(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;

    pg->in_forget = 0;
    return run(pg, "committing", "COMMIT", NULL, NULL);
}

static void pg_rollback(ombud_store *base)
{
    ombud_pg *pg = (ombud_pg *)base;

    pg->in_forget = 0;
    quiet_exec(pg, "ROLLBACK");
}

/* Does @db name a PostgreSQL server rather than an SQLite file? */
static int pg_wants(const char *db)
{
    return ombud_pg_uri(db);
}

const struct ombud_store_be ombud_store_pg = {
    .name = "postgresql",
    .row_key = "id",
    OMBUD_STORE_OPS(pg)
};
