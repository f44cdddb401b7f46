/*
 * rules.c - the helpers every rule uses (the table of kinds: kinds.c).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/rule.h"
#include "ombud/text.h"



const ombud_drawing ombud_drawing_none = {OMBUD_CHART_NONE, NULL, NULL, 0,
                                          OMBUD_COUNTER_NONE, NULL, 0};

const ombud_months_def ombud_months_rate = {NULL, NULL, "bp", NULL};

void ombud_rate_set(const ombud_rule_ctx *ctx, int64_t num, int64_t den)
{
    if (ctx->rate)
        *ctx->rate = (ombud_rate){num, den};
}



int ombud_param_has(const ombud_param *list, const char *word)
{
    if (!list->set || !list->nlist)
        return 1;
    for (size_t i = 0; i < list->nlist; i++)
        if (word && !strcmp(list->list[i], word))
            return 1;
    return 0;
}

const ombud_calendar *ombud_param_calendar(const ombud_param *map,
                                           const char *word)
{
    for (size_t i = 0; map->cals && word && i < map->nlist; i++)
        if (!strcmp(map->list[i], word))
            return map->cals[i];
    return NULL;
}

/* Longest duration accepted: ten years. */
#define DURATION_MAX (INT64_C(3660) * 86400)

ombud_err ombud_duration_parse(const char *s, int64_t *seconds, char *why,
                               size_t wl)
{
    const char *p = s;
    int64_t total = 0;

    if (!*p) {
        snprintf(why, wl, "empty duration (use e.g. 90s, 10m, 24h, 2d)");
        return OMBUD_E_DATA;
    }
    while (*p) {
        int64_t n = 0, unit;
        if (!isdigit((unsigned char)*p))
            goto bad;
        while (isdigit((unsigned char)*p) && n <= DURATION_MAX)
            n = n * 10 + (*p++ - '0');
        switch (*p++) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 86400; break;
        case 'w': unit = 7 * 86400; break;
        default: goto bad;
        }
        if (n > DURATION_MAX || (total += n * unit) > DURATION_MAX)
            goto bad;
    }
    *seconds = total;
    return OMBUD_OK;
bad:
    snprintf(why, wl, "bad duration '%s' (use e.g. 90s, 10m, 24h, 2d or "
             "1h30m, at most 3660d)", s);
    return OMBUD_E_DATA;
}

int64_t ombud_share_bp(int64_t part, int64_t whole)
{
    /* Round half up, in integers, so figures are the same everywhere. An
     * empty whole measured nothing: not 100%, but no share at all. */
    return whole > 0 ? (part * 20000 + whole) / (2 * whole) : OMBUD_BP_NONE;
}

int ombud_leg_incomplete(const ombud_call_leg *c)
{
    return !strcmp(c->outcome, "incomplete");
}

ombud_leg_fate ombud_leg_fate_of(const ombud_call_leg *c, int64_t *wait)
{
    int answered = c->answered_at != OMBUD_TIME_NONE;

    *wait = (answered ? c->answered_at : c->ended_at) - c->arrived_at;
    if (ombud_leg_incomplete(c))
        return OMBUD_LEG_INCOMPLETE;
    if (answered)
        return OMBUD_LEG_ANSWERED;
    /* Unanswered: the ingest refused an `answered` leg with no answer, so
     * what is left is who ended the leg without a person. */
    if (!strcmp(c->outcome, "transferred"))
        return OMBUD_LEG_HANDED_ON;
    if (!strcmp(c->outcome, "abandoned"))
        return OMBUD_LEG_ABANDONED;
    return OMBUD_LEG_NO_PERSON;
}

/*
 * A leg that ended without a person before the limit measured no wait
 * worth setting against it: "no person (queue closed)", not "47 s"
 * against "10 min". A caller kept waiting past the limit keeps the wait.
 */
