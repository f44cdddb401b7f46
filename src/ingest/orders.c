/*
 * orders.c - orders.csv: one row per order for new service or a
 * connection, with the date promised and the date it was done.
 *
 * promised_at may be a date alone: then the whole promised day counts
 * (the service must work by its end) and promised_all_day is set. A blank
 * completed_at means the order is still open. A completion before the
 * order, or a promise before it, is an export error and is rejected.
 */
#include <string.h>

#include "ombud/ingest.h"
#include "ombud/value.h"

enum { R_ID, R_ACCOUNT, R_SERVICE, R_AREA, R_LOCATION, R_ORDERED, R_PROMISED,
       R_COMPLETED, R_LATER, R_EXCLUSION, R_NCOLS };

static const ombud_column columns[R_NCOLS] = {
    [R_ID] = {"order_id", "order|order_no|order_number|id", 1},
    [R_ACCOUNT] = {"account_id", "account|account_no|account_number|"
                   "customer_id", 0},
    [R_SERVICE] = {"service", "product", 0},
    [R_AREA] = {"area", "region|exchange|wire_center|wire_centre", 0},
    [R_LOCATION] = {"location_class", "location|community_class", 0},
    [R_ORDERED] = {"ordered_at", "ordered|order_date|order_time|placed_at", 1},
    [R_PROMISED] = {"promised_at", "promised|promised_date|due_date|"
                    "committed_date|commitment_date", 1},
    [R_COMPLETED] = {"completed_at", "completed|completion_date|"
                     "installed_at|activated_at|connected_at", 0},
    [R_LATER] = {"customer_requested_later", "customer_requested_date|"
                 "requested_later", 0},
    [R_EXCLUSION] = {"exclusion", "exclusion_reason|excluded|exempt_reason", 0},
};

/* A date alone ("2026-10-05") rather than a time? */
static int date_only(const char *v)
{
    return strlen(v) == 10;
}

/* The row as a record (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_order *o = rec;
    const char *promised = ombud_row_text(row, R_PROMISED);
    ombud_err err;

    o->order_id = ombud_row_text(row, R_ID);
    if (!o->order_id)
        return ombud_row_fail(rej, R_ID, "order_id is required");
    o->account_id = ombud_row_text(row, R_ACCOUNT);
    o->service = ombud_row_text(row, R_SERVICE);
    o->area = ombud_row_text(row, R_AREA);
    if ((err = ombud_row_word(row, R_LOCATION, ombud_location_words,
                              &o->location_class, rej)) ||
        (err = ombud_row_time(ctx, row, R_ORDERED, 1, 0, &o->ordered_at, rej)) ||
        (err = ombud_row_time(ctx, row, R_PROMISED, 1, OMBUD_TIME_DATE_OK,
                              &o->promised_at, rej)) ||
        (err = ombud_row_time(ctx, row, R_COMPLETED, 0, 0, &o->completed_at,
                              rej)) ||
        (err = ombud_row_bool(row, R_LATER, 0, &o->customer_requested_later,
                              rej)) ||
        (err = ombud_row_word(row, R_EXCLUSION, ombud_exclusion_words,
                              &o->exclusion, rej)))
        return err;
    o->promised_all_day = date_only(promised);
    if (o->completed_at != OMBUD_TIME_NONE && o->completed_at < o->ordered_at)
        return ombud_row_fail(rej, R_COMPLETED, "completed before it was "
                              "ordered");
    /* A promised day is kept if it is the order's own day or later. */
    if ((o->promised_all_day ? ombud_next_midnight(ctx->opts->tz, o->promised_at)
                             : o->promised_at) < o->ordered_at)
        return ombud_row_fail(rej, R_PROMISED, "promised before it was ordered");
    return OMBUD_OK;
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_order(ctx->store, ctx->source_id, line, rec);
}

/* A row whose key an earlier row holds (ombud_format.dup). */
static ombud_err dup_row(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    (void)ctx;
    return ombud_row_fail(rej, R_ID, OMBUD_DUP_ORDER_REASON, d->first);
}

const ombud_format ombud_format_orders = {
    "orders", columns, R_NCOLS, NULL, NULL, NULL, dup_row,
    sizeof(ombud_order), convert, store
};
