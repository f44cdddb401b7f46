# Without --date the dossier's letter is dated today in the filing's time
# zone (the guarantees file's [filing] timezone), not in the machine's (the
# runner sets TZ=Pacific/Chatham) and not at the period's end; the manifest
# records that date, so verify writes the dossier again on a later day.
#
# The zone is Pacific/Pago_Pago (UTC-11, no daylight saving), about a day
# behind Chatham (UTC+12:45/+13:45). This is the one test that reads the
# real clock: the date is taken before and after the run and either is
# accepted, for a run that straddles midnight.
unset SOURCE_DATE_EPOCH
ZONE=Pacific/Pago_Pago
cat > g.ini <<INI
[filing]
carrier = C
commission = K
timezone = $ZONE

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
INI
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-03T06:00:00Z,cut
CSV
first_line() { pdftotext -l 1 "$1" - | grep -v '^$' | sed -n 2p; }

before=$(TZ=$ZONE date +%F)
run_ombud run -q --guarantees g.ini --outages o.csv --period 2026-10 --out out \
    --account A1 --customer "Jane Doe"
after=$(TZ=$ZONE date +%F)
expect_exit 0
got=$(first_line out/complaint-A1.pdf)
expect_true "letter dated today in $ZONE ($before or $after, got $got)" \
    sh -c '[ "$1" = "$2" ] || [ "$1" = "$3" ]' sh "$got" "$before" "$after"
expect_true "the manifest records it" \
    sh -c "pdfinfo out/complaint-A1.pdf | grep -q '; date=$got;'"

# The clock pinned (SOURCE_DATE_EPOCH, as the tests pin it): 2026-11-02
# 05:00 UTC is still 2026-11-01 (18:00) in Pago Pago: the filing's day.
SOURCE_DATE_EPOCH=$(utc '2026-11-02 05:00:00')
export SOURCE_DATE_EPOCH
run_ombud complaint -q --db out/evidence.db --guarantees g.ini --account A1 \
    --customer "Jane Doe" --period 2026-10 --out pinned
expect_exit 0
expect_eq "pinned clock: the day in $ZONE" "2026-11-01" "$(first_line pinned/complaint-A1.pdf)"
# verify on another day writes the same dossier: the manifest's date.
SOURCE_DATE_EPOCH=$(utc '2027-01-20 12:00:00')
for f in pinned/complaint-A1.pdf pinned/complaint-A1.xlsx; do
    run_ombud verify --report "$f" --guarantees g.ini --outages o.csv
    expect_exit 0
    expect_stdout_has "same file byte for byte"
done
unset SOURCE_DATE_EPOCH
