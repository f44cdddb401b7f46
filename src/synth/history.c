/*
 * history.c - an electric utility's interruption history (`ombud synth
 * --history-years Y`): outages.csv over the Y years before the month and
 * the month itself, and customers.csv with a count per area and year, the
 * input of the reliability kind's major event days (IEEE 1366 2.5 beta).
 *
 * Exactly N rows (--rows) are written. Each local day gets a weight, a
 * log-normal factor (sigma 0.7, from an integer table of quantiles) so
 * that the daily SAIDI is log-normal as the 2.5 beta method assumes; about
 * 6 days in 1000 of the history are storms, weighted 20 times and with
 * longer, larger interruptions, so the method finds major event days in
 * the history too. N - HIST_AREAS rows are shared out over the days in
 * proportion to their weights (cumulative floors, so they add up to
 * exactly that), and the month's 14th is a planted storm: besides its
 * share it has one row per area hitting every customer served there for
 * 20 hours or more, so that day's system SAIDI is at least 1200 minutes
 * whatever the seed, far above any T_MED the history gives.
 *
 * Customers served scale with N (about 300 per yearly interruption row,
 * at least 12,000 per area) so the yearly SAIFI stays near 1, and grow
 * 0.5 to 2.5 % a year, one customers.csv row per area from the history's
 * first day and on each anniversary up to the month's 1st.
 *
 * Memory: one weight per day (20 years are 7,336 of them); rows are
 * written as they are drawn, each a function of (seed, its index).
 */
#include <stdlib.h>
#include <string.h>

#include "synth_int.h"
#include "rng.h"
#include "clock.h"
#include "out.h"

#define MIN 60
#define HOUR 3600
/* Areas of the utility (synth_area_name's first ones). */
#define HIST_AREAS 8
/* The planted storm: the month's 14th (day index 13). */
#define STORM_DAY 13
/* Storms in the history: per mille of days, and their weight factor. */
#define STORM_PERMILLE 6
#define STORM_WEIGHT 20

/* exp(0.7 z) x 1000 at the midpoints of 64 equal slices of the normal
 * distribution: the daily factor, log-normal with sigma 0.7, as integers
 * so no libm result decides a value. */
static const int16_t lognormal_q[64] = {
    184, 249, 291, 326, 356, 384, 410, 435, 459, 482, 504, 526, 548, 570,
    591, 613, 634, 656, 678, 699, 721, 743, 766, 789, 812, 835, 859, 883,
    908, 934, 960, 986, 1014, 1042, 1071, 1101, 1132, 1164, 1197, 1232,
    1268, 1306, 1345, 1386, 1430, 1476, 1525, 1576, 1631, 1691, 1755, 1824,
    1899, 1983, 2076, 2180, 2299, 2437, 2602, 2805, 3067, 3432, 4020, 5432
};

/* Durations: 13 % momentary (under 5 minutes, so momentary whether
 * sustained_over is 5m or 4m59s), most sustained ones cleared in hours. */
static const synth_bucket durations[] = {
    {130, 5, 299}, {300, 6 * MIN, HOUR}, {350, HOUR, 3 * HOUR},
    {170, 3 * HOUR, 8 * HOUR}, {50, 8 * HOUR, 24 * HOUR}
};
static const synth_bucket storm_durations[] = {
    {50, 5, 299}, {250, HOUR, 6 * HOUR}, {400, 6 * HOUR, 24 * HOUR},
    {300, 24 * HOUR, 72 * HOUR}
};
/* Customers: a service drop, a transformer, a lateral, a feeder. */
static const synth_bucket customers[] = {
    {450, 1, 20}, {300, 20, 200}, {180, 200, 1500}, {70, 1500, 8000}
};
static const synth_bucket storm_customers[] = {
    {200, 20, 200}, {400, 200, 1500}, {300, 1500, 8000}, {100, 8000, 30000}
};
static const char *const causes[] = {
    "tree contact", "animal", "equipment failure", "vehicle", "lightning",
    "overload", "unknown"
};

