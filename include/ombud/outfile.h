/*
 * outfile.h - a report file written privately and renamed into place.
 *
 * Anyone who can write the output folder could plant a symbolic link at a
 * predictable temporary name (FILE.tmp) and have ombud write through it to
 * any file the user can write. So a report is first written into a private
 * folder made by mkdtemp(3) beside the target (".FILE.tmp-XXXXXX", mode
 * 0700: no one else can put anything inside it), to a file created there
 * with O_CREAT|O_EXCL|O_NOFOLLOW; when complete it is fsync'd and renamed
 * onto FILE, and the folder removed. On failure (or on a fatal signal, see
 * ombud_outfile_discard_all_signal_safe) the file and folder are removed,
 * so FILE is either the earlier file or the complete new one.
 *
 * Libraries that open their output by name (libxlsxwriter) are given a
 * path through /proc/self/fd of the folder we opened, so even a folder
 * renamed or replaced behind our back is not followed; without /proc the
 * folder's own path is used (still private, mode 0700).
 */
#ifndef OMBUD_OUTFILE_H
#define OMBUD_OUTFILE_H

#include <stdio.h>
#include "ombud/err.h"

/** One report file being written; fields are private to outfile.c. */
typedef struct ombud_outfile {
    const char *path;       /**< the final name (borrowed from the caller) */
    char dir[4200];         /**< the private folder, as created */
    char tmp[4300];         /**< the file inside it, for libraries: open by name */
    const char *base;       /**< the final name's last component (in path) */
    int dirfd;              /**< the private folder, or -1 */
    int fd;                 /**< the temporary file, or -1 */
    int slot;               /**< registry slot for the signal handler, or -1 */
} ombud_outfile;

/**
 * @brief Make the private folder and the empty temporary file for @p path.
 * @param of   filled in; release with ombud_outfile_commit() or
 *             ombud_outfile_abort().
 * @param path the final name; borrowed, must outlive @p of.
 * @return OMBUD_OK; OMBUD_E_CANTCREAT with a message naming @p path.
 *
 * @code
 * ombud_outfile of;
 * FILE *fp;
 * if ((err = ombud_outfile_open(&of, "report.pdf")))
 *     return err;
 * fp = ombud_outfile_stream(&of);    // or give a library of.tmp
 * ... write ...
 * return ombud_outfile_commit(&of);  // closes fp; abort on any failure
 * @endcode
 */
ombud_err ombud_outfile_open(ombud_outfile *of, const char *path);

/**
 * @brief A stdio stream on the temporary file. The stream owns the file
 * descriptor from now on; ombud_outfile_commit()/abort() close it.
 * @return the stream, or NULL when out of memory (then abort).
 */
FILE *ombud_outfile_stream(ombud_outfile *of);

/**
 * @brief Flush and fsync the temporary file, rename it onto the final
 * name and remove the private folder. On any failure the temporary is
 * removed, the final name is untouched, and a message names the path.
 * @param fp the stream from ombud_outfile_stream(), or NULL when a library
 *           wrote of->tmp by name and has closed it.
 * @return OMBUD_OK or OMBUD_E_CANTCREAT.
 */
ombud_err ombud_outfile_commit(ombud_outfile *of, FILE *fp);

/**
 * @brief Remove the temporary file and the private folder; the final name
 * is untouched. @p fp as for commit. Cannot fail; safe to call twice.
 */
void ombud_outfile_abort(ombud_outfile *of, FILE *fp);

/**
 * @brief Remove every temporary file and private folder still open, from
 * a fatal-signal handler: async-signal-safe (unlink and rmdir only).
 */
void ombud_outfile_discard_all_signal_safe(void);

/**
 * @brief The final name of the report being written, for the out-of-memory
 * message; NULL when none. Async-signal-safe.
 */
const char *ombud_outfile_current(void);

#endif
