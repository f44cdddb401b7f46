/*
 * profile_row.c - templates, formats, and making a file's record into an
 * ombud row through a profile (profile.h).
 *
 * The row a profile makes holds texts in ombud's own spelling (ISO times,
 * plain integers, ombud's words), so each format's converter still does
 * the parsing and every check it does without a profile. Times read by a
 * pattern come out as "YYYY-MM-DDTHH:MM:SS" (local, read in the file's
 * zone by the converter), with an offset when the pattern has %z, in UTC
 * ("Z") for %s and for expressions, which add a duration to an instant:
 * adding it to the wall clock would be an hour off across a DST change.
 */
#include <assert.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <glib.h>

#include "ombud/diag.h"
#include "profile_int.h"

/* ---- templates -------------------------------------------------------------- */

static char *dup_trim(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return g_strndup(s, n);
}

/* "{#3}" or "{Header}" (without braces, @n bytes) into @r. */
static ombud_err parse_ref(const char *s, size_t n, pref *r, char *why,
                           size_t wl)
{
    char *name = dup_trim(s, n), *end;
    long pos;

    if (!*name) {
        g_free(name);
        snprintf(why, wl, "empty reference {}");
        return OMBUD_E_DATA;
    }
    if (name[0] == '#') {
        pos = strtol(name + 1, &end, 10);
        if (!name[1] || *end || pos < 1 || pos > OMBUD_MAX_FIELDS) {
            snprintf(why, wl, "{%s} must be a field number from 1 to %d",
                     name, OMBUD_MAX_FIELDS);
            g_free(name);
            return OMBUD_E_DATA;
        }
        g_free(name);
        *r = (pref){NULL, pos};
        return OMBUD_OK;
    }
    *r = (pref){name, 0};
    return OMBUD_OK;
}

/* Literal text and references of @s (@n bytes) into @a. */
static ombud_err parse_parts(palt *a, const char *s, size_t n, char *why,
                             size_t wl)
{
    size_t i = 0;

    while (i < n) {
        const char *close;
        size_t lit = 0;
        if (s[i] == '}') {
            snprintf(why, wl, "'}' without its '{'");
            return OMBUD_E_DATA;
        }
        if (s[i] != '{') {
            while (i + lit < n && s[i + lit] != '{' && s[i + lit] != '}')
                lit++;
            a->parts[a->nparts++] = (ppart){g_strndup(s + i, lit), -1};
            i += lit;
            continue;
        }
        if (!(close = memchr(s + i, '}', n - i)) ||
            memchr(s + i + 1, '{', (size_t)(close - s) - i - 1)) {
            snprintf(why, wl, "'{' without its '}'");
            return OMBUD_E_DATA;
        }
        if (a->nrefs == OMBUD_PROFILE_MAX_REFS) {
            snprintf(why, wl, "more than %d fields in one alternative",
                     OMBUD_PROFILE_MAX_REFS);
            return OMBUD_E_DATA;
        }
        if (parse_ref(s + i + 1, (size_t)(close - s) - i - 1,
                      &a->refs[a->nrefs], why, wl))
            return OMBUD_E_DATA;
        a->parts[a->nparts++] = (ppart){NULL, a->nrefs++};
        i = (size_t)(close - s) + 1;
    }
    return OMBUD_OK;
}

/* Seconds in a duration unit, or 0. */
static long unit_seconds(const char *u, size_t n)
{
    static const struct { const char *w; long s; } units[] = {
        {"seconds", 1}, {"second", 1}, {"minutes", 60}, {"minute", 60},
        {"hours", 3600}, {"hour", 3600}
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strlen(units[i].w) == n && !strncasecmp(u, units[i].w, n))
            return units[i].s;
    return 0;
}

/*
 * "BASE + {D} unit": the one expression. Found by its shape: a '+'
 * outside braces followed by exactly one reference and one word. Any
 * other '+' is literal text ("{time}+02:00").
 */
