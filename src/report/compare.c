/*
 * compare.c - where a report differs from the same report written again.
 *
 * The verdict is the byte comparison (same_bytes): any difference at all
 * fails. The rest only explains it. A workbook is a zip of XML parts; the
 * parts are compared by size and CRC first (minizip reads both from the
 * directory, no inflating), worksheets before the other parts, and the first
 * differing sheet is walked cell by cell. A PDF is cut into its objects;
 * pages are found through the page tree and compared with their content
 * and resources, so an edit is named by its page.
 *
 * The given file is untrusted: every read is bounded, every search stays
 * inside the buffer, and text quoted from it is cleaned before printing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <minizip/unzip.h>
#include <zlib.h>

#include "ombud/compare.h"

/* Parts larger than this are compared but not explained cell by cell. */
#define MAX_EXPLAIN (64u * 1024 * 1024)
/* PDFs larger than this are compared but not explained page by page. */
#define MAX_PDF (512u * 1024 * 1024)

/* ---- bytes -------------------------------------------------------------------- */

/*
 * 0 when files @a and @b hold the same bytes, 1 when not (the first
 * differing offset into @off), -1 when either cannot be read.
 */
static int same_bytes(const char *a, const char *b, long long *off)
{
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    static char ba[65536], bb[65536];
    size_t na, nb;
    int rc = 0;

    *off = 0;
    if (!fa || !fb)
        rc = -1;
    while (!rc) {
        na = fread(ba, 1, sizeof ba, fa);
        nb = fread(bb, 1, sizeof bb, fb);
        if (na != nb || memcmp(ba, bb, na)) {
            size_t i = 0;
            while (i < na && i < nb && ba[i] == bb[i])
                i++;
            *off += (long long)i;
            rc = 1;
        } else if (na == 0) {
            break;
        } else {
            *off += (long long)na;
        }
    }
    if (!rc && (ferror(fa) || ferror(fb)))
        rc = -1;
    if (fa)
        fclose(fa);
    if (fb)
        fclose(fb);
    return rc;
}

/* @s (@n bytes, untrusted) as printable text into @out: at most 60
 * characters, controls and invalid bytes as '?', cut with "...". */
static void quote(const char *s, size_t n, char *out, size_t size)
{
    GString *g = g_string_new(NULL);
    const char *p = s, *end = s + n;
    int chars = 0;

    while (p < end && chars < 60) {
        gunichar c = g_utf8_get_char_validated(p, end - p);
        if (c == (gunichar)-1 || c == (gunichar)-2) {
            g_string_append_c(g, '?');
            p++;
        } else {
            if (g_unichar_iscntrl(c) || g_unichar_type(c) == G_UNICODE_FORMAT)
                g_string_append_c(g, '?');
            else
                g_string_append_unichar(g, c);
            p = g_utf8_next_char(p);
        }
        chars++;
    }
    if (p < end)
        g_string_append(g, "...");
    snprintf(out, size, "%s", g->str);
    g_string_free(g, TRUE);
}

/* First @pat in [@p, @end), or NULL: binary-safe (PDFs hold NULs). */
static const char *find(const char *p, const char *end, const char *pat)
{
    size_t n = strlen(pat);

    for (; p && p + n <= end; p++)
        if (*p == *pat && !memcmp(p, pat, n))
            return p;
    return NULL;
}

/* ---- XLSX --------------------------------------------------------------------- */

typedef struct part { char name[256]; uLong size, crc; } part;

/* The parts of zip @z, in its order. NULL when it is not a readable zip. */
static GArray *parts_of(unzFile z)
{
    GArray *a = g_array_new(FALSE, TRUE, sizeof(part));
    unz_file_info info;
    part pt;
    int rc;

    for (rc = unzGoToFirstFile(z); rc == UNZ_OK && a->len < 100000;
         rc = unzGoToNextFile(z)) {
        memset(&pt, 0, sizeof pt);
        if (unzGetCurrentFileInfo(z, &info, pt.name, sizeof pt.name, NULL, 0,
                                  NULL, 0) != UNZ_OK)
            break;
        pt.size = info.uncompressed_size;
        pt.crc = info.crc;
        g_array_append_val(a, pt);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE) {
        g_array_free(a, TRUE);
        return NULL;
    }
    return a;
}

