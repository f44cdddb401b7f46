/*
 * calls.c - calls.csv: one row per call leg; legs of one call share call_id.
 *
 * A leg with a blank outcome is given one only when the row says it
 * unambiguously (answered, or answered then transferred); a leg with no
 * person and no outcome could be abandoned or closed, and guessing would
 * change a compliance figure, so it is rejected.
 */
#include "ombud/ingest.h"
#include "ombud/value.h"

enum { C_CALL, C_ACCOUNT, C_QUEUE, C_ARRIVED, C_ANSWERED, C_ENDED, C_OUTCOME,
       C_AGENT, C_TRANSFERRED, C_TICKET, C_PROMISED, C_NCOLS };

static const ombud_column columns[C_NCOLS] = {
    [C_CALL] = {"call_id", "callid|call|uniqueid|unique_id|call_ref", 1},
    [C_ACCOUNT] = {"account_id", "account|account_no|account_number|"
                   "customer_id", 0},
    [C_QUEUE] = {"queue", "queue_name|department|dept|skill", 1},
    [C_ARRIVED] = {"arrived_at", "arrived|arrival|arrival_time|start|"
                   "start_time|enter_time|queued_at", 1},
    [C_ANSWERED] = {"answered_at", "answered|answer_time|connect_time|"
                    "connected_at", 0},
    [C_ENDED] = {"ended_at", "ended|end|end_time|hangup_time|"
                 "disconnected_at", 1},
    [C_OUTCOME] = {"outcome", "status|disposition|result", 0},
    [C_AGENT] = {"agent_id", "agent|employee_id|rep|rep_id", 0},
    [C_TRANSFERRED] = {"transferred_to", "transfer_to|transfer_queue|"
                       "transferred", 0},
    [C_TICKET] = {"ticket_id", "ticket|outage_id|trouble_ticket", 0},
    [C_PROMISED] = {"promised_restore_at", "promised_restore|promise|"
                    "promised_at|promised_restoration|eta", 0},
};

/* Canonical outcomes; the stored text is always one of these. */
static const char *const outcomes[] = {"answered", "abandoned", "closed",
    "voicemail", "transferred", "ivr", NULL};

static ombud_err outcome_of(const ombud_row *row, ombud_call_leg *c,
                            ombud_row_reject *rej)
{
    const char *v = ombud_row_text(row, C_OUTCOME);
    int i;

    if (v) {
        if ((i = ombud_word_index(v, outcomes)) < 0)
            return ombud_row_fail(rej, C_OUTCOME, "unknown outcome (expected "
                                  "answered, abandoned, closed, voicemail, "
                                  "transferred or ivr)");
        c->outcome = outcomes[i];
    } else if (c->answered_at != OMBUD_TIME_NONE) {
        c->outcome = c->transferred_to ? "transferred" : "answered";
    } else {
        return ombud_row_fail(rej, C_OUTCOME, "outcome blank and nobody "
                              "answered: abandoned, closed, voicemail or ivr "
                              "cannot be told apart");
    }
    if (c->answered_at == OMBUD_TIME_NONE && c->outcome == outcomes[0])
        return ombud_row_fail(rej, C_ANSWERED, "outcome is answered but "
                              "answered_at is blank");
    return OMBUD_OK;
}

/* Times must be in order: arrived <= answered <= ended. */
static ombud_err check_order(const ombud_call_leg *c, ombud_row_reject *rej)
{
    if (c->ended_at < c->arrived_at)
        return ombud_row_fail(rej, C_ENDED, "call leg ended before it arrived");
    if (c->answered_at != OMBUD_TIME_NONE && c->answered_at < c->arrived_at)
        return ombud_row_fail(rej, C_ANSWERED, "answered before it arrived");
    if (c->answered_at != OMBUD_TIME_NONE && c->answered_at > c->ended_at)
        return ombud_row_fail(rej, C_ANSWERED, "answered after it ended");
    return OMBUD_OK;
}

/* The row as a record (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    ombud_call_leg *c = rec;
    ombud_err err;

    c->call_id = ombud_row_text(row, C_CALL);
    if (!c->call_id)
        return ombud_row_fail(rej, C_CALL, "call_id is required");
    c->queue = ombud_row_text(row, C_QUEUE);
    if (!c->queue)
        return ombud_row_fail(rej, C_QUEUE, "queue is required");
    c->account_id = ombud_row_text(row, C_ACCOUNT);
    c->agent_id = ombud_row_text(row, C_AGENT);
    c->transferred_to = ombud_row_text(row, C_TRANSFERRED);
    c->ticket_id = ombud_row_text(row, C_TICKET);
    c->lines = NULL;
    if ((err = ombud_row_time(ctx, row, C_ARRIVED, 1, 0, &c->arrived_at, rej)) ||
        (err = ombud_row_time(ctx, row, C_ANSWERED, 0, 0, &c->answered_at, rej)) ||
        (err = ombud_row_time(ctx, row, C_ENDED, 1, 0, &c->ended_at, rej)) ||
        (err = ombud_row_time(ctx, row, C_PROMISED, 0, 0,
                              &c->promised_restore_at, rej)))
        return err;
    if ((err = outcome_of(row, c, rej)))
        return err;
    return check_order(c, rej);
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    return ombud_store_add_call_leg(ctx->store, ctx->source_id, line, rec);
}

/* A row whose key an earlier row holds (ombud_format.dup). */
static ombud_err dup_row(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    (void)ctx;
    return ombud_row_fail(rej, C_CALL, OMBUD_DUP_LEG_REASON, d->first);
}

const ombud_format ombud_format_calls = {
    "calls", columns, C_NCOLS, NULL, NULL, NULL, dup_row,
    sizeof(ombud_call_leg), convert, store
};
