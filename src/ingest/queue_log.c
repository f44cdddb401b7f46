/*
 * queue_log.c - the Asterisk queue_log, read as the switch writes it.
 *
 * Two forms (begin() tells them apart by the first line's first separator):
 *   file form      epoch|callid|queuename|agent|event|data1|data2|...
 *   database form  CSV with time, callid, queuename, agent, event, then
 *                  data1..data5 or one data column ('|'-separated); with a
 *                  header row (columns found by name) or without (in that
 *                  order). Times are local in --tz unless they say a zone.
 *
 * One call leg per queue stint: the events sharing callid and queue, from
 * ENTERQUEUE to the first terminal event. Lines are in no particular order
 * and repeat, and a month can hold ten million of them, so the events that
 * make legs are staged in a scratch table of the store (inside the file's
 * transaction) and the legs are built in finish() from one ordered query:
 * memory stays flat. A stint holds at most its ENTERQUEUE, one CONNECT and
 * its terminal event; anything more is counted, so no leg grows unbounded.
 *
 * Every line is stored (it is one of the lines a leg was built from, and
 * the leg names them all: "queue_log:12,15,18"), rejected (bad epoch, a
 * field that is no number where one must be, bad UTF-8...), or counted:
 * exact duplicates, agent and queue events (RINGNOANSWER, PAUSE, ...),
 * unknown events (QueueLog() can write any name), a second CONNECT in one
 * stint, a terminal event that cannot be placed in time (no ENTERQUEUE and
 * no wait time), the lines of a leg already stored from another file.
 *
 * Field layouts changed between Asterisk versions (research note
 * telephony.md, section 1.2); each event is read by its number of fields:
 * e.g. EXITWITHTIMEOUT has position only in 1.4 and position, origposition,
 * waittime from 1.8; ATTENDEDTRANSFER is read from the right.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/ingest.h"
#include "ombud/text.h"
#include "ombud/value.h"

/* Longest callid, queue, agent or event name kept; longer is rejected. */
#define MAX_NAME 200
/* Most data fields read (ATTENDEDTRANSFER has the most: 6). */
#define MAX_DATA 16
/* Latest epoch accepted: 2200-01-01, as for every other time. */
#define MAX_EPOCH INT64_C(7258118400)

/* ---- site settings ([source asterisk]) ------------------------------------------ */

/* Outcomes a site may give to an exit without a person. */
static const char *const exit_words[] = {"voicemail", "abandoned", "closed",
                                         "ivr", "transferred", NULL};

void ombud_asterisk_site_default(ombud_asterisk_site *site)
{
    memset(site, 0, sizeof *site);
    site->exitwithtimeout = "voicemail";
    snprintf(site->key[0], sizeof site->key[0], "other");
    site->key_outcome[0] = "ivr";
    site->nkeys = 1;
}

static const char *exit_word(const char *v)
{
    int i = ombud_word_index(v, exit_words);
    return i < 0 ? NULL : exit_words[i];
}

/* "1: voicemail, 2: ivr, other: ivr" */
static ombud_err parse_keys(ombud_asterisk_site *site, const char *v,
                            char *why, size_t wl)
{
    int nkeys = 0, other = 0;
    char item[64];

    while (*v) {
        size_t n = strcspn(v, ",");
        char *colon, *k, *o, *e;
        snprintf(item, sizeof item, "%.*s", (int)(n < 63 ? n : 63), v);
        v += n + (v[n] == ',');
        if (!(colon = strchr(item, ':'))) {
            snprintf(why, wl, "expected KEY: OUTCOME pairs, e.g. 1: "
                     "voicemail, 2: ivr, other: ivr; got '%s'", item);
            return OMBUD_E_DATA;
        }
        *colon = '\0';
        for (k = item; isspace((unsigned char)*k); k++)
            ;
        for (e = colon; e > k && isspace((unsigned char)e[-1]); )
            *--e = '\0';
        for (o = colon + 1; isspace((unsigned char)*o); o++)
            ;
        for (e = o + strlen(o); e > o && isspace((unsigned char)e[-1]); )
            *--e = '\0';
        if (strcmp(k, "other") &&
            (strlen(k) != 1 || !strchr("0123456789*#ABCD", *k))) {
            snprintf(why, wl, "'%s' is not a phone key (0-9, *, #, A-D) or "
                     "'other'", k);
            return OMBUD_E_DATA;
        }
        if (!exit_word(o)) {
            snprintf(why, wl, "key %s: '%s' is not one of voicemail, "
                     "abandoned, closed, ivr, transferred", k, o);
            return OMBUD_E_DATA;
        }
        for (int i = 0; i < nkeys; i++)
            if (!strcmp(site->key[i], k)) {
                snprintf(why, wl, "key %s given twice", k);
                return OMBUD_E_DATA;
            }
        if (nkeys == OMBUD_ASTERISK_MAX_KEYS) {
            snprintf(why, wl, "too many keys");
            return OMBUD_E_DATA;
        }
        other |= !strcmp(k, "other");
        snprintf(site->key[nkeys], sizeof site->key[nkeys], "%s", k);
        site->key_outcome[nkeys++] = exit_word(o);
    }
    if (!other && nkeys < OMBUD_ASTERISK_MAX_KEYS) {
        /* Keys the site did not name keep the default. */
        snprintf(site->key[nkeys], sizeof site->key[nkeys], "other");
        site->key_outcome[nkeys++] = "ivr";
    }
    site->nkeys = nkeys;
    return OMBUD_OK;
}

