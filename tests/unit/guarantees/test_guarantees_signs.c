/*
 * test_guarantees_signs.c - negative amounts, durations, limits, targets
 * and thresholds in the guarantees file are refused where they make no
 * sense, each with FILE:LINE, the section, the key and the reason; the
 * limits of the whole-file read (4 MiB) hold.
 *
 * Table-driven: each case is a guarantee section (after the same [filing]
 * of 3 lines, so the section's first key is on line 5) and the message
 * expected on the line given, written by hand.
 */
#include "testutil.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/readall.h"

#define FILING "[filing]\ncarrier = C\ncommission = K\n"
#define HEAD(kind) "[guarantee g]\npromise = P\nsource = S\nkind = " kind "\n"

static const struct {
    int id;
    const char *section;    /* after FILING */
    const char *want;       /* the start of the message, after "FILE:" */
} cases[] = {
    /* money: negative refused with the fix */
    {1, HEAD("outage_credit") "method = per_day\nper_day = -5.00\n",
     "9: error: [guarantee g] per_day: negative amount '-5.00': an amount "
     "owed cannot be below zero (write it without the minus sign, e.g. 5.00)"},
    {2, HEAD("appointments") "per_missed = -0.01\n",
     "8: error: [guarantee g] per_missed: negative amount '-0.01'"},
    {3, HEAD("restoration") "within = 24h\nper_day_late = -14.52\n",
     "9: error: [guarantee g] per_day_late: negative amount '-14.52'"},
    {4, HEAD("provisioning") "within_working_days = 5\nper_day = 6.46\n"
     "tier_after = 5\nper_day_then = -1\n",
     "11: error: [guarantee g] per_day_then: negative amount '-1'"},
    /* durations, limits, targets, thresholds: no sign is a number */
    {5, HEAD("live_support") "queues = q\nmax_wait = -10m\n",
     "9: error: [guarantee g] max_wait: bad duration '-10m'"},
    {6, HEAD("restoration") "within = 24h\ntarget = -80%\n",
     "9: error: [guarantee g] target: bad percentage '-80%'"},
    {7, HEAD("customer_effort") "max_calls = -3\n", "8: error: [guarantee g] max_calls: "},
    {8, HEAD("trouble_rate") "max_per_100 = -5.5\nlines = 1000\n",
     "8: error: [guarantee g] max_per_100: bad percentage '-5.5'"},
    {9, HEAD("trouble_rate") "max_per_100 = 5.5\nlines_by_area = CO-1: -5\n",
     "9: error: [guarantee g] lines_by_area: "},
    {10, HEAD("reportable_outage") "min_user_minutes = -900000\n",
     "8: error: [guarantee g] min_user_minutes: "},
    {11, HEAD("outage_credit") "method = per_day\nper_day = 5.00\ngrace = -60d\n",
     "10: error: [guarantee g] grace: bad duration '-60d'"},
};

/* Load @text with messages captured; returns the captured text (static). */
static const char *load_capture(const char *text, ombud_err *err)
{
    static char out[4096];
    ombud_guarantees *gs = NULL;
    const char *p = tmp_file(2, text, strlen(text));
    FILE *fp = tmpfile();
    size_t n;

    assert_non_null(fp);
    ombud_diag_set_stream(fp);
    *err = ombud_guarantees_load(p, &gs);
    ombud_diag_set_stream(NULL);
    rewind(fp);
    n = fread(out, 1, sizeof out - 1, fp);
    out[n] = '\0';
    fclose(fp);
    ombud_guarantees_free(gs);
    return out;
}

/* 1-11: each refused with its message on its line. */
static void test_negative_refused(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024], want[512];
        ombud_err err;
        const char *msgs;

        snprintf(text, sizeof text, FILING "%s", cases[i].section);
        msgs = load_capture(text, &err);
        snprintf(want, sizeof want, "%s:%s", tmp_file(2, text, strlen(text)),
                 cases[i].want);
        if (err != OMBUD_E_DATA || !strstr(msgs, want))
            fail_msg("case %d: want OMBUD_E_DATA and\n  %s\ngot %d and\n  %s",
                     cases[i].id, want, err, msgs);
    }
}

/* 12: zero and positive amounts still load; -0.00 is zero, not negative. */
static void test_zero_and_positive(void **state)
{
    ombud_err err;
    (void)state;
    load_capture(FILING HEAD("outage_credit") "method = per_day\nper_day = 0.00\n", &err);
    assert_int_equal(err, OMBUD_OK);
    load_capture(FILING HEAD("outage_credit") "method = per_day\nper_day = -0.00\n", &err);
    assert_int_equal(err, OMBUD_OK);
    load_capture(FILING HEAD("appointments") "per_missed = 32.31\n", &err);
    assert_int_equal(err, OMBUD_OK);
}

/* 13: a guarantees file over 4 MiB is refused by size, naming the limit. */
static void test_size_limit(void **state)
{
    size_t n = OMBUD_GUARANTEES_MAX_BYTES + 1;
    char *big = malloc(n);
    const char *p;
    ombud_guarantees *gs = NULL;
    FILE *fp = tmpfile();
    char out[512] = "";

    (void)state;
    assert_non_null(big);
    assert_non_null(fp);
    memset(big, '\n', n);
    p = tmp_file(3, big, n);
    ombud_diag_set_stream(fp);
    assert_int_equal(ombud_guarantees_load(p, &gs), OMBUD_E_DATA);
    ombud_diag_set_stream(NULL);
    assert_null(gs);
    rewind(fp);
    out[fread(out, 1, sizeof out - 1, fp)] = '\0';
    assert_non_null(strstr(out, "guarantees file larger than 4 MiB"));
    fclose(fp);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_negative_refused),
        cmocka_unit_test(test_zero_and_positive),
        cmocka_unit_test(test_size_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
