/*
 * readall.h - read a whole (small) file into memory, with a size limit.
 *
 * Files ombud reads whole (the guarantees file, a letter template) are
 * small by nature; without a limit `--letter /dev/zero` grew to gigabytes.
 * The read is a bounded loop, never a stat(2) size, so /dev/zero, a FIFO
 * or a file still growing stop at the limit too.
 */
#ifndef OMBUD_READALL_H
#define OMBUD_READALL_H

#include <stddef.h>
#include "ombud/err.h"

/** The largest guarantees file ombud reads: 4 MiB (the templates are ~10 KB). */
#define OMBUD_GUARANTEES_MAX_BYTES (4u << 20)
/** The largest letter template (`complaint --letter`): 1 MiB. */
#define OMBUD_LETTER_MAX_BYTES (1u << 20)

/**
 * @brief Read all of @p path, at most @p limit bytes.
 * @param what  what the file is, for messages ("letter template").
 * @param out   receives the bytes plus a terminating NUL (free with free());
 *              NULL on failure.
 * @param len   receives the number of bytes read (without the NUL).
 * @return OMBUD_OK; OMBUD_E_NOINPUT when the file cannot be opened or read
 * (a directory included); OMBUD_E_DATA when it holds more than @p limit
 * bytes; OMBUD_E_NOMEM. A message naming @p path (and the limit) is printed.
 *
 * @code
 * char *text; size_t n;
 * if ((err = ombud_read_all(path, OMBUD_LETTER_MAX_BYTES, "letter template",
 *                           &text, &n)))
 *     return err;
 * @endcode
 */
ombud_err ombud_read_all(const char *path, size_t limit, const char *what,
                         char **out, size_t *len);

#endif
