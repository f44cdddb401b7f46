/*
 * kinds.c - the table of rule kinds, and what is asked of a kind by name.
 *
 * Kept apart from rules.c, the helpers the rules call, so that the rules
 * use rules.c and this table uses the rules, and nothing goes both ways.
 * To add a kind: see include/ombud/rule.h.
 */
#include <string.h>

#include "ombud/i18n.h"
#include "ombud/rule.h"

const ombud_rule *const ombud_rules[] = {
    &ombud_rule_live_support, &ombud_rule_answer_time,
    &ombud_rule_restoration, &ombud_rule_commitments,
    &ombud_rule_advance_notice, &ombud_rule_customer_effort,
    &ombud_rule_outage_credit, &ombud_rule_payment_notice,
    &ombud_rule_trouble_rate, &ombud_rule_appointments,
    &ombud_rule_provisioning, &ombud_rule_reportable_outage,
    &ombud_rule_reliability, &ombud_rule_call_kpis, NULL
};

const ombud_rule *ombud_rule_find(const char *kind)
{
    for (int i = 0; kind && ombud_rules[i]; i++)
        if (!strcmp(ombud_rules[i]->kind, kind))
            return ombud_rules[i];
    return NULL;
}

const char *ombud_rule_label(const char *kind)
{
    /* A filing names what is measured, not ombud's key for it. */
    const ombud_rule *r = ombud_rule_find(kind);

    if (r)
        return _(r->label);
    return kind ? kind : "";
}

const ombud_drawing *ombud_rule_drawing(const char *kind)
{
    const ombud_rule *r = ombud_rule_find(kind);

    return r && r->draw ? r->draw : &ombud_drawing_none;
}

int ombud_guarantee_owes_money(const ombud_guarantee *g)
{
    if (g->rule == &ombud_rule_outage_credit)
        return 1;
    for (int i = 0; i < g->rule->nparams; i++)
        if (g->rule->params[i].type == OMBUD_P_MONEY && g->v[i].set)
            return 1;
    return 0;
}
