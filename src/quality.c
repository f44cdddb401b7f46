/*
 * quality.c - the data-quality items of a check (see quality.h).
 *
 * Everything here is read from the store (sources, their rows, the
 * check's results and the parameters each result records), never from the
 * guarantees file or the clock, so the same store gives the same items to
 * `check`, to each report and to `ombud verify` writing a report again.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/time.h"
#include "ombud/i18n.h"
#include "ombud/ingest.h"
#include "ombud/quality.h"
#include "ombud/text.h"

/* Days of a period looked at for gaps: a year and a little. */
#define MAX_GAP_DAYS 400
/* Stored values named in a "did you mean" list. */
#define MAX_SHOWN 6

typedef struct collect {
    ombud_store *st;
    ombud_check_info chk;
    ombud_tz *tz;
    GPtrArray *items;      /* ombud_quality_item* (g_free) */
    GPtrArray *sources;    /* source rows copied (source_copy*) */
    GPtrArray *results;    /* result rows copied (result_copy*) */
    int isolate;           /* isolate input text (for the PDF) */
    GPtrArray *isos;       /* the isolated copies (g_free) */
} collect;

typedef struct source_copy {
    int64_t id, read, stored, rejected;
    char kind[32], name[256], tz[64];
} source_copy;

typedef struct result_copy {
    char gid[128], params[1024];
    int pass;
} result_copy;

