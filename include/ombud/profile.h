/*
 * profile.h - import profiles: an export described once, in a small INI
 * file, and read as it is every month (issue 29).
 *
 *   [profile]   kind, name, delimiter, encoding, skip_lines,
 *               skip_after_header, timezone, header
 *   [columns]   ombud column = template over the file's own columns:
 *               "{Header}" inserts a field (the name as the header writes
 *               it), "{#3}" the third field, other text is literal, and
 *               "a | b" takes the first alternative whose fields are all
 *               non-blank; "{start} + {duration} minutes" (seconds,
 *               minutes, hours) is the one expression
 *   [formats]   ombud column = strptime-like pattern (%Y %m %d %H %M %S %I
 *               %p %y %b %B %a %A %z %j %s %%), or "number"
 *   [blank]     ombud column = values that mean "no value", '|'-separated
 *   [values C]  file value = ombud value, for column C
 *
 * A template names the file's columns, never another template, so there
 * are no loops to follow. Everything is checked when the profile is
 * loaded; each error names the profile's file:line. When a file is read,
 * its header binds the templates to field indices (ombud_profile_bind);
 * then each record becomes an ombud_row of assembled, formatted texts
 * (ombud_profile_fill) that the format's own converter parses, so a
 * profile changes how fields are found and spelled, never what ombud
 * accepts.
 *
 * Why not strptime(3): it follows LC_TIME, and ombud switches locales for
 * its reports, so "%B" would expect "julio" under --lang es; and it says
 * only "no match", where a reject must say "day out of range".
 */
#ifndef OMBUD_PROFILE_H
#define OMBUD_PROFILE_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/time.h"
#include "ombud/err.h"
#include "ombud/ingest.h"
#include "ombud/store.h"

/** Most alternatives in one template ("a | b | c"). */
#define OMBUD_PROFILE_MAX_ALTS 8
/** Most field references in one alternative. */
#define OMBUD_PROFILE_MAX_REFS 16
/** Most entries in all [values] sections of one profile. */
#define OMBUD_PROFILE_MAX_VALUES 1000
/** Largest profile file accepted, in bytes. */
#define OMBUD_PROFILE_MAX_BYTES (256 * 1024)

/** A loaded profile. Opaque; ombud_profile_load() makes one. */
typedef struct ombud_profile ombud_profile;

/**
 * @brief Read and check profile @p path.
 * @param out receives the profile; free it with ombud_profile_free().
 * @return OMBUD_OK; OMBUD_E_NOINPUT when it cannot be read; OMBUD_E_DATA
 * when it is not a valid profile. The message (path:line: error: ...) has
 * been printed.
 * @code
 *   ombud_profile *p;
 *   if (ombud_profile_load("templates/profiles/oe417.ini", &p) == OMBUD_OK) {
 *       dec.profile = p;  ...  ombud_profile_free(p);
 *   }
 * @endcode
 */
ombud_err ombud_profile_load(const char *path, ombud_profile **out);

/** Free a profile; NULL is a no-op. */
void ombud_profile_free(ombud_profile *p);

/** The kind it reads ("outages"...); owned by the profile. */
const char *ombud_profile_kind(const ombud_profile *p);
/** Its [profile] name, or "" (owned by the profile). */
const char *ombud_profile_title(const ombud_profile *p);
/** The name used in messages and recorded in the store: the file's base
 *  name, or what ombud_profile_set_label() set (owned by the profile). */
const char *ombud_profile_label(const ombud_profile *p);
/** Record the profile under @p label (copied): `verify` names it as the
 *  report did, wherever the reviewer keeps the file. */
void ombud_profile_set_label(ombud_profile *p, const char *label);
/** SHA-256 of the profile file as 64 hex digits (owned by the profile). */
const char *ombud_profile_sha256(const ombud_profile *p);
/** Its encoding (an iconv name), or NULL for UTF-8 (owned). */
const char *ombud_profile_encoding(const ombud_profile *p);
/** Its delimiter byte, or 0 for "auto". */
char ombud_profile_delim(const ombud_profile *p);
/** Physical lines before the header. */
long ombud_profile_skip_lines(const ombud_profile *p);
/** Records after the header that are not data (a units line). */
long ombud_profile_skip_after(const ombud_profile *p);
/** 0 when the file has no header row ({#N} templates only). */
int ombud_profile_has_header(const ombud_profile *p);
/** Its time zone, or NULL when it names none (borrowed from the profile). */
const ombud_tz *ombud_profile_tz(const ombud_profile *p);
/** 1 when a template names header @p name (@p n bytes, spaces trimmed):
 *  how the reader finds the delimiter of a profiled file. */
