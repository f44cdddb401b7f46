# The figures table beside a customer_effort sheet shows its first 1,000
# subjects and says how many there were; the rest are counted, not shown
# (the XLSX reads only the first figure of each later subject).
#
# Worked by hand, period 2026-10 (UTC), max_calls = 3:
#   tickets TT-0001 .. TT-1100, each with two legs of two calls (C-n-a,
#   C-n-b) at 2026-10-10 09:00 and 10:00; TT-0001 has two more calls
#   (C-1-c, C-1-d): 4 calls, the only ticket over the limit;
#   accounts ACC-1 .. ACC-5, one leg each and no ticket.
# Groups: 1,100 tickets first (by ticket), then 5 accounts: 1,105.
# Side table rows, under its head on row 5: TT-0001 on row 6 (calls 4),
# TT-1000 on row 1005 (calls 2), then the note "first 1000 of 1105 shown"
# on row 1006; TT-1001 and the accounts are not in it.
{
    echo "call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,promised_restore_at"
    i=1
    while [ "$i" -le 1100 ]; do
        t=$(printf 'TT-%04d' "$i")
        echo "C-$i-a,ACC-T$i,tech_support,2026-10-10 09:00:00,2026-10-10 09:01:00,2026-10-10 09:10:00,answered,A-1,,$t,"
        echo "C-$i-b,ACC-T$i,tech_support,2026-10-10 10:00:00,2026-10-10 10:01:00,2026-10-10 10:10:00,answered,A-1,,$t,"
        i=$((i + 1))
    done
    echo "C-1-c,ACC-T1,tech_support,2026-10-11 09:00:00,2026-10-11 09:01:00,2026-10-11 09:10:00,answered,A-2,,TT-0001,"
    echo "C-1-d,ACC-T1,tech_support,2026-10-12 09:00:00,2026-10-12 09:01:00,2026-10-12 09:10:00,answered,A-2,,TT-0001,"
    for a in 1 2 3 4 5; do
        echo "C-A$a,ACC-$a,tech_support,2026-10-13 09:00:00,2026-10-13 09:01:00,2026-10-13 09:10:00,answered,A-3,,,"
    done
} > calls.csv
cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC
[guarantee effort]
promise = one call fixes it
source = test
kind = customer_effort
max_calls = 3
INI
ingest --calls calls.csv
expect_exit 0
run_ombud check -q --db "$DB" --guarantees g.ini --period 2026-10
expect_exit 0
expect_sql "SELECT subject, measured FROM breaches" "TT-0001|4"
run_ombud report -q --db "$DB" -o r.xlsx
expect_exit 0
expect_xlsx_xml r.xlsx
sheet=$(unzip -p r.xlsx xl/workbook.xml | grep -o '<sheet [^>]*>' | grep -n 'name="effort"' | cut -d: -f1)
x=$(unzip -p r.xlsx "xl/worksheets/sheet$sheet.xml")
cell() { # REF: the text or number of one cell
    printf '%s' "$x" | grep -o "<c r=\"$1\"[^>]*>\(<is><t>[^<]*</t></is>\|<v>[^<]*</v>\)" |
        sed 's/.*<t>\(.*\)<\/t>.*/\1/; s/.*<v>\(.*\)<\/v>.*/\1/'
}
expect_eq "first subject" TT-0001 "$(cell K6)"
expect_eq "its calls" 4 "$(cell L6)"
expect_eq "the 1,000th subject" TT-1000 "$(cell K1005)"
expect_eq "its calls" 2 "$(cell L1005)"
expect_eq "the note" "first 1000 of 1105 shown" "$(cell K1006)"
n=$(printf '%s' "$x" | grep -o '<c r="K[0-9]*"[^>]*><is><t>TT-[0-9]*</t>' | wc -l)
expect_eq "subjects in the table" 1000 "$n"
expect_eq "none after the 1,000th" 0 \
    "$(printf '%s' "$x" | grep -c 'TT-1001\|>ACC-[1-5]<')"
