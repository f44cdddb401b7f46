/*
 * ingest.h - reading input files into the evidence store.
 *
 * One generic CSV reader (libcsv underneath) streams a file record by
 * record, finds the columns by header name, checks each used field is clean
 * UTF-8 (identifiers without bidi controls, see ombud_column.text) and
 * hands the row to the format's converter, which parses the fields
 * and stores the row or says why it is rejected. Each input format is one
 * file in src/ingest/ that defines an ombud_format.
 *
 * To add a format (of a record type the store already keeps):
 *   1. write src/ingest/<kind>.c with a columns table, a convert and a
 *      store function and, when its rows have a unique key, a dup
 *      function wording the reject of a row whose key an earlier row
 *      holds; declare its ombud_format below;
 *   2. give it one line in ombud_input_kinds[] (src/ingest/formats.c): its
 *      option, its label in words (N_()), its place in the import order and
 *      the shared options it takes. `ingest`, `run` and `verify` take the
 *      option from there, the engine the order, the reports the label;
 *   3. describe the option in the help of `ingest` (src/cmd/cmd_ingest.c)
 *      and in the man page (src/man/ombud.1), and the columns in README.md;
 *   4. run `make pot` and translate the label in po/es.po, po/ca.po and
 *      po/he.po (`make i18n-check` fails until they are);
 *   5. add tests under tests/ (a case in tests/e2e/cases/).
 * Both store backends take it with no change (tried: a "tickets" format
 * stored as outages touched tickets.c, formats.c and cmd_ingest.c's help).
 * A new record type also needs its table and add_/each_ operations in the
 * store: store.h, the façade (src/store.c), each backend (src/store/) and
 * the conformance suite (tests/unit/store/test_store_conformance.c).
 *
 * Formats that are not rows under a header (the Asterisk queue_log and
 * Master.csv) set begin/store_record/finish instead: the reader still does
 * the chunking, line numbers, limits, UTF-8 checks, checksum and rejects,
 * and hands over each record's fields as they are; begin chooses the
 * delimiter from the file's first bytes; finish runs after the last record
 * (the queue_log builds its legs there) and must leave
 * read = stored + rejected + counted.
 *
 * Memory stays bounded whatever the input: a record longer than
 * OMBUD_MAX_RECORD bytes or with more than OMBUD_MAX_FIELDS fields is
 * rejected and parsing resumes on the next line.
 */
#ifndef OMBUD_INGEST_H
#define OMBUD_INGEST_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/time.h"
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
    int text;            /**< 1 for free text (cause, description), which
                              may hold bidi controls: the PDF draws it
                              isolated. 0 (ids, accounts, queues, agents,
                              areas, numbers, times, words): rejected. */
} ombud_column;

/** One data row, its fields arranged by canonical column. */
typedef struct ombud_row {
    long line;                       /**< physical line the record starts on */
    const char *v[OMBUD_MAX_COLUMNS];/**< field text; NULL if column absent */
    long col[OMBUD_MAX_COLUMNS];     /**< 1-based field number; 0 if absent */
} ombud_row;

/** Why a row was rejected. */
typedef struct ombud_row_reject {
    int column;       /**< canonical column index, or -1 for the whole row;
                           for record formats the 0-based field index */
    char why[256];    /**< reason, e.g. "month out of range" */
    const char *field;/**< record formats: the field's name, or NULL */
} ombud_row_reject;

/** What an Asterisk site decided its queue exits mean ([source asterisk]). */
#define OMBUD_ASTERISK_MAX_KEYS 16
typedef struct ombud_asterisk_site {
    const char *exitwithtimeout;  /**< outcome of EXITWITHTIMEOUT (static word) */
    int nkeys;                    /**< entries in key[] */
    char key[OMBUD_ASTERISK_MAX_KEYS][8]; /**< a DTMF key, or "other" */
    const char *key_outcome[OMBUD_ASTERISK_MAX_KEYS]; /**< its outcome (static) */
} ombud_asterisk_site;

/** The defaults: EXITWITHTIMEOUT is voicemail, any EXITWITHKEY is ivr. */
void ombud_asterisk_site_default(ombud_asterisk_site *site);

