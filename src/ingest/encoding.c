/*
 * encoding.c - is a file UTF-8, and if not, what is it likely to be?
 *
 * A file that is not UTF-8 is refused whole before any row is stored
 * (issue 22): one Windows-1252 byte in a free-text description used to
 * reject that row alone, and its charge vanished from the verdicts. The
 * scanner here walks the bytes once, in chunks of any size (a sequence may
 * be cut by a chunk end), and keeps the place of the first byte that is
 * not UTF-8 and a few counts from which ombud_encoding_guess() names the
 * likely encoding for the message ("use --encoding WINDOWS-1252").
 *
 * UTF-8 here is RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF (the same rules as the per-field check in value.c).
 *
 * Control characters (NUL and the other C0 bytes but TAB, LF and CR) are
 * counted too: text in any Western encoding has none, a compressed or
 * binary file given by mistake has many.
 *
 * Lines are counted as the reader counts them, which is what grep -n
 * gives: LF ends a line unless the file's first line ends with a lone CR,
 * and then CR does.
 */
#include <assert.h>
#include <stdint.h>
#include <string.h>

#include "ombud/ingest.h"

void ombud_utf8_scan_init(ombud_utf8_scan *s)
{
    assert(s);
    memset(s, 0, sizeof *s);
    s->line = 1;
}

/* Windows-1252 gives a character to every byte 0x80-0x9F except these. */
static int cp1252_defined(unsigned char b)
{
    return b != 0x81 && b != 0x8D && b != 0x8F && b != 0x90 && b != 0x9D;
}

/* A byte that is no part of a valid sequence: note the first, count it. */
static void bad(ombud_utf8_scan *s, unsigned char b, int64_t off, long col)
{
    if (!s->bad_line) {
        s->bad_line = s->line;
        s->bad_col = col;
        s->bad_offset = off;
        s->bad_byte = b;
    }
    s->nbad++;
    if (b >= 0x80 && b <= 0x9F) {
        if (cp1252_defined(b))
            s->cp1252++;
        else
            s->c1++;
    }
}

/* The byte after a CR: it decides LF or CR line ends if the first line
 * end was that CR, and in a CR file it starts the next line. Called before
 * anything else is done with the byte, so a bad byte right after a CR is
 * placed on the right line. */
static void after_cr(ombud_utf8_scan *s, unsigned char b)
{
    s->after_cr = 0;
    if (!s->eol)
        s->eol = b == '\n' ? '\n' : '\r';
    if (s->eol == '\r') {
        s->line++;
        s->col = 1;
    }
}

/* Line ends: LF ends a line unless the file's lines end with CR. */
static void count_eol(ombud_utf8_scan *s, unsigned char b)
{
    if (b == '\n' && s->eol != '\r') {
        s->eol = '\n';
        s->line++;
        s->col = 0;
    } else if (b == '\r' && s->eol != '\n') {
        s->after_cr = 1;
    }
}

/* The lead byte @b's sequence length and the range of its second byte;
 * 0 when it cannot start one. */
static unsigned lead(unsigned char b, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        return 1;
    if (b >= 0xE0 && b <= 0xEF) {
        if (b == 0xE0)
            *lo = 0xA0;      /* overlong below U+0800 */
        else if (b == 0xED)
            *hi = 0x9F;      /* surrogates U+D800-DFFF */
        return 2;
    }
    if (b >= 0xF0 && b <= 0xF4) {
        if (b == 0xF0)
            *lo = 0x90;      /* overlong below U+10000 */
        else if (b == 0xF4)
            *hi = 0x8F;      /* past U+10FFFF */
        return 3;
    }
    return 0;
}

/* A sequence broke off: its bytes so far are each not UTF-8. */
static void break_seq(ombud_utf8_scan *s)
{
    for (unsigned i = 0; i < s->nseq; i++)
        bad(s, s->seq[i], s->seq_off + i, s->seq_col + (long)i);
    s->nseq = 0;
    s->need = 0;
}

static void scan_byte(ombud_utf8_scan *s, unsigned char b)
{
    int64_t off = s->offset++;

    s->col++;
    if (s->after_cr)
        after_cr(s, b);
    if (s->need) {
        if (b >= s->lo && b <= s->hi) {
            s->seq[s->nseq++] = b;
            s->lo = 0x80;
            s->hi = 0xBF;
            if (--s->need == 0) {
                s->nseq = 0;
                s->multi++;
            }
            return;
        }
        break_seq(s); /* and read @b afresh */
    }
    if (b < 0x80) {
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
            s->ctrl++;
        count_eol(s, b);
        return;
    }
    if ((s->need = lead(b, &s->lo, &s->hi)) == 0) {
        bad(s, b, off, s->col);
        return;
    }
    s->seq[0] = b;
    s->nseq = 1;
    s->seq_off = off;
    s->seq_col = s->col;
}

