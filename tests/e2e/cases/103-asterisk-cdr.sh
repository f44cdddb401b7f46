# Asterisk Master.csv: 16 (cdr_csv defaults), 18 (+uniqueid, userfield, as
# cdr.conf.sample), 21 (+peeraccount, linkedid, sequence) and 19 columns
# (cdr_custom's order) told apart by the column count of the first record;
# times in --cdr-tz. Stored as records (cdr_records), never as call legs.

# Europe/Madrid is CEST (UTC+2) on 2026-10-05: 08:00:00 there = 06:00 UTC.
cat > m16.csv <<'CSV'
"ACC-9","5550199","100","from-pstn","""Bob"" <5550199>","SIP/trunk-0001","SIP/201-0002","Queue","support","2026-10-05 08:00:00","2026-10-05 08:00:05","2026-10-05 08:02:05",125,120,"ANSWERED","DOCUMENTATION"
CSV
cat > m18.csv <<'CSV'
"ACC-8","5550188","100","from-pstn","""Ann"" <5550188>","SIP/trunk-0003","SIP/202-0004","Queue","support","2026-10-05 09:00:00",,"2026-10-05 09:00:30",30,0,"NO ANSWER","DOCUMENTATION","1791190800.8",""
"ACC-8","5550188","100","from-pstn","""Ann"" <5550188>","SIP/trunk-0003","SIP/202-0004","Queue","support","2026-10-05 09:00:00",,"2026-10-05 09:00:30",30,0,"NO ANSWER","DOCUMENTATION"
CSV
# The research note's real row (21 columns, unanswered: answer is ,,).
cat > m21.csv <<'CSV'
"","89937383217","ch1","TimeDelay","""89937383217"" <89937383217>","Local/ch1@TimeDelay-00000003;2","SIP/301-0000000c","Dial","SIP/301,15","2024-01-28 00:18:21",,"2024-01-28 00:18:36",15,0,"NO ANSWER","DOCUMENTATION","1706401101.32","","","1706401101.30",26
CSV
# cdr_custom: clid, src, dst, dcontext, channel, dstchannel, lastapp,
# lastdata, start, answer, end, duration, billsec, disposition, amaflags,
# accountcode, uniqueid, userfield, sequence.
cat > m19.csv <<'CSV'
"""Cy"" <5550177>","5550177","100","from-pstn","SIP/trunk-0005","SIP/203-0006","Queue","support","2026-10-05 10:00:00","2026-10-05 10:00:10","2026-10-05 10:05:10","310","300","ANSWERED","DOCUMENTATION","ACC-7","1791190800.7","",7
"""Cy"" <5550177>","5550177","100","from-pstn","SIP/trunk-0005","SIP/203-0006","Queue","support","2026-10-05 10:00:00","2026-10-05 10:06:00","2026-10-05 10:05:10","310","300","ANSWERED","DOCUMENTATION","ACC-7","1791190800.7","",7
CSV
ingest --cdr-tz Europe/Madrid --cdr m16.csv
expect_exit 0
expect_counts m16.csv 1 1 0
# m18 line 2 has 16 fields where the first record had 18: rejected.
ingest --cdr-tz Europe/Madrid --cdr m18.csv
expect_exit 0
expect_counts m18.csv 2 1 1
expect_reject m18.csv 2 0 - "expected 18 fields as in the file's first record, found 16"
ingest --cdr-tz Europe/Madrid --cdr m21.csv
expect_exit 0
expect_counts m21.csv 1 1 0
# m19 line 2: answer 10:06:00 after end 10:05:10.
ingest --cdr-tz Europe/Madrid --cdr m19.csv
expect_exit 0
expect_counts m19.csv 2 1 1
expect_reject m19.csv 2 10 answer "answer is outside start..end"
expect_sql "SELECT count(*) FROM call_legs" 0
expect_sql "SELECT s.name, coalesce(c.uniqueid, '-'), coalesce(c.linkedid, '-'),
            coalesce(c.accountcode, '-'), c.src, c.start_at,
            coalesce(c.answer_at, '-'), c.end_at, c.duration, c.billsec,
            c.disposition FROM cdr_records c JOIN sources s ON s.id = c.source_id
            ORDER BY c.id" \
"m16.csv|-|-|ACC-9|5550199|$(utc '2026-10-05 06:00:00')|$(utc '2026-10-05 06:00:05')|$(utc '2026-10-05 06:02:05')|125|120|ANSWERED
m18.csv|1791190800.8|-|ACC-8|5550188|$(utc '2026-10-05 07:00:00')|-|$(utc '2026-10-05 07:00:30')|30|0|NO ANSWER
m21.csv|1706401101.32|1706401101.30|-|89937383217|$(utc '2024-01-27 23:18:21')|-|$(utc '2024-01-27 23:18:36')|15|0|NO ANSWER
m19.csv|1791190800.7|-|ACC-7|5550177|$(utc '2026-10-05 08:00:00')|$(utc '2026-10-05 08:00:10')|$(utc '2026-10-05 08:05:10')|310|300|ANSWERED"
expect_sql "SELECT kind, tz FROM sources WHERE name = 'm16.csv'" "cdr|Europe/Madrid"
expect_accounting

