# Values the guarantees file marks (issue 22): a template writes
# "; PLACEHOLDER: ..." after a figure the filer must replace and
# "; U: unverified ..." after a threshold not checked against the
# standard's text. A placeholder in use is serious (exit 2); an unverified
# threshold is a note in the reports. Both are recorded with the result's
# parameters, so the Method sheet shows them too.

cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee trouble]
promise = At most 6 trouble reports per 100 lines
source = GO 133-D 3.3
kind = trouble_rate
max_per_100 = 6
lines = 10000                 ; PLACEHOLDER: working lines
per = month

[guarantee restore]
promise = 90% restored within 24 hours
source = GO 133-D 3.4
kind = restoration
within = 24h
target = 90%                  ; U: unverified threshold
INI
cat > outages.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-02T06:00:00Z,cut
CSV

ingest --tz UTC --outages outages.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 2
expect_stderr_line 'ombud: error: ' "data quality: trouble: lines is a placeholder in the guarantees file (an example figure of the template): give the carrier's own before filing"
expect_stderr_has '1 serious data-quality problem (above'
# The unverified threshold is a note: not on stderr.
expect_stderr_lacks 'unverified'
# (The parameters also list the kinds' defaults; the marks come last.)
expect_sql "SELECT params LIKE '%; placeholder = lines' FROM results
            WHERE guarantee_id = 'trouble'" 1
expect_sql "SELECT params LIKE '%; target = 90%; %; unverified = target' FROM results
            WHERE guarantee_id = 'restore'" 1

run_ombud report --db "$DB" -o r.pdf
expect_exit 0
pdftotext -layout r.pdf - | tr -s ' \n' '  ' > pdf.txt
expect_true "PDF: the placeholder" grep -qF "Serious: trouble: lines is a placeholder in the guarantees file" pdf.txt
expect_true "PDF: the unverified note" grep -qF "Note: restore: target is marked unverified in the guarantees file: check it against the standard's text before filing" pdf.txt

# Replaced by the carrier's figure (no mark): nothing serious, exit 0.
sed 's/ *; PLACEHOLDER.*//' g.ini > g2.ini
run_ombud check --db "$DB" --guarantees g2.ini --period 2026-10
expect_exit 0
