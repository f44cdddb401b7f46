/*
 * test_store_guards.c - the store refuses what it must: a file whose rows
 * do not add up is rolled back, foreign and newer databases are not touched.
 */
#include "testutil.h"
#include <sqlite3.h>
#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/store.h"

static char path[64];
static FILE *quiet;   /* the expected refusals' messages go here */

static int setup(void **state)
{
    (void)state;
    ombud_diag_set_verbosity(OMBUD_QUIET);
    /* The refusals below are expected: keep their messages out of the log. */
    quiet = fopen("/dev/null", "w");
    ombud_diag_set_stream(quiet);
    snprintf(path, sizeof path, "/tmp/ombud-store-%d.db", (int)getpid());
    unlink(path);
    return 0;
}

/* Remove the store and its WAL files. */
static void remove_files(void)
{
    char p[80];

    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
}

static int teardown(void **state)
{
    (void)state;
    ombud_diag_set_stream(NULL);
    if (quiet)
        fclose(quiet);
    quiet = NULL;
    remove_files();
    return 0;
}

/* The duplicates told to on_dup: rejected, as the reader does. */
typedef struct dups {
    ombud_store *st;
    int64_t source_id;
    ombud_counts *counts;
    char first[64];
    long line;
    int n;
} dups;

static ombud_err on_dup(void *ud, const ombud_dup *d)
{
    dups *x = ud;

    x->n++;
    x->line = d->line;
    snprintf(x->first, sizeof x->first, "%s", d->first);
    x->counts->stored -= d->lines;
    x->counts->rejected++;
    return ombud_store_add_reject(x->st, x->source_id, &(ombud_reject){
        d->line, 1, "outage_id", d->given, "duplicate"});
}

static const ombud_source src = {"outages", "o.csv", "/x/o.csv",
    "0000000000000000000000000000000000000000000000000000000000000000", 10,
    "UTC", 1700000000, NULL, NULL, NULL};

/* 1: counts that do not add up roll the whole file back. */
static void test_accounting(void **state)
{
    ombud_store *st;
    ombud_store_totals t;
    ombud_outage o = {"T-1", NULL, NULL, NULL, 0, OMBUD_TIME_NONE, 0,
                      OMBUD_TIME_NONE, OMBUD_TIME_NONE, 1, NULL,
                      OMBUD_TIME_NONE, NULL, NULL, 0};
    ombud_counts wrong = {2, 1, 0, 0}, right = {1, 1, 0, 0}, two = {2, 2, 0, 0};
    dups x = {NULL, 0, &two, "", 0, 0};
    ombud_source dsrc = src;
    int64_t id, found;
    (void)state;
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_int_equal(ombud_store_begin_file(st, &src, &id), OMBUD_OK);
    assert_int_equal(ombud_store_add_outage(st, id, 2, &o), OMBUD_OK);
    assert_int_equal(ombud_store_end_file(st, id, &wrong), OMBUD_E_INTERNAL);
    assert_int_equal(ombud_store_totals_get(st, &t), OMBUD_OK);
    assert_int_equal(t.sources, 0);
    assert_int_equal(t.outages, 0);
    /* A claimed count that the tables do not hold is caught too. */
    assert_int_equal(ombud_store_begin_file(st, &src, &id), OMBUD_OK);
    assert_int_equal(ombud_store_end_file(st, id, &right), OMBUD_E_INTERNAL);
    /* Done properly, it lands, and a second copy of T-1 is a duplicate:
     * both rows counted stored, on_dup takes the second back out. */
    dsrc.on_dup = on_dup;
    dsrc.dup_ud = &x;
    x.st = st;
    assert_int_equal(ombud_store_begin_file(st, &dsrc, &id), OMBUD_OK);
    x.source_id = id;
    assert_int_equal(ombud_store_add_outage(st, id, 2, &o), OMBUD_OK);
    assert_int_equal(ombud_store_add_outage(st, id, 9, &o), OMBUD_OK);
    assert_int_equal(ombud_store_end_file(st, id, &two), OMBUD_OK);
    assert_int_equal(x.n, 1);
    assert_int_equal(x.line, 9);
    assert_string_equal(x.first, "o.csv:2");
    assert_int_equal(two.stored, 1);
    assert_int_equal(two.rejected, 1);
    assert_int_equal(ombud_store_find_source(st, "outages", src.sha256, &found, NULL),
                     OMBUD_OK);
    assert_int_equal(found, id);
    assert_int_equal(ombud_store_find_source(st, "calls", src.sha256, &found, NULL),
                     OMBUD_OK);
    assert_int_equal(found, 0);
    ombud_store_close(st);
}

/* 1b: a queue_log leg built from three lines stands for three stored rows,
 * and lines in no leg must be counted: read 5 = 3 + 0 + 2. */
