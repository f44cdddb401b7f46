/*
 * nopg.c - the PostgreSQL backend of a build without libpq (NO_PG=1).
 *
 * It claims the --db strings that name a server, so that they are refused
 * with the reason rather than taken for an SQLite file's name (which would
 * create a file called "host=/run/pg dbname=ombud"). It opens nothing;
 * no other operation is ever reached.
 */
#include "ombud/diag.h"
#include "backend.h"

static ombud_err nopg_open(const char *db, ombud_store **out)
{
    (void)db;
    *out = NULL;
    return ombud_error(OMBUD_E_USAGE, NULL, "this ombud was built without "
                       "PostgreSQL (make NO_PG=1): --db can only name an "
                       "SQLite file");
}

const struct ombud_store_be ombud_store_pg = {
    .name = "postgresql",
    .row_key = "id",
    .wants = ombud_pg_uri,
    .open = nopg_open,
};
