/*
 * cdr.c - Asterisk call-detail records (Master.csv) as they are written.
 *
 * No header; the layout is told by the number of columns, fixed by the
 * file's first record (research note, telephony.md section 2):
 *   16  cdr_csv defaults: accountcode, src, dst, dcontext, clid, channel,
 *       dstchannel, lastapp, lastdata, start, answer, end, duration,
 *       billsec, disposition, amaflags
 *   18  the same + uniqueid, userfield (cdr.conf.sample's loguniqueid and
 *       loguserfield)
 *   21  the same + peeraccount, linkedid, sequence (newcdrcolumns)
 *   19  cdr_custom's sample mapping, in its own order: clid, src, dst,
 *       dcontext, channel, dstchannel, lastapp, lastdata, start, answer,
 *       end, duration, billsec, disposition, amaflags, accountcode,
 *       uniqueid, userfield, sequence
 * Times are "YYYY-MM-DD HH:MM:SS" in a zone the file does not record:
 * --cdr-tz (default --tz). An unanswered call has an empty answer field.
 *
 * A CDR is stored as a record, not as a call leg: its disposition says
 * whether the channel was answered, and an IVR's Answer() before Queue()
 * already makes it ANSWERED, so it cannot tell that a person answered.
 * queue_log legs take their account (accountcode) and, when their
 * ENTERQUEUE was lost, their caller number (src) from it, by uniqueid.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/ingest.h"
#include "ombud/value.h"

/* Field index of each value in a layout; -1 when the layout lacks it. */
enum { F_ACCOUNT, F_SRC, F_DST, F_DCONTEXT, F_CHANNEL, F_DSTCHANNEL,
       F_LASTAPP, F_LASTDATA, F_START, F_ANSWER, F_END, F_DURATION,
       F_BILLSEC, F_DISPOSITION, F_UNIQUEID, F_USERFIELD, F_LINKEDID, F_N };

static const char *const names[F_N] = {"accountcode", "src", "dst",
    "dcontext", "channel", "dstchannel", "lastapp", "lastdata", "start",
    "answer", "end", "duration", "billsec", "disposition", "uniqueid",
    "userfield", "linkedid"};

typedef struct layout {
    size_t columns;
    int at[F_N];
} layout;

static const layout layouts[] = {
    {16, {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -1, -1, -1}},
    {18, {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, -1}},
    {21, {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 19}},
    {19, {15, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, -1}},
};

static const layout *layout_for(size_t n)
{
    for (size_t i = 0; i < sizeof layouts / sizeof *layouts; i++)
        if (layouts[i].columns == n)
            return &layouts[i];
    return NULL;
}

static ombud_err begin(ombud_ingest_ctx *ctx, const char *head, size_t n,
                       ombud_sniff *sniff)
{
    (void)head;
    (void)n;
    *sniff = (ombud_sniff){',', '"', 0, 0};
    ctx->state = NULL; /* the layout, once the first record fixes it */
    return OMBUD_OK;
}

static const char *text(const ombud_record *r, const layout *l, int f)
{
    int i = l->at[f];
    return i >= 0 && r->v[i][0] ? r->v[i] : NULL;
}

static ombud_err fail(ombud_row_reject *rej, const layout *l, int f,
                      const char *why)
{
    rej->column = l->at[f];
    rej->field = names[f];
    snprintf(rej->why, sizeof rej->why, "%s", why);
    return OMBUD_E_FIELD;
}

static ombud_err time_of(const ombud_ingest_ctx *ctx, const ombud_record *r,
                         const layout *l, int f, int required, int64_t *out,
                         ombud_row_reject *rej)
{
    const char *v = text(r, l, f);
    const ombud_tz *tz = ctx->opts->cdr_tz ? ctx->opts->cdr_tz : ctx->opts->tz;
    char why[160];

    *out = OMBUD_TIME_NONE;
    if (!v)
        return required ? fail(rej, l, f, "required time is blank") : OMBUD_OK;
    if (ombud_time_parse(v, tz, 0, out, why, sizeof why))
        return fail(rej, l, f, why);
    return OMBUD_OK;
}

