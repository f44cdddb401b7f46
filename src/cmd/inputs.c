/*
 * inputs.c - the options `ingest` and `run` share: input files by kind,
 * --map and --strict, how files are read (--encoding, --delimiter), the
 * telephony exports (--calls-format, --accounts, --cdr, --cdr-tz), import
 * profiles (--profile), and the usage-error message every command prints.
 */
#include <assert.h>
#include <ctype.h>
#include <getopt.h>
#include <iconv.h>
#include <strings.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/profile.h"

int ombud_usage_error(const char *cmd, const char *msg, const char *arg)
{
    fprintf(stderr, "ombud %s: %s%s%s\nsee 'ombud help %s'\n", cmd, msg,
            arg ? " " : "", arg ? arg : "", cmd);
    return OMBUD_EXIT_USAGE;
}

static int add_file(ombud_inputs *in, const ombud_format *fmt,
                    const char *path, const char *cmd)
{
    if (in->nfiles == OMBUD_MAX_INPUTS)
        return ombud_usage_error(cmd, "too many input files", NULL);
    in->files[in->nfiles++] = (ombud_input){.fmt = fmt, .path = path};
    return 0;
}

/* The shared options after the kinds' own (--outages...). */
static const struct option shared_options[] = {
    {"map", required_argument, NULL, OMBUD_OPT_MAP},
    {"strict", no_argument, NULL, OMBUD_OPT_STRICT},
    {"encoding", required_argument, NULL, OMBUD_OPT_ENCODING},
    {"delimiter", required_argument, NULL, OMBUD_OPT_DELIMITER},
    {"profile", required_argument, NULL, OMBUD_OPT_PROFILE},
    {"calls-format", required_argument, NULL, OMBUD_OPT_CALLS_FORMAT},
    {"cdr-tz", required_argument, NULL, OMBUD_OPT_CDR_TZ},
    {NULL, 0, NULL, 0}
};

/* Append the entries of @from (ended by a zeroed one) to @out at *@n. */
static void append(struct option *out, size_t cap, size_t *n,
                   const struct option *from)
{
    for (; from->name; from++) {
        if (*n + 1 >= cap)
            OMBUD_BUG("option table too small");
        out[(*n)++] = *from;
    }
}

void ombud_options_build(const struct option *own, int what,
                         struct option *out, size_t cap)
{
    size_t n = 0;

    assert(cap > 0);
    append(out, cap, &n, own);
    for (int i = 0; (what & OMBUD_OPTS_KINDS) && ombud_input_kinds[i].fmt; i++)
        if (ombud_input_kinds[i].option) {
            const struct option o[] = {{ombud_input_kinds[i].option,
                                        required_argument, NULL,
                                        OMBUD_OPT_KIND + i},
                                       {NULL, 0, NULL, 0}};
            append(out, cap, &n, o);
        }
    if (what & OMBUD_OPTS_SHARED)
        append(out, cap, &n, shared_options);
    out[n] = (struct option){NULL, 0, NULL, 0};
}

const ombud_input_kind *ombud_option_kind(int c)
{
    int n = 0;

    while (ombud_input_kinds[n].fmt)
        n++;
    if (c < OMBUD_OPT_KIND || c >= OMBUD_OPT_KIND + n ||
        !ombud_input_kinds[c - OMBUD_OPT_KIND].option)
        return NULL;
    return &ombud_input_kinds[c - OMBUD_OPT_KIND];
}

/* "[KIND=]VALUE": the value, and whether KIND (if any) is one whose files
 * an option names and that has every flag of @flags. */
static const char *kind_value(const char *arg, unsigned flags, int *kind_ok)
{
    const char *eq = strchr(arg, '=');

    *kind_ok = 1;
    if (!eq)
        return arg;
    *kind_ok = 0;
    for (const ombud_input_kind *k = ombud_input_kinds; k->fmt; k++)
        if (k->option && (k->flags & flags) == flags &&
            strlen(k->option) == (size_t)(eq - arg) &&
            !strncmp(arg, k->option, (size_t)(eq - arg)))
            *kind_ok = 1;
    return eq + 1;
}

/* --encoding [KIND=]NAME: any name glibc's iconv converts to UTF-8. */
static int take_encoding(ombud_inputs *in, const char *arg, const char *cmd)
{
    int kind_ok;
    const char *name = kind_value(arg, 0, &kind_ok);
    char msg[400], kinds[300];
    iconv_t cd;

    if (!kind_ok) {
        snprintf(msg, sizeof msg, "--encoding: unknown kind (use %s, as in "
                 "calls=WINDOWS-1252):", ombud_input_kinds_say(0, NULL, kinds,
                                                              sizeof kinds));
        return ombud_usage_error(cmd, msg, arg);
    }
    if (!*name || (cd = iconv_open("UTF-8", name)) == (iconv_t)-1)
        return ombud_usage_error(cmd, "--encoding: unknown encoding (use an "
                                 "iconv name such as WINDOWS-1252, "
                                 "ISO-8859-1, ISO-8859-15, UTF-16LE, "
                                 "SHIFT_JIS; 'iconv -l' lists them all):",
                                 arg);
    iconv_close(cd);
    if (in->nencodings == OMBUD_MAX_INPUTS)
        return ombud_usage_error(cmd, "too many --encoding options", NULL);
    in->encodings[in->nencodings++] = arg;
    return 0;
}

