/* rules.h: the game's reading of a reply. Loads the lexicons (scripts/lexicon/NAME.lua)
 * and the rules (scripts/rules/default.lua) into a sandboxed Lua state, runs the C
 * analyser (game/analysis) on each reply, hands its features to the rules and returns the
 * moves they saw, with points and reasons. The same Rules score live play, replays,
 * `heard score` and `heard eval`.
 *
 * Depends on: game/analysis, engine/script (Lua), game/rules/moves.h. No SDL. */
#ifndef HEARD_RULES_H
#define HEARD_RULES_H

#include "engine/script/script.h"
#include "game/rules/moves.h"

typedef struct Rules Rules;

/* Loads scripts/lexicon/NAME.lua (in name order) and scripts/rules/default.lua from ROOT
 * (the folder holding scripts/). Returns NULL on failure with ERR (may be NULL) filled as
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
