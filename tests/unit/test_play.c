/* test_play.c: a whole two-round session of the microwave scenario, played headless from an
 * input file through the real screens, then read back from the session file it saved: the
 * turns, the roles swapping, the moves the analyser found, the parked toaster returning as
 * a later round, the team score, the summary, and a screenshot of every screen at 1280x720
 * and 800x600 whose text (heard --text-runs, tests/support/screen_text.h) says what that
 * screen must say, with no line overlapping another or cut off. */
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
    snprintf(extra, sizeof extra, "--size %s --text-runs", size);
    if (bt_play_two_rounds(tmpdir, extra, saved, n, out, sizeof out) != 0)
        fail_msg("heard play failed: %s", out);
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_int_equal(rep.n_warnings, 0);
    return s;
}

#define PHRASES_MAX 5

/* Every screenshot of tests/data/play/microwave-two-rounds.txt and what it must show. */
static const struct {
    const char *name;
    const char *phrases[PHRASES_MAX];
} two_round_shots[] = {
    {"01-players", {"Who is playing?", "The microwave and the toaster", "Player 1", "Player 2"}},
    {"02-note", {"Before you start", "not therapy", "I understand — start"}},
    {"03-startup",
     {"Round 1 of 2", "Alex — Customer (holds the floor)", "Alex, you hold the floor",
      "I want a new microwave, ours broke again.", "Send"}},
    {"04-park-offer",
     {"Sam — Service agent", "Park your toaster for later?", "toaster — your own complaint",
      "An example of saying it back", "So you want a new microwave, ours broke again."}},
    {"04-parked",
     {"The floor is still Alex's", "Sam · service agent · reply · parked for later",
      "toaster — your own complaint", "An example of saying it back"}},
    {"05-rate", {"Did Sam get it?", "Got it", "Partly", "Not yet", "said it back +3"}},
    {"06-timeout", {"Time-out", "Take a breath", "Resume"}},
    {"07-handover",
     {"Round 2 of 2", "Pass the keyboard to Sam — Sam now holds the floor", "Alex listens",
      "Any key"}},
    {"07-toaster-returns",
     {"Round 2 of 2", "Sam — Customer (holds the floor)", "Bring back your parked toaster",
      "Something new"}},
    {"08-play", {"Did Alex get it?", "lands on you", "Got it", "Partly", "Not yet"}},
    {"09-summary",
     {"Session summary", "Team score +18", "Moves per partner", "Felt heard",
      "every grievance had its turn"}},
};

/* Each screenshot of the two-round session is W x H and readable, the transcript in whole
 * lines. */
static void check_two_round_shots(int w, int h)
{
    for (size_t i = 0; i < sizeof two_round_shots / sizeof two_round_shots[0]; i++) {
        char path[600];
        int bw, bh;
        snprintf(path, sizeof path, "%s/%s.bmp", tmpdir, two_round_shots[i].name);
        bt_bmp_size(path, &bw, &bh);
        assert_int_equal(bw, w);
        assert_int_equal(bh, h);
        size_t n = 0;
        while (n < PHRASES_MAX && two_round_shots[i].phrases[n])
            n++;
        st_assert_readable(path, w, h, two_round_shots[i].phrases, n);
        st_assert_whole_lines(path); /* the transcript, scrolled, shows no line cut in half */
    }
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

    check_two_round_shots(1280, 720);
}

/* Plays the microwave headless at W x H with the events of INPUT, writing the text of each
 * screenshot beside it (--text-runs), with FLAGS added ("" for none), and saves the session
 * under tmpdir/data-NAME-W; fails the test with heard's output if heard fails. Heard's
 * output goes to OUT (N bytes). */
static void play_microwave(const char *input, int w, int h, const char *flags, const char *name,
                           char *out, size_t n)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "%s play microwave --headless %s --size %dx%d --text-runs --input %s "
             "--data-dir %s/data-%s-%d 2>&1",
             bt_bin(), flags, w, h, input, tmpdir, name, w);
    if (bt_run(cmd, out, n) != 0)
        fail_msg("heard failed: %s", out);
}

/* At the largest text size the transcript scrolls after a startup and a reply; it shows
 * whole lines only, none cut in half at its top, at W x H. */
static void check_transcript_whole_lines_zoomed(int w, int h)
{
    char input[600], out[4096], shot[600];
    snprintf(input, sizeof input, "%s/zoom.txt", tmpdir);
    snprintf(shot, sizeof shot, "%s/transcript-zoom-%d.bmp", tmpdir, w);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("type Maya\nkey Return\ntype Tom\nkey Return\nkey Return\n"
          "type I'm tired of reheating stuff on the stove every single night.\nkey Return\n"
          "type You're tired of the stove, but my toaster is broken too.\nkey Return\nkey n\n",
          f);
    for (int i = 0; i < 12; i++)
        fputs("key Ctrl+=\n", f);
    fprintf(f, "wait 100\nshot %s\n", shot);
    fclose(f);
    play_microwave(input, w, h, "", "zoom", out, sizeof out);
    static const char *const words[] = {"my toaster is broken too."};
    st_assert_readable(shot, w, h, words, 1);
    assert_true(st_assert_whole_lines(shot) > 0);
}

