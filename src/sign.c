/*
 * sign.c - Ed25519 keys and detached report signatures (see sign.h).
 *
 * libcrypto does the cryptography (EVP_PKEY Ed25519, PEM); GLib does
 * base64. The signature file is written beside the report through a
 * private temporary (mkstemp: created new, never through a planted link)
 * and renamed into place, as the reports are.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "ombud/diag.h"
#include "ombud/ingest.h"
#include "ombud/report.h"
#include "ombud/sha256.h"
#include "ombud/sign.h"

/* ---- small helpers ---------------------------------------------------------- */

static void hex_sha256(const void *p, size_t n, char out[65])
{
    ombud_sha256 *h = ombud_sha256_new();

    ombud_sha256_update(h, p, n);
    snprintf(out, 65, "%s", ombud_sha256_hex(h));
    ombud_sha256_free(h);
}

/* The whole of @path if it is at most @max bytes (g_free), else NULL. A
 * bounded loop, not stat: /dev/zero and pipes have no honest size. */
static char *read_small(const char *path, size_t max, size_t *n, int *too_big)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    size_t got;

    *too_big = 0;
    if (!fp)
        return NULL;
    buf = g_malloc(max + 1);
    got = fread(buf, 1, max + 1, fp);
    if (ferror(fp) || got > max) {
        *too_big = got > max;
        fclose(fp);
        g_free(buf);
        return NULL;
    }
    fclose(fp);
    buf[got] = '\0';
    *n = got;
    return buf;
}

/* "SHA256:<hex>" of a raw 32-byte public key. */
static void fingerprint_raw(const unsigned char raw[32], char *out, size_t size)
{
    char hex[65];

    hex_sha256(raw, 32, hex);
    snprintf(out, size, "SHA256:%s", hex);
}

static int raw_public(EVP_PKEY *k, unsigned char raw[32])
{
    size_t n = 32;

    return EVP_PKEY_get_raw_public_key(k, raw, &n) == 1 && n == 32 ? 0 : -1;
}

/* A PEM key (private when @private) from @path, Ed25519 only. */
static ombud_err load_key(const char *path, int private, EVP_PKEY **out)
{
    size_t n;
    int big;
    char *pem = read_small(path, OMBUD_KEY_MAX, &n, &big);
    BIO *bio;

    *out = NULL;
    if (!pem)
        return big ? ombud_error(OMBUD_E_DATA, NULL, "%s: larger than %d bytes: "
                                 "not a key file", path, OMBUD_KEY_MAX)
                   : ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read key %s: %s",
                                 path, strerror(errno));
    bio = BIO_new_mem_buf(pem, (int)n);
    *out = private ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL)
                   : PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
    /* A private key file also gives its public half. */
    if (!*out && !private) {
        BIO_free(bio);
        bio = BIO_new_mem_buf(pem, (int)n);
        *out = PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL);
    }
    BIO_free(bio);
    g_free(pem);
    if (!*out || EVP_PKEY_id(*out) != EVP_PKEY_ED25519) {
        EVP_PKEY_free(*out);
        *out = NULL;
        return ombud_error(OMBUD_E_DATA, NULL, "%s: not an Ed25519 %s key in "
                           "PEM form (make one with ombud keygen)", path,
                           private ? "private" : "public");
    }
    return OMBUD_OK;
}

/* Write @n bytes to a new file @path with @mode; never over a link or an
 * existing file. */
static ombud_err write_new(const char *path, const void *p, size_t n, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode);

    if (fd < 0)
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot create %s: %s%s",
                           path, strerror(errno), errno == EEXIST ? " (remove "
                           "it first: keys are never overwritten)" : "");
    if (write(fd, p, n) != (ssize_t)n || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(path);
        return ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s", path,
                           strerror(e));
    }
    close(fd);
    return OMBUD_OK;
}

/* Replace @path with @n bytes: a private temporary in the same folder,
 * then rename. */
static ombud_err write_replace(const char *path, const char *p, size_t n)
{
    char *tmp = g_strdup_printf("%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    ombud_err err = OMBUD_OK;

    if (fd < 0) {
        err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s", path,
                          strerror(errno));
    } else {
        if (write(fd, p, n) != (ssize_t)n || fsync(fd) != 0 ||
            fchmod(fd, 0644) != 0)
            err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s",
                              path, strerror(errno));
        close(fd);
        if (!err && rename(tmp, path) != 0)
            err = ombud_error(OMBUD_E_CANTCREAT, NULL, "cannot write %s: %s",
                              path, strerror(errno));
        if (err)
            unlink(tmp);
    }
    g_free(tmp);
    return err;
}

/* PEM text of @k (private or public) as a g_malloc'd string. */
static char *pem_of(EVP_PKEY *k, int private)
{
    BIO *bio = BIO_new(BIO_s_mem());
    char *data, *out = NULL;
    long n;

    if (bio && (private ? PEM_write_bio_PrivateKey(bio, k, NULL, NULL, 0, NULL,
                                                   NULL)
                        : PEM_write_bio_PUBKEY(bio, k)) == 1 &&
        (n = BIO_get_mem_data(bio, &data)) > 0)
        out = g_strndup(data, (gsize)n);
    BIO_free(bio);
    return out;
}

