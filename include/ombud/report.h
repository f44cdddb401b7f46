/*
 * report.h - reports written from the findings in the store.
 *
 * A report never recomputes a rule: it reads a stored check (results,
 * breaches with their evidence references, figures and series), the
 * sources and the rejects, and lays them out. Every report is written to a
 * temporary name beside the target and renamed into place when complete,
 * so a failure never leaves a partial report that looks finished.
 * Reports are deterministic: document dates come from the period, never
 * from the clock. The one date a person chooses, the complaint letter's,
 * is an option like any other (today's by default) and the dossier's
 * manifest records it, so the dossier is written again the same on any
 * later day.
 */
#ifndef OMBUD_REPORT_H
#define OMBUD_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/err.h"
#include "ombud/store.h"

/** Excel's last row index plus one (1,048,576 rows). */
#define OMBUD_XLSX_MAX_ROWS 1048576

/**
 * @brief Write the XLSX compliance report of check @p check_id (0 = the
 * latest) to @p path: Summary, one sheet per guarantee (split into
 * "Name (2)"... past Excel's row limit), Inputs, Rejects, Method.
 * @return OMBUD_OK; OMBUD_E_DATA when the store has no check;
 * OMBUD_E_CANTCREAT when the file cannot be written. A message is printed.
 */
ombud_err ombud_report_xlsx(ombud_store *st, int64_t check_id, const char *path);

/** Paper sizes of the PDF. */
typedef enum ombud_paper {
    OMBUD_PAPER_LETTER = 0, /**< US Letter, 8.5 x 11 in */
    OMBUD_PAPER_A4          /**< ISO A4, 210 x 297 mm */
} ombud_paper;

/** Parse "letter" or "a4" (any case); OMBUD_E_USAGE otherwise. */
ombud_err ombud_paper_parse(const char *s, ombud_paper *out);

/** "letter" or "a4", as the manifest records it. Static: do not free. */
const char *ombud_paper_name(ombud_paper paper);

/**
 * @brief Write the PDF filing report of check @p check_id (0 = the latest)
 * to @p path: cover with the verdict, summary, a section per guarantee
 * (promise, method, chart, first breaches), inputs with checksums, and a
 * certification page; "page N of M" on every page. Deterministic.
 * @return OMBUD_OK; OMBUD_E_DATA when the store has no check;
 * OMBUD_E_CANTCREAT when the file cannot be written.
 */
ombud_err ombud_report_pdf(ombud_store *st, int64_t check_id, const char *path,
                           ombud_paper paper);

/** Longest letter template read, in bytes. */
#define OMBUD_LETTER_MAX (1024 * 1024)

/** A placeholder of a letter template and its value (both borrowed). */
typedef struct ombud_letter_field {
    const char *name;   /**< as written between {{ and }} */
    const char *value;  /**< its text; NULL or "" when there is nothing */
    int off;            /**< 1: not set for sections although it has a text
                             to show (an amount owed of 0.00) */
} ombud_letter_field;

/**
 * @brief Fill the letter template @p text (read from @p path, named in
 * messages) by replacing each {{name}} with its field's value.
 *
 * {{#name}}...{{/name}} keeps its text only when the field is set (a
 * non-empty value, not @c off), {{^name}}...{{/name}} only when it is not;
 * sections nest. A section tag alone on its line is removed with the
 * line, so a section leaves no blank line behind:
 * @code
 * {{customer}}
 * {{#address}}
 * {{address}}
 * {{/address}}
 * @endcode
 * @param out receives the letter (free with g_free()) on success.
 * @return OMBUD_OK; OMBUD_E_DATA when a placeholder is unknown or
 * unterminated, or a section is not closed or closed twice (each is
 * reported with its line), or the text is not clean UTF-8.
 */
ombud_err ombud_letter_fill(const char *path, const char *text,
                            const ombud_letter_field *fields, int nfields,
                            char **out);

