/*
 * outfile.c - report files written in a private folder, renamed into place.
 *
 * Why a folder and not just mkstemp(3) beside the target: libxlsxwriter
 * opens its output by name when the workbook is closed, long after we
 * created the file; in a folder others can write, the name could be
 * swapped for a link in between. Inside a mode-0700 folder of our own no
 * one but root can add or swap a name, and we hand the library a
 * /proc/self/fd path of the folder we opened, which cannot be redirected
 * even if the folder itself is renamed away. mkdtemp(3) and
 * O_CREAT|O_EXCL|O_NOFOLLOW both refuse a name that already exists, link
 * or not, so a planted link is never followed: mkdtemp just picks another
 * name.
 *
 * The folders still open are kept in a small registry that the
 * out-of-memory handler (diag.c) empties with unlink/rmdir only.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ombud/diag.h"
#include "ombud/outfile.h"

/* Files written at once: run writes at most two, synth one. */
#define SLOTS 8

/* The registry the signal handler reads: plain arrays, no allocation. */
static struct {
    char file[4300];                /* the temporary file's real path */
    char dir[4200];                 /* the private folder */
    const char *final;              /* the final name (the caller's) */
    volatile sig_atomic_t used;     /* set last on register, first on release */
} slots[SLOTS];

static int slot_take(const ombud_outfile *of)
{
    for (int i = 0; i < SLOTS; i++) {
        if (slots[i].used)
            continue;
        snprintf(slots[i].dir, sizeof slots[i].dir, "%s", of->dir);
        snprintf(slots[i].file, sizeof slots[i].file, "%s/%s", of->dir,
                 of->base);
        slots[i].final = of->path;
        slots[i].used = 1;
        return i;
    }
    return -1;      /* only the signal handler's clean-up is lost */
}

static void slot_release(int i)
{
    if (i >= 0)
        slots[i].used = 0;
}

void ombud_outfile_discard_all_signal_safe(void)
{
    for (int i = 0; i < SLOTS; i++) {
        if (!slots[i].used)
            continue;
        unlink(slots[i].file);
        rmdir(slots[i].dir);
    }
}

const char *ombud_outfile_current(void)
{
    for (int i = SLOTS - 1; i >= 0; i--)
        if (slots[i].used)
            return slots[i].final;
    return NULL;
}

static ombud_err fail(const ombud_outfile *of, int e)
{
    return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s",
                       of->path, strerror(e));
}

/* The name libraries open: through our folder's descriptor when /proc
 * shows it (so the folder cannot be swapped), else the folder's path. */
static void library_path(ombud_outfile *of)
{
    struct stat a, b;
    char proc[64];

    snprintf(proc, sizeof proc, "/proc/self/fd/%d", of->dirfd);
    if (stat(proc, &a) == 0 && fstat(of->dirfd, &b) == 0 &&
        a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        snprintf(of->tmp, sizeof of->tmp, "%s/%s", proc, of->base);
    else
        snprintf(of->tmp, sizeof of->tmp, "%s/%s", of->dir, of->base);
}

ombud_err ombud_outfile_open(ombud_outfile *of, const char *path)
{
    const char *slash;
    int dlen;

    assert(of && path);
    memset(of, 0, sizeof *of);
    of->path = path;
    of->dirfd = of->fd = of->slot = -1;
    slash = strrchr(path, '/');
    of->base = slash ? slash + 1 : path;
    dlen = slash ? (int)(slash - path) + 1 : 0;
    if (!*of->base || !strcmp(of->base, ".") || !strcmp(of->base, ".."))
        return fail(of, EISDIR);
    if (strlen(path) > 4000)
        return fail(of, ENAMETOOLONG);
    /* 200 bytes of the name keep ".NAME.tmp-XXXXXX" under NAME_MAX. */
    snprintf(of->dir, sizeof of->dir, "%.*s.%.200s.tmp-XXXXXX", dlen, path,
             of->base);
    if (!mkdtemp(of->dir))
        return fail(of, errno);
    of->dirfd = open(of->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (of->dirfd >= 0)
        of->fd = openat(of->dirfd, of->base, O_WRONLY | O_CREAT | O_EXCL |
                        O_NOFOLLOW | O_CLOEXEC, 0666);
    if (of->fd < 0) {
        int e = errno;
        ombud_outfile_abort(of, NULL);
        return fail(of, e);
    }
    library_path(of);
    of->slot = slot_take(of);
    return OMBUD_OK;
}

FILE *ombud_outfile_stream(ombud_outfile *of)
{
    FILE *fp;

    assert(of->fd >= 0);
    if (!(fp = fdopen(of->fd, "wb")))
        return NULL;
    return fp;
}

/* Close the temporary file (through @p fp when given); the first error. */
static int close_file(ombud_outfile *of, FILE *fp, int e)
{
    if (fp) {
        if (fclose(fp) != 0 && !e)
            e = errno ? errno : EIO;
    } else if (of->fd >= 0 && close(of->fd) != 0 && !e) {
        e = errno ? errno : EIO;
    }
    of->fd = -1;
    return e;
}

/* Best effort: make the rename itself durable. */
static void sync_parent(const ombud_outfile *of)
{
    char d[4200];
    int fd;

    snprintf(d, sizeof d, "%.*s", (int)(of->base - of->path), of->path);
    if ((fd = open(*d ? d : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
        fsync(fd);
        close(fd);
    }
}

ombud_err ombud_outfile_commit(ombud_outfile *of, FILE *fp)
{
    int e = 0;

    assert(of->dirfd >= 0);
    if (fp && (fflush(fp) != 0 || ferror(fp)))
        e = errno ? errno : EIO;
    if (!e && fsync(fp ? fileno(fp) : of->fd) != 0)
        e = errno;
    e = close_file(of, fp, e);
    if (!e && renameat(of->dirfd, of->base, AT_FDCWD, of->path) != 0)
        e = errno;
    if (e) {
        ombud_outfile_abort(of, NULL);
        return fail(of, e);
    }
    sync_parent(of);
    ombud_outfile_abort(of, NULL);      /* the folder, now empty */
    return OMBUD_OK;
}

void ombud_outfile_abort(ombud_outfile *of, FILE *fp)
{
    close_file(of, fp, 0);
    if (of->dirfd >= 0) {
        unlinkat(of->dirfd, of->base, 0);   /* gone already after a rename */
        close(of->dirfd);
        of->dirfd = -1;
    }
    if (of->dir[0])
        rmdir(of->dir);
    of->dir[0] = '\0';
    slot_release(of->slot);     /* last: a signal meanwhile cleans up too */
    of->slot = -1;
}
