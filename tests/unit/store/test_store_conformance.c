/*
 * test_store_conformance.c - the evidence store's public API (store.h),
 * the same calls and the same answers on both backends (issue 28).
 *
 * Which backend: OMBUD_STORE_URI, when set, is a PostgreSQL connection
 * string ("host=/run/pg dbname=conf", a URI, or "pg:" plus either) of a
 * database this test may create databases from: each test gets a fresh
 * database "<that one>_t<pid>_<n>", dropped after it (tests/pg/run.sh
 * runs it so against its throwaway server). Unset, each test gets a new
 * SQLite file in a temporary folder (make test-unit).
 *
 * Every expected value below is worked out by hand from the rows the
 * test stores, and read in the store.h contract, never in an answer of
 * either backend. Row and source ids are compared only with the ids the
 * store handed out (their values are not promised: PostgreSQL's
 * sequences do not roll back with a file, SQLite's rowids may be reused).
 *
 * Duplicate keys: a backend may tell on_dup as the row is added or when
 * the file ends (store.h); the test looks only at what must agree: which
 * rows, their lines, keys and first copies, and the counts after the file.
 *
 * A difference between the backends is a bug in one of them: no test
 * here is skipped for a backend.
 */
#include "testutil.h"
#include <stdarg.h>
#include <time.h>
#include <glib.h>
#include <libpq-fe.h>
#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/sha256.h"
#include "ombud/store.h"
#include "ombud/version.h"

/* ---- the store under test: a fresh one per test -------------------------- */

static const char *uri;     /* OMBUD_STORE_URI, or NULL: SQLite */
static char dir[64];        /* temporary folder: SQLite stores (both runs) */
static PGconn *admin;       /* PostgreSQL: creates and drops the databases */
static char dbname[64];     /* PostgreSQL: this test's database */
static char target[1024];   /* what this test's store was opened from */
static int serial;          /* numbers the tests' stores */
static ombud_store *st;     /* the store under test */
static FILE *devnull;       /* expected refusals print here */

/* What on_dup was told, as text, and the counts it keeps up to date. */
static struct {
    char seen[1024];
    ombud_counts *counts;   /* the file's counts, or NULL */
    int64_t source_id;
} dups;

/* 2026-10 in UTC, the period most tests read. */
#define OCT UTC(2026, 10, 1, 0, 0, 0)
#define NOV UTC(2026, 11, 1, 0, 0, 0)
/* The import time every source records. */
#define IMPORTED 1700000000

/* The SHA-256 of no bytes at all (FIPS 180-2's well-known value). */
#define SHA256_EMPTY \
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static const char *backend_name(void)
{
    return uri ? "PostgreSQL" : "SQLite";
}

/* The connection string libpq reads: without ombud's "pg:" prefix. */
static const char *libpq_string(const char *s)
{
    return strncmp(s, "pg:", 3) ? s : s + 3;
}

/* Append @key='@val' to @out, quoted as libpq's connection strings are. */
static void put_option(char *out, size_t size, const char *key,
                       const char *val)
{
    size_t n = strlen(out);

    n += (size_t)snprintf(out + n, size - n, "%s%s='", n ? " " : "", key);
    for (; *val && n + 3 < size; val++) {
        if (*val == '\'' || *val == '\\')
            out[n++] = '\\';
        out[n++] = *val;
    }
    snprintf(out + n, size - n, "'");
}

/*
 * "pg:" and OMBUD_STORE_URI's options with the database replaced by
 * @db: a URI and a keyword string alike (PQconninfoParse reads both).
 */
static int pg_target(const char *db, char *out, size_t size)
{
    char *err = NULL;
    PQconninfoOption *opt = PQconninfoParse(libpq_string(uri), &err);
    char opts[900] = "";

    if (!opt) {
        fprintf(stderr, "OMBUD_STORE_URI: %s", err ? err : "no memory\n");
        PQfreemem(err);
        return -1;
    }
    for (PQconninfoOption *o = opt; o->keyword; o++)
        if (o->val && strcmp(o->keyword, "dbname"))
            put_option(opts, sizeof opts, o->keyword, o->val);
    put_option(opts, sizeof opts, "dbname", db);
    PQconninfoFree(opt);
    snprintf(out, size, "pg:%s", opts);
    return 0;
}

/* Run @verb (CREATE or DROP) DATABASE for this test's database. */
static int pg_database(const char *verb)
{
    char *id = PQescapeIdentifier(admin, dbname, strlen(dbname)), sql[160];
    PGresult *r;
    int ok;

    snprintf(sql, sizeof sql, "%s DATABASE %s%s", verb,
             strcmp(verb, "DROP") ? "" : "IF EXISTS ", id);
    PQfreemem(id);
    r = PQexec(admin, sql);
    ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "%s: %s", sql, PQerrorMessage(admin));
    PQclear(r);
    return ok ? 0 : -1;
}

