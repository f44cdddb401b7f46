/*
 * manifest.c - building, writing and reading the manifest line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "ombud/manifest.h"

typedef struct collect { ombud_manifest *m; } collect;

/*
 * Percent-encode @s onto @out: the syntax characters, controls and every
 * byte past ASCII, so the line reads the same in every container and a
 * value can never end its field or start another.
 */
static void put_escaped(GString *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p >= 0x7f || strchr("%;|=", *p))
            g_string_append_printf(out, "%%%02X", *p);
        else
            g_string_append_c(out, (char)*p);
    }
}

/* Undo put_escaped() from @s into @out (at most @size - 1 bytes). */
static void unescape(const char *s, char *out, size_t size)
{
    size_t o = 0;

    for (; *s && o + 1 < size; s++) {
        if (*s == '%' && g_ascii_isxdigit(s[1]) && g_ascii_isxdigit(s[2])) {
            out[o++] = (char)(g_ascii_xdigit_value(s[1]) * 16 +
                              g_ascii_xdigit_value(s[2]));
            s += 2;
        } else {
            out[o++] = *s;
        }
    }
    out[o] = '\0';
}

/* The value of "key = value" in a source's settings ("a = 1; b = 2"). */
static void setting(const char *settings, const char *key, char *out,
                    size_t size)
{
    size_t kl = strlen(key);

    out[0] = '\0';
    for (const char *p = settings; p && *p; ) {
        while (*p == ' ' || *p == ';')
            p++;
        if (!strncmp(p, key, kl) && !strncmp(p + kl, " = ", 3)) {
            p += kl + 3;
            snprintf(out, size, "%.*s", (int)strcspn(p, ";"), p);
            return;
        }
        p = strchr(p, ';');
    }
}

static int add_input(void *ud, const ombud_source_row *r)
{
    ombud_manifest *m = ((collect *)ud)->m;
    ombud_manifest_input *in;

    if (m->nin == OMBUD_MANIFEST_MAX_INPUTS)
        return 1;
    in = &m->in[m->nin++];
    snprintf(in->kind, sizeof in->kind, "%s", r->kind);
    snprintf(in->name, sizeof in->name, "%s", r->name);
    snprintf(in->sha256, sizeof in->sha256, "%s", r->sha256);
    snprintf(in->path, sizeof in->path, "%s", r->path);
    snprintf(in->tz, sizeof in->tz, "%s", r->tz ? r->tz : "");
    in->bytes = r->bytes;
    in->read = r->counts.read;
    in->stored = r->counts.stored;
    in->rejected = r->counts.rejected;
    setting(r->settings, "profile_sha256", in->profile_sha256,
            sizeof in->profile_sha256);
    setting(r->settings, "profile", in->profile, sizeof in->profile);
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
    snprintf(m->allow, sizeof m->allow, "%s", chk.allow_incomplete ? "1" : "");
    snprintf(m->guarantees_sha256, sizeof m->guarantees_sha256, "%s",
             chk.guarantees_sha256);
    snprintf(m->gpath, sizeof m->gpath, "%s", chk.guarantees);
    if ((err = ombud_store_findings_digest(st, chk.id, m->findings_sha256)))
        return err;
    return ombud_store_each_source(st, add_input, &c);
}

/* "; key=value" with the value escaped, when there is a value. */
static void put_kv(GString *g, const char *key, const char *v)
{
    if (!v[0])
        return;
    g_string_append_printf(g, "; %s=", key);
    put_escaped(g, v);
}

char *ombud_manifest_format(const ombud_manifest *m, char *buf, size_t size)
{
    GString *g = g_string_new(NULL);
    int fits;

    g_string_printf(g, "ombud-manifest 1; version=%s; from=%lld; to=%lld; "
                    "tz=%s; currency=%s; guarantees=%s; findings=%s",
                    m->version, (long long)m->from, (long long)m->to, m->tz,
                    m->currency, m->guarantees_sha256, m->findings_sha256);
    /* English findings keep the manifest English reports always had. */
    if (m->lang[0] && strcmp(m->lang, "en"))
        g_string_append_printf(g, "; lang=%s", m->lang);
    /* Only when given, so other reports keep the manifest they had. */
    put_kv(g, "allow", m->allow);
    put_kv(g, "doc", m->doc);
    put_kv(g, "paper", m->paper);
    put_kv(g, "gpath", m->gpath);
    put_kv(g, "account", m->account);
    put_kv(g, "customer", m->customer);
    put_kv(g, "ask", m->ask);
    put_kv(g, "letter", m->letter);
    put_kv(g, "date", m->date);
    /* Written only when given, so that dossiers without them keep the
     * manifest they always had. */
    put_kv(g, "address", m->address);
    put_kv(g, "service_address", m->service_address);
    put_kv(g, "tried", m->tried);
    put_kv(g, "history", m->history);
    for (int i = 0; i < m->nin; i++) {
        const ombud_manifest_input *in = &m->in[i];
        g_string_append_printf(g, "; input=%s|", in->kind);
        put_escaped(g, in->name);
        g_string_append_printf(g, "|%s|%lld|%lld|%lld|%lld|", in->sha256,
                               (long long)in->bytes, (long long)in->read,
                               (long long)in->stored, (long long)in->rejected);
        put_escaped(g, in->path);
        g_string_append_c(g, '|');
        put_escaped(g, in->tz);
        if (in->profile_sha256[0]) {
            g_string_append_printf(g, "|%s|", in->profile_sha256);
            put_escaped(g, in->profile);
        }
    }
    fits = g->len < size;
    if (fits)
        memcpy(buf, g->str, g->len + 1);
    g_string_free(g, TRUE);
    return fits ? buf : NULL;
}

/* Copy field @i of a '|'-separated @s into @out. */
static void field(const char *s, int i, char *out, size_t size)
{
    char raw[4096];

    for (; i > 0 && s; i--)
        s = strchr(s, '|') ? strchr(s, '|') + 1 : NULL;
    snprintf(raw, sizeof raw, "%.*s", s ? (int)strcspn(s, "|") : 0, s ? s : "");
    unescape(raw, out, size);
}

/* The text values a writer records, by key. */
static char *text_slot(ombud_manifest *m, const char *key, size_t *size)
{
#define SLOT(k, f) if (!strcmp(key, k)) return *size = sizeof m->f, m->f
    SLOT("allow", allow);
    SLOT("doc", doc);
    SLOT("paper", paper);
    SLOT("gpath", gpath);
    SLOT("account", account);
    SLOT("customer", customer);
    SLOT("ask", ask);
    SLOT("letter", letter);
    SLOT("address", address);
    SLOT("service_address", service_address);
    SLOT("tried", tried);
    SLOT("date", date);
    SLOT("history", history);
#undef SLOT
    return NULL;
}

static void take(ombud_manifest *m, const char *key, const char *v)
{
    char num[32], *slot;
    size_t size;

    if ((slot = text_slot(m, key, &size)))
        unescape(v, slot, size);
    else if (!strcmp(key, "version"))
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
        field(v, 7, in->path, sizeof in->path);
        field(v, 8, in->tz, sizeof in->tz);
        field(v, 9, in->profile_sha256, sizeof in->profile_sha256);
        field(v, 10, in->profile, sizeof in->profile);
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
        char item[16384], *eq;
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
