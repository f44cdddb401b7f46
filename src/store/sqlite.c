/*
 * sqlite.c - the SQLite backend of the evidence store (a file).
 *
 * Each sq_<operation> has the contract of its ombud_store_* twin in
 * store.h and is reached through the façade (store.c, backend.h).
 *
 * The schema lives here, in one string, with its version in the meta table.
 * Statements are prepared once per open store and reset after each use:
 * preparing per row would dominate import time.
 *
 * Durability: WAL journal with synchronous=NORMAL. A committed file survives
 * a process kill; a file in progress is one transaction and vanishes whole.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib.h>

#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/sha256.h"
#include "ombud/store.h"
#include "ombud/text.h"
#include "ombud/version.h"
#include "backend.h"

/*
 * Times are INTEGER Unix seconds (UTC); money INTEGER minor units; blank
 * optional values are NULL. Every evidence row carries source_id + line.
 */
/* The view over figure_runs: each run's first figure (k 0), then one row
 * per line of its more, cut at its tabs. */
#define FIGURES_VIEW \
    "CREATE VIEW IF NOT EXISTS figures AS WITH RECURSIVE lines(run, k, " \
    "  result_id, subject, line, rest) AS (SELECT rowid, 0, result_id, " \
    "  subject, NULL, more FROM figure_runs WHERE more IS NOT NULL UNION " \
    "  ALL SELECT run, k + 1, result_id, subject, substr(rest, 1, " \
    "  instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1) " \
    "  FROM lines WHERE instr(rest, char(10)) > 0), parts AS (SELECT run, " \
    "  k, result_id, subject, substr(line, 1, instr(line, char(9)) - 1) AS " \
    "  name, substr(line, instr(line, char(9)) + 1) AS tail FROM lines " \
    "  WHERE k > 0) " \
    "SELECT result_id, subject, name, value, unit, rowid AS run, 0 AS k " \
    "  FROM figure_runs UNION ALL SELECT result_id, subject, name, " \
    "  CAST(substr(tail, 1, instr(tail, char(9)) - 1) AS INTEGER), " \
    "  substr(tail, instr(tail, char(9)) + 1), run, k FROM parts;"

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sources ("
    "  id INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  bytes INTEGER NOT NULL,"
    "  tz TEXT NOT NULL,"
    "  imported_at INTEGER NOT NULL,"
    "  rows_read INTEGER NOT NULL DEFAULT 0,"
    "  rows_stored INTEGER NOT NULL DEFAULT 0,"
    "  rows_rejected INTEGER NOT NULL DEFAULT 0,"
    "  rows_counted INTEGER NOT NULL DEFAULT 0,"
    "  settings TEXT,"
    "  notes TEXT,"
    "  span_first INTEGER,"
    "  span_last INTEGER,"
    "  span_timed INTEGER,"
    "  UNIQUE (kind, sha256));"
    "CREATE TABLE IF NOT EXISTS outages ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  outage_id TEXT NOT NULL UNIQUE,"
    "  account_id TEXT,"
    "  area TEXT,"
    "  service TEXT,"
    "  started_at INTEGER NOT NULL,"
    "  restored_at INTEGER,"
    "  planned INTEGER NOT NULL,"
    "  scheduled_at INTEGER,"
    "  notified_at INTEGER,"
    "  customers_affected INTEGER NOT NULL,"
    "  cause TEXT,"
    "  reported_at INTEGER,"
    "  exclusion TEXT,"
    "  location_class TEXT,"
    "  customers_restored INTEGER);"
    /* The later steps of outages restored in steps (the first is the
     * outage's own row): one per time. */
    "CREATE TABLE IF NOT EXISTS outage_steps ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  outage_id TEXT NOT NULL,"
    "  restored_at INTEGER NOT NULL,"
    "  customers_restored INTEGER NOT NULL,"
    "  UNIQUE (outage_id, restored_at));"
    "CREATE INDEX IF NOT EXISTS outage_steps_source ON "
    "  outage_steps(source_id);"
    "CREATE TABLE IF NOT EXISTS call_legs ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  call_id TEXT NOT NULL,"
    "  account_id TEXT,"
    "  queue TEXT NOT NULL,"
    "  arrived_at INTEGER NOT NULL,"
    "  answered_at INTEGER,"
    "  ended_at INTEGER NOT NULL,"
    "  outcome TEXT NOT NULL,"
    "  agent_id TEXT,"
    "  transferred_to TEXT,"
    "  ticket_id TEXT,"
    "  promised_restore_at INTEGER,"
    "  lines TEXT,"
    "  nlines INTEGER NOT NULL DEFAULT 1,"
    "  UNIQUE (call_id, queue, arrived_at));"
    "CREATE TABLE IF NOT EXISTS billing_events ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  account_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  posted_at INTEGER NOT NULL,"
    "  amount INTEGER,"
    "  currency TEXT NOT NULL,"
    "  service TEXT,"
    "  period_start INTEGER,"
    "  period_end INTEGER,"
    "  due_at INTEGER,"
    "  reference TEXT,"
    "  description TEXT,"
    "  area TEXT);"
    /* Telephony inputs: a caller number -> account map, and call-detail
     * records, kept so that queue_log legs can be given their account. */
    "CREATE TABLE IF NOT EXISTS accounts ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  caller_number TEXT NOT NULL UNIQUE,"
    "  account_id TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS cdr_records ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  uniqueid TEXT,"
    "  linkedid TEXT,"
    "  accountcode TEXT,"
    "  src TEXT,"
    "  dst TEXT,"
    "  dcontext TEXT,"
    "  channel TEXT,"
    "  dstchannel TEXT,"
    "  lastapp TEXT,"
    "  lastdata TEXT,"
    "  start_at INTEGER,"
    "  answer_at INTEGER,"
    "  end_at INTEGER,"
    "  duration INTEGER,"
    "  billsec INTEGER,"
    "  disposition TEXT,"
    "  userfield TEXT);"
    "CREATE TABLE IF NOT EXISTS appointments ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  appointment_id TEXT NOT NULL UNIQUE,"
    "  account_id TEXT,"
    "  reference TEXT,"
    "  kind TEXT,"
    "  booked_at INTEGER,"
    "  window_start INTEGER NOT NULL,"
    "  window_end INTEGER NOT NULL,"
    "  arrived_at INTEGER,"
    "  cancelled_at INTEGER,"
    "  cancelled_by TEXT,"
    "  customer_absent INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS orders ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  order_id TEXT NOT NULL UNIQUE,"
    "  account_id TEXT,"
    "  service TEXT,"
    "  area TEXT,"
    "  location_class TEXT,"
    "  ordered_at INTEGER NOT NULL,"
    "  promised_at INTEGER NOT NULL,"
    "  promised_all_day INTEGER NOT NULL,"
    "  completed_at INTEGER,"
    "  customer_requested_later INTEGER NOT NULL,"
    "  exclusion TEXT);"
    /* Customers served per area (customers.csv), the denominators of the
     * electric reliability indices. No key: a later file for the same
     * area and date is a correction the rule prefers (by row id). */
    "CREATE TABLE IF NOT EXISTS customers ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  area TEXT NOT NULL,"
    "  customers_served INTEGER NOT NULL,"
    "  as_of INTEGER);"
    "CREATE TABLE IF NOT EXISTS rejects ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  col INTEGER NOT NULL,"
    "  field TEXT,"
    "  value TEXT,"
    "  reason TEXT NOT NULL);"
    /* Findings: a check is one evaluation of a guarantees file over a
     * period; it has a result per guarantee, breaches per result, and the
     * evidence rows of each breach (resolved to file:line through
     * source_id and line of the row). */
    "CREATE TABLE IF NOT EXISTS checks ("
    "  id INTEGER PRIMARY KEY,"
    "  period_start INTEGER NOT NULL,"
    "  period_end INTEGER NOT NULL,"
    "  tz TEXT NOT NULL,"
    "  guarantees TEXT NOT NULL,"
    "  guarantees_sha256 TEXT NOT NULL,"
    "  carrier TEXT NOT NULL,"
    "  commission TEXT NOT NULL,"
    "  docket TEXT,"
    "  prepared_by TEXT,"
    "  currency TEXT NOT NULL,"
    "  tool_version TEXT NOT NULL,"
    "  lang TEXT NOT NULL DEFAULT 'en',"  /* language of the findings' texts */
    "  max_rejected_bp INTEGER NOT NULL DEFAULT 50,"
    "  allow_incomplete INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE (period_start, period_end));"
    "CREATE TABLE IF NOT EXISTS results ("
    "  id INTEGER PRIMARY KEY,"
    "  check_id INTEGER NOT NULL REFERENCES checks(id),"
    "  seq INTEGER NOT NULL,"
    "  guarantee_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL,"
    "  promise TEXT NOT NULL,"
    "  source TEXT NOT NULL,"
    "  params TEXT NOT NULL,"
    "  measured INTEGER,"
    "  target INTEGER,"
    "  unit TEXT,"
    "  status TEXT,"
    "  subjects INTEGER,"
    "  breaches INTEGER,"
    "  amount INTEGER,"
    "  measured_text TEXT,"
    "  target_text TEXT,"
    "  method TEXT);"
    "CREATE TABLE IF NOT EXISTS breaches ("
    "  id INTEGER PRIMARY KEY,"
    "  result_id INTEGER NOT NULL REFERENCES results(id),"
    "  subject_kind TEXT NOT NULL,"
    "  subject TEXT NOT NULL,"
    "  at INTEGER,"
    "  measured INTEGER,"
    "  limit_value INTEGER,"
    "  shortfall INTEGER,"
    "  unit TEXT,"
    "  amount INTEGER NOT NULL,"
    "  detail TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS evidence ("
    "  breach_id INTEGER NOT NULL REFERENCES breaches(id),"
    "  tbl TEXT NOT NULL,"
    "  row_id INTEGER NOT NULL,"
    "  source_id INTEGER,"
    "  lines TEXT);"
    /* Figures are stored a run per row (store.c gathers a rule's
     * consecutive figures about one subject): the first figure in
     * name/value/unit, the rest in more, "name\tvalue\tunit\n" each.
     * The view figures spreads them out, a figure per row as before, for
     * whoever reads the store with SQL (run and k give the order). */
    "CREATE TABLE IF NOT EXISTS figure_runs ("
    "  result_id INTEGER NOT NULL REFERENCES results(id),"
    "  subject TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  value INTEGER NOT NULL,"
    "  unit TEXT NOT NULL,"
    "  more TEXT);"
    FIGURES_VIEW
    "CREATE TABLE IF NOT EXISTS series ("
    "  result_id INTEGER NOT NULL REFERENCES results(id),"
    "  name TEXT NOT NULL,"
    "  k INTEGER NOT NULL,"
    "  v INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS appointments_source ON appointments(source_id);"
    "CREATE INDEX IF NOT EXISTS orders_source ON orders(source_id);"
    "CREATE INDEX IF NOT EXISTS accounts_source ON accounts(source_id);"
    "CREATE INDEX IF NOT EXISTS cdr_source ON cdr_records(source_id);"
    "CREATE INDEX IF NOT EXISTS cdr_uniqueid ON cdr_records(uniqueid);"
    "CREATE INDEX IF NOT EXISTS customers_source ON customers(source_id);";

/* Schema 1 -> 2: the outage columns the regulatory standards need (the new
 * tables come with schema_sql). */
static const char upgrade_v1_sql[] =
    "ALTER TABLE outages ADD COLUMN reported_at INTEGER;"
    "ALTER TABLE outages ADD COLUMN exclusion TEXT;"
    "ALTER TABLE outages ADD COLUMN location_class TEXT;";

/* A version 1 or 2 store gains the columns of version 3, the Asterisk
 * inputs (its new tables come from schema_sql, which creates what is
 * missing). */
static const char upgrade_v2_sql[] =
    "ALTER TABLE sources ADD COLUMN rows_counted INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE sources ADD COLUMN settings TEXT;"
    "ALTER TABLE sources ADD COLUMN notes TEXT;"
    "ALTER TABLE call_legs ADD COLUMN lines TEXT;"
    "ALTER TABLE call_legs ADD COLUMN nlines INTEGER NOT NULL DEFAULT 1;";

/* Schema 5: snapshots of customers out per area (snapshots.csv, e.g.
 * EAGLE-I's county counts), the reliability rule's cross-check. Made by
 * every open (IF NOT EXISTS): that creates it in a new store and is the
 * whole upgrade of a version 4 one. No key: a feed may repeat an instant. */
static const char snapshots_sql[] =
    "CREATE TABLE IF NOT EXISTS snapshots ("
    "  id INTEGER PRIMARY KEY,"
    "  source_id INTEGER NOT NULL REFERENCES sources(id),"
    "  line INTEGER NOT NULL,"
    "  area TEXT NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  customers_out INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS snapshots_source ON snapshots(source_id);";

/*
 * The queue_log's events wait here, grouped and ordered by a query, until
 * the whole file is read (its lines are in no particular order). A TEMP
 * table: on disk like the store (SQLite spills it to a temporary file), so
 * a month of 10 million events costs no memory, and part of the file's
 * transaction, so an abort drops it. The UNIQUE key finds exact duplicates.
 */
static const char staged_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS staged ("
    "  line INTEGER NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  rank INTEGER NOT NULL,"
    "  callid TEXT NOT NULL,"
    "  queue TEXT NOT NULL,"
    "  agent TEXT NOT NULL,"
    "  event TEXT NOT NULL,"
    "  data TEXT NOT NULL,"
    "  UNIQUE (callid, queue, at, event, agent, data))";


/* Every prepared statement, by purpose. Order matches stmt_sql[]. */
enum {
    S_FIND_SOURCE, S_ADD_SOURCE, S_SET_COUNTS, S_ADD_OUTAGE, S_ADD_LEG,
    S_ADD_BILLING, S_ADD_REJECT, S_DUP_OUTAGE, S_DUP_LEG,
    S_TOTALS, S_ADD_CHECK, S_ADD_RESULT, S_SET_RESULT, S_ADD_BREACH,
    S_ADD_EVIDENCE, S_ADD_SERIES, S_ADD_FIGURE, S_ADD_APPOINTMENT,
    S_ADD_ORDER, S_DUP_APPOINTMENT, S_DUP_ORDER, S_ADD_ACCOUNT, S_DUP_ACCOUNT,
    S_ACCOUNT_OF, S_ADD_CDR, S_CDR_OF, S_STAGE, S_DUP_STAGED, S_ADD_CUSTOMERS,
    S_ADD_LEG_EVIDENCE, S_ADD_STEP, S_ADD_SNAPSHOT, S_COUNT
};

/* A column of the row an evidence row names (?2 its table, ?3 its id):
 * @leg for a call leg, @other for a row of the other tables. */
#define EVIDENCE_COL(tbl, col) " WHEN '" tbl "' THEN (SELECT " col " FROM " \
    tbl " WHERE id = ?3)"
#define EVIDENCE_OF(leg, other) EVIDENCE_COL("call_legs", leg) \
    EVIDENCE_COL("outages", other) EVIDENCE_COL("billing_events", other) \
    EVIDENCE_COL("appointments", other) EVIDENCE_COL("orders", other) \
    EVIDENCE_COL("customers", other) EVIDENCE_COL("outage_steps", other)

static const char *const stmt_sql[S_COUNT] = {
    [S_FIND_SOURCE] = "SELECT id, rows_read, rows_stored, rows_rejected, "
                      "rows_counted FROM sources WHERE kind = ?1 AND "
                      "sha256 = ?2",
    [S_ADD_SOURCE] = "INSERT INTO sources (kind, name, path, sha256, bytes, "
                     "tz, imported_at, settings) VALUES (?1, ?2, ?3, ?4, ?5, "
                     "?6, ?7, ?8)",
    [S_SET_COUNTS] = "UPDATE sources SET rows_read = ?2, rows_stored = ?3, "
                     "rows_rejected = ?4, rows_counted = ?5 WHERE id = ?1",
    [S_ADD_OUTAGE] = "INSERT INTO outages (source_id, line, outage_id, "
                     "account_id, area, service, started_at, restored_at, "
                     "planned, scheduled_at, notified_at, customers_affected, "
                     "cause, reported_at, exclusion, location_class, "
                     "customers_restored) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                     "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    /* A later step of an outage stored already (?3, started at ?6):
     * stored when that outage is restored in steps and has no step at
     * this time (?4) yet, its own row's included; else nothing, and the
     * row is a duplicate. */
    [S_ADD_STEP] = "INSERT INTO outage_steps (source_id, line, outage_id, "
                   "restored_at, customers_restored) SELECT ?1, ?2, ?3, ?4, "
                   "?5 FROM outages o WHERE o.outage_id = ?3 AND "
                   "o.customers_restored IS NOT NULL AND o.started_at = ?6 "
                   "AND o.restored_at <> ?4 AND NOT EXISTS (SELECT 1 FROM "
                   "outage_steps p WHERE p.outage_id = ?3 AND p.restored_at "
                   "= ?4)",
    [S_ADD_LEG] = "INSERT INTO call_legs (source_id, line, call_id, "
                  "account_id, queue, arrived_at, answered_at, ended_at, "
                  "outcome, agent_id, transferred_to, ticket_id, "
                  "promised_restore_at, lines, nlines) VALUES (?1, ?2, ?3, "
                  "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    [S_ADD_BILLING] = "INSERT INTO billing_events (source_id, line, "
                      "account_id, kind, posted_at, amount, currency, service, "
                      "period_start, period_end, due_at, reference, "
                      "description, area) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                      "?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    [S_ADD_REJECT] = "INSERT INTO rejects (source_id, line, col, field, "
                     "value, reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [S_DUP_OUTAGE] = "SELECT s.name, o.line FROM outages o "
                     "JOIN sources s ON s.id = o.source_id "
                     "WHERE o.outage_id = ?1",
    [S_DUP_LEG] = "SELECT s.name, c.line FROM call_legs c "
                  "JOIN sources s ON s.id = c.source_id WHERE c.call_id = ?1 "
                  "AND c.queue = ?2 AND c.arrived_at = ?3",
    [S_TOTALS] = "SELECT (SELECT count(*) FROM sources),"
                 " (SELECT count(*) FROM outages),"
                 " (SELECT count(*) FROM call_legs),"
                 " (SELECT count(*) FROM billing_events),"
                 " (SELECT count(*) FROM rejects),"
                 " (SELECT count(*) FROM appointments),"
                 " (SELECT count(*) FROM orders)",
    [S_ADD_CHECK] = "INSERT INTO checks (period_start, period_end, tz, "
                    "guarantees, guarantees_sha256, carrier, commission, "
                    "docket, prepared_by, currency, tool_version, lang, "
                    "max_rejected_bp, allow_incomplete) VALUES (?1, ?2, ?3, "
                    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    [S_ADD_RESULT] = "INSERT INTO results (check_id, seq, guarantee_id, kind, "
                     "promise, source, params) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [S_SET_RESULT] = "UPDATE results SET measured = ?2, target = ?3, unit = ?4, "
                     "status = ?5, subjects = ?6, breaches = ?7, amount = ?8, "
                     "measured_text = ?9, target_text = ?10, method = ?11 "
                     "WHERE id = ?1",
    [S_ADD_BREACH] = "INSERT INTO breaches (result_id, subject_kind, subject, "
                     "at, measured, limit_value, shortfall, unit, amount, "
                     "detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    /* The named row's source and line(s) copied in, as
     * ombud_evidence_fill_sql does for old stores: one look-up by rowid
     * per column, in the one table ?2 names (a compound of six took four
     * times as long). */
    [S_ADD_EVIDENCE] = "INSERT INTO evidence (breach_id, tbl, row_id, "
                       "source_id, lines) VALUES (?1, ?2, ?3, CASE ?2 "
                       EVIDENCE_OF("source_id", "source_id") " END, CASE ?2 "
                       EVIDENCE_OF(OMBUD_LEG_LINES(""), OMBUD_ROW_LINES(""))
                       " END)",
    /* ... or given, for a leg the check has just read (leg_memo). */
    [S_ADD_LEG_EVIDENCE] = "INSERT INTO evidence (breach_id, tbl, row_id, "
                           "source_id, lines) VALUES (?1, 'call_legs', ?2, "
                           "?3, ?4)",
    [S_ADD_SERIES] = "INSERT INTO series (result_id, name, k, v) "
                     "VALUES (?1, ?2, ?3, ?4)",
    [S_ADD_FIGURE] = "INSERT INTO figure_runs (result_id, subject, name, value, "
                     "unit, more) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [S_ADD_APPOINTMENT] = "INSERT INTO appointments (source_id, line, "
                          "appointment_id, account_id, reference, kind, "
                          "booked_at, window_start, window_end, arrived_at, "
                          "cancelled_at, cancelled_by, customer_absent) VALUES "
                          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [S_ADD_ORDER] = "INSERT INTO orders (source_id, line, order_id, "
                    "account_id, service, area, location_class, ordered_at, "
                    "promised_at, promised_all_day, completed_at, "
                    "customer_requested_later, exclusion) VALUES (?1, ?2, ?3, "
                    "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [S_DUP_APPOINTMENT] = "SELECT s.name, a.line FROM appointments a "
                          "JOIN sources s ON s.id = a.source_id "
                          "WHERE a.appointment_id = ?1",
    [S_DUP_ORDER] = "SELECT s.name, o.line FROM orders o "
                    "JOIN sources s ON s.id = o.source_id WHERE o.order_id = ?1",
    [S_ADD_ACCOUNT] = "INSERT INTO accounts (source_id, line, caller_number, "
                      "account_id) VALUES (?1, ?2, ?3, ?4)",
    [S_DUP_ACCOUNT] = "SELECT s.name, a.line FROM accounts a JOIN sources s "
                      "ON s.id = a.source_id WHERE a.caller_number = ?1",
    [S_ACCOUNT_OF] = "SELECT account_id FROM accounts WHERE caller_number = ?1",
    [S_ADD_CDR] = "INSERT INTO cdr_records (source_id, line, uniqueid, "
                  "linkedid, accountcode, src, dst, dcontext, channel, "
                  "dstchannel, lastapp, lastdata, start_at, answer_at, end_at, "
                  "duration, billsec, disposition, userfield) VALUES (?1, ?2, "
                  "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
                  "?16, ?17, ?18, ?19)",
    [S_CDR_OF] = "SELECT count(*), (SELECT accountcode FROM cdr_records WHERE "
                 "uniqueid = ?1 AND accountcode <> '' ORDER BY id LIMIT 1), "
                 "(SELECT src FROM cdr_records WHERE uniqueid = ?1 AND src <> "
                 "'' ORDER BY id LIMIT 1) FROM cdr_records WHERE uniqueid = ?1",
    [S_ADD_CUSTOMERS] = "INSERT INTO customers (source_id, line, area, "
                        "customers_served, as_of) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_ADD_SNAPSHOT] = "INSERT INTO snapshots (source_id, line, area, at, "
                       "customers_out) VALUES (?1, ?2, ?3, ?4, ?5)",
    [S_STAGE] = "INSERT INTO staged (line, at, rank, callid, queue, agent, "
                "event, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    [S_DUP_STAGED] = "SELECT line FROM staged WHERE callid = ?1 AND queue = ?2 "
                     "AND at = ?3 AND event = ?4 AND agent = ?5 AND data = ?6",
};

typedef struct sq_store {
    ombud_store base;            /* the façade's part (first: we downcast) */
    sqlite3 *db;                 /* the connection (owned) */
    char *path;                  /* file path, for messages (owned) */
    sqlite3_stmt *stmt[S_COUNT]; /* prepared statements (owned) */
    int in_file;                 /* a file transaction is open */
    int in_check;                /* a findings transaction is open */
    sqlite3_stmt *ask;           /* adds a billing look-up; NULL until the
                                    first is queued (owned) */
    sqlite3_stmt *restored;      /* an outage's restoration; NULL until the
                                    first look-up (owned) */
    ombud_leg_memo legs;         /* the legs last read (backend.h) */
    int account_indexed;         /* account_index() has built it */
    int quiet;                   /* a reader (sq_open_reader): its errors
                                    are the caller's to tell */
    int held;                    /* a store this handle made, held alone
                                    with a rollback journal (settle) */
    unsigned looks;              /* OMBUD_LOOKS_* the open check readied
                                    (all outside a check): see reading() */
} sq_store;

/* A reading that needs the look-up(s) @need (OMBUD_LOOKS_*): in a check,
 * its guarantees must have said so (ombud_rule.looks), or the index
 * behind it may be missing and the reading scans a table per row. */
static void reading(const sq_store *st, unsigned need)
{
    assert((st->looks & need) == need);
    (void)st;
    (void)need;
}

/* Used before their definitions. */
static void sq_abort_file(ombud_store *base);
static void sq_abort_check(ombud_store *base);

/*
 * Report the connection's last error and return OMBUD_E_STORE. When the
 * system refused a write (a full disk, a file size limit, a read-only
 * file) its reason is added: "disk I/O error (File too large)".
 */
static ombud_err db_error(sq_store *st, const char *what)
{
    int rc = sqlite3_errcode(st->db) & 0xff, sys = sqlite3_system_errno(st->db);

    if (st->quiet)
        return OMBUD_E_STORE;
    if (sys && (rc == SQLITE_IOERR || rc == SQLITE_FULL ||
                rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY))
        return ombud_error(OMBUD_E_STORE, NULL, "%s: %s: %s (%s)", st->path,
                           what, sqlite3_errmsg(st->db), strerror(sys));
    return ombud_error(OMBUD_E_STORE, NULL, "%s: %s: %s", st->path, what,
                       sqlite3_errmsg(st->db));
}

/*
 * Switch to WAL. Changing the journal mode takes a lock that SQLite's busy
 * handler does not wait for, so two ombud processes creating one store at
 * the same moment would fail: retry for up to the busy timeout.
 */
static ombud_err set_wal(sq_store *st)
{
    struct timespec pause = {0, 10 * 1000 * 1000};
    int rc;

    for (int i = 0; i < 3000; i++) {
        rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        nanosleep(&pause, NULL);
    }
    /* WAL keeps FILE-wal and FILE-shm beside the store: a folder that
     * cannot hold them makes a store that cannot be written. */
    if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY)
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write store %s: "
                           "cannot create %s-wal and %s-shm beside it (its "
                           "folder must be writable)", st->path, st->path,
                           st->path);
    return rc == SQLITE_OK ? OMBUD_OK : db_error(st, "switching to WAL");
}

/*
 * A store this handle makes is held by it alone, with a rollback journal
 * instead of the WAL, until its files are loaded (settle). In WAL every
 * page of a load was written twice, to FILE-wal and then by the
 * checkpoint into the store, and the pages of a transaction larger than
 * the page cache were spilled to the WAL again each time they changed:
 * 18 % of an ingest into a new store at 1M legs. A rollback journal keeps
 * what a page held before a change, and the pages added at the end of the
 * file held nothing.
 *
 * Alone, because a store must never leave WAL while another connection
 * may be in it: two writers, one through the WAL and one through the
 * journal, each see the other's lock as free (tests/e2e 076 caught a
 * broken key that way). So the store is never switched out of WAL: a
 * store made here starts in the rollback journal with SQLite's exclusive
 * locking, which a second process's first read waits for (as a second
 * writer waits in WAL), and is switched to WAL once, for good. Made with
 * O_EXCL, so that of two processes starting one store only one makes it.
 */
static int create_file(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);

    if (fd < 0)
        return 0;
    close(fd);
    return 1;
}

/*
 * Take the store made here for this handle alone, at once or not at all:
 * a process that opened the new file first holds a lock that would wait
 * for ours, and ours for its, so the store is then shared as any other.
 * Called before the busy timeout is set, so that nothing waits.
 */
static int hold(sq_store *st)
{
    if (sqlite3_exec(st->db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN "
                     "EXCLUSIVE; COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return 1;
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_exec(st->db, "PRAGMA locking_mode = NORMAL", NULL, NULL, NULL);
    return 0;
}

/*
 * Let other connections in: the store goes to WAL, as every store is once
 * its first files are in. Called before anything but a file load (a check,
 * a second connection) and at close. Should the switch fail, the store is
 * sound and whole in the rollback journal, and the next open (set_wal)
 * switches it: only this handle's checks lose their second connection
 * (sq_open_reader).
 */
static void settle(sq_store *st)
{
    if (!st->held)
        return;
    st->held = 0;
    sqlite3_exec(st->db, "PRAGMA locking_mode = NORMAL", NULL, NULL, NULL);
    (void)set_wal(st);
}

static ombud_err exec(sq_store *st, const char *sql)
{
    if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return db_error(st, sql);
    return OMBUD_OK;
}

/* Read the schema version; 0 when the store is new. */
static ombud_err schema_version(sq_store *st, int *version)
{
    sqlite3_stmt *s;
    int rc;

    *version = 0;
    rc = sqlite3_prepare_v2(st->db,
                            "SELECT value FROM meta WHERE key = 'schema_version'",
                            -1, &s, NULL);
    if (rc != SQLITE_OK)
        return db_error(st, "reading the schema version");
    if (sqlite3_step(s) == SQLITE_ROW)
        *version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return OMBUD_OK;
}

/* Is this a database that some other program made? */
static int foreign_database(sq_store *st)
{
    sqlite3_stmt *s;
    int n = 0, has_meta = 0;

    if (sqlite3_prepare_v2(st->db, "SELECT name FROM sqlite_master "
                           "WHERE type = 'table'", -1, &s, NULL) != SQLITE_OK)
        return 1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        n++;
        if (strcmp((const char *)sqlite3_column_text(s, 0), "meta") == 0)
            has_meta = 1;
    }
    sqlite3_finalize(s);
    return n > 0 && !has_meta;
}

/* Add column @name to @table unless it has it (@table and @decl are
 * this file's constants). */
static ombud_err add_column(sq_store *st, const char *table, const char *name,
                            const char *decl)
{
    sqlite3_stmt *s;
    char sql[160];
    int has = 0;

    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM pragma_table_info(?1) "
                           "WHERE name = ?2", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading the schema");
    sqlite3_bind_text(s, 1, table, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, name, -1, SQLITE_STATIC);
    has = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", table, name,
             decl);
    return has ? OMBUD_OK : exec(st, sql);
}

/*
 * Stores made before checks had a column: add it (with the default that
 * held then: English texts, the 0.50% limit, no --allow-incomplete). An
 * added column with a default needs no schema version of its own: older
 * ombud versions ignore it.
 */
static ombud_err add_check_column(sq_store *st, const char *name,
                                  const char *decl)
{
    return add_column(st, "checks", name, decl);
}

/* A store made before figures were stored by runs: its table figures,
 * one figure a row, becomes figure_runs (each row a run of one) and the
 * view takes its name; schema_sql made an empty figure_runs beside it. */
static ombud_err figures_to_runs(sq_store *st)
{
    sqlite3_stmt *s;
    int table;
    ombud_err err;

    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sqlite_master WHERE type = "
                           "'table' AND name = 'figures'", -1, &s,
                           NULL) != SQLITE_OK)
        return db_error(st, "reading the schema");
    table = sqlite3_step(s) == SQLITE_ROW;
    sqlite3_finalize(s);
    if (!table)
        return OMBUD_OK;
    if ((err = exec(st, "DROP TABLE figure_runs;"
                    "ALTER TABLE figures RENAME TO figure_runs;")) ||
        (err = add_column(st, "figure_runs", "more", "TEXT")))
        return err;
    return exec(st, FIGURES_VIEW);
}

