/*
 * text.c - character classes of input text, bidi isolation for the PDF
 * and visible escaping for sheet XML (see text.h for why).
 *
 * Decisions:
 * - Isolation, not removal: a Hebrew account name keeps its own order and
 *   shapes; only its influence on ombud's words around it is cut off.
 *   FSI (first strong isolate) lets the name choose its own direction.
 * - The isolate is built so the input cannot close it early (a stray PDI
 *   is dropped) and cannot leave one open (it is closed at the end and at
 *   every paragraph separator, where UAX #9 ends isolates anyway).
 * - Escapes in sheet text are visible ("<U+FFFE>"), never silent: a
 *   regulator reading the workbook sees that something odd was there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/text.h"

int ombud_char_is_bidi_control(uint32_t c)
{
    return c == 0x200E || c == 0x200F || c == 0x061C ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int ombud_char_is_noncharacter(uint32_t c)
{
    return (c >= 0xFDD0 && c <= 0xFDEF) ||
           (c <= 0x10FFFF && (c & 0xFFFE) == 0xFFFE);
}

int ombud_char_is_control(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

int ombud_char_is_xml(uint32_t c)
{
    return c == 0x09 || c == 0x0A || c == 0x0D ||
           (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

size_t ombud_utf8_next(const char *s, const char *e, uint32_t *c)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t left = (size_t)(e - s), n;
    uint32_t v;

    if (p[0] < 0x80 || p[0] < 0xC2 || p[0] > 0xF4) {
        *c = p[0];
        return 1;
    }
    n = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
    if (n > left) {
        *c = p[0];
        return 1;
    }
    v = p[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *c = p[0];
            return 1;
        }
        v = v << 6 | (p[i] & 0x3F);
    }
    *c = v;
    return n;
}

/* A paragraph separator (bidi class B) as pango splits paragraphs. */
static int is_para_break(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x1C || c == 0x1D || c == 0x1E ||
           c == 0x85 || c == 0x2029;
}

static int opens_isolate(uint32_t c)
{
    return c == 0x2066 || c == 0x2067 || c == 0x2068;
}

/* Append @p n bytes; the buffer was sized for the worst case. */
static char *put(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

static char *close_isolates(char *o, size_t depth)
{
    for (size_t i = 0; i <= depth; i++)
        o = put(o, OMBUD_PDI, 3);
    return o;
}

char *ombud_bidi_isolate(const char *s)
{
    const char *e;
    size_t depth = 0, len;
    char *out, *o;

    if (!s)
        return NULL;
    len = strlen(s);
    e = s + len;
    /* Worst case: every byte a paragraph break, each costing PDI + FSI,
     * or an isolate opener (3 bytes) closed at the end by a PDI each. */
    if (!(out = malloc(len * 8 + 8)))
        return NULL;
    o = put(out, OMBUD_FSI, 3);
    while (s < e) {
        uint32_t c;
        size_t n = ombud_utf8_next(s, e, &c);
        if (is_para_break(c)) {
            o = close_isolates(o, depth);
            o = put(o, s, n);
            o = put(o, OMBUD_FSI, 3);
            depth = 0;
        } else if (c == 0x2069 && depth == 0) {
            /* would close ombud's isolate: dropped */
        } else {
            depth += opens_isolate(c);
            depth -= c == 0x2069;
            o = put(o, s, n);
        }
        s += n;
    }
    o = close_isolates(o, depth);
    *o = '\0';
    return out;
}

/* Does the character at @p s need an escape in sheet text? */
static int needs_escape(uint32_t c, size_t n)
{
    if (n == 1 && c >= 0x80)
        return 1; /* a byte that is no UTF-8 */
    if (c == '\t' || c == '\n')
        return 0;
    return !ombud_char_is_xml(c) || ombud_char_is_control(c) ||
           ombud_char_is_noncharacter(c);
}

char *ombud_xml_text(const char *s, int *nomem)
{
    const char *p, *e;
    char *out, *o;
    size_t len;
    int any = 0;

    *nomem = 0;
    if (!s)
        return NULL;
    len = strlen(s);
    e = s + len;
    for (p = s; p < e && !any;) {
        uint32_t c;
        size_t n = ombud_utf8_next(p, e, &c);
        any = needs_escape(c, n);
        p += n;
    }
    if (!any)
        return NULL;
    /* "<U+10FFFF>" is 10 bytes for at least one input byte. */
    if (!(out = malloc(len * 10 + 1))) {
        *nomem = 1;
        return NULL;
    }
    for (p = s, o = out; p < e;) {
        uint32_t c;
        size_t n = ombud_utf8_next(p, e, &c);
        if (!needs_escape(c, n))
            o = put(o, p, n);
        else if (n == 1 && c >= 0x80)
            o += sprintf(o, "<0x%02X>", (unsigned)c);
        else
            o += sprintf(o, "<U+%04X>", (unsigned)c);
        p += n;
    }
    *o = '\0';
    return out;
}

char *ombud_utf8_copy(char *dst, size_t size, const char *src)
{
    size_t n;

    if (!size)
        return dst;
    snprintf(dst, size, "%s", src ? src : "");
    n = strlen(dst);
    if (!src || src[n] == '\0')
        return dst;
    /* src[n] is the first byte left out: back to its character's start. */
    while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
        n--;
    dst[n] = '\0';
    return dst;
}

size_t ombud_utf8_whole(const char *s)
{
    size_t n = strlen(s), lead = n, need;
    unsigned char c;

    /* Back over at most three continuation bytes to the last lead byte. */
    while (lead > 0 && n - lead < 4 &&
           ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead == 0)
        return n;
    c = (unsigned char)s[lead - 1];
    need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n - (lead - 1) < need ? lead - 1 : n;
}

char *ombud_utf8_scrub(const char *s)
{
    const gchar *end;
    GString *out;

    if (g_utf8_validate(s, -1, &end))
        return NULL;
    out = g_string_new_len(s, end - s);
    /* Each bad byte goes alone: what follows it may be whole again. */
    for (s = end + 1; !g_utf8_validate(s, -1, &end); s = end + 1)
        g_string_append_len(out, s, end - s);
    g_string_append(out, s);
    return g_string_free(out, FALSE);
}

char *ombud_utf8_trim(char *s)
{
    s[ombud_utf8_whole(s)] = '\0';
    return s;
}

int ombud_text_lines(const char *s, double width)
{
    int lines = 1, chars = 0, per = (int)(width * 1.05);

    for (; s && *s; s++) {
        if (*s == '\n' || chars >= per) {
            lines++;
            chars = 0;
        }
        /* a character is counted at its first byte */
        chars += ((unsigned char)*s & 0xC0) != 0x80 && *s != '\n';
    }
    return lines;
}
