/*
 * time.c - instants, zones and civil dates; the only reader of the clock.
 *
 * Instants are int64 Unix seconds. Civil-date arithmetic uses the
 * days-from-civil algorithm (proleptic Gregorian, era of 400 years), so it
 * needs no libc time functions and gives the same result everywhere.
 * Zone offsets come from GLib's GTimeZone (system tzdata).
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <stdatomic.h>
#include <glib.h>

#include "ombud/time.h"

/*
 * GLib finds an offset by scanning the zone's transitions, and ombud asks
 * for several per input row: a cache of 15-minute buckets makes that
 * O(1). A bucket is cached only when the offsets at both of its ends
 * agree; no zone changes offset twice within 15 minutes, so the whole
 * bucket then has that offset.
 *
 * A check judges customer_effort on a second thread with the same zone
 * (engine.c): a slot holds its bucket and offset in one word, read and
 * written whole (relaxed atomics, plain moves on x86-64), so that no
 * thread can see one bucket's number with another's offset.
 */
#define TZ_BUCKET 900
#define TZ_CACHE 8192
/* A slot: (bucket + TZ_BIAS) << 20 | (offset + TZ_OFF_BIAS); 0 = empty.
 * |bucket| < 2^31 (|t| <= 2^40 s), |offset| < 2^19 s (a day is 86,400). */
#define TZ_BIAS (INT64_C(1) << 31)
#define TZ_OFF_BIAS (INT64_C(1) << 19)

struct ombud_tz {
    GTimeZone *gtz;                   /* the resolved zone (reference owned) */
    char *name;                       /* name as given (owned) */
    _Atomic uint64_t cache[TZ_CACHE]; /* bucket and offset, see above */
};

/*
 * Is @name a zone of the tz database? GLib would also take POSIX rules
 * ("UTC+5", which means UTC-05:00) or silently fall back to UTC for an
 * unknown name, so the name must be a file under TZDIR (default
 * /usr/share/zoneinfo), without ".." or a leading '/'.
 */
static int is_iana_name(const char *name)
{
    const char *dir = getenv("TZDIR");
    char path[1024];
    FILE *fp;

    if (!*name || name[0] == '/' || strstr(name, "..") ||
        strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
               "0123456789/_+-") != strlen(name))
        return 0;
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir :
             "/usr/share/zoneinfo", name);
    if (!(fp = fopen(path, "rb")))
        return 0;
    /* A zone file starts with "TZif"; a directory or other file does not. */
    {
        char magic[4] = {0};
        int ok = fread(magic, 1, 4, fp) == 4 && !memcmp(magic, "TZif", 4);
        fclose(fp);
        return ok;
    }
}

ombud_err ombud_tz_open(const char *name, ombud_tz **out)
{
    GTimeZone *gtz;
    ombud_tz *tz;

    assert(name && out);
    *out = NULL;
    if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0)
        gtz = g_time_zone_new_utc();
    else if (is_iana_name(name))
        gtz = g_time_zone_new_identifier(name);
    else
        return OMBUD_E_DATA;
    if (!gtz)
        return OMBUD_E_DATA;
    tz = calloc(1, sizeof *tz);
    if (!tz || !(tz->name = strdup(name))) {
        free(tz);
        g_time_zone_unref(gtz);
        return OMBUD_E_NOMEM;
    }
    tz->gtz = gtz;
    *out = tz;
    return OMBUD_OK;
}

void ombud_tz_free(ombud_tz *tz)
{
    if (!tz)
        return;
    g_time_zone_unref(tz->gtz);
    free(tz->name);
    free(tz);
}

const char *ombud_tz_name(const ombud_tz *tz)
{
    return tz ? tz->name : "UTC";
}

/* The offset at @t, asked of GLib. */
static int32_t glib_offset(const ombud_tz *tz, int64_t t)
{
    int i = g_time_zone_find_interval(tz->gtz, G_TIME_TYPE_UNIVERSAL, t);
    return i < 0 ? 0 : g_time_zone_get_offset(tz->gtz, i);
}

