/*
 * cmd_synth.c - `ombud synth`: write a synthetic carrier month.
 *
 * Checks the options and the output folder (created if missing; an
 * existing non-empty folder only with --force, so a typo cannot mix a
 * generated month into real evidence), then hands over to src/synth/.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "ombud/time.h"
#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/synth.h"

const char ombud_help_synth[] =
    "usage: ombud synth --rows N --out DIR [--seed S]\n"
    "                   [--format csv|asterisk-queue-log] [--month YYYY-MM]\n"
    "                   [--tz ZONE] [--history-years Y] [--force] [-q]\n"
    "\n"
    "Write a realistic, deterministic month of a carrier's records, to try\n"
    "ombud at scale: N call legs across the queues tech_support, repair,\n"
    "billing, escalation and retention, with daily and weekly arrival curves\n"
    "and staffing that leaves some hours understaffed (long waits, abandons,\n"
    "queues closed at night); repeat calls about trouble tickets with\n"
    "promised restoration times, some missed; outages (most short, a tail\n"
    "past 24 h, some area-wide and large, planned work with late or no\n"
    "notice, exclusions); monthly charges, payments (some late), credits\n"
    "and late-payment notices (some wrongful); engineer appointments and\n"
    "orders for new service (some missed or late).\n"
    "\n"
    "Files written into DIR (times with their UTC offset in ZONE):\n"
    "  calls.csv          N call legs (--format csv, the default), or\n"
    "  queue_log          Asterisk queue_log events of the N legs, and\n"
    "  accounts.csv       caller_number,account_id (--format asterisk-queue-log)\n"
    "  outages.csv        N/50 tickets + 0-3 area-wide outages per area\n"
    "  billing.csv        about 2 rows per account (N/4 accounts)\n"
    "  appointments.csv   repair and installation visits\n"
    "  orders.csv         N/100 orders for new service\n"
    "  lines.csv          area,lines: the carrier's working lines per area\n"
    "                     (one per account), to copy into a guarantees\n"
    "                     file's lines / lines_by_area for trouble_rate\n"
    "  customers.csv      area,customers_served,as_of: 100,000 plus 100 per\n"
    "                     account in each area, for the reliability kind\n"
    "\n"
    "With --history-years Y, an electric utility's interruption history\n"
    "instead of the carrier month, for the reliability kind's major event\n"
    "days (IEEE 1366 2.5 beta over med_history years): only\n"
    "  outages.csv        exactly N rows over the Y years before the month\n"
    "                     and the month (outage_id,area,started_at,\n"
    "                     restored_at,customers_affected,cause): log-normal\n"
    "                     daily SAIDI, 13 % momentary (under 5 min), storm\n"
    "                     days about 2 a year, and a storm on the month's\n"
    "                     14th hitting every customer for 20 h or more\n"
    "  customers.csv      8 areas x (Y + 1) counts, as of the history's\n"
    "                     first day and each anniversary to the month's 1st,\n"
    "                     growing 0.5-2.5 % a year\n"
    "\n"
    "options:\n"
    "  --rows N           call legs to write, 100 to 200000000\n"
    "  --out DIR          output folder, created if missing; must be empty\n"
    "  --force            write into a folder that is not empty (files of the\n"
    "                     same names are replaced)\n"
    "  --seed S           any unsigned number (default 1); the same options\n"
    "                     give byte-identical files\n"
    "  --format F         csv (default) or asterisk-queue-log\n"
    "  --month YYYY-MM    the month generated (default 2026-10)\n"
    "  --tz ZONE          the carrier's IANA time zone\n"
    "                     (default America/Los_Angeles)\n"
    "  --history-years Y  write the interruption history of Y years (1 to\n"
    "                     20) before the month instead; N is then its rows\n"
    "  -q, --quiet        print errors only\n"
    "\n"
    "example:\n"
    "  ombud synth --rows 1000000 --out month/\n"
    "  ombud run --guarantees templates/guarantees/fibre-bundle.ini \\\n"
    "      --outages month/outages.csv --calls month/calls.csv \\\n"
    "      --billing month/billing.csv --period 2026-10 --out report/\n"
    "  ombud synth --rows 1000000 --history-years 5 --tz America/New_York \\\n"
    "      --out electric/\n"
    "\n"
    "exit status: 0 written, 64 usage error, 73 DIR cannot be written (or is\n"
    "not empty without --force), 70 internal error.\n";

typedef struct synth_args {
    const char *rows, *out, *seed, *format, *month, *tz, *history;
    int force;
    ombud_verbosity verbosity;
} synth_args;

static int parse_args(int argc, char **argv, synth_args *a)
{
    enum { O_ROWS = 256, O_OUT, O_SEED, O_FORMAT, O_MONTH, O_TZ, O_FORCE,
           O_HISTORY };
    static const struct option opts[] = {
        {"rows", required_argument, NULL, O_ROWS},
        {"out", required_argument, NULL, O_OUT},
        {"seed", required_argument, NULL, O_SEED},
        {"format", required_argument, NULL, O_FORMAT},
        {"month", required_argument, NULL, O_MONTH},
        {"tz", required_argument, NULL, O_TZ},
        {"force", no_argument, NULL, O_FORCE},
        {"history-years", required_argument, NULL, O_HISTORY},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c;

    *a = (synth_args){NULL, NULL, "1", "csv", "2026-10", "America/Los_Angeles",
                      NULL, 0, OMBUD_NORMAL};
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
        switch (c) {
        case O_ROWS: a->rows = optarg; break;
        case O_OUT: a->out = optarg; break;
        case O_SEED: a->seed = optarg; break;
        case O_FORMAT: a->format = optarg; break;
        case O_MONTH: a->month = optarg; break;
        case O_TZ: a->tz = optarg; break;
        case O_FORCE: a->force = 1; break;
        case O_HISTORY: a->history = optarg; break;
        case 'q': a->verbosity = OMBUD_QUIET; break;
        case 'h': fputs(ombud_help_synth, stdout); return -1;
        case ':':
            return ombud_usage_error("synth", "option needs a value:",
                                     argv[optind - 1]);
        default:
            return ombud_usage_error("synth", "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("synth", "unexpected argument", argv[optind]);
    if (!a->rows)
        return ombud_usage_error("synth", "--rows N is required", NULL);
    if (!a->out)
        return ombud_usage_error("synth", "--out DIR is required", NULL);
    return 0;
}

/* A whole decimal number without sign, spaces or excess (0..UINT64_MAX). */
static int parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;

    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