/* The history's days, and what the rows need of them. */
typedef struct hist {
    const synth *s;
    int first;            /* first day, counted from the month's 1st (< 0) */
    int ndays;            /* days up to the month's end */
    int years;
    int64_t *weight;      /* per day (owned) */
    int64_t total;        /* sum of weights */
    int64_t served[HIST_AREAS];   /* in the history's first year */
    int64_t growth[HIST_AREAS];   /* per mille a year */
    int64_t j;            /* rows written so far (the next row's index) */
} hist;

static int is_storm(const hist *h, int day)
{
    if (day >= 0)
        return day == STORM_DAY;
    return synth_below(synth_hash(h->s, S_HISTDAY, (uint64_t)(day - h->first),
                                  1), 1000) < STORM_PERMILLE;
}

static int64_t day_weight(const hist *h, int day)
{
    uint64_t x = synth_hash(h->s, S_HISTDAY, (uint64_t)(day - h->first), 0);
    int64_t w = lognormal_q[x >> 58] * (970 + synth_below(x, 61)) / 1000;

    return is_storm(h, day) ? w * STORM_WEIGHT : w;
}

/* Customers of area @r in year @i of the history (0 = the first). */
static int64_t served_in(const hist *h, int r, int i)
{
    return h->served[r] + h->served[r] * h->growth[r] * i / 1000;
}

/* The history year day @day falls in: anniversaries of the first day. */
static int year_of(const hist *h, int day)
{
    const synth *s = h->s;
    int64_t d = ombud_days_from_civil(s->year, s->month, 1) + day;
    int i = 0;

    while (i < h->years &&
           d >= ombud_days_from_civil(s->year - h->years + i + 1, s->month, 1))
        i++;
    return i;
}

static ombud_err hist_init(hist *h, const synth *s, int years)
{
    int64_t base0 = ombud_days_from_civil(s->year, s->month, 1), per_year;

    memset(h, 0, sizeof *h);
    h->s = s;
    h->years = years;
    h->first = (int)(ombud_days_from_civil(s->year - years, s->month, 1) - base0);
    h->ndays = s->days - h->first;
    if (!(h->weight = malloc((size_t)h->ndays * sizeof *h->weight)))
        return OMBUD_E_NOMEM;
    for (int k = 0; k < h->ndays; k++) {
        h->weight[k] = day_weight(h, h->first + k);
        h->total += h->weight[k];
    }
    per_year = s->rows * 365 / h->ndays;
    for (int r = 0; r < HIST_AREAS; r++) {
        uint64_t x = synth_hash(s, S_HISTAREA, (uint64_t)r, 0);
        int64_t base = per_year * 300 / HIST_AREAS;
        if (base < 20000)
            base = 20000;
        h->served[r] = base * synth_range(x, 600, 1400) / 1000;
        h->growth[r] = synth_range(synth_mix(x), 5, 25);
    }
    return OMBUD_OK;
}

/* ---- customers.csv --------------------------------------------------------------- */

static ombud_err write_customers(const hist *h, ombud_synth_counts *c)
{
    const synth *s = h->s;
    synth_out w;
    char area[64];
    ombud_err err;

    if ((err = synth_open(&w, s, "customers.csv")))
        return err;
    synth_str(&w, "area,customers_served,as_of\n");
    for (int i = 0; i <= h->years; i++) {
        for (int r = 0; r < HIST_AREAS; r++) {
            synth_area_name(r, area, sizeof area);
            synth_str(&w, area);
            synth_ch(&w, ',');
            synth_int(&w, served_in(h, r, i));
            synth_ch(&w, ',');
            synth_intw(&w, s->year - h->years + i, 4);
            synth_ch(&w, '-');
            synth_intw(&w, s->month, 2);
            synth_str(&w, "-01");
            synth_eol(&w);
        }
    }
    c->customers = w.rows;
    return synth_close(&w, OMBUD_OK);
}

