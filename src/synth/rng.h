/*
 * rng.h - the synthetic month's randomness (private to src/synth/): a
 * splitmix64 hash of (seed, stream, index) for every choice that must be
 * recomputable, one splitmix64 sequence for the call stream, and two
 * integer-only distributions, so no libm result ever decides a value.
 * Nothing here calls back into the writers or the driver.
 */
#ifndef OMBUD_SYNTH_RNG_H
#define OMBUD_SYNTH_RNG_H

#include <stdint.h>
#include "synth_int.h"

/** splitmix64's finaliser: a bijective mix of 64 bits. */
static inline uint64_t synth_mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/** A 64-bit hash of (seed, stream, a, b): the source of every choice. */
static inline uint64_t synth_hash(const synth *s, uint64_t stream, uint64_t a,
                                  uint64_t b)
{
    return synth_mix(synth_mix(synth_mix(s->seed ^ (stream << 56)) + a) ^
                     (b * 0xD6E8FEB86659FD93ULL));
}

/** A value in [0, n) from hash bits @p h (n > 0; bias below 2^-30). */
static inline int64_t synth_below(uint64_t h, int64_t n)
{
    return (int64_t)((h >> 16) % (uint64_t)n);
}

/** A value in [lo, hi]. */
static inline int64_t synth_range(uint64_t h, int64_t lo, int64_t hi)
{
    return lo + synth_below(h, hi - lo + 1);
}

/** A sequential generator (the call stream). */
typedef struct synth_rng {
    uint64_t state;
} synth_rng;

static inline uint64_t synth_next(synth_rng *r)
{
    r->state += 0x9E3779B97F4A7C15ULL;
    return synth_mix(r->state);
}

/** Exponentially distributed seconds of mean @p mean, from hash bits. */
int64_t synth_exp(uint64_t h, int64_t mean);

/**
 * A value from a table of buckets {permille, lo, hi}: bucket chosen by its
 * share, value uniform in [lo, hi]. The shares must add up to 1000.
 */
typedef struct synth_bucket {
    int permille;
    int64_t lo, hi;
} synth_bucket;
int64_t synth_pick(uint64_t h, const synth_bucket *b, int n);

#endif
