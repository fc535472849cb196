/* test_an_train.c: the learned side of the analyser with real replies read by the real
 * analyser: a fit with liblinear separates what it should, finds the clause that does the
 * move inside a longer reply, gives the same bytes twice, and its models survive being
 * written and read back; thresholds and the weights file's errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_features.h"
#include "game/analysis/an_learn.h"
#include "game/analysis/an_model.h"
#include "game/analysis/an_train.h"
#include "game/analysis/an_vector.h"

typedef struct Fixture {
    AnLexicon *lx;
    AnMatcher *m;
    AnAnalyser *a;
    AnVector *v;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    f->lx = an_lexicon_create();
    an_lexicon_add_word(f->lx, "feeling", "tired", "tiredness", 1);
    an_lexicon_add_word(f->lx, "feeling", "angry", "anger", 2);
    f->m = an_matcher_create(f->lx);
    an_matcher_compile(f->m);
    f->a = an_analyser_create(f->lx, f->m);
    f->v = an_vector_create();
    *state = f;
    return f->a && f->v ? 0 : -1;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    an_vector_destroy(f->v);
    an_analyser_destroy(f->a);
    an_matcher_destroy(f->m);
    an_lexicon_destroy(f->lx);
    free(f);
    return 0;
}

static const AnVector *read_reply(Fixture *f, const char *ctx, const char *reply)
{
    const AnFeatures *ft = an_analyse(f->a, ctx, reply);
    assert_non_null(ft);
    assert_int_equal(an_vectorize(f->v, ft, f->m, AN_VEC_WHOLE | AN_VEC_NAMES), 0);
    return f->v;
}

/* Apologies by two writers (files 0 and 1) and replies that are none. */
static const char *const ROWS[][3] = {
    {"You forgot the bins.", "I'm sorry, I forgot.", "apology"},
    {"You were late again.", "Sorry, that was me being careless.", "apology"},
    {"You missed dinner.", "I'm so sorry I missed it.", "apology"},
    {"The car is dirty.", "Sorry, I'll wash it tomorrow.", "apology"},
    {"You forgot the bins.", "Well, you forgot them last week.", ""},
    {"You were late again.", "Traffic was awful, not my fault.", ""},
    {"You missed dinner.", "I had to work, you know that.", ""},
    {"The car is dirty.", "It's only a bit of mud.", ""},
};
#define NROWS ((int)(sizeof ROWS / sizeof ROWS[0]))

static AnDataset *dataset(Fixture *f)
{
    AnDataset *ds = an_dataset_create();
    assert_non_null(ds);
    for (int i = 0; i < NROWS; i++)
        assert_int_equal(
            an_dataset_add(ds, read_reply(f, ROWS[i][0], ROWS[i][1]), ROWS[i][2], i % 2, i), i);
    return ds;
}

static AnFitParams loose(void)
{
    AnFitParams p = an_learn_defaults();
    p.min_files = 1;
    p.min_rows = 1;
    p.c = 4.0;
    return p;
}

static void test_an_train_fit_separates_and_reads_new_replies(void **state)
{
    Fixture *f = *state;
    AnDataset *ds = dataset(f);
    int rows[NROWS];
    for (int i = 0; i < NROWS; i++)
        rows[i] = i;
    AnFitParams p = loose();
    AnFit fit;
    assert_int_equal(an_fit(ds, rows, NROWS, "apology", &p, &fit), 0);
    for (int i = 0; i < NROWS; i++)
        assert_true((an_fit_score(ds, &fit, i) > 0) == (ROWS[i][2][0] != '\0'));
    assert_true(an_dataset_has(ds, 0, "apology"));
    assert_false(an_dataset_has(ds, 4, "apology"));
    assert_false(an_dataset_has(ds, 0, "apolog"));
    an_fit_free(&fit);
    an_dataset_destroy(ds);
}

/* A reply whose second clause apologises: the model's deciding clause is that one, and a
 * hurting first clause does not hide it. */
static void test_an_train_models_name_the_clause_that_decides(void **state)
{
    Fixture *f = *state;
    AnDataset *ds = dataset(f);
    int rows[NROWS];
    for (int i = 0; i < NROWS; i++)
        rows[i] = i;
    int startup[NROWS] = {0};
    AnFitParams p = loose();
    AnModels *ms = an_models_create();
    const char *tags[] = {"apology"};
    assert_int_equal(an_learn_models(ds, rows, NROWS, startup, tags, 1, &p, "couples", ms), 0);
    int d = an_models_domain(ms, "couples");
    assert_int_equal(d, 0);
    assert_string_equal(an_models_tag(ms, d, 0), "apology");
    const AnVector *v = read_reply(f, "You forgot the bins.", "Traffic was awful, but I'm sorry.");
    AnTagScore s;
    assert_int_equal(an_models_score(ms, d, v, &s, 1), 1);
    assert_int_equal(s.clause, 1); /* "but I'm sorry." */
    assert_int_equal(s.ntop, 0);   /* explaining is apart */
    an_models_explain(ms, d, 0, v, &s);
    assert_true(s.ntop > 0);
    assert_true(s.top_w[0] > 0);
    an_models_destroy(ms);
    an_dataset_destroy(ds);
}