static const part *part_named(GArray *a, const char *name)
{
    for (guint i = 0; i < a->len; i++)
        if (!strcmp(g_array_index(a, part, i).name, name))
            return &g_array_index(a, part, i);
    return NULL;
}

/* Part @name of @z, NUL-terminated (g_free), or NULL; *n its size. */
static char *read_part(unzFile z, const char *name, size_t *n)
{
    unz_file_info info;
    char *buf;
    int got;

    if (unzLocateFile(z, name, 1) != UNZ_OK ||
        unzGetCurrentFileInfo(z, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
        info.uncompressed_size > MAX_EXPLAIN || unzOpenCurrentFile(z) != UNZ_OK)
        return NULL;
    buf = g_malloc(info.uncompressed_size + 1);
    got = unzReadCurrentFile(z, buf, (unsigned)info.uncompressed_size);
    unzCloseCurrentFile(z);
    if (got < 0 || (uLong)got != info.uncompressed_size) {
        g_free(buf);
        return NULL;
    }
    buf[got] = '\0';
    *n = (size_t)got;
    return buf;
}

/* The name of worksheet @k (1-based) from the derived workbook.xml. */
static void sheet_name(unzFile z, int k, char *out, size_t size)
{
    size_t n;
    char *xml = read_part(z, "xl/workbook.xml", &n);
    const char *p = xml, *end = xml ? xml + n : NULL, *q;

    snprintf(out, size, "sheet %d", k);
    for (int i = 0; p && i < k; i++)
        if ((p = find(p, end, "<sheet name=\"")))
            p += 13;
    if (p && (q = find(p, end, "\""))) {
        char raw[256];
        snprintf(raw, sizeof raw, "%.*s", (int)(q - p), p);
        snprintf(out, size, "'%s'", raw);
    }
    g_free(xml);
}

/* One cell element of sheet XML: where it is and its reference. */
typedef struct xcell { const char *at, *end; char ref[16]; } xcell;

/* The next <c r="..."> element at or after @p, or 0 at the end. */
static int next_cell(const char *p, const char *end, xcell *c)
{
    const char *q, *close;

    if (!(p = find(p, end, "<c r=\"")) || !(q = find(p + 6, end, "\"")))
        return 0;
    snprintf(c->ref, sizeof c->ref, "%.*s", (int)(q - p - 6 < 15 ? q - p - 6 : 15),
             p + 6);
    close = find(q, end, ">");
    if (close && close[-1] == '/')
        c->end = close + 1;
    else if ((close = find(q, end, "</c>")))
        c->end = close + 4;
    else
        c->end = end;
    c->at = p;
    return 1;
}

/* The raw text of a cell element's <t> or <v>, or NULL when it has none. */
static const char *cell_text(const xcell *c, size_t *n)
{
    const char *v = find(c->at, c->end, "<v>"), *t = find(c->at, c->end, "<t");
    const char *e;

    if (t && (t = find(t, c->end, ">"))) {
        e = find(t, c->end, "</t>");
        *n = e ? (size_t)(e - t - 1) : 0;
        return t + 1;
    }
    if (v) {
        e = find(v, c->end, "</v>");
        *n = e ? (size_t)(e - v - 3) : 0;
        return v + 3;
    }
    *n = 0;
    return NULL;
}

/*
 * Both cells' values, quoted around where they first differ: a long text
 * edited near its end still shows the edit.
 */
static int cell_values(const xcell *gc, const xcell *dc, char *gv, char *dv,
                       size_t size)
{
    size_t gn, dn, i = 0, from;
    const char *g = cell_text(gc, &gn), *d = cell_text(dc, &dn);

    if (!g || !d) {
        snprintf(gv, size, "%s", g ? "" : "(empty)");
        snprintf(dv, size, "%s", d ? "" : "(empty)");
        if (g)
            quote(g, gn, gv, size);
        if (d)
            quote(d, dn, dv, size);
        return !g != !d || (g && (gn != dn || memcmp(g, d, gn)));
    }
    while (i < gn && i < dn && g[i] == d[i])
        i++;
    /* Start a little before the difference, on a character boundary. */
    from = i > 20 ? i - 20 : 0;
    while (from > 0 && ((unsigned char)g[from] & 0xC0) == 0x80)
        from--;
    {
        char a[200], b[200];
        quote(g + from, gn - from, a, sizeof a);
        quote(d + from, dn - from, b, sizeof b);
        snprintf(gv, size, "%s%s", from ? "..." : "", a);
        snprintf(dv, size, "%s%s", from ? "..." : "", b);
    }
    return gn != dn || i < gn;
}

/* The first cell where sheet XML @g (given) and @d (derived) differ. */
static void explain_sheet(const char *g, size_t gn, const char *d, size_t dn,
                          const char *sheet, char *where, size_t size)
{
    const char *gp = g, *dp = d;
    xcell gc, dc;
    char gv[256], dv[256];

    for (;;) {
        int hg = next_cell(gp, g + gn, &gc), hd = next_cell(dp, d + dn, &dc);
        if (!hg && !hd)
            break;
        if (!hg || !hd || strcmp(gc.ref, dc.ref)) {
            snprintf(where, size, "sheet %s: the report has %s%s where the "
                     "re-derived report has %s%s", sheet, hg ? "cell " : "no "
                     "more cells", hg ? gc.ref : "", hd ? "cell " : "no more "
                     "cells", hd ? dc.ref : "");
            return;
        }
        if (gc.end - gc.at != dc.end - dc.at ||
            memcmp(gc.at, dc.at, (size_t)(gc.end - gc.at))) {
            if (cell_values(&gc, &dc, gv, dv, sizeof gv))
                snprintf(where, size, "sheet %s, cell %s: the report has "
                         "\"%s\", the re-derived report \"%s\"", sheet, gc.ref,
                         gv, dv);
            else
                snprintf(where, size, "sheet %s, cell %s: same value \"%s\" "
                         "but another type or format", sheet, gc.ref, gv);
            return;
        }
        gp = gc.end;
        dp = dc.end;
    }
    snprintf(where, size, "sheet %s: every cell is the same, but its layout, "
             "formats or drawings differ", sheet);
}

/* Why part @name differs: by cell for a worksheet, else by its name. */
static void explain_part(unzFile gz, unzFile dz, const char *name, char *where,
                         size_t size)
{
    int k;
    char sheet[300], rest;
    size_t gn = 0, dn = 0;
    char *g, *d;

    if (sscanf(name, "xl/worksheets/sheet%d.xml%c", &k, &rest) != 1) {
        snprintf(where, size, "the workbook's part %s differs%s", name,
                 !strncmp(name, "docProps/", 9) ? " (the document "
                 "properties)" : "");
        return;
    }
    sheet_name(dz, k, sheet, sizeof sheet);
    g = read_part(gz, name, &gn);
    d = read_part(dz, name, &dn);
    if (g && d)
        explain_sheet(g, gn, d, dn, sheet, where, size);
    else
        snprintf(where, size, "sheet %s differs (too large to show the cell)",
                 sheet);
    g_free(g);
    g_free(d);
}

/* Worksheets first: an edited figure is named by its cell even when a
 * program that re-saved the workbook also rewrote every other part. */
static int is_sheet(const part *p)
{
    return !strncmp(p->name, "xl/worksheets/sheet", 19);
}

static void explain_xlsx(const char *given, const char *derived, char *where,
                         size_t size)
{
    unzFile gz = unzOpen64(given), dz = unzOpen64(derived);
    GArray *gp = gz ? parts_of(gz) : NULL, *dp = dz ? parts_of(dz) : NULL;

    where[0] = '\0';
    if (!gp || !dp) {
        snprintf(where, size, "%s", gp ? "the re-derived workbook cannot be "
                 "read" : "the report is not a readable workbook (zip)");
        goto done;
    }
    for (int pass = 0; pass < 2 && !where[0]; pass++)
        for (guint i = 0; i < dp->len && !where[0]; i++) {
            const part *d = &g_array_index(dp, part, i), *g;
            if (is_sheet(d) != !pass)
                continue;
            if (!(g = part_named(gp, d->name)))
                snprintf(where, size, "the workbook lacks its part %s", d->name);
            else if (g->size != d->size || g->crc != d->crc)
                explain_part(gz, dz, d->name, where, size);
        }
    for (guint i = 0; i < gp->len && !where[0]; i++) {
        char name[256];
        quote(g_array_index(gp, part, i).name,
              strlen(g_array_index(gp, part, i).name), name, sizeof name);
        if (!part_named(dp, g_array_index(gp, part, i).name))
            snprintf(where, size, "the workbook has a part ombud does not "
                     "write: %s", name);
    }
    if (!where[0])
        snprintf(where, size, "every part of the workbook is the same, but the "
                 "zip around them differs (a comment, order or appended data)");
done:
    if (gp)
        g_array_free(gp, TRUE);
    if (dp)
        g_array_free(dp, TRUE);
    if (gz)
        unzClose(gz);
    if (dz)
        unzClose(dz);
}

/* ---- PDF ---------------------------------------------------------------------- */

/* An object "N 0 obj ... endobj" of a PDF. */
typedef struct pobj { const char *at, *end; } pobj;

typedef struct pdfmap {
    char *data;
    size_t n;
    GHashTable *objs;   /* object number -> pobj* (the last definition) */
    GArray *pages;      /* object numbers of the pages, in order */
} pdfmap;

/* Each "N G obj" that starts a line; the last definition of N wins, as in
 * an incrementally updated file. */
static void map_objects(pdfmap *m)
{
    const char *end = m->data + m->n;

    for (const char *p = m->data; (p = find(p, end, " obj")); p += 4) {
        const char *s = p, *e;
        while (s > m->data && (g_ascii_isdigit(s[-1]) || s[-1] == ' '))
            s--;
        if (s > m->data && s[-1] != '\n' && s[-1] != '\r')
            continue;
        if (!(e = find(p, end, "endobj")))
            break;
        {
            pobj *o = g_new(pobj, 1);
            long num = strtol(s, NULL, 10);
            o->at = p + 4;
            o->end = e;
            g_hash_table_replace(m->objs, GINT_TO_POINTER((gint)(num & 0xffffff)), o);
        }
    }
}

static const pobj *obj(const pdfmap *m, long num)
{
    return g_hash_table_lookup(m->objs, GINT_TO_POINTER((gint)(num & 0xffffff)));
}

/* The number of the first "N 0 R" after @key inside object @o, or -1. */
static long ref_after(const pobj *o, const char *key)
{
    const char *p = o ? find(o->at, o->end, key) : NULL;

    if (!p)
        return -1;
    p += strlen(key);
    while (p < o->end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '['))
        p++;
    return p < o->end && g_ascii_isdigit(*p) ? strtol(p, NULL, 10) : -1;
}

