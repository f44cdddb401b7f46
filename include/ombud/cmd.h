/*
 * cmd.h - subcommands.
 *
 * Each subcommand is one file src/cmd/cmd_<name>.c with an entry point
 * ombud_cmd_<name>(argc, argv) that returns the process exit status, and a
 * help text. To add a command:
 *   1. write src/cmd/cmd_<name>.c (copy the shape of cmd_ingest.c);
 *   2. declare its entry and help text below;
 *   3. list it in commands[] in src/main.c;
 *   4. document it in README.md and src/man/ombud.1, and add tests under
 *      tests/e2e/.
 * Only this layer (and main) exits or chooses exit codes; modules return
 * ombud_err.
 */
#ifndef OMBUD_CMD_H
#define OMBUD_CMD_H

#define OMBUD_VERSION "0.1.0"

/** Exit statuses (sysexits.h). */
enum {
    OMBUD_EXIT_OK = 0,
    OMBUD_EXIT_USAGE = 64,
    OMBUD_EXIT_DATA = 65,
    OMBUD_EXIT_NOINPUT = 66,
    OMBUD_EXIT_SOFTWARE = 70
};

/** A subcommand. */
typedef struct ombud_command {
    const char *name;     /**< as typed: "ingest" */
    const char *summary;  /**< one line for `ombud --help` */
    const char *help;     /**< full text for `ombud help <name>` */
    int (*run)(int argc, char **argv); /**< argv[0] is the command name */
} ombud_command;

/** The table of commands, ending with a zeroed entry (src/main.c). */
extern const ombud_command ombud_commands[];

/** Find a command by name; NULL if unknown. */
const ombud_command *ombud_command_find(const char *name);

int ombud_cmd_ingest(int argc, char **argv);
int ombud_cmd_help(int argc, char **argv);
extern const char ombud_help_ingest[];
extern const char ombud_help_help[];

#endif