void ombud_breach_no_person(const ombud_call_leg *c, ombud_breach *b)
{
    int64_t code = !strcmp(c->outcome, "closed") ? OMBUD_STATE_QUEUE_CLOSED :
                   !strcmp(c->outcome, "voicemail") ? OMBUD_STATE_VOICEMAIL :
                   !strcmp(c->outcome, "ivr") ? OMBUD_STATE_IVR : 0;

    if (code && b->measured <= b->limit) {
        b->unit = "state|s";
        b->measured = code;
        b->shortfall = b->limit;
    }
}

void ombud_method_incomplete(char *method, size_t size, int64_t n)
{
    size_t len = strlen(method);

    if (n <= 0 || len + 1 >= size)
        return;
    method[len++] = ' ';
    snprintf(method + len, size - len, ombud_ngettext("%s call leg with no "
             "end in the telephony log (incomplete) was left out: neither "
             "answered nor abandoned.", "%s call legs with no end in the "
             "telephony log (incomplete) were left out: neither answered nor "
             "abandoned.", (unsigned long)n), ombud_n(n));
}

ombud_err ombud_breach_write(const ombud_rule_ctx *ctx, ombud_result *res,
                             const ombud_breach *b, const char *table,
                             int64_t row, const char *table2, int64_t row2)
{
    int64_t id;
    ombud_err err;

    if ((err = ombud_checked_add(ctx, b->subject, "the total owed",
                                 res->amount, b->amount, &res->amount)) ||
        (err = ombud_store_add_breach(ctx->store, ctx->result_id, b, &id)))
        return err;
    res->breaches++;
    if (table && (err = ombud_store_add_evidence(ctx->store, id, table, row)))
        return err;
    if (table2 && (err = ombud_store_add_evidence(ctx->store, id, table2, row2)))
        return err;
    return OMBUD_OK;
}

int ombud_param_count(const ombud_param *map, const char *word, int64_t *n)
{
    for (size_t i = 0; map->nums && word && i < map->nlist; i++)
        if (!strcmp(map->list[i], word)) {
            *n = map->nums[i];
            return 1;
        }
    return 0;
}

int ombud_excluded(const ombud_param *exclude, const char *reason)
{
    return exclude->set && reason && ombud_param_has(exclude, reason);
}

int ombud_word_in(const char *word, const char *words)
{
    while (*words) {
        size_t n = strcspn(words, "|");
        if (strlen(word) == n && !strncmp(words, word, n))
            return 1;
        words += n + (words[n] == '|');
    }
    return 0;
}

const char *ombud_exclude_check(const ombud_param *exclude)
{
    for (size_t i = 0; exclude->set && i < exclude->nlist; i++) {
        if (!ombud_word_in(exclude->list[i], OMBUD_EXCLUSION_WORDS))
            return "expected exclusion words: catastrophic, force_majeure, "
                   "customer_caused, no_access, customer_requested_later, "
                   "planned_notified";
    }
    return NULL;
}

const char *ombud_tier_check(const ombud_param *per_day,
                             const ombud_param *tier_after,
                             const ombud_param *per_day_then,
                             const char *per_day_key, const char **key)
{
    *key = "per_day_then";
    if (tier_after->num > 0 && !per_day_then->set)
        return "required when tier_after is given";
    *key = per_day_key;
    if ((tier_after->num > 0 || per_day_then->set) && !per_day->set)
        return "required when tier_after or per_day_then is given";
    return NULL;
}

void ombud_exclusions_add(ombud_exclusions *ex, const char *reason,
                          const char *id)
{
    size_t n = strlen(ex->text), size = sizeof ex->text;
    size_t need = strlen(id) + strlen(reason) + 6;

    ex->count++;
    if (n >= 3 && !strcmp(ex->text + n - 3, "..."))
        return;
    /* "R4 (catastrophic), R5 (customer_caused)", cut with "..." when full. */
    if (n + need + 4 >= size) {
        memcpy(ex->text + n, n ? ", ..." : "...", (n ? 5 : 3) + 1);
        return;
    }
    if (n)
        memcpy(ex->text + n, ", ", 3), n += 2;
    memcpy(ex->text + n, id, strlen(id)), n += strlen(id);
    memcpy(ex->text + n, " (", 2), n += 2;
    memcpy(ex->text + n, reason, strlen(reason)), n += strlen(reason);
    memcpy(ex->text + n, ")", 2);
}

