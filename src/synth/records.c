/*
 * records.c - outages.csv and billing.csv of the synthetic month.
 *
 * Billing: every account is charged on the 1st for the month, due on the
 * 20th. Most pay on time; some pay late or not at all and get a
 * late-payment notice; about 3 % of those who paid on time get a notice
 * anyway (the wrongful notices payment_notice finds). Outages over 24 h
 * are credited pro rata (charge x outage seconds / month seconds, half up,
 * what outage_credit computes) for most accounts, short or not at all for
 * the rest; excluded outages (customer-caused, no access...) get nothing.
 */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "synth_int.h"
#include "rng.h"
#include "clock.h"
#include "out.h"

#define DAY 86400

/* ---- outages.csv ------------------------------------------------------------------ */

static void write_outage(synth_out *w, const synth *s, const synth_outage *o)
{
    char area[64];

    synth_area_name(o->area, area, sizeof area);
    synth_str(w, o->id);
    synth_ch(w, ',');
    if (o->account >= 0) {
        synth_str(w, "ACC-");
        synth_intw(w, o->account + 1, 7);
    }
    synth_ch(w, ',');
    synth_str(w, area);
    synth_ch(w, ',');
    synth_str(w, synth_services[o->service]);
    synth_ch(w, ',');
    synth_time(w, o->start);
    synth_ch(w, ',');
    synth_time(w, o->restored);
    synth_str(w, o->planned ? ",yes," : ",no,");
    synth_time(w, o->scheduled);
    synth_ch(w, ',');
    synth_time(w, o->notified);
    synth_ch(w, ',');
    synth_int(w, o->customers);
    synth_ch(w, ',');
    synth_str(w, o->cause);
    synth_ch(w, ',');
    synth_time(w, o->reported);
    synth_ch(w, ',');
    synth_str(w, o->exclusion);
    synth_ch(w, ',');
    synth_str(w, synth_area_class(s, o->area));
    synth_eol(w);
}

ombud_err synth_write_outages(const synth *s, ombud_synth_counts *c)
{
    synth_out w;
    synth_outage o;
    ombud_err err;

    if ((err = synth_open(&w, s, "outages.csv")))
        return err;
    synth_str(&w, "outage_id,account_id,area,service,started_at,restored_at,"
              "planned,scheduled_at,notified_at,customers_affected,cause,"
              "reported_at,exclusion,location_class\n");
    for (int64_t j = 0; j < s->n_aout; j++) {
        synth_ticket_outage(s, j, &o);
        write_outage(&w, s, &o);
    }
    for (int64_t r = 0; r < s->n_areas; r++) {
        int n = synth_area_outages(s, r);
        for (int k = 0; k < n; k++) {
            synth_area_outage(s, r, k, &o);
            write_outage(&w, s, &o);
        }
    }
    c->outages = w.rows;
    return synth_close(&w, OMBUD_OK);
}

/* ---- lines.csv, customers.csv ------------------------------------------------------ */

/* One row per area: its name, ",", its count, then @tail (may be ""). */
static ombud_err write_per_area(const synth *s, const int64_t *n,
                                const char *file, const char *header,
                                const char *tail)
{
    synth_out w;
    char area[64];
    ombud_err err;

    if ((err = synth_open(&w, s, file)))
        return err;
    synth_str(&w, header);
    for (int64_t r = 0; r < s->n_areas; r++) {
        synth_area_name(r, area, sizeof area);
        synth_str(&w, area);
        synth_ch(&w, ',');
        synth_int(&w, n[r]);
        synth_str(&w, tail);
        synth_eol(&w);
    }
    return synth_close(&w, OMBUD_OK);
}

/*
 * The carrier's working lines per area (one line per account), which
 * trouble-report rates are judged against. Real exports do not carry line
 * counts: a filer copies them into the guarantees file's `lines` /
 * `lines_by_area`, and the synthetic month's tests do the same from here.
 * customers.csv gives the customers served per area (as of the month's
 * first day), the reliability indices' denominators: the accounts are a
 * sample of the carrier's customers, and an area-wide outage touches up to
 * 90,000 (model.c), so an area serves 100,000 plus 100 per account.
 * Memory: one counter per area.
 */
ombud_err synth_write_lines(const synth *s)
{
    int64_t *n = calloc((size_t)s->n_areas, sizeof *n);
    char as_of[16];
    ombud_err err;

    if (!n)
        return OMBUD_E_NOMEM;
    for (int64_t a = 0; a < s->accounts; a++)
        n[synth_account_area(s, a)]++;
    snprintf(as_of, sizeof as_of, ",%04d-%02d-01", s->year, s->month);
    if ((err = write_per_area(s, n, "lines.csv", "area,lines\n", ""))) {
        free(n);
        return err;
    }
    for (int64_t r = 0; r < s->n_areas; r++)
        n[r] = 100000 + 100 * n[r];
    err = write_per_area(s, n, "customers.csv",
                         "area,customers_served,as_of\n", as_of);
    free(n);
    return err;
}

/* ---- billing.csv -------------------------------------------------------------------- */

/* One account's context for its billing rows. */
typedef struct acct {
    int64_t a;
    int64_t charge;        /* cents */
    int service;
    char area[64];
    char inv[32];          /* the month's invoice reference */
} acct;