/* ---- keygen ------------------------------------------------------------------- */

ombud_err ombud_keygen(const char *base, char *fingerprint, size_t size)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(NULL, NULL, "ED25519");
    char *priv = k ? pem_of(k, 1) : NULL, *pub = k ? pem_of(k, 0) : NULL;
    char *kpath = g_strdup_printf("%s.key", base);
    char *ppath = g_strdup_printf("%s.pub", base);
    unsigned char raw[32];
    ombud_err err;

    if (!k || !priv || !pub || raw_public(k, raw))
        err = ombud_error(OMBUD_E_INTERNAL, NULL, "cannot make an Ed25519 key "
                          "(libcrypto)");
    else if (!(err = write_new(kpath, priv, strlen(priv), 0600)) &&
             (err = write_new(ppath, pub, strlen(pub), 0644)))
        unlink(kpath);
    if (!err)
        fingerprint_raw(raw, fingerprint, size);
    if (priv)
        OPENSSL_cleanse(priv, strlen(priv));
    g_free(priv);
    g_free(pub);
    g_free(kpath);
    g_free(ppath);
    EVP_PKEY_free(k);
    return err;
}

ombud_err ombud_key_fingerprint(const char *pub, char *out, size_t size)
{
    EVP_PKEY *k;
    unsigned char raw[32];
    ombud_err err = load_key(pub, 0, &k);

    if (!err && raw_public(k, raw))
        err = ombud_error(OMBUD_E_DATA, NULL, "%s: cannot read its public key",
                          pub);
    if (!err)
        fingerprint_raw(raw, out, size);
    EVP_PKEY_free(k);
    return err;
}

ombud_err ombud_sign_key_check(const char *key, char *fp, size_t size)
{
    EVP_PKEY *k;
    unsigned char raw[32];
    ombud_err err = load_key(key, 1, &k);

    if (!err && raw_public(k, raw))
        err = ombud_error(OMBUD_E_DATA, NULL, "%s: cannot read its public half",
                          key);
    if (!err)
        fingerprint_raw(raw, fp, size);
    EVP_PKEY_free(k);
    return err;
}

/* ---- signing ------------------------------------------------------------------ */

/* The signed lines of a report's signature. */
static char *signed_part(const unsigned char raw[32], const char *report,
                         const char *report_sha, const char *manifest)
{
    char fp[80], msha[65], *b64 = g_base64_encode(raw, 32), *out;
    const char *name = strrchr(report, '/') ? strrchr(report, '/') + 1 : report;
    GString *clean = g_string_new(NULL);

    /* The name is informational; keep it to one printable line. */
    for (const char *p = name; *p; p++)
        g_string_append_c(clean, (unsigned char)*p < 0x20 ? '?' : *p);
    fingerprint_raw(raw, fp, sizeof fp);
    hex_sha256(manifest, strlen(manifest), msha);
    out = g_strdup_printf("ombud-signature 1\nalgorithm: ed25519\nkey: %s\n"
                          "public-key: %s\nfile: %s\nreport-sha256: %s\n"
                          "manifest-sha256: %s\n", fp, b64, clean->str,
                          report_sha, msha);
    g_string_free(clean, TRUE);
    g_free(b64);
    return out;
}

ombud_err ombud_sign_report(const char *key, const char *report)
{
    EVP_PKEY *k = NULL;
    EVP_MD_CTX *md = NULL;
    ombud_readback rb;
    unsigned char raw[32], sig[64];
    size_t siglen = sizeof sig;
    char rsha[65], *head = NULL, *b64, *text, *path;
    int64_t bytes;
    ombud_err err;

    if ((err = load_key(key, 1, &k)))
        return err;
    if ((err = ombud_report_read(report, &rb))) {
        EVP_PKEY_free(k);
        return err;
    }
    if ((err = ombud_file_sha256(report, rsha, &bytes)) || raw_public(k, raw)) {
        err = ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s", report);
        goto done;
    }
    head = signed_part(raw, report, rsha, rb.manifest);
    if (!(md = EVP_MD_CTX_new()) ||
        EVP_DigestSignInit(md, NULL, NULL, NULL, k) != 1 ||
        EVP_DigestSign(md, sig, &siglen, (const unsigned char *)head,
                       strlen(head)) != 1) {
        err = ombud_error(OMBUD_E_INTERNAL, NULL, "cannot sign %s (libcrypto)",
                          report);
        goto done;
    }
    b64 = g_base64_encode(sig, siglen);
    text = g_strdup_printf("%ssignature: %s\n", head, b64);
    path = g_strdup_printf("%s.sig", report);
    err = write_replace(path, text, strlen(text));
    g_free(b64);
    g_free(text);
    g_free(path);
done:
    g_free(head);
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(k);
    ombud_readback_free(&rb);
    return err;
}

/* ---- checking ----------------------------------------------------------------- */

