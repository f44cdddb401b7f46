/*
 * rule.h - guarantee kinds ("rules") and the findings they produce.
 *
 * A rule reads stored evidence for a period and writes findings into the
 * store: one result per guarantee (measured, target, PASS/FAIL, breaches,
 * amount owed) and one breach per failing subject, each with the evidence
 * rows that prove it. Rules never write files and never talk SQL: they read
 * through the store's iterators and write through its findings functions.
 *
 * Each rule declares the keys its [guarantee] sections take, with a type;
 * the guarantees parser checks and parses them, so a rule only reads
 * ready values (g->v[KEY]).
 *
 * Each rule also says how the reports draw it (ombud_drawing): the chart
 * its figures make, the figures table beside its breaches, the dossier
 * line its breaches count in. The reports ask the rule, never its name,
 * and read figures by the OMBUD_FIG_* names the rule wrote them under.
 *
 * To add a kind:
 *   1. write src/rules/rule_<kind>.c defining `const ombud_rule
 *      ombud_rule_<kind>` with its key table, evaluate function, label
 *      (N_()) and drawing (&ombud_drawing_none, or its own); figures in
 *      texts through ombud_fmt_* of i18n.h, working days through
 *      calendar.h, figure names from the OMBUD_FIG_* below (add one there
 *      for a new figure), the rest of the shared helpers below; its
 *      .looks names every look-up its readings make (OMBUD_LOOKS_*:
 *      SQLite builds only those indexes, and asserts the bit);
 *   2. declare it below and list it in ombud_rules[] (src/rules/kinds.c);
 *   3. document its keys in README.md, the man page (src/man/ombud.1) and
 *      templates/guarantees/;
 *   4. run `make pot` and translate its label and texts in po/es.po,
 *      po/ca.po and po/he.po (`make i18n-check` fails until they are);
 *   5. add hand-computed tests under tests/rules/<kind>/.
 * A rate kind (a share met against a target) also sets .months
 * (&ombud_months_rate, or its own ombud_months_def when it measures
 * reporting units) and hands its rate's parts to ombud_rate_set(), so
 * that a quarter's filing judges it month by month (months.h).
 * A kind drawn in a way no chart below draws also needs the chart, in
 * src/report/xlsx.c and src/report/pdf.c.
 */
#ifndef OMBUD_RULE_H
#define OMBUD_RULE_H

#include <stddef.h>
#include <stdint.h>
#include "ombud/time.h"
#include "ombud/calendar.h"
#include "ombud/err.h"
#include "ombud/store.h"

/** Types of guarantee keys. */
typedef enum ombud_param_type {
    OMBUD_P_TEXT,     /**< free text */
    OMBUD_P_LIST,     /**< comma-separated words */
    OMBUD_P_DURATION, /**< 90s, 10m, 24h, 2d, 1h30m -> seconds */
    OMBUD_P_PERCENT,  /**< 80% or 80 or 99.5% -> basis points (8000) */
    OMBUD_P_BOOL,     /**< yes/no -> 1/0 */
    OMBUD_P_COUNT,    /**< whole number */
    OMBUD_P_MONEY,    /**< decimal amount -> minor units of the filing currency */
    OMBUD_P_HOURS,    /**< 24x7, a [calendar NAME], or an inline hours spec */
    OMBUD_P_CALENDAR, /**< the name of a [calendar NAME] section */
    OMBUD_P_WORD,     /**< one of the words in ombud_param_def.words */
    OMBUD_P_CALMAP,   /**< "queue: calendar, queue: calendar" */
    OMBUD_P_COUNTMAP  /**< "word: N, word: N" (e.g. urban: 5, remote: 15) */
} ombud_param_type;

/** A key a rule accepts. */
typedef struct ombud_param_def {
    const char *key;      /**< e.g. "max_wait" */
    ombud_param_type type;
    int required;         /**< 1: the section must give it */
    const char *def;      /**< default text when not given, or NULL */
    const char *words;    /**< OMBUD_P_WORD: allowed words, '|'-separated */
    const char *doc;      /**< one line for README and templates */
} ombud_param_def;

