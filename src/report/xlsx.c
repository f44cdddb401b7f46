/*
 * xlsx.c - the XLSX compliance report (libxlsxwriter).
 *
 * Layout: Summary, then one sheet per guarantee (its breaches as a table,
 * and to the right of it the data a picture needs with a native chart),
 * Inputs, Rejects, Method, Manifest, then a sheet per heat map (7 x 24
 * colour-scaled cells: too wide to print beside a table, so on a sheet of
 * its own, after the others so no sheet's number moves).
 *
 * Decisions:
 * - Constant-memory mode throughout: rows go straight to disk, so memory
 *   does not grow with the number of breaches or rejects. It requires each
 *   row to be written whole and in order, which is why the side data
 *   (heat map, daily levels...) is prepared first and written row by row
 *   together with the table.
 * - Input text only ever goes through worksheet_write_string(): a note
 *   starting with '=' is text, never a formula.
 * - Figures keep their type: times are Excel dates in the filing's zone,
 *   durations Excel durations ([h]:mm:ss), shares percentages, money in
 *   the filing currency's format.
 * - The document's creation date is the period's end, so the same
 *   findings give the same bytes.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "ombud/time.h"
#include "ombud/diag.h"
#include "ombud/history.h"
#include "ombud/evidence.h"
#include "ombud/i18n.h"
#include "ombud/ingest.h"
#include "ombud/manifest.h"
#include "ombud/outfile.h"
#include "ombud/quality.h"
#include "ombud/report.h"
#include "ombud/months.h"
#include "ombud/returns.h"
#include "ombud/rule.h"
#include "ombud/text.h"
#include "ombud/value.h"
#include "ombud/version.h"

#define MAX_RESULTS 128
#define MAX_SHEETS 1024
#define SIDE_MAX_ROWS 1000      /* rows of chart data shown beside a table */
#define SIDE_COL 10             /* column K: where side data starts */
#define TABLE_ROW 4             /* row 5: the table header */
#define CELL_MAX 32767          /* Excel's longest cell text */

/* A result copied out of the store (strings owned). */
typedef struct result {
    int64_t id;
    char *gid, *kind, *promise, *source, *params, *status;
    const ombud_drawing *draw;  /* how its kind is drawn (rule.h) */
    ombud_result r;
    char sheet[OMBUD_SHEET_NAME_MAX];  /* its first sheet */
    char heat[OMBUD_SHEET_NAME_MAX];   /* its heat map's sheet, or "" */
    char kpis[OMBUD_SHEET_NAME_MAX], ivals[OMBUD_SHEET_NAME_MAX];
                                /* call_kpis: its figures' and its
                                   intervals' sheets, or "" */
    int64_t nsheets;            /* sheets its breaches need */
} result;

/* One cell of side data. */
typedef struct cell {
    enum { C_EMPTY, C_TEXT, C_NUM } kind;
    double num;
    char *text;
    lxw_format *fmt;
} cell;

/* Side data: a small table beside the breaches, and what to draw from it. */
typedef struct side {
    int nrows, ncols;
    cell *cells;                /* nrows * ncols */
    enum { S_NONE, S_LINE, S_BARS } draw; /* the chart beside the table (a
                                   heat map has a sheet of its own) */
    char note[160];             /* e.g. "first 1000 of 2400 outages" */
} side;

typedef struct xlsx {
    lxw_workbook *wb;
    int max_rows;               /* rows per sheet: Excel's limit, lower in tests */
    ombud_store *st;
    ombud_check_info chk;
    ombud_tz *tz;
    int digits;
    lxw_format *title, *bold, *head, *wrap, *date, *dur, *pct, *money, *num,
               *fail, *pass, *nodata, *reportable, *hours, *plain, *pct0, *bwrap,
               *ratio, /* thousandths: the reliability indices */
               *link,
               *measured; /* MEASURED verdicts, made when first needed */
    const char *summary;        /* the Summary sheet's name, for links back */
    result res[MAX_RESULTS];
    int nres;
    const char *names[MAX_SHEETS];
    char name_buf[MAX_SHEETS][OMBUD_SHEET_NAME_MAX];
    int nnames;
    ombud_err err;
} xlsx;

/* ---- cells ------------------------------------------------------------------ */

/* Write text, cut to Excel's limit at a UTF-8 boundary. Never a formula.
 * A character XML cannot hold (U+FFFE from a file name, say: input rows
 * were checked at ingest, file names were not) is written visibly as
 * "<U+FFFE>" (ombud_xml_text()), so the sheet stays well-formed. */
static void put_text(lxw_worksheet *ws, int row, int col, const char *s,
                     lxw_format *fmt)
{
    char *cut = NULL, *safe;
    size_t n;
    int nomem;

    if (!s)
        return;
    if ((safe = ombud_xml_text(s, &nomem)) || nomem) {
        if (safe)
            put_text(ws, row, col, safe, fmt);
        free(safe);
        return;
    }
    n = strlen(s);
    if (n > CELL_MAX) {
        while (n > CELL_MAX - 3 || ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        if ((cut = malloc(n + 4))) {
            memcpy(cut, s, n);
            memcpy(cut + n, "...", 4);
        }
    }
    worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, cut ? cut : s, fmt);
    free(cut);
}

static void put_num(lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f);
}

/*
 * A link to cell A1 of sheet @sheet, showing @text. The sheet name is
 * quoted (an apostrophe doubled), as Excel's references want; the text is
 * written over the link's own as put_text() writes any text.
 */
static void put_link(xlsx *x, lxw_worksheet *ws, int row, int col,
                     const char *sheet, const char *text)
{
    char url[2 * OMBUD_SHEET_NAME_MAX + 32];
    size_t o = (size_t)snprintf(url, sizeof url, "internal:'");

    for (const char *p = sheet; *p && o + 6 < sizeof url; p++) {
        if (*p == '\'')
            url[o++] = '\'';
        url[o++] = *p;
    }
    snprintf(url + o, sizeof url - o, "'!A1");
    if (worksheet_write_url(ws, (lxw_row_t)row, (lxw_col_t)col, url,
                            x->link) == LXW_NO_ERROR)
        put_text(ws, row, col, text, x->link);
    else
        put_text(ws, row, col, text, x->plain);
}

/* An instant as an Excel date-time in the filing's zone. */
static void put_time(xlsx *x, lxw_worksheet *ws, int row, int col, int64_t t)
{
    ombud_tm tm;
    lxw_datetime dt;

    if (t == OMBUD_TIME_NONE)
        return;
    ombud_tm_from_instant(x->tz, t, &tm);
    dt = (lxw_datetime){tm.year, tm.month, tm.day, tm.hour, tm.min, tm.sec};
    worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col, &dt, x->date);
}

static double money(const xlsx *x, int64_t minor)
{
    double scale = 1;
    for (int i = 0; i < x->digits; i++)
        scale *= 10;
    return (double)minor / scale;
}

/*
 * Give row @row the height its wrapped texts need (Excel and LibreOffice do
 * not grow rows on their own for files written this way). Must come before
 * the row's cells in constant-memory mode.
 */
static void fit_row(lxw_worksheet *ws, int row, const char *const *texts,
                    const double *widths, int n)
{
    int lines = 1;

    for (int i = 0; i < n; i++) {
        int l = ombud_text_lines(texts[i], widths[i]);
        if (l > lines)
            lines = l;
    }
    if (lines > 1)
        worksheet_set_row(ws, (lxw_row_t)row, 15.0 * (lines > 20 ? 20 : lines),
                          NULL);
}

/* A figure in its unit, as the unit table (ombud_unit_find()) says a
 * typed cell holds it: seconds as days, basis points as a share... */
static void put_value(xlsx *x, lxw_worksheet *ws, int row, int col, int64_t v,
                      const char *unit)
{
    const ombud_unit *u = ombud_unit_find(unit);
    char text[128];

    switch (u->cell) {
    case OMBUD_CELL_TEXT:
        put_text(ws, row, col, u->text(v, x->digits, x->chk.currency, text,
                                       sizeof text), x->plain);
        break;
    case OMBUD_CELL_MONEY:
        put_num(ws, row, col, money(x, v), x->money);
        break;
    case OMBUD_CELL_DURATION:
        put_num(ws, row, col, (double)v / u->scale, x->dur);
        break;
    case OMBUD_CELL_PERCENT:
        put_num(ws, row, col, (double)v / u->scale, x->pct);
        break;
    case OMBUD_CELL_RATIO:
        put_num(ws, row, col, (double)v / u->scale, x->ratio);
        break;
    case OMBUD_CELL_NUMBER:
        put_num(ws, row, col, (double)v / u->scale, x->num);
        break;
    }
}

/*
 * An autofilter over a table whose header is row @head and last row
 * @last (the header alone when the table is empty: its filter buttons are
 * still where a reader looks for them). Every table of the workbook has
 * one; a sheet has at most one, so side data beside a table has none.
 * Call it right after the table's last row, before anything below it: in
 * constant-memory mode libxlsxwriter refuses, silently, a filter that
 * ends above the row being written (the Inputs sheet lost its filter so).
 */
static void table_filter(lxw_worksheet *ws, int head, int last, int last_col)
{
    worksheet_autofilter(ws, (lxw_row_t)head, 0,
                         (lxw_row_t)(last > head ? last : head),
                         (lxw_col_t)last_col);
}

/* The print area of a sheet that is one table: its title rows and the
 * table (at least row @p min_last), never the chart data beside it, which
 * would shrink the table to fit the page's width. */
static void table_print(lxw_worksheet *ws, int last, int min_last, int last_col)
{
    worksheet_print_area(ws, 0, 0, (lxw_row_t)(last > min_last ? last : min_last),
                         (lxw_col_t)last_col);
}

/* ---- workbook set-up ------------------------------------------------------------ */

