/*
 * carriers_xlsx.c - the comparison of filings as a workbook (carriers.h).
 *
 * Two sheets. "Comparison": above the table, a block of rows that heads
 * each filing's column with its carrier (a link to its row on Filings),
 * period, verify status, report SHA-256 and findings digest, frozen in
 * view, so every figure is read under the digest of the filing it comes
 * from; then a row per guarantee and figure. "Filings": a row per filing
 * with everything that identifies it, its inputs' checksums included.
 *
 * Decisions:
 * - Figures are typed cells in their unit (durations, shares, money in
 *   the filing's own currency), as the report's sheets type them, so a
 *   reader can sort and subtract; the figure in words has its own row.
 * - A NOT VERIFIED filing's cells are struck through in grey on a grey
 *   ground, and its status cell says so: a spreadsheet cell cannot carry
 *   a marker beside a number, so the format is the flag, with the header
 *   block's "NOT VERIFIED" and reason above it.
 * - Input text (carrier names, file names, measured words) is written as
 *   strings, never formulas, with characters XML cannot hold made visible
 *   (ombud_xml_text()), as on every sheet ombud writes.
 * - The document date is the latest period's end: same filings, same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ombud/carriers.h"
#include "ombud/diag.h"
#include "ombud/i18n.h"
#include "ombud/outfile.h"
#include "ombud/rule.h"
#include "ombud/text.h"
#include "ombud/value.h"
#include "ombud/version.h"
#include "sheet.h"

#define HEAD_ROW 3          /* first row of the filings' header block */
#define HEAD_ROWS 6         /* carrier, period, status, reason, report, digest */
#define TABLE_ROW (HEAD_ROW + HEAD_ROWS + 1)   /* the table's header row */
#define FIRST_COL 2         /* the first filing's column */
#define FLAG_GREY 0x808080  /* the font of a NOT VERIFIED filing's cells */
#define COL_WIDTH 30        /* a filing's column, in characters */

/* The formats of one filing's column: as trusted, and as flagged. */
typedef struct cx {
    const ombud_comparison *c;
    lxw_workbook *wb;
    lxw_format *title, *bold, *head, *wrap, *link, *mono;
    lxw_format *verified, *unverified;
    lxw_format *status[5];       /* by verdict: FAIL PASS NO DATA REP MEAS */
    lxw_format *struck_status;
    ombud_figure_formats col[OMBUD_CARRIERS_MAX];
    const char *sheet_filings;
} cx;


static lxw_format *fmt(cx *x, const char *numfmt, int struck)
{
    lxw_format *f = workbook_add_format(x->wb);

    if (!f)
        return NULL;
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    if (numfmt)
        format_set_num_format(f, numfmt);
    else
        format_set_text_wrap(f);
    if (struck) {
        format_set_font_strikeout(f);
        format_set_font_color(f, FLAG_GREY);
        format_set_bg_color(f, 0xEDEDED);
    }
    return f;
}

static void status_format(cx *x, int i, lxw_color_t bg, lxw_color_t fg)
{
    lxw_format *f = x->status[i] = workbook_add_format(x->wb);

    format_set_bold(f);
    format_set_bg_color(f, bg);
    format_set_font_color(f, fg);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
}

/* Number formats as the report's sheets write them (en-US codes with the
 * reader's locale tag). */