/** What the guarantees file's comment says of a value (templates write
 *  "; PLACEHOLDER: ..." and "; U: unverified ..."). */
enum {
    OMBUD_MARK_NONE = 0,
    OMBUD_MARK_PLACEHOLDER,   /**< the filer must replace it */
    OMBUD_MARK_UNVERIFIED     /**< not checked against the standard's text */
};

/** A parsed key value. */
typedef struct ombud_param {
    int set;              /**< given in the file or by default */
    long line;            /**< line in the guarantees file; 0 for a default */
    int64_t num;          /**< DURATION s, PERCENT bp, BOOL, COUNT, MONEY minor, WORD index */
    char *text;           /**< the value as written (owned) */
    char **list;          /**< LIST items (owned) */
    size_t nlist;
    const ombud_calendar *cal; /**< HOURS or CALENDAR (owned by the guarantees) */
    const ombud_calendar **cals; /**< CALMAP: calendar of list[i] (array owned) */
    int64_t *nums;        /**< COUNTMAP: the number of list[i] (array owned) */
    int mark;             /**< OMBUD_MARK_*: the file's comment on the value */
} ombud_param;

struct ombud_rule;

/** Most keys one rule may declare. */
#define OMBUD_MAX_PARAMS 20

/** One [guarantee ID] section. */
typedef struct ombud_guarantee {
    char *id;             /**< section name after "guarantee " (owned) */
    char *promise;        /**< the advertised words, quoted in reports (owned) */
    char *source;         /**< where they were published (owned) */
    char *kind;           /**< rule kind name (owned) */
    long line;            /**< line of the section header */
    const struct ombud_rule *rule;
    ombud_param v[OMBUD_MAX_PARAMS]; /**< by index in rule->params */
} ombud_guarantee;

/** The parts of a rate: @c num of @c den subjects (calls answered in
 *  time of calls offered). Rates are pooled: a quarter's is the sum of
 *  its numerators over the sum of its denominators. */
typedef struct ombud_rate {
    int64_t num;          /**< the subjects that met the standard */
    int64_t den;          /**< the subjects judged; 0: no rate */
} ombud_rate;

/** What a rule is evaluated against. */
typedef struct ombud_rule_ctx {
    ombud_store *store;
    int64_t from, to;     /**< the period [from, to) */
    const ombud_tz *tz;   /**< the filing's zone */
    const char *currency; /**< the filing's currency */
    int64_t result_id;    /**< where breaches go */
    const char *guarantee; /**< the guarantee's id, for messages (borrowed) */
    ombud_rate *rate;     /**< a rate kind (ombud_rule.months) writes its
                               parts here when not NULL (the engine's
                               months table); others leave it alone */
} ombud_rule_ctx;

/**
 * How a rate kind is judged month by month inside a period of several
 * months (months.h): the engine evaluates it again on each month and
 * stores each month's verdict and rate. A kind that measures reporting
 * units (areas) names the figures it writes per unit: subjects
 * "GROUP UNIT" ("2026-10 North"), whose numerators and denominators the
 * engine adds up per unit.
 */
typedef struct ombud_months_def {
    const char *unit_num; /**< figure of a unit's numerator, or NULL: no units */
    const char *unit_den; /**< figure of its denominator */
    const char *unit;     /**< the unit its rate (num / den) and a target
                               given in basis points are shown in: "bp" a
                               share, "per100" per 100 of the base */
    const char *unit_over;/**< figure whose non-zero value marks a unit's
                               group over its limit, or NULL: a breach
                               whose subject is "GROUP UNIT" marks it. A
                               kind whose units are named by the input
                               (areas) names it: a breach's subject is
                               cut at 95 bytes, a figure's is whole */
} ombud_months_def;

/** A rate kind without reporting units. */
extern const ombud_months_def ombud_months_rate;