int ombud_profile_knows_header(const ombud_profile *p, const char *name,
                               size_t n);

/** A profile bound to one file's header. Opaque. */
typedef struct ombud_profile_bound ombud_profile_bound;

/**
 * @brief Bind the templates of @p p to a file's header (@p names, @p lens:
 * its @p n fields; NULL names for a file without a header, whose first
 * record has @p n fields). @p fmt must be the profile's kind.
 * A template naming a header the file lacks, or a field past its last, is
 * an error naming the profile line and the file's headers (printed, with
 * @p path:@p line).
 * @param out receives the binding; free with ombud_profile_unbind().
 * @return OMBUD_OK, OMBUD_E_DATA, or OMBUD_E_NOMEM.
 */
ombud_err ombud_profile_bind(const ombud_profile *p, const ombud_format *fmt,
                             const char *const *names, const size_t *lens,
                             size_t n, const char *path, long line,
                             ombud_profile_bound **out);

/** Free a binding; NULL is a no-op. */
void ombud_profile_unbind(ombud_profile_bound *b);

/** A second binding of @p b's header with texts of its own, for another
 *  thread to fill rows with (a binding's texts are one row's); NULL when
 *  out of memory. Free with ombud_profile_unbind(). */
ombud_profile_bound *ombud_profile_bound_copy(const ombud_profile_bound *b);

/** Why a record could not be made into a row. */
typedef struct ombud_profile_fail {
    int column;        /**< canonical column */
    long col;          /**< 1-based file field it came from (0: none) */
    const char *value; /**< the text as assembled (owned by the binding) */
    char why[200];     /**< e.g. "day out of range" */
    long pline;        /**< the profile line that shaped it */
} ombud_profile_fail;

/**
 * @brief Make record @p v (@p n fields, NUL-terminated) into @p row: each
 * column's template assembled, [blank] and [values] applied, then its
 * format. Row texts are owned by the binding and valid until the next
 * call. @p tz is the zone of times without an offset (for expressions).
 * @return OMBUD_OK, or OMBUD_E_FIELD with @p fail filled.
 */
ombud_err ombud_profile_fill(ombud_profile_bound *b, const ombud_tz *tz,
                             const char *const *v, size_t n, ombud_row *row,
                             ombud_profile_fail *fail);

/** The profile line of column @p column's template (0: none). */
long ombud_profile_line(const ombud_profile_bound *b, int column);

/* ---- pieces, exposed for tests and `ombud profile guess` ------------------ */

/**
 * @brief Parse @p s with strptime-like @p pattern into canonical ISO text
 * ("2011-07-01T17:00:00", with "Z" or "+hh:mm" when the pattern has %s or
 * %z; "2011-07-01" for a date alone) in @p out.
 * @return OMBUD_OK, or OMBUD_E_FIELD with a reason in @p why ("day out of
 * range", "expected the month name (%B) at \"Jully 1\"").
 */
ombud_err ombud_profile_time(const char *pattern, const char *s, char *out,
                             size_t size, char *why, size_t wl);

/**
 * @brief Check a pattern: known directives only, and a date (%Y or %y with
 * %m or %b/%B and %d, or %j) or %s. @return OMBUD_OK, or OMBUD_E_DATA with
 * a reason in @p why.
 */
ombud_err ombud_profile_pattern_check(const char *pattern, char *why,
                                      size_t wl);

/**
 * @brief "3.00E+05" -> "300000": a whole number in decimal or exponent
 * form. @return OMBUD_OK, or OMBUD_E_FIELD with a reason.
 */
ombud_err ombud_profile_number(const char *s, char *out, size_t size,
                               char *why, size_t wl);

/**
 * @brief Print a starting profile of @p kind for file @p path on stdout:
 * encoding, delimiter, lines before the header, likely column matches and
 * date formats that parse the first rows. @return OMBUD_OK, or an error
 * (printed).
 */
ombud_err ombud_profile_guess(const char *path, const char *kind);

/**
 * @brief Read @p path through profile @p p into a throwaway store (made
 * and removed in a temporary folder): nothing is kept. Rejects print as
 * on ingest, at most @p show of them (-1: all). @p tz is the zone when
 * the profile names none.
 * @param counts receives read, stored and rejected.
 * @return as ombud_ingest_decoded().
 */
ombud_err ombud_profile_try(const ombud_profile *p, const char *path,
                            const ombud_tz *tz, long show,
                            ombud_counts *counts);

#endif
