/*
 * evidence.c - evidence references written compactly (see evidence.h).
 *
 * Decisions:
 * - Read strictly or not at all. A reference is NAME ':' LINES, ended by
 *   ", " or the end; a name may hold ':' and ", " too, so the first ':'
 *   followed by a whole line list and a separator ends the name, and the
 *   rows found must add up to the count the store gives. A list that
 *   does not is refused: the caller prints it as it came, which is never
 *   wrong, where a guess could name lines no evidence cites.
 * - Files in the order first named (the rule's evidence order, the
 *   ticket's before the outage's); lines sorted, a line named twice (two
 *   files of one name) counted once as a line, twice as a row.
 * - Cut to fit by dropping whole ranges, then whole files, each marked
 *   with "…": a half-printed line number would name the wrong row.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/evidence.h"
#include "ombud/i18n.h"
#include "ombud/text.h"

#define EN_DASH "\xe2\x80\x93"
#define ELLIPSIS "\xe2\x80\xa6"

/* One file: its name, its lines (sorted, unique) and rows. */
typedef struct egroup {
    const char *name;         /* into refs, not terminated */
    size_t nlen;
    char *shown;              /* the name as written (owned) */
    int64_t *lines;           /* into the shared array */
    size_t nlines;            /* distinct lines */
    size_t nranges;           /* runs of consecutive lines */
    int64_t rows;             /* evidence rows naming it */
} egroup;

/* Everything read from one reference list. */
typedef struct eparse {
    egroup *g;
    size_t ng;
    int64_t *line_group;      /* per line read: group index, then number */
    size_t nl;
    int64_t more;             /* rows the store left out */
} eparse;

/* ---- reading --------------------------------------------------------------- */

/* Bytes of the line list at @p s (before @p e): "12" or "12,15,18", every
 * number 1 to OMBUD_EVIDENCE_DIGITS digits; 0 when there is none. A comma
 * not followed by a number ends the list before it. */
static size_t lines_len(const char *s, const char *e)
{
    size_t i = 0, end = 0;

    for (;;) {
        size_t d = 0;
        while (s + i + d < e && s[i + d] >= '0' && s[i + d] <= '9')
            d++;
        if (!d || d > OMBUD_EVIDENCE_DIGITS)
            return end;
        end = i + d;
        if (s + end >= e || s[end] != ',')
            return end;
        i = end + 1;
    }
}

/*
 * The reference at [@p s, @p e): the first ':' after a non-empty name
 * that is followed by a line list and then the end, or (unless @p last)
 * ", " and more. Sets the name's length and the list; returns the bytes
 * used, separator included, or 0 when there is no reference there.
 */
static size_t ref_at(const char *s, const char *e, int last, size_t *nlen,
                     const char **lines, size_t *llen)
{
    for (const char *c = s + 1; c < e; c++) {
        const char *after;
        size_t l;
        if (*c != ':' || !(l = lines_len(c + 1, e)))
            continue;
        after = c + 1 + l;
        *nlen = (size_t)(c - s);
        *lines = c + 1;
        *llen = l;
        if (after == e)
            return (size_t)(e - s);
        if (!last && e - after > 2 && after[0] == ',' && after[1] == ' ')
            return (size_t)(after + 2 - s);
    }
    return 0;
}

/* The group of the file named [@p name, +@p nlen), added if new. */
static size_t group_of(eparse *p, const char *name, size_t nlen)
{
    for (size_t i = 0; i < p->ng; i++)
        if (p->g[i].nlen == nlen && !memcmp(p->g[i].name, name, nlen))
            return i;
    p->g[p->ng] = (egroup){name, nlen, NULL, NULL, 0, 0, 0};
    return p->ng++;
}

/* One reference: its row, and each of its lines under its file. */
static void add_ref(eparse *p, const char *name, size_t nlen,
                    const char *lines, size_t llen)
{
    size_t g = group_of(p, name, nlen);
    const char *s = lines, *e = lines + llen;

    p->g[g].rows++;
    while (s < e) {
        int64_t v = 0;
        while (s < e && *s != ',')
            v = v * 10 + (*s++ - '0');  /* at most 15 digits: no overflow */
        p->line_group[2 * p->nl] = (int64_t)g;
        p->line_group[2 * p->nl + 1] = v;
        p->nl++;
        s += s < e;
    }
}

/* Read @p refs, the first @p shown of @p nrefs rows, into @p p (arrays
 * allocated by the caller). */