static void test_play_the_transcript_shows_whole_lines_at_the_largest_size(void **state)
{
    (void)state;
    check_transcript_whole_lines_zoomed(1280, 720);
    check_transcript_whole_lines_zoomed(800, 600);
}

/* After Not yet at the largest text size, where the panel is short, the example of saying it
 * back is still shown, whole (written smaller, under a shorter title, if it must be), at
 * W x H in high contrast. */
static void check_example_after_not_yet_zoomed(int w, int h)
{
    char input[600], out[4096], shot[600];
    snprintf(input, sizeof input, "%s/example-zoom.txt", tmpdir);
    snprintf(shot, sizeof shot, "%s/example-zoom-%d.bmp", tmpdir, w);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("type Maya\nkey Return\ntype Tom\nkey Return\nkey Return\n", f);
    for (int i = 0; i < 12; i++)
        fputs("key Ctrl+=\n", f);
    fputs("type the microwave broke again and im so tired of heating my lunch on the stove\n"
          "key Return\n"
          "type so youre fed up because youre always the one waiting in for the repair guy. "
          "did i get it\nkey Return\nwait 300\nkey 3\nwait 300\n",
          f);
    fprintf(f, "shot %s\n", shot);
    fclose(f);
    play_microwave(input, w, h, "--high-contrast", "example", out, sizeof out);
    static const char *const words[] = {"Maya said not yet", "An example of saying it back",
                                        "Did I get that?"};
    st_assert_readable(shot, w, h, words, 3);
}

static void test_play_the_example_shows_after_not_yet_at_the_largest_size(void **state)
{
    (void)state;
    check_example_after_not_yet_zoomed(800, 600);
    check_example_after_not_yet_zoomed(1280, 720);
}

/* The parked toaster is one entry of the transcript, marked parked, not its words twice; the
 * panel goes on showing what the toaster cost, not "no moves recognised". */
static void test_play_a_parked_toaster_is_said_once(void **state)
{
    (void)state;
    char saved[1024];
    Session *s = play("1280x720", saved, sizeof saved);
    session_free(s);
    char path[600];
    snprintf(path, sizeof path, "%s/04-parked.bmp", tmpdir);
    ScreenText *st = st_load(path);
    int said = 0;
    for (size_t i = 0; i < st->count; i++)
        said += strcmp(st->runs[i].text, "Well, my toaster doesn't work either.") == 0;
    assert_int_equal(said, 1);
    assert_false(st_has(st, "No moves recognised"));
    st_free(st);
}

/* The screens of tests/data/play/partner-decides.txt and what each must show. */
static const struct {
    const char *name;
    const char *phrases[PHRASES_MAX];
} partner_shots[] = {
    {"pd-1-cancelled",
     {"cancelled by the toaster", "does not count", "An example of saying it back",
      "So you're tired of reheating stuff on the stove"}},
    {"pd-2-not-yet",
     {"Maya said not yet — try again", "repair — made up for a slip", "does not count",
      "An example of saying it back", "not heard yet — try again -3"}},
    {"pd-3-partly", {"Maya said Partly: half the listening points count", "partly heard"}},
    {"pd-4-got-it", {"Maya said Got it: felt heard +2", "★ felt heard +2"}},
    {"pd-5-handover", {"Pass the keyboard to Tom — Tom now holds the floor", "Any key"}},
    {"pd-6-say-it-again",
     {"Tom, say it again, softly", "Your toaster waited its turn",
      "Well, my toaster doesn't work either."}},
    {"pd-7-summary",
     {"Team score +25", "When Tom listened: Maya said Got it 1 of 3 times",
      "When Maya listened: Tom said Got it 1 of 1 time",
      "Tom will: I'll call the repair shop tomorrow at nine.", "every grievance had its turn"}},
};

/* The move TAG of T, or NULL. */
static const Move *move_of(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++)
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return &t->moves.items[i];
    return NULL;
}

/* The "rated" turn (the partner's word) with text WORD, or NULL. */
static const Turn *word_turn(const Session *s, const char *word)
{
    for (size_t i = 0; i < s->n_turns; i++)
        if (strcmp(s->turns[i].kind, "rated") == 0 && strcmp(s->turns[i].text, word) == 0)
            return &s->turns[i];
    return NULL;
}

