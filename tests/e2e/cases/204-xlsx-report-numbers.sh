# The report's workbook writes every figure as a number (issue 25): no
# cell of a table holds as text what is only a number. Counts of breaches,
# amounts owed, bytes and rows of each input, a rejected row's line and
# column are numeric cells (no t= attribute); the one text that looks like
# a number is the ombud version on the Manifest sheet.
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC
currency = USD

[guarantee restore]
promise = Restored within 24 hours
source = terms
kind = restoration
within = 24h
INI
# 3 data rows, 161 bytes with the header; line 3 has no start: rejected.
cat > o.csv <<'CSV'
outage_id,account_id,area,started_at,restored_at,cause
O-1,A1,n,2026-10-02T00:00:00Z,2026-10-03T06:00:00Z,cut
O-2,A2,n,,2026-10-05T02:00:00Z,cut
CSV
run_ombud run -q --allow-incomplete --guarantees g.ini --outages o.csv \
    --period 2026-10 --out out
expect_exit 0
X=out/report.xlsx
cell() { # SHEET REF: "number VALUE", or "text VALUE"
    unzip -p "$X" "xl/worksheets/$1.xml" |
        grep -o "<c r=\"$2\"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)" |
        sed 's/^<c [^>]*t="inlineStr"[^>]*>/text /; s/^<c [^>]*>/number /; s/<[^>]*>//g'
}
# Summary: the guarantee's row 14 and the Total row 15 (breaches in H).
expect_eq "Summary breaches" "number 1" "$(cell sheet1 H14)"
expect_eq "Summary total breaches" "number 1" "$(cell sheet1 H15)"
# Inputs (sheet3): row 3 is o.csv: bytes (E), read (G), stored (H),
# rejected (I), counted (K).
bytes=$(wc -c < o.csv | tr -d ' ')
expect_eq "Inputs bytes" "number $bytes" "$(cell sheet3 E3)"
expect_eq "Inputs rows" "number 2|number 1|number 1|number 0" \
    "$(cell sheet3 G3)|$(cell sheet3 H3)|$(cell sheet3 I3)|$(cell sheet3 K3)"
# Rejects (sheet4): o.csv line 3, column 4 (started_at).
expect_eq "Rejects line and column" "number 3|number 4" "$(cell sheet4 B3)|$(cell sheet4 C3)"
# Nothing that is only digits and marks is text, but the Manifest's version.
for n in 1 2 3 4 5; do
    expect_eq "sheet $n: no number written as text" "" \
        "$(unzip -p "$X" "xl/worksheets/sheet$n.xml" | grep -o '<is><t[^>]*>[-+0-9.,: %]*[0-9][-+0-9.,: %]*</t></is>')"
done
expect_eq "the version is the one number-like text" "<is><t>0.5.0</t></is>" \
    "$(unzip -p "$X" xl/worksheets/sheet6.xml | grep -o '<is><t[^>]*>[-+0-9.,: %]*[0-9][-+0-9.,: %]*</t></is>')"
