# Safe output: a symbolic link planted where ombud writes its temporary
# report is never followed. Reports used to be written to FILE.tmp and
# renamed, so a link at FILE.tmp made `run`, `report -o` and `complaint`
# overwrite whatever it pointed to. Now each report is written in a
# private folder made by mkdtemp (.FILE.tmp-XXXXXX, mode 0700) and renamed.
#
# Links are planted at FILE.tmp, at the private folder's template name
# itself and at a few names of its shape, pointing at a victim file (and a
# victim folder). Expected every time: exit 0, the victim unchanged, the
# links still links, the report complete (a PDF of 8 pages, a workbook
# with its sheets), no temporary left. Then the same as user nobody in a
# sticky world-writable folder (mode 1777) where root planted the links
# and the victim belongs to nobody (so following them would succeed).

G=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
IN="--outages $FOUNDING/outages.csv --calls $FOUNDING/calls.csv --billing $FOUNDING/billing.csv"
VICTIM_TEXT='the victim file, not to be overwritten'

# plant DIR FILE...: links to DIR/../victim.txt (and the victim folder) at
# every name the report FILE could be written through.
plant() {
    d=$1; shift
    for f in "$@"; do
        ln -s "$PWD/victim.txt" "$d/$f.tmp"
        ln -s "$PWD/victim.txt" "$d/.$f.tmp-XXXXXX"
        ln -s "$PWD/victim.txt" "$d/.$f.tmp-aaaaaa"
        ln -s "$PWD/victimdir" "$d/.$f.tmp-AAAAAA"
    done
}

# untouched DIR FILE...: the links are still links to the victim, the
# victim still says what it said, no temporary folder is left.
untouched() {
    d=$1; shift
    expect_eq "victim.txt unchanged" "$VICTIM_TEXT" "$(cat victim.txt)"
    expect_eq "victimdir still empty" "" "$(ls -A victimdir)"
    for f in "$@"; do
        expect_true "$d/$f.tmp is still a link" test -L "$d/$f.tmp"
        expect_true "$d/.$f.tmp-aaaaaa is still a link" test -L "$d/.$f.tmp-aaaaaa"
    done
    expect_eq "temporary folders left in $d" "" \
        "$(find "$d" -mindepth 1 -maxdepth 1 -name '.*.tmp-*' ! -type l)"
}

# complete_pdf FILE / complete_xlsx FILE: a whole report at FILE, a
# regular file (not a link).
complete_pdf() {
    expect_true "$1 is a regular file" sh -c 'test -f "$1" && ! test -L "$1"' sh "$1"
    expect_eq "$1 pages" "$2" "$(pdfinfo "$1" 2>/dev/null | sed -n "s/^Pages: *//p")"
}
complete_xlsx() {
    expect_true "$1 is a regular file" sh -c 'test -f "$1" && ! test -L "$1"' sh "$1"
    expect_true "$1 holds the summary sheet" \
        sh -c 'unzip -l "$1" | grep -q xl/worksheets/sheet1.xml' sh "$1"
}

echo "$VICTIM_TEXT" > victim.txt
mkdir victimdir

# ---- as the user running the tests (root in CI) ------------------------------
mkdir out
plant out report.pdf report.xlsx complaint-ACC-1001.pdf complaint-ACC-1001.xlsx
# shellcheck disable=SC2086
run_ombud run -q --guarantees "$G" $IN --period 2026-10 --out out --account ACC-1001 \
    --customer "Jane Doe"
expect_exit 0
untouched out report.pdf report.xlsx complaint-ACC-1001.pdf complaint-ACC-1001.xlsx
complete_pdf out/report.pdf 8
complete_xlsx out/report.xlsx
complete_xlsx out/complaint-ACC-1001.xlsx
expect_true "out/complaint-ACC-1001.pdf is a PDF" \
    sh -c 'pdfinfo out/complaint-ACC-1001.pdf | grep -q "^Pages:"'

mkdir rep
plant rep r.pdf r.xlsx
for f in r.pdf r.xlsx; do
    run_ombud report --db out/evidence.db -o rep/$f
    expect_exit 0
done
untouched rep r.pdf r.xlsx
complete_pdf rep/r.pdf 8
complete_xlsx rep/r.xlsx

mkdir cpl
plant cpl complaint-ACC-1001.pdf complaint-ACC-1001.xlsx
run_ombud complaint --db out/evidence.db --guarantees "$G" --account ACC-1001 \
    --customer "Jane Doe" --out cpl
