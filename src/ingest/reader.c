/*
 * reader.c - the streaming CSV reader shared by every input format.
 *
 * The file is read in 64 KiB chunks and fed to libcsv one physical line at
 * a time, so the reader always knows the line number. A record starts on
 * the line being fed when libcsv is between records (pstate ROW_NOT_BEGUN,
 * csv.h), which also holds for quoted fields running over several lines and
 * skips the blank lines libcsv ignores.
 *
 * Fields of the current record are copied into one growing arena (libcsv
 * reuses its buffer); the arena is bounded by OMBUD_MAX_RECORD. A record
 * that grows past the bound (a 100 MB field, or an unclosed quote swallowing
 * the rest of the file) is rejected as one row and the parser restarts on
 * the next line: memory stays flat and later rows are not lost.
 *
 * Accounting: every record after the header is "read" exactly once and is
 * then either stored or rejected (or, for record formats, counted: a
 * queue_log line that is part of no leg); ombud_store_end_file() checks
 * the sum.
 *
 * Record formats (ombud_format.store_record set: queue_log, Master.csv)
 * have no header to map columns by: their records go to the format as
 * fields, after the same limits and UTF-8 checks, with the delimiter and
 * quote the format's begin() chose from the file's first bytes.
 *
 * A file read through an import profile (profile.h) skips the profile's
 * lines before the header and records after it (a units line: neither
 * read nor rows, and said in the source's notes), binds the profile's
 * templates to the header instead of matching names, and has each record
 * made into a row by the profile before the format's converter sees it.
 *
 * Two threads (parse_threaded): a header format's UTF-8 file is read,
 * hashed and split into records on a second thread, which hands them over
 * in order, in batches; the calling thread checks, converts and stores
 * them and is the only one to print or touch the store, so what is stored
 * and said is the same as on one thread (parse_file), which still reads
 * pipes, other encodings and record formats. A header format's good
 * rows are converted (ombud_format.convert) on the second thread too,
 * through a copy of the profile's binding for a profiled file; any other
 * row goes over as it was read, and is checked and rejected on the
 * calling thread as before.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <csv.h>
#include <iconv.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/ingest.h"
#include "ombud/profile.h"
#include "ombud/sha256.h"
#include "ombud/value.h"

/* Bytes read at a time. The fuzz harnesses build with a small odd size
 * (-DOMBUD_READ_CHUNK=61) so that chunk boundaries fall everywhere. */
#ifndef OMBUD_READ_CHUNK
#define OMBUD_READ_CHUNK (64 * 1024)
#endif
#define CHUNK OMBUD_READ_CHUNK
/* Most bytes of one character an encoding may leave unfinished at a chunk's
 * end; they are carried over to the next chunk. */
#define PEND_MAX 32
/* libcsv's parser states (csv.h documents the struct; its .c the values). */
#define ROW_NOT_BEGUN 0 /* between records */
#define FIELD_BEGUN 2   /* inside a field; with .quoted set, inside quotes */

/* Everything about one import in progress. */
typedef struct reader {
    const ombud_format *fmt;
    const ombud_ingest_opts *opts;
    ombud_decoding dec;       /* encoding and delimiter asked for */
    ombud_ingest_ctx ctx;
    const char *path;         /* path as given, for messages */
    struct csv_parser csv;

    /* the record being assembled */
    char *arena;              /* field bytes, each NUL-terminated */
    size_t used, cap;
    size_t *off;              /* offset of each field in arena */
    size_t *len;              /* length of each field */
    size_t nfields, capfields;
    int too_many;             /* more than OMBUD_MAX_FIELDS fields */
    long rec_line;            /* line the record started on */
    size_t rec_bytes;         /* bytes fed since the last record ended */

    long line;                /* physical line being fed (1-based) */
    int after_cr;             /* the last byte fed was a CR ending a line */
    int cr_eol;               /* a lone CR ends a line (see learn_eol) */
    int eol_known;            /* cr_eol is decided */
    int have_header;
    size_t header_fields;     /* fields in the header row */
    long map[OMBUD_MAX_COLUMNS]; /* header field index per column, or -1 */
    long cols[OMBUD_MAX_COLUMNS]; /* field numbers of the last row's columns,
                                     for a duplicate found after it */
    ombud_sniff sniff;        /* record formats: how begin() wants the file read */
    const char **vp;          /* record formats: field pointers for the format */
    size_t capvp;

    ombud_counts counts;
    ombud_sha256 *sha;        /* SHA-256 of the bytes as they are parsed */
    int64_t bytes;            /* bytes read */
    long shown;               /* reject messages printed */
    ombud_err fatal;          /* set by a callback to stop the import */

    /* bytes as read, and as parsed (see next_chunk) */
    char *raw;                /* CHUNK + PEND_MAX: bytes carried over, then
                                 the chunk read */
    size_t npend;             /* bytes carried over (an unfinished character) */
    iconv_t cd;               /* converter to UTF-8, or (iconv_t)-1 */
    const char *encoding;     /* encoding converted from; NULL: UTF-8 */
    char *conv;               /* converted bytes */
    size_t convcap;
    long conv_lines;          /* line ends converted so far (messages) */
    int64_t conv_base;        /* file offset of raw[0] while converting */
    ombud_utf8_scan scan;     /* UTF-8 check as read (pipes: no first pass) */
    int scan_stream;
    int eof;                  /* the input is used up */
    const char *head;         /* the first chunk, read before the import */
    size_t nhead;             /* started (encoding, delimiter), and its size */
    int delim_guessed;        /* the delimiter was chosen from the header */

    /* an import profile (profile.h), or NULL */
    const ombud_profile *prof;
    ombud_profile_bound *bound; /* its templates bound to the header */
    long skip_after;          /* records after the header still to skip */
    ombud_ingest_opts popts;  /* opts with the profile's zone */

    int plain;                /* the record's fields are all 0x20-0x7E, as
                                 the parsing thread found (lex_take) */
    int mapped;               /* the parsing thread's copy: map and
                                 header_fields are the calling thread's,
                                 to convert rows with (lex_header) */
    struct lexer *lex;        /* set in the parsing thread's copy only: its
                                 records and rejects go to batches for the
                                 calling thread (parse_threaded) */
} reader;

static void lex_record(reader *r);
static void lex_reject(reader *r, long line, long col, const char *why);

/* ---- header ---------------------------------------------------------------- */

/* Lower-case, trim, and turn spaces, dashes and dots into '_'. */
static void normalise(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;

    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    for (size_t i = 0; i < n && o + 1 < size; i++) {
        unsigned char c = (unsigned char)s[i];
        out[o++] = (c == ' ' || c == '-' || c == '.') ? '_' : (char)tolower(c);
    }
    out[o] = '\0';
}

/* Does normalised header name @h match column @c's name or an alias? */
static int column_matches(const ombud_column *c, const char *h)
{
    const char *a = c->aliases;

    if (strcmp(c->name, h) == 0)
        return 1;
    while (a && *a) {
        size_t n = strcspn(a, "|");
        if (strlen(h) == n && strncmp(a, h, n) == 0)
            return 1;
        a += n + (a[n] == '|');
    }
    return 0;
}

/*
 * A --map entry "[kind.]column=Header" naming column @col of this format:
 * return the header name it maps to, normalised into @out, or 0.
 */
static int mapped_name(const reader *r, int col, char *out, size_t size)
{
    const char *want = r->fmt->columns[col].name;

    for (size_t i = 0; i < r->opts->nmaps; i++) {
        const char *m = r->opts->maps[i], *eq = strchr(m, '='), *dot;
        size_t klen = strlen(r->fmt->kind);
        if (!eq)
            continue;
        dot = memchr(m, '.', (size_t)(eq - m));
        if (dot) {
            if ((size_t)(dot - m) != klen || strncmp(m, r->fmt->kind, klen))
                continue;
            m = dot + 1;
        }
        if ((size_t)(eq - m) == strlen(want) && !strncmp(m, want, strlen(want))) {
            normalise(eq + 1, strlen(eq + 1), out, size);
            return 1;
        }
    }
    return 0;
}

/* Which column does header field @name belong to? -1 if none. */
static int find_column(const reader *r, const char *name)
{
    char mapped[256];
    int c;

    /* An explicit --map wins over names and aliases. */
    for (c = 0; c < r->fmt->ncolumns; c++)
        if (mapped_name(r, c, mapped, sizeof mapped) && !strcmp(mapped, name))
            return c;
    for (c = 0; c < r->fmt->ncolumns; c++)
        if (!mapped_name(r, c, mapped, sizeof mapped) &&
            column_matches(&r->fmt->columns[c], name))
            return c;
    return -1;
}

/* The delimiter as a user writes it in --delimiter. */
static const char *delim_name(char d)
{
    switch (d) {
    case '\t': return "tab";
    case ';': return ";";
    case '|': return "|";
    default: return ",";
    }
}

/* "; no delimiter ..." for the no-header message: a semicolon file read
 * with commas is one unknown name, and the user should hear why. */
static const char *delim_hint(const reader *r, char *buf, size_t size)
{
    if (r->delim_guessed)
        snprintf(buf, size, "; none of the delimiters , ; tab | splits its "
                 "first line into known column names");
    else
        snprintf(buf, size, "; it was split at '%s' as --delimiter says",
                 delim_name(r->sniff.delim ? (char)r->sniff.delim : ','));
    return buf;
}

/* The format's canonical column names, ", "-separated, into @buf. */
static const char *known_columns(const ombud_format *f, char *buf, size_t size)
{
    size_t o = 0;

    buf[0] = '\0';
    for (int c = 0; c < f->ncolumns && o < size; c++)
        o += (size_t)snprintf(buf + o, size - o, "%s%s", c ? ", " : "",
                              f->columns[c].name);
    return buf;
}

/* Is a header field @i a name of its own (not NUL-holding, not blank)? */
static int header_name(const reader *r, size_t i, char *name, size_t size)
{
    if (memchr(r->arena + r->off[i], '\0', r->len[i]))
        return 0;
    normalise(r->arena + r->off[i], r->len[i], name, size);
    return name[0] != '\0';
}

/* A column the header lacks whose name shares a word with @name: the
 * --map the user most likely means ("xfer_to" -> transferred_to, by its
 * alias transfer_to). NULL when none does. */
