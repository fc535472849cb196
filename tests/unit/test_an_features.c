/* test_an_features.c: what the analyser sees in a reply against its context. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_features.h"

typedef struct Fix {
    AnLexicon *lx;
    AnMatcher *m;
    AnAnalyser *a;
} Fix;

static int setup(void **state)
{
    Fix *f = calloc(1, sizeof *f);
    f->lx = an_lexicon_create();
    an_lexicon_add_word(f->lx, "feeling", "angry", "anger", 2);
    an_lexicon_add_word(f->lx, "feeling", "furious", "anger", 3);
    an_lexicon_add_word(f->lx, "feeling", "sad", "sadness", 2);
    f->m = an_matcher_create(f->lx);
    char err[64];
    an_matcher_add(f->m, "minimizing", "you are overreacting", err, sizeof err);
    an_matcher_compile(f->m);
    f->a = an_analyser_create(f->lx, f->m);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    Fix *f = *state;
    an_analyser_destroy(f->a);
    an_matcher_destroy(f->m);
    an_lexicon_destroy(f->lx);
    free(f);
    return 0;
}

static void test_an_features_echo_family_and_perspective(void **state)
{
    Fix *f = *state;
    const AnFeatures *ft = an_analyse(f->a, "I'm angry that my microwave broke again.",
                                      "You're furious the microwave died.");
    assert_int_equal(ft->n_echo, 1);
    size_t n;
    const char *w = an_features_span(ft, ft->echo[0], ft->echo[0] + 1, &n);
    assert_int_equal(n, 9);
    assert_memory_equal(w, "microwave", 9);
    assert_int_equal(ft->n_feelings, 1);
    assert_true(ft->feeling_echoed[0]); /* furious answers angry */
    assert_true(ft->perspective_shift);
    ft = an_analyse(f->a, "I'm angry.", "I'm sad.");
    assert_false(ft->feeling_echoed[0]);
    assert_false(ft->perspective_shift);
}

static void test_an_features_questions_open_and_closed(void **state)
{
    Fix *f = *state;
    const AnFeatures *ft =
        an_analyse(f->a, "x", "What happened? Was it Tuesday? Tell me more about that. Okay.");
    assert_int_equal(ft->n_sents, 4);
    assert_int_equal(ft->sents[0].question, AN_Q_OPEN);
    assert_int_equal(ft->sents[1].question, AN_Q_CLOSED);
    assert_int_equal(ft->sents[2].question, AN_Q_OPEN);
    assert_int_equal(ft->sents[3].question, AN_Q_NONE);
    assert_int_equal(ft->open_questions, 2);
    assert_int_equal(ft->closed_questions, 1);
}

