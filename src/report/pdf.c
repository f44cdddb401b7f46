/*
 * pdf.c - the PDF filing report (cairo + pango).
 *
 * Contents: cover page with the verdict; summary table; one section per
 * guarantee (promise, method, chart, first breaches); inputs and
 * integrity; certification page. Header and footer on every page.
 *
 * Decisions:
 * - Layout is a simple flow: a cursor moves down the page and every block
 *   asks for the room it needs first (ensure()); tables repeat their header
 *   on each new page. Nothing is ever drawn past the bottom margin.
 * - "page N of M" needs M before page 1 is drawn, so the document is laid
 *   out twice: the first pass writes to nowhere and counts pages.
 * - All text is laid out by pango with a named font family (DejaVu, from
 *   fonts-dejavu-core, which covers Latin and Hebrew) so the output does
 *   not depend on whatever fonts a machine has, and right-to-left text in
 *   an input field is shaped and ordered correctly. Fonts are embedded.
 * - Deterministic: creation and modification dates in the metadata are
 *   the period's end, never the clock.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ombud/time.h"
#include "ombud/chart.h"
#include "ombud/diag.h"
#include "ombud/history.h"
#include "ombud/i18n.h"
#include "ombud/manifest.h"
#include "ombud/quality.h"
#include "ombud/report.h"
#include "ombud/months.h"
#include "ombud/returns.h"
#include "ombud/rule.h"
#include "ombud/text.h"
#include "ombud/value.h"
#include "pdfdoc.h"

#define MAX_RESULTS 128
#define BREACH_ROWS 25        /* breaches shown per guarantee; the rest are in the XLSX */
#define CHART_BARS 40         /* outages drawn in the durations chart */

/* A breach row kept until the table's widths are known. */
typedef struct brow {
    char subject[96], when[40], m[64], l[64], detail[640], ev[256];
} brow;

/* A result copied out of the store (strings owned). */
typedef struct presult {
    int64_t id;
    char *gid, *kind, *promise, *source, *status;
    const ombud_drawing *draw;  /* how its kind is drawn (rule.h) */
    ombud_result r;
} presult;

typedef struct pdf {
    pdoc d;                   /* the page flow */
    char *manifest;           /* the manifest line (owned), NULL until
                                 the first pass needs it (manifest()) */
    ombud_err err;            /* building it failed */
    ombud_paper paper;
    ombud_store *st;
    ombud_check_info chk;
    ombud_tz *tz;
    presult res[MAX_RESULTS];
    int nres;
    ombud_quality_list q;     /* the data-quality items (owned) */
    ombud_history hist;       /* the periods before (owned) */
    brow brows[BREACH_ROWS];  /* the breach table being laid out */
    int nbrows;
    char period[80];
} pdf;

/* ---- cover and summary ----------------------------------------------------------- */

static void cover(pdf *p)
{
    char line[800], owed[64], end[32], nd[160];
    int failed = 0, nodata = 0, reportable = 0;
    int64_t amount = 0;
    ombud_tm tm;

    for (int i = 0; i < p->nres; i++) {
        failed += p->res[i].r.pass == OMBUD_FAIL;
        nodata += p->res[i].r.pass == OMBUD_NO_DATA;
        reportable += p->res[i].r.pass == OMBUD_REPORTABLE;
        if (p->res[i].r.amount != OMBUD_AMOUNT_NONE)
            amount += p->res[i].r.amount;
    }
    ombud_tm_from_instant(p->tz, p->chk.to - 1, &tm);
    ombud_fmt_date(tm.year, tm.month, tm.day, end, sizeof end);
    pdoc_new_page(&p->d);
    p->d.y = p->d.mt + 90;
    pdoc_para(&p->d, _("Service quality compliance report"), 24, 1, 0);
    p->d.y += 10;
    pdoc_para(&p->d, pdoc_iso(&p->d, p->chk.carrier), 16, 1, 0.15);
    snprintf(line, sizeof line, _("Filed with: %s"),
             pdoc_iso(&p->d, p->chk.commission));
    pdoc_para(&p->d, line, 12, 0, 0.15);
    if (p->chk.docket[0]) {
        snprintf(line, sizeof line, _("Docket %s"),
                 pdoc_iso(&p->d, p->chk.docket));
        pdoc_para(&p->d, line, 12, 0, 0.15);
    }
    p->d.y += 24;
    snprintf(line, sizeof line, _("Period: %s (%s)"), p->period, p->chk.tz);
    pdoc_para(&p->d, line, 11, 0, 0);
    /* The filer, as [filing] prepared_by names them; without one the
     * line is left out rather than guessed (never the consumer). */
    if (p->chk.prepared_by[0]) {
        snprintf(line, sizeof line, _("Prepared by: %s"),
                 pdoc_iso(&p->d, p->chk.prepared_by));
        pdoc_para(&p->d, line, 11, 0, 0);
    }
    snprintf(line, sizeof line, _("Date: %s (end of the period)"), end);
    pdoc_para(&p->d, line, 11, 0, 0);
    p->d.y += 30;
    snprintf(line, sizeof line, _("%d of %d guarantees breached; %s in credits "
             "owed"), failed, p->nres, pdoc_money(&p->d, amount, owed, sizeof owed));
    pdoc_para(&p->d, line, 14, 1, 0);
    /* Nothing measured is said on the cover, in the verdict's place. */
    if (nodata)
        pdoc_para(&p->d, ombud_fmt_no_data(nodata, nd, sizeof nd), 14, 1, 0.35);
    if (reportable)
        pdoc_para(&p->d, ombud_fmt_reportable(reportable, nd, sizeof nd), 14,
                  1, 0);
    if (p->q.serious)
        pdoc_para(&p->d, ombud_fmt_incomplete(p->q.serious, line, sizeof line),
                  12, 1, 0);
    if (p->q.serious && p->chk.allow_incomplete)
        pdoc_para(&p->d, _("Filed as it is: the filer chose to file with the "
                  "evidence incomplete (--allow-incomplete)."), 10, 0, 0);
    p->d.y += 40;
    pdoc_para(&p->d, _("Every figure in this report was computed by ombud from the input "
         "files listed under \"Inputs and integrity\", identified by their "
         "SHA-256 checksums. Each breach names the file and line of the rows "
         "that prove it. The complete list of breaches is in the companion "
         "XLSX workbook."), 9, 0, 0.25);
}

/* Before the summary, so nobody reads a verdict without what it rests on:
 * serious items first (bold), then the notes. */
static void quality(pdf *p)
{
    char line[1000];

    if (!p->q.n)
        return;
    pdoc_para(&p->d, _("Data quality"), 12, 1, 0);
    p->d.y += 4;
    for (int i = 0; i < p->q.n; i++) {
        const ombud_quality_item *it = &p->q.items[i];
        snprintf(line, sizeof line, "%s: %s", it->level == OMBUD_Q_SERIOUS ?
                 _("Serious") : _("Note"), it->text);
        pdoc_para(&p->d, line, 8.5, it->level == OMBUD_Q_SERIOUS,
                  it->level == OMBUD_Q_SERIOUS ? 0 : 0.25);
        p->d.y += 2;
    }
    p->d.y += 14;
}