static void add(collect *c, ombud_q_level level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add(collect *c, ombud_q_level level, const char *fmt, ...)
{
    ombud_quality_item *it = g_new0(ombud_quality_item, 1);
    va_list ap;

    it->level = level;
    va_start(ap, fmt);
    vsnprintf(it->text, sizeof it->text, fmt, ap);
    va_end(ap);
    g_ptr_array_add(c->items, it);
}

/*
 * Input text (a file name, a guarantee's id, a filter word) inside one of
 * ombud's sentences: for the PDF, isolated so that it cannot reorder the
 * sentence around it (a Hebrew report, or an id with a right-to-left
 * override). Valid until the items are freed.
 */
static const char *in(collect *c, const char *s)
{
    char *iso;

    if (!c->isolate || !s || !(iso = ombud_bidi_isolate(s)))
        return s;
    g_ptr_array_add(c->isos, iso);
    return iso;
}

/* ---- copying what the store has ------------------------------------------------ */

static int copy_source(void *ud, const ombud_source_row *r)
{
    source_copy *s = g_new0(source_copy, 1);

    s->id = r->id;
    s->read = r->counts.read;
    s->stored = r->counts.stored;
    s->rejected = r->counts.rejected;
    snprintf(s->kind, sizeof s->kind, "%s", r->kind);
    snprintf(s->name, sizeof s->name, "%s", r->name);
    snprintf(s->tz, sizeof s->tz, "%s", r->tz ? r->tz : "");
    g_ptr_array_add(((collect *)ud)->sources, s);
    return 0;
}

static int copy_result(void *ud, const ombud_result_row *r)
{
    result_copy *x = g_new0(result_copy, 1);

    snprintf(x->gid, sizeof x->gid, "%s", r->guarantee_id);
    snprintf(x->params, sizeof x->params, "%s", r->params ? r->params : "");
    x->pass = r->r.pass;
    g_ptr_array_add(((collect *)ud)->results, x);
    return 0;
}

/* ---- the items -------------------------------------------------------------------- */

/* Rows read, stored, rejected; where they fall against the period. */
static ombud_err sources_items(collect *c)
{
    for (guint i = 0; i < c->sources->len; i++) {
        const source_copy *s = g_ptr_array_index(c->sources, i);
        int64_t spread[3], bp = s->read ? (s->rejected * 20000 + s->read) /
                                          (2 * s->read) : 0;
        char share[32], max[32];
        ombud_err err;
        int timed = !ombud_input_has(s->kind, OMBUD_IN_UNTIMED);
        int over = s->rejected * 10000 > c->chk.max_rejected_bp * s->read;

        /* Rounded to the nearest basis point, except that a share over the
         * limit never reads as the limit itself (1 of 199 is 0.51%). */
        if (over && bp <= c->chk.max_rejected_bp)
            bp = c->chk.max_rejected_bp + 1;
        ombud_fmt_bp(bp, share, sizeof share);
        if ((err = ombud_store_source_spread(c->st, s->id, s->kind, c->chk.from,
                                             c->chk.to, spread)))
            return err;
        if (timed)
            add(c, OMBUD_Q_NOTE, _("%s (%s): %s read, %s stored, %s "
                "rejected (%s); records dated before the period: %s, in it: "
                "%s, after it: %s"), in(c, s->name), ombud_input_label(s->kind),
                ombud_n(s->read), ombud_n(s->stored),
                ombud_n(s->rejected), share, ombud_n(spread[0]),
                ombud_n(spread[1]), ombud_n(spread[2]));
        else
            add(c, OMBUD_Q_NOTE, _("%s (%s): %s read, %s stored, %s "
                "rejected (%s)"), in(c, s->name), ombud_input_label(s->kind),
                ombud_n(s->read), ombud_n(s->stored),
                ombud_n(s->rejected), share);
        if (over)
            add(c, OMBUD_Q_SERIOUS, _("%s: %s of %s rows rejected (%s), "
                "more than the %s allowed: the figures rest on part of the "
                "file (see the rejected rows)"), in(c, s->name),
                ombud_n(s->rejected), ombud_n(s->read), share,
                ombud_fmt_bp(c->chk.max_rejected_bp, max, sizeof max));
        /* epochs (a queue_log's): no zone was applied to them */
        if (s->tz[0] && strcmp(s->tz, c->chk.tz) &&
            !ombud_input_has(s->kind, OMBUD_IN_ZONELESS))
            add(c, OMBUD_Q_SERIOUS, _("%s was read in the time zone %s, the "
                "filing's is %s: times without an offset were placed in the "
                "wrong zone (import it again with --tz %s)"), in(c, s->name), s->tz,
                c->chk.tz, c->chk.tz);
    }
    return OMBUD_OK;
}

/* The value of "key = value" in a result's recorded parameters, or NULL. */
static char *param(const char *params, const char *key)
{
    char **parts = g_strsplit(params, "; ", -1), *v = NULL;
    size_t n = strlen(key);

    for (int i = 0; parts[i] && !v; i++)
        if (!strncmp(parts[i], key, n) && !strncmp(parts[i] + n, " = ", 3))
            v = g_strdup(parts[i] + n + 3);
    g_strfreev(parts);
    return v;
}

typedef struct nearest {
    const char *word;
    char best[128];
    int dist;
    GString *shown;
    int n;
} nearest;

static int consider(void *ud, const char *v)
{
    nearest *x = ud;
    int d = ombud_edit_distance(x->word, v);

    if (x->n++ < MAX_SHOWN)
        g_string_append_printf(x->shown, "%s%s", x->shown->len ? ", " : "", v);
    if (d < x->dist) {
        x->dist = d;
        snprintf(x->best, sizeof x->best, "%s", v);
    }
    return 0;
}

/* One filter word that no row holds: serious, with what is there. */
static ombud_err unknown_word(collect *c, const char *gid, const char *key,
                              const char *what, const char *word)
{
    nearest x = {word, "", 1 << 30, g_string_new(NULL), 0};
    char tail[512];
    ombud_err err = ombud_store_filter_values(c->st, what, NULL, NULL, 1000,
                                              consider, &x);

    if (!err) {
        /* A near miss: within two edits, or a third of the word. */
        int close = x.n && (x.dist <= 2 || (size_t)x.dist <= strlen(word) / 3);
        if (!x.n)
            snprintf(tail, sizeof tail, "%s", _("no value of it is stored"));
        else if (close)
            snprintf(tail, sizeof tail, _("stored: %s%s; did you mean %s?"),
                     in(c, x.shown->str), x.n > MAX_SHOWN ? ", ..." : "",
                     in(c, x.best));
        else
            snprintf(tail, sizeof tail, _("stored: %s%s"), in(c, x.shown->str),
                     x.n > MAX_SHOWN ? ", ..." : "");
        /* "queues = tech" whole, so that a right-to-left sentence keeps
         * it in this order. */
        char *expr = g_strdup_printf("%s = %s", key, word);
        add(c, OMBUD_Q_SERIOUS, _("%s: %s matches nothing in the records "
            "(%s): it selects no row"), in(c, gid), in(c, expr), tail);
        g_free(expr);
    }
    g_string_free(x.shown, TRUE);
    return err;
}

/* Each filter word of each guarantee, looked up in the store. */
static ombud_err filter_items(collect *c)
{
    static const char *const keys[][2] = {{"queues", "queue"},
        {"services", "service"}, {"areas", "area"}, {"kinds", "kind"}};
    ombud_err err = OMBUD_OK;

    for (guint i = 0; i < c->results->len && !err; i++) {
        const result_copy *r = g_ptr_array_index(c->results, i);
        for (size_t k = 0; k < G_N_ELEMENTS(keys) && !err; k++) {
            char *v = param(r->params, keys[k][0]), **words;
            if (!v)
                continue;
            words = g_strsplit(v, ",", -1);
            for (int w = 0; words[w] && !err; w++) {
                int known = 0;
                char *word = g_strstrip(words[w]);
                if (!*word)
                    continue;
                err = ombud_store_filter_values(c->st, keys[k][1], word, &known,
                                                0, NULL, NULL);
                if (!err && !known)
                    err = unknown_word(c, r->gid, keys[k][0], keys[k][1], word);
            }
            g_strfreev(words);
            g_free(v);
        }
    }
    return err;
}

/* How many names a list "a, b, c" holds. */
static size_t names_in(const char *list)
{
    size_t n = 1;

    for (const char *q = list; (q = strchr(q, ',')); q++)
        n++;
    return n;
}

/* Values the guarantees file marks (see guarantees.c, line_mark()). */
static void mark_items(collect *c)
{
    for (guint i = 0; i < c->results->len; i++) {
        const result_copy *r = g_ptr_array_index(c->results, i);
        char *p = param(r->params, "placeholder"), *u = param(r->params, "unverified");
        if (p) /* "saifi_max, saidi_max": one name per comma, plus one */
            add(c, OMBUD_Q_SERIOUS, ombud_ngettext("%s: %s is a placeholder "
                "in the guarantees file (an example figure of the template): "
                "give the carrier's own before filing", "%s: %s are "
                "placeholders in the guarantees file (example figures of the "
                "template): give the carrier's own before filing",
                (unsigned long)names_in(p)), in(c, r->gid), p);
        if (u)
            add(c, OMBUD_Q_NOTE, _("%s: %s is marked unverified in the "
                "guarantees file: check it against the standard's text before "
                "filing"), in(c, r->gid), u);
        g_free(p);
        g_free(u);
    }
}

static void no_data_items(collect *c)
{
    for (guint i = 0; i < c->results->len; i++) {
        const result_copy *r = g_ptr_array_index(c->results, i);
        if (r->pass == OMBUD_NO_DATA)
            add(c, OMBUD_Q_SERIOUS, _("%s: no data: nothing it judges is in "
                "the records of the period, so it is not assessed"), in(c, r->gid));
    }
}

/* Local days of the period with no call at all, when the period has any. */
static ombud_err gap_items(collect *c)
{
    int64_t t = c->chk.from, days = 0, empty = 0, first = OMBUD_TIME_NONE;
    int any = 0, some = 0;
    ombud_err err;

    if ((err = ombud_store_any_call(c->st, c->chk.from, c->chk.to, &some)) ||
        !some)
        return err;
    while (t < c->chk.to && days < MAX_GAP_DAYS) {
        int64_t next = ombud_next_midnight(c->tz, t);
        if (next <= t || next > c->chk.to)
            next = c->chk.to;
        if ((err = ombud_store_any_call(c->st, t, next, &any)))
            return err;
        days++;
        if (!any && empty++ == 0)
            first = t;
        t = next;
    }
    if (empty) {
        ombud_tm tm;
        char date[32];
        ombud_tm_from_instant(c->tz, first, &tm);
        ombud_fmt_date(tm.year, tm.month, tm.day, date, sizeof date);
        add(c, OMBUD_Q_NOTE, _("calls: %s of %s days of the period have no "
            "call at all (the first: %s); a log that should be continuous may "
            "miss an export"), ombud_n(empty), ombud_n(days), date);
    }
    return OMBUD_OK;
}

/* ---- entry ------------------------------------------------------------------------ */

static void collect_free(collect *c)
{
    g_ptr_array_free(c->items, TRUE);
    g_ptr_array_free(c->sources, TRUE);
    g_ptr_array_free(c->results, TRUE);
    g_ptr_array_free(c->isos, TRUE);
    ombud_tz_free(c->tz);
}

ombud_err ombud_quality_each(ombud_store *st, int64_t check_id, int isolate,
                             ombud_quality_fn fn, void *ud, int *serious)
{
    collect c = {st, {0}, NULL, g_ptr_array_new_with_free_func(g_free),
                 g_ptr_array_new_with_free_func(g_free),
                 g_ptr_array_new_with_free_func(g_free), isolate,
                 g_ptr_array_new_with_free_func(g_free)};
    int nserious = 0, stop = 0;
    ombud_err err;

    if (!(err = ombud_store_check_get(st, check_id, &c.chk)) &&
        ombud_tz_open(c.chk.tz, &c.tz))
        err = ombud_tz_open("UTC", &c.tz);
    if (!err && !(err = ombud_store_each_source(st, copy_source, &c)) &&
        !(err = ombud_store_each_result(st, c.chk.id, copy_result, &c))) {
        no_data_items(&c);
        mark_items(&c);
        if (!(err = filter_items(&c)) && !(err = sources_items(&c)))
            err = gap_items(&c);
    }
    /* Serious ones first, each group in the order found. */
    for (int level = OMBUD_Q_SERIOUS; !err && level >= OMBUD_Q_NOTE; level--)
        for (guint i = 0; i < c.items->len && !stop; i++) {
            const ombud_quality_item *it = g_ptr_array_index(c.items, i);
            if ((int)it->level != level)
                continue;
            nserious += level == OMBUD_Q_SERIOUS;
            stop = fn && fn(ud, it);
        }
    if (serious)
        *serious = nserious;
    collect_free(&c);
    return err;
}

typedef struct appender {
    ombud_quality_list *l;
    int nomem;
} appender;

static int append_item(void *ud, const ombud_quality_item *it)
{
    appender *a = ud;
    ombud_quality_list *l = a->l;
    ombud_quality_item *grown = realloc(l->items, (size_t)(l->n + 1) * sizeof *grown);

    if (!grown)
        return a->nomem = 1;
    l->items = grown;
    l->items[l->n++] = *it;
    return 0;
}

ombud_err ombud_quality_list_get(ombud_store *st, int64_t check_id,
                                 int isolate, ombud_quality_list *out)
{
    appender a = {out, 0};
    ombud_err err;

    memset(out, 0, sizeof *out);
    err = ombud_quality_each(st, check_id, isolate, append_item, &a,
                             &out->serious);
    if (!err && a.nomem)
        err = OMBUD_E_NOMEM;
    if (err)
        ombud_quality_list_free(out);
    return err;
}

void ombud_quality_list_free(ombud_quality_list *l)
{
    if (!l)
        return;
    free(l->items);
    l->items = NULL;
    l->n = l->serious = 0;
}

/* The Levenshtein distance of a[0..la) and b[0..lb), in bytes; @p row
 * holds lb + 1 counters, so callers choose stack or heap. */
static size_t levenshtein(const char *a, size_t la, const char *b, size_t lb,
                          size_t *row)
{
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = up;
            row[j] = best;
        }
    }
    return row[lb];
}

int ombud_edit_distance(const char *a, const char *b)
{
    size_t row[65];

    return (int)levenshtein(a, strnlen(a, 64), b, strnlen(b, 64), row);
}

size_t ombud_edit_distance_upto(const char *a, const char *b, size_t max)
{
    size_t la = strlen(a), lb = strlen(b), row[OMBUD_EDIT_MAX + 1];

    assert(max <= OMBUD_EDIT_MAX);
    if (la > max || lb > max)
        return (size_t)-1;
    return levenshtein(a, la, b, lb, row);
}