static lxw_format *fmt(xlsx *x, int bold, const char *numfmt, int wrap)
{
    lxw_format *f = workbook_add_format(x->wb);
    if (bold)
        format_set_bold(f);
    if (numfmt)
        format_set_num_format(f, numfmt);
    if (wrap)
        format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/* Format codes are always written the en-US way ("#,##0.00"); the locale
 * tag ([$-C0A] Spanish...) makes a spreadsheet show the reader's marks
 * (1.234,56). The cells stay numbers. The dossier's workbook uses the
 * same code, so money reads the same in both. */
char *ombud_xlsx_money_format(const char *currency, char *buf, size_t size)
{
    const char *tag = ombud_xlsx_locale_tag(), *cur = ombud_fmt_currency(currency);
    int digits = ombud_currency_digits(currency);

    if (digits == 0)
        snprintf(buf, size, "%s#,##0 \"%s\"", tag, cur);
    else
        snprintf(buf, size, "%s#,##0.%.*s \"%s\"", tag, digits, "000", cur);
    return buf;
}

static void make_formats(xlsx *x)
{
    char moneyfmt[96], f[64];
    const char *tag = ombud_xlsx_locale_tag();

    ombud_xlsx_money_format(x->chk.currency, moneyfmt, sizeof moneyfmt);
    x->title = fmt(x, 1, NULL, 0);
    format_set_font_size(x->title, 16);
    x->bold = fmt(x, 1, NULL, 0);
    x->head = fmt(x, 1, NULL, 1);
    format_set_bg_color(x->head, 0xD9E1F2);
    format_set_bottom(x->head, LXW_BORDER_THIN);
    x->wrap = fmt(x, 0, NULL, 1);
    x->bwrap = fmt(x, 1, NULL, 1);
    x->plain = fmt(x, 0, NULL, 0);
    x->link = fmt(x, 0, NULL, 0);
    format_set_underline(x->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(x->link, LXW_COLOR_BLUE);
    x->date = fmt(x, 0, ombud_xlsx_date_format(), 0);
    snprintf(f, sizeof f, "%s[h]:mm:ss", tag);
    x->dur = fmt(x, 0, f, 0);
    snprintf(f, sizeof f, "%s0.00%%", tag);
    x->pct = fmt(x, 0, f, 0);
    snprintf(f, sizeof f, "%s0%%", tag);
    x->pct0 = fmt(x, 0, f, 0);
    x->money = fmt(x, 0, moneyfmt, 0);
    snprintf(f, sizeof f, "%s#,##0", tag);
    x->num = fmt(x, 0, f, 0);
    snprintf(f, sizeof f, "%s0.0", tag);
    x->hours = fmt(x, 0, f, 0);
    x->fail = workbook_add_format(x->wb);
    format_set_bg_color(x->fail, 0xF8CBAD);
    format_set_font_color(x->fail, 0x9C0006);
    format_set_bold(x->fail);
    x->pass = workbook_add_format(x->wb);
    format_set_bg_color(x->pass, 0xC6EFCE);
    format_set_font_color(x->pass, 0x006100);
    format_set_bold(x->pass);
    x->reportable = workbook_add_format(x->wb);
    format_set_bg_color(x->reportable, 0xFCE4C4);
    format_set_font_color(x->reportable, 0x7A4500);
    format_set_bold(x->reportable);
    x->nodata = workbook_add_format(x->wb);
    format_set_bg_color(x->nodata, 0xD9D9D9);
    format_set_font_color(x->nodata, 0x3F3F3F);
    format_set_bold(x->nodata);
    snprintf(f, sizeof f, "%s0.000", tag);
    x->ratio = fmt(x, 0, f, 0);
}

char *ombud_sheet_name(const char *name, const char *const *taken, int n,
                       char *out, size_t size)
{
    char base[128];
    size_t o = 0, chars = 0;
    int k = 1, clash;

    /* Excel: at most 31 characters, none of []:*?/\, no quote first or
     * last (libxlsxwriter refuses the sheet, and with it the workbook). */
    for (const char *p = name; *p && o + 4 < sizeof base && chars < 31; chars++) {
        size_t len = 1;
        while (((unsigned char)p[len] & 0xC0) == 0x80)
            len++;
        if (len == 1 && strchr("[]:*?/\\", *p))
            base[o++] = '_';
        else if (!(o == 0 && *p == '\''))
            memcpy(base + o, p, len), o += len;
        p += len;
    }
    while (o > 0 && base[o - 1] == '\'')
        o--, chars--;
    base[o] = '\0';
    if (!o)
        snprintf(base, sizeof base, "Sheet");
    snprintf(out, size, "%s", base);
    ombud_utf8_trim(out);
    do {
        clash = 0;
        for (int i = 0; i < n && !clash; i++)
            clash = !strcasecmp(taken[i], out);
        if (clash) {
            char suffix[16];
            size_t keep = o, c = chars;
            snprintf(suffix, sizeof suffix, " (%d)", ++k);
            /* Cut the base so base + suffix stays within 31 characters. */
            while (c + strlen(suffix) > 31 && keep > 0) {
                do keep--; while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80);
                c--;
            }
            snprintf(out, size, "%.*s%s", (int)keep, base, suffix);
            ombud_utf8_trim(out);
        }
    } while (clash);
    return out;
}

/* Reserve a sheet name; returns the stored copy. */
static const char *take_name(xlsx *x, const char *want)
{
    char *slot;

    if (x->nnames == MAX_SHEETS)
        return NULL;
    slot = x->name_buf[x->nnames];
    ombud_sheet_name(want, x->names, x->nnames, slot, OMBUD_SHEET_NAME_MAX);
    x->names[x->nnames++] = slot;
    return slot;
}

/* Input text in a page header: '&' starts a code there, so it is doubled;
 * cut at a character boundary to keep the header within Excel's 255. */
static void header_text(const char *s, char *out, size_t size)
{
    char cut[80];
    size_t o = 0;

    ombud_utf8_copy(cut, sizeof cut, s);
    for (const char *p = cut; *p && o + 2 < size; p++) {
        if (*p == '&')
            out[o++] = '&';
        out[o++] = *p;
    }
    out[o] = '\0';
}

/*
 * Every sheet prints legibly: landscape, one page wide (as many tall as it
 * takes), the carrier and the period at the top, ombud and "page N of M"
 * at the bottom.
 */
void ombud_xlsx_print_setup(lxw_worksheet *ws, const ombud_check_info *chk,
                            const ombud_tz *tz)
{
    char carrier[200], head[400], foot[200], page[64], period[80];

    header_text(chk->carrier, carrier, sizeof carrier);
    ombud_fmt_period(tz, chk->from, chk->to, period, sizeof period);
    snprintf(head, sizeof head, "&L%s&R%s", carrier, period);
    snprintf(page, sizeof page, _("Page %s of %s"), "&P", "&N");
    snprintf(foot, sizeof foot, "&Lombud %s&R%s", chk->tool_version, page);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_header(ws, head);
    worksheet_set_footer(ws, foot);
}

static lxw_worksheet *add_sheet(xlsx *x, const char *name)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (ws && ombud_i18n_rtl())
        worksheet_right_to_left(ws); /* Hebrew: column A on the right */
    if (ws)
        ombud_xlsx_print_setup(ws, &x->chk, x->tz);
    if (!ws && !x->err)
        x->err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot add sheet '%s'",
                             name);
    return ws;
}

static int copy_result(void *ud, const ombud_result_row *r)
{
    xlsx *x = ud;
    result *c;

    if (x->nres == MAX_RESULTS)
        return 1;
    c = &x->res[x->nres++];
    c->id = r->id;
    c->gid = strdup(r->guarantee_id);
    c->kind = strdup(r->kind);
    c->draw = ombud_rule_drawing(r->kind);
    c->promise = strdup(r->promise);
    c->source = strdup(r->source);
    c->params = strdup(r->params);
    c->status = strdup(r->status ? r->status : "");
    c->r = r->r;
    c->r.unit = NULL; /* the store's string is gone after the callback */
    c->nsheets = 1 + (c->r.breaches > 0 ? (c->r.breaches - 1) /
                      (x->max_rows - TABLE_ROW - 1) : 0);
    return 0;
}

/* ---- Summary ---------------------------------------------------------------------- */

typedef struct names_buf { char s[2048]; size_t n; } names_buf;

static int add_source_name(void *ud, const ombud_source_row *r)
{
    names_buf *b = ud;
    if (b->n + 8 < sizeof b->s)
        b->n += (size_t)snprintf(b->s + b->n, sizeof b->s - b->n, "%s%s (%s)",
                                 b->n ? "; " : "", r->name,
                                 ombud_input_label(r->kind));
    return 0;
}

/* The filing header: label/value rows from @row; returns the next row. */
static int filing_header(xlsx *x, lxw_worksheet *ws, int row)
{
    char period[80], gfile[1200];
    names_buf inputs = {"", 0};
    const char *labels[] = {N_("Carrier"), N_("Commission"), N_("Docket"), N_("Period"),
                            N_("Time zone"), N_("Prepared by"), N_("Guarantees file"),
                            N_("Inputs"), N_("Produced by")};
    const char *values[9];
    char tool[64];

    ombud_store_each_source(x->st, add_source_name, &inputs);
    ombud_fmt_period(x->tz, x->chk.from, x->chk.to, period, sizeof period);
    snprintf(gfile, sizeof gfile, "%s (SHA-256 %s)", x->chk.guarantees,
             x->chk.guarantees_sha256);
    snprintf(tool, sizeof tool, "ombud %s", x->chk.tool_version);
    values[0] = x->chk.carrier;
    values[1] = x->chk.commission;
    values[2] = x->chk.docket[0] ? x->chk.docket : "-";
    values[3] = period;
    values[4] = x->chk.tz;
    values[5] = x->chk.prepared_by[0] ? x->chk.prepared_by : "-";
    values[6] = gfile;
    values[7] = inputs.s;
    values[8] = tool;
    for (int i = 0; i < 9; i++, row++) {
        put_text(ws, row, 0, _(labels[i]), x->bold);
        put_text(ws, row, 1, values[i], x->plain);
    }
    return row;
}

/* MEASURED (figures with no target, call_kpis): blue, neither a pass's
 * green nor a failure's red. */
static void measured_colour(xlsx *x, lxw_worksheet *ws, int first, int last,
                            int col)
{
    lxw_conditional_format cf = {0};
    char word[64];
    int any = 0;

    /* Only a workbook that has one gets the rule: the others' bytes stay
     * as they were. */
    for (int i = 0; i < x->nres; i++)
        any |= !strcmp(x->res[i].status, "MEASURED");
    if (!any)
        return;
    if (!x->measured) {
        x->measured = workbook_add_format(x->wb);
        format_set_bg_color(x->measured, 0xD6E4F5);
        format_set_font_color(x->measured, 0x1F3F6E);
        format_set_bold(x->measured);
    }
    snprintf(word, sizeof word, "\"%s\"", ombud_fmt_status("MEASURED"));
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = word;
    cf.format = x->measured;
    worksheet_conditional_format_range(ws, (lxw_row_t)first, (lxw_col_t)col,
                                       (lxw_row_t)last, (lxw_col_t)col, &cf);
}

