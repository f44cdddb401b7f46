/*
 * cmd_run.c - `ombud run`: the whole job in one command.
 *
 * Loads the guarantees first (a typo there should not cost an import),
 * imports the inputs into OUT/evidence.db with the filing's time zone and
 * currency, then checks. Later stages (reports) write into OUT as well.
 *
 * A run is one set of inputs: OUT/evidence.db is started afresh each time
 * (a store left by an earlier run is moved aside, never mixed in: a
 * corrected export would otherwise be rejected row by row as duplicates of
 * the old one, and the reports would show the old findings). --db names a
 * store to add to on purpose, such as a PostgreSQL server.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ombud/cmd.h"
#include "ombud/engine.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/history.h"
#include "ombud/ingest.h"
#include "ombud/report.h"
#include "ombud/store.h"

const char ombud_help_run[] =
    "usage: ombud run --guarantees FILE [--outages FILE]... [--calls FILE]...\n"
    "                 [--billing FILE]... [--period PERIOD] [--out DIR]\n"
    "                 [--appointments FILE]... [--orders FILE]...\n"
    "                 [--customers FILE]... [--snapshots FILE]...\n"
    "                 [--paper letter|a4] [--history N]\n"
    "                 [--account ID --customer NAME [--date YYYY-MM-DD]]\n"
    "                 [--lang en|es|ca|he] [--sign KEY] [--db FILE|URI]\n"
    "                 [--map [KIND.]COLUMN=HEADER]... [--strict] [-q|-v]\n"
    "                 [--calls-format csv|asterisk-queue-log] [--accounts FILE]\n"
    "                 [--cdr FILE]... [--cdr-tz ZONE]\n"
    "\n"
    "Import the inputs into a new DIR/evidence.db (a store left there by an\n"
    "earlier run is moved aside to DIR/evidence.db.1, .2...: one run, one set\n"
    "of inputs; times without an offset are read\n"
    "in the guarantees file's [filing] timezone, blank currencies as its\n"
    "currency), evaluate every guarantee for the period and write\n"
    "DIR/report.xlsx and DIR/report.pdf: 'ombud ingest', 'ombud check' and\n"
    "'ombud report' in one.\n"
    "\n"
    "options:\n"
    "  --guarantees FILE  what was promised (see templates/guarantees/)\n"
    "  --outages, --calls, --billing, --appointments, --orders, --customers,\n"
    "  --snapshots FILE\n"
    "                     the inputs, as for 'ombud ingest'\n"
    "  --period PERIOD    as for 'ombud check'\n"
    "  --out DIR          output folder, created if missing (default: ombud-out)\n"
    "  --db FILE|URI      add to this store instead of a new DIR/evidence.db\n"
    "                     (e.g. months accumulated in one store, or a\n"
    "                     PostgreSQL server as in 'ombud help ingest')\n"
    "  --paper SIZE       letter (default) or a4, for the PDF\n"
    "  --history N        with --db, show each guarantee in up to N earlier\n"
    "                     periods checked in that store (as for 'ombud\n"
    "                     report'; default 12, 0: none)\n"
    "  --account ID       also write that account's complaint dossier\n"
    "                     (see 'ombud help complaint')\n"
    "  --customer NAME    who complains (required with --account)\n"
    "  --date YYYY-MM-DD  the date of the dossier's letter (default: today\n"
    "                     in the filing's time zone); recorded in its\n"
    "                     manifest for 'ombud verify'\n"
    "  --lang LANG        language of the reports, the dossier and the\n"
    "                     summary: en, es, ca or he (default: [filing]\n"
    "                     language, else en)\n"
    "  --allow-incomplete exit 0 even when the evidence is incomplete (a\n"
    "                     guarantee with no data, rejected rows over 0.50%,\n"
    "                     a file in another zone, a filter matching nothing:\n"
    "                     see 'ombud help check'); the reports show them first\n"
    "  --sign KEY         sign every report written with a private key from\n"
    "                     'ombud keygen' (REPORT.sig beside each)\n"
    "  --map, --strict, -q, -v, --encoding, --delimiter, --profile\n"
    "                     as for 'ombud ingest'\n"
    "  --calls-format, --accounts, --cdr, --cdr-tz\n"
    "                     Asterisk exports, as for 'ombud ingest'; the queue\n"
    "                     exits mean what the guarantees file's [source\n"
    "                     asterisk] says (printed in the report's method)\n"
    "\n"
    "example:\n"
    "  ombud run --guarantees templates/guarantees/fibre-bundle.ini \\\n"
    "      --outages samples/founding-case/outages.csv \\\n"
    "      --calls samples/founding-case/calls.csv \\\n"
    "      --billing samples/founding-case/billing.csv --period 2026-10 --out out\n";

typedef struct run_args {
    const char *guarantees, *period, *out, *account, *customer, *key, *db;
    const char *date;                   /* --date, checked; NULL: today */
    int allow;                          /* --allow-incomplete */
    int gate;                           /* the data-quality exit status */
    ombud_paper paper;
    ombud_lang lang;
    int lang_given;                     /* --lang was given */
    ombud_inputs in;
} run_args;