static const char *suggest_column(const reader *r, const char *name)
{
    char words[256], *w, *save = NULL;

    snprintf(words, sizeof words, "%s", name);
    for (w = strtok_r(words, "_", &save); w; w = strtok_r(NULL, "_", &save)) {
        size_t wl = strlen(w);
        if (wl < 2)
            continue;
        for (int c = 0; c < r->fmt->ncolumns; c++) {
            const ombud_column *col = &r->fmt->columns[c];
            const char *a = col->name;
            if (r->map[c] >= 0)
                continue;
            /* the name, then each alias */
            for (const char *p = a; p; p = p == a ? col->aliases : NULL) {
                char hay[400];
                snprintf(hay, sizeof hay, "_%s_", p);
                for (char *h = hay; *h; h++)
                    if (*h == '|')
                        *h = '_';
                for (char *h = strstr(hay, w); h; h = strstr(h + 1, w))
                    if (h[-1] == '_' && h[wl] == '_')
                        return col->name;
            }
        }
    }
    return NULL;
}

/*
 * Say once which header columns ombud does not use: a column it does not
 * know is dropped, and a transfer target under an unexpected name ("Xfer
 * To") would vanish without a word.
 */
static void warn_unused(const reader *r, const char *unused, size_t count,
                        const char *first, const char *first_raw)
{
    ombud_loc loc = {r->path, r->rec_line, 0};
    char known[600];
    const char *sug;

    if (!count)
        return;
    sug = suggest_column(r, first);
    known_columns(r->fmt, known, sizeof known);
    ombud_warn(&loc, "%zu column%s not used: %s (known columns: %s; map %s "
               "with --map %s.%s=\"%s\" if it is one)", count,
               count == 1 ? "" : "s", unused, known,
               count == 1 ? "it" : "one", r->fmt->kind,
               sug ? sug : "COLUMN", first_raw);
}

/* Every required column the header lacks, in one message. */
static ombud_err missing_required(const reader *r)
{
    ombud_loc loc = {r->path, r->rec_line, 0};
    char list[600];
    size_t o = 0, n = 0;
    int last = -1;

    list[0] = '\0';
    for (int c = 0; c < r->fmt->ncolumns; c++)
        if (r->fmt->columns[c].required && r->map[c] < 0)
            n++, last = c;
    if (!n)
        return OMBUD_OK;
    for (int c = 0; c < r->fmt->ncolumns && o < sizeof list; c++)
        if (r->fmt->columns[c].required && r->map[c] < 0)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s",
                                  o == 0 ? "" : c == last ? " and " : ", ",
                                  r->fmt->columns[c].name);
    if (n == 1)
        return ombud_error(OMBUD_E_DATA, &loc, "header lacks required "
                           "column %s (use --map %s.%s=NAME if the file "
                           "calls it something else)", list, r->fmt->kind,
                           list);
    return ombud_error(OMBUD_E_DATA, &loc, "header lacks %zu required "
                       "columns: %s (use --map %s.COLUMN=NAME for each the "
                       "file calls something else)", n, list, r->fmt->kind);
}

static void take_row(reader *r);

/* Field pointers of the record in r->vp (grown as needed). */
static ombud_err record_pointers(reader *r)
{
    if (r->nfields > r->capvp) {
        const char **v = realloc(r->vp, r->nfields * sizeof *v);
        if (!v)
            return OMBUD_E_NOMEM;
        r->vp = v;
        r->capvp = r->nfields;
    }
    for (size_t i = 0; i < r->nfields; i++)
        r->vp[i] = r->arena + r->off[i];
    return OMBUD_OK;
}

/* A profiled file's header: bind the templates to it. A file without a
 * header (header = no) binds to its first record, which is then data. */
static ombud_err take_profile_header(reader *r)
{
    ombud_loc loc = {r->path, r->rec_line, 0};
    int has = ombud_profile_has_header(r->prof);
    ombud_err err;

    if (r->too_many)
        return ombud_error(OMBUD_E_DATA, &loc, "%s has more than %d fields",
                           has ? "header" : "first record", OMBUD_MAX_FIELDS);
    if ((err = record_pointers(r)) ||
        (err = ombud_profile_bind(r->prof, r->fmt, has ? r->vp : NULL,
                                  r->len, r->nfields, r->path, r->rec_line,
                                  &r->bound)))
        return err;
    r->header_fields = r->nfields;
    r->have_header = 1;
    r->skip_after = ombud_profile_skip_after(r->prof);
    if (!has)
        take_row(r);
    return r->fatal;
}

static ombud_err take_header(reader *r)
{
    ombud_loc loc = {r->path, r->rec_line, 0};
    char name[256], unused[600], first[256] = "", first_raw[256] = "";
    char hint[120];
    size_t nunused = 0, uo = 0;
    int found = 0;

    if (r->prof)
        return take_profile_header(r);
    for (int c = 0; c < r->fmt->ncolumns; c++)
        r->map[c] = -1;
    if (r->too_many)
        return ombud_error(OMBUD_E_DATA, &loc, "header has more than %d "
                           "columns", OMBUD_MAX_FIELDS);
    unused[0] = '\0';
    for (size_t i = 0; i < r->nfields; i++) {
        int c;
        /* A name holding a NUL byte names no column: cut at the NUL,
         * "started\0_at" would pass for the alias "started". */
        if (!header_name(r, i, name, sizeof name))
            continue;
        if ((c = find_column(r, name)) < 0) {
            char q[200];
            if (!nunused++) {
                snprintf(first, sizeof first, "%s", name);
                ombud_quote_bytes(r->arena + r->off[i], r->len[i], first_raw,
                                  sizeof first_raw);
            }
            ombud_quote_bytes(r->arena + r->off[i], r->len[i], q, sizeof q);
            if (uo < sizeof unused)
                uo += (size_t)snprintf(unused + uo, sizeof unused - uo,
                                       "%s\"%s\"", nunused > 1 ? ", " : "",
                                       q);
            continue;
        }
        loc.col = (long)i + 1;
        if (r->map[c] >= 0)
            return ombud_error(OMBUD_E_DATA, &loc, "columns %ld and %zu "
                               "both name %s", r->map[c] + 1, i + 1,
                               r->fmt->columns[c].name);
        r->map[c] = (long)i;
        found++;
    }
    loc.col = 0;
    if (!found)
        return ombud_error(OMBUD_E_DATA, &loc, "no recognisable %s header "
                           "(expected columns such as %s, %s)%s; is this the "
                           "right file?", r->fmt->kind, r->fmt->columns[0].name,
                           r->fmt->columns[1].name,
                           delim_hint(r, hint, sizeof hint));
    /* A header lacking a required column stops the file: then the unused
     * names would only bury that message. */
    if (missing_required(r))
        return OMBUD_E_DATA;
    warn_unused(r, unused, nunused, first, first_raw);
    r->header_fields = r->nfields;
    r->have_header = 1;
    return OMBUD_OK;
}

/* ---- rejects ---------------------------------------------------------------- */

/* Record a rejected row of @line: store it, print it (up to the limit),
 * count it. */
static void reject_at(reader *r, long line, long col, const char *field,
                      const char *value, size_t vlen, const char *why)
{
    char shown[256];
    ombud_reject rj = {line, col, field, NULL, why};
    ombud_loc loc = {r->path, line, col};
    ombud_err err;

    if (r->lex) {
        /* the parsing thread rejects only whole records (no field) */
        assert(!field && !value);
        lex_reject(r, line, col, why);
        return;
    }
    if (value)
        rj.value = ombud_quote_bytes(value, vlen, shown, 200);
    r->counts.rejected++;
    if ((err = ombud_store_add_reject(r->ctx.store, r->ctx.source_id, &rj))) {
        r->fatal = err;
        return;
    }
    if (r->opts->show_rejects >= 0 && r->shown >= r->opts->show_rejects)
        return;
    r->shown++;
    if (field && value)
        ombud_error(OMBUD_E_FIELD, &loc, "rejected: %s \"%s\": %s", field,
                    rj.value, why);
    else
        ombud_error(OMBUD_E_FIELD, &loc, "rejected: %s", why);
}

/* Reject the record being read. */
static void reject(reader *r, long col, const char *field, const char *value,
                   size_t vlen, const char *why)
{
    reject_at(r, r->rec_line, col, field, value, vlen, why);
}

/*
 * A row the store did not keep because an earlier row holds its key,
 * told as it is added or when the file ends (ombud_dup_fn): it leaves the
 * rows counted stored, and its format words the reject (or counts it).
 */
static ombud_err reader_dup(void *ud, const ombud_dup *d)
{
    reader *r = ud;
    const ombud_format *f = r->fmt;
    ombud_row_reject rej = {-1, "", NULL};
    ombud_err err;
    int c;

    r->counts.stored -= d->lines;
    err = f->dup ? f->dup(&r->ctx, d, &rej) : OMBUD_E_INTERNAL;
    if (err != OMBUD_E_FIELD)
        return err;
    c = rej.column;
    reject_at(r, d->line, c >= 0 ? r->cols[c] : 0,
              c >= 0 ? f->columns[c].name : NULL, d->given, strlen(d->given),
              rej.why);
    return r->fatal;
}

/* ---- rows ------------------------------------------------------------------- */

/* How a field is checked: identifiers may hold no bidi control; in a file
 * with CR line ends a CR in a quoted field is its newline. @c NULL: a
 * record format's field, checked as free text (the format checks its
 * identifiers with ombud_record_id_check()). */
static unsigned text_flags(const reader *r, const ombud_column *c)
{
    return (c && !c->text ? OMBUD_TEXT_ID : 0) |
           (r->cr_eol ? OMBUD_TEXT_CR_EOL : 0);
}

/* " (profile oe417.ini:14)" after a reason, for a profiled file. */
static void profile_why(const reader *r, long pline, char *why, size_t size)
{
    size_t n = strlen(why);

    if (r->prof && pline > 0 && n < size)
        snprintf(why + n, size - n, " (profile %s:%ld)",
                 ombud_profile_label(r->prof), pline);
}

