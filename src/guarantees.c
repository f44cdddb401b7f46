/*
 * guarantees.c - loading the guarantees file.
 *
 * libinih does the INI syntax. Two things it does not give are added here:
 * line numbers (the Debian build has INI_HANDLER_LINENO off) and sections
 * with no keys (it only reports keys). Both come from our own line reader
 * passed to ini_parse_stream(): it counts lines, notices section headers
 * and refuses lines longer than libinih's buffer, which it would otherwise
 * split silently into two lines.
 *
 * Loading is two passes: the first records raw values with their lines;
 * the second, once every section is known (a guarantee may name a calendar
 * defined below it), checks and parses them. Every error is printed, then
 * loading fails with OMBUD_E_DATA.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ini.h>

#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/i18n.h"
#include "ombud/ingest.h"
#include "ombud/months.h"
#include "ombud/readall.h"
#include "ombud/sha256.h"
#include "ombud/value.h"

#define MAX_SECTIONS (2 + OMBUD_MAX_CALENDARS + OMBUD_MAX_GUARANTEES)
#define MAX_RAW 512

typedef enum { SEC_FILING, SEC_CALENDAR, SEC_GUARANTEE, SEC_SOURCE,
               SEC_UNKNOWN } sec_type;

/* A section as first seen by the line reader. */
typedef struct section {
    char name[200];   /* text between the brackets, as libinih passes it */
    sec_type type;
    long line;
    int index;        /* into cals[] or g[] */
} section;

/* A key as written, before checking. */
typedef struct raw {
    int sec;          /* index into sections[] */
    char *key;
    char *value;
    long line;
    int mark;         /* OMBUD_MARK_*: what the line's comment says of it */
} raw;

typedef struct loader {
    ombud_guarantees *gs;
    FILE *fp;
    long line;              /* lines read so far */
    int continuation;       /* the current line starts with white space */
    int mark;               /* OMBUD_MARK_* of the current line's comment */
    int skip;               /* the current section's name was too long for
                               libinih: its keys are not read */
    section sections[MAX_SECTIONS];
    int nsections;
    raw raws[MAX_RAW];
    int nraws;
    int errors;
} loader;

/* Print "FILE:LINE: error: [section] key: MESSAGE" and count it. */
static void __attribute__((format(printf, 5, 6)))
lerror(loader *l, long line, const section *sec, const char *key,
       const char *fmt, ...)
{
    char msg[512];
    ombud_loc loc = {l->gs->path, line, 0};
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (sec && key)
        ombud_error(OMBUD_E_DATA, &loc, "[%s] %s: %s", sec->name, key, msg);
    else if (sec)
        ombud_error(OMBUD_E_DATA, &loc, "[%s]: %s", sec->name, msg);
    else
        ombud_error(OMBUD_E_DATA, &loc, "%s", msg);
    l->errors++;
}

/* ---- pass 1: lines, sections, raw values ----------------------------------- */

/*
 * libinih hands on only the first OMBUD_INI_MAX_SECTION bytes of a section
 * name. The keys of a longer one would reach on_key() under a cut name no
 * section has: "key outside any section" for each, then "required" for
 * the section, and never the cause. Say the cause once, on the section's
 * line, with the room left for an id or a calendar's name.
 */
static int name_too_long(loader *l, const char *name, size_t n, int bad)
{
    size_t head = !strncmp(name, "guarantee ", 10) ? 10
                : !strncmp(name, "calendar ", 9) ? 9 : 0;

    if (n <= OMBUD_INI_MAX_SECTION)
        return 0;
    /* A name that is not clean text was just reported: not shown again. */
    lerror(l, l->line, NULL, NULL, "%s%.*s%ssection name of %zu bytes, more "
           "than the %d the INI reader (libinih) keeps: use a shorter %s (at "
           "most %zu bytes)", bad ? "" : "[", bad ? 0 : (int)n, name,
           bad ? "" : "]: ", n, OMBUD_INI_MAX_SECTION,
           head == 10 ? "id" : "name", OMBUD_INI_MAX_SECTION - head);
    return 1;
}

