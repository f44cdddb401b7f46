/*
 * profile.c - loading an import profile (profile.h) and checking it.
 *
 * The file is parsed by libinih, through a line reader of our own: inih
 * (as Debian builds it) neither passes line numbers to the handler nor
 * reads lines past 200 bytes (it would split one into two), so the reader
 * counts lines, refuses a longer one by its number, refuses bytes that are
 * not UTF-8, and stops the parse at the first error. Every entry is
 * checked as it arrives, against the kind's columns once [profile] kind
 * is known; a profile therefore must say its kind before the other
 * sections, which every example does.
 */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <glib.h>
#include <ini.h>

#include "ombud/diag.h"
#include "ombud/sha256.h"
#include "profile_int.h"

/* The load in progress. */
typedef struct loader {
    ombud_profile *p;
    FILE *fp;
    long line;            /* line the handler is looking at */
    int long_line;        /* the line did not fit inih's buffer */
    int64_t bytes;
    ombud_sha256 *sha;
    char err[400];        /* the first error, "" while there is none */
    long err_line;
    int seen[OMBUD_MAX_COLUMNS][3]; /* [columns], [formats], [blank] seen */
    int have_profile;     /* a [profile] section was seen */
} loader;

int ombud_prof_column(const ombud_format *fmt, const char *name)
{
    for (int c = 0; c < fmt->ncolumns; c++)
        if (!strcmp(fmt->columns[c].name, name))
            return c;
    return -1;
}

void ombud_prof_normalise(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;

    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    for (size_t i = 0; i < n && o + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        out[o++] = isalnum(c) ? (char)tolower(c) : '_';
    }
    out[o] = '\0';
}

static int fail(loader *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Keep the first error and its line; 0 stops inih's handler. */
static int fail(loader *l, const char *fmt, ...)
{
    va_list ap;

    if (l->err[0])
        return 0;
    va_start(ap, fmt);
    vsnprintf(l->err, sizeof l->err, fmt, ap);
    va_end(ap);
    l->err_line = l->line;
    return 0;
}

/*
 * inih's line reader: fgets, counting lines, hashing the bytes, and
 * stopping (NULL) at the first error, past the size limit, or at a line
 * too long for inih's buffer.
 */
static char *read_line(char *str, int num, void *stream)
{
    loader *l = stream;
    size_t n;

    if (l->err[0] || !fgets(str, num, l->fp))
        return NULL;
    l->line++;
    n = strlen(str);
    ombud_sha256_update(l->sha, str, n);
    l->bytes += (int64_t)n;
    if (l->bytes > OMBUD_PROFILE_MAX_BYTES) {
        fail(l, "profile larger than %d bytes", OMBUD_PROFILE_MAX_BYTES);
        return NULL;
    }
    if (n + 1 == (size_t)num && str[n - 1] != '\n' && !feof(l->fp)) {
        fail(l, "line longer than %d bytes", num - 2);
        return NULL;
    }
    if (memchr(str, '\0', n) || !g_utf8_validate(str, (gssize)n, NULL)) {
        fail(l, "not UTF-8 text (a profile is UTF-8; the file it reads "
             "may be in any encoding, see 'encoding =')");
        return NULL;
    }
    return str;
}

/* A delimiter as a profile writes it. inih takes " ;" for a comment, so
 * "semicolon" is the way to write ';'. */
static int delim_value(const char *v, char *out)
{
    static const struct { const char *name; char d; } names[] = {
        {"auto", 0}, {",", ','}, {"comma", ','}, {";", ';'},
        {"semicolon", ';'}, {"|", '|'}, {"pipe", '|'}, {"tab", '\t'},
        {"\t", '\t'}
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcasecmp(v, names[i].name)) {
            *out = names[i].d;
            return 1;
        }
    return 0;
}

/* A count from 0 to @max. */
static int count_value(const char *v, long max, long *out)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(v, &end, 10);
    if (!*v || *end || errno || n < 0 || n > max)
        return 0;
    *out = n;
    return 1;
}

/* The kinds a profile may read: header formats flagged OMBUD_IN_PROFILE. */
static int set_kind(loader *l, const char *v)
{
    const ombud_input_kind *k = ombud_input_kind_find(v);
    char kinds[300];

    if (k && (k->flags & OMBUD_IN_PROFILE)) {
        l->p->fmt = k->fmt;
        return 1;
    }
    return fail(l, "kind '%s' is not one a profile reads (%s)", v,
                ombud_input_kinds_say(OMBUD_IN_PROFILE, NULL, kinds,
                                      sizeof kinds));
}

