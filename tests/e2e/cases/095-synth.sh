# ombud synth: options and refusals, determinism (same seed => same bytes,
# another seed => other bytes), every generated file ingested with no row
# rejected, and the month run through every templates/guarantees/*.ini
# with a breach of every guarantee kind the template uses (read back from
# the XLSX Summary), so templates added later are covered too.

# ---- options and refusals ---------------------------------------------------------

run_ombud help synth
expect_exit 0
expect_stdout_has "usage: ombud synth --rows N --out DIR"
expect_stdout_has "asterisk-queue-log"

run_ombud synth --out x
expect_exit 64
expect_stderr_has "--rows N is required"
run_ombud synth --rows 99 --out x
expect_exit 64
expect_stderr_has "--rows must be a whole number from 100 to 200000000, got 99"
run_ombud synth --rows 200000001 --out x
expect_exit 64
run_ombud synth --rows 1e6 --out x
expect_exit 64
run_ombud synth --rows -5 --out x
expect_exit 64
run_ombud synth --rows 1000 --out x --format cdr
expect_exit 64
expect_stderr_has "--format must be csv or asterisk-queue-log, got cdr"
run_ombud synth --rows 1000 --out x --month 2026-13
expect_exit 64
expect_stderr_has "--month must be YYYY-MM, got 2026-13"
run_ombud synth --rows 1000 --out x --tz Nowhere/City
expect_exit 64
run_ombud synth --rows 1000 --out x --seed abc
expect_exit 64
expect_no_file x

mkdir full
echo keep > full/notes.txt
run_ombud synth --rows 1000 --out full
expect_exit 73
expect_stderr_has "full is not empty"
expect_no_file full/calls.csv
run_ombud synth -q --rows 1000 --out full --force
expect_exit 0
expect_eq "--force keeps other files" keep "$(cat full/notes.txt)"
expect_true "--force wrote calls.csv" test -s full/calls.csv

echo x > afile
run_ombud synth --rows 1000 --out afile
expect_exit 73

# ---- determinism ------------------------------------------------------------------

run_ombud synth --rows 20000 --out a
expect_exit 0
expect_stderr_has "a: 20000 call legs (calls.csv), 5000 accounts"
run_ombud synth -q --rows 20000 --out b
run_ombud synth -q --rows 20000 --out c --seed 2
for f in calls.csv outages.csv billing.csv appointments.csv orders.csv \
         customers.csv; do
    expect_true "same seed, same $f" cmp -s "a/$f" "b/$f"
    expect_true "seed 2 changes $f" sh -c '! cmp -s "$1" "$2"' sh "a/$f" "c/$f"
done
expect_true "no .tmp left" sh -c '! ls a | grep -q tmp'
# N call legs exactly, plus the header line.
expect_eq "calls.csv lines" 20001 "$(wc -l < a/calls.csv | tr -d ' ')"

run_ombud synth -q --rows 3000 --format asterisk-queue-log --out q1
run_ombud synth -q --rows 3000 --format asterisk-queue-log --out q2
expect_true "queue_log same bytes" cmp -s q1/queue_log q2/queue_log
expect_no_file q1/calls.csv
expect_eq "accounts.csv header" "caller_number,account_id" "$(head -1 q1/accounts.csv)"
# 3000 legs = 3000 stints; a few ENTERQUEUE lines are doubled, as in real logs.
expect_true "an ENTERQUEUE per leg (a few twice)" sh -c \
    'n=$(grep -c "|ENTERQUEUE|" q1/queue_log); [ "$n" -ge 3000 ] && [ "$n" -le 3030 ]'
for ev in ENTERQUEUE CONNECT COMPLETECALLER COMPLETEAGENT BLINDTRANSFER ABANDON \
          EXITWITHTIMEOUT EXITEMPTY RINGNOANSWER; do
    expect_true "queue_log has $ev" grep -q "|$ev|" q1/queue_log
done
expect_true "every queue_log line is epoch|callid|queue|agent|EVENT|..." sh -c \
    '! grep -Evq "^[0-9]{10}\|[0-9]+\.[0-9]+\|[a-z_]+\|(NONE|PJSIP/[0-9]+)\|[A-Z]+\|" q1/queue_log'