static void add_section(loader *l, const char *name, size_t n)
{
    section *s;
    char why[96];
    /* A guarantee's id names a sheet and reaches XML and PDF, as values do.
     * The section is kept, unusable, so its keys raise no more errors. */
    int bad = ombud_text_check(name, n, why, sizeof why) != 0;

    if (bad)
        lerror(l, l->line, NULL, NULL, "section name: %s", why);
    if ((l->skip = name_too_long(l, name, n, bad)))
        return;

    for (int i = 0; i < l->nsections; i++)
        if (strlen(l->sections[i].name) == n && !strncmp(l->sections[i].name, name, n)) {
            lerror(l, l->line, NULL, NULL, "section [%.*s] given twice (first "
                   "on line %ld)", (int)n, name, l->sections[i].line);
            return;
        }
    if (l->nsections == MAX_SECTIONS || n >= sizeof s->name) {
        lerror(l, l->line, NULL, NULL, "too many sections, or a section name "
               "too long");
        return;
    }
    s = &l->sections[l->nsections++];
    snprintf(s->name, sizeof s->name, "%.*s", (int)n, name);
    s->line = l->line;
    s->type = !strcmp(s->name, "filing") ? SEC_FILING
            : !strncmp(s->name, "calendar ", 9) ? SEC_CALENDAR
            : !strncmp(s->name, "guarantee ", 10) ? SEC_GUARANTEE
            : !strcmp(s->name, "source asterisk") ? SEC_SOURCE : SEC_UNKNOWN;
    s->index = -1;
    if (bad)
        s->type = SEC_UNKNOWN;
    else if (s->type == SEC_UNKNOWN)
        lerror(l, l->line, NULL, NULL, "unknown section [%s] (expected "
               "[filing], [calendar NAME], [guarantee ID] or [source "
               "asterisk])", s->name);
}

/*
 * What an inline comment says of the value before it. The templates mark a
 * figure the filer must replace "; PLACEHOLDER: ..." and a threshold not
 * checked against the standard's text "; U: unverified ...": the loader
 * keeps the mark so the data-quality block can say so (libinih drops
 * comments before ombud sees the value).
 */
static int line_mark(const char *line)
{
    const char *c = line;

    /* An inline comment starts at " ;" (libinih's rule). */
    while ((c = strchr(c, ';')) && c > line && !isspace((unsigned char)c[-1]))
        c++;
    if (!c || c == line)
        return OMBUD_MARK_NONE;
    if (strstr(c, "PLACEHOLDER"))
        return OMBUD_MARK_PLACEHOLDER;
    if (strstr(c, "U: unverified") || strstr(c, "UNVERIFIED"))
        return OMBUD_MARK_UNVERIFIED;
    return OMBUD_MARK_NONE;
}

/* libinih's line reader: one line per call, counted and checked. */
static char *read_line(char *str, int num, void *stream)
{
    loader *l = stream;
    char *p;
    size_t n;
    int c;

    if (!fgets(str, num, l->fp))
        return NULL;
    l->line++;
    n = strlen(str);
    if (n == (size_t)num - 1 && str[n - 1] != '\n' && !feof(l->fp)) {
        lerror(l, l->line, NULL, NULL, "line longer than %d bytes; "
               "continue a long value on indented lines", OMBUD_INI_MAX_LINE);
        while ((c = fgetc(l->fp)) != EOF && c != '\n')
            ;
        str[0] = '\0';
        return str;
    }
    l->continuation = str[0] == ' ' || str[0] == '\t';
    l->mark = line_mark(str);
    for (p = str; isspace((unsigned char)*p); p++)
        ;
    if (*p == '[') {
        char *end = strchr(p, ']');
        if (end)
            add_section(l, p + 1, (size_t)(end - p - 1));
    }
    return str;
}

static section *find_section(loader *l, const char *name)
{
    for (int i = 0; i < l->nsections; i++)
        if (!strcmp(l->sections[i].name, name))
            return &l->sections[i];
    return NULL;
}

