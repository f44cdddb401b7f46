/*
 * fuzz_report.c - libFuzzer harness for the reports: fuzzed input text
 * through ombud's real import and rules into the XLSX report, the PDF
 * report and the complaint dossier, whose output must stay well-formed.
 *
 * Each input is a small text that names everything a filer controls:
 *
 *     carrier                      [filing] carrier
 *     commission                   [filing] commission
 *     docket                       [filing] docket (blank: none)
 *     prepared_by                  [filing] prepared_by (blank: none)
 *     language [a4]                [filing] language (en, es, ca, he, else
 *                                  none), "a4" anywhere: A4 paper
 *     customer                     complaint --customer (blank: none)
 *     ask                          complaint --ask (blank: the default)
 *     account                      complaint --account
 *     outages name                 the three input files' names, which the
 *     calls name                   reports print as "calls.csv:17"
 *     billing name
 *     KIND|ID|PROMISE|SOURCE       one [guarantee ID] per line, with fixed
 *     ...                          keys for KIND (see kinds[] below)
 *     %%
 *     outage rows                  below the header of outages.csv
 *     %%
 *     call rows                    below the header of calls.csv
 *     %%
 *     billing rows                 below the header of billing.csv
 *
 * In the guarantees file's values (the first four lines, each guarantee's
 * fields), a vertical tab (0x0B, which ombud refuses in any text) stands
 * for a line break and indent: the value continues on the next line, as
 * the guarantees file allows, and may grow past one line's 198 bytes.
 *
 * Nothing is filtered by the harness that ombud itself checks: the
 * guarantees file goes through ombud_guarantees_load(), the rows through
 * ombud_import_files() (the text checks, rejects and all), then
 * ombud_evaluate() for the [filing] period 2026-10, ombud_report_xlsx(),
 * ombud_report_pdf() and ombud_write_complaint(), as `ombud run --account`
 * does. An input ombud refuses (a guarantees file that does not load, no
 * usable rows) is dropped (-1: not kept in the corpus).
 *
 * Filters once kept known failures out (issue 21, item 4): inputs with a
 * Unicode noncharacter, command-line strings held to ombud_text_check(),
 * [filing] values longer than ombud_check_info's fields, long customers,
 * and cairo_debug_reset_static_data() after each PDF (made a no-op here).
 * All are fixed (tests/fuzz/regress/README.md, regress/report/fixed-*);
 * the filters are off unless FUZZ_REPORT_KNOWN=0, to compare with an
 * older build.
 *
 * After each accepted input, every write must have succeeded (the dossier
 * may say the account is unknown) and:
 *   - every XML part of each workbook parses with libxml2 (no recovery,
 *     no network, no entities loaded);
 *   - each PDF starts with %PDF- and ends with %%EOF, and, when
 *     FUZZ_QPDF names qpdf (tests/fuzz/run.sh sets it), `qpdf --check`
 *     exits 0;
 *   - no FILE.tmp is left beside a report.
 * And no GLib warning may be logged on the way: pango warns, and draws
 * nothing, when it is given text that is not UTF-8, and cairo may still
 * write a PDF that qpdf finds sound.
 * A violation aborts, so libFuzzer keeps the input. FUZZ_REPORT_KEEP=DIR
 * copies the reports of each input there (the last input's survive).
 * Messages go to /dev/null unless FUZZ_REPORT_VERBOSE=1.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <minizip/unzip.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/engine.h"
#include "ombud/guarantees.h"
#include "ombud/i18n.h"
#include "ombud/ingest.h"
#include "ombud/report.h"
#include "ombud/store.h"
#include "ombud/value.h"

extern char **environ;

/* Most lines of the header, guarantees and rows a single input may give:
 * the writers' cost grows with them, and a few are enough to reach every
 * layout path. */
#define MAX_LINES 200
/* A file name's longest length (NAME_MAX less room for ".tmp"). */
#define MAX_NAME 200

/* The keys each kind gets besides promise, source and kind. No calendars:
 * a [calendar] section of the harness's own would add nothing fuzzed. */