static ombud_err parse_alt(palt *a, const char *s, size_t n, char *why,
                           size_t wl)
{
    const char *plus = NULL, *r, *close, *u;
    int depth = 0;

    for (size_t i = 0; i < n; i++) {
        depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
        if (s[i] == '+' && depth == 0)
            plus = s + i;
    }
    for (r = plus ? plus + 1 : NULL; r && r < s + n && *r == ' '; r++)
        ;
    if (r && r < s + n && *r == '{' &&
        (close = memchr(r, '}', (size_t)(s + n - r)))) {
        size_t ul;
        for (u = close + 1; u < s + n && *u == ' '; u++)
            ;
        ul = (size_t)(s + n - u);
        while (ul && u[ul - 1] == ' ')
            ul--;
        if (ul && !memchr(u, ' ', ul) && u > close + 1) {
            if (!(a->unit = unit_seconds(u, ul))) {
                snprintf(why, wl, "unknown unit '%.*s' (seconds, minutes or "
                         "hours)", (int)ul, u);
                return OMBUD_E_DATA;
            }
            if (parse_parts(a, s, (size_t)(plus - s), why, wl) ||
                parse_ref(r + 1, (size_t)(close - r) - 1,
                          &a->refs[a->nrefs], why, wl))
                return OMBUD_E_DATA;
            a->expr = 1;
            if (!a->nrefs) {
                snprintf(why, wl, "the expression needs a time before '+'");
                return OMBUD_E_DATA;
            }
            return OMBUD_OK;
        }
    }
    return parse_parts(a, s, n, why, wl);
}

ombud_err ombud_prof_template(pcol *c, const char *text, char *why, size_t wl)
{
    const char *s = text;
    int depth = 0;

    c->nalts = 0;
    for (const char *p = text;; p++) {
        if (*p == '{')
            depth++;
        else if (*p == '}')
            depth--;
        if (*p && (*p != '|' || depth > 0))
            continue;
        if (c->nalts == OMBUD_PROFILE_MAX_ALTS) {
            snprintf(why, wl, "more than %d alternatives",
                     OMBUD_PROFILE_MAX_ALTS);
            return OMBUD_E_DATA;
        }
        /* Spaces around '|' separate; inside an alternative they count. */
        while (*s == ' ')
            s++;
        size_t n = (size_t)(p - s);
        while (n && s[n - 1] == ' ')
            n--;
        if (!n) {
            snprintf(why, wl, "an empty alternative");
            return OMBUD_E_DATA;
        }
        if (parse_alt(&c->alts[c->nalts++], s, n, why, wl))
            return OMBUD_E_DATA;
        if (!*p)
            break;
        s = p + 1;
    }
    return OMBUD_OK;
}

void ombud_prof_template_free(pcol *c)
{
    for (int a = 0; a < c->nalts; a++) {
        palt *al = &c->alts[a];
        for (int i = 0; i < al->nparts; i++)
            g_free(al->parts[i].lit);
        for (int i = 0; i < al->nrefs + al->expr; i++)
            g_free(al->refs[i].name);
    }
    memset(c->alts, 0, sizeof c->alts);
    c->nalts = 0;
}

/* ---- formats ---------------------------------------------------------------- */

static const char *const month_names[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", NULL
};
/* ISO order, as ombud_tm.wday: 0 = Monday. */
static const char *const day_names[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", NULL
};

/* What a pattern's directives have filled in. */
typedef struct tparts {
    int y, mon, d, H, M, S, I, j, wday; /* -1: not given */
    int pm;                             /* -1 none, 0 AM, 1 PM */
    int64_t epoch; int have_s;
    int32_t off; int have_z;
} tparts;

static const char *describe(char d)
{
    switch (d) {
    case 'Y': return "the year (%Y)";
    case 'y': return "a two-digit year (%y)";
    case 'm': return "the month number (%m)";
    case 'd': return "the day of the month (%d)";
    case 'H': return "the hour (%H)";
    case 'I': return "the hour on a 12-hour clock (%I)";
    case 'M': return "the minutes (%M)";
    case 'S': return "the seconds (%S)";
    case 'j': return "the day of the year (%j)";
    case 'p': return "AM or PM (%p)";
    case 'b': case 'B': return "the month name (%B)";
    case 'a': case 'A': return "the weekday name (%A)";
    case 'z': return "the offset from UTC (%z)";
    case 's': return "seconds since 1970 (%s)";
    default: return "text of the pattern";
    }
}

/* Up to @max digits at *@s. */
static int digits(const char **s, int max, int *out)
{
    int v = 0, k = 0;

    while (k < max && isdigit((unsigned char)**s))
        v = v * 10 + (*(*s)++ - '0'), k++;
    *out = v;
    return k > 0;
}

/* A full or three-letter name of @names at *@s, as a whole word ("Jully"
 * is no "Jul"); its index, or -1. */
