/*
 * sha256.h - SHA-256 of a byte stream, as 64 lower-case hex digits.
 *
 * Every input file is hashed while it is parsed, and the findings digest
 * hashes every findings row: at carrier scale that is gigabytes. GLib's
 * portable SHA-256 ran at ~134 MB/s here (14 % of an import); OpenSSL's
 * libcrypto uses the CPU's SHA instructions (~1 GB/s on this machine) and
 * is already loaded into the process by our other dependencies.
 *
 * Ownership: ombud_sha256_new() returns a context the caller frees with
 * ombud_sha256_free(); the string from ombud_sha256_hex() belongs to the
 * context.
 */
#ifndef OMBUD_SHA256_H
#define OMBUD_SHA256_H

#include <stddef.h>

typedef struct ombud_sha256 ombud_sha256;

/** A new context; NULL when out of memory. */
ombud_sha256 *ombud_sha256_new(void);

/** Hash @p n more bytes. Must not be called after ombud_sha256_hex(). */
void ombud_sha256_update(ombud_sha256 *h, const void *p, size_t n);

/**
 * The digest of everything hashed, as 64 hex digits (owned by @p h). The
 * first call finishes the hash; later calls return the same string.
 */
const char *ombud_sha256_hex(ombud_sha256 *h);

/** Free @p h (NULL is fine). */
void ombud_sha256_free(ombud_sha256 *h);

#endif
