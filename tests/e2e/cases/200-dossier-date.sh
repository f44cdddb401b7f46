# The dossier's letter is dated with --date YYYY-MM-DD (issue 25), on
# `complaint` and on `run --account`: the letter shows the date the
# language's way (en 2026-11-02, es 02/11/2026, he 02.11.2026), the
# manifest records it (date=2026-11-02), and `ombud verify` writes the
# dossier again byte for byte on another day. A value that is not a real
# calendar day is refused as a usage error (exit 64) naming the option and
# how to write it, and nothing is written.
G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
unset SOURCE_DATE_EPOCH

run_ombud run -q --guarantees "$G" --outages "$FOUNDING/outages.csv" \
    --calls "$FOUNDING/calls.csv" --billing "$FOUNDING/billing.csv" \
    --period 2026-10 --out out --account ACC-1001 --customer "Jane Doe" \
    --date 2026-11-02
expect_exit 0
D=out/complaint-ACC-1001

# The letter opens with its date, on the first page under the running head.
# (pdftotext wraps Hebrew runs in embedding marks U+202A-202E and
# isolates U+2066-2069: taken out, as bytes, before comparing.)
MARKS=$(printf 's/\342\200[\252-\256]//g; s/\342\201[\246-\251]//g')
first_line() { pdftotext -l 1 "$1" - | sed "$MARKS" | grep -v '^$' | sed -n 2p; }
expect_eq "letter dated 2026-11-02" "2026-11-02" "$(first_line "$D.pdf")"
# Recorded: in the PDF's keywords and in the workbook's manifest cell.
expect_true "PDF manifest records the date" \
    sh -c "pdfinfo '$D.pdf' | grep -q '; date=2026-11-02;'"
expect_true "XLSX manifest records the date" \
    sh -c "unzip -p '$D.xlsx' xl/worksheets/sheet4.xml | grep -q '; date=2026-11-02;'"

# verify, today and on another day (the clock pinned to 2027-03-15): the
# manifest's date is used, never the clock's.
for f in "$D.pdf" "$D.xlsx"; do
    run_ombud verify --report "$f" --guarantees "$G" --outages "$FOUNDING/outages.csv" \
        --calls "$FOUNDING/calls.csv" --billing "$FOUNDING/billing.csv"
    expect_exit 0
    expect_stdout_has "same file byte for byte"
    SOURCE_DATE_EPOCH=$(utc '2027-03-15 12:00:00')
    export SOURCE_DATE_EPOCH
    run_ombud verify --report "$f" --guarantees "$G" --outages "$FOUNDING/outages.csv" \
        --calls "$FOUNDING/calls.csv" --billing "$FOUNDING/billing.csv"
    expect_exit 0
    expect_stdout_has "same file byte for byte"
    unset SOURCE_DATE_EPOCH
done

# `complaint` takes it too, and the language writes it its way.
run_ombud complaint -q --lang es --db out/evidence.db --guarantees "$G" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --out es \
    --date 2026-11-02
expect_exit 0
expect_eq "Spanish letter dated 02/11/2026" "02/11/2026" "$(first_line es/complaint-ACC-1001.pdf)"
run_ombud complaint -q --lang he --db out/evidence.db --guarantees "$G" \
    --account ACC-1001 --customer "Jane Doe" --period 2026-10 --out he \
    --date 2026-11-02
expect_exit 0
expect_eq "Hebrew letter dated 02.11.2026" "02.11.2026" "$(first_line he/complaint-ACC-1001.pdf)"
expect_true "Hebrew manifest records the ISO date" \
    sh -c "pdfinfo he/complaint-ACC-1001.pdf | grep -q '; date=2026-11-02;'"

# A leap day is a day: 2028-02-29 is taken.
run_ombud complaint -q --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane Doe" --period 2026-10 --out leap --date 2028-02-29
expect_exit 0
expect_eq "letter dated 2028-02-29" "2028-02-29" "$(first_line leap/complaint-ACC-1001.pdf)"

# The period's last day, the date dossiers bore before --date: the
# manifest names no date (dossiers written then keep their manifest) and
# verify reads none as that day.
run_ombud complaint -q --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane Doe" --period 2026-10 --out end --date 2026-10-31
expect_exit 0
expect_eq "letter dated 2026-10-31" "2026-10-31" "$(first_line end/complaint-ACC-1001.pdf)"
expect_true "no date= for the period's last day" \
    sh -c "! pdfinfo end/complaint-ACC-1001.pdf | grep -q 'date='"
run_ombud verify --report end/complaint-ACC-1001.pdf --guarantees "$G" \
    --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv"
expect_exit 0

# Refused: not a day (February 30th, a 13th month), not a date at all, empty,
# a time. Each names --date, the value and the form wanted; nothing written.
for bad in 2026-02-30 2026-13-01 yesterday "" 2026-11-02T10:00 2026-11-2 \
           1899-12-31; do
    run_ombud complaint --db out/evidence.db --guarantees "$G" --account ACC-1001 \
        --customer "Jane Doe" --period 2026-10 --out bad --date "$bad"
    expect_exit 64
    expect_stderr_has "ombud complaint: --date '$bad' is not a calendar date: "
    expect_stderr_has "give the letter's date as YYYY-MM-DD, a day that exists (e.g. --date 2026-11-02)"
    expect_stderr_has "see 'ombud help complaint'"
    expect_no_file bad
done
run_ombud complaint --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane Doe" --out bad --date 2026-02-30
expect_stderr_has "day out of range (2026-02 has 28 days)"
run_ombud complaint --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane Doe" --out bad --date 2026-13-01
expect_stderr_has "month out of range"
# run refuses before it imports anything.
run_ombud run --guarantees "$G" --outages "$FOUNDING/outages.csv" --out badrun \
    --account ACC-1001 --customer "Jane Doe" --date yesterday
expect_exit 64
expect_stderr_has "ombud run: --date 'yesterday' is not a calendar date"
expect_no_file badrun
# --date without a dossier to date is a mistake, said as one.
run_ombud run --guarantees "$G" --outages "$FOUNDING/outages.csv" --out badrun \
    --date 2026-11-02
expect_exit 64
expect_stderr_has "--date dates the complaint letter: give it with --account ID --customer NAME"
expect_no_file badrun

# Documented in both commands' help.
run_ombud help complaint
expect_stdout_has "--date YYYY-MM-DD"
run_ombud help run
expect_stdout_has "--date YYYY-MM-DD"
