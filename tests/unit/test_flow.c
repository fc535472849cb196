/* test_flow.c: the floor flow, played through the C API with real Lua and real scenario
 * files: every step of a round, the toaster parking lot, undo, time-out, hot reload, a flow
 * library given in memory, script errors, scores, and a scenario's own rules (add, drop,
 * replace, their errors, points applied after them, the same moves after undo and reload).
 * Scoring is a small stand-in (the rules are tested on their own): a reply with "toaster" or
 * "my own" is a counter-complaint, "you feel" a reflection, "I feel" a soft startup,
 * "tomorrow" a next step. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "game/flow/flow.h"

#define MICROWAVE "scripts/scenarios/microwave.lua"

/* ---- the stand-in scorer -------------------------------------------------------------- */

typedef struct Scorer {
    int calls;
    char last_context[256];
    Role last_role;
} Scorer;

static void add_move(MoveList *out, const char *tag, int points)
{
    Move *m = &out->items[out->count++];
    snprintf(m->tag, sizeof m->tag, "%s", tag);
    m->points = points;
    snprintf(m->reason, sizeof m->reason, "%s %+d", tag, points);
    out->total += points;
}

/* A stand-in for the match's turn pipeline (game/match): fixed moves for a few words in
 * place of the analyser and the standard rules, then the scenario's own rules and points,
 * as the pipeline runs them. */
static int fake_score(void *ud, struct lua_State *L, int scenario, const ScenarioTurn *turn,
                      MoveList *out, ScriptError *err)
{
    (void)err;
    Scorer *s = ud;
    const char *reply = turn->text;
    Role role = turn->role;
    s->calls++;
    snprintf(s->last_context, sizeof s->last_context, "%s", turn->context);
    s->last_role = role;
    if (strstr(reply, "toaster") || strstr(reply, "my own"))
        add_move(out, "counter_complaint", -5);
    if (strstr(reply, "you feel"))
        add_move(out, "reflection", 3);
    if (role == ROLE_CUSTOMER && strstr(reply, "I feel"))
        add_move(out, "soft_startup", 2);
    if (strstr(reply, "tomorrow"))
        add_move(out, "next_step", 2);
    scenario_score(L, scenario, turn, out);
    return 0;
}

/* ---- helpers ---------------------------------------------------------------------------- */

static Flow *start(const char *path, Scorer *sc)
{
    FlowConfig cfg = {0};
    cfg.scenario_path = path;
    cfg.root = ".";
    cfg.names[0] = "Alex";
    cfg.names[1] = "Sam";
    cfg.first = 0;
    cfg.seed = 7;
    cfg.score = fake_score;
    cfg.score_ud = sc;
    ScriptError err;
    Flow *f = flow_create(&cfg, &err);
    if (!f)
        fail_msg("flow_create(%s): %s", path, err.message);
    return f;
}

/* A flow of PATH, or NULL with ERR (for scenarios that must not start). */
static Flow *start_quietly(const char *path, ScriptError *err)
{
    FlowConfig cfg = {.scenario_path = path, .root = ".", .names = {"Alex", "Sam"}, .seed = 7};
    return flow_create(&cfg, err);
}

static void expect(const Flow *f, AskKind kind, int player)
{
    const FlowAsk *a = flow_ask(f);
    if (a->kind != kind || a->player != player)
        fail_msg("expected ask %d for player %d, got %d for %d (\"%s\")", kind, player, a->kind,
                 a->player, a->title);
}

static void type(Flow *f, const char *text)
{
    ScriptError err;
    int rc = flow_answer_text(f, text, 1000, &err);
    if (rc != 0)
        fail_msg("answer \"%s\": %d %s", text, rc, err.message);
}

static void pick(Flow *f, int index)
{
    ScriptError err;
    int rc = flow_answer_choice(f, index, 1000, &err);
    if (rc != 0)
        fail_msg("choice %d: %d %s", index, rc, err.message);
}

static const Turn *last_turn(const Flow *f)
{
    return flow_turn(f, flow_turn_count(f) - 1);
}

static int has_tag(const Turn *t, const char *tag)
{
    for (int i = 0; i < t->moves.count; i++) {
        if (strcmp(t->moves.items[i].tag, tag) == 0)
            return 1;
    }
    return 0;
}

