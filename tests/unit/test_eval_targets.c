/* test_eval_targets.c: the analyser's targets on the shared dev sets (../shared/data from
 * the repo root). Skipped (exit 77) when that folder is absent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <unistd.h>

#include "eval_json.h"

#define COUPLES "../shared/data/couples-dev.csv"
#define ANNOMI "../shared/data/annomi-dev.csv"

static int missed;

static void need(json_t *j, const char *file, const char *tag, const char *what, double min)
{
    double v = stat_of(j, tag, what);
    if (v < min) {
        print_message("%s: %s %s %.3f < %.2f\n", file, tag, what, v, min);
        missed++;
    }
}

static void test_eval_targets_couples(void **state)
{
    (void)state;
    json_t *j = run_eval(COUPLES);
    assert_non_null(j);
    need(j, COUPLES, "reflection", "f1", 0.85);
    need(j, COUPLES, "counter_complaint", "precision", 0.90);
    need(j, COUPLES, "counter_complaint", "recall", 0.85);
    const char *tag;
    json_t *v;
    json_object_foreach(json_object_get(j, "tags"), tag, v) need(j, COUPLES, tag, "f1", 0.70);
    json_decref(j);
}

static void test_eval_targets_annomi(void **state)
{
    (void)state;
    json_t *j = run_eval(ANNOMI);
    assert_non_null(j);
    need(j, ANNOMI, "reflection", "precision", 0.70);
    need(j, ANNOMI, "reflection", "recall", 0.60);
    need(j, ANNOMI, "question", "f1", 0.90);
    double rate =
        json_number_value(json_object_get(json_object_get(j, "hurt_on_reflection"), "rate"));
    if (rate > 0.03) {
        print_message("%s: counter_complaint/defensive/criticism on %.1f%% of reflections\n",
                      ANNOMI, 100 * rate);
        missed++;
    }
    json_decref(j);
}

static void test_eval_targets_all_met(void **state)
{
    (void)state;
    assert_int_equal(missed, 0);
}

int main(void)
{
    if (access(COUPLES, R_OK) != 0 || access(ANNOMI, R_OK) != 0) {
        printf("shared dev data not found under ../shared/data: skipped\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eval_targets_couples),
        cmocka_unit_test(test_eval_targets_annomi),
        cmocka_unit_test(test_eval_targets_all_met),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
