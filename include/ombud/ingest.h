/*
 * ingest.h - reading input files into the evidence store.
 *
 * One generic CSV reader (libcsv underneath) streams a file record by
 * record, finds the columns by header name, checks each used field is clean
 * UTF-8 and hands the row to the format's converter, which parses the fields
 * and stores the row or says why it is rejected. Each input format is one
 * file in src/ingest/ that defines an ombud_format.
 *
 * To add a format: write src/ingest/<kind>.c with a columns table and a
 * store_row function, declare its ombud_format below and list it in
 * ombud_formats[] (src/ingest/reader.c).
 *
 * Memory stays bounded whatever the input: a record longer than
 * OMBUD_MAX_RECORD bytes or with more than OMBUD_MAX_FIELDS fields is
 * rejected and parsing resumes on the next line.
 */
#ifndef OMBUD_INGEST_H
#define OMBUD_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/cal.h"
#include "ombud/err.h"
#include "ombud/store.h"

/** Longest record accepted, in bytes (1 MiB). */
#define OMBUD_MAX_RECORD (1024 * 1024)
/** Most fields accepted in one record. */
#define OMBUD_MAX_FIELDS 4096
/** Most canonical columns a format may have. */
#define OMBUD_MAX_COLUMNS 16

/** A canonical column of an input format. */
typedef struct ombud_column {
    const char *name;    /**< canonical name, e.g. "started_at" */
    const char *aliases; /**< other header names, '|'-separated, or NULL */
    int required;        /**< 1 when the header must have it */
} ombud_column;

/** One data row, its fields arranged by canonical column. */
typedef struct ombud_row {
    long line;                       /**< physical line the record starts on */
    const char *v[OMBUD_MAX_COLUMNS];/**< field text; NULL if column absent */
    long col[OMBUD_MAX_COLUMNS];     /**< 1-based field number; 0 if absent */
} ombud_row;

/** Why a row was rejected. */
typedef struct ombud_row_reject {
    int column;       /**< canonical column index, or -1 for the whole row */
    char why[256];    /**< reason, e.g. "month out of range" */
} ombud_row_reject;

/** Settings for an import. */
typedef struct ombud_ingest_opts {
    const ombud_tz *tz;          /**< zone for times without offset (borrowed) */
    const char *currency;        /**< default currency, e.g. "USD" */
    const char *const *maps;     /**< "[kind.]column=Header Name" overrides */
    size_t nmaps;
    long show_rejects;           /**< print at most this many rejects a file;
                                      -1 for all */
} ombud_ingest_opts;

/** What a converter works with. */
typedef struct ombud_ingest_ctx {
    ombud_store *store;
    int64_t source_id;
    const ombud_ingest_opts *opts;
} ombud_ingest_ctx;

/** An input format. */
typedef struct ombud_format {
    const char *kind;               /**< "outages", "calls", "billing" */
    const ombud_column *columns;    /**< canonical columns */
    int ncolumns;
    /**
     * Parse and store one row. Returns OMBUD_OK when stored, OMBUD_E_FIELD
     * when rejected (with @p rej filled), anything else on a fatal error.
     */
    ombud_err (*store_row)(const ombud_ingest_ctx *ctx, const ombud_row *row,
                           ombud_row_reject *rej);
} ombud_format;

extern const ombud_format ombud_format_outages;
extern const ombud_format ombud_format_calls;
extern const ombud_format ombud_format_billing;
extern const ombud_format ombud_format_appointments;
extern const ombud_format ombud_format_orders;

/** Find a format by kind name; NULL if unknown. */
const ombud_format *ombud_format_find(const char *kind);

/**
 * @brief Import one file: checksum it, skip it if already imported, else
 * stream it into the store in one transaction.
 * @param counts receives read/stored/rejected (those of the earlier import
 * when @p already is set).
 * @param already receives 1 when the same file was imported before.
 * @return OMBUD_OK (even with rejected rows); OMBUD_E_NOINPUT when it cannot
 * be read; OMBUD_E_DATA when it has no usable header; OMBUD_E_STORE or
 * OMBUD_E_INTERNAL when the store failed. A message has been printed.
 */
ombud_err ombud_ingest_file(ombud_store *st, const ombud_format *fmt,
                            const char *path, const ombud_ingest_opts *opts,
                            ombud_counts *counts, int *already);

/**
 * @brief SHA-256 of a file as 64 hex digits into @p hex (65 bytes), and its
 * size. Used by ingest and by reports that list their inputs.
 */
ombud_err ombud_file_sha256(const char *path, char hex[65], int64_t *bytes);

/* ---- helpers for converters (src/ingest/fields.c) ------------------------ */

/** The field, or NULL when the column is absent or blank. */
const char *ombud_row_text(const ombud_row *row, int column);

/**
 * Parse a time column. Blank: *out = OMBUD_TIME_NONE and OK unless
 * @p required. On error fills @p rej and returns OMBUD_E_FIELD.
 */
ombud_err ombud_row_time(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         int column, int required, unsigned flags,
                         int64_t *out, ombud_row_reject *rej);

/** The exclusion reasons (OMBUD_EXCLUSION_WORDS) and location classes
 *  (OMBUD_LOCATION_WORDS) as NULL-terminated arrays of static strings. */
extern const char *const ombud_exclusion_words[];
extern const char *const ombud_location_words[];

/**
 * Parse a column holding one of @p words (NULL-terminated), matched without
 * regard to case. Blank: *out = NULL and OK. Else *out = the static word,
 * or a reject naming the allowed words (OMBUD_E_FIELD).
 */
ombud_err ombud_row_word(const ombud_row *row, int column,
                         const char *const *words, const char **out,
                         ombud_row_reject *rej);

/** Parse a yes/no column into @p out (blank: @p def). */
ombud_err ombud_row_bool(const ombud_row *row, int column, int def, int *out,
                         ombud_row_reject *rej);

/** Fill @p rej with a printf-style reason for @p column; returns OMBUD_E_FIELD. */
ombud_err ombud_row_fail(ombud_row_reject *rej, int column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
