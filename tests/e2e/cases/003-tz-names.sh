# --tz takes an IANA zone name (or UTC). src/time.c refuses strings that
# would be read as POSIX TZ rules "so typos are not silently read as some
# offset": a user writing UTC+5 means UTC+05:00, but as a POSIX rule it is
# UTC-05:00. Such strings, and any other non-IANA string, must exit 64.

printf 'outage_id,started_at\nO-1,2026-10-01 12:00:00\n' > o.csv

n=0
for z in UTC+5 GMT+5 XYZ3 'EST+5EDT,M3.2.0,M11.1.0' America/Nowhere +05:00 5; do
    n=$((n + 1))
    DB=bad$n.db
    ingest --tz "$z" --outages o.csv
    expect_exit 64
    expect_stderr_has "unknown time zone"
    expect_no_file "$DB"
done
DB=ev.db

# IANA names are fine, including the Etc/GMT ones with their inverted sign
# (Etc/GMT-5 is UTC+05:00: 12:00 local is 07:00 UTC) and legacy names
# that are files in tzdata (EST5EDT: EDT, UTC-4, on 2026-10-01 -> 16:00).
ingest --tz Etc/GMT-5 --outages o.csv
expect_exit 0
expect_sql "SELECT started_at FROM outages" "$(utc '2026-10-01 07:00:00')"
rm -f "$DB"*
ingest --tz EST5EDT --outages o.csv
expect_exit 0
expect_sql "SELECT started_at FROM outages" "$(utc '2026-10-01 16:00:00')"
rm -f "$DB"*
ingest --tz Z --outages o.csv
expect_exit 0
expect_sql "SELECT started_at FROM outages" "$(utc '2026-10-01 12:00:00')"
