/*
 * i18n.h - the language reports, letters and summaries are written in.
 *
 * One language is current for the whole process (ombud writes one report
 * at a time): commands set it from --lang or the guarantees file's
 * [filing] language before anything is evaluated, and every fixed text
 * then goes through GNU gettext (_("...")) and every figure through the
 * formatting functions below, which write numbers, money, shares, dates
 * and durations the way that language's readers write them.
 *
 * Catalogues: po/<lang>.po in the repository, compiled by `make` into
 * build/locale/<lang>/LC_MESSAGES/ombud.mo and installed under
 * PREFIX/share/locale. They are looked for in $OMBUD_LOCALEDIR, else in
 * `locale/` beside the executable (the build tree), else in the
 * compiled-in OMBUD_LOCALEDIR. gettext normally picks a catalogue from the
 * process locale, and a fresh machine has no es/ca/he locale generated: so
 * LC_MESSAGES is set to C.UTF-8 (never "C", for which gettext ignores
 * LANGUAGE) and the language is named through LANGUAGE. No other locale
 * category is touched: numbers are formatted here, never by printf's
 * locale, so output does not depend on the machine.
 *
 * English is the source language: its texts are the msgids themselves and
 * its formats are the ones ombud always wrote (9.78 USD, 82.76%,
 * 2026-10-31), so English output is byte-identical to earlier versions.
 */
#ifndef OMBUD_I18N_H
#define OMBUD_I18N_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"

/** The languages ombud writes. */
typedef enum ombud_lang {
    OMBUD_LANG_EN = 0, /**< English (the msgids) */
    OMBUD_LANG_ES,     /**< Spanish */
    OMBUD_LANG_CA,     /**< Catalan */
    OMBUD_LANG_HE,     /**< Hebrew, written right to left */
    OMBUD_LANG_COUNT
} ombud_lang;

/**
 * @brief Parse a language code: "en", "es", "ca" or "he" (any case).
 * @return OMBUD_OK, or OMBUD_E_USAGE for anything else (no message).
 */
ombud_err ombud_lang_parse(const char *s, ombud_lang *out);

/** @brief The code of @p lang ("es"); static, do not free. */
const char *ombud_lang_code(ombud_lang lang);

/**
 * @brief Make @p lang current: load its catalogue (see above).
 * @return OMBUD_OK; OMBUD_E_DATA when the catalogue cannot be found (a
 * message names the folder searched; the language stays English).
 */
ombud_err ombud_i18n_set(ombud_lang lang);

/** @brief The current language (English until ombud_i18n_set()). */
ombud_lang ombud_i18n_get(void);

/** @brief 1 when the current language is written right to left. */
int ombud_i18n_rtl(void);

/**
 * @brief @p msgid in the current language; @p msgid itself in English or
 * when the catalogue lacks it. Static or the catalogue's: do not free.
 */
const char *ombud_gettext(const char *msgid)
    __attribute__((format_arg(1)));

