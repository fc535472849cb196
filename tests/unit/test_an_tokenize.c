/* test_an_tokenize.c: the tokenizer on ordinary, odd and hostile text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"
#include "game/analysis/an_tokenize.h"

static AnTokens *tok(const char *s)
{
    AnTokens *t = an_tokens_create();
    assert_non_null(t);
    assert_int_equal(an_tokenize(t, s, strlen(s)), 0);
    return t;
}

/* Joins the folded tokens with spaces. */
static void joined(const AnTokens *t, char *out, size_t cap)
{
    out[0] = '\0';
    for (int i = 0; i < t->count; i++) {
        strncat(out, i ? " " : "", cap - strlen(out) - 1);
        strncat(out, an_token_text(t, i), cap - strlen(out) - 1);
    }
}

static void test_an_tokenize_contractions_expand(void **state)
{
    (void)state;
    char buf[256];
    AnTokens *t = tok("I'm sure it doesn't matter, you're right; I can't and won't.");
    joined(t, buf, sizeof buf);
    assert_string_equal(buf,
                        "i am sure it does not matter , you are right ; i can not and will not .");
    an_tokens_destroy(t);
    t = tok("Dont worry, im FINE. Let's go. It’s Mom’s car");
    joined(t, buf, sizeof buf);
    assert_string_equal(buf, "do not worry , i am fine . let us go . it is mom car");
    an_tokens_destroy(t);
}

static void test_an_tokenize_sentences_and_questions(void **state)
{
    (void)state;
    AnTokens *t = tok("Really?! Yes. and then");
    assert_int_equal(t->sentences, 3);
    assert_int_equal(t->items[1].kind, AN_TOK_SENT_END);
    assert_string_equal(an_token_text(t, 1), "?");
    assert_int_equal(t->items[4].sentence, 2);
    an_tokens_destroy(t);
}

static void test_an_tokenize_empty_and_punctuation_only(void **state)
{
    (void)state;
    AnTokens *t = tok("");
    assert_int_equal(t->count, 0);
    assert_int_equal(t->sentences, 0);
    assert_int_equal(an_tokenize(t, "?!... ,,, ---", 13), 0);
    for (int i = 0; i < t->count; i++)
        assert_true(t->items[i].kind == AN_TOK_SENT_END || t->items[i].kind == AN_TOK_PUNCT);
    assert_true(t->count > 0);
    an_tokens_destroy(t);
}

static void test_an_tokenize_emoji_and_other_scripts_pass_through(void **state)
{
    (void)state;
    AnTokens *t = tok("ok 😀👍 你好 café");
    assert_int_equal(t->count, 4);
    assert_string_equal(an_token_text(t, 1), "😀👍");
    assert_int_equal(t->items[1].kind, AN_TOK_OTHER);
    assert_string_equal(an_token_text(t, 2), "你好");
    assert_string_equal(an_token_text(t, 3), "café");
    an_tokens_destroy(t);
    t = tok("CAFÉ");
    assert_string_equal(an_token_text(t, 0), "café");
    an_tokens_destroy(t);
}

/* Case folding and word characters come from the Unicode tables (utf8proc), not a Latin-only
 * range: Greek, Cyrillic and German fold as a reader expects, and their punctuation splits. */
static void test_an_tokenize_folds_every_script(void **state)
{
    (void)state;
    AnTokens *t = tok("ΣΊΣΥΦΟΣ «Привет», Straße — ＷＯＷ İstanbul’s");
    assert_int_equal(t->count, 9); /* the possessive 's is dropped */
    assert_string_equal(an_token_text(t, 0), "σίσυφοσ");
    assert_int_equal(t->items[1].kind, AN_TOK_PUNCT); /* « */
    assert_string_equal(an_token_text(t, 2), "привет");
    assert_string_equal(an_token_text(t, 5), "strasse");
    assert_int_equal(t->items[6].kind, AN_TOK_PUNCT); /* — */
    assert_string_equal(an_token_text(t, 7), "wow");
    assert_int_equal(t->items[8].kind, AN_TOK_WORD);
    an_tokens_destroy(t);
    t = tok("I’M SURE");
    assert_int_equal(t->count, 3);
    assert_string_equal(an_token_text(t, 0), "i");
    assert_string_equal(an_token_text(t, 1), "am");
    an_tokens_destroy(t);
}

static void test_an_tokenize_invalid_utf8_becomes_replacement(void **state)
{
    (void)state;
    const char bad[] = "ok \xff\xfe\xc3 no\xe2\x82";
    AnTokens *t = an_tokens_create();
    assert_int_equal(an_tokenize(t, bad, sizeof bad - 1), 0);
    /* the cleaned copy is valid UTF-8 and every span stays inside it */
    assert_int_equal(utf8_validate(t->clean, t->clean_len), t->clean_len);
    for (int i = 0; i < t->count; i++)
        assert_true(t->items[i].end <= t->clean_len);
    assert_string_equal(an_token_text(t, 0), "ok");
    an_tokens_destroy(t);
}

static void test_an_tokenize_100kb(void **state)
{
    (void)state;
    size_t n = 100 * 1024;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        s[i] = "I'm fine. 😀 "[i % 15];
    s[n] = '\0';
    AnTokens *t = an_tokens_create();
    assert_int_equal(an_tokenize(t, s, n), 0);
    assert_true(t->count > 20000);
    assert_true(t->sentences > 5000);
    an_tokens_destroy(t);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_tokenize_contractions_expand),
        cmocka_unit_test(test_an_tokenize_sentences_and_questions),
        cmocka_unit_test(test_an_tokenize_empty_and_punctuation_only),
        cmocka_unit_test(test_an_tokenize_emoji_and_other_scripts_pass_through),
        cmocka_unit_test(test_an_tokenize_folds_every_script),
        cmocka_unit_test(test_an_tokenize_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_an_tokenize_100kb),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
