/* test_fuzz_regress.c: the inputs the fuzz targets found (tests/fuzz/regress/TARGET/) and
 * their seed corpora (tests/fuzz/corpus/TARGET/), fed through the same code as the fuzz
 * targets (tests/fuzz/fuzz_*.c, built here without libFuzzer) in the normal build, so a
 * fixed crash, hang or sanitizer report stays fixed under plain ctest and under ASan.
 * A target aborts on a broken promise, which fails the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tests/fuzz/fuzz_inputs.h"

typedef int (*Target)(const uint8_t *data, size_t size);

/* Longest a single input may take here (seconds of CPU); a budget error must come fast. */
#define SLOW_S 5.0

static uint8_t *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    uint8_t *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            uint8_t *b = realloc(buf, cap);
            if (!b)
                break;
            buf = b;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Runs every file in DIR through TARGET; returns how many ran. */
static int feed_dir(const char *dir, Target target)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        uint8_t *data = read_all(path, &len);
        if (!data && len == 0)
            data = calloc(1, 1);
        assert_non_null(data);
        clock_t t0 = clock();
        target(data, len);
        double s = (double)(clock() - t0) / CLOCKS_PER_SEC;
        if (s > SLOW_S)
            fail_msg("%s took %.1f s", path, s);
        free(data);
        count++;
    }
    closedir(d);
    return count;
}

static void test_fuzz_regress_analyser_features(void **state)
{
    (void)state;
    assert_true(feed_dir("tests/fuzz/corpus/analyser", fuzz_features_input) > 10);
    feed_dir("tests/fuzz/regress/analyser", fuzz_features_input);
    fuzz_analyser_release();
}

static void test_fuzz_regress_analyser_rules(void **state)
{
    (void)state;
    assert_true(feed_dir("tests/fuzz/corpus/analyser", fuzz_rules_input) > 10);
    feed_dir("tests/fuzz/regress/analyser_rules", fuzz_rules_input);
    fuzz_analyser_release();
}

static void test_fuzz_regress_scenario_load(void **state)
{
    (void)state;
    assert_true(feed_dir("tests/fuzz/corpus/scenario_load", fuzz_scenario_input) > 10);
    /* The shipped scenarios are seeds too, read where they live rather than copied. */
    assert_true(feed_dir("scripts/scenarios", fuzz_scenario_input) >= 10);
    assert_true(feed_dir("tests/fuzz/regress/scenario_load", fuzz_scenario_input) > 0);
}

static void test_fuzz_regress_session_load(void **state)
{
    (void)state;
    assert_true(feed_dir("tests/fuzz/corpus/session", fuzz_session_input) > 10);
    feed_dir("tests/fuzz/regress/session", fuzz_session_input);
}

static void test_fuzz_regress_pattern(void **state)
{
    (void)state;
    assert_true(feed_dir("tests/fuzz/corpus/pattern", fuzz_pattern_input) > 10);
    feed_dir("tests/fuzz/regress/pattern", fuzz_pattern_input);
    fuzz_pattern_release();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fuzz_regress_analyser_features),
        cmocka_unit_test(test_fuzz_regress_analyser_rules),
        cmocka_unit_test(test_fuzz_regress_scenario_load),
        cmocka_unit_test(test_fuzz_regress_session_load),
        cmocka_unit_test(test_fuzz_regress_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
