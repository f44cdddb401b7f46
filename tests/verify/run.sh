#!/bin/sh
# `ombud verify` as an adversary would try it: forged, cut, painted-over and
# edited reports, edited manifests and signatures, wrong keys. Every
# untouched report (filing and dossier, XLSX and PDF) must verify; every
# change must be NOT VERIFIED with a message naming what differs.
#
# Expected messages are written from what was changed (the cell edited, the
# pages cut), never copied from ombud's output. Figures from
# samples/founding-case (see its README): live-support 24 of 29 calls
# (82.76%), 5 breaches; TT-4471 out 112 h (4.6667 days) against 24 h.
#
# usage: sh tests/verify/run.sh path/to/ombud
set -u
OMBUD=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
passed=0 failed=0

check() { # check NAME EXPECTED ACTUAL
    if [ "$2" = "$3" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        printf 'FAIL %s\n     expected: %s\n     actual:   %s\n' "$1" "$2" "$3"
    fi
}
# has NAME PATTERN: the last verify output has a line matching PATTERN.
has() {
    check "$1" 1 "$(grep -c -- "$2" "$WORK/v.out" | sed 's/^[1-9][0-9]*$/1/')"
}

S=$ROOT/samples/founding-case
G=$ROOT/templates/guarantees/fibre-bundle.ini
# The reviewer's folder: the inputs under other names.
mkdir -p "$WORK/in"
cp "$S/outages.csv" "$WORK/in/1"; cp "$S/calls.csv" "$WORK/in/2"
cp "$S/billing.csv" "$WORK/in/3"; cp "$G" "$WORK/in/4"
verify() { # verify REPORT [args]: exit status into $rc, output into v.out
    r=$1; shift
    "$OMBUD" verify --report "$r" --inputs "$WORK/in" "$@" > "$WORK/v.out" 2>&1
    rc=$?
}

# ---- keys and a signed run ----------------------------------------------------
"$OMBUD" keygen --out "$WORK/filer" > "$WORK/keygen.out" 2>&1
check "keygen exit" 0 $?
check "private key mode" "-rw-------" "$(ls -l "$WORK/filer.key" | cut -c1-10)"
FP=$(sed -n 's/^fingerprint: //p' "$WORK/keygen.out")
check "fingerprint form" 1 "$(echo "$FP" | grep -c '^SHA256:[0-9a-f]\{64\}$')"
"$OMBUD" keygen --out "$WORK/filer" > /dev/null 2>&1
check "keygen never overwrites" 73 $?
"$OMBUD" keygen --out "$WORK/other" > /dev/null 2>&1

O=$WORK/out
"$OMBUD" run -q --guarantees "$G" --outages "$S/outages.csv" --calls "$S/calls.csv" \
    --billing "$S/billing.csv" --period 2026-10 --out "$O" --account ACC-1001 \
    --customer "José O'Brien; x=1|50% (tenant)" --sign "$WORK/filer.key"
check "signed run exit" 0 $?
for f in report.xlsx report.pdf complaint-ACC-1001.pdf complaint-ACC-1001.xlsx; do
    check "signature beside $f" 1 "$(head -1 "$O/$f.sig" | grep -c '^ombud-signature 1$')"
done
"$OMBUD" run -q --guarantees "$G" --outages "$S/outages.csv" --calls "$S/calls.csv" \
    --billing "$S/billing.csv" --period 2026-10 --out "$WORK/x" --sign "$WORK/in/1" \
    > "$WORK/v.out" 2>&1
check "--sign with a non-key exits 65" 65 $?
check "--sign with a non-key writes nothing" 0 "$(ls "$WORK/x" 2>/dev/null | wc -l)"

# ---- untouched reports verify, byte for byte -----------------------------------
for f in report.xlsx report.pdf complaint-ACC-1001.pdf complaint-ACC-1001.xlsx; do
    verify "$O/$f" --key "$WORK/filer.pub"
    check "untouched $f verifies" 0 $rc
    has "$f: written again, byte for byte" '^ok   report: written again from these inputs, it is the same file byte for byte$'
    has "$f: signed by the filer's key" "^ok   signature: made with the key given ($FP)"
done
# Without --key the signature is still checked, and its key named.
verify "$O/report.pdf"
check "no --key: verifies" 0 $rc
has "no --key: names the key" "^ok   signature: made with key $FP over these very bytes"

# ---- signatures -------------------------------------------------------------------
verify "$O/report.pdf" --key "$WORK/other.pub"
check "wrong key fails" 1 $rc
has "wrong key: says whose" "^NOT VERIFIED: signature .*: it was signed by key $FP, not by the key given (SHA256:"
cp "$O/report.pdf" "$WORK/unsigned.pdf"
verify "$WORK/unsigned.pdf" --key "$WORK/filer.pub"
check "--key with no signature fails" 1 $rc
has "--key with no signature: says so" '^NOT VERIFIED: signature: --key was given but .*unsigned.pdf has no signature'
# The signature file edited: one hex digit of the report's checksum.
cp "$O/report.pdf" "$WORK/s1.pdf"
sed 's/^\(report-sha256: .\{10\}\)\(.\)/\1z/' "$O/report.pdf.sig" > "$WORK/s1.pdf.sig"
verify "$WORK/s1.pdf"
check "edited signature file fails" 1 $rc
has "edited signature: does not hold" '^NOT VERIFIED: signature .*: the signature does not hold'
# Text added after the signature line.
cp "$O/report.pdf" "$WORK/s2.pdf"
{ cat "$O/report.pdf.sig"; echo "report-sha256: 0000"; } > "$WORK/s2.pdf.sig"
verify "$WORK/s2.pdf"
check "appended signature text fails" 1 $rc
has "appended signature text: said" 'text after its signature line'
# A report changed under its signature: the signature fails too.
cp "$O/report.pdf" "$WORK/s3.pdf"; printf 'x' >> "$WORK/s3.pdf"
cp "$O/report.pdf.sig" "$WORK/s3.pdf.sig"
verify "$WORK/s3.pdf"
check "changed signed report fails" 1 $rc
has "changed signed report: not the file signed" '^FAIL signature .*: the signed report had SHA-256 .*: it is not the file that was signed'
# A signature file that is not one (2 MB of zeros).
cp "$O/report.pdf" "$WORK/s4.pdf"
head -c 2000000 /dev/zero > "$WORK/s4.pdf.sig"
verify "$WORK/s4.pdf"
check "huge signature file fails" 1 $rc
has "huge signature file: said" 'larger than 16384 bytes'

# ---- workbooks edited ---------------------------------------------------------------
# edit_xlsx IN OUT PART SED: the workbook with one part changed by sed.
edit_xlsx() {
    rm -rf "$WORK/z" && mkdir -p "$WORK/z" && (cd "$WORK/z" && unzip -q "$1" &&
        sed -i "$4" "$3" && rm -f "$2" && zip -q -r -X "$2" .)
}
X=$O/report.xlsx
# The Summary's Measured: 82.76% made 100.00%.
edit_xlsx "$X" "$WORK/e1.xlsx" xl/worksheets/sheet1.xml \
    's|24 of 29 calls reached a person within 10\xc2\xa0min (82.76%)|29 of 29 calls reached a person within 10\xc2\xa0min (100.00%)|'
verify "$WORK/e1.xlsx"
check "Measured edited fails" 1 $rc
has "Measured edited: sheet, cell and both values" "^NOT VERIFIED: report: it is not the report these inputs give: sheet 'Summary', cell E14: the report has \"29 of 29 calls reached a person within 10[^0-9]*min (100.00%)\", the re-derived report \"24 of 29 calls reached a person within 10[^0-9]*min (82.76%)\""
# A breach row's 112 h (4.666... days) made 25 h (1.041666... days).
edit_xlsx "$X" "$WORK/e2.xlsx" xl/worksheets/sheet3.xml \
    's|<c r="D6" s="10"><v>4.666666666666667</v>|<c r="D6" s="10"><v>1.041666666666667</v>|'
verify "$WORK/e2.xlsx"
check "breach duration edited fails" 1 $rc
has "breach duration: restoration D6" "sheet 'restoration', cell D6: the report has \"1.041666666666667\", the re-derived report \"4.666666666666667\""
# The same row's words: 112 h made 25 h (no-break spaces in the XML).
edit_xlsx "$X" "$WORK/e3.xlsx" xl/worksheets/sheet3.xml 's|: 112\xc2\xa0h against 24\xc2\xa0h, 88\xc2\xa0h over|: 25\xc2\xa0h against 24\xc2\xa0h, 1\xc2\xa0h over|'
verify "$WORK/e3.xlsx"
has "breach text: restoration H6" "sheet 'restoration', cell H6: the report has \".*25[^0-9]*h against 24[^0-9]*h.*\", the re-derived report \".*112[^0-9]*h against 24[^0-9]*h"
# A cell's style only (same value): PASS green would be a format.
edit_xlsx "$X" "$WORK/e4.xlsx" xl/worksheets/sheet3.xml 's|<c r="D6" s="10">|<c r="D6" s="3">|'
verify "$WORK/e4.xlsx"
has "style edited: same value, other format" "sheet 'restoration', cell D6: same value \"4.666666666666667\" but another type or format"
# The Manifest sheet's reader rows (row 1 the manifest line, row 3 the
# heading, then version, period and time zone: B6).
edit_xlsx "$X" "$WORK/e5.xlsx" xl/worksheets/sheet12.xml 's|<t>America/Los_Angeles</t>|<t>America/New_York</t>|'
verify "$WORK/e5.xlsx"
check "Manifest sheet edited fails" 1 $rc
has "Manifest sheet edited: named" "sheet 'Manifest', cell B6: the report has \"America/New_York\", the re-derived report \"America/Los_Angeles\""
# The document properties.
edit_xlsx "$X" "$WORK/e6.xlsx" docProps/app.xml 's|<Company>[^<]*</Company>|<Company>Another Co</Company>|'
verify "$WORK/e6.xlsx"
has "document properties edited" 'the workbook.s part docProps/app.xml differs (the document properties)'
# A part added.
rm -rf "$WORK/z" && mkdir -p "$WORK/z/xl" && cp "$X" "$WORK/e7.xlsx" &&
    echo '<x/>' > "$WORK/z/xl/extra.xml" && (cd "$WORK/z" && zip -q "$WORK/e7.xlsx" xl/extra.xml)
verify "$WORK/e7.xlsx"
check "extra part fails" 1 $rc
has "extra part named" 'the workbook has a part ombud does not write: xl/extra.xml'
# Only the zip around the parts: an archive comment.
cp "$X" "$WORK/e8.xlsx" && echo "approved" | zip -q -z "$WORK/e8.xlsx"
verify "$WORK/e8.xlsx"
check "zip comment fails" 1 $rc
has "zip comment: the container" 'every part of the workbook is the same, but the zip around them differs'

# ---- PDFs forged, cut, painted over ---------------------------------------------------
P=$O/report.pdf
KW=$(pdfinfo "$P" | sed -n 's/^Keywords: *//p')
check "the PDF's keywords are the manifest" 1 "$(echo "$KW" | grep -c '^ombud-manifest 1; version=')"
# minipdf OUT TEXT KEYWORDS: a one-page PDF that writes TEXT (qpdf fixes
# the cross-reference table written by hand).
minipdf() {
    stream="BT /F1 24 Tf 72 700 Td ($2) Tj ET"
    {
        printf '%%PDF-1.5\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'
        printf '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n'
        printf '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] '
        printf '/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj\n'
        printf '4 0 obj << /Length %d >>\nstream\n%s\nendstream\nendobj\n' \
            "${#stream}" "$stream"
        printf '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n'
        printf '6 0 obj << /Keywords (%s) >> endobj\n' "$3"
        printf 'trailer << /Size 7 /Root 1 0 R /Info 6 0 R >>\n%%%%EOF\n'
    } > "$1.raw"
    qpdf "$1.raw" "$1" 2>/dev/null
    [ -s "$1" ]
}
minipdf "$WORK/f1.pdf" "0 of 7 guarantees breached" "$KW"
check "forged PDF carries the manifest" 1 "$(pdfinfo "$WORK/f1.pdf" 2>/dev/null | grep -c '^Keywords: *ombud-manifest 1')"
verify "$WORK/f1.pdf"
check "forged one-page PDF fails" 1 $rc
has "forged PDF: pages" '^NOT VERIFIED: report: it is not the report these inputs give: the report has 1 page, the re-derived report 8; page 1 of 8 draws something else than the re-derived page 1'
# The real report cut to its first two pages.
qpdf "$P" --pages . 1-2 -- "$WORK/f2.pdf"
verify "$WORK/f2.pdf"
check "cut PDF fails" 1 $rc
has "cut PDF: 2 pages of 8" 'the report has 2 pages, the re-derived report 8 (pages were removed)'
# The cover's verdict painted over (an overlay on page 1).
minipdf "$WORK/stamp.pdf" "0 of 7 guarantees breached" "stamp"
qpdf "$P" --overlay "$WORK/stamp.pdf" --to=1 -- "$WORK/f3.pdf" 2>/dev/null
check "the overlay shows" 1 "$(pdftotext -f 1 -l 1 "$WORK/f3.pdf" - | grep -c '0 of 7 guarantees breached')"
verify "$WORK/f3.pdf"
check "painted-over cover fails" 1 $rc
has "painted-over cover: page 1" 'page 1 of 8 draws something else than the re-derived page 1'
# Page 5 painted over: the page is named.
qpdf "$P" --overlay "$WORK/stamp.pdf" --to=5 --from=1 -- "$WORK/f4.pdf" 2>/dev/null
verify "$WORK/f4.pdf"
has "painted-over page 5" 'page 5 of 8 draws something else than the re-derived page 5'
# The same pages re-saved by another program: not byte for byte.
qpdf "$P" "$WORK/f5.pdf"
verify "$WORK/f5.pdf"
check "re-saved PDF fails" 1 $rc
has "re-saved PDF: same drawings" 'every page draws the same'
# Bytes appended after %%EOF.
cp "$P" "$WORK/f6.pdf"; echo "% approved" >> "$WORK/f6.pdf"
verify "$WORK/f6.pdf"
check "appended bytes fail" 1 $rc
has "appended bytes: outside the pages" 'every page draws the same and the document information is the same, but other bytes differ'
# The manifest's version changed in place (same length): refused by name.
sed 's/version=0\.5\.0;/version=0.3.9;/' "$P" > "$WORK/f7.pdf"
verify "$WORK/f7.pdf"
check "other version refused" 1 $rc
has "other version: names it" '^NOT VERIFIED: the report was written by ombud 0.3.9; only that version writes it again byte for byte: verify it with ombud 0.3.9'
# The manifest's period changed in place: the findings do not follow.
sed 's/from=1790838000;/from=1790838001;/' "$P" > "$WORK/f8.pdf"
verify "$WORK/f8.pdf"
check "edited manifest fails" 1 $rc

# A device given as an input or the guarantees file is refused at once,
# not hashed for ever (timeout: a hang fails here as 124).
rc=0; timeout 60 "$OMBUD" verify --report "$P" --guarantees /dev/zero \
    --outages "$S/outages.csv" --calls "$S/calls.csv" --billing "$S/billing.csv" \
    > "$WORK/z.out" 2>&1 || rc=$?
check "--guarantees /dev/zero refused" 1 $rc
check "--guarantees /dev/zero: says why" 1 "$(grep -c '/dev/zero is not a regular file' "$WORK/z.out")"
rc=0; timeout 60 "$OMBUD" verify --report "$P" --guarantees "$G" \
    --calls /dev/zero > "$WORK/z.out" 2>&1 || rc=$?
check "--calls /dev/zero refused" 66 $rc

# ---- dossiers ----------------------------------------------------------------------
# The customer's odd characters survive the manifest (;|=% and accents).
check "dossier names the customer" 1 "$(pdftotext "$O/complaint-ACC-1001.pdf" - | grep -c -m1 "José O'Brien; x=1|50% (tenant)")"
# A letter of one's own: needed to write the dossier again.
printf '{{customer}} v. {{carrier}}: {{total_owed}} owed.\n' > "$WORK/own.txt"
"$OMBUD" complaint -q --db "$O/evidence.db" --guarantees "$G" --account ACC-1001 \
    --period 2026-10 --letter "$WORK/own.txt" --customer "J. Doe" --out "$WORK/d"
verify "$WORK/d/complaint-ACC-1001.pdf"
check "own letter missing fails" 1 $rc
has "own letter missing: how to fix" 'give it with --letter FILE'
verify "$WORK/d/complaint-ACC-1001.pdf" --letter "$WORK/own.txt"
check "own letter given verifies" 0 $rc
# The dossier's customer changed in the manifest: written again, it differs.
sed 's/customer=J. Doe;/customer=J. Dot;/' "$WORK/d/complaint-ACC-1001.pdf" > "$WORK/d1.pdf"
verify "$WORK/d1.pdf" --letter "$WORK/own.txt"
check "dossier manifest edited fails" 1 $rc
has "dossier manifest edited: report differs" '^NOT VERIFIED: report: it is not the report these inputs give'

# A dossier with the sender's address, the service address and what was
# tried (odd characters too; no parenthesis, which would make cairo write
# the PDF keywords as UTF-16): the manifest records them, so verify writes
# it again byte for byte, PDF and XLSX; edited, they no longer match.
"$OMBUD" complaint -q --db "$O/evidence.db" --guarantees "$G" --account ACC-1001 \
    --period 2026-10 --customer "Jane Doe" --out "$WORK/f" \
    --address "12 Oak Lane; Oakridge|CA=94000, 50%" --service-address "Unité 4, Oakridge" \
    --tried "called 22 times; wrote on 2026-10-20"
check "fields dossier exit" 0 $?
check "fields in the manifest" 1 "$(grep -a -c 'address=12 Oak Lane%3B Oakridge%7CCA%3D94000, 50%25; service_address=Unit%C3%A9 4, Oakridge; tried=called 22 times%3B wrote on 2026-10-20' "$WORK/f/complaint-ACC-1001.pdf")"
for f in complaint-ACC-1001.pdf complaint-ACC-1001.xlsx; do
    verify "$WORK/f/$f"
    check "fields dossier $f verifies" 0 $rc
    has "fields dossier $f: same bytes" 'same file byte for byte'
done
sed 's/tried=called 22 times/tried=called 23 times/' "$WORK/f/complaint-ACC-1001.pdf" > "$WORK/f1.pdf"
verify "$WORK/f1.pdf"
check "fields edited fails" 1 $rc
has "fields edited: report differs" '^NOT VERIFIED: report: it is not the report these inputs give'

# A dossier dated with --date: the manifest records the date, so verify
# writes the same letter again on any later day (the clock pinned to
# 2027-03-15 here); the date changed in the manifest, it no longer matches.
"$OMBUD" complaint -q --db "$O/evidence.db" --guarantees "$G" --account ACC-1001 \
    --period 2026-10 --customer "Jane Doe" --date 2026-11-02 --out "$WORK/dd"
check "dated dossier exit" 0 $?
check "dated dossier: date in the manifest" 1 "$(pdfinfo "$WORK/dd/complaint-ACC-1001.pdf" | grep -c '; date=2026-11-02;')"
for f in complaint-ACC-1001.pdf complaint-ACC-1001.xlsx; do
    verify "$WORK/dd/$f"
    check "dated dossier $f verifies" 0 $rc
    SOURCE_DATE_EPOCH=1805112000; export SOURCE_DATE_EPOCH
    verify "$WORK/dd/$f"
    unset SOURCE_DATE_EPOCH
    check "dated dossier $f verifies on another day" 0 $rc
    has "dated dossier $f: same bytes" 'same file byte for byte'
done
sed 's/; date=2026-11-02;/; date=2026-11-03;/' "$WORK/dd/complaint-ACC-1001.pdf" > "$WORK/dd1.pdf"
verify "$WORK/dd1.pdf"
check "dossier date edited fails" 1 $rc
has "dossier date edited: report differs" '^NOT VERIFIED: report: it is not the report these inputs give'

echo "verify: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