/* The record as a row through the profile; 0 when it was rejected. */
static int profiled_row(reader *r, ombud_row *row)
{
    ombud_profile_fail pf = {0};
    char why[300];

    if ((r->fatal = record_pointers(r)))
        return 0;
    /* The profile copies fields as C strings: a NUL inside one would cut
     * it short unseen, so such a record is refused here. */
    for (size_t i = 0; i < r->nfields; i++)
        if (memchr(r->vp[i], '\0', r->len[i])) {
            reject(r, (long)i + 1, NULL, NULL, 0, "a NUL byte inside the "
                   "field");
            return 0;
        }
    if (!ombud_profile_fill(r->bound, r->opts->tz, r->vp, r->nfields, row,
                            &pf))
        return 1;
    snprintf(why, sizeof why, "%s", pf.why);
    profile_why(r, pf.pline, why, sizeof why);
    reject(r, pf.col, r->fmt->columns[pf.column].name, pf.value,
           strlen(pf.value), why);
    return 0;
}

/* The record as a row by the header map. */
static void mapped_row(const reader *r, ombud_row *row)
{
    for (int c = 0; c < r->fmt->ncolumns; c++) {
        long i = r->map[c];
        row->v[c] = i < 0 ? NULL : r->arena + r->off[i];
        row->col[c] = i + 1;
    }
}

/* A row through the format's convert() and store(), in turn. */
static ombud_err convert_and_store(reader *r, const ombud_row *row,
                                   ombud_row_reject *rej)
{
    _Alignas(max_align_t) unsigned char rec[OMBUD_REC_MAX];
    ombud_err err;

    /* rec_size fits: reader_init() asserts it */
    if ((err = r->fmt->convert(&r->ctx, row, rec, rej)))
        return err;
    return r->fmt->store(&r->ctx, row->line, rec);
}

static void take_row(reader *r)
{
    const ombud_format *f = r->fmt;
    ombud_row row;
    ombud_row_reject rej = {-1, "", NULL};
    char why[300];
    ombud_err err;

    r->counts.read++;
    if (r->too_many || r->nfields != r->header_fields) {
        if (r->too_many)
            snprintf(why, sizeof why, "expected %zu fields as in the header, "
                     "found more than %d", r->header_fields, OMBUD_MAX_FIELDS);
        else
            snprintf(why, sizeof why, "expected %zu fields as in the header, "
                     "found %zu", r->header_fields, r->nfields);
        reject(r, (long)(r->nfields < r->header_fields ? r->nfields + 1
                         : r->header_fields + 1), NULL, NULL, 0, why);
        return;
    }
    row.line = r->rec_line;
    if (r->bound) {
        if (!profiled_row(r, &row))
            return;
    } else {
        mapped_row(r, &row);
    }
    for (int c = 0; c < f->ncolumns && !r->plain; c++) {
        /* a profiled row's texts are its own (NUL-free, see profiled_row) */
        size_t len = !row.v[c] ? 0 : r->bound ? strlen(row.v[c])
                                              : r->len[r->map[c]];
        if (row.v[c] && ombud_text_check_as(row.v[c], len,
                                            text_flags(r, &f->columns[c]),
                                            why, sizeof why)) {
            if (r->bound)
                profile_why(r, ombud_profile_line(r->bound, c), why,
                            sizeof why);
            reject(r, row.col[c], f->columns[c].name, row.v[c], len, why);
            return;
        }
    }
    memcpy(r->cols, row.col, sizeof r->cols);
    err = convert_and_store(r, &row, &rej);
    if (err == OMBUD_OK) {
        r->counts.stored++;
    } else if (err == OMBUD_E_FIELD) {
        int c = rej.column;
        if (r->bound && c >= 0)
            profile_why(r, ombud_profile_line(r->bound, c), rej.why,
                        sizeof rej.why);
        if (c >= 0 && row.v[c])
            reject(r, row.col[c], f->columns[c].name, row.v[c],
                   strlen(row.v[c]), rej.why);
        else
            reject(r, c >= 0 ? row.col[c] : 0, c >= 0 ? f->columns[c].name
                   : NULL, NULL, 0, rej.why);
    } else {
        r->fatal = err;
    }
}

/* ---- records (formats without a header map) ------------------------------------- */

/* Hand a record's fields to a record format, after the reader's checks. */
static void take_record(reader *r)
{
    int header = !r->have_header && r->sniff.header;
    ombud_record rec = {r->rec_line, r->nfields, NULL, r->len, header};
    ombud_row_reject rej = {-1, "", NULL};
    char why[160], fname[32];
    ombud_err err;

    r->have_header = 1;
    if (!header)
        r->counts.read++;
    if (r->too_many) {
        ombud_loc loc = {r->path, r->rec_line, 0};
        snprintf(why, sizeof why, "more than %d fields", OMBUD_MAX_FIELDS);
        if (header)
            r->fatal = ombud_error(OMBUD_E_DATA, &loc, "header has %s", why);
        else
            reject(r, OMBUD_MAX_FIELDS + 1, NULL, NULL, 0, why);
        return;
    }
    if (r->nfields > r->capvp) {
        const char **v = realloc(r->vp, r->nfields * sizeof *v);
        if (!v) {
            r->fatal = OMBUD_E_NOMEM;
            return;
        }
        r->vp = v;
        r->capvp = r->nfields;
    }
    for (size_t i = 0; i < r->nfields; i++) {
        r->vp[i] = r->arena + r->off[i];
        if (!header && ombud_text_check_as(r->vp[i], r->len[i],
                                           text_flags(r, NULL), why,
                                           sizeof why)) {
            snprintf(fname, sizeof fname, "field %zu", i + 1);
            reject(r, (long)i + 1, fname, r->vp[i], r->len[i], why);
            return;
        }
    }
    rec.v = r->vp;
    err = r->fmt->store_record(&r->ctx, &rec, &rej);
    if (err == OMBUD_E_FIELD && !header) {
        size_t c = rej.column >= 0 ? (size_t)rej.column : 0;
        if (rej.column >= 0 && c < r->nfields) {
            if (!rej.field)
                snprintf(fname, sizeof fname, "field %zu", c + 1);
            reject(r, (long)c + 1, rej.field ? rej.field : fname, r->vp[c],
                   r->len[c], rej.why);
        } else {
            reject(r, 0, NULL, NULL, 0, rej.why);
        }
    } else if (err) {
        r->fatal = err;
    }
}

/* ---- libcsv callbacks -------------------------------------------------------- */

static void reset_record(reader *r)
{
    r->used = 0;
    r->nfields = 0;
    r->too_many = 0;
    r->rec_bytes = 0;
}

static void on_field(void *data, size_t n, void *p)
{
    reader *r = p;

    if (r->fatal)
        return;
    if (r->nfields >= OMBUD_MAX_FIELDS) {
        r->too_many = 1;
        r->nfields++;
        return;
    }
    if (r->nfields == r->capfields) {
        size_t nc = r->capfields ? r->capfields * 2 : 32;
        size_t *o = realloc(r->off, nc * sizeof *o);
        size_t *l = o ? realloc(r->len, nc * sizeof *l) : NULL;
        if (o)
            r->off = o;
        if (!o || !l) {
            r->fatal = OMBUD_E_NOMEM;
            return;
        }
        r->len = l;
        r->capfields = nc;
    }
    if (r->used + n + 1 > r->cap) {
        size_t nc = r->cap ? r->cap : 4096;
        char *a;
        while (nc < r->used + n + 1)
            nc *= 2;
        if (!(a = realloc(r->arena, nc))) {
            r->fatal = OMBUD_E_NOMEM;
            return;
        }
        r->arena = a;
        r->cap = nc;
    }
    if (n)
        memcpy(r->arena + r->used, data, n);
    r->arena[r->used + n] = '\0';
    r->off[r->nfields] = r->used;
    r->len[r->nfields] = n;
    r->used += n + 1;
    r->nfields++;
}

static void on_record(int term, void *p)
{
    reader *r = p;

    (void)term;
    if (r->fatal)
        return;
    if (r->lex)
        lex_record(r);
    else if (r->fmt->store_record)
        take_record(r);
    else if (!r->have_header)
        r->fatal = take_header(r);
    else if (r->skip_after > 0)
        r->skip_after--; /* a units line the profile names: no data */
    else
        take_row(r);
    reset_record(r);
}

/* ---- feeding ------------------------------------------------------------------ */

/* libcsv has no "no quoting" mode: an unquoted format gets 0xFF as its
 * quote, a byte that never occurs in UTF-8, and lines holding it are
 * rejected before libcsv sees them (see unquoted_bad_line). */
#define NO_QUOTE 0xFF

static void init_parser(reader *r)
{
    csv_init(&r->csv, CSV_APPEND_NULL);
    csv_set_blk_size(&r->csv, CHUNK);
    if (r->sniff.delim)
        csv_set_delim(&r->csv, r->sniff.delim);
    if (r->sniff.unquoted)
        csv_set_quote(&r->csv, NO_QUOTE);
    else if (r->sniff.quote)
        csv_set_quote(&r->csv, r->sniff.quote);
}

static void restart_parser(reader *r)
{
    csv_free(&r->csv);
    init_parser(r);
    reset_record(r);
}

/*
 * A record has outgrown OMBUD_MAX_RECORD: reject it whole and restart the
 * parser at the next line. Returns how many bytes of @s to skip.
 */
static size_t drop_oversize(reader *r, const char *s, size_t n, int *skipping)
{
    char why[200];

    snprintf(why, sizeof why, "record longer than %d bytes (lines %ld to %ld "
             "and on); an unclosed quote? reading resumes on the next line",
             OMBUD_MAX_RECORD, r->rec_line, r->line);
    if (!r->have_header && (!r->fmt->store_record || r->sniff.header)) {
        ombud_loc loc = {r->path, r->rec_line, 0};
        r->fatal = ombud_error(OMBUD_E_DATA, &loc, "header longer than %d "
                               "bytes", OMBUD_MAX_RECORD);
        return n;
    }
    r->have_header = 1;
    r->counts.read++;
    reject(r, 0, NULL, NULL, 0, why);
    restart_parser(r);
    *skipping = 1;
    (void)s;
    return 0;
}

/*
 * An unquoted format's line holding the byte 0xFF (never valid UTF-8) is
 * rejected whole here: fed to libcsv, it could open a "quoted" field that
 * swallows the lines after it. Any part of the line libcsv already holds
 * is dropped; the rest of it is skipped. Returns 1 when it did so.
 */
