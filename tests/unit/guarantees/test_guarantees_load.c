/*
 * test_guarantees_load.c - the guarantees file: values parsed into the
 * types each rule declares, and every kind of mistake refused.
 */
#include "testutil.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/i18n.h"

static ombud_guarantees *load(const char *text, ombud_err want)
{
    ombud_guarantees *gs = NULL;
    const char *p = tmp_file(0, text, strlen(text));
    assert_int_equal(ombud_guarantees_load(p, &gs), want);
    if (want)
        assert_null(gs);
    return gs;
}

#define FILING "[filing]\ncarrier = C\ncommission = K\ntimezone = America/Los_Angeles\n"

/* 1: the shipped template loads, with the values it states. */
static void test_template(void **state)
{
    ombud_guarantees *gs = NULL;
    (void)state;
    ombud_diag_set_verbosity(OMBUD_QUIET);
    assert_int_equal(ombud_guarantees_load("templates/guarantees/fibre-bundle.ini", &gs),
                     OMBUD_OK);
    assert_string_equal(gs->filing.carrier, "Example Fibre Co");
    assert_string_equal(gs->filing.currency, "USD");
    assert_string_equal(gs->filing.period, "2026-10");
    assert_int_equal(gs->ng, 7);
    assert_string_equal(gs->g[4].rule->kind, "customer_effort");
    assert_int_equal(gs->g[4].v[0].num, 3);            /* max_calls */
    assert_int_equal(gs->g[4].v[1].num, 3600);         /* max_phone_time */
    assert_string_equal(gs->g[4].v[6].list[0], "billing"); /* queue_hours */
    assert_ptr_equal(gs->g[4].v[6].cals[0], &gs->cals[1].cal);
    assert_int_equal(gs->g[5].v[0].num, 0);            /* method pro_rata */
    assert_int_equal(gs->g[5].v[1].num, 86400);        /* min_duration */
    assert_string_equal(gs->g[0].id, "live-support");
    assert_string_equal(gs->g[0].promise, "24/7 live tech support");
    assert_string_equal(gs->g[0].rule->kind, "live_support");
    assert_int_equal(gs->g[0].v[2].num, 600);          /* max_wait = 10m */
    assert_int_equal(gs->g[0].v[0].nlist, 1);          /* queues */
    assert_string_equal(gs->g[0].v[0].list[0], "tech_support");
    assert_int_equal(gs->g[1].v[0].num, 24 * 3600);    /* within = 24h */
    assert_int_equal(gs->g[3].v[0].num, 24 * 3600);    /* min_notice */
    assert_int_equal(strlen(gs->sha256), 64);
    ombud_guarantees_free(gs);
}

/* 2: types: durations, percentages, lists, words, calendars, defaults. */
static void test_types(void **state)
{
    ombud_guarantees *gs;
    char params[512];
    (void)state;
    gs = load(FILING
              "[calendar office]\nhours = mon-fri 09:00-17:00\nholidays = 2026-12-25\n"
              "[guarantee a]\npromise = P\nsource = S\nkind = answer_time\n"
              "queues = billing , tech_support\nwithin = 1m30s\ntarget = 99.5%\n"
              "hours = office\nper = period\n"
              "[guarantee r]\npromise = long promise\n  continued here\nsource = S\n"
              "kind = restoration\nwithin = 2d\ncalendar = office\ntarget = 90\n",
              OMBUD_OK);
    assert_int_equal(gs->ng, 2);
    assert_int_equal(gs->g[0].v[0].nlist, 2);
    assert_string_equal(gs->g[0].v[0].list[1], "tech_support");
    assert_int_equal(gs->g[0].v[1].num, 90);
    assert_int_equal(gs->g[0].v[2].num, 9950);
    assert_int_equal(gs->g[0].v[3].num, 1);            /* count_abandoned default yes */
    assert_ptr_equal(gs->g[0].v[5].cal, &gs->cals[0].cal);
    assert_int_equal(gs->g[0].v[6].num, 1);            /* per = period */
    assert_string_equal(gs->g[1].promise, "long promise continued here");
    assert_int_equal(gs->g[1].v[0].num, 2 * 86400);
    assert_int_equal(gs->g[1].v[2].num, 9000);
    assert_ptr_equal(gs->g[1].v[1].cal, &gs->cals[0].cal);
    assert_string_equal(ombud_guarantee_params(&gs->g[1], params, sizeof params),
                        "within = 2d; calendar = office; target = 90; planned = include; "
                        "clock = started; late_days = calendar; tier_after = 0");
    ombud_guarantees_free(gs);
}