expect_exit 0
untouched cpl complaint-ACC-1001.pdf complaint-ACC-1001.xlsx
complete_xlsx cpl/complaint-ACC-1001.xlsx

# A link at the final name is replaced, not written through.
ln -s "$PWD/victim.txt" rep/link.pdf
run_ombud report --db out/evidence.db -o rep/link.pdf
expect_exit 0
complete_pdf rep/link.pdf 8
expect_eq "victim.txt unchanged by -o LINK" "$VICTIM_TEXT" "$(cat victim.txt)"

# `ombud synth --force` into a folder with links planted (synth wrote
# FILE.tmp and renamed too).
mkdir syn
plant syn outages.csv calls.csv billing.csv
run_ombud synth -q --rows 1000 --out syn --force
expect_exit 0
untouched syn outages.csv calls.csv billing.csv
expect_true "syn/calls.csv is a regular file with the header and 1000 legs" \
    sh -c 'test -f syn/calls.csv && ! test -L syn/calls.csv && test "$(wc -l < syn/calls.csv)" -gt 1000'

# ---- as nobody, in a sticky world-writable folder root planted links in -----
as_nobody=
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    if setpriv --reuid=nobody --regid=nogroup --clear-groups true 2>/dev/null; then
        as_nobody="setpriv --reuid=nobody --regid=nogroup --clear-groups"
    elif runuser -u nobody -- true 2>/dev/null; then
        as_nobody="runuser -u nobody --"
    fi
fi
if [ -z "$as_nobody" ]; then
    echo "note: not root, or neither setpriv nor runuser can become nobody: the sticky-folder part is skipped"
else
    # The case's own folder is private (mode 0700): nobody needs one it can
    # reach, removed at the end.
    pub=$(mktemp -d "${TMPDIR:-/tmp}/ombud-110.XXXXXX")
    trap 'rm -rf "$pub"' EXIT
    chmod 755 "$pub"
    mkdir "$pub/sticky" "$pub/victimdir"
    chmod 1777 "$pub/sticky"
    echo "$VICTIM_TEXT" > "$pub/victim.txt"
    chown nobody "$pub/victim.txt" "$pub/victimdir"
    cp out/evidence.db "$pub/sticky/evidence.db"
    chown nobody "$pub/sticky/evidence.db"
    (cd "$pub" && VICTIM_TEXT=$VICTIM_TEXT && plant sticky r.pdf r.xlsx \
        complaint-ACC-1001.pdf complaint-ACC-1001.xlsx)
    expect_eq "the planted links belong to root" "0" \
        "$(stat -c %u "$pub/sticky/r.pdf.tmp")"
    for f in r.pdf r.xlsx; do
        T_LAST="as nobody: ombud report -o $pub/sticky/$f"
        $as_nobody "$OMBUD" report --db "$pub/sticky/evidence.db" -o "$pub/sticky/$f" \
            >nb.out 2>nb.err </dev/null
        RC=$?; ERR=nb.err
        expect_exit 0
    done
    T_LAST="as nobody: ombud complaint --out $pub/sticky"
    $as_nobody "$OMBUD" complaint --db "$pub/sticky/evidence.db" --guarantees "$G" \
        --account ACC-1001 --customer "Jane Doe" --out "$pub/sticky" >nb.out 2>nb.err </dev/null
    RC=$?; ERR=nb.err
    expect_exit 0
    (cd "$pub" && untouched sticky r.pdf r.xlsx complaint-ACC-1001.pdf \
        complaint-ACC-1001.xlsx) >nb.log
    # (untouched ran in a subshell: carry its failures out.)
    if grep -q '^FAIL' nb.log; then
        cat nb.log
        _t_fail "as nobody: links untouched" "no failure" "see above"
    else
        _t_ok
    fi
    complete_pdf "$pub/sticky/r.pdf" 8
    complete_xlsx "$pub/sticky/r.xlsx"
    complete_xlsx "$pub/sticky/complaint-ACC-1001.xlsx"
    nb=$(id -u nobody)
    expect_eq "the reports belong to nobody" "$nb $nb $nb" \
        "$(stat -c %u "$pub/sticky/r.pdf" "$pub/sticky/r.xlsx" \
            "$pub/sticky/complaint-ACC-1001.pdf" | tr '\n' ' ' | sed 's/ $//')"
    rm -rf "$pub"
fi
