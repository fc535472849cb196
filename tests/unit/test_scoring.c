/* test_scoring.c: the game's rules of play (game/match/scoring.h, docs/scoring.md) through
 * a real match: the partner's Got it earns the felt-heard bonus, Partly keeps half the
 * listening points, Not yet withholds them while hurting moves still cost theirs; a toaster
 * cancels the reflection it follows; a repair after a slip earns its bonus; a rating's
 * points are the listener's; a scenario's points change the bonuses and cannot set what is
 * worked out; `heard check` examples can state a rating; and a session saved under the first
 * rules of play (before the partner's word counted) replays and verifies as it was scored.
 *
 * The moves of a reply are named in brackets ("[reflection]") by the test scenario's own
 * rule, which drops whatever the analyser found, so these tests do not depend on how the
 * analyser reads English. Links no SDL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game/check/check.h"
#include "game/match/match.h"
#include "game/match/replay.h"
#include "game/match/scoring.h"
#include "game/session/session.h"
#include "game/session/stats.h"

static char tmpdir[] = "/tmp/heard-test-scoring-XXXXXX";
static Rules *rules;

/* One round; a reply's moves are the tags written in brackets, at these points. */
#define MARKS_RULE                                                                                 \
    "  rules = function(turn, moves, add, drop)\n"                                                 \
    "    local found = {}\n"                                                                       \
    "    for _, m in ipairs(moves) do found[#found + 1] = m.tag end\n"                             \
    "    for _, tag in ipairs(found) do drop(tag) end\n"                                           \
    "    local worth = { reflection = 3, feeling = 2, check = 2, apology = 2, next_step = 2,\n"    \
    "      soft_startup = 2, counter_complaint = -4, criticism = -3 }\n"                           \
    "    for tag in turn.text:gmatch('%[([%a_]+)%]') do add(tag, worth[tag] or 1, 'marked') end\n" \
    "  end,\n"

static const char MARKS[] = "return { id = \"marks\", title = \"Marks\", description = \"d\",\n"
                            "  difficulty = 1, rounds = 1,\n" MARKS_RULE "}\n";

static int group_setup(void **state)
{
    (void)state;
    ScriptError err;
    rules = rules_load(".", &err);
    if (!rules || !mkdtemp(tmpdir)) {
        fprintf(stderr, "test_scoring: %s\n", rules ? "no temporary folder" : err.message);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    rules_destroy(rules);
    char cmd[PATH_MAX];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

/* A match of the scenario SOURCE under rules of play SCORING, saved when DIR is set. */
static Match *start(const char *source, int scoring, const char *dir)
{
    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_source = source,
                       .scenario_name = "marks.lua",
                       .names = {"Maya", "Tom"},
                       .first = 0,
                       .seed = 3,
                       .save_dir = dir,
                       .scoring = scoring};
    ScriptError err;
    Match *m = match_create(&cfg, &err);
    if (!m)
        fail_msg("match_create: %s", err.message);
    return m;
}

/* Gives answer A ("#N" picks choice N). */
static void give(Match *m, const char *a)
{
    ScriptError err;
    uint32_t ms = 1000u * (uint32_t)(flow_answer_count(match_flow(m)) + 1);
    int rc = a[0] == '#' ? match_answer_choice(m, atoi(a + 1), ms, &err)
                         : match_answer_text(m, a, ms, &err);
    if (rc != 0)
        fail_msg("answer '%s': %d %s", a, rc, err.message);
}

static const Turn *last(const Match *m)
{
    const Flow *f = match_flow(m);
    return flow_turn(f, flow_turn_count(f) - 1);
}

/* The points of TAG in T, or -99 when T has no such move. */
static int points_of(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++)
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return t->moves.items[i].points;
    return -99;
}

static const char *reason_of(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++)
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return t->moves.items[i].reason;
    fail_msg("no %s in turn %d", tag, t->n);
    return NULL;
}

/* Maya holds the floor; Tom says it back and brings his toaster, does not park it, tries
 * again (a repair), is told Not yet, Partly, then Got it, and offers a next step. */
static const char *const ROUND[] = {
    "The bins were left out again [soft_startup]",
    "You're tired of the bins [reflection] [feeling], but my car is filthy [counter_complaint]",
    "#1", /* no, do not park it */
    "So it's the bins [reflection]",
    "#2", /* Not yet */
    "And the recycling too.",
    "The bins and the recycling, every week [reflection] [feeling] [check]",
    "#1", /* Partly */
    "",   /* nothing to add */
    "You're fed up with carrying all of it [reflection]",
    "#0", /* Got it */
    "#1", /* nothing more */
    "I'll take them out on Monday nights [next_step]",
};

