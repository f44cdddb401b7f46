/*
 * cmd_check.c - `ombud check`: evaluate the guarantees over a period.
 *
 * Parses the options and hands the work to ombud_evaluate() (engine.h),
 * with the summary printer of summary.c; then the data-quality gate
 * chooses the exit status.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/engine.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/store.h"

const char ombud_help_check[] =
    "usage: ombud check [--db FILE] --guarantees FILE [--period PERIOD]\n"
    "                   [--lang en|es|ca|he] [--allow-incomplete] [-q]\n"
    "\n"
    "Evaluate every guarantee of the guarantees file against the evidence in\n"
    "the store, write the findings (results, breaches and the evidence rows\n"
    "behind each) into the store, and print a summary. Re-running a check for\n"
    "the same period replaces its findings.\n"
    "\n"
    "options:\n"
    "  --db FILE|URI      evidence store (default: evidence.db); a PostgreSQL\n"
    "                     URI or connection string (postgresql://user@host/db,\n"
    "                     'host=... dbname=...', pg: for the PG* variables)\n"
    "                     uses that server\n"
    "  --guarantees FILE  what was promised (see templates/guarantees/)\n"
    "  --period PERIOD    2026-10, 2026-Q4, 2026, 2026-10-17 or\n"
    "                     2026-10-01..2026-10-31, in the filing's time zone\n"
    "                     (default: [filing] period; one of the two is needed)\n"
    "  --lang LANG        language of the findings' texts and the summary:\n"
    "                     en, es, ca or he (default: [filing] language, else en);\n"
    "                     reports of this check are written in it\n"
    "  --allow-incomplete exit 0 even when the evidence is incomplete (see\n"
    "                     below); the problems are still said, and shown\n"
    "                     first in the reports\n"
    "  -q, --quiet        print errors only\n"
    "\n"
    "example:\n"
    "  ombud check --db evidence.db --guarantees fibre-bundle.ini --period 2026-10\n"
    "\n"
    "Data quality: after the summary, each serious problem is said on stderr:\n"
    "a guarantee with no data (NO DATA, never PASS), a file with more than\n"
    "0.50% of its rows rejected, a file read in another time zone than the\n"
    "filing's, a filter word (queues, services, areas, kinds) that matches\n"
    "no stored value. The reports list them first, with notes on every\n"
    "input (rows before, in and after the period; days without calls).\n"
    "\n"
    "exit status: 0 checked (guarantees may have failed: see the summary),\n"
    "2 checked but the evidence is incomplete (see above), 64 usage error or\n"
    "no period, 65 bad guarantees file, 66 cannot open it, 70 store error.\n";

int ombud_cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"guarantees", required_argument, NULL, 'g'},
        {"period", required_argument, NULL, 'p'},
        {"lang", required_argument, NULL, 'l'},
        {"allow-incomplete", no_argument, NULL, 'a'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *db = "evidence.db", *gpath = NULL, *period = NULL;
    ombud_guarantees *gs = NULL;
    ombud_store *st = NULL;
    int c, lang_given = 0, allow = 0, rc = 0;
    int64_t check_id = 0;
    ombud_lang lang = OMBUD_LANG_EN;
    ombud_err err;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'g': gpath = optarg; break;
        case 'p': period = optarg; break;
        case 'l':
            if ((c = ombud_lang_option(optarg, "check", &lang)))
                return c;
            lang_given = 1;
            break;
        case 'a': allow = 1; break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'h': fputs(ombud_help_check, stdout); return OMBUD_EXIT_OK;
        default:
            return ombud_usage_error("check", c == ':' ? "option needs a "
                                     "value:" : "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("check", "unexpected argument", argv[optind]);
    if (!gpath)
        return ombud_usage_error("check", "--guarantees FILE is required", NULL);
    if (!(err = ombud_guarantees_load(gpath, &gs)) &&
        !(err = ombud_lang_apply(lang_given, lang, gs)) &&
        !(err = ombud_store_open(db, &st))) {
        gs->filing.allow_incomplete = allow;
        err = ombud_evaluate(st, gs, period, &ombud_summary, NULL,
                             &check_id);
    }
    if (!err)
        rc = ombud_quality_gate(st, check_id, allow);
    ombud_store_close(st);
    ombud_guarantees_free(gs);
    return err ? ombud_exit_code(err) : rc;
}
