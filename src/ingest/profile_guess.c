/*
 * profile_guess.c - `ombud profile guess`: a starting profile from a
 * file's first lines, and `ombud profile check`: a file read through a
 * profile into a throwaway store.
 *
 * The guess reads at most GUESS_BYTES of the file and at most GUESS_LINES
 * lines of it, so any file costs the same. It is a starting point to be
 * read and corrected, and says so: a required column it cannot match is
 * printed commented out, which the profile loader then refuses by name.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "ombud/diag.h"
#include "profile_int.h"

#define GUESS_BYTES (64 * 1024)
#define GUESS_LINES 200
#define GUESS_FIELDS 256

/* One line split into fields (pointers into a copy). */
typedef struct gline {
    char *buf;
    char *f[GUESS_FIELDS];
    int n;
} gline;

typedef struct guess {
    const ombud_format *fmt;
    char *text;              /* the sample as UTF-8 */
    const char *encoding;    /* "UTF-8" or the guessed one */
    char *lines[GUESS_LINES];
    int nlines;
    char delim;
    gline *split;            /* each line at delim */
    int width;               /* fields of most lines */
    int header;              /* index of the header line */
    int first_data;          /* index of the first data line */
    int match[OMBUD_MAX_COLUMNS];   /* header field of each column, or -1 */
    int pair[OMBUD_MAX_COLUMNS];    /* its time field ("X_TIME"), or -1 */
} guess;

/* Split @s at @d, honouring double quotes, into @l. */
static void split_line(const char *s, char d, gline *l)
{
    char *o;
    int q = 0;

    l->buf = g_strdup(s);
    o = l->buf;
    l->n = 0;
    l->f[l->n++] = o;
    for (const char *p = s; *p; p++) {
        if (*p == '"') {
            if (q && p[1] == '"')
                *o++ = *p++;
            else
                q = !q;
            continue;
        }
        if (*p == d && !q) {
            *o++ = '\0';
            if (l->n == GUESS_FIELDS)
                break;
            l->f[l->n++] = o;
            continue;
        }
        *o++ = *p;
    }
    *o = '\0';
}

static int blank_word(const char *s)
{
    static const char *const w[] = {"", "NA", "N/A", "NULL", "-", "none",
                                    NULL};
    char t[32];
    size_t n = strlen(s);

    if (n >= sizeof t)
        return 0;
    snprintf(t, sizeof t, "%s", s);
    g_strstrip(t);
    for (int i = 0; w[i]; i++)
        if (!g_ascii_strcasecmp(t, w[i]))
            return 1;
    return 0;
}

/* The sample read as UTF-8 text, its encoding guessed. */
static ombud_err read_sample(const char *path, guess *g)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    size_t n;
    ombud_utf8_scan scan;

    if (!fp)
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open %s: %s", path,
                           strerror(errno));
    buf = g_malloc(GUESS_BYTES + 1);
    n = fread(buf, 1, GUESS_BYTES, fp);
    fclose(fp);
    if (n == GUESS_BYTES) /* cut at the last whole line */
        while (n && buf[n - 1] != '\n')
            n--;
    buf[n] = '\0';
    ombud_utf8_scan_init(&scan);
    ombud_utf8_scan_feed(&scan, buf, n);
    ombud_utf8_scan_end(&scan);
    g->encoding = "UTF-8";
    if (scan.bad_line || memchr(buf, '\0', n)) {
        g->encoding = ombud_encoding_guess(&scan);
        if (!g->encoding) {
            g_free(buf);
            return ombud_error(OMBUD_E_DATA, NULL, "%s: cannot tell its "
                               "encoding (not UTF-8, nor a Western one ombud "
                               "can guess); write encoding = in the profile "
                               "by hand", path);
        }
        g->text = g_convert(buf, (gssize)n, "UTF-8", g->encoding, NULL, NULL,
                            NULL);
        g_free(buf);
        if (!g->text)
            return ombud_error(OMBUD_E_DATA, NULL, "%s: not %s either", path,
                               g->encoding);
        return OMBUD_OK;
    }
    g->text = buf;
    return OMBUD_OK;
}

/* Lines of the sample (CR LF or LF; a UTF-8 byte order mark dropped). */
static void cut_lines(guess *g)
{
    char *s = g->text, *save = NULL, *l;

    if (!strncmp(s, "\xEF\xBB\xBF", 3))
        s += 3;
    for (l = strtok_r(s, "\n", &save); l && g->nlines < GUESS_LINES;
         l = strtok_r(NULL, "\n", &save)) {
        size_t n = strlen(l);
        if (n && l[n - 1] == '\r')
            l[n - 1] = '\0';
        g->lines[g->nlines++] = l;
    }
}

