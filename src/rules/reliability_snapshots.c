/*
 * reliability_snapshots.c - the reliability kind's cross-check against a
 * public feed's snapshots of customers out (snapshots.csv; EAGLE-I
 * publishes one per county every 15 minutes).
 *
 * The records' SAIDI comes from the utility's own outage rows; a feed
 * scraped from its outage map is an independent count. From the
 * snapshots taken in the period, per area judged (customers.csv's):
 *
 *   customer-minutes = sum of customers_out x the time until the area's
 *                      next snapshot (in the period or not), clipped at
 *                      the period's end;
 *   SAIDI estimate   = customer-minutes / N, N the rule's customers served.
 *
 * A step longer than OMBUD_SNAP_MAX_STEP (two intervals: one missing
 * snapshot is a feed's hiccup) counts one interval only: past that the
 * feed most likely stopped listing the area because it was restored (EAGLE-I
 * lists no county with nobody out), and carrying a count across a day's gap
 * would invent hours of outage. An area's last snapshot counts one
 * interval too. Two snapshots of one area at one instant: the later row
 * (by import) stands, the earlier counts nothing (a step of 0), as a
 * corrected customers.csv row does.
 *
 * A snapshot counting more customers out than the area serves cannot be
 * right: it is flagged, counted, named in the method with its file:line,
 * and dropped as a missing snapshot would be (the step before it runs on
 * to the next one, within the same cap). Snapshots of areas not judged are
 * counted as not used. Nothing here is judged: the figures sit beside
 * the records' indices so that a reader sees where the two disagree.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <glib.h>

#include "ombud/i18n.h"
#include "reliability_snapshots.h"

/* Flagged snapshots named in the method (all are counted). */
#define FLAGGED_NAMED 5
/* Areas without customers served named in the method. */
#define UNKNOWN_NAMED 3

/* What one area sums. */
typedef struct tally {
    int64_t cs;           /* customer-seconds estimated */
    int64_t used, flagged;
} tally;

typedef struct walk {
    const ombud_rule_ctx *ctx;
    const ombud_snap_area *areas;
    GHashTable *by_name;  /* area name (borrowed) -> index + 1 */
    tally *t;             /* one per area */
    int cur;              /* area of the pending snapshot; -1: none */
    int64_t prev_at, prev_out; /* the pending snapshot */
    int64_t read;         /* snapshots read in the period */
    int64_t unknown;      /* of areas not judged */
    GString *unknown_names; /* the first UNKNOWN_NAMED of them */
    int unknown_named;
    char *last_unknown;   /* the last one named, whole (owned; rows come
                             by area), or NULL */
    GString *flagged;     /* "file:line (area, out > served)", the first */
    int64_t nflagged;
    ombud_err err;
} walk;

/* Close the pending snapshot: it stands until @next (OMBUD_TIME_NONE: no
 * next one), within the cap, and not past the period's end. */
static ombud_err close_step(walk *w, int64_t next)
{
    int64_t step = next == OMBUD_TIME_NONE ? OMBUD_SNAP_INTERVAL
                                           : next - w->prev_at;
    int64_t end, cs;
    tally *t;
    ombud_err err;

    if (w->cur < 0)
        return OMBUD_OK;
    t = &w->t[w->cur];
    if (step > OMBUD_SNAP_MAX_STEP)
        step = OMBUD_SNAP_INTERVAL;
    end = w->prev_at + step;
    if (end > w->ctx->to)
        end = w->ctx->to;
    if ((err = ombud_checked_mul(w->ctx, w->areas[w->cur].name, "the snapshot "
                                 "customer-seconds", w->prev_out,
                                 end - w->prev_at, &cs)) ||
        (err = ombud_checked_add(w->ctx, w->areas[w->cur].name, "the "
                                 "snapshot customer-seconds", t->cs, cs,
                                 &t->cs)))
        return err;
    w->cur = -1;
    return OMBUD_OK;
}

