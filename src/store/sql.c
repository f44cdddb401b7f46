/*
 * sql.c - the SQL text and helpers both backends of the store share.
 *
 * One text per statement that means the same in SQLite and PostgreSQL, so
 * that a change is made once and both stores answer alike. Parameters are
 * written $1..$n; src/store/sqlite.c binds them by number.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "ombud/store.h"
#include "backend.h"

/* The rows of a source and its rejects, for the row accounting: a call
 * leg built from N log lines counts N. A file's rows lie above the ids
 * its tables held when it began ($2..$12: ombud_source_tables', then the
 * rejects'): a table has no index on source_id, and without the bound
 * the count read every month the store holds, for every file imported. */
const char ombud_count_rows_sql[] =
    "SELECT (SELECT count(*) FROM outages WHERE source_id = $1 AND id > $2)"
    " + (SELECT coalesce(sum(nlines), 0) FROM call_legs WHERE source_id = $1"
    " AND id > $3)"
    " + (SELECT count(*) FROM billing_events WHERE source_id = $1 AND id > $4)"
    " + (SELECT count(*) FROM appointments WHERE source_id = $1 AND id > $5)"
    " + (SELECT count(*) FROM orders WHERE source_id = $1 AND id > $6)"
    " + (SELECT count(*) FROM accounts WHERE source_id = $1 AND id > $7)"
    " + (SELECT count(*) FROM cdr_records WHERE source_id = $1 AND id > $8)"
    " + (SELECT count(*) FROM customers WHERE source_id = $1 AND id > $9)"
    " + (SELECT count(*) FROM outage_steps WHERE source_id = $1 AND id > $10)"
    " + (SELECT count(*) FROM snapshots WHERE source_id = $1 AND id > $11),"
    " (SELECT count(*) FROM rejects WHERE source_id = $1 AND id > $12)";

/*
 * The checks before a period ($5: its start) made with the same guarantees
 * file ($1: its SHA-256), zone ($2), language ($3) and ombud version ($4):
 * the only ones whose results a report may show beside its own as
 * history, since `ombud verify` can check them again from the same files
 * with the same rules. Latest first.
 */
const char ombud_earlier_checks_sql[] =
    "SELECT id, period_start, period_end FROM checks"
    " WHERE guarantees_sha256 = $1 AND tz = $2 AND lang = $3"
    " AND tool_version = $4 AND period_end <= $5"
    " ORDER BY period_start DESC, period_end DESC, id DESC";

/* Indexes both stores keep from the start: on keys that arrive in order
 * (a source's rows) and on the findings' parents. (The tables added by
 * later schema versions have theirs with them.) */
const char ombud_source_index_sql[] =
    "CREATE INDEX IF NOT EXISTS figures_result ON figure_runs(result_id);"
    "CREATE INDEX IF NOT EXISTS results_check ON results(check_id);"
    "CREATE INDEX IF NOT EXISTS breaches_result ON breaches(result_id);"
    "CREATE INDEX IF NOT EXISTS evidence_breach ON evidence(breach_id);"
    "CREATE INDEX IF NOT EXISTS series_result ON series(result_id);"
    "CREATE INDEX IF NOT EXISTS rejects_source ON rejects(source_id);";

/* The source indexes of the three bulk tables. PostgreSQL keeps them from
 * the start; SQLite only once a second file goes into the table (see
 * sqlite.c, bulk_tables). */
const char ombud_bulk_source_index_sql[] =
    "CREATE INDEX IF NOT EXISTS call_legs_source ON call_legs(source_id);"
    "CREATE INDEX IF NOT EXISTS outages_source ON outages(source_id);"
    "CREATE INDEX IF NOT EXISTS billing_source ON billing_events(source_id);";

/*
 * The rules' look-ups, on keys that arrive in random order (account,
 * ticket, and arrival time, since exports are rarely sorted by it). The
 * first two every check reads (a period's legs and outages; the data
 * quality counts a file's rows by them, store.h ombud_store_source_spread);
 * the others only a check whose guarantees make the look-up
 * (OMBUD_LOOKS_*): SQLite builds each at the first check that needs it.
 */
/* Outages are read in start order; over a 5-year history (reliability's
 * major event days) the sort was 59 % of the check without it. */
#define LOOKUP_TIME \
    "CREATE INDEX IF NOT EXISTS call_legs_arrived ON call_legs(arrived_at);" \
    "CREATE INDEX IF NOT EXISTS outages_started ON outages(started_at);"