/* The scripted game where the partner's word decides, asserted in the saved session: the
 * toaster cancelling the reflection it follows, the repair, Not yet withholding while the
 * repair stands, Partly keeping half, Got it's bonus, the toaster coming back as a softer
 * startup; and on every screen at W x H. */
static void check_partner_decides(int w, int h)
{
    char input[600], out[4096], saved[1024];
    snprintf(input, sizeof input, "%s/partner.txt", tmpdir);
    bt_copy_input("tests/data/play/partner-decides.txt", input, tmpdir);
    play_microwave(input, w, h, "--trace", "partner", out, sizeof out);
    const char *at = strstr(out, "session ");
    assert_non_null(at);
    snprintf(saved, sizeof saved, "%s", at + strlen("session "));
    saved[strcspn(saved, "\n")] = '\0';
    SessionLoadReport rep;
    Session *s = session_load(saved, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_true(s->ended);
    assert_int_equal(s->header.scoring, 2);
    const Turn *toaster = NULL, *repair = NULL, *back = NULL, *soft = NULL;
    int sum = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        const Turn *t = &s->turns[i];
        sum += t->moves.total;
        if (move_of(t, "toaster_cancels"))
            toaster = t;
        if (move_of(t, "repair"))
            repair = t;
        if (strcmp(t->kind, "unpark") == 0)
            back = t;
        if (back && !soft && strcmp(t->kind, "startup") == 0)
            soft = t;
    }
    assert_int_equal(s->team_score, sum);
    /* said back, then the toaster: the saying back is cancelled, point for point */
    assert_non_null(toaster);
    assert_non_null(move_of(toaster, "reflection"));
    assert_non_null(move_of(toaster, "counter_complaint"));
    assert_int_equal(
        move_of(toaster, "toaster_cancels")->points,
        -(move_of(toaster, "reflection")->points + move_of(toaster, "feeling")->points));
    /* the next try is a repair; Maya's Not yet withholds its listening, not the repair */
    assert_non_null(repair);
    assert_int_equal(repair->n, toaster->n + 2); /* right after the park */
    const Turn *not_yet = word_turn(s, "not_yet");
    assert_non_null(not_yet);
    assert_int_equal(not_yet->player, 1);
    assert_int_equal(not_yet->moves.total,
                     -(repair->moves.total - move_of(repair, "repair")->points));
    /* Partly keeps half; Got it earns the bonus */
    const Turn *partly = word_turn(s, "partly");
    assert_non_null(partly);
    assert_non_null(move_of(partly, "heard_partly"));
    assert_true(partly->moves.total < 0);
    const Turn *got_it = word_turn(s, "got_it");
    assert_non_null(got_it);
    assert_int_equal(move_of(got_it, "felt_heard")->points, 2);
    /* the toaster came back, and was said again, softly */
    assert_non_null(back);
    assert_int_equal(back->player, 1);
    assert_non_null(soft);
    assert_string_not_equal(soft->text, back->text);
    assert_non_null(move_of(soft, "soft_startup"));
    session_free(s);
    for (size_t i = 0; i < sizeof partner_shots / sizeof partner_shots[0]; i++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s.bmp", tmpdir, partner_shots[i].name);
        size_t n = 0;
        while (n < PHRASES_MAX && partner_shots[i].phrases[n])
            n++;
        st_assert_readable(path, w, h, partner_shots[i].phrases, n);
    }
    if (w >= 1280) { /* room for the reasons: the cancelling one says why */
        char path[600];
        snprintf(path, sizeof path, "%s/pd-1-cancelled.bmp", tmpdir);
        const char *why[] = {"You said it back, then brought your own complaint"};
        st_assert_readable(path, w, h, why, 1);
    }
}

static void test_play_the_partner_decides(void **state)
{
    (void)state;
    check_partner_decides(1280, 720);
    check_partner_decides(800, 600);
}

static void test_play_at_800x600_plays_the_same_game(void **state)
{
    (void)state;
    char saved[1024];
    Session *s = play("800x600", saved, sizeof saved);
    assert_true(s->ended);
    assert_true(s->n_turns > 8);
    session_free(s);
    check_two_round_shots(800, 600);
}

/* A reply with four moves (said it back, named the feeling, "did I get it?", a repair):
 * under it in the transcript, each move is read whole on one line, its name with its
 * points, at W x H and at a larger text size. */
static void check_moves_on_one_line(int w, int h)
{
    char input[600], out[4096];
    snprintf(input, sizeof input, "%s/moves.txt", tmpdir);
    bt_copy_input("tests/data/play/moves-on-one-line.txt", input, tmpdir);
    play_microwave(input, w, h, "", "moves", out, sizeof out);
    const char *moves[] = {"✔ said it back +3", "✔ named the feeling +2",
                           "✔ asked “did I get it?” +2", "★ repair — made up for a slip +2"};
    const char *shots[] = {"mw-1-four-moves", "mw-2-larger-text"};
    for (size_t k = 0; k < 2; k++) {
        char path[600];
        snprintf(path, sizeof path, "%s/%s.bmp", tmpdir, shots[k]);
        st_assert_readable(path, w, h, moves, 4);
        ScreenText *st = st_load(path);
        for (size_t i = 0; i < 4; i++)
            if (!st_find(st, moves[i]))
                fail_msg("%s at %dx%d: '%s' is split between two lines", shots[k], w, h, moves[i]);
        st_free(st);
    }
}