/* Remove an SQLite store and its WAL files. */
static void remove_sqlite(const char *path)
{
    char p[1100];

    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static int group_setup(void **state)
{
    (void)state;
    ombud_diag_set_verbosity(OMBUD_QUIET);
    devnull = fopen("/dev/null", "w");
    snprintf(dir, sizeof dir, "/tmp/ombud-conformance-XXXXXX");
    if (!devnull || !mkdtemp(dir))
        return -1;
    if (!uri)
        return 0;
    admin = PQconnectdb(libpq_string(uri));
    if (PQstatus(admin) != CONNECTION_OK) {
        fprintf(stderr, "OMBUD_STORE_URI: %s", PQerrorMessage(admin));
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    PQfinish(admin);
    admin = NULL;
    rmdir(dir);
    if (devnull)
        fclose(devnull);
    return 0;
}

/* A new, empty store for each test: no test sees another's rows. */
static int setup(void **state)
{
    (void)state;
    serial++;
    if (uri) {
        snprintf(dbname, sizeof dbname, "%.30s_t%d_%d", PQdb(admin),
                 (int)getpid(), serial);
        if (pg_database("CREATE") || pg_target(dbname, target, sizeof target))
            return -1;
    } else {
        snprintf(target, sizeof target, "%s/t%d.db", dir, serial);
    }
    return ombud_store_open(target, &st) == OMBUD_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    ombud_store_close(st);
    st = NULL;
    ombud_diag_set_stream(NULL);
    if (uri)
        return pg_database("DROP");
    remove_sqlite(target);
    return 0;
}

/* Expected refusals print an error: keep it out of the log. */
static void hush(int on)
{
    ombud_diag_set_stream(on ? devnull : NULL);
}

/* A row not kept for its key: noted, rejected, taken out of "stored". */
static ombud_err on_dup(void *ud, const ombud_dup *d)
{
    size_t n = strlen(dups.seen);

    (void)ud;
    snprintf(dups.seen + n, sizeof dups.seen - n, "%ld|%s|%s|%s|%lld\n",
             d->line, d->key, d->given, d->first, (long long)d->lines);
    if (dups.counts) {
        dups.counts->stored -= d->lines;
        dups.counts->rejected++;
    }
    return ombud_store_add_reject(st, dups.source_id, &(ombud_reject){
        d->line, 1, "key", d->given, "duplicate"});
}

/* ---- writing rows -------------------------------------------------------- */

/* A checksum of 64 digits made from @n, so each test file has its own. */
static const char *sha_of(int n)
{
    static char buf[8][65];
    char *s = buf[n & 7];

    snprintf(s, 65, "%064d", n);
    return s;
}

/* Start importing file @name of @kind, checksum sha_of(@n), 100 + @n bytes. */
static int64_t begin(const char *kind, const char *name, int n)
{
    char path[128];
    int64_t id = 0;

    snprintf(path, sizeof path, "/in/%s", name);
    ombud_source src = {kind, name, path, sha_of(n), 100 + n, "UTC",
                        IMPORTED, NULL, on_dup, &dups};
    assert_int_equal(ombud_store_begin_file(st, &src, &id), OMBUD_OK);
    assert_true(id > 0);
    return id;
}

/* Commit a file whose counts are right. */
static void end(int64_t id, int64_t read, int64_t stored, int64_t rejected,
                int64_t counted)
{
    ombud_counts c = {read, stored, rejected, counted};

    assert_int_equal(ombud_store_end_file(st, id, &c), OMBUD_OK);
}

/* end_file must refuse these counts (OMBUD_E_INTERNAL), quietly. */
static void end_refused(int64_t id, int64_t read, int64_t stored,
                        int64_t rejected, int64_t counted)
{
    ombud_counts c = {read, stored, rejected, counted};

    hush(1);
    assert_int_equal(ombud_store_end_file(st, id, &c), OMBUD_E_INTERNAL);
    hush(0);
}

/* An outage with only its id and times; the rest blank. */
static ombud_outage outage(const char *id, int64_t started, int64_t restored)
{
    return (ombud_outage){id, NULL, NULL, NULL, started, restored, 0,
                          OMBUD_TIME_NONE, OMBUD_TIME_NONE, 0, NULL,
                          OMBUD_TIME_NONE, NULL, NULL, 0};
}

/* A leg that no person answered; @lines NULL for a row of its own. */
static ombud_call_leg leg(const char *id, const char *queue, int64_t arrived,
                          int64_t ended, const char *outcome,
                          const char *lines)
{
    return (ombud_call_leg){id, NULL, queue, arrived, OMBUD_TIME_NONE, ended,
                            outcome, NULL, NULL, NULL, OMBUD_TIME_NONE,
                            lines};
}

static ombud_billing bill(const char *account, const char *kind,
                          int64_t posted, int64_t amount)
{
    return (ombud_billing){account, kind, posted, amount, 1, "USD", NULL,
                           OMBUD_TIME_NONE, OMBUD_TIME_NONE, OMBUD_TIME_NONE,
                           NULL, NULL, NULL};
}

static ombud_appointment appt(const char *id, int64_t from, int64_t to)
{
    return (ombud_appointment){id, NULL, NULL, NULL, OMBUD_TIME_NONE, from,
                               to, OMBUD_TIME_NONE, OMBUD_TIME_NONE, NULL,
                               0};
}

static ombud_order order(const char *id, int64_t ordered, int64_t promised)
{
    return (ombud_order){id, NULL, NULL, NULL, NULL, ordered, promised, 0,
                         OMBUD_TIME_NONE, 0, NULL};
}

static void add_outage(int64_t src, long line, const ombud_outage *o)
{
    assert_int_equal(ombud_store_add_outage(st, src, line, o), OMBUD_OK);
}

static void add_leg(int64_t src, long line, const ombud_call_leg *c)
{
    assert_int_equal(ombud_store_add_call_leg(st, src, line, c), OMBUD_OK);
}

static void add_bill(int64_t src, long line, const ombud_billing *b)
{
    assert_int_equal(ombud_store_add_billing(st, src, line, b), OMBUD_OK);
}

static void add_appt(int64_t src, long line, const ombud_appointment *a)
{
    assert_int_equal(ombud_store_add_appointment(st, src, line, a), OMBUD_OK);
}

static void add_order(int64_t src, long line, const ombud_order *o)
{
    assert_int_equal(ombud_store_add_order(st, src, line, o), OMBUD_OK);
}

static void add_reject(int64_t src, long line, long col, const char *field,
                       const char *value, const char *reason)
{
    ombud_reject r = {line, col, field, value, reason};
    assert_int_equal(ombud_store_add_reject(st, src, &r), OMBUD_OK);
}

/* ---- reading rows back as text ------------------------------------------- */

/* What an iteration saw: one line of text per row, and the rows' ids. */
typedef struct seen {
    char text[4096];
    int n;
    int64_t ids[16];
} seen;

static void saw(seen *s, int64_t id, const char *fmt, ...)
{
    size_t len = strlen(s->text);
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(s->text + len, sizeof s->text - len, fmt, ap);
    va_end(ap);
    if (s->n < 16)
        s->ids[s->n] = id;
    s->n++;
}

/* A blank (NULL) string as "-". */
static const char *S(const char *s)
{
    return s ? s : "-";
}

/* An instant as "2026-10-01 00:00:00" (UTC), "-" for OMBUD_TIME_NONE, so
 * that expectations read as dates. Eight buffers in turn. */
static const char *TM(int64_t t)
{
    static char buf[8][24];
    static int k;
    char *b = buf[k++ & 7];
    time_t tt = (time_t)t;
    struct tm tm;

    if (t == OMBUD_TIME_NONE)
        return "-";
    gmtime_r(&tt, &tm);
    strftime(b, 24, "%Y-%m-%d %H:%M:%S", &tm);
    return b;
}

static int on_outage(void *ud, int64_t id, const ombud_outage *o)
{
    saw(ud, id, "%s|%s|%s|%s|%s|%s|%d|%s|%s|%lld|%s|%s|%s|%s\n",
        o->outage_id, S(o->account_id), S(o->area), S(o->service),
        TM(o->started_at), TM(o->restored_at), o->planned,
        TM(o->scheduled_at), TM(o->notified_at),
        (long long)o->customers_affected, S(o->cause), TM(o->reported_at),
        S(o->exclusion), S(o->location_class));
    return 0;
}

/* (A leg read back does not carry its lines: only its fields.) */
static int on_leg(void *ud, int64_t id, const ombud_call_leg *c)
{
    saw(ud, id, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", c->call_id,
        S(c->account_id), c->queue, TM(c->arrived_at), TM(c->answered_at),
        TM(c->ended_at), c->outcome, S(c->agent_id), S(c->transferred_to),
        S(c->ticket_id), TM(c->promised_restore_at));
    return 0;
}

static int on_bill(void *ud, int64_t id, const ombud_billing *b)
{
    char amount[24] = "-";

    if (b->has_amount)
        snprintf(amount, sizeof amount, "%lld", (long long)b->amount);
    saw(ud, id, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s\n", b->account_id,
        b->kind, TM(b->posted_at), amount, b->currency, S(b->service),
        TM(b->period_start), TM(b->period_end), TM(b->due_at),
        S(b->reference), S(b->description), S(b->area));
    return 0;
}

static int on_appt(void *ud, int64_t id, const ombud_appointment *a)
{
    saw(ud, id, "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d\n", a->appointment_id,
        S(a->account_id), S(a->reference), S(a->kind), TM(a->booked_at),
        TM(a->window_start), TM(a->window_end), TM(a->arrived_at),
        TM(a->cancelled_at), S(a->cancelled_by), a->customer_absent);
    return 0;
}

static int on_order(void *ud, int64_t id, const ombud_order *o)
{
    saw(ud, id, "%s|%s|%s|%s|%s|%s|%s|%d|%s|%d|%s\n", o->order_id,
        S(o->account_id), S(o->service), S(o->area), S(o->location_class),
        TM(o->ordered_at), TM(o->promised_at), o->promised_all_day,
        TM(o->completed_at), o->customer_requested_later, S(o->exclusion));
    return 0;
}

static int on_customers(void *ud, int64_t id, const char *file, long line,
                        const ombud_customers *c)
{
    saw(ud, id, "%s|%lld|%s|%s:%ld\n", c->area,
        (long long)c->customers_served, TM(c->as_of), file, line);
    return 0;
}

static int on_snapshot(void *ud, int64_t id, const char *file, long line,
                       const ombud_snapshot *n)
{
    saw(ud, id, "%s|%s|%lld|%s:%ld\n", n->area, TM(n->at),
        (long long)n->customers_out, file, line);
    return 0;
}

static int on_source(void *ud, const ombud_source_row *s)
{
    saw(ud, s->id, "%s|%s|%s|%.8s|%lld|%s|%lld|%s|%s|%lld=%lld+%lld+%lld\n",
        s->kind, s->name, s->path, s->sha256, (long long)s->bytes, s->tz,
        (long long)s->imported_at, S(s->settings), S(s->notes),
        (long long)s->counts.read, (long long)s->counts.stored,
        (long long)s->counts.rejected, (long long)s->counts.counted);
    return 0;
}

static int on_reject(void *ud, const char *file, const ombud_reject *r)
{
    saw(ud, 0, "%s:%ld:%ld|%s|%s|%s\n", file, r->line, r->col, S(r->field),
        S(r->value), r->reason);
    return 0;
}

/* Stop after the first row. */
static int first_only(void *ud, int64_t id, const ombud_call_leg *c)
{
    (void)c;
    saw(ud, id, "x");
    return 1;
}

static ombud_store_totals totals(void)
{
    ombud_store_totals t;

    assert_int_equal(ombud_store_totals_get(st, &t), OMBUD_OK);
    return t;
}

/* The sources as each_source() lists them. */
static seen sources(void)
{
    seen s = {0};

    assert_int_equal(ombud_store_each_source(st, on_source, &s), OMBUD_OK);
    return s;
}

/* The id find_source() gives for (@kind, @sha), 0 when none. */
static int64_t found(const char *kind, const char *sha)
{
    int64_t id = -1;

    assert_int_equal(ombud_store_find_source(st, kind, sha, &id, NULL),
                     OMBUD_OK);
    return id;
}

static int has_size(const char *kind, int64_t bytes)
{
    int f = -1;

    assert_int_equal(ombud_store_has_size(st, kind, bytes, &f), OMBUD_OK);
    return f;
}

/* ---- 1: a file's counts -------------------------------------------------- */

/* A committed file is found by kind and checksum with its counts, by
 * size, in the totals and as the last file; nothing else is. */
static void test_file_counts(void **state)
{
    ombud_outage a = outage("T-1", OCT, OMBUD_TIME_NONE),
                 b = outage("T-2", OCT + 60, OCT + 120);
    ombud_counts got = {-1, -1, -1, -1};
    ombud_store_totals t;
    int64_t id, other = -1;
    (void)state;
    assert_int_equal(ombud_store_last_file(st), 0);
    id = begin("outages", "o.csv", 1);
    add_outage(id, 2, &a);
    add_reject(id, 3, 2, "started_at", "yesterday", "not a time");
    add_outage(id, 4, &b);
    end(id, 3, 2, 1, 0);
    assert_int_equal(ombud_store_find_source(st, "outages", sha_of(1), &other,
                                             &got), OMBUD_OK);
    assert_int_equal(other, id);
    assert_int_equal(got.read, 3);
    assert_int_equal(got.stored, 2);
    assert_int_equal(got.rejected, 1);
    assert_int_equal(got.counted, 0);
    assert_int_equal(found("calls", sha_of(1)), 0);      /* other kind */
    assert_int_equal(found("outages", sha_of(2)), 0);    /* other file */
    assert_int_equal(has_size("outages", 101), 1);
    assert_int_equal(has_size("outages", 102), 0);
    assert_int_equal(has_size("calls", 101), 0);
    assert_int_equal(ombud_store_last_file(st), id);
    t = totals();
    assert_int_equal(t.sources, 1);
    assert_int_equal(t.outages, 2);
    assert_int_equal(t.rejects, 1);
    assert_int_equal(t.call_legs + t.billing_events + t.appointments +
                     t.orders, 0);
}

/* A queue_log leg built from three lines stands for three rows; the
 * lines in no leg are counted: read 5 = 3 stored + 0 rejected + 2. */
static void test_counted_lines(void **state)
{
    ombud_call_leg q = leg("Q-1", "tech", OCT, OCT + 30, "abandoned", "3,5,6");
    ombud_counts got = {-1, -1, -1, -1};
    ombud_store_totals t;
    int64_t id, other;
    (void)state;
    id = begin("queue_log", "queue_log", 3);
    add_leg(id, 6, &q);
    end(id, 5, 3, 0, 2);
    assert_int_equal(ombud_store_find_source(st, "queue_log", sha_of(3),
                                             &other, &got), OMBUD_OK);
    assert_int_equal(other, id);
    assert_int_equal(got.read, 5);
    assert_int_equal(got.stored, 3);
    assert_int_equal(got.rejected, 0);
    assert_int_equal(got.counted, 2);
    t = totals();
    assert_int_equal(t.call_legs, 1);   /* one leg, whatever its lines */
}

/* ---- 2: abort_file and row accounting ------------------------------------ */

/* Nothing of an aborted file remains, and the handle imports again. */
static void test_abort_file(void **state)
{
    ombud_outage o = outage("T-1", OCT, OMBUD_TIME_NONE);
    ombud_billing b = bill("ACC-1", "charge", OCT, 100);
    ombud_store_totals t;
    int64_t id, from, to;
    (void)state;
    id = begin("outages", "o.csv", 1);
    add_outage(id, 2, &o);
    add_reject(id, 3, 0, NULL, NULL, "too many fields");
    ombud_store_abort_file(st);
    t = totals();
    assert_int_equal(t.sources + t.outages + t.rejects, 0);
    assert_int_equal(found("outages", sha_of(1)), 0);
    assert_int_equal(has_size("outages", 101), 0);
    assert_int_equal(sources().n, 0);
    assert_int_equal(ombud_store_data_span(st, &from, &to), OMBUD_E_DATA);
    assert_int_equal(ombud_store_last_file(st), 0);
    id = begin("billing", "b.csv", 2);
    add_bill(id, 2, &b);
    end(id, 1, 1, 0, 0);
    assert_int_equal(found("billing", sha_of(2)), id);
    assert_int_equal(totals().billing_events, 1);
}

/* Nothing is stored: no source, row or reject, in any listing. */
static void assert_empty(void)
{
    ombud_store_totals t = totals();
    seen r = {0};

    assert_int_equal(t.sources + t.outages + t.call_legs + t.billing_events +
                     t.rejects + t.appointments + t.orders, 0);
    assert_int_equal(sources().n, 0);
    assert_int_equal(ombud_store_each_reject(st, on_reject, &r), OMBUD_OK);
    assert_int_equal(r.n, 0);
}

/* Counts that do not add up, or that the tables do not hold, roll the
 * whole file back with OMBUD_E_INTERNAL. */
static void test_accounting_mismatch(void **state)
{
    ombud_outage o = outage("T-1", OCT, OMBUD_TIME_NONE);
    ombud_call_leg q = leg("Q-1", "tech", OCT, OCT + 30, "abandoned", "3,5,6");
    int64_t id;
    (void)state;
    id = begin("outages", "o.csv", 1);          /* read 2 != 1 + 0 + 0 */
    add_outage(id, 2, &o);
    end_refused(id, 2, 1, 0, 0);
    assert_empty();
    id = begin("outages", "o.csv", 1);          /* claims a row not stored */
    end_refused(id, 1, 1, 0, 0);
    assert_empty();
    id = begin("outages", "o.csv", 1);          /* a row not claimed */
    add_outage(id, 2, &o);
    end_refused(id, 0, 0, 0, 0);
    assert_empty();
    id = begin("outages", "o.csv", 1);          /* claims a reject not stored */
    add_outage(id, 2, &o);
    end_refused(id, 2, 1, 1, 0);
    assert_empty();
    id = begin("outages", "o.csv", 1);          /* negative counted */
    add_outage(id, 2, &o);
    add_outage(id, 3, &(ombud_outage){.outage_id = "T-2", .started_at = OCT,
        .restored_at = OMBUD_TIME_NONE, .scheduled_at = OMBUD_TIME_NONE,
        .notified_at = OMBUD_TIME_NONE, .reported_at = OMBUD_TIME_NONE});
    end_refused(id, 1, 2, 0, -1);
    assert_empty();
    id = begin("queue_log", "queue_log", 3);    /* a 3-line leg counted as 1 */
    add_leg(id, 6, &q);
    end_refused(id, 3, 1, 0, 2);
    assert_empty();
    id = begin("outages", "o.csv", 1);          /* and then, done right */
    add_outage(id, 2, &o);
    end(id, 1, 1, 0, 0);
    assert_int_equal(found("outages", sha_of(1)), id);
}

/* ---- 3: a source's checksum, notes and settings -------------------------- */

/* Input from a pipe: begun as "pending", its checksum set once known. */
static int64_t piped_file(void)
{
    ombud_source src = {"billing", "b.csv", "/dev/fd/63", "pending", 0,
                        "America/Los_Angeles", IMPORTED, NULL, NULL, NULL};
    ombud_billing b = bill("ACC-1", "charge", OCT, 5000);
    int64_t id;

    assert_int_equal(ombud_store_begin_file(st, &src, &id), OMBUD_OK);
    add_bill(id, 2, &b);
    assert_int_equal(ombud_store_set_source_checksum(st, id, sha_of(7), 1234),
                     OMBUD_OK);
    assert_int_equal(ombud_store_set_source_notes(st, id, "1 charge; no "
                                                  "notices"), OMBUD_OK);
    end(id, 1, 1, 0, 0);
    return id;
}

static void test_source_checksum_notes(void **state)
{
    ombud_source q = {"queue_log", "queue_log", "/var/log/asterisk/queue_log",
                      sha_of(8), 300, "UTC", IMPORTED,
                      "exitwithtimeout = voicemail", NULL, NULL};
    int64_t a, b;
    seen s;
    (void)state;
    a = piped_file();
    assert_int_equal(found("billing", sha_of(7)), a);
    assert_int_equal(found("billing", "pending"), 0);
    assert_int_equal(has_size("billing", 1234), 1);
    assert_int_equal(has_size("billing", 0), 0);
    assert_int_equal(ombud_store_begin_file(st, &q, &b), OMBUD_OK);
    end(b, 0, 0, 0, 0);
    assert_true(b > a);
    s = sources();   /* in import order; no notes: NULL, as no settings */
    assert_string_equal(s.text,
        "billing|b.csv|/dev/fd/63|00000000|1234|America/Los_Angeles|"
        "1700000000|-|1 charge; no notices|1=1+0+0\n"
        "queue_log|queue_log|/var/log/asterisk/queue_log|00000000|300|UTC|"
        "1700000000|exitwithtimeout = voicemail|-|0=0+0+0\n");
    assert_int_equal(s.ids[0], a);
    assert_int_equal(s.ids[1], b);
}

/* ---- 4: rows over a period: [from, to) ----------------------------------- */

/* Outages of outages.csv lines 2-7, in file order (not start order). */
static void store_outages(void)
{
    ombud_outage o[6] = {
        outage("O-1", UTC(2026, 9, 30, 20, 0, 0), OCT),
        outage("O-2", UTC(2026, 9, 30, 22, 0, 0), OCT + 1),
        outage("O-3", NOV - 1, OMBUD_TIME_NONE),
        outage("O-4", NOV, OMBUD_TIME_NONE),
        outage("O-5", UTC(2026, 9, 1, 0, 0, 0), OMBUD_TIME_NONE),
        {"O-6", "ACC-1", "North", "fibre", UTC(2026, 10, 10, 8, 0, 0),
         UTC(2026, 10, 10, 20, 0, 0), 1, UTC(2026, 10, 3, 9, 0, 0),
         UTC(2026, 10, 2, 12, 0, 0), 120, "fibre cut",
         UTC(2026, 10, 10, 8, 30, 0), "planned_notified", "urban", 0},
    };
    int64_t id = begin("outages", "outages.csv", 1);

    for (int i = 0; i < 6; i++)
        add_outage(id, 2 + i, &o[i]);
    add_reject(id, 8, 1, "outage_id", NULL, "blank outage_id");
    end(id, 7, 6, 1, 0);
}

/* Started in [from, to): O-6 and O-3 of October, in start order when
 * asked; O-4 (started at to) and September's three are out. In the
 * store's own order the same rows, in any order. */
static void test_each_outage_started(void **state)
{
    seen s = {0}, any = {0}, all = {0};
    (void)state;
    store_outages();
    assert_int_equal(ombud_store_each_outage_started(st, OCT, NOV, 1,
                                                     on_outage, &s), OMBUD_OK);
    assert_string_equal(s.text,
        "O-6|ACC-1|North|fibre|2026-10-10 08:00:00|2026-10-10 20:00:00|1|"
        "2026-10-03 09:00:00|2026-10-02 12:00:00|120|fibre cut|"
        "2026-10-10 08:30:00|planned_notified|urban\n"
        "O-3|-|-|-|2026-10-31 23:59:59|-|0|-|-|0|-|-|-|-\n");
    assert_int_equal(ombud_store_each_outage_started(st, OCT, NOV, 0,
                                                     on_outage, &any), OMBUD_OK);
    assert_int_equal(any.n, 2);
    assert_non_null(strstr(any.text, "O-6|ACC-1|North|"));
    assert_non_null(strstr(any.text, "O-3|-|-|-|2026-10-31 23:59:59|"));
    assert_int_equal(ombud_store_each_outage_started(st, UTC(2026, 9, 1, 0, 0,
                     0), NOV + 1, 0, on_outage, &all), OMBUD_OK);
    assert_int_equal(all.n, 6);
}

/* Open at some instant of [from, to): started before to, not restored by
 * from. O-1 restored exactly at from and O-4 started exactly at to are
 * out; open O-5 and O-3 are in. In start order. */
static void test_each_outage(void **state)
{
    seen s = {0}, nov = {0};
    int64_t row, restored;
    (void)state;
    store_outages();
    assert_int_equal(ombud_store_each_outage(st, OCT, NOV, on_outage, &s),
                     OMBUD_OK);
    assert_string_equal(s.text,
        "O-5|-|-|-|2026-09-01 00:00:00|-|0|-|-|0|-|-|-|-\n"
        "O-2|-|-|-|2026-09-30 22:00:00|2026-10-01 00:00:01|0|-|-|0|-|-|-|-\n"
        "O-6|ACC-1|North|fibre|2026-10-10 08:00:00|2026-10-10 20:00:00|1|"
        "2026-10-03 09:00:00|2026-10-02 12:00:00|120|fibre cut|"
        "2026-10-10 08:30:00|planned_notified|urban\n"
        "O-3|-|-|-|2026-10-31 23:59:59|-|0|-|-|0|-|-|-|-\n");
    /* The next day: the two still open and O-4, started at its start. */
    assert_int_equal(ombud_store_each_outage(st, NOV, NOV + 86400, on_outage,
                                             &nov), OMBUD_OK);
    assert_string_equal(nov.text,
        "O-5|-|-|-|2026-09-01 00:00:00|-|0|-|-|0|-|-|-|-\n"
        "O-3|-|-|-|2026-10-31 23:59:59|-|0|-|-|0|-|-|-|-\n"
        "O-4|-|-|-|2026-11-01 00:00:00|-|0|-|-|0|-|-|-|-\n");
    /* Looked up by id: the row the iteration gave, and its restoration. */
    assert_int_equal(ombud_store_outage_restored(st, "O-6", &row, &restored),
                     OMBUD_OK);
    assert_int_equal(row, s.ids[2]);
    assert_int_equal(restored, UTC(2026, 10, 10, 20, 0, 0));
    assert_int_equal(ombud_store_outage_restored(st, "O-3", &row, &restored),
                     OMBUD_OK);
    assert_int_equal(row, s.ids[3]);
    assert_int_equal(restored, OMBUD_TIME_NONE);
    assert_int_equal(ombud_store_outage_restored(st, "O-9", &row, &restored),
                     OMBUD_OK);
    assert_int_equal(row, 0);
    assert_int_equal(restored, OMBUD_TIME_NONE);
}

/* Legs of calls.csv lines 2-7: one a second before, at, a second before
 * the end of and at the end of October; two arriving in the same second. */
static void store_legs(void)
{
    ombud_call_leg c[6] = {
        leg("C-1", "tech", OCT - 1, OCT + 59, "abandoned", NULL),
        {"C-2", "ACC-1", "tech", OCT, OCT + 30, OCT + 300, "answered", "A-7",
         "billing", "O-6", UTC(2026, 10, 11, 8, 0, 0), NULL},
        leg("C-3", "billing", NOV - 1, NOV + 60, "abandoned", NULL),
        leg("C-4", "tech", NOV, NOV + 60, "abandoned", NULL),
        leg("C-5", "tech", UTC(2026, 10, 15, 12, 0, 0),
            UTC(2026, 10, 15, 12, 1, 0), "abandoned", NULL),
        leg("C-6", "repair", UTC(2026, 10, 15, 12, 0, 0),
            UTC(2026, 10, 15, 12, 2, 0), "voicemail", NULL),
    };
    int64_t id = begin("calls", "calls.csv", 2);

    for (int i = 0; i < 6; i++)
        add_leg(id, 2 + i, &c[i]);
    end(id, 6, 6, 0, 0);
}

/* Arrived in [from, to), in arrival order, ties by row id (C-5 before
 * C-6, stored in that order); a stop by the callback is honoured. */
static void test_each_leg(void **state)
{
    seen s = {0}, one = {0};
    (void)state;
    store_legs();
    assert_int_equal(ombud_store_each_leg(st, OCT, NOV, on_leg, &s), OMBUD_OK);
    assert_string_equal(s.text,
        "C-2|ACC-1|tech|2026-10-01 00:00:00|2026-10-01 00:00:30|"
        "2026-10-01 00:05:00|answered|A-7|billing|O-6|2026-10-11 08:00:00\n"
        "C-5|-|tech|2026-10-15 12:00:00|-|2026-10-15 12:01:00|abandoned|"
        "-|-|-|-\n"
        "C-6|-|repair|2026-10-15 12:00:00|-|2026-10-15 12:02:00|voicemail|"
        "-|-|-|-\n"
        "C-3|-|billing|2026-10-31 23:59:59|-|2026-11-01 00:01:00|abandoned|"
        "-|-|-|-\n");
    assert_true(s.ids[1] < s.ids[2]);
    /* Only the stop is checked: store.h says the callback's value "is
     * returned", but both backends return OMBUD_OK after a stop. */
    (void)ombud_store_each_leg(st, OCT, NOV, first_only, &one);
    assert_int_equal(one.n, 1);
    assert_int_equal(one.ids[0], s.ids[0]);
}

static int on_grouped(void *ud, const char *group, int is_ticket,
                      int64_t id, const ombud_call_leg *c)
{
    saw(ud, id, "%s|%d|%s|%s\n", group, is_ticket, c->call_id,
        TM(c->arrived_at));
    return 0;
}

/*
 * customer_effort's view of the legs: those of the period with a ticket
 * by ticket, then those with none by account, each group in name order
 * and its legs in arrival order; a leg with neither is left out, and so
 * is one of another period.
 */
static void test_each_leg_grouped(void **state)
{
    ombud_call_leg c[8] = {
        leg("G-1", "tech", UTC(2026, 10, 3, 10, 0, 0),
            UTC(2026, 10, 3, 10, 5, 0), "closed", NULL),
        leg("G-2", "tech", UTC(2026, 10, 5, 10, 0, 0),
            UTC(2026, 10, 5, 10, 5, 0), "closed", NULL),
        leg("G-3", "tech", UTC(2026, 10, 2, 10, 0, 0),
            UTC(2026, 10, 2, 10, 5, 0), "closed", NULL),
        leg("G-4", "tech", UTC(2026, 10, 6, 10, 0, 0),
            UTC(2026, 10, 6, 10, 5, 0), "closed", NULL),
        leg("G-5", "tech", UTC(2026, 10, 4, 10, 0, 0),
            UTC(2026, 10, 4, 10, 5, 0), "closed", NULL),
        leg("G-6", "tech", UTC(2026, 10, 7, 10, 0, 0),
            UTC(2026, 10, 7, 10, 5, 0), "closed", NULL),
        leg("G-7", "tech", UTC(2026, 10, 1, 10, 0, 0),
            UTC(2026, 10, 1, 10, 5, 0), "closed", NULL),
        leg("G-8", "tech", NOV, NOV + 60, "closed", NULL),
    };
    static const char *account[8] = {"ACC-B", "ACC-A", "ACC-A", NULL,
                                     "ACC-B", NULL, "ACC-A", "ACC-A"};
    static const char *ticket[8] = {NULL, "TT-2", NULL, "TT-1", "TT-2",
                                    NULL, NULL, NULL};
    seen s = {0};
    int64_t id = begin("calls", "calls.csv", 2);
    (void)state;

    for (int i = 0; i < 8; i++) {
        c[i].account_id = account[i];
        c[i].ticket_id = ticket[i];
        add_leg(id, 2 + i, &c[i]);
    }
    end(id, 8, 8, 0, 0);
    assert_int_equal(ombud_store_each_leg_grouped(st, OCT, NOV, on_grouped,
                                                  &s), OMBUD_OK);
    assert_string_equal(s.text,
        "TT-1|1|G-4|2026-10-06 10:00:00\n"
        "TT-2|1|G-5|2026-10-04 10:00:00\n"
        "TT-2|1|G-2|2026-10-05 10:00:00\n"
        "ACC-A|0|G-7|2026-10-01 10:00:00\n"
        "ACC-A|0|G-3|2026-10-02 10:00:00\n"
        "ACC-B|0|G-1|2026-10-03 10:00:00\n");
}

/* Billing lines 2-7 of three accounts, one posted at each bound. */
static void store_billing(void)
{
    ombud_billing b[6] = {
        bill("acc-a", "charge", UTC(2026, 10, 5, 0, 0, 0), 5000),
        {"ACC-B", "credit", UTC(2026, 10, 2, 0, 0, 0), -978, 1, "USD",
         "fibre", OMBUD_TIME_NONE, OMBUD_TIME_NONE, OMBUD_TIME_NONE, "O-6",
         NULL, NULL},
        {"ACC-A", "charge", UTC(2026, 10, 20, 0, 0, 0), 5000, 1, "USD",
         "fibre", OCT, UTC(2026, 10, 31, 0, 0, 0), UTC(2026, 10, 25, 0, 0, 0),
         NULL, "monthly", "North"},
        bill("ACC-A", "notice", UTC(2026, 10, 3, 0, 0, 0), 0),
        bill("ACC-A", "payment", NOV, 5000),
        bill("ACC-A", "payment", OCT, 4000),
    };
    int64_t id = begin("billing", "billing.csv", 3);

    b[3].has_amount = 0;   /* a notice: blank amount */
    for (int i = 0; i < 6; i++)
        add_bill(id, 2 + i, &b[i]);
    end(id, 6, 6, 0, 0);
}

/* The history of each account with a notice in [notice_from, notice_to),
 * every row posted before to, by account then posting time; a blank
 * amount stays blank. Only ACC-A has a notice (October 3): ACC-B and
 * acc-a (bytes differ) are not read. */
static void test_each_billing(void **state)
{
    seen s = {0}, later = {0}, none = {0};
    int64_t last = 0;
    (void)state;
    /* No billing yet: none. Then the latest posting, NOV's payment. */
    assert_int_equal(ombud_store_billing_last(st, &last), OMBUD_OK);
    assert_true(last == OMBUD_TIME_NONE);
    store_billing();
    assert_int_equal(ombud_store_billing_last(st, &last), OMBUD_OK);
    assert_int_equal(last, NOV);
    assert_int_equal(ombud_store_each_noticed_billing(st, OCT, NOV, NOV,
                                                      on_bill, &s), OMBUD_OK);
    assert_string_equal(s.text,
        "ACC-A|payment|2026-10-01 00:00:00|4000|USD|-|-|-|-|-|-|-\n"
        "ACC-A|notice|2026-10-03 00:00:00|-|USD|-|-|-|-|-|-|-\n"
        "ACC-A|charge|2026-10-20 00:00:00|5000|USD|fibre|2026-10-01 00:00:00|"
        "2026-10-31 00:00:00|2026-10-25 00:00:00|-|monthly|North\n");
    /* Up to a second past NOV: its payment too; history before the
     * notices' window is read (the notice's own window is October 3). */
    assert_int_equal(ombud_store_each_noticed_billing(st, UTC(2026, 10, 3, 0,
                     0, 0), UTC(2026, 10, 3, 0, 0, 1), NOV + 1, on_bill,
                     &later), OMBUD_OK);
    assert_string_equal(later.text,
        "ACC-A|payment|2026-10-01 00:00:00|4000|USD|-|-|-|-|-|-|-\n"
        "ACC-A|notice|2026-10-03 00:00:00|-|USD|-|-|-|-|-|-|-\n"
        "ACC-A|charge|2026-10-20 00:00:00|5000|USD|fibre|2026-10-01 00:00:00|"
        "2026-10-31 00:00:00|2026-10-25 00:00:00|-|monthly|North\n"
        "ACC-A|payment|2026-11-01 00:00:00|5000|USD|-|-|-|-|-|-|-\n");
    /* No notice from October 4 on: nothing. */
    assert_int_equal(ombud_store_each_noticed_billing(st, UTC(2026, 10, 4, 0,
                     0, 0), NOV, NOV + 1, on_bill, &none), OMBUD_OK);
    assert_string_equal(none.text, "");
}

/* Appointments whose window starts in [from, to), in window order: A-4's
 * window starts a second before October and ends in it, A-2's at its end. */
static void test_each_appointment(void **state)
{
    ombud_appointment a[4] = {
        {"A-1", "ACC-1", "O-6", "repair", UTC(2026, 10, 9, 10, 0, 0),
         UTC(2026, 10, 12, 8, 0, 0), UTC(2026, 10, 12, 13, 0, 0),
         UTC(2026, 10, 12, 14, 10, 0), OMBUD_TIME_NONE, NULL, 0},
        appt("A-2", NOV, NOV + 4 * 3600),
        {"A-3", "ACC-2", NULL, "install", OMBUD_TIME_NONE, OCT,
         OCT + 4 * 3600, OMBUD_TIME_NONE, UTC(2026, 9, 30, 18, 0, 0),
         "provider", 1},
        appt("A-4", OCT - 1, OCT + 4 * 3600),
    };
    seen s = {0};
    int64_t id;
    (void)state;
    id = begin("appointments", "appointments.csv", 4);
    for (int i = 0; i < 4; i++)
        add_appt(id, 2 + i, &a[i]);
    end(id, 4, 4, 0, 0);
    assert_int_equal(ombud_store_each_appointment(st, OCT, NOV, on_appt, &s),
                     OMBUD_OK);
    assert_string_equal(s.text,
        "A-3|ACC-2|-|install|-|2026-10-01 00:00:00|2026-10-01 04:00:00|-|"
        "2026-09-30 18:00:00|provider|1\n"
        "A-1|ACC-1|O-6|repair|2026-10-09 10:00:00|2026-10-12 08:00:00|"
        "2026-10-12 13:00:00|2026-10-12 14:10:00|-|-|0\n");
    assert_int_equal(totals().appointments, 4);
}

/* Orders placed in [from, to), in order-time order. */
static void test_each_order(void **state)
{
    ombud_order o[4] = {
        order("P-1", OCT - 1, UTC(2026, 10, 8, 0, 0, 0)),
        {"P-2", "ACC-2", "fibre", "North", "remote", OCT,
         UTC(2026, 10, 8, 0, 0, 0), 1, UTC(2026, 10, 9, 15, 0, 0), 0, NULL},
        {"P-3", "ACC-3", NULL, NULL, NULL, UTC(2026, 10, 20, 0, 0, 0),
         UTC(2026, 10, 25, 12, 0, 0), 0, OMBUD_TIME_NONE, 1,
         "customer_requested_later"},
        order("P-4", NOV, NOV + 86400),
    };
    seen s = {0};
    int64_t id;
    (void)state;
    id = begin("orders", "orders.csv", 5);
    for (int i = 0; i < 4; i++)
        add_order(id, 2 + i, &o[i]);
    end(id, 4, 4, 0, 0);
    assert_int_equal(ombud_store_each_order(st, OCT, NOV, on_order, &s),
                     OMBUD_OK);
    assert_string_equal(s.text,
        "P-2|ACC-2|fibre|North|remote|2026-10-01 00:00:00|"
        "2026-10-08 00:00:00|1|2026-10-09 15:00:00|0|-\n"
        "P-3|ACC-3|-|-|-|2026-10-20 00:00:00|2026-10-25 12:00:00|0|-|1|"
        "customer_requested_later\n");
    assert_int_equal(totals().orders, 4);
}

/* Customers rows by area, as_of (blank first) and row id: the later
 * import of North on 2026-10-01 comes after the earlier one. */
static void test_each_customers(void **state)
{
    ombud_customers c[3] = {{"North", 1000, OCT}, {"North", 900,
                            OMBUD_TIME_NONE}, {"East", 50, OMBUD_TIME_NONE}},
                    later = {"North", 1100, OCT};
    seen s = {0};
    int64_t a, b;
    (void)state;
    a = begin("customers", "customers.csv", 6);
    for (int i = 0; i < 3; i++)
        assert_int_equal(ombud_store_add_customers(st, a, 2 + i, &c[i]),
                         OMBUD_OK);
    end(a, 3, 3, 0, 0);
    b = begin("customers", "customers2.csv", 7);
    assert_int_equal(ombud_store_add_customers(st, b, 2, &later), OMBUD_OK);
    end(b, 1, 1, 0, 0);
    assert_int_equal(ombud_store_each_customers(st, on_customers, &s),
                     OMBUD_OK);
    assert_string_equal(s.text,
        "East|50|-|customers.csv:4\n"
        "North|900|-|customers.csv:3\n"
        "North|1000|2026-10-01 00:00:00|customers.csv:2\n"
        "North|1100|2026-10-01 00:00:00|customers2.csv:2\n");
}

/*
 * Snapshots in [from, to) by area, time and row id: South's 10:00 comes
 * twice (two files) and keeps import order; North's 09:45 is before the
 * period and 11:00 its end (exclusive), so neither is read. Forgetting
 * the first file takes its rows with it.
 */
static void test_each_snapshot(void **state)
{
    int64_t t0 = OCT + 10 * 3600, a, b;
    ombud_snapshot n[4] = {{"South", t0, 7}, {"North", t0 + 900, 20},
                           {"North", t0 - 900, 5}, {"North", t0 + 3600, 9}},
                   again = {"South", t0, 8}, first = {"North", t0, 30};
    ombud_forgotten out;
    seen s = {0}, after = {0};
    (void)state;
    a = begin("snapshots", "snapshots.csv", 8);
    for (int i = 0; i < 4; i++)
        assert_int_equal(ombud_store_add_snapshot(st, a, 2 + i, &n[i]),
                         OMBUD_OK);
    end(a, 4, 4, 0, 0);
    b = begin("snapshots", "snapshots2.csv", 9);
    assert_int_equal(ombud_store_add_snapshot(st, b, 2, &again), OMBUD_OK);
    assert_int_equal(ombud_store_add_snapshot(st, b, 3, &first), OMBUD_OK);
    end(b, 2, 2, 0, 0);
    assert_int_equal(ombud_store_each_snapshot(st, t0, t0 + 3600, on_snapshot,
                                               &s), OMBUD_OK);
    assert_string_equal(s.text,
        "North|2026-10-01 10:00:00|30|snapshots2.csv:3\n"
        "North|2026-10-01 10:15:00|20|snapshots.csv:3\n"
        "South|2026-10-01 10:00:00|7|snapshots.csv:2\n"
        "South|2026-10-01 10:00:00|8|snapshots2.csv:2\n");
    assert_int_equal(ombud_store_forget(st, &a, 1, &out, NULL, NULL),
                     OMBUD_OK);
    assert_int_equal(out.rows, 4);
    assert_int_equal(ombud_store_each_snapshot(st, 0, INT64_MAX, on_snapshot,
                                               &after), OMBUD_OK);
    assert_string_equal(after.text,
        "North|2026-10-01 10:00:00|30|snapshots2.csv:3\n"
        "South|2026-10-01 10:00:00|8|snapshots2.csv:2\n");
}

/* ---- 5: span, rejects, accounts and CDRs --------------------------------- */

/*
 * From the earliest instant (order P-1 placed 2026-09-20 10:00) to just
 * after the latest: P-1, still open, is promised 2026-11-05 00:00, later
 * than outage O-1's restoration (11-03 12:00). The end is exclusive, one
 * second past the latest instant, as a period [from, to) is.
 */
static void test_data_span(void **state)
{
    ombud_outage o1 = outage("O-1", UTC(2026, 10, 5, 10, 0, 0),
                             UTC(2026, 11, 3, 12, 0, 0)),
                 o2 = outage("O-2", UTC(2026, 10, 6, 0, 0, 0), OMBUD_TIME_NONE);
    ombud_call_leg c = leg("C-1", "tech", UTC(2026, 10, 2, 9, 0, 0),
                           UTC(2026, 10, 2, 9, 10, 0), "abandoned", NULL);
    ombud_billing b = bill("ACC-1", "charge", UTC(2026, 9, 25, 0, 0, 0), 100);
    ombud_appointment a = appt("A-1", UTC(2026, 10, 12, 8, 0, 0),
                               UTC(2026, 10, 12, 13, 0, 0));
    ombud_order p = order("P-1", UTC(2026, 9, 20, 10, 0, 0),
                          UTC(2026, 11, 5, 0, 0, 0));
    int64_t id, from = 0, to = 0;
    (void)state;
    assert_int_equal(ombud_store_data_span(st, &from, &to), OMBUD_E_DATA);
    id = begin("outages", "o.csv", 1);
    add_outage(id, 2, &o1);
    add_outage(id, 3, &o2);
    end(id, 2, 2, 0, 0);
    id = begin("calls", "c.csv", 2);
    add_leg(id, 2, &c);
    end(id, 1, 1, 0, 0);
    id = begin("billing", "b.csv", 3);
    add_bill(id, 2, &b);
    end(id, 1, 1, 0, 0);
    id = begin("appointments", "a.csv", 4);
    add_appt(id, 2, &a);
    end(id, 1, 1, 0, 0);
    id = begin("orders", "p.csv", 5);
    add_order(id, 2, &p);
    end(id, 1, 1, 0, 0);
    assert_int_equal(ombud_store_data_span(st, &from, &to), OMBUD_OK);
    assert_string_equal(TM(from), "2026-09-20 10:00:00");
    assert_string_equal(TM(to), "2026-11-05 00:00:01");
}

/* Rejects by file (import order) and line, blank field and value kept
 * blank, whatever order they were added in. */
static void test_each_reject(void **state)
{
    ombud_outage o = outage("O-1", OCT, OMBUD_TIME_NONE);
    seen s = {0};
    int64_t a, b;
    (void)state;
    a = begin("outages", "o.csv", 1);
    add_reject(a, 5, 3, "restored_at", "2026-13-01", "month out of range");
    add_outage(a, 3, &o);
    add_reject(a, 2, 0, NULL, NULL, "record over 1 MiB");
    end(a, 3, 1, 2, 0);
    b = begin("billing", "b.csv", 2);
    add_reject(b, 4, 4, "amount", "12,34,56", "not an amount");
    end(b, 1, 0, 1, 0);
    assert_int_equal(ombud_store_each_reject(st, on_reject, &s), OMBUD_OK);
    assert_string_equal(s.text,
        "o.csv:2:0|-|-|record over 1 MiB\n"
        "o.csv:5:3|restored_at|2026-13-01|month out of range\n"
        "b.csv:4:4|amount|12,34,56|not an amount\n");
    assert_int_equal(totals().rejects, 3);
}

/* Map two caller numbers; return the source. */
static int64_t store_accounts(int n)
{
    int64_t id = begin("accounts", "accounts.csv", n);

    assert_int_equal(ombud_store_add_account(st, id, 2, "5550101", "ACC-1",
                     "555-0101"), OMBUD_OK);
    assert_int_equal(ombud_store_add_account(st, id, 3, "5550102", "ACC-2",
                     "(555) 0102"), OMBUD_OK);
    end(id, 2, 2, 0, 0);
    return id;
}

/* The account of @number, "" when it has none (account_of gives NULL). */
static const char *account_of(const char *number)
{
    static char out[64];
    char *a = out;

    assert_int_equal(ombud_store_account_of(st, number, &a), OMBUD_OK);
    snprintf(out, sizeof out, "%s", a ? a : "");
    free(a);
    return out;
}

static void test_accounts(void **state)
{
    (void)state;
    assert_string_equal(account_of("5550101"), "");   /* nothing mapped yet */
    store_accounts(1);
    assert_string_equal(account_of("5550101"), "ACC-1");
    assert_string_equal(account_of("5550102"), "ACC-2");
    assert_string_equal(account_of("5550103"), "");
}

/* Master.csv lines 1-3: channel U.1's first CDR has a blank accountcode
 * and no src, its second both; U.2 is another channel. */
static void store_cdrs(void)
{
    ombud_cdr c[3] = {
        {"U.1", "U.1", "", NULL, "100", "from-pstn", "SIP/t-1", NULL, "Queue",
         "tech", OCT, OMBUD_TIME_NONE, OCT + 20, 20, 0, "NO ANSWER", NULL},
        {"U.1", "U.1", "ACC-9", "5550101", "100", "from-pstn", "SIP/t-1",
         "PJSIP/201-1", "Queue", "tech", OCT + 20, OCT + 25, OCT + 320, 300,
         295, "ANSWERED", NULL},
        {"U.2", "U.2", "ACC-8", "5550199", "100", NULL, NULL, NULL, NULL, NULL,
         OCT + 600, OMBUD_TIME_NONE, OCT + 610, 10, 0, "BUSY", NULL},
    };
    int64_t id = begin("cdr", "Master.csv", 2);

    for (int i = 0; i < 3; i++)
        assert_int_equal(ombud_store_add_cdr(st, id, 1 + i, &c[i]), OMBUD_OK);
    end(id, 3, 3, 0, 0);
}

/* The first non-blank accountcode and src of a channel's CDRs. */
static void test_cdr_of(void **state)
{
    char *account = NULL, *src = NULL;
    int64_t n = -1;
    (void)state;
    store_cdrs();
    assert_int_equal(ombud_store_cdr_of(st, "U.1", &account, &src, &n),
                     OMBUD_OK);
    assert_int_equal(n, 2);
    assert_string_equal(account, "ACC-9");
    assert_string_equal(src, "5550101");
    free(account);
    free(src);
    assert_int_equal(ombud_store_cdr_of(st, "U.3", &account, &src, &n),
                     OMBUD_OK);
    assert_int_equal(n, 0);
    assert_null(account);
    assert_null(src);
}

/*
 * Account ids longer than any buffer come back whole from account_of and
 * cdr_of: P is 150 "é" (300 bytes), and P-1, P-2 and P-3 agree on their
 * first 301 bytes. (They were cut to 255 bytes: one account, ending in
 * the first byte of the 128th "é", invalid UTF-8.)
 */
static void test_long_account_ids(void **state)
{
    char p[301], want[3][304], *a = NULL, *src = NULL;
    ombud_cdr c = {"U.L", "U.L", want[2], "5550103", "100", NULL, NULL, NULL,
                   NULL, NULL, OCT, OMBUD_TIME_NONE, OCT + 10, 10, 0, "BUSY",
                   NULL};
    int64_t id, n = -1;
    (void)state;
    for (int i = 0; i < 150; i++)
        memcpy(p + 2 * i, "\303\251", 2);       /* é, UTF-8 */
    p[300] = '\0';
    for (int i = 0; i < 3; i++)
        snprintf(want[i], sizeof want[i], "%s-%d", p, i + 1);
    id = begin("accounts", "accounts.csv", 3);
    for (int i = 0; i < 2; i++)
        assert_int_equal(ombud_store_add_account(st, id, 2 + i,
                         i ? "5550102" : "5550101", want[i], "555"),
                         OMBUD_OK);
    end(id, 2, 2, 0, 0);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(ombud_store_account_of(st, i ? "5550102" : "5550101",
                                                &a), OMBUD_OK);
        assert_non_null(a);
        assert_int_equal(strlen(a), 302);
        assert_string_equal(a, want[i]);
        free(a);
    }
    id = begin("cdr", "Master.csv", 4);
    assert_int_equal(ombud_store_add_cdr(st, id, 1, &c), OMBUD_OK);
    end(id, 1, 1, 0, 0);
    assert_int_equal(ombud_store_cdr_of(st, "U.L", &a, &src, &n), OMBUD_OK);
    assert_int_equal(n, 1);
    assert_string_equal(a, want[2]);
    assert_string_equal(src, "5550103");
    free(a);
    free(src);
}

/* ---- 6: findings --------------------------------------------------------- */

/* The id of the row whose key is @want, found while iterating. */
typedef struct row_of {
    const char *want;
    int64_t id;
} row_of;

static int leg_row(void *ud, int64_t id, const ombud_call_leg *c)
{
    row_of *r = ud;
    if (!strcmp(c->call_id, r->want))
        r->id = id;
    return 0;
}

static int64_t leg_id(const char *call_id)
{
    row_of r = {call_id, 0};

    assert_int_equal(ombud_store_each_leg(st, 0, UTC(2100, 1, 1, 0, 0, 0),
                                          leg_row, &r), OMBUD_OK);
    assert_true(r.id > 0);
    return r.id;
}

static int64_t outage_id(const char *id)
{
    int64_t row = 0, restored;

    assert_int_equal(ombud_store_outage_restored(st, id, &row, &restored),
                     OMBUD_OK);
    assert_true(row > 0);
    return row;
}

/*
 * The evidence the findings cite: outages.csv lines 2 (O-1, ACC-2) and 4
 * (O-2, ACC-1; line 3 rejected), calls.csv lines 2 (C-1, ACC-2) and 3
 * (C-2, ACC-1), and a queue_log leg Q-1 built from lines 12, 15 and 18
 * (of a 20-line log: 17 lines in no leg).
 */
static void store_evidence(void)
{
    ombud_outage o1 = outage("O-1", UTC(2026, 10, 5, 0, 0, 0),
                             UTC(2026, 10, 9, 16, 0, 0)),
                 o2 = outage("O-2", UTC(2026, 10, 7, 0, 0, 0), OMBUD_TIME_NONE);
    ombud_call_leg c1 = leg("C-1", "tech", UTC(2026, 10, 14, 9, 0, 0),
                            UTC(2026, 10, 14, 9, 5, 0), "abandoned", NULL),
                   c2 = leg("C-2", "tech", UTC(2026, 10, 14, 10, 0, 0),
                            UTC(2026, 10, 14, 10, 20, 0), "abandoned", NULL),
                   q = leg("Q-1", "tech", UTC(2026, 10, 15, 3, 0, 0),
                           UTC(2026, 10, 15, 3, 1, 0), "closed", "12,15,18");
    int64_t id;

    o1.account_id = c1.account_id = "ACC-2";
    o2.account_id = c2.account_id = "ACC-1";
    id = begin("outages", "outages.csv", 1);
    add_outage(id, 2, &o1);
    add_reject(id, 3, 5, "restored_at", "soon", "not a time");
    add_outage(id, 4, &o2);
    end(id, 3, 2, 1, 0);
    id = begin("calls", "calls.csv", 2);
    add_leg(id, 2, &c1);
    add_leg(id, 3, &c2);
    end(id, 2, 2, 0, 0);
    id = begin("queue_log", "queue_log", 3);
    add_leg(id, 18, &q);
    end(id, 20, 3, 0, 17);
}

/* October 2026 for the fibre bundle, as the founding case files it. */
static ombud_check october(void)
{
    return (ombud_check){OCT, NOV, "America/Los_Angeles",
        "templates/guarantees/fibre-bundle.ini", sha_of(99),
        "Example Fibre Co", "California Public Utilities Commission", NULL,
        "A. Filer", "USD", NULL, 50, 1, OMBUD_LOOKS_ALL};
}

static int64_t add_result(int64_t check, int seq, const char *id,
                          const char *kind, const ombud_result *r)
{
    char promise[64], source[64];
    int64_t rid = 0;

    snprintf(promise, sizeof promise, "promise of %s", id);
    snprintf(source, sizeof source, "brochure, page %d", seq);
    assert_int_equal(ombud_store_add_result(st, check, seq, id, kind, promise,
                                            source, "limit = 10m", &rid),
                     OMBUD_OK);
    assert_int_equal(ombud_store_set_result(st, rid, r), OMBUD_OK);
    return rid;
}

static int64_t add_breach(int64_t result, const char *kind,
                          const char *subject, int64_t at, int64_t measured,
                          const char *unit, int64_t amount)
{
    ombud_breach b = {kind, "", at, measured, 600, measured - 600, unit,
                      amount, ""};
    int64_t id = 0;

    snprintf(b.subject, sizeof b.subject, "%s", subject);
    snprintf(b.detail, sizeof b.detail, "%s missed the limit", subject);
    assert_int_equal(ombud_store_add_breach(st, result, &b, &id), OMBUD_OK);
    return id;
}

static void add_evidence(int64_t breach, const char *table, int64_t row)
{
    assert_int_equal(ombud_store_add_evidence(st, breach, table, row),
                     OMBUD_OK);
}

/* What a findings test keeps: the check and its results. */
typedef struct findings {
    int64_t check, r1, r2, r3;
} findings;

/* Results written out of guarantee order (seq 2 first). */
static findings add_results(int64_t check)
{
    ombud_result r1 = {8276, 10000, "bp", OMBUD_FAIL, 29, 3,
                       OMBUD_AMOUNT_NONE, "24 of 29 calls", "every call",
                       "answer time per leg"},
                 r2 = {403200, 86400, "s", OMBUD_FAIL, 2, 1, 978,
                       "longest 112 h", "within 24 h", "per outage"},
                 r3 = {0, 0, "count", OMBUD_NO_DATA, 0, 0, 0, "no notices",
                       "none late", "per notice"};
    findings f = {check, 0, 0, 0};

    f.r2 = add_result(check, 2, "restoration", "restoration", &r2);
    f.r1 = add_result(check, 1, "live-support", "answer_time", &r1);
    f.r3 = add_result(check, 3, "notices", "notice", &r3);
    return f;
}

/* Breaches, evidence, figures and series of the results; @owed is the
 * figure O-1/ACC-2 "owed" (a re-run changes it). */
static void add_details(const findings *f, int64_t owed)
{
    int64_t b;

    b = add_breach(f->r1, "call", "C-2", UTC(2026, 10, 14, 10, 0, 0), 1200,
                   "s", 0);
    add_evidence(b, "call_legs", leg_id("C-2"));
    add_evidence(b, "outages", outage_id("O-2"));
    b = add_breach(f->r1, "call", "Q-1", OMBUD_TIME_NONE,
                   OMBUD_STATE_QUEUE_CLOSED, "state|s", 0);
    add_evidence(b, "call_legs", leg_id("Q-1"));
    add_breach(f->r1, "day", "2026-10-17", UTC(2026, 10, 17, 7, 0, 0), 900,
               "s", 0);
    b = add_breach(f->r2, "outage", "O-1", UTC(2026, 10, 5, 0, 0, 0), 403200,
                   "s", 978);
    add_evidence(b, "outages", outage_id("O-1"));
    assert_int_equal(ombud_store_add_figure(st, f->r2, "O-1", "duration",
                                            403200, "s"), OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, f->r2, "O-1/ACC-2", "owed",
                                            owed, "minor"), OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, f->r1, "C-2", "wait", 1200,
                                            "s"), OMBUD_OK);
    assert_int_equal(ombud_store_add_series(st, f->r1, "heatmap.calls", 3, 7),
                     OMBUD_OK);
    assert_int_equal(ombud_store_add_series(st, f->r1, "heatmap.calls", 1, 5),
                     OMBUD_OK);
    assert_int_equal(ombud_store_add_series(st, f->r1, "heatmap.calls", 2, 0),
                     OMBUD_OK);
    assert_int_equal(ombud_store_add_series(st, f->r1, "daily.sl", 1, 8276),
                     OMBUD_OK);
}

