# call_kpis: targets judged on the exact figures; a target with nothing to
# measure is NO DATA, never PASS; with no target the figures are MEASURED.
#
# The legs of 001-figures (see there): over sales and support, 14 offered,
# 8 answered with waits summing 514 s (ASA 64.25 s), 4 abandoned of which
# 1 short (3 s < 5 s), in time 4.
#   net abandon rate 3/13 = 23.0769...%; SL 4/13 = 30.769...%
#
# pass:     asa_max 65s   514 <= 65 x 8 = 520               met
#           abandon_max 23.08%: 3 x 10000 = 30000 <= 2308 x 13 = 30004  met
#           sl_target 30%: 4 x 10000 = 40000 >= 3000 x 13 = 39000       met
#           -> PASS, 6 calls listed (breaches), 3077 against 3000
# asa:      asa_max 64s: 514 > 64 x 8 = 512 (the rounded ASA, 64 s, would
#           have met it)                                    -> FAIL
# abandon:  abandon_max 23.07%: 30000 > 2307 x 13 = 29991 (the rounded rate
#           23.08% is above it too)                          -> FAIL
# sl:       sl_target 30.77%: 40000 < 3077 x 13 = 40001 although the
#           rounded SL reads 30.77%                          -> FAIL
# noanswer: queues sales, hours tue 09:30-09:45: K04 (short abandon) and
#           K05 only: offered 2, answered 0; asa_max cannot be shown met
#           -> NO DATA, though both calls are listed (lines 5 and 6); its
#           SL is 0 of 1 (K04 left out): 0 bp
# both:     asa_max 60s on the same two legs and abandon_max 10%: net
#           1/1 = 100% > 10% -> FAIL wins over the unmeasurable ASA

cat > calls.csv <<'CSV'
call_id,queue,arrived_at,answered_at,ended_at,outcome,agent_id,transferred_to
K01,sales,2026-10-06 09:00:00,2026-10-06 09:00:10,2026-10-06 09:05:10,answered,A1,
K02,sales,2026-10-06 09:10:00,2026-10-06 09:10:20,2026-10-06 09:12:20,answered,A2,
K03,sales,2026-10-06 09:20:00,2026-10-06 09:20:45,2026-10-06 09:30:45,answered,A1,
K04,sales,2026-10-06 09:35:00,,2026-10-06 09:35:03,abandoned,,
K05,sales,2026-10-06 09:40:00,,2026-10-06 09:41:30,abandoned,,
K06,support,2026-10-06 09:50:00,2026-10-06 09:52:00,2026-10-06 09:54:00,answered,A2,
K07,support,2026-10-06 10:05:00,,2026-10-06 10:05:05,abandoned,,
K08,support,2026-10-06 10:10:00,,2026-10-06 10:10:30,voicemail,,
K09,support,2026-10-06 10:20:00,,2026-10-06 10:20:40,transferred,,sales
K10,support,2026-10-06 10:25:00,2026-10-06 10:25:15,2026-10-06 10:26:15,answered,A3,
K11,sales,2026-10-07 14:00:00,2026-10-07 14:04:00,2026-10-07 14:06:00,answered,A1,
K12,sales,2026-10-07 14:10:00,,2026-10-07 14:21:00,abandoned,,
K13,sales,2026-10-07 14:40:00,2026-10-07 14:40:05,2026-10-07 14:50:05,answered,A3,
K14,support,2026-10-07 14:45:00,,2026-10-07 14:45:00,closed,,
K15,billing,2026-10-07 14:50:00,2026-10-07 14:50:20,2026-10-07 14:51:20,answered,A1,
K16,support,2026-10-07 14:55:00,2026-10-07 14:55:59,2026-10-07 15:00:59,transferred,A2,billing
CSV

cat > "$G" <<'INI'
[filing]
carrier = Test Carrier
commission = Test Commission
timezone = UTC

[guarantee pass]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales, support
asa_max = 65s
abandon_max = 23.08%
sl_target = 30%

[guarantee asa]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales, support
asa_max = 64s

[guarantee abandon]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales, support
abandon_max = 23.07%

[guarantee sl]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales, support
sl_target = 30.77%

[guarantee noanswer]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales
hours = tue 09:30-09:45
asa_max = 60s

[guarantee both]
promise = Calls answered promptly
source = service standards
kind = call_kpis
queues = sales
hours = tue 09:30-09:45
asa_max = 60s
abandon_max = 10%
INI

ingest UTC --calls calls.csv
check --period 2026-10
# a guarantee with no data is a serious data-quality item: exit 2
expect_exit 2
expect_stderr_has "noanswer: no data"
expect_result pass "PASS|3077|3000|bp|14|6"
expect_result asa "FAIL|3077|0|bp|14|6"
expect_result abandon "FAIL|3077|0|bp|14|6"
expect_result sl "FAIL|3077|3077|bp|14|6"
expect_result noanswer "NO DATA|0|0|bp|2|2"
expect_breaches noanswer "K04|3|20|0
K05|90|20|70"
expect_evidence noanswer K04 "calls.csv:5"
expect_evidence noanswer K05 "calls.csv:6"
expect_result both "FAIL|0|0|bp|2|2"
expect_stdout_has "ASA at most 1 min 5 s; abandon rate at most 23.08%; 30.00% answered within 20 s"