/** @brief ngettext() in the current language. */
const char *ombud_ngettext(const char *one, const char *many, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

/** Mark and translate a fixed text. */
#define _(s) ombud_gettext(s)
/** Mark a text for the catalogue, translated later by _(). */
#define N_(s) (s)

/* ---- figures written the reader's way ---------------------------------------- */

/**
 * @brief A whole number: en "1234" (ungrouped, as ombud always wrote
 * counts), es/ca "1.234", he "1,234". @return @p buf.
 */
char *ombud_fmt_count(int64_t v, char *buf, size_t size);

/**
 * @brief ombud_fmt_count() into one of 16 buffers of the calling thread,
 * for a sentence's "%s of %s calls": the string stays valid until the
 * same thread has made 16 more. Do not free.
 */
const char *ombud_n(int64_t v);

/**
 * @brief An amount of @p minor units with @p digits decimals, without
 * currency: en "1234.56", es/ca "1.234,56", he "1,234.56". @return @p buf.
 */
char *ombud_fmt_amount(int64_t minor, int digits, char *buf, size_t size);

/**
 * @brief How currency @p code is written after an amount: the reader's own
 * currency as its sign (EUR "€" in es/ca, ILS "₪" in he), any other as its
 * ISO code (USD stays "USD": a bare "$" is ambiguous in a filing).
 * @return a static string or @p code.
 */
const char *ombud_fmt_currency(const char *code);

/**
 * @brief Money: en "1,234.56 USD" (grouped, as the reports always wrote),
 * es/ca "1.234,56 €", "9,78 USD", he "1,234.56 ₪"; a no-break space
 * before the currency in es/ca/he. @return @p buf.
 */
char *ombud_fmt_money(int64_t minor, int digits, const char *code, char *buf,
                      size_t size);

/** @brief Basis points as a share: en "82.76%", es/ca "82,76 %", he "82.76%". */
char *ombud_fmt_bp(int64_t bp, char *buf, size_t size);

/** @brief "Evidence incomplete: N serious data-quality problems, listed
 *  first" in the current language, into @p buf. */
char *ombud_fmt_incomplete(int n, char *buf, size_t size);

/**
 * @brief "N not assessed: no data in the period", in the current language,
 * for the summary, the cover and the workbook alike. @return @p buf.
 */
char *ombud_fmt_no_data(int n, char *buf, size_t size);

/**
 * @brief "2 duties to report met: reports were due, at the times listed",
 * for @p n REPORTABLE verdicts. @return @p buf.
 */
char *ombud_fmt_reportable(int n, char *buf, size_t size);

/** A share with an empty denominator: no share at all ("no data"). */
#define OMBUD_BP_NONE (-1)

/** @brief A calendar date: en "2026-10-31", es/ca "31/10/2026", he "31.10.2026". */
char *ombud_fmt_date(int year, int month, int day, char *buf, size_t size);

/** @brief Day and month of a chart axis: en "10-23", es/ca "23/10", he "23.10". */
char *ombud_fmt_daymonth(int month, int day, char *buf, size_t size);

struct ombud_tz;
/**
 * @brief A period [@p from, @p to) in @p tz: en "2026-10-01 to 2026-10-31"
 * (as ombud_period_format()), es "01/10/2026 a 31/10/2026". @return @p buf.
 */
char *ombud_fmt_period(const struct ombud_tz *tz, int64_t from, int64_t to,
                       char *buf, size_t size);

/**
 * @brief Instant @p t in @p tz with its weekday and time, in the current
 * language: en "Thu 2026-10-15 07:05", es "jue 15/10/2026 07:05".
 * @return @p buf.
 */
char *ombud_fmt_local(const struct ombud_tz *tz, int64_t t, char *buf,
                      size_t size);

/** @brief The date of instant @p t in @p tz (ombud_fmt_date()). */
char *ombud_fmt_day_of(const struct ombud_tz *tz, int64_t t, char *buf,
                       size_t size);

/** @brief A stored status ("PASS", "FAIL") as the reader's word. Static. */
const char *ombud_fmt_status(const char *status);

/** @brief The abbreviated name of weekday @p wday (0 = Monday), translated. */
const char *ombud_fmt_weekday(int wday);

/**
 * @brief Seconds as a duration as people write it: "12 h 59 min", "47 s",
 * "9 days 4 h" (days only from a week on), at most two units cut rather
 * than rounded (a third when the second is 0 and something was cut), the
 * parts joined by no-break spaces. Only whole parts are written: a buffer
 * too small for the next part ends before it. @return @p buf.
 */
char *ombud_fmt_duration(int64_t seconds, char *buf, size_t size);

/**
 * @brief A slot of the day, "08:30-09:00": from minute @p minute after
 * midnight for @p interval seconds. Values no check writes (a store
 * edited by hand) are held to the day, never overflowing. @return @p buf.
 */
char *ombud_fmt_slot(int64_t minute, int64_t interval, char *buf,
                     size_t size);

/**
 * @brief As ombud_fmt_duration(), but never in days: for a ratio a reader
 * checks ("112h / 744h", not "112h / 31d"). @return @p buf.
 */
char *ombud_fmt_hours(int64_t seconds, char *buf, size_t size);

/**
 * @brief The unit of column @p col (0 measured, 1 limit, 2 shortfall) of a
 * breach whose unit is @p unit: a unit may name one per column, "state|s"
 * (missing ones repeat the last). Written into @p buf. @return @p buf.
 */
char *ombud_unit_column(const char *unit, int col, char *buf, size_t size);

/** How a unit's figure goes into a typed spreadsheet cell. */
typedef enum ombud_cell_kind {
    OMBUD_CELL_NUMBER,    /**< a plain number (v / scale) */
    OMBUD_CELL_DURATION,  /**< a duration: days (v / scale), shown h:mm */
    OMBUD_CELL_PERCENT,   /**< a share: v / scale, shown as a percentage */
    OMBUD_CELL_RATIO,     /**< a decimal: v / scale, three places */
    OMBUD_CELL_TEXT,      /**< text: the unit's text() */
    OMBUD_CELL_MONEY      /**< minor units in the filing's currency */
} ombud_cell_kind;

/**
 * A unit figures are stored in: how it reads as text (PDF, messages) and
 * as a typed cell (XLSX). One table (src/i18n.c) serves both, so a unit
 * cannot read one way in the PDF and another in the workbook.
 */
typedef struct ombud_unit {
    const char *name;     /**< "s", "bp"...; NULL for the default, money */
    /** The figure @p v as the reader writes it, into @p buf; money in
     *  @p currency with @p digits decimals. @return @p buf. */
    char *(*text)(int64_t v, int digits, const char *currency, char *buf,
                  size_t size);
    ombud_cell_kind cell; /**< its kind of cell */
    double scale;         /**< cell value = v / scale (not for TEXT, MONEY) */
} ombud_unit;

/**
 * @brief The unit named @p unit: "count" (also for NULL), "s" (seconds),
 * "late" (seconds late, 0 "on time"), "bp" (basis points), "milli"
 * (thousandths), "state" (OMBUD_STATE_*), "day", "wday" (working days);
 * any other name is money (minor units). Never NULL; static.
 */
const ombud_unit *ombud_unit_find(const char *unit);

/**
 * @brief A breach's figure @p v in unit @p unit (see ombud_unit_find();
 * money in @p currency with @p digits) as the reader writes it.
 * @return @p buf.
 */
char *ombud_fmt_figure(int64_t v, const char *unit, int digits,
                       const char *currency, char *buf, size_t size);

/**
 * @brief @p fmt (a format or text) with its spaces made no-break ones, but
 * for the first when @p keep_first, into @p out: a figure and its word
 * ("9 min", "line 9") never wrap apart. Cut at a whole character when
 * @p out is small. @return @p out.
 */
char *ombud_fmt_nbsp(const char *fmt, int keep_first, char *out, size_t size);

/**
 * @brief The phrase @p fmt (translated, e.g. _(" plus %s")) with the
 * duration @p seconds in it, or "" when @p seconds is 0: a setting of zero
 * says nothing rather than "plus 0 s". @return @p buf.
 */
char *ombud_fmt_phrase_duration(const char *fmt, int64_t seconds, char *buf,
                                size_t size);

/** @brief What a measured state (OMBUD_STATE_*) is called. Static. */
const char *ombud_fmt_state(int64_t code);

/**
 * @brief A call's outcome word as stored ("closed", "voicemail") in the
 * reader's words ("the queue was closed"). Unknown words come back as given.
 */
const char *ombud_fmt_outcome(const char *outcome);

/* ---- XLSX number formats (Excel format codes, always en-US syntax) ------------- */

/**
 * @brief The locale tag that makes a spreadsheet show a format the
 * reader's way ("[$-C0A]" for Spanish), "" in English. Static.
 */
const char *ombud_xlsx_locale_tag(void);

/** @brief The date-and-time format code: "yyyy-mm-dd hh:mm" or "dd/mm/yyyy hh:mm". */
const char *ombud_xlsx_date_format(void);

/** @brief The date-only format code. */
const char *ombud_xlsx_day_format(void);

#endif
