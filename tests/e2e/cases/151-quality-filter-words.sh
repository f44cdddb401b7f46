# A filter word that matches nothing (issue 22): "tech_suport" is one edit
# from the stored queue "tech_support", so the item asks "did you mean
# tech_support?"; "zzzzzzzz" is near nothing, so the stored queues are
# listed without a guess. A words that matches (billing) says nothing.
# The calls fall on one day of October: 30 of 31 days have no call (a note).

cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee typo]
promise = Live support
source = brochure
kind = live_support
queues = tech_suport, zzzzzzzz
max_wait = 10m

[guarantee right]
promise = Live billing support
source = brochure
kind = live_support
queues = billing
max_wait = 10m
INI
cat > calls.csv <<'CSV'
call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome
C1,A1,tech_support,2026-10-05T09:00:00Z,2026-10-05T09:00:30Z,2026-10-05T09:05:00Z,answered
C2,A2,tech_support,2026-10-05T10:00:00Z,2026-10-05T10:01:00Z,2026-10-05T10:05:00Z,answered
C3,A3,billing,2026-10-05T11:00:00Z,2026-10-05T11:00:10Z,2026-10-05T11:05:00Z,answered
CSV

ingest --tz UTC --calls calls.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 2
expect_stdout_line '^typo +NO DATA +0 breaches$'
expect_stdout_line '^right +PASS +0 breaches$'
expect_stderr_line 'ombud: error: ' 'data quality: typo: queues = tech_suport matches nothing in the records (stored: billing, tech_support; did you mean tech_support?): it selects no row'
expect_stderr_line 'ombud: error: ' 'data quality: typo: queues = zzzzzzzz matches nothing in the records (stored: billing, tech_support): it selects no row'
expect_stderr_line 'ombud: error: ' 'data quality: typo: no data: nothing it judges is in the records of the period, so it is not assessed'
expect_stderr_lacks 'queues = billing'
expect_stderr_has '3 serious data-quality problems'

run_ombud report --db "$DB" -o r.pdf
expect_exit 0
pdftotext -layout r.pdf - | tr -s ' \n' '  ' > pdf.txt
expect_true "the gap note" grep -qF 'Note: calls: 30 of 31 days of the period have no call at all (the first: 2026-10-01); a log that should be continuous may miss an export' pdf.txt
expect_true "the calls note" grep -qF 'Note: calls.csv (calls): 3 read, 3 stored, 0 rejected (0.00%); records dated before the period: 0, in it: 3, after it: 0' pdf.txt

# Fixed, the guarantee is judged and nothing is serious: exit 0.
sed 's/tech_suport, zzzzzzzz/tech_support/' g.ini > g2.ini
run_ombud check --db "$DB" --guarantees g2.ini --period 2026-10
expect_exit 0
expect_stderr_lacks 'data quality'
