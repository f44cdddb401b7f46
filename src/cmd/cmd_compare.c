/*
 * cmd_compare.c - `ombud compare`: several carriers' filings of one
 * standard, side by side, each verified.
 *
 * Each filing is a report as `ombud run` writes it and the folder of its
 * inputs. Every filing is first opened (its manifest read) and its
 * guarantees file found by checksum, so that filings of another standard
 * are refused before any work; then each is verified by verify's own
 * steps (verify.h), whose recomputed findings give its figures
 * (carriers.h). The comparison is written whatever the verdicts: a
 * filing NOT VERIFIED is shown flagged, with verify's reason, and the
 * exit status says so.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>

#include "ombud/carriers.h"
#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/filings.h"
#include "ombud/i18n.h"

const char ombud_help_compare[] =
    "usage: ombud compare --filing REPORT --inputs DIR\n"
    "                     [--filing REPORT --inputs DIR]... --out DIR\n"
    "                     [--format xlsx|pdf|both] [--paper letter|a4]\n"
    "                     [--lang en|es|ca|he] [-q] [-v]\n"
    "\n"
    "Put several filings of the same standard side by side, as a regulator\n"
    "reads them: one column per filing (a carrier, a period), one row per\n"
    "guarantee and figure (status, measured, target, examined, breaches,\n"
    "owed), each column under its carrier, period, verify status, the\n"
    "report's SHA-256 and its findings digest.\n"
    "\n"
    "A filing is a report as 'ombud run' writes it (XLSX or PDF) followed by\n"
    "--inputs DIR, the folder of the files it was made from and its\n"
    "guarantees file (found by checksum, as 'ombud verify --inputs' finds\n"
    "them). Each filing is verified exactly as 'ombud verify' verifies it,\n"
    "and its figures are the ones its inputs give, recomputed: what the\n"
    "inputs prove, never what the report says. A filing that is NOT\n"
    "VERIFIED keeps its column, struck through in grey and marked, with\n"
    "verify's reason (the sheet and cell, or the page, that differs).\n"
    "\n"
    "The filings must answer to the same guarantees: the same ids, each of\n"
    "the same kind (targets and promises may differ, and are shown).\n"
    "Their periods may differ. Columns are ordered by carrier, then period,\n"
    "whatever the order given, so the same filings give the same files.\n"
    "\n"
    "Writes DIR/comparison.xlsx (sheets Comparison and Filings) and\n"
    "DIR/comparison.pdf.\n"
    "\n"
    "options:\n"
    "  --filing REPORT  a filing's report (XLSX or PDF); give 2 to 32\n"
    "  --inputs DIR     the folder of that filing's inputs\n"
    "  --out DIR        where the comparison goes (made if missing)\n"
    "  --format F       xlsx, pdf or both (default both)\n"
    "  --paper SIZE     letter (default) or a4, for the PDF\n"
    "  --lang LANG      the comparison's language (default: the filings'\n"
    "                   when they share one, else English)\n"
    "  -v               print every verify step of every filing\n"
    "\n"
    "example:\n"
    "  ombud compare --filing north/report.xlsx --inputs north/files \\\n"
    "      --filing south/report.pdf --inputs south/files --out cmp/\n"
    "\n"
    "exit status: 0 every filing verified; 1 a filing is NOT VERIFIED (the\n"
    "comparison is written, flagged); 64 usage; 65 a report is not an ombud\n"
    "filing, or the filings are not of the same standard; 66 a file or\n"
    "folder cannot be read; 73 the output cannot be written.\n";

/* One --filing and its --inputs. */
typedef struct given {
    const char *report;     /* borrowed from argv */
    const char *dir;        /* borrowed from argv; NULL until given */
} given;

typedef struct args {
    given g[OMBUD_CARRIERS_MAX];
    int n;
    const char *out;
    int xlsx, pdf;
    ombud_paper paper;
    int lang_given;
    ombud_lang lang;
    int verbose;
} args;

static int take_filing(args *a, int c, const char *arg)
{
    if (c == 'f') {
        if (a->n && !a->g[a->n - 1].dir)
            return ombud_usage_error("compare", "--inputs DIR must follow "
                                     "each --filing; none follows",
                                     a->g[a->n - 1].report);
        if (a->n == OMBUD_CARRIERS_MAX)
            return ombud_usage_error("compare", "too many filings (at most "
                                     "32)", NULL);
        a->g[a->n++] = (given){arg, NULL};
        return 0;
    }
    if (!a->n || a->g[a->n - 1].dir)
        return ombud_usage_error("compare", "--inputs must follow a --filing:",
                                 arg);
    a->g[a->n - 1].dir = arg;
    return 0;
}

static int take_format(args *a, const char *arg)
{
    a->xlsx = !strcmp(arg, "xlsx") || !strcmp(arg, "both");
    a->pdf = !strcmp(arg, "pdf") || !strcmp(arg, "both");
    if (!a->xlsx && !a->pdf)
        return ombud_usage_error("compare", "--format takes xlsx, pdf or "
                                 "both, got", arg);
    return 0;
}