/* "YYYY-MM" within the supported years. */
static int parse_month(const char *s, int *year, int *month)
{
    if (strlen(s) != 7 || s[4] != '-')
        return -1;
    for (int i = 0; i < 7; i++)
        if (i != 4 && (s[i] < '0' || s[i] > '9'))
            return -1;
    *year = atoi(s);
    *month = atoi(s + 5);
    /* a week of margin on both sides stays inside the supported years */
    return *month < 1 || *month > 12 || *year <= OMBUD_YEAR_MIN ||
           *year >= OMBUD_YEAR_MAX ? -1 : 0;
}

/* --history-years: 1..20 years, all after OMBUD_YEAR_MIN; the history
 * has no call legs, so no --format but csv. */
static int parse_history(const synth_args *a, ombud_synth_opts *o)
{
    uint64_t y;

    if (!a->history)
        return 0;
    if (parse_u64(a->history, &y) || y < 1 ||
        y > OMBUD_SYNTH_MAX_HISTORY_YEARS ||
        o->year - (int)y <= OMBUD_YEAR_MIN)
        return ombud_usage_error("synth", "--history-years must be a whole "
                                 "number from 1 to 20, got", a->history);
    if (o->format != OMBUD_SYNTH_CSV)
        return ombud_usage_error("synth", "--history-years writes no call "
                                 "legs; leave out --format", a->format);
    o->history_years = (int)y;
    return 0;
}