static void status_colours(xlsx *x, lxw_worksheet *ws, int first, int last, int col)
{
    lxw_conditional_format cf = {0};
    char fail[64], pass[64], nodata[64], rep[64];

    /* The cells hold the reader's words, so the rule matches those. */
    snprintf(fail, sizeof fail, "\"%s\"", ombud_fmt_status("FAIL"));
    snprintf(pass, sizeof pass, "\"%s\"", ombud_fmt_status("PASS"));
    snprintf(nodata, sizeof nodata, "\"%s\"", ombud_fmt_status("NO DATA"));
    snprintf(rep, sizeof rep, "\"%s\"", ombud_fmt_status("REPORTABLE"));
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = fail;
    cf.format = x->fail;
    worksheet_conditional_format_range(ws, (lxw_row_t)first, (lxw_col_t)col,
                                       (lxw_row_t)last, (lxw_col_t)col, &cf);
    cf.value_string = pass;
    cf.format = x->pass;
    worksheet_conditional_format_range(ws, (lxw_row_t)first, (lxw_col_t)col,
                                       (lxw_row_t)last, (lxw_col_t)col, &cf);
    cf.value_string = nodata;
    cf.format = x->nodata;
    worksheet_conditional_format_range(ws, (lxw_row_t)first, (lxw_col_t)col,
                                       (lxw_row_t)last, (lxw_col_t)col, &cf);
    cf.value_string = rep;
    cf.format = x->reportable;
    worksheet_conditional_format_range(ws, (lxw_row_t)first, (lxw_col_t)col,
                                       (lxw_row_t)last, (lxw_col_t)col, &cf);
    measured_colour(x, ws, first, last, col);
}

/* One item: its weight in column A, the sentence across B:J. */
static void quality_row(lxw_worksheet *ws, int row, const char *level,
                        const char *text, lxw_format *f, const double *widths)
{
    double w = 0;
    const char *t[] = {text};

    for (int c = 1; c < 10; c++)
        w += widths[c];
    fit_row(ws, row, t, &w, 1);
    put_text(ws, row, 0, level, f);
    /* The merge writes an empty string; put_text writes the sentence over it
     * (made XML-safe, never a formula). */
    worksheet_merge_range(ws, (lxw_row_t)row, 1, (lxw_row_t)row, 9, "", f);
    put_text(ws, row, 1, text, f);
}

/* Below the total: what the verdicts rest on, serious items first. */
static void quality_rows(xlsx *x, lxw_worksheet *ws, int row, const double *widths)
{
    ombud_quality_list q;
    char line[400];

    if ((x->err = ombud_quality_list_get(x->st, x->chk.id, 0, &q)) || !q.n) {
        ombud_quality_list_free(&q);
        return;
    }
    put_text(ws, row, 0, _("Data quality"), x->head);
    if (q.serious) {
        size_t n;
        ombud_fmt_incomplete(q.serious, line, sizeof line);
        n = strlen(line);
        if (x->chk.allow_incomplete)
            snprintf(line + n, sizeof line - n, ". %s", _("Filed as it is: the "
                     "filer chose to file with the evidence incomplete "
                     "(--allow-incomplete)."));
        put_text(ws, row, 1, line, x->bold);
    }
    for (int i = 0; i < q.n; i++) {
        int serious = q.items[i].level == OMBUD_Q_SERIOUS;
        quality_row(ws, row + 1 + i, serious ? _("Serious") : _("Note"),
                    q.items[i].text, serious ? x->bwrap : x->wrap, widths);
    }
    ombud_quality_list_free(&q);
}

static void write_summary(xlsx *x, const char *name)
{
    static const char *const head[] = {N_("Guarantee"), N_("Promise (as advertised)"),
        N_("Source"), N_("Kind"), N_("Measured"), N_("Target"), N_("Status"), N_("Breaches"),
        N_("Amount owed"), N_("Details")};
    static const double widths[] = {18, 40, 34, 16, 48, 40, 9, 10, 14, 22};
    lxw_worksheet *ws = add_sheet(x, name);
    int row, first, failed = 0, nodata = 0, reportable = 0;
    int64_t breaches = 0, amount = 0;
    char line[256], quoted[1200], nd[160];

    if (!ws)
        return;
    for (int c = 0; c < 10; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
                             c == 1 || c == 2 || c == 4 || c == 5 ? x->wrap : NULL);
    put_text(ws, 0, 0, _("Service quality compliance report"), x->title);
    row = filing_header(x, ws, 2) + 1;
    for (int c = 0; c < 10; c++)
        put_text(ws, row, c, _(head[c]), x->head);
    worksheet_repeat_rows(ws, (lxw_row_t)row, (lxw_row_t)row);
    /* The filing header above the table stays in view with it: Excel
     * freezes every row above the split, never the header row alone. */
    worksheet_freeze_panes(ws, (lxw_row_t)(row + 1), 0);
    first = ++row;
    for (int i = 0; i < x->nres; i++, row++) {
        const result *r = &x->res[i];
        snprintf(quoted, sizeof quoted, "\"%s\"", r->promise);
        {
            const char *t[] = {quoted, r->source, r->r.measured_text,
                               r->r.target_text};
            const double w[] = {widths[1], widths[2], widths[4], widths[5]};
            fit_row(ws, row, t, w, 4);
        }
        put_text(ws, row, 0, r->gid, x->bold);
        put_text(ws, row, 1, quoted, x->wrap);
        put_text(ws, row, 2, r->source, x->wrap);
        put_text(ws, row, 3, ombud_rule_label(r->kind), x->plain);
        put_text(ws, row, 4, r->r.measured_text, x->wrap);
        put_text(ws, row, 5, r->r.target_text, x->wrap);
        put_text(ws, row, 6, ombud_fmt_status(r->status), x->plain);
        if (ombud_rule_drawing(r->kind)->lists) {
            /* Listed, not breaches: a text, left out of the Total. */
            char n[32], listed[64];
            ombud_fmt_count(r->r.breaches, n, sizeof n);
            snprintf(listed, sizeof listed, ombud_ngettext("%s listed",
                     "%s listed", (unsigned long)r->r.breaches), n);
            put_text(ws, row, 7, listed, x->plain);
        } else {
            put_num(ws, row, 7, (double)r->r.breaches, x->num);
            breaches += r->r.breaches;
        }
        if (r->r.amount != OMBUD_AMOUNT_NONE) /* else blank: no money in it */
            put_num(ws, row, 8, money(x, r->r.amount), x->money);
        if (r->nsheets > 1)
            snprintf(line, sizeof line, _("sheets '%s' and %lld more (row limit)"),
                     r->sheet, (long long)r->nsheets - 1);
        else
            snprintf(line, sizeof line, _("sheet '%s'"), r->sheet);
        put_link(x, ws, row, 9, r->sheet, line);
        failed += r->r.pass == OMBUD_FAIL;
        nodata += r->r.pass == OMBUD_NO_DATA;
        reportable += r->r.pass == OMBUD_REPORTABLE;
        amount += r->r.amount != OMBUD_AMOUNT_NONE ? r->r.amount : 0;
    }
    status_colours(x, ws, first, row - 1, 6);
    /* The guarantees only: the Total and the Data quality rows below are
     * not rows to sort or filter with them. */
    table_filter(ws, first - 1, row - 1, 9);
    snprintf(line, sizeof line, _("%d of %d guarantees breached"), failed, x->nres);
    if (nodata) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, "; %s",
                 ombud_fmt_no_data(nodata, nd, sizeof nd));
    }
    if (reportable) {
        size_t n = strlen(line);
        snprintf(line + n, sizeof line - n, "; %s",
                 ombud_fmt_reportable(reportable, nd, sizeof nd));
    }
    put_text(ws, row, 0, _("Total"), x->head);
    put_text(ws, row, 4, line, x->bold);
    put_num(ws, row, 7, (double)breaches, x->num);
    put_num(ws, row, 8, money(x, amount), x->money);
    quality_rows(x, ws, row + 2, widths);
}

/* ---- side data -------------------------------------------------------------------- */

static cell *side_cell(side *s, int r, int c) { return &s->cells[r * s->ncols + c]; }

static int side_init(side *s, int nrows, int ncols)
{
    s->nrows = nrows;
    s->ncols = ncols;
    s->cells = calloc((size_t)(nrows * ncols), sizeof *s->cells);
    return s->cells != NULL;
}

static void side_text(side *s, int r, int c, const char *t, lxw_format *f)
{
    cell *k = side_cell(s, r, c);
    k->kind = C_TEXT;
    k->text = strdup(t);
    k->fmt = f;
}

static void side_num(side *s, int r, int c, double v, lxw_format *f)
{
    cell *k = side_cell(s, r, c);
    k->kind = C_NUM;
    k->num = v;
    k->fmt = f;
}

static void side_free(side *s)
{
    for (int i = 0; s->cells && i < s->nrows * s->ncols; i++)
        free(s->cells[i].text);
    free(s->cells);
}

/* live_support: the live-answer share per hour of the week, 7 x 24. */
typedef struct heat { int64_t calls[168], live[168]; } heat;
static int heat_calls(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < 168) ((heat *)ud)->calls[k] = v; return 0; }
static int heat_live(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < 168) ((heat *)ud)->live[k] = v; return 0; }

static void side_heatmap(xlsx *x, const result *r, side *s)
{
    static const char *const days[] = {N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"),
                                       N_("Sat"), N_("Sun")};
    heat h = {{0}, {0}};

    ombud_store_each_series(x->st, r->id, OMBUD_SERIES_HEAT_CALLS, heat_calls,
                            &h);
    ombud_store_each_series(x->st, r->id, OMBUD_SERIES_HEAT_LIVE, heat_live,
                            &h);
    if (!side_init(s, 8, 25))
        return;
    side_text(s, 0, 0, _("Live share (local hour)"), x->head);
    for (int hr = 0; hr < 24; hr++)
        side_num(s, 0, hr + 1, hr, x->head);
    for (int d = 0; d < 7; d++) {
        side_text(s, d + 1, 0, _(days[d]), x->bold);
        for (int hr = 0; hr < 24; hr++)
            if (h.calls[d * 24 + hr])
                side_num(s, d + 1, hr + 1, (double)h.live[d * 24 + hr] /
                         (double)h.calls[d * 24 + hr], x->pct0);
    }
    snprintf(s->note, sizeof s->note, _("Share of counted calls answered live "
             "in time, by local day and hour; blank: no calls"));
}

/* answer_time: daily service level against the target. */
typedef struct daily { side *s; xlsx *x; int row; int64_t target; } daily;

