/*
 * months.c - the calendar months inside a period and the runs of months
 * below standard (months.h): pure logic the engine and the tests share.
 *
 * Months are the filing zone's: October in Los Angeles starts at local
 * midnight on the 1st (07:00 UTC), and a month with a clock change is as
 * long as its local days make it.
 */
#include <assert.h>
#include <stdio.h>

#include "ombud/months.h"
#include "ombud/store.h"

/* The instant of local midnight on the first of @year-@month in @tz. */
static int64_t month_start(const ombud_tz *tz, int year, int month)
{
    return ombud_tz_local_to_utc(tz, ombud_days_from_civil(year, month, 1) *
                                 86400, NULL);
}

int ombud_months_split(const ombud_tz *tz, int64_t from, int64_t to,
                       ombud_month *out, int max)
{
    ombud_tm tm;
    int n = 0, y, m;

    assert(out || max == 0);
    if (to <= from)
        return 0;
    ombud_tm_from_instant(tz, from, &tm);
    y = tm.year;
    m = tm.month;
    for (int64_t at = from; at < to; n++) {
        int64_t end;
        if (++m > 12) {
            m = 1;
            y++;
        }
        end = month_start(tz, y, m);
        if (n == max)
            return -1;
        ombud_tm_from_instant(tz, at, &tm);
        out[n] = (ombud_month){tm.year, tm.month, at, end < to ? end : to};
        at = end;
    }
    return n;
}

/* Is @t local midnight on the first of a month? */
static int month_edge(const ombud_tz *tz, int64_t t)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    return tm.day == 1 && !tm.hour && !tm.min && !tm.sec;
}

int ombud_months_whole(const ombud_tz *tz, int64_t from, int64_t to)
{
    return to > from && month_edge(tz, from) && month_edge(tz, to);
}

int ombud_months_runs(const int *status, int n, int after,
                      ombud_month_run *out, int max)
{
    int runs = 0;

    for (int i = 0; i < n; i++) {
        int len = 0;
        while (i + len < n && status[i + len] == OMBUD_FAIL)
            len++;
        if (!len)
            continue;
        if (runs < max)
            out[runs] = (ombud_month_run){i, len, after > 0 && len >= after};
        runs++;
        i += len - 1;
    }
    return runs;
}

char *ombud_months_label(const ombud_tz *tz, int64_t from, int64_t to,
                         const char *other, char *buf, size_t size)
{
    ombud_month m[OMBUD_MONTHS_MAX];
    int n = ombud_months_split(tz, from, to, m, OMBUD_MONTHS_MAX);
    ombud_tm a;

    ombud_tm_from_instant(tz, from, &a);
    if (n < 1 || !ombud_months_whole(tz, from, to))
        snprintf(buf, size, "%s", other);
    else if (n == 3 && a.month % 3 == 1)
        snprintf(buf, size, "%04d-Q%d", a.year, (a.month + 2) / 3);
    else if (n == 12 && a.month == 1)
        snprintf(buf, size, "%04d", a.year);
    else
        snprintf(buf, size, "%04d-%02d..%04d-%02d", a.year, a.month,
                 m[n - 1].year, m[n - 1].month);
    return buf;
}