/* Summary columns: the id whole; status a badge; figures never broken. */
static const pdoc_col summary_cols[] = {
    {N_("Guarantee"), 0.12, 0, PDOC_COL_INPUT | PDOC_COL_TOKEN | PDOC_COL_MONO},
    {N_("Promise as advertised (source)"), 0.20, 0, 0},
    {N_("Measured"), 0.20, 0, 0}, {N_("Target"), 0.15, 0, 0},
    {N_("Status"), 0.12, 0, PDOC_COL_BADGE},
    {N_("Breaches"), 0.10, 1, PDOC_COL_TOKEN},
    {N_("Owed"), 0.11, 1, PDOC_COL_TOKEN}};

/* A summary row's texts. */
typedef struct srow {
    char promise[1400], n[32], owed[64];
    const char *cells[7];
} srow;

/* The summary row of @p r into @p row. */
static void summary_cells(pdf *p, const presult *r, srow *row)
{
    snprintf(row->promise, sizeof row->promise, "\"%s\" (%s)",
             pdoc_iso(&p->d, r->promise), pdoc_iso(&p->d, r->source));
    ombud_fmt_count(r->r.breaches, row->n, sizeof row->n);
    if (ombud_rule_drawing(r->kind)->lists) {
        /* Listed, not breaches (the calls not answered). */
        char n[32];
        snprintf(n, sizeof n, "%s", row->n);
        snprintf(row->n, sizeof row->n, ombud_ngettext("%s listed",
                 "%s listed", (unsigned long)r->r.breaches), n);
    }
    row->cells[0] = r->gid;
    row->cells[1] = row->promise;
    row->cells[2] = r->r.measured_text;
    row->cells[3] = r->r.target_text;
    row->cells[4] = ombud_fmt_status(r->status);
    row->cells[5] = row->n;
    row->cells[6] = r->r.amount == OMBUD_AMOUNT_NONE ? "-" /* no money in it */
                    : pdoc_money(&p->d, r->r.amount, row->owed,
                                 sizeof row->owed);
}

static void summary(pdf *p)
{
    static const pdoc_table t = {summary_cols, 7, 7.5};
    srow row;

    pdoc_new_page(&p->d);
    quality(p);
    pdoc_para(&p->d, _("Summary"), 16, 1, 0);
    /* Widths from every row first: the ids fit, the prose gets the rest. */
    for (int i = 0; i < p->nres; i++) {
        summary_cells(p, &p->res[i], &row);
        pdoc_table_measure(&p->d, &t, row.cells);
    }
    pdoc_table_fit(&p->d, &t);
    pdoc_table_start(&p->d, &t, 30);
    for (int i = 0; i < p->nres; i++) {
        summary_cells(p, &p->res[i], &row);
        pdoc_table_row(&p->d, &t, row.cells, 4, p->res[i].status);
    }
}

/* ---- charts of a guarantee ------------------------------------------------------- */

typedef struct hm { int64_t calls[168], live[168]; } hm;
static int hm_calls(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < 168) ((hm *)ud)->calls[k] = v; return 0; }
static int hm_live(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < 168) ((hm *)ud)->live[k] = v; return 0; }

/* Series or figures gathered as labelled values for a chart. */
typedef struct points {
    char labels[400][24];
    const char *lp[400];
    double v[400], limit[400];
    int n, total;
    int want;               /* figures: 0 duration, 1 limit */
} points;

/* A point of a daily series: day @k (days since 1970-01-01), value @v. */
static int day_point(points *pt, int64_t k, double v)
{
    int y, m, d;

    pt->total++;
    if (pt->n == 400)
        return 0;
    ombud_civil_from_days(k, &y, &m, &d);
    ombud_fmt_daymonth(m, d, pt->labels[pt->n], 24);
    pt->lp[pt->n] = pt->labels[pt->n];
    pt->v[pt->n++] = v;
    return 0;
}

/* A day's share in basis points, as a percentage. */
static int daily_point(void *ud, int64_t k, int64_t v)
{
    return day_point(ud, k, (double)v / 10000.0);
}

/* An outage's duration, as a candidate bar. */
typedef struct dur {
    double hours;
    int order;              /* its place among the figures */
    char label[24];         /* its subject, cut at a character */
} dur;

/* Every outage's duration (the longest CHART_BARS are drawn). */
typedef struct durs {
    dur *v;                 /* owned; n used of cap */
    int n, cap;
    double limit;           /* the first outage's limit, hours */
    int nomem;
} durs;

static int duration_point(void *ud, const char *subject, const char *name,
                          int64_t v, const char *unit)
{
    durs *d = ud;

    (void)unit;
    if (!strcmp(name, OMBUD_FIG_DURATION)) {
        if (d->n == d->cap) {
            int cap = d->cap ? d->cap * 2 : 64;
            dur *nv = realloc(d->v, (size_t)cap * sizeof *nv);
            if (!nv) {
                d->nomem = 1;
                return 1;
            }
            d->v = nv;
            d->cap = cap;
        }
        ombud_utf8_copy(d->v[d->n].label, sizeof d->v[d->n].label, subject);
        d->v[d->n].hours = (double)v / 3600.0;
        d->v[d->n].order = d->n;
        d->n++;
    } else if (!strcmp(name, OMBUD_FIG_LIMIT) && d->n == 1) {
        d->limit = (double)v / 3600.0;
    }
    return 0;
}

/* Longest first; equal ones in the order written (deterministic). */
static int by_length(const void *a, const void *b)
{
    const dur *x = a, *y = b;

    if (x->hours != y->hours)
        return x->hours < y->hours ? 1 : -1;
    return (x->order > y->order) - (x->order < y->order);
}

static int by_order(const void *a, const void *b)
{
    const dur *x = a, *y = b;

    return (x->order > y->order) - (x->order < y->order);
}

/*
 * The bars of the durations chart: every outage when they are at most
 * CHART_BARS, else the CHART_BARS longest (those a reader checks first),
 * either way in the order the figures were written.
 */
static void longest(durs *d, points *pt)
{
    int n = d->n < CHART_BARS ? d->n : CHART_BARS;

    /* No figure, no array: qsort must not be handed NULL even for 0. */
    if (n > 0) {
        qsort(d->v, (size_t)d->n, sizeof *d->v, by_length);
        qsort(d->v, (size_t)n, sizeof *d->v, by_order);
    }
    for (int i = 0; i < n; i++) {
        memcpy(pt->labels[i], d->v[i].label, sizeof pt->labels[i]);
        pt->lp[i] = pt->labels[i];
        pt->v[i] = d->v[i].hours;
    }
    pt->n = n;
    pt->total = d->n;
    pt->limit[0] = d->limit;
}

/* ---- reliability: the indices table and the daily SAIDI chart -------------- */

#define REL_COLS 9
/* The figures of one subject (area, system, each with and without MEDs). */
typedef struct relrow {
    pdf *p;
    pdoc_table t;
    char *subject;        /* the row's, whole (owned), or NULL */
    /* Room for an area's whole name (the table wraps it), cut at a
     * character boundary only past 255 bytes: two areas named alike at
     * first stay told apart. */
    char cells[REL_COLS][256];
    int have;
} relrow;

