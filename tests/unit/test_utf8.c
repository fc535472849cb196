/* test_utf8.c: decoding reports why bytes are not UTF-8, repair never leaves them broken,
 * stepping and counting agree, and the word and control classes match what a player sees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "engine/core/rng.h"
#include "engine/core/utf8.h"

static int decode(const char *s, size_t len, uint32_t *cp, size_t *used)
{
    return utf8_decode(s, len, cp, used);
}

static void test_utf8_decodes_every_length(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        uint32_t cp;
    } cases[] = {{"A", 0x41},
                 {"\xC3\xA9", 0xE9},       /* é */
                 {"\xE4\xB8\xAD", 0x4E2D}, /* 中 */
                 {"\xF0\x9F\x98\x80", 0x1F600},
                 {"\xF4\x8F\xBF\xBF", 0x10FFFF},
                 {"\xEF\xBF\xBF", 0xFFFF},
                 {"\xC2\x80", 0x80}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t cp = 0;
        size_t used = 0;
        size_t len = strlen(cases[i].s);
        assert_int_equal(decode(cases[i].s, len, &cp, &used), 0);
        assert_int_equal(cp, cases[i].cp);
        assert_int_equal(used, len);
    }
    uint32_t cp;
    size_t used;
    assert_int_equal(decode("", 1, &cp, &used), 0); /* the NUL byte is U+0000 */
    assert_int_equal(cp, 0);
}

static void test_utf8_decode_names_each_error(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t len;
        int err;
        size_t used;
    } cases[] = {
        {"\x80", 1, UTF8_ERR_CONTINUATION, 1},             /* lone continuation */
        {"\xBF\x41", 2, UTF8_ERR_CONTINUATION, 1},         /* lone continuation */
        {"\xC0\xAF", 2, UTF8_ERR_OVERLONG, 1},             /* '/' in two bytes */
        {"\xC1\xBF", 2, UTF8_ERR_OVERLONG, 1},             /* overlong */
        {"\xE0\x80\xAF", 3, UTF8_ERR_OVERLONG, 1},         /* '/' in three bytes */
        {"\xF0\x80\x80\xAF", 4, UTF8_ERR_OVERLONG, 1},     /* '/' in four bytes */
        {"\xED\xA0\x80", 3, UTF8_ERR_SURROGATE, 1},        /* U+D800 */
        {"\xED\xBF\xBF", 3, UTF8_ERR_SURROGATE, 1},        /* U+DFFF */
        {"\xF4\x90\x80\x80", 4, UTF8_ERR_TOO_BIG, 1},      /* U+110000 */
        {"\xF5\x80\x80\x80", 4, UTF8_ERR_TOO_BIG, 1},      /* lead byte beyond U+10FFFF */
        {"\xFF", 1, UTF8_ERR_BAD_BYTE, 1},                 /* never in UTF-8 */
        {"\xF8\x88\x80\x80\x80", 5, UTF8_ERR_BAD_BYTE, 1}, /* old 5-byte form */
        {"\xE2\x82", 2, UTF8_ERR_TRUNCATED, 2},            /* € cut at the end */
        {"\xF0\x9F\x98", 3, UTF8_ERR_TRUNCATED, 3},        /* emoji cut at the end */
        {"\xC3", 1, UTF8_ERR_TRUNCATED, 1},                /* é cut at the end */
        {"\xE2\x82\x41", 3, UTF8_ERR_INCOMPLETE, 2},       /* € interrupted by 'A' */
        {"\xC3\x41", 2, UTF8_ERR_INCOMPLETE, 1},           /* é interrupted by 'A' */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t cp = 0;
        size_t used = 99;
        assert_int_equal(decode(cases[i].s, cases[i].len, &cp, &used), cases[i].err);
        assert_int_equal(used, cases[i].used);
        assert_int_equal(cp, UTF8_REPLACEMENT);
    }
    size_t used = 99;
    assert_int_equal(decode("", 0, NULL, &used), UTF8_ERR_TRUNCATED);
    assert_int_equal(used, 0);
}

static void test_utf8_validate_finds_first_error(void **state)
{
    (void)state;
    const char *good = "Caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80";
    assert_int_equal(utf8_validate(good, strlen(good)), strlen(good));
    assert_int_equal(utf8_validate("", 0), 0);
    assert_int_equal(utf8_validate("ab\x80"
                                   "cd",
                                   5),
                     2);
    assert_int_equal(utf8_validate("abc\xE2\x82", 5), 3);
    assert_int_equal(utf8_validate("\xC3\xA9\xED\xA0\x80", 5), 2);
}

