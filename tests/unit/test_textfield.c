/* test_textfield.c: the text field driven by the same Events the game feeds it: typing in
 * several scripts, broken bytes, big pastes in 31-byte chunks against the cap, word moves,
 * selection, clipboard flags and IME composition. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/events.h"
#include "engine/core/textfield.h"
#include "engine/core/utf8.h"

#define E_ACUTE "\xC3\xA9"         /* é as one code point */
#define COMBINING_ACUTE "\xCC\x81" /* U+0301 */
#define ZHONG "\xE4\xB8\xAD"       /* 中 */
#define WEN "\xE6\x96\x87"         /* 文 */
#define GRIN "\xF0\x9F\x98\x80"    /* 😀 */
#define ZWJ "\xE2\x80\x8D"
#define MAN "\xF0\x9F\x91\xA8"
#define WOMAN "\xF0\x9F\x91\xA9"
#define FFFD "\xEF\xBF\xBD"

/* ---- helpers: events as the SDL layer makes them ------------------------------------- */

static int key(TextField *tf, int k, unsigned mods)
{
    Event e = {.kind = EV_KEY, .key = k, .mods = mods};
    return tf_handle_event(tf, &e);
}

/* One EV_TEXT event with up to 31 raw bytes. */
static int text_bytes(TextField *tf, const char *s, size_t len)
{
    Event e = {.kind = EV_TEXT};
    assert_true(len < EVENT_TEXT_MAX);
    memcpy(e.text, s, len);
    return tf_handle_event(tf, &e);
}

static int text(TextField *tf, const char *s)
{
    return text_bytes(tf, s, strlen(s));
}

/* Typing: a key event, then its text, as SDL sends them; one EV_TEXT per code point. */
static void type(TextField *tf, const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t next = utf8_next(s, len, i);
        key(tf, 'a', 0);
        text_bytes(tf, s + i, next - i);
        i = next;
    }
}

static int edit(TextField *tf, const char *s, int start)
{
    Event e = {.kind = EV_EDIT, .edit_start = start};
    snprintf(e.text, sizeof e.text, "%s", s);
    return tf_handle_event(tf, &e);
}

/* A paste: Ctrl+V, then the clipboard in chunks of at most 31 bytes, cut on code-point
 * boundaries when the bytes are valid (RAW cuts every 31 bytes regardless). */
