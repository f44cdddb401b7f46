/*
 * test_report_history.c - the history of periods (history.h): which
 * earlier checks a report shows, in what order, the last-12 count and the
 * manifest's list of periods. Every expectation is worked out by hand from
 * the checks each test stores, in America/Los_Angeles (local month
 * bounds, summer time and winter time), never copied from ombud.
 */
#include <unistd.h>
#include "testutil.h"
#include "ombud/diag.h"
#include "ombud/history.h"
#include "ombud/store.h"
#include "ombud/time.h"

#define LA "America/Los_Angeles"

static char path[64];
static ombud_store *st;
static ombud_tz *la;

static int setup(void **state)
{
    (void)state;
    ombud_diag_set_verbosity(OMBUD_QUIET);
    snprintf(path, sizeof path, "/tmp/ombud-history-%d.db", (int)getpid());
    unlink(path);
    if (ombud_tz_open(LA, &la) || ombud_store_open(path, &st))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    char p[80];

    (void)state;
    ombud_store_close(st);
    ombud_tz_free(la);
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", path);
    unlink(p);
    return 0;
}

/* Local midnight on the first of @p month of @p year, in Los Angeles. */
static int64_t first_of(int year, int month)
{
    return ombud_tz_local_to_utc(la, ombud_days_from_civil(year, month, 1)
                                 * 86400, NULL);
}

/* A check of [@p from, @p to) by guarantees file @p sha, with one result
 * for "restore": @p pass, @p breaches, @p owed (minor units). */
static int64_t check(const char *sha, int64_t from, int64_t to, int pass,
                     int64_t breaches, int64_t owed)
{
    ombud_check c = {from, to, LA, "g.ini", sha, "C", "K", NULL, NULL, "USD",
                     NULL, 50, 0, OMBUD_LOOKS_ALL};
    ombud_result r = {.measured = breaches, .target = 0, .unit = "count",
                      .pass = pass, .subjects = 3, .breaches = breaches,
                      .amount = owed};
    int64_t id = 0, rid = 0;

    snprintf(r.measured_text, sizeof r.measured_text, "%lld late",
             (long long)breaches);
    assert_int_equal(ombud_store_begin_check(st, &c, &id), OMBUD_OK);
    assert_int_equal(ombud_store_add_result(st, id, 1, "restore",
                                            "restoration", "p", "s", "",
                                            &rid), OMBUD_OK);
    assert_int_equal(ombud_store_set_result(st, rid, &r), OMBUD_OK);
    assert_int_equal(ombud_store_end_check(st), OMBUD_OK);
    return id;
}

#define SHA "1111111111111111111111111111111111111111111111111111111111111111"
#define SHA2 "2222222222222222222222222222222222222222222222222222222222222222"

/* The labels of @p h's periods joined by spaces, into @p buf. */
static const char *labels(const ombud_history *h, char *buf, size_t size)
{
    size_t o = 0;

    buf[0] = '\0';
    for (int i = 0; i < h->np && o < size; i++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? " " : "",
                              h->p[i].label);
    return buf;
}

/*
 * November 2026 (its 1st is in summer time, its 30th in winter time) with
 * October, August (September not checked: a gap, not a shift), a range of
 * September days, a quarter, and July by another guarantees file: the
 * history is August, October, November; the period before November is
 * October, breached in 2 of the 3 checked.
 */
