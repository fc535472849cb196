/* match_lua.c: the pipeline run outside any flow, under a protected call of its own, for
 * `heard check`'s examples. Thin: it calls match_score in a step.
 *
 * Depends on: Lua 5.4, engine/script, match.c. */
#include "game/match/match.h"

#include <string.h>

#include <lua.h>

typedef struct AloneArgs {
    Rules *rules;
    const ScenarioTurn *turn;
    MoveList *out;
    ScriptError *err;
    int rc;
} AloneArgs;

/* Protected: (AloneArgs *, scenario table) -> nothing. */
static int l_match_score(lua_State *L)
{
    AloneArgs *a = lua_touserdata(L, 1);
    a->rc = match_score(a->rules, FLOW_SCORING_NOW, L, 2, a->turn, a->out, a->err);
    return 0;
}

int match_score_alone(Rules *rules, Script *s, const ScenarioTurn *turn, MoveList *out,
                      ScriptError *err)
{
    lua_State *L = script_lua(s);
    ScriptError rules_err; /* the rules' own, kept apart from the step's */
    memset(&rules_err, 0, sizeof rules_err);
    AloneArgs a = {rules, turn, out, &rules_err, 0};
    lua_pushcfunction(L, l_match_score);
    lua_pushlightuserdata(L, &a);
    lua_pushvalue(L, -3);
    int rc = script_call(s, 2, 0, err);
    if (rc == 0 && a.rc != 0) {
        rc = a.rc;
        if (err)
            *err = rules_err;
    }
    if (rc != 0)
        memset(out, 0, sizeof *out);
    return rc;
}