static int name_at(const char **s, const char *const *names)
{
    for (int i = 0; names[i]; i++) {
        size_t n = strlen(names[i]);
        if (!strncasecmp(*s, names[i], n) && !isalpha((unsigned char)(*s)[n])) {
            *s += n;
            return i;
        }
    }
    for (int i = 0; names[i]; i++)
        if (!strncasecmp(*s, names[i], 3) && !isalpha((unsigned char)(*s)[3])) {
            *s += 3;
            return i;
        }
    return -1;
}

static int ampm(const char **s)
{
    static const char *const w[] = {"a.m.", "p.m.", "am", "pm"};
    for (int i = 0; i < 4; i++)
        if (!strncasecmp(*s, w[i], strlen(w[i]))) {
            *s += strlen(w[i]);
            return i % 2;
        }
    return -1;
}

static int offset(const char **s, int32_t *off)
{
    int h, m = 0, sign;
    const char *p = *s;

    if (*p == 'Z' || *p == 'z') {
        *off = 0;
        *s = p + 1;
        return 1;
    }
    if (*p != '+' && *p != '-')
        return 0;
    sign = *p++ == '-' ? -1 : 1;
    if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
        return 0;
    h = (p[0] - '0') * 10 + (p[1] - '0');
    p += 2;
    if (*p == ':')
        p++;
    if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]))
        m = (p[0] - '0') * 10 + (p[1] - '0'), p += 2;
    if (h > 14 || m > 59)
        return 0;
    *off = sign * (h * 3600 + m * 60);
    *s = p;
    return 1;
}

static int epoch(const char **s, int64_t *out)
{
    const char *p = *s;
    int neg = *p == '-', k = 0;
    int64_t v = 0;

    p += neg;
    while (isdigit((unsigned char)*p) && k < 12)
        v = v * 10 + (*p++ - '0'), k++;
    if (!k || isdigit((unsigned char)*p))
        return 0;
    *out = neg ? -v : v;
    *s = p;
    return 1;
}

/* One directive @d at *@s into @t; 0 when the text does not match it. */
static int directive(char d, const char **s, tparts *t)
{
    switch (d) {
    case 'Y': return digits(s, 4, &t->y);
    case 'y':
        if (!isdigit((unsigned char)(*s)[0]) || !isdigit((unsigned char)(*s)[1]))
            return 0;
        digits(s, 2, &t->y);
        t->y += t->y < 69 ? 2000 : 1900; /* POSIX: 69-99 are 19xx */
        return 1;
    case 'm': return digits(s, 2, &t->mon);
    case 'd': return digits(s, 2, &t->d);
    case 'H': return digits(s, 2, &t->H);
    case 'I': return digits(s, 2, &t->I);
    case 'M': return digits(s, 2, &t->M);
    case 'S': return digits(s, 2, &t->S);
    case 'j': return digits(s, 3, &t->j);
    case 'p': return (t->pm = ampm(s)) >= 0;
    case 'b': case 'B': return (t->mon = name_at(s, month_names) + 1) > 0;
    case 'a': case 'A': return (t->wday = name_at(s, day_names)) >= 0;
    case 'z': return t->have_z = offset(s, &t->off);
    case 's': return t->have_s = epoch(s, &t->epoch);
    case '%':
        if (**s != '%')
            return 0;
        (*s)++;
        return 1;
    default: return 0;
    }
}

ombud_err ombud_profile_pattern_check(const char *pattern, char *why,
                                      size_t wl)
{
    int y = 0, m = 0, d = 0, j = 0, s = 0, I = 0, p = 0;

    for (const char *c = pattern; *c; c++) {
        if (*c != '%')
            continue;
        if (!*++c || !strchr("YymdHIMSjpbBaAzs%", *c)) {
            snprintf(why, wl, "unknown directive %%%s (known: %%Y %%m %%d "
                     "%%H %%M %%S %%I %%p %%y %%b %%B %%a %%A %%z %%j %%s %%%%, "
                     "or 'number')", *c ? (char[]){*c, 0} : "");
            return OMBUD_E_DATA;
        }
        y |= *c == 'Y' || *c == 'y';
        m |= *c == 'm' || *c == 'b' || *c == 'B';
        d |= *c == 'd';
        j |= *c == 'j';
        s |= *c == 's';
        I |= *c == 'I';
        p |= *c == 'p';
    }
    if (!s && !(y && ((m && d) || j))) {
        snprintf(why, wl, "a time pattern needs a whole date (%%Y or %%y, "
                 "with %%m or %%B and %%d, or %%j), or %%s; for a time-only "
                 "column put the date in the template as literal text");
        return OMBUD_E_DATA;
    }
    if (I && !p) {
        snprintf(why, wl, "%%I (a 12-hour clock) needs %%p (AM or PM)");
        return OMBUD_E_DATA;
    }
    return OMBUD_OK;
}

