/*
 * summary.c - what `check`, `run` and `ingest` print about the engine's
 * work (engine.h calls these back): a line per file imported, the check's
 * summary on stdout, and the data-quality gate after it.
 *
 * The engine tells and these print, so `verify` and `complaint` evaluate
 * with no summary by passing no sink.
 */
#include <stdio.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/engine.h"
#include "ombud/i18n.h"
#include "ombud/quality.h"
#include "ombud/rule.h"

void ombud_say_imported(void *ud, const ombud_input *in, const ombud_counts *c,
                        int already)
{
    (void)ud;
    if (already)
        ombud_info("%s: already imported (same SHA-256); nothing "
                   "added", in->path);
    else if (in->fmt->store_record)
        ombud_info("%s: %lld read, %lld stored, %lld rejected, %lld "
                   "counted (not records of their own)", in->path,
                   (long long)c->read, (long long)c->stored,
                   (long long)c->rejected, (long long)c->counted);
    else
        ombud_info("%s: %lld read, %lld stored, %lld rejected",
                   in->path, (long long)c->read, (long long)c->stored,
                   (long long)c->rejected);
}

/* The summary's head: who files with whom, for which period. */
static void print_begin(void *ud, const ombud_guarantees *gs, int64_t from,
                        int64_t to)
{
    char span[80];

    (void)ud;
    ombud_out(_("%s, filed with: %s\nperiod %s (%s)\n"), gs->filing.carrier,
              gs->filing.commission, ombud_fmt_period(gs->tz, from, to, span,
              sizeof span), ombud_tz_name(gs->tz));
}

/* Print one guarantee's result. */
static void print_result(void *ud, const ombud_guarantee *g,
                         const ombud_result *r)
{
    char n[32];

    (void)ud;
    ombud_fmt_count(r->breaches, n, sizeof n);
    ombud_out("\n%-24s %s  ", g->id, ombud_fmt_status(ombud_verdict_name(r->pass)));
    if (ombud_rule_drawing(g->kind)->lists)
        /* TRANSLATORS: rows a kind lists as evidence (the calls not
         * answered), which are not breaches. */
        ombud_out(ombud_ngettext("%s listed", "%s listed",
                                 (unsigned long)r->breaches), n);
    else
        ombud_out(ombud_ngettext("%s breach", "%s breaches",
                                 (unsigned long)r->breaches), n);
    ombud_out("\n");
    /* TRANSLATORS: the labels of the summary are padded to one width. */
    ombud_out(_("  promise:  \"%s\" (%s)\n"), g->promise, g->source);
    ombud_out(_("  measured: %s\n"), r->measured_text);
    ombud_out(_("  target:   %s\n"), r->target_text);
}

/* A serious item is the reason for exit 2, so it is an error (said even
 * with -q); with --allow-incomplete it is a warning. */
static int say_item(void *ud, const ombud_quality_item *it)
{
    const int *allow = ud;

    if (it->level != OMBUD_Q_SERIOUS)
        return 0;
    if (*allow)
        ombud_warn(NULL, "data quality: %s", it->text);
    else
        ombud_error(OMBUD_E_DATA, NULL, "data quality: %s", it->text);
    return 0;
}

int ombud_quality_gate(ombud_store *st, int64_t check_id, int allow)
{
    int serious = 0;
    ombud_err err = ombud_quality_each(st, check_id, 0, say_item, &allow,
                                       &serious);

    if (err)
        return ombud_exit_code(err);
    if (!serious || allow)
        return OMBUD_EXIT_OK;
    ombud_error(OMBUD_E_DATA, NULL, "%d serious data-quality problem%s (above, "
                "and under \"Data quality\" in the reports): the evidence is incomplete, so the "
                "verdicts may rest on nothing; fix the inputs, or give "
                "--allow-incomplete to file it as it is", serious,
                serious == 1 ? "" : "s");
    return OMBUD_EXIT_INCOMPLETE;
}

/* The summary's tail: how many failed, and what had no data. */
static void print_end(void *ud, const ombud_eval_totals *t)
{
    char line[200];

    (void)ud;
    ombud_out(_("\n%d of %d guarantees breached\n"), t->failed,
              t->guarantees);
    if (t->nodata)
        ombud_out("%s\n", ombud_fmt_no_data(t->nodata, line, sizeof line));
    if (t->reportable)
        ombud_out("%s\n", ombud_fmt_reportable(t->reportable, line,
                                               sizeof line));
}

const ombud_eval_sink ombud_summary = {print_begin, print_result, print_end,
                                       NULL};
