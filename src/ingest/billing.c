/*
 * billing.c - billing.csv: one row per charge, credit, payment or notice.
 *
 * Dates alone are accepted (and usual) here; they mean local midnight at
 * the start of that day in the import's zone, and period_end names the
 * last day covered (inclusive). Amounts become integer minor units with
 * the decimals of the row's currency.
 */
#include "ombud/ingest.h"
#include "ombud/value.h"

enum { B_ACCOUNT, B_KIND, B_POSTED, B_AMOUNT, B_CURRENCY, B_SERVICE,
       B_PERIOD_START, B_PERIOD_END, B_DUE, B_REFERENCE, B_DESCRIPTION,
       B_AREA, B_NCOLS };

static const ombud_column columns[B_NCOLS] = {
    [B_ACCOUNT] = {"account_id", "account|account_no|account_number|"
                   "customer_id", 1},
    [B_KIND] = {"kind", "type|event|event_type|transaction_type", 1},
    [B_POSTED] = {"posted_at", "posted|date|posting_date|posted_on|"
                  "received_at|transaction_date", 1},
    [B_AMOUNT] = {"amount", "amt|value", 0},
    [B_CURRENCY] = {"currency", "ccy|currency_code", 0},
    [B_SERVICE] = {"service", "product", 0},
    [B_PERIOD_START] = {"period_start", "period_from|service_from|from", 0},
    [B_PERIOD_END] = {"period_end", "period_to|service_to|to", 0},
    [B_DUE] = {"due_at", "due|due_date|due_on", 0},
    [B_REFERENCE] = {"reference", "ref|invoice|invoice_no|cheque|cheque_no|"
                     "check_no|document", 0},
    [B_DESCRIPTION] = {"description", "memo|text|note|narrative", 0, 1},
    /* The account's service area, so area-wide outages find their accounts. */
    [B_AREA] = {"area", "region|exchange|wire_center|wire_centre", 0},
};

static const char *const kinds[] = {"charge", "credit", "payment", "notice",
                                    NULL};

static ombud_err parse_amount(const ombud_row *row, ombud_billing *b,
                              ombud_row_reject *rej)
{
    const char *v = ombud_row_text(row, B_AMOUNT);

    b->has_amount = v != NULL;
    b->amount = 0;
    if (!v) {
        /* A notice may just point at an invoice; money rows need a sum. */
        if (b->kind != kinds[3])
            return ombud_row_fail(rej, B_AMOUNT, "amount is required for a %s",
                                  b->kind);
        return OMBUD_OK;
    }
    rej->column = B_AMOUNT;
    return ombud_amount_parse(v, ombud_currency_digits(b->currency),
                              &b->amount, rej->why, sizeof rej->why);
}

/* The row as a record (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_billing *b = rec;
    const char *v;
    int i;
    ombud_err err;

    if (!(b->account_id = ombud_row_text(row, B_ACCOUNT)))
        return ombud_row_fail(rej, B_ACCOUNT, "account_id is required");
    v = ombud_row_text(row, B_KIND);
    if (!v || (i = ombud_word_index(v, kinds)) < 0)
        return ombud_row_fail(rej, B_KIND, "kind must be charge, credit, "
                              "payment or notice");
    b->kind = kinds[i];
    b->currency = ombud_row_text(row, B_CURRENCY);
    if (!b->currency)
        b->currency = ctx->opts->currency;
    if (!ombud_currency_valid(b->currency))
        return ombud_row_fail(rej, B_CURRENCY, "currency must be an ISO 4217 "
                              "code such as USD");
    b->service = ombud_row_text(row, B_SERVICE);
    b->reference = ombud_row_text(row, B_REFERENCE);
    b->description = ombud_row_text(row, B_DESCRIPTION);
    b->area = ombud_row_text(row, B_AREA);
    if ((err = parse_amount(row, b, rej)) ||
        (err = ombud_row_time(ctx, row, B_POSTED, 1, OMBUD_TIME_DATE_OK,
                              &b->posted_at, rej)) ||
        (err = ombud_row_time(ctx, row, B_PERIOD_START, 0, OMBUD_TIME_DATE_OK,
                              &b->period_start, rej)) ||
        (err = ombud_row_time(ctx, row, B_PERIOD_END, 0, OMBUD_TIME_DATE_OK,
                              &b->period_end, rej)) ||
        (err = ombud_row_time(ctx, row, B_DUE, 0, OMBUD_TIME_DATE_OK,
                              &b->due_at, rej)))
        return err;
    if (b->period_start != OMBUD_TIME_NONE && b->period_end != OMBUD_TIME_NONE
        && b->period_end < b->period_start)
        return ombud_row_fail(rej, B_PERIOD_END, "period ends before it starts");
    return OMBUD_OK;
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_billing(ctx->store, ctx->source_id, line, rec);
}

const ombud_format ombud_format_billing = {
    "billing", columns, B_NCOLS, NULL, NULL, NULL, NULL,
    sizeof(ombud_billing), convert, store
};
