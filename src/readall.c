/*
 * readall.c - a whole small file into memory, never more than a limit.
 *
 * The buffer grows by doubling up to the limit plus one byte: reading one
 * byte past the limit is how a file too large is told from one exactly at
 * it, whatever stat(2) says (nothing for a FIFO, 0 for /dev/zero).
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ombud/diag.h"
#include "ombud/readall.h"

/* "1 MiB", "4 MiB", "512 bytes": the limit as a person reads it. */
static void limit_text(size_t limit, char *buf, size_t size)
{
    if (limit >= (1u << 20) && limit % (1u << 20) == 0)
        snprintf(buf, size, "%zu MiB", limit >> 20);
    else if (limit >= 1024 && limit % 1024 == 0)
        snprintf(buf, size, "%zu KiB", limit >> 10);
    else
        snprintf(buf, size, "%zu bytes", limit);
}

/* Read @p fd into *buf until EOF or more than @p limit bytes. */
static int read_bounded(int fd, size_t limit, char **buf, size_t *len)
{
    size_t cap = 0, n = 0;
    char *b = NULL;

    for (;;) {
        ssize_t got;
        if (n == cap) {
            size_t want = cap ? cap * 2 : 8192;
            char *nb;
            if (want > limit + 1)
                want = limit + 1;
            if (want <= cap)
                break;                  /* limit + 1 bytes read: too large */
            if (!(nb = realloc(b, want + 1))) {
                free(b);
                return ENOMEM;
            }
            b = nb, cap = want;
        }
        got = read(fd, b + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(b);
            return e;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    b[n] = '\0';
    *buf = b, *len = n;
    return 0;
}

ombud_err ombud_read_all(const char *path, size_t limit, const char *what,
                         char **out, size_t *len)
{
    ombud_loc loc = {path, 0, 0};
    struct stat sb;
    char lim[32];
    int fd, e;

    assert(path && what && out && len && limit > 0);
    *out = NULL, *len = 0;
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot open %s %s: %s",
                           what, path, strerror(errno));
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode))
        e = EISDIR;
    else
        e = read_bounded(fd, limit, out, len);
    close(fd);
    if (e == ENOMEM)
        return ombud_error(OMBUD_E_NOMEM, NULL, "cannot read %s %s: out of "
                           "memory", what, path);
    if (e)
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s %s: %s",
                           what, path, strerror(e));
    if (*len > limit) {
        free(*out);
        *out = NULL, *len = 0;
        limit_text(limit, lim, sizeof lim);
        return ombud_error(OMBUD_E_DATA, &loc, "%s larger than %s, the most "
                           "ombud reads; is it the right file?", what, lim);
    }
    return OMBUD_OK;
}
