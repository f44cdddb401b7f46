# Every evidence row carries the source and the line(s) of the row it
# names (schema 4, issue 24: the reports read them without a join to
# every row table), and a store of schema 3, whose evidence has no such
# copy, is filled when opened, its reports unchanged byte for byte.
A=$SAMPLES/asterisk
run_ombud ingest -q --db "$DB" --guarantees "$A/guarantees.ini" \
    --calls "$A/queue_log" --accounts "$A/accounts.csv"
expect_exit 0
run_ombud check -q --db "$DB" --guarantees "$A/guarantees.ini"
expect_exit 0
expect_sql "SELECT value FROM meta WHERE key = 'schema_version'" 5
expect_sql "SELECT count(*) FROM evidence WHERE source_id IS NULL OR lines IS NULL" 0
# samples/asterisk/README.md: callid .1 is lines 3, 5, 6 (answered after
# 20 s), .2 lines 4, 9, 10, .4 lines 13, 14; a leg names all its lines.
expect_sql "SELECT DISTINCT s.name || ':' || e.lines FROM evidence e JOIN sources s ON s.id = e.source_id WHERE e.lines IN ('3,5,6', '4,9,10', '13,14') ORDER BY 1" \
"queue_log:13,14
queue_log:3,5,6
queue_log:4,9,10"
# The copy says what the row says (a second reading, by a join).
expect_sql "SELECT count(*) FROM evidence e JOIN call_legs c ON c.id = e.row_id WHERE e.tbl = 'call_legs' AND (e.source_id IS NOT c.source_id OR e.lines IS NOT coalesce(c.lines, CAST(c.line AS TEXT)))" 0
run_ombud report --db "$DB" -o a.xlsx
run_ombud report --db "$DB" -o a.pdf

# The founding case: outages and billing rows, one line each.
DB=f.db
run_ombud run -q --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" \
    --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv" --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_sql "SELECT e.tbl, count(*) FROM evidence e WHERE e.tbl IN ('outages', 'billing_events') AND e.lines = (SELECT CAST(line AS TEXT) FROM outages WHERE id = e.row_id AND e.tbl = 'outages' UNION ALL SELECT CAST(line AS TEXT) FROM billing_events WHERE id = e.row_id AND e.tbl = 'billing_events') GROUP BY 1 ORDER BY 1" \
"$(sql "SELECT tbl, count(*) FROM evidence WHERE tbl IN ('outages', 'billing_events') GROUP BY 1 ORDER BY 1")"
expect_sql "SELECT count(*) > 0 FROM evidence WHERE tbl = 'billing_events'" 1

# Schema 3: the columns and the copy taken away, the old ticket index
# back, and the figures one per row in a table of that name, as schema 3
# stored them (the view gives them in the order written).
DB=ev.db
nfig=$(sql "SELECT count(*) FROM figures")
expect_true "figures stored by runs" [ "$(sql "SELECT count(*) FROM figure_runs")" -lt "$nfig" ]
sqlite3 "$DB" "ALTER TABLE evidence DROP COLUMN source_id;
  ALTER TABLE evidence DROP COLUMN lines;
  CREATE INDEX call_legs_ticket ON call_legs(ticket_id);
  CREATE TABLE f3 AS SELECT result_id, subject, name, value, unit FROM figures ORDER BY run, k;
  DROP VIEW figures; DROP TABLE figure_runs;
  CREATE TABLE figures (result_id INTEGER NOT NULL REFERENCES results(id),
    subject TEXT NOT NULL, name TEXT NOT NULL, value INTEGER NOT NULL,
    unit TEXT NOT NULL);
  INSERT INTO figures SELECT * FROM f3 ORDER BY rowid; DROP TABLE f3;
  CREATE INDEX figures_result ON figures(result_id);
  UPDATE meta SET value = '3' WHERE key = 'schema_version'"
run_ombud report --db "$DB" -o b.xlsx
expect_exit 0
run_ombud report --db "$DB" -o b.pdf
expect_exit 0
expect_true "the upgraded store's XLSX is byte-identical" cmp -s a.xlsx b.xlsx
expect_true "the upgraded store's PDF is byte-identical" cmp -s a.pdf b.pdf
expect_sql "SELECT value FROM meta WHERE key = 'schema_version'" 5
expect_sql "SELECT count(*) FROM evidence WHERE source_id IS NULL OR lines IS NULL" 0
expect_sql "SELECT count(*) FROM sqlite_master WHERE name = 'call_legs_ticket'" 0
expect_sql "SELECT type FROM sqlite_master WHERE name = 'figures'" view
expect_sql "SELECT count(*), count(more) FROM figure_runs" "$nfig|0"
expect_sql "SELECT count(*) FROM figures" "$nfig"
