/*
 * fuzz_ingest.c - libFuzzer harness for the CSV ingest of one format.
 *
 * Built once per format by tests/fuzz/run.sh with -DFUZZ_FORMAT=outages
 * (calls, billing, queue_log, cdr). Each input is written to a temporary file and imported
 * with ombud_ingest_file() into an empty store, exactly as `ombud ingest
 * --tz America/Los_Angeles -v` would (every reject printed, to /dev/null).
 * After each input the promise of the tool is checked, by the harness's
 * own SQL on a second connection (not by ombud's counters alone):
 *
 *   - imported (OMBUD_OK): read = stored + rejected + counted (counted:
 *     queue_log lines that are part of no leg), the source row says so,
 *     and the tables hold exactly `stored` evidence rows (a queue_log leg
 *     counts one per line it was built from) and `rejected` rejects;
 *   - refused (no usable header...): the store holds nothing at all;
 *   - never OMBUD_E_INTERNAL, OMBUD_E_STORE or OMBUD_E_NOMEM: input
 *     alone must not be able to cause them.
 *
 * A violation aborts, so libFuzzer keeps the input as a crash.
 *
 * The store is a temporary file opened once; the second connection empties
 * its tables before every input, which leaves it as a new store would be
 * (ids restart at 1). Creating the schema anew per input would cost 1-4 ms
 * and cut the executions per second tenfold.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/ingest.h"
#include "ombud/store.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT outages
#endif
#define STR2(x) #x
#define STR(x) STR2(x)

static const ombud_format *fmt;
static ombud_tz *tz;
static char path[4096], dbpath[4200];
static FILE *devnull;
static ombud_store *st;   /* ombud's connection */
static sqlite3 *db;       /* the harness's own */

static void fail(const char *what, const ombud_counts *c, ombud_err err)
{
    fprintf(stderr, "fuzz_ingest(%s): %s (err %d: %s; read %lld, stored "
            "%lld, rejected %lld)\n", STR(FUZZ_FORMAT), what, (int)err,
            ombud_strerror(err), (long long)c->read, (long long)c->stored,
            (long long)c->rejected);
    abort();
}

static void cleanup(void)
{
    char p[4300];

    ombud_store_close(st);
    sqlite3_close(db);
    unlink(path);
    unlink(dbpath);
    snprintf(p, sizeof p, "%s-wal", dbpath);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", dbpath);
    unlink(p);
}

