/*
 * cmd_verify.c - `ombud verify`: check a report against its inputs.
 *
 * A report is verified by writing it again (verify.c does it: the same
 * steps serve `ombud compare`). This file parses the options and prints:
 * a line on the report, then one line per step, "ok" or "FAIL" with what
 * differs in plain words, then the verdict; the exit status is 0 only
 * when everything matches.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/time.h"
#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/manifest.h"
#include "ombud/verify.h"
#include "ombud/version.h"

const char ombud_help_verify[] =
    "usage: ombud verify --report FILE --guarantees FILE\n"
    "                    [--outages FILE]... [--calls FILE]... [--billing FILE]...\n"
    "                    [--appointments FILE]... [--orders FILE]...\n"
    "                    [--customers FILE]... [--snapshots FILE]...\n"
    "                    [--accounts FILE] [--cdr FILE]... [--letter FILE]\n"
    "                    [--profile FILE]... [--key PUB] [--sig FILE]\n"
    "       ombud verify --report FILE --inputs DIR [--key PUB]\n"
    "\n"
    "Check that a report (XLSX or PDF, a filing or a complaint dossier) was\n"
    "produced from the inputs it lists, by the rules it states, and not\n"
    "changed by one byte since. The report's manifest names each input file\n"
    "and the guarantees file by SHA-256 and records how the report was\n"
    "written (format, paper, language, the dossier's account, customer, ask\n"
    "and letter). verify matches the files you give by checksum (names do\n"
    "not matter), recomputes the findings in a temporary store, writes the\n"
    "report again and compares it with the file byte for byte. A difference\n"
    "is named: the sheet and cell with both values, or the PDF page.\n"
    "\n"
    "An input read through an import profile (--profile) is read through\n"
    "it again: the manifest names the profile by SHA-256, so give the same\n"
    "profile file with --profile (or put it in --inputs DIR).\n"
    "\n"
    "With --inputs DIR, the files (and a dossier's own letter template) are\n"
    "looked for in DIR by checksum: a reviewer who was handed the report and\n"
    "a folder of files can tell which of them the report was made from.\n"
    "\n"
    "Signatures: when REPORT.sig exists (or --sig FILE is given) it is\n"
    "checked: who signed (the key's fingerprint), and that it covers these\n"
    "very bytes. With --key PUB it must be by that key; --key with no\n"
    "signature fails. See 'ombud help keygen'.\n"
    "\n"
    "Only the ombud version that wrote a report can write it again byte for\n"
    "byte: a report of another version is refused, naming the version.\n"
    "\n"
    "exit status: 0 verified; 1 something differs (the first difference is\n"
    "explained); 64 usage; 66 a file cannot be read; 65 not an ombud report.\n";

/* What the command line names beside the input files. */
typedef struct args {
    const char *report;
    const char *guarantees;  /* path, or NULL (then looked for in --inputs) */
    const char *key;         /* --key PUB, or NULL */
    const char *sig;         /* --sig FILE, or NULL (then REPORT.sig if any) */
    const char *dir;         /* --inputs DIR, or NULL */
} args;

/* A file offered for matching; 0, or the exit status after a message. */
static int offer(ombud_verify *v, const char *kind, const char *path)
{
    ombud_err err = ombud_verify_offer(v, kind, path);

    if (err == OMBUD_E_USAGE)
        return ombud_usage_error("verify", "too many files", NULL);
    return ombud_exit_code(err);
}

