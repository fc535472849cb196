/* test_headless.c: the heard binary as a user runs it — help and version, the headless
 * title screen, the scenario picker and the error screen at 1280x720 and 800x600, each
 * screenshot at the window's size with its text readable (heard --text-runs,
 * tests/support/screen_text.h), and a broken scenario that must not stop the title screen.
 * Runs the real binary under SDL's dummy video driver. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/support/binary_test.h"
#include "tests/support/screen_text.h"

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    assert_int_equal(bt_tmpdir_create(tmpdir, sizeof tmpdir, "headless"), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

static void test_headless_help_and_version(void **state)
{
    (void)state;
    char cmd[512], out[4096];
    snprintf(cmd, sizeof cmd, "%s --help", bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "Usage: heard"));
    assert_non_null(strstr(out, "--headless"));
    snprintf(cmd, sizeof cmd, "%s --version", bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 0);
    assert_true(strncmp(out, "heard ", 6) == 0);
    snprintf(cmd, sizeof cmd, "%s --no-such-option 2>&1", bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "--no-such-option"));
    snprintf(cmd, sizeof cmd, "%s --frames abc 2>&1", bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 2);
}

/* A mistyped scenario id says so and lists the ids that exist. */
static void test_headless_unknown_scenario_lists_the_ids(void **state)
{
    (void)state;
    char cmd[512], out[4096];
    snprintf(cmd, sizeof cmd, "%s play microwaev --headless --frames 1 2>&1", bt_bin());
    assert_int_equal(bt_run(cmd, out, sizeof out), 2);
    assert_non_null(strstr(out, "microwaev.lua"));
    assert_non_null(strstr(out, "scenarios here:"));
    assert_non_null(strstr(out, "microwave"));
}

static const char *const title_words[] = {"Heard",     "A listening game for two",
                                          "Play",      "Past sessions",
                                          "Scenarios", "The microwave and the toaster"};
static const char *const picker_words[] = {"Choose a scenario", "1 · Appliances — start here",
                                           "▶ The leaking kettle at the service counter",
                                           "The microwave and the toaster"};

/* The title and the picker (Enter on the title), at W x H, read as they should. */
static void check_title_and_picker(int w, int h)
{
    char input[512], title[512], picker[512], cmd[2048], out[4096];
    snprintf(input, sizeof input, "%s/title.txt", tmpdir);
    snprintf(title, sizeof title, "%s/title-%d.bmp", tmpdir, w);
    snprintf(picker, sizeof picker, "%s/picker-%d.bmp", tmpdir, w);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fprintf(f, "shot %s\nkey Return\nshot %s\n", title, picker);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s --headless --size %dx%d --text-runs --input %s --data-dir %s/data 2>&1", bt_bin(),
             w, h, input, tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    int bw, bh;
    bt_bmp_size(title, &bw, &bh);
    assert_int_equal(bw, w);
    assert_int_equal(bh, h);
    st_assert_readable(title, w, h, title_words, sizeof title_words / sizeof title_words[0]);
    st_assert_readable(picker, w, h, picker_words, sizeof picker_words / sizeof picker_words[0]);
}

static void test_headless_title_and_picker_read_at_both_sizes(void **state)
{
    (void)state;
    check_title_and_picker(1280, 720);
    check_title_and_picker(800, 600);
}

/* The last line on screen that reads exactly TEXT: the key hints are drawn after the
 * buttons that share their words. Fails the test when there is none. Borrowed. */
static const StRun *last_run(const ScreenText *st, const char *shot, const char *text)
{
    for (size_t i = st->count; i-- > 0;)
        if (st_visible(&st->runs[i]) && strcmp(st->runs[i].text, text) == 0)
            return &st->runs[i];
    fail_msg("%s: no line reads \"%s\"", shot, text);
    return NULL;
}

/* The title's key hints, at 1280x720 and 800x600, at the standard and the largest text
 * size, read in order: each key is right of the one before on its line, or on a line below
 * (at 800x600 the hints that did not fit were drawn on a line above the first ones). */