#define LOOKUP_PROMISES \
    "CREATE INDEX IF NOT EXISTS call_legs_promise ON call_legs(promised_restore_at)" \
    " WHERE promised_restore_at IS NOT NULL;"
/* A billing row is read by account and time: payment_notice walks every
 * account's rows in time order, outage_credit an account's rows of a span.
 * On the account alone, each account's rows were sorted again and a span
 * read all its rows: 18 % of a re-check at 1M legs. Stores made before it
 * have the index on the account alone. */
#define LOOKUP_BILLING \
    "DROP INDEX IF EXISTS billing_account;" \
    "CREATE INDEX IF NOT EXISTS billing_account_at ON billing_events(account_id," \
    " posted_at);"
/* Area-wide outages look up the accounts of their area: without these
 * each such outage scanned every billing row and outage. */
#define LOOKUP_AREAS \
    "CREATE INDEX IF NOT EXISTS billing_area ON billing_events(area, account_id)" \
    " WHERE area IS NOT NULL;" \
    "CREATE INDEX IF NOT EXISTS outages_area ON outages(area, account_id)" \
    " WHERE area IS NOT NULL;"
#define LOOKUP_STEPS \
    "CREATE INDEX IF NOT EXISTS outages_stepped ON outages(started_at)" \
    " WHERE customers_restored IS NOT NULL;"

const char ombud_lookup_index_sql[] = LOOKUP_TIME LOOKUP_PROMISES
    LOOKUP_BILLING LOOKUP_AREAS LOOKUP_STEPS;

const ombud_lookup_index ombud_lookup_indexes[] = {
    {0, LOOKUP_TIME},
    {OMBUD_LOOKS_PROMISES, LOOKUP_PROMISES},
    {OMBUD_LOOKS_BILLING, LOOKUP_BILLING},
    {OMBUD_LOOKS_AREAS, LOOKUP_AREAS},
    {OMBUD_LOOKS_STEPS, LOOKUP_STEPS},
    {0, NULL}
};

/*
 * A leg's account is looked up only by a dossier (ombud complaint, run
 * --account): SQLite builds this index then, not at the first check,
 * which it cost 0.8 s of at 1M legs; PostgreSQL with the schema.
 */
const char ombud_account_index_sql[] =
    "CREATE INDEX IF NOT EXISTS call_legs_account ON call_legs(account_id);";

/* A new check of a period replaces the findings of the last one ($1 the
 * period's start, $2 its end), children first. */
const char *const ombud_purge_check_sql[] = {
    "DELETE FROM evidence WHERE breach_id IN (SELECT b.id FROM breaches b "
    "JOIN results r ON r.id = b.result_id JOIN checks k ON k.id = "
    "r.check_id WHERE k.period_start = $1 AND k.period_end = $2)",
    "DELETE FROM breaches WHERE result_id IN (SELECT r.id FROM results r "
    "JOIN checks k ON k.id = r.check_id WHERE k.period_start = $1 AND "
    "k.period_end = $2)",
    "DELETE FROM series WHERE result_id IN (SELECT r.id FROM results r "
    "JOIN checks k ON k.id = r.check_id WHERE k.period_start = $1 AND "
    "k.period_end = $2)",
    "DELETE FROM figure_runs WHERE result_id IN (SELECT r.id FROM results r "
    "JOIN checks k ON k.id = r.check_id WHERE k.period_start = $1 AND "
    "k.period_end = $2)",
    "DELETE FROM results WHERE check_id IN (SELECT id FROM checks WHERE "
    "period_start = $1 AND period_end = $2)",
    "DELETE FROM checks WHERE period_start = $1 AND period_end = $2",
    NULL
};

const char ombud_other_checks_sql[] =
    "SELECT count(*) FROM checks WHERE period_start <> $1 OR "
    "period_end <> $2";

/* The same when the store holds no other period's check: every findings
 * row is then the last check's. Without a WHERE (and, in SQLite, with
 * the foreign keys off: sq_begin_check) a table's pages are freed whole
 * instead of each row and index entry deleted in turn. The count and the
 * deletes see one view of the store: SQLite's check holds the write
 * lock, PostgreSQL's runs in repeatable read. */
const char *const ombud_purge_all_sql[] = {
    "DELETE FROM evidence",
    "DELETE FROM breaches",
    "DELETE FROM series",
    "DELETE FROM figure_runs",
    "DELETE FROM results",
    "DELETE FROM checks",
    NULL
};

