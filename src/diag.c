/*
 * diag.c - messages, progress and the error-code table.
 *
 * Everything the program prints passes through this file. Progress is
 * drawn only on a terminal so that logs of batch runs stay clean.
 */
/* sigaltstack() and SA_ONSTACK are XSI. */
#define _XOPEN_SOURCE 700
#include <assert.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <glib.h>

#include "ombud/diag.h"
#include "ombud/err.h"
#include "ombud/text.h"

static ombud_verbosity verbosity = OMBUD_NORMAL;
static const char *progname = "ombud";
static int progress_shown;   /* a progress line is on screen and needs clearing */
static FILE *errs;           /* where messages go; NULL means stderr */

void ombud_diag_set_stream(FILE *fp) { errs = fp; }

/* The message stream (stderr unless a test redirected it). */
static FILE *err_stream(void) { return errs ? errs : stderr; }

/* One entry per ombud_err, in enum order. */
static const struct {
    const char *text;
    int exit_code;
} err_table[OMBUD_E_MAX] = {
    /* OMBUD_OK */          {"no error", 0},
    /* OMBUD_E_USAGE */     {"usage error", 64},
    /* OMBUD_E_DATA */      {"input data error", 65},
    /* OMBUD_E_FIELD */     {"invalid field", 65},
    /* OMBUD_E_NOINPUT */   {"cannot open input", 66},
    /* OMBUD_E_CANTCREAT */ {"cannot create output", 73},
    /* OMBUD_E_DUPLICATE */ {"duplicate row", 65},
    /* OMBUD_E_NOMEM */     {"out of memory", 70},
    /* OMBUD_E_STORE */     {"evidence store error", 70},
    /* OMBUD_E_INTERNAL */  {"internal error", 70},
};

const char *ombud_strerror(ombud_err err)
{
    if ((int)err < 0 || err >= OMBUD_E_MAX)
        return "unknown error";
    return err_table[err].text;
}

int ombud_exit_code(ombud_err err)
{
    if ((int)err < 0 || err >= OMBUD_E_MAX)
        return 70;
    return err_table[err].exit_code;
}

void ombud_diag_set_verbosity(ombud_verbosity v) { verbosity = v; }
ombud_verbosity ombud_diag_verbosity(void) { return verbosity; }
void ombud_diag_set_progname(const char *name) { progname = name; }

/* Clear a progress line so that a message does not print on top of it. */
static void clear_progress(void)
{
    if (progress_shown) {
        fputs("\r\033[K", stderr);
        progress_shown = 0;
    }
}

static void vmessage(const ombud_loc *loc, const char *level,
                     const char *fmt, va_list ap)
{
    clear_progress();
    if (loc && loc->file) {
        fputs(loc->file, err_stream());
        if (loc->line > 0)
            fprintf(err_stream(), ":%ld", loc->line);
        if (loc->line > 0 && loc->col > 0)
            fprintf(err_stream(), ":%ld", loc->col);
        fputs(": ", err_stream());
    } else {
        fprintf(err_stream(), "%s: ", progname);
    }
    if (level)
        fprintf(err_stream(), "%s: ", level);
    vfprintf(err_stream(), fmt, ap);
    fputc('\n', err_stream());
}

ombud_err ombud_error(ombud_err err, const ombud_loc *loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(loc, "error", fmt, ap);
    va_end(ap);
    return err;
}

void ombud_warn(const ombud_loc *loc, const char *fmt, ...)
{
    va_list ap;
    if (verbosity < OMBUD_NORMAL)
        return;
    va_start(ap, fmt);
    vmessage(loc, "warning", fmt, ap);
    va_end(ap);
}

/* Print a plain line to stderr when the verbosity is at least @min. */
static void vnote(ombud_verbosity min, const char *fmt, va_list ap)
{
    if (verbosity < min)
        return;
    clear_progress();
    vfprintf(err_stream(), fmt, ap);
    fputc('\n', err_stream());
}

void ombud_info(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(OMBUD_NORMAL, fmt, ap);
    va_end(ap);
}

void ombud_debug(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vnote(OMBUD_VERBOSE, fmt, ap);
    va_end(ap);
}

void ombud_out(const char *fmt, ...)
{
    va_list ap;
    if (verbosity < OMBUD_NORMAL)
        return; /* --quiet: errors only */
    va_start(ap, fmt);
    vfprintf(stdout, fmt, ap);
    va_end(ap);
}

