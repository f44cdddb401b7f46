/*
 * value.c - amounts, integers, booleans, words and text checks.
 *
 * Amounts are parsed digit by digit into int64 minor units so that no
 * binary floating point ever touches money (89.99 is not representable
 * as a double; 8999 cents is).
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <glib.h>

#include "ombud/text.h"
#include "ombud/value.h"

static ombud_err fail(char *why, size_t wl, const char *msg)
{
    if (why && wl)
        snprintf(why, wl, "%s", msg);
    return OMBUD_E_FIELD;
}

int ombud_currency_valid(const char *code)
{
    if (!code || strlen(code) != 3)
        return 0;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return 0;
    return 1;
}

int ombud_currency_digits(const char *code)
{
    /* ISO 4217 currencies whose minor unit is not the cent. */
    static const char *const zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK",
        "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF",
        "XOF", "XPF", NULL};
    static const char *const three[] = {"BHD", "IQD", "JOD", "KWD", "LYD",
        "OMR", "TND", NULL};

    if (!code)
        return 2;
    if (ombud_word_index(code, zero) >= 0)
        return 0;
    if (ombud_word_index(code, three) >= 0)
        return 3;
    return 2;
}

ombud_err ombud_amount_parse(const char *s, int digits, int64_t *minor,
                             char *why, size_t wl)
{
    const char *p = s;
    int neg = 0, frac = 0, any = 0;
    int64_t v = 0;
    char msg[96];

    assert(s && minor && digits >= 0 && digits <= 3);
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    while (isdigit((unsigned char)*p)) {
        v = v * 10 + (*p++ - '0');
        any = 1;
        if (v > OMBUD_AMOUNT_MAX)
            return fail(why, wl, "amount too large");
    }
    if (*p == '.') {
        p++;
        while (isdigit((unsigned char)*p)) {
            if (++frac > digits) {
                snprintf(msg, sizeof msg,
                         "more than %d decimal%s for this currency", digits,
                         digits == 1 ? "" : "s");
                return fail(why, wl, msg);
            }
            v = v * 10 + (*p++ - '0');
            any = 1;
        }
    }
    if (*p == ',')
        return fail(why, wl, "comma in amount: write 1234.56, "
                             "without thousands separators");
    if (*p || !any)
        return fail(why, wl, "not a decimal amount (expected e.g. 89.99)");
    for (; frac < digits; frac++)
        v *= 10;
    if (v > OMBUD_AMOUNT_MAX)
        return fail(why, wl, "amount too large");
    *minor = neg ? -v : v;
    return OMBUD_OK;
}

char *ombud_amount_format(int64_t minor, int digits, char *buf, size_t size)
{
    int64_t scale = 1;
    uint64_t a;

    for (int i = 0; i < digits; i++)
        scale *= 10;
    a = minor < 0 ? (uint64_t)(-(minor + 1)) + 1 : (uint64_t)minor;
    if (digits == 0)
        snprintf(buf, size, "%s%llu", minor < 0 ? "-" : "",
                 (unsigned long long)a);
    else
        snprintf(buf, size, "%s%llu.%0*llu", minor < 0 ? "-" : "",
                 (unsigned long long)(a / (uint64_t)scale), digits,
                 (unsigned long long)(a % (uint64_t)scale));
    return buf;
}

ombud_err ombud_uint_parse(const char *s, int64_t max, int64_t *out,
                           char *why, size_t wl)
{
    int64_t v = 0;
    char msg[64];

    if (!*s)
        return fail(why, wl, "empty number");
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p))
            return fail(why, wl, "not a whole number");
        v = v * 10 + (*p - '0');
        if (v > max) {
            snprintf(msg, sizeof msg, "number too large (max %lld)",
                     (long long)max);
            return fail(why, wl, msg);
        }
    }
    *out = v;
    return OMBUD_OK;
}

ombud_err ombud_bool_parse(const char *s, int *out, char *why, size_t wl)
{
    static const char *const yes[] = {"yes", "y", "true", "1", NULL};
    static const char *const no[] = {"no", "n", "false", "0", NULL};

    if (ombud_word_index(s, yes) >= 0)
        *out = 1;
    else if (ombud_word_index(s, no) >= 0)
        *out = 0;
    else
        return fail(why, wl, "expected yes or no");
    return OMBUD_OK;
}

int ombud_word_index(const char *s, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strcasecmp(s, words[i]) == 0)
            return i;
    return -1;
}

/* What a non-ASCII character may not be, or NULL when it is fine. */
static const char *bad_char(uint32_t c, unsigned flags)
{
    if (c >= 0x80 && c <= 0x9F)
        return "control character";
    if (ombud_char_is_noncharacter(c))
        return "Unicode noncharacter";
    if ((flags & OMBUD_TEXT_ID) && ombud_char_is_bidi_control(c))
        return "bidirectional control character";
    return NULL;
}

/* Second pass over text holding non-ASCII bytes: UTF-8 and classes. */
static ombud_err check_chars(const char *s, size_t n, unsigned flags,
                             char *why, size_t wl)
{
    const char *end, *p = s;
    char msg[160];

    if (!g_utf8_validate_len(s, n, &end)) {
        snprintf(msg, sizeof msg, "invalid UTF-8 at byte %zu",
                 (size_t)(end - s) + 1);
        return fail(why, wl, msg);
    }
    for (end = s + n; p < end;) {
        uint32_t c;
        size_t k = ombud_utf8_next(p, end, &c);
        const char *bad = c >= 0x80 ? bad_char(c, flags) : NULL;
        if (bad) {
            snprintf(msg, sizeof msg, "%s U+%04X at byte %zu%s", bad,
                     (unsigned)c, (size_t)(p - s) + 1,
                     ombud_char_is_bidi_control(c)
                     ? ": not allowed in an identifier" : "");
            return fail(why, wl, msg);
        }
        p += k;
    }
    return OMBUD_OK;
}

/* Is the CR at @p i a line end (CRLF, or any CR in a CR-ended file)? */
static int cr_is_newline(const char *s, size_t n, size_t i, unsigned flags)
{
    return (flags & OMBUD_TEXT_CR_EOL) || (i + 1 < n && s[i + 1] == '\n');
}

ombud_err ombud_text_check_as(const char *s, size_t n, unsigned flags,
                              char *why, size_t wl)
{
    char msg[96];
    unsigned char high = 0;

    if ((flags & OMBUD_TEXT_ID) && n > OMBUD_ID_MAX) {
        snprintf(msg, sizeof msg, "%zu bytes, at most %d here (only free "
                 "text, such as a cause, is longer)", n, OMBUD_ID_MAX);
        return fail(why, wl, msg);
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        high |= c;
        if (c == 0) {
            snprintf(msg, sizeof msg, "NUL byte at byte %zu", i + 1);
            return fail(why, wl, msg);
        }
        if ((c < 0x20 && c != '\t' && c != '\n' &&
             !(c == '\r' && cr_is_newline(s, n, i, flags))) || c == 0x7f) {
            snprintf(msg, sizeof msg, "control character 0x%02X at byte %zu",
                     c, i + 1);
            return fail(why, wl, msg);
        }
    }
    /* Plain ASCII (most fields) is valid UTF-8: skip the second pass. */
    return (high & 0x80) ? check_chars(s, n, flags, why, wl) : OMBUD_OK;
}

ombud_err ombud_text_check(const char *s, size_t n, char *why, size_t wl)
{
    return ombud_text_check_as(s, n, 0, why, wl);
}