/** @brief Give the engine the parts of the rule's rate, when it asks
 *  (ctx->rate set); a no-op otherwise. */
void ombud_rate_set(const ombud_rule_ctx *ctx, int64_t num, int64_t den);

/* ---- how the reports draw a kind ------------------------------------------ */

/* Names of the figures (ombud_store_add_figure) and series
 * (ombud_store_add_series) rules write and reports read: a name both
 * sides spell from here cannot drift apart in silence. */
#define OMBUD_FIG_DURATION "duration"        /**< an outage's, s */
#define OMBUD_FIG_LIMIT "limit"              /**< the time it was allowed, s */
#define OMBUD_FIG_OWED "owed"                /**< credit owed, minor units */
#define OMBUD_FIG_CREDITED "credited"        /**< credit given, minor units */
#define OMBUD_FIG_CALLS "calls"              /**< effort: calls made */
#define OMBUD_FIG_PHONE_TIME "phone_time"    /**< effort: on the phone, s */
#define OMBUD_FIG_WAIT_TIME "wait_time"      /**< effort: waiting, s */
#define OMBUD_FIG_AGENTS "agents"            /**< effort: agents spoken to */
#define OMBUD_FIG_REPEAT_AGENTS "repeat_agents" /**< effort: on >1 leg */
#define OMBUD_FIG_TRANSFERS "transfers"      /**< effort: transfers */
#define OMBUD_FIG_CLOSED_TRANSFERS "closed_transfers" /**< into a closed queue */
#define OMBUD_FIG_DAYS "days"                /**< effort: first call to fix */
#define OMBUD_FIG_CUSTOMERS_SERVED "customers_served" /**< reliability N_T */
#define OMBUD_FIG_SAIFI "saifi"              /**< IEEE 1366 indices... */
#define OMBUD_FIG_SAIDI "saidi"
#define OMBUD_FIG_CAIDI "caidi"
#define OMBUD_FIG_CAIFI "caifi"
#define OMBUD_FIG_MAIFI_E "maifi_e"
#define OMBUD_FIG_CEMI "cemi"
#define OMBUD_FIG_CELID "celid"
#define OMBUD_FIG_MED_SAIDI "med_saidi"      /**< a major event day's SAIDI */
#define OMBUD_FIG_T_MED "t_med"              /**< the MED threshold */
/* The snapshot cross-check of the reliability kind (snapshots.csv): per
 * area and system, beside the records' indices, never judged. */
#define OMBUD_FIG_SNAPSHOTS "snapshots"      /**< snapshots used */
#define OMBUD_FIG_SNAPSHOTS_FLAGGED "snapshots_flagged" /**< above customers
                                                 served: not used */
#define OMBUD_FIG_SNAPSHOT_CMI "snapshot_cmi" /**< customer-minutes, est. */
#define OMBUD_FIG_SNAPSHOT_SAIDI "snapshot_saidi" /**< SAIDI est., milli-min */
#define OMBUD_FIG_SNAPSHOT_DIFF "snapshot_saidi_diff" /**< est. - records'
                                                 SAIDI, milli-min */
/* The call-centre KPI pack (call_kpis): per subject ("all calls", a
 * queue, a day, an agent), the figures below; the wait distributions and
 * the service level per interval as series. */
#define OMBUD_FIG_KPI_GROUP "group"          /**< first figure of a subject:
                                                 its OMBUD_KPI_* group */
#define OMBUD_FIG_OFFERED "offered"          /**< legs offered */
#define OMBUD_FIG_ANSWERED "answered"        /**< answered by a person */
#define OMBUD_FIG_ABANDONED "abandoned"      /**< abandons, short ones too */
#define OMBUD_FIG_SHORT_ABANDONS "short_abandons" /**< quicker than short_abandon */
#define OMBUD_FIG_NO_PERSON "no_person"      /**< closed, voicemail, IVR */
#define OMBUD_FIG_ASA "asa"                  /**< average speed of answer, s */
#define OMBUD_FIG_AHT "aht"                  /**< average handle time, s */
#define OMBUD_FIG_ABANDON_RATE "abandon_rate" /**< abandoned / offered, bp */
#define OMBUD_FIG_ABANDON_NET "abandon_rate_net" /**< without short ones, bp */
#define OMBUD_FIG_SERVICE_LEVEL "service_level" /**< in time / offered less
                                                 short abandons, bp */
