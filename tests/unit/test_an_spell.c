/* test_an_spell.c: words read as people type them, through hunspell's real dictionaries:
 * British and American spellings and common typos read as one word, names and slang stand,
 * and without dictionaries every word stands. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "game/analysis/an_spell.h"

static void reads_as(AnSpeller *sp, const char *typed, const char *want)
{
    const char *got = an_speller_fix(sp, typed);
    if (!want && got)
        fail_msg("'%s' should stand, was read as '%s'", typed, got);
    if (want && (!got || strcmp(got, want) != 0))
        fail_msg("'%s' should read as '%s', got '%s'", typed, want, got ? got : "(stands)");
}

static void test_an_spell_british_and_american_read_the_same(void **state)
{
    (void)state;
    AnSpeller *sp = an_speller_create(NULL);
    if (!an_speller_ready(sp))
        fail_msg("no hunspell dictionaries in /usr/share/hunspell: run tools/install-deps.sh");
    reads_as(sp, "realise", "realize");
    reads_as(sp, "colour", "color");
    reads_as(sp, "travelling", "traveling");
    reads_as(sp, "apologised", "apologized");
    reads_as(sp, "realize", NULL);
    reads_as(sp, "color", NULL);
    an_speller_destroy(sp);
}

static void test_an_spell_typos_read_as_the_word(void **state)
{
    (void)state;
    AnSpeller *sp = an_speller_create(NULL);
    if (!an_speller_ready(sp))
        fail_msg("no hunspell dictionaries in /usr/share/hunspell: run tools/install-deps.sh");
    reads_as(sp, "becuase", "because");
    reads_as(sp, "vaccuum", "vacuum");
    reads_as(sp, "recieve", "receive");
    reads_as(sp, "definately", "definitely");
    /* a second time comes from the memo, and says the same */
    reads_as(sp, "becuase", "because");
    an_speller_destroy(sp);
}

static void test_an_spell_names_slang_and_short_words_stand(void **state)
{
    (void)state;
    AnSpeller *sp = an_speller_create(NULL);
    if (!an_speller_ready(sp))
        fail_msg("no hunspell dictionaries in /usr/share/hunspell: run tools/install-deps.sh");
    reads_as(sp, "monday", NULL); /* a name typed in lower case */
    reads_as(sp, "kayla", NULL);
    reads_as(sp, "hella", NULL); /* not close enough to one word */
    reads_as(sp, "mum", NULL);   /* a word in both: a different word, not a spelling */
    reads_as(sp, "teh", NULL);   /* too short to guess */
    reads_as(sp, "café", NULL);  /* not plain letters */
    reads_as(sp, "", NULL);
    an_speller_destroy(sp);
}

static void test_an_spell_tokens_and_missing_dictionaries(void **state)
{
    (void)state;
    AnSpeller *sp = an_speller_create(NULL);
    AnTokens *t = an_tokens_create();
    const char *text = "I dont realise becuase";
    assert_int_equal(an_tokenize(t, text, strlen(text)), 0);
    assert_int_equal(an_speller_fix_tokens(sp, t), 2);
    assert_string_equal(an_token_text(t, 3), "realize");
    assert_string_equal(an_token_text(t, 4), "because");
    /* the span still quotes what was typed */
    assert_memory_equal(t->clean + t->items[4].start, "becuase", 7);
    an_speller_destroy(sp);
    sp = an_speller_create("/nonexistent/dictionaries");
    assert_false(an_speller_ready(sp));
    assert_null(an_speller_fix(sp, "becuase"));
    assert_int_equal(an_speller_fix_tokens(sp, t), 0);
    an_speller_destroy(sp);
    assert_int_equal(an_speller_fix_tokens(NULL, t), 0);
    an_tokens_destroy(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_spell_british_and_american_read_the_same),
        cmocka_unit_test(test_an_spell_typos_read_as_the_word),
        cmocka_unit_test(test_an_spell_names_slang_and_short_words_stand),
        cmocka_unit_test(test_an_spell_tokens_and_missing_dictionaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
