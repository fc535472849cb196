/* test_text.c: text drawing with real SDL (dummy video driver, software renderer) and the
 * shipped font: wrapping keeps every line inside its width — long words, text without
 * spaces, Chinese through the fallback font, 100 KB — and unchanged text is rendered once
 * and then drawn from the cache. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "engine/core/textfield.h"
#include "engine/sdl/text.h"
#include "engine/sdl/textfield_view.h"

typedef struct Fixture {
    SDL_Window *window;
    SDL_Renderer *renderer;
    Text *text;
} Fixture;

static int setup(void **state)
{
    static Fixture f;
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return -1;
    f.window = SDL_CreateWindow("test", 0, 0, 800, 600, 0);
    f.renderer = SDL_CreateRenderer(f.window, -1, SDL_RENDERER_SOFTWARE);
    char err[256];
    f.text = txt_create(f.renderer, "assets/fonts/DejaVuSans.ttf",
                        "assets/fonts/DejaVuSans-Bold.ttf", err, sizeof err);
    if (!f.text)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    txt_destroy(f->text);
    SDL_DestroyRenderer(f->renderer);
    SDL_DestroyWindow(f->window);
    SDL_Quit();
    return 0;
}

/* Every wrapped line of S fits in WIDTH, and the lines cover S without gaps but spaces. */
static int check_wrap(Text *t, const char *s, int width)
{
    const WrapLine *lines;
    int n = txt_wrap(t, FS_BODY, 0, s, width, &lines);
    WrapLine *copy = malloc(sizeof *copy * (size_t)(n ? n : 1));
    assert_non_null(copy);
    memcpy(copy, lines, sizeof *copy * (size_t)n);
    size_t covered = 0;
    for (int i = 0; i < n; i++) {
        char *line = strndup(s + copy[i].start, copy[i].len);
        assert_non_null(line);
        int w = txt_width(t, FS_BODY, 0, line);
        if (copy[i].len > 4) /* a single character wider than the box may stand alone */
            assert_true(w <= width);
        free(line);
        while (covered < copy[i].start && (s[covered] == ' ' || s[covered] == '\n'))
            covered++;
        assert_int_equal(copy[i].start, covered);
        covered = copy[i].start + copy[i].len;
    }
    free(copy);
    return n;
}

static void test_text_wrap_stays_inside_width(void **state)
{
    Fixture *f = *state;
    assert_int_equal(check_wrap(f->text, "", 300), 1);
    assert_true(check_wrap(f->text,
                           "You feel let down because the microwave broke again and "
                           "nobody called the shop.",
                           300) >= 2);
    assert_true(check_wrap(f->text,
                           "Supercalifragilisticexpialidocious-and-then-some-more-"
                           "without-any-space-at-all",
                           150) >= 3);
    assert_int_equal(check_wrap(f->text, "one\ntwo\n\nfour", 500), 4);
}

static void test_text_chinese_wraps_and_measures(void **state)
{
    Fixture *f = *state;
    const char *zh = "我想要一个新的微波炉，我们的又坏了。我每天都要热饭，没有它真的很不方便。";
    assert_true(txt_width(f->text, FS_BODY, 0, "微波炉") > 0);
    int n = check_wrap(f->text, zh, 200);
    assert_true(n >= 2);
    /* Mixed scripts in one line are drawn run by run. */
    assert_true(
        txt_draw(f->text, FS_BODY, 0, "Alex 李雷 Ἀλέξης Привет", 0, 0, (Color){0, 0, 0, 255}) > 0);
}

static void test_text_huge_text_wraps(void **state)
{
    Fixture *f = *state;
    size_t n = 100 * 1024;
    char *big = malloc(n + 1);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = (char)('a' + i % 26);
    big[n] = '\0';
    const WrapLine *lines;
    int count = txt_wrap(f->text, FS_SMALL, 0, big, 700, &lines);
    assert_true(count > 100);
    assert_int_equal(lines[count - 1].start + lines[count - 1].len, n);
    free(big);
}

static void test_text_unchanged_text_is_drawn_from_cache(void **state)
{
    Fixture *f = *state;
    unsigned long rendered0, hits0, rendered1, hits1;
    Color c = {10, 20, 30, 255};
    txt_stats(f->text, &rendered0, &hits0);
    for (int frame = 0; frame < 5; frame++) {
        txt_draw(f->text, FS_BODY, 0, "Did I get it?", 10, 10, c);
        txt_end_frame(f->text);
    }
    txt_stats(f->text, &rendered1, &hits1);
    assert_int_equal(rendered1 - rendered0, 1);
    assert_int_equal(hits1 - hits0, 4);
    /* Another colour is another texture. */
    txt_draw(f->text, FS_BODY, 0, "Did I get it?", 10, 10, (Color){200, 0, 0, 255});
    txt_stats(f->text, &rendered1, &hits1);
    assert_int_equal(rendered1 - rendered0, 2);
}

static void test_text_scale_changes_line_height(void **state)
{
    Fixture *f = *state;
    int before = txt_line_height(f->text, FS_BODY);
    assert_int_equal(txt_set_scale(f->text, 2.0f), 0);
    assert_true(txt_line_height(f->text, FS_BODY) > before * 3 / 2);
    assert_int_equal(txt_set_scale(f->text, 1.0f), 0);
    assert_int_equal(txt_line_height(f->text, FS_BODY), before);
}

/* A click in a text field lands the caret at the nearest character boundary. */
static void test_text_click_places_the_caret(void **state)
{
    Fixture *f = *state;
    Ui ui = {f->renderer, f->text, theme_normal(), txt_line_height(f->text, FS_BODY) / 2};
    TextField *tf = tf_create(200);
    assert_non_null(tf);
    tf_set_text(tf, "I want a new microwave");
    Rect box = {10, 10, 500, tfv_height_for_lines(&ui, 2)};
    tfv_draw(&ui, tf, box, NULL, 1);
    int left = box.x + ui.unit, mid = left + txt_width(f->text, FS_BODY, 0, "I want");
    assert_int_equal(tfv_hit(&ui, tf, box, box.x, box.y + 5), 0);
    assert_int_equal(tfv_hit(&ui, tf, box, mid, box.y + 5), strlen("I want"));
    assert_int_equal(tfv_hit(&ui, tf, box, box.x + box.w - 2, box.y + 5), tf_length(tf));
    /* below the last line still means that line */
    assert_int_equal(tfv_hit(&ui, tf, box, left, box.y + box.h - 2), 0);
    tf_set_text(tf, "Ἀλέξης");
    size_t at = tfv_hit(&ui, tf, box, left + txt_width(f->text, FS_BODY, 0, "Ἀλ"), box.y + 5);
    assert_int_equal(at, strlen("Ἀλ")); /* on a character boundary, never inside one */
    tf_destroy(tf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_wrap_stays_inside_width),
        cmocka_unit_test(test_text_chinese_wraps_and_measures),
        cmocka_unit_test(test_text_huge_text_wraps),
        cmocka_unit_test(test_text_unchanged_text_is_drawn_from_cache),
        cmocka_unit_test(test_text_scale_changes_line_height),
        cmocka_unit_test(test_text_click_places_the_caret),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
