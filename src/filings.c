/*
 * filings.c - the filings `ombud compare` puts side by side (filings.h):
 * each opened and held to the first one's standard, then verified by
 * verify's steps, its figures taken from its recomputed findings.
 */
#include <stdlib.h>
#include <string.h>

#include "ombud/diag.h"
#include "ombud/filings.h"
#include "ombud/guarantees.h"
#include "ombud/sha256.h"

struct ombud_filings {
    ombud_verify *v[OMBUD_CARRIERS_MAX];
    const char *report[OMBUD_CARRIERS_MAX];   /* borrowed */
    ombud_standard std;         /* the first known filing's */
    int std_from;               /* which filing it is, or -1 */
    ombud_comparison cmp;       /* cmp.f[i] is filing i until sorted */
};

ombud_filings *ombud_filings_new(void)
{
    ombud_filings *fs = calloc(1, sizeof *fs);

    if (fs)
        fs->std_from = -1;
    return fs;
}

void ombud_filings_free(ombud_filings *fs)
{
    if (!fs)
        return;
    for (int i = 0; i < fs->cmp.nf; i++)
        ombud_verify_free(fs->v[i]);
    ombud_comparison_free(&fs->cmp);
    free(fs);
}

int ombud_filings_count(const ombud_filings *fs)
{
    return fs->cmp.nf;
}

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
static ombud_err describe(ombud_verify *v, const char *report,
                          ombud_carrier_filing *f)
{
    const ombud_manifest *m = ombud_verify_manifest(v);
    int64_t bytes;

    if (strcmp(m->doc, "filing"))
        return ombud_error(OMBUD_E_DATA, NULL, "%s is a complaint dossier, "
                           "not a filing: compare takes the reports 'ombud "
                           "run' writes", report);
    if (ombud_file_sha256(report, f->report_sha256, &bytes))
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s", report);
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
    return OMBUD_OK;
}

ombud_err ombud_filings_open(ombud_filings *fs, const char *report,
                             const char *dir)
{
    int i = fs->cmp.nf;
    ombud_carrier_filing *f;
    ombud_standard std;
    ombud_verify *v;
    ombud_err err;
    char why[400];

    if (i == OMBUD_CARRIERS_MAX)
        return OMBUD_E_USAGE;
    if (!(v = fs->v[i] = ombud_verify_new()) ||
        !(f = fs->cmp.f[i] = calloc(1, sizeof *f))) {
        ombud_verify_free(v);
        fs->v[i] = NULL;
        return OMBUD_E_NOMEM;
    }
    fs->cmp.nf++;
    fs->report[i] = report;
    if ((err = ombud_verify_offer_dir(v, dir)))
        return err;
    ombud_verify_set(v, report, NULL, NULL, NULL);
    if ((err = ombud_verify_open(v)) || (err = describe(v, report, f)) ||
        !load_standard(v, f, &std))
        return err;
    if (fs->std_from < 0) {
        fs->std = std;
        fs->std_from = i;
    } else if (ombud_standard_differs(&fs->std, &std, why, sizeof why)) {
        return ombud_error(OMBUD_E_DATA, NULL, "%s is not a filing of the "
                           "same standard as %s: %s; compare filings made "
                           "with the same guarantees (ids and kinds)", report,
                           fs->report[fs->std_from], why);
    }
    return OMBUD_OK;
}

ombud_lang ombud_filings_lang(const ombud_filings *fs)
{
    ombud_lang lang = OMBUD_LANG_EN, first = OMBUD_LANG_EN;

    for (int i = 0; i < fs->cmp.nf; i++) {
        ombud_lang_parse(ombud_verify_manifest(fs->v[i])->lang, &lang);
        if (i == 0)
            first = lang;
        else if (lang != first)
            return OMBUD_LANG_EN;
    }
    return first;
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

const ombud_carrier_filing *ombud_filings_verify(ombud_filings *fs, int i,
                                                 ombud_lang out,
                                                 ombud_verify_say_fn say,
                                                 void *ud)
{
    ombud_carrier_filing *f = fs->cmp.f[i];
    const ombud_manifest *m = ombud_verify_manifest(fs->v[i]);
    taking t = {f, &fs->std};
    ombud_lang lang = OMBUD_LANG_EN;

    ombud_lang_parse(m->lang, &lang);   /* read by ombud_verify_open() */
    ombud_i18n_set(lang);
    ombud_verify_run(fs->v[i], say, ud, take, &t);
    f->verified = !ombud_verify_failures(fs->v[i]);
    snprintf(f->reason, sizeof f->reason, "%s", ombud_verify_first(fs->v[i]));
    return ombud_i18n_set(out) ? NULL : f;
}

const ombud_comparison *ombud_filings_comparison(ombud_filings *fs)
{
    fs->cmp.std = fs->std;
    ombud_comparison_sort(&fs->cmp);
    return &fs->cmp;
}
