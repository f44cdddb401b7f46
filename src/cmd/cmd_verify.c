/*
 * cmd_verify.c - `ombud verify`: check a report against its inputs.
 *
 * Reads the manifest the report embeds, matches each input it names to a
 * file given (by SHA-256, never by name), recomputes the whole job in a
 * temporary store and compares the findings digest; for a workbook it also
 * compares the Summary's own figures with the recomputed ones, which
 * catches a figure edited after the report was written. Every step prints
 * one line, "ok" or "FAIL" with what differs in plain words; the exit
 * status is 0 only when everything matches.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/manifest.h"
#include "ombud/report.h"
#include "ombud/value.h"

const char ombud_help_verify[] =
    "usage: ombud verify --report FILE --guarantees FILE\n"
    "                    [--outages FILE]... [--calls FILE]... [--billing FILE]...\n"
    "                    [--appointments FILE]... [--orders FILE]...\n"
    "                    [--accounts FILE] [--cdr FILE]...\n"
    "       ombud verify --report FILE --inputs DIR\n"
    "\n"
    "Check that a report (XLSX or PDF) was produced from the inputs it lists,\n"
    "by the rules it states, and not edited afterwards. The report's manifest\n"
    "names each input file and the guarantees file by SHA-256 and carries a\n"
    "digest of all findings. verify matches the files you give by checksum\n"
    "(names do not matter), recomputes everything in a temporary store, and\n"
    "compares; for a workbook it also compares the Summary's figures.\n"
    "\n"
    "With --inputs DIR, the files are looked for in DIR by checksum: a\n"
    "reviewer who was handed the report and a folder of files can tell which\n"
    "of them the report was made from.\n"
    "\n"
    "exit status: 0 verified; 1 something differs (the first difference is\n"
    "explained); 64 usage; 66 a file cannot be read; 65 not an ombud report.\n";

#define MAX_FILES 512

/* A file offered for matching. */
typedef struct offered {
    const char *kind;        /* outages/calls/billing, or NULL (from --inputs) */
    char *path;              /* (owned) */
    char sha[65];
    int used;
} offered;

typedef struct verify {
    ombud_manifest m;
    ombud_readback rb;
    offered files[MAX_FILES];
    int nfiles;
    const char *guarantees;  /* path, or NULL (then looked for in --inputs) */
    int failures;
    char first[600];         /* the first failure, for the last line */
} verify;