int32_t ombud_tz_offset_at(const ombud_tz *tz, int64_t t)
{
    ombud_tz *m = (ombud_tz *)tz;   /* the cache is not part of the value */
    int64_t bucket, slot;
    uint64_t v;
    int32_t a, b;

    if (!tz)
        return 0;
    /* Far outside the supported years (OMBUD_TIME_NONE, INT64_MAX as
     * "never") the bucket arithmetic would overflow: ask GLib. */
    if (t < -(INT64_C(1) << 40) || t > INT64_C(1) << 40)
        return glib_offset(tz, t);
    bucket = t >= 0 ? t / TZ_BUCKET : -((-t + TZ_BUCKET - 1) / TZ_BUCKET);
    slot = ((bucket % TZ_CACHE) + TZ_CACHE) % TZ_CACHE;
    v = atomic_load_explicit(&m->cache[slot], memory_order_relaxed);
    if (v && (int64_t)(v >> 20) == bucket + TZ_BIAS)
        return (int32_t)((int64_t)(v & 0xFFFFF) - TZ_OFF_BIAS);
    a = glib_offset(tz, bucket * TZ_BUCKET);
    b = glib_offset(tz, bucket * TZ_BUCKET + TZ_BUCKET - 1);
    if (a != b || a <= -TZ_OFF_BIAS || a >= TZ_OFF_BIAS)
        return glib_offset(tz, t);
    v = (uint64_t)(bucket + TZ_BIAS) << 20 | (uint64_t)(a + TZ_OFF_BIAS);
    atomic_store_explicit(&m->cache[slot], v, memory_order_relaxed);
    return a;
}

/*
 * The offsets that can apply to a local time are the one in force a day
 * before and the one a day after (no zone changes offset twice within two
 * days). A candidate is valid when the instant it gives really has that
 * offset. Two valid candidates: overlap. None: gap.
 */
int64_t ombud_tz_local_to_utc(const ombud_tz *tz, int64_t local,
                              ombud_local_kind *kind)
{
    int32_t before = ombud_tz_offset_at(tz, local - 86400);
    int32_t after = ombud_tz_offset_at(tz, local + 86400);
    int64_t u_before = local - before, u_after = local - after;
    int ok_before = ombud_tz_offset_at(tz, u_before) == before;
    int ok_after = ombud_tz_offset_at(tz, u_after) == after;
    ombud_local_kind k = OMBUD_LOCAL_UNIQUE;
    int64_t u;

    if (ok_before && ok_after && u_before != u_after) {
        k = OMBUD_LOCAL_OVERLAP;
        u = u_before < u_after ? u_before : u_after;
    } else if (ok_before) {
        u = u_before;
    } else if (ok_after) {
        u = u_after;
    } else {
        k = OMBUD_LOCAL_GAP;
        u = u_before;
    }
    if (kind)
        *kind = k;
    return u;
}

int64_t ombud_days_from_civil(int y, int m, int d)
{
    int64_t era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int ombud_time_in_range(int64_t t)
{
    return t >= OMBUD_TIME_FIRST && t <= OMBUD_TIME_LAST;
}

/* @t, or the nearer end of the range ombud reads (ombud_time_in_range):
 * the arithmetic below is then never near int64's ends. */
static int64_t in_range(int64_t t)
{
    return t < OMBUD_TIME_FIRST ? OMBUD_TIME_FIRST
           : t > OMBUD_TIME_LAST ? OMBUD_TIME_LAST : t;
}

void ombud_civil_from_days(int64_t z, int *year, int *month, int *day)
{
    int64_t era, doe, yoe, y, doy, mp, d, m;

    /* The range's ends are midnights: its days are whole. */
    if (z < OMBUD_TIME_FIRST / 86400)
        z = OMBUD_TIME_FIRST / 86400;
    else if (z > OMBUD_TIME_LAST / 86400)
        z = OMBUD_TIME_LAST / 86400;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(y + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

int ombud_days_in_month(int year, int month)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    assert(month >= 1 && month <= 12);
    return dim[month - 1] + (month == 2 && leap);
}

/* Floor division that works for negative numerators. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void ombud_tm_from_instant(const ombud_tz *tz, int64_t t, ombud_tm *out)
{
    int32_t off;

    t = in_range(t);
    off = ombud_tz_offset_at(tz, t);
    int64_t local = t + off;
    int64_t days = floor_div(local, 86400);
    int64_t secs = local - days * 86400;

    ombud_civil_from_days(days, &out->year, &out->month, &out->day);
    out->hour = (int)(secs / 3600);
    out->min = (int)(secs / 60 % 60);
    out->sec = (int)(secs % 60);
    /* 1970-01-01 was a Thursday: ISO weekday index 3. */
    out->wday = (int)(((days % 7) + 7 + 3) % 7);
    out->utc_offset = off;
}

int64_t ombud_next_midnight(const ombud_tz *tz, int64_t t)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    return ombud_tz_local_to_utc(tz, (ombud_days_from_civil(tm.year, tm.month,
                                 tm.day) + 1) * 86400, NULL);
}