static void test_play_a_move_is_never_split_between_lines(void **state)
{
    (void)state;
    check_moves_on_one_line(1280, 720);
    check_moves_on_one_line(800, 600);
}

/* A next step typed as people type ("ill look up microwaves tonight"), which the analyser
 * does not read as one, is still what the summary lists to take away; and its counts read
 * as English ("asked 1 question"), at W x H. */
static void check_take_away(int w, int h)
{
    char input[600], out[4096], path[600];
    snprintf(input, sizeof input, "%s/take-away.txt", tmpdir);
    bt_copy_input("tests/data/play/take-away.txt", input, tmpdir);
    play_microwave(input, w, h, "", "take-away", out, sizeof out);
    snprintf(path, sizeof path, "%s/ta-summary.bmp", tmpdir);
    const char *phrases[] = {"To take away",
                             "tom will: ill look up microwaves tonight and order one by friday",
                             "Said it back 1 time, asked 1 question"};
    st_assert_readable(path, w, h, phrases, 3);
    ScreenText *st = st_load(path);
    assert_false(st_has(st, "No next step was agreed"));
    assert_false(st_has(st, "1 questions"));
    st_free(st);
}

static void test_play_the_summary_lists_the_step_offered(void **state)
{
    (void)state;
    check_take_away(1280, 720);
    check_take_away(800, 600);
}

/* The longest stretch of pixels of colour C on the rows around the middle of run R in the
 * screenshot SHOT: a line struck through R's words, or the widest stroke of a letter. */
static int longest_across(const char *shot, const StRun *r, unsigned c)
{
    static unsigned px[4096];
    int best = 0;
    for (int y = r->rect.y + r->rect.h / 2 - 2; y <= r->rect.y + r->rect.h / 2 + 3; y++) {
        int w = bt_bmp_row(shot, y, px, 4096), run = 0;
        for (int x = 0; x < w && x < 4096; x++) {
            run = px[x] == c ? run + 1 : 0;
            best = run > best ? run : best;
        }
    }
    return best;
}

/* Not yet withholds a reply's listening moves: the panel strikes each one through where it is
 * written, on each row of a move that wraps, and no further ("(does not count)" stays
 * readable), at W x H. */
static void check_struck_moves(int w, int h)
{
    char input[600], out[4096], shot[600];
    snprintf(input, sizeof input, "%s/struck.txt", tmpdir);
    bt_copy_input("tests/data/play/not-yet-struck.txt", input, tmpdir);
    play_microwave(input, w, h, "", "struck", out, sizeof out);
    snprintf(shot, sizeof shot, "%s/ny-struck.bmp", tmpdir);
    const char *phrases[] = {"Maya said not yet", "the listening points do not count",
                             "said it back", "(does not count)", "asked a yes-or-no question"};
    st_assert_readable(shot, w, h, phrases, 5);
    ScreenText *st = st_load(shot);
    int struck = 0;
    for (size_t i = 0; i < st->count; i++) {
        const StRun *r = &st->runs[i];
        if (!st_visible(r) || r->rect.x < w / 2 ||
            (!strstr(r->text, "✔ helps") && !strstr(r->text, "count)")))
            continue; /* the panel's move lines, and the rows a move wraps onto */
        int line = longest_across(shot, r, r->color);
        if (line > r->rect.w)
            fail_msg("%dx%d: the line through '%s' runs %d px past its words", w, h, r->text,
                     line - r->rect.w);
        if (strstr(r->text, "✔ helps")) {
            if (line < r->rect.w / 3)
                fail_msg("%dx%d: '%s' is not struck through", w, h, r->text);
            struck++;
        }
    }
    assert_int_equal(struck, 2);
    st_free(st);
}

static void test_play_not_yet_strikes_each_move_where_it_is_written(void **state)
{
    (void)state;
    check_struck_moves(1280, 720);
    check_struck_moves(800, 600);
}

/* The panel says only what happened, at W x H: after a startup with no moves, no heading
 * over an empty list (what the panel is for, instead); after Not yet on a reply with no
 * listening points, the word without "the listening points do not count", and no heading. */