#define OMBUD_FIG_INTERVAL "interval"        /**< the interval's length, s */
/** Groups of call_kpis subjects (figure OMBUD_FIG_KPI_GROUP). */
enum { OMBUD_KPI_ALL = 1, OMBUD_KPI_QUEUE, OMBUD_KPI_DAY, OMBUD_KPI_AGENT };
/** Upper edges of the wait buckets (s, each included): 0-20 s, 20-60 s,
 *  1-3 min, 3-10 min; the fifth bucket is over 10 min. Series
 *  OMBUD_SERIES_WAIT_* are keyed 0..OMBUD_WAIT_BUCKETS-1. */
#define OMBUD_WAIT_EDGES {20, 60, 180, 600}
#define OMBUD_WAIT_BUCKETS 5
#define OMBUD_SERIES_WAIT_ANSWERED "wait.answered"   /**< answered per bucket */
#define OMBUD_SERIES_WAIT_ABANDONED "wait.abandoned" /**< abandoned per bucket */
/* Per interval of the period, keyed by its local start as seconds of the
 * local wall clock since 1970-01-01 00:00 (day number x 86400 + time of
 * day); only intervals with calls. "slot." the same per time of day over
 * the whole period, keyed by the start's minute of the day. */
#define OMBUD_SERIES_INTERVAL_OFFERED "interval.offered"
#define OMBUD_SERIES_INTERVAL_ANSWERED "interval.answered"
#define OMBUD_SERIES_INTERVAL_ABANDONED "interval.abandoned"
#define OMBUD_SERIES_INTERVAL_LEVEL "interval.level"  /**< bp; none: -1 */
#define OMBUD_SERIES_SLOT_OFFERED "slot.offered"
#define OMBUD_SERIES_SLOT_ANSWERED "slot.answered"
#define OMBUD_SERIES_SLOT_ABANDONED "slot.abandoned"
#define OMBUD_SERIES_SLOT_LEVEL "slot.level"
/*
 * Figures of the automatic compensation returns, written per month of the
 * period (subject "2026-10", the filing zone's calendar month) and for the
 * whole period (subject OMBUD_COMP_TOTAL), every month of the period
 * written, with 0 cases when it had none.
 */
#define OMBUD_COMP_TOTAL "total"             /**< the period's subject */
#define OMBUD_FIG_COMP_CASES "comp_cases"     /**< cases, count */
#define OMBUD_FIG_COMP_OWED "comp_owed"       /**< owed, minor units */
#define OMBUD_FIG_COMP_PAID "comp_paid"       /**< paid, minor units */
#define OMBUD_FIG_COMP_SHORT "comp_short"     /**< owed - paid, minor */
#define OMBUD_FIG_COMP_IN_TIME "comp_in_time" /**< cases paid in full in
                                                  time, count */
#define OMBUD_FIG_COMP_PENDING "comp_pending" /**< cases not paid in time
                                                  whose days end after the
                                                  last billing row, count */
#define OMBUD_FIG_COMP_SHARE "comp_in_time_share" /**< of the cases less
                                                  the pending, bp;
                                                  OMBUD_BP_NONE: none */
#define OMBUD_FIG_COMP_DAYS "comp_days"       /**< the days allowed (total
                                                  only), count */
#define OMBUD_SERIES_HEAT_CALLS "heatmap.calls" /**< calls per hour of week */
#define OMBUD_SERIES_HEAT_LIVE "heatmap.live"   /**< of those, live in time */
#define OMBUD_SERIES_DAILY_LEVEL "daily.level"  /**< share in time a day, bp */
#define OMBUD_SERIES_DAILY_SAIDI "daily.saidi"  /**< SAIDI a day, 1/1000 min */

