/*
 * fields.c - small helpers the format converters share: blank handling,
 * time columns and reject reasons.
 */
#include <stdarg.h>
#include <stdio.h>

#include "ombud/ingest.h"

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
