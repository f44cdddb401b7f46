/*
 * test_rules_worker.c - the guarantees whose kind may be judged apart
 * (ombud_rule.apart), judged on the check's one worker thread through
 * deferred handles and replayed at their turns (src/engine.c: worker_*,
 * apart_finish; src/store/defer.c), with rules made up here that write
 * many findings:
 *   1. the findings stored are those of the same check judged all on the
 *      main thread, row for row and id for id, in the guarantees' order;
 *   2. a check that fails on the main thread before their turn gives
 *      them up: its error is the check's, a log past its bound fails the
 *      rule's next write, one the worker reaches given up is skipped,
 *      nothing is stored, and the store takes the next check;
 *   3. an error on the worker is the check's, and the guarantee after it
 *      is given up (skipped, or stopped at its next write) and ends;
 *   4. a store that cannot lend a second connection (a temporary SQLite
 *      database) has them judged on the main thread.
 * How the two threads interleave is left to them: every assertion holds
 * whatever the interleaving (a log of 40,000 breaches of 150-byte details
 * is over twice the 16 chunks of 256 KiB that may wait, so the worker
 * waits for the replay in practice, and must when nothing replays it).
 * A deadlock would hang the test: cmocka has no timeout.
 */
#include "testutil.h"

#include <pthread.h>
#include <sqlite3.h>

#include "ombud/engine.h"
#include "ombud/guarantees.h"
#include "ombud/rule.h"
#include "ombud/store.h"
#include "ombud/time.h"

/* October 2026, UTC: the checks' period. */
#define FROM UTC(2026, 10, 1, 0, 0, 0)
#define TO UTC(2026, 11, 1, 0, 0, 0)

/* A breach's detail: long enough that A's log crosses the bound. */
#define DETAIL_LEN 150
/* Breaches big enough for the bound, few enough for a quick test. */
#define MANY 40000

/* What the made-up rule does for one guarantee, and what it saw. */
typedef struct plan {
    int breaches;         /* to write */
    ombud_err fail;       /* returned once they are written (0: none) */
    /* seen, by the thread that judged it */
    int began, ended;
    int written;          /* breaches written */
    ombud_err write_err;  /* the write that failed, or 0 */
    int on_worker;        /* judged on a thread not the test's */
    int on_handle;        /* through a store not the check's */
    pthread_t thread;
} plan;

/* By the guarantee id's letter. Written by the judging thread, read by
 * the test once the check returned (the worker joined). */
static plan plans[26];
static pthread_t test_thread;
static ombud_store *checked;   /* the store the check runs on */

static ombud_rule apart_rule, main_rule;
static ombud_guarantees *gs;
static ombud_store *st[2];
static char files[3][64];     /* two stores and the guarantees file */

static plan *plan_of(const ombud_guarantee *g)
{
    return &plans[g->id[0] - 'a'];
}

static void set_plan(char id, int breaches, ombud_err fail)
{
    plans[id - 'a'] = (plan){breaches, fail, 0, 0, 0, 0, 0, 0, test_thread};
}

/* The legs of the period, read through the rule's store. */
typedef struct legs {
    int64_t row[8];
    int n;
} legs;

static int on_leg(void *ud, int64_t row, const ombud_call_leg *c)
{
    legs *l = ud;

    (void)c;
    if (l->n < 8)
        l->row[l->n++] = row;
    return 0;
}

/*
 * Breach @i of @g; every hundredth with a leg as evidence, a run of two
 * figures and a value of a series, so that each kind of finding the log
 * holds is replayed among the breaches.
 */
