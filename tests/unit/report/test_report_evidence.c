/*
 * test_report_evidence.c - evidence references written compactly
 * (ombud_evidence_compact). Every expectation is worked out by hand from
 * the reference list above it: lines sorted and deduplicated per file,
 * files in the order first named, runs of consecutive lines as ranges
 * with an en dash (U+2013), "(N rows)" for a file of more than one row.
 */
#include <stdlib.h>
#include <unistd.h>
#include "testutil.h"
#include "ombud/evidence.h"
#include "ombud/i18n.h"

#define DASH "\xe2\x80\x93"
#define NB "\xc2\xa0"
#define DOTS "\xe2\x80\xa6"
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"

/* The catalogues of this build: build[/asan]/locale beside ../../ of us. */
static int setup(void **state)
{
    char exe[4096], dir[4200];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

    (void)state;
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    *strrchr(exe, '/') = '\0';
    snprintf(dir, sizeof dir, "%s/../../locale", exe);
    setenv("OMBUD_LOCALEDIR", dir, 1);
    unsetenv("LANG");
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    return ombud_i18n_set(OMBUD_LANG_EN) == OMBUD_OK ? 0 : -1;
}

static char out[512];

/* The compact text of @p refs, the first @p shown of @p n rows (English,
 * names as they are), with its no-break spaces read as spaces:
 * test_no_break pins where they are. */