static void make_formats(cx *x)
{
    const char *tag = ombud_xlsx_locale_tag();
    char f[96], money[96];

    x->title = workbook_add_format(x->wb);
    format_set_bold(x->title);
    format_set_font_size(x->title, 16);
    x->bold = workbook_add_format(x->wb);
    format_set_bold(x->bold);
    format_set_align(x->bold, LXW_ALIGN_VERTICAL_TOP);
    x->head = workbook_add_format(x->wb);
    format_set_bold(x->head);
    format_set_text_wrap(x->head);
    format_set_bg_color(x->head, 0xD9E1F2);
    format_set_bottom(x->head, LXW_BORDER_THIN);
    format_set_align(x->head, LXW_ALIGN_VERTICAL_TOP);
    x->wrap = fmt(x, NULL, 0);
    x->mono = fmt(x, NULL, 0);
    format_set_font_name(x->mono, "DejaVu Sans Mono");
    format_set_font_size(x->mono, 9);
    x->link = fmt(x, NULL, 0);
    format_set_bold(x->link);
    format_set_underline(x->link, LXW_UNDERLINE_SINGLE);
    format_set_font_color(x->link, LXW_COLOR_BLUE);
    x->verified = workbook_add_format(x->wb);
    format_set_bold(x->verified);
    format_set_bg_color(x->verified, 0x1F7F38);
    format_set_font_color(x->verified, LXW_COLOR_WHITE);
    x->unverified = workbook_add_format(x->wb);
    format_set_bold(x->unverified);
    format_set_bg_color(x->unverified, 0xC00000);
    format_set_font_color(x->unverified, LXW_COLOR_WHITE);
    status_format(x, OMBUD_FAIL, 0xF8CBAD, 0x9C0006);
    status_format(x, OMBUD_PASS, 0xC6EFCE, 0x006100);
    status_format(x, OMBUD_NO_DATA, 0xD9D9D9, 0x3F3F3F);
    status_format(x, OMBUD_REPORTABLE, 0xFCE4C4, 0x7A4500);
    status_format(x, OMBUD_MEASURED, 0xDDEBF7, 0x1F4E78);
    x->struck_status = fmt(x, NULL, 1);
    format_set_bold(x->struck_status);
    for (int i = 0; i < x->c->nf; i++) {
        const ombud_carrier_filing *fl = x->c->f[i];
        int s = !fl->verified;
        ombud_figure_formats *c = &x->col[i];
        c->text = fmt(x, NULL, s);
        snprintf(f, sizeof f, "%s#,##0", tag);
        c->num = fmt(x, f, s);
        snprintf(f, sizeof f, "%s[h]:mm:ss", tag);
        c->dur = fmt(x, f, s);
        snprintf(f, sizeof f, "%s0.00%%", tag);
        c->pct = fmt(x, f, s);
        snprintf(f, sizeof f, "%s0.000", tag);
        c->ratio = fmt(x, f, s);
        c->money = fmt(x, ombud_xlsx_money_format(fl->currency[0] ?
                       fl->currency : "USD", money, sizeof money), s);
    }
}

/* A figure in its unit as a typed cell (the unit table, value.h). */
static void put_figure(cx *x, lxw_worksheet *ws, int row, int col, int i,
                       int64_t v, const char *unit)
{
    ombud_sheet_figure(ws, row, col, v, unit, x->c->f[i]->currency,
                       &x->col[i]);
}

/* Figure @k of guarantee @g of filing @i at (@row, @col). */
static void put_cell(cx *x, lxw_worksheet *ws, int row, int col, int i, int g,
                     int k)
{
    const ombud_carrier_filing *f = x->c->f[i];
    const ombud_carrier_figure *v = &f->fig[g];
    const ombud_figure_formats *c = &x->col[i];
    char text[700];

    if (!f->derived || !v->present) {
        ombud_sheet_text(ws, row, col, k == OMBUD_FIGURE_STATUS ?
                         _("not re-derived") : "", c->text);
        return;
    }
    switch (k) {
    case OMBUD_FIGURE_STATUS:
        ombud_sheet_text(ws, row, col, ombud_figure_text(f, g, k, text,
                         sizeof text), !f->verified ? x->struck_status
                         : x->status[v->pass >= 0 && v->pass < 5 ? v->pass
                                     : 0]);
        break;
    case OMBUD_FIGURE_MEASURED:
        put_figure(x, ws, row, col, i, v->measured, v->unit);
        break;
    case OMBUD_FIGURE_TARGET:
        put_figure(x, ws, row, col, i, v->target, v->unit);
        break;
    case OMBUD_FIGURE_SUBJECTS:
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
                               (double)v->subjects, c->num);
        break;
    case OMBUD_FIGURE_BREACHES:
        worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
                               (double)v->breaches, c->num);
        break;
    case OMBUD_FIGURE_OWED:
        if (v->amount == OMBUD_AMOUNT_NONE)
            ombud_sheet_text(ws, row, col, "-", c->text);
        else
            worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col,
                                   ombud_sheet_money(f->currency, v->amount),
                                   c->money);
        break;
    default:
        ombud_sheet_text(ws, row, col, ombud_figure_text(f, g, k, text,
                         sizeof text), c->text);
        break;
    }
}

