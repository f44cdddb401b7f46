/*
 * test_ingest_reader.c - the streaming reader through ombud_ingest_file():
 * line numbers, header matching, limits and row accounting.
 * Expected lines and columns are counted by hand from the inputs below.
 */
#include "testutil.h"
#include <sqlite3.h>
#include "ombud/diag.h"
#include "ombud/ingest.h"

static char db_path[64];
static ombud_store *st;
static ombud_tz *la;
static ombud_ingest_opts opts;

static int setup(void **state)
{
    (void)state;
    ombud_diag_set_verbosity(OMBUD_QUIET);
    snprintf(db_path, sizeof db_path, "/tmp/ombud-unit-%d.db", (int)getpid());
    unlink(db_path);
    /* The cases read the store on a connection of their own while it is
     * open: a store the handle made would be its alone until it closes
     * (sqlite.c, hold), so the file is made here. */
    fclose(fopen(db_path, "wb"));
    if (ombud_store_open(db_path, &st) || ombud_tz_open("America/Los_Angeles", &la))
        return -1;
    opts = (ombud_ingest_opts){la, "USD", NULL, 0, 0, NULL, NULL, NULL};
    return 0;
}

static int teardown(void **state)
{
    char p[80];
    (void)state;
    ombud_store_close(st);
    ombud_tz_free(la);
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
    return 0;
}

/* Run one SELECT returning a single text cell (a second connection: the
 * store's own is private to it). */
