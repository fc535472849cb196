/* game.c: one game on screen — a Match (game/match: the flow, the rules and the session
 * file) and the setup the screens before it gathered. Scoring and saving happen in the
 * match; here the game only picks the seed and folder, and tells a terminal what the match
 * says about saving. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "game/match/resume.h"
#include "game/screens/play.h"

/* A seed from the clock of the machine: sessions differ, and each records its own. */
static uint64_t fresh_seed(App *app)
{
    uint64_t s = (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ULL;
    return app_headless(app) ? 20261122ULL : s ^ (uint64_t)(uintptr_t)app;
}

/* For the kill test: the session file's path, once, before anything is said of it. */
static void print_path(Game *g, const char *path)
{
    if (!g->path_told && path[0]) {
        printf("session %s\n", path);
        fflush(stdout);
        g->path_told = 1;
    }
}

/* For the kill test: each turn is on disk once this is printed. */
static void print_saved(void *ud, const char *path, const Turn *t)
{
    print_path(ud, path);
    printf("saved turn %d\n", t->n);
    fflush(stdout);
}

Game *game_create(App *app, const GameSetup *setup, ScriptError *err)
{
    Game *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err->message, sizeof err->message, "out of memory");
        return NULL;
    }
    g->setup = *setup;
    g->trace = app_trace(app);
    MatchConfig cfg = {
        .root = app_root(app),
        .scenario_path = setup->scenario.path,
        .names = {g->setup.names[0], g->setup.names[1]},
        .first = setup->first,
        .seed = fresh_seed(app),
        .save_dir = app_data_dir(app),
        .saved = g->trace ? print_saved : NULL,
        .saved_ud = g,
    };
    g->match = match_create(&cfg, err);
    if (!g->match) {
        free(g);
        return NULL;
    }
    if (g->trace)
        print_path(g, match_save_path(g->match));
    game_note_warning(g);
    return g;
}

Game *game_resume(App *app, const char *path, ScriptError *err)
{
    memset(err, 0, sizeof *err);
    Game *g = calloc(1, sizeof *g);
    if (!g || !(g->rules = rules_load(app_root(app), err))) {
        if (g && !err->message[0])
            snprintf(err->message, sizeof err->message, "out of memory");
        free(g);
        return NULL;
    }
    g->trace = app_trace(app);
    g->match = resume_match(path, g->rules, app_root(app), g->trace ? print_saved : NULL, g,
                            &g->clock_offset, err->message, sizeof err->message);
    if (!g->match) {
        rules_destroy(g->rules);
        free(g);
        return NULL;
    }
    const Flow *f = match_flow(g->match);
    g->setup.scenario = *flow_scenario(f);
    for (int p = 0; p < 2; p++)
        snprintf(g->setup.names[p], sizeof g->setup.names[p], "%s", flow_name(f, p));
    g->clock_offset -= app_now(app); /* the session's clock goes on from where it was */
    if (g->trace)
        print_path(g, path);
    return g;
}

uint32_t game_now(const Game *g, App *app)
{
    return app_now(app) + g->clock_offset;
}

void game_destroy(Game *g)
{
    if (!g)
        return;
    match_destroy(g->match);
    rules_destroy(g->rules);
    free(g);
}

void game_note_warning(Game *g)
{
    const char *warning = match_save_warning(g->match);
    if (warning[0] && strcmp(warning, g->warned) != 0) {
        fprintf(stderr, "heard: warning: %s\n", warning); /* for a terminal, a test */
        snprintf(g->warned, sizeof g->warned, "%s", warning);
    }
}