static void paste(TextField *tf, const char *s, size_t len, int raw)
{
    key(tf, 'v', MOD_CTRL);
    int whole = !raw && utf8_validate(s, len) == len;
    size_t i = 0;
    while (i < len) {
        size_t end = i + 31 < len ? i + 31 : len;
        if (whole)
            while (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
                end--;
        text_bytes(tf, s + i, end - i);
        i = end;
    }
}

static int is_valid(const TextField *tf)
{
    return utf8_validate(tf_text(tf), tf_length(tf)) == tf_length(tf) &&
           strlen(tf_text(tf)) == tf_length(tf);
}

static int setup(void **state)
{
    *state = tf_create(2000);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    tf_destroy(*state);
    return 0;
}

/* ---- typing and deleting ------------------------------------------------------------- */

static void test_textfield_create_limits(void **state)
{
    (void)state;
    assert_null(tf_create(0));
    tf_destroy(NULL);
    TextField *tf = tf_create(1);
    assert_non_null(tf);
    assert_string_equal(tf_text(tf), "");
    assert_string_equal(tf_message(tf), "");
    assert_string_equal(tf_composition(tf), "");
    assert_string_equal(tf_clip_text(tf), "");
    assert_int_equal(tf_max_bytes(tf), 1);
    tf_destroy(tf);
}

static void test_textfield_types_ascii(void **state)
{
    TextField *tf = *state;
    assert_int_equal(text(tf, "H"), TF_CHANGED | TF_MOVED);
    type(tf, "ello");
    assert_string_equal(tf_text(tf), "Hello");
    assert_int_equal(tf_length(tf), 5);
    assert_int_equal(tf_caret(tf), 5);
    key(tf, KEY_LEFT, 0);
    key(tf, KEY_LEFT, 0);
    type(tf, "X");
    assert_string_equal(tf_text(tf), "HelXlo");
    assert_int_equal(key(tf, KEY_BACKSPACE, 0), TF_CHANGED | TF_MOVED);
    assert_int_equal(key(tf, KEY_DELETE, 0), TF_CHANGED); /* the caret stays */
    assert_string_equal(tf_text(tf), "Helo");
    assert_int_equal(tf_caret(tf), 3);
    assert_int_equal(key(tf, KEY_RETURN, 0), TF_SUBMIT);
    assert_string_equal(tf_text(tf), "Helo");
}

static void test_textfield_empty_edits_do_nothing(void **state)
{
    TextField *tf = *state;
    assert_int_equal(key(tf, KEY_BACKSPACE, 0), 0);
    assert_int_equal(key(tf, KEY_DELETE, 0), 0);
    assert_int_equal(key(tf, KEY_BACKSPACE, MOD_CTRL), 0);
    assert_int_equal(key(tf, KEY_LEFT, MOD_CTRL), 0);
    assert_int_equal(key(tf, KEY_RIGHT, 0), 0);
    assert_int_equal(key(tf, 'a', MOD_CTRL), 0);
    assert_int_equal(key(tf, 'x', MOD_CTRL), 0);
    assert_int_equal(key(tf, 'c', MOD_CTRL), 0);
    assert_int_equal(text(tf, ""), 0);
    type(tf, "ab");
    assert_int_equal(key(tf, KEY_DELETE, 0), 0); /* at the end */
    key(tf, KEY_HOME, 0);
    assert_int_equal(key(tf, KEY_BACKSPACE, 0), 0); /* at the start */
    assert_string_equal(tf_text(tf), "ab");
}

static void test_textfield_accented_letters(void **state)
{
    TextField *tf = *state;
    type(tf, "caf" E_ACUTE);
    assert_int_equal(tf_length(tf), 5);
    key(tf, KEY_LEFT, 0);
    assert_int_equal(tf_caret(tf), 3); /* before é, not inside it */
    key(tf, KEY_RIGHT, 0);
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_text(tf), "caf");
    /* e + combining accent is two code points: Backspace takes the accent first. */
    type(tf, "e" COMBINING_ACUTE);
    assert_int_equal(tf_length(tf), 6);
    key(tf, KEY_LEFT, 0);
    assert_int_equal(tf_caret(tf), 4);
    key(tf, KEY_RIGHT, 0);
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_text(tf), "cafe");
    /* but a word move keeps it with its letter */
    type(tf, COMBINING_ACUTE " noir");
    key(tf, KEY_LEFT, MOD_CTRL);
    key(tf, KEY_LEFT, MOD_CTRL);
    assert_int_equal(tf_caret(tf), 0);
    key(tf, KEY_RIGHT, MOD_CTRL);
    assert_int_equal(tf_caret(tf), 6);
}

static void test_textfield_cjk_and_emoji(void **state)
{
    TextField *tf = *state;
    text(tf, ZHONG WEN GRIN);
    assert_int_equal(tf_length(tf), 10);
    key(tf, KEY_LEFT, 0);
    assert_int_equal(tf_caret(tf), 6);
    key(tf, KEY_LEFT, 0);
    assert_int_equal(tf_caret(tf), 3);
    key(tf, KEY_DELETE, 0);
    assert_string_equal(tf_text(tf), ZHONG GRIN);
    key(tf, KEY_END, 0);
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_text(tf), ZHONG);
    /* A ZWJ family goes one code point per Backspace (documented), never leaving a
     * broken sequence. */
    text(tf, MAN ZWJ WOMAN);
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_text(tf), ZHONG MAN ZWJ);
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_text(tf), ZHONG MAN);
    assert_true(is_valid(tf));
    /* Ctrl+Backspace takes the whole family as one word. */
    text(tf, " " MAN ZWJ WOMAN);
    key(tf, KEY_BACKSPACE, MOD_CTRL);
    assert_string_equal(tf_text(tf), ZHONG MAN " ");
}

/* ---- broken bytes and control characters --------------------------------------------- */