static void rel_flush(relrow *x)
{
    const char *cells[REL_COLS];

    if (!x->have)
        return;
    for (int i = 0; i < REL_COLS; i++)
        cells[i] = x->cells[i];
    pdoc_table_row(&x->p->d, &x->t, cells, -1, NULL);
    x->have = 0;
}

static int rel_figure(void *ud, const char *subject, const char *name,
                      int64_t v, const char *unit)
{
    static const char *const names[REL_COLS] = {NULL,
        OMBUD_FIG_CUSTOMERS_SERVED, OMBUD_FIG_SAIFI, OMBUD_FIG_SAIDI,
        OMBUD_FIG_CAIDI, OMBUD_FIG_CAIFI, OMBUD_FIG_MAIFI_E, OMBUD_FIG_CEMI,
        OMBUD_FIG_CELID};
    relrow *x = ud;
    int col = -1;

    for (int i = 1; i < REL_COLS; i++)
        if (!strcmp(names[i], name))
            col = i;
    if (col < 0)
        return 0;
    if (!x->subject || strcmp(x->subject, subject)) {
        rel_flush(x);
        free(x->subject);
        x->subject = strdup(subject);
        ombud_utf8_copy(x->cells[0], sizeof x->cells[0], subject);
        for (int i = 1; i < REL_COLS; i++)
            x->cells[i][0] = '\0';
        x->have = 1;
    }
    if (v == OMBUD_BP_NONE)
        snprintf(x->cells[col], sizeof x->cells[col], "-");
    else
        pdoc_value(&x->p->d, v, unit, x->cells[col], sizeof x->cells[col]);
    return 0;
}

/* A day's SAIDI in thousandths of a minute, in minutes. */
static int saidi_point(void *ud, int64_t k, int64_t v)
{
    return day_point(ud, k, (double)v / 1000.0);
}

static int t_med_figure(void *ud, const char *subject, const char *name,
                        int64_t v, const char *unit)
{
    (void)subject;
    (void)unit;
    if (!strcmp(name, OMBUD_FIG_T_MED))
        *(double *)ud = (double)v / 1000.0;
    return 0;
}

/* ---- reliability: the snapshot cross-check ------------------------------------ */

#define SNAP_COLS 6
#define SNAP_ROWS 258     /* the rule's MAX_AREAS areas and the system */
/* The cross-check's rows: one per subject with snapshot figures, in the
 * order written; the records' SAIDI filled by a second pass. */
typedef struct snaprows {
    pdf *p;
    int n;
    /* Each row's subject whole (owned): two areas named alike for their
     * first 95 bytes were one row when compared cut to a buffer. */
    struct { char *subject; char cells[SNAP_COLS][256]; } r[SNAP_ROWS];
} snaprows;

static int snap_row_of(snaprows *x, const char *subject, int make)
{
    for (int i = x->n - 1; i >= 0; i--)
        if (!strcmp(x->r[i].subject, subject))
            return i;
    if (!make || x->n == SNAP_ROWS ||
        !(x->r[x->n].subject = strdup(subject)))
        return -1;
    ombud_utf8_copy(x->r[x->n].cells[0], sizeof x->r[x->n].cells[0],
                    subject);
    return x->n++;
}

/* Pass 1: the snapshot figures, into columns 2 to 5. */
static int snap_figure(void *ud, const char *subject, const char *name,
                       int64_t v, const char *unit)
{
    static const char *const names[SNAP_COLS] = {NULL, NULL,
        OMBUD_FIG_SNAPSHOT_SAIDI, OMBUD_FIG_SNAPSHOT_DIFF,
        OMBUD_FIG_SNAPSHOTS, OMBUD_FIG_SNAPSHOTS_FLAGGED};
    snaprows *x = ud;
    int col = -1, row;

    for (int i = 2; i < SNAP_COLS; i++)
        if (!strcmp(names[i], name))
            col = i;
    if (col < 0 || (row = snap_row_of(x, subject, 1)) < 0)
        return 0;
    if (v == OMBUD_BP_NONE)
        snprintf(x->r[row].cells[col], sizeof x->r[row].cells[col], "-");
    else
        pdoc_value(&x->p->d, v, unit, x->r[row].cells[col],
                   sizeof x->r[row].cells[col]);
    return 0;
}

/* Pass 2: the records' SAIDI (all days) of the same subjects, column 1. */
static int snap_records(void *ud, const char *subject, const char *name,
                        int64_t v, const char *unit)
{
    snaprows *x = ud;
    int row;

    if (strcmp(name, OMBUD_FIG_SAIDI) || (row = snap_row_of(x, subject, 0)) < 0)
        return 0;
    if (v == OMBUD_BP_NONE)
        snprintf(x->r[row].cells[1], sizeof x->r[row].cells[1], "-");
    else
        pdoc_value(&x->p->d, v, unit, x->r[row].cells[1],
                   sizeof x->r[row].cells[1]);
    return 0;
}

/* The records' SAIDI beside the one estimated from a public feed's
 * snapshots, when snapshots were given (else nothing is drawn). */
static void snapshots_table(pdf *p, const presult *r)
{
    static const pdoc_col cols[SNAP_COLS] = {
        {N_("Area"), 0.24, 0, PDOC_COL_INPUT},
        {N_("SAIDI, records (min)"), 0.16, 1, 0},
        {N_("SAIDI, snapshots (min)"), 0.16, 1, 0},
        {N_("Difference (min)"), 0.15, 1, 0},
        {N_("Snapshots used"), 0.15, 1, 0},
        {N_("Flagged"), 0.14, 1, 0}};
    snaprows *x = calloc(1, sizeof *x);
    pdoc_table t = {cols, SNAP_COLS, 7};

    if (!x)
        return;
    x->p = p;
    ombud_store_each_figure(p->st, r->id, snap_figure, x);
    if (x->n) {
        ombud_store_each_figure(p->st, r->id, snap_records, x);
        pdoc_ensure(&p->d, 80);
        pdoc_para(&p->d, _("Snapshot cross-check (not judged): SAIDI with "
                  "all days from the records and from snapshots of "
                  "customers out"), 9, 1, 0);
        pdoc_table_start(&p->d, &t, 20);
        for (int i = 0; i < x->n; i++) {
            const char *cells[SNAP_COLS];
            for (int c = 0; c < SNAP_COLS; c++)
                cells[c] = x->r[i].cells[c];
            pdoc_table_row(&p->d, &t, cells, -1, NULL);
        }
        p->d.y += 6;
    }
    for (int i = 0; i < x->n; i++)
        free(x->r[i].subject);
    free(x);
}

