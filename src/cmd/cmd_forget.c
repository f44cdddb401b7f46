/*
 * cmd_forget.c - `ombud forget`: remove sources and all that came of them.
 *
 * A store keeps every file it was given, and a file already stored cannot
 * be replaced by importing a corrected copy: the copy's rows that kept
 * their keys are rejected as duplicates of the old ones. `forget` is the
 * way out short of a new store: it removes named sources with their rows,
 * their rejects and every stored check, in one transaction, so that the
 * corrected file can be imported and the check run again.
 *
 * Key decisions:
 * - A SOURCE is matched against every stored source as an id, a SHA-256
 *   prefix (8 hex digits or more) and a name or path as stored, all at
 *   once; one match or none is taken, several are refused with the
 *   candidates listed. So "2" and "calls.csv" never quietly pick one of
 *   two sources.
 * - All SOURCEs are resolved before anything is removed: one unknown or
 *   ambiguous SOURCE removes nothing.
 * - Every check goes with any source (see ombud_store_forget() for why),
 *   and the output says which periods to check again.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/time.h"
#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/store.h"

const char ombud_help_forget[] =
    "usage: ombud forget [--db FILE|URI] [-q] SOURCE...\n"
    "\n"
    "Remove source files from the evidence store, with everything that came\n"
    "of them: their stored rows (outages, call legs, billing events,\n"
    "appointments, orders, accounts, CDRs, legs built from a queue_log) and\n"
    "their rejects. Every stored check is removed too, whatever its period,\n"
    "because findings cite rows and a check may read rows outside its\n"
    "period (a year of billing for an annual charge): run `ombud check`\n"
    "again afterwards. All in one transaction: all SOURCEs go, or none.\n"
    "\n"
    "Use it when a corrected export was imported into a store that holds\n"
    "the old one (its rows were rejected as duplicates of the old file's):\n"
    "forget the old file, import the corrected one, check again.\n"
    "\n"
    "SOURCE is one of:\n"
    "  2                  a source id, as `ombud report` lists the sources\n"
    "  8b7be94a           its SHA-256, or a prefix of 8 hex digits or more\n"
    "  calls.csv          its file name, or its path as given when imported\n"
    "A SOURCE that matches several sources (two imports of calls.csv) is\n"
    "refused with the candidates listed: name one by id or SHA-256.\n"
    "\n"
    "options:\n"
    "  --db FILE|URI      evidence store (default: evidence.db), or a\n"
    "                     PostgreSQL server as for `ombud ingest`\n"
    "  -q, --quiet        print errors only\n"
    "\n"
    "example:\n"
    "  ombud forget --db evidence.db calls.csv\n"
    "  ombud ingest --db evidence.db --tz America/Los_Angeles --calls calls.csv\n"
    "  ombud check --db evidence.db --guarantees fibre-bundle.ini --period 2026-10\n"
    "\n"
    "exit status: 0 removed, 64 usage error, 65 a SOURCE matches no source or\n"
    "several (nothing removed), 70 store error, 73 the store cannot be opened.\n";

/* A stored source, as much as matching and messages need (owned copies). */
typedef struct src_info {
    int64_t id;
    char *kind, *name, *path, *sha256;
    int64_t stored, rejected;
} src_info;

static void src_info_free(gpointer p)
{
    src_info *s = p;

    g_free(s->kind);
    g_free(s->name);
    g_free(s->path);
    g_free(s->sha256);
    g_free(s);
}

static int collect_source(void *ud, const ombud_source_row *r)
{
    src_info *s = g_new0(src_info, 1);

    *s = (src_info){r->id, g_strdup(r->kind), g_strdup(r->name),
                    g_strdup(r->path), g_strdup(r->sha256),
                    r->counts.stored, r->counts.rejected};
    g_ptr_array_add(ud, s);
    return 0;
}

/* Is @s a SHA-256 prefix we accept: 8 to 64 hex digits? */
static int is_sha_prefix(const char *s)
{
    size_t n = strlen(s);

    return n >= 8 && n <= 64 && strspn(s, "0123456789abcdefABCDEF") == n;
}

/* Does SOURCE @arg name stored source @s? */
static int matches(const char *arg, const src_info *s)
{
    char *end;
    long long id;

    if (arg[0] >= '1' && arg[0] <= '9') {
        id = strtoll(arg, &end, 10);
        if (!*end && id == s->id)
            return 1;
    }
    if (is_sha_prefix(arg) && !g_ascii_strncasecmp(s->sha256, arg,
                                                   strlen(arg)))
        return 1;
    return !strcmp(arg, s->name) || !strcmp(arg, s->path);
}

static void describe(const src_info *s, const char *lead)
{
    ombud_info("%ssource %lld: %s, kind %s, path %s, SHA-256 %.12s, %lld "
               "stored, %lld rejected", lead, (long long)s->id, s->name,
               s->kind, s->path, s->sha256, (long long)s->stored,
               (long long)s->rejected);
}

/*
 * Resolve @args into @picked (sources, borrowed from @all, no repeats).
 * Every SOURCE is looked at, so that one run reports all that is wrong.
 */