/* libinih's handler: keep each value with its line for pass 2. */
static int on_key(void *user, const char *secname, const char *key,
                  const char *value)
{
    loader *l = user;
    section *sec = find_section(l, secname);
    raw *r;

    if (l->skip)
        return 1; /* already reported, on the section's line */
    if (!sec) {
        lerror(l, l->line, NULL, key, "key outside any section");
        return 1;
    }
    if (sec->type == SEC_UNKNOWN)
        return 1; /* already reported */
    {
        /* Values reach XML and PDF: they must be clean UTF-8 text. (The
         * value is still recorded, so no "required" error follows.) */
        char why[96];
        if (ombud_text_check(value, strlen(value), why, sizeof why))
            lerror(l, l->line, sec, key, "%s", why);
    }
    r = l->nraws ? &l->raws[l->nraws - 1] : NULL;
    if (l->continuation && r && r->sec == sec - l->sections && !strcmp(r->key, key)) {
        size_t n = strlen(r->value) + strlen(value) + 2;
        char *v = realloc(r->value, n);
        if (v) {
            strcat(strcat(v, " "), value);
            r->value = v;
            if (l->mark > r->mark)
                r->mark = l->mark;
        }
        return 1;
    }
    for (int i = 0; i < l->nraws; i++)
        if (l->raws[i].sec == sec - l->sections && !strcmp(l->raws[i].key, key)) {
            lerror(l, l->line, sec, key, "given twice (first on line %ld)",
                   l->raws[i].line);
            return 1;
        }
    if (l->nraws == MAX_RAW) {
        lerror(l, l->line, sec, key, "too many keys in the file");
        return 1;
    }
    r = &l->raws[l->nraws++];
    *r = (raw){(int)(sec - l->sections), strdup(key), strdup(value), l->line,
               l->mark};
    return 1;
}

/* Find the raw value of @key in section @sec; NULL if absent. */
static raw *raw_get(loader *l, int sec, const char *key)
{
    for (int i = 0; i < l->nraws; i++)
        if (l->raws[i].sec == sec && !strcmp(l->raws[i].key, key))
            return &l->raws[i];
    return NULL;
}

/* ---- pass 2: filing ----------------------------------------------------------- */

/* '|'-separated words as "a, b, c" for a message. */
static const char *readable(const char *words, char *buf, size_t size)
{
    size_t o = 0;

    for (; *words && o + 3 < size; words++) {
        if (*words == '|') {
            buf[o++] = ',';
            buf[o++] = ' ';
        } else {
            buf[o++] = *words;
        }
    }
    buf[o] = '\0';
    return buf;
}

/* Check that every key of section @si is one of @keys ('|'-separated). */
static void check_keys(loader *l, int si, const char *keys)
{
    for (int i = 0; i < l->nraws; i++) {
        const raw *r = &l->raws[i];
        const char *k = keys;
        int ok = 0;
        if (r->sec != si)
            continue;
        while (*k && !ok) {
            size_t n = strcspn(k, "|");
            ok = strlen(r->key) == n && !strncmp(k, r->key, n);
            k += n + (k[n] == '|');
        }
        if (!ok) {
            char list[600];
            lerror(l, r->line, &l->sections[si], r->key, "unknown key "
                   "(expected one of: %s)", readable(keys, list, sizeof list));
        }
    }
}

static char *dup_value(loader *l, int si, const char *key)
{
    raw *r = si >= 0 ? raw_get(l, si, key) : NULL;
    return r ? strdup(r->value) : NULL;
}

static int parse_percent(const char *s, int64_t *bp);

/* The findings keep these in fixed fields (ombud_check_info): a longer
 * value would be cut, maybe inside a character, so it is refused here. */
static void check_length(loader *l, int si, section *sec, const char *key,
                         size_t max)
{
    raw *r = si >= 0 ? raw_get(l, si, key) : NULL;

    if (r && strlen(r->value) > max)
        lerror(l, r->line, sec, key, "%zu bytes, more than the %zu a filing "
               "keeps: shorten it", strlen(r->value), max);
}

/* corrective_after: a count of months, at most a period's table. */
static void load_corrective(loader *l, int si, section *sec, ombud_filing *f)
{
    raw *r = si >= 0 ? raw_get(l, si, "corrective_after") : NULL;
    char *end;
    long v;

    if (!r)
        return;
    v = strtol(r->value, &end, 10);
    if (end == r->value || *end || v < 1 || v > OMBUD_MONTHS_MAX)
        lerror(l, r->line, sec, "corrective_after", "'%s' is not a number "
               "of months from 1 to %d (the months below standard in a row "
               "that call for corrective action)", r->value,
               OMBUD_MONTHS_MAX);
    else
        f->corrective_after = (int)v;
}

