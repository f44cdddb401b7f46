/*
 * calendar.c - opening hours, holidays and working time between instants.
 *
 * Key decisions:
 *
 * - Every question is answered through one mapping from a local wall-clock
 *   time to an instant (wall_instant below). A range "08:00-20:00" on a
 *   local day becomes the instant interval [wall(08:00), wall(20:00)), and
 *   24:00 is simply 00:00 of the next local day, so 00:00-24:00 ranges of
 *   consecutive days tile time with no gap or overlap, DST nights included
 *   (a spring-forward day holds 23 h, a fall-back day 25 h).
 *
 * - is_open() is defined by those same intervals, not by comparing the
 *   wall clock with the ranges. The two agree except in a fall-back
 *   overlap, where a wall time occurs twice; using the intervals keeps
 *   is_open() and open_seconds() exactly consistent (open_seconds is the
 *   measure of the instants where is_open holds), which the rules rely on.
 *
 * - A wall time skipped by a spring-forward gap maps to the instant of the
 *   change (the first instant whose wall clock is at or past it), not
 *   shifted by the gap as ombud_tz_local_to_utc() does for event times. A
 *   shop "open from 02:30" opens at 03:00 on that night, and the mapping
 *   stays monotonic, so ranges of one day can never overlap as instants.
 *
 * - Parsing works on a copy and commits only on success: a bad spec
 *   leaves the calendar as it was. Touching ranges (12:00-13:00 13:00-14:00)
 *   are merged; overlapping ones are an error, since they are almost
 *   always a typo and would otherwise count the same hour twice.
 *
 * A NULL zone means UTC, as everywhere in time.h.
 */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ombud/calendar.h"
#include "ombud/value.h"

#define DAY_SECS 86400
#define DAY_MINS 1440
/* add_open() gives up after this many local days (ten years). */
#define MAX_WALK_DAYS 3660
/* Longest piece of input quoted back in an error reason. */
#define QUOTE_MAX 40

static const char *const day_abbr[] = {"mon", "tue", "wed", "thu", "fri",
    "sat", "sun", NULL};
static const char *const day_full[] = {"monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", NULL};

static ombud_err fail(char *why, size_t wl, const char *fmt, ...)
{
    va_list ap;

    if (why && wl) {
        va_start(ap, fmt);
        vsnprintf(why, wl, fmt, ap);
        va_end(ap);
    }
    return OMBUD_E_DATA;
}

/* Length of a token as quoted back in a reason (long input is cut). */
static int qlen(size_t n)
{
    return (int)(n > QUOTE_MAX ? QUOTE_MAX : n);
}

/* ---- the week ---------------------------------------------------------- */

void ombud_calendar_24x7(ombud_calendar *cal, const ombud_tz *tz)
{
    assert(cal);
    memset(cal, 0, sizeof *cal);
    for (int w = 0; w < 7; w++) {
        cal->day[w][0].start = 0;
        cal->day[w][0].end = DAY_MINS;
        cal->nranges[w] = 1;
    }
    cal->tz = tz;
}

/* The parse state: a private copy of the week plus the current entry. */
typedef struct hours_parse {
    ombud_cal_range day[7][OMBUD_CAL_MAX_RANGES];
    int n[7];
    unsigned days;   /* weekdays of the current entry (bit 0 = Monday) */
    int ranges;      /* time ranges read in the current entry */
    char *why;
    size_t wl;
} hours_parse;

static int day_index(const char *name)
{
    int i = ombud_word_index(name, day_abbr);
    return i >= 0 ? i : ombud_word_index(name, day_full);
}

/* Days of "mon", "fri-mon" (wrapping), "daily", "weekdays" or "weekends". */
static ombud_err parse_days(const char *tok, size_t n, unsigned *mask,
                            char *why, size_t wl)
{
    char buf[24], *dash;
    int a, b;

    if (n >= sizeof buf)
        return fail(why, wl, "unknown day '%.*s'", qlen(n), tok);
    memcpy(buf, tok, n);
    buf[n] = '\0';
    if (strcasecmp(buf, "daily") == 0) { *mask = 0x7f; return OMBUD_OK; }
    if (strcasecmp(buf, "weekdays") == 0) { *mask = 0x1f; return OMBUD_OK; }
    if (strcasecmp(buf, "weekends") == 0) { *mask = 0x60; return OMBUD_OK; }
    dash = strchr(buf, '-');
    if (dash)
        *dash = '\0';
    if ((a = day_index(buf)) < 0)
        return fail(why, wl, "unknown day '%s'", buf);
    if (!dash) {
        *mask = 1u << a;
        return OMBUD_OK;
    }
    if ((b = day_index(dash + 1)) < 0)
        return fail(why, wl, "unknown day '%s'", dash + 1);
    if (a == b)
        return fail(why, wl, "day range '%.*s' names one day twice",
                    qlen(n), tok);
    /* Step forward through the week, so fri-mon is fri sat sun mon. */
    *mask = 0;
    for (int d = a;; d = (d + 1) % 7) {
        *mask |= 1u << d;
        if (d == b)
            break;
    }
    return OMBUD_OK;
}