/* A scratch result of the open check ($1 its id) goes, children first:
 * the engine's month runs (engine.c) judged a rule on one month of the
 * period and have read what it wrote. */
const char *const ombud_drop_result_sql[] = {
    "DELETE FROM evidence WHERE breach_id IN (SELECT id FROM breaches "
    "WHERE result_id = $1)",
    "DELETE FROM breaches WHERE result_id = $1",
    "DELETE FROM series WHERE result_id = $1",
    "DELETE FROM figure_runs WHERE result_id = $1",
    "DELETE FROM results WHERE id = $1",
    NULL
};

/*
 * The findings digest: each statement yields rows whose columns are joined
 * with '|' into one line of the canonical text (store.c). The order is
 * fixed by ORDER BY on stable keys; row ids of findings tables never
 * appear (they differ between stores). %s is the backend's row_key.
 */
const char *const ombud_digest_sql[OMBUD_DIGEST_PARTS] = {
    "SELECT 'check', period_start, period_end, tz, guarantees_sha256, "
    "currency FROM checks WHERE id = $1",
    "SELECT 'result', seq, guarantee_id, kind, promise, source, params, "
    "measured, target, unit, status, subjects, breaches, amount FROM results "
    "WHERE check_id = $1 ORDER BY seq",
    NULL, /* the breaches' place: ombud_digest_breach_sql, result by result */
    NULL, /* the figures' place: ombud_digest_figures_sql, result by result */
    "SELECT 'series', r.seq, s.name, s.k, s.v FROM series s JOIN results r ON "
    "r.id = s.result_id WHERE r.check_id = $1 ORDER BY r.seq, s.name, s.k",
};

/* The results of a check in order, whose breaches the digest reads. */
const char ombud_digest_results_sql[] =
    "SELECT id FROM results WHERE check_id = $1 ORDER BY seq";

/* One result's breach lines, each followed by its evidence rows (source id
 * and line): the breaches a chunk at a time (%d rows after the id $2), then
 * the evidence of the chunk's breaches (ids $2 < id <= $3) in order; %s is
 * the row_key. Joining each evidence row to its breach repeated the
 * breach's eleven columns on every one of its 650,000 evidence rows at 1M
 * legs: fetching and formatting them was a third of the PDF's digest. The
 * canonical text names a source by its checksum: store.c looks it up in
 * ombud_digest_sources_sql's rows, which joining every evidence row to
 * sources did in a quarter of the time at 1M legs. */
const char ombud_digest_breach_sql[] =
    "SELECT b.id, 'breach', r.seq, b.subject_kind, b.subject, b.at, "
    "b.measured, b.limit_value, b.shortfall, b.unit, b.amount, b.detail "
    "FROM breaches b JOIN results r ON r.id = b.result_id WHERE "
    "b.result_id = $1 AND b.id > $2 ORDER BY b.id LIMIT %d";

const char ombud_digest_evidence_sql[] =
    "SELECT e.breach_id, e.source_id, e.lines FROM breaches b JOIN evidence "
    "e ON e.breach_id = b.id WHERE b.result_id = $1 AND b.id > $2 AND "
    "b.id <= $3 ORDER BY b.id, e.%s";

const char ombud_digest_sources_sql[] = "SELECT id, sha256 FROM sources";

/* One result's figure runs in the order written; %s is the row_key. Its
 * last column, more, is spread into lines of their own (store.c). Read
 * result by result, in the order of ombud_digest_results_sql, as the one
 * statement ordered by the result's seq gave them: that statement sorted
 * every run of the check (263,067 at 1M legs, spilling to disk), where the
 * result's index gives them in order. */
const char ombud_digest_figures_sql[] =
    "SELECT 'figure', r.seq, f.subject, f.name, f.value, f.unit, f.more FROM "
    "figure_runs f JOIN results r ON r.id = f.result_id WHERE f.result_id = "
    "$1 ORDER BY f.%s";

/*
 * Evidence rows carry the source and line(s) of the row they name, so that
 * the digest and the reports read them without a join to every row table
 * (a six-way join was 46 % of writing the 1M-leg XLSX). SQLite copies them
 * as each evidence row is written; these statements fill the rows that
 * lack them: PostgreSQL's, gathered by COPY, at the end of each check, and
 * the evidence of a store made before the columns existed. Rows never
 * change once stored, so a copy cannot go stale; a row that names nothing
 * keeps NULL, as the join gave.
 */
