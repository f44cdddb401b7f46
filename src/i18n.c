/*
 * i18n.c - the current language: catalogues through GNU gettext, and
 * numbers, money, dates and durations written the reader's way.
 *
 * Key decisions (see i18n.h for the model):
 * - Only LC_MESSAGES is ever changed, to C.UTF-8 (Debian always has it;
 *   glibc 2.35+ builds it in), and the language is named through
 *   LANGUAGE. gettext ignores LANGUAGE when LC_MESSAGES is "C", which is
 *   what a clean environment (env -i, or LC_ALL=C) gives, so the locale is
 *   set explicitly rather than taken from the environment.
 * - The catalogue's charset is fixed to UTF-8 (bind_textdomain_codeset),
 *   so LC_CTYPE (left "C") cannot turn Hebrew into question marks.
 * - Figures are formatted here from integers, never through printf's
 *   locale or floating point: the same findings give the same bytes on
 *   every machine.
 */
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/store.h"
#include "ombud/value.h"

#ifndef OMBUD_LOCALEDIR
#define OMBUD_LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "ombud"
#define NBSP "\xc2\xa0"

/* What differs between the languages, besides their catalogues. */
typedef struct lang_conv {
    const char *code;     /* "es" */
    const char *group;    /* thousands separator */
    char decimal;         /* decimal mark */
    int group_from;       /* counts of this many digits on are grouped: the
                           * Spanish academies keep four digits whole */
    char date_sep;        /* day/month/year separator; 0: ISO order */
    const char *pct;      /* between a share and its % sign */
    const char *home;     /* the reader's own currency ... */
    const char *sign;     /* ... and how it is written */
    const char *xlsx_tag; /* Excel locale id of the language's formats */
    int rtl;
} lang_conv;

static const lang_conv convs[OMBUD_LANG_COUNT] = {
    [OMBUD_LANG_EN] = {"en", ",", '.', 4, 0, "", NULL, NULL, "", 0},
    [OMBUD_LANG_ES] = {"es", ".", ',', 5, '/', NBSP, "EUR", "\xe2\x82\xac",
                       "[$-C0A]", 0},
    [OMBUD_LANG_CA] = {"ca", ".", ',', 5, '/', NBSP, "EUR", "\xe2\x82\xac",
                       "[$-403]", 0},
    [OMBUD_LANG_HE] = {"he", ",", '.', 4, '.', "", "ILS", "\xe2\x82\xaa",
                       "[$-40D]", 1},
};

static ombud_lang current = OMBUD_LANG_EN;
static int bound;             /* bindtextdomain done */

ombud_err ombud_lang_parse(const char *s, ombud_lang *out)
{
    for (int i = 0; s && i < OMBUD_LANG_COUNT; i++)
        if (!strcasecmp(s, convs[i].code)) {
            *out = (ombud_lang)i;
            return OMBUD_OK;
        }
    return OMBUD_E_USAGE;
}

const char *ombud_lang_code(ombud_lang lang)
{
    return lang < OMBUD_LANG_COUNT ? convs[lang].code : "en";
}

/* Where the catalogues are: $OMBUD_LOCALEDIR, the build tree, the install. */
static const char *locale_dir(char *buf, size_t size)
{
    const char *env = getenv("OMBUD_LOCALEDIR");
    struct stat sb;
    ssize_t n;
    char *slash;

    if (env && *env)
        return env;
    n = readlink("/proc/self/exe", buf, size - 8);
    if (n > 0) {
        buf[n] = '\0';
        if ((slash = strrchr(buf, '/'))) {
            strcpy(slash + 1, "locale");
            if (stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode))
                return buf;
        }
    }
    return OMBUD_LOCALEDIR;
}

/* A UTF-8 locale for LC_MESSAGES that is not "C"; 0 when none exists. */
static int messages_locale(void)
{
    static const char *const names[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8",
                                        "en_US.utf8", NULL};
    for (int i = 0; names[i]; i++)
        if (setlocale(LC_MESSAGES, names[i]))
            return 1;
    return 0;
}