static void test_textfield_repairs_invalid_utf8(void **state)
{
    TextField *tf = *state;
    static const struct {
        const char *bytes, *stored;
    } cases[] = {
        {"a\x80"
         "b",
         "a" FFFD "b"},                   /* lone continuation */
        {"\xC0\xAF", FFFD FFFD},          /* overlong '/' */
        {"\xE0\x80\xAF", FFFD FFFD FFFD}, /* overlong '/' */
        {"\xED\xA0\x80", FFFD FFFD FFFD}, /* surrogate U+D800 */
        {"ok\xE2\x82", "ok" FFFD},        /* truncated at the end */
        {"\xF0\x9F\x98", FFFD},           /* truncated emoji */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tf_clear(tf);
        key(tf, 'v', MOD_CTRL);
        assert_int_equal(text(tf, cases[i].bytes), TF_CHANGED | TF_MOVED);
        assert_string_equal(tf_text(tf), cases[i].stored);
        assert_true(is_valid(tf));
        assert_non_null(strstr(tf_message(tf), "not valid text and were replaced"));
    }
    /* The message clears on the next edit. */
    assert_int_equal(key(tf, KEY_BACKSPACE, 0), TF_CHANGED | TF_MOVED);
    assert_string_equal(tf_message(tf), "");
}

static void test_textfield_control_characters(void **state)
{
    TextField *tf = *state;
    text(tf, "one\ntwo\tthree\x01\x7f"
             "\r\nfour");
    assert_string_equal(tf_text(tf), "one two three four");
    assert_string_equal(tf_message(tf), "");
    /* A CR LF split between two chunks of one paste is still one space. */
    tf_clear(tf);
    key(tf, 'v', MOD_CTRL);
    text(tf, "line\r");
    text(tf, "\nnext");
    assert_string_equal(tf_text(tf), "line next");
    /* Only controls: nothing happens, not even to a selection. */
    key(tf, 'a', MOD_CTRL);
    assert_int_equal(text(tf, "\x1b"), 0);
    assert_string_equal(tf_text(tf), "line next");
    assert_true(tf_selection(tf, NULL, NULL));
}

/* ---- the cap and big pastes ---------------------------------------------------------- */

/* About 100 KB of mixed-width text: ASCII, é, 中, 😀, so the cap lands mid-sequence. */
static char *make_paste(size_t *len)
{
    const char *unit = "Ok, " E_ACUTE ZHONG GRIN ", "; /* 15 bytes: 2,000 falls in an é */
    size_t ulen = strlen(unit), n = 100 * 1024 / ulen;
    char *s = malloc(n * ulen + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * ulen, unit, ulen);
    s[n * ulen] = '\0';
    *len = n * ulen;
    return s;
}

static void test_textfield_big_paste_stops_at_cap(void **state)
{
    TextField *tf = *state;
    size_t len;
    char *src = make_paste(&len);
    paste(tf, src, len, 0);
    /* The longest whole-code-point prefix of the paste that fits in 2,000 bytes. */
    size_t expect = 0;
    while (utf8_next(src, len, expect) <= 2000)
        expect = utf8_next(src, len, expect);
    assert_true(expect < 2000); /* the cap fell inside a sequence */
    assert_int_equal(tf_length(tf), expect);
    assert_memory_equal(tf_text(tf), src, expect);
    assert_true(is_valid(tf));
    assert_int_equal(tf_caret(tf), expect);
    assert_non_null(strstr(tf_message(tf), "limited to 2,000 bytes"));
    assert_non_null(strstr(tf_message(tf), "this paste was cut at the limit"));
    /* An emoji does not fit in the byte left: refused with a message. Backspace clears it. */
    type(tf, GRIN);
    assert_int_equal(tf_length(tf), expect);
    assert_non_null(strstr(tf_message(tf), "this one is full"));
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_message(tf), "");
    free(src);
}

