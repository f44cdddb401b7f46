# check: errors in the guarantees file are data errors (exit 65), each
# printed as FILE:LINE: error: [SECTION] KEY: MESSAGE, with the line of the
# key (or of the section header when a key is missing). No findings are
# written.
#
# The good file, line by line:
#  1 [filing]
#  2 carrier = Test Carrier
#  3 commission = Test Commission
#  4 timezone = UTC
#  5
#  6 [guarantee x]
#  7 promise = 24/7 live tech support
#  8 source = brochure
#  9 kind = live_support
# 10 queues = tech_support
# 11 max_wait = 10m
# Each bad file changes or adds one line (or two for the last cases).

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
K1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:20,closed
CSV
ingest UTC --calls calls.csv

good() {
    cat <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee x]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech_support
max_wait = 10m
INI
}

# bad_file NAME SED-SCRIPT: the good file edited by sed.
bad_file() {
    good | sed "$2" > "$1"
}

try() { # FILE
    run_ombud check --db "$DB" --guarantees "$1" --period 2026-10
    expect_exit 65
}

# The good file works.
good > good.ini
run_ombud check --db "$DB" --guarantees good.ini --period 2026-10
expect_exit 0
rm -f "$DB"*
ingest UTC --calls calls.csv

# unknown key (added as line 12)
bad_file unknown-key.ini '$a colour = red'
try unknown-key.ini
expect_stderr_line "unknown-key.ini:12: error: [guarantee x] colour: " "unknown key"

# unknown kind (line 9)
bad_file unknown-kind.ini 's/^kind = .*/kind = live_suport/'
try unknown-kind.ini
expect_stderr_line "unknown-kind.ini:9: error: [guarantee x] kind: " \
    "unknown kind 'live_suport'"

# bad duration (line 11)
bad_file bad-duration.ini 's/^max_wait = .*/max_wait = 10 minutes/'
try bad-duration.ini
expect_stderr_line "bad-duration.ini:11: error: [guarantee x] max_wait: " \
    "bad duration '10 minutes'"

# bad hours (added as line 12): a range ending before it starts, an
# unknown day
bad_file bad-hours.ini '$a hours = mon-fri 20:00-08:00'
try bad-hours.ini
expect_stderr_line "bad-hours.ini:12: error: [guarantee x] hours: " "20:00-08:00"
bad_file bad-day.ini '$a hours = mnd 08:00-20:00'
try bad-day.ini
expect_stderr_line "bad-day.ini:12: error: [guarantee x] hours: " "unknown day 'mnd'"

# unknown time zone (line 4)
bad_file bad-tz.ini 's|^timezone = .*|timezone = Mars/Olympus|'
try bad-tz.ini
expect_stderr_line "bad-tz.ini:4: error: [filing] timezone: " \
    "unknown time zone 'Mars/Olympus'"

# a required key missing (max_wait, line 11, deleted): reported on the
# section's line 6
bad_file missing-key.ini '/^max_wait/d'
try missing-key.ini
expect_stderr_line "missing-key.ini:6: error: [guarantee x] max_wait: " "required"

# no [filing] section (lines 1-5 deleted)
bad_file no-filing.ini '1,5d'
try no-filing.ini
expect_stderr_has "no [filing] section"

# A restoration guarantee naming a calendar that is not defined, and a
# target that is not a percentage (lines 12-17 added).
good > restoration.ini
cat >> restoration.ini <<'INI'
[guarantee r]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
calendar = office
INI
try restoration.ini
expect_stderr_line "restoration.ini:17: error: [guarantee r] calendar: " \
    "no [calendar office] section"
sed 's/^calendar = office/target = 180%/' restoration.ini > bad-target.ini
try bad-target.ini
expect_stderr_line "bad-target.ini:17: error: [guarantee r] target: " "180%"

# Two errors in one file: both are printed.
bad_file two.ini 's/^max_wait = .*/max_wait = soon/; s/^kind = .*/&\nqueue = tech_support/'
#  9 kind = live_support, 10 queue = tech_support (unknown key),
# 11 queues = tech_support, 12 max_wait = soon
try two.ini
expect_stderr_line "two.ini:10: error: [guarantee x] queue: " "unknown key"
expect_stderr_line "two.ini:12: error: [guarantee x] max_wait: " "bad duration 'soon'"

# A key given twice (line 12 repeats line 11's key).
bad_file twice.ini '$a max_wait = 5m'
try twice.ini
expect_stderr_line "twice.ini:12: error: [guarantee x] max_wait: " \
    "given twice (first on line 11)"

# An answer_time guarantee with a bad word and a bad yes/no (lines 12-20
# added: 19 per = week, 20 count_abandoned = maybe).
good > words.ini
cat >> words.ini <<'INI'
[guarantee a]
promise = 80% within 60 seconds
source = standards
kind = answer_time
queues = tech_support
within = 60s
target = 80%
per = week
count_abandoned = maybe
INI
try words.ini
expect_stderr_line "words.ini:19: error: [guarantee a] per: " "expected one of"
expect_stderr_line "words.ini:20: error: [guarantee a] count_abandoned: " ""

# Nothing was written by the failed checks.
expect_sql "SELECT count(*) FROM checks" 0

# A guarantees file that cannot be opened: 66.
run_ombud check --db "$DB" --guarantees missing.ini --period 2026-10
expect_exit 66

# `ombud run` reads the guarantees before importing anything.
run_ombud run --guarantees unknown-kind.ini --calls calls.csv --out out
expect_exit 65
expect_stderr_line "unknown-kind.ini:9: error: [guarantee x] kind: " "unknown kind"
if [ -e out/evidence.db ]; then
    expect_eq "no store written by run with bad guarantees" absent present
else
    expect_eq "no store written by run with bad guarantees" absent absent
fi