static int unquoted_bad_line(reader *r, const char *s, size_t seg, int eol,
                             int at_line_start, int *skipping)
{
    const char *ff;

    if (!r->sniff.unquoted || !(ff = memchr(s, NO_QUOTE, seg)))
        return 0;
    if (at_line_start)
        r->rec_line = r->line;
    r->have_header = 1;
    r->counts.read++;
    reject(r, 0, NULL, NULL, 0, "invalid UTF-8: the line holds the byte "
           "0xFF");
    restart_parser(r);
    if (!eol)
        *skipping = 1;
    (void)ff;
    return 1;
}

/*
 * The first line end in @s, or NULL: LF, and while r->cr_eol also CR.
 * @cr caches the next CR of the chunk (NULL: none left), so a file without
 * CRs is not searched to the chunk's end once per line: that made the
 * line scan quadratic in the chunk size (7.5 % of an import in memchr).
 */
static const char *find_eol(const reader *r, const char *s, size_t n,
                            const char **cr, int *cr_known)
{
    const char *lf = memchr(s, '\n', n);

    if (!r->cr_eol)
        return lf;
    if (!*cr_known || (*cr && *cr < s)) {
        *cr = memchr(s, '\r', n);
        *cr_known = 1;
    }
    if (!*cr)
        return lf;
    return lf && lf < *cr ? lf : *cr;
}

/*
 * The file's first line end tells how it ends lines. LF or CRLF: then
 * only LF ends a line, as grep -n counts them, and a lone CR (inside a
 * quoted field, or one libcsv takes as a record end) does not move the
 * line numbers. A lone CR (classic Mac OS, Excel "CSV (Macintosh)"): then
 * every CR ends a line. A CR as the last byte of a chunk is decided by the
 * next chunk's first byte (feed()).
 */
static void learn_eol(reader *r, const char *eol, const char *end)
{
    if (r->eol_known || !eol)
        return;
    if (*eol == '\n' || eol + 1 < end) {
        r->eol_known = 1;
        r->cr_eol = *eol == '\r' && eol[1] != '\n';
    }
}

/*
 * Feed one chunk, a physical line (or piece of one) at a time. LF and
 * CRLF end a line; a lone CR too in a file whose lines end so (learn_eol);
 * the LF of a CRLF (which may come in the next chunk) does not end another.
 */
static void feed(reader *r, const char *s, size_t n, int *at_line_start,
                 int *skipping)
{
    const char *cr = NULL;
    int cr_known = 0;

    while (n && !r->fatal) {
        const char *eol = find_eol(r, s, n, &cr, &cr_known);
        size_t seg;

        if (r->after_cr && !r->eol_known) {
            r->eol_known = 1;
            r->cr_eol = *s != '\n';
        }
        if (!r->eol_known) {
            learn_eol(r, eol, s + n);
            if (!r->cr_eol && eol && *eol == '\r')
                eol = memchr(eol, '\n', n - (size_t)(eol - s));
        }
        seg = eol ? (size_t)(eol - s) + 1 : n;
        if (r->after_cr && *s == '\n') {
            r->after_cr = 0;
            if (!*skipping)
                csv_parse(&r->csv, s, 1, on_field, on_record, r);
            s++, n--;
            continue;
        }
        r->after_cr = eol && *eol == '\r';
        if (r->prof && !r->have_header &&
            r->line <= ombud_profile_skip_lines(r->prof)) {
            /* a line before the header, as the profile says: not data */
            if (eol)
                r->line++;
            *at_line_start = eol != NULL;
            s += seg;
            n -= seg;
            continue;
        }
        if (*skipping) {
            /* Discard the rest of the line on which a record overflowed. */
            if (eol) {
                *skipping = 0;
                r->line++;
                *at_line_start = 1;
            }
            s += seg;
            n -= seg;
            continue;
        }
        if (*at_line_start && r->csv.pstate == ROW_NOT_BEGUN) {
            r->rec_line = r->line;
            r->rec_bytes = 0;
        }
        if (unquoted_bad_line(r, s, seg, eol != NULL, *at_line_start,
                              skipping)) {
            if (eol) {
                r->line++;
                *at_line_start = 1;
            }
            s += seg;
            n -= seg;
            continue;
        }
        if (r->rec_bytes + seg > OMBUD_MAX_RECORD) {
            r->after_cr = 0;
            drop_oversize(r, s, n, skipping);
            continue;
        }
        r->rec_bytes += seg;
        if (csv_parse(&r->csv, s, seg, on_field, on_record, r) != seg &&
            !r->fatal)
            r->fatal = OMBUD_E_NOMEM; /* libcsv fails only for memory */
        if (eol)
            r->line++;
        *at_line_start = eol != NULL;
        s += seg;
        n -= seg;
    }
}

/*
 * End of file: flush the last record. A file that ends inside a quoted
 * field is checked here by hand: libcsv's CSV_STRICT_FINI only works with
 * CSV_STRICT, whose stop-on-any-stray-quote behaviour would cost rows.
 */
static void finish(reader *r)
{
    char why[160];

    if (r->fatal)
        return;
    if (!(r->csv.pstate == FIELD_BEGUN && r->csv.quoted)) {
        csv_fini(&r->csv, on_field, on_record, r);
        return;
    }
    if (!r->have_header && (!r->fmt->store_record || r->sniff.header)) {
        ombud_loc loc = {r->path, r->rec_line, 0};
        r->fatal = ombud_error(OMBUD_E_DATA, &loc, "file ends inside a quoted "
                               "header field");
        return;
    }
    snprintf(why, sizeof why, "file ends inside a quoted field opened on line "
             "%ld or later; the closing quote is missing", r->rec_line);
    r->have_header = 1;
    r->counts.read++;
    reject(r, (long)r->nfields + 1, NULL, NULL, 0, why);
}

static void show_progress(reader *r, int64_t done, int64_t total)
{
    if (r->lex || (r->counts.read & 0xffff) != 0 || total <= 0)
        return;
    ombud_progress("%s: %lld rows, %d%%", r->path, (long long)r->counts.read,
                   (int)(done * 100 / total));
}

/* ---- encodings and delimiters --------------------------------------------- */

/* "WINDOWS-1252" as people write it in prose. */
static const char *encoding_title(const char *g)
{
    return !strcmp(g, "WINDOWS-1252") ? "Windows-1252"
                                      : "ISO-8859-1 (Latin-1)";
}

/*
 * Refuse a file that is not UTF-8, naming the first bad byte's line and
 * byte column and the likely encoding. @what is "" or a note on when it
 * was found ("; rows read before it were rolled back").
 */
static ombud_err refuse_not_utf8(const char *path, const ombud_utf8_scan *s)
{
    ombud_loc loc = {path, s->bad_line, s->bad_col};
    const char *g = ombud_encoding_guess(s);
    char ch[5], many[64] = "";

    if (s->nbad > 1)
        snprintf(many, sizeof many, " (the first of %lld such bytes)",
                 (long long)s->nbad);
    if (g)
        return ombud_error(OMBUD_E_DATA, &loc, "not UTF-8: byte 0x%02X at "
                           "column %ld%s looks like %s, where it is %s; "
                           "nothing from this file was stored; use "
                           "--encoding %s", s->bad_byte, s->bad_col, many,
                           encoding_title(g),
                           ombud_encoding_char(g, s->bad_byte, ch), g);
    if (ombud_encoding_binary(s))
        return ombud_error(OMBUD_E_DATA, &loc, "not a text file: byte 0x%02X "
                           "at column %ld is not UTF-8 and the file holds "
                           "%lld control bytes such as NUL (compressed or "
                           "binary? unpack or export it as CSV first); "
                           "nothing from this file was stored", s->bad_byte,
                           s->bad_col, (long long)s->ctrl);
    if (s->multi)
        return ombud_error(OMBUD_E_DATA, &loc, "not UTF-8: byte 0x%02X at "
                           "column %ld%s, in a file that is otherwise partly "
                           "UTF-8 (two encodings mixed); nothing from this "
                           "file was stored; export it again as UTF-8",
                           s->bad_byte, s->bad_col, many);
    return ombud_error(OMBUD_E_DATA, &loc, "not UTF-8: byte 0x%02X at column "
                       "%ld%s, and not a Western encoding ombud can guess; "
                       "nothing from this file was stored; give its encoding "
                       "with --encoding NAME ('iconv -l' lists the names)",
                       s->bad_byte, s->bad_col, many);
}

/* Is @name UTF-8 itself (nothing to convert, only to check)? */
static int is_utf8_name(const char *name)
{
    return !strcasecmp(name, "UTF-8") || !strcasecmp(name, "UTF8");
}

/* The encoding a UTF-16 or UTF-32 byte order mark names, or NULL. The
 * mark is converted too: it becomes the UTF-8 mark the reader skips. */
static const char *bom_encoding(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;

    if (n >= 4 && !memcmp(u, "\xFF\xFE\0\0", 4))
        return "UTF-32LE";
    if (n >= 4 && !memcmp(u, "\0\0\xFE\xFF", 4))
        return "UTF-32BE";
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return "UTF-16LE";
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return "UTF-16BE";
    return NULL;
}

/* Choose how the file is read from --encoding or its first bytes. */
static ombud_err choose_encoding(reader *r, const char *s, size_t n)
{
    const char *enc = r->dec.encoding;

    if (enc && is_utf8_name(enc))
        enc = NULL;
    if (!enc)
        enc = bom_encoding(s, n);
    if (!(r->encoding = enc))
        return OMBUD_OK;
    if ((r->cd = iconv_open("UTF-8", enc)) == (iconv_t)-1)
        return ombud_error(OMBUD_E_USAGE, NULL, "%s: cannot convert from %s: "
                           "%s", r->path, enc, strerror(errno));
    return OMBUD_OK;
}

/* Bytes in @s that end a line, for the line of a conversion error. */
static long count_lf(const char *s, size_t n)
{
    long k = 0;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))); p++)
        k++;
    return k;
}

/* A byte the encoding has no character for: refuse the file. */
static ombud_err refuse_conversion(reader *r, int64_t off, size_t done,
                                   int eof)
{
    ombud_loc loc = {r->path, r->conv_lines + count_lf(r->conv, done) + 1, 0};

    if (eof)
        return ombud_error(OMBUD_E_DATA, &loc, "the file ends inside a %s "
                           "character (byte %lld); nothing from this file "
                           "was stored; is --encoding right?", r->encoding,
                           (long long)off);
    return ombud_error(OMBUD_E_DATA, &loc, "not %s: byte 0x%02X at offset "
                       "%lld of the file is no character of it; nothing from "
                       "this file was stored; %s", r->encoding,
                       (unsigned char)r->raw[off - r->conv_base],
                       (long long)off,
                       r->dec.encoding ? "is --encoding right?"
                       : "its byte order mark says so; give --encoding if "
                         "it is wrong");
}