/* Check the ranges of @t and turn a day of the year into month and day. */
static ombud_err settle(tparts *t, char *why, size_t wl)
{
    static const char *const what[] = {"month", "day", "hour", "minute",
                                       "second"};
    if (t->I >= 0) {
        if (t->I < 1 || t->I > 12)
            return snprintf(why, wl, "hour out of range (1 to 12 with "
                            "AM/PM)"), OMBUD_E_FIELD;
        t->H = t->I % 12 + (t->pm == 1 ? 12 : 0);
    }
    if (t->j >= 0) {
        int64_t days = ombud_days_from_civil(t->y, 1, 1) + t->j - 1;
        if (t->j < 1 || t->j > 365 + (ombud_days_in_month(t->y, 2) == 29))
            return snprintf(why, wl, "day of the year out of range"),
                   OMBUD_E_FIELD;
        ombud_civil_from_days(days, &t->y, &t->mon, &t->d);
    }
    int v[] = {t->mon, t->d, t->H, t->M, t->S};
    int hi[] = {12, 31, 23, 59, 59};
    for (int i = 0; i < 5; i++)
        if (v[i] > hi[i] || (i < 2 && v[i] < 1))
            return snprintf(why, wl, "%s out of range", what[i]),
                   OMBUD_E_FIELD;
    if (t->d > ombud_days_in_month(t->y, t->mon))
        return snprintf(why, wl, "day out of range"), OMBUD_E_FIELD;
    if (t->wday >= 0) {
        int64_t days = ombud_days_from_civil(t->y, t->mon, t->d);
        int wd = (int)(((days % 7) + 7 + 3) % 7); /* 1970-01-01: Thursday */
        if (wd != t->wday)
            return snprintf(why, wl, "%04d-%02d-%02d is a %c%s, not a %c%s",
                            t->y, t->mon, t->d, toupper(day_names[wd][0]),
                            day_names[wd] + 1, toupper(day_names[t->wday][0]),
                            day_names[t->wday] + 1), OMBUD_E_FIELD;
    }
    return OMBUD_OK;
}

ombud_err ombud_profile_time(const char *pattern, const char *s, char *out,
                             size_t size, char *why, size_t wl)
{
    tparts t = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 0, 0, 0, 0};
    const char *p = s;
    int clock = 0;

    for (const char *c = pattern; *c; c++) {
        if (isspace((unsigned char)*c)) {
            while (isspace((unsigned char)*p))
                p++;
            continue;
        }
        if (*c == '%' && c[1]) {
            c++;
            clock |= strchr("HIMS", *c) != NULL;
            if (!directive(*c, &p, &t)) {
                snprintf(why, wl, "expected %s at \"%.24s\"", describe(*c), p);
                return OMBUD_E_FIELD;
            }
            continue;
        }
        if (tolower((unsigned char)*p) != tolower((unsigned char)*c)) {
            snprintf(why, wl, "expected '%c' at \"%.24s\"", *c, p);
            return OMBUD_E_FIELD;
        }
        p++;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p) {
        snprintf(why, wl, "text after the pattern: \"%.24s\"", p);
        return OMBUD_E_FIELD;
    }
    if (t.have_s) {
        ombud_tm tm;
        ombud_tm_from_instant(NULL, t.epoch, &tm);
        snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
                 tm.month, tm.day, tm.hour, tm.min, tm.sec);
        return OMBUD_OK;
    }
    if (t.H < 0) t.H = 0;
    if (t.M < 0) t.M = 0;
    if (t.S < 0) t.S = 0;
    if (settle(&t, why, wl))
        return OMBUD_E_FIELD;
    if (!clock && !t.have_z)
        snprintf(out, size, "%04d-%02d-%02d", t.y, t.mon, t.d);
    else if (!t.have_z)
        snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d", t.y, t.mon, t.d,
                 t.H, t.M, t.S);
    else
        snprintf(out, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.y,
                 t.mon, t.d, t.H, t.M, t.S, t.off < 0 ? '-' : '+',
                 abs(t.off) / 3600, abs(t.off) % 3600 / 60);
    return OMBUD_OK;
}