/** The chart a kind's figures make. */
typedef enum ombud_chart {
    OMBUD_CHART_NONE = 0,  /**< none */
    OMBUD_CHART_HEATMAP,   /**< live share by hour of the week (series
                                OMBUD_SERIES_HEAT_*): a PDF heat map, a
                                colour-scaled XLSX sheet of its own */
    OMBUD_CHART_DAILY,     /**< daily share against the target (series
                                OMBUD_SERIES_DAILY_LEVEL): line charts */
    OMBUD_CHART_DURATIONS, /**< each subject's OMBUD_FIG_DURATION against
                                its OMBUD_FIG_LIMIT: bars (the PDF the
                                longest) */
    OMBUD_CHART_INDICES,   /**< reliability indices per area (PDF table),
                                daily SAIDI (OMBUD_SERIES_DAILY_SAIDI)
                                against OMBUD_FIG_T_MED */
    OMBUD_CHART_KPIS       /**< call-centre KPIs (call_kpis): tables of
                                the OMBUD_FIG_* per subject, the wait
                                distributions and the level per interval
                                (a PDF section, an XLSX sheet of its own) */
} ombud_chart;

/** The dossier line an account's breaches of a kind count in. */
typedef enum ombud_counter {
    OMBUD_COUNTER_NONE = 0,       /**< none of its own */
    OMBUD_COUNTER_PROMISES,       /**< restoration promises missed */
    OMBUD_COUNTER_NOTICES,        /**< wrongful late-payment notices */
    OMBUD_COUNTER_APPOINTMENTS,   /**< appointments missed */
    OMBUD_COUNTER_ORDERS,         /**< orders done late */
    OMBUD_COUNTER_COUNT           /**< sentinel */
} ombud_counter;

/** A column of a kind's figures table. */
typedef struct ombud_figure_col {
    const char *name;     /**< the figure's name (OMBUD_FIG_*) */
    const char *label;    /**< its heading, N_() (translated when shown) */
} ombud_figure_col;

/** How the reports draw a kind. */
typedef struct ombud_drawing {
    ombud_chart chart;               /**< its chart */
    const char *subjects;            /**< heading of the first column of the
                                          XLSX figures table beside the
                                          breaches (N_()); NULL: no table */
    const ombud_figure_col *figures; /**< that table's columns */
    int nfigures;
    ombud_counter counter;           /**< its dossier line */
    const char *comp_type;           /**< what its cases are in the
                                          automatic compensation table
                                          (credit.h's figures), N_();
                                          NULL: it counts none */
    int lists;                       /**< its rows are a list (the calls
                                          not answered), not breaches:
                                          reports say "listed" and leave
                                          them out of the breaches' total */
} ombud_drawing;

/** No chart, no figures table, no dossier line. */
extern const ombud_drawing ombud_drawing_none;

/**
 * A kind that judges the call legs of the period one at a time, in
 * arrival order. The engine reads the legs once for all such guarantees
 * of a check (ombud_legs_share()) rather than once for each; evaluated
 * alone (a month of a quarter), ombud_legs_evaluate() reads them for it.
 */
typedef struct ombud_leg_pass {
    /** A new state judging @p g over ctx's period into @p res; NULL when
     *  out of memory. @p ctx and @p res outlive the state. */
    void *(*begin)(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                   ombud_result *res);
    /** One leg (@p row its row); nonzero stops the reading: an error the
     *  state keeps for end(). */
    int (*leg)(void *state, int64_t row, const ombud_call_leg *c);
    /** The reading is over: @p err is its error, or another guarantee's,
     *  or OMBUD_OK. Fills the result unless there is an error, frees the
     *  state, returns the state's own error or @p err. */
    ombud_err (*end)(void *state, ombud_err err);
} ombud_leg_pass;

/** ombud_rule.evaluate of a kind with a leg pass: the pass alone (@p res
 *  zeroed by the caller, as for any evaluate). */