/* Count a snapshot of an area not judged; name the first few areas. */
static void not_judged(walk *w, const char *area)
{
    w->unknown++;
    if ((w->last_unknown && !strcmp(w->last_unknown, area)) ||
        w->unknown_named >= UNKNOWN_NAMED)
        return;
    /* Compared whole: a long name cut to a buffer never equalled itself,
     * and one area was named again at each snapshot. */
    g_free(w->last_unknown);
    w->last_unknown = g_strdup(area);
    g_string_append_printf(w->unknown_names, "%s%s",
                           w->unknown_named++ ? ", " : "", area);
}

/* Count a snapshot above its area's customers served; name the first
 * few with their file:line. */
static void flag(walk *w, tally *t, const char *file, long line,
                 const ombud_snapshot *n, int64_t served)
{
    char out[32];

    t->flagged++;
    if (++w->nflagged > FLAGGED_NAMED)
        return;
    snprintf(out, sizeof out, "%s", ombud_n(n->customers_out));
    /* TRANSLATORS: a flagged snapshot: where, its area, the customers it
     * says were out and the customers served ("North, 1,200 > 1,000"). */
    g_string_append_printf(w->flagged, _("%s%s:%ld (%s, %s > %s)"),
                           w->nflagged > 1 ? ", " : "", file, line, n->area,
                           out, ombud_n(served));
}

static int on_snapshot(void *ud, int64_t row, const char *file, long line,
                       const ombud_snapshot *n)
{
    walk *w = ud;
    gpointer v = g_hash_table_lookup(w->by_name, n->area);
    int a = GPOINTER_TO_INT(v) - 1;

    (void)row;
    w->read++;
    if (!v) {
        not_judged(w, n->area);
        return 0;
    }
    if (n->customers_out > w->areas[a].served) {
        flag(w, &w->t[a], file, line, n, w->areas[a].served);
        return 0;
    }
    /* Rows come by area then time: the pending one ends here, or it was
     * its area's last. */
    if ((w->err = close_step(w, w->cur == a ? n->at : OMBUD_TIME_NONE)))
        return 1;
    w->t[a].used++;
    w->cur = a;
    w->prev_at = n->at;
    w->prev_out = n->customers_out;
    return 0;
}

/* ---- figures and the method ------------------------------------------------ */

/* The figures of one subject; @rec_cs the records' customer-seconds. */
static ombud_err figures(const walk *w, const char *subject, const tally *t,
                         int64_t served, int64_t rec_cs)
{
    ombud_store *st = w->ctx->store;
    int64_t id = w->ctx->result_id, est = ombud_milli_min(t->cs, served);
    int64_t rec = ombud_milli_min(rec_cs, served);
    ombud_err err;

    if ((err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_SNAPSHOTS,
                                      t->used, "count")) ||
        (err = ombud_store_add_figure(st, id, subject,
                                      OMBUD_FIG_SNAPSHOTS_FLAGGED, t->flagged,
                                      "count")) ||
        (err = ombud_store_add_figure(st, id, subject, OMBUD_FIG_SNAPSHOT_CMI,
                                      (t->cs + 30) / 60, "count")) ||
        (err = ombud_store_add_figure(st, id, subject,
                                      OMBUD_FIG_SNAPSHOT_SAIDI, est, "milli")))
        return err;
    return ombud_store_add_figure(st, id, subject, OMBUD_FIG_SNAPSHOT_DIFF,
                                  est == OMBUD_BP_NONE ? OMBUD_BP_NONE
                                                       : est - rec, "milli");
}

/* Each area's figures, then the system's (the sums of the areas). */
static ombud_err store_all(const walk *w, int n, tally *sys,
                           int64_t *sys_served, int64_t *sys_rec)
{
    ombud_err err;

    *sys = (tally){0, 0, 0};
    *sys_served = *sys_rec = 0;
    for (int i = 0; i < n; i++) {
        const ombud_snap_area *a = &w->areas[i];
        if ((err = figures(w, a->name, &w->t[i], a->served,
                           a->records_cmi_secs)))
            return err;
        /* Each area's sum was checked; MAX_AREAS of them fit in 64 bits
         * only if checked again. */
        if ((err = ombud_checked_add(w->ctx, OMBUD_RELIABILITY_SYSTEM, "the snapshot "
                                     "customer-seconds", sys->cs, w->t[i].cs,
                                     &sys->cs)))
            return err;
        sys->used += w->t[i].used;
        sys->flagged += w->t[i].flagged;
        *sys_served += a->served;
        *sys_rec += a->records_cmi_secs;
    }
    return figures(w, OMBUD_RELIABILITY_SYSTEM, sys, *sys_served, *sys_rec);
}

