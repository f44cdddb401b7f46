/*
 * cmd_profile.c - `ombud profile guess|check`: write a starting import
 * profile from a file, and try a profile on a file without storing it.
 * Argument parsing and printing only; the work is in profile_guess.c.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/profile.h"

const char ombud_help_profile[] =
    "usage: ombud profile guess FILE --kind KIND\n"
    "       ombud profile check PROFILE FILE [--tz ZONE] [-v]\n"
    "\n"
    "An import profile describes an export as it is (its delimiter,\n"
    "encoding, lines above and below the header, which of its columns make\n"
    "each of ombud's, how its dates are written, what means blank) so that\n"
    "ingest, run and verify read it with --profile FILE. See \"Bring your\n"
    "own export\" in the README.\n"
    "\n"
    "guess   print a starting profile for FILE of KIND (outages, calls,\n"
    "        billing, appointments, orders, accounts) on stdout, from its\n"
    "        first 64 KiB: encoding, delimiter, lines before the header, the\n"
    "        columns whose headers match ombud's names, date patterns that\n"
    "        read the first rows, blank words such as NA. Read it and fill\n"
    "        in what it could not match before using it.\n"
    "check   read FILE through PROFILE without storing anything and print\n"
    "        its counts (read, stored, rejected) and the first rejects, as\n"
    "        ingest would. --tz is the zone of times without an offset when\n"
    "        the profile names none (default UTC); -v prints every reject.\n"
    "\n"
    "exit status: 0 done (check: even with rejected rows); 64 usage; 65 a\n"
    "bad profile or a file it cannot read; 66 a file is missing.\n";

static int guess(int argc, char **argv)
{
    static const struct option opts[] = {
        {"kind", required_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *kind = NULL;
    int c;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (c == 'k')
            kind = optarg;
        else if (c == 'h')
            return fputs(ombud_help_profile, stdout), OMBUD_EXIT_OK;
        else
            return ombud_usage_error("profile", c == ':' ? "option needs a "
                                     "value:" : "unknown option",
                                     argv[optind - 1]);
    }
    if (optind + 1 != argc)
        return ombud_usage_error("profile", "guess takes one FILE", NULL);
    if (!kind)
        return ombud_usage_error("profile", "guess needs --kind KIND", NULL);
    return ombud_exit_code(ombud_profile_guess(argv[optind], kind));
}

static int check(int argc, char **argv)
{
    static const struct option opts[] = {
        {"tz", required_argument, NULL, 't'},
        {"verbose", no_argument, NULL, 'v'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}
    };
    const char *zone = "UTC";
    ombud_profile *p = NULL;
    ombud_tz *tz = NULL;
    ombud_counts n = {0};
    long show = 10;
    int c;
    ombud_err err;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":hv", opts, NULL)) != -1) {
        if (c == 't')
            zone = optarg;
        else if (c == 'v')
            show = -1;
        else if (c == 'h')
            return fputs(ombud_help_profile, stdout), OMBUD_EXIT_OK;
        else
            return ombud_usage_error("profile", c == ':' ? "option needs a "
                                     "value:" : "unknown option",
                                     argv[optind - 1]);
    }
    if (optind + 2 != argc)
        return ombud_usage_error("profile", "check takes PROFILE and FILE",
                                 NULL);
    if (ombud_tz_open(zone, &tz))
        return ombud_usage_error("profile", "--tz: unknown time zone (use an "
                                 "IANA name such as America/Chicago):", zone);
    if (!(err = ombud_profile_load(argv[optind], &p)) &&
        !(err = ombud_profile_try(p, argv[optind + 1], tz, show, &n)))
        printf("%s: %lld read, %lld stored, %lld rejected (through %s, %s; "
               "nothing kept)\n", argv[optind + 1], (long long)n.read,
               (long long)n.stored, (long long)n.rejected,
               ombud_profile_label(p), ombud_profile_kind(p));
    ombud_profile_free(p);
    ombud_tz_free(tz);
    return ombud_exit_code(err);
}

int ombud_cmd_profile(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(ombud_help_profile, argc < 2 ? stderr : stdout);
        return argc < 2 ? OMBUD_EXIT_USAGE : OMBUD_EXIT_OK;
    }
    if (!strcmp(argv[1], "guess"))
        return guess(argc - 1, argv + 1);
    if (!strcmp(argv[1], "check"))
        return check(argc - 1, argv + 1);
    return ombud_usage_error("profile", "unknown subcommand (guess or "
                             "check):", argv[1]);
}
