/* play.h: the state of one game being played on screen — the flow, the rules that score
 * it, and the session file it is saved to — shared by the play, pause and summary screens.
 * No drawing here. */
#ifndef HEARD_PLAY_H
#define HEARD_PLAY_H

#include "game/flow/flow.h"
#include "game/rules/rules.h"
#include "engine/sdl/app.h"
#include "game/screens/setup.h"
#include "game/session/session.h"

typedef struct Game {
    GameSetup setup;
    Rules *rules;
    Flow *flow;
    SessionWriter *writer; /* NULL when the session cannot be saved (see save_warning) */
    char save_path[1024];
    char save_warning[768];
    size_t turns_saved;   /* turns already written to the session file */
    size_t answers_saved; /* answers already written */
    int trace;            /* print each saved turn (for the kill test) */
} Game;

/* Loads the rules, starts the flow and opens the session file. Returns NULL with ERR filled
 * when the rules or the scenario cannot start. A session that cannot be saved (read-only or
 * full data folder) still plays: save_warning says why. */
Game *game_create(App *app, const GameSetup *setup, ScriptError *err);
void game_destroy(Game *g); /* NULL is a no-op */

/* Tells the rules the scenario's point overrides (the flow applies them to every score
 * itself), so the reasons players read quote the same points. Call after a reload too. */
void game_sync_points(Game *g);

/* Writes the answers and turns the flow has committed since the last call, each synced to
 * disk before the game moves on. On a write error, sets save_warning and keeps playing. */
void game_save_progress(Game *g);

/* Marks the session as finished in its file. */
void game_save_end(Game *g, uint32_t ms);

/* After flow_back: records in the file that the last answer was taken back. */
void game_note_undo(Game *g, uint32_t ms);

/* After a successful flow_reload: tells the rules the new points (game_sync_points) and
 * records in the file the sources that changed and the answers still in force, so a replay
 * follows the reload. */
void game_note_reload(Game *g, uint32_t ms);

/* Records an input event in the session file. */
void game_record_event(Game *g, const Event *e);

/* The summary after the flow ends. Takes ownership of G. */
Screen *summary_screen_create(App *app, Game *g);

/* The calm time-out screen over the game; F9 or Enter resumes. */
Screen *timeout_screen_create(Game *g);

#endif
