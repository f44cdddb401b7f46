/*
 * out.h - the synthetic month's buffered writer (private to src/synth/):
 * one output file written privately (outfile.h) and renamed into place
 * when closed, with hand-rolled integer, money and time formatting.
 */
#ifndef OMBUD_SYNTH_OUT_H
#define OMBUD_SYNTH_OUT_H

#include <stdint.h>
#include <stdio.h>
#include "ombud/err.h"
#include "ombud/outfile.h"
#include "synth_int.h"

/** A buffered output file written privately (outfile.h) and renamed when closed. */
typedef struct synth_out {
    FILE *fp;
    char *path;            /* final name (owned) */
    ombud_outfile *of;     /* its private temporary (owned) */
    char *buf;             /* OUT_BUF bytes (owned) */
    size_t len;
    int failed;            /* a write failed (errno kept in err) */
    int err;
    const synth *s;
    int64_t rows;          /* data lines written */
} synth_out;

/**
 * Open @p name in the month's output folder. @p s is borrowed and must
 * outlive @p w; @p name is copied. On failure @p w is left zeroed and
 * needs no close. Returns OMBUD_OK, OMBUD_E_NOMEM or OMBUD_E_CANTCREAT.
 */
ombud_err synth_open(synth_out *w, const synth *s, const char *name);
/** Flush, close and rename into place (or remove the temporary on failure). */
ombud_err synth_close(synth_out *w, ombud_err err);
void synth_flush(synth_out *w);

#define SYNTH_OUT_BUF (1 << 20)

/* Make room for @n more bytes. */
static inline char *synth_room(synth_out *w, size_t n)
{
    if (w->len + n > SYNTH_OUT_BUF)
        synth_flush(w);
    return w->buf + w->len;
}

void synth_str(synth_out *w, const char *str);
void synth_ch(synth_out *w, char c);
void synth_int(synth_out *w, int64_t v);
/** @p v zero-padded to @p width digits (v >= 0). */
void synth_intw(synth_out *w, int64_t v, int width);
/** Cents as "64.99" / "-3.05". */
void synth_money(synth_out *w, int64_t cents);
/** "2026-10-14T16:40:12-07:00" in the month's zone; nothing for NONE. */
void synth_time(synth_out *w, int64_t t);
/** "2026-10-14": the local date of @p t. */
void synth_date(synth_out *w, int64_t t);
/** End a data line. */
static inline void synth_eol(synth_out *w)
{
    synth_ch(w, '\n');
    w->rows++;
}

#endif