#define EVIDENCE_FILL(tbl, lines) "UPDATE evidence AS e SET source_id = " \
    "t.source_id, lines = " lines " FROM " tbl " AS t WHERE e.source_id " \
    "IS NULL AND e.tbl = '" tbl "' AND t.id = e.row_id"
const char ombud_evidence_fill_sql[] =
    EVIDENCE_FILL("call_legs", OMBUD_LEG_LINES("t.")) ";"
    EVIDENCE_FILL("outages", OMBUD_ROW_LINES("t.")) ";"
    EVIDENCE_FILL("billing_events", OMBUD_ROW_LINES("t.")) ";"
    EVIDENCE_FILL("appointments", OMBUD_ROW_LINES("t.")) ";"
    EVIDENCE_FILL("orders", OMBUD_ROW_LINES("t.")) ";"
    EVIDENCE_FILL("customers", OMBUD_ROW_LINES("t.")) ";"
    EVIDENCE_FILL("outage_steps", OMBUD_ROW_LINES("t.")) ";";

/* The same for the legs and billing rows of a period [$1, $2) only: a
 * bound by which PostgreSQL prunes the monthly partitions. */
const char ombud_evidence_fill_legs_sql[] =
    EVIDENCE_FILL("call_legs", OMBUD_LEG_LINES("t."))
    " AND t.arrived_at >= $1 AND t.arrived_at < $2";
const char ombud_evidence_fill_billing_sql[] =
    EVIDENCE_FILL("billing_events", OMBUD_ROW_LINES("t."))
    " AND t.posted_at >= $1 AND t.posted_at < $2";

/* An outage's own row is its first step; the rows of outage_steps the
 * others. A step whose outage was forgotten names no outage and is left
 * out by the join. */
const char ombud_each_step_sql[] =
    "SELECT id, 'outages', id, restored_at, customers_restored FROM outages "
    "WHERE customers_restored IS NOT NULL AND started_at >= $1 AND "
    "started_at < $2 UNION ALL SELECT o.id, 'outage_steps', p.id, "
    "p.restored_at, p.customers_restored FROM outage_steps p JOIN outages o "
    "ON o.outage_id = p.outage_id WHERE o.customers_restored IS NOT NULL "
    "AND o.started_at >= $1 AND o.started_at < $2 ORDER BY 1, 4, 2, 3";

int ombud_spread_table(const char *kind, const char **tbl, const char **col)
{
    static const struct { const char *kind, *tbl, *col; } t[] = {
        {"outages", "outages", "started_at"},
        {"calls", "call_legs", "arrived_at"},
        {"queue_log", "call_legs", "arrived_at"},
        {"billing", "billing_events", "posted_at"},
        {"appointments", "appointments", "window_start"},
        {"orders", "orders", "ordered_at"},
        {"cdr", "cdr_records", "start_at"},
        {"snapshots", "snapshots", "at"}};

    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(kind, t[i].kind)) {
            *tbl = t[i].tbl;
            *col = t[i].col;
            return 1;
        }
    return 0;
}

char *ombud_spread_sql(const char *kind)
{
    const char *tbl, *col;

    if (!ombud_spread_table(kind, &tbl, &col))
        return NULL;
    return g_strdup_printf("SELECT count(*) FILTER (WHERE %s < $2), "
                           "count(*) FILTER (WHERE %s >= $2 AND %s < $3), "
                           "count(*) FILTER (WHERE %s >= $3) FROM %s "
                           "WHERE source_id = $1", col, col, col, col, tbl);
}

/* Index into ombud_source_tables of the table whose time gives a file of
 * @kind its span, or -1 for a kind whose rows have no time. */
int ombud_span_table(const char *kind)
{
    const char *tbl, *col;
    int i;

    /* backend.h's names for the indices ombud_be_span() is given */
    assert(!strcmp(ombud_source_tables[OMBUD_T_OUTAGES], "outages") &&
           !strcmp(ombud_source_tables[OMBUD_T_CALL_LEGS], "call_legs") &&
           !strcmp(ombud_source_tables[OMBUD_T_BILLING], "billing_events") &&
           !strcmp(ombud_source_tables[OMBUD_T_APPOINTMENTS],
                   "appointments") &&
           !strcmp(ombud_source_tables[OMBUD_T_ORDERS], "orders") &&
           !strcmp(ombud_source_tables[OMBUD_T_CDR], "cdr_records") &&
           !strcmp(ombud_source_tables[OMBUD_T_SNAPSHOTS], "snapshots"));
    if (!ombud_spread_table(kind, &tbl, &col))
        return -1;
    for (i = 0; strcmp(ombud_source_tables[i], tbl); i++)
        assert(ombud_source_tables[i + 1]);  /* every tbl is one */
    return i;
}

