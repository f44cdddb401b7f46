/*
 * synth_int.h - the synthetic month shared by its writers (private to
 * src/synth/): the month's model (scaled counts, the zone), the streams
 * choices are drawn from, the outage model that calls, billing and
 * appointments must agree on (model.c), and the writers synth.c drives.
 * The helpers the writers use have their own headers, which include this
 * one for the type only: rng.h (randomness), clock.h (local time) and
 * out.h (the buffered writer); none of them calls back into a writer.
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
#include "ombud/synth.h"

/* Streams: one per kind of choice, so adding a choice never shifts others. */
enum {
    S_ACCOUNT = 1, S_AREA, S_AOUT, S_AREAOUT, S_TCALL, S_BILL, S_APPT, S_ORDER,
    S_CALLS, S_NUMBER, S_HISTDAY, S_HISTAREA, S_HISTROW
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
    /* UTC offsets of every quarter hour from off_base, for fast formatting
     * (clock.c builds and owns them) */
    int64_t off_base;
    int32_t *offs;
    int64_t noffs;
    const ombud_tz *tz;
} synth;

/* ---- the model shared by the writers -------------------------------------- */

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
/* Instead of the month: the interruption history (history.c). */
ombud_err synth_write_history(const synth *s, ombud_synth_counts *c);

#endif
