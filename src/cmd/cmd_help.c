/*
 * cmd_help.c - `ombud help [command]`.
 */
#include <stdio.h>

#include "ombud/cmd.h"

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