static void reliability(pdf *p, const presult *r)
{
    static const pdoc_col cols[REL_COLS] = {
        {N_("Area"), 0.20, 0, PDOC_COL_INPUT},
        {N_("Customers"), 0.11, 1, 0}, {"SAIFI", 0.09, 1, 0},
        {N_("SAIDI (min)"), 0.10, 1, 0}, {N_("CAIDI (min)"), 0.10, 1, 0},
        {"CAIFI", 0.09, 1, 0}, {"MAIFI_E", 0.09, 1, 0},
        {"CEMI_n", 0.11, 1, 0}, {"CELID_t", 0.11, 1, 0}};
    relrow x = {p, {cols, REL_COLS, 7}, NULL, {{0}}, 0};
    double h = 150, t_med = 0;
    points *pt;

    pdoc_ensure(&p->d, 80);
    pdoc_para(&p->d, _("Indices per area, with all days and without major "
              "event days (MEDs)"), 9, 1, 0);
    pdoc_table_start(&p->d, &x.t, 20);
    ombud_store_each_figure(p->st, r->id, rel_figure, &x);
    rel_flush(&x);
    free(x.subject);
    p->d.y += 6;
    snapshots_table(p, r);
    if (!(pt = calloc(1, sizeof *pt)))
        return;
    ombud_store_each_series(p->st, r->id, OMBUD_SERIES_DAILY_SAIDI,
                            saidi_point, pt);
    ombud_store_each_figure(p->st, r->id, t_med_figure, &t_med);
    if (pt->n) {
        pdoc_ensure(&p->d, h + 40);
        pdoc_para(&p->d, t_med > 0 ? _("Daily SAIDI against T_MED: days "
                  "above the line are major event days") : _("Daily SAIDI "
                  "(no T_MED: see the method)"), 9, 1, 0);
        ombud_chart_bars(p->d.cr, p->d.ml, p->d.y, pdoc_width(&p->d), h,
                         pt->lp, pt->v, pt->n, t_med, _("minutes"), _("day "
                         "(local)"));
        p->d.y += h + 8;
    }
    free(pt);
}

/* Under a chart that leaves subjects out, which ones it draws. */
static void chart_note(pdf *p, const presult *r, const points *pt)
{
    char note[200];

    if (pt->total <= pt->n)
        return;
    if (r->draw->chart == OMBUD_CHART_DURATIONS)
        snprintf(note, sizeof note, ombud_ngettext("%d of %d outage is drawn, "
                 "the longest; all are in the XLSX workbook.", "The %d longest "
                 "of %d outages are drawn; all are in the XLSX workbook.",
                 (unsigned long)pt->total), pt->n, pt->total);
    else
        snprintf(note, sizeof note, _("The chart shows %d of %d; all are in "
                 "the XLSX workbook."), pt->n, pt->total);
    pdoc_para(&p->d, note, 7, 0, 0.3);
}


/* ---- call_kpis: the figures, the waits, the level by time of day ------------ */

#define KPI_COLS 11          /* the subject and the drawing's ten figures */
#define KPI_AGENT_ROWS 25    /* agents drawn; the rest are in the XLSX */

/* The figures table: one row per subject, flushed when the next begins. */
typedef struct kpirow {
    pdf *p;
    const presult *r;
    pdoc_table t;
    char cells[KPI_COLS][256];  /* a queue's or agent's whole name */
    int have, group;
    int64_t agents;          /* agents met; those past KPI_AGENT_ROWS are
                                counted, not drawn */
    int64_t interval;        /* the interval's length, s */
} kpirow;

static void kpi_flush(kpirow *x)
{
    const char *cells[KPI_COLS];

    if (!x->have)
        return;
    for (int i = 0; i < KPI_COLS; i++)
        cells[i] = x->cells[i];
    pdoc_table_row(&x->p->d, &x->t, cells, -1, NULL);
    x->have = 0;
}

static int kpi_figure(void *ud, const char *subject, const char *name,
                      int64_t v, const char *unit)
{
    kpirow *x = ud;
    const ombud_drawing *d = x->r->draw;

    if (!strcmp(name, OMBUD_FIG_INTERVAL)) {
        x->interval = v;
        return 0;
    }
    if (!strcmp(name, OMBUD_FIG_KPI_GROUP)) {
        kpi_flush(x);
        x->group = (int)v;
        if (v == OMBUD_KPI_AGENT && ++x->agents > KPI_AGENT_ROWS)
            return 0;
        ombud_utf8_copy(x->cells[0], sizeof x->cells[0], subject);
        for (int i = 1; i < KPI_COLS; i++)
            x->cells[i][0] = '\0';
        x->have = 1;
        return 0;
    }
    if (!x->have)
        return 0;
    for (int c = 0; c < d->nfigures && c + 1 < KPI_COLS; c++) {
        if (strcmp(d->figures[c].name, name))
            continue;
        if (v == OMBUD_BP_NONE && !strcmp(unit, "bp"))
            snprintf(x->cells[c + 1], sizeof x->cells[c + 1], "-");
        else
            pdoc_value(&x->p->d, v, unit, x->cells[c + 1],
                       sizeof x->cells[c + 1]);
    }
    return 0;
}

typedef struct kpiwait { int64_t ans[OMBUD_WAIT_BUCKETS], ab[OMBUD_WAIT_BUCKETS]; } kpiwait;
static int kpi_wait_ans(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < OMBUD_WAIT_BUCKETS) ((kpiwait *)ud)->ans[k] = v; return 0; }
static int kpi_wait_ab(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < OMBUD_WAIT_BUCKETS) ((kpiwait *)ud)->ab[k] = v; return 0; }

/* The level by time of day: at most 96 slots (15 min), in key order. */
typedef struct kpislots {
    int64_t k[96], v[4][96];
    int n, which;
} kpislots;

static int kpi_slot(void *ud, int64_t k, int64_t v)
{
    kpislots *s = ud;
    int i = 0;

    if (s->which == 0) {
        if (s->n == 96)
            return 1;
        s->k[s->n] = k;
        s->v[0][s->n++] = v;
        return 0;
    }
    while (i < s->n && s->k[i] != k)
        i++;
    if (i < s->n)
        s->v[s->which][i] = v;
    return 0;
}

static void kpi_waits(pdf *p, const presult *r)
{
    static const pdoc_col cols[3] = {
        {N_("Wait"), 0.40, 0, 0}, {N_("Answered"), 0.30, 1, 0},
        {N_("Abandoned"), 0.30, 1, 0}};
    static const char *const buckets[OMBUD_WAIT_BUCKETS] = {N_("0-20 s"),
        N_("20-60 s"), N_("1-3 min"), N_("3-10 min"), N_("over 10 min")};
    pdoc_table t = {cols, 3, 7.5};
    kpiwait w;

    memset(&w, 0, sizeof w);
    ombud_store_each_series(p->st, r->id, OMBUD_SERIES_WAIT_ANSWERED,
                            kpi_wait_ans, &w);
    ombud_store_each_series(p->st, r->id, OMBUD_SERIES_WAIT_ABANDONED,
                            kpi_wait_ab, &w);
    pdoc_ensure(&p->d, 110);
    pdoc_para(&p->d, _("Waits, answered and abandoned (upper edge "
              "included)"), 9, 1, 0);
    pdoc_table_start(&p->d, &t, 14);
    for (int b = 0; b < OMBUD_WAIT_BUCKETS; b++) {
        char a[32], c[32];
        const char *cells[3] = {_(buckets[b]), a, c};
        ombud_fmt_count(w.ans[b], a, sizeof a);
        ombud_fmt_count(w.ab[b], c, sizeof c);
        pdoc_table_row(&p->d, &t, cells, -1, NULL);
    }
    p->d.y += 6;
}

