/* scenario.h: what a coach's scenario file says about itself (id, title, description,
 * difficulty, rounds), read and checked in a sandbox so a broken file shows its error with
 * file and line instead of stopping the program.
 *
 * A scenario is a Lua file (scripts/scenarios/NAME.lua) that returns a table. Its fields:
 *   id           string, required: letters, digits, '_' or '-'
 *   title        string, required, one line
 *   description  string, required, one line
 *   difficulty   integer 1..4, required (1 appliances ... 4 hot topics)
 *   rounds       integer 1..20, default 2
 *   prompts      list of complaint texts the customer may pick (at most SCENARIO_PROMPTS_MAX);
 *                an entry may say whose it is: { text = "...", speaker = "first" } (the partner
 *                who holds the floor first) or "second"; scripts/lib/floor.lua offers each
 *                partner only theirs and the ones that say nothing
 *   hints        list of short tips tied to the method, shown to the listener (agent)
 *   customer_hints  list of tips for the one who holds the floor, shown at the startup
 *   points       table tag -> integer points overriding the rules (tags of docs/moves.md, and
 *                felt_heard and repair of docs/scoring.md)
 *   turn_seconds integer 5..3600, a per-turn timer; absent means none
 *   examples     list of {context=, reply=, role="agent"|"customer", moves={tag, ...},
 *                rating="got_it"|"partly"|"not_yet"} (rating: the partner's word on the reply),
 *                at most SCENARIO_EXAMPLES_MAX
 *   example_reflection  boolean, default true: after a miss, show the listener an example of
 *                saying it back built from the partner's words (false switches it off)
 *   play         function(heard, scenario, floor): a custom flow instead of scripts/lib/floor.lua
 *   rules        function(turn, moves, add, drop), or a list of them: extra rules, run in the
 *                scenario's own sandbox after the standard rules scored a turn and before
 *                `points` is applied (see scenario_score)
 * Any other key is an error that suggests the closest known name.
 *
 * A rule is called with
 *   turn   {text=, context=, role="customer"|"agent", kind=, player=1|2}, a fresh copy
 *   moves  the moves so far, { {tag=, points=, reason=}, ... }, a copy that add and drop
 *          keep up to date (writing into it changes nothing)
 *   add(tag, points, reason)  adds move TAG (a tag of docs/moves.md) worth POINTS (a whole
 *          number from -20 to 20, replaced by the scenario's `points` for TAG when it has
 *          one) with REASON (a non-empty text; the game adds " → tag +N" as for every move),
 *          in place of a move of the same tag
 *   drop(tag)  removes move TAG; returns whether there was one
 * Moves stay in the order of moves_tags (game/turn/moves.h) whatever order the rules add them in,
 * so a replay lists them the same way. A bad argument is an error at the rule's line.
 *
 * Depends on: engine/script (the sandbox), engine/core/utf8, game/turn/moves.h, libc, POSIX
 * dirent. Lua is touched only in scenario_lua.c and scenario_rules_lua.c. */
#ifndef HEARD_SCENARIO_H
#define HEARD_SCENARIO_H

#include <stddef.h>

#include "engine/script/script.h"
#include "game/turn/moves.h"
#include "game/turn/turn.h"

#define SCENARIO_PROMPTS_MAX 8
#define SCENARIO_EXAMPLES_MAX 1000
#define SCENARIO_ROUNDS_DEFAULT 2

/* A scenario file that loads but whose table breaks the rules above. (File and Lua errors
 * come back as the SCRIPT_ERR_* codes of script.h.) */
enum { SCENARIO_ERR_INVALID = -10 };

typedef struct ScenarioInfo {
    char path[512];         /* the file, or the name given to an in-memory source */
    char id[64];            /* "" when unreadable */
    char title[128];        /* the file's base name when the table could not be read */
    char description[256];  /* one line */
    int difficulty;         /* 1..4; 0 when unreadable */
    int rounds;             /* 1..20 */
    int example_reflection; /* 1 (the default) or 0 when the scenario switched it off */
    int ok;                 /* 1 when the file loaded and every field checked out */
    char error[512];        /* "FILE:LINE: error: ..." when ok is 0 */
} ScenarioInfo;

/* Lists every *.lua file directly in DIR, each loaded in its own small sandbox, sorted by
 * difficulty then title; files that fail to load or check come last (by path), with ok = 0
 * and their error, rather than failing the list. On success returns 0 and sets *OUT (owned
 * by the caller, free with scenario_list_free; NULL when COUNT is 0) and *COUNT. Returns
 * SCRIPT_ERR_IO when DIR cannot be read, SCRIPT_ERR_MEMORY when out of memory; *OUT and
 * *COUNT are then NULL and 0. */