static const struct {
    const char *kind;
    const char *keys;
} kinds[] = {
    {"live_support", "queues = tech_support\nhours = 24x7\nmax_wait = 10m\n"},
    {"restoration", "within = 24h\n"},
    {"commitments", "grace = 0s\n"},
    {"advance_notice", "min_notice = 24h\n"},
    {"customer_effort", "max_calls = 3\nmax_phone_time = 1h\n"},
    {"outage_credit", "method = pro_rata\nmin_duration = 24h\n"
                      "rounding = half_up\ngrace = 60d\n"},
    {"payment_notice", "grace = 0s\n"},
    {"answer_time", "queues = repair, tech_support, billing\nwithin = 60s\n"
                    "target = 80%\nper = day\n"},
    {"trouble_rate", "max_per_100 = 6\nlines = 100\nper = month\n"},
    {"reportable_outage", "min_user_minutes = 100\nmin_duration = 30m\n"
                          "notify_within = 120m\n"},
};

static const char outages_head[] = "outage_id,account_id,area,service,"
    "started_at,restored_at,planned,scheduled_at,notified_at,"
    "customers_affected,cause\n";
static const char calls_head[] = "call_id,account_id,queue,arrived_at,"
    "answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,"
    "promised_restore_at\n";
static const char billing_head[] = "account_id,kind,posted_at,amount,"
    "currency,service,period_start,period_end,due_at,reference,description\n";

static char dir[4096];     /* this process's folder */
static char indir[4200];   /* the inputs and the guarantees file */
static char outdir[4200];  /* the store and the reports */
static FILE *devnull;
static int known;          /* FUZZ_REPORT_KNOWN: do not skip known failures */
static const char *qpdf;   /* FUZZ_QPDF, or NULL */
static const char *keep;   /* FUZZ_REPORT_KEEP, or NULL */

/* A line of the input: [s, s + n), without its newline. */
typedef struct line {
    const char *s;
    size_t n;
} line;

/* Empty a folder (one level: the harness makes no subfolders). */
static void empty_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    char p[8400];

    if (!d)
        return;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", path, e->d_name);
            unlink(p);
        }
    closedir(d);
}

static void cleanup(void)
{
    empty_dir(indir);
    empty_dir(outdir);
    rmdir(indir);
    rmdir(outdir);
    rmdir(dir);
}

static void fail(const char *what, const char *file)
{
    fprintf(stderr, "fuzz_report: %s%s%s\n", what, file ? ": " : "",
            file ? file : "");
    abort();
}

/*
 * Does [s, s + n) hold a Unicode noncharacter (U+FDD0..U+FDEF, or a code
 * point ending in FFFE or FFFF) encoded as UTF-8? Invalid sequences are
 * skipped: ombud's own checks refuse them.
 */
static int has_nonchar(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned cp;
        size_t len;

        if (s[i] < 0xE0)
            continue;
        len = s[i] < 0xF0 ? 3 : 4;
        if (i + len > n)
            return 0;
        cp = len == 3 ? s[i] & 0x0Fu : s[i] & 0x07u;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                goto next;
            cp = cp << 6 | (s[i + k] & 0x3Fu);
        }
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
            return 1;
        i += len - 1;
    next:;
    }
    return 0;
}

/* Does [s, s + n) contain the @p k bytes of @p w? (memmem is GNU.) */
static int contains(const char *s, size_t n, const char *w, size_t k)
{
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(s + i, w, k))
            return 1;
    return 0;
}

/* A copy of line @p l as a string; NULL when blank. */
static char *dup_line(line l)
{
    char *s;

    if (!l.n)
        return NULL;
    if (!(s = malloc(l.n + 1)))
        abort();
    memcpy(s, l.s, l.n);
    s[l.n] = '\0';
    return s;
}

/* Would ombud take @p l as text (ombud_text_check)? Blank is fine. */
static int text_ok(line l)
{
    char why[96];

    return known || !l.n ||
           ombud_text_check(l.s, l.n, why, sizeof why) == OMBUD_OK;
}

/*
 * A usable file name from line @p l into @p out, else @p deflt: Linux
 * takes any bytes but NUL and '/', so only those, ".", ".." and names
 * too long are refused, besides what text_ok() refuses.
 */
static void file_name(line l, const char *deflt, char *out, size_t size)
{
    if (!l.n || l.n > MAX_NAME || memchr(l.s, '/', l.n) ||
        memchr(l.s, '\0', l.n) || (l.n == 1 && l.s[0] == '.') ||
        (l.n == 2 && !memcmp(l.s, "..", 2)) || !text_ok(l))
        snprintf(out, size, "%s", deflt);
    else
        snprintf(out, size, "%.*s", (int)l.n, l.s);
}

/*
 * Write line @p l to @p fp as an INI value: each vertical tab becomes a
 * line break and an indent (a continuation line).
 */