ombud_err ombud_asterisk_site_set(ombud_asterisk_site *site, const char *key,
                                  const char *value, char *why, size_t wl)
{
    if (!strcmp(key, "exitwithtimeout")) {
        if (!(site->exitwithtimeout = exit_word(value))) {
            site->exitwithtimeout = "voicemail";
            snprintf(why, wl, "'%s' is not one of voicemail, abandoned, "
                     "closed, ivr, transferred", value);
            return OMBUD_E_DATA;
        }
        return OMBUD_OK;
    }
    if (!strcmp(key, "exitwithkey"))
        return parse_keys(site, value, why, wl);
    snprintf(why, wl, "unknown key (expected exitwithtimeout or exitwithkey)");
    return OMBUD_E_DATA;
}

char *ombud_asterisk_site_format(const ombud_asterisk_site *site, char *buf,
                                 size_t size)
{
    ombud_asterisk_site def;
    size_t n;

    if (!site) {
        ombud_asterisk_site_default(&def);
        site = &def;
    }
    n = (size_t)snprintf(buf, size, "exitwithtimeout = %s; exitwithkey = ",
                         site->exitwithtimeout);
    for (int i = 0; i < site->nkeys && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s: %s", i ? ", " : "",
                              site->key[i], site->key_outcome[i]);
    return buf;
}

const char *ombud_asterisk_key_outcome(const ombud_asterisk_site *site,
                                       const char *key)
{
    const char *other = "ivr";

    for (int i = 0; i < site->nkeys; i++) {
        if (!strcmp(site->key[i], key))
            return site->key_outcome[i];
        if (!strcmp(site->key[i], "other"))
            other = site->key_outcome[i];
    }
    return other;
}

/* ---- events ------------------------------------------------------------------------ */

/* What an event does to a stint. */
enum { EV_ENTER, EV_CONNECT, EV_END, EV_OTHER, EV_UNKNOWN };

/* Events that end a stint, and the ones that say nothing about a call's
 * outcome (they are counted). Anything else is an unknown event. */
static const char *const end_events[] = {"COMPLETECALLER", "COMPLETEAGENT",
    "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY", "WITHDRAW",
    "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER", "JOINEMPTY",
    "JOINUNAVAIL", "FULL", "CLOSED", NULL};
static const char *const other_events[] = {"RINGNOANSWER", "RINGCANCELED",
    "AGENTDUMP", "SYSCOMPAT", "AGENTLOGIN", "AGENTLOGOFF",
    "AGENTCALLBACKLOGIN", "AGENTCALLBACKLOGOFF", "ADDMEMBER", "REMOVEMEMBER",
    "PAUSE", "UNPAUSE", "PAUSEALL", "UNPAUSEALL", "PENALTY", "RINGINUSE",
    "QUEUESTART", "CONFIGRELOAD", "DID", "INFO", NULL};

static int in_list(const char *v, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(v, list[i]))
            return 1;
    return 0;
}

static int event_class(const char *ev)
{
    if (!strcmp(ev, "ENTERQUEUE"))
        return EV_ENTER;
    if (!strcmp(ev, "CONNECT"))
        return EV_CONNECT;
    if (in_list(ev, end_events))
        return EV_END;
    return in_list(ev, other_events) ? EV_OTHER : EV_UNKNOWN;
}

/* What one event says, read from its data fields. -1: not given. */
typedef struct evinfo {
    int cls;
    int64_t hold, talk, wait;
    const char *caller;        /* ENTERQUEUE: the number, "" when withheld,
                                  NULL when the line has no such field */
    const char *key;           /* EXITWITHKEY */
    char transfer[200];        /* where a transfer went */
    int answered;              /* COMPLETE* and *TRANSFER: a person answered */
    int bad;                   /* data index of a bad field, or -1 */
    char why[160];
} evinfo;

/* A number of seconds in data field @i, or fail. */
static int seconds(evinfo *e, const char *const *d, size_t n, size_t i,
                   int64_t *out)
{
    if (i >= n)
        return 1;
    if (ombud_uint_parse(d[i], INT64_C(100000000), out, e->why, sizeof e->why)) {
        e->bad = (int)i;
        return 0;
    }
    return 1;
}