static void kpi_slots(pdf *p, const presult *r, int64_t interval)
{
    static const pdoc_col cols[5] = {
        {N_("Time of day"), 0.24, 0, PDOC_COL_TOKEN},
        {N_("Offered"), 0.19, 1, 0}, {N_("Answered"), 0.19, 1, 0},
        {N_("Abandoned"), 0.19, 1, 0}, {N_("Service level"), 0.19, 1, 0}};
    static const char *const names[4] = {OMBUD_SERIES_SLOT_OFFERED,
        OMBUD_SERIES_SLOT_ANSWERED, OMBUD_SERIES_SLOT_ABANDONED,
        OMBUD_SERIES_SLOT_LEVEL};
    pdoc_table t = {cols, 5, 7.5};
    kpislots *s = calloc(1, sizeof *s);

    if (!s)
        return;
    for (s->which = 0; s->which < 4; s->which++)
        ombud_store_each_series(p->st, r->id, names[s->which], kpi_slot, s);
    if (s->n) {
        char iv[32];
        pdoc_ensure(&p->d, 60);
        ombud_fmt_duration(interval, iv, sizeof iv);
        pdoc_para(&p->d, _("Service level by time of day, over the period"),
                  9, 1, 0);
        pdoc_table_start(&p->d, &t, 14);
        for (int i = 0; i < s->n; i++) {
            char c[5][40];
            const char *cells[5] = {c[0], c[1], c[2], c[3], c[4]};
            ombud_fmt_slot(s->k[i], interval, c[0], sizeof c[0]);
            for (int j = 0; j < 3; j++)
                ombud_fmt_count(s->v[j][i], c[j + 1], sizeof c[j + 1]);
            if (s->v[3][i] == OMBUD_BP_NONE)
                snprintf(c[4], sizeof c[4], "-");
            else
                ombud_fmt_bp(s->v[3][i], c[4], sizeof c[4]);
            pdoc_table_row(&p->d, &t, cells, -1, NULL);
        }
        p->d.y += 4;
    }
    free(s);
}

/* The KPI pack's tables, where another kind draws its chart; the calls
 * not answered follow as its breaches. */
static void call_kpis(pdf *p, const presult *r)
{
    static const pdoc_col cols[KPI_COLS] = {
        {N_("Calls of"), 0.15, 0, PDOC_COL_INPUT},
        {N_("Offered"), 0.08, 1, 0}, {N_("Answered"), 0.085, 1, 0},
        {N_("Abandoned"), 0.085, 1, 0}, {N_("Short abandons"), 0.08, 1, 0},
        {N_("No person"), 0.075, 1, 0}, {N_("ASA"), 0.085, 1, PDOC_COL_TOKEN},
        {N_("AHT"), 0.085, 1, PDOC_COL_TOKEN},
        {N_("Abandon rate"), 0.085, 1, 0},
        {N_("Abandon rate, no short"), 0.09, 1, 0},
        {N_("Service level"), 0.085, 1, 0}};
    kpirow x;
    char line[400];

    memset(&x, 0, sizeof x);
    x.p = p;
    x.r = r;
    x.t = (pdoc_table){cols, KPI_COLS, 6.5};
    pdoc_ensure(&p->d, 80);
    pdoc_para(&p->d, _("Figures for all calls, each queue, each day and each "
              "agent (an agent's row: the calls the agent answered)"), 9, 1,
              0);
    pdoc_table_start(&p->d, &x.t, 20);
    ombud_store_each_figure(p->st, r->id, kpi_figure, &x);
    kpi_flush(&x);
    p->d.y += 4;
    if (x.agents > KPI_AGENT_ROWS) {
        int64_t more = x.agents - KPI_AGENT_ROWS;
        snprintf(line, sizeof line, ombud_ngettext("%lld more agent is in "
                 "the XLSX workbook.", "%lld more agents are in the XLSX "
                 "workbook.", (unsigned long)more), (long long)more);
        pdoc_para(&p->d, line, 7, 0, 0.3);
    }
    p->d.y += 4;
    kpi_waits(p, r);
    kpi_slots(p, r, x.interval);
    pdoc_para(&p->d, _("The service level of each interval of the period "
              "is in the XLSX workbook."), 7, 0, 0.3);
    p->d.y += 6;
}

/* The chart a guarantee's kind calls for (its drawing), if any, at the
 * cursor. */
static void chart(pdf *p, const presult *r)
{
    double w = pdoc_width(&p->d), h = 170;
    ombud_chart kind = r->draw->chart;
    points *pt;

    if (kind == OMBUD_CHART_HEATMAP) {
        hm m = {{0}, {0}};
        ombud_store_each_series(p->st, r->id, OMBUD_SERIES_HEAT_CALLS,
                                hm_calls, &m);
        ombud_store_each_series(p->st, r->id, OMBUD_SERIES_HEAT_LIVE, hm_live,
                                &m);
        pdoc_ensure(&p->d, h + 30);
        pdoc_para(&p->d, _("Live-answer share by hour of the week"), 9, 1, 0);
        ombud_chart_heatmap(p->d.cr, p->d.ml, p->d.y + 10, w, h, m.calls, m.live);
        p->d.y += h + 18;
        return;
    }
    if (kind == OMBUD_CHART_INDICES) {
        reliability(p, r);
        return;
    }
    if (kind == OMBUD_CHART_KPIS) {
        call_kpis(p, r);
        return;
    }
    if (kind != OMBUD_CHART_DAILY && kind != OMBUD_CHART_DURATIONS)
        return;
    if (!(pt = calloc(1, sizeof *pt)))
        return;
    if (kind == OMBUD_CHART_DAILY) {
        ombud_store_each_series(p->st, r->id, OMBUD_SERIES_DAILY_LEVEL,
                                daily_point, pt);
    } else {
        durs d = {NULL, 0, 0, 0, 0};
        ombud_store_each_figure(p->st, r->id, duration_point, &d);
        if (!d.nomem)
            longest(&d, pt);
        free(d.v);
    }
    if (pt->n) {
        pdoc_ensure(&p->d, h + 40);
        if (kind == OMBUD_CHART_DAILY) {
            pdoc_para(&p->d, _("Daily service level against the target"), 9, 1, 0);
            ombud_chart_line(p->d.cr, p->d.ml, p->d.y, w, h, pt->lp, pt->v, pt->n,
                             (double)r->r.target / 10000.0,
                             _("answered in time"), _("day (local)"));
        } else {
            pdoc_para(&p->d, _("Outage durations against the limit"), 9, 1, 0);
            ombud_chart_bars(p->d.cr, p->d.ml, p->d.y, w, h, pt->lp, pt->v, pt->n,
                             pt->limit[0], _("hours"), _("outage"));
        }
        p->d.y += h + 8;
        chart_note(p, r, pt);
    }
    free(pt);
}

/* ---- guarantee sections ---------------------------------------------------------- */

/* The breach table's columns: ids in monospace and whole, figures
 * (durations among them) never broken, the evidence compact. The shares
 * are where fitting starts (pdoc_table_fit() then gives a column no more
 * than its widest cell and moves room to whichever cell sets the rows'
 * heights): the evidence's is high because a month's trouble reports of
 * an office make a longer cell than the sentence beside it. */
static const pdoc_col breach_cols[] = {
    {N_("Subject"), 0.12, 0, PDOC_COL_INPUT | PDOC_COL_TOKEN | PDOC_COL_MONO},
    {N_("When (local)"), 0.15, 0, 0},
    {N_("Measured"), 0.10, 1, PDOC_COL_TOKEN},
    {N_("Limit"), 0.10, 1, PDOC_COL_TOKEN},
    {N_("What happened"), 0.25, 0, 0},
    {N_("Evidence (file and lines)"), 0.28, 0, PDOC_COL_REFS}};