ombud_err ombud_legs_evaluate(const ombud_rule_ctx *ctx,
                              const ombud_guarantee *g, ombud_result *res);

/**
 * Begin the leg pass of each of the @p n guarantees @p g (each one's
 * rule has one), read the legs of [@p from, @p to) once, handing each
 * leg to each, and end them all. *ctx[i] and *res[i] are the i-th's
 * (each result zeroed by the caller, as for evaluate).
 * @return the first error, or OMBUD_OK.
 */
ombud_err ombud_legs_share(ombud_store *st, int64_t from, int64_t to,
                           const ombud_guarantee *const *g,
                           const ombud_rule_ctx *const *ctx,
                           ombud_result *const *res, int n);

/** A rule kind. */
typedef struct ombud_rule {
    const char *kind;              /**< "live_support" */
    const char *summary;           /**< one line */
    const char *label;             /**< what a filing calls it, N_()
                                        ("live support"): see
                                        ombud_rule_label() */
    const ombud_drawing *draw;     /**< how reports draw it (never NULL) */
    const ombud_param_def *params; /**< its keys */
    int nparams;
    /**
     * Evaluate @p g over the period, writing breaches for ctx->result_id and
     * filling @p res. Returns OMBUD_OK or a store error.
     */
    ombud_err (*evaluate)(const ombud_rule_ctx *ctx, const ombud_guarantee *g,
                          ombud_result *res);
    /**
     * Optional: keys that depend on each other, checked when the file is
     * loaded. Returns NULL when fine, else a reason (static) for @p key.
     */
    const char *(*check)(const ombud_guarantee *g, const char **key);
    /** A rate kind judged month by month inside a longer period, or
     *  NULL (see ombud_months_def). */
    const ombud_months_def *months;
    /** Judges the legs one at a time (its evaluate is then
     *  ombud_legs_evaluate), or NULL. */
    const ombud_leg_pass *legs;
    /** Non-zero: evaluate may run on another thread (the check's
     *  worker judges all such guarantees, one after the other in the
     *  file's order), through ombud_store_defer()'s handle: it writes only findings, needs no
     *  other guarantee's, and reads only the period's rows (such a handle
     *  answers ombud_store_each_*() and ombud_store_outage_restored(),
     *  not the look-ups of sources, accounts or counts). */
    int apart;
    /** OMBUD_LOOKS_* (store.h): the look-ups evaluate makes beyond the
     *  period's rows in time order; a store readies only the look-ups of
     *  the guarantees checked. */
    unsigned looks;
} ombud_rule;

extern const ombud_rule ombud_rule_live_support;
extern const ombud_rule ombud_rule_answer_time;
extern const ombud_rule ombud_rule_restoration;
extern const ombud_rule ombud_rule_commitments;
extern const ombud_rule ombud_rule_advance_notice;
extern const ombud_rule ombud_rule_customer_effort;
extern const ombud_rule ombud_rule_outage_credit;
extern const ombud_rule ombud_rule_payment_notice;
extern const ombud_rule ombud_rule_trouble_rate;
extern const ombud_rule ombud_rule_appointments;
extern const ombud_rule ombud_rule_provisioning;
extern const ombud_rule ombud_rule_reportable_outage;
extern const ombud_rule ombud_rule_reliability;
extern const ombud_rule ombud_rule_call_kpis;

/** All kinds, NULL-terminated (src/rules/kinds.c). */
extern const ombud_rule *const ombud_rules[];

/** Find a kind by name; NULL if unknown. */
const ombud_rule *ombud_rule_find(const char *kind);

/** @brief What a filing calls kind @p kind, in the current language ("live
 *  support", not ombud's key); @p kind itself when unknown, "" for NULL.
 *  Static or the catalogue's: do not free. */
const char *ombud_rule_label(const char *kind);

/** @brief How the reports draw kind @p kind; &ombud_drawing_none when
 *  unknown. Never NULL. */