static ombud_err read_refs(eparse *p, const char *refs, int64_t nrefs,
                           int64_t shown)
{
    const char *s = refs, *e = refs + strlen(refs);
    int64_t read = 0;

    while (s < e) {
        const char *lines;
        size_t nlen, llen, used = ref_at(s, e, 0, &nlen, &lines, &llen);
        if (!used)
            return OMBUD_E_DATA;
        add_ref(p, s, nlen, lines, llen);
        read++;
        s += used;
    }
    p->more = nrefs - read;
    return read > 0 && read == shown && shown <= nrefs ? OMBUD_OK
                                                      : OMBUD_E_DATA;
}

char *ombud_evidence_refs_text(const char *refs, int64_t nrefs,
                               int64_t shown, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s", refs ? refs : "");

    if (shown < nrefs && n >= 0 && (size_t)n < size)
        /* TRANSLATORS: after a list of evidence rows cut short. */
        snprintf(buf + n, size - (size_t)n, _(" and %lld more"),
                 (long long)(nrefs - shown));
    return buf;
}

/* ---- ordering ---------------------------------------------------------------- */

static int cmp_pair(const void *a, const void *b)
{
    const int64_t *x = a, *y = b;

    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Sort the lines by file, then number; drop repeats; point each group at
 * its run (numbers packed at the front of the array) and count its
 * ranges. */
static void order_lines(eparse *p)
{
    int64_t *nums = p->line_group;
    size_t out = 0;

    if (p->nl) /* never hand qsort a NULL array, even empty */
        qsort(p->line_group, p->nl, 2 * sizeof(int64_t), cmp_pair);
    for (size_t i = 0; i < p->nl; i++) {
        egroup *g = &p->g[p->line_group[2 * i]];
        int64_t v = p->line_group[2 * i + 1];
        if (g->nlines && g->lines[g->nlines - 1] == v)
            continue;
        if (!g->nlines)
            g->lines = nums + out;
        g->nranges += !g->nlines || g->lines[g->nlines - 1] + 1 != v;
        nums[out++] = v;      /* out <= 2i: never ahead of what is read */
        g->nlines++;
    }
}

/* ---- writing ----------------------------------------------------------------- */

/* A growing string; @c nomem once an allocation failed. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
    int nomem;
} sbuf;

static void sb_add(sbuf *b, const char *t, size_t n)
{
    if (b->nomem)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *s = realloc(b->s, cap);
        if (!s) {
            b->nomem = 1;
            return;
        }
        b->s = s;
        b->cap = cap;
    }
    memcpy(b->s + b->n, t, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void sb_str(sbuf *b, const char *t) { sb_add(b, t, strlen(t)); }

static void sb_printf(sbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    char small[256], *big;
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->nomem = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        sb_add(b, small, (size_t)n);
        return;
    }
    if (!(big = malloc((size_t)n + 1))) {
        b->nomem = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_add(b, big, (size_t)n);
    free(big);
}

/* "2–11, 14, 20–31" into @p b: at most @p max ranges, then ", …". */
static void write_ranges(sbuf *b, const egroup *g, size_t max)
{
    size_t shown = 0, i = 0;

    while (i < g->nlines) {
        size_t j = i;
        while (j + 1 < g->nlines && g->lines[j + 1] == g->lines[j] + 1)
            j++;
        if (shown == max) {
            sb_str(b, ", " ELLIPSIS);
            return;
        }
        if (shown++)
            sb_str(b, ", ");
        if (j > i)
            sb_printf(b, "%lld" EN_DASH "%lld", (long long)g->lines[i],
                      (long long)g->lines[j]);
        else
            sb_printf(b, "%lld", (long long)g->lines[i]);
        i = j + 1;
    }
}

/* The text with at most @p ranges ranges a file and the first @p files
 * files. */
static void compose(sbuf *b, const eparse *p, size_t ranges, size_t files)
{
    sbuf r = {NULL, 0, 0, 0};
    char f[128];

    b->n = 0;
    for (size_t i = 0; i < files; i++) {
        const egroup *g = &p->g[i];
        r.n = 0;
        sb_str(&r, "");
        write_ranges(&r, g, ranges);
        if (i)
            sb_str(b, "; ");
        /* TRANSLATORS: evidence: a file name, then its line numbers
         * ("2-11, 14"); the plural follows how many lines. */
        /* "line 9" and "(64 rows)" never wrap inside; a narrow column may
         * still break after the file's name and at the ranges' ", ". */
        sb_printf(b, ombud_fmt_nbsp(ombud_ngettext("%s line %s", "%s lines %s",
                  g->nlines), 1, f, sizeof f), g->shown, r.nomem ? "" : r.s);
        if (g->rows > 1) {
            /* The space before "(" may break; the one inside may not. */
            sb_str(b, " ");
            sb_printf(b, ombud_fmt_nbsp(ombud_ngettext("(%lld row)", "(%lld rows)",
                      (unsigned long)g->rows), 0, f, sizeof f),
                      (long long)g->rows);
        }
    }
    if (files < p->ng)
        sb_str(b, "; " ELLIPSIS);
    if (p->more > 0)
        /* TRANSLATORS: evidence rows the list leaves out. */
        sb_printf(b, ombud_ngettext("; %lld more row", "; %lld more rows",
                  (unsigned long)p->more), (long long)p->more);
    b->nomem |= r.nomem;
    free(r.s);
    sb_str(b, "");
}

/* Does the text with these limits fit in @p size bytes? */
static int fits(sbuf *b, const eparse *p, size_t ranges, size_t files,
                size_t size)
{
    compose(b, p, ranges, files);
    return !b->nomem && b->n < size;
}

/* The most of the text that fits in @p size into @p b; 0 if nothing. */
static int write_fitting(sbuf *b, const eparse *p, size_t size)
{
    size_t most = 1, lo, hi;

    for (size_t i = 0; i < p->ng; i++)
        if (p->g[i].nranges > most)
            most = p->g[i].nranges;
    if (fits(b, p, most, p->ng, size))
        return 1;
    /* The text grows with each limit: search the largest that fits. */
    if (fits(b, p, 1, p->ng, size)) {
        for (lo = 1, hi = most; hi - lo > 1;) {
            size_t mid = lo + (hi - lo) / 2;
            *(fits(b, p, mid, p->ng, size) ? &lo : &hi) = mid;
        }
        return fits(b, p, lo, p->ng, size);
    }
    for (lo = 0, hi = p->ng; hi - lo > 1;) {
        size_t mid = lo + (hi - lo) / 2;
        *(fits(b, p, 1, mid, size) ? &lo : &hi) = mid;
    }
    return lo > 0 && fits(b, p, 1, lo, size);
}

/* Each group's name as it is written (isolated for a PDF). */
static ombud_err name_groups(eparse *p, int isolate)
{
    for (size_t i = 0; i < p->ng; i++) {
        egroup *g = &p->g[i];
        char *plain = malloc(g->nlen + 1);
        if (!plain)
            return OMBUD_E_NOMEM;
        memcpy(plain, g->name, g->nlen);
        plain[g->nlen] = '\0';
        if (isolate) {
            g->shown = ombud_bidi_isolate(plain);
            free(plain);
            if (!g->shown)
                return OMBUD_E_NOMEM;
        } else {
            g->shown = plain;
        }
    }
    return OMBUD_OK;
}

ombud_err ombud_evidence_compact(const char *refs, int64_t nrefs,
                                 int64_t shown, int isolate, char *buf,
                                 size_t size)
{
    size_t len = refs ? strlen(refs) : 0;
    eparse p = {NULL, 0, NULL, 0, 0};
    sbuf b = {NULL, 0, 0, 0};
    ombud_err err;

    if (!buf || !size)
        return OMBUD_E_DATA;
    buf[0] = '\0';
    if (!len || nrefs < 1)
        return OMBUD_E_DATA;
    /* A reference takes at least 4 bytes with its separator ("a:1, "),
     * and a line at least 2 ("1,"). */
    p.g = calloc(len / 2 + 1, sizeof *p.g);
    p.line_group = malloc((len / 2 + 1) * 2 * sizeof *p.line_group);
    if (!p.g || !p.line_group)
        err = OMBUD_E_NOMEM;
    else if (!(err = read_refs(&p, refs, nrefs, shown)) &&
             !(err = name_groups(&p, isolate))) {
        order_lines(&p);
        if (!write_fitting(&b, &p, size))
            err = b.nomem ? OMBUD_E_NOMEM : OMBUD_E_DATA;
        else
            memcpy(buf, b.s, b.n + 1);
    }
    for (size_t i = 0; p.g && i < p.ng; i++)
        free(p.g[i].shown);
    free(p.g);
    free(p.line_group);
    free(b.s);
    return err;
}
