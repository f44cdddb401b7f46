/*
 * main.c - the ombud program: global options and the command table.
 */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"
#include "ombud/diag.h"
#include "ombud/outfile.h"

const ombud_command ombud_commands[] = {
    {"ingest", "read outage, call and billing files into the evidence store",
     ombud_help_ingest, ombud_cmd_ingest},
    {"profile", "describe an export once (an import profile): guess one, "
     "check one", ombud_help_profile, ombud_cmd_profile},
    {"forget", "remove a source file and its rows from the store (then "
     "import the corrected file)", ombud_help_forget, ombud_cmd_forget},
    {"check", "evaluate the guarantees against the stored evidence",
     ombud_help_check, ombud_cmd_check},
    {"run", "ingest and check in one go, into an output folder",
     ombud_help_run, ombud_cmd_run},
    {"report", "write the XLSX or PDF report from stored findings",
     ombud_help_report, ombud_cmd_report},
    {"complaint", "write one account's complaint dossier (letter, timeline, "
     "evidence)", ombud_help_complaint, ombud_cmd_complaint},
    {"verify", "check a report against its inputs, rules and findings",
     ombud_help_verify, ombud_cmd_verify},
    {"keygen", "make a key pair to sign reports with (--sign, verify --key)",
     ombud_help_keygen, ombud_cmd_keygen},
    {"synth", "write a synthetic carrier month (calls, outages, billing...)",
     ombud_help_synth, ombud_cmd_synth},
    {"help", "show help for a command", ombud_help_help, ombud_cmd_help},
    {NULL, NULL, NULL, NULL}
};

const ombud_command *ombud_command_find(const char *name)
{
    for (const ombud_command *c = ombud_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

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
