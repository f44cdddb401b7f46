# The guarantees file: a [filing] value longer than a filing keeps is
# refused (it would be cut, maybe inside a character), and so is a section
# name that is not clean UTF-8 text (a guarantee's id names a sheet and
# reaches the XML and the PDF, as values do). Nothing is checked.
# Lines are at most 198 characters: a long value goes on indented
# continuation lines, joined with one space: 150 + 1 + 104 = 255 bytes.
cat > ok.ini <<INI
[filing]
carrier = $(repeat_char a 150)
  $(repeat_char a 104)
commission = K
[guarantee r]
promise = P
source = S
kind = restoration
within = 24h
INI
sed "3s/\$/b/" ok.ini > long.ini
printf 'docket = %s\n  %s\n' "$(repeat_char 9 100)" "$(repeat_char 9 27)" > d.txt
sed '/^commission/r d.txt' ok.ini > docket.ini
printf '[filing]\ncarrier = C\ncommission = K\n[guarantee r\205x]\npromise = P\nsource = S\nkind = restoration\nwithin = 24h\n' > name.ini
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-02T06:00:00Z,cut
CSV
ingest --tz UTC --outages o.csv
expect_exit 0

run_ombud check --db "$DB" --guarantees ok.ini --period 2026-10
expect_exit 0
run_ombud check --db "$DB" --guarantees long.ini --period 2026-10
expect_exit 65
expect_stderr_has 'long.ini:2: error: [filing] carrier: 256 bytes, more than the 255 a filing keeps: shorten it'
run_ombud check --db "$DB" --guarantees docket.ini --period 2026-10
expect_exit 65
expect_stderr_has 'docket: 128 bytes, more than the 127 a filing keeps'
run_ombud check --db "$DB" --guarantees name.ini --period 2026-10
expect_exit 65
expect_stderr_has 'name.ini:4: error: section name: invalid UTF-8 at byte 12'
expect_stderr_lacks 'key outside any section'
# Only the good file made a check.
expect_sql "SELECT count(*) FROM checks" 1
