/* test_rng.c: the seeded generator is repeatable and its ranges hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "engine/core/rng.h"

static void test_rng_same_seed_same_sequence(void **state)
{
    (void)state;
    Rng a, b;
    rng_seed(&a, 42);
    rng_seed(&b, 42);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(rng_next(&a), rng_next(&b));
}

static void test_rng_different_seeds_differ(void **state)
{
    (void)state;
    Rng a, b;
    rng_seed(&a, 1);
    rng_seed(&b, 2);
    int same = 0;
    for (int i = 0; i < 100; i++)
        same += rng_next(&a) == rng_next(&b);
    assert_true(same < 2);
}

static void test_rng_range_stays_inside_and_covers(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 0);
    int seen[6] = {0};
    for (int i = 0; i < 6000; i++) {
        int64_t v = rng_range(&r, 1, 6);
        assert_true(v >= 1 && v <= 6);
        seen[v - 1]++;
    }
    for (int i = 0; i < 6; i++)
        assert_true(seen[i] > 800 && seen[i] < 1200);
    for (int i = 0; i < 1000; i++) {
        double d = rng_double(&r);
        assert_true(d >= 0.0 && d < 1.0);
    }
    assert_int_equal(rng_range(&r, 7, 7), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rng_same_seed_same_sequence),
        cmocka_unit_test(test_rng_different_seeds_differ),
        cmocka_unit_test(test_rng_range_stays_inside_and_covers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