/* A file's span, recorded on its source row as it ends: the earliest and
 * latest time of its rows in @kind's table (ombud_spread_table) and how
 * many have one, above the table's floor $2. */
char *ombud_span_sql(const char *kind)
{
    const char *tbl, *col;

    if (!ombud_spread_table(kind, &tbl, &col))
        return NULL;
    return g_strdup_printf("UPDATE sources SET (span_first, span_last, "
                           "span_timed) = (SELECT min(%s), max(%s), "
                           "count(%s) FROM %s WHERE source_id = $1 AND id > "
                           "$2) WHERE id = $1", col, col, col, tbl);
}

/* ... or as the backend saw the rows go in (struct ombud_store's span). */
const char ombud_span_set_sql[] =
    "UPDATE sources SET span_first = $2, span_last = $3, span_timed = $4 "
    "WHERE id = $1";

const char ombud_span_get_sql[] =
    "SELECT span_first, span_last, span_timed FROM sources WHERE id = $1 "
    "AND span_timed IS NOT NULL";

const char *ombud_filter_sql(const char *what, int find)
{
    if (!strcmp(what, "queue"))
        return find ? "SELECT 1 FROM call_legs WHERE queue = $1 LIMIT 1"
                    : "SELECT DISTINCT queue FROM call_legs ORDER BY 1 LIMIT $1";
    if (!strcmp(what, "kind"))
        return find ? "SELECT 1 FROM appointments WHERE kind = $1 LIMIT 1"
                    : "SELECT DISTINCT kind FROM appointments WHERE kind IS NOT "
                      "NULL ORDER BY 1 LIMIT $1";
    if (!strcmp(what, "service"))
        return find ? "SELECT 1 FROM outages WHERE service = $1 UNION ALL "
                      "SELECT 1 FROM billing_events WHERE service = $1 UNION ALL "
                      "SELECT 1 FROM orders WHERE service = $1 LIMIT 1"
                    : "SELECT v FROM (SELECT service v FROM outages UNION "
                      "SELECT service FROM billing_events UNION SELECT service "
                      "FROM orders) x WHERE v IS NOT NULL ORDER BY 1 LIMIT $1";
    if (!strcmp(what, "area"))
        return find ? "SELECT 1 FROM outages WHERE area = $1 UNION ALL "
                      "SELECT 1 FROM billing_events WHERE area = $1 UNION ALL "
                      "SELECT 1 FROM orders WHERE area = $1 LIMIT 1"
                    : "SELECT v FROM (SELECT area v FROM outages UNION "
                      "SELECT area FROM billing_events UNION SELECT area "
                      "FROM orders) x WHERE v IS NOT NULL ORDER BY 1 LIMIT $1";
    return NULL;
}

const char *ombud_verdict_name(int pass)
{
    return pass == OMBUD_NO_DATA ? "NO DATA" : pass == OMBUD_REPORTABLE ?
           "REPORTABLE" : pass == OMBUD_MEASURED ? "MEASURED" :
           pass ? "PASS" : "FAIL";
}

int ombud_verdict_parse(const char *status)
{
    if (status && !strcmp(status, "PASS"))
        return OMBUD_PASS;
    if (status && !strcmp(status, "NO DATA"))
        return OMBUD_NO_DATA;
    if (status && !strcmp(status, "REPORTABLE"))
        return OMBUD_REPORTABLE;
    if (status && !strcmp(status, "MEASURED"))
        return OMBUD_MEASURED;
    return OMBUD_FAIL;
}

void ombud_refs_init(ombud_refs *r, char *buf, size_t size)
{
    *r = (ombud_refs){buf, size, 0, 0, 0};
    buf[0] = '\0';
}

void ombud_refs_add(ombud_refs *r, const char *name, size_t nlen,
                    const char *lines, size_t llen)
{
    r->count++;
    if (r->n + 64 + llen >= r->size)
        return;
    r->n += (size_t)snprintf(r->buf + r->n, r->size - r->n, "%s%.*s:%.*s",
                             r->n ? ", " : "", (int)nlen, name, (int)llen,
                             lines);
    r->shown++;
}

/*
 * The kinds whose rows have a unique key, so that a row of a corrected
 * file equal to a row of the old one is rejected as its duplicate: the
 * table, the key column and the reason its reject gives. For accounts the
 * reason names the key (the number's digits) before the first copy; for
 * the others the reject's value is the key.
 */
