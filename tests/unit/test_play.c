/* test_play.c: a whole two-round session of the microwave scenario, played headless from an
 * input file through the real screens, then read back from the session file it saved: the
 * turns, the roles swapping, the moves the analyser found, the parked toaster returning as
 * a later round, the team score, the summary, and a screenshot of every screen at the
 * window's size. */
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

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "play");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

static int has_move(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++)
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return 1;
    return 0;
}

/* Plays the file and returns the loaded session; SAVED gets the session's path. */
static Session *play(const char *size, char *saved, size_t n)
{
    char extra[64], out[4096];
    snprintf(extra, sizeof extra, "--size %s", size);
    if (bt_play_two_rounds(tmpdir, extra, saved, n, out, sizeof out) != 0)
        fail_msg("heard play failed: %s", out);
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_int_equal(rep.n_warnings, 0);
    return s;
}

static void test_play_two_rounds_of_the_microwave(void **state)
{
    (void)state;
    char saved[1024];
    Session *s = play("1280x720", saved, sizeof saved);
    assert_string_equal(s->header.players[0], "Alex");
    assert_string_equal(s->header.players[1], "Sam");
    assert_string_equal(s->header.scenario_id, "microwave");
    assert_true(s->ended);

    const Turn *startup1 = NULL, *startup2 = NULL, *toaster = NULL;
    int sum = 0, reflections = 0, partly_more = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        const Turn *t = &s->turns[i];
        sum += t->moves.total;
        if (strcmp(t->kind, "startup") == 0 && t->round == 1)
            startup1 = t;
        if (strcmp(t->kind, "startup") == 0 && t->round == 2)
            startup2 = t;
        if (strcmp(t->kind, "reply") == 0 && has_move(t, "counter_complaint"))
            toaster = t;
        if (strcmp(t->kind, "reply") == 0 && has_move(t, "reflection"))
            reflections++;
        if (strcmp(t->kind, "more") == 0 && t->round == 2)
            partly_more++;
    }
    /* Round 1: Alex is the customer; round 2: the roles have swapped. */
    assert_non_null(startup1);
    assert_int_equal(startup1->player, 0);
    assert_int_equal(startup1->role, ROLE_CUSTOMER);
    assert_non_null(startup2);
    assert_int_equal(startup2->player, 1);
    assert_int_equal(startup2->role, ROLE_CUSTOMER);
    /* The toaster was seen, cost points, and came back as Sam's startup in round 2. */
    assert_non_null(toaster);
    assert_int_equal(toaster->player, 1);
    assert_true(toaster->moves.total < 0);
    assert_string_equal(startup2->text, toaster->text);
    /* Reflections were recognised, and the Partly loop added a line. */
    assert_true(reflections >= 2);
    assert_int_equal(partly_more, 1);
    assert_int_equal(s->team_score, sum);
    session_free(s);

    const char *shots[] = {"01-players",         "02-note", "03-startup",
                           "04-park-offer",      "05-rate", "06-timeout",
                           "07-toaster-returns", "08-play", "09-summary"};
    for (size_t i = 0; i < sizeof shots / sizeof shots[0]; i++) {
        char path[600];
        int w, h;
        snprintf(path, sizeof path, "%s/%s.bmp", tmpdir, shots[i]);
        bt_bmp_size(path, &w, &h);
        assert_int_equal(w, 1280);
        assert_int_equal(h, 720);
    }
}

static void test_play_at_800x600_plays_the_same_game(void **state)
{
    (void)state;
    char saved[1024];
    Session *s = play("800x600", saved, sizeof saved);
    assert_true(s->ended);
    assert_true(s->n_turns > 8);
    session_free(s);
    int w, h;
    char path[600];
    snprintf(path, sizeof path, "%s/09-summary.bmp", tmpdir);
    bt_bmp_size(path, &w, &h);
    assert_int_equal(w, 800);
    assert_int_equal(h, 600);
}

/* The library lists the saved session, the replay viewer plays it back (every screen at the
 * window's size), and deleting it after the confirmation removes the file. */
static void test_play_library_replays_and_deletes(void **state)
{
    (void)state;
    char saved[1024], input[512], cmd[2048], out[4096];
    Session *s = play("1280x720", saved, sizeof saved);
    session_free(s);
    snprintf(input, sizeof input, "%s/library.txt", tmpdir);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fprintf(f,
            "key l\nwait 100\nshot %s/lib.bmp\nkey Return\nwait 2000\nkey 4\nwait 3000\n"
            "shot %s/replay.bmp\nkey Space\nkey t\nkey 5\nkey Return\nkey Right\n"
            "shot %s/replay-step.bmp\nkey Escape\nkey d\nkey n\nkey d\nkey y\n"
            "shot %s/deleted.bmp\n",
            tmpdir, tmpdir, tmpdir, tmpdir);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s --headless --input %s --data-dir %s/data 2>&1", bt_bin(), input,
             tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    const char *shots[] = {"lib", "replay", "replay-step", "deleted"};
    for (size_t i = 0; i < 4; i++) {
        char path[600];
        int w, h;
        snprintf(path, sizeof path, "%s/%s.bmp", tmpdir, shots[i]);
        bt_bmp_size(path, &w, &h);
        assert_int_equal(w, 1280);
        assert_int_equal(h, 720);
    }
    FILE *gone = fopen(saved, "r"); /* "n" kept it, "y" deleted it */
    assert_null(gone);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_play_two_rounds_of_the_microwave, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_at_800x600_plays_the_same_game, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_library_replays_and_deletes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