/**
 * @brief Set one [source asterisk] key (exitwithtimeout or exitwithkey)
 * from its text. @return OMBUD_OK, or OMBUD_E_DATA with the reason in @p why
 * (unknown key, unknown outcome word, bad key list).
 */
ombud_err ombud_asterisk_site_set(ombud_asterisk_site *site, const char *key,
                                  const char *value, char *why, size_t wl);

/** The settings as "exitwithtimeout = voicemail; exitwithkey = 1: ..." into @p buf. */
char *ombud_asterisk_site_format(const ombud_asterisk_site *site, char *buf,
                                 size_t size);

/** The outcome word an EXITWITHKEY with @p key maps to. */
const char *ombud_asterisk_key_outcome(const ombud_asterisk_site *site,
                                       const char *key);

/** Settings for an import. */
typedef struct ombud_ingest_opts {
    const ombud_tz *tz;          /**< zone for times without offset (borrowed) */
    const char *currency;        /**< default currency, e.g. "USD" */
    const char *const *maps;     /**< "[kind.]column=Header Name" overrides */
    size_t nmaps;
    long show_rejects;           /**< print at most this many rejects a file;
                                      -1 for all */
    const ombud_asterisk_site *asterisk; /**< queue_log settings (borrowed);
                                      NULL: the defaults */
    const ombud_tz *cdr_tz;      /**< zone of Master.csv times (borrowed);
                                      NULL: @c tz */
    const char *as_path;         /**< record the file under this path (and
                                      its base name) instead of the path
                                      read: `ombud verify` re-imports a file
                                      found elsewhere as the report names
                                      it. NULL: the path read. */
} ombud_ingest_opts;

struct ombud_profile; /* profile.h */

/** How one file's bytes are read (--encoding, --delimiter, --profile). */
typedef struct ombud_decoding {
    const char *encoding;        /**< iconv name to convert from; NULL (or
                                      UTF-8): UTF-8, or UTF-16/32 by its
                                      byte order mark, and a file that is
                                      not UTF-8 is refused */
    char delim;                  /**< field delimiter of a header format;
                                      0: the one of , ; TAB | that splits
                                      the header into known column names */
    const struct ombud_profile *profile; /**< read through this import
                                      profile (borrowed; profile.h), or
                                      NULL; its encoding, delimiter and
                                      zone win over the others */
} ombud_decoding;

/** What a converter works with. */
typedef struct ombud_ingest_ctx {
    ombud_store *store;
    int64_t source_id;
    const ombud_ingest_opts *opts;
    ombud_counts *counts;        /**< record formats count what they store */
    const char *path;            /**< the file, for messages */
    void *state;                 /**< a record format's own (it frees it) */
} ombud_ingest_ctx;

/** One record of a record format: its fields as read. */
typedef struct ombud_record {
    long line;                   /**< physical line the record starts on */
    size_t n;                    /**< number of fields */
    const char *const *v;        /**< field texts, NUL-terminated */
    const size_t *len;           /**< field lengths */
    int header;                  /**< 1 for the header row begin asked for */
} ombud_record;

/** How a record format wants its file parsed (begin fills it). */
typedef struct ombud_sniff {
    unsigned char delim;         /**< field delimiter (default ',') */
    unsigned char quote;         /**< quote character (default '"') */
    int header;                  /**< the first record is a header row */
    int unquoted;                /**< no quoting at all (queue_log file
                                      form): quote is then ignored */
} ombud_sniff;