/* Read "HH:MM" (exactly two digits each) into hours and minutes. */
static int read_hhmm(const char *s, int *hh, int *mm)
{
    for (int i = 0; i < 5; i++)
        if (i == 2 ? s[i] != ':' : !isdigit((unsigned char)s[i]))
            return 0;
    *hh = (s[0] - '0') * 10 + (s[1] - '0');
    *mm = (s[3] - '0') * 10 + (s[4] - '0');
    return 1;
}

/* Parse "HH:MM-HH:MM" into minutes since local midnight. */
static ombud_err parse_range(const char *tok, size_t n, ombud_cal_range *r,
                             char *why, size_t wl)
{
    int h1, m1, h2, m2, q = qlen(n);

    if (n != 11 || tok[5] != '-' || !read_hhmm(tok, &h1, &m1) ||
        !read_hhmm(tok + 6, &h2, &m2))
        return fail(why, wl, "bad time range '%.*s' (expected HH:MM-HH:MM)",
                    q, tok);
    if (h1 > 24 || h2 > 24)
        return fail(why, wl, "hour out of range (00-24) in '%.*s'", q, tok);
    if (m1 > 59 || m2 > 59)
        return fail(why, wl, "minute out of range (00-59) in '%.*s'", q, tok);
    r->start = h1 * 60 + m1;
    r->end = h2 * 60 + m2;
    if (r->start > DAY_MINS || r->end > DAY_MINS)
        return fail(why, wl, "time after 24:00 in '%.*s'", q, tok);
    if (r->start == DAY_MINS)
        return fail(why, wl, "range '%.*s' starts at 24:00 (24:00 can only "
                    "end a range)", q, tok);
    if (r->end < r->start)
        return fail(why, wl, "range '%.*s' ends before it starts", q, tok);
    if (r->end == r->start)
        return fail(why, wl, "range '%.*s' is empty", q, tok);
    return OMBUD_OK;
}

/*
 * Add range @r to weekday @w of the parse, keeping the day sorted. A range
 * touching a neighbour is merged with it; an overlap is an error.
 */
static ombud_err add_range(hours_parse *hp, int w, ombud_cal_range r)
{
    ombud_cal_range *v = hp->day[w];
    int i = 0;

    for (int k = 0; k < hp->n[w]; k++)
        if (r.start < v[k].end && v[k].start < r.end)
            return fail(hp->why, hp->wl, "ranges '%02d:%02d-%02d:%02d' and "
                        "'%02d:%02d-%02d:%02d' overlap on %s", v[k].start / 60,
                        v[k].start % 60, v[k].end / 60, v[k].end % 60,
                        r.start / 60, r.start % 60, r.end / 60, r.end % 60,
                        day_abbr[w]);
    while (i < hp->n[w] && v[i].end < r.start)
        i++;
    /* v[i] is now the first range that ends at or after r starts. */
    if (i < hp->n[w] && v[i].end == r.start) {
        r.start = v[i].start;
        memmove(&v[i], &v[i + 1], (size_t)(--hp->n[w] - i) * sizeof *v);
    }
    if (i < hp->n[w] && v[i].start == r.end) {
        r.end = v[i].end;
        memmove(&v[i], &v[i + 1], (size_t)(--hp->n[w] - i) * sizeof *v);
    }
    if (hp->n[w] == OMBUD_CAL_MAX_RANGES)
        return fail(hp->why, hp->wl, "more than %d ranges on %s",
                    OMBUD_CAL_MAX_RANGES, day_abbr[w]);
    memmove(&v[i + 1], &v[i], (size_t)(hp->n[w] - i) * sizeof *v);
    v[i] = r;
    hp->n[w]++;
    return OMBUD_OK;
}

