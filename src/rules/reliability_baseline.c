/*
 * reliability_baseline.c - each past year's interruptions per area and
 * day, and the averages and limits a relative target is judged against.
 *
 * Sums are kept per (day, area), not per year, because which days count
 * is known only once each year's major event days are: the rule decides
 * those from the daily SAIDI and calls ombud_base_leave_out(). The cells
 * are bounded by days x areas (10 years x 366 x 256 at most), not by the
 * rows read, so memory stays flat however many interruptions there are.
 */
#include <assert.h>
#include <string.h>

#include "reliability_baseline.h"
#include "reliability_snapshots.h"

/* A cell's key: the day and the area in one 64-bit number. The rule judges
 * at most 256 areas. */
#define AREAS 256

static int64_t key_of(int64_t day, int area)
{
    return day * AREAS + area;
}

static int64_t day_of_key(int64_t k)
{
    /* Floor division: days before 1970 are negative. */
    return k >= 0 ? k / AREAS : -((-k + AREAS - 1) / AREAS);
}

void ombud_base_init(ombud_base *b, int years)
{
    assert(years >= 1 && years <= OMBUD_BASE_MAX_YEARS);
    memset(b, 0, sizeof *b);
    b->years = years;
    b->cells = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                     g_free);
    b->left_out = g_hash_table_new_full(g_int64_hash, g_int64_equal, g_free,
                                        NULL);
}

void ombud_base_free(ombud_base *b)
{
    if (b->cells)
        g_hash_table_destroy(b->cells);
    if (b->left_out)
        g_hash_table_destroy(b->left_out);
    b->cells = b->left_out = NULL;
}

int ombud_base_year_of(const ombud_base *b, int64_t day)
{
    for (int k = 0; k < b->years; k++)
        if (day >= b->y[k].d0 && day < b->y[k].d1)
            return k;
    return -1;
}

ombud_err ombud_base_add(ombud_base *b, const ombud_rule_ctx *ctx,
                         int64_t day, int area, int64_t ci, int64_t cs,
                         int64_t mi)
{
    int64_t key = key_of(day, area);
    int k = ombud_base_year_of(b, day);
    ombud_base_sums *c = g_hash_table_lookup(b->cells, &key);
    ombud_err err;

    assert(area >= 0 && area < AREAS && k >= 0);
    b->y[k].loaded = 1;
    if (!c) {
        int64_t *kk = g_new(int64_t, 1);
        *kk = key;
        c = g_new0(ombud_base_sums, 1);
        g_hash_table_insert(b->cells, kk, c);
    }
    if ((err = ombud_checked_add(ctx, "baseline", "the customer interruptions",
                                 c->ci, ci, &c->ci)) ||
        (err = ombud_checked_add(ctx, "baseline", "the customer-seconds",
                                 c->cs, cs, &c->cs)))
        return err;
    return ombud_checked_add(ctx, "baseline", "the momentary events", c->mi,
                             mi, &c->mi);
}

void ombud_base_leave_out(ombud_base *b, int64_t day)
{
    int k = ombud_base_year_of(b, day);
    int64_t *d;

    if (k < 0 || g_hash_table_contains(b->left_out, &day))
        return;
    d = g_new(int64_t, 1);
    *d = day;
    g_hash_table_add(b->left_out, d);
    b->y[k].meds++;
}

/* Saturating add: a year's sums are bounded by the checked cells times
 * the days of a year, far below 2^63 unless the input is absurd, and an
 * absurd input must not wrap into a small, passing average. */
static int64_t sat_add(int64_t a, int64_t x)
{
    return a > INT64_MAX - x ? INT64_MAX : a + x;
}

void ombud_base_sum(const ombud_base *b, int nareas, ombud_base_sums *out)
{
    GHashTableIter it;
    gpointer kp, vp;

    assert(nareas >= 0 && nareas <= AREAS);
    memset(out, 0, sizeof *out * (size_t)b->years * (size_t)(nareas + 1));
    g_hash_table_iter_init(&it, b->cells);
    while (g_hash_table_iter_next(&it, &kp, &vp)) {
        int64_t key = *(int64_t *)kp, day = day_of_key(key);
        int area = (int)(key - day * AREAS), k = ombud_base_year_of(b, day);
        const ombud_base_sums *c = vp;
        if (k < 0 || area >= nareas || g_hash_table_contains(b->left_out, &day))
            continue;
        for (int i = 0; i < 2; i++) {
            ombud_base_sums *u = &out[k * (nareas + 1) + (i ? nareas : area)];
            u->ci = sat_add(u->ci, c->ci);
            u->cs = sat_add(u->cs, c->cs);
            u->mi = sat_add(u->mi, c->mi);
        }
    }
}

int64_t ombud_base_index(int idx, const ombud_base_sums *u)
{
    switch (idx) {
    case OMBUD_BASE_SAIFI:
        return ombud_milli_ratio(u->ci, u->served);
    case OMBUD_BASE_SAIDI:
        return ombud_milli_min(u->cs, u->served);
    case OMBUD_BASE_CAIDI:
        return u->served > 0 ? ombud_milli_min(u->cs, u->ci) : OMBUD_BP_NONE;
    case OMBUD_BASE_MAIFI:
        return ombud_milli_ratio(u->mi, u->served);
    }
    assert(!"an index without a formula");
    return OMBUD_BP_NONE;
}

int64_t ombud_base_mean(const int64_t *v, int n)
{
    __int128 sum = 0;
    int used = 0;

    for (int i = 0; i < n; i++)
        if (v[i] != OMBUD_BP_NONE) {
            sum += v[i];
            used++;
        }
    if (!used)
        return OMBUD_BP_NONE;
    return (int64_t)((sum * 2 + used) / (2 * used));
}

int64_t ombud_base_limit(int64_t avg, int64_t margin_bp)
{
    if (avg == OMBUD_BP_NONE)
        return OMBUD_BP_NONE;
    return (int64_t)(((__int128)avg * (10000 + margin_bp) * 2 + 10000) /
                     20000);
}