/* ---- parsing ----------------------------------------------------------- */

/* Read exactly @n digits at *p into *val; advance *p. */
static int digits(const char **p, int n, int *val)
{
    int v = 0;

    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return 0;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *val = v;
    return 1;
}

static ombud_err fail(char *why, size_t whylen, const char *msg)
{
    if (why && whylen)
        snprintf(why, whylen, "%s", msg);
    return OMBUD_E_FIELD;
}

/* Parse "+hh:mm", "+hhmm", "+hh" or "Z" at p; the whole rest must match. */
static ombud_err parse_offset(const char *p, int32_t *off, char *why, size_t wl)
{
    int sign, hh, mm = 0;

    if ((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0') {
        *off = 0;
        return OMBUD_OK;
    }
    if (*p != '+' && *p != '-')
        return fail(why, wl, "unexpected text after the time");
    sign = *p++ == '-' ? -1 : 1;
    if (!digits(&p, 2, &hh))
        return fail(why, wl, "bad UTC offset (expected +hh:mm)");
    if (*p == ':')
        p++;
    if (*p && !digits(&p, 2, &mm))
        return fail(why, wl, "bad UTC offset (expected +hh:mm)");
    if (*p)
        return fail(why, wl, "unexpected text after the UTC offset");
    if (hh > 18 || mm > 59)
        return fail(why, wl, "UTC offset out of range");
    *off = sign * (hh * 3600 + mm * 60);
    return OMBUD_OK;
}

/* Parse "hh:mm[:ss[.fff]]" at *pp into seconds of the day. */
static ombud_err parse_clock(const char **pp, int *secs, char *why, size_t wl)
{
    const char *p = *pp;
    int hh, mi, ss = 0;

    if (!digits(&p, 2, &hh) || *p++ != ':' || !digits(&p, 2, &mi))
        return fail(why, wl, "bad time of day (expected hh:mm or hh:mm:ss)");
    if (*p == ':') {
        p++;
        if (!digits(&p, 2, &ss))
            return fail(why, wl, "bad seconds (expected hh:mm:ss)");
        if (*p == '.' || *p == ',') {
            /* Fractions are truncated: instants are whole seconds. */
            p++;
            if (!isdigit((unsigned char)*p))
                return fail(why, wl, "bad fraction of a second");
            while (isdigit((unsigned char)*p))
                p++;
        }
    }
    if (hh > 23)
        return fail(why, wl, "hour out of range (00-23)");
    if (mi > 59)
        return fail(why, wl, "minute out of range (00-59)");
    if (ss > 59)
        return fail(why, wl, "second out of range (00-59)");
    *secs = hh * 3600 + mi * 60 + ss;
    *pp = p;
    return OMBUD_OK;
}

/* Parse "YYYY-MM-DD" at *pp into days since the epoch. */
static ombud_err parse_date(const char **pp, int64_t *days, char *why, size_t wl)
{
    const char *p = *pp;
    int y, m, d;
    char msg[80];

    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &m) ||
        *p++ != '-' || !digits(&p, 2, &d))
        return fail(why, wl, "not an ISO 8601 date (expected YYYY-MM-DD)");
    if (y < OMBUD_YEAR_MIN || y > OMBUD_YEAR_MAX) {
        snprintf(msg, sizeof msg, "year out of range (%d-%d)",
                 OMBUD_YEAR_MIN, OMBUD_YEAR_MAX);
        return fail(why, wl, msg);
    }
    if (m < 1 || m > 12)
        return fail(why, wl, "month out of range");
    if (d < 1 || d > ombud_days_in_month(y, m)) {
        snprintf(msg, sizeof msg, "day out of range (%04d-%02d has %d days)",
                 y, m, ombud_days_in_month(y, m));
        return fail(why, wl, msg);
    }
    *days = ombud_days_from_civil(y, m, d);
    *pp = p;
    return OMBUD_OK;
}

