/*
 * date.c - the --date option `complaint` and `run` share: the date the
 * dossier's letter bears.
 *
 * The value is checked here, before anything is imported or evaluated, so
 * that a mistyped date costs nothing; the dossier parses it again (its
 * other caller, verify, reads it from a manifest).
 */
#include <stdio.h>

#include "ombud/time.h"
#include "ombud/cmd.h"

int ombud_date_option(const char *arg, const char *cmd, const char **out)
{
    char why[96], msg[400];
    int y, m, d;

    if (ombud_date_parse(arg, &y, &m, &d, why, sizeof why)) {
        /* Say what is wrong with the value first, then how to write one:
         * "yesterday" or 2026-02-30 are refused, never guessed at. */
        snprintf(msg, sizeof msg, "--date '%.40s' is not a calendar date: "
                 "%s; give the letter's date as YYYY-MM-DD, a day that "
                 "exists (e.g. --date 2026-11-02)", arg, why);
        return ombud_usage_error(cmd, msg, NULL);
    }
    *out = arg;
    return 0;
}