static void test_counted(void **state)
{
    static const ombud_source qsrc = {"queue_log", "queue_log", "/x/queue_log",
        "1111111111111111111111111111111111111111111111111111111111111111", 10,
        "UTC", 1700000000, "exitwithtimeout = voicemail", NULL, NULL};
    ombud_call_leg c = {"Q-1", NULL, "q", 100, OMBUD_TIME_NONE, 130,
                        "abandoned", NULL, NULL, NULL, OMBUD_TIME_NONE, "3,5,6"};
    ombud_store *st;
    ombud_counts got;
    int64_t id, found;
    (void)state;
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_int_equal(ombud_store_begin_file(st, &qsrc, &id), OMBUD_OK);
    assert_int_equal(ombud_store_add_call_leg(st, id, 6, &c), OMBUD_OK);
    /* one counted line short: refused */
    assert_int_equal(ombud_store_end_file(st, id, &(ombud_counts){5, 3, 0, 1}),
                     OMBUD_E_INTERNAL);
    /* stored as one row (the leg) instead of its three lines: refused */
    assert_int_equal(ombud_store_begin_file(st, &qsrc, &id), OMBUD_OK);
    assert_int_equal(ombud_store_add_call_leg(st, id, 6, &c), OMBUD_OK);
    assert_int_equal(ombud_store_end_file(st, id, &(ombud_counts){3, 1, 0, 2}),
                     OMBUD_E_INTERNAL);
    assert_int_equal(ombud_store_begin_file(st, &qsrc, &id), OMBUD_OK);
    assert_int_equal(ombud_store_add_call_leg(st, id, 6, &c), OMBUD_OK);
    assert_int_equal(ombud_store_end_file(st, id, &(ombud_counts){5, 3, 0, 2}),
                     OMBUD_OK);
    assert_int_equal(ombud_store_find_source(st, "queue_log", qsrc.sha256, &found,
                                             &got), OMBUD_OK);
    assert_int_equal(found, id);
    assert_int_equal(got.read, 5);
    assert_int_equal(got.stored, 3);
    assert_int_equal(got.counted, 2);
    ombud_store_close(st);
}

/* Whether FILE@suffix exists. */
static int exists(const char *suffix)
{
    char p[80];

    snprintf(p, sizeof p, "%s%s", path, suffix);
    return access(p, F_OK) == 0;
}

/* The store's journal mode, asked on a connection of its own. */
static void assert_mode(const char *want)
{
    sqlite3 *db;
    sqlite3_stmt *s;

    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(s, 0), want);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

/* Whether another connection can read the store now (no waiting). */
static int readable(void)
{
    sqlite3 *db;
    int rc;

    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL,
                      NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

/* Load outage @id as a file of its own (its checksum: @id's last
 * character, repeated), or fail to, with counts that do not add up. */
static void load_one(ombud_store *st, const char *outage_id, int fail)
{
    ombud_outage o = {outage_id, NULL, NULL, NULL, 0, OMBUD_TIME_NONE, 0,
                      OMBUD_TIME_NONE, OMBUD_TIME_NONE, 1, NULL,
                      OMBUD_TIME_NONE, NULL, NULL, 0};
    ombud_counts one = {1, 1, 0, 0}, wrong = {2, 1, 0, 0};
    ombud_source f = src;
    char sha[65];
    int64_t id;

    memset(sha, outage_id[strlen(outage_id) - 1], 64);
    sha[64] = '\0';
    f.sha256 = sha;
    assert_int_equal(ombud_store_begin_file(st, &f, &id), OMBUD_OK);
    assert_int_equal(ombud_store_add_outage(st, id, 2, &o), OMBUD_OK);
    /* Mid-load: a new store is journalled, one that was there is in WAL. */
    assert_int_equal(exists("-journal"), !exists("-wal"));
    assert_int_equal(ombud_store_end_file(st, id, fail ? &wrong : &one),
                     fail ? OMBUD_E_INTERNAL : OMBUD_OK);
}

/* 1c: the files loaded into a store just made go through a rollback
 * journal (each page written once, not to the WAL and again by its
 * checkpoint), the store held by its maker alone; it is in WAL, open to
 * all, once a check begins or the maker closes it. A store that was there
 * is loaded in WAL. */
static void test_load_journal(void **state)
{
    ombud_store *st;
    ombud_check c = {0, 86400, "UTC", "g.ini", "00", "C", "K", NULL, NULL,
                     "USD", "en", 0, 0, OMBUD_LOOKS_ALL};
    int64_t check_id;
    (void)state;
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_false(readable());
    load_one(st, "T-1", 1);
    load_one(st, "T-1", 0);
    assert_false(exists("-wal"));
    assert_false(readable());
    ombud_store_close(st);
    assert_false(exists("-journal"));
    assert_true(readable());
    assert_mode("wal");
    /* Already there: in WAL throughout, and open to others. */
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_true(readable());
    load_one(st, "T-2", 0);
    ombud_store_close(st);
    /* Made, loaded, then checked by one handle: the check lets others in. */
    remove_files();
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    load_one(st, "T-1", 0);
    assert_false(readable());
    assert_int_equal(ombud_store_begin_check(st, &c, &check_id), OMBUD_OK);
    assert_mode("wal");
    ombud_store_abort_check(st);
    ombud_store_close(st);
    /* A file that is there, even empty, was made by someone else. */
    remove_files();
    fclose(fopen(path, "wb"));
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_true(readable());
    ombud_store_close(st);
}

/* 2: a database made by something else, or by a newer ombud, is refused. */
static void test_foreign_and_newer(void **state)
{
    sqlite3 *db;
    ombud_store *st = NULL;
    (void)state;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE customers(x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(ombud_store_open(path, &st), OMBUD_E_STORE);
    assert_null(st);
    remove_files();
    assert_int_equal(ombud_store_open(path, &st), OMBUD_OK);
    ombud_store_close(st);
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE meta SET value = '99' WHERE key = "
                                  "'schema_version'", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(ombud_store_open(path, &st), OMBUD_E_STORE);
    ombud_store_close(NULL);
}

/* 3: not a database at all, and an unwritable place. */
static void test_bad_paths(void **state)
{
    FILE *fp = fopen(path, "wb");
    ombud_store *st = NULL;
    (void)state;
    fputs("this is a CSV, not a database\n", fp);
    fclose(fp);
    assert_int_not_equal(ombud_store_open(path, &st), OMBUD_OK);
    assert_int_equal(ombud_store_open("/nonexistent-dir/e.db", &st), OMBUD_E_CANTCREAT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_accounting, setup, teardown),
        cmocka_unit_test_setup_teardown(test_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_load_journal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_and_newer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_paths, setup, teardown),
    };
    return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
