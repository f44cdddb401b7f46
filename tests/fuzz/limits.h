/*
 * limits.h - force-included (-include) into src/ingest/reader.c in the
 * fuzz build only (tests/fuzz/run.sh), to shrink the reader's limits so
 * that inputs of a few hundred bytes reach the paths that ombud takes for
 * a record over 1 MiB or with more than 4096 fields: the oversize reject,
 * the parser restart and the skip to the next line, at any position in a
 * record. ingest.h has an include guard, so reader.c's own #include of it
 * is a no-op after this one and the values below stay.
 */
#include "ombud/ingest.h"

#undef OMBUD_MAX_RECORD
#define OMBUD_MAX_RECORD 400
#undef OMBUD_MAX_FIELDS
#define OMBUD_MAX_FIELDS 20
