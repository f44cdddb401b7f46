/*
 * cmd_check.c - `ombud check`: evaluate the guarantees over a period.
 *
 * All findings of one check are written in one transaction, after the
 * findings stored earlier for the same period are deleted, so re-running
 * is idempotent and a failure leaves the previous findings in place.
 */
#include <assert.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ombud/cal.h"
#include "ombud/cmd.h"
#include "ombud/quality.h"
#include "ombud/diag.h"
#include "ombud/guarantees.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/store.h"

const char ombud_help_check[] =
    "usage: ombud check [--db FILE] --guarantees FILE [--period PERIOD]\n"
    "                   [--lang en|es|ca|he] [--allow-incomplete] [-q]\n"
    "\n"
    "Evaluate every guarantee of the guarantees file against the evidence in\n"
    "the store, write the findings (results, breaches and the evidence rows\n"
    "behind each) into the store, and print a summary. Re-running a check for\n"
    "the same period replaces its findings.\n"
    "\n"
    "options:\n"
    "  --db FILE|URI      evidence store (default: evidence.db); a PostgreSQL\n"
    "                     URI or connection string (postgresql://user@host/db,\n"
    "                     'host=... dbname=...', pg: for the PG* variables)\n"
    "                     uses that server\n"
    "  --guarantees FILE  what was promised (see templates/guarantees/)\n"
    "  --period PERIOD    2026-10, 2026-Q4, 2026, 2026-10-17 or\n"
    "                     2026-10-01..2026-10-31, in the filing's time zone\n"
    "                     (default: [filing] period; one of the two is needed)\n"
    "  --lang LANG        language of the findings' texts and the summary:\n"
    "                     en, es, ca or he (default: [filing] language, else en);\n"
    "                     reports of this check are written in it\n"
    "  --allow-incomplete exit 0 even when the evidence is incomplete (see\n"
    "                     below); the problems are still said, and shown\n"
    "                     first in the reports\n"
    "  -q, --quiet        print errors only\n"
    "\n"
    "example:\n"
    "  ombud check --db evidence.db --guarantees fibre-bundle.ini --period 2026-10\n"
    "\n"
    "Data quality: after the summary, each serious problem is said on stderr:\n"
    "a guarantee with no data (NO DATA, never PASS), a file with more than\n"
    "0.50% of its rows rejected, a file read in another time zone than the\n"
    "filing's, a filter word (queues, services, areas, kinds) that matches\n"
    "no stored value. The reports list them first, with notes on every\n"
    "input (rows before, in and after the period; days without calls).\n"
    "\n"
    "exit status: 0 checked (guarantees may have failed: see the summary),\n"
    "2 checked but the evidence is incomplete (see above), 64 usage error or\n"
    "no period, 65 bad guarantees file, 66 cannot open it, 70 store error.\n";

