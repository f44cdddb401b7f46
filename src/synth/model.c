/*
 * model.c - the synthetic month's accounts, areas, outages and the calls a
 * customer makes about a ticket: pure functions of (seed, index), so the
 * outage, call, billing and appointment writers agree without sharing
 * memory.
 *
 * Durations follow what carriers report: most faults are cleared within
 * hours, a tail runs past a day (storms, cable cuts, a missed engineer
 * visit) and a few past a week. Area-wide outages are shorter but touch
 * hundreds to tens of thousands of customers, enough for some to pass the
 * FCC's 900,000 user-minute threshold.
 */
#include <stdio.h>
#include <string.h>

#include "synth_int.h"
#include "rng.h"
#include "clock.h"

const char *const synth_services[2] = {"voice", "internet"};
const char *const synth_queues[5] = {"tech_support", "repair", "billing",
                                     "escalation", "retention"};

#define HOUR 3600
#define DAY 86400

/* ---- accounts and areas ------------------------------------------------------ */

int64_t synth_account_area(const synth *s, int64_t a)
{
    return synth_below(synth_hash(s, S_ACCOUNT, (uint64_t)a, 1), s->n_areas);
}

int synth_account_service(const synth *s, int64_t a)
{
    return synth_below(synth_hash(s, S_ACCOUNT, (uint64_t)a, 2), 100) < 45
           ? 0 : 1;
}

int64_t synth_account_charge(const synth *s, int64_t a)
{
    int64_t u = synth_below(synth_hash(s, S_ACCOUNT, (uint64_t)a, 3), 100);

    if (synth_account_service(s, a) == 0)
        return u < 40 ? 3499 : 6499;
    return u < 35 ? 4999 : u < 75 ? 6999 : 8999;
}

const char *synth_area_class(const synth *s, int64_t area)
{
    int64_t u = synth_below(synth_hash(s, S_AREA, (uint64_t)area, 1), 100);

    return u < 65 ? "urban" : u < 83 ? "major_rural" : u < 95 ? "minor_rural"
           : "remote";
}

void synth_area_name(int64_t area, char *buf, size_t size)
{
    static const char *const names[] = {
        "Maple Heights", "Oakridge", "Westfield", "Cedar Falls", "Riverbend",
        "Pine Hollow", "Lakeside", "Granite Bay", "Willow Creek", "Harbor View",
        "Sunnyslope", "Elm Park", "Ashford", "Bayshore", "Quarry Hill",
        "Redwood Flat", "Mill Valley", "Stonegate", "Fox Run", "Juniper Mesa"
    };
    int n = (int)(sizeof names / sizeof *names);

    if (area < n)
        snprintf(buf, size, "%s", names[area]);
    else
        snprintf(buf, size, "%s %lld", names[area % n], (long long)(area / n + 1));
}

int64_t synth_ticket_account(const synth *s, int64_t j)
{
    return (j % s->accounts * s->perm_mul + 7) % s->accounts;
}

int64_t synth_account_ticket(const synth *s, int64_t a)
{
    int64_t j = ((a - 7) % s->accounts + s->accounts) % s->accounts
                * s->perm_inv % s->accounts;

    return j < s->n_aout ? j : -1;
}

/* ---- account outages (trouble tickets) ---------------------------------------- */

/* Repair times of a carrier that fails the repair standards: a quarter of
 * tickets take more than 24 h (GO 133-D wants 90% within 24 h; a carrier
 * reported 52.7% in 2017), a tenth more than 3 days. */
static const synth_bucket ticket_durations[] = {
    {220, 10 * 60, HOUR}, {250, HOUR, 4 * HOUR}, {170, 4 * HOUR, 12 * HOUR},
    {110, 12 * HOUR, 24 * HOUR}, {160, 24 * HOUR, 72 * HOUR},
    {90, 72 * HOUR, 240 * HOUR}
};

/* Start, restoration (NONE = still open) and planned flag of ticket j. */
static void ticket_base(const synth *s, int64_t j, int64_t *start,
                        int64_t *restored, int *planned)
{
    int64_t span = s->t1 - s->t0, step = span / s->n_aout;
    uint64_t h = synth_hash(s, S_AOUT, (uint64_t)j, 0);

    if (step < 1)
        step = 1;
    /* Spread over the month in index order, so the call writer meets the
     * tickets in time order. */
    *start = s->t0 + j * span / s->n_aout + synth_below(h, step);
    *planned = synth_below(synth_hash(s, S_AOUT, (uint64_t)j, 1), 1000) < 30;
    *restored = *start + synth_pick(synth_hash(s, S_AOUT, (uint64_t)j, 2),
                                    ticket_durations, 6);
    if (synth_below(synth_hash(s, S_AOUT, (uint64_t)j, 3), 1000) < 10)
        *restored = OMBUD_TIME_NONE;
}

