/*
 * service.c - appointments.csv and orders.csv of the synthetic month.
 *
 * Appointments: a repair visit for most tickets that lasted over four
 * hours, and an installation visit for three orders in four, booked in a
 * morning (08-12) or afternoon (12-17) window. Most engineers arrive in
 * the window; some arrive late, some never come, some visits are cancelled
 * by the provider hours before, a few by the customer, and sometimes the
 * customer is not home.
 *
 * Orders: new connections ordered from three weeks before the month to
 * its last days, promised in 5-30 days by location class (remote areas
 * wait longest). Most are completed by the promised date, some late, some
 * later at the customer's request, a few are still open. Completions after
 * the month's end are not known yet and stay blank, as in a month's export.
 */
#include <stdio.h>
#include <string.h>

#include "synth_int.h"
#include "rng.h"
#include "clock.h"
#include "out.h"

#define HOUR 3600
#define DAY 86400

/* Write one appointment for @p ref (kind repair/install) booked at @p booked
 * for local day @p day, its fate drawn from @p h. */
static void appointment(synth_out *w, const synth *s, const char *id,
                        int64_t account, const char *ref, const char *kind,
                        int64_t booked, int day, uint64_t h)
{
    int morning = synth_below(h, 2) == 0;
    int64_t ws = synth_local_at(s, day, morning ? 8 * HOUR : 12 * HOUR);
    int64_t we = synth_local_at(s, day, morning ? 12 * HOUR : 17 * HOUR);
    int64_t u = synth_below(synth_mix(h), 100), len = we - ws;
    int64_t arrived = OMBUD_TIME_NONE, cancelled = OMBUD_TIME_NONE;
    const char *by = "", *absent = "no";
    uint64_t h2 = synth_mix(h + 1);

    if (u < 72 || u >= 97) {
        arrived = ws + synth_below(h2, len);
    } else if (u < 80) {
        arrived = we + synth_range(h2, 15 * 60, 2 * HOUR);     /* late */
    } else if (u < 86) {
        ;                                                      /* no-show */
    } else if (u < 91) {
        cancelled = ws - synth_range(h2, HOUR, 20 * HOUR);     /* provider */
        by = "provider";
    } else if (u < 94) {
        cancelled = booked + (ws - booked) / 2;                /* customer */
        by = "customer";
    } else {
        arrived = ws + synth_below(h2, len);                   /* not home */
        absent = "yes";
    }
    if (cancelled != OMBUD_TIME_NONE && cancelled <= booked)
        cancelled = booked + 600;
    synth_str(w, id);
    synth_str(w, ",ACC-");
    synth_intw(w, account + 1, 7);
    synth_ch(w, ',');
    synth_str(w, ref);
    synth_ch(w, ',');
    synth_str(w, kind);
    synth_ch(w, ',');
    synth_time(w, booked);
    synth_ch(w, ',');
    synth_time(w, ws);
    synth_ch(w, ',');
    synth_time(w, we);
    synth_ch(w, ',');
    synth_time(w, arrived);
    synth_ch(w, ',');
    synth_time(w, cancelled);
    synth_ch(w, ',');
    synth_str(w, by);
    synth_ch(w, ',');
    synth_str(w, absent);
    synth_eol(w);
}

/* The first bookable day: the day after the booking. */
static int first_day(const synth *s, int64_t booked)
{
    return synth_local_day(s, booked) + 1;
}

static void repair_visits(synth_out *w, const synth *s)
{
    synth_outage o;
    char id[48];

    for (int64_t j = 0; j < s->n_aout; j++) {
        uint64_t h = synth_hash(s, S_APPT, (uint64_t)j, 0);
        int64_t booked;

        synth_ticket_outage(s, j, &o);
        if (o.planned || synth_outage_seconds(s, &o) <= 4 * HOUR ||
            synth_below(h, 100) >= 80)
            continue;
        booked = (o.reported == OMBUD_TIME_NONE ? o.start + HOUR : o.reported)
                 + synth_range(synth_mix(h), 10 * 60, 40 * 60);
        snprintf(id, sizeof id, "APT-R%s-%07lld", s->tag, (long long)(j + 1));
        appointment(w, s, id, o.account, o.id, "repair", booked,
                    first_day(s, booked), synth_mix(h + 1));
    }
}

/* ---- orders -------------------------------------------------------------------------- */

typedef struct order {
    char id[48];
    int64_t account, area;
    int service;
    int64_t ordered, promised, completed;   /* promised: local midnight */
    int later;                              /* customer asked for later */
    const char *exclusion;
} order;

