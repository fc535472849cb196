/* test_keys.c: the play screen's keys as a couple meets them, through the real binary: Esc
 * takes back one step and puts a taken-back answer back in the box to be edited; with
 * nothing left to take back it asks before leaving the game, Esc stays and Enter leaves to
 * the title with the session saved; a choice of two shows "1 2", the arrows move the
 * highlight and Enter picks the highlighted choice; a time-out stops the turn timer. Each
 * step is read off the screen (heard --text-runs) and out of the session file. */
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

static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return bt_tmpdir_create(tmpdir, sizeof tmpdir, "keys");
}

static int teardown(void **state)
{
    (void)state;
    return bt_rmrf(tmpdir);
}

/* Plays SCENARIO headless with the input LINES (SHOTS replaced by the test's folder) at
 * 1280x720; returns the session file's path in SAVED ("" when none was made). */
static void play(const char *scenario, const char *lines, char *saved, size_t n)
{
    char input[512], cmd[2048];
    static char out[16384], text[16384];
    snprintf(input, sizeof input, "%s/input.txt", tmpdir);
    size_t k = 0;
    for (const char *p = lines; *p && k + 300 < sizeof text;) {
        if (strncmp(p, "SHOTS", 5) == 0) {
            k += (size_t)snprintf(text + k, sizeof text - k, "%s", tmpdir);
            p += 5;
        } else {
            text[k++] = *p++;
        }
    }
    text[k] = '\0';
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s play %s --headless --trace --text-runs --input %s --data-dir %s/data 2>&1",
             bt_bin(), scenario, input, tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed:\n%s", out);
    const char *at = strstr(out, "session ");
    snprintf(saved, n, "%s", at ? at + strlen("session ") : "");
    saved[strcspn(saved, "\n")] = '\0';
}

static void see(const char *shot, const char *const *phrases, size_t count)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", tmpdir, shot);
    st_assert_readable(path, 1280, 720, phrases, count);
}

static void test_keys_esc_takes_back_and_asks_before_leaving(void **state)
{
    (void)state;
    char saved[1024];
    play("microwave",
         "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
         "type I want a new microwave, ours broke again.\nkey Return\n"
         "type You want a new one.\nkey Return\n"
         /* back to the reply: it comes back into the box */
         "key Escape\nshot SHOTS/back-1.bmp\n"
         /* back to the startup, then nothing left: the question */
         "key Escape\nkey Escape\nshot SHOTS/ask.bmp\n"
         /* Esc stays; the startup is still in the box */
         "key Escape\nshot SHOTS/stay.bmp\n"
         "key Escape\nkey Return\nshot SHOTS/left.bmp\n",
         saved, sizeof saved);
    static const char *const back[] = {"Sam — Service agent", "You want a new one.",
                                       "it is back in the box to change"};
    see("back-1.bmp", back, 3);
    static const char *const ask[] = {"Leave this game?", "It is saved",
                                      "pick it up where you left off", "Leave", "Stay"};
    see("ask.bmp", ask, 5);
    static const char *const stay[] = {"Alex — Customer (holds the floor)",
                                       "I want a new microwave, ours broke again."};
    see("stay.bmp", stay, 2);
    char path[600];
    snprintf(path, sizeof path, "%s/stay.bmp", tmpdir);
    ScreenText *st = st_load(path);
    assert_false(st_has(st, "Leave this game?"));
    st_free(st);
    static const char *const title[] = {"Heard", "A listening game for two", "Past sessions"};
    see("left.bmp", title, 3);
    /* nothing was lost: the file holds both answers and both undos */
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_int_equal(s->undos, 2);
    assert_int_equal(s->n_answers, 0);
    assert_false(s->ended);
    session_free(s);
}