static void put_value(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == '\v')
            fputs("\n    ", fp);
        else
            fputc(s[i], fp);
}

/* Write @p head and the @p nrows lines of @p rows to @p path; 0 or -1. */
static int put_file(const char *path, const char *head, const line *rows,
                    int nrows)
{
    FILE *fp = fopen(path, "wb");
    int bad;

    if (!fp)
        return -1;
    bad = fputs(head, fp) < 0;
    for (int i = 0; i < nrows && !bad; i++)
        bad = fwrite(rows[i].s, 1, rows[i].n, fp) != rows[i].n ||
              fputc('\n', fp) == EOF;
    return fclose(fp) || bad ? -1 : 0;
}

/* ---- the checks --------------------------------------------------------- */

/* libxml2's messages: kept for the failure report, never printed. */
static char xml_why[512];

static void xml_error(void *ud, const char *fmt, ...)
{
    size_t n = strlen(xml_why);
    va_list ap;

    (void)ud;
    va_start(ap, fmt);
    if (n < sizeof xml_why - 1)
        vsnprintf(xml_why + n, sizeof xml_why - n, fmt, ap);
    va_end(ap);
}

/* Every .xml and .rels member of the workbook @p path must parse. */
static void check_xlsx(const char *path)
{
    unzFile z = unzOpen64(path);
    int rc;

    if (!z)
        fail("the workbook is not a zip file", path);
    for (rc = unzGoToFirstFile(z); rc == UNZ_OK; rc = unzGoToNextFile(z)) {
        unz_file_info64 info;
        char name[512];
        size_t len;
        char *buf;
        xmlDocPtr doc;

        if (unzGetCurrentFileInfo64(z, &info, name, sizeof name, NULL, 0,
                                    NULL, 0) != UNZ_OK)
            fail("unreadable zip member", path);
        len = strlen(name);
        if (!(len > 4 && !strcmp(name + len - 4, ".xml")) &&
            !(len > 5 && !strcmp(name + len - 5, ".rels")))
            continue;
        if (info.uncompressed_size > 256u << 20)
            fail("a member over 256 MiB", name);
        if (!(buf = malloc(info.uncompressed_size + 1)))
            abort();
        if (unzOpenCurrentFile(z) != UNZ_OK ||
            unzReadCurrentFile(z, buf, (unsigned)info.uncompressed_size) !=
                (int)info.uncompressed_size ||
            unzCloseCurrentFile(z) != UNZ_OK)
            fail("cannot inflate a zip member", name);
        xml_why[0] = '\0';
        doc = xmlReadMemory(buf, (int)info.uncompressed_size, name, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOWARNING);
        if (!doc || xml_why[0]) {
            fprintf(stderr, "fuzz_report: %s: %s: not well-formed XML:\n%s\n",
                    path, name, xml_why);
            abort();
        }
        xmlFreeDoc(doc);
        free(buf);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        fail("a broken zip directory", path);
    unzClose(z);
}

/* The PDF @p path: its frame here, its structure by `qpdf --check`. */
static void check_pdf(const char *path)
{
    char head[8], tail[64];
    FILE *fp = fopen(path, "rb");
    long size;
    size_t n;

    if (!fp)
        fail("no PDF", path);
    if (fread(head, 1, 5, fp) != 5 || memcmp(head, "%PDF-", 5) ||
        fseek(fp, 0, SEEK_END) || (size = ftell(fp)) < 64 ||
        fseek(fp, size - (long)sizeof tail, SEEK_SET))
        fail("not a PDF", path);
    n = fread(tail, 1, sizeof tail, fp);
    fclose(fp);
    if (n != sizeof tail || !contains(tail, n, "%%EOF", 5))
        fail("the PDF has no %%EOF at its end", path);
    if (qpdf) {
        char *argv[] = {(char *)qpdf, "--check", (char *)path, NULL};
        posix_spawn_file_actions_t fa;
        pid_t pid;
        int st;

        /* Quiet unless it fails: then run it again by hand. */
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        if (posix_spawn(&pid, qpdf, &fa, NULL, argv, environ))
            fail("cannot run qpdf", qpdf);
        posix_spawn_file_actions_destroy(&fa);
        while (waitpid(pid, &st, 0) < 0)
            if (errno != EINTR)
                fail("waitpid", qpdf);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
            fprintf(stderr, "fuzz_report: qpdf --check %s: status %d\n", path,
                    WIFEXITED(st) ? WEXITSTATUS(st) : -1);
            abort();
        }
    }
}