static int daily_row(void *ud, int64_t k, int64_t v)
{
    daily *d = ud;
    int y, m, dd;

    if (d->row > SIDE_MAX_ROWS)
        return 1;
    ombud_civil_from_days(k, &y, &m, &dd);
    /* Excel's serial day: 1899-12-30 is day 0. */
    side_num(d->s, d->row, 0, (double)k + 25569.0, d->x->date);
    side_num(d->s, d->row, 1, (double)v / 10000.0, d->x->pct);
    side_num(d->s, d->row, 2, (double)d->target / 10000.0, d->x->pct);
    d->row++;
    return 0;
}

static void side_daily(xlsx *x, const result *r, side *s)
{
    daily d = {s, x, 1, r->r.target};

    if (!side_init(s, SIDE_MAX_ROWS + 1, 3))
        return;
    side_text(s, 0, 0, _("Day"), x->head);
    side_text(s, 0, 1, _("Service level"), x->head);
    side_text(s, 0, 2, _("Target"), x->head);
    ombud_store_each_series(x->st, r->id, OMBUD_SERIES_DAILY_LEVEL, daily_row,
                            &d);
    s->nrows = d.row;
    s->draw = d.row > 1 ? S_LINE : S_NONE;
}

/* Figures of a result as rows: one per subject, one column per name;
 * the extra columns join the row of their subject, wherever it is. */
typedef struct figrows {
    side *s; xlsx *x;
    const ombud_figure_col *cols; int ncols;
    char *subject;        /* the row's subject, whole (owned), or NULL */
    int row; int64_t total;
    const ombud_figure_col *extra; int nextra;
} figrows;

/*
 * The reliability kind's snapshot cross-check (reliability_snapshots.c),
 * beside each area's indices, only when snapshots were given: the rule
 * writes these figures after the indices, so they join the rows already
 * made for their subjects.
 */
static const ombud_figure_col snap_cols[] = {
    {OMBUD_FIG_SNAPSHOT_SAIDI, N_("SAIDI, snapshots (min)")},
    {OMBUD_FIG_SNAPSHOT_DIFF, N_("Snapshots - records (min)")},
    {OMBUD_FIG_SNAPSHOTS, N_("Snapshots used")},
    {OMBUD_FIG_SNAPSHOTS_FLAGGED, N_("Snapshots flagged")}};
#define SNAP_NCOLS ((int)(sizeof snap_cols / sizeof snap_cols[0]))

static int has_snapshots(void *ud, const char *subject, const char *name,
                         int64_t v, const char *unit)
{
    (void)subject;
    (void)v;
    (void)unit;
    if (!strcmp(name, OMBUD_FIG_SNAPSHOT_SAIDI))
        return *(int *)ud = 1;
    return 0;
}

/* The row of @subject made so far, or -1. */
static int subject_row(figrows *f, const char *subject)
{
    int last = f->row > SIDE_MAX_ROWS ? SIDE_MAX_ROWS : f->row;

    for (int r = 1; r <= last; r++) {
        const cell *k = side_cell(f->s, r, 0);
        if (k->text && !strcmp(k->text, subject))
            return r;
    }
    return -1;
}

static int figure_cell(void *ud, const char *subject, const char *name,
                       int64_t v, const char *unit)
{
    figrows *f = ud;
    int col = -1, row;

    for (int i = 0; i < f->ncols; i++)
        if (!strcmp(f->cols[i].name, name))
            col = i + 1;
    for (int i = 0; col < 0 && i < f->nextra; i++)
        if (!strcmp(f->extra[i].name, name))
            col = f->ncols + i + 1;
    if (col < 0)
        return 0;
    if (col > f->ncols) {
        if ((row = subject_row(f, subject)) < 0)
            return 0;
    } else {
        /* Compared whole: a long subject cut to a buffer was a new row
         * at each of its figures. */
        if (!f->subject || strcmp(f->subject, subject)) {
            free(f->subject);
            f->subject = strdup(subject);
            f->row++;
            f->total++;
            if (f->row <= SIDE_MAX_ROWS)
                side_text(f->s, f->row, 0, subject, NULL);
        }
        /* Past the rows shown, a subject is only counted: its other
         * figures are not wanted (at 1M legs customer_effort has 230,000
         * subjects of nine figures). An extra column may still join an
         * earlier row of its subject, so with extras every one is read. */
        if (f->row > SIDE_MAX_ROWS)
            return f->nextra ? 0 : OMBUD_FIGURES_NEXT_SUBJECT;
        row = f->row;
    }
    if (!strcmp(unit, "s"))
        side_num(f->s, row, col, (double)v / 3600.0, f->x->hours);
    else if (!strcmp(unit, "minor"))
        side_num(f->s, row, col, money(f->x, v), f->x->money);
    else if (v == OMBUD_BP_NONE)
        side_text(f->s, row, col, "-", NULL);
    else if (!strcmp(unit, "milli"))
        side_num(f->s, row, col, (double)v / 1000.0, f->x->ratio);
    else if (!strcmp(unit, "bp"))
        side_num(f->s, row, col, (double)v / 10000.0, f->x->pct);
    else
        side_num(f->s, row, col, (double)v, f->x->num);
    return 0;
}

/* The figures table of a kind's drawing @d: a row per subject, a column
 * per figure it names, under its labels. */
static void side_figures(xlsx *x, const result *r, side *s,
                         const ombud_drawing *d)
{
    figrows f = {s, x, d->figures, d->nfigures, NULL, 0, 0, snap_cols, 0};
    int snaps = 0;

    if (d->chart == OMBUD_CHART_INDICES)
        ombud_store_each_figure(x->st, r->id, has_snapshots, &snaps);
    f.nextra = snaps ? SNAP_NCOLS : 0;
    if (!side_init(s, SIDE_MAX_ROWS + 1, d->nfigures + f.nextra + 1))
        return;
    side_text(s, 0, 0, _(d->subjects), x->head);
    for (int i = 0; i < d->nfigures; i++)
        side_text(s, 0, i + 1, _(d->figures[i].label), x->head);
    for (int i = 0; i < f.nextra; i++)
        side_text(s, 0, d->nfigures + i + 1, _(snap_cols[i].label), x->head);
    ombud_store_each_figure(x->st, r->id, figure_cell, &f);
    free(f.subject);
    s->nrows = (f.row > SIDE_MAX_ROWS ? SIDE_MAX_ROWS : f.row) + 1;
    if (f.total > SIDE_MAX_ROWS)
        snprintf(s->note, sizeof s->note, _("first %d of %lld shown"),
                 SIDE_MAX_ROWS, (long long)f.total);
}

/* The side data beside a result's breaches, as its kind's drawing asks:
 * the daily levels, or its figures table (with bars for durations). The
 * heat map has a sheet of its own (write_heatmap). */
static void build_side(xlsx *x, const result *r, side *s)
{
    const ombud_drawing *d = r->draw;

    memset(s, 0, sizeof *s);
    if (d->chart == OMBUD_CHART_DAILY) {
        side_daily(x, r, s);
    } else if (d->subjects && d->chart != OMBUD_CHART_KPIS) {
        /* (call_kpis: a sheet of its own, write_kpis()) */
        side_figures(x, r, s, d);
        if (d->chart == OMBUD_CHART_DURATIONS)
            s->draw = s->nrows > 1 ? S_BARS : S_NONE;
    }
}

/* ---- guarantee sheets ------------------------------------------------------------- */

/* Draw the side data beside a table: a line chart or bars with a limit. */
static void draw_side(xlsx *x, lxw_worksheet *ws, const char *sheet,
                      const side *s)
{
    lxw_row_t r0 = TABLE_ROW + 1, r1 = (lxw_row_t)(TABLE_ROW + s->nrows - 1);
    lxw_col_t c0 = SIDE_COL;
    lxw_chart *chart;
    lxw_chart_series *ser;

    if (s->draw == S_NONE)
        return;
    /* Two series on one chart: the measure and its target or limit. Debian's
     * libxlsxwriter (1.1.4) cannot combine chart types, so bars are paired
     * with limit bars rather than a limit line. */
    chart = workbook_add_chart(x->wb, s->draw == S_LINE ? LXW_CHART_LINE
                                                        : LXW_CHART_COLUMN);
    for (int k = 1; k <= 2; k++) {
        ser = chart_add_series(chart, NULL, NULL);
        chart_series_set_categories(ser, sheet, r0, c0, r1, c0);
        chart_series_set_values(ser, sheet, r0, (lxw_col_t)(c0 + k), r1,
                                (lxw_col_t)(c0 + k));
        chart_series_set_name_range(ser, sheet, TABLE_ROW, (lxw_col_t)(c0 + k));
    }
    chart_title_set_name(chart, s->draw == S_LINE ? _("Daily service level "
                         "against target") : _("Outage durations against the limit"));
    chart_axis_set_name(chart->y_axis, s->draw == S_LINE ? _("answered in time")
                                                         : _("hours"));
    chart_axis_set_name(chart->x_axis, s->draw == S_LINE ? _("day") : _("outage"));
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    worksheet_insert_chart(ws, TABLE_ROW, (lxw_col_t)(c0 + s->ncols + 1), chart);
}

static void side_row_at(lxw_worksheet *ws, const side *s, int i, int row,
                        int col)
{
    for (int c = 0; i < s->nrows && c < s->ncols; c++) {
        const cell *k = &s->cells[i * s->ncols + c];
        if (k->kind == C_TEXT)
            put_text(ws, row, col + c, k->text, k->fmt);
        else if (k->kind == C_NUM)
            put_num(ws, row, col + c, k->num, k->fmt);
    }
}

static void write_side_row(lxw_worksheet *ws, const side *s, int i, int row)
{
    side_row_at(ws, s, i, row, SIDE_COL);
}

/* A result's heat map (OMBUD_CHART_HEATMAP) on its own sheet, colour
 * scaled from red (no call live) through yellow to green (every call),
 * printed on one page. */