/* Room for @need converted bytes. */
static ombud_err conv_room(reader *r, size_t need)
{
    char *c;

    if (need <= r->convcap)
        return OMBUD_OK;
    if (!(c = realloc(r->conv, need)))
        return OMBUD_E_NOMEM;
    r->conv = c;
    r->convcap = need;
    return OMBUD_OK;
}

/*
 * Convert the @n bytes just read (after the r->npend carried over) to
 * UTF-8 into r->conv; an unfinished character at the end is carried over.
 * The converted text keeps the file's line ends, so line numbers stay
 * those of the original file.
 */
static ombud_err convert(reader *r, size_t n, int eof, size_t *outn)
{
    char *in = r->raw, *o;
    size_t left = r->npend + n, room;
    ombud_err err;

    r->conv_base = r->bytes - (int64_t)left;
    if ((err = conv_room(r, 4 * left + 64)))
        return err;
    o = r->conv;
    room = r->convcap;
    while (left && iconv(r->cd, &in, &left, &o, &room) == (size_t)-1) {
        size_t done = (size_t)(o - r->conv);
        if (errno == E2BIG) {
            if ((err = conv_room(r, r->convcap * 2)))
                return err;
            o = r->conv + done;
            room = r->convcap - done;
        } else if (errno == EINVAL && !eof && left <= PEND_MAX) {
            break;
        } else {
            return refuse_conversion(r, r->conv_base + (in - r->raw), done,
                                     errno == EINVAL);
        }
    }
    memmove(r->raw, in, left);
    r->npend = left;
    if (eof)
        iconv(r->cd, NULL, NULL, &o, &room); /* a stateful encoding's reset */
    *outn = (size_t)(o - r->conv);
    r->conv_lines += count_lf(r->conv, *outn);
    return OMBUD_OK;
}

static ombud_err lex_read_error(reader *r, int errnum);

/*
 * Read the next chunk: hash the bytes as read (the checksum is the
 * original file's), convert them or check them as UTF-8 (input from a
 * pipe, which had no first pass), and point @s at the UTF-8 to parse.
 * At the end of the file r->eof is set (@n may still be > 0: a stateful
 * encoding's last bytes).
 */
static ombud_err next_chunk(reader *r, FILE *fp, const char **s, size_t *n)
{
    size_t got = fread(r->raw + r->npend, 1, CHUNK, fp);

    *s = r->raw;
    *n = 0;
    if (got == 0) {
        if (ferror(fp) && r->lex)
            return lex_read_error(r, errno);
        if (ferror(fp))
            return ombud_error(OMBUD_E_NOINPUT, NULL, "%s: read error: %s",
                               r->path, strerror(errno));
        r->eof = 1;
    }
    ombud_sha256_update(r->sha, r->raw + r->npend, got);
    r->bytes += (int64_t)got;
    if (r->encoding) {
        /* convert() may move r->conv (realloc): point @s at it after */
        ombud_err err = convert(r, got, r->eof, n);

        *s = r->conv;
        return err;
    }
    *n = got;
    if (r->scan_stream) {
        ombud_utf8_scan_feed(&r->scan, r->raw, got);
        if (r->eof)
            ombud_utf8_scan_end(&r->scan);
        if (r->scan.bad_line)
            return refuse_not_utf8(r->path, &r->scan);
    }
    return OMBUD_OK;
}

/* How many names of the format's columns @s's first line holds when split
 * at @d (quotes respected, each name normalised as the header's are). */
static int header_hits(const reader *r, const char *s, size_t n, char d)
{
    char name[256];
    size_t start = 0;
    int hits = 0, quoted = 0;

    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] == '"')
            quoted = !quoted;
        if (i < n && (quoted || s[i] != d))
            continue;
        const char *f = s + start;
        size_t fl = i - start;
        if (fl >= 2 && f[0] == '"' && f[fl - 1] == '"')
            f++, fl -= 2;
        if (r->prof) {
            hits += ombud_profile_knows_header(r->prof, f, fl);
        } else {
            normalise(f, fl, name, sizeof name);
            hits += name[0] && find_column(r, name) >= 0;
        }
        start = i + 1;
    }
    return hits;
}

/*
 * The delimiter of a header format's file: the one of , ; TAB | that splits
 * the first non-blank line into the most known column names; ',' on a tie
 * (so a comma header with one ';' glued in stays a comma file) or when
 * none does.
 */
static char guess_delim(const reader *r, const char *s, size_t n)
{
    static const char cand[] = ",;\t|";
    const char *eol;
    char best = ',';
    int most = 0;

    while (n && (*s == '\n' || *s == '\r'))
        s++, n--;
    if ((eol = memchr(s, '\n', n)))
        n = (size_t)(eol - s);
    if ((eol = memchr(s, '\r', n)))
        n = (size_t)(eol - s);
    for (int i = 0; cand[i]; i++) {
        int hits = header_hits(r, s, n, cand[i]);
        if (hits > most)
            most = hits, best = cand[i];
    }
    return best;
}

/*
 * Before the import starts: read the first chunk, choose the encoding
 * (--encoding, a UTF-16 byte order mark, else UTF-8), convert or check it,
 * skip a UTF-8 byte order mark, and for a header format choose the
 * delimiter. A file refused here has stored nothing.
 */
static ombud_err read_head(reader *r, FILE *fp)
{
    size_t got = fread(r->raw, 1, CHUNK, fp);
    const char *s = r->raw;
    size_t n = got;
    ombud_err err;

    if (ferror(fp))
        return ombud_error(OMBUD_E_NOINPUT, NULL, "%s: read error: %s",
                           r->path, strerror(errno));
    ombud_sha256_update(r->sha, r->raw, got);
    r->bytes = (int64_t)got;
    r->eof = got < CHUNK && feof(fp);
    if ((err = choose_encoding(r, r->raw, got)))
        return err;
    if (r->encoding) {
        if ((err = convert(r, got, r->eof, &n)))
            return err;
        s = r->conv;
    } else if (r->scan_stream) {
        ombud_utf8_scan_feed(&r->scan, r->raw, got);
        if (r->eof)
            ombud_utf8_scan_end(&r->scan);
        if (r->scan.bad_line)
            return refuse_not_utf8(r->path, &r->scan);
    }
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        s += 3, n -= 3; /* a UTF-8 byte order mark is not part of the header */
    if (!r->fmt->store_record) {
        const char *h = s;
        size_t hn = n;
        /* the header is after a profile's preamble lines */
        for (long k = r->prof ? ombud_profile_skip_lines(r->prof) : 0;
             k > 0 && hn; k--) {
            const char *eol = memchr(h, '\n', hn);
            hn = eol ? hn - (size_t)(eol + 1 - h) : 0;
            h = eol ? eol + 1 : h + hn;
        }
        r->delim_guessed = !r->dec.delim;
        r->sniff.delim = (unsigned char)(r->dec.delim ? r->dec.delim
                                         : guess_delim(r, h, hn));
    }
    r->head = s;
    r->nhead = n;
    return OMBUD_OK;
}

/* Read the whole file through the parser, from the head read_head() took. */
static ombud_err parse_file(reader *r, FILE *fp, int64_t bytes)
{
    const char *s = r->head;
    size_t n = r->nhead;
    int at_line_start = 1, skipping = 0;

    r->line = 1;
    if (r->fmt->begin && (r->fatal = r->fmt->begin(&r->ctx, s, n, &r->sniff)))
        return r->fatal;
    restart_parser(r);
    for (;;) {
        feed(r, s, n, &at_line_start, &skipping);
        show_progress(r, r->bytes, bytes);
        if (r->fatal || r->eof)
            break;
        if ((r->fatal = next_chunk(r, fp, &s, &n)))
            break;
    }
    if (!r->fatal && !skipping)
        finish(r);
    if (!r->lex)
        ombud_progress(NULL);
    if (!r->fatal && !r->have_header) {
        ombud_loc loc = {r->path, 0, 0};
        r->fatal = ombud_error(OMBUD_E_DATA, &loc, r->fmt->store_record
                               ? "empty file: no %s records"
                               : "empty file: no %s header", r->fmt->kind);
    }
    return r->fatal;
}

/* ---- parsing on a second thread --------------------------------------------- */

/*
 * Splitting the file into records (libcsv, line ends, hashing) was a
 * sixth of the instructions of an outage ingest, and the store's inserts
 * most of the rest: on two cores they overlap. The parsing thread runs
 * parse_file() on its own copy of the reader, whose on_record() and
 * reject_at() append to a batch instead (lex_record, lex_reject); the
 * calling thread takes the batches in order and hands each record to
 * on_record() as if it had parsed it (lex_take). Only the calling thread
 * prints, stores or counts, so rejects, messages and row ids come out as
 * with one thread. The parsing thread prints only before its first
 * record (a header too long, an empty file), while the calling thread
 * waits for it. Memory stays bounded: LEX_BATCHES batches go round, a
 * full one waits for a free one.
 *
 * Converting (lex_convert) was a fifth of the calling thread's work at 1M
 * legs, the inserts most of the rest: moved here, an ingest took 2.2-2.4 s
 * instead of 2.9-3.0 s. Only a row that converts cleanly is sent
 * converted, so every reject is still worded and counted in one place.
 */
#define LEX_BATCHES 4
#define LEX_EVENTS 1024            /* records and rejects per batch */
#define LEX_BYTES (256 * 1024)     /* field bytes per batch, but at least
                                      one record's (OMBUD_MAX_RECORD) */

enum { LEX_RECORD, LEX_REJECT, LEX_CONVERTED };

/* One record, or one record rejected whole, in a batch. */
typedef struct lex_event {
    long line;             /* line the record starts on */
    long col;              /* LEX_REJECT: the column reported */
    size_t first;          /* LEX_RECORD, LEX_CONVERTED: its first field
                              in off[]/len[]; LEX_REJECT: its reason's
                              offset in bytes */
    size_t nfields;        /* LEX_RECORD: fields (may pass OMBUD_MAX_FIELDS:
                              only that many are kept, too_many set) */
    unsigned char kind;    /* LEX_RECORD, LEX_REJECT or LEX_CONVERTED (the
                              format's record in recs, at the event's
                              index) */
    unsigned char too_many;/* more than OMBUD_MAX_FIELDS fields */
    unsigned char cr_eol;  /* r->cr_eol when the record ended */
    unsigned char plain;   /* every field only 0x20-0x7E (see plain_fields) */
} lex_event;