/*
 * No FILE.tmp may be left in the output folder; copy the reports to
 * FUZZ_REPORT_KEEP when asked. @p nreports: how many were written.
 */
static void check_folder(int nreports)
{
    DIR *d = opendir(outdir);
    struct dirent *e;
    char p[8400], cmd[17000];
    int n = 0;

    if (!d)
        fail("the output folder is gone", outdir);
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);

        snprintf(p, sizeof p, "%s/%s", outdir, e->d_name);
        if (len > 4 && !strcmp(e->d_name + len - 4, ".tmp"))
            fail("a temporary file was left behind", p);
        if (!(len > 5 && !strcmp(e->d_name + len - 5, ".xlsx")) &&
            !(len > 4 && !strcmp(e->d_name + len - 4, ".pdf")))
            continue;
        n++;
        if (keep) {
            snprintf(cmd, sizeof cmd, "cp '%s' '%s'/", p, keep);
            if (system(cmd) != 0)
                fprintf(stderr, "fuzz_report: cannot copy %s\n", p);
        }
    }
    closedir(d);
    if (n != nreports)
        fail("the output folder does not hold the reports written", outdir);
}

/*
 * GLib's log writer: a warning or worse from any library (pango, cairo's
 * GLib users, GLib itself) fails the input; lesser messages are dropped.
 */
static GLogWriterOutput log_writer(GLogLevelFlags level,
                                   const GLogField *fields, gsize n,
                                   gpointer ud)
{
    (void)ud;
    if (!(level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL |
                   G_LOG_LEVEL_WARNING)))
        return G_LOG_WRITER_HANDLED;
    for (gsize i = 0; i < n; i++)
        if (!strcmp(fields[i].key, "MESSAGE") && fields[i].length < 0)
            fprintf(stderr, "fuzz_report: GLib warning: %s\n",
                    (const char *)fields[i].value);
    abort();
}

/*
 * Interposed on libcairo's: see the file comment. The caches it would
 * empty stay for the process's life (still reachable: no leak report).
 */
void cairo_debug_reset_static_data(void);
void cairo_debug_reset_static_data(void)
{
    static void (*real)(void);

    if (!known)
        return;
    if (!real)
        *(void **)&real = dlsym(RTLD_NEXT, "cairo_debug_reset_static_data");
    if (real)
        real();
}