/* Plays round 1 from the startup to Got it / no more / no closure. */
static void quick_round(Flow *f, int customer)
{
    expect(f, ASK_TEXT, customer);
    type(f, "The microwave broke again.");
    expect(f, ASK_TEXT, 1 - customer);
    type(f, "So you feel fed up with the microwave.");
    expect(f, ASK_RATE, customer);
    pick(f, 0);
    expect(f, ASK_CHOICE, customer);
    pick(f, 1);
    expect(f, ASK_TEXT, 1 - customer);
    type(f, "");
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

/* A scenario in a temp file; TAIL goes inside the returned table. */
static void write_scenario(const char *path, const char *title, const char *tail)
{
    char buf[2048];
    snprintf(buf, sizeof buf,
             "return {\n"
             "  id = \"temp\",\n"
             "  title = \"%s\",\n"
             "  description = \"A scenario written by the test.\",\n"
             "  difficulty = 1,\n"
             "%s"
             "}\n",
             title, tail);
    write_file(path, buf);
}

/* A temp folder holding scenario.lua; the state is the file's path. */
static int tmp_setup(void **state)
{
    char *path = malloc(64);
    snprintf(path, 64, "/tmp/heard-flow-XXXXXX");
    if (!mkdtemp(path))
        return -1;
    strcat(path, "/scenario.lua");
    *state = path;
    return 0;
}

static int tmp_teardown(void **state)
{
    char *path = *state;
    remove(path);
    *strrchr(path, '/') = '\0';
    rmdir(path);
    free(path);
    return 0;
}

/* ---- one round -------------------------------------------------------------------------- */

static void test_flow_round_startup_reflect_got_it_closure_swap(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    const FlowAsk *a = flow_ask(f);
    expect(f, ASK_TEXT, 0);
    assert_int_equal(a->role, ROLE_CUSTOMER);
    assert_non_null(strstr(a->title, "Alex"));
    assert_int_equal(a->nchoices, 3); /* the scenario's prompts */
    assert_string_equal(a->choices[0], "I want a new microwave, ours broke again.");
    assert_false(a->optional);
    assert_int_equal(flow_round(f), 1);
    assert_int_equal(flow_rounds(f), 2);
    assert_int_equal(flow_customer(f), 0);
    assert_string_equal(flow_scenario(f)->id, "microwave");
    /* empty text does not start a round */
    ScriptError err;
    assert_int_equal(flow_answer_text(f, "  ", 5, &err), FLOW_ERR_EMPTY);
    assert_int_equal(flow_answer_choice(f, 5, 5, &err), FLOW_ERR_RANGE);

    type(f, "I feel let down that the microwave broke again.");
    const Turn *t = last_turn(f);
    assert_string_equal(t->kind, "startup");
    assert_int_equal(t->role, ROLE_CUSTOMER);
    assert_int_equal(t->player, 0);
    assert_string_equal(t->context, "");
    assert_true(has_tag(t, "soft_startup"));

    expect(f, ASK_TEXT, 1);
    assert_int_equal(flow_ask(f)->role, ROLE_AGENT);
    assert_true(flow_ask(f)->hint[0] != '\0');
    type(f, "So you feel let down that it broke again.");
    t = last_turn(f);
    assert_string_equal(t->kind, "reply");
    assert_int_equal(t->role, ROLE_AGENT);
    assert_string_equal(t->context, "I feel let down that the microwave broke again.");
    assert_int_equal(sc.last_role, ROLE_AGENT);
    assert_true(has_tag(t, "reflection"));

    expect(f, ASK_RATE, 0);
    assert_int_equal(flow_ask(f)->nchoices, 3);
    assert_string_equal(flow_ask(f)->choices[1], "Partly");
    assert_int_equal(flow_answer_text(f, "yes", 5, &err), FLOW_ERR_KIND);
    pick(f, 0);
    assert_string_equal(last_turn(f)->kind, "rating");
    assert_string_equal(last_turn(f)->text, "got_it");

    expect(f, ASK_CHOICE, 0); /* Is there more? */
    assert_string_equal(flow_ask(f)->title, "Is there more?");
    pick(f, 1);

    expect(f, ASK_TEXT, 1); /* closure, optional */
    assert_true(flow_ask(f)->optional);
    type(f, "I'll call the repair shop tomorrow at nine.");
    t = flow_turn(f, flow_turn_count(f) - 2); /* the last is round 2's note */
    assert_string_equal(last_turn(f)->kind, "note");
    assert_string_equal(t->kind, "closure");
    assert_int_equal(t->player, 1);
    assert_true(has_tag(t, "next_step"));
    assert_int_equal(t->round, 1);

    /* swapped: Sam holds the floor in round 2 */
    expect(f, ASK_TEXT, 1);
    assert_int_equal(flow_ask(f)->role, ROLE_CUSTOMER);
    assert_int_equal(flow_round(f), 2);
    assert_int_equal(flow_customer(f), 1);
    flow_destroy(f);
}

static void test_flow_startup_by_picking_a_prompt(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    pick(f, 0);
    const Turn *t = last_turn(f);
    assert_string_equal(t->kind, "startup");
    assert_string_equal(t->text, "I want a new microwave, ours broke again.");
    expect(f, ASK_TEXT, 1);
    type(f, "You want a new one.");
    assert_string_equal(sc.last_context, "I want a new microwave, ours broke again.");
    flow_destroy(f);
}

static void test_flow_partly_and_not_yet_let_the_customer_add_a_line(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    type(f, "The microwave broke again.");
    type(f, "You want it fixed.");
    expect(f, ASK_RATE, 0);
    pick(f, 1); /* Partly */
    assert_string_equal(last_turn(f)->text, "partly");
    expect(f, ASK_TEXT, 0);
    assert_int_equal(flow_ask(f)->role, ROLE_CUSTOMER);
    assert_true(flow_ask(f)->optional);
    type(f, "It is also that nobody called the shop.");
    const Turn *t = last_turn(f);
    assert_string_equal(t->kind, "more");
    assert_int_equal(t->role, ROLE_CUSTOMER);
    assert_string_equal(t->context, "You want it fixed.");

    expect(f, ASK_TEXT, 1); /* the agent tries again, against the added line */
    type(f, "So you feel alone with the calling.");
    assert_string_equal(last_turn(f)->context, "It is also that nobody called the shop.");

    expect(f, ASK_RATE, 0);
    pick(f, 2); /* Not yet */
    assert_string_equal(last_turn(f)->text, "not_yet");
    size_t before = flow_turn_count(f);
    expect(f, ASK_TEXT, 0);
    type(f, ""); /* skipping the line is allowed: no turn */
    assert_int_equal(flow_turn_count(f), before);
    expect(f, ASK_TEXT, 1);
    type(f, "You needed someone to take it on.");
    assert_string_equal(last_turn(f)->context, "It is also that nobody called the shop.");
    expect(f, ASK_RATE, 0);
    pick(f, 0);
    expect(f, ASK_CHOICE, 0);
    flow_destroy(f);
}

static void test_flow_is_there_more_loops_until_no(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    type(f, "The microwave broke again.");
    type(f, "So you feel tired of it breaking.");
    pick(f, 0);               /* Got it */
    expect(f, ASK_CHOICE, 0); /* Is there more? */
    pick(f, 0);               /* yes */
    expect(f, ASK_TEXT, 0);
    assert_false(flow_ask(f)->optional);
    ScriptError err;
    assert_int_equal(flow_answer_text(f, "", 5, &err), FLOW_ERR_EMPTY);
    type(f, "And I had nothing warm for lunch.");
    assert_string_equal(last_turn(f)->kind, "more");
    expect(f, ASK_TEXT, 1);
    type(f, "You went hungry because of it.");
    assert_string_equal(last_turn(f)->context, "And I had nothing warm for lunch.");
    expect(f, ASK_RATE, 0);
    pick(f, 0);
    expect(f, ASK_CHOICE, 0);
    pick(f, 1); /* no more */
    expect(f, ASK_TEXT, 1);
    type(f, ""); /* closure skipped: no closure turn */
    for (size_t i = 0; i < flow_turn_count(f); i++)
        assert_string_not_equal(flow_turn(f, i)->kind, "closure");
    assert_int_equal(flow_round(f), 2);
    flow_destroy(f);
}

/* ---- the toaster parking lot ------------------------------------------------------------- */

static void test_flow_counter_complaint_is_offered_parking(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    type(f, "The microwave broke again.");
    type(f, "Well, my toaster doesn't work either.");
    assert_true(has_tag(last_turn(f), "counter_complaint"));
    expect(f, ASK_CHOICE, 1);
    assert_string_equal(flow_ask(f)->title, "Park your toaster for later?");
    assert_int_equal(flow_ask(f)->nchoices, 2);
    pick(f, 0); /* park it */
    const Turn *t = last_turn(f);
    assert_string_equal(t->kind, "park");
    assert_int_equal(t->player, 1);
    assert_int_equal(flow_parked_count(f), 1);
    int who = -1, back = -1;
    assert_string_equal(flow_parked_text(f, 0, &who, &back),
                        "Well, my toaster doesn't work either.");
    assert_int_equal(who, 1);
    assert_int_equal(back, 0);
    /* the customer still holds the floor: the agent answers again */
    expect(f, ASK_TEXT, 1);
    assert_int_equal(flow_ask(f)->role, ROLE_AGENT);
    type(f, "I have my own list of broken things.");
    expect(f, ASK_CHOICE, 1);
    pick(f, 1); /* not parked, and still no floor */
    assert_int_equal(flow_parked_count(f), 1);
    expect(f, ASK_TEXT, 1);
    type(f, "So you feel let down by the microwave.");
    expect(f, ASK_RATE, 0);
    flow_destroy(f);
}

static void test_flow_parked_toaster_returns_next_round_roles_swapped(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    type(f, "The microwave broke again.");
    type(f, "Well, my toaster doesn't work either.");
    pick(f, 0);
    type(f, "So you feel fed up with the microwave.");
    pick(f, 0);
    pick(f, 1);
    type(f, "");
    /* round 2: Sam, who parked it, is the customer and is offered the toaster first */
    assert_int_equal(flow_round(f), 2);
    expect(f, ASK_CHOICE, 1);
    const FlowAsk *a = flow_ask(f);
    assert_int_equal(a->nchoices, 2);
    assert_string_equal(a->choices[0],
                        "Bring back your parked toaster: Well, my toaster doesn't work either.");
    assert_string_equal(a->choices[1], "Something new");
    pick(f, 0);
    /* its return is kept as a turn, and Sam says it again, softly: the box starts with the
     * parked words, to edit */
    size_t n = flow_turn_count(f);
    const Turn *back_turn = flow_turn(f, n - 2);
    assert_string_equal(back_turn->kind, "unpark");
    assert_int_equal(back_turn->player, 1);
    assert_string_equal(back_turn->text, "Well, my toaster doesn't work either.");
    assert_string_equal(last_turn(f)->kind, "note");
    expect(f, ASK_TEXT, 1);
    assert_int_equal(flow_ask(f)->role, ROLE_CUSTOMER);
    assert_string_equal(flow_ask(f)->prefill, "Well, my toaster doesn't work either.");
    type(f, "I feel let down that the toaster is broken too, and I'd love us to fix it.");
    const Turn *t = last_turn(f);
    assert_string_equal(t->kind, "startup");
    assert_int_equal(t->player, 1);
    assert_int_equal(t->role, ROLE_CUSTOMER);
    assert_int_equal(t->round, 2);
    assert_string_equal(
        t->text, "I feel let down that the toaster is broken too, and I'd love us to fix it.");
    int back = 0;
    flow_parked_text(f, 0, NULL, &back);
    assert_int_equal(back, 1);
    /* Alex listens now */
    expect(f, ASK_TEXT, 0);
    assert_int_equal(flow_ask(f)->role, ROLE_AGENT);
    flow_destroy(f);
}

static void test_flow_finishes_after_its_rounds(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    quick_round(f, 0);
    assert_false(flow_finished(f));
    quick_round(f, 1);
    assert_true(flow_finished(f));
    assert_int_equal(flow_ask(f)->kind, ASK_NONE);
    assert_int_equal(flow_round(f), 2);
    ScriptError err;
    assert_int_equal(flow_answer_text(f, "more", 5, &err), FLOW_ERR_FINISHED);
    assert_int_equal(flow_answer_choice(f, 0, 5, &err), FLOW_ERR_FINISHED);
    /* two notes, two startups, two replies, two ratings */
    assert_int_equal(flow_turn_count(f), 8);
    assert_int_equal(flow_answer_count(f), 10);
    flow_destroy(f);
}

/* ---- undo, time-out, reload --------------------------------------------------------------- */

static void test_flow_back_restores_the_previous_ask(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    ScriptError err;
    assert_int_equal(flow_back(f, &err), FLOW_ERR_NOTHING);
    type(f, "The microwave broke again.");
    size_t turns = flow_turn_count(f);
    type(f, "Well, my toaster doesn't work either.");
    expect(f, ASK_CHOICE, 1);
    assert_int_equal(flow_back(f, &err), 0);
    /* the agent is asked again and the undone reply is gone */
    expect(f, ASK_TEXT, 1);
    assert_int_equal(flow_ask(f)->role, ROLE_AGENT);
    assert_int_equal(flow_turn_count(f), turns);
    assert_int_equal(flow_answer_count(f), 1);
    assert_string_equal(flow_answer(f, 0)->text, "The microwave broke again.");
    type(f, "So you feel fed up.");
    expect(f, ASK_RATE, 0);
    assert_int_equal(flow_back(f, &err), 0);
    assert_int_equal(flow_back(f, &err), 0);
    expect(f, ASK_TEXT, 0);
    assert_int_equal(flow_ask(f)->role, ROLE_CUSTOMER);
    assert_int_equal(flow_turn_count(f), 1); /* the round's note */
    flow_destroy(f);
}

static void test_flow_time_out_refuses_answers_until_resume(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    flow_set_paused(f, 1);
    assert_true(flow_paused(f));
    ScriptError err;
    assert_int_equal(flow_answer_text(f, "The microwave broke.", 5, &err), FLOW_ERR_PAUSED);
    assert_non_null(strstr(err.message, "paused"));
    assert_int_equal(flow_answer_choice(f, 0, 5, &err), FLOW_ERR_PAUSED);
    assert_int_equal(flow_answer_count(f), 0);
    expect(f, ASK_TEXT, 0);
    flow_set_paused(f, 0);
    type(f, "The microwave broke.");
    expect(f, ASK_TEXT, 1);
    flow_destroy(f);
}

/* The customer's startup shows the scenario's customer hints in turn, the agent's asks show
 * its hints: a tip is shown to the one it is for. */
static void test_flow_customer_hints_go_to_the_customer(void **state)
{
    const char *path = *state;
    write_scenario(path, "Hints",
                   "  rounds = 2,\n"
                   "  hints = { \"For the listener.\" },\n"
                   "  customer_hints = { \"Speak for yourself.\", \"One thing at a time.\" },\n");
    Scorer sc = {0};
    Flow *f = start(path, &sc);
    expect(f, ASK_TEXT, 0);
    assert_string_equal(flow_ask(f)->hint, "Speak for yourself.");
    type(f, "The microwave broke again.");
    expect(f, ASK_TEXT, 1);
    assert_string_equal(flow_ask(f)->hint, "For the listener.");
    type(f, "You want it fixed.");
    pick(f, 0);             /* got it */
    pick(f, 1);             /* no more */
    type(f, "");            /* no next step */
    expect(f, ASK_TEXT, 1); /* round two: Sam holds the floor */
    assert_string_equal(flow_ask(f)->hint, "One thing at a time.");
    flow_destroy(f);
}

static void test_flow_reload_keeps_the_players_where_they_were(void **state)
{
    const char *path = *state;
    write_scenario(path, "Before", "  hints = { \"first hint\" },\n");
    Scorer sc = {0};
    Flow *f = start(path, &sc);
    type(f, "The bins are full.");
    type(f, "So you feel stuck with the bins.");
    expect(f, ASK_RATE, 0);
    size_t turns = flow_turn_count(f);

    write_scenario(path, "After", "  hints = { \"second hint\" },\n  turn_seconds = 45,\n");
    ScriptError err;
    assert_int_equal(flow_reload(f, &err), 0);
    expect(f, ASK_RATE, 0);
    assert_int_equal(flow_turn_count(f), turns);
    assert_int_equal(flow_answer_count(f), 2);
    assert_string_equal(flow_scenario(f)->title, "After");
    assert_int_equal(flow_turn_seconds(f), 45);
    size_t len;
    assert_non_null(strstr(flow_scenario_source(f, &len), "second hint"));

    /* a broken edit is reported and the game goes on as it was */
    write_file(path, "return {\n  id = \"temp\",\n  title = \"Broken\"\n  oops\n}\n");
    assert_true(flow_reload(f, &err) < 0);
    assert_non_null(strstr(err.message, path));
    assert_int_equal(err.line, 4);
    assert_string_equal(flow_scenario(f)->title, "After");
    expect(f, ASK_RATE, 0);
    pick(f, 0);
    expect(f, ASK_CHOICE, 0);
    flow_destroy(f);
}

/* A saved session's flow library, given in memory, runs instead of scripts/lib/floor.lua
 * (there is none under this root), is what flow_floor_source returns, and outlives undo and
 * reload. Without one, the file as read is returned. */
static void test_flow_floor_from_memory_instead_of_the_file(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    size_t len = 0;
    const char *disk = flow_floor_source(f, &len);
    assert_non_null(disk);
    FILE *fp = fopen("scripts/lib/floor.lua", "rb");
    assert_non_null(fp);
    static char file[1 << 16], changed[1 << 16];
    size_t n = fread(file, 1, sizeof file - 1, fp);
    fclose(fp);
    file[n] = '\0';
    assert_int_equal(len, n);
    assert_memory_equal(disk, file, n);
    assert_non_null(strstr(flow_ask(f)->title, "what's wrong?"));
    flow_destroy(f);

    const char *at = strstr(file, "what's wrong?");
    assert_non_null(at);
    snprintf(changed, sizeof changed, "%.*swhat is the matter?%s", (int)(at - file), file,
             at + strlen("what's wrong?"));
    FlowConfig cfg = {.scenario_path = MICROWAVE,
                      .root = "/nonexistent-heard-root",
                      .floor_source = changed,
                      .floor_name = "stored floor.lua",
                      .names = {"Alex", "Sam"},
                      .seed = 7,
                      .score = fake_score,
                      .score_ud = &sc};
    ScriptError err;
    f = flow_create(&cfg, &err);
    if (!f)
        fail_msg("flow_create: %s", err.message);
    assert_non_null(strstr(flow_ask(f)->title, "what is the matter?"));
    assert_string_equal(flow_floor_source(f, &len), changed);
    assert_int_equal(len, strlen(changed));
    type(f, "The bins are full.");
    assert_int_equal(flow_back(f, &err), 0);
    assert_int_equal(flow_reload(f, &err), 0);
    assert_non_null(strstr(flow_ask(f)->title, "what is the matter?"));
    assert_string_equal(flow_floor_source(f, NULL), changed);
    flow_destroy(f);

    /* without one, a root with no floor.lua is an error naming the file */
    cfg.floor_source = NULL;
    assert_null(flow_create(&cfg, &err));
    assert_non_null(strstr(err.message, "/nonexistent-heard-root/scripts/lib/floor.lua"));
}

/* ---- errors ------------------------------------------------------------------------------- */

static void test_flow_broken_scenario_gives_file_and_line(void **state)
{
    const char *path = *state;
    FlowConfig cfg = {0};
    cfg.scenario_path = "tests/data/scenarios-broken/misspelled.lua";
    cfg.names[0] = "Alex";
    cfg.names[1] = "Sam";
    ScriptError err;
    assert_null(flow_create(&cfg, &err));
    assert_string_equal(err.file, "tests/data/scenarios-broken/misspelled.lua");
    assert_int_equal(err.line, 8);
    assert_non_null(strstr(err.message, "did you mean 'prompts'?"));

    cfg.scenario_path = "tests/data/scenarios-broken/no-such-file.lua";
    assert_null(flow_create(&cfg, &err));
    assert_non_null(strstr(err.message, "no-such-file.lua"));

    write_file(path, "return {\n  id = \"x\",\n  title = \"T\",\n  description = \"D\",\n"
                     "  difficulty = 1,\n  play = function(heard)\n"
                     "    heard.ask{player = 1, title = \"Say it\"}\n"
                     "    error(\"the flow fell over\")\n  end,\n}\n");
    cfg.scenario_path = path;
    Flow *f = flow_create(&cfg, &err);
    assert_non_null(f);
    expect(f, ASK_TEXT, 0);
    assert_true(flow_answer_text(f, "hello", 5, &err) < 0);
    assert_int_equal(err.line, 8);
    assert_non_null(strstr(err.message, "the flow fell over"));
    /* still waiting where it was, with nothing recorded from the failed step */
    expect(f, ASK_TEXT, 0);
    assert_int_equal(flow_answer_count(f), 0);
    assert_int_equal(flow_turn_count(f), 0);
    flow_destroy(f);

    /* a flow that yields without asking is stopped with a message, not left hanging */
    write_file(path, "return { id = \"x\", title = \"T\", description = \"D\", difficulty = 1,\n"
                     "  play = function(heard) coroutine.yield() end }\n");
    assert_null(flow_create(&cfg, &err));
    assert_non_null(strstr(err.message, "without asking"));
}

static void test_flow_bad_engine_calls_name_the_line(void **state)
{
    const char *path = *state;
    write_file(path, "return { id = \"x\", title = \"T\", description = \"D\", difficulty = 1,\n"
                     "  play = function(heard)\n"
                     "    heard.ask{player = 3, title = \"Who?\"}\n"
                     "  end }\n");
    Scorer sc = {0};
    FlowConfig cfg = {0};
    cfg.scenario_path = path;
    cfg.names[0] = "Alex";
    cfg.names[1] = "Sam";
    cfg.score = fake_score;
    cfg.score_ud = &sc;
    ScriptError err;
    assert_null(flow_create(&cfg, &err));
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "player must be 1 or 2"));
}