/* Create DIR if missing; refuse a non-empty one unless @p force. */
static int prepare_dir(const char *dir, int force)
{
    GDir *d;

    if (g_mkdir_with_parents(dir, 0777) != 0 ||
        !g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create folder %s", dir);
        return ombud_exit_code(OMBUD_E_CANTCREAT);
    }
    if (force)
        return 0;
    if (!(d = g_dir_open(dir, 0, NULL))) {
        ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot open folder %s", dir);
        return ombud_exit_code(OMBUD_E_CANTCREAT);
    }
    if (g_dir_read_name(d)) {
        g_dir_close(d);
        ombud_error(OMBUD_E_CANTCREAT, NULL, "%s is not empty; give another "
                    "--out or --force to replace files in it", dir);
        return ombud_exit_code(OMBUD_E_CANTCREAT);
    }
    g_dir_close(d);
    return 0;
}

int ombud_cmd_synth(int argc, char **argv)
{
    synth_args a;
    ombud_synth_opts o = {0};
    ombud_synth_counts c;
    ombud_tz *tz = NULL;
    uint64_t rows;
    int rc;
    ombud_err err;

    if ((rc = parse_args(argc, argv, &a)))
        return rc < 0 ? OMBUD_EXIT_OK : rc;
    ombud_diag_set_verbosity(a.verbosity);
    if (parse_u64(a.rows, &rows) || rows < OMBUD_SYNTH_MIN_ROWS ||
        rows > OMBUD_SYNTH_MAX_ROWS)
        return ombud_usage_error("synth", "--rows must be a whole number from "
                                 "100 to 200000000, got", a.rows);
    if (parse_u64(a.seed, &o.seed))
        return ombud_usage_error("synth", "--seed must be an unsigned whole "
                                 "number, got", a.seed);
    if (!strcmp(a.format, "csv"))
        o.format = OMBUD_SYNTH_CSV;
    else if (!strcmp(a.format, "asterisk-queue-log"))
        o.format = OMBUD_SYNTH_QUEUE_LOG;
    else
        return ombud_usage_error("synth", "--format must be csv or "
                                 "asterisk-queue-log, got", a.format);
    if (parse_month(a.month, &o.year, &o.month))
        return ombud_usage_error("synth", "--month must be YYYY-MM, got",
                                 a.month);
    if ((rc = parse_history(&a, &o)))
        return rc;
    if (ombud_tz_open(a.tz, &tz))
        return ombud_usage_error("synth", "--tz: unknown time zone (use an "
                                 "IANA name such as America/Los_Angeles):",
                                 a.tz);
    if ((rc = prepare_dir(a.out, a.force))) {
        ombud_tz_free(tz);
        return rc;
    }
    o.rows = (int64_t)rows;
    o.tz = tz;
    o.dir = a.out;
    err = ombud_synth_write(&o, &c);
    ombud_tz_free(tz);
    if (err)
        return ombud_exit_code(err);
    if (o.history_years) {
        ombud_info("%s: %lld interruptions over %d years and %s "
                   "(outages.csv), %lld customers.csv rows", a.out,
                   (long long)c.outages, o.history_years, a.month,
                   (long long)c.customers);
        return OMBUD_EXIT_OK;
    }
    ombud_info("%s: %lld call legs (%s), %lld accounts, %lld outages, "
               "%lld billing rows, %lld appointments, %lld orders", a.out,
               (long long)c.legs, o.format == OMBUD_SYNTH_CSV ? "calls.csv"
               : "queue_log", (long long)c.accounts, (long long)c.outages,
               (long long)c.billing, (long long)c.appointments,
               (long long)c.orders);
    return OMBUD_EXIT_OK;
}