static const char *compact_cut(const char *refs, int64_t n, int64_t shown)
{
    char *o = out;

    assert_int_equal(ombud_evidence_compact(refs, n, shown, 0, out,
                                            sizeof out), OMBUD_OK);
    for (const char *c = out; *c; c++) {
        if (c[0] == '\xc2' && c[1] == '\xa0') {
            *o++ = ' ';
            c++;
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return out;
}

/* As compact_cut(), every row named. */
static const char *compact(const char *refs, int64_t n)
{
    return compact_cut(refs, n, n);
}

/* 0: "line 9" and "(64 rows)" never wrap inside; the space after a
 * file's name, the ranges' ", " and the spaces before "(" and after ";"
 * may. */
static void test_no_break(void **state)
{
    (void)state;
    assert_int_equal(ombud_evidence_compact("o.csv:3, b.csv:9, b.csv:10, "
                                            "b.csv:12", 4, 4, 0, out,
                                            sizeof out),
                     OMBUD_OK);
    assert_string_equal(out, "o.csv line" NB "3; b.csv lines" NB "9"
                        DASH "10, 12 (3" NB "rows)");
}

/* @p refs (the first @p shown of @p n) refused: OMBUD_E_DATA and an
 * empty text. */
static void refused_cut(const char *refs, int64_t n, int64_t shown)
{
    strcpy(out, "junk");
    assert_int_equal(ombud_evidence_compact(refs, n, shown, 0, out,
                                            sizeof out), OMBUD_E_DATA);
    assert_string_equal(out, "");
}

static void refused(const char *refs, int64_t n)
{
    refused_cut(refs, n, n);
}

/* 1: consecutive lines become a range; four rows. */
static void test_ranges(void **state)
{
    (void)state;
    assert_string_equal(compact("calls.csv:2, calls.csv:3, calls.csv:4, "
                                "calls.csv:14", 4),
                        "calls.csv lines 2" DASH "4, 14 (4 rows)");
    /* Two consecutive lines are a range too. */
    assert_string_equal(compact("o.csv:51, o.csv:52", 2),
                        "o.csv lines 51" DASH "52 (2 rows)");
}

/* 2: out of order and repeated: lines {3, 4, 9}, still four rows. */
static void test_unsorted_duplicates(void **state)
{
    (void)state;
    assert_string_equal(compact("a.csv:9, a.csv:3, a.csv:4, a.csv:3", 4),
                        "a.csv lines 3" DASH "4, 9 (4 rows)");
    /* One line named twice (two files of one name): one line, 2 rows. */
    assert_string_equal(compact("billing.csv:3, billing.csv:3", 2),
                        "billing.csv line 3 (2 rows)");
}

/* 3: files in the order first named, each with its own count. */
static void test_several_files(void **state)
{
    (void)state;
    assert_string_equal(compact("outages.csv:3, calls.csv:17, outages.csv:2", 3),
                        "outages.csv lines 2" DASH "3 (2 rows); "
                        "calls.csv line 17");
    assert_string_equal(compact("calls.csv:36, outages.csv:3", 2),
                        "calls.csv line 36; outages.csv line 3");
}

/* 4: a single row: no count. */
static void test_single(void **state)
{
    (void)state;
    assert_string_equal(compact("calls.csv:12", 1), "calls.csv line 12");
}

/* 5: a queue_log leg names all its lines: one row, several lines. */
static void test_queue_log(void **state)
{
    (void)state;
    assert_string_equal(compact("queue_log:21,22,23", 1),
                        "queue_log lines 21" DASH "23");
    /* lines {21, 22, 23, 30, 31} from two legs */
    assert_string_equal(compact("queue_log:30,31, queue_log:21,22,23", 2),
                        "queue_log lines 21" DASH "23, 30" DASH "31 (2 rows)");
}

/* 6: a list the store cut short: the rows shown, then those left out;
 * and the raw text with its " and N more" (ombud_evidence_refs_text). */
static void test_store_tail(void **state)
{
    char b[64];

    (void)state;
    /* 2 shown of 5 */
    assert_string_equal(compact_cut("calls.csv:5, calls.csv:6", 5, 2),
                        "calls.csv lines 5" DASH "6 (2 rows); 3 more rows");
    assert_string_equal(compact_cut("calls.csv:5, calls.csv:6", 3, 2),
                        "calls.csv lines 5" DASH "6 (2 rows); 1 more row");
    /* the text names 1 row, not the 2 said shown */
    refused_cut("calls.csv:5", 4, 2);
    /* more shown than there are */
    refused_cut("calls.csv:5, calls.csv:6", 1, 2);
    assert_string_equal(ombud_evidence_refs_text("calls.csv:5, calls.csv:6",
                        5, 2, b, sizeof b), "calls.csv:5, calls.csv:6 and 3 "
                        "more");
    assert_string_equal(ombud_evidence_refs_text("calls.csv:5", 1, 1, b,
                        sizeof b), "calls.csv:5");
    assert_string_equal(ombud_evidence_refs_text(NULL, 0, 0, b, sizeof b), "");
    /* cut whole at the buffer: the tail is left out, not split */
    assert_string_equal(ombud_evidence_refs_text("calls.csv:5", 9, 1, b, 12),
                        "calls.csv:5");
}

/* 7: names holding the separators, and lists that are not references. */
static void test_hostile(void **state)
{
    char many[8000];
    size_t n = 0;

    (void)state;
    refused("calls.csv", 1);            /* no colon */
    refused("", 0);
    refused(NULL, 0);
    refused("calls.csv:2", 0);          /* a count of none */
    refused("calls.csv:2", -1);
    refused(":1", 1);                   /* no name */
    refused("a:,1", 1);                 /* no number */
    refused("a:1,,2", 1);
    refused("a:1, ", 1);                /* a separator and nothing */
    refused("a:1, b:2", 1);             /* two rows, one counted */
    refused("a:1, b:2", 3);             /* three counted, no tail */
    refused("a:99999999999999999999", 1);   /* 20 digits */
    refused("a:1234567890123456", 1);       /* 16 digits */
    /* 15 digits are still line numbers */
    assert_string_equal(compact("a:999999999999999, a:999999999999998", 2),
                        "a lines 999999999999998" DASH "999999999999999 "
                        "(2 rows)");
    /* A name holding ", " or ':' stays one name. */
    assert_string_equal(compact("x, y.csv:3", 1), "x, y.csv line 3");
    assert_string_equal(compact("c:\\in\\calls.csv:7", 1),
                        "c:\\in\\calls.csv line 7");
    assert_string_equal(compact("a:5:3", 1), "a:5 line 3");
    /* Bytes that are no UTF-8 are kept as they are (the PDF escapes them). */
    assert_string_equal(compact("\xff\xfe:1", 1), "\xff\xfe line 1");
    /* 500 rows, lines 1 to 500: one range. */
    for (int i = 1; i <= 500; i++)
        n += (size_t)snprintf(many + n, sizeof many - n, "%scalls.csv:%d",
                              i > 1 ? ", " : "", i);
    assert_string_equal(compact(many, 500),
                        "calls.csv lines 1" DASH "500 (500 rows)");
}

/* 8: names as isolates, a stray PDI inside one dropped. */
static void test_isolate(void **state)
{
    (void)state;
    assert_int_equal(ombud_evidence_compact("calls.csv:2, calls.csv:3", 2, 2, 1,
                                            out, sizeof out), OMBUD_OK);
    assert_string_equal(out, FSI "calls.csv" PDI " lines" NB "2" DASH "3 (2"
                        NB "rows)");
    assert_int_equal(ombud_evidence_compact("a" PDI "b:1", 1, 1, 1, out,
                                            sizeof out), OMBUD_OK);
    assert_string_equal(out, FSI "ab" PDI " line" NB "1");
}

/* 9: cut to fit: whole ranges first, then whole files. */
static void test_fit(void **state)
{
    char b[64];

    (void)state;
    /* "a lines 1, 3, 5, 7 (4 rows)" with its two no-break spaces (2
     * bytes each) is 29 bytes: fits in 30 */
    assert_int_equal(ombud_evidence_compact("a:1, a:3, a:5, a:7", 4, 4, 0, b, 30),
                     OMBUD_OK);
    assert_string_equal(b, "a lines" NB "1, 3, 5, 7 (4" NB "rows)");
    /* in 29: three ranges make 31 bytes, two make 28 */
    assert_int_equal(ombud_evidence_compact("a:1, a:3, a:5, a:7", 4, 4, 0, b, 29),
                     OMBUD_OK);
    assert_string_equal(b, "a lines" NB "1, 3, " DOTS " (4" NB "rows)");
    /* "a line 1; b line 2; c line 3" is 31 bytes; in 20, two files
     * and "; …" are 25, one file is 14 */
    assert_int_equal(ombud_evidence_compact("a:1, b:2, c:3", 3, 3, 0, b, 20),
                     OMBUD_OK);
    assert_string_equal(b, "a line" NB "1; " DOTS);
    /* not even "a line 1; …" */
    strcpy(b, "junk");
    assert_int_equal(ombud_evidence_compact("a:1, b:2, c:3", 3, 3, 0, b, 5),
                     OMBUD_E_DATA);
    assert_string_equal(b, "");
}

/* 10: the words come from the catalogue. */
static void test_spanish(void **state)
{
    (void)state;
    assert_int_equal(ombud_i18n_set(OMBUD_LANG_ES), OMBUD_OK);
    assert_string_equal(compact("calls.csv:3, calls.csv:2, outages.csv:7", 3),
                        "calls.csv l\xc3\xadneas 2" DASH "3 (2 filas); "
                        "outages.csv l\xc3\xadnea 7");
    assert_string_equal(compact_cut("calls.csv:5, calls.csv:6", 5, 2),
                        "calls.csv l\xc3\xadneas 5" DASH "6 (2 filas); "
                        "3 filas m\xc3\xa1s");
    assert_int_equal(ombud_i18n_set(OMBUD_LANG_EN), OMBUD_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_break), cmocka_unit_test(test_ranges), cmocka_unit_test(test_unsorted_duplicates),
        cmocka_unit_test(test_several_files), cmocka_unit_test(test_single),
        cmocka_unit_test(test_queue_log), cmocka_unit_test(test_store_tail),
        cmocka_unit_test(test_hostile), cmocka_unit_test(test_isolate),
        cmocka_unit_test(test_fit), cmocka_unit_test(test_spanish),
    };
    return cmocka_run_group_tests_name("evidence", tests, setup, NULL);
}