# 17 columns is no known layout.
printf '"a","b","c","d","e","f","g","h","i","2026-10-05 08:00:00",,"2026-10-05 08:00:01",1,0,"NO ANSWER","OMIT","x"\n' > m17.csv
ingest --cdr m17.csv
expect_exit 0
expect_reject m17.csv 1 0 - "expected 16, 18 or 21 fields (cdr_csv) or 19 (cdr_custom), found 17"
expect_sql "SELECT count(*) FROM sources" 5

# An unknown --cdr-tz is a usage error.
ingest --cdr-tz Mars/Base --cdr m16.csv
expect_exit 64
expect_stderr_has "--cdr-tz: unknown time zone"

# The join: a queue_log imported after (or with) the CDR takes each leg's
# account from its CDR's accountcode (by uniqueid = callid), else from the
# accounts map by the caller's number: ENTERQUEUE's, or the CDR's src when
# the ENTERQUEUE is in another file.
#   1791190800.7  rotation (no ENTERQUEUE); CDR (m19) accountcode ACC-7
#   1791190800.8  ENTERQUEUE 5550101; CDR (m18) accountcode ACC-8 wins
#   1791190800.9  ENTERQUEUE 5550101, no CDR: map -> ACC-1
#   1791190800.10 rotation; CDR (below) with blank accountcode, src 5550102:
#                 map -> ACC-2
cat > accounts.csv <<'CSV'
caller_number,account_id
5550101,ACC-1
555-0102,ACC-2
(555) 0102,ACC-3
CSV
cat > m18b.csv <<'CSV'
"","5550102","100","from-pstn","""Di"" <5550102>","SIP/trunk-0009","SIP/204-0010","Queue","support","2026-10-05 11:00:00","2026-10-05 11:00:05","2026-10-05 11:01:05",65,60,"ANSWERED","DOCUMENTATION","1791190800.10",""
CSV
cat > queue_log <<'LOG'
1791191100|1791190800.7|support|PJSIP/203|COMPLETECALLER|10|300|1
1791190800|1791190800.8|support|NONE|ENTERQUEUE||5550101|1
1791190830|1791190800.8|support|NONE|ABANDON|1|1|30
1791190900|1791190800.9|support|NONE|ENTERQUEUE||5550101|1
1791190960|1791190800.9|support|NONE|EXITEMPTY|1|1|60
1791194465|1791190800.10|support|PJSIP/204|COMPLETEAGENT|5|60|1
LOG
ingest --calls queue_log --accounts accounts.csv --cdr m18b.csv
expect_exit 0
# accounts.csv line 4: "(555) 0102" is 5550102 as digits, as "555-0102"
# on line 3: the same number twice, rejected.
expect_reject accounts.csv 4 1 caller_number "number 5550102 already mapped, first from accounts.csv:3"
expect_sql "SELECT substr(call_id, 12), coalesce(account_id, '-'), outcome
            FROM call_legs ORDER BY call_id" \
"10|ACC-2|answered
7|ACC-7|answered
8|ACC-8|abandoned
9|ACC-1|closed"
expect_sql "SELECT notes FROM sources WHERE kind = 'queue_log'" \
"4 call legs: 2 rebuilt from their terminal events (ENTERQUEUE not in the file); accounts: 2 from the CDR, 2 from the accounts map"
expect_accounting