/* Run the whole check of October: results, then their details. */
static findings run_check(int64_t owed)
{
    ombud_check c = october();
    int64_t id = 0;
    findings f;

    assert_int_equal(ombud_store_begin_check(st, &c, &id), OMBUD_OK);
    f = add_results(id);
    add_details(&f, owed);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    return f;
}

static void check_text(const ombud_check_info *k, char *out, size_t size)
{
    snprintf(out, size, "%s..%s|%s|%s|%.8s|%s|%s|%s|%s|%s|%s|%lld|%d",
             TM(k->from), TM(k->to), k->tz, k->guarantees,
             k->guarantees_sha256, k->carrier, k->commission, k->docket,
             k->prepared_by, k->currency, k->lang,
             (long long)k->max_rejected_bp, k->allow_incomplete);
}

/* A check reads back as filed: the latest with 0, by id, none past it. */
static void test_check_get(void **state)
{
    ombud_check_info k;
    char text[2048];
    findings f;
    (void)state;
    assert_int_equal(ombud_store_check_get(st, 0, &k), OMBUD_E_DATA);
    store_evidence();
    f = run_check(978);
    assert_int_equal(ombud_store_check_get(st, 0, &k), OMBUD_OK);
    assert_int_equal(k.id, f.check);
    check_text(&k, text, sizeof text);
    /* A blank docket reads as "", no language as "en". */
    assert_string_equal(text, "2026-10-01 00:00:00..2026-11-01 00:00:00|"
        "America/Los_Angeles|templates/guarantees/fibre-bundle.ini|00000000|"
        "Example Fibre Co|California Public Utilities Commission||A. Filer|"
        "USD|en|50|1");
    assert_string_equal(k.tool_version, OMBUD_VERSION);
    memset(&k, 0, sizeof k);
    assert_int_equal(ombud_store_check_get(st, f.check, &k), OMBUD_OK);
    assert_int_equal(k.id, f.check);
    hush(1);
    assert_int_equal(ombud_store_check_get(st, f.check + 1, &k), OMBUD_E_DATA);
    hush(0);
}