/* Fail unless there are at least @want data fields. */
static int need(evinfo *e, size_t n, size_t want, const char *ev,
                const char *what)
{
    if (n >= want)
        return 1;
    snprintf(e->why, sizeof e->why, "%s needs %s", ev, what);
    e->bad = (int)n;
    return 0;
}

/* Read an event's data by its name and number of fields. 0 on error. */
static int read_event(const char *ev, const char *const *d, size_t n,
                      evinfo *e)
{
    memset(e, 0, sizeof *e);
    e->hold = e->talk = e->wait = -1;
    e->bad = -1;
    e->cls = event_class(ev);
    if (e->cls == EV_ENTER) {
        /* url|callerid (1.4), |origposition (1.8+), |calleridname (opt.) */
        e->caller = n >= 2 ? d[1] : NULL;
        return 1;
    }
    if (e->cls == EV_CONNECT)  /* holdtime|bridged uniqueid[|ringtime] */
        return need(e, n, 1, ev, "holdtime") && seconds(e, d, n, 0, &e->hold);
    if (e->cls != EV_END)
        return 1;
    if (!strcmp(ev, "COMPLETECALLER") || !strcmp(ev, "COMPLETEAGENT")) {
        e->answered = 1;  /* holdtime|calltime|origposition */
        return need(e, n, 2, ev, "holdtime and calltime") &&
               seconds(e, d, n, 0, &e->hold) && seconds(e, d, n, 1, &e->talk);
    }
    if (!strcmp(ev, "TRANSFER") || !strcmp(ev, "BLINDTRANSFER")) {
        e->answered = 1;  /* exten|context|holdtime|calltime[|origposition] */
        snprintf(e->transfer, sizeof e->transfer, "%s@%s", n > 0 ? d[0] : "",
                 n > 1 ? d[1] : "");
        /* Shown, never a key: cut at a character (whole UTF-8 for the
         * store; PostgreSQL refused half of one). */
        ombud_utf8_trim(e->transfer);
        return need(e, n, 4, ev, "exten, context, holdtime and calltime") &&
               seconds(e, d, n, 2, &e->hold) && seconds(e, d, n, 3, &e->talk);
    }
    if (!strcmp(ev, "ATTENDEDTRANSFER")) {
        e->answered = 1;  /* METHOD|...|holdtime|calltime|origposition */
        snprintf(e->transfer, sizeof e->transfer, "attended (%s)",
                 n > 0 ? d[0] : "");
        ombud_utf8_trim(e->transfer);
        return need(e, n, 4, ev, "a method, holdtime, calltime and "
                    "origposition") &&
               seconds(e, d, n, n - 3, &e->hold) &&
               seconds(e, d, n, n - 2, &e->talk);
    }
    if (!strcmp(ev, "EXITWITHKEY")) {  /* key|position[|origpos|waittime] */
        if (!need(e, n, 1, ev, "the key pressed"))
            return 0;
        if (strlen(d[0]) != 1) {
            snprintf(e->why, sizeof e->why, "EXITWITHKEY key is not one key");
            e->bad = 0;
            return 0;
        }
        e->key = d[0];
        return n < 4 || seconds(e, d, n, 3, &e->wait);
    }
    /* ABANDON, EXITWITHTIMEOUT, EXITEMPTY, WITHDRAW: position|origposition|
     * waittime (EXITWITHTIMEOUT in 1.4: position only); JOIN*, FULL and
     * CLOSED (written by the dialplan) have none. */
    return n < 3 || seconds(e, d, n, 2, &e->wait);
}

/* The outcome a terminal event gives a leg. */
static const char *outcome_of(const ombud_asterisk_site *site, const char *ev,
                              const evinfo *e)
{
    if (!strcmp(ev, "COMPLETECALLER") || !strcmp(ev, "COMPLETEAGENT"))
        return "answered";
    if (e->answered || !strcmp(ev, "WITHDRAW"))
        return "transferred";
    if (!strcmp(ev, "ABANDON"))
        return "abandoned";
    if (!strcmp(ev, "EXITWITHTIMEOUT"))
        return site->exitwithtimeout;
    if (!strcmp(ev, "EXITWITHKEY"))
        return ombud_asterisk_key_outcome(site, e->key);
    return "closed"; /* EXITEMPTY, JOINEMPTY, JOINUNAVAIL, FULL, CLOSED */
}

/* ---- import state ------------------------------------------------------------------ */

/* Columns of the database form. */
enum { D_TIME, D_CALLID, D_QUEUE, D_AGENT, D_EVENT, D_DATA1, D_DATA5 = D_DATA1 + 4,
       D_DATA, D_N };