static void write_heatmap(xlsx *x, const result *r)
{
    lxw_worksheet *ws = add_sheet(x, r->heat);
    lxw_conditional_format cf = {
        .type = LXW_CONDITIONAL_3_COLOR_SCALE,
        .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
        .min_value = 0, .min_color = 0xF8696B,
        .mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
        .mid_value = 0.5, .mid_color = 0xFFEB84,
        .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
        .max_value = 1, .max_color = 0x63BE7B};
    char line[400];
    side s;

    if (!ws)
        return;
    memset(&s, 0, sizeof s);
    side_heatmap(x, r, &s);
    snprintf(line, sizeof line, _("%s: live-answer share by hour of the week"),
             r->gid);
    put_text(ws, 0, 0, line, x->title);
    put_link(x, ws, 1, 0, r->sheet, _("Back to the guarantee's sheet"));
    for (int i = 0; i < s.nrows; i++)
        side_row_at(ws, &s, i, 2 + i, 0);
    if (s.note[0])
        put_text(ws, 2 + s.nrows + 1, 0, s.note, NULL);
    worksheet_set_column(ws, 0, 0, 22, NULL);
    /* a colour scale over the grid: from row 3, column B (hour 0) */
    worksheet_conditional_format_range(ws, 3, 1, 3 + 6, 24, &cf);
    worksheet_set_column(ws, 1, 24, 5.5, x->pct0);
    worksheet_print_area(ws, 0, 0, (lxw_row_t)(2 + s.nrows + 1), 24);
    side_free(&s);
}


/* ---- call-centre KPIs (call_kpis) -------------------------------------------------- */

/*
 * A call_kpis result's figures on sheets of their own, after the others
 * (as the heat map's, so no other sheet's number moves): "ID KPIs" holds
 * the figures per subject (all calls, queues, days, agents), the wait
 * distribution and the service level per time of day; "ID intervals"
 * every interval of the period with calls. Read from the stored figures
 * and series, in the units the rule wrote them; nothing is recomputed.
 */

/* Take the two sheet names of each call_kpis result. */
static void kpi_sheet_names(xlsx *x)
{
    for (int i = 0; i < x->nres; i++) {
        char want[64];
        const char *name;
        if (x->res[i].draw->chart != OMBUD_CHART_KPIS)
            continue;
        /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
        snprintf(want, sizeof want, _("%s KPIs"), x->res[i].gid);
        if ((name = take_name(x, want)) != NULL)
            snprintf(x->res[i].kpis, sizeof x->res[i].kpis, "%s", name);
        /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
        snprintf(want, sizeof want, _("%s intervals"), x->res[i].gid);
        if ((name = take_name(x, want)) != NULL)
            snprintf(x->res[i].ivals, sizeof x->res[i].ivals, "%s", name);
    }
}

/* On the guarantee's sheet, beside "Back to the Summary". */
static void kpi_links(xlsx *x, lxw_worksheet *ws, const result *r)
{
    put_link(x, ws, 3, 2, r->kpis, _("Figures by queue, day and agent"));
    if (r->ivals[0])
        put_link(x, ws, 3, 4, r->ivals, _("Service level per interval"));
}

/* Writing the figures table: a row per subject, a column per figure. */
typedef struct kpirows {
    xlsx *x;
    lxw_worksheet *ws;
    const ombud_drawing *d;
    int row;                /* the row being filled; TABLE_ROW: none yet */
    int64_t interval;       /* the interval's length (s), once read */
} kpirows;

static int kpi_figure(void *ud, const char *subject, const char *name,
                      int64_t v, const char *unit)
{
    kpirows *k = ud;

    if (!strcmp(name, OMBUD_FIG_INTERVAL)) {
        k->interval = v;
        return 0;
    }
    if (!strcmp(name, OMBUD_FIG_KPI_GROUP)) {
        put_text(k->ws, ++k->row, 0, subject, v == OMBUD_KPI_ALL ? k->x->bold :
                 k->x->plain);
        return 0;
    }
    for (int c = 0; c < k->d->nfigures; c++) {
        if (strcmp(k->d->figures[c].name, name))
            continue;
        if (v == OMBUD_BP_NONE && !strcmp(unit, "bp"))
            put_text(k->ws, k->row, c + 1, "-", k->x->plain);
        else
            put_value(k->x, k->ws, k->row, c + 1, v, unit);
    }
    return 0;
}

/* A small table's header at @p row. */
static void kpi_head(xlsx *x, lxw_worksheet *ws, int row,
                     const char *const *labels, int n)
{
    for (int c = 0; c < n; c++)
        put_text(ws, row, c, _(labels[c]), x->head);
}

typedef struct kpiwait { int64_t ans[OMBUD_WAIT_BUCKETS], ab[OMBUD_WAIT_BUCKETS]; } kpiwait;
static int wait_ans(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < OMBUD_WAIT_BUCKETS) ((kpiwait *)ud)->ans[k] = v; return 0; }
static int wait_ab(void *ud, int64_t k, int64_t v) { if (k >= 0 && k < OMBUD_WAIT_BUCKETS) ((kpiwait *)ud)->ab[k] = v; return 0; }

/* Per interval or time of day: offered, answered, abandoned, level, by
 * key; the four series come in the same keys, in key order. */
typedef struct kpiival {
    int64_t *k, *v[4];
    size_t n, cap;
    int which;              /* the series being read */
    size_t at;              /* its next row */
    int nomem;
} kpiival;

static int ival_value(void *ud, int64_t k, int64_t v)
{
    kpiival *iv = ud;

    if (iv->which == 0) {
        if (iv->n == iv->cap) {
            size_t cap = iv->cap ? 2 * iv->cap : 256;
            int64_t *nk = realloc(iv->k, cap * sizeof *nk);
            if (nk)
                iv->k = nk;
            for (int i = 0; nk && i < 4; i++) {
                int64_t *nv = realloc(iv->v[i], cap * sizeof *nv);
                if (!nv)
                    nk = NULL;
                else
                    iv->v[i] = nv;
            }
            if (!nk)
                return iv->nomem = 1;
            iv->cap = cap;
        }
        iv->k[iv->n] = k;
        iv->v[0][iv->n++] = v;
        return 0;
    }
    /* The other series have the same keys: match them, never assume. */
    while (iv->at < iv->n && iv->k[iv->at] < k)
        iv->at++;
    if (iv->at < iv->n && iv->k[iv->at] == k)
        iv->v[iv->which][iv->at++] = v;
    return 0;
}

static void ival_read(xlsx *x, const result *r, int slot, kpiival *iv)
{
    const char *names[2][4] = {
        {OMBUD_SERIES_INTERVAL_OFFERED, OMBUD_SERIES_INTERVAL_ANSWERED,
         OMBUD_SERIES_INTERVAL_ABANDONED, OMBUD_SERIES_INTERVAL_LEVEL},
        {OMBUD_SERIES_SLOT_OFFERED, OMBUD_SERIES_SLOT_ANSWERED,
         OMBUD_SERIES_SLOT_ABANDONED, OMBUD_SERIES_SLOT_LEVEL}};

    memset(iv, 0, sizeof *iv);
    for (int i = 0; i < 4 && !iv->nomem; i++) {
        iv->which = i;
        iv->at = 0;
        if (i)
            for (size_t j = 0; j < iv->n; j++)
                iv->v[i][j] = i == 3 ? OMBUD_BP_NONE : 0;
        if (ombud_store_each_series(x->st, r->id, names[slot][i], ival_value,
                                    iv) && !x->err)
            x->err = OMBUD_E_STORE;
    }
    if (iv->nomem && !x->err)
        x->err = OMBUD_E_NOMEM;
}

static void ival_free(kpiival *iv)
{
    free(iv->k);
    for (int i = 0; i < 4; i++)
        free(iv->v[i]);
}

/* Offered, answered, abandoned and the level of row @p j from column 1. */
static void ival_cells(xlsx *x, lxw_worksheet *ws, int row, const kpiival *iv,
                       size_t j)
{
    for (int i = 0; i < 3; i++)
        put_num(ws, row, 1 + i, (double)iv->v[i][j], x->num);
    if (iv->v[3][j] == OMBUD_BP_NONE)
        put_text(ws, row, 4, "-", x->plain);
    else
        put_num(ws, row, 4, (double)iv->v[3][j] / 10000.0, x->pct);
}

static const char *const ival_labels[] = {N_("Interval (local)"),
    N_("Offered"), N_("Answered"), N_("Abandoned"), N_("Service level")};

/* "ID intervals": every interval of the period with calls. */
static void write_kpi_intervals(xlsx *x, const result *r)
{
    lxw_worksheet *ws = add_sheet(x, r->ivals);
    char line[400];
    kpiival iv;
    int row = TABLE_ROW;

    if (!ws)
        return;
    snprintf(line, sizeof line, _("%s: service level per interval"), r->gid);
    put_text(ws, 0, 0, line, x->title);
    put_link(x, ws, 1, 0, r->sheet, _("Back to the guarantee's sheet"));
    put_text(ws, 2, 0, _("Each interval of the local clock with calls, by its "
             "start; the service level leaves out short abandons; \"-\": none "
             "left to judge."), NULL);
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 4, 13, NULL);
    kpi_head(x, ws, row, ival_labels, 5);
    worksheet_freeze_panes(ws, TABLE_ROW + 1, 0);
    worksheet_repeat_rows(ws, TABLE_ROW, TABLE_ROW);
    ival_read(x, r, 0, &iv);
    for (size_t j = 0; j < iv.n && row + 1 < x->max_rows; j++) {
        /* The key is the local wall clock: Excel's serial day is 1899-12-30. */
        put_num(ws, ++row, 0, (double)iv.k[j] / 86400.0 + 25569.0, x->date);
        ival_cells(x, ws, row, &iv, j);
    }
    table_filter(ws, TABLE_ROW, row, 4);
    table_print(ws, row, TABLE_ROW + 1, 4);
    ival_free(&iv);
}

