/* match.h: one match — a scenario's flow, the rules that score it and the session file it
 * is saved to, together — and the one pipeline every scored turn goes through.
 *
 * The pipeline (match_score), for every turn the flow records with heard.turn:
 *   1. the analyser reads the reply against the words it answers (game/analysis),
 *   2. the standard rules name its moves, with points and reasons (rules_score),
 *   3. the scenario's own rules add, drop or replace moves,
 *   4. the scenario's points win over the rules' (3 and 4: scenario_score),
 *   5. the game's rules of play (game/match/scoring.h, docs/scoring.md): the partner's rating
 *      weighs the listening points of the reply it rates, a toaster cancels the listening
 *      of its own reply, a repair after a slip earns a bonus,
 *   6. every reason is written again from its move's final points (moves_restate),
 *   7. the turn is committed: written to the session file and synced before the call that
 *      gave the answer returns (match_answer_text, match_answer_choice).
 * Undo, hot reload and replay re-run the flow through the same pipeline; the turns the
 * file already holds are not written again. The play screen, the replay viewer, `heard
 * replay --verify`, `heard check`, the command line and the tests all play through here.
 *
 * Errors: functions return 0 or a negative code (the FLOW_ERR_* of flow.h or the SCRIPT_ERR_*
 * of script.h) and fill a ScriptError that says what and where: a rules or
 * scenario error names its file and line. A session file that cannot be written does not
 * stop the match: match_save_warning says why, and play goes on.
 *
 * Depends on: game/flow, game/rules, game/session, engine/script. No SDL. */
#ifndef HEARD_MATCH_H
#define HEARD_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "engine/core/events.h"
#include "engine/script/script.h"
#include "game/flow/flow.h"
#include "game/rules/rules.h"
#include "game/scenario/scenario.h"
#include "game/session/session.h"
#include "game/turn/turn.h"

typedef struct Match Match;

/* Called once turn T is on disk (synced) in the session file PATH: a crash from then on
 * keeps it. */
typedef void (*MatchSavedFn)(void *ud, const char *path, const Turn *t);

typedef struct MatchConfig {
    const char *root;          /* the folder that holds scripts/ (NULL or "" means ".") */
    Rules *rules;              /* the rules to score with, borrowed (must outlive the match); NULL:
                                  the match loads its own from ROOT */
    const char *scenario_path; /* the scenario file; also read again by match_reload */
    const char *scenario_source; /* when set, run instead of reading scenario_path */
    size_t scenario_source_len;  /* 0 means strlen(scenario_source) */
    const char *scenario_name;   /* chunk name for an in-memory source (default: the path) */
    const char *floor_source;    /* when set, the flow library instead of scripts/lib/floor.lua */
    size_t floor_source_len;     /* 0 means strlen(floor_source) */
    const char *floor_name;      /* chunk name for an in-memory flow library */
    const char *names[2];        /* the players' names */
    int first;                   /* the player (0 or 1) who is the customer first */
    uint64_t seed;               /* the session's generator */
    const char *save_dir;        /* the folder for the session file (must exist); NULL: the
                                    match is not saved (replay, heard check) */
    MatchSavedFn saved;          /* may be NULL */
    void *saved_ud;
    int scoring; /* the rules of play (docs/scoring.md): 0 for today's (FLOW_SCORING_NOW); a
                    replay gives the session's (1 for files saved before they were recorded) */
} MatchConfig;

/* ---- the pipeline ---------------------------------------------------------------------- */

/* Scores TURN through steps 1 to 6 above with RULES under the rules of play SCORING (1, or
 * FLOW_SCORING_NOW: step 5 applies from 2), and the scenario whose table is at index
 * SCENARIO of L's stack, into OUT. A rating (kind "rating", from 2 on) is not analysed: its
 * moves are the partner's word on TURN->rated. Runs inside a Lua step of L (the flow's
 * heard.turn and heard.rate, or match_score_alone): a scenario rule's error is raised in L
 * at the rule's line. Returns 0, or the rules' SCRIPT_ERR_* code with ERR naming the rules
 * file, line and message (OUT is then empty). */
