# A check readies only the look-ups its guarantees make (issue 24): SQLite
# builds each look-up index at the first check that needs it, and a check
# that never asks an area, an account's billing or a promise does not pay
# for theirs (at 10M outages the areas' index alone was 10 s of a
# reliability check). The findings do not depend on which indexes exist.
#
# Worked out from the kinds' readings (include/ombud/store.h, OMBUD_LOOKS_*):
#   every check        call_legs_arrived, outages_started
#   commitments        call_legs_promise
#   payment_notice     billing_account_at
#   outage_credit      billing_account_at, billing_area, outages_area
#   reliability        outages_stepped
OPTIONAL="'billing_account_at','billing_area','outages_area','call_legs_promise','outages_stepped'"
indexes() { # DB: the look-up indexes it holds, one line
    sqlite3 "$1" "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('call_legs_arrived','outages_started',$OPTIONAL) ORDER BY name)"
}
# The findings, every row, without the check's own row (its time).
findings() { # DB
    sqlite3 "$1" "SELECT * FROM results ORDER BY id; SELECT * FROM breaches ORDER BY id; SELECT * FROM evidence ORDER BY rowid; SELECT * FROM figure_runs ORDER BY rowid; SELECT * FROM series ORDER BY rowid"
}

# 1. Reliability alone: its steps, none of the billing's, areas' or
#    promises'.
R=$SAMPLES/reliability
G=$E2E_ROOT/templates/guarantees/pa-reliability.ini
for d in lean full; do
    run_ombud ingest -q --db $d.db --guarantees "$G" --outages "$R/outages.csv" \
        --customers "$R/customers.csv"
    expect_exit 0
done
# "full": every look-up index there before its check, as a store checked
# earlier with other guarantees has them.
sqlite3 full.db "CREATE INDEX billing_account_at ON billing_events(account_id, posted_at);
CREATE INDEX billing_area ON billing_events(area, account_id) WHERE area IS NOT NULL;
CREATE INDEX outages_area ON outages(area, account_id) WHERE area IS NOT NULL;
CREATE INDEX call_legs_promise ON call_legs(promised_restore_at) WHERE promised_restore_at IS NOT NULL;"
for d in lean full; do
    run_ombud check -q --db $d.db --guarantees "$G" --period 2026-10
    expect_exit 2
done
expect_eq "a reliability check builds its look-ups only" \
    "call_legs_arrived outages_started outages_stepped" "$(indexes lean.db)"
expect_eq "its figures" 9 "$(sqlite3 lean.db 'SELECT count(*) FROM figure_runs')"
findings lean.db > lean.txt
findings full.db > full.txt
expect_true "the same findings with every index" cmp -s lean.txt full.txt

# 2. The founding case's calls, then its whole bundle, in one store: the
#    call-centre KPIs make no look-up; the bundle's payment_notice,
#    outage_credit and commitments make theirs at its check, and its
#    findings are those of a store whose first check is the bundle's.
F=$E2E_ROOT/templates/guarantees/fibre-bundle.ini
for d in kpis first; do
    run_ombud ingest -q --db $d.db --guarantees "$F" \
        --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
        --billing "$FOUNDING/billing.csv"
    expect_exit 0
done
run_ombud check -q --db kpis.db --guarantees "$SAMPLES/call-centre/call-kpis.ini" \
    --period 2026-10
expect_exit 0
expect_eq "a KPI check makes no look-up" \
    "call_legs_arrived outages_started" "$(indexes kpis.db)"
for d in kpis first; do
    run_ombud check -q --db $d.db --guarantees "$F" --period 2026-10
    expect_exit 0
done
expect_eq "the bundle's check adds the billing's, the areas' and the promises'" \
    "billing_account_at billing_area call_legs_arrived call_legs_promise outages_area outages_started" \
    "$(indexes kpis.db)"
expect_eq "as a store's first check of the bundle does" \
    "$(indexes first.db)" "$(indexes kpis.db)"
# The KPIs' check, of the same period, was replaced by the bundle's.
findings kpis.db > kpis.txt
findings first.db > first.txt
expect_true "the same findings either way" cmp -s kpis.txt first.txt