/* ---- scores, memory sources, overrides ----------------------------------------------------- */

static void test_flow_scores_add_up_from_the_turns(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start(MICROWAVE, &sc);
    type(f, "I feel tired that the microwave broke."); /* +2 Alex */
    type(f, "Well, my toaster doesn't work either.");  /* -5 Sam */
    pick(f, 1);                                        /* not parked */
    type(f, "So you feel tired of it.");               /* +3 Sam */
    pick(f, 0);                                        /* got it */
    pick(f, 0);                                        /* there is more */
    type(f, "I feel it is always me who notices.");    /* +2 Alex */
    type(f, "So you feel it falls on you.");           /* +3 Sam */
    pick(f, 0);
    pick(f, 1);
    type(f, "");
    int team = 0, p0 = 0, p1 = 0;
    for (size_t i = 0; i < flow_turn_count(f); i++) {
        const Turn *t = flow_turn(f, i);
        team += t->moves.total;
        if (t->player == 0)
            p0 += t->moves.total;
        if (t->player == 1)
            p1 += t->moves.total;
    }
    assert_int_equal(p0, 4);
    assert_int_equal(p1, 1);
    assert_int_equal(flow_player_score(f, 0), 4);
    assert_int_equal(flow_player_score(f, 1), 1);
    assert_int_equal(flow_team_score(f), team);
    assert_int_equal(flow_team_score(f), 5);
    flow_destroy(f);
}

