/*
 * clock.h - the synthetic month's local time (private to src/synth/): UTC
 * offsets from a table of every quarter hour around the month, built once
 * by synth_clock_init(), and the local day and wall-clock of an instant.
 * Used by the model, the writers and the time formatting in out.c.
 */
#ifndef OMBUD_SYNTH_CLOCK_H
#define OMBUD_SYNTH_CLOCK_H

#include <stdint.h>
#include "ombud/err.h"
#include "synth_int.h"

/**
 * Set s->t0, s->t1 and the offset table from s->tz, s->year, s->month and
 * s->days, which must be set. The table (s->offs) is owned by @p s and
 * freed by synth_clock_free(). Returns OMBUD_OK or OMBUD_E_NOMEM.
 */
ombud_err synth_clock_init(synth *s);
/** Free the offset table; safe after a failed init. */
void synth_clock_free(synth *s);

/** Local wall-clock of @p t: seconds since local midnight, weekday (0 Mon). */
void synth_local(const synth *s, int64_t t, int *sec_of_day, int *wday);
/** UTC offset at @p t (cached table inside the month's range). */
int32_t synth_offset(const synth *s, int64_t t);
/** The local day of @p t, counted from the month's 1st (0). */
int synth_local_day(const synth *s, int64_t t);
/** The instant of local day @p day (0 = the month's 1st) at @p sec local. */
int64_t synth_local_at(const synth *s, int day, int sec);

#endif
