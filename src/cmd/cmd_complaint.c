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

/* The account's id as a file name part: anything odd becomes '_'. */
static void safe_name(const char *s, char *out, size_t size)
{
    size_t o = 0;

    for (; *s && o + 1 < size; s++)
        out[o++] = g_ascii_isalnum(*s) || *s == '-' || *s == '_' || *s == '.'
                   ? *s : '_';
    out[o] = '\0';
}

/* Edit distance between @a and @b (bytes), for "did you mean". */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), *row, d;

    if (la > 256 || lb > 256)
        return (size_t)-1;
    row = g_new(size_t, lb + 1);
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            if (up + 1 < best)
                best = up + 1;
            diag = up;
            row[j] = best;
        }
    }
    d = row[lb];
    g_free(row);
    return d;
}

/* Listing the accounts that have records, and the nearest to the one asked. */
#define LIST_ACCOUNTS 10

typedef struct near {
    const char *want;
    int found;             /* @want itself has records */
    GString *list;         /* the first LIST_ACCOUNTS, ", "-joined */
    long n;                /* accounts with records */
    char *best;            /* the nearest (owned) */
    size_t best_d;
} near;

static int near_account(void *ud, const char *account)
{
    near *k = ud;
    size_t d;

    if (!strcmp(account, k->want)) {
        k->found = 1;
        return 1;
    }
    if (k->n++ < LIST_ACCOUNTS)
        g_string_append_printf(k->list, "%s%s", k->list->len ? ", " : "",
                               account);
    /* Ties go to the first in byte order: the answer does not depend on
     * the store's backend. */
    if ((d = distance(account, k->want)) < k->best_d) {
        g_free(k->best);
        k->best = g_strdup(account);
        k->best_d = d;
    }
    return 0;
}

/*
 * Refuse a dossier of an account no record names: its letter would
 * accuse the company of promises "listed above" with none listed. Names
 * the accounts there are and, when one is near (at most half the id's
 * characters differ, as ACC-1001 from ACC-9999), suggests it.
 */
static ombud_err account_has_records(ombud_store *st, const char *account)
{
    near k = {account, 0, g_string_new(NULL), 0, NULL, (size_t)-1};
    ombud_err err = ombud_store_each_account(st, near_account, &k);

    if (!err && !k.found) {
        size_t len = strlen(account);
        int close_enough = k.best && k.best_d <= (len > 2 ? len / 2 : 1);
        if (!k.n)
            err = ombud_error(OMBUD_E_DATA, NULL, "no record names account "
                              "%s; the store holds no account's records: "
                              "import them first (ombud ingest)", account);
        else
            err = ombud_error(OMBUD_E_DATA, NULL, "no record names account "
                              "%s; accounts with records: %s%s%s%s%s",
                              account, k.list->str, k.n > LIST_ACCOUNTS ?
                              " ..." : "", close_enough ? "; did you mean " :
                              "", close_enough ? k.best : "",
                              close_enough ? "?" : "");
    }
    g_string_free(k.list, TRUE);
    g_free(k.best);
    return err;
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

static ombud_err write_complaint(ombud_store *st, int64_t check_id,
                                 const char *account, const char *customer,
                                 const char *ask, const char *letter_path,
                                 const char *letter, ombud_paper paper,
                                 const char *out, const char *sign_key,
                                 const extras *ex)
{
    char deflt[64];
    const char *def_letter = ombud_letter_default(deflt, sizeof deflt);
    ombud_complaint c = {check_id, account, customer, ask,
                         letter_path ? letter_path : deflt,
                         letter ? letter : def_letter, paper, ex->address,
                         ex->service_address, ex->tried, ex->date};
    char name[200], pdf[4400], xlsx[4400];
    ombud_err err;

    if (!customer || !customer[0])
        return ombud_error(OMBUD_E_USAGE, NULL, "who complains? give "
                           "--customer NAME");
    if ((err = check_arg("--account", account)) ||
        (err = check_arg("--customer", customer)) ||
        (err = check_arg("--ask", ask)) ||
        (err = check_arg("--address", ex->address)) ||
        (err = check_arg("--service-address", ex->service_address)) ||
        (err = check_arg("--tried", ex->tried)) ||
        (err = account_has_records(st, account)))
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

ombud_err ombud_write_complaint(ombud_store *st, int64_t check_id,
                                const ombud_guarantees *gs, const char *account,
                                const char *customer, const char *ask,
                                const char *letter_path, const char *letter,
                                ombud_paper paper, const char *date,
                                const char *out, const char *sign_key)
{
    const extras ex = {NULL, NULL, NULL, date};

    (void)gs;
    return write_complaint(st, check_id, account, customer, ask, letter_path,
                           letter, paper, out, sign_key, &ex);
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
    if ((err = account_has_records(st, a->account))) {
        ombud_store_close(st);
        return err;
    }
    /* The carrier-wide summary is not what a complainant asked for. */
    ombud_diag_set_verbosity(OMBUD_QUIET);
    err = ombud_evaluate(st, gs, a->period, NULL, &check_id);
    ombud_diag_set_verbosity(v);
    if (!err)
        err = write_complaint(st, check_id, a->account, a->customer, a->ask,
                              a->letter, letter, a->paper, a->out, a->key,
                              &a->ex);
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