static void test_headless_title_hints_read_in_order(void **state)
{
    (void)state;
    static const char *const keys[] = {"Enter", "L", "F1", "R", "F2", "Ctrl + =/-", "Esc"};
    static const char *const actions[] = {"Play",        "Past sessions", "How to play",
                                          "Reload list", "High contrast", "Text size",
                                          "Quit"};
    for (int big = 0; big < 2; big++) {
        int w = big ? 1280 : 800, h = big ? 720 : 600;
        char input[512], cmd[2048], out[4096], shot[2][600];
        snprintf(input, sizeof input, "%s/hints.txt", tmpdir);
        snprintf(shot[0], sizeof shot[0], "%s/hints-%d.bmp", tmpdir, w);
        snprintf(shot[1], sizeof shot[1], "%s/hints-zoom-%d.bmp", tmpdir, w);
        FILE *f = fopen(input, "w");
        assert_non_null(f);
        fprintf(f, "shot %s\n", shot[0]);
        for (int i = 0; i < 12; i++)
            fputs("key Ctrl+=\n", f);
        fprintf(f, "wait 100\nshot %s\n", shot[1]);
        fclose(f);
        snprintf(cmd, sizeof cmd,
                 "%s --headless --size %dx%d --text-runs --input %s --data-dir %s/data 2>&1",
                 bt_bin(), w, h, input, tmpdir);
        if (bt_run(cmd, out, sizeof out) != 0)
            fail_msg("heard failed: %s", out);
        for (int z = 0; z < 2; z++) {
            st_assert_readable(shot[z], w, h, actions, 7);
            ScreenText *st = st_load(shot[z]);
            const StRun *prev = NULL;
            for (int i = 0; i < 7; i++) {
                const StRun *k = last_run(st, shot[z], keys[i]);
                const StRun *a = last_run(st, shot[z], actions[i]);
                if (a->rect.y != k->rect.y || a->rect.x <= k->rect.x)
                    fail_msg("%s: \"%s\" is not beside its key %s", shot[z], actions[i], keys[i]);
                if (prev && !(k->rect.y > prev->rect.y ||
                              (k->rect.y == prev->rect.y && k->rect.x > prev->rect.x)))
                    fail_msg("%s: the hint %s (%d,%d) reads before the one before it (%d,%d)",
                             shot[z], keys[i], k->rect.x, k->rect.y, prev->rect.x, prev->rect.y);
                prev = a;
            }
            st_free(st);
        }
    }
}

/* --screenshot at the end of a run writes the text runs too; a name ending in .png (any
 * case) gives a PNG, any other name a BMP. */
static void test_headless_last_frame_screenshot_png_or_bmp(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        int png;
    } shots[] = {{"title.png", 1}, {"title.PNG", 1}, {"title.bmp", 0}, {"title-png", 0}};
    for (size_t i = 0; i < sizeof shots / sizeof shots[0]; i++) {
        char cmd[1024], out[4096], shot[512];
        snprintf(shot, sizeof shot, "%s/%s", tmpdir, shots[i].name);
        snprintf(cmd, sizeof cmd,
                 "%s --headless --frames 3 --text-runs --screenshot %s --data-dir %s/data 2>&1",
                 bt_bin(), shot, tmpdir);
        assert_int_equal(bt_run(cmd, out, sizeof out), 0);
        int w, h;
        if (shots[i].png)
            bt_png_size(shot, &w, &h);
        else
            bt_bmp_size(shot, &w, &h);
        assert_int_equal(w, 1280);
        assert_int_equal(h, 720);
        st_assert_readable(shot, 1280, 720, title_words,
                           sizeof title_words / sizeof title_words[0]);
    }
    /* A screenshot that cannot be written says where. */
    char cmd[1024], out[4096];
    snprintf(cmd, sizeof cmd,
             "%s --headless --frames 1 --screenshot %s/no/such/dir/x.png --data-dir %s/data 2>&1",
             bt_bin(), tmpdir, tmpdir);
    assert_int_equal(bt_run(cmd, out, sizeof out), 1);
    assert_non_null(strstr(out, "could not write the screenshot"));
    assert_non_null(strstr(out, "/no/such/dir/x.png"));
}