/* The stint being built from the ordered events. */
typedef struct stint {
    int open;
    int has_enter, has_connect;
    int64_t enter_at, connect_at, hold, last_at;
    char caller[64];
    int caller_given;          /* the ENTERQUEUE had a caller field */
    int caller_long;           /* ... too long for @caller: no number the
                                  accounts map holds (at most 63), so none
                                  is looked up for its first 63 bytes */
    char agent[MAX_NAME + 1];
    long lines[3];             /* its lines: enter, connect, end */
    int nlines;
} stint;

typedef struct qstate {
    int db_form;               /* database export (CSV), not the file form */
    long col[D_N];             /* database form: field index per column, -1 */
    ombud_asterisk_site site;
    /* counted, not legs */
    int64_t duplicates, others, unknown, strays, unplaced, dup_leg_lines;
    /* legs */
    int64_t legs, incomplete, rebuilt, withheld, no_number, unmapped,
            from_cdr, from_map, clamped;
    /* building */
    char *callid, *queue;      /* the current group (owned) */
    stint s;
    ombud_ingest_ctx *ctx;
    ombud_err err;
} qstate;

/* ---- begin: which form -------------------------------------------------------------- */

static ombud_err begin(ombud_ingest_ctx *ctx, const char *head, size_t n,
                       ombud_sniff *sniff)
{
    qstate *q = calloc(1, sizeof *q);
    size_t i = 0;

    if (!q)
        return OMBUD_E_NOMEM;
    ctx->state = q;
    q->ctx = ctx;
    if (ctx->opts->asterisk)
        q->site = *ctx->opts->asterisk;
    else
        ombud_asterisk_site_default(&q->site);
    for (int c = 0; c < D_N; c++)
        q->col[c] = -1;
    while (i < n && (head[i] == '\n' || head[i] == '\r'))
        i++;
    while (i < n && head[i] != '|' && head[i] != ',' && head[i] != '\n')
        i++;
    q->db_form = i < n && head[i] == ',';
    if (!q->db_form) {
        /* The file form has no quoting: Asterisk writes fields as they are. */
        *sniff = (ombud_sniff){'|', '"', 0, 1};
        return OMBUD_OK;
    }
    /* Database export: a header unless it starts with a time. */
    while (n && (*head == '\n' || *head == '\r' || *head == '"'))
        head++, n--;
    *sniff = (ombud_sniff){',', '"', !(n && isdigit((unsigned char)*head)), 0};
    if (!sniff->header)
        for (int c = 0; c <= D_DATA5; c++)
            q->col[c] = c;
    return OMBUD_OK;
}

/* Database form header: find the columns by name. */
static ombud_err take_header(ombud_ingest_ctx *ctx, qstate *q,
                             const ombud_record *r)
{
    static const char *const names[D_N] = {"time", "callid", "queuename",
        "agent", "event", "data1", "data2", "data3", "data4", "data5", "data"};
    ombud_loc loc = {ctx->path, r->line, 0};

    for (size_t i = 0; i < r->n; i++) {
        const char *h = r->v[i];
        int c = -1;
        for (int k = 0; k < D_N && c < 0; k++)
            if (!strcasecmp(h, names[k]))
                c = k;
        if (c < 0 && (!strcasecmp(h, "queue") || !strcasecmp(h, "queue_name")))
            c = D_QUEUE;
        if (c < 0 && (!strcasecmp(h, "call_id") || !strcasecmp(h, "uniqueid")))
            c = D_CALLID;
        if (c < 0 && (!strcasecmp(h, "timestamp") || !strcasecmp(h, "datetime")))
            c = D_TIME;
        if (c >= 0 && q->col[c] < 0)
            q->col[c] = (long)i;
    }
    for (int c = D_TIME; c <= D_EVENT; c++)
        if (q->col[c] < 0)
            return ombud_error(OMBUD_E_DATA, &loc, "not a queue_log export: "
                               "the header lacks %s (expected time, callid, "
                               "queuename, agent, event, data1..data5 or "
                               "data)", names[c]);
    return OMBUD_OK;
}

/* ---- records ----------------------------------------------------------------------- */

static ombud_err __attribute__((format(printf, 4, 5)))
reject_at(ombud_row_reject *rej, long field, const char *name,
          const char *fmt, ...)
{
    va_list ap;

    rej->column = (int)field;
    rej->field = name;
    va_start(ap, fmt);
    vsnprintf(rej->why, sizeof rej->why, fmt, ap);
    va_end(ap);
    return OMBUD_E_FIELD;
}

/* An epoch: digits only, at most 2200-01-01. */
static int parse_epoch(const char *s, int64_t *out)
{
    int64_t v = 0;

    if (!*s)
        return 0;
    for (; *s; s++) {
        if (!isdigit((unsigned char)*s) || v > MAX_EPOCH)
            return 0;
        v = v * 10 + (*s - '0');
    }
    *out = v;
    return v < MAX_EPOCH;
}