static int parse(int argc, char **argv, args *a)
{
    enum { O_FILING = 'f', O_INPUTS = 'i', O_OUT = 256, O_FORMAT, O_PAPER,
           O_LANG };
    static const struct option opts[] = {
        {"filing", required_argument, NULL, O_FILING},
        {"inputs", required_argument, NULL, O_INPUTS},
        {"out", required_argument, NULL, O_OUT},
        {"format", required_argument, NULL, O_FORMAT},
        {"paper", required_argument, NULL, O_PAPER},
        {"lang", required_argument, NULL, O_LANG},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c, rc = 0;

    a->xlsx = a->pdf = 1;
    optind = 1;
    opterr = 0;
    while (!rc && (c = getopt_long(argc, argv, ":hqv", opts, NULL)) != -1) {
        switch (c) {
        case O_FILING:
        case O_INPUTS: rc = take_filing(a, c, optarg); break;
        case O_OUT: a->out = optarg; break;
        case O_FORMAT: rc = take_format(a, optarg); break;
        case O_PAPER:
            if (ombud_paper_parse(optarg, &a->paper))
                rc = ombud_usage_error("compare", "--paper takes letter or "
                                       "a4, got", optarg);
            break;
        case O_LANG:
            a->lang_given = 1;
            rc = ombud_lang_option(optarg, "compare", &a->lang);
            break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'v': a->verbose = 1; break;
        case 'h': fputs(ombud_help_compare, stdout); return -1;
        default:
            return ombud_usage_error("compare", c == ':' ? "option needs a "
                                     "value:" : "unknown option", argv[optind - 1]);
        }
    }
    if (rc)
        return rc;
    if (optind < argc)
        return ombud_usage_error("compare", "unexpected argument", argv[optind]);
    if (a->n && !a->g[a->n - 1].dir)
        return ombud_usage_error("compare", "--inputs DIR must follow each "
                                 "--filing; none follows", a->g[a->n - 1].report);
    if (a->n < 2)
        return ombud_usage_error("compare", "give at least two filings "
                                 "(--filing REPORT --inputs DIR)", NULL);
    if (!a->out)
        return ombud_usage_error("compare", "--out DIR is required", NULL);
    return 0;
}

/* ---- the filings ---------------------------------------------------------------- */

/* -v: each verify step, as `ombud verify` prints it. */
static void say_step(void *ud, int ok, const char *line)
{
    const args *a = ud;

    if (a->verbose)
        ombud_out("  %s %s\n", ok ? "ok  " : "FAIL", line);
}

/* Open every filing; 0, or the exit status after a message. */
static int open_all(ombud_filings *fs, const args *a)
{
    ombud_err err;

    for (int i = 0; i < a->n; i++)
        if ((err = ombud_filings_open(fs, a->g[i].report, a->g[i].dir)))
            return err == OMBUD_E_USAGE ? ombud_usage_error("compare", "too "
                   "many files in", a->g[i].dir) : ombud_exit_code(err);
    return 0;
}

/* Verify filing @i and say its verdict in the comparison's language
 * @out; 1 if it is NOT VERIFIED. */
static int verify_one(ombud_filings *fs, int i, const args *a, ombud_lang out,
                      int *rc)
{
    const ombud_carrier_filing *f;
    char period[80];

    if (a->verbose)
        ombud_out("%s\n", a->g[i].report);
    if (!(f = ombud_filings_verify(fs, i, out, say_step, (void *)a))) {
        *rc = OMBUD_EXIT_SOFTWARE;
        return 0;
    }
    ombud_filing_period(f, period, sizeof period);
    if (f->verified)
        ombud_out(_("VERIFIED      %s, %s: %s\n"), f->carrier, period,
                  f->report);
    else
        ombud_out(_("NOT VERIFIED  %s, %s: %s: %s\n"), f->carrier[0] ?
                  f->carrier : _("(carrier unknown)"), period, f->report,
                  f->reason);
    return !f->verified;
}

static int write_out(const args *a, const ombud_comparison *cmp)
{
    char *path;
    ombud_err err = OMBUD_OK;

    if (mkdir(a->out, 0777) != 0 && errno != EEXIST)
        return ombud_exit_code(ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot "
                               "create %s: %s", a->out, strerror(errno)));
    if (a->xlsx) {
        path = g_build_filename(a->out, "comparison.xlsx", NULL);
        if (!(err = ombud_compare_xlsx(cmp, path)))
            ombud_out(_("wrote %s\n"), path);
        g_free(path);
    }
    if (!err && a->pdf) {
        path = g_build_filename(a->out, "comparison.pdf", NULL);
        if (!(err = ombud_compare_pdf(cmp, path, a->paper)))
            ombud_out(_("wrote %s\n"), path);
        g_free(path);
    }
    return ombud_exit_code(err);
}

int ombud_cmd_compare(int argc, char **argv)
{
    args *a = calloc(1, sizeof *a);
    ombud_filings *fs = ombud_filings_new();
    int rc, failed = 0;
    ombud_lang out;

    if (!a || !fs) {
        free(a);
        ombud_filings_free(fs);
        return OMBUD_EXIT_SOFTWARE;
    }
    if ((rc = parse(argc, argv, a)) || (rc = open_all(fs, a)))
        goto done;
    out = a->lang_given ? a->lang : ombud_filings_lang(fs);
    for (int i = 0; i < a->n && !rc; i++)
        failed += verify_one(fs, i, a, out, &rc);
    if (!rc)
        rc = write_out(a, ombud_filings_comparison(fs));
    if (!rc && failed)
        rc = 1;
done:
    ombud_filings_free(fs);
    free(a);
    return rc < 0 ? 0 : rc;
}