/* Pages through the page tree from the catalogue, depth first, bounded. */
static void walk_pages(pdfmap *m, long num, int depth)
{
    const pobj *o = obj(m, num);
    const char *k, *p;

    if (!o || depth > 8 || m->pages->len > 100000)
        return;
    if (!find(o->at, o->end, "/Pages") && find(o->at, o->end, "/Type /Page")) {
        g_array_append_val(m->pages, num);
        return;
    }
    if (!(k = find(o->at, o->end, "/Kids")) || !(k = find(k, o->end, "[")))
        return;
    for (p = k + 1; p < o->end && *p != ']'; ) {
        char *e;
        long kid = strtol(p, &e, 10);
        if (e == p) {
            p++;
            continue;
        }
        /* "N 0 R": skip the generation and the R. */
        strtol(e, &e, 10);
        while (e < o->end && (*e == ' ' || *e == 'R' || *e == '\n'))
            e++;
        walk_pages(m, kid, depth + 1);
        p = e;
    }
}

static int map_pdf(const char *path, pdfmap *m)
{
    gsize n = 0;
    const char *trailer;
    long root;
    pobj tr;

    memset(m, 0, sizeof *m);
    if (!g_file_get_contents(path, &m->data, &n, NULL) || n > MAX_PDF)
        return -1;
    m->n = n;
    m->objs = g_hash_table_new_full(NULL, NULL, NULL, g_free);
    m->pages = g_array_new(FALSE, FALSE, sizeof(long));
    map_objects(m);
    /* The last trailer names the catalogue, whose /Pages is the tree. */
    trailer = m->data;
    for (const char *t; (t = find(trailer, m->data + n, "trailer")); )
        trailer = t + 7;
    tr = (pobj){trailer, m->data + n};
    if ((root = ref_after(&tr, "/Root")) >= 0)
        walk_pages(m, ref_after(obj(m, root), "/Pages"), 0);
    return 0;
}

