/*
 * pdfdoc.h - the small page-flow engine the PDF reports share (internal
 * to src/report/).
 *
 * A cursor moves down the page; every block asks for the room it needs
 * (pdoc_ensure) and a new page is started when it does not fit; tables
 * repeat their header on each new page. "page N of M" needs M before the
 * first page is drawn, so a document is laid out twice: the first pass
 * (pdoc_run with counting) only counts pages. All text goes through pango
 * with named DejaVu fonts.
 *
 * Input text (ids, accounts, file names, the filer's own words from the
 * guarantees file, --customer, --ask) is drawn inside a Unicode isolate
 * (pdoc_iso(), or a table column marked input), so that a right-to-left
 * override or a Hebrew name cannot reorder ombud's words and figures
 * around it. The isolates live only in what is drawn: the XLSX, the
 * manifest and the findings digest never see them.
 */
#ifndef OMBUD_PDFDOC_H
#define OMBUD_PDFDOC_H

#include <stdint.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "ombud/chart.h"
#include "ombud/err.h"
#include "ombud/report.h"
#include "ombud/store.h"

#define PDOC_FONT OMBUD_CHART_FONT
#define PDOC_MONO "DejaVu Sans Mono"
#define PDOC_ISO_RING 16      /* isolated strings pdoc_iso() keeps alive */
#define PDOC_MAX_COLS 16      /* columns a table can have */
#define PDOC_FIT_ROWS 64      /* rows whose heights a fit balances */

struct pdoc_col;

/* The column widths of the table fitted last (pdoc_table_fit()). */
typedef struct pdoc_fit {
    const struct pdoc_col *cols; /* its columns (NULL: none) */
    int fitted;               /* 1: w is set; a new measure starts afresh */
    double w[PDOC_MAX_COLS];  /* widths, points (0: the column's share) */
    double lo[PDOC_MAX_COLS]; /* the widest part of a cell that cannot
                                 break, padding included, points */
    double hi[PDOC_MAX_COLS]; /* the widest cell on one line, points */
    double pad[PDOC_MAX_COLS];/* room around a cell's text, points */
    double one[PDOC_FIT_ROWS][PDOC_MAX_COLS]; /* each row's cells on one
                                 line, text only, points */
    int nrows;                /* rows in one (the first PDOC_FIT_ROWS) */
} pdoc_fit;

typedef struct pdoc {
    cairo_t *cr;
    double pw, ph;            /* page size, points */
    double ml, mr, mt, mb;    /* margins; the left one wider for binding */
    double y;                 /* the cursor */
    int page;                 /* pages begun */
    int total;                /* pages in all (known in the second pass) */
    char head[600];           /* header line of every page */
    char foot[200];           /* footer line (left) */
    int digits;               /* decimals of the currency */
    int rtl;                  /* 1: right-to-left page (Hebrew): x mirrored */
    char currency[4];
    char *iso[PDOC_ISO_RING]; /* pdoc_iso()'s strings (owned), oldest reused */
    int iso_next;             /* the slot pdoc_iso() fills next */
    pdoc_fit fit;             /* widths of the table fitted last */
} pdoc;

/** Page size and margins for @p paper. */
void pdoc_init(pdoc *d, ombud_paper paper, const char *currency);

/**
 * @brief @p s (input text) as a Unicode isolate for drawing
 * (ombud_bidi_isolate()). The string belongs to @p d and stays valid for
 * the next PDOC_ISO_RING - 1 calls, until pdoc_release(): use it at once
 * (in a snprintf or a table row). NULL @p s gives NULL; out of memory
 * gives "".
 */
const char *pdoc_iso(pdoc *d, const char *s);
/** @brief Free pdoc_iso()'s strings; @p d can be used again. */
void pdoc_release(pdoc *d);

PangoLayout *pdoc_layout(pdoc *d, const char *t, double size, int bold,
                         double width, const char *family);
double pdoc_height(PangoLayout *l);
double pdoc_width(const pdoc *d);
/**
 * Draw @p l with its left edge at @p x in a left-to-right page; in a
 * right-to-left page the box is mirrored (its right edge at pw - x), so
 * callers lay out in left-to-right terms and get both directions.
 */
void pdoc_show(pdoc *d, PangoLayout *l, double x, double y, double grey);
/** pdoc_show() in colour @p rgb (three components, 0 to 1). */
void pdoc_show_rgb(pdoc *d, PangoLayout *l, double x, double y,
                   const double *rgb);
/** @p x of a box @p w wide, mirrored on a right-to-left page. */
double pdoc_mx(const pdoc *d, double x, double w);
/** A horizontal rule from @p x0 to @p x1 (mirrored on a right-to-left page). */
void pdoc_hline(pdoc *d, double x0, double x1, double y);
void pdoc_new_page(pdoc *d);
void pdoc_ensure(pdoc *d, double need);
/** A paragraph across the width; returns its height. */
double pdoc_para(pdoc *d, const char *t, double size, int bold, double grey);

/** 1234567 minor units as "12,345.67 USD" (in the current language). */
char *pdoc_money(const pdoc *d, int64_t minor, char *buf, size_t size);
/** A figure in its unit ("s", "bp", "count", "minor") as people read it. */
char *pdoc_value(const pdoc *d, int64_t v, const char *unit, char *buf,
                 size_t size);

/**
 * @brief Evidence references short enough for a table cell: whole (with
 * " and N more" for rows left out) when under ~240 bytes, else cut at a
 * comma with "... (N rows in all; see the XLSX)". Never splits a UTF-8
 * character.
 */
