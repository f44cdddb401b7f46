/*
 * manifest.c - building, writing and reading the manifest line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ombud/manifest.h"

typedef struct collect { ombud_manifest *m; } collect;

/* File names go into a '|'-separated field: keep them out of the syntax. */
static void clean_name(const char *s, char *out, size_t size)
{
    size_t o = 0;

    for (; *s && o + 1 < size; s++)
        out[o++] = strchr("|;=", *s) ? '_' : *s;
    out[o] = '\0';
}

static int add_input(void *ud, const ombud_source_row *r)
{
    ombud_manifest *m = ((collect *)ud)->m;
    ombud_manifest_input *in;

    if (m->nin == OMBUD_MANIFEST_MAX_INPUTS)
        return 1;
    in = &m->in[m->nin++];
    snprintf(in->kind, sizeof in->kind, "%s", r->kind);
    clean_name(r->name, in->name, sizeof in->name);
    snprintf(in->sha256, sizeof in->sha256, "%s", r->sha256);
    in->bytes = r->bytes;
    in->read = r->counts.read;
    in->stored = r->counts.stored;
    in->rejected = r->counts.rejected;
    return 0;
}

ombud_err ombud_manifest_build(ombud_store *st, int64_t check_id,
                               ombud_manifest *m)
{
    ombud_check_info chk;
    collect c = {m};
    ombud_err err;

    memset(m, 0, sizeof *m);
    if ((err = ombud_store_check_get(st, check_id, &chk)))
        return err;
    snprintf(m->version, sizeof m->version, "%s", chk.tool_version);
    m->from = chk.from;
    m->to = chk.to;
    snprintf(m->tz, sizeof m->tz, "%s", chk.tz);
    snprintf(m->currency, sizeof m->currency, "%s", chk.currency);
    snprintf(m->lang, sizeof m->lang, "%s", chk.lang[0] ? chk.lang : "en");
    snprintf(m->guarantees_sha256, sizeof m->guarantees_sha256, "%s",
             chk.guarantees_sha256);
    if ((err = ombud_store_findings_digest(st, chk.id, m->findings_sha256)))
        return err;
    return ombud_store_each_source(st, add_input, &c);
}

char *ombud_manifest_format(const ombud_manifest *m, char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, "ombud-manifest 1; version=%s; "
                                "from=%lld; to=%lld; tz=%s; currency=%s; "
                                "guarantees=%s; findings=%s", m->version,
                                (long long)m->from, (long long)m->to, m->tz,
                                m->currency, m->guarantees_sha256,
                                m->findings_sha256);

    /* English findings keep the manifest English reports always had. */
    if (m->lang[0] && strcmp(m->lang, "en") && n < size)
        n += (size_t)snprintf(buf + n, size - n, "; lang=%s", m->lang);

    for (int i = 0; i < m->nin && n < size; i++) {
        const ombud_manifest_input *in = &m->in[i];
        n += (size_t)snprintf(buf + n, size - n, "; input=%s|%s|%s|%lld|%lld|"
                              "%lld|%lld", in->kind, in->name, in->sha256,
                              (long long)in->bytes, (long long)in->read,
                              (long long)in->stored, (long long)in->rejected);
    }
    return buf;
}

/* Copy field @i of a '|'-separated @s into @out. */
static void field(const char *s, int i, char *out, size_t size)
{
    for (; i > 0 && s; i--)
        s = strchr(s, '|') ? strchr(s, '|') + 1 : NULL;
    snprintf(out, size, "%.*s", s ? (int)strcspn(s, "|") : 0, s ? s : "");
}

static void take(ombud_manifest *m, const char *key, const char *v)
{
    char num[32];

    if (!strcmp(key, "version"))
        snprintf(m->version, sizeof m->version, "%s", v);
    else if (!strcmp(key, "from"))
        m->from = strtoll(v, NULL, 10);
    else if (!strcmp(key, "to"))
        m->to = strtoll(v, NULL, 10);
    else if (!strcmp(key, "tz"))
        snprintf(m->tz, sizeof m->tz, "%s", v);
    else if (!strcmp(key, "currency"))
        snprintf(m->currency, sizeof m->currency, "%s", v);
    else if (!strcmp(key, "guarantees"))
        snprintf(m->guarantees_sha256, sizeof m->guarantees_sha256, "%s", v);
    else if (!strcmp(key, "lang"))
        snprintf(m->lang, sizeof m->lang, "%s", v);
    else if (!strcmp(key, "findings"))
        snprintf(m->findings_sha256, sizeof m->findings_sha256, "%s", v);
    else if (!strcmp(key, "input") && m->nin < OMBUD_MANIFEST_MAX_INPUTS) {
        ombud_manifest_input *in = &m->in[m->nin++];
        field(v, 0, in->kind, sizeof in->kind);
        field(v, 1, in->name, sizeof in->name);
        field(v, 2, in->sha256, sizeof in->sha256);
        field(v, 3, num, sizeof num);
        in->bytes = strtoll(num, NULL, 10);
        field(v, 4, num, sizeof num);
        in->read = strtoll(num, NULL, 10);
        field(v, 5, num, sizeof num);
        in->stored = strtoll(num, NULL, 10);
        field(v, 6, num, sizeof num);
        in->rejected = strtoll(num, NULL, 10);
    }
}

ombud_err ombud_manifest_parse(const char *text, ombud_manifest *m)
{
    const char *p;

    memset(m, 0, sizeof *m);
    if (strncmp(text, "ombud-manifest 1", 16))
        return OMBUD_E_DATA;
    snprintf(m->lang, sizeof m->lang, "en"); /* written only when not English */
    for (p = text + 16; *p; ) {
        size_t n = strcspn(p, ";");
        char item[600], *eq;
        while (*p == ';' || *p == ' ')
            p++, n = strcspn(p, ";");
        if (!*p)
            break;
        snprintf(item, sizeof item, "%.*s", (int)n, p);
        if ((eq = strchr(item, '='))) {
            *eq = '\0';
            take(m, item, eq + 1);
        }
        p += n;
    }
    return m->findings_sha256[0] && m->guarantees_sha256[0] ? OMBUD_OK
                                                            : OMBUD_E_DATA;
}
