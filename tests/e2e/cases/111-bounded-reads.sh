# Bounded reads: files ombud reads whole have a size limit, enforced by a
# bounded read loop (not by stat), so /dev/zero and FIFOs stop at it too.
# Limits (README "Exit status"): the guarantees file 4 MiB, a letter
# template (`complaint --letter`) 1 MiB. Over the limit: exit 65 and
# "FILE: error: WHAT larger than LIMIT, ..."; a file exactly at the limit is
# read; one that cannot be opened or is a directory: 66. Nothing written.

G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
IN="--outages $FOUNDING/outages.csv --calls $FOUNDING/calls.csv --billing $FOUNDING/billing.csv"
# shellcheck disable=SC2086
run_ombud run -q --guarantees "$G" $IN --period 2026-10 --out good
expect_exit 0
DB=good/evidence.db
complaint() { # LETTER OUTDIR
    run_ombud complaint -q --db "$DB" --guarantees "$G" --account ACC-1001 \
        --customer "Jane Doe" --letter "$1" --out "$2"
}

# ---- the letter template: 1 MiB = 1048576 bytes ------------------------------
complaint /dev/zero c1
expect_exit 65
expect_stderr_line "/dev/zero: error: " "letter template larger than 1 MiB"
expect_no_file c1/complaint-ACC-1001.pdf

# One byte over: refused. Exactly at the limit: read (the letter is filled;
# a template of spaces and one placeholder is a valid letter).
{ printf '{{account}}\n'; repeat_char ' ' $((1048576 - 12 + 1)); } > over.txt
expect_eq "over.txt size" 1048577 "$(wc -c < over.txt | tr -d ' ')"
complaint over.txt c2
expect_exit 65
expect_stderr_line "over.txt: error: " "letter template larger than 1 MiB"
expect_no_file c2/complaint-ACC-1001.pdf
head -c 1048576 over.txt > at.txt
complaint at.txt c3
expect_exit 0
expect_true "a letter of exactly 1 MiB gives the dossier" test -s c3/complaint-ACC-1001.pdf

# A FIFO fed more than the limit (the writer gets SIGPIPE when ombud
# stops reading; no timing involved: open blocks until both ends exist).
mkfifo big.fifo
head -c 3000000 /dev/zero > big.fifo 2>/dev/null &
complaint big.fifo c4
expect_exit 65
expect_stderr_line "big.fifo: error: " "letter template larger than 1 MiB"
wait
# A FIFO with a small template is read whole.
mkfifo small.fifo
printf 'Dear {{commission}},\naccount {{account}}\n' > small.fifo &
complaint small.fifo c5
expect_exit 0
wait
expect_true "the letter from a FIFO is in the dossier" \
    sh -c 'pdftotext c5/complaint-ACC-1001.pdf - | grep -q "account ACC-1001"'

complaint no-such-letter.txt c6
expect_exit 66
expect_stderr_has "cannot open letter template no-such-letter.txt: No such file or directory"
mkdir adir
complaint adir c7
expect_exit 66
expect_stderr_has "cannot read letter template adir: Is a directory"

# ---- the guarantees file: 4 MiB = 4194304 bytes ------------------------------
run_ombud check -q --db "$DB" --guarantees /dev/zero --period 2026-10
expect_exit 65
expect_stderr_line "/dev/zero: error: " "guarantees file larger than 4 MiB"
# A valid file padded with comment lines to exactly the limit (lines of 99
# bytes, then one that makes up the rest), and the same plus one byte.
awk -v have="$(wc -c < "$G")" 'BEGIN {
    left = 4194304 - have
    line = "; "; for (i = 0; i < 96; i++) line = line "x"
    while (left > 150) { print line; left -= 99 }
    last = "; "; for (i = 0; i < left - 3; i++) last = last "y"
    print last }' > pad.txt
cat "$G" pad.txt > g-at.ini
expect_eq "g-at.ini size" 4194304 "$(wc -c < g-at.ini | tr -d ' ')"
{ cat g-at.ini; echo; } > g-over.ini
run_ombud check -q --db "$DB" --guarantees g-over.ini --period 2026-10
expect_exit 65
expect_stderr_line "g-over.ini: error: " "guarantees file larger than 4 MiB"
run_ombud check -q --db "$DB" --guarantees g-at.ini --period 2026-10
expect_exit 0
# From a FIFO: read once, hashed and parsed from the same bytes.
mkfifo g.fifo
cat "$G" > g.fifo &
run_ombud check -q --db "$DB" --guarantees g.fifo --period 2026-10
expect_exit 0
wait
expect_sql "SELECT guarantees_sha256 = '$(sha256sum "$G" | cut -c1-64)' FROM checks ORDER BY id DESC LIMIT 1" 1
run_ombud check -q --db "$DB" --guarantees adir --period 2026-10
expect_exit 66
expect_stderr_has "cannot read guarantees file adir: Is a directory"
