/* rules.h: the game's reading of a reply. Loads the lexicons (scripts/lexicon/NAME.lua)
 * and the rules (scripts/rules/default.lua) into a sandboxed Lua state, runs the C
 * analyser (game/analysis) on each reply, hands its features to the rules and returns the
 * moves they saw, with points and reasons. The same Rules score live play, replays,
 * `heard score` and `heard eval`.
 *
 * Depends on: game/analysis, engine/script (Lua), game/turn/moves.h. No SDL. */
#ifndef HEARD_RULES_H
#define HEARD_RULES_H

#include "engine/script/script.h"
#include "game/analysis/an_model.h"
#include "game/turn/moves.h"

#define RULES_MODELS_MAX 8 /* fitted models in scripts/rules/weights.lua */

typedef struct Rules Rules;

/* Loads scripts/lexicon/NAME.lua (in name order), scripts/rules/default.lua and, when
 * present, the fitted models of scripts/rules/weights.lua from ROOT (the folder holding
 * scripts/). Returns NULL on failure with ERR (may be NULL) filled as
 * "FILE:LINE: message". The caller owns the result; free it with rules_destroy. */
Rules *rules_load(const char *root, ScriptError *err);

/* Frees R; rules_destroy(NULL) is a no-op. */
void rules_destroy(Rules *r);

/* Scores REPLY written by ROLE against CONTEXT (the partner's last turn; "" or NULL for a
 * startup). ROLE_CUSTOMER uses the speaker moves, ROLE_AGENT the listener moves. Any text
 * is accepted (empty, huge, invalid UTF-8): OUT is always filled, possibly empty, with
 * valid UTF-8 reasons cut to MOVE_REASON_MAX. Returns 0, or a SCRIPT_ERR_* code with ERR
 * filled when the rules themselves fail (OUT is then empty). */
int rules_score(Rules *r, const char *context, const char *reply, Role role, MoveList *out,
                ScriptError *err);

/* Moves come back in the order of LABELS.md (reflection, feeling, check, questions, ...,
 * then tags a scenario added), whatever order the rules added them in. */

/* The fitted models' inputs (an_model.h) for REPLY against CONTEXT: writes AN_X_COUNT
 * values to X (CAP values of room) and returns AN_X_COUNT, or -1 when CAP is too small or
 * memory runs out. For `heard train`. */
int rules_inputs(Rules *r, const char *context, const char *reply, double *x, int cap);

/* How many sentences of REPLY ask (an_features.h: a question in form, a '?' that is not a
 * statement about the partner, or a statement about them put to them with a '?' to confirm,
 * "So you think it began four years ago?"; not a bare "Yeah?"), or -1 when memory runs
 * out. This is what `heard eval` counts as the tag "question"; players see
 * question_open/question_closed. */
int rules_asks(Rules *r, const char *context, const char *reply);

/* The loaded models (borrowed, valid until rules_set_models or rules_destroy); returns how
 * many. rules_set_models replaces them with N copies from MODELS (0: the hand rules decide
 * alone), for held-out evaluation; returns 0 or -1 when N is out of range. */
int rules_models(const Rules *r, const AnModel **models);
int rules_set_models(Rules *r, const AnModel *models, int n);

/* A hex FNV-1a 64 digest of the lexicon and rules sources, for saved sessions. Borrowed,
 * valid while R lives. */
const char *rules_hash(const Rules *r);

/* Scenario overrides, kept until rules_clear_overrides. rules_set_points makes TAG worth
 * POINTS from now on (0, or -1 when TAG is empty or too long). rules_add_rule runs the Lua
 * chunk SOURCE (named NAME in messages), which must return a function
 * rule(features, moves, add) called after the default rules on every reply; returns 0 or a
 * SCRIPT_ERR_* code with ERR filled. */
int rules_set_points(Rules *r, const char *tag, int points);
int rules_add_rule(Rules *r, const char *source, const char *name, ScriptError *err);
void rules_clear_overrides(Rules *r);

#endif