/* Fields most of the lines have at @d (0 when fewer than 2), and on how
 * many lines. */
static int width_at(const guess *g, char d, int *hits)
{
    int counts[GUESS_LINES], best = 0;

    *hits = 0;
    for (int i = 0; i < g->nlines; i++) {
        gline l;
        split_line(g->lines[i], d, &l);
        counts[i] = l.n;
        g_free(l.buf);
    }
    for (int i = 0; i < g->nlines; i++) {
        int k = 0;
        for (int j = 0; j < g->nlines; j++)
            k += counts[j] == counts[i];
        if (counts[i] >= 2 && (k > *hits || (k == *hits && counts[i] > best)))
            *hits = k, best = counts[i];
    }
    return best;
}

static void choose_delim(guess *g)
{
    static const char cand[] = ",;\t|";
    int most = 0;

    g->delim = ',';
    for (int i = 0; cand[i]; i++) {
        int hits, w = width_at(g, cand[i], &hits);
        if (w && hits > most)
            most = hits, g->delim = cand[i], g->width = w;
    }
    g->split = g_new0(gline, g->nlines ? g->nlines : 1);
    for (int i = 0; i < g->nlines; i++)
        split_line(g->lines[i], g->delim, &g->split[i]);
}

/* A header: the first line of the usual width whose fields are mostly
 * names (not blank, not numbers). Preamble lines above it are skipped. */
static void find_header(guess *g)
{
    g->header = 0;
    for (int i = 0; i < g->nlines; i++) {
        const gline *l = &g->split[i];
        int names = 0;
        if (l->n != g->width)
            continue;
        for (int k = 0; k < l->n; k++) {
            char *end;
            g_ascii_strtod(l->f[k], &end);
            names += !blank_word(l->f[k]) && *end;
        }
        if (names * 2 > l->n) {
            g->header = i;
            break;
        }
    }
    g->first_data = g->header + 1;
}

/* Does normalised header @h name column @c (its name or an alias)? */
static int names_column(const ombud_column *c, const char *h)
{
    char **alias;
    int hit = !strcmp(h, c->name);

    if (hit || !c->aliases)
        return hit;
    alias = g_strsplit(c->aliases, "|", -1);
    for (int i = 0; alias[i] && !hit; i++)
        hit = !strcmp(alias[i], h);
    g_strfreev(alias);
    return hit;
}

/* A header field for each column: by name or alias, or by "X_date" whose
 * X is one (with "X_time" beside it as the time). */
static void match_columns(guess *g)
{
    const gline *h = &g->split[g->header];

    for (int c = 0; c < g->fmt->ncolumns; c++) {
        g->match[c] = g->pair[c] = -1;
        for (int k = 0; k < h->n && g->match[c] < 0; k++) {
            char n[256];
            size_t l;
            ombud_prof_normalise(h->f[k], strlen(h->f[k]), n, sizeof n);
            l = strlen(n);
            if (names_column(&g->fmt->columns[c], n))
                g->match[c] = k;
            else if (l > 5 && !strcmp(n + l - 5, "_date")) {
                n[l - 5] = '\0';
                if (names_column(&g->fmt->columns[c], n))
                    g->match[c] = k;
            }
        }
        if (g->match[c] < 0)
            continue;
        for (int k = 0; k < h->n; k++) {
            char a[256], b[256];
            size_t l;
            ombud_prof_normalise(h->f[g->match[c]], strlen(h->f[g->match[c]]),
                                 a, sizeof a);
            ombud_prof_normalise(h->f[k], strlen(h->f[k]), b, sizeof b);
            l = strlen(a);
            if (l > 5 && !strcmp(a + l - 5, "_date") &&
                !strncmp(a, b, l - 5) && !strcmp(b + l - 5, "_time"))
                g->pair[c] = k;
        }
    }
}

/* A header as a template reference. */
static void put_ref(GString *o, const guess *g, int k)
{
    const char *h = g->split[g->header].f[k];

    if (strpbrk(h, "{}|;") || !*h || strlen(h) > 120)
        g_string_append_printf(o, "{#%d}", k + 1);
    else
        g_string_append_printf(o, "{%s}", h);
}