static void test_keys_enter_picks_the_highlighted_choice(void **state)
{
    (void)state;
    char saved[1024];
    play("microwave",
         "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
         "type I want a new microwave, ours broke again.\nkey Return\n"
         "type Well, my toaster doesn't work either.\nkey Return\n"
         "shot SHOTS/two.bmp\n"
         /* the park offer has two choices: Right moves to "No", Enter picks it */
         "key Right\nshot SHOTS/moved.bmp\nkey Return\n"
         "type You're fed up that the microwave broke again. Did I get it?\nkey Return\n"
         "key Right\nkey Right\nkey Return\n" /* the rating: Not yet, by the arrows */
         "shot SHOTS/end.bmp\n",
         saved, sizeof saved);
    char path[600];
    snprintf(path, sizeof path, "%s/two.bmp", tmpdir);
    ScreenText *st = st_load(path);
    assert_non_null(st_find_exact(st, "1 2"));
    assert_null(st_find_exact(st, "1 2 3"));
    assert_true(st_has(st, "Pick the highlighted"));
    st_free(st);
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    int parked = 0;
    const char *rating = NULL;
    for (size_t i = 0; i < s->n_turns; i++) {
        parked += strcmp(s->turns[i].kind, "park") == 0;
        if (strcmp(s->turns[i].kind, "rating") == 0)
            rating = s->turns[i].text;
    }
    assert_int_equal(parked, 0); /* "No": not parked */
    assert_non_null(rating);
    assert_string_equal(rating, "not_yet");
    session_free(s);
}

/* The money scenario gives each turn three minutes: a 20 s time-out does not eat into it. */
static void test_keys_time_out_stops_the_turn_timer(void **state)
{
    (void)state;
    char saved[1024];
    play("money",
         "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
         "wait 1000\nshot SHOTS/before.bmp\n"
         "key F9\nwait 20000\nkey F9\nwait 100\nshot SHOTS/after.bmp\n"
         "wait 10000\nshot SHOTS/later.bmp\n",
         saved, sizeof saved);
    static const char *const before[] = {"Time left: 2:59"};
    see("before.bmp", before, 1);
    static const char *const after[] = {"Time left: 2:59"};
    see("after.bmp", after, 1);
    static const char *const later[] = {"Time left: 2:49"};
    see("later.bmp", later, 1);
}

/* Ctrl+Q leaves a game half-way (asking first); the library names it unfinished, C continues
 * it where it was left, greeting the players in the accent colour (a greeting is not a
 * mistake: only "Type something first" and its like are in the error colour), and the rest of
 * the game is written on to the same file. */
static void test_keys_leave_and_continue_from_the_library(void **state)
{
    (void)state;
    char saved[1024];
    play("microwave",
         "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
         "type I want a new microwave, ours broke again.\nkey Return\n"
         "type You're fed up that it broke again. Did I get it?\nkey Return\n"
         "key Ctrl+q\nshot SHOTS/leave.bmp\nkey Return\nwait 500\n"
         "key l\nwait 100\nshot SHOTS/library.bmp\nkey c\nwait 100\nshot SHOTS/back.bmp\n"
         "key 1\nkey 2\ntype I'll call the repair shop tomorrow at nine.\nkey Return\nkey Return\n"
         "key Return\nshot SHOTS/empty.bmp\n" /* nothing typed: a mistake to put right */
         "type The kettle leaks.\nkey Return\n"
         "type The kettle leaks and that bothers you. Did I get it?\nkey Return\n"
         "key 1\nkey 2\nkey Return\nshot SHOTS/summary.bmp\n",
         saved, sizeof saved);
    static const char *const leave[] = {"Leave this game?", "It is saved"};
    see("leave.bmp", leave, 2);
    static const char *const library[] = {"The microwave and the toaster — Alex and Sam",
                                          "unfinished: C continues it"};
    see("library.bmp", library, 2);
    static const char *const back[] = {"Welcome back: the game goes on where you left it.",
                                       "Did Sam get it?", "You're fed up that it broke again."};
    see("back.bmp", back, 3);
    char path[600];
    snprintf(path, sizeof path, "%s/back.bmp", tmpdir);
    ScreenText *st = st_load(path);
    const StRun *welcome = st_find(st, "Welcome back"), *team = st_find(st, "Team +");
    assert_non_null(welcome);
    assert_non_null(team);
    assert_int_equal(welcome->color, team->color); /* the accent, as the team score */
    unsigned greeting = welcome->color;
    st_free(st);
    snprintf(path, sizeof path, "%s/empty.bmp", tmpdir);
    st = st_load(path);
    const StRun *empty = st_find(st, "Type something first");
    assert_non_null(empty);
    assert_int_not_equal(empty->color, greeting);
    st_free(st);
    static const char *const summary[] = {"Session summary",
                                          "I'll call the repair shop tomorrow at nine."};
    see("summary.bmp", summary, 2);
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_int_equal(rep.n_warnings, 0);
    assert_true(s->ended);
    assert_int_equal(s->n_answers, 10);
    for (size_t i = 0; i < s->n_turns; i++)
        assert_int_equal(s->turns[i].n, (int)i + 1);
    for (size_t i = 1; i < s->n_answers; i++) /* the clock went on, never back */
        assert_true(s->answers[i].ms >= s->answers[i - 1].ms);
    session_free(s);
}

