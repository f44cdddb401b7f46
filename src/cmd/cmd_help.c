/*
 * cmd_help.c - `ombud help [command]`, and the table of commands it lists
 * (kept here rather than in main.c so that main.c uses it and nothing
 * uses main.c). To add a command: its file in src/cmd/, its functions in
 * include/ombud/cmd.h, a line below, the man page (src/man/ombud.1).
 */
#include <stdio.h>
#include <string.h>

#include "ombud/cmd.h"

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
    {"compare", "carriers' filings of one standard side by side, each "
     "verified", ombud_help_compare, ombud_cmd_compare},
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

const char ombud_help_help[] =
    "usage: ombud help [<command>]\n\n"
    "Show the full help of a command, or the list of commands.\n";

int ombud_cmd_help(int argc, char **argv)
{
    const ombud_command *c;

    if (argc < 2) {
        printf("commands:\n");
        for (c = ombud_commands; c->name; c++)
            printf("  %-10s %s\n", c->name, c->summary);
        printf("\nombud help <command> shows one in full.\n");
        return OMBUD_EXIT_OK;
    }
    if (!(c = ombud_command_find(argv[1]))) {
        fprintf(stderr, "ombud: no such command '%s'; see 'ombud help'\n",
                argv[1]);
        return OMBUD_EXIT_USAGE;
    }
    fputs(c->help, stdout);
    return OMBUD_EXIT_OK;
}
