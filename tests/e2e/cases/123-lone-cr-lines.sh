# A lone CR inside a quoted field is no line end in a file whose lines end
# with LF or CRLF: the line numbers ombud reports are grep -n's, which
# counts only LF. The field itself holds a control character and its row
# is rejected (the README allows TAB and newlines only; a CR is part of a
# newline only before an LF). A file whose first line ends with a lone CR
# (classic Mac OS) keeps CR as its line end (case 063), and there a CR in
# a quoted field is its newline.

S='2026-10-01T00:00:00Z'
# LF file. Lines: 1 header; 2 O-2 (a lone CR inside quotes: rejected, the
# CR is byte 7 of "before\rafter"); 3 O-3; 4-5 O-4 (LF inside quotes);
# 6 O-5 (month 13); 7 O-6; 8 O-7 and O-8 (a lone CR outside quotes ends
# the record, not the line); 9 O-9. 8 records: 6 stored, 2 rejected.
{
    echo 'outage_id,started_at,cause'
    printf 'O-2,%s,"before\rafter"\n' "$S"
    printf 'O-3,%s,plain\n' "$S"
    printf 'O-4,%s,"two\nlines"\n' "$S"
    printf 'O-5,2026-13-01T00:00:00Z,bad month\n'
    printf 'O-6,%s,x\n' "$S"
    printf 'O-7,%s,x\rO-8,%s,y\n' "$S" "$S"
    printf 'O-9,%s,last\n' "$S"
} > lf.csv
ingest -v --outages lf.csv
expect_exit 0
expect_counts lf.csv 8 6 2
expect_reject lf.csv 2 3 cause "control character 0x0D at byte 7"
expect_reject lf.csv 6 2 started_at "month out of range"
expect_sql "SELECT outage_id, line FROM outages ORDER BY outage_id" "O-3|3
O-4|4
O-6|7
O-7|8
O-8|8
O-9|9"
# The same numbers as grep -n gives.
for id in O-3 O-6 O-9; do
    expect_eq "line of $id as grep -n counts" \
        "$(grep -n "^$id," lf.csv | cut -d: -f1)" \
        "$(sql "SELECT line FROM outages WHERE outage_id = '$id'")"
done
expect_eq "line of the bad month as grep -n counts" \
    "$(grep -n '^O-5,' lf.csv | cut -d: -f1)" \
    "$(sql "SELECT line FROM rejects WHERE field = 'started_at'")"

# CRLF file: a lone CR inside quotes (line 2, byte 2 of "a\rb") rejected;
# a CRLF inside quotes is a newline and stays (lines 3-4); P-4 on line 5.
printf 'outage_id,started_at,cause\r\nP-2,%s,"a\rb"\r\nP-3,%s,"two\r\nlines"\r\nP-4,%s,x\r\n' \
    "$S" "$S" "$S" > crlf.csv
ingest -v --outages crlf.csv
expect_exit 0
expect_counts crlf.csv 3 2 1
expect_reject crlf.csv 2 3 cause "control character 0x0D at byte 2"
expect_sql "SELECT outage_id, line FROM outages WHERE source_id = 2 ORDER BY line" "P-3|3
P-4|5"
expect_eq "line of P-4 as grep -n counts" "$(grep -n '^P-4,' crlf.csv | cut -d: -f1)" 5
expect_sql "SELECT cause = 'two' || char(13) || char(10) || 'lines' FROM outages
            WHERE outage_id = 'P-3'" 1

# CR file (old Mac): every CR ends a line, inside quotes too, where it is
# the file's newline: M-2 runs over lines 2 and 3, M-3 is on line 4.
printf 'outage_id,started_at,cause\rM-2,%s,"a\rb"\rM-3,%s,x\r' "$S" "$S" > cr.csv
ingest -v --outages cr.csv
expect_exit 0
expect_counts cr.csv 2 2 0
expect_sql "SELECT outage_id, line, cause = 'a' || char(13) || 'b' FROM outages
            WHERE source_id = 3 ORDER BY line" "M-2|2|1
M-3|4|0"

# The first line end split over two reads: the header's CR is the last
# byte of the first 64 KiB chunk (offset 65535) and its LF the first of
# the next. The file is CRLF, so the lone CR on line 2 does not count.
# ("outage_id,started_at,cause," is 27 bytes, the unknown column 65508.)
{
    printf 'outage_id,started_at,cause,'
    repeat_char x 65508
    printf '\r\nC-2,%s,"a\rb",\r\nC-3,%s,c,\r\n' "$S" "$S"
} > split.csv
expect_eq "offset of the header's CR" '\r' "$(od -An -c -j 65535 -N 1 split.csv | tr -d ' ')"
ingest -v --outages split.csv
expect_exit 0
expect_counts split.csv 2 1 1
expect_reject split.csv 2 3 cause "control character 0x0D at byte 2"
expect_sql "SELECT outage_id, line FROM outages WHERE source_id = 4" "C-3|3"
expect_accounting
