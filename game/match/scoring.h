/* scoring.h: the game's rules of play (docs/scoring.md), step 5 of the turn pipeline
 * (match.h): the partner's word weighs the points, and two rules read a reply beside the
 * turns before it.
 *
 *   - A rating (Got it / Partly / Not yet) weighs the listening points of the reply it rates
 *     (the MOVE_LISTENING moves it earned): Got it keeps them all and earns the felt-heard
 *     bonus; Partly keeps half (rounded up); Not yet keeps none. Hurting moves cost their
 *     points whatever the rating. The flow keeps these moves as a "rated" turn of the
 *     listener, right after the rating.
 *   - A toaster cancels the listening of the reply it is in: a reply that says it back and
 *     then brings its own complaint earns nothing for saying it back.
 *   - A repair earns a bonus: after a hurting move, an apology, ownership or a reflection by
 *     the same player in the same round, with no hurting move of its own.
 * The felt-heard and repair bonuses take the scenario's `points` for felt_heard and repair.
 *
 * Depends on: game/scenario (scenario_points), game/turn, Lua (through scenario). No SDL. */
#ifndef HEARD_SCORING_H
#define HEARD_SCORING_H

#include "game/scenario/scenario.h"

struct lua_State;

/* The moves of the rating TURN (kind "rating", text "got_it", "partly" or "not_yet", with
 * TURN->rated the reply it rates, or NULL) into OUT, with the scenario table at SC on L's
 * stack for its points. OUT is emptied first; a rating with no reply to weigh earns only
 * the felt-heard bonus of a Got it. */
void scoring_rate(struct lua_State *L, int sc, const ScenarioTurn *turn, MoveList *out);

/* Adds to MOVES, the moves of TURN so far, what the rules of play add to a reply: the
 * toaster's cancelling of its listening points, and a repair bonus. */
void scoring_reply(struct lua_State *L, int sc, const ScenarioTurn *turn, MoveList *moves);

/* The listening points of MOVES: what its MOVE_LISTENING moves earned, less what a toaster
 * in the same reply cancelled; never below 0. What a rating weighs. */
int scoring_listening_points(const MoveList *moves);

#endif