static void load_filing(loader *l)
{
    static const char keys[] = "carrier|commission|timezone|currency|docket|"
                               "prepared_by|period|language|max_rejected|"
                               "corrective_after";
    ombud_filing *f = &l->gs->filing;
    section *sec = find_section(l, "filing");
    int si = sec ? (int)(sec - l->sections) : -1;
    raw *r;
    ombud_lang lang;

    if (!sec) {
        lerror(l, 1, NULL, NULL, "no [filing] section (it names the carrier "
               "and the commission)");
    } else {
        check_keys(l, si, keys);
        if (!raw_get(l, si, "carrier"))
            lerror(l, sec->line, sec, "carrier", "required");
        if (!raw_get(l, si, "commission"))
            lerror(l, sec->line, sec, "commission", "required");
    }
    check_length(l, si, sec, "carrier", 255);
    check_length(l, si, sec, "commission", 255);
    check_length(l, si, sec, "prepared_by", 255);
    check_length(l, si, sec, "docket", 127);
    f->carrier = dup_value(l, si, "carrier");
    f->commission = dup_value(l, si, "commission");
    f->docket = dup_value(l, si, "docket");
    f->prepared_by = dup_value(l, si, "prepared_by");
    f->period = dup_value(l, si, "period");
    f->language = dup_value(l, si, "language");
    f->timezone = dup_value(l, si, "timezone");
    f->currency = dup_value(l, si, "currency");
    f->max_rejected_bp = OMBUD_DEFAULT_MAX_REJECTED_BP;
    if ((r = si >= 0 ? raw_get(l, si, "max_rejected") : NULL) &&
        !parse_percent(r->value, &f->max_rejected_bp))
        lerror(l, r->line, sec, "max_rejected", "bad percentage '%s' (the "
               "largest share of a file's rows that may be rejected, e.g. "
               "0.5%%)", r->value);
    load_corrective(l, si, sec, f);
    if (!f->timezone)
        f->timezone = strdup("UTC");
    if (!f->currency)
        f->currency = strdup("USD");
    if (ombud_tz_open(f->timezone, &l->gs->tz)) {
        r = raw_get(l, si, "timezone");
        lerror(l, r ? r->line : 0, sec, "timezone", "unknown time zone '%s' "
               "(use an IANA name such as America/Los_Angeles)", f->timezone);
        ombud_tz_open("UTC", &l->gs->tz);
    }
    if (f->language && ombud_lang_parse(f->language, &lang)) {
        r = raw_get(l, si, "language");
        lerror(l, r ? r->line : 0, sec, "language", "'%s' is not a language "
               "ombud writes (en, es, ca or he)", f->language);
    }
    if (!ombud_currency_valid(f->currency)) {
        r = raw_get(l, si, "currency");
        lerror(l, r ? r->line : 0, sec, "currency", "'%s' is not an ISO 4217 "
               "code such as USD", f->currency);
    }
}

/* ---- pass 2: [source asterisk] --------------------------------------------------- */

/* What the site's queue exits mean; the defaults when the section is absent. */
static void load_source(loader *l)
{
    section *sec = find_section(l, "source asterisk");
    int si = sec ? (int)(sec - l->sections) : -1;
    static const char *const keys[] = {"exitwithtimeout", "exitwithkey", NULL};
    char why[200];
    raw *r;

    ombud_asterisk_site_default(&l->gs->asterisk);
    if (!sec)
        return;
    check_keys(l, si, "exitwithtimeout|exitwithkey");
    for (int k = 0; keys[k]; k++)
        if ((r = raw_get(l, si, keys[k])) &&
            ombud_asterisk_site_set(&l->gs->asterisk, keys[k], r->value, why,
                                    sizeof why))
            lerror(l, r->line, sec, keys[k], "%s", why);
}

/* ---- pass 2: calendars ----------------------------------------------------------- */

