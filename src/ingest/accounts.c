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

static ombud_err store_row(const ombud_ingest_ctx *ctx, const ombud_row *row,
                           ombud_row_reject *rej)
{
    const char *number = ombud_row_text(row, A_NUMBER);
    const char *account = ombud_row_text(row, A_ACCOUNT);
    char digits[64];

    if (!number)
        return ombud_row_fail(rej, A_NUMBER, "caller_number is required");
    if (!account)
        return ombud_row_fail(rej, A_ACCOUNT, "account_id is required");
    if (strlen(number) >= sizeof digits ||
        !ombud_caller_digits(number, digits, sizeof digits))
        return ombud_row_fail(rej, A_NUMBER, "not a phone number (no digits, "
                              "or longer than %zu characters)",
                              sizeof digits - 1);
    return ombud_store_add_account(ctx->store, ctx->source_id, row->line,
                                   digits, account, number);
}

/* A row whose key an earlier row holds (ombud_format.dup). */
static ombud_err dup_row(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    (void)ctx;
    return ombud_row_fail(rej, A_NUMBER, OMBUD_DUP_ACCOUNT_REASON, d->key, d->first);
}

const ombud_format ombud_format_accounts = {
    "accounts", columns, A_NCOLS, store_row, NULL, NULL, NULL, dup_row,
    0, NULL, NULL
};
