/*
 * test_rules_drawing.c - what each rule kind tells the reports (rule.h):
 * its label, its chart, its figures table and dossier line; and the unit
 * table both reports read (i18n.h). Expected values are written by hand.
 */
#include "testutil.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"

/* 1: every kind has a label and a drawing; an unknown one draws nothing. */
static void test_every_kind(void **state)
{
    (void)state;
    for (int i = 0; ombud_rules[i]; i++) {
        const ombud_drawing *d = ombud_rule_drawing(ombud_rules[i]->kind);
        assert_non_null(ombud_rules[i]->label);
        assert_ptr_equal(d, ombud_rules[i]->draw);
        /* a figures table has a heading and columns, or neither */
        assert_int_equal(d->subjects != NULL, d->nfigures > 0);
    }
    assert_ptr_equal(ombud_rule_drawing("nonesuch"), &ombud_drawing_none);
    assert_ptr_equal(ombud_rule_drawing(NULL), &ombud_drawing_none);
    assert_string_equal(ombud_rule_label("live_support"), "live support");
    assert_string_equal(ombud_rule_label("nonesuch"), "nonesuch");
    assert_string_equal(ombud_rule_label(NULL), "");
}

/* 2: the charts and dossier lines of the kinds that have them. */
static void test_charts(void **state)
{
    const ombud_drawing *d;

    (void)state;
    assert_int_equal(ombud_rule_drawing("live_support")->chart,
                     OMBUD_CHART_HEATMAP);
    assert_int_equal(ombud_rule_drawing("answer_time")->chart,
                     OMBUD_CHART_DAILY);
    assert_int_equal(ombud_rule_drawing("reliability")->chart,
                     OMBUD_CHART_INDICES);
    d = ombud_rule_drawing("restoration");
    assert_int_equal(d->chart, OMBUD_CHART_DURATIONS);
    /* the bars read the duration and the limit, in that order */
    assert_int_equal(d->nfigures, 2);
    assert_string_equal(d->figures[0].name, "duration");
    assert_string_equal(d->figures[1].name, "limit");
    d = ombud_rule_drawing("outage_credit");
    assert_int_equal(d->chart, OMBUD_CHART_NONE);
    assert_string_equal(d->figures[0].name, "owed");
    assert_string_equal(d->figures[1].name, "credited");
    assert_int_equal(ombud_rule_drawing("commitments")->counter,
                     OMBUD_COUNTER_PROMISES);
    assert_int_equal(ombud_rule_drawing("payment_notice")->counter,
                     OMBUD_COUNTER_NOTICES);
    assert_int_equal(ombud_rule_drawing("appointments")->counter,
                     OMBUD_COUNTER_APPOINTMENTS);
    assert_int_equal(ombud_rule_drawing("provisioning")->counter,
                     OMBUD_COUNTER_ORDERS);
    assert_int_equal(ombud_rule_drawing("restoration")->counter,
                     OMBUD_COUNTER_NONE);
    /* call_kpis: its own tables, the figures in the order the reports
     * show them */
    d = ombud_rule_drawing("call_kpis");
    assert_int_equal(d->chart, OMBUD_CHART_KPIS);
    assert_int_equal(d->nfigures, 10);
    assert_string_equal(d->figures[0].name, "offered");
    assert_string_equal(d->figures[5].name, "asa");
    assert_string_equal(d->figures[6].name, "aht");
    assert_string_equal(d->figures[9].name, "service_level");
    assert_int_equal(d->counter, OMBUD_COUNTER_NONE);
}

/* 3: one unit table: its cells and its text agree on the unit. */
static void test_units(void **state)
{
    char b[64];

    (void)state;
    assert_int_equal(ombud_i18n_set(OMBUD_LANG_EN), OMBUD_OK);
    assert_int_equal(ombud_unit_find(NULL)->cell, OMBUD_CELL_NUMBER);
    assert_int_equal(ombud_unit_find("s")->cell, OMBUD_CELL_DURATION);
    assert_true(ombud_unit_find("s")->scale == 86400.0);
    assert_int_equal(ombud_unit_find("late")->cell, OMBUD_CELL_DURATION);
    assert_int_equal(ombud_unit_find("bp")->cell, OMBUD_CELL_PERCENT);
    assert_int_equal(ombud_unit_find("milli")->cell, OMBUD_CELL_RATIO);
    assert_int_equal(ombud_unit_find("state")->cell, OMBUD_CELL_TEXT);
    assert_int_equal(ombud_unit_find("wday")->cell, OMBUD_CELL_NUMBER);
    assert_int_equal(ombud_unit_find("minor")->cell, OMBUD_CELL_MONEY);
    assert_int_equal(ombud_unit_find("anything")->cell, OMBUD_CELL_MONEY);
    assert_string_equal(ombud_fmt_figure(0, "late", 2, "USD", b, sizeof b),
                        "on time");
    assert_string_equal(ombud_fmt_figure(1234, "count", 2, "USD", b,
                                         sizeof b), "1,234");
    assert_string_equal(ombud_fmt_figure(1500, "milli", 2, "USD", b,
                                         sizeof b), "1.500");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind),
        cmocka_unit_test(test_charts),
        cmocka_unit_test(test_units),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
