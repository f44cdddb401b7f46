# Faults: a time zone that does not exist (--tz Nowhere/City, a guarantees
# file with timezone = Nowhere/City, a calendar's zone), and a machine with
# no tz database at all (TZDIR pointing at an empty folder). A zone that
# cannot be found is an error, never a silent UTC: 64 for --tz (nothing
# created), 65 for the guarantees file with FILE:LINE (before any import,
# store unchanged). UTC itself needs no tz database. The process's own TZ
# never changes what is stored.

O=$FOUNDING/outages.csv
C=$FOUNDING/calls.csv

# ---- --tz -------------------------------------------------------------------
ingest --tz Nowhere/City --outages "$O"
expect_exit 64
expect_stderr_has "--tz: unknown time zone"
expect_stderr_has "Nowhere/City"
expect_no_file "$DB"
for z in UTC+5 America/Nowhere ../../etc/passwd ''; do
    ingest --tz "$z" --outages "$O"
    expect_exit 64
done
expect_no_file "$DB"

# ---- the guarantees file ------------------------------------------------------
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = Nowhere/City

[calendar weekdays]
hours = mon-fri 08:00-20:00
timezone = Nowhere/Else

[guarantee r]
promise = P
source = S
kind = restoration
within = 24h
calendar = weekdays
INI
run_ombud run --guarantees g.ini --outages "$O" --out out
expect_exit 65
expect_stderr_line "g.ini:4: error: " "[filing] timezone: unknown time zone 'Nowhere/City'"
expect_stderr_line "g.ini:8: error: " "[calendar weekdays] timezone: unknown time zone 'Nowhere/Else'"
expect_no_file out

ingest_la --outages "$O" --calls "$C"
expect_exit 0
before=$(sqlite3 "$DB" .dump | cksum)
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 65
expect_stderr_line "g.ini:4: error: " "unknown time zone 'Nowhere/City'"
expect_eq "store unchanged by the refused check" "$before" "$(sqlite3 "$DB" .dump | cksum)"
expect_sql "SELECT count(*) FROM checks" 0

# ---- no tz database on the machine ----------------------------------------------
mkdir notzdata
TZDIR=$PWD/notzdata
export TZDIR
ingest --db none.db --tz America/Los_Angeles --outages "$O"
expect_exit 64
expect_stderr_has "unknown time zone"
expect_no_file none.db
run_ombud check --db "$DB" --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini"
expect_exit 65
expect_stderr_has "unknown time zone 'America/Los_Angeles'"
expect_eq "store unchanged without tzdata" "$before" "$(sqlite3 "$DB" .dump | cksum)"
# UTC needs no tz database.
ingest --db utc.db --outages "$O"
expect_exit 0
unset TZDIR

# ---- the process's TZ changes nothing that is stored ------------------------------
for tz in Nowhere/City UTC Asia/Kathmandu; do
    TZ=$tz "$OMBUD" ingest --db tz-$(echo $tz | tr / _).db --tz "$LA" --calls "$C" >/dev/null 2>&1
done
expect_eq "stored instants with TZ=Nowhere/City and TZ=UTC" \
    "$(sqlite3 tz-UTC.db 'SELECT sum(arrived_at), sum(ended_at) FROM call_legs')" \
    "$(sqlite3 tz-Nowhere_City.db 'SELECT sum(arrived_at), sum(ended_at) FROM call_legs')"
expect_eq "stored instants with TZ=Asia/Kathmandu and TZ=UTC" \
    "$(sqlite3 tz-UTC.db 'SELECT sum(arrived_at), sum(ended_at) FROM call_legs')" \
    "$(sqlite3 tz-Asia_Kathmandu.db 'SELECT sum(arrived_at), sum(ended_at) FROM call_legs')"