typedef struct lex_batch {
    char *bytes;           /* field bytes (each NUL-terminated), reasons */
    size_t used, cap;
    size_t *off, *len;     /* each field's offset in bytes, and length */
    size_t nf, capo, capl;
    lex_event ev[LEX_EVENTS];
    size_t nev;
    unsigned char *recs;   /* LEX_EVENTS records of the format's rec_size,
                              when it has convert(); their texts point
                              into bytes, which therefore never moves
                              while the batch holds an event */
    int64_t read;          /* bytes of the file read when it was sent */
    int last;              /* the parsing thread's last batch */
    ombud_err fatal;       /* last: how parse_file() ended */
    int read_errno;        /* last: a read error's errno, not yet said */
} lex_batch;

typedef struct lexer {
    reader *r;             /* the parsing thread's copy of the reader */
    FILE *fp;
    int64_t total;         /* the file's size, for parse_file() */
    GAsyncQueue *full;     /* batches to take, in order */
    GAsyncQueue *empty;    /* batches taken, to fill again */
    lex_batch *cur;        /* the batch being filled (parsing thread) */
    gint stop;             /* set by the calling thread after a fatal error */
    int read_errno;
    GAsyncQueue *header;   /* the calling thread has taken the header
                              (see lex_header) */
    const reader *caller;  /* the calling thread's reader: its map, once
                              the header is taken */
    size_t slot;           /* bytes of a record in recs: the format's
                              record, then at cols_at its row's columns */
    size_t cols_at;
} lexer;

/* Which files are parsed on a second thread: those parse_file() reads
 * without the calling thread's help (see parse_threaded). */
static int threadable(const reader *r)
{
    return !r->fmt->store_record && !r->encoding && !r->scan_stream &&
           !r->sniff.unquoted;
}

static void lex_send(lexer *lx, int64_t read, int last)
{
    lx->cur->read = read;
    lx->cur->last = last;
    g_async_queue_push(lx->full, lx->cur);
    lx->cur = NULL;
}

/* @p (room for *@cap elements of @size bytes) with room for at least
 * @need (and one), *@cap updated; NULL when out of memory, @p intact. */
static void *lex_grow(void *p, size_t *cap, size_t need, size_t size)
{
    size_t nc = *cap ? *cap : 64;

    if (need <= *cap && p)
        return p;
    while (nc < need)
        nc *= 2;
    if (!(p = realloc(p, nc * size)))
        return NULL;
    *cap = nc;
    return p;
}

/*
 * The batch to append an event with @bytes bytes and @fields fields to:
 * the current one if it has room, else a free one once the current is
 * sent. NULL (and r->fatal set) when out of memory or told to stop.
 */
static lex_batch *lex_batch_for(reader *r, size_t bytes, size_t fields)
{
    lexer *lx = r->lex;
    lex_batch *b = lx->cur;
    void *p;

    if (g_atomic_int_get(&lx->stop)) {
        r->fatal = OMBUD_E_INTERNAL; /* the calling thread has stopped */
        return NULL;
    }
    if (b && b->nev && (b->nev == LEX_EVENTS || b->used + bytes > LEX_BYTES))
        lex_send(lx, r->bytes, 0);
    if (!lx->cur)
        lx->cur = g_async_queue_pop(lx->empty);
    b = lx->cur;
    /* At least LEX_BYTES from the first: a batch holding events grows no
     * more (see above), so converted records' texts stay put. */
    if ((p = lex_grow(b->bytes, &b->cap, b->used + bytes > LEX_BYTES
                      ? b->used + bytes : LEX_BYTES, 1)))
        b->bytes = p;
    if (p && (p = lex_grow(b->off, &b->capo, b->nf + fields, sizeof *b->off)))
        b->off = p;
    if (p && (p = lex_grow(b->len, &b->capl, b->nf + fields, sizeof *b->len)))
        b->len = p;
    if (!p)
        r->fatal = OMBUD_E_NOMEM;
    return p ? b : NULL;
}

/*
 * Are the record's fields all printable ASCII, 0x20-0x7E, and no longer
 * than an identifier may be? Such a field
 * passes ombud_text_check_as() whatever its column, so take_row() skips
 * those checks (3 % of an outage ingest) when the parsing thread has
 * found so. Eight bytes a step: a byte below 0x20 sets its high bit in
 * w - 0x20.., 0x7F in w + 0x01.., one from 0x80 has it already (a borrow
 * or carry starts only at such a byte).
 */
static int plain_fields(const reader *r, size_t kept)
{
    const uint64_t lo = UINT64_C(0x2020202020202020),
                   one = UINT64_C(0x0101010101010101),
                   hi = UINT64_C(0x8080808080808080);
    uint64_t w;

    for (size_t f = 0; f < kept; f++) {
        const unsigned char *p = (const unsigned char *)r->arena + r->off[f];
        size_t n = r->len[f], i = 0;

        /* An identifier has a length limit too (OMBUD_ID_MAX): a longer
         * field is checked by its column. */
        if (n > OMBUD_ID_MAX)
            return 0;
        for (; i + 8 <= n; i += 8) {
            memcpy(&w, p + i, 8);
            if ((w | (w - lo) | (w + one)) & hi)
                return 0;
        }
        for (; i < n; i++)
            if (p[i] < 0x20 || p[i] > 0x7E)
                return 0;
    }
    return 1;
}

/*
 * The header just batched: the rows after it are converted here with the
 * calling thread's column map (or a copy of its profile binding), so the
 * header goes at once and this thread waits until it is taken (or the
 * import stops: then lex_batch_for() stops this thread too).
 */
static void lex_header(reader *r)
{
    lexer *lx = r->lex;
    const reader *c = lx->caller;

    lex_send(lx, r->bytes, 0);
    g_async_queue_pop(lx->header);
    if (g_atomic_int_get(&lx->stop) || !c->have_header)
        return;
    if (c->bound && !(r->bound = ombud_profile_bound_copy(c->bound)))
        return;  /* out of memory: every row goes over as read */
    memcpy(r->map, c->map, sizeof r->map);
    r->header_fields = c->header_fields;
    r->skip_after = c->skip_after;
    r->mapped = 1;
}

/*
 * A profiled record made into @row by this thread's binding, as
 * profiled_row() does (its texts are the binding's until the next
 * record): 1, with the bytes they take in @extra, or 0 when the record
 * is to go over as read.
 */
static int lex_fill(reader *r, ombud_row *row, size_t *extra)
{
    ombud_profile_fail pf = {0};

    if (record_pointers(r))
        return 0;
    for (size_t i = 0; i < r->nfields; i++)
        if (memchr(r->vp[i], '\0', r->len[i]))
            return 0;
    if (ombud_profile_fill(r->bound, r->opts->tz, r->vp, r->nfields, row,
                           &pf))
        return 0;
    *extra = 0;
    for (int c = 0; c < r->fmt->ncolumns; c++)
        if (row->v[c])
            *extra += strlen(row->v[c]) + 1;
    return 1;
}

/* Is the record that just ended one for lex_convert()? A profile's units
 * lines after the header are not: the calling thread skips them. */
static int lex_wanted(reader *r)
{
    if (!r->mapped)
        return 0;
    if (r->skip_after > 0) {  /* as on_record() */
        r->skip_after--;
        return 0;
    }
    return !r->too_many && r->nfields == r->header_fields;
}

/*
 * The record of event @e, just batched, converted by the format as
 * take_row() would, from the batch's copy of its fields or (profiled,
 * @filled) of its row's texts, copied after it into the room lex_record()
 * kept: a record not plainly good (a text the checks refuse, a field
 * convert() rejects) stays a LEX_RECORD, and take_row() rejects it on
 * the calling thread as if nothing had been done here. The record's
 * columns go with it, for a duplicate's message (take_converted).
 */
static void lex_convert(reader *r, lex_batch *b, lex_event *e,
                        const ombud_row *filled)
{
    const ombud_format *f = r->fmt;
    unsigned char *slot = b->recs + (size_t)(e - b->ev) * r->lex->slot;
    ombud_row row;
    ombud_row_reject rej = {-1, "", NULL};
    size_t at = b->used, len = 0;
    char why[300];

    row.line = e->line;
    for (int c = 0; c < f->ncolumns; c++) {
        long i = filled ? filled->col[c] - 1 : r->map[c];

        row.col[c] = i + 1;
        row.v[c] = NULL;
        if (filled && filled->v[c]) {
            len = strlen(filled->v[c]);
            row.v[c] = memcpy(b->bytes + at, filled->v[c], len + 1);
            at += len + 1;
        } else if (!filled && i >= 0) {
            row.v[c] = b->bytes + b->off[e->first + (size_t)i];
            len = b->len[e->first + (size_t)i];
        }
        if (!e->plain && row.v[c] &&
            ombud_text_check_as(row.v[c], len, text_flags(r, &f->columns[c]),
                                why, sizeof why))
            return;
    }
    if (f->convert(&r->ctx, &row, slot, &rej) != OMBUD_OK)
        return;
    memcpy(slot + r->lex->cols_at, row.col, (size_t)f->ncolumns *
                                            sizeof row.col[0]);
    b->used = at;
    e->kind = LEX_CONVERTED;
}

/* The parsing thread's on_record(): the record into the batch. */
static void lex_record(reader *r)
{
    size_t kept = r->nfields < OMBUD_MAX_FIELDS ? r->nfields
                                                : OMBUD_MAX_FIELDS;
    size_t extra = 0;
    int header = !r->have_header;
    int conv = !header && lex_wanted(r);
    ombud_row filled;
    lex_batch *b;
    lex_event *e;

    if (conv && r->bound)
        conv = lex_fill(r, &filled, &extra);
    if (!(b = lex_batch_for(r, r->used + extra, kept)))
        return;
    e = &b->ev[b->nev++];
    /* a profile's texts are not the fields: checked whatever these are */
    *e = (lex_event){r->rec_line, 0, b->nf, r->nfields, LEX_RECORD,
                     (unsigned char)r->too_many, (unsigned char)r->cr_eol,
                     (unsigned char)(!r->prof && plain_fields(r, kept))};
    if (r->used)
        memcpy(b->bytes + b->used, r->arena, r->used);
    for (size_t i = 0; i < kept; i++) {
        b->off[b->nf + i] = b->used + r->off[i];
        b->len[b->nf + i] = r->len[i];
    }
    b->used += r->used;
    b->nf += kept;
    /* threadable() formats have a header: it is the first record */
    r->have_header = 1;
    if (header)
        lex_header(r);
    else if (conv)
        lex_convert(r, b, e, r->bound ? &filled : NULL);
}

