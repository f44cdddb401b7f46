# Every table of both workbooks has an autofilter on its header row and
# the header frozen in view (issue 25), empty tables too: the report's
# Summary, each guarantee's breaches (one with none), Inputs, Rejects (with
# rows and without), Method; the dossier's Numbers, Chronology and
# Breaches (an account with no breach too). Every dossier sheet prints as
# the report's do (127): a print area, the header row repeated, one page
# wide, the carrier and period at the top and "Page N of M" at the bottom;
# landscape where wide, the two-column Numbers portrait.
cat > g.ini <<'INI'
[filing]
carrier = A & B Telecom
commission = K
timezone = UTC

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h

[guarantee slow]
promise = Restored within 48 hours
source = terms
kind = restoration
within = 48h
INI
# O-1 is out 30 h: over 24 h, within 48 h. Line 4 has no start: rejected
# (1 of 3 rows: a serious data-quality item, filed with --allow-incomplete).
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-03T06:00:00Z,cut
O-2,A2,n,2026-10-05T00:00:00Z,2026-10-05T02:00:00Z,cut
O-3,A3,n,,2026-10-06T02:00:00Z,cut
CSV
run_ombud run -q --allow-incomplete --guarantees g.ini --outages o.csv --period 2026-10 --out out \
    --account A1 --customer "Jane Doe" --date 2026-11-02
expect_exit 0

# sheet FILE N: sheet N's XML; names FILE: the sheet names in order.
sheet() { unzip -p "$1" "xl/worksheets/sheet$2.xml"; }
names() { unzip -p "$1" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | sed 's/<sheet name="//; s/"$//'; }
# filter FILE N: the autofilter's range; pane FILE N: the frozen split row.
filter() { sheet "$1" "$2" | grep -o '<autoFilter ref="[^"]*"' | sed 's/.*ref="//; s/"$//'; }
pane() { sheet "$1" "$2" | grep -o '<pane [^>]*state="frozen"' | sed -n 's/.*ySplit="\([0-9]*\)".*/\1/p'; }
# table FILE N NAME RANGE SPLIT: sheet N is NAME, filtered over RANGE,
# frozen under row SPLIT (the header's row).
table() {
    expect_eq "$1 sheet $2 is $3" "$3" "$(names "$1" | sed -n "$2p")"
    expect_eq "$1 $3: autofilter" "$4" "$(filter "$1" "$2")"
    expect_eq "$1 $3: header frozen" "$5" "$(pane "$1" "$2")"
}

# The report: Summary's header is row 13, guarantees in rows 14-15 (the
# Total row below is left out); a guarantee's header is row 5; Inputs and
# Rejects row 2; Method row 6.
R=out/report.xlsx
table "$R" 1 Summary A13:J15 13
table "$R" 2 restore A5:I6 5
table "$R" 3 slow A5:I5 5
table "$R" 4 Inputs A2:L3 2
table "$R" 5 Rejects A2:F3 2
table "$R" 6 Method A6:D8 6
expect_eq "report: Manifest is no table" "" "$(filter "$R" 7)"
# Without a rejected row, Rejects keeps its filter on the header alone.
head -3 o.csv > clean.csv
run_ombud run -q --guarantees g.ini --outages clean.csv --period 2026-10 --out clean
expect_exit 0
table clean/report.xlsx 5 Rejects A2:F2 2
expect_true "Rejects says none was rejected" \
    sh -c "unzip -p clean/report.xlsx xl/worksheets/sheet5.xml | grep -q 'No row was rejected.'"

# The dossier of A1: 13 figures in Numbers; its records in Chronology
# (outage start and end: rows 2-3); its one breach.
D=out/complaint-A1.xlsx
table "$D" 1 Numbers A1:B14 1
table "$D" 2 Chronology A1:D3 1
table "$D" 3 Breaches A1:J2 1
expect_eq "dossier: Manifest is no table" "" "$(filter "$D" 4)"
# A2 was out 2 h: no breach; its Breaches table is the header alone.
run_ombud complaint -q --db out/evidence.db --guarantees g.ini --account A2 \
    --customer "John Roe" --period 2026-10 --out a2 --date 2026-11-02
expect_exit 0
table a2/complaint-A2.xlsx 3 Breaches A1:J1 1

# The dossier's print setup: every sheet one page wide with the header and
# footer, the tables' header row repeated and a print area each.
W=$(unzip -p "$D" xl/workbook.xml)
for t in 'localSheetId="0">Numbers!$1:$1' 'localSheetId="1">Chronology!$1:$1' \
         'localSheetId="2">Breaches!$1:$1'; do
    expect_true "dossier print titles: $t" sh -c 'printf "%s" "$1" | grep -qF "$2"' sh "$W" "$t"
done
for t in 'Numbers!$A$1:$B$14' 'Chronology!$A$1:$D$3' 'Breaches!$A$1:$J$2' \
         'Manifest!$A$1:$A$3'; do
    expect_true "dossier print area: $t" \
        sh -c 'printf "%s" "$1" | grep -qF "name=\"_xlnm.Print_Area\" localSheetId=\"$3\">$2<"' \
        sh "$W" "$t" "$(case $t in Numbers*) echo 0 ;; Chrono*) echo 1 ;; Breaches*) echo 2 ;; *) echo 3 ;; esac)"
done
head='<oddHeader>&amp;LA &amp;&amp; B Telecom&amp;R2026-10-01 to 2026-10-31</oddHeader>'
foot='<oddFooter>&amp;Lombud 0.5.0&amp;RPage &amp;P of &amp;N</oddFooter>'
for n in 1 2 3 4; do
    x=$(sheet "$D" $n)
    expect_true "dossier sheet $n: page header" sh -c 'printf "%s" "$1" | grep -qF "$2"' sh "$x" "$head"
    expect_true "dossier sheet $n: page footer" sh -c 'printf "%s" "$1" | grep -qF "$2"' sh "$x" "$foot"
    expect_true "dossier sheet $n: one page wide" sh -c 'printf "%s" "$1" | grep -qF "<pageSetUpPr fitToPage=\"1\"/>"' sh "$x"
done
expect_true "Numbers prints portrait" \
    sh -c "unzip -p '$D' xl/worksheets/sheet1.xml | grep -qF '<pageSetup fitToHeight=\"0\" orientation=\"portrait\"/>'"
for n in 2 3 4; do
    expect_true "dossier sheet $n prints landscape" \
        sh -c "unzip -p '$D' xl/worksheets/sheet$n.xml | grep -qF '<pageSetup fitToHeight=\"0\" orientation=\"landscape\"/>'"
done
expect_xlsx_xml "$R" clean/report.xlsx "$D" a2/complaint-A2.xlsx
