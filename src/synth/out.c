/*
 * out.c - the synthetic month's buffered writer (see out.h).
 *
 * Speed: ten million call legs are about 1.3 GB of CSV, so formatting is
 * hand-rolled (no printf per field) and each file goes through a 1 MiB
 * buffer; times take their offset from clock.c's table.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/diag.h"
#include "clock.h"
#include "out.h"

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
