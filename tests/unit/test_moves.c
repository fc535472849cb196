/* test_moves.c: the one table of move tags (game/turn/moves.h): every tag has the words
 * players read for it, none of them a tag or a term of the method; a reason ends with those
 * words and the points it counts; the groups put each tag where the rules of play look for
 * it; and only the bonuses of the partner's word may be set by a scenario. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "game/turn/moves.h"

static void test_moves_every_tag_has_plain_words(void **state)
{
    (void)state;
    size_t n;
    const char *const *tags = moves_tags(&n);
    assert_true(n >= 27);
    static const char *const jargon[] = {"_", "PREP", "Gottman", "Imago", "startup ", "horsemen"};
    for (size_t i = 0; i < n; i++) {
        const char *words = moves_name(tags[i]);
        assert_string_not_equal(words, tags[i]);
        for (size_t j = 0; j < sizeof jargon / sizeof jargon[0]; j++)
            if (strstr(words, jargon[j]))
                fail_msg("the words for %s, '%s', hold '%s'", tags[i], words, jargon[j]);
        assert_int_not_equal(moves_group(tags[i]), MOVE_UNKNOWN);
    }
    assert_string_equal(moves_name("reflection"), "said it back");
    assert_string_equal(moves_name("feeling"), "named the feeling");
    assert_string_equal(moves_name("question_open"), "asked to hear more");
    assert_string_equal(moves_name("counter_complaint"), "toaster — your own complaint");
    assert_string_equal(moves_name("no_such_tag"), "no_such_tag");
    assert_int_equal(moves_group("no_such_tag"), MOVE_UNKNOWN);
}

static void test_moves_reasons_end_in_the_words_and_points(void **state)
{
    (void)state;
    char buf[128];
    assert_string_equal(moves_reason_ending("reflection", 3, buf, sizeof buf),
                        " → said it back +3");
    assert_string_equal(moves_reason_ending("counter_complaint", -4, buf, sizeof buf),
                        " → toaster — your own complaint −4");
    MoveList ml = {.count = 1};
    snprintf(ml.items[0].tag, sizeof ml.items[0].tag, "feeling");
    ml.items[0].points = 2;
    snprintf(ml.items[0].reason, sizeof ml.items[0].reason, "'fed up' → feeling +1");
    moves_restate(&ml);
    assert_string_equal(ml.items[0].reason, "'fed up' → named the feeling +2");
    assert_int_equal(ml.total, 2);
}

static void test_moves_groups_and_what_a_scenario_may_set(void **state)
{
    (void)state;
    assert_int_equal(moves_group("reflection"), MOVE_LISTENING);
    assert_int_equal(moves_group("team"), MOVE_LISTENING);
    assert_int_equal(moves_group("counter_complaint"), MOVE_HURTING);
    assert_int_equal(moves_group("stonewalling"), MOVE_HURTING);
    assert_int_equal(moves_group("soft_startup"), MOVE_SPEAKING);
    assert_int_equal(moves_group(MOVE_FELT_HEARD), MOVE_SCORING);
    assert_int_equal(moves_group(MOVE_REPAIR), MOVE_SCORING);
    assert_true(moves_points_settable("reflection"));
    assert_true(moves_points_settable(MOVE_FELT_HEARD));
    assert_true(moves_points_settable(MOVE_REPAIR));
    assert_false(moves_points_settable(MOVE_HEARD_PARTLY));
    assert_false(moves_points_settable(MOVE_NOT_HEARD_YET));
    assert_false(moves_points_settable(MOVE_TOASTER_CANCELS));
    assert_false(moves_points_settable("no_such_tag"));
    /* the tags of the partner's word come after every move, so lists keep their order */
    assert_true(moves_tag_rank(MOVE_FELT_HEARD) > moves_tag_rank("request"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_moves_every_tag_has_plain_words),
        cmocka_unit_test(test_moves_reasons_end_in_the_words_and_points),
        cmocka_unit_test(test_moves_groups_and_what_a_scenario_may_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