/* A link to row @row (0-based) of the Filings sheet. */
static void put_link(cx *x, lxw_worksheet *ws, int row, int col, int to_row,
                     const char *text)
{
    char url[OMBUD_SHEET_NAME_MAX + 32];

    snprintf(url, sizeof url, "internal:'%s'!A%d", x->sheet_filings,
             to_row + 1);
    if (worksheet_write_url(ws, (lxw_row_t)row, (lxw_col_t)col, url, x->link)
        == LXW_NO_ERROR)
        ombud_sheet_text(ws, row, col, text, x->link);
    else
        ombud_sheet_text(ws, row, col, text, x->bold);
}

/* Row of filing @i on the Filings sheet (0-based). */
static int filings_row(int i)
{
    return 3 + i;
}

/* Row @r of the block above the table for filing @i, at column @col. */
static void head_cell(cx *x, lxw_worksheet *ws, int r, int i)
{
    const ombud_carrier_filing *f = x->c->f[i];
    int row = HEAD_ROW + r, col = FIRST_COL + i;
    char text[300];

    switch (r) {
    case 0:
        put_link(x, ws, row, col, filings_row(i), f->carrier[0] ? f->carrier
                 : _("(carrier unknown)"));
        break;
    case 1:
        ombud_sheet_text(ws, row, col, ombud_filing_period(f, text,
                         sizeof text), x->wrap);
        break;
    case 2:
        ombud_sheet_text(ws, row, col, f->verified ? _("VERIFIED") :
                         _("NOT VERIFIED"), f->verified ? x->verified :
                         x->unverified);
        break;
    case 3:
        ombud_sheet_text(ws, row, col, f->verified ? "" : f->reason, x->wrap);
        break;
    case 4:
        ombud_sheet_text(ws, row, col, f->report_sha256, x->mono);
        break;
    default:
        ombud_sheet_text(ws, row, col, f->findings_sha256, x->mono);
        break;
    }
}

/*
 * The block above the table: what each column's figures come from. Row
 * by row, left to right: in constant-memory mode a row is final once the
 * next is begun.
 */
static void head_block(cx *x, lxw_worksheet *ws)
{
    static const char *const labels[HEAD_ROWS] = {
        N_("Carrier"), N_("Period"), N_("Verify status"), N_("Why"),
        N_("Report SHA-256"), N_("Findings digest")};
    int reason = 1;

    for (int i = 0; i < x->c->nf; i++)
        if (!x->c->f[i]->verified && ombud_text_lines(x->c->f[i]->reason,
                                               COL_WIDTH) > reason)
            reason = ombud_text_lines(x->c->f[i]->reason, COL_WIDTH);
    for (int r = 0; r < HEAD_ROWS; r++) {
        if (r == 3 && reason > 1)
            worksheet_set_row(ws, HEAD_ROW + r, 15.0 * (reason > 20 ? 20
                              : reason), NULL);
        else if (r >= 4)
            worksheet_set_row(ws, HEAD_ROW + r, 36, NULL);
        ombud_sheet_text(ws, HEAD_ROW + r, 1, _(labels[r]), x->bold);
        for (int i = 0; i < x->c->nf; i++)
            head_cell(x, ws, r, i);
    }
}

/* Lines guarantee @g's figure in words takes in the widest-worded column. */
static int words_lines(const cx *x, int g)
{
    int lines = 1;

    for (int i = 0; i < x->c->nf; i++) {
        int l = ombud_text_lines(x->c->f[i]->fig[g].measured_text, COL_WIDTH);
        if (l > lines)
            lines = l;
    }
    return lines > 20 ? 20 : lines;
}

