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
#include "game/analysis/an_vector.h"
#include "game/turn/moves.h"

/* Runs the lexicon file PATH and adds its words (pass 1: "classes", "families") or its
 * cues (pass 2: "cues") to LX and M. Returns 0 or a SCRIPT_ERR_* code with ERR filled. */
int rules_lua_lexicon(Script *s, const char *path, int pass, AnLexicon *lx, AnMatcher *m,
                      ScriptError *err);

/* Runs the rules file PATH; keeps the table it returns. Returns 0 or SCRIPT_ERR_*. */
int rules_lua_load_rules(Script *s, const char *path, ScriptError *err);

/* One reply as the rules see it: its features and instances, and the models' scores of the
 * tags its writer's role may carry (TAGS[i] scored SCORES[i]). */
typedef struct RulesScored {
    const AnFeatures *f;
    const AnVector *v;
    const char *tags[AN_MODEL_TAGS_MAX];
    AnTagScore scores[AN_MODEL_TAGS_MAX];
    int n;
    int customer; /* the speaker wrote it */
} RulesScored;

/* Calls the rules' score(f) on SC (M names the cue hits, LX the feeling families) inside one
 * protected step, and fills OUT with the moves it returns. Returns 0 or a SCRIPT_ERR_* code
 * with ERR filled; nothing touches the Lua state outside the step. */
int rules_lua_score(Script *s, const RulesScored *sc, const AnMatcher *m, const AnLexicon *lx,
                    MoveList *out, ScriptError *err);

/* Overrides held in the rules table (see rules.h). */
int rules_lua_set_points(Script *s, const char *tag, int points);
int rules_lua_add_rule(Script *s, const char *source, const char *name, ScriptError *err);
void rules_lua_clear_overrides(Script *s);

#endif
