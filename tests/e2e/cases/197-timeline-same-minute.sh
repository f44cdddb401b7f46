# 1000 calls of one account in one minute (2026-10-15 10:00, UTC), 250 of
# each outcome (answered, transferred, closed, voicemail): the timeline
# draws one mark per outcome, each with "×250" beside it, whatever the
# language; nothing else but the legend's sample "×2".
cat > g.ini <<'INI'
[filing]
carrier = Example Fibre Co
commission = Example Commission
timezone = UTC
currency = USD
period = 2026-10

[guarantee live-support]
promise = 24/7 live tech support
source = Brochure, page 2
kind = live_support
queues = tech_support
hours = 24x7
max_wait = 10m
INI
{
    echo "call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,promised_restore_at"
    awk 'BEGIN {
        for (i = 0; i < 1000; i++) {
            at = sprintf("2026-10-15T10:00:%02dZ", i % 60);
            k = i % 4;
            if (k == 0)
                printf "C-%04d,ACC-1001,tech_support,%s,2026-10-15T10:01:30Z,2026-10-15T10:05:00Z,answered,A-1,,,\n", i, at;
            else if (k == 1)
                printf "C-%04d,ACC-1001,tech_support,%s,2026-10-15T10:01:30Z,2026-10-15T10:05:00Z,transferred,A-1,repair,,\n", i, at;
            else if (k == 2)
                printf "C-%04d,ACC-1001,tech_support,%s,,2026-10-15T10:01:30Z,closed,,,,\n", i, at;
            else
                printf "C-%04d,ACC-1001,tech_support,%s,,2026-10-15T10:03:00Z,voicemail,,,,\n", i, at;
        }
    }'
} > calls.csv
expect_eq "1000 calls written" 1001 "$(wc -l < calls.csv | tr -d ' ')"

# counts FILE: every count in the PDF's text, sorted, one a line, without
# the bidi embeddings pdftotext puts around runs (U+202A..U+202C).
BIDI=$(printf '\342\200\252\|\342\200\253\|\342\200\254')
counts() {
    pdftotext "$1" - | sed "s/$BIDI//g; s/× */×/g" | grep -o '×[0-9]*' |
        sort | tr '\n' ' ' | sed 's/ $//'
}

for l in en es ca he; do
    run_ombud run -q --lang $l --guarantees g.ini --calls calls.csv --out $l \
        --account ACC-1001 --customer "Jane Doe"
    expect_exit 0
    expect_eq "$l: four marks of 250" "×2 ×250 ×250 ×250 ×250" \
        "$(counts $l/complaint-ACC-1001.pdf)"
    expect_true "$l: dossier PDF sound" test -z "$(pdf_wellformed $l/complaint-ACC-1001.pdf)"
done
