# Header aliases (fixtures/*-aliases.csv), matched after lower-casing and
# turning spaces into '_':
#   outages: Ticket -> outage_id, Start -> started_at, End -> restored_at,
#            Region -> area, Product -> service, Is Planned -> planned,
#            Customers -> customers_affected, Reason -> cause,
#            Notice At -> notified_at, Maintenance Start -> scheduled_at;
#            incident_id, start_time, end_time, customer_id
#   calls:   CallID -> call_id, Department -> queue, Start -> arrived_at,
#            Answer Time -> answered_at, End -> ended_at, Status -> outcome,
#            Agent, Transfer To, Ticket, ETA -> promised_restore_at
#   billing: Account, Type -> kind, Date -> posted_at, Amt, CCY, Product,
#            From/To -> period_start/end, Due Date -> due_at, Ref, Memo

ingest --outages "$FIXTURES/outages-aliases.csv" --outages "$FIXTURES/outages-aliases2.csv" \
    --calls "$FIXTURES/calls-aliases.csv" --billing "$FIXTURES/billing-aliases.csv"
expect_exit 0
expect_counts "$FIXTURES/outages-aliases.csv" 2 2 0
expect_counts "$FIXTURES/outages-aliases2.csv" 1 1 0
expect_counts "$FIXTURES/calls-aliases.csv" 2 2 0
expect_counts "$FIXTURES/billing-aliases.csv" 2 2 0

# TT-1: 08:00 -> 09:30 = 5400 s; not planned; 12 customers.
expect_sql "SELECT outage_id, area, service, planned, customers_affected, cause,
            restored_at - started_at, notified_at, scheduled_at
            FROM outages WHERE outage_id = 'TT-1'" \
    "TT-1|Elm|voice|0|12|storm, wind|5400|NULL|NULL"
# TT-2: still open (blank End), planned, notified 2026-10-01 12:00 UTC,
# scheduled 1 h after the start.
expect_sql "SELECT restored_at, planned, notified_at, scheduled_at - started_at
            FROM outages WHERE outage_id = 'TT-2'" \
    "NULL|1|$(utc '2026-10-01 12:00:00')|3600"
expect_sql "SELECT account_id, restored_at - started_at FROM outages
            WHERE outage_id = 'INC-1'" "ACC-7|30"

# Calls: outcome words are case-insensitive and stored in lower case.
expect_sql "SELECT call_id, account_id, queue, arrived_at, answered_at - arrived_at,
            ended_at - arrived_at, outcome, agent_id, transferred_to, ticket_id,
            promised_restore_at FROM call_legs ORDER BY line" \
"K-1|ACC-5|tech|$(utc '2026-10-05 10:00:00')|120|300|transferred|A-9|repair|TT-1|NULL
K-1|ACC-5|repair|$(utc '2026-10-05 10:05:01')|59|899|answered|A-8|NULL|TT-1|$(utc '2026-10-05 18:00:00')"

# Billing (--tz defaults to UTC, so a date is 00:00 UTC); a blank CCY takes
# --currency (USD); 10.5 -> 1050 cents; kind "Charge" -> charge.
expect_sql "SELECT account_id, kind, posted_at, amount, currency, service,
            period_start, period_end, due_at, reference, description
            FROM billing_events ORDER BY line" \
"ACC-5|charge|$(utc '2026-10-01 00:00:00')|1050|USD|voice|$(utc '2026-10-01 00:00:00')|$(utc '2026-10-31 00:00:00')|$(utc '2026-10-25 00:00:00')|INV-5|October, voice
ACC-5|payment|$(utc '2026-10-20 00:00:00')|1050|USD|voice|NULL|NULL|NULL|CHK-1|cheque"
expect_accounting
