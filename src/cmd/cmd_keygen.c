/*
 * cmd_keygen.c - `ombud keygen`: a key pair to sign filings with; and the
 * --sign step the report-writing commands share.
 */
#include <getopt.h>
#include <stdio.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/sign.h"

const char ombud_help_keygen[] =
    "usage: ombud keygen --out NAME\n"
    "\n"
    "Make an Ed25519 key pair for signing reports: NAME.key, the private\n"
    "key (PEM, readable by you alone: keep it secret), and NAME.pub, the\n"
    "public key to hand to the commission with your filings. Existing files\n"
    "are never overwritten. The key's fingerprint is printed: publish it, so\n"
    "that a reviewer can tell your signature from anyone else's.\n"
    "\n"
    "Sign with --sign NAME.key on 'ombud run', 'ombud report' and 'ombud\n"
    "complaint': each report gets a detached signature REPORT.sig (text)\n"
    "over its SHA-256 and its manifest. 'ombud verify' checks it (with\n"
    "--key NAME.pub, that it is yours) besides re-deriving the report.\n"
    "\n"
    "example:\n"
    "  ombud keygen --out filer\n"
    "  ombud run ... --out out --sign filer.key\n"
    "  ombud verify --report out/report.pdf --inputs files/ --key filer.pub\n";

int ombud_cmd_keygen(int argc, char **argv)
{
    static const struct option opts[] = {
        {"out", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *out = NULL;
    char fp[80];
    int c;
    ombud_err err;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'o': out = optarg; break;
        case 'h': fputs(ombud_help_keygen, stdout); return OMBUD_EXIT_OK;
        default:
            return ombud_usage_error("keygen", c == ':' ? "option needs a "
                                     "value:" : "unknown option",
                                     argv[optind - 1]);
        }
    }
    if (optind < argc)
        return ombud_usage_error("keygen", "unexpected argument", argv[optind]);
    if (!out || !*out)
        return ombud_usage_error("keygen", "--out NAME is required", NULL);
    if ((err = ombud_keygen(out, fp, sizeof fp)))
        return ombud_exit_code(err);
    printf("wrote %s.key (private: keep it secret) and %s.pub (public)\n"
           "fingerprint: %s\n", out, out, fp);
    return OMBUD_EXIT_OK;
}

ombud_err ombud_sign_written(const char *key, const char *path)
{
    ombud_err err;

    if (!key)
        return OMBUD_OK;
    if (!(err = ombud_sign_report(key, path)))
        ombud_info("signed %s (%s.sig)", path, path);
    return err;
}

int ombud_sign_option(const char *key)
{
    char fp[80];

    if (!key)
        return 0;
    return ombud_exit_code(ombud_sign_key_check(key, fp, sizeof fp));
}