static void unmap_pdf(pdfmap *m)
{
    g_free(m->data);
    if (m->objs)
        g_hash_table_destroy(m->objs);
    if (m->pages)
        g_array_free(m->pages, TRUE);
}

/* Byte-equal objects (both absent counts as equal). */
static int same_obj(const pobj *a, const pobj *b)
{
    if (!a || !b)
        return a == b;
    return a->end - a->at == b->end - b->at &&
           !memcmp(a->at, b->at, (size_t)(a->end - a->at));
}

/* The stream data of object @o (between "stream" and "endstream"). */
static int stream_of(const pobj *o, const char **at, size_t *n)
{
    const char *s = o ? find(o->at, o->end, "stream") : NULL, *e;

    if (!s || !(e = find(s + 6, o->end, "endstream")))
        return -1;
    *at = s + 6;
    *n = (size_t)(e - s - 6);
    return 0;
}

/* Stream data inflated when it is /FlateDecode (at most MAX_EXPLAIN
 * bytes; g_byte_array_unref), else copied; NULL when it is not a stream or
 * does not inflate. */
static GByteArray *drawing_of(const pobj *o)
{
    const char *at;
    size_t n;
    GByteArray *out;
    z_stream z = {0};
    unsigned char buf[65536];
    int rc = Z_OK;

    if (stream_of(o, &at, &n))
        return NULL;
    while (n && (*at == '\r' || *at == '\n'))
        at++, n--;
    out = g_byte_array_new();
    if (!find(o->at, at, "/FlateDecode")) {
        g_byte_array_append(out, (const guint8 *)at, (guint)n);
        return out;
    }
    if (inflateInit(&z) != Z_OK) {
        g_byte_array_unref(out);
        return NULL;
    }
    z.next_in = (Bytef *)at;
    z.avail_in = (uInt)n;
    while (rc == Z_OK && out->len < MAX_EXPLAIN) {
        z.next_out = buf;
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        g_byte_array_append(out, buf, (guint)(sizeof buf - z.avail_out));
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            rc = Z_STREAM_END;  /* a stream cut short of its end marker */
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
        g_byte_array_unref(out);
        return NULL;
    }
    return out;
}

