/* test_eval_data.c: `heard eval` on the project's own labelled rows (tests/data/moves.csv,
 * written for the project, with reasoned_no and team, and never used to fit the models: for
 * the learned models they are strangers) must keep every tag at F1 >= 0.5 (a tag has 3 to
 * 13 rows here, so one reply moves it by a tenth) and micro and macro F1 >= 0.8. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "eval_json.h"

static void test_eval_data_every_tag_holds(void **state)
{
    (void)state;
    json_t *j = run_eval("tests/data/moves.csv");
    assert_non_null(j);
    assert_true(json_integer_value(json_object_get(j, "rows")) >= 100);
    const char *tag;
    json_t *v;
    int bad = 0;
    json_object_foreach(json_object_get(j, "tags"), tag, v)
    {
        double f1 = json_number_value(json_object_get(v, "f1"));
        if (f1 < 0.5) {
            print_message("%s: F1 %.3f < 0.5\n", tag, f1);
            bad++;
        }
    }
    assert_int_equal(json_object_size(json_object_get(j, "tags")) >= 20, 1);
    assert_true(stat_of(j, "micro", "f1") >= 0.8);
    assert_true(stat_of(j, "macro", "f1") >= 0.8);
    assert_int_equal(bad, 0);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_eval_data_every_tag_holds)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