static void test_flow_from_memory_with_point_overrides(void **state)
{
    (void)state;
    static const char src[] = "return { id = \"mem\", title = \"In memory\",\n"
                              "  description = \"Kept by a session.\", difficulty = 2,\n"
                              "  rounds = 1, points = { reflection = 7, criticism = -4 } }\n";
    Scorer sc = {0};
    FlowConfig cfg = {0};
    cfg.scenario_source = src;
    cfg.scenario_name = "session:mem.lua";
    cfg.names[0] = "Alex";
    cfg.names[1] = "Sam";
    cfg.first = 1;
    cfg.score = fake_score;
    cfg.score_ud = &sc;
    ScriptError err;
    Flow *f = flow_create(&cfg, &err);
    assert_non_null(f);
    assert_string_equal(flow_scenario(f)->path, "session:mem.lua");
    assert_int_equal(flow_turn_seconds(f), 0);
    size_t len;
    assert_string_equal(flow_scenario_source(f, &len), src);
    assert_int_equal(len, strlen(src));
    expect(f, ASK_TEXT, 1); /* Sam starts */
    assert_int_equal(flow_ask(f)->nchoices, 0);
    type(f, "The bins again.");
    type(f, "So you feel the bins are on you.");
    assert_int_equal(last_turn(f)->moves.items[0].points, 7);
    assert_int_equal(last_turn(f)->moves.total, 7);
    pick(f, 0);
    pick(f, 1);
    type(f, "");
    assert_true(flow_finished(f)); /* one round only, and no swap after it */
    assert_int_equal(flow_round(f), 1);
    assert_int_equal(flow_customer(f), 1);
    flow_destroy(f);
}