static int breach_row(void *ud, const ombud_breach *b, const char *refs,
                      int64_t n, int64_t shown)
{
    pdf *p = ud;
    brow *row = &p->brows[p->nbrows];
    char u[16];

    if (p->nbrows == BREACH_ROWS)
        return 1;
    row->when[0] = '\0';
    if (b->at != OMBUD_TIME_NONE)
        ombud_fmt_local(p->tz, b->at, row->when, sizeof row->when);
    pdoc_value(&p->d, b->measured, ombud_unit_column(b->unit, 0, u, sizeof u),
               row->m, sizeof row->m);
    pdoc_value(&p->d, b->limit, ombud_unit_column(b->unit, 1, u, sizeof u),
               row->l, sizeof row->l);
    pdoc_refs(&p->d, refs, n, shown, row->ev, sizeof row->ev);
    snprintf(row->subject, sizeof row->subject, "%s", b->subject);
    snprintf(row->detail, sizeof row->detail, "%s", b->detail);
    p->nbrows++;
    return 0;
}

static void brow_cells(const brow *row, const char **cells)
{
    cells[0] = row->subject;
    cells[1] = row->when;
    cells[2] = row->m;
    cells[3] = row->l;
    cells[4] = row->detail;
    cells[5] = row->ev;
}

/* The first breaches of @p r, in a table fitted to them. */
static void breach_table(pdf *p, const presult *r)
{
    static const pdoc_table t = {breach_cols, 6, 7};
    const char *cells[6];

    p->nbrows = 0;
    ombud_store_each_breach(p->st, r->id, breach_row, p);
    if (!p->nbrows)
        return;
    for (int i = 0; i < p->nbrows; i++) {
        brow_cells(&p->brows[i], cells);
        pdoc_table_measure(&p->d, &t, cells);
    }
    pdoc_table_fit(&p->d, &t);
    brow_cells(&p->brows[0], cells);
    /* the header goes where its first row fits */
    pdoc_table_start_with(&p->d, &t, cells);
    for (int i = 0; i < p->nbrows; i++) {
        brow_cells(&p->brows[i], cells);
        pdoc_table_row(&p->d, &t, cells, -1, NULL);
    }
}

static void section(pdf *p, const presult *r)
{
    char line[2400];

    /* Heading, result and method with room for the first rows below, so a
     * heading is never left alone at the foot of a page. */
    pdoc_ensure(&p->d, r->r.breaches ? 230 : 120);
    p->d.y += 8;
    snprintf(line, sizeof line, _("%s: \"%s\""), pdoc_iso(&p->d, r->gid),
             pdoc_iso(&p->d, r->promise));
    pdoc_para(&p->d, line, 13, 1, 0);
    snprintf(line, sizeof line, _("Published in: %s. Kind of guarantee: %s."),
             pdoc_iso(&p->d, r->source), ombud_rule_label(r->kind));
    pdoc_para(&p->d, line, 8.5, 0, 0.2);
    snprintf(line, sizeof line, ombud_rule_drawing(r->kind)->lists ?
             _("%s. Measured: %s. Target: %s. Listed: %lld.") :
             _("%s. Measured: %s. Target: %s. Breaches: %lld."),
             ombud_fmt_status(r->status), r->r.measured_text, r->r.target_text,
             (long long)r->r.breaches);
    pdoc_para(&p->d, line, 9, 1, strcmp(r->status, "PASS") ? 0.0 : 0.0);
    snprintf(line, sizeof line, _("How it was measured: %s"), r->r.method);
    pdoc_para(&p->d, line, 8, 0, 0.2);
    chart(p, r);
    if (!r->r.breaches) {
        pdoc_para(&p->d, _("No breaches."), 8.5, 0, 0);
        return;
    }
    breach_table(p, r);
    if (r->r.breaches > p->nbrows) {
        int64_t more = r->r.breaches - p->nbrows;
        snprintf(line, sizeof line, ombud_ngettext("%lld more breach is listed "
                 "in the XLSX workbook (sheet \"%s\").", "%lld more breaches "
                 "are listed in the XLSX workbook (sheet \"%s\").",
                 (unsigned long)more), (long long)more,
                 pdoc_iso(&p->d, r->gid));
        p->d.y += 4;
        pdoc_para(&p->d, line, 8, 0, 0.25);
    }
}

/* ---- automatic compensation ------------------------------------------------------ */

#define RET_COLS 8

/* One row of the returns table: a month, the period, or NO DATA. */
static void returns_row(pdf *p, const pdoc_table *t, const presult *r,
                        const ombud_returns_row *m)
{
    int digits = ombud_currency_digits(p->chk.currency);
    char cells[RET_COLS][64];
    const char *c[RET_COLS];

    snprintf(cells[0], sizeof cells[0], "%s", _(r->draw->comp_type));
    snprintf(cells[1], sizeof cells[1], "%s", ombud_returns_is_total(m) ?
             _("Period total") : m->subject);
    ombud_fmt_count(m->cases, cells[2], sizeof cells[2]);
    ombud_fmt_amount(m->owed, digits, cells[3], sizeof cells[3]);
    ombud_fmt_amount(m->paid, digits, cells[4], sizeof cells[4]);
    ombud_fmt_amount(m->shortfall, digits, cells[5], sizeof cells[5]);
    ombud_fmt_count(m->pending, cells[6], sizeof cells[6]);
    if (m->share == OMBUD_BP_NONE)  /* no case decided: no share */
        snprintf(cells[7], sizeof cells[7], "-");
    else
        ombud_fmt_bp(m->share, cells[7], sizeof cells[7]);
    for (int i = 0; i < RET_COLS; i++)
        c[i] = cells[i];
    pdoc_table_row(&p->d, t, c, -1, NULL);
}

/*
 * The returns of the guarantees that count them (Ofcom's automatic
 * compensation: type x month, then the period), as the rules stored them,
 * on a page of its own before the inputs; nothing when no guarantee
 * counts returns, so every other filing is as it was.
 */