static int on_result(void *ud, const ombud_result_row *r)
{
    char amount[24] = "none";

    if (r->r.amount != OMBUD_AMOUNT_NONE)
        snprintf(amount, sizeof amount, "%lld", (long long)r->r.amount);
    saw(ud, r->id, "%d|%s|%s|%s|%s|%s|%s=%d|%lld/%lld %s|%lld|%lld|%s|%s|%s|"
        "%s\n", r->seq, r->guarantee_id, r->kind, r->promise, r->source,
        r->params, r->status, r->r.pass, (long long)r->r.measured,
        (long long)r->r.target, r->r.unit, (long long)r->r.subjects,
        (long long)r->r.breaches, amount, r->r.measured_text,
        r->r.target_text, r->r.method);
    return 0;
}

/* Results in guarantee order, each with what set_result stored; no
 * money (OMBUD_AMOUNT_NONE) stays no money, NO DATA stays NO DATA. */
static void test_each_result(void **state)
{
    seen s = {0};
    findings f;
    (void)state;
    store_evidence();
    f = run_check(978);
    assert_int_equal(ombud_store_each_result(st, f.check, on_result, &s),
                     OMBUD_OK);
    assert_string_equal(s.text,
        "1|live-support|answer_time|promise of live-support|brochure, page 1|"
        "limit = 10m|FAIL=0|8276/10000 bp|29|3|none|24 of 29 calls|"
        "every call|answer time per leg\n"
        "2|restoration|restoration|promise of restoration|brochure, page 2|"
        "limit = 10m|FAIL=0|403200/86400 s|2|1|978|longest 112 h|"
        "within 24 h|per outage\n"
        "3|notices|notice|promise of notices|brochure, page 3|limit = 10m|"
        "NO DATA=2|0/0 count|0|0|0|no notices|none late|per notice\n");
    assert_int_equal(s.ids[0], f.r1);
    assert_int_equal(s.ids[1], f.r2);
    assert_int_equal(s.ids[2], f.r3);
}