static void check_nothing_withheld(int w, int h)
{
    char input[600], out[4096], shot[600];
    snprintf(input, sizeof input, "%s/withheld.txt", tmpdir);
    bt_copy_input("tests/data/play/not-yet-nothing-withheld.txt", input, tmpdir);
    play_microwave(input, w, h, "", "withheld", out, sizeof out);
    snprintf(shot, sizeof shot, "%s/nw-startup.bmp", tmpdir);
    const char *startup[] = {"I want a new microwave, ours broke again.",
                             "After each reply, the moves the game saw appear here"};
    st_assert_readable(shot, w, h, startup, 2);
    ScreenText *st = st_load(shot);
    assert_false(st_has(st, "What the game saw"));
    st_free(st);
    snprintf(shot, sizeof shot, "%s/nw-not-yet.bmp", tmpdir);
    const char *not_yet[] = {"Maya said not yet — try again", "No moves recognised in Tom's words",
                             "An example of saying it back"};
    st_assert_readable(shot, w, h, not_yet, 3);
    st = st_load(shot);
    assert_false(st_has(st, "do not count"));
    assert_false(st_has(st, "What the game saw"));
    st_free(st);
}

static void test_play_not_yet_on_no_listening_points_withholds_nothing(void **state)
{
    (void)state;
    check_nothing_withheld(1280, 720);
    check_nothing_withheld(800, 600);
}

/* The library lists the saved session, the replay viewer plays it back, and deleting it after
 * the confirmation removes the file: every screen at W x H, readable. */
static void check_library_tour(int w, int h)
{
    char saved[1024], input[512], cmd[2048], out[4096], size[32];
    snprintf(size, sizeof size, "%dx%d", w, h);
    Session *s = play(size, saved, sizeof saved);
    session_free(s);
    snprintf(input, sizeof input, "%s/library.txt", tmpdir);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fprintf(f,
            "key l\nwait 100\nshot %s/lib.bmp\nkey Return\nwait 2000\nkey 4\nwait 3000\n"
            "shot %s/replay.bmp\nkey Space\nkey t\nkey 5\nkey Return\nkey Right\n"
            "shot %s/replay-step.bmp\nkey Escape\nkey d\nshot %s/confirm.bmp\nkey n\nkey d\n"
            "key y\nshot %s/deleted.bmp\n",
            tmpdir, tmpdir, tmpdir, tmpdir, tmpdir);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s --headless --size %s --text-runs --input %s --data-dir %s/data 2>&1", bt_bin(),
             size, input, tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    static const struct {
        const char *name;
        const char *phrases[PHRASES_MAX];
    } shots[] = {
        {"lib",
         {"Past sessions", "The microwave and the toaster — Alex and Sam", "team +18", "Team score",
          "when Sam listened"}},
        {"replay", {"REPLAY", "answer 16 of 16", "Team +18", "Session complete", "Play/pause"}},
        {"replay-step",
         {"REPLAY", "answer 5 of 16", "Is there more?", "Yes, there's more", "No, that's it"}},
        {"confirm",
         {"Delete the session of", "(The microwave and the toaster, Alex and Sam) for good?",
          "Y deletes, any other key keeps it."}},
        {"deleted", {"No saved sessions yet.", "Deleted the session of"}},
    };
    for (size_t i = 0; i < sizeof shots / sizeof shots[0]; i++) {
        char path[600];
        int bw, bh;
        snprintf(path, sizeof path, "%s/%s.bmp", tmpdir, shots[i].name);
        bt_bmp_size(path, &bw, &bh);
        assert_int_equal(bw, w);
        assert_int_equal(bh, h);
        size_t n = 0;
        while (n < PHRASES_MAX && shots[i].phrases[n])
            n++;
        st_assert_readable(path, w, h, shots[i].phrases, n);
    }
    FILE *gone = fopen(saved, "r"); /* "n" kept it, "y" deleted it */
    assert_null(gone);
}

static void test_play_library_replays_and_deletes(void **state)
{
    (void)state;
    check_library_tour(1280, 720);
}

static void test_play_library_at_800x600(void **state)
{
    (void)state;
    check_library_tour(800, 600);
}

/* The replay's bar, at W x H and the standard or the largest text size (ZOOM), while it
 * says a 53 s pause was shortened: the whole bar reads, nothing cut at the window's edge. */