static void test_textfield_cap_counts_characters_for_ascii(void **state)
{
    (void)state;
    TextField *tf = tf_create(10);
    assert_non_null(tf);
    paste(tf, "abcdefghijklmnop", 16, 0);
    assert_string_equal(tf_text(tf), "abcdefghij");
    assert_string_equal(tf_message(tf),
                        "Replies are limited to 10 characters — this paste was cut at the limit");
    /* Replacing a selection makes room. */
    key(tf, KEY_LEFT, MOD_SHIFT);
    key(tf, KEY_LEFT, MOD_SHIFT);
    type(tf, "Z");
    assert_string_equal(tf_text(tf), "abcdefghZ");
    assert_string_equal(tf_message(tf), "");
    /* An emoji does not fit in the one byte left, and the é after it is not let in. */
    paste(tf, GRIN E_ACUTE, 6, 0);
    assert_string_equal(tf_text(tf), "abcdefghZ");
    /* Nor is a later chunk of the same paste that would fit: no holes in a paste. */
    key(tf, 'v', MOD_CTRL);
    assert_int_equal(text(tf, GRIN), TF_MOVED); /* only the message changes */
    assert_int_equal(text(tf, "3"), 0);
    assert_string_equal(tf_text(tf), "abcdefghZ");
    tf_destroy(tf);
}

static void test_textfield_paste_with_bad_bytes_keeps_message(void **state)
{
    TextField *tf = *state;
    char src[620];
    for (size_t i = 0; i < sizeof src; i++)
        src[i] = (char)('a' + i % 26);
    src[40] = (char)0xC0;  /* overlong lead, early in the paste */
    src[100] = (char)0x80; /* the chunks after these are clean */
    paste(tf, src, sizeof src, 1);
    assert_int_equal(tf_length(tf), sizeof src + 2 * 2); /* two U+FFFD, 2 bytes more each */
    assert_true(is_valid(tf));
    /* Later clean chunks of the same paste do not wipe the message. */
    assert_non_null(strstr(tf_message(tf), "not valid text"));
    /* Bytes split between chunks are each replaced, never stored half. */
    tf_clear(tf);
    key(tf, 'v', MOD_CTRL);
    text(tf, "x\xE4\xB8");
    text(tf, "\xADy");
    assert_string_equal(tf_text(tf), "x" FFFD FFFD "y");
    type(tf, "z");
    assert_string_equal(tf_message(tf), "");
}

static void test_textfield_huge_field_takes_big_paste_whole(void **state)
{
    (void)state;
    TextField *tf = tf_create(4 * 1024 * 1024);
    assert_non_null(tf);
    size_t len;
    char *src = make_paste(&len);
    for (int i = 0; i < 20; i++) /* 2 MB in about 70,000 events */
        paste(tf, src, len, 0);
    assert_int_equal(tf_length(tf), 20 * len);
    assert_memory_equal(tf_text(tf) + 19 * len, src, len);
    assert_string_equal(tf_message(tf), "");
    /* A paste in the middle lands in the middle. */
    key(tf, KEY_HOME, 0);
    paste(tf, "[start]", 7, 0);
    assert_memory_equal(tf_text(tf), "[start]Ok, ", 11);
    assert_true(is_valid(tf));
    free(src);
    tf_destroy(tf);
}

/* ---- words, selection, clipboard ----------------------------------------------------- */

static void test_textfield_word_moves(void **state)
{
    TextField *tf = *state;
    const char *s = "Hello,  world... don't   stop!";
    tf_set_text(tf, s);
    const size_t lefts[] = {25, 17, 8, 0, 0};
    for (size_t i = 0; i < 5; i++) {
        key(tf, KEY_LEFT, MOD_CTRL);
        assert_int_equal(tf_caret(tf), lefts[i]);
    }
    const size_t rights[] = {5, 13, 22, 29, 30, 30};
    for (size_t i = 0; i < 6; i++) {
        key(tf, KEY_RIGHT, MOD_CTRL);
        assert_int_equal(tf_caret(tf), rights[i]);
    }
    key(tf, KEY_BACKSPACE, MOD_CTRL); /* "stop!" -> the word and what follows it */
    assert_string_equal(tf_text(tf), "Hello,  world... don't   ");
    key(tf, KEY_BACKSPACE, MOD_CTRL);
    assert_string_equal(tf_text(tf), "Hello,  world... ");
    key(tf, KEY_BACKSPACE, MOD_CTRL);
    assert_string_equal(tf_text(tf), "Hello,  ");
    key(tf, KEY_HOME, 0);
    key(tf, KEY_DELETE, MOD_CTRL);
    assert_string_equal(tf_text(tf), ",  ");
    /* CJK punctuation separates words too. */
    tf_set_text(tf, ZHONG WEN "\xE3\x80\x82" GRIN);
    key(tf, KEY_LEFT, MOD_CTRL);
    assert_int_equal(tf_caret(tf), 9);
    key(tf, KEY_LEFT, MOD_CTRL);
    assert_int_equal(tf_caret(tf), 0);
}