/** What a complaint dossier is made from. */
typedef struct ombud_complaint {
    int64_t check_id;       /**< the check whose findings are used */
    const char *account;    /**< the account complained about */
    const char *customer;   /**< who complains */
    const char *ask;        /**< what they ask the commission for; NULL:
                                 the standard request, which depends on
                                 whether there was a breach */
    const char *letter_path;/**< the template's path (for messages) */
    const char *letter;     /**< the template's text */
    ombud_paper paper;
    const char *address;    /**< the complainant's postal address, or NULL */
    const char *service_address; /**< where the service is, or NULL */
    const char *tried;      /**< what was already tried with the company,
                                 or NULL */
    const char *date;       /**< the letter's date, "YYYY-MM-DD"; NULL:
                                 today in the findings' time zone */
} ombud_complaint;

/**
 * @brief Write the complaint dossier of one account as PDF (@p pdf_path:
 * the filled letter, a timeline, the account in numbers, the chronology
 * with file:line, the breaches) and XLSX (@p xlsx_path: the same numbers,
 * chronology and breaches as sheets). Either path may be NULL.
 * @return OMBUD_OK, OMBUD_E_DATA (no such check or account, bad letter),
 * OMBUD_E_USAGE (a date that is not a calendar day), OMBUD_E_CANTCREAT.
 */
ombud_err ombud_report_complaint(ombud_store *st, const ombud_complaint *c,
                                 const char *pdf_path, const char *xlsx_path);

/** A Summary row of an XLSX report, as read back. */
typedef struct ombud_summary_row {
    char guarantee[96];
    char status[48];     /**< as written, in the report's language */
    char breaches[32];   /**< the cell's text (a number) */
    char amount[48];     /**< the cell's text (a number) */
} ombud_summary_row;

/** What `ombud verify` reads back from a report. */
typedef struct ombud_readback {
    int is_pdf;                   /**< 1 PDF, 0 XLSX */
    char *manifest;               /**< the manifest line (owned; free()) */
    char custom_findings[65];     /**< XLSX: the ombud.findings_sha256 property */
    ombud_summary_row rows[128];  /**< XLSX: the Summary's guarantee rows */
    int nrows;
} ombud_readback;

/**
 * @brief Read a report's manifest back (and, from an XLSX, its custom
 * properties and Summary rows). Reads files up to 512 MiB.
 * @return OMBUD_OK; OMBUD_E_NOINPUT when unreadable; OMBUD_E_DATA when it
 * is not an ombud report or carries no manifest (a message is printed).
 */
ombud_err ombud_report_read(const char *path, ombud_readback *rb);

/** Free what ombud_report_read() allocated. */
void ombud_readback_free(ombud_readback *rb);

/** Bytes a sheet name may take: 31 characters of up to 4 bytes, a NUL. */
#define OMBUD_SHEET_NAME_MAX 128

/**
 * @brief Make @p name a valid, unique Excel sheet name into @p out (give
 * it OMBUD_SHEET_NAME_MAX bytes; a smaller @p out is cut at a whole
 * character, never inside one): the
 * characters []:*?/\ become '_', at most 31 characters (UTF-8 safe), and
 * " (2)", " (3)"... is added when it clashes (case-insensitively) with one
 * of the @p n names in @p taken.
 * @return @p out.
 */
char *ombud_sheet_name(const char *name, const char *const *taken, int n,
                       char *out, size_t size);

struct lxw_worksheet;
struct ombud_tz;

/**
 * @brief Set a sheet up to print legibly: landscape, one page wide, the
 * carrier and the period of check @p chk (in zone @p tz) at the top of each
 * page, the ombud version and "Page N of M" at the bottom.
 */
void ombud_xlsx_print_setup(struct lxw_worksheet *ws,
                            const ombud_check_info *chk,
                            const struct ombud_tz *tz);

/**
 * @brief The number format of money in @p currency, as Excel writes it
 * (en-US syntax, the reader's locale tag first): "#,##0.00 \"USD\"", with
 * as many decimals as the currency has. @return @p buf.
 */
char *ombud_xlsx_money_format(const char *currency, char *buf, size_t size);

#endif
