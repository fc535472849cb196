/* test_match.c: a match (game/match) with no window: a whole two-round session played
 * through the turn pipeline, each answer and its turns in the session file before the call
 * returns, then reloaded, replayed (all at once and step by step) and verified, with the
 * figures the summary and the export read. Also: a rules error in play names the rules
 * file and line; reasons quote the points the turn counts after the scenario's points; an
 * example scored alone (`heard check`) scores as in play; an undo is recorded. Links no
 * SDL: the tests run in any terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game/match/match.h"
#include "game/match/replay.h"
#include "game/session/export.h"
#include "game/session/session.h"
#include "game/session/stats.h"

#define MICROWAVE "scripts/scenarios/microwave.lua"

static char tmpdir[] = "/tmp/heard-test-match-XXXXXX";
static Rules *rules;

static int group_setup(void **state)
{
    (void)state;
    ScriptError err;
    rules = rules_load(".", &err);
    if (!rules || !mkdtemp(tmpdir)) {
        fprintf(stderr, "test_match: %s\n", rules ? "no temporary folder" : err.message);
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

static Session *load(const char *path)
{
    SessionLoadReport rep;
    Session *s = session_load(path, &rep);
    if (!s)
        fail_msg("%s", rep.error);
    return s;
}

/* A match of SCENARIO (a file) saved in a fresh folder NAME under the temporary one. */
static Match *start(const char *name, const char *scenario)
{
    char dir[PATH_MAX], cmd[PATH_MAX + 32];
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, name);
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    assert_int_equal(system(cmd), 0);
    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_path = scenario,
                       .names = {"Alex", "Sam"},
                       .first = 0,
                       .seed = 7,
                       .save_dir = dir};
    ScriptError err;
    Match *m = match_create(&cfg, &err);
    if (!m)
        fail_msg("match_create: %s", err.message);
    assert_string_equal(match_save_warning(m), "");
    return m;
}

/* Gives answer A ("#N" picks choice N) at time MS, then checks that the file holds every
 * answer and every turn of the match already: committed before the call returned. */
static void give(Match *m, const char *a, uint32_t ms)
{
    ScriptError err;
    int rc = a[0] == '#' ? match_answer_choice(m, atoi(a + 1), ms, &err)
                         : match_answer_text(m, a, ms, &err);
    if (rc != 0)
        fail_msg("answer '%s': %d %s", a, rc, err.message);
    Session *s = load(match_save_path(m));
    assert_int_equal(s->n_answers, flow_answer_count(match_flow(m)));
    assert_int_equal(s->n_turns, flow_turn_count(match_flow(m)));
    session_free(s);
}

/* Round 1: Alex's microwave; Sam counter-complains and parks the toaster, is rated Not
 * yet, hears more, reflects again, is rated Got it, offers a next step. Round 2: Sam leaves
 * the toaster parked and brings something new; Alex reflects, Got it, no next step. */
static const char *const SESSION[] = {
    "I want a new microwave, ours broke again.",
    "Well, my toaster doesn't work either.",
    "#0",
    "You're fed up that the microwave broke again and you want a new one. Did I get it?",
    "#2",
    "It's that it always breaks when I'm in a hurry.",
    "So it breaks right when you're in a hurry, and that's stressful. Did I get that?",
    "#0",
    "#1",
    "I'll look at microwaves online tonight and we can pick one tomorrow.",
    "#1",
    "I feel tired when the dishes pile up, and I'd love help after dinner.",
    "You're tired when the dishes pile up and you'd like help after dinner. Is that it?",
    "#0",
    "#1",
    "",
};