/* The replay viewer at 1x: a 30 s pause plays in a second, and the answer taken back with Esc
 * shows in the transcript, marked as taken back. */
static void test_keys_replay_shortens_pauses_and_marks_what_was_taken_back(void **state)
{
    (void)state;
    char saved[1024], lines[4096];
    int n = snprintf(lines, sizeof lines,
                     "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n"
                     "type I want a new microwave, ours broke again.\nkey Return\n"
                     "wait 30000\ntype Whatever.\nkey Return\nwait 1000\nkey Escape\n"
                     "key Ctrl+a\ntype You're fed up that it broke again. Did I get it?\n"
                     "key Return\nkey Ctrl+q\nkey Return\nwait 200\nkey l\nkey Return\n");
    for (int i = 0; i < 5; i++) /* two and a half seconds at 1x, in frames */
        n += snprintf(lines + n, sizeof lines - (size_t)n, "wait 500\n");
    snprintf(lines + n, sizeof lines - (size_t)n, "shot SHOTS/replay.bmp\n");
    play("microwave", lines, saved, sizeof saved);
    static const char *const replay[] = {"REPLAY", "answer 2 of 2", "pause, shortened",
                                         "↶ taken back: “Whatever.”",
                                         "You're fed up that it broke again. Did I get it?"};
    see("replay.bmp", replay, 5);
}

/* High contrast, the text size and the two names are remembered between runs (the settings
 * file in the data folder); in high contrast the hint in an empty box is not in the colour
 * of typed text; a damaged settings file is named on the title and the game starts. */
static void test_keys_the_look_and_the_names_are_remembered(void **state)
{
    (void)state;
    char saved[1024];
    play("microwave",
         "shot SHOTS/players-1.bmp\ntype Maya\nkey Return\ntype Tom\nkey Return\n"
         "key Return\nkey F2\nkey Ctrl+=\nshot SHOTS/hint.bmp\ntype I\nshot SHOTS/typed.bmp\n",
         saved, sizeof saved);
    char path[600];
    snprintf(path, sizeof path, "%s/hint.bmp", tmpdir);
    ScreenText *st = st_load(path);
    const StRun *hint = st_find(st, "Start soft");
    assert_non_null(hint);
    snprintf(path, sizeof path, "%s/typed.bmp", tmpdir);
    ScreenText *typed = st_load(path);
    const StRun *i_typed = st_find_exact(typed, "I");
    assert_non_null(i_typed);
    assert_int_equal(i_typed->color, 0xffffff); /* high contrast: typed text is white */
    assert_int_not_equal(hint->color, i_typed->color);
    unsigned r = hint->color >> 16, g = (hint->color >> 8) & 255, b = hint->color & 255;
    assert_true(r != g || g != b); /* not a grey that reads as typed text */
    st_free(st);
    st_free(typed);
    /* a second run: the same look, the same names, ready to keep with Enter */
    snprintf(path, sizeof path, "%s/players-1.bmp", tmpdir);
    ScreenText *before = st_load(path);
    const StRun *title1 = st_find(before, "Who is playing?");
    assert_non_null(title1);
    int height1 = title1->rect.h;
    st_free(before);
    play("microwave", "shot SHOTS/players-2.bmp\n", saved, sizeof saved);
    snprintf(path, sizeof path, "%s/players-2.bmp", tmpdir);
    ScreenText *after = st_load(path);
    const StRun *title2 = st_find(after, "Who is playing?");
    assert_non_null(title2);
    assert_int_equal(title2->color, 0xffffff);
    assert_true(title2->rect.h > height1);
    assert_non_null(st_find_exact(after, "Maya"));
    assert_non_null(st_find_exact(after, "Tom"));
    st_free(after);
    /* a damaged file: said on the title, with the file's name, and the game goes on */
    char cmd[2048], out[4096];
    snprintf(path, sizeof path, "%s/data/settings.json", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"high_contrast\": tru", f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s --headless --frames 2 --text-runs --screenshot %s/title.bmp --data-dir %s/data "
             "2>&1",
             bt_bin(), tmpdir, tmpdir);
    assert_int_equal(bt_run(cmd, out, sizeof out), 0);
    assert_non_null(strstr(out, "settings.json:1:"));
    const char *words[] = {"settings.json:1:", "using the defaults", "Past sessions"};
    snprintf(path, sizeof path, "%s/title.bmp", tmpdir);
    st_assert_readable(path, 1280, 720, words, 3);
}

