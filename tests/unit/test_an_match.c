/* test_an_match.c: the phrase matcher: syntax, errors, anchors, gaps, classes, stems. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_features.h"
#include "game/analysis/an_match.h"

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
    f->m = an_matcher_create(f->lx);
    char err[128];
    static const char *const P[][2] = {{"opener", "^ (so)? (it)? sounds like"},
                                       {"calm", "calm down"},
                                       {"feel", "you *3 @feeling"},
                                       {"frus", "~frustrate"},
                                       {"notbig", "not (a|that) big deal"},
                                       {"end", "fine (.|!)? $"},
                                       {"dont", "don't worry"},
                                       {"q", "right ?"}};
    for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
        assert_true(an_matcher_add(f->m, P[i][0], P[i][1], err, sizeof err) >= 0);
    assert_int_equal(an_matcher_compile(f->m), 0);
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

/* Number of hits of CUE in REPLY. */
static int count(Fix *f, const char *reply, const char *cue)
{
    const AnFeatures *ft = an_analyse(f->a, "", reply);
    int id = an_matcher_cue_id(f->m, cue), n = 0;
    for (int i = 0; i < ft->n_hits; i++)
        n += ft->hits[i].cue == id;
    return n;
}

static void test_an_match_literals_alternatives_optionals(void **state)
{
    Fix *f = *state;
    assert_int_equal(count(f, "It sounds like a lot.", "opener"), 1);
    assert_int_equal(count(f, "So sounds like a lot.", "opener"), 1);
    /* ^ is the start of the sentence past fillers, and the match is counted once */
    assert_int_equal(count(f, "Well it sounds like a lot.", "opener"), 1);
    assert_int_equal(count(f, "Okay, so, um, it sounds like a lot.", "opener"), 1);
    assert_int_equal(count(f, "She said it sounds like a lot.", "opener"), 0);
    assert_int_equal(count(f, "Oh it sounds like a lot.", "opener"), 0); /* "oh" is not filler */
    assert_int_equal(count(f, "That's not that big deal. Not a big deal.", "notbig"), 2);
    assert_int_equal(count(f, "Don't worry.", "dont"), 1);
    assert_int_equal(count(f, "Right?", "q"), 1);
    assert_int_equal(count(f, "Right.", "q"), 0);
}

static void test_an_match_gaps_classes_stems(void **state)
{
    Fix *f = *state;
    assert_int_equal(count(f, "You seem really very furious.", "feel"), 1);
    assert_int_equal(count(f, "You one two three four angry.", "feel"), 0); /* gap too long */
    assert_int_equal(count(f, "You. Angry.", "feel"), 0);                   /* no crossing '.' */
    assert_int_equal(count(f, "So frustrating!", "frus"), 1);
    assert_int_equal(count(f, "Fine.", "end"), 1);
    assert_int_equal(count(f, "Fine by me.", "end"), 0);
}

static void test_an_match_reports_syntax_errors(void **state)
{
    Fix *f = *state;
    char err[128];
    AnMatcher *m = an_matcher_create(f->lx);
    assert_int_equal(an_matcher_add(m, "x", "(a|b", err, sizeof err), -1);
    assert_non_null(strstr(err, "unclosed"));
    assert_int_equal(an_matcher_add(m, "x", "@nosuch", err, sizeof err), -1);
    assert_non_null(strstr(err, "nosuch"));
    assert_int_equal(an_matcher_add(m, "x", "a? b?", err, sizeof err), -1);
    assert_non_null(strstr(err, "nothing"));
    assert_int_equal(an_matcher_add(m, "x", "*99 a", err, sizeof err), -1);
    assert_int_equal(an_matcher_add(m, "x", "a )", err, sizeof err), -1);
    an_matcher_destroy(m);
}

static void test_an_match_hostile_text(void **state)
{
    Fix *f = *state;
    assert_int_equal(count(f, "", "calm"), 0);
    assert_int_equal(count(f, "?!?!...", "calm"), 0);
    assert_int_equal(count(f, "\xff\xfe calm \xc3 down 😀", "calm"), 0);
    assert_int_equal(count(f, "😀 calm down 😀", "calm"), 1);
    size_t n = 100 * 1024;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = "calm down now "[i % 14];
    s[n] = '\0';
    int hits = count(f, s, "calm");
    assert_true(hits > 0 && hits <= AN_HITS_MAX);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_match_literals_alternatives_optionals),
        cmocka_unit_test(test_an_match_gaps_classes_stems),
        cmocka_unit_test(test_an_match_reports_syntax_errors),
        cmocka_unit_test(test_an_match_hostile_text),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