/* 3: each mistake is refused (the messages are checked end to end). */
static void test_errors(void **state)
{
    static const char *const bad[] = {
        /* no [filing] */
        "[guarantee a]\npromise = P\nsource = S\nkind = commitments\n",
        /* filing lacks commission */
        "[filing]\ncarrier = C\n[guarantee a]\npromise = P\nsource = S\nkind = commitments\n",
        /* unknown zone */
        "[filing]\ncarrier = C\ncommission = K\ntimezone = Mars/Base\n"
        "[guarantee a]\npromise = P\nsource = S\nkind = commitments\n",
        /* unknown kind */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = psychic\n",
        /* unknown key */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = commitments\ncolour = red\n",
        /* bad durations */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = advance_notice\nmin_notice = 10 minutes\n",
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = advance_notice\nmin_notice = 24\n",
        /* missing required key */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = live_support\nqueues = q\n",
        /* missing promise */
        FILING "[guarantee a]\nsource = S\nkind = commitments\n",
        /* bad hours */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = live_support\nqueues = q\n"
        "max_wait = 1m\nhours = mon-fri 20:00-08:00\n",
        /* calendar that does not exist */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = restoration\nwithin = 1h\n"
        "calendar = nowhere\n",
        /* bad percentage, bad word */
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = restoration\nwithin = 1h\ntarget = 120%\n",
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = restoration\nwithin = 1h\nplanned = sometimes\n",
        /* duplicate key, duplicate section, unknown section */
        FILING "[guarantee a]\npromise = P\npromise = Q\nsource = S\nkind = commitments\n",
        FILING "[guarantee a]\npromise = P\nsource = S\nkind = commitments\n[guarantee a]\nkind = x\n",
        FILING "[guarantees a]\npromise = P\n",
        /* no guarantees at all; not INI */
        FILING,
        FILING "this line has no equals sign\n[guarantee a]\npromise = P\nsource = S\nkind = commitments\n",
        NULL
    };
    (void)state;
    for (int i = 0; bad[i]; i++) {
        ombud_guarantees *gs = NULL;
        const char *p = tmp_file(1, bad[i], strlen(bad[i]));
        if (ombud_guarantees_load(p, &gs) != OMBUD_E_DATA)
            fail_msg("case %d loaded but should not:\n%s", i, bad[i]);
        assert_null(gs);
    }
}

/* 4: a line too long for libinih is an error, not a silent split. */
static void test_long_line(void **state)
{
    char text[1024];
    (void)state;
    snprintf(text, sizeof text, FILING "[guarantee a]\npromise = %0250d\nsource = S\n"
             "kind = commitments\n", 7);
    load(text, OMBUD_E_DATA);
    assert_int_equal(ombud_guarantees_load("/nonexistent.ini", &(ombud_guarantees *){0}),
                     OMBUD_E_NOINPUT);
}

/* 5: durations both ways. */
static void test_durations(void **state)
{
    int64_t s;
    char why[128], buf[32];
    (void)state;
    assert_int_equal(ombud_duration_parse("90s", &s, why, sizeof why), OMBUD_OK);
    assert_int_equal(s, 90);
    assert_int_equal(ombud_duration_parse("1h30m", &s, why, sizeof why), OMBUD_OK);
    assert_int_equal(s, 5400);
    assert_int_equal(ombud_duration_parse("1w", &s, why, sizeof why), OMBUD_OK);
    assert_int_equal(s, 604800);
    assert_int_equal(ombud_duration_parse("10", &s, why, sizeof why), OMBUD_E_DATA);
    assert_int_equal(ombud_duration_parse("-5m", &s, why, sizeof why), OMBUD_E_DATA);
    assert_int_equal(ombud_duration_parse("5 m", &s, why, sizeof why), OMBUD_E_DATA);
    assert_int_equal(ombud_duration_parse("99999999999999999999d", &s, why, sizeof why),
                     OMBUD_E_DATA);
    assert_string_equal(ombud_fmt_duration(403200, buf, sizeof buf), "112\xc2\xa0h");
    assert_string_equal(ombud_fmt_duration(316800, buf, sizeof buf), "88\xc2\xa0h");
    assert_string_equal(ombud_fmt_duration(512, buf, sizeof buf), "8\xc2\xa0min\xc2\xa0" "32\xc2\xa0s");
    assert_string_equal(ombud_fmt_duration(0, buf, sizeof buf), "0\xc2\xa0s");
    assert_string_equal(ombud_fmt_duration(8 * 86400 + 3600, buf, sizeof buf), "8\xc2\xa0" "days\xc2\xa0" "1\xc2\xa0h");
    assert_string_equal(ombud_fmt_duration(-90, buf, sizeof buf), "-1\xc2\xa0min\xc2\xa0" "30\xc2\xa0s");
}

/* 6: COUNTMAP keys: "word: N" pairs; a missing colon, a bad number or a
 * repeated word is refused. */
static void test_countmap(void **state)
{
    ombud_guarantees *gs;
    int64_t n = -1;
    (void)state;
    gs = load(FILING "[guarantee c]\npromise = P\nsource = S\n"
              "kind = provisioning\nby_class = urban: 5 , remote:15\n", OMBUD_OK);
    assert_int_equal(gs->g[0].v[2].nlist, 2);
    assert_int_equal(ombud_param_count(&gs->g[0].v[2], "urban", &n), 1);
    assert_int_equal(n, 5);
    assert_int_equal(ombud_param_count(&gs->g[0].v[2], "remote", &n), 1);
    assert_int_equal(n, 15);
    assert_int_equal(ombud_param_count(&gs->g[0].v[2], "major_rural", &n), 0);
    assert_int_equal(ombud_param_count(&gs->g[0].v[2], NULL, &n), 0);
    ombud_guarantees_free(gs);
    load(FILING "[guarantee c]\npromise = P\nsource = S\nkind = provisioning\n"
         "by_class = urban 5\n", OMBUD_E_DATA);
    load(FILING "[guarantee c]\npromise = P\nsource = S\nkind = provisioning\n"
         "by_class = urban: five\n", OMBUD_E_DATA);
    load(FILING "[guarantee c]\npromise = P\nsource = S\nkind = provisioning\n"
         "by_class = urban: 5, urban: 6\n", OMBUD_E_DATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_template), cmocka_unit_test(test_types),
        cmocka_unit_test(test_errors), cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_durations), cmocka_unit_test(test_countmap),
    };
    ombud_diag_set_verbosity(OMBUD_QUIET);
    return cmocka_run_group_tests_name("guarantees", tests, NULL, NULL);
}
