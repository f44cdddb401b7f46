/*
 * testutil.h - shared bits for the cmocka unit tests.
 */
#ifndef OMBUD_TESTUTIL_H
#define OMBUD_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

/* Epoch seconds of a UTC civil time, written out so expectations read as dates. */
#define UTC(y, mo, d, h, mi, s) \
    (ombud_days_from_civil((y), (mo), (d)) * 86400 + (h) * 3600 + (mi) * 60 + (s))

/* Write @text to a fresh temporary file; returns its path (static buffer per slot). */
static inline const char *tmp_file(int slot, const char *text, size_t len)
{
    static char paths[8][64];
    char *p = paths[slot & 7];
    FILE *fp;

    snprintf(p, 64, "/tmp/ombud-unit-%d-%d.csv", (int)getpid(), slot);
    fp = fopen(p, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(text, 1, len, fp), len);
    fclose(fp);
    return p;
}

#define TMP_CSV(slot, lit) tmp_file((slot), (lit), sizeof(lit) - 1)

#endif