/* ---- the scenario's own rules --------------------------------------------------------------- */

/* The scenario file PATH with RULES (the Lua after "rules = ") and POINTS (fields or ""). */
static void write_rules(const char *path, const char *rules, const char *points)
{
    char tail[1024];
    snprintf(tail, sizeof tail, "  rounds = 1,\n%s  rules = %s,\n", points, rules);
    write_scenario(path, "Rules", tail);
}

/* Prompts that say whose they are go to that partner only: the one who bought the bike is
 * not offered "You spent four hundred on a bike" when the roles have swapped. */
static void test_flow_prompts_go_to_the_partner_they_belong_to(void **state)
{
    const char *path = *state;
    write_scenario(path, "Bike",
                   "  prompts = {\n"
                   "    { text = \"You spent four hundred on a bike.\", speaker = \"first\" },\n"
                   "    { text = \"I feel judged when I buy things.\", speaker = \"second\" },\n"
                   "    \"Can we talk about money?\",\n"
                   "  },\n"
                   "  play = function(heard, scenario, floor)\n"
                   "    heard.say('first ' .. heard.first())\n"
                   "    floor.play(heard, scenario)\n"
                   "  end,\n");
    Scorer sc = {0};
    FlowConfig cfg = {.scenario_path = path,
                      .root = ".",
                      .names = {"Maya", "Tom"},
                      .first = 1,
                      .seed = 7,
                      .score = fake_score,
                      .score_ud = &sc};
    ScriptError err;
    Flow *f = flow_create(&cfg, &err);
    if (!f)
        fail_msg("%s", err.message);
    assert_string_equal(flow_turn(f, 0)->text, "first 2");
    expect(f, ASK_TEXT, 1);
    const FlowAsk *a = flow_ask(f);
    assert_int_equal(a->nchoices, 2);
    assert_string_equal(a->choices[0], "You spent four hundred on a bike.");
    assert_string_equal(a->choices[1], "Can we talk about money?");
    quick_round(f, 1);
    expect(f, ASK_TEXT, 0); /* round 2: Maya, who bought the bike, holds the floor */
    assert_int_equal(a->nchoices, 2);
    assert_string_equal(a->choices[0], "I feel judged when I buy things.");
    assert_string_equal(a->choices[1], "Can we talk about money?");
    flow_destroy(f);
    /* a prompt that names no speaker of the two is an error at its field */
    write_scenario(path, "Bike", "  prompts = { { text = \"x\", speaker = \"third\" } },\n");
    assert_null(start_quietly(path, &err));
    assert_non_null(strstr(err.message, "prompts[1].speaker must be \"first\""));
}

