#!/bin/sh
# run.sh - ombud on PostgreSQL, against a throwaway server.
#
#   sh tests/pg/run.sh path/to/ombud
#
# Starts a PostgreSQL server from Debian's packages in a temporary folder
# (initdb, pg_ctl, a Unix socket in that folder, no TCP; see server.sh),
# runs the cases below against it and the same inputs against SQLite, and
# stops the server on every exit (trap). When no server can be started the
# suite prints "SKIP" with the reason and passes, unless OMBUD_PG_REQUIRED=1
# (set by .ci/run), when it fails.
#
# The core case: the founding case gives the same findings digest and
# byte-identical XLSX and PDF reports and complaint dossier from both stores.
# First, the store's conformance suite (tests/unit/store/
# test_store_conformance.c, built beside the binary by make test-pg): the
# public API's calls give on PostgreSQL the answers make test-unit checks
# on SQLite.
set -u

bin=$1
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
F=$root/samples/founding-case
G=$root/templates/guarantees/fibre-bundle.ini
LA=America/Los_Angeles
. "$here/server.sh"

W=$(mktemp -d "${TMPDIR:-/tmp}/ombud-pg.XXXXXX") || exit 2
chmod 755 "$W"
trap 'pg_stop "$W/srv"; rm -rf "$W"' EXIT
trap 'pg_stop "$W/srv"; rm -rf "$W"; exit 130' INT TERM

if ! why=$(pg_start "$W/srv"); then
    if [ "${OMBUD_PG_REQUIRED:-0}" = 1 ]; then
        echo "FAIL pg: cannot start a PostgreSQL server: $why"
        echo "0 passed, 1 failed"
        exit 1
    fi
    echo "SKIP pg: PostgreSQL tests not run: cannot start a server: $why"
    echo "0 passed, 0 failed (skipped)"
    exit 0
fi
# pg_start ran in a subshell: set what it exported here.
PG_BIN=$(pg_bin)
S=$W/srv
export SOURCE_DATE_EPOCH=1700000000 TZ=Pacific/Chatham LC_ALL=C

