# Import profiles (issue 29): the profile's SHA-256 is in the store and
# the manifest, so `verify` needs the same profile to write the report
# again byte for byte.

PROF=$E2E_ROOT/templates/profiles/oe417-purdue-outages.ini
CSV=$SAMPLES/oe417/outage-excerpt.csv
SHA=$(sha256sum "$PROF" | cut -c1-64)
cat > g.ini <<'INI'
[filing]
carrier = Example Power Co
commission = Minnesota Public Utilities Commission
timezone = America/Chicago
currency = USD

[guarantee restoration]
promise = Power restored within 24 hours
source = Example tariff, section 1
kind = restoration
within = 24h
INI
run_ombud run --guarantees g.ini --profile "$PROF" --outages "$CSV" \
    --period 2011-07 --out out --allow-incomplete
expect_exit 0
expect_true "manifest names the profile" \
    sh -c "unzip -p out/report.xlsx | grep -aq '|$SHA|oe417-purdue-outages.ini'"

cp "$PROF" elsewhere.ini
run_ombud verify --report out/report.xlsx --guarantees g.ini \
    --outages "$CSV" --profile elsewhere.ini
expect_exit 0
expect_stdout_has "ok   profile oe417-purdue-outages.ini: SHA-256 ${SHA%"${SHA#????????????????}"}... matches elsewhere.ini"
expect_stdout_last "verified: the report was produced from these inputs by these rules and has not been changed"
run_ombud verify --report out/report.pdf --guarantees g.ini \
    --outages "$CSV" --profile "$PROF"
expect_exit 0

run_ombud verify --report out/report.xlsx --guarantees g.ini --outages "$CSV"
expect_exit 1
expect_stdout_has "was read through the profile oe417-purdue-outages.ini (SHA-256 $SHA): no file given has it; give it with --profile"

# a profile changed by one comment is another profile
{ cat "$PROF"; echo "; changed"; } > changed.ini
run_ombud verify --report out/report.xlsx --guarantees g.ini \
    --outages "$CSV" --profile changed.ini
expect_exit 1
