# Line ends that fall exactly on the reader's 64 KiB chunk boundary (file
# offset 65535 is the last byte of the first chunk, 65536 the first of the
# second). Each file: a header, row O-1 padded so that its line end sits
# at the boundary, then O-2 (good), O-3 (month 13, rejected at field 2),
# O-4 (good). The expected lines are worked out per file below.

T=2026-10-01T00:00:00Z
B=2026-13-01T00:00:00Z
# 'O-1,' (4) + "$T," (21) = 25 bytes before the padding.

# (a) CRLF split across the boundary: header 'outage_id,started_at,cause\r\n'
# is 28 bytes; the CR of row 1 is at 28 + 25 + pad = 65535 -> pad 65482;
# its LF is the first byte of chunk 2. Lines: O-1 2, O-2 3, O-3 4, O-4 5.
{ printf 'outage_id,started_at,cause\r\nO-1,%s,' "$T"; repeat_char a 65482
  printf '\r\nO-2,%s,b\r\nO-3,%s,c\r\nO-4,%s,d\r\n' "$T" "$B" "$T"; } > a.csv
expect_eq "offset of the CR in a.csv" '\r' "$(od -An -c -j 65535 -N 1 a.csv | tr -d ' ')"

# (b) CRLF split inside a quoted field: row 1 is 'O-1,T,"' (26) + pad +
# CRLF + 'tail"' CRLF; 28 + 26 + pad = 65535 -> pad 65481. Row 1 spans
# lines 2-3; O-2 4, O-3 5, O-4 6.
{ printf 'outage_id,started_at,cause\r\nO-1,%s,"' "$T"; repeat_char a 65481
  printf '\r\ntail"\r\nO-2,%s,b\r\nO-3,%s,c\r\nO-4,%s,d\r\n' "$T" "$B" "$T"; } > b.csv
expect_eq "offset of the CR in b.csv" '\r' "$(od -An -c -j 65535 -N 1 b.csv | tr -d ' ')"

# (c) LF file, LF of row 1 at 65535: header 27 bytes; 27 + 25 + pad =
# 65535 -> pad 65483. Lines: O-1 2, O-2 3, O-3 4, O-4 5.
{ printf 'outage_id,started_at,cause\nO-1,%s,' "$T"; repeat_char a 65483
  printf '\nO-2,%s,b\nO-3,%s,c\nO-4,%s,d\n' "$T" "$B" "$T"; } > c.csv
expect_eq "offset of the LF in c.csv" '\n' "$(od -An -c -j 65535 -N 1 c.csv | tr -d ' ')"

# (d) CR-only file, CR of row 1 at 65535 (pad 65483 as in c), then a
# second CR starting chunk 2: an empty line 3. Lines: O-1 2, O-2 4, O-3 5,
# O-4 6.
{ printf 'outage_id,started_at,cause\rO-1,%s,' "$T"; repeat_char a 65483
  printf '\r\rO-2,%s,b\rO-3,%s,c\rO-4,%s,d\r' "$T" "$B" "$T"; } > d.csv
expect_eq "offset of the CR in d.csv" '\r' "$(od -An -c -j 65535 -N 1 d.csv | tr -d ' ')"

# check FILE REJECTED-LINE STORED-ROWS
check() {
    DB=$1.db
    ingest --outages $1.csv
    expect_exit 0
    expect_counts $1.csv 4 3 1
    expect_reject $1.csv $2 2 started_at "month out of range"
    expect_sql "SELECT outage_id || ':' || line FROM outages ORDER BY line" "$3"
    expect_sql "SELECT count(*) FROM outages WHERE cause LIKE '%' || char(13) || '%'
                AND outage_id != 'O-1'" 0
    expect_accounting
}
check a 4 "O-1:2
O-2:3
O-4:5"
check b 5 "O-1:2
O-2:4
O-4:6"
# Row 1's cause of b.csv: the padding, CRLF, 'tail': 65481 + 2 + 4 bytes.
expect_sql "SELECT length(cause), substr(cause, -6) = char(13) || char(10) || 'tail'
            FROM outages WHERE outage_id = 'O-1'" "65487|1"
check c 4 "O-1:2
O-2:3
O-4:5"
check d 5 "O-1:2
O-2:4
O-4:6"