/* A scenario that does not load opens on the error screen, which names the file and line. */
static void test_headless_error_screen_reads_at_both_sizes(void **state)
{
    (void)state;
    static const char *const words[] = {
        "The scenario stopped", "nothing saved was lost",
        "tests/data/scenarios-broken/syntax_error.lua:6: '}' expected", "Copy message"};
    for (int big = 0; big < 2; big++) {
        int w = big ? 1280 : 800, h = big ? 720 : 600;
        char cmd[1024], out[4096], shot[512];
        snprintf(shot, sizeof shot, "%s/error-%d.bmp", tmpdir, w);
        snprintf(cmd, sizeof cmd,
                 "%s play tests/data/scenarios-broken/syntax_error.lua --headless --frames 2 "
                 "--size %dx%d --text-runs --screenshot %s --data-dir %s/data 2>&1",
                 bt_bin(), w, h, shot, tmpdir);
        assert_int_equal(bt_run(cmd, out, sizeof out), 0);
        st_assert_readable(shot, w, h, words, sizeof words / sizeof words[0]);
    }
}

/* A copy of scripts/ and assets/ with one broken scenario added. */
static void make_root_with_broken_scenario(char *root, size_t n)
{
    snprintf(root, n, "%s/root", tmpdir);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp -r scripts assets %s/", root, root);
    assert_int_equal(system(cmd), 0);
    char path[600];
    snprintf(path, sizeof path, "%s/scripts/scenarios/zz_broken.lua", root);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("return {\n  id = 'broken',\n  title = 'Broken'\n  description = 'missing comma'\n}\n",
          f);
    fclose(f);
}

static void test_headless_broken_scenario_still_shows_title(void **state)
{
    (void)state;
    char root[512], cmd[2048], out[4096], shot[512];
    make_root_with_broken_scenario(root, sizeof root);
    snprintf(shot, sizeof shot, "%s/broken.bmp", tmpdir);
    snprintf(cmd, sizeof cmd,
             "HEARD_ROOT=%s %s --headless --frames 3 --screenshot %s --data-dir %s/data 2>&1", root,
             bt_bin(), shot, tmpdir);
    assert_int_equal(bt_run(cmd, out, sizeof out), 0);
    int w, h;
    bt_bmp_size(shot, &w, &h);
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
}

static void test_headless_missing_font_falls_back_or_explains(void **state)
{
    (void)state;
    char root[512], cmd[2048], out[4096];
    snprintf(root, sizeof root, "%s/nofont", tmpdir);
    snprintf(cmd, sizeof cmd, "mkdir -p %s && cp -r scripts %s/", root, root);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "HEARD_ROOT=%s %s --headless --frames 1 --data-dir %s/data 2>&1",
             root, bt_bin(), tmpdir);
    int rc = bt_run(cmd, out, sizeof out);
    struct stat st;
    if (stat("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", &st) == 0) {
        /* The system copy of the same font stands in, and the player is told. */
        assert_int_equal(rc, 0);
        assert_non_null(strstr(out, "assets/fonts/DejaVuSans.ttf"));
    } else {
        assert_int_equal(rc, 2);
        assert_non_null(strstr(out, "could not open the font"));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headless_help_and_version),
        cmocka_unit_test(test_headless_unknown_scenario_lists_the_ids),
        cmocka_unit_test(test_headless_title_and_picker_read_at_both_sizes),
        cmocka_unit_test(test_headless_title_hints_read_in_order),
        cmocka_unit_test(test_headless_last_frame_screenshot_png_or_bmp),
        cmocka_unit_test(test_headless_error_screen_reads_at_both_sizes),
        cmocka_unit_test(test_headless_broken_scenario_still_shows_title),
        cmocka_unit_test(test_headless_missing_font_falls_back_or_explains),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
