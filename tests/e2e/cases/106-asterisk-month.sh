# A generated month in queue_log form (file form, 13+ layout) through
# `ombud run` to a report. The generator (awk, below) writes, for each day
# of October 2026 (31 days), a QUEUESTART and 40 calls to queue support,
# one every 10 minutes from 08:00 UTC, call i following pattern i mod 8:
#   0  CONNECT after 20 s, COMPLETECALLER (talk 200)    3 lines  answered
#   1  RINGNOANSWER, CONNECT after 90 s, COMPLETEAGENT  3+1      answered
#   2  ABANDON after 30 s                               2        abandoned
#   3  ABANDON after 200 s                              2        abandoned
#   4  EXITWITHTIMEOUT after 300 s                      2        voicemail
#   5  CONNECT after 40 s, BLINDTRANSFER                3        transferred
#   6  ENTERQUEUE only                                  1        incomplete
#   7  EXITEMPTY after 5 s                              2        closed
# and the file is written last line first (out of time order).
# Per day: 5 calls of each pattern; lines in legs 5 x 18 = 90, counted
# 5 RINGNOANSWER + 1 QUEUESTART = 6. Month: legs 31 x 40 = 1240, stored
# 31 x 90 = 2790, counted 31 x 6 = 186, read 2976.
# answer_time (within 60s, per period): offered = all but pattern 6 =
#   7 x 155 = 1085; in time = patterns 0 and 5 = 310; 310/1085 = 28.57%.
# live_support (max_wait 2m): counted = patterns 0 1 3 4 5 7 = 6 x 155 =
#   930 (pattern 2 hung up before 2m; 6 left out); live = 0 1 5 = 465:
#   50.00%, breaches 3 x 155 = 465.

awk 'BEGIN {
    base = 1790812800            # 2026-10-01 00:00:00 UTC
    for (d = 0; d < 31; d++) {
        day = base + d * 86400
        printf "%d|NONE|NONE|NONE|QUEUESTART|\n", day + 28000
        for (i = 0; i < 40; i++) {
            t = day + 28800 + i * 600
            id = sprintf("%d.%d", t, i)
            p = i % 8
            printf "%d|%s|support|NONE|ENTERQUEUE||555%04d|1\n", t, id, i
            if (p == 0) {
                printf "%d|%s|support|PJSIP/1%02d|CONNECT|20|%s.1|3\n", t + 20, id, i, id
                printf "%d|%s|support|PJSIP/1%02d|COMPLETECALLER|20|200|1\n", t + 220, id, i
            } else if (p == 1) {
                printf "%d|%s|support|PJSIP/999|RINGNOANSWER|15000\n", t + 15, id
                printf "%d|%s|support|PJSIP/1%02d|CONNECT|90|%s.1|3\n", t + 90, id, i, id
                printf "%d|%s|support|PJSIP/1%02d|COMPLETEAGENT|90|100|1\n", t + 190, id, i
            } else if (p == 2) {
                printf "%d|%s|support|NONE|ABANDON|1|1|30\n", t + 30, id
            } else if (p == 3) {
                printf "%d|%s|support|NONE|ABANDON|1|1|200\n", t + 200, id
            } else if (p == 4) {
                printf "%d|%s|support|NONE|EXITWITHTIMEOUT|1|1|300\n", t + 300, id
            } else if (p == 5) {
                printf "%d|%s|support|PJSIP/1%02d|CONNECT|40|%s.1|3\n", t + 40, id, i, id
                printf "%d|%s|support|PJSIP/1%02d|BLINDTRANSFER|2000|from-internal|40|60|1\n", t + 100, id, i
            } else if (p == 7) {
                printf "%d|%s|support|NONE|EXITEMPTY|1|1|5\n", t + 5, id
            }
        }
    }
}' | tac > queue_log

cat > g.ini <<'INI'
[filing]
carrier = Month Co
commission = Board
timezone = UTC

[guarantee sl]
promise = 80% within 60 seconds
source = charter
kind = answer_time
queues = support
within = 60s
target = 80%
per = period

[guarantee live]
promise = a person within two minutes
source = brochure
kind = live_support
queues = support
max_wait = 2m
INI

run_ombud run -q --guarantees g.ini --calls queue_log --period 2026-10 --out out
expect_exit 0
DB=out/evidence.db
expect_counts queue_log 2976 2790 0
expect_counted queue_log 186
expect_accounting
expect_sql "SELECT count(*) FROM call_legs" 1240
expect_sql "SELECT outcome, count(*) FROM call_legs GROUP BY outcome ORDER BY outcome" \
"abandoned|310
answered|310
closed|155
incomplete|155
transferred|155
voicemail|155"
expect_sql "SELECT guarantee_id, status, measured, subjects, breaches FROM results ORDER BY seq" \
"sl|FAIL|2857|1085|1
live|FAIL|5000|930|465"
expect_true "report.xlsx written" test -s out/report.xlsx
expect_true "report.pdf written" test -s out/report.pdf
expect_true "the PDF states the 155 incomplete legs" sh -c \
    "pdftotext out/report.pdf - | tr '\n' ' ' | grep -q '155 call legs with no end in the telephony log (incomplete) were left out'"