/* A version 1 to 3 store gains version 4's copy of each evidence row's
 * source and line(s), filled from the rows, and figures' runs (more; a
 * row of an older store is one figure alone), and loses an index no
 * query used (a ticket's legs are read in one sorted pass). */
static ombud_err upgrade_v3(sq_store *st)
{
    ombud_err err;

    if ((err = figures_to_runs(st)) ||
        (err = add_column(st, "evidence", "source_id", "INTEGER")) ||
        (err = add_column(st, "evidence", "lines", "TEXT")) ||
        (err = exec(st, "DROP INDEX IF EXISTS call_legs_ticket")))
        return err;
    return exec(st, ombud_evidence_fill_sql);
}

/*
 * Each file's span (store.c, record_span), on its source row: an ombud
 * from before spans inserts sources without them (NULL: its rows are
 * counted) and its forget takes them with the row, so no span can be
 * left to a later file given the same id. No schema version of its own.
 */
static ombud_err add_span_columns(sq_store *st)
{
    ombud_err err;

    if ((err = add_column(st, "sources", "span_first", "INTEGER")) ||
        (err = add_column(st, "sources", "span_last", "INTEGER")))
        return err;
    return add_column(st, "sources", "span_timed", "INTEGER");
}

static ombud_err add_check_columns(sq_store *st)
{
    ombud_err err;

    if ((err = add_check_column(st, "lang", "TEXT NOT NULL DEFAULT 'en'")) ||
        (err = add_check_column(st, "max_rejected_bp", "INTEGER NOT NULL "
                                "DEFAULT 50")))
        return err;
    return add_check_column(st, "allow_incomplete", "INTEGER NOT NULL DEFAULT 0");
}

