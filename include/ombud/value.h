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
 * JPY, KRW..., 3 for BHD, KWD..., 2 otherwise.
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

/**
 * @brief Check a field's bytes: valid UTF-8, no NUL, no control characters
 * other than tab, CR and LF.
 * @return OMBUD_OK or OMBUD_E_FIELD with the offending byte offset in @p why.
 */
ombud_err ombud_text_check(const char *s, size_t n, char *why, size_t whylen);

#endif