static ombud_err write_breach(const ombud_rule_ctx *ctx,
                              const ombud_guarantee *g, int i,
                              const legs *l)
{
    ombud_breach b = {"promise", "", ctx->from + i, i, 10, i - 10, "count",
                      0, ""};
    int64_t id;
    ombud_err err;
    int n;

    snprintf(b.subject, sizeof b.subject, "%s-%05d", g->id, i);
    n = snprintf(b.detail, sizeof b.detail, "guarantee %s, breach %d: ",
                 g->id, i);
    memset(b.detail + n, 'a' + i % 26, (size_t)(DETAIL_LEN - n));
    b.detail[DETAIL_LEN] = '\0';
    if ((err = ombud_store_add_breach(ctx->store, ctx->result_id, &b, &id)) ||
        i % 100)
        return err;
    if ((l->n && (err = ombud_store_add_evidence(ctx->store, id, "call_legs",
                                                 l->row[i / 100 % l->n]))) ||
        (err = ombud_store_add_figure(ctx->store, ctx->result_id, b.subject,
                                      OMBUD_FIG_CALLS, i, "count")) ||
        (err = ombud_store_add_figure(ctx->store, ctx->result_id, b.subject,
                                      OMBUD_FIG_AGENTS, 1, "count")))
        return err;
    return ombud_store_add_series(ctx->store, ctx->result_id,
                                  OMBUD_SERIES_DAILY_LEVEL, i, 2 * i);
}

/* The made-up rule: reads the legs, writes its plan's breaches, says
 * where it ran. Never asserts: it may run on the worker. */
static ombud_err fake_evaluate(const ombud_rule_ctx *ctx,
                               const ombud_guarantee *g, ombud_result *res)
{
    plan *p = plan_of(g);
    legs l = {{0}, 0};
    ombud_err err;

    p->began++;
    p->thread = pthread_self();
    p->on_worker = !pthread_equal(p->thread, test_thread);
    p->on_handle = ctx->store != checked;
    err = ombud_store_each_leg(ctx->store, ctx->from, ctx->to, on_leg, &l);
    for (int i = 0; !err && i < p->breaches; i++)
        if (!(err = write_breach(ctx, g, i, &l)))
            p->written++;
    p->write_err = err;
    res->unit = "count";
    res->measured = res->breaches = res->subjects = p->written;
    res->pass = p->written ? OMBUD_FAIL : OMBUD_PASS;
    snprintf(res->measured_text, sizeof res->measured_text, "%d of %d legs",
             p->written, l.n);
    snprintf(res->method, sizeof res->method, "made up");
    p->ended++;
    return err ? err : p->fail;
}

/* Guarantees @ids (one letter each) in that order, of a kind with no
 * required key; its rule replaced once loaded. */
static void load(const char *ids)
{
    FILE *fp = fopen(files[2], "w");

    assert_non_null(fp);
    fprintf(fp, "[filing]\ncarrier = C\ncommission = K\ntimezone = UTC\n");
    for (const char *c = ids; *c; c++)
        fprintf(fp, "[guarantee %c]\npromise = promise %c\nsource = S\n"
                "kind = payment_notice\n", *c, *c);
    assert_int_equal(fclose(fp), 0);
    assert_int_equal(ombud_guarantees_load(files[2], &gs), OMBUD_OK);
    assert_int_equal(gs->ng, (int)strlen(ids));
}

/* The guarantees @apart (letters) judged apart, the others not. The fake
 * rules copy the loaded one, whose keys (params, nparams) index g->v. */
static void use_fakes(const char *apart)
{
    for (int i = 0; i < gs->ng; i++)
        gs->g[i].rule = strchr(apart, gs->g[i].id[0]) ? &apart_rule
                                                      : &main_rule;
}

/* A new store at @path holding three legs of the period, as made by the
 * handle (a rollback journal until the check: then WAL). */
static ombud_store *make_store(const char *path)
{
    static const char *id[3] = {"L1", "L2", "L3"};
    ombud_source src = {"calls", "calls.csv", "/in/calls.csv",
                        "0000000000000000000000000000000000000000000000000"
                        "000000000000001", 10, "UTC", 1790000000, NULL,
                        NULL, NULL};
    ombud_counts c = {3, 3, 0, 0};
    ombud_store *s;
    int64_t sid;

    assert_int_equal(ombud_store_open(path, &s), OMBUD_OK);
    assert_int_equal(ombud_store_begin_file(s, &src, &sid), OMBUD_OK);
    for (int i = 0; i < 3; i++) {
        int64_t at = FROM + 3600 * (i + 1);
        ombud_call_leg l = {id[i], NULL, "q", at, OMBUD_TIME_NONE, at + 10,
                            "closed", NULL, NULL, NULL, OMBUD_TIME_NONE,
                            NULL};
        assert_int_equal(ombud_store_add_call_leg(s, sid, 2 + i, &l),
                         OMBUD_OK);
    }
    assert_int_equal(ombud_store_end_file(s, sid, &c), OMBUD_OK);
    return s;
}