/* asks: the reply's purpose is to ask (heard eval's "question"), whatever the mark says */
static void test_an_features_asking_by_form_not_by_mark(void **state)
{
    Fix *f = *state;
    static const char *const ASKS[] = {
        "What got in the way this week?",
        "how long have you had the van",         /* no mark, but a question in form */
        "do you want to keep the old one",       /* "do you..." without '?' */
        "Okay, so how much of it was the rent?", /* past the fillers */
        "Is-- are your parents coming too?",     /* a restart */
        "In what way was it harder?",
        "I wonder what your sister made of that.",
        "I wonder if he even reads them?", /* with its mark it asks */
        "Tell me about the first time it happened.",
        "Anything else on your mind?",
        "You told the landlord when?", /* a wh-word left in place */
        "Did you?",
        "That was the week before the move, or?",
        "Tuesday?", /* a '?' that brings nothing of theirs back */
    };
    static const char *const RESTATES[] = {
        "So you felt left out at the party?",
        "You're not sure the landlord will listen?",
        "Yeah?",
        "Okay?",
        "It's the rent that worries you, isn't it?", /* a tag, not a question */
        "What you said about the rent stuck with me.",
        "Oh no, \"what if it happens again?\" is what you keep thinking.",
        /* without a '?', "I wonder if/whether..." is a tentative reading or suggestion */
        "I'm wondering whether it's worth writing to the council instead.",
        "And I guess I wonder, um, if the texts just go to an old number.",
    };
    const char *ctx = "The rent went up again and the landlord won't answer my texts.";
    for (size_t i = 0; i < sizeof ASKS / sizeof ASKS[0]; i++) {
        const AnFeatures *ft = an_analyse(f->a, ctx, ASKS[i]);
        if (ft->asking < 1)
            fail_msg("should ask: %s", ASKS[i]);
    }
    for (size_t i = 0; i < sizeof RESTATES / sizeof RESTATES[0]; i++) {
        const AnFeatures *ft = an_analyse(f->a, ctx, RESTATES[i]);
        if (ft->asking != 0)
            fail_msg("should not ask: %s", RESTATES[i]);
    }
    /* a '?' on a statement about the partner is said back: heard eval counts it as asking
     * to confirm (rules_asks), the rules still read it as their side given back */
    static const char *const SAID_BACK[] = {
        "So you felt left out at the party?",
        "You're not sure the landlord will listen?",
        "So you think it started about four years ago?",
    };
    for (size_t i = 0; i < sizeof SAID_BACK / sizeof SAID_BACK[0]; i++) {
        const AnFeatures *ft = an_analyse(f->a, ctx, SAID_BACK[i]);
        if (ft->said_back != 1 || ft->asking != 0 || !ft->sents[0].said_back)
            fail_msg("should be said back: %s", SAID_BACK[i]);
    }
    static const char *const NOT_SAID_BACK[] = {"Yeah?", "Okay?", "Tuesday?", "You felt left out."};
    for (size_t i = 0; i < sizeof NOT_SAID_BACK / sizeof NOT_SAID_BACK[0]; i++)
        if (an_analyse(f->a, ctx, NOT_SAID_BACK[i])->said_back != 0)
            fail_msg("should not be said back: %s", NOT_SAID_BACK[i]);
    /* the restatement is still a closed question for players (LABELS.md) */
    const AnFeatures *ft = an_analyse(f->a, ctx, "So you felt left out at the party?");
    assert_int_equal(ft->sents[0].question, AN_Q_CLOSED);
    assert_false(ft->sents[0].asks);
}

static void test_an_features_negated_cue_and_parroting(void **state)
{
    Fix *f = *state;
    const AnFeatures *ft = an_analyse(f->a, "x", "I don't think you're overreacting.");
    assert_int_equal(ft->n_hits, 1);
    assert_true(ft->hits[0].negated);
    ft = an_analyse(f->a, "x", "You're overreacting.");
    assert_false(ft->hits[0].negated);
    ft = an_analyse(f->a, "I am sick of asking you to do the dishes",
                    "You are sick of asking me to do the dishes");
    assert_true(ft->parrot > 0.9);
    ft = an_analyse(f->a, "I am sick of asking you to do the dishes",
                    "Having to remind me wears you out.");
    assert_true(ft->parrot < 0.1);
    assert_true(ft->topic_shift > 0.5);
}

static void test_an_features_hostile_text(void **state)
{
    Fix *f = *state;
    const AnFeatures *ft = an_analyse(f->a, "", "");
    assert_non_null(ft);
    assert_int_equal(ft->words, 0);
    assert_int_equal(ft->n_sents, 0);
    ft = an_analyse(f->a, NULL, "\xff\xfe\xfd 😀 ?!");
    assert_non_null(ft);
    ft = an_analyse(f->a, "...", "!!!");
    assert_non_null(ft);
    assert_int_equal(ft->words, 0);
    size_t n = 100 * 1024;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = "you are so angry. "[i % 18];
    s[n] = '\0';
    ft = an_analyse(f->a, s, s);
    assert_non_null(ft);
    assert_true(ft->words > 10000);
    assert_true(ft->n_feelings <= AN_LIST_MAX);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_features_echo_family_and_perspective),
        cmocka_unit_test(test_an_features_questions_open_and_closed),
        cmocka_unit_test(test_an_features_asking_by_form_not_by_mark),
        cmocka_unit_test(test_an_features_negated_cue_and_parroting),
        cmocka_unit_test(test_an_features_hostile_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
