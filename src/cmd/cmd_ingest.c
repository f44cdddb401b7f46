/*
 * cmd_ingest.c - `ombud ingest`: read input files into the evidence store.
 *
 * Files are imported one at a time, each in its own transaction, in the
 * import order of their kinds (src/ingest/formats.c: outages first, the
 * customers served and snapshots last). A file whose checksum is already
 * in the store is skipped. Rows that fail validation are rejected with a reason
 * and do not stop the import; a file that cannot be read or has no usable
 * header stops the command with its exit code, after the files before it
 * have been committed.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/time.h"
#include "ombud/cmd.h"
#include "ombud/engine.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/ingest.h"
#include "ombud/profile.h"
#include "ombud/store.h"
#include "ombud/value.h"

const char ombud_help_ingest[] =
    "usage: ombud ingest [--db FILE] [--tz ZONE] [--currency CODE]\n"
    "                    [--outages FILE]... [--calls FILE]... [--billing FILE]...\n"
    "                    [--appointments FILE]... [--orders FILE]...\n"
    "                    [--customers FILE]... [--snapshots FILE]...\n"
    "                    [--map [KIND.]COLUMN=HEADER]... [--strict] [-q|-v]\n"
    "                    [--encoding [KIND=]NAME]... [--delimiter [KIND=]D]...\n"
    "                    [--profile FILE]...\n"
    "                    [--calls-format csv|asterisk-queue-log] [--accounts FILE]\n"
    "                    [--cdr FILE]... [--cdr-tz ZONE] [--guarantees FILE]\n"
    "\n"
    "Read outage, call-leg and billing CSV files into the evidence store.\n"
    "Every data row is stored with its file and line, or rejected with a\n"
    "reason, file, line and column; ombud checks read = stored + rejected for\n"
    "every file. Each file is one transaction; importing a file whose SHA-256\n"
    "is already in the store adds nothing.\n"
    "\n"
    "options:\n"
    "  --db FILE|URI      evidence store, created if missing (default:\n"
    "                     evidence.db, an SQLite file); a PostgreSQL server\n"
    "                     by URI (postgresql://user@host:5432/dbname), libpq\n"
    "                     connection string ('host=/run/pg dbname=ev'), or\n"
    "                     pg: (the PG* environment variables, e.g. PGHOST)\n"
    "  --outages FILE     outages.csv: one row per outage or trouble ticket\n"
    "  --calls FILE       calls.csv: one row per call leg\n"
    "  --billing FILE     billing.csv: charges, credits, payments, notices\n"
    "  --appointments FILE\n"
    "                     appointments.csv: booked engineer appointments\n"
    "  --orders FILE      orders.csv: orders for new service, promised dates\n"
    "  --customers FILE   customers.csv: customers served per area (area,\n"
    "                     customers_served, as_of), for the reliability kind\n"
    "  --snapshots FILE   snapshots.csv: customers out per area at an instant\n"
    "                     (area, at, customers_out; EAGLE-I through its\n"
    "                     profile), the reliability kind's cross-check\n"
    "                     (each may be given more than once)\n"
    "  --tz ZONE          IANA time zone for times written without an offset,\n"
    "                     e.g. America/Los_Angeles; required unless\n"
    "                     --guarantees gives the filing's, or each file's\n"
    "                     --profile names its zone\n"
    "  --currency CODE    currency of amounts with a blank currency column\n"
    "                     (default: the filing's with --guarantees, else USD)\n"
    "  --map [KIND.]COLUMN=HEADER\n"
    "                     read ombud's COLUMN from the file's column HEADER,\n"
    "                     e.g. --map calls.arrived_at='Queue Entry Time'\n"
    "  --strict           exit 65 when any row was rejected\n"
    "  --encoding [KIND=]NAME\n"
    "                     convert the files (of KIND only) from NAME, any\n"
    "                     iconv name (WINDOWS-1252, ISO-8859-1, UTF-16LE;\n"
    "                     'iconv -l'). Default: UTF-8, or UTF-16 by its byte\n"
    "                     order mark. A file that is not UTF-8 is refused\n"
    "                     whole (65, nothing stored), naming the first bad\n"
    "                     byte's line and column and the likely encoding\n"
    "  --delimiter [KIND=]D\n"
    "                     field delimiter: , ; tab or |. Default: the one\n"
    "                     that splits the header into known column names\n"
    "  --profile FILE     read the files of the profile's kind through this\n"
    "                     import profile (one a kind): its delimiter,\n"
    "                     encoding, preamble and units lines, zone, columns\n"
    "                     as templates over the file's own headers, date\n"
    "                     patterns, blank words and value maps; see 'ombud\n"
    "                     help profile'. Its SHA-256 is recorded with each\n"
    "                     file, so 'ombud verify' needs it too\n"
    "\n"
    "telephony exports (Asterisk, FreePBX, Wazo, Issabel):\n"
    "  --calls-format F   read the --calls files as csv (calls.csv) or as\n"
    "                     asterisk-queue-log: the queue_log file\n"
    "                     (epoch|callid|queue|agent|event|data...) or its\n"
    "                     database export (CSV: time, callid, queuename,\n"
    "                     agent, event, data1..data5). Default: a file whose\n"
    "                     first line is a queue_log line is one, else csv\n"
    "  --accounts FILE    accounts.csv (caller_number,account_id): the account\n"
    "                     of each queue_log leg, by the caller's number\n"
    "  --cdr FILE         Asterisk Master.csv (16, 18, 21 columns, or the\n"
    "                     19 of cdr_custom), stored as call-detail records;\n"
    "                     queue_log legs take their accountcode by uniqueid\n"
    "  --cdr-tz ZONE      the zone Master.csv was written in (default --tz)\n"
    "  --guarantees FILE  take the filing's time zone and currency (unless\n"
    "                     --tz, --currency say otherwise) and the [source\n"
    "                     asterisk] settings (what EXITWITHTIMEOUT and\n"
    "                     EXITWITHKEY mean) from this file\n"
    "                     (default: timeout = voicemail, any key = ivr)\n"
    "  A queue_log gives one call leg per queue stint (ENTERQUEUE to its\n"
    "  terminal event); lines that are no part of a leg (duplicates, agent\n"
    "  and queue events, unknown events) are counted: read = stored +\n"
    "  rejected + counted. See README.md, \"Asterisk\".\n"
    "  -q, --quiet        print errors only\n"
    "  -v, --verbose      print every rejected row (default: first 10 a file)\n"
    "\n"
    "Times are ISO 8601: 2026-10-03T14:05:00-07:00 or ...Z is exact; without an\n"
    "offset (2026-10-03 14:05) a time is local in --tz, DST included (a time\n"
    "skipped by DST is moved forward; a repeated one takes the first).\n"
    "Billing dates and an order's promised_at may be dates alone (2026-10-03).\n"
    "\n"
    "example:\n"
    "  ombud ingest --db evidence.db --tz America/Los_Angeles \\\n"
    "      --outages outages.csv --calls calls.csv --billing billing.csv\n"
    "\n"
    "exit status: 0 imported (rows may have been rejected; see above),\n"
    "64 usage error, 65 a file is not UTF-8 (nor in --encoding) or has no\n"
    "usable header (or --strict and rejects),\n"
    "66 a file cannot be opened, 70 internal or store error.\n";

typedef struct ingest_args {
    const char *db;
    const char *guarantees;   /* for [source asterisk], or NULL */
    const char *tz;
    const char *currency;
    ombud_inputs in;
    ombud_verbosity verbosity;
} ingest_args;


