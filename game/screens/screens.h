/* screens.h: constructors of the game's screens. Each returns a Screen the App owns once
 * pushed, or NULL when out of memory. */
#ifndef HEARD_SCREENS_H
#define HEARD_SCREENS_H

#include "engine/script/script.h"
#include "engine/sdl/app.h"
#include "game/screens/setup.h"

/* The title: what Heard is, the menu, and the scenarios found in ROOT/scripts/scenarios
 * (a broken one is listed with its error). */
Screen *title_screen_create(App *app);

/* Called by the error screen when the player presses R. Returns 0 when the reload worked
 * (the error screen then closes), or a SCRIPT_ERR_* code with ERR filled (it shows that). */
typedef int (*ErrorReloadFn)(void *ud, App *app, ScriptError *err);

/* A script error: the message with file:line first, the traceback under it; R reloads
 * (when RELOAD is set), C copies the message, Esc goes back. */
Screen *error_screen_create(const ScriptError *err, ErrorReloadFn reload, void *ud);

/* Choose a scenario, grouped by difficulty, each with its description. */
Screen *picker_screen_create(App *app);

/* Two names and who holds the floor first, for SCENARIO. */
Screen *players_screen_create(App *app, const ScenarioInfo *scenario);

/* The note on what the game is for (shown once per data folder), then play. */
Screen *note_screen_create(App *app, const GameSetup *setup);

/* Whether the note has been seen (a marker file in the data folder). */
int note_seen(App *app);

/* How to play, how the score works and the ideas behind the game (F1). */
Screen *help_screen_create(App *app);

/* Past sessions: list, chart, replay, delete. */
Screen *library_screen_create(App *app);

/* The replay viewer for the session file PATH. */
Screen *replay_screen_create(App *app, const char *path);

/* The floor, turn by turn. NULL (with a message on the error screen) when the scenario
 * cannot start. */
Screen *play_screen_create(App *app, const GameSetup *setup);

/* The floor of the stopped session saved at PATH, where it was left, written on to the same
 * file; the error screen says why when it cannot be continued. */
Screen *play_screen_resume(App *app, const char *path);

#endif
