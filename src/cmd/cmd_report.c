/*
 * cmd_report.c - `ombud report`: write a report from stored findings.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/report.h"
#include "ombud/store.h"

const char ombud_help_report[] =
    "usage: ombud report [--db FILE] [--format xlsx] -o FILE [--check ID]\n"
    "\n"
    "Write a report from the findings stored by 'ombud check' (the latest\n"
    "check, or --check ID). The report reads the findings only; it never\n"
    "recomputes a rule. It is written under a temporary name and renamed\n"
    "into place when complete.\n"
    "\n"
    "  xlsx  Summary, one sheet per guarantee with its breaches and evidence\n"
    "        references (file:line), charts, Inputs with checksums, Rejects,\n"
    "        Method\n"
    "\n"
    "options:\n"
    "  --db FILE        evidence store (default: evidence.db)\n"
    "  --format FORMAT  xlsx (default: from the -o file's extension)\n"
    "  -o, --output FILE  the report to write\n"
    "  --check ID       a check other than the latest\n"
    "\n"
    "example:\n"
    "  ombud report --db evidence.db -o report.xlsx\n";

/* The format named, or implied by the output file's extension. */
static const char *format_of(const char *format, const char *out)
{
    const char *dot = strrchr(out, '.');

    if (format)
        return format;
    return dot ? dot + 1 : "";
}

int ombud_cmd_report(int argc, char **argv)
{
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"check", required_argument, NULL, 'c'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *db = "evidence.db", *format = NULL, *out = NULL;
    int64_t check = 0;
    ombud_store *st = NULL;
    char *end;
    int c;
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
    if (strcmp(format_of(format, out), "xlsx"))
        return ombud_usage_error("report", "unknown format (use xlsx):",
                                 format_of(format, out));
    if (!(err = ombud_store_open(db, &st)))
        err = ombud_report_xlsx(st, check, out);
    ombud_store_close(st);
    if (!err)
        ombud_info("wrote %s", out);
    return ombud_exit_code(err);
}