ombud_err ombud_i18n_set(ombud_lang lang)
{
    static char dir[4096];
    const char *header;

    if (lang >= OMBUD_LANG_COUNT)
        lang = OMBUD_LANG_EN;
    current = lang;
    if (lang == OMBUD_LANG_EN)
        return OMBUD_OK;
    if (!bound) {
        const char *d = locale_dir(dir, sizeof dir);
        if (d != dir)
            snprintf(dir, sizeof dir, "%s", d);
        if (!messages_locale()) {
            current = OMBUD_LANG_EN;
            return ombud_error(OMBUD_E_DATA, NULL, "cannot write %s: this "
                               "machine has no C.UTF-8 locale for gettext",
                               convs[lang].code);
        }
        bindtextdomain(DOMAIN, dir);
        bind_textdomain_codeset(DOMAIN, "UTF-8");
        bound = 1;
    }
    setenv("LANGUAGE", convs[lang].code, 1);
    textdomain(DOMAIN);         /* also drops gettext's cached lookups */
    /* The catalogue's header is the translation of "": empty when none. */
    header = dgettext(DOMAIN, "");
    if (!header || !*header) {
        current = OMBUD_LANG_EN;
        return ombud_error(OMBUD_E_DATA, NULL, "no '%s' catalogue in %s "
                           "(looked for %s/%s/LC_MESSAGES/" DOMAIN ".mo; set "
                           "OMBUD_LOCALEDIR or run make install)",
                           convs[lang].code, dir, dir, convs[lang].code);
    }
    return OMBUD_OK;
}

ombud_lang ombud_i18n_get(void) { return current; }

int ombud_i18n_rtl(void) { return convs[current].rtl; }

const char *ombud_gettext(const char *msgid)
{
    if (current == OMBUD_LANG_EN || !msgid || !*msgid)
        return msgid;
    return dgettext(DOMAIN, msgid);
}

const char *ombud_ngettext(const char *one, const char *many, unsigned long n)
{
    if (current == OMBUD_LANG_EN)
        return n == 1 ? one : many;
    return dngettext(DOMAIN, one, many, n);
}

/* ---- figures ------------------------------------------------------------------- */

/* Digits @p s (an optional '-' then digits) grouped by threes with @p sep. */
static void group(const char *s, size_t len, const char *sep, char *out,
                  size_t size)
{
    size_t o = 0, seplen = strlen(sep), start = (len && s[0] == '-');

    for (size_t i = 0; i < len && o + seplen + 1 < size; i++) {
        size_t left = len - i;
        out[o++] = s[i];
        if (i >= start && left > 1 && left % 3 == 1) {
            memcpy(out + o, sep, seplen);
            o += seplen;
        }
    }
    out[o] = '\0';
}

char *ombud_fmt_count(int64_t v, char *buf, size_t size)
{
    const lang_conv *c = &convs[current];
    char plain[32];

    snprintf(plain, sizeof plain, "%lld", (long long)v);
    if (strlen(plain) - (v < 0) < (size_t)c->group_from)
        snprintf(buf, size, "%s", plain);
    else
        group(plain, strlen(plain), c->group, buf, size);
    return buf;
}

const char *ombud_n(int64_t v)
{
    static _Thread_local char ring[16][32];
    static _Thread_local unsigned next;

    return ombud_fmt_count(v, ring[next++ % 16], sizeof ring[0]);
}

/* @p minor as digits with the language's marks; @p grouped: thousands too. */
static char *amount(int64_t minor, int digits, int grouped, char *buf,
                    size_t size)
{
    const lang_conv *c = &convs[current];
    char plain[48], intpart[64];
    const char *dot;
    size_t intlen;

    ombud_amount_format(minor, digits, plain, sizeof plain);
    dot = strchr(plain, '.');
    intlen = dot ? (size_t)(dot - plain) : strlen(plain);
    if (grouped)
        group(plain, intlen, c->group, intpart, sizeof intpart);
    else
        snprintf(intpart, sizeof intpart, "%.*s", (int)intlen, plain);
    if (dot)
        snprintf(buf, size, "%s%c%s", intpart, c->decimal, dot + 1);
    else
        snprintf(buf, size, "%s", intpart);
    return buf;
}

char *ombud_fmt_amount(int64_t minor, int digits, char *buf, size_t size)
{
    return amount(minor, digits, current != OMBUD_LANG_EN, buf, size);
}

const char *ombud_fmt_currency(const char *code)
{
    const lang_conv *c = &convs[current];

    if (c->home && code && !strcmp(code, c->home))
        return c->sign;
    return code ? code : "";
}

