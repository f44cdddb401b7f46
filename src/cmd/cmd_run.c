/*
 * cmd_run.c - `ombud run`: the whole job in one command.
 *
 * Loads the guarantees first (a typo there should not cost an import),
 * imports the inputs into OUT/evidence.db with the filing's time zone and
 * currency, then checks. Later stages (reports) write into OUT as well.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/ingest.h"
#include "ombud/store.h"

const char ombud_help_run[] =
    "usage: ombud run --guarantees FILE [--outages FILE]... [--calls FILE]...\n"
    "                 [--billing FILE]... [--period PERIOD] [--out DIR]\n"
    "                 [--map [KIND.]COLUMN=HEADER]... [--strict] [-q|-v]\n"
    "\n"
    "Import the inputs into DIR/evidence.db (times without an offset are read\n"
    "in the guarantees file's [filing] timezone, blank currencies as its\n"
    "currency), then evaluate every guarantee for the period, as\n"
    "'ombud ingest' followed by 'ombud check'.\n"
    "\n"
    "options:\n"
    "  --guarantees FILE  what was promised (see templates/guarantees/)\n"
    "  --outages, --calls, --billing FILE\n"
    "                     the inputs, as for 'ombud ingest'\n"
    "  --period PERIOD    as for 'ombud check'\n"
    "  --out DIR          output folder, created if missing (default: ombud-out)\n"
    "  --map, --strict, -q, -v\n"
    "                     as for 'ombud ingest'\n"
    "\n"
    "example:\n"
    "  ombud run --guarantees templates/guarantees/fibre-bundle.ini \\\n"
    "      --outages samples/founding-case/outages.csv \\\n"
    "      --calls samples/founding-case/calls.csv \\\n"
    "      --billing samples/founding-case/billing.csv --period 2026-10 --out out\n";

#define MAX_FILES 256

typedef struct run_args {
    const char *guarantees, *period, *out;
    ombud_input files[MAX_FILES];
    int nfiles;
    const char *maps[MAX_FILES];
    size_t nmaps;
    int strict;
} run_args;

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "ombud run: %s%s%s\nsee 'ombud help run'\n", msg,
            arg ? " " : "", arg ? arg : "");
    return OMBUD_EXIT_USAGE;
}

static int add_input(run_args *a, const char *kind, const char *path)
{
    if (a->nfiles == MAX_FILES)
        return usage_error("too many input files", NULL);
    a->files[a->nfiles++] = (ombud_input){ombud_format_find(kind), path};
    return 0;
}

static int parse_args(int argc, char **argv, run_args *a)
{
    enum { O_G = 256, O_OUTAGES, O_CALLS, O_BILLING, O_PERIOD, O_OUT, O_MAP,
           O_STRICT };
    static const struct option opts[] = {
        {"guarantees", required_argument, NULL, O_G},
        {"outages", required_argument, NULL, O_OUTAGES},
        {"calls", required_argument, NULL, O_CALLS},
        {"billing", required_argument, NULL, O_BILLING},
        {"period", required_argument, NULL, O_PERIOD},
        {"out", required_argument, NULL, O_OUT},
        {"map", required_argument, NULL, O_MAP},
        {"strict", no_argument, NULL, O_STRICT},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c, rc = 0;

    *a = (run_args){.out = "ombud-out"};
    optind = 1;
    opterr = 0;
    while (!rc && (c = getopt_long(argc, argv, ":qvh", opts, NULL)) != -1) {
        switch (c) {
        case O_G: a->guarantees = optarg; break;
        case O_OUTAGES: rc = add_input(a, "outages", optarg); break;
        case O_CALLS: rc = add_input(a, "calls", optarg); break;
        case O_BILLING: rc = add_input(a, "billing", optarg); break;
        case O_PERIOD: a->period = optarg; break;
        case O_OUT: a->out = optarg; break;
        case O_MAP:
            if (!strchr(optarg, '=') || a->nmaps == MAX_FILES)
                return usage_error("--map needs [KIND.]COLUMN=HEADER, got", optarg);
            a->maps[a->nmaps++] = optarg;
            break;
        case O_STRICT: a->strict = 1; break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'v': ombud_diag_set_verbosity(OMBUD_VERBOSE); break;
        case 'h': fputs(ombud_help_run, stdout); return -1;
        case ':': return usage_error("option needs a value:", argv[optind - 1]);
        default: return usage_error("unknown option", argv[optind - 1]);
        }
    }
    if (rc)
        return rc;
    if (optind < argc)
        return usage_error("unexpected argument", argv[optind]);
    if (!a->guarantees)
        return usage_error("--guarantees FILE is required", NULL);
    if (!a->nfiles)
        return usage_error("nothing to import: give --outages, --calls or "
                           "--billing", NULL);
    return 0;
}

/* Ingest then check, with the store in @db. */
static ombud_err run(const run_args *a, const ombud_guarantees *gs,
                     const char *db, int64_t *rejected)
{
    ombud_ingest_opts io = {gs->tz, gs->filing.currency, a->maps, a->nmaps,
                            ombud_diag_verbosity() == OMBUD_VERBOSE ? -1 : 10};
    ombud_store *st = NULL;
    int failed;
    ombud_err err;

    if (!(err = ombud_store_open(db, &st)) &&
        !(err = ombud_import_files(st, a->files, a->nfiles, &io, rejected)))
        err = ombud_evaluate(st, gs, a->period, &failed);
    ombud_store_close(st);
    return err;
}

int ombud_cmd_run(int argc, char **argv)
{
    run_args a;
    ombud_guarantees *gs = NULL;
    char db[4096];
    int64_t rejected = 0;
    int rc;
    ombud_err err;

    if ((rc = parse_args(argc, argv, &a)))
        return rc < 0 ? OMBUD_EXIT_OK : rc;
    if ((err = ombud_guarantees_load(a.guarantees, &gs)))
        return ombud_exit_code(err);
    if (mkdir(a.out, 0777) != 0 && errno != EEXIST) {
        ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s: %s", a.out,
                    strerror(errno));
        ombud_guarantees_free(gs);
        return ombud_exit_code(OMBUD_E_CANTCREAT);
    }
    snprintf(db, sizeof db, "%s/evidence.db", a.out);
    err = run(&a, gs, db, &rejected);
    ombud_guarantees_free(gs);
    if (!err && a.strict && rejected > 0)
        err = ombud_error(OMBUD_E_DATA, NULL, "%lld rows rejected (--strict)",
                          (long long)rejected);
    return ombud_exit_code(err);
}
