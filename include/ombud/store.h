/*
 * store.h - the evidence store: the only module that speaks SQL.
 *
 * Every stored row remembers the source file (by id) and the physical line
 * it came from; every source file is recorded with its SHA-256, size and row
 * counts. A file is imported inside one transaction: begin_file, rows,
 * end_file. A crash before end_file leaves the store as it was.
 *
 * The backends (src/store/: a file, a server) are chosen by
 * ombud_store_open() from the --db string; callers do not know which one
 * they talk to, and every function below answers alike on each
 * (tests/unit/store/test_store_conformance.c). All values go through
 * bound parameters.
 */
#ifndef OMBUD_STORE_H
#define OMBUD_STORE_H

#include <stdint.h>
#include "ombud/err.h"

/** The schema version this build writes and reads. */
#define OMBUD_SCHEMA_VERSION 5
/*
 * Version 5 adds the snapshots table (snapshots.csv, customers out per
 * area at an instant: the reliability cross-check).
 * Version 4 copies each evidence row's source and line(s) into
 * evidence.source_id, .lines (reports read them without a join per table).
 * Version 3 (the Asterisk inputs) added: sources.rows_counted, .settings,
 * .notes; call_legs.lines, .nlines; the accounts and cdr_records tables.
 * Version 2 added the appointments and orders tables and the outages'
 * reported_at, exclusion and location_class. An older store is migrated in
 * place when opened.
 */

/** An open evidence store. Opaque. */
typedef struct ombud_store ombud_store;

/**
 * @brief Open or create the store at @p path, creating the schema.
 * A PostgreSQL connection string or URI ("postgresql://user@host/db",
 * "host=/run/pg dbname=ev", or "pg:" plus either, "pg:" alone for the PG*
 * environment variables) names a server; anything else is an SQLite file
 * path.
 * @param out receives the store; close it with ombud_store_close().
 * @return OMBUD_OK; OMBUD_E_CANTCREAT when the file cannot be opened;
 * OMBUD_E_STORE when it is not an ombud store or has a newer schema.
 * A message has been printed on error.
 */
ombud_err ombud_store_open(const char *path, ombud_store **out);

/** Close the store (rolling back an unfinished file); NULL is a no-op. */
void ombud_store_close(ombud_store *st);

/**
 * A row the store did not keep because an earlier row holds its unique
 * key (outage_id; call_id, queue and arrived_at; appointment_id;
 * order_id; a caller number). Strings valid during the call only.
 */
typedef struct ombud_dup {
    long line;          /**< the row's line */
    const char *key;    /**< its key as stored (a number's digits) */
    const char *given;  /**< the key as the file writes it */
    const char *first;  /**< where the first copy came from: "a.csv:4" */
    int64_t lines;      /**< input lines the row stood for (a queue_log
                             leg: several; else 1) */
} ombud_dup;

/**
 * Told of each row not kept for its key: records what became of it (a
 * reject, through ombud_store_add_reject(), or a count) and takes it out
 * of the rows its caller counted as stored. An error stops the import.
 */
typedef ombud_err (*ombud_dup_fn)(void *ud, const ombud_dup *d);

/** What is known of a source file before its rows are read. */
typedef struct ombud_source {
    const char *kind;   /**< "outages", "calls" or "billing" */
    const char *name;   /**< base name, used in evidence references */
    const char *path;   /**< path as given on the command line */
    const char *sha256; /**< 64 lower-case hex digits */
    int64_t bytes;      /**< file size */
    const char *tz;     /**< zone used for times without offset */
    int64_t imported_at;/**< instant of the import */
    const char *settings; /**< site settings applied to the file, as
                               "key = value; ..." (Asterisk), or NULL */
    ombud_dup_fn on_dup;  /**< told of rows not kept for their key;
                               required for kinds whose rows have one */
    void *dup_ud;         /**< its first argument */
} ombud_source;

/** Counts for one source file. */
typedef struct ombud_counts {
    int64_t read;     /**< data rows read (header excluded) */
    int64_t stored;   /**< rows stored */
    int64_t rejected; /**< rows rejected, each with a reason */
    int64_t counted;  /**< rows read that are, by their format, no record of
                           their own: lines of a telephony log that belong to
                           no call leg (duplicates, agent and queue events,
                           unknown events). read = stored + rejected + counted */
} ombud_counts;

/**
 * @brief Look up a source by kind and checksum.
 * @param id receives its id, or 0 when not imported; @p counts (may be NULL)
 * its counts.
 */
ombud_err ombud_store_find_source(ombud_store *st, const char *kind,
                                  const char *sha256, int64_t *id,
                                  ombud_counts *counts);

/**
 * @brief Is there a stored source of @p kind with exactly @p bytes bytes?
 * (Only then can a file be a re-import, so only then is it worth hashing
 * before parsing.) @p found receives 0 or 1.
 */
ombud_err ombud_store_has_size(ombud_store *st, const char *kind, int64_t bytes,
                               int *found);

/**
 * @brief Start importing a file: opens the transaction and records the
 * source. @p id receives the new source id.
 */
ombud_err ombud_store_begin_file(ombud_store *st, const ombud_source *src,
                                 int64_t *id);

/**
 * @brief Finish a file: records @p counts, checks read = stored + rejected +
 * counted against the counts, and stored and rejected against the rows
 * really in the tables (a call leg built from N log lines counts N), then
 * commits.
 * On any mismatch it rolls back and returns OMBUD_E_INTERNAL.
 * Duplicate keys not yet handed to the source's on_dup are handed to it
 * here, before the counts are checked (it adjusts @p counts).
 */
ombud_err ombud_store_end_file(ombud_store *st, int64_t source_id,
                               ombud_counts *counts);

/**
 * @brief Set the checksum and size of a source being imported, once they
 * are known (input read from a pipe is hashed while it is parsed).
 */
ombud_err ombud_store_set_source_checksum(ombud_store *st, int64_t id,
                                          const char *sha256, int64_t bytes);

/**
 * @brief Record, for the file being imported, a sentence saying what became
 * of its rows beyond the three counts ("9 call legs (1 incomplete); counted,
 * not legs: 2 duplicate lines, ..."). @p notes is copied.
 */