static int profile_key(loader *l, const char *k, const char *v)
{
    ombud_profile *p = l->p;
    iconv_t cd;

    if (!strcmp(k, "kind"))
        return p->fmt ? fail(l, "kind given twice") : set_kind(l, v);
    if (!strcmp(k, "name")) {
        g_free(p->title);
        p->title = g_strdup(v);
        return 1;
    }
    if (!strcmp(k, "delimiter"))
        return delim_value(v, &p->delim) ? 1
            : fail(l, "delimiter '%s': use , semicolon | tab or auto (';' "
                   "is a comment in INI: write semicolon)", v);
    if (!strcmp(k, "encoding")) {
        if (!*v || (cd = iconv_open("UTF-8", v)) == (iconv_t)-1)
            return fail(l, "encoding '%s' is not one iconv knows (such as "
                        "WINDOWS-1252, ISO-8859-1, UTF-16LE; 'iconv -l' "
                        "lists them)", v);
        iconv_close(cd);
        g_free(p->encoding);
        p->encoding = strcasecmp(v, "UTF-8") && strcasecmp(v, "UTF8")
                      ? g_strdup(v) : NULL;
        return 1;
    }
    if (!strcmp(k, "skip_lines"))
        return count_value(v, 10000, &p->skip_lines) ? 1
            : fail(l, "skip_lines '%s': a number of lines from 0 to 10000", v);
    if (!strcmp(k, "skip_after_header"))
        return count_value(v, 100, &p->skip_after) ? 1
            : fail(l, "skip_after_header '%s': a number of records from 0 "
                   "to 100", v);
    if (!strcmp(k, "timezone")) {
        ombud_tz_free(p->tz);
        p->tz = NULL;
        return ombud_tz_open(v, &p->tz) == OMBUD_OK ? 1
            : fail(l, "timezone '%s' is not an IANA zone name (such as "
                   "America/Chicago)", v);
    }
    if (!strcmp(k, "header")) {
        if (!strcasecmp(v, "yes") || !strcasecmp(v, "no")) {
            p->header = !strcasecmp(v, "yes");
            return 1;
        }
        return fail(l, "header '%s': yes or no", v);
    }
    return fail(l, "unknown key '%s' in [profile] (known: kind, name, "
                "delimiter, encoding, skip_lines, skip_after_header, "
                "timezone, header)", k);
}

/* The column a [columns], [formats], [blank] or [values C] key names. */
static int column_of(loader *l, const char *name, const char *section)
{
    char known[600];
    size_t o = 0;
    int c;

    if (!l->p->fmt)
        return fail(l, "[%s] before [profile] kind: say the kind first",
                    section), -1;
    if ((c = ombud_prof_column(l->p->fmt, name)) >= 0)
        return c;
    known[0] = '\0';
    for (int i = 0; i < l->p->fmt->ncolumns && o < sizeof known; i++)
        o += (size_t)snprintf(known + o, sizeof known - o, "%s%s",
                              i ? ", " : "", l->p->fmt->columns[i].name);
    fail(l, "[%s]: %s has no column '%s' (its columns: %s)", section,
         l->p->fmt->kind, name, known);
    return -1;
}

/* Refuse a second entry for the same column in one section. */
static int once(loader *l, int c, int which, const char *section)
{
    if (l->seen[c][which])
        return fail(l, "[%s] names %s twice", section,
                    l->p->fmt->columns[c].name);
    l->seen[c][which] = 1;
    return 1;
}

static int columns_key(loader *l, const char *k, const char *v)
{
    char why[200];
    int c = column_of(l, k, "columns");

    if (c < 0 || !once(l, c, 0, "columns"))
        return 0;
    l->p->col[c].set = 1;
    l->p->col[c].line = l->line;
    if (ombud_prof_template(&l->p->col[c], v, why, sizeof why))
        return fail(l, "%s = %s: %s", k, v, why);
    return 1;
}

