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
#include "ombud/i18n.h"
#include "ombud/sha256.h"
#include "ombud/verify.h"

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

/* Everything compare keeps per filing while it works. */
typedef struct job {
    args a;
    ombud_verify *v[OMBUD_CARRIERS_MAX];
    ombud_standard std;         /* the first known filing's */
    int std_from;               /* which filing it is, or -1 */
    ombud_comparison cmp;
} job;

/* The standard and the carrier of a filing's guarantees file; 0 when its
 * guarantees file is not among its inputs (verify will say so). */
static int load_standard(ombud_verify *v, ombud_carrier_filing *f,
                         ombud_standard *std)
{
    const char *path = ombud_verify_guarantees(v);
    ombud_guarantees *gs = NULL;
    ombud_verbosity was = ombud_diag_verbosity();
    ombud_err err;

    if (!path)
        return 0;
    ombud_diag_set_verbosity(OMBUD_QUIET);
    err = ombud_guarantees_load(path, &gs);
    ombud_diag_set_verbosity(was);
    if (err)
        return 0;   /* verify says it cannot recompute */
    memset(std, 0, sizeof *std);
    for (int i = 0; i < gs->ng && i < OMBUD_STANDARD_MAX; i++) {
        snprintf(std->id[i], sizeof std->id[i], "%s", gs->g[i].id);
        snprintf(std->kind[i], sizeof std->kind[i], "%s", gs->g[i].kind);
        std->ng++;
    }
    snprintf(f->carrier, sizeof f->carrier, "%s", gs->filing.carrier);
    snprintf(f->currency, sizeof f->currency, "%s", gs->filing.currency ?
             gs->filing.currency : "USD");
    ombud_guarantees_free(gs);
    return 1;
}

/* What the manifest and the file say of filing @f (its report @report). */
static int describe(ombud_verify *v, const char *report,
                    ombud_carrier_filing *f)
{
    const ombud_manifest *m = ombud_verify_manifest(v);
    int64_t bytes;

    if (strcmp(m->doc, "filing"))
        return ombud_exit_code(ombud_error(OMBUD_E_DATA, NULL, "%s is a "
                               "complaint dossier, not a filing: compare "
                               "takes the reports 'ombud run' writes", report));
    if (ombud_file_sha256(report, f->report_sha256, &bytes))
        return ombud_exit_code(ombud_error(OMBUD_E_NOINPUT, NULL, "cannot "
                               "read %s", report));
    snprintf(f->report, sizeof f->report, "%s", report);
    snprintf(f->findings_sha256, sizeof f->findings_sha256, "%s",
             m->findings_sha256);
    snprintf(f->guarantees_sha256, sizeof f->guarantees_sha256, "%s",
             m->guarantees_sha256);
    snprintf(f->tz, sizeof f->tz, "%s", m->tz);
    snprintf(f->currency, sizeof f->currency, "%s", m->currency);
    f->is_pdf = ombud_verify_is_pdf(v);
    f->from = m->from;
    f->to = m->to;
    for (int i = 0; i < m->nin && i < OMBUD_MANIFEST_MAX_INPUTS; i++) {
        snprintf(f->in[i].kind, sizeof f->in[i].kind, "%s", m->in[i].kind);
        snprintf(f->in[i].name, sizeof f->in[i].name, "%s", m->in[i].name);
        snprintf(f->in[i].sha256, sizeof f->in[i].sha256, "%s",
                 m->in[i].sha256);
        f->nin++;
    }
    return 0;
}

/* Open filing @i: its files, its manifest, its standard checked against
 * the first one known. 0, or the exit status after a message. */
static int open_filing(job *j, int i)
{
    const given *g = &j->a.g[i];
    ombud_carrier_filing *f;
    ombud_standard std;
    ombud_verify *v;
    ombud_err err;
    char why[400];
    int rc;

    if (!(v = j->v[i] = ombud_verify_new()) ||
        !(f = j->cmp.f[j->cmp.nf] = calloc(1, sizeof *f)))
        return OMBUD_EXIT_SOFTWARE;
    j->cmp.nf++;
    if ((err = ombud_verify_offer_dir(v, g->dir)))
        return err == OMBUD_E_USAGE ? ombud_usage_error("compare", "too many "
               "files in", g->dir) : ombud_exit_code(err);
    ombud_verify_set(v, g->report, NULL, NULL, NULL);
    if ((rc = ombud_exit_code(ombud_verify_open(v))) ||
        (rc = describe(v, g->report, f)))
        return rc;
    if (!load_standard(v, f, &std))
        return 0;
    if (j->std_from < 0) {
        j->std = std;
        j->std_from = i;
    } else if (ombud_standard_differs(&j->std, &std, why, sizeof why)) {
        return ombud_exit_code(ombud_error(OMBUD_E_DATA, NULL, "%s is not a "
               "filing of the same standard as %s: %s; compare filings made "
               "with the same guarantees (ids and kinds)", g->report,
               j->a.g[j->std_from].report, why));
    }
    return 0;
}

