# check: each kind's method text and README row name its key choices
# (issue 23). A second implementation written from the README alone must
# not have to guess which rows count, which instant puts a subject in the
# period, what happens at the period's edges, ties and rounding, or which
# charge and which credits. The method text is what the reports print
# (stored with every result); the README's row is what a reader has before
# running anything. Both must name the same choices.
#
# CHOICES below lists, per kind, phrases that must appear in both the
# stored method text and the README row "| `kind` | ... |" (case matters).
# A kind in the README's table with no line here fails: a new kind must
# say its choices too.
#
# Data: the founding case, checked for 2026-10 with one guarantee of each
# kind (--allow-incomplete: several kinds have no data in it, and a method
# text is written all the same).

CHOICES='live_support|arriv|handed on|hung up|local
answer_time|arriving|offered|handed on|abandon|below
restoration|open at some moment of the period|still open at the end of the period|pending|half up
commitments|falls in the period|real restoration time|counted to the end of the period
advance_notice|started in the period|earlier of the scheduled and|never announced
customer_effort|arriving in the period|grouped by ticket|closed queue
outage_credit|open at some moment of the period|whole duration|names the outage|for its service|used once|last posted|billing period
payment_notice|balance|carried forward|oldest charge first|whole history|tie|counted, not judged
trouble_rate|in the period|x 100 /|lines
appointments|window starts in the period|cancel|pending
provisioning|deadline falls in the period|still open at the end of the period|earlier
reportable_outage|starting in the period|whole minutes x customers_affected
reliability|began in the period|by local day of their start|in effect on the last day|momentary|still open runs to the period end|2.5 beta
call_kpis|arriving|offered|handed on|short abandons|half up|upper edge|not judged'

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles
INI

# One guarantee per kind, with the keys each requires.
section() { # KIND KEYS...
    printf '\n[guarantee k-%s]\npromise = p\nsource = s\nkind = %s\n' "$1" "$1" >> "$G"
    T_K=$1
    shift
    for T_KV in "$@"; do
        printf '%s\n' "$T_KV" >> "$G"
    done
}
section live_support 'queues = tech_support' 'max_wait = 10m'
section answer_time 'queues = tech_support' 'within = 60s' 'target = 80%'
section restoration 'within = 24h'
section commitments
section advance_notice 'min_notice = 48h'
section customer_effort 'max_calls = 3'
section outage_credit 'method = pro_rata'
section payment_notice
section trouble_rate 'max_per_100 = 5.5' 'lines = 1000'
section appointments
section provisioning 'within_working_days = 5'
section reportable_outage
section reliability 'saifi_max = 1.20'
section call_kpis

ingest "$LA" --outages "$FOUNDING/outages.csv" --calls "$FOUNDING/calls.csv" \
    --billing "$FOUNDING/billing.csv"
check --period 2026-10 --allow-incomplete
expect_exit 0

# The README's row of kind $1 in "Rule kinds and their keys".
readme_row() {
    grep -F "| \`$1\` |" "$RULES_ROOT/README.md" | head -1
}

# Every kind of the README's table has its line in CHOICES.
for T_KIND in $(sed -n '/^### Rule kinds and their keys/,/^### /p' \
                    "$RULES_ROOT/README.md" |
                sed -n 's/^| `\([a-z_]*\)` |.*/\1/p'); do
    T_HAVE=$(printf '%s\n' "$CHOICES" | grep -c "^$T_KIND|")
    expect_eq "kind $T_KIND has its key choices in this test" 1 "$T_HAVE"
done

printf '%s\n' "$CHOICES" > choices.txt
while IFS= read -r T_LINE; do
    T_KIND=${T_LINE%%|*}
    T_METHOD=$(sql "SELECT method FROM results WHERE id = $(rid "k-$T_KIND")")
    T_ROW=$(readme_row "$T_KIND")
    expect_eq "kind $T_KIND: a result with a method text" 1 \
        "$([ -n "$T_METHOD" ] && echo 1)"
    expect_eq "kind $T_KIND: a README row" 1 "$([ -n "$T_ROW" ] && echo 1)"
    T_REST=${T_LINE#*|}
    while [ -n "$T_REST" ]; do
        T_PHRASE=${T_REST%%|*}
        case $T_REST in
        *'|'*) T_REST=${T_REST#*|} ;;
        *) T_REST= ;;
        esac
        case $T_METHOD in
        *"$T_PHRASE"*) _t_ok ;;
        *) _t_fail "method text of $T_KIND names '$T_PHRASE'" \
               "a text containing '$T_PHRASE'" "$T_METHOD" ;;
        esac
        case $T_ROW in
        *"$T_PHRASE"*) _t_ok ;;
        *) _t_fail "README row of $T_KIND names '$T_PHRASE'" \
               "a row containing '$T_PHRASE'" "$T_ROW" ;;
        esac
    done
done < choices.txt