char *ombud_exclusions_say(const ombud_exclusions *ex,
                           const ombud_param *exclude, char *buf, size_t size)
{
    /* The reasons in ex->text stay the words of the input's exclusion
     * column (catastrophic, no_access), as the filer wrote them. */
    if (!exclude->set)
        snprintf(buf, size, "%s", _("No exclusions applied."));
    else if (!ex->count)
        snprintf(buf, size, _("None excluded (exclude: %s)."), exclude->text);
    else
        snprintf(buf, size, ombud_ngettext("%s excluded (%s).",
                 "%s excluded (%s).", (unsigned long)ex->count),
                 ombud_n(ex->count), ex->text);
    return buf;
}

char *ombud_subject_say(const char *id, const char *account, char *buf,
                        size_t size)
{
    if (account)
        snprintf(buf, size, _("%s (account %s)"), id, account);
    else
        snprintf(buf, size, "%s", id);
    return ombud_utf8_trim(buf);
}

const char *ombud_planned_say(int64_t word)
{
    /* TRANSLATORS: how planned work is treated, after "planned work: "
     * (an outage list: "included", "excluded" or "only planned work"). */
    static const char *const words[] = {N_("included"), N_("excluded"),
                                        N_("only")};
    return word >= 0 && word < 3 ? _(words[word]) : "";
}

ombud_err ombud_tiered_amount(const ombud_rule_ctx *ctx, const char *subject,
                              int64_t days, int64_t per_day, int64_t after,
                              int64_t then, int64_t *out)
{
    static const char what[] = "the amount owed";
    int64_t first = 0, rest = 0;
    ombud_err err;

    if (days <= 0) {
        *out = 0;
        return OMBUD_OK;
    }
    if (after <= 0 || then < 0 || days <= after)
        return ombud_checked_mul(ctx, subject, what, days, per_day, out);
    if ((err = ombud_checked_mul(ctx, subject, what, after, per_day, &first)) ||
        (err = ombud_checked_mul(ctx, subject, what, days - after, then, &rest)))
        return err;
    return ombud_checked_add(ctx, subject, what, first, rest, out);
}

/* The message of a figure that would have wrapped: what, for whom, why. */
static ombud_err overflow(const ombud_rule_ctx *ctx, const char *subject,
                          const char *what, int64_t a, char op, int64_t b)
{
    return ombud_error(OMBUD_E_DATA, NULL, "[guarantee %s] %s: %s does not "
                       "fit in 64 bits (%lld %c %lld); an input row or the "
                       "guarantees file holds an absurd figure: correct it "
                       "and check again", ctx->guarantee ? ctx->guarantee : "?",
                       subject, what, (long long)a, op, (long long)b);
}

ombud_err ombud_checked_mul(const ombud_rule_ctx *ctx, const char *subject,
                            const char *what, int64_t a, int64_t b,
                            int64_t *out)
{
    int64_t r;

    if (__builtin_mul_overflow(a, b, &r))
        return overflow(ctx, subject, what, a, 'x', b);
    *out = r;
    return OMBUD_OK;
}

ombud_err ombud_checked_add(const ombud_rule_ctx *ctx, const char *subject,
                            const char *what, int64_t a, int64_t b,
                            int64_t *out)
{
    int64_t r;

    if (__builtin_add_overflow(a, b, &r))
        return overflow(ctx, subject, what, a, '+', b);
    *out = r;
    return OMBUD_OK;
}
