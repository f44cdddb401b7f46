/*
 * main.c - the ombud program: global options, then the command named
 * (the table of commands is cmd_help.c's, which lists them).
 */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/outfile.h"

static void usage(FILE *fp)
{
    fputs("usage: ombud <command> [options]\n"
          "       ombud help <command>\n"
          "       ombud --version\n\n"
          "ombud turns a carrier's outage logs, call-centre logs and billing\n"
          "records into evidence a utility regulator accepts: every row is\n"
          "stored with its file and line, or rejected with a reason.\n\n"
          "commands:\n", fp);
    for (const ombud_command *c = ombud_commands; c->name; c++)
        fprintf(fp, "  %-10s %s\n", c->name, c->summary);
    fputs("\nstart with:\n"
          "  ombud run --guarantees templates/guarantees/fibre-bundle.ini \\\n"
          "      --outages outages.csv --calls calls.csv --billing billing.csv \\\n"
          "      --period 2026-10 --out report/\n\n"
          "exit status: 0 ok, 64 usage error, 65 bad input data, 66 cannot\n"
          "open input, 70 internal error. See ombud(1) for more.\n", fp);
}

int main(int argc, char **argv)
{
    const ombud_command *cmd;

    ombud_diag_set_progname("ombud");
    if (argc < 2) {
        usage(stderr);
        return OMBUD_EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(stdout);
        return OMBUD_EXIT_OK;
    }
    if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "-V")) {
        printf("ombud %s\n", OMBUD_VERSION);
        return OMBUD_EXIT_OK;
    }
    if (!(cmd = ombud_command_find(argv[1]))) {
        fprintf(stderr, "ombud: '%s' is not an ombud command; see "
                "'ombud --help'\n", argv[1]);
        return OMBUD_EXIT_USAGE;
    }
    /* Under an address-space limit glibc reserves 64 MB of it for each
     * thread's malloc arena, so pango's font threads failed to start even
     * at 100 MB: one arena is enough for ombud. */
    if (ombud_diag_oom_guard(cmd->name, ombud_outfile_discard_all_signal_safe,
                             ombud_outfile_current)) {
#ifdef M_ARENA_MAX
        mallopt(M_ARENA_MAX, 1);
#endif
    }
    return cmd->run(argc - 1, argv + 1);
}
