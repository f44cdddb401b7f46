/*
 * formats.c - the table of input kinds: every fact about a kind of input
 * file beside its format, in one line each.
 *
 * A format's own file (outages.c...) says how a row is read; this table
 * says how the rest of ombud meets the kind: the option that names its
 * files on `ingest`, `run` and `verify`, its name in reports, where it
 * comes in the import order, and which of the shared options (--map,
 * --delimiter, --profile, --cdr-tz) apply to it. The commands, the
 * engine and the reports loop over it instead of listing kinds, so a new
 * format is its file and one line here.
 *
 * The table's order is the order kinds are listed in messages ("use
 * outages, calls, billing..."); the import order is each entry's own.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/ingest.h"

/* The flags most header formats take. */
#define HEADER (OMBUD_IN_MAP | OMBUD_IN_DELIMITER | OMBUD_IN_PROFILE)

/*
 * Import order: the outages first (calls and credits cite them), the
 * accounts map and the CDR before the queue_log whose legs look them up,
 * the billing after the calls, the customers served and the snapshots of
 * customers out last.
 */
const ombud_input_kind ombud_input_kinds[] = {
    {&ombud_format_outages, "outages", NULL, N_("outages"), 0, HEADER},
    {&ombud_format_calls, "calls", NULL, N_("calls"), 3, HEADER},
    {&ombud_format_billing, "billing", NULL, N_("billing"), 5, HEADER},
    {&ombud_format_appointments, "appointments", NULL, N_("appointments"), 6,
     HEADER},
    {&ombud_format_orders, "orders", NULL, N_("orders"), 7, HEADER},
    /* TRANSLATORS: customers served per area (customers.csv). */
    {&ombud_format_customers, "customers", NULL, N_("customers"), 8, HEADER},
    /* TRANSLATORS: customers out per area at an instant (snapshots.csv,
     * e.g. EAGLE-I's county counts). */
    {&ombud_format_snapshots, "snapshots", NULL, N_("snapshots"), 9, HEADER},
    {&ombud_format_accounts, "accounts", NULL, N_("accounts"), 1,
     HEADER | OMBUD_IN_UNTIMED},
    /* TRANSLATORS: call detail records. */
    {&ombud_format_cdr, "cdr", NULL, N_("cdr"), 2, OMBUD_IN_CDR_TZ},
    /* TRANSLATORS: an Asterisk queue log. */
    {&ombud_format_queue_log, NULL, "calls", N_("queue_log"), 4,
     OMBUD_IN_ZONELESS},
    {NULL, NULL, NULL, NULL, 0, 0}
};

const ombud_input_kind *ombud_input_kind_find(const char *kind)
{
    for (const ombud_input_kind *k = ombud_input_kinds; kind && k->fmt; k++)
        if (!strcmp(k->fmt->kind, kind))
            return k;
    return NULL;
}

const ombud_format *ombud_format_find(const char *kind)
{
    const ombud_input_kind *k = ombud_input_kind_find(kind);

    return k ? k->fmt : NULL;
}

const char *ombud_input_label(const char *kind)
{
    const ombud_input_kind *k = ombud_input_kind_find(kind);

    if (k)
        return _(k->label);
    return kind ? kind : "";
}

int ombud_input_has(const char *kind, unsigned flags)
{
    const ombud_input_kind *k = ombud_input_kind_find(kind);

    return k && (k->flags & flags) == flags;
}

int ombud_input_offered_as(const char *option, const char *kind)
{
    const ombud_input_kind *k = ombud_input_kind_find(kind);

    if (!strcmp(option, kind))
        return 1;
    return k && k->offered_as && !strcmp(k->offered_as, option);
}

/* Does @k have an option and every flag of @flags? */
static int listed(const ombud_input_kind *k, unsigned flags)
{
    return k->option && (k->flags & flags) == flags;
}

char *ombud_input_kinds_say(unsigned flags, const char *prefix, char *buf,
                            size_t size)
{
    int n = 0, i = 0;
    size_t o = 0;

    if (size == 0)
        return buf;
    buf[0] = '\0';
    for (const ombud_input_kind *k = ombud_input_kinds; k->fmt; k++)
        n += listed(k, flags);
    for (const ombud_input_kind *k = ombud_input_kinds; k->fmt && o < size;
         k++) {
        if (!listed(k, flags))
            continue;
        i++;
        o += (size_t)snprintf(buf + o, size - o, "%s%s%s",
                              i == 1 ? "" : i == n ? " or " : ", ",
                              prefix ? prefix : "", k->option);
    }
    return buf;
}
