/* test_mouse.c: the mouse path end to end. A headless game at 800x600 is driven by an input
 * file whose clicks land where the screen shows the words to click: before each click the
 * game is run up to that point with a screenshot, its text runs (heard --text-runs) say
 * where the word is, and the click goes to the middle of it. The mouse opens the picker from
 * the title, picks the microwave scenario, parks the toaster (a choice), rates the reply Got
 * it (a rating) and answers "is there more?"; the wheel then scrolls the transcript up to
 * its first lines and back down. The session file must hold the clicked answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/session/session.h"
#include "tests/support/binary_test.h"
#include "tests/support/screen_text.h"

#define SIZE_W 800
#define SIZE_H 600
#define FIRST_LINE "Round 1: Alex holds the floor" /* the first line, on one line at 800 */

static char tmpdir[256];
static char script[16384]; /* the input file so far */
static int shots;

static int setup(void **state)
{
    (void)state;
    script[0] = '\0';
    shots = 0;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "mouse");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

static void add(const char *line)
{
    size_t used = strlen(script);
    assert_true(used + strlen(line) + 2 < sizeof script);
    snprintf(script + used, sizeof script - used, "%s\n", line);
}

/* Plays the script so far with a screenshot at its end; returns the screen's text. The game
 * must run without an error. SESSION (when not NULL) gets the session file's path, which
 * the game prints with --trace. */
static ScreenText *look(char *session, size_t n)
{
    char input[512], shot[512], cmd[2048], line[600];
    static char out[8192];
    snprintf(input, sizeof input, "%s/input-%d.txt", tmpdir, shots);
    snprintf(shot, sizeof shot, "%s/shot-%d.bmp", tmpdir, shots);
    snprintf(line, sizeof line, "shot %s", shot);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fprintf(f, "%s%s\n", script, line);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s --headless --trace --size %dx%d --text-runs --input %s --data-dir %s/data-%d "
             "2>&1",
             bt_bin(), SIZE_W, SIZE_H, input, tmpdir, shots);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed on %s:\n%s", input, out);
    shots++;
    if (session) {
        const char *at = strstr(out, "session ");
        if (!at)
            fail_msg("no session file:\n%s", out);
        snprintf(session, n, "%s", at + strlen("session "));
        session[strcspn(session, "\n")] = '\0';
    }
    return st_load(shot);
}

/* Clicks the middle of the line that reads exactly TEXT on the screen as it is now. */
static void click_on(const char *text)
{
    ScreenText *st = look(NULL, 0);
    const StRun *r = st_find_exact(st, text);
    if (!r)
        fail_msg("\"%s\" is not on screen to click (screenshot %d)", text, shots - 1);
    char line[64];
    snprintf(line, sizeof line, "click %d %d", r->rect.x + r->rect.w / 2,
             r->rect.y + r->rect.h / 2);
    add(line);
    st_free(st);
}

/* The top of the visible line holding TEXT, or -100000 when it is not visible. */
static int top_of(const ScreenText *st, const char *text)
{
    const StRun *r = st_find(st, text);
    return r ? r->rect.y : -100000;
}

/* Fails unless ST reads: no line overlaps another ("more below" over the transcript's last
 * line) and the transcript shows whole lines only, none cut by its top or bottom edge. */
static void assert_reads(const ScreenText *st)
{
    static char problems[8192];
    if (st_problems(st, problems, sizeof problems) > 0)
        fail_msg("shot %d: %s", shots - 1, problems);
    for (size_t i = 0; i < st->count; i++) {
        const StRun *r = &st->runs[i];
        if (r->scroll && (r->rect.y < r->box.y || r->rect.y + r->rect.h > r->box.y + r->box.h))
            fail_msg("shot %d: \"%s\" is cut by the transcript's edge", shots - 1, r->text);
    }
}

static void test_mouse_picks_parks_rates_and_scrolls(void **state)
{
    (void)state;
    click_on("Play");                          /* title → picker */
    click_on("The microwave and the toaster"); /* picker → players */
    add("type Alex\nkey Tab\ntype Sam\nkey Return\nkey Return");
    add("type I want a new microwave, ours broke again.\nkey Return");
    add("type Well, my toaster doesn't work either.\nkey Return");
    click_on("Yes, park it"); /* a choice */
    add("type You're fed up that the microwave broke again and you want a new one. Did I get "
        "it?\nkey Return");
    click_on("Got it");        /* a rating */
    click_on("No, that's it"); /* is there more? */
    add("type I'll look at microwaves online tonight and we can pick one tomorrow.\nkey Return");
    click_on("Any key"); /* the hand-over to round 2 answers a click too */

    /* The transcript is longer than its view now: its first line is scrolled out of sight. */
    ScreenText *st = look(NULL, 0);
    assert_true(st_has(st, "I'll look at microwaves online tonight"));
    assert_false(st_has(st, FIRST_LINE));
    assert_false(st_has(st, "more below"));
    st_free(st);
    add("wheel 10\nwait 100"); /* up, as far as it goes; a frame passes, as for a player */
    st = look(NULL, 0);
    assert_true(st_has(st, FIRST_LINE));
    assert_true(st_has(st, "▼ more below (PageDown)"));
    assert_reads(st);
    int top = top_of(st, FIRST_LINE);
    assert_true(top > -100000);
    st_free(st);
    add("wheel -1\nwait 100"); /* one notch back down: everything moves up */
    st = look(NULL, 0);
    assert_true(top_of(st, FIRST_LINE) < top);
    assert_reads(st);
    st_free(st);
    add("wheel -10\nwait 100");
    st = look(NULL, 0);
    assert_false(st_has(st, "more below"));
    assert_true(st_has(st, "I'll look at microwaves online tonight"));
    st_free(st);

    /* What the mouse chose is what the session holds. */
    char saved[1024];
    st = look(saved, sizeof saved);
    st_free(st);
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    int parked = 0, got_it = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        parked += strcmp(s->turns[i].kind, "park") == 0;
        got_it +=
            strcmp(s->turns[i].kind, "rating") == 0 && strcmp(s->turns[i].text, "got_it") == 0;
    }
    assert_int_equal(parked, 1);
    assert_int_equal(got_it, 1);
    assert_string_equal(s->header.scenario_id, "microwave");
    session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mouse_picks_parks_rates_and_scrolls, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