static void check_replay_bar(int w, int h, int zoom)
{
    char input[600], cmd[2048], out[4096], shot[600], data[600];
    snprintf(data, sizeof data, "%s/data-bar-%d-%d", tmpdir, w, zoom);
    snprintf(input, sizeof input, "%s/bar-game.txt", tmpdir);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("type Maya\nkey Return\ntype Sam\nkey Return\nkey Return\ntype the microwave\n"
          "wait 53000\ntype  broke again\nkey Return\n",
          f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s play microwave --headless --input %s --data-dir %s 2>&1",
             bt_bin(), input, data);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    snprintf(input, sizeof input, "%s/bar-replay.txt", tmpdir);
    f = fopen(input, "w");
    assert_non_null(f);
    fputs("key l\nwait 100\n", f);
    for (int i = 0; i < zoom; i++)
        fputs("key Ctrl+=\n", f);
    fputs("key Return\n", f);
    for (int i = 0; i < 8; i++) /* the note shows for 2.5 s once the pause is reached */
        fprintf(f, "wait 500\nshot %s/bar-%d-%d-%d.bmp\n", tmpdir, w, zoom, i);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "%s --headless --size %dx%d --text-runs --input %s --data-dir %s 2>&1", bt_bin(), w, h,
             input, data);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    int noted = 0;
    for (int i = 0; i < 8; i++) {
        snprintf(shot, sizeof shot, "%s/bar-%d-%d-%d.bmp", tmpdir, w, zoom, i);
        static const char *const words[] = {"REPLAY", "answer"};
        st_assert_readable(shot, w, h, words, 2);
        ScreenText *st = st_load(shot);
        noted += st_has(st, "a 53 s pause, shortened");
        st_free(st);
    }
    if (!noted)
        fail_msg("no screenshot of the replay at %dx%d says the pause was shortened", w, h);
}

static void test_play_the_replay_bar_reads_whole(void **state)
{
    (void)state;
    check_replay_bar(1280, 720, 0);
    check_replay_bar(800, 600, 0);
    check_replay_bar(1280, 720, 12);
    check_replay_bar(800, 600, 12);
}

/* Sets the start of the session saved at SAVED to ISO (UTC, as long as the one written) and
 * renames the file to NAME in its folder, so that the next game cannot take its name. */
static void start_at(const char *saved, const char *iso, const char *name)
{
    char path[1200];
    FILE *f = fopen(saved, "r+");
    assert_non_null(f);
    static char head[65536];
    size_t n = fread(head, 1, sizeof head - 1, f);
    head[n] = '\0';
    char *at = strstr(head, "\"started\":\"");
    assert_non_null(at);
    at += strlen("\"started\":\"");
    assert_int_equal(strcspn(at, "\""), strlen(iso));
    fseek(f, (long)(at - head), SEEK_SET);
    fputs(iso, f);
    fclose(f);
    snprintf(path, sizeof path, "%.*s/%s", (int)(strrchr(saved, '/') - saved), saved, name);
    assert_int_equal(rename(saved, path), 0);
}

/* Plays the two-round game and sets the saved session's start to ISO, its name to NAME. */
static void play_at(const char *iso, const char *name)
{
    char saved[1024], out[4096];
    if (bt_play_two_rounds(tmpdir, "", saved, sizeof saved, out, sizeof out) != 0)
        fail_msg("heard play failed: %s", out);
    start_at(saved, iso, name);
}

/* Plays the microwave with the commands INPUT into the folder DATA, then gives the session
 * the start ISO and the file NAME (start_at). */
