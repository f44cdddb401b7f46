/*
 * test_report_letter_fill.c - letter templates: placeholders, sections
 * kept or left out with their lines, and the errors (unknown name,
 * section never closed, closed twice), each with its line.
 */
#include <glib.h>
#include "testutil.h"
#include "ombud/diag.h"
#include "ombud/report.h"

static const ombud_letter_field fields[] = {
    {"customer", "Jane Doe", 0}, {"tried", "called 22 times", 0},
    {"address", NULL, 0}, {"breaches", "", 0}, {"total_owed", "0.00 USD", 1},
};

/* The template filled, or "ERROR" when it is refused. */
static const char *fill(const char *t)
{
    static char out[512];
    char *s = NULL;

    if (ombud_letter_fill("t.txt", t, fields, 5, &s))
        return "ERROR";
    g_strlcpy(out, s, sizeof out);
    g_free(s);
    return out;
}

static void test_placeholders(void **state)
{
    (void)state;
    assert_string_equal(fill("I, {{customer}}.\n"), "I, Jane Doe.\n");
    assert_string_equal(fill("[{{address}}]"), "[]");
}

static void test_sections(void **state)
{
    (void)state;
    /* Set: kept; tags alone on their lines go with their lines. */
    assert_string_equal(fill("A\n{{#tried}}\nTried: {{tried}}\n{{/tried}}\nZ\n"),
                        "A\nTried: called 22 times\nZ\n");
    /* Not set (NULL, "", or off although it has a text): left out. */
    assert_string_equal(fill("A\n{{#address}}\n{{address}}\n{{/address}}\nZ\n"),
                        "A\nZ\n");
    assert_string_equal(fill("A\n  {{#breaches}}\nYou broke\n  {{/breaches}}\n"
                             "{{^breaches}}\nNo breach.\n{{/breaches}}\n"),
                        "A\nNo breach.\n");
    assert_string_equal(fill("{{#total_owed}}Owed {{total_owed}}.{{/total_owed}}"
                             "{{^total_owed}}Nothing owed.{{/total_owed}}\n"),
                        "Nothing owed.\n");
    /* Nested: the inner one is shown only inside a shown outer one. */
    assert_string_equal(fill("{{^breaches}}x{{#tried}}y{{/tried}}"
                             "{{#address}}z{{/address}}{{/breaches}}|"),
                        "xy|");
    assert_string_equal(fill("{{#breaches}}x{{^address}}y{{/address}}"
                             "{{/breaches}}|"), "|");
    /* Inline tags keep the line. */
    assert_string_equal(fill("a {{#tried}}b{{/tried}} c\n"), "a b c\n");
}

static void test_errors(void **state)
{
    (void)state;
    assert_string_equal(fill("{{#refund}}x{{/refund}}"), "ERROR");
    assert_string_equal(fill("A\n{{#tried}}\nB\n"), "ERROR");
    assert_string_equal(fill("A\n{{/tried}}\n"), "ERROR");
    assert_string_equal(fill("{{#tried}}{{^address}}{{/tried}}{{/address}}"),
                        "ERROR");
    assert_string_equal(fill("{{customer"), "ERROR");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholders), cmocka_unit_test(test_sections),
        cmocka_unit_test(test_errors),
    };
    ombud_diag_set_verbosity(OMBUD_QUIET);
    return cmocka_run_group_tests_name("letter", tests, NULL, NULL);
}
