/* test_events.c: the one input queue keeps order through growth, and key names round-trip
 * (they are what input files and session files say). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "engine/core/events.h"

static void test_events_queue_keeps_order_through_growth(void **state)
{
    (void)state;
    EventQueue *q = events_create();
    assert_non_null(q);
    Event e = {.kind = EV_KEY};
    for (int i = 0; i < 10; i++) { /* wrap the ring before it grows */
        e.ms = (uint32_t)i;
        assert_int_equal(events_push(q, &e), 0);
    }
    Event out;
    for (int i = 0; i < 5; i++)
        assert_true(events_pop(q, &out));
    for (int i = 10; i < 500; i++) {
        e.ms = (uint32_t)i;
        assert_int_equal(events_push(q, &e), 0);
    }
    assert_int_equal(events_count(q), 495);
    for (uint32_t i = 5; i < 500; i++) {
        assert_true(events_pop(q, &out));
        assert_int_equal(out.ms, i);
    }
    assert_false(events_pop(q, &out));
    events_destroy(q);
    events_destroy(NULL);
}

static void test_events_key_names_round_trip(void **state)
{
    (void)state;
    for (int k = '!'; k < 127; k++) {
        const char *name = events_key_name(k);
        int back = events_key_from_name(name);
        int expect = (k >= 'A' && k <= 'Z') ? k - 'A' + 'a' : k; /* keys are lower case */
        assert_int_equal(back, expect);
    }
    for (int k = KEY_RETURN; k < KEY_UNKNOWN; k++)
        assert_int_equal(events_key_from_name(events_key_name(k)), k);
    assert_string_equal(events_key_name(' '), "Space");
    assert_string_equal(events_key_name(KEY_F9), "F9");
    assert_int_equal(events_key_from_name("Enter"), KEY_RETURN);
    assert_int_equal(events_key_from_name("space"), ' '); /* named keys in any case */
    assert_int_equal(events_key_from_name("escape"), KEY_ESCAPE);
    assert_int_equal(events_key_from_name("A"), 'a');
    assert_int_equal(events_key_from_name("NoSuchKey"), KEY_UNKNOWN);
    assert_int_equal(events_key_from_name(""), KEY_UNKNOWN);
    assert_string_equal(events_key_name(0x7fffffff), "Unknown");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_events_queue_keeps_order_through_growth),
        cmocka_unit_test(test_events_key_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