const ombud_drawing *ombud_rule_drawing(const char *kind);

/** Does @p list (a LIST param) contain @p word? An unset list matches all. */
int ombud_param_has(const ombud_param *list, const char *word);

/** The calendar a CALMAP param gives @p word (a queue), or NULL. */
const ombud_calendar *ombud_param_calendar(const ombud_param *map,
                                           const char *word);

/**
 * A leg whose end the telephony log never recorded (outcome `incomplete`,
 * from a queue_log stint with no terminal event). Rules leave it out of
 * every count and denominator: it is neither answered nor abandoned.
 */
int ombud_leg_incomplete(const ombud_call_leg *c);

/** What became of a call leg, as every call-centre kind reads it. */
typedef enum ombud_leg_fate {
    OMBUD_LEG_INCOMPLETE = 0, /**< no end in the telephony log: left out of
                                   every count and denominator */
    OMBUD_LEG_HANDED_ON,      /**< handed on without a person (an IVR
                                   transfer): the next leg decides */
    OMBUD_LEG_ANSWERED,       /**< a person answered (answered_at) */
    OMBUD_LEG_ABANDONED,      /**< the caller hung up while waiting */
    OMBUD_LEG_NO_PERSON       /**< ended without a person by the company:
                                   closed queue, voicemail, IVR only */
} ombud_leg_fate;

/**
 * @brief The fate of leg @p c and, in *@p wait, how long its caller
 * waited: to the answer when a person answered, else to the leg's end (s).
 * The one reading of outcomes that live_support, answer_time and
 * call_kpis share, so that an abandon is an abandon in every kind.
 */
ombud_leg_fate ombud_leg_fate_of(const ombud_call_leg *c, int64_t *wait);

/**
 * @brief For the breach @p b of leg @p c, measured as a wait (s) against
 * a limit: when the leg met no person (closed, voicemail, IVR) before the
 * limit, it measured no wait worth setting against it, so @p b is set to
 * measure that state ("no person (queue closed)", unit "state|s"); a
 * caller kept waiting past the limit keeps the wait. Shared by the kinds
 * that list such legs (live_support, call_kpis).
 */
void ombud_breach_no_person(const ombud_call_leg *c, ombud_breach *b);

/**
 * Append to @p method (of @p size) the sentence saying that @p n incomplete
 * legs were left out; nothing when @p n is 0.
 */
void ombud_method_incomplete(char *method, size_t size, int64_t n);

/**
 * Does guarantee @p g deal in money: outage_credit always (its credits),
 * any other kind when one of its money keys (per_day_late, per_missed...)
 * is set? When not, its result's amount is OMBUD_AMOUNT_NONE.
 */
int ombud_guarantee_owes_money(const ombud_guarantee *g);

/**
 * The number a COUNTMAP param gives @p word into @p n: 1 when found, else
 * 0 (also for a NULL word).
 */
int ombud_param_count(const ombud_param *map, const char *word, int64_t *n);

/**
 * @brief Is @p reason (an outage's or order's exclusion word, may be NULL)
 * in the `exclude` LIST @p exclude? Unlike ombud_param_has(), an unset
 * list excludes nothing.
 */
int ombud_excluded(const ombud_param *exclude, const char *reason);

/**
 * @brief For a rule's check(): every item of LIST @p exclude is an
 * exclusion word. NULL when fine, else a static reason.
 */
const char *ombud_exclude_check(const ombud_param *exclude);

/**
 * @brief For a rule's check(): the tiered per-day amounts hang together
 * (tier_after needs per_day_then; either needs @p per_day). On a problem
 * sets *@p key to the key at fault and returns a static reason; else NULL.
 * @p per_day_key is how the rule names its per-day amount.
 */
const char *ombud_tier_check(const ombud_param *per_day,
                             const ombud_param *tier_after,
                             const ombud_param *per_day_then,
                             const char *per_day_key, const char **key);

/** Is @p word one of the '|'-separated @p words? */
int ombud_word_in(const char *word, const char *words);