static int formats_key(loader *l, const char *k, const char *v)
{
    char why[200];
    int c = column_of(l, k, "formats");
    pcol *pc;

    if (c < 0 || !once(l, c, 1, "formats"))
        return 0;
    pc = &l->p->col[c];
    pc->fline = l->line;
    if (!strcmp(v, "number")) {
        pc->number = 1;
        return 1;
    }
    if (ombud_profile_pattern_check(v, why, sizeof why))
        return fail(l, "%s = %s: %s", k, v, why);
    pc->format = g_strdup(v);
    return 1;
}

static int blank_key(loader *l, const char *k, const char *v)
{
    int c = column_of(l, k, "blank");
    pcol *pc;
    char **parts;

    if (c < 0 || !once(l, c, 2, "blank"))
        return 0;
    pc = &l->p->col[c];
    pc->bline = l->line;
    parts = g_strsplit(v, "|", -1);
    for (int i = 0; parts[i]; i++) {
        char *w = g_strstrip(parts[i]);
        if (pc->nblank == PROF_MAX_BLANKS) {
            g_strfreev(parts);
            return fail(l, "[blank] %s: more than %d values", k,
                        PROF_MAX_BLANKS);
        }
        pc->blank[pc->nblank++] = g_strdup(w);
    }
    g_strfreev(parts);
    return 1;
}

static int values_key(loader *l, const char *section, const char *k,
                      const char *v)
{
    const char *name = section + 6;
    int c;
    pvalue *nv;

    while (*name == ' ')
        name++;
    if ((c = column_of(l, name, "values")) < 0)
        return 0;
    if (l->p->nvalues == OMBUD_PROFILE_MAX_VALUES)
        return fail(l, "more than %d [values] entries",
                    OMBUD_PROFILE_MAX_VALUES);
    for (int i = 0; i < l->p->nvalues; i++)
        if (l->p->values[i].column == c &&
            !g_ascii_strcasecmp(l->p->values[i].from, k))
            return fail(l, "[%s] maps '%s' twice (first on line %ld)",
                        section, k, l->p->values[i].line);
    if (!(nv = realloc(l->p->values, (size_t)(l->p->nvalues + 1) * sizeof *nv)))
        return fail(l, "out of memory");
    l->p->values = nv;
    nv[l->p->nvalues++] = (pvalue){c, g_strdup(k), g_strdup(v), l->line};
    if (!l->p->col[c].values)
        l->p->col[c].vline = l->line;
    l->p->col[c].values = 1;
    return 1;
}

static int handler(void *user, const char *section, const char *name,
                   const char *value)
{
    loader *l = user;

    if (l->err[0])
        return 0;
    if (!strcmp(section, "profile")) {
        l->have_profile = 1;
        return profile_key(l, name, value);
    }
    if (!strcmp(section, "columns"))
        return columns_key(l, name, value);
    if (!strcmp(section, "formats"))
        return formats_key(l, name, value);
    if (!strcmp(section, "blank"))
        return blank_key(l, name, value);
    if (!strncmp(section, "values", 6) && (section[6] == ' ' || !section[6])) {
        if (!section[6])
            return fail(l, "[values] needs its column: [values outcome]");
        return values_key(l, section, name, value);
    }
    if (!section[0])
        return fail(l, "'%s' outside any section: start with [profile]",
                    name);
    return fail(l, "unknown section [%s] (known: [profile], [columns], "
                "[formats], [blank], [values COLUMN])", section);
}

/* After the whole file: what must be there. */
static int complete(loader *l)
{
    const ombud_format *f = l->p->fmt;
    char list[400];
    size_t o = 0;

    l->line = 0;
    if (!f)
        return fail(l, "no [profile] kind: say which input it reads (kind = "
                    "%s)", ombud_input_kinds_say(OMBUD_IN_PROFILE, NULL, list,
                                                 sizeof list));
    list[0] = '\0';
    for (int c = 0; c < f->ncolumns; c++)
        if (f->columns[c].required && !l->p->col[c].set && o < sizeof list)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
                                  o ? ", " : "", f->columns[c].name);
    if (o)
        return fail(l, "[columns] lacks what %s requires: %s", f->kind, list);
    for (int c = 0; c < f->ncolumns; c++) {
        const pcol *pc = &l->p->col[c];
        if ((pc->format || pc->number || pc->nblank || pc->values) && !pc->set) {
            l->line = pc->format || pc->number ? pc->fline
                      : pc->nblank ? pc->bline : pc->vline;
            return fail(l, "%s has a format, blanks or values but no "
                        "[columns] template", f->columns[c].name);
        }
        for (int a = 0; a < pc->nalts; a++)
            if (pc->alts[a].expr && pc->number) {
                l->line = pc->fline;
                return fail(l, "%s: an expression makes a time, and "
                            "'number' is no time format", f->columns[c].name);
            }
    }
    return 1;
}