/* The page's drawing: its /Contents stream, or each of an array of them
 * (an overlay adds one), inflated and joined. NULL when unreadable. */
static GByteArray *page_drawing(const pdfmap *m, long page)
{
    const pobj *o = obj(m, page);
    const char *p = o ? find(o->at, o->end, "/Contents") : NULL;
    GByteArray *all, *one;

    if (!p)
        return NULL;
    for (p += 9; p < o->end && (*p == ' ' || *p == '\n' || *p == '\r'); p++)
        ;
    if (p < o->end && *p != '[')
        return drawing_of(obj(m, strtol(p, NULL, 10)));
    all = g_byte_array_new();
    for (p++; p < o->end && *p != ']' && all->len < MAX_EXPLAIN; ) {
        char *e;
        long num = strtol(p, &e, 10);
        if (e == p) {
            p++;
            continue;
        }
        strtol(e, &e, 10);                  /* the generation */
        while (e < o->end && (*e == ' ' || *e == 'R' || *e == '\n'))
            e++;
        if (!(one = drawing_of(obj(m, num)))) {
            g_byte_array_unref(all);
            return NULL;
        }
        g_byte_array_append(all, one->data, one->len);
        g_byte_array_unref(one);
        p = e;
    }
    return all;
}

/*
 * A page is what it draws: its content, inflated. Its dictionary and
 * resources are references to other objects, renumbered by any program
 * that rewrites the file, and the stream may be compressed anew; the
 * drawing itself survives such a rewrite unchanged, so a page cut out or
 * painted over is named by its page.
 */