/* The money scenario: the partner who bought the bike is not offered "You spent four hundred
 * on a bike without asking me" when the roles have swapped. */
static void test_flow_money_prompts_follow_the_roles(void **state)
{
    (void)state;
    Scorer sc = {0};
    Flow *f = start("scripts/scenarios/money.lua", &sc);
    const FlowAsk *a = flow_ask(f);
    expect(f, ASK_TEXT, 0);
    assert_string_equal(a->choices[0], "You spent four hundred on a bike without asking me.");
    quick_round(f, 0);
    expect(f, ASK_TEXT, 1);
    assert_true(a->nchoices > 0);
    for (int i = 0; i < a->nchoices; i++)
        assert_null(strstr(a->choices[i], "bike"));
    assert_non_null(strstr(a->choices[0], "I feel like a kid"));
    flow_destroy(f);
}

/* heard.rate's rates names a turn so far; anything else is an error at the flow's line. */
static void test_flow_rate_names_a_turn_so_far(void **state)
{
    const char *path = *state;
    write_scenario(path, "Rates",
                   "  play = function(heard)\n"
                   "    heard.rate({ rates = 5 })\n"
                   "  end,\n");
    ScriptError err;
    assert_null(start_quietly(path, &err));
    assert_non_null(strstr(err.message, "heard.rate: rates must be the number of a turn so far"));
    assert_int_equal(err.line, 7);
}