/* The record's fields as an event: where each part is, by form. */
typedef struct line_ev {
    const char *f[5];          /* callid, queue, agent, event: [1..4] */
    long fi[5];                /* their field index */
    const char *d[MAX_DATA];
    long di[MAX_DATA];
    size_t nd;
    int64_t at;
} line_ev;

static ombud_err split_record(const ombud_ingest_ctx *ctx, qstate *q,
                              const ombud_record *r, line_ev *le, char *buf,
                              size_t bufsize, ombud_row_reject *rej)
{
    static const char *const part[5] = {"time", "callid", "queuename",
                                        "agent", "event"};
    char why[160];

    if (!q->db_form) {
        if (r->n < 5)
            return reject_at(rej, -1, NULL, "expected epoch|callid|queuename|"
                             "agent|event|data..., found %zu field%s", r->n,
                             r->n == 1 ? "" : "s");
        for (int k = 0; k < 5; k++)
            le->f[k] = r->v[k], le->fi[k] = k;
        for (size_t i = 5; i < r->n && le->nd < MAX_DATA; i++)
            le->di[le->nd] = (long)i, le->d[le->nd++] = r->v[i];
        if (!parse_epoch(le->f[0], &le->at))
            return reject_at(rej, 0, "epoch", "not a time in Unix seconds "
                             "(digits only, before 2200)");
        return OMBUD_OK;
    }
    for (int k = 0; k < 5; k++) {
        long i = q->col[k];
        if (i >= (long)r->n)
            return reject_at(rej, -1, NULL, "the row has no %s field",
                             part[k]);
        le->f[k] = r->v[i], le->fi[k] = i;
    }
    if (q->col[D_DATA] >= 0 && q->col[D_DATA] < (long)r->n) {
        /* One data column holding data1|data2|...: split a copy. */
        long i = q->col[D_DATA];
        char *p = buf;
        snprintf(buf, bufsize, "%s", r->v[i]);
        while (le->nd < MAX_DATA) {
            char *bar = strchr(p, '|');
            le->di[le->nd] = i;
            le->d[le->nd++] = p;
            if (!bar)
                break;
            *bar = '\0';
            p = bar + 1;
        }
        if (le->nd == 1 && !le->d[0][0])
            le->nd = 0;
    } else {
        for (int c = D_DATA1; c <= D_DATA5; c++)
            if (q->col[c] >= 0 && q->col[c] < (long)r->n)
                le->di[le->nd] = q->col[c], le->d[le->nd++] = r->v[q->col[c]];
        /* data1..data5 are padding: the event had as many as are filled. */
        while (le->nd && !le->d[le->nd - 1][0])
            le->nd--;
    }
    if (ombud_time_parse(le->f[0], ctx->opts->tz, 0, &le->at, why, sizeof why)) {
        rej->column = (int)le->fi[0];
        rej->field = "time";
        snprintf(rej->why, sizeof rej->why, "%s", why);
        return OMBUD_E_FIELD;
    }
    return OMBUD_OK;
}

/* Split staged data back into fields (as the file form has them). */
static size_t split_data(char *data, const char **d)
{
    size_t n = 0;

    if (!*data)
        return 0;
    while (n < MAX_DATA) {
        char *bar = strchr(data, '|');
        d[n++] = data;
        if (!bar)
            break;
        *bar = '\0';
        data = bar + 1;
    }
    return n;
}