/* A --delimiter value as the byte it names, or 0. */
static char delim_byte(const char *v)
{
    if (!strcmp(v, ",") || !strcmp(v, ";") || !strcmp(v, "|") ||
        !strcmp(v, "\t"))
        return *v;
    return !strcasecmp(v, "tab") ? '\t' : 0;
}

/* --delimiter [KIND=]D: one of , ; tab | (the header formats only). */
static int take_delimiter(ombud_inputs *in, const char *arg, const char *cmd)
{
    int kind_ok;
    const char *v = kind_value(arg, OMBUD_IN_DELIMITER, &kind_ok);
    char msg[400], kinds[300];

    if (!kind_ok) {
        snprintf(msg, sizeof msg, "--delimiter: unknown kind (use %s, as in "
                 "calls=';'):", ombud_input_kinds_say(OMBUD_IN_DELIMITER, NULL,
                                                     kinds, sizeof kinds));
        return ombud_usage_error(cmd, msg, arg);
    }
    if (!delim_byte(v))
        return ombud_usage_error(cmd, "--delimiter takes ',', ';', tab or "
                                 "'|', got", arg);
    if (in->ndelims == OMBUD_MAX_INPUTS)
        return ombud_usage_error(cmd, "too many --delimiter options", NULL);
    in->delims[in->ndelims++] = arg;
    return 0;
}

/*
 * The value among @list ("[KIND=]VALUE") for a file of @kind: the last
 * naming the kind, else the last naming none; NULL if neither.
 */
static const char *for_kind(const char *const *list, size_t n,
                            const char *kind)
{
    const char *any = NULL, *mine = NULL;
    size_t kl = strlen(kind);

    for (size_t i = 0; i < n; i++) {
        const char *eq = strchr(list[i], '=');
        if (!eq)
            any = list[i];
        else if ((size_t)(eq - list[i]) == kl && !strncmp(list[i], kind, kl))
            mine = eq + 1;
    }
    return mine ? mine : any;
}

/* --profile FILE: loaded now, so a bad profile costs no import. */
static int take_profile(ombud_inputs *in, const char *arg, const char *cmd)
{
    ombud_profile *p;
    ombud_err err;

    if ((err = ombud_profile_load(arg, &p)))
        return ombud_exit_code(err);
    for (int i = 0; i < in->nprofiles; i++)
        if (!strcmp(ombud_profile_kind(in->profiles[i]), ombud_profile_kind(p))) {
            ombud_profile_free(p);
            return ombud_usage_error(cmd, "--profile: one profile a kind; a "
                                     "second one for that kind:", arg);
        }
    in->profiles[in->nprofiles++] = p; /* at most one a kind: it fits */
    return 0;
}

void ombud_inputs_free(ombud_inputs *in)
{
    for (int i = 0; i < in->nprofiles; i++)
        ombud_profile_free(in->profiles[i]);
    in->nprofiles = 0;
}

int ombud_inputs_take(ombud_inputs *in, int c, const char *arg, const char *cmd)
{
    const ombud_input_kind *k = ombud_option_kind(c);

    if (k)
        return add_file(in, k->fmt, arg, cmd);
    switch (c) {
    case OMBUD_OPT_MAP:
        if (!strchr(arg, '=') || in->nmaps == OMBUD_MAX_INPUTS)
            return ombud_usage_error(cmd, "--map needs [KIND.]COLUMN=HEADER, "
                                     "got", arg);
        in->maps[in->nmaps++] = arg;
        return 0;
    case OMBUD_OPT_STRICT:
        in->strict = 1;
        return 0;
    case OMBUD_OPT_CALLS_FORMAT:
        if (strcmp(arg, "csv") && strcmp(arg, "asterisk-queue-log"))
            return ombud_usage_error(cmd, "--calls-format takes csv or "
                                     "asterisk-queue-log, got", arg);
        in->calls_format = arg;
        return 0;
    case OMBUD_OPT_CDR_TZ:
        in->cdr_tz = arg;
        return 0;
    case OMBUD_OPT_ENCODING: return take_encoding(in, arg, cmd);
    case OMBUD_OPT_DELIMITER: return take_delimiter(in, arg, cmd);
    case OMBUD_OPT_PROFILE: return take_profile(in, arg, cmd);
    default:
        return -1;
    }
}