void ombud_progress(const char *fmt, ...)
{
    static int is_tty = -1;
    va_list ap;

    if (is_tty < 0)
        is_tty = isatty(STDERR_FILENO);
    if (!is_tty || verbosity < OMBUD_NORMAL)
        return;
    clear_progress();
    if (!fmt)
        return;
    va_start(ap, fmt);
    fputc('\r', stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fflush(stderr);
    progress_shown = 1;
}

char *ombud_quote_bytes(const char *s, size_t n, char *buf, size_t size)
{
    size_t o = 0, i = 0;

    assert(buf && size >= 8);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        size_t step = 1;
        char tmp[20];
        size_t tl = 0;
        int escape = c < 0x20 || c == 0x7f;

        if (c >= 0x80) {
            /* Copy one valid UTF-8 sequence whole, else escape the byte. */
            gunichar u = g_utf8_get_char_validated(s + i, (gssize)(n - i));
            escape = 1;
            if (u != (gunichar)-1 && u != (gunichar)-2) {
                step = (size_t)(g_utf8_next_char(s + i) - (s + i));
                /* C1 controls, noncharacters and bidi controls would act
                 * on the terminal (a U+202E reverses the rest of the
                 * message): shown as their bytes, as a bad byte is. */
                escape = ombud_char_is_control(u) ||
                         ombud_char_is_noncharacter(u) ||
                         ombud_char_is_bidi_control(u);
            }
        }
        if (escape) {
            for (size_t k = 0; k < step; k++)
                tl += (size_t)snprintf(tmp + tl, sizeof tmp - tl, "\\x%02X",
                                       (unsigned char)s[i + k]);
        } else {
            memcpy(tmp, s + i, step);
            tl = step;
        }
        if (o + tl + 4 > size) {
            memcpy(buf + o, "...", 3);
            o += 3;
            break;
        }
        memcpy(buf + o, tmp, tl);
        o += tl;
        i += step;
    }
    buf[o] = '\0';
    return buf;
}

/* ---- out of memory under a limit ---------------------------------------------- */

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define OMBUD_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define OMBUD_SANITIZED 1
#endif
#endif

static const int guarded[] = {SIGSEGV, SIGBUS, SIGABRT, SIGTRAP, SIGILL};

#ifndef OMBUD_SANITIZED
static char guard_head[96];         /* "ombud: out of memory (... N MB) while " */
static char guard_cmd[64];          /* "running ombud run" */
static void (*guard_discard)(void);
static const char *(*guard_current)(void);
/* A stack of its own: SIGSEGV may come from a stack that is full. */
static char guard_stack[65536];

static void put(const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, s, n);
        if (w <= 0)
            return;
        s += w, n -= (size_t)w;
    }
}

/* Only the first thread to fault writes the message and exits: with the
 * handler reset after one use (SA_RESETHAND), a second thread faulting at
 * the same time (pango's font thread does) was killed by the default
 * action before the first could exit 70. */
static atomic_flag guard_taken = ATOMIC_FLAG_INIT;

static void oom_handler(int sig)
{
    const char *f;

    (void)sig;
    if (atomic_flag_test_and_set(&guard_taken))
        for (;;)
            pause();
    f = guard_current ? guard_current() : NULL;
    put(guard_head);
    if (f) {
        put("writing ");
        put(f);
        put("; nothing was written\n");
    } else {
        put(guard_cmd);
        put("; no report was written\n");
    }
    if (guard_discard)
        guard_discard();
    _exit(70);
}

/* The limit in force, in MB, or 0 when there is none. */
static unsigned long long limit_mb(void)
{
    static const int which[] = {RLIMIT_AS, RLIMIT_DATA};
    unsigned long long least = 0;
    struct rlimit rl;

    for (size_t i = 0; i < sizeof which / sizeof which[0]; i++)
        if (getrlimit(which[i], &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
            unsigned long long mb = (unsigned long long)rl.rlim_cur >> 20;
            if (!least || mb < least)
                least = mb ? mb : 1;
        }
    return least;
}

#endif /* !OMBUD_SANITIZED */

int ombud_diag_oom_guard(const char *command, void (*discard)(void),
                         const char *(*current)(void))
{
#ifdef OMBUD_SANITIZED
    (void)command, (void)discard, (void)current;
    return 0;
#else
    unsigned long long mb = limit_mb();
    struct sigaction sa;
    stack_t ss;

    if (!mb)
        return 0;
    snprintf(guard_head, sizeof guard_head, "%s: out of memory (the "
             "address-space limit is %llu MB) while ", progname, mb);
    snprintf(guard_cmd, sizeof guard_cmd, "running %s %s", progname,
             command ? command : "");
    guard_discard = discard;
    guard_current = current;
    ss.ss_sp = guard_stack;
    ss.ss_size = sizeof guard_stack;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = oom_handler;
    sa.sa_flags = SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof guarded / sizeof guarded[0]; i++)
        sigaction(guarded[i], &sa, NULL);
    return 1;
#endif
}

/* A bug is a bug, limit or not: its abort must not read as memory. */
static void oom_guard_off(void)
{
    for (size_t i = 0; i < sizeof guarded / sizeof guarded[0]; i++)
        signal(guarded[i], SIG_DFL);
}

_Noreturn void ombud_bug(const char *file, int line, const char *msg)
{
    oom_guard_off();
    clear_progress();
    fprintf(stderr, "%s: BUG at %s:%d: %s\n", progname, file, line, msg);
    abort();
}