static int parse(int argc, char **argv, ombud_verify *v, args *a)
{
    enum { O_REPORT = 256, O_G, O_INPUTS, O_LETTER, O_KEY, O_SIG,
           O_PROFILE };
    static const struct option own[] = {
        {"report", required_argument, NULL, O_REPORT},
        {"guarantees", required_argument, NULL, O_G},
        {"inputs", required_argument, NULL, O_INPUTS},
        {"letter", required_argument, NULL, O_LETTER},
        {"profile", required_argument, NULL, O_PROFILE},
        {"key", required_argument, NULL, O_KEY},
        {"sig", required_argument, NULL, O_SIG},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    struct option opts[OMBUD_MAX_OPTIONS];
    const ombud_input_kind *k;
    int c, rc = 0;
    ombud_err err;

    /* the input files by the options of ingest and run (--outages...) */
    ombud_options_build(own, OMBUD_OPTS_KINDS, opts, OMBUD_MAX_OPTIONS);
    optind = 1;
    opterr = 0;
    while (!rc && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if ((k = ombud_option_kind(c))) {
            rc = offer(v, k->option, optarg);
            continue;
        }
        switch (c) {
        case O_REPORT: a->report = optarg; break;
        case O_G: a->guarantees = optarg; break;
        case O_INPUTS: a->dir = optarg; break;
        case O_LETTER: rc = offer(v, "letter", optarg); break;
        case O_PROFILE: rc = offer(v, "profile", optarg); break;
        case O_KEY: a->key = optarg; break;
        case O_SIG: a->sig = optarg; break;
        case 'h': fputs(ombud_help_verify, stdout); return -1;
        default:
            return ombud_usage_error("verify", c == ':' ? "option needs a "
                                     "value:" : "unknown option", argv[optind - 1]);
        }
    }
    if (rc)
        return rc;
    if (optind < argc)
        return ombud_usage_error("verify", "unexpected argument", argv[optind]);
    if (!a->report)
        return ombud_usage_error("verify", "--report FILE is required", NULL);
    if (!a->dir && (!a->guarantees || !ombud_verify_nfiles(v)))
        return ombud_usage_error("verify", "give --guarantees and the input "
                                 "files, or --inputs DIR", NULL);
    if (!a->dir)
        return 0;
    err = ombud_verify_offer_dir(v, a->dir);
    return err == OMBUD_E_USAGE ? ombud_usage_error("verify", "too many files",
                                                    NULL)
                                : ombud_exit_code(err);
}

/* A step: "ok   ..." or "FAIL ...". */
static void print_step(void *ud, int ok, const char *line)
{
    (void)ud;
    printf("%s %s\n", ok ? "ok  " : "FAIL", line);
}

int ombud_cmd_verify(int argc, char **argv)
{
    ombud_verify *v = ombud_verify_new();
    const ombud_manifest *m;
    args a = {0};
    char period[80];
    int rc, nodata, serious;
    ombud_tz *tz = NULL;

    if (!v)
        return OMBUD_EXIT_SOFTWARE;
    if ((rc = parse(argc, argv, v, &a)))
        goto done;
    ombud_verify_set(v, a.report, a.guarantees, a.key, a.sig);
    if ((rc = ombud_exit_code(ombud_verify_open(v))))
        goto done;
    m = ombud_verify_manifest(v);
    if (ombud_tz_open(m->tz, &tz))
        ombud_tz_open("UTC", &tz);
    printf("report: %s (%s %s, written by ombud %s, period %s, %s)\n", a.report,
           ombud_verify_is_pdf(v) ? "PDF" : "XLSX", !strcmp(m->doc, "dossier") ?
           "complaint dossier" : "filing", m->version, ombud_period_format(tz,
           m->from, m->to, period, sizeof period), m->tz);
    ombud_verify_run(v, print_step, NULL, NULL, NULL);
    ombud_verify_quality(v, &nodata, &serious);
    if (ombud_verify_failures(v))
        printf("NOT VERIFIED: %s\n", ombud_verify_first(v));
    else
        printf("verified: the report was produced from these inputs by these "
               "rules and has not been changed\n");
    /* Authentic is not complete: say what the report itself says. */
    if (!ombud_verify_failures(v) && (nodata || serious))
        printf("note: the evidence is incomplete, as the report says: %d "
               "guarantee%s not assessed (no data), %d serious data-quality "
               "problem%s (under \"Data quality\")%s\n", nodata,
               nodata == 1 ? "" : "s", serious, serious == 1 ? "" : "s",
               !strcmp(m->allow, "1") ? "; filed as it is "
               "(--allow-incomplete)" : "");
    rc = ombud_verify_failures(v) ? 1 : 0;
done:
    ombud_verify_free(v);
    ombud_tz_free(tz);
    return rc < 0 ? 0 : rc;
}