/* Does format @f have a column named @name (@n bytes)? */
static int has_column(const ombud_format *f, const char *name, size_t n)
{
    for (int c = 0; c < f->ncolumns; c++)
        if (strlen(f->columns[c].name) == n &&
            !strncmp(f->columns[c].name, name, n))
            return 1;
    return 0;
}

/* A --map must name a real kind and column: a typo would be ignored. */
static int check_map(const char *m, const char *cmd)
{
    const char *eq = strchr(m, '='), *dot = memchr(m, '.', (size_t)(eq - m));
    const char *col = dot ? dot + 1 : m;
    size_t n = (size_t)(eq - col);
    char kind[32], msg[400], kinds[300];

    if (dot) {
        snprintf(kind, sizeof kind, "%.*s", (int)(dot - m), m);
        if (!ombud_format_find(kind)) {
            snprintf(msg, sizeof msg, "--map: unknown kind (use %s):",
                     ombud_input_kinds_say(OMBUD_IN_MAP, NULL, kinds,
                                           sizeof kinds));
            return ombud_usage_error(cmd, msg, m);
        }
        if (!has_column(ombud_format_find(kind), col, n))
            return ombud_usage_error(cmd, "--map: no such column in that "
                                     "format (see 'ombud help ingest'):", m);
        return 0;
    }
    for (const ombud_input_kind *k = ombud_input_kinds; k->fmt; k++)
        if ((k->flags & OMBUD_IN_MAP) && has_column(k->fmt, col, n))
            return 0;
    return ombud_usage_error(cmd, "--map: no format has that column:", m);
}

/*
 * Is the first line of @path an Asterisk queue_log line in the file form,
 * "digits|callid|queue|agent|EVENT"? A calls.csv starts with a header of
 * names, never with digits and a '|', so the guess cannot take one for
 * the other. Only regular files are looked at (a pipe can be read once).
 */
static int looks_like_queue_log(const char *path)
{
    struct stat sb;
    char line[1024];
    const char *p = line;
    FILE *fp;
    int bars = 0, ok;

    if (stat(path, &sb) || !S_ISREG(sb.st_mode) || !(fp = fopen(path, "rb")))
        return 0;
    ok = fgets(line, sizeof line, fp) != NULL;
    fclose(fp);
    if (!ok || !isdigit((unsigned char)*p))
        return 0;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p != '|')
        return 0;
    for (; *p && *p != '\n' && bars < 4; p++)
        bars += *p == '|';
    /* p is at the event name: upper-case letters, then '|' or the end. */
    if (bars < 4 || !isupper((unsigned char)*p))
        return 0;
    while (isupper((unsigned char)*p) || *p == '_')
        p++;
    return *p == '|' || *p == '\n' || *p == '\r' || !*p;
}

int ombud_inputs_check(ombud_inputs *in, const char *cmd)
{
    int rc;

    for (size_t i = 0; i < in->nmaps; i++)
        if ((rc = check_map(in->maps[i], cmd)))
            return rc;
    if (in->nfiles == 0) {
        char msg[400], kinds[300];
        snprintf(msg, sizeof msg, "nothing to import: give %s",
                 ombud_input_kinds_say(0, "--", kinds, sizeof kinds));
        return ombud_usage_error(cmd, msg, NULL);
    }
    for (int i = 0; i < in->nfiles; i++) {
        /* by the option that named the file: a queue_log is a --calls */
        const char *kind = in->files[i].fmt->kind;
        const char *d = for_kind(in->delims, in->ndelims, kind);
        in->files[i].dec.encoding = for_kind(in->encodings, in->nencodings,
                                             kind);
        in->files[i].dec.delim = d ? delim_byte(d) : 0;
        for (int k = 0; k < in->nprofiles; k++)
            if (!strcmp(ombud_profile_kind(in->profiles[k]), kind))
                in->files[i].dec.profile = in->profiles[k];
    }
    for (int i = 0; i < in->nfiles; i++) {
        const char *f = in->calls_format;
        if (strcmp(in->files[i].fmt->kind, "calls") || in->files[i].dec.profile)
            continue;
        if (f ? !strcmp(f, "asterisk-queue-log")
              : looks_like_queue_log(in->files[i].path))
            in->files[i].fmt = &ombud_format_queue_log;
    }
    return 0;
}

int ombud_inputs_cdr_tz(const ombud_inputs *in, const char *cmd, ombud_tz **out)
{
    *out = NULL;
    if (in->cdr_tz && ombud_tz_open(in->cdr_tz, out))
        return ombud_usage_error(cmd, "--cdr-tz: unknown time zone (use an "
                                 "IANA name such as Europe/Madrid):",
                                 in->cdr_tz);
    return 0;
}