/* A call at night is moved to the morning by most customers. */
static int64_t daytime(const synth *s, int64_t t, uint64_t h)
{
    int sec, wday;

    synth_local(s, t, &sec, &wday);
    if (sec < 7 * HOUR && synth_below(h, 10) < 7)
        t += 7 * HOUR - sec + synth_below(synth_mix(h), 90 * 60);
    return t;
}

static const synth_bucket report_delays[] = {
    {400, 5 * 60, 30 * 60}, {350, 30 * 60, 3 * HOUR}, {250, 3 * HOUR, 12 * HOUR}
};
static const synth_bucket calls_per_ticket[] = {
    {500, 1, 2}, {300, 3, 5}, {150, 6, 9}, {50, 10, 22}
};

int64_t synth_ticket_start(const synth *s, int64_t j)
{
    int64_t start, restored;
    int planned;

    ticket_base(s, j, &start, &restored, &planned);
    return start;
}

int64_t synth_ticket_call(const synth *s, int64_t j, int i)
{
    int64_t start, restored, end, t, n, cap;
    int planned;

    ticket_base(s, j, &start, &restored, &planned);
    end = restored == OMBUD_TIME_NONE ? s->t1 : restored;
    t = start + synth_pick(synth_hash(s, S_TCALL, (uint64_t)j, 0),
                           report_delays, 3);
    t = daytime(s, t, synth_hash(s, S_TCALL, (uint64_t)j, 1));
    n = synth_pick(synth_hash(s, S_TCALL, (uint64_t)j, 2), calls_per_ticket, 4);
    cap = 1 + (end - start) / (3 * HOUR);
    if (n > cap)
        n = cap;
    if (i >= n)
        return OMBUD_TIME_NONE;
    for (int k = 1; k <= i; k++) {
        uint64_t h = synth_hash(s, S_TCALL, (uint64_t)j, 10 + (uint64_t)k);
        int64_t left = end - t, gap;

        if (left < HOUR)
            left = HOUR;
        /* Calls come back at about even spacing until restoration. */
        gap = left / (n - k + 1) * synth_range(h, 50, 150) / 100;
        if (gap < 20 * 60)
            gap = 20 * 60;
        t = daytime(s, t + gap, synth_mix(h));
    }
    if (t >= s->t1 || (restored != OMBUD_TIME_NONE && t > restored + HOUR))
        return OMBUD_TIME_NONE;
    return t;
}

void synth_ticket_outage(const synth *s, int64_t j, synth_outage *o)
{
    static const char *const causes[] = {
        "Drop cable damaged", "ONT failure", "Line card fault at exchange",
        "Water in joint", "Faulty modem replaced", "Copper pair fault"
    };
    uint64_t h = synth_hash(s, S_AOUT, (uint64_t)j, 4);
    int64_t u = synth_below(h, 1000);

    memset(o, 0, sizeof *o);
    snprintf(o->id, sizeof o->id, "TT-%s-%07lld", s->tag, (long long)(j + 1));
    o->account = synth_ticket_account(s, j);
    o->area = synth_account_area(s, o->account);
    o->service = synth_account_service(s, o->account);
    ticket_base(s, j, &o->start, &o->restored, &o->planned);
    o->reported = synth_ticket_call(s, j, 0);
    o->scheduled = o->notified = OMBUD_TIME_NONE;
    o->customers = 1;
    o->exclusion = "";
    o->cause = causes[synth_below(synth_mix(h), 6)];
    if (o->planned) {
        /* A line migration: often cut before the announced time, and
         * announced late or never (the founding case). */
        uint64_t h2 = synth_hash(s, S_AOUT, (uint64_t)j, 5);
        o->cause = "Planned copper-to-fibre cutover";
        o->scheduled = o->start + (synth_below(h2, 2) ? 0
                       : synth_range(synth_mix(h2), HOUR, 26 * HOUR));
        if (synth_below(synth_mix(h2 + 1), 2))
            o->notified = o->scheduled - synth_range(synth_mix(h2 + 2),
                                                     2 * HOUR, 10 * DAY);
        if (o->notified != OMBUD_TIME_NONE && o->scheduled == o->start &&
            o->scheduled - o->notified >= DAY)
            o->exclusion = "planned_notified";
        return;
    }
    if (u < 40) {
        o->exclusion = "customer_caused";
        o->cause = "Inside wiring cut by customer";
    } else if (u < 70) {
        o->exclusion = "no_access";
    } else if (u < 90) {
        o->exclusion = "customer_requested_later";
    }
}