ombud_err ombud_profile_load(const char *path, ombud_profile **out)
{
    loader l = {0};
    ombud_loc loc = {path, 0, 0};
    int rc;

    *out = NULL;
    if (!(l.fp = fopen(path, "rb")))
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open profile %s: %s",
                           path, strerror(errno));
    l.p = calloc(1, sizeof *l.p);
    l.sha = ombud_sha256_new();
    if (!l.p || !l.sha) {
        fclose(l.fp);
        ombud_sha256_free(l.sha);
        free(l.p);
        return OMBUD_E_NOMEM;
    }
    l.p->header = 1;
    l.p->path = g_strdup(path);
    l.p->label = g_path_get_basename(path);
    rc = ini_parse_stream(read_line, &l, handler, &l);
    if (!l.err[0] && ferror(l.fp))
        fail(&l, "read error");
    if (!l.err[0] && rc > 0)
        l.line = rc, fail(&l, "not an INI line (key = value, [section] or "
                          "; comment)");
    if (!l.err[0])
        complete(&l);
    fclose(l.fp);
    snprintf(l.p->sha, sizeof l.p->sha, "%s", ombud_sha256_hex(l.sha));
    ombud_sha256_free(l.sha);
    if (l.err[0]) {
        loc.line = l.err_line;
        ombud_profile_free(l.p);
        return ombud_error(OMBUD_E_DATA, &loc, "%s", l.err);
    }
    *out = l.p;
    return OMBUD_OK;
}

void ombud_profile_free(ombud_profile *p)
{
    if (!p)
        return;
    for (int c = 0; c < OMBUD_MAX_COLUMNS; c++) {
        ombud_prof_template_free(&p->col[c]);
        g_free(p->col[c].format);
        for (int i = 0; i < p->col[c].nblank; i++)
            g_free(p->col[c].blank[i]);
    }
    for (int i = 0; i < p->nvalues; i++) {
        g_free(p->values[i].from);
        g_free(p->values[i].to);
    }
    free(p->values);
    ombud_tz_free(p->tz);
    g_free(p->path);
    g_free(p->label);
    g_free(p->title);
    g_free(p->encoding);
    free(p);
}

const char *ombud_profile_kind(const ombud_profile *p) { return p->fmt->kind; }
const char *ombud_profile_title(const ombud_profile *p)
{
    return p->title ? p->title : "";
}
const char *ombud_profile_label(const ombud_profile *p) { return p->label; }
const char *ombud_profile_sha256(const ombud_profile *p) { return p->sha; }
const char *ombud_profile_encoding(const ombud_profile *p) { return p->encoding; }
char ombud_profile_delim(const ombud_profile *p) { return p->delim; }
long ombud_profile_skip_lines(const ombud_profile *p) { return p->skip_lines; }
long ombud_profile_skip_after(const ombud_profile *p) { return p->skip_after; }
int ombud_profile_has_header(const ombud_profile *p) { return p->header; }
const ombud_tz *ombud_profile_tz(const ombud_profile *p) { return p->tz; }

void ombud_profile_set_label(ombud_profile *p, const char *label)
{
    g_free(p->label);
    p->label = g_strdup(label);
}

int ombud_profile_knows_header(const ombud_profile *p, const char *name,
                               size_t n)
{
    while (n && isspace((unsigned char)*name))
        name++, n--;
    while (n && isspace((unsigned char)name[n - 1]))
        n--;
    for (int c = 0; c < p->fmt->ncolumns; c++)
        for (int a = 0; a < p->col[c].nalts; a++) {
            const palt *al = &p->col[c].alts[a];
            for (int r = 0; r < al->nrefs + al->expr; r++)
                if (al->refs[r].name && strlen(al->refs[r].name) == n &&
                    !memcmp(al->refs[r].name, name, n))
                    return 1;
        }
    return 0;
}
