/*
 * sha256.c - SHA-256 through OpenSSL's EVP interface (see sha256.h for
 * why not GLib's).
 */
#include <stdio.h>
#include <stdlib.h>
#include <openssl/evp.h>

#include "ombud/sha256.h"

struct ombud_sha256 {
    EVP_MD_CTX *md;    /* the running hash (owned) */
    int done;          /* hex holds the final digest */
    char hex[65];
};

ombud_sha256 *ombud_sha256_new(void)
{
    ombud_sha256 *h = calloc(1, sizeof *h);

    if (!h)
        return NULL;
    if (!(h->md = EVP_MD_CTX_new()) ||
        EVP_DigestInit_ex(h->md, EVP_sha256(), NULL) != 1) {
        ombud_sha256_free(h);
        return NULL;
    }
    return h;
}

void ombud_sha256_update(ombud_sha256 *h, const void *p, size_t n)
{
    if (!h->done && n)
        EVP_DigestUpdate(h->md, p, n);
}

const char *ombud_sha256_hex(ombud_sha256 *h)
{
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0;

    if (!h->done) {
        EVP_DigestFinal_ex(h->md, d, &n);
        for (unsigned int i = 0; i < n && i < 32; i++)
            snprintf(h->hex + 2 * i, 3, "%02x", d[i]);
        h->done = 1;
    }
    return h->hex;
}

void ombud_sha256_free(ombud_sha256 *h)
{
    if (!h)
        return;
    EVP_MD_CTX_free(h->md);
    free(h);
}
