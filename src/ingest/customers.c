/*
 * customers.c - customers.csv: the customers served in each area, the
 * denominator of the electric reliability indices (IEEE 1366's N_T).
 *
 * One row per area, or several with `as_of` dates when the count changed
 * during the history the major-event method reads: a count holds from its
 * as_of (local midnight of that date; blank = always) until the next one of
 * the same area. Rows have no key: a later row for the same area and date
 * (a corrected export) is preferred by the rule, which names the row it
 * used, so no row is refused for repeating another.
 */
#include "ombud/ingest.h"
#include "ombud/value.h"

enum { U_AREA, U_SERVED, U_AS_OF, U_NCOLS };

static const ombud_column columns[U_NCOLS] = {
    [U_AREA] = {"area", "region|operating_area|district|division|county", 1},
    [U_SERVED] = {"customers_served", "customers|served|customer_count|"
                  "total_customers", 1},
    [U_AS_OF] = {"as_of", "date|as_of_date|effective_date", 0},
};

/* Most customers one area may serve: as many as an outage may affect. */
#define SERVED_MAX INT64_C(1000000000)

/* The row as a record (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_customers *c = rec;
    const char *v;

    c->area = ombud_row_text(row, U_AREA);
    if (!c->area)
        return ombud_row_fail(rej, U_AREA, "area is required");
    if (!(v = ombud_row_text(row, U_SERVED)))
        return ombud_row_fail(rej, U_SERVED, "customers_served is required");
    if (ombud_uint_parse(v, SERVED_MAX, &c->customers_served, rej->why,
                         sizeof rej->why)) {
        rej->column = U_SERVED;
        return OMBUD_E_FIELD;
    }
    return ombud_row_time(ctx, row, U_AS_OF, 0, OMBUD_TIME_DATE_OK, &c->as_of,
                          rej);
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_customers(ctx->store, ctx->source_id, line, rec);
}

const ombud_format ombud_format_customers = {
    "customers", columns, U_NCOLS, NULL, NULL, NULL, NULL,
    sizeof(ombud_customers), convert, store
};