/* ---- the run ------------------------------------------------------------ */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *tmp = getenv("FUZZ_TMPDIR"); /* set by tests/fuzz/run.sh */
    const char *v = getenv("FUZZ_REPORT_VERBOSE");

    (void)argc;
    (void)argv;
    if ((!tmp || !*tmp) && access("/dev/shm", W_OK) == 0)
        tmp = "/dev/shm";
    if (!tmp || !*tmp)
        tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    snprintf(dir, sizeof dir, "%s/ombud-fuzz-report.XXXXXX", tmp);
    if (!mkdtemp(dir))
        abort();
    snprintf(indir, sizeof indir, "%s/in", dir);
    snprintf(outdir, sizeof outdir, "%s/out", dir);
    if (mkdir(indir, 0700) || mkdir(outdir, 0700))
        abort();
    atexit(cleanup);
    /* The known failures are fixed (issue 21): the filters stay, off unless
     * FUZZ_REPORT_KNOWN=0, to compare with an older build. */
    known = !(getenv("FUZZ_REPORT_KNOWN") && *getenv("FUZZ_REPORT_KNOWN") == '0');
    qpdf = getenv("FUZZ_QPDF");
    if (qpdf && !*qpdf)
        qpdf = NULL;
    keep = getenv("FUZZ_REPORT_KEEP");
    if (keep && !*keep)
        keep = NULL;
    /* ombud_out() prints the check's summary on stdout. */
    if (!freopen("/dev/null", "w", stdout))
        abort();
    devnull = fopen("/dev/null", "w");
    if (!(v && *v == '1')) {
        ombud_diag_set_stream(devnull);
        ombud_diag_set_verbosity(OMBUD_QUIET);
    }
    xmlSetGenericErrorFunc(NULL, xml_error);
    g_log_set_writer_func(log_writer, NULL, NULL);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    enum { CARRIER, COMMISSION, DOCKET, PREPARED, LANG, CUSTOMER, ASK,
           ACCOUNT, OUTAGES, CALLS, BILLING, NHEAD };
    static const char *const files[3] = {"outages.csv", "calls.csv",
                                         "billing.csv"};
    line lines[MAX_LINES];
    int nlines = 0, part[4] = {0, 0, 0, 0}, nparts = 0;
    char names[3][MAX_NAME + 1], gpath[4300], paths[3][4500], db[4300];
    char *customer = NULL, *ask = NULL, *account = NULL;
    ombud_guarantees *gs = NULL;
    ombud_store *st = NULL;
    ombud_input in[3];
    ombud_paper paper = OMBUD_PAPER_LETTER;
    int64_t check_id = 0, rejected = 0;
    int failed, rc = -1;
    ombud_err err;
    FILE *fp;

    if (!known && has_nonchar(data, size))
        return -1;
    /* Split into lines; "%%" lines end the guarantees and each file. */
    for (size_t i = 0; i < size && nlines < MAX_LINES;) {
        const uint8_t *nl = memchr(data + i, '\n', size - i);
        size_t n = nl ? (size_t)(nl - (data + i)) : size - i;

        if (n == 2 && !memcmp(data + i, "%%", 2) && nlines >= NHEAD &&
            nparts < 3)
            part[nparts++] = nlines;
        else
            lines[nlines++] = (line){(const char *)data + i, n};
        i += n + 1;
    }
    if (nlines < NHEAD || nparts < 3)
        return -1;
    for (int k = 0; k < 3; k++) { /* part[k]: first line after the k-th %% */
        if (part[k] < NHEAD)
            part[k] = NHEAD;
    }
    part[3] = nlines;
    if (!text_ok(lines[CUSTOMER]) || !text_ok(lines[ASK]) ||
        !text_ok(lines[ACCOUNT]))
        return -1;

    /* Known: a value past its ombud_check_info field is cut mid-character
     * (the limits less a byte: continuation lines are joined by one). */
    if (!known && (lines[CARRIER].n > 254 || lines[COMMISSION].n > 254 ||
                   lines[PREPARED].n > 254 || lines[DOCKET].n > 126))
        return -1;

    /* The guarantees file. */
    snprintf(gpath, sizeof gpath, "%s/guarantees.ini", indir);
    if (!(fp = fopen(gpath, "wb")))
        abort();
    fputs("[filing]\ntimezone = America/Los_Angeles\ncurrency = USD\n"
          "period = 2026-10\n", fp);
    for (int k = CARRIER; k <= PREPARED; k++) {
        static const char *const keys[] = {"carrier", "commission", "docket",
                                           "prepared_by"};
        if (!lines[k].n && (k == DOCKET || k == PREPARED))
            continue;
        fprintf(fp, "%s = ", keys[k]);
        put_value(fp, lines[k].s, lines[k].n);
        fputc('\n', fp);
    }
    for (int l = 0; l < 4; l++) {
        static const char *const codes[] = {"en ", "es ", "ca ", "he "};
        if (lines[LANG].n >= 2 && !memcmp(lines[LANG].s, codes[l], 2))
            fprintf(fp, "language = %.2s\n", codes[l]);
    }
    if (contains(lines[LANG].s, lines[LANG].n, "a4", 2))
        paper = OMBUD_PAPER_A4;
    for (int i = NHEAD; i < part[0]; i++) {
        const char *s = lines[i].s, *end = s + lines[i].n, *f[4];
        size_t fl[4];
        int nf = 0;

        /* KIND|ID|PROMISE|SOURCE: the last field takes any further '|'. */
        while (nf < 4) {
            const char *bar = nf < 3 ? memchr(s, '|', (size_t)(end - s)) : NULL;
            f[nf] = s;
            fl[nf++] = (size_t)((bar ? bar : end) - s);
            if (!bar)
                break;
            s = bar + 1;
        }
        if (nf < 4)
            continue;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
            if (strlen(kinds[k].kind) == fl[0] &&
                !memcmp(kinds[k].kind, f[0], fl[0])) {
                fprintf(fp, "\n[guarantee %.*s]\npromise = ", (int)fl[1], f[1]);
                put_value(fp, f[2], fl[2]);
                fputs("\nsource = ", fp);
                put_value(fp, f[3], fl[3]);
                fprintf(fp, "\nkind = %s\n%s", kinds[k].kind, kinds[k].keys);
                break;
            }
    }
    if (fclose(fp))
        abort();

    /* The three inputs, under the names the input gives them. */
    for (int k = 0; k < 3; k++) {
        static const char *const heads[3] = {outages_head, calls_head,
                                             billing_head};
        static const char *const kindnames[3] = {"outages", "calls", "billing"};

        file_name(lines[OUTAGES + k], files[k], names[k], sizeof names[k]);
        for (int j = 0; j < k; j++)
            if (!strcmp(names[j], names[k]))
                snprintf(names[k], sizeof names[k], "%s", files[k]);
        snprintf(paths[k], sizeof paths[k], "%s/%s", indir, names[k]);
        if (put_file(paths[k], heads[k], lines + part[k],
                     part[k + 1] - part[k]))
            abort();
        memset(&in[k], 0, sizeof in[k]); /* no --encoding, no --delimiter */
        in[k].fmt = ombud_format_find(kindnames[k]);
        in[k].path = paths[k];
    }

    customer = dup_line(lines[CUSTOMER]);
    ask = dup_line(lines[ASK]);
    account = dup_line(lines[ACCOUNT]);
    snprintf(db, sizeof db, "%s/evidence.db", outdir);
    if (ombud_guarantees_load(gpath, &gs) != OMBUD_OK ||
        ombud_lang_apply(0, OMBUD_LANG_EN, gs) != OMBUD_OK)
        goto done;
    if (ombud_store_open(db, &st))
        fail("cannot open a new store", db);
    {
        ombud_ingest_opts io = {.tz = gs->tz, .currency = gs->filing.currency,
                                .show_rejects = -1, .asterisk = &gs->asterisk};

        err = ombud_import_files(st, in, 3, &io, NULL, NULL, &rejected);
    }
    if (err == OMBUD_E_DATA || err == OMBUD_E_NOINPUT)
        goto done;
    if (err)
        fail("the import failed", ombud_strerror(err));
    err = ombud_evaluate(st, gs, NULL, NULL, &failed, &check_id);
    if (err == OMBUD_E_DATA)
        goto done;
    if (err)
        fail("the check failed", ombud_strerror(err));

    /* From here on, the input was accepted: every report must be written,
     * and each is checked as soon as it is (a later failure must not hide
     * an earlier malformed file). */
    {
        char xlsx[4400], pdf[4400];
        int nreports = 2;

        snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", outdir);
        snprintf(pdf, sizeof pdf, "%s/report.pdf", outdir);
        if ((err = ombud_report_xlsx(st, check_id, xlsx)))
            fail("ombud_report_xlsx failed", ombud_strerror(err));
        check_xlsx(xlsx);
        if ((err = ombud_report_pdf(st, check_id, pdf, paper)))
            fail("ombud_report_pdf failed", ombud_strerror(err));
        check_pdf(pdf);
        /* Known: who complains, the carrier and the account are cut
         * mid-character in the dossier's header (600 bytes) and subject
         * (700) when together much longer than these. */
        const char *by = customer ? customer : gs->filing.prepared_by;
        size_t who = by ? strlen(by) : 0;
        if (account && who && (known || who + strlen(account) +
                               strlen(gs->filing.carrier) <= 400)) {
            char name[OMBUD_DOSSIER_NAME_MAX];

            /* A fixed letter date: a crash found replays on any day. */
            ombud_complaint c = {.check_id = check_id, .account = account,
                                 .customer = customer, .ask = ask,
                                 .paper = paper, .date = "2026-11-02"};
            ombud_dossier_paths written;

            err = ombud_write_complaint(st, &c, outdir, &written);
            /* OMBUD_E_DATA: the account has nothing in this check;
             * OMBUD_E_USAGE: ombud refused the customer, the account or
             * the ask (ombud_text_check(), as for any input text). */
            if (err && err != OMBUD_E_DATA && err != OMBUD_E_USAGE)
                fail("ombud_write_complaint failed", ombud_strerror(err));
            if (!err) {
                /* Looked for under the documented name (as a user
                 * would), not where ombud_write_complaint() says. */
                if ((err = ombud_dossier_name(account, name, sizeof name)))
                    fail("ombud_dossier_name failed", ombud_strerror(err));
                snprintf(xlsx, sizeof xlsx, "%s/complaint-%s.xlsx", outdir,
                         name);
                snprintf(pdf, sizeof pdf, "%s/complaint-%s.pdf", outdir,
                         name);
                check_xlsx(xlsx);
                check_pdf(pdf);
                nreports += 2;
            }
        }
        check_folder(nreports);
    }
    rc = 0;
done:
    ombud_store_close(st);
    ombud_guarantees_free(gs);
    free(customer);
    free(ask);
    free(account);
    empty_dir(indir);
    empty_dir(outdir);
    return rc;
}