int scenario_list(const char *dir, ScenarioInfo **out, size_t *count);

/* Frees a list from scenario_list. scenario_list_free(NULL) is a no-op. */
void scenario_list_free(ScenarioInfo *list);

/* Loads the scenario file PATH in a small sandbox and fills OUT (always, even on failure:
 * path, title, ok and error). Returns 0, SCRIPT_ERR_IO if the file cannot be read, another
 * SCRIPT_ERR_* code if the chunk fails, or SCENARIO_ERR_INVALID if a field is wrong. */
int scenario_info_load(const char *path, ScenarioInfo *out);

/* As scenario_info_load for a source held in memory (LEN bytes), named NAME in messages. */
int scenario_info_load_source(const char *name, const char *source, size_t len, ScenarioInfo *out);

/* Reads the scenario file (or flow library) PATH whole: a regular file of at most
 * LIMITS_SOURCE_MAX bytes (engine/core/limits.h). Returns 0 with *OUT (NUL-terminated, owned
 * by the caller) and *LEN, or SCRIPT_ERR_IO (SCRIPT_ERR_MEMORY) with ERR (may be NULL)
 * saying "PATH: error: cannot read the file: it is a FIFO (a named pipe), not a regular
 * file". */
int scenario_read_file(const char *path, char **out, size_t *len, ScriptError *err);

/* Checks that SOURCE (LEN bytes, named NAME in messages) can be run and saved with a
 * session: at most LIMITS_SOURCE_MAX bytes, no NUL byte, UTF-8 (an editor's byte-order mark
 * is fine). Returns 0, or SCENARIO_ERR_INVALID with ERR (may be NULL) at the line and
 * column of the first bad byte: "NAME:3: error: the file is not UTF-8 text (byte 0xE9 at
 * column 12); save it as UTF-8". scenario_load runs it first. */
int scenario_check_source(const char *name, const char *source, size_t len, ScriptError *err);

/* For the turn flow and `heard check`: runs the scenario SOURCE (LEN bytes, chunk name
 * NAME) in S, after scenario_check_source, checks its table, fills in defaults (rounds,
 * prompts, hints) and leaves the
 * table on top of S's stack. Fills INFO and ERR (either may be NULL). Returns 0, a
 * SCRIPT_ERR_* code, or SCENARIO_ERR_INVALID; on failure the stack is as it was. */
int scenario_load(Script *s, const char *name, const char *source, size_t len, ScenarioInfo *info,
                  ScriptError *err);

/* One scored turn as a scenario's `rules` see it (the first five fields), with what the
 * game's rules of play need besides (docs/scoring.md), which the scenario's rules do not
 * see. Everything is borrowed. */
typedef struct ScenarioTurn {
    const char *text;
    const char *context; /* the partner's last words, "" for a startup */
    const char *kind;    /* "startup", "reply", "more", "closure", "rating", ... */
    Role role;
    int player;           /* 0 or 1 */
    int round;            /* the round it belongs to, from 1 (0: not known) */
    const Turn *before;   /* the turns of the match before this one, or NULL */
    size_t nbefore;       /* how many */
    const Turn *rated;    /* kind "rating": the reply it rates (one of BEFORE), or NULL */
    const char *names[2]; /* the players' names for reasons; NULL: "your partner" */
} ScenarioTurn;

/* The scenario's part of scoring a turn: runs the `rules` of the scenario table at index SC
 * of L's stack on MOVES (what the standard rules found for TURN), then gives every move the
 * scenario's `points` for its tag, and sums MOVES->total again. Without rules or points,
 * MOVES keeps its moves. Runs Lua, so call it inside a step (from a binding while a
 * coroutine runs, or under script_call): a rule's error, or a bad add or drop, is raised
 * as a Lua error at the rule's line, and MOVES is then left as it was. */
void scenario_score(struct lua_State *L, int sc, const ScenarioTurn *turn, MoveList *moves);

/* The points the scenario table at SC on L's stack gives TAG in its `points`, or FALLBACK
 * when it gives none. Raw reads only: runs no Lua code. */
int scenario_points(struct lua_State *L, int sc, const char *tag, int fallback);

/* Pushes MOVES onto L's stack as the list scripts see: { {tag=, points=, reason=}, ... }.
 * Runs no Lua code. */
void scenario_push_moves(struct lua_State *L, const MoveList *moves);

/* Suggests the word of WORDS (COUNT of them) closest to WORD by edit distance, or NULL when
 * none is close enough to be a likely typo. The result is one of WORDS (borrowed). */
const char *scenario_suggest(const char *word, const char *const *words, size_t count);

#endif
