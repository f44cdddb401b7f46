# Checked arithmetic: money and durations that are absurd but accepted (an
# amount of 10^13, an outage of 36 years) used to wrap in int64_t, so the
# amount owed turned negative and the guarantee showed PASS. Now a product
# or sum that does not fit in 64 bits stops the check: exit 65, a message
# naming the guarantee, the outage (and account) and the two factors, and
# no check stored. The same inputs with ordinary amounts give the figures
# worked out below. Negative amounts in the guarantees file are refused
# with file:line and the fix.

cat > o.csv <<'EOF'
outage_id,account_id,area,service,started_at,restored_at
O1,A1,X,internet,2000-01-01T00:00:00Z,2026-10-15T00:00:00Z
O2,A2,X,internet,1990-01-01T00:00:00Z,2026-10-15T00:00:00Z
EOF
# A2's charge covers one day (1990-01-01), when O2 began.
cat > b.csv <<'EOF'
account_id,kind,posted_at,amount,currency,service,period_start,period_end
A2,charge,1990-01-01,9999999999999.99,USD,internet,1990-01-01,1990-01-01
EOF
sed 's/9999999999999.99/30.00/' b.csv > b30.csv
# guarantee FILE ID KIND KEY=VALUE...
guarantee() {
    f=$1 id=$2 kind=$3; shift 3
    printf '[filing]\ncarrier = C\ncommission = K\n[guarantee %s]\npromise = P\nsource = S\nkind = %s\n' \
        "$id" "$kind" > "$f"
    for kv in "$@"; do printf '%s\n' "$kv" | sed 's/=/ = /' >> "$f"; done
}
checks() { sql "SELECT count(*) FROM checks"; }

run_ombud ingest -q --tz UTC --db big.db --outages o.csv --billing b.csv
expect_exit 0
run_ombud ingest -q --tz UTC --db ok.db --outages o.csv --billing b30.csv
expect_exit 0

# Days by hand: 2000-01-01 to 2026-10-15 is 26 years with 7 leap days
# (2000..2024) = 9490 + 7 + 287 (Jan 1 to Oct 15 of 2026) = 9784 days;
# 1990-01-01 to 2000-01-01 adds 3652: O2 lasted 13436 days.
expect_eq "O1 days" 9784 $(( ($(utc '2026-10-15 00:00:00') - $(utc '2000-01-01 00:00:00')) / 86400 ))

# ---- per_day: 10^13 USD = 10^15 cents x 13436 days > 2^63 - 1 ---------------
guarantee big-day.ini credit outage_credit method=per_day per_day=10000000000000.00
DB=big.db; before=$(checks)
run_ombud check -q --db big.db --guarantees big-day.ini --period 2026-10
expect_exit 65
expect_stderr_line "ombud: error: [guarantee credit] O2/A2: " \
    "the amount owed does not fit in 64 bits (1000000000000000 x 13436)"
expect_stdout_lacks "PASS"
expect_eq "no check stored" "$before" "$(checks)"
# The same at 1.00 a day: 9784 + 13436 = 23220 days owed, nothing credited.
guarantee day.ini credit outage_credit method=per_day per_day=1.00
run_ombud check --db big.db --guarantees day.ini --period 2026-10
expect_exit 0
expect_stdout_has "credited 0.00 of 23220.00 USD owed for 2 account outages; 23220.00 short"
before=$(checks)

# ---- pro_rata: 999999999999999 cents / 86400 s = 11574074074 (whole part)
# x 1160870400 s (13436 days) > 2^63 - 1 --------------------------------------
guarantee pr.ini prorata outage_credit method=pro_rata
run_ombud check -q --db big.db --guarantees pr.ini --period 2026-10
expect_exit 65
expect_stderr_line "ombud: error: [guarantee prorata] O2/A2: " \
    "the amount owed does not fit in 64 bits (11574074074 x 1160870400)"
expect_eq "no check stored" "$before" "$(checks)"
# A charge of 30.00 a day: owed 30.00 x 13436 = 403080.00 (O1 has no charge).
DB=ok.db
run_ombud check --db ok.db --guarantees pr.ini --period 2026-10
expect_exit 0
expect_stdout_has "credited 0.00 of 403080.00 USD owed"

# ---- restoration per_day_late: O2's deadline is 1990-01-02 00:00; calendar
# days started after it up to 2026-10-15: 13436 - 1 = 13435 -----------------
DB=big.db
guarantee rest.ini rest restoration within=24h per_day_late=10000000000000.00
run_ombud check -q --db big.db --guarantees rest.ini --period 2026-10
expect_exit 65
expect_stderr_line "ombud: error: [guarantee rest] O2: " \
    "the amount owed does not fit in 64 bits (13435 x 1000000000000000)"
expect_eq "no check stored" "$before" "$(checks)"

# ---- negative amounts in the guarantees file --------------------------------
guarantee neg.ini credit outage_credit method=per_day per_day=-5.00
run_ombud check -q --db big.db --guarantees neg.ini --period 2026-10
expect_exit 65
expect_stderr_line "neg.ini:9: error: [guarantee credit] per_day: " \
    "negative amount '-5.00': an amount owed cannot be below zero (write it without the minus sign, e.g. 5.00)"
guarantee neg2.ini appt appointments per_missed=-32.31
run_ombud check -q --db big.db --guarantees neg2.ini --period 2026-10
expect_exit 65
expect_stderr_line "neg2.ini:8: error: [guarantee appt] per_missed: " "negative amount '-32.31'"
expect_eq "no check stored" "$before" "$(checks)"