/* The value of line "@key: value" in @text (the first such line), or NULL. */
static char *line_value(const char *text, const char *key)
{
    size_t n = strlen(key);

    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1
                                                             : NULL)
        if (!strncmp(p, key, n) && p[n] == ':' && p[n + 1] == ' ')
            return g_strndup(p + n + 2, strcspn(p + n + 2, "\n"));
    return NULL;
}

static int fail(ombud_sig_result *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int fail(ombud_sig_result *out, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(out->why, sizeof out->why, fmt, ap);
    va_end(ap);
    out->holds = 0;
    return 0;
}

/* The checks on a parsed signature file, in the order a reader needs them. */
static void check_text(const char *text, const char *report, const char *manifest,
                       EVP_PKEY *given, ombud_sig_result *out)
{
    char *b64key = line_value(text, "public-key"), *keyfp = line_value(text, "key");
    char *rsha = line_value(text, "report-sha256");
    char *msha = line_value(text, "manifest-sha256");
    char *b64sig = line_value(text, "signature"), *alg = line_value(text, "algorithm");
    const char *sigline = strstr(text, "\nsignature: ");
    guchar *raw = NULL, *sig = NULL;
    gsize rawn = 0, sign = 0;
    char fp[80], real[65], mreal[65], gfp[80];
    unsigned char graw[32];
    EVP_PKEY *k = NULL;
    EVP_MD_CTX *md = NULL;
    int64_t bytes;

    out->holds = 0;
    if (strncmp(text, "ombud-signature 1\n", 18) || !b64key || !keyfp || !rsha ||
        !msha || !b64sig || !alg || !sigline || strcmp(alg, "ed25519")) {
        fail(out, "the signature file is not an ombud Ed25519 signature (a "
             "line is missing or changed)");
        goto done;
    }
    {
        const char *after = sigline + 12 + strlen(b64sig);
        if (strcmp(after, "\n") && strcmp(after, "")) {
            fail(out, "the signature file has text after its signature line, "
                 "which the signature does not cover");
            goto done;
        }
    }
    raw = g_base64_decode(b64key, &rawn);
    sig = g_base64_decode(b64sig, &sign);
    if (rawn != 32 || sign != 64) {
        fail(out, "the signature file's public key or signature is damaged");
        goto done;
    }
    fingerprint_raw(raw, fp, sizeof fp);
    snprintf(out->key, sizeof out->key, "%s", fp);
    if (strcmp(fp, keyfp)) {
        fail(out, "the signature file names key %s but carries key %s", keyfp,
             fp);
        goto done;
    }
    if (!(k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, raw, 32)) ||
        !(md = EVP_MD_CTX_new()) ||
        EVP_DigestVerifyInit(md, NULL, NULL, NULL, k) != 1 ||
        EVP_DigestVerify(md, sig, 64, (const unsigned char *)text,
                         (size_t)(sigline - text + 1)) != 1) {
        fail(out, "the signature does not hold: the signature file was "
             "changed after it was made, or was not made with key %.23s...", fp);
        goto done;
    }
    if (ombud_file_sha256(report, real, &bytes)) {
        fail(out, "cannot read %s", report);
        goto done;
    }
    if (strcmp(real, rsha)) {
        fail(out, "the signed report had SHA-256 %s, this file has %s: it is "
             "not the file that was signed", rsha, real);
        goto done;
    }
    hex_sha256(manifest, strlen(manifest), mreal);
    if (strcmp(mreal, msha)) {
        fail(out, "the signed manifest had SHA-256 %s, this report's has %s",
             msha, mreal);
        goto done;
    }
    if (given && !raw_public(given, graw) && memcmp(graw, raw, 32)) {
        fingerprint_raw(graw, gfp, sizeof gfp);
        fail(out, "it was signed by key %s, not by the key given (%s)", fp, gfp);
        goto done;
    }
    out->holds = 1;
done:
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(k);
    g_free(raw);
    g_free(sig);
    g_free(b64key);
    g_free(keyfp);
    g_free(rsha);
    g_free(msha);
    g_free(b64sig);
    g_free(alg);
}

ombud_err ombud_sig_check(const char *sig, const char *report,
                          const char *manifest, const char *pub,
                          ombud_sig_result *out)
{
    EVP_PKEY *given = NULL;
    size_t n;
    int big;
    char *text;
    ombud_err err;

    memset(out, 0, sizeof *out);
    if (pub && (err = load_key(pub, 0, &given)))
        return err;
    if (!(text = read_small(sig, OMBUD_SIG_MAX, &n, &big))) {
        EVP_PKEY_free(given);
        if (big) {
            fail(out, "the signature file is larger than %d bytes: not an ombud "
                 "signature", OMBUD_SIG_MAX);
            return OMBUD_OK;
        }
        return ombud_error(OMBUD_E_NOINPUT, NULL, "cannot read %s: %s", sig,
                           strerror(errno));
    }
    if (strlen(text) != n)
        fail(out, "the signature file holds a NUL byte: not an ombud signature");
    else
        check_text(text, report, manifest, given, out);
    g_free(text);
    EVP_PKEY_free(given);
    return OMBUD_OK;
}