# ---- every file ingests with no reject ----------------------------------------------

"$OMBUD" help ingest > ingest-help.txt
args=
for kind in outages calls billing appointments orders customers; do
    if grep -q -- "--$kind FILE" ingest-help.txt; then
        args="$args --$kind a/$kind.csv"
    else
        echo "note: ombud ingest does not read $kind yet; a/$kind.csv not ingested"
    fi
done
# shellcheck disable=SC2086 # $args is a list of options
ingest_la $args
expect_exit 0
expect_sql "SELECT count(*) FROM sources" "$(echo $args | wc -w | awk '{print $1 / 2}')"
expect_sql "SELECT sum(rows_rejected) FROM sources" "0"
expect_accounting

# ---- every template: a breach of every kind it uses -----------------------------------

"$OMBUD" help run > run-help.txt
runargs=
for kind in appointments orders customers; do
    if grep -q -- "--$kind FILE" run-help.txt; then
        runargs="$runargs --$kind a/$kind.csv"
    fi
done

# summary_cells XLSX: "REF<TAB>VALUE" for every cell of the Summary sheet.
summary_cells() {
    unzip -p "$1" xl/worksheets/sheet1.xml |
        grep -o '<c r="[A-Z]*[0-9]*"[^>]*>\(<v>[^<]*</v>\|<is><t[^>]*>[^<]*</t></is>\)' |
        sed 's/^<c r="\([A-Z]*[0-9]*\)"[^>]*>/\1	/; s/<[^>]*>//g'
}

for t in "$E2E_ROOT"/templates/guarantees/*.ini; do
    name=$(basename "$t" .ini)
    # the templates' line-count placeholders, filled with the month's lines
    g=$name.ini
    # and the other placeholders (reliability targets) taken as they are,
    # as a filer would put in figures of their own
    sh "$E2E_ROOT/tests/bench/fill-lines.sh" "$t" a/lines.csv |
        sed 's/; PLACEHOLDER.*$//' > "$g"
    # shellcheck disable=SC2086
    run_ombud run -q --guarantees "$g" --outages a/outages.csv \
        --calls a/calls.csv --billing a/billing.csv $runargs \
        --period 2026-10 --out "out-$name"
    expect_exit 0
    summary_cells "out-$name/report.xlsx" > "cells-$name.txt"
    # guarantee id and kind from the template: [guarantee ID] ... kind = K
    awk '/^\[guarantee / { id = $2; sub(/\]$/, "", id) }
         /^kind[ \t]*=/ && id != "" { k = $0; sub(/^kind[ \t]*=[ \t]*/, "", k);
             sub(/[ \t;#].*$/, "", k); print id, k; id = "" }' "$g" > "kinds-$name.txt"
    expect_true "$name names guarantees" test -s "kinds-$name.txt"
    for kind in $(awk '{print $2}' "kinds-$name.txt" | sort -u); do
        # Breached when some guarantee of the kind has FAIL and breaches > 0
        # in its Summary row (columns A id, G status, H breaches); a duty
        # to report (reportable_outage) met is REPORTABLE, not FAIL.
        hit=$(awk -v k="$kind" 'NR == FNR { if ($2 == k) want[$1] = 1; next }
            { ref = $1; val = substr($0, length(ref) + 2);
              col = ref; sub(/[0-9]+$/, "", col); row = substr(ref, length(col) + 1);
              cell[col, row] = val }
            END { for (r = 1; r <= 500; r++)
                      if ((("A", r) in cell) && (cell["A", r] in want) &&
                          (cell["G", r] == "FAIL" || cell["G", r] == "REPORTABLE") &&
                          cell["H", r] + 0 > 0) n++;
                  print n + 0 }' "kinds-$name.txt" FS='\t' "cells-$name.txt")
        expect_true "$name: a $kind guarantee is breached (FAIL or REPORTABLE, breaches > 0)" \
            test "$hit" -gt 0
    done
done
