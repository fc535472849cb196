/* rules.h: the game's reading of a reply. Loads the lexicons (scripts/lexicon/NAME.lua),
 * the learned models (scripts/rules/weights.txt) and the rules (scripts/rules/default.lua);
 * runs the C analyser (game/analysis) on each reply, scores each clause with the models,
 * and hands what they decided to the rules, which return the moves with points and reasons
 * that quote the player's words. The same Rules score live play, replays, `heard score`,
 * `heard eval` and `heard train`.
 *
 * Depends on: game/analysis, engine/script (Lua), game/turn/moves.h. No SDL. */
#ifndef HEARD_RULES_H
#define HEARD_RULES_H

#include "engine/script/script.h"
#include "game/analysis/an_model.h"
#include "game/turn/moves.h"
#include "game/analysis/an_vector.h"

typedef struct Rules Rules;

/* Loads scripts/lexicon/NAME.lua (in name order), scripts/rules/default.lua and, when
 * present, scripts/rules/weights.txt from ROOT (the folder holding scripts/). Words are read
 * through hunspell's dictionaries in HEARD_HUNSPELL_DIR, else /usr/share/hunspell (without
 * them, words stand as typed). Returns NULL on failure with ERR (may be NULL) filled as
 * "FILE:LINE: message". The caller owns the result; free it with rules_destroy. */
Rules *rules_load(const char *root, ScriptError *err);

/* As rules_load without scripts/rules/weights.txt, whatever state it is in: for
 * `heard train`, which makes it, and `heard eval --lofo`, which fits its own. */
Rules *rules_load_unfitted(const char *root, ScriptError *err);

/* Frees R; rules_destroy(NULL) is a no-op. */
void rules_destroy(Rules *r);

/* The rules read at most LIMITS_TEXT_MAX bytes (engine/core/limits.h) of a reply and of its
 * context, cut at a character boundary: the game never hands them more, and a caller that
 * may (`heard score`, `heard eval`) checks the limit first and says so. */

/* Scores REPLY written by ROLE against CONTEXT (the partner's last turn; "" or NULL for a
 * startup). ROLE_CUSTOMER uses the speaker moves, ROLE_AGENT the listener moves. Any text
 * is accepted (empty, huge, invalid UTF-8): OUT is always filled, possibly empty, with
 * valid UTF-8 reasons cut to MOVE_REASON_MAX. Returns 0, or a SCRIPT_ERR_* code with ERR
 * filled when the rules themselves fail (OUT is then empty). */
int rules_score(Rules *r, const char *context, const char *reply, Role role, MoveList *out,
                ScriptError *err);

/* Moves come back in the order of LABELS.md (reflection, feeling, check, questions, ...,
 * then tags a scenario added), whatever order the rules added them in. */

/* What decided one tag of the last rules_score: the model's probability and threshold, the
 * clause that scored highest (its text, borrowed until the next call) and the features that
 * pushed it up most. */
typedef struct RulesDecision {
    const char *tag;
    double p, threshold;
    int fires;
    const char *clause; /* "" when the reply had no clause */
    size_t clause_len;
    const char *features[AN_MODEL_TOP];
    double weights[AN_MODEL_TOP];
    int nfeatures;
} RulesDecision;

/* Fills OUT (room for MAX) with the decisions of the last rules_score, one per tag the
 * models scored for that role; returns how many. */
int rules_decisions(Rules *r, RulesDecision *out, int max);

/* How many sentences of REPLY ask (an_features.h: a question in form, a '?' that is not a
 * statement about the partner, or a statement about them put to them with a '?' to confirm,
 * "So you think it began four years ago?"; not a bare "Yeah?"), or -1 when memory runs
 * out. This is what `heard eval` counts as the tag "question"; players see
 * question_open/question_closed. */
int rules_asks(Rules *r, const char *context, const char *reply);

/* The instances the models read for REPLY against CONTEXT (an_vector.h), borrowed from R
 * until the next call; NULL when memory runs out. For `heard train`. */
const AnVector *rules_vectorize(Rules *r, const char *context, const char *reply);

/* The models R scores with (borrowed; NULL when none were loaded), and the domain it reads
 * in ("couples", the game's; or "counselling", whose models replace the couples models of
 * the tags they have). rules_set_models gives R the models MS (R owns them from now on;
 * NULL: none, and every tag the models would give is left out). rules_set_domain returns 0,
 * or -1 for an unknown domain name. */
const AnModels *rules_models(const Rules *r);
void rules_set_models(Rules *r, AnModels *ms);
int rules_set_domain(Rules *r, const char *domain);

/* The lexicon's phrase patterns, for auditing them (tests/unit/test_lexicon_rows.c): how
 * many there are; pattern I as written, with its cue's name in *CUE (both borrowed; "" out
 * of range); and which of them match TEXT: sets HIT[i] to 1 for each pattern i that matches
 * it (HIT has room for rules_pattern_count values; others are left alone). Returns 0 or -1
 * when memory runs out. */
int rules_pattern_count(const Rules *r);
const char *rules_pattern(const Rules *r, int i, const char **cue);
int rules_pattern_hits(Rules *r, const char *text, unsigned char *hit);

/* A hex FNV-1a 64 digest of the lexicon, rules and weights sources, for saved sessions.
 * Borrowed, valid while R lives. */
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
