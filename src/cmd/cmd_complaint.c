/*
 * cmd_complaint.c - `ombud complaint`: the dossier of one account.
 *
 * Evaluates the guarantees for the period (as `check` does, replacing that
 * period's findings), then writes the account's dossier from them. The
 * default letter is templates/letters/complaint-en.txt, compiled into the
 * binary so an installed ombud needs no template files; --letter takes
 * another.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ombud/cmd.h"
#include "ombud/engine.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/readall.h"
#include "ombud/report.h"
#include "ombud/store.h"


const char ombud_help_complaint[] =
    "usage: ombud complaint [--db FILE] --guarantees FILE --account ID\n"
    "                       --customer NAME [--period PERIOD] [--out DIR]\n"
    "                       [--address TEXT] [--service-address TEXT]\n"
    "                       [--tried TEXT] [--ask TEXT] [--letter FILE]\n"
    "                       [--date YYYY-MM-DD] [--paper letter|a4] [--sign KEY]\n"
    "                       [--lang en|es|ca|he]\n"
    "\n"
    "Write the complaint dossier of one account, for a consumer filing a\n"
    "formal complaint with a utility commission: DIR/complaint-ID.pdf (the\n"
    "complaint letter, a timeline of the outage and every call, the account\n"
    "in numbers, the chronology of every record with its file:line (calls,\n"
    "outages, bills, engineer appointments, orders), and each broken promise\n"
    "quoted with its source) and DIR/complaint-ID.xlsx.\n"
    "An id with a byte other than A-Za-z0-9._- (made '_') or over 199 bytes\n"
    "(cut to 190) ends in '-' and the first 8 hex digits of its SHA-256,\n"
    "so two accounts never share a file.\n"
    "The guarantees are evaluated for the period first, as 'ombud check'.\n"
    "The letter states each breach's facts (dates, amounts, references) and\n"
    "lists only the account's figures that are not zero. With no breach it\n"
    "accuses no one: it sends the account's service record instead.\n"
    "An account that no record names is refused (exit 65), with the\n"
    "accounts that have records.\n"
    "\n"
    "options:\n"
    "  --db FILE|URI      evidence store (default: evidence.db), or a\n"
    "                     PostgreSQL server as in ombud help ingest\n"
    "  --guarantees FILE  what was promised\n"
    "  --account ID       the account complained about\n"
    "  --customer NAME    who complains: the account holder (required)\n"
    "  --period PERIOD    as for 'ombud check'\n"
    "  --out DIR          output folder (default: ombud-out)\n"
    "  --address TEXT     your postal address, under your name (one line:\n"
    "                     '12 Oak Lane, Oakridge, CA 94000')\n"
    "  --service-address TEXT\n"
    "                     where the service is, if not at your address\n"
    "  --tried TEXT       what you already tried with the company ('called\n"
    "                     22 times; wrote to customer care on 2026-10-20,\n"
    "                     no reply')\n"
    "                     (left out of the letter when not given)\n"
    "  --ask TEXT         what you ask the commission for (default: a\n"
    "                     finding, the credits and refunds owed; with no\n"
    "                     breach, to keep the record on file)\n"
    "  --date YYYY-MM-DD  the letter's date, {{date}} (default: today in\n"
    "                     the filing's time zone, [filing] timezone); the\n"
    "                     manifest records it, so 'ombud verify' writes the\n"
    "                     same dossier again on any later day\n"
    "  --letter FILE      a letter template of your own: plain text with\n"
    "                     {{date}} {{commission}} {{carrier}} {{account}}\n"
    "                     {{customer}} {{address}} {{service_address}}\n"
    "                     {{period}} {{docket}} {{numbers}} {{breaches}}\n"
    "                     {{total_owed}} {{tried}} {{ask}}, and sections\n"
    "                     {{#name}}...{{/name}} (kept when it is set)\n"
    "                     and {{^name}}...{{/name}} (when it is not)\n"
    "  --paper SIZE       letter (default) or a4\n"
    "  --sign KEY         sign both files with a private key from 'ombud\n"
    "                     keygen' (FILE.sig beside each)\n"
    "  --lang LANG        language of the dossier and its default letter\n"
    "                     (templates/letters/complaint-LANG.txt): en, es, ca\n"
    "                     or he (default: [filing] language, else en)\n"
    "\n"
    "example:\n"
    "  ombud complaint --db out/evidence.db --guarantees fibre-bundle.ini \\\n"
    "      --account ACC-1001 --period 2026-10 --customer 'Jane Doe' \\\n"
    "      --address '12 Oak Lane, Oakridge, CA 94000' \\\n"
    "      --tried 'called 22 times from 14 to 19 October' \\\n"
    "      --date 2026-11-02 --out out\n";

/* What the letter says beyond the command's common options. */
typedef struct extras {
    const char *address, *service_address, *tried;
    const char *date;      /* --date, checked; NULL: today */
} extras;

typedef struct args {
    const char *db, *guarantees, *account, *period, *out, *letter, *customer,
               *ask, *key;
    ombud_paper paper;
    ombud_lang lang;
    int lang_given;
    extras ex;
} args;