static void test_textfield_selection(void **state)
{
    TextField *tf = *state;
    size_t a, b;
    type(tf, "I need a microwave");
    assert_false(tf_selection(tf, &a, &b));
    assert_int_equal(a, 18);
    assert_int_equal(b, 18);
    key(tf, KEY_LEFT, MOD_CTRL | MOD_SHIFT);
    assert_int_equal(key(tf, KEY_LEFT, MOD_SHIFT), TF_MOVED);
    assert_true(tf_selection(tf, &a, &b));
    assert_int_equal(a, 8);
    assert_int_equal(b, 18);
    assert_int_equal(tf_caret(tf), 8);
    type(tf, " new toaster");
    assert_string_equal(tf_text(tf), "I need a new toaster");
    assert_false(tf_selection(tf, NULL, NULL));
    /* Shift+Home, then Left collapses to the start of the selection. */
    key(tf, KEY_HOME, MOD_SHIFT);
    assert_true(tf_selection(tf, &a, &b));
    assert_int_equal(b, 20);
    key(tf, KEY_RIGHT, 0);
    assert_false(tf_selection(tf, NULL, NULL));
    assert_int_equal(tf_caret(tf), 20);
    /* Ctrl+A then typing replaces everything; Backspace removes a selection. */
    key(tf, 'a', MOD_CTRL);
    type(tf, "ok");
    assert_string_equal(tf_text(tf), "ok");
    key(tf, KEY_LEFT, MOD_SHIFT);
    key(tf, KEY_BACKSPACE, 0);
    assert_string_equal(tf_text(tf), "o");
    /* A click snaps into the text and onto a code-point boundary. */
    tf_set_text(tf, "a" ZHONG);
    tf_set_caret(tf, 2, 0);
    assert_int_equal(tf_caret(tf), 1);
    tf_set_caret(tf, 99, 1);
    assert_int_equal(tf_caret(tf), 4);
    assert_true(tf_selection(tf, &a, &b));
    assert_int_equal(a, 1);
}

static void test_textfield_copy_and_cut(void **state)
{
    TextField *tf = *state;
    tf_set_text(tf, "my toaster " E_ACUTE "!");
    assert_int_equal(key(tf, 'c', MOD_CTRL), 0); /* nothing selected */
    key(tf, KEY_LEFT, MOD_SHIFT);
    key(tf, KEY_LEFT, MOD_SHIFT);
    assert_int_equal(key(tf, 'c', MOD_CTRL), TF_COPY);
    assert_string_equal(tf_clip_text(tf), E_ACUTE "!");
    assert_string_equal(tf_text(tf), "my toaster " E_ACUTE "!");
    assert_int_equal(key(tf, 'c', MOD_GUI), TF_COPY);
    assert_int_equal(key(tf, 'c', MOD_CTRL | MOD_ALT), 0); /* AltGr+C is typing */
    key(tf, KEY_HOME, 0);
    key(tf, KEY_RIGHT, MOD_CTRL | MOD_SHIFT);
    assert_int_equal(key(tf, 'x', MOD_CTRL), TF_CUT | TF_CHANGED | TF_MOVED);
    assert_string_equal(tf_clip_text(tf), "my");
    assert_string_equal(tf_text(tf), " toaster " E_ACUTE "!");
    assert_false(tf_selection(tf, NULL, NULL));
    assert_int_equal(key(tf, 'x', MOD_CTRL), 0);
}