/* ---- area-wide outages ----------------------------------------------------------- */

int synth_area_outages(const synth *s, int64_t r)
{
    int64_t u = synth_below(synth_hash(s, S_AREA, (uint64_t)r, 2), 100);

    return u < 25 ? 0 : u < 60 ? 1 : u < 85 ? 2 : 3;
}

static const synth_bucket area_durations[] = {
    {300, 5 * 60, 30 * 60}, {350, 30 * 60, 2 * HOUR}, {200, 2 * HOUR, 6 * HOUR},
    {100, 6 * HOUR, 24 * HOUR}, {50, 24 * HOUR, 96 * HOUR}
};
static const synth_bucket area_customers[] = {
    {350, 20, 500}, {400, 500, 5000}, {180, 5000, 25000}, {70, 25000, 90000}
};

/* Planned work: at night, announced days ahead, late, or never; a few
 * started early or ran long. */
static void planned_work(const synth *s, int64_t r, int k, synth_outage *o)
{
    uint64_t h = synth_hash(s, S_AREAOUT, (uint64_t)r * 4 + (uint64_t)k, 10);
    int64_t u = synth_below(h, 100), v = synth_below(synth_mix(h), 100);
    int day = (int)synth_below(synth_mix(h + 1), s->days);

    o->planned = 1;
    o->cause = "Scheduled network maintenance";
    o->scheduled = synth_local_at(s, day, (int)synth_range(synth_mix(h + 2), 0, 8)
                                  * 1800);
    o->start = o->scheduled;
    if (u < 8)
        o->start -= synth_range(synth_mix(h + 3), HOUR, 20 * HOUR);
    else if (u < 20)
        o->start += synth_range(synth_mix(h + 3), 0, 2 * HOUR);
    o->restored = o->start + (synth_below(synth_mix(h + 4), 100) < 5
                              ? synth_range(synth_mix(h + 5), 8 * HOUR, 30 * HOUR)
                              : synth_range(synth_mix(h + 5), HOUR, 6 * HOUR));
    if (v < 72)
        o->notified = o->scheduled - synth_range(synth_mix(h + 6), 2 * DAY,
                                                 10 * DAY);
    else if (v < 88)
        o->notified = o->scheduled - synth_range(synth_mix(h + 6), 2 * HOUR,
                                                 20 * HOUR);
    if (o->notified != OMBUD_TIME_NONE && o->start >= o->scheduled &&
        o->scheduled - o->notified >= DAY)
        o->exclusion = "planned_notified";
}

void synth_area_outage(const synth *s, int64_t r, int k, synth_outage *o)
{
    uint64_t key = (uint64_t)r * 4 + (uint64_t)k;
    uint64_t h = synth_hash(s, S_AREAOUT, key, 0);

    memset(o, 0, sizeof *o);
    snprintf(o->id, sizeof o->id, "OUT-%s-%05lld-%d", s->tag, (long long)(r + 1),
             (k & 3) + 1);
    o->account = -1;
    o->area = r;
    o->service = (int)synth_below(synth_hash(s, S_AREAOUT, key, 1), 2);
    o->customers = synth_pick(synth_hash(s, S_AREAOUT, key, 2),
                              area_customers, 4);
    o->scheduled = o->notified = o->reported = OMBUD_TIME_NONE;
    o->exclusion = "";
    if (synth_below(h, 100) < 22) {
        planned_work(s, r, k, o);
        return;
    }
    o->cause = "Fibre cut";
    o->start = s->t0 + synth_below(synth_hash(s, S_AREAOUT, key, 3),
                                   s->t1 - s->t0);
    o->restored = o->start + synth_pick(synth_hash(s, S_AREAOUT, key, 4),
                                        area_durations, 5);
    o->reported = o->start + synth_range(synth_hash(s, S_AREAOUT, key, 5),
                                         2 * 60, 40 * 60);
    if (o->restored - o->start > DAY &&
        synth_below(synth_hash(s, S_AREAOUT, key, 6), 100) < 30) {
        o->exclusion = "catastrophic";
        o->cause = "Storm damage to aerial cable";
    } else if (synth_below(synth_hash(s, S_AREAOUT, key, 6), 100) < 3) {
        o->exclusion = "force_majeure";
        o->cause = "Wildfire evacuation zone";
    }
    if (o->start > s->t1 - 5 * DAY &&
        synth_below(synth_hash(s, S_AREAOUT, key, 7), 100) < 10)
        o->restored = OMBUD_TIME_NONE;
}

int64_t synth_outage_seconds(const synth *s, const synth_outage *o)
{
    return (o->restored == OMBUD_TIME_NONE ? s->t1 : o->restored) - o->start;
}
