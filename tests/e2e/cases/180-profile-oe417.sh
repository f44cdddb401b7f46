# Import profiles (issue 29): the real DOE OE-417 / Purdue outage file
# (samples/oe417/outage-excerpt.csv, its first 30 lines) read as it is.
# Counted by hand from the file: lines 1-5 preamble, 6 header, 7 units,
# 8-30 the events OBS 1-23; times are US Central (CDT in all of them).

PROF=$E2E_ROOT/templates/profiles/oe417-purdue-outages.ini
CSV=$SAMPLES/oe417/outage-excerpt.csv

ingest --tz UTC --profile "$PROF" --outages "$CSV"
expect_exit 0
expect_counts "$CSV" 23 23 0
expect_accounting
expect_stderr_has "outage-excerpt.csv: 23 read, 23 stored, 0 rejected"
# the profile's zone wins over --tz, and is recorded
expect_sql "SELECT tz FROM sources" "America/Chicago"
expect_sql "SELECT notes FROM sources" \
    "5 lines before the header and 1 after it skipped, as the profile says"
expect_sql "SELECT settings FROM sources" \
    "profile = oe417-purdue-outages.ini; profile_sha256 = $(sha256sum "$PROF" | cut -c1-64)"
# first event, line 8: Friday, July 1, 2011 5:00:00 PM CDT to Sunday,
# July 3, 2011 8:00:00 PM; 70000 customers; detail NA: the category alone
expect_sql "SELECT line, started_at, restored_at, customers_affected, area, cause
            FROM outages WHERE outage_id = 'OE417-1'" \
    "8|$(utc '2011-07-01 22:00:00')|$(utc '2011-07-04 01:00:00')|70000|MN|severe weather"
# line 9: category and detail joined by the first alternative
expect_sql "SELECT cause FROM outages WHERE outage_id = 'OE417-2'" \
    "intentional attack: vandalism"
# line 15: 3.00E+05 customers
expect_sql "SELECT customers_affected FROM outages WHERE outage_id = 'OE417-8'" \
    "300000"
# line 22: 12:00:00 AM is midnight (05:00 UTC)
expect_sql "SELECT started_at FROM outages WHERE outage_id = 'OE417-15'" \
    "$(utc '2014-06-15 05:00:00')"
# last event, line 30: Thursday, July 30, 2015 1:00:00 PM, restoration NA
expect_sql "SELECT line, started_at, restored_at IS NULL FROM outages
            WHERE outage_id = 'OE417-23'" "30|$(utc '2015-07-30 18:00:00')|1"
# the earliest start: OBS 8, Wednesday, June 8, 2005 4:00:00 AM CDT
expect_sql "SELECT min(started_at) FROM outages" "$(utc '2005-06-08 09:00:00')"
# Tennessee rows (lines 23-30) are TN
expect_sql "SELECT count(*) FROM outages WHERE area = 'TN'" "8"

# The same file again: already imported.
ingest --profile "$PROF" --outages "$CSV"
expect_exit 0
expect_stderr_has "already imported"

# No --tz: the profile's zone is enough when every file has one...
run_ombud ingest --db zone.db --profile "$PROF" --outages "$CSV"
expect_exit 0
expect_stderr_has "outage-excerpt.csv: 23 read, 23 stored, 0 rejected"
# ...but a profile without one gives no zone: refused, as without a profile
grep -v '^timezone' "$PROF" > nozone.ini
run_ombud ingest --db nozone.db --profile nozone.ini --outages "$CSV"
expect_exit 64
expect_stderr_has "no time zone: give --tz ZONE"