ombud_err ombud_store_set_source_notes(ombud_store *st, int64_t id,
                                       const char *notes);

/** Roll back an unfinished file. */
void ombud_store_abort_file(ombud_store *st);

/** An outage or trouble ticket. Strings are borrowed; NULL = blank. */
typedef struct ombud_outage {
    const char *outage_id;
    const char *account_id;   /**< NULL: area-wide */
    const char *area;
    const char *service;
    int64_t started_at;
    int64_t restored_at;      /**< OMBUD_TIME_NONE: still open */
    int planned;              /**< 1 planned work, 0 fault */
    int64_t scheduled_at;     /**< OMBUD_TIME_NONE if none */
    int64_t notified_at;      /**< OMBUD_TIME_NONE: never notified */
    int64_t customers_affected;
    const char *cause;
    int64_t reported_at;      /**< customer's report; OMBUD_TIME_NONE if blank */
    const char *exclusion;    /**< an OMBUD_EXCLUSION_WORDS word, or NULL */
    const char *location_class; /**< an OMBUD_LOCATION_WORDS word, or NULL */
    /** Step restoration: the customers this row's restored_at gave power
     *  back to (at least 1), or 0 when not given. A row that has it is a step, and later
     *  rows of the same outage_id and started_at that have it too are its
     *  further steps (ombud_store_each_step()); read back, restored_at is
     *  then the outage's last step. */
    int64_t customers_restored;
} ombud_outage;


/** Exclusion reasons an outage or order may carry ('|'-separated). */
#define OMBUD_EXCLUSION_WORDS "catastrophic|force_majeure|customer_caused|" \
    "no_access|customer_requested_later|planned_notified"
/** Location classes (the Australian CSG's community sizes). */
#define OMBUD_LOCATION_WORDS "urban|major_rural|minor_rural|remote"

/** A booked engineer appointment. Strings are borrowed; NULL = blank. */
typedef struct ombud_appointment {
    const char *appointment_id;
    const char *account_id;
    const char *reference;    /**< the ticket or order it is for */
    const char *kind;         /**< "repair" or "install", or NULL */
    int64_t booked_at;        /**< OMBUD_TIME_NONE if blank */
    int64_t window_start;     /**< the window promised to the customer */
    int64_t window_end;       /**< after window_start */
    int64_t arrived_at;       /**< OMBUD_TIME_NONE: the engineer never came */
    int64_t cancelled_at;     /**< OMBUD_TIME_NONE: not cancelled */
    const char *cancelled_by; /**< "provider" or "customer" when cancelled */
    int customer_absent;      /**< 1 when the customer was not there */
} ombud_appointment;

/** An order for new service or a connection. Strings borrowed; NULL = blank. */
typedef struct ombud_order {
    const char *order_id;
    const char *account_id;
    const char *service;
    const char *area;
    const char *location_class; /**< an OMBUD_LOCATION_WORDS word, or NULL */
    int64_t ordered_at;
    int64_t promised_at;      /**< the promised date (local midnight) or time */
    int promised_all_day;     /**< 1: promised_at was a date, the whole day counts */
    int64_t completed_at;     /**< OMBUD_TIME_NONE: still open */
    int customer_requested_later; /**< 1: the customer asked for a later date */
    const char *exclusion;    /**< an OMBUD_EXCLUSION_WORDS word, or NULL */
} ombud_order;

/** One leg of a call. Strings are borrowed; NULL = blank. */
typedef struct ombud_call_leg {
    const char *call_id;
    const char *account_id;
    const char *queue;
    int64_t arrived_at;
    int64_t answered_at;      /**< OMBUD_TIME_NONE: no person answered */
    int64_t ended_at;
    const char *outcome;      /**< canonical lower-case outcome word */
    const char *agent_id;
    const char *transferred_to;
    const char *ticket_id;
    int64_t promised_restore_at; /**< OMBUD_TIME_NONE if no promise */
    const char *lines;        /**< a leg built from several lines of a log
                                   (queue_log): their line numbers in order,
                                   "12,15,18"; NULL: the row's own line */
} ombud_call_leg;

/** A billing event. Strings are borrowed; NULL = blank. */
typedef struct ombud_billing {
    const char *account_id;
    const char *kind;         /**< charge | credit | payment | notice */
    int64_t posted_at;
    int64_t amount;           /**< minor units; 0 with has_amount 0 = blank */
    int has_amount;
    const char *currency;
    const char *service;
    int64_t period_start;     /**< OMBUD_TIME_NONE if blank */
    int64_t period_end;
    int64_t due_at;
    const char *reference;
    const char *description;
    const char *area;         /**< the account's service area, if known */
} ombud_billing;

/**
 * Customers served in an area (customers.csv): the denominator of the
 * electric reliability indices. Strings are borrowed.
 */
typedef struct ombud_customers {
    const char *area;          /**< the area, as outages.csv names it */
    int64_t customers_served;  /**< customers served there, at least 0 */
    int64_t as_of;             /**< from when the count holds (local
                                    midnight of a date); OMBUD_TIME_NONE:
                                    always */
} ombud_customers;

/**
 * A snapshot of customers out in an area at one instant, as a public
 * feed such as EAGLE-I publishes every 15 minutes (snapshots.csv): the
 * reliability rule's cross-check of the utility's own records. Strings
 * are borrowed.
 */
typedef struct ombud_snapshot {
    const char *area;          /**< the area (a county in EAGLE-I) */
    int64_t at;                /**< the instant of the snapshot, s */
    int64_t customers_out;     /**< customers without power then, >= 0 */
} ombud_snapshot;

/** Why a duplicate row is rejected; %s is where the first copy is stored. */
#define OMBUD_DUP_OUTAGE_REASON "duplicate outage_id, first stored from %s"
#define OMBUD_DUP_LEG_REASON "duplicate leg (same call_id, queue and " \
    "arrived_at), first stored from %s"
#define OMBUD_DUP_APPOINTMENT_REASON "duplicate appointment_id, first stored " \
    "from %s"
#define OMBUD_DUP_ORDER_REASON "duplicate order_id, first stored from %s"
/** The first %s is the number's digits, the second where it was mapped. */
#define OMBUD_DUP_ACCOUNT_REASON "number %s already mapped, first from %s"

