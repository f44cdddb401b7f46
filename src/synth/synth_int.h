/*
 * synth_int.h - what the synthetic-month writers share (private to
 * src/synth/): the month's model (scaled counts, the zone), the hash every
 * random choice comes from, a buffered writer with integer and time
 * formatting, and the outage model that calls, billing and appointments
 * must agree on.
 *
 * Every record is a pure function of (seed, its index): the billing writer
 * recomputes an account's outage instead of remembering it, so nothing
 * grows with N.
 */
#ifndef OMBUD_SYNTH_INT_H
#define OMBUD_SYNTH_INT_H

#include <stdint.h>
#include <stdio.h>
#include "ombud/time.h"
#include "ombud/outfile.h"
#include "ombud/synth.h"

/* Streams: one per kind of choice, so adding a choice never shifts others. */
enum {
    S_ACCOUNT = 1, S_AREA, S_AOUT, S_AREAOUT, S_TCALL, S_BILL, S_APPT, S_ORDER,
    S_CALLS, S_NUMBER
};

/** The month being generated and its scaled sizes. */
typedef struct synth {
    const ombud_synth_opts *o;
    uint64_t seed;
    int64_t rows;          /* call legs N */
    int64_t accounts;      /* A */
    int64_t n_aout;        /* account outages (tickets) */
    int64_t n_areas;
    int64_t n_orders;
    int64_t agents;        /* agents per queue */
    int64_t t0, t1;        /* the month [t0, t1) as instants */
    int year, month, days; /* the month, days in it */
    char tag[8];           /* "2610": in every record id, so that months
                            * generated apart can share one store */
    int64_t perm_mul;      /* account of ticket j: (j * perm_mul + 7) % A */
    int64_t perm_inv;      /* perm_mul's inverse modulo A */
    /* UTC offsets of every quarter hour from off_base, for fast formatting */
    int64_t off_base;
    int32_t *offs;
    int64_t noffs;
    const ombud_tz *tz;
} synth;

/* ---- randomness ------------------------------------------------------------ */

/** splitmix64's finaliser: a bijective mix of 64 bits. */
static inline uint64_t synth_mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/** A 64-bit hash of (seed, stream, a, b): the source of every choice. */
static inline uint64_t synth_hash(const synth *s, uint64_t stream, uint64_t a,
                                  uint64_t b)
{
    return synth_mix(synth_mix(synth_mix(s->seed ^ (stream << 56)) + a) ^
                     (b * 0xD6E8FEB86659FD93ULL));
}

/** A value in [0, n) from hash bits @p h (n > 0; bias below 2^-30). */
static inline int64_t synth_below(uint64_t h, int64_t n)
{
    return (int64_t)((h >> 16) % (uint64_t)n);
}

/** A value in [lo, hi]. */
static inline int64_t synth_range(uint64_t h, int64_t lo, int64_t hi)
{
    return lo + synth_below(h, hi - lo + 1);
}

/** A sequential generator (the call stream). */
typedef struct synth_rng {
    uint64_t state;
} synth_rng;

static inline uint64_t synth_next(synth_rng *r)
{
    r->state += 0x9E3779B97F4A7C15ULL;
    return synth_mix(r->state);
}

/** Exponentially distributed seconds of mean @p mean, from hash bits. */
int64_t synth_exp(uint64_t h, int64_t mean);

/**
 * A value from a table of buckets {permille, lo, hi}: bucket chosen by its
 * share, value uniform in [lo, hi]. The shares must add up to 1000.
 */
typedef struct synth_bucket {
    int permille;
    int64_t lo, hi;
} synth_bucket;
int64_t synth_pick(uint64_t h, const synth_bucket *b, int n);

/* ---- output ---------------------------------------------------------------- */

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

/* ---- the model shared by the writers -------------------------------------- */

/** Local wall-clock of @p t: seconds since local midnight, weekday (0 Mon). */
void synth_local(const synth *s, int64_t t, int *sec_of_day, int *wday);
/** UTC offset at @p t (cached table inside the month's range). */
int32_t synth_offset(const synth *s, int64_t t);
/** The local day of @p t, counted from the month's 1st (0). */
int synth_local_day(const synth *s, int64_t t);
/** The instant of local day @p day (0 = the month's 1st) at @p sec local. */
int64_t synth_local_at(const synth *s, int day, int sec);

/** An outage, as outages.csv shows it. */
typedef struct synth_outage {
    char id[48];
    int64_t account;       /* index, or -1 for area-wide */
    int64_t area;
    int service;           /* 0 voice, 1 internet */
    int64_t start, restored, reported;   /* restored/reported may be NONE */
    int planned;
    int64_t scheduled, notified;         /* NONE when not planned / never */
    int64_t customers;
    const char *exclusion;               /* "" or a contract word */
    const char *cause;
} synth_outage;

extern const char *const synth_services[2];
extern const char *const synth_queues[5];
enum { Q_TECH, Q_REPAIR, Q_BILLING, Q_ESCALATION, Q_RETENTION };

int64_t synth_account_area(const synth *s, int64_t a);
int synth_account_service(const synth *s, int64_t a);
int64_t synth_account_charge(const synth *s, int64_t a);  /* cents */
const char *synth_area_class(const synth *s, int64_t area);
void synth_area_name(int64_t area, char *buf, size_t size);

/** Account of ticket @p j, and its inverse (-1: the account has none). */
int64_t synth_ticket_account(const synth *s, int64_t j);
int64_t synth_account_ticket(const synth *s, int64_t a);

void synth_ticket_outage(const synth *s, int64_t j, synth_outage *out);
/** Number of area-wide outages of area @p r this month (0-3). */
int synth_area_outages(const synth *s, int64_t r);
void synth_area_outage(const synth *s, int64_t r, int k, synth_outage *out);
/** Duration counted for credits: to restoration, or the month's end. */
int64_t synth_outage_seconds(const synth *s, const synth_outage *o);

/** When ticket @p j's outage began (increasing with j). */
int64_t synth_ticket_start(const synth *s, int64_t j);
/**
 * The arrival of ticket @p j's call number @p i (0 = the report), or
 * OMBUD_TIME_NONE when the customer made fewer calls.
 */
int64_t synth_ticket_call(const synth *s, int64_t j, int i);

/* The writers (one file each). */
ombud_err synth_write_calls(const synth *s, ombud_synth_counts *c);
ombud_err synth_write_outages(const synth *s, ombud_synth_counts *c);
ombud_err synth_write_billing(const synth *s, ombud_synth_counts *c);
ombud_err synth_write_service(const synth *s, ombud_synth_counts *c);
ombud_err synth_write_lines(const synth *s);

#endif
