# Long names found by a second sweep, each kept whole or cut at a
# character boundary:
#   - an Asterisk transfer's target ("exten@context", or "attended
#     (METHOD)") is shown in 199 bytes: a 150-"é" exten leaves 99 "é"
#     (198 bytes) and the half of the 100th goes; a 150-"é" method leaves
#     "attended (" and 94 "é" (198 bytes). Half a character was stored,
#     and PostgreSQL refused the import;
#   - snapshots of an area not in customers.csv, named with 100 "é", are
#     named once in the method, not once per snapshot;
#   - an account of 300 bytes (all any import keeps is 1,000) gets its
#     dossier: its name cut to 190 bytes and the id's SHA-256 tag.
E= i=0
while [ "$i" -lt 150 ]; do E="${E}é"; i=$((i + 1)); done
S=$SAMPLES/asterisk
sed -e "s/|BLINDTRANSFER|2000|/|BLINDTRANSFER|$E|/" \
    -e "s/|ATTENDEDTRANSFER|BRIDGE|/|ATTENDEDTRANSFER|$E|/" "$S/queue_log" > queue_log
run_ombud ingest -q --db ev.db --tz UTC --calls queue_log \
    --calls-format asterisk-queue-log --accounts "$S/accounts.csv"
expect_exit 0
# (cut counts bytes in the cases' C locale)
E99=$(printf '%s' "$E" | cut -c1-198)
E94=$(printf '%s' "$E" | cut -c1-188)
expect_sql "SELECT call_id, length(CAST(transferred_to AS BLOB)) FROM call_legs WHERE transferred_to IS NOT NULL ORDER BY call_id" "1791190800.8|198
1791190800.9|198"
expect_sql "SELECT transferred_to FROM call_legs WHERE call_id = '1791190800.8' AND transferred_to IS NOT NULL" "$E99"
expect_sql "SELECT transferred_to FROM call_legs WHERE call_id = '1791190800.9' AND transferred_to IS NOT NULL" "attended ($E94"

R=$SAMPLES/reliability
A=$(printf '%s' "$E" | cut -c1-200)
{ cat "$R/snapshots.csv"; for h in 10 11 12 13; do echo "$A,2026-10-05T$h:00:00Z,5"; done; } > snapshots.csv
run_ombud run -q --guarantees "$E2E_ROOT/templates/guarantees/pa-reliability.ini" \
    --outages "$R/outages.csv" --customers "$R/customers.csv" \
    --snapshots snapshots.csv --period 2026-10 --out rel
DB=rel/evidence.db
n=$(sql "SELECT method FROM results" | grep -o "$A" | wc -l)
expect_eq "the unknown area named once" 1 "$n"

X=$(repeat_char x 292)
for f in outages calls billing; do
    sed "s/ACC-1001/ACC-1001$X/g" "$FOUNDING/$f.csv" > "$f.csv"
done
ID="ACC-1001$X"
NAME="$(printf '%s' "$ID" | cut -c1-190)-$(printf '%s' "$ID" | sha256sum | cut -c1-8)"
run_ombud run -q --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" \
    --outages outages.csv --calls calls.csv --billing billing.csv \
    --period 2026-10 --out d --account "$ID" --customer Jane --date 2026-11-02
expect_exit 0
expect_true "the dossier of the 300-byte account" test -f "d/complaint-$NAME.pdf"
expect_true "and its workbook" test -f "d/complaint-$NAME.xlsx"
run_ombud verify --report "d/complaint-$NAME.pdf" \
    --guarantees "$E2E_ROOT/templates/guarantees/fibre-bundle.ini" \
    --outages outages.csv --calls calls.csv --billing billing.csv
expect_exit 0
