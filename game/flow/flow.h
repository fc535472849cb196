/* flow.h: the turn flow. A scenario's flow (scripts/lib/floor.lua, or the scenario's own
 * `play`) runs as a Lua coroutine that asks the players for text, ratings and choices; the
 * game shows the current ask, passes the answer back, and reads the scored turns.
 *
 * Every answer is kept in a log (kind, text or index, milliseconds), so undo (flow_back),
 * hot reload (flow_reload) and replay re-run the coroutine from the start with the same
 * seed and reach the same state. A script error at any step is returned as a ScriptError
 * with file and line, and the Flow stays in its last good state.
 *
 * Every turn the flow records (heard.turn) is scored through one callback,
 * FlowConfig.score: game/match gives its turn pipeline (match_score), so the flow does not
 * depend on the rules, and play, undo, reload, replay and `heard check` all score alike.
 * The callback gets the scenario's table, for the scenario's own rules and points.
 *
 * Depends on: engine/script, game/scenario, game/turn. No SDL. Lua is touched only in
 * flow_lua.c. */
#ifndef HEARD_FLOW_H
#define HEARD_FLOW_H

#include <stddef.h>
#include <stdint.h>

#include "engine/script/script.h"
#include "game/scenario/scenario.h"
#include "game/turn/turn.h"

typedef struct Flow Flow;

struct lua_State;

/* Scores TURN (the text, the words it answers, its kind, role and player), filling OUT. It
 * runs inside the flow's Lua step: SCENARIO is the index of the scenario's table on L's
 * stack, for the scenario's rules and points (scenario_score), whose errors are raised in L
 * as from any binding, at the rule's line. Returns 0, or a negative code with ERR filled
 * (file, line, message), which stops the answer with that error. */
typedef int (*FlowScoreFn)(void *ud, struct lua_State *L, int scenario, const ScenarioTurn *turn,
                           MoveList *out, ScriptError *err);

typedef struct FlowConfig {
    const char *scenario_path;   /* the scenario file; also used by flow_reload */
    const char *scenario_source; /* when set, used instead of reading scenario_path */
    size_t scenario_source_len;  /* 0 means strlen(scenario_source) */
    const char *scenario_name;   /* chunk name for an in-memory source (default: the path) */
    const char *root;            /* the folder that holds scripts/ (NULL or "" means ".") */
    const char *floor_source;    /* when set, the flow library run instead of reading
                                    scripts/lib/floor.lua under root (a saved session's) */
    size_t floor_source_len;     /* 0 means strlen(floor_source) */
    const char *floor_name;      /* chunk name for an in-memory floor (default: its path) */
    const char *names[2];        /* the players' names */
    int first;                   /* the player (0 or 1) who is the customer first */
    uint64_t seed;               /* Lua's math.random and heard.random draw from it */
    FlowScoreFn score;           /* NULL scores every turn with no moves */
    void *score_ud;
    int scoring; /* the rules of play the session was played under (docs/scoring.md): 0 or
                    FLOW_SCORING_NOW for today's; 1 for a session saved before the partner's
                    word decided (no "unpark" turns then) */
} FlowConfig;

/* The rules of play (docs/scoring.md), as a session's header records them: 1 the moves' own
 * points; 2 the partner's word weighs them, a toaster cancels the listening of its reply, a
 * repair earns a bonus, a parked toaster's return is kept as a turn. */
#define FLOW_SCORING_NOW 2

typedef enum AskKind { ASK_NONE, ASK_TEXT, ASK_RATE, ASK_CHOICE } AskKind;

#define FLOW_CHOICES_MAX 8

/* What the flow waits for. ASK_TEXT may carry choices (the scenario's prompts, or text to
 * pick instead of typing); ASK_RATE has the three choices Got it / Partly / Not yet. */
typedef struct FlowAsk {
    AskKind kind;
    int player; /* 0 or 1 */
    Role role;
    char title[128];
    char hint[256];
    int nchoices;
    char choices[FLOW_CHOICES_MAX][160]; /* shortened at a character boundary to fit */
    int optional;                        /* ASK_TEXT: an empty answer is allowed (skip) */
    char prefill[2048]; /* ASK_TEXT: words to start the text box with ("" for none), such
                           as a parked toaster to be said again, softly */
} FlowAsk;

typedef enum FlowAnswerKind { FLOW_ANSWER_TEXT, FLOW_ANSWER_CHOICE } FlowAnswerKind;

/* One entry of the answer log. */
typedef struct FlowAnswer {
    FlowAnswerKind kind;
    char *text; /* FLOW_ANSWER_TEXT; owned by the Flow */
    int index;  /* FLOW_ANSWER_CHOICE, 0-based */
    uint32_t ms;
} FlowAnswer;

/* Error codes of flow_* besides the SCRIPT_ERR_* and SCENARIO_ERR_* codes. */
enum {
    FLOW_ERR_PAUSED = -20,   /* a time-out is on: answers wait for resume */
    FLOW_ERR_KIND = -21,     /* the answer does not fit what the flow asks */
    FLOW_ERR_FINISHED = -22, /* the flow has ended */
    FLOW_ERR_RANGE = -23,    /* choice index out of range */
    FLOW_ERR_EMPTY = -24,    /* empty text where the ask is not optional */
    FLOW_ERR_NOTHING = -25,  /* no answer to undo */
    FLOW_ERR_CONFIG = -26,   /* a FlowConfig field is missing or out of range */
    FLOW_ERR_MEMORY = -27,
    FLOW_ERR_LIMIT = -28 /* past a limit of engine/core/limits.h: an answer longer than
                            LIMITS_TEXT_MAX, or more turns or text than a session holds */
};

/* ---- life cycle ------------------------------------------------------------------------ */