static void bill_row(synth_out *w, const acct *ac, const char *kind,
                     int64_t posted, int64_t cents, int with_service)
{
    synth_str(w, "ACC-");
    synth_intw(w, ac->a + 1, 7);
    synth_ch(w, ',');
    synth_str(w, kind);
    synth_ch(w, ',');
    synth_date(w, posted);
    synth_ch(w, ',');
    if (cents >= 0)
        synth_money(w, cents);
    synth_str(w, ",,");        /* currency blank: the filing's applies */
    if (with_service)
        synth_str(w, synth_services[ac->service]);
    synth_ch(w, ',');
}

/* The tail of a row: reference, description, area. */
static void bill_tail(synth_out *w, const acct *ac, const char *ref,
                      const char *desc, const char *desc_ref)
{
    synth_str(w, ref);
    synth_ch(w, ',');
    synth_str(w, desc);
    if (desc_ref)
        synth_str(w, desc_ref);
    synth_ch(w, ',');
    synth_str(w, ac->area);
    synth_eol(w);
}

/* Midnight starting local day @p day of the month (0 = the 1st). */
static int64_t day_at(const synth *s, int day)
{
    return synth_local_at(s, day, 0);
}

/* A credit for outage @p o, as most carriers get it: right, short, or none. */
static void credit(synth_out *w, const synth *s, const acct *ac,
                   const synth_outage *o, int64_t share_right)
{
    int64_t secs = synth_outage_seconds(s, o), period = s->t1 - s->t0;
    uint64_t h = synth_hash(s, S_BILL, (uint64_t)ac->a,
                            (uint64_t)synth_mix((uint64_t)o->start));
    int64_t u = synth_below(h, 100), owed, posted;

    if (secs <= DAY || o->exclusion[0] || o->restored == OMBUD_TIME_NONE)
        return;
    posted = o->restored + synth_range(synth_mix(h), DAY, 5 * DAY);
    if (posted >= s->t1 || u >= share_right + 15)
        return;                       /* not (yet) credited */
    owed = (ac->charge * secs * 2 + period) / (2 * period);
    if (u >= share_right)
        owed = ac->charge / 30;       /* "one day", whatever the outage */
    bill_row(w, ac, "credit", posted, owed, 1);
    synth_str(w, ",,,CR-");
    synth_str(w, o->id);
    synth_ch(w, ',');
    synth_str(w, "Outage credit for ");
    synth_str(w, o->id);
    synth_ch(w, ',');
    synth_str(w, ac->area);
    synth_eol(w);
}

static void account_billing(synth_out *w, const synth *s, int64_t a)
{
    acct ac;
    uint64_t h = synth_hash(s, S_BILL, (uint64_t)a, 0);
    int64_t u = synth_below(h, 1000), paid = OMBUD_TIME_NONE;
    int64_t due = day_at(s, 19);      /* due on the 20th */
    int notice = 0;
    synth_outage o;

    ac.a = a;
    ac.charge = synth_account_charge(s, a);
    ac.service = synth_account_service(s, a);
    synth_area_name(synth_account_area(s, a), ac.area, sizeof ac.area);
    snprintf(ac.inv, sizeof ac.inv, "INV-%07lld-%02d%02d", (long long)(a + 1),
             s->year % 100, s->month);

    bill_row(w, &ac, "charge", s->t0, ac.charge, 1);
    synth_date(w, s->t0);
    synth_ch(w, ',');
    synth_date(w, s->t1 - 1);
    synth_ch(w, ',');
    synth_date(w, due);
    synth_ch(w, ',');
    bill_tail(w, &ac, ac.inv, "Monthly ", synth_services[ac.service]);

    if (u < 800) {                                    /* on time */
        paid = day_at(s, (int)synth_range(synth_mix(h), 1, 19));
        notice = synth_below(synth_mix(h + 1), 100) < 3;   /* wrongful */
    } else if (u < 900) {                             /* late */
        paid = day_at(s, (int)synth_range(synth_mix(h), 20, s->days - 1));
        notice = 1;
    } else {
        notice = 1;                                   /* unpaid */
    }
    if (paid != OMBUD_TIME_NONE) {
        bill_row(w, &ac, "payment", paid, ac.charge, 0);
        synth_str(w, ",,,PAY-");
        synth_intw(w, a + 1, 7);
        synth_ch(w, ',');
        synth_str(w, "Payment for ");
        synth_str(w, ac.inv);
        synth_ch(w, ',');
        synth_str(w, ac.area);
        synth_eol(w);
    }
    if (notice) {
        int64_t when = day_at(s, (int)synth_range(synth_mix(h + 2), 22, 25));
        bill_row(w, &ac, "notice", when, ac.charge, 0);
        synth_str(w, ",,,");
        bill_tail(w, &ac, ac.inv, "Late payment notice", NULL);
    }

    /* Credits: the account's own ticket, then its area's wide outages. */
    int64_t j = synth_account_ticket(s, a);
    if (j >= 0) {
        synth_ticket_outage(s, j, &o);
        credit(w, s, &ac, &o, 55);
    }
    int64_t r = synth_account_area(s, a);
    for (int k = 0, n = synth_area_outages(s, r); k < n; k++) {
        synth_area_outage(s, r, k, &o);
        if (o.service == ac.service)
            credit(w, s, &ac, &o, 65);
    }
}

ombud_err synth_write_billing(const synth *s, ombud_synth_counts *c)
{
    synth_out w;
    ombud_err err;

    if ((err = synth_open(&w, s, "billing.csv")))
        return err;
    synth_str(&w, "account_id,kind,posted_at,amount,currency,service,"
              "period_start,period_end,due_at,reference,description,area\n");
    for (int64_t a = 0; a < s->accounts; a++)
        account_billing(&w, s, a);
    c->billing = w.rows;
    return synth_close(&w, OMBUD_OK);
}
