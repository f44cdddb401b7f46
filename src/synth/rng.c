/*
 * rng.c - the synthetic month's distributions (see rng.h). Both work on
 * hash bits with integers only, so the same seed gives the same bytes on
 * every machine and libm.
 */
#include "rng.h"

/* -ln(1 - i/64) * 4096 for i = 0..63, and the cap -ln(1/1024) * 4096: the
 * exponential's quantiles as integers, so no libm result decides a value. */
static const int32_t exp_q[65] = {
    0, 65, 130, 197, 264, 333, 403, 474, 547, 621, 696, 772, 850, 930, 1011,
    1094, 1178, 1265, 1353, 1443, 1535, 1629, 1725, 1824, 1925, 2029, 2135,
    2244, 2357, 2472, 2591, 2713, 2839, 2969, 3103, 3242, 3386, 3535, 3690,
    3850, 4017, 4192, 4374, 4564, 4764, 4974, 5196, 5430, 5678, 5943, 6225,
    6529, 6857, 7213, 7603, 8035, 8517, 9064, 9696, 10443, 11357, 12535,
    14196, 17035, 28391
};

int64_t synth_exp(uint64_t h, int64_t mean)
{
    int i = (int)(h >> 58);                    /* bucket 0..63 */
    int64_t f = (int64_t)((h >> 42) & 0xFFFF); /* position in it, /65536 */
    int64_t q = exp_q[i] + ((exp_q[i + 1] - exp_q[i]) * f >> 16);

    return mean * q / 4096;
}

int64_t synth_pick(uint64_t h, const synth_bucket *b, int n)
{
    int64_t u = synth_below(h, 1000);
    uint64_t h2 = synth_mix(h);

    for (int i = 0; i < n; i++) {
        if (u < b[i].permille)
            return synth_range(h2, b[i].lo, b[i].hi);
        u -= b[i].permille;
    }
    return synth_range(h2, b[n - 1].lo, b[n - 1].hi);
}
