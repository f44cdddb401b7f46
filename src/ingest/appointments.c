/*
 * appointments.c - appointments.csv: one row per booked engineer
 * appointment (the window promised to the customer, and what happened).
 *
 * A blank arrived_at means the engineer never came. A cancellation needs
 * both when (cancelled_at) and by whom (cancelled_by): the standards judge
 * a provider's cancellation by its notice and excuse a customer's, so one
 * without the other cannot be judged and is rejected rather than guessed.
 */
#include "ombud/ingest.h"
#include "ombud/value.h"

enum { A_ID, A_ACCOUNT, A_REFERENCE, A_KIND, A_BOOKED, A_START, A_END,
       A_ARRIVED, A_CANCELLED, A_CANCELLED_BY, A_ABSENT, A_NCOLS };

static const ombud_column columns[A_NCOLS] = {
    [A_ID] = {"appointment_id", "appointment|appt_id|booking_id|visit_id", 1},
    [A_ACCOUNT] = {"account_id", "account|account_no|account_number|"
                   "customer_id", 0},
    [A_REFERENCE] = {"reference", "ticket_id|order_id|ticket|ref", 0},
    [A_KIND] = {"kind", "type|appointment_type|visit_type", 0},
    [A_BOOKED] = {"booked_at", "booked|booking_time|made_at", 0},
    [A_START] = {"window_start", "slot_start|window_from|start", 1},
    [A_END] = {"window_end", "slot_end|window_to|end", 1},
    [A_ARRIVED] = {"arrived_at", "arrived|arrival|arrival_time|onsite_at", 0},
    [A_CANCELLED] = {"cancelled_at", "canceled_at|cancelled|cancellation_at", 0},
    [A_CANCELLED_BY] = {"cancelled_by", "canceled_by|cancellation_by", 0},
    [A_ABSENT] = {"customer_absent", "no_access|customer_not_home|absent", 0},
};

static const char *const kinds[] = {"repair", "install", NULL};
static const char *const parties[] = {"provider", "customer", NULL};

/* The row as a record (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_appointment *a = rec;
    ombud_err err;

    a->appointment_id = ombud_row_text(row, A_ID);
    if (!a->appointment_id)
        return ombud_row_fail(rej, A_ID, "appointment_id is required");
    a->account_id = ombud_row_text(row, A_ACCOUNT);
    a->reference = ombud_row_text(row, A_REFERENCE);
    if ((err = ombud_row_word(row, A_KIND, kinds, &a->kind, rej)) ||
        (err = ombud_row_time(ctx, row, A_BOOKED, 0, 0, &a->booked_at, rej)) ||
        (err = ombud_row_time(ctx, row, A_START, 1, 0, &a->window_start, rej)) ||
        (err = ombud_row_time(ctx, row, A_END, 1, 0, &a->window_end, rej)) ||
        (err = ombud_row_time(ctx, row, A_ARRIVED, 0, 0, &a->arrived_at, rej)) ||
        (err = ombud_row_time(ctx, row, A_CANCELLED, 0, 0, &a->cancelled_at,
                              rej)) ||
        (err = ombud_row_word(row, A_CANCELLED_BY, parties, &a->cancelled_by,
                              rej)) ||
        (err = ombud_row_bool(row, A_ABSENT, 0, &a->customer_absent, rej)))
        return err;
    if (a->window_end <= a->window_start)
        return ombud_row_fail(rej, A_END, "window ends before it starts");
    if (a->cancelled_at != OMBUD_TIME_NONE && !a->cancelled_by)
        return ombud_row_fail(rej, A_CANCELLED_BY, "required when cancelled_at "
                              "is given (provider or customer)");
    if (a->cancelled_by && a->cancelled_at == OMBUD_TIME_NONE)
        return ombud_row_fail(rej, A_CANCELLED, "required when cancelled_by "
                              "is given (the notice given counts)");
    return OMBUD_OK;
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_appointment(ctx->store, ctx->source_id, line, rec);
}

/* A row whose key an earlier row holds (ombud_format.dup). */
static ombud_err dup_row(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    (void)ctx;
    return ombud_row_fail(rej, A_ID, OMBUD_DUP_APPOINTMENT_REASON, d->first);
}

const ombud_format ombud_format_appointments = {
    "appointments", columns, A_NCOLS, NULL, NULL, NULL, dup_row,
    sizeof(ombud_appointment), convert, store
};
