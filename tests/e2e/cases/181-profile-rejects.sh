# Import profiles (issue 29): rejects name the file's line and column, the
# value as assembled, and the profile line that shaped it. The OE-417
# excerpt with three lines changed by hand.

PROF=$E2E_ROOT/templates/profiles/oe417-purdue-outages.ini
# line 8: July 32; line 9: a Sunday written as Monday; line 10: the
# restoration date is there but its time is NA (restored_at has NA for
# blank: partly blank, so rejected, not silently dropped)
sed -e '8s/"Friday, July 1, 2011"/"Friday, July 32, 2011"/' \
    -e '9s/"Sunday, May 11, 2014",6:38:00 PM/"Monday, May 11, 2014",6:38:00 PM/' \
    -e '10s/,10:00:00 PM,severe/,NA,severe/' \
    "$SAMPLES/oe417/outage-excerpt.csv" > oe417.csv
ingest --profile "$PROF" --outages oe417.csv
expect_exit 0
expect_counts oe417.csv 23 20 3
expect_accounting
expect_reject oe417.csv 8 11 started_at \
    "day out of range (profile oe417-purdue-outages.ini:28)"
expect_stderr_has 'oe417.csv:8:11: error: rejected: started_at "Friday, July 32, 2011 5:00:00 PM": day out of range (profile oe417-purdue-outages.ini:28)'
expect_reject oe417.csv 9 11 started_at \
    "2014-05-11 is a Sunday, not a Monday (profile oe417-purdue-outages.ini:28)"
expect_reject oe417.csv 10 14 restored_at \
    "blank, but field 13 (\"Thursday, October 28, 2010\") of the same template is not (profile oe417-purdue-outages.ini:22)"

# --strict: exit 65, the good rows stored all the same
rm -f "$DB"
ingest --strict --profile "$PROF" --outages oe417.csv
expect_exit 65
expect_counts oe417.csv 23 20 3