static ombud_err store_record(ombud_ingest_ctx *ctx, const ombud_record *r,
                              ombud_row_reject *rej)
{
    static const char *const part[5] = {"time", "callid", "queuename",
                                        "agent", "event"};
    qstate *q = ctx->state;
    line_ev le = {0};
    evinfo e;
    char buf[4096], data[4096];
    size_t dn = 0;
    long first = 0;
    ombud_err err;

    if (r->header)
        return take_header(ctx, q, r);
    if ((err = split_record(ctx, q, r, &le, buf, sizeof buf, rej)))
        return err;
    for (int k = 1; k < 5; k++) {
        if (strlen(le.f[k]) > MAX_NAME)
            return reject_at(rej, le.fi[k], part[k], "longer than %d bytes",
                             MAX_NAME);
        /* callid, queue, agent and event are identifiers: no bidi control */
        if ((err = ombud_record_id_check(r, (size_t)le.fi[k], part[k], rej)))
            return err;
    }
    if (!le.f[4][0])
        return reject_at(rej, le.fi[4], "event", "the event name is blank");
    if (!read_event(le.f[4], le.d, le.nd, &e))
        return reject_at(rej, e.bad >= 0 && (size_t)e.bad < le.nd ? le.di[e.bad]
                         : -1, NULL, "%s", e.why);
    if (e.cls == EV_OTHER || e.cls == EV_UNKNOWN) {
        (*(e.cls == EV_OTHER ? &q->others : &q->unknown))++;
        ctx->counts->counted++;
        return OMBUD_OK;
    }
    if (!le.f[1][0] || !strcmp(le.f[1], "NONE"))
        return reject_at(rej, le.fi[1], "callid", "%s names no call",
                         le.f[4]);
    if (!le.f[2][0] || !strcmp(le.f[2], "NONE"))
        return reject_at(rej, le.fi[2], "queuename", "%s names no queue",
                         le.f[4]);
    /* The data, joined again as the file form writes it, for the staging
     * table (it is read again when the legs are built). */
    for (size_t i = 0; i < le.nd; i++) {
        size_t len = strlen(le.d[i]);
        if (dn + len + 2 > sizeof data)
            return reject_at(rej, le.di[i], NULL, "data longer than %zu "
                             "bytes", sizeof data - 2);
        if (i)
            data[dn++] = '|';
        memcpy(data + dn, le.d[i], len);
        dn += len;
    }
    data[dn] = '\0';
    /* Check the event as the legs will read it: from the joined data split
     * again (a database field holding '|' reads as two), so that what is
     * staged always reads. */
    {
        char again[sizeof data];
        const char *d[MAX_DATA];
        memcpy(again, data, dn + 1);
        if (!read_event(le.f[4], d, split_data(again, d), &e))
            return reject_at(rej, e.bad >= 0 && (size_t)e.bad < le.nd
                             ? le.di[e.bad] : -1, NULL, "%s", e.why);
    }
    err = ombud_store_stage_event(ctx->store, &(ombud_staged_event){r->line,
        le.at, e.cls == EV_ENTER ? 0 : e.cls == EV_CONNECT ? 1 : 2, le.f[1],
        le.f[2], le.f[3], le.f[4], data}, &first);
    if (err == OMBUD_E_DUPLICATE) {
        q->duplicates++;
        ctx->counts->counted++;
        return OMBUD_OK;
    }
    return err;
}

/* ---- building legs ------------------------------------------------------------------ */

static const char *const withheld_words[] = {"anonymous", "restricted",
    "unknown", "unavailable", "private", "withheld", NULL};

/* The account the accounts map gives caller @number (NULL: the number is
 * not known) into @account, to free(), or NULL; counted by why. */
static ombud_err map_account(qstate *q, const char *number, char **account)
{
    char digits[64];
    ombud_err err;

    if (!number) {
        q->no_number++;
        return OMBUD_OK;
    }
    if (ombud_word_index(number, withheld_words) >= 0 ||
        !ombud_caller_digits(number, digits, sizeof digits)) {
        q->withheld++;
        return OMBUD_OK;
    }
    if ((err = ombud_store_account_of(q->ctx->store, digits, account)))
        return err;
    if (*account)
        q->from_map++;
    else
        q->unmapped++;
    return OMBUD_OK;
}

/* The account of a leg: CDR accountcode by uniqueid, else the number's map.
 * @account receives it whole, to free(), or NULL when it has none. */
static ombud_err find_account(qstate *q, const stint *s, char **account)
{
    char *cdr_src = NULL;
    const char *number = s->caller_given ? s->caller : NULL;
    int64_t found = 0;
    ombud_err err;

    if ((err = ombud_store_cdr_of(q->ctx->store, q->callid, account,
                                  &cdr_src, &found)))
        return err;
    if (*account) {
        free(cdr_src);
        q->from_cdr++;
        return OMBUD_OK;
    }
    /* CDRs of the call but none with a src: no number was shown, read as
     * a withheld number (as a blank ENTERQUEUE caller field is). */
    if (!number && found)
        number = cdr_src ? cdr_src : "";
    if (s->caller_long && number == s->caller) {
        q->unmapped++;
        free(cdr_src);
        return OMBUD_OK;
    }
    err = map_account(q, number, account);
    free(cdr_src);
    return err;
}