static int on_breach(void *ud, const ombud_breach *b, const char *refs,
                     int64_t nrefs, int64_t shown)
{
    saw(ud, 0, "%s|%s|%s|%lld|%lld|%lld|%s|%lld|%s|[%s]|%lld/%lld\n",
        b->subject_kind, b->subject, TM(b->at), (long long)b->measured,
        (long long)b->limit, (long long)b->shortfall, b->unit,
        (long long)b->amount, b->detail, refs, (long long)shown,
        (long long)nrefs);
    return 0;
}

/* Breaches in the order written with their evidence as file:line (a
 * queue_log leg: all its lines), and only an account's with _of. */
static void test_each_breach(void **state)
{
    seen s = {0}, acc1 = {0}, acc2 = {0}, r2 = {0};
    findings f;
    (void)state;
    store_evidence();
    f = run_check(978);
    assert_int_equal(ombud_store_each_breach(st, f.r1, on_breach, &s),
                     OMBUD_OK);
    assert_string_equal(s.text,
        "call|C-2|2026-10-14 10:00:00|1200|600|600|s|0|C-2 missed the limit|"
        "[calls.csv:3, outages.csv:4]|2/2\n"
        "call|Q-1|-|1|600|-599|state|s|0|Q-1 missed the limit|"
        "[queue_log:12,15,18]|1/1\n"
        "day|2026-10-17|2026-10-17 07:00:00|900|600|300|s|0|"
        "2026-10-17 missed the limit|[]|0/0\n");
    assert_int_equal(ombud_store_each_breach(st, f.r2, on_breach, &r2),
                     OMBUD_OK);
    assert_string_equal(r2.text,
        "outage|O-1|2026-10-05 00:00:00|403200|600|402600|s|978|"
        "O-1 missed the limit|[outages.csv:2]|1/1\n");
    /* C-2 and O-2 are ACC-1's; C-1 (ACC-2) is cited nowhere in r1. */
    assert_int_equal(ombud_store_each_breach_of(st, f.r1, "ACC-1", on_breach,
                                                &acc1), OMBUD_OK);
    assert_int_equal(acc1.n, 1);
    assert_non_null(strstr(acc1.text, "call|C-2|"));
    assert_int_equal(ombud_store_each_breach_of(st, f.r1, "ACC-2", on_breach,
                                                &acc2), OMBUD_OK);
    assert_int_equal(acc2.n, 0);
    memset(&acc2, 0, sizeof acc2);
    assert_int_equal(ombud_store_each_breach_of(st, f.r2, "ACC-2", on_breach,
                                                &acc2), OMBUD_OK);
    assert_int_equal(acc2.n, 1);
}

static int on_series(void *ud, int64_t k, int64_t v)
{
    saw(ud, 0, "%lld=%lld ", (long long)k, (long long)v);
    return 0;
}

static int on_figure(void *ud, const char *subject, const char *name,
                     int64_t value, const char *unit)
{
    saw(ud, 0, "%s %s %lld %s\n", subject, name, (long long)value, unit);
    return 0;
}

/* A series by key, whatever the order written; figures as written. */
static void test_series_figures(void **state)
{
    seen hm = {0}, sl = {0}, none = {0}, f2 = {0}, f1 = {0}, f3 = {0};
    findings f;
    (void)state;
    store_evidence();
    f = run_check(978);
    assert_int_equal(ombud_store_each_series(st, f.r1, "heatmap.calls",
                                             on_series, &hm), OMBUD_OK);
    assert_string_equal(hm.text, "1=5 2=0 3=7 ");
    assert_int_equal(ombud_store_each_series(st, f.r1, "daily.sl", on_series,
                                             &sl), OMBUD_OK);
    assert_string_equal(sl.text, "1=8276 ");
    assert_int_equal(ombud_store_each_series(st, f.r2, "heatmap.calls",
                                             on_series, &none), OMBUD_OK);
    assert_int_equal(none.n, 0);
    assert_int_equal(ombud_store_each_figure(st, f.r2, on_figure, &f2),
                     OMBUD_OK);
    assert_string_equal(f2.text, "O-1 duration 403200 s\n"
                                 "O-1/ACC-2 owed 978 minor\n");
    assert_int_equal(ombud_store_each_figure(st, f.r1, on_figure, &f1),
                     OMBUD_OK);
    assert_string_equal(f1.text, "C-2 wait 1200 s\n");
    assert_int_equal(ombud_store_each_figure(st, f.r3, on_figure, &f3),
                     OMBUD_OK);
    assert_int_equal(f3.n, 0);
}

/*
 * Figures are stored a run per subject (store.c): a subject's figures,
 * another's, the first's again, and another result's in between, come
 * back one by one in the order written.
 */
static void test_figure_runs(void **state)
{
    static const char *const names[] = {"calls", "phone_time", "wait_time",
                                        "agents", "transfers"};
    seen got = {0};
    ombud_check c = october();
    ombud_result res = {1, 1, "count", OMBUD_FAIL, 1, 1, OMBUD_AMOUNT_NONE,
                        "1", "0", "by ticket"};
    int64_t check = 0, r, r2;
    (void)state;
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    r = add_result(check, 1, "effort", "customer_effort", &res);
    r2 = add_result(check, 2, "restore", "restoration", &res);
    /* The first heads the run; the others are packed as text, the
     * extremes too. */
    static const int64_t values[] = {-1, INT64_MIN, 0, INT64_MAX, -10};
    for (int i = 0; i < 5; i++)
        assert_int_equal(ombud_store_add_figure(st, r, "TT-1", names[i],
                                                values[i], i ? "s" : "count"),
                         OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, r2, "TT-1", "duration", 5,
                                            "s"), OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, r, "TT-2\tx\ny", "calls", 2,
                                            "count"), OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, r, "TT-1", "days", 3,
                                            "count"), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_figure(st, r, on_figure, &got), OMBUD_OK);
    assert_string_equal(got.text, "TT-1 calls -1 count\n"
                                  "TT-1 phone_time -9223372036854775808 s\n"
                                  "TT-1 wait_time 0 s\n"
                                  "TT-1 agents 9223372036854775807 s\n"
                                  "TT-1 transfers -10 s\n"
                                  "TT-2\tx\ny calls 2 count\n"
                                  "TT-1 days 3 count\n");
    memset(&got, 0, sizeof got);
    assert_int_equal(ombud_store_each_figure(st, r2, on_figure, &got), OMBUD_OK);
    assert_string_equal(got.text, "TT-1 duration 5 s\n");
}

/* Hands on the figures up to @ud's name, then skips that subject; stops
 * at "stop". */
typedef struct skipper { seen s; const char *until; } skipper;

static int skip_figure(void *ud, const char *subject, const char *name,
                       int64_t value, const char *unit)
{
    skipper *k = ud;

    on_figure(&k->s, subject, name, value, unit);
    if (!strcmp(name, "stop"))
        return 1;
    return !strcmp(name, k->until) ? OMBUD_FIGURES_NEXT_SUBJECT : 0;
}

/*
 * A reader past a subject skips its figures that follow, in its run and
 * in the next run of the same subject (another result's figure between
 * them splits the run), but not the figures of that subject after
 * another's; any other non-zero answer stops.
 */
static void test_figure_skip(void **state)
{
    static const struct { int other; const char *subject, *name; } w[] = {
        {0, "A", "calls"}, {0, "A", "phone_time"}, {0, "A", "days"},
        {1, "Z", "duration"}, {0, "A", "legs"}, {0, "B", "calls"},
        {0, "B", "days"}, {0, "A", "calls"}, {0, "A", "stop"},
        {0, "C", "calls"}};
    ombud_check c = october();
    ombud_result res = {1, 1, "count", OMBUD_FAIL, 1, 1, OMBUD_AMOUNT_NONE,
                        "1", "0", "by ticket"};
    skipper k1 = {{{0}, 0, {0}}, "calls"}, k2 = {{{0}, 0, {0}}, "phone_time"};
    int64_t check = 0, r, r2;
    (void)state;
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    r = add_result(check, 1, "effort", "customer_effort", &res);
    r2 = add_result(check, 2, "restore", "restoration", &res);
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        assert_int_equal(ombud_store_add_figure(st, w[i].other ? r2 : r,
                                                w[i].subject, w[i].name,
                                                (int64_t)i, "count"),
                         OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_figure(st, r, skip_figure, &k1),
                     OMBUD_OK);
    assert_string_equal(k1.s.text, "A calls 0 count\n"
                                   "B calls 5 count\n"
                                   "A calls 7 count\n"
                                   "C calls 9 count\n");
    assert_int_equal(ombud_store_each_figure(st, r, skip_figure, &k2),
                     OMBUD_OK);
    assert_string_equal(k2.s.text, "A calls 0 count\n"
                                   "A phone_time 1 count\n"
                                   "B calls 5 count\n"
                                   "B days 6 count\n"
                                   "A calls 7 count\n"
                                   "A stop 8 count\n");
}

/*
 * A scratch result (the engine's month of a quarter) goes with its
 * breaches, evidence, series and figures, one still held unwritten among
 * them; the check's own result keeps all of its.
 */
static void test_drop_result(void **state)
{
    ombud_check c = october();
    ombud_result res = {1, 1, "count", OMBUD_FAIL, 1, 1, OMBUD_AMOUNT_NONE,
                        "1", "0", "per month"};
    seen got = {0};
    int64_t check = 0, r, scratch, br;
    (void)state;
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    r = add_result(check, 1, "repair", "restoration", &res);
    br = add_breach(r, "outage", "R1", OMBUD_TIME_NONE, 1, "s", 0);
    add_evidence(br, "outages", 1);
    scratch = add_result(check, -2, "repair", "restoration", &res);
    br = add_breach(scratch, "outage", "R2", OMBUD_TIME_NONE, 2, "s", 0);
    add_evidence(br, "outages", 2);
    assert_int_equal(ombud_store_add_series(st, scratch, "durations", 1, 2),
                     OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, r, "2026-10",
                                            "month.status", 0, "verdict"),
                     OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(st, scratch, "R2", "duration", 2,
                                            "s"), OMBUD_OK);
    assert_int_equal(ombud_store_drop_result(st, scratch), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_result(st, check, on_result, &got),
                     OMBUD_OK);
    assert_int_equal(got.n, 1);
    assert_int_equal(got.ids[0], r);
    memset(&got, 0, sizeof got);
    assert_int_equal(ombud_store_each_figure(st, r, on_figure, &got), OMBUD_OK);
    assert_string_equal(got.text, "2026-10 month.status 0 verdict\n");
    memset(&got, 0, sizeof got);
    assert_int_equal(ombud_store_each_figure(st, scratch, on_figure, &got),
                     OMBUD_OK);
    assert_int_equal(ombud_store_each_breach(st, scratch, on_breach, &got),
                     OMBUD_OK);
    assert_int_equal(ombud_store_each_series(st, scratch, "durations",
                                             on_series, &got), OMBUD_OK);
    assert_string_equal(got.text, "");
    assert_int_equal(ombud_store_each_breach(st, r, on_breach, &got), OMBUD_OK);
    assert_non_null(strstr(got.text, "|R1|"));
}