static void returns_section(pdf *p)
{
    ombud_returns_table *t = calloc(MAX_RESULTS, sizeof *t);
    char owed[48], paid[48], shrt[48], share[96], line[1600];
    pdoc_col cols[RET_COLS] = {
        {N_("Type"), 0.19, 0, 0}, {N_("Month"), 0.12, 0, 0},
        {N_("Cases"), 0.07, 1, 0}, {owed, 0.12, 1, 0}, {paid, 0.12, 1, 0},
        {shrt, 0.11, 1, 0}, {N_("Pending"), 0.12, 1, 0}, {share, 0.15, 1, 0}};
    pdoc_table tab = {cols, RET_COLS, 8};
    int any = 0;
    int64_t days = 0;

    if (!t)
        return;
    for (int i = 0; i < p->nres; i++) {
        if (!p->res[i].draw->comp_type ||
            ombud_returns_read(p->st, p->res[i].id, &t[i]))
            continue;
        if (t[i].n && !any)
            days = t[i].days;
        any |= t[i].n > 0;
    }
    if (!any)
        goto done;
    /* TRANSLATORS: table headings; %s is the currency (GBP), then a
     * number of days (30). */
    snprintf(owed, sizeof owed, _("Owed (%s)"),
             ombud_fmt_currency(p->chk.currency));
    snprintf(paid, sizeof paid, _("Paid (%s)"),
             ombud_fmt_currency(p->chk.currency));
    snprintf(shrt, sizeof shrt, _("Short (%s)"),
             ombud_fmt_currency(p->chk.currency));
    snprintf(share, sizeof share, _("%% paid in full within %s days"),
             ombud_n(days));
    pdoc_new_page(&p->d);
    pdoc_para(&p->d, _("Automatic compensation"), 16, 1, 0);
    snprintf(line, sizeof line, _("Cases, compensation owed and paid, by type "
             "and month of %s. A case is one owing compensation, counted in "
             "the month it became due (repair: restored; appointment: "
             "missed; provision: completed). Paid: the credits matched to "
             "it, at most what it owes; short = owed - paid. The method of "
             "each guarantee says more."), p->period);
    pdoc_para(&p->d, line, 8.5, 0, 0.2);
    snprintf(line, sizeof line, _("Pending: not paid in time yet, its %s "
             "days ending after the last billing row in the store; the "
             "share is of the other cases."), ombud_n(days));
    pdoc_para(&p->d, line, 8.5, 0, 0.2);
    p->d.y += 4;
    pdoc_table_start(&p->d, &tab, 20);
    for (int i = 0; i < p->nres; i++) {
        const presult *r = &p->res[i];
        int64_t total = 0;
        if (!r->draw->comp_type || !t[i].n)
            continue;
        for (size_t k = 0; k < t[i].n; k++)
            if (ombud_returns_is_total(&t[i].rows[k]))
                total = t[i].rows[k].cases;
        /* No verdict without evidence: a type with no data says so. */
        if (r->r.pass == OMBUD_NO_DATA && total == 0) {
            const char *c[RET_COLS] = {_(r->draw->comp_type),
                ombud_fmt_status("NO DATA"), "", "", "", "", "", ""};
            pdoc_table_row(&p->d, &tab, c, -1, NULL);
            continue;
        }
        for (size_t k = 0; k < t[i].n; k++)
            returns_row(p, &tab, r, &t[i].rows[k]);
    }
done:
    for (int i = 0; i < MAX_RESULTS; i++)
        ombud_returns_table_free(&t[i]);
    free(t);
}

/* ---- inputs and certification -------------------------------------------------- */

/* The manifest line into p->manifest (NULL when it fails). */
static ombud_err build_manifest(pdf *p)
{
    ombud_manifest *m = calloc(1, sizeof *m);
    ombud_err err;

    p->manifest = malloc(OMBUD_MANIFEST_MAX);
    if (!m || !p->manifest)
        err = OMBUD_E_NOMEM;
    else if (!(err = ombud_manifest_build(p->st, p->chk.id, m))) {
        snprintf(m->doc, sizeof m->doc, "filing");
        snprintf(m->paper, sizeof m->paper, "%s", ombud_paper_name(p->paper));
        err = ombud_history_manifest(p->st, p->chk.id, m);
        if (!err && !ombud_manifest_format(m, p->manifest, OMBUD_MANIFEST_MAX))
            err = ombud_error(OMBUD_E_DATA, NULL, "the manifest (the inputs' "
                              "paths and checksums) is longer than %d bytes: "
                              "import the files from shorter paths",
                              OMBUD_MANIFEST_MAX);
    }
    free(m);
    if (err) {
        free(p->manifest);
        p->manifest = NULL;
    }
    return err;
}

/*
 * The manifest line, built when the first pass reaches it: until then
 * the findings digest it names is computed on another thread
 * (ombud_store_expect_digest), while the findings are laid out. A
 * failure is kept in p->err and stops the document after that pass.
 */
static const char *manifest(pdf *p)
{
    if (!p->manifest && !p->err)
        p->err = build_manifest(p);
    return p->manifest ? p->manifest : "";
}

static void inputs(pdf *p)
{
    char line[2400];

    pdoc_new_page(&p->d);
    pdoc_para(&p->d, _("Inputs and integrity"), 16, 1, 0);
    pdoc_para(&p->d, _("Every input row was either stored or rejected with its reason; "
         "\"Balanced\" confirms read = stored + rejected for each file. "
         "Rejected rows are listed in the XLSX workbook."), 8.5, 0, 0.2);
    pdoc_para(&p->d, _("In a telephony log (Asterisk queue_log) \"Stored\" "
         "counts the lines the call legs were built from, and \"Counted\" the "
         "lines that are part of no leg (duplicates, agent and queue events, "
         "unknown events); there read = stored + rejected + counted."), 8.5,
         0, 0.2);
    pdoc_sources(&p->d, p->st);
    p->d.y += 10;
    snprintf(line, sizeof line, _("Guarantees file: %s\nSHA-256: %s"),
             pdoc_iso(&p->d, p->chk.guarantees), p->chk.guarantees_sha256);
    pdoc_para(&p->d, line, 8, 0, 0);
    snprintf(line, sizeof line, _("Produced by ombud %s. Times are local to %s. "
             "Durations are in hours and minutes; money in %s."),
             p->chk.tool_version, p->chk.tz, p->chk.currency);
    pdoc_para(&p->d, line, 8, 0, 0);
    p->d.y += 8;
    pdoc_para(&p->d, _("Manifest (also in this file's keywords; 'ombud verify "
              "--report' recomputes everything it states):"), 8, 1, 0);
    pdoc_para(&p->d, manifest(p), 6.5, 0, 0.25);
}

/*
 * Two statements, kept apart because they rest on different knowledge:
 * what the tool can attest (how the figures follow from the files) and
 * what only the filer can (that the files are the true, complete records).
 * The tool's needs no signature; the filer's is left to sign.
 */
static void certification(pdf *p)
{
    static const char *const blanks[] = {N_("Name"), N_("Title"),
        N_("Organisation"), N_("Signature"), N_("Date")};
    char line[2000];

    pdoc_new_page(&p->d);
    pdoc_para(&p->d, _("Certification"), 16, 1, 0);
    p->d.y += 6;
    pdoc_para(&p->d, _("1. What ombud attests"), 11, 1, 0);
    p->d.y += 2;
    snprintf(line, sizeof line, _("The figures in this report for %s, for the "
             "period %s, were derived by ombud %s from the input files listed "
             "under \"Inputs and integrity\", whose SHA-256 checksums are "
             "stated there, according to the guarantees file %s and the "
             "methods stated for each guarantee; the evidence references name "
             "the rows of those files on which each finding rests. Anyone "
             "holding the same files can re-derive this report byte for byte "
             "with 'ombud verify'. ombud does not know whether the files are "
             "complete or true: that is the filer's statement below."),
             pdoc_iso(&p->d, p->chk.carrier), p->period, p->chk.tool_version,
             pdoc_iso(&p->d, p->chk.guarantees));
    pdoc_para(&p->d, line, 10, 0, 0);
    p->d.y += 16;
    pdoc_para(&p->d, _("2. Statement of the filer"), 11, 1, 0);
    p->d.y += 2;
    snprintf(line, sizeof line, _("I declare that the input files listed under "
             "\"Inputs and integrity\" are true, correct and complete records "
             "of %s for the period %s, that no record within their scope was "
             "withheld or altered, and that I am authorised to file them."),
             pdoc_iso(&p->d, p->chk.carrier), p->period);
    pdoc_para(&p->d, line, 10, 0, 0);
    p->d.y += 24;
    for (size_t i = 0; i < sizeof blanks / sizeof blanks[0]; i++) {
        PangoLayout *l = pdoc_layout(&p->d, _(blanks[i]), 10, 0, 0, NULL);
        pdoc_ensure(&p->d, 40);
        pdoc_show(&p->d, l, p->d.ml, p->d.y, 0);
        g_object_unref(l);
        cairo_set_source_rgb(p->d.cr, 0, 0, 0);
        cairo_set_line_width(p->d.cr, 0.6);
        pdoc_hline(&p->d, p->d.ml + 90, p->d.ml + 380, p->d.y + 12);
        p->d.y += 40;
    }
}