static ombud_err create_schema(sq_store *st)
{
    ombud_err err;
    int version;
    char sql[128];

    if (foreign_database(st))
        return ombud_error(OMBUD_E_STORE, NULL,
                           "%s: not an ombud evidence store", st->path);
    if ((err = exec(st, "BEGIN IMMEDIATE")))
        return err;
    /* Indexes on keys that arrive in random order cost an index insert in
     * a random place per row: they are built only when a check first
     * needs them (ombud_lookup_index_sql), in one sorted pass, and kept
     * up to date after that. (Dropping call_legs_arrived from the load
     * made a 1M-leg import 30% faster.) */
    if ((err = exec(st, schema_sql)) ||
        (err = exec(st, snapshots_sql)) ||
        (err = exec(st, ombud_source_index_sql)) ||
        (err = schema_version(st, &version)) ||
        (err = add_check_columns(st)) ||
        (err = add_span_columns(st)))
        goto fail;
    if (version == 1 && (err = exec(st, upgrade_v1_sql)))
        goto fail;
    if (version > OMBUD_SCHEMA_VERSION) {
        err = ombud_error(OMBUD_E_STORE, NULL,
                          "%s: store schema version %d is newer than this "
                          "ombud supports (%d); upgrade ombud", st->path,
                          version, OMBUD_SCHEMA_VERSION);
        goto fail;
    }
    if ((version == 1 || version == 2) && (err = exec(st, upgrade_v2_sql)))
        goto fail;
    if (version >= 1 && version <= 3 && (err = upgrade_v3(st)))
        goto fail;
    /* Schema 5: step restoration (outage_steps comes with schema_sql). */
    if (version >= 1 && version <= 4 &&
        (err = add_column(st, "outages", "customers_restored", "INTEGER")))
        goto fail;
    snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO meta VALUES "
             "('schema_version', '%d')", OMBUD_SCHEMA_VERSION);
    if ((err = exec(st, sql)))
        goto fail;
    return exec(st, "COMMIT");
fail:
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return err;
}

/* Free the handle (the façade has rolled back what was unfinished). */
static void sq_close(ombud_store *base)
{
    sq_store *st = (sq_store *)base;

    if (st->db)
        settle(st);
    for (int i = 0; i < S_COUNT; i++)
        sqlite3_finalize(st->stmt[i]);
    sqlite3_finalize(st->ask);
    sqlite3_finalize(st->restored);
    sqlite3_close(st->db);
    free(st->path);
    free(st);
}

static ombud_err sq_open(const char *path, ombud_store **out)
{
    sq_store *st;
    ombud_err err;

    assert(path && out);
    *out = NULL;
    /* No memory statistics (ombud reads none): with them every SQLite
     * allocation takes a global mutex, 5 % of an ingest's instructions.
     * Only possible before SQLite is initialised; later opens get
     * SQLITE_MISUSE, which changes nothing. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    st = calloc(1, sizeof *st);
    if (!st || !(st->path = strdup(path))) {
        free(st);
        return OMBUD_E_NOMEM;
    }
    st->held = create_file(path);
    st->looks = OMBUD_LOOKS_ALL;
    /* One connection, one thread: SQLite's per-call mutexes only cost. */
    if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
                        SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot open store %s: %s",
                          path, st->db ? sqlite3_errmsg(st->db) : "no memory");
        sq_close(&st->base);
        return err;
    }
    /* SQLite opens a file it may not write read-only without a word, and
     * would fail only at the first write: say so now, before any read (a
     * read of a WAL store creates FILE-shm and FILE-wal, read-only like
     * the file, which would keep the store unwritable after a chmod). */
    if (sqlite3_db_readonly(st->db, "main") == 1) {
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write store %s: "
                          "the file is read-only", path);
        sq_close(&st->base);
        return err;
    }
    /* Another ombud may hold the write lock on a shared store: wait. */
    if (st->held)
        st->held = hold(st);
    sqlite3_busy_timeout(st->db, 30000);
    /* Probe first so that a wrong file gets a plain message. */
    if (sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master", NULL, NULL,
                     NULL) == SQLITE_NOTADB) {
        err = ombud_error(OMBUD_E_STORE, NULL, "%s: not an ombud evidence "
                          "store (not an SQLite database)", path);
        sq_close(&st->base);
        return err;
    }
    if ((!st->held && (err = set_wal(st))) ||
        (err = exec(st, "PRAGMA synchronous = NORMAL")) ||
        /* 16 MiB of page cache. 64 MiB was no faster for any stage (the
         * keys that arrive in random order are indexed at the first check,
         * not during the load) and cost memory twice over, since SQLite's
         * sorters take the same limit: at 1M call legs peak RSS fell from
         * 99 to 37 MB (ingest), 154 to 54 MB (check), 155 to 61 MB
         * (report), with equal or better times. */
        (err = exec(st, "PRAGMA cache_size = -16384")) ||
        (err = exec(st, "PRAGMA foreign_keys = ON")) ||
        (err = create_schema(st)) || (err = exec(st, staged_sql))) {
        sq_close(&st->base);
        return err;
    }
    for (int i = 0; i < S_COUNT; i++) {
        if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &st->stmt[i],
                               NULL) != SQLITE_OK) {
            err = db_error(st, "preparing statements");
            sq_close(&st->base);
            return err;
        }
    }
    *out = &st->base;
    return OMBUD_OK;
}


/* ---- binding helpers: NULL for blank values ------------------------------ */

static const char *col_text(sqlite3_stmt *s, int i);
static ombud_err end_iteration(sq_store *st, sqlite3_stmt *s, int rc);

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

/*
 * A finding's text as stored: whole characters only. The rules write into
 * fixed buffers, and a text cut short by snprintf may end in half a
 * character, or hold one where an id was cut before the text went on;
 * storing only whole characters keeps the store, the digest and the
 * reports clean UTF-8, and keeps what follows a cut.
 */
static void bind_text_whole(sqlite3_stmt *s, int i, const char *v)
{
    char *clean = v ? ombud_utf8_scrub(v) : NULL;

    if (clean)
        sqlite3_bind_text(s, i, clean, -1, g_free);
    else
        bind_text(s, i, v);
}

static void bind_time(sqlite3_stmt *s, int i, int64_t t)
{
    if (t == OMBUD_TIME_NONE)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_int64(s, i, t);
}

/* Step a statement that returns no rows, then reset it. */
static int step_done(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc;
}

/* ---- sources --------------------------------------------------------------- */

static ombud_err sq_find_source(ombud_store *base, const char *kind,
                                  const char *sha256, int64_t *id,
                                  ombud_counts *counts)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_FIND_SOURCE];
    int rc;

    *id = 0;
    bind_text(s, 1, kind);
    bind_text(s, 2, sha256);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(s, 0);
        if (counts) {
            counts->read = sqlite3_column_int64(s, 1);
            counts->stored = sqlite3_column_int64(s, 2);
            counts->rejected = sqlite3_column_int64(s, 3);
            counts->counted = sqlite3_column_int64(s, 4);
        }
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(st, "looking up a source");
    return OMBUD_OK;
}

static ombud_err sq_has_size(ombud_store *base, const char *kind, int64_t bytes,
                               int *found)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    *found = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM sources WHERE kind = ?1 AND "
                           "bytes = ?2 LIMIT 1", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "looking up a source");
    bind_text(s, 1, kind);
    sqlite3_bind_int64(s, 2, bytes);
    rc = sqlite3_step(s);
    *found = rc == SQLITE_ROW;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? OMBUD_OK
                                                 : db_error(st, "looking up a source");
}

/*
 * The bulk tables' source indexes exist only once a table holds the rows
 * of more than one file. A file that goes into an empty table needs none:
 * its rows are then all the table's, and what reads rows by source (the
 * row accounting at the file's end, a check's data-quality counts,
 * forget) scans the table, which costs about what one pass over the
 * index would. Inserted row by row the index was 16 % of the
 * instructions of an outage ingest, built once after the load 6 % (0.48
 * s of a 3 s, 1.5M-row month); now it is built only when a second file
 * comes, over the rows already there, and kept from then on. Duplicate
 * keys are found by the UNIQUE indexes, which always stay.
 */
static const struct bulk_table {
    const char *kind;       /* the source kind (ombud_input_kinds) */
    const char *empty_sql;  /* a row if the table has any */
    const char *drop_sql;   /* its source index (ombud_bulk_source_index_sql) */
    const char *create_sql;
} bulk_tables[] = {
    {"outages", "SELECT 1 FROM outages LIMIT 1",
     "DROP INDEX IF EXISTS outages_source",
     "CREATE INDEX IF NOT EXISTS outages_source ON outages(source_id)"},
    {"calls", "SELECT 1 FROM call_legs LIMIT 1",
     "DROP INDEX IF EXISTS call_legs_source",
     "CREATE INDEX IF NOT EXISTS call_legs_source ON call_legs(source_id)"},
    {"billing", "SELECT 1 FROM billing_events LIMIT 1",
     "DROP INDEX IF EXISTS billing_source",
     "CREATE INDEX IF NOT EXISTS billing_source ON billing_events(source_id)"},
};

/* In a file's transaction: no source index for @kind's table while it is
 * empty, one as soon as it holds another file's rows (bulk_tables). */
static ombud_err bulk_index(sq_store *st, const char *kind)
{
    const struct bulk_table *t = NULL;
    sqlite3_stmt *s;
    int rc;

    for (size_t i = 0; i < sizeof bulk_tables / sizeof *bulk_tables; i++)
        if (!strcmp(kind, bulk_tables[i].kind))
            t = &bulk_tables[i];
    if (!t)
        return OMBUD_OK;
    if (sqlite3_prepare_v2(st->db, t->empty_sql, -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "looking for rows");
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(st, "looking for rows");
    return exec(st, rc == SQLITE_ROW ? t->create_sql : t->drop_sql);
}

/* Foreign keys checked again, once a file's transaction has ended (the
 * pragma is a no-op inside one). */
static void fk_on(sq_store *st)
{
    sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}

/*
 * The greatest id of each row table, as the file begins (the façade's
 * floors): BEGIN IMMEDIATE holds the write lock until the file ends, and
 * a new rowid is the greatest plus one, so every row of the file lies
 * above. max(id) of an INTEGER PRIMARY KEY is one look-up.
 */
static ombud_err row_floors(sq_store *st)
{
    for (int i = 0; i < OMBUD_ROW_TABLES; i++) {
        char sql[80];
        sqlite3_stmt *s;
        int rc;

        snprintf(sql, sizeof sql, "SELECT max(id) FROM %s",
                 i < OMBUD_ROW_TABLES - 1 ? ombud_source_tables[i]
                                          : "rejects");
        assert(i < OMBUD_ROW_TABLES - 1 ? ombud_source_tables[i] != NULL
                                        : !ombud_source_tables[i]);
        if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
            return db_error(st, "recording the source file");
        rc = sqlite3_step(s);
        if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) == SQLITE_INTEGER)
            st->base.floor[i] = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        if (rc != SQLITE_ROW)
            return db_error(st, "recording the source file");
    }
    return OMBUD_OK;
}