static char *query(const char *sql)
{
    static char out[512];
    sqlite3 *db;
    sqlite3_stmt *s;
    out[0] = '\0';
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(out, sizeof out, "%s", sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

static ombud_counts ingest(const ombud_format *f, const char *path, ombud_err want)
{
    ombud_counts c;
    int already;
    assert_int_equal(ombud_ingest_file(st, f, path, &opts, &c, &already), want);
    assert_int_equal(c.read, c.stored + c.rejected);
    return c;
}

/* 1: a quoted field over three lines keeps later line numbers physical. */
static void test_multiline_lines(void **state)
{
    const char *p = TMP_CSV(0,
        "outage_id,started_at,cause\n"                        /* line 1 */
        "M-1,2026-10-01T10:00:00Z,\"cut, by a\n"              /* line 2 */
        "digger\n"                                           /* line 3 */
        "on Main St\"\n"                                     /* line 4 */
        "\n"                                                 /* line 5: blank */
        "   \n"                                              /* line 6: spaces */
        "M-2,2026-13-01T10:00:00Z,x\n");                     /* line 7: bad */
    ombud_counts c;
    (void)state;
    c = ingest(&ombud_format_outages, p, OMBUD_OK);
    assert_int_equal(c.read, 2);
    assert_int_equal(c.stored, 1);
    assert_int_equal(c.rejected, 1);
    assert_string_equal(query("SELECT line FROM outages WHERE outage_id='M-1'"), "2");
    assert_string_equal(query("SELECT cause FROM outages WHERE outage_id='M-1'"),
                        "cut, by a\ndigger\non Main St");
    assert_string_equal(query("SELECT line || ':' || col || ':' || field || ':' || reason "
                              "FROM rejects"), "7:2:started_at:month out of range");
}

/* 2: BOM, CRLF, shuffled columns, aliases, unknown columns, case. */
static void test_header_forms(void **state)
{
    const char *p = TMP_CSV(1,
        "\xEF\xBB\xBF" "Note,END,Ticket,Start Time,extra\r\n"
        "hello,2026-10-02 10:00,B-1,2026-10-02 08:00,zzz\r\n"
        "\"a \"\"quoted\"\" word\",,B-2,2026-10-02 09:00,\r\n");
    ombud_counts c;
    (void)state;
    c = ingest(&ombud_format_outages, p, OMBUD_OK);
    assert_int_equal(c.stored, 2);
    /* 08:00 PDT = 15:00Z on 2026-10-02. */
    assert_string_equal(query("SELECT started_at FROM outages WHERE outage_id='B-1'"),
                        "1790953200");
    assert_string_equal(query("SELECT restored_at - started_at FROM outages WHERE outage_id='B-1'"),
                        "7200");
    assert_string_equal(query("SELECT coalesce(restored_at, 'open') FROM outages "
                              "WHERE outage_id='B-2'"), "open");
    assert_string_equal(query("SELECT line FROM outages WHERE outage_id='B-2'"), "3");
}

/* 3: --map renames a column; duplicate header names are an error. */
static void test_map(void **state)
{
    static const char *const maps[] = {"calls.arrived_at=Queue Entry Time",
                                       "outages.outage_id=Ref"};
    const char *p = TMP_CSV(2,
        "callid,dept,Queue Entry Time,end,status\n"
        "K-1,billing,2026-10-05 09:00:00,2026-10-05 09:01:00,closed\n");
    const char *dupcols = TMP_CSV(3, "outage_id,id,started_at\nX,Y,2026-01-01T00:00Z\n");
    ombud_counts c;
    (void)state;
    opts.maps = maps;
    opts.nmaps = 2;
    c = ingest(&ombud_format_calls, p, OMBUD_OK);
    assert_int_equal(c.stored, 1);
    ingest(&ombud_format_outages, dupcols, OMBUD_E_DATA);
    opts.maps = NULL;
    opts.nmaps = 0;
    /* outage_id and its alias id both present: refused, nothing recorded. */
    ingest(&ombud_format_outages, dupcols, OMBUD_E_DATA);
    assert_string_equal(query("SELECT count(*) FROM sources WHERE path LIKE '%-3.csv'"), "0");
}

/* 4: re-import of the same bytes adds nothing. */
static void test_reimport(void **state)
{
    const char *p = TMP_CSV(4, "account_id,kind,posted_at,amount\n"
                               "R-1,charge,2026-10-01,64.99\n");
    ombud_counts c;
    ombud_store_totals t0, t1;
    int already;
    (void)state;
    c = ingest(&ombud_format_billing, p, OMBUD_OK);
    assert_int_equal(c.stored, 1);
    assert_int_equal(ombud_store_totals_get(st, &t0), OMBUD_OK);
    assert_int_equal(ombud_ingest_file(st, &ombud_format_billing, p, &opts, &c,
                                       &already), OMBUD_OK);
    assert_int_equal(already, 1);
    assert_int_equal(c.stored, 1);
    assert_int_equal(ombud_store_totals_get(st, &t1), OMBUD_OK);
    assert_memory_equal(&t0, &t1, sizeof t0);
    assert_string_equal(query("SELECT amount FROM billing_events WHERE account_id='R-1'"), "6499");
}

/* 5: an oversized record is one reject; reading resumes on the next line. */
static void test_oversize(void **state)
{
    size_t big = 2u * 1024 * 1024;
    char *buf = malloc(big + 256);
    size_t n = 0;
    ombud_counts c;
    (void)state;
    n += (size_t)sprintf(buf + n, "outage_id,started_at,cause\n");
    n += (size_t)sprintf(buf + n, "O-1,2026-10-01T00:00Z,");
    memset(buf + n, 'x', big);
    n += big;
    n += (size_t)sprintf(buf + n, "\nO-2,2026-10-01T00:00Z,ok\n");
    c = ingest(&ombud_format_outages, tmp_file(5, buf, n), OMBUD_OK);
    free(buf);
    assert_int_equal(c.read, 2);
    assert_int_equal(c.stored, 1);
    assert_string_equal(query("SELECT line FROM outages WHERE outage_id='O-2'"), "3");
    assert_non_null(strstr(query("SELECT reason FROM rejects WHERE line=2 AND "
                                 "reason LIKE 'record longer%'"), "lines 2 to"));
}

/* 6: an unclosed quote at the end of the file rejects that last record. */
static void test_unclosed_quote(void **state)
{
    const char *p = TMP_CSV(6, "outage_id,started_at,cause\n"
                               "Q-1,2026-10-01T00:00Z,fine\n"
                               "Q-2,2026-10-01T00:00Z,\"never closed\n"
                               "more text\n");
    ombud_counts c;
    (void)state;
    c = ingest(&ombud_format_outages, p, OMBUD_OK);
    assert_int_equal(c.read, 2);
    assert_int_equal(c.stored, 1);
    assert_non_null(strstr(query("SELECT reason FROM rejects WHERE line=3 AND "
                                 "reason LIKE 'file ends inside%'"), "closing quote"));
}

/* 7: wrong field counts and too many fields. */
static void test_field_counts(void **state)
{
    size_t n = 0, cap = 64 * 1024;
    char *buf = malloc(cap);
    ombud_counts c;
    (void)state;
    n += (size_t)sprintf(buf + n, "outage_id,started_at\nF-1\nF-2,2026-10-01T00:00Z,extra\n");
    for (int i = 0; i < 5000; i++)
        buf[n++] = ',';
    buf[n++] = '\n';
    c = ingest(&ombud_format_outages, tmp_file(7, buf, n), OMBUD_OK);
    free(buf);
    assert_int_equal(c.read, 3);
    assert_int_equal(c.rejected, 3);
    assert_string_equal(query("SELECT col || ' ' || reason FROM rejects WHERE line=2 "
                              "AND reason LIKE 'expected 2 fields%'"),
                        "2 expected 2 fields as in the header, found 1");
    assert_string_equal(query("SELECT col || ' ' || reason FROM rejects WHERE line=3 "
                              "AND reason LIKE 'expected 2 fields%'"),
                        "3 expected 2 fields as in the header, found 3");
    assert_non_null(strstr(query("SELECT reason FROM rejects WHERE line=4 "
                                 "AND reason LIKE 'expected 2 fields%'"), "found more than 4096"));
}

/* 8: whole-file errors. */
static void test_file_errors(void **state)
{
    ombud_counts c;
    int already;
    (void)state;
    assert_int_equal(ombud_ingest_file(st, &ombud_format_calls, "/nonexistent/x.csv",
                                       &opts, &c, &already), OMBUD_E_NOINPUT);
    assert_int_equal(ombud_ingest_file(st, &ombud_format_calls, "/tmp", &opts, &c,
                                       &already), OMBUD_E_NOINPUT);
    ingest(&ombud_format_calls, TMP_CSV(0, ""), OMBUD_E_DATA);
    ingest(&ombud_format_calls, TMP_CSV(1, "a;b;c\n1;2;3\n"), OMBUD_E_DATA);
    ingest(&ombud_format_calls, TMP_CSV(2, "call_id,queue,ended_at\n"), OMBUD_E_DATA);
    c = ingest(&ombud_format_calls, TMP_CSV(3, "call_id,queue,arrived_at,ended_at\n"),
               OMBUD_OK);
    assert_int_equal(c.read, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_multiline_lines), cmocka_unit_test(test_header_forms),
        cmocka_unit_test(test_map), cmocka_unit_test(test_reimport),
        cmocka_unit_test(test_oversize), cmocka_unit_test(test_unclosed_quote),
        cmocka_unit_test(test_field_counts), cmocka_unit_test(test_file_errors),
    };
    return cmocka_run_group_tests_name("ingest", tests, setup, teardown);
}
