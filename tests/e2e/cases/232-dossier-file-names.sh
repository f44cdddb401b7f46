# Two accounts never share a dossier's file. An id that is not all
# [A-Za-z0-9._-], or longer than 199 bytes, had its other bytes made '_'
# and was cut: ACC-אב and ACC-גד were both complaint-ACC-____.pdf, and so
# were two ids alike for their first 199 bytes; the second `ombud complaint`
# replaced the first customer's dossier and exited 0. Such a name now ends
# in '-' and the first 8 hex digits of the SHA-256 of the whole id; a plain
# id, even of 199 bytes, keeps its name.
#
# The expected names, by hand: ACC- and the two Hebrew letters (2 bytes
# each in UTF-8: 4 '_'); the long ids cut to 190 bytes ("A-" and 188
# zeros); the tags from `printf %s ID | sha256sum`:
#   ACC-אב            b9066deb...
#   ACC-גד            9de96d9b...
#   A-, 197 zeros, 1  228adba2...
#   A-, 197 zeros, 2  c54c5fc1...
HE1=$(printf 'ACC-\327\220\327\221')   # ACC-אב (alef, bet)
HE2=$(printf 'ACC-\327\222\327\223')   # ACC-גד (gimel, dalet)
Z197=$(repeat_char 0 197)
LONG1=A-${Z197}1
LONG2=A-${Z197}2
PLAIN199=B-$Z197                       # 199 bytes: uncut, unchanged
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
INI
{
    echo 'outage_id,account_id,started_at,restored_at'
    n=0
    for a in "$HE1" "$HE2" "$LONG1" "$LONG2" "$PLAIN199" ACC-1001; do
        n=$((n + 1))
        printf 'O-%s,%s,2026-10-10 00:00,2026-10-12 00:00\n' "$n" "$a"
    done
} > o.csv
ingest --outages o.csv
expect_exit 0

# One dossier per account, each signed by its own customer, all into out/.
complain() { # ACCOUNT CUSTOMER
    run_ombud complaint --db "$DB" --guarantees g.ini --period 2026-10 \
        --account "$1" --customer "$2" --date 2026-11-02 --out out
    expect_exit 0
}
complain "$HE1" Ann
expect_stderr_has 'wrote out/complaint-ACC-____-b9066deb.pdf and out/complaint-ACC-____-b9066deb.xlsx'
complain "$HE2" Bob
expect_stderr_has 'wrote out/complaint-ACC-____-9de96d9b.pdf and out/complaint-ACC-____-9de96d9b.xlsx'
complain "$LONG1" Cyd
complain "$LONG2" Dee
complain "$PLAIN199" Eve
complain ACC-1001 Fay
expect_stderr_has 'wrote out/complaint-ACC-1001.pdf and out/complaint-ACC-1001.xlsx'

Z188=$(repeat_char 0 188)
# In byte order (C locale): "A-" < "ACC" < "B-", '1' < '_', '9' < 'b'.
expect_eq "twelve files, two per account" "complaint-A-$Z188-228adba2.pdf
complaint-A-$Z188-228adba2.xlsx
complaint-A-$Z188-c54c5fc1.pdf
complaint-A-$Z188-c54c5fc1.xlsx
complaint-ACC-1001.pdf
complaint-ACC-1001.xlsx
complaint-ACC-____-9de96d9b.pdf
complaint-ACC-____-9de96d9b.xlsx
complaint-ACC-____-b9066deb.pdf
complaint-ACC-____-b9066deb.xlsx
complaint-$PLAIN199.pdf
complaint-$PLAIN199.xlsx" "$(ls out | LC_ALL=C sort)"

# Each file is its own customer's: none was written over by another's.
signed_by() { # FILE: the customer the letter's "I, NAME, hold" names
    pdftotext "out/$1" - | sed -n 's/^I, \([A-Za-z]*\), hold.*/\1/p' | head -n 1
}
expect_eq "ACC-אב's dossier" Ann "$(signed_by complaint-ACC-____-b9066deb.pdf)"
expect_eq "ACC-גד's dossier" Bob "$(signed_by complaint-ACC-____-9de96d9b.pdf)"
expect_eq "long id 1's dossier" Cyd "$(signed_by "complaint-A-$Z188-228adba2.pdf")"
expect_eq "long id 2's dossier" Dee "$(signed_by "complaint-A-$Z188-c54c5fc1.pdf")"
expect_eq "the 199-byte id's dossier" Eve "$(signed_by "complaint-$PLAIN199.pdf")"
expect_eq "ACC-1001's dossier" Fay "$(signed_by complaint-ACC-1001.pdf)"

# `run --account` names the file as `complaint` does (exit 0: a broken
# promise is a finding, not an error).
run_ombud run --guarantees g.ini --outages o.csv --period 2026-10 --out run-out \
    --account "$HE2" --customer Bob --date 2026-11-02
expect_exit 0
expect_stderr_has 'wrote run-out/complaint-ACC-____-9de96d9b.pdf and run-out/complaint-ACC-____-9de96d9b.xlsx'
expect_true "run --account: ACC-גד's dossier" \
    test -s run-out/complaint-ACC-____-9de96d9b.pdf
expect_true "run --account: its workbook" \
    test -s run-out/complaint-ACC-____-9de96d9b.xlsx