void pdoc_short_refs(const char *refs, int64_t n, int64_t shown, char *buf,
                     size_t size);

/**
 * @brief Evidence references (@p refs, @p n, @p shown as the store gives
 * them) for
 * a PDOC_COL_REFS cell: "calls.csv lines 2–11, 14 (11 rows)"
 * (ombud_evidence_compact()), each file name an isolate, at most about
 * 200 bytes. References that do not read as the store's are shown as
 * they came (pdoc_short_refs()), isolated whole. Writes into @p buf
 * (the caller's).
 */
void pdoc_refs(pdoc *d, const char *refs, int64_t n, int64_t shown, char *buf,
               size_t size);

/** pdoc_col.flags: the column is set in monospace. */
#define PDOC_COL_MONO 1
/** pdoc_col.flags: each cell is input text as a whole (an id, a file name),
 *  drawn isolated (pdoc_iso()). */
#define PDOC_COL_INPUT 2
/** pdoc_col.flags: each cell is one token (an id, a figure, a duration):
 *  never broken across lines; a fitted table is wide enough for it. */
#define PDOC_COL_TOKEN 4
/** pdoc_col.flags: a checksum, in monospace, broken (if it must be) only
 *  between groups of 16 characters. */
#define PDOC_COL_CHECKSUM 8
/** pdoc_col.flags: evidence references (pdoc_refs()): the file names in
 *  monospace and never broken, nor a line range or "(N rows)"; a line
 *  breaks only at the spaces between them. */
#define PDOC_COL_REFS 16
/** pdoc_col.flags: the status column: its word in bold in a small rounded
 *  box of the status's colour (pdoc_table_row()'s @p status), on one line
 *  at the top of the row. */
#define PDOC_COL_BADGE 32
/** pdoc_col.flags: not a column: drawn under the row's other cells across
 *  the table, after its title (a checksum that would not fit beside
 *  them). Its share is not used. */
#define PDOC_COL_BELOW 64

/**
 * A table column: title (an untranslated msgid, N_()), share of the
 * width, right-aligned (left-aligned on a right-to-left page), flags
 * (PDOC_COL_*). On a right-to-left page the first column is the rightmost.
 * Every cell wraps at words and never right after a hyphen, and is never
 * hyphenated; one that still does not fit is set smaller, then broken.
 */
typedef struct pdoc_col {
    const char *title;
    double share;
    int right;
    int flags;
} pdoc_col;

/**
 * A table. Its columns take their shares of the width, unless the table
 * is fitted to its rows: pdoc_table_measure() each row, then
 * pdoc_table_fit(), before the header is drawn; all rows must be known
 * first, so that the columns keep their widths from page to page.
 */
typedef struct pdoc_table {
    const pdoc_col *cols;
    int n;                      /* columns, at most PDOC_MAX_COLS */
    double size;                /* text size, points */
} pdoc_table;

/**
 * @brief Measure a row of @p t (the cells it will be drawn with). The
 * first row measured after a fit, or of other columns, starts afresh.
 */
void pdoc_table_measure(pdoc *d, const pdoc_table *t,
                        const char *const *cells);
/**
 * @brief Set the widths of @p t's columns from what was measured: each
 * column its share, but at least its widest id or word (lo) and at most
 * its widest cell (hi); the room left goes to the columns that wrap, then
 * moves between them while that makes the rows (their tallest cells,
 * estimated) fewer lines in all. When even the lo widths do not fit, they
 * are scaled down (the cells are set smaller). The widths are kept in
 * @p d for the columns @p t->cols until a table of the same columns is
 * measured again.
 */
void pdoc_table_fit(pdoc *d, const pdoc_table *t);

/** Header, with room for a first row of about @p first_row points. */
void pdoc_table_start(pdoc *d, const pdoc_table *t, double first_row);
/** Header, with room for the row @p first below it (measured): a header
 * is never left alone at the foot of a page. */
void pdoc_table_start_with(pdoc *d, const pdoc_table *t,
                           const char *const *first);
/** A row; @p status_col (or -1) is drawn as a PASS/FAIL badge, its colour
 * that of @p status ("PASS", "FAIL", "NO DATA"). */
void pdoc_table_row(pdoc *d, const pdoc_table *t, const char *const *cells,
                    int status_col, const char *status);

/**
 * @brief The table of input files: name, kind, rows read, stored,
 * rejected, counted and whether they balance, each file's SHA-256 whole
 * on a line under its row.
 */
void pdoc_sources(pdoc *d, ombud_store *st);

/**
 * @brief Lay out @p draw twice (count pages, then draw) into @p path,
 * with the metadata given (dates: an ISO instant). Fonts are released
 * after. @p draw must start its first page with pdoc_new_page().
 */
ombud_err pdoc_write(pdoc *d, const char *path, void (*draw)(pdoc *, void *),
                     void *ud, const char *title, const char *author,
                     const char *subject, const char *keywords,
                     const char *creator, const char *date);

/**
 * @brief pdoc_write() in its two passes, for a caller with work between
 * them: pdoc_count() lays out @p draw to count the pages, pdoc_emit()
 * draws it again into @p path. @p draw must lay out the same both times.
 */
void pdoc_count(pdoc *d, void (*draw)(pdoc *, void *), void *ud);
ombud_err pdoc_emit(pdoc *d, const char *path, void (*draw)(pdoc *, void *),
                    void *ud, const char *title, const char *author,
                    const char *subject, const char *keywords,
                    const char *creator, const char *date);

#endif
