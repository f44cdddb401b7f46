/*
 * verify.c - check a report against its inputs by writing it again.
 *
 * What verify.h says: the files offered are matched to the manifest by
 * checksum (never by name), imported into a temporary store under the
 * paths the report names, the findings recomputed, the report written
 * again with the options its manifest records and compared byte for
 * byte (compare.c says where they differ: sheet and cell, or page). A
 * signature beside the report is checked too (sign.c). Every step says
 * one sentence, "ok" or a failure in plain words; the first failure is
 * kept for the verdict.
 *
 * This is the core `ombud verify` always ran, moved out of its command
 * so that `ombud compare` verifies each filing by the very same steps;
 * the sentences are unchanged, word for word.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "ombud/time.h"
#include "ombud/compare.h"
#include "ombud/diag.h"
#include "ombud/engine.h"
#include "ombud/history.h"
#include "ombud/i18n.h"
#include "ombud/manifest.h"
#include "ombud/quality.h"
#include "ombud/profile.h"
#include "ombud/report.h"
#include "ombud/sha256.h"
#include "ombud/sign.h"
#include "ombud/verify.h"
#include "ombud/version.h"

#define MAX_FILES 512

/* A file offered for matching. */
typedef struct offered {
    const char *kind;        /* outages/calls/billing, or NULL (from --inputs) */
    char *path;              /* (owned) */
    char sha[65];
    int64_t size;
    int used;
} offered;

struct ombud_verify {
    ombud_manifest m;
    ombud_readback rb;
    offered files[MAX_FILES];
    int nfiles;
    const char *report;
    const char *guarantees;  /* path, or NULL (then looked for in --inputs) */
    const char *key;         /* --key PUB, or NULL */
    const char *sig;         /* --sig FILE, or NULL (then REPORT.sig if any) */
    int failures;
    char first[600];         /* the first failure, for the last line */
    int nodata, serious;     /* of the re-derived check: said after it */
    ombud_profile *profiles[OMBUD_MANIFEST_MAX_INPUTS]; /* loaded (owned) */
    int nprofiles;
    ombud_verify_say_fn say;  /* where each step is said */
    void *say_ud;
    ombud_verify_derived_fn derived; /* given the recomputed findings, or NULL */
    void *derived_ud;
    int opened;              /* 1: the report and its manifest were read */
};

typedef struct ombud_verify verify;

static void say(verify *v, int ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void say(verify *v, int ok, const char *fmt, ...)
{
    char line[600];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (v->say)
        v->say(v->say_ud, ok, line);
    if (!ok && !v->failures++)
        snprintf(v->first, sizeof v->first, "%s", line);
}

/* A device or a pipe (/dev/zero) would be hashed for ever: the files a
 * report was made from are regular files. */
static int regular(const char *path)
{
    struct stat sb;

    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        ombud_error(OMBUD_E_NOINPUT, NULL, "%s is not a regular file: give "
                    "the files the report was made from", path);
        return 0;
    }
    return 1;
}

ombud_err ombud_verify_offer(verify *v, const char *kind, const char *path)
{
    offered *f;

    assert(v && path);
    if (v->nfiles == MAX_FILES)
        return OMBUD_E_USAGE;
    f = &v->files[v->nfiles];
    if (!regular(path))
        return OMBUD_E_NOINPUT;
    if (ombud_file_sha256(path, f->sha, &f->size))
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s", path);
    f->kind = kind;
    f->path = g_strdup(path);
    v->nfiles++;
    return OMBUD_OK;
}

/* Every regular file of @dir, kind unknown. */
ombud_err ombud_verify_offer_dir(verify *v, const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;
    ombud_err err = OMBUD_OK;

    if (!d)
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open folder %s", dir);
    while (!err && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        if (g_file_test(p, G_FILE_TEST_IS_REGULAR))
            err = ombud_verify_offer(v, NULL, p);
        g_free(p);
    }
    g_dir_close(d);
    return err;
}

int ombud_verify_nfiles(const verify *v)
{
    return v->nfiles;
}

/* Was a file offered as @offered fit to be the input of @kind? (--calls
 * takes a queue_log as well as a calls.csv, as on ingest.) */