ombud_err ombud_profile_number(const char *s, char *out, size_t size,
                               char *why, size_t wl)
{
    char *end;
    double x;

    while (isspace((unsigned char)*s))
        s++;
    x = g_ascii_strtod(s, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (end == s || *end || !isfinite(x)) {
        snprintf(why, wl, "not a number");
        return OMBUD_E_FIELD;
    }
    if (fabs(x) > 1e15 || x != floor(x)) {
        snprintf(why, wl, "not a whole number");
        return OMBUD_E_FIELD;
    }
    snprintf(out, size, "%.0f", x);
    return OMBUD_OK;
}

/* ---- binding ---------------------------------------------------------------- */

struct ombud_profile_bound {
    const ombud_profile *p;
    /* field index of each reference: [column][alternative][reference] */
    long idx[OMBUD_MAX_COLUMNS][OMBUD_PROFILE_MAX_ALTS][OMBUD_PROFILE_MAX_REFS + 1];
    GString *text[OMBUD_MAX_COLUMNS]; /* each column's assembled text */
    const char *const *v;             /* the record being filled */
    size_t n;
};

/* The file's headers, quoted and ", "-separated, for an error. */
static void header_list(const char *const *names, const size_t *lens,
                        size_t n, char *buf, size_t size)
{
    size_t o = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < n && o + 8 < size; i++) {
        char q[80];
        ombud_quote_bytes(names[i], lens[i], q, sizeof q);
        o += (size_t)snprintf(buf + o, size - o, "%s\"%s\"", i ? ", " : "", q);
    }
    if (o >= size - 8)
        snprintf(buf + size - 8, 8, ", ...");
}

/* Field index of reference @r in the header, or -1. */
static long find_ref(const pref *r, const char *const *names,
                     const size_t *lens, size_t n)
{
    size_t want;

    if (!r->name)
        return r->pos <= (long)n ? r->pos - 1 : -1;
    want = strlen(r->name);
    for (size_t i = 0; names && i < n; i++) {
        const char *h = names[i];
        size_t hl = lens[i];
        while (hl && isspace((unsigned char)*h))
            h++, hl--;
        while (hl && isspace((unsigned char)h[hl - 1]))
            hl--;
        if (hl == want && !memcmp(h, r->name, want))
            return (long)i;
    }
    return -1;
}

ombud_err ombud_profile_bind(const ombud_profile *p, const ombud_format *fmt,
                             const char *const *names, const size_t *lens,
                             size_t n, const char *path, long line,
                             ombud_profile_bound **out)
{
    ombud_profile_bound *b;
    ombud_loc loc = {path, line, 0};

    assert(fmt == p->fmt);
    (void)fmt;
    *out = NULL;
    if (!(b = calloc(1, sizeof *b)))
        return OMBUD_E_NOMEM;
    b->p = p;
    for (int c = 0; c < p->fmt->ncolumns; c++)
        for (int a = 0; a < p->col[c].nalts; a++) {
            const palt *al = &p->col[c].alts[a];
            for (int r = 0; r < al->nrefs + al->expr; r++) {
                long i = find_ref(&al->refs[r], names, lens, n);
                char list[1200];
                if (i >= 0) {
                    b->idx[c][a][r] = i;
                    continue;
                }
                ombud_profile_unbind(b);
                if (!al->refs[r].name)
                    return ombud_error(OMBUD_E_DATA, &loc, "profile %s:%ld: "
                                       "%s = {#%ld}, but the %s has %zu "
                                       "fields", p->label, p->col[c].line,
                                       p->fmt->columns[c].name,
                                       al->refs[r].pos, names ? "header"
                                       : "first record", n);
                header_list(names, lens, n, list, sizeof list);
                return ombud_error(OMBUD_E_DATA, &loc, "profile %s:%ld: %s "
                                   "names {%s}, which the header lacks "
                                   "(headers are matched as written; this "
                                   "file's: %s)", p->label, p->col[c].line,
                                   p->fmt->columns[c].name,
                                   al->refs[r].name, list);
            }
        }
    for (int c = 0; c < p->fmt->ncolumns; c++)
        b->text[c] = g_string_new(NULL);
    *out = b;
    return OMBUD_OK;
}

