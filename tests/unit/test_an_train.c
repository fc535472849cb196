/* test_an_train.c: the logistic trainer and the precision-first threshold on small
 * synthetic sets: it must separate what is separable, be deterministic, and ignore inputs
 * that never vary. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "game/analysis/an_model.h"
#include "game/analysis/an_train.h"

#define N 200
#define D 3

/* y = 1 exactly when x0 + x1 > 1; x2 is noise-free filler that never varies. */
static void make_set(double *x, unsigned char *y)
{
    for (int i = 0; i < N; i++) {
        double a = (i * 37 % 101) / 100.0, b = (i * 53 % 97) / 96.0;
        if (fabs(a + b - 1.0) < 0.1) /* keep a margin so the set is cleanly separable */
            b += a + b > 1.0 ? 0.1 : -0.1;
        x[i * D + 0] = a;
        x[i * D + 1] = b;
        x[i * D + 2] = 0.5;
        y[i] = a + b > 1.0;
    }
}

static double score(const double *w, double bias, const double *x)
{
    double z = bias;
    for (int j = 0; j < D; j++)
        z += w[j] * x[j];
    return 1.0 / (1.0 + exp(-z));
}

static void test_an_train_separates_a_separable_set(void **state)
{
    (void)state;
    static double x[N * D];
    unsigned char y[N];
    make_set(x, y);
    double w[D], bias;
    assert_true(an_train_logistic(x, y, N, D, 0.01, w, &bias) > 0);
    int wrong = 0;
    for (int i = 0; i < N; i++)
        wrong += (score(w, bias, x + i * D) >= 0.5) != y[i];
    assert_int_equal(wrong, 0);
    assert_true(w[0] > 0 && w[1] > 0);
    assert_true(fabs(w[2]) < 1e-12); /* a constant input gets no weight */
}

/* signs: an input allowed only against the tag never gets a positive weight, one that is
 * not read gets none, and a free one keeps its own */
static void test_an_train_holds_weights_to_their_signs(void **state)
{
    (void)state;
    static double x[N * D];
    unsigned char y[N];
    make_set(x, y);
    for (int i = 0; i < N; i++)
        x[i * D + 2] = 1.0 - x[i * D + 0]; /* varies, and counts against y */
    double w[D], bias;
    const signed char against_first[D] = {-1, 1, 1};
    assert_true(an_train_logistic_signed(x, y, N, D, 1.0, against_first, w, &bias) > 0);
    assert_true(w[0] == 0.0); /* it would be positive, so it is held at 0 */
    assert_true(w[1] > 0);
    assert_true(w[2] < 0);
    const signed char against_last[D] = {1, 1, -1};
    assert_true(an_train_logistic_signed(x, y, N, D, 1.0, against_last, w, &bias) > 0);
    assert_true(w[2] < 0); /* already against: kept */
    const signed char silent[D] = {1, 0, 1};
    assert_true(an_train_logistic_signed(x, y, N, D, 1.0, silent, w, &bias) > 0);
    assert_true(w[1] == 0.0 && w[0] > 0);
    assert_int_equal(an_model_sign("reflection", AN_X_NEXT_STEP), 0);
    assert_int_equal(an_model_sign("reflection", AN_X_FIX_IT), -1);
    assert_int_equal(an_model_sign("reflection", AN_X_ECHO), 1);
    assert_int_equal(an_model_sign("question", AN_X_NEXT_STEP), 1);
}

static void test_an_train_is_deterministic(void **state)
{
    (void)state;
    static double x[N * D];
    unsigned char y[N];
    make_set(x, y);
    double w1[D], w2[D], b1, b2;
    assert_true(an_train_logistic(x, y, N, D, 1.0, w1, &b1) > 0);
    assert_true(an_train_logistic(x, y, N, D, 1.0, w2, &b2) > 0);
    assert_memory_equal(w1, w2, sizeof w1);
    assert_memory_equal(&b1, &b2, sizeof b1);
}