/* One integer from @sql on the harness's connection. */
static int64_t query(const char *sql)
{
    sqlite3_stmt *s;
    int64_t v = -1;

    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
        fprintf(stderr, "fuzz_ingest: %s: %s\n", sql, sqlite3_errmsg(db));
        abort();
    }
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *dir = getenv("FUZZ_TMPDIR"); /* set by tests/fuzz/run.sh */
    int fd;

    /* Memory-backed when possible: commits and checkpoints fsync. */
    if ((!dir || !*dir) && access("/dev/shm", W_OK) == 0)
        dir = "/dev/shm";
    if (!dir || !*dir)
        dir = getenv("TMPDIR");
    (void)argc;
    (void)argv;
    fmt = ombud_format_find(STR(FUZZ_FORMAT));
    if (!fmt || ombud_tz_open("America/Los_Angeles", &tz)) {
        fprintf(stderr, "fuzz_ingest: no format %s or no tzdata\n",
                STR(FUZZ_FORMAT));
        abort();
    }
    /* Regression (issue #9): the zone offset cache overflowed on instants
     * far outside the supported years, such as OMBUD_TIME_NONE; UBSan
     * stops here if it comes back. */
    if (ombud_tz_offset_at(tz, INT64_MIN) != ombud_tz_offset_at(tz, INT64_MIN + 1) ||
        ombud_tz_offset_at(tz, INT64_MAX) != ombud_tz_offset_at(tz, INT64_MAX - 1))
        abort();
    if (!dir || !*dir)
        dir = "/tmp";
    snprintf(path, sizeof path, "%s/ombud-fuzz-%s.XXXXXX", dir,
             STR(FUZZ_FORMAT));
    if ((fd = mkstemp(path)) < 0)
        abort();
    close(fd);
    snprintf(dbpath, sizeof dbpath, "%s.db", path);
    /* The harness empties and counts the store on a connection of its
     * own while the handle is open: a store the handle made would be the
     * handle's alone until it closes (sqlite.c, hold), so it is made
     * here. */
    if ((fd = open(dbpath, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0)
        abort();
    close(fd);
    if (ombud_store_open(dbpath, &st) ||
        sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        abort();
    sqlite3_busy_timeout(db, 1000);
    sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
    atexit(cleanup);
    /* Print every message (quote_bytes and the formats get exercised),
     * but to /dev/null: the fuzzer's own output stays readable. */
    devnull = fopen("/dev/null", "w");
    ombud_diag_set_stream(devnull);
    ombud_diag_set_verbosity(OMBUD_VERBOSE);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char wipe[] = "DELETE FROM rejects; DELETE FROM outages; "
        "DELETE FROM call_legs; DELETE FROM billing_events; "
        "DELETE FROM accounts; DELETE FROM cdr_records; DELETE FROM sources";
    /* expect_accounting of tests/e2e/lib.sh: sources whose counts do not
     * add up or do not match the rows in the tables. */
    static const char unaccounted[] = "SELECT count(*) FROM sources s WHERE "
        "rows_read != rows_stored + rows_rejected + rows_counted "
        "OR rows_stored != (SELECT count(*) FROM outages WHERE source_id = s.id)"
        " + (SELECT coalesce(sum(nlines), 0) FROM call_legs WHERE source_id = s.id)"
        " + (SELECT count(*) FROM billing_events WHERE source_id = s.id)"
        " + (SELECT count(*) FROM accounts WHERE source_id = s.id)"
        " + (SELECT count(*) FROM cdr_records WHERE source_id = s.id) "
        "OR rows_rejected != (SELECT count(*) FROM rejects WHERE source_id = s.id)";
    static const char rows[] = "SELECT (SELECT count(*) FROM outages) + "
        "(SELECT coalesce(sum(nlines), 0) FROM call_legs) + (SELECT count(*) "
        "FROM billing_events) + (SELECT count(*) FROM accounts) + (SELECT "
        "count(*) FROM cdr_records)";
    ombud_ingest_opts opts = {tz, "USD", NULL, 0, -1, NULL, NULL, NULL};
    ombud_counts c = {0, 0, 0, 0};
    FILE *fp;
    int already = 0;
    ombud_err err;

    if (sqlite3_exec(db, wipe, NULL, NULL, NULL) != SQLITE_OK) {
        fprintf(stderr, "fuzz_ingest: emptying the store: %s\n",
                sqlite3_errmsg(db));
        abort();
    }
    if (!(fp = fopen(path, "wb")))
        abort();
    if (size && fwrite(data, 1, size, fp) != size)
        abort();
    if (fclose(fp))
        abort();

    err = ombud_ingest_file(st, fmt, path, &opts, &c, &already);
    if (already)
        fail("an empty store says the file was already imported", &c, err);
    if (err == OMBUD_OK) {
        if (c.read != c.stored + c.rejected + c.counted)
            fail("read != stored + rejected + counted", &c, err);
        if (query("SELECT count(*) FROM sources") != 1)
            fail("not exactly one source after an import", &c, err);
        if (query(unaccounted) != 0)
            fail("the source's counts do not match its rows", &c, err);
        if (query("SELECT rows_read FROM sources") != c.read ||
            query(rows) != c.stored ||
            query("SELECT count(*) FROM rejects") != c.rejected)
            fail("the store does not hold what the counts say", &c, err);
    } else {
        if (err != OMBUD_E_DATA && err != OMBUD_E_NOINPUT)
            fail("input alone caused an internal/store error", &c, err);
        if (query("SELECT count(*) FROM sources") != 0 || query(rows) != 0 ||
            query("SELECT count(*) FROM rejects") != 0)
            fail("a refused file left rows in the store", &c, err);
    }
    return 0;
}