static ombud_err sq_begin_file(ombud_store *base, const ombud_source *src,
                                 int64_t *id)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_SOURCE];
    ombud_err err;

    assert(!st->in_file);
    /* Every row of a file names the source row inserted just below, so
     * its foreign key cannot fail; checking it for every INSERT was 4 %
     * of the instructions of an outage ingest. On again when the file
     * ends (fk_on). */
    if ((err = exec(st, "PRAGMA foreign_keys = OFF")) ||
        (err = exec(st, "BEGIN IMMEDIATE"))) {
        fk_on(st);
        return err;
    }
    st->in_file = 1;
    bind_text(s, 1, src->kind);
    bind_text(s, 2, src->name);
    bind_text(s, 3, src->path);
    bind_text(s, 4, src->sha256);
    sqlite3_bind_int64(s, 5, src->bytes);
    bind_text(s, 6, src->tz);
    sqlite3_bind_int64(s, 7, src->imported_at);
    bind_text(s, 8, src->settings);
    if (step_done(s) != SQLITE_DONE) {
        err = db_error(st, "recording the source file");
        sq_abort_file(&st->base);
        return err;
    }
    *id = sqlite3_last_insert_rowid(st->db);
    if ((err = row_floors(st)) || (err = bulk_index(st, src->kind)))
        sq_abort_file(&st->base);
    else  /* each row kept is seen here (ombud_be_span): no second pass */
        st->base.span_known = 1;
    return err;
}

static ombud_err sq_set_source_checksum(ombud_store *base, int64_t id,
                                          const char *sha256, int64_t bytes)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    assert(st->in_file);
    if (sqlite3_prepare_v2(st->db, "UPDATE sources SET sha256 = ?2, bytes = "
                           "?3 WHERE id = ?1", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "recording a checksum");
    sqlite3_bind_int64(s, 1, id);
    bind_text(s, 2, sha256);
    sqlite3_bind_int64(s, 3, bytes);
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? OMBUD_OK : db_error(st, "recording a checksum");
}

static void sq_abort_file(ombud_store *base)
{
    sq_store *st = (sq_store *)base;
    if (st->in_file) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        fk_on(st);
    }
    st->in_file = 0;
}

/* SQLite finds a duplicate key as the row is inserted: nothing waits. */
static ombud_err sq_end_rows(ombud_store *base, int64_t source_id,
                             ombud_counts *c)
{
    (void)base;
    (void)source_id;
    (void)c;
    return OMBUD_OK;
}

static ombud_err sq_commit_file(ombud_store *base, int64_t source_id,
                                const ombud_counts *c)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_SET_COUNTS];

    assert(st->in_file);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, c->read);
    sqlite3_bind_int64(s, 3, c->stored);
    sqlite3_bind_int64(s, 4, c->rejected);
    sqlite3_bind_int64(s, 5, c->counted);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording row counts");
    if (exec(st, "COMMIT") != OMBUD_OK)
        return OMBUD_E_STORE;
    st->in_file = 0;
    fk_on(st);
    return OMBUD_OK;
}

/* ---- rows ------------------------------------------------------------------ */

/*
 * After a UNIQUE clash: find where the first copy came from with @q (its
 * key bound) and hand the row to the file's on_dup. SQLite checks keys as
 * rows are inserted, so nothing is left for the end of the file.
 */
static ombud_err report_dup(sq_store *st, sqlite3_stmt *q, long line,
                            const char *key, const char *given, int64_t lines)
{
    char first[320];

    if (sqlite3_step(q) == SQLITE_ROW)
        snprintf(first, sizeof first, "%s:%lld", sqlite3_column_text(q, 0),
                 (long long)sqlite3_column_int64(q, 1));
    else
        snprintf(first, sizeof first, "an earlier row");
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return ombud_be_dup(&st->base, &(ombud_dup){line, key, given, first,
                                                 lines});
}

/* Step an insert; map a UNIQUE clash to OMBUD_E_DUPLICATE. */
static ombud_err step_insert(sq_store *st, sqlite3_stmt *s, const char *what)
{
    int rc = step_done(s);

    if (rc == SQLITE_DONE)
        return OMBUD_OK;
    if (rc == SQLITE_CONSTRAINT &&
        sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_UNIQUE)
        return OMBUD_E_DUPLICATE;
    return db_error(st, what);
}

static void bind_count(sqlite3_stmt *s, int i, int64_t n)
{
    if (n <= 0)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_int64(s, i, n);
}

/* A row whose outage_id is stored: a later step of it, or (no change) a
 * duplicate. */
static ombud_err add_step(sq_store *st, int64_t source_id, long line,
                          const ombud_outage *o)
{
    sqlite3_stmt *s = st->stmt[S_ADD_STEP];
    int rc;

    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, o->outage_id);
    bind_time(s, 4, o->restored_at);
    sqlite3_bind_int64(s, 5, o->customers_restored);
    bind_time(s, 6, o->started_at);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return db_error(st, "storing a restoration step");
    return sqlite3_changes(st->db) ? OMBUD_OK : OMBUD_E_DUPLICATE;
}

static ombud_err sq_add_outage(ombud_store *base, int64_t source_id, long line,
                                 const ombud_outage *o)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_OUTAGE];
    ombud_err err;

    assert(st->in_file && o->outage_id);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, o->outage_id);
    bind_text(s, 4, o->account_id);
    bind_text(s, 5, o->area);
    bind_text(s, 6, o->service);
    bind_time(s, 7, o->started_at);
    bind_time(s, 8, o->restored_at);
    sqlite3_bind_int(s, 9, o->planned);
    bind_time(s, 10, o->scheduled_at);
    bind_time(s, 11, o->notified_at);
    sqlite3_bind_int64(s, 12, o->customers_affected);
    bind_text(s, 13, o->cause);
    bind_time(s, 14, o->reported_at);
    bind_text(s, 15, o->exclusion);
    bind_text(s, 16, o->location_class);
    bind_count(s, 17, o->customers_restored);
    err = step_insert(st, s, "storing an outage");
    if (!err)
        ombud_be_span(base, OMBUD_T_OUTAGES, o->started_at);
    if (err == OMBUD_E_DUPLICATE && o->customers_restored > 0)
        err = add_step(st, source_id, line, o);
    if (err == OMBUD_E_DUPLICATE) {
        bind_text(st->stmt[S_DUP_OUTAGE], 1, o->outage_id);
        return report_dup(st, st->stmt[S_DUP_OUTAGE], line, o->outage_id,
                          o->outage_id, 1);
    }
    return err;
}

/* How many input lines a leg stands for: one, or one per number in @lines. */
static int64_t count_lines(const char *lines)
{
    int64_t n = 1;

    for (; lines && *lines; lines++)
        n += *lines == ',';
    return n;
}

static ombud_err sq_add_call_leg(ombud_store *base, int64_t source_id,
                                 long line, const ombud_call_leg *c)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_LEG];
    sqlite3_stmt *q = st->stmt[S_DUP_LEG];
    ombud_err err;

    assert(st->in_file && c->call_id && c->queue && c->outcome);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, c->call_id);
    bind_text(s, 4, c->account_id);
    bind_text(s, 5, c->queue);
    bind_time(s, 6, c->arrived_at);
    bind_time(s, 7, c->answered_at);
    bind_time(s, 8, c->ended_at);
    bind_text(s, 9, c->outcome);
    bind_text(s, 10, c->agent_id);
    bind_text(s, 11, c->transferred_to);
    bind_text(s, 12, c->ticket_id);
    bind_time(s, 13, c->promised_restore_at);
    bind_text(s, 14, c->lines);
    sqlite3_bind_int64(s, 15, count_lines(c->lines));
    err = step_insert(st, s, "storing a call leg");
    if (!err)
        ombud_be_span(base, OMBUD_T_CALL_LEGS, c->arrived_at);
    if (err == OMBUD_E_DUPLICATE) {
        bind_text(q, 1, c->call_id);
        bind_text(q, 2, c->queue);
        sqlite3_bind_int64(q, 3, c->arrived_at);
        return report_dup(st, q, line, c->call_id, c->call_id,
                          count_lines(c->lines));
    }
    return err;
}

static ombud_err sq_add_billing(ombud_store *base, int64_t source_id,
                                  long line, const ombud_billing *b)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_BILLING];
    ombud_err err;

    assert(st->in_file && b->account_id && b->kind && b->currency);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, b->account_id);
    bind_text(s, 4, b->kind);
    bind_time(s, 5, b->posted_at);
    if (b->has_amount)
        sqlite3_bind_int64(s, 6, b->amount);
    else
        sqlite3_bind_null(s, 6);
    bind_text(s, 7, b->currency);
    bind_text(s, 8, b->service);
    bind_time(s, 9, b->period_start);
    bind_time(s, 10, b->period_end);
    bind_time(s, 11, b->due_at);
    bind_text(s, 12, b->reference);
    bind_text(s, 13, b->description);
    bind_text(s, 14, b->area);
    if ((err = step_insert(st, s, "storing a billing event")))
        return err;
    ombud_be_span(base, OMBUD_T_BILLING, b->posted_at);
    return OMBUD_OK;
}

static ombud_err sq_add_appointment(ombud_store *base, int64_t source_id,
                                    long line, const ombud_appointment *a)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_APPOINTMENT];
    ombud_err err;

    assert(st->in_file && a->appointment_id);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, a->appointment_id);
    bind_text(s, 4, a->account_id);
    bind_text(s, 5, a->reference);
    bind_text(s, 6, a->kind);
    bind_time(s, 7, a->booked_at);
    bind_time(s, 8, a->window_start);
    bind_time(s, 9, a->window_end);
    bind_time(s, 10, a->arrived_at);
    bind_time(s, 11, a->cancelled_at);
    bind_text(s, 12, a->cancelled_by);
    sqlite3_bind_int(s, 13, a->customer_absent);
    err = step_insert(st, s, "storing an appointment");
    if (!err)
        ombud_be_span(base, OMBUD_T_APPOINTMENTS, a->window_start);
    if (err == OMBUD_E_DUPLICATE) {
        bind_text(st->stmt[S_DUP_APPOINTMENT], 1, a->appointment_id);
        return report_dup(st, st->stmt[S_DUP_APPOINTMENT], line,
                          a->appointment_id, a->appointment_id, 1);
    }
    return err;
}

static ombud_err sq_set_source_notes(ombud_store *base, int64_t id,
                                       const char *notes)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    assert(st->in_file);
    if (sqlite3_prepare_v2(st->db, "UPDATE sources SET notes = ?2 WHERE id = "
                           "?1", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "recording a source's notes");
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, notes, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? OMBUD_OK
                             : db_error(st, "recording a source's notes");
}

/* ---- telephony inputs -------------------------------------------------------- */

static ombud_err sq_add_account(ombud_store *base, int64_t source_id,
                                  long line, const char *number,
                                const char *account_id, const char *given)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_ACCOUNT];
    ombud_err err;

    assert(st->in_file && number && account_id);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, number);
    bind_text(s, 4, account_id);
    err = step_insert(st, s, "storing an account mapping");
    if (err == OMBUD_E_DUPLICATE) {
        bind_text(st->stmt[S_DUP_ACCOUNT], 1, number);
        return report_dup(st, st->stmt[S_DUP_ACCOUNT], line, number, given,
                          1);
    }
    return err;
}

static ombud_err sq_add_order(ombud_store *base, int64_t source_id, long line,
                              const ombud_order *o)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_ORDER];
    ombud_err err;

    assert(st->in_file && o->order_id);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, o->order_id);
    bind_text(s, 4, o->account_id);
    bind_text(s, 5, o->service);
    bind_text(s, 6, o->area);
    bind_text(s, 7, o->location_class);
    bind_time(s, 8, o->ordered_at);
    bind_time(s, 9, o->promised_at);
    sqlite3_bind_int(s, 10, o->promised_all_day);
    bind_time(s, 11, o->completed_at);
    sqlite3_bind_int(s, 12, o->customer_requested_later);
    bind_text(s, 13, o->exclusion);
    err = step_insert(st, s, "storing an order");
    if (!err)
        ombud_be_span(base, OMBUD_T_ORDERS, o->ordered_at);
    if (err == OMBUD_E_DUPLICATE) {
        bind_text(st->stmt[S_DUP_ORDER], 1, o->order_id);
        return report_dup(st, st->stmt[S_DUP_ORDER], line, o->order_id,
                          o->order_id, 1);
    }
    return err;
}

static ombud_err sq_add_customers(ombud_store *base, int64_t source_id,
                                    long line, const ombud_customers *c)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_CUSTOMERS];

    assert(st->in_file && c->area && c->customers_served >= 0);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, c->area);
    sqlite3_bind_int64(s, 4, c->customers_served);
    bind_time(s, 5, c->as_of);
    return step_insert(st, s, "storing a customers row");
}

static ombud_err sq_add_snapshot(ombud_store *base, int64_t source_id,
                                 long line, const ombud_snapshot *n)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_SNAPSHOT];
    ombud_err err;

    /* at is bound as given: never OMBUD_TIME_NONE (a required time) */
    assert(st->in_file && n->area && n->customers_out >= 0 &&
           n->at != OMBUD_TIME_NONE);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    bind_text(s, 3, n->area);
    sqlite3_bind_int64(s, 4, n->at);
    sqlite3_bind_int64(s, 5, n->customers_out);
    if ((err = step_insert(st, s, "storing a snapshot")))
        return err;
    ombud_be_span(base, OMBUD_T_SNAPSHOTS, n->at);
    return OMBUD_OK;
}

static ombud_err sq_account_of(ombud_store *base, const char *number,
                                 char **out)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ACCOUNT_OF];
    ombud_err err = OMBUD_OK;
    int rc;

    *out = NULL;
    bind_text(s, 1, number);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        err = ombud_be_text_copy(col_text(s, 0), out);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(st, "looking up an account");
    return err;
}

