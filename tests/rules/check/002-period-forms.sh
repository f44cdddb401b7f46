# check: --period forms, in the filing's zone (America/Los_Angeles: PDT =
# UTC-7 until 2026-11-01 02:00, PST = UTC-8 after), the [filing] period as
# default, and a refusal when neither is given (the span of the data used
# to serve: a store holding parts of two months was filed as one period).
#
# form                     [from, to) in UTC
# 2026-10                  2026-10-01 07:00 .. 2026-11-01 07:00
# 2026-10-01..2026-10-31   the same period (so it replaces 2026-10's check)
# 2026-Q4                  2026-10-01 07:00 .. 2027-01-01 08:00
# 2026-10-17               2026-10-17 07:00 .. 2026-10-18 07:00
# 2026                     2026-01-01 08:00 .. 2027-01-01 08:00
#
# Data: three closed tech_support legs (each a breach of live_support 24x7):
# line 2 K1 10-05 10:00, line 3 K2 10-17 10:00, line 4 K3 11-20 10:00
# (local), each ending 20 s later. Subjects: 2026-10 -> 2, range -> 2,
# Q4 -> 3, 10-17 -> 1, 2026 -> 3.
# With no --period and no [filing] period: refused (64), naming the data's
# span, from the first arrival 10-05 10:00 to the last end 11-20 10:00:20
# (local, shown to the minute), that it is more than one month, and the
# first month, 2026-10, to ask for. No check is stored.

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,ended_at,outcome
K1,tech_support,2026-10-05 10:00:00,2026-10-05 10:00:20,closed
K2,tech_support,2026-10-17 10:00:00,2026-10-17 10:00:20,closed
K3,tech_support,2026-11-20 10:00:00,2026-11-20 10:00:20,closed
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = America/Los_Angeles

[guarantee live]
promise = 24/7 live tech support
source = brochure
kind = live_support
queues = tech_support
max_wait = 10m
INI

# subjects of the check of [FROM, TO)
subjects_of() {
    sql "SELECT r.subjects FROM results r JOIN checks k ON k.id = r.check_id
         WHERE k.period_start = $1 AND k.period_end = $2"
}

ingest "$LA" --calls calls.csv
OCT_A=$(utc '2026-10-01 07:00:00')
OCT_Z=$(utc '2026-11-01 07:00:00')

check --period 2026-10
expect_exit 0
expect_stdout_has "period 2026-10-01 to 2026-10-31 (America/Los_Angeles)"
expect_eq "subjects of 2026-10" 2 "$(subjects_of $OCT_A $OCT_Z)"
expect_sql "SELECT count(*) FROM checks" 1

check --period 2026-10-01..2026-10-31
expect_exit 0
expect_stdout_has "period 2026-10-01 to 2026-10-31 (America/Los_Angeles)"
expect_eq "subjects of 2026-10-01..2026-10-31" 2 "$(subjects_of $OCT_A $OCT_Z)"
expect_sql "SELECT count(*) FROM checks" 1

check --period 2026-Q4
expect_exit 0
expect_stdout_has "period 2026-10-01 to 2026-12-31 (America/Los_Angeles)"
expect_eq "subjects of 2026-Q4" 3 "$(subjects_of $OCT_A "$(utc '2027-01-01 08:00:00')")"

check --period 2026-10-17
expect_exit 0
expect_stdout_has "period 2026-10-17 to 2026-10-17 (America/Los_Angeles)"
expect_eq "subjects of 2026-10-17" 1 \
    "$(subjects_of "$(utc '2026-10-17 07:00:00')" "$(utc '2026-10-18 07:00:00')")"

check --period 2026
expect_exit 0
expect_stdout_has "period 2026-01-01 to 2026-12-31 (America/Los_Angeles)"
expect_eq "subjects of 2026" 3 \
    "$(subjects_of "$(utc '2026-01-01 08:00:00')" "$(utc '2027-01-01 08:00:00')")"
expect_sql "SELECT count(*) FROM checks" 4

# The [filing] period is the default.
cp "$G" g0.ini
sed 's/^timezone = .*/&\nperiod = 2026-10-17/' g0.ini > "$G"
rm -f "$DB"*
ingest "$LA" --calls calls.csv
check
expect_exit 0
expect_sql "SELECT period_start, period_end FROM checks" \
    "$(utc '2026-10-17 07:00:00')|$(utc '2026-10-18 07:00:00')"
# --period wins over it.
check --period 2026-10
expect_exit 0
expect_sql "SELECT count(*) FROM checks WHERE period_start = $OCT_A AND period_end = $OCT_Z" 1

# Neither: refused, with the span and a month to ask for.
cp g0.ini "$G"
rm -f "$DB"*
ingest "$LA" --calls calls.csv
check
expect_exit 64
expect_stderr_has "no period given: the data run 2026-10-05 10:00 to 2026-11-20 10:00 (America/Los_Angeles), more than one month; give --period 2026-10 (a month), or 'period = ' in [filing]"
expect_sql "SELECT count(*) FROM checks" 0