/**
 * The rows' insert functions. @p line is the physical line of the record.
 * The caller counts each row it adds as stored. A row whose unique key a
 * stored row, or an earlier row of the file, already holds is not kept:
 * it is handed to the source's on_dup (see ombud_dup_fn) as it is added
 * or at the latest by ombud_store_end_file(), whichever the backend can
 * (a backend that streams rows checks keys when the file ends); the
 * function still returns OMBUD_OK, or on_dup's error.
 */
ombud_err ombud_store_add_outage(ombud_store *st, int64_t source_id, long line,
                                 const ombud_outage *o);
ombud_err ombud_store_add_call_leg(ombud_store *st, int64_t source_id,
                                   long line, const ombud_call_leg *c);
ombud_err ombud_store_add_billing(ombud_store *st, int64_t source_id,
                                  long line, const ombud_billing *b);
ombud_err ombud_store_add_appointment(ombud_store *st, int64_t source_id,
                                      long line, const ombud_appointment *a);
ombud_err ombud_store_add_order(ombud_store *st, int64_t source_id, long line,
                                const ombud_order *o);

/** @brief Store a customers.csv row (no key: see ombud_store_each_customers()). */
ombud_err ombud_store_add_customers(ombud_store *st, int64_t source_id,
                                    long line, const ombud_customers *c);

/** @brief Store a snapshots.csv row (no key: a feed may repeat an instant). */
ombud_err ombud_store_add_snapshot(ombud_store *st, int64_t source_id,
                                   long line, const ombud_snapshot *s);

/* ---- telephony inputs (accounts map, CDR, queue_log staging) -------------- */

/**
 * @brief Map a caller number (digits only; the caller normalises) to an
 * account; @p given is the number as written. A number mapped before is
 * a duplicate key, handed to on_dup as the rows above.
 */
ombud_err ombud_store_add_account(ombud_store *st, int64_t source_id,
                                  long line, const char *number,
                                  const char *account_id, const char *given);

/**
 * @brief The account of caller number @p number (digits only): @p out
 * receives a copy of the whole account id (any length), which the caller
 * frees with free(), or NULL when the number is not mapped (and on error).
 */
ombud_err ombud_store_account_of(ombud_store *st, const char *number,
                                 char **out);

/** One call-detail record (Asterisk Master.csv). Strings borrowed; NULL = blank. */
typedef struct ombud_cdr {
    const char *uniqueid;     /**< NULL in the 16-column layout */
    const char *linkedid;
    const char *accountcode;
    const char *src;          /**< caller number */
    const char *dst;
    const char *dcontext;
    const char *channel;
    const char *dstchannel;
    const char *lastapp;
    const char *lastdata;
    int64_t start_at;
    int64_t answer_at;        /**< OMBUD_TIME_NONE: not answered */
    int64_t end_at;
    int64_t duration;         /**< seconds */
    int64_t billsec;          /**< seconds */
    const char *disposition;  /**< ANSWERED, NO ANSWER, BUSY, FAILED... */
    const char *userfield;
} ombud_cdr;

ombud_err ombud_store_add_cdr(ombud_store *st, int64_t source_id, long line,
                              const ombud_cdr *c);

/**
 * @brief For channel @p uniqueid: copies of the first non-blank accountcode
 * of its CDRs into @p account and of the first non-blank src into @p src,
 * whole (any length), which the caller frees with free(); each NULL when
 * there is none (and on error). @p found receives the number of CDRs with
 * that uniqueid.
 */
ombud_err ombud_store_cdr_of(ombud_store *st, const char *uniqueid,
                             char **account, char **src, int64_t *found);

/** A queue_log event waiting to be built into a leg. Strings borrowed. */
typedef struct ombud_staged_event {
    long line;           /**< its line in the file */
    int64_t at;          /**< when (UTC epoch seconds) */
    int rank;            /**< order among events of the same second */
    const char *callid, *queue, *agent, *event;
    const char *data;    /**< the data fields joined by '|' */
} ombud_staged_event;

/**
 * @brief Keep an event of the file being imported in a scratch table (in
 * the file's transaction, on disk, so memory stays flat). An event equal
 * in every field to one staged before gives OMBUD_E_DUPLICATE and its
 * line in @p first.
 */
ombud_err ombud_store_stage_event(ombud_store *st, const ombud_staged_event *e,
                                  long *first);

typedef int (*ombud_staged_fn)(void *ud, const ombud_staged_event *e);

/**
 * @brief Each staged event ordered by callid, queue, time, rank and line;
 * strings valid during the call only. The callback may store call legs.
 */
ombud_err ombud_store_each_staged(ombud_store *st, ombud_staged_fn fn, void *ud);

/**
 * @brief How many staged events repeat an earlier one in every field and
 * are skipped by ombud_store_each_staged(), not yet refused by
 * ombud_store_stage_event() (a backend that checks as events are staged
 * refuses them there and has none here; one that streams them finds them
 * only here). Refused + skipped is the same on every backend.
 */
ombud_err ombud_store_staged_duplicates(ombud_store *st, int64_t *n);

/** @brief Empty the scratch table. */
ombud_err ombud_store_clear_staged(ombud_store *st);

/** A rejected row: where, which field, the raw value and why. */
typedef struct ombud_reject {
    long line;          /**< physical line of the record */
    long col;           /**< 1-based field number; 0 for the whole row */
    const char *field;  /**< canonical column name, or NULL */
    const char *value;  /**< printable copy of the raw value, or NULL */
    const char *reason; /**< why it was rejected */
} ombud_reject;

ombud_err ombud_store_add_reject(ombud_store *st, int64_t source_id,
                                 const ombud_reject *r);

/** Totals over the whole store, for summaries and tests. */
typedef struct ombud_store_totals {
    int64_t sources, outages, call_legs, billing_events, rejects;
    int64_t appointments, orders;
} ombud_store_totals;

ombud_err ombud_store_totals_get(ombud_store *st, ombud_store_totals *t);

/* ---- data quality (src/quality.c) ------------------------------------------ */

