/*
 * accounts.c - accounts.csv: which account a caller number belongs to.
 *
 * A telephony log names the caller's number, never the account; this map
 * (caller_number,account_id) supplies it. Numbers are compared by their
 * digits only, so "+1 (555) 010-0001" and "15550100001" are one number;
 * a number mapped twice is rejected (which account would be right?).
 */
#include <ctype.h>
#include <string.h>

#include "ombud/ingest.h"

enum { A_NUMBER, A_ACCOUNT, A_NCOLS };

static const ombud_column columns[A_NCOLS] = {
    [A_NUMBER] = {"caller_number", "number|phone|phone_number|callerid|"
                  "caller_id|cli|ani|src", 1},
    [A_ACCOUNT] = {"account_id", "account|account_no|account_number|"
                   "customer_id", 1},
};

int ombud_caller_digits(const char *s, char *out, size_t size)
{
    size_t n = 0;

    for (; s && *s && n + 1 < size; s++)
        if (isdigit((unsigned char)*s))
            out[n++] = *s;
    out[n] = '\0';
    return n > 0;
}

/* A row as the store takes it: the number by its digits, and as given. */
typedef struct mapping {
    char digits[64];
    const char *account;
    const char *number;
} mapping;

/* The row as a mapping (ombud_format.convert: it may run on the reader's
 * parsing thread, so it reads only ctx->opts). */
static ombud_err convert(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej)
{
    mapping *m = rec;

    (void)ctx;
    m->number = ombud_row_text(row, A_NUMBER);
    m->account = ombud_row_text(row, A_ACCOUNT);
    if (!m->number)
        return ombud_row_fail(rej, A_NUMBER, "caller_number is required");
    if (!m->account)
        return ombud_row_fail(rej, A_ACCOUNT, "account_id is required");
    if (strlen(m->number) >= sizeof m->digits ||
        !ombud_caller_digits(m->number, m->digits, sizeof m->digits))
        return ombud_row_fail(rej, A_NUMBER, "not a phone number (no digits, "
                              "or longer than %zu characters)",
                              sizeof m->digits - 1);
    return OMBUD_OK;
}

static ombud_err store(const ombud_ingest_ctx *ctx, long line,
                       const void *rec)
{
    const mapping *m = rec;

    return ombud_store_add_account(ctx->store, ctx->source_id, line,
                                   m->digits, m->account, m->number);
}

/* A row whose key an earlier row holds (ombud_format.dup). */
static ombud_err dup_row(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    (void)ctx;
    return ombud_row_fail(rej, A_NUMBER, OMBUD_DUP_ACCOUNT_REASON, d->key, d->first);
}

const ombud_format ombud_format_accounts = {
    "accounts", columns, A_NCOLS, NULL, NULL, NULL, dup_row,
    sizeof(mapping), convert, store
};
