# Global help, command help and version exit 0 and print usage on stdout;
# an unknown command exits 64 (EX_USAGE). Help writes no store.

run_ombud --help
expect_exit 0
expect_stdout_has "usage: ombud <command> [options]"
expect_stdout_has "ingest"

run_ombud -h
expect_exit 0
expect_stdout_has "usage: ombud <command>"

run_ombud help
expect_exit 0
expect_stdout_has "ingest"

run_ombud help ingest
expect_exit 0
expect_stdout_has "usage: ombud ingest"
expect_stdout_has "--tz ZONE"
expect_stdout_has "--map [KIND.]COLUMN=HEADER"
expect_stdout_has "--strict"

run_ombud ingest --help
expect_exit 0
expect_stdout_has "usage: ombud ingest"

run_ombud --version
expect_exit 0
expect_true "--version prints 'ombud X.Y.Z'" \
    grep -Eq '^ombud [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"

run_ombud nosuch
expect_exit 64
expect_stderr_has "'nosuch' is not an ombud command"

run_ombud help nosuch
expect_exit 64
expect_stderr_has "nosuch"

# No command at all: usage on stderr, EX_USAGE.
run_ombud
expect_exit 64
expect_stderr_has "usage: ombud"

expect_no_file evidence.db
