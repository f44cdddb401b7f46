#!/bin/sh
# server.sh - a throwaway PostgreSQL server for the tests.
#
#   . tests/pg/server.sh; pg_start DIR && ...; pg_stop DIR
#
# pg_start DIR: initdb into DIR/data (Debian's binaries under
# /usr/lib/postgresql/*/bin), then start it listening only on a Unix socket
# in DIR (no TCP), trust authentication for everyone but the user "pwuser"
# (password "right-password", to test a wrong one). initdb refuses to run
# as root: then the server runs as the unprivileged user "nobody" and DIR is
# handed to it. On success it exports
#   OMBUD_PG_DB  a libpq connection string for the database "ombud"
#   PG_BIN       the server binaries, PG_SOCK the socket directory
# and returns 0; otherwise it prints why and returns 1 (callers skip).
# pg_stop DIR stops the server (immediately) and is safe to call twice.

pg_bin() {
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    return 1
}

# Run a server binary as the server's user.
pg_as() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

pg_start() {
    dir=$1
    PG_BIN=$(pg_bin) || { echo "no PostgreSQL server binaries (apt-get install postgresql)"; return 1; }
    mkdir -p "$dir" || return 1
    if [ "$(id -u)" -eq 0 ]; then
        id nobody >/dev/null 2>&1 || { echo "no user nobody to run the server as"; return 1; }
        chown nobody "$dir" || return 1
        chmod 755 "$dir"
    fi
    pg_as "$PG_BIN/initdb" -D "$dir/data" -U ombud --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        pg_as "$PG_BIN/initdb" -D "$dir/data" -U ombud --auth=trust \
            --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
        { echo "initdb failed:"; tail -5 "$dir/initdb.log"; return 1; }
    # A password user first: its line must come before "local all all trust".
    pg_as sh -c "{ echo 'local all pwuser scram-sha-256'; cat '$dir/data/pg_hba.conf'; } > '$dir/data/hba.new' && mv '$dir/data/hba.new' '$dir/data/pg_hba.conf'"
    pg_as "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=40" \
        start >/dev/null 2>&1 || { echo "the server did not start:"; tail -5 "$dir/server.log"; return 1; }
    PG_SOCK=$dir
    "$PG_BIN/psql" -h "$dir" -U ombud -d postgres -qAtX \
        -c "CREATE DATABASE ombud" \
        -c "CREATE ROLE pwuser LOGIN PASSWORD 'right-password'" >/dev/null 2>&1 ||
        { echo "cannot create the test database"; pg_stop "$dir"; return 1; }
    OMBUD_PG_DB="host=$dir user=ombud dbname=ombud"
    export OMBUD_PG_DB PG_BIN PG_SOCK
    return 0
}

pg_stop() {
    dir=$1
    [ -n "${PG_BIN:-}" ] || PG_BIN=$(pg_bin) || return 0
    [ -f "$dir/data/postmaster.pid" ] || return 0
    pg_as "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
    return 0
}

# pg_drop_ombud CONNINFO: drop every table ombud makes (the database may be
# shared, so only these), for a bench that starts from an empty store.
pg_drop_ombud() {
    # figures is a view since schema 4 (a table before): either goes.
    psql "$1" -qAtX -c "DROP VIEW IF EXISTS figures" >/dev/null 2>&1
    psql "$1" -qAtX -c "DROP TABLE IF EXISTS meta, sources, outages, call_legs, billing_events, appointments, orders, accounts, cdr_records, customers, snapshots, outage_steps, rejects, checks, results, breaches, evidence, figure_runs, figures, series CASCADE" >/dev/null 2>&1
}