/* The parsing thread's reject_at(): a record rejected whole. */
static void lex_reject(reader *r, long line, long col, const char *why)
{
    size_t n = strlen(why) + 1;
    lex_batch *b = lex_batch_for(r, n, 0);

    if (!b)
        return;
    b->ev[b->nev++] = (lex_event){line, col, b->used, 0, LEX_REJECT, 0, 0, 0};
    memcpy(b->bytes + b->used, why, n);
    b->used += n;
}

/* The parsing thread's read error: said by the calling thread, in turn. */
static ombud_err lex_read_error(reader *r, int errnum)
{
    r->lex->read_errno = errnum ? errnum : EIO;
    return OMBUD_E_NOINPUT;
}

static gpointer lex_main(gpointer data)
{
    lexer *lx = data;
    reader *p = lx->r;
    ombud_err err = parse_file(p, lx->fp, lx->total);

    if (!lx->cur)
        lx->cur = g_async_queue_pop(lx->empty);
    lx->cur->fatal = err;
    lx->cur->read_errno = lx->read_errno;
    lex_send(lx, p->bytes, 1);
    return NULL;
}

/* A record the parsing thread converted (lex_convert): stored as
 * take_row() would store it. */
static void take_converted(reader *r, long line, const void *rec)
{
    ombud_err err;

    r->counts.read++;
    r->rec_line = line;
    err = r->fmt->store(&r->ctx, line, rec);
    if (err == OMBUD_OK)
        r->counts.stored++;
    else
        r->fatal = err;   /* store() rejects nothing (ingest.h) */
}

/* Hand batch @b's records to on_record() and its rejects to reject_at(),
 * as parse_file() on this thread would have. */
static void lex_take(reader *r, lexer *lx, lex_batch *b)
{
    for (size_t i = 0; i < b->nev && !r->fatal; i++) {
        const lex_event *e = &b->ev[i];
        int header = !r->have_header;

        if (e->kind == LEX_REJECT) {
            r->counts.read++;
            reject_at(r, e->line, e->col, NULL, NULL, 0, b->bytes + e->first);
            continue;
        }
        if (e->kind == LEX_CONVERTED) {
            const unsigned char *slot = b->recs + i * lx->slot;

            memcpy(r->cols, slot + lx->cols_at, (size_t)r->fmt->ncolumns *
                                                sizeof r->cols[0]);
            take_converted(r, e->line, slot);
            continue;
        }
        r->rec_line = e->line;
        r->cr_eol = e->cr_eol;
        r->too_many = e->too_many;
        r->nfields = e->nfields;
        r->plain = e->plain;
        r->arena = b->bytes;
        r->off = b->off + e->first;
        r->len = b->len + e->first;
        on_record(0, r);
        if (header) /* taken or refused: the parsing thread goes on */
            g_async_queue_push(lx->header, GINT_TO_POINTER(1));
    }
    r->plain = 0;
    r->arena = NULL; /* the batch's, not ours to free */
    r->off = r->len = NULL;
}

/* The end of the parsing thread's work, from its last batch. */
static void lex_end(reader *r, const lex_batch *b)
{
    if (r->fatal)
        return;
    if (b->read_errno)
        r->fatal = ombud_error(OMBUD_E_NOINPUT, NULL, "%s: read error: %s",
                               r->path, strerror(b->read_errno));
    else
        r->fatal = b->fatal;
}

/* Take the parsing thread's batches until its last; free ones go back. */
static void lex_drain(reader *r, lexer *lx, int64_t total)
{
    lex_batch *b;
    int last = 0;

    while (!last) {
        b = g_async_queue_pop(lx->full);
        if (!r->fatal)
            lex_take(r, lx, b);
        show_progress(r, b->read, total);
        if ((last = b->last))
            lex_end(r, b);
        if (r->fatal && !g_atomic_int_get(&lx->stop)) {
            g_atomic_int_set(&lx->stop, 1);
            /* it may be waiting for a header this thread will not take */
            g_async_queue_push(lx->header, GINT_TO_POINTER(1));
        }
        b->used = b->nf = b->nev = 0;
        g_async_queue_push(lx->empty, b);
    }
}

/*
 * parse_file() with the parsing on a second thread (see above). Falls back
 * to parse_file() when no thread can be started. The parsing thread's
 * copy of the reader shares raw and sha (only it uses them meanwhile) and
 * has its own record arena; its parser state comes back to @r at the end.
 */
static ombud_err parse_threaded(reader *r, FILE *fp, int64_t total)
{
    lex_batch *pool = calloc(LEX_BATCHES, sizeof *pool);
    reader p = *r;
    lexer lx = {&p, fp, total, NULL, NULL, NULL, 0, 0, NULL, r, 0, 0};
    const size_t al = _Alignof(max_align_t);
    GThread *t;

    assert(!r->arena && !r->off && !r->len && !r->bound && !r->vp);
    assert(r->fmt->convert && r->fmt->store && r->fmt->rec_size > 0);
    lx.cols_at = (r->fmt->rec_size + al - 1) / al * al;
    lx.slot = (lx.cols_at + (size_t)r->fmt->ncolumns * sizeof(long) + al - 1)
              / al * al;
    for (int i = 0; pool && i < LEX_BATCHES; i++)
        if (!(pool[i].recs = malloc(LEX_EVENTS * lx.slot))) {
            while (i--)
                free(pool[i].recs);
            free(pool);
            pool = NULL;
        }
    if (!pool)
        return parse_file(r, fp, total);
    p.lex = &lx;
    lx.full = g_async_queue_new();
    lx.empty = g_async_queue_new();
    lx.header = g_async_queue_new();
    for (int i = 0; i < LEX_BATCHES; i++)
        g_async_queue_push(lx.empty, &pool[i]);
    if ((t = g_thread_try_new("ombud-parse", lex_main, &lx, NULL)))
        lex_drain(r, &lx, total);
    ombud_progress(NULL);
    if (t) {
        g_thread_join(t);
        r->csv = p.csv; /* reader_free() frees its buffer */
        r->bytes = p.bytes;
        r->eof = p.eof;
        r->line = p.line;
        free(p.arena);
        free(p.off);
        free(p.len);
        free(p.vp);
        ombud_profile_unbind(p.bound); /* its copy (lex_header) */
    }
    for (int i = 0; i < LEX_BATCHES; i++) {
        free(pool[i].bytes);
        free(pool[i].off);
        free(pool[i].len);
        free(pool[i].recs);
    }
    free(pool);
    g_async_queue_unref(lx.full);
    g_async_queue_unref(lx.empty);
    g_async_queue_unref(lx.header);
    return t ? r->fatal : parse_file(r, fp, total);
}

/* ---- files ---------------------------------------------------------------------- */

ombud_err ombud_file_sha256(const char *path, char hex[65], int64_t *bytes)
{
    ombud_sha256 *ck;
    FILE *fp = NULL;
    unsigned char buf[CHUNK];
    size_t n;
    int64_t total = 0;
    int bad;

    if (!(fp = fopen(path, "rb")))
        return OMBUD_E_NOINPUT;
    if (!(ck = ombud_sha256_new())) {
        fclose(fp);
        return OMBUD_E_NOMEM;
    }
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        ombud_sha256_update(ck, buf, n);
        total += (int64_t)n;
    }
    bad = ferror(fp);
    fclose(fp);
    snprintf(hex, 65, "%s", ombud_sha256_hex(ck));
    ombud_sha256_free(ck);
    *bytes = total;
    return bad ? OMBUD_E_NOINPUT : OMBUD_OK;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Open @path for reading, refusing directories with a clear message. */
static ombud_err open_input(const char *path, FILE **fp, int *regular)
{
    struct stat sb;

    if (stat(path, &sb) != 0)
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open %s: %s", path,
                           strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open %s: it is a "
                           "directory", path);
    *regular = S_ISREG(sb.st_mode);
    if (!(*fp = fopen(path, "rb")))
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open %s: %s", path,
                           strerror(errno));
    return OMBUD_OK;
}

static void reader_free(reader *r)
{
    csv_free(&r->csv); /* a no-op on the zeroed parser before init_parser */
    if (r->cd != (iconv_t)-1)
        iconv_close(r->cd);
    free(r->raw);
    free(r->conv);
    ombud_sha256_free(r->sha);
    free(r->arena);
    free(r->off);
    free(r->len);
    free(r->vp);
    ombud_profile_unbind(r->bound);
}

/*
 * After parsing: the checksum of what was actually read. A regular file
 * must match the one taken before (else it changed under us); input from a
 * pipe is checked against the store only now, inside the transaction.
 */
static ombud_err settle_checksum(reader *r, ombud_store *st, const char *pre,
                                 int64_t id, int *already)
{
    const char *sha = ombud_sha256_hex(r->sha);
    int64_t other;
    ombud_err err;

    if (pre)
        return strcmp(pre, sha) ? ombud_error(OMBUD_E_DATA, NULL, "%s changed "
                                              "while it was being read; "
                                              "nothing was stored", r->path)
                                : OMBUD_OK;
    if ((err = ombud_store_find_source(st, r->fmt->kind, sha, &other,
                                       &r->counts)))
        return err;
    if (other) {
        *already = 1;
        return OMBUD_OK;
    }
    return ombud_store_set_source_checksum(st, id, sha, r->bytes);
}

/*
 * The first pass over a regular file, before anything is stored: check it
 * is UTF-8 (unless --encoding or a UTF-16 byte order mark says what it
 * is) so a file with one Windows-1252 byte is refused whole rather than
 * losing that row; and, when a stored source of this kind has its size,
 * hash it (only then can it be a re-import, and a re-import then costs
 * this one read and no parsing). @scan receives the UTF-8 scan, @sha the
 * checksum (else it stays "pending"), @id the source it repeats or 0.
 */
