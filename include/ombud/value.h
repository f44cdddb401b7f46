/*
 * value.h - parsing of the non-time field types found in input files.
 *
 * Money is never a double: amounts are parsed straight from their decimal
 * text into integer minor units (cents), with the number of decimals the
 * currency allows. Every parser takes a NUL-terminated field and, on
 * failure, writes a short reason for the reject message into @p why.
 */
#ifndef OMBUD_VALUE_H
#define OMBUD_VALUE_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"

/** Largest absolute amount accepted, in minor units (10^15: a quadrillion cents). */
#define OMBUD_AMOUNT_MAX INT64_C(1000000000000000)

/**
 * @brief Number of decimals of an ISO 4217 currency's minor unit: 0 for
 * JPY, KRW..., 3 for BHD, KWD..., 2 otherwise (and for NULL: no currency
 * named).
 */
int ombud_currency_digits(const char *code);

/** @brief True when @p code is three upper-case ASCII letters. */
int ombud_currency_valid(const char *code);

/**
 * @brief Parse a decimal amount ("89.99", "-12.5", "0") into minor units.
 *
 * Rejected: exponents ("1e3"), NaN/Inf, thousands separators or a decimal
 * comma ("12,34"), more decimals than the currency has, magnitudes above
 * OMBUD_AMOUNT_MAX. "-0" is zero.
 * @param digits  decimals of the currency (ombud_currency_digits()).
 * @return OMBUD_OK or OMBUD_E_FIELD.
 */
ombud_err ombud_amount_parse(const char *s, int digits, int64_t *minor,
                             char *why, size_t whylen);

/**
 * @brief Format minor units as a decimal string ("-1234.56").
 * @return @p buf.
 */
char *ombud_amount_format(int64_t minor, int digits, char *buf, size_t size);

/**
 * @brief Parse a non-negative integer in [0, @p max].
 */
ombud_err ombud_uint_parse(const char *s, int64_t max, int64_t *out,
                           char *why, size_t whylen);

/**
 * @brief Parse yes/no, true/false, y/n, 1/0 (any case) into 1 or 0.
 */
ombud_err ombud_bool_parse(const char *s, int *out, char *why, size_t whylen);

/**
 * @brief Find @p s (case-insensitive) in a NULL-terminated list of words.
 * @return its index, or -1.
 */
int ombud_word_index(const char *s, const char *const *words);

/** ombud_text_check_as(): the text is an identifier (id, account, queue,
 *  agent, number, area): bidirectional controls are rejected too, and
 *  one longer than OMBUD_ID_MAX bytes. */
#define OMBUD_TEXT_ID 1u
/** The longest identifier, in bytes. PostgreSQL indexes ids and refuses
 *  an index entry past about 2,700 bytes (a pair of ids shares one), so
 *  a longer id failed a whole import there and passed in SQLite: both
 *  stores now refuse it alike, as a row's reject. */
#define OMBUD_ID_MAX 1000
/** ombud_text_check_as(): the file ends its lines with a lone CR (classic
 *  Mac OS), so a CR inside a quoted field is its newline. */
#define OMBUD_TEXT_CR_EOL 2u

/**
 * @brief Check a field's bytes: valid UTF-8; no NUL; no control character
 * (C0, DEL, C1 U+0080-U+009F) other than TAB and a newline (LF, or CRLF;
 * a lone CR only with OMBUD_TEXT_CR_EOL); no Unicode noncharacter
 * (U+FFFE, U+FDD0...); with OMBUD_TEXT_ID no bidirectional control
 * (U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069), which free text
 * may keep because the PDF draws it isolated, and at most OMBUD_ID_MAX
 * bytes.
 * @param flags OMBUD_TEXT_ID, OMBUD_TEXT_CR_EOL or 0 (free text).
 * @return OMBUD_OK or OMBUD_E_FIELD with the reason and the offending
 * byte offset (1-based) in @p why, e.g. "bidirectional control character
 * U+202E at byte 4: not allowed in an identifier".
 */
ombud_err ombud_text_check_as(const char *s, size_t n, unsigned flags,
                              char *why, size_t whylen);

/** @brief ombud_text_check_as() for free text (flags 0). */
ombud_err ombud_text_check(const char *s, size_t n, char *why, size_t whylen);

#endif