/** An input format. */
typedef struct ombud_format {
    const char *kind;               /**< "outages", "calls", "billing" */
    const ombud_column *columns;    /**< canonical columns */
    int ncolumns;
    /**
     * Record formats only (NULL otherwise). begin sees the first bytes of
     * the file (@p n may be short) and may allocate ctx->state; it returns
     * OMBUD_E_DATA (message printed) for a file of the wrong kind.
     */
    ombud_err (*begin)(ombud_ingest_ctx *ctx, const char *head, size_t n,
                       ombud_sniff *sniff);
    /**
     * Take one record: OMBUD_OK when it was kept (the format has counted it
     * stored or counted, now or for finish), OMBUD_E_FIELD when rejected
     * (@p rej filled), OMBUD_E_DATA for a bad header row, else fatal.
     */
    ombud_err (*store_record)(ombud_ingest_ctx *ctx, const ombud_record *rec,
                              ombud_row_reject *rej);
    /** After the last record (also after an error: free ctx->state then). */
    ombud_err (*finish)(ombud_ingest_ctx *ctx, int failed);
    /**
     * Formats whose rows have a unique key (NULL otherwise): a row the
     * store did not keep because an earlier row holds its key (@p d, told
     * as the row is added or when the file ends). Return OMBUD_E_FIELD
     * with @p rej worded (the reader rejects the row on that column, with
     * the key as written), or OMBUD_OK when the format accounted for the
     * row itself. The reader has already taken it out of the rows stored.
     */
    ombud_err (*dup)(const ombud_ingest_ctx *ctx, const ombud_dup *d,
                     ombud_row_reject *rej);
    /**
     * Header formats (NULL for record formats): a row parsed, then
     * stored, in two halves so that the reader's parsing thread converts
     * rows while the calling thread stores them. convert() makes @p row
     * into the format's record in @p rec (rec_size bytes, at most
     * OMBUD_REC_MAX; its texts may point into @p row's, which outlive it)
     * and returns OMBUD_OK, OMBUD_E_FIELD when the row is rejected (with
     * @p rej filled), anything else on a fatal error; it may run on
     * another thread, so it reads only ctx->opts and touches neither the
     * store nor the counts. store() keeps a record convert() made:
     * OMBUD_OK, or a fatal error, never OMBUD_E_FIELD.
     */
    size_t rec_size;
    ombud_err (*convert)(const ombud_ingest_ctx *ctx, const ombud_row *row,
                         void *rec, ombud_row_reject *rej);
    ombud_err (*store)(const ombud_ingest_ctx *ctx, long line,
                       const void *rec);
} ombud_format;

/** The largest ombud_format.rec_size (the reader keeps one on its stack). */
#define OMBUD_REC_MAX 512

extern const ombud_format ombud_format_outages;
extern const ombud_format ombud_format_calls;
extern const ombud_format ombud_format_billing;
/** caller_number,account_id: the caller-number -> account map (accounts.csv). */
extern const ombud_format ombud_format_accounts;
/** Asterisk queue_log: file form (|) or database export (CSV). Kind "queue_log". */
extern const ombud_format ombud_format_queue_log;
/** Asterisk Master.csv (cdr_csv 16/18/21 columns, cdr_custom 19). Kind "cdr". */
extern const ombud_format ombud_format_cdr;
extern const ombud_format ombud_format_appointments;
extern const ombud_format ombud_format_orders;
/** area,customers_served[,as_of]: customers served per area (customers.csv). */
extern const ombud_format ombud_format_customers;
/** area,at,customers_out: customers out per area at an instant
 *  (snapshots.csv, e.g. EAGLE-I through its profile). */
extern const ombud_format ombud_format_snapshots;

/** Find a format by kind name; NULL if unknown. */
const ombud_format *ombud_format_find(const char *kind);

/* ---- the kinds of input file (src/ingest/formats.c) ------------------------ */

/** What else applies to a kind's files (ombud_input_kind.flags). */
enum {
    OMBUD_IN_MAP = 1 << 0,       /**< --map COLUMN=HEADER without a kind
                                      looks for COLUMN in it */
    OMBUD_IN_DELIMITER = 1 << 1, /**< --delimiter KIND=D may name it */
    OMBUD_IN_PROFILE = 1 << 2,   /**< an import profile may read it */
    OMBUD_IN_CDR_TZ = 1 << 3,    /**< its times are read in --cdr-tz (when
                                      given) rather than the filing's zone */
    OMBUD_IN_UNTIMED = 1 << 4,   /**< its rows have no time (a map): data
                                      quality places none against the period */
    OMBUD_IN_ZONELESS = 1 << 5   /**< its times are epochs, read in no zone:
                                      data quality never finds it in the
                                      wrong one */
};