/*
 * Next token of an hours spec: skips blanks and commas, counting the
 * commas in *commas. Returns 0 at the end of the text.
 */
static int next_token(const char **pp, const char **tok, size_t *n,
                      int *commas)
{
    const char *p = *pp;

    *commas = 0;
    while (*p == ',' || isspace((unsigned char)*p))
        *commas += *p++ == ',';
    *tok = p;
    while (*p && *p != ',' && !isspace((unsigned char)*p))
        p++;
    *n = (size_t)(p - *tok);
    *pp = p;
    return *n > 0;
}

/* One token that is a time range: apply it to the days of the entry. */
static ombud_err take_range(hours_parse *hp, const char *tok, size_t n,
                            int commas)
{
    ombud_cal_range r = {0, 0};
    ombud_err err;

    if (!hp->days)
        return fail(hp->why, hp->wl, "time range '%.*s' has no days",
                    qlen(n), tok);
    if (commas)
        return fail(hp->why, hp->wl, "',' between the days and the time "
                    "range '%.*s'", qlen(n), tok);
    if ((err = parse_range(tok, n, &r, hp->why, hp->wl)))
        return err;
    for (int w = 0; w < 7; w++)
        if ((hp->days & (1u << w)) && (err = add_range(hp, w, r)))
            return err;
    hp->ranges++;
    return OMBUD_OK;
}

/* One token that names days: it extends the entry's day list. */
static ombud_err take_days(hours_parse *hp, const char *tok, size_t n,
                           int commas)
{
    unsigned mask = 0;
    ombud_err err;

    if (strncasecmp(tok, "24x7", n) == 0 && n == 4)
        return fail(hp->why, hp->wl, "'24x7' must stand alone");
    if (!commas && hp->days)
        return fail(hp->why, hp->wl, "missing ',' before '%.*s'",
                    qlen(n), tok);
    if ((err = parse_days(tok, n, &mask, hp->why, hp->wl)))
        return err;
    hp->days |= mask;
    return OMBUD_OK;
}

/* Is the whole spec "24x7", give or take blanks? */
static int is_24x7(const char *spec)
{
    while (isspace((unsigned char)*spec))
        spec++;
    if (strncasecmp(spec, "24x7", 4) != 0)
        return 0;
    for (spec += 4; isspace((unsigned char)*spec); spec++)
        ;
    return *spec == '\0';
}

/*
 * Entries are "days range...", separated by ','. A ',' also joins days in
 * a list, so a ',' ends an entry only once the entry has a time range.
 */
static ombud_err parse_entries(hours_parse *hp, const char *spec)
{
    const char *p = spec, *tok = NULL, *last = NULL;
    size_t n = 0, lastn = 0;
    int commas, any = 0;
    ombud_err err;

    while (next_token(&p, &tok, &n, &commas)) {
        if (commas > 1 || (commas && !any))
            return fail(hp->why, hp->wl, "empty entry before '%.*s'",
                        qlen(n), tok);
        if (commas && hp->ranges) {
            hp->days = 0;       /* the previous entry is complete */
            hp->ranges = 0;
        }
        if (isdigit((unsigned char)*tok) && strncasecmp(tok, "24x7", 4) != 0)
            err = take_range(hp, tok, n, commas);
        else
            err = take_days(hp, tok, n, commas);
        if (err)
            return err;
        any = 1;
        last = tok;
        lastn = n;
    }
    if (!any)
        return fail(hp->why, hp->wl, "empty hours");
    if (commas)
        return fail(hp->why, hp->wl, "empty entry after '%.*s'",
                    qlen(lastn), last);
    if (!hp->ranges)
        return fail(hp->why, hp->wl, "no time range after '%.*s'",
                    qlen(lastn), last);
    return OMBUD_OK;
}

ombud_err ombud_calendar_parse_hours(ombud_calendar *cal, const char *spec,
                                     char *why, size_t whylen)
{
    hours_parse hp;
    ombud_err err;

    assert(cal && spec);
    memset(&hp, 0, sizeof hp);
    hp.why = why;
    hp.wl = whylen;
    if (is_24x7(spec)) {
        for (int w = 0; w < 7; w++) {
            hp.day[w][0].end = DAY_MINS;
            hp.n[w] = 1;
        }
    } else if ((err = parse_entries(&hp, spec))) {
        return err;
    }
    memcpy(cal->day, hp.day, sizeof cal->day);
    memcpy(cal->nranges, hp.n, sizeof cal->nranges);
    return OMBUD_OK;
}