void ombud_profile_unbind(ombud_profile_bound *b)
{
    if (!b)
        return;
    for (int c = 0; c < OMBUD_MAX_COLUMNS; c++)
        if (b->text[c])
            g_string_free(b->text[c], TRUE);
    free(b);
}

ombud_profile_bound *ombud_profile_bound_copy(const ombud_profile_bound *b)
{
    ombud_profile_bound *c = malloc(sizeof *c);

    if (!c)
        return NULL;
    memcpy(c->idx, b->idx, sizeof c->idx);
    c->p = b->p;
    c->v = NULL;
    c->n = 0;
    for (int i = 0; i < OMBUD_MAX_COLUMNS; i++)
        c->text[i] = b->text[i] ? g_string_new(NULL) : NULL;
    return c;
}

long ombud_profile_line(const ombud_profile_bound *b, int column)
{
    return column >= 0 && column < OMBUD_MAX_COLUMNS ? b->p->col[column].line
                                                      : 0;
}

/* ---- filling a row ------------------------------------------------------------ */

/* Field @i trimmed: its start, and its length in *@n. */
static const char *field(const ombud_profile_bound *b, long i, size_t *n)
{
    const char *s = b->v[i];
    size_t l = strlen(s);

    while (l && isspace((unsigned char)*s))
        s++, l--;
    while (l && isspace((unsigned char)s[l - 1]))
        l--;
    *n = l;
    return s;
}

/* Is field @i blank for column @pc (empty, or one of its [blank] values)? */
static int is_blank(const ombud_profile_bound *b, const pcol *pc, long i)
{
    size_t n;
    const char *s = field(b, i, &n);

    if (!n)
        return 1;
    for (int k = 0; k < pc->nblank; k++)
        if (strlen(pc->blank[k]) == n && !strncasecmp(s, pc->blank[k], n))
            return 1;
    return 0;
}