/* "ID KPIs": the figures, the waits and the level per time of day. */
static void write_kpis(xlsx *x, const result *r)
{
    static const char *const buckets[OMBUD_WAIT_BUCKETS] = {N_("0-20 s"),
        N_("20-60 s"), N_("1-3 min"), N_("3-10 min"), N_("over 10 min")};
    static const char *const wait_labels[] = {N_("Wait"), N_("Answered"),
                                              N_("Abandoned")};
    const char *slot_labels[5];
    lxw_worksheet *ws = add_sheet(x, r->kpis);
    kpirows k = {x, ws, r->draw, TABLE_ROW, 0};
    kpiwait w;
    kpiival iv;
    char line[400];
    int row;

    if (!ws)
        return;
    snprintf(line, sizeof line, _("%s: call-centre figures"), r->gid);
    put_text(ws, 0, 0, line, x->title);
    put_link(x, ws, 1, 0, r->sheet, _("Back to the guarantee's sheet"));
    put_text(ws, 2, 0, _("ASA and AHT in h:mm:ss; abandon rates and service "
             "level as shares; an agent's row counts the calls that agent "
             "answered."), NULL);
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, (lxw_col_t)r->draw->nfigures, 12, NULL);
    put_text(ws, TABLE_ROW, 0, _(r->draw->subjects), x->head);
    for (int c = 0; c < r->draw->nfigures; c++)
        put_text(ws, TABLE_ROW, c + 1, _(r->draw->figures[c].label), x->head);
    worksheet_freeze_panes(ws, TABLE_ROW + 1, 0);
    worksheet_repeat_rows(ws, TABLE_ROW, TABLE_ROW);
    if (ombud_store_each_figure(x->st, r->id, kpi_figure, &k) && !x->err)
        x->err = OMBUD_E_STORE;
    table_filter(ws, TABLE_ROW, k.row, r->draw->nfigures);
    row = k.row + 2;
    put_text(ws, row++, 0, _("Waits, answered and abandoned (upper edge "
             "included)"), x->bold);
    kpi_head(x, ws, row, wait_labels, 3);
    memset(&w, 0, sizeof w);
    ombud_store_each_series(x->st, r->id, OMBUD_SERIES_WAIT_ANSWERED, wait_ans,
                            &w);
    ombud_store_each_series(x->st, r->id, OMBUD_SERIES_WAIT_ABANDONED, wait_ab,
                            &w);
    for (int b = 0; b < OMBUD_WAIT_BUCKETS; b++) {
        put_text(ws, ++row, 0, _(buckets[b]), x->plain);
        put_num(ws, row, 1, (double)w.ans[b], x->num);
        put_num(ws, row, 2, (double)w.ab[b], x->num);
    }
    row += 2;
    put_text(ws, row++, 0, _("Service level by time of day, over the "
             "period"), x->bold);
    slot_labels[0] = N_("Time of day");
    for (int i = 1; i < 5; i++)
        slot_labels[i] = ival_labels[i];
    kpi_head(x, ws, row, slot_labels, 5);
    ival_read(x, r, 1, &iv);
    for (size_t j = 0; j < iv.n; j++) {
        put_text(ws, ++row, 0, ombud_fmt_slot(iv.k[j], k.interval, line,
                                              sizeof line), x->plain);
        ival_cells(x, ws, row, &iv, j);
    }
    ival_free(&iv);
    worksheet_print_area(ws, 0, 0, (lxw_row_t)row,
                         (lxw_col_t)r->draw->nfigures);
    if (r->ivals[0])
        write_kpi_intervals(x, r);
}

/* Header rows of a guarantee sheet; the table header is row TABLE_ROW. */
static lxw_worksheet *start_sheet(xlsx *x, const result *r, const char *name,
                                  int part)
{
    static const char *const head[] = {N_("Subject kind"), N_("Subject"),
        N_("When (local)"), N_("Measured"), N_("Limit"), N_("Shortfall"), N_("Amount"), N_("Detail"),
        N_("Evidence (file:line)")};
    static const double widths[] = {11, 20, 16, 12, 12, 12, 12, 60, 40};
    lxw_worksheet *ws = add_sheet(x, name);
    char line[2400];

    if (!ws)
        return NULL;
    for (int c = 0; c < 9; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
                             c >= 7 ? x->wrap : NULL);
    worksheet_set_column(ws, SIDE_COL, SIDE_COL, 22, NULL);
    snprintf(line, sizeof line, _("%s: \"%s\"%s"), r->gid, r->promise,
             part > 1 ? _(" (continued)") : "");
    put_text(ws, 0, 0, line, x->title);
    snprintf(line, sizeof line, _("Source: %s. Kind: %s."), r->source,
             ombud_rule_label(r->kind));
    put_text(ws, 1, 0, line, NULL);
    if (ombud_rule_drawing(r->kind)->lists)
        snprintf(line, sizeof line, ombud_ngettext("%s: %s. Target: %s. "
                 "%lld listed.", "%s: %s. Target: %s. %lld listed.",
                 (unsigned long)r->r.breaches), ombud_fmt_status(r->status),
                 r->r.measured_text, r->r.target_text,
                 (long long)r->r.breaches);
    else
        snprintf(line, sizeof line, ombud_ngettext("%s: %s. Target: %s. %lld "
                 "breach.", "%s: %s. Target: %s. %lld breaches.",
                 (unsigned long)r->r.breaches), ombud_fmt_status(r->status),
                 r->r.measured_text, r->r.target_text,
                 (long long)r->r.breaches);
    put_text(ws, 2, 0, line, x->bold);
    put_link(x, ws, 3, 0, x->summary, _("Back to the Summary"));
    if (r->heat[0])
        put_link(x, ws, 3, 2, r->heat, _("Heat map: live answers by hour"));
    if (r->kpis[0])
        kpi_links(x, ws, r);
    for (int c = 0; c < 9; c++)
        put_text(ws, TABLE_ROW, c, _(head[c]), x->head);
    worksheet_freeze_panes(ws, TABLE_ROW + 1, 0);
    worksheet_repeat_rows(ws, TABLE_ROW, TABLE_ROW);
    return ws;
}

/* Writing one guarantee's breaches, possibly over several sheets. */
typedef struct table {
    xlsx *x;
    const result *r;
    const side *side;
    lxw_worksheet *ws;
    const char *sheet;          /* the current sheet's name */
    int row, part;
} table;

static void end_part(table *t)
{
    table_filter(t->ws, TABLE_ROW, t->row - 1, 8);
    table_print(t->ws, t->row - 1, TABLE_ROW + 1, 8);
}

static int on_breach(void *ud, const ombud_breach *b, const char *refs,
                     int64_t nrefs, int64_t shown)
{
    table *t = ud;
    xlsx *x = t->x;
    char u[16], ev[2400];
    int i = t->row - TABLE_ROW;

    ombud_evidence_refs_text(refs, nrefs, shown, ev, sizeof ev);
    if (t->row >= x->max_rows) {
        end_part(t);
        t->part++;
        t->sheet = take_name(x, t->r->gid);
        if (!(t->ws = start_sheet(x, t->r, t->sheet, t->part)))
            return 1;
        t->row = TABLE_ROW + 1;
        i = -1;
    }
    {
        const char *texts[] = {b->detail, ev};
        const double widths[] = {60, 40};
        fit_row(t->ws, t->row, texts, widths, 2);
    }
    put_text(t->ws, t->row, 0, b->subject_kind, x->plain);
    put_text(t->ws, t->row, 1, b->subject, x->plain);
    put_time(x, t->ws, t->row, 2, b->at);
    for (int c = 0; c < 3; c++)
        put_value(x, t->ws, t->row, 3 + c, c == 0 ? b->measured : c == 1 ?
                  b->limit : b->shortfall, ombud_unit_column(b->unit, c, u,
                                                             sizeof u));
    put_num(t->ws, t->row, 6, money(x, b->amount), x->money);
    put_text(t->ws, t->row, 7, b->detail, x->wrap);
    put_text(t->ws, t->row, 8, ev, x->wrap);
    if (t->part == 1 && i >= 0)
        write_side_row(t->ws, t->side, i, t->row);
    t->row++;
    return 0;
}

static void write_guarantee(xlsx *x, const result *r)
{
    side s;
    table t = {x, r, &s, NULL, r->sheet, TABLE_ROW + 1, 1};

    build_side(x, r, &s);
    if (!(t.ws = start_sheet(x, r, r->sheet, 1))) {
        side_free(&s);
        return;
    }
    write_side_row(t.ws, &s, 0, TABLE_ROW);
    if (ombud_store_each_breach(x->st, r->id, on_breach, &t) && !x->err)
        x->err = OMBUD_E_STORE;
    end_part(&t);
    if (r->r.breaches == 0)
        put_text(t.ws, TABLE_ROW + 1, 7, _("No breaches."), NULL);
    /* Side rows beyond the last breach row, on the first sheet only. */
    if (t.part == 1) {
        int next = t.row - TABLE_ROW, last;
        for (int i = next; i < s.nrows; i++)
            write_side_row(t.ws, &s, i, TABLE_ROW + i);
        last = s.nrows > next + 1 ? s.nrows : next + 1;
        if (s.note[0])
            put_text(t.ws, TABLE_ROW + last, SIDE_COL, s.note, NULL);
        draw_side(x, t.ws, r->sheet, &s);
    }
    side_free(&s);
}

/* ---- Inputs, Rejects, Method ------------------------------------------------------- */

typedef struct rows { xlsx *x; lxw_worksheet *ws; int row; const char *base; } rows;

static int input_row(void *ud, const ombud_source_row *s)
{
    rows *t = ud;
    int ok = s->counts.read == s->counts.stored + s->counts.rejected +
             s->counts.counted;
    char notes[1600];

    put_text(t->ws, t->row, 0, s->name, t->x->bold);
    put_text(t->ws, t->row, 1, ombud_input_label(s->kind), NULL);
    put_text(t->ws, t->row, 2, s->path, NULL);
    put_text(t->ws, t->row, 3, s->sha256, NULL);
    put_num(t->ws, t->row, 4, (double)s->bytes, t->x->num);
    put_text(t->ws, t->row, 5, s->tz, NULL);
    put_num(t->ws, t->row, 6, (double)s->counts.read, t->x->num);
    put_num(t->ws, t->row, 7, (double)s->counts.stored, t->x->num);
    put_num(t->ws, t->row, 8, (double)s->counts.rejected, t->x->num);
    put_text(t->ws, t->row, 9, ok ? _("yes") : _("NO"), ok ? NULL : t->x->fail);
    put_num(t->ws, t->row, 10, (double)s->counts.counted, t->x->num);
    snprintf(notes, sizeof notes, "%s%s%s%s", s->notes ? s->notes : "",
             s->notes && s->settings ? ". " : "", s->settings ?
             _("Site settings applied: ") : "", s->settings ? s->settings : "");
    if (notes[0])
        put_text(t->ws, t->row, 11, notes, NULL);
    t->row++;
    return 0;
}

static void header_row(xlsx *x, lxw_worksheet *ws, int row,
                       const char *const *head, const double *widths, int n)
{
    for (int c = 0; c < n; c++) {
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
        put_text(ws, row, c, _(head[c]), x->head);
    }
    worksheet_freeze_panes(ws, (lxw_row_t)(row + 1), 0);
    worksheet_repeat_rows(ws, (lxw_row_t)row, (lxw_row_t)row);
}

