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
#include <glib.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/readall.h"
#include "ombud/report.h"
#include "ombud/store.h"
#include "ombud/value.h"


const char ombud_help_complaint[] =
    "usage: ombud complaint [--db FILE] --guarantees FILE --account ID\n"
    "                       [--period PERIOD] [--out DIR] [--letter FILE]\n"
    "                       [--customer NAME] [--ask TEXT] [--paper letter|a4]\n"
    "                       [--sign KEY]\n"
    "                       [--lang en|es|ca|he]\n"
    "\n"
    "Write the complaint dossier of one account, for a consumer filing a\n"
    "formal complaint with a utility commission: DIR/complaint-ID.pdf (the\n"
    "complaint letter, a timeline of the outage and every call, the account\n"
    "in numbers, the chronology of every record with its file:line (calls,\n"
    "outages, bills, engineer appointments, orders), and each broken promise\n"
    "quoted with its source) and DIR/complaint-ID.xlsx.\n"
    "The guarantees are evaluated for the period first, as 'ombud check'.\n"
    "\n"
    "options:\n"
    "  --db FILE|URI      evidence store (default: evidence.db), or a\n"
    "                     PostgreSQL server as in ombud help ingest\n"
    "  --guarantees FILE  what was promised\n"
    "  --account ID       the account complained about\n"
    "  --period PERIOD    as for 'ombud check'\n"
    "  --out DIR          output folder (default: ombud-out)\n"
    "  --letter FILE      a letter template of your own: plain text with\n"
    "                     {{date}} {{commission}} {{carrier}} {{account}}\n"
    "                     {{customer}} {{period}} {{docket}} {{numbers}}\n"
    "                     {{breaches}} {{total_owed}} {{ask}}\n"
    "  --customer NAME    who complains (default: [filing] prepared_by)\n"
    "  --ask TEXT         what you ask the commission for\n"
    "  --paper SIZE       letter (default) or a4\n"
    "  --sign KEY         sign both files with a private key from 'ombud\n"
    "                     keygen' (FILE.sig beside each)\n"
    "  --lang LANG        language of the dossier and its default letter\n"
    "                     (templates/letters/complaint-LANG.txt): en, es, ca\n"
    "                     or he (default: [filing] language, else en)\n"
    "\n"
    "example:\n"
    "  ombud complaint --db out/evidence.db --guarantees fibre-bundle.ini \\\n"
    "      --account ACC-1001 --period 2026-10 --customer 'Jane Doe' --out out\n";

static const char default_ask[] = N_(
    "- find that the company broke the promises listed above;\n"
    "- order it to pay the credits owed, and to refund any fee charged\n"
    "  because of these failures;\n"
    "- require it to keep the service and support it advertises.");

typedef struct args {
    const char *db, *guarantees, *account, *period, *out, *letter, *customer,
               *ask, *key;
    ombud_paper paper;
    ombud_lang lang;
    int lang_given;
} args;

static int parse(int argc, char **argv, args *a)
{
    enum { O_DB = 256, O_G, O_ACCOUNT, O_PERIOD, O_OUT, O_LETTER, O_CUSTOMER,
           O_ASK, O_PAPER, O_LANG, O_SIGN };
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
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c;

    *a = (args){"evidence.db", NULL, NULL, NULL, "ombud-out", NULL, NULL,
                NULL, NULL, OMBUD_PAPER_LETTER, OMBUD_LANG_EN, 0};
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
    return ombud_sign_option(a->key);
}

/* The account's id as a file name part: anything odd becomes '_'. */
static void safe_name(const char *s, char *out, size_t size)
{
    size_t o = 0;

    for (; *s && o + 1 < size; s++)
        out[o++] = g_ascii_isalnum(*s) || *s == '-' || *s == '_' || *s == '.'
                   ? *s : '_';
    out[o] = '\0';
}

/* Text from the command line goes into the dossier as input text does:
 * valid UTF-8 without control characters or noncharacters (value.h). */
static ombud_err check_arg(const char *opt, const char *v)
{
    char why[160];

    if (v && ombud_text_check(v, strlen(v), why, sizeof why))
        return ombud_error(OMBUD_E_USAGE, NULL, "%s: %s", opt, why);
    return OMBUD_OK;
}

ombud_err ombud_write_complaint(ombud_store *st, int64_t check_id,
                                const ombud_guarantees *gs, const char *account,
                                const char *customer, const char *ask,
                                const char *letter_path, const char *letter,
                                ombud_paper paper, const char *out,
                                const char *sign_key)
{
    char deflt[64];
    const char *def_letter = ombud_letter_default(deflt, sizeof deflt);
    ombud_complaint c = {check_id, account, customer ? customer :
                         gs->filing.prepared_by, ask ? ask : _(default_ask),
                         letter_path ? letter_path : deflt,
                         letter ? letter : def_letter, paper};
    char name[200], pdf[4400], xlsx[4400];
    ombud_err err;

    if (!c.customer)
        return ombud_error(OMBUD_E_USAGE, NULL, "who complains? give "
                           "--customer NAME (or prepared_by in [filing])");
    if ((err = check_arg("--account", account)) ||
        (err = check_arg("--customer", c.customer)) ||
        (err = check_arg("--ask", c.ask)))
        return err;
    safe_name(account, name, sizeof name);
    snprintf(pdf, sizeof pdf, "%s/complaint-%s.pdf", out, name);
    snprintf(xlsx, sizeof xlsx, "%s/complaint-%s.xlsx", out, name);
    if (!(err = ombud_report_complaint(st, &c, pdf, xlsx)))
        ombud_info("wrote %s and %s", pdf, xlsx);
    if (!err && !(err = ombud_sign_written(sign_key, pdf)))
        err = ombud_sign_written(sign_key, xlsx);
    return err;
}

/* Evaluate, then write the two files. */
static ombud_err complain(const args *a, ombud_guarantees *gs, char *letter)
{
    ombud_verbosity v = ombud_diag_verbosity();
    ombud_store *st = NULL;
    int64_t check_id = 0;
    ombud_err err;

    if (!a->customer && !gs->filing.prepared_by)
        return ombud_error(OMBUD_E_USAGE, NULL, "who complains? give "
                           "--customer NAME (or prepared_by in [filing])");
    if ((err = ombud_store_open(a->db, &st)))
        return err;
    /* The carrier-wide summary is not what a complainant asked for. */
    ombud_diag_set_verbosity(OMBUD_QUIET);
    err = ombud_evaluate(st, gs, a->period, NULL, &check_id);
    ombud_diag_set_verbosity(v);
    if (!err)
        err = ombud_write_complaint(st, check_id, gs, a->account, a->customer,
                                    a->ask, a->letter, letter, a->paper, a->out,
                                    a->key);
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
