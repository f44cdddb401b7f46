/*
 * carriers.c - the comparison's model: which filings compare, in which
 * order, and their figures as re-derived (carriers.h).
 *
 * Decisions:
 * - A standard is the set of guarantee ids with their kinds. The promise
 *   words, sources and parameters may differ between carriers (each
 *   publishes its own), and the comparison shows each carrier's target;
 *   an id of another kind would put unlike figures in one row.
 * - Filings are ordered by carrier, period, then report checksum, never
 *   by the order given: the same filings give the same bytes.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/carriers.h"
#include "ombud/i18n.h"
#include "ombud/time.h"
#include "ombud/value.h"

int ombud_standard_differs(const ombud_standard *a, const ombud_standard *b,
                           char *why, size_t size)
{
    char tmp[8];

    assert(a && b);
    if (!why) {
        why = tmp;
        size = sizeof tmp;
    }
    why[0] = '\0';
    for (int i = 0; i < a->ng; i++) {
        int j = 0;
        while (j < b->ng && strcmp(a->id[i], b->id[j]))
            j++;
        if (j == b->ng) {
            snprintf(why, size, "guarantee '%s' (%s) is in one and not in "
                     "the other", a->id[i], a->kind[i]);
            return 1;
        }
        if (strcmp(a->kind[i], b->kind[j])) {
            snprintf(why, size, "guarantee '%s' is of kind '%s' in one and "
                     "'%s' in the other", a->id[i], a->kind[i], b->kind[j]);
            return 1;
        }
    }
    for (int j = 0; j < b->ng; j++) {
        int i = 0;
        while (i < a->ng && strcmp(a->id[i], b->id[j]))
            i++;
        if (i == a->ng) {
            snprintf(why, size, "guarantee '%s' (%s) is in one and not in "
                     "the other", b->id[j], b->kind[j]);
            return 1;
        }
    }
    return 0;
}

static int by_carrier(const void *pa, const void *pb)
{
    const ombud_carrier_filing *a = *(ombud_carrier_filing *const *)pa,
                               *b = *(ombud_carrier_filing *const *)pb;
    int c = strcmp(a->carrier, b->carrier);

    if (c)
        return c;
    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if ((c = strcmp(a->report_sha256, b->report_sha256)))
        return c;
    return strcmp(a->report, b->report);
}

void ombud_comparison_sort(ombud_comparison *c)
{
    assert(c && c->nf <= OMBUD_CARRIERS_MAX);
    qsort(c->f, (size_t)c->nf, sizeof c->f[0], by_carrier);
}

/* Where @std has guarantee @id, or -1. */
static int std_index(const ombud_standard *std, const char *id)
{
    for (int i = 0; i < std->ng; i++)
        if (!strcmp(std->id[i], id))
            return i;
    return -1;
}

typedef struct taking {
    ombud_carrier_filing *f;
    const ombud_standard *std;
} taking;

static int take_result(void *ud, const ombud_result_row *r)
{
    taking *t = ud;
    int g = std_index(t->std, r->guarantee_id);
    ombud_carrier_figure *x;

    if (g < 0)
        return 0;       /* cannot be: the standards were compared */
    x = &t->f->fig[g];
    x->present = 1;
    x->pass = r->r.pass;
    snprintf(x->status, sizeof x->status, "%s", r->status ? r->status : "");
    x->measured = r->r.measured;
    x->target = r->r.target;
    snprintf(x->unit, sizeof x->unit, "%s", r->r.unit ? r->r.unit : "count");
    x->subjects = r->r.subjects;
    x->breaches = r->r.breaches;
    x->amount = r->r.amount;
    snprintf(x->measured_text, sizeof x->measured_text, "%s",
             r->r.measured_text);
    return 0;
}

ombud_err ombud_carrier_take(ombud_carrier_filing *f, const ombud_standard *std,
                             ombud_store *st, int64_t check_id)
{
    ombud_check_info chk;
    taking t = {f, std};
    ombud_err err;

    assert(f && std && st);
    if ((err = ombud_store_check_get(st, check_id, &chk)))
        return err;
    snprintf(f->carrier, sizeof f->carrier, "%s", chk.carrier);
    snprintf(f->currency, sizeof f->currency, "%s", chk.currency);
    memset(f->fig, 0, sizeof f->fig);
    if ((err = ombud_store_each_result(st, check_id, take_result, &t)))
        return err;
    f->derived = 1;
    return OMBUD_OK;
}

void ombud_comparison_free(ombud_comparison *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->nf; i++)
        free(c->f[i]);
    c->nf = 0;
}

const char *ombud_figure_label(int k)
{
    static const char *const labels[OMBUD_FIGURE_ROWS] = {
        N_("Status"), N_("Measured"), N_("Target"), N_("Measured, in words"),
        N_("Examined"), N_("Breaches"), N_("Owed")};

    assert(k >= 0 && k < OMBUD_FIGURE_ROWS);
    return _(labels[k]);
}

char *ombud_figure_text(const ombud_carrier_filing *f, int g, int k,
                        char *buf, size_t size)
{
    const ombud_carrier_figure *x = &f->fig[g];
    int digits = ombud_currency_digits(f->currency);

    assert(g >= 0 && g < OMBUD_STANDARD_MAX);
    buf[0] = '\0';
    if (!f->derived || !x->present)
        return buf;
    switch (k) {
    case OMBUD_FIGURE_STATUS:
        snprintf(buf, size, "%s", ombud_fmt_status(x->status));
        break;
    case OMBUD_FIGURE_MEASURED:
        ombud_fmt_figure(x->measured, x->unit, digits, f->currency, buf, size);
        break;
    case OMBUD_FIGURE_TARGET:
        ombud_fmt_figure(x->target, x->unit, digits, f->currency, buf, size);
        break;
    case OMBUD_FIGURE_WORDS:
        snprintf(buf, size, "%s", x->measured_text);
        break;
    case OMBUD_FIGURE_SUBJECTS:
        ombud_fmt_count(x->subjects, buf, size);
        break;
    case OMBUD_FIGURE_BREACHES:
        ombud_fmt_count(x->breaches, buf, size);
        break;
    default:
        if (x->amount == OMBUD_AMOUNT_NONE)
            snprintf(buf, size, "-");
        else
            ombud_fmt_money(x->amount, digits, f->currency, buf, size);
        break;
    }
    return buf;
}

char *ombud_filing_period(const ombud_carrier_filing *f, char *buf, size_t size)
{
    ombud_tz *tz = NULL;

    if (ombud_tz_open(f->tz, &tz))
        ombud_tz_open("UTC", &tz);
    ombud_fmt_period(tz, f->from, f->to, buf, size);
    ombud_tz_free(tz);
    return buf;
}