/** @brief Has input kind @p kind (a format's kind) every flag of @p flags?
 *  0 for an unknown kind. */
int ombud_input_has(const char *kind, unsigned flags);

/**
 * An input kind: a format and every fact the commands, the engine and the
 * reports need about it, so none of them lists kinds.
 */
typedef struct ombud_input_kind {
    const ombud_format *fmt;  /**< how its files are read; its kind names it */
    const char *option;       /**< the option naming its files on `ingest`,
                                   `run` and `verify`, without "--"
                                   ("outages"); NULL when another kind's
                                   option names them (see offered_as) */
    const char *offered_as;   /**< the option whose files may be of this
                                   kind ("calls" for the queue_log: --calls
                                   takes either), or NULL */
    const char *label;        /**< its name in reports, in words; marked
                                   N_() and translated when shown */
    int order;                /**< import order, lower first; kinds of one
                                   order in the table's order */
    unsigned flags;           /**< OMBUD_IN_* */
} ombud_input_kind;

/** Every input kind, in the order messages list them; ended by an entry
 *  whose fmt is NULL. */
extern const ombud_input_kind ombud_input_kinds[];

/** The kind named @p kind (a format's kind: "queue_log"); NULL if unknown. */
const ombud_input_kind *ombud_input_kind_find(const char *kind);

/** @brief The label of input kind @p kind in the current language
 *  ("outages", "registros de llamadas"...); @p kind itself when unknown,
 *  "" for NULL. Static or the catalogue's: do not free. */
const char *ombud_input_label(const char *kind);

/** @brief May a file offered by option @p option ("calls") be the input of
 *  kind @p kind ("queue_log")? 1 when it is the kind's own option or the
 *  kind is offered_as it. */
int ombud_input_offered_as(const char *option, const char *kind);

/**
 * @brief The options of the kinds that have one and every flag of
 * @p flags, each after @p prefix ("--" or NULL), as a list for a message:
 * "outages, calls or billing". @return @p buf.
 * @code
 *   char b[200];
 *   ombud_input_kinds_say(OMBUD_IN_PROFILE, NULL, b, sizeof b);
 *   // "outages, calls, billing, appointments, orders or accounts"
 * @endcode
 */
char *ombud_input_kinds_say(unsigned flags, const char *prefix, char *buf,
                            size_t size);

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
 * @brief ombud_ingest_file() with the file's encoding and delimiter given
 * (@p dec borrowed; NULL: UTF-8 and the delimiter found in the header).
 * A file that is not in its encoding is refused whole (OMBUD_E_DATA,
 * naming the first bad byte's line and column and, for UTF-8, the likely
 * encoding); nothing of it is stored. The checksum is that of the bytes
 * as read, before any conversion.
 */
ombud_err ombud_ingest_decoded(ombud_store *st, const ombud_format *fmt,
                               const char *path, const ombud_ingest_opts *opts,
                               const ombud_decoding *dec,
                               ombud_counts *counts, int *already);

/**
 * @brief SHA-256 of a file as 64 hex digits into @p hex (65 bytes), and its
 * size. Used by ingest and by reports that list their inputs.
 */
ombud_err ombud_file_sha256(const char *path, char hex[65], int64_t *bytes);

/**
 * @brief The digits of caller number @p s into @p out (others dropped), so
 * that "+1 555-0100" and "15550100" compare equal. @return 1 if any digit.
 * (src/ingest/accounts.c)
 */
int ombud_caller_digits(const char *s, char *out, size_t size);

/* ---- encodings (src/ingest/encoding.c) ------------------------------------ */

/**
 * Where a file stops being UTF-8, and what its other bytes look like.
 * Fill with ombud_utf8_scan_init(), feed the bytes in chunks of any size,
 * end with ombud_utf8_scan_end(). Lines count as grep -n counts them (LF,
 * or CR in a file whose first line ends with a lone CR); columns are
 * 1-based byte positions within the line.
 */