/*
 * How many bytes from @b on (at most @n, in whole words of 8) are plain
 * ASCII, 0x20-0x7F. A byte below 0x20 turns its high bit on in w - 0x20..,
 * one from 0x80 on has it already; a borrow reaches only the bytes above
 * one such, so a word is never taken as plain when it is not. Eight bytes
 * a step: the first pass over a file was 4 % of an ingest byte by byte.
 */
static size_t plain_run(const unsigned char *b, size_t n)
{
    const uint64_t lo = UINT64_C(0x2020202020202020),
                   hi = UINT64_C(0x8080808080808080);
    size_t i = 0;
    uint64_t w;

    for (; i + 8 <= n; i += 8) {
        memcpy(&w, b + i, 8);
        if ((w | (w - lo)) & hi)
            break;
    }
    return i;
}

void ombud_utf8_scan_feed(ombud_utf8_scan *s, const void *p, size_t n)
{
    const unsigned char *b = p;

    assert(s && (p || !n));
    for (size_t i = 0; i < n; i++) {
        if (!s->need && !s->after_cr) {
            size_t k = plain_run(b + i, n - i);
            s->offset += (int64_t)k;
            s->col += (long)k;
            if ((i += k) == n)
                break;
        }
        /* Plain ASCII other than line ends is most of any file. */
        if (!s->need && b[i] >= 0x20 && b[i] < 0x80 && !s->after_cr) {
            s->offset++;
            s->col++;
            continue;
        }
        scan_byte(s, b[i]);
    }
}

void ombud_utf8_scan_end(ombud_utf8_scan *s)
{
    assert(s);
    if (s->need)
        break_seq(s); /* a sequence cut by the end of the file */
}

int ombud_encoding_binary(const ombud_utf8_scan *s)
{
    assert(s);
    /* One byte in 64 a control: no export of text looks like that, while
     * a stray NUL or ESC in one field of a text file should not make it
     * "binary" (the field is rejected on its own). */
    return s->ctrl > 0 && s->ctrl * 64 > s->offset;
}

const char *ombud_encoding_guess(const ombud_utf8_scan *s)
{
    assert(s);
    /* Valid multi-byte sequences as well as bad bytes: two encodings in
     * one file. Converting it all from one would garble the other part. */
    if (!s->bad_line || s->multi || ombud_encoding_binary(s))
        return NULL;
    /* Bytes 0x80-0x9F are C1 controls in ISO-8859-1, never text; used as
     * text they are Windows-1252's curly quotes, dashes and euro sign. */
    if (s->cp1252)
        return s->c1 ? NULL : "WINDOWS-1252";
    return s->c1 ? NULL : "ISO-8859-1";
}

/* Windows-1252's characters for 0x80-0x9F, in UTF-8 ("" undefined). */
static const char *const cp1252_high[32] = {
    "\xE2\x82\xAC", "", "\xE2\x80\x9A", "\xC6\x92", "\xE2\x80\x9E",
    "\xE2\x80\xA6", "\xE2\x80\xA0", "\xE2\x80\xA1", "\xCB\x86",
    "\xE2\x80\xB0", "\xC5\xA0", "\xE2\x80\xB9", "\xC5\x92", "",
    "\xC5\xBD", "", "", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C",
    "\xE2\x80\x9D", "\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94",
    "\xCB\x9C", "\xE2\x84\xA2", "\xC5\xA1", "\xE2\x80\xBA", "\xC5\x93", "",
    "\xC5\xBE", "\xC5\xB8"
};

const char *ombud_encoding_char(const char *encoding, unsigned char b,
                                char buf[5])
{
    assert(buf);
    buf[0] = '\0';
    if (!encoding || b < 0x80)
        return buf;
    if (!strcmp(encoding, "WINDOWS-1252") && b <= 0x9F)
        return strcpy(buf, cp1252_high[b - 0x80]);
    if (b >= 0xA0) { /* the same in both: U+00A0-U+00FF */
        buf[0] = (char)(0xC0 | (b >> 6));
        buf[1] = (char)(0x80 | (b & 0x3F));
        buf[2] = '\0';
    }
    return buf;
}