static ombud_err seconds_of(const ombud_record *r, const layout *l, int f,
                            int64_t *out, ombud_row_reject *rej)
{
    const char *v = text(r, l, f);
    char why[160];

    *out = 0;
    if (v && ombud_uint_parse(v, INT64_C(100000000), out, why, sizeof why))
        return fail(rej, l, f, why);
    return OMBUD_OK;
}

/* The fields that name things (accounts, numbers, channels, ids) may hold
 * no bidi control; clid, lastdata and userfield are free text. */
static ombud_err id_fields(const ombud_record *r, const layout *l,
                           ombud_row_reject *rej)
{
    static const int ids[] = {F_ACCOUNT, F_SRC, F_DST, F_DCONTEXT, F_CHANNEL,
        F_DSTCHANNEL, F_LASTAPP, F_DISPOSITION, F_UNIQUEID, F_LINKEDID};
    ombud_err err;

    for (size_t k = 0; k < sizeof ids / sizeof *ids; k++)
        if (l->at[ids[k]] >= 0 &&
            (err = ombud_record_id_check(r, (size_t)l->at[ids[k]],
                                         names[ids[k]], rej)))
            return err;
    return OMBUD_OK;
}

static ombud_err store_record(ombud_ingest_ctx *ctx, const ombud_record *r,
                              ombud_row_reject *rej)
{
    const layout *l = ctx->state ? ctx->state : layout_for(r->n);
    ombud_cdr c;
    ombud_err err;

    if (!l || (ctx->state && r->n != l->columns)) {
        rej->column = -1;
        if (ctx->state)
            snprintf(rej->why, sizeof rej->why, "expected %zu fields as in "
                     "the file's first record, found %zu", l->columns, r->n);
        else
            snprintf(rej->why, sizeof rej->why, "expected 16, 18 or 21 "
                     "fields (cdr_csv) or 19 (cdr_custom), found %zu", r->n);
        return OMBUD_E_FIELD;
    }
    ctx->state = (void *)l;
    if ((err = id_fields(r, l, rej)))
        return err;
    c = (ombud_cdr){text(r, l, F_UNIQUEID), text(r, l, F_LINKEDID),
        text(r, l, F_ACCOUNT), text(r, l, F_SRC), text(r, l, F_DST),
        text(r, l, F_DCONTEXT), text(r, l, F_CHANNEL),
        text(r, l, F_DSTCHANNEL), text(r, l, F_LASTAPP),
        text(r, l, F_LASTDATA), 0, 0, 0, 0, 0, text(r, l, F_DISPOSITION),
        text(r, l, F_USERFIELD)};
    if ((err = time_of(ctx, r, l, F_START, 1, &c.start_at, rej)) ||
        (err = time_of(ctx, r, l, F_ANSWER, 0, &c.answer_at, rej)) ||
        (err = time_of(ctx, r, l, F_END, 1, &c.end_at, rej)) ||
        (err = seconds_of(r, l, F_DURATION, &c.duration, rej)) ||
        (err = seconds_of(r, l, F_BILLSEC, &c.billsec, rej)))
        return err;
    if (c.end_at < c.start_at)
        return fail(rej, l, F_END, "the call ended before it started");
    if (c.answer_at != OMBUD_TIME_NONE &&
        (c.answer_at < c.start_at || c.answer_at > c.end_at))
        return fail(rej, l, F_ANSWER, "answer is outside start..end");
    if ((err = ombud_store_add_cdr(ctx->store, ctx->source_id, r->line, &c)))
        return err;
    ctx->counts->stored++;
    return OMBUD_OK;
}

static ombud_err finish(ombud_ingest_ctx *ctx, int failed)
{
    (void)failed;
    ctx->state = NULL; /* points into layouts[]: nothing to free */
    return OMBUD_OK;
}

const ombud_format ombud_format_cdr = {
    "cdr", NULL, 0, begin, store_record, finish, NULL, 0, NULL,
    NULL
};