/* Repairs IN and checks the result is EXPECT with N replacements, and valid. */
static void check_repair(const char *in, size_t len, const char *expect, size_t n)
{
    char *out = malloc(UTF8_REPAIR_BOUND(len));
    assert_non_null(out);
    size_t replaced = 99;
    size_t out_len = utf8_repair(in, len, out, &replaced);
    assert_int_equal(out_len, strlen(expect));
    assert_memory_equal(out, expect, out_len + 1);
    assert_int_equal(replaced, n);
    assert_int_equal(utf8_validate(out, out_len), out_len);
    free(out);
}

#define FFFD "\xEF\xBF\xBD"

static void test_utf8_repair_replaces_maximal_subparts(void **state)
{
    (void)state;
    check_repair("plain \xC3\xA9", 8, "plain \xC3\xA9", 0);
    check_repair("a\x80z", 3, "a" FFFD "z", 1);
    check_repair("\xC0\xAF", 2, FFFD FFFD, 2);
    check_repair("\xE0\x80\xAF", 3, FFFD FFFD FFFD, 3);
    check_repair("x\xED\xA0\x80y", 5, "x" FFFD FFFD FFFD "y", 3);
    check_repair("\xF4\x90\x80\x80", 4, FFFD FFFD FFFD FFFD, 4);
    check_repair("end\xE2\x82", 5, "end" FFFD, 1); /* truncated: one U+FFFD */
    check_repair("\xE2\x82"
                 "A",
                 3, FFFD "A", 1); /* the 'A' survives */
    check_repair("\xF0\x9F\x98"
                 "\xF0\x9F\x98\x80",
                 7, FFFD "\xF0\x9F\x98\x80", 1);
    check_repair("", 0, "", 0);
}

static void test_utf8_repair_makes_random_bytes_valid(void **state)
{
    (void)state;
    Rng r;
    rng_seed(&r, 7);
    char in[64];
    char out[UTF8_REPAIR_BOUND(64)];
    for (int round = 0; round < 20000; round++) {
        size_t len = (size_t)rng_range(&r, 0, 64);
        for (size_t i = 0; i < len; i++) /* bias towards the bytes UTF-8 uses */
            in[i] =
                (char)(rng_range(&r, 0, 3) ? rng_range(&r, 0x80, 0xFF) : rng_range(&r, 0, 0x7F));
        size_t replaced;
        size_t n = utf8_repair(in, len, out, &replaced);
        assert_int_equal(utf8_validate(out, n), n);
        assert_int_equal(utf8_count(out, n), utf8_count(in, len));
        if (utf8_validate(in, len) == len) {
            assert_int_equal(replaced, 0);
            assert_memory_equal(in, out, len);
        } else {
            assert_true(replaced > 0);
        }
    }
}

static void test_utf8_next_prev_walk_code_points(void **state)
{
    (void)state;
    /* a, é, e + combining acute, 中, 😀, ZWJ family (man ZWJ woman) */
    const char *s = "a\xC3\xA9"
                    "e\xCC\x81\xE4\xB8\xAD\xF0\x9F\x98\x80"
                    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9";
    const size_t bounds[] = {0, 1, 3, 4, 6, 9, 13, 17, 20, 24};
    size_t len = strlen(s);
    size_t nb = sizeof bounds / sizeof bounds[0];
    assert_int_equal(len, bounds[nb - 1]);
    for (size_t k = 0; k + 1 < nb; k++) {
        assert_int_equal(utf8_next(s, len, bounds[k]), bounds[k + 1]);
        assert_int_equal(utf8_prev(s, bounds[k + 1]), bounds[k]);
    }
    assert_int_equal(utf8_next(s, len, len), len);
    assert_int_equal(utf8_prev(s, 0), 0);
    assert_int_equal(utf8_count(s, len), nb - 1);
    assert_int_equal(utf8_count("", 0), 0);
    /* Inside bad bytes each subpart is one step. */
    assert_int_equal(utf8_count("\x80\x80"
                                "a",
                                3),
                     3);
    assert_int_equal(utf8_prev("a\x80\x80", 3), 2);
}

static void test_utf8_encode_round_trips_every_code_point(void **state)
{
    (void)state;
    char buf[4];
    for (uint32_t cp = 0; cp <= UTF8_MAX_CODE_POINT; cp++) {
        size_t n = utf8_encode(cp, buf);
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            assert_int_equal(n, 0);
            continue;
        }
        assert_int_equal(n, cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
        uint32_t back;
        size_t used;
        assert_int_equal(utf8_decode(buf, n, &back, &used), 0);
        assert_int_equal(back, cp);
        assert_int_equal(used, n);
    }
    assert_int_equal(utf8_encode(0x110000, buf), 0);
    assert_int_equal(utf8_encode(0xFFFFFFFF, buf), 0);
}

