/*
 * clock.c - the synthetic month's local time (see clock.h).
 *
 * Times are written with their UTC offset; the offset of every quarter
 * hour from a week before the month to ten weeks after it is looked up
 * once through time.h (DST transitions fall on quarter hours in every zone
 * in use), and outside that window time.h is asked directly.
 */
#include <stdlib.h>

#include "clock.h"

#define QUARTER 900

int32_t synth_offset(const synth *s, int64_t t)
{
    int64_t i = (t - s->off_base) / QUARTER;

    if (t >= s->off_base && i < s->noffs)
        return s->offs[i];
    return ombud_tz_offset_at(s->tz, t);
}

void synth_local(const synth *s, int64_t t, int *sec_of_day, int *wday)
{
    int64_t local = t + synth_offset(s, t);
    int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;

    *sec_of_day = (int)(local - days * 86400);
    /* 1970-01-01 was a Thursday (3 in ISO order from Monday = 0). */
    *wday = (int)(((days % 7) + 7 + 3) % 7);
}

int synth_local_day(const synth *s, int64_t t)
{
    int64_t local = t + synth_offset(s, t);
    int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;

    return (int)(days - ombud_days_from_civil(s->year, s->month, 1));
}

int64_t synth_local_at(const synth *s, int day, int sec)
{
    int64_t local = (ombud_days_from_civil(s->year, s->month, 1) + day) * 86400
                    + sec;
    return ombud_tz_local_to_utc(s->tz, local, NULL);
}

ombud_err synth_clock_init(synth *s)
{
    s->t0 = synth_local_at(s, 0, 0);
    s->t1 = synth_local_at(s, s->days, 0);
    s->off_base = s->t0 - 7 * 86400;
    s->noffs = (s->t1 - s->off_base + 70 * 86400) / QUARTER;
    if (!(s->offs = malloc((size_t)s->noffs * sizeof *s->offs)))
        return OMBUD_E_NOMEM;
    for (int64_t i = 0; i < s->noffs; i++)
        s->offs[i] = ombud_tz_offset_at(s->tz, s->off_base + i * QUARTER);
    return OMBUD_OK;
}

void synth_clock_free(synth *s)
{
    free(s->offs);
    s->offs = NULL;
}