/* Loads the scenario (file or in-memory source) and the flow library (CFG->floor_source, or
 * else scripts/lib/floor.lua under CFG->root, read once here), and runs the flow up to its
 * first ask. Undo and error recovery re-run the same library source; only flow_reload reads
 * the file again. Returns a Flow owned by the caller (free with flow_destroy), or NULL with
 * ERR (may be NULL) saying what went wrong and where. CFG's strings are copied. */
Flow *flow_create(const FlowConfig *cfg, ScriptError *err);

/* Frees the Flow and its Lua state. flow_destroy(NULL) is a no-op. */
void flow_destroy(Flow *f);

/* ---- playing --------------------------------------------------------------------------- */

/* What the flow waits for now (borrowed, valid until the next call that changes the Flow);
 * its kind is ASK_NONE once the flow has finished. */
const FlowAsk *flow_ask(const Flow *f);

/* Answers an ASK_TEXT with TEXT (copied) at time MS. Returns 0 or FLOW_ERR_PAUSED,
 * FLOW_ERR_KIND, FLOW_ERR_FINISHED, FLOW_ERR_EMPTY, FLOW_ERR_LIMIT (TEXT is longer than
 * LIMITS_TEXT_MAX, or not UTF-8), or a script error (ERR says where; the answer is then
 * dropped and the Flow is as before). */
int flow_answer_text(Flow *f, const char *text, uint32_t ms, ScriptError *err);

/* Answers an ASK_RATE (0 got it, 1 partly, 2 not yet), an ASK_CHOICE, or picks choice INDEX
 * (0-based) of an ASK_TEXT. Errors as flow_answer_text, plus FLOW_ERR_RANGE. */
int flow_answer_choice(Flow *f, int index, uint32_t ms, ScriptError *err);

/* Undoes the last answer: re-runs the flow with the same seed on every answer but the last.
 * Returns 0, FLOW_ERR_NOTHING, or a script error (the Flow is then unchanged). */
int flow_back(Flow *f, ScriptError *err);

/* Hot reload: reads the scenario file again (and scripts/lib/floor.lua under the root, unless
 * the flow library was given in memory, which is kept as an in-memory scenario is) and
 * replays the answers. Answers that no longer fit the edited flow are dropped from the end
 * of the log. Returns 0, or an error with ERR (file and line) while the old scenario, flow
 * library and state stay in place. */
int flow_reload(Flow *f, ScriptError *err);

/* Reload from sources in memory, as flow_reload does from the files: the scenario
 * SCENARIO_SRC (SCENARIO_LEN bytes; 0 means strlen) and the flow library FLOOR_SRC
 * (FLOOR_LEN bytes, 0 means strlen); either may be NULL to keep the one running now. Both are
 * copied; a flow library given here is kept by a later flow_reload, as FlowConfig's is.
 * Answers that no longer fit are dropped from the end of the log (flow_answer_count says how
 * many are left). Returns 0, or an error with ERR (file and line) while the old sources and
 * state stay in place. Replay uses it to follow a reload recorded in a session. */
int flow_reload_sources(Flow *f, const char *scenario_src, size_t scenario_len,
                        const char *floor_src, size_t floor_len, ScriptError *err);

/* Time-out: while PAUSED is non-zero, answers are refused with FLOW_ERR_PAUSED. */
void flow_set_paused(Flow *f, int paused);

/* Whether answers are refused for a time-out. */
int flow_paused(const Flow *f);

/* ---- reading the state ----------------------------------------------------------------- */

/* 1 when the flow has run to its end. */
int flow_finished(const Flow *f);

/* The current round, from 1. */
int flow_round(const Flow *f);

/* The scenario's number of rounds. */
int flow_rounds(const Flow *f);

/* The player (0 or 1) who is the customer now. */
int flow_customer(const Flow *f);

/* The rules of play this flow runs under (1 or FLOW_SCORING_NOW; see FlowConfig.scoring). */
int flow_scoring(const Flow *f);

/* The player's name as given in FlowConfig (borrowed). */
const char *flow_name(const Flow *f, int player);

size_t flow_turn_count(const Flow *f);

/* Turn I (borrowed; valid until the next answer, back or reload), or NULL out of range. Its
 * n is I + 1. */
const Turn *flow_turn(const Flow *f, size_t i);

/* Every turn so far, in order (borrowed, as flow_turn); sets *N. */
const Turn *flow_turns(const Flow *f, size_t *n);

/* The sum of every turn's points: the couple's one score. */
int flow_team_score(const Flow *f);

/* The sum of the points of PLAYER's turns. */
int flow_player_score(const Flow *f, int player);

/* The toaster parking lot: every grievance parked, in order. */
size_t flow_parked_count(const Flow *f);

/* The text of parked grievance I (borrowed), or NULL out of range; sets *PLAYER (who parked
 * it) and *RETURNED (1 once it came back as a round); either may be NULL. */
const char *flow_parked_text(const Flow *f, size_t i, int *player, int *returned);

/* The scenario's per-turn timer in seconds, 0 when it sets none. */
int flow_turn_seconds(const Flow *f);

/* What the scenario says about itself (borrowed). */
const ScenarioInfo *flow_scenario(const Flow *f);

/* The scenario's source as run now (borrowed), for sessions to store; sets *LEN. */
const char *flow_scenario_source(const Flow *f, size_t *len);

/* The flow library's source as run now (borrowed): FlowConfig.floor_source, or
 * scripts/lib/floor.lua as read at create or at the last successful reload; for sessions
 * to store. Sets *LEN (may be NULL). */
const char *flow_floor_source(const Flow *f, size_t *len);

/* The answer log, read-only: count and entry I (borrowed), or NULL out of range. */
size_t flow_answer_count(const Flow *f);
const FlowAnswer *flow_answer(const Flow *f, size_t i);

#endif