ombud_err ombud_date_parse(const char *s, int *year, int *month, int *day,
                           char *why, size_t whylen)
{
    const char *p = s;
    int64_t days;
    ombud_err err;

    assert(s && year && month && day);
    if ((err = parse_date(&p, &days, why, whylen)))
        return err;
    /* A date and nothing else: "2026-11-02T10:00" is a time, not a day. */
    if (*p)
        return fail(why, whylen, "not an ISO 8601 date (expected YYYY-MM-DD)");
    ombud_civil_from_days(days, year, month, day);
    return OMBUD_OK;
}

ombud_err ombud_time_parse(const char *s, const ombud_tz *tz, unsigned flags,
                           int64_t *out, char *why, size_t whylen)
{
    const char *p = s;
    int64_t days, local;
    int secs = 0;
    int32_t off;
    ombud_err err;

    assert(s && out);
    if ((err = parse_date(&p, &days, why, whylen)))
        return err;
    if (*p == '\0') {
        if (!(flags & OMBUD_TIME_DATE_OK))
            return fail(why, whylen, "time of day missing");
        *out = ombud_tz_local_to_utc(tz, days * 86400, NULL);
        return OMBUD_OK;
    }
    if (*p != 'T' && *p != 't' && *p != ' ')
        return fail(why, whylen, "unexpected text after the date");
    p++;
    if ((err = parse_clock(&p, &secs, why, whylen)))
        return err;
    local = days * 86400 + secs;
    if (*p == '\0') {
        *out = ombud_tz_local_to_utc(tz, local, NULL);
        return OMBUD_OK;
    }
    if ((err = parse_offset(p, &off, why, whylen)))
        return err;
    *out = local - off;
    return OMBUD_OK;
}

char *ombud_time_format(const ombud_tz *tz, int64_t t, char *buf, size_t size)
{
    ombud_tm tm;
    int32_t off;

    ombud_tm_from_instant(tz, t, &tm);
    off = tm.utc_offset;
    if (!tz) {
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02dZ", tm.year,
                 tm.month, tm.day, tm.hour, tm.min, tm.sec);
        return buf;
    }
    snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d %c%02d:%02d", tm.year,
             tm.month, tm.day, tm.hour, tm.min, tm.sec, off < 0 ? '-' : '+',
             abs(off) / 3600, abs(off) / 60 % 60);
    return buf;
}

/* ---- periods ------------------------------------------------------------- */

/* Local midnight starting civil day @days. */
static int64_t day_start(const ombud_tz *tz, int64_t days)
{
    return ombud_tz_local_to_utc(tz, days * 86400, NULL);
}

/* First day of month @m (may run past 12) of year @y, as a day number. */
static int64_t month_day(int y, int m)
{
    return ombud_days_from_civil(y + (m - 1) / 12, (m - 1) % 12 + 1, 1);
}

