/*
 * test_months.c - the months inside a period (ombud_months_split(),
 * ombud_months_label()) and the runs of failing months
 * (ombud_months_runs()): table-driven cases with numbered ids, instants
 * written by hand as UTC epoch seconds of America/Los_Angeles midnights
 * (PDT, UTC-7, until Sun 2026-11-01 02:00; PST, UTC-8, after).
 */
#include "testutil.h"
#include "ombud/months.h"
#include "ombud/store.h"

/* Local midnights in Los Angeles, UTC epoch seconds. */
#define OCT1 1790838000   /* 2026-10-01 07:00Z */
#define NOV1 1793516400   /* 2026-11-01 07:00Z: still PDT at midnight */
#define DEC1 1796112000   /* 2026-12-01 08:00Z */
#define JAN1 1798790400   /* 2027-01-01 08:00Z */
#define OCT15 1792047600  /* 2026-10-15 07:00Z */
#define NOV10 1794297600  /* 2026-11-10 08:00Z */
#define JAN1_26 1767254400 /* 2026-01-01 08:00Z */

static ombud_tz *la(void)
{
    ombud_tz *tz = NULL;

    assert_int_equal(ombud_tz_open("America/Los_Angeles", &tz), OMBUD_OK);
    return tz;
}

/* 1: a quarter is its three local months; November has its extra hour. */
static void test_split_quarter(void **state)
{
    static const ombud_month want[] = {
        {2026, 10, OCT1, NOV1}, {2026, 11, NOV1, DEC1}, {2026, 12, DEC1, JAN1}};
    ombud_month m[OMBUD_MONTHS_MAX];
    ombud_tz *tz = la();
    int n;

    (void)state;
    n = ombud_months_split(tz, OCT1, JAN1, m, OMBUD_MONTHS_MAX);
    assert_int_equal(n, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(m[i].year, want[i].year);
        assert_int_equal(m[i].month, want[i].month);
        assert_int_equal(m[i].from, want[i].from);
        assert_int_equal(m[i].to, want[i].to);
    }
    /* 31 days, 30 days and an hour, 31 days. */
    assert_int_equal(m[0].to - m[0].from, 31 * 86400);
    assert_int_equal(m[1].to - m[1].from, 30 * 86400 + 3600);
    assert_int_equal(m[2].to - m[2].from, 31 * 86400);
    ombud_tz_free(tz);
}

/* 2: cut periods, one month, nothing, too many. */
static void test_split_edges(void **state)
{
    static const struct {
        int id;
        int64_t from, to;
        int max, n;
        int64_t first_to, last_from;
    } cases[] = {
        {201, OCT15, NOV10, 24, 2, NOV1, NOV1},   /* cut at both ends */
        {202, OCT1, NOV1, 24, 1, NOV1, OCT1},     /* a month */
        {203, OCT1, OCT1, 24, 0, 0, 0},           /* empty */
        {204, NOV1, OCT1, 24, 0, 0, 0},           /* backwards: empty */
        {205, OCT1, JAN1, 2, -1, 0, 0},           /* no room */
        {206, JAN1_26, JAN1, 24, 12, 0, DEC1},    /* a year */
        {207, NOV1 - 1, NOV1 + 1, 24, 2, NOV1, NOV1}, /* a second each side */
    };
    ombud_month m[OMBUD_MONTHS_MAX];
    ombud_tz *tz = la();

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = ombud_months_split(tz, cases[i].from, cases[i].to, m,
                                   cases[i].max);
        if (n != cases[i].n)
            fail_msg("%d: %d months, not %d", cases[i].id, n, cases[i].n);
        if (n < 1)
            continue;
        if (m[0].from != cases[i].from || m[n - 1].to != cases[i].to)
            fail_msg("%d: months do not cover the period", cases[i].id);
        if (cases[i].first_to && m[0].to != cases[i].first_to)
            fail_msg("%d: first month ends at %lld", cases[i].id,
                     (long long)m[0].to);
        if (m[n - 1].from != cases[i].last_from)
            fail_msg("%d: last month starts at %lld", cases[i].id,
                     (long long)m[n - 1].from);
        for (int k = 1; k < n; k++)
            if (m[k].from != m[k - 1].to)
                fail_msg("%d: gap before month %d", cases[i].id, k);
    }
    ombud_tz_free(tz);
}