/**
 * @brief How many of source @p source_id's rows (of input kind @p kind)
 * fall before, inside and after [@p from, @p to), by the instant that puts
 * each in a period: an outage's start, a call leg's arrival, a billing
 * event's posting, an appointment's window, an order's placing, a CDR's
 * start. Kinds without times (accounts) give zeros.
 */
ombud_err ombud_store_source_spread(ombud_store *st, int64_t source_id,
                                    const char *kind, int64_t from, int64_t to,
                                    int64_t out[3]);

/** @brief Whether any call leg arrived in [@p from, @p to), into @p any. */
ombud_err ombud_store_any_call(ombud_store *st, int64_t from, int64_t to,
                               int *any);

/**
 * @brief Filter values: @p what is "queue" (call legs), "service" or "area"
 * (outages, billing events and orders), "kind" (appointments). With
 * @p value, sets @p known to whether any row holds it; without (NULL),
 * calls @p fn with each distinct value, in order, at most @p max.
 */
ombud_err ombud_store_filter_values(ombud_store *st, const char *what,
                                    const char *value, int *known, int max,
                                    int (*fn)(void *ud, const char *v),
                                    void *ud);

/* ---- reading evidence (for rules) ----------------------------------------- */

/** The earliest instant in the store (any table) into @p from and the
 *  latest plus one second into @p to, so that [from, to) holds every row;
 *  OMBUD_E_DATA when empty. */
ombud_err ombud_store_data_span(ombud_store *st, int64_t *from, int64_t *to);

/** The latest posted_at of any billing row into @p last; OMBUD_TIME_NONE
 *  when the store holds none. Where the billing export ends: a credit
 *  cannot be known to be missing after it. */
ombud_err ombud_store_billing_last(ombud_store *st, int64_t *last);

/** Called once per row; return non-zero to stop (a stop is no error: the
 *  walk returns OMBUD_OK). */
typedef int (*ombud_leg_fn)(void *ud, int64_t row_id, const ombud_call_leg *leg);
typedef int (*ombud_outage_fn)(void *ud, int64_t row_id, const ombud_outage *o);

/**
 * @brief Each call leg that arrived in [@p from, @p to), in arrival order
 * (ties by row id). The leg's strings are valid during the call only.
 */
ombud_err ombud_store_each_leg(ombud_store *st, int64_t from, int64_t to,
                               ombud_leg_fn fn, void *ud);

/**
 * @brief Each outage open at some instant of [@p from, @p to): started before
 * @p to and not restored by @p from. In start order.
 */
ombud_err ombud_store_each_outage(ombud_store *st, int64_t from, int64_t to,
                                  ombud_outage_fn fn, void *ud);

/**
 * @brief Each outage that started in [@p from, @p to), its restored_at the
 * end ombud_store_each_outage() gives. In start order (ties by row id)
 * when @p ordered; otherwise in the store's own order, for a caller that
 * only sums: over years of history, walking the start index meant a
 * random table read per row, three times the cost of a plain scan.
 */
ombud_err ombud_store_each_outage_started(ombud_store *st, int64_t from,
                                          int64_t to, int ordered,
                                          ombud_outage_fn fn, void *ud);

/** One restoration step of an outage (ombud_store_each_step()). */
typedef struct ombud_step {
    int64_t outage_row;       /**< the outage's row id in outages */
    const char *table;        /**< "outages" (the outage's own row) or
                                   "outage_steps" (a later row) */
    int64_t row_id;           /**< the step's row id in @c table */
    int64_t restored_at;
    int64_t customers_restored;
} ombud_step;

typedef int (*ombud_step_fn)(void *ud, const ombud_step *s);

/**
 * @brief The restoration steps of each outage that started in [@p from,
 * @p to) and has them, its own row's first: by outage row id, then time
 * (ties by table, then row id).
 */
ombud_err ombud_store_each_step(ombud_store *st, int64_t from, int64_t to,
                                ombud_step_fn fn, void *ud);

typedef int (*ombud_appointment_fn)(void *ud, int64_t row_id,
                                    const ombud_appointment *a);
typedef int (*ombud_order_fn)(void *ud, int64_t row_id, const ombud_order *o);

/**
 * @brief Each appointment whose window starts in [@p from, @p to), in
 * window order (ties by row id). Strings are valid during the call only.
 */
ombud_err ombud_store_each_appointment(ombud_store *st, int64_t from,
                                       int64_t to, ombud_appointment_fn fn,
                                       void *ud);

/**
 * @brief Each order placed in [@p from, @p to), in order-time order (ties
 * by row id); the rule decides which are due in its period.
 */
ombud_err ombud_store_each_order(ombud_store *st, int64_t from, int64_t to,
                                 ombud_order_fn fn, void *ud);

/** Called per customers row with its row id, file name and line. */
typedef int (*ombud_customers_fn)(void *ud, int64_t row_id, const char *file,
                                  long line, const ombud_customers *c);

/**
 * @brief Every stored customers row, ordered by area, as_of (blank
 * first) and row id, so a later import of the same area and date comes
 * after the earlier one. Strings are valid during the call only.
 */
ombud_err ombud_store_each_customers(ombud_store *st, ombud_customers_fn fn,
                                     void *ud);

/** Called per snapshot with its row id, file name and line. */
typedef int (*ombud_snapshot_fn)(void *ud, int64_t row_id, const char *file,
                                 long line, const ombud_snapshot *s);

/**
 * @brief Each snapshot taken in [@p from, @p to), ordered by area, time
 * and row id, so that an area's snapshots come together, in time order.
 * Strings are valid during the call only; @p fn returning non-zero stops.
 *
 * @code
 * ombud_store_each_snapshot(st, ctx->from, ctx->to, on_snapshot, &sums);
 * @endcode
 */
ombud_err ombud_store_each_snapshot(ombud_store *st, int64_t from, int64_t to,
                                    ombud_snapshot_fn fn, void *ud);

/** A promise given on a call and the ticket it was about. */
typedef struct ombud_promise {
    int64_t leg_row;         /**< call_legs row of the promise */
    const ombud_call_leg *leg;
    int64_t outage_row;      /**< outages row of the ticket; 0 if unknown */
    int64_t restored_at;     /**< the ticket's restoration; OMBUD_TIME_NONE if open/unknown */
} ombud_promise;
typedef int (*ombud_promise_fn)(void *ud, const ombud_promise *p);