/* Does every file go through a profile that names its zone (then no
 * --tz is needed: each file's times are read in its profile's zone)? */
static int profiles_give_zones(const ombud_inputs *in)
{
    for (int i = 0; i < in->nfiles; i++)
        if (!in->files[i].dec.profile ||
            !ombud_profile_tz(in->files[i].dec.profile))
            return 0;
    return in->nfiles > 0;
}
/* Parse options into @a; returns 0, -1 after --help, or an exit status. */
static int parse_args(int argc, char **argv, ingest_args *a)
{
    enum { O_DB = 256, O_TZ, O_CURRENCY, O_GUARANTEES };
    static const struct option own[] = {
        {"db", required_argument, NULL, O_DB},
        {"guarantees", required_argument, NULL, O_GUARANTEES},
        {"tz", required_argument, NULL, O_TZ},
        {"currency", required_argument, NULL, O_CURRENCY},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    struct option opts[OMBUD_MAX_OPTIONS];
    int c, rc;

    *a = (ingest_args){"evidence.db", NULL, NULL, NULL,
                       .verbosity = OMBUD_NORMAL};
    ombud_options_build(own, OMBUD_OPTS_KINDS | OMBUD_OPTS_SHARED, opts,
                        OMBUD_MAX_OPTIONS);
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qvh", opts, NULL)) != -1) {
        if ((rc = ombud_inputs_take(&a->in, c, optarg, "ingest")) >= 0) {
            if (rc)
                return rc;
            continue;
        }
        switch (c) {
        case O_DB: a->db = optarg; break;
        case O_TZ: a->tz = optarg; break;
        case O_CURRENCY: a->currency = optarg; break;
        case O_GUARANTEES: a->guarantees = optarg; break;
        case 'q': a->verbosity = OMBUD_QUIET; break;
        case 'v': a->verbosity = OMBUD_VERBOSE; break;
        case 'h': fputs(ombud_help_ingest, stdout); return -1;
        case ':':
            return ombud_usage_error("ingest", "option needs a value:",
                                     argv[optind - 1]);
        default:
            return ombud_usage_error("ingest", "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("ingest", "unexpected argument", argv[optind]);
    if ((rc = ombud_inputs_check(&a->in, "ingest")))
        return rc;
    /* A time without an offset is local somewhere: a guessed UTC once put a
     * Los Angeles export eight hours off, and nothing said so. */
    if (!a->tz && !a->guarantees && !profiles_give_zones(&a->in))
        return ombud_usage_error("ingest", "no time zone: give --tz ZONE (the "
                                 "zone the export writes its times in, e.g. "
                                 "America/Los_Angeles), or --guarantees FILE "
                                 "to take the filing's", NULL);
    if (a->currency && !ombud_currency_valid(a->currency))
        return ombud_usage_error("ingest", "--currency must be an ISO 4217 "
                                 "code such as USD, got", a->currency);
    return 0;
}

/* The command, with @a holding what it loaded (ombud_cmd_ingest frees it). */
static int ingest_cmd_main(int argc, char **argv, ingest_args *a)
{
    ombud_ingest_opts opts = {0};
    ombud_tz *tz = NULL, *cdr_tz = NULL;
    ombud_guarantees *gs = NULL;
    ombud_store *st = NULL;
    int64_t rejected = 0;
    int rc;
    ombud_err err;

    if ((rc = parse_args(argc, argv, a)))
        return rc < 0 ? OMBUD_EXIT_OK : rc;
    ombud_diag_set_verbosity(a->verbosity);
    if (a->guarantees && (err = ombud_guarantees_load(a->guarantees, &gs)))
        return ombud_exit_code(err);
    /* --tz wins; else the filing's zone and currency. */
    if (!a->tz) /* the filing's; else every profile names its own */
        a->tz = gs ? gs->filing.timezone : "UTC";
    if (!a->currency)
        a->currency = gs ? gs->filing.currency : "USD";
    if (ombud_tz_open(a->tz, &tz)) {
        ombud_guarantees_free(gs);
        return ombud_usage_error("ingest", "--tz: unknown time zone (use an "
                                 "IANA name such as America/Los_Angeles):",
                                 a->tz);
    }
    if ((rc = ombud_inputs_cdr_tz(&a->in, "ingest", &cdr_tz))) {
        ombud_guarantees_free(gs);
        ombud_tz_free(tz);
        return rc;
    }
    opts = (ombud_ingest_opts){tz, a->currency, a->in.maps, a->in.nmaps,
                               a->verbosity == OMBUD_VERBOSE ? -1 : 10,
                               gs ? &gs->asterisk : NULL, cdr_tz, NULL};
    if (!(err = ombud_store_open(a->db, &st)))
        err = ombud_import_files(st, a->in.files, a->in.nfiles, &opts,
                                 ombud_say_imported, NULL, &rejected);
    ombud_store_close(st);
    ombud_guarantees_free(gs);
    ombud_tz_free(cdr_tz);
    ombud_tz_free(tz);
    if (err)
        return ombud_exit_code(err);
    if (a->in.strict && rejected > 0) {
        ombud_error(OMBUD_E_DATA, NULL, "%lld rows rejected (--strict)",
                    (long long)rejected);
        return OMBUD_EXIT_DATA;
    }
    return OMBUD_EXIT_OK;
}

int ombud_cmd_ingest(int argc, char **argv)
{
    ingest_args a = {0};
    int rc = ingest_cmd_main(argc, argv, &a);

    ombud_inputs_free(&a.in);
    return rc;
}