static const struct {
    const char *kind, *table, *key, *reason;
    int key_in_reason;
} keyed_kinds[] = {
    {"outages", "outages", "outage_id", OMBUD_DUP_OUTAGE_REASON, 0},
    {"calls", "call_legs", "call_id", OMBUD_DUP_LEG_REASON, 0},
    {"appointments", "appointments", "appointment_id",
     OMBUD_DUP_APPOINTMENT_REASON, 0},
    {"orders", "orders", "order_id", OMBUD_DUP_ORDER_REASON, 0},
    {"accounts", "accounts", "caller_number", OMBUD_DUP_ACCOUNT_REASON, 1},
};

const char *const ombud_source_tables[] = {
    "outages", "call_legs", "billing_events", "appointments", "orders",
    "accounts", "cdr_records", "customers", "outage_steps", "snapshots",
    NULL
};

char *ombud_name_clash_sql(const char *kind, char mark, char *pre,
                           size_t presize, char *mid, size_t midsize)
{
    for (size_t i = 0; i < sizeof keyed_kinds / sizeof keyed_kinds[0]; i++) {
        const char *r = keyed_kinds[i].reason, *a = strstr(r, "%s"), *b;
        const char *t = keyed_kinds[i].table, *k = keyed_kinds[i].key;
        char same[160], cond[2][512];

        if (strcmp(keyed_kinds[i].kind, kind))
            continue;
        assert(a);
        snprintf(pre, presize, "%.*s", (int)(a - r), r);
        if (keyed_kinds[i].key_in_reason) {
            b = strstr(a + 2, "%s");
            assert(b);
            snprintf(mid, midsize, "%.*s", (int)(b - a - 2), a + 2);
            snprintf(same, sizeof same, "t.%s", k);
        } else {
            snprintf(mid, midsize, "%s", "");
            snprintf(same, sizeof same, "''");
        }
        /* The first copy of a duplicate: a row of source x (o, the earlier
         * file, or s, the new one) at the line its reason names, with its
         * key. The CASTs give PostgreSQL the parameters' types. */
        for (int j = 0; j < 2; j++) {
            char x = j ? 's' : 'o';

            snprintf(cond[j], sizeof cond[j], "SELECT 1 FROM %s t WHERE "
                     "t.source_id = %c.id AND %s%s%s r.reason = CAST(%c2 AS "
                     "text) || %s || CAST(%c3 AS text) || %c.name || ':' || "
                     "t.line", t, x, keyed_kinds[i].key_in_reason ? "" : "t.",
                     keyed_kinds[i].key_in_reason ? "" : k,
                     keyed_kinds[i].key_in_reason ? "" : " = r.value AND",
                     mark, same, mark, x);
        }
        return g_strdup_printf(
            "SELECT o.id, count(*) FROM sources s JOIN sources o ON o.kind = "
            "s.kind AND o.name = s.name AND o.id <> s.id AND o.sha256 <> "
            "s.sha256 JOIN rejects r ON r.source_id = s.id WHERE s.id = %c1 "
            "AND substr(r.reason, 1, length(CAST(%c2 AS text))) = CAST(%c2 "
            "AS text) AND EXISTS (%s) AND NOT EXISTS (%s) GROUP BY o.id "
            "ORDER BY count(*) DESC, o.id LIMIT 1", mark, mark, mark,
            cond[0], cond[1]);
    }
    return NULL;
}

/*
 * Does @db name a PostgreSQL server rather than an SQLite file? Yes for a
 * "postgresql://" or "postgres://" URI, for "pg:" followed by an optional
 * libpq connection string, and for a libpq key=value string such as
 * "host=/run/pg dbname=ombud". Known without libpq, so that a build
 * without it can say so rather than create a file of that name.
 */
int ombud_pg_uri(const char *db)
{
    /* libpq keywords a connection string usually starts with. */
    static const char *const keys[] = {"host", "hostaddr", "port", "dbname",
                                       "user", "service", "sslmode", NULL};

    if (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11) ||
        !strncmp(db, "pg:", 3))
        return 1;
    for (int i = 0; keys[i]; i++) {
        size_t n = strlen(keys[i]);
        const char *s = db + n;

        if (strncmp(db, keys[i], n))
            continue;
        while (*s == ' ')
            s++;
        if (*s == '=')
            return 1;
    }
    return 0;
}
