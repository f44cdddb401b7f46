/*
 * profile_int.h - the inside of a profile, shared by profile.c (loading
 * and checking), profile_row.c (binding and filling rows) and
 * profile_guess.c. Not a public header.
 */
#ifndef OMBUD_PROFILE_INT_H
#define OMBUD_PROFILE_INT_H

#include "ombud/profile.h"

/* Most [blank] values for one column. */
#define PROF_MAX_BLANKS 16

/* A field reference: {Header} or {#N}. */
typedef struct pref {
    char *name;          /* header as written (trimmed), or NULL for {#N} */
    long pos;            /* N of {#N} (1-based); 0 for a name */
} pref;

/* One piece of an alternative: literal text, or a reference. */
typedef struct ppart {
    char *lit;           /* literal text, or NULL for a reference */
    int ref;             /* index into palt.refs when lit is NULL */
} ppart;

/* One alternative of a template: "a {X} b {Y}", maybe "+ {D} minutes". */
typedef struct palt {
    ppart parts[2 * OMBUD_PROFILE_MAX_REFS + 1];
    int nparts;
    pref refs[OMBUD_PROFILE_MAX_REFS + 1]; /* the last is the duration's
                                              when expr is set */
    int nrefs;           /* references of the base (duration excluded) */
    int expr;            /* 1: "base + {D} unit" */
    long unit;           /* seconds in one unit of the duration */
} palt;

/* What the profile says about one canonical column. */
typedef struct pcol {
    int set;             /* [columns] names it */
    long line;           /* its [columns] line */
    palt alts[OMBUD_PROFILE_MAX_ALTS];
    int nalts;
    char *format;        /* [formats] pattern, or NULL */
    int number;          /* [formats] number */
    long fline;          /* the [formats] line */
    char *blank[PROF_MAX_BLANKS]; /* [blank] values */
    int nblank;
    long bline;          /* the [blank] line */
    int values;          /* [values COLUMN] entries exist */
    long vline;          /* the section's first line */
} pcol;

/* A [values COLUMN] entry. */
typedef struct pvalue {
    int column;
    char *from, *to;
    long line;
} pvalue;

struct ombud_profile {
    char *path;          /* as given */
    char *label;         /* base name, or as set */
    char *title;         /* [profile] name */
    const ombud_format *fmt; /* the kind's format */
    char sha[65];
    char *encoding;      /* NULL: UTF-8 */
    char delim;          /* 0: auto */
    long skip_lines, skip_after;
    int header;          /* 1 unless header = no */
    ombud_tz *tz;        /* NULL: the command's --tz */
    pcol col[OMBUD_MAX_COLUMNS];
    pvalue *values;
    int nvalues;
};

/* The column index of @name in @fmt, or -1. */
int ombud_prof_column(const ombud_format *fmt, const char *name);

/* Parse template @text into @c's alternatives; reason into @why. */
ombud_err ombud_prof_template(pcol *c, const char *text, char *why, size_t wl);

/* Free what ombud_prof_template() allocated. */
void ombud_prof_template_free(pcol *c);

/* Words of a name as the guesser compares them ("OUTAGE.START.DATE" ->
 * "outage_start_date"). */
void ombud_prof_normalise(const char *s, size_t n, char *out, size_t size);

#endif
