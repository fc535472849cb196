/* test_resume.c: going on with a stopped session (game/match/resume.h). A two-round game is
 * left half-way (the match closed with no end line), then continued from its file: the
 * players are where they stopped, what follows is written on to the same file, the turns
 * number on, the clock goes on from where it was, and the finished file replays and verifies
 * identical. A torn last line (a crash in the middle of a write) is cut off before writing
 * on; a finished session, and a file that is not a session, are refused with the reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/match/replay.h"
#include "game/match/resume.h"

static char tmpdir[] = "/tmp/heard-test-resume-XXXXXX";
static Rules *rules;

static int group_setup(void **state)
{
    (void)state;
    ScriptError err;
    rules = rules_load(".", &err);
    return rules && mkdtemp(tmpdir) ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    rules_destroy(rules);
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *const GAME[] = {
    "I want a new microwave, ours broke again.",
    "You're fed up that the microwave broke again and you want a new one. Did I get it?",
    "#0", /* Got it */
    "#1", /* no more */
    "I'll look at microwaves online tonight.",
    /* round 2: Sam holds the floor */
    "I feel tired when the dishes pile up, and I'd love help after dinner.",
    "You're tired when the dishes pile up and you'd like help after dinner. Is that it?",
    "#0",
    "#1",
    "",
};
#define STOP_AFTER 6 /* answers before the game is left */

static void give(Match *m, const char *a, uint32_t ms)
{
    ScriptError err;
    int rc = a[0] == '#' ? match_answer_choice(m, atoi(a + 1), ms, &err)
                         : match_answer_text(m, a, ms, &err);
    if (rc != 0)
        fail_msg("answer '%s': %d %s", a, rc, err.message);
}

/* Plays the first STOP_AFTER answers into a fresh folder NAME and leaves; returns the file. */
static void play_half(const char *name, char *path, size_t n)
{
    char dir[PATH_MAX], cmd[PATH_MAX + 16];
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, name);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_path = "scripts/scenarios/microwave.lua",
                       .names = {"Alex", "Sam"},
                       .seed = 11,
                       .save_dir = dir};
    ScriptError err;
    Match *m = match_create(&cfg, &err);
    assert_non_null(m);
    for (size_t i = 0; i < STOP_AFTER; i++)
        give(m, GAME[i], 1000u * (uint32_t)(i + 1));
    snprintf(path, n, "%s", match_save_path(m));
    match_destroy(m); /* left: no end line */
}

static void test_resume_goes_on_where_it_stopped(void **state)
{
    (void)state;
    char path[PATH_MAX], err[800];
    play_half("half", path, sizeof path);
    SessionLoadReport rep;
    Session *before = session_load(path, &rep);
    assert_non_null(before);
    assert_false(before->ended);
    size_t turns_before = before->n_turns;
    uint32_t clock = 0;
    Match *m = resume_match(path, rules, ".", NULL, NULL, &clock, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_true(clock > before->answers[before->n_answers - 1].ms);
    const Flow *f = match_flow(m);
    assert_int_equal(flow_round(f), 2); /* where they stopped: Sam's startup was scored */
    assert_int_equal(flow_ask(f)->player, 0);
    assert_int_equal(flow_ask(f)->role, ROLE_AGENT);
    assert_string_equal(match_save_path(m), path);
    for (size_t i = STOP_AFTER; i < sizeof GAME / sizeof GAME[0]; i++)
        give(m, GAME[i], clock + 1000u * (uint32_t)i);
    assert_true(flow_finished(f));
    size_t n_turns = flow_turn_count(f);
    match_destroy(m);
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_int_equal(rep.n_warnings, 0);
    assert_true(s->ended);
    assert_int_equal(s->n_answers, sizeof GAME / sizeof GAME[0]);
    assert_int_equal(s->n_turns, n_turns);
    assert_true(s->n_turns > turns_before);
    for (size_t i = 0; i < s->n_turns; i++)
        assert_int_equal(s->turns[i].n, (int)i + 1);
    ReplayResult res;
    assert_int_equal(replay_run(s, path, rules, ".", &res), 0);
    assert_true(res.identical);
    replay_result_free(&res);
    session_free(before);
    session_free(s);
}

static void test_resume_cuts_a_torn_line_and_refuses_what_it_cannot_go_on_with(void **state)
{
    (void)state;
    char path[PATH_MAX], err[800], cmd[PATH_MAX + 64];
    play_half("torn", path, sizeof path);
    snprintf(cmd, sizeof cmd, "printf '{\"type\":\"turn\",\"n\":9' >> '%s'", path);
    assert_int_equal(system(cmd), 0);
    uint32_t clock;
    Match *m = resume_match(path, rules, ".", NULL, NULL, &clock, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    for (size_t i = STOP_AFTER; i < sizeof GAME / sizeof GAME[0]; i++)
        give(m, GAME[i], clock + 1000u * (uint32_t)i);
    match_destroy(m);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(rep.n_warnings, 0); /* the torn line is gone, nothing glued to it */
    assert_int_equal(rep.skipped_lines, 0);
    assert_true(s->ended);
    session_free(s);
    /* finished now: nothing to go on with */
    assert_null(resume_match(path, rules, ".", NULL, NULL, &clock, err, sizeof err));
    assert_non_null(strstr(err, "is finished"));
    assert_non_null(strstr(err, path));
    snprintf(cmd, sizeof cmd, "%s/not-a-session.jsonl", tmpdir);
    FILE *fp = fopen(cmd, "w");
    assert_non_null(fp);
    fputs("hello\n", fp);
    fclose(fp);
    assert_null(resume_match(cmd, rules, ".", NULL, NULL, &clock, err, sizeof err));
    assert_non_null(strstr(err, "not-a-session.jsonl"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_resume_goes_on_where_it_stopped),
        cmocka_unit_test(test_resume_cuts_a_torn_line_and_refuses_what_it_cannot_go_on_with),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