typedef struct ombud_utf8_scan {
    long bad_line;          /**< line of the first byte that is not UTF-8;
                                 0 when every byte so far is */
    long bad_col;           /**< its byte column in that line (1-based) */
    int64_t bad_offset;     /**< its offset in the file (0-based) */
    unsigned char bad_byte; /**< the byte itself (a sequence's lead byte) */
    int64_t nbad;           /**< bytes that are not UTF-8 */
    int64_t cp1252;         /**< of those, 0x80-0x9F bytes Windows-1252
                                 prints (euro, curly quotes, dashes) */
    int64_t c1;             /**< of those, 0x80-0x9F bytes Windows-1252
                                 leaves undefined (0x81, 0x8D, ...) */
    int64_t multi;          /**< valid multi-byte UTF-8 sequences */
    int64_t ctrl;           /**< C0 control bytes other than TAB, LF, CR
                                 (NUL...): a binary file, not text */
    int64_t offset;         /**< bytes fed */
    /* private: the scanner's place */
    long line, col;         /**< position of the last byte fed */
    int eol;                /**< '\n' or '\r' once the first line end is seen */
    int after_cr;           /**< the last byte was a CR */
    unsigned need;          /**< continuation bytes still expected */
    unsigned char lo, hi;   /**< range allowed for the next one */
    unsigned char seq[4];   /**< the sequence so far */
    unsigned nseq;
    int64_t seq_off;        /**< offset and column of its lead byte */
    long seq_col;
} ombud_utf8_scan;

/** Start a scan. */
void ombud_utf8_scan_init(ombud_utf8_scan *s);
/** Scan @p n more bytes. Cannot fail. */
void ombud_utf8_scan_feed(ombud_utf8_scan *s, const void *p, size_t n);
/** End of input: a sequence left unfinished is not UTF-8. */
void ombud_utf8_scan_end(ombud_utf8_scan *s);

/**
 * @brief The likely encoding of a scanned file that is not UTF-8, as an
 * iconv name for --encoding: "WINDOWS-1252" when bytes 0x80-0x9F are used
 * as text (all of them ones Windows-1252 prints), "ISO-8859-1" when every
 * bad byte is 0xA0-0xFF. NULL when no guess is safe: the file is UTF-8,
 * mixes valid UTF-8 sequences with bad bytes (two encodings), or holds
 * bytes no single-byte Western encoding prints, or is binary
 * (ombud_encoding_binary()). Static string.
 * @code
 *   ombud_utf8_scan s;
 *   ombud_utf8_scan_init(&s);
 *   ombud_utf8_scan_feed(&s, "caf\xE9 \x93ok\x94", 11);
 *   ombud_utf8_scan_end(&s);
 *   ombud_encoding_guess(&s);   // "WINDOWS-1252"; s.bad_col == 4
 * @endcode
 */
const char *ombud_encoding_guess(const ombud_utf8_scan *s);

/** @brief 1 when more than one byte in 64 of the scan is a control byte:
 * a compressed or binary file given by mistake, not text. */
int ombud_encoding_binary(const ombud_utf8_scan *s);

/**
 * @brief Byte @p b as a character of @p encoding (a guess above), in
 * UTF-8 into @p buf, for messages ("0x92 is \u2019 there"). Empty when
 * the encoding gives it none or is NULL. @return @p buf.
 */
const char *ombud_encoding_char(const char *encoding, unsigned char b,
                                char buf[5]);

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

/**
 * Record formats: reject field @p i of @p rec (named @p name) when it is
 * not fit for an identifier (ombud_text_check_as() with OMBUD_TEXT_ID:
 * a bidi control such as U+202E). The reader has already checked every
 * field as free text. @return OMBUD_OK, or OMBUD_E_FIELD with @p rej set.
 */
ombud_err ombud_record_id_check(const ombud_record *rec, size_t i,
                                const char *name, ombud_row_reject *rej);

/** Fill @p rej with a printf-style reason for @p column; returns OMBUD_E_FIELD. */
ombud_err ombud_row_fail(ombud_row_reject *rej, int column, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