static int parse(int argc, char **argv, args *a)
{
    enum { O_DB = 256, O_G, O_ACCOUNT, O_PERIOD, O_OUT, O_LETTER, O_CUSTOMER,
           O_ASK, O_PAPER, O_LANG, O_SIGN, O_ADDRESS, O_SERVICE_ADDRESS,
           O_TRIED, O_DATE };
    static const struct option opts[] = {
        {"db", required_argument, NULL, O_DB},
        {"guarantees", required_argument, NULL, O_G},
        {"account", required_argument, NULL, O_ACCOUNT},
        {"period", required_argument, NULL, O_PERIOD},
        {"out", required_argument, NULL, O_OUT},
        {"letter", required_argument, NULL, O_LETTER},
        {"customer", required_argument, NULL, O_CUSTOMER},
        {"ask", required_argument, NULL, O_ASK},
        {"paper", required_argument, NULL, O_PAPER},
        {"lang", required_argument, NULL, O_LANG},
        {"sign", required_argument, NULL, O_SIGN},
        {"address", required_argument, NULL, O_ADDRESS},
        {"service-address", required_argument, NULL, O_SERVICE_ADDRESS},
        {"tried", required_argument, NULL, O_TRIED},
        {"date", required_argument, NULL, O_DATE},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c;

    *a = (args){"evidence.db", NULL, NULL, NULL, "ombud-out", NULL, NULL,
                NULL, NULL, OMBUD_PAPER_LETTER, OMBUD_LANG_EN, 0,
                {NULL, NULL, NULL, NULL}};
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
        switch (c) {
        case O_DB: a->db = optarg; break;
        case O_G: a->guarantees = optarg; break;
        case O_ACCOUNT: a->account = optarg; break;
        case O_PERIOD: a->period = optarg; break;
        case O_OUT: a->out = optarg; break;
        case O_LETTER: a->letter = optarg; break;
        case O_CUSTOMER: a->customer = optarg; break;
        case O_ASK: a->ask = optarg; break;
        case O_SIGN: a->key = optarg; break;
        case O_ADDRESS: a->ex.address = optarg; break;
        case O_SERVICE_ADDRESS: a->ex.service_address = optarg; break;
        case O_TRIED: a->ex.tried = optarg; break;
        case O_DATE:
            if ((c = ombud_date_option(optarg, "complaint", &a->ex.date)))
                return c;
            break;
        case O_LANG:
            if ((c = ombud_lang_option(optarg, "complaint", &a->lang)))
                return c;
            a->lang_given = 1;
            break;
        case O_PAPER:
            if (ombud_paper_parse(optarg, &a->paper))
                return ombud_usage_error("complaint", "--paper takes letter or "
                                         "a4, got", optarg);
            break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'h': fputs(ombud_help_complaint, stdout); return -1;
        default:
            return ombud_usage_error("complaint", c == ':' ? "option needs a "
                                     "value:" : "unknown option", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("complaint", "unexpected argument", argv[optind]);
    if (!a->guarantees || !a->account)
        return ombud_usage_error("complaint", "--guarantees FILE and --account "
                                 "ID are required", NULL);
    /* The accounts input maps caller numbers to accounts and names no
     * holder, and [filing] prepared_by is whoever wrote the filing, not
     * the complainant: the letter's signatory is asked for. */
    if (!a->customer || !a->customer[0])
        return ombud_usage_error("complaint", "--customer NAME is required: "
                                 "who complains (the account holder, who "
                                 "signs the letter)", NULL);
    return ombud_sign_option(a->key);
}

ombud_err ombud_complaint_files(ombud_store *st, const ombud_complaint *c,
                                const char *out, const char *sign_key)
{
    ombud_dossier_paths p;
    ombud_err err;

    if (!(err = ombud_write_complaint(st, c, out, &p)))
        ombud_info("wrote %s and %s", p.pdf, p.xlsx);
    if (!err && !(err = ombud_sign_written(sign_key, p.pdf)))
        err = ombud_sign_written(sign_key, p.xlsx);
    return err;
}

/* Evaluate, then write the two files. */
static ombud_err complain(const args *a, ombud_guarantees *gs, char *letter)
{
    ombud_verbosity v = ombud_diag_verbosity();
    ombud_store *st = NULL;
    int64_t check_id = 0;
    ombud_err err;

    if ((err = ombud_store_open(a->db, &st)))
        return err;
    /* An account no record names is refused before the period's
     * findings are replaced. */
    if ((err = ombud_account_has_records(st, a->account))) {
        ombud_store_close(st);
        return err;
    }
    /* The carrier-wide summary is not what a complainant asked for. */
    ombud_diag_set_verbosity(OMBUD_QUIET);
    err = ombud_evaluate(st, gs, a->period, NULL, NULL, &check_id);
    ombud_diag_set_verbosity(v);
    if (!err) {
        ombud_complaint c = {check_id, a->account, a->customer, a->ask,
                             a->letter, letter, a->paper, a->ex.address,
                             a->ex.service_address, a->ex.tried, a->ex.date};
        err = ombud_complaint_files(st, &c, a->out, a->key);
    }
    ombud_store_close(st);
    return err;
}

int ombud_cmd_complaint(int argc, char **argv)
{
    args a;
    ombud_guarantees *gs = NULL;
    char *letter = NULL;
    size_t len;
    int rc;
    ombud_err err;

    if ((rc = parse(argc, argv, &a)))
        return rc < 0 ? OMBUD_EXIT_OK : rc;
    if (a.letter && (err = ombud_read_all(a.letter, OMBUD_LETTER_MAX_BYTES,
                                          "letter template", &letter, &len)))
        return ombud_exit_code(err);
    if (!(err = ombud_guarantees_load(a.guarantees, &gs)) &&
        !(err = ombud_lang_apply(a.lang_given, a.lang, gs))) {
        if (mkdir(a.out, 0777) != 0 && errno != EEXIST)
            err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s: %s",
                              a.out, strerror(errno));
        else
            err = complain(&a, gs, letter);
    }
    ombud_guarantees_free(gs);
    free(letter);
    return ombud_exit_code(err);
}
