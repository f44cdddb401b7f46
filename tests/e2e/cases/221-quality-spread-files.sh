# Where each file's records fall against the period ("records dated
# before the period: X, in it: Y, after it: Z") when one table holds the
# rows of several files. A table holding one file's rows is counted on its
# time index (src/store/sqlite.c, sq_source_spread); these are the other
# stores, which must count each file's own rows, and a file all of whose
# rows were rejected, which the next file's rows follow in the table.
#
# Worked by hand, period 2026-10 (UTC):
#   a.csv: A1 2026-09-30 23:59:59 (before), A2 2026-10-01 00:00:00 (in),
#          A3 2026-10-31 23:59:59 (in)             -> 1, 2, 0
#   b.csv: B1 2026-10-15 (in), B2 2026-11-01 00:00:00 (after),
#          B3 2026-11-02 (after)                   -> 0, 1, 2
#   q.csv (second store): Q1 with an outcome no leg can have: rejected,
#          nothing stored                          -> 0, 0, 0
#   r.csv (after q.csv): R1 2026-09-01 (before), R2 2026-10-02 (in)
#                                                  -> 1, 1, 0
# Third store: files wholly on one side, read from the span each file's
# import recorded (sources.span_*) without counting its rows:
#   c.csv: 2026-09-10, 2026-09-30 23:59:59          -> 2, 0, 0
#   d.csv: 2026-10-01 00:00:00, 2026-10-31 23:59:59 -> 0, 2, 0
#   e.csv: 2026-11-01 00:00:00, 2026-11-20          -> 0, 0, 2
# and the same once the span columns are gone (a store from before them,
# upgraded when opened: its rows are counted), and again after d.csv is
# forgotten and imported anew (its span goes with its source row and
# comes back).

cat > g.ini <<'INI'
[filing]
carrier = C
commission = K
timezone = UTC

[guarantee live]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech
max_wait = 10m
INI
cat > a.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
A1,tech,2026-09-30T23:59:59Z,2026-09-30T23:59:59Z,2026-10-01T00:05:00Z,answered
A2,tech,2026-10-01T00:00:00Z,2026-10-01T00:00:10Z,2026-10-01T00:05:00Z,answered
A3,tech,2026-10-31T23:59:59Z,2026-10-31T23:59:59Z,2026-11-01T00:05:00Z,answered
CSV
cat > b.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
B1,tech,2026-10-15T10:00:00Z,2026-10-15T10:00:10Z,2026-10-15T10:05:00Z,answered
B2,tech,2026-11-01T00:00:00Z,2026-11-01T00:00:10Z,2026-11-01T00:05:00Z,answered
B3,tech,2026-11-02T10:00:00Z,2026-11-02T10:00:10Z,2026-11-02T10:05:00Z,answered
CSV
cat > q.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
Q1,tech,2026-10-03T10:00:00Z,2026-10-03T10:00:10Z,2026-10-03T10:05:00Z,teleported
CSV
cat > r.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome
R1,tech,2026-09-01T10:00:00Z,2026-09-01T10:00:10Z,2026-09-01T10:05:00Z,answered
R2,tech,2026-10-02T10:00:00Z,2026-10-02T10:00:10Z,2026-10-02T10:05:00Z,answered
CSV

note() { # FILE READ STORED REJECTED SHARE BEFORE IN AFTER
    printf '%s (calls): %s read, %s stored, %s rejected (%s); records dated before the period: %s, in it: %s, after it: %s' \
        "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8"
}

ingest --tz UTC --calls a.csv
expect_exit 0
ingest --tz UTC --calls b.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
run_ombud report --db "$DB" -o ab.pdf
expect_exit 0
pdftotext -layout ab.pdf - | tr -s ' \n' '  ' > ab.txt
expect_true "a.csv's spread" grep -qF "Note: $(note a.csv 3 3 0 0.00% 1 2 0)" ab.txt
expect_true "b.csv's spread" grep -qF "Note: $(note b.csv 3 3 0 0.00% 0 1 2)" ab.txt

DB=qr.db
ingest --tz UTC --calls q.csv
ingest --tz UTC --calls r.csv
expect_exit 0
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
run_ombud report --db "$DB" -o qr.pdf
expect_exit 0
pdftotext -layout qr.pdf - | tr -s ' \n' '  ' > qr.txt
expect_true "q.csv's spread: nothing stored" grep -qF "$(note q.csv 1 0 1 100.00% 0 0 0)" qr.txt
expect_true "r.csv's spread" grep -qF "Note: $(note r.csv 2 2 0 0.00% 1 1 0)" qr.txt

# Third store: wholly before, in, after (worked above).
span_file() { # NAME ID1 AT1 ID2 AT2
    printf 'call_id,queue,arrived_at,answered_at,ended_at,outcome\n' > "$1"
    printf '%s,tech,%s,%s,%s,answered\n' "$2" "$3" "$3" "$3" "$4" "$5" "$5" "$5" >> "$1"
}
span_file c.csv C1 2026-09-10T10:00:00Z C2 2026-09-30T23:59:59Z
span_file d.csv D1 2026-10-01T00:00:00Z D2 2026-10-31T23:59:59Z
span_file e.csv E1 2026-11-01T00:00:00Z E2 2026-11-20T10:00:00Z
DB=cde.db
for f in c.csv d.csv e.csv; do ingest --tz UTC --calls "$f"; expect_exit 0; done
expect_eq "a span per file" "3" "$(sqlite3 "$DB" 'SELECT count(*) FROM sources WHERE span_timed = 2')"
spreads() { # PDF: the three notes as found
    run_ombud report --db "$DB" -o "$1"
    expect_exit 0
    pdftotext -layout "$1" - | tr -s ' \n' '  ' > "$1.txt"
    expect_true "c.csv wholly before ($1)" grep -qF "Note: $(note c.csv 2 2 0 0.00% 2 0 0)" "$1.txt"
    expect_true "d.csv wholly in ($1)" grep -qF "Note: $(note d.csv 2 2 0 0.00% 0 2 0)" "$1.txt"
    expect_true "e.csv wholly after ($1)" grep -qF "Note: $(note e.csv 2 2 0 0.00% 0 0 2)" "$1.txt"
}
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
spreads spans.pdf
# A store from before spans: the columns go; the next ombud adds them
# back, empty, and counts.
sqlite3 "$DB" 'ALTER TABLE sources DROP COLUMN span_first; ALTER TABLE sources DROP COLUMN span_last; ALTER TABLE sources DROP COLUMN span_timed'
spreads counted.pdf
run_ombud forget --db "$DB" d.csv
expect_exit 0
ingest --tz UTC --calls d.csv
expect_exit 0
expect_eq "d.csv's span back" "d.csv" "$(sqlite3 "$DB" 'SELECT name FROM sources WHERE span_timed IS NOT NULL')"
run_ombud check --db "$DB" --guarantees g.ini --period 2026-10
spreads again.pdf