/* The check of the period on store @k, the fakes told which it is. */
static ombud_err check(int k, int *failed)
{
    checked = st[k];
    return ombud_evaluate_span(st[k], gs, FROM, TO, NULL, failed, NULL);
}

static void remove_store(const char *path)
{
    char p[sizeof files + 8];

    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static int setup(void **state)
{
    (void)state;
    test_thread = pthread_self();
    apart_rule = main_rule = ombud_rule_payment_notice;
    apart_rule.evaluate = main_rule.evaluate = fake_evaluate;
    apart_rule.apart = 1;
    main_rule.apart = 0;
    for (int k = 0; k < 2; k++) {
        snprintf(files[k], sizeof files[k], "/tmp/ombud-unit-%d-worker%d.db",
                 (int)getpid(), k);
        remove_store(files[k]);
        st[k] = make_store(files[k]);
    }
    snprintf(files[2], sizeof files[2], "/tmp/ombud-unit-%d-worker.ini",
             (int)getpid());
    memset(plans, 0, sizeof plans);
    gs = NULL;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int k = 0; k < 2; k++) {
        ombud_store_close(st[k]);
        remove_store(files[k]);
    }
    ombud_guarantees_free(gs);
    unlink(files[2]);
    return 0;
}

/* ---- reading the stores back, through connections of the test's own ----- */

static sqlite3 *open_db(const char *path)
{
    sqlite3 *db;

    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
                     SQLITE_OK);
    return db;
}

static int64_t count(const char *path, const char *table)
{
    sqlite3 *db = open_db(path);
    sqlite3_stmt *s;
    char sql[80];
    int64_t n;

    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return n;
}

/* No row of any findings table: nothing of a failed check stayed. */
static void assert_no_findings(const char *path)
{
    static const char *const tables[] = {"checks", "results", "breaches",
                                         "evidence", "figure_runs", "series"};

    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++)
        assert_int_equal(count(path, tables[i]), 0);
}

static const char *text_of(sqlite3_stmt *s, int c)
{
    const char *t = (const char *)sqlite3_column_text(s, c);

    return t ? t : "(null)";
}

/* The rows of @sql in @a and @b, column by column as text: equal. Their
 * number. */
