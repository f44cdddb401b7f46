/*
 * readback.c - reading a report's manifest back, for `ombud verify`.
 *
 * XLSX: the zip is read with minizip (already loaded with libxlsxwriter);
 * the manifest is the text cell that starts "ombud-manifest 1;", the
 * findings digest is also a custom property, and the Summary rows are the
 * cells between the "Guarantee" header and the "Total" row.
 * PDF: the manifest is the document's /Keywords string in the info
 * dictionary, as cairo writes it (a literal string with \ escapes, or
 * UTF-16BE hex for non-ASCII text).
 * Only our own reports are read; anything else is refused with a reason.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <minizip/unzip.h>

#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/manifest.h"
#include "ombud/report.h"

#define MAX_MEMBER (256u * 1024 * 1024)
#define MAX_REPORT (512u * 1024 * 1024)

/* ---- XML text ------------------------------------------------------------- */

/* Undo XML's five entities, in place. */
static void unescape(char *s)
{
    static const struct { const char *e; char c; } ents[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
        {"&apos;", '\''}};
    char *o = s;

    while (*s) {
        int done = 0;
        for (size_t i = 0; i < 5 && !done; i++) {
            size_t n = strlen(ents[i].e);
            if (!strncmp(s, ents[i].e, n)) {
                *o++ = ents[i].c;
                s += n;
                done = 1;
            }
        }
        if (!done)
            *o++ = *s++;
    }
    *o = '\0';
}

/* The text or number of cell @ref in sheet XML @xml, or NULL (g_free). */
static char *cell(const char *xml, const char *ref)
{
    char pat[32];
    const char *c, *end, *v;

    snprintf(pat, sizeof pat, "<c r=\"%s\"", ref);
    if (!(c = strstr(xml, pat)) || !(end = strstr(c, "</c>")))
        return NULL;
    if ((v = g_strstr_len(c, end - c, "<t")) && (v = strchr(v, '>')) && v < end) {
        const char *t = strstr(v, "</t>");
        char *s = t ? g_strndup(v + 1, (gsize)(t - v - 1)) : NULL;
        if (s)
            unescape(s);
        return s;
    }
    if ((v = g_strstr_len(c, end - c, "<v>"))) {
        const char *t = strstr(v, "</v>");
        return t ? g_strndup(v + 3, (gsize)(t - v - 3)) : NULL;
    }
    return NULL;
}

/* ---- XLSX ------------------------------------------------------------------- */