/*
 * A leg's evidence names all its lines, whether the check has just read
 * the leg (its place is then kept in memory) or not, and however long the
 * list: lines past 100,000 of a large queue_log.
 */
/* Two legs of a queue_log: L-1 of lines 100001-100004 (a list too long
 * for the store to keep in memory), L-2 of lines 7 and 9. */
static void store_queue_log_legs(void)
{
    ombud_call_leg a = leg("L-1", "tech", UTC(2026, 10, 15, 3, 0, 0),
                           UTC(2026, 10, 15, 3, 1, 0), "closed",
                           "100001,100002,100003,100004"),
                   b = leg("L-2", "tech", UTC(2026, 10, 15, 4, 0, 0),
                           UTC(2026, 10, 15, 4, 1, 0), "closed", "7,9");
    int64_t id = begin("queue_log", "queue_log", 4);

    add_leg(id, 100004, &a);
    add_leg(id, 9, &b);
    end(id, 6, 6, 0, 0);
}

static void test_evidence_long_lines(void **state)
{
    ombud_check c = october();
    ombud_result res = {1, 0, "count", OMBUD_FAIL, 2, 1, OMBUD_AMOUNT_NONE,
                        "2 calls", "none", "per call"};
    seen got = {0};
    int64_t check = 0, r, br;
    (void)state;
    store_queue_log_legs();
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    r = add_result(check, 1, "live", "live_support", &res);
    br = add_breach(r, "call", "L", OMBUD_TIME_NONE, 1, "s", 0);
    add_evidence(br, "call_legs", leg_id("L-1"));
    add_evidence(br, "call_legs", leg_id("L-2"));
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_breach(st, r, on_breach, &got), OMBUD_OK);
    assert_non_null(strstr(got.text, "[queue_log:100001,100002,100003,100004, "
                                     "queue_log:7,9]|2/2"));
}

/* Each leg's place, taken while its callback runs. */
typedef struct places {
    ombud_leg_place p[4];
    int n;
} places;

static int take_place(void *ud, int64_t row, const ombud_call_leg *c)
{
    places *x = ud;
    (void)c;
    if (x->n < 4)
        ombud_store_leg_place(st, row, &x->p[x->n++]);
    return 0;
}

/*
 * A place taken in the callback names the leg's lines once the scan has
 * ended (answer_time holds a day's legs so), the long list too, which the
 * store looks up itself; so does a place taken before the check read the
 * leg at all.
 */
static void test_leg_place(void **state)
{
    ombud_check c = october();
    ombud_result res = {1, 0, "count", OMBUD_FAIL, 3, 1, OMBUD_AMOUNT_NONE,
                        "3 calls", "none", "per call"};
    ombud_leg_place early;
    places x = {0};
    seen got = {0};
    int64_t check = 0, r, br;
    (void)state;
    store_queue_log_legs();
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    ombud_store_leg_place(st, leg_id("L-2"), &early);
    assert_int_equal(early.row, leg_id("L-2"));
    assert_int_equal(ombud_store_each_leg(st, OCT, NOV, take_place, &x),
                     OMBUD_OK);
    assert_int_equal(x.n, 2);
    r = add_result(check, 1, "sl", "answer_time", &res);
    br = add_breach(r, "day", "D", OMBUD_TIME_NONE, 1, "bp", 0);
    for (int i = 0; i < x.n; i++)
        assert_int_equal(ombud_store_add_leg_evidence(st, br, &x.p[i]),
                         OMBUD_OK);
    assert_int_equal(ombud_store_add_leg_evidence(st, br, &early), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_breach(st, r, on_breach, &got), OMBUD_OK);
    assert_non_null(strstr(got.text, "[queue_log:100001,100002,100003,100004, "
                                     "queue_log:7,9, queue_log:7,9]|3/3"));
}

/*
 * A second check of the same period replaces the first's findings: the
 * latest check has 3 results and 3 breaches of live-support, not twice
 * as many. (Whether the first's id is given again is not promised: an
 * SQLite rowid may be.) A check of another period stays.
 */
static void test_check_replaced(void **state)
{
    ombud_check nov = october();
    ombud_check_info k;
    seen cur = {0}, br = {0};
    int64_t nov_id;
    findings b;
    (void)state;
    store_evidence();
    nov.from = NOV;
    nov.to = UTC(2026, 12, 1, 0, 0, 0);
    assert_int_equal(ombud_store_begin_check(st, &nov, &nov_id), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    run_check(978);
    b = run_check(978);
    assert_int_equal(ombud_store_check_get(st, 0, &k), OMBUD_OK);
    assert_int_equal(k.id, b.check);
    assert_int_equal(ombud_store_each_result(st, b.check, on_result, &cur),
                     OMBUD_OK);
    assert_int_equal(cur.n, 3);
    assert_int_equal(ombud_store_each_breach(st, b.r1, on_breach, &br),
                     OMBUD_OK);
    assert_int_equal(br.n, 3);
    assert_int_equal(ombud_store_check_get(st, nov_id, &k), OMBUD_OK);
    assert_string_equal(TM(k.from), "2026-11-01 00:00:00");
}

/*
 * The checks a report's history may show (ombud_store_each_earlier_check):
 * those ending by the start of October made with the same guarantees
 * file, zone, language and ombud version, latest start first. By hand:
 * September 15-20 (a range: the history module, not the store, keeps
 * whole months only), September, August; not July (another guarantees
 * file), June (another zone), May (in Spanish), nor November (later).
 */
typedef struct earlier_seen {
    char text[512];
} earlier_seen;

static int on_earlier(void *ud, int64_t id, int64_t from, int64_t to)
{
    earlier_seen *e = ud;
    size_t n = strlen(e->text);

    (void)id;
    snprintf(e->text + n, sizeof e->text - n, "%s%s..%s", n ? "|" : "",
             TM(from), TM(to));
    return 0;
}

static void add_check(ombud_check c, int64_t from, int64_t to, int64_t *id)
{
    c.from = from;
    c.to = to;
    assert_int_equal(ombud_store_begin_check(st, &c, id), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
}

static void test_earlier_checks(void **state)
{
    ombud_check c = october(), other = october(), utc = october(),
                es = october();
    ombud_check_info k;
    earlier_seen e = {""};
    int64_t id, oct;
    (void)state;
    other.guarantees_sha256 = sha_of(98);
    utc.tz = "UTC";
    es.lang = "es";
    add_check(c, UTC(2026, 8, 1, 0, 0, 0), UTC(2026, 9, 1, 0, 0, 0), &id);
    add_check(c, UTC(2026, 9, 1, 0, 0, 0), OCT, &id);
    add_check(c, UTC(2026, 9, 15, 0, 0, 0), UTC(2026, 9, 21, 0, 0, 0), &id);
    add_check(other, UTC(2026, 7, 1, 0, 0, 0), UTC(2026, 8, 1, 0, 0, 0), &id);
    add_check(utc, UTC(2026, 6, 1, 0, 0, 0), UTC(2026, 7, 1, 0, 0, 0), &id);
    add_check(es, UTC(2026, 5, 1, 0, 0, 0), UTC(2026, 6, 1, 0, 0, 0), &id);
    add_check(c, NOV, UTC(2026, 12, 1, 0, 0, 0), &id);
    add_check(c, OCT, NOV, &oct);
    assert_int_equal(ombud_store_check_get(st, oct, &k), OMBUD_OK);
    assert_int_equal(ombud_store_each_earlier_check(st, &k, on_earlier, &e),
                     OMBUD_OK);
    assert_string_equal(e.text, "2026-09-15 00:00:00..2026-09-21 00:00:00|"
                        "2026-09-01 00:00:00..2026-10-01 00:00:00|"
                        "2026-08-01 00:00:00..2026-09-01 00:00:00");
}

/*
 * Where each file's rows fall against a period (ombud_store_source_spread):
 * answered from the span its import recorded when the file lies wholly on
 * one side, else counted; the same either way. Worked by hand:
 *   A (calls): Sep 30 23:59:59, Oct 1 00:00:00, Oct 31 23:59:59
 *   B (calls): Sep 10, Sep 30 23:59:59      C (calls): Nov 1 00:00:00, Nov 20
 *   D (calls): Oct 1 00:00:00, Oct 31 23:59:59
 *   E (outages): started Oct 5 and Oct 6
 * October: A 1,2,0  B 2,0,0  C 0,0,2  D 0,2,0  E 0,2,0
 * September [Sep 1, Oct 1): A 0,1,2  B 0,2,0  C 0,0,2  D 0,0,2  E 0,0,2
 */
static int64_t spread_calls(const char *name, int n, const char *id1,
                            int64_t t1, const char *id2, int64_t t2)
{
    ombud_call_leg a = leg(id1, "tech", t1, t1 + 60, "abandoned", NULL),
                   b = leg(id2, "tech", t2, t2 + 60, "abandoned", NULL);
    int64_t id = begin("calls", name, n);

    add_leg(id, 2, &a);
    add_leg(id, 3, &b);
    end(id, 2, 2, 0, 0);
    return id;
}

static void expect_spread(int64_t id, const char *kind, int64_t from,
                          int64_t to, int64_t before, int64_t in,
                          int64_t after)
{
    int64_t out[3] = {-1, -1, -1};

    assert_int_equal(ombud_store_source_spread(st, id, kind, from, to, out),
                     OMBUD_OK);
    assert_int_equal(out[0], before);
    assert_int_equal(out[1], in);
    assert_int_equal(out[2], after);
}

static void test_source_spread(void **state)
{
    ombud_call_leg a1 = leg("A-1", "tech", OCT - 1, OCT + 59, "abandoned",
                            NULL),
                   a2 = leg("A-2", "tech", OCT, OCT + 60, "abandoned", NULL),
                   a3 = leg("A-3", "tech", NOV - 1, NOV + 59, "abandoned",
                            NULL);
    ombud_outage e1 = outage("E-1", UTC(2026, 10, 5, 0, 0, 0),
                             OMBUD_TIME_NONE),
                 e2 = outage("E-2", UTC(2026, 10, 6, 0, 0, 0),
                             UTC(2026, 10, 7, 0, 0, 0));
    int64_t sep = UTC(2026, 9, 1, 0, 0, 0), a, b, c, d, e;
    (void)state;
    a = begin("calls", "a.csv", 41);
    add_leg(a, 2, &a1);
    add_leg(a, 3, &a2);
    add_leg(a, 4, &a3);
    end(a, 3, 3, 0, 0);
    b = spread_calls("b.csv", 42, "B-1", UTC(2026, 9, 10, 0, 0, 0), "B-2",
                     OCT - 1);
    c = spread_calls("c.csv", 43, "C-1", NOV, "C-2",
                     UTC(2026, 11, 20, 0, 0, 0));
    d = spread_calls("d.csv", 44, "D-1", OCT, "D-2", NOV - 1);
    e = begin("outages", "e.csv", 45);
    add_outage(e, 2, &e1);
    add_outage(e, 3, &e2);
    end(e, 2, 2, 0, 0);
    expect_spread(a, "calls", OCT, NOV, 1, 2, 0);
    expect_spread(b, "calls", OCT, NOV, 2, 0, 0);
    expect_spread(c, "calls", OCT, NOV, 0, 0, 2);
    expect_spread(d, "calls", OCT, NOV, 0, 2, 0);
    expect_spread(e, "outages", OCT, NOV, 0, 2, 0);
    expect_spread(a, "calls", sep, OCT, 0, 1, 2);
    expect_spread(b, "calls", sep, OCT, 0, 2, 0);
    expect_spread(c, "calls", sep, OCT, 0, 0, 2);
    expect_spread(d, "calls", sep, OCT, 0, 0, 2);
    expect_spread(e, "outages", sep, OCT, 0, 0, 2);
    /* A kind whose rows have no time: zeros. */
    expect_spread(e, "accounts", OCT, NOV, 0, 0, 0);
}

/* ---- 7: the findings digest ---------------------------------------------- */

static void digest(int64_t check, char hex[65])
{
    assert_int_equal(ombud_store_findings_digest(st, check, hex), OMBUD_OK);
    assert_int_equal(strlen(hex), 64);
}

/*
 * The same findings over the same inputs in a second store (always an
 * SQLite file): its rows get other ids, since an unrelated file comes
 * first there, but the digest names evidence by file SHA-256 and line.
 */
static void reference_digest(char hex[65])
{
    char path[128];
    ombud_outage x = outage("X-1", OCT, OMBUD_TIME_NONE);
    ombud_call_leg y = leg("Y-1", "tech", OCT, OCT + 9, "abandoned", NULL);
    ombud_store *mine = st;
    int64_t id;
    findings f;

    snprintf(path, sizeof path, "%s/reference-%d.db", dir, serial);
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    id = begin("outages", "unrelated.csv", 50);
    add_outage(id, 2, &x);
    end(id, 1, 1, 0, 0);
    id = begin("calls", "unrelated-calls.csv", 51);
    add_leg(id, 2, &y);
    end(id, 1, 1, 0, 0);
    store_evidence();
    f = run_check(978);
    digest(f.check, hex);
    ombud_store_close(st);
    st = mine;
    remove_sqlite(path);
}

/* The digest is the same on a second reading and from another store of
 * the same inputs; a finding changed changes it. */
static void test_findings_digest(void **state)
{
    char a[65], again[65], ref[65], changed[65];
    findings f;
    (void)state;
    store_evidence();
    f = run_check(978);
    digest(f.check, a);
    digest(f.check, again);
    assert_string_equal(a, again);
    reference_digest(ref);
    assert_string_equal(a, ref);
    f = run_check(977);   /* one figure one cent less */
    digest(f.check, changed);
    assert_string_not_equal(a, changed);
}

/*
 * The digest reads a result's breaches 4,096 at a time, then their
 * evidence. One result of 8,194 breaches (three reads), with evidence on
 * the first and last breach of each read, a read's first breach without
 * any, and evidence written after all the breaches in another order: the
 * digest is SHA-256 of the canonical text written out here by hand
 * (README, "The evidence store": a line per row, columns joined with '|',
 * a breach's evidence after its last '|' as checksum:line joined with ',').
 */
#define CHUNKED_BREACHES 8194

static void breach_line(GString *t, int i, const char *evidence)
{
    g_string_append_printf(t, "breach|1|call|B-%05d|%lld|%d|600|%d|s|0|"
                           "B-%05d missed the limit|%s\n", i,
                           (long long)(OCT + i), 1000 + i, 400 + i, i,
                           evidence);
}

static void test_digest_chunks(void **state)
{
    ombud_check c;
    ombud_result r = {8276, 10000, "bp", OMBUD_FAIL, 9000, CHUNKED_BREACHES,
                      OMBUD_AMOUNT_NONE, "x", "y", "z"};
    static int64_t b[CHUNKED_BREACHES];
    char hex[65];
    int64_t check = 0, rid;
    GString *t = g_string_new(NULL);
    ombud_sha256 *h = ombud_sha256_new();
    (void)state;
    store_evidence();
    c = october();   /* after: its checksum is in sha_of's buffers */
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    rid = add_result(check, 1, "live-support", "answer_time", &r);
    for (int i = 0; i < CHUNKED_BREACHES; i++) {
        char subject[16];

        snprintf(subject, sizeof subject, "B-%05d", i);
        b[i] = add_breach(rid, "call", subject, OCT + i, 1000 + i, "s", 0);
    }
    add_evidence(b[8191], "call_legs", leg_id("C-2"));
    add_evidence(b[0], "call_legs", leg_id("C-1"));
    add_evidence(b[4097], "outages", outage_id("O-1"));
    add_evidence(b[4095], "call_legs", leg_id("C-1"));
    add_evidence(b[8192], "call_legs", leg_id("C-1"));
    add_evidence(b[4095], "call_legs", leg_id("C-2"));
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);

    g_string_append_printf(t, "check|%lld|%lld|America/Los_Angeles|%s|USD\n",
                           (long long)OCT, (long long)NOV, sha_of(99));
    g_string_append_printf(t, "result|1|live-support|answer_time|promise of "
                           "live-support|brochure, page 1|limit = 10m|8276|"
                           "10000|bp|FAIL|9000|%d|\n", CHUNKED_BREACHES);
    for (int i = 0; i < CHUNKED_BREACHES; i++) {
        const char *calls = sha_of(2), *outages = sha_of(1);
        char *ev = i == 0 || i == 8192 ? g_strdup_printf("%s:2", calls)
                 : i == 4095 ? g_strdup_printf("%s:2,%s:3", calls, calls)
                 : i == 4097 ? g_strdup_printf("%s:2", outages)
                 : i == 8191 ? g_strdup_printf("%s:3", calls)
                 : g_strdup("");

        breach_line(t, i, ev);
        g_free(ev);
    }
    ombud_sha256_update(h, t->str, t->len);
    digest(check, hex);
    assert_string_equal(hex, ombud_sha256_hex(h));
    ombud_sha256_free(h);
    g_string_free(t, TRUE);
}

/*
 * A digest announced (ombud_store_expect_digest: SQLite computes it on a
 * thread of its own) is the digest. Announced on a second handle before
 * another check of the period replaced the findings, perhaps under the
 * same check id, it is the new findings' digest, as that handle reads
 * them, never the old ones the helper may have seen.
 */
static void test_expect_digest(void **state)
{
    char a[65], b[65], ref[65], now[65];
    ombud_store *other;
    findings f;
    (void)state;
    store_evidence();
    f = run_check(978);
    assert_int_equal(ombud_store_open(target, &other), OMBUD_OK);
    ombud_store_expect_digest(other, f.check);
    assert_int_equal(ombud_store_findings_digest(other, f.check, a), OMBUD_OK);
    reference_digest(ref);
    assert_string_equal(a, ref);
    ombud_store_close(other);

    assert_int_equal(ombud_store_open(target, &other), OMBUD_OK);
    ombud_store_expect_digest(other, f.check);
    f = run_check(977);
    digest(f.check, now);
    assert_string_not_equal(now, ref);
    assert_int_equal(ombud_store_findings_digest(other, f.check, b), OMBUD_OK);
    assert_string_equal(b, now);
    ombud_store_close(other);
}

/* ---- a guarantee judged on another thread ---------------------------------- */

typedef struct deferred {
    ombud_store *d;       /* the deferred handle */
    int64_t result;
    int n;                /* figures to write (a thread of its own) */
    ombud_err err;
} deferred;

/* On the deferred handle: a breach per leg read through it, citing it. */
static int defer_leg(void *ud, int64_t id, const ombud_call_leg *c)
{
    deferred *x = ud;
    ombud_breach b = {"call", "", c->arrived_at, 1, 0, 1, "count", 0, ""};
    int64_t bid = 0;

    snprintf(b.subject, sizeof b.subject, "%s", c->call_id);
    snprintf(b.detail, sizeof b.detail, "%s, judged apart", c->call_id);
    if (!(x->err = ombud_store_add_breach(x->d, x->result, &b, &bid)))
        x->err = ombud_store_add_evidence(x->d, bid, "call_legs", id);
    return x->err != OMBUD_OK;
}

/* Many figures with long subjects: more than the log holds at once. */
static gpointer defer_many(gpointer p)
{
    deferred *x = p;
    char subject[200];
    ombud_err err = OMBUD_OK;

    for (int i = 0; i < x->n && !err; i++) {
        snprintf(subject, sizeof subject, "T-%06d-%0180d", i, 0);
        err = ombud_store_add_figure(x->d, x->result, subject, "calls", i,
                                     "count");
    }
    ombud_store_deferred_end(x->d, err);
    return NULL;
}

static int count_figure(void *ud, const char *subject, const char *name,
                        int64_t value, const char *unit)
{
    seen *s = ud;

    (void)name;
    (void)unit;
    if (value != s->n || strncmp(subject, "T-", 2))
        return 1;
    s->n++;
    return 0;
}

/*
 * Findings written through a deferred handle (SQLite: customer_effort
 * judged on another thread) reach the store at the replay, in their
 * order, as if written there: each breach's stand-in id takes its
 * evidence, file and line, to the real breach; the figures' runs are
 * kept. 60,000 long figures (12 MB) pass through the log, a few MB at a
 * time, from a thread of their own. A replay given up writes nothing.
 * PostgreSQL gives no handle: its guarantees are judged as before.
 */
static void test_defer(void **state)
{
    ombud_result r0 = {0, 0, "count", OMBUD_FAIL, 0, 0, 0, "", "", ""};
    ombud_check k = october();
    deferred x = {NULL, 0, 60000, OMBUD_OK};
    seen b = {0}, f = {0}, many = {0};
    int64_t check;
    GThread *t;
    (void)state;
    store_evidence();
    assert_int_equal(ombud_store_begin_check(st, &k, &check), OMBUD_OK);
    x.result = add_result(check, 1, "effort", "customer_effort", &r0);
    ombud_store_defer(st, &x.d);
    if (uri) {
        assert_null(x.d);
        assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
        return;
    }
    assert_non_null(x.d);
    assert_int_equal(ombud_store_each_leg(x.d, OCT, NOV, defer_leg, &x),
                     OMBUD_OK);
    assert_int_equal(x.err, OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(x.d, x.result, "ACC-1", "calls",
                                            2, "count"), OMBUD_OK);
    assert_int_equal(ombud_store_add_figure(x.d, x.result, "ACC-1", "days",
                                            1, "count"), OMBUD_OK);
    assert_int_equal(ombud_store_add_series(x.d, x.result, "s", 1, 7),
                     OMBUD_OK);
    ombud_store_deferred_end(x.d, OMBUD_OK);
    assert_int_equal(ombud_store_replay(st, x.d, 0), OMBUD_OK);
    ombud_store_close(x.d);

    /* Given up: nothing written, the judging side told so. */
    ombud_store_defer(st, &x.d);
    assert_int_equal(ombud_store_each_leg(x.d, OCT, NOV, defer_leg, &x),
                     OMBUD_OK);
    ombud_store_deferred_end(x.d, OMBUD_OK);
    assert_int_equal(ombud_store_replay(st, x.d, 1), OMBUD_OK);
    ombud_store_close(x.d);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);

    assert_int_equal(ombud_store_each_breach(st, x.result, on_breach, &b),
                     OMBUD_OK);
    assert_string_equal(b.text,
        "call|C-1|2026-10-14 09:00:00|1|0|1|count|0|C-1, judged apart|"
        "[calls.csv:2]|1/1\n"
        "call|C-2|2026-10-14 10:00:00|1|0|1|count|0|C-2, judged apart|"
        "[calls.csv:3]|1/1\n"
        "call|Q-1|2026-10-15 03:00:00|1|0|1|count|0|Q-1, judged apart|"
        "[queue_log:12,15,18]|1/1\n");
    assert_int_equal(ombud_store_each_figure(st, x.result, on_figure, &f),
                     OMBUD_OK);
    assert_string_equal(f.text, "ACC-1 calls 2 count\nACC-1 days 1 count\n");

    /* A second check: 60,000 figures through the log from a thread. */
    assert_int_equal(ombud_store_begin_check(st, &k, &check), OMBUD_OK);
    x.result = add_result(check, 1, "effort", "customer_effort", &r0);
    ombud_store_defer(st, &x.d);
    t = g_thread_new("test-defer", defer_many, &x);
    assert_int_equal(ombud_store_replay(st, x.d, 0), OMBUD_OK);
    g_thread_join(t);
    ombud_store_close(x.d);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_figure(st, x.result, count_figure,
                                             &many), OMBUD_OK);
    assert_int_equal(many.n, 60000);
}