static void test_match_two_rounds_played_saved_reloaded_replayed_verified(void **state)
{
    (void)state;
    Match *m = start("whole", MICROWAVE);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s", match_save_path(m));
    size_t n = sizeof SESSION / sizeof SESSION[0];
    for (size_t i = 0; i < n; i++)
        give(m, SESSION[i], 1000u * (uint32_t)(i + 1));
    const Flow *f = match_flow(m);
    assert_true(flow_finished(f));
    assert_int_equal(flow_round(f), 2);
    size_t n_turns = flow_turn_count(f);
    int team = flow_team_score(f);
    match_destroy(m);

    /* reloaded: the whole session, ended, with its turns and figures */
    Session *s = load(path);
    assert_true(s->ended);
    assert_int_equal(s->n_answers, n);
    assert_int_equal(s->n_turns, n_turns);
    assert_int_equal(s->team_score, team);
    SessionStats st;
    session_stats(s->turns, s->n_turns, &st);
    assert_int_equal(st.team_score, team);
    assert_int_equal(st.parked, 1);
    assert_int_equal(st.returned, 0);
    assert_int_equal(st.heard[1][STATS_NOT_YET], 1); /* Alex rated Sam's listening */
    assert_int_equal(st.heard[1][STATS_GOT_IT], 1);
    assert_int_equal(st.heard[0][STATS_GOT_IT], 1); /* and Sam rated Alex's */
    assert_true(st.reflections[1] >= 1);
    assert_true(st.reflections[0] >= 1);

    /* replayed all at once and verified: every turn the same */
    ReplayResult res;
    assert_int_equal(replay_run(s, path, rules, ".", &res), 0);
    assert_true(res.identical);
    assert_int_equal(res.n_turns, n_turns);
    assert_int_equal(res.team_score, team);
    replay_result_free(&res);

    /* and step by step, as the viewer does */
    char err[768];
    Replay *rp = replay_create(s, path, rules, ".", err, sizeof err);
    if (!rp)
        fail_msg("%s", err);
    int stepped = 0, rc;
    while ((rc = replay_step(rp, err, sizeof err)) == 1)
        stepped++;
    assert_int_equal(rc, 0);
    assert_int_equal(stepped, (int)n);
    assert_int_equal(replay_turn_count(rp), n_turns);
    for (size_t i = 0; i < n_turns; i++)
        assert_int_equal(replay_compare_turn(&s->turns[i], replay_turn(rp, i)), REPLAY_SAME);
    replay_destroy(rp);

    /* the export reads the same figures: Sam's toaster is still waiting */
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(export_write(s, EXPORT_TEXT, path, out), 0);
    fclose(out);
    assert_non_null(strstr(text, "Parked toasters still waiting: 1\n"
                                 "  Sam (turn "));
    free(text);
    session_free(s);
}

/* A scenario that makes a reflection worth 5 and asks one reply of the listener. */
static const char FIVE[] = "return { id = \"five\", title = \"Five\", description = \"d\",\n"
                           "  difficulty = 1, rounds = 1, points = { reflection = 5 } }\n";

/* A copy of the root whose rules fail on every reply at line 3 of default.lua. */
static void broken_rules_root(char *root, size_t size)
{
    char cwd[512], cmd[8192];
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(root, size, "%s/broken-rules", tmpdir);
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s/scripts/rules' && ln -sf '%s/scripts/lexicon' '%s/scripts/lexicon' && "
             "ln -sf '%s/scripts/lib' '%s/scripts/lib'",
             root, cwd, root, cwd, root);
    assert_int_equal(system(cmd), 0);
    snprintf(cmd, sizeof cmd, "%s/scripts/rules/default.lua", root);
    FILE *fp = fopen(cmd, "w");
    assert_non_null(fp);
    fputs("local R = { overrides = { points = {}, rules = {} } }\n"
          "function R.score(f)\n"
          "  return f.no_such.field\n"
          "end\n"
          "return R\n",
          fp);
    fclose(fp);
}

static void test_match_rules_error_names_the_rules_file_and_line(void **state)
{
    (void)state;
    char root[1024], scenario[1024], cwd[512];
    broken_rules_root(root, sizeof root);
    assert_non_null(getcwd(cwd, sizeof cwd));
    snprintf(scenario, sizeof scenario, "%s/%s", cwd, MICROWAVE);
    MatchConfig cfg = {.root = root, .scenario_path = scenario, .names = {"Alex", "Sam"}};
    ScriptError err;
    Match *m = match_create(&cfg, &err); /* its own rules, from the broken root */
    if (!m)
        fail_msg("match_create: %s", err.message);
    memset(&err, 0, sizeof err);
    int rc = match_answer_text(m, "I want a new microwave, ours broke again.", 10, &err);
    assert_int_equal(rc, SCRIPT_ERR_RUNTIME);
    char want[1100];
    snprintf(want, sizeof want, "%s/scripts/rules/default.lua", root);
    assert_string_equal(err.file, want);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "default.lua:3:"));
    assert_non_null(strstr(err.message, "no_such"));
    assert_null(strstr(err.message, "error -2"));
    /* the answer was dropped: the match waits for it again */
    assert_int_equal(flow_answer_count(match_flow(m)), 0);
    assert_int_equal(flow_ask(match_flow(m))->kind, ASK_TEXT);
    match_destroy(m);

    /* an example scored alone, as `heard check` does, names the same place */
    Rules *broken = rules_load(root, &err);
    assert_non_null(broken);
    Script *s = script_create((ScriptLimits){0, 0}, 0);
    assert_non_null(s);
    assert_int_equal(scenario_load(s, "five.lua", FIVE, strlen(FIVE), NULL, &err), 0);
    ScenarioTurn turn = {.text = "You want a new one.",
                         .context = "I want a new microwave.",
                         .kind = "reply",
                         .role = ROLE_AGENT,
                         .player = 1};
    MoveList out;
    memset(&err, 0, sizeof err);
    assert_int_equal(match_score_alone(broken, s, &turn, &out, &err), SCRIPT_ERR_RUNTIME);
    assert_string_equal(err.file, want);
    assert_int_equal(err.line, 3);
    assert_int_equal(out.count, 0);
    script_destroy(s);
    rules_destroy(broken);
}