static ombud_err sq_add_cdr(ombud_store *base, int64_t source_id, long line,
                              const ombud_cdr *c)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_CDR];
    const char *text[] = {c->uniqueid, c->linkedid, c->accountcode, c->src,
        c->dst, c->dcontext, c->channel, c->dstchannel, c->lastapp,
        c->lastdata};
    ombud_err err;

    assert(st->in_file);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, line);
    for (int i = 0; i < 10; i++)
        bind_text(s, 3 + i, text[i]);
    bind_time(s, 13, c->start_at);
    bind_time(s, 14, c->answer_at);
    bind_time(s, 15, c->end_at);
    sqlite3_bind_int64(s, 16, c->duration);
    sqlite3_bind_int64(s, 17, c->billsec);
    bind_text(s, 18, c->disposition);
    bind_text(s, 19, c->userfield);
    if ((err = step_insert(st, s, "storing a call-detail record")))
        return err;
    ombud_be_span(base, OMBUD_T_CDR, c->start_at);
    return OMBUD_OK;
}

static ombud_err sq_cdr_of(ombud_store *base, const char *uniqueid,
                             char **account, char **src, int64_t *found)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_CDR_OF];
    ombud_err err = OMBUD_OK;
    int rc;

    *account = *src = NULL;
    *found = 0;
    bind_text(s, 1, uniqueid);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        *found = sqlite3_column_int64(s, 0);
        err = ombud_be_cdr_copy(col_text(s, 1), col_text(s, 2), account,
                                src);
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_ROW)
        return db_error(st, "reading call-detail records");
    return err;
}

static ombud_err sq_stage_event(ombud_store *base, const ombud_staged_event *e,
                                  long *first)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_STAGE], *q = st->stmt[S_DUP_STAGED];
    ombud_err err;

    assert(st->in_file);
    sqlite3_bind_int64(s, 1, e->line);
    sqlite3_bind_int64(s, 2, e->at);
    sqlite3_bind_int(s, 3, e->rank);
    bind_text(s, 4, e->callid);
    bind_text(s, 5, e->queue);
    bind_text(s, 6, e->agent);
    bind_text(s, 7, e->event);
    bind_text(s, 8, e->data);
    err = step_insert(st, s, "staging a queue_log event");
    if (err != OMBUD_E_DUPLICATE)
        return err;
    bind_text(q, 1, e->callid);
    bind_text(q, 2, e->queue);
    sqlite3_bind_int64(q, 3, e->at);
    bind_text(q, 4, e->event);
    bind_text(q, 5, e->agent);
    bind_text(q, 6, e->data);
    *first = sqlite3_step(q) == SQLITE_ROW ? (long)sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return OMBUD_E_DUPLICATE;
}

static ombud_err sq_staged_duplicates(ombud_store *base, int64_t *n)
{
    (void)base;
    *n = 0;  /* stage_event refused them */
    return OMBUD_OK;
}

static ombud_err sq_each_staged(ombud_store *base, ombud_staged_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_staged_event e;
    int rc;

    /* The UNIQUE index serves callid, queue, at; SQLite sorts only within
     * each second, so the sort stays small however big the file. */
    if (sqlite3_prepare_v2(st->db, "SELECT line, at, rank, callid, queue, "
                           "agent, event, data FROM staged ORDER BY callid, "
                           "queue, at, rank, line", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading staged events");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        e = (ombud_staged_event){(long)sqlite3_column_int64(s, 0),
            sqlite3_column_int64(s, 1), sqlite3_column_int(s, 2),
            col_text(s, 3), col_text(s, 4), col_text(s, 5), col_text(s, 6),
            col_text(s, 7)};
        if (fn(ud, &e))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_clear_staged(ombud_store *base)
{
    sq_store *st = (sq_store *)base;
    return exec(st, "DELETE FROM staged");
}

static ombud_err sq_add_reject(ombud_store *base, int64_t source_id,
                                 const ombud_reject *r)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_REJECT];

    assert(st->in_file && r->reason);
    sqlite3_bind_int64(s, 1, source_id);
    sqlite3_bind_int64(s, 2, r->line);
    sqlite3_bind_int64(s, 3, r->col);
    bind_text(s, 4, r->field);
    bind_text(s, 5, r->value);
    bind_text(s, 6, r->reason);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "storing a rejected row");
    return OMBUD_OK;
}

static ombud_err sq_totals_get(ombud_store *base, ombud_store_totals *t)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_TOTALS];
    int rc = sqlite3_step(s);

    if (rc == SQLITE_ROW) {
        t->sources = sqlite3_column_int64(s, 0);
        t->outages = sqlite3_column_int64(s, 1);
        t->call_legs = sqlite3_column_int64(s, 2);
        t->billing_events = sqlite3_column_int64(s, 3);
        t->rejects = sqlite3_column_int64(s, 4);
        t->appointments = sqlite3_column_int64(s, 5);
        t->orders = sqlite3_column_int64(s, 6);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? OMBUD_OK : db_error(st, "counting totals");
}

/* ---- data quality ------------------------------------------------------------ */







/* ---- reading evidence ------------------------------------------------------ */

static ombud_err sq_data_span(ombud_store *base, int64_t *from, int64_t *to)
{
    sq_store *st = (sq_store *)base;
    static const char sql[] =
        "SELECT min(a), max(b) FROM ("
        " SELECT min(started_at) a, max(coalesce(restored_at, started_at)) b"
        "  FROM outages"
        " UNION ALL SELECT min(arrived_at), max(ended_at) FROM call_legs"
        " UNION ALL SELECT min(posted_at), max(posted_at) FROM billing_events"
        " UNION ALL SELECT min(window_start), max(window_end) FROM appointments"
        " UNION ALL SELECT min(ordered_at), max(coalesce(completed_at, "
        "  promised_at)) FROM orders)";
    sqlite3_stmt *s;
    int rc, empty = 1;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "finding the span of the data");
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL) {
        *from = sqlite3_column_int64(s, 0);
        *to = sqlite3_column_int64(s, 1) + 1;
        empty = 0;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW)
        return db_error(st, "finding the span of the data");
    return empty ? OMBUD_E_DATA : OMBUD_OK;
}

static ombud_err sq_billing_last(ombud_store *base, int64_t *last)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    *last = OMBUD_TIME_NONE;
    if (sqlite3_prepare_v2(st->db, "SELECT max(posted_at) FROM "
                           "billing_events", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "finding where the billing ends");
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
        *last = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? OMBUD_OK :
           db_error(st, "finding where the billing ends");
}

static const char *col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

static int64_t col_time(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? OMBUD_TIME_NONE
                                                    : sqlite3_column_int64(s, i);
}

static int64_t col_count(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? 0
                                                    : sqlite3_column_int64(s, i);
}

#define LEG_COLUMNS "id, call_id, account_id, queue, arrived_at, answered_at, " \
    "ended_at, outcome, agent_id, transferred_to, ticket_id, promised_restore_at"

/* A leg's file and line(s), as the evidence that names it keeps them. */
#define LEG_PLACE "source_id, " OMBUD_LEG_LINES("")

/* Keep the place of the leg in row @s (LEG_COLUMNS from column 0,
 * LEG_PLACE from column @i) for the evidence that may name it. */
static void remember_leg(sq_store *st, sqlite3_stmt *s, int i)
{
    /* The type before any conversion (SQLite's documented order). */
    int none = sqlite3_column_type(s, i) == SQLITE_NULL;
    const char *lines = col_text(s, i + 1);
    size_t n = lines ? (size_t)sqlite3_column_bytes(s, i + 1) : 0;

    ombud_leg_memo_put(&st->legs, sqlite3_column_int64(s, 0),
                       sqlite3_column_int64(s, i), none ? NULL : lines, n);
}

/* Read a leg selected with LEG_COLUMNS starting at column @i. */
static void read_leg(sqlite3_stmt *s, int i, ombud_call_leg *c)
{
    c->call_id = col_text(s, i + 1);
    c->account_id = col_text(s, i + 2);
    c->queue = col_text(s, i + 3);
    c->arrived_at = col_time(s, i + 4);
    c->answered_at = col_time(s, i + 5);
    c->ended_at = col_time(s, i + 6);
    c->outcome = col_text(s, i + 7);
    c->agent_id = col_text(s, i + 8);
    c->transferred_to = col_text(s, i + 9);
    c->ticket_id = col_text(s, i + 10);
    c->promised_restore_at = col_time(s, i + 11);
}

/* Prepare @sql, bind the period as ?1 and ?2. */
static ombud_err prepare_period(sq_store *st, const char *sql, int64_t from,
                                int64_t to, sqlite3_stmt **s)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK)
        return db_error(st, "reading evidence");
    sqlite3_bind_int64(*s, 1, from);
    sqlite3_bind_int64(*s, 2, to);
    return OMBUD_OK;
}

/* Finish an iteration: a stop by the callback is not an error. */
static ombud_err end_iteration(sq_store *st, sqlite3_stmt *s, int rc)
{
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return db_error(st, "reading evidence");
    return OMBUD_OK;
}