static void say(verify *v, int ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void say(verify *v, int ok, const char *fmt, ...)
{
    char line[600];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    printf("%s %s\n", ok ? "ok  " : "FAIL", line);
    if (!ok && !v->failures++)
        snprintf(v->first, sizeof v->first, "%s", line);
}

static int offer(verify *v, const char *kind, const char *path)
{
    offered *f;
    int64_t bytes;

    if (v->nfiles == MAX_FILES)
        return ombud_usage_error("verify", "too many files", NULL);
    f = &v->files[v->nfiles];
    if (ombud_file_sha256(path, f->sha, &bytes)) {
        ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s", path);
        return OMBUD_EXIT_NOINPUT;
    }
    f->kind = kind;
    f->path = g_strdup(path);
    v->nfiles++;
    return 0;
}

/* Every regular file of @dir, kind unknown. */
static int offer_dir(verify *v, const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    int rc = 0;

    if (!d) {
        ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open folder %s", dir);
        return OMBUD_EXIT_NOINPUT;
    }
    while (!rc && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
            rc = offer(v, NULL, p);
        g_free(p);
    }
    g_dir_close(d);
    return rc;
}

/* Was a file offered as @offered fit to be the input of @kind? (--calls
 * takes a queue_log as well as a calls.csv, as on ingest.) */
static int same_kind(const char *offered_kind, const char *kind)
{
    return !strcmp(offered_kind, kind) ||
           (!strcmp(offered_kind, "calls") && !strcmp(kind, "queue_log"));
}

static offered *by_sha(verify *v, const char *sha, const char *kind)
{
    for (int i = 0; i < v->nfiles; i++)
        if (!strcmp(v->files[i].sha, sha) &&
            (!v->files[i].kind || !kind || same_kind(v->files[i].kind, kind)))
            return &v->files[i];
    return NULL;
}

static offered *by_kind_unused(verify *v, const char *kind)
{
    for (int i = 0; i < v->nfiles; i++)
        if (v->files[i].kind && same_kind(v->files[i].kind, kind) &&
            !v->files[i].used)
            return &v->files[i];
    return NULL;
}

/* Each input the manifest names, matched to a file by checksum. */
static int check_inputs(verify *v, ombud_input *in, int *nin)
{
    int all = 1;

    *nin = 0;
    for (int i = 0; i < v->m.nin; i++) {
        const ombud_manifest_input *mi = &v->m.in[i];
        offered *f = by_sha(v, mi->sha256, mi->kind), *other;
        if (f) {
            f->used = 1;
            in[(*nin)++] = (ombud_input){ombud_format_find(mi->kind), f->path};
            say(v, 1, "input %s (%s): SHA-256 %.16s... matches %s", mi->name,
                mi->kind, mi->sha256, f->path);
        } else if ((other = by_kind_unused(v, mi->kind))) {
            other->used = 1;
            say(v, 0, "input %s (%s): the report was made from a file with "
                "SHA-256 %s, but %s has SHA-256 %s: it is not the same file "
                "(it was changed, or it is another file)", mi->name, mi->kind,
                mi->sha256, other->path, other->sha);
            all = 0;
        } else {
            say(v, 0, "input %s (%s): no file given has its SHA-256 %s",
                mi->name, mi->kind, mi->sha256);
            all = 0;
        }
    }
    for (int i = 0; i < v->nfiles; i++)
        if (v->files[i].kind && !v->files[i].used) {
            say(v, 0, "%s (%s) is not among the report's inputs", v->files[i].path,
                v->files[i].kind);
            all = 0;
        }
    return all;
}

/* The guarantees file: given, or found in --inputs by checksum. */
static const char *check_guarantees(verify *v)
{
    char sha[65];
    int64_t bytes;
    offered *f;

    if (v->guarantees) {
        if (ombud_file_sha256(v->guarantees, sha, &bytes)) {
            say(v, 0, "cannot read the guarantees file %s", v->guarantees);
            return NULL;
        }
        if (strcmp(sha, v->m.guarantees_sha256)) {
            say(v, 0, "guarantees: the report was made with a guarantees file "
                "of SHA-256 %s, but %s has SHA-256 %s: a promise or a "
                "parameter differs", v->m.guarantees_sha256, v->guarantees, sha);
            return NULL;
        }
        say(v, 1, "guarantees: SHA-256 %.16s... matches %s", sha, v->guarantees);
        return v->guarantees;
    }
    if ((f = by_sha(v, v->m.guarantees_sha256, NULL))) {
        say(v, 1, "guarantees: SHA-256 %.16s... matches %s",
            v->m.guarantees_sha256, f->path);
        return f->path;
    }
    say(v, 0, "guarantees: no file given has the SHA-256 of the report's "
        "guarantees file (%s)", v->m.guarantees_sha256);
    return NULL;
}

typedef struct results { ombud_result_row r[128]; char ids[128][96]; int n; } results;

static int keep_result(void *ud, const ombud_result_row *r)
{
    results *rs = ud;

    if (rs->n == 128)
        return 1;
    rs->r[rs->n] = *r;
    snprintf(rs->ids[rs->n], 96, "%s", r->guarantee_id);
    rs->n++;
    return 0;
}

/* The workbook's Summary against the recomputed results. */
static void check_contents(verify *v, const results *rs, int digits)
{
    double scale = pow(10, digits);

    if (v->rb.is_pdf) {
        say(v, 1, "report contents: the PDF's manifest is complete (its pages "
            "are drawn from the same findings)");
        return;
    }
    if (strcmp(v->rb.custom_findings, v->m.findings_sha256)) {
        say(v, 0, "report contents: the workbook's Manifest sheet (findings "
            "%.16s...) and its document properties (%.16s...) disagree: it was "
            "edited after it was written", v->m.findings_sha256,
            v->rb.custom_findings);
        return;
    }
    for (int i = 0; i < rs->n; i++) {
        const ombud_summary_row *row = i < v->rb.nrows ? &v->rb.rows[i] : NULL;
        const ombud_result_row *r = &rs->r[i];
        double amount = row ? strtod(row->amount, NULL) : 0;
        if (!row || strcmp(row->guarantee, rs->ids[i]) ||
            strcmp(row->status, ombud_fmt_status(r->r.pass ? "PASS" : "FAIL")) ||
            strtoll(row->breaches, NULL, 10) != r->r.breaches ||
            fabs(amount - (double)r->r.amount / scale) > 0.5 / scale) {
            say(v, 0, "report contents: the Summary says %s: %s, %s breaches, "
                "%s owed; recomputed: %s, %lld breaches, %.*f owed: the "
                "workbook was edited after it was written", row ? row->guarantee
                : rs->ids[i], row ? row->status : "-", row ? row->breaches : "-",
                row ? row->amount : "-", r->r.pass ? "PASS" : "FAIL",
                (long long)r->r.breaches, digits, (double)r->r.amount / scale);
            return;
        }
    }
    if (v->rb.nrows != rs->n)
        say(v, 0, "report contents: the Summary lists %d guarantees, the "
            "findings %d", v->rb.nrows, rs->n);
    else
        say(v, 1, "report contents: the Summary's statuses, breaches and "
            "amounts match the recomputed findings");
}

/* Remove a temporary folder and what ombud put in it. */
static void remove_tmp(const char *dir)
{
    static const char *const names[] = {"verify.db", "verify.db-wal",
                                        "verify.db-shm", NULL};
    for (int i = 0; names[i]; i++) {
        char *p = g_build_filename(dir, names[i], NULL);
        g_unlink(p);
        g_free(p);
    }
    g_rmdir(dir);
}

/* The whole job again, in a temporary store; then compare. */
static void recompute(verify *v, const char *gpath, const ombud_input *in, int nin)
{
    ombud_guarantees *gs = NULL;
    ombud_store *st = NULL;
    ombud_verbosity was = ombud_diag_verbosity();
    char *dir = g_dir_make_tmp("ombud-verify-XXXXXX", NULL), *db, digest[65];
    results *rs = calloc(1, sizeof *rs);
    int64_t rejected = 0, check_id = 0;
    ombud_err err;

    if (!dir || !rs) {
        say(v, 0, "cannot make a temporary folder to recompute in");
        free(rs);
        g_free(dir);
        return;
    }
    db = g_build_filename(dir, "verify.db", NULL);
    ombud_diag_set_verbosity(OMBUD_QUIET);
    if (!(err = ombud_guarantees_load(gpath, &gs)) &&
        !(err = ombud_store_open(db, &st))) {
        ombud_ingest_opts o = {gs->tz, gs->filing.currency, NULL, 0, 0,
                               &gs->asterisk, NULL};
        if (!(err = ombud_import_files(st, in, nin, &o, &rejected)) &&
            !(err = ombud_evaluate_span(st, gs, v->m.from, v->m.to, NULL, &check_id)))
            err = ombud_store_findings_digest(st, check_id, digest);
    }
    ombud_diag_set_verbosity(was);
    if (err) {
        say(v, 0, "recomputing failed (%s); the inputs or the guarantees file "
            "cannot be read as they were", ombud_strerror(err));
    } else if (strcmp(digest, v->m.findings_sha256)) {
        say(v, 0, "findings: the report's findings digest is %s, recomputing "
            "from these inputs and rules gives %s: the findings do not follow "
            "from them%s", v->m.findings_sha256, digest,
            strcmp(v->m.version, OMBUD_VERSION) ? " (the report was written by "
            "another ombud version)" : "");
    } else {
        say(v, 1, "findings: recomputed digest %.16s... matches the report's",
            digest);
        ombud_store_each_result(st, check_id, keep_result, rs);
        check_contents(v, rs, ombud_currency_digits(gs->filing.currency));
    }
    ombud_store_close(st);
    ombud_guarantees_free(gs);
    remove_tmp(dir);
    g_free(db);
    g_free(dir);
    free(rs);
}

static int parse(int argc, char **argv, verify *v, const char **report,
                 const char **dir)
{
    enum { O_REPORT = 256, O_G, O_OUTAGES, O_CALLS, O_BILLING, O_INPUTS,
           O_APPOINTMENTS, O_ORDERS, O_ACCOUNTS, O_CDR };
    static const struct option opts[] = {
        {"report", required_argument, NULL, O_REPORT},
        {"guarantees", required_argument, NULL, O_G},
        {"outages", required_argument, NULL, O_OUTAGES},
        {"calls", required_argument, NULL, O_CALLS},
        {"billing", required_argument, NULL, O_BILLING},
        {"inputs", required_argument, NULL, O_INPUTS},
        {"appointments", required_argument, NULL, O_APPOINTMENTS},
        {"orders", required_argument, NULL, O_ORDERS},
        {"accounts", required_argument, NULL, O_ACCOUNTS},
        {"cdr", required_argument, NULL, O_CDR},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    int c, rc = 0;

    optind = 1;
    opterr = 0;
    while (!rc && (c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case O_REPORT: *report = optarg; break;
        case O_G: v->guarantees = optarg; break;
        case O_OUTAGES: rc = offer(v, "outages", optarg); break;
        case O_CALLS: rc = offer(v, "calls", optarg); break;
        case O_BILLING: rc = offer(v, "billing", optarg); break;
        case O_INPUTS: *dir = optarg; break;
        case O_APPOINTMENTS: rc = offer(v, "appointments", optarg); break;
        case O_ORDERS: rc = offer(v, "orders", optarg); break;
        case O_ACCOUNTS: rc = offer(v, "accounts", optarg); break;
        case O_CDR: rc = offer(v, "cdr", optarg); break;
        case 'h': fputs(ombud_help_verify, stdout); return -1;
        default:
            return ombud_usage_error("verify", c == ':' ? "option needs a "
                                     "value:" : "unknown option", argv[optind - 1]);
        }
    }
    if (rc)
        return rc;
    if (!*report)
        return ombud_usage_error("verify", "--report FILE is required", NULL);
    if (!*dir && (!v->guarantees || !v->nfiles))
        return ombud_usage_error("verify", "give --guarantees and the input "
                                 "files, or --inputs DIR", NULL);
    return *dir ? offer_dir(v, *dir) : 0;
}

int ombud_cmd_verify(int argc, char **argv)
{
    verify *v = calloc(1, sizeof *v);
    const char *report = NULL, *dir = NULL, *gpath;
    ombud_input in[OMBUD_MANIFEST_MAX_INPUTS];
    char period[80];
    int rc, nin = 0;
    ombud_tz *tz = NULL;

    if (!v)
        return OMBUD_EXIT_SOFTWARE;
    if ((rc = parse(argc, argv, v, &report, &dir)) ||
        (rc = ombud_exit_code(ombud_report_read(report, &v->rb))))
        goto done;
    if (ombud_manifest_parse(v->rb.manifest, &v->m)) {
        ombud_error(OMBUD_E_DATA, NULL, "%s: its manifest cannot be read", report);
        rc = OMBUD_EXIT_DATA;
        goto done;
    }
    /* The findings' texts, and so their digest, are in the report's language. */
    {
        ombud_lang lang;
        if (ombud_lang_parse(v->m.lang, &lang) ||
            (rc = ombud_exit_code(ombud_i18n_set(lang)))) {
            if (!rc)
                rc = ombud_exit_code(ombud_error(OMBUD_E_DATA, NULL, "%s: "
                                     "written in an unknown language '%s'",
                                     report, v->m.lang));
            goto done;
        }
    }
    if (ombud_tz_open(v->m.tz, &tz))
        ombud_tz_open("UTC", &tz);
    printf("report: %s (%s, written by ombud %s, period %s, %s)\n", report,
           v->rb.is_pdf ? "PDF" : "XLSX", v->m.version, ombud_period_format(tz,
           v->m.from, v->m.to, period, sizeof period), v->m.tz);
    if (check_inputs(v, in, &nin) && (gpath = check_guarantees(v)))
        recompute(v, gpath, in, nin);
    if (v->failures)
        printf("NOT VERIFIED: %s\n", v->first);
    else
        printf("verified: the report was produced from these inputs by these "
               "rules and has not been changed\n");
    rc = v->failures ? 1 : 0;
done:
    for (int i = 0; i < v->nfiles; i++)
        g_free(v->files[i].path);
    ombud_readback_free(&v->rb);
    ombud_tz_free(tz);
    free(v);
    return rc < 0 ? 0 : rc;
}