static ombud_err prescan(ombud_store *st, const ombud_format *fmt,
                         const char *path, FILE *fp, const char *encoding,
                         ombud_utf8_scan *scan, char sha[65], int64_t *bytes,
                         int64_t *id)
{
    ombud_sha256 *ck = NULL;
    struct stat sb;
    int same_size = 0, check = 1, first = 1;
    char *buf;
    FILE *f2;
    size_t n;
    ombud_err err = OMBUD_OK;

    *id = 0;
    ombud_utf8_scan_init(scan);
    if (fstat(fileno(fp), &sb) == 0 &&
        (err = ombud_store_has_size(st, fmt->kind, (int64_t)sb.st_size,
                                    &same_size)))
        return err;
    if (!(buf = malloc(CHUNK)) || (same_size && !(ck = ombud_sha256_new()))) {
        free(buf);
        return OMBUD_E_NOMEM;
    }
    if (!(f2 = fopen(path, "rb"))) {
        free(buf);
        ombud_sha256_free(ck);
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s: %s", path,
                           strerror(errno));
    }
    *bytes = 0;
    while ((n = fread(buf, 1, CHUNK, f2)) > 0) {
        if (first && !encoding)
            check = !bom_encoding(buf, n);
        first = 0;
        if (check)
            ombud_utf8_scan_feed(scan, buf, n);
        if (ck)
            ombud_sha256_update(ck, buf, n);
        *bytes += (int64_t)n;
    }
    if (ferror(f2))
        err = ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s: %s", path,
                          strerror(errno));
    ombud_utf8_scan_end(scan);
    fclose(f2);
    free(buf);
    if (ck && !err) {
        snprintf(sha, 65, "%s", ombud_sha256_hex(ck));
        err = ombud_store_find_source(st, fmt->kind, sha, id, NULL);
    }
    ombud_sha256_free(ck);
    return err;
}

/*
 * What the first pass says: a file that is not UTF-8 is refused (unless
 * --encoding names its encoding); a valid UTF-8 file with characters
 * beyond ASCII read under --encoding would be garbled ("é" -> "Ã©"), which
 * deserves a warning since --encoding may have been meant for another file.
 */
static ombud_err judge_scan(const char *path, const char *enc,
                            const ombud_utf8_scan *scan)
{

    if (enc && is_utf8_name(enc))
        enc = NULL;
    if (!enc)
        return scan->bad_line ? refuse_not_utf8(path, scan) : OMBUD_OK;
    if (!scan->bad_line && scan->multi)
        ombud_warn(NULL, "%s is valid UTF-8 (%lld characters beyond ASCII) "
                   "but is read as %s, as --encoding says: they will be "
                   "garbled if the file is really UTF-8 (give --encoding "
                   "KIND=NAME for the files that need it)", path,
                   (long long)scan->multi, enc);
    return OMBUD_OK;
}

/* The source's note on how it was read, or NULL for UTF-8 and commas. */
static const char *read_note(const reader *r, char *buf, size_t size)
{
    char d = r->fmt->store_record ? ',' : (char)r->sniff.delim;
    long before = r->prof ? ombud_profile_skip_lines(r->prof) : 0;
    long after = r->prof ? ombud_profile_skip_after(r->prof) - r->skip_after
                         : 0;
    size_t o;

    if (!r->encoding && d == ',' && !before && !after)
        return NULL;
    buf[0] = '\0';
    if (before || after)
        snprintf(buf, size, "%ld line%s before the header and %ld after it "
                 "skipped, as the profile says%s", before,
                 before == 1 ? "" : "s", after,
                 r->encoding || d != ',' ? "; " : "");
    o = strlen(buf);
    snprintf(buf + o, size - o, "%s%s%s%s%s", r->encoding ? "read as " : "",
             r->encoding ? r->encoding : "", r->encoding ? ", converted to "
             "UTF-8" : "", r->encoding && d != ',' ? "; " : "",
             d == ',' ? "" : d == '\t' ? "fields delimited by tab"
                           : d == ';' ? "fields delimited by ';'"
                                      : "fields delimited by '|'");
    return buf;
}

/* Set up @r for @path; the import proper starts later (ombud_ingest_file). */
static ombud_err reader_init(reader *r, const ombud_format *fmt,
                             const char *path, const ombud_ingest_opts *opts,
                             const ombud_decoding *dec, int regular)
{
    /* a header format converts and stores (ingest.h); the reader keeps
     * one record on its stack (convert_and_store) */
    assert(fmt->store_record || (fmt->convert && fmt->store &&
                                 fmt->rec_size <= OMBUD_REC_MAX));
    r->fmt = fmt;
    r->opts = opts;
    r->dec = *dec;
    r->prof = fmt->store_record ? NULL : dec->profile;
    r->cr_eol = 1; /* until the first line end says otherwise */
    r->path = path;
    r->cd = (iconv_t)-1;
    /* A pipe had no first pass: it is checked as it is read, and a bad
     * byte past the first chunk rolls back the rows read before it. */
    r->scan_stream = !regular;
    ombud_utf8_scan_init(&r->scan);
    r->sha = ombud_sha256_new();
    r->raw = malloc(CHUNK + PEND_MAX);
    return r->sha && r->raw ? OMBUD_OK : OMBUD_E_NOMEM;
}

/* The source row: a queue_log's site settings, and for a record format
 * the encoding it was read in (a header format's goes in its notes). */
static const char *source_settings(const reader *r, char *buf, size_t size)
{
    size_t o = 0;

    buf[0] = '\0';
    if (r->fmt == &ombud_format_queue_log) {
        ombud_asterisk_site_format(r->opts->asterisk, buf, size);
        o = strlen(buf);
    }
    if (r->fmt->store_record && r->encoding && o < size)
        snprintf(buf + o, size - o, "%sencoding = %s", o ? "; " : "",
                 r->encoding);
    /* `verify` and the manifest find the profile by these two */
    if (r->prof && o < size)
        snprintf(buf + o, size - o, "%sprofile = %s; profile_sha256 = %s",
                 o ? "; " : "", ombud_profile_label(r->prof),
                 ombud_profile_sha256(r->prof));
    return buf[0] ? buf : NULL;
}

ombud_err ombud_ingest_file(ombud_store *st, const ombud_format *fmt,
                            const char *path, const ombud_ingest_opts *opts,
                            ombud_counts *counts, int *already)
{
    return ombud_ingest_decoded(st, fmt, path, opts, NULL, counts, already);
}

ombud_err ombud_ingest_decoded(ombud_store *st, const ombud_format *fmt,
                               const char *path, const ombud_ingest_opts *opts,
                               const ombud_decoding *dec,
                               ombud_counts *counts, int *already)
{
    static const ombud_decoding utf8 = {NULL, 0, NULL};
    ombud_decoding profiled;
    reader r = {0};
    ombud_source src = {0};
    ombud_utf8_scan scan;
    const char *shown = opts && opts->as_path ? opts->as_path : path;
    char sha[65] = "pending", settings[600], note[200];
    int64_t bytes = 0, id = 0;
    int regular = 0, cdr_zone;
    FILE *fp = NULL;
    ombud_err err;

    assert(st && fmt && path && opts && counts && already);
    r.cd = (iconv_t)-1;
    if (!dec)
        dec = &utf8;
    if (dec->profile) {
        /* the profile says how the file is read, for every step below */
        profiled = *dec;
        if (ombud_profile_encoding(dec->profile))
            profiled.encoding = ombud_profile_encoding(dec->profile);
        if (ombud_profile_delim(dec->profile))
            profiled.delim = ombud_profile_delim(dec->profile);
        dec = &profiled;
        r.popts = *opts;
        if (ombud_profile_tz(dec->profile))
            r.popts.tz = ombud_profile_tz(dec->profile);
        opts = &r.popts;
    }
    *already = 0;
    memset(counts, 0, sizeof *counts);
    if ((err = open_input(path, &fp, &regular)))
        return err;
    /* Regular files get a first pass (prescan); pipes, which can be read
     * once, are hashed and checked only as they are parsed. */
    if (regular && (err = prescan(st, fmt, path, fp, dec->encoding, &scan,
                                  sha, &bytes, &id))) {
        fclose(fp);
        return err;
    }
    if (id) {
        *already = 1;
        fclose(fp);
        return ombud_store_find_source(st, fmt->kind, sha, &id, counts);
    }
    if ((regular && (err = judge_scan(path, dec->encoding, &scan))) ||
        (err = reader_init(&r, fmt, path, opts, dec, regular)) ||
        (err = read_head(&r, fp))) {
        fclose(fp);
        reader_free(&r);
        return err;
    }
    cdr_zone = ombud_input_has(fmt->kind, OMBUD_IN_CDR_TZ) && opts->cdr_tz;
    src = (ombud_source){fmt->kind, base_name(shown), shown, sha, bytes,
                         ombud_tz_name(cdr_zone ? opts->cdr_tz : opts->tz),
                         ombud_clock_now(),
                         source_settings(&r, settings, sizeof settings),
                         reader_dup, &r};
    if ((err = ombud_store_begin_file(st, &src, &id))) {
        fclose(fp);
        reader_free(&r);
        return err;
    }
    r.ctx = (ombud_ingest_ctx){st, id, opts, &r.counts, path, NULL};
    init_parser(&r);
    err = threadable(&r) ? parse_threaded(&r, fp, bytes)
                         : parse_file(&r, fp, bytes);
    fclose(fp);
    if (fmt->finish) {
        ombud_err ferr = fmt->finish(&r.ctx, err != OMBUD_OK);
        if (!err)
            err = ferr;
    }
    if (!err)
        err = settle_checksum(&r, st, regular && strcmp(sha, "pending") ? sha
                                                                       : NULL,
                              id, already);
    if (!err && !*already && read_note(&r, note, sizeof note))
        err = ombud_store_set_source_notes(st, id, note);
    if (err || *already)
        ombud_store_abort_file(st);
    else
        err = ombud_store_end_file(st, id, &r.counts);
    /* After end_file: a store that checks keys when the file ends rejects
     * the duplicates there. */
    if (!err && !*already && r.opts->show_rejects >= 0 && r.shown < r.counts.rejected)
        ombud_info("%s: %lld more rejected rows not shown (all are in the "
                   "rejects table; --verbose prints every one)", path,
                   (long long)(r.counts.rejected - r.shown));
    *counts = r.counts;
    reader_free(&r);
    return err;
}