/* Parse options into @a; returns 0, -1 after --help, or an exit status. */
static int parse_args(int argc, char **argv, run_args *a)
{
    enum { O_G = 256, O_PERIOD, O_OUT, O_PAPER, O_ACCOUNT, O_CUSTOMER, O_LANG,
           O_SIGN, O_DB, O_ALLOW, O_DATE, O_HISTORY };
    static const struct option own[] = {
        {"guarantees", required_argument, NULL, O_G},
        {"period", required_argument, NULL, O_PERIOD},
        {"out", required_argument, NULL, O_OUT},
        {"paper", required_argument, NULL, O_PAPER},
        {"account", required_argument, NULL, O_ACCOUNT},
        {"customer", required_argument, NULL, O_CUSTOMER},
        {"date", required_argument, NULL, O_DATE},
        {"history", required_argument, NULL, O_HISTORY},
        {"lang", required_argument, NULL, O_LANG},
        {"sign", required_argument, NULL, O_SIGN},
        {"db", required_argument, NULL, O_DB},
        {"allow-incomplete", no_argument, NULL, O_ALLOW},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    struct option opts[OMBUD_MAX_OPTIONS];
    int c, rc;

    *a = (run_args){.out = "ombud-out"};
    ombud_options_build(own, OMBUD_OPTS_KINDS | OMBUD_OPTS_SHARED, opts,
                        OMBUD_MAX_OPTIONS);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qvh", opts, NULL)) != -1) {
        if ((rc = ombud_inputs_take(&a->in, c, optarg, "run")) >= 0) {
            if (rc)
                return rc;
            continue;
        }
        switch (c) {
        case O_G: a->guarantees = optarg; break;
        case O_PERIOD: a->period = optarg; break;
        case O_OUT: a->out = optarg; break;
        case O_ACCOUNT: a->account = optarg; break;
        case O_CUSTOMER: a->customer = optarg; break;
        case O_SIGN: a->key = optarg; break;
        case O_DB: a->db = optarg; break;
        case O_ALLOW: a->allow = 1; break;
        case O_HISTORY:
            if ((rc = ombud_history_option(optarg, "run")))
                return rc;
            break;
        case O_DATE:
            if ((rc = ombud_date_option(optarg, "run", &a->date)))
                return rc;
            break;
        case O_LANG:
            if ((rc = ombud_lang_option(optarg, "run", &a->lang)))
                return rc;
            a->lang_given = 1;
            break;
        case O_PAPER:
            if (ombud_paper_parse(optarg, &a->paper))
                return ombud_usage_error("run", "--paper takes letter or a4, "
                                         "got", optarg);
            break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'v': ombud_diag_set_verbosity(OMBUD_VERBOSE); break;
        case 'h': fputs(ombud_help_run, stdout); return -1;
        case ':':
            return ombud_usage_error("run", "option needs a value:",
                                     argv[optind - 1]);
        default:
            return ombud_usage_error("run", "unknown option", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("run", "unexpected argument", argv[optind]);
    if (!a->guarantees)
        return ombud_usage_error("run", "--guarantees FILE is required", NULL);
    if (a->account && (!a->customer || !a->customer[0]))
        return ombud_usage_error("run", "--account ID needs --customer NAME: "
                                 "who complains", NULL);
    /* Only the dossier has a letter to date: a --date that would date
     * nothing is a mistake worth saying. */
    if (a->date && !a->account)
        return ombud_usage_error("run", "--date dates the complaint letter: "
                                 "give it with --account ID --customer NAME",
                                 NULL);
    if ((rc = ombud_sign_option(a->key)))
        return rc;
    return ombud_inputs_check(&a->in, "run");
}

/* Ingest, check and report, with everything in @a->out. */
static ombud_err run(run_args *a, const ombud_guarantees *gs,
                     const char *db, int64_t *rejected)
{
    char xlsx[4096], pdfpath[4096];
    int64_t check_id = 0;
    ombud_ingest_opts io = {gs->tz, gs->filing.currency, a->in.maps, a->in.nmaps,
                            ombud_diag_verbosity() == OMBUD_VERBOSE ? -1 : 10,
                            &gs->asterisk, NULL, NULL};
    ombud_tz *cdr_tz = NULL;
    ombud_store *st = NULL;
    int failed;
    ombud_err err;

    if (ombud_inputs_cdr_tz(&a->in, "run", &cdr_tz))
        return OMBUD_E_USAGE;
    io.cdr_tz = cdr_tz;
    if (!(err = ombud_store_open(db, &st)) &&
        !(err = ombud_import_files(st, a->in.files, a->in.nfiles, &io,
                                     ombud_say_imported, NULL, rejected)))
        err = ombud_evaluate(st, gs, a->period, &ombud_summary, &failed,
                             &check_id);
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", a->out);
    snprintf(pdfpath, sizeof pdfpath, "%s/report.pdf", a->out);
    if (!err && !(err = ombud_report_xlsx(st, check_id, xlsx)))
        ombud_info("wrote %s", xlsx);
    if (!err)
        err = ombud_sign_written(a->key, xlsx);
    if (!err && !(err = ombud_report_pdf(st, check_id, pdfpath, a->paper)))
        ombud_info("wrote %s", pdfpath);
    if (!err)
        err = ombud_sign_written(a->key, pdfpath);
    if (!err && a->account) {
        ombud_complaint c = {.check_id = check_id, .account = a->account,
                             .customer = a->customer, .paper = a->paper,
                             .date = a->date};
        err = ombud_complaint_files(st, &c, a->out, a->key);
    }
    /* After the reports: they show why, so the user can see it. */
    if (!err)
        a->gate = ombud_quality_gate(st, check_id, a->allow);
    ombud_store_close(st);
    ombud_tz_free(cdr_tz);
    return err;
}

/*
 * DIR/evidence.db, new: one left by an earlier run is renamed to the first
 * free evidence.db.N (with its -wal and -shm files), and said so.
 */
static ombud_err fresh_store(const char *dir, char *db, size_t size)
{
    char old[4200];
    struct stat sb;

    snprintf(db, size, "%s/evidence.db", dir);
    if (lstat(db, &sb) != 0)
        return errno == ENOENT ? OMBUD_OK : ombud_error(OMBUD_E_CANTCREAT,
               NULL, "cannot use %s: %s", db, strerror(errno));
    for (int n = 1; n < 10000; n++) {
        snprintf(old, sizeof old, "%s.%d", db, n);
        if (lstat(old, &sb) == 0)
            continue;
        if (rename(db, old) != 0)
            break;
        for (int i = 0; i < 2; i++) {
            char from[4300], to[4300];
            snprintf(from, sizeof from, "%s%s", db, i ? "-shm" : "-wal");
            snprintf(to, sizeof to, "%s%s", old, i ? "-shm" : "-wal");
            if (lstat(from, &sb) == 0)
                rename(from, to);
        }
        ombud_warn(NULL, "%s was left by an earlier run: moved aside to %s, so that "
                   "this run's store holds these inputs only (give --db to add "
                   "to a store on purpose)", db, old);
        return OMBUD_OK;
    }
    return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot move the earlier "
                       "store %s aside: %s", db, strerror(errno));
}

/* The command, with @a holding what it loaded (ombud_cmd_run frees it). */
static int run_cmd_main(int argc, char **argv, run_args *a)
{
    ombud_guarantees *gs = NULL;
    char db[4096];
    int64_t rejected = 0;
    int rc;
    ombud_err err;

    if ((rc = parse_args(argc, argv, a)))
        return rc < 0 ? OMBUD_EXIT_OK : rc;
    if ((err = ombud_guarantees_load(a->guarantees, &gs)))
        return ombud_exit_code(err);
    if ((err = ombud_lang_apply(a->lang_given, a->lang, gs))) {
        ombud_guarantees_free(gs);
        return ombud_exit_code(err);
    }
    if (mkdir(a->out, 0777) != 0 && errno != EEXIST) {
        ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s: %s", a->out,
                    strerror(errno));
        ombud_guarantees_free(gs);
        return ombud_exit_code(OMBUD_E_CANTCREAT);
    }
    if (a->db)
        snprintf(db, sizeof db, "%s", a->db);
    else if ((err = fresh_store(a->out, db, sizeof db))) {
        ombud_guarantees_free(gs);
        return ombud_exit_code(err);
    }
    gs->filing.allow_incomplete = a->allow;
    err = run(a, gs, db, &rejected);
    if (!err && a->gate) {
        ombud_guarantees_free(gs);
        return a->gate;
    }
    ombud_guarantees_free(gs);
    if (!err && a->in.strict && rejected > 0)
        err = ombud_error(OMBUD_E_DATA, NULL, "%lld rows rejected (--strict)",
                          (long long)rejected);
    return ombud_exit_code(err);
}

int ombud_cmd_run(int argc, char **argv)
{
    run_args a = {0};
    int rc = run_cmd_main(argc, argv, &a);

    ombud_inputs_free(&a.in);
    return rc;
}