static int same_page(const pdfmap *g, long gn, const pdfmap *d, long dn)
{
    GByteArray *ga = page_drawing(g, gn), *da = page_drawing(d, dn);
    int same = ga && da && ga->len == da->len &&
               !memcmp(ga->data, da->data, ga->len);

    if (ga)
        g_byte_array_unref(ga);
    if (da)
        g_byte_array_unref(da);
    return same;
}

static void explain_pdf(const char *given, const char *derived, char *where,
                        size_t size)
{
    pdfmap g = {0}, d = {0};
    guint np;

    if (map_pdf(given, &g) || map_pdf(derived, &d)) {
        snprintf(where, size, "the PDF cannot be read to say where");
        unmap_pdf(&g);
        unmap_pdf(&d);
        return;
    }
    np = d.pages->len;
    where[0] = '\0';
    if (g.pages->len != np)
        snprintf(where, size, "the report has %u page%s, the re-derived report "
                 "%u; ", g.pages->len, g.pages->len == 1 ? "" : "s", np);
    for (guint i = 0; i < np && i < g.pages->len; i++)
        if (!same_page(&g, g_array_index(g.pages, long, i), &d,
                       g_array_index(d.pages, long, i))) {
            size_t n = strlen(where);
            snprintf(where + n, size - n, "page %u of %u draws something else "
                     "than the re-derived page %u", i + 1, np, i + 1);
            break;
        }
    if (g.pages->len != np) {
        size_t n = strlen(where);
        if (n >= 2 && where[n - 2] == ';')
            snprintf(where + n - 2, size - n + 2, "%s", g.pages->len < np ?
                     " (pages were removed)" : " (pages were added)");
    } else if (!where[0]) {
        /* Same drawings: the difference is in the fonts, the information or
         * elsewhere. */
        where[0] = '\0';
    }
    if (!where[0]) {
        long info_g = -1, info_d = -1;
        pobj tg = {g.data, g.data + g.n}, td = {d.data, d.data + d.n};
        const char *t;
        for (t = g.data; (t = find(t, g.data + g.n, "trailer")); t += 7)
            tg.at = t;
        for (t = d.data; (t = find(t, d.data + d.n, "trailer")); t += 7)
            td.at = t;
        info_g = ref_after(&tg, "/Info");
        info_d = ref_after(&td, "/Info");
        if (!same_obj(obj(&g, info_g), obj(&d, info_d)))
            snprintf(where, size, "every page draws the same, but the document "
                     "information differs (title, author or keywords: the "
                     "manifest)");
        else
            snprintf(where, size, "every page draws the same and the document "
                     "information is the same, but other bytes differ (fonts, "
                     "the cross-reference table, or data appended to the "
                     "file)");
    }
    unmap_pdf(&g);
    unmap_pdf(&d);
}

/* ---- entry -------------------------------------------------------------------- */

int ombud_compare_reports(const char *given, const char *derived, int is_pdf,
                          char *where, size_t size)
{
    long long off;
    int rc = same_bytes(given, derived, &off);

    if (rc < 0) {
        snprintf(where, size, "cannot read %s or the re-derived report", given);
        return -1;
    }
    if (rc == 0)
        return 0;
    if (is_pdf)
        explain_pdf(given, derived, where, size);
    else
        explain_xlsx(given, derived, where, size);
    {
        size_t n = strlen(where);
        snprintf(where + n, size - n, " (first different byte at offset %lld)",
                 off);
    }
    return 1;
}