static void write_comparison(cx *x, lxw_worksheet *ws)
{
    const ombud_standard *std = &x->c->std;
    int row = TABLE_ROW, last_col = FIRST_COL + x->c->nf - 1;
    char line[400];

    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 20, NULL);
    worksheet_set_column(ws, FIRST_COL, (lxw_col_t)last_col, COL_WIDTH, NULL);
    ombud_sheet_text(ws, 0, 0, _("Comparison of filings"), x->title);
    snprintf(line, sizeof line, _("Each figure is what its filing's inputs "
             "give, re-derived as 'ombud verify' does; the columns of a "
             "filing NOT VERIFIED are struck through in grey."));
    ombud_sheet_text(ws, 1, 0, line, NULL);
    head_block(x, ws);
    ombud_sheet_text(ws, row, 0, _("Guarantee"), x->head);
    ombud_sheet_text(ws, row, 1, _("Figure"), x->head);
    for (int i = 0; i < x->c->nf; i++) {
        snprintf(line, sizeof line, "%s", x->c->f[i]->carrier[0] ?
                 x->c->f[i]->carrier : _("(carrier unknown)"));
        ombud_sheet_text(ws, row, FIRST_COL + i, line, x->head);
    }
    row++;
    for (int g = 0; g < std->ng; g++)
        for (int k = 0; k < OMBUD_FIGURE_ROWS; k++, row++) {
            if (k == 0) {
                ombud_sheet_text(ws, row, 0, std->id[g], x->bold);
            } else if (k == 1) {
                ombud_sheet_text(ws, row, 0, ombud_rule_label(std->kind[g]),
                                 x->wrap);
            }
            ombud_sheet_text(ws, row, 1, ombud_figure_label(k), NULL);
            if (k == OMBUD_FIGURE_WORDS)
                worksheet_set_row(ws, (lxw_row_t)row, 15.0 * words_lines(x, g),
                                  NULL);
            for (int i = 0; i < x->c->nf; i++)
                put_cell(x, ws, row, FIRST_COL + i, i, g, k);
        }
    worksheet_freeze_panes(ws, TABLE_ROW + 1, FIRST_COL);
    worksheet_autofilter(ws, TABLE_ROW, 0, (lxw_row_t)(row - 1),
                         (lxw_col_t)last_col);
    worksheet_print_area(ws, 0, 0, (lxw_row_t)(row - 1), (lxw_col_t)last_col);
    worksheet_repeat_rows(ws, HEAD_ROW, TABLE_ROW);
}

/* "calls.csv (calls) SHA-256 ..." a line per input. */
static void inputs_text(const ombud_carrier_filing *f, char *buf, size_t size)
{
    size_t o = 0;

    buf[0] = '\0';
    for (int i = 0; i < f->nin && o + 1 < size; i++) {
        int n = snprintf(buf + o, size - o, "%s%s (%s) %s", i ? "\n" : "",
                         f->in[i].name, f->in[i].kind, f->in[i].sha256);
        if (n < 0 || (size_t)n >= size - o)
            break;
        o += (size_t)n;
    }
}

