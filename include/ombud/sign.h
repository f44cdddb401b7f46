/*
 * sign.h - signed filings: Ed25519 keys and detached report signatures.
 *
 * A filer makes a key pair once (`ombud keygen`), publishes the public key
 * or its fingerprint, and signs each report it files (`--sign KEY`). The
 * signature is a small text file beside the report, REPORT.sig:
 *
 *   ombud-signature 1
 *   algorithm: ed25519
 *   key: SHA256:<64 hex digits: SHA-256 of the 32-byte public key>
 *   public-key: <base64 of the 32-byte public key>
 *   file: report.pdf
 *   report-sha256: <64 hex digits>
 *   manifest-sha256: <64 hex digits: SHA-256 of the manifest line>
 *   signature: <base64 of the 64-byte Ed25519 signature>
 *
 * The signature is over the bytes of every line before "signature:",
 * newlines included, exactly as written. It binds the report's bytes and
 * the manifest they carry to the key; it says nothing of whether the
 * figures follow from the inputs: `ombud verify` re-derives the report for
 * that, and checks both when both are possible.
 *
 * All of it is OpenSSL's libcrypto (EVP, PEM); keys are PEM files: the
 * private key PKCS#8, written 0600 and never over an existing file, the
 * public key SubjectPublicKeyInfo.
 */
#ifndef OMBUD_SIGN_H
#define OMBUD_SIGN_H

#include <stddef.h>
#include "ombud/err.h"

/** Longest key file read, in bytes (a PEM Ed25519 key is about 120). */
#define OMBUD_KEY_MAX 16384
/** Longest signature file read, in bytes. */
#define OMBUD_SIG_MAX 16384

/**
 * @brief Make a key pair: @p base.key (private, mode 0600) and @p base.pub.
 * Neither may exist already.
 * @param fingerprint receives "SHA256:<hex>" (at least 72 bytes).
 * @return OMBUD_OK, OMBUD_E_CANTCREAT (a message is printed).
 */
ombud_err ombud_keygen(const char *base, char *fingerprint, size_t size);

/**
 * @brief Sign report @p report (an ombud XLSX or PDF) with the private key
 * in @p key: writes @p report.sig (replacing one that is there).
 * @return OMBUD_OK; OMBUD_E_NOINPUT (unreadable key or report);
 * OMBUD_E_DATA (not an Ed25519 private key, or not an ombud report);
 * OMBUD_E_CANTCREAT. A message is printed.
 */
ombud_err ombud_sign_report(const char *key, const char *report);

/**
 * @brief Check that @p key is a usable Ed25519 private key file before a
 * long job, and give its public fingerprint into @p fp.
 * @return OMBUD_OK, OMBUD_E_NOINPUT, OMBUD_E_DATA (a message is printed).
 */
ombud_err ombud_sign_key_check(const char *key, char *fp, size_t size);

/** What checking a signature found. */
typedef struct ombud_sig_result {
    char key[80];         /**< "SHA256:<hex>" of the key that signed */
    int holds;            /**< 1 when everything below checked out */
    char why[600];        /**< when it does not hold: why, in words */
} ombud_sig_result;

/**
 * @brief Check signature file @p sig of @p report, whose manifest line is
 * @p manifest. With @p pub (a public key file, or NULL), the signature must
 * also be by that key.
 * @return OMBUD_OK with @p out filled (holds or not); OMBUD_E_NOINPUT when
 * @p sig or @p pub cannot be read (a message is printed).
 */
ombud_err ombud_sig_check(const char *sig, const char *report,
                          const char *manifest, const char *pub,
                          ombud_sig_result *out);

/**
 * @brief The fingerprint of the public key in file @p pub into @p out.
 * @return OMBUD_OK, OMBUD_E_NOINPUT, OMBUD_E_DATA (not an Ed25519 key).
 */
ombud_err ombud_key_fingerprint(const char *pub, char *out, size_t size);

#endif