/* ---- 8: forget ----------------------------------------------------------- */

static int on_check(void *ud, int64_t id, int64_t from, int64_t to,
                    const char *tz)
{
    saw(ud, id, "%s..%s %s\n", TM(from), TM(to), tz);
    return 0;
}

static int refuse_check(void *ud, int64_t id, int64_t from, int64_t to,
                        const char *tz)
{
    (void)ud; (void)id; (void)from; (void)to; (void)tz;
    return 1;
}

/* The evidence, a check of November and then one of October. */
static void store_with_checks(int64_t *nov_id, int64_t *oct_id)
{
    ombud_check nov = october();

    store_evidence();
    nov.from = NOV;
    nov.to = UTC(2026, 12, 1, 0, 0, 0);
    assert_int_equal(ombud_store_begin_check(st, &nov, nov_id), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    *oct_id = run_check(978).check;
}

/* A refused forget (a check callback says stop, or an id not stored)
 * removes nothing at all. */
static void test_forget_refused(void **state)
{
    int64_t nov, oct, ids[2];
    ombud_forgotten out[2];
    ombud_check_info k;
    (void)state;
    store_with_checks(&nov, &oct);
    ids[0] = found("outages", sha_of(1));
    ids[1] = found("calls", sha_of(2));
    hush(1);
    assert_int_equal(ombud_store_forget(st, ids, 2, out, refuse_check, NULL),
                     OMBUD_E_INTERNAL);
    ids[1] = ids[0] + 1000;   /* no such source */
    assert_int_equal(ombud_store_forget(st, ids, 2, out, NULL, NULL),
                     OMBUD_E_DATA);
    hush(0);
    assert_int_equal(totals().sources, 3);
    assert_int_equal(totals().outages, 2);
    assert_int_equal(totals().rejects, 1);
    assert_int_equal(ombud_store_check_get(st, 0, &k), OMBUD_OK);
    assert_int_equal(k.id, oct);
}

/* Forget outages.csv and the queue_log: their rows (a 3-line leg is one
 * row) and rejects, and every check, each shown in period order first. */
static void test_forget(void **state)
{
    int64_t nov, oct, ids[2];
    ombud_forgotten out[2];
    ombud_check_info k;
    ombud_store_totals t;
    seen checks = {0}, s;
    (void)state;
    store_with_checks(&nov, &oct);
    ids[0] = found("outages", sha_of(1));
    ids[1] = found("queue_log", sha_of(3));
    assert_int_equal(ombud_store_forget(st, ids, 2, out, on_check, &checks),
                     OMBUD_OK);
    assert_int_equal(out[0].rows, 2);
    assert_int_equal(out[0].rejects, 1);
    assert_int_equal(out[1].rows, 1);
    assert_int_equal(out[1].rejects, 0);
    assert_string_equal(checks.text,
        "2026-10-01 00:00:00..2026-11-01 00:00:00 America/Los_Angeles\n"
        "2026-11-01 00:00:00..2026-12-01 00:00:00 America/Los_Angeles\n");
    assert_int_equal(checks.ids[0], oct);
    assert_int_equal(checks.ids[1], nov);
    t = totals();
    assert_int_equal(t.sources, 1);
    assert_int_equal(t.outages, 0);
    assert_int_equal(t.call_legs, 2);   /* calls.csv's, untouched */
    assert_int_equal(t.rejects, 0);
    assert_int_equal(ombud_store_check_get(st, 0, &k), OMBUD_E_DATA);
    assert_int_equal(found("outages", sha_of(1)), 0);
    assert_int_equal(has_size("outages", 101), 0);
    s = sources();
    assert_int_equal(s.n, 1);
    assert_non_null(strstr(s.text, "calls|calls.csv|"));
}

/* A forgotten check has no findings left: its digest is that of none
 * at all, the SHA-256 of empty text (as for an id never stored). */
static void test_forget_digest(void **state)
{
    char before[65], after[65], never[65];
    int64_t nov, oct, id;
    ombud_forgotten out;
    (void)state;
    store_with_checks(&nov, &oct);
    digest(oct + nov + 1000, never);
    assert_string_equal(never, SHA256_EMPTY);
    digest(oct, before);   /* the last digest asked, before forget */
    assert_string_not_equal(before, SHA256_EMPTY);
    id = found("calls", sha_of(2));
    assert_int_equal(ombud_store_forget(st, &id, 1, &out, NULL, NULL),
                     OMBUD_OK);
    /* The façade keeps the last digest per check id: forget drops it. */
    digest(oct, after);
    assert_string_equal(after, SHA256_EMPTY);
}

/* A forgotten accounts map maps no number any more. */
static void test_forget_accounts(void **state)
{
    ombud_forgotten out;
    int64_t id;
    (void)state;
    id = store_accounts(1);
    assert_string_equal(account_of("5550101"), "ACC-1");
    assert_int_equal(ombud_store_forget(st, &id, 1, &out, NULL, NULL),
                     OMBUD_OK);
    assert_int_equal(out.rows, 2);
    assert_int_equal(out.rejects, 0);
    assert_int_equal(totals().sources, 0);
    /* PostgreSQL caches the map read by account_of(): forget drops it. */
    assert_string_equal(account_of("5550101"), "");
}

/* ---- a long list of evidence ------------------------------------------- */

/* Each leg's row id, in arrival order. */
static int all_legs(void *ud, int64_t id, const ombud_call_leg *c)
{
    int64_t *ids = ud;

    (void)c;
    ids[++ids[0]] = id;
    return 0;
}

typedef struct cut { char refs[2400]; int64_t n, shown; } cut;

static int on_cut(void *ud, const ombud_breach *b, const char *refs,
                  int64_t nrefs, int64_t shown)
{
    cut *c = ud;

    (void)b;
    snprintf(c->refs, sizeof c->refs, "%s", refs);
    c->n = nrefs;
    c->shown = shown;
    return 0;
}

/* 27: a breach citing 400 legs (calls.csv lines 2-401) reads back with
 * the references that fit and their count: each "calls.csv:N" is 10
 * bytes and N's digits, 2 more for ", "; one is added while the text
 * stays 64 bytes and the reference's lines short of 2,200 (room for the
 * report's " and N more"): lines 2-9 take 8 x 11 + 7 x 2 = 102 bytes,
 * 10-99 then 90 x 14 = 1,260 (1,362), and 100-151 52 x 15 = 780 (2,142);
 * a 151st reference would need 2,142 + 64 + 3 = 2,209. So 150 shown. */
static void test_breach_cut(void **state)
{
    static int64_t ids[401];
    ombud_check c = october();
    ombud_result r = {1, 1, "count", OMBUD_FAIL, 400, 1, 0, "400 calls",
                      "none", "per call"};
    int64_t id, check = 0, result, breach;
    cut got = {"", 0, 0};
    char call[16];

    (void)state;
    id = begin("calls", "calls.csv", 9);
    for (int i = 0; i < 400; i++) {
        ombud_call_leg l;
        snprintf(call, sizeof call, "C-%d", i);
        l = leg(call, "tech", OCT + 60 * i, OCT + 60 * i + 30, "abandoned",
                NULL);
        add_leg(id, 2 + i, &l);
    }
    end(id, 400, 400, 0, 0);
    ids[0] = 0;
    assert_int_equal(ombud_store_each_leg(st, OCT, NOV, all_legs, ids),
                     OMBUD_OK);
    assert_int_equal(ids[0], 400);
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    result = add_result(check, 1, "all", "answer_time", &r);
    breach = add_breach(result, "day", "2026-10-01", OCT, 1200, "s", 0);
    for (int i = 1; i <= 400; i++)
        add_evidence(breach, "call_legs", ids[i]);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_breach(st, result, on_cut, &got),
                     OMBUD_OK);
    assert_int_equal(got.n, 400);
    assert_int_equal(got.shown, 150);
    assert_int_equal(strlen(got.refs), 2142);
    assert_int_equal(strncmp(got.refs, "calls.csv:2, calls.csv:3, ", 26), 0);
    assert_string_equal(got.refs + 2142 - 28,
                        "calls.csv:150, calls.csv:151");
}