fails=0
passed=0
failed=0
fail() { fails=$((fails + 1)); echo "FAIL [$case] $*"; }
eq() { # WHAT EXPECTED ACTUAL
    [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"
}
has() { # FILE TEXT
    grep -qF -- "$2" "$1" || { fail "$1 lacks '$2':"; sed 's/^/      | /' "$1" | head -5; }
}
same_messages() { # A B: the same lines, whatever the order printed
    sort "$1" >"$1.sorted"
    sort "$2" >"$2.sorted"
    cmp -s "$1.sorted" "$2.sorted" ||
        { fail "messages differ"; diff "$1.sorted" "$2.sorted" | head; }
}
lacks() { # FILE TEXT
    ! grep -qF -- "$2" "$1" || fail "$1 has '$2'"
}
psq() { # DB SQL: rows, '|' between columns
    "$PG_BIN/psql" -h "$S" -U ombud -d "$1" -qAtX -c "$2" 2>&1
}
newdb() { # NAME: a fresh database; prints its connection string
    psq postgres "DROP DATABASE IF EXISTS $1" >/dev/null
    psq postgres "CREATE DATABASE $1" >/dev/null
    echo "host=$S user=ombud dbname=$1"
}
begin() { case=$1; fails=0; mkdir -p "$W/$1"; cd "$W/$1" || exit 2; }
end() {
    if [ $fails -eq 0 ]; then passed=$((passed + 1)); echo "ok   pg-$case"
    else failed=$((failed + 1)); echo "FAIL pg-$case"; fi
}
ingest_founding() { # DB
    "$bin" ingest --db "$1" --tz $LA --outages "$F/outages.csv" \
        --calls "$F/calls.csv" --billing "$F/billing.csv" 2>&1
}

# ---- 0: the store's API, the same answers as SQLite ------------------------
# The unit binary against a fresh database "conf", from which it makes
# (and drops) one database per test, so that each starts from an empty
# store; skipped tests name a known difference between the backends.
begin conformance
conf=$(dirname "$bin")/unit/store/test_store_conformance
if [ -x "$conf" ]; then
    OMBUD_STORE_URI=$(newdb conf) "$conf" >conformance.out 2>&1 ||
        { fail "the conformance suite failed:"
          grep -E 'ERROR|LINE|FAILED' conformance.out | head -20 | sed 's/^/      | /'; }
    has conformance.out "backend under test: PostgreSQL"
    grep 'known difference' conformance.out
else
    fail "$conf is not built (make test-pg builds it)"
fi
end

# ---- 1: the founding case, both stores ------------------------------------
begin founding
PG=$(newdb founding)
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    ingest_founding "$s" >$n.ingest; eq "$n ingest exit" 0 $?
    "$bin" check --db "$s" --guarantees "$G" --period 2026-10 >$n.check 2>&1
    eq "$n check exit" 0 $?
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
    "$bin" report --db "$s" -o $n-a4.pdf --paper a4 >/dev/null 2>&1
    "$bin" complaint --db "$s" --guarantees "$G" --account ACC-1001 \
        --period 2026-10 --customer "Jane Doe" --out $n-c >/dev/null 2>&1
    eq "$n complaint exit" 0 $?
done
# 3 + 64 + 18 rows, none rejected (samples/founding-case/README.md)
has pg.ingest "outages.csv: 3 read, 3 stored, 0 rejected"
has pg.ingest "calls.csv: 64 read, 64 stored, 0 rejected"
has pg.ingest "billing.csv: 18 read, 18 stored, 0 rejected"
has pg.check "7 of 7 guarantees breached"
for f in check xlsx pdf a4.pdf; do
    a=pg.$f b=sq.$f
    [ $f = a4.pdf ] && a=pg-a4.pdf b=sq-a4.pdf
    cmp -s $a $b || fail "$a and $b differ"
done
for f in complaint-ACC-1001.pdf complaint-ACC-1001.xlsx; do
    cmp -s pg-c/$f sq-c/$f || fail "pg-c/$f and sq-c/$f differ"
done
# The workbook made from PostgreSQL verifies against a recomputation in a
# fresh SQLite store: the same findings digest.
"$bin" verify --report pg.xlsx --guarantees "$G" --outages "$F/outages.csv" \
    --calls "$F/calls.csv" --billing "$F/billing.csv" >verify.out 2>&1
eq "verify exit" 0 $?
has verify.out "findings: recomputed digest"
# Partitions by UTC month: calls arrive 2026-10-14..18 (one month); billing
# is posted 2026-09-01..2026-11-01 local midnight = 07:00 UTC (three months).
eq "partitions" "billing_events|billing_events_p202609
billing_events|billing_events_p202610
billing_events|billing_events_p202611
call_legs|call_legs_p202610" "$(psq founding "SELECT p.relname, c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname IN ('call_legs', 'billing_events') ORDER BY 1, 2")"
# Ids follow the lines of the file: leg on line 2 is id 1, line 65 id 64.
eq "leg ids by line" "1|2
64|65" "$(psq founding "SELECT id, line FROM call_legs WHERE id IN (1, 64) ORDER BY id")"
# --db pg: takes everything from the PG* variables.
PGHOST=$S PGUSER=ombud PGDATABASE=founding "$bin" report --db pg: -o env.xlsx >/dev/null 2>&1
eq "pg: exit" 0 $?
cmp -s env.xlsx sq.xlsx || fail "env.xlsx and sq.xlsx differ"
# Findings in Hebrew (the check's language column, right-to-left text):
# the same PDF from both stores.
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" check --db "$s" --guarantees "$G" --period 2026-10 --lang he >/dev/null 2>&1
    eq "$n check --lang he exit" 0 $?
    "$bin" report --db "$s" -o $n-he.pdf >/dev/null 2>&1
    eq "$n report he exit" 0 $?
done
cmp -s pg-he.pdf sq-he.pdf || fail "pg-he.pdf and sq-he.pdf differ"
end

# ---- 2: rejects and duplicates as with SQLite; re-import ------------------
begin rejects
PG=$(newdb rejects)
# Lines 4 and 7 duplicate lines 2 and 3; line 5 is rejected (month 13) so
# line 6's O-3 is stored (tests/e2e/cases/045-reject-duplicates.sh).
cat > o.csv <<'CSV'
outage_id,started_at
O-1,2026-10-01T10:00:00Z
O-2,2026-10-01T10:00:00Z
O-1,2026-10-02T10:00:00Z
O-3,2026-13-01T10:00:00Z
O-3,2026-10-01T10:00:00Z
O-2,2026-10-01T10:00:00Z
CSV
# Legs: line 4 is line 2 in another notation (16:40:12 PDT = 23:40:12Z);
# line 6 is a blank outcome with no answer (rejected).
cat > c.csv <<'CSV'
queue,call_id,arrived_at,ended_at,outcome
tech,C-1,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
repair,C-1,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
tech,C-1,2026-10-14T23:40:12Z,2026-10-14T23:50:00Z,closed
tech,C-2,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
tech,C-3,2026-10-14 16:40:12,2026-10-14 16:45:00,
CSV
# A second file repeating C-2's leg and a new one: line 2 is a duplicate
# of c.csv:5 across files.
cat > c2.csv <<'CSV'
queue,call_id,arrived_at,ended_at,outcome
tech,C-2,2026-10-14 16:40:12,2026-10-14 16:45:00,abandoned
tech,C-4,2026-10-15 09:00:00,2026-10-15 09:05:00,voicemail
CSV
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz $LA --outages o.csv --calls c.csv \
        --calls c2.csv >$n.out 2>&1
    eq "$n exit" 0 $?
    "$bin" ingest --db "$s" --tz $LA --calls c.csv >$n.again 2>&1
    eq "$n re-import exit" 0 $?
done
# Each file's summary and each reject line, whatever the order printed.
same_messages pg.out sq.out
has pg.out "o.csv: 6 read, 3 stored, 3 rejected"
has pg.out "c.csv: 5 read, 3 stored, 2 rejected"
has pg.out "c2.csv: 2 read, 1 stored, 1 rejected"
has pg.out 'o.csv:4:1: error: rejected: outage_id "O-1": duplicate outage_id, first stored from o.csv:2'
has pg.out 'c.csv:4:2: error: rejected: call_id "C-1": duplicate leg (same call_id, queue and arrived_at), first stored from c.csv:2'
has pg.out 'c2.csv:2:2: error: rejected: call_id "C-2": duplicate leg (same call_id, queue and arrived_at), first stored from c.csv:5'
has pg.again "already imported"
q="SELECT s.name, r.line, r.col, coalesce(r.field, '-'), coalesce(r.value, '-'), r.reason FROM rejects r JOIN sources s ON s.id = r.source_id ORDER BY r.source_id, r.line"
eq "rejects table" "$(sqlite3 sq.db "$q")" "$(psq rejects "$q")"
q="SELECT s.name, c.line, c.call_id, c.queue, c.arrived_at, c.outcome FROM call_legs c JOIN sources s ON s.id = c.source_id ORDER BY c.id"
eq "stored legs" "$(sqlite3 sq.db "$q")" "$(psq rejects "$q")"
q="SELECT kind, name, rows_read, rows_stored, rows_rejected FROM sources ORDER BY id"
eq "sources" "$(sqlite3 sq.db "$q")" "$(psq rejects "$q")"
end

# ---- 3: imports at once ---------------------------------------------------
begin concurrent-ingest
PG=$(newdb conc)
"$bin" synth -q --rows 20000 --out gen >/dev/null 2>&1
cp gen/calls.csv a.csv
# The same file twice at once (neither size is stored yet, so both parse
# it): stored once, the other run says already imported.
"$bin" ingest --db "$PG" --tz $LA --calls a.csv >r1.out 2>&1 &
p1=$!
"$bin" ingest --db "$PG" --tz $LA --calls a.csv >r2.out 2>&1 &
p2=$!
wait $p1; e1=$?
wait $p2; e2=$?
eq "exits" "0 0" "$e1 $e2"
cat r1.out r2.out >both.out
has both.out "already imported"
eq "sources of a.csv" 1 "$(psq conc "SELECT count(*) FROM sources WHERE name = 'a.csv'")"
rows=$(($(wc -l <a.csv) - 1))
eq "legs stored once" "$rows" "$(psq conc "SELECT count(*) FROM call_legs")"
# Two different files at once: both stored whole.
head -n 1 a.csv >b.csv; sed -n '2,5001p' gen/calls.csv | sed 's/^C/B/' >>b.csv
"$bin" ingest --db "$PG" --tz $LA --outages gen/outages.csv >r3.out 2>&1 &
p1=$!
"$bin" ingest --db "$PG" --tz $LA --calls b.csv --billing gen/billing.csv >r4.out 2>&1 &
p2=$!
wait $p1; e1=$?
wait $p2; e2=$?
eq "exits" "0 0" "$e1 $e2"
eq "read = stored + rejected, all sources" "" "$(psq conc "SELECT name FROM sources WHERE rows_read <> rows_stored + rows_rejected OR rows_stored <> (SELECT count(*) FROM call_legs c WHERE c.source_id = sources.id) + (SELECT count(*) FROM outages o WHERE o.source_id = sources.id) + (SELECT count(*) FROM billing_events b WHERE b.source_id = sources.id)")"
eq "sources" 4 "$(psq conc "SELECT count(*) FROM sources")"
end

# ---- 4: checks at once ----------------------------------------------------
begin concurrent-check
PG=$(newdb checks)
ingest_founding "$PG" >/dev/null
ingest_founding sq.db >/dev/null
"$bin" check --db sq.db --guarantees "$G" --period 2026-10 >/dev/null 2>&1
"$bin" report --db sq.db -o sq.xlsx >/dev/null 2>&1
# Three checks of October and one of the fourth quarter at once.
for i in 1 2 3; do
    "$bin" check --db "$PG" --guarantees "$G" --period 2026-10 >c$i.out 2>&1 &
done
"$bin" check --db "$PG" --guarantees "$G" --period 2026-Q4 >q.out 2>&1 &
wait
for i in 1 2 3; do has c$i.out "7 of 7 guarantees breached"; done
# One check per period remains (each October run replaced the previous).
eq "checks" "2" "$(psq checks "SELECT count(*) FROM checks")"
oct=$(psq checks "SELECT id FROM checks WHERE period_end - period_start = 31 * 86400")
"$bin" report --db "$PG" --check "$oct" -o pg.xlsx >/dev/null 2>&1
cmp -s pg.xlsx sq.xlsx || fail "October's findings after concurrent checks differ from SQLite's"
# No finding belongs to a check that no longer exists.
eq "orphans" 0 "$(psq checks "SELECT count(*) FROM results WHERE check_id NOT IN (SELECT id FROM checks)")"
end

# ---- 5: connection errors ---------------------------------------------------
begin errors
psq postgres "CREATE DATABASE errs" >/dev/null
"$bin" check --db "pg:host=$S dbname" --guarantees "$G" >e1.out 2>&1
eq "bad string exit" 64 $?
has e1.out "not a valid PostgreSQL connection string"
"$bin" check --db "host=$W/nowhere user=ombud dbname=errs" --guarantees "$G" >e2.out 2>&1
eq "no server exit" 73 $?
has e2.out "cannot open store: PostgreSQL ombud@$W/nowhere:5432/errs:"
"$bin" check --db "host=$S user=ombud dbname=nosuchdb" --guarantees "$G" >e3.out 2>&1
eq "missing database exit" 73 $?
has e3.out 'database "nosuchdb" does not exist'
"$bin" check --db "postgresql://pwuser:wrong-secret@/errs?host=$S" --guarantees "$G" >e4.out 2>&1
eq "wrong password exit" 73 $?
has e4.out 'password authentication failed for user "pwuser"'
lacks e4.out "wrong-secret"
"$bin" synth -q --rows 200000 --out big >/dev/null 2>&1
# The server drops the connection in the middle of an import: exit 70, a
# plain message, and nothing of that file stored.
DB="host=$S user=ombud dbname=errs"
"$bin" ingest --db "$DB" --tz $LA --outages "$F/outages.csv" >/dev/null 2>&1
"$bin" ingest --db "$DB" --tz $LA --calls big/calls.csv >e5.out 2>&1 &
pid=$!
# Until ombud ends (no cap: after a capped loop a slow import went on to
# exit 0 and the check below failed on a busy machine).
while kill -0 $pid 2>/dev/null; do
    psq errs "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ombud' AND pid <> pg_backend_pid()" >/dev/null
    sleep 0.05
done
wait $pid
eq "server gone exit" 70 $?
has e5.out "PostgreSQL ombud@$S:5432/errs"
eq "sources after" "outages.csv" "$(psq errs "SELECT string_agg(name, ',') FROM sources")"
eq "legs after" 0 "$(psq errs "SELECT count(*) FROM call_legs")"
end

# ---- 6: a generated month, both stores ------------------------------------
# 20,000 legs through the bench's eight guarantees: enough findings
# (tens of thousands of figures and evidence rows) that PostgreSQL sends
# them in several COPY batches during the check; breaches whose evidence
# runs past what a reference cell shows ("... and N more") included.
begin month
PG=$(newdb month)
"$bin" synth -q --rows 20000 --out m >/dev/null 2>&1; eq "synth exit" 0 $?
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest -q --db "$s" --tz $LA --outages m/outages.csv \
        --calls m/calls.csv --billing m/billing.csv >$n.ingest 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check --db "$s" --guarantees "$root/tests/bench/month.ini" \
        --period 2026-10 >$n.check 2>&1
    eq "$n check exit" 0 $?
    "$bin" report -q --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report -q --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
done
for f in check xlsx pdf; do
    cmp -s pg.$f sq.$f || fail "pg.$f and sq.$f differ"
done
for t in breaches evidence figures series; do
    eq "$t rows" "$(sqlite3 sq.db "SELECT count(*) FROM $t")" \
        "$(psq month "SELECT count(*) FROM $t")"
done
# More than one batch of 1 MiB: at least ~20,000 figure rows of ~50 bytes.
[ "$(psq month "SELECT count(*) FROM figures")" -gt 20000 ] ||
    fail "too few figures to need several batches"
unzip -p pg.xlsx 'xl/worksheets/*.xml' | grep -q ' more<' ||
    fail "no evidence list cut short with 'and N more' in pg.xlsx"
end

# ---- helpers for the cases below --------------------------------------------
same() { # DB WHAT SQL: the same rows from SQLite (sq.db) and PostgreSQL
    sqlite3 sq.db "$3" >same.sq 2>&1
    psq "$1" "$3" >same.pg
    cmp -s same.sq same.pg || { fail "$2 differ (< SQLite, > PostgreSQL):"; diff same.sq same.pg | head -8; }
}
csvs_of() { # TEST-FILE: write the CSV here-documents of a rules test here
    awk '/^cat > [a-z0-9_.]* <<.CSV.$/ { f = $3; next }
         /^CSV$/ { f = ""; next }
         f != "" { print > f }' "$1"
}
LEGS="SELECT c.id, s.name, c.line, coalesce(c.lines, '-'), c.nlines, c.call_id, c.queue, c.arrived_at, coalesce(c.answered_at, -1), c.ended_at, c.outcome, coalesce(c.account_id, '-'), coalesce(c.agent_id, '-'), coalesce(c.transferred_to, '-') FROM call_legs c JOIN sources s ON s.id = c.source_id ORDER BY c.id"
SOURCES="SELECT id, kind, name, rows_read, rows_stored, rows_rejected, rows_counted, coalesce(notes, '-'), coalesce(settings, '-') FROM sources ORDER BY id"
REJECTS="SELECT s.name, r.line, r.col, coalesce(r.field, '-'), coalesce(r.value, '-'), r.reason FROM rejects r JOIN sources s ON s.id = r.source_id ORDER BY r.source_id, r.line"
APPTS="SELECT a.id, s.name, a.line, a.appointment_id, coalesce(a.account_id, '-'), coalesce(a.kind, '-'), a.window_start, a.window_end, coalesce(a.arrived_at, -1), coalesce(a.cancelled_at, -1), coalesce(a.cancelled_by, '-'), a.customer_absent FROM appointments a JOIN sources s ON s.id = a.source_id ORDER BY a.id"
ORDERS="SELECT o.id, s.name, o.line, o.order_id, coalesce(o.account_id, '-'), o.ordered_at, o.promised_at, o.promised_all_day, coalesce(o.completed_at, -1), o.customer_requested_later, coalesce(o.exclusion, '-') FROM orders o JOIN sources s ON s.id = o.source_id ORDER BY o.id"
TPL=$root/tests/rules/templates
OFCOM=$root/templates/guarantees/ofcom-auto-comp.ini

# ---- 7: appointments and orders, the Ofcom template month -------------------
# tests/rules/templates/002-ofcom-auto-comp.sh's month (its figures are
# worked out there): the same stored rows, check output, findings digest
# and byte-identical XLSX and PDF from both stores.
begin ofcom
PG=$(newdb ofcom)
csvs_of "$TPL/002-ofcom-auto-comp.sh"
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz Europe/London --outages outages.csv \
        --appointments appointments.csv --orders orders.csv >$n.ingest 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check --db "$s" --guarantees "$OFCOM" --period 2026-10 >$n.check 2>&1
    eq "$n check exit" 0 $?
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
done
# 5 appointments and 5 orders, none rejected (002's CSVs)
has pg.ingest "appointments.csv: 5 read, 5 stored, 0 rejected"
has pg.ingest "orders.csv: 5 read, 5 stored, 0 rejected"
has pg.check "3 of 3 guarantees breached"
for f in ingest check xlsx pdf; do
    cmp -s pg.$f sq.$f || fail "pg.$f and sq.$f differ"
done
same ofcom "appointments" "$APPTS"
same ofcom "orders" "$ORDERS"
# The missed appointment A3 cites its row, from PostgreSQL too
# ("appointments.csv line 4"; the narrow evidence column may wrap it after
# the file's name, so its two lines are read in layout order).
pdftotext pg.pdf - | tr '\n' ' ' > pg.txt
pdftotext -layout pg.pdf - | grep -A1 '^ *A3 ' |
    grep -o 'appointments\.csv\( line 4\)\?$\|line 4$' | tr '\n' ' ' > pg-a3.txt
has pg-a3.txt "appointments.csv line 4 "
# The workbook made from PostgreSQL verifies against a recomputation in a
# fresh SQLite store: the same findings digest.
"$bin" verify --report pg.xlsx --guarantees "$OFCOM" \
    --outages outages.csv --appointments appointments.csv \
    --orders orders.csv >verify.out 2>&1
eq "verify exit" 0 $?
has verify.out "findings: recomputed digest"
end

# ---- 7b: snapshots, the reliability cross-check ------------------------------
# tests/e2e/cases/172-reliability-snapshots.sh's month (its figures are
# worked out there): snapshots go through COPY on PostgreSQL; the same
# stored rows, rejects, figures and byte-identical reports from both.
begin snapshots
PG=$(newdb snapshots)
csvs_of "$root/tests/e2e/cases/172-reliability-snapshots.sh"
awk '/^cat > g.ini <<.INI.$/ { f = 1; next } /^INI$/ { f = 0 } f' \
    "$root/tests/e2e/cases/172-reliability-snapshots.sh" > g.ini
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz UTC --outages outages.csv \
        --customers customers.csv --snapshots snapshots.csv >$n.ingest 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check --db "$s" --guarantees g.ini --period 2026-03 \
        --allow-incomplete >$n.check 2>&1
    eq "$n check exit" 0 $?
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
done
has pg.ingest "snapshots.csv: 12 read, 10 stored, 2 rejected"
for f in ingest check xlsx pdf; do
    cmp -s pg.$f sq.$f || fail "pg.$f and sq.$f differ"
done
same snapshots "snapshots" "SELECT n.id, s.name, n.line, n.area, n.at, n.customers_out FROM snapshots n JOIN sources s ON s.id = n.source_id ORDER BY n.id"
same snapshots "rejects" "$REJECTS"
same snapshots "figures" "SELECT subject, name, value, unit FROM figures WHERE name LIKE 'snapshot%' ORDER BY run, k"
eq "system estimate" "4679" "$(psq snapshots "SELECT value FROM figures WHERE subject = 'system' AND name = 'snapshot_saidi'")"
end

# ---- 8: the complaint dossier of an account with appointments and orders ----
# tests/rules/templates/006-ofcom-dossier.sh's ACC9: its chronology lists
# appointments and orders with their file:line; byte-identical from both.
begin dossier
PG=$(newdb dossier)
csvs_of "$TPL/006-ofcom-dossier.sh"
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz Europe/London --outages outages.csv \
        --appointments appointments.csv --orders orders.csv >/dev/null 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" complaint --db "$s" --guarantees "$OFCOM" --account ACC9 \
        --period 2026-10 --customer "Test Customer" --out $n-c >$n.out 2>&1
    eq "$n complaint exit" 0 $?
done
for f in complaint-ACC9.pdf complaint-ACC9.xlsx; do
    cmp -s pg-c/$f sq-c/$f || fail "pg-c/$f and sq-c/$f differ"
done
pdftotext pg-c/complaint-ACC9.pdf c.txt
has c.txt "orders.csv:3"
has c.txt "appointments.csv:4"
end

# ---- 9: the Asterisk sample: queue_log, accounts map, CDR --------------------
# samples/asterisk (its README works out the legs) plus a CDR that gives
# call 1's leg its account: identical legs with their lines, import notes
# and counts, identical reports. Then the same log again with one more
# line (another file): its legs are stored already, counted, not stored.
begin asterisk
PG=$(newdb asterisk)
A=$root/samples/asterisk
# One CDR (18-column layout) for callid 1791190800.1 with accountcode ACC-CDR.
cat > Master.csv <<'CSV'
"ACC-CDR","5550101","100","from-pstn","""Al"" <5550101>","SIP/trunk-0001","PJSIP/201-0001","Queue","tech_support","2026-10-05 09:00:00","2026-10-05 09:00:20","2026-10-05 09:05:20",320,300,"ANSWERED","DOCUMENTATION","1791190800.1",""
CSV
{ cat "$A/queue_log"; echo "1791200000|1791199999.1|tech_support|NONE|ENTERQUEUE||5550199|1"; } >queue_log2
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz UTC --cdr-tz UTC --guarantees "$A/guarantees.ini" \
        --cdr Master.csv --accounts "$A/accounts.csv" --calls "$A/queue_log" >$n.ingest 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" ingest --db "$s" --tz UTC --guarantees "$A/guarantees.ini" \
        --calls queue_log2 >$n.ingest2 2>&1
    eq "$n second log exit" 0 $?
    "$bin" check --db "$s" --guarantees "$A/guarantees.ini" --period 2026-10 >$n.check 2>&1
    eq "$n check exit" 0 $?
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
    "$bin" ingest --db "$s" --tz UTC --guarantees "$A/guarantees.ini" \
        --calls "$A/queue_log" >$n.again 2>&1
    eq "$n re-import exit" 0 $?
done
# 36 lines = 29 stored (13 legs) + 7 counted (samples/asterisk/README.md);
# call 1's account now comes from the CDR: 1 from the CDR, 9 from the map.
has pg.ingest "queue_log: 36 read, 29 stored, 0 rejected, 7 counted"
has pg.ingest "accounts: 1 from the CDR, 9 from the accounts map"
# queue_log2: its 36 lines as before, but the 13 legs' 29 lines are stored
# already (counted), the 2 duplicates and 5 events counted, and line 37 a
# new incomplete leg: 37 read, 1 stored, 36 counted.
has pg.ingest2 "queue_log2: 37 read, 1 stored, 0 rejected, 36 counted"
has pg.ingest2 "29 lines of legs already stored"
has pg.again "already imported"
for f in ingest ingest2 check xlsx pdf again; do
    cmp -s pg.$f sq.$f || { fail "pg.$f and sq.$f differ"; diff pg.$f sq.$f | head -5; }
done
same asterisk "legs" "$LEGS"
same asterisk "sources" "$SOURCES"
same asterisk "rejects" "$REJECTS"
same asterisk "CDRs" "SELECT id, line, uniqueid, accountcode, src, start_at, answer_at, end_at, duration, billsec, disposition FROM cdr_records ORDER BY id"
# A leg built from two lines names both (README: call 4, lines 13 and 14):
# one row, "queue_log lines 13–14" (the cell's lines joined).
pdftotext pg.pdf - | tr '\n' ' ' > pg.txt
has pg.txt "queue_log lines 13–14"
end

# ---- 9b: account ids longer than 255 bytes ----------------------------------
# tests/e2e/cases/234-long-account-ids.sh's month, from its inputs in
# tests/e2e/fixtures/long-accounts (worked out there): A and
# B, 130 "é" then -1001 and -1002 (265 bytes), reach the legs whole from
# the accounts map and (A, callid .5) from a CDR: two accounts, A with 3
# calls and B with 2 in customer_effort. PostgreSQL refused the import
# when they were cut inside an "é" (invalid UTF-8).
begin long-accounts
PG=$(newdb longaccounts)
E=$(printf '\303\251')
P=$(head -c 130 /dev/zero | tr '\000' x | sed "s/x/$E/g")
A=$P-1001
B=$P-1002
cp "$root/tests/e2e/fixtures/long-accounts/"* .
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --guarantees one-call.ini --cdr-tz UTC \
        --cdr Master.csv --accounts accounts.csv \
        --calls-format asterisk-queue-log --calls queue_log >$n.ingest 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check --db "$s" --guarantees one-call.ini --period 2026-10 \
        >$n.check 2>&1
    eq "$n check exit" 0 $?
done
has pg.ingest "accounts: 1 from the CDR, 4 from the accounts map"
has pg.check "2 breaches"
AB="CASE %s WHEN '$A' THEN 'A' WHEN '$B' THEN 'B' END"
eq "legs' accounts" "1|265|A 2|265|A 3|265|B 4|265|B 5|265|A " "$(psq longaccounts \
    "SELECT substr(call_id, 12), octet_length(account_id),
     $(printf "$AB" account_id) FROM call_legs ORDER BY call_id" | tr '\n' ' ')"
eq "calls per account" "A|3 B|2 " "$(psq longaccounts \
    "SELECT $(printf "$AB" subject), value FROM figures
     WHERE name = 'calls' ORDER BY value DESC" | tr '\n' ' ')"
for f in ingest check; do
    cmp -s pg.$f sq.$f || { fail "pg.$f and sq.$f differ"; diff pg.$f sq.$f | head -5; }
done
same longaccounts "legs" "$LEGS"
end

# ---- 10: duplicates, re-import and an older store, on PostgreSQL ----------
# Orders and appointments repeated within a file and across files, and a
# caller number mapped twice ("555-0102" and "(555) 0102" are 5550102):
# the same rejects, worded the same, as SQLite's. A re-import stores
# nothing. Then a store made before these tables existed on PostgreSQL
# (no meta 'pg_revision') is upgraded in place when opened.
begin duplicates
PG=$(newdb dups)
cat > a.csv <<'CSV'
appointment_id,account_id,window_start,window_end
A1,ACC1,2026-10-05 08:00,2026-10-05 13:00
A2,ACC1,2026-10-06 08:00,2026-10-06 13:00
A1,ACC2,2026-10-07 08:00,2026-10-07 13:00
CSV
cat > a2.csv <<'CSV'
appointment_id,account_id,window_start,window_end
A2,ACC3,2026-10-08 08:00,2026-10-08 13:00
A3,ACC3,2026-10-09 08:00,2026-10-09 13:00
CSV
cat > o.csv <<'CSV'
account_id,order_id,ordered_at,promised_at
ACC4,P1,2026-09-28 10:00,2026-10-05
ACC5,P1,2026-09-29 10:00,2026-10-06
ACC6,P2,2026-09-30 10:00,2026-10-07
CSV
cat > acc.csv <<'CSV'
caller_number,account_id
5550101,ACC-1
555-0102,ACC-2
(555) 0102,ACC-3
CSV
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz Europe/London --appointments a.csv \
        --appointments a2.csv --orders o.csv --accounts acc.csv >$n.out 2>&1
    eq "$n exit" 0 $?
    "$bin" ingest --db "$s" --tz Europe/London --appointments a.csv \
        --orders o.csv >$n.again 2>&1
    eq "$n re-import exit" 0 $?
done
same_messages pg.out sq.out
has pg.out "a.csv: 3 read, 2 stored, 1 rejected"
has pg.out "a2.csv: 2 read, 1 stored, 1 rejected"
has pg.out "o.csv: 3 read, 2 stored, 1 rejected"
has pg.out "acc.csv: 3 read, 2 stored, 1 rejected"
has pg.out 'a.csv:4:1: error: rejected: appointment_id "A1": duplicate appointment_id, first stored from a.csv:2'
has pg.out 'a2.csv:2:1: error: rejected: appointment_id "A2": duplicate appointment_id, first stored from a.csv:3'
has pg.out 'o.csv:3:2: error: rejected: order_id "P1": duplicate order_id, first stored from o.csv:2'
has pg.out 'acc.csv:4:1: error: rejected: caller_number "(555) 0102": number 5550102 already mapped, first from acc.csv:3'
has pg.again "already imported"
same dups "rejects" "$REJECTS"
same dups "appointments" "$APPTS"
same dups "orders" "$ORDERS"
same dups "sources" "$SOURCES"
same dups "accounts" "SELECT id, line, caller_number, account_id FROM accounts ORDER BY id"
# An older store: drop what revisions 2 and 3 added, then open it again.
PG=$(newdb old)
ingest_founding "$PG" >/dev/null
psq old "DROP TABLE appointments, orders, accounts, cdr_records; ALTER TABLE call_legs DROP COLUMN lines, DROP COLUMN nlines; ALTER TABLE checks DROP COLUMN max_rejected_bp, DROP COLUMN allow_incomplete; ALTER TABLE evidence DROP COLUMN source_id, DROP COLUMN lines; UPDATE meta SET value = '3' WHERE key = 'schema_version'; DELETE FROM meta WHERE key = 'pg_revision'" >/dev/null
"$bin" ingest --db "$PG" --tz Europe/London --appointments a.csv >old.out 2>&1
eq "old store exit" 0 $?
has old.out "a.csv: 3 read, 2 stored, 1 rejected"
eq "old store revision" 6 "$(psq old "SELECT value FROM meta WHERE key = 'pg_revision'")"
eq "old store schema" 5 "$(psq old "SELECT value FROM meta WHERE key = 'schema_version'")"
# Revision 3: what a check was filed under, with the defaults of before.
eq "old store checks columns" "2" "$(psq old "SELECT count(*) FROM information_schema.columns WHERE table_name = 'checks' AND column_name IN ('max_rejected_bp', 'allow_incomplete')")"
eq "old store legs kept" "64|64" "$(psq old "SELECT count(*), sum(nlines) FROM call_legs")"
# Revision 4: a check made before evidence rows carried their row's file
# and line(s) reports the same, byte for byte, once the store is opened.
R=$(newdb rev3)
ingest_founding "$R" >/dev/null
"$bin" check --db "$R" --guarantees "$G" --period 2026-10 >/dev/null 2>&1
"$bin" report --db "$R" -o a.xlsx >/dev/null 2>&1
"$bin" report --db "$R" -o a.pdf >/dev/null 2>&1
[ -s a.xlsx ] && [ -s a.pdf ] || fail "revision 4 store: no reports"
eq "evidence filled at the check" "0" "$(psq rev3 "SELECT count(*) FROM evidence WHERE source_id IS NULL OR lines IS NULL")"
eq "evidence lines as the rows'" "0" "$(psq rev3 "SELECT count(*) FROM evidence e JOIN call_legs c ON c.id = e.row_id WHERE e.tbl = 'call_legs' AND (e.source_id IS DISTINCT FROM c.source_id OR e.lines IS DISTINCT FROM coalesce(c.lines, c.line::text))")"
nfig=$(psq rev3 "SELECT count(*) FROM figures")
[ "$(psq rev3 "SELECT count(*) FROM figure_runs")" -lt "$nfig" ] || fail "figures not stored by runs"
# Revision 3 stored figures one per row in a table of that name.
psq rev3 "ALTER TABLE evidence DROP COLUMN source_id, DROP COLUMN lines; CREATE TABLE f3 AS SELECT result_id, subject, name, value, unit, run, k FROM figures; DROP VIEW figures; DROP TABLE figure_runs; CREATE TABLE figures (id bigserial PRIMARY KEY, result_id bigint NOT NULL, subject text COLLATE \"C\" NOT NULL, name text COLLATE \"C\" NOT NULL, value bigint NOT NULL, unit text COLLATE \"C\" NOT NULL); INSERT INTO figures (result_id, subject, name, value, unit) SELECT result_id, subject, name, value, unit FROM f3 ORDER BY run, k; DROP TABLE f3; CREATE INDEX figures_result ON figures(result_id); UPDATE meta SET value = '3' WHERE key IN ('schema_version', 'pg_revision')" >/dev/null
"$bin" report --db "$R" -o b.xlsx >rev3.out 2>&1
eq "revision 3 store report exit" 0 $?
"$bin" report --db "$R" -o b.pdf >/dev/null 2>&1
cmp -s a.xlsx b.xlsx || fail "revision 3 store: the XLSX differs after the upgrade"
cmp -s a.pdf b.pdf || fail "revision 3 store: the PDF differs after the upgrade"
eq "revision 3 store filled" "0|6" "$(psq rev3 "SELECT count(*) FILTER (WHERE source_id IS NULL), (SELECT value FROM meta WHERE key = 'pg_revision') FROM evidence")"
eq "revision 3 store figures" "$nfig|$nfig|0" "$(psq rev3 "SELECT (SELECT count(*) FROM figures), count(*), count(more) FROM figure_runs")"
# Revision 5: a revision 4 store (no snapshots table) gains the table.
psq rev3 "DROP TABLE snapshots; UPDATE meta SET value = '4' WHERE key IN ('schema_version', 'pg_revision')" >/dev/null
"$bin" report --db "$R" -o c.xlsx >/dev/null 2>&1
eq "revision 4 store report exit" 0 $?
cmp -s a.xlsx c.xlsx || fail "revision 4 store: the XLSX differs after the upgrade"
eq "revision 4 store upgraded" "6|5|0" "$(psq rev3 "SELECT (SELECT value FROM meta WHERE key = 'pg_revision'), (SELECT value FROM meta WHERE key = 'schema_version'), count(*) FROM snapshots")"
# A newer revision is refused, as a newer schema is.
psq old "UPDATE meta SET value = '99' WHERE key = 'pg_revision'" >/dev/null
"$bin" report --db "$PG" -o x.xlsx >new.out 2>&1
eq "newer revision exit" 70 $?
has new.out "store schema revision 99 is newer than this ombud supports"
end

# ---- forget: a source, its rows and every check, on both stores -------------
# Founding case and a check; a corrected calls.csv (lines 2, 5, 9: queue
# tech_support -> repair) is imported over it: 61 of 64 rows are
# duplicates of source 2 and the warning says so; then the old file and
# the partial import are forgotten, the corrected file imported and
# checked again. Both stores must agree at every step.
begin forget
PG=$(newdb forget)
sed -e '2s/,tech_support,2026-10-14 16:40:12/,repair,2026-10-14 16:40:12/' \
    -e '5s/,tech_support,2026-10-14 17:48:30/,repair,2026-10-14 17:48:30/' \
    -e '9s/,tech_support,2026-10-14 19:21:05/,repair,2026-10-14 19:21:05/' \
    "$F/calls.csv" > calls.csv
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    ingest_founding "$s" >/dev/null
    "$bin" check --db "$s" --guarantees "$G" --period 2026-10 >/dev/null 2>&1
    "$bin" ingest --db "$s" --tz $LA --calls calls.csv >$n.fix 2>&1
    eq "$n corrected ingest exit" 0 $?
    "$bin" forget --db "$s" calls.csv >$n.amb 2>&1
    eq "$n ambiguous exit" 65 $?
    "$bin" forget --db "$s" nothing.csv >$n.unknown 2>&1
    eq "$n unknown exit" 65 $?
    "$bin" forget --db "$s" 2 "$(sha256sum calls.csv | cut -c1-10)" >$n.forget 2>&1
    eq "$n forget exit" 0 $?
    "$bin" ingest --db "$s" --tz $LA --calls calls.csv >$n.again 2>&1
    "$bin" check --db "$s" --guarantees "$G" --period 2026-10 >$n.check 2>&1
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1
    eq "$n report exit" 0 $?
done
has pg.fix "calls.csv: warning: differs from the calls.csv already stored (source 2): 61 of 64 rows rejected as duplicates of it; use a new store, or 'ombud forget 2' and import again"
has pg.amb "'calls.csv' is ambiguous: 2 sources match"
has pg.unknown "'nothing.csv' names no stored source"
has pg.forget "forgot calls.csv (source 2, calls, SHA-256 $(sha256sum "$F/calls.csv" | cut -c1-12)): 64 rows, 0 rejects"
has pg.forget "forgot calls.csv (source 4, calls, SHA-256 $(sha256sum calls.csv | cut -c1-12)): 3 rows, 61 rejects"
has pg.forget "1 check removed (2026-10): run ombud check again"
has pg.again "calls.csv: 64 read, 64 stored, 0 rejected"
lacks pg.again "warning"
# (The corrected import's other lines differ by backend as documented:
# PostgreSQL finds duplicates at the end of the file.)
has sq.fix "calls.csv: warning: differs from the calls.csv already stored (source 2): 61 of 64 rows rejected"
for f in amb unknown forget again check; do
    cmp -s pg.$f sq.$f || { fail "pg.$f and sq.$f differ"; diff pg.$f sq.$f | head -5; }
done
cmp -s pg.xlsx sq.xlsx || fail "pg.xlsx and sq.xlsx differ"
# Rows left: sources 1, 3 and the corrected calls (5); no rejects; the
# legs (in their month partition) all from source 5, three in repair.
eq "sources" "1|outages.csv|3
3|billing.csv|18
5|calls.csv|64" "$(psq forget "SELECT id, name, rows_stored FROM sources ORDER BY id")"
eq "rows" "3|64|18|0|64" "$(psq forget "SELECT (SELECT count(*) FROM outages), (SELECT count(*) FROM call_legs), (SELECT count(*) FROM billing_events), (SELECT count(*) FROM rejects), (SELECT count(*) FROM call_legs_p202610 WHERE source_id = 5)")"
eq "corrected legs" 3 "$(psq forget "SELECT count(*) FROM call_legs WHERE queue = 'repair' AND line IN (2, 5, 9)")"
eq "one check, the new one" 1 "$(psq forget "SELECT count(*) FROM checks")"
eq "evidence of the new legs only" 0 "$(psq forget "SELECT count(*) FROM evidence e WHERE e.tbl = 'call_legs' AND NOT EXISTS (SELECT 1 FROM call_legs c WHERE c.id = e.row_id AND c.source_id = 5)")"
eq "sqlite agrees" "3|64|18|0" "$(sqlite3 sq.db "SELECT (SELECT count(*) FROM outages), (SELECT count(*) FROM call_legs), (SELECT count(*) FROM billing_events), (SELECT count(*) FROM rejects)")"
eq "sqlite integrity" ok "$(sqlite3 sq.db "PRAGMA integrity_check")"
eq "sqlite foreign keys" "" "$(sqlite3 sq.db "PRAGMA foreign_key_check")"
end

# ---- steps: step restoration, the same rows and figures from both stores ----
# tests/rules/reliability/003-step-restoration.sh's month (worked out
# there): steps in two files, a repeated step and a step of another start
# rejected as duplicates, the same outage_steps, rejects, check output and
# reports from both stores.
begin steps
PG=$(newdb steps)
csvs_of "$root/tests/rules/reliability/003-step-restoration.sh"
cat > rel.ini <<'INI'
[filing]
carrier = Example Electric
commission = K
timezone = America/New_York

[guarantee rel]
promise = reliable supply
source = tariff
kind = reliability
saifi_max = 1.00
cemi_n = 1
celid_t = 1h
t_med = 10h

[guarantee fix]
promise = restored within 2 hours 30 minutes
source = tariff
kind = restoration
within = 2h30m
INI
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest --db "$s" --tz America/New_York --outages outages.csv \
        --outages outages2.csv --customers customers.csv >$n.ingest 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check --db "$s" --guarantees rel.ini --period 2026-11 \
        --allow-incomplete >$n.check 2>&1
    eq "$n check exit" 0 $?
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
done
has pg.ingest "outages.csv: 8 read, 5 stored, 3 rejected"
has pg.ingest "outages2.csv: 2 read, 1 stored, 1 rejected"
# (PostgreSQL names the duplicates when a file ends, SQLite as they come:
# the rejects are compared as stored.)
for f in check xlsx pdf; do
    cmp -s pg.$f sq.$f || fail "pg.$f and sq.$f differ"
done
same steps "restoration steps" "SELECT s.name, p.line, p.outage_id, p.restored_at, p.customers_restored FROM outage_steps p JOIN sources s ON s.id = p.source_id ORDER BY p.id"
same steps "rejects" "$REJECTS"
same steps "evidence" "SELECT e.tbl, s.name, e.lines FROM evidence e JOIN sources s ON s.id = e.source_id ORDER BY e.breach_id, s.name, e.lines"
eq "SAIFI" 1401 "$(psq steps "SELECT value FROM figures WHERE subject = 'system' AND name = 'saifi'")"
end

# ---- history: earlier months beside the report's, the same from both stores --
# e2e 207's store (three months of one guarantees file, a month of another
# and a quarter beside them): the earlier checks are found by the same
# query on both backends, so the reports are the same bytes, and the one
# made from PostgreSQL verifies in a fresh SQLite store.
begin history
PG=$(newdb history)
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC
currency = USD

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
per_day_late = 10.00
INI
sed 's/within = 24h/within = 48h/' g.ini > other.ini
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-08-03T00:00:00Z,2026-08-03T10:00:00Z,cut
O-2,A2,n,2026-09-02T00:00:00Z,2026-09-03T06:00:00Z,cut
O-3,A3,n,2026-09-10T00:00:00Z,2026-09-10T02:00:00Z,cut
O-4,A4,n,2026-10-01T00:00:00Z,2026-10-03T12:00:00Z,cut
O-5,A5,n,2026-10-05T00:00:00Z,2026-10-06T06:00:00Z,cut
O-6,A6,n,2026-10-07T00:00:00Z,2026-10-07T01:00:00Z,cut
CSV
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest -q --db "$s" --tz UTC --outages o.csv >/dev/null 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check -q --db "$s" --guarantees other.ini --period 2026-07 \
        --allow-incomplete >/dev/null 2>&1
    "$bin" check -q --db "$s" --guarantees g.ini --period 2026-Q2 \
        --allow-incomplete >/dev/null 2>&1
    for p in 2026-08 2026-09 2026-10; do
        "$bin" check -q --db "$s" --guarantees g.ini --period $p >/dev/null 2>&1
        eq "$n check $p exit" 0 $?
    done
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
done
for f in xlsx pdf; do
    cmp -s pg.$f sq.$f || fail "pg.$f and sq.$f differ"
done
unzip -p pg.xlsx xl/workbook.xml | grep -q 'name="History"' ||
    fail "pg.xlsx has no History sheet"
"$bin" verify --report pg.pdf --guarantees g.ini --outages o.csv >verify.out 2>&1
eq "verify exit" 0 $?
has verify.out "it is the same file byte for byte"
end

# ---- a quarter, month by month -------------------------------------------
# samples/months-quarter (tests/rules/months/001-quarter.sh works out its
# figures): each month is judged into a scratch result that the engine
# reads back (figures and breaches, per reporting unit) and drops, in the
# middle of a check, while PostgreSQL still holds findings rows to send.
# The same months figures, no scratch result left, byte-identical reports.
begin quarter
PG=$(newdb quarter)
MQ=$root/samples/months-quarter
for s in "$PG" sq.db; do
    n=pg; [ "$s" = sq.db ] && n=sq
    "$bin" ingest -q --db "$s" --guarantees "$MQ/guarantees.ini" \
        --outages "$MQ/outages.csv" --calls "$MQ/calls.csv" >/dev/null 2>&1
    eq "$n ingest exit" 0 $?
    "$bin" check -q --db "$s" --guarantees "$MQ/guarantees.ini" \
        --period 2026-Q4 >/dev/null 2>&1
    eq "$n check exit" 0 $?
    "$bin" report --db "$s" -o $n.xlsx >/dev/null 2>&1; eq "$n xlsx exit" 0 $?
    "$bin" report --db "$s" -o $n.pdf >/dev/null 2>&1; eq "$n pdf exit" 0 $?
done
same quarter "months figures" "SELECT r.guarantee_id, f.subject, f.name, f.value, f.unit FROM figures f JOIN results r ON r.id = f.result_id WHERE f.name LIKE 'month.%' ORDER BY r.seq, f.run, f.k"
same quarter "results" "SELECT seq, guarantee_id, status, measured, breaches FROM results ORDER BY seq"
eq "troubles, South in the quarter" "period South|month.den|600" \
    "$(psq quarter "SELECT f.subject, f.name, f.value FROM figures f JOIN results r ON r.id = f.result_id WHERE r.guarantee_id = 'troubles' AND f.subject = 'period South' AND f.name = 'month.den'")"
eq "no scratch result left" 0 "$(psq quarter "SELECT count(*) FROM results WHERE seq < 0")"
eq "no scratch breach left" 0 "$(psq quarter "SELECT count(*) FROM breaches b WHERE NOT EXISTS (SELECT 1 FROM results r WHERE r.id = b.result_id)")"
for f in xlsx pdf; do
    cmp -s pg.$f sq.$f || fail "pg.$f and sq.$f differ"
done
"$bin" verify --report pg.xlsx --guarantees "$MQ/guarantees.ini" \
    --outages "$MQ/outages.csv" --calls "$MQ/calls.csv" >verify.out 2>&1
eq "verify exit" 0 $?
end

# ---- partitions from the months noted while staging ------------------------
# Billing posted out of time order across a year's end, in UTC (times with
# an offset): each row lands in its own UTC month's partition, each
# partition made once, a month seen again later (2026-12 on line 5) added
# to the list in order, and a row at 00:00:00 on the 1st in the new month.
begin months
PG=$(newdb months)
cat >billing.csv <<'CSV'
account_id,kind,posted_at,amount,currency
ACC-1,charge,2027-01-01T00:00:00Z,10.00,USD
ACC-1,charge,2026-12-31T23:59:59Z,11.00,USD
ACC-2,charge,2026-01-15T12:00:00Z,12.00,USD
ACC-2,charge,2027-02-28T23:59:59+00:00,13.00,USD
ACC-3,charge,2026-12-01T00:00:00Z,14.00,USD
ACC-3,charge,2027-01-31T19:00:00-05:00,15.00,USD
CSV
"$bin" ingest -q --db "$PG" --tz UTC --billing billing.csv >ingest.out 2>&1
eq "ingest exit" 0 $?
eq "partitions" "billing_events_p202601
billing_events_p202612
billing_events_p202701
billing_events_p202702" "$(psq months "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'billing_events' ORDER BY 1")"
eq "rows in their months" "2|billing_events_p202701
3|billing_events_p202612
4|billing_events_p202601
5|billing_events_p202702
6|billing_events_p202612
7|billing_events_p202702" "$(psq months "SELECT line, tableoid::regclass FROM billing_events ORDER BY line")"
# A new month is filled before it is attached, so the ids are given: they
# follow the lines. A second file into a month stored (2027-02) and a new
# one (2027-03), interleaved, one line rejected: ids still follow its
# lines across both (a gap for the reject), and the new month's partition
# has every index of the parent.
cat >billing2.csv <<'CSV'
account_id,kind,posted_at,amount,currency
ACC-4,charge,2027-03-02T00:00:00Z,20.00,USD
ACC-4,charge,2027-02-02T00:00:00Z,21.00,USD
ACC-4,charge,not a time,22.00,USD
ACC-5,charge,2027-03-03T00:00:00Z,23.00,USD
ACC-5,charge,2027-02-03T00:00:00Z,24.00,USD
CSV
"$bin" ingest -q --db "$PG" --tz UTC --billing billing2.csv >ingest2.out 2>&1
eq "second ingest exit" 0 $?
eq "ids by line, across months" "2|billing_events_p202703
3|billing_events_p202702
5|billing_events_p202703
6|billing_events_p202702" "$(psq months "SELECT line, tableoid::regclass FROM billing_events WHERE source_id = (SELECT max(id) FROM sources) ORDER BY id")"
eq "ids increase with lines" "t" "$(psq months "SELECT bool_and(ok) FROM (SELECT id > lag(id) OVER (ORDER BY line) ok FROM billing_events WHERE source_id = (SELECT max(id) FROM sources)) x WHERE ok IS NOT NULL")"
eq "ids unique" "10|10" "$(psq months "SELECT count(*), count(DISTINCT id) FROM billing_events")"
eq "indexes of a month" 4 "$(psq months "SELECT count(*) FROM pg_indexes WHERE tablename = 'billing_events_p202601'")"
eq "indexes of the new month" "$(psq months "SELECT count(*) FROM pg_indexes WHERE tablename = 'billing_events_p202601'")" \
    "$(psq months "SELECT count(*) FROM pg_indexes WHERE tablename = 'billing_events_p202703'")"
eq "read = stored + rejected" "5|4|1" "$(psq months "SELECT rows_read, rows_stored, rows_rejected FROM sources WHERE id = (SELECT max(id) FROM sources)")"
# The parent's statistics: taken with the first file (6 rows), not again
# for the second (10 rows in all, less than twice 6), again once its
# months hold twice the rows it had (13 with a third file).
eq "parent analysed at the first file" 6 "$(psq months "SELECT reltuples FROM pg_class WHERE relname = 'billing_events'")"
printf 'account_id,kind,posted_at,amount,currency\nACC-6,charge,2027-02-04T00:00:00Z,1.00,USD\nACC-6,charge,2027-02-05T00:00:00Z,1.00,USD\nACC-6,charge,2027-02-06T00:00:00Z,1.00,USD\n' >billing3.csv
"$bin" ingest -q --db "$PG" --tz UTC --billing billing3.csv >ingest3.out 2>&1
eq "third ingest exit" 0 $?
eq "parent analysed as the store doubled" 13 "$(psq months "SELECT reltuples FROM pg_class WHERE relname = 'billing_events'")"
eq "a month analysed with its file" 7 "$(psq months "SELECT reltuples FROM pg_class WHERE relname = 'billing_events_p202702'")"
end

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
