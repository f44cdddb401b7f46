/*
 * cmd.h - subcommands.
 *
 * Each subcommand is one file src/cmd/cmd_<name>.c with an entry point
 * ombud_cmd_<name>(argc, argv) that returns the process exit status, and a
 * help text. To add a command:
 *   1. write src/cmd/cmd_<name>.c (copy the shape of cmd_ingest.c): it
 *      parses arguments and prints; work more than one command does
 *      belongs in the engine (engine.h), which tells the command what
 *      happened through callbacks instead of printing;
 *   2. declare its entry and help text below;
 *   3. list it in commands[] in src/main.c;
 *   4. document it in README.md and src/man/ombud.1, and add tests under
 *      tests/e2e/.
 * Only this layer (and main) exits or chooses exit codes; modules return
 * ombud_err.
 */
#ifndef OMBUD_CMD_H
#define OMBUD_CMD_H

#include <getopt.h>
#include <stdint.h>
#include "ombud/engine.h"
#include "ombud/guarantees.h"
#include "ombud/ingest.h"
#include "ombud/report.h"
#include "ombud/store.h"

#include "ombud/version.h"

/** Exit statuses (sysexits.h). */
enum {
    OMBUD_EXIT_OK = 0,
    /** check or run: done, reports written, but the evidence is incomplete
     *  (a serious data-quality item: see quality.h); --allow-incomplete
     *  makes it 0 */
    OMBUD_EXIT_INCOMPLETE = 2,
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

/** The table of commands, ending with a zeroed entry (src/cmd/cmd_help.c). */
extern const ombud_command ombud_commands[];

/** Find a command by name; NULL if unknown. */
const ombud_command *ombud_command_find(const char *name);

int ombud_cmd_ingest(int argc, char **argv);
int ombud_cmd_profile(int argc, char **argv);
int ombud_cmd_forget(int argc, char **argv);
int ombud_cmd_check(int argc, char **argv);
int ombud_cmd_run(int argc, char **argv);
int ombud_cmd_report(int argc, char **argv);
int ombud_cmd_complaint(int argc, char **argv);
int ombud_cmd_verify(int argc, char **argv);
int ombud_cmd_compare(int argc, char **argv);
int ombud_cmd_keygen(int argc, char **argv);
int ombud_cmd_synth(int argc, char **argv);
int ombud_cmd_help(int argc, char **argv);
extern const char ombud_help_ingest[];
extern const char ombud_help_profile[];
extern const char ombud_help_forget[];
extern const char ombud_help_check[];
extern const char ombud_help_run[];
extern const char ombud_help_report[];
extern const char ombud_help_complaint[];
extern const char ombud_help_verify[];
extern const char ombud_help_compare[];
extern const char ombud_help_keygen[];
extern const char ombud_help_synth[];
extern const char ombud_help_help[];

/* ---- steps shared by commands ---------------------------------------------- */

/** Most input files and --map options on one command line. */
#define OMBUD_MAX_INPUTS 256
/** Most --profile options: one for each kind a profile reads. */
#define OMBUD_MAX_PROFILES 6

/** The input options `ingest` and `run` share (src/cmd/inputs.c). */
typedef struct ombud_inputs {
    ombud_input files[OMBUD_MAX_INPUTS];
    int nfiles;
    const char *maps[OMBUD_MAX_INPUTS]; /**< "[kind.]column=Header" */
    size_t nmaps;
    int strict;                         /**< --strict given */
    /* Telephony exports (Asterisk): */
    const char *calls_format;           /**< --calls-format: NULL (tell by
                                             the first line), "csv" or
                                             "asterisk-queue-log" */
    const char *cdr_tz;                 /**< --cdr-tz ZONE, or NULL */
    /* How files are read, each "[KIND=]VALUE" as given (checked): */
    const char *encodings[OMBUD_MAX_INPUTS]; /**< --encoding */
    size_t nencodings;
    const char *delims[OMBUD_MAX_INPUTS];    /**< --delimiter */
    size_t ndelims;
    /* Import profiles (--profile), one a kind; owned, freed by
     * ombud_inputs_free(): */
    struct ombud_profile *profiles[OMBUD_MAX_PROFILES];
    int nprofiles;
} ombud_inputs;

/** getopt_long codes of the shared input options. */
enum { OMBUD_OPT_MAP = 300, OMBUD_OPT_STRICT };
/** getopt_long codes of the telephony exports (issue 11). */
enum { OMBUD_OPT_CALLS_FORMAT = 340, OMBUD_OPT_CDR_TZ = 343 };
/** getopt_long codes of how files are read (issue 22). */
enum { OMBUD_OPT_ENCODING = 360, OMBUD_OPT_DELIMITER };
/** getopt_long code of --profile (issue 29). */
enum { OMBUD_OPT_PROFILE = 380 };
/** getopt_long code of the option of input kind ombud_input_kinds[i]:
 *  OMBUD_OPT_KIND + i (--outages, --calls...). */
#define OMBUD_OPT_KIND 500
/** Room for a command's option table with the input options. */
#define OMBUD_MAX_OPTIONS 64

/** What ombud_options_build() adds after a command's own options. */
enum {
    OMBUD_OPTS_KINDS = 1,   /**< an option per input kind: --outages... */
    OMBUD_OPTS_SHARED = 2   /**< --map, --strict, --encoding, --delimiter,
                                 --profile, --calls-format, --cdr-tz */
};

/**
 * @brief A getopt_long table into @p out (of @p cap entries): @p own
 * (ended by a zeroed entry), then what @p what asks for (OMBUD_OPTS_*),
 * then a zeroed entry. The kind options come from ombud_input_kinds[], so
 * no command lists kinds. @p cap must hold them all (OMBUD_MAX_OPTIONS
 * does); a table that does not fit is a bug (OMBUD_BUG).
 */
void ombud_options_build(const struct option *own, int what,
                         struct option *out, size_t cap);

/** @brief The input kind whose option has getopt code @p c, or NULL. */
const ombud_input_kind *ombud_option_kind(int c);

/**
 * @brief Take getopt code @p c with argument @p arg if it is a shared input
 * option. @return -1 when it is not one, 0 when taken, or 64 after printing
 * a usage message for command @p cmd.
 */
int ombud_inputs_take(ombud_inputs *in, int c, const char *arg, const char *cmd);

/**
 * @brief Check that some input was named; 0 or 64 with a message. Also
 * settles the format of each --calls file: --calls-format, else an
 * Asterisk queue_log when the file's first line is one
 * (epoch|callid|queue|agent|EVENT), else calls.csv; and each file's
 * encoding and delimiter: the last --encoding (--delimiter) naming its
 * kind, else the last without a kind; and each file's --profile (by
 * kind: a --calls file with a profile is read as calls, never taken for
 * a queue_log).
 */
int ombud_inputs_check(ombud_inputs *in, const char *cmd);

/** @brief Free what the options loaded (the profiles); @p in stays valid
 *  to free again. */
void ombud_inputs_free(ombud_inputs *in);

/**
 * @brief Open --cdr-tz into @p out (NULL when not given).
 * @return 0, or 64 after a usage message for an unknown zone.
 */
int ombud_inputs_cdr_tz(const ombud_inputs *in, const char *cmd, ombud_tz **out);

/**
 * @brief Print "ombud CMD: MSG ARG" and "see 'ombud help CMD'" to stderr.
 * @return 64, the usage exit status.
 */
int ombud_usage_error(const char *cmd, const char *msg, const char *arg);

/**
 * @brief The import callback (engine.h) of `ingest` and `run`: a line per
 * file, "PATH: N read, N stored, N rejected", or that it was imported
 * before. @p ud is unused. (src/cmd/summary.c)
 */
void ombud_say_imported(void *ud, const ombud_input *in, const ombud_counts *c,
                        int already);

/** The summary `check` and `run` print as they evaluate: the filing and
 *  period, each guarantee's verdict, the count of breached guarantees.
 *  Pass it to ombud_evaluate(). (src/cmd/summary.c) */
extern const ombud_eval_sink ombud_summary;

/**
 * @brief Say each serious data-quality item of check @p check_id on stderr
 * and, unless @p allow, that the filing is incomplete.
 * @return OMBUD_EXIT_OK, or OMBUD_EXIT_INCOMPLETE when a serious item holds
 * and @p allow is 0; a store error's exit status. (src/cmd/summary.c)
 */
int ombud_quality_gate(ombud_store *st, int64_t check_id, int allow);

/**
 * @brief ombud_write_complaint() into @p out, then say "wrote PDF and
 * XLSX" and sign both with @p sign_key (NULL: unsigned). @p c is
 * borrowed. (src/cmd/cmd_complaint.c)
 */
ombud_err ombud_complaint_files(ombud_store *st, const ombud_complaint *c,
                                const char *out, const char *sign_key);

/**
 * @brief Sign report @p path with private key file @p key (NULL: do
 * nothing) into PATH.sig, and say so. (src/cmd/cmd_keygen.c)
 */
ombud_err ombud_sign_written(const char *key, const char *path);

/**
 * @brief Check a --sign KEY before the work starts. @return 0, or the exit
 * status after a message. (src/cmd/cmd_keygen.c)
 */
int ombud_sign_option(const char *key);


/**
 * @brief Check --date's @p arg (YYYY-MM-DD, a real calendar day) and keep
 * it in @p out (borrowed from argv). (src/cmd/date.c)
 * @return 0, or 64 after a usage message for command @p cmd naming the
 * option, the value and the form it takes.
 */
int ombud_date_option(const char *arg, const char *cmd, const char **out);

/**
 * @brief Check --history's @p arg (0 to OMBUD_HISTORY_MAX earlier periods)
 * and make it the depth reports show (ombud_history_set_depth()).
 * (src/cmd/history.c)
 * @return 0, or 64 after a usage message for command @p cmd.
 */
int ombud_history_option(const char *arg, const char *cmd);

/* ---- the report language (src/cmd/lang.c) ---------------------------------- */

#include "ombud/i18n.h"

/** @brief Parse --lang's @p arg into @p out; 0, or 64 with a message. */
int ombud_lang_option(const char *arg, const char *cmd, ombud_lang *out);

/**
 * @brief Make the command's language current: @p opt when --lang was
 * @p given, else the guarantees file's [filing] language (@p gs may be
 * NULL), else English.
 * @return OMBUD_OK, or OMBUD_E_DATA when its catalogue is missing.
 */
ombud_err ombud_lang_apply(int given, ombud_lang opt,
                           const ombud_guarantees *gs);

#endif
