/* rng.h: the session's seeded random number generator (splitmix64 seeding xoshiro256**).
 * Game logic draws randomness only from here, so a replay with the same seed is the same
 * game. Plain C, no allocation. */
#ifndef HEARD_RNG_H
#define HEARD_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t s[4];
} Rng;

/* Seeds R; any seed, 0 included, gives a usable state. */
void rng_seed(Rng *r, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_next(Rng *r);

/* A uniform integer in [lo, hi] (lo <= hi), without modulo bias. */
int64_t rng_range(Rng *r, int64_t lo, int64_t hi);

/* A uniform double in [0, 1). */
double rng_double(Rng *r);

#endif
