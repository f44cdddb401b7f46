# restoration: services, areas and planned filters.
#
# Zone UTC. within = 24h. Each outage starts at 00:00 on its own day;
# "late" ones last 30 h = 108000 s (21600 over), F4 lasts 2 h.
#
# line outage  service   area        planned  duration
#  2   F1      voice     Oakridge    no       30h late
#  3   F2      internet  Oakridge    no       30h late
#  4   F3      voice     Maple       no       30h late
#  5   F4      voice     Westfield   no        2h
#  6   F5      voice     (blank)     no       30h late
#  7   F6      voice     Westfield   yes      30h late
#
# voice-areas  (services voice; areas Oakridge, Westfield): F1 F4 F6 ->
#              subjects 3, breaches F1 F6. (F5 has no area, so it is not
#              in the named areas.)
# unplanned    (services voice; planned exclude): F1 F3 F4 F5 -> subjects
#              4, breaches F1 F3 F5.
# planned-only (planned only): F6 -> subjects 1, breach F6.
# everything   (no filter): 6 subjects, breaches all but F4 = 5.
# All FAIL with longest 108000 vs 86400.

cat > outages.csv <<'CSV'
outage_id,area,service,started_at,restored_at,planned
F1,Oakridge,voice,2026-10-02 00:00:00,2026-10-03 06:00:00,no
F2,Oakridge,internet,2026-10-03 00:00:00,2026-10-04 06:00:00,no
F3,Maple,voice,2026-10-04 00:00:00,2026-10-05 06:00:00,no
F4,Westfield,voice,2026-10-05 00:00:00,2026-10-05 02:00:00,no
F5,,voice,2026-10-06 00:00:00,2026-10-07 06:00:00,no
F6,Westfield,voice,2026-10-07 00:00:00,2026-10-08 06:00:00,yes
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee voice-areas]
promise = Voice restored within 24 hours in Oakridge and Westfield
source = terms of service
kind = restoration
within = 24h
services = voice
areas = Oakridge, Westfield

[guarantee unplanned]
promise = Voice faults fixed within 24 hours
source = terms of service
kind = restoration
within = 24h
services = voice
planned = exclude

[guarantee planned-only]
promise = Planned work over within 24 hours
source = terms of service
kind = restoration
within = 24h
planned = only

[guarantee everything]
promise = Service restored within 24 hours
source = terms of service
kind = restoration
within = 24h
INI

ingest UTC --outages outages.csv
check --period 2026-10
expect_exit 0
expect_result voice-areas "FAIL|108000|86400|s|3|2"
expect_breaches voice-areas "F1|108000|86400|21600
F6|108000|86400|21600"
expect_result unplanned "FAIL|108000|86400|s|4|3"
expect_breaches unplanned "F1|108000|86400|21600
F3|108000|86400|21600
F5|108000|86400|21600"
expect_result planned-only "FAIL|108000|86400|s|1|1"
expect_breaches planned-only "F6|108000|86400|21600"
expect_evidence planned-only F6 "outages.csv:7"
expect_result everything "FAIL|108000|86400|s|6|5"
expect_sql "SELECT group_concat(subject, ' ') FROM breaches
            WHERE result_id = $(rid everything)" "F1 F2 F3 F5 F6"