static void test_an_train_stronger_l2_shrinks_weights(void **state)
{
    (void)state;
    static double x[N * D];
    unsigned char y[N];
    make_set(x, y);
    double w1[D], w2[D], b1, b2;
    an_train_logistic(x, y, N, D, 0.1, w1, &b1);
    an_train_logistic(x, y, N, D, 100.0, w2, &b2);
    assert_true(fabs(w2[0]) < fabs(w1[0]));
}

static void test_an_train_rejects_empty_input(void **state)
{
    (void)state;
    double w[1], b;
    assert_int_equal(an_train_logistic(NULL, NULL, 0, 1, 1.0, w, &b), -1);
}

static void test_an_train_threshold_puts_precision_first(void **state)
{
    (void)state;
    /* scores high to low: 1 1 0 1 0 0 */
    const double p[] = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    const unsigned char y[] = {1, 1, 0, 1, 0, 0};
    /* precision 1.0 allows the top two; 0.75 allows the top four (3 of 4) */
    assert_true(fabs(an_train_threshold(p, y, 6, 1.0) - 0.8) < 1e-12);
    assert_true(fabs(an_train_threshold(p, y, 6, 0.75) - 0.6) < 1e-12);
    /* unreachable precision: never fires below certainty */
    const unsigned char none[] = {0, 0, 0, 0, 0, 0};
    assert_true(an_train_threshold(p, none, 6, 0.5) >= 1.0);
}

static void test_an_train_threshold_f1_balances_on_top_of_fixed_counts(void **state)
{
    (void)state;
    /* scores high to low: 1 1 0 1 0 0 */
    const double p[] = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
    const unsigned char y[] = {1, 1, 0, 1, 0, 0};
    /* alone: top two F1 0.80, top four 0.857: recall is worth the one false alarm */
    assert_true(fabs(an_train_threshold_f1(p, y, 6, 0, 0, 0) - 0.6) < 1e-12);
    /* with many false alarms decided elsewhere the same holds; with none of these rows
     * worth saying yes to, the threshold is 1.0 */
    const unsigned char none[] = {0, 0, 0, 0, 0, 0};
    assert_true(an_train_threshold_f1(p, none, 6, 10, 2, 1) >= 1.0);
    /* ties move together: a threshold never splits equal scores */
    const double tied[] = {0.7, 0.7, 0.2};
    const unsigned char ty[] = {1, 0, 0};
    assert_true(fabs(an_train_threshold_f1(tied, ty, 3, 0, 0, 0) - 0.7) < 1e-12);
}

static void test_an_train_model_scores_and_explains(void **state)
{
    (void)state;
    AnModel m;
    memset(&m, 0, sizeof m);
    m.bias = -1.0;
    m.w[AN_X_OPENER] = 2.0;
    m.w[AN_X_ECHO] = 1.0;
    m.w[AN_X_FIX_IT] = -3.0;
    double x[AN_X_COUNT] = {0};
    x[AN_X_OPENER] = 1.0;
    x[AN_X_ECHO] = 0.5;
    x[AN_X_FIX_IT] = 1.0;
    assert_true(fabs(an_model_score(&m, x) - 1.0 / (1.0 + exp(1.5))) < 1e-12);
    int top[3];
    assert_int_equal(an_model_explain(&m, x, top, 3), 2);
    assert_int_equal(top[0], AN_X_OPENER);
    assert_int_equal(top[1], AN_X_ECHO);
    assert_string_equal(an_model_input_name(AN_X_OPENER), "opener");
    assert_int_equal(an_model_input_id("opener"), AN_X_OPENER);
    assert_int_equal(an_model_input_id("no_such_input"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_train_separates_a_separable_set),
        cmocka_unit_test(test_an_train_holds_weights_to_their_signs),
        cmocka_unit_test(test_an_train_is_deterministic),
        cmocka_unit_test(test_an_train_stronger_l2_shrinks_weights),
        cmocka_unit_test(test_an_train_rejects_empty_input),
        cmocka_unit_test(test_an_train_threshold_puts_precision_first),
        cmocka_unit_test(test_an_train_threshold_f1_balances_on_top_of_fixed_counts),
        cmocka_unit_test(test_an_train_model_scores_and_explains),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