static ombud_err fail_at(ombud_profile_fail *f, int c, long col, long pline,
                         const char *value, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static ombud_err fail_at(ombud_profile_fail *f, int c, long col, long pline,
                         const char *value, const char *fmt, ...)
{
    va_list ap;

    f->column = c;
    f->col = col;
    f->pline = pline;
    f->value = value;
    va_start(ap, fmt);
    vsnprintf(f->why, sizeof f->why, fmt, ap);
    va_end(ap);
    return OMBUD_E_FIELD;
}

/* The alternative of column @c to use: its index, -1 when every one is
 * blank, or a reject when one is partly blank and none is whole. */
static ombud_err choose_alt(const ombud_profile_bound *b, int c, int *alt,
                            ombud_profile_fail *f)
{
    const pcol *pc = &b->p->col[c];
    int partial = -1;
    long blank_at = -1, full_at = -1;

    *alt = -1;
    for (int a = 0; a < pc->nalts; a++) {
        const palt *al = &pc->alts[a];
        long some_blank = -1, some_full = -1;
        for (int r = 0; r < al->nrefs + al->expr; r++) {
            long i = b->idx[c][a][r];
            if (is_blank(b, pc, i))
                some_blank = some_blank < 0 ? i : some_blank;
            else
                some_full = some_full < 0 ? i : some_full;
        }
        if (some_blank < 0) {
            *alt = a;
            return OMBUD_OK;
        }
        if (some_full >= 0 && partial < 0)
            partial = a, blank_at = some_blank, full_at = some_full;
    }
    if (partial < 0)
        return OMBUD_OK;
    return fail_at(f, c, blank_at + 1, pc->line, b->v[blank_at],
                   "blank, but field %ld (\"%.40s\") of the same template is "
                   "not", full_at + 1, b->v[full_at]);
}

/* The time of @text per column @pc's format (or ombud's own), as an
 * instant: the base of an expression. */
static ombud_err base_instant(const pcol *pc, const char *text,
                              const ombud_tz *tz, int64_t *t, char *why,
                              size_t wl)
{
    char iso[64];

    if (pc->format && ombud_profile_time(pc->format, text, iso, sizeof iso,
                                         why, wl))
        return OMBUD_E_FIELD;
    return ombud_time_parse(pc->format ? iso : text, tz, OMBUD_TIME_DATE_OK,
                            t, why, wl);
}

/* A duration field: a number of units (decimals allowed) or h:mm:ss. */
static ombud_err duration(const char *s, long unit, int64_t *secs, char *why,
                          size_t wl)
{
    int h, m, sec;
    char tail;
    char *end;
    double x;

    if (sscanf(s, "%d:%d:%d%c", &h, &m, &sec, &tail) == 3 && h >= 0 &&
        m >= 0 && m < 60 && sec >= 0 && sec < 60 && h < 100000) {
        *secs = (int64_t)h * 3600 + m * 60 + sec;
        return OMBUD_OK;
    }
    x = g_ascii_strtod(s, &end);
    while (isspace((unsigned char)*end))
        end++;
    if (end == s || *end || !isfinite(x) || x < 0 ||
        x * (double)unit > 366.0 * 86400 * 10) {
        snprintf(why, wl, "not a duration (a number of units from 0 to ten "
                 "years, or h:mm:ss)");
        return OMBUD_E_FIELD;
    }
    *secs = (int64_t)llround(x * (double)unit);
    return OMBUD_OK;
}

/* Assemble alternative @a of column @c into its text (duration left out). */
static void assemble(ombud_profile_bound *b, int c, int a)
{
    const palt *al = &b->p->col[c].alts[a];
    GString *g = b->text[c];

    g_string_truncate(g, 0);
    for (int k = 0; k < al->nparts; k++) {
        size_t n;
        const char *s;
        if (al->parts[k].lit) {
            g_string_append(g, al->parts[k].lit);
            continue;
        }
        s = field(b, b->idx[c][a][al->parts[k].ref], &n);
        g_string_append_len(g, s, (gssize)n);
    }
}

/* [values COLUMN]: the ombud word for a file's value, or NULL. */
static const char *mapped(const ombud_profile *p, int c, const char *v)
{
    for (int i = 0; i < p->nvalues; i++)
        if (p->values[i].column == c && !g_ascii_strcasecmp(p->values[i].from, v))
            return p->values[i].to;
    return NULL;
}

/* Column @c of the record into b->text[c]; *@col the field it came from. */
static ombud_err fill_column(ombud_profile_bound *b, int c, const ombud_tz *tz,
                             long *col, ombud_profile_fail *f)
{
    const pcol *pc = &b->p->col[c];
    GString *g = b->text[c];
    const palt *al;
    const char *to;
    char out[80], why[160];
    int a;
    ombud_err err;

    *col = pc->alts[0].nrefs ? b->idx[c][0][0] + 1 : 0;
    g_string_truncate(g, 0);
    if ((err = choose_alt(b, c, &a, f)) || a < 0)
        return err;
    al = &pc->alts[a];
    *col = al->nrefs ? b->idx[c][a][0] + 1 : 0;
    assemble(b, c, a);
    if (pc->values && (to = mapped(b->p, c, g->str)))
        g_string_assign(g, to);
    if (al->expr) {
        int64_t t, d;
        long di = b->idx[c][a][al->nrefs];
        if (base_instant(pc, g->str, tz, &t, why, sizeof why))
            return fail_at(f, c, *col, pc->format ? pc->fline : pc->line,
                           g->str, "%s", why);
        if (duration(b->v[di], al->unit, &d, why, sizeof why))
            return fail_at(f, c, di + 1, pc->line, b->v[di], "%s", why);
        ombud_tm tm;
        ombud_tm_from_instant(NULL, t + d, &tm);
        g_string_printf(g, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.year,
                        tm.month, tm.day, tm.hour, tm.min, tm.sec);
        return OMBUD_OK;
    }
    if (pc->number && ombud_profile_number(g->str, out, sizeof out, why,
                                           sizeof why))
        return fail_at(f, c, *col, pc->fline, g->str, "%s", why);
    if (pc->format && ombud_profile_time(pc->format, g->str, out, sizeof out,
                                         why, sizeof why))
        return fail_at(f, c, *col, pc->fline, g->str, "%s", why);
    if (pc->number || pc->format)
        g_string_assign(g, out);
    return OMBUD_OK;
}

ombud_err ombud_profile_fill(ombud_profile_bound *b, const ombud_tz *tz,
                             const char *const *v, size_t n, ombud_row *row,
                             ombud_profile_fail *fail)
{
    const ombud_profile *p = b->p;
    ombud_err err;

    b->v = v;
    b->n = n;
    for (int c = 0; c < p->fmt->ncolumns; c++) {
        row->v[c] = NULL;
        row->col[c] = 0;
        if (!p->col[c].set)
            continue;
        if ((err = fill_column(b, c, tz, &row->col[c], fail)))
            return err;
        row->v[c] = b->text[c]->str;
    }
    return OMBUD_OK;
}