/**
 * @brief Each leg with a promised_restore_at in [@p from, @p to), joined to
 * the outage whose outage_id is the leg's ticket_id, in promise order.
 */
ombud_err ombud_store_each_promise(ombud_store *st, int64_t from, int64_t to,
                                   ombud_promise_fn fn, void *ud);

/** Called once per billing event; return non-zero to stop. */
typedef int (*ombud_billing_fn)(void *ud, int64_t row_id, const ombud_billing *b);

/**
 * @brief The billing history of each account with a notice posted in
 * [@p notice_from, @p notice_to): every event of the account posted before
 * @p to, ordered by account, posted_at, row id. Accounts without such a
 * notice are not read: on a store of many months, reading every account's
 * history was most of a check's time. (One account's rows for a credit
 * are asked with ombud_store_ask_billing.)
 */
ombud_err ombud_store_each_noticed_billing(ombud_store *st,
                                           int64_t notice_from,
                                           int64_t notice_to, int64_t to,
                                           ombud_billing_fn fn, void *ud);

/**
 * @brief Look up an outage by id: its row id (0 if unknown) and restored_at
 * (OMBUD_TIME_NONE if open or unknown).
 */
ombud_err ombud_store_outage_restored(ombud_store *st, const char *outage_id,
                                      int64_t *row_id, int64_t *restored_at);

/**
 * One outage's look-up of billing, for ombud_store_ask_billing(): the
 * accounts it hit (@p account, or when that is NULL every account of
 * @p area with a charge for @p service, any charge when NULL) and, of each,
 * the rows that can settle a credit for an outage starting at @p at: charges
 * whose billing period may cover @p at and credits posted at or after it,
 * posted in [@p from, @p to). The strings are copied.
 */
typedef struct ombud_billing_ask {
    const char *account;
    const char *area;
    const char *service;
    int64_t from, to;
    int64_t at;
} ombud_billing_ask;

/**
 * @brief Queue a look-up under @p tag; tags rise with each call. Nothing
 * is read until ombud_store_each_asked_billing(). Asking for many accounts
 * at once is what keeps a store of a year of billing fast: one set-based
 * pass instead of an index probe per account (tens of milliseconds each
 * once the store outgrows memory).
 */
ombud_err ombud_store_ask_billing(ombud_store *st, int64_t tag,
                                  const ombud_billing_ask *ask);

/**
 * Called per (look-up, account) pair once per billing row, or once with
 * @p row_id 0 and @p b NULL when the account has none; @p account and
 * @p b are valid during the call. Return non-zero to stop.
 */
typedef int (*ombud_asked_fn)(void *ud, int64_t tag, const char *account,
                              int64_t row_id, const ombud_billing *b);

/**
 * @brief Answer every queued look-up, then forget them: by tag, then
 * account (an area's accounts in id order), then posted_at and row id.
 * The charge's period and the credit's time are only narrowed, with a
 * day's slack: the caller decides on each row (periods end at a local
 * midnight the store does not know).
 */
ombud_err ombud_store_each_asked_billing(ombud_store *st, ombud_asked_fn fn,
                                         void *ud);

/** Called per leg with the group it belongs to: a ticket, else an account. */
typedef int (*ombud_group_leg_fn)(void *ud, const char *group, int is_ticket,
                                  int64_t row_id, const ombud_call_leg *leg);

/**
 * @brief Each leg that arrived in [@p from, @p to), grouped: legs with a
 * ticket_id by ticket, the others by account_id (legs with neither are
 * skipped); groups in name order, legs in arrival order within a group.
 */
ombud_err ombud_store_each_leg_grouped(ombud_store *st, int64_t from,
                                       int64_t to, ombud_group_leg_fn fn,
                                       void *ud);

/**
 * @brief A handle on @p st for judging a guarantee on another thread
 * while the check goes on (ombud_rule.apart). It reads through a
 * connection of its own, which sees what the check sees (the check holds
 * the store's write lock, so nothing else commits meanwhile); the
 * findings written through it (ombud_store_add_breach(), _add_evidence(),
 * _add_leg_evidence(), _add_figure(), _add_series()) wait, a few MB at a
 * time, for ombud_store_replay() to write them into @p st in their order.
 * A breach's id is a stand-in until then, good for its evidence only.
 * *@p out is NULL when the backend cannot (PostgreSQL, a store not in WAL
 * mode, no open check): judge on @p st then. The judging thread ends with
 * ombud_store_deferred_end(); the handle is closed with
 * ombud_store_close() once ombud_store_replay() has returned.
 */
void ombud_store_defer(ombud_store *st, ombud_store **out);

/** The judging thread is done with @p deferred; @p err its outcome. */
void ombud_store_deferred_end(ombud_store *deferred, ombud_err err);

/** Non-zero once ombud_store_replay() gave @p deferred up: its findings
 *  would be dropped, so judging it can be skipped. */
int ombud_store_deferred_given_up(ombud_store *deferred);

/**
 * @brief Write @p deferred's findings into @p st as they come, until the
 * judging thread ends. Returns its outcome, or @p st's error (the judging
 * thread's next write then fails). With @p give_up, nothing is written and
 * the judging thread is stopped the same way. Either way the judging
 * thread has ended when it returns.
 */
ombud_err ombud_store_replay(ombud_store *st, ombud_store *deferred,
                             int give_up);

/* ---- findings (written by rules, read by reports) ------------------------- */

/**
 * Verdicts of a result. NO DATA is a guarantee that examined no subject
 * (no call, no outage, no notice in the period): nothing was measured, so
 * nothing passed. It is never counted as a pass. REPORTABLE is a duty to
 * report met by the records (FCC Part 4: an outage over the threshold):
 * reports were due at the stated times; not a breach of a promise, and
 * not a pass the filer may overlook. MEASURED is figures reported with no
 * target to judge them by (a call_kpis pack with no target set): not a
 * pass, since nothing was promised, and not a failure.
 */