/* Column @c's value on line @i as its template would assemble it. */
static void value_at(const guess *g, int c, int i, char *out, size_t size)
{
    const gline *l = &g->split[i];

    snprintf(out, size, "%s%s%s", g_strstrip(l->f[g->match[c]]),
             g->pair[c] >= 0 ? " " : "",
             g->pair[c] >= 0 ? g_strstrip(l->f[g->pair[c]]) : "");
}

static int is_time_column(const char *name)
{
    size_t n = strlen(name);
    return (n > 3 && !strcmp(name + n - 3, "_at")) ||
           !strncmp(name, "window_", 7) || !strncmp(name, "period_", 7);
}

/* The first pattern that reads every non-blank sample of column @c from
 * line @from on; NULL when none (or ombud's own ISO form reads them all:
 * then *@iso is set). */
static const char *time_pattern(const guess *g, int c, int from, int *iso)
{
    static const char *const cand[] = {
        "%A, %B %d, %Y %I:%M:%S %p", "%A, %B %d, %Y", "%d/%m/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%d/%m/%Y", "%m/%d/%Y",
        "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y/%m/%d %H:%M:%S",
        "%d-%b-%Y %H:%M:%S", "%d-%b-%Y", "%s", NULL
    };
    char v[300], out[80], why[160];
    int64_t t;
    int any = 0, ok = 1;
    ombud_tz *utc = NULL;

    ombud_tz_open("UTC", &utc);
    *iso = 0;
    for (int i = from; i < g->nlines && ok; i++) {
        if (g->split[i].n != g->width)
            continue;
        value_at(g, c, i, v, sizeof v);
        if (blank_word(g->split[i].f[g->match[c]]))
            continue;
        any = 1;
        ok = !ombud_time_parse(v, utc, OMBUD_TIME_DATE_OK, &t, why, sizeof why);
    }
    ombud_tz_free(utc);
    if (any && ok) {
        *iso = 1;
        return NULL;
    }
    for (int p = 0; cand[p]; p++) {
        ok = 1;
        any = 0;
        for (int i = from; i < g->nlines && ok; i++) {
            if (g->split[i].n != g->width ||
                blank_word(g->split[i].f[g->match[c]]))
                continue;
            value_at(g, c, i, v, sizeof v);
            any = 1;
            ok = !ombud_profile_time(cand[p], v, out, sizeof out, why,
                                     sizeof why);
        }
        if (any && ok)
            return cand[p];
    }
    return NULL;
}

/* Does column @c hold a blank word ("NA") or an exponent ("3.00E+05")? */
static void scan_values(const guess *g, int c, const char **blank, int *exp)
{
    *blank = NULL;
    *exp = 0;
    for (int i = g->first_data; i < g->nlines; i++) {
        const char *v;
        if (g->split[i].n != g->width)
            continue;
        v = g->split[i].f[g->match[c]];
        if (*v && blank_word(v) && !*blank)
            *blank = strstr(v, "NA") ? "NA" : v;
        *exp |= strchr(v, 'E') && isdigit((unsigned char)v[0]);
    }
}

static const char *delim_word(char d)
{
    return d == ';' ? "semicolon" : d == '\t' ? "tab" : d == '|' ? "|"
                                                                  : "comma";
}

/* The file's headers as comment lines short enough for the profile. */
static void header_comment(GString *o, const guess *g)
{
    const gline *h = &g->split[g->header];
    size_t start = o->len;

    g_string_append(o, "; the file's headers:");
    for (int k = 0; k < h->n; k++) {
        if (o->len - start > 70) {
            g_string_append(o, "\n;  ");
            start = o->len;
        }
        g_string_append_printf(o, " %.60s%s", h->f[k], k + 1 < h->n ? "," : "");
    }
    g_string_append(o, "\n");
}