static ombud_err sq_each_leg(ombud_store *base, int64_t from, int64_t to,
                               ombud_leg_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_call_leg c;
    ombud_err err;
    int rc;

    if ((err = prepare_period(st, "SELECT " LEG_COLUMNS ", " LEG_PLACE " FROM "
                              "call_legs WHERE arrived_at >= ?1 AND "
                              "arrived_at < ?2 ORDER BY arrived_at, id", from,
                              to, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_leg(s, 0, &c);
        remember_leg(st, s, 12);
        if (fn(ud, sqlite3_column_int64(s, 0), &c))
            break;
    }
    return end_iteration(st, s, rc);
}

#define OUTAGE_SELECT "SELECT id, outage_id, account_id, area, service, " \
    "started_at, " OMBUD_OUTAGE_END("outages.") " ended, planned, " \
    "scheduled_at, notified_at, customers_affected, cause, reported_at, " \
    "exclusion, location_class, customers_restored FROM outages "

/* Hand each row of @s, selected by OUTAGE_SELECT, to @fn. */
static ombud_err each_outage_row(sq_store *st, sqlite3_stmt *s,
                                 ombud_outage_fn fn, void *ud)
{
    ombud_outage o;
    int rc;

    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        o = (ombud_outage){col_text(s, 1), col_text(s, 2), col_text(s, 3),
                           col_text(s, 4), col_time(s, 5), col_time(s, 6),
                           sqlite3_column_int(s, 7), col_time(s, 8),
                           col_time(s, 9), sqlite3_column_int64(s, 10),
                           col_text(s, 11), col_time(s, 12), col_text(s, 13),
                           col_text(s, 14), col_count(s, 15)};
        if (fn(ud, sqlite3_column_int64(s, 0), &o))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_outage(ombud_store *base, int64_t from, int64_t to,
                                  ombud_outage_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_err err;

    if ((err = prepare_period(st, OUTAGE_SELECT "WHERE started_at < ?2 AND "
                              "(restored_at IS NULL OR ended > ?1) "
                              "ORDER BY started_at, id", from, to, &s)))
        return err;
    return each_outage_row(st, s, fn, ud);
}

/* Unordered, the unary + keeps SQLite off the start index: without
 * statistics it would walk it, reading the table at random. */
static ombud_err sq_each_outage_started(ombud_store *base, int64_t from,
                                        int64_t to, int ordered,
                                        ombud_outage_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_err err;

    if ((err = prepare_period(st, ordered ?
                              OUTAGE_SELECT "WHERE started_at >= ?1 AND "
                              "started_at < ?2 ORDER BY started_at, id" :
                              OUTAGE_SELECT "WHERE +started_at >= ?1 AND "
                              "+started_at < ?2", from, to, &s)))
        return err;
    return each_outage_row(st, s, fn, ud);
}

static sqlite3_stmt *prepare_shared(sq_store *st, const char *sql,
                                    const ombud_sql_arg *args, int nargs);

static ombud_err sq_each_step(ombud_store *base, int64_t from, int64_t to,
                               ombud_step_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    const ombud_sql_arg period[2] = {{NULL, from, 1}, {NULL, to, 1}};
    sqlite3_stmt *s;
    ombud_step p;
    int rc;

    reading(st, OMBUD_LOOKS_STEPS);
    s = prepare_shared(st, ombud_each_step_sql, period, 2);
    if (!s)
        return db_error(st, "reading restoration steps");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        p = (ombud_step){sqlite3_column_int64(s, 0), col_text(s, 1),
                         sqlite3_column_int64(s, 2), col_time(s, 3),
                         sqlite3_column_int64(s, 4)};
        if (fn(ud, &p))
            break;
    }
    return end_iteration(st, s, rc);
}

#define APPT_COLUMNS "id, appointment_id, account_id, reference, kind, " \
    "booked_at, window_start, window_end, arrived_at, cancelled_at, " \
    "cancelled_by, customer_absent"

/* Read an appointment selected with APPT_COLUMNS starting at column @i. */
static void read_appt(sqlite3_stmt *s, int i, ombud_appointment *a)
{
    *a = (ombud_appointment){col_text(s, i + 1), col_text(s, i + 2),
        col_text(s, i + 3), col_text(s, i + 4), col_time(s, i + 5),
        col_time(s, i + 6), col_time(s, i + 7), col_time(s, i + 8),
        col_time(s, i + 9), col_text(s, i + 10), sqlite3_column_int(s, i + 11)};
}

#define ORDER_COLUMNS "id, order_id, account_id, service, area, " \
    "location_class, ordered_at, promised_at, promised_all_day, " \
    "completed_at, customer_requested_later, exclusion"

/* Read an order selected with ORDER_COLUMNS starting at column @i. */
static void read_order(sqlite3_stmt *s, int i, ombud_order *o)
{
    *o = (ombud_order){col_text(s, i + 1), col_text(s, i + 2),
        col_text(s, i + 3), col_text(s, i + 4), col_text(s, i + 5),
        col_time(s, i + 6), col_time(s, i + 7), sqlite3_column_int(s, i + 8),
        col_time(s, i + 9), sqlite3_column_int(s, i + 10), col_text(s, i + 11)};
}

static ombud_err sq_each_appointment(ombud_store *base, int64_t from,
                                       int64_t to, ombud_appointment_fn fn,
                                       void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_appointment a;
    ombud_err err;
    int rc;

    if ((err = prepare_period(st, "SELECT " APPT_COLUMNS " FROM appointments "
                              "WHERE window_start >= ?1 AND window_start < ?2 "
                              "ORDER BY window_start, id", from, to, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_appt(s, 0, &a);
        if (fn(ud, sqlite3_column_int64(s, 0), &a))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_customers(ombud_store *base, ombud_customers_fn fn,
                                     void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_customers c;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT u.id, s.name, u.line, u.area, "
                           "u.customers_served, u.as_of FROM customers u "
                           "JOIN sources s ON s.id = u.source_id ORDER BY "
                           "u.area, u.as_of, u.id", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading customers served");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        c = (ombud_customers){col_text(s, 3), sqlite3_column_int64(s, 4),
                              col_time(s, 5)};
        if (fn(ud, sqlite3_column_int64(s, 0), col_text(s, 1),
               (long)sqlite3_column_int64(s, 2), &c))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_snapshot(ombud_store *base, int64_t from, int64_t to,
                                  ombud_snapshot_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_snapshot n;
    ombud_err err;
    int rc;

    if ((err = prepare_period(st, "SELECT n.id, s.name, n.line, n.area, n.at, "
                              "n.customers_out FROM snapshots n JOIN sources "
                              "s ON s.id = n.source_id WHERE n.at >= ?1 AND "
                              "n.at < ?2 ORDER BY n.area, n.at, n.id", from,
                              to, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        n = (ombud_snapshot){col_text(s, 3), sqlite3_column_int64(s, 4),
                             sqlite3_column_int64(s, 5)};
        if (fn(ud, sqlite3_column_int64(s, 0), col_text(s, 1),
               (long)sqlite3_column_int64(s, 2), &n))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_order(ombud_store *base, int64_t from, int64_t to,
                                 ombud_order_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_order o;
    ombud_err err;
    int rc;

    if ((err = prepare_period(st, "SELECT " ORDER_COLUMNS " FROM orders "
                              "WHERE ordered_at >= ?1 AND ordered_at < ?2 "
                              "ORDER BY ordered_at, id", from, to, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_order(s, 0, &o);
        if (fn(ud, sqlite3_column_int64(s, 0), &o))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_promise(ombud_store *base, int64_t from, int64_t to,
                                   ombud_promise_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_call_leg c;
    ombud_promise p;
    ombud_err err;
    int rc;

    reading(st, OMBUD_LOOKS_PROMISES);
    if ((err = prepare_period(st, "SELECT c.id, c.call_id, c.account_id, "
                              "c.queue, c.arrived_at, c.answered_at, "
                              "c.ended_at, c.outcome, c.agent_id, "
                              "c.transferred_to, c.ticket_id, "
                              "c.promised_restore_at, o.id, o.restored_at "
                              "FROM call_legs c LEFT JOIN outages o ON "
                              "o.outage_id = c.ticket_id WHERE "
                              "c.promised_restore_at >= ?1 AND "
                              "c.promised_restore_at < ?2 "
                              "ORDER BY c.promised_restore_at, c.id",
                              from, to, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_leg(s, 0, &c);
        p = (ombud_promise){sqlite3_column_int64(s, 0), &c,
                            sqlite3_column_int64(s, 12), col_time(s, 13)};
        if (fn(ud, &p))
            break;
    }
    return end_iteration(st, s, rc);
}

/* ---- findings ---------------------------------------------------------------- */

static ombud_err sq_begin_check(ombud_store *base, const ombud_check *c)
{
    sq_store *st = (sq_store *)base;
    ombud_err err;

    assert(!st->in_check && !st->in_file);
    settle(st);
    /* The look-up indexes in a transaction of their own, committed before
     * the check's: the guarantees judged on the worker read through
     * connections of their own, which see only what is committed (on a
     * store's first check, payment_notice sorted every billing row). Only
     * those of the look-ups the check makes: at 10M outages the areas'
     * alone took 10 s of a reliability check, which asks none. */
    if ((err = exec(st, "BEGIN IMMEDIATE")))
        return err;
    for (const ombud_lookup_index *ix = ombud_lookup_indexes; ix->sql && !err;
         ix++)
        if ((ix->looks & c->looks) == ix->looks)
            err = exec(st, ix->sql);
    if (err || (err = exec(st, "COMMIT"))) {
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return err;
    }
    st->looks = c->looks;
    /* As for a file (sq_begin_file): every findings row names a parent
     * the check has just written, and emptying the findings tables whole
     * (ombud_purge_all_sql) is only possible with the keys off: SQLite
     * otherwise deletes row by row, 0.9 s of a re-check at 1M legs. On
     * again when the check ends (fk_on). */
    if ((err = exec(st, "PRAGMA foreign_keys = OFF")) ||
        (err = exec(st, "BEGIN IMMEDIATE"))) {
        fk_on(st);
        return err;
    }
    st->in_check = 1;
    ombud_leg_memo_clear(&st->legs);
    return OMBUD_OK;
}

static ombud_err sq_add_check(ombud_store *base, const ombud_check *c,
                              int64_t *check_id)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_CHECK];

    sqlite3_bind_int64(s, 1, c->from);
    sqlite3_bind_int64(s, 2, c->to);
    bind_text(s, 3, c->tz);
    bind_text(s, 4, c->guarantees);
    bind_text(s, 5, c->guarantees_sha256);
    bind_text(s, 6, c->carrier);
    bind_text(s, 7, c->commission);
    bind_text(s, 8, c->docket);
    bind_text(s, 9, c->prepared_by);
    bind_text(s, 10, c->currency);
    bind_text(s, 11, OMBUD_VERSION);
    bind_text(s, 12, c->lang ? c->lang : "en");
    sqlite3_bind_int64(s, 13, c->max_rejected_bp);
    sqlite3_bind_int(s, 14, c->allow_incomplete);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording the check");
    *check_id = sqlite3_last_insert_rowid(st->db);
    return OMBUD_OK;
}

static ombud_err sq_end_check(ombud_store *base)
{
    sq_store *st = (sq_store *)base;
    ombud_err err;

    assert(st->in_check);
    if ((err = exec(st, "COMMIT"))) {
        sq_abort_check(&st->base);
        return err;
    }
    st->in_check = 0;
    st->looks = OMBUD_LOOKS_ALL;
    fk_on(st);
    return OMBUD_OK;
}

static void sq_abort_check(ombud_store *base)
{
    sq_store *st = (sq_store *)base;
    if (st->in_check)
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    st->in_check = 0;
    st->looks = OMBUD_LOOKS_ALL;
    fk_on(st);
    /* The rollback took the look-ups' table (made in the check) with it. */
    sqlite3_finalize(st->ask);
    st->ask = NULL;
}

static ombud_err sq_add_result(ombud_store *base, int64_t check_id, int seq,
                                 const char *guarantee_id, const char *kind,
                                 const char *promise, const char *source,
                                 const char *params, int64_t *result_id)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_RESULT];

    assert(st->in_check);
    sqlite3_bind_int64(s, 1, check_id);
    sqlite3_bind_int(s, 2, seq);
    bind_text(s, 3, guarantee_id);
    bind_text(s, 4, kind);
    bind_text(s, 5, promise);
    bind_text(s, 6, source);
    bind_text(s, 7, params);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording a result");
    *result_id = sqlite3_last_insert_rowid(st->db);
    return OMBUD_OK;
}



static ombud_err sq_set_result(ombud_store *base, int64_t result_id,
                                 const ombud_result *r)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_SET_RESULT];

    sqlite3_bind_int64(s, 1, result_id);
    sqlite3_bind_int64(s, 2, r->measured);
    sqlite3_bind_int64(s, 3, r->target);
    bind_text(s, 4, r->unit);
    bind_text(s, 5, ombud_verdict_name(r->pass));
    sqlite3_bind_int64(s, 6, r->subjects);
    sqlite3_bind_int64(s, 7, r->breaches);
    if (r->amount == OMBUD_AMOUNT_NONE)
        sqlite3_bind_null(s, 8);
    else
        sqlite3_bind_int64(s, 8, r->amount);
    bind_text_whole(s, 9, r->measured_text);
    bind_text_whole(s, 10, r->target_text);
    bind_text_whole(s, 11, r->method);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording a result");
    return OMBUD_OK;
}

static ombud_err sq_add_breach(ombud_store *base, int64_t result_id,
                                 const ombud_breach *b, int64_t *breach_id)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_BREACH];

    assert(st->in_check && b->subject_kind);
    sqlite3_bind_int64(s, 1, result_id);
    bind_text(s, 2, b->subject_kind);
    bind_text(s, 3, b->subject);
    bind_time(s, 4, b->at);
    sqlite3_bind_int64(s, 5, b->measured);
    sqlite3_bind_int64(s, 6, b->limit);
    sqlite3_bind_int64(s, 7, b->shortfall);
    bind_text(s, 8, b->unit);
    sqlite3_bind_int64(s, 9, b->amount);
    bind_text_whole(s, 10, b->detail);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording a breach");
    *breach_id = sqlite3_last_insert_rowid(st->db);
    return OMBUD_OK;
}

/* Evidence of a leg whose place is known: no look-up. */
static ombud_err add_placed(sq_store *st, int64_t breach_id, int64_t row,
                            int64_t source_id, const char *lines)
{
    sqlite3_stmt *s = st->stmt[S_ADD_LEG_EVIDENCE];

    sqlite3_bind_int64(s, 1, breach_id);
    sqlite3_bind_int64(s, 2, row);
    sqlite3_bind_int64(s, 3, source_id);
    bind_text(s, 4, lines);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording evidence");
    return OMBUD_OK;
}

static ombud_err sq_add_evidence(ombud_store *base, int64_t breach_id,
                                   const char *table, int64_t row_id)
{
    sq_store *st = (sq_store *)base;
    ombud_leg_place m;
    sqlite3_stmt *s = st->stmt[S_ADD_EVIDENCE];

    if (!strcmp(table, "call_legs") && ombud_leg_memo_get(&st->legs, row_id, &m))
        return add_placed(st, breach_id, row_id, m.source_id, m.lines);
    sqlite3_bind_int64(s, 1, breach_id);
    bind_text(s, 2, table);
    sqlite3_bind_int64(s, 3, row_id);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording evidence");
    return OMBUD_OK;
}

static void sq_leg_place(ombud_store *base, int64_t row, ombud_leg_place *out)
{
    ombud_leg_memo_get(&((sq_store *)base)->legs, row, out);
}

static ombud_err sq_add_leg_evidence(ombud_store *base, int64_t breach_id,
                                     const ombud_leg_place *p)
{
    if (!p->known)
        return sq_add_evidence(base, breach_id, "call_legs", p->row);
    return add_placed((sq_store *)base, breach_id, p->row, p->source_id,
                      p->lines);
}

static ombud_err sq_add_series(ombud_store *base, int64_t result_id,
                                 const char *name, int64_t key, int64_t value)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_SERIES];

    sqlite3_bind_int64(s, 1, result_id);
    bind_text(s, 2, name);
    sqlite3_bind_int64(s, 3, key);
    sqlite3_bind_int64(s, 4, value);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording a series");
    return OMBUD_OK;
}

static ombud_err sq_add_figure(ombud_store *base, int64_t result_id,
                                 const char *subject, const char *name,
                                 int64_t value, const char *unit,
                                 const char *more)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s = st->stmt[S_ADD_FIGURE];

    sqlite3_bind_int64(s, 1, result_id);
    bind_text(s, 2, subject);
    bind_text(s, 3, name);
    sqlite3_bind_int64(s, 4, value);
    bind_text(s, 5, unit);
    bind_text(s, 6, more);
    if (step_done(s) != SQLITE_DONE)
        return db_error(st, "recording a figure");
    return OMBUD_OK;
}

/* ---- more readers (billing, groups, areas) -------------------------------- */

/* The billing columns of a row read at column @i (order as in
 * OMBUD_ASKED_BILLING_SQL and ombud_store_each_noticed_billing). */
static ombud_billing read_billing(sqlite3_stmt *s, int i)
{
    return (ombud_billing){col_text(s, i + 1), col_text(s, i + 2),
                           col_time(s, i + 3), sqlite3_column_int64(s, i + 4),
                           sqlite3_column_type(s, i + 4) != SQLITE_NULL,
                           col_text(s, i + 5), col_text(s, i + 6),
                           col_time(s, i + 7), col_time(s, i + 8),
                           col_time(s, i + 9), col_text(s, i + 10),
                           col_text(s, i + 11), col_text(s, i + 12)};
}

/* The accounts come from a scan of billing for the period's notices (no
 * index on the posting time), their histories from billing_account_at,
 * in its order. */
static ombud_err sq_each_noticed_billing(ombud_store *base,
                                         int64_t notice_from,
                                         int64_t notice_to, int64_t to,
                                         ombud_billing_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_billing b;
    ombud_err err;
    int rc;

    reading(st, OMBUD_LOOKS_BILLING);
    if ((err = prepare_period(st, "SELECT id, account_id, kind, posted_at, "
                              "amount, currency, service, period_start, "
                              "period_end, due_at, reference, description, "
                              "area FROM billing_events WHERE posted_at < ?3 "
                              "AND account_id IN (SELECT account_id FROM "
                              "billing_events WHERE kind = 'notice' AND "
                              "posted_at >= ?1 AND posted_at < ?2) ORDER BY "
                              "account_id, posted_at, id", notice_from,
                              notice_to, &s)))
        return err;
    sqlite3_bind_int64(s, 3, to);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        b = read_billing(s, 0);
        if (fn(ud, sqlite3_column_int64(s, 0), &b))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_outage_restored(ombud_store *base, const char *outage_id,
                                      int64_t *row_id, int64_t *restored_at)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    *row_id = 0;
    *restored_at = OMBUD_TIME_NONE;
    /* Kept prepared: customer_effort asks once per ticket, and preparing
     * the statement each time was 7 % of its check at 1M legs. */
    if (!st->restored &&
        sqlite3_prepare_v3(st->db, "SELECT id, " OMBUD_OUTAGE_END("outages.")
                           " FROM outages WHERE outage_id = ?1", -1,
                           SQLITE_PREPARE_PERSISTENT, &st->restored,
                           NULL) != SQLITE_OK)
        return db_error(st, "looking up an outage");
    s = st->restored;
    bind_text(s, 1, outage_id);
    if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *row_id = sqlite3_column_int64(s, 0);
        *restored_at = col_time(s, 1);
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE
           ? OMBUD_OK : db_error(st, "looking up an outage");
}

/* Look-ups wait in a temporary table, so that both backends answer them
 * with the same statement (backend.h). */
static ombud_err sq_ask_billing(ombud_store *base, int64_t tag,
                                  const ombud_billing_ask *ask)
{
    sq_store *st = (sq_store *)base;

    /* One statement answers accounts and areas (OMBUD_ASKED_BILLING_SQL):
     * without the areas' indexes its areas part scans the billing. */
    reading(st, OMBUD_LOOKS_BILLING | OMBUD_LOOKS_AREAS);
    if (!st->ask) {
        if (sqlite3_exec(st->db, "CREATE TEMP TABLE IF NOT EXISTS ombud_asks "
                         "(tag INTEGER PRIMARY KEY, account TEXT, area TEXT, "
                         "service TEXT, f INTEGER, t INTEGER, at INTEGER)",
                         NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(st->db, "INSERT INTO ombud_asks VALUES (?1, "
                               "?2, ?3, ?4, ?5, ?6, ?7)", -1, &st->ask,
                               NULL) != SQLITE_OK)
            return db_error(st, "queuing a billing look-up");
    }
    sqlite3_bind_int64(st->ask, 1, tag);
    bind_text(st->ask, 2, ask->account);
    bind_text(st->ask, 3, ask->area);
    bind_text(st->ask, 4, ask->service);
    sqlite3_bind_int64(st->ask, 5, ask->from);
    sqlite3_bind_int64(st->ask, 6, ask->to);
    sqlite3_bind_int64(st->ask, 7, ask->at);
    if (step_done(st->ask) != SQLITE_DONE)
        return db_error(st, "queuing a billing look-up");
    return OMBUD_OK;
}

static ombud_err sq_each_asked_billing(ombud_store *base, int64_t lo,
                                       int64_t hi, ombud_asked_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_billing b;
    ombud_err err;
    int rc;

    if ((err = prepare_period(st, OMBUD_ASKED_BILLING_SQL("?1", "?2"), lo,
                              hi, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int none = sqlite3_column_type(s, 2) == SQLITE_NULL;
        if (!none)
            b = read_billing(s, 2);
        if (fn(ud, sqlite3_column_int64(s, 0), col_text(s, 1),
               none ? 0 : sqlite3_column_int64(s, 2), none ? NULL : &b))
            break;
    }
    err = end_iteration(st, s, rc);
    if (sqlite3_exec(st->db, "DELETE FROM ombud_asks", NULL, NULL, NULL) !=
        SQLITE_OK && !err)
        err = db_error(st, "forgetting billing look-ups");
    return err;
}

static ombud_err sq_each_leg_grouped(ombud_store *base, int64_t from,
                                       int64_t to, ombud_group_leg_fn fn,
                                       void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_call_leg c;
    ombud_err err;
    int rc;

    if ((err = prepare_period(st, "SELECT " LEG_COLUMNS ", "
                              "coalesce(ticket_id, account_id), "
                              "ticket_id IS NOT NULL, " LEG_PLACE " FROM "
                              "call_legs WHERE "
                              "arrived_at >= ?1 AND arrived_at < ?2 AND "
                              "coalesce(ticket_id, account_id) IS NOT NULL "
                              "ORDER BY ticket_id IS NULL, "
                              "coalesce(ticket_id, account_id), arrived_at, id",
                              from, to, &s)))
        return err;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_leg(s, 0, &c);
        remember_leg(st, s, 14);
        if (fn(ud, col_text(s, 12), sqlite3_column_int(s, 13),
               sqlite3_column_int64(s, 0), &c))
            break;
    }
    return end_iteration(st, s, rc);
}

/* ---- data quality ------------------------------------------------------- */

/*
 * Where a source's rows fall against a period, counted on the table's
 * time index when the source holds every row of the table (a month of
 * one file): the shared statement reads every row of the table for its
 * source_id, 0.15-0.25 s at 1M legs, in every check and every report.
 * Every row is the source's when the first and the last row by id are:
 * a file's rows go in within one write transaction, each id above every
 * id already in the table. Only the tables with a time index (the rest
 * keep the shared statement, which reads each row once).
 */
static const struct time_index {
    const char *table, *index;
} time_indexes[] = {
    {"call_legs", "call_legs_arrived"},
    {"outages", "outages_started"},
};

/* The integers of @sql's one row (?1, ?2 bound to @a, @b) into @out;
 * -1 for a NULL. */
static ombud_err ints_of(sq_store *st, const char *sql, int64_t a, int64_t b,
                         int64_t *out, int n)
{
    sqlite3_stmt *s;
    int rc;

    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "counting rows by period");
    if (sqlite3_bind_parameter_count(s) >= 2) {
        sqlite3_bind_int64(s, 1, a);
        sqlite3_bind_int64(s, 2, b);
    }
    rc = sqlite3_step(s);
    for (int i = 0; i < n; i++)
        out[i] = rc == SQLITE_ROW && sqlite3_column_type(s, i) != SQLITE_NULL
                 ? sqlite3_column_int64(s, i) : -1;
    sqlite3_finalize(s);
    return rc == SQLITE_ROW ? OMBUD_OK : db_error(st, "counting rows by period");
}

static ombud_err sq_source_spread(ombud_store *base, int64_t source_id,
                                  const char *kind, int64_t from, int64_t to,
                                  int64_t out[3], int *done)
{
    sq_store *st = (sq_store *)base;
    const char *tbl, *col, *index = NULL;
    int64_t ends[2], has;
    char sql[320];
    ombud_err err;

    if (!ombud_spread_table(kind, &tbl, &col))
        return OMBUD_OK;
    for (size_t i = 0; i < sizeof time_indexes / sizeof *time_indexes; i++)
        if (!strcmp(tbl, time_indexes[i].table))
            index = time_indexes[i].index;
    if (!index)
        return OMBUD_OK;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master WHERE "
             "type = 'index' AND name = '%s'", index);
    if ((err = ints_of(st, sql, 0, 0, &has, 1)) || has != 1)
        return err;
    snprintf(sql, sizeof sql, "SELECT (SELECT source_id FROM %s ORDER BY id "
             "LIMIT 1), (SELECT source_id FROM %s ORDER BY id DESC LIMIT 1)",
             tbl, tbl);
    if ((err = ints_of(st, sql, 0, 0, ends, 2)) || ends[0] != source_id ||
        ends[1] != source_id)
        return err;
    snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM %s WHERE %s < ?1), "
             "(SELECT count(*) FROM %s WHERE %s >= ?1 AND %s < ?2), "
             "(SELECT count(*) FROM %s WHERE %s >= ?2)", tbl, col, tbl, col,
             col, tbl, col);
    if ((err = ints_of(st, sql, from, to, out, 3)))
        return err;
    *done = 1;
    return OMBUD_OK;
}

/* ---- reading findings --------------------------------------------------- */

/* Cut, if it must be, at a character boundary. */
static void copy_col(sqlite3_stmt *s, int i, char *dst, size_t size)
{
    ombud_utf8_copy(dst, size, col_text(s, i));
}

static ombud_err sq_check_get(ombud_store *base, int64_t check_id,
                                ombud_check_info *out)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    memset(out, 0, sizeof *out);
    if (sqlite3_prepare_v2(st->db, "SELECT id, period_start, period_end, tz, "
                           "guarantees, guarantees_sha256, carrier, "
                           "commission, docket, prepared_by, currency, "
                           "tool_version, lang, max_rejected_bp, "
                           "allow_incomplete FROM checks WHERE ?1 = 0 OR id = ?1 "
                           "ORDER BY id DESC LIMIT 1", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading a check");
    sqlite3_bind_int64(s, 1, check_id);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->id = sqlite3_column_int64(s, 0);
        out->from = sqlite3_column_int64(s, 1);
        out->to = sqlite3_column_int64(s, 2);
        copy_col(s, 3, out->tz, sizeof out->tz);
        copy_col(s, 4, out->guarantees, sizeof out->guarantees);
        copy_col(s, 5, out->guarantees_sha256, sizeof out->guarantees_sha256);
        copy_col(s, 6, out->carrier, sizeof out->carrier);
        copy_col(s, 7, out->commission, sizeof out->commission);
        copy_col(s, 8, out->docket, sizeof out->docket);
        copy_col(s, 9, out->prepared_by, sizeof out->prepared_by);
        copy_col(s, 10, out->currency, sizeof out->currency);
        copy_col(s, 11, out->tool_version, sizeof out->tool_version);
        copy_col(s, 12, out->lang, sizeof out->lang);
        out->max_rejected_bp = sqlite3_column_int64(s, 13);
        out->allow_incomplete = sqlite3_column_int(s, 14);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_error(st, "reading a check");
    return rc == SQLITE_ROW ? OMBUD_OK : OMBUD_E_DATA;
}

static ombud_err sq_each_result(ombud_store *base, int64_t check_id,
                                  ombud_result_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_result_row r;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT id, seq, guarantee_id, kind, "
                           "promise, source, params, status, measured, target, "
                           "unit, subjects, breaches, amount, measured_text, "
                           "target_text, method FROM results WHERE check_id = "
                           "?1 ORDER BY seq", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading results");
    sqlite3_bind_int64(s, 1, check_id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        memset(&r, 0, sizeof r);
        r.id = sqlite3_column_int64(s, 0);
        r.seq = sqlite3_column_int(s, 1);
        r.guarantee_id = col_text(s, 2);
        r.kind = col_text(s, 3);
        r.promise = col_text(s, 4);
        r.source = col_text(s, 5);
        r.params = col_text(s, 6);
        r.status = col_text(s, 7);
        r.r.measured = sqlite3_column_int64(s, 8);
        r.r.target = sqlite3_column_int64(s, 9);
        r.r.unit = col_text(s, 10);
        r.r.pass = ombud_verdict_parse(r.status);
        r.r.subjects = sqlite3_column_int64(s, 11);
        r.r.breaches = sqlite3_column_int64(s, 12);
        r.r.amount = sqlite3_column_type(s, 13) == SQLITE_NULL
                     ? OMBUD_AMOUNT_NONE : sqlite3_column_int64(s, 13);
        copy_col(s, 14, r.r.measured_text, sizeof r.r.measured_text);
        copy_col(s, 15, r.r.target_text, sizeof r.r.target_text);
        copy_col(s, 16, r.r.method, sizeof r.r.method);
        if (fn(ud, &r))
            break;
    }
    return end_iteration(st, s, rc);
}




/* Evidence of one breach as "calls.csv:17, outages.csv:3", cut near @size. */
static int64_t evidence_refs(sqlite3_stmt *q, int64_t breach, char *buf,
                             size_t size, int64_t *shown)
{
    ombud_refs r;

    ombud_refs_init(&r, buf, size);
    sqlite3_bind_int64(q, 1, breach);
    while (sqlite3_step(q) == SQLITE_ROW) {
        /* Text first, then its length (SQLite's documented order). */
        const char *name = col_text(q, 0), *lines = col_text(q, 1);
        ombud_refs_add(&r, name, (size_t)sqlite3_column_bytes(q, 0), lines,
                       (size_t)sqlite3_column_bytes(q, 1));
    }
    sqlite3_reset(q);
    *shown = r.shown;
    return r.count;
}

/* Breaches of a result, all or (with ?2 an account) those touching it. */
static const char breaches_sql[] =
    "SELECT id, subject_kind, subject, at, measured, limit_value, shortfall, "
    "unit, amount, detail FROM breaches b WHERE result_id = ?1 AND (?2 IS "
    "NULL OR EXISTS (SELECT 1 FROM evidence e " OMBUD_EVIDENCE_JOINS " WHERE "
    "e.breach_id = b.id AND " OMBUD_EVIDENCE_ACCOUNT " = ?2)) ORDER BY id";


static ombud_err sq_each_breach_of(ombud_store *base, int64_t result_id,
                                     const char *account, ombud_breach_fn fn,
                                     void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s, *q;
    ombud_breach b;
    char refs[2200];
    int64_t n, shown;
    int rc;

    if (sqlite3_prepare_v2(st->db, breaches_sql, -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading breaches");
    bind_text(s, 2, account);
    if (sqlite3_prepare_v2(st->db, "SELECT src.name, e.lines FROM evidence e "
                           "JOIN sources src ON src.id = e.source_id WHERE "
                           "e.breach_id = ?1 ORDER BY e.rowid", -1, &q,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return db_error(st, "reading evidence");
    }
    sqlite3_bind_int64(s, 1, result_id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        memset(&b, 0, sizeof b);
        b.subject_kind = col_text(s, 1);
        copy_col(s, 2, b.subject, sizeof b.subject);
        b.at = col_time(s, 3);
        b.measured = sqlite3_column_int64(s, 4);
        b.limit = sqlite3_column_int64(s, 5);
        b.shortfall = sqlite3_column_int64(s, 6);
        b.unit = col_text(s, 7);
        b.amount = sqlite3_column_int64(s, 8);
        copy_col(s, 9, b.detail, sizeof b.detail);
        n = evidence_refs(q, sqlite3_column_int64(s, 0), refs, sizeof refs,
                          &shown);
        if (fn(ud, &b, refs, n, shown))
            break;
    }
    sqlite3_finalize(q);
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_series(ombud_store *base, int64_t result_id,
                                  const char *name, ombud_series_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT k, v FROM series WHERE result_id "
                           "= ?1 AND name = ?2 ORDER BY k", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading a series");
    sqlite3_bind_int64(s, 1, result_id);
    bind_text(s, 2, name);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (fn(ud, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1)))
            break;
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_figure(ombud_store *base, int64_t result_id,
                                  ombud_be_figure_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT subject, name, value, unit, more "
                           "FROM figure_runs WHERE result_id = ?1 ORDER BY rowid",
                           -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading figures");
    sqlite3_bind_int64(s, 1, result_id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (fn(ud, col_text(s, 0), col_text(s, 1), sqlite3_column_int64(s, 2),
               col_text(s, 3), col_text(s, 4)))
            break;
    return end_iteration(st, s, rc);
}

/* ---- correcting a store: the re-import warning and ombud forget ---------- */





static ombud_err sq_name_clash(ombud_store *base, int64_t source_id,
                                 int64_t *other, int64_t *dups)
{
    sq_store *st = (sq_store *)base;
    char kind[32] = "", pre[160], mid[160], *sql;
    sqlite3_stmt *s;
    int rc;

    assert(!st->in_file && !st->in_check);
    *other = *dups = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT kind FROM sources WHERE id = ?1",
                           -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading a source");
    sqlite3_bind_int64(s, 1, source_id);
    if (sqlite3_step(s) == SQLITE_ROW)
        snprintf(kind, sizeof kind, "%s", col_text(s, 0));
    sqlite3_finalize(s);
    if (!(sql = ombud_name_clash_sql(kind, '?', pre, sizeof pre, mid,
                                     sizeof mid)))
        return OMBUD_OK;
    rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
    g_free(sql);
    if (rc != SQLITE_OK)
        return db_error(st, "comparing with earlier sources");
    sqlite3_bind_int64(s, 1, source_id);
    bind_text(s, 2, pre);
    bind_text(s, 3, mid);
    if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        *other = sqlite3_column_int64(s, 0);
        *dups = sqlite3_column_int64(s, 1);
    }
    return end_iteration(st, s, rc);
}




static ombud_err sq_each_source(ombud_store *base, ombud_source_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_source_row r;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT id, kind, name, path, sha256, tz, "
                           "bytes, imported_at, rows_read, rows_stored, "
                           "rows_rejected, rows_counted, settings, notes FROM "
                           "sources ORDER BY id", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading sources");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r = (ombud_source_row){sqlite3_column_int64(s, 0), col_text(s, 1),
            col_text(s, 2), col_text(s, 3), col_text(s, 4), col_text(s, 5),
            col_text(s, 12), col_text(s, 13),
            sqlite3_column_int64(s, 6), sqlite3_column_int64(s, 7),
            {sqlite3_column_int64(s, 8), sqlite3_column_int64(s, 9),
             sqlite3_column_int64(s, 10), sqlite3_column_int64(s, 11)}};
        if (fn(ud, &r))
            break;
    }
    return end_iteration(st, s, rc);
}

static ombud_err sq_each_reject(ombud_store *base, ombud_reject_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    ombud_reject r;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT src.name, r.line, r.col, r.field, "
                           "r.value, r.reason FROM rejects r JOIN sources src "
                           "ON src.id = r.source_id ORDER BY r.source_id, "
                           "r.line, r.id", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading rejects");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r = (ombud_reject){sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2),
                           col_text(s, 3), col_text(s, 4), col_text(s, 5)};
        if (fn(ud, col_text(s, 0), &r))
            break;
    }
    return end_iteration(st, s, rc);
}

/* ---- an account's history ------------------------------------------------ */

/* The file name of a row of table @t, as a scalar subquery. */
#define SOURCE_NAME(t) "(SELECT name FROM sources WHERE sources.id = " t ".source_id)"

/*
 * Build the legs' account index for a dossier, once (see sql.c), when no
 * statement of this connection is reading (a schema change under a
 * running statement would abort it). Without it, or if another writer
 * holds the store past the busy timeout, the look-up scans the legs:
 * slower, the same answer.
 */
static void account_index(sq_store *st)
{
    if (st->account_indexed)
        return;
    for (sqlite3_stmt *p = sqlite3_next_stmt(st->db, NULL); p;
         p = sqlite3_next_stmt(st->db, p))
        if (sqlite3_stmt_busy(p))
            return;
    st->account_indexed = sqlite3_exec(st->db, ombud_account_index_sql, NULL,
                                       NULL, NULL) == SQLITE_OK;
}

static ombud_err sq_each_event(ombud_store *base, const char *account,
                                 int64_t from, int64_t to, ombud_event_fn fn,
                                 void *ud)
{
    sq_store *st = (sq_store *)base;
    /* One ordered union: (time, table, row id); a row's two events at
     * the same second put "start" before "restored", "ordered" before
     * "completed" (what DESC). */
    static const char sql[] =
        "SELECT at, tbl, what, rid FROM ("
        " SELECT arrived_at at, 'call_legs' tbl, '' what, id rid FROM call_legs"
        "  WHERE account_id = ?3"
        " UNION ALL SELECT started_at, 'outages', 'start', id FROM outages"
        "  WHERE account_id = ?3"
        " UNION ALL SELECT restored_at, 'outages', 'restored', id FROM outages"
        "  WHERE account_id = ?3 AND restored_at IS NOT NULL"
        " UNION ALL SELECT posted_at, 'billing_events', '', id FROM"
        "  billing_events WHERE account_id = ?3"
        " UNION ALL SELECT window_start, 'appointments', '', id FROM"
        "  appointments WHERE account_id = ?3"
        " UNION ALL SELECT ordered_at, 'orders', 'ordered', id FROM orders"
        "  WHERE account_id = ?3"
        " UNION ALL SELECT completed_at, 'orders', 'completed', id FROM orders"
        "  WHERE account_id = ?3 AND completed_at IS NOT NULL)"
        " WHERE at >= ?1 AND at < ?2 ORDER BY at, tbl, rid, what DESC";
    sqlite3_stmt *s, *q = NULL;
    ombud_err err;
    int rc;

    account_index(st);
    if ((err = prepare_period(st, sql, from, to, &s)))
        return err;
    bind_text(s, 3, account);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        ombud_event e = {sqlite3_column_int64(s, 0), col_text(s, 1),
                         col_text(s, 2), NULL, 0, NULL, NULL, NULL, NULL,
                         NULL};
        ombud_call_leg c;
        ombud_outage o;
        ombud_billing b;
        ombud_appointment a;
        ombud_order d;
        int64_t rid = sqlite3_column_int64(s, 3);
        const char *one =
            !strcmp(e.table, "call_legs") ? "SELECT " SOURCE_NAME("call_legs")
                ", line, " LEG_COLUMNS " FROM call_legs WHERE id = ?1" :
            !strcmp(e.table, "outages") ? "SELECT " SOURCE_NAME("outages")
                ", line, id, outage_id, account_id, area, service, "
                "started_at, restored_at, planned, scheduled_at, notified_at, "
                "customers_affected, cause, reported_at, exclusion, "
                "location_class, customers_restored FROM outages WHERE id = "
                "?1" :
            !strcmp(e.table, "appointments") ? "SELECT "
                SOURCE_NAME("appointments") ", line, " APPT_COLUMNS
                " FROM appointments WHERE id = ?1" :
            !strcmp(e.table, "orders") ? "SELECT " SOURCE_NAME("orders")
                ", line, " ORDER_COLUMNS " FROM orders WHERE id = ?1" :
                "SELECT " SOURCE_NAME("billing_events") ", line, id, "
                "account_id, kind, posted_at, amount, currency, service, "
                "period_start, period_end, due_at, reference, description, "
                "area FROM billing_events WHERE id = ?1";
        int stop;

        if (sqlite3_prepare_v2(st->db, one, -1, &q, NULL) != SQLITE_OK) {
            sqlite3_finalize(s);
            return db_error(st, "reading an event");
        }
        sqlite3_bind_int64(q, 1, rid);
        if (sqlite3_step(q) != SQLITE_ROW) {
            sqlite3_finalize(q);
            continue;
        }
        e.file = col_text(q, 0);
        e.line = (long)sqlite3_column_int64(q, 1);
        if (!strcmp(e.table, "call_legs")) {
            /* LEG_COLUMNS start at column 2 (id), as read_leg expects. */
            read_leg(q, 2, &c);
            e.leg = &c;
        } else if (!strcmp(e.table, "outages")) {
            o = (ombud_outage){col_text(q, 3), col_text(q, 4), col_text(q, 5),
                               col_text(q, 6), col_time(q, 7), col_time(q, 8),
                               sqlite3_column_int(q, 9), col_time(q, 10),
                               col_time(q, 11), sqlite3_column_int64(q, 12),
                               col_text(q, 13), col_time(q, 14),
                               col_text(q, 15), col_text(q, 16),
                               col_count(q, 17)};
            e.outage = &o;
        } else if (!strcmp(e.table, "appointments")) {
            read_appt(q, 2, &a);
            e.appt = &a;
        } else if (!strcmp(e.table, "orders")) {
            read_order(q, 2, &d);
            e.order = &d;
        } else {
            b = (ombud_billing){col_text(q, 3), col_text(q, 4), col_time(q, 5),
                                sqlite3_column_int64(q, 6),
                                sqlite3_column_type(q, 6) != SQLITE_NULL,
                                col_text(q, 7), col_text(q, 8), col_time(q, 9),
                                col_time(q, 10), col_time(q, 11),
                                col_text(q, 12), col_text(q, 13),
                                col_text(q, 14)};
            e.bill = &b;
        }
        stop = fn(ud, &e);
        sqlite3_finalize(q);
        if (stop)
            break;
    }
    return end_iteration(st, s, rc);
}

/* The accounts of ombud_store_each_event()'s tables; UNION removes the
 * duplicates and BINARY collation gives the byte order. */
static ombud_err sq_each_account(ombud_store *base, ombud_account_fn fn,
                                   void *ud)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    if (sqlite3_prepare_v2(st->db, "SELECT account_id a FROM call_legs"
                           " UNION SELECT account_id FROM outages"
                           " UNION SELECT account_id FROM billing_events"
                           " UNION SELECT account_id FROM appointments"
                           " UNION SELECT account_id FROM orders"
                           " ORDER BY a", -1, &s, NULL) != SQLITE_OK)
        return db_error(st, "reading the accounts");
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (sqlite3_column_type(s, 0) != SQLITE_NULL && fn(ud, col_text(s, 0)))
            break;
    return end_iteration(st, s, rc);
}

/* ---- a second connection: readers ------------------------------------------ */

static int is_wal(sq_store *st)
{
    sqlite3_stmt *s;
    int wal = 0;

    if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode", -1, &s, NULL) !=
        SQLITE_OK)
        return 0;
    if (sqlite3_step(s) == SQLITE_ROW)
        wal = !g_ascii_strcasecmp(col_text(s, 0), "wal");
    sqlite3_finalize(s);
    return wal;
}

/*
 * A reader: a read-only connection of its own, in one read transaction
 * from its first statement on (WAL gives it the store as last committed
 * while this connection writes); with @quiet it prints none of its
 * errors. The findings digest is computed on one while a report is
 * written (store.c), and customer_effort judged on one during a check
 * (defer.c). Its page cache is SQLite's default 2 MB: it reads in order,
 * and its sorts spill to temporary files either way. It prepares none of
 * stmt_sql: it answers the readings that prepare their own statement
 * (each_*, outage_restored, the shared statements), not find_source,
 * account_of, cdr_of or the counts.
 */
static ombud_store *sq_open_reader(ombud_store *base, int quiet)
{
    sq_store *st = (sq_store *)base, *r;
    const char *file = sqlite3_db_filename(st->db, "main");

    settle(st);
    /* Two connections on two threads need a thread-safe SQLite. */
    if (!sqlite3_threadsafe() || !file || !*file || !is_wal(st) ||
        !(r = calloc(1, sizeof *r)))
        return NULL;
    r->base.be = st->base.be;
    r->quiet = quiet;
    r->looks = st->looks;
    if (!(r->path = strdup(st->path)) ||
        sqlite3_open_v2(file, &r->db, SQLITE_OPEN_READONLY |
                        SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
        sqlite3_busy_timeout(r->db, 30000) != SQLITE_OK ||
        sqlite3_exec(r->db, "PRAGMA cache_size = -2048; BEGIN", NULL, NULL,
                     NULL) != SQLITE_OK) {
        sq_close(&r->base);
        return NULL;
    }
    return &r->base;
}

/* Other connections' commits (data_version counts them) and this one's
 * changes. */
static void sq_commit_mark(ombud_store *base, int64_t mark[2])
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;

    mark[0] = -1;
    mark[1] = sqlite3_total_changes64(st->db);
    if (sqlite3_prepare_v2(st->db, "PRAGMA data_version", -1, &s, NULL) !=
        SQLITE_OK)
        return;
    if (sqlite3_step(s) == SQLITE_ROW)
        mark[0] = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
}

/* ---- the façade's shared statements ------------------------------------------ */

/*
 * Prepare a shared statement (backend.h) with its arguments bound, or NULL.
 * In SQLite "$2" is a name, numbered by first appearance; "?2" is the
 * second parameter, as "$2" is in PostgreSQL: the text is rewritten so.
 * Text arguments are bound SQLITE_STATIC: they outlive the statement.
 */
static sqlite3_stmt *prepare_shared(sq_store *st, const char *sql,
                                    const ombud_sql_arg *args, int nargs)
{
    char *text = g_strdelimit(g_strdup(sql), "$", '?');
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(st->db, text, -1, &s, NULL);

    g_free(text);
    if (rc != SQLITE_OK)
        return NULL;
    for (int i = 0; i < nargs; i++) {
        if (args[i].is_num)
            sqlite3_bind_int64(s, i + 1, args[i].num);
        else
            bind_text(s, i + 1, args[i].text);
    }
    return s;
}

/* Run a shared statement; its columns reach @fn as text. */
/*
 * @v in decimal into @out (24 bytes), as sqlite3_column_text() would give
 * it; returns its length. That call converts the column in place and
 * keeps the copy: 14 % of the findings digest at 1M legs, whose rows are
 * mostly numbers.
 */
static size_t int_text(int64_t v, char *out)
{
    char tmp[24];
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    size_t n = 0, k = 0;

    do
        tmp[n++] = (char)('0' + u % 10);
    while ((u /= 10));
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    out[k] = '\0';
    return k;
}

static ombud_err sq_each_row(ombud_store *base, const char *what,
                             const char *sql, const ombud_sql_arg *args,
                             int nargs, ombud_row_fn fn, void *ud)
{
    sq_store *st = (sq_store *)base;
    const char *val[OMBUD_SQL_MAX_COLS];
    size_t len[OMBUD_SQL_MAX_COLS];
    char num[OMBUD_SQL_MAX_COLS][24];
    sqlite3_stmt *s;
    int rc, n;

    if (!(s = prepare_shared(st, sql, args, nargs)))
        return db_error(st, what);
    n = sqlite3_column_count(s);
    assert(n <= OMBUD_SQL_MAX_COLS);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        for (int i = 0; i < n; i++) {
            if (sqlite3_column_type(s, i) == SQLITE_INTEGER) {
                val[i] = num[i];
                len[i] = int_text(sqlite3_column_int64(s, i), num[i]);
                continue;
            }
            /* Text first, then its length (SQLite's documented order). */
            val[i] = col_text(s, i);
            len[i] = (size_t)sqlite3_column_bytes(s, i);
        }
        if (fn(ud, n, val, len))
            break;
    }
    return end_iteration(st, s, rc);
}