static void test_scoring_the_partner_decides(void **state)
{
    (void)state;
    Match *m = start(MARKS, 0, NULL);
    const Flow *f = match_flow(m);
    give(m, ROUND[0]);
    give(m, ROUND[1]);
    /* the toaster cancels the listening it follows, and says so */
    const Turn *t = last(m);
    assert_int_equal(points_of(t, "reflection"), 3);
    assert_int_equal(points_of(t, MOVE_TOASTER_CANCELS), -5);
    assert_int_equal(t->moves.total, -4);
    assert_non_null(strstr(reason_of(t, MOVE_TOASTER_CANCELS),
                           "You said it back, then brought your own complaint"));
    give(m, ROUND[2]);
    give(m, ROUND[3]);
    /* saying it back after the slip is a repair */
    t = last(m);
    assert_int_equal(points_of(t, MOVE_REPAIR), MOVE_REPAIR_POINTS);
    assert_non_null(strstr(reason_of(t, MOVE_REPAIR), "You made up for 'You're tired of the"));
    assert_int_equal(t->moves.total, 3 + MOVE_REPAIR_POINTS);
    /* Not yet: the 3 listening points do not count; the repair stands */
    give(m, ROUND[4]);
    t = last(m);
    /* the rating is Maya's turn; what her word did is Tom's, right after it */
    const Flow *fl = match_flow(m);
    const Turn *rating = flow_turn(fl, flow_turn_count(fl) - 2);
    assert_string_equal(rating->kind, "rating");
    assert_string_equal(rating->text, "not_yet");
    assert_int_equal(rating->player, 0);
    assert_int_equal(rating->moves.count, 0);
    assert_string_equal(t->kind, "rated");
    assert_string_equal(t->text, "not_yet");
    assert_int_equal(t->player, 1);
    assert_int_equal(t->role, ROLE_AGENT);
    assert_int_equal(points_of(t, MOVE_NOT_HEARD_YET), -3);
    assert_non_null(strstr(reason_of(t, MOVE_NOT_HEARD_YET), "Maya said Not yet"));
    give(m, ROUND[5]);
    give(m, ROUND[6]);
    /* Partly: half of 7, rounded up, counts */
    give(m, ROUND[7]);
    assert_int_equal(points_of(last(m), MOVE_HEARD_PARTLY), -3);
    give(m, ROUND[8]);
    give(m, ROUND[9]);
    /* Got it: every listening point, and the felt-heard bonus */
    give(m, ROUND[10]);
    t = last(m);
    assert_int_equal(t->moves.count, 1);
    assert_int_equal(points_of(t, MOVE_FELT_HEARD), MOVE_FELT_HEARD_POINTS);
    assert_non_null(strstr(reason_of(t, MOVE_FELT_HEARD), "Maya said Got it: Maya felt heard"));
    give(m, ROUND[11]);
    give(m, ROUND[12]);
    assert_true(flow_finished(f));
    /* Tom: -4 + 5 - 3 + 7 - 3 + 3 + 2 + 2 = 9; Maya: her soft startup, 2 */
    assert_int_equal(flow_player_score(f, 1), 9);
    assert_int_equal(flow_player_score(f, 0), 2);
    assert_int_equal(flow_team_score(f), 11);
    size_t n;
    const Turn *turns = flow_turns(f, &n);
    SessionStats st;
    session_stats(turns, n, &st);
    assert_int_equal(st.points[1], 9);
    assert_int_equal(st.repairs[1], 1);
    assert_int_equal(st.cancelled[1], 1);
    assert_int_equal(st.toasters, 1);
    int rated;
    assert_int_equal(session_stats_felt_heard(&st, 1, &rated), 1);
    assert_int_equal(rated, 3);
    /* the moves per partner are the moves made: the partner's word is not one */
    for (int i = 0; i < st.n_tags; i++)
        assert_int_not_equal(moves_group(st.tags[i]), MOVE_SCORING);
    match_destroy(m);
}

/* A hurting move costs its points whatever the partner says; a Not yet on a reply with no
 * listening points withholds nothing, and a Got it still earns the bonus. */
static void test_scoring_hurting_moves_cost_whatever_the_word(void **state)
{
    (void)state;
    Match *m = start(MARKS, 0, NULL);
    give(m, "The bins [soft_startup]");
    give(m, "You always leave them [criticism]");
    give(m, "#0"); /* Got it */
    const Turn *t = last(m);
    assert_int_equal(t->moves.count, 1);
    assert_int_equal(points_of(t, MOVE_FELT_HEARD), 2);
    give(m, "#0"); /* yes, there's more */
    give(m, "Also the recycling.");
    give(m, "You always forget [criticism]");
    give(m, "#2"); /* Not yet: nothing to withhold, the criticism stands */
    assert_string_equal(last(m)->kind, "rating");
    assert_int_equal(flow_player_score(match_flow(m), 1), -3 + 2 - 3);
    match_destroy(m);
}