static int same_kind(const char *offered_kind, const char *kind)
{
    return ombud_input_offered_as(offered_kind, kind);
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

/* The profile input @mi was read through, matched by checksum, loaded
 * and named as the report names it; 0 (and a FAIL) when none is given. */
static int attach_profile(verify *v, const ombud_manifest_input *mi,
                          ombud_input *in)
{
    offered *f;
    ombud_profile *p;

    if (!mi->profile_sha256[0])
        return 1;
    if (!(f = by_sha(v, mi->profile_sha256, "profile"))) {
        say(v, 0, "input %s (%s) was read through the profile %s (SHA-256 "
            "%s): no file given has it; give it with --profile", mi->name,
            mi->kind, mi->profile, mi->profile_sha256);
        return 0;
    }
    f->used = 1;
    if (ombud_profile_load(f->path, &p)) {
        say(v, 0, "profile %s cannot be loaded", f->path);
        return 0;
    }
    ombud_profile_set_label(p, mi->profile);
    v->profiles[v->nprofiles++] = p;
    in->dec.profile = p;
    say(v, 1, "profile %s: SHA-256 %.16s... matches %s", mi->profile,
        mi->profile_sha256, f->path);
    return 1;
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
            in[*nin] = (ombud_input){.fmt = ombud_format_find(mi->kind),
                                     .path = f->path};
            if (!in[*nin].fmt) {
                say(v, 0, "input %s: the report names an input kind '%s' this "
                    "ombud does not read", mi->name, mi->kind);
                all = 0;
                continue;
            }
            say(v, 1, "input %s (%s): SHA-256 %.16s... matches %s", mi->name,
                mi->kind, mi->sha256, f->path);
            if (!attach_profile(v, mi, &in[*nin]))
                all = 0;
            (*nin)++;
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
        if (v->files[i].kind && !v->files[i].used &&
            strcmp(v->files[i].kind, "letter")) {
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
        if (!regular(v->guarantees) ||
            ombud_file_sha256(v->guarantees, sha, &bytes)) {
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

/* The letter a dossier was written with: the compiled-in one of its
 * language, or a file given whose SHA-256 is the manifest's. (g_free) */
static char *find_letter(verify *v, char **path)
{
    char def_path[256], sha[65];
    const char *def = ombud_letter_default(def_path, sizeof def_path);
    ombud_sha256 *h = ombud_sha256_new();
    offered *f;
    char *text = NULL;
    gsize n;

    ombud_sha256_update(h, def, strlen(def));
    snprintf(sha, sizeof sha, "%s", ombud_sha256_hex(h));
    ombud_sha256_free(h);
    if (!strcmp(sha, v->m.letter)) {
        say(v, 1, "letter: the compiled-in template %s", def_path);
        *path = g_strdup(def_path);
        return g_strdup(def);
    }
    if ((f = by_sha(v, v->m.letter, "letter")) && f->size <= OMBUD_LETTER_MAX &&
        g_file_get_contents(f->path, &text, &n, NULL)) {
        f->used = 1;
        say(v, 1, "letter: SHA-256 %.16s... matches %s", v->m.letter, f->path);
        *path = g_strdup(f->path);
        return text;
    }
    say(v, 0, "letter: the dossier was written with a letter template of "
        "SHA-256 %s; give it with --letter FILE (or put it in --inputs)",
        v->m.letter);
    return NULL;
}

/* Remove a temporary folder and everything in it (ombud's files only). */
static void remove_tmp(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        char *p = g_build_filename(dir, name, NULL);
        g_unlink(p);
        g_free(p);
    }
    if (d)
        g_dir_close(d);
    g_rmdir(dir);
}

/* Each input as the report names it: its recorded path and zone, in the
 * order the store numbered them (the Inputs sheet lists them so). */
static ombud_err import_as_named(verify *v, ombud_store *st,
                                 const ombud_guarantees *gs,
                                 const ombud_input *in, int nin)
{
    ombud_err err = OMBUD_OK;

    for (int i = 0; i < nin && !err; i++) {
        const ombud_manifest_input *mi = &v->m.in[i];
        ombud_tz *tz = NULL;
        ombud_ingest_opts o = {gs->tz, gs->filing.currency, NULL, 0, 0,
                               &gs->asterisk, NULL, mi->path[0] ? mi->path : NULL};
        ombud_counts c;
        int already;

        if (mi->tz[0] && !ombud_tz_open(mi->tz, &tz)) {
            if (ombud_input_has(in[i].fmt->kind, OMBUD_IN_CDR_TZ))
                o.cdr_tz = tz;
            else
                o.tz = tz;
        }
        err = ombud_ingest_decoded(st, in[i].fmt, in[i].path, &o, &in[i].dec,
                                   &c, &already);
        ombud_tz_free(tz);
    }
    return err;
}

/*
 * The date of the dossier's letter, into @p buf: the one its manifest
 * records, else the last day of its period (a manifest names no date for
 * that day: dossiers bore it before the date was an option).
 */
static const char *letter_date(const verify *v, char *buf, size_t size)
{
    ombud_tz *tz = NULL;
    ombud_tm tm;

    if (v->m.date[0])
        return v->m.date;
    if (ombud_tz_open(v->m.tz, &tz))
        return NULL;    /* the findings could not be recomputed either */
    ombud_tm_from_instant(tz, v->m.to - 1, &tm);
    ombud_tz_free(tz);
    snprintf(buf, size, "%04d-%02d-%02d", tm.year, tm.month, tm.day);
    return buf;
}

/* The report written again from store @st into @out. */
static ombud_err write_again(verify *v, ombud_store *st, int64_t check_id,
                             const char *out)
{
    ombud_paper paper = OMBUD_PAPER_LETTER;
    ombud_complaint c = {0};
    char *letter, *lpath = NULL, date[32];
    ombud_err err;

    if (v->m.paper[0] && ombud_paper_parse(v->m.paper, &paper))
        return OMBUD_E_DATA;
    if (!strcmp(v->m.doc, "filing"))
        return v->rb.is_pdf ? ombud_report_pdf(st, check_id, out, paper)
                            : ombud_report_xlsx(st, check_id, out);
    if (!(letter = find_letter(v, &lpath)))
        return OMBUD_E_NOINPUT;
    c = (ombud_complaint){check_id, v->m.account, v->m.customer, v->m.ask,
                          lpath, letter, paper, v->m.address,
                          v->m.service_address, v->m.tried,
                          letter_date(v, date, sizeof date)};
    err = ombud_report_complaint(st, &c, v->rb.is_pdf ? out : NULL,
                                 v->rb.is_pdf ? NULL : out);
    g_free(letter);
    g_free(lpath);
    return err;
}

/* Compare the report with the one written again, and say so. */
static void compare(verify *v, const char *again)
{
    char where[1200];
    int rc = ombud_compare_reports(v->report, again, v->rb.is_pdf, where,
                                   sizeof where);

    if (rc == 0)
        say(v, 1, "report: written again from these inputs, it is the same "
            "file byte for byte");
    else if (rc > 0)
        say(v, 0, "report: it is not the report these inputs give: %s", where);
    else
        say(v, 0, "report: %s", where);
}

/* The whole job again, in a temporary store; then compare. */
static int count_nodata(void *ud, const ombud_result_row *r)
{
    int *n = ud;

    *n += r->r.pass == OMBUD_NO_DATA;
    return 0;
}

/* What the re-derived findings rest on, for the last line: a verified
 * report may still say its evidence is incomplete. */
static void take_quality(verify *v, ombud_store *st, int64_t check_id)
{
    if (ombud_store_each_result(st, check_id, count_nodata, &v->nodata) ||
        ombud_quality_each(st, check_id, 0, NULL, NULL, &v->serious))
        v->nodata = v->serious = 0;
}

/*
 * The earlier periods the report shows (its manifest's "history="), each
 * checked again from the same inputs, oldest first, before the report's
 * own: the report written again then finds the same history in the
 * temporary store. Reports show as many as were listed.
 */
static ombud_err recheck_history(verify *v, ombud_store *st,
                                 const ombud_guarantees *gs)
{
    int64_t from[OMBUD_HISTORY_MAX], to[OMBUD_HISTORY_MAX], id;
    int n = ombud_history_parse(v->m.history, from, to, OMBUD_HISTORY_MAX);
    ombud_err err;

    if (n < 0)
        return ombud_error(OMBUD_E_DATA, NULL, "%s: its manifest lists "
                           "earlier periods that cannot be read", v->report);
    ombud_history_set_depth(n);
    for (int i = 0; i < n; i++)
        if ((err = ombud_evaluate_span(st, gs, from[i], to[i], NULL, NULL,
                                       &id)))
            return err;
    if (n)
        say(v, 1, "history: %s checked again from these inputs",
            n == 1 ? "the earlier period the report shows was" :
            "the earlier periods the report shows were");
    return OMBUD_OK;
}

static void recompute(verify *v, const char *gpath, const ombud_input *in, int nin)
{
    ombud_guarantees *gs = NULL;
    ombud_store *st = NULL;
    ombud_verbosity was = ombud_diag_verbosity();
    char *dir = g_dir_make_tmp("ombud-verify-XXXXXX", NULL), *db, *again;
    char digest[65];
    int64_t check_id = 0;
    ombud_err err;

    if (!dir) {
        say(v, 0, "cannot make a temporary folder to recompute in");
        return;
    }
    db = g_build_filename(dir, "verify.db", NULL);
    again = g_build_filename(dir, v->rb.is_pdf ? "again.pdf" : "again.xlsx", NULL);
    ombud_diag_set_verbosity(OMBUD_QUIET);
    if (!(err = ombud_guarantees_load(gpath, &gs))) {
        /* The check records the guarantees file's path as it was given. */
        if (v->m.gpath[0]) {
            g_free(gs->path);
            gs->path = g_strdup(v->m.gpath);
        }
        /* Filed with --allow-incomplete: the reports say so. */
        gs->filing.allow_incomplete = !strcmp(v->m.allow, "1");
        if (!(err = ombud_store_open(db, &st)) &&
            !(err = import_as_named(v, st, gs, in, nin)) &&
            !(err = recheck_history(v, st, gs)) &&
            !(err = ombud_evaluate_span(st, gs, v->m.from, v->m.to, NULL,
                                        NULL, &check_id)))
            err = ombud_store_findings_digest(st, check_id, digest);
    }
    ombud_diag_set_verbosity(was);
    if (!err && v->derived && v->derived(v->derived_ud, st, check_id, digest))
        err = OMBUD_E_NOMEM;
    if (err) {
        say(v, 0, "recomputing failed (%s); the inputs or the guarantees file "
            "cannot be read as they were", ombud_strerror(err));
    } else if (strcmp(digest, v->m.findings_sha256)) {
        say(v, 0, "findings: the report's findings digest is %s, recomputing "
            "from these inputs and rules gives %s: the findings do not follow "
            "from them", v->m.findings_sha256, digest);
    } else {
        say(v, 1, "findings: recomputed digest %.16s... matches the report's",
            digest);
        ombud_diag_set_verbosity(OMBUD_QUIET);
        err = write_again(v, st, check_id, again);
        ombud_diag_set_verbosity(was);
        if (err == OMBUD_E_NOINPUT)
            ;   /* find_letter said why */
        else if (err)
            say(v, 0, "the report cannot be written again (%s)",
                ombud_strerror(err));
        else
            compare(v, again);
        take_quality(v, st, check_id);
    }
    ombud_store_close(st);
    ombud_guarantees_free(gs);
    remove_tmp(dir);
    g_free(again);
    g_free(db);
    g_free(dir);
}

/* Who signed the report, and whether the signature covers these bytes. */
static void check_signature(verify *v)
{
    char *def = g_strdup_printf("%s.sig", v->report);
    const char *sig = v->sig ? v->sig : def;
    ombud_sig_result r;

    if (!v->sig && !g_file_test(def, G_FILE_TEST_EXISTS)) {
        if (v->key)
            say(v, 0, "signature: --key was given but %s has no signature "
                "(%s)", v->report, def);
        g_free(def);
        return;
    }
    if (ombud_sig_check(sig, v->report, v->rb.manifest, v->key, &r))
        say(v, 0, "signature: %s cannot be read", sig);
    else if (!r.holds)
        say(v, 0, "signature %s: %s", sig, r.why);
    else if (v->key)
        say(v, 1, "signature: made with the key given (%s) over these very "
            "bytes and this manifest", r.key);
    else
        say(v, 1, "signature: made with key %s over these very bytes and this "
            "manifest (compare the fingerprint with the one the filer "
            "published, or give --key)", r.key);
    g_free(def);
}

/* A report this version cannot write again is refused, not half-checked. */
static int same_version(verify *v)
{
    if (!strcmp(v->m.version, OMBUD_VERSION) && v->m.doc[0])
        return 1;
    say(v, 0, "the report was written by ombud %s; only that version writes "
        "it again byte for byte: verify it with ombud %s (this is ombud %s)",
        v->m.version[0] ? v->m.version : "(unknown)",
        v->m.version[0] ? v->m.version : "(unknown)", OMBUD_VERSION);
    return 0;
}

/* The findings' texts, and so their digest, are in the report's language. */
static ombud_err set_language(verify *v)
{
    ombud_lang lang;

    if (ombud_lang_parse(v->m.lang, &lang))
        return ombud_error(OMBUD_E_DATA, NULL, "%s: written in an unknown "
                           "language '%s'", v->report, v->m.lang);
    return ombud_i18n_set(lang);
}

/* ---- public ------------------------------------------------------------------ */

verify *ombud_verify_new(void)
{
    return calloc(1, sizeof(verify));
}

void ombud_verify_free(verify *v)
{
    if (!v)
        return;
    for (int i = 0; i < v->nfiles; i++)
        g_free(v->files[i].path);
    for (int i = 0; i < v->nprofiles; i++)
        ombud_profile_free(v->profiles[i]);
    ombud_readback_free(&v->rb);
    free(v);
}

void ombud_verify_set(verify *v, const char *report, const char *guarantees,
                      const char *key, const char *sig)
{
    assert(v && report);
    v->report = report;
    v->guarantees = guarantees;
    v->key = key;
    v->sig = sig;
}

ombud_err ombud_verify_open(verify *v)
{
    ombud_err err;

    assert(v && v->report && !v->opened);
    if ((err = ombud_report_read(v->report, &v->rb)))
        return err;
    if (ombud_manifest_parse(v->rb.manifest, &v->m))
        return ombud_error(OMBUD_E_DATA, NULL, "%s: its manifest cannot be "
                           "read", v->report);
    if ((err = set_language(v)))
        return err;
    v->opened = 1;
    return OMBUD_OK;
}

const ombud_manifest *ombud_verify_manifest(const verify *v)
{
    return &v->m;
}

int ombud_verify_is_pdf(const verify *v)
{
    return v->rb.is_pdf;
}

int ombud_verify_run(verify *v, ombud_verify_say_fn say_fn, void *say_ud,
                     ombud_verify_derived_fn derived, void *derived_ud)
{
    ombud_input in[OMBUD_MANIFEST_MAX_INPUTS];
    const char *gpath;
    int nin = 0;

    assert(v && v->opened);
    v->say = say_fn;
    v->say_ud = say_ud;
    v->derived = derived;
    v->derived_ud = derived_ud;
    if (same_version(v)) {
        check_signature(v);
        if (check_inputs(v, in, &nin) && (gpath = check_guarantees(v)))
            recompute(v, gpath, in, nin);
    }
    return v->failures;
}

int ombud_verify_failures(const verify *v)
{
    return v->failures;
}

const char *ombud_verify_first(const verify *v)
{
    return v->first;
}

void ombud_verify_quality(const verify *v, int *nodata, int *serious)
{
    *nodata = v->nodata;
    *serious = v->serious;
}

const char *ombud_verify_guarantees(verify *v)
{
    char sha[65];
    int64_t bytes;
    offered *f;

    if (!v->opened)
        return NULL;
    if (v->guarantees && !ombud_file_sha256(v->guarantees, sha, &bytes) &&
        !strcmp(sha, v->m.guarantees_sha256))
        return v->guarantees;
    f = by_sha(v, v->m.guarantees_sha256, NULL);
    return f ? f->path : NULL;
}