/* 3: runs of FAIL; NO DATA breaks a run; due from `after` months. */
static void test_runs(void **state)
{
    enum { P = OMBUD_PASS, F = OMBUD_FAIL, N = OMBUD_NO_DATA };
    static const struct {
        int id;
        int n, status[6], after, nruns;
        ombud_month_run runs[3];
    } cases[] = {
        {301, 3, {P, F, F}, 2, 1, {{1, 2, 1}}},
        {302, 3, {F, F, P}, 3, 1, {{0, 2, 0}}},
        {303, 3, {F, F, F}, 3, 1, {{0, 3, 1}}},
        {304, 5, {P, F, F, N, F}, 2, 2, {{1, 2, 1}, {4, 1, 0}}},
        {305, 3, {F, N, F}, 2, 2, {{0, 1, 0}, {2, 1, 0}}},
        {306, 3, {P, N, P}, 2, 0, {{0, 0, 0}}},
        {307, 3, {F, F, F}, 0, 1, {{0, 3, 0}}},   /* no setting: never due */
        {308, 0, {0}, 2, 0, {{0, 0, 0}}},
        {309, 6, {F, P, F, P, F, P}, 1, 3, {{0, 1, 1}, {2, 1, 1}, {4, 1, 1}}},
    };
    ombud_month_run got[OMBUD_MONTHS_MAX];

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int n = ombud_months_runs(cases[i].status, cases[i].n, cases[i].after,
                                  got, OMBUD_MONTHS_MAX);
        if (n != cases[i].nruns)
            fail_msg("%d: %d runs, not %d", cases[i].id, n, cases[i].nruns);
        for (int k = 0; k < n; k++)
            if (got[k].first != cases[i].runs[k].first ||
                got[k].len != cases[i].runs[k].len ||
                got[k].due != cases[i].runs[k].due)
                fail_msg("%d: run %d is %d+%d due %d", cases[i].id, k,
                         got[k].first, got[k].len, got[k].due);
    }
    /* More runs than room: counted, not written past it. */
    {
        static const int s[5] = {F, P, F, P, F};
        got[1].len = 99;
        assert_int_equal(ombud_months_runs(s, 5, 1, got, 1), 3);
        assert_int_equal(got[1].len, 99);
    }
}

/* 4: the period column's name. */
static void test_label(void **state)
{
    static const struct { int id; int64_t from, to; const char *want; } cases[] = {
        {401, OCT1, JAN1, "2026-Q4"},
        {402, JAN1_26, JAN1, "2026"},
        {403, OCT1, DEC1, "2026-10..2026-11"},
        {404, NOV1, JAN1, "2026-11..2026-12"},  /* not a calendar quarter */
        {405, OCT15, NOV10, "other"},           /* not whole months */
    };
    ombud_tz *tz = la();
    char buf[64];

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ombud_months_label(tz, cases[i].from, cases[i].to, "other", buf,
                           sizeof buf);
        if (strcmp(buf, cases[i].want))
            fail_msg("%d: '%s', not '%s'", cases[i].id, buf, cases[i].want);
    }
    ombud_tz_free(tz);
}

/* 5: only whole local months get a table. */
static void test_whole(void **state)
{
    static const struct { int id; int64_t from, to; int want; } cases[] = {
        {501, OCT1, JAN1, 1},
        {502, OCT1, NOV1, 1},
        {503, OCT15, NOV10, 0},          /* days */
        {504, OCT1, NOV10, 0},           /* ends inside a month */
        {505, OCT1 + 3600, JAN1, 0},     /* 01:00, not midnight */
        {506, OCT1 - 7 * 3600, JAN1, 0}, /* UTC midnight, not LA's */
        {507, OCT1, OCT1, 0},            /* empty */
    };
    ombud_tz *tz = la();

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (ombud_months_whole(tz, cases[i].from, cases[i].to) != cases[i].want)
            fail_msg("%d: not %d", cases[i].id, cases[i].want);
    ombud_tz_free(tz);
}

/* The reports look for months figures only where there can be some:
 * the rate kinds, and kinds this build does not know (a newer store). */
static void test_kind(void **state)
{
    (void)state;
    assert_true(ombud_months_kind("answer_time"));
    assert_true(ombud_months_kind("restoration"));
    assert_true(ombud_months_kind("trouble_rate"));
    assert_false(ombud_months_kind("customer_effort"));
    assert_false(ombud_months_kind("live_support"));
    assert_true(ombud_months_kind("a_kind_of_tomorrow"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_quarter), cmocka_unit_test(test_split_edges),
        cmocka_unit_test(test_runs), cmocka_unit_test(test_label),
        cmocka_unit_test(test_whole), cmocka_unit_test(test_kind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
