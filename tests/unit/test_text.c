/* test_text.c: text drawing with real SDL (dummy video driver, software renderer) and the
 * shipped font: wrapping keeps every line inside its width — long words, text without
 * spaces, Chinese through the fallback font, 100 KB — unchanged text is rendered once
 * and then drawn from the cache, and the recording of what is drawn (the test mode behind
 * heard --text-runs) logs each line with its rectangle and box, and the lines left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/core/textfield.h"
#include "engine/sdl/text.h"
#include "engine/sdl/text_runs.h"
#include "engine/sdl/textfield_view.h"
#include "tests/support/screen_text.h"

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

/* 🙏 and 👍 draw, run by run beside the game's font, instead of as empty boxes: the
 * symbols fallback (Debian's fonts-symbola, tools/install-deps.sh) has them. */
static void test_text_emoji_draw_with_the_symbols_font(void **state)
{
    Fixture *f = *state;
    const char *line = "Thanks 🙏 — got it 👍 李雷";
    if (txt_missing(f->text, FS_BODY, line) != 0)
        fail_msg("🙏 or 👍 has no font: install fonts-symbola (tools/install-deps.sh)");
    assert_int_equal(txt_missing(f->text, FS_BODY, "\xF3\xB0\x80\x80"), 1); /* a private use
                                                                             character: none */
    /* drawn, they take the width of glyphs, not of the missing-glyph box twice over */
    int both = txt_width(f->text, FS_BODY, 0, "🙏👍");
    assert_true(both > txt_width(f->text, FS_BODY, 0, "i"));
    SDL_SetRenderDrawColor(f->renderer, 255, 255, 255, 255);
    SDL_RenderClear(f->renderer);
    assert_true(txt_draw(f->text, FS_BODY, 0, "🙏", 10, 10, (Color){0, 0, 0, 255}) > 0);
    SDL_Surface *shot = SDL_CreateRGBSurfaceWithFormat(0, 800, 600, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(shot);
    assert_int_equal(SDL_RenderReadPixels(f->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, shot->pixels,
                                          shot->pitch),
                     0);
    int dark = 0;
    const Uint32 *px = shot->pixels;
    for (int y = 10; y < 40; y++)
        for (int x = 10; x < 40; x++)
            dark += (px[y * (shot->pitch / 4) + x] & 0xff) < 128;
    SDL_FreeSurface(shot);
    assert_true(dark > 20); /* ink, where a glyph was drawn */
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

/* A megabyte-long note in the transcript, measured and drawn frame after frame at one
 * width (as the play screen does), is wrapped once, not once a frame. */
static void test_text_long_note_is_wrapped_once(void **state)
{
    Fixture *f = *state;
    size_t n = 1000 * 1000;
    char *note = malloc(n + 1);
    assert_non_null(note);
    for (size_t i = 0; i < n; i++)
        note[i] = i % 12 == 11 ? ' ' : (char)('a' + i % 26);
    note[n] = '\0';
    unsigned long before = txt_wraps(f->text);
    Color c = {10, 20, 30, 255};
    for (int frame = 0; frame < 30; frame++) {
        const WrapLine *lines;
        int count = txt_wrap(f->text, FS_BODY, 1, note, 600, &lines); /* measure */
        assert_true(count > 1000);
        txt_draw_wrapped(f->text, FS_BODY, 1, note, (Rect){10, 10, 600, 400}, c);
        txt_draw_wrapped(f->text, FS_SMALL, 0, "a hint beside it", (Rect){10, 420, 600, 40}, c);
        txt_end_frame(f->text);
    }
    assert_int_equal(txt_wraps(f->text) - before, 2); /* the note and the hint, once each */
    free(note);
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

/* The recording logs each line drawn in a frame with its rectangle and box, marks the lines
 * of a wrapped text that found no room, and the file it writes reads back with the same
 * rectangles and the problems a player would see. */
static void test_text_recording_logs_lines_boxes_and_lines_left_out(void **state)
{
    Fixture *f = *state;
    Color c = {0, 0, 0, 255};
    int lh = txt_line_height(f->text, FS_BODY);
    assert_null(txt_runs(f->text));
    assert_int_equal(txt_record(f->text, 1), 0);
    const TextRun *runs;
    assert_int_equal(text_runs_last(txt_runs(f->text), &runs), 0); /* no frame ended yet */

    int w = txt_draw(f->text, FS_BODY, 0, "Did I get it?", 10, 20, c);
    /* Four lines' worth of text in a box two lines high: two drawn, the rest left out. */
    Rect box = {100, 100, 150, lh * 2};
    txt_draw_wrapped(f->text, FS_BODY, 0, "one two three four five six seven eight nine ten", box,
                     c);
    SDL_Rect clip = {400, 300, 100, 50};
    SDL_RenderSetClipRect(f->renderer, &clip);
    txt_set_scrolling(f->text, 1);
    txt_draw(f->text, FS_BODY, 0, "scrolled", 410, 330, c);
    SDL_RenderSetClipRect(f->renderer, NULL);
    txt_set_scrolling(f->text, 0);
    txt_draw(f->text, FS_BODY, 0, "", 0, 0, c); /* nothing drawn, nothing logged */
    txt_end_frame(f->text);

    size_t n = text_runs_last(txt_runs(f->text), &runs);
    assert_true(n >= 5);
    assert_string_equal(runs[0].text, "Did I get it?");
    assert_int_equal(runs[0].rect.x, 10);
    assert_int_equal(runs[0].rect.y, 20);
    assert_int_equal(runs[0].rect.w, w);
    assert_true(runs[0].rect.h >= lh - 2 && runs[0].rect.h <= lh);
    assert_int_equal(runs[0].box.w, 800); /* no clip, no box: the whole window */
    assert_int_equal(runs[0].box.h, 600);
    assert_int_equal(runs[0].flags, 0);
    assert_int_equal(runs[1].flags, 0);
    assert_int_equal(runs[2].flags, 0);
    assert_int_equal(runs[2].rect.y, 100 + lh);
    assert_int_equal(runs[1].box.x, box.x);
    assert_int_equal(runs[1].box.h, box.h);
    assert_true(runs[1].rect.w <= box.w);
    size_t dropped = 0;
    for (size_t i = 3; i + 1 < n; i++) {
        assert_int_equal(runs[i].flags, TEXT_RUN_DROPPED);
        assert_true(runs[i].rect.y >= box.y + box.h);
        dropped++;
    }
    assert_true(dropped >= 1);
    assert_string_equal(runs[n - 1].text, "scrolled");
    assert_int_equal(runs[n - 1].flags, TEXT_RUN_SCROLL);
    assert_int_equal(runs[n - 1].box.x, 400);
    assert_int_equal(runs[n - 1].box.w, 100);

    /* Written and read back: the lines left out are the only problem. */
    char dir[] = "/tmp/heard-text-XXXXXX", shot[64], path[80], err[256];
    assert_non_null(mkdtemp(dir));
    snprintf(shot, sizeof shot, "%s/frame.bmp", dir);
    snprintf(path, sizeof path, "%s.runs", shot);
    assert_int_equal(text_runs_write(txt_runs(f->text), path, err, sizeof err), 0);
    ScreenText *st = st_load(shot);
    assert_int_equal(st->width, 800);
    assert_int_equal(st->count, n);
    assert_int_equal(st->runs[0].rect.w, w);
    assert_true(st_has(st, "Did I get it?"));
    assert_true(st_has(st, "one two"));
    assert_false(st_has(st, "nine ten")); /* left out, so not on screen */
    char problems[2048];
    assert_int_equal(st_problems(st, problems, sizeof problems), (int)dropped);
    assert_non_null(strstr(problems, "left out (no room in its box)"));
    st_free(st);
    unlink(path);
    rmdir(dir);

    /* A new frame starts empty; stopping the recording drops the log. */
    txt_end_frame(f->text);
    assert_int_equal(text_runs_last(txt_runs(f->text), &runs), 0);
    assert_int_equal(txt_record(f->text, 0), 0);
    assert_null(txt_runs(f->text));
}

/* What the checks of screen_text.h call a problem, on runs written by hand. */
static void test_text_screen_checks_find_overlaps_and_cut_lines(void **state)
{
    (void)state;
    char dir[] = "/tmp/heard-text-XXXXXX", shot[64], path[80];
    assert_non_null(mkdtemp(dir));
    snprintf(shot, sizeof shot, "%s/hand.bmp", dir);
    snprintf(path, sizeof path, "%s.runs", shot);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("window\t800\t600\n"
          "run\t10\t10\t100\t20\t0\t0\t800\t600\t-\t#000000\tfine\n"
          "run\t10\t40\t100\t20\t0\t0\t800\t600\t-\t#000000\tA\n"
          "run\t50\t55\t100\t20\t0\t0\t800\t600\t-\t#000000\tB overlaps A\n"
          "run\t750\t100\t100\t20\t0\t0\t800\t600\t-\t#000000\tpast the right edge\n"
          "run\t10\t200\t300\t20\t10\t200\t200\t20\t-\t#000000\twider than its box\n"
          "run\t10\t300\t100\t20\t10\t310\t300\t100\tscroll\t#000000\tcut at the top: fine\n"
          "run\t10\t500\t100\t20\t10\t310\t300\t100\tscroll\t#000000\tscrolled away\n"
          "run\t5\t350\t100\t20\t10\t310\t300\t100\tscroll\t#000000\tcut at the side\n"
          "run\t10\t420\t100\t20\t10\t420\t300\t1\tscroll,dropped\t#000000\tbelow a view\n"
          "run\t0\t0\t0\t0\t0\t0\t800\t600\t-\t#000000\ta tab\\there\n",
          fp);
    fclose(fp);
    ScreenText *st = st_load(shot);
    char problems[2048];
    int n = st_problems(st, problems, sizeof problems);
    assert_non_null(strstr(problems, "overlap of 60x5 at 50,55: \"A\" and \"B overlaps A\""));
    assert_non_null(strstr(problems, "past the window's edge at 750,100"));
    assert_non_null(strstr(problems, "cut off by its box 10,200 200x20"));
    assert_non_null(strstr(problems, "\"cut at the side\""));
    assert_null(strstr(problems, "fine"));
    assert_null(strstr(problems, "scrolled away"));
    assert_null(strstr(problems, "below a view"));
    assert_int_equal(n, 4);
    assert_true(st_has(st, "cut at the top"));
    assert_false(st_has(st, "scrolled away"));
    assert_string_equal(st->runs[9].text, "a tab\there");
    st_free(st);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_wrap_stays_inside_width),
        cmocka_unit_test(test_text_chinese_wraps_and_measures),
        cmocka_unit_test(test_text_huge_text_wraps),
        cmocka_unit_test(test_text_emoji_draw_with_the_symbols_font),
        cmocka_unit_test(test_text_long_note_is_wrapped_once),
        cmocka_unit_test(test_text_unchanged_text_is_drawn_from_cache),
        cmocka_unit_test(test_text_scale_changes_line_height),
        cmocka_unit_test(test_text_click_places_the_caret),
        cmocka_unit_test(test_text_recording_logs_lines_boxes_and_lines_left_out),
        cmocka_unit_test(test_text_screen_checks_find_overlaps_and_cut_lines),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
