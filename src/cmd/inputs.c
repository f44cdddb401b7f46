/*
 * inputs.c - the options `ingest` and `run` share: input files by kind,
 * --map and --strict, and the usage-error message every command prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"

int ombud_usage_error(const char *cmd, const char *msg, const char *arg)
{
    fprintf(stderr, "ombud %s: %s%s%s\nsee 'ombud help %s'\n", cmd, msg,
            arg ? " " : "", arg ? arg : "", cmd);
    return OMBUD_EXIT_USAGE;
}

static int add_file(ombud_inputs *in, const char *kind, const char *path,
                    const char *cmd)
{
    if (in->nfiles == OMBUD_MAX_INPUTS)
        return ombud_usage_error(cmd, "too many input files", NULL);
    in->files[in->nfiles++] = (ombud_input){ombud_format_find(kind), path};
    return 0;
}

int ombud_inputs_take(ombud_inputs *in, int c, const char *arg, const char *cmd)
{
    switch (c) {
    case OMBUD_OPT_OUTAGES: return add_file(in, "outages", arg, cmd);
    case OMBUD_OPT_CALLS: return add_file(in, "calls", arg, cmd);
    case OMBUD_OPT_BILLING: return add_file(in, "billing", arg, cmd);
    case OMBUD_OPT_APPOINTMENTS: return add_file(in, "appointments", arg, cmd);
    case OMBUD_OPT_ORDERS: return add_file(in, "orders", arg, cmd);
    case OMBUD_OPT_MAP:
        if (!strchr(arg, '=') || in->nmaps == OMBUD_MAX_INPUTS)
            return ombud_usage_error(cmd, "--map needs [KIND.]COLUMN=HEADER, "
                                     "got", arg);
        in->maps[in->nmaps++] = arg;
        return 0;
    case OMBUD_OPT_STRICT:
        in->strict = 1;
        return 0;
    default:
        return -1;
    }
}

/* Does format @f have a column named @name (@n bytes)? */
static int has_column(const ombud_format *f, const char *name, size_t n)
{
    for (int c = 0; c < f->ncolumns; c++)
        if (strlen(f->columns[c].name) == n &&
            !strncmp(f->columns[c].name, name, n))
            return 1;
    return 0;
}

/* A --map must name a real kind and column: a typo would be ignored. */
static int check_map(const char *m, const char *cmd)
{
    static const char *const kinds[] = {"outages", "calls", "billing",
                                        "appointments", "orders", NULL};
    const char *eq = strchr(m, '='), *dot = memchr(m, '.', (size_t)(eq - m));
    const char *col = dot ? dot + 1 : m;
    size_t n = (size_t)(eq - col);
    char kind[32];

    if (dot) {
        snprintf(kind, sizeof kind, "%.*s", (int)(dot - m), m);
        if (!ombud_format_find(kind))
            return ombud_usage_error(cmd, "--map: unknown kind (use outages, "
                                     "calls, billing, appointments or "
                                     "orders):", m);
        if (!has_column(ombud_format_find(kind), col, n))
            return ombud_usage_error(cmd, "--map: no such column in that "
                                     "format (see 'ombud help ingest'):", m);
        return 0;
    }
    for (int i = 0; kinds[i]; i++)
        if (has_column(ombud_format_find(kinds[i]), col, n))
            return 0;
    return ombud_usage_error(cmd, "--map: no format has that column:", m);
}

int ombud_inputs_check(const ombud_inputs *in, const char *cmd)
{
    int rc;

    for (size_t i = 0; i < in->nmaps; i++)
        if ((rc = check_map(in->maps[i], cmd)))
            return rc;
    if (in->nfiles == 0)
        return ombud_usage_error(cmd, "nothing to import: give --outages, "
                                 "--calls, --billing, --appointments or "
                                 "--orders", NULL);
    return 0;
}