/* The moves of T as "tag points, ..." into BUF. */
static const char *moves_of(const Turn *t, char *buf, size_t cap)
{
    buf[0] = '\0';
    for (int i = 0; i < t->moves.count; i++)
        snprintf(buf + strlen(buf), cap - strlen(buf), "%s%s %d", i ? ", " : "",
                 t->moves.items[i].tag, t->moves.items[i].points);
    return buf;
}

static void test_flow_scenario_rules_add_drop_and_replace(void **state)
{
    const char *path = *state;
    write_rules(path,
                "function(turn, moves, add, drop)\n"
                "    local t = turn.text\n"
                "    if t:find('nine') then add('next_step', 4, 'a time you can keep') end\n"
                "    if t:find('sorry') then add('apology', 2, 'you said sorry') end\n"
                "    if t:find('toaster') then\n"
                "        assert(drop('counter_complaint') and not drop('criticism'))\n"
                "    end\n"
                "    if t:find('who') then\n"
                "        add('check', 1, table.concat({ turn.role, turn.kind, turn.player,\n"
                "            turn.context, #moves }, '/'))\n"
                "        add('check', 1, moves[1].reason .. ' again')\n"
                "    end\n"
                "    turn.text = 'changed'\n"
                "end",
                "");
    Scorer sc = {0};
    Flow *f = start(path, &sc);
    type(f, "who is it");
    const Turn *t = last_turn(f);
    assert_string_equal(t->text, "who is it"); /* the rule changed its own copy only */
    assert_int_equal(t->moves.count, 1);
    /* the second add replaced the first, and saw it in moves */
    assert_string_equal(t->moves.items[0].reason,
                        "customer/startup/1//0 \xE2\x86\x92 asked \xE2\x80\x9c"
                        "did I get it?\xE2\x80\x9d +1 again \xE2\x86\x92 asked \xE2\x80\x9c"
                        "did I get it?\xE2\x80\x9d +1");

    /* the stand-in finds counter_complaint, reflection, next_step; the rule drops the first,
     * replaces the last, adds an apology, and the moves come back in the tags' order */
    type(f, "Well, my toaster... no, sorry, you feel let down. I'll fix it tomorrow at nine.");
    t = last_turn(f);
    char buf[256];
    assert_string_equal(moves_of(t, buf, sizeof buf), "reflection 3, apology 2, next_step 4");
    assert_int_equal(t->moves.total, 9);
    assert_string_equal(t->moves.items[2].reason,
                        "a time you can keep \xE2\x86\x92 offered a next step +4");
    assert_int_equal(flow_player_score(f, 1), 9);
    expect(f, ASK_RATE, 0); /* no counter-complaint left, so no offer to park it */
    flow_destroy(f);
}

static void test_flow_scenario_rules_list_and_points_last(void **state)
{
    const char *path = *state;
    /* the second rule sees what the first did; points win over both, reasons quote them */
    write_rules(path,
                "{\n"
                "    function(turn, moves, add) add('thanks', 1, 'first') end,\n"
                "    function(turn, moves, add)\n"
                "        add('feeling', 1, #moves .. ' ' .. moves[#moves].tag)\n"
                "        add('reflection', 9, 'made bigger')\n"
                "    end,\n"
                "}",
                "  points = { thanks = 5, reflection = -1 },\n");
    Scorer sc = {0};
    Flow *f = start(path, &sc);
    type(f, "The bins.");
    type(f, "So you feel stuck with the bins.");
    const Turn *t = last_turn(f);
    char buf[256];
    assert_string_equal(moves_of(t, buf, sizeof buf), "reflection -1, feeling 1, thanks 5");
    assert_string_equal(t->moves.items[0].reason,
                        "made bigger \xE2\x86\x92 said it back \xE2\x88\x92"
                        "1");
    assert_string_equal(t->moves.items[1].reason, "2 thanks \xE2\x86\x92 named the feeling +1");
    assert_string_equal(t->moves.items[2].reason,
                        "first \xE2\x86\x92 thanked them for raising it +5");
    assert_int_equal(t->moves.total, 5);
    flow_destroy(f);
}