static char *written(const AnModels *ms)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(an_models_write(ms, "made by a test\nsecond line", fp), 0);
    fclose(fp);
    return buf;
}

static void test_an_train_same_data_same_bytes_and_round_trip(void **state)
{
    Fixture *f = *state;
    char *text[2];
    for (int k = 0; k < 2; k++) {
        AnDataset *ds = dataset(f);
        int rows[NROWS], startup[NROWS] = {0};
        for (int i = 0; i < NROWS; i++)
            rows[i] = i;
        AnFitParams p = loose();
        AnModels *ms = an_models_create();
        const char *tags[] = {"apology"};
        assert_int_equal(an_learn_models(ds, rows, NROWS, startup, tags, 1, &p, "couples", ms), 0);
        text[k] = written(ms);
        an_models_destroy(ms);
        an_dataset_destroy(ds);
    }
    assert_string_equal(text[0], text[1]);
    assert_non_null(strstr(text[0], "# made by a test\n# second line\nheard-weights 2\n"));
    char err[200];
    AnModels *back = an_models_parse(text[0], strlen(text[0]), "w.txt", err, sizeof err);
    assert_non_null(back);
    char *again = written(back);
    assert_string_equal(again, text[0]);
    free(again);
    an_models_destroy(back);
    free(text[0]);
    free(text[1]);
}

static void test_an_train_weights_file_errors_name_the_line(void **state)
{
    (void)state;
    char err[200];
    const char *bad[][2] = {
        {"heard-weights 2\ndomain couples\ntags a b\nbias 1\n", "w.txt:4: bias and threshold"},
        {"heard-weights 2\ntags a\n", "w.txt:2: a domain line must come first"},
        {"heard-weights 1\n", "w.txt:1: weights of another format"},
        {"heard-weights 2\ndomain couples\ntags a\nw s:x 1 2\n", "w.txt:4: a weight line"},
        {"heard-weights 2\ndomain couples\ntags a\nhello\n", "w.txt:4: unknown line"},
        {"# nothing here\n", "w.txt:1: not a weights file"},
        {"heard-weights 2\ndomain c\ntags a\nw s:x nan\n", "w.txt:4: a weight line"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        assert_null(an_models_parse(bad[i][0], strlen(bad[i][0]), "w.txt", err, sizeof err));
        if (strncmp(err, bad[i][1], strlen(bad[i][1])) != 0)
            fail_msg("case %zu: got \"%s\", want it to start \"%s\"", i, err, bad[i][1]);
    }
}

static void test_an_train_threshold_balances_precision_first(void **state)
{
    (void)state;
    double s[] = {3.0, 2.0, 1.0, 0.0, -1.0, -2.0};
    int gold[] = {1, 1, 0, 1, 0, 0};
    /* F1: cutting below 0.0 keeps all three positives (tp 3, fp 1): F1 0.857 */
    assert_true(fabs(an_best_threshold(s, gold, 6, 1.0) - (-0.5)) < 1e-12);
    /* precision weighed more (beta 0.5): cut after the first two, precision 1 */
    assert_true(fabs(an_best_threshold(s, gold, 6, 0.5) - 1.5) < 1e-12);
    int none[] = {0, 0, 0, 0, 0, 0};
    assert_true(isinf(an_best_threshold(s, none, 6, 1.0)));
}

static void test_an_train_empty_vector_scores_the_bias(void **state)
{
    (void)state;
    AnModels *ms = an_models_create();
    const char *names[] = {"w:sorri"};
    double w[] = {2.0};
    assert_int_equal(an_models_add(ms, "couples", "apology", -1.0, 0.5, names, w, 1), 0);
    assert_int_equal(an_models_add(ms, "couples", "apology", 0, 0.5, names, w, 1), -1);
    AnVector *v = an_vector_create();
    AnTagScore s;
    assert_int_equal(an_models_score(ms, 0, v, &s, 1), 1);
    assert_true(fabs(s.p - 1.0 / (1.0 + exp(1.0))) < 1e-12);
    assert_false(s.fires);
    assert_int_equal(s.clause, -1);
    assert_int_equal(an_models_score(ms, 3, v, &s, 1), -1);
    an_vector_destroy(v);
    an_models_destroy(ms);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_an_train_fit_separates_and_reads_new_replies, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_train_models_name_the_clause_that_decides, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_an_train_same_data_same_bytes_and_round_trip, setup,
                                        teardown),
        cmocka_unit_test(test_an_train_weights_file_errors_name_the_line),
        cmocka_unit_test(test_an_train_threshold_balances_precision_first),
        cmocka_unit_test(test_an_train_empty_vector_scores_the_bias),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