/* A scenario's points change the bonuses; the weighing takes no points of its own. */
static void test_scoring_scenario_points_change_the_bonuses(void **state)
{
    (void)state;
    static const char bigger[] =
        "return { id = \"marks\", title = \"Marks\", description = \"d\",\n"
        "  difficulty = 1, rounds = 1,\n"
        "  points = { felt_heard = 5, repair = 4 },\n" MARKS_RULE "}\n";
    Match *m = start(bigger, 0, NULL);
    give(m, "The bins [soft_startup]");
    give(m, "You always leave them [criticism]");
    give(m, "#2");
    give(m, "");
    give(m, "Sorry, I left them again [apology]");
    assert_int_equal(points_of(last(m), MOVE_REPAIR), 4);
    give(m, "#0");
    assert_int_equal(points_of(last(m), MOVE_FELT_HEARD), 5);
    match_destroy(m);

    static const char wrong[] = "return { id = \"w\", title = \"W\", description = \"d\",\n"
                                "  difficulty = 1,\n"
                                "  points = { not_heard_yet = -1 },\n"
                                "}\n";
    ScenarioInfo info;
    assert_int_not_equal(scenario_info_load_source("wrong.lua", wrong, strlen(wrong), &info), 0);
    assert_non_null(strstr(info.error, "wrong.lua:3: error: points.not_heard_yet cannot be set"));
}

/* `heard check` scores an example with a rating as in play: the reply, then the word. */
static void test_scoring_check_examples_state_a_rating(void **state)
{
    (void)state;
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/rated.lua", tmpdir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("return { id = \"rated\", title = \"Rated\", description = \"d\", difficulty = "
          "1,\n" MARKS_RULE "  examples = {\n"
          "    { context = \"The bins.\", reply = \"You're tired [reflection] [feeling]\",\n"
          "      rating = \"not_yet\", moves = { \"reflection\", \"not_heard_yet\" } },\n"
          "    { context = \"The bins.\", reply = \"You're tired [reflection]\",\n"
          "      rating = \"got_it\", moves = { \"felt_heard\" } },\n"
          "  },\n"
          "}\n",
          fp);
    fclose(fp);
    ScriptError err;
    Checker *c = check_create(".", &err);
    assert_non_null(c);
    CheckResult r;
    check_file(c, path, &r);
    assert_true(r.passed);
    assert_int_equal(r.nexamples, 2);
    assert_int_equal(r.examples[0].found.total, 0); /* 5 listening points withheld */
    assert_int_equal(r.examples[1].found.total, 3 + MOVE_FELT_HEARD_POINTS);
    check_result_free(&r);
    check_destroy(c);
}

/* Rewrites the header of the session file PATH as a Heard before format 4 wrote it: no
 * "scoring", format 3. */
static void make_it_old(const char *path)
{
    char cmd[PATH_MAX * 2];
    snprintf(cmd, sizeof cmd,
             "sed -i -e '1s/,\"scoring\":1//' -e '1s/\"format\":4/\"format\":3/' '%s'", path);
    assert_int_equal(system(cmd), 0);
}

/* A session scored under the first rules of play keeps its points: it replays and verifies
 * identical, the toaster cancels nothing and the ratings carry no points. */
static void test_scoring_an_older_session_replays_as_it_was_scored(void **state)
{
    (void)state;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/old", tmpdir);
    char cmd[PATH_MAX + 16];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    Match *m = start(MARKS, 1, dir);
    for (size_t i = 0; i < sizeof ROUND / sizeof ROUND[0]; i++)
        give(m, ROUND[i]);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", match_save_path(m));
    match_destroy(m);
    make_it_old(path);
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    assert_int_equal(s->header.format, 3);
    assert_int_equal(s->header.scoring, 1);
    int toasters = 0;
    for (size_t i = 0; i < s->n_turns; i++) {
        const Turn *t = &s->turns[i];
        assert_int_equal(points_of(t, MOVE_TOASTER_CANCELS), -99);
        assert_int_equal(points_of(t, MOVE_REPAIR), -99);
        assert_string_not_equal(t->kind, "rated"); /* the first rules of play had no word */
        if (strcmp(t->kind, "rating") == 0)
            assert_int_equal(t->moves.count, 0);
        toasters += points_of(t, "counter_complaint") != -99;
    }
    assert_int_equal(toasters, 1);
    ReplayResult res;
    assert_int_equal(replay_run(s, path, rules, ".", &res), 0);
    assert_true(res.identical);
    assert_int_equal(res.team_score, s->team_score);
    replay_result_free(&res);
    session_free(s);

    /* today's rules of play are recorded, and a replay keeps to them */
    snprintf(dir, sizeof dir, "%s/new", tmpdir);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    m = start(MARKS, 0, dir);
    for (size_t i = 0; i < sizeof ROUND / sizeof ROUND[0]; i++)
        give(m, ROUND[i]);
    snprintf(path, sizeof path, "%s", match_save_path(m));
    match_destroy(m);
    s = session_load(path, &rep);
    assert_non_null(s);
    assert_int_equal(s->header.format, SESSION_FORMAT);
    assert_int_equal(s->header.scoring, FLOW_SCORING_NOW);
    assert_int_equal(s->team_score, 11);
    assert_int_equal(replay_run(s, path, rules, ".", &res), 0);
    assert_true(res.identical);
    replay_result_free(&res);
    session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scoring_the_partner_decides),
        cmocka_unit_test(test_scoring_hurting_moves_cost_whatever_the_word),
        cmocka_unit_test(test_scoring_scenario_points_change_the_bonuses),
        cmocka_unit_test(test_scoring_check_examples_state_a_rating),
        cmocka_unit_test(test_scoring_an_older_session_replays_as_it_was_scored),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