static void print_profile(const guess *g, const char *path, GString *o)
{
    char *base = g_path_get_basename(path);
    GString *fmts = g_string_new(NULL), *blanks = g_string_new(NULL);
    int units = 0;

    for (int c = 0; c < g->fmt->ncolumns; c++) {
        int iso, exp;
        const char *pat, *blank;
        if (g->match[c] < 0)
            continue;
        scan_values(g, c, &blank, &exp);
        if (blank)
            g_string_append_printf(blanks, "%s = %s\n",
                                   g->fmt->columns[c].name, blank);
        if (exp)
            g_string_append_printf(fmts, "%s = number\n",
                                   g->fmt->columns[c].name);
        if (!is_time_column(g->fmt->columns[c].name))
            continue;
        pat = time_pattern(g, c, g->first_data, &iso);
        if (!pat && !iso && (pat = time_pattern(g, c, g->first_data + 1, &iso)))
            units = 1; /* the line under the header is no data: units */
        if (pat)
            g_string_append_printf(fmts, "%s = %s\n", g->fmt->columns[c].name,
                                   pat);
        else if (!iso)
            g_string_append_printf(fmts, "; %s = ?  (no pattern read the "
                                   "first rows; write one)\n",
                                   g->fmt->columns[c].name);
    }
    g_string_append_printf(o, "; a starting profile guessed by 'ombud profile "
                           "guess' from %.80s:\n; read every line, then try "
                           "it with 'ombud profile check'\n[profile]\n"
                           "kind = %s\nname = %.80s\ndelimiter = %s\n"
                           "encoding = %s\nskip_lines = %d\n"
                           "skip_after_header = %d\ntimezone = UTC\n"
                           "; ^ the zone the export writes its times in\n\n",
                           base, g->fmt->kind, base, delim_word(g->delim),
                           g->encoding, g->header, units);
    header_comment(o, g);
    g_string_append(o, "[columns]\n");
    for (int c = 0; c < g->fmt->ncolumns; c++) {
        const ombud_column *col = &g->fmt->columns[c];
        if (g->match[c] < 0) {
            g_string_append_printf(o, "; %s = {...}  (%sno header matched)\n",
                                   col->name, col->required ? "required; " : "");
            continue;
        }
        g_string_append_printf(o, "%s = ", col->name);
        put_ref(o, g, g->match[c]);
        if (g->pair[c] >= 0) {
            g_string_append_c(o, ' ');
            put_ref(o, g, g->pair[c]);
        }
        g_string_append_c(o, '\n');
    }
    if (fmts->len)
        g_string_append_printf(o, "\n[formats]\n%s", fmts->str);
    if (blanks->len)
        g_string_append_printf(o, "\n[blank]\n%s", blanks->str);
    g_string_free(fmts, TRUE);
    g_string_free(blanks, TRUE);
    g_free(base);
}

ombud_err ombud_profile_guess(const char *path, const char *kind)
{
    guess g = {0};
    GString *o;
    ombud_err err;
    char kinds[300];

    if (!(g.fmt = ombud_format_find(kind)) || g.fmt->store_record)
        return ombud_error(OMBUD_E_USAGE, NULL, "--kind: '%s' is not one a "
                           "profile reads (%s)", kind,
                           ombud_input_kinds_say(OMBUD_IN_PROFILE, NULL, kinds,
                                                 sizeof kinds));
    if ((err = read_sample(path, &g)))
        return err;
    cut_lines(&g);
    choose_delim(&g);
    if (!g.nlines || !g.width) {
        for (int i = 0; i < g.nlines; i++)
            g_free(g.split[i].buf);
        g_free(g.split);
        g_free(g.text);
        return ombud_error(OMBUD_E_DATA, NULL, "%s: no line splits into "
                           "columns at , ; tab or |", path);
    }
    find_header(&g);
    match_columns(&g);
    o = g_string_new(NULL);
    print_profile(&g, path, o);
    fputs(o->str, stdout);
    g_string_free(o, TRUE);
    for (int i = 0; i < g.nlines; i++)
        g_free(g.split[i].buf);
    g_free(g.split);
    g_free(g.text);
    return OMBUD_OK;
}

/* Remove the throwaway store's folder (only what SQLite made in it). */
static void remove_dir(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        char *f = g_build_filename(dir, name, NULL);
        g_unlink(f);
        g_free(f);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
}

ombud_err ombud_profile_try(const ombud_profile *p, const char *path,
                            const ombud_tz *tz, long show,
                            ombud_counts *counts)
{
    char *dir = g_dir_make_tmp("ombud-profile-XXXXXX", NULL), *db;
    ombud_ingest_opts opts = {tz, "USD", NULL, 0, show, NULL, NULL, NULL};
    ombud_decoding dec = {NULL, 0, p};
    ombud_store *st = NULL;
    ombud_err err;
    int already;

    if (!dir)
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot make a temporary "
                           "folder to read %s into", path);
    db = g_build_filename(dir, "check.db", NULL);
    if (!(err = ombud_store_open(db, &st)))
        err = ombud_ingest_decoded(st, p->fmt, path, &opts, &dec, counts,
                                   &already);
    ombud_store_close(st);
    remove_dir(dir);
    g_free(db);
    g_free(dir);
    return err;
}