static void test_utf8_word_class(void **state)
{
    (void)state;
    const uint32_t words[] = {'a',
                              'Z',
                              '7',
                              '_',
                              0xE9 /* é */,
                              0xDF /* ß */,
                              0x416 /* Ж */,
                              0x4E2D /* 中 */,
                              0x3042 /* あ */,
                              0x663 /* Arabic 3 */,
                              0x301 /* combining acute */,
                              0x1F600 /* 😀 */,
                              0x200D /* ZWJ */,
                              0xFE0F,
                              0xAA /* ª */,
                              0xB2 /* ² */};
    const uint32_t others[] = {' ',
                               ',',
                               '.',
                               '!',
                               '?',
                               '\'',
                               '"',
                               '-',
                               '(',
                               '$',
                               '\t',
                               0xA0 /* NBSP */,
                               0xBF /* ¿ */,
                               0xAB /* « */,
                               0x2014 /* — */,
                               0x2019 /* ’ */,
                               0x2026 /* … */,
                               0x3000 /* ideographic space */,
                               0x3001 /* 、 */,
                               0x3002 /* 。 */,
                               0xFF01 /* ！ */,
                               0x20AC /* € */,
                               0x2192 /* → */,
                               0xFEFF,
                               0x85};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_true(utf8_is_word(words[i]));
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        assert_false(utf8_is_word(others[i]));
}

static void check_strip(const char *in, const char *expect)
{
    char buf[64];
    size_t len = strlen(in);
    memcpy(buf, in, len + 1);
    size_t n = utf8_strip_controls(buf, len);
    assert_int_equal(n, strlen(expect));
    assert_string_equal(buf, expect);
}

static void test_utf8_controls_become_spaces_or_go(void **state)
{
    (void)state;
    check_strip("a\tb", "a b");
    check_strip("one\ntwo", "one two");
    check_strip("one\r\ntwo", "one two"); /* CR LF is one line break */
    check_strip("one\rtwo", "one two");
    check_strip("one\n\ntwo", "one  two"); /* each line break is a space */
    check_strip("one\r\n\r\ntwo", "one  two");
    check_strip("a\x01\x1b[0mb\x7f", "a[0mb"); /* an escape sequence loses its ESC */
    check_strip("a\xC2\x85"
                "b",
                "a b"); /* NEL */
    check_strip("a\xC2\x80\xC2\x9F"
                "b",
                "ab"); /* C1 controls */
    check_strip("a\xE2\x80\xA8"
                "b\xE2\x80\xA9"
                "c",
                "a b c");
    check_strip("caf\xC3\xA9 \xE4\xB8\xAD", "caf\xC3\xA9 \xE4\xB8\xAD");
    check_strip("bad\x80\n", "bad\x80 "); /* bad bytes are left for repair */
    assert_int_equal(utf8_control_action('\n', '\r'), UTF8_DROP);
    assert_int_equal(utf8_control_action('\n', 'x'), UTF8_TO_SPACE);
    assert_int_equal(utf8_control_action(0xE9, 0), UTF8_KEEP);
}

/* Cutting text to fit never splits a character. */
static void test_utf8_floor_and_copy_cut_on_a_character(void **state)
{
    (void)state;
    const char *s = "a\xC3\xA9\xE4\xB8\xAD"; /* a é 中: boundaries 0 1 3 6 */
    size_t n = strlen(s);
    assert_int_equal(utf8_floor(s, n, 0), 0);
    assert_int_equal(utf8_floor(s, n, 2), 1);
    assert_int_equal(utf8_floor(s, n, 3), 3);
    assert_int_equal(utf8_floor(s, n, 5), 3);
    assert_int_equal(utf8_floor(s, n, 6), 6); /* the end is a boundary */
    char out[8];
    assert_int_equal(utf8_copy(out, 3, s), 1); /* "aé" needs 3 bytes and a NUL */
    assert_string_equal(out, "a");
    assert_int_equal(utf8_copy(out, 6, s), 3);
    assert_string_equal(out, "a\xC3\xA9");
    assert_int_equal(utf8_copy(out, sizeof out, s), n);
    assert_string_equal(out, s);
    assert_int_equal(utf8_copy(out, 1, s), 0);
    assert_string_equal(out, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_decodes_every_length),
        cmocka_unit_test(test_utf8_decode_names_each_error),
        cmocka_unit_test(test_utf8_validate_finds_first_error),
        cmocka_unit_test(test_utf8_repair_replaces_maximal_subparts),
        cmocka_unit_test(test_utf8_repair_makes_random_bytes_valid),
        cmocka_unit_test(test_utf8_next_prev_walk_code_points),
        cmocka_unit_test(test_utf8_encode_round_trips_every_code_point),
        cmocka_unit_test(test_utf8_word_class),
        cmocka_unit_test(test_utf8_controls_become_spaces_or_go),
        cmocka_unit_test(test_utf8_floor_and_copy_cut_on_a_character),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