/* ---- outages.csv ----------------------------------------------------------------- */

static void write_row(synth_out *w, hist *h, int r, int64_t start,
                      int64_t secs, int64_t cust, const char *cause)
{
    char area[64];

    synth_area_name(r, area, sizeof area);
    synth_ch(w, 'E');
    synth_str(w, h->s->tag);
    synth_ch(w, '-');
    synth_intw(w, ++h->j, 9);
    synth_ch(w, ',');
    synth_str(w, area);
    synth_ch(w, ',');
    synth_time(w, start);
    synth_ch(w, ',');
    synth_time(w, start + secs);
    synth_ch(w, ',');
    synth_int(w, cust);
    synth_ch(w, ',');
    synth_str(w, cause);
    synth_eol(w);
}

/* One drawn interruption of the day [t, t + len), in history year @year. */
static void write_drawn(synth_out *w, hist *h, int year, int64_t t,
                        int64_t len, int storm)
{
    const synth *s = h->s;
    uint64_t j = (uint64_t)h->j;
    int r = (int)synth_below(synth_hash(s, S_HISTROW, j, 0), HIST_AREAS);
    int64_t start = t + synth_below(synth_hash(s, S_HISTROW, j, 1), len);
    int64_t secs = storm ? synth_pick(synth_hash(s, S_HISTROW, j, 2),
                                      storm_durations, 4)
                         : synth_pick(synth_hash(s, S_HISTROW, j, 2),
                                      durations, 5);
    int64_t cust = storm ? synth_pick(synth_hash(s, S_HISTROW, j, 3),
                                      storm_customers, 4)
                         : synth_pick(synth_hash(s, S_HISTROW, j, 3),
                                      customers, 4);
    int64_t served = served_in(h, r, year);
    int n = (int)(sizeof causes / sizeof *causes);

    if (cust > served)
        cust = served;
    write_row(w, h, r, start, secs, cust, storm ? "storm" : causes[
              synth_below(synth_hash(s, S_HISTROW, j, 4), n)]);
}

/* The planted storm's rows: every customer of every area out 20 h or
 * more, from 06:00 local (staggered by 10 minutes an area). */
static void write_planted(synth_out *w, hist *h, int year, int64_t t)
{
    for (int r = 0; r < HIST_AREAS; r++)
        write_row(w, h, r, t + 6 * HOUR + r * 10 * MIN,
                  20 * HOUR + r * 15 * MIN, served_in(h, r, year), "storm");
}

static ombud_err write_outages(hist *h, ombud_synth_counts *c)
{
    const synth *s = h->s;
    int64_t share = s->rows - HIST_AREAS, cum = 0, given = 0;
    synth_out w;
    ombud_err err;

    if ((err = synth_open(&w, s, "outages.csv")))
        return err;
    synth_str(&w, "outage_id,area,started_at,restored_at,customers_affected,"
              "cause\n");
    for (int k = 0; k < h->ndays; k++) {
        int day = h->first + k, storm = is_storm(h, day);
        int year = year_of(h, day);
        int64_t t = synth_local_at(s, day, 0);
        int64_t len = synth_local_at(s, day + 1, 0) - t, upto;
        /* share x cum / total: at most 2e8 x 7,336 x 108,640, within int64 */
        cum += h->weight[k];
        upto = (int64_t)((__int128)share * cum / h->total);
        if (day == STORM_DAY)
            write_planted(&w, h, year, t);
        for (; given < upto; given++)
            write_drawn(&w, h, year, t, len, storm);
    }
    c->outages = w.rows;
    return synth_close(&w, OMBUD_OK);
}

ombud_err synth_write_history(const synth *s, ombud_synth_counts *c)
{
    hist h;
    ombud_err err;

    if ((err = hist_init(&h, s, s->o->history_years)))
        return err;
    if (!(err = write_outages(&h, c)))
        err = write_customers(&h, c);
    free(h.weight);
    return err;
}
