/* game.c: one game in progress — rules, flow and session file together. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "game/screens/play.h"
#include "version.h"

static int score_cb(void *ud, const char *context, const char *reply, Role role, MoveList *out)
{
    ScriptError err;
    return rules_score((Rules *)ud, context, reply, role, out, &err);
}

/* A seed from the clock of the machine: sessions differ, and each records its own. */
static uint64_t fresh_seed(App *app)
{
    uint64_t s = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ULL;
    return app_headless(app) ? 20261122ULL : s ^ (uint64_t)(uintptr_t)app;
}

static void open_session(Game *g, App *app, uint64_t seed)
{
    size_t len = 0;
    const char *source = flow_scenario_source(g->flow, &len);
    const ScenarioInfo *info = flow_scenario(g->flow);
    SessionHeader h;
    memset(&h, 0, sizeof h);
    h.game_version = HEARD_VERSION;
    h.scenario_id = info->id;
    h.scenario_path = info->path;
    h.scenario_source = source;
    h.floor_source = flow_floor_source(g->flow, NULL); /* so a later floor.lua still replays it */
    h.rules_hash = rules_hash(g->rules);
    h.players[0] = g->setup.names[0];
    h.players[1] = g->setup.names[1];
    h.first = g->setup.first;
    h.seed = seed;
    char err[400];
    g->writer = session_writer_create(app_data_dir(app), &h, g->save_path, sizeof g->save_path, err,
                                      sizeof err);
    g->trace = app_trace(app);
    if (g->writer && g->trace) {
        printf("session %s\n", g->save_path);
        fflush(stdout);
    }
    if (!g->writer) {
        snprintf(g->save_warning, sizeof g->save_warning,
                 "This session cannot be saved (%s). You can keep playing.", err);
        fprintf(stderr, "heard: warning: %s\n", g->save_warning); /* for a terminal, a test */
    }
}

Game *game_create(App *app, const GameSetup *setup, ScriptError *err)
{
    Game *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    g->setup = *setup;
    g->rules = rules_load(app_root(app), err);
    if (!g->rules) {
        free(g);
        return NULL;
    }
    uint64_t seed = fresh_seed(app);
    FlowConfig cfg = {
        .scenario_path = setup->scenario.path,
        .root = app_root(app),
        .names = {g->setup.names[0], g->setup.names[1]},
        .first = setup->first,
        .seed = seed,
        .score = score_cb,
        .score_ud = g->rules,
    };
    g->flow = flow_create(&cfg, err);
    if (!g->flow) {
        game_destroy(g);
        return NULL;
    }
    game_sync_points(g);
    open_session(g, app, seed);
    game_save_progress(g);
    return g;
}

void game_sync_points(Game *g)
{
    const char *tag;
    int points;
    rules_clear_overrides(g->rules);
    for (size_t i = 0; flow_point_override(g->flow, i, &tag, &points) == 0; i++)
        rules_set_points(g->rules, tag, points);
}

void game_destroy(Game *g)
{
    if (!g)
        return;
    session_writer_destroy(g->writer);
    flow_destroy(g->flow);
    rules_destroy(g->rules);
    free(g);
}

static void write_failed(Game *g)
{
    snprintf(g->save_warning, sizeof g->save_warning,
             "Saving stopped: %s. You can keep playing; this session will not be complete "
             "on disk.",
             session_writer_error(g->writer));
    fprintf(stderr, "heard: warning: %s\n", g->save_warning);
    session_writer_destroy(g->writer);
    g->writer = NULL;
    g->save_path[0] = '\0'; /* nobody is told "saved to" a file that stopped half-way */
}

void game_save_progress(Game *g)
{
    if (!g->writer)
        return;
    for (; g->answers_saved < flow_answer_count(g->flow); g->answers_saved++) {
        const FlowAnswer *a = flow_answer(g->flow, g->answers_saved);
        SessionAnswer sa = {.kind = a->kind == FLOW_ANSWER_TEXT ? SESSION_ANSWER_TEXT
                                                                : SESSION_ANSWER_CHOICE,
                            .text = a->text,
                            .index = a->index,
                            .ms = a->ms};
        if (session_write_answer(g->writer, &sa) != 0) {
            write_failed(g);
            return;
        }
    }
    for (; g->turns_saved < flow_turn_count(g->flow); g->turns_saved++) {
        const FlowTurn *t = flow_turn(g->flow, g->turns_saved);
        SessionTurn st = {0,       t->round, t->player,      t->role,  t->kind,
                          t->text, t->ms,    t->moves.total, t->moves, 0};
        if (session_write_turn(g->writer, &st) != 0) {
            write_failed(g);
            return;
        }
        if (g->trace) { /* the turn is synced: a crash from here on keeps it */
            printf("saved turn %zu\n", g->turns_saved + 1);
            fflush(stdout);
        }
    }
}

void game_save_end(Game *g, uint32_t ms)
{
    game_save_progress(g);
    if (g->writer && session_write_end(g->writer, flow_team_score(g->flow), ms) != 0)
        write_failed(g);
}

void game_record_event(Game *g, const Event *e)
{
    /* An event that cannot be saved (SESSION_ERR_ARG: nothing was written) is left out of
     * the file; only a failing file stops the saving. */
    if (g->writer) {
        int rc = session_write_event(g->writer, e);
        if (rc != 0 && rc != SESSION_ERR_ARG)
            write_failed(g);
    }
}

void game_note_undo(Game *g, uint32_t ms)
{
    if (g->writer && session_write_undo(g->writer, ms) != 0)
        write_failed(g);
    /* The flow replayed its log without the last answer: what it holds now is on disk. */
    g->answers_saved = flow_answer_count(g->flow);
    g->turns_saved = flow_turn_count(g->flow);
}

void game_note_reload(Game *g, uint32_t ms)
{
    game_sync_points(g);
    size_t answers = flow_answer_count(g->flow);
    if (answers > g->answers_saved)
        answers = g->answers_saved; /* a write failed earlier; the file has no more */
    SessionReload r = {.ms = ms,
                       .scenario_source = flow_scenario_source(g->flow, NULL),
                       .floor_source = flow_floor_source(g->flow, NULL),
                       .answers = answers};
    if (g->writer && session_write_reload(g->writer, &r) != 0)
        write_failed(g);
    if (flow_answer_count(g->flow) < g->answers_saved) {
        /* the edited flow dropped answers: as after an undo, what it holds is on disk */
        g->answers_saved = flow_answer_count(g->flow);
        g->turns_saved = flow_turn_count(g->flow);
    }
}
