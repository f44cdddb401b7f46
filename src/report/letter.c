/*
 * letter.c - filling a complaint letter template.
 *
 * A template is plain UTF-8 text with named placeholders, {{name}}. Every
 * placeholder must be one ombud knows and has a value for: a misspelt or
 * unknown one is an error naming it and its line, never a blank in a
 * letter sent to a regulator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/report.h"
#include "ombud/value.h"

/* The value of placeholder @name (@n bytes), or NULL if unknown. */
static const char *lookup(const ombud_letter_field *fields, int nfields,
                          const char *name, size_t n)
{
    for (int i = 0; i < nfields; i++)
        if (strlen(fields[i].name) == n && !strncmp(fields[i].name, name, n))
            return fields[i].value ? fields[i].value : "";
    return NULL;
}

/* "customer, account, ..." for the error message. */
static char *known_list(const ombud_letter_field *fields, int nfields)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; i < nfields; i++)
        g_string_append_printf(s, "%s{{%s}}", i ? ", " : "", fields[i].name);
    return g_string_free(s, FALSE);
}

ombud_err ombud_letter_fill(const char *path, const char *text,
                            const ombud_letter_field *fields, int nfields,
                            char **out)
{
    GString *s = g_string_new(NULL);
    const char *p = text;
    long line = 1;
    int errors = 0;
    char why[96];

    *out = NULL;
    if (ombud_text_check(text, strlen(text), why, sizeof why)) {
        g_string_free(s, TRUE);
        return ombud_error(OMBUD_E_DATA, NULL, "%s: %s", path, why);
    }
    while (*p) {
        const char *open = strstr(p, "{{"), *close;
        for (const char *q = p; q < (open ? open : p + strlen(p)); q++)
            line += *q == '\n';
        if (!open) {
            g_string_append(s, p);
            break;
        }
        g_string_append_len(s, p, open - p);
        close = strstr(open + 2, "}}");
        if (!close || memchr(open, '\n', (size_t)(close - open))) {
            ombud_loc loc = {path, line, 0};
            ombud_error(OMBUD_E_DATA, &loc, "'{{' without its '}}'");
            errors++;
            p = open + 2;
            continue;
        }
        {
            const char *v = lookup(fields, nfields, open + 2,
                                   (size_t)(close - open - 2));
            if (!v) {
                ombud_loc loc = {path, line, 0};
                char *known = known_list(fields, nfields);
                ombud_error(OMBUD_E_DATA, &loc, "unknown placeholder {{%.*s}} "
                            "(known: %s)", (int)(close - open - 2), open + 2,
                            known);
                g_free(known);
                errors++;
            } else {
                g_string_append(s, v);
            }
        }
        p = close + 2;
    }
    if (errors) {
        g_string_free(s, TRUE);
        return OMBUD_E_DATA;
    }
    *out = g_string_free(s, FALSE);
    return OMBUD_OK;
}