static void load_calendar(loader *l, int si)
{
    section *sec = &l->sections[si];
    ombud_named_calendar *nc;
    raw *r;
    char why[160];

    if (l->gs->ncals == OMBUD_MAX_CALENDARS) {
        lerror(l, sec->line, sec, NULL, "too many calendars (at most %d)",
               OMBUD_MAX_CALENDARS);
        return;
    }
    sec->index = l->gs->ncals;
    nc = &l->gs->cals[l->gs->ncals++];
    nc->name = strdup(sec->name + 9);
    nc->line = sec->line;
    check_keys(l, si, "hours|holidays|timezone");
    if ((r = raw_get(l, si, "timezone")) && ombud_tz_open(r->value, &nc->tz))
        lerror(l, r->line, sec, "timezone", "unknown time zone '%s'", r->value);
    ombud_calendar_24x7(&nc->cal, nc->tz ? nc->tz : l->gs->tz);
    if (!(r = raw_get(l, si, "hours")))
        lerror(l, sec->line, sec, "hours", "required (e.g. mon-fri "
               "08:00-20:00, sat 09:00-13:00, or 24x7)");
    else if (ombud_calendar_parse_hours(&nc->cal, r->value, why, sizeof why))
        lerror(l, r->line, sec, "hours", "%s", why);
    if ((r = raw_get(l, si, "holidays")) &&
        ombud_calendar_parse_holidays(&nc->cal, r->value, why, sizeof why))
        lerror(l, r->line, sec, "holidays", "%s", why);
}

static const ombud_calendar *calendar_named(loader *l, const char *name)
{
    for (int i = 0; i < l->gs->ncals; i++)
        if (!strcmp(l->gs->cals[i].name, name))
            return &l->gs->cals[i].cal;
    return NULL;
}

/* ---- pass 2: guarantee keys --------------------------------------------------------- */

/* "80%", "80", "99.5%" -> basis points. */
static int parse_percent(const char *s, int64_t *bp)
{
    int64_t whole = 0, frac = 0;
    int nfrac = 0, any = 0;

    for (; isdigit((unsigned char)*s) && whole <= 100; s++, any = 1)
        whole = whole * 10 + (*s - '0');
    if (*s == '.')
        for (s++; isdigit((unsigned char)*s) && nfrac < 2; s++, nfrac++)
            frac = frac * 10 + (*s - '0');
    if (nfrac == 1)
        frac *= 10;
    if (*s == '%')
        s++;
    *bp = whole * 100 + frac;
    return any && !*s && *bp <= 10000;
}

/* Split a comma-separated list into trimmed, non-empty items. */
static int parse_list(const char *s, ombud_param *p)
{
    size_t n = 1;

    for (const char *q = s; *q; q++)
        n += *q == ',';
    p->list = calloc(n, sizeof *p->list);
    if (!p->list)
        return 0;
    while (*s) {
        size_t len = strcspn(s, ",");
        const char *a = s, *b = s + len;
        while (a < b && isspace((unsigned char)*a))
            a++;
        while (b > a && isspace((unsigned char)b[-1]))
            b--;
        if (b == a)
            return 0;
        p->list[p->nlist++] = strndup(a, (size_t)(b - a));
        s += len + (s[len] == ',');
    }
    return p->nlist > 0;
}

/* CALMAP: "queue: calendar, ..."; list[i] is the queue, cals[i] its calendar. */
static int parse_calmap(loader *l, const char *v, ombud_param *p, char *why,
                        size_t wl)
{
    snprintf(why, wl, "expected queue: calendar pairs, e.g. billing: "
             "billing-hours");
    if (!parse_list(v, p) || !(p->cals = calloc(p->nlist, sizeof *p->cals)))
        return 0;
    for (size_t i = 0; i < p->nlist; i++) {
        char *colon = strchr(p->list[i], ':'), *name;
        if (!colon)
            return 0;
        *colon = '\0';
        for (name = colon + 1; isspace((unsigned char)*name); name++)
            ;
        for (char *e = colon; e > p->list[i] && isspace((unsigned char)e[-1]); )
            *--e = '\0';
        if (!(p->cals[i] = calendar_named(l, name))) {
            snprintf(why, wl, "no [calendar %s] section in this file", name);
            return 0;
        }
    }
    return 1;
}