int match_score(Rules *rules, int scoring, struct lua_State *L, int scenario,
                const ScenarioTurn *turn, MoveList *out, ScriptError *err);

/* match_score under today's rules of play outside any flow, for the scenario table that
 * scenario_load left on top of S's stack (it stays there): `heard check` scores a scenario's
 * examples so (an example with a rating scores the reply, then the rating with the reply as
 * TURN->rated). Returns 0, or a SCRIPT_ERR_* code with ERR filled (the rules' or the
 * scenario's file and line); OUT is then empty. */
int match_score_alone(Rules *rules, Script *s, const ScenarioTurn *turn, MoveList *out,
                      ScriptError *err);

/* ---- life cycle ------------------------------------------------------------------------ */

/* Loads the rules (unless given), starts the flow up to its first ask and, with a save_dir,
 * creates the session file and writes its header. Returns the match (free with
 * match_destroy), or NULL with ERR (may be NULL) saying what and where when the rules or
 * the scenario cannot start. A session file that cannot be created still plays:
 * match_save_warning says why. CFG's strings are copied. */
Match *match_create(const MatchConfig *cfg, ScriptError *err);

/* Makes M, which has re-run the answers of the stopped session S saved at PATH (a replay's
 * match, resume.h), write on to that file: what M holds beyond what the file does (a turn
 * the stop cut off) is written at once, then everything played from here, and the end line
 * when the flow ends; SAVED (may be NULL) is told of each turn. Returns 0, or -1 with ERR
 * (ERRSIZE bytes) saying why the file cannot be written on. */
int match_attach(Match *m, const char *path, const Session *s, MatchSavedFn saved, void *ud,
                 char *err, size_t errsize);

/* Closes the session file and frees M (and its rules when it loaded them). NULL is a
 * no-op. */
void match_destroy(Match *m);

/* ---- playing --------------------------------------------------------------------------- */

/* Answers what the flow asks (see flow_answer_text and flow_answer_choice) at time MS. When
 * the answer was taken, the answer and every turn it led to are in the session file and
 * synced before this returns, and when the flow has ended so is the end line. Returns 0 or
 * the flow's error (the answer is then dropped; ERR says what and where). */
int match_answer_text(Match *m, const char *text, uint32_t ms, ScriptError *err);
int match_answer_choice(Match *m, int index, uint32_t ms, ScriptError *err);

/* Takes back the last answer (flow_back) and records the undo in the file. Returns 0,
 * FLOW_ERR_NOTHING or a script error (the match is then as before). */
int match_back(Match *m, uint32_t ms, ScriptError *err);

/* Hot reload from the files (flow_reload), recorded in the session file with the sources
 * now in force, so a replay follows it. Returns 0, or an error with ERR (file and line)
 * while the match stays as it was. */
int match_reload(Match *m, uint32_t ms, ScriptError *err);

/* Hot reload from sources in memory (flow_reload_sources; either may be NULL to keep the
 * one running), recorded as match_reload records. Replay follows a recorded reload so. */
int match_reload_sources(Match *m, const char *scenario_src, const char *floor_src, uint32_t ms,
                         ScriptError *err);

/* Records an input event in the session file (synced with the next answer). */
void match_record_event(Match *m, const Event *e);

/* Time-out: while PAUSED is non-zero, answers are refused with FLOW_ERR_PAUSED. */
void match_set_paused(Match *m, int paused);

/* ---- reading --------------------------------------------------------------------------- */

/* The flow being played (borrowed, valid until the next call that changes the match): its
 * ask, turns, scores, parking lot, scenario. */
const Flow *match_flow(const Match *m);

/* The rules the match scores with (borrowed). */
Rules *match_rules(const Match *m);

/* The session file's path, or "" when the match is not saved, or saving stopped. */
const char *match_save_path(const Match *m);

/* Why the session is not (or no longer) being saved, ready to show, or "" when all is
 * well. */
const char *match_save_warning(const Match *m);

#endif