/* The whole of zip member @name, or NULL. */
static char *member(unzFile z, const char *name)
{
    unz_file_info info;
    char *buf;
    int n;

    if (unzLocateFile(z, name, 1) != UNZ_OK ||
        unzGetCurrentFileInfo(z, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK ||
        info.uncompressed_size > MAX_MEMBER || unzOpenCurrentFile(z) != UNZ_OK)
        return NULL;
    buf = g_malloc(info.uncompressed_size + 1);
    n = unzReadCurrentFile(z, buf, (unsigned)info.uncompressed_size);
    unzCloseCurrentFile(z);
    if (n < 0 || (uLong)n != info.uncompressed_size) {
        g_free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

/* The Summary's rows: from the row after "Guarantee" to before "Total". */
static void summary_rows(const char *xml, ombud_readback *rb)
{
    char ref[16], *a;
    int row = 1, header = 0;

    for (; row < 400 && !header; row++) {
        snprintf(ref, sizeof ref, "A%d", row);
        a = cell(xml, ref);
        header = a && !strcmp(a, _("Guarantee"));
        g_free(a);
    }
    for (; header && row < 400 && rb->nrows < 128; row++) {
        ombud_summary_row *r = &rb->rows[rb->nrows];
        char *v[4];
        const char *cols = "AGHI";
        for (int i = 0; i < 4; i++) {
            snprintf(ref, sizeof ref, "%c%d", cols[i], row);
            v[i] = cell(xml, ref);
        }
        if (!v[0] || !strcmp(v[0], _("Total"))) {
            for (int i = 0; i < 4; i++)
                g_free(v[i]);
            break;
        }
        snprintf(r->guarantee, sizeof r->guarantee, "%s", v[0]);
        snprintf(r->status, sizeof r->status, "%s", v[1] ? v[1] : "");
        snprintf(r->breaches, sizeof r->breaches, "%s", v[2] ? v[2] : "");
        snprintf(r->amount, sizeof r->amount, "%s", v[3] ? v[3] : "");
        rb->nrows++;
        for (int i = 0; i < 4; i++)
            g_free(v[i]);
    }
}

/* The manifest cell: the first text starting "ombud-manifest 1;". */
static char *manifest_cell(const char *xml)
{
    const char *p = strstr(xml, ">ombud-manifest 1;"), *end;
    char *s;

    if (!p || !(end = strstr(p, "</t>")))
        return NULL;
    s = g_strndup(p + 1, (gsize)(end - p - 1));
    unescape(s);
    return s;
}

static ombud_err read_xlsx(const char *path, ombud_readback *rb)
{
    unzFile z = unzOpen64(path);
    char name[64], *xml, *m, *first = NULL;
    ombud_manifest man;
    ombud_lang lang = OMBUD_LANG_EN;

    if (!z)
        return ombud_error(OMBUD_E_DATA, NULL, "%s: not a readable XLSX (zip) "
                           "file", path);
    for (int i = 1; i < 4096 && !rb->manifest; i++) {
        snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", i);
        if (!(xml = member(z, name)))
            break;
        if ((m = manifest_cell(xml))) {
            rb->manifest = strdup(m);
            g_free(m);
        }
        if (i == 1)
            first = xml;
        else
            g_free(xml);
    }
    /* The Summary's headings are in the report's language (the manifest's). */
    if (rb->manifest && !ombud_manifest_parse(rb->manifest, &man) &&
        !ombud_lang_parse(man.lang, &lang) && ombud_i18n_set(lang))
        ombud_i18n_set(OMBUD_LANG_EN);
    if (first)
        summary_rows(first, rb);
    g_free(first);
    if ((xml = member(z, "docProps/custom.xml"))) {
        const char *p = strstr(xml, "name=\"ombud.findings_sha256\"");
        if (p && (p = strstr(p, "<vt:lpwstr>")))
            snprintf(rb->custom_findings, sizeof rb->custom_findings, "%.64s", p + 11);
        g_free(xml);
    }
    unzClose(z);
    return rb->manifest ? OMBUD_OK : ombud_error(OMBUD_E_DATA, NULL, "%s: no "
           "ombud manifest in this workbook (not written by ombud 0.3 or "
           "later, or its Manifest sheet was removed)", path);
}

/* ---- PDF -------------------------------------------------------------------- */

/* A PDF literal string at @p (after '('), with its escapes undone. */
static char *pdf_literal(const char *p, const char *end)
{
    GString *s = g_string_new(NULL);
    int depth = 1;

    for (; p < end && depth; p++) {
        if (*p == '\\' && p + 1 < end) {
            p++;
            switch (*p) {
            case 'n': g_string_append_c(s, '\n'); break;
            case 'r': g_string_append_c(s, '\r'); break;
            case 't': g_string_append_c(s, '\t'); break;
            default: g_string_append_c(s, *p);
            }
            continue;
        }
        depth += *p == '(';
        depth -= *p == ')';
        if (depth)
            g_string_append_c(s, *p);
    }
    return g_string_free(s, FALSE);
}

/* A PDF hex string <FEFF...> (UTF-16BE) as UTF-8. */
static char *pdf_hex(const char *p, const char *end)
{
    GByteArray *b = g_byte_array_new();
    gunichar2 *u;
    char *out;

    for (; p + 1 < end && *p != '>'; p += 2) {
        guint8 byte = (guint8)(g_ascii_xdigit_value(p[0]) * 16 +
                               g_ascii_xdigit_value(p[1]));
        g_byte_array_append(b, &byte, 1);
    }
    u = g_new0(gunichar2, b->len / 2 + 1);
    for (guint i = 0; i + 1 < b->len; i += 2)
        u[i / 2] = (gunichar2)(b->data[i] << 8 | b->data[i + 1]);
    out = g_utf16_to_utf8(u[0] == 0xFEFF ? u + 1 : u, -1, NULL, NULL, NULL);
    g_free(u);
    g_byte_array_free(b, TRUE);
    return out;
}

/* The last occurrence of @pat in binary @data (PDFs hold NUL bytes). */
static const char *last_of(const char *data, const char *end, const char *pat)
{
    size_t n = strlen(pat);
    const char *last = NULL;

    for (const char *p = data; p + n <= end; p++)
        if (*p == *pat && !memcmp(p, pat, n))
            last = p;
    return last;
}

static ombud_err read_pdf(const char *path, const char *data, gsize n,
                          ombud_readback *rb)
{
    const char *end = data + n, *k;
    char *m = NULL;

    /* The last /Keywords wins, as in an incrementally updated PDF. */
    k = last_of(data, end, "/Keywords");
    if (k) {
        for (k += 9; k < end && (*k == ' ' || *k == '\n' || *k == '\r'); k++)
            ;
        if (k < end && *k == '(')
            m = pdf_literal(k + 1, end);
        else if (k < end && *k == '<')
            m = pdf_hex(k + 1, end);
    }
    rb->is_pdf = 1;
    if (m && !strncmp(m, "ombud-manifest 1;", 17))
        rb->manifest = strdup(m);
    g_free(m);
    return rb->manifest ? OMBUD_OK : ombud_error(OMBUD_E_DATA, NULL, "%s: no "
           "ombud manifest in this PDF's keywords", path);
}

ombud_err ombud_report_read(const char *path, ombud_readback *rb)
{
    GError *gerr = NULL;
    gchar *data = NULL;
    gsize n = 0;
    ombud_err err;

    memset(rb, 0, sizeof *rb);
    /* Only a regular file of a report's size: not a pipe, /dev/zero or a
     * folder, which would be read without end or refused obscurely. */
    {
        GStatBuf sb;
        if (g_stat(path, &sb) == 0 && (!S_ISREG(sb.st_mode) ||
                                       sb.st_size > (goffset)MAX_REPORT))
            return ombud_error(OMBUD_E_DATA, NULL, "%s: %s", path,
                               S_ISREG(sb.st_mode) ? "larger than 512 MiB: not "
                               "an ombud report" : "not a regular file");
    }
    if (!g_file_get_contents(path, &data, &n, &gerr)) {
        err = ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s: %s", path,
                          gerr->message);
        g_error_free(gerr);
        return err;
    }
    if (n >= 4 && !memcmp(data, "PK\x03\x04", 4))
        err = read_xlsx(path, rb);
    else if (n >= 5 && !memcmp(data, "%PDF-", 5))
        err = read_pdf(path, data, n, rb);
    else
        err = ombud_error(OMBUD_E_DATA, NULL, "%s: neither an XLSX nor a PDF "
                          "report", path);
    g_free(data);
    return err;
}

void ombud_readback_free(ombud_readback *rb)
{
    free(rb->manifest);
    rb->manifest = NULL;
}