static void write_inputs(xlsx *x, const char *name)
{
    static const char *const head[] = {N_("File"), N_("Kind"), N_("Path"), "SHA-256",
        N_("Bytes"), N_("Time zone"), N_("Rows read"), N_("Stored"), N_("Rejected"),
        N_("read = stored + rejected (+ counted)"),
        N_("Counted (no record of their own)"), N_("What became of the rows")};
    static const double widths[] = {18, 9, 36, 66, 10, 20, 10, 10, 10, 12, 12,
                                    90};
    rows t = {x, add_sheet(x, name), 2, NULL};

    if (!t.ws)
        return;
    put_text(t.ws, 0, 0, _("Inputs: every source file, its checksum and what "
             "became of its rows"), x->bold);
    header_row(x, t.ws, 1, head, widths, 12);
    ombud_store_each_source(x->st, input_row, &t);
    table_filter(t.ws, 1, t.row - 1, 11);
    put_text(t.ws, t.row + 1, 0, _("Guarantees"), x->bold);
    put_text(t.ws, t.row + 1, 2, x->chk.guarantees, NULL);
    put_text(t.ws, t.row + 1, 3, x->chk.guarantees_sha256, NULL);
}

static void rejects_header(xlsx *x, lxw_worksheet *ws)
{
    static const char *const head[] = {N_("File"), N_("Line"), N_("Column"), N_("Field"),
                                       N_("Value (as read)"), N_("Reason")};
    static const double widths[] = {18, 9, 8, 18, 40, 70};
    put_text(ws, 0, 0, _("Rejected rows: stored nowhere else, each with the "
             "reason it was refused"), x->bold);
    header_row(x, ws, 1, head, widths, 6);
}

static int reject_row(void *ud, const char *file, const ombud_reject *r)
{
    rows *t = ud;

    if (t->row >= t->x->max_rows) {
        table_filter(t->ws, 1, t->row - 1, 5);
        table_print(t->ws, t->row - 1, 2, 5);
        if (!(t->ws = add_sheet(t->x, take_name(t->x, t->base))))
            return 1;
        rejects_header(t->x, t->ws);
        t->row = 2;
    }
    put_text(t->ws, t->row, 0, file, NULL);
    put_num(t->ws, t->row, 1, (double)r->line, t->x->num);
    put_num(t->ws, t->row, 2, (double)r->col, t->x->num);
    put_text(t->ws, t->row, 3, r->field, NULL);
    put_text(t->ws, t->row, 4, r->value, NULL);
    put_text(t->ws, t->row, 5, r->reason, NULL);
    t->row++;
    return 0;
}

static void write_rejects(xlsx *x, const char *name)
{
    rows t = {x, add_sheet(x, name), 2, _("Rejects")};

    if (!t.ws)
        return;
    rejects_header(x, t.ws);
    ombud_store_each_reject(x->st, reject_row, &t);
    table_filter(t.ws, 1, t.row - 1, 5);
    table_print(t.ws, t.row - 1, 2, 5);
    if (t.row == 2)
        put_text(t.ws, 2, 0, _("No row was rejected."), NULL);
}

/* Under the Method table: how each telephony log was read. */
typedef struct method_rows { xlsx *x; lxw_worksheet *ws; int row, said; } method_rows;

static int method_source(void *ud, const ombud_source_row *s)
{
    method_rows *m = ud;
    char line[1400];

    if (!s->settings)
        return 0;
    if (!m->said++) {
        put_text(m->ws, m->row++, 0, _("Telephony logs: one call leg per "
                 "queue stint (ENTERQUEUE to its terminal event). "
                 "COMPLETECALLER/COMPLETEAGENT: answered; TRANSFER, "
                 "BLINDTRANSFER, ATTENDEDTRANSFER: transferred (answered); "
                 "WITHDRAW: transferred; ABANDON: abandoned; EXITEMPTY, "
                 "JOINEMPTY, JOINUNAVAIL, FULL, CLOSED: closed; "
                 "EXITWITHTIMEOUT and EXITWITHKEY: as the site settings say; "
                 "no terminal event: incomplete (left out of every rule)."),
                 m->x->bold);
    }
    snprintf(line, sizeof line, _("%s (%s): site settings %s"), s->name,
             ombud_input_label(s->kind),
             s->settings);
    put_text(m->ws, m->row++, 0, line, NULL);
    return 0;
}

static void write_method(xlsx *x, const char *name)
{
    /* The settings are quoted as the guarantees file has them (what
     * verify re-reads); the kind is named in words. */
    static const char *const head[] = {N_("Guarantee"), N_("Kind"),
        N_("Settings as written in the guarantees file"),
        N_("How it was measured")};
    static const double widths[] = {18, 16, 50, 110};
    lxw_worksheet *ws = add_sheet(x, name);
    char line[256];
    int row = 6;

    if (!ws)
        return;
    snprintf(line, sizeof line, _("Produced by ombud %s from the findings stored "
             "for this period; no figure is computed by the report."),
             x->chk.tool_version);
    put_text(ws, 0, 0, line, x->bold);
    snprintf(line, sizeof line, _("Times are local to %s. Durations are "
             "[h]:mm:ss, shares are percentages, money is in %s."), x->chk.tz,
             x->chk.currency);
    put_text(ws, 1, 0, line, NULL);
    put_text(ws, 2, 0, _("Evidence references name the input file and the "
             "physical line of the row (see Inputs for checksums)."), NULL);
    put_text(ws, 3, 0, _("Every input row was stored or rejected with a reason "
             "(see Inputs and Rejects)."), NULL);
    header_row(x, ws, 5, head, widths, 4);
    for (int i = 0; i < x->nres; i++, row++) {
        const result *r = &x->res[i];
        const char *t[] = {r->params, r->r.method};
        fit_row(ws, row, t, widths + 2, 2);
        put_text(ws, row, 0, r->gid, x->bold);
        put_text(ws, row, 1, ombud_rule_label(r->kind), x->plain);
        put_text(ws, row, 2, r->params, x->wrap);
        put_text(ws, row, 3, r->r.method, x->wrap);
    }
    table_filter(ws, 5, row - 1, 3);
    {
        method_rows m = {x, ws, row + 1, 0};
        ombud_store_each_source(x->st, method_source, &m);
    }
}

/* ---- automatic compensation ------------------------------------------------------- */

/*
 * The returns table (Ofcom's automatic compensation: cases, owed, paid,
 * short and the share paid in full in time, per type and month, then the
 * period), as the rules stored it; a sheet of its own after every other,
 * so no other sheet's number moves, and only when a guarantee counts
 * returns, so a workbook without them is as it was.
 */
static int returns_row(xlsx *x, lxw_worksheet *ws, int row, const result *r,
                       const ombud_returns_row *m)
{
    int total = ombud_returns_is_total(m);
    lxw_format *n = total ? x->bold : x->num;

    put_text(ws, row, 0, _(r->draw->comp_type), total ? x->bold : NULL);
    put_text(ws, row, 1, r->gid, total ? x->bold : NULL);
    put_text(ws, row, 2, total ? _("Period total") : m->subject,
             total ? x->bold : NULL);
    put_num(ws, row, 3, (double)m->cases, n);
    put_num(ws, row, 4, money(x, m->owed), x->money);
    put_num(ws, row, 5, money(x, m->paid), x->money);
    put_num(ws, row, 6, money(x, m->shortfall), x->money);
    put_num(ws, row, 7, (double)m->in_time, n);
    put_num(ws, row, 8, (double)m->pending, n);
    if (m->share == OMBUD_BP_NONE)
        put_text(ws, row, 9, "-", NULL);  /* no case decided: no share */
    else
        put_num(ws, row, 9, (double)m->share / 10000.0, x->pct);
    return row + 1;
}

static void write_returns(xlsx *x)
{
    static const double widths[] = {22, 22, 14, 9, 14, 14, 14, 16, 12, 16};
    ombud_returns_table t[MAX_RESULTS];
    lxw_worksheet *ws;
    const char *name;
    char within[96], share[96], pend[400];
    int any = 0, row;
    int64_t days = 0;

    memset(t, 0, sizeof t);
    for (int i = 0; i < x->nres && !x->err; i++) {
        if (!x->res[i].draw->comp_type)
            continue;
        if ((x->err = ombud_returns_read(x->st, x->res[i].id, &t[i])))
            break;
        if (t[i].n && !any)
            days = t[i].days;
        any |= t[i].n > 0;
    }
    if (x->err || !any || !(name = take_name(x, _("Automatic compensation"))) ||
        !(ws = add_sheet(x, name)))
        goto done;
    put_text(ws, 0, 0, _("Automatic compensation: cases, compensation owed "
             "and paid, by type and month"), x->title);
    /* TRANSLATORS: %s is a number of days (30). */
    snprintf(within, sizeof within, _("Paid in full within %s days"),
             ombud_n(days));
    snprintf(share, sizeof share, _("%% paid in full within %s days"),
             ombud_n(days));
    put_text(ws, 1, 0, _("A case is one owing compensation, counted in the "
             "month it became due (repair: restored; appointment: missed; "
             "provision: completed). Paid: the credits matched to it, at most "
             "what it owes. The method of each guarantee says more."), NULL);
    snprintf(pend, sizeof pend, _("Pending: not paid in time yet, its %s "
             "days ending after the last billing row in the store; the "
             "share is of the other cases."), ombud_n(days));
    put_text(ws, 2, 0, pend, NULL);
    {
        const char *head[] = {_("Type"), _("Guarantee"), _("Month"),
                              _("Cases"), _("Owed"), _("Paid"), _("Short"),
                              within, _("Pending"), share};
        for (int c = 0; c < 10; c++) {
            worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c],
                                 NULL);
            put_text(ws, 3, c, head[c], x->head);
        }
    }
    worksheet_freeze_panes(ws, 4, 0);
    worksheet_repeat_rows(ws, 3, 3);
    row = 4;
    for (int i = 0; i < x->nres; i++) {
        const result *r = &x->res[i];
        uint64_t total = 0;
        if (!r->draw->comp_type || !t[i].n)
            continue;
        for (size_t k = 0; k < t[i].n; k++)
            if (ombud_returns_is_total(&t[i].rows[k]))
                total = (uint64_t)t[i].rows[k].cases;
        /* No verdict without evidence: a type with no data at all says
         * so, never a row of zeros that reads as all paid. */
        if (r->r.pass == OMBUD_NO_DATA && total == 0) {
            put_text(ws, row, 0, _(r->draw->comp_type), NULL);
            put_text(ws, row, 1, r->gid, NULL);
            put_text(ws, row, 2, ombud_fmt_status("NO DATA"), x->nodata);
            row++;
            continue;
        }
        for (size_t k = 0; k < t[i].n; k++)
            row = returns_row(x, ws, row, r, &t[i].rows[k]);
    }
    table_filter(ws, 3, row - 1, 9);
    table_print(ws, row - 1, 4, 9);
done:
    for (int i = 0; i < x->nres; i++)
        ombud_returns_table_free(&t[i]);
}

