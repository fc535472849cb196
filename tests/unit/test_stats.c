/* test_stats.c: a session's figures (game/session/stats.h), counted once for the summary
 * screen, the export, the library and `heard replay`: the team score and each partner's
 * points, moves per partner in the order of the tags, how each partner's listening was
 * rated, the next steps offered, the toasters parked and those that came back, the best
 * reflection; and the export saying what the figures say (nothing parked is not "every
 * parked toaster came back"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/session/export.h"
#include "game/session/stats.h"

#define TURNS_MAX 16

typedef struct Script {
    Turn turns[TURNS_MAX];
    size_t n;
} Script;

/* Appends a turn by PLAYER (0, 1, or -1 for a note) of KIND with TEXT. */
static Turn *say(Script *sc, int player, const char *kind, const char *text)
{
    assert_true(sc->n < TURNS_MAX);
    Turn *t = &sc->turns[sc->n];
    memset(t, 0, sizeof *t);
    t->n = (int)++sc->n;
    t->round = 1;
    t->player = player;
    t->role = ROLE_AGENT;
    snprintf(t->kind, sizeof t->kind, "%s", kind);
    t->text = (char *)text; /* borrowed: only read */
    return t;
}

static void move(Turn *t, const char *tag, int points)
{
    Move *m = &t->moves.items[t->moves.count++];
    snprintf(m->tag, sizeof m->tag, "%s", tag);
    m->points = points;
    snprintf(m->reason, sizeof m->reason, "because");
    t->moves.total += points;
}

/* Round 1: Ana complains, Ben counter-complains and parks it, reflects, is rated Partly then
 * Got it, offers a next step. Round 2: Ben brings the toaster back; Ana reflects with a
 * question; Ben rates it Not yet. */
static void two_rounds(Script *sc)
{
    say(sc, -1, "note", "Round 1");
    move(say(sc, 0, "startup", "The microwave broke again."), "soft_startup", 2);
    move(say(sc, 1, "reply", "My toaster is broken too."), "counter_complaint", -4);
    say(sc, 1, "park", "My toaster is broken too.");
    Turn *r = say(sc, 1, "reply", "You're fed up with it.");
    move(r, "reflection", 3);
    move(r, "feeling", 2);
    say(sc, 0, "rating", "partly");
    move(say(sc, 1, "reply", "So it keeps breaking on you."), "reflection", 3);
    say(sc, 0, "rating", "got_it");
    move(say(sc, 1, "closure", "I'll call the shop at nine."), "next_step", 2);
    say(sc, 1, "startup", "My toaster is broken too.")->round = 2;
    Turn *q = say(sc, 0, "reply", "Your toaster too? What happened?");
    q->round = 2;
    move(q, "reflection", 3);
    move(q, "question_open", 2);
    say(sc, 1, "rating", "not_yet")->round = 2;
}