/* The largest text size keeps the play screen usable: the size is held to what the window
 * can lay out, at 1280x720 and 800x600, and every line reads with no overlap or cut. */
static void test_keys_largest_text_size_stays_usable(void **state)
{
    (void)state;
    for (int big = 0; big < 2; big++) {
        int w = big ? 1280 : 800, h = big ? 720 : 600;
        char input[512], cmd[2048], out[4096], shot[600];
        snprintf(input, sizeof input, "%s/zoom.txt", tmpdir);
        snprintf(shot, sizeof shot, "%s/zoom-%d.bmp", tmpdir, w);
        FILE *f = fopen(input, "w");
        assert_non_null(f);
        fputs("type Maya\nkey Return\ntype Tom\nkey Return\nkey Return\n"
              "type I'm tired of reheating stuff on the stove.\nkey Return\n"
              "type You're tired of the stove, but my toaster is broken too.\nkey Return\n",
              f);
        for (int i = 0; i < 12; i++)
            fputs("key Ctrl+=\n", f);
        fprintf(f, "shot %s\n", shot);
        fclose(f);
        snprintf(cmd, sizeof cmd,
                 "%s play microwave --headless --size %dx%d --text-runs --input %s "
                 "--data-dir %s/data-%d 2>&1",
                 bt_bin(), w, h, input, tmpdir, w);
        if (bt_run(cmd, out, sizeof out) != 0)
            fail_msg("heard failed: %s", out);
        static const char *const words[] = {"What the game saw in Tom's words",
                                            "I'm tired of reheating stuff on the stove.",
                                            "Park your toaster for later?", "Yes, park it"};
        st_assert_readable(shot, w, h, words, 4);
        ScreenText *st = st_load(shot);
        const StRun *title = st_find(st, "What the game saw");
        assert_true(title->rect.y + title->rect.h < h / 2); /* not pushed down to a sliver */
        st_free(st);
    }
}

/* At the largest text size the play screen's first frame, before any reply, explains the
 * empty panel in full inside the panel: no line spills out of it or is left out, at
 * 1280x720 and 800x600 (a game continued from Past sessions opens on this frame). */