/* A rule's mistakes are script errors at the rule's own line, and the game goes on. */
static void test_flow_scenario_rules_errors_name_the_line(void **state)
{
    const char *path = *state;
    static const struct {
        const char *line, *message;
    } bad[] = {
        {"add('apologies', 2, 'sorry')",
         "add: unknown move 'apologies' (did you mean 'apology'?); the moves are listed in "
         "docs/moves.md"},
        {"drop(7)", "drop: the move must be a name in quotes, like \"apology\", not number"},
        {"add('thanks', 1.5, 'half')",
         "add: points must be a whole number from -20 to 20, not 1.5"},
        {"add('thanks', 30, 'lots')", "add: points must be a whole number from -20 to 20, not 30"},
        {"add('thanks', 1)", "add: the reason must be a text that says why"},
        {"local n = turn.missing + 1", "attempt to perform arithmetic on a nil value (field "
                                       "'missing')"},
        {"if kept then kept('thanks', 1, 'late') end kept = add",
         "add works only while its rule runs; call it inside the rule"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char rules[256], want[512];
        snprintf(rules, sizeof rules, "function(turn, moves, add, drop)\n    %s\nend", bad[i].line);
        write_rules(path, rules, "");
        Scorer sc = {0};
        Flow *f = start(path, &sc);
        ScriptError err;
        int rc = flow_answer_text(f, "The bins.", 5, &err);
        if (rc == 0) /* the kept add fails on the next turn */
            rc = flow_answer_text(f, "So you feel stuck.", 5, &err);
        assert_true(rc < 0);
        snprintf(want, sizeof want, "%s:8: %s", path, bad[i].message);
        if (strncmp(err.message, want, strlen(want)) != 0)
            fail_msg("want: %s\ngot:  %s", want, err.message);
        assert_string_equal(err.file, path);
        assert_int_equal(err.line, 8);
        assert_true(flow_ask(f)->kind == ASK_TEXT); /* still waiting where it was */
        flow_destroy(f);
    }
    /* a rules field that is not functions is refused when the scenario loads */
    write_rules(path, "{ 'thanks' }", "");
    FlowConfig cfg = {0};
    cfg.scenario_path = path;
    cfg.names[0] = "Alex";
    cfg.names[1] = "Sam";
    ScriptError err;
    assert_null(flow_create(&cfg, &err));
    assert_int_equal(err.line, 7);
    assert_non_null(strstr(err.message, "rules[1] must be a function(turn, moves, add, drop)"));
}

/* Rules that draw random points, or add moves in hash order, give the same moves after undo
 * and reload: the same seed, and moves kept in the tags' order. */
static void test_flow_scenario_rules_same_after_back_and_reload(void **state)
{
    const char *path = *state;
    write_rules(path,
                "function(turn, moves, add)\n"
                "    for tag, p in pairs({ thanks = 1, apology = 2, check = 3 }) do\n"
                "        add(tag, p, turn.text)\n"
                "    end\n"
                "    add('validation', math.random(-20, 20), 'drawn')\n"
                "end",
                "");
    Scorer sc = {0};
    Flow *f = start(path, &sc);
    type(f, "The bins.");
    type(f, "So you feel stuck with the bins.");
    char first[256], second[256], again[256];
    moves_of(flow_turn(f, 1), first, sizeof first);
    moves_of(flow_turn(f, 2), second, sizeof second);
    assert_int_equal(strncmp(first, "check 3, validation ", 20), 0);
    assert_non_null(strstr(first, ", thanks 1, apology 2"));
    ScriptError err;
    assert_int_equal(flow_back(f, &err), 0);
    type(f, "So you feel stuck with the bins.");
    assert_string_equal(moves_of(flow_turn(f, 1), again, sizeof again), first);
    assert_string_equal(moves_of(flow_turn(f, 2), again, sizeof again), second);
    assert_int_equal(flow_reload(f, &err), 0);
    assert_string_equal(moves_of(flow_turn(f, 1), again, sizeof again), first);
    assert_string_equal(moves_of(flow_turn(f, 2), again, sizeof again), second);
    /* and a fresh game on the same answers with the same seed */
    Flow *g = start(path, &sc);
    type(g, "The bins.");
    type(g, "So you feel stuck with the bins.");
    assert_string_equal(moves_of(flow_turn(g, 2), again, sizeof again), second);
    flow_destroy(g);
    flow_destroy(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flow_round_startup_reflect_got_it_closure_swap),
        cmocka_unit_test(test_flow_startup_by_picking_a_prompt),
        cmocka_unit_test(test_flow_partly_and_not_yet_let_the_customer_add_a_line),
        cmocka_unit_test(test_flow_is_there_more_loops_until_no),
        cmocka_unit_test(test_flow_counter_complaint_is_offered_parking),
        cmocka_unit_test(test_flow_parked_toaster_returns_next_round_roles_swapped),
        cmocka_unit_test_setup_teardown(test_flow_prompts_go_to_the_partner_they_belong_to,
                                        tmp_setup, tmp_teardown),
        cmocka_unit_test_setup_teardown(test_flow_rate_names_a_turn_so_far, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test(test_flow_money_prompts_follow_the_roles),
        cmocka_unit_test(test_flow_finishes_after_its_rounds),
        cmocka_unit_test(test_flow_back_restores_the_previous_ask),
        cmocka_unit_test(test_flow_time_out_refuses_answers_until_resume),
        cmocka_unit_test_setup_teardown(test_flow_customer_hints_go_to_the_customer, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_flow_reload_keeps_the_players_where_they_were,
                                        tmp_setup, tmp_teardown),
        cmocka_unit_test(test_flow_floor_from_memory_instead_of_the_file),
        cmocka_unit_test_setup_teardown(test_flow_broken_scenario_gives_file_and_line, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_flow_bad_engine_calls_name_the_line, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test(test_flow_scores_add_up_from_the_turns),
        cmocka_unit_test(test_flow_from_memory_with_point_overrides),
        cmocka_unit_test_setup_teardown(test_flow_scenario_rules_add_drop_and_replace, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_flow_scenario_rules_list_and_points_last, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_flow_scenario_rules_errors_name_the_line, tmp_setup,
                                        tmp_teardown),
        cmocka_unit_test_setup_teardown(test_flow_scenario_rules_same_after_back_and_reload,
                                        tmp_setup, tmp_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
