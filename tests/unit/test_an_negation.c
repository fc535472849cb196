/* test_an_negation.c: negation scope over clauses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "game/analysis/an_negation.h"

/* Returns a string of 0/1 per token: 1 when negated. */
static void scopes(const char *text, char *out)
{
    AnTokens *t = an_tokens_create();
    an_tokenize(t, text, strlen(text));
    AnTokenInfo *info = calloc((size_t)t->count + 1, sizeof *info);
    an_negation_mark(t, info);
    for (int i = 0; i < t->count; i++)
        out[i] = info[i].negated ? '1' : '0';
    out[t->count] = '\0';
    free(info);
    an_tokens_destroy(t);
}

static void test_an_negation_scope_runs_to_clause_end(void **state)
{
    (void)state;
    char s[256];
    /* i do not think you are overreacting . it is */
    scopes("I don't think you're overreacting. It is", s);
    assert_string_equal(s, "0001111000");
    /* not true , but i hear you */
    scopes("Not true, but I hear you", s);
    assert_string_equal(s, "0100000");
    /* never again */
    scopes("never again", s);
    assert_string_equal(s, "01");
}

static void test_an_negation_affirming_phrases(void **state)
{
    (void)state;
    char s[256];
    scopes("No wonder you're upset", s);
    assert_string_equal(s, "00000");
    scopes("not only that", s);
    assert_string_equal(s, "000");
}

static void test_an_negation_edge_texts(void **state)
{
    (void)state;
    char s[8192];
    scopes("", s);
    assert_string_equal(s, "");
    scopes("?!", s);
    assert_string_equal(s, "0");
    scopes("not \xff 😀 sad", s);
    assert_string_equal(s, "0111");
    assert_true(an_is_negator("never"));
    assert_false(an_is_negator("now"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_negation_scope_runs_to_clause_end),
        cmocka_unit_test(test_an_negation_affirming_phrases),
        cmocka_unit_test(test_an_negation_edge_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