static void play_input_at(const char *data, const char *input, const char *iso, const char *name)
{
    char path[600], cmd[2048], out[4096];
    snprintf(path, sizeof path, "%s/short.txt", tmpdir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(input, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s play microwave --headless --trace --input %s --data-dir %s 2>&1",
             bt_bin(), path, data);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    const char *at = strstr(out, "session ");
    assert_non_null(at);
    at += strlen("session ");
    char saved[1024];
    snprintf(saved, sizeof saved, "%.*s", (int)strcspn(at, "\n"), at);
    start_at(saved, iso, name);
}

/* The x of the felt-heard chart's y-axis in SHOT: the first pixel of the text colour C right
 * of the "100%" written at the axis, on the row a quarter of the way up from "0%". */
static int felt_axis_x(const char *shot, const ScreenText *st, unsigned c)
{
    const StRun *hi = NULL, *lo = NULL;
    for (size_t i = 0; i < st->count; i++) { /* the axis labels are the muted ones */
        if (strcmp(st->runs[i].text, "100%") == 0 && st->runs[i].color != c)
            hi = &st->runs[i];
        if (strcmp(st->runs[i].text, "0%") == 0 && st->runs[i].color != c)
            lo = &st->runs[i];
    }
    assert_non_null(hi);
    assert_non_null(lo);
    int y = lo->rect.y + lo->rect.h / 2 - (lo->rect.y - hi->rect.y) / 4;
    static unsigned px[4096];
    int w = bt_bmp_row(shot, y, px, 4096);
    for (int x = hi->rect.x + hi->rect.w; x < w && x < 4096; x++)
        if (px[x] == c)
            return x;
    fail_msg("%s: no y-axis right of \"100%%\"", shot);
    return -1;
}

/* The rows of the library's list in SHOT: the visible lines naming the microwave game. */
static int listed(const ScreenText *st)
{
    int n = 0;
    for (size_t i = 0; i < st->count; i++)
        if (st_visible(&st->runs[i]) &&
            strstr(st->runs[i].text, "The microwave and the toaster — Alex and Sam"))
            n++;
    return n;
}

/* The three sessions of the charts' library in SHOT (the first selected) and SHOT-last.bmp
 * (the last selected), W x H and readable: each one is listed, or the list says there are more
 * below; selecting the last shows it, and says there are more above when the first is no longer
 * listed. */
static void check_every_session_reachable(const char *shot, int w, int h)
{
    ScreenText *st = st_load(shot);
    int n = listed(st);
    if (n < 3 && !st_has(st, "more below"))
        fail_msg("%s: %d of 3 sessions listed and no \"more below\"", shot, n);
    assert_false(st_has(st, "more above"));
    st_free(st);
    char last[640];
    snprintf(last, sizeof last, "%s-last.bmp", shot);
    st_assert_readable(last, w, h, NULL, 0);
    st = st_load(last);
    if (!st_has(st, "5 December 2026, 09:15"))
        fail_msg("%s: the last session (09:15) is not listed once selected", last);
    n = listed(st);
    if (n < 3 && !st_has(st, "more above"))
        fail_msg("%s: %d of 3 sessions listed and no \"more above\"", last, n);
    st_free(st);
}

/* The library's charts, at W x H and at the largest text size (ZOOM): two finished games on
 * one day and a game left before anyone typed. Each point reads on its own: the two dates
 * carry their times; the game left empty is not charted as +0 (the list still shows it);
 * no value crosses the felt-heard chart's y-axis; the key names both partners whole. */
static void check_library_charts(int w, int h, int zoom)
{
    char input[600], cmd[2048], out[4096], shot[600];
    snprintf(input, sizeof input, "%s/charts.txt", tmpdir);
    snprintf(shot, sizeof shot, "%s/charts-%d-%d.bmp", tmpdir, w, zoom);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("key l\nwait 100\n", f);
    for (int i = 0; i < zoom; i++)
        fputs("key Ctrl+=\n", f);
    fprintf(f, "wait 100\nshot %s\nkey Down\nkey Down\nwait 100\nshot %s-last.bmp\n", shot, shot);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "TZ=UTC %s --headless --size %dx%d --text-runs --input %s --data-dir %s/data 2>&1",
             bt_bin(), w, h, input, tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    static const char *const words[] = {
        "Alex and Sam: 2 sessions", "5 Dec", "09:15", "20:40", "when Alex listened",
        "when Sam listened"};
    st_assert_readable(shot, w, h, words, 6);
    ScreenText *st = st_load(shot);
    assert_true(st_has(st, "team +0 · unfinished")); /* listed, not charted */
    assert_null(st_find_exact(st, "+0"));
    const StRun *fifty = st_find_exact(st, "50%");
    assert_non_null(fifty);
    int axis = felt_axis_x(shot, st, fifty->color);
    for (size_t i = 0; i < st->count; i++) { /* the values, in the text colour */
        const StRun *r = &st->runs[i];
        if (r->color == fifty->color && strchr(r->text, '%') && r->rect.x <= axis &&
            axis < r->rect.x + r->rect.w)
            fail_msg("%s: \"%s\" at x %d..%d crosses the y-axis at x %d", shot, r->text, r->rect.x,
                     r->rect.x + r->rect.w, axis);
    }
    st_free(st);
    check_every_session_reachable(shot, w, h);
}

static void test_play_library_charts_each_session_readably(void **state)
{
    (void)state;
    play_at("2026-12-05T09:15:00Z", "morning.jsonl");
    play_at("2026-12-05T20:40:00Z", "evening.jsonl");
    char input[600], cmd[2048], out[4096];
    snprintf(input, sizeof input, "%s/left.txt", tmpdir); /* left before anyone typed */
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\nkey Escape\nkey Return\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "%s play microwave --headless --input %s --data-dir %s/data 2>&1",
             bt_bin(), input, tmpdir);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    check_library_charts(1280, 720, 0);
    check_library_charts(800, 600, 0);
    check_library_charts(1280, 720, 12);
    check_library_charts(800, 600, 12);
}

/* The felt-heard values of three short games, close together at 800x600: Sam heard at
 * once, Alex heard at once, Sam not yet. At W x H and the standard or the largest text size
 * (ZOOM) no two values run together (at least a space between them on one row; "100%100%"
 * read as one), and none sits on the x-axis ("0%" was drawn across it). */