static void make_order(const synth *s, int64_t i, order *od)
{
    uint64_t h = synth_hash(s, S_ORDER, (uint64_t)i, 0);
    const char *cls;
    int64_t lead, u = synth_below(synth_hash(s, S_ORDER, (uint64_t)i, 1), 100);
    int pday, sec, wday;
    int64_t t;

    memset(od, 0, sizeof *od);
    snprintf(od->id, sizeof od->id, "ORD-%s-%07lld", s->tag, (long long)(i + 1));
    od->account = s->accounts + i;             /* new customers */
    od->area = synth_below(h, s->n_areas);
    od->service = (int)synth_below(synth_mix(h), 2);
    od->exclusion = "";
    od->completed = OMBUD_TIME_NONE;
    t = s->t0 - 21 * DAY + synth_below(synth_mix(h + 1), s->t1 - s->t0 + 16 * DAY);
    synth_local(s, t, &sec, &wday);
    od->ordered = t - sec + 8 * HOUR + sec % (10 * HOUR);  /* office hours */
    cls = synth_area_class(s, od->area);
    lead = !strcmp(cls, "urban") ? 5 : !strcmp(cls, "major_rural") ? 10
           : !strcmp(cls, "minor_rural") ? 15 : 20;
    pday = synth_local_day(s, od->ordered) +
           (int)synth_range(synth_mix(h + 2), lead, lead + 10);
    od->promised = synth_local_at(s, pday, 0);
    sec = (int)synth_range(synth_mix(h + 3), 9 * HOUR, 17 * HOUR);
    if (u < 68)
        t = synth_local_at(s, pday - (int)synth_range(synth_mix(h + 4), 0, 3), sec);
    else if (u < 83)
        t = synth_local_at(s, pday + (int)synth_range(synth_mix(h + 4), 1, 20), sec);
    else if (u < 88) {
        od->later = 1;
        t = synth_local_at(s, pday + (int)synth_range(synth_mix(h + 4), 5, 25), sec);
    } else if (u < 90) {
        od->exclusion = "no_access";
        t = synth_local_at(s, pday + (int)synth_range(synth_mix(h + 4), 3, 10), sec);
    } else {
        t = OMBUD_TIME_NONE;                   /* still open */
    }
    if (t != OMBUD_TIME_NONE && t <= od->ordered)
        t = od->ordered + DAY;
    if (t != OMBUD_TIME_NONE && t < s->t1)
        od->completed = t;
}

static void write_order(synth_out *w, const synth *s, const order *od)
{
    char area[64];

    synth_area_name(od->area, area, sizeof area);
    synth_str(w, od->id);
    synth_str(w, ",ACC-");
    synth_intw(w, od->account + 1, 7);
    synth_ch(w, ',');
    synth_str(w, synth_services[od->service]);
    synth_ch(w, ',');
    synth_str(w, area);
    synth_ch(w, ',');
    synth_str(w, synth_area_class(s, od->area));
    synth_ch(w, ',');
    synth_time(w, od->ordered);
    synth_ch(w, ',');
    synth_date(w, od->promised);
    synth_ch(w, ',');
    synth_time(w, od->completed);
    synth_str(w, od->later ? ",yes," : ",no,");
    synth_str(w, od->exclusion);
    synth_eol(w);
}

static void install_visits(synth_out *w, const synth *s)
{
    order od;
    char id[48];

    for (int64_t i = 0; i < s->n_orders; i++) {
        uint64_t h = synth_hash(s, S_APPT, (uint64_t)i, 1);
        int day;

        if (synth_below(h, 100) >= 75)
            continue;
        make_order(s, i, &od);
        day = synth_local_day(s, od.promised) - 1;
        if (day < first_day(s, od.ordered + HOUR))
            day = first_day(s, od.ordered + HOUR);
        snprintf(id, sizeof id, "APT-I%s-%07lld", s->tag, (long long)(i + 1));
        appointment(w, s, id, od.account, od.id, "install", od.ordered + HOUR,
                    day, synth_mix(h + 1));
    }
}

ombud_err synth_write_service(const synth *s, ombud_synth_counts *c)
{
    synth_out w;
    order od;
    ombud_err err;

    if ((err = synth_open(&w, s, "appointments.csv")))
        return err;
    synth_str(&w, "appointment_id,account_id,reference,kind,booked_at,"
              "window_start,window_end,arrived_at,cancelled_at,cancelled_by,"
              "customer_absent\n");
    repair_visits(&w, s);
    install_visits(&w, s);
    c->appointments = w.rows;
    if ((err = synth_close(&w, OMBUD_OK)))
        return err;

    if ((err = synth_open(&w, s, "orders.csv")))
        return err;
    synth_str(&w, "order_id,account_id,service,area,location_class,ordered_at,"
              "promised_at,completed_at,customer_requested_later,exclusion\n");
    for (int64_t i = 0; i < s->n_orders; i++) {
        make_order(s, i, &od);
        write_order(&w, s, &od);
    }
    c->orders = w.rows;
    return synth_close(&w, OMBUD_OK);
}
