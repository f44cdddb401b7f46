/*
 * synth.c - the synthetic month's driver, randomness helpers and the
 * buffered writer (see synth.h for what is generated, synth_int.h for the
 * shared model).
 *
 * Speed: ten million call legs are about 1.3 GB of CSV, so formatting is
 * hand-rolled (no printf per field) and each file goes through a 1 MiB
 * buffer. Times are written with their UTC offset; the offset of every
 * quarter hour from a week before the month to ten weeks after it is
 * looked up once through time.h (DST transitions fall on quarter hours in
 * every zone in use), and outside that window time.h is asked directly.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "ombud/diag.h"
#include "synth_int.h"

/* ---- randomness ------------------------------------------------------------ */

/* -ln(1 - i/64) * 4096 for i = 0..63, and the cap -ln(1/1024) * 4096: the
 * exponential's quantiles as integers, so no libm result decides a value. */
static const int32_t exp_q[65] = {
    0, 65, 130, 197, 264, 333, 403, 474, 547, 621, 696, 772, 850, 930, 1011,
    1094, 1178, 1265, 1353, 1443, 1535, 1629, 1725, 1824, 1925, 2029, 2135,
    2244, 2357, 2472, 2591, 2713, 2839, 2969, 3103, 3242, 3386, 3535, 3690,
    3850, 4017, 4192, 4374, 4564, 4764, 4974, 5196, 5430, 5678, 5943, 6225,
    6529, 6857, 7213, 7603, 8035, 8517, 9064, 9696, 10443, 11357, 12535,
    14196, 17035, 28391
};

int64_t synth_exp(uint64_t h, int64_t mean)
{
    int i = (int)(h >> 58);                    /* bucket 0..63 */
    int64_t f = (int64_t)((h >> 42) & 0xFFFF); /* position in it, /65536 */
    int64_t q = exp_q[i] + ((exp_q[i + 1] - exp_q[i]) * f >> 16);

    return mean * q / 4096;
}

int64_t synth_pick(uint64_t h, const synth_bucket *b, int n)
{
    int64_t u = synth_below(h, 1000);
    uint64_t h2 = synth_mix(h);

    for (int i = 0; i < n; i++) {
        if (u < b[i].permille)
            return synth_range(h2, b[i].lo, b[i].hi);
        u -= b[i].permille;
    }
    return synth_range(h2, b[n - 1].lo, b[n - 1].hi);
}

/* ---- local time -------------------------------------------------------------- */

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

/* ---- output -------------------------------------------------------------------- */

ombud_err synth_open(synth_out *w, const synth *s, const char *name)
{
    ombud_err err = OMBUD_OK;

    memset(w, 0, sizeof *w);
    w->s = s;
    w->path = g_build_filename(s->o->dir, name, NULL);
    w->buf = malloc(SYNTH_OUT_BUF);
    w->of = malloc(sizeof *w->of);
    if (!w->buf || !w->of) {
        err = OMBUD_E_NOMEM;
    } else if (!(err = ombud_outfile_open(w->of, w->path)) &&
               !(w->fp = ombud_outfile_stream(w->of))) {
        ombud_outfile_abort(w->of, NULL);
        err = OMBUD_E_NOMEM;
    }
    if (err) {
        g_free(w->path);
        free(w->of);
        free(w->buf);
        memset(w, 0, sizeof *w);
    }
    return err;
}

void synth_flush(synth_out *w)
{
    if (w->len && !w->failed && fwrite(w->buf, 1, w->len, w->fp) != w->len) {
        w->failed = 1;
        w->err = errno;
    }
    w->len = 0;
}

ombud_err synth_close(synth_out *w, ombud_err err)
{
    if (!w->fp)
        return err;
    synth_flush(w);
    if (!err && w->failed)
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s",
                          w->path, strerror(w->err));
    if (err)
        ombud_outfile_abort(w->of, w->fp);
    else
        err = ombud_outfile_commit(w->of, w->fp);   /* flush, fsync, rename */
    g_free(w->path);
    free(w->of);
    free(w->buf);
    memset(w, 0, sizeof *w);
    return err;
}

void synth_str(synth_out *w, const char *str)
{
    size_t n = strlen(str);
    char *p;

    if (n > SYNTH_OUT_BUF / 2)   /* never: the writers' texts are short */
        n = SYNTH_OUT_BUF / 2;
    p = synth_room(w, n);
    memcpy(p, str, n);
    w->len += n;
}

void synth_ch(synth_out *w, char c)
{
    *synth_room(w, 1) = c;
    w->len++;
}

void synth_intw(synth_out *w, int64_t v, int width)
{
    char tmp[24];
    int n = 0;
    uint64_t u = (uint64_t)v;
    char *p;

    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n < width)
        tmp[n++] = '0';
    p = synth_room(w, (size_t)n);
    for (int i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    w->len += (size_t)n;
}

void synth_int(synth_out *w, int64_t v)
{
    if (v < 0) {
        synth_ch(w, '-');
        v = -v;
    }
    synth_intw(w, v, 1);
}

void synth_money(synth_out *w, int64_t cents)
{
    if (cents < 0) {
        synth_ch(w, '-');
        cents = -cents;
    }
    synth_intw(w, cents / 100, 1);
    synth_ch(w, '.');
    synth_intw(w, cents % 100, 2);
}

/* Two digits at p. */
static inline void put2(char *p, int v)
{
    p[0] = (char)('0' + v / 10);
    p[1] = (char)('0' + v % 10);
}

/* The local civil date and time of t into p: "YYYY-MM-DD" then, when
 * @full, "THH:MM:SS+hh:mm". Returns the length. */
static size_t put_time(const synth *s, int64_t t, char *p, int full)
{
    int32_t off = synth_offset(s, t);
    int64_t local = t + off;
    int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    int sec = (int)(local - days * 86400), y, mo, d;
    int aoff = off < 0 ? -off : off;

    ombud_civil_from_days(days, &y, &mo, &d);
    put2(p, y / 100);
    put2(p + 2, y % 100);
    p[4] = '-';
    put2(p + 5, mo);
    p[7] = '-';
    put2(p + 8, d);
    if (!full)
        return 10;
    p[10] = 'T';
    put2(p + 11, sec / 3600);
    p[13] = ':';
    put2(p + 14, sec / 60 % 60);
    p[16] = ':';
    put2(p + 17, sec % 60);
    p[19] = off < 0 ? '-' : '+';
    put2(p + 20, aoff / 3600);
    p[22] = ':';
    put2(p + 23, aoff / 60 % 60);
    return 25;
}

void synth_time(synth_out *w, int64_t t)
{
    if (t == OMBUD_TIME_NONE)
        return;
    w->len += put_time(w->s, t, synth_room(w, 32), 1);
}

void synth_date(synth_out *w, int64_t t)
{
    w->len += put_time(w->s, t, synth_room(w, 16), 0);
}

/* ---- the driver -------------------------------------------------------------- */

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
    if ((err = setup(&s, o)))
        return err;
    c->accounts = s.accounts;
    if (!(err = synth_write_outages(&s, c)) &&
        !(err = synth_write_billing(&s, c)) &&
        !(err = synth_write_service(&s, c)) &&
        !(err = synth_write_lines(&s)))
        err = synth_write_calls(&s, c);
    free(s.offs);
    return err;
}