static void test_history_months(void **state)
{
    ombud_check_info k;
    ombud_history h;
    char buf[256];
    int checked;
    int64_t nov;
    (void)state;
    check(SHA, first_of(2026, 8), first_of(2026, 9), OMBUD_PASS, 0, 0);
    check(SHA, first_of(2026, 9) + 14 * 86400, first_of(2026, 9) + 20 * 86400,
          OMBUD_FAIL, 9, 900);
    check(SHA, first_of(2026, 4), first_of(2026, 7), OMBUD_FAIL, 5, 500);
    check(SHA2, first_of(2026, 7), first_of(2026, 8), OMBUD_FAIL, 7, 700);
    check(SHA, first_of(2026, 10), first_of(2026, 11), OMBUD_FAIL, 1, 1000);
    nov = check(SHA, first_of(2026, 11), first_of(2026, 12), OMBUD_FAIL, 3,
                3500);
    assert_int_equal(ombud_store_check_get(st, nov, &k), OMBUD_OK);
    assert_int_equal(ombud_history_load(st, &k, 12, &h), OMBUD_OK);
    assert_string_equal(labels(&h, buf, sizeof buf), "2026-08 2026-10 2026-11");
    assert_int_equal(h.p[0].back, 3);
    assert_int_equal(h.p[1].back, 1);
    assert_int_equal(h.p[2].back, 0);
    assert_string_equal(h.prev_label, "2026-10");
    assert_int_equal(ombud_history_at(&h, 0, 1)->breaches, 1);
    assert_int_equal(ombud_history_at(&h, 0, 1)->amount, 1000);
    assert_string_equal(ombud_history_at(&h, 0, 2)->measured_text, "3 late");
    assert_int_equal(ombud_history_breached(&h, 0, &checked), 2);
    assert_int_equal(checked, 3);
    /* the manifest's list: August and October, oldest first */
    snprintf(buf, sizeof buf, "%lld-%lld,%lld-%lld",
             (long long)first_of(2026, 8), (long long)first_of(2026, 9),
             (long long)first_of(2026, 10), (long long)first_of(2026, 11));
    {
        char got[256];
        assert_non_null(ombud_history_periods(&h, got, sizeof got));
        assert_string_equal(got, buf);
    }
    ombud_history_free(&h);
    /* two periods back at most: August (3 back) is left out */
    assert_int_equal(ombud_history_load(st, &k, 2, &h), OMBUD_OK);
    assert_string_equal(labels(&h, buf, sizeof buf), "2026-10 2026-11");
    ombud_history_free(&h);
    /* none asked for: none */
    assert_int_equal(ombud_history_load(st, &k, 0, &h), OMBUD_OK);
    assert_int_equal(h.np, 1);
    ombud_history_free(&h);
}

/* Quarters: 2026-Q3 before 2026-Q4; the months are not quarters. A range
 * of days has no history at all. */
static void test_history_quarters_and_ranges(void **state)
{
    ombud_check_info k;
    ombud_history h;
    char buf[128];
    int64_t q4, days;
    (void)state;
    check(SHA, first_of(2026, 7), first_of(2026, 10), OMBUD_PASS, 0, 0);
    check(SHA, first_of(2026, 9), first_of(2026, 10), OMBUD_FAIL, 1, 100);
    q4 = check(SHA, first_of(2026, 10), first_of(2027, 1), OMBUD_FAIL, 2, 200);
    days = check(SHA, first_of(2027, 1), first_of(2027, 1) + 10 * 86400,
                 OMBUD_FAIL, 1, 100);
    assert_int_equal(ombud_store_check_get(st, q4, &k), OMBUD_OK);
    assert_int_equal(ombud_history_load(st, &k, 12, &h), OMBUD_OK);
    assert_string_equal(labels(&h, buf, sizeof buf), "2026-Q3 2026-Q4");
    assert_int_equal(ombud_history_breached(&h, 0, &(int){0}), 1);
    ombud_history_free(&h);
    assert_int_equal(ombud_store_check_get(st, days, &k), OMBUD_OK);
    assert_int_equal(ombud_history_load(st, &k, 12, &h), OMBUD_OK);
    assert_int_equal(h.np, 1);
    ombud_history_free(&h);
}

/* The manifest's list read back: numbered cases, hand-written. */
static void test_history_parse(void **state)
{
    static const struct {
        int id;
        const char *text;
        int n;               /* periods, or -1: refused */
        int64_t from1, to1;  /* the last period read, when n > 0 */
    } cases[] = {
        {1, "", 0, 0, 0},
        {2, "10-20", 1, 10, 20},
        {3, "10-20,20-30", 2, 20, 30},
        {4, "-5-20", 1, -5, 20},
        {5, "10", -1, 0, 0},
        {6, "10-", -1, 0, 0},
        {7, "20-10", -1, 0, 0},
        {8, "10-20,", 1, 10, 20},
        {9, "10-20;x", -1, 0, 0},
        {10, "a-b", -1, 0, 0},
        {11, "10-20,20-30,30-40", -1, 0, 0},   /* more than max (2) */
        {12, "10-10", -1, 0, 0},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int64_t from[2], to[2];
        int n = ombud_history_parse(cases[i].text, from, to, 2);
        if (n != cases[i].n)
            fail_msg("case %d: %d periods, expected %d", cases[i].id, n,
                     cases[i].n);
        if (n > 0 && (from[n - 1] != cases[i].from1 || to[n - 1] != cases[i].to1))
            fail_msg("case %d: last period %lld-%lld", cases[i].id,
                     (long long)from[n - 1], (long long)to[n - 1]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_history_months, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_quarters_and_ranges,
                                        setup, teardown),
        cmocka_unit_test(test_history_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
