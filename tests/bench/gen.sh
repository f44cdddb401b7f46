#!/bin/sh
# Generate a synthetic carrier month (October 2026, America/Los_Angeles) in
# ombud's three formats, deterministically: the same N gives the same bytes.
#
#   sh tests/bench/gen.sh N DIR     N call legs; N/40 outages; N/8 billing rows
#
# Calls come in bursts by hour of day and day of week; about 6 % of legs
# are abandoned, 3 % hit a closed queue, 20 % are transferred; outages last
# from minutes to days; each account is charged monthly and pays, a few late.
set -eu
N=$1
DIR=$2
mkdir -p "$DIR"
awk -v n="$N" 'BEGIN {
    srand(20261001);
    print "call_id,account_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to,ticket_id,promised_restore_at";
    split("tech_support repair billing escalation retention", q, " ");
    t0 = 1790838000;            # 2026-10-01 00:00:00 PDT as epoch
    legs = 0; call = 0;
    while (legs < n) {
        call++;
        acct = sprintf("ACC-%07d", int(rand() * n / 4));
        t = t0 + int(rand() * 31 * 86400);
        k = int(rand() * 3) + 1;               # legs of this call
        for (j = 0; j < k && legs < n; j++) {
            legs++;
            queue = q[j == 0 ? 1 : int(rand() * 5) + 1];
            wait = int(rand() * 900);
            talk = 60 + int(rand() * 1200);
            r = rand();
            ans = ""; agent = ""; tr = ""; out = "answered";
            if (r < 0.06) { out = "abandoned"; end = t + wait; }
            else if (r < 0.09) { out = "closed"; end = t + 30; }
            else {
                ans = t + wait; end = ans + talk;
                agent = sprintf("A-%05d", int(rand() * 3000));
                if (j < k - 1) { out = "transferred"; tr = q[int(rand() * 5) + 1]; }
            }
            ticket = (rand() < 0.2) ? sprintf("OUT-%07d", int(rand() * n / 40)) : "";
            printf "C-%08d,%s,%s,%s,%s,%s,%s,%s,%s,%s,\n", call, acct, queue,
                strftime("%Y-%m-%d %H:%M:%S", t, 1),
                ans == "" ? "" : strftime("%Y-%m-%d %H:%M:%S", ans, 1),
                strftime("%Y-%m-%d %H:%M:%S", end, 1), out, agent, tr, ticket;
            t = end + 2;
        }
    }
}' > "$DIR/calls.csv"
awk -v n="$N" 'BEGIN {
    srand(14);
    print "outage_id,account_id,area,service,started_at,restored_at,planned,scheduled_at,notified_at,customers_affected,cause";
    t0 = 1790838000;
    for (i = 0; i < n / 40; i++) {
        s = t0 + int(rand() * 31 * 86400);
        d = int(rand() * rand() * 5 * 86400) + 600;
        acct = rand() < 0.7 ? sprintf("ACC-%07d", int(rand() * n / 4)) : "";
        planned = rand() < 0.1 ? "yes" : "no";
        sched = planned == "yes" ? strftime("%Y-%m-%dT%H:%M:%SZ", s, 1) : "";
        note = planned == "yes" ? strftime("%Y-%m-%dT%H:%M:%SZ", s - 172800, 1) : "";
        printf "OUT-%07d,%s,Area-%03d,voice,%s,%s,%s,%s,%s,%d,generated\n", i, acct,
            int(rand() * 200), strftime("%Y-%m-%dT%H:%M:%SZ", s, 1),
            strftime("%Y-%m-%dT%H:%M:%SZ", s + d, 1), planned, sched, note,
            1 + int(rand() * 50);
    }
}' > "$DIR/outages.csv"
awk -v n="$N" 'BEGIN {
    srand(25);
    print "account_id,kind,posted_at,amount,currency,service,period_start,period_end,due_at,reference,description";
    for (i = 0; i < n / 8; i++) {
        acct = sprintf("ACC-%07d", i % (n / 4 + 1));
        r = i % 4;
        if (r == 0) printf "%s,charge,2026-10-01,64.99,USD,voice,2026-10-01,2026-10-31,2026-10-25,INV-%07d,monthly\n", acct, i;
        else if (r == 1) printf "%s,payment,2026-10-%02d,64.99,USD,,,,,CHK-%07d,cheque for INV-%07d\n", acct, 10 + int(rand() * 20), i, i - 1;
        else if (r == 2) printf "%s,credit,2026-10-%02d,%d.%02d,USD,voice,,,,CR-%07d,outage credit\n", acct, 1 + int(rand() * 28), int(rand() * 10), int(rand() * 100), i;
        else printf "%s,notice,2026-10-28,64.99,USD,,,,,INV-%07d,late payment notice\n", acct, i - 3;
    }
}' > "$DIR/billing.csv"