/* COUNTMAP: "word: N, ..."; list[i] is the word, nums[i] its number. */
static int parse_countmap(const char *v, ombud_param *p, char *why, size_t wl)
{
    snprintf(why, wl, "expected word: number pairs, e.g. urban: 5, remote: 15");
    if (!parse_list(v, p) || !(p->nums = calloc(p->nlist, sizeof *p->nums)))
        return 0;
    for (size_t i = 0; i < p->nlist; i++) {
        char *colon = strchr(p->list[i], ':'), *num;
        if (!colon)
            return 0;
        *colon = '\0';
        for (num = colon + 1; isspace((unsigned char)*num); num++)
            ;
        for (char *e = colon; e > p->list[i] && isspace((unsigned char)e[-1]); )
            *--e = '\0';
        if (!*p->list[i] || ombud_uint_parse(num, INT64_C(100000), &p->nums[i],
                                             why, wl))
            return 0;
        for (size_t j = 0; j < i; j++)
            if (!strcmp(p->list[j], p->list[i])) {
                snprintf(why, wl, "'%s' is given twice", p->list[i]);
                return 0;
            }
    }
    return 1;
}

/* HOURS: a calendar name, 24x7, or an inline schedule. */
static ombud_err parse_hours_param(loader *l, const char *v, ombud_param *p,
                                   char *why, size_t wl)
{
    ombud_calendar *cal;

    if ((p->cal = calendar_named(l, v)))
        return OMBUD_OK;
    if (l->gs->ninline == OMBUD_MAX_GUARANTEES)
        return OMBUD_E_DATA;
    cal = &l->gs->inline_cals[l->gs->ninline++];
    ombud_calendar_24x7(cal, l->gs->tz);
    p->cal = cal;
    if (!strcmp(v, "24x7") || !strcmp(v, "24/7"))
        return OMBUD_OK;
    return ombud_calendar_parse_hours(cal, v, why, wl);
}

/* Index of @v among '|'-separated @words, or -1. */
static int word_in(const char *v, const char *words)
{
    for (int i = 0; *words; i++) {
        size_t n = strcspn(words, "|");
        if (strlen(v) == n && !strncmp(words, v, n))
            return i;
        words += n + (words[n] == '|');
    }
    return -1;
}

/*
 * MONEY: every amount a guarantee takes is owed to the customer (per day
 * late, per missed appointment); a negative one would silently turn
 * compensation into a charge, so it is refused with the fix.
 */
static int parse_money(loader *l, const char *v, ombud_param *p, char *why,
                       size_t wl)
{
    if (ombud_amount_parse(v, ombud_currency_digits(l->gs->filing.currency),
                           &p->num, why, wl))
        return 0;
    if (p->num >= 0)
        return 1;
    snprintf(why, wl, "negative amount '%s': an amount owed cannot be below "
             "zero (write it without the minus sign, e.g. %s)", v, v + 1);
    return 0;
}

/* Parse @v as @d's type into @p; on failure write the reason into @why. */
static int parse_param(loader *l, const ombud_param_def *d, const char *v,
                       ombud_param *p, char *why, size_t wl)
{
    int b;

    p->text = strdup(v);
    switch (d->type) {
    case OMBUD_P_TEXT: return 1;
    case OMBUD_P_LIST:
        snprintf(why, wl, "expected a comma-separated list");
        return parse_list(v, p);
    case OMBUD_P_DURATION: return !ombud_duration_parse(v, &p->num, why, wl);
    case OMBUD_P_PERCENT:
        snprintf(why, wl, "bad percentage '%s' (use e.g. 80%% or 99.5%%)", v);
        return parse_percent(v, &p->num);
    case OMBUD_P_BOOL:
        if (ombud_bool_parse(v, &b, why, wl))
            return 0;
        p->num = b;
        return 1;
    case OMBUD_P_COUNT: return !ombud_uint_parse(v, INT64_C(1000000000), &p->num, why, wl);
    case OMBUD_P_MONEY: return parse_money(l, v, p, why, wl);
    case OMBUD_P_HOURS:
        snprintf(why, wl, "too many inline schedules");
        return !parse_hours_param(l, v, p, why, wl);
    case OMBUD_P_CALENDAR:
        snprintf(why, wl, "no [calendar %s] section in this file", v);
        return (p->cal = calendar_named(l, v)) != NULL;
    case OMBUD_P_CALMAP: return parse_calmap(l, v, p, why, wl);
    case OMBUD_P_COUNTMAP: return parse_countmap(v, p, why, wl);
    case OMBUD_P_WORD: {
        char list[200];
        snprintf(why, wl, "expected one of: %s",
                 readable(d->words, list, sizeof list));
    }
        return (p->num = word_in(v, d->words)) >= 0;
    }
    OMBUD_BUG("unknown parameter type");
}

