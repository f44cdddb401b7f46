/*
 * letter.c - filling a complaint letter template.
 *
 * A template is plain UTF-8 text with named placeholders, {{name}}. Every
 * placeholder must be one ombud knows and has a value for: a misspelt or
 * unknown one is an error naming it and its line, never a blank in a
 * letter sent to a regulator.
 *
 * Sections say what the letter writes when a field has something to say
 * and when it has not: {{#name}}...{{/name}} is kept only when the field
 * is set (a non-empty text, and not marked off), {{^name}}...{{/name}}
 * only when it is not. So a letter with no breach writes no accusation
 * and a letter without --address prints no empty address line: the
 * template, in the reader's language, holds both wordings. A section tag
 * alone on its line takes the whole line with it, so sections leave no
 * blank lines behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/report.h"
#include "ombud/value.h"

/* Deepest nesting of sections (the default letters use two). */
#define MAX_DEPTH 8

/* The field named @name (@n bytes), or NULL if unknown. */
static const ombud_letter_field *lookup(const ombud_letter_field *fields,
                                        int nfields, const char *name, size_t n)
{
    for (int i = 0; i < nfields; i++)
        if (strlen(fields[i].name) == n && !strncmp(fields[i].name, name, n))
            return &fields[i];
    return NULL;
}

/* "{{customer}}, {{account}}, ..." for the error message. */
static char *known_list(const ombud_letter_field *fields, int nfields)
{
    GString *s = g_string_new(NULL);

    for (int i = 0; i < nfields; i++)
        g_string_append_printf(s, "%s{{%s}}", i ? ", " : "", fields[i].name);
    return g_string_free(s, FALSE);
}

static int blank(const char *a, const char *z)
{
    for (; a < z; a++)
        if (*a != ' ' && *a != '\t')
            return 0;
    return 1;
}

/* An open section: its field's name and whether its text is written. */
typedef struct section {
    const char *name;
    size_t n;
    char sigil;   /* '#' or '^' */
    long line;    /* where it opens, for the message */
    int shown;
} section;

ombud_err ombud_letter_fill(const char *path, const char *text,
                            const ombud_letter_field *fields, int nfields,
                            char **out)
{
    GString *s = g_string_new(NULL);
    section open_[MAX_DEPTH];
    const char *p = text, *bol = text;   /* bol: where p's line begins */
    long line = 1;
    int depth = 0, errors = 0, was_shown;
    char why[96];

#define SHOWN (depth == 0 || open_[depth - 1].shown)
#define FAIL(...) do { ombud_loc loc_ = {path, line, 0}; \
        ombud_error(OMBUD_E_DATA, &loc_, __VA_ARGS__); errors++; } while (0)
    *out = NULL;
    if (ombud_text_check(text, strlen(text), why, sizeof why)) {
        g_string_free(s, TRUE);
        return ombud_error(OMBUD_E_DATA, NULL, "%s: %s", path, why);
    }
    while (*p) {
        const char *open = strstr(p, "{{"), *close, *name, *eol;
        const ombud_letter_field *f;
        size_t n;
        char sigil;

        for (const char *q = p; q < (open ? open : p + strlen(p)); q++)
            if (*q == '\n')
                line++, bol = q + 1;
        if (!open) {
            if (SHOWN)
                g_string_append(s, p);
            break;
        }
        if (SHOWN)
            g_string_append_len(s, p, open - p);
        close = strstr(open + 2, "}}");
        if (!close || memchr(open, '\n', (size_t)(close - open))) {
            FAIL("'{{' without its '}}'");
            p = open + 2;
            continue;
        }
        p = close + 2;
        sigil = strchr("#^/", open[2]) ? open[2] : 0;
        name = open + 2 + (sigil != 0);
        n = (size_t)(close - name);
        f = lookup(fields, nfields, name, n);
        if (!f) {
            char *known = known_list(fields, nfields);
            FAIL("unknown placeholder {{%.*s}} (known: %s)",
                 (int)(close - open - 2), open + 2, known);
            g_free(known);
            continue;
        }
        if (!sigil) {
            if (SHOWN)
                g_string_append(s, f->value ? f->value : "");
            continue;
        }
        was_shown = SHOWN;
        if (sigil == '/') {
            if (!depth || open_[depth - 1].n != n ||
                strncmp(open_[depth - 1].name, name, n))
                FAIL("{{/%.*s}} closes no open {{#%.*s}} or {{^%.*s}}",
                     (int)n, name, (int)n, name, (int)n, name);
            else
                depth--;
        } else if (depth == MAX_DEPTH) {
            FAIL("sections nested more than %d deep", MAX_DEPTH);
        } else {
            int set = f->value && f->value[0] && !f->off;
            open_[depth] = (section){name, n, sigil, line,
                                     was_shown && (sigil == '#') == set};
            depth++;
        }
        /* A section tag alone on its line: the line goes, with its
         * indentation (written above when shown) and its line break. */
        eol = p + strcspn(p, "\n");
        if (blank(bol, open) && blank(p, eol)) {
            if (was_shown)
                g_string_truncate(s, s->len - (size_t)(open - bol));
            p = *eol ? eol + 1 : eol;
            line += *eol != 0;
            bol = p;
        }
    }
    if (depth) {
        const section *o = &open_[depth - 1];
        line = o->line;
        FAIL("{{%c%.*s}} is never closed: end it with {{/%.*s}}", o->sigil,
             (int)o->n, o->name, (int)o->n, o->name);
    }
#undef FAIL
#undef SHOWN
    if (errors) {
        g_string_free(s, TRUE);
        return OMBUD_E_DATA;
    }
    *out = g_string_free(s, FALSE);
    return OMBUD_OK;
}