static void test_keys_largest_text_size_keeps_the_empty_panel_whole(void **state)
{
    (void)state;
    for (int big = 0; big < 2; big++) {
        int w = big ? 1280 : 800, h = big ? 720 : 600;
        char input[512], cmd[2048], out[4096], shot[600];
        snprintf(input, sizeof input, "%s/zoom-start.txt", tmpdir);
        snprintf(shot, sizeof shot, "%s/zoom-start-%d.bmp", tmpdir, w);
        FILE *f = fopen(input, "w");
        assert_non_null(f);
        fputs("type Maya\nkey Return\ntype Tom\nkey Return\nkey Return\n", f);
        for (int i = 0; i < 12; i++)
            fputs("key Ctrl+=\n", f);
        fprintf(f, "shot %s\n", shot);
        fclose(f);
        snprintf(cmd, sizeof cmd,
                 "%s play microwave --headless --size %dx%d --text-runs --input %s "
                 "--data-dir %s/data-start-%d 2>&1",
                 bt_bin(), w, h, input, tmpdir, w);
        if (bt_run(cmd, out, sizeof out) != 0)
            fail_msg("heard failed: %s", out);
        static const char *const words[] = {"Maya, you hold the floor",
                                            "After each reply, the moves the game saw",
                                            "The one who spoke decides whether they count."};
        st_assert_readable(shot, w, h, words, 3);
    }
}

/* Two long names (47 bytes and 40) through the whole two-round game at 800x600: every
 * screen reads, no name split mid-word, the header keeps its last line. */
static void test_keys_long_names_fit_every_screen(void **state)
{
    (void)state;
    static const char *const longest = "Maximiliana Wilhelmina Fitzgerald-Montgomery";
    FILE *src = fopen("tests/data/play/microwave-two-rounds.txt", "r");
    assert_non_null(src);
    char line[512], lines[8192] = "";
    size_t n = 0;
    while (fgets(line, sizeof line, src)) {
        const char *out = line;
        char swapped[512];
        if (strcmp(line, "type Alex\n") == 0)
            snprintf(swapped, sizeof swapped, "type %s\n", longest), out = swapped;
        else if (strcmp(line, "type Sam\n") == 0)
            out = "type Bartholomew Alexander Papadopoulos-Smith\n";
        n += (size_t)snprintf(lines + n, sizeof lines - n, "%s", out);
    }
    fclose(src);
    snprintf(lines + n, sizeof lines - n,
             "key Return\nkey l\nwait 100\nshot SHOTS/09-library.bmp\n");
    char input[512], cmd[2048], out[8192], text[9000];
    size_t k = 0;
    for (const char *p = lines; *p && k + 300 < sizeof text;)
        if (strncmp(p, "SHOTS", 5) == 0) {
            k += (size_t)snprintf(text + k, sizeof text - k, "%s", tmpdir);
            p += 5;
        } else {
            text[k++] = *p++;
        }
    text[k] = '\0';
    snprintf(input, sizeof input, "%s/long.txt", tmpdir);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s play microwave --headless --size 800x600 --text-runs --input %s --data-dir "
             "%s/data 2>&1",
             bt_bin(), input, tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    static const struct {
        const char *shot, *words;
    } shots[] = {
        {"01-players.bmp", "Who is playing?"},
        {"03-startup.bmp", "Customer (holds the floor)"},
        {"04-park-offer.bmp", "Service agent"},
        {"05-rate.bmp", "Did Bartholomew Alexander Papadopoulos-Smith get it?"},
        {"07-handover.bmp", "now holds the floor"},
        {"08-play.bmp", "Got it"},
        {"09-summary.bmp", "Felt heard"},
        {"09-library.bmp", "Past sessions"},
    };
    for (size_t i = 0; i < sizeof shots / sizeof shots[0]; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s", tmpdir, shots[i].shot);
        st_assert_readable(path, 800, 600, &shots[i].words, 1);
    }
}

/* On the title too, Esc asks before quitting; F1 shows how to play, with the ideas behind
 * the game in their own names, readable at both sizes: whole lines only, none cut in half
 * above "more below", at the first page, scrolled, and at the largest text size. */
