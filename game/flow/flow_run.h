/* flow_run.h: inside the flow module, shared by flow.c (the state and its rules) and
 * flow_lua.c (the coroutine and the `heard` table). A FlowRun is everything derived from
 * the scenario source and the answer log: rebuilt from scratch by undo and reload. Not for
 * other modules. */
#ifndef HEARD_FLOW_RUN_H
#define HEARD_FLOW_RUN_H

#include "game/flow/flow.h"

struct lua_State;

typedef struct FlowParked {
    char *text;
    int player;
    int returned;
} FlowParked;

typedef struct FlowRun {
    Script *script;
    struct lua_State *co;     /* the flow's coroutine, anchored in the registry */
    FlowAsk ask;              /* kind ASK_NONE between an answer and the next ask */
    const FlowAnswer *answer; /* the answer being handed to the waiting ask */
    uint32_t now;             /* its time stamp, given to the turns it leads to */
    Turn *turns;
    size_t nturns, capturns;
    size_t text_bytes;   /* bytes of the turns' and parked texts, against LIMITS_SESSION_TEXT */
    char limit_msg[200]; /* what FLOW_ERR_LIMIT from flow_run_add_turn or flow_run_park meant */
    FlowParked *parked;
    size_t nparked, capparked;
    int round, customer, finished;
    int first;   /* the player who held the floor in round 1 */
    int scoring; /* FlowConfig.scoring, resolved: 1 or FLOW_SCORING_NOW */
    int rates;   /* the ask is a rating of turn RATES (1-based), or 0: the latest reply */
    ScenarioInfo info;
    int turn_seconds;
    const char *names[2]; /* borrowed from the Flow */
    FlowScoreFn score;
    void *score_ud;
    int score_rc;          /* the score callback's error while the step that got it unwinds */
    ScriptError score_err; /* what it said (file, line, message) */
} FlowRun;

/* ---- flow.c, called by the bindings ---- */

/* Records a turn (TEXT, CONTEXT copied; MOVES may be NULL) in the current round. What the
 * copies hold counts against the script's memory cap (script_hold). Returns 0,
 * SCRIPT_ERR_MEMORY (the cap refused it), FLOW_ERR_LIMIT (the session already holds
 * LIMITS_SESSION_TURNS turns or LIMITS_SESSION_TEXT bytes of text; R->limit_msg says which)
 * or FLOW_ERR_MEMORY. */
int flow_run_add_turn(FlowRun *r, int player, Role role, const char *kind, const char *text,
                      const char *context, const MoveList *moves);

/* Scores TURN through the callback (see FlowScoreFn; SCENARIO is the scenario table's index
 * on L). Returns 0, or the callback's negative code with R->score_rc and R->score_err set,
 * for the caller to raise. */
int flow_run_score(FlowRun *r, struct lua_State *L, int scenario, const ScenarioTurn *turn,
                   MoveList *out);

/* Parks PLAYER's grievance TEXT (held as flow_run_add_turn holds its texts). Returns its
 * index (from 0), or SCRIPT_ERR_MEMORY, FLOW_ERR_LIMIT or FLOW_ERR_MEMORY. */
int flow_run_park(FlowRun *r, int player, const char *text);

/* Marks parked grievance I as returned. Returns its text (borrowed) or NULL when I is out of
 * range or it has already come back. */
const char *flow_run_unpark(FlowRun *r, size_t i);

/* Swaps the roles and starts the next round. */
void flow_run_swap(FlowRun *r);

/* ---- flow_lua.c, called by flow.c ---- */

/* A chunk of Lua in memory: its source, length and name in messages. */
typedef struct FlowChunk {
    const char *src;
    size_t len;
    const char *name;
} FlowChunk;

/* Creates R's sandbox (seeded with SEED), loads the scenario SCENARIO and the floor module
 * FLOOR, and runs the flow to its first ask. Returns 0 or a SCRIPT_ERR_* /
 * SCENARIO_ERR_INVALID code with ERR filled. */
int flow_lua_start(FlowRun *r, FlowChunk scenario, FlowChunk floor, uint64_t seed,
                   ScriptError *err);

/* Hands answer A (checked by the caller against R->ask) to the waiting ask and runs the
 * flow to its next ask or its end. Returns 0 or a SCRIPT_ERR_* code with ERR filled; R is
 * then spent and must be rebuilt. */
int flow_lua_resume(FlowRun *r, const FlowAnswer *a, ScriptError *err);

/* Closes R's sandbox. */
void flow_lua_close(FlowRun *r);

#endif