static void test_stats_count_a_session_once(void **state)
{
    (void)state;
    Script sc = {0};
    two_rounds(&sc);
    SessionStats st;
    session_stats(sc.turns, sc.n, &st);
    assert_int_equal(st.points[0], 2 + 5);
    assert_int_equal(st.points[1], -4 + 5 + 3 + 2);
    assert_int_equal(st.team_score, st.points[0] + st.points[1]);
    assert_int_equal(st.turns[0], 4);
    assert_int_equal(st.turns[1], 7);
    assert_int_equal(st.moves[1], 5);
    assert_int_equal(st.reflections[0], 1);
    assert_int_equal(st.reflections[1], 2);
    assert_int_equal(st.questions[0], 1);
    /* Ana rated Ben's listening Partly, then Got it; Ben rated Ana's Not yet */
    assert_int_equal(st.heard[1][STATS_GOT_IT], 1);
    assert_int_equal(st.heard[1][STATS_PARTLY], 1);
    assert_int_equal(st.heard[1][STATS_NOT_YET], 0);
    assert_int_equal(st.heard[0][STATS_NOT_YET], 1);
    assert_int_equal(st.next_steps[1], 1);
    assert_int_equal(st.next_steps[0], 0);
    assert_int_equal(st.parked, 1);
    assert_int_equal(st.returned, 1);
    assert_false(session_stats_waiting(sc.turns, sc.n, 3));
    /* the earliest of the best: Ben's first reflection (5 points) */
    assert_int_equal(st.best_reflection, 4);
    /* the tags in the order of LABELS.md, only those made, each with its side */
    const char *order[] = {"reflection", "feeling",           "question_open",
                           "next_step",  "counter_complaint", "soft_startup"};
    assert_int_equal(st.n_tags, 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(st.tags[i], order[i]);
    assert_int_equal(st.tag_counts[0][1], 2);
    assert_true(st.tag_helps[0]);
    assert_false(st.tag_helps[4]);
}

static void test_stats_a_toaster_that_never_came_back_is_waiting(void **state)
{
    (void)state;
    Script sc = {0};
    move(say(&sc, 0, "startup", "The bins."), "soft_startup", 2);
    say(&sc, 1, "park", "And the car.");
    say(&sc, 0, "startup", "And the car!"); /* not the same words: not a return */
    SessionStats st;
    session_stats(sc.turns, sc.n, &st);
    assert_int_equal(st.parked, 1);
    assert_int_equal(st.returned, 0);
    assert_true(session_stats_waiting(sc.turns, sc.n, 1));
    assert_false(session_stats_waiting(sc.turns, sc.n, 0));
    assert_int_equal(st.best_reflection, -1);
}

/* The partner's word and the rules of play: a "rated" turn's points are the listener's, its
 * moves are not moves anyone made; a toaster not parked is counted; an "unpark" turn is a
 * return whatever words the startup after it uses; next steps and felt heard are read. */
static void test_stats_the_partners_word_and_the_take_away(void **state)
{
    (void)state;
    Script sc = {0};
    move(say(&sc, 0, "startup", "The bins."), "soft_startup", 2);
    Turn *toaster = say(&sc, 1, "reply", "You're tired, but my car!");
    move(toaster, "reflection", 3);
    move(toaster, "counter_complaint", -4);
    move(toaster, "toaster_cancels", -3);
    say(&sc, 1, "park", "You're tired, but my car!");
    Turn *again = say(&sc, 1, "reply", "You're tired of the bins.");
    move(again, "reflection", 3);
    move(again, "repair", 2);
    say(&sc, 0, "rating", "got_it");
    move(say(&sc, 1, "rated", "got_it"), "felt_heard", 2);
    move(say(&sc, 1, "closure", "I'll take them out on Monday."), "next_step", 2);
    Turn *u = say(&sc, 1, "unpark", "You're tired, but my car!");
    u->round = 2;
    Turn *soft = say(&sc, 1, "startup", "I feel stressed about the car, and I'd love help.");
    soft->round = 2;
    move(soft, "soft_startup", 2);
    Turn *no = say(&sc, 0, "reply", "What about my bike?");
    no->round = 2;
    move(no, "counter_complaint", -4);
    SessionStats st;
    session_stats(sc.turns, sc.n, &st);
    assert_int_equal(st.points[1], -4 + 5 + 2 + 2 + 2);
    assert_int_equal(st.repairs[1], 1);
    assert_int_equal(st.cancelled[1], 1);
    assert_int_equal(st.toasters, 2);
    assert_int_equal(st.parked, 1);
    assert_int_equal(st.returned, 1); /* said again in other words, and still a return */
    assert_false(session_stats_waiting(sc.turns, sc.n, 2));
    assert_true(session_stats_next_step(sc.turns, sc.n, 6));
    assert_false(session_stats_next_step(sc.turns, sc.n, 3));
    int rated;
    assert_int_equal(session_stats_felt_heard(&st, 1, &rated), 1);
    assert_int_equal(rated, 1);
    assert_int_equal(session_stats_felt_heard(&st, 0, &rated), 0);
    assert_int_equal(rated, 0);
    for (int i = 0; i < st.n_tags; i++)
        assert_int_not_equal(moves_group(st.tags[i]), MOVE_SCORING);
    assert_int_equal(st.moves[1], 5); /* 2 reflections, the toaster, the step, the startup */
    /* the best saying it back counts the partner's word on it */
    assert_int_equal(st.best_reflection, 3);
    /* one toaster was not parked: the take-away does not say every grievance had its turn */
    assert_null(strstr(export_toasters_words(&st), "every grievance had its turn"));
    assert_non_null(strstr(export_toasters_words(&st), "not parked"));
}

/* The Markdown export of SC's turns, in a Session made in memory. */
static char *export_md(Script *sc)
{
    Session s;
    memset(&s, 0, sizeof s);
    s.header.scenario_id = "kitchen";
    s.header.scenario_source = "return { id = \"kitchen\", title = \"Kitchen\", "
                               "description = \"d\", difficulty = 1 }\n";
    s.header.players[0] = "Ana";
    s.header.players[1] = "Ben";
    s.header.game_version = "0";
    s.turns = sc->turns;
    s.n_turns = sc->n;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    assert_int_equal(export_write(&s, EXPORT_MARKDOWN, "x.jsonl", f), 0);
    fclose(f);
    return buf;
}

static void test_stats_export_says_what_they_say(void **state)
{
    (void)state;
    Script none = {0};
    move(say(&none, 0, "startup", "The bins."), "soft_startup", 2);
    move(say(&none, 1, "reply", "You're tired of the bins."), "reflection", 3);
    say(&none, 0, "rating", "got_it");
    char *md = export_md(&none);
    assert_null(strstr(md, "every parked toaster came back"));
    assert_null(strstr(md, "every grievance had its turn"));
    assert_non_null(strstr(md, "No toaster was parked"));
    assert_non_null(strstr(md, "**Team score: 5**"));
    assert_non_null(strstr(md, "| Listening rated Got it · Partly · Not yet | 0 · 0 · 0 | "
                               "1 · 0 · 0 |"));
    free(md);

    Script back = {0};
    two_rounds(&back);
    md = export_md(&back);
    assert_non_null(strstr(md, "every parked toaster came back"));
    assert_non_null(strstr(md, "| Next steps offered | 0 | 1 |"));
    free(md);
}

/* The listener's answer to "a next step?" is a step to take away even when the analyser saw
 * no next_step in it (typed without apostrophes), and the export counts and lists it; an
 * answer there that costs points is not a step. */
static void test_stats_a_closure_in_plain_words_is_a_next_step(void **state)
{
    (void)state;
    Script sc = {0};
    move(say(&sc, 0, "startup", "The bins."), "soft_startup", 2);
    move(say(&sc, 1, "reply", "You're tired of the bins."), "reflection", 3);
    say(&sc, 0, "rating", "got_it");
    say(&sc, 1, "closure", "ill take them out on monday");
    Turn *dig = say(&sc, 0, "closure", "whatever, fine");
    move(dig, "minimizing", -2);
    assert_true(session_stats_next_step(sc.turns, sc.n, 3));
    assert_false(session_stats_next_step(sc.turns, sc.n, 4));
    assert_false(session_stats_next_step(sc.turns, sc.n, 1));
    SessionStats st;
    session_stats(sc.turns, sc.n, &st);
    assert_int_equal(st.next_steps[1], 1);
    assert_int_equal(st.next_steps[0], 0);
    char *md = export_md(&sc);
    assert_non_null(strstr(md, "| Next steps offered | 0 | 1 |"));
    assert_non_null(strstr(md, "ill take them out on monday"));
    assert_null(strstr(md, "no next step was agreed"));
    free(md);
}

/* Every turn's answer at once (session_stats_waiting_marks) is the one each turn gets when
 * asked alone, on thousands of parks and startups with repeated texts in every order; and
 * points summed past what an int holds stay within it. */
static void test_stats_waiting_marks_agree_with_each_turn(void **state)
{
    (void)state;
    enum { N = 3000 };
    static const char *const texts[] = {"toaster", "kettle", "bills", "", "dishes", "late"};
    static const char *const kinds[] = {"park", "startup", "reply", "park", "note"};
    Turn *turns = calloc(N, sizeof *turns);
    unsigned char *marks = malloc(N);
    assert_non_null(turns);
    assert_non_null(marks);
    unsigned seed = 7;
    size_t parks = 0, waiting = 0;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        snprintf(turns[i].kind, sizeof turns[i].kind, "%s", kinds[(seed >> 8) % 5]);
        turns[i].text = (char *)texts[(seed >> 16) % 6];
        turns[i].player = (int)(seed >> 4) % 2;
        turns[i].moves.total = 2000000000; /* a hand-made file's points */
        parks += strcmp(turns[i].kind, "park") == 0;
    }
    assert_int_equal(session_stats_waiting_marks(turns, N, marks), 0);
    for (size_t i = 0; i < N; i++) {
        assert_int_equal(marks[i], session_stats_waiting(turns, N, i));
        waiting += marks[i];
    }
    assert_true(waiting > 0 && waiting < parks); /* both answers were tried */
    SessionStats st;
    session_stats(turns, N, &st);
    assert_int_equal(st.parked, (int)parks);
    assert_int_equal(st.returned, (int)(parks - waiting));
    assert_int_equal(st.team_score, INT32_MAX);
    assert_int_equal(st.points[0], INT32_MAX);
    free(turns);
    free(marks);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_count_a_session_once),
        cmocka_unit_test(test_stats_a_toaster_that_never_came_back_is_waiting),
        cmocka_unit_test(test_stats_the_partners_word_and_the_take_away),
        cmocka_unit_test(test_stats_export_says_what_they_say),
        cmocka_unit_test(test_stats_a_closure_in_plain_words_is_a_next_step),
        cmocka_unit_test(test_stats_waiting_marks_agree_with_each_turn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
