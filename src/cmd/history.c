/*
 * history.c - the --history option `report` and `run` share: how many
 * earlier periods a filing shows beside its own (include/ombud/history.h).
 *
 * The value is checked before anything is imported or written; `verify`
 * takes the periods from the report's manifest instead.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ombud/cmd.h"
#include "ombud/history.h"

int ombud_history_option(const char *arg, const char *cmd)
{
    char msg[300], *end;
    long n = strtol(arg, &end, 10);

    if (end == arg || *end || n < 0 || n > OMBUD_HISTORY_MAX) {
        snprintf(msg, sizeof msg, "--history '%.40s' is not a number of "
                 "periods: give 0 (none) to %d", arg, OMBUD_HISTORY_MAX);
        return ombud_usage_error(cmd, msg, NULL);
    }
    ombud_history_set_depth((int)n);
    return 0;
}
