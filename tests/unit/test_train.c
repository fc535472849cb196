/* test_train.c: `heard train` remakes the shipped weights byte for byte with the command
 * written in their header, and refuses what it cannot use with a clear message. Skipped
 * (exit 77) when ../shared/data is absent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/support/binary_test.h"

#define WEIGHTS "scripts/rules/weights.txt"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "train");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    *len = (size_t)n;
    return buf;
}

/* The header's second line: "#   heard train ARGS -o scripts/rules/weights.txt". */
static void header_command(const char *text, char *args, size_t cap)
{
    const char *p = strstr(text, "\n#   heard train ");
    assert_non_null(p);
    p += strlen("\n#   heard train ");
    const char *e = strchr(p, '\n');
    const char *o = strstr(p, " -o " WEIGHTS);
    assert_non_null(o);
    assert_true(o < e);
    snprintf(args, cap, "%.*s%.*s", (int)(o - p), p, (int)(e - o - strlen(" -o " WEIGHTS)),
             o + strlen(" -o " WEIGHTS));
}

static void test_train_remakes_the_shipped_weights(void **state)
{
    (void)state;
    size_t n, m;
    char *shipped = slurp(WEIGHTS, &n);
    char args[1024], cmd[2048], out[4096], made[512];
    header_command(shipped, args, sizeof args);
    snprintf(made, sizeof made, "%s/weights.txt", tmpdir);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=. '%s' train %s -o %s 2>&1", bt_bin(), args, made);
    assert_int_equal(bt_run(cmd, out, sizeof out), 0);
    char *again = slurp(made, &m);
    /* the header names the output it was written to; everything from its format line on is
     * the models */
    const char *a = strstr(shipped, "heard-weights 2\n"), *b = strstr(again, "heard-weights 2\n");
    assert_non_null(a);
    assert_non_null(b);
    if (strcmp(a, b) != 0)
        fail_msg("heard train %s does not remake %s", args, WEIGHTS);
    assert_non_null(strstr(shipped, "domain couples\n"));
    assert_non_null(strstr(shipped, "domain counselling\n"));
    free(shipped);
    free(again);
}

static void test_train_refuses_what_it_cannot_use(void **state)
{
    (void)state;
    char cmd[1024], out[4096];
    snprintf(cmd, sizeof cmd, "'%s' train 2>&1", bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "usage: heard train"));
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=. '%s' train %s/missing.csv -o %s/w.txt 2>&1", bt_bin(),
             tmpdir, tmpdir);
    assert_int_equal(bt_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "cannot read"));
    assert_non_null(strstr(out, "missing.csv"));
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=. '%s' train --lofo ../shared/data/couples-dev.csv 2>&1",
             bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 2); /* one file: nothing to leave out */
}

int main(void)
{
    if (access("../shared/data/couples-dev.csv", R_OK) != 0) {
        printf("shared data not found under ../shared/data: skipped\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_train_remakes_the_shipped_weights),
        cmocka_unit_test(test_train_refuses_what_it_cannot_use),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
