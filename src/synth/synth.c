/*
 * synth.c - the synthetic month's driver (see synth.h for what is
 * generated, synth_int.h for the shared model): scales every count from
 * the call legs N, then runs the writers one file after another. It only
 * calls down, into the writers, rng.h and clock.h; nothing calls back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/diag.h"
#include "synth_int.h"
#include "rng.h"
#include "clock.h"

static int64_t gcd(int64_t a, int64_t b)
{
    while (b) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* The inverse of a modulo m (gcd(a, m) = 1), by extended Euclid. */
static int64_t inverse_mod(int64_t a, int64_t m)
{
    int64_t t = 0, nt = 1, r = m, nr = a % m;

    while (nr) {
        int64_t q = r / nr, x;
        x = t - q * nt; t = nt; nt = x;
        x = r - q * nr; r = nr; nr = x;
    }
    return t < 0 ? t + m : t;
}

/* Scale every count from N (the ratios are documented in synth.h). */
static ombud_err setup(synth *s, const ombud_synth_opts *o)
{
    memset(s, 0, sizeof *s);
    s->o = o;
    s->seed = synth_mix(o->seed ^ 0x6F6D627564ULL);   /* "ombud" */
    s->rows = o->rows;
    s->tz = o->tz;
    s->year = o->year;
    s->month = o->month;
    snprintf(s->tag, sizeof s->tag, "%02d%02d", o->year % 100, o->month);
    s->days = ombud_days_in_month(o->year, o->month);
    s->accounts = o->rows / 4 < 50 ? 50 : o->rows / 4;
    s->n_aout = o->rows / 50 < 2 ? 2 : o->rows / 50;
    s->n_areas = s->accounts / 1000 < 20 ? 20 : s->accounts / 1000;
    s->n_orders = o->rows / 100 < 10 ? 10 : o->rows / 100;
    s->agents = o->rows / 2000 < 12 ? 12 : o->rows / 2000;
    /* A multiplier coprime with A spreads tickets over the accounts. */
    s->perm_mul = (s->accounts * 618 / 1000) | 1;
    while (gcd(s->perm_mul, s->accounts) != 1)
        s->perm_mul += 2;
    s->perm_inv = inverse_mod(s->perm_mul, s->accounts);
    return synth_clock_init(s);
}

ombud_err ombud_synth_write(const ombud_synth_opts *o, ombud_synth_counts *c)
{
    synth s;
    ombud_synth_counts tmp;
    ombud_err err;

    if (!c)
        c = &tmp;
    memset(c, 0, sizeof *c);
    if (o->rows < OMBUD_SYNTH_MIN_ROWS || o->rows > OMBUD_SYNTH_MAX_ROWS)
        return ombud_error(OMBUD_E_USAGE, NULL, "rows out of range");
    if (o->history_years < 0 || o->history_years > OMBUD_SYNTH_MAX_HISTORY_YEARS
        || o->year - o->history_years <= OMBUD_YEAR_MIN)
        return ombud_error(OMBUD_E_USAGE, NULL, "history years out of range");
    if ((err = setup(&s, o)))
        return err;
    if (o->history_years > 0) {
        err = synth_write_history(&s, c);
        synth_clock_free(&s);
        return err;
    }
    c->accounts = s.accounts;
    if (!(err = synth_write_outages(&s, c)) &&
        !(err = synth_write_billing(&s, c)) &&
        !(err = synth_write_service(&s, c)) &&
        !(err = synth_write_lines(&s)))
        err = synth_write_calls(&s, c);
    synth_clock_free(&s);
    return err;
}
