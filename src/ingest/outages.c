/*
 * outages.c - outages.csv: one row per outage or trouble ticket.
 *
 * A blank account_id means the outage is area-wide; a blank restored_at
 * means it is still open. reported_at (the customer's report, where some
 * standards start the clock), exclusion (a reason the standards let a
 * carrier leave an outage out) and location_class (the CSG's community
 * size) are optional; the two word columns accept only their words, since
 * a misspelt exclusion silently kept or dropped would change a figure. Order checks catch clock or export errors that
 * would otherwise give negative durations downstream.
 */
#include "ombud/ingest.h"
#include "ombud/value.h"

enum { O_ID, O_ACCOUNT, O_AREA, O_SERVICE, O_STARTED, O_RESTORED, O_PLANNED,
       O_SCHEDULED, O_NOTIFIED, O_CUSTOMERS, O_CAUSE, O_REPORTED, O_EXCLUSION,
       O_LOCATION, O_RESTORED_N, O_NCOLS };

static const ombud_column columns[O_NCOLS] = {
    [O_ID] = {"outage_id", "id|outage|ticket|ticket_id|ticket_no|"
              "trouble_ticket|incident_id", 1},
    [O_ACCOUNT] = {"account_id", "account|account_no|account_number|"
                   "customer_id", 0},
    [O_AREA] = {"area", "region|exchange|wire_center|wire_centre", 0},
    [O_SERVICE] = {"service", "product", 0},
    [O_STARTED] = {"started_at", "start|start_time|started|outage_start|"
                   "begin|began_at", 1},
    [O_RESTORED] = {"restored_at", "restored|restore_time|end|end_time|"
                    "cleared_at|resolved_at", 0},
    [O_PLANNED] = {"planned", "is_planned", 0},
    [O_SCHEDULED] = {"scheduled_at", "scheduled_start|planned_start|"
                     "maintenance_start", 0},
    [O_NOTIFIED] = {"notified_at", "notice_at|notified|notification_at|"
                    "notification_sent_at", 0},
    [O_CUSTOMERS] = {"customers_affected", "customers|affected|"
                     "affected_customers", 0},
    [O_CAUSE] = {"cause", "reason|description", 0, 1},
    [O_REPORTED] = {"reported_at", "report_time|reported", 0},
    [O_EXCLUSION] = {"exclusion", "exclusion_reason|excluded|exempt_reason", 0},
    [O_LOCATION] = {"location_class", "location|community_class", 0},
    [O_RESTORED_N] = {"customers_restored", "restored_customers|"
                      "customers_back|step_customers", 0},
};

/*
 * Step restoration: customers_restored says how many customers this row's
 * restored_at gave power back to; the row is then a step, and the store
 * keeps the later rows of its outage_id (same started_at) as its further
 * steps instead of refusing them as duplicates.
 */
static ombud_err parse_step(const ombud_row *row, ombud_outage *o,
                            ombud_row_reject *rej)
{
    const char *v = ombud_row_text(row, O_RESTORED_N);

    o->customers_restored = 0;
    if (!v)
        return OMBUD_OK;
    if (ombud_uint_parse(v, INT64_C(1000000000), &o->customers_restored,
                         rej->why, sizeof rej->why)) {
        rej->column = O_RESTORED_N;
        return OMBUD_E_FIELD;
    }
    if (o->customers_restored == 0)
        return ombud_row_fail(rej, O_RESTORED_N, "a restoration step gives "
                              "power back to at least 1 customer (leave it "
                              "blank if the row is not a step)");
    if (o->restored_at == OMBUD_TIME_NONE)
        return ombud_row_fail(rej, O_RESTORED, "a restoration step (it has "
                              "customers_restored) needs restored_at: when "
                              "those customers got power back");
    if (ombud_row_text(row, O_CUSTOMERS) &&
        o->customers_restored > o->customers_affected)
        return ombud_row_fail(rej, O_RESTORED_N, "customers_restored is more "
                              "than customers_affected");
    return OMBUD_OK;
}

/* Parse every field; reject on the first that fails (ombud_format.convert:
 * it may run on the reader's parsing thread, so reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_outage *o = rec;
    const char *v;
    ombud_err err;

    o->outage_id = ombud_row_text(row, O_ID);
    if (!o->outage_id)
        return ombud_row_fail(rej, O_ID, "outage_id is required");
    o->account_id = ombud_row_text(row, O_ACCOUNT);
    o->area = ombud_row_text(row, O_AREA);
    o->service = ombud_row_text(row, O_SERVICE);
    o->cause = ombud_row_text(row, O_CAUSE);
    if ((err = ombud_row_time(ctx, row, O_STARTED, 1, 0, &o->started_at, rej)) ||
        (err = ombud_row_time(ctx, row, O_RESTORED, 0, 0, &o->restored_at, rej)) ||
        (err = ombud_row_time(ctx, row, O_SCHEDULED, 0, 0, &o->scheduled_at, rej)) ||
        (err = ombud_row_time(ctx, row, O_NOTIFIED, 0, 0, &o->notified_at, rej)) ||
        (err = ombud_row_time(ctx, row, O_REPORTED, 0, 0, &o->reported_at, rej)) ||
        (err = ombud_row_word(row, O_EXCLUSION, ombud_exclusion_words,
                              &o->exclusion, rej)) ||
        (err = ombud_row_word(row, O_LOCATION, ombud_location_words,
                              &o->location_class, rej)))
        return err;
    o->planned = o->scheduled_at != OMBUD_TIME_NONE;
    if ((v = ombud_row_text(row, O_PLANNED)) &&
        ombud_bool_parse(v, &o->planned, rej->why, sizeof rej->why))
        return ombud_row_fail(rej, O_PLANNED, "%s", "expected yes or no");
    o->customers_affected = 1;
    if ((v = ombud_row_text(row, O_CUSTOMERS)) &&
        ombud_uint_parse(v, INT64_C(1000000000), &o->customers_affected,
                         rej->why, sizeof rej->why)) {
        rej->column = O_CUSTOMERS;
        return OMBUD_E_FIELD;
    }
    if (o->restored_at != OMBUD_TIME_NONE && o->restored_at < o->started_at)
        return ombud_row_fail(rej, O_RESTORED, "restored before it started");
    return parse_step(row, o, rej);
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_outage(ctx->store, ctx->source_id, line, rec);
}

/* A row whose key an earlier row holds (ombud_format.dup). */
static ombud_err dup_row(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    (void)ctx;
    return ombud_row_fail(rej, O_ID, OMBUD_DUP_OUTAGE_REASON, d->first);
}

const ombud_format ombud_format_outages = {
    "outages", columns, O_NCOLS, NULL, NULL, NULL, dup_row,
    sizeof(ombud_outage), convert, store
};