/* ---- IME ----------------------------------------------------------------------------- */

static void test_textfield_ime_composition_then_commit(void **state)
{
    TextField *tf = *state;
    type(tf, "A");
    /* か, then かな with the IME caret after the first code point */
    assert_int_equal(edit(tf, "\xE3\x81\x8B", 1), TF_MOVED);
    assert_int_equal(edit(tf, "\xE3\x81\x8B\xE3\x81\xAA", 1), TF_MOVED);
    assert_string_equal(tf_composition(tf), "\xE3\x81\x8B\xE3\x81\xAA");
    assert_int_equal(tf_composition_caret(tf), 3);
    assert_string_equal(tf_text(tf), "A");                        /* not text until committed */
    assert_int_equal(edit(tf, "\xE3\x81\x8B\xE3\x81\xAA", 1), 0); /* no change */
    /* Keys belong to the IME while it composes: no submit, no edits. */
    assert_int_equal(key(tf, KEY_RETURN, 0), 0);
    assert_int_equal(key(tf, KEY_BACKSPACE, 0), 0);
    assert_string_equal(tf_text(tf), "A");
    /* Commit: the composition ends and its result becomes text at the caret. */
    assert_int_equal(text(tf, "\xE4\xBB\xAE\xE5\x90\x8D"), TF_CHANGED | TF_MOVED);
    assert_string_equal(tf_text(tf), "A\xE4\xBB\xAE\xE5\x90\x8D");
    assert_string_equal(tf_composition(tf), "");
    assert_int_equal(tf_composition_caret(tf), 0);
    assert_int_equal(edit(tf, "", 0), 0);
    assert_int_equal(key(tf, KEY_RETURN, 0), TF_SUBMIT);
    /* A composition that is abandoned leaves no trace; a caret past its end is clamped. */
    edit(tf, "x\x80", 9);
    assert_string_equal(tf_composition(tf), "x" FFFD);
    assert_int_equal(tf_composition_caret(tf), 4);
    assert_int_equal(edit(tf, "", 0), TF_MOVED);
    assert_string_equal(tf_text(tf), "A\xE4\xBB\xAE\xE5\x90\x8D");
}

static void test_textfield_set_text_and_clear(void **state)
{
    TextField *tf = *state;
    assert_int_equal(tf_set_text(tf, "line one\nline\x80two"), 0);
    assert_string_equal(tf_text(tf), "line one line" FFFD "two");
    assert_int_equal(tf_caret(tf), tf_length(tf));
    assert_non_null(strstr(tf_message(tf), "replaced"));
    tf_clear(tf);
    assert_string_equal(tf_text(tf), "");
    assert_int_equal(tf_caret(tf), 0);
    assert_string_equal(tf_message(tf), "");
}

static void test_textfield_length_message_names_the_field(void **state)
{
    (void)state;
    TextField *tf = tf_create(5);
    assert_non_null(tf);
    tf_set_noun(tf, "Names");
    text(tf, "Alexandra");
    assert_string_equal(tf_text(tf), "Alexa");
    assert_non_null(strstr(tf_message(tf), "Names are limited to 5 characters"));
    tf_destroy(tf);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_textfield_create_limits),
        T(test_textfield_types_ascii),
        T(test_textfield_empty_edits_do_nothing),
        T(test_textfield_accented_letters),
        T(test_textfield_cjk_and_emoji),
        T(test_textfield_repairs_invalid_utf8),
        T(test_textfield_control_characters),
        T(test_textfield_big_paste_stops_at_cap),
        cmocka_unit_test(test_textfield_cap_counts_characters_for_ascii),
        T(test_textfield_paste_with_bad_bytes_keeps_message),
        cmocka_unit_test(test_textfield_huge_field_takes_big_paste_whole),
        T(test_textfield_word_moves),
        T(test_textfield_selection),
        T(test_textfield_copy_and_cut),
        T(test_textfield_ime_composition_then_commit),
        T(test_textfield_set_text_and_clear),
        cmocka_unit_test(test_textfield_length_message_names_the_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
