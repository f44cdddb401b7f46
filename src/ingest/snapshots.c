/*
 * snapshots.c - snapshots.csv: customers out per area at an instant, as
 * a public feed publishes them (EAGLE-I: per county, every 15 minutes).
 *
 * The reliability rule estimates customer-minutes from them beside the
 * utility's own records, as a cross-check; nothing is judged on them.
 * Rows have no key: a feed may repeat an instant (two utilities of one
 * county, a re-run), and the rule, not the reader, decides what a repeat
 * means. A time is required (a snapshot is nothing without its instant);
 * the count is a whole number, never negative. EAGLE-I's own layout
 * (fips_code, county, state, customers_out, run_start_time, in UTC)
 * comes in through templates/profiles/eagle-i-snapshots.ini.
 */
#include "ombud/ingest.h"
#include "ombud/value.h"

enum { N_AREA, N_AT, N_OUT, N_NCOLS };

static const ombud_column columns[N_NCOLS] = {
    [N_AREA] = {"area", "county|region|fips_code|fips|operating_area|"
                "district|division", 1},
    [N_AT] = {"at", "run_start_time|timestamp|time|recorded_at|"
              "snapshot_time|as_of", 1},
    [N_OUT] = {"customers_out", "out|sum|customers_without_power",
               1},
};

/* Most customers one snapshot may count out: as many as an area serves. */
#define OUT_MAX INT64_C(1000000000)

/* The row as a record (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_snapshot *n = rec;
    const char *v;
    ombud_err err;

    n->area = ombud_row_text(row, N_AREA);
    if (!n->area)
        return ombud_row_fail(rej, N_AREA, "area is required");
    if ((err = ombud_row_time(ctx, row, N_AT, 1, 0, &n->at, rej)))
        return err;
    if (!(v = ombud_row_text(row, N_OUT)))
        return ombud_row_fail(rej, N_OUT, "customers_out is required");
    /* Said apart from "not a whole number": a negative count is a feed's
     * error, worth naming as such. */
    if (v[0] == '-')
        return ombud_row_fail(rej, N_OUT, "a negative count");
    if (ombud_uint_parse(v, OUT_MAX, &n->customers_out, rej->why,
                         sizeof rej->why)) {
        rej->column = N_OUT;
        return OMBUD_E_FIELD;
    }
    return OMBUD_OK;
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_snapshot(ctx->store, ctx->source_id, line, rec);
}

const ombud_format ombud_format_snapshots = {
    "snapshots", columns, N_NCOLS, NULL, NULL, NULL, NULL,
    sizeof(ombud_snapshot), convert, store
};