char *ombud_fmt_money(int64_t minor, int digits, const char *code, char *buf,
                      size_t size)
{
    char a[72];

    amount(minor, digits, 1, a, sizeof a);
    snprintf(buf, size, "%s%s%s", a, current == OMBUD_LANG_EN ? " " : NBSP,
             ombud_fmt_currency(code));
    return buf;
}

char *ombud_fmt_bp(int64_t bp, char *buf, size_t size)
{
    const lang_conv *c = &convs[current];
    char a[48];

    /* A share of nothing is not 100%: ombud_share_bp() of an empty whole. */
    if (bp == OMBUD_BP_NONE) {
        /* TRANSLATORS: a share whose denominator is empty (0 of 0). */
        snprintf(buf, size, "%s", _("no data"));
        return buf;
    }
    amount(bp, 2, 1, a, sizeof a);
    snprintf(buf, size, "%s%s%%", a, c->pct);
    return buf;
}

char *ombud_fmt_date(int year, int month, int day, char *buf, size_t size)
{
    const lang_conv *c = &convs[current];

    if (!c->date_sep)
        snprintf(buf, size, "%04d-%02d-%02d", year, month, day);
    else
        snprintf(buf, size, "%02d%c%02d%c%04d", day, c->date_sep, month,
                 c->date_sep, year);
    return buf;
}

char *ombud_fmt_daymonth(int month, int day, char *buf, size_t size)
{
    const lang_conv *c = &convs[current];

    if (!c->date_sep)
        snprintf(buf, size, "%02d-%02d", month, day);
    else
        snprintf(buf, size, "%02d%c%02d", day, c->date_sep, month);
    return buf;
}

/* In the current language: "Thu 2026-10-15 07:05", "jue 15/10/2026 07:05". */
char *ombud_fmt_local(const ombud_tz *tz, int64_t t, char *buf, size_t size)
{
    ombud_tm tm;
    char date[24];

    ombud_tm_from_instant(tz, t, &tm);
    snprintf(buf, size, "%s %s %02d:%02d", ombud_fmt_weekday(tm.wday),
             ombud_fmt_date(tm.year, tm.month, tm.day, date, sizeof date),
             tm.hour, tm.min);
    return buf;
}

char *ombud_fmt_day_of(const ombud_tz *tz, int64_t t, char *buf, size_t size)
{
    ombud_tm tm;

    ombud_tm_from_instant(tz, t, &tm);
    return ombud_fmt_date(tm.year, tm.month, tm.day, buf, size);
}

char *ombud_fmt_period(const ombud_tz *tz, int64_t from, int64_t to,
                       char *buf, size_t size)
{
    ombud_tm a, z;
    char x[40], y[40];

    if (current == OMBUD_LANG_EN)
        return ombud_period_format(tz, from, to, buf, size);
    ombud_tm_from_instant(tz, from, &a);
    ombud_tm_from_instant(tz, to, &z);
    ombud_fmt_date(a.year, a.month, a.day, x, sizeof x);
    if (!a.hour && !a.min && !a.sec && !z.hour && !z.min && !z.sec) {
        ombud_fmt_day_of(tz, to - 1, y, sizeof y);
    } else {
        size_t n = strlen(x);
        snprintf(x + n, sizeof x - n, " %02d:%02d", a.hour, a.min);
        ombud_fmt_date(z.year, z.month, z.day, y, sizeof y);
        n = strlen(y);
        snprintf(y + n, sizeof y - n, " %02d:%02d", z.hour, z.min);
    }
    /* TRANSLATORS: a period, from the first date to the last, both included. */
    snprintf(buf, size, _("%s to %s"), x, y);
    return buf;
}

const char *ombud_fmt_status(const char *status)
{
    if (status && !strcmp(status, "PASS"))
        return _("PASS");
    if (status && !strcmp(status, "FAIL"))
        return _("FAIL");
    /* TRANSLATORS: the verdict of a guarantee that examined nothing. */
    if (status && !strcmp(status, "NO DATA"))
        return _("NO DATA");
    /* TRANSLATORS: the verdict of a duty to report (an outage the
     * regulator must be told of): reports were due. */
    if (status && !strcmp(status, "REPORTABLE"))
        return _("REPORTABLE");
    /* TRANSLATORS: the verdict of figures reported with no target set:
     * measured, not judged. */
    if (status && !strcmp(status, "MEASURED"))
        return _("MEASURED");
    return status ? status : "";
}