/*
 * A subject cut by its rule's buffer inside a character is stored without
 * the cut character: whole UTF-8, which PostgreSQL would refuse otherwise.
 * "TT-", 91 x and "é" (2 bytes) fill 96 bytes: the buffer keeps 95, the
 * é's first byte last; stored are the 94 before it.
 */
static void test_breach_subject_cut(void **state)
{
    ombud_check c = october();
    ombud_result r = {1, 1, "count", OMBUD_FAIL, 1, 1, 0, "1", "0", "by ticket"};
    char want[96], name[128];
    int64_t check = 0, result;
    seen got = {0};

    (void)state;
    snprintf(want, sizeof want, "TT-%091d", 0);
    memset(want + 3, 'x', 91);
    snprintf(name, sizeof name, "%s\xc3\xa9-end", want);
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    result = add_result(check, 1, "effort", "customer_effort", &r);
    add_breach(result, "ticket", name, OCT, 4, "count", 0);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    assert_int_equal(ombud_store_each_breach(st, result, on_breach, &got),
                     OMBUD_OK);
    assert_int_equal(got.n, 1);
    assert_int_equal(strncmp(got.text, "ticket|", 7), 0);
    assert_int_equal(strncmp(got.text + 7, want, 94), 0);
    assert_int_equal(got.text[7 + 94], '|');
}

/* ---- duplicate keys ------------------------------------------------------ */

/* Import @name with rows added by @add, all counted stored; on_dup takes
 * the duplicates out. Returns the counts after the file. */
static ombud_counts import_dups(const char *kind, const char *name, int n,
                                void (*add)(int64_t id), int64_t rows)
{
    ombud_counts c = {rows, rows, 0, 0};
    int64_t id = begin(kind, name, n);

    dups.counts = &c;
    dups.source_id = id;
    add(id);
    assert_int_equal(ombud_store_end_file(st, id, &c), OMBUD_OK);
    dups.counts = NULL;
    return c;
}

static void outages_a(int64_t id)
{
    ombud_outage a = outage("T-1", OCT, OCT + 60),
                 b = outage("T-2", OCT, OCT + 60);
    add_outage(id, 2, &a);
    add_outage(id, 3, &b);
    add_outage(id, 7, &a);   /* T-1 again, in the same file */
}

static void outages_b(int64_t id)
{
    ombud_outage b = outage("T-2", OCT, OCT + 60),
                 c = outage("T-3", OCT, OCT + 60);
    add_outage(id, 2, &c);
    add_outage(id, 5, &b);   /* T-2 of the first file */
}

static void numbers(int64_t id)
{
    assert_int_equal(ombud_store_add_account(st, id, 2, "5550101", "ACC-1",
                     "555-0101"), OMBUD_OK);
    assert_int_equal(ombud_store_add_account(st, id, 4, "5550101", "ACC-9",
                     "(555) 0101"), OMBUD_OK);
}

static void legs(int64_t id)
{
    ombud_call_leg a = leg("C-1", "tech", OCT, OCT + 30, "abandoned", NULL);
    add_leg(id, 2, &a);
    add_leg(id, 3, &a);
}

/* 26: a key held by an earlier row of the file or of an earlier file is
 * told to on_dup with its line, key, the key as written and where the
 * first copy is; the row is not stored and the counts add up. */
static void test_duplicates(void **state)
{
    ombud_counts c;

    (void)state;
    c = import_dups("outages", "a.csv", 1, outages_a, 3);
    assert_string_equal(dups.seen, "7|T-1|T-1|a.csv:2|1\n");
    assert_int_equal(c.stored, 2);
    assert_int_equal(c.rejected, 1);
    dups.seen[0] = '\0';
    c = import_dups("outages", "b.csv", 2, outages_b, 2);
    assert_string_equal(dups.seen, "5|T-2|T-2|a.csv:3|1\n");
    assert_int_equal(c.stored, 1);
    assert_int_equal(totals().outages, 3);
    assert_int_equal(totals().rejects, 2);
    dups.seen[0] = '\0';
    c = import_dups("accounts", "n.csv", 3, numbers, 2);
    assert_string_equal(dups.seen, "4|5550101|(555) 0101|n.csv:2|1\n");
    assert_string_equal(account_of("5550101"), "ACC-1");
    dups.seen[0] = '\0';
    c = import_dups("calls", "c.csv", 4, legs, 2);
    assert_string_equal(dups.seen, "3|C-1|C-1|c.csv:2|1\n");
    assert_int_equal(c.stored, 1);
    assert_int_equal(totals().call_legs, 1);
}

/* Rows not kept in the span's table: a duplicate key, a later step of an
 * outage, a row without a time. */
static void span_outages(int64_t id)
{
    ombud_outage s1 = outage("S-1", UTC(2026, 10, 5, 0, 0, 0),
                             UTC(2026, 10, 5, 6, 0, 0)),
                 s2 = s1, s3 = outage("S-1", UTC(2026, 10, 7, 0, 0, 0),
                                      OMBUD_TIME_NONE);

    s1.customers_restored = 40;
    s2.restored_at = UTC(2026, 10, 5, 9, 0, 0);   /* a later step */
    s2.customers_restored = 60;
    add_outage(id, 2, &s1);
    add_outage(id, 3, &s2);
    add_outage(id, 4, &s3);   /* S-1 again: a duplicate */
}

static void span_legs(int64_t id)
{
    ombud_call_leg a = leg("S-2", "tech", OCT + 5, OCT + 30, "abandoned",
                           NULL);
    add_leg(id, 2, &a);
    add_leg(id, 3, &a);   /* a duplicate */
}

static void span_cdrs(int64_t id)
{
    ombud_cdr c[2] = {
        {"V.1", "V.1", "", NULL, "100", NULL, NULL, NULL, NULL, NULL,
         OCT + 9, OMBUD_TIME_NONE, OCT + 20, 11, 0, "NO ANSWER", NULL},
        {"V.2", "V.2", "", NULL, "100", NULL, NULL, NULL, NULL, NULL,
         OMBUD_TIME_NONE, OMBUD_TIME_NONE, OCT + 30, 0, 0, "FAILED", NULL},
    };  /* V.2 has no time: in no part of the spread */

    for (int i = 0; i < 2; i++)
        assert_int_equal(ombud_store_add_cdr(st, id, 1 + i, &c[i]), OMBUD_OK);
}

static void span_orders(int64_t id)
{
    ombud_order a = order("S-3", OCT + 60, OCT + 86400),
                b = order("S-3", OCT + 120, OCT + 86400);
    add_order(id, 2, &a);
    add_order(id, 3, &b);   /* a duplicate */
}

static void span_appts(int64_t id)
{
    ombud_appointment a = appt("S-4", OCT + 3600, OCT + 7200),
                      b = appt("S-4", OCT + 7200, OCT + 9000);
    add_appt(id, 2, &a);
    add_appt(id, 3, &b);   /* a duplicate */
}

/* A file's span counts only the rows its table keeps, whether the
 * backend saw them go in or they are read back: one row in each file. */
static void test_span_kept(void **state)
{
    int64_t a, b, c, d, e;

    (void)state;
    import_dups("outages", "span-o.csv", 61, span_outages, 3);
    a = ombud_store_last_file(st);
    import_dups("calls", "span-c.csv", 62, span_legs, 2);
    b = ombud_store_last_file(st);
    import_dups("cdr", "span-m.csv", 63, span_cdrs, 2);
    c = ombud_store_last_file(st);
    import_dups("orders", "span-r.csv", 64, span_orders, 2);
    d = ombud_store_last_file(st);
    import_dups("appointments", "span-a.csv", 65, span_appts, 2);
    e = ombud_store_last_file(st);
    expect_spread(a, "outages", OCT, NOV, 0, 1, 0);
    expect_spread(b, "calls", OCT, NOV, 0, 1, 0);
    expect_spread(c, "cdr", OCT, NOV, 0, 1, 0);
    expect_spread(a, "outages", NOV, NOV + 86400, 1, 0, 0);
    expect_spread(c, "cdr", NOV, NOV + 86400, 1, 0, 0);
    expect_spread(d, "orders", OCT, NOV, 0, 1, 0);
    expect_spread(e, "appointments", OCT, NOV, 0, 1, 0);
    dups.seen[0] = '\0';
}

/* S-1 restored in steps: 40 back at +1 h (its own row), 50 at +3 h in
 * the same file, 10 at +2 h from a later file; the step at +3 h again and
 * a row of another start are duplicates. T-9 has no steps. */
static void steps_a(int64_t id)
{
    ombud_outage a = outage("S-1", OCT, OCT + 3600), b = a, t;

    a.customers_affected = b.customers_affected = 100;
    a.customers_restored = 40;
    b.restored_at = OCT + 3 * 3600;
    b.customers_restored = 50;
    t = outage("T-9", OCT, OCT + 600);
    add_outage(id, 2, &a);
    add_outage(id, 3, &b);
    add_outage(id, 4, &t);
    add_outage(id, 5, &b);   /* the +3 h step again */
}

static void steps_b(int64_t id)
{
    ombud_outage c = outage("S-1", OCT, OCT + 2 * 3600), d;

    c.customers_affected = 100;
    c.customers_restored = 10;
    d = c;
    d.started_at = OCT + 60;
    d.restored_at = OCT + 4 * 3600;
    add_outage(id, 2, &c);
    add_outage(id, 3, &d);   /* another start: not a step of S-1 */
}

static int on_step(void *ud, const ombud_step *p)
{
    seen *s = ud;
    size_t n = strlen(s->text);

    snprintf(s->text + n, sizeof s->text - n, "%s|%lld|%lld\n", p->table,
             (long long)(p->restored_at - OCT),
             (long long)p->customers_restored);
    return 0;
}

static void test_steps(void **state)
{
    seen s = {0}, o = {0};
    ombud_counts c;

    (void)state;
    c = import_dups("outages", "a.csv", 1, steps_a, 4);
    assert_string_equal(dups.seen, "5|S-1|S-1|a.csv:2|1\n");
    assert_int_equal(c.stored, 3);
    dups.seen[0] = '\0';
    c = import_dups("outages", "b.csv", 2, steps_b, 2);
    assert_string_equal(dups.seen, "3|S-1|S-1|a.csv:2|1\n");
    assert_int_equal(c.stored, 1);
    dups.seen[0] = '\0';
    assert_int_equal(totals().outages, 2);
    assert_int_equal(ombud_store_each_step(st, OCT, NOV, on_step, &s),
                     OMBUD_OK);
    assert_string_equal(s.text, "outages|3600|40\n"
                                "outage_steps|7200|10\n"
                                "outage_steps|10800|50\n");
    /* Read as an outage, S-1 ended at its last step. */
    assert_int_equal(ombud_store_each_outage(st, OCT, NOV, on_outage, &o),
                     OMBUD_OK);
    assert_non_null(strstr(o.text, "S-1|-|-|-|2026-10-01 00:00:00|"
                           "2026-10-01 03:00:00|"));
    s.text[0] = '\0';
    assert_int_equal(ombud_store_each_step(st, OCT + 1, NOV, on_step, &s),
                     OMBUD_OK);
    assert_string_equal(s.text, "");
}

/* An outage looked up by id while a check runs (PostgreSQL then reads the
 * outage of each ticket of the period at once) answers as outside one:
 * S-1, a ticket of October, ends at its last step; X-1, a ticket of no
 * outage, and X-2, of none and no ticket, with nothing; T-9, a ticket of
 * November only (asked of the server), at its own restoration. */
static void test_outage_restored_in_check(void **state)
{
    ombud_check c = october();
    int64_t check = 0, row, restored, s1, t9, calls;
    ombud_call_leg l[3] = {
        leg("K-1", "tech", OCT + 60, OCT + 120, "answered", NULL),
        leg("K-2", "tech", OCT + 180, OCT + 240, "answered", NULL),
        leg("K-3", "tech", NOV + 60, NOV + 120, "answered", NULL),
    };

    (void)state;
    import_dups("outages", "a.csv", 1, steps_a, 4);
    import_dups("outages", "b.csv", 2, steps_b, 2);
    dups.seen[0] = '\0';  /* the duplicates test_steps checks */
    l[0].ticket_id = "S-1";
    l[1].ticket_id = "X-1";
    l[2].ticket_id = "T-9";
    calls = begin("calls", "t.csv", 3);
    for (int i = 0; i < 3; i++)
        add_leg(calls, 2 + i, &l[i]);
    end(calls, 3, 3, 0, 0);
    s1 = outage_id("S-1");
    t9 = outage_id("T-9");
    assert_int_equal(ombud_store_begin_check(st, &c, &check), OMBUD_OK);
    for (int pass = 0; pass < 2; pass++) {  /* the second from memory */
        assert_int_equal(ombud_store_outage_restored(st, "S-1", &row,
                                                     &restored), OMBUD_OK);
        assert_int_equal(row, s1);
        assert_int_equal(restored, OCT + 3 * 3600);
        assert_int_equal(ombud_store_outage_restored(st, "T-9", &row,
                                                     &restored), OMBUD_OK);
        assert_int_equal(row, t9);
        assert_int_equal(restored, OCT + 600);
        for (int k = 0; k < 2; k++) {
            assert_int_equal(ombud_store_outage_restored(st, k ? "X-2" : "X-1",
                                                         &row, &restored),
                             OMBUD_OK);
            assert_int_equal(row, 0);
            assert_int_equal(restored, OMBUD_TIME_NONE);
        }
    }
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
        T(test_file_counts), T(test_counted_lines), T(test_abort_file),
        T(test_accounting_mismatch), T(test_source_checksum_notes),
        T(test_each_outage), T(test_each_outage_started), T(test_steps),
        T(test_outage_restored_in_check), T(test_each_leg), T(test_each_billing),
        T(test_each_appointment), T(test_each_order), T(test_each_customers),
        T(test_each_snapshot),
        T(test_data_span), T(test_each_reject), T(test_accounts),
        T(test_cdr_of), T(test_long_account_ids), T(test_check_get),
        T(test_each_result),
        T(test_each_breach), T(test_series_figures), T(test_figure_runs), T(test_figure_skip),
        T(test_drop_result),
        T(test_evidence_long_lines), T(test_leg_place),
        T(test_each_leg_grouped),
        T(test_check_replaced),
        T(test_earlier_checks),
        T(test_source_spread), T(test_span_kept), T(test_findings_digest), T(test_digest_chunks), T(test_expect_digest), T(test_defer), T(test_forget_refused), T(test_forget),
        T(test_forget_digest), T(test_forget_accounts), T(test_duplicates),
        T(test_breach_cut), T(test_breach_subject_cut),
#undef T
    };
    const char *name;

    uri = getenv("OMBUD_STORE_URI");
    if (uri && !*uri)
        uri = NULL;
    name = uri ? "store conformance (PostgreSQL, OMBUD_STORE_URI)"
               : "store conformance (SQLite, temporary files)";
    printf("backend under test: %s\n", backend_name());
    return cmocka_run_group_tests_name(name, tests, group_setup,
                                       group_teardown);
}
