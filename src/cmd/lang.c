/*
 * lang.c - the --lang option `run`, `check`, `report` and `complaint`
 * share (the default letter of each language is the engine's).
 *
 * The language is chosen once per command, before anything is evaluated:
 * the rules write their findings' texts (breach details, measured and
 * target, method) in it, so a check is in one language, and the check
 * records which (checks.lang). `report` writes in the check's language.
 */
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"

int ombud_lang_option(const char *arg, const char *cmd, ombud_lang *out)
{
    if (ombud_lang_parse(arg, out))
        return ombud_usage_error(cmd, "--lang takes en, es, ca or he, got", arg);
    return 0;
}

ombud_err ombud_lang_apply(int given, ombud_lang opt,
                           const ombud_guarantees *gs)
{
    ombud_lang lang = OMBUD_LANG_EN;

    if (given)
        lang = opt;
    else if (gs && gs->filing.language)
        ombud_lang_parse(gs->filing.language, &lang); /* checked on load */
    return ombud_i18n_set(lang);
}
