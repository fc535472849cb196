/* test_score.c: `heard score` through the real binary: the moves with their points and
 * reasons, the JSON that says which clause and which features decided, the customer's moves
 * for an opening line, and clear refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "tests/support/binary_test.h"

static int score(const char *args, char *out, size_t n)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=. '%s' score %s 2>&1", bt_bin(), args);
    return bt_run(cmd, out, n);
}

static void test_score_names_the_toaster(void **state)
{
    (void)state;
    static char out[8192];
    assert_int_equal(score("--context 'I want a new microwave, ours broke again.' "
                           "'Well, my toaster does not work either.'",
                           out, sizeof out),
                     0);
    assert_non_null(strstr(out, "counter_complaint"));
    assert_non_null(strstr(out, "'Well, my toaster does not work either.' brings your own "
                                "complaint"));
    assert_non_null(strstr(out, "total -4"));
}

static void test_score_json_says_which_clause_decided(void **state)
{
    (void)state;
    static char out[1 << 16];
    assert_int_equal(score("--json --context 'I feel like nobody helps me with the kids.' "
                           "'You feel alone with the kids. And honestly my job is killing me.'",
                           out, sizeof out),
                     0);
    json_error_t e;
    json_t *j = json_loads(out, 0, &e);
    if (!j)
        fail_msg("not JSON: %s", out);
    json_t *d = json_object_get(json_object_get(j, "decisions"), "reflection");
    assert_non_null(d);
    assert_true(json_is_true(json_object_get(d, "fires")));
    assert_true(json_number_value(json_object_get(d, "p")) >=
                json_number_value(json_object_get(d, "threshold")));
    assert_string_equal(json_string_value(json_object_get(d, "clause")),
                        "You feel alone with the kids.");
    json_t *f = json_object_get(d, "features");
    assert_true(json_array_size(f) > 0);
    assert_true(json_number_value(json_object_get(json_array_get(f, 0), "weight")) > 0);
    /* every tag the listener may get is scored, fired or not */
    assert_true(json_object_size(json_object_get(j, "decisions")) >= 15);
    assert_non_null(json_object_get(json_object_get(j, "decisions"), "counter_complaint"));
    json_decref(j);
}

static void test_score_opening_lines_are_the_customers(void **state)
{
    (void)state;
    static char out[8192];
    assert_int_equal(score("'I feel lonely when we both scroll at dinner, and I would love ten "
                           "minutes to talk.'",
                           out, sizeof out),
                     0);
    assert_non_null(strstr(out, "soft_startup"));
    assert_null(strstr(out, "reflection"));
}

static void test_score_refuses_clearly(void **state)
{
    (void)state;
    static char out[8192];
    assert_int_equal(score("", out, sizeof out), 2);
    assert_non_null(strstr(out, "usage: heard score"));
    assert_int_equal(score("--role boss 'hi'", out, sizeof out), 2);
    char args[4200] = "'";
    for (int i = 0; i < 1100; i++)
        strcat(args, "ab ");
    strcat(args, "'");
    assert_int_equal(score(args, out, sizeof out), 2);
    assert_non_null(strstr(out, "the reply is 3,300 bytes long; at most 2,000 bytes fit"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_score_names_the_toaster),
        cmocka_unit_test(test_score_json_says_which_clause_decided),
        cmocka_unit_test(test_score_opening_lines_are_the_customers),
        cmocka_unit_test(test_score_refuses_clearly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