char *ombud_fmt_no_data(int n, char *buf, size_t size)
{
    snprintf(buf, size, ombud_ngettext("%d not assessed: no data in the period",
                                       "%d not assessed: no data in the period",
                                       (unsigned long)n), n);
    return buf;
}

char *ombud_fmt_reportable(int n, char *buf, size_t size)
{
    snprintf(buf, size, ombud_ngettext("%d duty to report met: reports were "
                                       "due, at the times listed",
                                       "%d duties to report met: reports were "
                                       "due, at the times listed",
                                       (unsigned long)n), n);
    return buf;
}

char *ombud_fmt_incomplete(int n, char *buf, size_t size)
{
    snprintf(buf, size, ombud_ngettext("Evidence incomplete: %d serious "
                                       "data-quality problem, listed under "
                                       "\"Data quality\"",
                                       "Evidence incomplete: %d serious "
                                       "data-quality problems, listed under "
                                       "\"Data quality\"",
                                       (unsigned long)n), n);
    return buf;
}

const char *ombud_fmt_weekday(int wday)
{
    static const char *const days[] = {N_("Mon"), N_("Tue"), N_("Wed"),
        N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun")};
    return wday >= 0 && wday < 7 ? _(days[wday]) : "";
}

/*
 * Durations are written as people write them: a number, a no-break space and
 * a unit word ("12 h 59 min", "4 days 6 h", "47 s"), the parts joined by
 * no-break spaces too so a table never wraps inside one. At most two units
 * are shown, the larger first, the rest cut off (never rounded up: a wait
 * of 9 min 59.9 s is not "10 min"). One exception keeps a figure honest
 * beside a round limit: when the second unit is zero and something was cut,
 * the next unit is shown too, so 24 h 0 min 30 s against a 24 h limit is
 * never printed as "24 h".
 */
enum { U_DAY, U_HOUR, U_MIN, U_SEC, U_N };

/* The text of @p v of unit @p u in the current language ("%lld h"). */
static const char *unit_fmt(int u, int64_t v)
{
    switch (u) {
    case U_DAY:
        return ombud_ngettext("%lld day", "%lld days", (unsigned long)v);
    case U_HOUR:
        /* TRANSLATORS: hours after a number, abbreviated as people write
         * them in a table ("12 h"). */
        return _("%lld h");
    case U_MIN:
        return _("%lld min");
    default:
        return _("%lld s");
    }
}

char *ombud_fmt_nbsp(const char *fmt, int keep_first, char *out, size_t size)
{
    size_t o = 0;

    if (size == 0)
        return out;
    for (const char *c = fmt; *c; ) {
        unsigned char b = (unsigned char)*c;
        size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        int nb = *c == ' ' && !keep_first;
        if ((len > 1 && memchr(c + 1, '\0', len - 1)) ||
            o + (nb ? 2 : len) + 1 > size)
            break; /* whole characters only, never past the end */
        if (*c == ' ')
            keep_first = 0;
        memcpy(out + o, nb ? NBSP : c, nb ? 2 : len);
        o += nb ? 2 : len;
        c += len;
    }
    out[o] = '\0';
    return out;
}

/* Append part @p u of value @p v to @p buf (length @p n so far). */
static size_t part(char *buf, size_t n, size_t size, int u, int64_t v)
{
    char one[48], fmt[48];

    /* The unit's space, and the one before a second part, no-break. */
    ombud_fmt_nbsp(unit_fmt(u, v), 0, fmt, sizeof fmt);
    snprintf(one, sizeof one, "%s", n ? NBSP : "");
    snprintf(one + strlen(one), sizeof one - strlen(one), fmt, (long long)v);
    /* Whole parts only: a cut one could end inside a character. */
    if (strlen(one) < size - n) {
        memcpy(buf + n, one, strlen(one) + 1);
        n += strlen(one);
    }
    return n;
}

/* Seconds as a duration, in days from @days_from days on (never when 0). */
static char *duration_in(int64_t s, int64_t days_from, char *buf, size_t size)
{
    int64_t v[U_N];
    size_t n = 0;
    int first = -1, shown = 0; /* parts after the first */

    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (s < 0 && size > 1) {
        buf[0] = '-';
        duration_in(s == INT64_MIN ? INT64_MAX : -s, days_from, buf + 1,
                    size - 1);
        return buf;
    }
    v[U_DAY] = days_from && s / 86400 >= days_from ? s / 86400 : 0;
    v[U_HOUR] = (s - v[U_DAY] * 86400) / 3600;
    v[U_MIN] = s / 60 % 60;
    v[U_SEC] = s % 60;
    for (int u = 0; u < U_N && first < 0; u++)
        if (v[u])
            first = u;
    if (first < 0)
        return (part(buf, 0, size, U_SEC, 0), buf);
    n = part(buf, n, size, first, v[first]);
    for (int u = first + 1, last = first; u < U_N; last = u++) {
        int64_t rest = 0;
        for (int r = u; r < U_N; r++)
            rest |= v[r];
        if (!rest || (++shown >= 2 && v[last]))
            break;
        n = part(buf, n, size, u, v[u]);
    }
    return buf;
}

char *ombud_fmt_slot(int64_t minute, int64_t interval, char *buf,
                     size_t size)
{
    int64_t m = minute < 0 ? 0 : minute > 1440 ? 1440 : minute;
    int64_t e = m + (interval > 0 && interval < 86400 ? interval / 60 : 0);

    snprintf(buf, size, "%02d:%02d-%02d:%02d", (int)(m / 60), (int)(m % 60),
             (int)(e / 60), (int)(e % 60));
    return buf;
}

char *ombud_fmt_duration(int64_t s, char *buf, size_t size)
{
    /* Hours are what regulators count in; days only past a week. */
    return duration_in(s, 7, buf, size);
}

char *ombud_fmt_hours(int64_t s, char *buf, size_t size)
{
    return duration_in(s, 0, buf, size);
}

char *ombud_fmt_phrase_duration(const char *fmt, int64_t seconds, char *buf,
                                size_t size)
{
    char d[64];

    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (seconds)
        snprintf(buf, size, fmt, ombud_fmt_duration(seconds, d, sizeof d));
    return buf;
}

char *ombud_unit_column(const char *unit, int col, char *buf, size_t size)
{
    const char *p = unit ? unit : "count", *bar;

    for (int i = 0; i < col && (bar = strchr(p, '|')) != NULL; i++)
        p = bar + 1;
    bar = strchr(p, '|');
    snprintf(buf, size, "%.*s", (int)(bar ? (size_t)(bar - p) : strlen(p)), p);
    return buf;
}

const char *ombud_fmt_state(int64_t code)
{
    switch (code) {
    case OMBUD_STATE_QUEUE_CLOSED: return _("no person (queue closed)");
    case OMBUD_STATE_VOICEMAIL: return _("no person (voicemail)");
    case OMBUD_STATE_IVR: return _("no person (recorded menu only)");
    case OMBUD_STATE_NEVER_NOTIFIED: return _("never notified");
    default: return "-";
    }
}

const char *ombud_fmt_outcome(const char *outcome)
{
    static const char *const words[][2] = {
        {"answered", N_("answered by a person")},
        {"abandoned", N_("the caller hung up")},
        {"closed", N_("the queue was closed")},
        {"voicemail", N_("sent to voicemail")},
        {"transferred", N_("transferred")},
        {"ivr", N_("only a recorded menu")},
        {"incomplete", N_("its end was never logged")},
    };

    for (size_t i = 0; outcome && i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(outcome, words[i][0]))
            return _(words[i][1]);
    return outcome ? outcome : "";
}

/* ---- units: one table for the PDF's text and the XLSX's typed cells ---- */

static char *text_count(int64_t v, int digits, const char *currency, char *buf,
                        size_t size)
{
    (void)digits;
    (void)currency;
    return ombud_fmt_count(v, buf, size);
}

static char *text_seconds(int64_t v, int digits, const char *currency,
                          char *buf, size_t size)
{
    (void)digits;
    (void)currency;
    return ombud_fmt_duration(v, buf, size);
}

/* A lateness allowed none: "on time", not "0 s". */
static char *text_late(int64_t v, int digits, const char *currency, char *buf,
                       size_t size)
{
    if (v == 0)
        return (snprintf(buf, size, "%s", _("on time")), buf);
    return text_seconds(v, digits, currency, buf, size);
}

static char *text_bp(int64_t v, int digits, const char *currency, char *buf,
                     size_t size)
{
    (void)digits;
    (void)currency;
    return ombud_fmt_bp(v, buf, size);
}

static char *text_milli(int64_t v, int digits, const char *currency, char *buf,
                        size_t size)
{
    (void)digits;
    (void)currency;
    return ombud_fmt_amount(v, 3, buf, size);
}

static char *text_state(int64_t v, int digits, const char *currency, char *buf,
                        size_t size)
{
    (void)digits;
    (void)currency;
    return (snprintf(buf, size, "%s", ombud_fmt_state(v)), buf);
}

/* @p v grouped, in @p fmt (a plural form chosen for @p v, one %s). */
static char *say_count(int64_t v, const char *fmt, char *buf, size_t size)
{
    char n[32];

    ombud_fmt_count(v, n, sizeof n);
    snprintf(buf, size, fmt, n);
    return buf;
}

static char *text_day(int64_t v, int digits, const char *currency, char *buf,
                      size_t size)
{
    (void)digits;
    (void)currency;
    return say_count(v, ombud_ngettext("%s day", "%s days",
                     (unsigned long)(v < 0 ? -v : v)), buf, size);
}

static char *text_wday(int64_t v, int digits, const char *currency, char *buf,
                       size_t size)
{
    (void)digits;
    (void)currency;
    return say_count(v, ombud_ngettext("%s working day", "%s working days",
                     (unsigned long)(v < 0 ? -v : v)), buf, size);
}

/* Hundredths of a count per 100 of a base: trouble reports per 100 lines. */
static char *text_per100(int64_t v, int digits, const char *currency,
                         char *buf, size_t size)
{
    char n[48];

    (void)digits;
    (void)currency;
    ombud_fmt_amount(v, 2, n, sizeof n);
    /* TRANSLATORS: a rate of trouble reports, e.g. "1.67 per 100 lines". */
    snprintf(buf, size, _("%s per 100 lines"), n);
    return buf;
}

static char *text_money(int64_t v, int digits, const char *currency, char *buf,
                        size_t size)
{
    return ombud_fmt_money(v, digits, currency, buf, size);
}

/* The units, the default (money) last. */
static const ombud_unit units[] = {
    {"count", text_count, OMBUD_CELL_NUMBER, 1.0},
    {"s", text_seconds, OMBUD_CELL_DURATION, 86400.0},
    {"late", text_late, OMBUD_CELL_DURATION, 86400.0},
    {"bp", text_bp, OMBUD_CELL_PERCENT, 10000.0},
    {"milli", text_milli, OMBUD_CELL_RATIO, 1000.0},
    {"state", text_state, OMBUD_CELL_TEXT, 1.0},
    {"day", text_day, OMBUD_CELL_NUMBER, 1.0},
    {"wday", text_wday, OMBUD_CELL_NUMBER, 1.0},
    {"per100", text_per100, OMBUD_CELL_NUMBER, 100.0},
    {NULL, text_money, OMBUD_CELL_MONEY, 1.0}
};

const ombud_unit *ombud_unit_find(const char *unit)
{
    const ombud_unit *u = units;

    if (!unit)
        return units; /* a figure without a unit is a count */
    while (u->name && strcmp(u->name, unit))
        u++;
    return u;
}

char *ombud_fmt_figure(int64_t v, const char *unit, int digits,
                       const char *currency, char *buf, size_t size)
{
    return ombud_unit_find(unit)->text(v, digits, currency, buf, size);
}

/* ---- XLSX ---------------------------------------------------------------------- */

const char *ombud_xlsx_locale_tag(void) { return convs[current].xlsx_tag; }

const char *ombud_xlsx_date_format(void)
{
    static const char *const f[OMBUD_LANG_COUNT] = {"yyyy-mm-dd hh:mm",
        "[$-C0A]dd/mm/yyyy hh:mm", "[$-403]dd/mm/yyyy hh:mm",
        "[$-40D]dd.mm.yyyy hh:mm"};
    return f[current];
}

const char *ombud_xlsx_day_format(void)
{
    static const char *const f[OMBUD_LANG_COUNT] = {"yyyy-mm-dd",
        "[$-C0A]dd/mm/yyyy", "[$-403]dd/mm/yyyy", "[$-40D]dd.mm.yyyy"};
    return f[current];
}