ombud_err ombud_paper_parse(const char *s, ombud_paper *out)
{
    if (!g_ascii_strcasecmp(s, "letter"))
        *out = OMBUD_PAPER_LETTER;
    else if (!g_ascii_strcasecmp(s, "a4"))
        *out = OMBUD_PAPER_A4;
    else
        return OMBUD_E_USAGE;
    return OMBUD_OK;
}

const char *ombud_paper_name(ombud_paper paper)
{
    return paper == OMBUD_PAPER_A4 ? "a4" : "letter";
}

/* ---- the document ------------------------------------------------------------------ */

static int copy_result(void *ud, const ombud_result_row *r)
{
    pdf *p = ud;
    presult *c;

    if (p->nres == MAX_RESULTS)
        return 1;
    c = &p->res[p->nres++];
    c->id = r->id;
    c->gid = strdup(r->guarantee_id);
    c->kind = strdup(r->kind);
    c->draw = ombud_rule_drawing(r->kind);
    c->promise = strdup(r->promise);
    c->source = strdup(r->source);
    c->status = strdup(r->status ? r->status : "");
    c->r = r->r;
    c->r.unit = NULL;
    return 0;
}

/* The periods before, when the store has them (history.c). */
static void history(pdf *p)
{
    const char *promises[MAX_RESULTS];

    for (int i = 0; i < p->hist.ng && i < p->nres; i++)
        promises[i] = p->res[i].promise;
    if (p->hist.ng <= p->nres)
        ombud_history_pdf(&p->d, &p->hist, promises);
}

/* The months inside a period of several months (months.c). */
static void months(pdf *p)
{
    int64_t ids[MAX_RESULTS];
    char *gids[MAX_RESULTS], *promises[MAX_RESULTS], label[64];
    int n = 0;

    for (int i = 0; i < p->nres; i++)
        if (ombud_months_kind(p->res[i].kind)) {
            ids[n] = p->res[i].id;
            gids[n] = p->res[i].gid;
            promises[n++] = p->res[i].promise;
        }
    ombud_months_label(p->tz, p->chk.from, p->chk.to, _("Period"), label,
                       sizeof label);
    ombud_months_pdf(&p->d, p->st, ids, gids, promises, n, label);
}

/* The whole document; pdoc_write() calls it twice. */
static void draw(pdoc *d, void *ud)
{
    pdf *p = ud;

    (void)d;
    cover(p);
    summary(p);
    pdoc_new_page(&p->d);
    pdoc_para(&p->d, _("Findings by guarantee"), 16, 1, 0);
    for (int i = 0; i < p->nres; i++)
        section(p, &p->res[i]);
    returns_section(p);
    months(p);
    history(p);
    inputs(p);
    certification(p);
}

static void free_results(pdf *p)
{
    for (int i = 0; i < p->nres; i++) {
        presult *r = &p->res[i];
        free(r->gid);
        free(r->kind);
        free(r->promise);
        free(r->source);
        free(r->status);
    }
}

/* Metadata, then the document into @path. */
static ombud_err write_pdf(pdf *p, const char *path)
{
    char date[32], subject[700], creator[64], *keywords;
    ombud_tm tm;
    ombud_err err;
    int nomem;

    ombud_tm_from_instant(NULL, p->chk.to, &tm);
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
             tm.month, tm.day, tm.hour, tm.min, tm.sec);
    snprintf(subject, sizeof subject, _("%s: service quality findings for the "
             "%s, %s"), p->chk.carrier, p->chk.commission, p->period);
    snprintf(creator, sizeof creator, "ombud %s", p->chk.tool_version);
    pdoc_count(&p->d, draw, p);
    (void)manifest(p);   /* the first pass built it, unless it failed */
    if (p->err)
        return p->err;
    /* The keywords are the manifest: ombud verify reads them back. It
     * names the input files, and cairo refuses the whole PDF for a
     * noncharacter in one: such a character is written "<U+FFFE>". */
    if (!(keywords = ombud_xml_text(p->manifest, &nomem)) && nomem)
        return OMBUD_E_NOMEM;
    err = pdoc_emit(&p->d, path, draw, p, _("Service quality compliance report"),
                    p->chk.prepared_by[0] ? p->chk.prepared_by : "ombud",
                    subject, keywords ? keywords : p->manifest, creator, date);
    free(keywords);
    return err;
}

ombud_err ombud_report_pdf(ombud_store *st, int64_t check_id, const char *path,
                           ombud_paper paper)
{
    pdf *p = calloc(1, sizeof *p);
    ombud_err err;

    if (!p)
        return OMBUD_E_NOMEM;
    p->st = st;
    if ((err = ombud_store_check_get(st, check_id, &p->chk))) {
        free(p);
        return err == OMBUD_E_DATA ? ombud_error(err, NULL, "no findings in "
               "the store: run ombud check first") : err;
    }
    if (ombud_tz_open(p->chk.tz, &p->tz)) {
        err = ombud_error(OMBUD_E_DATA, NULL, "the findings' time zone '%s' "
                          "is not known on this machine", p->chk.tz);
        free(p);
        return err;
    }
    ombud_fmt_period(p->tz, p->chk.from, p->chk.to, p->period, sizeof p->period);
    pdoc_init(&p->d, paper, p->chk.currency);
    snprintf(p->d.head, sizeof p->d.head, _("%s  |  Service quality compliance "
             "report  |  %s"), pdoc_iso(&p->d, p->chk.carrier), p->period);
    snprintf(p->d.foot, sizeof p->d.foot, _("ombud %s; figures from the stored "
             "findings, evidence by file and line"), p->chk.tool_version);
    p->paper = paper;
    /* The digest is computed while the first pass lays out the findings. */
    ombud_store_expect_digest(st, p->chk.id);
    if (!(err = ombud_store_each_result(st, p->chk.id, copy_result, p)) &&
        !(err = ombud_quality_list_get(st, p->chk.id, 1, &p->q)) &&
        !(err = ombud_history_load(st, &p->chk, ombud_history_depth(),
                                   &p->hist)))
        err = write_pdf(p, path);
    ombud_history_free(&p->hist);
    ombud_quality_list_free(&p->q);
    free(p->manifest);
    pdoc_release(&p->d);
    free_results(p);
    ombud_tz_free(p->tz);
    free(p);
    return err;
}