enum { OMBUD_FAIL = 0, OMBUD_PASS = 1, OMBUD_NO_DATA = 2, OMBUD_REPORTABLE = 3,
       OMBUD_MEASURED = 4 };

/** "PASS", "FAIL", "NO DATA", "REPORTABLE" or "MEASURED", as stored.
 *  Static: do not free. */
const char *ombud_verdict_name(int pass);

/** The verdict of stored status text @p status (NULL or unknown: FAIL). */
int ombud_verdict_parse(const char *status);

/** A result's amount when its guarantee deals in no money: the reports
 * show no "0.00 USD" owed for "a live person answers". */
#define OMBUD_AMOUNT_NONE INT64_MIN

/**
 * What a breach measured when it is a state, not a quantity (unit
 * "state"): a closed queue had no wait worth printing against a limit,
 * a notice never sent took no time.
 */
enum ombud_state {
    OMBUD_STATE_QUEUE_CLOSED = 1, /**< no person: the queue was closed */
    OMBUD_STATE_VOICEMAIL = 2,    /**< no person: voicemail */
    OMBUD_STATE_IVR = 3,          /**< no person: a recorded menu only */
    OMBUD_STATE_NEVER_NOTIFIED = 4 /**< no notice was ever sent */
};

/** The outcome of one guarantee over a period. */
typedef struct ombud_result {
    int64_t measured;       /**< the figure, in @p unit */
    int64_t target;         /**< the limit it is held to, in @p unit */
    const char *unit;       /**< "s" seconds, "bp" basis points, "count", "minor" money */
    int pass;               /**< OMBUD_PASS, OMBUD_FAIL or OMBUD_NO_DATA */
    int64_t subjects;       /**< how many subjects were examined */
    int64_t breaches;       /**< how many breaches were written */
    int64_t amount;         /**< money owed, minor units of the filing currency;
                                 OMBUD_AMOUNT_NONE for a guarantee that owes
                                 no money whatever happens (stored NULL) */
    char measured_text[640]; /**< the figure as people read it ("5 of 29 calls...") */
    char target_text[400];  /**< the target as people read it */
    char method[2048];      /**< how it was measured, one paragraph */
} ombud_result;

/** One breach: a subject that failed the guarantee. */
typedef struct ombud_breach {
    const char *subject_kind; /**< "call", "outage", "promise", "day", "hour" */
    char subject[96];         /**< its id: "C-20261015-01", "TT-4471", "2026-10-17" */
    int64_t at;               /**< the instant it concerns */
    int64_t measured;         /**< in @p unit */
    int64_t limit;            /**< in @p unit */
    int64_t shortfall;        /**< by how much it missed, in @p unit */
    const char *unit;         /**< as in ombud_result, or one per column:
                                   "state|s" (a state measured, limit in s),
                                   "s|s|day" (shortfall in days late) */
    int64_t amount;           /**< money owed for it, minor units */
    char detail[640];         /**< one sentence a reviewer reads */
} ombud_breach;

/** What a check covers, and the filing it is for (strings borrowed). */
typedef struct ombud_check {
    int64_t from, to;         /**< period [from, to) */
    const char *tz;           /**< the filing's zone */
    const char *guarantees;   /**< path of the guarantees file */
    const char *guarantees_sha256;
    const char *carrier;      /**< [filing] carrier */
    const char *commission;   /**< [filing] commission */
    const char *docket;       /**< may be NULL */
    const char *prepared_by;  /**< may be NULL */
    const char *currency;     /**< ISO 4217 code */
    const char *lang;         /**< language of the findings' texts; NULL: "en" */
    int64_t max_rejected_bp;  /**< [filing] max_rejected (bp) */
    int allow_incomplete;     /**< filed with --allow-incomplete */
    unsigned looks;           /**< OMBUD_LOOKS_*: the look-ups its
                                   guarantees make (ombud_rule.looks) */
} ombud_check;

/*
 * The look-ups a check's guarantees make beyond reading the period's rows
 * in time order, so that a store readies only those (SQLite builds the
 * indexes behind them at the first check that makes them: at 10M
 * outages, the index of areas alone took 10 s of a reliability check that
 * never asks an area). A reading made without its bit is a bug: the
 * SQLite backend asserts it.
 */
#define OMBUD_LOOKS_PROMISES 0x1u /**< ombud_store_each_promise() */
#define OMBUD_LOOKS_BILLING  0x2u /**< an account's billing in time order:
                                       each_noticed_billing(), ask_billing() */
#define OMBUD_LOOKS_AREAS    0x4u /**< ask_billing(): the accounts of an area */
#define OMBUD_LOOKS_STEPS    0x8u /**< ombud_store_each_step() */
#define OMBUD_LOOKS_ALL      (OMBUD_LOOKS_PROMISES | OMBUD_LOOKS_BILLING | \
                              OMBUD_LOOKS_AREAS | OMBUD_LOOKS_STEPS)

/**
 * @brief Start writing findings for a period, in one transaction. Findings
 * already stored for the same period are deleted first, so re-running a
 * check replaces them.
 */
ombud_err ombud_store_begin_check(ombud_store *st, const ombud_check *c,
                                  int64_t *check_id);
ombud_err ombud_store_end_check(ombud_store *st);
void ombud_store_abort_check(ombud_store *st);

/** Add the result row for a guarantee (filled in later by set_result). */
ombud_err ombud_store_add_result(ombud_store *st, int64_t check_id, int seq,
                                 const char *guarantee_id, const char *kind,
                                 const char *promise, const char *source,
                                 const char *params, int64_t *result_id);
ombud_err ombud_store_set_result(ombud_store *st, int64_t result_id,
                                 const ombud_result *r);
/**
 * @brief Remove result @p result_id of the open check with its breaches,
 * evidence, figures and series: a scratch result the engine judged a rule
 * into and has read back (one month of a longer period, engine.c).
 * @return OMBUD_OK or OMBUD_E_STORE.
 */
ombud_err ombud_store_drop_result(ombud_store *st, int64_t result_id);
ombud_err ombud_store_add_breach(ombud_store *st, int64_t result_id,
                                 const ombud_breach *b, int64_t *breach_id);