/* The rule's keys of guarantee @g from section @si: given, defaulted or missing. */
static void load_params(loader *l, int si, ombud_guarantee *g)
{
    const ombud_rule *rule = g->rule;
    section *sec = &l->sections[si];
    char why[200];

    for (int k = 0; k < rule->nparams; k++) {
        const ombud_param_def *d = &rule->params[k];
        raw *r = raw_get(l, si, d->key);
        const char *v = r ? r->value : d->def;
        if (!v) {
            if (d->required)
                lerror(l, sec->line, sec, d->key, "required for kind %s",
                       rule->kind);
            continue;
        }
        why[0] = '\0';
        g->v[k].line = r ? r->line : 0;
        g->v[k].mark = r ? r->mark : OMBUD_MARK_NONE;
        g->v[k].set = 1;
        if (!parse_param(l, d, v, &g->v[k], why, sizeof why))
            lerror(l, r ? r->line : sec->line, sec, d->key, "%s", why);
    }
}

/* Keys of section @si that are neither common nor the rule's own. */
static void check_rule_keys(loader *l, int si, const ombud_rule *rule)
{
    char keys[600] = "promise|source|kind";

    for (int k = 0; k < rule->nparams; k++) {
        strncat(keys, "|", sizeof keys - strlen(keys) - 1);
        strncat(keys, rule->params[k].key, sizeof keys - strlen(keys) - 1);
    }
    check_keys(l, si, keys);
}

static void load_guarantee(loader *l, int si)
{
    section *sec = &l->sections[si];
    ombud_guarantee *g;
    raw *kind;

    if (l->gs->ng == OMBUD_MAX_GUARANTEES) {
        lerror(l, sec->line, sec, NULL, "too many guarantees (at most %d)",
               OMBUD_MAX_GUARANTEES);
        return;
    }
    sec->index = l->gs->ng;
    g = &l->gs->g[l->gs->ng++];
    g->id = strdup(sec->name + 10);
    g->line = sec->line;
    g->promise = dup_value(l, si, "promise");
    g->source = dup_value(l, si, "source");
    if (!g->promise)
        lerror(l, sec->line, sec, "promise", "required: quote the advertised "
               "words");
    if (!g->source)
        lerror(l, sec->line, sec, "source", "required: say where the promise "
               "was published");
    if (!(kind = raw_get(l, si, "kind"))) {
        lerror(l, sec->line, sec, "kind", "required");
        return;
    }
    g->kind = strdup(kind->value);
    if (!(g->rule = ombud_rule_find(kind->value))) {
        char list[300] = "";
        for (int i = 0; ombud_rules[i]; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s",
                     i ? ", " : "", ombud_rules[i]->kind);
        lerror(l, kind->line, sec, "kind", "unknown kind '%s' (expected %s)",
               kind->value, list);
        return;
    }
    check_rule_keys(l, si, g->rule);
    load_params(l, si, g);
    if (g->rule->check) {
        const char *key = NULL, *why = g->rule->check(g, &key);
        if (why)
            lerror(l, sec->line, sec, key, "%s", why);
    }
}

/* ---- loading ------------------------------------------------------------------------ */

static ombud_err hash_text(const char *text, size_t len, char hex[65])
{
    ombud_sha256 *h = ombud_sha256_new();

    if (!h)
        return OMBUD_E_NOMEM;
    ombud_sha256_update(h, text, len);
    snprintf(hex, 65, "%s", ombud_sha256_hex(h));
    ombud_sha256_free(h);
    return OMBUD_OK;
}

static void loader_free(loader *l)
{
    for (int i = 0; i < l->nraws; i++) {
        free(l->raws[i].key);
        free(l->raws[i].value);
    }
}

