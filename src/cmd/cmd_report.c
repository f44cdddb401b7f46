/*
 * cmd_report.c - `ombud report`: write a report from stored findings.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/history.h"
#include "ombud/report.h"
#include "ombud/store.h"

const char ombud_help_report[] =
    "usage: ombud report [--db FILE] [--format xlsx|pdf] -o FILE [--check ID]\n"
    "                    [--paper letter|a4] [--lang en|es|ca|he] [--sign KEY]\n"
    "                    [--history N]\n"
    "\n"
    "Write a report from the findings stored by 'ombud check' (the latest\n"
    "check, or --check ID). The report reads the findings only; it never\n"
    "recomputes a rule. It is written under a temporary name and renamed\n"
    "into place when complete.\n"
    "\n"
    "  xlsx  Summary, one sheet per guarantee with its breaches and evidence\n"
    "        references (file:line), charts, Inputs with checksums, Rejects,\n"
    "        Method\n"
    "  pdf   the filing: cover with the verdict, summary, a section per\n"
    "        guarantee with its method, chart and first breaches, inputs and\n"
    "        checksums, certification page; page N of M on every page\n"
    "\n"
    "options:\n"
    "  --db FILE|URI    evidence store (default: evidence.db), or a\n"
    "                   PostgreSQL server as in ombud help ingest\n"
    "  --format FORMAT  xlsx or pdf (default: from the -o file's extension)\n"
    "  --paper SIZE     letter (default) or a4, for the PDF\n"
    "  -o, --output FILE  the report to write\n"
    "  --check ID       a check other than the latest\n"
    "  --lang LANG      the language the check was made in (en, es, ca, he);\n"
    "                   the report is written in the check's language, and\n"
    "                   another is refused: the findings' texts were written\n"
    "                   by the rules in it (run 'ombud check --lang LANG')\n"
    "  --sign KEY       sign the report with a private key from 'ombud\n"
    "                   keygen': writes FILE.sig beside it\n"
    "  --history N      show each guarantee in up to N earlier periods of\n"
    "                   the same kind (month, quarter, year) checked in this\n"
    "                   store with the same guarantees file and zone\n"
    "                   (default 12, at most 60; 0: none)\n"
    "\n"
    "examples:\n"
    "  ombud report --db evidence.db -o report.xlsx\n"
    "  ombud report --db evidence.db -o report.pdf --paper a4\n";

/* The format named, or implied by the output file's extension. */
static const char *format_of(const char *format, const char *out)
{
    const char *dot = strrchr(out, '.');

    if (format)
        return format;
    return dot ? dot + 1 : "";
}

/*
 * Write in the language of the check's findings. The rules wrote their
 * texts in it, and its findings digest covers them, so a report in
 * another language would mix two languages: refused, with the way out.
 */
static ombud_err check_language(ombud_store *st, int64_t check, int given,
                                ombud_lang want)
{
    ombud_check_info chk;
    ombud_lang have = OMBUD_LANG_EN;
    ombud_err err;

    if ((err = ombud_store_check_get(st, check, &chk)))
        return err == OMBUD_E_DATA ? ombud_error(err, NULL, "no findings in "
               "the store: run ombud check first") : err;
    ombud_lang_parse(chk.lang, &have);
    if (given && want != have)
        return ombud_error(OMBUD_E_USAGE, NULL, "check %lld was made in '%s', "
                           "not '%s': its findings were written in '%s'; run "
                           "'ombud check --lang %s' (or 'ombud run --lang %s') "
                           "first", (long long)chk.id, chk.lang,
                           ombud_lang_code(want), chk.lang,
                           ombud_lang_code(want), ombud_lang_code(want));
    return ombud_i18n_set(have);
}

int ombud_cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"check", required_argument, NULL, 'c'},
        {"paper", required_argument, NULL, 'p'},
        {"lang", required_argument, NULL, 'l'},
        {"sign", required_argument, NULL, 's'},
        {"history", required_argument, NULL, 'H'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *db = "evidence.db", *format = NULL, *out = NULL, *key = NULL;
    int64_t check = 0;
    ombud_paper paper = OMBUD_PAPER_LETTER;
    const char *fmt;
    ombud_store *st = NULL;
    char *end;
    int c, lang_given = 0;
    ombud_lang lang = OMBUD_LANG_EN;
    ombud_err err;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'f': format = optarg; break;
        case 'o': out = optarg; break;
        case 'c':
            check = strtoll(optarg, &end, 10);
            if (*end || check <= 0)
                return ombud_usage_error("report", "--check needs a check id, "
                                         "got", optarg);
            break;
        case 'p':
            if (ombud_paper_parse(optarg, &paper))
                return ombud_usage_error("report", "--paper takes letter or "
                                         "a4, got", optarg);
            break;
        case 'l':
            if ((c = ombud_lang_option(optarg, "report", &lang)))
                return c;
            lang_given = 1;
            break;
        case 's': key = optarg; break;
        case 'H':
            if ((c = ombud_history_option(optarg, "report")))
                return c;
            break;
        case 'q': ombud_diag_set_verbosity(OMBUD_QUIET); break;
        case 'h': fputs(ombud_help_report, stdout); return OMBUD_EXIT_OK;
        default:
            return ombud_usage_error("report", c == ':' ? "option needs a "
                                     "value:" : "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("report", "unexpected argument", argv[optind]);
    if (!out)
        return ombud_usage_error("report", "-o FILE is required", NULL);
    fmt = format_of(format, out);
    if (strcmp(fmt, "xlsx") && strcmp(fmt, "pdf"))
        return ombud_usage_error("report", "unknown format (use xlsx or pdf):",
                                 fmt);
    if ((c = ombud_sign_option(key)))
        return c;
    if (!(err = ombud_store_open(db, &st)) &&
        !(err = check_language(st, check, lang_given, lang)))
        err = !strcmp(fmt, "pdf") ? ombud_report_pdf(st, check, out, paper)
                                  : ombud_report_xlsx(st, check, out);
    ombud_store_close(st);
    if (!err)
        ombud_info("wrote %s", out);
    if (!err)
        err = ombud_sign_written(key, out);
    return ombud_exit_code(err);
}
