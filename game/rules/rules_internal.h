/* rules_internal.h: what rules.c needs from its Lua binding file (rules_lua.c). Not for
 * use outside game/rules. */
#ifndef HEARD_RULES_INTERNAL_H
#define HEARD_RULES_INTERNAL_H

#include <stddef.h>

#include "engine/script/script.h"
#include "game/analysis/an_features.h"
#include "game/analysis/an_lexicon.h"
#include "game/analysis/an_match.h"
#include "game/analysis/an_model.h"
#include "game/turn/moves.h"

/* Runs the lexicon file PATH and adds its words (pass 1: "classes", "families") or its
 * cues (pass 2: "cues") to LX and M. Returns 0 or a SCRIPT_ERR_* code with ERR filled. */
int rules_lua_lexicon(Script *s, const char *path, int pass, AnLexicon *lx, AnMatcher *m,
                      ScriptError *err);

/* Runs the rules file PATH; keeps the table it returns. Returns 0 or SCRIPT_ERR_*. */
int rules_lua_load_rules(Script *s, const char *path, ScriptError *err);

/* Runs the weights file PATH (see scripts/rules/weights.lua) and fills up to MAX models;
 * keeps the table as the rules' R.weights. Returns 0 or SCRIPT_ERR_* with ERR filled
 * ("weights.lua: unknown input 'x'..."). */
int rules_lua_load_weights(Script *s, const char *path, AnModel *models, int max, int *n,
                           ScriptError *err);

/* What the fitted models say about one reply: per model its probability and the inputs
 * that pushed it up most. */
typedef struct RulesModelOut {
    const AnModel *models;
    int n;
    const double *p;
    const int (*top)[3];
    const int *ntop;
} RulesModelOut;

/* Calls the rules' score(f) with F (from M's cues) and the model scores MO (may be NULL)
 * for ROLE and fills OUT. */
int rules_lua_score(Script *s, const AnFeatures *f, const AnMatcher *m, const AnLexicon *lx,
                    const RulesModelOut *mo, int customer, MoveList *out, ScriptError *err);

/* Overrides held in the rules table (see rules.h). */
int rules_lua_set_points(Script *s, const char *tag, int points);
int rules_lua_add_rule(Script *s, const char *source, const char *name, ScriptError *err);
void rules_lua_clear_overrides(Script *s);

#endif