static void test_keys_title_asks_before_quitting_and_f1_helps(void **state)
{
    (void)state;
    for (int big = 0; big < 2; big++) {
        int w = big ? 1280 : 800, h = big ? 720 : 600;
        char input[512], cmd[2048], out[4096], shot[5][600];
        static const char *const names[] = {"quit", "stayed", "help", "help-down", "help-zoom"};
        for (int i = 0; i < 5; i++)
            snprintf(shot[i], sizeof shot[i], "%s/%s-%d.bmp", tmpdir, names[i], w);
        snprintf(input, sizeof input, "%s/title.txt", tmpdir);
        FILE *f = fopen(input, "w");
        assert_non_null(f);
        fprintf(f, "key Escape\nshot %s\nkey Escape\nshot %s\nkey F1\nshot %s\n", shot[0], shot[1],
                shot[2]);
        fprintf(f, "key Down\nkey Down\nkey Down\nwait 100\nshot %s\n", shot[3]);
        for (int i = 0; i < 12; i++)
            fputs("key Ctrl+=\n", f);
        fprintf(f, "wait 100\nkey Down\nkey Down\nwait 100\nshot %s\nkey Escape\n", shot[4]);
        fclose(f);
        snprintf(cmd, sizeof cmd,
                 "%s --headless --size %dx%d --text-runs --input %s --data-dir %s/data 2>&1",
                 bt_bin(), w, h, input, tmpdir);
        if (bt_run(cmd, out, sizeof out) != 0)
            fail_msg("heard failed: %s", out);
        static const char *const quit[] = {"Quit Heard?", "Every session is saved", "Quit", "Stay"};
        st_assert_readable(shot[0], w, h, quit, 4);
        ScreenText *st = st_load(shot[1]);
        assert_false(st_has(st, "Quit Heard?"));
        assert_true(st_has(st, "A listening game for two"));
        st_free(st);
        static const char *const help[] = {"How to play Heard", "How a round goes",
                                           "How the score works", "more below"};
        st_assert_readable(shot[2], w, h, help, 4);
        static const char *const more[] = {"more below"};
        for (int i = 2; i < 5; i++) {
            st_assert_readable(shot[i], w, h, more, 1);
            assert_true(st_assert_whole_lines(shot[i]) > 0);
        }
    }
}

/* On the names screen F1 shows how to play, as on every screen, and changes nothing: the
 * same player still holds the floor first, in the hint and in the game. F3 swaps who starts. */
static void test_keys_f1_on_the_names_screen_helps_and_changes_nothing(void **state)
{
    (void)state;
    char saved[1024];
    play("microwave",
         "type Alex\nkey Tab\ntype Sam\nkey F1\nwait 100\nshot SHOTS/names-help.bmp\n"
         "key Escape\nwait 100\nshot SHOTS/names-back.bmp\nkey Return\nkey Return\nwait 100\n"
         "shot SHOTS/names-start.bmp\n",
         saved, sizeof saved);
    static const char *const help[] = {"How to play Heard", "How a round goes"};
    see("names-help.bmp", help, 2);
    static const char *const back[] = {"Who is playing?", "Player 1  —  holds the floor first",
                                       "F3", "Swap who starts", "Help"};
    see("names-back.bmp", back, 5);
    static const char *const start[] = {"Alex — Customer (holds the floor)"};
    see("names-start.bmp", start, 1);
    play("microwave",
         "type Alex\nkey Tab\ntype Sam\nkey F3\nwait 100\nshot SHOTS/names-swapped.bmp\n"
         "key Return\nkey Return\nwait 100\nshot SHOTS/swapped-start.bmp\n",
         saved, sizeof saved);
    static const char *const swapped[] = {"Player 2  —  holds the floor first"};
    see("names-swapped.bmp", swapped, 1);
    static const char *const sam[] = {"Sam — Customer (holds the floor)"};
    see("swapped-start.bmp", sam, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_keys_esc_takes_back_and_asks_before_leaving, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_keys_enter_picks_the_highlighted_choice, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_keys_time_out_stops_the_turn_timer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys_title_asks_before_quitting_and_f1_helps, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_keys_leave_and_continue_from_the_library, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_keys_f1_on_the_names_screen_helps_and_changes_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_keys_replay_shortens_pauses_and_marks_what_was_taken_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys_the_look_and_the_names_are_remembered, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_keys_largest_text_size_keeps_the_empty_panel_whole,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys_largest_text_size_stays_usable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keys_long_names_fit_every_screen, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