static int cmp_long(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

/* Store the leg of stint @s; its lines in file order become its evidence. */
static ombud_err store_leg(qstate *q, stint *s, ombud_call_leg *c, long line)
{
    char lines[64], *account = NULL;
    size_t n = 0;
    ombud_err err;

    qsort(s->lines, (size_t)s->nlines, sizeof *s->lines, cmp_long);
    for (int i = 0; i < s->nlines; i++)
        n += (size_t)snprintf(lines + n, sizeof lines - n, "%s%ld",
                              i ? "," : "", s->lines[i]);
    /* The account is allocated, not cut to a buffer: accounts that agree
     * on a long prefix stay apart, and no cut splits a character. */
    if ((err = find_account(q, s, &account)))
        return err;
    c->call_id = q->callid;
    c->queue = q->queue;
    c->account_id = account;
    c->lines = s->nlines > 1 ? lines : NULL;
    err = ombud_store_add_call_leg(q->ctx->store, q->ctx->source_id, line, c);
    free(account);
    if (err)
        return err;
    q->legs++;
    q->ctx->counts->stored += s->nlines;
    return OMBUD_OK;
}

/* A stint that never ended: stored as incomplete, never as abandoned. */
static ombud_err flush_incomplete(qstate *q)
{
    stint *s = &q->s;
    ombud_call_leg c = {0};

    if (!s->open)
        return OMBUD_OK;
    s->open = 0;
    c.arrived_at = s->has_enter ? s->enter_at : s->connect_at - s->hold;
    c.answered_at = s->has_connect ? s->connect_at : OMBUD_TIME_NONE;
    c.ended_at = s->last_at;
    c.outcome = "incomplete";
    c.agent_id = s->has_connect ? s->agent : NULL;
    c.promised_restore_at = OMBUD_TIME_NONE;
    if (c.arrived_at < 0)
        c.arrived_at = 0;
    q->incomplete++;
    return store_leg(q, s, &c, s->lines[0]);
}

static void start(qstate *q)
{
    memset(&q->s, 0, sizeof q->s);
    q->s.open = 1;
}

/* A terminal event: the stint becomes a leg. */
static ombud_err end_stint(qstate *q, const ombud_staged_event *ev,
                           const evinfo *e)
{
    stint *s = &q->s;
    ombud_call_leg c = {0};

    if (!s->open)
        start(q);  /* its ENTERQUEUE is in another file (rotation) */
    s->open = 0;
    s->lines[s->nlines++] = ev->line;
    c.ended_at = ev->at;
    c.outcome = outcome_of(&q->site, ev->event, e);
    c.promised_restore_at = OMBUD_TIME_NONE;
    c.answered_at = OMBUD_TIME_NONE;
    if (s->has_enter) {
        c.arrived_at = s->enter_at;
    } else if (e->wait >= 0) {
        c.arrived_at = ev->at - e->wait;
    } else if (e->hold >= 0 && e->talk >= 0) {
        c.arrived_at = ev->at - e->hold - e->talk;
    } else if (s->has_connect) {
        c.arrived_at = s->connect_at - s->hold;
    } else if (!strcmp(c.outcome, "closed") && strcmp(ev->event, "EXITEMPTY")) {
        c.arrived_at = ev->at;  /* never joined: JOINEMPTY, FULL, CLOSED... */
    } else {
        q->unplaced += s->nlines;
        q->ctx->counts->counted += s->nlines;
        return OMBUD_OK;
    }
    if (!s->has_enter && c.arrived_at != ev->at)
        q->rebuilt++;
    if (c.arrived_at < 0)
        c.arrived_at = 0;
    if (e->answered) {
        c.answered_at = s->has_connect ? s->connect_at : c.arrived_at + e->hold;
        if (c.answered_at > c.ended_at || c.answered_at < c.arrived_at) {
            c.answered_at = c.answered_at > c.ended_at ? c.ended_at : c.arrived_at;
            q->clamped++;
        }
        c.agent_id = s->has_connect ? s->agent
                     : strcmp(ev->agent, "NONE") && *ev->agent ? ev->agent : NULL;
        c.transferred_to = e->transfer[0] ? e->transfer : NULL;
    }
    return store_leg(q, s, &c, ev->line);
}

static ombud_err take_staged(qstate *q, const ombud_staged_event *ev)
{
    stint *s = &q->s;
    char data[4096];
    const char *d[MAX_DATA];
    evinfo e;
    ombud_err err;

    if (!q->callid || strcmp(q->callid, ev->callid) || strcmp(q->queue, ev->queue)) {
        if ((err = flush_incomplete(q)))
            return err;
        g_free(q->callid);
        g_free(q->queue);
        q->callid = g_strdup(ev->callid);
        q->queue = g_strdup(ev->queue);
    }
    snprintf(data, sizeof data, "%s", ev->data);
    if (!read_event(ev->event, d, split_data(data, d), &e))
        OMBUD_BUG("a staged event no longer reads");
    if (e.cls == EV_END)
        return end_stint(q, ev, &e);
    if (e.cls == EV_ENTER) {
        if ((err = flush_incomplete(q)))
            return err;
        start(q);
        s->has_enter = 1;
        s->enter_at = s->last_at = ev->at;
        s->caller_given = e.caller != NULL;
        s->caller_long = e.caller && strlen(e.caller) >= sizeof s->caller;
        snprintf(s->caller, sizeof s->caller, "%s", e.caller ? e.caller : "");
        s->lines[s->nlines++] = ev->line;
        return OMBUD_OK;
    }
    /* CONNECT */
    if (s->open && s->has_connect) {
        q->strays++;
        q->ctx->counts->counted++;
        return OMBUD_OK;
    }
    if (!s->open)
        start(q);
    s->has_connect = 1;
    s->connect_at = s->last_at = ev->at;
    s->hold = e.hold;
    snprintf(s->agent, sizeof s->agent, "%s", ev->agent);
    s->lines[s->nlines++] = ev->line;
    return OMBUD_OK;
}

static int on_staged(void *ud, const ombud_staged_event *ev)
{
    qstate *q = ud;
    return (q->err = take_staged(q, ev)) != OMBUD_OK;
}

/* "9 call legs (1 incomplete, ...); accounts: ...; counted, not legs: ..." */
static void describe(const qstate *q, char *buf, size_t size)
{
    const struct { int64_t n; const char *one, *many; } legs[] = {
        {q->incomplete, "incomplete (no terminal event)", NULL},
        {q->rebuilt, "rebuilt from its terminal event (ENTERQUEUE not in "
         "the file)", "rebuilt from their terminal events (ENTERQUEUE not "
         "in the file)"},
        {q->clamped, "with a hold time past its end", "with a hold time past "
         "their end"},
    }, accounts[] = {
        {q->from_cdr, "from the CDR", NULL},
        {q->from_map, "from the accounts map", NULL},
        {q->withheld, "caller withheld the number", "callers withheld the number"},
        {q->unmapped, "number not in the accounts map", "numbers not in the "
         "accounts map"},
        {q->no_number, "no caller number known", NULL},
    }, counted[] = {
        {q->duplicates, "duplicate line", "duplicate lines"},
        {q->others, "agent or queue event (RINGNOANSWER, PAUSE, ...)",
         "agent or queue events (RINGNOANSWER, PAUSE, ...)"},
        {q->unknown, "unknown event", "unknown events"},
        {q->strays, "second CONNECT in a stint", "second CONNECTs in a stint"},
        {q->unplaced, "line of a stint that cannot be placed in time",
         "lines of stints that cannot be placed in time"},
        {q->dup_leg_lines, "line of a leg already stored", "lines of legs "
         "already stored"},
    };
    size_t n = (size_t)snprintf(buf, size, "%lld call leg%s", (long long)q->legs,
                                q->legs == 1 ? "" : "s");
    int k = 0;

#define PART(arr, open, close) do { k = 0; \
    for (size_t i = 0; i < sizeof arr / sizeof *arr && n < size; i++) { \
        if (!arr[i].n) continue; \
        n += (size_t)snprintf(buf + n, size - n, "%s%lld %s", k++ ? ", " : open, \
                              (long long)arr[i].n, arr[i].n == 1 || !arr[i].many \
                              ? arr[i].one : arr[i].many); \
    } \
    if (k && n < size) n += (size_t)snprintf(buf + n, size - n, "%s", close); \
} while (0)
    PART(legs, ": ", "");
    PART(accounts, "; accounts: ", "");
    PART(counted, "; counted, not legs: ", "");
#undef PART
}