/* A shared statement that returns no rows; @changed (may be NULL)
 * receives how many rows it changed. */
static ombud_err sq_exec(ombud_store *base, const char *what, const char *sql,
                         const ombud_sql_arg *args, int nargs,
                         int64_t *changed)
{
    sq_store *st = (sq_store *)base;
    sqlite3_stmt *s;
    int rc;

    if (!(s = prepare_shared(st, sql, args, nargs)))
        return db_error(st, what);
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_error(st, what);
    if (changed)
        *changed = sqlite3_changes64(st->db);
    return OMBUD_OK;
}

/* Correcting the store: one write transaction, other writers wait. */
static ombud_err sq_begin_forget(ombud_store *base)
{
    sq_store *st = (sq_store *)base;

    assert(!st->in_file && !st->in_check);
    return exec(st, "BEGIN IMMEDIATE");
}

static ombud_err sq_commit(ombud_store *base)
{
    return exec((sq_store *)base, "COMMIT");
}

static void sq_rollback(ombud_store *base)
{
    sqlite3_exec(((sq_store *)base)->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Any --db string that names no server is a file. */
static int sq_wants(const char *uri)
{
    (void)uri;
    return 1;
}

const struct ombud_store_be ombud_store_sqlite = {
    .name = "sqlite",
    .row_key = "rowid",
    OMBUD_STORE_OPS(sq),
    .source_spread = sq_source_spread,
    .open_reader = sq_open_reader,
    .commit_mark = sq_commit_mark
};