/* ---- the workbook ------------------------------------------------------------------- */

/*
 * The manifest: a sheet a reviewer can read (and `ombud verify` reads, by
 * its first cell), and custom properties with the key values (each at most
 * 255 characters, libxlsxwriter's limit).
 */
static void write_manifest(xlsx *x, const char *name)
{
    ombud_manifest *m = calloc(1, sizeof *m);
    char *line = malloc(OMBUD_MANIFEST_MAX), key[32], val[256];
    lxw_worksheet *ws = add_sheet(x, name);
    int row = 0;

    if (!m || !line || !ws || ombud_manifest_build(x->st, x->chk.id, m)) {
        free(m);
        free(line);
        return;
    }
    snprintf(m->doc, sizeof m->doc, "filing");
    if ((x->err = ombud_history_manifest(x->st, x->chk.id, m))) {
        free(m);
        free(line);
        return;
    }
    if (!ombud_manifest_format(m, line, OMBUD_MANIFEST_MAX)) {
        x->err = ombud_error(OMBUD_E_DATA, NULL, "the manifest (the inputs' "
                             "paths and checksums) is longer than %d bytes: "
                             "import the files from shorter paths",
                             OMBUD_MANIFEST_MAX);
        free(m);
        free(line);
        return;
    }
    worksheet_set_column(ws, 0, 0, 24, NULL);
    worksheet_set_column(ws, 1, 1, 100, NULL);
    put_text(ws, row++, 0, line, NULL);
    put_text(ws, ++row, 0, _("What the figures were made from (checked by "
             "ombud verify)"), x->bold);
    row++;
#define KV(k, v) (put_text(ws, row, 0, k, x->bold), put_text(ws, row++, 1, v, x->plain))
    KV(_("ombud version"), m->version);
    {
        char period[80];
        ombud_period_format(x->tz, m->from, m->to, period, sizeof period);
        KV(_("period"), period);
    }
    KV(_("time zone"), m->tz);
    KV(_("guarantees SHA-256"), m->guarantees_sha256);
    KV(_("findings SHA-256"), m->findings_sha256);
    for (int i = 0; i < m->nin; i++) {
        snprintf(val, sizeof val, "%s (%s), SHA-256 %s", m->in[i].name,
                 ombud_input_label(m->in[i].kind), m->in[i].sha256);
        KV(_("input"), val);
    }
#undef KV
    workbook_set_custom_property_string(x->wb, "ombud.findings_sha256",
                                        m->findings_sha256);
    workbook_set_custom_property_string(x->wb, "ombud.guarantees_sha256",
                                        m->guarantees_sha256);
    for (int i = 0; i < m->nin && i < 50; i++) {
        snprintf(key, sizeof key, "ombud.input.%d", i + 1);
        snprintf(val, sizeof val, "%s|%s", m->in[i].kind, m->in[i].sha256);
        workbook_set_custom_property_string(x->wb, key, val);
    }
    free(m);
    free(line);
}

static void set_properties(xlsx *x)
{
    char subject[600];
    lxw_doc_properties p = {0};

    snprintf(subject, sizeof subject, _("%s: service quality findings for the "
             "%s"), x->chk.carrier, x->chk.commission);
    p.title = (char *)_("Service quality compliance report");
    p.subject = subject;
    p.author = x->chk.prepared_by[0] ? x->chk.prepared_by : "ombud";
    p.company = x->chk.carrier;
    p.comments = (char *)_("Written by ombud from stored findings; see the Method sheet");
    /* The period's end, not the clock: same findings, same bytes. */
    p.created = (time_t)x->chk.to;
    workbook_set_properties(x->wb, &p);
    workbook_set_custom_property_string(x->wb, "ombud version",
                                        x->chk.tool_version);
}

/*
 * The periods before this one (history.c), on a sheet of its own after
 * all the others, so no other sheet moves; none when the store has no
 * earlier period of the same guarantees.
 */
static void write_history(xlsx *x)
{
    ombud_history h;
    char money[64];
    const char *name;
    lxw_worksheet *ws;

    if ((x->err = ombud_history_load(x->st, &x->chk, ombud_history_depth(),
                                     &h)) || h.np < 2) {
        ombud_history_free(&h);
        return;
    }
    /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
    if ((name = take_name(x, _("History"))) && (ws = add_sheet(x, name)))
        x->err = ombud_history_sheet(x->wb, ws, name, &h, x->chk.currency,
                                     x->digits, ombud_xlsx_money_format(
                                     x->chk.currency, money, sizeof money));
    ombud_history_free(&h);
}

/*
 * The months inside a period of several months (months.c), on a sheet of
 * its own after the returns, so no other sheet moves; none when no
 * guarantee was judged per month (a one-month filing).
 */
static void write_months(xlsx *x)
{
    int64_t ids[MAX_RESULTS];
    char *gids[MAX_RESULTS], label[64];
    const char *name;
    lxw_worksheet *ws;
    int n = 0;

    for (int i = 0; i < x->nres; i++)
        if (ombud_months_kind(x->res[i].kind)) {
            ids[n] = x->res[i].id;
            gids[n++] = x->res[i].gid;
        }
    if (!ombud_months_any(x->st, ids, n))
        return;
    ombud_months_label(x->tz, x->chk.from, x->chk.to, _("Period"), label,
                       sizeof label);
    /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
    if ((name = take_name(x, _("Months"))) && (ws = add_sheet(x, name)))
        x->err = ombud_months_sheet(x->wb, ws, x->st, ids, gids, n,
                                    label);
}

static void write_all(xlsx *x)
{
    const char *summary = x->summary = take_name(x, _("Summary"));
    const char *inputs = take_name(x, _("Inputs"));
    const char *rejects = take_name(x, _("Rejects"));
    const char *method = take_name(x, _("Method"));
    const char *manifest = take_name(x, _("Manifest"));

    for (int i = 0; i < x->nres; i++)
        snprintf(x->res[i].sheet, sizeof x->res[i].sheet, "%s",
                 take_name(x, x->res[i].gid));
    for (int i = 0; i < x->nres; i++) {
        char want[64];
        if (x->res[i].draw->chart != OMBUD_CHART_HEATMAP)
            continue;
        /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
        const char *name;
        snprintf(want, sizeof want, _("%s heat map"), x->res[i].gid);
        if ((name = take_name(x, want)) != NULL)
            snprintf(x->res[i].heat, sizeof x->res[i].heat, "%s", name);
    }
    kpi_sheet_names(x);
    write_summary(x, summary);
    for (int i = 0; i < x->nres && !x->err; i++)
        write_guarantee(x, &x->res[i]);
    write_inputs(x, inputs);
    write_rejects(x, rejects);
    write_method(x, method);
    write_manifest(x, manifest);
    for (int i = 0; i < x->nres && !x->err; i++)
        if (x->res[i].heat[0])
            write_heatmap(x, &x->res[i]);
    for (int i = 0; i < x->nres && !x->err; i++)
        if (x->res[i].kpis[0])
            write_kpis(x, &x->res[i]);
    if (!x->err)
        write_returns(x);
    if (!x->err)
        write_months(x);
    if (!x->err)
        write_history(x);
}

static void free_results(xlsx *x)
{
    for (int i = 0; i < x->nres; i++) {
        result *r = &x->res[i];
        free(r->gid);
        free(r->kind);
        free(r->promise);
        free(r->source);
        free(r->params);
        free(r->status);
    }
}

/*
 * Rows per sheet: Excel's limit. OMBUD_TEST_XLSX_ROWS lowers it (never
 * raises it) so the tests can see a sheet split without writing a million
 * rows.
 */
static int rows_per_sheet(void)
{
    const char *v = getenv("OMBUD_TEST_XLSX_ROWS");
    long n = v ? strtol(v, NULL, 10) : 0;

    return n > TABLE_ROW + 2 && n < OMBUD_XLSX_MAX_ROWS ? (int)n
                                                         : OMBUD_XLSX_MAX_ROWS;
}

/*
 * In constant-memory mode the rows of each sheet go to a temporary file
 * whose write errors libxlsxwriter does not check: a full disk gave a
 * workbook that closed fine with its sheets cut short. Check them.
 */
static ombud_err check_sheet_files(xlsx *x, const char *path)
{
    lxw_worksheet *ws;

    LXW_FOREACH_WORKSHEET(ws, x->wb) {
        FILE *f = ws->optimize_tmpfile;
        if (f && (fflush(f) != 0 || ferror(f)))
            return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: "
                               "a temporary file of sheet '%s' could not be "
                               "written (disk full?)", path, ws->name);
    }
    return OMBUD_OK;
}

ombud_err ombud_report_xlsx(ombud_store *st, int64_t check_id, const char *path)
{
    xlsx *x = calloc(1, sizeof *x);
    lxw_workbook_options opts = {LXW_TRUE, NULL, LXW_FALSE};
    ombud_outfile of;
    lxw_error lerr;
    ombud_err err;

    if (!x)
        return OMBUD_E_NOMEM;
    x->st = st;
    x->max_rows = rows_per_sheet();
    if ((err = ombud_store_check_get(st, check_id, &x->chk))) {
        free(x);
        return err == OMBUD_E_DATA ? ombud_error(err, NULL, "no findings in "
               "the store: run ombud check first") : err;
    }
    if (ombud_tz_open(x->chk.tz, &x->tz)) {
        err = ombud_error(OMBUD_E_DATA, NULL, "the findings' time zone '%s' "
                          "is not known on this machine", x->chk.tz);
        free(x);
        return err;
    }
    x->digits = ombud_currency_digits(x->chk.currency);
    /* The manifest's digest is computed while the sheets are written. */
    ombud_store_expect_digest(st, x->chk.id);
    if ((err = ombud_outfile_open(&of, path))) {
        /* the message is printed */
    } else if (!(x->wb = workbook_new_opt(of.tmp, &opts))) {
        ombud_outfile_abort(&of, NULL);
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s", path);
    } else {
        set_properties(x);
        make_formats(x);
        if (!(err = ombud_store_each_result(st, x->chk.id, copy_result, x)))
            write_all(x);
        err = err ? err : x->err;
        if (!err)
            err = check_sheet_files(x, path);
        if ((lerr = workbook_close(x->wb)) != LXW_NO_ERROR && !err)
            err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s",
                              path, lxw_strerror(lerr));
        if (err)
            ombud_outfile_abort(&of, NULL);
        else
            err = ombud_outfile_commit(&of, NULL);
    }
    free_results(x);
    ombud_tz_free(x->tz);
    free(x);
    return err;
}