/* -v: each verify step, as `ombud verify` prints it. */
static void say_step(void *ud, int ok, const char *line)
{
    const args *a = ud;

    if (a->verbose)
        ombud_out("  %s %s\n", ok ? "ok  " : "FAIL", line);
}

typedef struct taking {
    ombud_carrier_filing *f;
    const ombud_standard *std;
} taking;

static int take(void *ud, ombud_store *st, int64_t check_id,
                const char *digest)
{
    taking *t = ud;

    (void)digest;
    return ombud_carrier_take(t->f, t->std, st, check_id) != OMBUD_OK;
}

/* Verify filing @i in its own language (its findings' texts, and so
 * their digest, are in it); keep its figures and verdict, and say it in
 * the comparison's language @out. */
static ombud_err verify_filing(job *j, int i, ombud_lang out)
{
    ombud_carrier_filing *f = j->cmp.f[i];
    const ombud_manifest *m = ombud_verify_manifest(j->v[i]);
    taking t = {f, &j->std};
    ombud_lang lang = OMBUD_LANG_EN;
    char period[80];
    ombud_err err;

    ombud_lang_parse(m->lang, &lang);   /* read by ombud_verify_open() */
    ombud_i18n_set(lang);
    if (j->a.verbose)
        ombud_out("%s\n", f->report);
    ombud_verify_run(j->v[i], say_step, &j->a, take, &t);
    f->verified = !ombud_verify_failures(j->v[i]);
    snprintf(f->reason, sizeof f->reason, "%s", ombud_verify_first(j->v[i]));
    if ((err = ombud_i18n_set(out)))
        return err;
    ombud_filing_period(f, period, sizeof period);
    if (f->verified)
        ombud_out(_("VERIFIED      %s, %s: %s\n"), f->carrier, period,
                  f->report);
    else
        ombud_out(_("NOT VERIFIED  %s, %s: %s: %s\n"), f->carrier[0] ?
                  f->carrier : _("(carrier unknown)"), period, f->report,
                  f->reason);
    return OMBUD_OK;
}

/* The comparison's language: --lang, else the one all filings share,
 * else English. */
static ombud_lang out_language(const job *j)
{
    ombud_lang lang = OMBUD_LANG_EN, first = OMBUD_LANG_EN;

    if (j->a.lang_given)
        return j->a.lang;
    for (int i = 0; i < j->a.n; i++) {
        ombud_lang_parse(ombud_verify_manifest(j->v[i])->lang, &lang);
        if (i == 0)
            first = lang;
        else if (lang != first)
            return OMBUD_LANG_EN;
    }
    return first;
}

static int write_out(job *j)
{
    char *path;
    ombud_err err = OMBUD_OK;

    if (mkdir(j->a.out, 0777) != 0 && errno != EEXIST)
        return ombud_exit_code(ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot "
                               "create %s: %s", j->a.out, strerror(errno)));
    if (j->a.xlsx) {
        path = g_build_filename(j->a.out, "comparison.xlsx", NULL);
        if (!(err = ombud_compare_xlsx(&j->cmp, path)))
            ombud_out(_("wrote %s\n"), path);
        g_free(path);
    }
    if (!err && j->a.pdf) {
        path = g_build_filename(j->a.out, "comparison.pdf", NULL);
        if (!(err = ombud_compare_pdf(&j->cmp, path, j->a.paper)))
            ombud_out(_("wrote %s\n"), path);
        g_free(path);
    }
    return ombud_exit_code(err);
}

int ombud_cmd_compare(int argc, char **argv)
{
    job *j = calloc(1, sizeof *j);
    int rc, failed = 0;
    ombud_lang out;

    if (!j)
        return OMBUD_EXIT_SOFTWARE;
    j->std_from = -1;
    if ((rc = parse(argc, argv, &j->a)))
        goto done;
    for (int i = 0; i < j->a.n && !rc; i++)
        rc = open_filing(j, i);
    if (rc)
        goto done;
    out = out_language(j);
    for (int i = 0; i < j->a.n && !rc; i++) {
        rc = ombud_exit_code(verify_filing(j, i, out));
        failed += !j->cmp.f[i]->verified;
    }
    j->cmp.std = j->std;
    if (!rc) {
        ombud_comparison_sort(&j->cmp);
        rc = write_out(j);
    }
    if (!rc && failed)
        rc = 1;
done:
    for (int i = 0; i < j->a.n; i++)
        ombud_verify_free(j->v[i]);
    ombud_comparison_free(&j->cmp);
    free(j);
    return rc < 0 ? 0 : rc;
}