ombud_err ombud_period_parse(const char *s, const ombud_tz *tz, int64_t *from,
                             int64_t *to, char *why, size_t wl)
{
    const char *p = s, *dots = strstr(s, "..");
    int y, m, q;
    int64_t a, b;
    char first[16];

    if (dots) {
        if ((size_t)(dots - s) >= sizeof first)
            return fail(why, wl, "bad period start");
        snprintf(first, sizeof first, "%.*s", (int)(dots - s), s);
        p = first;
        if (parse_date(&p, &a, why, wl) || *p)
            return *p ? fail(why, wl, "bad period start (expected YYYY-MM-DD)")
                      : OMBUD_E_DATA;
        p = dots + 2;
        if (parse_date(&p, &b, why, wl) || *p)
            return *p ? fail(why, wl, "bad period end (expected YYYY-MM-DD)")
                      : OMBUD_E_DATA;
        if (b < a)
            return fail(why, wl, "period ends before it starts");
        *from = day_start(tz, a);
        *to = day_start(tz, b + 1);
        return OMBUD_OK;
    }
    if (!digits(&p, 4, &y) || y < OMBUD_YEAR_MIN || y > OMBUD_YEAR_MAX)
        return fail(why, wl, "bad period (use 2026, 2026-Q4, 2026-10, "
                    "2026-10-17 or 2026-10-01..2026-10-31)");
    if (!*p) {
        *from = day_start(tz, month_day(y, 1));
        *to = day_start(tz, month_day(y, 13));
        return OMBUD_OK;
    }
    if ((p[0] == '-' && (p[1] == 'Q' || p[1] == 'q')) && p[2] >= '1' &&
        p[2] <= '4' && !p[3]) {
        q = p[2] - '0';
        *from = day_start(tz, month_day(y, 3 * q - 2));
        *to = day_start(tz, month_day(y, 3 * q + 1));
        return OMBUD_OK;
    }
    if (*p++ != '-' || !digits(&p, 2, &m) || m < 1 || m > 12)
        return fail(why, wl, "bad period (use 2026, 2026-Q4, 2026-10, "
                    "2026-10-17 or 2026-10-01..2026-10-31)");
    if (!*p) {
        *from = day_start(tz, month_day(y, m));
        *to = day_start(tz, month_day(y, m + 1));
        return OMBUD_OK;
    }
    p = s;
    if (parse_date(&p, &a, why, wl))
        return OMBUD_E_DATA;
    if (*p)
        return fail(why, wl, "bad period (use 2026, 2026-Q4, 2026-10, "
                    "2026-10-17 or 2026-10-01..2026-10-31)");
    *from = day_start(tz, a);
    *to = day_start(tz, a + 1);
    return OMBUD_OK;
}

char *ombud_period_format(const ombud_tz *tz, int64_t from, int64_t to,
                          char *buf, size_t size)
{
    ombud_tm a, z;

    ombud_tm_from_instant(tz, from, &a);
    ombud_tm_from_instant(tz, to, &z);
    if (!a.hour && !a.min && !a.sec && !z.hour && !z.min && !z.sec) {
        ombud_tm_from_instant(tz, to - 1, &z);
        snprintf(buf, size, "%04d-%02d-%02d to %04d-%02d-%02d", a.year,
                 a.month, a.day, z.year, z.month, z.day);
    } else {
        snprintf(buf, size, "%04d-%02d-%02d %02d:%02d to %04d-%02d-%02d "
                 "%02d:%02d", a.year, a.month, a.day, a.hour, a.min, z.year,
                 z.month, z.day, z.hour, z.min);
    }
    return buf;
}

/* ---- clock ------------------------------------------------------------- */

static int64_t (*clock_hook)(void);

void ombud_clock_set(int64_t (*now)(void)) { clock_hook = now; }

int64_t ombud_clock_now(void)
{
    const char *sde;

    if (clock_hook)
        return clock_hook();
    sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (*end == '\0')
            return v;
    }
    return (int64_t)time(NULL);
}

void ombud_today(const ombud_tz *tz, int *year, int *month, int *day)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, ombud_clock_now(), &tm);
    *year = tm.year;
    *month = tm.month;
    *day = tm.day;
}