/** Exclusions met while evaluating, for the method text. */
typedef struct ombud_exclusions {
    int64_t count;        /**< subjects left out */
    char text[200];       /**< "R4 (catastrophic), T9 (no_access)", cut with "..." */
} ombud_exclusions;

/** @brief Count subject @p id left out for @p reason and list it. */
void ombud_exclusions_add(ombud_exclusions *ex, const char *reason,
                          const char *id);

/**
 * @brief The sentence for a method paragraph, e.g. "2 excluded
 * (R4 (catastrophic), R5 (catastrophic))." or "None excluded (exclude: catastrophic)."
 * @return @p buf.
 */
char *ombud_exclusions_say(const ombud_exclusions *ex,
                           const ombud_param *exclude, char *buf, size_t size);

/**
 * @brief "R1" or, with an @p account, "R1 (account ACC-1)" in the current
 * language, for the start of a breach's detail; cut at a character
 * boundary to fit @p size (160 bytes leave a detail room for its reason,
 * whatever the length of the ids). @return @p buf.
 */
char *ombud_subject_say(const char *id, const char *account, char *buf,
                        size_t size);

/**
 * @brief A `planned` key's word (0 include, 1 exclude, 2 only) as the
 * reader's word for a method text ("included"). Static.
 */
const char *ombud_planned_say(int64_t word);

/**
 * @brief Compensation for @p days days: @p per_day each for the first
 * @p after days, @p then each after that (when @p after is 0 or @p then
 * is unset (< 0), every day at @p per_day), into @p out.
 * @return OMBUD_OK, or OMBUD_E_DATA with a message naming the guarantee
 * and @p subject when the amount does not fit in 64 bits.
 */
ombud_err ombud_tiered_amount(const ombud_rule_ctx *ctx, const char *subject,
                              int64_t days, int64_t per_day, int64_t after,
                              int64_t then, int64_t *out);

/**
 * @brief *@p out = @p a x @p b, checked. Money and durations come from
 * inputs and the guarantees file that are absurd but accepted (an amount
 * of 10^13, an outage of 3,000 years); a product that wrapped would turn
 * an amount owed negative and a FAIL into a PASS. So a product that does
 * not fit in 64 bits is an error: OMBUD_E_DATA (exit 65), with a message
 * naming the guarantee, @p subject (the outage, order... e.g. "T1/ACC-1")
 * and @p what ("the amount owed"). *@p out is unchanged then.
 *
 * @code
 * if ((err = ombud_checked_mul(ctx, "T1", "the amount owed", per_day, days,
 *                              &owed)))
 *     return err;
 * @endcode
 */
ombud_err ombud_checked_mul(const ombud_rule_ctx *ctx, const char *subject,
                            const char *what, int64_t a, int64_t b,
                            int64_t *out);

/** @brief *@p out = @p a + @p b, checked as ombud_checked_mul(). */
ombud_err ombud_checked_add(const ombud_rule_ctx *ctx, const char *subject,
                            const char *what, int64_t a, int64_t b,
                            int64_t *out);

/** Parse "90s", "10m", "24h", "2d", "1h30m" into seconds. */
ombud_err ombud_duration_parse(const char *s, int64_t *seconds, char *why,
                               size_t whylen);

/** @p part of @p whole in basis points, rounded half up; OMBUD_BP_NONE
 *  when @p whole is 0 (a share of nothing, printed "no data"). */
int64_t ombud_share_bp(int64_t part, int64_t whole);


/**
 * @brief Write breach @p b for the rule's result, link up to two evidence
 * rows (a NULL table is skipped), and count it (and its amount) in @p res.
 * A total owed past 64 bits is OMBUD_E_DATA (see ombud_checked_add()).
 */
ombud_err ombud_breach_write(const ombud_rule_ctx *ctx, ombud_result *res,
                             const ombud_breach *b, const char *table,
                             int64_t row, const char *table2, int64_t row2);

#endif