static int same_rows(sqlite3 *a, sqlite3 *b, const char *sql)
{
    sqlite3_stmt *sa, *sb;
    int n = 0, ra, rb;

    assert_int_equal(sqlite3_prepare_v2(a, sql, -1, &sa, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(b, sql, -1, &sb, NULL), SQLITE_OK);
    for (;; n++) {
        ra = sqlite3_step(sa);
        rb = sqlite3_step(sb);
        assert_int_equal(ra, rb);
        if (ra != SQLITE_ROW)
            break;
        for (int c = 0; c < sqlite3_column_count(sa); c++)
            if (strcmp(text_of(sa, c), text_of(sb, c))) {
                print_error("%s: row %d, %s: %s != %s\n", sql, n,
                            sqlite3_column_name(sa, c), text_of(sa, c),
                            text_of(sb, c));
                fail();
            }
    }
    assert_int_equal(ra, SQLITE_DONE);
    sqlite3_finalize(sa);
    sqlite3_finalize(sb);
    return n;
}

/* ---- 1: the same findings, with the same ids ------------------------------ */

/* A's findings, then X's, B's and Y's, each a run of ids after the one
 * before. */
static void assert_in_order(const char *path)
{
    static const char want_id[4] = {'a', 'x', 'b', 'y'};
    static const int want_n[4] = {MANY, 5, 300, 5};
    sqlite3 *db = open_db(path);
    sqlite3_stmt *s;
    int64_t next = 1;
    int k = 0;

    assert_int_equal(sqlite3_prepare_v2(db, "SELECT r.guarantee_id, "
                     "count(*), min(b.id), max(b.id) FROM breaches b JOIN "
                     "results r ON r.id = b.result_id GROUP BY r.id ORDER BY "
                     "min(b.id)", -1, &s, NULL), SQLITE_OK);
    for (; sqlite3_step(s) == SQLITE_ROW; k++) {
        assert_true(k < 4);
        assert_int_equal(text_of(s, 0)[0], want_id[k]);
        assert_int_equal(sqlite3_column_int(s, 1), want_n[k]);
        assert_int_equal(sqlite3_column_int64(s, 2), next);
        next = sqlite3_column_int64(s, 3) + 1;
        assert_int_equal(next - sqlite3_column_int64(s, 2), want_n[k]);
    }
    assert_int_equal(k, 4);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/* A over the bound, the others under a chunk. */
static void plan_axby(void)
{
    set_plan('a', MANY, OMBUD_OK);
    set_plan('x', 5, OMBUD_OK);
    set_plan('b', 300, OMBUD_OK);
    set_plan('y', 5, OMBUD_OK);
}

static void test_same_findings(void **state)
{
    sqlite3 *a, *b;
    int failed;

    (void)state;
    load("axby");
    plan_axby();
    use_fakes("ab");
    assert_int_equal(check(0, &failed), OMBUD_OK);
    assert_int_equal(failed, 4);
    /* A and B on the one worker, through handles of their own; X and Y
     * here. */
    assert_true(plans['a' - 'a'].on_worker && plans['a' - 'a'].on_handle);
    assert_true(plans['b' - 'a'].on_worker && plans['b' - 'a'].on_handle);
    assert_true(pthread_equal(plans['a' - 'a'].thread,
                              plans['b' - 'a'].thread));
    assert_false(plans['x' - 'a'].on_worker || plans['x' - 'a'].on_handle);
    assert_false(plans['y' - 'a'].on_worker || plans['y' - 'a'].on_handle);

    for (const char *c = "axby"; *c; c++) {
        assert_int_equal(plans[*c - 'a'].ended, 1);
        assert_int_equal(plans[*c - 'a'].write_err, OMBUD_OK);
    }

    plan_axby();
    use_fakes("");
    assert_int_equal(check(1, &failed), OMBUD_OK);
    assert_int_equal(failed, 4);
    for (const char *c = "axby"; *c; c++) {
        assert_false(plans[*c - 'a'].on_worker);
        assert_int_equal(plans[*c - 'a'].ended, 1);
    }

    a = open_db(files[0]);
    b = open_db(files[1]);
    assert_int_equal(same_rows(a, b, "SELECT * FROM checks"), 1);
    assert_int_equal(same_rows(a, b, "SELECT * FROM results ORDER BY id"), 4);
    assert_int_equal(same_rows(a, b, "SELECT * FROM breaches ORDER BY id"),
                     MANY + 310);
    /* Every hundredth breach: 400 of A's, 3 of B's, 1 of X's and Y's. */
    assert_int_equal(same_rows(a, b, "SELECT rowid, * FROM evidence "
                               "ORDER BY rowid"), 405);
    assert_int_equal(same_rows(a, b, "SELECT rowid, * FROM figure_runs "
                               "ORDER BY rowid"), 405);
    assert_int_equal(same_rows(a, b, "SELECT rowid, * FROM series "
                               "ORDER BY rowid"), 405);
    /* Evidence as the store resolves it: the leg's file and line. */
    assert_int_equal(same_rows(a, b, "SELECT e.source_id, e.lines, l.line "
                               "FROM evidence e JOIN call_legs l ON l.id = "
                               "e.row_id WHERE e.lines IS NULL OR e.lines "
                               "<> l.line ORDER BY e.rowid"), 0);
    sqlite3_close(a);
    sqlite3_close(b);
    assert_in_order(files[0]);
}

/* ---- 2: a check that fails before their turn gives them up ----------------- */

static void test_give_up(void **state)
{
    int failed = -1;

    (void)state;
    load("fab");
    set_plan('f', 0, OMBUD_E_DATA);
    set_plan('a', MANY, OMBUD_OK);
    set_plan('b', 300, OMBUD_OK);
    use_fakes("ab");
    assert_int_equal(check(0, &failed), OMBUD_E_DATA);
    assert_int_equal(failed, -1);
    /* A is skipped when the worker reaches it given up. Else nothing
     * replays it: past the 16 chunks its log may hold, a write waits,
     * and fails once A is given up. */
    if (plans['a' - 'a'].began) {
        assert_int_equal(plans['a' - 'a'].write_err, OMBUD_E_STORE);
        assert_true(plans['a' - 'a'].written < MANY);
    }
    /* B is skipped when the worker reaches it given up; given up while
     * it is judged, under a chunk it never hands one over, so it is
     * judged to its end, for nothing. Which of the two is the threads'
     * affair. */
    assert_true(plans['b' - 'a'].began == 0 ||
                plans['b' - 'a'].written == 300);
    for (const char *c = "fab"; *c; c++)
        assert_int_equal(plans[*c - 'a'].ended, plans[*c - 'a'].began);
    assert_int_equal(plans['f' - 'a'].began, 1);
    assert_no_findings(files[0]);

    /* The store takes the next check, on the worker as before. */
    set_plan('f', 2, OMBUD_OK);
    set_plan('a', MANY, OMBUD_OK);
    set_plan('b', 300, OMBUD_OK);
    assert_int_equal(check(0, &failed), OMBUD_OK);
    assert_int_equal(failed, 3);
    assert_true(plans['a' - 'a'].on_worker && plans['b' - 'a'].on_worker);
    assert_int_equal(count(files[0], "checks"), 1);
    assert_int_equal(count(files[0], "results"), 3);
    assert_int_equal(count(files[0], "breaches"), MANY + 302);
}

/* ---- 3: an error on the worker ---------------------------------------------- */

static void test_worker_error(void **state)
{
    int failed = -1;

    (void)state;
    load("ab");
    set_plan('a', 5, OMBUD_E_DATA);
    set_plan('b', MANY, OMBUD_OK);
    use_fakes("ab");
    assert_int_equal(check(0, &failed), OMBUD_E_DATA);
    assert_int_equal(failed, -1);
    assert_true(plans['a' - 'a'].on_worker);
    assert_int_equal(plans['a' - 'a'].written, 5);
    /* B is given up: skipped if the worker reaches it given up, else its
     * log, past the bound, is never replayed and a write fails. */
    assert_int_equal(plans['b' - 'a'].ended, plans['b' - 'a'].began);
    if (plans['b' - 'a'].began)
        assert_int_equal(plans['b' - 'a'].write_err, OMBUD_E_STORE);
    assert_no_findings(files[0]);
}

/* ---- 4: no second connection, no worker --------------------------------------- */

static int add_breaches(void *ud, const ombud_result_row *r)
{
    *(int64_t *)ud += r->r.breaches;
    return 0;
}

/* An SQLite store at "" is a temporary database, which no second
 * connection can open (sq_open_reader): A and B are judged here, on the
 * check's own store, and their findings stored all the same. */
static void test_no_reader(void **state)
{
    ombud_store *tmp = make_store("");
    int64_t check_id, breaches = 0;
    int failed;

    (void)state;
    load("axb");
    set_plan('a', 300, OMBUD_OK);
    set_plan('x', 5, OMBUD_OK);
    set_plan('b', 7, OMBUD_OK);
    use_fakes("ab");
    checked = tmp;
    assert_int_equal(ombud_evaluate_span(tmp, gs, FROM, TO, NULL, &failed,
                                         &check_id), OMBUD_OK);
    assert_int_equal(failed, 3);
    for (const char *c = "axb"; *c; c++) {
        assert_int_equal(plans[*c - 'a'].began, 1);
        assert_false(plans[*c - 'a'].on_worker || plans[*c - 'a'].on_handle);
    }
    assert_int_equal(ombud_store_each_result(tmp, check_id, add_breaches,
                                             &breaches), OMBUD_OK);
    assert_int_equal(breaches, 312);
    ombud_store_close(tmp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_same_findings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_give_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_worker_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_reader, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
