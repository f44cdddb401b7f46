/*
 * fields.c - small helpers the format converters share: blank handling,
 * time columns and reject reasons.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ombud/ingest.h"
#include "ombud/value.h"

/* Kept in step with OMBUD_EXCLUSION_WORDS and OMBUD_LOCATION_WORDS. */
const char *const ombud_exclusion_words[] = {
    "catastrophic", "force_majeure", "customer_caused", "no_access",
    "customer_requested_later", "planned_notified", NULL
};
const char *const ombud_location_words[] = {
    "urban", "major_rural", "minor_rural", "remote", NULL
};

const char *ombud_row_text(const ombud_row *row, int column)
{
    const char *v = row->v[column];
    return v && *v ? v : NULL;
}

ombud_err ombud_row_fail(ombud_row_reject *rej, int column, const char *fmt, ...)
{
    va_list ap;

    rej->column = column;
    va_start(ap, fmt);
    vsnprintf(rej->why, sizeof rej->why, fmt, ap);
    va_end(ap);
    return OMBUD_E_FIELD;
}

ombud_err ombud_row_time(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         int column, int required, unsigned flags,
                         int64_t *out, ombud_row_reject *rej)
{
    const char *v = ombud_row_text(row, column);

    *out = OMBUD_TIME_NONE;
    if (!v)
        return required ? ombud_row_fail(rej, column, "required time is blank")
                        : OMBUD_OK;
    rej->column = column;
    return ombud_time_parse(v, ctx->opts->tz, flags, out, rej->why,
                            sizeof rej->why);
}

ombud_err ombud_row_word(const ombud_row *row, int column,
                         const char *const *words, const char **out,
                         ombud_row_reject *rej)
{
    const char *v = ombud_row_text(row, column);
    char list[200] = "";

    *out = NULL;
    if (!v)
        return OMBUD_OK;
    for (int i = 0; words[i]; i++) {
        if (!strcasecmp(v, words[i])) {
            *out = words[i];
            return OMBUD_OK;
        }
        if (i)
            strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, words[i], sizeof list - strlen(list) - 1);
    }
    return ombud_row_fail(rej, column, "expected one of: %s", list);
}

ombud_err ombud_row_bool(const ombud_row *row, int column, int def, int *out,
                         ombud_row_reject *rej)
{
    const char *v = ombud_row_text(row, column);

    *out = def;
    if (v && ombud_bool_parse(v, out, rej->why, sizeof rej->why))
        return ombud_row_fail(rej, column, "%s", "expected yes or no");
    return OMBUD_OK;
}

ombud_err ombud_record_id_check(const ombud_record *rec, size_t i,
                                const char *name, ombud_row_reject *rej)
{
    if (i >= rec->n || ombud_text_check_as(rec->v[i], rec->len[i],
                                           OMBUD_TEXT_ID, rej->why,
                                           sizeof rej->why) == OMBUD_OK)
        return OMBUD_OK;
    rej->column = (int)i;
    rej->field = name;
    return OMBUD_E_FIELD;
}