/* Append the cross-check's sentences to @res->method. */
static void describe(const walk *w, const tally *sys, int64_t served,
                     int64_t rec_cs, ombud_result *res)
{
    size_t o = strlen(res->method), size = sizeof res->method;
    char est[32], rec[32], cap[32], step[32], cmi[32];

    snprintf(cmi, sizeof cmi, "%s", ombud_n((sys->cs + 30) / 60));
    ombud_milli_say(ombud_milli_min(sys->cs, served), est, sizeof est);
    ombud_milli_say(ombud_milli_min(rec_cs, served), rec, sizeof rec);
    ombud_fmt_duration(OMBUD_SNAP_MAX_STEP, cap, sizeof cap);
    ombud_fmt_duration(OMBUD_SNAP_INTERVAL, step, sizeof step);
    /* TRANSLATORS: the snapshot cross-check. The %s are: snapshots used,
     * customer-minutes, the estimated SAIDI and the records' (minutes),
     * the longest step ("30m") and the step counted instead ("15m"). */
    o += (size_t)snprintf(res->method + o, o < size ? size - o : 0,
        _(" Snapshot cross-check, not judged: %s snapshots of customers out "
          "in the areas judged estimate %s customer-minutes, a system SAIDI "
          "of %s min beside the records' %s min. Each snapshot counts until "
          "its area's next one; a gap over %s, and an area's last snapshot, "
          "count %s. Sampling misses shorter outages and a feed's counts "
          "are per area, not per utility."), ombud_n(sys->used), cmi, est,
        rec, cap, step);
    if (sys->flagged && o < size)
        o += (size_t)snprintf(res->method + o, size - o, ombud_ngettext(
            " %s snapshot above its area's customers served was flagged and "
            "not used: %s%s.", " %s snapshots above their area's customers "
            "served were flagged and not used: %s%s.",
            (unsigned long)sys->flagged), ombud_n(sys->flagged),
            w->flagged->str, sys->flagged > FLAGGED_NAMED ? ", ..." : "");
    if (w->unknown && o < size)
        snprintf(res->method + o, size - o, ombud_ngettext(" %s snapshot of "
                 "an area without customers served was not used (%s%s).",
                 " %s snapshots of areas without customers served were not "
                 "used (%s%s).", (unsigned long)w->unknown),
                 ombud_n(w->unknown), w->unknown_names->str,
                 w->unknown_named >= UNKNOWN_NAMED ? ", ..." : "");
}

/* ---- entry ----------------------------------------------------------------- */

ombud_err ombud_reliability_snapshots(const ombud_rule_ctx *ctx,
                                      const ombud_snap_area *areas, int n,
                                      ombud_result *res)
{
    walk w = {.ctx = ctx, .areas = areas, .cur = -1, .err = OMBUD_OK};
    int64_t served, rec;
    tally sys;
    ombud_err err;

    assert(ctx && res && (areas || n == 0));
    w.by_name = g_hash_table_new(g_str_hash, g_str_equal);
    w.t = g_new0(tally, n > 0 ? n : 1);
    w.unknown_names = g_string_new(NULL);
    w.flagged = g_string_new(NULL);
    for (int i = 0; i < n; i++)
        g_hash_table_insert(w.by_name, (gpointer)areas[i].name,
                            GINT_TO_POINTER(i + 1));
    err = ombud_store_each_snapshot(ctx->store, ctx->from, ctx->to,
                                    on_snapshot, &w);
    if (!err)
        err = w.err;
    if (!err)
        err = close_step(&w, OMBUD_TIME_NONE);
    /* No snapshot given for the period: the reports stay as they were. */
    if (!err && w.read > 0 && !(err = store_all(&w, n, &sys, &served, &rec)))
        describe(&w, &sys, served, rec, res);
    g_hash_table_destroy(w.by_name);
    g_free(w.t);
    g_string_free(w.unknown_names, TRUE);
    g_free(w.last_unknown);
    g_string_free(w.flagged, TRUE);
    return err;
}