static ombud_err resolve(GPtrArray *all, char **args, int nargs,
                         GPtrArray *picked)
{
    ombud_err err = OMBUD_OK;

    for (int a = 0; a < nargs; a++) {
        src_info *hit = NULL;
        unsigned nhits = 0;

        for (unsigned i = 0; i < all->len; i++)
            if (matches(args[a], all->pdata[i])) {
                hit = all->pdata[i];
                nhits++;
            }
        if (nhits == 1) {
            unsigned i;

            for (i = 0; i < picked->len && picked->pdata[i] != hit; i++)
                ;
            if (i == picked->len)
                g_ptr_array_add(picked, hit);
            continue;
        }
        if (nhits == 0) {
            err = ombud_error(OMBUD_E_DATA, NULL, "'%s' names no stored "
                              "source (give an id, a SHA-256 of 8 hex digits "
                              "or more, or a file name as stored)", args[a]);
            if (all->len == 0)
                ombud_info("  the store holds no sources");
            for (unsigned i = 0; i < all->len && i < 20; i++)
                describe(all->pdata[i], "  ");
            if (all->len > 20)
                ombud_info("  and %u more", all->len - 20);
            continue;
        }
        err = ombud_error(OMBUD_E_DATA, NULL, "'%s' is ambiguous: %u sources "
                          "match; name one by its id or SHA-256", args[a],
                          nhits);
        for (unsigned i = 0; i < all->len; i++)
            if (matches(args[a], all->pdata[i]))
                describe(all->pdata[i], "  ");
    }
    return err;
}

/* The checks removed, as their periods read ("2026-10"). */
typedef struct removed_checks {
    GString *periods;
    int n;
} removed_checks;

/*
 * A period as a user gives it to `ombud check --period`: "2026-10" for a
 * whole month in the check's zone, else its days "2026-10-01..2026-12-31",
 * else its instants.
 */
static void period_text(int64_t from, int64_t to, const char *zone,
                        GString *out)
{
    ombud_tz *tz = NULL;
    ombud_tm a, b, last;
    char buf[128];

    if (ombud_tz_open(zone, &tz)) {
        g_string_append_printf(out, "%lld..%lld (zone %s)", (long long)from,
                               (long long)to, zone);
        return;
    }
    ombud_tm_from_instant(tz, from, &a);
    ombud_tm_from_instant(tz, to, &b);
    ombud_tm_from_instant(tz, to - 1, &last);
    if (a.hour || a.min || a.sec || b.hour || b.min || b.sec)
        g_string_append(out, ombud_period_format(tz, from, to, buf,
                                                 sizeof buf));
    else if (a.day == 1 && b.day == 1 &&
             (b.year * 12 + b.month) - (a.year * 12 + a.month) == 1)
        g_string_append_printf(out, "%04d-%02d", a.year, a.month);
    else
        g_string_append_printf(out, "%04d-%02d-%02d..%04d-%02d-%02d", a.year,
                               a.month, a.day, last.year, last.month,
                               last.day);
    ombud_tz_free(tz);
}

static int note_check(void *ud, int64_t id, int64_t from, int64_t to,
                      const char *tz)
{
    removed_checks *rc = ud;

    (void)id;
    if (rc->n++)
        g_string_append(rc->periods, ", ");
    period_text(from, to, tz, rc->periods);
    return 0;
}

int ombud_cmd_forget(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *db = "evidence.db";
    ombud_verbosity verbosity = OMBUD_NORMAL;
    ombud_store *st = NULL;
    GPtrArray *all = NULL, *picked = NULL;
    int64_t *ids = NULL;
    ombud_forgotten *out = NULL;
    removed_checks rc = {NULL, 0};
    ombud_err err;
    int c;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'q': verbosity = OMBUD_QUIET; break;
        case 'h': fputs(ombud_help_forget, stdout); return OMBUD_EXIT_OK;
        case ':':
            return ombud_usage_error("forget", "option needs a value:",
                                     argv[optind - 1]);
        default:
            return ombud_usage_error("forget", "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return ombud_usage_error("forget", "name the sources to forget: an "
                                 "id, a SHA-256 prefix or a file name;",
                                 "none given");
    ombud_diag_set_verbosity(verbosity);
    if ((err = ombud_store_open(db, &st)))
        return ombud_exit_code(err);
    all = g_ptr_array_new_with_free_func(src_info_free);
    picked = g_ptr_array_new();
    if ((err = ombud_store_each_source(st, collect_source, all)) ||
        (err = resolve(all, argv + optind, argc - optind, picked)))
        goto done;
    ids = g_new(int64_t, picked->len);
    out = g_new0(ombud_forgotten, picked->len);
    for (unsigned i = 0; i < picked->len; i++)
        ids[i] = ((src_info *)picked->pdata[i])->id;
    rc.periods = g_string_new(NULL);
    if ((err = ombud_store_forget(st, ids, picked->len, out, note_check, &rc)))
        goto done;
    for (unsigned i = 0; i < picked->len; i++) {
        const src_info *s = picked->pdata[i];

        ombud_out("forgot %s (source %lld, %s, SHA-256 %.12s): %lld rows, "
                  "%lld rejects\n", s->name, (long long)s->id, s->kind,
                  s->sha256, (long long)out[i].rows,
                  (long long)out[i].rejects);
    }
    if (rc.n)
        ombud_out("%d check%s removed (%s): run ombud check again\n", rc.n,
                  rc.n == 1 ? "" : "s", rc.periods->str);
    else
        ombud_out("no checks were stored\n");
done:
    if (rc.periods)
        g_string_free(rc.periods, TRUE);
    g_free(ids);
    g_free(out);
    if (picked)
        g_ptr_array_free(picked, TRUE);
    if (all)
        g_ptr_array_free(all, TRUE);
    ombud_store_close(st);
    return err ? ombud_exit_code(err) : OMBUD_EXIT_OK;
}