/** Link a breach to an evidence row: @p table is "call_legs", "outages",
 *  "outage_steps", "billing_events", "appointments", "orders" or
 *  "customers". */
ombud_err ombud_store_add_evidence(ombud_store *st, int64_t breach_id,
                                   const char *table, int64_t row_id);

/**
 * A call leg's file and line(s), taken while its ombud_store_each_leg()
 * callback runs, for a rule that names the leg as evidence only later
 * (answer_time, when the leg's day has ended). The caller owns it; its
 * size is fixed, so holding many costs no allocation each.
 */
typedef struct ombud_leg_place {
    int64_t row;           /**< the leg's row */
    int64_t source_id;     /**< its source, when known */
    char lines[24];        /**< its line(s), when known */
    int known;             /**< 0: the store looks the place up itself */
} ombud_leg_place;

/** Fill @p out for the leg of row @p row, read by the callback running. */
void ombud_store_leg_place(ombud_store *st, int64_t row, ombud_leg_place *out);
/** ombud_store_add_evidence() of the leg @p p places, "call_legs". */
ombud_err ombud_store_add_leg_evidence(ombud_store *st, int64_t breach_id,
                                       const ombud_leg_place *p);
/**
 * A figure about one subject (e.g. ticket TT-4471's "calls" = 22, unit
 * "count"): what a rule measured whether or not it is a breach.
 */
ombud_err ombud_store_add_figure(ombud_store *st, int64_t result_id,
                                 const char *subject, const char *name,
                                 int64_t value, const char *unit);
/** A value of a named series (e.g. "heatmap.calls", key 0..167). */
ombud_err ombud_store_add_series(ombud_store *st, int64_t result_id,
                                 const char *name, int64_t key, int64_t value);

/* ---- reading findings (for reports) --------------------------------------- */

/** A stored check, read back. Strings are copies (owned by the struct). */
typedef struct ombud_check_info {
    int64_t id;
    int64_t from, to;
    char tz[64];
    char guarantees[1024];
    char guarantees_sha256[65];
    char carrier[256];
    char commission[256];
    char docket[128];
    char prepared_by[256];
    char currency[4];
    char tool_version[32];
    char lang[8];             /**< language of the findings' texts ("en") */
    int64_t max_rejected_bp;  /**< [filing] max_rejected (bp; 50 in older stores) */
    int allow_incomplete;     /**< filed with --allow-incomplete */
} ombud_check_info;

/**
 * @brief Read a check: @p check_id, or the latest one when 0.
 * @return OMBUD_OK, or OMBUD_E_DATA when there is none.
 */
ombud_err ombud_store_check_get(ombud_store *st, int64_t check_id,
                                ombud_check_info *out);

/** An earlier check: its id and period [@p from, @p to). Non-zero stops. */
typedef int (*ombud_earlier_fn)(void *ud, int64_t id, int64_t from,
                                int64_t to);

/**
 * @brief Each check whose period ends at or before the start of @p chk's
 * and that was made with the same guarantees file (SHA-256), time zone,
 * language and ombud version, latest period first: the checks whose
 * results a report may show as its history (history.h), since they can be
 * made again from the same files by the same rules. @p chk is borrowed.
 * @return OMBUD_OK, or OMBUD_E_STORE.
 */
ombud_err ombud_store_each_earlier_check(ombud_store *st,
                                         const ombud_check_info *chk,
                                         ombud_earlier_fn fn, void *ud);

/** A result row read back (strings valid during the callback only). */
typedef struct ombud_result_row {
    int64_t id;
    int seq;
    const char *guarantee_id, *kind, *promise, *source, *params, *status;
    ombud_result r;          /**< measured, target, unit, texts... */
} ombud_result_row;

typedef int (*ombud_result_fn)(void *ud, const ombud_result_row *r);
/** Each result of a check, in guarantee order. */
ombud_err ombud_store_each_result(ombud_store *st, int64_t check_id,
                                  ombud_result_fn fn, void *ud);

/**
 * Called per breach with its evidence as references ("calls.csv:17", or
 * "queue_log:12,15,18" for a leg built from several log lines) joined
 * by ", ", at most about 2,000 characters: the first @p shown of the
 * @p nrefs there are (saying how many were left out is the report's:
 * ombud_evidence_refs_text()).
 */
typedef int (*ombud_breach_fn)(void *ud, const ombud_breach *b,
                               const char *refs, int64_t nrefs,
                               int64_t shown);
/** Each breach of a result, in the order written. */
ombud_err ombud_store_each_breach(ombud_store *st, int64_t result_id,
                                  ombud_breach_fn fn, void *ud);

/**
 * @brief As ombud_store_each_breach(), but only breaches with at least one
 * evidence row of account @p account (a call leg, outage or billing event
 * carrying that account_id).
 */
ombud_err ombud_store_each_breach_of(ombud_store *st, int64_t result_id,
                                     const char *account, ombud_breach_fn fn,
                                     void *ud);

/** One event of an account's history (strings valid during the callback). */
typedef struct ombud_event {
    int64_t at;               /**< when */
    const char *table;        /**< "call_legs", "outages", "billing_events",
                                   "appointments", "orders" */
    const char *what;         /**< outages: "start" or "restored"; orders:
                                   "ordered" or "completed" */
    const char *file;         /**< source file name */
    long line;                /**< its line */
    const ombud_call_leg *leg;     /**< when table is call_legs */
    const ombud_outage *outage;    /**< when table is outages */
    const ombud_billing *bill;     /**< when table is billing_events */
    const ombud_appointment *appt; /**< when table is appointments */
    const ombud_order *order;      /**< when table is orders */
} ombud_event;
typedef int (*ombud_event_fn)(void *ud, const ombud_event *e);

/**
 * @brief Every stored event of account @p account in [@p from, @p to), in
 * time order: its call legs (at arrival), its outages (start and, if
 * restored, restoration), its billing events (at posting), its
 * appointments (at the window's start) and its orders (when placed and,
 * if completed, at completion). Ties by table name, then row id.
 */
ombud_err ombud_store_each_event(ombud_store *st, const char *account,
                                 int64_t from, int64_t to, ombud_event_fn fn,
                                 void *ud);