ombud_err ombud_guarantees_load(const char *path, ombud_guarantees **out)
{
    loader *l;
    ombud_guarantees *gs;
    char *text = NULL;
    size_t len = 0;
    int rc;
    ombud_err err = OMBUD_OK;

    assert(path && out);
    *out = NULL;
    l = calloc(1, sizeof *l);
    gs = calloc(1, sizeof *gs);
    if (!l || !gs || !(gs->path = strdup(path))) {
        free(l);
        free(gs);
        return OMBUD_E_NOMEM;
    }
    l->gs = gs;
    /* Read whole and bounded, then hashed and parsed from memory: the
     * bytes hashed are the bytes parsed, even from a FIFO. */
    if ((err = ombud_read_all(path, OMBUD_GUARANTEES_MAX_BYTES,
                              "guarantees file", &text, &len)))
        goto done;
    if (hash_text(text, len, gs->sha256) ||
        (len && !(l->fp = fmemopen(text, len, "rb")))) {
        err = ombud_error(OMBUD_E_NOMEM, NULL, "cannot read guarantees file "
                          "%s: %s", path, strerror(errno));
        goto done;
    }
    rc = len ? ini_parse_stream(read_line, l, on_key, l) : 0;
    if (rc > 0 && !l->errors)
        lerror(l, rc, NULL, NULL, "not an INI line (expected key = value "
               "or [section])");
    load_filing(l);
    load_source(l);
    for (int i = 0; i < l->nsections; i++)
        if (l->sections[i].type == SEC_CALENDAR)
            load_calendar(l, i);
    for (int i = 0; i < l->nsections; i++)
        if (l->sections[i].type == SEC_GUARANTEE)
            load_guarantee(l, i);
    if (!l->errors && gs->ng == 0)
        lerror(l, l->line, NULL, NULL, "no [guarantee ID] section: nothing "
               "to check");
    if (l->errors)
        err = OMBUD_E_DATA;
done:
    if (l->fp)
        fclose(l->fp);
    free(text);
    loader_free(l);
    free(l);
    if (err)
        ombud_guarantees_free(gs);
    else
        *out = gs;
    return err;
}

static void param_free(ombud_param *p)
{
    free(p->text);
    for (size_t i = 0; i < p->nlist; i++)
        free(p->list[i]);
    free(p->list);
    free(p->cals);
    free(p->nums);
}

void ombud_guarantees_free(ombud_guarantees *gs)
{
    ombud_filing *f;

    if (!gs)
        return;
    f = &gs->filing;
    free(f->carrier);
    free(f->commission);
    free(f->timezone);
    free(f->currency);
    free(f->docket);
    free(f->prepared_by);
    free(f->period);
    free(f->language);
    for (int i = 0; i < gs->ncals; i++) {
        free(gs->cals[i].name);
        ombud_tz_free(gs->cals[i].tz);
    }
    for (int i = 0; i < gs->ng; i++) {
        ombud_guarantee *g = &gs->g[i];
        free(g->id);
        free(g->promise);
        free(g->source);
        free(g->kind);
        for (int k = 0; k < OMBUD_MAX_PARAMS; k++)
            param_free(&g->v[k]);
    }
    ombud_tz_free(gs->tz);
    free(gs->path);
    free(gs);
}

char *ombud_guarantee_params(const ombud_guarantee *g, char *buf, size_t size)
{
    size_t n = 0;

    buf[0] = '\0';
    for (int k = 0; g->rule && k < g->rule->nparams && n < size; k++) {
        if (!g->v[k].set)
            continue;
        n += (size_t)snprintf(buf + n, size - n, "%s%s = %s", n ? "; " : "",
                              g->rule->params[k].key, g->v[k].text);
    }
    /* The keys the file marks, by mark ("placeholder = lines"): read back
     * by quality.c. */
    for (int m = OMBUD_MARK_PLACEHOLDER; m <= OMBUD_MARK_UNVERIFIED; m++) {
        int first = 1;
        for (int k = 0; g->rule && k < g->rule->nparams && n < size; k++) {
            const char *key = g->rule->params[k].key;
            if (!g->v[k].set || g->v[k].mark != m)
                continue;
            if (first)
                n += (size_t)snprintf(buf + n, size - n, "%s%s = %s",
                                      n ? "; " : "", m == OMBUD_MARK_PLACEHOLDER ?
                                      "placeholder" : "unverified", key);
            else
                n += (size_t)snprintf(buf + n, size - n, ", %s", key);
            first = 0;
        }
    }
    return buf;
}
