/* play.h: the state of one game being played on screen — a Match (the flow, the rules that
 * score it, and the session file it is saved to) and its setup — shared by the play, pause
 * and summary screens. No drawing, no scoring, no saving here: the match does both. */
#ifndef HEARD_PLAY_H
#define HEARD_PLAY_H

#include "engine/sdl/app.h"
#include "game/match/match.h"
#include "game/screens/setup.h"

typedef struct Game {
    GameSetup setup;
    Match *match;
    int trace;            /* print the session's path and each saved turn (for the kill test) */
    int path_told;        /* the path has been printed */
    char warned[768];     /* the save warning last printed on stderr */
    uint32_t ask_started; /* when the ask now open began, for the turn timer; a time-out and
                             the hand-over move it on by the time they took */
    uint32_t clock_offset; /* added to the app's clock for the session's milliseconds: 0, or
                              where a continued session had reached */
    Rules *rules;          /* the rules a continued session is scored with (owned), or NULL:
                              the match loaded its own */
} Game;

/* Starts a match of SETUP's scenario, saved in the app's data folder. Returns NULL with
 * ERR filled when the rules or the scenario cannot start. A session that cannot be saved
 * (read-only or full data folder) still plays: match_save_warning says why. */
Game *game_create(App *app, const GameSetup *setup, ScriptError *err);
void game_destroy(Game *g); /* NULL is a no-op */

/* Goes on with the stopped session saved at PATH (game/match/resume.h), writing on to its
 * file. Returns NULL with ERR filled (why it cannot be continued). */
Game *game_resume(App *app, const char *path, ScriptError *err);

/* The session's milliseconds now: the app's clock, plus where a continued session had got
 * to. Every answer and event of G is stamped with it. */
uint32_t game_now(const Game *g, App *app);

/* Prints the match's save warning on stderr once it appears or changes (for a terminal or
 * a test; the screens show it too). Call after anything that writes to the session. */
void game_note_warning(Game *g);

/* The summary after the flow ends. Takes ownership of G. */
Screen *summary_screen_create(App *app, Game *g);

/* The calm time-out screen over the game; F9 or Enter resumes, and the turn timer goes on
 * from where it stood. */
Screen *timeout_screen_create(App *app, Game *g);

/* At a role swap: "Pass the keyboard to Tom — Tom now holds the floor", until a key. The
 * turn timer starts when it is gone. */
Screen *handover_screen_create(App *app, Game *g);

#endif