/* ---- holidays ---------------------------------------------------------- */

/* Index of the first holiday >= @day in the sorted array. */
static int holiday_pos(const int64_t *h, int n, int64_t day)
{
    int lo = 0, hi = n;

    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (h[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Parse one trimmed "YYYY-MM-DD" into a local day number. */
static ombud_err parse_holiday(const char *tok, size_t n, int64_t *day,
                               char *why, size_t wl)
{
    char buf[11], reason[96];
    int64_t t;

    /* Exactly ten characters: ombud_time_parse would also take a time. */
    if (n != 10)
        return fail(why, wl, "bad holiday '%.*s' (expected YYYY-MM-DD)",
                    qlen(n), tok);
    memcpy(buf, tok, n);
    buf[n] = '\0';
    if (ombud_time_parse(buf, NULL, OMBUD_TIME_DATE_OK, &t, reason,
                         sizeof reason))
        return fail(why, wl, "bad holiday '%s': %s", buf, reason);
    /* NULL zone: t is UTC midnight of the date, an exact multiple. */
    *day = t / DAY_SECS;
    return OMBUD_OK;
}

/* Add @day to the sorted holidays h[0..*n), ignoring a duplicate. */
static ombud_err add_holiday(int64_t *h, int *n, int64_t day, char *why,
                             size_t wl)
{
    int i = holiday_pos(h, *n, day);

    if (i < *n && h[i] == day)
        return OMBUD_OK;
    if (*n == OMBUD_CAL_MAX_HOLIDAYS)
        return fail(why, wl, "more than %d holidays", OMBUD_CAL_MAX_HOLIDAYS);
    memmove(&h[i + 1], &h[i], (size_t)(*n - i) * sizeof *h);
    h[i] = day;
    (*n)++;
    return OMBUD_OK;
}

ombud_err ombud_calendar_parse_holidays(ombud_calendar *cal, const char *list,
                                        char *why, size_t whylen)
{
    int64_t h[OMBUD_CAL_MAX_HOLIDAYS], day = 0;
    int n;
    const char *p = list, *end;
    ombud_err err;

    assert(cal && list && cal->nholidays >= 0 &&
           cal->nholidays <= OMBUD_CAL_MAX_HOLIDAYS);
    while (isspace((unsigned char)*p))
        p++;
    if (!*p)
        return OMBUD_OK;        /* an empty list: no holidays to add */
    /* Work on a copy so that a bad date leaves the calendar unchanged. */
    n = cal->nholidays;
    memcpy(h, cal->holidays, (size_t)n * sizeof *h);
    for (;; p = end + 1) {
        size_t len;
        while (isspace((unsigned char)*p))
            p++;
        end = p + strcspn(p, ",");
        for (len = (size_t)(end - p); len && isspace((unsigned char)p[len - 1]);)
            len--;
        if (!len)
            return fail(why, whylen, "empty date in holiday list");
        if ((err = parse_holiday(p, len, &day, why, whylen)) ||
            (err = add_holiday(h, &n, day, why, whylen)))
            return err;
        if (!*end)
            break;
    }
    memcpy(cal->holidays, h, (size_t)n * sizeof *h);
    cal->nholidays = n;
    return OMBUD_OK;
}

/* ---- working time ------------------------------------------------------ */

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* The local day (days since 1970-01-01) that instant @t falls on. */
static int64_t local_day(const ombud_tz *tz, int64_t t)
{
    return floor_div(t + ombud_tz_offset_at(tz, t), DAY_SECS);
}

/*
 * The instant of local wall time @local: as ombud_tz_local_to_utc(), except
 * that a time skipped by a gap gives the instant of the change. That
 * instant lies in (local - new offset, local - old offset]; find it by
 * bisection on the offset (a gap is at most a day, so ~17 steps).
 */
static int64_t wall_instant(const ombud_tz *tz, int64_t local)
{
    ombud_local_kind kind;
    int64_t hi = ombud_tz_local_to_utc(tz, local, &kind), lo;
    int32_t after;

    if (kind != OMBUD_LOCAL_GAP)
        return hi;
    after = ombud_tz_offset_at(tz, hi);
    lo = local - after;
    while (hi - lo > 1) {
        int64_t mid = lo + (hi - lo) / 2;
        if (ombud_tz_offset_at(tz, mid) == after)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

static int is_holiday(const ombud_calendar *cal, int64_t day)
{
    int i = holiday_pos(cal->holidays, cal->nholidays, day);
    return i < cal->nholidays && cal->holidays[i] == day;
}

/*
 * The open intervals of local day @day as instants [iv[i][0], iv[i][1]),
 * in order. Returns how many (0 on a holiday).
 */
static int day_intervals(const ombud_calendar *cal, int64_t day,
                         int64_t iv[][2])
{
    int w = (int)(((day % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
    int n = 0;

    if (is_holiday(cal, day))
        return 0;
    for (int i = 0; i < cal->nranges[w]; i++) {
        const ombud_cal_range *r = &cal->day[w][i];
        /* 24:00 is day*86400 + 1440*60, i.e. 00:00 of the next day. */
        iv[n][0] = wall_instant(cal->tz, day * DAY_SECS + r->start * 60);
        iv[n][1] = wall_instant(cal->tz, day * DAY_SECS + r->end * 60);
        if (iv[n][1] > iv[n][0])
            n++;
    }
    return n;
}

int64_t ombud_calendar_open_seconds(const ombud_calendar *cal, int64_t from,
                                    int64_t to)
{
    int64_t iv[OMBUD_CAL_MAX_RANGES][2], sum = 0, last;

    assert(cal && from != OMBUD_TIME_NONE && to != OMBUD_TIME_NONE);
    if (to <= from)
        return 0;
    /* Days before from's local day end before from. The day after to's is
     * included because in an overlap at midnight, the next day starts
     * (first 00:00) before the repeated hour of this one has passed. */
    last = local_day(cal->tz, to) + 1;
    for (int64_t d = local_day(cal->tz, from); d <= last; d++) {
        int n = day_intervals(cal, d, iv);
        for (int i = 0; i < n; i++) {
            int64_t s = iv[i][0] > from ? iv[i][0] : from;
            int64_t e = iv[i][1] < to ? iv[i][1] : to;
            if (e > s)
                sum += e - s;
        }
    }
    return sum;
}

int ombud_calendar_is_open(const ombud_calendar *cal, int64_t t)
{
    /* By definition the same intervals as open_seconds (see the top). */
    return ombud_calendar_open_seconds(cal, t, t + 1) == 1;
}

static int has_hours(const ombud_calendar *cal)
{
    for (int w = 0; w < 7; w++)
        if (cal->nranges[w] > 0)
            return 1;
    return 0;
}

int64_t ombud_calendar_add_open(const ombud_calendar *cal, int64_t from,
                                int64_t seconds)
{
    int64_t iv[OMBUD_CAL_MAX_RANGES][2], left = seconds, d0;

    assert(cal && from != OMBUD_TIME_NONE);
    if (seconds <= 0)
        return from;
    if (!has_hours(cal))
        return INT64_MAX;
    /* Intervals come in time order, day after day: consume them until
     * the open time asked for is used up. */
    d0 = local_day(cal->tz, from);
    for (int64_t d = d0; d < d0 + MAX_WALK_DAYS; d++) {
        int n = day_intervals(cal, d, iv);
        for (int i = 0; i < n; i++) {
            int64_t s = iv[i][0] > from ? iv[i][0] : from;
            if (iv[i][1] <= s)
                continue;
            if (iv[i][1] - s >= left)
                return s + left;
            left -= iv[i][1] - s;
        }
    }
    return INT64_MAX;
}

/* A working day is one the calendar is open at all; the loops stop after
 * ten years of days so a calendar never open cannot spin forever. */
int64_t ombud_calendar_working_day_end(const ombud_calendar *cal,
                                       const ombud_tz *tz, int64_t t,
                                       int64_t n)
{
    int64_t day = ombud_next_midnight(tz, t);

    for (int64_t worked = 0, i = 0; worked < n && i < 3660; i++) {
        int64_t next = ombud_next_midnight(tz, day);
        worked += !cal || ombud_calendar_open_seconds(cal, day, next) > 0;
        day = next;
    }
    return day;
}

int64_t ombud_calendar_working_days(const ombud_calendar *cal,
                                    const ombud_tz *tz, int64_t from,
                                    int64_t to)
{
    int64_t n = 0;

    for (int64_t day = from, i = 0; day < to && i < 3660; i++) {
        int64_t next = ombud_next_midnight(tz, day);
        n += !cal || ombud_calendar_open_seconds(cal, day, next) > 0;
        day = next;
    }
    return n;
}