/* Print one guarantee's result. */
static void print_result(const ombud_guarantee *g, const ombud_result *r)
{
    char n[32];

    ombud_fmt_count(r->breaches, n, sizeof n);
    ombud_out("\n%-24s %s  ", g->id, ombud_fmt_status(ombud_verdict_name(r->pass)));
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

/* Evaluate one guarantee into the open check. */
static ombud_err evaluate_one(ombud_store *st, int64_t check_id, int seq,
                              const ombud_guarantees *gs, int64_t from,
                              int64_t to, ombud_result *res)
{
    const ombud_guarantee *g = &gs->g[seq];
    ombud_rule_ctx ctx = {st, from, to, gs->tz, gs->filing.currency, 0,
                          g->id};
    char params[1024];
    ombud_err err;

    memset(res, 0, sizeof *res);
    ombud_guarantee_params(g, params, sizeof params);
    if ((err = ombud_store_add_result(st, check_id, seq, g->id, g->kind,
                                      g->promise, g->source, params,
                                      &ctx.result_id)))
        return err;
    if ((err = g->rule->evaluate(&ctx, g, res)))
        return err;
    /* Nothing examined is nothing passed: no verdict without evidence. */
    if (res->subjects == 0 && res->breaches == 0)
        res->pass = OMBUD_NO_DATA;
    if (!ombud_guarantee_owes_money(g)) {
        assert(res->amount == 0);
        res->amount = OMBUD_AMOUNT_NONE;
    }
    return ombud_store_set_result(st, ctx.result_id, res);
}

/*
 * No period given: refused, never guessed. The span of the data used to
 * serve, and a store holding the end of one month and the start of the
 * next was silently filed as one period. Say what the data span and which
 * month to ask for.
 */
static ombud_err no_period(ombud_store *st, const ombud_guarantees *gs)
{
    int64_t a, z;
    ombud_tm ta, tz;
    char span[80];
    ombud_err err;

    if ((err = ombud_store_data_span(st, &a, &z)) == OMBUD_E_DATA)
        return ombud_error(OMBUD_E_USAGE, NULL, "no period given, and the "
                           "store holds no data: run ombud ingest first, then "
                           "give --period (e.g. --period 2026-10)");
    if (err)
        return err;
    ombud_tm_from_instant(gs->tz, a, &ta);
    ombud_tm_from_instant(gs->tz, z > a ? z - 1 : z, &tz);
    ombud_period_format(gs->tz, a, z > a ? z : a + 1, span, sizeof span);
    return ombud_error(OMBUD_E_USAGE, NULL, "no period given: the data run "
                       "%s (%s)%s; give --period %04d-%02d (a month), or "
                       "'period = ' in [filing]", span, ombud_tz_name(gs->tz),
                       ta.year != tz.year || ta.month != tz.month ?
                       ", more than one month" : "", ta.year, ta.month);
}

/* Resolve the period: the option, else the [filing] period. */
static ombud_err resolve_period(ombud_store *st, const ombud_guarantees *gs,
                                const char *period, int64_t *from, int64_t *to)
{
    char why[160];

    if (!period)
        period = gs->filing.period;
    if (!period)
        return no_period(st, gs);
    if (ombud_period_parse(period, gs->tz, from, to, why, sizeof why))
        return ombud_error(OMBUD_E_USAGE, NULL, "period '%s': %s", period, why);
    return OMBUD_OK;
}

ombud_err ombud_evaluate(ombud_store *st, const ombud_guarantees *gs,
                         const char *period, int *failed, int64_t *check_out)
{
    int64_t from, to;
    ombud_err err;

    if ((err = resolve_period(st, gs, period, &from, &to)))
        return err;
    return ombud_evaluate_span(st, gs, from, to, failed, check_out);
}

ombud_err ombud_evaluate_span(ombud_store *st, const ombud_guarantees *gs,
                              int64_t from, int64_t to, int *failed,
                              int64_t *check_out)
{
    const ombud_filing *f = &gs->filing;
    ombud_check chk = {from, to, ombud_tz_name(gs->tz), gs->path, gs->sha256,
                       f->carrier, f->commission, f->docket, f->prepared_by,
                       f->currency, ombud_lang_code(ombud_i18n_get()),
                       f->max_rejected_bp, f->allow_incomplete};
    ombud_result res;
    int64_t check_id;
    char span[80];
    int nfailed = 0, nodata = 0, reportable = 0;
    ombud_err err;

    if ((err = ombud_store_begin_check(st, &chk, &check_id)))
        return err;
    ombud_out(_("%s, filed with: %s\nperiod %s (%s)\n"), gs->filing.carrier,
              gs->filing.commission, ombud_fmt_period(gs->tz, chk.from,
              chk.to, span, sizeof span), ombud_tz_name(gs->tz));
    for (int i = 0; i < gs->ng; i++) {
        if ((err = evaluate_one(st, check_id, i, gs, chk.from, chk.to, &res))) {
            ombud_store_abort_check(st);
            return err;
        }
        nfailed += res.pass == OMBUD_FAIL;
        nodata += res.pass == OMBUD_NO_DATA;
        reportable += res.pass == OMBUD_REPORTABLE;
        print_result(&gs->g[i], &res);
    }
    ombud_out(_("\n%d of %d guarantees breached\n"), nfailed, gs->ng);
    if (nodata) {
        char line[200];
        ombud_out("%s\n", ombud_fmt_no_data(nodata, line, sizeof line));
    }
    if (reportable) {
        char line[200];
        ombud_out("%s\n", ombud_fmt_reportable(reportable, line, sizeof line));
    }
    if (failed)
        *failed = nfailed;
    if (check_out)
        *check_out = check_id;
    return ombud_store_end_check(st);
}

int ombud_cmd_check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"guarantees", required_argument, NULL, 'g'},
        {"period", required_argument, NULL, 'p'},
        {"lang", required_argument, NULL, 'l'},
        {"allow-incomplete", no_argument, NULL, 'a'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *db = "evidence.db", *gpath = NULL, *period = NULL;
    ombud_guarantees *gs = NULL;
    ombud_store *st = NULL;
    int c, lang_given = 0, allow = 0, rc = 0;
    int64_t check_id = 0;
    ombud_lang lang = OMBUD_LANG_EN;
    ombud_err err;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'g': gpath = optarg; break;
        case 'p': period = optarg; break;
        case 'l':
            if ((c = ombud_lang_option(optarg, "check", &lang)))
                return c;
            lang_given = 1;
            break;
        case 'a': allow = 1; break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'h': fputs(ombud_help_check, stdout); return OMBUD_EXIT_OK;
        default:
            return ombud_usage_error("check", c == ':' ? "option needs a "
                                     "value:" : "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("check", "unexpected argument", argv[optind]);
    if (!gpath)
        return ombud_usage_error("check", "--guarantees FILE is required", NULL);
    if (!(err = ombud_guarantees_load(gpath, &gs)) &&
        !(err = ombud_lang_apply(lang_given, lang, gs)) &&
        !(err = ombud_store_open(db, &st))) {
        gs->filing.allow_incomplete = allow;
        err = ombud_evaluate(st, gs, period, NULL, &check_id);
    }
    if (!err)
        rc = ombud_quality_gate(st, check_id, allow);
    ombud_store_close(st);
    ombud_guarantees_free(gs);
    return err ? ombud_exit_code(err) : rc;
}