typedef int (*ombud_account_fn)(void *ud, const char *account);
/**
 * @brief Each account that has at least one event of any time (a call
 * leg, outage, billing event, appointment or order naming it: what
 * ombud_store_each_event() reads), once, in byte order of its id. The
 * caller-number map alone does not count: it records no event. Lets
 * `ombud complaint` refuse an account no record names and say which
 * accounts there are. @p fn returns non-zero to stop.
 * @return OMBUD_OK, or OMBUD_E_STORE.
 */
ombud_err ombud_store_each_account(ombud_store *st, ombud_account_fn fn,
                                   void *ud);

/**
 * @brief The findings digest of a check: SHA-256 over a canonical text of
 * every result (in guarantee order), its breaches with their evidence (as
 * source file SHA-256 and line, not row ids), its figures and its series.
 * Two stores built from the same inputs and guarantees give the same
 * digest. @p hex receives 64 hex digits.
 */
ombud_err ombud_store_findings_digest(ombud_store *st, int64_t check_id,
                                      char hex[65]);

/**
 * @brief A hint: ombud_store_findings_digest() of @p check_id (a finished
 * check) will be asked for. A backend that can (SQLite in WAL mode) starts
 * computing it on another thread, on a read-only handle of its own, while
 * this one writes a report; the later call waits for it. Nothing happens
 * otherwise; the digest is the same either way.
 */
void ombud_store_expect_digest(ombud_store *st, int64_t check_id);

typedef int (*ombud_series_fn)(void *ud, int64_t k, int64_t v);
/** Each value of series @p name of a result, by key. */
ombud_err ombud_store_each_series(ombud_store *st, int64_t result_id,
                                  const char *name, ombud_series_fn fn, void *ud);

typedef int (*ombud_figure_fn)(void *ud, const char *subject, const char *name,
                               int64_t value, const char *unit);
/** An ombud_figure_fn's answer: go on, but past the figures that follow
 *  with the same subject (a reader that has all it wants of a subject
 *  need not be handed, one by one, the rest of its figures). Any other
 *  non-zero answer stops. */
#define OMBUD_FIGURES_NEXT_SUBJECT 2
/** Each figure of a result, in the order written. */
ombud_err ombud_store_each_figure(ombud_store *st, int64_t result_id,
                                  ombud_figure_fn fn, void *ud);

/** A source file read back (strings valid during the callback only). */
typedef struct ombud_source_row {
    int64_t id;
    const char *kind, *name, *path, *sha256, *tz;
    const char *settings;   /**< site settings applied, or NULL */
    const char *notes;      /**< what became of the rows, or NULL */
    int64_t bytes, imported_at;
    ombud_counts counts;
} ombud_source_row;
typedef int (*ombud_source_fn)(void *ud, const ombud_source_row *s);
/** Each source file, in import order. */
ombud_err ombud_store_each_source(ombud_store *st, ombud_source_fn fn, void *ud);

/* ---- correcting a store: re-import and ombud forget ------------------------ */

/**
 * @brief The id of the last file this handle committed with
 * ombud_store_end_file(), or 0 when none (ombud_ingest_file() does not
 * hand the id back; this is how its caller asks about the file after).
 */
int64_t ombud_store_last_file(const ombud_store *st);

/**
 * @brief Did source @p source_id, just imported, collide with an earlier
 * source of the same kind and the same name but another SHA-256 (a
 * corrected export imported into a store holding the old one)?
 * @p other receives that earlier source's id (0: none) and @p dups how many
 * of @p source_id's rows were rejected as duplicates of rows stored from
 * it. When several earlier sources qualify, the one with most collisions.
 * A duplicate is matched to its first copy by the key value and the
 * "name:line" its reject names (OMBUD_DUP_*_REASON); a row whose key and
 * line also match a row of the new file itself is counted as a duplicate
 * within the file, so the count never claims too much. Queue_log legs
 * already stored are counted in the file's notes, never rejected, and
 * billing and CDR rows have no key: for these kinds @p dups is 0.
 */
ombud_err ombud_store_name_clash(ombud_store *st, int64_t source_id,
                                 int64_t *other, int64_t *dups);

/** What ombud_store_forget() removed of one source. */
typedef struct ombud_forgotten {
    int64_t rows;     /**< stored rows removed from every table (a call leg
                           built from several log lines is one row) */
    int64_t rejects;  /**< rejected rows removed */
} ombud_forgotten;

/**
 * Called once per stored check, before it is removed, with its id, period
 * [@p from, @p to) and zone (valid during the call). Return non-zero to
 * stop: the whole removal is then rolled back and OMBUD_E_INTERNAL returned.
 */
typedef int (*ombud_check_fn)(void *ud, int64_t id, int64_t from, int64_t to,
                              const char *tz);

/**
 * @brief Remove sources @p ids (@p n of them, each stored; see
 * ombud_store_each_source()) and everything derived from them, in one
 * transaction: their rows in every table, their rejects, and every stored
 * check with its results, breaches, evidence, figures and series.
 *
 * Every check goes, not only those whose period holds the source's rows:
 * a check may have read rows far outside its period (a year of billing
 * back for an annual charge, an outage started the month before, an order
 * placed earlier and due now) and a PASS or NO DATA cites no rows at all,
 * so no stored trace says which checks a source fed. A check is cheap to
 * run again; a finding that cites a row no longer stored is not.
 * Where several ombud runs share a store, it waits for running checks and
 * imports to finish and holds new ones until it commits.
 * @param out receives, per id in the same order, what was removed.
 * @param fn is called for each check removed (may be NULL).
 * @return OMBUD_OK; OMBUD_E_DATA (and nothing removed) when an id is not
 * stored (another run forgot it meanwhile); OMBUD_E_STORE on a store error.
 */
ombud_err ombud_store_forget(ombud_store *st, const int64_t *ids, size_t n,
                             ombud_forgotten *out, ombud_check_fn fn,
                             void *ud);

typedef int (*ombud_reject_fn)(void *ud, const char *file, const ombud_reject *r);
/** Each rejected row, by file and line. */
ombud_err ombud_store_each_reject(ombud_store *st, ombud_reject_fn fn, void *ud);

#endif
