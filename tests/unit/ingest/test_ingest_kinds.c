/*
 * test_ingest_kinds.c - the table of input kinds (src/ingest/formats.c):
 * every format is found by its kind, the lists messages give, the flags
 * the commands and data quality ask. Expected texts are written by hand.
 */
#include "testutil.h"
#include "ombud/ingest.h"

/* 1: each entry is found by its format's kind, and only its own. */
static void test_find(void **state)
{
    (void)state;
    for (const ombud_input_kind *k = ombud_input_kinds; k->fmt; k++) {
        assert_ptr_equal(ombud_input_kind_find(k->fmt->kind), k);
        assert_ptr_equal(ombud_format_find(k->fmt->kind), k->fmt);
        assert_non_null(k->label);
        /* a kind has its own option or is named by another's */
        assert_true((k->option != NULL) != (k->offered_as != NULL));
    }
    assert_null(ombud_input_kind_find("outage"));
    assert_null(ombud_input_kind_find(NULL));
    assert_null(ombud_format_find("letter"));
}

/* 2: the lists usage messages give, in the table's order. */
static void test_say(void **state)
{
    char b[300];

    (void)state;
    assert_string_equal(ombud_input_kinds_say(0, "--", b, sizeof b),
                        "--outages, --calls, --billing, --appointments, "
                        "--orders, --customers, --snapshots, --accounts or "
                        "--cdr");
    assert_string_equal(ombud_input_kinds_say(OMBUD_IN_PROFILE, NULL, b,
                                              sizeof b),
                        "outages, calls, billing, appointments, orders, "
                        "customers, snapshots or accounts");
    assert_string_equal(ombud_input_kinds_say(OMBUD_IN_DELIMITER, NULL, b,
                                              sizeof b),
                        "outages, calls, billing, appointments, orders, "
                        "customers, snapshots or accounts");
    /* a small buffer is cut, never overrun */
    ombud_input_kinds_say(0, NULL, b, 8);
    assert_string_equal(b, "outages");
}

/* 3: what --calls offers, what is read in --cdr-tz, what has no times. */
static void test_flags(void **state)
{
    (void)state;
    assert_true(ombud_input_offered_as("calls", "queue_log"));
    assert_true(ombud_input_offered_as("calls", "calls"));
    assert_false(ombud_input_offered_as("billing", "queue_log"));
    assert_false(ombud_input_offered_as("calls", "cdr"));
    assert_true(ombud_input_has("cdr", OMBUD_IN_CDR_TZ));
    assert_false(ombud_input_has("calls", OMBUD_IN_CDR_TZ));
    assert_true(ombud_input_has("accounts", OMBUD_IN_UNTIMED));
    assert_true(ombud_input_has("queue_log", OMBUD_IN_ZONELESS));
    assert_false(ombud_input_has("nonesuch", 0));
}

/* 4: the import order: outages first, the accounts map and the CDR before
 * the queue_log that looks them up, the customers served and the
 * snapshots last. */
static void test_order(void **state)
{
    static const char *const want[] = {"outages", "accounts", "cdr", "calls",
        "queue_log", "billing", "appointments", "orders", "customers",
        "snapshots"};
    int n = 0;

    (void)state;
    for (int o = 0; o < 100; o++)
        for (const ombud_input_kind *k = ombud_input_kinds; k->fmt; k++)
            if (k->order == o) {
                assert_true(n < 10);
                assert_string_equal(k->fmt->kind, want[n]);
                n++;
            }
    assert_int_equal(n, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_say),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