static ombud_err finish(ombud_ingest_ctx *ctx, int failed)
{
    qstate *q = ctx->state;
    char notes[800];
    ombud_err err = OMBUD_OK;

    if (!q)
        return OMBUD_OK;
    if (!failed) {
        int64_t dups = 0;
        /* PostgreSQL finds exact duplicates only now (SQLite: 0). */
        err = ombud_store_staged_duplicates(ctx->store, &dups);
        q->duplicates += dups;
        ctx->counts->counted += dups;
        if (!err)
            err = ombud_store_each_staged(ctx->store, on_staged, q);
        if (!err)
            err = q->err;
        if (!err)
            err = flush_incomplete(q);
        if (!err)
            err = ombud_store_clear_staged(ctx->store);
        if (!err) {
            describe(q, notes, sizeof notes);
            err = ombud_store_set_source_notes(ctx->store, ctx->source_id, notes);
            ombud_info("%s: %s", ctx->path, notes);
        }
    }
    g_free(q->callid);
    g_free(q->queue);
    free(q);
    ctx->state = NULL;
    return err;
}

/*
 * A leg whose key a stored leg holds: the same stint in an overlapping
 * file already imported. Its lines are counted, not rejected. (Told as
 * the leg is added, before the leg is counted: take it back out.)
 */
static ombud_err dup_leg(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                         ombud_row_reject *rej)
{
    qstate *q = ctx->state;

    (void)rej;
    q->dup_leg_lines += d->lines;
    q->legs--;
    ctx->counts->counted += d->lines;
    return OMBUD_OK;
}

const ombud_format ombud_format_queue_log = {
    "queue_log", NULL, 0, begin, store_record, finish, dup_leg,
    0, NULL, NULL
};