static void write_filings(cx *x, lxw_worksheet *ws)
{
    static const char *const head[] = {
        N_("Carrier"), N_("Report"), N_("Period"), N_("Time zone"),
        N_("Verify status"), N_("Why"), N_("Report SHA-256"),
        N_("Findings digest"), N_("Guarantees SHA-256"),
        N_("Inputs (file, kind, SHA-256)")};
    static const double widths[] = {22, 22, 24, 16, 16, 50, 34, 34, 34, 70};
    const int ncols = (int)(sizeof head / sizeof head[0]);
    char period[80], inputs[OMBUD_MANIFEST_MAX_INPUTS * 360];

    for (int c = 0; c < ncols; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    ombud_sheet_text(ws, 0, 0, _("Filings compared"), x->title);
    ombud_sheet_text(ws, 1, 0, _("Each filing verified as 'ombud verify' "
                     "verifies it: its inputs matched by checksum, its "
                     "findings recomputed, its report written again and "
                     "compared byte for byte."), NULL);
    for (int c = 0; c < ncols; c++)
        ombud_sheet_text(ws, 2, c, _(head[c]), x->head);
    for (int i = 0; i < x->c->nf; i++) {
        const ombud_carrier_filing *f = x->c->f[i];
        const char *base = strrchr(f->report, '/');
        int row = filings_row(i);
        int lines = 2, l;
        inputs_text(f, inputs, sizeof inputs);
        /* The inputs' column is in a smaller monospace: more a line. */
        if ((l = ombud_text_lines(inputs, widths[9] * 1.2)) > lines)
            lines = l;
        if (!f->verified && (l = ombud_text_lines(f->reason, widths[5])) > lines)
            lines = l;
        worksheet_set_row(ws, (lxw_row_t)row, 15.0 * (lines > 20 ? 20 : lines),
                          NULL);
        ombud_sheet_text(ws, row, 0, f->carrier[0] ? f->carrier :
                         _("(carrier unknown)"), x->wrap);
        ombud_sheet_text(ws, row, 1, base ? base + 1 : f->report, x->wrap);
        ombud_sheet_text(ws, row, 2, ombud_filing_period(f, period,
                         sizeof period), x->wrap);
        ombud_sheet_text(ws, row, 3, f->tz, x->wrap);
        ombud_sheet_text(ws, row, 4, f->verified ? _("VERIFIED") :
                         _("NOT VERIFIED"), f->verified ? x->verified :
                         x->unverified);
        ombud_sheet_text(ws, row, 5, f->verified ? "" : f->reason, x->wrap);
        ombud_sheet_text(ws, row, 6, f->report_sha256, x->mono);
        ombud_sheet_text(ws, row, 7, f->findings_sha256, x->mono);
        ombud_sheet_text(ws, row, 8, f->guarantees_sha256, x->mono);
        ombud_sheet_text(ws, row, 9, inputs, x->mono);
    }
    worksheet_freeze_panes(ws, 3, 1);
    worksheet_autofilter(ws, 2, 0, (lxw_row_t)(2 + (x->c->nf ? x->c->nf : 0)),
                         (lxw_col_t)(ncols - 1));
}

static void print_setup(lxw_worksheet *ws, const char *what)
{
    char foot[200], page[64];

    snprintf(page, sizeof page, _("Page %s of %s"), "&P", "&N");
    snprintf(foot, sizeof foot, "&Lombud %s&R%s", OMBUD_VERSION, page);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_header(ws, what);
    worksheet_set_footer(ws, foot);
    if (ombud_i18n_rtl())
        worksheet_right_to_left(ws);
}

/* The latest period's end: the document's date, never the clock. */
static int64_t latest_end(const ombud_comparison *c)
{
    int64_t t = 0;

    for (int i = 0; i < c->nf; i++)
        if (c->f[i]->to > t)
            t = c->f[i]->to;
    return t;
}

static void set_properties(cx *x)
{
    lxw_doc_properties p = {0};

    p.title = (char *)_("Comparison of filings");
    p.author = "ombud";
    p.comments = (char *)_("Written by ombud compare from each filing's "
                           "re-derived findings; see the Filings sheet");
    p.created = (time_t)latest_end(x->c);
    workbook_set_properties(x->wb, &p);
    workbook_set_custom_property_string(x->wb, "ombud version", OMBUD_VERSION);
    for (int i = 0; i < x->c->nf; i++) {
        char key[40], val[200];
        snprintf(key, sizeof key, "ombud.filing.%d", i + 1);
        snprintf(val, sizeof val, "%s|%s|%s", x->c->f[i]->report_sha256,
                 x->c->f[i]->findings_sha256,
                 x->c->f[i]->verified ? "verified" : "not-verified");
        workbook_set_custom_property_string(x->wb, key, val);
    }
}

ombud_err ombud_compare_xlsx(const ombud_comparison *c, const char *path)
{
    lxw_workbook_options opts = {LXW_TRUE, NULL, LXW_FALSE};
    cx x = {0};
    ombud_outfile of;
    lxw_worksheet *cmp, *fil;
    lxw_error lerr;
    ombud_err err;
    char name_cmp[OMBUD_SHEET_NAME_MAX], name_fil[OMBUD_SHEET_NAME_MAX];
    const char *taken[1];

    x.c = c;
    /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
    ombud_sheet_name(_("Comparison"), NULL, 0, name_cmp, sizeof name_cmp);
    taken[0] = name_cmp;
    /* TRANSLATORS: a sheet's name (at most 31 characters kept). */
    ombud_sheet_name(_("Filings"), taken, 1, name_fil, sizeof name_fil);
    x.sheet_filings = name_fil;
    if ((err = ombud_outfile_open(&of, path)))
        return err;
    if (!(x.wb = workbook_new_opt(of.tmp, &opts))) {
        ombud_outfile_abort(&of, NULL);
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s", path);
    }
    set_properties(&x);
    make_formats(&x);
    cmp = workbook_add_worksheet(x.wb, name_cmp);
    fil = workbook_add_worksheet(x.wb, name_fil);
    if (!cmp || !fil) {
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s", path);
    } else {
        char what[200];
        snprintf(what, sizeof what, "&L%s", _("Comparison of filings"));
        print_setup(cmp, what);
        snprintf(what, sizeof what, "&L%s", _("Filings compared"));
        print_setup(fil, what);
        write_comparison(&x, cmp);
        write_filings(&x, fil);
    }
    if ((lerr = workbook_close(x.wb)) != LXW_NO_ERROR && !err)
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s", path,
                          lxw_strerror(lerr));
    if (err)
        ombud_outfile_abort(&of, NULL);
    else
        err = ombud_outfile_commit(&of, NULL);
    return err;
}