static void check_felt_values(const char *data, int w, int h, int zoom)
{
    char input[600], cmd[2048], out[4096], shot[600];
    snprintf(input, sizeof input, "%s/felt.txt", tmpdir);
    snprintf(shot, sizeof shot, "%s/felt-%d-%d.bmp", tmpdir, w, zoom);
    FILE *f = fopen(input, "w");
    assert_non_null(f);
    fputs("key l\nwait 100\n", f);
    for (int i = 0; i < zoom; i++)
        fputs("key Ctrl+=\n", f);
    fprintf(f, "wait 100\nshot %s\n", shot);
    fclose(f);
    snprintf(cmd, sizeof cmd,
             "TZ=UTC %s --headless --size %dx%d --text-runs --input %s --data-dir %s 2>&1",
             bt_bin(), w, h, input, data);
    if (bt_run(cmd, out, sizeof out) != 0)
        fail_msg("heard failed: %s", out);
    static const char *const words[] = {"Alex and Sam: 3 sessions", "Felt heard"};
    st_assert_readable(shot, w, h, words, 2);
    ScreenText *st = st_load(shot);
    const StRun *lo = NULL, *hi = NULL;
    for (size_t i = 0; i < st->count; i++) { /* the axis labels: "0%" under "100%", in muted */
        if (strcmp(st->runs[i].text, "100%") == 0 && !hi)
            hi = &st->runs[i];
        if (strcmp(st->runs[i].text, "0%") == 0 && hi && st->runs[i].color == hi->color &&
            st->runs[i].rect.x == hi->rect.x)
            lo = &st->runs[i];
    }
    assert_non_null(hi);
    assert_non_null(lo);
    int axis_y = lo->rect.y + lo->rect.h / 2, values = 0, space = st_find(st, "Felt")->rect.h / 4;
    for (size_t i = 0; i < st->count; i++) {
        const StRun *a = &st->runs[i];
        if (a == hi || a == lo || !strchr(a->text, '%') || strchr(a->text, ' '))
            continue;
        values++;
        if (a->rect.y <= axis_y && axis_y < a->rect.y + a->rect.h)
            fail_msg("%s: the value \"%s\" at y %d..%d sits on the x-axis at y %d", shot, a->text,
                     a->rect.y, a->rect.y + a->rect.h, axis_y);
        for (size_t j = 0; j < st->count; j++) {
            const StRun *b = &st->runs[j];
            if (j == i || !strchr(b->text, '%') || strchr(b->text, ' ') ||
                b->rect.y >= a->rect.y + a->rect.h || a->rect.y >= b->rect.y + b->rect.h)
                continue;
            int gap = b->rect.x >= a->rect.x ? b->rect.x - (a->rect.x + a->rect.w)
                                             : a->rect.x - (b->rect.x + b->rect.w);
            if (gap < space)
                fail_msg("%s: \"%s\" and \"%s\" run together (%d px apart)", shot, a->text, b->text,
                         gap);
        }
    }
    assert_int_equal(values, 3);
    st_free(st);
}

static void test_play_felt_heard_values_stand_apart(void **state)
{
    (void)state;
    char data[600];
    snprintf(data, sizeof data, "%s/data", tmpdir);
    static const char *const start = "type I want a new microwave, ours broke again.\nkey Return\n"
                                     "type So you want a new microwave because ours broke "
                                     "again?\nkey Return\n";
    char input[1024];
    snprintf(input, sizeof input,
             "type Alex\nkey Return\ntype Sam\nkey Return\nkey Return\n%skey 1\n", start);
    play_input_at(data, input, "2026-12-05T09:15:00Z", "a.jsonl");
    snprintf(input, sizeof input,
             "type Alex\nkey Tab\ntype Sam\nkey F3\nkey Return\nkey Return\n%skey 1\n", start);
    play_input_at(data, input, "2026-12-05T10:15:00Z", "b.jsonl");
    snprintf(input, sizeof input, "type Alex\nkey Return\ntype Sam\nkey Return\n%skey 3\n", start);
    play_input_at(data, input, "2026-12-05T11:15:00Z", "c.jsonl");
    check_felt_values(data, 1280, 720, 0);
    check_felt_values(data, 800, 600, 0);
    check_felt_values(data, 1280, 720, 12);
    check_felt_values(data, 800, 600, 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_play_two_rounds_of_the_microwave, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_play_the_transcript_shows_whole_lines_at_the_largest_size, setup, teardown),
        cmocka_unit_test_setup_teardown(
            test_play_the_example_shows_after_not_yet_at_the_largest_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_a_parked_toaster_is_said_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_the_partner_decides, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_at_800x600_plays_the_same_game, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_a_move_is_never_split_between_lines, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_play_the_summary_lists_the_step_offered, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_play_not_yet_strikes_each_move_where_it_is_written,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_not_yet_on_no_listening_points_withholds_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_library_replays_and_deletes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_library_at_800x600, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_the_replay_bar_reads_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_felt_heard_values_stand_apart, setup, teardown),
        cmocka_unit_test_setup_teardown(test_play_library_charts_each_session_readably, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