static void test_match_reasons_quote_the_points_the_turn_counts(void **state)
{
    (void)state;
    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_source = FIVE,
                       .scenario_name = "five.lua",
                       .names = {"Alex", "Sam"}};
    ScriptError err;
    Match *m = match_create(&cfg, &err);
    if (!m)
        fail_msg("match_create: %s", err.message);
    assert_int_equal(match_answer_text(m, "I want a new microwave, ours broke again.", 1, &err), 0);
    /* said back word for word: the rules give a parroted reflection fewer points; the
     * scenario's points win, and the reason says so */
    assert_int_equal(match_answer_text(m, "You want a new microwave, ours broke again.", 2, &err),
                     0);
    const Flow *f = match_flow(m);
    const Turn *t = flow_turn(f, flow_turn_count(f) - 1);
    assert_string_equal(t->kind, "reply");
    assert_int_equal(t->moves.count, 1);
    assert_string_equal(t->moves.items[0].tag, "reflection");
    assert_int_equal(t->moves.items[0].points, 5);
    assert_int_equal(t->moves.total, 5);
    const char *reason = t->moves.items[0].reason;
    const char *ending = "\xE2\x86\x92 said it back +5";
    assert_string_equal(reason + strlen(reason) - strlen(ending), ending);
    match_destroy(m);
}

static void test_match_an_example_scored_alone_scores_as_in_play(void **state)
{
    (void)state;
    static const char context[] = "I want a new microwave, ours broke again.";
    static const char reply[] = "You want a new microwave, ours broke again.";
    Script *s = script_create((ScriptLimits){0, 0}, 0);
    assert_non_null(s);
    ScriptError err;
    assert_int_equal(scenario_load(s, "five.lua", FIVE, strlen(FIVE), NULL, &err), 0);
    ScenarioTurn turn = {
        .text = reply, .context = context, .kind = "reply", .role = ROLE_AGENT, .player = 1};
    MoveList alone;
    assert_int_equal(match_score_alone(rules, s, &turn, &alone, &err), 0);
    script_destroy(s);

    MatchConfig cfg = {.root = ".",
                       .rules = rules,
                       .scenario_source = FIVE,
                       .scenario_name = "five.lua",
                       .names = {"Alex", "Sam"}};
    Match *m = match_create(&cfg, &err);
    assert_non_null(m);
    assert_int_equal(match_answer_text(m, context, 1, &err), 0);
    assert_int_equal(match_answer_text(m, reply, 2, &err), 0);
    const Flow *f = match_flow(m);
    const MoveList *played = &flow_turn(f, flow_turn_count(f) - 1)->moves;
    assert_int_equal(alone.count, played->count);
    assert_int_equal(alone.total, played->total);
    for (int i = 0; i < alone.count; i++) {
        assert_string_equal(alone.items[i].tag, played->items[i].tag);
        assert_int_equal(alone.items[i].points, played->items[i].points);
        assert_string_equal(alone.items[i].reason, played->items[i].reason);
    }
    match_destroy(m);
}

static void test_match_undo_is_recorded(void **state)
{
    (void)state;
    Match *m = start("undo", MICROWAVE);
    give(m, SESSION[0], 1000);
    give(m, SESSION[1], 2000);
    size_t turns = flow_turn_count(match_flow(m));
    ScriptError err;
    assert_int_equal(match_back(m, 2500, &err), 0);
    assert_true(flow_turn_count(match_flow(m)) < turns);
    Session *s = load(match_save_path(m));
    assert_int_equal(s->undos, 1);
    assert_int_equal(s->n_answers, 1);
    assert_int_equal(s->n_turns, flow_turn_count(match_flow(m)));
    session_free(s);
    give(m, SESSION[3], 3000); /* a reflection this time */
    match_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_match_two_rounds_played_saved_reloaded_replayed_verified),
        cmocka_unit_test(test_match_rules_error_names_the_rules_file_and_line),
        cmocka_unit_test(test_match_reasons_quote_the_points_the_turn_counts),
        cmocka_unit_test(test_match_an_example_scored_alone_scores_as_in_play),
        cmocka_unit_test(test_match_undo_is_recorded),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
